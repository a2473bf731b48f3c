//! The timeline's rows: agreements as headers, their events under them, filtered by
//! kind, and the search over them.

use std::collections::HashMap;

use crate::data::{Dataset, Event, EventKind, FuzzyDate};

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

#[cfg(test)]
/// The index of the agreement an event is listed under: its own, or else the one in
/// force in its year; `None` for events outside every agreement.
fn group_of(d: &Dataset, e: &Event) -> Option<usize> {
    let by_id = e
        .agreement
        .as_deref()
        .and_then(|id| d.agreements.iter().position(|a| a.id == id));
    by_id.or_else(|| d.agreements.iter().position(|a| a.covers(e.date.year())))
}

/// `group_of` for every event at once: the agreements by id and by year looked up in
/// maps rather than searched for each event.
struct Groups<'d> {
    by_id: HashMap<&'d str, usize>,
    by_year: HashMap<i32, usize>,
}

impl<'d> Groups<'d> {
    fn new(d: &'d Dataset) -> Self {
        let mut by_id = HashMap::new();
        let mut by_year = HashMap::new();
        // The first agreement wins, as `position` finds it.
        for (i, a) in d.agreements.iter().enumerate() {
            by_id.entry(a.id.as_str()).or_insert(i);
            for year in a.first_year..=a.last_year {
                by_year.entry(year).or_insert(i);
            }
        }
        Self { by_id, by_year }
    }

    fn of(&self, e: &Event) -> Option<usize> {
        let by_id = e
            .agreement
            .as_deref()
            .and_then(|id| self.by_id.get(id).copied());
        by_id.or_else(|| self.by_year.get(&e.date.year()).copied())
    }
}

/// The rows for `filter`: each agreement with at least one event shown, oldest first,
/// its events by date. One pass over the events, each put in its group.
pub fn rows(d: &Dataset, filter: Option<EventKind>) -> Vec<Row> {
    let groups = Groups::new(d);
    let unattached = d.agreements.len();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); unattached + 1];
    let mut shown = 0;
    for (i, e) in d.events.iter().enumerate() {
        if filter.is_none_or(|k| e.kind == k) {
            members[groups.of(e).unwrap_or(unattached)].push(i);
            shown += 1;
        }
    }
    let mut rows = Vec::with_capacity(shown + members.len());
    for (group, events) in members.into_iter().enumerate() {
        if events.is_empty() {
            continue;
        }
        rows.push(if group == unattached {
            Row::Unattached
        } else {
            Row::Agreement(group)
        });
        rows.extend(events.into_iter().map(Row::Event));
    }
    rows
}

/// What the timeline derives from its rows, so that no key or frame scans them all:
/// how many are events, where each year starts, the events by date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowIndex {
    /// Event rows (the rest are headers).
    pub events: usize,
    /// The first row of each year.
    first_of_year: HashMap<i32, usize>,
    /// Each event row's date and index, by date then index.
    by_date: Vec<(FuzzyDate, usize)>,
}

impl RowIndex {
    pub fn new(d: &Dataset, rows: &[Row]) -> Self {
        let mut first_of_year = HashMap::new();
        let mut by_date = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            if let Some(year) = row_year(d, *row) {
                first_of_year.entry(year).or_insert(i);
            }
            if let Row::Event(e) = row
                && let Some(e) = d.events.get(*e)
            {
                by_date.push((e.date, i));
            }
        }
        by_date.sort_unstable();
        Self {
            events: by_date.len(),
            first_of_year,
            by_date,
        }
    }

    /// The first row of `year`, header or event.
    pub fn first_of_year(&self, year: i32) -> Option<usize> {
        self.first_of_year.get(&year).copied()
    }

    /// The row of the earliest event after `year` (the first row of it, on a tie).
    pub fn first_event_after(&self, year: i32) -> Option<usize> {
        let i = self
            .by_date
            .partition_point(|(date, _)| date.year() <= year);
        self.by_date.get(i).map(|(_, row)| *row)
    }
}

/// The word a search for events whose people are inferred, not named by a source, finds.
pub const INFERRED: &str = "inferred";

/// What the search looks in, lowercased once: each event's headline, text, place and
/// people (and "inferred" where some of them are), each agreement's name and people,
/// the fields apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    events: Vec<Box<str>>,
    agreements: Vec<Box<str>>,
}

/// Between the fields of a `SearchText`: a query holding it falls back to `matches`.
const FIELD_SEPARATOR: char = '\0';

impl SearchText {
    pub fn new(d: &Dataset) -> Self {
        fn join<'a>(fields: impl Iterator<Item = &'a str>) -> Box<str> {
            let mut text = String::new();
            for f in fields {
                text.push_str(&f.to_lowercase());
                text.push(FIELD_SEPARATOR);
            }
            text.into_boxed_str()
        }
        let events = d
            .events
            .iter()
            .map(|e| {
                let fields = [
                    Some(e.headline.as_str()),
                    e.text.as_deref(),
                    e.place.as_deref(),
                ];
                join(
                    fields
                        .into_iter()
                        .flatten()
                        .chain(e.people.iter().map(String::as_str))
                        .chain((!e.people_inferred.is_empty()).then_some(INFERRED)),
                )
            })
            .collect();
        let agreements = d
            .agreements
            .iter()
            .map(|a| {
                let name = a.name();
                let people = [&a.negotiators, &a.signatories]
                    .into_iter()
                    .flat_map(|s| s.rok.iter().chain(&s.us))
                    .map(String::as_str);
                join(std::iter::once(name.as_str()).chain(people))
            })
            .collect();
        Self { events, agreements }
    }

    /// `matches(d, row, query)`, with `lowered` the query lowercased.
    pub fn matches(&self, d: &Dataset, row: Row, lowered: &str) -> bool {
        if lowered.is_empty() {
            return false;
        }
        if lowered.contains(FIELD_SEPARATOR) {
            return matches(d, row, lowered);
        }
        let text = match row {
            Row::Event(i) => self.events.get(i),
            Row::Agreement(i) => self.agreements.get(i),
            Row::Unattached => None,
        };
        text.is_some_and(|t| t.contains(lowered))
    }
}

/// The rows matching a query, in order, kept until the query or the rows change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    /// The query lowercased.
    lowered: String,
    rows: Vec<usize>,
}

impl Hits {
    /// The rows matching `query`, from these hits when `query` only adds to theirs.
    pub fn update(&mut self, d: &Dataset, text: &SearchText, rows: &[Row], query: &str) {
        let lowered = query.to_lowercase();
        if lowered == self.lowered {
            return;
        }
        let narrows = !self.lowered.is_empty() && lowered.contains(self.lowered.as_str());
        let hit = |i: &usize| text.matches(d, rows[*i], &lowered);
        self.rows = if narrows {
            self.rows.iter().copied().filter(hit).collect()
        } else {
            (0..rows.len()).filter(hit).collect()
        };
        self.lowered = lowered;
    }

    /// Whether these are the hits of `query`.
    pub fn are_for(&self, query: &str) -> bool {
        // Lowercasing allocates: compare the cheap way first.
        self.lowered == query || self.lowered == query.to_lowercase()
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// What `find` returns over these hits, of `n` rows.
    pub fn find(&self, n: usize, start: usize, direction: i32) -> Option<usize> {
        let hits = &self.rows;
        if n == 0 || hits.is_empty() {
            return None;
        }
        let start = start % n;
        let at_or_after = hits.partition_point(|&h| h < start);
        match direction.signum() {
            0 => (hits.get(at_or_after) == Some(&start)).then_some(start),
            1 => hits.get(at_or_after).or(hits.first()).copied(),
            _ => {
                let at_or_before = hits.partition_point(|&h| h <= start);
                at_or_before
                    .checked_sub(1)
                    .map(|i| hits[i])
                    .or(hits.last().copied())
            }
        }
    }
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
/// text, place or people (or `INFERRED`, where some of its people are); an agreement's
/// name, negotiators or signatories.
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
                || (!e.people_inferred.is_empty() && hit(INFERRED))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::synthetic::synthetic;

    /// The rows as first written: each group scanning every event.
    fn rows_by_scan(d: &Dataset, filter: Option<EventKind>) -> Vec<Row> {
        let shown = |e: &Event| filter.is_none_or(|k| e.kind == k);
        let mut rows = Vec::new();
        let groups = (0..d.agreements.len()).map(Some).chain([None]);
        for group in groups {
            let events: Vec<usize> = (0..d.events.len())
                .filter(|&i| shown(&d.events[i]) && group_of(d, &d.events[i]) == group)
                .collect();
            if !events.is_empty() {
                rows.push(group.map_or(Row::Unattached, Row::Agreement));
                rows.extend(events.into_iter().map(Row::Event));
            }
        }
        rows
    }

    fn datasets() -> Vec<Dataset> {
        vec![
            Dataset::embedded().expect("the embedded dataset loads"),
            synthetic(500, 60, 7),
        ]
    }

    #[test]
    fn rows_are_those_of_a_scan_for_every_filter() {
        for d in datasets() {
            for filter in std::iter::once(None).chain(EventKind::ALL.map(Some)) {
                assert_eq!(rows(&d, filter), rows_by_scan(&d, filter), "{filter:?}");
            }
        }
    }

    #[test]
    fn the_row_index_answers_as_a_scan_does() {
        for d in datasets() {
            let rows = rows(&d, None);
            let index = RowIndex::new(&d, &rows);
            let events = rows.iter().filter(|r| matches!(r, Row::Event(_))).count();
            assert_eq!(index.events, events);
            for year in 1940..2110 {
                let exact = rows.iter().position(|r| row_year(&d, *r) == Some(year));
                assert_eq!(index.first_of_year(year), exact, "{year}");
                let after = rows
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| match r {
                        Row::Event(e) => Some((d.events[*e].date, i)),
                        _ => None,
                    })
                    .filter(|(date, _)| date.year() > year)
                    .min()
                    .map(|(_, i)| i);
                assert_eq!(index.first_event_after(year), after, "{year}");
            }
        }
    }

    #[test]
    fn indexed_search_finds_what_a_scan_finds() {
        for d in datasets() {
            let rows = rows(&d, None);
            let text = SearchText::new(&d);
            let mut hits = Hits::default();
            // Typed a letter at a time, so the hits narrow, then other queries.
            let queries = [
                "h", "ho", "hon", "honolulu", "HONO", "round", "sma", "chang", "", "zzz",
                "event 4", "seoul", "kim 3", "\0x", "inferred", "INFER",
            ];
            for query in queries {
                hits.update(&d, &text, &rows, query);
                assert!(hits.are_for(query));
                let scanned: Vec<usize> = (0..rows.len())
                    .filter(|&i| matches(&d, rows[i], query))
                    .collect();
                assert_eq!(hits.rows(), scanned, "{query:?}");
                for start in [0, 1, rows.len() / 2, rows.len() - 1, rows.len() + 3] {
                    for direction in [-1, 0, 1] {
                        assert_eq!(
                            hits.find(rows.len(), start, direction),
                            find(&d, &rows, query, start, direction),
                            "{query:?} from {start} towards {direction}"
                        );
                    }
                }
            }
        }
    }
}
