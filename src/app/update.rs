//! `update`: the one place the state changes. Pure and synchronous: side effects are
//! returned as an `Effect` for the runtime to carry out.

use crate::econ::{Assumptions, Currency, Metric, ScenarioId, spec};

use super::timeline::{self, Row};
use super::{Action, App, AssumptionId, ChartStyle, Mode, Pane};

/// What the runtime should do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed: no redraw.
    None,
    Redraw,
    Quit,
}

impl From<bool> for Effect {
    fn from(changed: bool) -> Self {
        if changed {
            Effect::Redraw
        } else {
            Effect::None
        }
    }
}

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) -> Effect {
    // A message lasts until the user's next action; a layout change is not one.
    let had_status = match action {
        Action::TimelineViewport(_) => false,
        _ => app.status.take().is_some(),
    };
    let effect = apply(app, action);
    match effect {
        Effect::None if had_status || app.status.is_some() => Effect::Redraw,
        e => e,
    }
}

fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        Quit => Effect::Quit,
        ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Mode::Help) => None,
                _ => Some(Mode::Help),
            };
            Effect::Redraw
        }
        CloseOverlay => app.overlay.take().is_some().into(),
        FocusNext => focus_by(app, 1),
        FocusPrev => focus_by(app, -1),
        Focus(p) => set(&mut app.focus, p),
        ToggleZoom => {
            app.zoom = !app.zoom;
            Effect::Redraw
        }
        MoveYear(delta) => move_year(app, delta),
        MoveRow(delta) => select_row(app, app.timeline.selected as i64 + i64::from(delta)),
        MovePage(pages) => {
            let page = app.timeline.viewport.max(1) as i64;
            select_row(app, app.timeline.selected as i64 + page * i64::from(pages))
        }
        FirstRow => select_row(app, 0),
        LastRow => select_row(app, app.timeline.rows.len() as i64 - 1),
        JumpAgreement(direction) => jump_agreement(app, direction),
        SelectRow(i) => select_row(app, i as i64),
        ToggleDetail => {
            app.overlay = match app.overlay {
                Some(Mode::Detail) => None,
                _ => Some(Mode::Detail),
            };
            Effect::Redraw
        }
        CycleFilter => cycle_filter(app),
        StartSearch => {
            app.timeline.search = super::Search {
                query: String::new(),
                typing_from: Some(app.timeline.selected),
            };
            Effect::Redraw
        }
        SearchInput(c) => {
            app.timeline.search.query.push(c);
            search_as_typed(app)
        }
        SearchBackspace => {
            app.timeline.search.query.pop();
            search_as_typed(app)
        }
        SearchConfirm => {
            app.timeline.search.typing_from = None;
            report_matches(app);
            Effect::Redraw
        }
        SearchCancel => {
            if let Some(origin) = app.timeline.search.typing_from.take() {
                app.timeline.search.query.clear();
                select_row(app, origin as i64);
            }
            Effect::Redraw
        }
        SearchAgain(direction) => search_again(app, direction),
        CycleMetric => {
            let i = Metric::ALL
                .iter()
                .position(|m| *m == app.view.metric)
                .unwrap_or(0);
            app.view.metric = Metric::ALL[(i + 1) % Metric::ALL.len()];
            changed_view(app, format!("metric: {}", app.view.metric.label()))
        }
        ToggleCurrency => {
            app.view.currency = match app.view.currency {
                Currency::Krw => Currency::Usd,
                Currency::Usd => Currency::Krw,
            };
            let name = match app.view.currency {
                Currency::Krw => "won",
                Currency::Usd => "dollars",
            };
            changed_view(app, format!("currency: {name}"))
        }
        ToggleReal => {
            app.view.real = !app.view.real;
            let what = if app.view.real {
                format!("real: money of {}", app.assumptions.base_year)
            } else {
                "nominal".to_string()
            };
            changed_view(app, what)
        }
        ToggleChartStyle => {
            app.chart = match app.chart {
                ChartStyle::Bars => ChartStyle::Line,
                ChartStyle::Line => ChartStyle::Bars,
            };
            Effect::Redraw
        }
        ToggleProjections => {
            app.show_projections = !app.show_projections;
            let state = if app.show_projections { "on" } else { "off" };
            changed_view(app, format!("projections {state}"))
        }
        MoveAssumption(delta) => {
            let last = app.assumption_rows().saturating_sub(1) as i64;
            let row = (app.assumption_row as i64 + i64::from(delta)).clamp(0, last) as usize;
            if row == app.assumption_row {
                return Effect::None;
            }
            app.assumption_row = row;
            // Selecting a scenario charts it.
            if let Some(s) = selected_scenario(app) {
                app.scenario = s;
                app.recompute();
            }
            Effect::Redraw
        }
        StepAssumption { direction, big } => match app.selected_assumption() {
            Some(id) => {
                let before = app.assumptions.get(id);
                app.assumptions.step(id, direction, big);
                changed_assumption(app, id, before)
            }
            None => {
                app.status = Some("select an assumption (j/k) to change it".into());
                Effect::Redraw
            }
        },
        ResetAssumption => match app.selected_assumption() {
            Some(id) => {
                let before = app.assumptions.get(id);
                let default = Assumptions::from_history(&app.data).get(id);
                app.assumptions.set(id, default);
                changed_assumption(app, id, before)
            }
            None => Effect::None,
        },
        TimelineViewport(rows) => {
            let changed = set(&mut app.timeline.viewport, rows.max(1));
            app.scroll_to_selection();
            changed
        }
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> Effect {
    if *slot == value {
        Effect::None
    } else {
        *slot = value;
        Effect::Redraw
    }
}

fn focus_by(app: &mut App, delta: i32) -> Effect {
    let n = Pane::ALL.len() as i32;
    let i = Pane::ALL.iter().position(|p| *p == app.focus).unwrap_or(0) as i32;
    app.focus = Pane::ALL[(i + delta).rem_euclid(n) as usize];
    Effect::Redraw
}

fn move_year(app: &mut App, delta: i32) -> Effect {
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
fn select_row(app: &mut App, i: i64) -> Effect {
    let last = app.timeline.rows.len() as i64 - 1;
    if last < 0 {
        return Effect::None;
    }
    let i = i.clamp(0, last) as usize;
    let before = (app.timeline.selected, app.year);
    app.timeline.selected = i;
    if let Some(year) = timeline::row_year(&app.data, app.timeline.rows[i]) {
        let (first, last) = app.year_range();
        app.year = year.clamp(first, last);
    }
    app.scroll_to_selection();
    (before != (app.timeline.selected, app.year)).into()
}

fn jump_agreement(app: &mut App, direction: i32) -> Effect {
    let rows = &app.timeline.rows;
    let is_header = |r: &Row| matches!(r, Row::Agreement(_) | Row::Unattached);
    let here = app.timeline.selected;
    let target = if direction > 0 {
        (here + 1..rows.len()).find(|&i| is_header(&rows[i]))
    } else {
        // From inside a group, go to its own header first.
        (0..here).rev().find(|&i| is_header(&rows[i]))
    };
    match target {
        Some(i) => select_row(app, i as i64),
        None => Effect::None,
    }
}

fn cycle_filter(app: &mut App) -> Effect {
    let kinds = timeline::kinds_present(&app.data);
    let next = match app.timeline.filter {
        None => kinds.first().copied(),
        Some(k) => kinds
            .iter()
            .position(|x| *x == k)
            .and_then(|i| kinds.get(i + 1).copied()),
    };
    // Keep the same event selected when it is still shown.
    let keep = app.selected_row();
    app.timeline.filter = next;
    app.timeline.rows = timeline::rows(&app.data, next);
    let events = app
        .timeline
        .rows
        .iter()
        .filter(|r| matches!(r, Row::Event(_)))
        .count();
    app.status = Some(match next {
        Some(k) => format!("filter: {} ({events} events)", k.label()),
        None => format!("filter off ({events} events)"),
    });
    match keep.and_then(|r| app.timeline.rows.iter().position(|x| *x == r)) {
        Some(i) => {
            app.timeline.selected = i;
            app.scroll_to_selection();
        }
        None => {
            app.timeline.selected = 0;
            app.timeline.offset = 0;
            app.follow_year();
        }
    }
    Effect::Redraw
}

fn search_as_typed(app: &mut App) -> Effect {
    let origin = app
        .timeline
        .search
        .typing_from
        .unwrap_or(app.timeline.selected);
    let t = &app.timeline;
    match timeline::find(&app.data, &t.rows, &t.search.query, origin, 1) {
        Some(i) => {
            select_row(app, i as i64);
        }
        None => {
            if !t.search.query.is_empty() {
                app.status = Some(format!("no match for “{}”", t.search.query));
            }
            select_row(app, origin as i64);
        }
    }
    Effect::Redraw
}

fn search_again(app: &mut App, direction: i32) -> Effect {
    let t = &app.timeline;
    if t.search.query.is_empty() {
        app.status = Some("no search yet: press / to search".into());
        return Effect::Redraw;
    }
    let n = t.rows.len() as i64;
    if n == 0 {
        return Effect::None;
    }
    let start = (t.selected as i64 + i64::from(direction.signum())).rem_euclid(n) as usize;
    match timeline::find(&app.data, &t.rows, &t.search.query, start, direction) {
        Some(i) => {
            select_row(app, i as i64);
            report_matches(app);
        }
        None => app.status = Some(format!("no match for “{}”", t.search.query)),
    }
    Effect::Redraw
}

/// "match 2 of 5 for “Honolulu”".
fn report_matches(app: &mut App) {
    let t = &app.timeline;
    if t.search.query.is_empty() {
        return;
    }
    let hits: Vec<usize> = (0..t.rows.len())
        .filter(|&i| timeline::matches(&app.data, t.rows[i], &t.search.query))
        .collect();
    app.status = Some(match hits.iter().position(|&i| i == t.selected) {
        Some(k) => format!("match {} of {} for “{}”", k + 1, hits.len(), t.search.query),
        None => format!("no match for “{}”", t.search.query),
    });
}

fn changed_view(app: &mut App, message: String) -> Effect {
    app.recompute();
    app.status = Some(message);
    Effect::Redraw
}

fn changed_assumption(app: &mut App, id: AssumptionId, before: f64) -> Effect {
    let after = app.assumptions.get(id);
    let s = spec(id);
    if after == before {
        app.status = Some(format!("{}: {} (limit)", s.label, s.format(after)));
        return Effect::Redraw;
    }
    app.recompute();
    app.status = Some(format!(
        "{}: {} → {}",
        s.label,
        s.format(before),
        s.format(after)
    ));
    Effect::Redraw
}

fn selected_scenario(app: &App) -> Option<ScenarioId> {
    let i = app.assumption_row.checked_sub(AssumptionId::ALL.len())?;
    app.projections.get(i).map(|p| p.scenario)
}
