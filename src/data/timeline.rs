//! Timeline events derived from the agreements' milestones, so that each date is
//! written once, in agreements.toml.

use super::date::FuzzyDate;
use super::model::{Agreement, Event, EventKind};

/// The agreed, initialed, signed, ratified, in-force and expiry events of an agreement.
pub fn milestone_events(a: &Agreement) -> Vec<Event> {
    let m = &a.milestones;
    let name = a.name();
    let signatories: Vec<String> = a
        .signatories
        .rok
        .iter()
        .chain(&a.signatories.us)
        .cloned()
        .collect();
    let negotiators: Vec<String> = a
        .negotiators
        .rok
        .iter()
        .chain(&a.negotiators.us)
        .cloned()
        .collect();
    let years = if a.first_year == a.last_year {
        a.first_year.to_string()
    } else {
        format!("{}–{}", a.first_year, a.last_year)
    };
    let expiry = FuzzyDate::day(a.last_year, 12, 31);
    let milestones = [
        (
            EventKind::Agreed,
            m.agreed,
            format!("{name} agreed ({years})"),
            negotiators.clone(),
        ),
        (
            EventKind::Initialed,
            m.initialed,
            format!("{name} initialed"),
            negotiators,
        ),
        (
            EventKind::Signed,
            m.signed,
            format!("{name} signed"),
            signatories,
        ),
        (
            EventKind::Ratified,
            m.consent,
            format!("{name}: National Assembly consents"),
            Vec::new(),
        ),
        (
            EventKind::InForce,
            m.in_force,
            format!("{name} enters into force"),
            Vec::new(),
        ),
        (
            EventKind::Expiry,
            expiry,
            format!("{name} expires"),
            Vec::new(),
        ),
    ];
    milestones
        .into_iter()
        .filter_map(|(kind, date, headline, people)| {
            let date = date?;
            Some(Event {
                id: format!("{}-{}", a.id, kind.label().replace(' ', "-")),
                kind,
                date,
                end: None,
                headline,
                text: Some(format!(
                    "{name}, covering {years}. First-year amount: {}. Rule: {}{}",
                    a.first_year_amount,
                    a.rule_text,
                    a.note
                        .as_ref()
                        .map(|n| format!(" Note: {n}"))
                        .unwrap_or_default()
                )),
                place: None,
                people,
                agreement: Some(a.id.clone()),
                round: None,
                sources: a.sources.clone(),
                confidence: a.confidence,
            })
        })
        .collect()
}
