//! The timeline's own keys: agreements, the kind filter, the order, the search.

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        JumpAgreement(direction) => jump_agreement(app, direction),
        CycleFilter(direction) => {
            let kinds: Vec<EventKind> = app.timeline.kinds.iter().map(|(k, _)| *k).collect();
            let next = if app.host_shown().is_both() {
                crate::app::hosts::step_filter(&kinds, app.timeline.filter, direction)
            } else {
                timeline::step_filter(&kinds, app.timeline.filter, direction)
            };
            set_filter(app, next)
        }
        ClearFilter => {
            if app.timeline.filter.is_all() {
                return Effect::None;
            }
            set_filter(app, KindFilter::ALL)
        }
        ToggleOrder => {
            app.timeline.order = app.timeline.order.toggled();
            app.refresh_timeline();
            app.status = Some(format!("timeline {}", app.timeline.order.label()));
            Effect::Redraw
        }
        StartSearch if app.mode() == Mode::Sources => {
            app.sources.supports = None;
            let mut prompt = Prompt::new(PromptKind::SourceSearch);
            prompt.input.insert(&app.sources.query);
            open_prompt(app, prompt)
        }
        StartSearch => {
            app.timeline.search = crate::app::Search {
                query: String::new(),
                typing_from: Some(app.timeline.selected),
            };
            open_prompt(app, Prompt::new(PromptKind::Search))
        }
        SearchAgain(direction) => search_again(app, direction),
        _ => Effect::None,
    }
}

pub(super) fn jump_agreement(app: &mut App, direction: i32) -> Effect {
    match app
        .timeline
        .index
        .run_start(app.timeline.selected, direction)
    {
        Some(i) => select_row(app, i as i64),
        None => Effect::None,
    }
}

pub(super) fn set_filter(app: &mut App, filter: KindFilter) -> Effect {
    app.timeline.filter = filter;
    app.refresh_timeline();
    // As selecting an event does, the year cursor goes to the selected row's year.
    if let Some(year) = app
        .selected_row()
        .and_then(|r| timeline::row_year(&app.data, r))
    {
        let (first, last) = app.year_range();
        app.year = year.clamp(first, last);
    }
    let shown = timeline::shown_events(app.timeline.index.events, filter);
    app.status = Some(if filter.is_all() {
        format!("filter off: {shown}")
    } else {
        format!("filter: {shown}")
    });
    Effect::Redraw
}

pub(super) fn search_as_typed(app: &mut App) -> Effect {
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

pub(super) fn search_again(app: &mut App, direction: i32) -> Effect {
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
pub(super) fn report_matches(app: &mut App) {
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

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    /// The texts searched are cut at the first search, not at start, and again for the
    /// dataset of another host shown: a search then finds that host's events.
    #[test]
    fn the_search_text_is_cut_when_first_searched_and_again_for_another_host() {
        let hosts = crate::data::Hosts::embedded().expect("both embedded hosts load");
        let mut app = crate::app::hosts::tests::app_on(hosts);
        assert!(app.timeline.search_text.get().is_none());
        // Korea's: no event of Japan's.
        assert!(found(&mut app, "Kaifu").is_empty());
        assert!(app.timeline.search_text.get().is_some());
        app.timeline.search.query.clear();
        update(&mut app, Action::CycleHost);
        assert!(app.timeline.search_text.get().is_none());
        let japan = found(&mut app, "Kaifu");
        assert!(!japan.is_empty());
        assert_eq!(
            app.timeline.search_text.get(),
            Some(&timeline::SearchText::new(&app.data))
        );
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
}
