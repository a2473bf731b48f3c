//! `sma-dash export`: each series of the dataset, or the projections, as CSV or JSON.
//!
//! Every row records the dataset's version and the assumptions it used, so a file that
//! travels alone still says where its numbers came from.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::data::{Dataset, FuzzyDate, Milestone};
use crate::econ::{
    Assumptions, CostPoint, CostView, Currency, Economy, Metric, ScenarioId, TroopBasis,
    cost_series, spec,
};

use super::{ProjectionReport, assumption_values};

/// What can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Contributions,
    Troops,
    Events,
    Agreements,
    Economy,
    Projections,
}

impl Series {
    pub const ALL: [Series; 6] = [
        Series::Contributions,
        Series::Troops,
        Series::Events,
        Series::Agreements,
        Series::Economy,
        Series::Projections,
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
    fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    fn opt_num(v: Option<f64>, decimals: usize) -> Self {
        v.filter(|v| v.is_finite())
            .map_or(Cell::Empty, |v| Cell::Num(v, decimals))
    }

    fn opt_text(v: Option<impl ToString>) -> Self {
        v.map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
    }

    fn list(items: &[String]) -> Self {
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
            Cell::Text(s) if s.contains([',', '"', '\n', '\r']) => {
                format!("\"{}\"", s.replace('"', "\"\""))
            }
            Cell::Text(s) => s.clone(),
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
}

/// How amounts are shown: nominal or in money of the assumptions' base year, and
/// whether every year gets a dollar figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    pub real: bool,
    pub usd: bool,
}

/// `korean_cpi=2.1; us_cpi=2.63; …`: the assumptions in one cell.
fn assumptions_cell(a: &Assumptions) -> Cell {
    let mut parts: Vec<String> = assumption_values(a)
        .iter()
        .map(|v| format!("{}={}", v.name, v.value))
        .collect();
    // Years set apart from a flat rate belong to the record too.
    for (id, path) in a.rate_paths() {
        for (year, v) in &path.by_year {
            parts.push(format!("{}[{year}]={v}", spec(id).key));
        }
    }
    Cell::Text(parts.join("; "))
}

/// The series as a table, each row closed by the dataset version and the assumptions.
pub fn export(d: &Dataset, a: &Assumptions, series: Series, opts: ExportOptions) -> Table {
    let mut table = match series {
        Series::Contributions => contributions(d, a, opts),
        Series::Troops => troops(d),
        Series::Events => events(d),
        Series::Agreements => agreements(d),
        Series::Economy => economy(d),
        Series::Projections => projections(d, a, opts),
    };
    with_provenance(&mut table, d, a);
    table
}

/// Closes each row with the dataset version and the assumptions.
fn with_provenance(table: &mut Table, d: &Dataset, a: &Assumptions) {
    let version = Cell::text(d.info.version.clone());
    let assumptions = assumptions_cell(a);
    table.columns.extend(["dataset_version", "assumptions"]);
    for row in &mut table.rows {
        row.extend([version.clone(), assumptions.clone()]);
    }
}

/// The Costs pane's series exactly as shown: `points` as the app computed them for
/// `view` (metric, currency, nominal or real, with or without `scenario` projected),
/// one row a year, each value with its unit, closed by the dataset and assumptions.
pub fn cost_table(
    d: &Dataset,
    a: &Assumptions,
    points: &[CostPoint],
    view: &CostView,
    scenario: Option<ScenarioId>,
) -> Table {
    let unit = view.unit(a.base_year);
    let rows = points
        .iter()
        .map(|p| {
            vec![
                Cell::Int(p.year.into()),
                Cell::opt_num(p.value, 1),
                Cell::text(unit.clone()),
                Cell::text(view.metric_label()),
                Cell::text(if p.projected { "projected" } else { "recorded" }),
                Cell::opt_text(scenario.filter(|_| p.projected).map(|s| s.key())),
                Cell::Bool(p.capped),
                Cell::Bool(p.converted),
                Cell::opt_text(p.confidence.map(|c| c.label())),
            ]
        })
        .collect();
    let mut table = Table {
        columns: vec![
            "year",
            "value",
            "unit",
            "metric",
            "kind",
            "scenario",
            "capped",
            "converted",
            "confidence",
        ],
        rows,
    };
    with_provenance(&mut table, d, a);
    table
}

fn contributions(d: &Dataset, a: &Assumptions, opts: ExportOptions) -> Table {
    let e = Economy::new(d, a);
    let view = |currency| CostView {
        metric: Metric::Contribution,
        currency,
        real: opts.real,
        troops: TroopBasis::Counted,
    };
    let krw = cost_series(&e, None, &view(Currency::Krw));
    // Dollars as the sources give them, unless every year is asked for or real terms.
    let usd = (opts.usd || opts.real).then(|| cost_series(&e, None, &view(Currency::Usd)));
    let rows = d
        .contributions
        .iter()
        .zip(&krw)
        .enumerate()
        .map(|(i, (c, k))| {
            let usd_m = match &usd {
                Some(series) => series[i].value,
                None => c.usd_m,
            };
            // A won figure computed from dollars is not a published one.
            let krw_bn = if k.converted { None } else { k.value };
            vec![
                Cell::Int(c.year.into()),
                Cell::opt_num(krw_bn, 1),
                Cell::opt_num(usd_m, 1),
                Cell::text(c.confidence.label()),
                Cell::list(&c.sources),
            ]
        })
        .collect();
    Table {
        columns: vec!["year", "krw_bn", "usd_m", "confidence", "sources"],
        rows,
    }
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

fn events(d: &Dataset) -> Table {
    let rows = d
        .events
        .iter()
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
                Cell::list(&a.signatories.rok),
                Cell::list(&a.signatories.us),
                Cell::list(&a.negotiators.rok),
                Cell::list(&a.negotiators.us),
                Cell::text(a.first_year_amount.clone()),
                Cell::text(a.rule_text.clone()),
                Cell::text(a.rule_confidence().label()),
                Cell::text(a.confidence.label()),
                Cell::list(&a.sources),
            ]
        })
        .collect();
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
            "signatories_rok",
            "signatories_us",
            "negotiators_rok",
            "negotiators_us",
            "first_year_amount",
            "rule",
            "rule_confidence",
            "confidence",
            "sources",
        ],
        rows,
    }
}

fn economy(d: &Dataset) -> Table {
    let first = [
        d.korean_cpi.first().map(|c| c.year),
        d.us_cpi.first().map(|c| c.year),
        d.exchange_rates.first().map(|r| r.year),
        d.defense_budgets.first().map(|b| b.year),
    ];
    let last = [
        d.korean_cpi.last().map(|c| c.year),
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
            let kr = d.korean_cpi(year);
            let us = d.us_cpi(year);
            let fx = d.exchange_rate(year);
            let budget = d.defense_budget(year);
            let mut sources: Vec<String> = Vec::new();
            for s in kr
                .map(|c| &c.sources)
                .into_iter()
                .chain(us.map(|c| &c.sources))
                .chain(fx.map(|r| &r.sources))
                .chain(budget.map(|b| &b.sources))
                .flatten()
            {
                if !sources.contains(s) {
                    sources.push(s.clone());
                }
            }
            vec![
                Cell::Int(year.into()),
                Cell::opt_num(kr.and_then(|c| c.precise_pct()), 2),
                Cell::opt_num(kr.and_then(|c| c.published_pct), 1),
                Cell::opt_num(kr.map(|c| c.index), 2),
                Cell::opt_num(us.map(|c| c.index), 3),
                Cell::opt_num(us.map(|c| c.rate_pct), 2),
                Cell::opt_num(fx.map(|r| r.krw_per_usd), 2),
                Cell::opt_num(budget.map(|b| b.krw_tn), 4),
                Cell::opt_num(budget.map(|b| b.growth_pct), 1),
                Cell::list(&sources),
            ]
        })
        .collect();
    Table {
        columns: vec![
            "year",
            "korean_cpi_pct",
            "korean_cpi_published_pct",
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

fn projections(d: &Dataset, a: &Assumptions, opts: ExportOptions) -> Table {
    let report = ProjectionReport::new(d, a, opts.real, opts.usd);
    let mut columns = vec!["year", "scenario", "krw_bn"];
    if opts.usd {
        columns.push("usd_m");
    }
    columns.extend(["capped", "projected"]);
    let rows = report
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::Int(r.year.into()),
                Cell::text(r.scenario),
                Cell::Num(r.krw_bn, 1),
            ];
            if opts.usd {
                row.push(Cell::opt_num(r.usd_m, 1));
            }
            row.extend([Cell::Bool(r.capped), Cell::Bool(r.projected)]);
            row
        })
        .collect();
    Table { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let t = Table {
            columns: vec!["a", "b"],
            rows: vec![vec![Cell::text("x, y"), Cell::text("say \"hi\"")]],
        };
        assert_eq!(t.to_csv(), "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
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
