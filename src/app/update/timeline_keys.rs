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
    let found = app.timeline.find(origin, 1);
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
    match app.timeline.find(start, direction) {
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
    let hits = app.timeline.hits();
    let (position, total) = (hits.binary_search(&selected).ok(), hits.len());
    let query = &app.timeline.search.query;
    app.status = Some(match position {
        Some(k) => format!("match {} of {total} for “{query}”", k + 1),
        None => format!("no match for “{query}”"),
    });
}
