//! Each action's `update` on its own, from a state where it does its work, on the
//! embedded dataset; the actions whose cost grows with the data again at scale.

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use sma_dash::app::Edit::{Backspace, Insert};
use sma_dash::app::{Action, App, Pane, Reply, reply, update};
use sma_dash::data::Dataset;

/// Each case: a name, the actions that set the state up, and the action measured.
fn cases() -> Vec<(&'static str, Vec<Action>, Action)> {
    use Action::*;
    let search = |q: &str| {
        let mut v = vec![StartSearch];
        v.extend(q.chars().map(|c| Edit(Insert(c))));
        v
    };
    let mut searched = search("round");
    searched.push(PromptConfirm);
    vec![
        ("quit", vec![], Quit),
        ("help", vec![], ToggleHelp),
        (
            "scroll-help",
            // And the runtime's measure of it: `setup_replies`.
            vec![ToggleHelp],
            Move(1),
        ),
        ("close-overlay", vec![ToggleHelp], CloseOverlay),
        ("focus-next", vec![], FocusNext),
        ("focus-prev", vec![], FocusPrev),
        ("focus", vec![], Focus(Pane::Costs)),
        ("zoom", vec![], ToggleZoom),
        ("year-prev", vec![], MoveYear(-1)),
        ("row-down", vec![], Move(1)),
        ("page-down", vec![First], Page(1)),
        ("first-row", vec![], First),
        ("last-row", vec![First], Last),
        ("agreement-next", vec![First], JumpAgreement(1)),
        (
            "go-to-year",
            vec![
                StartGoToYear,
                Edit(Insert('2')),
                Edit(Insert('0')),
                Edit(Insert('1')),
                Edit(Insert('4')),
            ],
            PromptConfirm,
        ),
        ("select-row", vec![], SelectRow(5)),
        ("detail", vec![], ToggleDetail),
        ("filter", vec![], CycleFilter(1)),
        ("start-search", vec![], StartSearch),
        ("search-input", search("hon"), Edit(Insert('o'))),
        ("search-backspace", search("hono"), Edit(Backspace)),
        ("search-confirm", search("hono"), PromptConfirm),
        ("search-cancel", search("hono"), PromptCancel),
        ("search-next", searched, SearchAgain(1)),
        ("metric", vec![], CycleMetric),
        ("currency", vec![], ToggleCurrency),
        ("real", vec![], ToggleReal),
        ("chart", vec![], ToggleChartStyle),
        ("projections", vec![], ToggleProjections),
        ("assumption-down", vec![Focus(Pane::Assumptions)], Move(1)),
        ("table", vec![Focus(Pane::Costs)], ToggleTable),
        ("pin", vec![Focus(Pane::Assumptions), Move(9)], Activate),
        (
            "compare",
            vec![Focus(Pane::Assumptions), Move(9)],
            ToggleCompare,
        ),
        (
            "type-value",
            vec![Focus(Pane::Assumptions), StartInput, Edit(Insert('3'))],
            PromptConfirm,
        ),
        (
            "raise",
            vec![],
            StepAssumption {
                direction: 1,
                big: false,
            },
        ),
        (
            "reset",
            vec![StepAssumption {
                direction: 1,
                big: true,
            }],
            ResetAssumption,
        ),
        // A megabyte pasted into each prompt: one edit, cut at the limit, the search
        // run once.
        ("paste-1mb-search", vec![StartSearch], Paste(megabyte())),
        ("paste-1mb-name", vec![StartSave], Paste(megabyte())),
        (
            "paste-1mb-value",
            vec![Focus(Pane::Assumptions), StartInput],
            Paste(megabyte()),
        ),
        ("paste-1mb-dashboard", vec![], Paste(megabyte())),
    ]
}

/// The runtime's replies a case's state needs after its actions: an overlay's measure.
fn setup_replies(name: &str) -> Vec<Reply> {
    match name {
        "scroll-help" => vec![Reply::OverlayViewport {
            max_scroll: 40,
            page: 20,
        }],
        _ => Vec::new(),
    }
}

/// The runtime's measure of the timeline list after a resize (a reply, not an action).
fn viewport(c: &mut Criterion, dataset: &str, data: fn() -> Dataset) {
    let app = sma_dash::config::default_app(data());
    c.bench_function(&format!("update/{dataset}/viewport"), |b| {
        b.iter_batched_ref(
            || app.clone(),
            |app| black_box(reply(app, Reply::TimelineViewport(20))),
            BatchSize::LargeInput,
        );
    });
}

/// A megabyte of text, lines of words and figures as people copy them.
fn megabyte() -> String {
    let line = "see the 2014 figure, then quit: 920.0 bn won (confirmed)\n";
    line.repeat((1 << 20) / line.len() + 1)
}

/// Each action on a fresh copy of the prepared state; the copies (of the state, and of
/// the action, which may hold a megabyte) are not timed.
fn actions(c: &mut Criterion, dataset: &str, data: fn() -> Dataset, only: &[&str]) {
    use Action::Quit;
    let mut group = c.benchmark_group(format!("update/{dataset}"));
    let mut base: Option<App> = None;
    for (name, setup, action) in cases() {
        if !only.is_empty() && !only.contains(&name) {
            continue;
        }
        group.bench_function(name, |b| {
            let mut app = base
                .get_or_insert_with(|| sma_dash::config::default_app(data()))
                .clone();
            for a in &setup {
                update(&mut app, a.clone());
            }
            for r in setup_replies(name) {
                reply(&mut app, r);
            }
            b.iter_batched_ref(
                || (app.clone(), action.clone()),
                |(app, action)| black_box(update(app, std::mem::replace(action, Quit))),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

/// The recomputation a `+` or `-` sets off, back and forth on one app: as it opens,
/// with the band on, and with the band and a comparison of all five scenarios.
fn recompute(c: &mut Criterion, dataset: &str, data: fn() -> Dataset) {
    type Setup = fn(&mut sma_dash::app::Inputs);
    let setups: [(&str, Setup); 3] = [
        ("step-korean-cpi", |_| {}),
        ("step-korean-cpi-band", |i| i.show_band = true),
        ("step-korean-cpi-band-compare-all", |i| {
            i.show_band = true;
            i.compare = sma_dash::econ::ScenarioId::ALL[1..].to_vec();
        }),
    ];
    for (name, setup) in setups {
        let mut app = None;
        let mut up = 1;
        c.bench_function(&format!("recompute/{dataset}/{name}"), |b| {
            let app = app.get_or_insert_with(|| {
                sma_dash::config::Config::defaults().app_with(data(), setup)
            });
            b.iter(|| {
                app.change(|i| {
                    i.assumptions
                        .step(sma_dash::econ::AssumptionId::KoreanCpi, up, false);
                });
                up = -up;
            })
        });
    }
}

fn embedded(c: &mut Criterion) {
    actions(c, "embedded", common::embedded, &[]);
    viewport(c, "embedded", common::embedded);
    recompute(c, "embedded", common::embedded);
}

fn at_scale(c: &mut Criterion) {
    let grows = [
        "paste-1mb-search",
        "year-prev",
        "row-down",
        "last-row",
        "agreement-next",
        "filter",
        "search-input",
        "search-confirm",
        "search-next",
        "raise",
        "metric",
    ];
    actions(c, "scale", common::at_scale, &grows);
    recompute(c, "scale", common::at_scale);
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = embedded, at_scale
}
criterion_main!(benches);
