//! The help overlay, generated from the keymap so it always says what the keys do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{Binding, Keymap, SECTIONS};

use super::format::fit;
use super::theme::Theme;

/// "h/←" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join("/")
}

fn section_lines<'a>(keymap: &Keymap, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let key_cols = 12;
    let mut lines = Vec::new();
    for (scope, name) in SECTIONS {
        let bindings: Vec<&Binding> = keymap.in_scope(scope).collect();
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(name.to_string(), theme.header()));
        for b in bindings {
            lines.push(Line::from(vec![
                Span::styled(fit(&keys_label(b), key_cols), theme.key()),
                Span::raw(" "),
                Span::raw(fit(b.help, width.saturating_sub(key_cols + 1))),
            ]));
        }
    }
    lines
}

pub fn render(f: &mut Frame, keymap: &Keymap, area: Rect, theme: &Theme) {
    let popup = super::centered(area, 96, 94);
    f.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Keys ", theme.pane_title(true)))
        .title_bottom(Line::styled(" ? or Esc: close ", theme.dim()));
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    // As many columns as the lines need, split between sections.
    let single = section_lines(keymap, theme, inner.width as usize);
    let columns = (single.len() as u16)
        .div_ceil(inner.height.max(1))
        .clamp(1, 3);
    let col_width = inner.width / columns;
    let lines = section_lines(keymap, theme, col_width.saturating_sub(2) as usize);
    let per_column = lines.len().div_ceil(columns as usize);
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, u32::from(columns));
        columns as usize
    ])
    .split(inner);
    for (chunk, area) in lines.chunks(per_column.max(1)).zip(areas.iter()) {
        f.render_widget(Paragraph::new(chunk.to_vec()), *area);
    }
}
