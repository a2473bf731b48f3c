//! Properties of the projections over every assumption in range.

use proptest::prelude::*;

use sma_dash::data::{Dataset, EscalationRule};
use sma_dash::econ::{
    AssumptionId, Assumptions, BandSpreads, CostView, Currency, Economy, Metric, PriceIndex,
    ScenarioId, TroopBasis, band, cost_series, dashboard_bands, project, project_all, spec,
    spread_spec,
};

fn dataset() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| Dataset::embedded().expect("valid"))
}

fn in_range(id: AssumptionId) -> impl Strategy<Value = f64> {
    let s = spec(id);
    s.min..=s.max
}

fn assumptions_in_range() -> impl Strategy<Value = Assumptions> {
    (
        in_range(AssumptionId::KoreanCpi),
        in_range(AssumptionId::UsCpi),
        in_range(AssumptionId::KrwPerUsd),
        in_range(AssumptionId::DefenseGrowth),
        in_range(AssumptionId::CustomGrowth),
        1991..=2060i32,
        2027..=2060i32,
    )
        .prop_map(|(cpi, us, fx, defense, custom, base, horizon)| {
            let mut a = Assumptions::from_history(dataset());
            a.set(AssumptionId::KoreanCpi, cpi);
            a.set(AssumptionId::UsCpi, us);
            a.set(AssumptionId::KrwPerUsd, fx);
            a.set(AssumptionId::DefenseGrowth, defense);
            a.set(AssumptionId::CustomGrowth, custom);
            a.set(AssumptionId::Horizon, horizon as f64);
            a.set(AssumptionId::BaseYear, base as f64);
            a
        })
}

/// Assumptions in range, with a year set apart in two of the rates.
fn assumptions_with_years_apart() -> impl Strategy<Value = Assumptions> {
    (
        assumptions_in_range(),
        0..=40i32,
        in_range(AssumptionId::KoreanCpi),
        0..=40i32,
        in_range(AssumptionId::KrwPerUsd),
    )
        .prop_map(|(mut a, cpi_at, cpi, fx_at, fx)| {
            // Korean CPI and won per dollar are recorded through 2025.
            let year = |offset: i32| 2026 + offset % (a.horizon - 2025);
            a.korean_cpi.by_year.insert(year(cpi_at), cpi);
            a.krw_per_usd.by_year.insert(year(fx_at), fx);
            a
        })
}

fn spread(id: AssumptionId) -> impl Strategy<Value = f64> {
    let s = spread_spec(id).unwrap();
    prop_oneof![Just(s.min), Just(s.max), s.min..=s.max]
}

fn spreads_in_range() -> impl Strategy<Value = BandSpreads> {
    (
        spread(AssumptionId::KoreanCpi),
        spread(AssumptionId::UsCpi),
        spread(AssumptionId::KrwPerUsd),
        spread(AssumptionId::DefenseGrowth),
    )
        .prop_map(
            |(korean_cpi, us_cpi, krw_per_usd_pct, defense_growth)| BandSpreads {
                korean_cpi,
                us_cpi,
                krw_per_usd_pct,
                defense_growth,
            },
        )
}

fn any_view() -> impl Strategy<Value = CostView> {
    (
        prop::sample::select(Metric::ALL.to_vec()),
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(metric, usd, real, headline)| CostView {
            metric,
            currency: if usd { Currency::Usd } else { Currency::Local },
            real,
            troops: if headline {
                TroopBasis::Headline
            } else {
                TroopBasis::Counted
            },
        })
}

fn with_cpi(cpi: f64) -> Assumptions {
    let mut a = Assumptions::from_history(dataset());
    a.set(AssumptionId::KoreanCpi, cpi);
    a.set(AssumptionId::Horizon, 2050.0);
    a
}

/// The cap of the rule the current agreement continues with.
fn current_cap() -> f64 {
    let d = dataset();
    let a = d
        .agreement_for_year(d.last_recorded_year().unwrap())
        .unwrap();
    match a.rules.last().map(|p| &p.rule) {
        Some(EscalationRule::CpiLinked {
            cap_pct: Some(cap), ..
        }) => *cap,
        other => panic!("expected a capped CPI rule, found {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn projection_never_falls_when_cpi_rises(low in -5.0..=20.0f64, rise in 0.0..=10.0f64) {
        let high = (low + rise).min(20.0);
        let d = dataset();
        let (a_low, a_high) = (with_cpi(low), with_cpi(high));
        let p_low = project(&Economy::new(d, &a_low), ScenarioId::CurrentAgreement).unwrap();
        let p_high = project(&Economy::new(d, &a_high), ScenarioId::CurrentAgreement).unwrap();
        for (l, h) in p_low.years.iter().zip(&p_high.years) {
            prop_assert!(h.local_100m >= l.local_100m, "{}: {} < {}", l.year, h.local_100m, l.local_100m);
        }
    }

    #[test]
    fn no_year_exceeds_the_cap(cpi in -5.0..=20.0f64) {
        let d = dataset();
        let a = with_cpi(cpi);
        let cap = current_cap();
        let p = project(&Economy::new(d, &a), ScenarioId::CurrentAgreement).unwrap();
        for pair in p.years.windows(2) {
            let growth = (pair[1].local_100m / pair[0].local_100m - 1.0) * 100.0;
            prop_assert!(growth <= cap + 1e-9, "{}: {growth} % over the {cap} % cap", pair[1].year);
            prop_assert_eq!(pair[1].capped, cpi > cap && pair[1].year >= 2028);
        }
    }

    #[test]
    fn real_to_nominal_to_real_returns_the_input(
        a in assumptions_in_range(),
        value in 0.0..1e7f64,
        year in 1990..=2060i32,
        base in 1990..=2060i32,
    ) {
        let e = Economy::new(dataset(), &a);
        for index in [PriceIndex::host(&e, 2060), PriceIndex::us(&e, 2060)] {
            let real = index.to_real(value, year, base).unwrap();
            let back = index.to_nominal(real, year, base).unwrap();
            prop_assert!((back - value).abs() <= 1e-9 * value.max(1.0));
        }
    }

    #[test]
    fn totals_over_a_span_equal_the_sum_of_its_years(
        a in assumptions_in_range(),
        from in 2026..=2060i32,
        len in 0..=20i32,
    ) {
        let to = from + len;
        for p in project_all(&Economy::new(dataset(), &a)) {
            let sum: f64 = (from..=to).filter_map(|y| p.at(y)).map(|y| y.local_100m).sum();
            prop_assert!((p.total(from, to) - sum).abs() <= 1e-9 * sum.max(1.0));
        }
    }

    #[test]
    fn nothing_is_nan_on_any_assumption_in_range(a in assumptions_in_range()) {
        prop_assert!(a.check(dataset()).is_ok());
        let e = Economy::new(dataset(), &a);
        let projections = project_all(&e);
        prop_assert_eq!(projections.len(), ScenarioId::ALL.len());
        for p in &projections {
            prop_assert_eq!(p.years.last().unwrap().year, a.horizon);
            for y in &p.years {
                prop_assert!(y.local_100m.is_finite() && y.local_100m >= 0.0);
            }
            for metric in Metric::ALL {
                for currency in [Currency::Local, Currency::Usd] {
                    for real in [false, true] {
                        let view = CostView { metric, currency, real, troops: TroopBasis::Headline };
                        for point in cost_series(&e, Some(p), &view) {
                            prop_assert!(point.value.is_none_or(f64::is_finite), "{point:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_band_holds_the_central_path_in_every_year(
        a in assumptions_with_years_apart(),
        spreads in spreads_in_range(),
        scenario in prop::sample::select(ScenarioId::ALL.to_vec()),
        view in any_view(),
    ) {
        prop_assert!(a.check(dataset()).is_ok());
        prop_assert!(spreads.check().is_ok());
        let e = Economy::new(dataset(), &a);
        let projections = project_all(&e);
        let p = projections.iter().find(|p| p.scenario == scenario).unwrap();
        let series = cost_series(&e, Some(p), &view);
        let b = band(&e, p, &view, &spreads);
        prop_assert_eq!(b.points.len(), p.years.len());
        for (i, y) in b.points.iter().enumerate() {
            // The central path is the cost series, year by year.
            let shown = series.iter().rev().find(|c| c.year == y.year).unwrap();
            prop_assert_eq!(y.central, shown.value, "{}", y.year);
            match (y.low, y.central, y.high) {
                (Some(low), Some(central), Some(high)) => {
                    prop_assert!(low.is_finite() && high.is_finite(), "{y:?}");
                    prop_assert!(low <= central && central <= high, "{y:?}");
                }
                (None, None, None) => {}
                other => prop_assert!(false, "{}: {other:?}", y.year),
            }
            if i == 0 {
                prop_assert_eq!((y.low, y.high), (y.central, y.central), "the start is pinned");
            }
        }
        // The dashboard's helper gives the same band, and every scenario's amounts.
        let bands = dashboard_bands(&e, &projections, &view, scenario, &spreads);
        prop_assert_eq!(bands.charted(), Some(&b));
        for b in bands.contributions() {
            for y in &b.points {
                if let (Some(low), Some(central), Some(high)) = (y.low, y.central, y.high) {
                    prop_assert!(low <= central && central <= high, "{:?} {y:?}", b.scenario);
                }
            }
            if let Some(t) = b.total(2026, a.horizon) {
                prop_assert!(t.low <= t.central + 1e-9 * t.central.abs().max(1.0));
                prop_assert!(t.central <= t.high + 1e-9 * t.central.abs().max(1.0));
            }
        }
    }
}
