//! The series the dashboard and exports show: contributions by year, history plus one
//! projection, in won or dollars, nominal or real, and the metrics derived from them.

use crate::data::{Confidence, Dataset};

use super::inputs::{Economy, PriceIndex, krw_100m_to_usd_m, usd_m_to_krw_100m};
use super::scenario::Projection;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    Krw,
    Usd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    Contribution,
    YearOnYear,
    PerServiceMember,
    Cumulative,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Contribution,
        Metric::YearOnYear,
        Metric::PerServiceMember,
        Metric::Cumulative,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Metric::Contribution => "contribution",
            Metric::YearOnYear => "year-on-year change",
            Metric::PerServiceMember => "per US service member",
            Metric::Cumulative => "cumulative",
        }
    }
}

/// Which troop figure divides the contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TroopBasis {
    /// DMDC active-duty count on 30 September.
    Counted,
    /// The headline level in force (28,500 since 2008).
    Headline,
}

/// How to show the cost series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CostView {
    pub metric: Metric,
    pub currency: Currency,
    /// In money of the assumptions' base year.
    pub real: bool,
    pub troops: TroopBasis,
}

impl Default for CostView {
    fn default() -> Self {
        Self {
            metric: Metric::Contribution,
            currency: Currency::Krw,
            real: false,
            troops: TroopBasis::Counted,
        }
    }
}

impl CostView {
    /// The metric as the chart's title says it, naming the troop figure per member.
    pub fn metric_label(&self) -> &'static str {
        match (self.metric, self.troops) {
            (Metric::PerServiceMember, TroopBasis::Counted) => "per US service member (DMDC count)",
            (Metric::PerServiceMember, TroopBasis::Headline) => {
                "per US service member (headline level)"
            }
            (m, _) => m.label(),
        }
    }

    /// The next metric in the cycle `c` walks: per service member comes twice, on the
    /// DMDC count and then on the headline level, which also covers projected years.
    pub fn next_metric(self) -> Self {
        let (metric, troops) = match (self.metric, self.troops) {
            (Metric::PerServiceMember, TroopBasis::Counted) => {
                (Metric::PerServiceMember, TroopBasis::Headline)
            }
            (m, _) => {
                let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
                (
                    Metric::ALL[(i + 1) % Metric::ALL.len()],
                    TroopBasis::Counted,
                )
            }
        };
        Self {
            metric,
            troops,
            ..self
        }
    }

    /// The unit of the values, for axis labels and table headers.
    pub fn unit(&self, base_year: i32) -> String {
        let money = |small: &str| match (self.currency, self.real) {
            (Currency::Krw, false) => format!("{small} won"),
            (Currency::Krw, true) => format!("{small} won of {base_year}"),
            (Currency::Usd, false) => format!("{small} $"),
            (Currency::Usd, true) => format!("{small} $ of {base_year}"),
        };
        match (self.metric, self.currency) {
            (Metric::YearOnYear, _) => "% change".into(),
            (Metric::PerServiceMember, Currency::Krw) => money("million"),
            (Metric::PerServiceMember, Currency::Usd) => money("thousand"),
            (_, Currency::Krw) => money("billion"),
            (_, Currency::Usd) => money("million"),
        }
    }
}

/// One year of the cost series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostPoint {
    pub year: i32,
    /// Missing where the record has no figure or the metric cannot be formed.
    pub value: Option<f64>,
    pub projected: bool,
    pub capped: bool,
    /// Computed from the other currency than the source gave.
    pub converted: bool,
    /// The recorded figure's confidence; `None` for projections.
    pub confidence: Option<Confidence>,
}

/// A year's contribution in the view's money: bn won or $m, nominal or real.
struct Amount {
    value: Option<f64>,
    converted: bool,
}

fn money(
    e: &Economy,
    view: &CostView,
    indices: &Indices,
    year: i32,
    krw: Option<f64>,
    usd: Option<f64>,
) -> Amount {
    let fx = e.krw_per_usd(year).map(|r| r.0);
    let (nominal, converted) = match view.currency {
        Currency::Krw => match (krw, usd, fx) {
            (Some(k), _, _) => (Some(k / 10.0), false),
            (None, Some(u), Some(fx)) => (Some(usd_m_to_krw_100m(u, fx) / 10.0), true),
            _ => (None, false),
        },
        Currency::Usd => match (krw, usd, fx) {
            (Some(k), _, Some(fx)) => (Some(krw_100m_to_usd_m(k, fx)), true),
            (None, Some(u), _) => (Some(u), false),
            _ => (None, false),
        },
    };
    let base = e.assumptions.base_year;
    let value = if view.real {
        let index = match view.currency {
            Currency::Krw => &indices.korean,
            Currency::Usd => &indices.us,
        };
        nominal.and_then(|v| index.to_real(v, year, base))
    } else {
        nominal
    };
    Amount { value, converted }
}

struct Indices {
    korean: PriceIndex,
    us: PriceIndex,
}

/// The troops that divide the contribution in `year`.
pub fn troops(d: &Dataset, basis: TroopBasis, year: i32) -> Option<u32> {
    match basis {
        TroopBasis::Counted => d.troop_count(year).and_then(|t| t.troops),
        TroopBasis::Headline => d.headline_level(year).map(|l| l.low),
    }
}

/// The contribution series from the first recorded year, followed by `projection`'s
/// projected years when given.
pub fn cost_series(
    e: &Economy,
    projection: Option<&Projection>,
    view: &CostView,
) -> Vec<CostPoint> {
    let d = e.data;
    let last_year = projection
        .and_then(|p| p.years.last())
        .map(|y| y.year)
        .into_iter()
        .chain(d.contributions.last().map(|c| c.year))
        .max()
        .unwrap_or(0)
        .max(e.assumptions.base_year);
    let indices = Indices {
        korean: PriceIndex::korean(e, last_year),
        us: PriceIndex::us(e, last_year),
    };
    let mut points: Vec<CostPoint> = d
        .contributions
        .iter()
        .map(|c| {
            let a = money(e, view, &indices, c.year, c.krw_100m, c.usd_m);
            CostPoint {
                year: c.year,
                value: a.value,
                projected: false,
                capped: false,
                converted: a.converted,
                confidence: Some(c.confidence),
            }
        })
        .collect();
    if let Some(p) = projection {
        for y in p.years.iter().filter(|y| y.projected) {
            let a = money(e, view, &indices, y.year, Some(y.krw_100m), None);
            points.push(CostPoint {
                year: y.year,
                value: a.value,
                projected: true,
                capped: y.capped,
                converted: a.converted,
                confidence: None,
            });
        }
    }
    apply_metric(d, view, points)
}

/// Turns contributions into the view's metric.
fn apply_metric(d: &Dataset, view: &CostView, mut points: Vec<CostPoint>) -> Vec<CostPoint> {
    match view.metric {
        Metric::Contribution => {}
        Metric::YearOnYear => {
            let amounts: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
            for (i, p) in points.iter_mut().enumerate() {
                p.value = match (i.checked_sub(1).and_then(|j| amounts[j]), amounts[i]) {
                    (Some(prev), Some(now)) if prev != 0.0 => Some((now / prev - 1.0) * 100.0),
                    _ => None,
                };
            }
        }
        Metric::PerServiceMember => {
            for p in &mut points {
                // bn won → million won, $m → thousand $: both × 1000 per person.
                p.value = match (p.value, troops(d, view.troops, p.year)) {
                    (Some(v), Some(t)) if t > 0 => Some(v * 1000.0 / t as f64),
                    _ => None,
                };
            }
        }
        Metric::Cumulative => {
            let mut sum = 0.0;
            for p in &mut points {
                if let Some(v) = p.value {
                    sum += v;
                    p.value = Some(sum);
                }
            }
        }
    }
    points
}

/// Year-on-year change in percent of a nominal series; `None` for the first year.
pub fn year_on_year(values: &[(i32, f64)]) -> Vec<(i32, Option<f64>)> {
    values
        .iter()
        .enumerate()
        .map(|(i, &(year, v))| {
            let prev = i.checked_sub(1).map(|j| values[j]);
            let change = prev
                .filter(|(py, pv)| *py == year - 1 && *pv != 0.0)
                .map(|(_, pv)| (v / pv - 1.0) * 100.0);
            (year, change)
        })
        .collect()
}

/// Sum of a series over `from..=to`.
pub fn total(values: &[(i32, f64)], from: i32, to: i32) -> f64 {
    values
        .iter()
        .filter(|(y, _)| (from..=to).contains(y))
        .map(|(_, v)| v)
        .sum()
}

/// Year by year, `a` minus `b`, over the years both hold.
pub fn difference(a: &Projection, b: &Projection) -> Vec<(i32, f64)> {
    a.years
        .iter()
        .filter_map(|ya| b.at(ya.year).map(|yb| (ya.year, ya.krw_100m - yb.krw_100m)))
        .collect()
}
