//! One frame of the dashboard as text, for `sma-dash render`: the live screen's own
//! view code, drawn into an in-memory buffer after a script of keys. It has no layout
//! or rule of its own, and never touches the real terminal.

use std::fmt::Write as _;
use std::io;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::publish::escape_xml;
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
    Ok(buffer_text(&draw(app, width, height, keys)?, ansi))
}

/// Draws `app` at `width`×`height` after `keys`, as an SVG document: for pictures of
/// the dashboard in documentation.
pub fn frame_svg(
    app: &mut App,
    width: u16,
    height: u16,
    keys: ScriptedEvents,
) -> io::Result<String> {
    Ok(buffer_svg(&draw(app, width, height, keys)?))
}

/// The frame the dashboard draws at `width`×`height` after `keys`.
fn draw(app: &mut App, width: u16, height: u16, keys: ScriptedEvents) -> io::Result<Buffer> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).map_err(io::Error::other)?;
    let mut keys = keys;
    run(&mut terminal, app, &mut keys)?;
    Ok(terminal.backend().buffer().clone())
}

/// A cell's size in the SVG, in pixels, for 16 px monospace text.
const CELL_WIDTH: f64 = 9.6;
const CELL_HEIGHT: f64 = 20.0;
/// The terminal's own colours, where a cell sets none.
const DEFAULT_FG: &str = "#d0d0d0";
const DEFAULT_BG: &str = "#1c1c1c";

/// The buffer as an SVG: a background rectangle for each run of cells with a background
/// colour, and one `<text>` for each run of cells of one style, stretched to its cells
/// so that columns line up whatever the monospace font.
pub fn buffer_svg(buffer: &Buffer) -> String {
    let area = buffer.area;
    let (w, h) = (
        f64::from(area.width) * CELL_WIDTH,
        f64::from(area.height) * CELL_HEIGHT,
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.1} {h:.1}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="16">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>"#
    );
    let mut texts = String::new();
    for y in area.top()..area.bottom() {
        for run in style_runs(buffer, y) {
            let (fg, bg) = colours(run.style);
            let x = f64::from(run.column - area.left()) * CELL_WIDTH;
            let top = f64::from(y - area.top()) * CELL_HEIGHT;
            let width = f64::from(run.columns) * CELL_WIDTH;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    r#"<rect x="{x:.1}" y="{top:.1}" width="{width:.1}" height="{CELL_HEIGHT:.1}" fill="{bg}"/>"#
                );
            }
            if run.text.trim().is_empty() {
                continue;
            }
            let mut attributes = format!(r#"fill="{fg}""#);
            let m = run.style.add_modifier;
            if m.contains(Modifier::BOLD) {
                attributes.push_str(r#" font-weight="bold""#);
            }
            if m.contains(Modifier::ITALIC) {
                attributes.push_str(r#" font-style="italic""#);
            }
            if m.contains(Modifier::DIM) {
                attributes.push_str(r#" fill-opacity="0.6""#);
            }
            if m.contains(Modifier::UNDERLINED) {
                attributes.push_str(r#" text-decoration="underline""#);
            }
            if m.contains(Modifier::CROSSED_OUT) {
                attributes.push_str(r#" text-decoration="line-through""#);
            }
            let _ = writeln!(
                texts,
                r#"<text x="{x:.1}" y="{:.1}" textLength="{width:.1}" lengthAdjust="spacingAndGlyphs" xml:space="preserve" {attributes}>{}</text>"#,
                top + CELL_HEIGHT * 0.75,
                escape_xml(&run.text)
            );
        }
    }
    out.push_str(&texts);
    out.push_str("</svg>\n");
    out
}

/// Cells of one style side by side on a row.
struct Run {
    column: u16,
    columns: u16,
    style: Style,
    text: String,
}

/// A row's runs of one style, wide characters counted in the columns they take.
fn style_runs(buffer: &Buffer, y: u16) -> Vec<Run> {
    let area = buffer.area;
    let mut runs: Vec<Run> = Vec::new();
    let mut x = area.left();
    while x < area.right() {
        let cell = &buffer[(x, y)];
        let symbol = cell.symbol();
        let columns =
            (unicode_width::UnicodeWidthStr::width(symbol) as u16).clamp(1, area.right() - x);
        let style = plain(cell.style());
        match runs.last_mut() {
            Some(run) if run.style == style => {
                run.text.push_str(symbol);
                run.columns += columns;
            }
            _ => runs.push(Run {
                column: x,
                columns,
                style,
                text: symbol.to_string(),
            }),
        }
        x += columns;
    }
    runs
}

/// The text and background colours of a style, reversed where it says so; no
/// background where the terminal's own shows.
fn colours(style: Style) -> (String, Option<String>) {
    let fg = style.fg.map(hex);
    let bg = style.bg.map(hex);
    if style.add_modifier.contains(Modifier::REVERSED) {
        (
            bg.unwrap_or_else(|| DEFAULT_BG.into()),
            Some(fg.unwrap_or_else(|| DEFAULT_FG.into())),
        )
    } else {
        (fg.unwrap_or_else(|| DEFAULT_FG.into()), bg)
    }
}

/// A colour as `#rrggbb`: the named ones as xterm's defaults draw them.
fn hex(color: Color) -> String {
    const NAMED: [(u8, u8, u8); 16] = [
        (0x00, 0x00, 0x00),
        (0xcd, 0x00, 0x00),
        (0x00, 0xcd, 0x00),
        (0xcd, 0xcd, 0x00),
        (0x00, 0x00, 0xee),
        (0xcd, 0x00, 0xcd),
        (0x00, 0xcd, 0xcd),
        (0xe5, 0xe5, 0xe5),
        (0x7f, 0x7f, 0x7f),
        (0xff, 0x00, 0x00),
        (0x00, 0xff, 0x00),
        (0xff, 0xff, 0x00),
        (0x5c, 0x5c, 0xff),
        (0xff, 0x00, 0xff),
        (0x00, 0xff, 0xff),
        (0xff, 0xff, 0xff),
    ];
    let (r, g, b) = match color {
        Color::Reset => return DEFAULT_FG.into(),
        Color::Black => NAMED[0],
        Color::Red => NAMED[1],
        Color::Green => NAMED[2],
        Color::Yellow => NAMED[3],
        Color::Blue => NAMED[4],
        Color::Magenta => NAMED[5],
        Color::Cyan => NAMED[6],
        Color::Gray => NAMED[7],
        Color::DarkGray => NAMED[8],
        Color::LightRed => NAMED[9],
        Color::LightGreen => NAMED[10],
        Color::LightYellow => NAMED[11],
        Color::LightBlue => NAMED[12],
        Color::LightMagenta => NAMED[13],
        Color::LightCyan => NAMED[14],
        Color::White => NAMED[15],
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => (r, g, b),
    };
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The 256-colour palette: 16 named, a 6×6×6 cube, 24 greys.
fn indexed(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => {
            let named = [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
                Color::DarkGray,
                Color::LightRed,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightMagenta,
                Color::LightCyan,
                Color::White,
            ];
            let h = hex(named[usize::from(i)]);
            let channel = |k: usize| u8::from_str_radix(&h[k..k + 2], 16).unwrap_or(0);
            (channel(1), channel(3), channel(5))
        }
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let n = i - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
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
    fn svg_has_a_text_per_style_run_and_a_rect_per_background() {
        let mut b = Buffer::empty(Rect::new(0, 0, 10, 1));
        b.set_string(0, 0, "ab", Style::new().fg(Color::Red));
        b.set_string(2, 0, "c<d", Style::new().bg(Color::Rgb(1, 2, 3)));
        let svg = buffer_svg(&b);
        assert!(svg.contains(r##"fill="#cd0000">ab</text>"##), "{svg}");
        assert!(
            svg.contains(r##"<rect x="19.2" y="0.0" width="28.8" height="20.0" fill="#010203"/>"##),
            "{svg}"
        );
        assert!(svg.contains(">c&lt;d</text>"), "{svg}");
        assert_eq!(
            svg.matches("<text").count(),
            2,
            "blank runs draw no text: {svg}"
        );
        assert_eq!(indexed(196), (255, 0, 0));
        assert_eq!(indexed(244), (128, 128, 128));
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
