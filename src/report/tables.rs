//! The chart panes' numbers as tables: what `t` shows and what `e` then writes.
//!
//! One builder per pane makes every column, each with the text the screen shows and
//! the cell a file holds; the screen keeps as many columns as fit, by priority, and a
//! file gets them all. So a table on screen and the file exported from it cannot say
//! different things.

use crate::data::{CountDate, Dataset, Host};
use crate::econ::compare::{Comparison, Measure, MeasureKind};
use crate::econ::{
    Assumptions, Band, BandPoint, BandSpreads, CostPoint, CostView, Currency, DashboardBands,
    Economy, Indices, Metric, Projection, ScenarioId, Total, change_pct, dedup_keeping_order,
    host_span_label, projected_sources, scenario_amounts, total_spans, totals, year_sources,
};
use crate::numbers::{signed, thousands};

use super::assumptions_text;
use super::export::{Cell, Table, with_provenance};

/// The level USFK has been publicly held at since 2008, and the NDAA floor.
pub const LEVEL_28500: u32 = 28_500;

/// One column: its name in files, its heading on screen, and how soon it gives way
/// when the screen is narrow (0 never; higher first).
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumn {
    pub key: &'static str,
    pub header: String,
    /// Numbers are right-aligned.
    pub numeric: bool,
    pub priority: u8,
    /// Shown with the next column or not at all: a band's low with its high.
    pub with_next: bool,
}

/// One row: the year it is about (none for a total), and each column's cell as a file
/// holds it and as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub year: Option<i32>,
    pub cells: Vec<(Cell, String)>,
}

/// A pane's numbers as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct PaneTable {
    /// What the numbers are: unit, basis, scenario. Shown above the table.
    pub caption: String,
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
    /// Totals, after the rows.
    pub totals: Vec<TableRow>,
    /// What the marks in cells mean, shown below the table.
    pub notes: Vec<String>,
    /// Each column's width on screen: its widest cell or heading, in terminal columns
    /// (words at most `MAX_TEXT_COLS`). Set by `PaneTable::measured`.
    pub widths: Vec<usize>,
}

/// The widest a column of words gets on screen before its text is cut with "…".
pub const MAX_TEXT_COLS: usize = 40;

impl PaneTable {
    /// The table as a file holds it: every column, the rows then the totals, each row
    /// closed by the dataset version and the assumptions when they shape the numbers.
    pub fn to_export(&self, version: &str, assumptions: Option<String>) -> Table {
        let rows = self
            .rows
            .iter()
            .chain(&self.totals)
            .map(|r| r.cells.iter().map(|(cell, _)| cell.clone()).collect())
            .collect();
        let mut table = Table {
            columns: self.columns.iter().map(|c| c.key).collect(),
            rows,
        };
        with_provenance(&mut table, version, assumptions);
        table
    }

    /// A table of these rows, its columns' widths measured.
    fn new(
        caption: String,
        columns: Vec<TableColumn>,
        rows: Vec<TableRow>,
        totals: Vec<TableRow>,
        notes: Vec<String>,
    ) -> Self {
        Self {
            caption,
            columns,
            rows,
            totals,
            notes,
            widths: Vec::new(),
        }
        .measured()
    }

    /// The table with its columns' widths measured once, for every frame to use.
    fn measured(mut self) -> Self {
        use unicode_width::UnicodeWidthStr;
        self.widths = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let widest = self
                    .rows
                    .iter()
                    .chain(&self.totals)
                    .filter_map(|r| r.cells.get(i))
                    .map(|(_, shown)| shown.width())
                    .max()
                    .unwrap_or(0)
                    .max(c.header.width());
                if c.numeric {
                    widest
                } else {
                    widest.min(MAX_TEXT_COLS)
                }
            })
            .collect();
        self
    }

    /// The row of `year`, if the table has one.
    pub fn row_of(&self, year: i32) -> Option<usize> {
        self.rows.iter().position(|r| r.year == Some(year))
    }
}

/// The file columns of a scenario's value, its difference from the pinned one, its
/// status, and its band's low and high.
fn scenario_columns(s: ScenarioId) -> [&'static str; 5] {
    match s {
        ScenarioId::CurrentAgreement => [
            "value_12th-sma",
            "diff_12th-sma",
            "12th-sma_status",
            "12th-sma_low",
            "12th-sma_high",
        ],
        ScenarioId::DefenseGrowthRule => [
            "value_11th-rule",
            "diff_11th-rule",
            "11th-rule_status",
            "11th-rule_low",
            "11th-rule_high",
        ],
        ScenarioId::Demand5bn => [
            "value_demand-5bn",
            "diff_demand-5bn",
            "demand-5bn_status",
            "demand-5bn_low",
            "demand-5bn_high",
        ],
        ScenarioId::Demand10bn => [
            "value_demand-10bn",
            "diff_demand-10bn",
            "demand-10bn_status",
            "demand-10bn_low",
            "demand-10bn_high",
        ],
        ScenarioId::Custom => [
            "value_custom",
            "diff_custom",
            "custom_status",
            "custom_low",
            "custom_high",
        ],
        ScenarioId::Plan => [
            "value_fy2022-plan",
            "diff_fy2022-plan",
            "fy2022-plan_status",
            "fy2022-plan_low",
            "fy2022-plan_high",
        ],
        ScenarioId::Renewal => [
            "value_renewal",
            "diff_renewal",
            "renewal_status",
            "renewal_low",
            "renewal_high",
        ],
        ScenarioId::Demand8bn => [
            "value_demand-8bn",
            "diff_demand-8bn",
            "demand-8bn_status",
            "demand-8bn_low",
            "demand-8bn_high",
        ],
    }
}

fn column(key: &'static str, header: &str, numeric: bool, priority: u8) -> TableColumn {
    TableColumn {
        key,
        header: header.to_string(),
        numeric,
        priority,
        with_next: false,
    }
}

/// A band's low and high columns: shown together or not at all.
fn band_columns(
    low: &'static str,
    high: &'static str,
    names: (&str, &str),
    priority: u8,
) -> [TableColumn; 2] {
    [
        TableColumn {
            with_next: true,
            ..column(low, names.0, true, priority)
        },
        column(high, names.1, true, priority),
    ]
}

/// A number with `decimals`, "–" on screen where there is none.
fn number(v: Option<f64>, decimals: usize) -> (Cell, String) {
    match v.filter(|v| v.is_finite()) {
        Some(v) => (Cell::Num(v, decimals), thousands(v, decimals)),
        None => (Cell::Empty, "–".into()),
    }
}

/// A difference, signed on screen.
fn difference(v: Option<f64>, decimals: usize) -> (Cell, String) {
    match v.filter(|v| v.is_finite()) {
        Some(v) => (Cell::Num(v, decimals), signed(v, decimals)),
        None => (Cell::Empty, "–".into()),
    }
}

fn text(s: impl Into<String>) -> (Cell, String) {
    let s = s.into();
    if s.is_empty() {
        (Cell::Empty, String::new())
    } else {
        (Cell::Text(s.clone()), s)
    }
}

/// Columns a list of source ids takes on screen before the rest is counted ("+5"); a
/// file holds every id, and Enter on the year shows every source.
const SOURCES_COLS: usize = 24;

/// Source ids: all of them, `; `-separated, in a file; on screen as many as fit
/// `SOURCES_COLS`, space-separated, then how many more.
fn sources_cell(ids: &[String]) -> (Cell, String) {
    let mut shown = String::new();
    for (i, id) in ids.iter().enumerate() {
        let more = ids.len() - i;
        let next = if shown.is_empty() {
            id.clone()
        } else {
            format!("{shown} {id}")
        };
        // Room for this id, and for "+n" after it unless it is the last.
        let room = if more > 1 {
            SOURCES_COLS - 4
        } else {
            SOURCES_COLS
        };
        if next.chars().count() > room {
            shown = format!("{shown} +{more}").trim_start().to_string();
            break;
        }
        shown = next;
    }
    (Cell::Text(ids.join("; ")), shown)
}

fn year_cell(year: i32) -> (Cell, String) {
    (Cell::Int(year.into()), year.to_string())
}

/// A year of `host`'s money: the number in a file, "FY2022" on screen for Japan's.
fn host_year_cell(host: Host, year: i32) -> (Cell, String) {
    (Cell::Int(year.into()), host.year_label(year))
}

/// "nominal" or "of 2025".
fn basis_words(view: &CostView, base_year: i32) -> String {
    if view.real {
        format!("real, money of {base_year}")
    } else {
        "nominal".into()
    }
}

/// "nominal" or "real": the basis column of a file; the base year has its own.
fn basis_key(view: &CostView) -> &'static str {
    if view.real { "real" } else { "nominal" }
}

/// Digits after the point for the view's values.
fn decimals(view: &CostView) -> usize {
    match view.metric {
        Metric::PerServiceMember => 2,
        _ => 1,
    }
}

/// What the Costs pane charts, for its table: the pinned scenario's series and each
/// compared one's, in the view.
pub struct CostsInput<'a> {
    pub data: &'a Dataset,
    /// "12th SMA rule extended past 2030", when the pinned scenario's rule is.
    pub extended: Option<String>,
    /// The pinned scenario's band in the view, and its spreads, while the band shows.
    pub band: Option<(&'a Band, &'a BandSpreads)>,
    pub assumptions: &'a Assumptions,
    pub view: &'a CostView,
    pub scenario: Option<ScenarioId>,
    pub points: &'a [CostPoint],
    pub compared: &'a [(ScenarioId, Vec<CostPoint>)],
}

/// Both hosts' payments in `kind`, a row a year (each year either host records a
/// payment for): each host's value and its status mark, Japan's fiscal year beside,
/// each figure's sources, and why a gap is one. The table `t` shows in Costs with both
/// hosts; the file `e` writes is `export measures`, every measure with its definition.
pub fn hosts_table(c: &Comparison, kind: MeasureKind) -> PaneTable {
    let columns = vec![
        column("year", "year", false, 0),
        column("kr_value", "Korea", true, 0),
        column("kr_status", "KR", false, 1),
        column("jp_year", "JP year", false, 2),
        column("jp_value", "Japan", true, 0),
        column("jp_status", "JP", false, 1),
        column("kr_sources", "KR sources", false, 3),
        column("jp_sources", "JP sources", false, 3),
        column("gaps", "why a gap", false, 4),
    ];
    let mut years: Vec<i32> = c.rows.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let mark = |m: Option<&Measure>| match m {
        Some(m) if m.value().is_some() => text(status_mark(m.status())),
        Some(_) => text("gap"),
        None => text("–"),
    };
    let rows = years
        .into_iter()
        .map(|year| {
            let of = |host| c.get(host, year).map(|r| r.measure(kind));
            let (kr, jp) = (of(Host::Korea), of(Host::Japan));
            let value = |m: Option<&Measure>| match m.and_then(|m| m.value()) {
                Some(v) => (Cell::Num(v, kind.decimals()), thousands(v, kind.decimals())),
                None => (Cell::Empty, "–".into()),
            };
            let sources = |m: Option<&Measure>| sources_cell(m.map_or(&[][..], |m| &m.sources));
            let gaps: Vec<String> = [(Host::Korea, kr), (Host::Japan, jp)]
                .into_iter()
                .filter_map(|(h, m)| {
                    Some(format!(
                        "{}: {}",
                        h.key().to_uppercase(),
                        m?.missing.as_ref()?
                    ))
                })
                .collect();
            TableRow {
                year: Some(year),
                cells: vec![
                    year_cell(year),
                    value(kr),
                    mark(kr),
                    text(Host::Japan.year_label(year)),
                    value(jp),
                    mark(jp),
                    sources(kr),
                    sources(jp),
                    text(gaps.join("; ")),
                ],
            }
        })
        .collect();
    PaneTable::new(
        format!(
            "{} ({}): Korea's SMA total by calendar year, Japan's HNS total by fiscal year (Apr–Mar)",
            kind.unit(c.base_year),
            kind.label(),
        ),
        columns,
        rows,
        Vec::new(),
        vec![
            "rec recorded · conv converted at the year's average rate · der derived · gap no figure (why: Enter)".into(),
        ],
    )
}

/// The short mark of a status in the hosts' table: "rec", "conv", "der".
fn status_mark(s: crate::econ::Status) -> &'static str {
    match s {
        crate::econ::Status::Recorded => "rec",
        crate::econ::Status::Converted => "conv",
        crate::econ::Status::Derived => "der",
        crate::econ::Status::Projected => "proj",
    }
}

/// The Costs pane's numbers: a row a year with the value, its change, its status, its
/// confidence and sources, how its currency came about, what drove a projection; with
/// a comparison, each compared scenario's value and its difference from the pinned
/// one; totals over the projected years.
pub fn costs_table(input: &CostsInput) -> PaneTable {
    let CostsInput {
        data: d,
        extended,
        band,
        assumptions: a,
        view,
        scenario,
        points,
        compared,
    } = input;
    let (d, a, view, scenario, points, compared) = (*d, *a, *view, *scenario, *points, *compared);
    let columns = cost_columns(input);
    let mut previous: Option<&CostPoint> = None;
    let rows = points
        .iter()
        .map(|p| {
            let row = cost_row(input, p, previous);
            previous = Some(p);
            row
        })
        .collect();
    let totals = cost_totals(d, view, points, compared, band.map(|b| b.0), columns.len());
    let caption = format!(
        "{} · {}, {} · {}",
        view.metric_label(),
        view.short_unit(d.info.host),
        basis_words(view, a.base_year),
        match (scenario, compared.is_empty()) {
            (Some(s), true) => format!("projected: {}", s.key()),
            (Some(s), false) => format!(
                "{} vs {}",
                s.key(),
                compared
                    .iter()
                    .map(|(s, _)| s.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (None, _) => "recorded only".into(),
        }
    );
    let mut notes = cost_notes(points, extended.clone());
    if !totals.is_empty() {
        notes.push("last rows: the totals over the years they name".into());
    }
    PaneTable::new(caption, columns, rows, totals, notes)
}

/// The Costs table's columns, in the order `cost_row` fills them.
fn cost_columns(input: &CostsInput) -> Vec<TableColumn> {
    let view = input.view;
    let pinned = input.scenario.map_or("value", |s| s.key());
    let value_header = if input.compared.is_empty() {
        view.short_unit(input.data.info.host)
    } else {
        pinned.into()
    };
    let mut columns = vec![
        column("year", "year", false, 0),
        column("value", &value_header, true, 0),
    ];
    if input.band.is_some() {
        columns.extend(band_columns("value_low", "value_high", ("low", "high"), 2));
    }
    for (s, _) in input.compared {
        let [value, diff, ..] = scenario_columns(*s);
        columns.push(column(value, s.key(), true, 1));
        columns.push(column(diff, &format!("Δ {}", s.key()), true, 2));
    }
    let (change_key, change_header) = if view.metric == Metric::YearOnYear {
        ("change_pts", "Δ pts")
    } else {
        ("change_pct", "change")
    };
    columns.extend([
        column(change_key, change_header, true, 3),
        column("status", "status", false, 1),
        column("confidence", "confidence", false, 4),
        column("driver", "what drove it", false, 5),
        column("sources", "sources", false, 5),
        column("currency_origin", "currency", false, 6),
        column("krw_per_usd", "₩/$", true, 7),
        column("rate", "rate", false, 7),
        column("reported", "also reported", false, 6),
        column("capped", "capped", false, 8),
        column("rule_extended", "extended", false, 8),
        column("unit", "unit", false, 9),
        column("currency", "currency", false, 9),
        column("basis", "basis", false, 9),
    ]);
    if view.real {
        columns.push(column("base_year", "base year", false, 9));
    }
    columns.extend([
        column("metric", "metric", false, 9),
        column("scenario", "scenario", false, 9),
    ]);
    if input.band.is_some() {
        columns.push(column("band", "band", false, 9));
    }
    columns
}

/// One year's row of the Costs table; `previous` is the year before, for the change.
fn cost_row(input: &CostsInput, p: &CostPoint, previous: Option<&CostPoint>) -> TableRow {
    let (d, a, view, scenario) = (input.data, input.assumptions, input.view, input.scenario);
    let digits = decimals(view);
    let mut cells = vec![host_year_cell(d.info.host, p.year), number(p.value, digits)];
    if let Some((b, _)) = input.band {
        // The record has no band; nor does a year no input moves.
        let at = b.at(p.year).filter(|_| p.projected);
        cells.push(number(at.and_then(|b| b.low), digits));
        cells.push(number(at.and_then(|b| b.high), digits));
    }
    // The compared scenarios share the record: their columns start where the
    // projections do.
    for (_, series) in input.compared {
        let other = series
            .iter()
            .find(|o| o.year == p.year)
            .and_then(|o| o.value)
            .filter(|_| p.projected);
        cells.push(number(other, digits));
        cells.push(difference(other.zip(p.value).map(|(o, v)| o - v), digits));
    }
    let rate = p.origin.conversion();
    let sources = if p.projected {
        scenario
            .map(|s| projected_sources(d, s, p.driver))
            .unwrap_or_default()
    } else {
        d.contribution(p.year)
            .map(|c| c.sources.clone())
            .unwrap_or_default()
    };
    cells.extend([
        change_cell(view.metric, previous, p),
        (
            Cell::Text(p.tags(view).join(" · ")),
            compact_status(p, view),
        ),
        text(p.confidence.map_or("", |c| c.label())),
        text(p.driver.map(|d| d.describe()).unwrap_or_default()),
        sources_cell(&sources),
        text(p.origin_key()),
        number(rate.map(|r| r.0), 2),
        text(rate.map_or("", |r| r.1.label())),
        text(
            d.contribution(p.year)
                .filter(|_| !p.projected && view.metric == Metric::Contribution)
                .map(|c| c.reported_summary(d.info.host))
                .unwrap_or_default(),
        ),
        yes_cell(p.capped),
        yes_cell(p.extended),
        text(view.unit(d.info.host, a.base_year)),
        text(match view.currency {
            Currency::Local => d.info.host.currency_key(),
            Currency::Usd => "usd",
        }),
        text(basis_key(view)),
    ]);
    if view.real {
        cells.push(year_cell(a.base_year));
    }
    cells.extend([
        text(view.metric_label()),
        text(scenario.filter(|_| p.projected).map_or("", |s| s.key())),
    ]);
    TableRow {
        year: Some(p.year),
        cells,
    }
}

/// The change from the year before: in points for the year-on-year metric, in per
/// cent otherwise; "new basis" where the series' basis changed.
fn change_cell(metric: Metric, previous: Option<&CostPoint>, p: &CostPoint) -> (Cell, String) {
    match (metric, previous) {
        _ if p.basis_changed => (
            Cell::Text(crate::econ::BASIS_CHANGED.into()),
            "new basis".into(),
        ),
        (Metric::YearOnYear, Some(before)) => match before.value.zip(p.value) {
            Some((b, n)) => (Cell::Num(n - b, 1), signed(n - b, 1)),
            None => (Cell::Empty, "–".into()),
        },
        (_, Some(before)) => match change_pct(before, p) {
            Some(pct) => (Cell::Num(pct, 1), format!("{} %", signed(pct, 1))),
            None => (Cell::Empty, "–".into()),
        },
        _ => (Cell::Empty, "–".into()),
    }
}

/// A flag: `yes` on screen, a boolean in files.
fn yes_cell(flag: bool) -> (Cell, String) {
    (Cell::Bool(flag), if flag { "yes" } else { "" }.into())
}

/// The status in a few columns: the word, then `*` if the cap bound and `†` if the
/// rule is extended (the notes say so).
fn compact_status(p: &CostPoint, view: &CostView) -> String {
    let marks = format!(
        "{}{}",
        if p.capped { "*" } else { "" },
        if p.extended { "†" } else { "" }
    );
    if marks.is_empty() {
        p.status(view).label().to_string()
    } else {
        format!("{} {marks}", p.status(view).label())
    }
}

/// What the marks of a cost table mean, where any row carries one.
pub fn cost_notes(points: &[CostPoint], extended: Option<String>) -> Vec<String> {
    let mut notes = Vec::new();
    if points.iter().any(|p| p.capped) {
        notes.push("* the agreement's cap bound this year".to_string());
    }
    if let Some(label) = extended.filter(|_| points.iter().any(|p| p.extended)) {
        notes.push(format!("† {label}"));
    }
    notes
}

/// A total's first cell: "total 2027–2035" in a file, "2027–35" on screen (bold, under
/// the years).
fn total_label(host: Host, from: i32, to: i32) -> (Cell, String) {
    let file = if from == to {
        format!("total {from}")
    } else {
        format!("total {from}–{to}")
    };
    (Cell::Text(file), host_span_label(host, from, to))
}

/// The totals every view and file gives ([`totals`]): the agreement's term and through
/// the horizon, from the projection's recorded start; for amounts only (not for changes
/// or per-member figures, which do not add up). Each labelled with the years it sums,
/// recorded and projected.
fn cost_totals(
    d: &Dataset,
    view: &CostView,
    points: &[CostPoint],
    compared: &[(ScenarioId, Vec<CostPoint>)],
    band: Option<&Band>,
    width: usize,
) -> Vec<TableRow> {
    if view.metric != Metric::Contribution {
        return Vec::new();
    }
    let Some(first_projected) = points.iter().position(|p| p.projected) else {
        return Vec::new();
    };
    let horizon = points.last().map_or(0, |p| p.year);
    let start = first_projected
        .checked_sub(1)
        .map_or(points[first_projected].year, |i| points[i].year);
    let digits = decimals(view);
    totals(d, points, start, horizon)
        .into_iter()
        .map(|total| {
            let (from, to) = (total.from, total.to);
            let mut cells = vec![
                total_label(d.info.host, from, to),
                number(Some(total.value), digits),
            ];
            if let Some(b) = band {
                let t = b.total(from, to);
                cells.push(number(t.map(|t| t.low), digits));
                cells.push(number(t.map(|t| t.high), digits));
            }
            for (_, series) in compared {
                let other = Total::of(series, from, to).map(|t| t.value);
                cells.push(number(other, digits));
                cells.push(difference(other.map(|o| o - total.value), digits));
            }
            cells.push(text(""));
            cells.push(text(total.label()));
            cells.resize(width, (Cell::Empty, String::new()));
            TableRow { year: None, cells }
        })
        .collect()
}

/// The Troops pane's numbers: a row a year with the DMDC count, the headline level in
/// force, the count's gap to 28,500, the date of the count, its confidence and sources.
pub fn troops_table(d: &Dataset, from: i32) -> PaneTable {
    let columns = vec![
        column("year", "year", false, 0),
        column("troops", "DMDC count", true, 0),
        column("headline_level", "headline", true, 0),
        column("gap_to_28500", "vs 28,500", true, 1),
        column("as_of", "as of", false, 3),
        column("confidence", "confidence", false, 2),
        column("sources", "sources", false, 2),
        column("note", "note", false, 4),
    ];
    let rows = d
        .troop_counts
        .iter()
        .filter(|t| t.year >= from)
        .map(|t| {
            let count = t.troops;
            let headline = d.headline_level(t.year).map(|l| l.low);
            let whole = |v: Option<u32>| match v {
                Some(n) => (Cell::Int(n.into()), thousands(f64::from(n), 0)),
                None => (Cell::Empty, "–".into()),
            };
            let gap = count.map(|n| i64::from(n) - i64::from(LEVEL_28500));
            TableRow {
                year: Some(t.year),
                cells: vec![
                    year_cell(t.year),
                    whole(count),
                    whole(headline),
                    match gap {
                        Some(g) => (Cell::Int(g), signed(g as f64, 0)),
                        None => (Cell::Empty, "–".into()),
                    },
                    text(match t.as_of {
                        Some(CountDate::June30) => "06-30",
                        Some(CountDate::September30) => "09-30",
                        None => "",
                    }),
                    text(t.confidence.label()),
                    sources_cell(&t.sources),
                    text(t.note.clone().unwrap_or_default()),
                ],
            }
        })
        .collect();
    PaneTable::new(
        "US troops in Korea: DMDC active-duty count (30 Sep) and the headline level".into(),
        columns,
        rows,
        Vec::new(),
        Vec::new(),
    )
}

/// Every scenario's amounts by year, from the recorded start, in the view's currency
/// and basis: what the scenarios table lists and its chart draws.
pub fn scenario_series(
    d: &Dataset,
    a: &Assumptions,
    view: &CostView,
    projections: &[Projection],
) -> Vec<(ScenarioId, Vec<CostPoint>)> {
    let e = Economy::new(d, a);
    let indices = Indices::new(&e, a.horizon);
    projections
        .iter()
        .map(|p| {
            (
                p.scenario,
                scenario_amounts(&e, p, view.currency, view.real, &indices),
            )
        })
        .collect()
}

/// The Assumptions pane's numbers: every scenario by year, in the view's currency and
/// basis; `*` where the cap bound, `†` where an agreement's rule is extended past its
/// end; totals over the years each sums.
pub fn scenarios_table(
    d: &Dataset,
    a: &Assumptions,
    view: &CostView,
    projections: &[Projection],
    bands: Option<(&DashboardBands, &BandSpreads)>,
) -> PaneTable {
    let amounts = scenario_series(d, a, view, projections);
    let money = CostView {
        metric: Metric::Contribution,
        ..*view
    };
    let unit = money.short_unit(d.info.host);
    let columns = scenarios_columns(&amounts, view, bands.is_some());
    // The closing cells of every row: the sources of every scenario's figure that year
    // (none for a total), unit, basis, base year, band spreads.
    let closing = |cells: &mut Vec<(Cell, String)>, year: Option<i32>| {
        let sources = year.map_or_else(Vec::new, |year| {
            dedup_keeping_order(
                projections
                    .iter()
                    .filter_map(|p| p.at(year).map(|y| year_sources(d, p.scenario, y)))
                    .flatten()
                    .collect(),
            )
        });
        cells.extend([
            sources_cell(&sources),
            text(money.unit(d.info.host, a.base_year)),
            text(basis_key(view)),
        ]);
        if view.real {
            cells.push(year_cell(a.base_year));
        }
        if let Some((_, spreads)) = bands {
            cells.push(text(spreads.stamp_for(d.info.host)));
        }
    };
    let years: Vec<i32> = amounts
        .first()
        .map(|(_, points)| points.iter().map(|p| p.year).collect())
        .unwrap_or_default();
    let (mut any_capped, mut any_extended) = (false, false);
    let rows = years
        .iter()
        .map(|&year| {
            let mut cells = vec![host_year_cell(d.info.host, year)];
            for (s, points) in &amounts {
                let p = points.iter().find(|p| p.year == year);
                any_capped |= p.is_some_and(|p| p.capped);
                any_extended |= p.is_some_and(|p| p.extended);
                let band = bands.and_then(|(b, _)| b.of(*s)).and_then(|b| b.at(year));
                cells.extend(scenario_year_cells(p, &money, bands.is_some(), band));
            }
            closing(&mut cells, Some(year));
            TableRow {
                year: Some(year),
                cells,
            }
        })
        .collect();
    let mut totals = Vec::new();
    if let (Some(&from), Some(&to)) = (years.first(), years.last()) {
        for (from, to) in total_spans(d, from, to) {
            let mut cells = vec![total_label(d.info.host, from, to)];
            for (s, points) in &amounts {
                let total = Total::of(points, from, to);
                cells.push(number(total.map(|t| t.value), 1));
                cells.push(text(total.map_or("total".into(), |t| t.label())));
                if let Some((b, _)) = bands {
                    let t = b.total(*s, from, to);
                    cells.push(number(t.map(|t| t.low), 1));
                    cells.push(number(t.map(|t| t.high), 1));
                }
            }
            closing(&mut cells, None);
            totals.push(TableRow { year: None, cells });
        }
    }
    PaneTable::new(
        format!(
            "every scenario by year · {unit}, {}",
            basis_words(view, a.base_year)
        ),
        columns,
        rows,
        totals,
        scenarios_notes(projections, any_capped, any_extended),
    )
}

/// The Scenarios table's columns: the year, then each scenario's value, status and
/// band, then the provenance columns every row closes with.
fn scenarios_columns(
    amounts: &[(ScenarioId, Vec<CostPoint>)],
    view: &CostView,
    band: bool,
) -> Vec<TableColumn> {
    let mut columns = vec![column("year", "year", false, 0)];
    for (s, _) in amounts {
        columns.push(column(s.key(), s.key(), true, 0));
        let [_, _, status, low, high] = scenario_columns(*s);
        columns.push(column(status, &format!("{} status", s.key()), false, 9));
        if band {
            let names = (format!("{} low", s.key()), format!("{} high", s.key()));
            columns.extend(band_columns(low, high, (&names.0, &names.1), 8));
        }
    }
    columns.extend([
        column("sources", "sources", false, 9),
        column("unit", "unit", false, 9),
        column("basis", "basis", false, 9),
    ]);
    if view.real {
        columns.push(column("base_year", "base year", false, 9));
    }
    if band {
        columns.push(column("band", "band", false, 9));
    }
    columns
}

/// One scenario's cells in a year's row: the value marked `*` where the cap bound and
/// `†` where the rule is extended, its status, and while the band shows (`banded`)
/// its low and high, empty where the scenario has none that year.
fn scenario_year_cells(
    p: Option<&CostPoint>,
    money: &CostView,
    banded: bool,
    band: Option<&BandPoint>,
) -> Vec<(Cell, String)> {
    let capped = p.is_some_and(|p| p.capped);
    let extended = p.is_some_and(|p| p.extended);
    let marks = format!(
        "{}{}",
        if capped { "*" } else { "" },
        if extended { "†" } else { "" }
    );
    let (cell, shown) = number(p.and_then(|p| p.value), 1);
    let mut cells = vec![
        (cell, format!("{shown}{marks}")),
        text(p.map(|p| p.tags(money).join(" · ")).unwrap_or_default()),
    ];
    if banded {
        cells.push(number(band.and_then(|b| b.low), 1));
        cells.push(number(band.and_then(|b| b.high), 1));
    }
    cells
}

/// The Scenarios table's notes: the totals rows, and the cap and extension marks
/// where a year bears them.
fn scenarios_notes(projections: &[Projection], capped: bool, extended: bool) -> Vec<String> {
    let mut notes = vec!["last rows: totals over the years they name".to_string()];
    if capped {
        notes.push("* the agreement's cap bound this year".into());
    }
    if extended {
        let rules: Vec<String> = projections
            .iter()
            .filter(|p| p.years.iter().any(|y| y.extended))
            .filter_map(|p| p.rule_origin.map(|o| o.extended_label()))
            .collect();
        notes.push(format!("† {}", rules.join("; ")));
    }
    notes
}

/// The assumptions stamp of a file made from the Costs or Assumptions table of
/// `host`'s figures.
pub fn stamp(a: &Assumptions, host: Host, view: &CostView) -> String {
    assumptions_text(a, host, view.real, "; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &str) -> Vec<String> {
        list.split(' ').map(String::from).collect()
    }

    #[test]
    fn a_long_list_of_sources_is_counted_on_screen_and_whole_in_files() {
        let short = ids("R01 R04 R02 R30 R79 R72");
        assert_eq!(
            sources_cell(&short),
            (
                Cell::Text("R01; R04; R02; R30; R79; R72".into()),
                "R01 R04 R02 R30 R79 R72".into()
            )
        );
        let long = ids("R05 R56 R57 R58 R59 R60 NEWS1-2024-11-28 R74");
        let (cell, shown) = sources_cell(&long);
        assert_eq!(cell, Cell::Text(long.join("; ")));
        assert_eq!(shown, "R05 R56 R57 R58 R59 +3");
        assert!(shown.chars().count() <= SOURCES_COLS);
        assert_eq!(sources_cell(&[]).1, "");
    }
}
