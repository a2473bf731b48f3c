//! Scenarios: each applies one rule year by year from the last recorded year to the horizon.

use crate::data::{Agreement, Dataset, EscalationRule};

use super::escalation::{Driver, escalate};
use super::inputs::Economy;

/// The scenarios every projection offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScenarioId {
    /// The rule of the agreement in force (the 12th SMA), continued past its end.
    CurrentAgreement,
    /// The 11th SMA's rule: the prior year's defense-budget growth.
    DefenseGrowthRule,
    /// A flat $5 billion a year, as reported of the US in 2019.
    Demand5bn,
    /// A flat $10 billion a year, as Trump said in 2024 and 2025.
    Demand10bn,
    /// A fixed growth rate the user sets.
    Custom,
}

impl ScenarioId {
    pub const ALL: [ScenarioId; 5] = [
        ScenarioId::CurrentAgreement,
        ScenarioId::DefenseGrowthRule,
        ScenarioId::Demand5bn,
        ScenarioId::Demand10bn,
        ScenarioId::Custom,
    ];

    /// The name used on the command line and in exports.
    pub fn key(self) -> &'static str {
        match self {
            ScenarioId::CurrentAgreement => "12th-sma",
            ScenarioId::DefenseGrowthRule => "11th-rule",
            ScenarioId::Demand5bn => "demand-5bn",
            ScenarioId::Demand10bn => "demand-10bn",
            ScenarioId::Custom => "custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ScenarioId::CurrentAgreement => "12th SMA rule (CPI, cap 5 %)",
            ScenarioId::DefenseGrowthRule => "11th SMA rule (defense growth)",
            ScenarioId::Demand5bn => "US demand, $5 bn a year (2019)",
            ScenarioId::Demand10bn => "US demand, $10 bn a year (2024–25)",
            ScenarioId::Custom => "Custom growth",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether `name` may name a saved scenario: not a built-in scenario's key, which
    /// `--scenario` reads first, so a scenario saved under it could never be reached.
    pub fn check_saved_name(name: &str) -> Result<(), String> {
        match Self::from_key(name) {
            Some(_) => Err(format!(
                "“{name}” is a built-in scenario's name, so a scenario saved under it could never be chosen: give it another"
            )),
            None => Ok(()),
        }
    }
}

/// The US demands, in millions of dollars a year: the timeline events of
/// `DEMAND_2019_EVENTS` and `DEMAND_2024_EVENTS` carry their sources.
pub const DEMAND_2019_USD_M: f64 = 5_000.0;
pub const DEMAND_2024_USD_M: f64 = 10_000.0;

/// The events that report each demand.
pub const DEMAND_2019_EVENTS: [&str; 1] = ["us-seeks-5b-2019"];
pub const DEMAND_2024_EVENTS: [&str; 2] = ["trump-10b-2024-10-15", "trump-10b-2025-07-08"];

/// One year of a scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioYear {
    pub year: i32,
    /// 100 million won, nominal.
    pub local_100m: f64,
    /// Millions of dollars, nominal, where the rule sets the amount in dollars (a
    /// demand): then the won figure is the one converted.
    pub usd_m: Option<f64>,
    /// The rule's cap bound this year.
    pub capped: bool,
    /// False for the recorded year the projection starts from.
    pub projected: bool,
    /// The year lies past the end of the agreement whose rule projects it.
    pub extended: bool,
    /// What set the amount; `None` for the recorded starting year.
    pub driver: Option<Driver>,
}

/// The agreement a scenario's rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleOrigin {
    /// 12 for the 12th SMA.
    pub ordinal: u32,
    /// The agreement's last year: later years extend its rule.
    pub last_year: i32,
}

impl RuleOrigin {
    /// "12th SMA rule extended past 2030".
    pub fn extended_label(&self) -> String {
        format!(
            "{} SMA rule extended past {}",
            crate::data::ordinal(self.ordinal),
            self.last_year
        )
    }
}

/// A scenario from the last recorded year to the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub scenario: ScenarioId,
    /// The recorded starting year first, then one entry per projected year.
    pub years: Vec<ScenarioYear>,
    /// The agreement the rule is read from, for the scenarios that apply one.
    pub rule_origin: Option<RuleOrigin>,
}

impl Projection {
    pub fn at(&self, year: i32) -> Option<&ScenarioYear> {
        let first = self.years.first()?.year;
        self.years.get(usize::try_from(year - first).ok()?)
    }

    /// Sum over `from..=to` of the years the projection holds, nominal 100 million won.
    pub fn total(&self, from: i32, to: i32) -> f64 {
        self.years
            .iter()
            .filter(|y| (from..=to).contains(&y.year))
            .map(|y| y.local_100m)
            .sum()
    }
}

/// The agreement a scenario's rule comes from, if it applies an agreement's rule.
pub fn rule_agreement(d: &Dataset, scenario: ScenarioId) -> Option<&Agreement> {
    match scenario {
        ScenarioId::CurrentAgreement => d.agreement_for_year(d.last_recorded_year()?),
        ScenarioId::DefenseGrowthRule => d.agreements.iter().rev().find(|a| {
            a.rules
                .iter()
                .any(|p| matches!(p.rule, EscalationRule::DefenseBudgetGrowth { .. }))
        }),
        _ => None,
    }
}

/// The sources of the rule a scenario applies: its agreement's, or those of the events
/// that report a demand; none for the custom rate, which is the user's.
pub fn rule_sources(d: &Dataset, scenario: ScenarioId) -> Vec<String> {
    let events: &[&str] = match scenario {
        ScenarioId::Demand5bn => &DEMAND_2019_EVENTS,
        ScenarioId::Demand10bn => &DEMAND_2024_EVENTS,
        _ => &[],
    };
    let mut ids: Vec<String> = rule_agreement(d, scenario)
        .map(|a| a.sources.clone())
        .unwrap_or_default();
    for e in d.events.iter().filter(|e| events.contains(&e.id.as_str())) {
        ids.extend(e.sources.iter().cloned());
    }
    dedup_keeping_order(ids)
}

/// The sources of one year of a scenario, as files list them: the recorded year's
/// own; for a projected year its rule's, and those of the recorded input that drove it
/// (a year's Korean CPI or defense-budget growth).
pub fn year_sources(d: &Dataset, scenario: ScenarioId, y: &ScenarioYear) -> Vec<String> {
    if !y.projected {
        return d
            .contribution(y.year)
            .map(|c| c.sources.clone())
            .unwrap_or_default();
    }
    projected_sources(d, scenario, y.driver)
}

/// The sources of a year `scenario` projects with `driver`: its rule's, and those of
/// the recorded input that drove it.
pub fn projected_sources(d: &Dataset, scenario: ScenarioId, driver: Option<Driver>) -> Vec<String> {
    let mut ids = rule_sources(d, scenario);
    if let Some((_, input)) = driver.and_then(|driver| driver.recorded_input(d)) {
        ids.extend(input.iter().cloned());
    }
    dedup_keeping_order(ids)
}

/// `ids` with each kept once, where it first appears.
pub fn dedup_keeping_order(ids: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        if !kept.contains(&id) {
            kept.push(id);
        }
    }
    kept
}

/// The rule a scenario applies in `year`, read from `agreement` where it comes from one.
fn rule_for(
    agreement: Option<&Agreement>,
    scenario: ScenarioId,
    year: i32,
    custom_pct: f64,
) -> Option<EscalationRule> {
    match scenario {
        ScenarioId::CurrentAgreement => {
            let current = agreement?;
            current
                .rule_for(year)
                .or_else(|| current.rules.last().map(|p| &p.rule))
                .cloned()
        }
        ScenarioId::DefenseGrowthRule => agreement?
            .rules
            .iter()
            .rev()
            .find(|p| matches!(p.rule, EscalationRule::DefenseBudgetGrowth { .. }))
            .map(|p| p.rule.clone()),
        ScenarioId::Demand5bn => Some(EscalationRule::FlatUsd {
            usd_m: DEMAND_2019_USD_M,
        }),
        ScenarioId::Demand10bn => Some(EscalationRule::FlatUsd {
            usd_m: DEMAND_2024_USD_M,
        }),
        ScenarioId::Custom => Some(EscalationRule::PercentStep { pct: custom_pct }),
    }
}

/// Projects `scenario` to the assumptions' horizon; `None` when the dataset has no
/// recorded year to start from or no rule for the scenario.
pub fn project(e: &Economy, scenario: ScenarioId) -> Option<Projection> {
    let d = e.data;
    let start = d.last_recorded_year()?;
    let recorded = d.contribution(start)?;
    let mut prior = recorded.local_100m?;
    let agreement = rule_agreement(d, scenario);
    let rule_origin = agreement.map(|a| RuleOrigin {
        ordinal: a.ordinal,
        last_year: a.last_year,
    });
    // The start and one entry a year to the horizon, allocated once.
    let mut years =
        Vec::with_capacity(usize::try_from(e.assumptions.horizon - start).unwrap_or(0) + 1);
    years.push(ScenarioYear {
        year: start,
        local_100m: prior,
        usd_m: recorded.usd_m,
        capped: false,
        projected: false,
        extended: false,
        driver: None,
    });
    for year in start + 1..=e.assumptions.horizon {
        let rule = rule_for(agreement, scenario, year, e.assumptions.custom_growth)?;
        let step = escalate(&rule, Some(prior), year, e)?;
        prior = step.local_100m;
        years.push(ScenarioYear {
            year,
            local_100m: step.local_100m,
            usd_m: step.usd_m,
            capped: step.capped,
            projected: true,
            extended: rule_origin.is_some_and(|o| year > o.last_year),
            driver: Some(step.driver),
        });
    }
    Some(Projection {
        scenario,
        years,
        rule_origin,
    })
}

/// Every scenario the dataset supports.
pub fn project_all(e: &Economy) -> Vec<Projection> {
    ScenarioId::ALL
        .into_iter()
        .filter_map(|s| project(e, s))
        .collect()
}
