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
use ratatui::symbols;
use ratatui::text::{Line, Span, Text};
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

/// Lines wrapped at word boundaries as `Paragraph::new(text).wrap(Wrap { trim: false })`
/// wraps and draws them, to the cell and style: ratatui's word wrapper, taken a char at
/// a time where every span is made of chars that stand alone (see `stands_alone`),
/// instead of a grapheme at a time measured as strings; any other text goes through
/// `Paragraph` itself.
#[derive(Debug, Clone)]
pub struct Wrapped<'a> {
    text: Text<'a>,
    scroll: u16,
}

impl<'a> Wrapped<'a> {
    pub fn new(text: impl Into<Text<'a>>) -> Self {
        Self {
            text: text.into(),
            scroll: 0,
        }
    }

    /// Wrapped rows skipped at the top, as `Paragraph::scroll((rows, 0))` skips them.
    pub fn scroll(mut self, rows: u16) -> Self {
        self.scroll = rows;
        self
    }

    /// Whether every line is drawn a char at a time (else `Paragraph` draws them).
    fn simple(&self) -> bool {
        self.text.lines.iter().all(|l| {
            l.alignment.is_none_or(|a| a == Alignment::Left)
                && l.spans.iter().all(|s| s.content.chars().all(stands_alone))
        })
    }

    /// Each line's chars with their widths and styles.
    fn pieces<'s>(&'s self, line: &'s Line<'a>) -> impl Iterator<Item = Piece> + 's {
        pieces(self.text.style, line)
    }

    /// How many rows the text wraps to in `width` columns.
    pub fn rows(&self, width: u16) -> usize {
        if width == 0 {
            return 0;
        }
        if !self.simple() {
            // Text of other scripts (a CJK ideograph, a combining mark): counted by the
            // wrapper that draws it, so what is stacked below starts below it.
            return ratatui::widgets::Paragraph::new(self.text.clone())
                .wrap(ratatui::widgets::Wrap { trim: false })
                .line_count(width);
        }
        let mut wrapped = Vec::new();
        let mut count = 0;
        for line in &self.text.lines {
            wrap_words(self.pieces(line), width, &mut wrapped);
            count += wrapped.len();
            wrapped.clear();
        }
        count
    }
}

/// One char of wrapped text: the char, its width, its style.
type Piece = (char, u16, Style);

/// The chars of `line` with their widths and styles, patched over `base`.
fn pieces<'s>(base: Style, line: &'s Line) -> impl Iterator<Item = Piece> + 's {
    let base = base.patch(line.style);
    line.spans.iter().flat_map(move |span| {
        let style = base.patch(span.style);
        span.content
            .chars()
            .map(move |c| (c, c.width().unwrap_or(0) as u16, style))
    })
}

/// The rows `line` wraps to in `width` columns, as `Wrapped` wraps it, each a line of
/// its own: for text laid out before it is drawn (beside a column of keys, in columns).
/// Text whose chars join into wider graphemes is measured a char at a time.
pub fn wrap_line(line: &Line, width: u16) -> Vec<Line<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let mut wrapped = Vec::new();
    wrap_words(pieces(Style::default(), line), width, &mut wrapped);
    // The wrapper can leave a row a wide char past the width (see `Wrapped`): such a
    // row goes on on the next.
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for row in wrapped {
        let mut used = 0;
        rows.push(Vec::new());
        for piece in row {
            if used + piece.1 > width {
                rows.push(Vec::new());
                used = 0;
            }
            used += piece.1;
            rows.last_mut().expect("a row").push(piece);
        }
    }
    rows.into_iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (c, _, style) in row {
                match spans.last_mut() {
                    Some(span) if span.style == style => span.content.to_mut().push(c),
                    _ => spans.push(Span::styled(c.to_string(), style)),
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// Whitespace as ratatui's wrapper takes it: a no-break space is not.
fn breaks(c: char) -> bool {
    c.is_whitespace() && c != '\u{A0}'
}

impl Widget for Wrapped<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl Wrapped<'_> {
    /// Draws as `render` does, and says how many rows it drew: a caller stacking texts
    /// learns where the next goes without wrapping this one twice.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> u16 {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return 0;
        }
        if !self.simple() {
            let rows = self
                .rows(area.width)
                .saturating_sub(usize::from(self.scroll));
            ratatui::widgets::Paragraph::new(self.text)
                .wrap(ratatui::widgets::Wrap { trim: false })
                .scroll((self.scroll, 0))
                .render(area, buf);
            return rows.min(usize::from(area.height)) as u16;
        }
        let mut y = area.top();
        let mut skip = usize::from(self.scroll);
        let mut wrapped: Vec<Vec<Piece>> = Vec::new();
        for line in &self.text.lines {
            wrap_words(self.pieces(line), area.width, &mut wrapped);
            let skipped = skip.min(wrapped.len());
            skip -= skipped;
            for row in wrapped.drain(..).skip(skipped) {
                if y >= area.bottom() {
                    return y - area.top();
                }
                let mut x = area.left();
                for (c, w, style) in row {
                    if w == 0 {
                        continue;
                    }
                    // The wrapper can push a row past the area's edge behind a wide char,
                    // where ratatui's paragraph writes outside its buffer (and panics);
                    // the cells inside are drawn as it draws them.
                    if x >= area.right() {
                        break;
                    }
                    buf[(x, y)].set_char(c).set_style(style);
                    x += w;
                }
                y += 1;
            }
        }
        y - area.top()
    }
}

/// ratatui's `WordWrapper::process_input` with `trim` off, over chars: the rows one
/// input line wraps to, pushed onto `out`.
fn wrap_words(pieces: impl Iterator<Item = Piece>, max: u16, out: &mut Vec<Vec<Piece>>) {
    let first = out.len();
    let mut pending_line: Vec<Piece> = Vec::new();
    let mut pending_word: Vec<Piece> = Vec::new();
    let mut pending_whitespace: std::collections::VecDeque<Piece> =
        std::collections::VecDeque::new();
    let (mut line_width, mut word_width, mut whitespace_width) = (0u16, 0u16, 0u16);
    let mut non_whitespace_previous = false;
    for piece in pieces {
        let (c, symbol_width, _) = piece;
        let is_whitespace = breaks(c);
        // Symbols wider than the line are left out.
        if symbol_width > max {
            continue;
        }
        let word_found = non_whitespace_previous && is_whitespace;
        // The whole word, its whitespace before it included, would overflow.
        let untrimmed_overflow =
            pending_line.is_empty() && word_width + whitespace_width + symbol_width > max;
        if word_found || untrimmed_overflow {
            pending_line.extend(pending_whitespace.drain(..));
            line_width += whitespace_width;
            pending_line.append(&mut pending_word);
            line_width += word_width;
            whitespace_width = 0;
            word_width = 0;
        }
        let line_full = line_width >= max;
        let pending_word_overflow =
            symbol_width > 0 && line_width + whitespace_width + word_width >= max;
        if line_full || pending_word_overflow {
            let mut remaining_width = max.saturating_sub(line_width);
            out.push(std::mem::take(&mut pending_line));
            line_width = 0;
            // Whitespace up to the end of the row goes with it.
            while let Some(&(_, width, _)) = pending_whitespace.front() {
                if width > remaining_width {
                    break;
                }
                whitespace_width -= width;
                remaining_width -= width;
                pending_whitespace.pop_front();
            }
            // The first whitespace does not count toward the next word.
            if is_whitespace && pending_whitespace.is_empty() {
                continue;
            }
        }
        if is_whitespace {
            whitespace_width += symbol_width;
            pending_whitespace.push_back(piece);
        } else {
            word_width += symbol_width;
            pending_word.push(piece);
        }
        non_whitespace_previous = !is_whitespace;
    }
    pending_line.extend(pending_whitespace.drain(..));
    pending_line.append(&mut pending_word);
    if !pending_line.is_empty() {
        out.push(pending_line);
    }
    if out.len() == first {
        out.push(Vec::new());
    }
}

/// A pane's border with a title at its top left: what `Block::bordered()
/// .border_style(style).title(title)` draws, to the cell and style, without first
/// filling the whole area with the block's style (a set on every cell of the pane, for
/// the default style that changes none).
#[derive(Debug, Clone)]
pub struct Border<'a> {
    title: Line<'a>,
    style: Style,
    set: symbols::border::Set<'static>,
}

impl<'a> Border<'a> {
    pub fn new(title: Line<'a>, style: Style) -> Self {
        Self {
            title,
            style,
            set: symbols::border::PLAIN,
        }
    }

    /// Drawn in thick lines (`┏━┓`) if `thick`, as `Block::border_set(THICK)` draws.
    pub fn thick(self, thick: bool) -> Self {
        Self {
            set: if thick {
                symbols::border::THICK
            } else {
                symbols::border::PLAIN
            },
            ..self
        }
    }
}

impl Widget for Border<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (left, right) = (area.left(), area.right() - 1);
        let (top, bottom) = (area.top(), area.bottom() - 1);
        let set = self.set;
        let mut put = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(self.style);
        };
        // Sides, then corners, in the block's order: where they meet on a tiny area the
        // same one wins.
        for y in top..=bottom {
            put(left, y, set.vertical_left);
        }
        for x in left..=right {
            put(x, top, set.horizontal_top);
        }
        for y in top..=bottom {
            put(right, y, set.vertical_right);
        }
        for x in left..=right {
            put(x, bottom, set.horizontal_bottom);
        }
        put(right, bottom, set.bottom_right);
        put(right, top, set.top_right);
        put(left, bottom, set.bottom_left);
        put(left, top, set.top_left);
        if area.width > 2 {
            // One line a pane: ratatui's own, as the block draws it.
            self.title
                .render(Rect::new(left + 1, top, area.width - 2, 1), buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use ratatui::widgets::Paragraph;
    use unicode_width::UnicodeWidthStr;

    /// Text of any script says the rows it draws, so that what is stacked below it (a
    /// source's URL under its title) never lands on its last row.
    #[test]
    fn text_of_any_script_wraps_to_the_rows_it_says() {
        for text in [
            " R11 한미 방위비협상 28년史 (28 years of ROK–US cost-sharing talks) — Money Today, 2019-03-08",
            "e\u{301}tude e\u{301}tude e\u{301}tude e\u{301}tude e\u{301}tude e\u{301}tude",
            "東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜 川崎 仙台 広島",
        ] {
            for width in [10u16, 23, 40, 78] {
                let wrapped = Wrapped::new(Line::from(text));
                let mut buf = Buffer::empty(Rect::new(0, 0, width, 30));
                let drawn = wrapped.clone().draw(buf.area, &mut buf);
                assert_eq!(wrapped.rows(width), usize::from(drawn), "{text} at {width}");
                let below = (0..width).all(|x| buf[(x, drawn)].symbol() == " ");
                assert!(below, "{text} at {width}: drew past the rows it said");
            }
        }
    }

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

    #[test]
    fn a_border_is_what_a_bordered_block_draws() {
        use ratatui::widgets::Block;
        let title = || {
            Line::from(vec![
                Span::styled(
                    " 1 Timeline ",
                    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                ),
                Span::styled(" 90 events — 장원삼 ", Style::new().fg(Color::Gray)),
            ])
        };
        let border = Style::new().fg(Color::DarkGray);
        for (w, h) in [(40, 10), (12, 3), (3, 2), (1, 1), (2, 5), (80, 1)] {
            let area = Rect::new(0, 0, w, h);
            let mut expected = Buffer::empty(area);
            let mut drawn = Buffer::empty(area);
            // Something under it, as the frame holds before.
            for buf in [&mut expected, &mut drawn] {
                buf.set_string(0, 0, "x".repeat(w as usize), Style::new().fg(Color::Red));
            }
            for thick in [false, true] {
                let (mut expected, mut drawn) = (expected.clone(), drawn.clone());
                let set = if thick {
                    ratatui::symbols::border::THICK
                } else {
                    ratatui::symbols::border::PLAIN
                };
                Block::bordered()
                    .border_set(set)
                    .border_style(border)
                    .title(title())
                    .render(area, &mut expected);
                Border::new(title(), border)
                    .thick(thick)
                    .render(area, &mut drawn);
                assert_eq!(drawn, expected, "{w}x{h}, thick {thick}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// A line's wrapped rows fit the width and keep every char but the spaces at
        /// the breaks; in text of narrow chars they are the rows `Wrapped` draws.
        #[test]
        fn wrapped_rows_fit_keep_the_text_and_draw_as_wrapped_does(
            spans in proptest::collection::vec(("[a-z ]{0,9}|[가-힣 ]{0,4}| {1,3}", proptest::bool::ANY), 0..8),
            width in 1u16..30,
        ) {
            let line = Line::from(
                spans
                    .iter()
                    .map(|(t, bold)| Span::styled(t.clone(), if *bold { Style::new().bold() } else { Style::new() }))
                    .collect::<Vec<_>>(),
            );
            let rows = wrap_line(&line, width);
            let chars = |l: &Line| -> String {
                l.spans.iter().flat_map(|s| s.content.chars()).filter(|c| !c.is_whitespace()).collect()
            };
            let kept: String = rows.iter().map(chars).collect();
            let wide_dropped = width < 2;
            if !wide_dropped {
                proptest::prop_assert_eq!(kept, chars(&line));
            }
            for row in &rows {
                proptest::prop_assert!(row.width() <= usize::from(width));
            }
            if line.spans.iter().all(|s| s.content.is_ascii()) {
                let area = Rect::new(0, 0, width, rows.len().max(1) as u16);
                let (mut a, mut b) = (Buffer::empty(area), Buffer::empty(area));
                Wrapped::new(line.clone()).render(area, &mut a);
                Plain::new(rows).render(area, &mut b);
                proptest::prop_assert_eq!(a, b);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// Wrapped text is what a wrapping paragraph draws, cell for cell: words,
        /// runs of spaces, no-break spaces, Korean, styles changing mid-word, widths
        /// down to one.
        #[test]
        fn wrapped_text_is_what_a_wrapping_paragraph_draws(
            lines in proptest::collection::vec(
                proptest::collection::vec(("[a-z ]{0,6}|[가-힣 ]{0,4}|[\u{a0}.,—-]{0,3}| {1,3}", 0u8..3), 0..6),
                0..5,
            ),
            width in 1u16..30,
            height in 1u16..12,
        ) {
            let styles = [Style::new(), Style::new().fg(Color::Red), Style::new().add_modifier(Modifier::BOLD)];
            let text: Vec<Line> = lines
                .iter()
                .map(|spans| {
                    Line::from(
                        spans
                            .iter()
                            .map(|(t, s)| Span::styled(t.clone(), styles[*s as usize]))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect();
            let area = Rect::new(0, 0, width, height);
            let text_again = text.clone();
            let scroll = height / 3;
            let mut drawn = Buffer::empty(area);
            Wrapped::new(text.clone()).scroll(scroll).render(area, &mut drawn);
            // Where ratatui's paragraph draws (it panics writing a wide char past a
            // narrow area's edge, which `Wrapped` leaves out), the two agree.
            let paragraph = std::panic::catch_unwind(|| {
                let mut expected = Buffer::empty(area);
                Paragraph::new(text)
                    .wrap(ratatui::widgets::Wrap { trim: false })
                    .scroll((scroll, 0))
                    .render(area, &mut expected);
                expected
            });
            if let Ok(expected) = paragraph {
                proptest::prop_assert_eq!(drawn, expected);
            }
            // Scrolled past all its rows, the text leaves the area blank.
            let wrapped = Wrapped::new(text_again);
            let rows = wrapped.rows(width) as u16;
            let mut past = Buffer::empty(area);
            wrapped.scroll(rows).render(area, &mut past);
            proptest::prop_assert_eq!(past, Buffer::empty(area));
        }
    }
}
