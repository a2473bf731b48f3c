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

use super::inputs::{Origin, local_100m_to_usd_m};
use super::metrics::{CostPoint, CostView, Currency, CurrencyOrigin, Metric, Status, TroopBasis};
use super::{Assumptions, Deflator, Economy, PriceIndex, dedup_keeping_order};

/// Japan's DMDC counts include the 7th Fleet afloat from this year on; the counts before
/// leave most of it out, so 2007→2008 is a change of counting, not a build-up.
pub const JAPAN_COUNT_BREAK: i32 = 2008;

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
                "{payment} in thousands of US dollars per US active-duty service member in {}, DMDC count of 30 September{}",
                host.name(),
                match host {
                    Host::Japan => format!(
                        " (the count inside the fiscal year); from {JAPAN_COUNT_BREAK} the count includes the 7th Fleet afloat, so the series breaks between {} and {JAPAN_COUNT_BREAK}",
                        JAPAN_COUNT_BREAK - 1
                    ),
                    Host::Korea => String::new(),
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
}

/// A host's payment in one year and its measures.
#[derive(Debug, Clone, PartialEq)]
pub struct HostYear {
    pub host: Host,
    pub year: i32,
    /// The payment in billions of the host's currency, as recorded.
    pub local_bn: Option<f64>,
    pub confidence: Confidence,
    /// The average rate the dollar figure used (the fiscal-year one for Japan).
    pub per_usd: Option<f64>,
    /// The DMDC count of 30 September of `year`.
    pub troops: Option<u32>,
    /// The count is not comparable with the year before's.
    pub count_break: bool,
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
            rows,
        }
    }

    /// The row of `host` in `year`.
    pub fn get(&self, host: Host, year: i32) -> Option<&HostYear> {
        self.rows.iter().find(|r| r.host == host && r.year == year)
    }
}

/// The payment in millions of dollars, how it came about, the rate used, and why it is
/// missing where it is.
struct Dollars {
    usd_m: Option<f64>,
    origin: CurrencyOrigin,
    per_usd: Option<f64>,
    missing: Option<String>,
    sources: Vec<String>,
}

/// The year's average rate for an amount of `host`: Japan's amounts are by fiscal year,
/// so theirs is the fiscal-year average; none where the record has no such average.
fn year_rate(d: &Dataset, year: i32) -> Option<(f64, &[String])> {
    let r = d.exchange_rate(year)?;
    let rate = if d.info.host.fiscal_years() {
        r.fiscal_year_per_usd?
    } else {
        r.per_usd
    };
    Some((rate, &r.sources))
}

fn dollars(d: &Dataset, c: &Contribution) -> Dollars {
    let host = d.info.host;
    let label = host.year_label(c.year);
    let rate = year_rate(d, c.year);
    let mut sources = c.sources.clone();
    if let Some((_, s)) = rate {
        sources.extend_from_slice(s);
    }
    let converted = |v: f64, per_usd: f64| local_100m_to_usd_m(v, per_usd);
    let no_rate = || {
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
    let (usd_m, origin, missing) = match (c.local_100m, c.usd_m, rate) {
        (None, None, _) => (None, CurrencyOrigin::Published, Some(no_amount(c, &label))),
        (None, Some(usd), _) => (Some(usd), CurrencyOrigin::Published, None),
        (Some(local), usd, Some((per_usd, _))) => {
            let origin = if usd.is_some() {
                CurrencyOrigin::Combined {
                    krw_per_usd: per_usd,
                    rate: Origin::Recorded,
                }
            } else {
                CurrencyOrigin::Converted {
                    krw_per_usd: per_usd,
                    rate: Origin::Recorded,
                }
            };
            (
                Some(converted(local, per_usd) + usd.unwrap_or(0.0)),
                origin,
                None,
            )
        }
        (Some(_), _, None) => (None, CurrencyOrigin::Published, Some(no_rate())),
    };
    Dollars {
        usd_m,
        origin,
        per_usd: rate.map(|r| r.0),
        missing,
        sources: dedup_keeping_order(sources),
    }
}

/// "no amount recorded for FY2013: <the record's note>".
fn no_amount(c: &Contribution, label: &str) -> String {
    match &c.note {
        Some(note) => format!("no amount recorded for {label}: {note}"),
        None => format!("no amount recorded for {label}"),
    }
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
    let money = dollars(d, c);
    let point = |value: Option<f64>| CostPoint {
        year: c.year,
        value,
        projected: false,
        capped: false,
        extended: false,
        origin: money.origin,
        basis_changed: false,
        confidence: Some(c.confidence),
        driver: None,
    };
    let measure = |kind, value: Result<f64, String>, extra: &[String]| {
        let mut sources = money.sources.clone();
        sources.extend_from_slice(extra);
        let (value, missing) = match value {
            Ok(v) => (Some(v), None),
            Err(why) => (None, Some(why)),
        };
        Measure {
            kind,
            point: point(value),
            missing,
            sources: dedup_keeping_order(sources),
        }
    };
    let usd = money
        .usd_m
        .ok_or_else(|| money.missing.clone().unwrap_or_default());

    let cpi = us.us_cpi(c.year);
    let real = usd.clone().and_then(|v| {
        index
            .to_real(v, c.year, base_year)
            .filter(|_| cpi.is_some())
            .ok_or_else(|| format!("no recorded US CPI-U for {}", c.year))
    });
    let cpi_sources = cpi.map(|c| c.sources.clone()).unwrap_or_default();

    let count = d.troop_count(c.year);
    let troops = count.and_then(|t| t.troops);
    let per_member = usd.clone().and_then(|v| match troops {
        Some(t) if t > 0 => Ok(v * 1000.0 / f64::from(t)),
        _ => Err(format!(
            "no DMDC count of 30 September {} in the record",
            c.year
        )),
    });
    let count_sources = count.map(|t| t.sources.clone()).unwrap_or_default();

    let budget = d.defense_budget(c.year);
    let of_defense = match (c.local_100m, budget) {
        // 1 trillion = 10,000 × 100 million.
        (Some(local), Some(b)) if b.local_tn > 0.0 => Ok(local / (b.local_tn * 1e4) * 100.0),
        (None, _) => Err(money
            .missing
            .clone()
            .unwrap_or_else(|| format!("no amount in {} recorded for {label}", host.currency()))),
        _ => Err(format!("no recorded defense budget for {label}")),
    };
    let budget_sources = budget.map(|b| b.sources.clone()).unwrap_or_default();

    let of_gdp = gdp_share(d, c, &label);

    HostYear {
        host,
        year: c.year,
        local_bn: c.local_100m.map(|v| v / 10.0),
        confidence: c.confidence,
        per_usd: money.per_usd,
        troops,
        count_break: host == Host::Japan && c.year == JAPAN_COUNT_BREAK,
        defense_tn: budget.map(|b| b.local_tn),
        measures: vec![
            measure(MeasureKind::Usd, usd, &[]),
            measure(MeasureKind::RealUsd, real, &cpi_sources),
            measure(MeasureKind::PerMember, per_member, &count_sources),
            measure(MeasureKind::ShareOfDefense, of_defense, &budget_sources),
            of_gdp_measure(&measure, of_gdp),
        ],
    }
}

/// The payment as a share of GDP, with the GDP record's sources.
fn gdp_share(_d: &Dataset, c: &Contribution, label: &str) -> Result<(f64, Vec<String>), String> {
    if c.local_100m.is_none() {
        return Err(no_amount(c, label));
    }
    Err(format!("no recorded GDP for {label}"))
}

fn of_gdp_measure(
    measure: &impl Fn(MeasureKind, Result<f64, String>, &[String]) -> Measure,
    share: Result<(f64, Vec<String>), String>,
) -> Measure {
    match share {
        Ok((v, sources)) => measure(MeasureKind::ShareOfGdp, Ok(v), &sources),
        Err(why) => measure(MeasureKind::ShareOfGdp, Err(why), &[]),
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

    /// Korea as embedded, and a small Japan: FY2007, FY2021 and FY2022 recorded, FY2023 not found,
    /// FY2024 recorded with no fiscal-year rate.
    pub(crate) fn sample_hosts() -> Hosts {
        let korea = Dataset::embedded().unwrap();
        let mut japan = korea.clone();
        japan.info.host = Host::Japan;
        let contribution = |year, jpy_100m: Option<f64>, note: Option<&str>| Contribution {
            year,
            agreement: japan.agreements[0].id.clone(),
            local_100m: jpy_100m,
            usd_m: None,
            note: note.map(str::to_string),
            sources: vec!["J57".into()],
            confidence: Confidence::Confirmed,
            reported: Vec::new(),
        };
        japan.contributions = vec![
            contribution(2007, Some(2173.0), None),
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
            rate(2021, 109.8429, Some(112.34)),
            rate(2022, 131.4589, Some(135.50)),
            rate(2023, 140.5001, Some(144.54)),
            rate(2024, 151.4551, None),
        ];
        let count = |year, troops| TroopCount {
            year,
            troops: Some(troops),
            as_of: None,
            note: None,
            sources: vec!["J74".into()],
            confidence: Confidence::Single,
        };
        japan.troop_counts = vec![
            count(2007, 32_803),
            count(2021, 56_010),
            count(2022, 53_973),
            count(2023, 53_246),
            count(2024, 50_786),
        ];
        japan.defense_budgets.retain(|b| b.year == 2022);
        japan.defense_budgets[0].local_tn = 5.4005;
        Hosts {
            korea,
            japan: Some(japan),
            shares: crate::data::Shares::default(),
        }
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
