//! What the benches share: the apps they measure, the screens and sizes, one frame.

#![allow(dead_code)] // each bench uses some of these

use std::time::Duration;

use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sma_dash::app::{App, Pane};
use sma_dash::data::Dataset;
use sma_dash::data::synthetic::{MAX_YEARS, synthetic};
use sma_dash::runtime;

/// The sizes every frame is measured at.
pub const SIZES: [(u16, u16); 3] = [(80, 24), (200, 60), (400, 120)];

/// The synthetic dataset's size: 100,000 events, 50 agreements, and yearly series as
/// long as the dataset's rules allow (1945–2090, 146 years; see BENCHMARKS.md).
pub const SCALE_EVENTS: usize = 100_000;
pub const SCALE_YEARS: usize = MAX_YEARS - 10;
pub const SCALE_AGREEMENTS: usize = 50;

/// Short runs, so that a plain `cargo bench` ends in minutes; the command line
/// (`--measurement-time`, `--sample-size`) still overrides these.
pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
}

pub fn embedded() -> Dataset {
    Dataset::embedded().expect("the embedded dataset loads")
}

pub fn at_scale() -> Dataset {
    synthetic(SCALE_EVENTS, SCALE_YEARS, SCALE_AGREEMENTS)
}

/// The default screen and each pane zoomed, by name.
pub fn screens() -> Vec<(&'static str, Option<Pane>)> {
    let mut screens = vec![("default", None)];
    screens.extend(Pane::ALL.map(|p| {
        let name = match p {
            Pane::Timeline => "zoom-timeline",
            Pane::Costs => "zoom-costs",
            Pane::Troops => "zoom-troops",
            Pane::Assumptions => "zoom-assumptions",
        };
        (name, Some(p))
    }));
    screens
}

/// `app` showing `screen`: the dashboard, or one pane zoomed.
pub fn show(app: &mut App, screen: Option<Pane>) {
    app.zoom = screen.is_some();
    if let Some(p) = screen {
        app.focus = p;
    }
}

/// A terminal of `width`×`height` with `app` drawn on it once, as the runtime starts.
pub fn terminal(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    frame(&mut terminal, app);
    terminal
}

/// One frame as the runtime draws it: the layout's viewport, the view, the diff
/// against the previous frame written to the backend.
pub fn frame(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    runtime::draw(terminal, app).expect("a frame draws");
}

/// `app` with cost and troop series `years` long, ending where its own end: the
/// dataset's rules stop real series at 1945–2100, so the "2,000-year series" of the
/// scale targets are put straight into the state the view draws.
pub fn with_long_series(app: &mut App, years: usize) {
    let last = app.derived().costs.last().map_or(2035, |p| p.year);
    let first = last - years as i32 + 1;
    let template = app.derived().costs[0];
    let costs = (first..=last)
        .map(|year| sma_dash::econ::CostPoint {
            year,
            value: Some(1000.0 + f64::from(year % 97) * 10.0),
            projected: year > 2026,
            ..template
        })
        .collect();
    let troops = (first..=last)
        .map(|year| sma_dash::app::TroopPoint {
            year,
            counted: Some(20_000 + (year % 89) as u32 * 100),
            headline: Some(28_500),
        })
        .collect();
    app.set_long_series(costs, Some(troops));
}
