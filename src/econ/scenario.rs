//! Scenarios: each applies one rule year by year from the last recorded year to the horizon.

use crate::data::{Agreement, Dataset, EscalationRule, Host};

use super::escalation::{Driver, Step, escalate};
use super::inputs::Economy;

/// The scenarios a projection offers: each host's list is [`ScenarioId::of_host`].
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
    /// The plan of the agreement in force (Japan's FY2022–26 total), its total less the
    /// recorded years spread over the rest, then held past its end.
    Plan,
    /// The plan, then a renewal from its end at the last level plus the host's CPI.
    Renewal,
    /// The plan, then a flat $8 billion a year from its end, as reported of the US in
    /// 2019 (Japan).
    Demand8bn,
}

impl ScenarioId {
    /// Korea's scenarios, in the order every view lists them.
    pub const ALL: [ScenarioId; 5] = [
        ScenarioId::CurrentAgreement,
        ScenarioId::DefenseGrowthRule,
        ScenarioId::Demand5bn,
        ScenarioId::Demand10bn,
        ScenarioId::Custom,
    ];

    /// Japan's scenarios, in the order every view lists them.
    pub const JAPAN: [ScenarioId; 4] = [
        ScenarioId::Plan,
        ScenarioId::Renewal,
        ScenarioId::Demand8bn,
        ScenarioId::Custom,
    ];

    /// The scenarios `host`'s projections offer.
    pub fn of_host(host: Host) -> &'static [ScenarioId] {
        match host {
            Host::Korea => &Self::ALL,
            Host::Japan => &Self::JAPAN,
        }
    }

    /// The name used on the command line and in exports.
    pub fn key(self) -> &'static str {
        match self {
            ScenarioId::CurrentAgreement => "12th-sma",
            ScenarioId::DefenseGrowthRule => "11th-rule",
            ScenarioId::Demand5bn => "demand-5bn",
            ScenarioId::Demand10bn => "demand-10bn",
            ScenarioId::Custom => "custom",
            ScenarioId::Plan => "fy2022-plan",
            ScenarioId::Renewal => "renewal",
            ScenarioId::Demand8bn => "demand-8bn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ScenarioId::CurrentAgreement => "12th SMA rule (CPI, cap 5 %)",
            ScenarioId::DefenseGrowthRule => "11th SMA rule (defense growth)",
            ScenarioId::Demand5bn => "US demand, $5 bn a year (2019)",
            ScenarioId::Demand10bn => "US demand, $10 bn a year (2024–25)",
            ScenarioId::Custom => "Custom growth",
            ScenarioId::Plan => "FY2022–26 plan (its total less the recorded years)",
            ScenarioId::Renewal => "Renewal at the last level plus CPI",
            ScenarioId::Demand8bn => "US demand, $8 bn a year (2019)",
        }
    }

    /// Any host's scenario by its key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .chain(Self::JAPAN)
            .find(|s| s.key() == key)
    }

    /// `host`'s scenario by its key.
    pub fn from_key_of(host: Host, key: &str) -> Option<Self> {
        Self::of_host(host).iter().copied().find(|s| s.key() == key)
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

/// A US demand a scenario projects: its amount and the timeline events that report
/// it, which carry its sources.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DemandSpec {
    pub scenario: ScenarioId,
    /// Millions of dollars a year.
    pub usd_m: f64,
    pub events: &'static [&'static str],
}

/// The US demands, in millions of dollars a year.
pub const DEMAND_2019_USD_M: f64 = 5_000.0;
pub const DEMAND_2024_USD_M: f64 = 10_000.0;
pub const DEMAND_JAPAN_2019_USD_M: f64 = 8_000.0;

/// Every demand a scenario projects, of either host.
pub const DEMANDS: [DemandSpec; 3] = [
    DemandSpec {
        scenario: ScenarioId::Demand5bn,
        usd_m: DEMAND_2019_USD_M,
        events: &["us-seeks-5b-2019"],
    },
    DemandSpec {
        scenario: ScenarioId::Demand10bn,
        usd_m: DEMAND_2024_USD_M,
        events: &["trump-10b-2024-10-15", "trump-10b-2025-07-08"],
    },
    DemandSpec {
        scenario: ScenarioId::Demand8bn,
        usd_m: DEMAND_JAPAN_2019_USD_M,
        events: &["jp-bolton-8b-2019-07"],
    },
];

/// The demand a scenario projects, if it projects one.
pub fn demand(scenario: ScenarioId) -> Option<&'static DemandSpec> {
    DEMANDS.iter().find(|d| d.scenario == scenario)
}

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
    /// The agreement's first year.
    pub first_year: i32,
    /// The agreement's last year: later years extend its rule.
    pub last_year: i32,
    /// Whose agreement: Japan's years read "FY2026".
    pub host: Host,
    /// The agreement sets a plan total (Japan's), named by its years, not an ordinal.
    pub plan: bool,
}

impl RuleOrigin {
    /// "12th SMA rule extended past 2030"; a plan's "FY2022–26 plan extended past
    /// FY2026".
    pub fn extended_label(&self) -> String {
        let past = self.host.year_label(self.last_year);
        if self.plan {
            let years = super::metrics::host_span_label(self.host, self.first_year, self.last_year);
            format!("{years} plan extended past {past}")
        } else {
            let ordinal = crate::data::ordinal(self.ordinal);
            format!("{ordinal} SMA rule extended past {past}")
        }
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
        ScenarioId::Plan => plan_agreement(d, d.last_recorded_year()? + 1),
        _ => None,
    }
}

/// The agreement whose plan total sets `year`: in force then, with a total over its
/// term. Every scenario follows it through its term.
fn plan_agreement(d: &Dataset, year: i32) -> Option<&Agreement> {
    d.agreement_for_year(year)
        .filter(|a| a.plan_local_100m.is_some())
}

/// A year of an agreement's plan after the record `start`: the plan total less the
/// amounts recorded in its term through `start`, shared equally by the term's years
/// after `start`.
fn plan_step(d: &Dataset, year: i32, start: i32) -> Option<Step> {
    let plan = plan_agreement(d, year)?;
    let total_100m = plan.plan_local_100m?;
    let recorded_100m: f64 = d
        .contributions
        .iter()
        .filter(|c| (plan.first_year..=start).contains(&c.year))
        .filter_map(|c| c.local_100m)
        .sum();
    let remaining = plan.last_year - start.max(plan.first_year - 1);
    (remaining > 0).then(|| Step {
        local_100m: (total_100m - recorded_100m) / f64::from(remaining),
        usd_m: None,
        capped: false,
        driver: Driver::PlanShare {
            first: plan.first_year,
            last: plan.last_year,
            total_100m,
            recorded_100m,
            remaining,
            host: d.info.host,
        },
    })
}

/// The sources of the rule a scenario applies: its agreement's, or those of the events
/// that report a demand; none for the custom rate, which is the user's.
pub fn rule_sources(d: &Dataset, scenario: ScenarioId) -> Vec<String> {
    let events: &[&str] = demand(scenario).map_or(&[], |demand| demand.events);
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
    // A year of a plan, in any scenario, rests on the plan's agreement and the
    // recorded years it subtracts.
    if let Some(Driver::PlanShare { first, last, .. }) = driver {
        let mut ids: Vec<String> = d
            .agreement_for_year(first)
            .map(|a| a.sources.clone())
            .unwrap_or_default();
        for c in d
            .contributions
            .iter()
            .filter(|c| (first..=last).contains(&c.year))
        {
            ids.extend(c.sources.iter().cloned());
        }
        return dedup_keeping_order(ids);
    }
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
        ScenarioId::Demand5bn | ScenarioId::Demand10bn | ScenarioId::Demand8bn => demand(scenario)
            .map(|demand| EscalationRule::FlatUsd {
                usd_m: demand.usd_m,
            }),
        ScenarioId::Custom => Some(EscalationRule::PercentStep { pct: custom_pct }),
        // Past the plan: its last year's amount, held.
        ScenarioId::Plan => Some(EscalationRule::PercentStep { pct: 0.0 }),
        // The last level plus the year before's CPI, uncapped.
        ScenarioId::Renewal => Some(EscalationRule::CpiLinked {
            lag_years: 1,
            cap_pct: None,
        }),
    }
}

/// Projects `scenario` to the assumptions' horizon; `None` when it is not one of the
/// dataset's host's scenarios, when the dataset has no
/// recorded year to start from or no rule for the scenario.
pub fn project(e: &Economy, scenario: ScenarioId) -> Option<Projection> {
    let d = e.data;
    if !ScenarioId::of_host(d.info.host).contains(&scenario) {
        return None;
    }
    let start = d.last_recorded_year()?;
    let recorded = d.contribution(start)?;
    let mut prior = recorded.local_100m?;
    let agreement = rule_agreement(d, scenario);
    let rule_origin = agreement.map(|a| RuleOrigin {
        ordinal: a.ordinal,
        first_year: a.first_year,
        last_year: a.last_year,
        host: d.info.host,
        plan: a.plan_local_100m.is_some(),
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
    let mut plan_driver = None;
    for year in start + 1..=e.assumptions.horizon {
        let step = match plan_step(d, year, start) {
            Some(step) => step,
            None => {
                let rule = rule_for(
                    agreement,
                    scenario,
                    year,
                    e.assumptions.custom_growth_of(d.info.host),
                )?;
                let step = escalate(&rule, Some(prior), year, e)?;
                // A plan held past its end says so, not "+0.0 % a year".
                match (scenario, plan_driver) {
                    (ScenarioId::Plan, Some(driver)) => Step { driver, ..step },
                    _ => step,
                }
            }
        };
        if matches!(step.driver, Driver::PlanShare { .. }) {
            plan_driver = Some(step.driver);
        }
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

/// Every scenario of the dataset's host that the dataset supports.
pub fn project_all(e: &Economy) -> Vec<Projection> {
    ScenarioId::of_host(e.data.info.host)
        .iter()
        .filter_map(|&s| project(e, s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::econ::{
        Assumptions, CostView, Currency, Indices, Metric, RatePath, TroopBasis, scenario_amounts,
        totals,
    };

    fn japan() -> Dataset {
        crate::data::Hosts::embedded()
            .expect("the embedded datasets are valid")
            .japan()
            .cloned()
            .expect("Japan's dataset is embedded")
    }

    fn japan_assumptions(d: &Dataset) -> Assumptions {
        let mut a = Assumptions::from_history(d);
        a.japanese_cpi = RatePath::flat(2.0);
        a.jpy_per_usd = RatePath::flat(140.0);
        a.horizon = 2030;
        a
    }

    #[test]
    fn japan_s_renewal_says_its_cpi_is_of_a_calendar_year_beside_the_fiscal_year() {
        let d = japan();
        let a = japan_assumptions(&d);
        let e = Economy::new(&d, &a);
        let renewal = project(&e, ScenarioId::Renewal).unwrap();
        let fy2028 = renewal.at(2028).unwrap().driver.unwrap();
        // FY2028 (April 2028 to March 2029) grows by the CPI of calendar 2027.
        assert!(
            matches!(fy2028, Driver::Cpi { year: 2027, .. }),
            "{fy2028:?}"
        );
        assert_eq!(
            fy2028.describe(),
            "+2.0 % (2027 CPI, calendar year, assumed)"
        );
        // Korea's years are calendar years: no word added.
        let korea = Dataset::embedded().unwrap();
        let a = Assumptions::from_history(&korea);
        let e = Economy::new(&korea, &a);
        let rule = project(&e, ScenarioId::CurrentAgreement).unwrap();
        let driver = rule.at(2028).unwrap().driver.unwrap();
        assert!(matches!(driver, Driver::Cpi { .. }), "{driver:?}");
        assert!(
            !driver.describe().contains("calendar"),
            "{}",
            driver.describe()
        );
    }

    #[test]
    fn every_japan_scenario_follows_the_plan_through_its_term() {
        let d = japan();
        let a = japan_assumptions(&d);
        let e = Economy::new(&d, &a);
        let recorded: f64 = [2022, 2023, 2024]
            .iter()
            .map(|y| d.contribution(*y).unwrap().local_100m.unwrap())
            .sum();
        let share = (10_551.0 - recorded) / 2.0;
        assert_eq!(share, 2129.5);
        let all = project_all(&e);
        let keys: Vec<&str> = all.iter().map(|p| p.scenario.key()).collect();
        assert_eq!(keys, ["fy2022-plan", "renewal", "demand-8bn", "custom"]);
        for p in &all {
            assert_eq!(p.years[0].year, 2024, "{}", p.scenario.key());
            assert!(!p.years[0].projected);
            for year in [2025, 2026] {
                let y = p.at(year).unwrap();
                assert!(y.projected);
                assert!(
                    (y.local_100m - share).abs() < 1e-9,
                    "{} {year}",
                    p.scenario.key()
                );
                assert!(matches!(
                    y.driver,
                    Some(Driver::PlanShare { remaining: 2, .. })
                ));
            }
        }
        assert_eq!(
            all[0].at(2025).unwrap().driver.unwrap().describe(),
            "the FY2022–26 plan's ¥1,055.1 bn less ¥629.2 bn recorded, over 2 years"
        );
    }

    #[test]
    fn past_the_plan_each_scenario_applies_its_own_rule() {
        let d = japan();
        let a = japan_assumptions(&d);
        let e = Economy::new(&d, &a);
        let at = |s: ScenarioId, year| *project(&e, s).unwrap().at(year).unwrap();
        // The plan held, marked as its rule extended.
        let plan = at(ScenarioId::Plan, 2027);
        assert!((plan.local_100m - 2129.5).abs() < 1e-9);
        assert!(plan.extended);
        let origin = project(&e, ScenarioId::Plan).unwrap().rule_origin.unwrap();
        assert_eq!(
            origin.extended_label(),
            "FY2022–26 plan extended past FY2026"
        );
        // The renewal: the last level plus the year before's Japanese CPI (assumed 2 %).
        let renewal = at(ScenarioId::Renewal, 2027);
        assert!((renewal.local_100m - 2129.5 * 1.02).abs() < 1e-9);
        assert!(!renewal.extended);
        // The demand: $8 bn at the assumed 140 yen per dollar.
        let demand = at(ScenarioId::Demand8bn, 2027);
        assert_eq!(demand.usd_m, Some(8_000.0));
        assert!((demand.local_100m - 8_000.0 * 140.0 / 100.0).abs() < 1e-9);
        assert_eq!(
            demand.driver.unwrap().describe(),
            "$8,000 m at 140.0 ¥/$ (assumed)"
        );
        // Its sources are its event's.
        let sources = rule_sources(&d, ScenarioId::Demand8bn);
        let event = d.events.iter().find(|e| e.id == "jp-bolton-8b-2019-07");
        assert_eq!(sources, event.unwrap().sources);
        // Japan's CPI moves Japan's renewal, Korea's does not.
        let mut hot = a.clone();
        hot.korean_cpi = RatePath::flat(9.0);
        let e_hot = Economy::new(&d, &hot);
        let unmoved = project(&e_hot, ScenarioId::Renewal).unwrap();
        assert_eq!(unmoved.at(2027).unwrap().local_100m, renewal.local_100m);
    }

    #[test]
    fn each_host_projects_its_own_scenarios_only() {
        let korea = Dataset::embedded().unwrap();
        let a = Assumptions::from_history(&korea);
        let e = Economy::new(&korea, &a);
        let keys: Vec<&str> = project_all(&e).iter().map(|p| p.scenario.key()).collect();
        assert_eq!(
            keys,
            [
                "12th-sma",
                "11th-rule",
                "demand-5bn",
                "demand-10bn",
                "custom"
            ]
        );
        assert!(project(&e, ScenarioId::Plan).is_none());
        assert!(project(&e, ScenarioId::Demand8bn).is_none());
        let japan = japan();
        let a = japan_assumptions(&japan);
        assert!(project(&Economy::new(&japan, &a), ScenarioId::Demand5bn).is_none());
        assert_eq!(
            ScenarioId::from_key("demand-8bn"),
            Some(ScenarioId::Demand8bn)
        );
        assert_eq!(ScenarioId::from_key_of(Host::Korea, "demand-8bn"), None);
    }

    #[test]
    fn japan_totals_and_figures_read_in_fiscal_years_and_yen() {
        let d = japan();
        let a = japan_assumptions(&d);
        let e = Economy::new(&d, &a);
        let p = project(&e, ScenarioId::Plan).unwrap();
        let indices = Indices::new(&e, a.horizon);
        let yen = scenario_amounts(&e, &p, Currency::Local, false, &indices);
        let t = totals(&d, &yen, 2024, a.horizon);
        let labels: Vec<String> = t.iter().map(|t| t.label()).collect();
        assert_eq!(
            labels,
            [
                "FY2024 recorded + FY2025–26 projected",
                "FY2024 recorded + FY2025–30 projected"
            ]
        );
        assert!((t[0].value - (212.4 + 2.0 * 212.95)).abs() < 1e-9);
        let view = CostView {
            metric: Metric::Contribution,
            currency: Currency::Local,
            real: false,
            troops: TroopBasis::Counted,
        };
        assert_eq!(
            yen[1].describe(&view, a.base_year),
            "FY2025: 212.9 billion yen, nominal · projected"
        );
        let dollars = scenario_amounts(&e, &p, Currency::Usd, false, &indices);
        assert!(
            dollars[0]
                .describe(
                    &CostView {
                        currency: Currency::Usd,
                        ..view
                    },
                    a.base_year
                )
                .starts_with(
                    "FY2024: 1,393.6 million $, nominal · converted at 152.4 ¥/$ (FY2024 average)"
                ),
            "{}",
            dollars[0].describe(
                &CostView {
                    currency: Currency::Usd,
                    ..view
                },
                a.base_year
            )
        );
        // The band moves the renewal by Japan's CPI, past the plan only.
        let renewal = project(&e, ScenarioId::Renewal).unwrap();
        let band = crate::econ::band(&e, &renewal, &view, &crate::econ::BandSpreads::default());
        let at = |year| *band.at(year).unwrap();
        assert_eq!(at(2026).low, at(2026).high);
        let (low, high) = (at(2028).low.unwrap(), at(2028).high.unwrap());
        assert!(low < at(2028).central.unwrap() && at(2028).central.unwrap() < high);
        assert!((high / low - (1.03f64 / 1.01).powi(2)).abs() < 1e-9);
        let real = crate::econ::Deflator::of(&d, &a, Currency::Local).unwrap();
        assert!(
            real.describe().starts_with("Japanese CPI of "),
            "{}",
            real.describe()
        );
    }
}
