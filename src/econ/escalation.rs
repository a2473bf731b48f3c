//! One year of an agreement's escalation rule, and what drove it.

use crate::data::{Dataset, EscalationRule, Host};
use crate::numbers::{signed, thousands};

use super::inputs::{Economy, Origin, usd_m_to_local_100m};

/// What set a year's amount under a rule: the input, the year it is from, and whether
/// the record holds it or an assumption supplies it. Shown beside every projected year,
/// so a user who sets 3 % sees why 2027 does not move.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Driver {
    /// An amount the agreement sets for the year.
    SetAmount,
    /// A fixed growth rate, in percent.
    Growth { pct: f64 },
    /// The host's CPI of `year`, in percent, at most `cap_pct`. The CPI is by
    /// calendar year, even where the host's payments are by fiscal year (Japan's).
    Cpi {
        year: i32,
        pct: f64,
        origin: Origin,
        cap_pct: Option<f64>,
        host: Host,
    },
    /// ROK defense-budget growth of `year`, in percent.
    DefenseGrowth { year: i32, pct: f64, origin: Origin },
    /// A dollar amount, turned into the host's currency at the year's rate.
    Dollars {
        usd_m: f64,
        per_usd: f64,
        origin: Origin,
        host: Host,
    },
    /// An equal share of what an agreement's plan total over `first..=last` leaves
    /// after its recorded years, over the `remaining` years not recorded.
    PlanShare {
        first: i32,
        last: i32,
        total_100m: f64,
        recorded_100m: f64,
        remaining: i32,
        host: Host,
    },
}

impl Driver {
    /// "+2.1 % (2025 CPI, recorded), cap 5 %"; "+5.0 %, the cap (2026 CPI 7.0 %, assumed)";
    /// Japan's, beside its fiscal years: "+3.2 % (2027 CPI, calendar year, assumed)".
    pub fn describe(&self) -> String {
        match *self {
            Driver::SetAmount => "the amount the agreement sets".into(),
            Driver::Growth { pct } => format!("{} % a year (custom rate)", signed(pct, 1)),
            Driver::Cpi {
                year,
                pct,
                origin,
                cap_pct: Some(cap),
                host,
            } if pct > cap => format!(
                "{} %, the cap ({year} CPI {} %,{} {})",
                signed(cap, 1),
                thousands(pct, 1),
                calendar_words(host),
                origin.label()
            ),
            Driver::Cpi {
                year,
                pct,
                origin,
                cap_pct,
                host,
            } => {
                let cap = cap_pct
                    .map(|c| format!(", cap {} %", trim(c)))
                    .unwrap_or_default();
                format!(
                    "{} % ({year} CPI,{} {}){cap}",
                    signed(pct, 1),
                    calendar_words(host),
                    origin.label()
                )
            }
            Driver::DefenseGrowth { year, pct, origin } => format!(
                "{} % ({year} defense-budget growth, {})",
                signed(pct, 1),
                origin.label()
            ),
            Driver::Dollars {
                usd_m,
                per_usd,
                origin,
                host,
            } => format!(
                "${} m at {} {}/$ ({})",
                thousands(usd_m, 0),
                thousands(per_usd, 1),
                host.symbol(),
                origin.label()
            ),
            Driver::PlanShare {
                first,
                last,
                total_100m,
                recorded_100m,
                remaining,
                host,
            } => format!(
                "the {} plan's {}{} bn less {}{} bn recorded, over {remaining} year{}",
                super::metrics::host_span_label(host, first, last),
                host.symbol(),
                thousands(total_100m / 10.0, 1),
                host.symbol(),
                thousands(recorded_100m / 10.0, 1),
                if remaining == 1 { "" } else { "s" }
            ),
        }
    }
}

/// " calendar year," where the host's payments are by fiscal year, whose CPI (by
/// calendar year) would else read as of the fiscal year: "+3.2 % (2027 CPI, calendar
/// year, assumed)" beside FY2028. Nothing for a host of calendar years.
fn calendar_words(host: Host) -> &'static str {
    if host.fiscal_years() {
        " calendar year,"
    } else {
        ""
    }
}

/// " (calendar year)" after a fiscal-year host's CPI: "2025 Japanese CPI (calendar
/// year)".
fn calendar_note(host: Host) -> &'static str {
    if host.fiscal_years() {
        " (calendar year)"
    } else {
        ""
    }
}

impl Driver {
    /// The record a driver read from the data, what it is ("2025 Korean CPI") and its
    /// sources; `None` for an assumed input or one the rule itself sets.
    pub fn recorded_input<'d>(&self, d: &'d Dataset) -> Option<(String, &'d [String])> {
        match *self {
            Driver::Cpi {
                year,
                origin: Origin::Recorded,
                ..
            } => d.host_cpi(year).map(|c| {
                let host = d.info.host;
                let cpi = format!("{year} {} CPI{}", host.adjective(), calendar_note(host));
                (cpi, c.sources.as_slice())
            }),
            Driver::DefenseGrowth {
                year,
                origin: Origin::Recorded,
                ..
            } => d
                .defense_budget(year)
                .map(|b| (format!("{year} defense budget"), b.sources.as_slice())),
            _ => None,
        }
    }
}

/// 5.0 → "5", 4.5 → "4.5".
fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A year's amount under a rule, whether the rule's cap bound it, and what drove it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub local_100m: f64,
    /// Millions of dollars where the rule sets the amount in dollars.
    pub usd_m: Option<f64>,
    pub capped: bool,
    pub driver: Driver,
}

/// The amount for `year` under `rule`, from the prior year's amount.
///
/// `None` where the rule cannot be computed: no prior amount for a relative rule, an
/// input missing from the record, or a rule kept only in words.
pub fn escalate(rule: &EscalationRule, prior: Option<f64>, year: i32, e: &Economy) -> Option<Step> {
    let grow = |pct: f64, capped: bool, driver: Driver| {
        prior.map(|p| Step {
            local_100m: p * (1.0 + pct / 100.0),
            usd_m: None,
            capped,
            driver,
        })
    };
    let in_dollars = |usd_m: f64| {
        let (per_usd, origin) = e.per_usd(year)?;
        Some(Step {
            local_100m: usd_m_to_local_100m(usd_m, per_usd),
            usd_m: Some(usd_m),
            capped: false,
            driver: Driver::Dollars {
                usd_m,
                per_usd,
                origin,
                host: e.data.info.host,
            },
        })
    };
    match rule {
        EscalationRule::Fixed { local_100m, usd_m } => match (local_100m, usd_m) {
            (Some(krw), _) => Some(Step {
                local_100m: *krw,
                usd_m: None,
                capped: false,
                driver: Driver::SetAmount,
            }),
            (None, Some(usd)) => in_dollars(*usd).map(|s| Step {
                driver: Driver::SetAmount,
                ..s
            }),
            (None, None) => None,
        },
        EscalationRule::PercentStep { pct } => grow(*pct, false, Driver::Growth { pct: *pct }),
        EscalationRule::CpiLinked { lag_years, cap_pct } => {
            let cpi_year = year - *lag_years as i32;
            let (cpi, origin) = e.host_cpi_pct(cpi_year)?;
            let driver = Driver::Cpi {
                year: cpi_year,
                pct: cpi,
                origin,
                cap_pct: *cap_pct,
                host: e.data.info.host,
            };
            match cap_pct {
                Some(cap) if cpi > *cap => grow(*cap, true, driver),
                _ => grow(cpi, false, driver),
            }
        }
        EscalationRule::DefenseBudgetGrowth { lag_years } => {
            let growth_year = year - *lag_years as i32;
            let (pct, origin) = e.defense_growth_pct(growth_year)?;
            grow(
                pct,
                false,
                Driver::DefenseGrowth {
                    year: growth_year,
                    pct,
                    origin,
                },
            )
        }
        EscalationRule::FlatUsd { usd_m } => in_dollars(*usd_m),
        EscalationRule::Formula { .. } | EscalationRule::None => None,
    }
}
