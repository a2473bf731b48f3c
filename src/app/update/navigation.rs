//! Moving about: focus and zoom, the year cursor, moving in a list, a table or an
//! overlay by rows, pages and to either end, a click on a row, the timeline's viewport.

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        FocusNext => focus_by(app, 1),
        FocusPrev => focus_by(app, -1),
        Focus(p) => set(&mut app.focus, p),
        ToggleZoom => {
            app.zoom = !app.zoom;
            Effect::Redraw
        }
        MoveYear(delta) => move_year(app, delta),
        Move(delta) => move_by(app, delta),
        Page(pages) => page_by(app, pages),
        First => to_end(app, false),
        Last => to_end(app, true),
        SelectRow(i) => select_row(app, i as i64),
        _ => Effect::None,
    }
}

/// The runtime's measure of the timeline list: this many rows.
pub(super) fn set_viewport(app: &mut App, rows: usize) -> Effect {
    let changed = set(&mut app.timeline.viewport, rows.max(1));
    app.scroll_to_selection();
    changed
}

pub(super) fn focus_by(app: &mut App, delta: i32) -> Effect {
    let n = Pane::ALL.len() as i32;
    let i = Pane::ALL.iter().position(|p| *p == app.focus).unwrap_or(0) as i32;
    app.focus = Pane::ALL[(i + delta).rem_euclid(n) as usize];
    Effect::Redraw
}

pub(super) fn move_year(app: &mut App, delta: i32) -> Effect {
    let (first, last) = app.year_range();
    let year = (app.year + delta).clamp(first, last);
    if year == app.year {
        return Effect::None;
    }
    app.year = year;
    app.follow_year();
    Effect::Redraw
}

/// Selects row `i` (clamped) and moves the year cursor to its year.
pub(super) fn select_row(app: &mut App, i: i64) -> Effect {
    let last = app.timeline.rows.len() as i64 - 1;
    if last < 0 {
        return Effect::None;
    }
    let i = i.clamp(0, last) as usize;
    let before = (app.timeline.selected, app.year);
    if app.timeline.selected != i {
        // Another event's detail starts at its top.
        app.overlay_scroll = 0;
    }
    app.timeline.selected = i;
    if let Some(year) = timeline::row_year(&app.data, app.timeline.rows[i]) {
        let (first, last) = app.year_range();
        app.year = year.clamp(first, last);
    }
    app.scroll_to_selection();
    (before != (app.timeline.selected, app.year)).into()
}

/// What the list keys move: the timeline's rows, a chart's or table's years, the
/// assumptions, the lines of an overlay (the help, the detail).
pub(super) enum Target {
    Rows,
    Years,
    AssumptionRows,
    OverlayLines,
    /// The kind picker's rows.
    Kinds,
    /// The sources list's rows, or those of what a source supports.
    Sources,
    /// The list of share estimates.
    Shares,
}

pub(super) fn target(app: &App) -> Target {
    match app.mode() {
        Mode::Help | Mode::Detail => Target::OverlayLines,
        Mode::Kinds => Target::Kinds,
        Mode::Sources => Target::Sources,
        Mode::Shares if app.shares.whole => Target::OverlayLines,
        Mode::Shares => Target::Shares,
        _ => match app.focus {
            Pane::Timeline => Target::Rows,
            Pane::Assumptions if !app.is_table(Pane::Assumptions) => Target::AssumptionRows,
            _ => Target::Years,
        },
    }
}

/// Years a page moves in a chart or a table.
pub(super) const YEARS_A_PAGE: i32 = 10;

pub(super) fn move_by(app: &mut App, delta: i32) -> Effect {
    match target(app) {
        Target::Rows => select_row(app, app.timeline.selected as i64 + i64::from(delta)),
        Target::Years => move_year(app, delta),
        Target::AssumptionRows => {
            let last = app.assumption_rows().saturating_sub(1) as i64;
            let row = (app.assumption_row as i64 + i64::from(delta)).clamp(0, last) as usize;
            set(&mut app.assumption_row, row)
        }
        Target::OverlayLines => scroll_overlay(app, i64::from(delta)),
        Target::Kinds => {
            let last = app.picker_rows().len().saturating_sub(1) as i64;
            let row = (app.timeline.kind_cursor as i64 + i64::from(delta)).clamp(0, last);
            set(&mut app.timeline.kind_cursor, row as usize)
        }
        Target::Sources => {
            let row = app.sources.row() as i64 + i64::from(delta);
            let rows = app.sources.rows(app);
            app.sources.select(rows, row).into()
        }
        Target::Shares => shares::select(app, app.shares.cursor as i64 + i64::from(delta)),
    }
}

pub(super) fn page_by(app: &mut App, pages: i32) -> Effect {
    match target(app) {
        Target::Rows => {
            let page = app.timeline.viewport.max(1) as i64;
            select_row(app, app.timeline.selected as i64 + page * i64::from(pages))
        }
        Target::Years => move_year(app, YEARS_A_PAGE * pages),
        Target::AssumptionRows => move_by(app, pages * app.assumption_rows() as i32),
        Target::Kinds => move_by(app, pages * app.picker_rows().len() as i32),
        Target::Sources => move_by(app, pages * SOURCES_A_PAGE),
        Target::Shares => move_by(app, pages * shares::SHARES_A_PAGE),
        Target::OverlayLines => {
            scroll_overlay(app, i64::from(app.overlay_page.max(1)) * i64::from(pages))
        }
    }
}

/// `g` / `G`: the first or last row, year or line.
pub(super) fn to_end(app: &mut App, last: bool) -> Effect {
    let (first_year, last_year) = app.year_range();
    match target(app) {
        Target::Rows => select_row(
            app,
            if last {
                app.timeline.rows.len() as i64 - 1
            } else {
                0
            },
        ),
        Target::Years => {
            let year = if last { last_year } else { first_year };
            move_year(app, year - app.year)
        }
        Target::AssumptionRows => {
            let row = if last {
                app.assumption_rows().saturating_sub(1)
            } else {
                0
            };
            set(&mut app.assumption_row, row)
        }
        Target::OverlayLines => {
            let line = if last { app.overlay_max } else { 0 };
            set(&mut app.overlay_scroll, line)
        }
        Target::Kinds => {
            let row = if last {
                app.picker_rows().len().saturating_sub(1)
            } else {
                0
            };
            set(&mut app.timeline.kind_cursor, row)
        }
        Target::Sources => {
            let rows = app.sources.rows(app);
            app.sources
                .select(rows, if last { i64::MAX } else { 0 })
                .into()
        }
        Target::Shares => shares::select(app, if last { i64::MAX } else { 0 }),
    }
}

/// Rows a page moves in the sources list.
const SOURCES_A_PAGE: i32 = 8;

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn focus_cycles_both_ways_and_jumps() {
        let mut app = app();
        assert_eq!(app.focus, Pane::Timeline);
        update(&mut app, Action::FocusPrev);
        assert_eq!(app.focus, Pane::Assumptions);
        update(&mut app, Action::FocusNext);
        update(&mut app, Action::FocusNext);
        assert_eq!(app.focus, Pane::Costs);
        update(&mut app, Action::Focus(Pane::Troops));
        assert_eq!(app.focus, Pane::Troops);
        assert_eq!(update(&mut app, Action::Focus(Pane::Troops)), Effect::None);
    }

    #[test]
    fn zoom_toggles() {
        let mut app = app();
        update(&mut app, Action::ToggleZoom);
        assert!(app.zoom);
        update(&mut app, Action::ToggleZoom);
        assert!(!app.zoom);
    }

    #[test]
    fn year_cursor_moves_within_its_range_and_the_timeline_follows() {
        let mut app = app();
        let (first, last) = app.year_range();
        update(&mut app, Action::MoveYear(-8));
        assert_eq!(app.year, 2018);
        assert_eq!(selected_year(&app), Some(2018));
        update(&mut app, Action::MoveYear(-100));
        assert_eq!(app.year, first);
        assert_eq!(update(&mut app, Action::MoveYear(-1)), Effect::None);
        update(&mut app, Action::MoveYear(1000));
        assert_eq!(app.year, last);
    }

    #[test]
    fn selecting_an_event_moves_the_year_cursor() {
        let mut app = app();
        update(&mut app, Action::First);
        assert_eq!(app.timeline.selected, 0);
        assert_eq!(app.year, 1991);
        update(&mut app, Action::Last);
        assert_eq!(app.timeline.selected, app.timeline.rows.len() - 1);
        assert_eq!(
            Some(app.year),
            selected_year(&app).map(|y| y.min(app.year_range().1))
        );
        update(&mut app, Action::First);
        update(&mut app, Action::Move(1));
        assert_eq!(app.timeline.selected, 1);
        assert_eq!(Some(app.year), selected_year(&app));
        update(&mut app, Action::SelectRow(10));
        assert_eq!(app.timeline.selected, 10);
        assert_eq!(Some(app.year), selected_year(&app));
        assert_eq!(update(&mut app, Action::SelectRow(10)), Effect::None);
    }

    #[test]
    fn paging_moves_by_the_viewport_and_scrolls() {
        let mut app = app();
        reply(&mut app, Reply::TimelineViewport(7));
        update(&mut app, Action::First);
        update(&mut app, Action::Page(2));
        assert_eq!(app.timeline.selected, 14);
        assert_eq!(
            app.timeline.offset, 8,
            "the selection is the last row shown"
        );
        update(&mut app, Action::Page(-1));
        assert_eq!(app.timeline.selected, 7);
        assert_eq!(app.timeline.offset, 7);
    }

    #[test]
    fn the_list_keys_move_years_in_charts_and_tables_and_rows_in_lists() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        let (first, last) = app.year_range();
        update(&mut app, Action::First);
        assert_eq!(app.year, first);
        update(&mut app, Action::Move(1));
        assert_eq!(app.year, first + 1);
        update(&mut app, Action::Page(1));
        assert_eq!(app.year, first + 11);
        update(&mut app, Action::Last);
        assert_eq!(app.year, last);
        // The Assumptions pane: rows in its list, years in its table.
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::Last);
        assert_eq!(app.assumption_row, app.assumption_rows() - 1);
        update(&mut app, Action::ToggleTable);
        assert!(app.is_table(Pane::Assumptions));
        update(&mut app, Action::First);
        assert_eq!(app.year, first);
        assert_eq!(app.assumption_row, app.assumption_rows() - 1);
        update(&mut app, Action::StartInput);
        assert!(app.status.as_deref().unwrap().starts_with("t returns"));
        // The timeline is a list: t says so.
        update(&mut app, Action::Focus(Pane::Timeline));
        update(&mut app, Action::ToggleTable);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("the timeline is a list")
        );
        update(&mut app, Action::Last);
        assert_eq!(app.timeline.selected, app.timeline.rows.len() - 1);
    }
}
