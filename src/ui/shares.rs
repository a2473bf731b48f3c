//! The list of share estimates (`A`): every estimate of a host's share of US stationing
//! cost under its measure's heading and what the measure counts, so that no value is
//! read without its definition nor with another measure's as one series; the selected
//! estimate's definition below the list; Enter shows it whole with its sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::app::{App, Mode};
use crate::data::{SHORT_LEGEND, ShareEstimate};
use crate::report::cite::share_source_table;
use crate::report::compare::{share_fields, share_groups};

use super::detail::{DetailLine, DetailText, source_lines};
use super::format::{fit, truncate};
use super::layout;
use super::text::{Border, Plain, Wrapped};
use super::theme::Theme;

/// Columns of the host, the year, the confidence.
const HOST_COLS: usize = 8;
const YEAR_COLS: usize = 13;
const CONFIDENCE_COLS: usize = 14;
/// The most columns the value takes: "host $12,600 m, US $20,900 m" and more.
const VALUE_COLS: usize = 34;
/// Columns kept for the sources at the end of a row: three ids ("J65 J64 J66").
const SOURCES_COLS: usize = 11;
/// Rows under the list for the selected estimate's definition, and the legend.
const FOOTER_ROWS: u16 = 4;

pub fn render(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    if app.overlay != Some(Mode::Shares) || area.is_empty() {
        return;
    }
    let popup = area;
    f.render_widget(Clear, popup);
    let count = app.hosts.shares().estimates.len();
    let title = match app.selected_share().filter(|_| app.shares.whole) {
        Some(e) => format!(" Share estimate · {} · Esc: the list ", e.id),
        None => format!(" Share of US stationing cost · {count} estimates · Enter: whole "),
    };
    f.render_widget(
        Border::new(
            Line::from(Span::styled(
                truncate(&title, usize::from(popup.width.saturating_sub(2))),
                theme.pane_title(true),
            )),
            theme.border(true),
        ),
        popup,
    );
    let inner = layout::inner(popup);
    match app.selected_share().filter(|_| app.shares.whole) {
        Some(e) => super::detail::scrolled_lines(f, app, &whole(app, e, theme), popup, theme),
        None => list(f, app, inner, theme),
    }
}

/// How far the estimate shown whole scrolls in `area`, and its page.
pub fn limits(app: &App, area: Rect, theme: &Theme) -> (u16, u16) {
    let inner = layout::inner(area);
    let Some(e) = app.selected_share() else {
        return (0, inner.height.max(1));
    };
    let lines = whole(app, e, theme);
    let rows = DetailText::new(&lines, theme.link()).rows(inner.width);
    let max = rows.saturating_sub(usize::from(inner.height));
    (max.min(usize::from(u16::MAX)) as u16, inner.height.max(1))
}

/// The list: a column header, each measure's heading and what it counts, its
/// estimates one a row; under it the selected estimate's definition and the legend.
fn list(f: &mut Frame, app: &App, inner: Rect, theme: &Theme) {
    let cols = usize::from(inner.width);
    let footer = FOOTER_ROWS.min(inner.height.saturating_sub(3));
    let body = Rect {
        height: inner.height - footer,
        ..inner
    };
    // The value takes what the others leave, up to the longest it needs; the sources
    // the rest.
    let value_cols = cols
        .saturating_sub(2 + HOST_COLS + YEAR_COLS + 1 + CONFIDENCE_COLS + SOURCES_COLS)
        .min(VALUE_COLS);
    let header = Line::styled(
        fit(
            &format!(
                "  {}{}{}{}sources",
                fit("host", HOST_COLS),
                fit("year", YEAR_COLS),
                fit("value", value_cols + 1),
                fit("confidence", CONFIDENCE_COLS),
            ),
            cols,
        ),
        theme.label(),
    );
    let listed = listed(app, cols, value_cols, theme);
    let rows = usize::from(body.height.saturating_sub(1));
    let shown: Vec<Line> = std::iter::once(header).chain(listed.window(rows)).collect();
    f.render_widget(Plain::new(shown), body);
    if footer > 0 {
        let foot = Rect {
            y: body.y + body.height,
            height: footer,
            ..inner
        };
        definition_and_legend(f, app, foot, theme);
    }
}

/// The list's lines, each measure's heading by line, and where the selected row is.
struct Listed<'a> {
    lines: Vec<Line<'a>>,
    heading_of: Vec<usize>,
    selected_at: usize,
}

/// Every measure's heading and what it counts, then its estimates one a row.
fn listed<'a>(app: &App, cols: usize, value_cols: usize, theme: &Theme) -> Listed<'a> {
    let mut out = Listed {
        lines: Vec::new(),
        heading_of: Vec::new(),
        selected_at: 0,
    };
    let mut k = 0;
    for g in share_groups(app.hosts.shares()) {
        let heading = out.lines.len();
        out.lines
            .push(Line::styled(fit(g.measure, cols), theme.header()));
        // One measure has one definition: what its first estimate counts, they all do.
        if let Some(first) = g.estimates.first() {
            out.lines.push(Line::styled(
                fit(&format!("  {}", first.inclusions()), cols),
                theme.dim(),
            ));
        }
        for e in g.estimates {
            let row = Line::from(vec![
                Span::raw("  "),
                Span::raw(fit(e.host.name(), HOST_COLS)),
                Span::styled(
                    fit(&e.year_basis.short(e.year, e.to), YEAR_COLS),
                    theme.label(),
                ),
                Span::raw(fit(&e.value_or_amounts(), value_cols)),
                Span::raw(" "),
                Span::styled(fit(e.confidence.label(), CONFIDENCE_COLS), theme.dim()),
                Span::styled(e.sources.join(" "), theme.dim()),
            ]);
            if k == app.shares.cursor {
                out.selected_at = out.lines.len();
                out.lines.push(row.style(theme.selected(true)));
            } else {
                out.lines.push(row);
            }
            k += 1;
        }
        out.heading_of.resize(out.lines.len(), heading);
    }
    out
}

impl<'a> Listed<'a> {
    /// The `rows` lines shown: the selected row in view, one line from the bottom. A
    /// measure scrolled past its heading keeps it, and what it counts, at the top: no
    /// estimate is shown without them. Where the measure ends on the top row, the list
    /// starts at the next heading instead.
    fn window(&self, rows: usize) -> Vec<Line<'a>> {
        let lines = &self.lines;
        let mut scroll = (self.selected_at + 2).saturating_sub(rows).min(lines.len());
        let heading = self.heading_of.get(scroll).copied().unwrap_or(0);
        let sticky = scroll > heading && rows >= 4;
        if sticky && self.heading_of.get(scroll + 1) != Some(&heading) {
            scroll += 1;
        }
        let mut window: Vec<Line> = lines.iter().skip(scroll).take(rows).cloned().collect();
        if sticky && self.heading_of.get(scroll) == Some(&heading) && window.len() >= 2 {
            window[0] = lines[heading].clone();
            window[1] = lines[heading + 1].clone();
        }
        window
    }
}

/// The selected estimate's definition, wrapped, above the legend of the years' letters.
fn definition_and_legend(f: &mut Frame, app: &App, foot: Rect, theme: &Theme) {
    let definition = app
        .selected_share()
        .map(|e| {
            Line::from(vec![
                Span::styled("Definition: ", theme.label()),
                Span::raw(e.definition.clone()),
            ])
        })
        .unwrap_or_default();
    let def_rect = Rect {
        height: foot.height - 1,
        ..foot
    };
    f.render_widget(Wrapped::new(definition), def_rect);
    let legend = Line::styled(truncate(SHORT_LEGEND, usize::from(foot.width)), theme.dim());
    let legend_rect = Rect {
        y: foot.y + foot.height - 1,
        height: 1,
        ..foot
    };
    f.render_widget(Plain::new(vec![legend]), legend_rect);
}

/// One estimate whole: every field `export shares` writes, labelled, then its sources
/// from the table of the host that holds each.
fn whole<'a>(app: &App, e: &ShareEstimate, theme: &Theme) -> Vec<DetailLine<'a>> {
    let mut lines: Vec<DetailLine> = share_fields(e)
        .into_iter()
        .map(|(label, value)| {
            DetailLine::Text(Line::from(vec![
                Span::styled(format!("{label}: "), theme.label()),
                Span::raw(value),
            ]))
        })
        .collect();
    lines.push(DetailLine::Text(Line::raw("")));
    let mut heading = true;
    for id in &e.sources {
        let Some(d) = share_source_table(&app.hosts, e, id).or(Some(&app.hosts.korea)) else {
            continue;
        };
        let mut these = source_lines(d, "Sources:", std::slice::from_ref(id), theme);
        if !heading {
            these.remove(0);
        }
        heading = false;
        lines.extend(these);
    }
    lines
}
