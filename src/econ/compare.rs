//! What each host's payment is measured against: for each host and year, the payment
//! (Korea's SMA total, Japan's host-nation support total, never its SMA portion) in
//! dollars at the year's average rate, in real dollars, per US service member there, and
//! as a share of the host's defense budget and of its GDP.
//!
//! Each figure is a [`CostPoint`], the figure model every view uses: its origin says how
//! it was converted, its confidence is the payment's, and [`Measure::status`] says it is
//! recorded, converted or derived as [`CostPoint::status`] does. A missing input gives a
//! missing figure with the reason, never an interpolated one.

use crate::data::{Confidence, Contribution, Dataset, Host, Hosts};
use crate::numbers::thousands;

use super::inputs::{Origin, local_100m_to_usd_m, usd_m_to_local_100m};
use super::metrics::{CostPoint, CostView, Currency, CurrencyOrigin, Metric, Status, TroopBasis};
use super::{Assumptions, Deflator, Economy, PriceIndex, dedup_keeping_order};

/// The measures of one payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureKind {
    /// In millions of dollars at the year's average rate.
    Usd,
    /// In millions of dollars of the base year (US CPI-U).
    RealUsd,
    /// In thousands of dollars per US service member (DMDC, 30 September).
    PerMember,
    /// In percent of the host's defense budget.
    ShareOfDefense,
    /// In percent of the host's nominal GDP.
    ShareOfGdp,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 5] = [
        MeasureKind::Usd,
        MeasureKind::RealUsd,
        MeasureKind::PerMember,
        MeasureKind::ShareOfDefense,
        MeasureKind::ShareOfGdp,
    ];

    /// The column name in files: `usd_m`, `real_usd_m`, `usd_k_per_member`, ….
    pub fn key(self) -> &'static str {
        match self {
            MeasureKind::Usd => "usd_m",
            MeasureKind::RealUsd => "real_usd_m",
            MeasureKind::PerMember => "usd_k_per_member",
            MeasureKind::ShareOfDefense => "pct_of_defense_budget",
            MeasureKind::ShareOfGdp => "pct_of_gdp",
        }
    }

    /// What the measure is, in a few words, as a picker, a title and a legend name it:
    /// "per US service member", "% of GDP".
    pub fn label(self) -> &'static str {
        match self {
            MeasureKind::Usd => "dollars",
            MeasureKind::RealUsd => "real dollars",
            MeasureKind::PerMember => "per US service member",
            MeasureKind::ShareOfDefense => "% of defense budget",
            MeasureKind::ShareOfGdp => "% of GDP",
        }
    }

    /// The unit of the measure's values, as an axis names it: "$ million, nominal, at
    /// each year's rate", "$ million of 2024 (US CPI-U)", "% of the host's nominal GDP".
    pub fn unit(self, base_year: i32) -> String {
        match self {
            MeasureKind::Usd => "$ million, nominal, at each year's rate".into(),
            MeasureKind::RealUsd => format!("$ million of {base_year} (US CPI-U)"),
            MeasureKind::PerMember => "$ thousand per US service member".into(),
            MeasureKind::ShareOfDefense => "% of the host's defense budget".into(),
            MeasureKind::ShareOfGdp => "% of the host's nominal GDP".into(),
        }
    }

    /// Its name in the config's `[start]` and `--measure`: "dollars", "per-member", ….
    pub fn name(self) -> &'static str {
        match self {
            MeasureKind::Usd => "dollars",
            MeasureKind::RealUsd => "real-dollars",
            MeasureKind::PerMember => "per-member",
            MeasureKind::ShareOfDefense => "defense-budget",
            MeasureKind::ShareOfGdp => "gdp",
        }
    }

    /// Every name [`MeasureKind::name`] gives, in the picker's order.
    pub const NAMES: [&'static str; 5] = [
        "dollars",
        "real-dollars",
        "per-member",
        "defense-budget",
        "gdp",
    ];

    /// The measure named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The measure after this one, as the picker cycles them, round the end.
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// Digits after the point in files and labels.
    pub fn decimals(self) -> usize {
        match self {
            MeasureKind::Usd | MeasureKind::RealUsd => 1,
            MeasureKind::PerMember => 2,
            MeasureKind::ShareOfDefense | MeasureKind::ShareOfGdp => 3,
        }
    }

    /// What the measure is, for `host`, in plain words.
    pub fn definition(self, host: Host, base_year: i32) -> String {
        let payment = payment_name(host);
        match self {
            MeasureKind::Usd => format!(
                "{payment} in millions of US dollars at the average rate of the year it covers{}",
                if host.fiscal_years() {
                    " (the fiscal-year average, April to March)"
                } else {
                    ""
                }
            ),
            MeasureKind::RealUsd => format!(
                "{payment} in millions of US dollars of {base_year}, deflated by US CPI-U{}",
                if host.fiscal_years() {
                    " of the calendar year the fiscal year starts in"
                } else {
                    ""
                }
            ),
            MeasureKind::PerMember => format!(
                "{payment} in thousands of US dollars per US active-duty service member in {}, DMDC count of 30 September{}; where the counting changed, the series breaks and the count's note says how",
                host.name(),
                if host.fiscal_years() {
                    " (the count inside the fiscal year)"
                } else {
                    ""
                }
            ),
            MeasureKind::ShareOfDefense => format!(
                "{payment} as a percentage of {}",
                match host {
                    Host::Korea => "Korea's defense budget as enacted (main budget)",
                    Host::Japan => {
                        "Japan's defense-related budget (防衛関係費), initial budget, total column: including SACO and US-forces realignment costs"
                    }
                }
            ),
            MeasureKind::ShareOfGdp => format!(
                "{payment} as a percentage of {}'s nominal GDP of the calendar year{}",
                host.name(),
                if host.fiscal_years() {
                    " the fiscal year starts in"
                } else {
                    ""
                }
            ),
        }
    }
}

/// The payment compared: Korea's SMA total; Japan's host-nation support total.
pub fn payment_name(host: Host) -> &'static str {
    match host {
        Host::Korea => "Korea's SMA contribution (total)",
        Host::Japan => {
            "Japan's host-nation support total (在日米軍駐留経費負担, initial budget; not the SMA portion)"
        }
    }
}

/// The year a host's figure covers: "2014 (calendar year)", "FY2022 (Apr 2022–Mar 2023)".
pub fn year_basis(host: Host, year: i32) -> String {
    if host.fiscal_years() {
        format!("{} (Apr {year}–Mar {})", host.year_label(year), year + 1)
    } else {
        format!("{year} (calendar year)")
    }
}

/// One measure of one payment.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub kind: MeasureKind,
    /// The figure: its value (missing where an input is), how a dollar figure came
    /// about, and the payment's confidence.
    pub point: CostPoint,
    /// Why the value is missing, where it is.
    pub missing: Option<String>,
    /// Every input's sources: the payment's, the rate's, the index's, the count's.
    pub sources: Vec<String>,
}

impl Measure {
    /// Recorded or converted for the dollar amount (as [`CostPoint::status`] says it);
    /// derived for every measure computed from it.
    pub fn status(&self) -> Status {
        let view = CostView {
            metric: match self.kind {
                MeasureKind::Usd => Metric::Contribution,
                _ => Metric::PerServiceMember,
            },
            currency: Currency::Usd,
            real: self.kind == MeasureKind::RealUsd,
            troops: TroopBasis::Counted,
        };
        self.point.status(&view)
    }

    pub fn value(&self) -> Option<f64> {
        self.point.value
    }

    /// What a value line and a table say of the figure: its status ("converted",
    /// "derived"), or "gap: " and why it is missing.
    pub fn status_words(&self) -> String {
        match (self.value(), &self.missing) {
            (Some(_), _) => self.status().label().to_string(),
            (None, Some(why)) => format!("gap: {why}"),
            (None, None) => "gap".to_string(),
        }
    }
}

/// A host's payment in one year and its measures.
#[derive(Debug, Clone, PartialEq)]
pub struct HostYear {
    pub host: Host,
    pub year: i32,
    /// The payment in billions of the host's currency, as recorded (for an agreement in
    /// both currencies, the part in the host's).
    pub local_bn: Option<f64>,
    /// The part in millions of dollars, as recorded.
    pub recorded_usd_m: Option<f64>,
    pub confidence: Confidence,
    /// The average rate the dollar figure used (the fiscal-year one for Japan).
    pub per_usd: Option<f64>,
    /// The DMDC count of 30 September of `year`.
    pub troops: Option<u32>,
    /// Why the count is not comparable with the year before's, where it is not.
    pub count_break: Option<String>,
    /// The budget the payment is from, where the host's figures differ by basis.
    pub budget_basis: Option<&'static str>,
    /// The defense budget, trillions of the host's currency.
    pub defense_tn: Option<f64>,
    /// In [`MeasureKind::ALL`]'s order.
    pub measures: Vec<Measure>,
}

impl HostYear {
    pub fn measure(&self, kind: MeasureKind) -> &Measure {
        self.measures
            .iter()
            .find(|m| m.kind == kind)
            .expect("every kind is measured")
    }

    /// "2014 (calendar year)", "FY2022 (Apr 2022–Mar 2023)".
    pub fn year_basis(&self) -> String {
        year_basis(self.host, self.year)
    }
}

/// The measures of every host and year the hosts record, Korea first.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub base_year: i32,
    /// How real dollars were deflated, with its sources.
    pub deflator: Option<String>,
    /// The same in words alone, for a line that has no room for sources: "US CPI-U of
    /// 2025 recorded", "US CPI-U of 2030 assumed: 2025 recorded, then 2.6 % a year".
    pub deflated_by: Option<String>,
    /// The GDP vintage of each host's ratios to GDP.
    pub gdp_vintages: Vec<(Host, String)>,
    pub rows: Vec<HostYear>,
}

impl Comparison {
    /// Every year each host records a payment for (recorded years only: no projection).
    /// Real dollars use US CPI-U from Korea's dataset, which holds the US series.
    pub fn of(hosts: &Hosts, a: &Assumptions) -> Self {
        let us = Economy::new(&hosts.korea, a);
        let last = hosts
            .iter()
            .filter_map(|d| d.contributions.last().map(|c| c.year))
            .max()
            .unwrap_or(a.base_year);
        let index = PriceIndex::us(&us, last.max(a.base_year));
        let rows = hosts
            .iter()
            .flat_map(|d| {
                d.contributions
                    .iter()
                    .map(|c| host_year(d, &hosts.korea, c, &index, a.base_year))
                    .collect::<Vec<_>>()
            })
            .collect();
        Self {
            base_year: a.base_year,
            deflator: Deflator::of(&hosts.korea, a, Currency::Usd).map(|d| d.cited()),
            deflated_by: Deflator::of(&hosts.korea, a, Currency::Usd).map(|d| d.describe()),
            gdp_vintages: hosts
                .iter()
                .filter_map(|d| Some((d.info.host, gdp_vintage(d)?.to_string())))
                .collect(),
            rows,
        }
    }

    /// What `kind` is for `host`, in plain words, naming the base year of real dollars
    /// and the vintage of GDP.
    pub fn definition(&self, kind: MeasureKind, host: Host) -> String {
        let words = kind.definition(host, self.base_year);
        let vintage = self.gdp_vintages.iter().find(|(h, _)| *h == host);
        match (kind, vintage) {
            (MeasureKind::ShareOfGdp, Some((_, v))) => format!("{words}, {v}"),
            _ => words,
        }
    }

    /// The row of `host` in `year`.
    pub fn get(&self, host: Host, year: i32) -> Option<&HostYear> {
        self.rows.iter().find(|r| r.host == host && r.year == year)
    }
}

/// The payment in one currency: the value, how it came about, and why it is missing
/// where it is.
#[derive(Clone)]
struct InCurrency {
    value: Option<f64>,
    origin: CurrencyOrigin,
    missing: Option<String>,
}

/// A year's payment in dollars and, whole, in the host's currency, each as published
/// or with the other currency's part converted at the year's average rate.
struct Payment {
    host: Host,
    /// Millions of dollars.
    usd: InCurrency,
    /// 100 million of the host's currency.
    local: InCurrency,
    /// The rate, where either figure used it.
    per_usd: Option<f64>,
    sources: Vec<String>,
    rate_sources: Vec<String>,
}

/// The year's average rate for an amount of `d`'s host: Japan's amounts are by fiscal
/// year, so theirs is the fiscal-year average; none where the record has no such average.
/// Stricter than [`crate::data::ExchangeRate::per_usd_of_host_year`], which the series
/// fall back on: a comparison never puts a calendar-year rate under a fiscal-year amount.
fn year_rate(d: &Dataset, year: i32) -> Option<(f64, &[String])> {
    let r = d.exchange_rate(year)?;
    let rate = if d.info.host.fiscal_years() {
        r.fiscal_year_per_usd?
    } else {
        r.per_usd
    };
    Some((rate, &r.sources))
}

/// The payment in the currency whose part is `given` (with `other`, the other
/// currency's part, converted by `convert` and added): as
/// [`super::metrics`] draws a series in one currency.
fn in_currency(
    given: Option<f64>,
    other: Option<f64>,
    rate: Option<f64>,
    convert: impl Fn(f64, f64) -> f64,
    missing: impl Fn() -> String,
) -> InCurrency {
    let at = |per_usd| (per_usd, Origin::Recorded);
    let (value, origin) = match (given, other, rate) {
        (Some(v), None, _) => (Some(v), CurrencyOrigin::Published),
        (Some(v), Some(o), Some(r)) => {
            let (per_usd, rate) = at(r);
            (
                Some(v + convert(o, r)),
                CurrencyOrigin::Combined { per_usd, rate },
            )
        }
        (None, Some(o), Some(r)) => {
            let (per_usd, rate) = at(r);
            (
                Some(convert(o, r)),
                CurrencyOrigin::Converted { per_usd, rate },
            )
        }
        _ => (None, CurrencyOrigin::Published),
    };
    InCurrency {
        value,
        origin,
        missing: value.is_none().then(missing),
    }
}

fn payment(d: &Dataset, c: &Contribution) -> Payment {
    let host = d.info.host;
    let label = host.year_label(c.year);
    let rate = year_rate(d, c.year);
    let why = || {
        if c.local_100m.is_none() && c.usd_m.is_none() {
            return no_amount(c, &label);
        }
        let which = if host.fiscal_years() {
            "fiscal-year average"
        } else {
            "average"
        };
        format!(
            "no recorded {which} {} per dollar for {label}",
            host.currency()
        )
    };
    let per_usd = rate.map(|r| r.0);
    let usd = in_currency(c.usd_m, c.local_100m, per_usd, local_100m_to_usd_m, why);
    let local = in_currency(c.local_100m, c.usd_m, per_usd, usd_m_to_local_100m, why);
    let used = usd.origin.is_converted() || local.origin.is_converted();
    Payment {
        host,
        usd,
        local,
        per_usd: per_usd.filter(|_| used),
        sources: c.sources.clone(),
        rate_sources: rate
            .filter(|_| used)
            .map(|r| r.1.to_vec())
            .unwrap_or_default(),
    }
}

/// "no amount recorded for FY2013: <the record's note>".
fn no_amount(c: &Contribution, label: &str) -> String {
    match &c.note {
        Some(note) => format!("no amount recorded for {label}: {note}"),
        None => format!("no amount recorded for {label}"),
    }
}

/// A figure a measure is computed with (a price level, a count, a budget): its value
/// and sources, or why the record has none.
type Input = Result<(f64, Vec<String>), String>;

/// One measure from `base` (the payment in dollars or in the host's currency) and what
/// it is computed with.
fn measure(
    kind: MeasureKind,
    p: &Payment,
    base: &InCurrency,
    c: &Contribution,
    compute: impl Fn(f64) -> Input,
) -> Measure {
    let value = base
        .value
        .ok_or_else(|| base.missing.clone().unwrap_or_default())
        .and_then(compute);
    let mut sources = p.sources.clone();
    if base.origin.is_converted() {
        sources.extend_from_slice(&p.rate_sources);
    }
    let (value, missing) = match value {
        Ok((v, input_sources)) => {
            sources.extend(input_sources);
            (Some(v), None)
        }
        Err(why) => (None, Some(why)),
    };
    Measure {
        kind,
        point: CostPoint {
            host: p.host,
            year: c.year,
            value,
            projected: false,
            capped: false,
            extended: false,
            origin: base.origin,
            basis_changed: false,
            confidence: Some(c.confidence),
            driver: None,
        },
        missing,
        sources: dedup_keeping_order(sources),
    }
}

/// A record's value and sources, or `missing`.
fn input<T>(
    record: Option<&T>,
    value: impl Fn(&T) -> Option<f64>,
    sources: impl Fn(&T) -> &Vec<String>,
    missing: String,
) -> Input {
    record
        .and_then(|r| {
            value(r)
                .filter(|v| *v > 0.0)
                .map(|v| (v, sources(r).clone()))
        })
        .ok_or(missing)
}

fn host_year(
    d: &Dataset,
    us: &Dataset,
    c: &Contribution,
    index: &PriceIndex,
    base_year: i32,
) -> HostYear {
    let host = d.info.host;
    let label = host.year_label(c.year);
    let p = payment(d, c);
    let cpi = input(
        us.us_cpi(c.year),
        |r| Some(r.index),
        |r| &r.sources,
        format!("no recorded US CPI-U for {}", c.year),
    );
    let real = |v: f64| {
        let (_, sources) = cpi.clone()?;
        let real = index
            .to_real(v, c.year, base_year)
            .ok_or_else(|| format!("no US CPI-U for {base_year}"))?;
        Ok((real, sources))
    };
    let count = d.troop_count(c.year);
    let troops = input(
        count,
        |t| t.troops.map(f64::from),
        |t| &t.sources,
        format!("no DMDC count of 30 September {} in the record", c.year),
    );
    // $ million → $ thousand per person.
    let per_member = |v: f64| troops.clone().map(|(t, s)| (v * 1000.0 / t, s));
    let budget = d.defense_budget(c.year);
    let defense = input(
        budget,
        |b| Some(b.local_tn),
        |b| &b.sources,
        format!("no recorded defense budget for {label}"),
    );
    // 1 trillion = 10,000 × 100 million.
    let share = |of: &Input| {
        let of = of.clone();
        move |v: f64| of.clone().map(|(tn, s)| (v / (tn * 1e4) * 100.0, s))
    };
    let gdp = gdp_tn(d, c.year);
    HostYear {
        host,
        year: c.year,
        local_bn: c.local_100m.map(|v| v / 10.0),
        recorded_usd_m: c.usd_m,
        confidence: c.confidence,
        per_usd: p.per_usd,
        troops: count.and_then(|t| t.troops),
        count_break: count.and_then(|t| t.series_break.clone()),
        budget_basis: c.basis.map(|b| b.label()),
        defense_tn: budget.map(|b| b.local_tn),
        measures: vec![
            measure(MeasureKind::Usd, &p, &p.usd, c, |v| Ok((v, Vec::new()))),
            measure(MeasureKind::RealUsd, &p, &p.usd, c, real),
            measure(MeasureKind::PerMember, &p, &p.usd, c, per_member),
            measure(
                MeasureKind::ShareOfDefense,
                &p,
                &p.local,
                c,
                share(&defense),
            ),
            measure(MeasureKind::ShareOfGdp, &p, &p.local, c, share(&gdp)),
        ],
    }
}

/// The vintage most of `d`'s GDP records are from: the one its ratios to GDP use, so
/// that no series mixes two (a benchmark revision moves every level).
pub fn gdp_vintage(d: &Dataset) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for g in &d.gdp {
        match counts.iter_mut().find(|(v, _)| *v == g.vintage) {
            Some((_, n)) => *n += 1,
            None => counts.push((&g.vintage, 1)),
        }
    }
    // The first of the most common, in the file's order.
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(v, _)| *v)
}

/// The host's nominal GDP in trillions of its currency for the calendar year `year`
/// (for a fiscal year, the calendar year it starts in), from [`gdp_vintage`] only.
fn gdp_tn(d: &Dataset, year: i32) -> Input {
    let Some(vintage) = gdp_vintage(d) else {
        return Err(format!("no recorded GDP for {}", d.info.host.name()));
    };
    match d.gdp(year) {
        None => Err(format!("no recorded GDP for {year}")),
        Some(g) if g.vintage != vintage => Err(format!(
            "the GDP recorded for {year} is from {}, not {vintage}: no ratio mixes two vintages",
            g.vintage
        )),
        Some(g) => Ok((g.local_bn / 1000.0, g.sources.clone())),
    }
}

/// A measure's value as a label: "$41.75 k", "0.312 %", "—".
pub fn value_label(m: &Measure) -> String {
    let Some(v) = m.value() else {
        return "—".into();
    };
    let n = thousands(v, m.kind.decimals());
    match m.kind {
        MeasureKind::Usd | MeasureKind::RealUsd => format!("${n} m"),
        MeasureKind::PerMember => format!("${n} k"),
        MeasureKind::ShareOfDefense | MeasureKind::ShareOfGdp => format!("{n} %"),
    }
}

/// Test data for this module and the ones that draw or write it.
#[cfg(test)]
pub(crate) mod sample {
    use super::*;
    use crate::data::{Contribution, ExchangeRate, TroopCount};

    /// Korea as embedded, and a small Japan: FY2007, FY2008 (a break in the count), FY2021 and FY2022 recorded, FY2023 not found,
    /// FY2024 recorded with no fiscal-year rate.
    pub(crate) fn sample_hosts() -> Hosts {
        let korea = Dataset::embedded().unwrap();
        let mut japan = korea.clone();
        japan.info.host = Host::Japan;
        let contribution = |year, jpy_100m: Option<f64>, note: Option<&str>| Contribution {
            year,
            agreement: Some(japan.agreements[0].id.clone()),
            basis: None,
            local_100m: jpy_100m,
            usd_m: None,
            note: note.map(str::to_string),
            sources: vec!["J57".into()],
            confidence: Confidence::Confirmed,
            reported: Vec::new(),
        };
        japan.contributions = vec![
            contribution(2007, Some(2173.0), None),
            contribution(2008, Some(2083.0), None),
            contribution(2021, Some(2017.0), None),
            contribution(2022, Some(2112.0), None),
            contribution(2023, None, Some("Not found in the sources.")),
            contribution(2024, Some(2200.0), None),
        ];
        let rate = |year, cy: f64, fy: Option<f64>| ExchangeRate {
            year,
            per_usd: cy,
            fiscal_year_per_usd: fy,
            confidence: Confidence::Confirmed,
            sources: vec!["J77".into()],
            note: None,
        };
        japan.exchange_rates = vec![
            rate(2007, 117.7623, Some(114.21)),
            rate(2008, 103.3906, Some(100.49)),
            rate(2021, 109.8429, Some(112.34)),
            rate(2022, 131.4589, Some(135.50)),
            rate(2023, 140.5001, Some(144.54)),
            rate(2024, 151.4551, None),
        ];
        let count = |year, troops| TroopCount {
            year,
            troops: Some(troops),
            grand_total: None,
            series_break: (year == 2008)
                .then(|| "From 2008 the 7th Fleet afloat is counted.".to_string()),
            as_of: None,
            note: None,
            sources: vec!["J74".into()],
            confidence: Confidence::Single,
        };
        japan.troop_counts = vec![
            count(2007, 32_803),
            count(2008, 42_521),
            count(2021, 56_010),
            count(2022, 53_973),
            count(2023, 53_246),
            count(2024, 50_786),
        ];
        let gdp = |year, jpy_bn, vintage: &str| crate::data::Gdp {
            year,
            local_bn: jpy_bn,
            vintage: vintage.into(),
            confidence: Confidence::Single,
            sources: vec!["J95".into()],
            note: None,
        };
        japan.gdp = vec![
            gdp(2021, 553_068.3, "IMF WEO April 2025"),
            gdp(2022, 560_606.9, "IMF WEO October 2025"),
            gdp(2024, 608_398.9, "IMF WEO October 2025"),
        ];
        japan.defense_budgets.retain(|b| b.year == 2022);
        japan.defense_budgets[0].local_tn = 5.4005;
        let mut hosts = Hosts::korea_only(korea);
        hosts.set_japan(Some(japan));
        hosts
    }
}

#[cfg(test)]
mod tests {
    use super::sample::sample_hosts as hosts;
    use super::*;

    fn comparison(hosts: &Hosts) -> Comparison {
        let mut a = Assumptions::from_history(&hosts.korea);
        a.base_year = 2024;
        Comparison::of(hosts, &a)
    }

    #[test]
    fn per_member_dollars_are_the_stored_figures_divided_by_hand() {
        let hosts = hosts();
        let c = comparison(&hosts);
        let k = &hosts.korea;
        let won = k.contribution(2014).unwrap().local_100m.unwrap();
        let rate = k.exchange_rate(2014).unwrap().per_usd;
        let troops = f64::from(k.troop_count(2014).unwrap().troops.unwrap());
        let by_hand = won * 100.0 / rate * 1000.0 / troops;
        let korea = c.get(Host::Korea, 2014).unwrap();
        let got = korea.measure(MeasureKind::PerMember).value().unwrap();
        assert!((got - by_hand).abs() < 1e-9, "{got} vs {by_hand}");
        assert_eq!(korea.measure(MeasureKind::Usd).status(), Status::Converted);
        assert_eq!(
            korea.measure(MeasureKind::PerMember).status(),
            Status::Derived
        );

        let japan = c.get(Host::Japan, 2022).unwrap();
        let by_hand = 2112.0 * 100.0 / 135.50 * 1000.0 / 53_973.0;
        let got = japan.measure(MeasureKind::PerMember).value().unwrap();
        assert!((got - by_hand).abs() < 1e-9, "{got} vs {by_hand}");
        assert_eq!(japan.year_basis(), "FY2022 (Apr 2022–Mar 2023)");
        let sources = &japan.measure(MeasureKind::PerMember).sources;
        assert_eq!(sources, &["J57", "J77", "J74"]);
    }

    #[test]
    fn japan_converts_at_the_fiscal_year_rate_not_the_calendar_one() {
        let c = comparison(&hosts());
        let japan = c.get(Host::Japan, 2022).unwrap();
        let usd = japan.measure(MeasureKind::Usd);
        assert_eq!(japan.per_usd, Some(135.50));
        assert!((usd.value().unwrap() - 2112.0 * 100.0 / 135.50).abs() < 1e-9);
        assert!((usd.value().unwrap() - 2112.0 * 100.0 / 131.4589).abs() > 40.0);
        assert!(
            MeasureKind::Usd
                .definition(Host::Japan, 2024)
                .contains("fiscal-year average")
        );
        let share = japan.measure(MeasureKind::ShareOfDefense).value().unwrap();
        assert!((share - 2112.0 / 54_005.0 * 100.0).abs() < 1e-9, "{share}");
    }

    #[test]
    fn a_missing_input_gives_a_missing_figure_with_its_reason() {
        let c = comparison(&hosts());
        let gap = c.get(Host::Japan, 2023).unwrap();
        for m in &gap.measures {
            assert_eq!(m.value(), None, "{:?}", m.kind);
            let why = m.missing.as_deref().unwrap();
            assert!(
                why.starts_with("no amount recorded for FY2023: Not found"),
                "{why}"
            );
        }
        let no_rate = c.get(Host::Japan, 2024).unwrap();
        assert_eq!(no_rate.measure(MeasureKind::Usd).value(), None);
        assert_eq!(
            no_rate.measure(MeasureKind::PerMember).missing.as_deref(),
            Some("no recorded fiscal-year average yen per dollar for FY2024")
        );
        // The budget is recorded for FY2022 alone: FY2021's share is missing, not
        // carried over from the year after.
        let before = c.get(Host::Japan, 2021).unwrap();
        assert_eq!(before.measure(MeasureKind::ShareOfDefense).value(), None);
        assert_eq!(
            before
                .measure(MeasureKind::ShareOfDefense)
                .missing
                .as_deref(),
            Some("no recorded defense budget for FY2021")
        );
        assert!(before.measure(MeasureKind::PerMember).value().is_some());
    }

    #[test]
    fn a_dollar_agreement_is_published_in_dollars_and_converted_for_the_budget_share() {
        let hosts = hosts();
        let c = comparison(&hosts);
        let k = &hosts.korea;
        let rate = k.exchange_rate(1995).unwrap();
        let row = c.get(Host::Korea, 1995).unwrap();
        let usd = row.measure(MeasureKind::Usd);
        assert_eq!(usd.value(), k.contribution(1995).unwrap().usd_m);
        assert_eq!(usd.status(), Status::Recorded);
        assert!(!usd.sources.contains(&rate.sources[0]), "{:?}", usd.sources);
        let share = row.measure(MeasureKind::ShareOfDefense);
        let by_hand = usd.value().unwrap() * rate.per_usd
            / 100.0
            / (k.defense_budget(1995).unwrap().local_tn * 1e4)
            * 100.0;
        assert!((share.value().unwrap() - by_hand).abs() < 1e-9);
        assert!(share.point.origin.is_converted());
        assert!(share.sources.contains(&rate.sources[0]));
        // The 5th SMA's two parts, added at the year's rate.
        let both = c.get(Host::Korea, 2002).unwrap();
        let part = k.contribution(2002).unwrap();
        let rate = k.exchange_rate(2002).unwrap().per_usd;
        let by_hand = part.local_100m.unwrap() * 100.0 / rate + part.usd_m.unwrap();
        let got = both.measure(MeasureKind::Usd).value().unwrap();
        assert!((got - by_hand).abs() < 1e-9, "{got} vs {by_hand}");
        assert_eq!(
            both.measure(MeasureKind::Usd).point.origin_key(),
            "combined"
        );
    }

    #[test]
    fn a_share_of_gdp_uses_one_vintage_and_names_it() {
        let c = comparison(&hosts());
        let japan = c.get(Host::Japan, 2022).unwrap();
        let share = japan.measure(MeasureKind::ShareOfGdp);
        let by_hand = 2112.0 / (560_606.9 / 1000.0 * 1e4) * 100.0;
        assert!((share.value().unwrap() - by_hand).abs() < 1e-12);
        assert!(share.sources.contains(&"J95".to_string()));
        assert!(
            c.definition(MeasureKind::ShareOfGdp, Host::Japan)
                .ends_with(", IMF WEO October 2025")
        );
        let other = c.get(Host::Japan, 2021).unwrap();
        assert_eq!(other.measure(MeasureKind::ShareOfGdp).value(), None);
        assert_eq!(
            other.measure(MeasureKind::ShareOfGdp).missing.as_deref(),
            Some(
                "the GDP recorded for 2021 is from IMF WEO April 2025, not IMF WEO October 2025: no ratio mixes two vintages"
            )
        );
    }

    #[test]
    fn real_dollars_deflate_by_us_cpi_to_the_base_year() {
        let hosts = hosts();
        let c = comparison(&hosts);
        let k = &hosts.korea;
        let row = c.get(Host::Korea, 2014).unwrap();
        let nominal = row.measure(MeasureKind::Usd).value().unwrap();
        let cpi = |y| k.us_cpi(y).unwrap().index;
        let real = row.measure(MeasureKind::RealUsd);
        assert!((real.value().unwrap() - nominal * cpi(2024) / cpi(2014)).abs() < 1e-9);
        assert_eq!(real.status(), Status::Derived);
        assert!(
            c.deflator
                .as_deref()
                .unwrap()
                .starts_with("US CPI-U of 2024")
        );
    }
}
