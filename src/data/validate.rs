//! The rules a dataset must keep beyond its TOML shape: unique ids, references that
//! resolve, years in range and in order, amounts and parameters that make sense.

use std::collections::{HashMap, HashSet};

use super::diagnostic::LoadError;
use super::load::{At, Key, Located};
use super::model::*;
use super::timeline;

/// Years any series may hold.
pub const YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;
/// The longest lag an escalation rule may look back.
pub const MAX_LAG_YEARS: u32 = 10;
/// The longest one-line field: a headline, a name, a title.
pub const MAX_LINE_CHARS: usize = 300;
/// The longest headline: one row of the timeline.
pub const MAX_HEADLINE_CHARS: usize = 200;
/// The longest paragraph: an event's text, a note.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Every record of a dataset, each with its place in its file.
pub(crate) struct Records<'a> {
    /// The host the dataset records: its currency names the amount fields.
    pub host: Host,
    pub sources: Vec<Located<'a, Source>>,
    pub agreements: Vec<Located<'a, Agreement>>,
    pub contributions: Vec<Located<'a, Contribution>>,
    pub events: Vec<Located<'a, Event>>,
    pub troop_counts: Vec<Located<'a, TroopCount>>,
    pub troop_levels: Vec<Located<'a, TroopLevel>>,
    pub host_cpi: Vec<Located<'a, HostCpi>>,
    pub us_cpi: Vec<Located<'a, UsCpi>>,
    pub exchange_rates: Vec<Located<'a, ExchangeRate>>,
    pub defense_budgets: Vec<Located<'a, DefenseBudget>>,
    pub gdp: Vec<Located<'a, Gdp>>,
    /// Every id written in sources.toml and agreements.toml, valid or not.
    pub ids_written: HashSet<String>,
}

impl Records<'_> {
    pub fn into_dataset(self, info: DatasetInfo) -> Dataset {
        fn values<T>(records: Vec<Located<'_, T>>) -> Vec<T> {
            records.into_iter().map(|r| r.value).collect()
        }
        let mut agreements = values(self.agreements);
        agreements.sort_by_key(|a| a.ordinal);
        let mut events = values(self.events);
        events.extend(
            agreements
                .iter()
                .flat_map(|a| timeline::milestone_events(a, info.host)),
        );
        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.kind.cmp(&b.kind)));
        for e in &mut events {
            e.host = info.host;
        }
        for a in &mut agreements {
            a.host = info.host;
        }
        let mut dataset = Dataset {
            info,
            sources: values(self.sources),
            agreements,
            contributions: values(self.contributions),
            events,
            troop_counts: values(self.troop_counts),
            troop_levels: values(self.troop_levels),
            host_cpi: values(self.host_cpi),
            us_cpi: values(self.us_cpi),
            exchange_rates: values(self.exchange_rates),
            defense_budgets: values(self.defense_budgets),
            gdp: values(self.gdp),
        };
        dataset.make_printable();
        dataset
    }
}

/// Checks every rule, reporting each broken one.
pub(crate) fn check(records: &Records, errors: &mut LoadError) {
    let source_ids = unique_ids(records.sources.iter().map(|r| (&r.value.id, r.at)), errors);
    unique_ids(
        records.agreements.iter().map(|r| (&r.value.id, r.at)),
        errors,
    );
    let refs = References {
        sources: source_ids
            .into_iter()
            .chain(records.ids_written.iter().map(String::as_str))
            .collect(),
        agreements: records
            .agreements
            .iter()
            .map(|r| (r.value.id.as_str(), &r.value))
            .collect(),
        written: &records.ids_written,
    };

    for r in &records.sources {
        check_source(&r.value, r.at, errors);
    }
    check_agreements(&records.agreements, records.host, &refs, errors);
    check_contributions(&records.contributions, records.host, &refs, errors);
    check_events(records, &refs, errors);
    check_troops(records, &refs, errors);
    check_economy(records, &refs, errors);
}

/// The most sources one record may cite: the dataset's most cited record gives 10;
/// a detail lists each with its title and URL, which past this is no longer read.
pub const MAX_SOURCES_PER_RECORD: usize = 100;

struct References<'a> {
    sources: HashSet<&'a str>,
    agreements: HashMap<&'a str, &'a Agreement>,
    written: &'a HashSet<String>,
}

impl References<'_> {
    fn check_sources(&self, sources: &[String], at: At, errors: &mut LoadError) {
        if sources.is_empty() {
            errors.push(at.error("sources", "expected at least one source id, found none"));
        }
        if sources.len() > MAX_SOURCES_PER_RECORD {
            errors.push(at.item_error(
                "sources",
                MAX_SOURCES_PER_RECORD,
                format!(
                    "expected at most {MAX_SOURCES_PER_RECORD} sources for one record, found {}",
                    sources.len()
                ),
            ));
            return;
        }
        let mut seen = HashSet::new();
        for (i, id) in sources.iter().enumerate() {
            if !seen.insert(id.as_str()) {
                errors.push(at.item_error(
                    "sources",
                    i,
                    format!("expected each source once, found \"{id}\" again"),
                ));
            } else if !self.sources.contains(id.as_str()) {
                errors.push(at.item_error(
                    "sources",
                    i,
                    format!("expected a source id from sources.toml, found unknown \"{id}\""),
                ));
            }
        }
    }

    fn check_agreement(&self, id: &str, at: At, errors: &mut LoadError) -> Option<&Agreement> {
        let found = self.agreements.get(id).copied();
        if found.is_none() && !self.written.contains(id) {
            errors.push(at.error(
                "agreement",
                format!("expected an agreement id from agreements.toml, found unknown \"{id}\""),
            ));
        }
        found
    }
}

/// Reports ids given twice; returns the set of ids.
pub(crate) fn unique_ids<'a>(
    ids: impl Iterator<Item = (&'a String, At<'a>)>,
    errors: &mut LoadError,
) -> HashSet<&'a str> {
    let mut first: HashMap<&str, At> = HashMap::new();
    for (id, at) in ids {
        if id.trim().is_empty() {
            errors.push(at.error("id", "expected a non-empty id, found \"\""));
        } else if !super::printable::is_plain_id(id) {
            errors.push(at.error(
                "id",
                format!(
                    "expected an id of printable characters without spaces, found \"{}\"",
                    super::printable::printable(id, false)
                ),
            ));
        } else if let Some(earlier) = first.get(id.as_str()) {
            errors.push(at.error(
                "id",
                format!(
                    "expected a unique id, found \"{id}\" again (first at {})",
                    earlier.place()
                ),
            ));
        } else {
            first.insert(id, at);
        }
    }
    first.into_keys().collect()
}

fn check_source(source: &Source, at: At, errors: &mut LoadError) {
    check_length("title", [&source.title], MAX_LINE_CHARS, at, errors);
    check_length("publisher", [&source.publisher], MAX_LINE_CHARS, at, errors);
    check_length("url", &source.url, MAX_LINE_CHARS * 4, at, errors);
    check_length("no_url", &source.no_url, MAX_LINE_CHARS, at, errors);
    if source.url.is_some() && source.no_url.is_some() {
        errors.push(at.error(
            "no_url",
            "expected no_url (why a source has no URL) only where url is missing, found both",
        ));
    }
    for (field, value) in [("title", &source.title), ("publisher", &source.publisher)] {
        if value.trim().is_empty() {
            errors.push(at.error(field, format!("expected a non-empty {field}, found \"\"")));
        }
    }
    if let Some(url) = &source.url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        errors.push(at.error(
            "url",
            format!("expected a URL starting with https:// or http://, found \"{url}\""),
        ));
    }
}

/// Refuses text too long to be anything but a mistake; `items` for lists of names.
pub(crate) fn check_length<'s>(
    field: &str,
    values: impl IntoIterator<Item = &'s String>,
    max: usize,
    at: At,
    errors: &mut LoadError,
) {
    for value in values {
        let n = value.chars().count();
        if n > max {
            errors.push(at.error(
                field,
                format!("expected at most {max} characters, found {n}"),
            ));
        }
    }
}

pub(crate) fn check_year(year: i32, field: &str, at: At, errors: &mut LoadError) -> bool {
    let ok = YEARS.contains(&year);
    if !ok {
        errors.push(at.error(
            field,
            format!(
                "expected a year from {} to {}, found {year}",
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    ok
}

/// The largest amount a file may give, in its own unit: 10 million of 100 million won
/// is a quadrillion won, 10 million million dollars ten trillion dollars, each far
/// past any budget; small enough that every sum, conversion and real-terms figure
/// made from it stays finite and prints as a number.
pub const MAX_AMOUNT: f64 = 1e7;

/// What is wrong with an amount, if anything: it must lie from 0 to [`MAX_AMOUNT`].
fn amount_problem(v: f64) -> Option<String> {
    if !v.is_finite() || v < 0.0 {
        Some(format!("expected a non-negative amount, found {v}"))
    } else if v > MAX_AMOUNT {
        // 1e308, not its 309 digits.
        Some(format!(
            "expected an amount of at most 10000000 (ten million), found {v:e}"
        ))
    } else {
        None
    }
}

pub(crate) fn check_amount(value: Option<f64>, field: &str, at: At, errors: &mut LoadError) {
    if let Some(message) = value.and_then(amount_problem) {
        errors.push(at.error(field, message));
    }
}

fn check_rate(value: Option<f64>, field: &str, at: At, errors: &mut LoadError) {
    if let Some(v) = value
        && (!v.is_finite() || !(-100.0..=1000.0).contains(&v))
    {
        errors.push(at.error(
            field,
            format!("expected a percentage from -100 to 1000, found {v}"),
        ));
    }
}

fn check_positive(value: f64, field: &str, at: At, errors: &mut LoadError) {
    if !value.is_finite() || value <= 0.0 {
        errors.push(at.error(field, format!("expected a positive number, found {value}")));
    } else if value > MAX_AMOUNT {
        errors.push(at.error(
            field,
            format!("expected a number of at most 10000000 (ten million), found {value}"),
        ));
    }
}

/// Reports years out of range, given twice or out of ascending order in one series.
pub(crate) fn check_year_series<'a>(
    years: impl Iterator<Item = (i32, At<'a>)>,
    errors: &mut LoadError,
) {
    let mut seen: HashMap<i32, At> = HashMap::new();
    let mut last: Option<i32> = None;
    for (year, at) in years {
        if !check_year(year, "year", at, errors) {
            continue;
        }
        if let Some(earlier) = seen.get(&year) {
            errors.push(at.error(
                "year",
                format!(
                    "expected each year once, found {year} again (first at {})",
                    earlier.place()
                ),
            ));
            continue;
        }
        if let Some(prev) = last
            && year < prev
        {
            errors.push(at.error(
                "year",
                format!("expected years in ascending order, found {year} after {prev}"),
            ));
        }
        seen.insert(year, at);
        last = Some(year);
    }
}

fn check_agreements(
    agreements: &[Located<Agreement>],
    host: Host,
    refs: &References,
    errors: &mut LoadError,
) {
    let mut ordinals: HashMap<u32, At> = HashMap::new();
    for r in agreements {
        let (a, at) = (&r.value, r.at);
        refs.check_sources(&a.sources, at, errors);
        check_length(
            "first_year_amount",
            [&a.first_year_amount],
            MAX_LINE_CHARS,
            at,
            errors,
        );
        check_length("rule_text", [&a.rule_text], MAX_TEXT_CHARS, at, errors);
        check_length("note", &a.note, MAX_TEXT_CHARS, at, errors);
        check_length("rounds_note", &a.rounds_note, MAX_TEXT_CHARS, at, errors);
        for names in [&a.signatories, &a.negotiators, &a.initialed_by] {
            check_length(
                "signatories",
                names.host.iter().chain(&names.us),
                MAX_LINE_CHARS,
                at,
                errors,
            );
        }
        if let Some(earlier) = ordinals.insert(a.ordinal, at) {
            errors.push(at.error(
                "ordinal",
                format!(
                    "expected a unique ordinal, found {} again (first at {})",
                    a.ordinal,
                    earlier.place()
                ),
            ));
        }
        let years_ok = check_year(a.first_year, "first_year", at, errors)
            & check_year(a.last_year, "last_year", at, errors);
        if years_ok && a.last_year < a.first_year {
            errors.push(at.error(
                "last_year",
                format!(
                    "expected last_year at or after first_year {}, found {}",
                    a.first_year, a.last_year
                ),
            ));
        }
        check_amount(
            a.plan_local_100m,
            &format!("plan_{}", local_field(host, "100m")),
            at,
            errors,
        );
        check_length("label", &a.label, MAX_LINE_CHARS, at, errors);
        check_milestones(&a.milestones, at, errors);
        check_milestone_confidence(a, at, errors);
        check_rules(a, host, at, errors);
    }
    // Agreements follow one another without overlapping.
    let mut spans: Vec<&Located<Agreement>> = agreements.iter().collect();
    spans.sort_by_key(|r| r.value.first_year);
    for pair in spans.windows(2) {
        let (a, b) = (&pair[0].value, &pair[1].value);
        if b.first_year <= a.last_year {
            errors.push(pair[1].at.error(
                "first_year",
                format!(
                    "expected {} to start after {} ends in {}, found first_year {}",
                    b.id, a.id, a.last_year, b.first_year
                ),
            ));
        }
    }
}

fn check_milestones(m: &Milestones, at: At, errors: &mut LoadError) {
    // Each milestone cannot come before the ones it depends on.
    let order = [
        ("agreed", m.agreed),
        ("initialed", m.initialed),
        ("signed", m.signed),
        ("consent", m.consent),
        ("in_force", m.in_force),
    ];
    for (i, (name, date)) in order.iter().enumerate() {
        let Some(date) = date else { continue };
        if let Some((before_name, before)) = order[..i]
            .iter()
            .filter_map(|(n, d)| d.map(|d| (n, d)))
            .find(|(_, d)| d.first_day() > date.last_day())
        {
            errors.push(at.error_at(
                &[Key::Field("milestones"), Key::Field(name)],
                format!("expected {name} on or after {before_name} ({before}), found {date}"),
            ));
        }
    }
}

/// A milestone's own confidence needs the milestone's date.
fn check_milestone_confidence(a: &Agreement, at: At, errors: &mut LoadError) {
    for m in Milestone::ALL {
        if let Some(c) = a.milestone_confidence.get(m)
            && a.milestones.get(m).is_none()
        {
            errors.push(at.error_at(
                &[Key::Field("milestone_confidence"), Key::Field(m.key())],
                format!(
                    "expected a date in milestones.{} for this confidence ({}), found none",
                    m.key(),
                    c.label()
                ),
            ));
        }
    }
}

fn check_rules(a: &Agreement, host: Host, at: At, errors: &mut LoadError) {
    let local = local_field(host, "100m");
    let mut next_year = a.first_year;
    for (i, phase) in a.rules.iter().enumerate() {
        let phase_at = |field: &'static str| [Key::Field("rules"), Key::Item(i), Key::Field(field)];
        let rule_at = |field: &'static str| {
            [
                Key::Field("rules"),
                Key::Item(i),
                Key::Field("rule"),
                Key::Field(field),
            ]
        };
        let mut problem = |path: &[Key], message: String| errors.push(at.error_at(path, message));
        if phase.from != next_year {
            problem(
                &phase_at("from"),
                format!(
                    "expected the rule phases to cover {}–{} in order, found a phase from {} where {} was next",
                    a.first_year, a.last_year, phase.from, next_year
                ),
            );
        }
        if phase.to < phase.from || phase.to > a.last_year {
            problem(
                &phase_at("to"),
                format!(
                    "expected a phase ending between {} and {}, found to = {}",
                    phase.from, a.last_year, phase.to
                ),
            );
        }
        next_year = phase.to + 1;
        for (field, message) in rule_problems(&phase.rule, &local) {
            match field {
                Some(field) => problem(&rule_at(field), message),
                None => problem(&phase_at("rule"), message),
            }
        }
    }
    if !a.rules.is_empty() && next_year != a.last_year + 1 {
        errors.push(at.error(
            "rules",
            format!(
                "expected the rule phases to cover every year to {}, found them ending in {}",
                a.last_year,
                next_year - 1
            ),
        ));
    }
}

/// What is wrong with one phase's rule: each problem with the field of the rule it is
/// in, `None` for the rule as a whole. `local` names the host's amount field.
fn rule_problems(rule: &EscalationRule, local: &str) -> Vec<(Option<&'static str>, String)> {
    let lag = |lag_years: u32| {
        (lag_years > MAX_LAG_YEARS).then(|| {
            (
                Some("lag_years"),
                format!("expected a lag of at most {MAX_LAG_YEARS} years, found {lag_years}"),
            )
        })
    };
    let mut problems = Vec::new();
    match rule {
        EscalationRule::Fixed { local_100m, usd_m } => {
            if local_100m.is_none() && usd_m.is_none() {
                problems.push((
                    None,
                    format!("expected a fixed rule with {local} or usd_m, found neither"),
                ));
            }
            for v in [local_100m, usd_m].into_iter().flatten() {
                if let Some(message) = amount_problem(*v) {
                    problems.push((None, message.replace("amount", "fixed amount")));
                }
            }
        }
        EscalationRule::PercentStep { pct } => {
            if !pct.is_finite() || !(-100.0..=100.0).contains(pct) {
                problems.push((
                    Some("pct"),
                    format!("expected a step from -100 to 100 percent, found {pct}"),
                ));
            }
        }
        EscalationRule::CpiLinked { lag_years, cap_pct } => {
            problems.extend(lag(*lag_years));
            if let Some(cap) = cap_pct
                && (!cap.is_finite() || !(0.0..=100.0).contains(cap))
            {
                problems.push((
                    Some("cap_pct"),
                    format!("expected a cap from 0 to 100 percent, found {cap}"),
                ));
            }
        }
        EscalationRule::DefenseBudgetGrowth { lag_years } => problems.extend(lag(*lag_years)),
        EscalationRule::FlatUsd { usd_m } => {
            problems.extend(amount_problem(*usd_m).map(|m| (Some("usd_m"), m)));
        }
        EscalationRule::Formula { .. } | EscalationRule::None => {}
    }
    problems
}

fn check_contributions(
    contributions: &[Located<Contribution>],
    host: Host,
    refs: &References,
    errors: &mut LoadError,
) {
    check_year_series(contributions.iter().map(|r| (r.value.year, r.at)), errors);
    for r in contributions {
        let (c, at) = (&r.value, r.at);
        for (i, r) in c.reported.iter().enumerate() {
            check_reported(r, i, host, refs, at, errors);
        }
        refs.check_sources(&c.sources, at, errors);
        check_length("note", &c.note, MAX_TEXT_CHARS, at, errors);
        check_amount(c.local_100m, &local_field(host, "100m"), at, errors);
        check_amount(c.usd_m, "usd_m", at, errors);
        check_basis(c, host, at, errors);
        let Some(id) = &c.agreement else {
            if let Some(a) = refs.agreements.values().find(|a| a.covers(c.year)) {
                errors.push(at.error(
                    "agreement",
                    format!(
                        "expected agreement = \"{}\" (it covers {}), found none",
                        a.id, c.year
                    ),
                ));
            }
            continue;
        };
        if let Some(a) = refs.check_agreement(id, at, errors) {
            if !a.covers(c.year) {
                errors.push(at.error(
                    "agreement",
                    format!(
                        "expected an agreement covering {}, found \"{}\" ({}–{})",
                        c.year, a.id, a.first_year, a.last_year
                    ),
                ));
            }
            check_series_currency(c, a, host, at, errors);
        }
    }
}

/// `krw_100m` or `jpy_100m`: a field's name in the host's currency, as files write it.
fn local_field(host: Host, suffix: &str) -> String {
    format!("{}_{suffix}", host.currency_key())
}

/// A host whose figures differ by budget basis (one with fiscal years) says the basis of
/// each amount; a record without an amount has none to say.
fn check_basis(c: &Contribution, host: Host, at: At, errors: &mut LoadError) {
    let has_amount = c.local_100m.is_some() || c.usd_m.is_some();
    match (c.basis, has_amount) {
        (None, true) if host.fiscal_years() => errors.push(at.error(
            "basis",
            format!(
                "expected basis (initial-budget, government-draft, contract, settled or not-stated) on a {} figure, found none",
                host.name()
            ),
        )),
        (Some(b), false) => errors.push(at.error(
            "basis",
            format!(
                "expected a basis only beside an amount, found \"{}\" on a year without one",
                b.label()
            ),
        )),
        _ => {}
    }
}

/// A contribution's own figures are in its agreement's currency; a figure in the other
/// currency belongs in `reported`.
fn check_series_currency(
    c: &Contribution,
    a: &Agreement,
    host: Host,
    at: At,
    errors: &mut LoadError,
) {
    let local = local_field(host, "100m");
    let other = match a.currency {
        AgreementCurrency::Usd => c.local_100m.is_some().then_some(local.as_str()),
        AgreementCurrency::Local => c.usd_m.is_some().then_some("usd_m"),
        AgreementCurrency::UsdLocal => None,
    };
    if let Some(field) = other {
        errors.push(at.error(
            field,
            format!(
                "expected an amount in {} (\"{}\" was agreed in {}), found {field}; \
                 a figure in the other currency goes in [[contribution.reported]]",
                a.currency.label_for(host),
                a.id,
                a.currency.label_for(host)
            ),
        ));
    }
}

fn check_reported(
    r: &Reported,
    i: usize,
    host: Host,
    refs: &References,
    at: At,
    errors: &mut LoadError,
) {
    let field = |name| [Key::Field("reported"), Key::Item(i), Key::Field(name)];
    let local = local_field(host, "100m");
    match (r.usd_m, r.local_100m) {
        (Some(_), Some(_)) | (None, None) => errors.push(at.error_at(
            &[Key::Field("reported"), Key::Item(i)],
            format!(
                "expected exactly one of usd_m or {local} in a reported figure, found {}",
                if r.usd_m.is_some() { "both" } else { "neither" }
            ),
        )),
        _ => {}
    }
    for (name, v) in [("usd_m", r.usd_m), (local.as_str(), r.local_100m)] {
        if let Some(v) = v
            && (!v.is_finite() || v < 0.0)
        {
            errors.push(at.error_at(
                &field(name),
                format!("expected a non-negative amount, found {v}"),
            ));
        }
    }
    if let Some(rate) = r.rate
        && (!rate.is_finite() || rate <= 0.0)
    {
        errors.push(at.error_at(
            &field("rate"),
            format!(
                "expected a positive number of {} per dollar, found {rate}",
                host.currency()
            ),
        ));
    }
    if r.sources.is_empty() {
        errors.push(at.error_at(
            &field("sources"),
            "expected at least one source id, found none",
        ));
    }
    for (j, id) in r.sources.iter().enumerate() {
        if !refs.sources.contains(id.as_str()) {
            errors.push(at.error_at(
                &[
                    Key::Field("reported"),
                    Key::Item(i),
                    Key::Field("sources"),
                    Key::Item(j),
                ],
                format!("expected a source id from sources.toml, found unknown \"{id}\""),
            ));
        }
    }
    if let Some(note) = &r.note
        && note.chars().count() > MAX_TEXT_CHARS
    {
        errors.push(at.error_at(
            &field("note"),
            format!(
                "expected at most {MAX_TEXT_CHARS} characters, found {}",
                note.chars().count()
            ),
        ));
    }
}

fn check_events(records: &Records, refs: &References, errors: &mut LoadError) {
    let milestones: Vec<Event> = records
        .agreements
        .iter()
        .flat_map(|r| timeline::milestone_events(&r.value, records.host))
        .collect();
    let milestone_ids: HashSet<&str> = milestones.iter().map(|e| e.id.as_str()).collect();
    unique_ids(records.events.iter().map(|r| (&r.value.id, r.at)), errors);
    for r in &records.events {
        let (e, at) = (&r.value, r.at);
        refs.check_sources(&e.sources, at, errors);
        if milestone_ids.contains(e.id.as_str()) {
            errors.push(at.error(
                "id",
                format!(
                    "expected an id not taken by an agreement milestone, found \"{}\"",
                    e.id
                ),
            ));
        }
        if e.headline.trim().is_empty() {
            errors.push(at.error("headline", "expected a non-empty headline, found \"\""));
        }
        check_length("headline", [&e.headline], MAX_HEADLINE_CHARS, at, errors);
        check_length("text", &e.text, MAX_TEXT_CHARS, at, errors);
        check_length("place", &e.place, MAX_LINE_CHARS, at, errors);
        check_length("people", &e.people, MAX_LINE_CHARS, at, errors);
        check_people_inferred(e, at, errors);
        check_demand(e, at, errors);
        check_year(e.date.year(), "date", at, errors);
        if let Some(end) = e.end
            && end.last_day() < e.date.first_day()
        {
            errors.push(at.error(
                "end",
                format!("expected an end on or after {}, found {end}", e.date),
            ));
        }
        if e.round.is_some() && e.kind != EventKind::Round {
            errors.push(at.error(
                "round",
                format!(
                    "expected a round number only on kind \"round\", found it on \"{}\"",
                    e.kind.label()
                ),
            ));
        }
        if let Some(id) = &e.agreement {
            refs.check_agreement(id, at, errors);
            // A milestone lives in agreements.toml; the timeline derives its event.
            if let Some(m) = milestones
                .iter()
                .find(|m| m.agreement.as_ref() == Some(id) && m.kind == e.kind && m.date == e.date)
            {
                errors.push(at.error(
                    "kind",
                    format!(
                        "expected events.toml to leave agreement milestones to agreements.toml, found a copy of \"{}\"",
                        m.id
                    ),
                ));
            }
        }
    }
}

/// A demand says who made it, what, for when and Korea's answer; no other kind has one.
fn check_demand(e: &Event, at: At, errors: &mut LoadError) {
    match (&e.demand, e.kind == EventKind::Demand) {
        (None, true) => errors.push(at.error(
            "demand",
            "expected a demand table (by, amount, period, answer) on kind \"demand\", found none",
        )),
        (Some(_), false) => errors.push(at.error(
            "demand",
            format!(
                "expected a demand table only on kind \"demand\", found it on \"{}\"",
                e.kind.label()
            ),
        )),
        (Some(d), true) => {
            for (field, value) in [
                ("by", &d.by),
                ("amount", &d.amount),
                ("period", &d.period),
                ("answer", &d.answer),
            ] {
                let path = [Key::Field("demand"), Key::Field(field)];
                let n = value.chars().count();
                if value.trim().is_empty() {
                    errors.push(at.error_at(
                        &path,
                        format!("expected a non-empty demand.{field}, found \"\""),
                    ));
                } else if n > MAX_TEXT_CHARS {
                    errors.push(at.error_at(
                        &path,
                        format!("expected at most {MAX_TEXT_CHARS} characters, found {n}"),
                    ));
                }
            }
        }
        (None, false) => {}
    }
}

/// Each inferred name is one of the event's people, given once.
fn check_people_inferred(e: &Event, at: At, errors: &mut LoadError) {
    for (i, name) in e.people_inferred.iter().enumerate() {
        if !e.people.contains(name) {
            errors.push(at.item_error(
                "people_inferred",
                i,
                format!("expected a name listed in people, found \"{name}\""),
            ));
        } else if e.people_inferred[..i].contains(name) {
            errors.push(at.item_error(
                "people_inferred",
                i,
                format!("expected each name once, found \"{name}\" again"),
            ));
        }
    }
}

fn check_troops(records: &Records, refs: &References, errors: &mut LoadError) {
    check_year_series(
        records.troop_counts.iter().map(|r| (r.value.year, r.at)),
        errors,
    );
    for r in &records.troop_counts {
        refs.check_sources(&r.value.sources, r.at, errors);
        check_length("note", &r.value.note, MAX_TEXT_CHARS, r.at, errors);
        check_troop_count(&r.value, r.at, errors);
    }
    for r in &records.troop_levels {
        let (l, at) = (&r.value, r.at);
        refs.check_sources(&l.sources, at, errors);
        check_length("label", [&l.label], MAX_LINE_CHARS, at, errors);
        check_length("note", &l.note, MAX_TEXT_CHARS, at, errors);
        check_year(l.from.year(), "from", at, errors);
        if let Some(to) = l.to
            && to.last_day() < l.from.first_day()
        {
            errors.push(at.error(
                "to",
                format!("expected `to` on or after {}, found {to}", l.from),
            ));
        }
        if let Some(high) = l.high
            && high < l.low
        {
            errors.push(at.error(
                "high",
                format!("expected high at or above low {}, found {high}", l.low),
            ));
        }
    }
}

/// A grand total includes the count; a break says why, in words.
fn check_troop_count(t: &TroopCount, at: At, errors: &mut LoadError) {
    match (t.troops, t.grand_total) {
        (Some(troops), Some(total)) if total < troops => errors.push(at.error(
            "grand_total",
            format!("expected a grand total at or above troops {troops}, found {total}"),
        )),
        (None, Some(_)) => errors.push(at.error(
            "grand_total",
            "expected a grand total only beside a count (troops), found it alone",
        )),
        _ => {}
    }
    if let Some(why) = &t.series_break {
        if why.trim().is_empty() {
            errors.push(at.error(
                "series_break",
                "expected why the count breaks with the year before, found \"\"",
            ));
        }
        check_length("series_break", [why], MAX_TEXT_CHARS, at, errors);
    }
}

fn check_economy(records: &Records, refs: &References, errors: &mut LoadError) {
    let host = records.host;
    check_year_series(
        records.host_cpi.iter().map(|r| (r.value.year, r.at)),
        errors,
    );
    for r in &records.host_cpi {
        let (c, at) = (&r.value, r.at);
        refs.check_sources(&c.sources, at, errors);
        check_rate(c.rate_pct, "rate_pct", at, errors);
        check_rate(c.published_pct, "published_pct", at, errors);
        check_rate(c.first_published_pct, "first_published_pct", at, errors);
        check_positive(c.index, "index", at, errors);
        if c.rate_pct.is_none() && c.published_pct.is_none() {
            errors.push(at.error(
                "rate_pct",
                "expected rate_pct or published_pct, found neither",
            ));
        }
    }
    check_year_series(records.us_cpi.iter().map(|r| (r.value.year, r.at)), errors);
    for r in &records.us_cpi {
        refs.check_sources(&r.value.sources, r.at, errors);
        check_positive(r.value.index, "index", r.at, errors);
        check_rate(Some(r.value.rate_pct), "rate_pct", r.at, errors);
    }
    check_year_series(
        records.exchange_rates.iter().map(|r| (r.value.year, r.at)),
        errors,
    );
    for r in &records.exchange_rates {
        refs.check_sources(&r.value.sources, r.at, errors);
        check_positive(r.value.per_usd, &local_field(host, "per_usd"), r.at, errors);
        if let Some(v) = r.value.fiscal_year_per_usd {
            let field = format!("fiscal_year_{}", local_field(host, "per_usd"));
            check_positive(v, &field, r.at, errors);
        }
    }
    check_year_series(
        records.defense_budgets.iter().map(|r| (r.value.year, r.at)),
        errors,
    );
    for r in &records.defense_budgets {
        refs.check_sources(&r.value.sources, r.at, errors);
        check_defense_budget(&r.value, host, r.at, errors);
    }
    check_year_series(records.gdp.iter().map(|r| (r.value.year, r.at)), errors);
    for r in &records.gdp {
        let (g, at) = (&r.value, r.at);
        refs.check_sources(&g.sources, at, errors);
        check_positive(g.local_bn, &local_field(host, "bn"), at, errors);
        if g.vintage.trim().is_empty() {
            errors.push(at.error(
                "vintage",
                "expected the vintage the figure is from, found \"\"",
            ));
        }
        check_length("vintage", [&g.vintage], MAX_LINE_CHARS, at, errors);
        check_length("note", &g.note, MAX_TEXT_CHARS, at, errors);
    }
}

/// The total and, where given, the narrower series beside it with its definition.
fn check_defense_budget(b: &DefenseBudget, host: Host, at: At, errors: &mut LoadError) {
    let total = local_field(host, "tn");
    let narrow = format!("narrow_{total}");
    check_positive(b.local_tn, &total, at, errors);
    check_rate(b.growth_pct, "growth_pct", at, errors);
    check_length(
        "narrow_definition",
        &b.narrow_definition,
        MAX_LINE_CHARS,
        at,
        errors,
    );
    check_length("note", &b.note, MAX_TEXT_CHARS, at, errors);
    match (b.narrow_local_tn, &b.narrow_definition) {
        (Some(v), Some(_)) => {
            check_positive(v, &narrow, at, errors);
            if v > b.local_tn {
                errors.push(at.error(
                    &narrow,
                    format!(
                        "expected the narrow figure at most the total {} ({total}), found {v}",
                        b.local_tn
                    ),
                ));
            }
        }
        (Some(_), None) => errors.push(at.error(
            &narrow,
            format!("expected narrow_definition (what {narrow} leaves out) beside it, found none"),
        )),
        (None, Some(_)) => errors.push(at.error(
            "narrow_definition",
            format!("expected a definition only beside {narrow}, found it alone"),
        )),
        (None, None) => {}
    }
}
