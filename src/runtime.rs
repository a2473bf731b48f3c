//! The terminal runtime: taking and restoring the terminal, and the event loop.
//!
//! The loop blocks on input (no tick: no CPU while nothing happens), drains whatever is
//! already queued, applies it through the keymap and `update`, and draws once. Effects
//! `update` returns (save a scenario, export a pane) are carried out here with the
//! store, and what they did goes back through `update` to the status line. It is
//! generic over ratatui's `Backend` and an `EventSource`, so tests drive the real loop
//! in memory.

use std::collections::VecDeque;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;

use crate::app::{
    Action, App, Effect, ExportRequest, Key, KeyCode, Mode, Pane, SaveReport, update,
};
use crate::econ::Assumptions;
use crate::publish::{self, Figure, Size, Theme};
use crate::store;
use crate::ui;
use crate::ui::layout::Hit;

/// One input, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Mouse(Mouse),
    Resize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    WheelUp,
    WheelDown,
}

/// Where inputs come from: the terminal, or a script in tests.
pub trait EventSource {
    /// Blocks until the next input; `None` when no more will come.
    fn next(&mut self) -> io::Result<Option<Input>>;
    /// Whether an input is already waiting, without blocking.
    fn pending(&mut self) -> io::Result<bool>;
}

/// Inputs read from the terminal through crossterm.
#[derive(Debug, Default)]
pub struct TerminalEvents {
    /// Inputs already read that one terminal event stood for.
    queued: VecDeque<Input>,
}

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        while self.queued.is_empty() {
            self.queued.extend(convert(event::read()?));
        }
        Ok(self.queued.pop_front())
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(!self.queued.is_empty() || event::poll(Duration::ZERO)?)
    }
}

/// A fixed sequence of inputs, for tests.
#[derive(Debug, Clone, Default)]
pub struct ScriptedEvents(pub VecDeque<Input>);

impl ScriptedEvents {
    /// Keys as typed: each character a key press.
    pub fn typed(text: &str) -> Self {
        Self(text.chars().map(|c| Input::Key(Key::char(c))).collect())
    }

    pub fn key(mut self, key: Key) -> Self {
        self.0.push_back(Input::Key(key));
        self
    }

    pub fn text(mut self, text: &str) -> Self {
        self.0
            .extend(text.chars().map(|c| Input::Key(Key::char(c))));
        self
    }

    /// Keys as `render --keys` takes them: each character a key, and `<name>` for a
    /// named key or chord as the config writes it (`<enter>`, `<ctrl-c>`, `<pagedown>`);
    /// `<lt>` is a literal `<`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut inputs = VecDeque::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '<' {
                let end = rest
                    .find('>')
                    .ok_or_else(|| format!("expected `>` to close `{rest}`"))?;
                let name = &rest[1..end];
                let key = if name == "lt" {
                    Key::char('<')
                } else {
                    Key::parse(name)?
                };
                inputs.push_back(Input::Key(key));
                rest = &rest[end + 1..];
            } else {
                inputs.push_back(Input::Key(Key::char(c)));
                rest = &rest[c.len_utf8()..];
            }
        }
        Ok(Self(inputs))
    }
}

impl EventSource for ScriptedEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        Ok(self.0.pop_front())
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(!self.0.is_empty())
    }
}

/// The inputs a terminal event stands for: none, one, or two for Alt with a key, which
/// is how terminals send Esc quickly followed by that key.
fn convert(event: Event) -> Vec<Input> {
    use ratatui::crossterm::event::KeyCode as C;
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let code = match k.code {
                C::Char(c) => KeyCode::Char(c),
                C::Enter => KeyCode::Enter,
                C::Esc => KeyCode::Esc,
                C::Tab => KeyCode::Tab,
                C::BackTab => KeyCode::BackTab,
                C::Backspace => KeyCode::Backspace,
                C::Up => KeyCode::Up,
                C::Down => KeyCode::Down,
                C::Left => KeyCode::Left,
                C::Right => KeyCode::Right,
                C::PageUp => KeyCode::PageUp,
                C::PageDown => KeyCode::PageDown,
                C::Home => KeyCode::Home,
                C::End => KeyCode::End,
                _ => return Vec::new(),
            };
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            let key = Input::Key(Key { code, ctrl });
            if k.modifiers.contains(KeyModifiers::ALT) {
                vec![Input::Key(Key::plain(KeyCode::Esc)), key]
            } else {
                vec![key]
            }
        }
        Event::Mouse(m) => {
            let kind = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::WheelUp,
                MouseEventKind::ScrollDown => MouseKind::WheelDown,
                _ => return Vec::new(),
            };
            vec![Input::Mouse(Mouse {
                kind,
                column: m.column,
                row: m.row,
            })]
        }
        Event::Resize(..) => vec![Input::Resize],
        _ => Vec::new(),
    }
}

/// A deliberate failure after the first frame, to check that the terminal comes back
/// on every exit path: set by `SMA_DASH_DEBUG_FAIL=panic` or `=error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebugFailure {
    Panic,
    Error,
}

impl DebugFailure {
    pub fn from_env_value(value: &str) -> Option<Self> {
        match value {
            "panic" => Some(Self::Panic),
            "error" => Some(Self::Error),
            _ => None,
        }
    }
}

/// Events that fail at the first read, after the loop has drawn the first frame.
#[derive(Debug)]
pub struct FailingEvents(pub DebugFailure);

impl EventSource for FailingEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        match self.0 {
            DebugFailure::Panic => panic!("SMA_DASH_DEBUG_FAIL=panic: a deliberate panic"),
            DebugFailure::Error => Err(io::Error::other(
                "SMA_DASH_DEBUG_FAIL=error: a deliberate error",
            )),
        }
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(false)
    }
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// The event source had nothing more (a test script ran out).
    EndOfInput,
}

fn backend_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// The actions one input asks for.
fn actions(app: &App, input: Input, size: Rect) -> Vec<Action> {
    match input {
        Input::Key(key) => app
            .keymap
            .action(key, app.mode(), app.focus)
            .into_iter()
            .collect(),
        Input::Mouse(m) if app.mouse && app.mode() == Mode::Dashboard => {
            mouse_actions(app, m, size)
        }
        Input::Mouse(_) => Vec::new(),
        // Nothing to change in the state: the redraw takes the new size.
        Input::Resize => Vec::new(),
    }
}

fn mouse_actions(app: &App, m: Mouse, size: Rect) -> Vec<Action> {
    let Some(hit) = ui::layout::hit(app, size, m.column, m.row) else {
        return Vec::new();
    };
    let pane = match hit {
        Hit::Pane(p) => p,
        Hit::TimelineRow(_) => Pane::Timeline,
    };
    let wheel = match m.kind {
        MouseKind::Click => {
            let mut actions = vec![Action::Focus(pane)];
            if let Hit::TimelineRow(i) = hit {
                actions.push(Action::SelectRow(i));
            }
            return actions;
        }
        MouseKind::WheelUp => -1,
        MouseKind::WheelDown => 1,
    };
    // The wheel moves what is under it, as the list keys would there.
    let steps = if pane == Pane::Timeline { 3 } else { 1 };
    vec![Action::Focus(pane), Action::Move(steps * wheel)]
}

/// Runs the dashboard until the user quits or `events` runs out.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
) -> io::Result<Exit> {
    draw(terminal, app)?;
    while let Some(first) = events.next()? {
        let mut redraw = false;
        let mut input = Some(first);
        // Apply everything already queued, then draw once.
        while let Some(current) = input.take() {
            let size = screen_size(terminal)?;
            redraw |= current == Input::Resize;
            for action in actions(app, current, size) {
                let effect = update(app, action);
                // An overlay's length depends on the screen: measured as soon as it
                // opens, so keys queued behind `?` or Enter scroll it too.
                if matches!(app.mode(), Mode::Help | Mode::Detail) {
                    let (max_scroll, page) = ui::overlay_limits(app, size);
                    update(app, Action::OverlayViewport { max_scroll, page });
                }
                match effect {
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::Redraw => redraw = true,
                    Effect::None => {}
                    Effect::SaveScenario { name, assumptions } => {
                        let outcome = save(app, &name, &assumptions);
                        update(app, Action::Saved(outcome));
                        redraw = true;
                    }
                    Effect::Export(request) => {
                        let outcome = export(app, &request);
                        update(app, Action::Exported(outcome));
                        redraw = true;
                    }
                    Effect::Publish(figure) => {
                        let outcome = publish(app, &figure);
                        update(app, Action::Published(outcome));
                        redraw = true;
                    }
                }
            }
            if events.pending()? {
                input = events.next()?;
            }
        }
        if redraw {
            draw(terminal, app)?;
        }
    }
    Ok(Exit::EndOfInput)
}

/// Saves the scenario in the app's scenarios file, if it has one.
fn save(app: &App, name: &str, assumptions: &Assumptions) -> Result<SaveReport, String> {
    let path = app
        .paths
        .scenarios
        .as_deref()
        .ok_or_else(|| "no data directory to save in: set XDG_DATA_HOME or HOME".to_string())?;
    store::save(path, name, assumptions, Utc::now())
}

/// Writes the table as CSV in the app's export directory.
fn export(app: &App, request: &ExportRequest) -> Result<PathBuf, String> {
    let dir = &app.paths.export_dir;
    store::export_csv(dir, request.what, &request.table.to_csv(), Utc::now())
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

/// Draws the chart as SVG and PNG at the default size, in the light theme, and writes
/// both in the app's export directory.
fn publish(app: &App, figure: &Figure) -> Result<(PathBuf, PathBuf), String> {
    let (svg, png) = publish::images(figure, Size::default(), Theme::Light)?;
    let dir = &app.paths.export_dir;
    store::export_chart(dir, figure.kind.key(), &svg, &png, Utc::now())
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

fn screen_size<B: Backend>(terminal: &Terminal<B>) -> io::Result<Rect> {
    let size = terminal.size().map_err(backend_error)?;
    Ok(Rect::new(0, 0, size.width, size.height))
}

/// Tells the app how many timeline rows the layout gives it, then draws.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    terminal.autoresize().map_err(backend_error)?;
    let size = screen_size(terminal)?;
    let rows = ui::layout::timeline_viewport(app, size);
    if rows > 0 {
        update(app, Action::TimelineViewport(rows));
    }
    if matches!(app.mode(), Mode::Help | Mode::Detail) {
        // A resize changes how far an overlay scrolls.
        let (max_scroll, page) = ui::overlay_limits(app, size);
        update(app, Action::OverlayViewport { max_scroll, page });
    }
    terminal.draw(|f| ui::view(app, f)).map_err(backend_error)?;
    Ok(())
}

/// The signals that end the program from outside: `kill`, the SSH session dropped,
/// an interrupt or quit sent by another process (in raw mode Ctrl-C is a key).
const ENDING_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Takes the terminal: raw mode, the alternate screen, no cursor, the mouse if asked.
/// A panic hook restores it before the panic message prints, and an ending signal
/// restores it before the process exits with 128 + the signal's number.
pub fn enter(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore(mouse);
        previous(info);
    }));
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = restore(mouse);
            std::process::exit(128 + signal);
        }
    });
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    let taken = execute!(stdout, EnterAlternateScreen, cursor::Hide).and_then(|_| {
        if mouse {
            execute!(stdout, EnableMouseCapture)
        } else {
            Ok(())
        }
    });
    if let Err(e) = taken {
        let _ = restore(mouse);
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| {
        let _ = restore(mouse);
    })
}

/// Gives the terminal back as it was: every step is tried even if one fails.
pub fn restore(mouse: bool) -> io::Result<()> {
    let mut stdout = io::stdout();
    let mouse_off = if mouse {
        execute!(stdout, DisableMouseCapture)
    } else {
        Ok(())
    };
    let screen = execute!(stdout, LeaveAlternateScreen, cursor::Show);
    let raw = disable_raw_mode();
    mouse_off.and(screen).and(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode as C, KeyEvent};

    #[test]
    fn alt_with_a_key_is_esc_then_the_key() {
        let alt_l = Event::Key(KeyEvent::new(C::Char('l'), KeyModifiers::ALT));
        assert_eq!(
            convert(alt_l),
            vec![
                Input::Key(Key::plain(KeyCode::Esc)),
                Input::Key(Key::char('l'))
            ]
        );
        let ctrl_c = Event::Key(KeyEvent::new(C::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(convert(ctrl_c), vec![Input::Key(Key::ctrl('c'))]);
        let f1 = Event::Key(KeyEvent::new(C::F(1), KeyModifiers::NONE));
        assert!(convert(f1).is_empty());
    }
}
