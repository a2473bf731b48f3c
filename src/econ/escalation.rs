//! One year of an agreement's escalation rule.

use crate::data::EscalationRule;

use super::inputs::{Economy, usd_m_to_krw_100m};

/// A year's amount under a rule, and whether the rule's cap bound it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub krw_100m: f64,
    pub capped: bool,
}

/// The amount for `year` under `rule`, from the prior year's amount.
///
/// `None` where the rule cannot be computed: no prior amount for a relative rule, an
/// input missing from the record, or a rule kept only in words.
pub fn escalate(rule: &EscalationRule, prior: Option<f64>, year: i32, e: &Economy) -> Option<Step> {
    let grow = |pct: f64, capped: bool| {
        prior.map(|p| Step {
            krw_100m: p * (1.0 + pct / 100.0),
            capped,
        })
    };
    match rule {
        EscalationRule::Fixed { krw_100m, usd_m } => {
            let krw = match (krw_100m, usd_m) {
                (Some(krw), _) => *krw,
                (None, Some(usd)) => usd_m_to_krw_100m(*usd, e.krw_per_usd(year)?.0),
                (None, None) => return None,
            };
            Some(Step {
                krw_100m: krw,
                capped: false,
            })
        }
        EscalationRule::PercentStep { pct } => grow(*pct, false),
        EscalationRule::CpiLinked { lag_years, cap_pct } => {
            let (cpi, _) = e.korean_cpi_pct(year - *lag_years as i32)?;
            match cap_pct {
                Some(cap) if cpi > *cap => grow(*cap, true),
                _ => grow(cpi, false),
            }
        }
        EscalationRule::DefenseBudgetGrowth { lag_years } => {
            grow(e.defense_growth_pct(year - *lag_years as i32)?.0, false)
        }
        EscalationRule::FlatUsd { usd_m } => Some(Step {
            krw_100m: usd_m_to_krw_100m(*usd_m, e.krw_per_usd(year)?.0),
            capped: false,
        }),
        EscalationRule::Formula { .. } | EscalationRule::None => None,
    }
}
