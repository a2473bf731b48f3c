//! The Troops pane: US troops in Korea by year, the DMDC count with the headline level,
//! the 28,500 level marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Pane, TroopPoint};

use super::chart;
use super::format::{thousands, truncate};
use super::layout::inner;
use super::pane_block;
use super::text::Plain;
use super::theme::Theme;

/// The level USFK has been publicly held at since 2008, and the NDAA floor.
const LEVEL_28500: f64 = 28_500.0;

pub fn render(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let title = if app.inputs().troop_history {
        format!("since {}", app.year_range().0)
    } else {
        "since the 1st SMA".to_string()
    };
    f.render_widget(pane_block(app, Pane::Troops, &title, theme), area);
    let inner = inner(area);
    let [plot, legend, value] =
        super::layout::chart_areas(inner, super::layout::troops_value_rows(inner));
    render_chart(f, app, plot, theme);
    let mut spans = vec![
        Span::styled("⣿", theme.recorded()),
        Span::raw(" DMDC "),
        Span::styled("•", theme.projected()),
        Span::raw(" headline "),
    ];
    if level(app).is_some() {
        spans.push(Span::styled("┄", theme.reference()));
        spans.push(Span::raw(" 28,500 "));
    }
    for (year, _) in super::hosts::series_breaks(&app.data) {
        spans.push(Span::styled("╎", theme.reference()));
        spans.push(Span::raw(format!(" {year} counting change ")));
    }
    if shown(app).iter().any(|p| p.counted.is_none()) {
        spans.push(Span::styled(chart::GAP_MARK.to_string(), theme.recorded()));
        spans.push(Span::raw(" no count "));
    }
    spans.push(Span::styled("▼", theme.cursor()));
    spans.push(Span::raw(format!(" {}", app.year)));
    f.render_widget(Plain::new(Line::from(spans)), legend);
    f.render_widget(
        Plain::new(value_lines(app, theme, value.width as usize)),
        value,
    );
}

/// The 28,500 level, marked where Korea is shown: it is USFK's level, no other host's.
fn level(app: &App) -> Option<f64> {
    (app.data.info.host == crate::data::Host::Korea).then_some(LEVEL_28500)
}

/// The years the chart spans: the year cursor's range, from the first SMA (or, with the
/// history shown, the first count) to its end, so the troops line up with the costs.
fn shown(app: &App) -> Vec<&TroopPoint> {
    let (first, _) = app.year_range();
    app.derived()
        .troops
        .iter()
        .filter(|p| p.year >= first)
        .collect()
}

fn render_chart(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let all = shown(app);
    // A year the record holds without a count is a gap: kept, marked, never bridged.
    let points: Vec<&TroopPoint> = chart::thin_keeping(
        &all,
        area.width.saturating_sub(8) as usize,
        |p| p.year == app.year,
        |p| p.counted.is_none(),
    )
    .into_iter()
    .copied()
    .collect();
    let counted: Vec<(f64, Option<f64>)> = points
        .iter()
        .map(|p| (f64::from(p.year), p.counted.map(f64::from)))
        .collect();
    let headline: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| p.headline.map(|c| (f64::from(p.year), f64::from(c))))
        .collect();
    let (first, last) = app.year_range();
    // The axis holds the 28,500 level too, so its line is always drawn.
    let floor = level(app).unwrap_or(0.0);
    let (min, max) = counted
        .iter()
        .filter_map(|p| p.1)
        .chain(headline.iter().map(|p| p.1))
        .fold((floor, floor), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // The count is the line; the headline level, dots behind it, drawn into the plot.
    let buf = f.buffer_mut();
    let plot = chart::recorded_chart(
        buf,
        area,
        ((first, last), (min, max)),
        (&counted, app.year),
        (theme, crate::data::YearAxis::Calendar),
    );
    if let Some(plot) = plot {
        chart::marks(
            buf,
            &plot,
            &headline,
            ('•', theme.projected()),
            chart::Layer::Behind,
        );
        chart::guides(
            buf,
            &plot,
            level(app).map(|l| (l, theme.reference())),
            Some((f64::from(app.year), theme.cursor())),
        );
        let breaks: Vec<i32> = super::hosts::series_breaks(&app.data)
            .into_iter()
            .map(|(year, _)| year)
            .collect();
        super::hosts::mark_breaks(buf, &plot, &breaks, theme.reference());
    }
}

pub(super) fn value_lines<'a>(app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let d = &app.data;
    let year = Span::styled(format!("{} ▸ ", app.year), theme.cursor());
    let count = d
        .troop_count(app.year)
        .and_then(|t| t.troops.map(|n| (t, n)));
    let mut spans = vec![year];
    match count {
        Some((t, n)) => {
            let as_of = match t.as_of {
                Some(crate::data::CountDate::June30) => " (30 Jun)",
                Some(crate::data::CountDate::September30) => " (30 Sep)",
                None => "",
            };
            spans.push(Span::styled(
                format!("{} troops", thousands(f64::from(n), 0)),
                theme.bold(),
            ));
            spans.push(Span::styled(
                format!(" DMDC{as_of} · {}", t.confidence.label()),
                theme.label(),
            ));
        }
        None => {
            let latest = d
                .troop_counts
                .iter()
                .rev()
                .find_map(|t| t.troops.map(|n| (t.year, n)));
            let text = match latest {
                Some((y, n)) => format!("no count (latest {y}: {})", thousands(f64::from(n), 0)),
                None => "no count".into(),
            };
            spans.push(Span::styled(text, theme.dim()));
        }
    }
    let level = d.headline_level(app.year);
    if let Some(l) = level {
        spans.push(Span::styled(format!(" · level {}", l.label), theme.label()));
    }
    let sources: Vec<String> = count
        .map(|(t, _)| t.sources.clone())
        .unwrap_or_default()
        .iter()
        .filter_map(|id| d.source(id).map(|s| format!("{} {}", s.id, s.title)))
        .collect();
    let mut lines = vec![Line::from(spans)];
    if !sources.is_empty() {
        lines.push(Line::styled(
            truncate(&format!("source: {}", sources.join("; ")), width),
            theme.dim(),
        ));
    }
    lines
}
