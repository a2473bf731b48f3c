//! What the panes show of the hosts: the host column of a timeline of both, and Costs
//! and Troops with both hosts side by side in one unit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Action, App, BothHosts, HostChoice, Pane, definition};
use crate::data::{Contribution, Dataset, Host};
use crate::econ::Metric;

use super::chart;
use super::detail::{Detail, DetailLine, source_lines};
use super::format::{self, amount, thousands, truncate};
use super::layout::inner;
use super::pane_block;
use super::text::Plain;
use super::theme::Theme;
use super::timeline::field;

/// The host column of a timeline row, while both hosts are shown: "KR ", "JP ".
pub(super) fn host_cell<'a>(app: &App, host: Host, theme: &Theme) -> Option<Span<'a>> {
    app.host_shown().is_both().then(|| {
        let style = match host {
            Host::Korea => theme.label(),
            Host::Japan => theme.compared(0),
        };
        Span::styled(format!("{} ", host.key().to_uppercase()), style)
    })
}

/// "JP " before an agreement's header, while both hosts are shown.
pub(super) fn agreement_prefix(app: &App, i: usize) -> String {
    if app.host_shown().is_both() {
        format!("{} ", app.agreement_host(i).key().to_uppercase())
    } else {
        String::new()
    }
}

/// The title bar's year cursor, after the host shown where it is not Korea alone:
/// "year 2026", "Japan │ year 2022", "Korea + Japan │ year 2022". The year is the
/// cursor's, which each pane labels as its host counts it (Japan's money "FY2022").
/// Without `with_host`, the year alone: where the title bar has no room for the host.
pub(super) fn title_spans<'a>(app: &App, theme: &Theme, with_host: bool) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    match app.host_shown() {
        _ if !with_host => {}
        HostChoice::Korea => {}
        HostChoice::Japan => spans.push(Span::styled("Japan │ ", theme.bold())),
        HostChoice::Both => spans.push(Span::styled("Korea + Japan │ ", theme.bold())),
    }
    spans.push(Span::styled(format!("year {}", app.year), theme.bold()));
    spans
}

/// Whether the status line leaves out `b`'s hint: `H` without Japan's dataset (it has
/// nothing to show), `u` with both hosts shown (both are in dollars).
pub(super) fn hint_hidden(app: &App, b: &crate::app::keymap::Binding) -> bool {
    match b.action {
        Action::CycleHost => app.hosts.japan.is_none(),
        Action::ToggleCurrency => app.host_shown().is_both(),
        _ => false,
    }
}

/// What a host's recorded figure is, for its detail: the definition where the host is
/// not Korea (whose SMA total the dashboard was built on), and the budget basis where
/// the record gives one.
pub(super) fn definition_lines<'a>(
    d: &Dataset,
    record: Option<&Contribution>,
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    let host = d.info.host;
    let definition =
        (host != Host::Korea).then(|| field("Definition", definition(host).into(), theme));
    let basis = record
        .and_then(|c| c.basis)
        .map(|b| field("Basis", b.label().to_string(), theme));
    definition
        .into_iter()
        .chain(basis)
        .map(DetailLine::Text)
        .collect()
}

/// The years whose count is not comparable with the year before, and why (Japan 2008:
/// the 7th Fleet afloat counted from then on).
pub(super) fn series_breaks(d: &Dataset) -> Vec<(i32, &str)> {
    d.troop_counts
        .iter()
        .filter_map(|t| t.series_break.as_deref().map(|b| (t.year, b)))
        .collect()
}

/// `╎` down the plot at each year of `years`, in the cells the data left blank.
pub(super) fn mark_breaks(
    buf: &mut ratatui::buffer::Buffer,
    plot: &chart::Plot,
    years: &[i32],
    style: ratatui::style::Style,
) {
    for x in years.iter().filter_map(|y| plot.column(f64::from(*y))) {
        for y in plot.area.top()..plot.area.bottom() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().trim().is_empty() {
                cell.set_symbol("╎").set_style(style);
            }
        }
    }
}

/// A series' points, (year, value).
type Points = [(f64, f64)];

/// The mark of Japan's points beside Korea's line: a pattern as well as a colour.
const JAPAN_MARK: char = '◆';

/// A host's years as they stand beside Korea's: "2022", "FY2022".
fn year_of(host: Host, year: i32) -> String {
    host.year_label(year)
}

/// The Costs pane with both hosts: Korea's series as the line, Japan's as marks, in
/// one unit (dollars, nominal or real; the metric the user picked), each host's value
/// at the year cursor below with what it is.
pub(super) fn render_costs(f: &mut Frame, app: &App, both: &BothHosts, area: Rect, theme: &Theme) {
    let title = format!("{} · Korea vs Japan", both.view.metric_label());
    f.render_widget(pane_block(app, Pane::Costs, &title, theme), area);
    let inner = inner(area);
    let value_rows = if inner.height >= 12 { 3 } else { 2 };
    let [header, plot, legend, value] = super::layout::chart_areas_under_header(inner, value_rows);
    let base = app.inputs().assumptions.base_year;
    let header_text = format!(
        "{}{} · recorded · each year at its average rate",
        both.view.unit(Host::Korea, base),
        if both.view.real { "" } else { ", nominal" }
    );
    f.render_widget(
        Plain::new(Line::styled(
            truncate(&header_text, header.width as usize),
            theme.bold(),
        )),
        header,
    );
    let series: Vec<Vec<(f64, f64)>> = Host::ALL
        .iter()
        .map(|h| {
            both.of(*h).map_or_else(Vec::new, |s| {
                s.costs
                    .iter()
                    .filter_map(|p| p.value.map(|v| (f64::from(p.year), v)))
                    .collect()
            })
        })
        .collect();
    // Japan's money by fiscal year beside Korea's by calendar year: the axis says so.
    let years = crate::data::YearAxis::of_money(&Host::ALL);
    two_series(f, app, plot, (&series[0], &series[1]), (theme, years));
    f.render_widget(
        Plain::new(legend_line(app, "SMA total", "HNS total (FY)", theme)),
        legend,
    );
    let lines: Vec<Line> = Host::ALL
        .iter()
        .map(|h| cost_line(app, both, *h, value.width as usize, theme))
        .chain(std::iter::once(Line::styled(
            truncate(
                "KR: SMA total, as agreed · JP: HNS total, not the SMA portion · Enter: what each is, its sources",
                value.width as usize,
            ),
            theme.dim(),
        )))
        .take(value_rows as usize)
        .collect();
    f.render_widget(Plain::new(lines), value);
}

/// "▼ 2022 (JP FY2022)" and what each series is, as one legend line.
fn legend_line<'a>(app: &App, korea: &str, japan: &str, theme: &Theme) -> Line<'a> {
    // Japan's money is by fiscal year; its troops, as Korea's, counted on 30 September.
    Line::from(vec![
        Span::styled("⣿", theme.recorded()),
        Span::raw(format!(" KR {korea}  ")),
        Span::styled(JAPAN_MARK.to_string(), theme.compared(0)),
        Span::raw(format!(" JP {japan}  ")),
        Span::styled("▼", theme.cursor()),
        Span::raw(format!(" {}", app.year)),
    ])
}

/// One host's value at the year cursor: "KR 2022 ▸ $1,009.5 m · converted".
fn cost_line<'a>(app: &App, both: &BothHosts, host: Host, width: usize, theme: &Theme) -> Line<'a> {
    let base = app.inputs().assumptions.base_year;
    let year = format!(
        "{} {} ▸ ",
        host.key().to_uppercase(),
        year_of(host, app.year)
    );
    let point = both
        .of(host)
        .and_then(|s| s.costs.iter().find(|p| p.year == app.year));
    let (value, words) = match point {
        Some(p) => match p.value {
            Some(v) => (
                amount(&both.view, host, base, v),
                format!(" · {}", p.tags(&both.view).join(" · ")),
            ),
            None if both.view.metric == Metric::PerServiceMember => (
                String::new(),
                "no figure or no troop count this year".to_string(),
            ),
            None => (String::new(), "no figure: a gap in the record".to_string()),
        },
        None => (String::new(), "no figure for this year".to_string()),
    };
    let used = format::width(&year) + format::width(&value);
    Line::from(vec![
        Span::styled(year, theme.cursor()),
        Span::styled(value, theme.bold()),
        Span::styled(truncate(&words, width.saturating_sub(used)), theme.label()),
    ])
}

/// Korea's series as a braille line and Japan's as marks over one value axis, the year
/// cursor across both.
fn two_series(
    f: &mut Frame,
    app: &App,
    area: Rect,
    (korea, japan): (&Points, &Points),
    (theme, years_axis): (&Theme, crate::data::YearAxis),
) -> Option<chart::Plot> {
    let (first, last_year) = app.year_range();
    let in_range = |p: &&(f64, f64)| p.0 >= f64::from(first);
    let last = korea
        .iter()
        .chain(japan)
        .map(|p| p.0 as i32)
        .max()
        .unwrap_or(last_year)
        .max(app.year);
    let cells = area.width.saturating_sub(9) as usize;
    let thin = |s: &[(f64, f64)]| -> Vec<(f64, f64)> {
        let shown: Vec<(f64, f64)> = s.iter().filter(in_range).copied().collect();
        let cursor = shown.iter().position(|p| p.0 as i32 == app.year);
        chart::thin(shown.len(), cells, cursor)
            .into_iter()
            .map(|i| shown[i])
            .collect()
    };
    let (korea, japan) = (thin(korea), thin(japan));
    let (min, max) = korea
        .iter()
        .chain(&japan)
        .map(|p| p.1)
        .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let buf = f.buffer_mut();
    let plot = chart::recorded_chart(
        buf,
        area,
        ((first, last), (min, max)),
        (&korea, app.year),
        (theme, years_axis),
    );
    if let Some(plot) = &plot {
        chart::marks(
            buf,
            plot,
            &japan,
            (JAPAN_MARK, theme.compared(0)),
            chart::Layer::Over,
        );
        chart::guides(buf, plot, None, Some((f64::from(app.year), theme.cursor())));
    }
    plot
}

/// The Troops pane with both hosts: each host's DMDC count, Korea's as the line and
/// Japan's as marks, and each host's count at the year cursor below.
pub(super) fn render_troops(f: &mut Frame, app: &App, both: &BothHosts, area: Rect, theme: &Theme) {
    f.render_widget(
        pane_block(app, Pane::Troops, "Korea vs Japan · DMDC counts", theme),
        area,
    );
    let inner = inner(area);
    let [plot, legend, value] =
        super::layout::chart_areas(inner, super::layout::troops_value_rows(inner));
    let counted = |h: Host| -> Vec<(f64, f64)> {
        both.of(h).map_or_else(Vec::new, |s| {
            s.troops
                .iter()
                .filter_map(|p| p.counted.map(|c| (f64::from(p.year), f64::from(c))))
                .collect()
        })
    };
    let (korea, japan) = (counted(Host::Korea), counted(Host::Japan));
    let years = crate::data::YearAxis::Calendar;
    let drawn = two_series(f, app, plot, (&korea, &japan), (theme, years));
    // Where a host's counting changed (Japan 2008), the counts on either side differ in
    // what they count: marked, and said below.
    let breaks: Vec<(Host, i32, &str)> = Host::ALL
        .iter()
        .filter_map(|h| app.hosts.get(*h).map(|d| (h, d)))
        .flat_map(|(h, d)| series_breaks(d).into_iter().map(move |(y, b)| (*h, y, b)))
        .collect();
    if let Some(plot) = &drawn {
        let years: Vec<i32> = breaks.iter().map(|b| b.1).collect();
        mark_breaks(f.buffer_mut(), plot, &years, theme.reference());
    }
    let mut legend_spans = legend_line(app, "DMDC", "DMDC", theme).spans;
    for (h, year, _) in &breaks {
        legend_spans.push(Span::styled("  ╎", theme.reference()));
        legend_spans.push(Span::raw(format!(
            " {} {year} counting",
            h.key().to_uppercase()
        )));
    }
    f.render_widget(Plain::new(Line::from(legend_spans)), legend);
    let count = |h: Host| -> String {
        let n = both
            .of(h)
            .and_then(|s| s.troops.iter().find(|p| p.year == app.year))
            .and_then(|p| p.counted);
        let host = h.key().to_uppercase();
        match n {
            Some(n) => format!("{host} {}", thousands(f64::from(n), 0)),
            None => format!("{host} no count"),
        }
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ▸ ", app.year), theme.cursor()),
            Span::styled(
                format!("{} · {}", count(Host::Korea), count(Host::Japan)),
                theme.bold(),
            ),
        ]),
        Line::styled(
            truncate(
                &breaks.first().map_or_else(
                    || "DMDC active-duty counts, 30 September".to_string(),
                    |(h, year, why)| format!("{} {year}: {why}", h.key().to_uppercase()),
                ),
                value.width as usize,
            ),
            theme.dim(),
        ),
    ];
    f.render_widget(Plain::new(lines), value);
}

/// The detail of the year cursor's figures with both hosts shown (Enter in Costs or
/// Troops): for each host, the value in the shared unit, what the figure is (its
/// definition and basis), as published, how it was converted, and every source.
pub(super) fn figure_detail<'a>(
    app: &App,
    both: &BothHosts,
    pane: Pane,
    theme: &Theme,
) -> Detail<'a> {
    let (what, lines) = match pane {
        Pane::Troops => (
            "US troops, Korea and Japan".to_string(),
            Host::ALL
                .iter()
                .flat_map(|h| troop_detail(app, *h, theme))
                .collect(),
        ),
        _ => {
            // Both values and what each is first, then each host's particulars.
            let summary = Host::ALL
                .iter()
                .flat_map(|h| cost_summary(app, both, *h, theme));
            let particulars = Host::ALL
                .iter()
                .flat_map(|h| cost_detail(app, both, *h, theme));
            (
                format!("{}, Korea and Japan", both.view.metric_label()),
                summary.chain(particulars).collect(),
            )
        }
    };
    Detail {
        title: format!("{} · {what}", app.year),
        lines,
    }
}

/// One host's part of [`figure_detail`] in Costs.
/// One host's value at the cursor and what it is: the head of [`figure_detail`].
fn cost_summary<'a>(app: &App, both: &BothHosts, host: Host, theme: &Theme) -> Vec<DetailLine<'a>> {
    vec![
        DetailLine::Text(cost_line(app, both, host, usize::MAX, theme)),
        DetailLine::Text(field("  is", definition(host).to_string(), theme)),
    ]
}

fn cost_detail<'a>(app: &App, both: &BothHosts, host: Host, theme: &Theme) -> Vec<DetailLine<'a>> {
    let Some(d) = app.hosts.get(host) else {
        return Vec::new();
    };
    let year = app.year;
    let text = |l: Line<'a>| DetailLine::Text(l);
    let mut lines = vec![
        text(Line::raw("")),
        text(Line::styled(
            format!("{} · {}", host.name(), host.year_label(year)),
            theme.header(),
        )),
    ];
    let base = app.inputs().assumptions.base_year;
    let basis = if both.view.real { "real" } else { "nominal" };
    lines.push(text(field(
        "Unit",
        format!(
            "{}, {basis}, each year at its average rate",
            both.view.unit(host, base)
        ),
        theme,
    )));
    let Some(c) = d.contribution(year) else {
        return lines;
    };
    lines.extend(definition_lines(d, Some(c), theme));
    let agreed_in = d.agreement_of(c).map(|a| a.currency.label_for(host));
    lines.push(text(field(
        "As published",
        super::figure::published(c, host, agreed_in.as_deref()),
        theme,
    )));
    if !c.reported.is_empty() {
        lines.push(text(field(
            "Also reported",
            c.reported_summary(host),
            theme,
        )));
    }
    let point = both
        .of(host)
        .and_then(|s| s.costs.iter().find(|p| p.year == year));
    if let Some(p) = point.filter(|p| p.origin.is_converted()) {
        lines.push(text(field("How", p.origin.describe(host, year), theme)));
    }
    lines.push(text(field(
        "Confidence",
        c.confidence.label().to_string(),
        theme,
    )));
    if let Some(note) = &c.note {
        lines.push(text(field("Note", note.clone(), theme)));
    }
    let troops = (both.view.metric == Metric::PerServiceMember)
        .then(|| super::figure::troop_figure(d, &both.view, year))
        .flatten();
    if let Some((words, _)) = &troops {
        lines.push(text(field("Divided by", words.clone(), theme)));
    }
    lines.extend(source_lines(d, "Sources of the figure:", &c.sources, theme));
    if let Some(r) = d
        .exchange_rate(year)
        .filter(|_| point.is_some_and(|p| p.origin.is_converted()))
    {
        lines.extend(source_lines(
            d,
            &format!("Sources of the {} rate:", host.year_label(year)),
            &r.sources,
            theme,
        ));
    }
    if let Some((_, ids)) = troops {
        lines.extend(source_lines(d, "Sources of the troop figure:", ids, theme));
    }
    lines
}

/// One host's part of [`figure_detail`] in Troops.
fn troop_detail<'a>(app: &App, host: Host, theme: &Theme) -> Vec<DetailLine<'a>> {
    let Some(d) = app.hosts.get(host) else {
        return Vec::new();
    };
    let text = |l: Line<'a>| DetailLine::Text(l);
    let mut lines = vec![
        text(Line::raw("")),
        text(Line::styled(
            format!("{} · {}", host.name(), app.year),
            theme.header(),
        )),
    ];
    let Some(t) = d.troop_count(app.year) else {
        lines.push(text(Line::styled("no count for this year", theme.dim())));
        return lines;
    };
    let count = t.troops.map_or("no count".to_string(), |n| {
        format!("{} active-duty troops", thousands(f64::from(n), 0))
    });
    lines.push(text(field(
        "DMDC count",
        format!("{count} · {}", t.confidence.label()),
        theme,
    )));
    if let Some(note) = &t.note {
        lines.push(text(field("Note", note.clone(), theme)));
    }
    lines.extend(source_lines(d, "Sources of the count:", &t.sources, theme));
    lines
}

#[cfg(test)]
mod tests {
    use crate::app::hosts::tests::both_hosts_app;
    use crate::runtime::ScriptedEvents;

    fn screen(keys: &str, width: u16, height: u16) -> String {
        let mut app = both_hosts_app();
        let keys = ScriptedEvents::parse(keys).expect("keys parse");
        crate::render::frame(&mut app, width, height, keys, false).expect("draws")
    }

    #[test]
    fn japan_alone_reads_as_japan_in_every_pane_at_80x24() {
        let screen = screen("H", 80, 24);
        let title = screen.lines().next().unwrap_or_default();
        assert!(title.contains("Japan │ year 2026"), "{title}");
        assert!(screen.contains("HNS total, recorded"), "{screen}");
        assert!(screen.contains("FY2026 ▸ "), "{screen}");
        // USFK's 28,500 is no level of Japan's.
        assert!(!screen.contains("28,500"), "{screen}");
        // The agreements' years are fiscal years beside the events' dates.
        assert!(screen.contains("FY2026–FY2030"), "{screen}");
    }

    #[test]
    fn both_hosts_side_by_side_at_80x24_with_each_value_labelled() {
        let screen = screen("HH", 80, 24);
        let title = screen.lines().next().unwrap_or_default();
        assert!(title.contains("Korea + Japan │ year 2026"), "{title}");
        assert!(screen.contains("Korea vs Japan"), "{screen}");
        assert!(screen.contains("KR SMA total"), "{screen}");
        assert!(screen.contains("JP HNS total (FY)"), "{screen}");
        assert!(screen.contains("KR 2026 ▸ $"), "{screen}");
        assert!(screen.contains("JP FY2026 ▸ $"), "{screen}");
        let rows = screen
            .lines()
            .filter(|l| l.contains("┃ KR 2") || l.contains("┃ JP 2"));
        assert!(rows.count() >= 6, "the timeline's host column: {screen}");
    }

    #[test]
    fn enter_on_both_hosts_figures_gives_each_definition_basis_and_sources() {
        // Per US service member, in dollars: the question of DESIGN §7, at 80×24. The
        // first page holds both values and what each is.
        let keys = "HH2cc:2014<enter><enter>";
        let first = screen(keys, 80, 24);
        for words in [
            "KR 2014 ▸ ",
            "JP FY2014 ▸ ",
            "SMA total, as agreed",
            "HNS total (not the SMA portion)",
        ] {
            assert!(first.contains(words), "{words}: {first}");
        }
        let all = screen(keys, 120, 200);
        for words in [
            "Korea · 2014",
            "Japan · FY2014",
            "Divided by: 29,074 troops",
            "Divided by: 58,148 troops",
            "Sources of the troop figure:",
        ] {
            assert!(all.contains(words), "{words}: {all}");
        }
        assert_eq!(all.matches("Sources of the figure:").count(), 2, "{all}");
    }
}
