//! The terminal runtime: taking and restoring the terminal, and the event loop.
//!
//! The loop blocks on input (no tick: no CPU while nothing happens), drains whatever is
//! already queued, applies it through the keymap and `update`, and draws once, inside a
//! synchronized update so the terminal shows whole frames. Effects `update` returns
//! (save or delete a scenario, export a pane, suspend) are carried out here, and what
//! they did goes back through `update` to the status line. It is generic over ratatui's
//! `Backend` and an `EventSource`, so tests drive the real loop in memory.
//!
//! It holds no rule of the data and no layout: those are `app`'s and `ui`'s.

use std::collections::VecDeque;
use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::Utc;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute, queue};
use ratatui::layout::Rect;

use crate::app::{
    Action, App, Effect, ExportRequest, Key, KeyCode, Mode, Pane, Reply, ScenariosReport, reply,
    update,
};
use crate::capped::Capped;
use crate::econ::Assumptions;
use crate::publish::{self, Figure, Size, Theme};
use crate::store;
use crate::ui;
use crate::ui::layout::Hit;

/// One input, independent of the terminal library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Mouse(Mouse),
    /// Text pasted, as a terminal with bracketed paste sends it: one input, not keys.
    Paste(String),
    Resize,
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    Suspend,
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
    /// Gives the terminal back and stops the program until the shell continues it
    /// (`fg`), then takes the terminal again. A script has no terminal to give back.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Inputs read from the terminal through crossterm.
#[derive(Debug)]
pub struct TerminalEvents {
    /// Inputs already read that one terminal event stood for.
    queued: VecDeque<Input>,
    /// Set by the signal thread when a SIGTSTP arrives.
    stop_asked: Arc<AtomicBool>,
    /// Whether the terminal was taken with the mouse, to take it again alike.
    mouse: bool,
}

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        loop {
            if self.stop_asked.swap(false, Ordering::SeqCst) {
                return Ok(Some(Input::Suspend));
            }
            if let Some(input) = self.queued.pop_front() {
                let read_within = |wait| -> io::Result<Option<Vec<Input>>> {
                    Ok(if event::poll(wait)? {
                        Some(convert(event::read()?))
                    } else {
                        None
                    })
                };
                return crate::lost_paste::recover(input, &mut self.queued, read_within).map(Some);
            }
            self.queued.extend(convert(event::read()?));
        }
    }

    fn pending(&mut self) -> io::Result<bool> {
        Ok(self.stop_asked.load(Ordering::SeqCst)
            || !self.queued.is_empty()
            || event::poll(Duration::ZERO)?)
    }

    fn suspend(&mut self) -> io::Result<()> {
        restore(self.mouse)?;
        // SIGSTOP cannot be caught: the shell sees the job stopped, and `fg` (SIGCONT)
        // continues from here.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        // A Ctrl-Z typed while stopping was for this same stop.
        self.stop_asked.store(false, Ordering::SeqCst);
        take(self.mouse)
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
                C::Delete => KeyCode::Delete,
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
        Event::Paste(text) => vec![Input::Paste(text)],
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
        Input::Key(key) => match app.keymap.action(key, app.mode(), app.focus) {
            Some(action) => vec![action],
            // A key of another pane says where it works, rather than doing nothing.
            None if app.mode() == Mode::Dashboard => app
                .keymap
                .elsewhere(key, app.focus)
                .map(|(pane, b)| Action::Elsewhere {
                    key: key.to_string(),
                    pane,
                    help: b.help.clone(),
                })
                .into_iter()
                .collect(),
            None => Vec::new(),
        },
        Input::Mouse(m) if app.mouse && app.mode() == Mode::Dashboard => {
            mouse_actions(app, m, size)
        }
        Input::Mouse(_) => Vec::new(),
        // `update` decides: into a prompt, or nowhere.
        Input::Paste(text) => vec![Action::Paste(text)],
        // Nothing to change in the state: the redraw takes the new size.
        Input::Resize => Vec::new(),
        Input::Suspend => vec![Action::Suspend],
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

/// A backend that can hold a frame back until it is whole (DEC mode 2026), so the
/// terminal never shows half of one.
pub trait WholeFrames {
    fn begin_frame(&mut self) -> io::Result<()>;
    fn end_frame(&mut self) -> io::Result<()>;
    /// Puts `text` on the terminal's clipboard.
    fn copy(&mut self, text: &str) -> io::Result<()>;

    /// The screen's own size where it is larger than what is drawn.
    fn over_cap(&self) -> Option<ratatui::layout::Size> {
        None
    }
}

impl<B: Backend + WholeFrames> WholeFrames for Capped<B> {
    fn begin_frame(&mut self) -> io::Result<()> {
        self.0.begin_frame()
    }

    fn end_frame(&mut self) -> io::Result<()> {
        self.0.end_frame()
    }

    fn over_cap(&self) -> Option<ratatui::layout::Size> {
        Capped::over_cap(self)
    }

    fn copy(&mut self, text: &str) -> io::Result<()> {
        self.0.copy(text)
    }
}

impl<W: Write> WholeFrames for CrosstermBackend<W> {
    fn begin_frame(&mut self) -> io::Result<()> {
        queue!(self, BeginSynchronizedUpdate)
    }

    fn end_frame(&mut self) -> io::Result<()> {
        execute!(self, EndSynchronizedUpdate)
    }

    fn copy(&mut self, text: &str) -> io::Result<()> {
        self.write_all(osc52(text).as_bytes())?;
        Write::flush(self)
    }
}

/// In memory every frame is whole, and there is no clipboard.
impl WholeFrames for TestBackend {
    fn begin_frame(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn end_frame(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn copy(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
}

/// The OSC 52 sequence that sets the clipboard to `text`: the terminal (or tmux with
/// `set-clipboard on`, or the terminal at the far end of SSH) takes it from there.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Why `y` cannot reach the clipboard on this terminal, if it cannot: OSC 52 off in
/// the config, or a terminal that takes no OSC sequences (`takes_osc`: as for
/// hyperlinks, `term::Capabilities`).
pub fn clipboard_off(osc52_on: bool, term: Option<&str>, takes_osc: bool) -> Option<String> {
    if !osc52_on {
        Some("OSC 52 is off in the config ([display] osc52)".into())
    } else if !takes_osc {
        Some(format!(
            "the {} has no clipboard sequence (OSC 52)",
            match term {
                Some("linux") => "Linux console".to_string(),
                Some(t) => format!("terminal TERM={t}"),
                None => "terminal".to_string(),
            }
        ))
    } else {
        None
    }
}

/// Runs the dashboard until the user quits or `events` runs out.
pub fn run<B: Backend + WholeFrames>(
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
            let mut suspended = false;
            for action in actions(app, current, size) {
                let effect = update(app, action);
                // An overlay's length depends on the screen: measured as soon as it
                // opens, so keys queued behind `?` or Enter scroll it too.
                if matches!(app.mode(), Mode::Help | Mode::Detail | Mode::Shares) {
                    let (max_scroll, page) = ui::overlay_limits(app, size);
                    reply(app, Reply::OverlayViewport { max_scroll, page });
                }
                match effect {
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::Redraw => redraw = true,
                    Effect::None => {}
                    Effect::Suspend => suspended = true,
                    Effect::Copy(text) => {
                        if let Err(e) = terminal.backend_mut().copy(&text) {
                            app.status = Some(format!("not copied: {e}"));
                        }
                        redraw = true;
                    }
                    Effect::SaveScenario {
                        name,
                        assumptions,
                        replace,
                    } => {
                        let outcome = save(app, &name, &assumptions, replace);
                        reply(app, Reply::Saved(outcome));
                        redraw = true;
                    }
                    Effect::DeleteScenario { name } => {
                        let outcome = delete(app, &name);
                        reply(app, Reply::Deleted(outcome));
                        redraw = true;
                    }
                    Effect::Export(request) => {
                        let outcome = export(app, &request);
                        reply(app, Reply::Exported(outcome));
                        redraw = true;
                    }
                    Effect::Publish(figure) => {
                        let outcome = publish(app, &figure);
                        reply(app, Reply::Published(outcome));
                        redraw = true;
                    }
                }
            }
            if suspended {
                events.suspend()?;
                // A new screen at whatever size the terminal has now: every cell drawn.
                terminal.clear().map_err(backend_error)?;
                redraw = true;
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

/// Whether the app may write files at all; if not, why not.
fn writable(app: &App) -> Result<(), String> {
    app.paths
        .no_writes
        .map_or(Ok(()), |why| Err(why.to_string()))
}

/// Saves the scenario in the app's scenarios file, if it has one.
fn save(
    app: &App,
    name: &str,
    assumptions: &Assumptions,
    replace: bool,
) -> Result<ScenariosReport, String> {
    writable(app)?;
    let path = app
        .paths
        .scenarios
        .as_deref()
        .ok_or_else(|| "no data directory to save in: set XDG_DATA_HOME or HOME".to_string())?;
    store::save(path, name, assumptions, replace, Utc::now())
}

/// Deletes the saved scenario from the app's scenarios file.
fn delete(app: &App, name: &str) -> Result<ScenariosReport, String> {
    writable(app)?;
    let path = app
        .paths
        .scenarios
        .as_deref()
        .ok_or_else(|| "no data directory: set XDG_DATA_HOME or HOME".to_string())?;
    store::delete_scenario(path, name, Utc::now())
}

/// Writes the table as CSV in the app's export directory, and says where as an
/// absolute path: the directory may be relative to where the dashboard started.
fn export(app: &App, request: &ExportRequest) -> Result<PathBuf, String> {
    writable(app)?;
    let dir = export_dir(app);
    store::export_csv(&dir, request.what, &request.table.to_csv(), Utc::now())
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

/// The app's export directory as an absolute path, so that the status line says where
/// a file went whatever directory the dashboard was started in.
fn export_dir(app: &App) -> PathBuf {
    std::path::absolute(&app.paths.export_dir).unwrap_or_else(|_| app.paths.export_dir.clone())
}

/// Draws the chart as SVG and PNG at the default size, in the light theme, and writes
/// both in the app's export directory.
fn publish(app: &App, figure: &Figure) -> Result<(PathBuf, PathBuf), String> {
    writable(app)?;
    let (svg, png) = publish::images(figure, Size::default(), Theme::Light)?;
    let dir = export_dir(app);
    store::export_chart(&dir, figure.kind.key(), &svg, &png, Utc::now())
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
}

fn screen_size<B: Backend>(terminal: &Terminal<B>) -> io::Result<Rect> {
    let size = terminal.size().map_err(backend_error)?;
    Ok(Rect::new(0, 0, size.width, size.height))
}

/// Tells the app how many timeline rows the layout gives it, then draws, as one
/// synchronized update that is ended even if the frame fails.
pub fn draw<B: Backend + WholeFrames>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    terminal.autoresize().map_err(backend_error)?;
    let size = screen_size(terminal)?;
    let rows = ui::layout::timeline_viewport(app, size);
    if rows > 0 {
        reply(app, Reply::TimelineViewport(rows));
    }
    if matches!(app.mode(), Mode::Help | Mode::Detail | Mode::Shares) {
        // A resize changes how far an overlay scrolls.
        let (max_scroll, page) = ui::overlay_limits(app, size);
        reply(app, Reply::OverlayViewport { max_scroll, page });
    }
    let _held = terminal_held();
    terminal.backend_mut().begin_frame()?;
    let over_cap = terminal.backend().over_cap();
    let drawn = terminal
        .draw(|f| {
            ui::view(app, f);
            if let Some(real) = over_cap {
                ui::screen_capped(app, f, real);
            }
        })
        .map(|_| ());
    let ended = terminal.backend_mut().end_frame();
    drawn.map_err(backend_error).and(ended)
}

/// Held while the terminal is taken, drawn on or given back. The signal thread that
/// ends the program holds it to the end, so a frame or a `fg` that races with `kill`
/// (a job killed while stopped runs again to die) cannot take the terminal back after
/// it was restored.
static TERMINAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn terminal_held() -> std::sync::MutexGuard<'static, ()> {
    TERMINAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Takes the terminal: raw mode, the alternate screen, no cursor, bracketed paste, the
/// mouse if asked. A panic hook restores it before the panic message prints; an ending
/// signal restores it before the process exits with 128 + the signal's number; a
/// SIGTSTP (`kill -TSTP`) suspends as Ctrl-Z does, through the events returned.
pub fn enter(
    mouse: bool,
) -> io::Result<(Terminal<Capped<CrosstermBackend<Stdout>>>, TerminalEvents)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore(mouse);
        previous(info);
    }));
    let stop_asked = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new(
        store::temps::ENDING_SIGNALS
            .iter()
            .chain(&[signal_hook::consts::SIGTSTP])
            .copied(),
    )?;
    let stop = Arc::clone(&stop_asked);
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == signal_hook::consts::SIGTSTP {
                // The loop gives the terminal back and stops: wake it from its wait for
                // input with a SIGWINCH, which the terminal's reader turns into a resize.
                stop.store(true, Ordering::SeqCst);
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
                continue;
            }
            let held = terminal_held();
            let _ = restore(mouse);
            store::temps::remove_all();
            // Never released: nothing takes the terminal again before the exit.
            std::mem::forget(held);
            std::process::exit(128 + signal);
        }
    });
    take(mouse)?;
    // Capped before the first buffer is made: a terminal of any size is drawn.
    let terminal =
        Terminal::new(Capped(CrosstermBackend::new(io::stdout()))).inspect_err(|_| {
            let _ = restore(mouse);
        })?;
    let events = TerminalEvents {
        queued: VecDeque::new(),
        stop_asked,
        mouse,
    };
    Ok((terminal, events))
}

/// Raw mode, the alternate screen, no cursor, bracketed paste, the mouse if asked; on a
/// failure, what was taken is given back.
fn take(mouse: bool) -> io::Result<()> {
    let _held = terminal_held();
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    let taken = execute!(
        stdout,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )
    .and_then(|_| {
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
    Ok(())
}

/// Gives the terminal back as it was: every step is tried even if one fails. A frame
/// cut short (a panic in the middle of one) is ended first.
pub fn restore(mouse: bool) -> io::Result<()> {
    let mut stdout = io::stdout();
    let frame = execute!(stdout, EndSynchronizedUpdate);
    let mouse_off = if mouse {
        execute!(stdout, DisableMouseCapture)
    } else {
        Ok(())
    };
    let screen = execute!(
        stdout,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let raw = disable_raw_mode();
    frame.and(mouse_off).and(screen).and(raw)
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
        let paste = Event::Paste("see the 2014 figure, then quit".into());
        assert_eq!(
            convert(paste),
            vec![Input::Paste("see the 2014 figure, then quit".into())]
        );
        let ctrl_z = Event::Key(KeyEvent::new(C::Char('z'), KeyModifiers::CONTROL));
        assert_eq!(convert(ctrl_z), vec![Input::Key(Key::ctrl('z'))]);
    }

    /// The Delete key a terminal sends (`ESC [ 3 ~`, which crossterm reads as
    /// `KeyCode::Delete`, as `tmux send-keys DC` shows) deletes under the cursor in every
    /// prompt, through the same conversion and keymap the loop uses.
    #[test]
    fn delete_from_the_terminal_deletes_under_the_cursor_in_every_prompt() {
        use crate::app::{Edit, Prompt, PromptKind};
        let delete = Event::Key(KeyEvent::new(C::Delete, KeyModifiers::NONE));
        let input = convert(delete);
        assert_eq!(input, vec![Input::Key(Key::plain(KeyCode::Delete))]);
        let mut app = crate::config::default_app(crate::data::Dataset::embedded().unwrap());
        for kind in [
            PromptKind::Search,
            PromptKind::SaveName,
            PromptKind::GoToYear,
            PromptKind::SourceSearch,
            PromptKind::Assumption(crate::econ::AssumptionId::KoreanCpi),
        ] {
            let mut prompt = Prompt::new(kind);
            prompt.input.insert("2014");
            prompt.input.apply(Edit::Home);
            app.prompt = Some(prompt);
            let size = Rect::new(0, 0, 80, 24);
            let asked = actions(&app, input[0].clone(), size);
            assert_eq!(asked, vec![Action::Edit(Edit::Delete)], "{kind:?}");
            for action in asked {
                update(&mut app, action);
            }
            assert_eq!(app.prompt.as_ref().unwrap().input.text(), "014", "{kind:?}");
        }
    }

    #[test]
    fn osc52_carries_the_text_in_base64_and_the_linux_console_gets_none() {
        assert_eq!(osc52("2014: 920.0"), "\x1b]52;c;MjAxNDogOTIwLjA=\x07");
        assert_eq!(clipboard_off(true, Some("xterm-256color"), true), None);
        assert_eq!(clipboard_off(true, Some("tmux-256color"), true), None);
        assert!(
            clipboard_off(true, Some("linux"), false)
                .unwrap()
                .contains("Linux console")
        );
        assert!(
            clipboard_off(false, Some("xterm"), true)
                .unwrap()
                .contains("[display] osc52")
        );
    }

    /// Bytes written, kept where the test can read them after the backend has them.
    #[derive(Clone, Default)]
    struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_is_held_back_until_whole_with_dec_mode_2026() {
        let written = Written::default();
        let mut backend = CrosstermBackend::new(written.clone());
        backend.begin_frame().unwrap();
        backend.write_all(b"cells").unwrap();
        backend.end_frame().unwrap();
        assert_eq!(
            written.0.borrow().as_slice(),
            b"\x1b[?2026hcells\x1b[?2026l"
        );
    }

    /// A script that counts the times the loop asks it to suspend.
    struct Suspending(ScriptedEvents, usize);

    impl EventSource for Suspending {
        fn next(&mut self) -> io::Result<Option<Input>> {
            self.0.next()
        }

        fn pending(&mut self) -> io::Result<bool> {
            self.0.pending()
        }

        fn suspend(&mut self) -> io::Result<()> {
            self.1 += 1;
            Ok(())
        }
    }

    #[test]
    fn pastes_and_suspends_go_through_the_loop_and_a_paste_never_quits() {
        let mut app = crate::config::default_app(crate::data::Dataset::embedded().unwrap());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let inputs = [
            Input::Paste("q".into()),
            Input::Key(Key::char('/')),
            Input::Paste("Honolulu\nq".into()),
            Input::Suspend,
            Input::Key(Key::ctrl('z')),
            Input::Key(Key::char('e')),
        ];
        let mut events = Suspending(ScriptedEvents(inputs.into()), 0);
        assert_eq!(
            run(&mut terminal, &mut app, &mut events).unwrap(),
            Exit::EndOfInput
        );
        assert_eq!(events.1, 2, "SIGTSTP and Ctrl-Z each suspend once");
        assert_eq!(app.timeline.search.query, "Honolulu qe");
        let screen = terminal.backend().to_string();
        assert!(screen.contains("/Honolulu qe"), "{screen}");
    }
}
