//! The status area: the keys of the focused pane, generated from the keymap and taken
//! by their priority, after the last confirmation (wrapped over rows of its own above
//! the keys when it is long); or a prompt (search, the name to save a scenario as, a
//! value, a year) with its cursor; or a yes-or-no question.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::keymap::{Binding, Keymap, Scope};
use std::mem::discriminant;

use crate::app::{App, Mode, Prompt, PromptKind, Question};
use crate::econ::spec;

use super::format::width;
use super::text::{Plain, Wrapped};
use super::theme::Theme;

/// The most rows a message wraps to above the keys.
const MESSAGE_ROWS: usize = 3;

/// Rows the status area takes on a screen `width` columns wide: one, or above the keys
/// the rows a message too long to share their line wraps to (at most `MESSAGE_ROWS`).
pub fn rows(app: &App, width: u16) -> u16 {
    match message_rows(app, width) {
        0 => 1,
        rows => rows as u16 + 1,
    }
}

/// The rows of a message too long to share the keys' line (it would take more than
/// half of it, leaving the keys too little); none for one that shares it, or while a
/// prompt holds the line.
fn message_rows(app: &App, cols: u16) -> usize {
    match &app.status {
        Some(message) if app.prompt.is_none() && app.question.is_none() => {
            if width(message) + 2 <= usize::from(cols) / 2 {
                0
            } else {
                Wrapped::new(message.as_str()).rows(cols).min(MESSAGE_ROWS)
            }
        }
        _ => 0,
    }
}

/// Draws the status area: a message too long for the keys' line wrapped above it, then
/// the line.
pub fn render(f: &mut Frame, app: &App, keymap: &Keymap, theme: &Theme, area: Rect) {
    if area.is_empty() {
        return;
    }
    let wrapped = message_rows(app, area.width) > 0;
    if let Some(message) = app.status.as_deref().filter(|_| wrapped) {
        let above = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        let text = Line::styled(message.to_string(), theme.message());
        f.render_widget(Wrapped::new(text), above);
    }
    let last = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let line = line(app, keymap, theme, usize::from(area.width), !wrapped);
    f.render_widget(Plain::new(line), last);
}

/// The status line for a screen `room` columns wide: the question asked, or the prompt
/// open, or the message (where `with_message`, when it fits beside them) and the keys.
fn line<'a>(
    app: &App,
    keymap: &Keymap,
    theme: &Theme,
    room: usize,
    with_message: bool,
) -> Line<'a> {
    if let Some(q) = &app.question {
        return question_line(q, theme);
    }
    if let Some(p) = &app.prompt {
        return prompt_line(app, p, theme, room);
    }
    let mut spans = Vec::new();
    if let Some(message) = app.status.as_ref().filter(|_| with_message) {
        spans.push(Span::styled(format!("{message}  "), theme.message()));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.extend(keys(app, keymap, theme, room.saturating_sub(used)));
    Line::from(spans)
}

/// The keys of what has focus that fit in `room` columns: taken by priority (and in
/// the line's order within one), drawn in the line's order (the pane's or overlay's own
/// keys, then those that work anywhere, then the dashboard's). A key that does not fit
/// is left out whole, never cut.
fn keys<'a>(app: &App, keymap: &Keymap, theme: &Theme, room: usize) -> Vec<Span<'a>> {
    let mode = app.mode();
    let scopes = match mode {
        Mode::Help => vec![Scope::Help, Scope::Always],
        Mode::Detail => vec![Scope::Detail, Scope::Always],
        Mode::Kinds => vec![Scope::Kinds, Scope::Always],
        Mode::Sources => vec![Scope::Sources, Scope::Always],
        Mode::Shares => vec![Scope::Shares, Scope::Always],
        _ => vec![Scope::Pane(app.focus), Scope::Always, Scope::Dashboard],
    };
    // Troops lists only the keys that change Troops, not the Costs view's.
    let costs_keys_hidden = mode == Mode::Dashboard && app.focus == crate::app::Pane::Troops;
    let hidden = |b: &Binding| {
        (costs_keys_hidden && b.action.changes_costs_only()) || super::hosts::hint_hidden(app, b)
    };
    // The share estimates' keys while one is shown whole: they scroll it, Enter goes
    // back to the list.
    let whole = mode == Mode::Shares && app.shares.whole;
    let mut entries: Vec<(u8, String, String)> = Vec::new();
    for scope in scopes {
        let bindings: Vec<&Binding> = keymap.in_scope(scope).collect();
        for (i, b) in bindings.iter().enumerate() {
            if let Some((words, priority)) = listed(b).filter(|_| !hidden(b)) {
                // With both hosts, `c` picks the measure: said so, and kept sooner.
                let (words, priority) = super::hosts::hint(app, b).unwrap_or((words, priority));
                entries.push((
                    priority,
                    pair_label(b, bindings.get(i + 1)),
                    // The currency toggle names the shown host's: "won/$", "yen/$".
                    words
                        .replace("{currency}", app.data.info.host.currency())
                        .replace("{move}", if whole { "scroll" } else { "move" })
                        .replace("{whole}", if whole { "list" } else { "whole" }),
                ));
            }
        }
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| (entries[i].0, i));
    let mut taken = vec![false; entries.len()];
    let mut used = 0;
    for i in order {
        let (_, keys, words) = &entries[i];
        // Two spaces before every entry but the first.
        let gap = if used == 0 { 0 } else { 2 };
        let cols = gap + width(keys) + 1 + width(words);
        // Only a prefix of the order: a wider line then keeps what a narrower shows.
        if used + cols > room {
            break;
        }
        used += cols;
        taken[i] = true;
    }
    let mut spans = Vec::new();
    for (i, (_, keys, words)) in entries.into_iter().enumerate() {
        if taken[i] {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(keys, theme.key()));
            spans.push(Span::styled(format!(" {words}"), theme.label()));
        }
    }
    spans
}

/// The first key of a binding, joined with the next binding's first key when that one
/// is its unlisted opposite (the same action the other way): "j/k move", "h/l year".
fn pair_label(b: &Binding, next: Option<&&Binding>) -> String {
    let first = |b: &Binding| b.keys.first().map(|k| k.to_string()).unwrap_or_default();
    let same_kind = |n: &Binding| discriminant(&n.action) == discriminant(&b.action);
    match next {
        Some(n) if listed(n).is_none() && same_kind(n) => format!("{}/{}", first(b), first(n)),
        _ => first(b),
    }
}

/// The bindings the status line lists, by their table and name in the config file: the
/// few words it says (`{currency}` is the shown host's; `{move}` and `{whole}` what the
/// share estimates' keys do, in the list or with one shown whole), and which it keeps when short of room (1 first, then 2 and so on;
/// those of one priority in the line's order). The others are in the help alone.
const LISTED: &[(&str, &str, &str, u8)] = &[
    ("anywhere", "help", "help", 1),
    ("help", "close", "close", 1),
    ("dashboard", "quit", "quit", 1),
    ("dashboard", "focus-next", "next pane", 5),
    ("dashboard", "zoom", "zoom", 5),
    ("dashboard", "year-prev", "year", 5),
    ("dashboard", "go-to-year", "go to year", 5),
    ("dashboard", "table", "table", 4),
    ("dashboard", "metric", "metric", 4),
    ("dashboard", "currency", "{currency}/$", 3),
    ("dashboard", "real", "real", 3),
    ("dashboard", "chart", "bars/line", 3),
    ("dashboard", "projections", "projections", 3),
    ("dashboard", "band", "band", 4),
    ("dashboard", "host", "host", 2),
    ("dashboard", "save", "save", 2),
    ("dashboard", "export", "export", 2),
    ("dashboard", "copy", "copy", 2),
    ("dashboard", "sources", "sources list", 6),
    ("dashboard", "shares", "shares", 7),
    ("dashboard", "image", "image", 9),
    ("help", "down", "scroll", 1),
    ("help", "page-next", "page", 1),
    ("detail", "down", "scroll", 9),
    ("detail", "next", "next", 9),
    ("detail", "copy", "copy", 1),
    ("detail", "close", "close", 1),
    ("sources", "down", "move", 2),
    ("sources", "detail", "supports", 1),
    ("sources", "search", "search", 1),
    ("sources", "sort", "sort", 2),
    ("sources", "copy", "copy", 1),
    ("sources", "close", "close", 1),
    ("shares", "down", "{move}", 2),
    ("shares", "detail", "{whole}", 1),
    ("shares", "copy", "copy", 1),
    ("shares", "close", "close", 1),
    ("timeline", "down", "move", 1),
    ("timeline", "agreement-next", "agreement", 2),
    ("timeline", "detail", "detail", 1),
    ("timeline", "search", "search", 1),
    ("timeline", "filter", "filter", 2),
    ("timeline", "kinds", "kinds", 9),
    ("timeline", "order", "order", 2),
    ("kinds", "down", "move", 2),
    ("kinds", "toggle", "show/hide", 1),
    ("kinds", "filter-clear", "all", 2),
    ("kinds", "close", "close", 1),
    ("costs", "down", "year", 4),
    ("costs", "detail", "sources", 2),
    ("troops", "down", "year", 4),
    ("troops", "detail", "sources", 2),
    ("troops", "history", "all years", 1),
    ("assumptions", "down", "select", 1),
    ("assumptions", "select", "type/pin", 1),
    ("assumptions", "raise", "step", 1),
    ("assumptions", "raise-big", "big step", 3),
    ("assumptions", "compare", "compare", 2),
    ("assumptions", "reset", "reset", 2),
];

/// The status line's words for a binding and their priority, if it lists the binding.
fn listed(b: &Binding) -> Option<(&'static str, u8)> {
    let table = b.scope.config_name();
    LISTED
        .iter()
        .find(|(t, name, _, _)| *t == table && *name == b.name)
        .map(|(_, _, words, priority)| (*words, *priority))
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
                    "{}{} ({} to {}{years}): ",
                    s.label,
                    super::assumptions::shared_note(app, id),
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
        PromptKind::SourceSearch => ("Sources /".to_string(), "keep"),
    };
    // A refusal says what was expected: the question's long label gives it room, and
    // keeps a short one of its own.
    let ask = match (p.error.is_some(), p.kind) {
        (true, PromptKind::Assumption(_)) => "= ".to_string(),
        (true, PromptKind::GoToYear) => "Go to year: ".to_string(),
        _ => ask,
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
    use crate::app::Pane;
    use crate::data::Dataset;

    fn app() -> App {
        crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    /// The entries of a status line ("u won/$"), split at the double spaces.
    fn entries(line: &Line) -> Vec<String> {
        text(line)
            .split("  ")
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect()
    }

    fn keys_line(app: &App, room: usize) -> Line<'static> {
        let theme = Theme::new(false, Default::default());
        line(app, &app.keymap, &theme, room, true)
    }

    #[test]
    fn the_focused_pane_s_keys_fill_the_line_by_priority_in_a_stable_order() {
        let mut app = app();
        // What must be there at 80 columns already, for each pane.
        let must = [
            (
                Pane::Timeline,
                &["j/k move", "Enter detail", "/ search", "? help", "q quit"][..],
            ),
            (
                Pane::Costs,
                &[
                    "Enter sources",
                    "y copy",
                    "u won/$",
                    "r real",
                    "s save",
                    "e export",
                    "? help",
                ][..],
            ),
            (
                Pane::Troops,
                &[
                    "Enter sources",
                    "y copy",
                    "a all years",
                    "s save",
                    "e export",
                    "? help",
                ][..],
            ),
            (
                Pane::Assumptions,
                &["j/k select", "Enter type/pin", "+/- step", "? help"][..],
            ),
        ];
        for (pane, must) in must {
            app.focus = pane;
            // Everything the pane lists, in the line's order.
            let all = entries(&keys_line(&app, 1000));
            // Troops lists only keys that change Troops.
            if pane == Pane::Troops {
                for costs_only in ["u won/$", "r real", "c metric", "b band", "p projections"] {
                    assert!(
                        !all.iter().any(|e| e == costs_only),
                        "{costs_only} in {all:?}"
                    );
                }
            }
            let mut before: Vec<String> = Vec::new();
            for room in [80, 100, 120] {
                let line = keys_line(&app, room);
                assert!(line.width() <= room, "{pane:?} at {room}: {}", text(&line));
                let shown = entries(&line);
                for key in must {
                    assert!(
                        shown.iter().any(|e| e == key),
                        "{pane:?} at {room}: {key} missing from {shown:?}"
                    );
                }
                // Drawn in the line's order, whichever fit.
                let in_order: Vec<&String> = all.iter().filter(|e| shown.contains(e)).collect();
                assert_eq!(
                    shown.iter().collect::<Vec<_>>(),
                    in_order,
                    "{pane:?} at {room}"
                );
                // A wider line keeps what a narrower one shows.
                for e in &before {
                    assert!(shown.contains(e), "{pane:?} at {room} drops {e}");
                }
                before = shown;
            }
        }
    }

    #[test]
    fn with_both_hosts_the_line_offers_no_key_that_does_nothing_there() {
        use crate::econ::compare::MeasureKind;
        let mut app = crate::app::hosts::tests::both_hosts_app();
        app.change(|i| i.host = crate::app::HostChoice::Both);
        for pane in [Pane::Timeline, Pane::Costs, Pane::Assumptions] {
            app.focus = pane;
            let all = entries(&keys_line(&app, 1000));
            for gone in ["m bars/line", "p projections"] {
                assert!(
                    !all.iter().any(|e| e == gone),
                    "{pane:?}: {gone} in {all:?}"
                );
            }
            assert!(!all.iter().any(|e| e.starts_with("u ")), "{all:?}");
            // `r` goes between dollars and real dollars: offered on those alone.
            assert!(all.iter().any(|e| e == "r real"), "{pane:?}: {all:?}");
            assert!(all.iter().any(|e| e == "b band"), "{pane:?}: {all:?}");
        }
        app.change(|i| i.measure = MeasureKind::ShareOfGdp);
        app.focus = Pane::Costs;
        let all = entries(&keys_line(&app, 1000));
        assert!(!all.iter().any(|e| e == "r real"), "{all:?}");
        // On Assumptions `r` is its totals' (Korea's), whatever the measure.
        app.focus = Pane::Assumptions;
        let all = entries(&keys_line(&app, 1000));
        assert!(all.iter().any(|e| e == "r real"), "{all:?}");
        // One host: all offered again.
        app.change(|i| i.host = crate::app::HostChoice::Korea);
        let all = entries(&keys_line(&app, 1000));
        for back in ["m bars/line", "p projections", "r real", "u won/$"] {
            assert!(all.iter().any(|e| e == back), "{back}: {all:?}");
        }
    }

    #[test]
    fn keys_that_do_not_fit_are_left_out_whole() {
        let mut app = app();
        app.focus = Pane::Costs;
        let all = entries(&keys_line(&app, 1000));
        for room in 0..200 {
            let line = keys_line(&app, room);
            assert!(line.width() <= room, "{room}: {}", text(&line));
            for e in entries(&line) {
                assert!(all.contains(&e), "{room}: {e} is cut");
            }
        }
        // Help and quit first of all.
        assert_eq!(entries(&keys_line(&app, 15)), ["? help", "q quit"]);
    }

    #[test]
    fn a_message_that_fits_shares_the_line_and_a_long_one_wraps_above_it() {
        let mut app = app();
        assert_eq!(rows(&app, 80), 1);
        app.status = Some("currency: dollars".into());
        assert_eq!(rows(&app, 80), 1);
        let line = keys_line(&app, 80);
        assert!(
            text(&line).starts_with("currency: dollars  "),
            "{}",
            text(&line)
        );
        app.status = Some(format!(
            "exported /home/someone/{}/sma-dash-costs.csv",
            "x".repeat(40)
        ));
        assert_eq!(rows(&app, 80), 3, "two rows of message, then the keys");
        assert_eq!(rows(&app, 200), 1);
        // Never more than three rows of message.
        app.status = Some("word ".repeat(200));
        assert_eq!(rows(&app, 80), 4);
        // A prompt holds the line.
        app.prompt = Some(Prompt::new(PromptKind::GoToYear));
        assert_eq!(rows(&app, 80), 1);
    }

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
