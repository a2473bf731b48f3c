//! The overlays: the help and its pages, the detail popup, the kind picker, and the
//! runtime's measure of an overlay (`Reply::OverlayViewport`).

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        ToggleHelp => {
            if app.overlay == Some(Mode::Help) {
                return close_help(app);
            }
            // Above the overlay open, which comes back when the help closes.
            app.beneath = app.overlay.map(|m| (m, app.overlay_scroll));
            app.overlay = Some(Mode::Help);
            app.help_page = HelpPage::Keys;
            app.overlay_scroll = 0;
            Effect::Redraw
        }
        TurnHelpPage(by) => {
            if app.mode() != Mode::Help {
                return Effect::None;
            }
            app.help_page = app.help_page.turned(by);
            app.overlay_scroll = 0;
            Effect::Redraw
        }
        CloseOverlay => match app.overlay {
            Some(Mode::Help) => close_help(app),
            Some(Mode::Sources) => sources::back(app),
            Some(Mode::Shares) => shares::back(app),
            _ => app.overlay.take().is_some().into(),
        },
        OpenSources => sources::open(app),
        OpenShares => shares::open(app),
        SortSources => sources::toggle_order(app),
        ToggleDetail => toggle_detail(app),
        StepDetail(delta) => step_detail(app, delta),
        OpenKinds => {
            let rows = app.picker_rows();
            let t = &mut app.timeline;
            // At the first kind chosen, if any.
            let first = t.filter.kinds().next();
            t.kind_cursor = first
                .and_then(|k| rows.iter().position(|(x, _)| *x == PickerRow::Kind(k)))
                .unwrap_or(0);
            app.overlay = Some(Mode::Kinds);
            Effect::Redraw
        }
        ToggleKind => match app.picker_rows().get(app.timeline.kind_cursor) {
            Some((PickerRow::Kind(kind), _)) => {
                let next = app.timeline.filter.toggled(*kind);
                set_filter(app, next)
            }
            Some((PickerRow::Host(h), _)) => {
                let h = *h;
                match timeline::toggle_host(app.timeline.filter, h) {
                    Some(next) => set_filter(app, next),
                    None => {
                        app.status = Some(format!(
                            "{}'s events are the only ones shown: show the other host's, or a for all",
                            h.name()
                        ));
                        Effect::Redraw
                    }
                }
            }
            None => Effect::None,
        },
        _ => Effect::None,
    }
}

/// The runtime's measure of the open overlay: it scrolls this far, a page this long.
pub(super) fn set_viewport(app: &mut App, max_scroll: u16, page: u16) -> Effect {
    app.overlay_max = max_scroll;
    app.overlay_page = page;
    app.overlay_scroll = app.overlay_scroll.min(max_scroll);
    Effect::None
}

/// Enter: in the timeline the selected row's detail; in Costs or Troops the detail of
/// the figure at the year cursor, with every source. Each opens at its top.
pub(super) fn toggle_detail(app: &mut App) -> Effect {
    if app.mode() == Mode::Sources {
        return sources::enter(app);
    }
    if app.mode() == Mode::Shares {
        return shares::enter(app);
    }
    if app.overlay == Some(Mode::Detail) {
        app.overlay = None;
        return Effect::Redraw;
    }
    let of = match app.focus {
        pane @ (Pane::Costs | Pane::Troops) => DetailOf::Figure(pane),
        _ => DetailOf::Row,
    };
    if let DetailOf::Figure(pane) = of
        && !app.has_figure(pane)
    {
        app.status = Some(format!("no figure in {} for {}", pane.title(), app.year));
        return Effect::Redraw;
    }
    app.detail = of;
    app.overlay = Some(Mode::Detail);
    app.overlay_scroll = 0;
    Effect::Redraw
}

/// J / K in the detail: the next or previous event, or year, shown from its top.
pub(super) fn step_detail(app: &mut App, delta: i32) -> Effect {
    let effect = match app.detail {
        DetailOf::Row => select_row(app, app.timeline.selected as i64 + i64::from(delta)),
        DetailOf::Figure(_) => move_year(app, delta),
    };
    if effect == Effect::Redraw {
        app.overlay_scroll = 0;
    }
    effect
}

/// Closes the help, back to the overlay it was opened over, where it was.
fn close_help(app: &mut App) -> Effect {
    let (overlay, scroll) = match app.beneath.take() {
        Some((mode, scroll)) => (Some(mode), scroll),
        None => (None, 0),
    };
    app.overlay = overlay;
    app.overlay_scroll = scroll;
    Effect::Redraw
}

pub(super) fn scroll_overlay(app: &mut App, delta: i64) -> Effect {
    let next = (i64::from(app.overlay_scroll) + delta).clamp(0, i64::from(app.overlay_max)) as u16;
    set(&mut app.overlay_scroll, next)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

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
    fn enter_opens_and_closes_the_detail() {
        let mut app = app();
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Detail);
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn with_both_hosts_the_kind_picker_shows_and_hides_each_host_s_events_as_f_does() {
        use crate::app::hosts::tests::app_on;
        use crate::data::{Host, Hosts};
        let mut app = app_on(Hosts::embedded().expect("both embedded hosts load"));
        // Korea alone: kinds only.
        assert!(
            app.picker_rows()
                .iter()
                .all(|(r, _)| matches!(r, PickerRow::Kind(_)))
        );
        update(&mut app, Action::CycleHost);
        update(&mut app, Action::CycleHost);
        update(&mut app, Action::OpenKinds);
        let rows = app.picker_rows();
        let count = |app: &App, h: Host| app.data.events.iter().filter(|e| e.host == h).count();
        assert_eq!(
            rows[0],
            (PickerRow::Host(Host::Korea), count(&app, Host::Korea))
        );
        assert_eq!(
            rows[1],
            (PickerRow::Host(Host::Japan), count(&app, Host::Japan))
        );
        assert_eq!(rows.len(), app.timeline.kinds.len() + 2);
        // Space on Korea's row hides Korea's events: Japan's alone, as `f` shows them.
        update(&mut app, Action::ToggleKind);
        assert_eq!(app.timeline.filter, KindFilter::only_host(Host::Japan));
        assert_eq!(app.timeline.index.events, count(&app, Host::Japan));
        assert!(
            app.timeline
                .events(&app.data)
                .all(|e| e.host == Host::Japan)
        );
        // Japan's hidden too would leave none: refused, said why.
        update(&mut app, Action::Move(1));
        update(&mut app, Action::ToggleKind);
        assert_eq!(app.timeline.filter, KindFilter::only_host(Host::Japan));
        assert!(
            app.status
                .as_deref()
                .unwrap_or("")
                .starts_with("Japan's events are the only ones shown")
        );
        // Korea's shown again: every host's. With a kind chosen, the host rows keep it.
        update(&mut app, Action::Move(-1));
        update(&mut app, Action::ToggleKind);
        assert!(app.timeline.filter.is_all());
        update(&mut app, Action::Move(2));
        update(&mut app, Action::ToggleKind);
        let kind = app.timeline.kinds[0].0;
        assert_eq!(app.timeline.filter, KindFilter::only(kind));
        update(&mut app, Action::First);
        update(&mut app, Action::Move(1));
        update(&mut app, Action::ToggleKind);
        assert_eq!(
            app.timeline.filter,
            KindFilter::only(kind).with_host(Some(Host::Korea))
        );
        // Reopened, the cursor is on the first kind chosen, past the hosts' rows.
        update(&mut app, Action::CloseOverlay);
        update(&mut app, Action::OpenKinds);
        assert_eq!(app.timeline.kind_cursor, 2);
        update(&mut app, Action::Last);
        assert_eq!(app.timeline.kind_cursor, rows.len() - 1);
        // `f`'s host step is what the picker's host row shows.
        update(&mut app, Action::CloseOverlay);
        update(&mut app, Action::ClearFilter);
        update(&mut app, Action::CycleFilter(1));
        assert_eq!(app.timeline.filter, KindFilter::only_host(Host::Korea));
        assert_eq!(
            crate::app::timeline::toggle_host(app.timeline.filter, Host::Japan),
            Some(KindFilter::ALL)
        );
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
    fn an_event_s_detail_scrolls_with_the_list_keys_and_capital_j_k_step_events() {
        let mut app = app();
        let km = app.keymap.clone();
        let key = |c: char| km.action(crate::app::Key::char(c), Mode::Detail, Pane::Timeline);
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
                crate::app::Key::plain(crate::app::KeyCode::Enter),
                Mode::Detail,
                Pane::Timeline
            ),
            Some(Action::CloseOverlay)
        );
    }

    #[test]
    fn enter_on_a_costs_or_troops_year_opens_its_figure_in_chart_and_table_views() {
        let enter = crate::app::Key::plain(crate::app::KeyCode::Enter);
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
}
