//! The timeline's rows: agreements as headers, their events under them, filtered by
//! kind, and the search over them.

use crate::data::{Dataset, Event, EventKind};

/// One row of the timeline list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An agreement's header, by index into `Dataset::agreements`.
    Agreement(usize),
    /// Events tied to no agreement the dataset knows.
    Unattached,
    /// An event, by index into `Dataset::events`.
    Event(usize),
}

/// The index of the agreement an event is listed under: its own, or else the one in
/// force in its year; `None` for events outside every agreement.
fn group_of(d: &Dataset, e: &Event) -> Option<usize> {
    let by_id = e
        .agreement
        .as_deref()
        .and_then(|id| d.agreements.iter().position(|a| a.id == id));
    by_id.or_else(|| d.agreements.iter().position(|a| a.covers(e.date.year())))
}

/// The rows for `filter`: each agreement with at least one event shown, oldest first,
/// its events by date.
pub fn rows(d: &Dataset, filter: Option<EventKind>) -> Vec<Row> {
    let shown = |e: &Event| filter.is_none_or(|k| e.kind == k);
    let mut rows = Vec::new();
    for (ai, _) in d.agreements.iter().enumerate() {
        let events: Vec<usize> = d
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| shown(e) && group_of(d, e) == Some(ai))
            .map(|(i, _)| i)
            .collect();
        if !events.is_empty() {
            rows.push(Row::Agreement(ai));
            rows.extend(events.into_iter().map(Row::Event));
        }
    }
    let rest: Vec<usize> = d
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| shown(e) && group_of(d, e).is_none())
        .map(|(i, _)| i)
        .collect();
    if !rest.is_empty() {
        rows.push(Row::Unattached);
        rows.extend(rest.into_iter().map(Row::Event));
    }
    rows
}

/// The year a row stands for: the event's, or the agreement's first.
pub fn row_year(d: &Dataset, row: Row) -> Option<i32> {
    match row {
        Row::Agreement(i) => d.agreements.get(i).map(|a| a.first_year),
        Row::Event(i) => d.events.get(i).map(|e| e.date.year()),
        Row::Unattached => None,
    }
}

/// Whether `row` matches the search `query` (case-insensitive): an event's headline,
/// text, place or people; an agreement's name, negotiators or signatories.
pub fn matches(d: &Dataset, row: Row, query: &str) -> bool {
    let query = query.to_lowercase();
    if query.is_empty() {
        return false;
    }
    let hit = |s: &str| s.to_lowercase().contains(&query);
    match row {
        Row::Event(i) => d.events.get(i).is_some_and(|e| {
            hit(&e.headline)
                || e.text.as_deref().is_some_and(hit)
                || e.place.as_deref().is_some_and(hit)
                || e.people.iter().any(|p| hit(p))
        }),
        Row::Agreement(i) => d.agreements.get(i).is_some_and(|a| {
            hit(&a.name())
                || [&a.negotiators, &a.signatories]
                    .iter()
                    .any(|s| s.rok.iter().chain(&s.us).any(|p| hit(p)))
        }),
        Row::Unattached => false,
    }
}

/// The first row from `start` in `direction` (wrapping, `start` included) matching `query`.
pub fn find(d: &Dataset, rows: &[Row], query: &str, start: usize, direction: i32) -> Option<usize> {
    let n = rows.len();
    (0..n)
        .map(|k| {
            let k = k as i64 * i64::from(direction.signum());
            (start as i64 + k).rem_euclid(n as i64) as usize
        })
        .find(|&i| matches(d, rows[i], query))
}

/// The kinds present in the dataset, in their natural order: what `f` cycles through.
pub fn kinds_present(d: &Dataset) -> Vec<EventKind> {
    EventKind::ALL
        .into_iter()
        .filter(|k| d.events.iter().any(|e| e.kind == *k))
        .collect()
}
