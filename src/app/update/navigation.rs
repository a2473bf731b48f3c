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
}

pub(super) fn target(app: &App) -> Target {
    match app.mode() {
        Mode::Help | Mode::Detail => Target::OverlayLines,
        Mode::Kinds => Target::Kinds,
        Mode::Sources => Target::Sources,
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
            let last = app.timeline.kinds.len().saturating_sub(1) as i64;
            let row = (app.timeline.kind_cursor as i64 + i64::from(delta)).clamp(0, last);
            set(&mut app.timeline.kind_cursor, row as usize)
        }
        Target::Sources => {
            let row = app.sources.row() as i64 + i64::from(delta);
            app.sources.select(&app.data, row).into()
        }
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
        Target::Kinds => move_by(app, pages * app.timeline.kinds.len() as i32),
        Target::Sources => move_by(app, pages * SOURCES_A_PAGE),
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
                app.timeline.kinds.len().saturating_sub(1)
            } else {
                0
            };
            set(&mut app.timeline.kind_cursor, row)
        }
        Target::Sources => app
            .sources
            .select(&app.data, if last { i64::MAX } else { 0 })
            .into(),
    }
}

/// Rows a page moves in the sources list.
const SOURCES_A_PAGE: i32 = 8;
