//! A full frame: one key's `update`, the view, the diff into a `TestBackend`, at three
//! sizes, for the default screen and each pane zoomed; the embedded dataset and the
//! synthetic one at scale.

mod common;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};

use sma_dash::app::{Action, App, Inputs, Pane, update};
use sma_dash::data::Dataset;

/// Each frame follows a step of the year cursor, back and forth, so every frame has
/// something to redraw: the bars, the timeline selection, the values.
///
/// The app is built on the first benchmark the filter selects, not before.
fn frames(c: &mut Criterion, dataset: &str, data: fn() -> Dataset, sizes: &[(u16, u16)]) {
    let mut group = c.benchmark_group(format!("frame/{dataset}"));
    let mut app = None;
    for (screen, pane) in common::screens() {
        for &(w, h) in sizes {
            group.bench_function(format!("{screen}/{w}x{h}"), |b| {
                let app = app.get_or_insert_with(|| sma_dash::config::default_app(data()));
                common::show(app, pane);
                let mut terminal = common::terminal(app, w, h);
                let mut step = -1;
                b.iter(|| {
                    update(app, Action::MoveYear(step));
                    step = -step;
                    common::frame(&mut terminal, app);
                })
            });
        }
    }
    group.finish();
}

/// Frames of `app` at each of `sizes`, a year-cursor step each, as `{name}/{w}x{h}`.
fn steps(group: &mut BenchmarkGroup<WallTime>, name: &str, app: &mut App, sizes: &[(u16, u16)]) {
    for &(w, h) in sizes {
        group.bench_function(format!("{name}/{w}x{h}"), |b| {
            let mut terminal = common::terminal(app, w, h);
            let mut step = -1;
            b.iter(|| {
                update(app, Action::MoveYear(step));
                step = -step;
                common::frame(&mut terminal, app);
            })
        });
    }
}

/// The charts with 2,000-year series: thinned to their width before they are drawn.
fn long_series(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame/long-series");
    let mut app = sma_dash::config::default_app(common::embedded());
    for (screen, pane) in [("zoom-costs", Pane::Costs), ("zoom-troops", Pane::Troops)] {
        common::show(&mut app, Some(pane));
        // The troops chart draws the whole series only with its history shown (`a`).
        app.change(|i| i.troop_history = pane == Pane::Troops);
        common::with_long_series(&mut app, 2_000);
        steps(&mut group, screen, &mut app, &common::SIZES);
    }
    group.finish();
}

/// The screens issue 11 added: every chart pane as a table, all five scenarios on the
/// Costs chart (the pinned one and four compared), the band on bars and on a line.
fn features(c: &mut Criterion) {
    use sma_dash::econ::ScenarioId;
    let mut group = c.benchmark_group("frame/features");
    type Setup = fn(&mut Inputs);
    let setups: [(&str, Option<Pane>, Setup); 6] = [
        ("tables", None, |i| i.tables = [false, true, true, true]),
        ("zoom-costs-table", Some(Pane::Costs), |i| {
            i.tables = [false, true, false, false]
        }),
        ("compare-all", None, |i| {
            i.compare = ScenarioId::ALL[1..].to_vec();
        }),
        ("zoom-costs-compare-all", Some(Pane::Costs), |i| {
            i.compare = ScenarioId::ALL[1..].to_vec();
        }),
        ("band", None, |i| i.show_band = true),
        ("band-line", None, |i| {
            i.show_band = true;
            i.chart = sma_dash::app::ChartStyle::Line;
        }),
    ];
    for (name, pane, setup) in setups {
        let mut app = sma_dash::config::Config::defaults().app_with(common::embedded(), setup);
        common::show(&mut app, pane);
        steps(&mut group, name, &mut app, &common::SIZES);
    }
    group.finish();
}

fn embedded(c: &mut Criterion) {
    frames(c, "embedded", common::embedded, &common::SIZES);
}

fn at_scale(c: &mut Criterion) {
    frames(c, "scale", common::at_scale, &common::SIZES);
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = embedded, at_scale, long_series, features
}
criterion_main!(benches);
