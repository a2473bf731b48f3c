//! The timeline's rows: agreements as headers and their events under them, or every
//! event by date; filtered by kind; and the search over them.

use std::collections::HashMap;

use crate::data::search::{self, Query};
use crate::data::{Agreement, Dataset, Event, EventKind, FuzzyDate, Host};

/// How the timeline orders its events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// Under each agreement's header, the agreements oldest first.
    #[default]
    Grouped,
    /// Every event by date, oldest first, without headers.
    ByDate,
}

impl Order {
    /// What the pane's title says.
    pub fn label(self) -> &'static str {
        match self {
            Order::Grouped => "by agreement",
            Order::ByDate => "by date",
        }
    }

    /// The label in fewer columns, for a narrow title.
    pub fn short_label(self) -> &'static str {
        match self {
            Order::Grouped => "grouped",
            Order::ByDate => "by date",
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Order::Grouped => Order::ByDate,
            Order::ByDate => Order::Grouped,
        }
    }
}

/// The kinds of event the timeline shows: every kind, or those chosen; and, with both
/// hosts shown, every host's or one host's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindFilter {
    /// A bit for each kind chosen, by its place in `EventKind::ALL`; none: every kind.
    chosen: u16,
    /// The one host whose events are shown; `None`: every host's.
    host: Option<Host>,
}

impl KindFilter {
    /// Every kind: no filter.
    pub const ALL: KindFilter = KindFilter {
        chosen: 0,
        host: None,
    };

    pub fn only(kind: EventKind) -> Self {
        Self::ALL.toggled(kind)
    }

    fn bit(kind: EventKind) -> u16 {
        let i = EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        1 << i
    }

    pub fn is_all(self) -> bool {
        self.chosen == 0 && self.host.is_none()
    }

    /// The events of `host` alone, whatever their kind.
    pub fn only_host(host: Host) -> Self {
        Self {
            host: Some(host),
            ..Self::ALL
        }
    }

    /// The one host whose events are shown, if the filter takes one.
    pub fn host(self) -> Option<Host> {
        self.host
    }

    /// This filter with `host`'s events alone, or (`None`) every host's.
    pub fn with_host(self, host: Option<Host>) -> Self {
        Self { host, ..self }
    }

    /// This filter where the timeline shows one host (`both` false): no host to take.
    pub fn for_hosts(self, both: bool) -> Self {
        Self {
            host: self.host.filter(|_| both),
            ..self
        }
    }

    /// Whether the event is shown: its kind, and its host.
    pub fn shows_event(self, e: &Event) -> bool {
        self.shows(e.kind) && self.host.is_none_or(|h| h == e.host)
    }

    /// Whether the kind is chosen (not merely shown, as every kind is with no filter).
    pub fn has(self, kind: EventKind) -> bool {
        self.chosen & Self::bit(kind) != 0
    }

    pub fn shows(self, kind: EventKind) -> bool {
        self.chosen == 0 || self.has(kind)
    }

    /// With `kind` chosen if it was not, left out if it was.
    pub fn toggled(self, kind: EventKind) -> Self {
        Self {
            chosen: self.chosen ^ Self::bit(kind),
            host: self.host,
        }
    }

    /// The kinds chosen, in their natural order.
    pub fn kinds(self) -> impl Iterator<Item = EventKind> {
        EventKind::ALL.into_iter().filter(move |k| self.has(*k))
    }

    /// "rounds", "rounds, demands"; `None` for every kind.
    pub fn label(self) -> Option<String> {
        let names: Vec<&str> = self.kinds().map(kind_plural).collect();
        let kinds = (!names.is_empty()).then(|| names.join(", "));
        match (self.host, kinds) {
            (Some(h), Some(k)) => Some(format!("{} · {k}", h.name())),
            (Some(h), None) => Some(h.name().to_string()),
            (None, k) => k,
        }
    }
}

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
    /// By host and year: an event of one host goes under its own host's agreement.
    by_year: HashMap<(Host, i32), usize>,
}

impl<'d> Groups<'d> {
    fn new(d: &'d Dataset) -> Self {
        let mut by_id = HashMap::new();
        let mut by_year = HashMap::new();
        // The first agreement wins, as `position` finds it.
        for (i, a) in d.agreements.iter().enumerate() {
            by_id.entry(a.id.as_str()).or_insert(i);
            for year in a.first_year..=a.last_year {
                by_year.entry((a.host, year)).or_insert(i);
            }
        }
        Self { by_id, by_year }
    }

    fn of(&self, e: &Event) -> Option<usize> {
        let by_id = e
            .agreement
            .as_deref()
            .and_then(|id| self.by_id.get(id).copied());
        by_id.or_else(|| self.by_year.get(&(e.host, e.date.year())).copied())
    }
}

/// The rows for the kinds `filter` shows, in `order`. Grouped: each agreement with at least one event
/// shown, oldest first, its events by date. By date: the events alone, by date, a
/// day's events in the order of their kinds (a round before the agreement it led to),
/// then as the dataset lists them.
pub fn rows(d: &Dataset, filter: KindFilter, order: Order) -> Vec<Row> {
    let shown = |e: &Event| filter.shows_event(e);
    if order == Order::ByDate {
        let mut events: Vec<usize> = (0..d.events.len())
            .filter(|&i| shown(&d.events[i]))
            .collect();
        // Stable: equal dates and kinds keep the dataset's order.
        events.sort_by_key(|&i| (d.events[i].date, d.events[i].kind));
        return events.into_iter().map(Row::Event).collect();
    }
    let groups = Groups::new(d);
    let unattached = d.agreements.len();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); unattached + 1];
    let mut count = 0;
    for (i, e) in d.events.iter().enumerate() {
        if shown(e) {
            members[groups.of(e).unwrap_or(unattached)].push(i);
            count += 1;
        }
    }
    let mut rows = Vec::with_capacity(count + members.len());
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
/// how many are events, where each year starts, the events by date, where each run of
/// one agreement's rows starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowIndex {
    /// Event rows (the rest are headers).
    pub events: usize,
    /// The first row of each year.
    first_of_year: HashMap<i32, usize>,
    /// Each event row's date and index, by date then index.
    by_date: Vec<(FuzzyDate, usize)>,
    /// The rows where another agreement's rows begin: each header when grouped; by
    /// date, each event whose agreement is not the one before's.
    run_starts: Vec<usize>,
}

impl RowIndex {
    pub fn new(d: &Dataset, rows: &[Row]) -> Self {
        // Grouped, the headers start the runs; by date (no headers: the first row is an
        // event), each event whose agreement is not the one before's does.
        let groups = matches!(rows.first(), Some(Row::Event(_))).then(|| Groups::new(d));
        let mut first_of_year = HashMap::new();
        let mut by_date = Vec::new();
        let mut run_starts = Vec::new();
        let mut run = None;
        for (i, row) in rows.iter().enumerate() {
            let starts = match (row, &groups) {
                (Row::Event(e), Some(groups)) => {
                    let group = d.events.get(*e).map(|e| groups.of(e));
                    let starts = i == 0 || group != run;
                    run = group;
                    starts
                }
                (Row::Event(_), None) => false,
                (Row::Agreement(_) | Row::Unattached, _) => true,
            };
            if starts {
                run_starts.push(i);
            }
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
            run_starts,
        }
    }

    /// The row where the next (+1) or previous (-1) agreement's rows start: from inside
    /// a run, back to its own start first.
    pub fn run_start(&self, from: usize, direction: i32) -> Option<usize> {
        if direction > 0 {
            let i = self.run_starts.partition_point(|&s| s <= from);
            self.run_starts.get(i).copied()
        } else {
            let i = self.run_starts.partition_point(|&s| s < from);
            i.checked_sub(1).map(|i| self.run_starts[i])
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

/// What the search looks in, cut into search tokens once: each event's headline, text,
/// place, people (and "inferred" where some of them are), kind, agreement (its name
/// and id: "11th SMA", "sma-11") and its sources' titles and publishers; each agreement's name, id and people; the fields apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    events: search::Texts,
    agreements: search::Texts,
}

impl SearchText {
    pub fn new(d: &Dataset) -> Self {
        let mut text = Self::default();
        let mut sources = SourceTokens::new(d);
        for e in &d.events {
            push_event(&mut text.events, d, e, Some(&mut sources));
        }
        for a in &d.agreements {
            push_agreement(&mut text.agreements, a);
        }
        text
    }

    /// Whether `row` holds the query's tokens.
    pub fn matches(&self, row: Row, query: &Query) -> bool {
        match row {
            Row::Event(i) => self.events.matches(i, query),
            Row::Agreement(i) => self.agreements.matches(i, query),
            Row::Unattached => false,
        }
    }
}

/// The tokens of each source's title and publisher, cut the first time an event cites
/// it: a source is cited by many events.
struct SourceTokens<'d> {
    /// The index in `Dataset::sources` of each id (the first, as `Dataset::source`).
    index: HashMap<&'d str, usize>,
    tokens: Vec<Option<[search::FieldTokens; 2]>>,
    sources: &'d [crate::data::Source],
}

impl<'d> SourceTokens<'d> {
    fn new(d: &'d Dataset) -> Self {
        let mut index = HashMap::with_capacity(d.sources.len());
        for (i, s) in d.sources.iter().enumerate() {
            index.entry(s.id.as_str()).or_insert(i);
        }
        Self {
            index,
            tokens: vec![None; d.sources.len()],
            sources: &d.sources,
        }
    }

    /// The tokens of the title and publisher of each source of `ids` that the dataset
    /// holds, in order; each source's cut the first time.
    fn of<'s>(&'s mut self, ids: &[String]) -> impl Iterator<Item = &'s search::FieldTokens> {
        for id in ids {
            if let Some(&i) = self.index.get(id.as_str()) {
                let s = &self.sources[i];
                self.tokens[i].get_or_insert_with(|| {
                    [
                        search::FieldTokens::new(&s.title),
                        search::FieldTokens::new(&s.publisher),
                    ]
                });
            }
        }
        let (index, tokens) = (&self.index, &self.tokens);
        ids.iter()
            .filter_map(move |id| index.get(id.as_str()))
            .filter_map(move |&i| tokens[i].as_ref())
            .flatten()
    }
}

/// Adds event `e`'s text: its own fields, then the titles and publishers of its
/// sources ("Hawaii" finds the round that a report places there), those cut once for
/// every event citing them where `sources` keeps them, else cut here (the same text).
fn push_event(
    texts: &mut search::Texts,
    d: &Dataset,
    e: &Event,
    sources: Option<&mut SourceTokens>,
) {
    let agreement = e.agreement.as_deref().and_then(|id| d.agreement(id));
    let name = agreement.map(|a| a.name());
    let fields = [
        Some(e.headline.as_str()),
        e.text.as_deref(),
        e.place.as_deref(),
        Some(e.kind.label()),
        name.as_deref(),
        agreement.map(|a| a.id.as_str()),
    ];
    let own = fields
        .into_iter()
        .flatten()
        .chain(e.people.iter().map(String::as_str))
        .chain((!e.people_inferred.is_empty()).then_some(INFERRED));
    match sources {
        Some(sources) => texts.push_with(own, sources.of(&e.sources)),
        None => texts.push(
            own.chain(
                e.sources
                    .iter()
                    .filter_map(|id| d.source(id))
                    .flat_map(|s| [s.title.as_str(), s.publisher.as_str()]),
            ),
        ),
    }
}

fn push_agreement(texts: &mut search::Texts, a: &Agreement) {
    let name = a.name();
    let people = [&a.negotiators, &a.signatories]
        .into_iter()
        .flat_map(|s| s.host.iter().chain(&s.us))
        .map(String::as_str);
    texts.push([name.as_str(), a.id.as_str()].into_iter().chain(people));
}

/// The rows matching a query, in order, kept until the query or the rows change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    query: String,
    prepared: Query,
    rows: Vec<usize>,
}

impl Hits {
    /// The rows matching `query`: sought among these hits when `query` only carries on
    /// typing theirs, else among every row.
    pub fn update(&mut self, text: &SearchText, rows: &[Row], query: &str) {
        if query == self.query {
            return;
        }
        let prepared = Query::new(query);
        let hit = |i: &usize| text.matches(rows[*i], &prepared);
        self.rows = if search::narrows(&self.prepared, &prepared) {
            self.rows.iter().copied().filter(hit).collect()
        } else {
            (0..rows.len()).filter(hit).collect()
        };
        self.query = query.to_string();
        self.prepared = prepared;
    }

    /// Whether these are the hits of `query`.
    pub fn are_for(&self, query: &str) -> bool {
        self.query == query
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The first hit from `start` in `direction` (wrapping, `start` included), of `n`
    /// rows; `direction` 0 is `start` alone.
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

/// Whether `row` matches the search `query`, as `SearchText::matches` finds it: its
/// text cut on its own, every field here.
pub fn matches(d: &Dataset, row: Row, query: &str) -> bool {
    let mut text = search::Texts::default();
    match row {
        Row::Event(i) => d.events.get(i).map(|e| push_event(&mut text, d, e, None)),
        Row::Agreement(i) => d.agreements.get(i).map(|a| push_agreement(&mut text, a)),
        Row::Unattached => None,
    };
    // A row that is no event or agreement has no text 0.
    text.matches(0, &Query::new(query))
}

/// The kinds present in the dataset, in their natural order, with how many events of
/// each: what `f` cycles through and the kind picker lists.
pub fn kinds_present(d: &Dataset) -> Vec<(EventKind, usize)> {
    let mut counts = [0; EventKind::ALL.len()];
    for e in &d.events {
        if let Some(i) = EventKind::ALL.iter().position(|k| *k == e.kind) {
            counts[i] += 1;
        }
    }
    EventKind::ALL
        .into_iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// A row of the kind picker: a host's events (while both hosts are shown), or a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerRow {
    Host(Host),
    Kind(EventKind),
}

/// The kind picker's rows with their counts: with both hosts shown (`hosts` has two),
/// each host's events first, then every kind present (`kinds`).
pub fn picker_rows(
    d: &Dataset,
    hosts: &[Host],
    kinds: &[(EventKind, usize)],
) -> Vec<(PickerRow, usize)> {
    let host_rows = hosts.iter().filter(|_| hosts.len() > 1).map(|&h| {
        let n = d.events.iter().filter(|e| e.host == h).count();
        (PickerRow::Host(h), n)
    });
    host_rows
        .chain(kinds.iter().map(|&(k, n)| (PickerRow::Kind(k), n)))
        .collect()
}

impl super::App {
    /// The kind picker's rows as the dashboard shows them: each host's events while
    /// both are shown, then the kinds.
    pub fn picker_rows(&self) -> Vec<(PickerRow, usize)> {
        picker_rows(&self.data, self.host_shown().hosts(), &self.timeline.kinds)
    }
}

/// The filter after Space on host `h`'s row of the picker: its events shown or hidden,
/// the other's as they were; `None` where that would hide both hosts' events.
pub fn toggle_host(filter: KindFilter, h: Host) -> Option<KindFilter> {
    match filter.host() {
        // Both shown: hide h's, the other's alone.
        None => Host::ALL
            .into_iter()
            .find(|o| *o != h)
            .map(|o| filter.with_host(Some(o))),
        // h's alone: hiding them would leave none.
        Some(only) if only == h => None,
        // The other's alone: h's shown again beside them.
        Some(_) => Some(filter.with_host(None)),
    }
}

/// "1 event", "12 events".
pub fn events_count(n: usize) -> String {
    if n == 1 {
        "1 event".into()
    } else {
        format!("{n} events")
    }
}

/// What the timeline shows: "12 events", "rounds · 9 events", "rounds, demands · 32
/// events".
pub fn shown_events(n: usize, filter: KindFilter) -> String {
    match filter.label() {
        Some(kinds) => format!("{kinds} · {}", events_count(n)),
        None => events_count(n),
    }
}

/// A kind's name for several events of it: "rounds", "expiries"; the kinds named by a
/// participle ("signed", "in force") stay as they are.
pub fn kind_plural(k: EventKind) -> &'static str {
    match k {
        EventKind::Round => "rounds",
        EventKind::Expiry => "expiries",
        EventKind::Lapse => "lapses",
        EventKind::Demand => "demands",
        EventKind::Statement => "statements",
        EventKind::Appointment => "appointments",
        EventKind::Incident => "incidents",
        EventKind::Troops => "troop changes",
        EventKind::Agreed
        | EventKind::Initialed
        | EventKind::Signed
        | EventKind::Ratified
        | EventKind::InForce => k.label(),
    }
}

/// The filter after `current` forward (+1) or back (-1) through no filter then each one
/// of `kinds`, wrapping round; from several kinds chosen, as from the first of them.
pub fn step_filter(kinds: &[EventKind], current: KindFilter, direction: i32) -> KindFilter {
    // Position 0 is no filter, k + 1 is kinds[k].
    let n = kinds.len() as i64 + 1;
    let here = current
        .kinds()
        .next()
        .and_then(|k| kinds.iter().position(|x| *x == k))
        .map_or(0, |i| i + 1);
    let next = (here as i64 + i64::from(direction.signum())).rem_euclid(n) as usize;
    next.checked_sub(1)
        .map_or(KindFilter::ALL, |i| KindFilter::only(kinds[i]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::synthetic::synthetic;

    /// The rows as first written: each group scanning every event.
    fn rows_by_scan(d: &Dataset, filter: KindFilter) -> Vec<Row> {
        let shown = |e: &Event| filter.shows(e.kind);
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
    fn the_search_text_is_each_event_s_fields_cut_whole() {
        let hosts = crate::data::Hosts::embedded().expect("both embedded hosts load");
        let both = crate::app::hosts::shown_dataset(&hosts, crate::app::HostChoice::Both)
            .expect("both hosts");
        for d in datasets().into_iter().chain([both]) {
            let mut whole = search::Texts::default();
            for e in &d.events {
                push_event(&mut whole, &d, e, None);
            }
            assert_eq!(SearchText::new(&d).events, whole);
        }
    }

    #[test]
    fn rows_are_those_of_a_scan_for_every_filter() {
        for d in datasets() {
            let several = KindFilter::only(EventKind::Round).toggled(EventKind::Demand);
            let filters = [KindFilter::ALL, several]
                .into_iter()
                .chain(EventKind::ALL.map(KindFilter::only));
            for filter in filters {
                assert_eq!(
                    rows(&d, filter, Order::Grouped),
                    rows_by_scan(&d, filter),
                    "{filter:?}"
                );
            }
        }
    }

    #[test]
    fn the_row_index_answers_as_a_scan_does() {
        for (d, order) in datasets()
            .into_iter()
            .flat_map(|d| [(d.clone(), Order::Grouped), (d, Order::ByDate)])
        {
            let rows = rows(&d, KindFilter::ALL, order);
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
            // A run starts at each header and where the agreement changes.
            let group = |r: &Row| match r {
                Row::Agreement(a) => Some(*a),
                Row::Unattached => None,
                Row::Event(e) => group_of(&d, &d.events[*e]),
            };
            for here in 0..rows.len() {
                let starts = |i: usize| {
                    i == 0
                        || !matches!(rows[i], Row::Event(_))
                        || group(&rows[i]) != group(&rows[i - 1])
                };
                let next = (here + 1..rows.len()).find(|&i| starts(i));
                let prev = (0..here).rev().find(|&i| starts(i));
                assert_eq!(index.run_start(here, 1), next, "{order:?} {here}");
                assert_eq!(index.run_start(here, -1), prev, "{order:?} {here}");
            }
        }
    }

    #[test]
    fn by_date_every_event_shown_once_in_date_order_ties_by_kind_then_dataset() {
        for d in datasets() {
            let rounds = KindFilter::only(EventKind::Round);
            for filter in [KindFilter::ALL, rounds, rounds.toggled(EventKind::Demand)] {
                let rows = rows(&d, filter, Order::ByDate);
                let events: Vec<usize> = rows
                    .iter()
                    .map(|r| match r {
                        Row::Event(e) => *e,
                        other => panic!("a header by date: {other:?}"),
                    })
                    .collect();
                let key = |i: usize| (d.events[i].date, d.events[i].kind, i);
                assert!(
                    events.windows(2).all(|w| key(w[0]) < key(w[1])),
                    "{filter:?}"
                );
                let grouped = super::rows(&d, filter, Order::Grouped);
                let mut expected: Vec<usize> = grouped
                    .iter()
                    .filter_map(|r| match r {
                        Row::Event(e) => Some(*e),
                        _ => None,
                    })
                    .collect();
                expected.sort_unstable();
                let mut got = events.clone();
                got.sort_unstable();
                assert_eq!(got, expected, "{filter:?}");
            }
        }
    }

    #[test]
    fn the_filter_steps_both_ways_through_every_kind_and_back_to_none() {
        let kinds = [EventKind::Round, EventKind::Signed, EventKind::Demand];
        let only = KindFilter::only;
        let mut forward = vec![];
        let mut f = KindFilter::ALL;
        for _ in 0..4 {
            f = step_filter(&kinds, f, 1);
            forward.push(f);
        }
        let all = KindFilter::ALL;
        assert_eq!(
            forward,
            [
                only(EventKind::Round),
                only(EventKind::Signed),
                only(EventKind::Demand),
                all
            ]
        );
        assert_eq!(step_filter(&kinds, all, -1), only(EventKind::Demand));
        assert_eq!(step_filter(&kinds, only(EventKind::Round), -1), all);
        assert_eq!(step_filter(&[], all, 1), all);
        // A kind not present (another dataset's) starts over.
        assert_eq!(
            step_filter(&kinds, only(EventKind::Lapse), 1),
            only(EventKind::Round)
        );
        // From several kinds, as from the first.
        let several = only(EventKind::Demand).toggled(EventKind::Signed);
        assert_eq!(step_filter(&kinds, several, 1), only(EventKind::Demand));
    }

    #[test]
    fn a_kind_filter_chooses_kinds_and_names_them() {
        let all = KindFilter::ALL;
        assert!(all.is_all() && EventKind::ALL.iter().all(|k| all.shows(*k)));
        assert_eq!(all.label(), None);
        let f = all.toggled(EventKind::Demand).toggled(EventKind::Round);
        assert_eq!(
            f.kinds().collect::<Vec<_>>(),
            [EventKind::Round, EventKind::Demand]
        );
        assert!(f.shows(EventKind::Round) && !f.shows(EventKind::Signed));
        assert_eq!(f.label().as_deref(), Some("rounds, demands"));
        assert_eq!(shown_events(32, f), "rounds, demands · 32 events");
        assert_eq!(
            shown_events(1, KindFilter::only(EventKind::Lapse)),
            "lapses · 1 event"
        );
        assert_eq!(shown_events(0, all), "0 events");
        // Left out again, back to every kind.
        assert_eq!(f.toggled(EventKind::Round).toggled(EventKind::Demand), all);
        for k in EventKind::ALL {
            assert_eq!(KindFilter::only(k).kinds().collect::<Vec<_>>(), [k]);
        }
    }

    /// `Hits::find` as a walk over every row.
    fn find(d: &Dataset, rows: &[Row], query: &str, start: usize, direction: i32) -> Option<usize> {
        let n = rows.len();
        if direction == 0 {
            let start = start % n.max(1);
            return (n > 0 && matches(d, rows[start], query)).then_some(start);
        }
        (0..n)
            .map(|k| (start as i64 + k as i64 * i64::from(direction)).rem_euclid(n as i64) as usize)
            .find(|&i| matches(d, rows[i], query))
    }

    #[test]
    fn indexed_search_finds_what_a_scan_finds() {
        for d in datasets() {
            let rows = rows(&d, KindFilter::ALL, Order::Grouped);
            let text = SearchText::new(&d);
            let mut hits = Hits::default();
            // Typed a letter at a time, then other queries.
            let queries = [
                "h",
                "ho",
                "hon",
                "honolulu",
                "HONO",
                "round",
                "sma",
                "chang",
                "",
                "zzz",
                "event 4",
                "seoul",
                "kim 3",
                "\0x",
                "inferred",
                "INFER",
                "10 billion",
            ];
            for query in queries {
                hits.update(&text, &rows, query);
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
