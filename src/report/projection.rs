//! Every scenario by year with totals, for `sma-dash project` and `export projections`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{AssumptionValue, assumption_values};
use crate::numbers::thousands;

use crate::data::Dataset;
use crate::econ::{Assumptions, Economy, PriceIndex, ScenarioId, krw_100m_to_usd_m, project_all};

/// One year of one scenario, in the units shown.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub year: i32,
    pub scenario: &'static str,
    /// Billions of won: nominal, or of the base year when real.
    pub krw_bn: f64,
    /// Millions of dollars, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m: Option<f64>,
    pub capped: bool,
    pub projected: bool,
}

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
    /// `None` for nominal amounts, else the base year of constant money.
    pub real_base_year: Option<i32>,
    pub rows: Vec<ReportRow>,
    pub totals: Vec<ReportTotal>,
}

/// The spans the totals cover: the current agreement's years, and start to horizon.
fn total_spans(d: &Dataset, a: &Assumptions, start: i32) -> Vec<(i32, i32)> {
    let mut spans = Vec::new();
    if let Some(current) = d.agreement_for_year(start) {
        spans.push((current.first_year, current.last_year.min(a.horizon)));
    }
    spans.push((start, a.horizon));
    spans.dedup();
    spans
}

impl ProjectionReport {
    pub fn new(d: &Dataset, a: &Assumptions, real: bool, usd: bool) -> Self {
        let e = Economy::new(d, a);
        let projections = project_all(&e);
        let korean = PriceIndex::korean(&e, a.horizon);
        let us = PriceIndex::us(&e, a.horizon);
        let base = a.base_year;
        // Amounts in the shown units: bn won and $m, nominal or real.
        let shown = |year: i32, krw_100m: f64| -> (f64, Option<f64>) {
            let krw_bn = krw_100m / 10.0;
            let usd_m = usd
                .then(|| e.krw_per_usd(year))
                .flatten()
                .map(|(fx, _)| krw_100m_to_usd_m(krw_100m, fx));
            if real {
                (
                    korean.to_real(krw_bn, year, base).unwrap_or(f64::NAN),
                    usd_m.and_then(|u| us.to_real(u, year, base)),
                )
            } else {
                (krw_bn, usd_m)
            }
        };
        let mut rows = Vec::new();
        let mut totals = Vec::new();
        for p in &projections {
            let key = p.scenario.key();
            for y in &p.years {
                let (krw_bn, usd_m) = shown(y.year, y.krw_100m);
                rows.push(ReportRow {
                    year: y.year,
                    scenario: key,
                    krw_bn,
                    usd_m,
                    capped: y.capped,
                    projected: y.projected,
                });
            }
            let start = p.years.first().map_or(a.horizon, |y| y.year);
            for (from, to) in total_spans(d, a, start) {
                let in_span = rows
                    .iter()
                    .filter(|r| r.scenario == key && (from..=to).contains(&r.year));
                let (krw_bn, usd_m) = in_span.fold((0.0, usd.then_some(0.0)), |(k, u), r| {
                    (k + r.krw_bn, u.zip(r.usd_m).map(|(u, v)| u + v))
                });
                totals.push(ReportTotal {
                    scenario: key,
                    from,
                    to,
                    krw_bn,
                    usd_m,
                });
            }
        }
        Self {
            dataset_version: d.info.version.clone(),
            assumptions: assumption_values(a),
            real_base_year: real.then_some(base),
            rows,
            totals,
        }
    }

    fn unit(&self) -> String {
        match self.real_base_year {
            Some(base) => format!("bn won of {base}"),
            None => "bn won, nominal".into(),
        }
    }

    /// CSV with a header row: `year,scenario,krw_bn[,usd_m],capped,projected`.
    pub fn to_csv(&self) -> String {
        let usd = self.rows.iter().any(|r| r.usd_m.is_some());
        let mut out = String::from("year,scenario,krw_bn");
        if usd {
            out.push_str(",usd_m");
        }
        out.push_str(",capped,projected\n");
        for r in &self.rows {
            let _ = write!(out, "{},{},{:.1}", r.year, r.scenario, r.krw_bn);
            if usd {
                let _ = write!(
                    out,
                    ",{}",
                    r.usd_m.map(|u| format!("{u:.1}")).unwrap_or_default()
                );
            }
            let _ = writeln!(out, ",{},{}", r.capped, r.projected);
        }
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes") + "\n"
    }

    /// A table with one column per scenario; `*` marks a year the cap bound.
    pub fn to_table(&self) -> String {
        let scenarios: Vec<&'static str> = ScenarioId::ALL
            .iter()
            .map(|s| s.key())
            .filter(|k| self.rows.iter().any(|r| r.scenario == *k))
            .collect();
        let mut years: Vec<i32> = self.rows.iter().map(|r| r.year).collect();
        years.sort_unstable();
        years.dedup();
        let usd = self.rows.iter().any(|r| r.usd_m.is_some());
        let mut out = String::new();
        let _ = writeln!(out, "Korea's SMA contribution by scenario, {}", self.unit());
        let _ = writeln!(
            out,
            "assumptions: {}",
            self.assumptions
                .iter()
                .map(|a| format!("{} {}{}", a.name, trim_number(a.value), a.unit))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(out, "dataset {}\n", self.dataset_version);
        // Cells first, then each column as wide as its widest cell.
        let mut grid: Vec<Vec<String>> = vec![
            std::iter::once("year".to_string())
                .chain(scenarios.iter().map(|s| s.to_string()))
                .collect(),
        ];
        for year in years {
            let mut recorded = false;
            let mut line = vec![year.to_string()];
            for s in &scenarios {
                let cell = self
                    .rows
                    .iter()
                    .find(|r| r.year == year && r.scenario == *s)
                    .map(|r| {
                        recorded |= !r.projected;
                        let mark = if r.capped { "*" } else { " " };
                        let amount = thousands(r.krw_bn, 1);
                        match (usd, r.usd_m) {
                            (true, Some(u)) => {
                                format!("{amount} (${}){mark}", thousands(u, 0))
                            }
                            _ => format!("{amount}{mark}"),
                        }
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
                // Header cells line up with the amounts, not with the cap mark.
                let cell = if cell.ends_with([' ', '*']) {
                    cell.clone()
                } else {
                    format!("{cell} ")
                };
                let _ = write!(text, "  {cell:>w$}", w = widths[c] + 1);
            }
            if let Some(note) = line.get(scenarios.len() + 1).filter(|n| !n.is_empty()) {
                let _ = write!(text, "  {note}");
            }
            let _ = writeln!(out, "{}", text.trim_end());
        }
        out.push('\n');
        for t in &self.totals {
            let usd = t
                .usd_m
                .map(|u| format!(" (${} m)", thousands(u, 0)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "total {}–{} {:<12} {:>12}{usd}",
                t.from,
                t.to,
                t.scenario,
                thousands(t.krw_bn, 1)
            );
        }
        out.push_str("* the agreement's cap bound this year\n");
        out
    }
}

fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
