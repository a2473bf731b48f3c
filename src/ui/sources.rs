//! The sources list (`S`): every source as a row (id, date, publisher, title) with its
//! URL on a row of its own, whole, so it copies from the terminal; and, after Enter,
//! what the selected source supports.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::app::{App, Mode};
use crate::data::Source;
use crate::report::cite::support_words;

use super::detail::{DetailLine, DetailText};
use super::format::fit;
use super::layout;
use super::text::Border;
use super::theme::Theme;

/// Columns of a source's id, and of its date.
const ID_COLS: usize = 9;
const DATE_COLS: usize = 10;

pub fn render(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    if app.overlay != Some(Mode::Sources) || area.is_empty() {
        return;
    }
    // The whole width: URLs stay whole as far as the screen allows.
    let popup = area;
    f.render_widget(Clear, popup);
    let list = &app.sources;
    let query = if list.query.is_empty() {
        String::new()
    } else {
        format!(" · “{}”", list.query)
    };
    let title = format!(
        " Sources · {} · {}{query} ",
        list.shown.len(),
        list.order.label()
    );
    f.render_widget(
        Border::new(
            Line::from(Span::styled(title, theme.pane_title(true))),
            theme.border(true),
        ),
        popup,
    );
    let inner = layout::inner(popup);
    let cols = usize::from(inner.width);
    let height = usize::from(inner.height);
    let d = &app.data;
    let (lines, selected_rows) = match list.supports {
        None => {
            let rows: Vec<(Vec<DetailLine>, bool)> = list
                .shown
                .iter()
                .enumerate()
                .map(|(i, &s)| (source_rows(&d.sources[s], cols, theme), i == list.cursor))
                .collect();
            lay_out(rows, theme)
        }
        Some(row) => {
            let mut head: Vec<DetailLine> = Vec::new();
            if let Some(id) = list.selected(d)
                && let Some(s) = d.source(id)
            {
                head.extend(source_rows(s, cols, theme));
            }
            let supported = list.supported(app);
            head.push(DetailLine::Text(Line::styled(
                fit(
                    &format!(
                        "Cited for ({}) · Enter: go there · Esc: back",
                        supported.len()
                    ),
                    cols,
                ),
                theme.label(),
            )));
            let rows: Vec<(Vec<DetailLine>, bool)> = supported
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let line =
                        Line::raw(fit(&format!("  {}", support_words(c, d.info.host)), cols));
                    (vec![DetailLine::Text(line)], i == row)
                })
                .collect();
            let (mut lines, at) = lay_out(rows, theme);
            let head_rows = head.len();
            head.append(&mut lines);
            (head, at.map(|(a, b)| (a + head_rows, b + head_rows)))
        }
    };
    // Scrolled so that the selected row shows.
    let scroll = match selected_rows {
        Some((first, last)) if last > height => (last - height).min(first),
        _ => 0,
    };
    let text = DetailText::new(&lines, theme.link())
        .scroll(scroll as u16)
        .url_edge(f.area().right())
        .hyperlinks(app.hyperlinks);
    f.render_widget(text, inner);
}

/// One source: id, date, publisher and title on a row, the URL on the next.
fn source_rows<'a>(s: &Source, cols: usize, theme: &Theme) -> Vec<DetailLine<'a>> {
    let date = s
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    let rest = cols.saturating_sub(ID_COLS + DATE_COLS + 2);
    let mut rows = vec![DetailLine::Text(Line::from(vec![
        Span::styled(fit(&s.id, ID_COLS), theme.key()),
        Span::raw(" "),
        Span::styled(fit(&date, DATE_COLS), theme.label()),
        Span::raw(" "),
        Span::raw(fit(&format!("{} — {}", s.publisher, s.title), rest)),
    ]))];
    if let Some(url) = &s.url {
        rows.push(DetailLine::Url(url.clone()));
    }
    rows
}

/// The rows of every entry one after the other, the selected one's first row in the
/// selection's style; and where the selected entry's rows are (first, one past last).
fn lay_out<'a>(
    entries: Vec<(Vec<DetailLine<'a>>, bool)>,
    theme: &Theme,
) -> (Vec<DetailLine<'a>>, Option<(usize, usize)>) {
    let mut lines = Vec::new();
    let mut at = None;
    for (rows, selected) in entries {
        let first = lines.len();
        for (k, row) in rows.into_iter().enumerate() {
            lines.push(match row {
                DetailLine::Text(line) if selected && k == 0 => {
                    DetailLine::Text(line.style(theme.selected(true)))
                }
                other => other,
            });
        }
        if selected {
            at = Some((first, lines.len()));
        }
    }
    (lines, at)
}
