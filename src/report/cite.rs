//! Citations: a figure, an event, an agreement, a source or a scenario's totals as one
//! plain text a writer can paste: a line that says what it is (the value with its unit
//! and basis, its status, the span), then its sources one a line with their URLs.
//!
//! One wording for every front end: `y` in the dashboard copies it, `sma-dash cite`
//! prints it.

use crate::data::{
    Agreement, Citing, Country, Dataset, Event, Host, Hosts, LevelKind, ShareEstimate, Source,
};
use crate::econ::{
    Assumptions, CostPoint, CostView, Currency, CurrencyOrigin, Metric, Origin, ScenarioId, Total,
    TroopBasis, dedup_keeping_order, projected_sources, rule_agreement, rule_sources, span_label,
};
use crate::numbers::{signed, thousands};

use super::assumptions_text;
use super::tables::CostsInput;

/// What is copied, in a few words for the status line ("the 2014 contribution"), and
/// the text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub what: String,
    pub text: String,
}

impl Citation {
    /// How many characters the text holds, as a writer counts them.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// One source, on one line: `[R01] Title. Publisher, 2014-02-02. https://…`.
pub fn source_line(d: &Dataset, id: &str) -> String {
    line_of(id, d.source(id))
}

fn line_of(id: &str, source: Option<&Source>) -> String {
    match source {
        Some(s) => {
            let date = s.date.map(|d| format!(", {d}")).unwrap_or_default();
            let url = s
                .url
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            format!(
                "[{id}] {}. {}{date}.{url}",
                s.title.trim_end_matches('.'),
                s.publisher
            )
        }
        None => format!("[{id}] (not in the sources table)"),
    }
}

/// "Sources:" then each source once, in the order given; "Sources: none given" where
/// there are none.
pub(crate) fn sources_block(d: &Dataset, ids: Vec<String>) -> String {
    let ids = dedup_keeping_order(ids);
    if ids.is_empty() {
        return "Sources: none given".into();
    }
    let mut out = String::from("Sources:");
    for id in &ids {
        out.push('\n');
        out.push_str(&source_line(d, id));
    }
    out
}

/// "year 2014, under the 9th SMA (2014–2018)".
fn year_span(d: &Dataset, year: i32) -> String {
    let (host, shown) = (d.info.host, d.info.host.year_label(year));
    match d.agreement_for_year(year) {
        Some(a) => format!(
            "year {shown}, under the {} ({})",
            a.name(),
            crate::econ::host_span_label(host, a.first_year, a.last_year)
        ),
        None => format!("year {shown}"),
    }
}

/// What the figure is of: "Korea's SMA contribution", "Japan's host-nation support,
/// per US service member".
fn subject(host: Host, view: &CostView) -> String {
    let metric = view.metric_label();
    match (host, view.metric) {
        (Host::Korea, _) => format!("Korea's SMA {metric}"),
        (Host::Japan, Metric::Contribution) => host.series_name().into(),
        (Host::Japan, _) => format!("{}, {metric}", host.series_name()),
    }
}

/// A value in the view's unit: "920.0 billion won", "+8.2 % change".
fn value_text(view: &CostView, host: Host, base_year: i32, value: f64) -> String {
    let digits = match view.metric {
        Metric::PerServiceMember => 2,
        _ => 1,
    };
    match view.metric {
        Metric::YearOnYear => format!("{} % change", signed(value, digits)),
        _ => format!(
            "{} {}",
            thousands(value, digits),
            view.unit(host, base_year)
        ),
    }
}

/// "nominal" or "real, money of 2025 (Korean CPI)", "(Japanese CPI)".
fn basis_text(view: &CostView, host: Host, base_year: i32) -> String {
    if !view.real {
        return "nominal".into();
    }
    let index = match view.currency {
        Currency::Local => format!("{} CPI", host.adjective()),
        Currency::Usd => "US CPI-U".into(),
    };
    format!("real, money of {base_year} ({index})")
}

/// The figure the Costs pane shows at `year`, in its view.
pub fn cost_figure(input: &CostsInput, year: i32) -> Option<Citation> {
    let d = input.data;
    let view = input.view;
    let a = input.assumptions;
    let p: &CostPoint = input.points.iter().find(|p| p.year == year)?;
    let metric = view.metric_label();
    let record = d.contribution(year).filter(|_| !p.projected);
    let value = figure_value(input, p, record);
    let mut status = p.tags(view).join(", ");
    if let Some(c) = p.confidence {
        status.push_str(&format!(", {}", c.label()));
    }
    let mut how: Vec<String> = Vec::new();
    let scenario = input.scenario.filter(|_| p.projected);
    if let Some(s) = scenario {
        let rule = rule_agreement(d, s)
            .map(|a| format!(": {}", a.rule_text))
            .unwrap_or_default();
        how.push(format!("projected by {} ({}){rule}", s.label(), s.key()));
    }
    if let Some(driver) = p.driver {
        how.push(driver.describe());
    }
    if let CurrencyOrigin::Converted { .. } = p.origin {
        how.push(p.origin.describe(d.info.host, p.year));
    }
    if let Some(words) = record.and_then(|c| published_words(d.info.host, c)) {
        how.push(words);
    }
    let mut ids: Vec<String> = match (record, scenario) {
        (Some(c), _) => c.sources.clone(),
        (None, Some(s)) => projected_sources(d, s, p.driver),
        (None, None) => Vec::new(),
    };
    if let CurrencyOrigin::Converted {
        rate: Origin::Recorded,
        ..
    } = p.origin
        && let Some(r) = d.exchange_rate(year)
    {
        ids.extend(r.sources.iter().cloned());
    }
    if view.metric == Metric::PerServiceMember {
        let troops = match view.troops {
            TroopBasis::Counted => d.troop_count(year).and_then(|t| {
                t.troops.map(|n| {
                    (
                        format!("{} troops (DMDC count)", thousands(f64::from(n), 0)),
                        &t.sources,
                    )
                })
            }),
            TroopBasis::Headline => d.headline_level(year).map(|l| {
                (
                    format!("{} troops (headline level)", thousands(f64::from(l.low), 0)),
                    &l.sources,
                )
            }),
        };
        if let Some((words, sources)) = troops {
            how.push(format!("divided by {words}"));
            ids.extend(sources.iter().cloned());
        }
    }
    let span = if view.metric == Metric::Cumulative {
        let first = input.points.first().map_or(year, |p| p.year);
        format!("sum over {}", span_label(first, year))
    } else {
        year_span(d, year)
    };
    let mut line = format!(
        "{}, {}: {value}, {} ({status}); {span}",
        subject(d.info.host, view),
        d.info.host.year_label(year),
        basis_text(view, d.info.host, a.base_year)
    );
    if !how.is_empty() {
        line.push_str(&format!("; {}", how.join("; ")));
    }
    line.push('.');
    if p.projected || view.real {
        line.push_str(&format!(
            "\nAssumptions: {}",
            assumptions_text(a, d.info.host, view.real, "; ")
        ));
    }
    Some(Citation {
        what: format!("the {year} {metric}"),
        text: format!("{line}\n{}", sources_block(d, ids)),
    })
}

/// The value of `p` in the view's unit, or for a gap why it has none, as the
/// dashboard says it; a `record` without an amount adds its note.
fn figure_value(
    input: &CostsInput,
    p: &CostPoint,
    record: Option<&crate::data::Contribution>,
) -> String {
    let (d, view) = (input.data, input.view);
    let Some(v) = p.value else {
        let why = crate::econ::metrics::missing_reason(d, view, p.year);
        if why != crate::econ::metrics::NO_FIGURE_RECORDED {
            return format!("no figure: {why}");
        }
        let note = record
            .filter(|c| c.local_100m.is_none() && c.usd_m.is_none())
            .and_then(|c| c.note.as_deref())
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        return format!("{why}{note}");
    };
    value_text(view, d.info.host, input.assumptions.base_year, v)
}

/// "published: 9,200억원, $866.9 m": a recorded contribution in the unit the host's
/// sources publish (억원 for Korea, 億円 for Japan) and in dollars, where given.
fn published_words(host: Host, c: &crate::data::Contribution) -> Option<String> {
    let digits = |k: f64| usize::from(k.fract() != 0.0);
    let local = c
        .local_100m
        .map(|k| format!("{}{}", thousands(k, digits(k)), host.unit_100m()));
    let dollars = c.usd_m.map(|u| format!("${} m", thousands(u, 1)));
    let published: Vec<String> = local.into_iter().chain(dollars).collect();
    (!published.is_empty()).then(|| format!("published: {}", published.join(", ")))
}

/// US troops in Korea in `year`: the DMDC count and the level in force.
pub fn troop_figure(d: &Dataset, year: i32) -> Option<Citation> {
    let count = d.troop_count(year);
    let level = d.headline_level(year);
    if count.is_none() && level.is_none() {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    if let Some(t) = count {
        parts.push(match t.troops {
            Some(n) => format!(
                "{} active-duty troops, DMDC count ({})",
                thousands(f64::from(n), 0),
                t.confidence.label()
            ),
            None => format!("no DMDC count ({})", t.confidence.label()),
        });
        ids.extend(t.sources.iter().cloned());
    }
    if let Some(l) = level {
        let kind = match l.kind {
            LevelKind::Headline => "headline level",
            LevelKind::LegalFloor => "legal floor",
            LevelKind::Plan => "plan",
        };
        let until = l.to.map(|to| format!(" to {to}")).unwrap_or_default();
        parts.push(format!(
            "{} ({kind}, from {}{until}; {})",
            l.label,
            l.from,
            l.confidence.label()
        ));
        ids.extend(l.sources.iter().cloned());
    }
    let line = format!(
        "US troops in {}, {year}: {}.",
        d.info.host.name(),
        parts.join("; ")
    );
    Some(Citation {
        what: format!("the {year} troop figure"),
        text: format!("{line}\n{}", sources_block(d, ids)),
    })
}

/// An event: its date, headline, place, people, agreement and sources.
pub fn event(d: &Dataset, e: &Event) -> Citation {
    let date = match e.end {
        Some(end) if end != e.date => format!("{} – {end}", e.date),
        _ => e.date.to_string(),
    };
    let mut line = format!("{date}: {}", e.headline.trim_end_matches('.'));
    let mut about = vec![e.kind.label().to_string()];
    if let Some(a) = e.agreement.as_deref().and_then(|id| d.agreement(id)) {
        about.push(a.name());
    }
    line.push_str(&format!(" ({})", about.join(", ")));
    if let Some(place) = &e.place {
        line.push_str(&format!(". Place: {place}"));
    }
    let named: Vec<&str> = e.named_people().map(String::as_str).collect();
    if !named.is_empty() {
        line.push_str(&format!(". People: {}", named.join(", ")));
    }
    let inferred: Vec<&str> = e.inferred_people().map(String::as_str).collect();
    if !inferred.is_empty() {
        line.push_str(&format!(
            ". People inferred from the agreement's chief negotiators: {}",
            inferred.join(", ")
        ));
    }
    line.push_str(&format!(". [{}]", e.confidence.label()));
    Citation {
        what: format!("the event of {}", e.date),
        text: format!("{line}\n{}", sources_block(d, e.sources.clone())),
    }
}

/// An agreement: its name, years, first-year amount and rule.
pub fn agreement(d: &Dataset, a: &Agreement) -> Citation {
    let line = format!(
        "{} ({}): first year {}; rule: {}. [{}]",
        a.name(),
        span_label(a.first_year, a.last_year),
        a.first_year_amount,
        a.rule_text,
        a.confidence.label()
    );
    Citation {
        what: format!("the {}", a.name()),
        text: format!("{line}\n{}", sources_block(d, a.sources.clone())),
    }
}

/// A record that cites a source: of the dataset shown, of another host shown beside
/// it, or a share estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Support<'d> {
    /// A record of the dataset the panes read (with both hosts: Korea's series, and
    /// both hosts' events and agreements).
    Shown(Citing<'d>),
    /// A series record of another host shown (Japan's, beside Korea's).
    Of(Host, Citing<'d>),
    /// A published estimate of a host's share of US stationing cost.
    Share(&'d ShareEstimate),
}

/// Whether two entries of sources tables are one source, whatever their ids: alike in
/// every field (the US CPI-U's sources Japan's dataset takes from Korea's, or one host's
/// copy of the other's), or at the same URL with no other date (two hosts' entries of
/// one dataset or article, worded each its own way). One URL with two dates is two
/// sources (Tim Kane's 2004 series and the 2026 rebuild, both in one repository).
fn same_source(a: &Source, b: &Source) -> bool {
    let alike =
        (&a.title, &a.publisher, a.date, &a.url) == (&b.title, &b.publisher, b.date, &b.url);
    let same_url = a.url.is_some() && a.url == b.url;
    let one_date = a.date.is_none() || b.date.is_none() || a.date == b.date;
    alike || (same_url && one_date)
}

/// The records of `d` that cite any of `copies`, once each (a contribution and the
/// figures reported for its year are one record), in the order of
/// [`Dataset::citations`].
fn citing<'d>(d: &'d Dataset, copies: &[&Source]) -> Vec<Citing<'d>> {
    let mut records: Vec<Citing> = d
        .citations()
        .into_iter()
        .filter(|(_, ids)| ids.iter().any(|id| copies.iter().any(|s| &s.id == id)))
        .map(|(record, _)| record)
        .collect();
    records.dedup();
    records
}

/// Everything that cites source `id` of the dataset `shown`, while the hosts
/// `shown_hosts` are shown, whichever host's copy of it `id` is: the records of `shown`
/// that cite it or a copy in the same table (with both hosts, the merged dataset holds
/// both hosts' copies, and both hosts' events and agreements); then the records of each
/// other host shown that cite its copies in that host's own table (its events and
/// agreements too where `shown` does not hold them already); then the share estimates
/// that cite it. The sources list (`S`), `cite --source` and `export sources` all ask
/// here.
pub fn supported<'d>(
    shown: &'d Dataset,
    hosts: &'d Hosts,
    shown_hosts: &[Host],
    id: &str,
) -> Vec<Support<'d>> {
    let Some(source) = shown.source(id) else {
        return Vec::new();
    };
    let copies_in = |d: &'d Dataset| -> Vec<&'d Source> {
        d.sources
            .iter()
            .filter(|s| same_source(s, source))
            .collect()
    };
    let mut out: Vec<Support> = citing(shown, &copies_in(shown))
        .into_iter()
        .map(Support::Shown)
        .collect();
    for &host in shown_hosts.iter().filter(|h| **h != shown.info.host) {
        let Some(d) = hosts.get(host) else { continue };
        // With both hosts the dataset shown holds Japan's events and agreements.
        let holds_its_records = shown.events.iter().any(|e| e.host == host)
            || shown.agreements.iter().any(|a| a.host == host);
        out.extend(
            citing(d, &copies_in(d))
                .into_iter()
                .filter(|c| {
                    !(holds_its_records && matches!(c, Citing::Event(_) | Citing::Agreement(_)))
                })
                .map(|c| Support::Of(host, c)),
        );
    }
    out.extend(
        hosts
            .shares()
            .estimates
            .iter()
            .filter(|e| {
                e.sources.iter().any(|s| {
                    share_source_table(hosts, e, s)
                        .and_then(|d| d.source(s))
                        .is_some_and(|t| same_source(t, source))
                })
            })
            .map(Support::Share),
    );
    out
}

/// A record that cites a source, in words, where the dataset shown is `shown`'s (with
/// both hosts, Korea's): "the 2014 contribution", "the FY2014 contribution" (Japan
/// shown), "Japan: the FY2014 contribution" (beside Korea), "share estimate
/// dod-2004-jp: Japan, 2002, DoD U.S. cost offset percentage …".
pub fn support_words(s: &Support, shown: Host) -> String {
    // A contribution by the year its host counts in.
    let words = |host: Host, c: &Citing| match c {
        Citing::Contribution(y) => format!("the {} contribution", host.year_label(*y)),
        other => cited_words(other),
    };
    match s {
        Support::Shown(c) => words(shown, c),
        Support::Of(host, c) => format!("{}: {}", host.name(), words(*host, c)),
        Support::Share(e) => format!(
            "share estimate {}: {}, {}, {}",
            e.id,
            e.host.name(),
            e.year_label(),
            e.measure
        ),
    }
}

/// A source: its line, then what cites it among the records of the hosts shown and
/// the share estimates.
pub fn source(shown: &Dataset, hosts: &Hosts, shown_hosts: &[Host], id: &str) -> Citation {
    let d = shown;
    let cited: Vec<String> = supported(shown, hosts, shown_hosts, id)
        .iter()
        .map(|s| support_words(s, shown.info.host))
        .collect();
    let supports = if cited.is_empty() {
        "Cited by nothing in the dataset.".to_string()
    } else {
        format!("Cited for: {}.", cited.join("; "))
    };
    Citation {
        what: format!("source {id}"),
        text: format!("{}\n{supports}", source_line(d, id)),
    }
}

/// A published estimate of a host's share of US stationing cost: the value with its
/// year and measure, what it counts, its definition and every source. Each source is
/// read from the table of the host that holds it, the estimate's own host's first.
pub fn share(hosts: &Hosts, e: &ShareEstimate) -> Citation {
    let first = format!(
        "{}, {}: {} — {} ({}; {}).",
        e.host.name(),
        e.year_label(),
        e.value_or_amounts(),
        e.measure,
        e.inclusions(),
        e.confidence.label()
    );
    let mut lines = vec![first];
    lines.extend(
        super::compare::share_fields(e)
            .into_iter()
            // The first line says these.
            .filter(|(label, _)| {
                !matches!(
                    *label,
                    "Host"
                        | "Data year"
                        | "Value"
                        | "Measure"
                        | "Confidence"
                        | "US military pay"
                        | "Host's indirect support"
                )
            })
            .map(|(label, v)| format!("{label}: {v}")),
    );
    let mut block = String::from("Sources:");
    for id in dedup_keeping_order(e.sources.clone()) {
        let source = share_source_table(hosts, e, &id).and_then(|d| d.source(&id));
        block.push('\n');
        block.push_str(&line_of(&id, source));
    }
    Citation {
        what: format!("the {} estimate of {}", e.host.name(), e.year_label()),
        text: format!("{}\n{block}", lines.join("\n")),
    }
}

/// The dataset whose sources table holds source `id` of estimate `e`: its own host's
/// first (Korea's for Germany, whose sources sit in either host's table).
pub fn share_source_table<'h>(
    hosts: &'h Hosts,
    e: &ShareEstimate,
    id: &str,
) -> Option<&'h Dataset> {
    let own = match e.host {
        Country::Japan => [Host::Japan, Host::Korea],
        Country::Korea | Country::Germany => [Host::Korea, Host::Japan],
    };
    own.iter()
        .filter_map(|h| hosts.get(*h))
        .find(|d| d.source(id).is_some())
}

/// A record that cites a source, in words: "the 2014 contribution", "event
/// sma-10-round-1".
pub fn cited_words(c: &Citing) -> String {
    match c {
        Citing::Agreement(id) => format!("agreement {id}"),
        Citing::Contribution(y) => format!("the {y} contribution"),
        Citing::Event(id) => format!("event {id}"),
        Citing::TroopCount(y) => format!("the {y} troop count"),
        Citing::TroopLevel(from) => format!("the troop level from {from}"),
        Citing::HostCpi(host, y) => format!("{y} {} CPI", host.adjective()),
        Citing::UsCpi(y) => format!("{y} US CPI-U"),
        Citing::ExchangeRate(host, y) => format!("the {y} {} per dollar", host.currency()),
        Citing::DefenseBudget(y) => format!("the {y} defense budget"),
        Citing::Gdp(y) => format!("the {y} GDP"),
    }
}

/// A scenario's totals over the agreement's span and to the horizon, with the
/// assumptions behind them.
pub fn scenario(
    d: &Dataset,
    a: &Assumptions,
    view: &CostView,
    scenario: ScenarioId,
    totals: [Option<Total>; 2],
) -> Citation {
    let money = CostView {
        metric: Metric::Contribution,
        ..*view
    };
    let sums: Vec<String> = totals
        .iter()
        .flatten()
        .map(|t| {
            format!(
                "{} over {} ({})",
                value_text(&money, d.info.host, a.base_year, t.value),
                t.span_label(),
                recorded_words(d, t)
            )
        })
        .collect();
    let sums = if sums.is_empty() {
        "no total".into()
    } else {
        sums.join("; ")
    };
    let rule = rule_agreement(d, scenario)
        .map(|r| format!(" Rule: {}: {}.", r.name(), r.rule_text))
        .unwrap_or_default();
    let whose = match d.info.host {
        Host::Korea => "Korea's SMA contributions",
        Host::Japan => Host::Japan.series_name(),
    };
    let line = format!(
        "{whose}, {} ({}): {sums}, {}.{rule}\nAssumptions: {}",
        scenario.label(),
        scenario.key(),
        basis_text(view, d.info.host, a.base_year),
        assumptions_text(a, d.info.host, view.real, "; ")
    );
    Citation {
        what: format!("the totals of {}", scenario.key()),
        text: format!("{line}\n{}", sources_block(d, rule_sources(d, scenario))),
    }
}

/// Which years of a total are recorded and which projected: "2026 recorded, 2027–30
/// projected".
fn recorded_words(d: &Dataset, t: &Total) -> String {
    match d.last_recorded_year() {
        Some(last) if last >= t.to => "recorded".into(),
        Some(last) if last >= t.from => format!(
            "{} recorded, {} projected",
            span_label(t.from, last),
            span_label(last + 1, t.to)
        ),
        _ => "projected".into(),
    }
}
