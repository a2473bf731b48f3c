//! The Assumptions pane: every live input, the selected one highlighted, the
//! scenarios' totals they drive, and the user's saved scenarios.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::{App, AssumptionsRow, Pane};
use crate::econ::{AssumptionId, CostView, Metric, ScenarioId, Total, spec};

use super::format::{fit, fit_right, signed, thousands, width as format_width};
use super::layout::inner;
use super::pane_block;
use super::text::Plain;
use super::theme::Theme;

const NUMBER_COLS: usize = 10;
/// Above the band's range of each total.
const RANGE_HEADING: &str = "low–high";

pub fn render(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    f.render_widget(
        pane_block(
            app,
            Pane::Assumptions,
            "= type · Enter pin · x compare",
            theme,
        ),
        area,
    );
    let inner = inner(area);
    let lines = lines(app, theme, inner.width as usize);
    let mut height = inner.height as usize;
    let on_a_scenario = !matches!(
        app.selected_assumptions_row(),
        Some(AssumptionsRow::Assumption(_))
    );
    // The charted scenario's row: after the assumptions, a blank line and a heading.
    let charted_line = app
        .derived()
        .totals
        .iter()
        .position(|t| t.scenario == app.inputs().scenario)
        .map_or(usize::MAX, |k| {
            app.assumptions_row_number(AssumptionsRow::Scenario(k)) + 2 + shared_lines(app)
        });
    if lines.len() > height && height > 1 && !on_a_scenario && charted_line >= height {
        // Too short to show the charted scenario's row while an assumption is
        // selected: pin its total to the bottom, so a change shows here too.
        height -= 1;
        let pinned = Rect {
            y: inner.y + height as u16,
            height: 1,
            ..inner
        };
        f.render_widget(
            Plain::new(pinned_total(app, theme, inner.width as usize)),
            pinned,
        );
    }
    // Keep the selected row in view: each section after the first has a blank line
    // and a heading above it.
    let row = app.assumption_row;
    let selected_line = match app.selected_assumptions_row() {
        Some(AssumptionsRow::Assumption(_)) | None => row,
        Some(AssumptionsRow::Scenario(_)) => row + 2 + shared_lines(app),
        Some(AssumptionsRow::Saved(_)) => row + 4 + shared_lines(app),
    };
    let scroll = (selected_line + 1).saturating_sub(height);
    let area = Rect {
        height: height as u16,
        ..inner
    };
    f.render_widget(Plain::new(lines).scroll(scroll as u16), area);
}

/// "▸ 12th SMA rule … 2026–30: 7,921.8 bn won".
fn pinned_total<'a>(app: &App, theme: &Theme, width: usize) -> Line<'a> {
    let Some(t) = app
        .derived()
        .totals
        .iter()
        .find(|t| t.scenario == app.inputs().scenario)
    else {
        return Line::raw("");
    };
    let Some(span) = t.span else {
        return Line::raw("");
    };
    let value = format!(
        " {}: {} {}",
        span.span_label(),
        thousands(span.value, 1),
        money_unit(app)
    );
    let label_cols = width.saturating_sub(format_width(&value) + 2);
    Line::from(vec![
        Span::styled(
            format!("▸ {}", fit(t.scenario.label(), label_cols)),
            theme.label(),
        ),
        Span::styled(value, theme.bold()),
    ])
}

/// The cursor's mark, "› ", on the selected row; blanks on the others.
fn cursor_mark<'a>(app: &App, row: usize, theme: &Theme) -> Span<'a> {
    if row == app.assumption_row && app.focus == Pane::Assumptions {
        Span::styled("› ", theme.key())
    } else if row == app.assumption_row {
        Span::styled("› ", theme.dim())
    } else {
        Span::raw("  ")
    }
}

/// The totals' money: "bn won" or "$ m", nominal or of the base year.
fn money_unit(app: &App) -> String {
    let money = CostView {
        metric: Metric::Contribution,
        ..app.inputs().view
    }
    .short_unit(app.data.info.host);
    if app.inputs().view.real {
        format!("{money} of {}", app.inputs().assumptions.base_year)
    } else {
        format!("{money} nominal")
    }
}

fn lines<'a>(app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    assumption_lines(app, theme, width, &mut lines);
    lines.extend(shared_line(app, theme, width));
    scenario_lines(app, theme, width, &mut lines);
    saved_lines(app, theme, width, &mut lines);
    totals_line(app, theme, width, &mut lines);
    lines
}

/// Last, so it never pushes a row off the pane: what the totals sum, as every file says
/// it ("2026 recorded + 2027–30 projected"), in the order of the columns, so that the
/// label a narrow pane keeps is the first column's, the one it shows.
fn totals_line<'a>(app: &App, theme: &Theme, width: usize, lines: &mut Vec<Line<'a>>) {
    let Some(first) = app.derived().totals.first() else {
        return;
    };
    let mut labels: Vec<String> = [first.span, first.to_horizon]
        .into_iter()
        .flatten()
        .map(|t| t.label())
        .collect();
    // A horizon at the agreement's end makes the two one.
    labels.dedup();
    if !labels.is_empty() {
        lines.push(Line::styled(
            fit(&format!("  totals: {}", labels.join(" · ")), width),
            theme.dim(),
        ));
    }
}

/// The selected row's line in the selection's style.
fn styled_if_selected<'a>(app: &App, row: usize, line: Line<'a>, theme: &Theme) -> Line<'a> {
    if row == app.assumption_row {
        line.style(theme.selected(app.focus == Pane::Assumptions))
    } else {
        line
    }
}

/// Each assumption and its value, marked where it differs from history's.
/// After an assumption both hosts share (US CPI, the base year, the horizon), where
/// Japan's dataset is there: " · both hosts", since one value serves Korea and Japan
/// (they are compared in one base year); nothing after a host's own.
pub(super) fn shared_note(app: &App, id: AssumptionId) -> &'static str {
    if app.hosts.has_japan() && id.host().is_none() {
        SHARED
    } else {
        ""
    }
}

const SHARED: &str = " · both hosts";

/// Under the assumptions, where Japan's dataset is there: which of them both hosts
/// share (one base year, so that they compare), the rest being the shown host's own.
fn shared_line<'a>(app: &App, theme: &Theme, width: usize) -> Option<Line<'a>> {
    if !app.hosts.has_japan() {
        return None;
    }
    let names = "US CPI, base year, horizon";
    let long = format!("  shared by both hosts: {names}");
    let text = if format_width(&long) <= width {
        long
    } else {
        fit(&format!("  shared: {names}"), width)
    };
    Some(Line::styled(text, theme.dim()))
}

/// How many lines [`shared_line`] takes: 1 where it shows.
fn shared_lines(app: &App) -> usize {
    usize::from(app.hosts.has_japan())
}

fn assumption_lines<'a>(app: &App, theme: &Theme, width: usize, lines: &mut Vec<Line<'a>>) {
    let defaults = app.default_assumptions();
    for &id in app.assumption_ids() {
        let row = app.assumptions_row_number(AssumptionsRow::Assumption(id));
        let s = spec(id);
        let shown = app.inputs().assumptions.shown(id);
        let changed = shown != defaults.shown(id);
        // A mark shows the value differs from the one history gives.
        let mark = if changed { "*" } else { " " };
        // Years set apart widen the value; the label gives way, down to a third.
        let value_cols = format_width(&shown)
            .max(NUMBER_COLS)
            .min(width.saturating_sub(2) * 2 / 3);
        let label_cols = width.saturating_sub(value_cols + 4);
        let line = Line::from(vec![
            cursor_mark(app, row, theme),
            Span::raw(fit(s.label, label_cols)),
            Span::raw(" "),
            Span::styled(fit_right(&shown, value_cols), theme.bold()),
            Span::styled(mark, theme.message()),
        ]);
        lines.push(styled_if_selected(app, row, line, theme));
    }
}

/// Each scenario's totals, with their heading, as many columns as fit.
fn scenario_lines<'a>(app: &App, theme: &Theme, width: usize, lines: &mut Vec<Line<'a>>) {
    // Headed by the years the totals actually sum (a near horizon cuts the span).
    let first = app.derived().totals.first();
    let label = |t: Option<Total>| t.map_or("–".to_string(), |t| t.span_label());
    // Columns that fit: the span total always, then with the band its low–high range,
    // then the horizon, then the differences.
    let banded = !app.derived().bands.contributions().is_empty();
    let ranges = band_ranges(app);
    let range_width = ranges
        .iter()
        .map(|r| format_width(r))
        .chain([format_width(RANGE_HEADING)])
        .max()
        .unwrap_or(0);
    let range_cols = if banded { range_width + 1 } else { 0 };
    let columns = match width.saturating_sub(range_cols) {
        w if w >= 24 + 4 * (NUMBER_COLS + 1) => 4,
        w if w >= 22 + 2 * (NUMBER_COLS + 1) => 2,
        _ => 1,
    };
    let headings = [
        label(first.and_then(|t| t.span)),
        label(first.and_then(|t| t.to_horizon)),
        "Δ span".to_string(),
        "Δ horizon".to_string(),
    ];
    let label_cols = width.saturating_sub(columns * (NUMBER_COLS + 1) + range_cols);
    // Where the labels would be cut short, the scenarios' keys say it in fewer columns.
    let short_names = label_cols < 26;
    lines.push(Line::raw(""));
    let mut heading = vec![Span::styled(
        fit(&format!("  Scenario · {}", money_unit(app)), label_cols),
        theme.label(),
    )];
    for (i, h) in headings.iter().take(columns).enumerate() {
        heading.push(Span::styled(
            format!(" {}", fit_right(h, NUMBER_COLS)),
            theme.label(),
        ));
        if i == 0 && banded {
            heading.push(Span::styled(
                format!(" {}", fit_right(RANGE_HEADING, range_width)),
                theme.label(),
            ));
        }
    }
    lines.push(Line::from(heading));
    for (k, t) in app.derived().totals.iter().enumerate() {
        let row = app.assumptions_row_number(AssumptionsRow::Scenario(k));
        let shown = t.scenario == app.inputs().scenario;
        let (mark, mark_style) = scenario_mark(app, t.scenario, theme);
        let total = |t: Option<Total>| t.map_or("–".to_string(), |t| thousands(t.value, 1));
        let cells = [
            total(t.span),
            total(t.to_horizon),
            signed(t.span_vs_current, 1),
            signed(t.to_horizon_vs_current, 1),
        ];
        let name = if short_names {
            t.scenario.key()
        } else {
            t.scenario.label()
        };
        let mut spans = vec![
            cursor_mark(app, row, theme),
            Span::styled(mark, mark_style),
            Span::raw(" "),
            Span::styled(
                fit(name, label_cols.saturating_sub(4)),
                if shown { theme.bold() } else { theme.label() },
            ),
        ];
        for (i, c) in cells.iter().take(columns).enumerate() {
            spans.push(Span::raw(format!(" {}", fit_right(c, NUMBER_COLS))));
            if i == 0 && banded {
                spans.push(Span::styled(
                    format!(" {}", fit_right(&ranges[k], range_width)),
                    theme.band(),
                ));
            }
        }
        let line = Line::from(spans);
        lines.push(styled_if_selected(app, row, line, theme));
    }
}

/// Each scenario's band over the span its total sums, "low–high"; "–" where the band
/// has no width.
fn band_ranges(app: &App) -> Vec<String> {
    app.derived()
        .totals
        .iter()
        .map(|t| {
            t.span
                .and_then(|span| app.derived().bands.total(t.scenario, span.from, span.to))
                .filter(|b| b.high > b.low)
                .map_or("–".to_string(), |b| {
                    format!("{}–{}", thousands(b.low, 0), thousands(b.high, 0))
                })
        })
        .collect()
}

/// ● the pinned scenario, charted; ◆ one compared with it, in its line's colour.
fn scenario_mark(app: &App, scenario: ScenarioId, theme: &Theme) -> (&'static str, Style) {
    let compared = app
        .derived()
        .compared
        .iter()
        .position(|(s, _)| *s == scenario);
    match (scenario == app.inputs().scenario, compared) {
        (true, _) => ("●", theme.projected()),
        (false, Some(i)) => ("◆", theme.compared(i)),
        _ => (" ", theme.label()),
    }
}

/// The saved scenarios, the one in use marked.
fn saved_lines<'a>(app: &App, theme: &Theme, width: usize, lines: &mut Vec<Line<'a>>) {
    if !app.saved.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit("  Saved · Enter applies", width),
            theme.label(),
        ));
    }
    for (k, s) in app.saved.iter().enumerate() {
        let row = app.assumptions_row_number(AssumptionsRow::Saved(k));
        // The marker shows the saved scenario whose assumptions are the ones in use.
        let in_use = s.assumptions == app.inputs().assumptions;
        let marker = if in_use { "▸ " } else { "  " };
        let label_cols = width.saturating_sub(NUMBER_COLS + 3);
        let line = Line::from(vec![
            cursor_mark(app, row, theme),
            Span::styled(
                fit(&format!("{marker}{}", s.name), label_cols),
                if in_use { theme.bold() } else { theme.label() },
            ),
            Span::raw(format!(" {}", fit_right(s.date(), NUMBER_COLS))),
        ]);
        lines.push(styled_if_selected(app, row, line, theme));
    }
}
