//! The status line: the keys of the focused pane, generated from the keymap, or the
//! last confirmation, or a prompt (search, the name to save a scenario as, a value, a
//! year) with its cursor, or a yes-or-no question.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::keymap::{Binding, Keymap, Scope};
use std::mem::discriminant;

use crate::app::{App, Mode, Prompt, PromptKind, Question};
use crate::econ::spec;

use super::format::width;
use super::theme::Theme;

/// The status line for a screen `room` columns wide: keys that do not fit are left out
/// whole rather than cut.
pub fn line<'a>(app: &App, keymap: &Keymap, theme: &Theme, room: usize) -> Line<'a> {
    if let Some(q) = &app.question {
        return question_line(q, theme);
    }
    if let Some(p) = &app.prompt {
        return prompt_line(app, p, theme, room);
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
        // Help and quit before the dashboard-wide keys, so they always fit.
        _ => vec![Scope::Pane(app.focus), Scope::Always, Scope::Dashboard],
    };
    'scopes: for scope in scopes {
        let bindings: Vec<&Binding> = keymap.in_scope(scope).collect();
        let listed = |b: &&Binding| !b.short.is_empty();
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

/// A prompt: what it asks for, what is typed with the cursor on it, and what Enter will
/// do, or why it did not, or that the text is at its limit.
fn prompt_line<'a>(app: &App, p: &Prompt, theme: &Theme, room: usize) -> Line<'a> {
    let (ask, enter) = match p.kind {
        PromptKind::Search => ("/".to_string(), "keep"),
        PromptKind::SaveName => {
            let taken = app.saved.iter().any(|s| s.name == p.answer().trim());
            (
                "Save scenario as: ".to_string(),
                if taken { "replace it" } else { "save" },
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
                "set",
            )
        }
        PromptKind::GoToYear => {
            let (first, last) = app.year_range();
            (format!("Go to year ({first}–{last}): "), "go")
        }
    };
    // A refusal says what was expected: the question gives it room.
    let ask = if p.error.is_some() {
        "= ".to_string()
    } else {
        ask
    };
    let (tail, tail_style) = match &p.error {
        Some(error) => (format!("  {error}"), theme.warning()),
        None if p.input.at_limit() => (
            format!("  at the limit of {} characters", p.input.limit()),
            theme.warning(),
        ),
        None => (format!("  Enter: {enter} · Esc: cancel"), theme.dim()),
    };
    let mut spans = vec![Span::styled(ask.clone(), theme.key())];
    let room = room.saturating_sub(width(&ask));
    // The hint gives way to the text; a refusal or the limit note keeps some room.
    let keep_tail = room >= width(&tail) + MIN_TEXT || p.error.is_some();
    let text_room = if keep_tail {
        room.saturating_sub(width(&tail)).max(MIN_TEXT.min(room))
    } else {
        room
    };
    let cursor = theme.bold().add_modifier(Modifier::REVERSED);
    match &p.placeholder {
        Some(placeholder) if p.input.text().is_empty() => {
            // The cursor on the placeholder's first character: typing replaces it.
            let mut graphemes = placeholder.graphemes(true);
            let first = graphemes.next().unwrap_or(" ").to_string();
            spans.push(Span::styled(
                first,
                theme.dim().add_modifier(Modifier::REVERSED),
            ));
            spans.push(Span::styled(graphemes.collect::<String>(), theme.dim()));
        }
        _ => {
            let window = window(p.input.text(), p.input.cursor(), text_room);
            spans.push(Span::styled(window.before, theme.bold()));
            spans.push(Span::styled(window.under, cursor));
            spans.push(Span::styled(window.after, theme.bold()));
        }
    }
    if keep_tail {
        spans.push(Span::styled(tail, tail_style));
    }
    Line::from(spans)
}

/// Columns the typed text keeps before the hint is left out.
const MIN_TEXT: usize = 12;

/// What of a prompt's text is shown: before the cursor, the cell under it, after it.
struct Window {
    before: String,
    under: String,
    after: String,
}

/// The part of `text` around byte `cursor` that fits `room` columns with the cursor's
/// cell, cut with "…" on the side that does not fit.
fn window(text: &str, cursor: usize, room: usize) -> Window {
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let at = text[..cursor].graphemes(true).count();
    let under = graphemes.get(at).copied().unwrap_or(" ");
    let room = room.max(width(under) + 2);
    // From the cursor back as far as fits, keeping a column for a leading "…", and for
    // a trailing one when text follows the cursor.
    let trailing = usize::from(at + 1 < graphemes.len());
    let mut start = at;
    let mut used = width(under);
    while start > 0 {
        let w = width(graphemes[start - 1]);
        let ellipsis = usize::from(start > 1);
        if used + w + ellipsis + trailing > room {
            break;
        }
        used += w;
        start -= 1;
    }
    let lead = if start > 0 { "…" } else { "" };
    used += width(lead);
    // Then forward from the cursor, keeping a column for a trailing "…".
    let mut end = (at + 1).min(graphemes.len());
    while end < graphemes.len() {
        let w = width(graphemes[end]);
        let ellipsis = usize::from(end + 1 < graphemes.len());
        if used + w + ellipsis > room {
            break;
        }
        used += w;
        end += 1;
    }
    let trail = if end < graphemes.len() { "…" } else { "" };
    Window {
        before: format!("{lead}{}", graphemes[start..at].concat()),
        under: under.to_string(),
        after: format!("{}{trail}", graphemes[(at + 1).min(end)..end].concat()),
    }
}

/// A question before something that cannot be undone, and its answers.
fn question_line<'a>(q: &Question, theme: &Theme) -> Line<'a> {
    let ask = match q {
        Question::Replace(name) => format!("“{name}” is saved already: replace it? "),
        Question::Delete(name) => format!("Delete the saved scenario “{name}”? "),
    };
    Line::from(vec![
        Span::styled(ask, theme.warning()),
        Span::styled("y", theme.key()),
        Span::styled(" yes  ", theme.label()),
        Span::styled("n", theme.key()),
        Span::styled("/", theme.label()),
        Span::styled("Esc", theme.key()),
        Span::styled(" no", theme.label()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, cursor: usize, room: usize) -> String {
        let w = window(text, cursor, room);
        format!("{}[{}]{}", w.before, w.under, w.after)
    }

    #[test]
    fn the_window_keeps_the_cursor_in_view_and_marks_what_is_cut() {
        assert_eq!(shown("2014", 4, 20), "2014[ ]");
        assert_eq!(shown("2014", 0, 20), "[2]014");
        let long = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(shown(long, long.len(), 10), "…stuvwxyz[ ]");
        assert_eq!(shown(long, 0, 10), "[a]bcdefghi…");
        assert_eq!(shown(long, 13, 10), "…ghijklm[n]…");
        for (cursor, room) in [(0, 5), (13, 7), (26, 3), (5, 1)] {
            let w = window(long, cursor, room);
            let cols = width(&w.before) + width(&w.under) + width(&w.after);
            assert!(cols <= room.max(3), "{cols} columns in {room} at {cursor}");
        }
        // Korean syllables take two columns each.
        assert_eq!(shown("방위비분담금", 18, 7), "…담금[ ]");
    }
}
