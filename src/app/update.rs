//! `update`: the one place the state changes. Pure and synchronous: side effects are
//! returned as an `Effect` for the runtime to carry out.

use crate::econ::{Assumptions, Currency, ScenarioId, spec};
use crate::report::export::{ExportOptions, Series, Table, cost_table, export};

use super::timeline::{self, Row};
use super::{Action, App, AssumptionId, ChartStyle, Mode, Pane, SavedScenario};

/// What the runtime should do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing changed: no redraw.
    None,
    Redraw,
    Quit,
    /// Save these assumptions under this name; the runtime answers with `Action::Saved`.
    SaveScenario {
        name: String,
        assumptions: Assumptions,
    },
    /// Write this table as CSV; the runtime answers with `Action::Exported`.
    Export(ExportRequest),
}

/// A table to write, and what it holds, for the file's name ("costs").
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub what: &'static str,
    pub table: Table,
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
            app.help_scroll = 0;
            Effect::Redraw
        }
        ScrollHelp(delta) => {
            // The help is at most a few dozen lines; the view stops at its end.
            let max = app.keymap.bindings.len() as i32 * 2;
            let next = (i32::from(app.help_scroll) + delta).clamp(0, max) as u16;
            set(&mut app.help_scroll, next)
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
            app.view = app.view.next_metric();
            changed_view(app, format!("metric: {}", app.view.metric_label()))
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
        ToggleTroopHistory => {
            app.troop_history = !app.troop_history;
            // Back inside the range if the cursor was on a year no longer shown.
            let (first, last) = app.year_range();
            let year = app.year.clamp(first, last);
            if year != app.year {
                app.year = year;
                app.follow_year();
            }
            app.status = Some(if app.troop_history {
                format!("troops: all years since {first}")
            } else {
                format!("troops: since the 1st SMA ({first})")
            });
            Effect::Redraw
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
        ApplySaved => match app.selected_saved().cloned() {
            Some(s) => {
                app.status = Some(format!("applied “{}” (saved {})", s.name, s.date()));
                app.assumptions = s.assumptions;
                app.recompute();
                Effect::Redraw
            }
            None => {
                app.status = Some(if app.saved.is_empty() {
                    "no saved scenarios yet: s saves the assumptions".into()
                } else {
                    "Enter applies a saved scenario: select one under Saved".into()
                });
                Effect::Redraw
            }
        },
        TimelineViewport(rows) => {
            let changed = set(&mut app.timeline.viewport, rows.max(1));
            app.scroll_to_selection();
            changed
        }
        StartSave => {
            app.save_name = Some(default_name(&app.saved));
            Effect::Redraw
        }
        SaveNameInput(c) => {
            if let Some(name) = &mut app.save_name {
                name.push(c);
            }
            Effect::Redraw
        }
        SaveNameBackspace => {
            if let Some(name) = &mut app.save_name {
                name.pop();
            }
            Effect::Redraw
        }
        SaveConfirm => {
            let name = app.save_name.take().unwrap_or_default();
            let name = name.trim();
            if name.is_empty() {
                app.status = Some("not saved: a scenario needs a name".into());
                return Effect::Redraw;
            }
            Effect::SaveScenario {
                name: name.to_string(),
                assumptions: app.assumptions.clone(),
            }
        }
        SaveCancel => {
            app.save_name = None;
            app.status = Some("not saved".into());
            Effect::Redraw
        }
        Export => Effect::Export(export_request(app)),
        Saved(Ok(report)) => {
            app.saved = report.scenarios;
            app.assumption_row = app
                .assumption_row
                .min(app.assumption_rows().saturating_sub(1));
            let verb = if report.replaced { "replaced" } else { "saved" };
            let mut message = format!("{verb} “{}” in {}", report.name, report.path.display());
            if let Some(warning) = report.warning {
                message = format!("{message}; {warning}");
            }
            app.status = Some(message);
            Effect::Redraw
        }
        Saved(Err(e)) => {
            app.status = Some(format!("not saved: {e}"));
            Effect::Redraw
        }
        Exported(Ok(path)) => {
            app.status = Some(format!("exported {}", path.display()));
            Effect::Redraw
        }
        Exported(Err(e)) => {
            app.status = Some(format!("export failed: {e}"));
            Effect::Redraw
        }
    }
}

/// "scenario 1", or the first number not yet saved.
fn default_name(saved: &[SavedScenario]) -> String {
    (1..)
        .map(|n| format!("scenario {n}"))
        .find(|name| !saved.iter().any(|s| &s.name == name))
        .expect("some number is free")
}

/// The focused pane's data as a table: the Costs pane's series as it shows it, the
/// dataset's events or troops, or every scenario's projection.
fn export_request(app: &App) -> ExportRequest {
    let whole = |series| {
        export(
            &app.data,
            &app.assumptions,
            series,
            ExportOptions::default(),
        )
    };
    let (what, table) = match app.focus {
        Pane::Timeline => ("events", whole(Series::Events)),
        Pane::Costs => (
            "costs",
            cost_table(
                &app.data,
                &app.assumptions,
                &app.costs,
                &app.view,
                Some(app.scenario),
            ),
        ),
        Pane::Troops => ("troops", whole(Series::Troops)),
        Pane::Assumptions => ("projections", whole(Series::Projections)),
    };
    ExportRequest { what, table }
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
    app.timeline
        .set_rows(&app.data, timeline::rows(&app.data, next));
    let events = app.timeline.index.events;
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
    let found = app.timeline.find(&app.data, origin, 1);
    let t = &app.timeline;
    match found {
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
    match app.timeline.find(&app.data, start, direction) {
        Some(i) => {
            select_row(app, i as i64);
            report_matches(app);
        }
        None => {
            let query = &app.timeline.search.query;
            app.status = Some(format!("no match for “{query}”"));
        }
    }
    Effect::Redraw
}

/// "match 2 of 5 for “Honolulu”".
fn report_matches(app: &mut App) {
    if app.timeline.search.query.is_empty() {
        return;
    }
    let selected = app.timeline.selected;
    let hits = app.timeline.hits(&app.data);
    let (position, total) = (hits.binary_search(&selected).ok(), hits.len());
    let query = &app.timeline.search.query;
    app.status = Some(match position {
        Some(k) => format!("match {} of {total} for “{query}”", k + 1),
        None => format!("no match for “{query}”"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, EventKind};
    use crate::econ::{AssumptionId, Currency, Metric, ScenarioId, TroopBasis};

    fn app() -> App {
        App::new(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn selected_year(app: &App) -> Option<i32> {
        app.selected_row()
            .and_then(|r| timeline::row_year(&app.data, r))
    }

    fn cost(app: &App, year: i32) -> f64 {
        app.costs
            .iter()
            .find(|p| p.year == year)
            .and_then(|p| p.value)
            .unwrap_or_else(|| panic!("a cost value for {year}"))
    }

    fn search(app: &mut App, text: &str) {
        update(app, Action::StartSearch);
        for c in text.chars() {
            update(app, Action::SearchInput(c));
        }
    }

    #[test]
    fn quit_asks_the_runtime_to_quit() {
        assert_eq!(update(&mut app(), Action::Quit), Effect::Quit);
    }

    #[test]
    fn help_toggles_and_escape_closes_it() {
        let mut app = app();
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Help);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Dashboard);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(update(&mut app, Action::CloseOverlay), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(update(&mut app, Action::CloseOverlay), Effect::None);
    }

    #[test]
    fn help_scrolls_and_reopens_at_the_top() {
        let mut app = app();
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::ScrollHelp(3));
        assert_eq!(app.help_scroll, 3);
        assert_eq!(update(&mut app, Action::ScrollHelp(-5)), Effect::Redraw);
        assert_eq!(app.help_scroll, 0);
        assert_eq!(update(&mut app, Action::ScrollHelp(-1)), Effect::None);
        update(&mut app, Action::ScrollHelp(2));
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.help_scroll, 0);
    }

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
    fn the_troop_history_toggle_lets_the_cursor_reach_1950_and_takes_it_back() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Troops));
        assert_eq!(app.year_range().0, 1991);
        assert_eq!(
            app.keymap
                .action(super::super::Key::char('a'), Mode::Dashboard, Pane::Troops),
            Some(Action::ToggleTroopHistory)
        );
        assert_eq!(update(&mut app, Action::ToggleTroopHistory), Effect::Redraw);
        assert!(app.troop_history);
        assert_eq!(app.year_range(), (1950, app.assumptions.horizon));
        assert_eq!(app.status.as_deref(), Some("troops: all years since 1950"));
        assert_eq!(app.year, 2026, "the cursor stays where it was");
        update(&mut app, Action::MoveYear(-1000));
        assert_eq!(app.year, 1950);
        assert_eq!(app.cost_at_cursor(), None, "no contribution before 1991");
        assert_eq!(app.troops_at_cursor().map(|p| p.counted), Some(Some(510)));
        // The timeline goes to the first event after 1950: the earliest.
        let earliest = (0..app.timeline.rows.len())
            .filter_map(|i| timeline::row_year(&app.data, app.timeline.rows[i]))
            .min();
        assert_eq!(selected_year(&app), earliest);
        update(&mut app, Action::MoveYear(5));
        assert_eq!(app.year, 1955);
        // Off again: the cursor comes back to the first year shown, and the timeline
        // with it.
        update(&mut app, Action::ToggleTroopHistory);
        assert!(!app.troop_history);
        assert_eq!(app.year, 1991);
        assert_eq!(selected_year(&app), Some(1991));
        assert_eq!(
            app.status.as_deref(),
            Some("troops: since the 1st SMA (1991)")
        );
        update(&mut app, Action::MoveYear(-1));
        assert_eq!(app.year, 1991);
        // A year still in range is kept.
        update(&mut app, Action::ToggleTroopHistory);
        update(&mut app, Action::MoveYear(20));
        update(&mut app, Action::ToggleTroopHistory);
        assert_eq!(app.year, 2011);
    }

    #[test]
    fn selecting_an_event_moves_the_year_cursor() {
        let mut app = app();
        update(&mut app, Action::FirstRow);
        assert_eq!(app.timeline.selected, 0);
        assert_eq!(app.year, 1991);
        update(&mut app, Action::LastRow);
        assert_eq!(app.timeline.selected, app.timeline.rows.len() - 1);
        assert_eq!(
            Some(app.year),
            selected_year(&app).map(|y| y.min(app.year_range().1))
        );
        update(&mut app, Action::FirstRow);
        update(&mut app, Action::MoveRow(1));
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
        update(&mut app, Action::TimelineViewport(7));
        update(&mut app, Action::FirstRow);
        update(&mut app, Action::MovePage(2));
        assert_eq!(app.timeline.selected, 14);
        assert_eq!(
            app.timeline.offset, 8,
            "the selection is the last row shown"
        );
        update(&mut app, Action::MovePage(-1));
        assert_eq!(app.timeline.selected, 7);
        assert_eq!(app.timeline.offset, 7);
    }

    #[test]
    fn brackets_jump_between_agreements() {
        let mut app = app();
        update(&mut app, Action::FirstRow);
        update(&mut app, Action::JumpAgreement(1));
        assert_eq!(app.selected_row(), Some(Row::Agreement(1)));
        assert_eq!(app.year, app.data.agreements[1].first_year);
        update(&mut app, Action::MoveRow(1));
        update(&mut app, Action::JumpAgreement(-1));
        assert_eq!(app.selected_row(), Some(Row::Agreement(1)));
        update(&mut app, Action::JumpAgreement(-1));
        assert_eq!(app.selected_row(), Some(Row::Agreement(0)));
        assert_eq!(update(&mut app, Action::JumpAgreement(-1)), Effect::None);
    }

    #[test]
    fn enter_opens_and_closes_the_detail() {
        let mut app = app();
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Detail);
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn the_filter_cycles_through_the_kinds_present_and_back() {
        let mut app = app();
        let all = app.timeline.rows.len();
        update(&mut app, Action::CycleFilter);
        assert_eq!(app.timeline.filter, Some(EventKind::Round));
        for row in &app.timeline.rows {
            if let Row::Event(i) = row {
                assert_eq!(app.data.events[*i].kind, EventKind::Round);
            }
        }
        assert!(app.status.as_deref().unwrap().starts_with("filter: round"));
        let kinds = timeline::kinds_present(&app.data).len();
        for _ in 0..kinds {
            update(&mut app, Action::CycleFilter);
        }
        assert_eq!(app.timeline.filter, None);
        assert_eq!(app.timeline.rows.len(), all);
    }

    #[test]
    fn search_finds_the_10th_sma_first_round_and_moves_between_matches() {
        let mut app = app();
        update(&mut app, Action::FirstRow);
        search(&mut app, "honolulu");
        assert_eq!(app.mode(), Mode::Search);
        let Some(Row::Event(i)) = app.selected_row() else {
            panic!("an event is selected");
        };
        let e = &app.data.events[i];
        assert_eq!((e.agreement.as_deref(), e.round), (Some("sma-10"), Some(1)));
        assert!(e.people.iter().any(|p| p == "Chang Won-sam"));
        assert_eq!(app.year, 2018, "the cursor follows the match");
        update(&mut app, Action::SearchConfirm);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert!(app.status.as_deref().unwrap().starts_with("match 1 of"));
        let first = app.timeline.selected;
        update(&mut app, Action::SearchAgain(1));
        assert!(app.timeline.selected > first);
        assert!(app.status.as_deref().unwrap().starts_with("match 2 of"));
        update(&mut app, Action::SearchAgain(-1));
        assert_eq!(app.timeline.selected, first);
    }

    #[test]
    fn cancelling_a_search_restores_the_selection() {
        let mut app = app();
        update(&mut app, Action::FirstRow);
        search(&mut app, "Betts");
        assert_ne!(app.timeline.selected, 0);
        update(&mut app, Action::SearchBackspace);
        assert_eq!(app.timeline.search.query, "Bett");
        update(&mut app, Action::SearchCancel);
        assert_eq!(app.timeline.selected, 0);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert!(app.timeline.search.query.is_empty());
        update(&mut app, Action::SearchAgain(1));
        assert!(app.status.as_deref().unwrap().contains("no search"));
    }

    #[test]
    fn a_search_with_no_match_says_so_and_stays() {
        let mut app = app();
        let before = app.timeline.selected;
        search(&mut app, "zzzqqq");
        assert_eq!(app.timeline.selected, before);
        assert!(app.status.as_deref().unwrap().starts_with("no match"));
    }

    /// The charted value for `year`, if the metric has one.
    fn value_in(app: &App, year: i32) -> Option<f64> {
        app.costs
            .iter()
            .find(|p| p.year == year)
            .and_then(|p| p.value)
    }

    #[test]
    fn chart_toggles_recompute_the_series() {
        let mut app = app();
        let won_2019 = cost(&app, 2019);
        assert!((won_2019 - 1038.9).abs() < 1e-9, "1,038.9 bn won in 2019");
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.view.metric, Metric::YearOnYear);
        assert!((cost(&app, 2019) - 8.2).abs() < 0.05, "+8.2 % in 2019");
        // Per service member on the DMDC count: no count past 2025.
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.view.troops, TroopBasis::Counted);
        assert!((cost(&app, 2018) - 960.2 * 1000.0 / 25_813.0).abs() < 1e-9);
        assert_eq!(value_in(&app, 2030), None);
        // Then on the headline level, which covers the projected years too.
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.view.metric, Metric::PerServiceMember);
        assert_eq!(app.view.troops, TroopBasis::Headline);
        assert!((cost(&app, 2018) - 960.2 * 1000.0 / 28_500.0).abs() < 1e-9);
        assert!(value_in(&app, 2030).is_some());
        for _ in 0..2 {
            update(&mut app, Action::CycleMetric);
        }
        assert_eq!(app.view.metric, Metric::Contribution);
        update(&mut app, Action::ToggleCurrency);
        assert_eq!(app.view.currency, Currency::Usd);
        assert!(
            cost(&app, 2019) < won_2019,
            "$ millions are fewer than bn won"
        );
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleReal);
        assert!(app.view.real);
        assert!(
            cost(&app, 2019) > won_2019,
            "2019 won are worth more in later money"
        );
        update(&mut app, Action::ToggleReal);
        update(&mut app, Action::ToggleChartStyle);
        assert_eq!(app.chart, ChartStyle::Line);
        assert!(app.costs.iter().any(|p| p.projected));
        update(&mut app, Action::ToggleProjections);
        assert!(!app.costs.iter().any(|p| p.projected));
        assert_eq!(app.status.as_deref(), Some("projections off"));
    }

    #[test]
    fn stepping_korean_cpi_changes_the_2030_projection_and_totals_live() {
        let mut app = app();
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KoreanCpi));
        let before = cost(&app, 2030);
        let total_before = app.totals[0].span;
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert!(cost(&app, 2030) > before);
        assert!(app.totals[0].span > total_before);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("Korean CPI inflation")
        );
        let raised = app.assumptions.korean_cpi.flat;
        update(
            &mut app,
            Action::StepAssumption {
                direction: -1,
                big: false,
            },
        );
        assert!((app.assumptions.korean_cpi.flat - (raised - 0.1)).abs() < 1e-9);
        update(&mut app, Action::ResetAssumption);
        assert_eq!(cost(&app, 2030), before);
    }

    #[test]
    fn the_horizon_extends_the_series_and_the_cursor_range() {
        let mut app = app();
        while app.selected_assumption() != Some(AssumptionId::Horizon) {
            update(&mut app, Action::MoveAssumption(1));
        }
        let last = app.year_range().1;
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert_eq!(app.year_range().1, last + 5);
        assert_eq!(app.costs.last().map(|p| p.year), Some(last + 5));
        update(&mut app, Action::MoveYear(1000));
        update(
            &mut app,
            Action::StepAssumption {
                direction: -1,
                big: true,
            },
        );
        assert_eq!(app.year, last, "the cursor is pulled back inside the range");
    }

    #[test]
    fn selecting_a_scenario_charts_it_and_steps_do_not_apply_to_it() {
        let mut app = app();
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::MoveAssumption(n + 3));
        assert_eq!(app.scenario, ScenarioId::Demand10bn);
        assert!(
            cost(&app, 2030) > 10_000.0,
            "$10 bn a year is over 10,000 bn won"
        );
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: false,
            },
        );
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("select an assumption")
        );
        assert_eq!(
            update(&mut app, Action::MoveAssumption(100)),
            Effect::Redraw
        );
        assert_eq!(update(&mut app, Action::MoveAssumption(1)), Effect::None);
    }

    #[test]
    fn a_viewport_change_keeps_the_selection_visible_and_the_message() {
        let mut app = app();
        update(&mut app, Action::LastRow);
        app.status = Some("kept".into());
        update(&mut app, Action::TimelineViewport(5));
        let t = &app.timeline;
        assert!(t.offset <= t.selected && t.selected < t.offset + 5);
        assert_eq!(app.status.as_deref(), Some("kept"));
    }

    fn type_keys(app: &mut App, keys: &[Action]) -> Vec<Effect> {
        keys.iter().map(|a| update(app, a.clone())).collect()
    }

    /// The 12th SMA rule's 2030 projection, in 100 million won.
    fn sma12_2030(app: &App) -> f64 {
        app.projections
            .iter()
            .find(|p| p.scenario == ScenarioId::CurrentAgreement)
            .and_then(|p| p.at(2030))
            .map(|y| y.krw_100m)
            .expect("a 2030 projection")
    }

    fn saved(name: &str, assumptions: Assumptions) -> SavedScenario {
        SavedScenario {
            name: name.into(),
            saved: "2026-11-27T10:00:00Z".into(),
            assumptions,
        }
    }

    fn report(scenarios: Vec<SavedScenario>, replaced: bool) -> super::super::SaveReport {
        super::super::SaveReport {
            name: scenarios.last().unwrap().name.clone(),
            path: "/data/sma-dash/scenarios.toml".into(),
            replaced,
            scenarios,
            warning: None,
        }
    }

    #[test]
    fn s_opens_a_prompt_and_enter_asks_to_save_the_assumptions_in_use() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert_eq!(update(&mut app, Action::StartSave), Effect::Redraw);
        assert_eq!(app.mode(), Mode::SaveName);
        assert_eq!(app.save_name.as_deref(), Some("scenario 1"));
        // Replace the default with a name of one's own.
        type_keys(&mut app, &vec![Action::SaveNameBackspace; 10]);
        assert_eq!(app.save_name.as_deref(), Some(""));
        let typed: Vec<Action> = "hot 2030 ".chars().map(Action::SaveNameInput).collect();
        type_keys(&mut app, &typed);
        let effect = update(&mut app, Action::SaveConfirm);
        assert_eq!(
            effect,
            Effect::SaveScenario {
                name: "hot 2030".into(),
                assumptions: app.assumptions.clone(),
            }
        );
        let Effect::SaveScenario { assumptions, .. } = effect else {
            unreachable!()
        };
        let default = Assumptions::from_history(&app.data).korean_cpi.flat;
        assert!(
            (assumptions.korean_cpi.flat - (default + 1.0)).abs() < 1e-9,
            "the raised CPI"
        );
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn esc_cancels_the_save_and_an_empty_name_saves_nothing() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        assert_eq!(update(&mut app, Action::SaveCancel), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.status.as_deref(), Some("not saved"));
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &vec![Action::SaveNameBackspace; 12]);
        assert_eq!(update(&mut app, Action::SaveConfirm), Effect::Redraw);
        assert!(app.status.as_deref().unwrap().contains("needs a name"));
    }

    #[test]
    fn the_runtime_report_lists_the_saved_and_names_the_next_default() {
        let mut app = app();
        let first = saved("scenario 1", app.assumptions.clone());
        update(
            &mut app,
            Action::Saved(Ok(report(vec![first.clone()], false))),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("saved “scenario 1” in /data/sma-dash/scenarios.toml")
        );
        assert_eq!(app.saved, vec![first.clone()]);
        update(&mut app, Action::StartSave);
        assert_eq!(app.save_name.as_deref(), Some("scenario 2"));
        update(&mut app, Action::SaveCancel);
        update(&mut app, Action::Saved(Ok(report(vec![first], true))));
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("replaced “scenario 1”")
        );
        update(
            &mut app,
            Action::Saved(Err(
                "cannot write /x: disk full (the file is unchanged)".into()
            )),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("not saved: cannot write /x: disk full (the file is unchanged)")
        );
    }

    #[test]
    fn enter_on_a_saved_scenario_applies_it_and_everything_recomputes() {
        let mut app = app();
        let before = sma12_2030(&app);
        let cost_before = cost(&app, 2030);
        let mut hot = app.assumptions.clone();
        hot.korean_cpi = crate::econ::RatePath::parse("4.5,2028=4.9").unwrap();
        update(
            &mut app,
            Action::Saved(Ok(report(vec![saved("hot", hot.clone())], false))),
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        // On an assumption, Enter says how to apply.
        update(&mut app, Action::ApplySaved);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .contains("select one under Saved")
        );
        update(&mut app, Action::MoveAssumption(100));
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("hot"));
        assert_eq!(update(&mut app, Action::ApplySaved), Effect::Redraw);
        assert_eq!(app.assumptions, hot);
        assert_eq!(
            app.status.as_deref(),
            Some("applied “hot” (saved 2026-11-27)")
        );
        let after = sma12_2030(&app);
        assert!(after > before, "2030 at 4.5–4.9 % CPI: {after} > {before}");
        // 2026's amount escalated each year by the CPI of two years before, at most 5 %:
        // 2025's recorded 2.1 %, then the saved 4.5 %, 4.5 % and, for 2028, 4.9 %.
        let base = app
            .projections
            .iter()
            .find(|p| p.scenario == ScenarioId::CurrentAgreement)
            .and_then(|p| p.at(2026))
            .unwrap()
            .krw_100m;
        let expected = base * 1.021 * 1.045f64.powi(2) * 1.049;
        assert!(
            ((after - expected) / expected).abs() < 0.001,
            "{after} vs {expected}"
        );
        assert!(cost(&app, 2030) > cost_before, "the Costs pane follows");
    }

    fn csv_of(effect: Effect) -> (String, String) {
        match effect {
            Effect::Export(r) => (r.what.to_string(), r.table.to_csv()),
            other => panic!("expected an export, found {other:?}"),
        }
    }

    /// The cells of the CSV row for `year`, by column name.
    fn row(csv: &str, year: i32) -> std::collections::HashMap<String, String> {
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let line = lines
            .find(|l| l.starts_with(&format!("{year},")))
            .unwrap_or_else(|| panic!("a row for {year}"));
        header
            .iter()
            .map(|h| h.to_string())
            .zip(line.split(',').map(str::to_string))
            .collect()
    }

    #[test]
    fn e_exports_the_costs_as_the_pane_shows_them() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "costs");
        let r = row(&csv, 2019);
        assert_eq!(
            (r["value"].as_str(), r["unit"].as_str()),
            ("1038.9", "billion won")
        );
        assert_eq!(r["kind"], "recorded");
        assert_eq!(row(&csv, 2030)["kind"], "projected");
        assert_eq!(row(&csv, 2030)["scenario"], "12th-sma");

        update(&mut app, Action::ToggleCurrency);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        let r = row(&csv, 2019);
        assert_eq!(r["unit"], "million $");
        assert_eq!(r["value"], format!("{:.1}", cost(&app, 2019)));
        let usd: f64 = r["value"].parse().unwrap();
        assert!(
            (800.0..1000.0).contains(&usd),
            "1,038.9 bn won is about $890 m: {usd}"
        );

        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleReal);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        let r = row(&csv, 2019);
        assert_eq!(
            r["unit"],
            format!("billion won of {}", app.assumptions.base_year)
        );
        assert_eq!(r["value"], format!("{:.1}", cost(&app, 2019)));
        assert!(r["value"].parse::<f64>().unwrap() > 1038.9);

        update(&mut app, Action::ToggleProjections);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        assert!(
            !csv.contains(",projected,"),
            "no projected rows with projections off"
        );
    }

    #[test]
    fn e_exports_each_pane_s_own_data() {
        let mut app = app();
        for (pane, what, first_column) in [
            (Pane::Timeline, "events", "id"),
            (Pane::Troops, "troops", "year"),
            (Pane::Assumptions, "projections", "year"),
        ] {
            update(&mut app, Action::Focus(pane));
            let (w, csv) = csv_of(update(&mut app, Action::Export));
            assert_eq!(w, what);
            assert!(csv.starts_with(first_column), "{csv}");
        }
        update(
            &mut app,
            Action::Exported(Ok("./sma-dash-troops.csv".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("exported ./sma-dash-troops.csv")
        );
        update(
            &mut app,
            Action::Exported(Err("cannot write in /ro: denied".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("export failed: cannot write in /ro: denied")
        );
    }
}
