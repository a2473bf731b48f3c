//! What the two charts share: thinning a series to the cells it has, a value axis with
//! round numbers, and a bar plot drawn cell by cell (history solid, projections shaded,
//! capped years and the year cursor marked above the bars).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Dataset, GraphType};

use super::format::{thousands, width};
use super::theme::Theme;

/// Indices of at most `max` of `n` points, evenly spread, always keeping the first, the
/// last and `keep` (the year cursor), so a chart never draws more points than cells.
pub fn thin(n: usize, max: usize, keep: Option<usize>) -> Vec<usize> {
    if n <= max || max == 0 {
        return (0..n.min(if max == 0 { 0 } else { n })).collect();
    }
    if max == 1 {
        return vec![keep.unwrap_or(n - 1)];
    }
    let mut picked: Vec<usize> = (0..max)
        .map(|k| (k * (n - 1) + (max - 1) / 2) / (max - 1))
        .collect();
    if let Some(keep) = keep.filter(|k| *k < n && !picked.contains(k)) {
        // Replace the nearest pick inside (never the ends) with the cursor's point.
        let last = picked.len() - 1;
        if let Some(nearest) = picked[1..last]
            .iter_mut()
            .min_by_key(|p| (**p as i64 - keep as i64).abs())
        {
            *nearest = keep;
        }
        picked.sort_unstable();
    }
    picked.dedup();
    picked
}

/// A value axis from `low` to `high`, both round, containing `min`..`max` and zero.
pub fn axis_bounds(min: f64, max: f64) -> (f64, f64) {
    let low = min.min(0.0);
    let high = max.max(0.0);
    let span = (high - low).max(f64::EPSILON);
    // A fine step keeps headroom small; only the ends are labelled.
    let step = nice_step(span / 8.0);
    let low = (low / step).floor() * step;
    let mut high = (high / step).ceil() * step;
    if high <= low {
        high = low + step;
    }
    (low, high)
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

/// A series drawn as a braille line.
pub fn line<'a>(data: &'a [(f64, f64)], style: Style) -> Dataset<'a> {
    Dataset::default()
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(style)
        .data(data)
}

/// A series drawn as dots: projections, headline levels.
pub fn dots<'a>(data: &'a [(f64, f64)], style: Style) -> Dataset<'a> {
    Dataset::default()
        .marker(Marker::Dot)
        .graph_type(GraphType::Scatter)
        .style(style)
        .data(data)
}

/// Where a `Chart` drawn in `area` plots: right of its y axis and above its x axis,
/// found at the corner `└` where the axes meet.
pub fn plot_area(buf: &Buffer, area: Rect) -> Option<Rect> {
    (area.top()..area.bottom()).rev().find_map(|y| {
        (area.left()..area.right())
            .find(|&x| buf[(x, y)].symbol() == "└")
            .map(|x| Rect::new(x + 1, area.y, area.right() - x - 1, y - area.y))
    })
}

/// A line across the plot at `value` and one down it at `year`, drawn in the cells
/// the data left blank: cheaper than a chart dataset each (ratatui fills a whole layer
/// per dataset), and the data stays on top. Rows follow the y labels' own spacing, so
/// a value that is a label lines up with it.
pub fn guides(
    buf: &mut Buffer,
    plot: Rect,
    years: (f64, f64),
    values: (f64, f64),
    level: Option<(f64, Style)>,
    cursor: Option<(f64, Style)>,
) {
    if plot.width == 0 || plot.height == 0 {
        return;
    }
    let mut mark = |x: u16, y: u16, symbol: &str, style: Style| {
        let cell = &mut buf[(x, y)];
        if cell.symbol().trim().is_empty() {
            cell.set_symbol(symbol).set_style(style);
        }
    };
    let share = |v: f64, (lo, hi): (f64, f64)| ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
    if let Some((value, style)) = level.filter(|(v, _)| (values.0..=values.1).contains(v)) {
        let up = (share(value, values) * f64::from(plot.height - 1) + 1e-9) as u16;
        let y = plot.bottom() - 1 - up;
        for x in plot.left()..plot.right() {
            mark(x, y, "┄", style);
        }
    }
    if let Some((year, style)) = cursor.filter(|(y, _)| (years.0..=years.1).contains(y)) {
        let x = plot.x + (share(year, years) * f64::from(plot.width - 1)).round() as u16;
        for y in plot.top()..plot.bottom() {
            mark(x, y, "┊", style);
        }
    }
}

/// The year axis and the value axis of a line chart: the years at the ends, the values
/// at the ends and the middle.
pub fn axes<'a>(years: (i32, i32), values: (f64, f64), theme: &Theme) -> (Axis<'a>, Axis<'a>) {
    let (first, last) = years;
    let (low, high) = values;
    let span = high - low;
    let x = Axis::default()
        .bounds([f64::from(first), f64::from(last.max(first + 1))])
        .labels([first.to_string(), last.to_string()])
        .style(theme.label());
    let y = Axis::default()
        .bounds([low, high])
        .labels([
            axis_label(low, span),
            axis_label((low + high) / 2.0, span),
            axis_label(high, span),
        ])
        .style(theme.label());
    (x, y)
}

/// An axis label: few digits for large values, more for small ones.
pub fn axis_label(value: f64, span: f64) -> String {
    let decimals = if span >= 10.0 {
        0
    } else if span >= 1.0 {
        1
    } else {
        2
    };
    thousands(value, decimals)
}

/// How one bar looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    Recorded,
    Projected,
    /// Projected with an agreement's rule past the agreement's end.
    Extended,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarDatum {
    pub year: i32,
    pub value: Option<f64>,
    pub kind: BarKind,
    pub capped: bool,
    pub cursor: bool,
}

pub struct BarStyles {
    pub recorded: Style,
    pub projected: Style,
    pub capped: Style,
    pub cursor: Style,
    pub axis: Style,
}

const EIGHTHS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One single-width char in a cell, as `set_string` writes it, without the string.
fn put_char(buf: &mut Buffer, x: u16, y: u16, c: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(c).set_style(style);
    }
}

/// Draws bars with a value axis on the left and years below. `bars` must already be
/// thinned to the plot's width.
pub fn draw_bars(buf: &mut Buffer, area: Rect, bars: &[BarDatum], styles: &BarStyles) {
    if area.height < 3 || area.width < 8 || bars.is_empty() {
        return;
    }
    let values = bars.iter().filter_map(|b| b.value);
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (min, max) = if min.is_finite() {
        (min, max)
    } else {
        (0.0, 1.0)
    };
    let (low, high) = axis_bounds(min, max);
    let labels = [axis_label(high, high - low), axis_label(low, high - low)];
    let zero_label = axis_label(0.0, high - low);
    let label_cols = labels
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(1)
        .max(width(&zero_label)) as u16;

    // Rows: a marker row, the plot, the years.
    let plot = Rect {
        x: area.x + label_cols + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(label_cols + 1),
        height: area.height - 2,
    };
    let years_row = area.y + area.height - 1;
    let rows = f64::from(plot.height);
    // Zero's height above the plot's bottom edge, in eighths of a cell, on a cell
    // boundary: bars grow from it, and block glyphs can only fill a cell from an edge.
    let zero_eighths = ((0.0 - low) / (high - low) * rows).round() as i64 * 8;

    // The value axis.
    for y in plot.y..plot.y + plot.height {
        put_char(buf, area.x + label_cols, y, '│', styles.axis);
    }
    buf.set_string(
        area.x,
        plot.y,
        format!("{:>w$}", labels[0], w = label_cols as usize),
        styles.axis,
    );
    buf.set_string(
        area.x,
        plot.y + plot.height - 1,
        format!("{:>w$}", labels[1], w = label_cols as usize),
        styles.axis,
    );
    if low < 0.0 {
        let zero_row = plot.y + plot.height - 1 - (zero_eighths / 8) as u16;
        buf.set_string(
            area.x,
            zero_row,
            format!("{:>w$}", zero_label, w = label_cols as usize),
            styles.axis,
        );
    }

    // Bars share the plot's width; from three columns a slot keeps one as a gap.
    let n = bars.len();
    let slot_x = |i: usize| plot.x + (i * plot.width as usize / n) as u16;
    // Wide slots keep a one-column gap and equal widths; narrow ones fill their slot,
    // so the bars read as one area rather than with uneven gaps.
    let slot = (plot.width as usize / n).max(1) as u16;
    let bar_cols = |i: usize| {
        if slot >= 3 {
            slot - 1
        } else {
            (slot_x(i + 1) - slot_x(i)).max(1)
        }
    };
    for (i, bar) in bars.iter().enumerate() {
        let x = slot_x(i);
        let bar_cols = bar_cols(i);
        if x + bar_cols > plot.x + plot.width {
            break;
        }
        let style = match bar.kind {
            BarKind::Recorded => styles.recorded,
            BarKind::Projected | BarKind::Extended => styles.projected,
        };
        let style = if bar.cursor { styles.cursor } else { style };
        if let Some(v) = bar.value {
            let top_eighths = ((v - low) / (high - low) * rows * 8.0).round() as i64;
            let (from, to) = (zero_eighths.min(top_eighths), zero_eighths.max(top_eighths));
            for row in 0..plot.height {
                let cell_low = i64::from(row) * 8;
                let covered = (to.min(cell_low + 8) - from.max(cell_low)).clamp(0, 8);
                if covered == 0 {
                    continue;
                }
                let glyph = match bar.kind {
                    // Projections are shaded so they read as such without colour.
                    BarKind::Projected if covered == 8 => '▒',
                    BarKind::Extended if covered == 8 => '░',
                    // A negative bar ends inside a cell from its top edge.
                    _ if v < 0.0 && covered < 8 => {
                        if covered >= 4 {
                            '▀'
                        } else {
                            '▔'
                        }
                    }
                    _ => EIGHTHS[covered as usize - 1],
                };
                let y = plot.y + plot.height - 1 - row;
                for dx in 0..bar_cols {
                    put_char(buf, x + dx, y, glyph, style);
                }
            }
        }
        let marker = if bar.cursor {
            Some(('▼', styles.cursor))
        } else if bar.capped {
            Some(('^', styles.capped))
        } else {
            None
        };
        if let Some((glyph, style)) = marker {
            put_char(buf, x + (bar_cols - 1) / 2, area.y, glyph, style);
        }
    }

    // Years: the first, the last and the cursor's, where they do not overlap.
    let year_x = |i: usize| slot_x(i) + (bar_cols(i) - 1) / 2;
    let mut taken: Vec<(u16, u16)> = Vec::new();
    let mut put = |buf: &mut Buffer, i: usize, style: Style| {
        let text = bars[i].year.to_string();
        let w = text.len() as u16;
        let centre = year_x(i);
        let x = centre
            .saturating_sub(w / 2)
            .clamp(plot.x, (plot.x + plot.width).saturating_sub(w));
        if taken.iter().all(|(a, b)| x + w < *a || *b < x) {
            buf.set_string(x, years_row, &text, style);
            taken.push((x, x + w));
        }
    };
    if let Some(c) = bars.iter().position(|b| b.cursor) {
        put(buf, c, styles.cursor);
    }
    put(buf, 0, styles.axis);
    put(buf, bars.len() - 1, styles.axis);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_ends_and_cursor_and_fits() {
        assert_eq!(thin(5, 10, None), vec![0, 1, 2, 3, 4]);
        let picked = thin(110, 30, Some(57));
        assert!(picked.len() <= 30);
        assert_eq!(picked.first(), Some(&0));
        assert_eq!(picked.last(), Some(&109));
        assert!(picked.contains(&57));
        assert!(picked.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(thin(3, 0, None), Vec::<usize>::new());
    }

    #[test]
    fn axis_bounds_are_round_and_contain_zero() {
        assert_eq!(axis_bounds(107.3, 1519.2), (0.0, 1600.0));
        let (lo, hi) = axis_bounds(-8.9, 13.9);
        assert!(lo <= -8.9 && hi >= 13.9 && lo < 0.0);
        let (lo, hi) = axis_bounds(0.0, 0.0);
        assert!(hi > lo);
        assert!(thin(110, 30, Some(1)).contains(&1));
        assert!(thin(110, 30, Some(1)).contains(&0));
    }
}
