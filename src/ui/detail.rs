//! The detail popup: the selected event's (or agreement's) text, or the figure at the
//! year cursor, each with every source. One popup and one scrolling for both.
//!
//! A URL stands on a line of its own and is never wrapped, so that it copies whole from
//! the terminal: a URL cut by the popup's border (`│`) would not. The popup takes the
//! whole width when a URL is longer than its usual inner width; a URL longer still runs
//! over the border to the screen's edge and is cut there only, its OSC 8 hyperlink
//! (where switched on) still holding all of it.

use std::num::NonZeroU16;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthChar;

use crate::app::{App, DetailOf, Mode};
use crate::data::Dataset;

use super::format::{truncate, width};
use super::text::{Border, Wrapped};
use super::theme::Theme;
use super::{figure, timeline};

/// Columns a URL is indented by under its source, where it fits with them.
const URL_INDENT: u16 = 2;

/// One line of a detail: text, wrapped at words, or a URL on a row of its own.
#[derive(Debug, Clone)]
pub enum DetailLine<'a> {
    Text(Line<'a>),
    Url(String),
}

impl<'a> From<Line<'a>> for DetailLine<'a> {
    fn from(line: Line<'a>) -> Self {
        DetailLine::Text(line)
    }
}

/// What the popup shows: its title and its lines.
pub struct Detail<'a> {
    pub title: String,
    pub lines: Vec<DetailLine<'a>>,
}

/// "Sources:" (or another heading) then each cited source: its id, title, publisher
/// and date, and its URL on a line of its own.
pub fn source_lines<'a>(
    d: &Dataset,
    heading: &str,
    ids: &[String],
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    let mut lines = vec![DetailLine::Text(Line::styled(
        heading.to_string(),
        theme.label(),
    ))];
    let by_id = d.sources_by_id();
    for id in ids {
        match by_id.get(id.as_str()) {
            Some(s) => {
                let date = s.date.map(|d| format!(", {d}")).unwrap_or_default();
                lines.push(DetailLine::Text(Line::from(vec![
                    Span::styled(format!(" {id} "), theme.dim()),
                    Span::raw(format!("{} — {}{date}", s.title, s.publisher)),
                ])));
                if let Some(url) = &s.url {
                    lines.push(DetailLine::Url(url.clone()));
                } else if let Some(why) = &s.no_url {
                    lines.push(DetailLine::Text(Line::styled(
                        format!("   No URL: {why}"),
                        theme.dim(),
                    )));
                }
            }
            None => lines.push(DetailLine::Text(Line::styled(
                format!(" {id} (not in the sources table)"),
                theme.warning(),
            ))),
        }
    }
    lines
}

/// Detail lines drawn top to bottom from a scrolled row: text wrapped at words, URLs
/// one row each, unwrapped, from `URL_INDENT` in where they fit, else from the left
/// edge and on to `url_edge` (an x past the area's right edge, or at it), cut there
/// with "…".
pub struct DetailText<'t, 'a> {
    lines: &'t [DetailLine<'a>],
    scroll: u16,
    url_style: Style,
    url_edge: u16,
    hyperlinks: bool,
}

impl<'t, 'a> DetailText<'t, 'a> {
    pub fn new(lines: &'t [DetailLine<'a>], url_style: Style) -> Self {
        Self {
            lines,
            scroll: 0,
            url_style,
            url_edge: 0,
            hyperlinks: false,
        }
    }

    /// Rows skipped at the top.
    pub fn scroll(mut self, rows: u16) -> Self {
        self.scroll = rows;
        self
    }

    /// How far right a URL longer than the area may run (cut at the area's own edge
    /// when this lies inside it).
    pub fn url_edge(mut self, x: u16) -> Self {
        self.url_edge = x;
        self
    }

    /// URLs sent as OSC 8 hyperlinks.
    pub fn hyperlinks(mut self, on: bool) -> Self {
        self.hyperlinks = on;
        self
    }

    /// How many rows the lines take in `width` columns.
    pub fn rows(&self, width: u16) -> usize {
        self.lines.iter().map(|l| line_rows(l, width)).sum()
    }
}

fn line_rows(line: &DetailLine, width: u16) -> usize {
    match line {
        DetailLine::Text(text) => Wrapped::new(text.clone()).rows(width),
        DetailLine::Url(_) => usize::from(width > 0),
    }
}

impl Widget for DetailText<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let mut y = area.top();
        let mut skip = usize::from(self.scroll);
        for line in self.lines {
            if y >= area.bottom() {
                break;
            }
            // Only the lines scrolled past are measured; the others are wrapped once,
            // as they are drawn.
            if skip > 0 {
                let rows = line_rows(line, area.width);
                if skip >= rows {
                    skip -= rows;
                    continue;
                }
            }
            match line {
                DetailLine::Text(text) => {
                    let rest = Rect::new(area.x, y, area.width, area.bottom() - y);
                    y += Wrapped::new(text.clone())
                        .scroll(skip as u16)
                        .draw(rest, buf);
                }
                DetailLine::Url(url) => {
                    let edge = self.url_edge.clamp(area.right(), buf.area.right());
                    draw_url(buf, (area, edge), y, url, self.url_style, self.hyperlinks);
                    y += 1;
                }
            }
            skip = 0;
        }
    }
}

/// Whether a URL may go into an OSC 8 sequence: printable ASCII only, so nothing in it
/// can end the sequence early or act on the terminal.
fn linkable(url: &str) -> bool {
    !url.is_empty() && url.bytes().all(|b| (0x21..0x7f).contains(&b))
}

/// One URL at row `y` of `area`, unwrapped, indented where it fits, on to `edge` at
/// most, where a URL longer still ends in "…". As a hyperlink, the first cell holds the whole OSC 8 sequence with the visible
/// part and is forced to that width, so ratatui writes it once and moves past it; the
/// other cells keep their characters, which is what the terminal shows there.
fn draw_url(
    buf: &mut Buffer,
    (area, edge): (Rect, u16),
    y: u16,
    url: &str,
    style: Style,
    link: bool,
) {
    let url_width = width(url) as u16;
    let indent = if url_width + URL_INDENT <= area.width {
        URL_INDENT
    } else {
        0
    };
    let start = area.x + indent;
    // Cut where it must be, and say so: a URL copied from here is whole or ends in "…".
    let cut = start + url_width > edge;
    let last = if cut { edge.saturating_sub(1) } else { edge };
    let mut x = start;
    let mut visible = String::new();
    for c in url.chars() {
        let w = c.width().unwrap_or(0) as u16;
        if w == 0 {
            continue;
        }
        if x + w > last {
            break;
        }
        buf[(x, y)].set_char(c).set_style(style);
        visible.push(c);
        x += w;
    }
    if cut && x < edge {
        buf[(x, y)].set_char('…').set_style(style);
        visible.push('…');
        x += 1;
    }
    let shown = x - start;
    if link
        && linkable(url)
        && let Some(shown) = NonZeroU16::new(shown)
    {
        let cell = &mut buf[(start, y)];
        cell.set_symbol(&format!("\x1b]8;;{url}\x07{visible}\x1b]8;;\x07"));
        cell.set_diff_option(CellDiffOption::ForcedWidth(shown));
    }
}

/// What the popup shows now.
fn detail<'a>(app: &App, theme: &Theme) -> Detail<'a> {
    match app.detail {
        DetailOf::Row => timeline::detail(app, theme),
        DetailOf::Figure(pane) => figure::detail(app, pane, theme),
    }
}

/// Where the popup goes in the panes' `area`: most of it, or its whole width when a
/// URL would not fit the usual inner width.
fn popup_area(area: Rect, detail: &Detail) -> Rect {
    let usual = super::centered(area, 84, 80);
    let inner = usual.width.saturating_sub(2);
    let long_url = detail.lines.iter().any(|l| match l {
        DetailLine::Url(url) => width(url) as u16 + URL_INDENT > inner,
        DetailLine::Text(_) => false,
    });
    if long_url {
        Rect {
            x: area.x,
            width: area.width,
            ..usual
        }
    } else {
        usual
    }
}

/// How far the popup in `area` can scroll, and its page.
pub fn popup_limits(app: &App, area: Rect, theme: &Theme) -> (u16, u16) {
    let detail = detail(app, theme);
    let inner = super::layout::inner(popup_area(area, &detail));
    let rows = DetailText::new(&detail.lines, theme.link()).rows(inner.width);
    let max = rows.saturating_sub(usize::from(inner.height));
    (max.min(usize::from(u16::MAX)) as u16, inner.height.max(1))
}

pub fn render_popup(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    if app.mode() != Mode::Detail {
        return;
    }
    let detail = detail(app, theme);
    let popup = popup_area(area, &detail);
    f.render_widget(Clear, popup);
    let title = truncate(&detail.title, popup.width as usize / 2);
    let border = Border::new(
        Line::from(Span::styled(format!(" {title} "), theme.pane_title(true))),
        theme.border(true),
    );
    f.render_widget(border, popup);
    scrolled_lines(f, app, &detail.lines, popup, theme);
}

/// `lines` inside the border of `popup`, scrolled as the overlay is, with "more below"
/// on the border while they go on past it: the detail's and a share estimate's text.
pub(super) fn scrolled_lines(
    f: &mut Frame,
    app: &App,
    lines: &[DetailLine],
    popup: Rect,
    theme: &Theme,
) {
    let inner = super::layout::inner(popup);
    let text = DetailText::new(lines, theme.link())
        .scroll(app.overlay_scroll)
        .url_edge(f.area().right())
        .hyperlinks(app.hyperlinks);
    let rows = text.rows(inner.width);
    f.render_widget(text, inner);
    if rows > usize::from(inner.height) + usize::from(app.overlay_scroll) {
        super::more_below(f, popup, "j/PgDn", theme);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_lines() -> Vec<DetailLine<'static>> {
        vec![
            DetailLine::Text(Line::raw("one two three four five six")),
            DetailLine::Url("https://example.com/a/long/path".into()),
            DetailLine::Text(Line::raw("end")),
        ]
    }

    fn row(buf: &Buffer, y: u16) -> String {
        (buf.area.left()..buf.area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn text_wraps_and_a_url_takes_one_row_unwrapped() {
        let lines = url_lines();
        let text = DetailText::new(&lines, Style::new());
        assert_eq!(text.rows(12), 3 + 1 + 1);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 5));
        DetailText::new(&lines, Style::new())
            .url_edge(40)
            .render(Rect::new(0, 0, 12, 5), &mut buf);
        // Longer than the area: from its left edge, on past it to the edge given.
        assert_eq!(row(&buf, 3).trim_end(), "https://example.com/a/long/path");
        assert_eq!(row(&buf, 4).trim_end(), "end");
    }

    #[test]
    fn scrolling_skips_wrapped_rows_and_url_rows_alike() {
        let lines = url_lines();
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 2));
        DetailText::new(&lines, Style::new())
            .scroll(2)
            .url_edge(40)
            .render(Rect::new(0, 0, 40, 2), &mut buf);
        assert_eq!(row(&buf, 0).trim_end(), "end");
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 2));
        DetailText::new(&lines, Style::new())
            .scroll(1)
            .render(Rect::new(0, 0, 40, 2), &mut buf);
        assert_eq!(row(&buf, 0).trim_end(), "  https://example.com/a/long/path");
    }

    #[test]
    fn a_hyperlink_is_one_cell_forced_to_the_visible_width() {
        let url = "https://example.com/a/long/path";
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        draw_url(
            &mut buf,
            (Rect::new(0, 0, 10, 1), 20),
            0,
            url,
            Style::new(),
            true,
        );
        let first = &buf[(0, 0)];
        // The whole URL is the link's target; the visible part is what fits.
        assert_eq!(
            first.symbol(),
            "\x1b]8;;https://example.com/a/long/path\x07https://example.com…\x1b]8;;\x07"
        );
        assert_eq!(
            first.diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::new(20).unwrap())
        );
        assert_eq!(buf[(1, 0)].symbol(), "t");
        // Drawn over a blank screen, the link is written once, as one cell.
        let blank = Buffer::empty(buf.area);
        assert_eq!(blank.diff(&buf).len(), 1);
        // A URL with a control character is never put in a sequence.
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        draw_url(
            &mut buf,
            (Rect::new(0, 0, 20, 1), 20),
            0,
            "https://x\u{7}y",
            Style::new(),
            true,
        );
        assert!(
            buf.content()
                .iter()
                .all(|c| c.diff_option == CellDiffOption::None)
        );
    }
}
