//! Bytes written to the terminal: one step of the year cursor writes only the cells
//! that changed, through ratatui's real crossterm backend into a counting writer.
//! `cargo test --release --test integration bytes:: -- --nocapture` prints the figures.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use sma_dash::app::{Action, App, Reply, reply, update};
use sma_dash::data::Dataset;
use sma_dash::ui;

/// Counts what is written, and keeps nothing.
#[derive(Clone, Default)]
struct Counting(Rc<Cell<usize>>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A frame as the runtime draws it, at a fixed size (no terminal to ask for one):
/// returns what it drew.
fn draw(terminal: &mut Terminal<CrosstermBackend<Counting>>, app: &mut App) -> Buffer {
    let size = terminal.get_frame().area();
    let rows = ui::layout::timeline_viewport(app, size);
    reply(app, Reply::TimelineViewport(rows));
    let mut drawn = Buffer::empty(size);
    terminal
        .draw(|f| {
            ui::view(app, f);
            drawn = f.buffer_mut().clone();
        })
        .unwrap();
    drawn
}

#[test]
fn a_cursor_step_writes_only_the_cells_that_changed() {
    let size = Rect::new(0, 0, 200, 60);
    let count = Counting::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(count.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(size),
        },
    )
    .unwrap();
    let mut app = sma_dash::config::default_app(Dataset::embedded().unwrap());
    let before = draw(&mut terminal, &mut app);
    let first = count.0.replace(0);
    update(&mut app, Action::MoveYear(-1));
    let after = draw(&mut terminal, &mut app);
    let step = count.0.get();
    let changed = before.diff(&after).len();
    println!(
        "200x60: first frame {first} bytes; one year-cursor step {step} bytes for {changed} changed cells of {}",
        size.area()
    );
    assert!(changed > 0 && changed < 2000, "{changed} cells changed");
    // Only the changed cells: each costs its symbol, and a cursor move or a colour.
    assert!(step < first / 4, "{step} bytes of {first}");
    assert!(step <= changed * 40, "{step} bytes for {changed} cells");
}
