//! A figure as an SVG document: title, subtitle, legend, axes with round ticks, the
//! lines (solid where recorded, dashed where projected), bands, marks and the notes
//! under the chart. Sizes grow with the width, a little less than in proportion: a
//! 1200 px image shown at 600 keeps its text legible, and so does one drawn at 600.

use std::fmt::Write as _;

use crate::data::{FISCAL_PREFIX, YearAxis};
use crate::numbers::{round_step, thousands};

use super::figure::{Figure, FigureLine, LinePoint, LineStyle, Swatch};
use super::{Size, Theme};

/// The fonts the text asks for: DejaVu Sans first, the face embedded for bitmaps.
pub const FONT_FAMILY: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

struct Palette {
    background: &'static str,
    text: &'static str,
    muted: &'static str,
    grid: &'static str,
    axis: &'static str,
    shade: &'static str,
    level: &'static str,
    series: [&'static str; 6],
}

fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            background: "#ffffff",
            text: "#1b1b1b",
            muted: "#5c6166",
            grid: "#e4e6e8",
            axis: "#8a9096",
            shade: "#f1f3f5",
            level: "#2e7d32",
            series: [
                "#1f5fa8", "#c0392b", "#2a9d4b", "#8e44ad", "#b7791f", "#4a5568",
            ],
        },
        Theme::Dark => Palette {
            background: "#15181c",
            text: "#eceff1",
            muted: "#a7adb3",
            grid: "#2b3036",
            axis: "#6c737a",
            shade: "#1e2329",
            level: "#7bc67e",
            series: [
                "#5fb3f0", "#ff8a80", "#8ee4a0", "#c9a2f2", "#f6c26b", "#cfd8dc",
            ],
        },
    }
}

/// Font sizes and spacing, in pixels at 1200 px wide.
mod px {
    pub const MARGIN: f64 = 40.0;
    pub const TITLE: f64 = 34.0;
    pub const SUBTITLE: f64 = 21.0;
    pub const LEGEND: f64 = 19.0;
    pub const TICK: f64 = 19.0;
    pub const NOTE: f64 = 18.0;
    pub const FOOTER: f64 = 16.0;
    pub const MARKER: f64 = 4.5;
    pub const STROKE: f64 = 3.0;
}

/// Roughly how wide a character of DejaVu Sans is, in ems, for wrapping and room.
const CHAR_EM: f64 = 0.58;
const DIGIT_EM: f64 = 0.64;

/// Where the plot sits in the image, and the years and values its edges stand for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    /// First and last year on the x axis.
    pub years: (i32, i32),
    /// The value at the bottom and at the top of the y axis, and the tick step.
    pub values: (f64, f64),
    pub step: f64,
}

impl Layout {
    /// The centre of a year's column.
    pub fn x(&self, year: i32) -> f64 {
        let n = f64::from(self.years.1 - self.years.0 + 1);
        self.left + (f64::from(year - self.years.0) + 0.5) / n * (self.right - self.left)
    }

    pub fn y(&self, value: f64) -> f64 {
        let (lo, hi) = self.values;
        self.bottom - (value - lo) / (hi - lo) * (self.bottom - self.top)
    }

    /// A year's column width.
    fn year_width(&self) -> f64 {
        (self.right - self.left) / f64::from(self.years.1 - self.years.0 + 1)
    }

    /// The y ticks, bottom to top.
    fn ticks(&self) -> Vec<f64> {
        let n = ((self.values.1 - self.values.0) / self.step).round() as i64;
        (0..=n)
            .map(|i| self.values.0 + i as f64 * self.step)
            .collect()
    }
}

/// The y axis from zero (or below it) to a round value above the greatest.
fn value_axis(lo: f64, hi: f64) -> ((f64, f64), f64) {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
        (lo, lo + 1.0)
    } else {
        (lo, hi)
    };
    // About five steps from bottom to top.
    let step = round_step((hi - lo) / 5.0);
    let bottom = (lo / step).floor() * step;
    let top = (hi / step).ceil() * step;
    ((bottom, top), step)
}

/// Digits after the point a tick step needs.
fn step_decimals(step: f64) -> usize {
    (0..4)
        .find(|d| {
            let scaled = step * 10f64.powi(*d);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4) as usize
}

/// The width of a year tick of `chars` characters at the tick size.
fn tick_label_width(chars: usize, c: &Canvas) -> f64 {
    chars as f64 * c.px(px::TICK) * DIGIT_EM + c.px(16.0)
}

/// Whether the ticks of an axis `axis` over `years`, `width` wide, read "FY2000": the
/// rule [`YearAxis::prefixed`] gives the dashboard's charts too.
fn fiscal_ticks(axis: YearAxis, years: (i32, i32), width: f64, c: &Canvas) -> bool {
    let count = |chars: usize| {
        let step = year_step(years, width, tick_label_width(chars, c));
        let first = years.0 + (step - years.0.rem_euclid(step)) % step;
        (first..=years.1).step_by(step as usize).count()
    };
    axis.prefixed(count(4), count(4 + FISCAL_PREFIX.len()))
}

/// The year labels' step: the smallest round step whose labels fit side by side.
fn year_step(years: (i32, i32), width: f64, label: f64) -> i32 {
    let n = years.1 - years.0 + 1;
    [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|s| f64::from(n / s + 1) * label <= width)
        .unwrap_or(100)
}

/// `text` in lines of at most `chars` characters, broken at spaces; each line but the
/// last keeps its space, so the lines joined read as the text.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(' ') {
        if !line.is_empty() && line.chars().count() + word.trim_end().chars().count() > chars {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text made safe inside an XML element or attribute.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The SVG being written, at a scale.
struct Canvas {
    out: String,
    scale: f64,
}

impl Canvas {
    fn px(&self, v: f64) -> f64 {
        v * self.scale
    }

    /// Lines of text from `y` down, each `leading` below the last, as one element.
    fn text_lines(
        &mut self,
        (x, y): (f64, f64),
        lines: &[String],
        size: f64,
        leading: f64,
        attributes: &str,
    ) {
        let _ = write!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" {attributes}>"#
        );
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { leading };
            let _ = write!(
                self.out,
                r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#,
                escape_xml(line)
            );
        }
        self.out.push_str("</text>\n");
    }

    fn text(&mut self, (x, y): (f64, f64), text: &str, size: f64, attributes: &str) {
        let _ = writeln!(
            self.out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" {attributes}>{}</text>"#,
            escape_xml(text)
        );
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), attributes: &str) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {attributes}/>"#
        );
    }
}

/// How many characters of a font size fit in a width.
fn chars_in(width: f64, size: f64) -> usize {
    ((width / (size * CHAR_EM)).floor() as usize).max(8)
}

/// Where the legend's entries go: their positions, row by row, and the rows' count.
fn legend_positions(figure: &Figure, left: f64, width: f64, c: &Canvas) -> (Vec<f64>, Vec<usize>) {
    let size = c.px(px::LEGEND);
    let swatch = c.px(36.0);
    let gap = c.px(26.0);
    let (mut xs, mut rows) = (Vec::new(), Vec::new());
    let (mut x, mut row) = (left, 0);
    for item in &figure.legend {
        let chars = legend_label(&item.label, width - swatch - c.px(8.0), size)
            .chars()
            .count();
        let w = swatch + c.px(8.0) + chars as f64 * size * CHAR_EM;
        if x > left && x + w > left + width {
            x = left;
            row += 1;
        }
        xs.push(x);
        rows.push(row);
        x += w + gap;
    }
    (xs, rows)
}

/// A legend entry's words, cut with "…" to fit a row.
fn legend_label(label: &str, width: f64, size: f64) -> String {
    let fits = chars_in(width, size);
    if label.chars().count() <= fits {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(fits - 1).collect();
        cut.push('…');
        cut
    }
}

/// Where every part of the figure goes at this size.
struct Frame {
    layout: Layout,
    title: Vec<String>,
    title_y: f64,
    subtitle: Vec<String>,
    subtitle_y: f64,
    legend_x: Vec<f64>,
    legend_row: Vec<usize>,
    legend_y: f64,
    notes: Vec<String>,
    notes_y: f64,
    footer: Vec<String>,
    footer_y: f64,
    end_label_room: f64,
}

fn frame(figure: &Figure, size: Size, c: &Canvas) -> Frame {
    let (w, h) = (f64::from(size.width), f64::from(size.height));
    let margin = c.px(px::MARGIN);
    let inner = w - 2.0 * margin;
    let title = wrap(&figure.title, chars_in(inner, c.px(px::TITLE) * 1.08));
    let title_y = c.px(30.0) + c.px(px::TITLE);
    let subtitle = wrap(&figure.subtitle, chars_in(inner, c.px(px::SUBTITLE)));
    let subtitle_y = title_y + (title.len() - 1) as f64 * c.px(40.0) + c.px(34.0);
    let (legend_x, legend_row) = legend_positions(figure, margin, inner, c);
    let legend_y = subtitle_y + (subtitle.len() - 1) as f64 * c.px(26.0) + c.px(38.0);
    let legend_rows = legend_row.last().map_or(0, |r| r + 1);
    let top = legend_y + legend_rows.saturating_sub(1) as f64 * c.px(28.0) + c.px(30.0);

    let years = figure.years().unwrap_or((0, 1));
    let (values, step) = {
        let (lo, hi) = figure.values().unwrap_or((0.0, 1.0));
        value_axis(lo, hi)
    };
    let tick_decimals = step_decimals(step);
    let widest = [values.0, values.1]
        .iter()
        .map(|v| thousands(*v, tick_decimals).chars().count())
        .max()
        .unwrap_or(1);
    let left = margin + widest as f64 * c.px(px::TICK) * DIGIT_EM + c.px(14.0);
    let end_label_room = figure
        .lines
        .iter()
        .filter_map(|l| l.points.last())
        .map(|p| thousands(p.value, figure.decimals).chars().count())
        .max()
        .map_or(0.0, |n| n as f64 * c.px(px::TICK) * DIGIT_EM + c.px(14.0));
    let right = (w - margin - end_label_room).max(left + c.px(40.0));

    // Under the plot: the marks' meanings, what the years are where the ticks do not
    // say, and the source (notes); then the footer.
    let mut marks = figure.marks.clone();
    let prefixed = fiscal_ticks(figure.years, years, right - left, c);
    marks.extend(figure.years.note(prefixed, false).map(String::from));
    let mut notes: Vec<String> = Vec::new();
    if !marks.is_empty() {
        notes.extend(wrap(&marks.join(" · "), chars_in(inner, c.px(px::NOTE))));
    }
    notes.extend(wrap(&figure.source, chars_in(inner, c.px(px::NOTE))));
    let footer = wrap(&figure.footer, chars_in(inner, c.px(px::FOOTER)));
    let footer_y = h - c.px(22.0) - (footer.len() - 1) as f64 * c.px(20.0);
    let notes_y = footer_y - c.px(26.0) - (notes.len() - 1) as f64 * c.px(22.0);
    let bottom = (notes_y - c.px(66.0)).max(top + c.px(20.0));
    Frame {
        layout: Layout {
            left,
            top,
            right,
            bottom,
            years,
            values,
            step,
        },
        title,
        title_y,
        subtitle,
        subtitle_y,
        legend_x,
        legend_row,
        legend_y,
        notes,
        notes_y,
        footer,
        footer_y,
        end_label_room,
    }
}

/// How much larger than at 1200 px wide everything is drawn: less than in proportion,
/// so that a narrow image keeps its text legible and a wide one does not shout; but no
/// larger than leaves the plot at least 45 % of the height.
fn scale(figure: &Figure, size: Size) -> f64 {
    let proportional = f64::from(size.width) / 1200.0;
    let mut scale = proportional.powf(0.6);
    while scale > proportional {
        let c = Canvas {
            out: String::new(),
            scale,
        };
        let l = frame(figure, size, &c).layout;
        if l.bottom - l.top >= 0.45 * f64::from(size.height) {
            break;
        }
        scale = (scale * 0.92).max(proportional);
    }
    scale
}

/// Where `figure` draws its plot at `size`: what tests check the points against.
pub fn layout(figure: &Figure, size: Size) -> Layout {
    let c = Canvas {
        out: String::new(),
        scale: scale(figure, size),
    };
    frame(figure, size, &c).layout
}

/// The figure as an SVG document of `size`, in `theme`.
pub fn to_svg(figure: &Figure, size: Size, theme: Theme) -> String {
    let p = palette(theme);
    let (w, h) = (size.width, size.height);
    let mut c = Canvas {
        out: String::with_capacity(64 * 1024),
        scale: scale(figure, size),
    };
    let f = frame(figure, size, &c);
    let l = f.layout;
    let _ = writeln!(
        c.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" data-chart="{}">"#,
        figure.kind.key()
    );
    let _ = writeln!(c.out, "<title>{}</title>", escape_xml(&figure.title));
    let _ = writeln!(
        c.out,
        "<desc>{}. {}. {}</desc>",
        escape_xml(&figure.subtitle),
        escape_xml(&figure.source),
        escape_xml(&figure.footer)
    );
    let _ = writeln!(
        c.out,
        r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
        p.background
    );

    // Title, subtitle, legend.
    let margin = c.px(px::MARGIN);
    let title_size = c.px(px::TITLE);
    let attributes = format!(r#"font-weight="bold" fill="{}""#, p.text);
    c.text_lines(
        (margin, f.title_y),
        &f.title,
        title_size,
        c.px(40.0),
        &attributes,
    );
    let attributes = format!(r#"fill="{}" class="subtitle""#, p.muted);
    let subtitle_size = c.px(px::SUBTITLE);
    c.text_lines(
        (margin, f.subtitle_y),
        &f.subtitle,
        subtitle_size,
        c.px(26.0),
        &attributes,
    );
    draw_legend(&mut c, figure, &f, &p, w);

    // The projected years' shading, under everything in the plot.
    draw_projected(&mut c, figure, &l, &p);
    draw_axes(&mut c, &l, &p, figure.years);
    draw_bands(&mut c, figure, &l, &p);
    draw_level(&mut c, figure, &l, &p);
    for line in &figure.lines {
        draw_line(&mut c, line, &l, &p);
    }
    draw_end_labels(&mut c, figure, &l, &p, f.end_label_room);

    // Under the plot: marks, the source, the footer.
    let attributes = format!(r#"fill="{}" class="source""#, p.text);
    let size = c.px(px::NOTE);
    c.text_lines((margin, f.notes_y), &f.notes, size, c.px(22.0), &attributes);
    let attributes = format!(r#"fill="{}" class="footer""#, p.muted);
    let size = c.px(px::FOOTER);
    c.text_lines(
        (margin, f.footer_y),
        &f.footer,
        size,
        c.px(20.0),
        &attributes,
    );
    c.out.push_str("</svg>\n");
    c.out
}

/// The projected years shaded, with a note above the shading.
fn draw_projected(c: &mut Canvas, figure: &Figure, l: &Layout, p: &Palette) {
    if let Some(first) = figure.first_projected() {
        let x = l.x(first) - l.year_width() / 2.0;
        let _ = writeln!(
            c.out,
            r#"<rect class="projected" x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            l.top,
            l.right - x,
            l.bottom - l.top,
            p.shade
        );
        let attributes = format!(r#"fill="{}" font-style="italic""#, p.muted);
        let size = c.px(px::NOTE);
        // Just above the shading, clear of the lines and their marks.
        c.text((x, l.top - c.px(6.0)), "projected", size, &attributes);
    }
}

/// Each scenario's band of outcomes, as a filled outline from its low to its high.
fn draw_bands(c: &mut Canvas, figure: &Figure, l: &Layout, p: &Palette) {
    for band in &figure.bands {
        let color = p.series[band.color % p.series.len()];
        let upper = band.points.iter().map(|(y, _, hi)| (l.x(*y), l.y(*hi)));
        let lower = band
            .points
            .iter()
            .rev()
            .map(|(y, lo, _)| (l.x(*y), l.y(*lo)));
        let points: Vec<String> = upper
            .chain(lower)
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = writeln!(
            c.out,
            r#"<polygon class="band" data-series="{}" points="{}" fill="{color}" fill-opacity="0.2" stroke="none"/>"#,
            escape_xml(&band.key),
            points.join(" ")
        );
    }
}

/// The reference level (the 28,500 troops) as a dashed line, labelled at its right end.
fn draw_level(c: &mut Canvas, figure: &Figure, l: &Layout, p: &Palette) {
    if let Some(level) = &figure.level {
        let y = l.y(level.value);
        let attributes = format!(
            r#"class="level" stroke="{}" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}""#,
            p.level,
            c.px(2.0),
            c.px(10.0),
            c.px(6.0)
        );
        c.line((l.left, y), (l.right, y), &attributes);
        let attributes = format!(r#"fill="{}" font-weight="bold""#, p.level);
        let size = c.px(px::TICK);
        c.text(
            (l.right + c.px(8.0), y + c.px(6.0)),
            &level.label,
            size,
            &attributes,
        );
    }
}

fn draw_legend(c: &mut Canvas, figure: &Figure, f: &Frame, p: &Palette, width: u32) {
    let size = c.px(px::LEGEND);
    let swatch = c.px(36.0);
    for (i, item) in figure.legend.iter().enumerate() {
        let x = f.legend_x[i];
        let y = f.legend_y + f.legend_row[i] as f64 * c.px(28.0);
        let mid = y - size * 0.35;
        let stroke = c.px(px::STROKE);
        let r = c.px(px::MARKER);
        match item.swatch {
            Swatch::Recorded(0) | Swatch::Projected(0) | Swatch::Converted(0) if figure.bars() => {
                let kind = match item.swatch {
                    Swatch::Projected(_) => BarKind::Projected,
                    Swatch::Converted(_) => BarKind::Converted,
                    _ => BarKind::Recorded,
                };
                let look = Bar {
                    kind,
                    color: p.series[0],
                    background: p.background,
                };
                let side = size * 0.8;
                let geometry = (x + swatch / 2.0, mid - side / 2.0, mid + side / 2.0, side);
                bar(c, geometry, look, "");
            }
            Swatch::Recorded(k) | Swatch::Projected(k) => {
                let color = p.series[k % p.series.len()];
                let projected = matches!(item.swatch, Swatch::Projected(_));
                let dash = if projected {
                    format!(r#" stroke-dasharray="{:.1} {:.1}""#, c.px(8.0), c.px(5.0))
                } else {
                    String::new()
                };
                let attributes = format!(r#"stroke="{color}" stroke-width="{stroke:.1}"{dash}"#);
                c.line((x, mid), (x + swatch, mid), &attributes);
                let fill = if projected { p.background } else { color };
                let _ = writeln!(
                    c.out,
                    r#"<circle cx="{:.1}" cy="{mid:.1}" r="{r:.1}" fill="{fill}" stroke="{color}" stroke-width="{:.1}"/>"#,
                    x + swatch / 2.0,
                    c.px(2.0)
                );
            }
            Swatch::Converted(k) => {
                let color = p.series[k % p.series.len()];
                converted_marker(c, (x + swatch / 2.0, mid), r, color, p.background, "");
            }
            Swatch::Dotted(k) => {
                let color = p.series[k % p.series.len()];
                let attributes = format!(
                    r#"stroke="{color}" stroke-width="{stroke:.1}" stroke-dasharray="{:.1} {:.1}""#,
                    c.px(2.0),
                    c.px(5.0)
                );
                c.line((x, mid), (x + swatch, mid), &attributes);
            }
            Swatch::Band(k) => {
                let color = p.series[k % p.series.len()];
                let _ = writeln!(
                    c.out,
                    r#"<rect x="{x:.1}" y="{:.1}" width="{swatch:.1}" height="{:.1}" fill="{color}" fill-opacity="0.2"/>"#,
                    mid - size * 0.4,
                    size * 0.8
                );
            }
            Swatch::Level => {
                let attributes = format!(
                    r#"stroke="{}" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}""#,
                    p.level,
                    c.px(2.0),
                    c.px(10.0),
                    c.px(6.0)
                );
                c.line((x, mid), (x + swatch, mid), &attributes);
            }
        }
        let attributes = format!(r#"fill="{}" class="legend""#, p.text);
        let room = f64::from(width) - 2.0 * c.px(px::MARGIN) - swatch - c.px(8.0);
        let label = legend_label(&item.label, room, size);
        c.text((x + swatch + c.px(8.0), y), &label, size, &attributes);
    }
}

fn draw_axes(c: &mut Canvas, l: &Layout, p: &Palette, axis: YearAxis) {
    let size = c.px(px::TICK);
    let decimals = step_decimals(l.step);
    let grid = format!(r#"stroke="{}" stroke-width="{:.1}""#, p.grid, c.px(1.0));
    let label = format!(r#"fill="{}" text-anchor="end" class="y-tick""#, p.muted);
    for v in l.ticks() {
        let y = l.y(v);
        c.line((l.left, y), (l.right, y), &grid);
        c.text(
            (l.left - c.px(10.0), y + size * 0.35),
            &thousands(v, decimals),
            size,
            &label,
        );
    }
    // The zero line, or the axis's foot, drawn firmer.
    let zero = l.y(0.0_f64.clamp(l.values.0, l.values.1));
    let firm = format!(r#"stroke="{}" stroke-width="{:.1}""#, p.axis, c.px(1.5));
    c.line((l.left, zero), (l.right, zero), &firm);
    let prefixed = fiscal_ticks(axis, l.years, l.right - l.left, c);
    let chars = if prefixed { 4 + FISCAL_PREFIX.len() } else { 4 };
    let step = year_step(l.years, l.right - l.left, tick_label_width(chars, c));
    let first = l.years.0 + (step - l.years.0.rem_euclid(step)) % step;
    let label = format!(r#"fill="{}" text-anchor="middle" class="x-tick""#, p.muted);
    let tick_y = l.bottom + c.px(6.0) + size * 1.1;
    for year in (first..=l.years.1).step_by(step as usize) {
        let x = l.x(year);
        c.line((x, l.bottom), (x, l.bottom + c.px(6.0)), &firm);
        c.text((x, tick_y), &YearAxis::tick(year, prefixed), size, &label);
    }
    // Where the ticks do not say the years are fiscal, the axis's corner does ("FY",
    // "JP FY"), and the notes under the plot say it in words.
    if let Some(note) = axis.note(prefixed, true) {
        let label = format!(
            r#"fill="{}" text-anchor="end" class="x-axis-note""#,
            p.muted
        );
        c.text((l.left - c.px(10.0), tick_y), note, size, &label);
    }
}

/// A line in runs of one style (recorded solid, projected dashed), broken at a missing
/// year; a marker on every point carrying its year and value; `*` and `†` above the
/// points they mark.
fn draw_line(c: &mut Canvas, line: &FigureLine, l: &Layout, p: &Palette) {
    let color = p.series[line.color % p.series.len()];
    let stroke = c.px(px::STROKE);
    let _ = writeln!(
        c.out,
        r#"<g class="series" data-series="{}">"#,
        escape_xml(&line.key)
    );
    if line.style == LineStyle::Bars {
        draw_bars(c, line, l, p, color);
        c.out.push_str("</g>\n");
        return;
    }
    for pair in line.points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b.year != a.year + 1 {
            continue;
        }
        let dash = match (line.style, b.projected) {
            (LineStyle::Dotted | LineStyle::Bars, _) => {
                format!(r#" stroke-dasharray="{:.1} {:.1}""#, c.px(2.0), c.px(5.0))
            }
            (LineStyle::Solid, true) => {
                format!(r#" stroke-dasharray="{:.1} {:.1}""#, c.px(8.0), c.px(5.0))
            }
            (LineStyle::Solid, false) => String::new(),
        };
        let attributes =
            format!(r#"stroke="{color}" stroke-width="{stroke:.1}" stroke-linecap="round"{dash}"#);
        c.line(
            (l.x(a.year), l.y(a.value)),
            (l.x(b.year), l.y(b.value)),
            &attributes,
        );
    }
    let r = if line.style == LineStyle::Dotted {
        c.px(2.5)
    } else {
        c.px(px::MARKER)
    };
    for point in &line.points {
        let (x, y) = (l.x(point.year), l.y(point.value));
        let data = point_data(point);
        if point.converted {
            converted_marker(c, (x, y), r, color, p.background, &data);
        } else {
            let fill = if point.projected { p.background } else { color };
            let _ = writeln!(
                c.out,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" stroke="{color}" stroke-width="{:.1}"{data}/>"#,
                c.px(2.0),
            );
        }
        point_marks(c, point, (x, y), color);
    }
    c.out.push_str("</g>\n");
}

/// What a point's marker says of it, for the SVG's readers.
fn point_data(point: &LinePoint) -> String {
    format!(
        r#" data-year="{}" data-value="{}" data-status="{}""#,
        point.year,
        point.value,
        match (point.projected, point.converted) {
            (true, _) => "projected",
            (false, true) => "converted",
            (false, false) => "recorded",
        }
    )
}

/// `*` (capped) and `†` (rule extended) above a point.
fn point_marks(c: &mut Canvas, point: &LinePoint, (x, y): (f64, f64), color: &str) {
    let marks = format!(
        "{}{}",
        if point.capped { "*" } else { "" },
        if point.extended { "†" } else { "" }
    );
    if !marks.is_empty() {
        let attributes = format!(r#"fill="{color}" text-anchor="middle" class="mark""#);
        let size = c.px(px::NOTE);
        c.text((x, y - c.px(10.0)), &marks, size, &attributes);
    }
}

/// A bar a year from zero: filled where published, outlined where projected, and
/// filled lighter where converted, so each reads without colour too.
fn bar(c: &mut Canvas, (x, top, bottom, width): (f64, f64, f64, f64), look: Bar, data: &str) {
    let (fill, opacity) = match look.kind {
        BarKind::Recorded => (look.color, 1.0),
        BarKind::Converted => (look.color, 0.45),
        BarKind::Projected => (look.background, 1.0),
    };
    let _ = writeln!(
        c.out,
        r#"<rect x="{:.1}" y="{:.1}" width="{width:.1}" height="{:.1}" fill="{fill}" fill-opacity="{opacity}" stroke="{}" stroke-width="{:.1}"{data}/>"#,
        x - width / 2.0,
        top.min(bottom),
        (bottom - top).abs(),
        look.color,
        c.px(1.5),
    );
}

#[derive(Clone, Copy)]
enum BarKind {
    Recorded,
    Converted,
    Projected,
}

#[derive(Clone, Copy)]
struct Bar<'a> {
    kind: BarKind,
    color: &'a str,
    background: &'a str,
}

/// A series as bars, one a year, with the marks above them.
fn draw_bars(c: &mut Canvas, line: &FigureLine, l: &Layout, p: &Palette, color: &str) {
    let width = l.year_width() * 0.7;
    let zero = l.y(0.0_f64.clamp(l.values.0, l.values.1));
    for point in &line.points {
        let (x, y) = (l.x(point.year), l.y(point.value));
        let kind = match (point.projected, point.converted) {
            (true, _) => BarKind::Projected,
            (false, true) => BarKind::Converted,
            (false, false) => BarKind::Recorded,
        };
        let look = Bar {
            kind,
            color,
            background: p.background,
        };
        bar(c, (x, y, zero, width), look, &point_data(point));
        point_marks(c, point, (x, y.min(zero)), color);
    }
}

/// A converted figure's marker, told apart from a published one (filled) and a projected
/// one (hollow) without colour: a ring with a dot in it.
fn converted_marker(
    c: &mut Canvas,
    (x, y): (f64, f64),
    r: f64,
    color: &str,
    background: &str,
    data: &str,
) {
    let _ = writeln!(
        c.out,
        r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{background}" stroke="{color}" stroke-width="{:.1}"{data}/>"#,
        c.px(2.0),
    );
    let _ = writeln!(
        c.out,
        r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="{color}" class="dot"/>"#,
        r * 0.45,
    );
}

/// Each line's last value written at its end, right of the plot, nudged apart where
/// two would overlap; and the last recorded value above its point where projections
/// follow it.
fn draw_end_labels(c: &mut Canvas, figure: &Figure, l: &Layout, p: &Palette, room: f64) {
    if room <= 0.0 {
        return;
    }
    let size = c.px(px::TICK);
    let mut labels: Vec<(f64, String, &str)> = figure
        .lines
        .iter()
        .filter(|line| line.style != LineStyle::Dotted)
        .filter_map(|line| {
            let last = line.points.last()?;
            // A series drawn in segments (broken where its definition changes) is
            // labelled once, at the end of its last segment.
            let continued = figure.lines.iter().any(|other| {
                other.color == line.color && other.points.last().is_some_and(|o| o.year > last.year)
            });
            if continued {
                return None;
            }
            let color = p.series[line.color % p.series.len()];
            Some((
                l.y(last.value),
                thousands(last.value, figure.decimals),
                color,
            ))
        })
        .collect();
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gap = size * 1.1;
    for i in 1..labels.len() {
        if labels[i].0 - labels[i - 1].0 < gap {
            labels[i].0 = labels[i - 1].0 + gap;
        }
    }
    for (y, text, color) in labels {
        let attributes = format!(r#"fill="{color}" font-weight="bold" class="end-label""#);
        c.text(
            (l.right + c.px(10.0), y + size * 0.35),
            &text,
            size,
            &attributes,
        );
    }
    if let Some(main) = figure.lines.first() {
        let has_projection = main.points.iter().any(|p| p.projected);
        // A lone recorded start (the scenarios chart) sits at the axis: no label.
        let recorded = main.points.iter().filter(|p| !p.projected).count();
        if let Some(last) = main.points.iter().rfind(|p| !p.projected)
            && has_projection
            && recorded > 1
        {
            let color = p.series[main.color % p.series.len()];
            let attributes = format!(r#"fill="{color}" text-anchor="end" class="recorded-label""#);
            c.text(
                (l.x(last.year) - c.px(8.0), l.y(last.value) - c.px(12.0)),
                &format!("{}: {}", last.year, thousands(last.value, figure.decimals)),
                size,
                &attributes,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(round_step(2000.0 / 5.0), 500.0);
        assert_eq!(round_step(1100.0 / 5.0), 250.0);
        assert_eq!(round_step(7.0 / 5.0), 2.0);
        assert_eq!(round_step(0.3 / 5.0), 0.1);
        let ((lo, hi), step) = value_axis(120.0, 1_573.2);
        assert_eq!((lo, hi, step), (0.0, 2_000.0, 500.0));
        let ((lo, hi), _) = value_axis(-12.0, 25.0);
        assert!(lo <= -12.0 && hi >= 25.0);
        assert_eq!(step_decimals(0.25), 2);
        assert_eq!(step_decimals(500.0), 0);
    }

    #[test]
    fn small_shares_take_four_to_six_ticks_told_apart() {
        // Both hosts' % of GDP and % of defense budget, as `chart hosts` draws them.
        for (lo, hi) in [(0.035, 0.081), (0.0, 0.062), (1.5, 5.2), (0.0, 2.3)] {
            let l = Layout {
                left: 0.0,
                top: 0.0,
                right: 1.0,
                bottom: 1.0,
                years: (2000, 2024),
                values: value_axis(lo, hi).0,
                step: value_axis(lo, hi).1,
            };
            let ticks = l.ticks();
            assert!((4..=6).contains(&ticks.len()), "{lo}..{hi}: {ticks:?}");
            let text: Vec<String> = ticks
                .iter()
                .map(|v| thousands(*v, step_decimals(l.step)))
                .collect();
            let mut distinct = text.clone();
            distinct.dedup();
            assert_eq!(distinct, text, "{lo}..{hi}");
        }
    }

    #[test]
    fn year_labels_fit_the_width() {
        assert_eq!(year_step((1991, 2035), 1000.0, 60.0), 5);
        assert_eq!(year_step((1991, 2035), 4000.0, 60.0), 1);
        assert_eq!(year_step((2025, 2030), 500.0, 60.0), 1);
    }

    /// Japan's costs chart, and both hosts' measures chart, as SVG `width` wide.
    fn japan_and_both(width: u32) -> (String, String) {
        let config = crate::config::Config::defaults();
        let hosts = crate::data::Hosts::embedded().expect("the embedded datasets load");
        let mut app =
            crate::app::App::with_hosts(hosts.clone(), &config.start, config.keymap, |i| {
                i.host = crate::app::HostChoice::Japan;
            });
        app.change(|_| {});
        let size = Size {
            width,
            height: width * 9 / 16,
        };
        let japan = app.figure(crate::app::Pane::Costs).expect("a costs figure");
        assert_eq!(japan.years, YearAxis::Fiscal);
        let c = crate::econ::compare::Comparison::of(&hosts, &app.inputs().assumptions);
        let both =
            crate::publish::hosts_figure(&hosts, &c, crate::econ::compare::MeasureKind::PerMember);
        (
            to_svg(&japan, size, Theme::Light),
            to_svg(&both, size, Theme::Light),
        )
    }

    #[test]
    fn japan_s_years_are_fiscal_on_the_image_s_axis() {
        let (_, both) = japan_and_both(1200);
        // Both hosts: plain ticks, the corner and the notes name Japan's fiscal years.
        assert!(both.contains(r#"class="x-axis-note">JP FY<"#), "{both}");
        assert!(both.contains("JP: fiscal years, April–March"), "{both}");
        assert!(!both.contains(r#"class="x-tick">FY"#));
        // Japan alone: FY ticks where they come as often as plain ones would, else
        // plain ticks with "FY" in the corner and the words under the plot; never
        // neither, never both.
        let mut seen = Vec::new();
        for width in [Size::MIN, 600, 1200, 2400, 4000] {
            let (japan, _) = japan_and_both(width);
            let ticks = japan.contains(r#"class="x-tick">FY"#);
            let note = japan.contains(r#"class="x-axis-note">FY<"#)
                && japan.contains("fiscal years, April–March");
            assert!(ticks != note, "{width}: ticks {ticks}, note {note}");
            seen.push(ticks);
        }
        assert!(seen.contains(&true) && seen.contains(&false), "{seen:?}");
    }

    #[test]
    fn wrapped_lines_read_as_the_text() {
        let text = "korean_cpi=2.1; us_cpi=2.63; krw_per_usd=1420; horizon=2035";
        let lines = wrap(text, 20);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.trim_end().chars().count() <= 20));
        assert_eq!(lines.concat(), text);
        assert_eq!(wrap("", 10), vec![String::new()]);
    }
}
