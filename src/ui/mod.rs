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
            help::limits(&app.keymap, app.help_page, area)
        }
    }
}

/// The title bar: the name on the left, the year cursor and the dataset on the right;
/// the long name goes first when the width runs out.
fn render_title(f: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let mut right = hosts::title_spans(app, theme);
    if app.zoom {
        right.push(Span::raw(format!(" │ zoom: {}", app.focus.title())));
    }
    right.push(Span::raw(format!(
        " │ dataset as of {} │ ? help ",
        app.data.info.as_of
    )));
    let right = Line::from(right);
    let name = format!(" {}", app.host_shown().title());
    let name = name.as_str();
    let room = area.width as usize;
    let mut left = vec![Span::styled(" sma-dash", theme.bold())];
    if right.width() + 10 + format::width(name) <= room {
        left.push(Span::raw(format!(" │{name}")));
    }
    f.render_widget(Plain::new(Line::from(left)).style(theme.title_bar()), area);
    f.render_widget(
        Plain::new(right)
            .alignment(ratatui::layout::Alignment::Right)
            .style(theme.title_bar()),
        area,
    );
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
