//! Lines of text drawn cell by cell: what `Paragraph` draws without wrapping, to the
//! cell and style, at a fraction of the cost.
//!
//! `Paragraph` splits every span into grapheme clusters and measures each as a string,
//! and fills its whole area with its style first, even the default one: the largest
//! part of a frame. Most of what the dashboard writes needs none of that: every
//! character of ASCII, Latin, the punctuation, arrows, box drawing, blocks, braille and
//! Hangul syllables it uses is a grapheme of its own, one char wide or two. Spans made
//! only of such characters are written a char to a cell; any other span takes the
//! grapheme path, as `Paragraph` would.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// Lines drawn as `Paragraph::new(text).style(style).alignment(alignment)
/// .scroll((scroll, 0))` draws them, without wrapping.
#[derive(Debug, Clone, Default)]
pub struct Plain<'a> {
    text: Text<'a>,
    style: Style,
    alignment: Alignment,
    scroll: u16,
}

impl<'a> Plain<'a> {
    pub fn new(text: impl Into<Text<'a>>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// The style of the whole area, under the text's own styles.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// The alignment of lines that set none.
    pub fn alignment(mut self, alignment: Alignment) -> Self {
        self.alignment = alignment;
        self
    }

    /// Lines skipped at the top.
    pub fn scroll(mut self, lines: u16) -> Self {
        self.scroll = lines;
        self
    }
}

impl Widget for Plain<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if self.style != Style::default() {
            buf.set_style(area, self.style);
        }
        let lines = self.text.lines.iter().skip(usize::from(self.scroll));
        for (y, line) in (area.top()..area.bottom()).zip(lines) {
            let alignment = line.alignment.unwrap_or(self.alignment);
            draw_line(buf, area.x, y, area.width, line, self.text.style, alignment);
        }
    }
}

/// Whether `c` is a grapheme cluster of its own next to any other such char, with the
/// width `UnicodeWidthChar` gives it: no combining marks, joiners, selectors, controls
/// or Hangul jamo, which join with their neighbours.
fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{20A0}'..='\u{20C0}'
        | '\u{2190}'..='\u{23FF}'
        | '\u{2500}'..='\u{25FF}'
        | '\u{2800}'..='\u{28FF}'
        | '\u{AC00}'..='\u{D7A3}'
    )
}

/// The columns the graphemes of `line` that fit in `max` take, as `Paragraph`
/// truncates them: a grapheme wider than `max` is left out, the first that overflows
/// ends the line.
fn fitted_width(line: &Line, max: usize) -> usize {
    let mut used = 0;
    for_each_grapheme(line, Style::default(), max, |_, width, _| used += width);
    used
}

/// Calls `put(grapheme, width, style)` for each grapheme of `line` that fits in `max`
/// columns, with its style patched over `base`.
fn for_each_grapheme(
    line: &Line,
    base: Style,
    max: usize,
    mut put: impl FnMut(Grapheme, usize, Style),
) {
    let line_style = base.patch(line.style);
    let mut used = 0;
    for span in &line.spans {
        let style = line_style.patch(span.style);
        let content: &str = &span.content;
        if content.chars().all(stands_alone) {
            for c in content.chars() {
                let width = c.width().unwrap_or(0);
                if width > max {
                    continue;
                }
                if used + width > max {
                    return;
                }
                used += width;
                put(Grapheme::Char(c), width, style);
            }
        } else {
            for g in content.graphemes(true) {
                if g.contains(char::is_control) {
                    continue;
                }
                let width = usize::from(g.cell_width());
                if width > max {
                    continue;
                }
                if used + width > max {
                    return;
                }
                used += width;
                put(Grapheme::Str(g), width, style);
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Grapheme<'s> {
    Char(char),
    Str(&'s str),
}

/// One line at row `y` from column `x`, `width` columns wide.
fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    line: &Line,
    base: Style,
    alignment: Alignment,
) {
    let max = usize::from(width);
    let offset = match alignment {
        Alignment::Left => 0,
        Alignment::Center => (max / 2).saturating_sub(fitted_width(line, max) / 2),
        Alignment::Right => max.saturating_sub(fitted_width(line, max)),
    };
    let row = buf.index_of(x, y);
    let mut column = row + offset;
    let cells = &mut buf.content;
    for_each_grapheme(line, base, max, |g, w, style| {
        if w == 0 {
            return;
        }
        let cell = &mut cells[column];
        match g {
            Grapheme::Char(c) => cell.set_char(c),
            Grapheme::Str(s) => cell.set_symbol(if s.is_empty() { " " } else { s }),
        }
        .set_style(style);
        column += w;
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use ratatui::widgets::Paragraph;
    use unicode_width::UnicodeWidthStr;

    /// Every char taken a cell at a time is a grapheme of its own, beside any other
    /// such char or ASCII, with the same width as a string.
    #[test]
    fn chars_that_stand_alone_are_graphemes_of_their_own() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| stands_alone(*c))
        {
            let s = c.to_string();
            assert_eq!(c.width(), Some(s.width()), "width of {c:?}");
            for text in [
                format!("{c}{c}"),
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}가"),
            ] {
                assert_eq!(text.graphemes(true).count(), 2, "{text:?}");
            }
        }
    }

    fn both(width: u16, height: u16, paragraph: Paragraph, plain: Plain) -> (Buffer, Buffer) {
        let area = Rect::new(0, 0, width, height);
        // Something under the text, as a frame has from the widgets drawn before it.
        let mut under = Buffer::empty(area);
        under.set_string(
            0,
            0,
            "#".repeat(usize::from(width)),
            Style::new().fg(Color::Red),
        );
        let (mut a, mut b) = (under.clone(), under);
        paragraph.render(area, &mut a);
        plain.render(area, &mut b);
        (a, b)
    }

    #[test]
    fn draws_what_paragraph_draws() {
        let styled = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let lines = || {
            vec![
                Line::from(vec![
                    Span::styled("2019-02-10", styled),
                    Span::raw(" round "),
                    Span::raw("장원삼 Chang Won-sam · ₩/$ ▸ █▒▼ ⣿ –"),
                ]),
                Line::from("e\u{301}\u{200B}tab\tx 👍🏽 ｶﾞ 가\u{11A8}").style(Style::new().reversed()),
                Line::from(vec![Span::raw("right"), Span::styled("ed", styled)])
                    .alignment(Alignment::Right),
                Line::from("centred 가나다").alignment(Alignment::Center),
                Line::from("가".repeat(30)),
                Line::raw(""),
            ]
        };
        for width in [1, 2, 3, 7, 12, 19, 40, 80] {
            for scroll in [0, 1, 4] {
                for style in [Style::default(), Style::new().bg(Color::Blue)] {
                    for alignment in [Alignment::Left, Alignment::Right] {
                        let (a, b) = both(
                            width,
                            5,
                            Paragraph::new(lines())
                                .style(style)
                                .alignment(alignment)
                                .scroll((scroll, 0)),
                            Plain::new(lines())
                                .style(style)
                                .alignment(alignment)
                                .scroll(scroll),
                        );
                        assert_eq!(a, b, "width {width}, scroll {scroll}, {style:?}");
                    }
                }
            }
        }
    }
}
