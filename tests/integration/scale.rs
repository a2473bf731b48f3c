//! The dashboard at a hundred times today's size: a synthetic dataset of 100,000 events,
//! 50 agreements and the longest yearly series the dataset's rules allow loads, and the
//! real run loop draws it at 200×60 and through a few keys without panicking.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sma_dash::data::synthetic::{MAX_YEARS, synthetic};
use sma_dash::runtime::{Exit, ScriptedEvents, run};

#[test]
fn a_synthetic_dataset_at_scale_loads_and_renders_at_200x60() {
    let data = synthetic(100_000, MAX_YEARS - 10, 50);
    assert_eq!(data.agreements.len(), 50);
    assert!(data.events.len() >= 100_000);
    let mut app = sma_dash::config::default_app(data);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    // Move the year, page the timeline, search, filter, zoom each pane.
    let mut keys = ScriptedEvents::typed("hhllGg]]/Honolulu")
        .key(sma_dash::app::Key::plain(sma_dash::app::KeyCode::Enter))
        .text("nNf2zz3zz4z+z");
    assert_eq!(
        run(&mut terminal, &mut app, &mut keys).unwrap(),
        Exit::EndOfInput
    );
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Synthetic event"), "{screen}");
}

/// Series of 2,000 years (past what the dataset's rules allow, so put straight into
/// the state the view draws) are thinned to the chart's width: every column holds at
/// most one bar, and the years are still labelled at round intervals.
#[test]
fn a_2000_year_series_is_thinned_to_the_chart() {
    let mut app = sma_dash::config::default_app(sma_dash::data::Dataset::embedded().unwrap());
    let template = app.derived().costs[0];
    let last = app.derived().costs.last().unwrap().year;
    let first = last - 1999;
    app.set_long_series(
        (first..=last)
            .map(|year| sma_dash::econ::CostPoint {
                year,
                value: Some(1000.0 + f64::from(year % 97)),
                ..template
            })
            .collect(),
        None,
    );
    app.focus = sma_dash::app::Pane::Costs;
    app.zoom = true;
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    run(&mut terminal, &mut app, &mut ScriptedEvents::typed("")).unwrap();
    let screen = sma_dash::render::buffer_text(terminal.backend().buffer(), false);
    // Years at round intervals: every hundred years or so, under their bars.
    let axis = screen
        .lines()
        .find(|l| l.contains(" 1000 ") && l.contains(" 2000"))
        .expect("round years labelled");
    let years: Vec<i32> = axis
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    let step = years[1] - years[0];
    assert!([100, 200].contains(&step), "{axis}");
    assert!(
        years.windows(2).all(|w| w[1] - w[0] == step) && years.iter().all(|y| y % step == 0),
        "{axis}"
    );
    assert!(years.len() >= 8, "{axis}");
    // The cursor's year (2026) would touch 2000's label: the legend names it.
    assert!(screen.contains("▼ 2026"), "{screen}");
    // One bar a column at most: the chart has fewer than 200 columns, 2,000 years.
    let bars = screen
        .lines()
        .map(|l| l.chars().filter(|c| "▁▂▃▄▅▆▇█".contains(*c)).count())
        .max()
        .unwrap();
    assert!((50..200).contains(&bars), "{bars} bars in the widest row");
}
