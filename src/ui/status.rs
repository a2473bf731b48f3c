//! The status line: the keys of the focused pane, generated from the keymap, or the
//! last confirmation, or a prompt (search, the name to save a scenario as).

use ratatui::text::{Line, Span};

use crate::app::keymap::{Binding, Keymap, Scope};
use std::mem::discriminant;

use crate::app::{Action, App, Mode, Prompt, PromptKind};
use crate::econ::spec;

use super::format::width;
use super::theme::Theme;

/// The status line for a screen `room` columns wide: keys that do not fit are left out
/// whole rather than cut.
pub fn line<'a>(app: &App, keymap: &Keymap, theme: &Theme, room: usize) -> Line<'a> {
    if app.mode() == Mode::Search {
        return Line::from(vec![
            Span::styled("/", theme.key()),
            Span::styled(format!("{}▏", app.timeline.search.query), theme.bold()),
            Span::styled("  Enter: keep · Esc: cancel", theme.dim()),
        ]);
    }
    if let Some(p) = &app.prompt {
        return prompt_line(app, p, theme);
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(message) = &app.status {
        let message = format!("{message}  ");
        used += width(&message);
        spans.push(Span::styled(message, theme.message()));
    }
    let mode = app.mode();
    let scopes = match mode {
        Mode::Help => vec![Scope::Help, Scope::Always],
        Mode::Detail => vec![Scope::Detail, Scope::Always],
        Mode::Kinds => vec![Scope::Kinds, Scope::Always],
        // Help and quit before the dashboard-wide keys, so they always fit.
        _ => vec![Scope::Pane(app.focus), Scope::Always, Scope::Dashboard],
    };
    'scopes: for scope in scopes {
        let bindings: Vec<&Binding> = keymap.in_scope(scope).collect();
        let listed = |b: &&Binding| {
            // Esc has nothing to close on the dashboard itself, Enter nothing to apply
            // before a scenario is saved.
            let nothing_to_close = mode == Mode::Dashboard && b.action == Action::CloseOverlay;
            !b.short.is_empty() && !nothing_to_close
        };
        for (i, b) in bindings.iter().enumerate().filter(|(_, b)| listed(b)) {
            let keys = pair_label(b, bindings.get(i + 1));
            let words = format!(" {}", b.short);
            let cols = width(&keys) + width(&words);
            if used + cols > room {
                break 'scopes;
            }
            used += cols + 2;
            spans.push(Span::styled(keys, theme.key()));
            spans.push(Span::styled(format!("{words}  "), theme.label()));
        }
    }
    Line::from(spans)
}

/// The first key of a binding, joined with the next binding's first key when that one
/// is its unlisted opposite (the same action the other way): "j/k move", "h/l year".
fn pair_label(b: &Binding, next: Option<&&Binding>) -> String {
    let first = |b: &Binding| b.keys.first().map(|k| k.to_string()).unwrap_or_default();
    let same_kind = |n: &Binding| discriminant(&n.action) == discriminant(&b.action);
    match next {
        Some(n) if n.short.is_empty() && same_kind(n) => format!("{}/{}", first(b), first(n)),
        _ => first(b),
    }
}

/// A prompt: what it asks for, what is typed, and what Enter will do or why it did not.
fn prompt_line<'a>(app: &App, p: &Prompt, theme: &Theme) -> Line<'a> {
    let (ask, enter) = match p.kind {
        PromptKind::SaveName => {
            let taken = app.saved.iter().any(|s| s.name == p.text.trim());
            (
                "Save scenario as: ".to_string(),
                if taken { "replace it" } else { "save" }.to_string(),
            )
        }
        PromptKind::Assumption(id) => {
            let s = spec(id);
            let years = if id.is_rate() { ", YEAR=VALUE…" } else { "" };
            (
                format!(
                    "{} ({} to {}{years}): ",
                    s.label,
                    s.format(s.min),
                    s.format(s.max)
                ),
                "set".to_string(),
            )
        }
        PromptKind::GoToYear => {
            let (first, last) = app.year_range();
            (format!("Go to year ({first}–{last}): "), "go".to_string())
        }
    };
    // A refusal says what was expected: the question gives it room.
    let ask = if p.error.is_some() {
        "= ".to_string()
    } else {
        ask
    };
    let mut spans = vec![
        Span::styled(ask, theme.key()),
        Span::styled(format!("{}▏", p.text), theme.bold()),
    ];
    match &p.error {
        Some(error) => spans.push(Span::styled(format!("  {error}"), theme.warning())),
        None => spans.push(Span::styled(
            format!("  Enter: {enter} · Esc: cancel"),
            theme.dim(),
        )),
    }
    Line::from(spans)
}
