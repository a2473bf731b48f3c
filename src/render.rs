//! One frame of the dashboard as text, for `sma-dash render`: the live screen's own
//! view code, drawn into an in-memory buffer after a script of keys.

use std::fmt::Write as _;
use std::io;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::runtime::{ScriptedEvents, run};

/// The largest frame `render` draws.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// Draws `app` at `width`×`height` after `keys`, as plain text or with ANSI colour.
pub fn frame(
    app: &mut App,
    width: u16,
    height: u16,
    keys: ScriptedEvents,
    ansi: bool,
) -> io::Result<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).map_err(io::Error::other)?;
    let mut keys = keys;
    run(&mut terminal, app, &mut keys)?;
    Ok(buffer_text(terminal.backend().buffer(), ansi))
}

/// Each row of the buffer, trailing blanks trimmed; with `ansi`, SGR sequences where the
/// style changes and a reset at the end of each row.
pub fn buffer_text(buffer: &Buffer, ansi: bool) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut plain_len = 0;
        // The style in force where the kept text ends.
        let mut end_style = Style::default();
        let mut style = Style::default();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            // A wide character's second column is drawn by the first.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            let cell_style = plain(cell.style());
            if ansi && cell_style != style {
                style = cell_style;
                line.push_str(&sgr(style));
            }
            line.push_str(symbol);
            if !symbol.trim().is_empty() || (ansi && style.bg.is_some()) {
                plain_len = line.len();
                end_style = style;
            }
        }
        line.truncate(plain_len);
        out.push_str(&line);
        if ansi && end_style != Style::default() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}

/// Only what the escape sequences set, with `Reset` as no colour, so that cells that
/// look the same compare equal.
fn plain(style: Style) -> Style {
    let mut out = Style::new().add_modifier(style.add_modifier - style.sub_modifier);
    out.fg = style.fg.filter(|c| *c != Color::Reset);
    out.bg = style.bg.filter(|c| *c != Color::Reset);
    out
}

/// The escape sequence that sets `style` from a clean slate.
fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = vec!["0".into()];
    let modifiers = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ];
    for (m, code) in modifiers {
        if style.add_modifier.contains(m) {
            codes.push(code.into());
        }
    }
    if let Some(c) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(c);
    }
    if let Some(c) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(c);
    }
    let mut s = String::new();
    let _ = write!(s, "\x1b[{}m", codes.join(";"));
    s
}

fn color_code(color: Color, background: bool) -> Option<String> {
    let base = if background { 40 } else { 30 };
    let named = |n: u8, bright: bool| Some((if bright { base + 60 } else { base } + n).to_string());
    match color {
        Color::Reset => None,
        Color::Black => named(0, false),
        Color::Red => named(1, false),
        Color::Green => named(2, false),
        Color::Yellow => named(3, false),
        Color::Blue => named(4, false),
        Color::Magenta => named(5, false),
        Color::Cyan => named(6, false),
        Color::Gray => named(7, false),
        Color::DarkGray => named(0, true),
        Color::LightRed => named(1, true),
        Color::LightGreen => named(2, true),
        Color::LightYellow => named(3, true),
        Color::LightBlue => named(4, true),
        Color::LightMagenta => named(5, true),
        Color::LightCyan => named(6, true),
        Color::White => named(7, true),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn plain_text_trims_rows_and_keeps_wide_characters_once() {
        let mut b = Buffer::empty(Rect::new(0, 0, 8, 2));
        b.set_string(0, 0, "장원삼 x", Style::default());
        assert_eq!(buffer_text(&b, false), "장원삼 x\n\n");
    }

    #[test]
    fn ansi_sets_and_resets_styles() {
        let mut b = Buffer::empty(Rect::new(0, 0, 4, 1));
        b.set_string(
            0,
            0,
            "ab",
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        );
        assert_eq!(buffer_text(&b, true), "\x1b[0;1;31mab\x1b[0m\n");
    }
}
