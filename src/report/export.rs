//! `sma-dash export`: each series of the dataset, or the projections, as CSV or JSON.
//!
//! Every row records the dataset's version and the assumptions it used, so a file that
//! travels alone still says where its numbers came from.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::data::host_names::side_columns;
use crate::data::{BudgetBasis, Dataset, Event, FuzzyDate, Host, Hosts, Milestone};
use crate::econ::compare::Comparison;
use crate::econ::{
    Assumptions, BandSpreads, CostPoint, CostView, Currency, Deflator, Economy, Metric, TroopBasis,
    cost_series, dedup_keeping_order,
};

use super::cite::{Support, supported};
use super::{ProjectionReport, assumptions_text};

/// What can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Contributions,
    Troops,
    Events,
    Agreements,
    Economy,
    Projections,
    /// The sources table, with the records citing each source.
    Sources,
    /// Every published estimate of a host's share of US stationing cost, with its
    /// definition (`assets/shares.toml`).
    Shares,
    /// Each host's payment by year in comparable measures, one row per host and year.
    Measures,
}

impl Series {
    pub const ALL: [Series; 9] = [
        Series::Contributions,
        Series::Troops,
        Series::Events,
        Series::Agreements,
        Series::Economy,
        Series::Projections,
        Series::Sources,
        Series::Shares,
        Series::Measures,
    ];

    /// The name on the command line and in file names.
    pub fn key(self) -> &'static str {
        match self {
            Series::Contributions => "contributions",
            Series::Troops => "troops",
            Series::Events => "events",
            Series::Agreements => "agreements",
            Series::Economy => "economy",
            Series::Projections => "projections",
            Series::Sources => "sources",
            Series::Shares => "shares",
            Series::Measures => "measures",
        }
    }

    pub fn from_key(key: &str) -> Option<Series> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A value in one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Int(i64),
    /// A number and the digits to write after the point.
    Num(f64, usize),
    Text(String),
    Bool(bool),
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    pub(crate) fn opt_num(v: Option<f64>, decimals: usize) -> Self {
        v.filter(|v| v.is_finite())
            .map_or(Cell::Empty, |v| Cell::Num(v, decimals))
    }

    pub(crate) fn opt_text(v: Option<impl ToString>) -> Self {
        v.map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
    }

    pub(crate) fn list(items: &[String]) -> Self {
        Cell::Text(items.join("; "))
    }

    fn date(d: Option<FuzzyDate>) -> Self {
        Cell::opt_text(d)
    }

    fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(v, d) => format!("{v:.d$}"),
            Cell::Bool(b) => b.to_string(),
            Cell::Text(s) => csv_text(s),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Empty => Value::Null,
            Cell::Int(i) => Value::from(*i),
            // Round as the CSV does, so both say the same.
            Cell::Num(v, d) => {
                let scale = 10f64.powi(*d as i32);
                Value::from((v * scale).round() / scale)
            }
            Cell::Bool(b) => Value::from(*b),
            Cell::Text(s) => Value::from(s.as_str()),
        }
    }
}

/// A text cell as CSV (RFC 4180): quoted where it holds a comma, a quote or a line
/// break. Text a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) is neutralised as OWASP advises against CSV injection: a
/// `'` before it, and quoted. Only text cells: a number is its own kind of cell, so
/// `-3.5` stays a number.
fn csv_text(s: &str) -> String {
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        quoted(&format!("'{s}"))
    } else if s.contains([',', '"', '\n', '\r']) {
        quoted(s)
    } else {
        s.to_string()
    }
}

/// Rows under named columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// CSV (RFC 4180) with a header row.
    pub fn to_csv(&self) -> String {
        let mut out = self.columns.join(",");
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(Cell::csv).collect();
            let _ = writeln!(out, "{}", cells.join(","));
        }
        out
    }

    /// An array of objects, one per row.
    pub fn to_json(&self) -> String {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                let object: Map<String, Value> = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| (c.to_string(), v.json()))
                    .collect();
                Value::Object(object)
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("a table serializes") + "\n"
    }

    /// The columns named as `host`'s file names them: Japan's say yen and the Japanese
    /// CPI and, in a series of amounts (`fiscal`), that its years are fiscal years.
    /// Korea's are as they are.
    #[must_use]
    pub fn named_for(mut self, host: Host, fiscal: bool) -> Self {
        if host == Host::Japan {
            for column in &mut self.columns {
                if let Some((_, japan)) = JAPAN_COLUMNS
                    .iter()
                    .find(|(korea, _)| korea == column)
                    .filter(|(korea, _)| fiscal || *korea != "year")
                {
                    *column = japan;
                }
            }
        }
        self
    }

    /// Several hosts' tables as one: a `host` column first, then every table's
    /// columns (a column of one host alone, such as `jpy_bn`, empty in the other's
    /// rows), each host's rows in turn.
    pub fn stacked(tables: Vec<(Host, Table)>) -> Table {
        let mut columns: Vec<&'static str> = vec!["host"];
        for (_, t) in &tables {
            let mut at = 1;
            for c in &t.columns {
                // A host's own column goes beside the other host's of the same thing.
                let beside = JAPAN_COLUMNS
                    .iter()
                    .find(|(_, japan)| japan == c)
                    .and_then(|(korea, _)| columns.iter().position(|x| x == korea));
                match (columns.iter().position(|x| x == c), beside) {
                    (Some(i), _) => at = i + 1,
                    (None, Some(i)) => columns.insert(i + 1, c),
                    (None, None) => {
                        columns.insert(at, c);
                        at += 1;
                    }
                }
            }
        }
        let mut rows = Vec::new();
        for (host, t) in tables {
            let slots: Vec<usize> = t
                .columns
                .iter()
                .map(|c| {
                    columns
                        .iter()
                        .position(|x| x == c)
                        .expect("every column kept")
                })
                .collect();
            for row in t.rows {
                let mut cells = vec![Cell::Empty; columns.len()];
                cells[0] = Cell::text(host.key());
                for (slot, cell) in slots.iter().zip(row) {
                    cells[*slot] = cell;
                }
                rows.push(cells);
            }
        }
        Table { columns, rows }
    }
}

/// Korea's column names and Japan's for the same thing.
const JAPAN_COLUMNS: [(&str, &str); 12] = [
    ("year", "fiscal_year"),
    ("krw_bn", "jpy_bn"),
    ("krw_bn_low", "jpy_bn_low"),
    ("krw_bn_high", "jpy_bn_high"),
    ("krw_status", "jpy_status"),
    ("krw_origin", "jpy_origin"),
    ("krw_per_usd", "jpy_per_usd"),
    ("korean_cpi_pct", "japanese_cpi_pct"),
    ("korean_cpi_published_pct", "japanese_cpi_published_pct"),
    (
        "korean_cpi_first_published_pct",
        "japanese_cpi_first_published_pct",
    ),
    ("korean_cpi_index_2020", "japanese_cpi_index_2020"),
    ("defense_budget_krw_tn", "defense_budget_jpy_tn"),
];

/// The keys of a JSON report of amounts named as `host`'s files name them (see
/// [`Table::named_for`]), at every depth.
pub(crate) fn keys_for(host: Host, value: Value) -> Value {
    match (host, value) {
        (Host::Korea, v) => v,
        (_, Value::Object(object)) => Value::Object(
            object
                .into_iter()
                .map(|(k, v)| {
                    let key = JAPAN_COLUMNS
                        .iter()
                        .find(|(korea, _)| *korea == k)
                        .map_or(k, |(_, japan)| (*japan).to_string());
                    (key, keys_for(host, v))
                })
                .collect(),
        ),
        (_, Value::Array(items)) => {
            Value::Array(items.into_iter().map(|v| keys_for(host, v)).collect())
        }
        (_, v) => v,
    }
}

/// How amounts are shown: nominal or in money of the assumptions' base year, whether
/// every year gets a dollar figure, and (projections only) whether each amount gets
/// its band's low and high, at these spreads.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ExportOptions {
    pub real: bool,
    pub usd: bool,
    pub band: Option<BandSpreads>,
}

/// The series as a table, each row closed by the dataset version and, where they
/// shape the numbers, the assumptions.
pub fn export(d: &Dataset, a: &Assumptions, series: Series, opts: ExportOptions) -> Table {
    let mut table = match series {
        Series::Contributions => contributions(d, a, opts),
        Series::Troops => troops(d),
        Series::Events => events(d.events.iter()),
        Series::Agreements => agreements(d),
        Series::Economy => economy(d),
        // This dataset alone: what cites each source in it.
        Series::Sources => sources(d, &Hosts::korea_only(d.clone()), &[d.info.host]),
        Series::Projections => {
            return ProjectionReport::with_band(d, a, opts.real, opts.usd, opts.band.as_ref())
                .to_cells();
        }
        // Of the hosts together: this dataset alone.
        Series::Shares | Series::Measures => {
            return export_hosts(&Hosts::korea_only(d.clone()), a, series, opts);
        }
    };
    let assumptions = (series == Series::Contributions)
        .then(|| assumptions_text(a, d.info.host, opts.real, "; "));
    with_provenance(&mut table, &d.info.version, assumptions);
    table.named_for(d.info.host, series == Series::Contributions)
}

/// `series` of each dataset in turn (Korea's first): one host's table alone, several
/// stacked with a `host` column. What `export SERIES --host all` writes, and `e` on a
/// pane of both hosts.
pub fn export_each_host<'a>(
    datasets: impl IntoIterator<Item = &'a Dataset>,
    a: &Assumptions,
    series: Series,
    opts: ExportOptions,
) -> Table {
    let mut tables: Vec<(Host, Table)> = datasets
        .into_iter()
        .map(|d| (d.info.host, export(d, a, series, opts)))
        .collect();
    match tables.len() {
        1 => tables.pop().expect("one table").1,
        _ => Table::stacked(tables),
    }
}

/// A series of the hosts together (the share estimates, the comparable measures), or
/// any other of Korea's dataset.
pub fn export_hosts(hosts: &Hosts, a: &Assumptions, series: Series, opts: ExportOptions) -> Table {
    let versions = hosts
        .iter()
        .map(|d| format!("{} {}", d.info.host.key(), d.info.version))
        .collect::<Vec<_>>()
        .join("; ");
    match series {
        Series::Shares => super::compare::shares_table(hosts.shares(), &versions),
        Series::Measures => super::compare::measures_table(&Comparison::of(hosts, a), &versions),
        _ => export(&hosts.korea, a, series, opts),
    }
}

/// Closes each row with the dataset version and, when given, the assumptions.
pub(crate) fn with_provenance(table: &mut Table, version: &str, assumptions: Option<String>) {
    let version = Cell::text(version);
    table.columns.push("dataset_version");
    if assumptions.is_some() {
        table.columns.push("assumptions");
    }
    let assumptions = assumptions.map(Cell::Text);
    for row in &mut table.rows {
        row.push(version.clone());
        row.extend(assumptions.clone());
    }
}

/// "nominal" or "real": the basis column of every file with amounts.
fn basis(real: bool) -> &'static str {
    if real { "real" } else { "nominal" }
}

fn contributions(d: &Dataset, a: &Assumptions, opts: ExportOptions) -> Table {
    let e = Economy::new(d, a);
    let view = |currency| CostView {
        metric: Metric::Contribution,
        currency,
        real: opts.real,
        troops: TroopBasis::Counted,
    };
    let krw = cost_series(&e, None, &view(Currency::Local));
    let usd = cost_series(&e, None, &view(Currency::Usd));
    let mut columns = vec!["year", "basis"];
    if opts.real {
        columns.extend(["base_year", "deflator"]);
    }
    // Each series its own index: won by the Korean CPI, dollars by US CPI-U.
    let deflator = [Currency::Local, Currency::Usd]
        .into_iter()
        .filter_map(|c| Deflator::of(d, a, c))
        .map(|f| f.cited())
        .collect::<Vec<_>>()
        .join("; ");
    columns.extend([
        "krw_bn",
        "krw_status",
        "krw_origin",
        "usd_m",
        "usd_status",
        "usd_origin",
        "krw_per_usd",
        "agreed_in",
        "confidence",
        "budget_basis",
        "reported",
        "note",
        "sources",
    ]);
    let krw_view = view(Currency::Local);
    let usd_view = view(Currency::Usd);
    let rows = d
        .contributions
        .iter()
        .zip(krw.iter().zip(&usd))
        .map(|(c, (k, u))| {
            // Both series as the charts draw them: the figure agreed in a currency as
            // published, the other converted at the year's rate, each saying which.
            let rate = k.origin.conversion().or(u.origin.conversion()).map(|r| r.0);
            let status = |p: &CostPoint, view: &CostView| p.value.map(|_| p.status(view).label());
            let mut row = vec![Cell::Int(c.year.into()), Cell::text(basis(opts.real))];
            if opts.real {
                row.extend([Cell::Int(a.base_year.into()), Cell::text(&deflator)]);
            }
            row.extend([
                Cell::opt_num(k.value, 1),
                Cell::opt_text(status(k, &krw_view)),
                Cell::opt_text(k.value.map(|_| k.origin_key())),
                Cell::opt_num(u.value, 1),
                Cell::opt_text(status(u, &usd_view)),
                Cell::opt_text(u.value.map(|_| u.origin_key())),
                Cell::opt_num(rate, 2),
                Cell::opt_text(d.agreement_of(c).map(|a| a.currency.key_for(d.info.host))),
                Cell::text(c.confidence.label()),
                Cell::opt_text(c.basis.map(BudgetBasis::label)),
                Cell::opt_text(Some(c.reported_summary(d.info.host)).filter(|s| !s.is_empty())),
                Cell::opt_text(c.note.as_ref()),
                Cell::list(&c.sources),
            ]);
            row
        })
        .collect();
    Table { columns, rows }
}

fn troops(d: &Dataset) -> Table {
    let rows = d
        .troop_counts
        .iter()
        .map(|t| {
            let headline = d.headline_level(t.year);
            vec![
                Cell::Int(t.year.into()),
                t.troops.map_or(Cell::Empty, |n| Cell::Int(n.into())),
                Cell::opt_text(t.as_of.map(|a| match a {
                    crate::data::CountDate::June30 => "06-30",
                    crate::data::CountDate::September30 => "09-30",
                })),
                headline.map_or(Cell::Empty, |l| Cell::Int(l.low.into())),
                Cell::text(t.confidence.label()),
                Cell::list(&t.sources),
                Cell::opt_text(t.note.as_ref()),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "year",
            "troops",
            "as_of",
            "headline_level",
            "confidence",
            "sources",
            "note",
        ],
        rows,
    }
}

/// The events the timeline shows, in the order shown, as `export events` writes them
/// all: each row closed by the dataset version.
pub fn shown_events<'a>(d: &Dataset, shown: impl Iterator<Item = &'a Event>) -> Table {
    let mut table = events(shown);
    with_provenance(&mut table, &d.info.version, None);
    table
}

fn events<'a>(shown: impl Iterator<Item = &'a Event>) -> Table {
    let rows = shown
        .map(|e| {
            vec![
                Cell::text(e.id.clone()),
                Cell::text(e.date.to_string()),
                Cell::date(e.end),
                Cell::text(e.kind.label()),
                Cell::opt_text(e.agreement.as_ref()),
                e.round.map_or(Cell::Empty, |r| Cell::Int(r.into())),
                Cell::text(e.headline.clone()),
                Cell::opt_text(e.place.as_ref()),
                Cell::list(&e.people),
                Cell::list(&e.people_inferred),
                Cell::opt_text(e.demand.as_ref().map(|d| &d.by)),
                Cell::opt_text(e.demand.as_ref().map(|d| &d.amount)),
                Cell::opt_text(e.demand.as_ref().map(|d| &d.period)),
                Cell::opt_text(e.demand.as_ref().map(|d| &d.answer)),
                Cell::text(e.confidence.label()),
                Cell::list(&e.sources),
                Cell::opt_text(e.text.as_ref()),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "id",
            "date",
            "end",
            "kind",
            "agreement",
            "round",
            "headline",
            "place",
            "people",
            "people_inferred",
            "demand_by",
            "demand_amount",
            "demand_period",
            "demand_answer",
            "confidence",
            "sources",
            "text",
        ],
        rows,
    }
}

fn agreements(d: &Dataset) -> Table {
    let rows = d
        .agreements
        .iter()
        .map(|a| {
            let m = &a.milestones;
            // The milestones whose date is attested otherwise than the agreement.
            let milestone_confidence: Vec<String> = Milestone::ALL
                .into_iter()
                .filter(|&k| m.get(k).is_some())
                .filter_map(|k| {
                    a.milestone_confidence
                        .get(k)
                        .map(|c| format!("{}={}", k.key(), c.label()))
                })
                .collect();
            vec![
                Cell::text(a.id.clone()),
                Cell::Int(a.ordinal.into()),
                Cell::Int(a.first_year.into()),
                Cell::Int(a.last_year.into()),
                Cell::date(m.agreed),
                Cell::date(m.initialed),
                Cell::date(m.signed),
                Cell::date(m.consent),
                Cell::date(m.in_force),
                Cell::list(&milestone_confidence),
                Cell::list(&a.signatories.host),
                Cell::list(&a.signatories.us),
                Cell::list(&a.negotiators.host),
                Cell::list(&a.negotiators.us),
                Cell::list(&a.initialed_by.host),
                Cell::list(&a.initialed_by.us),
                Cell::text(a.first_year_amount.clone()),
                Cell::text(a.rule_text.clone()),
                Cell::text(a.rule_confidence().label()),
                Cell::opt_text(a.rounds_note.as_ref()),
                Cell::text(a.confidence.label()),
                Cell::list(&a.sources),
            ]
        })
        .collect();
    let [signatories, negotiators, initialed_by] = side_columns(d.info.host);
    Table {
        columns: vec![
            "id",
            "ordinal",
            "first_year",
            "last_year",
            "agreed",
            "initialed",
            "signed",
            "consent",
            "in_force",
            "milestone_confidence",
            signatories,
            "signatories_us",
            negotiators,
            "negotiators_us",
            initialed_by,
            "initialed_by_us",
            "first_year_amount",
            "rule",
            "rule_confidence",
            "rounds_note",
            "confidence",
            "sources",
        ],
        rows,
    }
}

fn economy(d: &Dataset) -> Table {
    let first = [
        d.host_cpi.first().map(|c| c.year),
        d.us_cpi.first().map(|c| c.year),
        d.exchange_rates.first().map(|r| r.year),
        d.defense_budgets.first().map(|b| b.year),
    ];
    let last = [
        d.host_cpi.last().map(|c| c.year),
        d.us_cpi.last().map(|c| c.year),
        d.exchange_rates.last().map(|r| r.year),
        d.defense_budgets.last().map(|b| b.year),
    ];
    let (Some(from), Some(to)) = (
        first.into_iter().flatten().min(),
        last.into_iter().flatten().max(),
    ) else {
        return Table {
            columns: Vec::new(),
            rows: Vec::new(),
        };
    };
    let rows = (from..=to)
        .map(|year| {
            let kr = d.host_cpi(year);
            let us = d.us_cpi(year);
            let fx = d.exchange_rate(year);
            let budget = d.defense_budget(year);
            let sources = dedup_keeping_order(
                kr.map(|c| &c.sources)
                    .into_iter()
                    .chain(us.map(|c| &c.sources))
                    .chain(fx.map(|r| &r.sources))
                    .chain(budget.map(|b| &b.sources))
                    .flatten()
                    .cloned()
                    .collect(),
            );
            vec![
                Cell::Int(year.into()),
                Cell::opt_num(kr.and_then(|c| c.precise_pct()), 2),
                Cell::opt_num(kr.and_then(|c| c.published_pct), 1),
                Cell::opt_num(kr.and_then(|c| c.first_published_pct), 1),
                Cell::opt_num(kr.map(|c| c.index), 2),
                Cell::opt_num(us.map(|c| c.index), 3),
                Cell::opt_num(us.map(|c| c.rate_pct), 2),
                Cell::opt_num(fx.map(|r| r.per_usd), 2),
                Cell::opt_num(budget.map(|b| b.local_tn), 4),
                Cell::opt_num(budget.and_then(|b| b.growth_pct), 1),
                Cell::list(&sources),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "year",
            "korean_cpi_pct",
            "korean_cpi_published_pct",
            "korean_cpi_first_published_pct",
            "korean_cpi_index_2020",
            "us_cpi_index_1982_84",
            "us_cpi_pct",
            "krw_per_usd",
            "defense_budget_krw_tn",
            "defense_growth_pct",
            "sources",
        ],
        rows,
    }
}

/// The sources of each host of `shown` (Korea's first), with what each supports among
/// the records of every host shown and the share estimates, as the sources list (`S`)
/// finds them: one host's table alone, several stacked with a `host` column. What
/// `export sources --host kr|jp|all` writes.
pub fn sources_of_hosts(hosts: &Hosts, shown: &[Host]) -> Table {
    let mut tables: Vec<(Host, Table)> = Host::ALL
        .into_iter()
        .filter(|h| shown.contains(h))
        .filter_map(|h| {
            let d = hosts.get(h)?;
            let mut table = sources(d, hosts, shown);
            with_provenance(&mut table, &d.info.version, None);
            Some((h, table))
        })
        .collect();
    match tables.len() {
        1 => tables.pop().expect("one table").1,
        _ => Table::stacked(tables),
    }
}

/// What a source supports, as a file names it: a record of its own dataset as
/// `cited_by` does (`contribution:2019`), another host's with that host's key first
/// (`jp:contribution:2014`), a share estimate as `share:dod-2004-jp`.
fn support_key(s: &Support) -> String {
    match s {
        Support::Shown(c) => c.to_string(),
        Support::Of(host, c) => format!("{}:{c}", host.key()),
        Support::Share(e) => format!("share:{}", e.id),
    }
}

/// Every source of `d` with what cites it: `cited_by` lists the records of `d`
/// (`agreement:sma-12; event:sma-12-signed; contribution:2026; troops:2024;
/// korean-cpi:2025`), `citations` counts them; `supports` lists what
/// [`supported`] finds with the hosts `shown` (the same source in another host's table
/// too, and the share estimates), `supports_count` counts them.
fn sources(d: &Dataset, hosts: &Hosts, shown: &[Host]) -> Table {
    let rows = d
        .sources
        .iter()
        .map(|s| {
            let by: Vec<String> = d.cited_by(&s.id).iter().map(ToString::to_string).collect();
            let supports: Vec<String> = supported(d, hosts, shown, &s.id)
                .iter()
                .map(support_key)
                .collect();
            vec![
                Cell::text(s.id.clone()),
                Cell::text(s.title.clone()),
                Cell::text(s.publisher.clone()),
                Cell::date(s.date),
                Cell::opt_text(s.url.as_ref()),
                Cell::opt_text(s.no_url.as_ref()),
                Cell::list(&by),
                Cell::Int(by.len() as i64),
                Cell::list(&supports),
                Cell::Int(supports.len() as i64),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "id",
            "title",
            "publisher",
            "date",
            "url",
            "no_url",
            "cited_by",
            "citations",
            "supports",
            "supports_count",
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_sources_lists_what_the_sources_list_finds_for_each_host_shown() {
        let hosts = Hosts::embedded().expect("both embedded hosts load");
        for shown in [&[Host::Korea][..], &[Host::Japan], &Host::ALL] {
            let table = sources_of_hosts(&hosts, shown);
            let at = |name: &str| table.columns.iter().position(|c| *c == name).unwrap();
            let (id, supports, count) = (at("id"), at("supports"), at("supports_count"));
            let mut rows = table.rows.iter();
            for host in Host::ALL.into_iter().filter(|h| shown.contains(h)) {
                let d = hosts.get(host).unwrap();
                for s in &d.sources {
                    let row = rows.next().expect("a row for every source of each host");
                    assert_eq!(row[id], Cell::text(s.id.clone()));
                    let found = supported(d, &hosts, shown, &s.id);
                    let keys: Vec<String> = found.iter().map(support_key).collect();
                    assert_eq!(row[supports], Cell::list(&keys), "{}", s.id);
                    assert_eq!(row[count], Cell::Int(found.len() as i64), "{}", s.id);
                }
            }
            assert!(rows.next().is_none());
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let t = Table {
            columns: vec!["a", "b"],
            rows: vec![vec![Cell::text("x, y"), Cell::text("say \"hi\"")]],
        };
        assert_eq!(t.to_csv(), "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn csv_neutralises_text_a_spreadsheet_would_run_and_leaves_numbers_alone() {
        let formulas = [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1+2",
            "-2+3",
            "@SUM(A1:A9)",
            "\tx",
            "\rx",
        ];
        let t = Table {
            columns: vec!["cell"],
            rows: formulas
                .iter()
                .map(|f| vec![Cell::text(*f)])
                .chain([
                    vec![Cell::Num(-3.5, 1)],
                    vec![Cell::Int(-3)],
                    vec![Cell::text("a = b, -c")],
                    vec![Cell::text("plain")],
                ])
                .collect(),
        };
        assert_eq!(
            t.to_csv(),
            "cell\n\
             \"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"\n\
             \"'+1+2\"\n\
             \"'-2+3\"\n\
             \"'@SUM(A1:A9)\"\n\
             \"'\tx\"\n\
             \"'\rx\"\n\
             -3.5\n\
             -3\n\
             \"a = b, -c\"\n\
             plain\n"
        );
        // Read back as CSV, each formula is its text with the `'` before it.
        let csv = t.to_csv();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let cells: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect();
        for (cell, formula) in cells.iter().zip(formulas) {
            assert_eq!(cell, &format!("'{formula}"));
        }
        // JSON has no formulas: its text is as written.
        assert!(t.to_json().contains("\"@SUM(A1:A9)\""));
    }

    #[test]
    fn json_is_an_array_of_objects_rounded_as_the_csv() {
        let t = Table {
            columns: vec!["n", "missing"],
            rows: vec![vec![Cell::Num(1.23456, 1), Cell::Empty]],
        };
        let v: Value = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(v, serde_json::json!([{ "n": 1.2, "missing": null }]));
    }
}

#[cfg(test)]
mod band_tests {
    use super::*;

    #[test]
    fn export_projections_with_the_band_is_the_report_s_cells() {
        let d = Dataset::embedded().expect("valid");
        let a = Assumptions::from_history(&d);
        let spreads = BandSpreads::default();
        let options = ExportOptions {
            real: true,
            usd: true,
            band: Some(spreads),
        };
        assert_eq!(
            export(&d, &a, Series::Projections, options),
            ProjectionReport::with_band(&d, &a, true, true, Some(&spreads)).to_cells()
        );
    }
}
