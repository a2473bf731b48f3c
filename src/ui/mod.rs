//! The view: pure functions from `&App` to widgets on a frame. Nothing here changes
//! state or computes a series; it lays out and formats what `App` holds.

mod assumptions;
mod chart;
mod costs;
mod detail;
mod figure;
pub mod format;
mod help;
mod hosts;
pub mod layout;
mod shares;
mod sources;
mod status;
mod table;
mod text;
pub(crate) mod theme;
mod timeline;
mod troops;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Mode, Pane};

use text::{Border, Plain};
use theme::Theme;

/// Draws the whole screen.
/// Says, on the frame's last row, that the screen is larger than the program draws
/// (`real`, in cells) and that the dashboard takes its top-left corner.
pub fn screen_capped(app: &App, f: &mut Frame, real: ratatui::layout::Size) {
    let theme = Theme::new(app.color, app.palette);
    let area = f.area();
    let note = format!(
        " screen {}×{}: drawn at {}×{}, the most sma-dash draws ",
        real.width, real.height, area.width, area.height
    );
    let width = (note.chars().count() as u16).min(area.width);
    let row = Rect::new(
        area.right() - width,
        area.bottom().saturating_sub(1),
        width,
        1,
    );
    f.render_widget(Paragraph::new(note).style(theme.warning()), row);
}

pub fn view(app: &App, f: &mut Frame) {
    let theme = Theme::new(app.color, app.palette);
    let area = f.area();
    if layout::too_small(area) {
        too_small(app, f, &theme);
        return;
    }
    let [title, body, status] = layout::screen(app, area);
    render_title(f, app, title, &theme);
    for (pane, rect) in layout::panes(app, body) {
        if let Some(numbers) = &app.derived().shown_tables[pane.number() - 1] {
            let what = "as a table · t: chart";
            f.render_widget(pane_block(app, pane, what, &theme), rect);
            table::render(f, app, pane, numbers, layout::inner(rect), &theme);
            continue;
        }
        match (pane, app.both()) {
            (Pane::Costs, Some(both)) => hosts::render_costs(f, app, both, rect, &theme),
            (Pane::Troops, Some(both)) => hosts::render_troops(f, app, both, rect, &theme),
            (Pane::Timeline, _) => timeline::render(f, app, rect, &theme),
            (Pane::Costs, None) => costs::render(f, app, rect, &theme),
            (Pane::Troops, None) => troops::render(f, app, rect, &theme),
            (Pane::Assumptions, _) => assumptions::render(f, app, rect, &theme),
        }
    }
    status::render(f, app, &app.keymap, &theme, status);
    sources::render(f, app, body, &theme);
    shares::render(f, app, body, &theme);
    match app.mode() {
        Mode::Help => help::render(
            f,
            &app.keymap,
            app.help_page,
            app.host_shown(),
            app.overlay_scroll,
            body,
            &theme,
        ),
        Mode::Detail => detail::render_popup(f, app, body, &theme),
        Mode::Kinds => timeline::render_kinds(f, app, body, &theme),
        _ => {}
    }
}

/// How far the open overlay (the help, the detail of an event or a figure) can scroll on a screen of
/// `size`, and its page: the help takes the panes' area, or the whole screen when the
/// dashboard does not fit; the detail a popup over the panes.
pub fn overlay_limits(app: &App, size: Rect) -> (u16, u16) {
    let body = layout::screen(app, size)[1];
    match app.mode() {
        Mode::Detail if !layout::too_small(size) => {
            let theme = Theme::new(app.color, app.palette);
            detail::popup_limits(app, body, &theme)
        }
        Mode::Shares if !layout::too_small(size) => {
            let theme = Theme::new(app.color, app.palette);
            shares::limits(app, body, &theme)
        }
        _ => {
            let area = if layout::too_small(size) { size } else { body };
            help::limits(&app.keymap, app.help_page, app.host_shown(), area)
        }
    }
}

/// The title bar: the name on the left, the host, the year cursor, the zoom and the
/// dataset on the right ([`title_right`]); the long name goes first when the width runs
/// out, then the parts on the right by [`title_right`]'s rule: never one over another.
fn render_title(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let room = area.width as usize;
    let name = format!(" {}", app.host_shown().title());
    let name = name.as_str();
    let right_room = room.saturating_sub(format::width(TITLE_NAME) + 1);
    let right = Line::from(title_right(app, theme, right_room));
    let mut left = vec![Span::styled(TITLE_NAME, theme.bold())];
    let long_name = format!(" │{name}");
    // A space at least between the long name and the right part, never touching.
    if format::width(TITLE_NAME) + format::width(&long_name) + 1 + right.width() <= room {
        left.push(Span::raw(long_name));
    }
    f.render_widget(Plain::new(Line::from(left)).style(theme.title_bar()), area);
    f.render_widget(
        Plain::new(right)
            .alignment(ratatui::layout::Alignment::Right)
            .style(theme.title_bar()),
        area,
    );
}

/// The program's name, at the left of the title bar whatever the width.
const TITLE_NAME: &str = " sma-dash";

/// The right of the title bar in at most `room` columns: the host and the year always
/// (the year alone where even the host does not fit), then as room allows the zoomed
/// pane, `? help` and the dataset's date (shown in the order zoom, date, help), the
/// date left out first, then the help, then the zoom shortened to `zoom`, then the zoom.
fn title_right<'a>(app: &App, theme: &Theme, room: usize) -> Vec<Span<'a>> {
    let zoom = app.zoom.then(|| format!(" │ zoom: {}", app.focus.title()));
    let dataset = format!(" │ dataset as of {}", app.data.info.as_of);
    let help = Some(" │ ? help".to_string());
    let full: [Option<String>; 3] = [zoom.clone(), Some(dataset), help.clone()];
    let fewer = [zoom.clone(), None, help];
    let zoom_only = [zoom, None, None];
    let short_zoom = [app.zoom.then(|| " │ zoom".to_string()), None, None];
    let candidates = [full, fewer, zoom_only, short_zoom, [None, None, None]];
    for with_host in [true, false] {
        for extra in &candidates {
            let mut spans = hosts::title_spans(app, theme, with_host);
            spans.extend(extra.iter().flatten().map(|t| Span::raw(t.clone())));
            spans.push(Span::raw(" "));
            if Line::from(spans.clone()).width() <= room {
                return spans;
            }
        }
    }
    hosts::title_spans(app, theme, false)
}

/// A pane's border: its number and name, what it shows. The focused pane's is thick,
/// bold and coloured, and its title starts with `▶`: focus shows without colour too.
pub(crate) fn pane_block<'a>(app: &App, pane: Pane, what: &str, theme: &Theme) -> Border<'a> {
    let focused = app.focus == pane;
    let marker = if focused { FOCUS_MARK } else { "" };
    Border::new(
        Line::from(vec![
            Span::styled(
                format!(" {marker}{} {} ", pane.number(), pane.title()),
                theme.pane_title(focused),
            ),
            Span::styled(format!(" {what} "), theme.label()),
        ]),
        theme.border(focused),
    )
    .thick(focused)
}

/// How many columns `pane_block` leaves for `what` in a pane `width` wide: its top
/// border less the corners, the pane's name (and focus mark) and the spaces around each.
pub(crate) fn title_room(app: &App, pane: Pane, width: usize) -> usize {
    let marker = if app.focus == pane { FOCUS_MARK } else { "" };
    let name = format!(" {marker}{} {} ", pane.number(), pane.title());
    width.saturating_sub(format::width(&name) + 4)
}

/// Before the focused pane's title.
const FOCUS_MARK: &str = "▶ ";

/// "more below: PgDn" on the bottom border of `popup`, right-aligned: the overlay's text
/// goes on past what it shows.
pub(crate) fn more_below(f: &mut Frame, popup: Rect, keys: &str, theme: &Theme) {
    let more = Line::styled(format!(" more below: {keys} "), theme.dim());
    let bottom = Rect {
        y: popup.y + popup.height - 1,
        height: 1,
        width: popup.width.saturating_sub(1),
        ..popup
    };
    f.render_widget(
        Plain::new(more).alignment(ratatui::layout::Alignment::Right),
        bottom,
    );
}

/// A rectangle of `percent_x` by `percent_y` of `area`, centred.
pub(crate) fn centered(area: Rect, percent_x: u16, percent_y: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Percentage(percent_y)])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Percentage(percent_x)])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Below the minimum size: say how large the terminal must be; help still opens.
fn too_small(app: &App, f: &mut Frame, theme: &Theme) {
    let area = f.area();
    if app.mode() == Mode::Help {
        help::render(
            f,
            &app.keymap,
            app.help_page,
            app.host_shown(),
            app.overlay_scroll,
            area,
            theme,
        );
        return;
    }
    let text = vec![
        Line::styled("Terminal too small", theme.warning()),
        Line::raw(format!(
            "{}×{} now; needs at least {}×{}",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        )),
        Line::styled("q: quit · ?: help", theme.dim()),
    ];
    let height = (text.len() as u16).min(area.height);
    let [middle] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    f.render_widget(
        Paragraph::new(text)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        middle,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};
    use crate::data::Dataset;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::style::Modifier;

    /// The screen of `app` at 120×40, without colour: what shows must show by
    /// modifier and glyph.
    fn draw(app: &App) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| view(app, f)).unwrap();
        terminal.backend().buffer().clone()
    }

    fn area_of(app: &App, pane: Pane) -> Rect {
        let [_, body, _] = layout::screen(app, Rect::new(0, 0, 120, 40));
        layout::panes(app, body)
            .into_iter()
            .find(|(p, _)| *p == pane)
            .expect("the pane is shown")
            .1
    }

    /// The rows inside `pane` whose first cell has `modifier`.
    fn rows_with(buffer: &Buffer, app: &App, pane: Pane, modifier: Modifier) -> Vec<u16> {
        let inner = layout::inner(area_of(app, pane));
        (inner.top()..inner.bottom())
            .filter(|&y| buffer[(inner.x, y)].modifier.contains(modifier))
            .collect()
    }

    fn title(buffer: &Buffer, area: Rect) -> String {
        (area.left()..area.right())
            .map(|x| buffer[(x, area.y)].symbol())
            .collect()
    }

    /// The title bar's row of `app` on a screen `width` wide.
    fn title_row(app: &App, width: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, 24)).unwrap();
        terminal.draw(|f| view(app, f)).unwrap();
        title(terminal.backend().buffer(), Rect::new(0, 0, width, 1))
    }

    #[test]
    fn the_title_bar_fits_every_host_and_zoom_without_overlap() {
        let hosts = crate::data::Hosts::embedded().expect("the embedded datasets load");
        let config = crate::config::Config::defaults();
        let mut app = App::with_hosts(hosts, &config.start, config.keymap, |_| {});
        for choice in crate::app::HostChoice::ALL {
            app.change(|i| i.host = choice);
            for zoom in [false, true] {
                for pane in Pane::ALL {
                    update(&mut app, Action::Focus(pane));
                    app.zoom = zoom;
                    for width in [80, 100, 120, 200] {
                        let row = title_row(&app, width);
                        let seen = format!("{choice:?} zoom {zoom} {pane:?} at {width}: {row:?}");
                        assert!(
                            row.starts_with(" sma-dash ") || row.starts_with(" sma-dash │"),
                            "{seen}"
                        );
                        assert!(row.contains(&format!("year {} ", app.year)), "{seen}");
                        let host = match choice {
                            crate::app::HostChoice::Korea => "",
                            crate::app::HostChoice::Japan => "Japan │ year",
                            crate::app::HostChoice::Both => "Korea + Japan │ year",
                        };
                        assert!(row.contains(host), "{seen}");
                        // Room for the zoom at 80 columns, and for the rest wider.
                        assert_eq!(row.contains("│ zoom"), zoom, "{seen}");
                        if width >= 100 {
                            assert!(row.contains("? help"), "{seen}");
                        }
                        if zoom && width >= 100 {
                            assert!(row.contains(&format!("zoom: {}", pane.title())), "{seen}");
                        }
                        // The right part drawn whole after the left, not over it.
                        let marker = if host.is_empty() { "year " } else { host };
                        let at = row.find(marker).unwrap_or(0);
                        // A space at least between the two parts.
                        assert!(row[..at].ends_with(' '), "{seen}");
                        let before = row[..at].trim_end();
                        assert!(
                            before == " sma-dash"
                                || before == format!(" sma-dash │ {}", choice.title()),
                            "{seen}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn focus_and_selection_show_by_glyph_and_modifier_without_colour() {
        let mut app =
            crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"));
        app.color = false;
        // Costs as a table, so that every kind of selection is on screen.
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleTable);
        let selections = [Pane::Timeline, Pane::Costs, Pane::Assumptions];
        for focus in [Pane::Timeline, Pane::Costs, Pane::Assumptions] {
            update(&mut app, Action::Focus(focus));
            let buffer = draw(&app);
            for pane in Pane::ALL {
                let area = area_of(&app, pane);
                let corner = &buffer[(area.x, area.y)];
                let heading = title(&buffer, area);
                if pane == focus {
                    assert_eq!(corner.symbol(), "┏", "{pane:?} focused");
                    assert!(corner.modifier.contains(Modifier::BOLD));
                    assert!(
                        heading.contains(&format!("▶ {}", pane.number())),
                        "{heading}"
                    );
                } else {
                    assert_eq!(corner.symbol(), "┌", "{pane:?} with {focus:?} focused");
                    assert!(!corner.modifier.contains(Modifier::BOLD));
                    assert!(!heading.contains('▶'), "{heading}");
                }
                if !selections.contains(&pane) {
                    continue;
                }
                let reversed = rows_with(&buffer, &app, pane, Modifier::REVERSED);
                let underlined = rows_with(&buffer, &app, pane, Modifier::UNDERLINED);
                if pane == focus {
                    assert_eq!(reversed.len(), 1, "{pane:?} focused: {reversed:?}");
                    assert!(underlined.is_empty(), "{pane:?} focused: {underlined:?}");
                } else {
                    assert!(reversed.is_empty(), "{pane:?} with {focus:?}: {reversed:?}");
                    assert_eq!(underlined.len(), 1, "{pane:?} with {focus:?}");
                }
            }
        }
    }
}
