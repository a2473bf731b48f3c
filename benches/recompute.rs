//! The economics alone, and loading: what each `+` or `-` costs below the app, loading
//! and validating the embedded dataset (Korea's alone and both hosts') and the
//! synthetic one at scale, and start-up to
//! the first frame, in process and as a whole `sma-dash render` process; at scale, the
//! search text built at start-up.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::process::Command;

use sma_dash::app::timeline::SearchText;
use sma_dash::data::{Dataset, Hosts, load, synthetic::synthetic_files};
use sma_dash::econ::{
    AssumptionId, Assumptions, BandSpreads, CostView, Currency, Economy, Metric, ScenarioId,
    cost_series, dashboard_bands, project_all,
};

fn recompute(c: &mut Criterion) {
    let data = common::embedded();
    let mut assumptions = Assumptions::from_history(&data);
    let mut up = true;
    c.bench_function("step CPI and project every scenario", |b| {
        b.iter(|| {
            assumptions.step(AssumptionId::KoreanCpi, if up { 1 } else { -1 }, false);
            up = !up;
            black_box(project_all(&Economy::new(&data, &assumptions)))
        })
    });
    c.bench_function("project every scenario and the cost series", |b| {
        b.iter(|| {
            let e = Economy::new(&data, &assumptions);
            let projections = project_all(&e);
            black_box(cost_series(&e, projections.first(), &CostView::default()))
        })
    });
}

/// What `App::change` would do with the band on, after a Korean CPI step: every
/// projection, the charted cost series, and the bands (every scenario's contribution in
/// the view's currency and basis, the charted one in the view's metric). The default
/// view (nominal won), the costliest (real dollars, cumulative: three inputs, eight
/// corners, for the 12th SMA and the 11th rule), and the default view at the farthest
/// horizon (2100: 74 projected years, not 9).
fn band(c: &mut Criterion) {
    let data = common::embedded();
    let spreads = BandSpreads::default();
    let history = Assumptions::from_history(&data);
    let mut far = history.clone();
    far.set(AssumptionId::Horizon, 2100.0);
    let real_dollars = CostView {
        metric: Metric::Cumulative,
        currency: Currency::Usd,
        real: true,
        ..CostView::default()
    };
    let cases = [
        ("default view", CostView::default(), history.clone()),
        ("real dollars, cumulative", real_dollars, history),
        ("default view, horizon 2100", CostView::default(), far),
    ];
    for (name, view, mut assumptions) in cases {
        let mut up = true;
        c.bench_function(&format!("band/recompute, {name}"), |b| {
            b.iter(|| {
                assumptions.step(AssumptionId::KoreanCpi, if up { 1 } else { -1 }, false);
                up = !up;
                let e = Economy::new(&data, &assumptions);
                let projections = project_all(&e);
                let charted = ScenarioId::CurrentAgreement;
                let shown = projections.iter().find(|p| p.scenario == charted);
                let costs = cost_series(&e, shown, &view);
                let bands = dashboard_bands(&e, &projections, &view, charted, &spreads);
                black_box((costs, bands))
            })
        });
        let e = Economy::new(&data, &assumptions);
        let projections = project_all(&e);
        c.bench_function(&format!("band/bands alone, {name}"), |b| {
            b.iter(|| {
                black_box(dashboard_bands(
                    &e,
                    &projections,
                    &view,
                    ScenarioId::CurrentAgreement,
                    &spreads,
                ))
            })
        });
    }
}

fn loading(c: &mut Criterion) {
    c.bench_function("load and validate the embedded dataset", |b| {
        b.iter(|| black_box(Dataset::embedded().expect("valid")))
    });
    // Both hosts: Korea's dataset alone (what the dashboard reads at start, Japan's
    // when first needed), and everything read and checked (`sma-dash check`).
    c.bench_function("load/hosts/korea alone", |b| {
        b.iter(|| black_box(Hosts::embedded().expect("valid")))
    });
    c.bench_function("load/hosts/both and the shares", |b| {
        b.iter(|| black_box(Hosts::embedded_all().expect("valid")))
    });
    // What the first `H` (or any first key) adds: Japan's dataset read on demand.
    c.bench_function("load/hosts/japan on demand", |b| {
        b.iter_batched(
            || Hosts::embedded().expect("valid"),
            |hosts| {
                black_box(hosts.japan());
                hosts
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("start-up/in-process/embedded", |b| {
        b.iter(|| {
            let mut app = sma_dash::config::default_app(common::embedded());
            black_box(common::terminal(&mut app, 120, 40));
        })
    });
    // The binary built with this bench, drawing its first frame as `render` does.
    c.bench_function("start-up/process/sma-dash render", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_sma-dash"))
                .arg("render")
                // The defaults alone: no user config file is found.
                .env_remove("SMA_DASH_CONFIG")
                .env_remove("XDG_CONFIG_HOME")
                .env("HOME", "/nonexistent")
                .output()
                .expect("sma-dash runs");
            assert!(out.status.success());
        })
    });
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    let mut files = None;
    group.bench_function("load and validate", |b| {
        let files = files.get_or_insert_with(|| {
            synthetic_files(
                common::SCALE_EVENTS,
                common::SCALE_YEARS,
                common::SCALE_AGREEMENTS,
            )
        });
        b.iter(|| black_box(load(files).expect("valid")))
    });
    let mut data = None;
    group.bench_function("start-up/in-process", |b| {
        let data = data.get_or_insert_with(common::at_scale);
        b.iter_batched(
            || data.clone(),
            |data| {
                let mut app = sma_dash::config::default_app(data);
                black_box(common::terminal(&mut app, 120, 40));
            },
            criterion::BatchSize::LargeInput,
        )
    });
    // Part of `App::new`: every row's text cut into search tokens.
    group.bench_function("start-up/search text", |b| {
        let data = data.get_or_insert_with(common::at_scale);
        b.iter(|| black_box(SearchText::new(data)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = recompute, band, loading
}
criterion_main!(benches);
