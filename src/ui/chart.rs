//! What the charts share: thinning a series to the cells it has, a value axis labelled
//! at round numbers on the rows they fall on, years labelled at round intervals under
//! the columns they are drawn in, a line chart with both axes, and a bar plot drawn cell
//! by cell (history solid, projections shaded, capped years and the year cursor marked
//! above the bars).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use super::format::{thousands, width};
use super::theme::Theme;
use crate::data::{FISCAL_PREFIX, YearAxis};
use crate::numbers::round_steps;

/// Indices of at most `max` of `n` points, evenly spread, always keeping the first, the
/// last and each of `keep` (the year cursor first, then the years the record holds as
/// gaps), so a chart never draws more points than cells and never thins a gap away:
/// a kept point takes the place of the nearest pick not itself kept. Only where `keep`
/// holds more points than `max` leaves room do the last of them go.
pub fn thin(n: usize, max: usize, keep: &[usize]) -> Vec<usize> {
    if n <= max {
        return (0..n).collect();
    }
    if max == 0 {
        return Vec::new();
    }
    if max == 1 {
        return vec![keep.iter().copied().find(|k| *k < n).unwrap_or(n - 1)];
    }
    // Each pick and whether it must stay: the ends do.
    let mut picked: Vec<(usize, bool)> = (0..max)
        .map(|k| {
            let i = (k * (n - 1) + (max - 1) / 2) / (max - 1);
            (i, k == 0 || k == max - 1)
        })
        .collect();
    for &k in keep.iter().filter(|k| **k < n) {
        if let Some(p) = picked.iter_mut().find(|p| p.0 == k) {
            p.1 = true;
            continue;
        }
        if let Some(nearest) = picked
            .iter_mut()
            .filter(|p| !p.1)
            .min_by_key(|p| p.0.abs_diff(k))
        {
            *nearest = (k, true);
        }
    }
    picked.sort_unstable();
    picked.into_iter().map(|p| p.0).collect()
}

/// The `items` a chart of `max` cells draws ([`thin`]): the first, the last, the one
/// `cursor` picks and every one `gap` picks (a year the record holds without a value)
/// kept.
pub fn thin_keeping<T>(
    items: &[T],
    max: usize,
    cursor: impl Fn(&T) -> bool,
    gap: impl Fn(&T) -> bool,
) -> Vec<&T> {
    let keep: Vec<usize> = items
        .iter()
        .position(&cursor)
        .into_iter()
        .chain(
            items
                .iter()
                .enumerate()
                .filter(|(_, t)| gap(t))
                .map(|(i, _)| i),
        )
        .collect();
    thin(items.len(), max, &keep)
        .into_iter()
        .map(|i| &items[i])
        .collect()
}

/// `min`..`max` widened to a fine round step (about an eighth of the span), so the
/// headroom stays small.
fn fine_bounds(min: f64, max: f64) -> (f64, f64) {
    let span = (max - min).max(f64::EPSILON);
    let step = headroom_step(span / 8.0);
    let low = (min / step).floor() * step;
    let mut high = (max / step).ceil() * step;
    if high <= low {
        high = low + step;
    }
    (low, high)
}

/// The step of the bounds' headroom (not of the labels, which take [`round_steps`]):
/// 1, 2 or 5 times a power of ten, at least `raw`.
fn headroom_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

/// How a plot maps values to its rows, which decides the row a label goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grid {
    /// Block bars in eighths of a cell, growing from zero (`draw_bars`).
    Bars,
    /// A ratatui canvas of this many dots a cell from top to bottom (braille: 4), as
    /// `Chart` draws a series.
    Dots(u16),
}

/// A value axis for a plot `rows` high: round bounds that hold the data, and labels at
/// round steps (1, 2, 2.5 or 5 × 10^k), each on the row its value is drawn on, with at
/// least one blank row between two labels; three or more from ten rows up, zero among
/// them whenever the axis crosses it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    pub low: f64,
    pub high: f64,
    pub rows: u16,
    pub grid: Grid,
    /// The labelled values, low to high.
    pub labels: Vec<f64>,
    /// Decimals every label is printed with.
    pub decimals: usize,
}

/// The least share of the axis the data must fill for the bounds to be rounded out to
/// the label step (so both ends are labelled); below it the bounds stay fine.
const MIN_FILL: f64 = 0.75;

/// The most labels an axis takes, however tall: about five steps, as the images'
/// axes take (`publish::svg`).
const MAX_LABELS: i64 = 6;

/// How far apart an axis's labels go, and how many it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spacing {
    /// Rows from one label to the next, at least.
    gap: u16,
    /// Labels needed, at least.
    need: usize,
    /// Every two labels the same number of rows apart.
    even: bool,
}

/// The spacings tried for a plot `rows` high, the first that a round step fits wins.
/// From ten rows: a blank row between labels at least, more on taller plots, so about
/// six at most stay a glance apart, and three at least. Small plots (three to nine
/// rows) first take a label on every row or every other row, evenly, where a round step
/// gives three or more (0.10, 0.05, 0.00 rather than 0.1 and 0.0; 300, 200, 100, 0
/// rather than 200 and 0); else two, a blank row apart where there is room.
fn spacings(rows: u16) -> Vec<Spacing> {
    let spaced = |gap: u16, need: usize, even: bool| Spacing { gap, need, even };
    match rows {
        0..=2 => vec![spaced(1, usize::from(rows.max(1)), false)],
        3 => vec![spaced(1, 3, false), spaced(1, 2, false)],
        4..=9 => vec![spaced(1, 3, true), spaced(2, 2, false)],
        _ => vec![spaced((rows / 5).max(2), 3, false)],
    }
}

impl ValueAxis {
    /// An axis holding `min`..`max` on `rows` rows mapped as `grid` maps them. Bars
    /// need zero inside: pass `min.min(0.0)` and `max.max(0.0)`.
    pub fn new(min: f64, max: f64, rows: u16, grid: Grid) -> Self {
        let rows = rows.max(1);
        let (min, max) = data_range(min, max);
        let span = max - min;
        let mut axis = Self {
            low: min,
            high: max,
            rows,
            grid,
            labels: Vec::new(),
            decimals: 0,
        };
        let fine = fine_bounds(min, max);
        // Each spacing's finest round step that fits; of those, the most labels.
        let best = spacings(rows)
            .into_iter()
            .filter_map(|spacing| {
                let mut tried = axis.clone();
                round_steps(span / f64::from(rows))
                    .take_while(|step| *step <= span * 100.0)
                    .any(|step| {
                        // Rounded out to the step: both ends labelled, when that wastes
                        // little.
                        let snapped = ((min / step).floor() * step, (max / step).ceil() * step);
                        (span / (snapped.1 - snapped.0) >= MIN_FILL
                            && tried.try_labels(snapped, step, spacing, false))
                            // Else the fine bounds, the step's multiples inside, and the
                            // ends where those are too few.
                            || tried.try_labels(fine, step, spacing, true)
                    })
                    .then_some(tried)
            })
            .reduce(|best, next| {
                if next.labels.len() > best.labels.len() {
                    next
                } else {
                    best
                }
            });
        if let Some(best) = best {
            axis = best;
        } else {
            // Too few rows for a blank one between labels: the fine ends, or zero and
            // the end farther from it, or the one row there is.
            axis.low = fine.0;
            axis.high = fine.1;
            axis.labels = if rows < 2 {
                vec![fine.1]
            } else if fine.0 < 0.0 && fine.1 > 0.0 {
                let zero = axis.row(0.0).unwrap_or(0);
                if zero >= rows - 1 - zero {
                    vec![0.0, fine.1]
                } else {
                    vec![fine.0, 0.0]
                }
            } else {
                vec![fine.0, fine.1]
            };
        }
        axis.decimals = axis
            .labels
            .iter()
            .map(|v| decimals_of(*v))
            .max()
            .unwrap_or(0);
        axis
    }

    /// Sets the bounds and the multiples of `step` between them as the labels, if they
    /// are `spacing.gap` rows apart (evenly, if `spacing.even`) and at least
    /// `spacing.need` (with the ends, if `ends`, where the multiples are fewer and the
    /// ends leave room).
    fn try_labels(
        &mut self,
        (low, high): (f64, f64),
        step: f64,
        Spacing { gap, need, even }: Spacing,
        ends: bool,
    ) -> bool {
        if high <= low {
            return false;
        }
        self.low = low;
        self.high = high;
        let first = (low / step - 1e-9).ceil() as i64;
        let last = (high / step + 1e-9).floor() as i64;
        // At most six labels: more read as a column of numbers, not an axis.
        if last < first || last - first > i64::from(self.rows) || last - first >= MAX_LABELS {
            return false;
        }
        let value = |k: i64| if k == 0 { 0.0 } else { k as f64 * step };
        let row = |axis: &Self, v: f64| i32::from(axis.row(v).unwrap_or(0));
        // Checked before anything is kept: most steps tried are too fine.
        if (first..last).any(|k| {
            (row(self, value(k)) - row(self, value(k + 1))).unsigned_abs() < u32::from(gap)
        }) {
            return false;
        }
        let mut labels = Vec::with_capacity((last - first + 3) as usize);
        labels.extend((first..=last).map(value));
        // The ends only where the multiples are too few: mixed steps read unevenly, so
        // never where the labels must be even.
        if ends && !even && labels.len() < need {
            let apart =
                |a: f64, b: f64| (row(self, a) - row(self, b)).unsigned_abs() >= u32::from(gap);
            match labels.first() {
                Some(&first) if (first - low).abs() > step * 1e-9 && apart(low, first) => {
                    labels.insert(0, low)
                }
                None => labels.push(low),
                _ => {}
            }
            if let Some(&top) = labels.last()
                && (high - top).abs() > step * 1e-9
                && apart(top, high)
            {
                labels.push(high);
            }
        }
        if labels.len() < need || (even && !self.evenly_spaced(&labels)) {
            return false;
        }
        self.labels = labels;
        true
    }

    /// Whether `labels` (low to high) sit the same number of rows apart, so equal steps
    /// read as equal: on bars, zero's row is the one above the zero line, where the
    /// step above it ends a row short, so the step from zero is left out.
    fn evenly_spaced(&self, labels: &[f64]) -> bool {
        let apart: Vec<u16> = labels
            .windows(2)
            .filter(|w| !(self.grid == Grid::Bars && (w[0] == 0.0 || w[1] == 0.0)))
            .filter_map(|w| Some(self.row(w[0])?.abs_diff(self.row(w[1])?)))
            .collect();
        apart.windows(2).all(|w| w[0] == w[1])
    }

    /// The row `value` is drawn on, counted from the plot's top; `None` outside the
    /// axis. For bars: the row a bar of that value ends in (its top, or its bottom
    /// below zero); zero is the first row of bars above the zero line.
    pub fn row(&self, value: f64) -> Option<u16> {
        let (low, high) = (self.low, self.high);
        let tolerance = (high - low) * 1e-9;
        if !(low - tolerance..=high + tolerance).contains(&value) {
            return None;
        }
        let rows = i64::from(self.rows);
        let share = |v: f64| ((v - low) / (high - low)).clamp(0.0, 1.0);
        let from_top = match self.grid {
            Grid::Dots(dots) => {
                let dots = i64::from(dots.max(1));
                // As `Canvas` computes it, to the rounding.
                let resolution = (rows * dots - 1) as f64;
                let dot = ((high - value) * resolution / (high - low)).round() as i64;
                dot / dots
            }
            Grid::Bars => {
                let eighths = (share(value) * rows as f64 * 8.0).round() as i64;
                let zero = (share(0.0) * rows as f64).round() as i64 * 8;
                let up = if value > 0.0 {
                    ((eighths + 7) / 8 - 1).max(zero / 8)
                } else if value < 0.0 {
                    eighths / 8
                } else {
                    zero / 8
                };
                rows - 1 - up.clamp(0, rows - 1)
            }
        };
        Some(from_top.clamp(0, rows - 1) as u16)
    }

    /// A label as printed: thousands grouped, the axis's decimals.
    pub fn label(&self, value: f64) -> String {
        thousands(value, self.decimals)
    }

    /// Columns the widest label takes.
    pub fn label_width(&self) -> u16 {
        self.labels
            .iter()
            .map(|v| width(&self.label(*v)))
            .max()
            .unwrap_or(1) as u16
    }

    /// Writes the labels right-aligned in `cols` columns from `x`, each on its row of a
    /// plot whose top row is `top`.
    pub fn draw_labels(&self, buf: &mut Buffer, x: u16, cols: u16, top: u16, style: Style) {
        for &v in &self.labels {
            if let Some(row) = self.row(v) {
                let text = self.label(v);
                let pad = cols.saturating_sub(width(&text) as u16);
                buf.set_stringn(x + pad, top + row, &text, usize::from(cols), style);
            }
        }
    }
}

/// `min`..`max` as an axis can hold it: finite, in order, and wider than a point.
fn data_range(min: f64, max: f64) -> (f64, f64) {
    let (min, max) = if min.is_finite() && max.is_finite() && min <= max {
        (min, max)
    } else {
        (0.0, 1.0)
    };
    if max - min > (min.abs().max(max.abs()) * 1e-9).max(f64::MIN_POSITIVE) {
        (min, max)
    } else if min == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = min.abs() * 0.1;
        (min - pad, max + pad)
    }
}

/// The fewest decimals (up to six) that print `value` as it is.
fn decimals_of(value: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = value * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// The columns a year is drawn in on a plot: the first and how many (a bar may be
/// several wide).
pub type Columns = (u16, u16);

/// The column a canvas of `dots` dots a cell across (braille: 2) draws `x` in, counted
/// from the plot's left, as ratatui's `Canvas` rounds it; `None` outside `bounds`.
pub fn canvas_column(x: f64, (left, right): (f64, f64), cols: u16, dots: u16) -> Option<u16> {
    if !(left..=right).contains(&x) || right <= left || cols == 0 {
        return None;
    }
    let dots = u32::from(dots.max(1));
    let resolution = f64::from(u32::from(cols) * dots - 1);
    let dot = ((x - left) * resolution / (right - left)).round() as u32;
    Some((dot / dots) as u16)
}

/// Steps the year labels may take: every 5, 10, 20, 50, 100 … years (from 1 year on a
/// span under ten years).
fn year_steps(span: i32) -> impl Iterator<Item = i32> {
    let from = if span >= 10 { 2 } else { 0 };
    (from..28).map(|i| [1, 2, 5][i % 3] * 10i32.pow((i / 3) as u32))
}

/// The multiples of `step` from `first` to `last`.
fn round_years((first, last): (i32, i32), step: i32) -> impl Iterator<Item = i32> {
    let start = first.div_euclid(step) * step;
    let start = if start < first { start + step } else { start };
    (0..)
        .map(move |k| start.saturating_add(k * step))
        .take_while(move |y| *y <= last && *y >= start)
}

/// Columns `year` takes when printed.
fn year_width(year: i32) -> u16 {
    let digits = year.unsigned_abs().checked_ilog10().unwrap_or(0) + 1;
    (digits + u32::from(year < 0)) as u16
}

/// Columns a tick of `year` takes, after a prefix `prefix` columns wide ("FY").
fn tick_width(year: i32, prefix: u16) -> u16 {
    year_width(year) + prefix
}

/// Where a label `w` wide goes: centred on `columns`, moved inside `row` if it would
/// stick out (it still covers its column), `None` if the row is too narrow.
fn label_x((x, cols): Columns, w: u16, row: Rect) -> Option<u16> {
    if w > row.width {
        return None;
    }
    let centred = (2 * i32::from(x) + i32::from(cols) - i32::from(w)).div_euclid(2);
    let x = centred.clamp(i32::from(row.left()), i32::from(row.right() - w));
    Some(x as u16)
}

/// The round years every `step` along `row`, each with the column its label starts at.
#[cfg(test)]
fn year_labels<'a>(
    row: Rect,
    years: (i32, i32),
    step: i32,
    columns: &'a dyn Fn(i32) -> Option<Columns>,
) -> impl Iterator<Item = (i32, u16)> + 'a {
    tick_labels(row, years, step, columns, 0)
}

/// [`year_labels`], each tick `prefix` columns wider.
fn tick_labels<'a>(
    row: Rect,
    years: (i32, i32),
    step: i32,
    columns: &'a dyn Fn(i32) -> Option<Columns>,
    prefix: u16,
) -> impl Iterator<Item = (i32, u16)> + 'a {
    round_years(years, step).filter_map(move |year| {
        let at = columns(year)?;
        Some((year, label_x(at, tick_width(year, prefix), row)?))
    })
}

/// The smallest interval (5, 10, 20, 50 … years) at which the round years of `years`
/// fit along `row` with a blank column at least between two labels.
#[cfg(test)]
fn year_step(row: Rect, years: (i32, i32), columns: &dyn Fn(i32) -> Option<Columns>) -> i32 {
    tick_step(row, years, columns, 0)
}

/// [`year_step`] for ticks `prefix` columns wider.
fn tick_step(
    row: Rect,
    years: (i32, i32),
    columns: &dyn Fn(i32) -> Option<Columns>,
    prefix: u16,
) -> i32 {
    let span = years.1.saturating_sub(years.0);
    year_steps(span)
        .find(|&step| {
            let mut end: Option<u16> = None;
            tick_labels(row, years, step, columns, prefix).all(|(year, x)| {
                let fits = end.is_none_or(|e| x > e);
                end = Some(x + tick_width(year, prefix));
                fits
            })
        })
        .unwrap_or(i32::MAX)
}

/// Writes `prefix` then `year` from column `x` of row `y`, a char to a cell.
fn put_tick(buf: &mut Buffer, x: u16, y: u16, (prefix, year): (&str, i32), style: Style) {
    for (dx, c) in prefix.chars().enumerate() {
        put_char(buf, x + dx as u16, y, c, style);
    }
    put_year(buf, x + prefix.chars().count() as u16, y, year, style);
}

/// Writes `year` from column `x` of row `y`, a char to a cell.
fn put_year(buf: &mut Buffer, x: u16, y: u16, year: i32, style: Style) {
    let mut digits = [0u8; 11];
    let mut n = year.unsigned_abs();
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if year < 0 {
        i -= 1;
        digits[i] = b'-';
    }
    for (dx, &d) in digits[i..].iter().enumerate() {
        put_char(buf, x + dx as u16, y, char::from(d), style);
    }
}

/// Labels the years along `row` at round intervals (`year_step`), each under the
/// columns `columns` says the year is drawn in, and the cursor's year (in
/// `cursor_style`) where it fits without touching them. On an axis of fiscal years
/// (`axis`, the rule [`YearAxis`] keeps for the images too) the ticks read "FY2000"
/// where that costs no tick; else the row's left corner, under the value labels, says
/// "FY" (or "JP FY" with both hosts).
pub fn draw_years(
    buf: &mut Buffer,
    row: Rect,
    years: (i32, i32),
    columns: &dyn Fn(i32) -> Option<Columns>,
    cursor: Option<i32>,
    (style, cursor_style): (Style, Style),
    axis: YearAxis,
) {
    if row.width == 0 || row.height == 0 || years.1 < years.0 {
        return;
    }
    let fy = FISCAL_PREFIX.len() as u16;
    // FY ticks where they cost no label, the cursor's included.
    let plain = ticks(row, years, columns, cursor, 0).len();
    let prefixed = axis == YearAxis::Fiscal
        && axis.prefixed(plain, ticks(row, years, columns, cursor, fy).len());
    let mut row = row;
    if let Some(note) = axis.note(prefixed, true) {
        let w = note.chars().count() as u16;
        if row.width > 4 * (w + 1) {
            for (dx, c) in note.chars().enumerate() {
                put_char(buf, row.x + dx as u16, row.y, c, style);
            }
            row = Rect::new(row.x + w + 1, row.y, row.width - w - 1, 1);
        }
    }
    let prefix = if prefixed { FISCAL_PREFIX } else { "" };
    for (year, x) in ticks(row, years, columns, cursor, prefix.len() as u16) {
        let style = if Some(year) == cursor {
            cursor_style
        } else {
            style
        };
        put_tick(buf, x, row.y, (prefix, year), style);
    }
}

/// The ticks along `row`, each `prefix` columns wider than its year: the round years
/// every [`tick_step`], then the cursor's year where it fits without touching them.
fn ticks(
    row: Rect,
    years: (i32, i32),
    columns: &dyn Fn(i32) -> Option<Columns>,
    cursor: Option<i32>,
    prefix: u16,
) -> Vec<(i32, u16)> {
    let step = tick_step(row, years, columns, prefix);
    let mut labels: Vec<(i32, u16)> = tick_labels(row, years, step, columns, prefix).collect();
    let Some(year) = cursor.filter(|y| (years.0..=years.1).contains(y) && y % step != 0) else {
        return labels;
    };
    let width = tick_width(year, prefix);
    let Some(x) = columns(year).and_then(|at| label_x(at, width, row)) else {
        return labels;
    };
    let end = x + width;
    if labels
        .iter()
        .all(|&(other, o)| end < o || o + tick_width(other, prefix) < x)
    {
        labels.push((year, x));
    }
    labels
}

/// What a line chart's axes are drawn in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisStyles {
    /// Axis lines and labels.
    pub axis: Style,
    /// The year cursor's label.
    pub cursor: Style,
    /// The years the x axis counts: calendar, one host's fiscal, or both.
    pub years: YearAxis,
}

/// A line chart as drawn: where its data went and how years and values map to cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// The cells the data is drawn in, right of the value axis and above the year axis.
    pub area: Rect,
    /// The first and last year, as the chart's x bounds.
    pub years: (f64, f64),
    pub axis: ValueAxis,
}

impl Plot {
    /// The column `year` is drawn in (as braille draws a line).
    pub fn column(&self, year: f64) -> Option<u16> {
        canvas_column(year, self.years, self.area.width, 2).map(|dx| self.area.x + dx)
    }

    /// The row `value` is drawn on.
    pub fn row(&self, value: f64) -> Option<u16> {
        self.axis.row(value).map(|dy| self.area.y + dy)
    }
}

/// A line chart in `area`: `datasets` over `years`, on a value axis holding
/// `values` (the data's least and greatest; include zero to start from it), labelled at
/// round values on the left and at round years below, with the cursor's year where it
/// fits. Returns the plot, for guides and marks drawn over it; `None` if `area` is too
/// small for a chart.
pub fn line_chart(
    buf: &mut Buffer,
    area: Rect,
    years: (i32, i32),
    values: (f64, f64),
    datasets: Vec<Dataset<'_>>,
    cursor: Option<i32>,
    styles: AxisStyles,
) -> Option<Plot> {
    // Rows: the plot, the year axis line, the years.
    if area.height < 3 || area.width < 4 {
        return None;
    }
    let rows = area.height - 2;
    let axis = ValueAxis::new(values.0, values.1, rows, Grid::Dots(4));
    let label_cols = axis.label_width().min(area.width / 3);
    let axis_x = area.x + label_cols;
    let plot = Rect::new(axis_x + 1, area.y, area.right() - axis_x - 1, rows);
    let axis_y = plot.bottom();
    axis.draw_labels(buf, area.x, label_cols, plot.y, styles.axis);
    for y in plot.top()..plot.bottom() {
        put_char(buf, axis_x, y, '│', styles.axis);
    }
    put_char(buf, axis_x, axis_y, '└', styles.axis);
    for x in plot.left()..plot.right() {
        put_char(buf, x, axis_y, '─', styles.axis);
    }
    let last = years.1.max(years.0 + 1);
    let bounds = (f64::from(years.0), f64::from(last));
    Chart::new(datasets)
        .x_axis(Axis::default().bounds([bounds.0, bounds.1]))
        .y_axis(Axis::default().bounds([axis.low, axis.high]))
        .render(plot, buf);
    let plot = Plot {
        area: plot,
        years: bounds,
        axis,
    };
    let column = |year: i32| plot.column(f64::from(year)).map(|x| (x, 1));
    let row = Rect::new(area.x, axis_y + 1, area.width, 1);
    draw_years(
        buf,
        row,
        (years.0, last),
        &column,
        cursor,
        (styles.axis, styles.cursor),
        styles.years,
    );
    Some(plot)
}

/// A series drawn as a braille line.
pub fn line<'a>(data: &'a [(f64, f64)], style: Style) -> Dataset<'a> {
    Dataset::default()
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(style)
        .data(data)
}

/// A line across the plot at `value` and one down it at `year`, drawn in the cells
/// the data left blank: cheaper than a chart dataset each (ratatui fills a whole layer
/// per dataset), and the data stays on top. Both on the row and column the plot draws
/// that value and year in, so a labelled value or year lines up with its label.
pub fn guides(
    buf: &mut Buffer,
    plot: &Plot,
    level: Option<(f64, Style)>,
    cursor: Option<(f64, Style)>,
) {
    let area = plot.area;
    let mut mark = |x: u16, y: u16, symbol: &str, style: Style| {
        let cell = &mut buf[(x, y)];
        if cell.symbol().trim().is_empty() {
            cell.set_symbol(symbol).set_style(style);
        }
    };
    if let Some((y, style)) = level.and_then(|(v, s)| Some((plot.row(v)?, s))) {
        for x in area.left()..area.right() {
            mark(x, y, "┄", style);
        }
    }
    if let Some((x, style)) = cursor.and_then(|(year, s)| Some((plot.column(year)?, s))) {
        for y in area.top()..area.bottom() {
            mark(x, y, "┊", style);
        }
    }
}

/// A line chart of one recorded series (`line`, a braille line, broken at its gaps)
/// over `years`, with a value axis holding `values`, the cursor's year labelled where it
/// fits and each gap marked ([`gap_marks`]): the chart both panes draw, every other
/// series then marked into the plot it returns.
pub fn recorded_chart(
    buf: &mut Buffer,
    area: Rect,
    (years, values): ((i32, i32), (f64, f64)),
    (series, cursor): (&Series, i32),
    (theme, years_axis): (&Theme, YearAxis),
) -> Option<Plot> {
    let styles = AxisStyles {
        axis: theme.label(),
        cursor: theme.cursor(),
        years: years_axis,
    };
    let runs = runs(series);
    let plot = line_chart(
        buf,
        area,
        years,
        values,
        runs.iter().map(|r| line(r, theme.recorded())).collect(),
        Some(cursor),
        styles,
    )?;
    gap_marks(buf, &plot, gaps(series), theme.recorded());
    Some(plot)
}

/// A series as a chart takes it: each year, with its value or `None` where the record
/// holds the year as a gap.
pub type Series = [(f64, Option<f64>)];

/// What marks a gap year on a chart: a year the record holds without a value.
pub const GAP_MARK: char = '×';

/// What marks a year of a bar chart the record does not hold at all ([`BarKind::Unrecorded`]).
pub const UNRECORDED_MARK: char = '·';

/// The runs of values of `series` between its gaps: a line drawn through each run
/// alone never crosses a gap as if the year had a value.
pub fn runs(series: &Series) -> Vec<Vec<(f64, f64)>> {
    series
        .split(|p| p.1.is_none())
        .filter(|run| !run.is_empty())
        .map(|run| run.iter().filter_map(|&(x, v)| Some((x, v?))).collect())
        .collect()
}

/// The years of `series` that are gaps.
pub fn gaps(series: &Series) -> impl Iterator<Item = f64> + '_ {
    series.iter().filter(|p| p.1.is_none()).map(|p| p.0)
}

/// [`GAP_MARK`] on the year axis's line under the plot, in each of `years`' columns:
/// a gap stays visible where the line breaks, and never hides under another series.
pub fn gap_marks(
    buf: &mut Buffer,
    plot: &Plot,
    years: impl IntoIterator<Item = f64>,
    style: Style,
) {
    let y = plot.area.bottom();
    for year in years {
        if let Some(x) = plot.column(year) {
            put_char(buf, x, y, GAP_MARK, style);
        }
    }
}

/// Where marks go: over what is drawn there, or only into blank cells, behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Over,
    Behind,
}

/// `glyph` at each `(year, value)` of `points`, on the cell the plot draws it in (the
/// column a braille line takes there, so marks, lines and the cursor agree): a scatter
/// series drawn straight into the buffer, with no canvas layer of its own.
pub fn marks(
    buf: &mut Buffer,
    plot: &Plot,
    points: &[(f64, f64)],
    (glyph, style): (char, Style),
    layer: Layer,
) {
    for &(year, value) in points {
        if let (Some(x), Some(y)) = (plot.column(year), plot.row(value))
            && (layer == Layer::Over || buf[(x, y)].symbol().trim().is_empty())
        {
            put_char(buf, x, y, glyph, style);
        }
    }
}

/// A band between a low and a high value a year (`(year, low, high)`, by year) shaded
/// with `░` in the plot's blank cells, the columns between two years interpolated: the
/// data drawn before stays on top.
pub fn band(buf: &mut Buffer, plot: &Plot, points: &[(f64, f64, f64)], style: Style) {
    let mut shade = |x: u16, low: f64, high: f64| {
        let (Some(top), Some(bottom)) = (plot.row(high), plot.row(low)) else {
            return;
        };
        for y in top.min(bottom)..=bottom.max(top) {
            let cell = &mut buf[(x, y)];
            if cell.symbol().trim().is_empty() {
                cell.set_symbol("░").set_style(style);
            }
        }
    };
    for pair in points.windows(2) {
        let [(y0, lo0, hi0), (y1, lo1, hi1)] = [pair[0], pair[1]];
        let (Some(x0), Some(x1)) = (plot.column(y0), plot.column(y1)) else {
            continue;
        };
        for x in x0..=x1 {
            let t = if x1 > x0 {
                f64::from(x - x0) / f64::from(x1 - x0)
            } else {
                0.0
            };
            shade(x, lo0 + (lo1 - lo0) * t, hi0 + (hi1 - hi0) * t);
        }
    }
    if let [(year, low, high)] = points
        && let Some(x) = plot.column(*year)
    {
        shade(x, *low, *high);
    }
}

/// How one bar looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    Recorded,
    Projected,
    /// Projected with an agreement's rule past the agreement's end.
    Extended,
    /// A year between two of the series' years that the record does not hold at all
    /// (Japan's FY1979–95): its slot keeps the years evenly spaced, marked
    /// [`UNRECORDED_MARK`].
    Unrecorded,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarDatum {
    pub year: i32,
    pub value: Option<f64>,
    pub kind: BarKind,
    pub capped: bool,
    pub cursor: bool,
    /// The band of outcomes around the value: its low and high.
    pub range: Option<(f64, f64)>,
}

pub struct BarStyles {
    pub recorded: Style,
    pub projected: Style,
    pub capped: Style,
    pub cursor: Style,
    pub axis: Style,
    pub band: Style,
    /// The [`GAP_MARK`] of a year without a value.
    pub gap: Style,
    /// The years the x axis counts.
    pub years: YearAxis,
}

const EIGHTHS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One single-width char in a cell, as `set_string` writes it, without the string.
fn put_char(buf: &mut Buffer, x: u16, y: u16, c: char, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_char(c).set_style(style);
    }
}

/// Where bars go on a plot: `n` slots across `plot`, from three columns a slot keeping
/// one as a gap.
#[derive(Debug, Clone, Copy)]
struct Slots {
    plot: Rect,
    n: usize,
}

impl Slots {
    fn x(self, i: usize) -> u16 {
        self.plot.x + (i * self.plot.width as usize / self.n) as u16
    }

    /// The columns of bar `i`, `None` if it does not fit. Wide slots keep a one-column
    /// gap and equal widths; narrow ones fill their slot, so the bars read as one area
    /// rather than with uneven gaps.
    fn columns(self, i: usize) -> Option<Columns> {
        let slot = (self.plot.width as usize / self.n).max(1) as u16;
        let x = self.x(i);
        let cols = if slot >= 3 {
            slot - 1
        } else {
            (self.x(i + 1) - x).max(1)
        };
        (x + cols <= self.plot.right()).then_some((x, cols))
    }
}

/// The columns `year` is drawn in among `bars` (sorted by year): its bar's, or, for a
/// year thinned out, the column between its neighbours' where it would be.
fn bar_columns(bars: &[BarDatum], slots: Slots, year: i32) -> Option<Columns> {
    match bars.binary_search_by_key(&year, |b| b.year) {
        Ok(i) => slots.columns(i),
        Err(i) if i == 0 || i == bars.len() => None,
        Err(i) => {
            // Centres in half columns, so a two-column bar's is between its columns.
            let centre = |i: usize| {
                slots
                    .columns(i)
                    .map(|(x, w)| 2 * i64::from(x) + i64::from(w))
            };
            let (a, b) = (centre(i - 1)?, centre(i)?);
            let (ya, yb) = (i64::from(bars[i - 1].year), i64::from(bars[i].year));
            let at = a + (b - a) * (i64::from(year) - ya) / (yb - ya);
            Some(((at / 2) as u16, 1))
        }
    }
}

/// Draws bars with a value axis on the left and years below. `bars` must be sorted by
/// year and already thinned to the plot's width.
pub fn draw_bars(buf: &mut Buffer, area: Rect, bars: &[BarDatum], styles: &BarStyles) {
    if area.height < 3 || area.width < 8 || bars.is_empty() {
        return;
    }
    // The axis holds the bands too.
    let values = bars.iter().filter_map(|b| b.value).chain(
        bars.iter()
            .filter_map(|b| b.range)
            .flat_map(|(l, h)| [l, h]),
    );
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (min, max) = if min.is_finite() {
        (min, max)
    } else {
        (0.0, 1.0)
    };
    // Rows: a marker row, the plot, the years.
    let rows = area.height - 2;
    let axis = ValueAxis::new(min.min(0.0), max.max(0.0), rows, Grid::Bars);
    let (low, high) = (axis.low, axis.high);
    let label_cols = axis.label_width().min(area.width / 3);
    let plot = Rect {
        x: area.x + label_cols + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(label_cols + 1),
        height: rows,
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
    axis.draw_labels(buf, area.x, label_cols, plot.y, styles.axis);

    let slots = Slots {
        plot,
        n: bars.len(),
    };
    for (i, bar) in bars.iter().enumerate() {
        let Some((x, bar_cols)) = slots.columns(i) else {
            break;
        };
        let style = match bar.kind {
            BarKind::Recorded | BarKind::Unrecorded => styles.recorded,
            BarKind::Projected | BarKind::Extended => styles.projected,
        };
        let style = if bar.cursor { styles.cursor } else { style };
        let column = BarColumn {
            x,
            cols: bar_cols,
            style,
        };
        draw_slot(buf, plot, &column, bar, (low, high, zero_eighths), styles);
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

    // Years at round intervals under their bars, and the cursor's where it fits.
    let years = (bars[0].year, bars[bars.len() - 1].year);
    let cursor = bars.iter().find(|b| b.cursor).map(|b| b.year);
    let columns = |year: i32| bar_columns(bars, slots, year);
    let row = Rect::new(area.x, years_row, area.width, 1);
    draw_years(
        buf,
        row,
        years,
        &columns,
        cursor,
        (styles.axis, styles.cursor),
        styles.years,
    );
}

/// What goes in one bar's columns: its bar ([`draw_bar`]), or for a gap (no value)
/// the [`GAP_MARK`] on the plot's bottom row, so a gap never reads as zero.
fn draw_slot(
    buf: &mut Buffer,
    plot: Rect,
    column: &BarColumn,
    bar: &BarDatum,
    bounds: (f64, f64, i64),
    styles: &BarStyles,
) {
    let (mark, style) = match (bar.value, bar.kind) {
        (Some(v), _) => return draw_bar(buf, plot, column, bar, v, bounds, styles),
        (None, BarKind::Unrecorded) => (UNRECORDED_MARK, styles.axis),
        (None, _) => (GAP_MARK, styles.gap),
    };
    put_char(
        buf,
        column.x + (column.cols - 1) / 2,
        plot.bottom() - 1,
        mark,
        style,
    );
}

/// Where one bar goes: its first column, how many columns, its style.
struct BarColumn {
    x: u16,
    cols: u16,
    style: Style,
}

/// One bar of value `v` in `plot`, growing from zero (at `zero_eighths` above the
/// bottom, in eighths of a cell) on the axis `low`..`high`; in the band's colour within
/// its band, and a whisker above it up to the band's high.
fn draw_bar(
    buf: &mut Buffer,
    plot: Rect,
    column: &BarColumn,
    bar: &BarDatum,
    v: f64,
    (low, high, zero_eighths): (f64, f64, i64),
    styles: &BarStyles,
) {
    let rows = f64::from(plot.height);
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
        // Within the band the bar takes the band's colour, down to its low.
        let in_band = bar.range.is_some_and(|(band_low, _)| {
            let low_eighths = ((band_low - low) / (high - low) * rows * 8.0).round();
            cell_low as f64 + 8.0 > low_eighths && v >= 0.0
        });
        let style = if in_band && !bar.cursor {
            styles.band
        } else {
            column.style
        };
        for dx in 0..column.cols {
            put_char(buf, column.x + dx, y, glyph, style);
        }
    }
    // Above the bar, a whisker up to the band's high.
    if let Some((_, band_high)) = bar.range.filter(|_| v >= 0.0) {
        let high_eighths = ((band_high - low) / (high - low) * rows * 8.0).round() as i64;
        let first_free = top_eighths.div_euclid(8) + i64::from(top_eighths % 8 != 0);
        for row in first_free..high_eighths.div_euclid(8) + i64::from(high_eighths % 8 >= 4) {
            if let Ok(row) = u16::try_from(row)
                && row < plot.height
            {
                let y = plot.y + plot.height - 1 - row;
                put_char(buf, column.x + (column.cols - 1) / 2, y, '╎', styles.band);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_ends_and_cursor_and_fits() {
        assert_eq!(thin(5, 10, &[]), vec![0, 1, 2, 3, 4]);
        let picked = thin(110, 30, &[57]);
        assert!(picked.len() <= 30);
        assert_eq!(picked.first(), Some(&0));
        assert_eq!(picked.last(), Some(&109));
        assert!(picked.contains(&57));
        assert!(picked.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(thin(3, 0, &[]), Vec::<usize>::new());
    }

    #[test]
    fn a_gap_year_survives_any_thinning() {
        // Japan's record from FY1978: FY1996–98, FY2000 and FY2013 are gaps; the
        // projection runs to FY2035.
        let years: Vec<i32> = std::iter::once(1978).chain(1996..=2035).collect();
        let gap = |y: &i32| [1996, 1997, 1998, 2000, 2013].contains(y);
        // Room for the ends, the five gaps and the cursor: eight cells.
        for cells in 8..=years.len() + 2 {
            for cursor in [1978, 1999, 2013, 2014, 2026, 2035, 1900] {
                let kept = thin_keeping(&years, cells, |y| *y == cursor, gap);
                let context = format!("{cells} cells, cursor {cursor}: {kept:?}");
                assert!(kept.len() <= cells, "{context}");
                assert!(kept.windows(2).all(|w| w[0] < w[1]), "{context}");
                assert_eq!(kept.first(), Some(&&1978), "{context}");
                assert_eq!(kept.last(), Some(&&2035), "{context}");
                for y in years.iter().filter(|y| gap(y) || **y == cursor) {
                    assert!(kept.contains(&y), "{y} thinned away: {context}");
                }
            }
        }
        // Every index kept, at any share of the points, while there is room for them.
        for n in 2..80usize {
            for max in 2..n {
                let keep: Vec<usize> = (0..n).filter(|i| i % 7 == 3).take(max - 2).collect();
                let picked = thin(n, max, &keep);
                assert_eq!(picked.len(), max, "{n} into {max}");
                assert!(keep.iter().all(|k| picked.contains(k)), "{n} into {max}");
                assert!(picked.windows(2).all(|w| w[0] < w[1]), "{n} into {max}");
            }
        }
        // More to keep than room: the first of them (the cursor) stay.
        assert_eq!(thin(10, 3, &[5, 6, 7]), vec![0, 5, 9]);
        assert_eq!(thin(10, 1, &[5]), vec![5]);
    }

    #[test]
    fn fine_bounds_are_round_and_hold_the_data() {
        assert_eq!(fine_bounds(0.0, 1519.2), (0.0, 1600.0));
        let (lo, hi) = fine_bounds(-8.9, 13.9);
        assert!(lo <= -8.9 && hi >= 13.9 && lo < 0.0);
        let (lo, hi) = fine_bounds(0.0, 0.0);
        assert!(hi > lo);
        assert!(thin(110, 30, &[1]).contains(&1));
        assert!(thin(110, 30, &[1]).contains(&0));
    }

    /// Whether `s` is 1, 2, 2.5 or 5 times a power of ten.
    fn is_round_step(s: f64) -> bool {
        let power = 10f64.powf(s.log10().floor());
        [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .any(|m| ((s / power) - m).abs() < 1e-6)
    }

    fn is_multiple(v: f64, s: f64) -> bool {
        ((v / s) - (v / s).round()).abs() < 1e-6
    }

    /// Ranges the charts meet (contributions, changes, troops, dollars), tiny and
    /// huge ones, and a spread of others from a fixed generator.
    fn ranges() -> Vec<(f64, f64)> {
        let mut ranges = vec![
            (0.0, 1600.0),
            (107.3, 1519.2),
            (0.0, 1950.4),
            (-8.9, 13.9),
            (-31.2, 65.0),
            (23_642.0, 40_062.0),
            (510.0, 326_863.0),
            (0.02, 0.07),
            (0.0, 1.0),
            (5.0, 5.0),
            (0.0, 0.0),
            (-100.0, -5.0),
            (1.0e6, 1.3e6),
            (0.0, 129_445.2),
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..150 {
            let scale = 10f64.powf(next() * 8.0 - 2.0);
            let a = (next() - 0.3) * scale;
            let b = a + next() * scale;
            ranges.push((a, b));
        }
        ranges
    }

    #[test]
    fn twelve_rows_of_0_to_1600_read_0_500_1000_1500() {
        for grid in [Grid::Dots(4), Grid::Bars] {
            let axis = ValueAxis::new(0.0, 1600.0, 12, grid);
            for v in [0.0, 500.0, 1000.0, 1500.0] {
                assert!(axis.labels.contains(&v), "{v} in {:?}", axis.labels);
            }
            assert!(axis.labels.iter().all(|v| is_multiple(*v, 500.0)));
            let text: Vec<String> = axis.labels.iter().map(|v| axis.label(*v)).collect();
            assert_eq!(text[..4], ["0", "500", "1,000", "1,500"]);
        }
        // A short plot still labels both ends of the bars.
        let axis = ValueAxis::new(0.0, 1950.0, 4, Grid::Bars);
        assert_eq!(axis.labels, [0.0, 1000.0, 2000.0]);
        // Changes below zero keep zero labelled, with one decimal for 2.5 steps.
        let axis = ValueAxis::new(-8.9, 13.9, 12, Grid::Dots(4));
        assert!(axis.labels.contains(&0.0), "{:?}", axis.labels);
        assert!(axis.labels.iter().any(|v| *v < 0.0));
    }

    #[test]
    fn small_shares_read_on_three_rows_and_four_to_six_labels_where_there_is_room() {
        let text = |axis: &ValueAxis| -> Vec<String> {
            axis.labels.iter().map(|v| axis.label(*v)).collect()
        };
        // Both hosts' % of GDP (0.03–0.08) and % of defense budget (1.5–5.2) on the
        // three rows of the Costs pane at 80×24: a label on each row, told apart.
        let gdp = ValueAxis::new(0.0, 0.081, 3, Grid::Dots(4));
        assert_eq!(text(&gdp), ["0.00", "0.05", "0.10"]);
        let defense = ValueAxis::new(0.0, 5.2, 3, Grid::Dots(4));
        assert_eq!(text(&defense), ["0.0", "2.5", "5.0"]);
        // Tall enough for four labels with a blank row between and round steps that
        // hold the data (nine rows), four to six, never more.
        for (min, max) in [
            (0.0, 0.081),
            (0.0, 0.062),
            (0.0, 5.4),
            (0.0, 2.3),
            (0.03, 0.06),
        ] {
            for rows in 9..=40 {
                let axis = ValueAxis::new(min, max, rows, Grid::Dots(4));
                let shown = text(&axis);
                assert!(
                    (4..=6).contains(&shown.len()),
                    "{min}..{max} on {rows} rows: {shown:?}"
                );
                let mut distinct = shown.clone();
                distinct.dedup();
                assert_eq!(distinct, shown, "labels told apart");
            }
        }
    }

    #[test]
    fn small_plots_label_every_row_or_every_other_at_a_round_step() {
        // The Costs and Troops panes at 80×24 to 100×30 are four to eight rows high:
        // Japan's yen (0–290 bn), Korea's won (0–1,950 bn), Japan's troops (0–55,000),
        // both hosts' dollars (0–2,600 m).
        let cases = [
            (0.0, 290.0, Grid::Bars),
            (0.0, 1950.0, Grid::Bars),
            (0.0, 55_000.0, Grid::Dots(4)),
            (0.0, 2_600.0, Grid::Dots(4)),
            (0.0, 1_519.2, Grid::Dots(4)),
        ];
        for (min, max, grid) in cases {
            for rows in 4..=8u16 {
                let axis = ValueAxis::new(min, max, rows, grid);
                let context = format!("{min}..{max} on {rows} rows, {grid:?}: {axis:?}");
                let labels = &axis.labels;
                // Five and six rows fit no even round step on some ranges (0, 1,000,
                // 2,000, 3,000 on six rows would sit 2, 1 and 2 apart): two there.
                let least = if matches!(rows, 5 | 6) { 2 } else { 3 };
                assert!(labels.len() >= least, "{least} labels at least: {context}");
                assert!(labels.len() <= usize::from(rows), "{context}");
                // One round step between every two, each label on its own row.
                let step = labels[1] - labels[0];
                assert!(is_round_step(step), "step {step}: {context}");
                assert!(
                    labels
                        .windows(2)
                        .all(|w| ((w[1] - w[0]) - step).abs() < step * 1e-9),
                    "{context}"
                );
                let rows_of: Vec<u16> = labels.iter().filter_map(|v| axis.row(*v)).collect();
                assert_eq!(rows_of.len(), labels.len(), "{context}");
                assert!(rows_of.windows(2).all(|w| w[0] > w[1]), "{context}");
            }
        }
        // Japan's Costs at 80×24: four rows, a label on each.
        let yen = ValueAxis::new(0.0, 290.0, 4, Grid::Bars);
        assert_eq!(yen.labels, [0.0, 100.0, 200.0, 300.0]);
        // Korea's at 80×24: 0, 1,000 and 2,000 (before: 0 and 2,000).
        let won = ValueAxis::new(0.0, 1950.0, 4, Grid::Bars);
        assert_eq!(won.labels, [0.0, 1000.0, 2000.0]);
        // Never a label every row mixed with every other row: 0, 100, 200, 300 on five
        // rows would sit 1, 2 and 1 apart, so the axis keeps 0 and 200.
        let five = ValueAxis::new(0.0, 290.0, 5, Grid::Bars);
        assert_eq!(five.labels, [0.0, 200.0]);
    }

    #[test]
    fn value_labels_are_round_spaced_and_enough_for_any_range_and_height() {
        for (min, max) in ranges() {
            for rows in 1..=60u16 {
                for grid in [Grid::Dots(4), Grid::Dots(1), Grid::Bars] {
                    let (min, max) = match grid {
                        Grid::Bars => (min.min(0.0), max.max(0.0)),
                        Grid::Dots(_) => (min, max),
                    };
                    let axis = ValueAxis::new(min, max, rows, grid);
                    let context = format!("{min}..{max} on {rows} rows, {grid:?}: {axis:?}");
                    assert!(axis.low <= min && axis.high >= max, "{context}");
                    let labels = &axis.labels;
                    let need = match rows {
                        1 => 1,
                        2..=9 => 2,
                        _ => 3,
                    };
                    assert!(labels.len() >= need, "{context}");
                    assert!(labels.len() <= 6, "six labels at most: {context}");
                    assert!(labels.windows(2).all(|w| w[0] < w[1]), "{context}");
                    let rows_of: Vec<u16> = labels
                        .iter()
                        .map(|v| axis.row(*v).expect("a label inside the axis"))
                        .collect();
                    // A blank row between labels from ten rows up; below, a label
                    // may take every row, and then they go evenly (`evenly_spaced`).
                    let apart = if rows >= 10 { 2 } else { 1 };
                    assert!(
                        rows_of.windows(2).all(|w| w[0] >= w[1] + apart),
                        "rows {rows_of:?}: {context}"
                    );
                    if rows >= 4 && rows_of.windows(2).any(|w| w[0] == w[1] + 1) {
                        assert!(axis.evenly_spaced(labels), "uneven: {context}");
                    }
                    if rows >= 3 && axis.low < 0.0 && axis.high > 0.0 {
                        assert!(labels.contains(&0.0), "zero labelled: {context}");
                    }
                    // Between the ends, one round step; the ends round too.
                    let inner: Vec<f64> = labels
                        .iter()
                        .copied()
                        .filter(|v| *v != axis.low && *v != axis.high)
                        .collect();
                    if let [a, b, ..] = inner[..] {
                        let step = b - a;
                        assert!(is_round_step(step), "step {step}: {context}");
                        assert!(inner.iter().all(|v| is_multiple(*v, step)), "{context}");
                        assert!(
                            inner
                                .windows(2)
                                .all(|w| ((w[1] - w[0]) - step).abs() < step * 1e-6),
                            "{context}"
                        );
                    }
                    // The ends: multiples of a round step no finer than a twentieth of
                    // the axis.
                    let least = (axis.high - axis.low) / 20.0;
                    let power = 10f64.powf(least.log10().floor());
                    let steps = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0].map(|m| m * power);
                    for end in [axis.low, axis.high] {
                        assert!(
                            steps
                                .iter()
                                .filter(|s| **s >= least * (1.0 - 1e-9))
                                .any(|s| is_multiple(end, *s)),
                            "end {end} round: {context}"
                        );
                    }
                }
            }
        }
    }

    fn bar_styles() -> BarStyles {
        BarStyles {
            years: YearAxis::Calendar,
            recorded: Style::default(),
            projected: Style::default(),
            capped: Style::default(),
            cursor: Style::default(),
            axis: Style::default(),
            band: Style::default(),
            gap: Style::default(),
        }
    }

    #[test]
    fn a_bar_s_band_reaches_its_high_and_the_axis_holds_it() {
        let area = Rect::new(0, 0, 30, 12);
        let mut buf = Buffer::empty(area);
        let mut banded = bar(2030, 1000.0);
        banded.range = Some((900.0, 1800.0));
        draw_bars(&mut buf, area, &[bar(2029, 1000.0), banded], &bar_styles());
        let column =
            |x: u16| -> String { (0..12).map(|y| buf[(x, y)].symbol().to_string()).collect() };
        // The axis reaches the high (its top label is 1,800 or more), and the banded
        // bar's column carries a whisker above the bar; its neighbour none.
        let text: String = (0..12)
            .map(|y| {
                (0..30)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        let whiskers: usize = (0..30).map(|x| column(x).matches('╎').count()).sum();
        assert!(whiskers >= 3, "{text}");
        let first_bar_x = (0..30).find(|&x| column(x).contains('█')).unwrap();
        assert_eq!(column(first_bar_x).matches('╎').count(), 0, "{text}");
        assert!(text.contains("2,000") || text.contains("1,800"), "{text}");
    }

    fn bar(year: i32, value: f64) -> BarDatum {
        BarDatum {
            year,
            value: Some(value),
            kind: BarKind::Recorded,
            capped: false,
            cursor: false,
            range: None,
        }
    }

    /// The text of row `y` of `buf`.
    fn row_text(buf: &Buffer, y: u16) -> String {
        (buf.area.left()..buf.area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect()
    }

    /// The row of `buf` whose value label (left of the axis) is `text`.
    fn label_row(buf: &Buffer, text: &str) -> Option<u16> {
        (buf.area.top()..buf.area.bottom()).find(|&y| {
            let row = row_text(buf, y);
            row.split_once('│')
                .is_some_and(|(label, _)| label.trim() == text)
        })
    }

    #[test]
    fn a_bar_tops_out_on_the_row_its_value_is_labelled() {
        let mut checked = 0;
        for (min, max) in [(0.0, 1600.0), (0.0, 1950.4), (-31.2, 65.0), (-8.9, 13.9)] {
            for height in 5..=45u16 {
                let area = Rect::new(0, 0, 40, height);
                let axis = ValueAxis::new(min, max, height - 2, Grid::Bars);
                for &v in axis.labels.iter().filter(|v| **v != 0.0) {
                    // The extremes fix the axis; the last bar is the label's value.
                    let bars = [bar(2000, min), bar(2001, max), bar(2002, v)];
                    let mut buf = Buffer::empty(area);
                    draw_bars(&mut buf, area, &bars, &bar_styles());
                    let y = label_row(&buf, &axis.label(v))
                        .unwrap_or_else(|| panic!("{v} labelled at height {height}"));
                    // The last bar's column: the rightmost with a glyph in it.
                    let x = (0..area.width)
                        .rev()
                        .find(|&x| (1..height - 1).any(|y| buf[(x, y)].symbol() != " "))
                        .unwrap();
                    let glyph_rows: Vec<u16> = (1..height - 1)
                        .filter(|&y| buf[(x, y)].symbol() != " ")
                        .collect();
                    let end = if v > 0.0 {
                        glyph_rows[0]
                    } else {
                        *glyph_rows.last().unwrap()
                    };
                    assert_eq!(end, y, "a bar of {v} at height {height}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn a_line_at_a_labelled_value_runs_along_its_label_row() {
        for height in 4..=40u16 {
            let area = Rect::new(0, 0, 50, height);
            let axis = ValueAxis::new(0.0, 1950.4, height - 2, Grid::Dots(4));
            for &v in &axis.labels {
                let data = [(1991.0, v), (2035.0, v)];
                let mut buf = Buffer::empty(area);
                let styles = AxisStyles {
                    axis: Style::default(),
                    cursor: Style::default(),
                    years: YearAxis::Calendar,
                };
                let datasets = vec![line(&data, Style::default())];
                let plot = line_chart(
                    &mut buf,
                    area,
                    (1991, 2035),
                    (0.0, 1950.4),
                    datasets,
                    None,
                    styles,
                )
                .unwrap();
                assert_eq!(plot.axis, axis);
                let y = label_row(&buf, &axis.label(v)).unwrap();
                let braille = |y: u16| {
                    (plot.area.left()..plot.area.right())
                        .filter(|&x| {
                            ('⠁'..='⣿').contains(&buf[(x, y)].symbol().chars().next().unwrap())
                        })
                        .count()
                };
                assert_eq!(
                    braille(y),
                    plot.area.width as usize,
                    "{v} at height {height}"
                );
                assert_eq!(plot.row(v), Some(y));
            }
        }
    }

    /// The labels of a year row as drawn: each run of characters, with its column.
    fn drawn_years(buf: &Buffer, y: u16) -> Vec<(u16, String)> {
        let text = row_text(buf, y);
        let mut runs: Vec<(u16, String)> = Vec::new();
        for (x, c) in text.chars().enumerate() {
            match (c, runs.last_mut()) {
                (' ', _) => {}
                (c, Some((start, run))) if *start as usize + run.len() == x => run.push(c),
                (c, _) => runs.push((x as u16, c.to_string())),
            }
        }
        runs
    }

    /// Checks the year labels of `row` drawn for `years` at `columns`: round, each
    /// over its year's columns, one blank column at least between two.
    fn check_years(
        row: Rect,
        years: (i32, i32),
        columns: &dyn Fn(i32) -> Option<Columns>,
        cursor: i32,
        context: &str,
    ) -> usize {
        let step = year_step(row, years, columns);
        assert!(
            [5, 10, 20, 50, 100, 200, 500, 1000].contains(&step),
            "step {step}: {context}"
        );
        let mut buf = Buffer::empty(row);
        let style = Style::default();
        draw_years(
            &mut buf,
            row,
            years,
            columns,
            Some(cursor),
            (style, style),
            YearAxis::Calendar,
        );
        let runs = drawn_years(&buf, row.y);
        for (x, text) in &runs {
            let year: i32 = text
                .parse()
                .unwrap_or_else(|_| panic!("labels touch: {text:?} {context}"));
            assert!(year % step == 0 || year == cursor, "{year}: {context}");
            let (at, cols) = columns(year).unwrap();
            let end = x + text.len() as u16;
            assert!(
                *x <= at && at + cols <= end.max(at + 1),
                "{year} at {x}..{end} over {at}+{cols}: {context}"
            );
        }
        // Runs are the labels themselves: none touches another.
        let expected = year_labels(row, years, step, columns).count();
        assert!(runs.len() >= expected, "{context}");
        runs.len()
    }

    #[test]
    fn round_years_never_touch_and_sit_under_their_columns() {
        for years in [(1991, 2035), (1950, 2100), (1950, 2035)] {
            for width in 20..=200u16 {
                let row = Rect::new(0, 0, width, 1);
                for cursor in [years.0, 2026, years.1] {
                    // A line chart: braille columns right of a six-column axis.
                    let plot = Rect::new(7, 0, width - 7, 1);
                    let bounds = (f64::from(years.0), f64::from(years.1));
                    let line_columns = |year: i32| {
                        canvas_column(f64::from(year), bounds, plot.width, 2)
                            .map(|dx| (plot.x + dx, 1))
                    };
                    let context = format!("line {years:?} in {width}, cursor {cursor}");
                    let n = check_years(row, years, &line_columns, cursor, &context);
                    assert!(n >= 1 && (width < 40 || n >= 2), "{n} labels: {context}");

                    // Bars, thinned to the columns as the Costs pane thins them.
                    let all: Vec<i32> = (years.0..=years.1).collect();
                    let keep: Vec<usize> =
                        all.iter().position(|y| *y == cursor).into_iter().collect();
                    let bars: Vec<BarDatum> = thin(all.len(), (width - 9) as usize, &keep)
                        .into_iter()
                        .map(|i| bar(all[i], 1.0))
                        .collect();
                    let slots = Slots {
                        plot,
                        n: bars.len(),
                    };
                    let bar_cols = |year: i32| bar_columns(&bars, slots, year);
                    let context = format!("bars {years:?} in {width}, cursor {cursor}");
                    let n = check_years(row, years, &bar_cols, cursor, &context);
                    assert!(n >= 1 && (width < 40 || n >= 2), "{n} labels: {context}");
                }
            }
        }
    }

    #[test]
    fn the_cursor_year_is_labelled_where_it_fits() {
        let row = Rect::new(0, 0, 120, 1);
        let columns =
            |year: i32| canvas_column(f64::from(year), (1991.0, 2035.0), 120, 2).map(|x| (x, 1));
        let style = Style::default();
        let mut buf = Buffer::empty(row);
        draw_years(
            &mut buf,
            row,
            (1991, 2035),
            &columns,
            Some(2013),
            (style, style),
            YearAxis::Calendar,
        );
        let text = row_text(&buf, 0);
        assert!(text.contains("2010"), "{text}");
        assert!(text.contains("2013"), "{text}");
        assert!(text.contains("2015"), "{text}");
        // Next to a round year it would touch: left out.
        let mut buf = Buffer::empty(row);
        draw_years(
            &mut buf,
            row,
            (1991, 2035),
            &columns,
            Some(2011),
            (style, style),
            YearAxis::Calendar,
        );
        assert!(!row_text(&buf, 0).contains("2011"));
    }

    /// The year row of an axis `axis` `width` wide over `years`, cursor at `cursor`.
    fn fiscal_row(axis: YearAxis, width: u16, years: (i32, i32), cursor: i32) -> String {
        let row = Rect::new(0, 0, width, 1);
        let span = (f64::from(years.0), f64::from(years.1));
        // As a line chart's plot: six columns of value labels, then the data.
        let columns =
            move |year: i32| canvas_column(f64::from(year), span, width - 6, 2).map(|x| (x + 6, 1));
        let style = Style::default();
        let mut buf = Buffer::empty(row);
        draw_years(
            &mut buf,
            row,
            years,
            &columns,
            Some(cursor),
            (style, style),
            axis,
        );
        row_text(&buf, 0)
    }

    #[test]
    fn fiscal_years_read_fy_on_the_ticks_or_in_the_corner() {
        // Room: every tick says FY; no note needed.
        let wide = fiscal_row(YearAxis::Fiscal, 120, (1978, 2035), 2013);
        assert!(
            wide.contains("FY2000") && wide.contains("FY2035"),
            "{wide:?}"
        );
        assert!(!wide.contains(" 2000"), "{wide:?}");
        // Where FY ticks would come sparser than plain ones: plain ticks and "FY" in
        // the corner, under the value labels. Every width says it one way or the other.
        let (mut ticks, mut corner) = (0, 0);
        for width in 24..=120 {
            let row = fiscal_row(YearAxis::Fiscal, width, (1978, 2035), 2026);
            let on_ticks = row.contains("FY19") || row.contains("FY20");
            let in_corner = row.starts_with("FY ");
            assert!(on_ticks != in_corner, "{width}: {row:?}");
            if in_corner {
                assert!(
                    row.contains("2000") || row.contains("2020"),
                    "{width}: {row:?}"
                );
            }
            ticks += usize::from(on_ticks);
            corner += usize::from(in_corner);
        }
        assert!(
            ticks > 0 && corner > 0,
            "{ticks} with FY ticks, {corner} with the corner"
        );
        // Both hosts on one axis: plain ticks, the corner names Japan's fiscal years.
        let both = fiscal_row(YearAxis::Mixed, 120, (1991, 2035), 2026);
        assert!(both.starts_with("JP FY "), "{both:?}");
        assert!(both.contains("2000") && !both.contains("FY2"), "{both:?}");
        // Calendar years: as before.
        let korea = fiscal_row(YearAxis::Calendar, 120, (1991, 2035), 2026);
        assert!(!korea.contains("FY"), "{korea:?}");
    }
}
