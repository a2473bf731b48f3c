//! Where each pane goes, for every terminal size, and what a mouse position hits.

use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::app::{App, Pane};

/// Below this the dashboard does not fit; the screen says so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// On the widest screens, the columns past which the timeline and the right-hand
/// column (troops, assumptions) stop growing: a timeline row and the assumptions fit.
const TIMELINE_COLS: u16 = 66;
const RIGHT_COLS: u16 = 60;

/// Rows the timeline needs before its detail fits below the list.
const DETAIL_BELOW_FROM: u16 = 18;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The title bar, the panes' area and the status area: a line, or more for a long
/// message, taken from the panes.
pub fn screen(app: &App, area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(super::status::rows(app, area.width)),
    ])
    .areas(area)
}

/// Each pane shown and its area: all four, or the zoomed one alone. The four sit in
/// the order the focus keys number them, left to right and top to bottom.
pub fn panes(app: &App, body: Rect) -> Vec<(Pane, Rect)> {
    if app.zoom {
        return vec![(app.focus, body)];
    }
    use Constraint::{Fill, Length, Percentage};
    if body.width >= 160 && body.height >= 34 {
        // Three columns: the timeline, the costs, the troops above the assumptions. The
        // side columns stop growing where their text fits; the costs take the rest.
        let side = |cap: u16| Length((body.width * 3 / 10).min(cap));
        let [timeline, costs, right] =
            Layout::horizontal([side(TIMELINE_COLS), Fill(1), side(RIGHT_COLS)]).areas(body);
        // The assumptions as tall as their rows, up to two thirds: many saved
        // scenarios scroll rather than squeeze the troops out.
        let assumptions_rows = assumptions_height(app).min(body.height * 2 / 3);
        let [troops, assumptions] =
            Layout::vertical([Fill(1), Length(assumptions_rows)]).areas(right);
        vec![
            (Pane::Timeline, timeline),
            (Pane::Costs, costs),
            (Pane::Troops, troops),
            (Pane::Assumptions, assumptions),
        ]
    } else if body.width >= 110 {
        // The timeline on the left; the costs above the troops and assumptions.
        let [timeline, right] = Layout::horizontal([Percentage(40), Fill(1)]).areas(body);
        let [costs, bottom] = Layout::vertical([Percentage(52), Fill(1)]).areas(right);
        let [troops, assumptions] = Layout::horizontal([Percentage(45), Fill(1)]).areas(bottom);
        vec![
            (Pane::Timeline, timeline),
            (Pane::Costs, costs),
            (Pane::Troops, troops),
            (Pane::Assumptions, assumptions),
        ]
    } else {
        // Two by two.
        let [top, bottom] = Layout::vertical([Percentage(52), Fill(1)]).areas(body);
        let [timeline, costs] = Layout::horizontal([Percentage(50), Fill(1)]).areas(top);
        let [troops, assumptions] = Layout::horizontal([Percentage(50), Fill(1)]).areas(bottom);
        vec![
            (Pane::Timeline, timeline),
            (Pane::Costs, costs),
            (Pane::Troops, troops),
            (Pane::Assumptions, assumptions),
        ]
    }
}

/// Rows the Assumptions pane needs to show everything: its assumptions, a gap, the
/// heading and one row per scenario, inside the border.
fn assumptions_height(app: &App) -> u16 {
    (app.assumption_rows() + 2 + 2) as u16
}

/// Inside a pane's border.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// Inside a chart pane: the plot, a legend line and `value_rows` lines of the values at
/// the year cursor below it.
pub fn chart_areas(inner: Rect, value_rows: u16) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(value_rows),
    ])
    .areas(inner)
}

/// As [`chart_areas`], under a header line (the Costs pane's unit and basis).
pub fn chart_areas_under_header(inner: Rect, value_rows: u16) -> [Rect; 4] {
    let [header, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let [plot, legend, value] = chart_areas(rest, value_rows);
    [header, plot, legend, value]
}

/// The lines of values below the Troops chart: two where the pane has room.
pub fn troops_value_rows(inner: Rect) -> u16 {
    if inner.height >= 10 { 2 } else { 1 }
}

/// The timeline's list and, where there is room, the detail of the selection below it.
pub fn timeline_split(pane: Rect) -> (Rect, Option<Rect>) {
    let inner = inner(pane);
    if inner.height < DETAIL_BELOW_FROM {
        return (inner, None);
    }
    let [list, detail] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(inner);
    (list, Some(detail))
}

/// How many rows the timeline list shows on a screen of `size`.
pub fn timeline_viewport(app: &App, size: Rect) -> usize {
    let [_, body, _] = screen(app, size);
    panes(app, body)
        .into_iter()
        .find(|(p, _)| *p == Pane::Timeline)
        .map_or(0, |(_, area)| timeline_split(area).0.height as usize)
}

/// What a mouse position falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Pane(Pane),
    /// A row of the timeline list, by index into the rows.
    TimelineRow(usize),
}

pub fn hit(app: &App, size: Rect, column: u16, row: u16) -> Option<Hit> {
    if too_small(size) {
        return None;
    }
    let at = Position::new(column, row);
    let [_, body, _] = screen(app, size);
    let (pane, area) = panes(app, body)
        .into_iter()
        .find(|(_, area)| area.contains(at))?;
    if pane == Pane::Timeline {
        let (list, _) = timeline_split(area);
        if list.contains(at) {
            let i = app.timeline.offset + usize::from(row - list.y);
            if i < app.timeline.rows.len() {
                return Some(Hit::TimelineRow(i));
            }
        }
    }
    Some(Hit::Pane(pane))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn app() -> App {
        crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
    }

    /// Screens of every shape the layouts switch at, and past them: the common sizes,
    /// the edges of each layout, very wide and very tall.
    fn sizes() -> Vec<(u16, u16)> {
        let mut sizes = vec![
            (80, 24),
            (100, 30),
            (120, 40),
            (160, 50),
            (200, 60),
            (400, 120),
            (60, 20),
            (60, 120),
            (90, 200),
            (400, 20),
            (109, 36),
            (110, 36),
            (159, 36),
            (160, 35),
            (160, 36),
            (1000, 500),
        ];
        for width in (60..=420).step_by(7) {
            for height in [20, 24, 35, 36, 37, 50, 80] {
                sizes.push((width, height));
            }
        }
        sizes
    }

    #[test]
    fn panes_sit_in_reading_order_and_costs_is_widest_from_160_columns() {
        let app = app();
        for (width, height) in sizes() {
            let [_, body, _] = screen(&app, Rect::new(0, 0, width, height));
            let panes = panes(&app, body);
            let order: Vec<Pane> = panes.iter().map(|(p, _)| *p).collect();
            assert_eq!(order, Pane::ALL, "{width}×{height}");
            // Read left to right, top to bottom: each pane's top-left corner comes after
            // the one before it, on a lower row or further right on the same row.
            for pair in panes.windows(2) {
                let ((a, ra), (b, rb)) = (pair[0], pair[1]);
                assert!(
                    (rb.y, rb.x) > (ra.y, ra.x),
                    "{width}×{height}: {b:?} at {rb:?} reads before {a:?} at {ra:?}"
                );
            }
            // They tile the body: no overlap, nothing left over.
            let area: u32 = panes
                .iter()
                .map(|(_, r)| u32::from(r.width) * u32::from(r.height))
                .sum();
            assert_eq!(area, u32::from(body.width) * u32::from(body.height));
            if width >= 160 {
                let costs = panes[1].1.width;
                for (p, r) in &panes {
                    assert!(
                        *p == Pane::Costs || r.width < costs,
                        "{width}×{height}: {p:?} is {} wide, Costs {costs}",
                        r.width
                    );
                }
            }
        }
    }

    #[test]
    fn many_saved_scenarios_leave_the_troops_a_third_of_the_widest_layout() {
        let mut app = app();
        let saved =
            crate::app::SavedScenario::new("saved", "2026-11-27", app.inputs().assumptions.clone());
        app.saved = vec![saved; 40];
        let [_, body, _] = screen(&app, Rect::new(0, 0, 200, 40));
        let panes = panes(&app, body);
        let (troops, assumptions) = (panes[2].1, panes[3].1);
        assert!(troops.height >= body.height / 3, "{troops:?} in {body:?}");
        assert_eq!(troops.height + assumptions.height, body.height);
    }

    #[test]
    fn zoomed_the_focused_pane_takes_the_body() {
        let mut app = app();
        app.zoom = true;
        app.focus = Pane::Troops;
        let [_, body, _] = screen(&app, Rect::new(0, 0, 120, 40));
        assert_eq!(panes(&app, body), vec![(Pane::Troops, body)]);
    }
}
