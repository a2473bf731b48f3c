//! The economics layer on the embedded dataset: recorded history reproduces from the
//! agreements' own rules, and the 12th SMA projects as published.

use sma_dash::data::Dataset;
use sma_dash::econ::{
    AssumptionId, Assumptions, Economy, PriceIndex, ScenarioId, escalate, project,
};

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset is valid")
}

/// Recomputes `year` from the recorded prior year under the agreement's own rule.
fn from_rule(d: &Dataset, a: &Assumptions, year: i32) -> (f64, f64) {
    let e = Economy::new(d, a);
    let agreement = d
        .agreement_for_year(year)
        .expect("an agreement covers the year");
    let rule = agreement
        .rule_for(year)
        .expect("the agreement has a rule for the year");
    let prior = d.contribution(year - 1).and_then(|c| c.local_100m);
    let computed = escalate(rule, prior, year, &e)
        .expect("the rule computes")
        .local_100m;
    let recorded = d
        .contribution(year)
        .and_then(|c| c.local_100m)
        .expect("recorded");
    (computed, recorded)
}

fn assert_reproduces(years: impl IntoIterator<Item = i32>) {
    let d = dataset();
    let a = Assumptions::from_history(&d);
    for year in years {
        let (computed, recorded) = from_rule(&d, &a, year);
        // Published amounts are rounded to 100 million won, and the CPI the ministries
        // applied was a one-decimal vintage: allow 0.1 %.
        let off = (computed / recorded - 1.0).abs();
        assert!(
            off < 0.001,
            "{year}: rule gives {computed:.1}, record says {recorded} ({:.3} % off)",
            off * 100.0
        );
    }
}

#[test]
fn eighth_sma_years_follow_cpi_capped_at_4_percent() {
    assert_reproduces(2010..=2013);
}

#[test]
fn ninth_sma_years_follow_cpi_capped_at_4_percent() {
    assert_reproduces(2015..=2018);
}

#[test]
fn eleventh_sma_years_follow_defense_budget_growth() {
    assert_reproduces([2022, 2025]);
}

#[test]
fn the_2010_cap_bound_because_2008_cpi_was_4_7_percent() {
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    let rule = d.agreement("sma-8").unwrap().rule_for(2010).unwrap();
    let step = escalate(rule, Some(7600.0), 2010, &e).unwrap();
    assert!(step.capped);
    assert!((step.local_100m - 7904.0).abs() < 1e-9);
}

fn twelfth(d: &Dataset, korean_cpi: f64) -> sma_dash::econ::Projection {
    let mut a = Assumptions::from_history(d);
    a.set(AssumptionId::KoreanCpi, korean_cpi);
    a.set(AssumptionId::Horizon, 2035.0);
    project(&Economy::new(d, &a), ScenarioId::CurrentAgreement).expect("the 12th SMA projects")
}

#[test]
fn twelfth_sma_starts_at_1519_2_bn_and_2027_uses_2025_cpi() {
    let d = dataset();
    let p = twelfth(&d, 2.0);
    let y2026 = p.at(2026).unwrap();
    assert_eq!((y2026.local_100m, y2026.projected), (15192.0, false));
    let y2027 = p.at(2027).unwrap();
    // 2025 CPI as published: 2.1 %, whatever is assumed for later years.
    assert!((y2027.local_100m - 15192.0 * 1.021).abs() < 1e-6);
    assert!(!y2027.capped);
    let p_high = twelfth(&d, 9.0);
    assert_eq!(p_high.at(2027).unwrap().local_100m, y2027.local_100m);
}

#[test]
fn twelfth_sma_reaches_about_1646_bn_in_2030_at_2_percent() {
    let d = dataset();
    let p = twelfth(&d, 2.0);
    let y2030 = p.at(2030).unwrap().local_100m / 10.0;
    assert!((y2030 - 1646.0).abs() < 0.5, "2030 = {y2030:.1} bn won");
}

#[test]
fn at_7_percent_every_year_from_2028_rises_by_exactly_the_5_percent_cap() {
    let d = dataset();
    let p = twelfth(&d, 7.0);
    for year in 2028..=2035 {
        let now = p.at(year).unwrap();
        let prior = p.at(year - 1).unwrap();
        assert!(now.capped, "{year} should be capped");
        assert!(
            (now.local_100m / prior.local_100m - 1.05).abs() < 1e-12,
            "{year}"
        );
    }
}

#[test]
fn demands_convert_at_the_assumed_rate() {
    let d = dataset();
    let mut a = Assumptions::from_history(&d);
    a.set(AssumptionId::KrwPerUsd, 1400.0);
    let e = Economy::new(&d, &a);
    let five = project(&e, ScenarioId::Demand5bn).unwrap();
    let ten = project(&e, ScenarioId::Demand10bn).unwrap();
    // $5 bn at 1,400 won = 7 trillion won = 70,000 × 100 million won.
    assert!((five.at(2030).unwrap().local_100m - 70_000.0).abs() < 1e-6);
    assert!((ten.at(2030).unwrap().local_100m - 140_000.0).abs() < 1e-6);
}

#[test]
fn eleventh_rule_applies_the_prior_years_defense_growth() {
    let d = dataset();
    let mut a = Assumptions::from_history(&d);
    a.set(AssumptionId::DefenseGrowth, 4.0);
    let p = project(&Economy::new(&d, &a), ScenarioId::DefenseGrowthRule).unwrap();
    // 2027 uses the enacted 2026 budget growth (7.5 %); 2028 on the assumed 4 %.
    assert!((p.at(2027).unwrap().local_100m - 15192.0 * 1.075).abs() < 1e-6);
    assert!((p.at(2028).unwrap().local_100m - 15192.0 * 1.075 * 1.04).abs() < 1e-6);
}

#[test]
fn real_terms_use_the_recorded_cpi_index() {
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    let index = PriceIndex::host(&e, 2035);
    // 2014's 920.0 bn won in won of 2020: 920.0 × 100 / 94.20.
    let real = index.to_real(920.0, 2014, 2020).unwrap();
    assert!((real - 920.0 * 100.0 / 94.20).abs() < 1e-9);
    // Past the record, the index grows at the assumed rate.
    let last = d.host_cpi.last().unwrap();
    let next = index.at(last.year + 1).unwrap();
    assert!((next / last.index - (1.0 + a.korean_cpi.flat / 100.0)).abs() < 1e-12);
}

#[test]
fn out_of_range_assumptions_are_refused() {
    let d = dataset();
    let mut a = Assumptions::from_history(&d);
    a.korean_cpi.flat = 55.0;
    let err = a.check(&d).unwrap_err().to_string();
    assert!(err.contains("Korean CPI"), "{err}");
    assert!(err.contains("55"), "{err}");
}

fn series_at(points: &[sma_dash::econ::CostPoint], year: i32) -> f64 {
    points
        .iter()
        .find(|p| p.year == year)
        .and_then(|p| p.value)
        .expect("a value")
}

#[test]
fn cost_metrics_derive_from_the_record() {
    use sma_dash::econ::{CostView, Currency, Metric, TroopBasis, cost_series};
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    let view = |metric, troops| CostView {
        metric,
        currency: Currency::Local,
        real: false,
        troops,
    };
    let yoy = cost_series(&e, None, &view(Metric::YearOnYear, TroopBasis::Counted));
    assert!((series_at(&yoy, 2019) - (10389.0 / 9602.0 - 1.0) * 100.0).abs() < 1e-9);
    // 960.2 bn won over 25,813 service members (DMDC, 30 Sep 2018): 37.2 million won each.
    let per = cost_series(
        &e,
        None,
        &view(Metric::PerServiceMember, TroopBasis::Counted),
    );
    assert!((series_at(&per, 2018) - 960.2 * 1000.0 / 25_813.0).abs() < 1e-9);
    // The same over the 28,500 headline level.
    let per_headline = cost_series(
        &e,
        None,
        &view(Metric::PerServiceMember, TroopBasis::Headline),
    );
    assert!((series_at(&per_headline, 2018) - 960.2 * 1000.0 / 28_500.0).abs() < 1e-9);
    let cumulative = cost_series(&e, None, &view(Metric::Cumulative, TroopBasis::Counted));
    let sum: f64 = (2005..=2026)
        .map(|y| d.contribution(y).unwrap().local_100m.unwrap() / 10.0)
        .sum();
    assert!((series_at(&cumulative, 2026) - series_at(&cumulative, 2004) - sum).abs() < 1e-6);
}

#[test]
fn each_currency_draws_the_agreed_figure_else_converts_at_the_years_rate() {
    use sma_dash::econ::{
        CostView, Currency, CurrencyOrigin, Metric, Origin, Status, TroopBasis, cost_series,
    };
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    let view = CostView {
        metric: Metric::Contribution,
        currency: Currency::Usd,
        real: false,
        troops: TroopBasis::Counted,
    };
    let rate = |year: i32| d.exchange_rate(year).unwrap().per_usd;
    let usd = cost_series(&e, None, &view);
    let at = |year: i32| usd.iter().find(|p| p.year == year).unwrap();
    // 1993 was agreed in dollars: kept as published.
    let y1993 = at(1993);
    assert_eq!(
        (y1993.value, y1993.origin),
        (Some(220.0), CurrencyOrigin::Published)
    );
    assert_eq!(y1993.status(&view), Status::Recorded);
    // 2018's won figure at 2018's average rate (1,099.29 won per dollar): converted,
    // and labelled so, never "recorded".
    let y2018 = at(2018);
    assert!((y2018.value.unwrap() - 9602.0 * 100.0 / 1099.29).abs() < 1e-9);
    assert!(matches!(
        y2018.origin,
        CurrencyOrigin::Converted { per_usd, rate: Origin::Recorded } if per_usd == 1099.29
    ));
    assert_eq!(y2018.status(&view), Status::Converted);
    // 2009 and 2014 were agreed in won: the press's dollar figures ($571 M, $866.86 M)
    // are reported beside, the series converts at the year's rate like every won year.
    for year in [2009, 2014] {
        let p = at(year);
        let krw = d.contribution(year).unwrap().local_100m.unwrap();
        assert!((p.value.unwrap() - krw * 100.0 / rate(year)).abs() < 1e-9);
        assert_eq!(p.status(&view), Status::Converted, "{year}");
        assert!(!d.contribution(year).unwrap().reported.is_empty());
    }
    assert!((at(2009).value.unwrap() - 596.25).abs() < 0.01);
    // 2004, the 5th SMA: $72.3 M plus 660.1 bn won at 2004's rate.
    let y2004 = at(2004);
    assert!((y2004.value.unwrap() - (72.3 + 6601.0 * 100.0 / rate(2004))).abs() < 1e-9);
    assert!(matches!(y2004.origin, CurrencyOrigin::Combined { .. }));
    assert_eq!(y2004.status(&view), Status::Converted);
    // In won, 1993 is converted from its dollars, 2014 is the published 920.0 bn, 2004
    // is 660.1 bn plus the dollar part at 2004's rate.
    let won = cost_series(
        &e,
        None,
        &CostView {
            currency: Currency::Local,
            ..view
        },
    );
    let w = |year: i32| won.iter().find(|p| p.year == year).unwrap();
    assert!(w(1993).origin.is_converted());
    assert!((w(1993).value.unwrap() - 220.0 * rate(1993) / 1000.0).abs() < 1e-9);
    assert_eq!(w(2014).value, Some(920.0));
    assert!((w(2004).value.unwrap() - (660.1 + 72.3 * rate(2004) / 1000.0)).abs() < 1e-9);
    // Real terms are derived, whatever the source printed.
    let real = cost_series(&e, None, &CostView { real: true, ..view });
    let r2014 = real.iter().find(|p| p.year == 2014).unwrap();
    assert_eq!(
        r2014.status(&CostView { real: true, ..view }),
        Status::Derived
    );
}

#[test]
fn the_change_is_computed_only_between_years_of_one_basis() {
    use sma_dash::econ::{CostView, Currency, Metric, TroopBasis, cost_series};
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    for currency in [Currency::Local, Currency::Usd] {
        let view = CostView {
            metric: Metric::YearOnYear,
            currency,
            real: false,
            troops: TroopBasis::Counted,
        };
        let series = cost_series(&e, None, &view);
        let at = |year: i32| series.iter().find(|p| p.year == year).unwrap();
        // The currency changed from 2004 (both) to 2005 (won): no number.
        assert!(at(2005).basis_changed, "{currency:?}");
        assert_eq!(at(2005).value, None, "{currency:?}");
        // Within one basis the change is there: 2009 in won is up 2.5 %.
        assert!(!at(2009).basis_changed);
        assert!(at(2009).value.is_some());
    }
    let won = cost_series(
        &e,
        None,
        &CostView {
            metric: Metric::YearOnYear,
            currency: Currency::Local,
            real: false,
            troops: TroopBasis::Counted,
        },
    );
    let y2009 = won.iter().find(|p| p.year == 2009).unwrap().value.unwrap();
    assert!((y2009 - (7600.0 / 7415.0 - 1.0) * 100.0).abs() < 1e-9);
}

#[test]
fn the_difference_between_scenarios_is_year_by_year() {
    use sma_dash::econ::metrics::difference;
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    let sma = project(&e, ScenarioId::CurrentAgreement).unwrap();
    let demand = project(&e, ScenarioId::Demand10bn).unwrap();
    let diff = difference(&demand, &sma);
    assert_eq!(
        diff.first().map(|d| d.1),
        Some(0.0),
        "both start from the recorded 2026"
    );
    let y2030 = diff.iter().find(|(y, _)| *y == 2030).unwrap().1;
    assert!(
        (y2030 - (demand.at(2030).unwrap().local_100m - sma.at(2030).unwrap().local_100m)).abs()
            < 1e-9
    );
    let total: f64 = diff.iter().map(|(_, v)| v).sum();
    assert!((total - (demand.total(2026, a.horizon) - sma.total(2026, a.horizon))).abs() < 1e-6);
}

#[test]
fn a_rate_set_for_one_year_overrides_the_flat_rate_there_only() {
    let d = dataset();
    let mut a = Assumptions::from_history(&d);
    a.set(AssumptionId::KoreanCpi, 2.0);
    a.korean_cpi.by_year.insert(2027, 7.0);
    let p = project(&Economy::new(&d, &a), ScenarioId::CurrentAgreement).unwrap();
    // 2027 CPI feeds 2029 (two-year lag), where the 5 % cap binds; 2028 and 2030 use 2 %.
    let growth = |y: i32| p.at(y).unwrap().local_100m / p.at(y - 1).unwrap().local_100m - 1.0;
    assert!((growth(2028) - 0.02).abs() < 1e-12);
    assert!((growth(2029) - 0.05).abs() < 1e-12 && p.at(2029).unwrap().capped);
    assert!((growth(2030) - 0.02).abs() < 1e-12);
}
