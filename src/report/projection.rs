//! Every scenario by year with totals, for `sma-dash project` and `export projections`:
//! one report, written as a table, CSV or JSON, so the three always agree.

use std::fmt::Write as _;

use serde::Serialize;

use super::export::{Cell, Table, with_provenance};
use super::{AssumptionRecord, assumption_values, assumptions_text};
use crate::numbers::thousands;

use crate::data::{Dataset, Host};
use crate::econ::{
    Assumptions, Band, BandPoint, BandSpreads, CostPoint, CostView, Currency, Deflator, Economy,
    Indices, Metric, Projection, ScenarioId, Total, TroopBasis, band, host_span_label, project_all,
    scenario_amounts, spread_spec, total_spans, year_sources,
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
    /// The band's low and high, with `--band`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub krw_bn_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub krw_bn_high: Option<f64>,
    /// `published`, `computed` (by the scenario's rule) or `converted`.
    pub krw_origin: &'static str,
    /// Millions of dollars, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m: Option<f64>,
    /// The band's low and high in dollars, with `--band` and `--usd`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m_high: Option<f64>,
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
    /// The source ids of the figure: the recorded year's own; a projected year's rule's
    /// and its recorded input's (see [`year_sources`]).
    pub sources: Vec<String>,
}

/// A scenario's sum over the years it actually holds in a span.
#[derive(Debug, Clone, Serialize)]
pub struct ReportTotal {
    pub scenario: &'static str,
    pub from: i32,
    pub to: i32,
    /// Which years are recorded and which projected: "2026 recorded + 2027–30 projected".
    pub span: String,
    pub krw_bn: f64,
    /// The sums of the band's per-year lows and highs, with `--band`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub krw_bn_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub krw_bn_high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usd_m_high: Option<f64>,
}

/// One spread of the band, as a report records it.
#[derive(Debug, Clone, Serialize)]
pub struct SpreadValue {
    /// The rate it shifts: `korean_cpi`.
    pub name: &'static str,
    /// How far down and up.
    pub spread: f64,
    /// `pp` (percentage points) or `%` (percent of the rate).
    pub unit: &'static str,
}

/// The spreads of a band, of each rate `host`'s projections read, named as its own
/// (`japanese_cpi`, `jpy_per_usd` for Japan, which reads no defense-budget growth).
pub fn spread_values(spreads: &BandSpreads, host: Host) -> Vec<SpreadValue> {
    let read = crate::econ::AssumptionId::of_host(host);
    BandSpreads::INPUTS
        .iter()
        .map(|id| id.for_host(host))
        .filter(|id| read.contains(id))
        .filter_map(spread_spec)
        .map(|s| SpreadValue {
            name: s.key,
            spread: spreads.get(s.id),
            unit: s.unit,
        })
        .collect()
}

/// Every scenario by year, with totals, in the units asked for.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectionReport {
    /// Whose figures: the names of columns, units and years follow it.
    #[serde(skip)]
    pub host: Host,
    pub dataset_version: String,
    pub assumptions: Vec<AssumptionRecord>,
    /// `nominal`, or `real` in money of `base_year`.
    pub basis: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    /// In real terms: each index deflated by, its base year's level recorded or
    /// assumed, with the sources of that level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deflators: Vec<String>,
    /// With `--band`: the spreads of the low and high paths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<Vec<SpreadValue>>,
    pub rows: Vec<ReportRow>,
    pub totals: Vec<ReportTotal>,
    /// The agreement rules extended past their end, as the † footnote says:
    /// "12th SMA rule extended past 2030".
    pub extended_rules: Vec<String>,
    /// The assumptions in one line, for the table's header and the files' column.
    #[serde(skip)]
    assumptions_line: String,
    /// The spreads in one line, for the files' `band` column.
    #[serde(skip)]
    band_line: Option<String>,
    /// The spreads in words, for the table's header.
    #[serde(skip)]
    band_words: Option<String>,
}

/// The won per dollar of whichever conversion a row holds.
fn conversion(points: [Option<&CostPoint>; 2]) -> Option<(f64, &'static str)> {
    points
        .into_iter()
        .flatten()
        .find_map(|p| p.origin.conversion())
        .map(|(krw_per_usd, rate)| (krw_per_usd, rate.label()))
}

impl ProjectionReport {
    /// The report, and with `band` each amount's low and high (see [`mod@crate::econ::band`])
    /// and the totals' (sums of the per-year lows and highs).
    pub fn with_band(
        d: &Dataset,
        a: &Assumptions,
        real: bool,
        usd: bool,
        spreads: Option<&BandSpreads>,
    ) -> Self {
        let e = Economy::new(d, a);
        let projections = project_all(&e);
        let indices = Indices::new(&e, a.horizon);
        let view = |currency| CostView {
            metric: Metric::Contribution,
            currency,
            real,
            troops: TroopBasis::Counted,
        };
        let mut rows = Vec::new();
        let mut totals = Vec::new();
        let mut extended_rules = Vec::new();
        for p in &projections {
            let krw = scenario_amounts(&e, p, Currency::Local, real, &indices);
            let dollars = usd.then(|| scenario_amounts(&e, p, Currency::Usd, real, &indices));
            let krw_band = spreads.map(|s| band(&e, p, &view(Currency::Local), s));
            let usd_band = spreads
                .filter(|_| usd)
                .map(|s| band(&e, p, &view(Currency::Usd), s));
            rows.extend(report_rows(
                d,
                p,
                real,
                &krw,
                dollars.as_deref(),
                [krw_band.as_ref(), usd_band.as_ref()],
            ));
            let start = p.years.first().map_or(a.horizon, |y| y.year);
            for (from, to) in total_spans(d, start, a.horizon) {
                let Some(won) = Total::of(&krw, from, to) else {
                    continue;
                };
                let span_of = |b: &Option<Band>| b.as_ref().and_then(|b| b.total(won.from, won.to));
                let (krw_span, usd_span) = (span_of(&krw_band), span_of(&usd_band));
                totals.push(ReportTotal {
                    scenario: p.scenario.key(),
                    from: won.from,
                    to: won.to,
                    span: won.label(),
                    krw_bn: won.value,
                    krw_bn_low: krw_span.map(|t| t.low),
                    krw_bn_high: krw_span.map(|t| t.high),
                    usd_m: dollars
                        .as_deref()
                        .and_then(|u| Total::of(u, won.from, won.to))
                        .map(|t| t.value),
                    usd_m_low: usd_span.map(|t| t.low),
                    usd_m_high: usd_span.map(|t| t.high),
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
            host: d.info.host,
            dataset_version: d.info.version.clone(),
            assumptions: assumption_values(a, d.info.host, real),
            basis: if real { "real" } else { "nominal" },
            base_year: real.then_some(a.base_year),
            deflators: deflators(d, a, real, usd),
            band: spreads.map(|s| spread_values(s, d.info.host)),
            rows,
            totals,
            extended_rules,
            assumptions_line: assumptions_text(a, d.info.host, real, "; "),
            band_line: spreads.map(|s| s.stamp_for(d.info.host)),
            band_words: spreads.map(|s| s.describe_for(d.info.host)),
        }
    }

    fn usd(&self) -> bool {
        self.rows.iter().any(|r| r.usd_origin.is_some())
    }

    /// "bn won, nominal", "bn yen of 2025".
    fn units(&self) -> String {
        let money = |unit: &str| match self.base_year {
            Some(base) => format!("{unit} of {base}"),
            None => format!("{unit}, nominal"),
        };
        let local = money(&format!("bn {}", self.host.currency()));
        let rate = format!("at each year's {} per dollar", self.host.currency());
        match (self.usd(), self.band.is_some()) {
            (false, false) => local,
            (true, false) => format!("{local}; in brackets {}, {rate}", money("$ m")),
            (false, true) => format!("{local}; in brackets the band, low–high"),
            (true, true) => format!(
                "{local}; after · {}, {rate}; in brackets the band, low–high",
                money("$ m")
            ),
        }
    }

    /// The rows as a table of cells, closed by the dataset version and assumptions:
    /// what `export projections` and `project --format csv` write.
    pub fn to_cells(&self) -> Table {
        let mut rows: Vec<Vec<Cell>> = self.rows.iter().map(|r| self.row_cells(r)).collect();
        rows.extend(self.totals.iter().map(|t| self.total_cells(t)));
        let mut table = Table {
            columns: self.cell_columns(),
            rows,
        };
        with_provenance(
            &mut table,
            &self.dataset_version,
            Some(self.assumptions_line.clone()),
        );
        if let Some(band) = &self.band_line {
            // The spreads, on every row: a file with band columns says what they are.
            table.columns.push("band");
            let band = Cell::text(band.clone());
            for row in &mut table.rows {
                row.push(band.clone());
            }
        }
        table.named_for(self.host, true)
    }

    /// The columns of `to_cells`, before the provenance: the base year and deflator
    /// for real figures, each amount's band, the dollar columns when any year has one.
    fn cell_columns(&self) -> Vec<&'static str> {
        let (usd, band) = (self.usd(), self.band.is_some());
        let mut columns = vec!["year", "scenario", "status", "basis"];
        if self.base_year.is_some() {
            columns.extend(["base_year", "deflator"]);
        }
        columns.push("krw_bn");
        if band {
            columns.extend(["krw_bn_low", "krw_bn_high"]);
        }
        columns.push("krw_origin");
        if usd {
            columns.push("usd_m");
            if band {
                columns.extend(["usd_m_low", "usd_m_high"]);
            }
            columns.push("usd_origin");
        }
        columns.extend([
            "krw_per_usd",
            "rate",
            "capped",
            "rule_extended",
            "driver",
            "sources",
            "span",
        ]);
        columns
    }

    /// The cells every row opens with: scenario, status, basis, and the base year and
    /// deflators of real figures.
    fn opening_cells(&self, year: Cell, scenario: &str, status: &str) -> Vec<Cell> {
        let mut row = vec![
            year,
            Cell::text(scenario),
            Cell::text(status),
            Cell::text(self.basis),
        ];
        if let Some(base) = self.base_year {
            row.extend([
                Cell::Int(base.into()),
                Cell::text(self.deflators.join("; ")),
            ]);
        }
        row
    }

    /// An amount, then with the band its low and high.
    fn amount_cells(&self, row: &mut Vec<Cell>, (value, low, high): Amounts) {
        row.push(Cell::opt_num(value, 1));
        if self.band.is_some() {
            row.extend([Cell::opt_num(low, 1), Cell::opt_num(high, 1)]);
        }
    }

    /// A year's row of `to_cells`.
    fn row_cells(&self, r: &ReportRow) -> Vec<Cell> {
        let mut row = self.opening_cells(Cell::Int(r.year.into()), r.scenario, r.status);
        self.amount_cells(&mut row, (r.krw_bn, r.krw_bn_low, r.krw_bn_high));
        row.push(Cell::text(r.krw_origin));
        if self.usd() {
            self.amount_cells(&mut row, (r.usd_m, r.usd_m_low, r.usd_m_high));
            row.push(Cell::opt_text(r.usd_origin));
        }
        row.extend([
            Cell::opt_num(r.krw_per_usd, 2),
            Cell::opt_text(r.rate),
            Cell::Bool(r.capped),
            Cell::Bool(r.rule_extended),
            Cell::opt_text(r.driver.as_ref()),
            Cell::text(r.sources.join("; ")),
            Cell::Empty,
        ]);
        row
    }

    /// A total's row of `to_cells`: after the years, `status` "total", no `year`, and
    /// in `span` the years it sums, recorded and projected.
    fn total_cells(&self, t: &ReportTotal) -> Vec<Cell> {
        let mut row = self.opening_cells(Cell::Empty, t.scenario, "total");
        self.amount_cells(&mut row, (Some(t.krw_bn), t.krw_bn_low, t.krw_bn_high));
        row.push(Cell::Empty);
        if self.usd() {
            self.amount_cells(&mut row, (t.usd_m, t.usd_m_low, t.usd_m_high));
            row.push(Cell::Empty);
        }
        row.extend([
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            // Each year's row cites its own sources.
            Cell::text(""),
            Cell::text(t.span.clone()),
        ]);
        row
    }

    /// CSV with a header row: the columns of `to_cells`.
    pub fn to_csv(&self) -> String {
        self.to_cells().to_csv()
    }

    pub fn to_json(&self) -> String {
        let value = serde_json::to_value(self).expect("a report serializes");
        let value = super::export::keys_for(self.host, value);
        serde_json::to_string_pretty(&value).expect("a report serializes") + "\n"
    }

    /// Several hosts' reports as one JSON array, each report with its `host`.
    pub fn to_json_of_hosts(reports: &[ProjectionReport]) -> String {
        let all: Vec<serde_json::Value> = reports
            .iter()
            .map(|r| {
                let mut value = serde_json::to_value(r).expect("a report serializes");
                if let serde_json::Value::Object(object) = &mut value {
                    object.insert("host".into(), r.host.key().into());
                }
                super::export::keys_for(r.host, value)
            })
            .collect();
        serde_json::to_string_pretty(&all).expect("reports serialize") + "\n"
    }

    /// A table with one column per scenario; `*` marks a year the cap bound, `†` a year
    /// projected with an agreement's rule past its end.
    pub fn to_table(&self) -> String {
        let scenarios: Vec<&'static str> = ScenarioId::of_host(self.host)
            .iter()
            .map(|s| s.key())
            .filter(|k| self.rows.iter().any(|r| r.scenario == *k))
            .collect();
        let mut out = self.table_heading();
        let grid = self.year_grid(&scenarios);
        write_grid(&mut out, &grid, scenarios.len());
        out.push('\n');
        self.write_totals(&mut out, &scenarios);
        if self.rows.iter().any(|r| r.capped) {
            out.push_str("* the agreement's cap bound this year\n");
        }
        if self.rows.iter().any(|r| r.rule_extended) {
            let _ = writeln!(
                out,
                "† projected with an agreement's rule past its end: {}",
                self.extended_rules.join("; ")
            );
        }
        out
    }

    /// The lines above the table: what it shows in which unit, the deflators, the
    /// assumptions, the band, the dataset.
    fn table_heading(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} by scenario, {}",
            self.host.series_name(),
            self.units()
        );
        if !self.deflators.is_empty() {
            let _ = writeln!(out, "deflated by: {}", self.deflators.join("; "));
        }
        let _ = writeln!(out, "assumptions: {}", self.assumptions_line);
        if let Some(band) = &self.band_words {
            let _ = writeln!(
                out,
                "band: {band}; low and high, the least and greatest over every corner of these"
            );
        }
        let _ = writeln!(out, "dataset {}\n", self.dataset_version);
        out
    }

    /// An amount in won, its band in brackets, and the dollars beside it.
    fn amount_text(&self, krw: Amounts, usd: Amounts) -> String {
        let won = krw.0.map_or("–".to_string(), |k| thousands(k, 1));
        let won = format!("{won}{}", range(krw, 1, ""));
        match usd.0 {
            Some(u) if self.band.is_some() => {
                format!("{won} · ${}{}", thousands(u, 0), range(usd, 0, "$"))
            }
            Some(u) => format!("{won} (${})", thousands(u, 0)),
            None => won,
        }
    }

    /// The table's cells, a header line then a line a year: the year, each scenario's
    /// amount with its marks, and "recorded" for a recorded year. Header cells end in
    /// two blanks, as the amounts end in their two marks.
    fn year_grid(&self, scenarios: &[&str]) -> Vec<Vec<String>> {
        let mut years: Vec<i32> = self.rows.iter().map(|r| r.year).collect();
        years.sort_unstable();
        years.dedup();
        let mut grid: Vec<Vec<String>> = vec![
            std::iter::once("year".to_string())
                .chain(scenarios.iter().map(|s| format!("{s}  ")))
                .collect(),
        ];
        for year in years {
            let mut recorded = false;
            let mut line = vec![self.host.year_label(year)];
            for s in scenarios {
                let cell = self
                    .rows
                    .iter()
                    .find(|r| r.year == year && r.scenario == *s)
                    .map(|r| {
                        recorded |= r.status != "projected";
                        let marks = match (r.capped, r.rule_extended) {
                            (true, true) => "*†",
                            (true, false) => "* ",
                            (false, true) => " †",
                            (false, false) => "  ",
                        };
                        format!(
                            "{}{marks}",
                            self.amount_text(
                                (r.krw_bn, r.krw_bn_low, r.krw_bn_high),
                                (r.usd_m, r.usd_m_low, r.usd_m_high)
                            )
                        )
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
        grid
    }

    /// The totals under the table, a line each, their amounts aligned.
    fn write_totals(&self, out: &mut String, scenarios: &[&str]) {
        let label_cols = scenarios.iter().map(|s| s.len()).max().unwrap_or(0);
        let sums: Vec<String> = self
            .totals
            .iter()
            .map(|t| {
                self.amount_text(
                    (Some(t.krw_bn), t.krw_bn_low, t.krw_bn_high),
                    (t.usd_m, t.usd_m_low, t.usd_m_high),
                )
            })
            .collect();
        let sum_cols = sums.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        for (t, sum) in self.totals.iter().zip(&sums) {
            let _ = writeln!(
                out,
                "total {:<9} {:<w$} {:>s$}  {}",
                host_span_label(self.host, t.from, t.to),
                t.scenario,
                sum,
                t.span,
                w = label_cols,
                s = sum_cols.max(20)
            );
        }
    }
}

/// The grid, each column as wide as its widest cell: the year left, the amounts right,
/// the note after them.
fn write_grid(out: &mut String, grid: &[Vec<String>], scenarios: usize) {
    let widths: Vec<usize> = (0..=scenarios)
        .map(|c| grid.iter().map(|l| l[c].chars().count()).max().unwrap_or(0))
        .collect();
    for line in grid {
        let mut text = format!("{:<w$}", line[0], w = widths[0]);
        for (c, cell) in line.iter().enumerate().skip(1).take(scenarios) {
            let _ = write!(text, "  {cell:>w$}", w = widths[c]);
        }
        if let Some(note) = line.get(scenarios + 1).filter(|n| !n.is_empty()) {
            let _ = write!(text, "  {note}");
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
}

/// An amount, its band's low and its high.
type Amounts = (Option<f64>, Option<f64>, Option<f64>);

/// " (1,612.3–1,680.1)": the band of an amount, where it has a width at the digits
/// shown; `prefix` before each figure ("$").
fn range((central, low, high): Amounts, decimals: usize, prefix: &str) -> String {
    let (Some(central), Some(low), Some(high)) = (central, low, high) else {
        return String::new();
    };
    let [central, low, high] = [central, low, high].map(|v| thousands(v, decimals));
    if low == central && high == central {
        String::new()
    } else {
        format!(" ({prefix}{low}–{high})")
    }
}

/// In real terms, the indices the amounts are deflated by (won; dollars when asked),
/// each citing its base year's level; none in nominal terms.
fn deflators(d: &Dataset, a: &Assumptions, real: bool, usd: bool) -> Vec<String> {
    let currencies: &[Currency] = match (real, usd) {
        (false, _) => &[],
        (true, false) => &[Currency::Local],
        (true, true) => &[Currency::Local, Currency::Usd],
    };
    currencies
        .iter()
        .filter_map(|&c| Deflator::of(d, a, c))
        .map(|f| f.cited())
        .collect()
}

/// One scenario's rows: its won amounts and, when asked, its dollar amounts, and the
/// bands in won and in dollars when asked.
fn report_rows(
    d: &Dataset,
    p: &Projection,
    real: bool,
    krw: &[CostPoint],
    usd: Option<&[CostPoint]>,
    bands: [Option<&Band>; 2],
) -> Vec<ReportRow> {
    fn point(band: Option<&Band>, i: usize) -> Option<&BandPoint> {
        band.and_then(|b| b.points.get(i))
    }
    let low = |b: Option<&BandPoint>| b.and_then(|b| b.low);
    let high = |b: Option<&BandPoint>| b.and_then(|b| b.high);
    p.years
        .iter()
        .zip(krw)
        .enumerate()
        .map(|(i, (y, k))| {
            let u = usd.and_then(|u| u.get(i));
            let rate = conversion([Some(k), u]);
            let (krw_band, usd_band) = (point(bands[0], i), point(bands[1], i));
            ReportRow {
                year: y.year,
                scenario: p.scenario.key(),
                // Recorded years in real terms are derived, as everywhere.
                status: k
                    .status(&CostView {
                        real,
                        ..CostView::default()
                    })
                    .label(),
                krw_bn: k.value,
                krw_bn_low: low(krw_band),
                krw_bn_high: high(krw_band),
                krw_origin: k.origin.key(),
                usd_m: u.and_then(|u| u.value),
                usd_m_low: low(usd_band),
                usd_m_high: high(usd_band),
                usd_origin: u.map(|u| u.origin.key()),
                krw_per_usd: rate.map(|r| r.0),
                rate: rate.map(|r| r.1),
                capped: y.capped,
                rule_extended: y.extended,
                driver: y.driver.map(|d| d.describe()),
                sources: year_sources(d, p.scenario, y),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::econ::AssumptionId;

    fn report(cpi: &str, usd: bool, spreads: Option<&BandSpreads>) -> ProjectionReport {
        let d = Dataset::embedded().expect("valid");
        let mut a = Assumptions::from_history(&d);
        a.apply_text(AssumptionId::Horizon, "2030", &d).unwrap();
        a.apply_text(AssumptionId::KoreanCpi, cpi, &d).unwrap();
        ProjectionReport::with_band(&d, &a, false, usd, spreads)
    }

    fn row<'r>(r: &'r ProjectionReport, scenario: &str, year: i32) -> &'r ReportRow {
        r.rows
            .iter()
            .find(|r| r.scenario == scenario && r.year == year)
            .unwrap()
    }

    #[test]
    fn the_band_adds_a_low_and_a_high_to_every_row_and_total() {
        let r = report("2", true, Some(&BandSpreads::default()));
        let y = row(&r, "12th-sma", 2030);
        let one = |v: Option<f64>| format!("{:.1}", v.unwrap());
        assert_eq!(
            (one(y.krw_bn_low), one(y.krw_bn), one(y.krw_bn_high)),
            ("1598.1".into(), "1646.0".into(), "1694.9".into())
        );
        assert!(
            y.usd_m_low.unwrap() < y.usd_m.unwrap() && y.usd_m.unwrap() < y.usd_m_high.unwrap()
        );
        // Every row and total has both ends, in won and in dollars.
        assert!(
            r.rows
                .iter()
                .all(|r| r.krw_bn_low.is_some() && r.usd_m_high.is_some())
        );
        let t = r.totals.iter().find(|t| t.scenario == "12th-sma").unwrap();
        let sum = |f: fn(&ReportRow) -> Option<f64>| {
            r.rows
                .iter()
                .filter(|r| r.scenario == "12th-sma" && (t.from..=t.to).contains(&r.year))
                .filter_map(f)
                .sum::<f64>()
        };
        assert!((t.krw_bn_low.unwrap() - sum(|r| r.krw_bn_low)).abs() < 1e-9);
        assert!((t.usd_m_high.unwrap() - sum(|r| r.usd_m_high)).abs() < 1e-9);
        // Without the band, none.
        let plain = report("2", true, None);
        assert!(
            plain
                .rows
                .iter()
                .all(|r| r.krw_bn_low.is_none() && r.usd_m_high.is_none())
        );
        assert!(plain.band.is_none());
        assert_eq!(plain.to_csv(), report("2", true, None).to_csv());
    }

    #[test]
    fn files_with_the_band_say_its_spreads() {
        let spreads = BandSpreads {
            korean_cpi: 2.0,
            ..BandSpreads::default()
        };
        let r = report("2", true, Some(&spreads));
        let table = r.to_cells();
        assert_eq!(
            table.columns,
            [
                "year",
                "scenario",
                "status",
                "basis",
                "krw_bn",
                "krw_bn_low",
                "krw_bn_high",
                "krw_origin",
                "usd_m",
                "usd_m_low",
                "usd_m_high",
                "usd_origin",
                "krw_per_usd",
                "rate",
                "capped",
                "rule_extended",
                "driver",
                "sources",
                "span",
                "dataset_version",
                "assumptions",
                "band"
            ]
        );
        let stamp = "korean_cpi ±2 pp; us_cpi ±1 pp; krw_per_usd ±10 %; defense_growth ±2 pp";
        assert!(
            table
                .rows
                .iter()
                .all(|row| row.last() == Some(&Cell::text(stamp)))
        );
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(
            json["band"][0],
            serde_json::json!({ "name": "korean_cpi", "spread": 2.0, "unit": "pp" })
        );
        assert!(json["rows"][0].get("krw_bn_low").is_some());
        assert!(json["totals"][0].get("usd_m_high").is_some());
        let plain: serde_json::Value =
            serde_json::from_str(&report("2", false, None).to_json()).unwrap();
        assert!(plain.get("band").is_none());
        assert!(plain["rows"][0].get("krw_bn_low").is_none());
    }

    #[test]
    fn the_table_shows_each_range_after_its_amount() {
        let r = report("2", false, Some(&BandSpreads::default()));
        let text = r.to_table();
        assert!(
            text.contains(
                "band: Korean CPI inflation ±1 pp, US CPI-U inflation ±1 pp, won per dollar ±10 %, ROK defense-budget growth ±2 pp"
            ),
            "{text}"
        );
        let y2030 = text.lines().find(|l| l.starts_with("2030")).unwrap();
        assert!(
            y2030.starts_with("2030  1,646.0 (1,598.1–1,694.9)"),
            "{y2030}"
        );
        // A year no input moves shows its amount alone: 2027 follows 2025's recorded CPI.
        let y2027 = text.lines().find(|l| l.starts_with("2027")).unwrap();
        assert!(y2027.contains(" 1,551.1  "), "{y2027}");
        let total = text
            .lines()
            .find(|l| l.starts_with("total 2026–30   12th-sma"))
            .unwrap();
        assert!(
            total.ends_with(" 7,912.2 (7,817.3–8,008.4)  2026 recorded + 2027–30 projected"),
            "{total}"
        );
        // Custom growth in won has no band at all.
        let custom = text
            .lines()
            .find(|l| l.starts_with("total 2026–30   custom"))
            .unwrap();
        assert!(!custom.contains('('), "{custom}");
        let dollars = report("2", true, Some(&BandSpreads::default())).to_table();
        let y2030 = dollars.lines().find(|l| l.starts_with("2030")).unwrap();
        assert!(y2030.contains(" · $"), "{y2030}");
        // Without the band, the table is as it was.
        assert!(!report("2", false, None).to_table().contains("band"));
    }
}
