//! Every scenario by year with totals, for `sma-dash project` and `export projections`:
//! one report, written as a table, CSV or JSON, so the three always agree.

use std::fmt::Write as _;

use serde::Serialize;

use super::export::{Cell, Table, with_provenance};
use super::{AssumptionValue, assumption_values, assumptions_text};
use crate::numbers::thousands;

use crate::data::Dataset;
use crate::econ::{
    Assumptions, CostPoint, Currency, CurrencyOrigin, Economy, Indices, Projection, ScenarioId,
    Total, project_all, scenario_amounts, span_label,
};

/// One year of one scenario, in the units shown.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub year: i32,
    pub scenario: &'static str,
    /// `recorded` for the year the projections start from, else `projected`.
    pub status: &'static str,
    /// Billions of won: nominal, or of the base year when real.
    pub krw_bn: Option<f64>,
    /// `published`, `computed` (by the scenario's rule) or `converted`.
    pub krw_origin: &'static str,
    /// Millions of dollars, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_origin: Option<&'static str>,
    /// The won per dollar of a conversion in this row, and whether it is recorded or
    /// assumed.
    pub krw_per_usd: Option<f64>,
    pub rate: Option<&'static str>,
    pub capped: bool,
    /// Projected with an agreement's rule past the agreement's end.
    pub rule_extended: bool,
    /// What set the amount: "+2.1 % (2025 CPI, recorded), cap 5 %".
    pub driver: Option<String>,
}

/// A scenario's sum over the years it actually holds in a span.
#[derive(Debug, Clone, Serialize)]
pub struct ReportTotal {
    pub scenario: &'static str,
    pub from: i32,
    pub to: i32,
    pub krw_bn: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m: Option<f64>,
}

/// Every scenario by year, with totals, in the units asked for.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectionReport {
    pub dataset_version: String,
    pub assumptions: Vec<AssumptionValue>,
    /// `nominal`, or `real` in money of `base_year`.
    pub basis: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    pub rows: Vec<ReportRow>,
    pub totals: Vec<ReportTotal>,
    /// The agreement rules extended past their end, as the † footnote says:
    /// "12th SMA rule extended past 2030".
    pub extended_rules: Vec<String>,
    /// The assumptions in one line, for the table's header and the files' column.
    #[serde(skip)]
    assumptions_line: String,
}

/// The spans the totals cover: the current agreement's years, and start to horizon.
fn total_spans(d: &Dataset, a: &Assumptions, start: i32) -> Vec<(i32, i32)> {
    let mut spans = Vec::new();
    if let Some(current) = d.agreement_for_year(start) {
        spans.push((current.first_year, current.last_year));
    }
    spans.push((start, a.horizon));
    spans.dedup();
    spans
}

/// The won per dollar of whichever conversion a row holds.
fn conversion(points: [Option<&CostPoint>; 2]) -> Option<(f64, &'static str)> {
    points.into_iter().flatten().find_map(|p| match p.origin {
        CurrencyOrigin::Converted { krw_per_usd, rate } => Some((krw_per_usd, rate.label())),
        _ => None,
    })
}

impl ProjectionReport {
    pub fn new(d: &Dataset, a: &Assumptions, real: bool, usd: bool) -> Self {
        let e = Economy::new(d, a);
        let projections = project_all(&e);
        let indices = Indices::new(&e, a.horizon);
        let mut rows = Vec::new();
        let mut totals = Vec::new();
        let mut extended_rules = Vec::new();
        for p in &projections {
            let krw = scenario_amounts(&e, p, Currency::Krw, real, &indices);
            let dollars = usd.then(|| scenario_amounts(&e, p, Currency::Usd, real, &indices));
            rows.extend(report_rows(p, &krw, dollars.as_deref()));
            let start = p.years.first().map_or(a.horizon, |y| y.year);
            for (from, to) in total_spans(d, a, start) {
                let Some(won) = Total::of(&krw, from, to) else {
                    continue;
                };
                totals.push(ReportTotal {
                    scenario: p.scenario.key(),
                    from: won.from,
                    to: won.to,
                    krw_bn: won.value,
                    usd_m: dollars
                        .as_deref()
                        .and_then(|u| Total::of(u, won.from, won.to))
                        .map(|t| t.value),
                });
            }
            if let Some(origin) = p.rule_origin.filter(|_| p.years.iter().any(|y| y.extended)) {
                let label = origin.extended_label();
                if !extended_rules.contains(&label) {
                    extended_rules.push(label);
                }
            }
        }
        totals.dedup_by(|b, a| a.scenario == b.scenario && a.from == b.from && a.to == b.to);
        Self {
            dataset_version: d.info.version.clone(),
            assumptions: assumption_values(a, real),
            basis: if real { "real" } else { "nominal" },
            base_year: real.then_some(a.base_year),
            rows,
            totals,
            extended_rules,
            assumptions_line: assumptions_text(a, real, "; "),
        }
    }

    fn usd(&self) -> bool {
        self.rows.iter().any(|r| r.usd_origin.is_some())
    }

    /// "bn won, nominal", "bn won of 2025".
    fn units(&self) -> String {
        let money = |unit: &str| match self.base_year {
            Some(base) => format!("{unit} of {base}"),
            None => format!("{unit}, nominal"),
        };
        if self.usd() {
            format!(
                "{}; in brackets {}, at each year's won per dollar",
                money("bn won"),
                money("$ m")
            )
        } else {
            money("bn won")
        }
    }

    /// The rows as a table of cells, closed by the dataset version and assumptions:
    /// what `export projections` and `project --format csv` write.
    pub fn to_cells(&self) -> Table {
        let usd = self.usd();
        let mut columns = vec!["year", "scenario", "status", "basis"];
        if self.base_year.is_some() {
            columns.push("base_year");
        }
        columns.extend(["krw_bn", "krw_origin"]);
        if usd {
            columns.extend(["usd_m", "usd_origin"]);
        }
        columns.extend(["krw_per_usd", "rate", "capped", "rule_extended", "driver"]);
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::Int(r.year.into()),
                    Cell::text(r.scenario),
                    Cell::text(r.status),
                    Cell::text(self.basis),
                ];
                if let Some(base) = self.base_year {
                    row.push(Cell::Int(base.into()));
                }
                row.extend([Cell::opt_num(r.krw_bn, 1), Cell::text(r.krw_origin)]);
                if usd {
                    row.extend([Cell::opt_num(r.usd_m, 1), Cell::opt_text(r.usd_origin)]);
                }
                row.extend([
                    Cell::opt_num(r.krw_per_usd, 2),
                    Cell::opt_text(r.rate),
                    Cell::Bool(r.capped),
                    Cell::Bool(r.rule_extended),
                    Cell::opt_text(r.driver.as_ref()),
                ]);
                row
            })
            .collect();
        let mut table = Table { columns, rows };
        with_provenance(
            &mut table,
            &self.dataset_version,
            Some(self.assumptions_line.clone()),
        );
        table
    }

    /// CSV with a header row: the columns of `to_cells`.
    pub fn to_csv(&self) -> String {
        self.to_cells().to_csv()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes") + "\n"
    }

    /// A table with one column per scenario; `*` marks a year the cap bound, `†` a year
    /// projected with an agreement's rule past its end.
    pub fn to_table(&self) -> String {
        let scenarios: Vec<&'static str> = ScenarioId::ALL
            .iter()
            .map(|s| s.key())
            .filter(|k| self.rows.iter().any(|r| r.scenario == *k))
            .collect();
        let mut years: Vec<i32> = self.rows.iter().map(|r| r.year).collect();
        years.sort_unstable();
        years.dedup();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Korea's SMA contribution by scenario, {}",
            self.units()
        );
        let _ = writeln!(out, "assumptions: {}", self.assumptions_line);
        let _ = writeln!(out, "dataset {}\n", self.dataset_version);
        let amount = |krw: Option<f64>, usd: Option<f64>| {
            let krw = krw.map_or("–".to_string(), |k| thousands(k, 1));
            match usd {
                Some(u) => format!("{krw} (${})", thousands(u, 0)),
                None => krw,
            }
        };
        // Cells first, then each column as wide as its widest cell.
        // Header cells end in two blanks, as the amounts end in their two marks.
        let mut grid: Vec<Vec<String>> = vec![
            std::iter::once("year".to_string())
                .chain(scenarios.iter().map(|s| format!("{s}  ")))
                .collect(),
        ];
        let (mut any_capped, mut any_extended) = (false, false);
        for year in years {
            let mut recorded = false;
            let mut line = vec![year.to_string()];
            for s in &scenarios {
                let cell = self
                    .rows
                    .iter()
                    .find(|r| r.year == year && r.scenario == *s)
                    .map(|r| {
                        recorded |= r.status == "recorded";
                        any_capped |= r.capped;
                        any_extended |= r.rule_extended;
                        let marks = match (r.capped, r.rule_extended) {
                            (true, true) => "*†",
                            (true, false) => "* ",
                            (false, true) => " †",
                            (false, false) => "  ",
                        };
                        format!("{}{marks}", amount(r.krw_bn, r.usd_m))
                    })
                    .unwrap_or_default();
                line.push(cell);
            }
            line.push(if recorded {
                "recorded".into()
            } else {
                String::new()
            });
            grid.push(line);
        }
        let widths: Vec<usize> = (0..=scenarios.len())
            .map(|c| grid.iter().map(|l| l[c].chars().count()).max().unwrap_or(0))
            .collect();
        for line in &grid {
            let mut text = format!("{:<w$}", line[0], w = widths[0]);
            for (c, cell) in line.iter().enumerate().skip(1).take(scenarios.len()) {
                let _ = write!(text, "  {cell:>w$}", w = widths[c]);
            }
            if let Some(note) = line.get(scenarios.len() + 1).filter(|n| !n.is_empty()) {
                let _ = write!(text, "  {note}");
            }
            let _ = writeln!(out, "{}", text.trim_end());
        }
        out.push('\n');
        let label_cols = scenarios.iter().map(|s| s.len()).max().unwrap_or(0);
        for t in &self.totals {
            let _ = writeln!(
                out,
                "total {:<9} {:<w$} {:>20}",
                span_label(t.from, t.to),
                t.scenario,
                amount(Some(t.krw_bn), t.usd_m),
                w = label_cols
            );
        }
        if any_capped {
            out.push_str("* the agreement's cap bound this year\n");
        }
        if any_extended {
            let _ = writeln!(
                out,
                "† projected with an agreement's rule past its end: {}",
                self.extended_rules.join("; ")
            );
        }
        out
    }
}

/// One scenario's rows: its won amounts and, when asked, its dollar amounts.
fn report_rows(p: &Projection, krw: &[CostPoint], usd: Option<&[CostPoint]>) -> Vec<ReportRow> {
    p.years
        .iter()
        .zip(krw)
        .enumerate()
        .map(|(i, (y, k))| {
            let u = usd.and_then(|u| u.get(i));
            let rate = conversion([Some(k), u]);
            ReportRow {
                year: y.year,
                scenario: p.scenario.key(),
                status: if y.projected { "projected" } else { "recorded" },
                krw_bn: k.value,
                krw_origin: k.origin.key(),
                usd_m: u.and_then(|u| u.value),
                usd_origin: u.map(|u| u.origin.key()),
                krw_per_usd: rate.map(|r| r.0),
                rate: rate.map(|r| r.1),
                capped: y.capped,
                rule_extended: y.extended,
                driver: y.driver.map(|d| d.describe()),
            }
        })
        .collect()
}
