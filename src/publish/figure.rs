//! What an image shows, built from the series the panes chart and the tables give:
//! the lines, the band, the 28,500 level, and every word around them.

use std::collections::HashMap;

use crate::data::{Dataset, Host, LevelKind, Source, YearAxis};
use crate::econ::{
    Assumptions, BandSpreads, CostPoint, CostView, Currency, CurrencyOrigin, DashboardBands,
    Metric, Origin, Projection, ScenarioId, TroopBasis,
};
use crate::numbers::thousands;
use crate::report::export::Cell;
use crate::report::tables::{
    CostsInput, LEVEL_28500, PaneTable, cost_notes, scenario_series, stamp,
};

use super::ChartKind;

/// How a series is drawn: a line solid where recorded and dashed where projected, or
/// dotted throughout for a level rather than a measurement; or bars, filled where
/// recorded and outlined where projected, as the Costs pane draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dotted,
    Bars,
}

/// One point of a line, with what the image marks on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinePoint {
    pub year: i32,
    pub value: f64,
    pub projected: bool,
    /// A recorded year whose figure in the view's currency is converted from the other
    /// currency's published one, not published itself: drawn as a ring with a dot.
    pub converted: bool,
    /// The agreement's cap bound this year: marked `*`.
    pub capped: bool,
    /// The rule is extended past its agreement this year: marked `†`.
    pub extended: bool,
}

/// One series on the chart. A year missing from `points` breaks the line.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureLine {
    /// What the SVG calls it (`data-series`): a scenario's key, `troops`, `headline`.
    pub key: String,
    /// Index into the theme's series colours.
    pub color: usize,
    pub style: LineStyle,
    pub points: Vec<LinePoint>,
}

/// A band of outcomes: each year's low and high.
#[derive(Debug, Clone, PartialEq)]
pub struct BandArea {
    pub key: String,
    pub color: usize,
    pub points: Vec<(i32, f64, f64)>,
}

/// A horizontal level across the chart, with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub value: f64,
    pub label: String,
}

/// What a legend entry shows beside its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A solid line with a filled marker, in a series colour.
    Recorded(usize),
    /// A dashed line with a hollow marker.
    Projected(usize),
    /// The marker of a converted figure alone: a ring with a dot.
    Converted(usize),
    Dotted(usize),
    Band(usize),
    Level,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
}

/// A chart ready to draw: its series and every word on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub kind: ChartKind,
    pub title: String,
    /// Unit and basis, and what is recorded and projected.
    pub subtitle: String,
    pub lines: Vec<FigureLine>,
    pub bands: Vec<BandArea>,
    pub level: Option<Level>,
    pub legend: Vec<LegendItem>,
    /// What the marks on points mean: `*` capped, `†` rule extended.
    pub marks: Vec<String>,
    /// "Sources: …": who published the figures shown.
    pub source: String,
    /// The dataset's version and the assumptions, as files stamp them.
    pub footer: String,
    /// Digits after the point in value labels.
    pub decimals: usize,
    /// The years the x axis counts (Japan's money by fiscal year), as the dashboard's
    /// charts label them: one rule, [`YearAxis`].
    pub years: YearAxis,
}

impl Figure {
    /// The first series as bars, as the Costs pane shows it after `m`.
    pub fn as_bars(mut self) -> Self {
        if let Some(first) = self.lines.first_mut() {
            first.style = LineStyle::Bars;
        }
        self
    }

    /// Whether the first series, the one the legend's first swatches stand for, is bars.
    pub fn bars(&self) -> bool {
        self.lines
            .first()
            .is_some_and(|l| l.style == LineStyle::Bars)
    }

    /// The first and last year any series or band reaches.
    pub fn years(&self) -> Option<(i32, i32)> {
        let years = self
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.year))
            .chain(self.bands.iter().flat_map(|b| b.points.iter().map(|p| p.0)));
        years.fold(None, |span, y| match span {
            None => Some((y, y)),
            Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
        })
    }

    /// The least and greatest value drawn, the level included.
    pub fn values(&self) -> Option<(f64, f64)> {
        let values = self
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.value))
            .chain(
                self.bands
                    .iter()
                    .flat_map(|b| b.points.iter().flat_map(|p| [p.1, p.2])),
            )
            .chain(self.level.as_ref().map(|l| l.value))
            .filter(|v| v.is_finite());
        values.fold(None, |span, v| match span {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
    }

    /// The first projected year of any line: where the projected shading starts.
    pub fn first_projected(&self) -> Option<i32> {
        self.lines
            .iter()
            .flat_map(|l| l.points.iter().filter(|p| p.projected).map(|p| p.year))
            .min()
    }
}

pub(super) fn point(p: &CostPoint) -> Option<LinePoint> {
    Some(LinePoint {
        year: p.year,
        value: p.value.filter(|v| v.is_finite())?,
        projected: p.projected,
        converted: !p.projected && p.origin.is_converted(),
        capped: p.capped,
        extended: p.extended,
    })
}

/// "nominal" or "real: won of 2025 (Korean CPI)", "yen of 2025 (Japanese CPI)".
fn basis(view: &CostView, host: Host, base_year: i32) -> String {
    match (view.real, view.currency) {
        (false, _) => "nominal".into(),
        (true, Currency::Local) => format!(
            "real, in {} of {base_year} ({} CPI)",
            host.currency(),
            host.adjective()
        ),
        (true, Currency::Usd) => format!("real, in dollars of {base_year} (US CPI-U)"),
    }
}

/// "1991–2025"; Japan's "FY1999–FY2024".
fn span(host: Host, years: impl Iterator<Item = i32> + Clone) -> Option<String> {
    let first = years.clone().min()?;
    let last = years.max()?;
    Some(if first == last {
        host.year_label(first)
    } else {
        format!("{}–{}", host.year_label(first), host.year_label(last))
    })
}

/// "1991–1999, 2025": years as runs, each as `host` labels it.
pub(super) fn year_runs(host: Host, years: &[i32]) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == y => *last = y,
            _ => runs.push((y, y)),
        }
    }
    runs.iter()
        .filter_map(|&(a, b)| span(host, [a, b].into_iter()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The years between the first and last point without a figure, recorded as gaps or
/// not recorded at all (Japan's FY1979–95), which the line leaves out: "No figure (a
/// gap, not zero): FY1979–FY1995, FY2013; …". `None` where there is none.
fn gap_note(points: &[CostPoint], host: Host) -> Option<String> {
    let valued: Vec<i32> = points
        .iter()
        .filter(|p| p.value.is_some())
        .map(|p| p.year)
        .collect();
    let (first, last) = (*valued.first()?, *valued.last()?);
    let gaps: Vec<i32> = (first..=last).filter(|y| !valued.contains(y)).collect();
    (!gaps.is_empty()).then(|| {
        format!(
            "No figure (a gap, not zero): {}; why: sma-dash cite --year YEAR{}",
            year_runs(host, &gaps),
            match host {
                Host::Korea => String::new(),
                Host::Japan => format!(" --host {}", Host::Japan.key()),
            }
        )
    })
}

/// The footer: the dataset's version, and the assumptions and band as files stamp them.
fn footer(d: &Dataset, assumptions: Option<String>, band: Option<&BandSpreads>) -> String {
    let mut parts = vec![format!(
        "sma-dash · dataset {} (as of {})",
        d.info.version, d.info.as_of
    )];
    parts.push(match assumptions {
        Some(a) => format!("assumptions: {a}"),
        None => "recorded figures only: no assumptions".into(),
    });
    if let Some(b) = band {
        parts.push(format!("band: {}", b.stamp_for(d.info.host)));
    }
    parts.join(" · ")
}

/// "Sources: Hankyung, Dong-A Ilbo, Yonhap and 12 more": the publishers of the sources
/// the figures shown cite, most cited first, and where each figure's sources are listed.
fn source_line<'a>(d: &Dataset, ids: impl Iterator<Item = &'a String>, every: &str) -> String {
    sources_line(|id| d.source(id), ids, every)
}

/// [`source_line`] with the sources looked up by `lookup`: in several hosts' tables.
pub(super) fn sources_line<'s, 'a>(
    lookup: impl Fn(&str) -> Option<&'s Source>,
    ids: impl Iterator<Item = &'a String>,
    every: &str,
) -> String {
    const NAMED: usize = 4;
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        let Some(source) = lookup(id) else { continue };
        let publisher = source.publisher.as_str();
        match index.get(publisher) {
            Some(&i) => counts[i].1 += 1,
            None => {
                index.insert(publisher, counts.len());
                counts.push((publisher, 1));
            }
        }
    }
    // Stable: ties keep the order of first citation.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let named: Vec<&str> = counts.iter().take(NAMED).map(|(p, _)| *p).collect();
    let more = counts.len().saturating_sub(NAMED);
    let list = match (named.is_empty(), more) {
        (true, _) => "none cited".to_string(),
        (false, 0) => named.join(", "),
        (false, n) => format!("{} and {n} more", named.join(", ")),
    };
    format!("Sources: {list}. Each figure's sources: {every}")
}

/// The Costs pane's chart: the pinned scenario's series, recorded then projected, the
/// compared scenarios from the last recorded year, and the band while it shows.
pub fn costs_figure(input: &CostsInput) -> Figure {
    let CostsInput {
        data: d,
        assumptions: a,
        view,
        ..
    } = *input;
    let main: Vec<LinePoint> = input.points.iter().filter_map(point).collect();
    let host = d.info.host;
    let recorded = span(host, main.iter().filter(|p| !p.projected).map(|p| p.year));
    let projected = span(host, main.iter().filter(|p| p.projected).map(|p| p.year));
    let converted = main.iter().filter(|p| p.converted).count();
    let combined = combined_years(input.points);
    let converted_item = (converted > 0).then(|| converted_legend(view, host, combined.as_ref()));
    let mut legend = cost_legend(input, recorded.as_ref(), converted_item, projected.as_ref());
    let bands = band_area(input, &mut legend);
    let mut marks = cost_notes(input.points, input.extended.clone());
    marks.extend(gap_note(input.points, host));
    if converted > 0 {
        marks.push(converted_mark(input.points, host, converted));
    }
    if let Some(years) = &combined {
        marks.push(format!(
            "{years} agreed in dollars and {}: the two parts combined, the other part converted at the year's rate",
            host.currency()
        ));
    }
    let title = match view.metric {
        Metric::Contribution => format!("{} to the cost of US forces", host.series_name()),
        _ => format!("{}, {}", host.series_name(), view.metric_label()),
    };
    Figure {
        kind: ChartKind::Costs,
        title,
        subtitle: costs_subtitle(input, recorded.as_ref(), projected.as_ref()),
        lines: cost_figure_lines(input, &main),
        bands,
        level: None,
        legend,
        marks,
        source: source_line(
            d,
            costs_source_ids(input, &main, converted > 0).into_iter(),
            "sma-dash export contributions",
        ),
        footer: footer(
            d,
            Some(stamp(a, d.info.host, view)),
            input.band.map(|(_, spreads)| spreads),
        ),
        decimals: match view.metric {
            Metric::PerServiceMember => 2,
            _ => 1,
        },
        years: YearAxis::of_money(&[host]),
    }
}

/// The pinned scenario's line, then each compared scenario's projected line, drawn from
/// the last recorded point so that it joins the pinned one.
fn cost_figure_lines(input: &CostsInput, main: &[LinePoint]) -> Vec<FigureLine> {
    let anchor = main.iter().rfind(|p| !p.projected).copied();
    let mut lines = vec![FigureLine {
        key: input.scenario.map_or("recorded", |s| s.key()).into(),
        color: 0,
        style: LineStyle::Solid,
        points: main.to_vec(),
    }];
    for (i, (s, series)) in input.compared.iter().enumerate() {
        let projected = series.iter().filter(|p| p.projected).filter_map(point);
        lines.push(FigureLine {
            key: s.key().into(),
            color: i + 1,
            style: LineStyle::Solid,
            points: anchor.into_iter().chain(projected).collect(),
        });
    }
    lines
}

/// The years agreed in both currencies (the 5th SMA), whose two parts are combined:
/// "2002 and 2004", the years one by one, as they need not follow each other.
fn combined_years(points: &[CostPoint]) -> Option<String> {
    let combined: Vec<String> = points
        .iter()
        .filter(|p| !p.projected && matches!(p.origin, CurrencyOrigin::Combined { .. }))
        .map(|p| p.year.to_string())
        .collect();
    match combined.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// The legend's entries for the recorded span, the converted marker, the pinned
/// projection and each compared scenario (the band's is added after them).
fn cost_legend(
    input: &CostsInput,
    recorded: Option<&String>,
    converted: Option<LegendItem>,
    projected: Option<&String>,
) -> Vec<LegendItem> {
    let mut legend = Vec::new();
    if let Some(years) = recorded {
        legend.push(LegendItem {
            swatch: Swatch::Recorded(0),
            label: format!("recorded {years}"),
        });
    }
    legend.extend(converted);
    if let (Some(s), Some(years)) = (input.scenario, projected) {
        legend.push(LegendItem {
            swatch: Swatch::Projected(0),
            label: format!("{}, projected {years}", s.label()),
        });
    }
    for (i, (s, _)) in input.compared.iter().enumerate() {
        legend.push(LegendItem {
            swatch: Swatch::Projected(i + 1),
            label: s.label().into(),
        });
    }
    legend
}

/// The legend entry of the converted marker: which published currency the figures
/// come from, and the years whose two parts are combined.
fn converted_legend(view: &CostView, host: Host, combined: Option<&String>) -> LegendItem {
    let from = match view.currency {
        Currency::Local => "dollars",
        Currency::Usd => host.currency(),
    };
    let both = combined.map_or(String::new(), |years| format!("; {years} combined"));
    LegendItem {
        swatch: Swatch::Converted(0),
        label: format!("converted from the published {from}{both}"),
    }
}

/// The pinned scenario's band while it shows, with its legend entry.
fn band_area(input: &CostsInput, legend: &mut Vec<LegendItem>) -> Vec<BandArea> {
    let Some((band, spreads)) = input.band else {
        return Vec::new();
    };
    let points: Vec<(i32, f64, f64)> = band
        .points
        .iter()
        .filter_map(|p| Some((p.year, p.low?, p.high?)))
        .collect();
    if points.is_empty() {
        return Vec::new();
    }
    legend.push(LegendItem {
        swatch: Swatch::Band(0),
        label: format!(
            "band: {}",
            non_empty(
                spreads.describe_moved(band.inputs, input.data.info.host),
                "no input moves it"
            )
        ),
    });
    vec![BandArea {
        key: band.scenario.key().into(),
        color: 0,
        points,
    }]
}

/// The note on converted figures: how many years, and each year converted at an
/// assumed rate because none is recorded.
fn converted_mark(points: &[CostPoint], host: Host, converted: usize) -> String {
    let assumed: Vec<String> = points
        .iter()
        .filter(|p| !p.projected)
        .filter_map(|p| match p.origin {
            CurrencyOrigin::Converted {
                per_usd,
                rate: Origin::Assumed,
            } => Some(format!(
                "; {} at an assumed {} {}/$",
                host.year_label(p.year),
                thousands(per_usd, 1),
                host.symbol()
            )),
            _ => None,
        })
        .collect();
    format!(
        "converted at each year's average {} per dollar ({converted} years){}",
        host.currency(),
        assumed.concat()
    )
}

/// The subtitle: unit and basis, the recorded span, the projected span and scenarios.
fn costs_subtitle(
    input: &CostsInput,
    recorded: Option<&String>,
    projected: Option<&String>,
) -> String {
    let (a, view, host) = (input.assumptions, input.view, input.data.info.host);
    let mut subtitle = format!(
        "{}, {}",
        view.unit(host, a.base_year),
        basis(view, host, a.base_year)
    );
    if let Some(years) = recorded {
        subtitle.push_str(&format!(" · recorded {years}"));
    }
    if let (Some(s), Some(years)) = (input.scenario, projected) {
        subtitle.push_str(&format!(" · projected {years}: {}", s.key()));
        for (s, _) in input.compared {
            subtitle.push_str(&format!(", {}", s.key()));
        }
    }
    subtitle
}

/// The sources the chart rests on: each recorded contribution's; the exchange rates
/// and price indices a converted or real figure uses; the troop figures a per-member
/// metric divides by.
fn costs_source_ids<'a>(
    input: &CostsInput<'a>,
    main: &[LinePoint],
    converted: bool,
) -> Vec<&'a String> {
    let (d, view) = (input.data, input.view);
    let mut ids: Vec<&String> = input
        .points
        .iter()
        .filter(|p| !p.projected && p.value.is_some())
        .filter_map(|p| d.contribution(p.year))
        .flat_map(|c| &c.sources)
        .collect();
    let recorded_years: Vec<i32> = main
        .iter()
        .filter(|p| !p.projected)
        .map(|p| p.year)
        .collect();
    if converted || view.currency == Currency::Usd {
        ids.extend(
            recorded_years
                .iter()
                .filter_map(|y| d.exchange_rate(*y))
                .flat_map(|r| &r.sources),
        );
    }
    if view.real {
        match view.currency {
            Currency::Local => ids.extend(
                recorded_years
                    .iter()
                    .filter_map(|y| d.host_cpi(*y))
                    .flat_map(|c| &c.sources),
            ),
            Currency::Usd => ids.extend(
                recorded_years
                    .iter()
                    .filter_map(|y| d.us_cpi(*y))
                    .flat_map(|c| &c.sources),
            ),
        }
    }
    if view.metric == Metric::PerServiceMember {
        ids.extend(troop_sources(d, view.troops, &recorded_years));
    }
    ids
}

fn non_empty(text: String, otherwise: &str) -> String {
    if text.is_empty() {
        otherwise.into()
    } else {
        text
    }
}

/// The sources of the troop figures a per-member metric divides by.
fn troop_sources<'a>(d: &'a Dataset, basis: TroopBasis, years: &[i32]) -> Vec<&'a String> {
    years
        .iter()
        .flat_map(|&y| match basis {
            TroopBasis::Counted => d.troop_count(y).map(|t| t.sources.as_slice()),
            TroopBasis::Headline => d.headline_level(y).map(|l| l.sources.as_slice()),
        })
        .flatten()
        .collect()
}

/// A column's whole numbers by year, from a pane's table.
fn table_column(table: &PaneTable, key: &str) -> Vec<(i32, f64)> {
    let Some(i) = table.columns.iter().position(|c| c.key == key) else {
        return Vec::new();
    };
    table
        .rows
        .iter()
        .filter_map(|r| match (r.year, r.cells.get(i).map(|c| &c.0)) {
            (Some(year), Some(Cell::Int(n))) => Some((year, *n as f64)),
            (Some(year), Some(Cell::Num(v, _))) => Some((year, *v)),
            _ => None,
        })
        .collect()
}

/// The Troops pane's chart, from its table: the DMDC count and the headline level by
/// year, and the 28,500 level.
pub fn troops_figure(d: &Dataset, table: &PaneTable) -> Figure {
    let line = |key: &str, column: &str, color, style| FigureLine {
        key: key.into(),
        color,
        style,
        points: table_column(table, column)
            .into_iter()
            .map(|(year, value)| LinePoint {
                year,
                value,
                projected: false,
                converted: false,
                capped: false,
                extended: false,
            })
            .collect(),
    };
    let counted = line("troops", "troops", 0, LineStyle::Solid);
    let headline = line("headline", "headline_level", 1, LineStyle::Dotted);
    let years: Vec<i32> = counted.points.iter().map(|p| p.year).collect();
    let ids = years
        .iter()
        .filter_map(|y| d.troop_count(*y))
        .flat_map(|t| &t.sources)
        .chain(troop_sources(d, TroopBasis::Headline, &years));
    // Troop counts are by calendar year (30 September) for every host.
    let shown = span(Host::Korea, years.iter().copied()).unwrap_or_default();
    // The headline level where the dataset holds one; the 28,500 line where the
    // dataset's legal floors set it (Korea's NDAA), not for another host.
    let has_headline = !headline.points.is_empty();
    let has_floor = d
        .troop_levels
        .iter()
        .any(|l| l.kind == LevelKind::LegalFloor && l.low == LEVEL_28500);
    let mut legend = vec![LegendItem {
        swatch: Swatch::Recorded(0),
        label: "DMDC active-duty count".into(),
    }];
    if has_headline {
        legend.push(LegendItem {
            swatch: Swatch::Dotted(1),
            label: "headline level in force".into(),
        });
    }
    if has_floor {
        legend.push(LegendItem {
            swatch: Swatch::Level,
            label: "28,500: the level held since 2008".into(),
        });
    }
    let and_headline = if has_headline {
        " and the headline level"
    } else {
        ""
    };
    Figure {
        kind: ChartKind::Troops,
        title: format!("US troops in {}", d.info.host.country()),
        subtitle: format!(
            "service members · DMDC active-duty count on 30 September{and_headline}, {shown}"
        ),
        legend,
        lines: vec![counted, headline],
        bands: Vec::new(),
        level: has_floor.then(|| Level {
            value: f64::from(LEVEL_28500),
            label: "28,500".into(),
        }),
        marks: Vec::new(),
        source: source_line(d, ids, "sma-dash export troops"),
        footer: footer(d, None, None),
        decimals: 0,
        years: YearAxis::Calendar,
    }
}

/// The scenarios chart's subtitle: unit and basis, the recorded start, the projected
/// span, in `host`'s years.
fn scenarios_subtitle(
    host: Host,
    a: &Assumptions,
    view: &CostView,
    start: Option<i32>,
    projected: Option<String>,
) -> String {
    let money = CostView {
        metric: Metric::Contribution,
        ..*view
    };
    let mut subtitle = format!(
        "{}, {}",
        money.unit(host, a.base_year),
        basis(view, host, a.base_year)
    );
    if let Some(start) = start {
        subtitle.push_str(&format!(" · recorded {}", host.year_label(start)));
    }
    if let Some(years) = projected {
        subtitle.push_str(&format!(" · projected {years}"));
    }
    subtitle
}

/// The Assumptions pane's scenarios as a chart: every scenario's amounts by year from
/// the recorded start, in the view's currency and basis, with each band while shown.
pub fn scenarios_figure(
    d: &Dataset,
    a: &Assumptions,
    view: &CostView,
    projections: &[Projection],
    bands: Option<(&DashboardBands, &BandSpreads)>,
) -> Figure {
    let series = scenario_series(d, a, view, projections);
    let lines: Vec<FigureLine> = series
        .iter()
        .enumerate()
        .map(|(i, (s, points))| FigureLine {
            key: s.key().into(),
            color: i,
            style: LineStyle::Solid,
            points: points.iter().filter_map(point).collect(),
        })
        .collect();
    let mut legend: Vec<LegendItem> = series
        .iter()
        .enumerate()
        .map(|(i, (s, _))| LegendItem {
            swatch: Swatch::Projected(i),
            label: s.label().into(),
        })
        .collect();
    let mut areas = Vec::new();
    if let Some((b, _)) = bands {
        areas = scenario_band_areas(&series, b);
        legend.push(LegendItem {
            swatch: Swatch::Band(0),
            label: "band of each: its low and high paths (spreads below)".into(),
        });
    }
    let all: Vec<&CostPoint> = series.iter().flat_map(|(_, p)| p).collect();
    let start = all.iter().filter(|p| !p.projected).map(|p| p.year).min();
    let host = d.info.host;
    let projected = span(host, all.iter().filter(|p| p.projected).map(|p| p.year));
    let subtitle = scenarios_subtitle(host, a, view, start, projected);
    let ids = start
        .and_then(|y| d.contribution(y))
        .into_iter()
        .flat_map(|c| &c.sources)
        .chain(
            start
                .and_then(|y| d.agreement_for_year(y))
                .into_iter()
                .flat_map(|ag| &ag.sources),
        );
    let mut marks = Vec::new();
    if all.iter().any(|p| p.capped) {
        marks.push("* the agreement's cap bound this year".to_string());
    }
    let extended: Vec<String> = projections
        .iter()
        .filter(|p| p.years.iter().any(|y| y.extended))
        .filter_map(|p| p.rule_origin.map(|o| o.extended_label()))
        .collect();
    if !extended.is_empty() {
        marks.push(format!("† {}", extended.join("; ")));
    }
    Figure {
        kind: ChartKind::Scenarios,
        title: match host {
            Host::Korea => "What the SMA costs Korea, by scenario".into(),
            Host::Japan => format!("{}, by scenario", host.series_name()),
        },
        subtitle,
        lines,
        bands: areas,
        level: None,
        legend,
        marks,
        source: source_line(d, ids, "sma-dash project"),
        footer: footer(d, Some(stamp(a, d.info.host, view)), bands.map(|(_, s)| s)),
        decimals: 1,
        years: YearAxis::of_money(&[host]),
    }
}

/// Each scenario's band, in its line's colour.
fn scenario_band_areas(
    series: &[(ScenarioId, Vec<CostPoint>)],
    bands: &DashboardBands,
) -> Vec<BandArea> {
    series
        .iter()
        .enumerate()
        .filter_map(|(i, (s, _))| {
            let band = bands.of(*s)?;
            Some(BandArea {
                key: s.key().into(),
                color: i,
                points: band
                    .points
                    .iter()
                    .filter_map(|p| Some((p.year, p.low?, p.high?)))
                    .collect(),
            })
        })
        .collect()
}
