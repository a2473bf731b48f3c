//! What the panes show of the hosts: the host column of a timeline of both, and Costs
//! and Troops with both hosts side by side in one unit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Action, App, BothHosts, HostChoice, Pane, definition};
use crate::data::{Contribution, Dataset, Host};
use crate::econ::compare::{HostYear, MeasureKind, value_label, year_basis};

use super::chart;
use super::detail::{Detail, DetailLine, source_lines};
use super::format::{self, thousands, truncate};
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
/// nothing to show); with both hosts shown, the keys that would do nothing there, each
/// saying why when pressed: `u` (both are in dollars), `m` (no bars), `p` (no
/// projections), `r` on a ratio measure (neither nominal nor real) outside Assumptions
/// (where it is the totals').
pub(super) fn hint_hidden(app: &App, b: &crate::app::keymap::Binding) -> bool {
    let both = app.host_shown().is_both();
    match b.action {
        Action::CycleHost => !app.hosts.has_japan(),
        Action::ToggleCurrency | Action::ToggleChartStyle | Action::ToggleProjections => both,
        Action::ToggleReal => {
            both && app.focus != Pane::Assumptions
                && !matches!(
                    app.inputs().measure,
                    MeasureKind::Usd | MeasureKind::RealUsd
                )
        }
        _ => false,
    }
}

/// The status line's words for `b` and how soon it is kept, where both hosts change
/// them: `c` picks the measure of both payments, the key of the comparison.
pub(super) fn hint(app: &App, b: &crate::app::keymap::Binding) -> Option<(&'static str, u8)> {
    (b.action == Action::CycleMetric && app.host_shown().is_both()).then_some(("measure", 2))
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

/// A series' points, (year, value), the value `None` in a gap year.
type Points = chart::Series;

/// The mark of Japan's points beside Korea's line: a pattern as well as a colour.
const JAPAN_MARK: char = '◆';

/// A host's years as they stand beside Korea's: "2022", "FY2022".
fn year_of(host: Host, year: i32) -> String {
    host.year_label(year)
}

/// The measure as a legend names it: "$ m", "$ k/member", "% of GDP".
fn measure_short(kind: MeasureKind, base_year: i32) -> String {
    match kind {
        MeasureKind::Usd => "$ m".into(),
        MeasureKind::RealUsd => format!("$ m of {base_year}"),
        MeasureKind::PerMember => "$ k/member".into(),
        MeasureKind::ShareOfDefense => "% of defense budget".into(),
        MeasureKind::ShareOfGdp => "% of GDP".into(),
    }
}

/// "Per US service member": a measure's label as a title starts it.
fn title_case(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// The Costs pane with both hosts: Korea's series as the line, Japan's as marks, in
/// the measure the user picked (`c`), from the comparison `export measures` writes;
/// each host's value at the year cursor below with its year, its status or why it is
/// a gap.
pub(super) fn render_costs(f: &mut Frame, app: &App, both: &BothHosts, area: Rect, theme: &Theme) {
    let kind = both.measure;
    let title = format!("{} · Korea vs Japan", title_case(kind.label()));
    f.render_widget(pane_block(app, Pane::Costs, &title, theme), area);
    let inner = inner(area);
    let value_rows = if inner.height >= 12 { 3 } else { 2 };
    let [header, plot, legend, value] = super::layout::chart_areas_under_header(inner, value_rows);
    let base = app.inputs().assumptions.base_year;
    let unit = kind.unit(base);
    let hinted = format!("{unit} · c: measure");
    let header_text = if format::width(&hinted) <= header.width as usize {
        hinted
    } else {
        unit
    };
    f.render_widget(
        Plain::new(Line::styled(
            truncate(&header_text, header.width as usize),
            theme.bold(),
        )),
        header,
    );
    let series: Vec<Vec<(f64, Option<f64>)>> = Host::ALL
        .iter()
        .map(|h| {
            both.measures(*h)
                .map(|m| (f64::from(m.point.year), m.value()))
                .collect()
        })
        .collect();
    // Japan's by fiscal year beside Korea's by calendar year: the axis says so.
    let years = crate::data::YearAxis::of_money(&Host::ALL);
    let drawn = two_series(f, app, plot, (&series[0], &series[1]), (theme, years));
    // Per member, a count that changed what it counts (Japan 2008) breaks the series.
    if let Some(plot) = drawn.filter(|_| kind == MeasureKind::PerMember) {
        let years: Vec<i32> = both
            .comparison
            .rows
            .iter()
            .filter(|r| r.count_break.is_some())
            .map(|r| r.year)
            .collect();
        mark_breaks(f.buffer_mut(), &plot, &years, theme.reference());
    }
    f.render_widget(
        Plain::new(costs_legend(app, kind, legend.width as usize, theme)),
        legend,
    );
    let lines: Vec<Line> = Host::ALL
        .iter()
        .map(|h| cost_line(app, both, *h, value.width as usize, theme))
        .chain(std::iter::once(Line::styled(
            truncate(
                "Enter: each measure's definition and sources · c: measure · t: table",
                value.width as usize,
            ),
            theme.dim(),
        )))
        .take(value_rows as usize)
        .collect();
    f.render_widget(Plain::new(lines), value);
}

/// How much of a legend a try keeps: the lead (the measure), the gap between its parts
/// ("  " or " "), the cursor's year, and each break note whole, short, or not at all.
#[derive(Clone, Copy, PartialEq)]
enum Notes {
    Whole,
    Short,
    Left,
}

/// The legend's spans: the lead if given, each series, `gap` apart, then the cursor's
/// year if `year`, then each break note (`╎ JP 2008 counting`, short `╎ JP 2008`) as
/// `notes` keeps them.
fn legend_spans<'a>(
    app: &App,
    (lead, (korea, japan)): (Option<&str>, (&str, &str)),
    (gap, year, notes): (&str, bool, Notes),
    breaks: &[(String, String)],
    theme: &Theme,
) -> Line<'a> {
    // Japan's money is by fiscal year; its troops, as Korea's, counted on 30 September.
    let mut spans: Vec<Span<'a>> = lead
        .map(|l| Span::styled(l.to_string(), theme.bold()))
        .into_iter()
        .collect();
    spans.extend([
        Span::styled("⣿", theme.recorded()),
        Span::raw(format!(" KR {korea}{gap}")),
        Span::styled(JAPAN_MARK.to_string(), theme.compared(0)),
        Span::raw(format!(" JP {japan}")),
    ]);
    if year {
        spans.push(Span::raw(gap.to_string()));
        spans.push(Span::styled("▼", theme.cursor()));
        spans.push(Span::raw(format!(" {}", app.year)));
    }
    for (whole, short) in breaks.iter().filter(|_| notes != Notes::Left) {
        spans.push(Span::raw(gap.to_string()));
        spans.push(Span::styled("╎", theme.reference()));
        let note = if notes == Notes::Whole { whole } else { short };
        spans.push(Span::raw(format!(" {note}")));
    }
    Line::from(spans)
}

/// A legend of both hosts, the fullest that fits `width`: the lead (`lead`, the Costs
/// measure), what each series is, the cursor's year, each break note (`breaks`, whole
/// and short: Troops' counting changes). Narrower, the spaces between go to one, then
/// the lead (the title and the unit above the chart name it), then the notes' words and
/// the notes (the marks stay in the plot, the value lines say why), then the year (the
/// value lines give it); the series always stay.
fn fitted_legend<'a>(
    app: &App,
    (lead, series): (Option<&str>, (&str, &str)),
    breaks: &[(String, String)],
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let fits = |line: &Line| format::width(&line.to_string()) <= width;
    let tries = [
        (true, "  ", true, Notes::Whole),
        (true, " ", true, Notes::Whole),
        (false, "  ", true, Notes::Whole),
        (false, " ", true, Notes::Whole),
        (false, "  ", true, Notes::Short),
        (false, " ", true, Notes::Short),
        (false, "  ", true, Notes::Left),
        (false, " ", true, Notes::Left),
        (false, "  ", false, Notes::Left),
    ];
    let mut line = Line::default();
    for (led, gap, year, notes) in tries {
        let lead = lead.filter(|_| led);
        line = legend_spans(app, (lead, series), (gap, year, notes), breaks, theme);
        if fits(&line) {
            break;
        }
    }
    line
}

/// The Costs legend with both hosts: the measure, then what each series is and the
/// cursor's year, fitted to `width` by [`fitted_legend`].
fn costs_legend<'a>(app: &App, kind: MeasureKind, width: usize, theme: &Theme) -> Line<'a> {
    let measure = format!(
        "{}: ",
        measure_short(kind, app.inputs().assumptions.base_year)
    );
    let series = ("SMA", "HNS (FY)");
    fitted_legend(app, (Some(&measure), series), &[], width, theme)
}

/// The Troops legend with both hosts: what each series is, the cursor's year and each
/// counting change (`╎ JP 2008 counting`), fitted to `width` by [`fitted_legend`].
fn troops_legend<'a>(
    app: &App,
    breaks: &[(Host, i32, &str)],
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let notes: Vec<(String, String)> = breaks
        .iter()
        .map(|(h, year, _)| {
            let short = format!("{} {year}", h.key().to_uppercase());
            (format!("{short} counting"), short)
        })
        .collect();
    fitted_legend(app, (None, ("DMDC", "DMDC")), &notes, width, theme)
}

/// One host's value at the year cursor in the picked measure, with the year as the
/// host counts it and its status: "KR 2014 ▸ $29.82 k · derived", "JP FY2023 ▸ gap: no
/// amount recorded for FY2023: …".
fn cost_line<'a>(app: &App, both: &BothHosts, host: Host, width: usize, theme: &Theme) -> Line<'a> {
    let year = format!(
        "{} {} ▸ ",
        host.key().to_uppercase(),
        year_of(host, app.year)
    );
    let (value, mut words) = match both.at(host, app.year) {
        Some((_, m)) if m.value().is_some() => (value_label(m), format!(" · {}", m.status_words())),
        Some((_, m)) => (String::new(), m.status_words()),
        None => (
            String::new(),
            format!("gap: no payment recorded for {}", host.year_label(app.year)),
        ),
    };
    // A gap points to the latest figure before it, as Troops' "no count (latest …)" does.
    if value.is_empty()
        && let Some((year, m)) = both.latest_before(host, app.year)
    {
        // First, where a narrow pane keeps it: the reason is one Enter away.
        let latest = format!("({}: {})", host.year_label(year), value_label(m));
        words = match words.strip_prefix("gap") {
            Some(why) => format!("gap {latest}{why}"),
            None => format!("{latest} {words}"),
        };
    }
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
    let last = korea
        .iter()
        .chain(japan)
        .map(|p| p.0 as i32)
        .max()
        .unwrap_or(last_year)
        .max(app.year);
    let cells = area.width.saturating_sub(9) as usize;
    // Thinned as one host's chart is: the cursor's year and every gap kept.
    let thin = |s: &Points| -> Vec<(f64, Option<f64>)> {
        let shown: Vec<(f64, Option<f64>)> = s
            .iter()
            .filter(|p| p.0 >= f64::from(first))
            .copied()
            .collect();
        chart::thin_keeping(&shown, cells, |p| p.0 as i32 == app.year, |p| p.1.is_none())
            .into_iter()
            .copied()
            .collect()
    };
    let (korea, japan) = (thin(korea), thin(japan));
    let (min, max) = korea
        .iter()
        .chain(&japan)
        .filter_map(|p| p.1)
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
        let japan_values: Vec<(f64, f64)> =
            japan.iter().filter_map(|&(x, v)| Some((x, v?))).collect();
        chart::marks(
            buf,
            plot,
            &japan_values,
            (JAPAN_MARK, theme.compared(0)),
            chart::Layer::Over,
        );
        chart::gap_marks(buf, plot, chart::gaps(&japan), theme.compared(0));
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
    let counted = |h: Host| -> Vec<(f64, Option<f64>)> {
        both.of(h).map_or_else(Vec::new, |s| {
            s.troops
                .iter()
                .map(|p| (f64::from(p.year), p.counted.map(f64::from)))
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
    f.render_widget(
        Plain::new(troops_legend(app, &breaks, legend.width as usize, theme)),
        legend,
    );
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
/// Troops): for each host, the value in the picked measure, what the measure is (its
/// definition), the payment's basis and fiscal year, as published, how it was
/// converted, each input, and the sources of every input.
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
                format!("{}, Korea and Japan", title_case(both.measure.label())),
                summary.chain(particulars).collect(),
            )
        }
    };
    Detail {
        title: format!("{} · {what}", app.year),
        lines,
    }
}

/// One host's value at the cursor and what it is: the head of [`figure_detail`].
fn cost_summary<'a>(app: &App, both: &BothHosts, host: Host, theme: &Theme) -> Vec<DetailLine<'a>> {
    vec![
        DetailLine::Text(cost_line(app, both, host, usize::MAX, theme)),
        DetailLine::Text(field("  is", definition(host).to_string(), theme)),
    ]
}

/// One host's part of [`figure_detail`] in Costs.
fn cost_detail<'a>(app: &App, both: &BothHosts, host: Host, theme: &Theme) -> Vec<DetailLine<'a>> {
    let Some(d) = app.hosts.get(host) else {
        return Vec::new();
    };
    let year = app.year;
    let text = |l: Line<'a>| DetailLine::Text(l);
    let kind = both.measure;
    let mut lines = vec![
        text(Line::raw("")),
        text(Line::styled(
            format!("{} · {}", host.name(), year_basis(host, year)),
            theme.header(),
        )),
        text(field("Measure", both.definition(host), theme)),
    ];
    if host.fiscal_years() {
        lines.push(text(field(
            "Fiscal year",
            format!(
                "{} runs April {year} to March {}: its rate is the fiscal-year average; its GDP, US CPI and DMDC count (30 September) are of calendar {year}",
                host.year_label(year),
                year + 1
            ),
            theme,
        )));
    }
    let (Some(c), Some((row, m))) = (d.contribution(year), both.at(host, year)) else {
        lines.push(text(Line::styled(
            format!("no payment recorded for {}", host.year_label(year)),
            theme.dim(),
        )));
        return lines;
    };
    lines.extend(definition_lines(d, Some(c), theme));
    let agreed_in = d.agreement_of(c).map(|a| a.currency.label_for(host));
    lines.push(text(field(
        "As published",
        super::figure::published(c, host, agreed_in.as_deref()),
        theme,
    )));
    lines.push(text(field(
        "Value",
        match m.value() {
            Some(_) => format!("{} · {}", value_label(m), m.status_words()),
            None => m.status_words(),
        },
        theme,
    )));
    let converted = m.point.origin.is_converted();
    if converted {
        lines.push(text(field(
            "How",
            m.point.origin.describe(host, year),
            theme,
        )));
    }
    lines.push(text(field(
        "Confidence",
        c.confidence.label().to_string(),
        theme,
    )));
    if let Some(note) = &c.note {
        lines.push(text(field("Note", note.clone(), theme)));
    }
    lines.extend(input_lines(app, d, row, kind, theme));
    lines.extend(source_lines(
        d,
        "Sources of the payment:",
        &c.sources,
        theme,
    ));
    if let Some(r) = d.exchange_rate(year).filter(|_| converted) {
        lines.extend(source_lines(
            d,
            &format!("Sources of the {} rate:", host.year_label(year)),
            &r.sources,
            theme,
        ));
    }
    lines.extend(input_sources(app, d, kind, year, theme));
    lines
}

/// What the measure divides by, for the detail: the troop count and its break, the
/// defense budget, the GDP and its vintage, the deflator.
fn input_lines<'a>(
    app: &App,
    d: &Dataset,
    row: &HostYear,
    kind: MeasureKind,
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    let host = d.info.host;
    let year = row.year;
    let (label, words) = match kind {
        MeasureKind::Usd => return Vec::new(),
        MeasureKind::RealUsd => (
            "Deflated by",
            app.both()
                .and_then(|b| b.comparison.deflator.clone())
                .unwrap_or_else(|| "no deflator recorded".into()),
        ),
        MeasureKind::PerMember => (
            "Divided by",
            match (row.troops, &row.count_break) {
                (Some(n), Some(why)) => format!(
                    "{} troops (DMDC, 30 September {year}); the count breaks here: {why}",
                    thousands(f64::from(n), 0)
                ),
                (Some(n), None) => format!(
                    "{} troops (DMDC, 30 September {year})",
                    thousands(f64::from(n), 0)
                ),
                (None, _) => format!("no DMDC count of 30 September {year}"),
            },
        ),
        MeasureKind::ShareOfDefense => (
            "Divided by",
            row.defense_tn.map_or_else(
                || format!("no defense budget recorded for {}", host.year_label(year)),
                |tn| {
                    format!(
                        "the {} defense budget: {} trillion {}",
                        host.year_label(year),
                        thousands(tn, 4),
                        host.currency()
                    )
                },
            ),
        ),
        MeasureKind::ShareOfGdp => (
            "Divided by",
            d.gdp(year).map_or_else(
                || format!("no GDP recorded for {year}"),
                |g| {
                    format!(
                        "GDP of {year}: {} billion {} ({})",
                        thousands(g.local_bn, 1),
                        host.currency(),
                        g.vintage
                    )
                },
            ),
        ),
    };
    vec![DetailLine::Text(field(label, words, theme))]
}

/// The sources of what the measure is computed with: US CPI-U (Korea's dataset holds
/// it), the troop count, the defense budget, GDP.
fn input_sources<'a>(
    app: &App,
    d: &Dataset,
    kind: MeasureKind,
    year: i32,
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    match kind {
        MeasureKind::Usd => Vec::new(),
        MeasureKind::RealUsd => app
            .hosts
            .korea
            .us_cpi(year)
            .map(|c| source_lines(&app.hosts.korea, "Sources of US CPI-U:", &c.sources, theme))
            .unwrap_or_default(),
        MeasureKind::PerMember => d
            .troop_count(year)
            .map(|t| source_lines(d, "Sources of the troop count:", &t.sources, theme))
            .unwrap_or_default(),
        MeasureKind::ShareOfDefense => d
            .defense_budget(year)
            .map(|b| source_lines(d, "Sources of the defense budget:", &b.sources, theme))
            .unwrap_or_default(),
        MeasureKind::ShareOfGdp => d
            .gdp(year)
            .map(|g| source_lines(d, "Sources of GDP:", &g.sources, theme))
            .unwrap_or_default(),
    }
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
        assert!(screen.contains("Dollars · Korea vs Japan"), "{screen}");
        assert!(screen.contains("$ m: ⣿ KR SMA  ◆ JP HNS (FY)"), "{screen}");
        assert!(screen.contains("KR 2026 ▸ "), "{screen}");
        assert!(screen.contains("JP FY2026 ▸ "), "{screen}");
        let rows = screen
            .lines()
            .filter(|l| l.contains("┃ KR 2") || l.contains("┃ JP 2"));
        assert!(rows.count() >= 6, "the timeline's host column: {screen}");
    }

    /// Both embedded hosts after `keys`, one frame of `width`×`height`.
    fn embedded_screen(keys: &str, width: u16, height: u16) -> String {
        let hosts = crate::data::Hosts::embedded().expect("both embedded hosts load");
        let mut app = crate::app::hosts::tests::app_on(hosts);
        let keys = ScriptedEvents::parse(keys).expect("keys parse");
        crate::render::frame(&mut app, width, height, keys, false).expect("draws")
    }

    #[test]
    fn per_member_both_hosts_costs_at_80x24() {
        // DESIGN §7: Korea's payment beside Japan's, per US service member, in dollars.
        let screen = embedded_screen("HH2cc:2014<enter>", 80, 24);
        for words in [
            "Per US service member · Ko",
            "$ thousand per US service member",
            "⣿ KR SMA  ◆ JP HNS (FY)  ▼ 2014",
            "KR 2014 ▸ $30.07 k · derived",
            "JP FY2014 ▸ $",
        ] {
            assert!(screen.contains(words), "{words}: {screen}");
        }
        insta::assert_snapshot!(screen);
    }

    #[test]
    fn share_of_gdp_both_hosts_costs_at_80x24() {
        let screen = embedded_screen("HH2cccc:2014<enter>", 80, 24);
        for words in [
            "% of GDP · Korea vs Japan",
            "% of the host's nominal GDP",
            "KR 2014 ▸ 0.056 % · derived",
            "JP FY2014 ▸ 0.036 % · derived",
        ] {
            assert!(screen.contains(words), "{words}: {screen}");
        }
        insta::assert_snapshot!(screen);
    }

    #[test]
    fn the_costs_legend_of_both_hosts_fits_in_every_measure_and_keeps_the_cursor_year() {
        // c steps from dollars through real dollars, per member, % of defense budget, %
        // of GDP: the legend of each, whole, at 80×24 (the pane 38 columns inside).
        use crate::econ::compare::MeasureKind;
        for (presses, kind) in MeasureKind::ALL.iter().enumerate() {
            let keys = format!("HH2{}:2014<enter>", "c".repeat(presses));
            for (width, height) in [(80, 24), (120, 40)] {
                let screen = embedded_screen(&keys, width, height);
                let legend = screen
                    .lines()
                    .find(|l| l.contains("◆ JP HNS (FY)"))
                    .unwrap_or_else(|| panic!("{kind:?}: no legend at {width}: {screen}"));
                let inside = legend.split('┃').nth(1).unwrap_or_default().trim_end();
                assert!(inside.contains("⣿ KR SMA"), "{kind:?}: {inside}");
                assert!(inside.ends_with("▼ 2014"), "{kind:?} at {width}: {inside}");
                assert!(!inside.contains('…'), "{kind:?}: {inside}");
                // Wide, the measure too, its series two spaces apart.
                if width == 120 {
                    let short = super::measure_short(*kind, 2025);
                    assert!(
                        inside.starts_with(&format!("{short}: ⣿ KR SMA  ◆")),
                        "{kind:?}: {inside}"
                    );
                }
            }
        }
        // Narrower still, the series stay and the year goes last.
        let app = crate::app::hosts::tests::both_hosts_app();
        let theme = crate::ui::theme::Theme::new(false, Default::default());
        let legend = |w: usize| super::costs_legend(&app, MeasureKind::ShareOfDefense, w, &theme);
        assert_eq!(
            legend(60).to_string(),
            "% of defense budget: ⣿ KR SMA  ◆ JP HNS (FY)  ▼ 2026"
        );
        assert_eq!(legend(40).to_string(), "⣿ KR SMA  ◆ JP HNS (FY)  ▼ 2026");
        assert_eq!(legend(29).to_string(), "⣿ KR SMA ◆ JP HNS (FY) ▼ 2026");
        assert_eq!(legend(24).to_string(), "⣿ KR SMA  ◆ JP HNS (FY)");
    }

    #[test]
    fn the_troops_legend_of_both_hosts_fits_with_the_cursor_year_and_the_counting_change() {
        // At 80×24 it read "…▼ 2026  ╎ JP 200", cut: now fitted as the Costs legend is.
        for (width, height, whole) in [
            (80, 24, "⣿ KR DMDC ◆ JP DMDC ▼ 2014 ╎ JP 2008"),
            (120, 40, "⣿ KR DMDC  ◆ JP DMDC  ▼ 2014"),
            (200, 60, "⣿ KR DMDC  ◆ JP DMDC  ▼ 2014  ╎ JP 2008 counting"),
        ] {
            let screen = embedded_screen("HH3:2014<enter>", width, height);
            let legend = screen
                .lines()
                .find(|l| l.contains("◆ JP DMDC"))
                .unwrap_or_else(|| panic!("no legend at {width}: {screen}"));
            let inside = legend.split('┃').nth(1).unwrap_or_default().trim_end();
            assert_eq!(inside, whole, "at {width}×{height}: {screen}");
        }
        // Narrower, the note's words go, then the note, then the year; the series stay.
        let app = crate::app::hosts::tests::both_hosts_app();
        let theme = crate::ui::theme::Theme::new(false, Default::default());
        let breaks = [(crate::data::Host::Japan, 2008, "why")];
        let legend = |w: usize| super::troops_legend(&app, &breaks, w, &theme).to_string();
        assert_eq!(legend(36), "⣿ KR DMDC ◆ JP DMDC ▼ 2026 ╎ JP 2008");
        assert_eq!(legend(35), "⣿ KR DMDC  ◆ JP DMDC  ▼ 2026");
        assert_eq!(legend(26), "⣿ KR DMDC ◆ JP DMDC ▼ 2026");
        assert_eq!(legend(25), "⣿ KR DMDC  ◆ JP DMDC");
        for w in 0..80 {
            let l = legend(w);
            assert!(
                l.contains("⣿ KR DMDC") && l.contains("◆ JP DMDC"),
                "{w}: {l}"
            );
        }
    }

    #[test]
    fn a_gap_says_why_at_the_cursor() {
        // 2026: no recorded average rate yet for Korea's won: a gap with its reason.
        // The latest figure before it comes first, as Troops' "no count (latest …)" says
        // it, in fewer words: at 80 columns the value must fit.
        let screen = embedded_screen("HH2", 120, 40);
        assert!(screen.contains("KR 2026 ▸ gap (2025: $"), "{screen}");
        assert!(screen.contains("JP FY2026 ▸ gap (FY2024: $"), "{screen}");
        let wide = embedded_screen("HH2", 200, 60);
        assert!(
            wide.contains("): no recorded average won per dollar for"),
            "{wide}"
        );
    }

    #[test]
    fn t_shows_both_hosts_in_the_measure_as_a_table_at_80x24() {
        let screen = embedded_screen("HH2cc:2014<enter>t", 80, 24);
        for words in [
            "year",
            "Korea",
            "Japan",
            "2014",
            "der",
            "$ thousand per US service member",
        ] {
            assert!(screen.contains(words), "{words}: {screen}");
        }
        let row = screen
            .lines()
            .find(|l| l.contains("2014") && l.contains("der"))
            .unwrap_or_else(|| panic!("2014's row: {screen}"));
        assert!(row.contains("30.07"), "{row}");
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
            "Korea · 2014 (calendar year)",
            "Japan · FY2014 (Apr 2014–Mar 2015)",
            "Measure: Korea's SMA contribution (total) in thousands of US dollars per US",
            "Fiscal year: FY2014 runs April 2014 to March 2015",
            "Divided by: 29,074 troops",
            "Divided by: 58,148 troops",
            "Sources of the troop count:",
        ] {
            assert!(all.contains(words), "{words}: {all}");
        }
        assert_eq!(all.matches("Sources of the payment:").count(), 2, "{all}");
        // Share of GDP: the GDP, its vintage and its sources.
        let gdp = embedded_screen("HH2cccc:2014<enter><enter>", 120, 200);
        for words in ["Divided by: GDP of 2014", "Sources of GDP:", "IMF"] {
            assert!(gdp.contains(words), "{words}: {gdp}");
        }
    }
}
