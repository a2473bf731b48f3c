//! The help overlay, generated from the keymap so it always says what the keys do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::app::keymap::{Binding, Keymap, SECTIONS};

use super::format::{fit, width};
use super::text::Plain;
use super::theme::Theme;
use super::timeline::FUTURE_MARK;

/// Narrowest column that keeps the descriptions readable.
const MIN_COLUMN: u16 = 44;

/// "h/←" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// What the marks on the panes mean, after the keys.
const MARKS: [(&str, &str); 12] = [
    ("›", "the selected row"),
    (FUTURE_MARK, "an event after today: still to come"),
    ("●", "the pinned scenario, the one charted"),
    ("◆", "a scenario compared with it (x)"),
    ("▒ •", "projected"),
    ("░", "projected with a rule past its agreement"),
    ("* ^", "the agreement's cap bound that year"),
    ("†", "the rule extended past its agreement"),
    ("╎ ░", "the band between the low and high paths"),
    ("▼ ┊", "the year cursor"),
    ("┄", "the 28,500 level"),
    ("*", "beside an assumption: not the default"),
];

/// Each section as a block of lines: its name, then one line per binding; last, the
/// marks.
fn sections<'a>(keymap: &Keymap, theme: &Theme, cols: usize) -> Vec<Vec<Line<'a>>> {
    let key_cols = keymap
        .bindings
        .iter()
        .map(|b| width(&keys_label(b)))
        .max()
        .unwrap_or(8);
    let line = |key: &str, help: &str| {
        Line::from(vec![
            Span::styled(fit(key, key_cols), theme.key()),
            Span::raw(" "),
            Span::raw(fit(help, cols.saturating_sub(key_cols + 1))),
        ])
    };
    let mut marks = vec![Line::styled("Marks", theme.header())];
    marks.extend(MARKS.iter().map(|(mark, meaning)| line(mark, meaning)));
    let keys = SECTIONS.iter().filter_map(|(scope, name)| {
        let bindings: Vec<&Binding> = keymap.in_scope(*scope).collect();
        if bindings.is_empty() {
            return None;
        }
        let mut lines = vec![Line::styled(name.to_string(), theme.header())];
        lines.extend(bindings.into_iter().map(|b| line(&keys_label(b), b.help)));
        lines.push(Line::raw(""));
        Some(lines)
    });
    keys.chain(std::iter::once(marks)).collect()
}

/// Where the help overlay goes in `area`: most of a wide screen, all of a narrow one.
fn popup(area: Rect) -> Rect {
    if area.width >= 100 {
        super::centered(area, 90, 94)
    } else {
        area
    }
}

fn block<'a>(theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Keys ", theme.pane_title(true)))
}

/// The sections laid out in as many columns as fit `inner`; sections are not split.
fn columns<'a>(keymap: &Keymap, theme: &Theme, inner: Rect) -> Vec<Vec<Line<'a>>> {
    let columns = (inner.width / MIN_COLUMN).clamp(1, 3);
    let col_width = inner.width / columns;
    let blocks = sections(keymap, theme, col_width.saturating_sub(2) as usize);
    let total: usize = blocks.iter().map(Vec::len).sum();
    let per_column = total.div_ceil(columns as usize);
    let mut filled: Vec<Vec<Line>> = vec![Vec::new(); columns as usize];
    let mut column = 0;
    for block in blocks {
        if !filled[column].is_empty()
            && filled[column].len() + block.len() > per_column
            && column + 1 < filled.len()
        {
            column += 1;
        }
        filled[column].extend(block);
    }
    filled
}

/// How far the help in `area` can scroll, and how many lines a page is.
pub fn limits(keymap: &Keymap, area: Rect) -> (u16, u16) {
    let inner = block(&Theme::new(false, Default::default())).inner(popup(area));
    let longest = columns(keymap, &Theme::new(false, Default::default()), inner)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let max = longest.saturating_sub(inner.height as usize);
    (max.min(u16::MAX as usize) as u16, inner.height.max(1))
}

pub fn render(f: &mut Frame, keymap: &Keymap, scroll: u16, area: Rect, theme: &Theme) {
    let popup = popup(area);
    f.render_widget(Clear, popup);
    let block = block(theme);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let filled = columns(keymap, theme, inner);
    // Scroll only as far as the longest column needs.
    let longest = filled.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = scroll.min(longest.saturating_sub(inner.height as usize) as u16);
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, u32::from(filled.len() as u16));
        filled.len()
    ])
    .split(inner);
    for (lines, area) in filled.into_iter().zip(areas.iter()) {
        f.render_widget(Plain::new(lines).scroll(scroll), *area);
    }
    if longest > inner.height as usize + scroll as usize {
        super::more_below(f, popup, "j/↓", theme);
    }
}
