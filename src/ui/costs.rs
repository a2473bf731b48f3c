//! The Costs pane: Korea's contribution by year, recorded and projected, as bars or a
//! line, with the value at the year cursor written out with its source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::{App, ChartStyle, Pane};
use crate::data::{Confidence, YearAxis};
use crate::econ::{
    CostPoint, Currency, CurrencyOrigin, Deflator, Driver, Metric, ScenarioId, Status,
};

use super::chart::{self, BarDatum, BarKind, BarStyles, Layer};
use super::format::{amount, amount_range, thousands, truncate};
use super::layout::inner;
use super::pane_block;
use super::text::Plain;
use super::theme::Theme;

/// Whether the chart compares scenarios: then it is drawn as lines, one a scenario.
fn comparing(app: &App) -> bool {
    !app.derived().compared.is_empty()
}

/// The pane's title: the metric, and the scenario charted (and those compared).
fn title(app: &App) -> String {
    let metric = app.inputs().view.metric_label();
    if !app.inputs().show_projections {
        return format!("{metric} · recorded");
    }
    let pinned = app.inputs().scenario.key();
    if comparing(app) {
        let others: Vec<&str> = app
            .derived()
            .compared
            .iter()
            .map(|(s, _)| s.key())
            .collect();
        format!("{metric} · {pinned} vs {}", others.join(", "))
    } else {
        format!("{metric} · {pinned}")
    }
}

pub fn render(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let title = title(app);
    f.render_widget(pane_block(app, Pane::Costs, &title, theme), area);
    let inner = inner(area);
    let value_rows = match inner.height {
        h if h >= 16 => 3,
        h if h >= 12 => 2,
        _ => 1,
    };
    let [header, plot, legend, value] = super::layout::chart_areas_under_header(inner, value_rows);
    f.render_widget(Plain::new(header_line(app, theme)), header);
    match app.inputs().chart {
        ChartStyle::Bars if app.costs_as_bars() => render_bars(f, app, plot, theme),
        _ => render_line(f, app, plot, theme),
    }
    f.render_widget(
        Plain::new(legend_line(app, theme, legend.width as usize)),
        legend,
    );
    f.render_widget(
        Plain::new(value_lines(
            app,
            theme,
            value.width as usize,
            value_rows as usize,
        )),
        value,
    );
}

fn unit(app: &App) -> String {
    app.inputs()
        .view
        .unit(app.data.info.host, app.inputs().assumptions.base_year)
}

fn header_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    // Real units already name their base year ("billion won of 2025").
    let nominal = if app.inputs().view.real {
        ""
    } else {
        ", nominal"
    };
    let scenario = if app.inputs().show_projections {
        app.projection().map_or("", |p| p.scenario.key())
    } else {
        ""
    };
    // Real units name the index, and whether its base year is recorded or assumed.
    let deflator = if app.inputs().view.real {
        Deflator::of(
            &app.data,
            &app.inputs().assumptions,
            app.inputs().view.currency,
        )
        .map_or(String::new(), |f| format!(" ({})", f.short()))
    } else {
        String::new()
    };
    Line::from(vec![
        Span::styled(unit(app), theme.bold()),
        Span::styled(nominal, theme.label()),
        Span::styled(deflator, theme.label()),
        Span::styled(
            if scenario.is_empty() {
                String::new()
            } else {
                format!(" · projected: {scenario}")
            },
            theme.dim(),
        ),
    ])
}

fn scenario_label(app: &App) -> &'static str {
    if app.inputs().show_projections {
        app.projection()
            .map_or("no projection", |p| p.scenario.label())
    } else {
        "projections off (p)"
    }
}

/// The mark of each compared scenario's points, a pattern as well as a colour, so the
/// lines part without colour too; the legend shows the same.
const COMPARE_MARKS: [char; 4] = ['▄', '◆', '×', '▀'];

/// How much a legend says: the projection by its label; by its key (the header above
/// names it too); compact, one space apart, the words cut short and the cursor's year
/// left to the value line; tight, the extended rule left to the help and Japan's
/// series named "HNS total" alone, so that the gap mark stays in view.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum LegendFit {
    Named,
    Keyed,
    Compact,
    Tight,
}

/// The legend in `width`, as much as fits of it ([`LegendFit`]).
fn legend_line<'a>(app: &App, theme: &Theme, width: usize) -> Line<'a> {
    let mut line = Line::default();
    for fit in [
        LegendFit::Named,
        LegendFit::Keyed,
        LegendFit::Compact,
        LegendFit::Tight,
    ] {
        line = legend_spans(app, theme, fit);
        if super::format::width(&line.to_string()) <= width {
            break;
        }
    }
    line
}

fn legend_spans<'a>(app: &App, theme: &Theme, fit: LegendFit) -> Line<'a> {
    let compact = fit >= LegendFit::Compact;
    let gap = if compact { " " } else { "  " };
    let (recorded, projected, extended) = match app.inputs().chart {
        ChartStyle::Bars if app.costs_as_bars() => ("█", "▒", "░"),
        _ => ("⣿", "•", "•"),
    };
    // Japan's series is the HNS total (never its SMA portion): said at any width.
    let what = match app.data.info.host {
        crate::data::Host::Korea => " recorded",
        crate::data::Host::Japan if fit == LegendFit::Tight => " HNS total",
        crate::data::Host::Japan => " HNS total, recorded",
    };
    let mut spans = vec![
        Span::styled(recorded, theme.recorded()),
        Span::raw(format!("{what}{gap}")),
    ];
    if comparing(app) {
        // Keys, not labels: several must fit on one line.
        spans.push(Span::styled(projected, theme.projected()));
        spans.push(Span::raw(format!(
            " {} (pinned)  ",
            app.inputs().scenario.key()
        )));
        for (i, (s, _)) in app.derived().compared.iter().enumerate() {
            let glyph = COMPARE_MARKS[i % COMPARE_MARKS.len()].to_string();
            spans.push(Span::styled(glyph, theme.compared(i)));
            spans.push(Span::raw(format!(" {}  ", s.key())));
        }
    } else if app.inputs().show_projections {
        spans.push(Span::styled(projected, theme.projected()));
        let name = match app.projection() {
            Some(p) if fit != LegendFit::Named => p.scenario.key(),
            _ => scenario_label(app),
        };
        spans.push(Span::raw(format!(" {name}{gap}")));
        // Past the agreement's end the rule is extended, not agreed: say from when.
        if let Some(origin) = app
            .projection()
            .and_then(|p| p.rule_origin)
            .filter(|_| fit != LegendFit::Tight)
            .filter(|_| app.derived().costs.iter().any(|p| p.extended))
        {
            spans.push(Span::styled(extended, theme.projected()));
            let last = origin.host.year_label(origin.last_year);
            let words = if compact { "after" } else { "extended after" };
            spans.push(Span::raw(format!(" {words} {last}{gap}")));
        }
        if app.derived().costs.iter().any(|p| p.capped) {
            spans.push(Span::styled("^", theme.capped()));
            spans.push(Span::raw(format!(" cap binds{gap}")));
        }
        if app.derived().bands.charted().is_some() {
            let glyph = if app.inputs().chart == ChartStyle::Bars {
                "╎"
            } else {
                "░"
            };
            spans.push(Span::styled(glyph, theme.band()));
            spans.push(Span::raw(format!(" band{gap}")));
        }
    } else {
        spans.push(Span::styled(scenario_label(app), theme.dim()));
    }
    // A year without a figure is marked, never drawn as zero: say what the mark is.
    if app.derived().costs.iter().any(|p| p.value.is_none()) {
        spans.push(Span::styled(chart::GAP_MARK.to_string(), theme.recorded()));
        spans.push(Span::raw(format!(" gap{gap}")));
    }
    if compact {
        return Line::from(spans);
    }
    spans.push(Span::styled("▼", theme.cursor()));
    spans.push(Span::raw(format!(
        " {}",
        app.data.info.host.year_label(app.year)
    )));
    Line::from(spans)
}

/// A value in the view's unit: "1,519.2 bn won", "$866.9 m", "+8.2 %".
pub(super) fn value_text(app: &App, v: f64) -> String {
    let host = app.data.info.host;
    amount(
        &app.inputs().view,
        host,
        app.inputs().assumptions.base_year,
        v,
    )
}

/// The first line's words after the value: its status ("recorded, as published",
/// "converted", "projected · capped · rule extended") and confidence.
fn status_words(app: &App, p: &CostPoint) -> String {
    let view = &app.inputs().view;
    let mut words: Vec<&str> = p.tags(view);
    if p.status(view) == Status::Recorded {
        words[0] = "recorded, as published";
    }
    if let Some(c) = p.confidence.filter(|c| c.label() != words[0]) {
        words.push(c.label());
    }
    words.join(" · ")
}

/// The second line: how the figure came about. The other currency's published figure
/// where both exist, the rate of a conversion, what drove a projection.
pub(super) fn how_words(app: &App, p: &CostPoint) -> String {
    let view = &app.inputs().view;
    let mut notes: Vec<String> = Vec::new();
    if let Some(driver) = p.driver {
        notes.push(driver.describe());
    }
    if p.extended
        && let Some(origin) = app.projection().and_then(|p| p.rule_origin)
    {
        notes.push(origin.extended_label());
    }
    match p.origin {
        _ if p.confidence == Some(Confidence::Derived) => {
            notes.push("computed in the dataset from sourced figures, not published".into())
        }
        CurrencyOrigin::Published if p.status(view) != Status::Recorded => {
            notes.push("from the published figure".into())
        }
        // A demand's driver already says the rate its dollars were turned into won at.
        CurrencyOrigin::Converted { .. } if matches!(p.driver, Some(Driver::Dollars { .. })) => {}
        CurrencyOrigin::Converted { .. } => {
            // Say what was converted: the figure in the other currency as published.
            let what = other_published(app, p.year)
                .map_or(String::new(), |f| format!(" from {f} as published"));
            notes.push(format!("{}{what}", p.origin.describe(p.host, p.year)));
        }
        CurrencyOrigin::Combined { .. } => {
            let what = other_published(app, p.year).map_or(String::new(), |f| format!(" ({f})"));
            notes.push(format!("{}{what}", p.origin.describe(p.host, p.year)));
        }
        _ => {}
    }
    if p.basis_changed && view.metric == Metric::YearOnYear {
        notes.push(crate::econ::BASIS_CHANGED.into());
    }
    if view.real {
        let index = match view.currency {
            Currency::Local => format!("{} CPI", p.host.adjective()),
            Currency::Usd => "US CPI-U".to_string(),
        };
        notes.push(format!(
            "in money of {} by {index}",
            app.inputs().assumptions.base_year
        ));
    }
    notes.join(" · ")
}

/// The year's figure as published in the other currency than the view's: "$220.0 m".
fn other_published(app: &App, year: i32) -> Option<String> {
    let c = app.data.contribution(year)?;
    match app.inputs().view.currency {
        Currency::Local => c.usd_m.map(|u| format!("${} m", thousands(u, 1))),
        Currency::Usd => c.local_bn().map(|k| {
            let currency = app.data.info.host.currency();
            format!("{} bn {currency}", thousands(k, 1))
        }),
    }
}

/// "2026 ▸ 1,519.2 bn won · recorded, as published · confirmed", how it came about,
/// and its sources, as many lines as `rows`.
pub(super) fn value_lines<'a>(
    app: &App,
    theme: &Theme,
    width: usize,
    rows: usize,
) -> Vec<Line<'a>> {
    let year = app.data.info.host.year_label(app.year);
    let year = Span::styled(format!("{year} ▸ "), theme.cursor());
    let Some(p) = app.cost_at_cursor() else {
        return vec![Line::from(vec![
            year,
            Span::styled("no figure for this year", theme.dim()),
        ])];
    };
    let Some(value) = p.value.map(|v| value_text(app, v)) else {
        return vec![Line::from(vec![
            year,
            Span::styled(
                crate::econ::metrics::missing_reason(&app.data, &app.inputs().view, p.year),
                theme.dim(),
            ),
        ])];
    };
    let first = Line::from(vec![
        year,
        Span::styled(value, theme.bold()),
        Span::styled(format!(" · {}", status_words(app, p)), theme.label()),
    ]);
    let source = source_words(app, p);
    // Below the value, as rows allow: the compared scenarios' values at the cursor,
    // how the figure came about, its source or rule. With two rows, the comparison or
    // else the source.
    let compared = (p.projected && comparing(app)).then(|| compared_words(app, p));
    let how = Some(how_words(app, p)).filter(|h| !h.is_empty());
    let band = band_words(app, p.year).filter(|_| p.projected);
    let below: Vec<(String, Style)> = if rows == 2 {
        vec![match compared.or(band) {
            Some(c) => (c, theme.label()),
            None => (source, theme.dim()),
        }]
    } else {
        compared
            .into_iter()
            .chain(band)
            .chain(how)
            .map(|t| (t, theme.label()))
            .chain(std::iter::once((source, theme.dim())))
            .collect()
    };
    let mut lines = vec![first];
    lines.extend(
        below
            .into_iter()
            .take(rows.saturating_sub(1))
            .map(|(text, style)| Line::styled(truncate(&text, width), style)),
    );
    lines
}

/// "source: K01 publisher, title (+2, Enter: all)" for a recorded figure, "rule: …"
/// for a projected one.
fn source_words(app: &App, p: &CostPoint) -> String {
    if p.projected {
        let scenario = app
            .projection()
            .map_or(ScenarioId::CurrentAgreement, |p| p.scenario);
        return format!("rule: {}", scenario.label());
    }
    app.data.contribution(p.year).map_or(String::new(), |c| {
        let first = c.sources.first().and_then(|id| app.data.source(id));
        match first {
            Some(s) => {
                let more = c.sources.len() - 1;
                let more = if more > 0 {
                    format!(" (+{more}, Enter: all)")
                } else {
                    String::new()
                };
                format!("source: {} {}, {}{more}", s.id, s.publisher, s.title)
            }
            None => String::new(),
        }
    })
}

/// "vs low 1,600.0 (+12.3) · …": the compared scenarios' values in the cursor's year
/// and their difference from the pinned one.
fn compared_words(app: &App, p: &CostPoint) -> String {
    let others: Vec<String> = app
        .derived()
        .compared
        .iter()
        .filter_map(|(s, series)| {
            let v = series.iter().find(|q| q.year == p.year)?.value?;
            let diff = p
                .value
                .map(|pinned| format!(" ({})", super::format::signed(v - pinned, 1)))
                .unwrap_or_default();
            Some(format!("{} {}{diff}", s.key(), value_text(app, v)))
        })
        .collect();
    format!("vs {}", others.join(" · "))
}

/// The band's range in a year, and what moved to make it.
fn band_words(app: &App, year: i32) -> Option<String> {
    let (low, high) = band_at(app, year)?;
    let moved = app
        .derived()
        .bands
        .charted()
        .map(|b| {
            app.inputs()
                .band_spreads
                .describe_moved(b.inputs, app.data.info.host)
        })
        .unwrap_or_default();
    Some(format!(
        "band {} ({moved})",
        amount_range(
            &app.inputs().view,
            app.data.info.host,
            app.inputs().assumptions.base_year,
            low,
            high
        ),
    ))
}

fn bar_styles(theme: &Theme, years: YearAxis) -> BarStyles {
    BarStyles {
        years,
        recorded: theme.recorded(),
        projected: theme.projected(),
        capped: theme.capped(),
        cursor: theme.cursor(),
        axis: theme.label(),
        band: theme.band(),
        gap: theme.recorded(),
    }
}

/// The Costs chart's years: the shown host's money (Japan's by fiscal year).
fn years_axis(app: &App) -> YearAxis {
    YearAxis::of_money(&[app.data.info.host])
}

/// The cost points to draw, thinned to `cells`, keeping the year cursor and every gap.
fn thinned(app: &App, cells: usize) -> Vec<&CostPoint> {
    thin_points(&app.derived().costs, cells, app.year)
}

/// `points` thinned to `cells` ([`chart::thin`]): the cursor's year and every year
/// without a value (a gap) kept.
fn thin_points(points: &[CostPoint], cells: usize, year: i32) -> Vec<&CostPoint> {
    chart::thin_keeping(points, cells, |p| p.year == year, |p| p.value.is_none())
}

fn render_bars(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    // The value axis takes about eight columns; the rest holds one bar per cell at most.
    let cells = area.width.saturating_sub(9) as usize;
    let every_year = bar_data(app);
    let bars: Vec<BarDatum> = chart::thin_keeping(
        &every_year,
        cells,
        |b| b.cursor,
        |b| b.value.is_none() && b.kind != BarKind::Unrecorded,
    )
    .into_iter()
    .copied()
    .collect();
    chart::draw_bars(
        f.buffer_mut(),
        area,
        &bars,
        &bar_styles(theme, years_axis(app)),
    );
}

/// A bar for each point of the Costs series, and an unrecorded slot for each year
/// between two points that the record does not hold at all (Japan's FY1979–95): the
/// bars stay a year apart each, so FY1978's never stands beside FY1996's.
fn bar_data(app: &App) -> Vec<BarDatum> {
    let mut bars: Vec<BarDatum> = Vec::new();
    for p in &app.derived().costs {
        let after = bars.last().map_or(p.year, |b| b.year + 1);
        bars.extend((after..p.year).map(|year| BarDatum {
            year,
            value: None,
            kind: BarKind::Unrecorded,
            capped: false,
            cursor: year == app.year,
            range: None,
        }));
        bars.push(BarDatum {
            year: p.year,
            value: p.value,
            kind: match (p.projected, p.extended) {
                (true, true) => BarKind::Extended,
                (true, false) => BarKind::Projected,
                _ => BarKind::Recorded,
            },
            capped: p.capped,
            cursor: p.year == app.year,
            range: band_at(app, p.year),
        });
    }
    bars
}

/// The charted scenario's band in `year`, where it has width.
fn band_at(app: &App, year: i32) -> Option<(f64, f64)> {
    let b = app.derived().bands.charted()?.at(year)?;
    let (low, high) = (b.low?, b.high?);
    (high > low).then_some((low, high))
}

fn render_line(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let cells = area.width.saturating_sub(9) as usize;
    let points = thinned(app, cells);
    let xy = |keep: &dyn Fn(&CostPoint) -> bool| -> Vec<(f64, f64)> {
        points
            .iter()
            .filter(|p| keep(p))
            .filter_map(|p| p.value.map(|v| (f64::from(p.year), v)))
            .collect()
    };
    // The record with its gaps: the line breaks at each, and each is marked.
    let recorded: Vec<(f64, Option<f64>)> = points
        .iter()
        .filter(|p| !p.projected)
        .map(|p| (f64::from(p.year), p.value))
        .collect();
    let last_recorded = recorded.iter().rev().find_map(|&(x, v)| Some((x, v?)));
    // A projection starts from the last recorded point so the lines join.
    let joined = |series: &[&CostPoint]| -> Vec<(f64, f64)> {
        let mut line: Vec<(f64, f64)> = last_recorded.into_iter().collect();
        line.extend(
            series
                .iter()
                .filter(|p| p.projected)
                .filter_map(|p| p.value.map(|v| (f64::from(p.year), v))),
        );
        line
    };
    let projected = joined(&points);
    let compared: Vec<Vec<(f64, f64)>> = app
        .derived()
        .compared
        .iter()
        .map(|(_, series)| joined(&thin_points(series, cells, app.year)))
        .collect();
    let capped = xy(&|p| p.capped);
    let banded: Vec<(f64, f64, f64)> = points
        .iter()
        .filter(|p| p.projected)
        .filter_map(|p| band_at(app, p.year).map(|(l, h)| (f64::from(p.year), l, h)))
        .collect();
    let all_values = points
        .iter()
        .filter_map(|p| p.value)
        .chain(compared.iter().flatten().map(|(_, v)| *v))
        .chain(banded.iter().flat_map(|(_, l, h)| [*l, *h]));
    let (min, max) = all_values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (first, last) = (
        points.first().map_or(app.year, |p| p.year),
        points.last().map_or(app.year, |p| p.year),
    );
    // The record is the one line (broken at its gaps); projections, comparisons and
    // capped years are marks drawn into the plot (a canvas layer each would cost a whole
    // plot to fill).
    let buf = f.buffer_mut();
    let plot = chart::recorded_chart(
        buf,
        area,
        ((first, last), (min, max)),
        (&recorded, app.year),
        (theme, years_axis(app)),
    );
    if let Some(plot) = plot {
        chart::band(buf, &plot, &banded, theme.band());
        for (i, line) in compared.iter().enumerate() {
            let glyph = COMPARE_MARKS[i % COMPARE_MARKS.len()];
            chart::marks(buf, &plot, line, (glyph, theme.compared(i)), Layer::Over);
        }
        if projected.len() > 1 {
            chart::marks(
                buf,
                &plot,
                &projected,
                ('•', theme.projected()),
                Layer::Over,
            );
        }
        chart::marks(buf, &plot, &capped, ('█', theme.capped()), Layer::Over);
        let cursor = Some((f64::from(app.year), theme.cursor()));
        chart::guides(buf, &plot, None, cursor);
    }
}
