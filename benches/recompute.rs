//! Recomputing every scenario after one assumption changes: what each `+` or `-` costs.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use sma_dash::data::Dataset;
use sma_dash::econ::{AssumptionId, Assumptions, CostView, Economy, cost_series, project_all};

fn recompute(c: &mut Criterion) {
    let data = Dataset::embedded().expect("valid");
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
    c.bench_function("load and validate the embedded dataset", |b| {
        b.iter(|| black_box(Dataset::embedded().expect("valid")))
    });
}

criterion_group!(benches, recompute);
criterion_main!(benches);
