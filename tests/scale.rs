//! The dashboard at a hundred times today's size: a synthetic dataset of 100,000 events,
//! 50 agreements and the longest yearly series the dataset's rules allow loads, and the
//! real run loop draws it at 200×60 and through a few keys without panicking.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sma_dash::app::App;
use sma_dash::data::synthetic::{MAX_YEARS, synthetic};
use sma_dash::runtime::{Exit, ScriptedEvents, run};

#[test]
fn a_synthetic_dataset_at_scale_loads_and_renders_at_200x60() {
    let data = synthetic(100_000, MAX_YEARS - 10, 50);
    assert_eq!(data.agreements.len(), 50);
    assert!(data.events.len() >= 100_000);
    let mut app = App::new(data);
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
