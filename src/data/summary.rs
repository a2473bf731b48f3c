//! What `sma-dash check` reports about a valid dataset: counts, spans, gaps, confidence.

use std::fmt;

use super::model::{Change, ChangeKind, Confidence, Dataset, EventKind, Host};

/// One series: how many records, which years, which are missing.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSummary {
    pub name: &'static str,
    pub records: usize,
    pub span: Option<(i32, i32)>,
    /// Years inside the span with no record or no value.
    pub gaps: Vec<i32>,
    /// What a gap means for this series.
    pub gap_label: &'static str,
    pub detail: String,
}

/// The figures of a dataset, tallied by how well they are attested.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConfidenceTally {
    pub confirmed: usize,
    pub single: usize,
    pub uncertain: usize,
    pub derived: usize,
}

impl ConfidenceTally {
    fn add(&mut self, c: Confidence) {
        match c {
            Confidence::Confirmed => self.confirmed += 1,
            Confidence::Single => self.single += 1,
            Confidence::Uncertain => self.uncertain += 1,
            Confidence::Derived => self.derived += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub version: String,
    pub title: String,
    pub sources: usize,
    pub series: Vec<SeriesSummary>,
    /// Every figure: contributions, troop counts and levels, and each economic value.
    pub figures: ConfidenceTally,
    /// The share of sources a reader can open, in percent.
    pub sources_with_url_pct: f64,
    /// This release's changes.
    pub changes: Vec<Change>,
}

fn span_and_gaps(years_with_value: &[(i32, bool)]) -> (Option<(i32, i32)>, Vec<i32>) {
    let first = years_with_value.iter().map(|(y, _)| *y).min();
    let last = years_with_value.iter().map(|(y, _)| *y).max();
    let (Some(first), Some(last)) = (first, last) else {
        return (None, Vec::new());
    };
    let gaps = (first..=last)
        .filter(|y| !years_with_value.iter().any(|(x, has)| x == y && *has))
        .collect();
    (Some((first, last)), gaps)
}

fn series(name: &'static str, years: &[(i32, bool)], detail: String) -> SeriesSummary {
    let (span, gaps) = span_and_gaps(years);
    SeriesSummary {
        name,
        records: years.len(),
        span,
        gaps,
        gap_label: "gaps",
        detail,
    }
}

fn years<T>(items: &[T], f: impl Fn(&T) -> (i32, bool)) -> Vec<(i32, bool)> {
    items.iter().map(f).collect()
}

/// What differs in the summary of each host: the names of its series, and what its
/// lines say beside their spans.
struct HostWords {
    cpi: &'static str,
    rate: &'static str,
    contributions: &'static str,
    troops: &'static str,
    us_cpi: &'static str,
    defense: &'static str,
}

fn host_words(host: Host) -> HostWords {
    match host {
        Host::Korea => HostWords {
            cpi: "Korean CPI",
            rate: "KRW per USD",
            contributions: "",
            troops: "DMDC, 30 June to 1956 and 30 September after",
            us_cpi: "1982–84 = 100",
            defense: "enacted, with growth",
        },
        Host::Japan => HostWords {
            cpi: "Japanese CPI",
            rate: "JPY per USD",
            contributions: "host-nation support by fiscal year, each with its budget basis; ",
            troops: "DMDC, 30 September",
            us_cpi: "1982–84 = 100, Korea's series, shared",
            defense: "initial budget by fiscal year, total and narrow",
        },
    }
}

impl Summary {
    pub fn of(d: &Dataset) -> Summary {
        let words = host_words(d.info.host);
        let breaks: Vec<String> = d
            .troop_counts
            .iter()
            .filter(|t| t.series_break.is_some())
            .map(|t| t.year.to_string())
            .collect();
        let troops_detail = if breaks.is_empty() {
            words.troops.to_string()
        } else {
            format!(
                "{}; counting changes in {}",
                words.troops,
                breaks.join(", ")
            )
        };
        let event_years: Vec<(i32, bool)> =
            d.events.iter().map(|e| (e.date.year(), true)).collect();
        let agreement_years: Vec<(i32, bool)> = d
            .agreements
            .iter()
            .flat_map(|a| (a.first_year..=a.last_year).map(|y| (y, true)))
            .collect();
        Summary {
            version: d.info.version.clone(),
            title: d.info.title.clone(),
            sources: d.sources.len(),
            series: [
                SeriesSummary {
                    records: d.agreements.len(),
                    ..series("agreements", &agreement_years, String::new())
                },
                SeriesSummary {
                    gap_label: "no figure",
                    ..series(
                        "contributions",
                        &years(&d.contributions, |c| {
                            (c.year, c.local_100m.is_some() || c.usd_m.is_some())
                        }),
                        format!("{}{}", words.contributions, contributions_note(d)),
                    )
                },
                SeriesSummary {
                    records: d.events.len(),
                    gaps: Vec::new(),
                    ..series("events", &event_years, events_note(d))
                },
                series(
                    "troop counts",
                    &years(&d.troop_counts, |t| (t.year, t.troops.is_some())),
                    troops_detail,
                ),
                SeriesSummary {
                    records: d.troop_levels.len(),
                    span: None,
                    gaps: Vec::new(),
                    ..series("troop levels", &[], "headline and legal levels".into())
                },
                series(
                    words.cpi,
                    &years(&d.host_cpi, |c| (c.year, true)),
                    "rate and index, 2020 = 100".into(),
                ),
                series(
                    "US CPI-U",
                    &years(&d.us_cpi, |c| (c.year, true)),
                    words.us_cpi.into(),
                ),
                series(
                    words.rate,
                    &years(&d.exchange_rates, |r| (r.year, true)),
                    "annual average".into(),
                ),
                series(
                    "defense budget",
                    &years(&d.defense_budgets, |b| (b.year, true)),
                    words.defense.into(),
                ),
            ]
            .into_iter()
            .chain((!d.gdp.is_empty()).then(|| gdp_series(d)))
            .collect(),
            figures: figures_by_confidence(d),
            sources_with_url_pct: sources_with_url_pct(d),
            changes: d.info.changes.clone(),
        }
    }
}

/// Every figure of the dataset, counted by its confidence.
fn figures_by_confidence(d: &Dataset) -> ConfidenceTally {
    let mut figures = ConfidenceTally::default();
    for c in &d.contributions {
        if c.local_100m.is_some() || c.usd_m.is_some() {
            figures.add(c.confidence);
        }
    }
    d.troop_counts
        .iter()
        .filter(|t| t.troops.is_some())
        .for_each(|t| figures.add(t.confidence));
    d.troop_levels
        .iter()
        .for_each(|l| figures.add(l.confidence));
    for c in &d.host_cpi {
        figures.add(c.confidence);
        figures.add(c.index_confidence);
    }
    // Another host's dataset shares Korea's US CPI-U: its figures are Korea's.
    if d.info.host == Host::Korea {
        d.us_cpi.iter().for_each(|c| figures.add(c.confidence));
    }
    d.exchange_rates
        .iter()
        .for_each(|r| figures.add(r.confidence));
    d.defense_budgets
        .iter()
        .for_each(|b| figures.add(b.confidence));
    d.gdp.iter().for_each(|g| figures.add(g.confidence));
    figures
}

/// The GDP line: nominal, by calendar year, and the vintages it is from.
fn gdp_series(d: &Dataset) -> SeriesSummary {
    let mut vintages: Vec<&str> = Vec::new();
    for g in &d.gdp {
        if !vintages.contains(&g.vintage.as_str()) {
            vintages.push(&g.vintage);
        }
    }
    series(
        "GDP",
        &years(&d.gdp, |g| (g.year, true)),
        format!("nominal; {}", vintages.join("; ")),
    )
}

/// Years as a list, a run of three or more as a span: "1979–1998, 2000, 2013".
fn years_list(years: &[i32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let mut j = i;
        while j + 1 < years.len() && years[j + 1] == years[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            out.push(format!("{}–{}", years[i], years[j]));
        } else {
            out.extend(years[i..=j].iter().map(i32::to_string));
        }
        i = j + 1;
    }
    out.join(", ")
}

/// What the contributions' line says beside its span: the figures reported beside the
/// series, and the years derived.
fn contributions_note(d: &Dataset) -> String {
    let derived: Vec<String> = d
        .contributions
        .iter()
        .filter(|c| c.confidence == Confidence::Derived)
        .map(|c| c.year.to_string())
        .collect();
    let reported: usize = d.contributions.iter().map(|c| c.reported.len()).sum();
    format!(
        "{reported} other figures reported beside; derived: {}",
        if derived.is_empty() {
            "none".into()
        } else {
            derived.join(", ")
        }
    )
}

/// What the events' line says beside its span: the negotiation rounds and milestones.
fn events_note(d: &Dataset) -> String {
    let rounds = d
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Round)
        .count();
    let rounds_inferred = d
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Round && !e.people_inferred.is_empty())
        .count();
    let milestones: usize = d
        .agreements
        .iter()
        .map(|a| super::timeline::milestone_events(a, d.info.host).len())
        .sum();
    format!(
        "{rounds} negotiation rounds ({rounds_inferred} with people inferred), \
             {milestones} agreement milestones"
    )
}

/// The share of the dataset's sources that carry a URL, in percent.
pub fn sources_with_url_pct(d: &Dataset) -> f64 {
    if d.sources.is_empty() {
        return 100.0;
    }
    let with = d.sources.iter().filter(|s| s.url.is_some()).count();
    100.0 * with as f64 / d.sources.len() as f64
}

/// "Changes in this release: 9 corrected, 40 added, 3 confidence", then each
/// correction and confidence change on a line of its own (what a reader who quoted the
/// old value needs), and the additions by record.
fn write_changes(f: &mut fmt::Formatter<'_>, version: &str, changes: &[Change]) -> fmt::Result {
    let count = |k: ChangeKind| changes.iter().filter(|c| c.kind == k).count();
    write!(
        f,
        "\nchanges in {version}: {} corrected, {} added, {} confidence",
        count(ChangeKind::Corrected),
        count(ChangeKind::Added),
        count(ChangeKind::Confidence)
    )?;
    for c in changes.iter().filter(|c| c.kind != ChangeKind::Added) {
        let was = c
            .was
            .as_deref()
            .map(|w| format!("{w} → "))
            .unwrap_or_default();
        write!(
            f,
            "\n  {} {}: {was}{} ({})",
            c.kind.label(),
            c.record,
            c.now,
            c.why
        )?;
    }
    let added: Vec<&str> = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Added)
        .map(|c| c.record.as_str())
        .collect();
    if !added.is_empty() {
        write!(f, "\n  added: {}", added.join("; "))?;
    }
    Ok(())
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "dataset {} — {}: valid", self.version, self.title)?;
        writeln!(
            f,
            "  {:<15}{:>5}  {:.0}% with a URL",
            "sources", self.sources, self.sources_with_url_pct
        )?;
        for s in &self.series {
            let span = s.span.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default();
            let mut line = format!("  {:<15}{:>5}  {:<10}", s.name, s.records, span);
            if !s.gaps.is_empty() {
                line += &format!("  {}: {};", s.gap_label, years_list(&s.gaps));
            }
            if !s.detail.is_empty() {
                line += &format!("  {}", s.detail);
            }
            writeln!(f, "{}", line.trim_end())?;
        }
        let t = self.figures;
        write!(
            f,
            "figures by confidence: {} confirmed, {} single source, {} uncertain, {} derived",
            t.confirmed, t.single, t.uncertain, t.derived
        )?;
        if !self.changes.is_empty() {
            write_changes(f, &self.version, &self.changes)?;
        }
        Ok(())
    }
}
