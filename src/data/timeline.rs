//! Timeline events derived from the agreements' milestones, so that each date is
//! written once, in agreements.toml.

use super::date::FuzzyDate;
use super::model::{Agreement, Event, EventKind, Host, Milestone, Sides};

/// The agreed, initialed, signed, ratified, in-force and expiry events of an agreement.
///
/// Each milestone's event carries the milestone's confidence. The signing lists the
/// signatories and the initialing those who initialed, as the sources name them. Where
/// no source names who initialed, and for the agreement in principle, the events list
/// the chief negotiators, marked as inferred. The host gives the years' labels, the day
/// the last year ends (31 December; 31 March after a Japanese fiscal year) and who
/// consents (the National Assembly; the Diet).
pub fn milestone_events(a: &Agreement, host: Host) -> Vec<Event> {
    let m = &a.milestones;
    let name = a.name();
    let names =
        |sides: &Sides| -> Vec<String> { sides.host.iter().chain(&sides.us).cloned().collect() };
    let signatories = names(&a.signatories);
    let negotiators = names(&a.negotiators);
    let initialing = if a.initialed_by.host.is_empty() && a.initialed_by.us.is_empty() {
        (negotiators.clone(), true)
    } else {
        (names(&a.initialed_by), false)
    };
    let years = a.years_label(host);
    let (expiry, consents) = host_words(a, host);
    let milestone = |kind: Milestone| (m.get(kind), a.milestone_confidence(kind));
    let milestones = [
        (
            EventKind::Agreed,
            milestone(Milestone::Agreed),
            format!("{name} agreed ({years})"),
            negotiators.clone(),
            true,
        ),
        (
            EventKind::Initialed,
            milestone(Milestone::Initialed),
            format!("{name} initialed"),
            initialing.0,
            initialing.1,
        ),
        (
            EventKind::Signed,
            milestone(Milestone::Signed),
            format!("{name} signed"),
            signatories,
            false,
        ),
        (
            EventKind::Ratified,
            milestone(Milestone::Consent),
            format!("{name}: {consents}"),
            Vec::new(),
            false,
        ),
        (
            EventKind::InForce,
            milestone(Milestone::InForce),
            format!("{name} enters into force"),
            Vec::new(),
            false,
        ),
        (
            EventKind::Expiry,
            (expiry, a.confidence),
            format!("{name} expires"),
            Vec::new(),
            false,
        ),
    ];
    milestones
        .into_iter()
        .filter_map(|(kind, (date, confidence), headline, people, inferred)| {
            let date = date?;
            Some(Event {
                id: format!("{}-{}", a.id, kind.label().replace(' ', "-")),
                kind,
                date,
                end: None,
                headline,
                text: Some(agreement_text(a, &name, &years)),
                place: None,
                people_inferred: if inferred { people.clone() } else { Vec::new() },
                people,
                agreement: Some(a.id.clone()),
                round: None,
                demand: None,
                host: crate::data::Host::default(),
                sources: a.sources.clone(),
                confidence,
            })
        })
        .collect()
}

/// What each of an agreement's events says of it: its years, first-year amount, rule
/// and note.
fn agreement_text(a: &Agreement, name: &str, years: &str) -> String {
    format!(
        "{name}, covering {years}. First-year amount: {}. Rule: {}{}",
        a.first_year_amount,
        a.rule_text,
        a.note
            .as_ref()
            .map(|n| format!(" Note: {n}"))
            .unwrap_or_default()
    )
}

/// The day an agreement's last year ends (31 December; 31 March after a Japanese
/// fiscal year), and who consents to it (the National Assembly; the Diet).
fn host_words(a: &Agreement, host: Host) -> (Option<FuzzyDate>, &'static str) {
    if host.fiscal_years() {
        (FuzzyDate::day(a.last_year + 1, 3, 31), "the Diet approves")
    } else {
        (
            FuzzyDate::day(a.last_year, 12, 31),
            "National Assembly consents",
        )
    }
}
