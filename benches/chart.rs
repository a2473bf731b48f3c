//! A chart for publication drawn in process: the figure from the app's series, the SVG
//! text, and the PNG (parse, lay out the text in the embedded font, rasterise, encode)
//! at 1200×675, for each chart.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

use sma_dash::app::Pane;
use sma_dash::publish::{Size, Theme, to_png, to_svg};

fn charts(c: &mut Criterion) {
    let mut group = c.benchmark_group("chart");
    let app =
        sma_dash::config::Config::defaults().app_with(common::embedded(), |i| i.show_band = true);
    let size = Size::default();
    for (name, pane) in [
        ("costs", Pane::Costs),
        ("troops", Pane::Troops),
        ("scenarios", Pane::Assumptions),
    ] {
        group.bench_function(format!("{name}/figure"), |b| {
            b.iter(|| app.figure(pane).expect("a chart pane"))
        });
        let figure = app.figure(pane).expect("a chart pane");
        group.bench_function(format!("{name}/svg"), |b| {
            b.iter(|| to_svg(&figure, size, Theme::Light))
        });
        let svg = to_svg(&figure, size, Theme::Light);
        group.bench_function(format!("{name}/png"), |b| {
            b.iter(|| to_png(&svg, size).expect("the SVG draws"))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = charts
}
criterion_main!(benches);
