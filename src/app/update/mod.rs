//! `update`: the one place the state changes. Pure and synchronous: side effects are
//! returned as an `Effect` for the runtime to carry out.
//!
//! `apply` hands each action to the file of its theme, where its status messages are
//! written beside it: `navigation.rs` (focus, zoom, the year cursor, rows and pages),
//! `overlays.rs` (help, detail, kind picker), `timeline_keys.rs` (agreements, filter,
//! order, search), `view.rs` (the toggles `c u r m p a t b X`), `assumptions.rs` (the
//! Assumptions pane), `prompts.rs` (prompts and questions), `files.rs` (export, images,
//! saving, and the runtime's replies when they are done). No terminal, no files here.

mod assumptions;
mod files;
mod hosts;
mod navigation;
mod overlays;
mod prompts;
mod timeline_keys;
mod view;

// The helpers one theme lends another.
use assumptions::change_assumptions;
use navigation::{move_year, select_row};
use overlays::scroll_overlay;
use prompts::open_prompt;
use timeline_keys::{report_matches, search_as_typed, set_filter};
use view::say;

use crate::econ::{Assumptions, Currency, spec};
use crate::publish::Figure;
use crate::report::ProjectionReport;
use crate::report::export::{Table, shown_events};
use crate::report::tables::stamp;

use crate::data::EventKind;

use super::sources;
use super::timeline::{self, KindFilter};
use super::{
    Action, App, AssumptionId, ChartStyle, DetailOf, HelpPage, Mode, Pane, Prompt, PromptKind,
    Question, Reply, SavedScenario, TextInput,
};

/// What the runtime should do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing changed: no redraw.
    None,
    Redraw,
    Quit,
    /// Give the terminal back and stop until the shell continues the program.
    Suspend,
    /// Save these assumptions under this name; the runtime answers with `Reply::Saved`.
    /// `replace` is the user's yes to replacing a scenario of that name: without it,
    /// a name another dashboard saved meanwhile is asked about again, not replaced.
    SaveScenario {
        name: String,
        assumptions: Assumptions,
        replace: bool,
    },
    /// Delete the saved scenario of this name; the runtime answers with
    /// `Reply::Deleted`.
    DeleteScenario {
        name: String,
    },
    /// Write this table as CSV; the runtime answers with `Reply::Exported`.
    Export(ExportRequest),
    /// Draw this chart as SVG and PNG images and write both; the runtime answers with
    /// `Reply::Published`.
    Publish(Box<Figure>),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
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
    // A message lasts until the user's next action.
    let had_status = app.status.take().is_some();
    let effect = apply(app, action);
    redraw_for_status(effect, had_status, app)
}

/// Applies the runtime's `reply` to `app`: how an effect went, what the layout measured.
pub fn reply(app: &mut App, reply: Reply) -> Effect {
    // A layout change is not the user's action: the message stays.
    let had_status = !matches!(reply, Reply::TimelineViewport(_)) && app.status.take().is_some();
    let effect = match reply {
        Reply::TimelineViewport(rows) => navigation::set_viewport(app, rows),
        Reply::OverlayViewport { max_scroll, page } => {
            overlays::set_viewport(app, max_scroll, page)
        }
        done => files::done(app, done),
    };
    redraw_for_status(effect, had_status, app)
}

/// A message that came or went needs a redraw, whatever else changed.
fn redraw_for_status(effect: Effect, had_status: bool, app: &App) -> Effect {
    match effect {
        Effect::None if had_status || app.status.is_some() => Effect::Redraw,
        e => e,
    }
}

/// Each action to the file of its theme.
fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        Quit => Effect::Quit,
        Suspend => Effect::Suspend,
        ToggleHelp | TurnHelpPage(_) | CloseOverlay | ToggleDetail | StepDetail(_) | OpenKinds
        | ToggleKind | OpenSources | SortSources => overlays::apply(app, action),
        ToggleTable | Export | Publish if hosts::both_in_focus(app) => hosts::one_host(app),
        Copy => super::cite::copy(app),
        Elsewhere { key, pane, help } => {
            app.status = Some(format!(
                "{key} works in {} ({}): {help}",
                pane.title(),
                pane.number()
            ));
            Effect::Redraw
        }
        FocusNext | FocusPrev | Focus(_) | ToggleZoom | MoveYear(_) | Move(_) | Page(_) | First
        | Last | SelectRow(_) => navigation::apply(app, action),
        JumpAgreement(_) | CycleFilter(_) | ClearFilter | ToggleOrder | StartSearch
        | SearchAgain(_) => timeline_keys::apply(app, action),
        CycleMetric | ToggleCurrency | ToggleReal | ToggleChartStyle | ToggleProjections
        | ToggleTroopHistory | ToggleTable | ToggleBand | ClearCompare => view::apply(app, action),
        StepAssumption { .. }
        | StartInput
        | ResetAssumption
        | ResetAllAssumptions
        | Activate
        | ToggleCompare
        | DeleteSaved => assumptions::apply(app, action),
        StartGoToYear | StartSave | Edit(_) | Paste(_) | PromptConfirm | PromptCancel
        | Answer(_) => prompts::apply(app, action),
        Export | Publish => files::apply(app, action),
        CycleHost => hosts::cycle(app),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Edit, Key, KeyCode, Order, Row};
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
        app.derived()
            .costs
            .iter()
            .find(|p| p.year == year)
            .and_then(|p| p.value)
            .unwrap_or_else(|| panic!("a cost value for {year}"))
    }

    /// A character typed into a prompt.
    fn insert(c: char) -> Action {
        Action::Edit(Edit::Insert(c))
    }

    fn search(app: &mut App, text: &str) {
        update(app, Action::StartSearch);
        for c in text.chars() {
            update(app, insert(c));
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
    fn the_help_turns_between_its_pages_each_from_its_top_and_opens_on_the_keys() {
        let mut app = app();
        assert_eq!(update(&mut app, Action::TurnHelpPage(1)), Effect::None);
        assert_eq!(app.help_page, HelpPage::Keys, "no help open to turn");
        update(&mut app, Action::ToggleHelp);
        reply(
            &mut app,
            Reply::OverlayViewport {
                max_scroll: 30,
                page: 10,
            },
        );
        update(&mut app, Action::Move(5));
        assert_eq!(update(&mut app, Action::TurnHelpPage(1)), Effect::Redraw);
        assert_eq!(app.help_page, HelpPage::Glossary);
        assert_eq!(app.overlay_scroll, 0);
        // Round the end both ways.
        update(&mut app, Action::TurnHelpPage(1));
        assert_eq!(app.help_page, HelpPage::Keys);
        update(&mut app, Action::TurnHelpPage(-1));
        assert_eq!(app.help_page, HelpPage::Glossary);
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.help_page, HelpPage::Keys);
    }

    #[test]
    fn overlay_scrolls_within_its_length_and_reopens_at_the_top() {
        let mut app = app();
        update(&mut app, Action::ToggleHelp);
        reply(
            &mut app,
            Reply::OverlayViewport {
                max_scroll: 12,
                page: 8,
            },
        );
        update(&mut app, Action::Move(3));
        assert_eq!(app.overlay_scroll, 3);
        assert_eq!(update(&mut app, Action::Move(-5)), Effect::Redraw);
        assert_eq!(app.overlay_scroll, 0);
        assert_eq!(update(&mut app, Action::Move(-1)), Effect::None);
        // G goes to the bottom the help has, g back to the top, a page is a screenful.
        update(&mut app, Action::Last);
        assert_eq!(app.overlay_scroll, 12);
        assert_eq!(update(&mut app, Action::Move(1)), Effect::None);
        update(&mut app, Action::Page(-1));
        assert_eq!(app.overlay_scroll, 4);
        update(&mut app, Action::First);
        assert_eq!(app.overlay_scroll, 0);
        update(&mut app, Action::Move(2));
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.overlay_scroll, 0);
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
        assert!(app.inputs().troop_history);
        assert_eq!(app.year_range(), (1950, app.inputs().assumptions.horizon));
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
        assert!(!app.inputs().troop_history);
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
    fn brackets_jump_between_agreements() {
        let mut app = app();
        update(&mut app, Action::First);
        update(&mut app, Action::JumpAgreement(1));
        assert_eq!(app.selected_row(), Some(Row::Agreement(1)));
        assert_eq!(app.year, app.data.agreements[1].first_year);
        update(&mut app, Action::Move(1));
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

    /// The event ids of the rows shown, in order.
    fn shown_ids(app: &App) -> Vec<String> {
        app.timeline
            .events(&app.data)
            .map(|e| e.id.clone())
            .collect()
    }

    fn selected_event(app: &App) -> Option<usize> {
        match app.selected_row() {
            Some(Row::Event(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn the_filter_steps_forward_and_back_through_the_kinds_with_counts_in_the_title() {
        let mut app = app();
        let all = app.timeline.rows.len();
        let kinds: Vec<EventKind> = app.timeline.kinds.iter().map(|(k, _)| *k).collect();
        update(&mut app, Action::CycleFilter(1));
        assert_eq!(app.timeline.filter, KindFilter::only(EventKind::Round));
        for row in &app.timeline.rows {
            if let Row::Event(i) = row {
                assert_eq!(app.data.events[*i].kind, EventKind::Round);
            }
        }
        let rounds = app.timeline.index.events;
        assert_eq!(
            app.status.as_deref(),
            Some(format!("filter: rounds · {rounds} events").as_str())
        );
        // Back from the first kind: no filter; back again: the last kind.
        update(&mut app, Action::CycleFilter(-1));
        assert!(app.timeline.filter.is_all());
        assert_eq!(app.timeline.rows.len(), all);
        update(&mut app, Action::CycleFilter(-1));
        assert_eq!(
            app.timeline.filter,
            KindFilter::only(*kinds.last().unwrap())
        );
        // Forward through every kind comes round to no filter.
        for _ in 0..kinds.len() - 1 {
            update(&mut app, Action::CycleFilter(-1));
        }
        assert_eq!(app.timeline.filter, KindFilter::only(kinds[0]));
        for _ in 0..kinds.len() {
            update(&mut app, Action::CycleFilter(1));
        }
        assert!(app.timeline.filter.is_all());
    }

    #[test]
    fn one_lapse_is_one_event_and_esc_clears_the_filter() {
        let mut app = app();
        while app.timeline.filter != KindFilter::only(EventKind::Lapse) {
            update(&mut app, Action::CycleFilter(1));
        }
        assert_eq!(app.timeline.index.events, 1);
        assert_eq!(app.status.as_deref(), Some("filter: lapses · 1 event"));
        assert_eq!(
            timeline::shown_events(app.timeline.index.events, app.timeline.filter),
            "lapses · 1 event"
        );
        // Esc in the Timeline, with no overlay open, asks to clear the filter.
        let esc = Key::plain(KeyCode::Esc);
        let action = app.keymap.action(esc, app.mode(), app.focus).unwrap();
        assert_eq!(action, Action::ClearFilter);
        assert_eq!(update(&mut app, action), Effect::Redraw);
        assert!(app.timeline.filter.is_all());
        assert_eq!(
            app.status,
            Some(format!("filter off: {} events", app.data.events.len()))
        );
        app.status = None;
        assert_eq!(update(&mut app, Action::ClearFilter), Effect::None);
        // With an overlay open, Esc closes it and the filter stays.
        update(&mut app, Action::CycleFilter(1));
        update(&mut app, Action::ToggleHelp);
        let action = app.keymap.action(esc, app.mode(), app.focus).unwrap();
        assert_eq!(action, Action::CloseOverlay);
        update(&mut app, action);
        assert_eq!(app.timeline.filter, KindFilter::only(EventKind::Round));
    }

    #[test]
    fn the_kind_picker_shows_several_kinds_at_once() {
        let mut app = app();
        let v = Key::char('v');
        let action = app.keymap.action(v, app.mode(), app.focus).unwrap();
        assert_eq!(action, Action::OpenKinds);
        update(&mut app, action);
        assert_eq!(app.mode(), Mode::Kinds);
        assert_eq!(app.timeline.kind_cursor, 0);
        let count =
            |app: &App, k: EventKind| app.timeline.kinds.iter().find(|(x, _)| *x == k).unwrap().1;
        // Space on the first kind (rounds), then down to the demands: both shown.
        let space = Key::char(' ');
        let toggle = app.keymap.action(space, app.mode(), app.focus).unwrap();
        assert_eq!(toggle, Action::ToggleKind);
        update(&mut app, toggle.clone());
        let demands = app
            .timeline
            .kinds
            .iter()
            .position(|(k, _)| *k == EventKind::Demand);
        for _ in 0..demands.unwrap() {
            update(&mut app, Action::Move(1));
        }
        update(&mut app, toggle.clone());
        let both = KindFilter::only(EventKind::Round).toggled(EventKind::Demand);
        assert_eq!(app.timeline.filter, both);
        let n = count(&app, EventKind::Round) + count(&app, EventKind::Demand);
        assert_eq!(app.timeline.index.events, n);
        assert!(
            app.timeline
                .events(&app.data)
                .all(|e| matches!(e.kind, EventKind::Round | EventKind::Demand))
        );
        assert_eq!(
            app.status,
            Some(format!("filter: rounds, demands · {n} events"))
        );
        // The cursor stays inside the list.
        update(&mut app, Action::Last);
        update(&mut app, Action::Move(5));
        assert_eq!(app.timeline.kind_cursor, app.timeline.kinds.len() - 1);
        update(&mut app, Action::Page(-1));
        assert_eq!(app.timeline.kind_cursor, 0);
        // Space again leaves rounds out; Enter closes; the filter stays.
        update(&mut app, toggle);
        assert_eq!(app.timeline.filter, KindFilter::only(EventKind::Demand));
        let enter = Key::plain(KeyCode::Enter);
        let done = app.keymap.action(enter, app.mode(), app.focus).unwrap();
        update(&mut app, done);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.timeline.filter, KindFilter::only(EventKind::Demand));
        // Reopened, the cursor is on the first kind chosen; a clears the filter.
        update(&mut app, Action::OpenKinds);
        assert_eq!(app.timeline.kind_cursor, demands.unwrap());
        let all = app
            .keymap
            .action(Key::char('a'), app.mode(), app.focus)
            .unwrap();
        update(&mut app, all);
        assert!(app.timeline.filter.is_all());
        assert_eq!(app.timeline.index.events, app.data.events.len());
        // f from several kinds goes on from the first of them.
        let mut app2 = self::app();
        app2.timeline.filter = both;
        update(&mut app2, Action::CycleFilter(1));
        let kinds: Vec<EventKind> = app2.timeline.kinds.iter().map(|(k, _)| *k).collect();
        assert_eq!(app2.timeline.filter, KindFilter::only(kinds[1]));
    }

    #[test]
    fn o_orders_every_event_by_date_and_back_keeping_the_selected_event() {
        let mut app = app();
        assert_eq!(app.timeline.order, Order::Grouped);
        // Grouped, the dates run backwards somewhere (at a group's edge).
        let dates =
            |app: &App| -> Vec<_> { app.timeline.events(&app.data).map(|e| e.date).collect() };
        assert!(dates(&app).windows(2).any(|w| w[0] > w[1]));
        let chosen = app
            .timeline
            .rows
            .iter()
            .position(
                |r| matches!(r, Row::Event(i) if app.data.events[*i].id == "trump-10b-2024-10-15"),
            )
            .unwrap();
        select_row(&mut app, chosen as i64);
        let event = selected_event(&app);
        assert_eq!(update(&mut app, Action::ToggleOrder), Effect::Redraw);
        assert_eq!(app.timeline.order, Order::ByDate);
        assert_eq!(app.status.as_deref(), Some("timeline by date"));
        assert_eq!(Order::ByDate.label(), "by date");
        assert_eq!(selected_event(&app), event, "the same event stays selected");
        let by_date = dates(&app);
        assert_eq!(by_date.len(), app.data.events.len());
        assert_eq!(app.timeline.rows.len(), by_date.len(), "no headers by date");
        assert!(by_date.windows(2).all(|w| w[0] <= w[1]), "dates in order");
        update(&mut app, Action::ToggleOrder);
        assert_eq!(app.timeline.order, Order::Grouped);
        assert_eq!(selected_event(&app), event);
        // A header selected gives way to its agreement's first event.
        update(&mut app, Action::First);
        assert_eq!(app.selected_row(), Some(Row::Agreement(0)));
        let first = match app.timeline.rows[1] {
            Row::Event(i) => i,
            other => panic!("{other:?}"),
        };
        update(&mut app, Action::ToggleOrder);
        assert_eq!(selected_event(&app), Some(first));
        // The filter and the order go together.
        update(&mut app, Action::CycleFilter(1));
        let rounds = dates(&app);
        assert!(rounds.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            app.timeline
                .events(&app.data)
                .all(|e| e.kind == EventKind::Round)
        );
    }

    #[test]
    fn brackets_by_date_go_to_where_another_agreement_s_events_begin() {
        let mut app = app();
        update(&mut app, Action::ToggleOrder);
        update(&mut app, Action::First);
        // The agreement an event is listed under: its own, else the one of its year.
        let group = |app: &App, i: usize| match app.timeline.rows[i] {
            Row::Event(e) => {
                let e = &app.data.events[e];
                e.agreement.clone().or_else(|| {
                    app.data
                        .agreement_for_year(e.date.year())
                        .map(|a| a.id.clone())
                })
            }
            other => panic!("{other:?}"),
        };
        let mut jumps = 0;
        while update(&mut app, Action::JumpAgreement(1)) == Effect::Redraw {
            let here = app.timeline.selected;
            assert_ne!(group(&app, here), group(&app, here - 1), "at {here}");
            jumps += 1;
        }
        assert!(jumps > 10, "{jumps} jumps");
        // Back: from inside a run to its start, from a start to the run before's.
        let start_of = |app: &App, i: usize| {
            (0..=i)
                .rev()
                .take_while(|&s| group(app, s) == group(app, i))
                .last()
                .unwrap()
        };
        for here in [app.timeline.rows.len() - 1, 60, 40, 41, 20] {
            select_row(&mut app, here as i64);
            let start = start_of(&app, here);
            let expected = if start < here {
                start
            } else {
                start_of(&app, here - 1)
            };
            update(&mut app, Action::JumpAgreement(-1));
            assert_eq!(app.timeline.selected, expected, "from {here}");
        }
    }

    #[test]
    fn events_after_today_are_future_and_none_without_a_today() {
        let mut app = app();
        assert!(!app.data.events.iter().any(|e| app.is_future(e)));
        app.today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2);
        let future: Vec<&str> = app
            .data
            .events
            .iter()
            .filter(|e| app.is_future(e))
            .map(|e| e.id.as_str())
            .collect();
        assert!(future.contains(&"sma-12-expiry"), "{future:?}");
        for e in &app.data.events {
            let after = e.date.first_day() > app.today.unwrap();
            assert_eq!(app.is_future(e), after, "{}", e.id);
        }
    }

    #[test]
    fn e_on_the_timeline_exports_the_rows_shown_in_their_order() {
        let mut app = app();
        update(&mut app, Action::ToggleOrder);
        update(&mut app, Action::CycleFilter(1));
        let shown = shown_ids(&app);
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "events");
        let ids: Vec<String> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect();
        assert_eq!(ids, shown);
        assert!(csv.lines().nth(1).unwrap().contains(",round,"));
        reply(
            &mut app,
            Reply::Exported(Ok("/tmp/out/sma-dash-events.csv".into())),
        );
        assert_eq!(
            app.status,
            Some(format!(
                "exported {} events (filter: rounds) to /tmp/out/sma-dash-events.csv",
                shown.len()
            ))
        );
        // Unfiltered and grouped: every event, as grouped.
        update(&mut app, Action::ClearFilter);
        update(&mut app, Action::ToggleOrder);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(csv.lines().count() - 1, app.data.events.len());
        assert_eq!(
            csv.lines().nth(1).unwrap().split(',').next().unwrap(),
            shown_ids(&app)[0]
        );
    }

    /// The ids of the events a search for `query` finds.
    fn found(app: &mut App, query: &str) -> Vec<String> {
        app.timeline.search.query = query.to_string();
        let hits = app.timeline.hits().to_vec();
        hits.into_iter()
            .filter_map(|i| match app.timeline.rows[i] {
                Row::Event(e) => Some(app.data.events[e].id.clone()),
                _ => None,
            })
            .collect()
    }

    fn demands(app: &App, ids: &[String]) -> Vec<String> {
        let mut demands: Vec<String> = ids
            .iter()
            .filter(|id| {
                app.data
                    .events
                    .iter()
                    .any(|e| &e.id == *id && e.kind == EventKind::Demand)
            })
            .cloned()
            .collect();
        demands.sort();
        demands
    }

    #[test]
    fn ten_billion_however_written_finds_every_10bn_demand_and_not_610b() {
        let mut app = app();
        // `grep -n '10 billion\|\$10B' assets/events.toml`: the two demands of $10B a year.
        let ten = ["trump-10b-2024-10-15", "trump-10b-2025-07-08"];
        for query in [
            "10 billion",
            "$10B",
            "10bn",
            "$10 bn",
            "USD 10 billion",
            "10B",
        ] {
            let hits = found(&mut app, query);
            assert_eq!(demands(&app, &hits), ten, "{query}");
            // The 5th SMA's "≈ 610B won" is another amount.
            assert!(
                !hits.iter().any(|id| id.starts_with("sma-5-")),
                "{query}: {hits:?}"
            );
        }
        let hits = found(&mut app, "610B won");
        assert!(hits.iter().any(|id| id.starts_with("sma-5-")), "{hits:?}");
        // Won: the 10th SMA's ask, however written.
        for query in ["1.35T won", "1.35 trillion won", "1조3500억 원"] {
            let hits = found(&mut app, query);
            assert_eq!(demands(&app, &hits), ["us-ask-10th-sma-2018-12"], "{query}");
        }
        let hits = found(&mut app, "5 billion dollars");
        assert_eq!(demands(&app, &hits), ["us-seeks-5b-2019"]);
    }

    #[test]
    fn search_folds_case_and_accents_and_finds_people_places_kinds_and_agreements() {
        let mut app = app();
        let jeong = found(&mut app, "Jeong Eun-bo");
        assert!(!jeong.is_empty());
        for query in ["jeong eun bo", "JEONG EUN-BO", "jéong eün bo"] {
            assert_eq!(found(&mut app, query), jeong, "{query}");
        }
        // A place.
        assert!(
            found(&mut app, "honolulu")
                .iter()
                .any(|id| id == "sma-10-round-1")
        );
        // A kind: every lapse and demand, by its kind's name.
        let kind_of = |app: &App, k: EventKind| -> Vec<String> {
            app.data
                .events
                .iter()
                .filter(|e| e.kind == k)
                .map(|e| e.id.clone())
                .collect()
        };
        let lapses = kind_of(&app, EventKind::Lapse);
        assert!(
            lapses
                .iter()
                .all(|id| found(&mut app, "lapse").contains(id))
        );
        let demand_ids = kind_of(&app, EventKind::Demand);
        let hits = found(&mut app, "demand");
        assert!(demand_ids.iter().all(|id| hits.contains(id)), "{hits:?}");
        // An agreement, by name or by id: every event of the 11th SMA.
        let eleventh: Vec<String> = app
            .data
            .events
            .iter()
            .filter(|e| e.agreement.as_deref() == Some("sma-11"))
            .map(|e| e.id.clone())
            .collect();
        assert!(eleventh.len() > 5);
        for query in ["11th SMA", "sma-11", "SMA 11"] {
            let hits = found(&mut app, query);
            assert!(
                eleventh.iter().all(|id| hits.contains(id)),
                "{query}: {hits:?}"
            );
            // Not the 1st SMA's, whose "1" begins "11" but is another number: "11th"
            // and "sma-11", written together, are found together.
            if query != "SMA 11" {
                assert!(!hits.iter().any(|id| id.starts_with("sma-1-")), "{query}");
            }
        }
    }

    #[test]
    fn search_finds_the_10th_sma_first_round_and_moves_between_matches() {
        let mut app = app();
        update(&mut app, Action::First);
        search(&mut app, "honolulu");
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::Search));
        let Some(Row::Event(i)) = app.selected_row() else {
            panic!("an event is selected");
        };
        let e = &app.data.events[i];
        assert_eq!((e.agreement.as_deref(), e.round), (Some("sma-10"), Some(1)));
        assert!(e.people.iter().any(|p| p == "Chang Won-sam"));
        assert_eq!(app.year, 2018, "the cursor follows the match");
        update(&mut app, Action::PromptConfirm);
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
        update(&mut app, Action::First);
        search(&mut app, "Betts");
        assert_ne!(app.timeline.selected, 0);
        update(&mut app, Action::Edit(Edit::Backspace));
        assert_eq!(app.timeline.search.query, "Bett");
        update(&mut app, Action::PromptCancel);
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
        app.derived()
            .costs
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
        assert_eq!(app.inputs().view.metric, Metric::YearOnYear);
        assert!((cost(&app, 2019) - 8.2).abs() < 0.05, "+8.2 % in 2019");
        // Per service member on the DMDC count: no count past 2025.
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.inputs().view.troops, TroopBasis::Counted);
        assert!((cost(&app, 2018) - 960.2 * 1000.0 / 25_813.0).abs() < 1e-9);
        assert_eq!(value_in(&app, 2030), None);
        // Then on the headline level, which covers the projected years too.
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.inputs().view.metric, Metric::PerServiceMember);
        assert_eq!(app.inputs().view.troops, TroopBasis::Headline);
        assert!((cost(&app, 2018) - 960.2 * 1000.0 / 28_500.0).abs() < 1e-9);
        assert!(value_in(&app, 2030).is_some());
        for _ in 0..2 {
            update(&mut app, Action::CycleMetric);
        }
        assert_eq!(app.inputs().view.metric, Metric::Contribution);
        update(&mut app, Action::ToggleCurrency);
        assert_eq!(app.inputs().view.currency, Currency::Usd);
        assert!(
            cost(&app, 2019) < won_2019,
            "$ millions are fewer than bn won"
        );
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleReal);
        assert!(app.inputs().view.real);
        assert!(
            cost(&app, 2019) > won_2019,
            "2019 won are worth more in later money"
        );
        update(&mut app, Action::ToggleReal);
        update(&mut app, Action::ToggleChartStyle);
        assert_eq!(app.inputs().chart, ChartStyle::Line);
        assert!(app.derived().costs.iter().any(|p| p.projected));
        update(&mut app, Action::ToggleProjections);
        assert!(!app.derived().costs.iter().any(|p| p.projected));
        assert_eq!(app.status.as_deref(), Some("projections off"));
    }

    #[test]
    fn stepping_korean_cpi_changes_the_2030_projection_and_totals_live() {
        let mut app = app();
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KoreanCpi));
        let before = cost(&app, 2030);
        let total_before = app.derived().totals[0].span.unwrap().value;
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert!(cost(&app, 2030) > before);
        assert!(app.derived().totals[0].span.unwrap().value > total_before);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("Korean CPI inflation")
        );
        let raised = app.inputs().assumptions.korean_cpi.flat;
        update(
            &mut app,
            Action::StepAssumption {
                direction: -1,
                big: false,
            },
        );
        assert!((app.inputs().assumptions.korean_cpi.flat - (raised - 0.1)).abs() < 1e-9);
        update(&mut app, Action::ResetAssumption);
        assert_eq!(cost(&app, 2030), before);
    }

    #[test]
    fn the_horizon_extends_the_series_and_the_cursor_range() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        while app.selected_assumption() != Some(AssumptionId::Horizon) {
            update(&mut app, Action::Move(1));
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
        assert_eq!(app.derived().costs.last().map(|p| p.year), Some(last + 5));
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
    fn the_chart_stays_pinned_while_the_selection_moves_and_enter_pins_another() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::Move(n + 2));
        assert_eq!(app.selected_scenario(), Some(ScenarioId::Demand5bn));
        assert_eq!(
            app.inputs().scenario,
            ScenarioId::CurrentAgreement,
            "selecting does not chart"
        );
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        assert!(
            cost(&app, 2030) > 5_000.0,
            "$5 bn a year is over 5,000 bn won"
        );
        // Moving back up to the won-per-dollar rate and raising it keeps the demand
        // charted, and the chart follows the rate.
        let before = cost(&app, 2030);
        update(&mut app, Action::First);
        update(&mut app, Action::Move(2));
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KrwPerUsd));
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        assert!(cost(&app, 2030) > before, "more won per dollar, more won");
        // On a scenario's row, steps say what to select.
        update(&mut app, Action::Move(n));
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
        assert_eq!(update(&mut app, Action::Move(100)), Effect::Redraw);
        assert_eq!(update(&mut app, Action::Move(1)), Effect::None);
    }

    #[test]
    fn x_compares_scenarios_and_capital_x_stops() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let n = AssumptionId::ALL.len() as i32;
        // On an assumption, x says what to select.
        update(&mut app, Action::ToggleCompare);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("select a scenario")
        );
        update(&mut app, Action::Move(n + 2));
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::Move(2));
        update(&mut app, Action::ToggleCompare);
        assert_eq!(
            app.inputs().compare,
            vec![ScenarioId::Demand5bn, ScenarioId::Custom]
        );
        let compared: Vec<ScenarioId> = app.derived().compared.iter().map(|(s, _)| *s).collect();
        assert_eq!(compared, app.inputs().compare);
        // Each compared series is its own projection, in the view's currency too.
        let demand = &app.derived().compared[0].1;
        let y2030 = demand.iter().find(|p| p.year == 2030).unwrap();
        assert!(y2030.projected && y2030.value.unwrap() > 5_000.0);
        update(&mut app, Action::ToggleCurrency);
        let demand = &app.derived().compared[0].1;
        assert_eq!(
            demand.iter().find(|p| p.year == 2030).unwrap().value,
            Some(5_000.0),
            "$5 bn is $5,000 m"
        );
        // x again takes one out; pinning a compared scenario takes it out too.
        update(&mut app, Action::ToggleCompare);
        assert_eq!(app.inputs().compare, vec![ScenarioId::Demand5bn]);
        update(&mut app, Action::Move(-2));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        assert!(app.inputs().compare.is_empty() && app.derived().compared.is_empty());
        // The pinned one cannot be compared with itself.
        update(&mut app, Action::ToggleCompare);
        assert!(app.status.as_deref().unwrap().contains("is pinned"));
        update(&mut app, Action::Move(1));
        update(&mut app, Action::ToggleCompare);
        assert_eq!(app.derived().compared.len(), 1);
        update(&mut app, Action::ClearCompare);
        assert!(app.inputs().compare.is_empty() && app.derived().compared.is_empty());
        // Projections off: nothing compared is charted.
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::ToggleProjections);
        assert!(app.derived().compared.is_empty());
    }

    #[test]
    fn typed_values_are_checked_as_on_the_command_line_and_esc_cancels() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KoreanCpi));
        update(&mut app, Action::StartInput);
        assert_eq!(
            app.mode(),
            Mode::Prompt(PromptKind::Assumption(AssumptionId::KoreanCpi))
        );
        type_keys(&mut app, &"55".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        // Refused with the range, the prompt still open to fix it.
        let p = app.prompt.as_ref().expect("still open");
        assert_eq!(
            p.error.as_deref(),
            Some("expected Korean CPI inflation from -5.0 % to 20.0 %, found 55")
        );
        type_keys(
            &mut app,
            &[Action::Edit(Edit::Backspace), Action::Edit(Edit::Backspace)],
        );
        assert_eq!(app.prompt.as_ref().unwrap().error, None, "typing clears it");
        type_keys(
            &mut app,
            &"3 %,2028=3.5".chars().map(insert).collect::<Vec<_>>(),
        );
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.inputs().assumptions.korean_cpi.flat, 3.0);
        assert_eq!(app.inputs().assumptions.korean_cpi.at(2028), 3.5);
        assert_eq!(
            app.status.as_deref(),
            Some("Korean CPI inflation: 2.1 % → 3.0 % (2028: 3.5 %)")
        );
        // A recorded year cannot be set apart.
        update(&mut app, Action::Activate);
        type_keys(
            &mut app,
            &"3,2024=9".chars().map(insert).collect::<Vec<_>>(),
        );
        update(&mut app, Action::PromptConfirm);
        let error = app.prompt.as_ref().unwrap().error.clone().unwrap();
        assert!(error.contains("2024, a recorded year"), "{error}");
        update(&mut app, Action::PromptCancel);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(
            app.inputs().assumptions.korean_cpi.at(2028),
            3.5,
            "unchanged"
        );
        // 0 resets one assumption, years set apart too; R resets them all.
        update(&mut app, Action::ResetAssumption);
        assert!(app.inputs().assumptions.korean_cpi.by_year.is_empty());
        update(&mut app, Action::Move(2));
        update(&mut app, Action::StartInput);
        type_keys(&mut app, &"1500".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.inputs().assumptions.krw_per_usd.flat, 1500.0);
        update(&mut app, Action::ResetAllAssumptions);
        assert_eq!(
            app.inputs().assumptions,
            Assumptions::from_history(&app.data)
        );
    }

    #[test]
    fn colon_goes_to_a_typed_year_from_any_pane() {
        let mut app = app();
        for pane in Pane::ALL {
            update(&mut app, Action::Focus(pane));
            update(&mut app, Action::StartGoToYear);
            assert_eq!(app.mode(), Mode::Prompt(PromptKind::GoToYear));
            type_keys(&mut app, &"2014".chars().map(insert).collect::<Vec<_>>());
            update(&mut app, Action::PromptConfirm);
            assert_eq!((app.year, app.mode()), (2014, Mode::Dashboard), "{pane:?}");
            assert_eq!(app.cost_at_cursor().unwrap().value, Some(920.0));
            app.year = 2026;
        }
        update(&mut app, Action::StartGoToYear);
        type_keys(&mut app, &"1900".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        let (first, last) = app.year_range();
        assert_eq!(
            app.prompt.as_ref().unwrap().error.clone(),
            Some(format!(
                "expected a year from {first} to {last}, found \"1900\""
            ))
        );
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

    #[test]
    fn a_viewport_change_keeps_the_selection_visible_and_the_message() {
        let mut app = app();
        update(&mut app, Action::Last);
        app.status = Some("kept".into());
        reply(&mut app, Reply::TimelineViewport(5));
        let t = &app.timeline;
        assert!(t.offset <= t.selected && t.selected < t.offset + 5);
        assert_eq!(app.status.as_deref(), Some("kept"));
    }

    fn type_keys(app: &mut App, keys: &[Action]) -> Vec<Effect> {
        keys.iter().map(|a| update(app, a.clone())).collect()
    }

    /// The 12th SMA rule's 2030 projection, in 100 million won.
    fn sma12_2030(app: &App) -> f64 {
        app.derived()
            .projections
            .iter()
            .find(|p| p.scenario == ScenarioId::CurrentAgreement)
            .and_then(|p| p.at(2030))
            .map(|y| y.local_100m)
            .expect("a 2030 projection")
    }

    fn saved(name: &str, assumptions: Assumptions) -> SavedScenario {
        SavedScenario {
            name: name.into(),
            saved: "2026-11-27T10:00:00Z".into(),
            assumptions,
        }
    }

    fn report(scenarios: Vec<SavedScenario>, replaced: bool) -> super::super::ScenariosReport {
        super::super::ScenariosReport {
            name: scenarios.last().unwrap().name.clone(),
            path: "/data/sma-dash/scenarios.toml".into(),
            was_there: replaced,
            taken: false,
            scenarios,
            warning: None,
        }
    }

    /// The open prompt's text.
    fn typed(app: &App) -> Option<&str> {
        app.prompt.as_ref().map(|p| p.input.text())
    }

    /// A key pressed, through the app's keymap as the runtime maps it.
    fn press(app: &mut App, key: super::super::Key) -> Vec<Effect> {
        let action = app.keymap.action(key, app.mode(), app.focus);
        action.into_iter().map(|a| update(app, a)).collect()
    }

    #[test]
    fn a_built_in_scenario_s_name_is_refused_and_the_prompt_stays_open() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        let typed: Vec<Action> = " custom ".chars().map(insert).collect();
        type_keys(&mut app, &typed);
        assert_eq!(update(&mut app, Action::PromptConfirm), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SaveName));
        let p = app.prompt.as_ref().unwrap();
        assert_eq!(
            p.error.as_deref(),
            Some(
                "“custom” is a built-in scenario's name, so a scenario saved under it could never be chosen: give it another"
            )
        );
        assert_eq!(p.input.text(), " custom ", "what was typed is kept to edit");
    }

    #[test]
    fn s_opens_an_empty_prompt_and_typing_replaces_the_suggested_name() {
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
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SaveName));
        let p = app.prompt.as_ref().unwrap();
        assert_eq!(p.input.text(), "", "the prompt starts empty");
        assert_eq!(p.placeholder.as_deref(), Some("scenario 1"));
        let typed: Vec<Action> = "hot 2030 ".chars().map(insert).collect();
        type_keys(&mut app, &typed);
        assert_eq!(app.prompt.as_ref().unwrap().answer(), "hot 2030 ");
        let effect = update(&mut app, Action::PromptConfirm);
        assert_eq!(
            effect,
            Effect::SaveScenario {
                name: "hot 2030".into(),
                assumptions: app.inputs().assumptions.clone(),
                replace: false,
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
    fn enter_on_the_empty_save_prompt_takes_the_suggested_name_and_esc_cancels() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        assert_eq!(update(&mut app, Action::PromptCancel), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.status.as_deref(), Some("not saved"));
        update(&mut app, Action::StartSave);
        assert_eq!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario {
                name: "scenario 1".into(),
                assumptions: app.inputs().assumptions.clone(),
                replace: false,
            }
        );
        // Blanks alone are nothing typed: the suggestion again.
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &[insert(' '), insert(' ')]);
        assert!(matches!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario { name, .. } if name == "scenario 1"
        ));
    }

    #[test]
    fn saving_over_a_saved_name_asks_first_and_no_goes_back_to_the_name() {
        let mut app = app();
        let hot = saved("hot", app.inputs().assumptions.clone());
        reply(&mut app, Reply::Saved(Ok(report(vec![hot], false))));
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &"hot".chars().map(insert).collect::<Vec<_>>());
        assert_eq!(update(&mut app, Action::PromptConfirm), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Confirm);
        assert_eq!(app.question, Some(Question::Replace("hot".into())));
        // A paste or a stray key while asked does nothing.
        assert_eq!(update(&mut app, Action::Paste("y".into())), Effect::None);
        assert_eq!(app.mode(), Mode::Confirm);
        // No: back to the name, as typed, to choose another.
        update(&mut app, Action::Answer(false));
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SaveName));
        assert_eq!(typed(&app), Some("hot"));
        update(&mut app, Action::Edit(Edit::KillToStart));
        type_keys(&mut app, &"cold".chars().map(insert).collect::<Vec<_>>());
        assert!(matches!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario { name, .. } if name == "cold"
        ));
        // Yes: saved over it.
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &"hot".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        assert_eq!(
            update(&mut app, Action::Answer(true)),
            Effect::SaveScenario {
                name: "hot".into(),
                assumptions: app.inputs().assumptions.clone(),
                replace: true,
            }
        );
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn a_name_another_dashboard_saved_meanwhile_is_asked_about_again() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &"hot".chars().map(insert).collect::<Vec<_>>());
        // Not saved here when the prompt opened: saved without a question...
        assert!(matches!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario { replace: false, .. }
        ));
        // ...but the file, read under its lock, has it from the other dashboard.
        let theirs = saved("hot", app.inputs().assumptions.clone());
        let mut taken = report(vec![theirs.clone()], false);
        taken.taken = true;
        reply(&mut app, Reply::Saved(Ok(taken)));
        assert_eq!(app.saved, vec![theirs]);
        assert_eq!(app.question, Some(Question::Replace("hot".into())));
        assert!(matches!(
            update(&mut app, Action::Answer(true)),
            Effect::SaveScenario { name, replace: true, .. } if name == "hot"
        ));
        // No goes back to the name, as for any other question.
        let mut taken = report(vec![saved("hot", app.inputs().assumptions.clone())], false);
        taken.taken = true;
        reply(&mut app, Reply::Saved(Ok(taken)));
        update(&mut app, Action::Answer(false));
        assert_eq!(typed(&app), Some("hot"));
    }

    #[test]
    fn d_deletes_a_saved_scenario_after_a_yes() {
        let mut app = app();
        let (hot, cold) = (
            saved("hot", app.inputs().assumptions.clone()),
            saved("cold", app.inputs().assumptions.clone()),
        );
        reply(
            &mut app,
            Reply::Saved(Ok(report(vec![hot.clone(), cold], false))),
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        // On an assumption, d says what to select.
        update(&mut app, Action::DeleteSaved);
        assert_eq!(app.question, None);
        assert!(app.status.as_deref().unwrap().starts_with("select a saved"));
        update(&mut app, Action::Last);
        update(&mut app, Action::DeleteSaved);
        assert_eq!(app.mode(), Mode::Confirm);
        assert_eq!(app.question, Some(Question::Delete("cold".into())));
        update(&mut app, Action::Answer(false));
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.status.as_deref(), Some("“cold” kept"));
        assert_eq!(app.saved.len(), 2);
        update(&mut app, Action::DeleteSaved);
        assert_eq!(
            update(&mut app, Action::Answer(true)),
            Effect::DeleteScenario {
                name: "cold".into()
            }
        );
        let last_row = app.assumption_row;
        reply(
            &mut app,
            Reply::Deleted(Ok(super::super::ScenariosReport {
                name: "cold".into(),
                path: "/data/sma-dash/scenarios.toml".into(),
                was_there: true,
                taken: false,
                scenarios: vec![hot.clone()],
                warning: None,
            })),
        );
        assert_eq!(app.saved, vec![hot]);
        assert_eq!(app.assumption_row, last_row - 1, "still on a row");
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("hot"));
        assert_eq!(
            app.status.as_deref(),
            Some("deleted “cold” from /data/sma-dash/scenarios.toml")
        );
        reply(
            &mut app,
            Reply::Deleted(Err("cannot write /x: denied (the file is unchanged)".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("not deleted: cannot write /x: denied (the file is unchanged)")
        );
    }

    #[test]
    fn q_and_esc_close_overlays_and_prompts_and_q_quits_only_from_the_dashboard() {
        use super::super::{Key, KeyCode};
        let (q, esc) = (Key::char('q'), Key::plain(KeyCode::Esc));
        let mut app = app();
        for open in [Key::char('?'), Key::plain(KeyCode::Enter)] {
            for close in [q, esc] {
                press(&mut app, open);
                assert_ne!(app.mode(), Mode::Dashboard);
                assert_eq!(press(&mut app, close), vec![Effect::Redraw]);
                assert_eq!(app.mode(), Mode::Dashboard, "{open} then {close}");
            }
        }
        // In a text prompt q is a letter; Esc closes the prompt.
        for open in ['/', ':', 's'] {
            press(&mut app, Key::char(open));
            press(&mut app, q);
            assert_eq!(typed(&app), Some("q"), "{open}");
            press(&mut app, esc);
            assert_eq!(app.mode(), Mode::Dashboard, "{open}");
        }
        update(&mut app, Action::Focus(Pane::Assumptions));
        press(&mut app, Key::char('='));
        press(&mut app, q);
        press(&mut app, esc);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(press(&mut app, q), vec![Effect::Quit]);
        assert_eq!(press(&mut app, Key::ctrl('z')), vec![Effect::Suspend]);
    }

    #[test]
    fn the_readline_keys_edit_at_the_cursor() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::StartInput);
        type_keys(
            &mut app,
            &"3 2028=3.5".chars().map(insert).collect::<Vec<_>>(),
        );
        let cursor = |app: &App| app.prompt.as_ref().unwrap().input.cursor();
        assert_eq!(cursor(&app), 10);
        // Home, then after the 3: a comma in place of the blank.
        update(&mut app, Action::Edit(Edit::Home));
        update(&mut app, Action::Edit(Edit::Right));
        update(&mut app, Action::Edit(Edit::Delete));
        update(&mut app, Action::Edit(Edit::Insert(',')));
        assert_eq!(typed(&app), Some("3,2028=3.5"));
        assert_eq!(cursor(&app), 2);
        update(&mut app, Action::Edit(Edit::End));
        update(&mut app, Action::Edit(Edit::Backspace));
        update(&mut app, Action::Edit(Edit::Insert('9')));
        assert_eq!(typed(&app), Some("3,2028=3.9"));
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.inputs().assumptions.korean_cpi.at(2028), 3.9);
        // In the search every change of the text runs it again.
        update(&mut app, Action::Focus(Pane::Timeline));
        update(&mut app, Action::First);
        search(&mut app, "Honolulu");
        let found = app.timeline.selected;
        assert_ne!(found, 0);
        update(&mut app, Action::Edit(Edit::Home));
        update(&mut app, Action::Edit(Edit::Insert('x')));
        assert_eq!(app.timeline.search.query, "xHonolulu");
        assert_eq!(app.timeline.selected, 0, "no match: back where it began");
        update(&mut app, Action::Edit(Edit::Backspace));
        assert_eq!(app.timeline.selected, found);
        update(&mut app, Action::Edit(Edit::End));
        type_keys(&mut app, &" Betts".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::Edit(Edit::KillWordBack));
        assert_eq!(app.timeline.search.query, "Honolulu ");
        for _ in 0..4 {
            update(&mut app, Action::Edit(Edit::Left));
        }
        update(&mut app, Action::Edit(Edit::KillToStart));
        assert_eq!(typed(&app), Some("ulu "));
        assert_eq!(app.prompt.as_ref().unwrap().input.cursor(), 0);
        update(&mut app, Action::Edit(Edit::KillToEnd));
        assert_eq!(app.timeline.search.query, "");
        assert_eq!(app.timeline.selected, 0);
    }

    #[test]
    fn a_paste_into_a_prompt_goes_in_once_cleaned_and_cut_at_the_limit() {
        let mut app = app();
        update(&mut app, Action::First);
        update(&mut app, Action::StartSearch);
        // A name copied across a line break is one line.
        update(&mut app, Action::Paste("Chang\r\nWon-sam".into()));
        assert_eq!(app.timeline.search.query, "Chang Won-sam");
        // Where typing it would have gone.
        let mut typed_in = self::app();
        update(&mut typed_in, Action::First);
        search(&mut typed_in, "Chang Won-sam");
        assert_ne!(typed_in.timeline.selected, 0);
        assert_eq!(app.timeline.selected, typed_in.timeline.selected);
        update(&mut app, Action::PromptCancel);
        // Into the save prompt, where the cursor is, without escapes or line breaks.
        update(&mut app, Action::StartSave);
        type_keys(
            &mut app,
            &[insert('a'), insert('b'), Action::Edit(Edit::Left)],
        );
        update(&mut app, Action::Paste("x\u{1b}[2J\ny\u{7}".into()));
        assert_eq!(typed(&app), Some("ax[2J yb"));
        // A megabyte is cut to the name's 60 characters, and the prompt says so.
        update(&mut app, Action::Edit(Edit::KillToStart));
        update(
            &mut app,
            Action::Paste("see the 2014 figure, then quit\n".repeat(35_000)),
        );
        let p = app.prompt.as_ref().unwrap();
        assert_eq!(p.input.text().chars().count(), PromptKind::SaveName.limit());
        let text = p.input.text();
        assert!(
            text.starts_with("see the 2014 figure, then quit see"),
            "{text}"
        );
        assert!(text.ends_with("then qub"), "inserted at the cursor: {text}");
        assert!(p.input.at_limit());
        assert_eq!(
            app.mode(),
            Mode::Prompt(PromptKind::SaveName),
            "nothing ran"
        );
        // Typed keys stop at the limit too.
        update(&mut app, Action::StartSearch);
        let keys: Vec<Action> = std::iter::repeat_n(insert('x'), 150).collect();
        type_keys(&mut app, &keys);
        assert_eq!(app.timeline.search.query.len(), PromptKind::Search.limit());
        assert!(app.prompt.as_ref().unwrap().input.at_limit());
    }

    #[test]
    fn a_paste_into_the_dashboard_or_an_overlay_runs_nothing() {
        let mut app = app();
        let before = app.clone();
        let effect = update(
            &mut app,
            Action::Paste("see the 2014 figure, then quit".into()),
        );
        assert_eq!(effect, Effect::Redraw);
        assert!(app.status.as_deref().unwrap().starts_with("paste ignored"));
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(
            (
                app.timeline.selected,
                app.year,
                app.focus,
                app.inputs().assumptions.clone()
            ),
            (
                before.timeline.selected,
                before.year,
                before.focus,
                before.inputs().assumptions.clone()
            )
        );
        update(&mut app, Action::ToggleHelp);
        assert_eq!(update(&mut app, Action::Paste("q".into())), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Help);
    }

    #[test]
    fn the_runtime_report_lists_the_saved_and_suggests_the_next_free_name() {
        let mut app = app();
        let first = saved("scenario 1", app.inputs().assumptions.clone());
        reply(
            &mut app,
            Reply::Saved(Ok(report(vec![first.clone()], false))),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("saved “scenario 1” in /data/sma-dash/scenarios.toml")
        );
        assert_eq!(app.saved, vec![first.clone()]);
        update(&mut app, Action::StartSave);
        assert_eq!(
            app.prompt.as_ref().and_then(|p| p.placeholder.as_deref()),
            Some("scenario 2")
        );
        update(&mut app, Action::PromptCancel);
        reply(&mut app, Reply::Saved(Ok(report(vec![first], true))));
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("replaced “scenario 1”")
        );
        reply(
            &mut app,
            Reply::Saved(Err(
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
        let mut hot = app.inputs().assumptions.clone();
        hot.korean_cpi = crate::econ::RatePath::parse("4.5,2028=4.9").unwrap();
        reply(
            &mut app,
            Reply::Saved(Ok(report(vec![saved("hot", hot.clone())], false))),
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        // Pin the $5 bn demand first: applying a saved scenario keeps the pin.
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::Move(n + 2));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        update(&mut app, Action::Last);
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("hot"));
        assert_eq!(update(&mut app, Action::Activate), Effect::Redraw);
        assert_eq!(app.inputs().assumptions, hot);
        assert_eq!(
            app.status.as_deref(),
            Some("applied “hot” (saved 2026-11-27); still charting demand-5bn")
        );
        assert_eq!(
            app.inputs().scenario,
            ScenarioId::Demand5bn,
            "the pin is kept"
        );
        let demand_2030 = cost(&app, 2030);
        assert!(
            demand_2030 > 5_000.0,
            "the chart is the demand's: {demand_2030}"
        );
        update(&mut app, Action::Move(-5));
        assert_eq!(app.selected_scenario(), Some(ScenarioId::CurrentAgreement));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::CurrentAgreement);
        let after = sma12_2030(&app);
        assert!(after > before, "2030 at 4.5–4.9 % CPI: {after} > {before}");
        // 2026's amount escalated each year by the CPI of two years before, at most 5 %:
        // 2025's recorded 2.1 %, then the saved 4.5 %, 4.5 % and, for 2028, 4.9 %.
        let base = app
            .derived()
            .projections
            .iter()
            .find(|p| p.scenario == ScenarioId::CurrentAgreement)
            .and_then(|p| p.at(2026))
            .unwrap()
            .local_100m;
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
    /// The first row of `csv` whose `column` holds `value`.
    fn row_by(csv: &str, column: &str, value: &str) -> std::collections::HashMap<String, String> {
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let at = header.iter().position(|h| h == column).expect("the column");
        let record = reader
            .records()
            .map(Result::unwrap)
            .find(|r| r.get(at) == Some(value))
            .unwrap_or_else(|| panic!("no row with {column} = {value}"));
        header
            .into_iter()
            .zip(record.iter().map(String::from))
            .collect()
    }

    fn row(csv: &str, year: i32) -> std::collections::HashMap<String, String> {
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let record = reader
            .records()
            .map(Result::unwrap)
            .find(|r| r.get(0) == Some(&year.to_string()))
            .unwrap_or_else(|| panic!("a row for {year}"));
        header
            .into_iter()
            .zip(record.iter().map(String::from))
            .collect()
    }

    #[test]
    fn e_exports_the_costs_as_the_pane_shows_them_and_says_what_each_is() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "costs");
        let header = csv.lines().next().unwrap();
        assert!(!header.contains("base_year"), "nominal: {header}");
        let r = row(&csv, 2019);
        assert_eq!(
            (r["value"].as_str(), r["unit"].as_str(), r["basis"].as_str()),
            ("1038.9", "billion won", "nominal")
        );
        assert_eq!(
            (r["status"].as_str(), r["currency_origin"].as_str()),
            ("recorded", "published")
        );
        let p2030 = row(&csv, 2030);
        assert_eq!(
            (p2030["status"].as_str(), p2030["scenario"].as_str()),
            ("projected", "12th-sma")
        );
        // Text starting with `+` comes with a `'`, as CSV for spreadsheets must.
        assert_eq!(p2030["driver"], "'+2.1 % (2028 CPI, assumed), cap 5 %");
        assert_eq!(
            row(&csv, 2027)["driver"],
            "'+2.1 % (2025 CPI, recorded), cap 5 %"
        );
        assert_eq!(row(&csv, 2031)["rule_extended"], "true");
        assert_eq!(p2030["rule_extended"], "false");

        update(&mut app, Action::ToggleCurrency);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        let r = row(&csv, 2019);
        assert_eq!(r["unit"], "million $");
        assert_eq!(r["value"], format!("{:.1}", cost(&app, 2019)));
        // No dollar figure was published for 2019: converted, at the year's rate.
        assert_eq!(
            (
                r["status"].as_str(),
                r["currency_origin"].as_str(),
                r["rate"].as_str()
            ),
            ("converted", "converted", "recorded")
        );
        let rate = app.data.exchange_rate(2019).unwrap().per_usd;
        assert_eq!(r["krw_per_usd"], format!("{rate:.2}"));
        // 2014 was agreed in won: its dollars are converted like every won year's, and
        // the press's $866.86 m is reported beside, never the point.
        let r = row(&csv, 2014);
        let converted = 9200.0 * 100.0 / app.data.exchange_rate(2014).unwrap().per_usd;
        assert_eq!(
            (
                r["value"].as_str(),
                r["status"].as_str(),
                r["currency_origin"].as_str()
            ),
            (format!("{converted:.1}").as_str(), "converted", "converted")
        );
        assert!(
            r["reported"].contains("$866.86 m reported (R09 R08)"),
            "{}",
            r["reported"]
        );

        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleReal);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        let r = row(&csv, 2019);
        let base = app.inputs().assumptions.base_year;
        assert_eq!(r["unit"], format!("billion won of {base}"));
        assert_eq!(
            (
                r["basis"].as_str(),
                r["base_year"].as_str(),
                r["status"].as_str()
            ),
            ("real", base.to_string().as_str(), "derived")
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
        // Every file `e` writes, chart or table, says where each row comes from: the
        // recorded years their record's sources, projected ones their rule's.
        for (pane, table, (column, value), cited) in [
            (Pane::Timeline, false, ("id", "sma-12-agreed"), "R74"),
            (Pane::Costs, false, ("year", "2027"), "R74"),
            (Pane::Costs, true, ("year", "2027"), "R74"),
            (Pane::Troops, false, ("year", "2025"), "TDR"),
            (Pane::Troops, true, ("year", "2025"), "TDR"),
            (Pane::Assumptions, false, ("year", "2027"), "R74"),
            (Pane::Assumptions, true, ("year", "2027"), "R74"),
        ] {
            update(&mut app, Action::Focus(pane));
            if table != app.is_table(pane) {
                update(&mut app, Action::ToggleTable);
            }
            let (what, csv) = csv_of(update(&mut app, Action::Export));
            let r = row_by(&csv, column, value);
            let sources = r.get("sources").unwrap_or_else(|| panic!("{what}: {csv}"));
            assert!(
                sources.split("; ").any(|id| id == cited),
                "{what}: {sources}"
            );
        }
        reply(
            &mut app,
            Reply::Exported(Ok("./sma-dash-troops.csv".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("exported ./sma-dash-troops.csv")
        );
        reply(
            &mut app,
            Reply::Exported(Err("cannot write in /ro: denied".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("export failed: cannot write in /ro: denied")
        );
    }

    #[test]
    fn e_in_a_table_writes_the_table_shown_with_the_comparison() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::Move(n + 2));
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleTable);
        let shown = app.pane_table(Pane::Costs).unwrap();
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "costs");
        // Every column the screen can show, under its file name, then the stamp.
        let header = csv.lines().next().unwrap();
        let keys: Vec<&str> = shown.columns.iter().map(|c| c.key).collect();
        assert!(header.starts_with(&keys.join(",")), "{header}");
        assert!(header.ends_with(",dataset_version,assumptions"), "{header}");
        // The same rows: a year each, then the total over the projected years.
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(
            reader.records().count(),
            shown.rows.len() + shown.totals.len()
        );
        let r = row(&csv, 2030);
        let pinned: f64 = r["value"].parse().unwrap();
        let demand: f64 = r["value_demand-5bn"].parse().unwrap();
        assert_eq!(r["diff_demand-5bn"], format!("{:.1}", demand - pinned));
        assert_eq!(format!("{pinned:.1}"), format!("{:.1}", cost(&app, 2030)));
        // The recorded years are shared: no compared figure there.
        assert_eq!(row(&csv, 2020)["value_demand-5bn"], "");
        // The totals every view and file gives, each saying what it sums.
        let total = csv
            .lines()
            .find(|l| l.starts_with("total 2026–2030,"))
            .expect("a total row naming its years");
        assert!(
            total.contains(",2026 recorded + 2027–30 projected,"),
            "{total}"
        );
        assert!(
            csv.lines().any(|l| l.starts_with("total 2026–2035,")),
            "{csv}"
        );
        // Troops as a table, the same columns as shown.
        update(&mut app, Action::Focus(Pane::Troops));
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        assert!(
            csv.starts_with("year,troops,headline_level,gap_to_28500,as_of,"),
            "{csv}"
        );
        assert_eq!(
            row(&csv, 2018)["gap_to_28500"],
            (25_813 - 28_500).to_string()
        );
        // The Assumptions table: every scenario by year, in dollars as the view is.
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::ToggleTable);
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "scenarios");
        assert_eq!(row(&csv, 2030)["demand-5bn"], "5000.0");
    }

    #[test]
    fn b_shows_the_band_around_the_pinned_projection_and_its_totals() {
        let mut app = app();
        assert!(app.derived().bands.charted().is_none(), "off by default");
        update(&mut app, Action::ToggleBand);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("band: Korean CPI")
        );
        let band = app
            .derived()
            .bands
            .charted()
            .expect("the pinned scenario's band");
        assert_eq!(band.scenario, ScenarioId::CurrentAgreement);
        // 2027 follows 2025's recorded CPI: no width; 2030 lies inside its band.
        let y2027 = band.at(2027).unwrap();
        assert_eq!(y2027.low, y2027.high);
        let y2030 = band.at(2030).unwrap();
        let central = cost(&app, 2030);
        assert!(y2030.low.unwrap() < central && central < y2030.high.unwrap());
        // Every scenario's totals have a range; pinning another moves the chart's band.
        assert!(
            app.derived()
                .bands
                .total(ScenarioId::Demand5bn, 2026, 2030)
                .is_some()
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::Move(AssumptionId::ALL.len() as i32 + 2));
        update(&mut app, Action::Activate);
        assert_eq!(
            app.derived().bands.charted().unwrap().scenario,
            ScenarioId::Demand5bn
        );
        // In dollars a demand has no band: its dollars are fixed.
        update(&mut app, Action::ToggleCurrency);
        let b = app.derived().bands.charted().unwrap().at(2030).unwrap();
        assert_eq!((b.low, b.high), (Some(5_000.0), Some(5_000.0)));
        // Projections off: no band; b again: off.
        update(&mut app, Action::ToggleProjections);
        assert!(app.derived().bands.charted().is_none());
        update(&mut app, Action::ToggleProjections);
        update(&mut app, Action::ToggleBand);
        assert!(app.derived().bands.charted().is_none());
        assert_eq!(app.status.as_deref(), Some("band off"));
    }

    #[test]
    fn an_event_s_detail_scrolls_with_the_list_keys_and_capital_j_k_step_events() {
        let mut app = app();
        let km = app.keymap.clone();
        let key = |c: char| km.action(super::super::Key::char(c), Mode::Detail, Pane::Timeline);
        assert_eq!(key('j'), Some(Action::Move(1)));
        assert_eq!(key('k'), Some(Action::Move(-1)));
        assert_eq!(key('G'), Some(Action::Last));
        assert_eq!(key('J'), Some(Action::StepDetail(1)));
        assert_eq!(key('K'), Some(Action::StepDetail(-1)));
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.detail, DetailOf::Row);
        reply(
            &mut app,
            Reply::OverlayViewport {
                max_scroll: 25,
                page: 10,
            },
        );
        let event = app.timeline.selected;
        // j and k scroll the text, the event stays.
        update(&mut app, Action::Move(1));
        update(&mut app, Action::Move(1));
        assert_eq!(app.overlay_scroll, 2);
        update(&mut app, Action::Move(-1));
        assert_eq!(app.overlay_scroll, 1);
        assert_eq!(app.timeline.selected, event);
        update(&mut app, Action::Page(1));
        assert_eq!(app.overlay_scroll, 11);
        update(&mut app, Action::Page(5));
        assert_eq!(app.overlay_scroll, 25, "no further than the text goes");
        update(&mut app, Action::Page(-1));
        assert_eq!(app.overlay_scroll, 15);
        update(&mut app, Action::First);
        assert_eq!(app.overlay_scroll, 0);
        update(&mut app, Action::Last);
        assert_eq!(app.overlay_scroll, 25, "G: the bottom, the last source");
        assert_eq!(app.timeline.selected, event);
        // J moves to the next event, whose detail opens at its top; K back.
        update(&mut app, Action::StepDetail(1));
        assert_eq!(app.timeline.selected, event + 1);
        assert_eq!(app.overlay_scroll, 0);
        update(&mut app, Action::Move(3));
        update(&mut app, Action::StepDetail(-1));
        assert_eq!(app.timeline.selected, event);
        assert_eq!(app.overlay_scroll, 0);
        assert_eq!(app.mode(), Mode::Detail);
        // Enter closes it.
        assert_eq!(
            km.action(
                super::super::Key::plain(super::super::KeyCode::Enter),
                Mode::Detail,
                Pane::Timeline
            ),
            Some(Action::CloseOverlay)
        );
    }

    #[test]
    fn enter_on_a_costs_or_troops_year_opens_its_figure_in_chart_and_table_views() {
        let enter = super::super::Key::plain(super::super::KeyCode::Enter);
        for table in [false, true] {
            for pane in [Pane::Costs, Pane::Troops] {
                let mut app = app();
                update(&mut app, Action::Focus(pane));
                if table {
                    update(&mut app, Action::ToggleTable);
                }
                assert_eq!(
                    app.keymap.action(enter, Mode::Dashboard, pane),
                    Some(Action::ToggleDetail)
                );
                let to_2014 = 2014 - app.year;
                update(&mut app, Action::MoveYear(to_2014));
                update(&mut app, Action::ToggleDetail);
                assert_eq!(app.mode(), Mode::Detail, "{pane:?}, table {table}");
                assert_eq!(app.detail, DetailOf::Figure(pane));
                assert_eq!(app.overlay_scroll, 0);
                // The keys scroll it; J and K move the year, and the figure with it.
                reply(
                    &mut app,
                    Reply::OverlayViewport {
                        max_scroll: 9,
                        page: 4,
                    },
                );
                update(&mut app, Action::Move(2));
                assert_eq!(app.overlay_scroll, 2);
                assert_eq!(app.year, 2014);
                update(&mut app, Action::StepDetail(1));
                assert_eq!(app.year, 2015);
                assert_eq!(app.overlay_scroll, 0);
                update(&mut app, Action::StepDetail(-1));
                assert_eq!(app.year, 2014);
                // Enter and Esc close it; the pane keeps its view.
                update(&mut app, Action::CloseOverlay);
                assert_eq!(app.mode(), Mode::Dashboard);
                assert_eq!(app.is_table(pane), table);
            }
        }
    }

    #[test]
    fn enter_on_a_year_without_a_figure_says_so() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Troops));
        update(&mut app, Action::ToggleTroopHistory);
        let to_1951 = 1951 - app.year;
        update(&mut app, Action::MoveYear(to_1951));
        assert!(
            app.data
                .troop_count(1951)
                .is_some_and(|t| t.troops.is_none())
        );
        // 1951 has a record (no count) and so opens; a year of nothing at all does not.
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.status.as_deref(), Some("no figure in Costs for 1951"));
    }

    #[test]
    fn i_asks_for_the_focused_chart_as_the_pane_shows_it() {
        use crate::publish::ChartKind;
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleBand);
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("i on Costs asks for an image");
        };
        assert_eq!(figure.kind, ChartKind::Costs);
        assert!(
            figure.subtitle.starts_with("million $, nominal"),
            "{}",
            figure.subtitle
        );
        let shown: Vec<(i32, f64)> = app
            .derived()
            .costs
            .iter()
            .filter_map(|p| Some((p.year, p.value?)))
            .collect();
        let drawn: Vec<(i32, f64)> = figure.lines[0]
            .points
            .iter()
            .map(|p| (p.year, p.value))
            .collect();
        assert_eq!(drawn, shown, "the pane's series, point for point");
        assert_eq!(figure.bands.len(), 1, "with the band the pane shows");

        update(&mut app, Action::Focus(Pane::Assumptions));
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("i on Assumptions asks for the scenarios chart");
        };
        assert_eq!(figure.kind, ChartKind::Scenarios);
        assert_eq!(figure.lines.len(), app.derived().projections.len());

        update(&mut app, Action::Focus(Pane::Troops));
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("i on Troops asks for the troops chart");
        };
        assert_eq!(figure.kind, ChartKind::Troops);
        assert!(figure.level.is_some(), "the 28,500 level");

        update(&mut app, Action::Focus(Pane::Timeline));
        assert_eq!(update(&mut app, Action::Publish), Effect::Redraw);
        assert!(
            app.status
                .as_deref()
                .unwrap_or("")
                .contains("no chart in the Timeline")
        );
    }

    #[test]
    fn the_status_line_names_both_images_or_why_not() {
        let mut app = app();
        reply(
            &mut app,
            Reply::Published(Ok(("./c.svg".into(), "./c.png".into()))),
        );
        assert_eq!(app.status.as_deref(), Some("wrote ./c.svg and ./c.png"));
        reply(
            &mut app,
            Reply::Published(Err("cannot write in /ro: denied".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("image failed: cannot write in /ro: denied")
        );
    }
}
