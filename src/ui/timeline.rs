//! The Timeline pane: agreements and their events, and the selected row's detail.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::app::timeline::{PickerRow, events_count, shown_events};
use crate::app::{App, Pane, Row};
use crate::data::host_names::side_name;
use crate::data::search::Query;
use crate::data::{Agreement, Dataset, Event, FuzzyDate, Host, Milestone};

use super::detail::{Detail, DetailLine, DetailText, source_lines};
use super::format::{fit, width as text_width};
use super::layout;
use super::pane_block;
use super::text::{Border, Plain};
use super::theme::Theme;
use super::title_room;

const DATE_COLS: usize = 10;
const KIND_COLS: usize = 11;

pub fn render(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let title = title(app, area.width as usize);
    f.render_widget(pane_block(app, Pane::Timeline, &title, theme), area);
    let (list, detail) = layout::timeline_split(area);
    render_list(f, app, list, theme);
    if let Some(detail) = detail {
        let lines = detail_lines(app, theme);
        let block = ratatui::widgets::Block::new()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(theme.dim())
            .title(Span::styled(" detail (Enter: popup) ", theme.dim()));
        let text = block.inner(detail);
        f.render_widget(block, detail);
        f.render_widget(DetailText::new(&lines, theme.link()), text);
    }
}

/// What the list shows and in which order ("rounds · 9 events · by date"); where the
/// pane's top border has no room for that, the order said shorter ("grouped"), then
/// left out, then the kinds counted rather than named ("3 kinds · 40 events").
fn title(app: &App, width: usize) -> String {
    let t = &app.timeline;
    let shown = shown_events(t.index.events, t.filter);
    let kinds = t.filter.kinds().count();
    let counted = format!("{kinds} kinds · {}", events_count(t.index.events));
    let room = title_room(app, Pane::Timeline, width);
    [
        format!("{shown} · {}", t.order.label()),
        format!("{shown} · {}", t.order.short_label()),
        shown,
    ]
    .into_iter()
    .chain((kinds > 1).then_some(counted))
    .find(|title| text_width(title) <= room)
    .unwrap_or_else(|| events_count(t.index.events))
}

/// The first row shown: the app's offset, moved only as far as needed to show the
/// selection in `height` rows.
fn first_shown(app: &App, height: usize) -> usize {
    let t = &app.timeline;
    let height = height.max(1);
    let offset = t.offset.min(t.selected);
    offset.max((t.selected + 1).saturating_sub(height))
}

fn render_list(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    if t.rows.is_empty() {
        f.render_widget(Plain::new("no events").style(theme.dim()), area);
        return;
    }
    let width = area.width as usize;
    let height = area.height as usize;
    let first = first_shown(app, height);
    let query = (!t.search.query.is_empty()).then_some(t.search.query.as_str());
    let prepared = query.map(Query::new);
    let lines: Vec<Line> = t
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, row)| {
            let hit = query.is_some_and(|q| t.is_hit(&app.data, i, q));
            let line = row_line(app, *row, width, theme, hit, prepared.as_ref());
            if i == t.selected {
                line.style(theme.selected(app.focus == Pane::Timeline))
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Plain::new(lines), area);
}

/// The mark before an event still to come (after today).
pub const FUTURE_MARK: &str = "◇";

fn row_line<'a>(
    app: &App,
    row: Row,
    width: usize,
    theme: &Theme,
    hit: bool,
    query: Option<&Query>,
) -> Line<'a> {
    let d = &app.data;
    match row {
        Row::Agreement(i) => {
            let a = &d.agreements[i];
            let host = super::hosts::agreement_prefix(app, i);
            let text = format!(
                "{host}{} · {} · {}",
                a.name(),
                a.years_label(app.agreement_host(i)),
                a.first_year_amount
            );
            Line::from(Span::styled(fit(&text, width), theme.header()))
        }
        Row::Unattached => Line::from(Span::styled(fit("Other events", width), theme.header())),
        Row::Event(i) => {
            let e = &d.events[i];
            // By date, where the headline names the agreement, the kind column gives
            // way before the headline does; grouped, the headline is short.
            let kind_cols = if app.timeline.order == crate::app::Order::Grouped {
                KIND_COLS.min(width.saturating_sub(DATE_COLS + 2))
            } else {
                KIND_COLS.min(width.saturating_sub(DATE_COLS + 3 + MIN_HEADLINE))
            };
            let kind_cols = if kind_cols < MIN_KIND { 0 } else { kind_cols };
            let kind_gap = usize::from(kind_cols > 0);
            let host = super::hosts::host_cell(app, e.host, theme);
            let host_cols = host.as_ref().map_or(0, Span::width);
            let headline_cols =
                width.saturating_sub(DATE_COLS + kind_cols + kind_gap + host_cols + 2);
            let headline = row_headline(app, e);
            let headline = fit(&headline, headline_cols);
            let mut spans = Vec::new();
            let (mark, date_style) = if app.is_future(e) {
                (Span::styled(FUTURE_MARK, theme.projected()), theme.dim())
            } else {
                (Span::raw(" "), theme.label())
            };
            spans.push(mark);
            spans.extend(host);
            spans.push(Span::styled(
                fit(&e.date.to_string(), DATE_COLS),
                date_style,
            ));
            spans.push(Span::raw(" "));
            if kind_cols > 0 {
                spans.push(Span::styled(
                    fit(e.kind.label(), kind_cols),
                    theme.kind(e.kind),
                ));
                spans.push(Span::raw(" "));
            }
            match query.filter(|_| hit) {
                Some(q) => spans.extend(highlighted(&headline, q, theme)),
                None => spans.push(Span::raw(headline)),
            }
            Line::from(spans)
        }
    }
}

/// Columns the headline keeps before the kind column gives way; the fewest the kind
/// column is shown in.
const MIN_HEADLINE: usize = 20;
const MIN_KIND: usize = 5;

/// An event's headline as its row says it: grouped under its agreement, without the
/// agreement's name the header already gives ("round 10 · Seoul", not "10th SMA,
/// round 10"), and with its place where the headline does not name it.
fn row_headline(app: &App, e: &Event) -> String {
    let d = &app.data;
    let agreement = e.agreement.as_deref().and_then(|id| d.agreement(id));
    let grouped = app.timeline.order == crate::app::Order::Grouped;
    let Some(a) = agreement.filter(|_| grouped) else {
        return e.headline.clone();
    };
    let name = a.name();
    let rest = e
        .headline
        .strip_prefix(name.as_str())
        .map(|r| r.trim_start_matches([',', ':', ' ', '—', '-']))
        .filter(|r| !r.is_empty());
    let Some(rest) = rest else {
        return e.headline.clone();
    };
    let mut text = rest.to_string();
    if let Some(place) = e.place.as_deref().filter(|p| !rest.contains(*p)) {
        text.push_str(&format!(" · {place}"));
    }
    text
}

/// `text` with the words the search query matches in bold, underlined.
pub(super) fn highlighted<'a>(text: &str, query: &Query, theme: &Theme) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut at = 0;
    let style = theme
        .bold()
        .add_modifier(ratatui::style::Modifier::UNDERLINED);
    for range in query.highlights(text) {
        if range.start > at {
            spans.push(Span::raw(text[at..range.start].to_string()));
        }
        spans.push(Span::styled(text[range.clone()].to_string(), style));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::raw(text[at..].to_string()));
    }
    spans
}

/// "Japan · " before a Japan record's detail; nothing for Korea's, the default.
fn host_words(host: crate::data::Host) -> String {
    match host {
        crate::data::Host::Korea => String::new(),
        h @ crate::data::Host::Japan => format!("{} · ", h.name()),
    }
}

pub(super) fn date_span(start: FuzzyDate, end: Option<FuzzyDate>) -> String {
    match end {
        Some(end) if end != start => format!("{start} – {end}"),
        _ => start.to_string(),
    }
}

pub(super) fn field<'a>(name: &str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{name}: "), theme.label()),
        Span::raw(value),
    ])
}

/// The selected row's detail, as the popup shows it: titled with the event's headline
/// or the agreement's name.
pub fn detail<'a>(app: &App, theme: &Theme) -> Detail<'a> {
    let title = match app.selected_row() {
        Some(Row::Event(i)) => app.data.events[i].headline.clone(),
        Some(Row::Agreement(i)) => app.data.agreements[i].name(),
        _ => "Other events".to_string(),
    };
    Detail {
        title,
        lines: detail_lines(app, theme),
    }
}

/// The selected row's detail: text, place, people, amounts and sources.
fn detail_lines<'a>(app: &App, theme: &Theme) -> Vec<DetailLine<'a>> {
    let d = &app.data;
    match app.selected_row() {
        Some(Row::Event(i)) => {
            // The words the search matched stand out here too.
            let query = &app.timeline.search.query;
            let hit = !query.is_empty() && app.timeline.is_hit(d, app.timeline.selected, query);
            let query = hit.then(|| Query::new(query));
            event_detail(d, &d.events[i], theme, query.as_ref())
        }
        Some(Row::Agreement(i)) => {
            agreement_detail(d, &d.agreements[i], app.agreement_host(i), theme)
        }
        _ => vec![Line::styled("Events tied to no agreement in the dataset.", theme.dim()).into()],
    }
}

fn event_detail<'a>(
    d: &Dataset,
    e: &Event,
    theme: &Theme,
    query: Option<&Query>,
) -> Vec<DetailLine<'a>> {
    let marked = |text: &str| match query {
        Some(q) => highlighted(text, q, theme),
        None => vec![Span::raw(text.to_string())],
    };
    let labelled = |name: &str, value: &str| {
        let mut spans = vec![Span::styled(format!("{name}: "), theme.label())];
        spans.extend(marked(value));
        Line::from(spans)
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(host_words(e.host), theme.bold()),
            Span::styled(date_span(e.date, e.end), theme.bold()),
            Span::raw(" · "),
            Span::styled(e.kind.label().to_string(), theme.kind(e.kind)),
            Span::raw(" · "),
            Span::styled(e.confidence.label().to_string(), theme.dim()),
        ]),
        Line::from(marked(&e.headline)).style(theme.bold()),
    ];
    if let Some(place) = &e.place {
        lines.push(labelled("Place", place));
    }
    let named: Vec<&str> = e.named_people().map(String::as_str).collect();
    if !named.is_empty() {
        lines.push(labelled("People", &named.join(", ")));
    }
    let inferred: Vec<&str> = e.inferred_people().map(String::as_str).collect();
    if !inferred.is_empty() {
        lines.push(labelled(INFERRED_PEOPLE, &inferred.join(", ")));
    }
    if let Some(a) = e.agreement.as_deref().and_then(|id| d.agreement(id)) {
        lines.push(field(
            "Agreement",
            format!(
                "{} ({}): first year {}; {}: {}",
                a.name(),
                a.years_label(e.host),
                a.first_year_amount,
                rule_label(a).to_lowercase(),
                a.rule_text
            ),
            theme,
        ));
    }
    if let Some(demand) = &e.demand {
        for (name, value) in [
            ("Demanded by", &demand.by),
            ("Amount", &demand.amount),
            ("For", &demand.period),
            ("Korea's answer", &demand.answer),
        ] {
            lines.push(field(name, value.clone(), theme));
        }
    }
    if let Some(text) = &e.text {
        lines.push(Line::from(marked(text)));
    }
    let mut lines: Vec<DetailLine> = lines.into_iter().map(DetailLine::from).collect();
    lines.extend(source_lines(d, "Sources:", &e.sources, theme));
    lines
}

fn agreement_detail<'a>(
    d: &Dataset,
    a: &Agreement,
    host: crate::data::Host,
    theme: &Theme,
) -> Vec<DetailLine<'a>> {
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{}{} · {}", host_words(host), a.name(), a.years_label(host)),
                theme.bold(),
            ),
            Span::raw(" · "),
            Span::styled(a.confidence.label().to_string(), theme.dim()),
        ]),
        field("First year", a.first_year_amount.clone(), theme),
        field(&rule_label(a), a.rule_text.clone(), theme),
    ];
    let milestones: Vec<String> = Milestone::ALL
        .into_iter()
        .filter_map(|m| {
            let date = a.milestones.get(m)?;
            let confidence = a.milestone_confidence(m);
            Some(if confidence == a.confidence {
                format!("{} {date}", m.label())
            } else {
                format!("{} {date} ({})", m.label(), confidence.label())
            })
        })
        .collect();
    if !milestones.is_empty() {
        lines.push(field("Dates", milestones.join(", "), theme));
    }
    for (name, sides) in [
        ("Negotiators", &a.negotiators),
        ("Initialed by", &a.initialed_by),
        ("Signatories", &a.signatories),
    ] {
        if !sides.host.is_empty() || !sides.us.is_empty() {
            lines.push(field(
                name,
                format!(
                    "{} {} / US {}",
                    side_name(a.host),
                    list(&sides.host),
                    list(&sides.us)
                ),
                theme,
            ));
        }
    }
    if let Some(rounds) = &a.rounds_note {
        lines.push(field("Rounds", rounds.clone(), theme));
    }
    if let Some(note) = &a.note {
        lines.push(Line::raw(note.clone()));
    }
    let mut lines: Vec<DetailLine> = lines.into_iter().map(DetailLine::from).collect();
    lines.extend(source_lines(d, "Sources:", &a.sources, theme));
    lines
}

/// The label of people no source of the event names.
pub const INFERRED_PEOPLE: &str = "People inferred from the agreement's chief negotiators";

/// "Rule", or "Rule (uncertain)" where the rule is attested otherwise than the agreement.
fn rule_label(a: &Agreement) -> String {
    let confidence = a.rule_confidence();
    if confidence == a.confidence {
        "Rule".into()
    } else {
        format!("Rule ({})", confidence.label())
    }
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "not known".into()
    } else {
        names.join(", ")
    }
}

/// The kind picker: with both hosts shown each host's events, checked while shown;
/// then every kind present with how many events it has, those chosen checked; a box of
/// fixed size in the middle of the panes' `area`.
pub fn render_kinds(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let t = &app.timeline;
    let rows = app.picker_rows();
    let lines_wanted = rows.len() + 2;
    let width = 40.min(area.width);
    let height = (lines_wanted as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    f.render_widget(Clear, popup);
    let border = Border::new(
        Line::from(Span::styled(" Kinds shown ", theme.pane_title(true))),
        theme.border(true),
    );
    f.render_widget(border, popup);
    let inner = layout::inner(popup);
    let cols = inner.width as usize;
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (row, count))| {
            let (checked, name, style) = match *row {
                PickerRow::Kind(kind) => (t.filter.has(kind), kind.label(), theme.kind(kind)),
                // A host's row is checked while its events are shown.
                PickerRow::Host(h) => (
                    t.filter.host().is_none_or(|only| only == h),
                    match h {
                        Host::Korea => "Korea's events",
                        Host::Japan => "Japan's events",
                    },
                    theme.header(),
                ),
            };
            let check = if checked { "[x]" } else { "[ ]" };
            let count = count.to_string();
            // " [x] " before the name, a space and the count after it.
            let name_cols = cols.saturating_sub(count.len() + 6);
            let line = Line::from(vec![
                Span::raw(format!(" {check} ")),
                Span::styled(fit(name, name_cols), style),
                Span::styled(format!(" {count}"), theme.dim()),
            ]);
            if i == t.kind_cursor {
                line.style(theme.selected(true))
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::raw(""));
    let shown = shown_events(t.index.events, t.filter);
    let note = if t.filter.is_all() {
        format!("none checked: every kind ({shown})")
    } else {
        shown
    };
    lines.push(Line::styled(fit(&note, cols), theme.dim()));
    f.render_widget(Plain::new(lines), inner);
}
