//! The status line: the keys of the focused pane, generated from the keymap, or the
//! last confirmation, or the search prompt.

use ratatui::text::{Line, Span};

use crate::app::keymap::{Binding, Keymap, Scope};
use std::mem::discriminant;

use crate::app::{Action, App, Mode};

use super::theme::Theme;

pub fn line<'a>(app: &App, keymap: &Keymap, theme: &Theme) -> Line<'a> {
    if app.mode() == Mode::Search {
        return Line::from(vec![
            Span::styled("/", theme.key()),
            Span::styled(format!("{}▏", app.timeline.search.query), theme.bold()),
            Span::styled("  Enter: keep · Esc: cancel", theme.dim()),
        ]);
    }
    let mut spans = Vec::new();
    if let Some(message) = &app.status {
        spans.push(Span::styled(format!("{message}  "), theme.message()));
    }
    let mode = app.mode();
    let scopes = match mode {
        Mode::Help => vec![Scope::Help, Scope::Always],
        Mode::Detail => vec![Scope::Detail, Scope::Always],
        // Help and quit before the dashboard-wide keys, so they always fit.
        _ => vec![Scope::Pane(app.focus), Scope::Always, Scope::Dashboard],
    };
    for scope in scopes {
        let bindings: Vec<&Binding> = keymap.in_scope(scope).collect();
        let listed = |b: &&Binding| {
            // Esc has nothing to close on the dashboard itself.
            let nothing_to_close = mode == Mode::Dashboard && b.action == Action::CloseOverlay;
            !b.short.is_empty() && !nothing_to_close
        };
        for (i, b) in bindings.iter().enumerate().filter(|(_, b)| listed(b)) {
            spans.push(Span::styled(
                pair_label(b, bindings.get(i + 1)),
                theme.key(),
            ));
            spans.push(Span::styled(format!(" {}  ", b.short), theme.label()));
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
