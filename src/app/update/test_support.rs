//! What the tests of `update` share: a dashboard on the embedded dataset, and the
//! keys and readings the theme files' tests use.

pub(super) use super::*;
pub(super) use crate::app::{Edit, Key, KeyCode, Order, Row};
pub(super) use crate::data::{Dataset, EventKind};
pub(super) use crate::econ::{AssumptionId, Currency, Metric, ScenarioId, TroopBasis};

pub(super) fn app() -> App {
    crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
}

pub(super) fn selected_year(app: &App) -> Option<i32> {
    app.selected_row()
        .and_then(|r| timeline::row_year(&app.data, r))
}

pub(super) fn cost(app: &App, year: i32) -> f64 {
    app.derived()
        .costs
        .iter()
        .find(|p| p.year == year)
        .and_then(|p| p.value)
        .unwrap_or_else(|| panic!("a cost value for {year}"))
}

/// A character typed into a prompt.
pub(super) fn insert(c: char) -> Action {
    Action::Edit(Edit::Insert(c))
}

pub(super) fn search(app: &mut App, text: &str) {
    update(app, Action::StartSearch);
    for c in text.chars() {
        update(app, insert(c));
    }
}

/// The event ids of the rows shown, in order.
pub(super) fn shown_ids(app: &App) -> Vec<String> {
    app.timeline
        .events(&app.data)
        .map(|e| e.id.clone())
        .collect()
}

pub(super) fn selected_event(app: &App) -> Option<usize> {
    match app.selected_row() {
        Some(Row::Event(i)) => Some(i),
        _ => None,
    }
}

/// The ids of the events a search for `query` finds.
pub(super) fn found(app: &mut App, query: &str) -> Vec<String> {
    app.timeline.search.query = query.to_string();
    let hits = app.timeline.hits(&app.data).to_vec();
    hits.into_iter()
        .filter_map(|i| match app.timeline.rows[i] {
            Row::Event(e) => Some(app.data.events[e].id.clone()),
            _ => None,
        })
        .collect()
}

pub(super) fn demands(app: &App, ids: &[String]) -> Vec<String> {
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

/// The charted value for `year`, if the metric has one.
pub(super) fn value_in(app: &App, year: i32) -> Option<f64> {
    app.derived()
        .costs
        .iter()
        .find(|p| p.year == year)
        .and_then(|p| p.value)
}

pub(super) fn type_keys(app: &mut App, keys: &[Action]) -> Vec<Effect> {
    keys.iter().map(|a| update(app, a.clone())).collect()
}

/// The 12th SMA rule's 2030 projection, in 100 million won.
pub(super) fn sma12_2030(app: &App) -> f64 {
    app.derived()
        .projections
        .iter()
        .find(|p| p.scenario == ScenarioId::CurrentAgreement)
        .and_then(|p| p.at(2030))
        .map(|y| y.local_100m)
        .expect("a 2030 projection")
}

pub(super) fn saved(name: &str, assumptions: Assumptions) -> SavedScenario {
    SavedScenario::new(name, "2026-11-27T10:00:00Z", assumptions)
}

pub(super) fn report(scenarios: Vec<SavedScenario>, replaced: bool) -> crate::app::ScenariosReport {
    crate::app::ScenariosReport {
        name: scenarios.last().unwrap().name.clone(),
        path: "/data/sma-dash/scenarios.toml".into(),
        was_there: replaced,
        taken: false,
        scenarios,
        warning: None,
    }
}

/// The open prompt's text.
pub(super) fn typed(app: &App) -> Option<&str> {
    app.prompt.as_ref().map(|p| p.input.text())
}

/// A key pressed, through the app's keymap as the runtime maps it.
pub(super) fn press(app: &mut App, key: crate::app::Key) -> Vec<Effect> {
    let action = app.keymap.action(key, app.mode(), app.focus);
    action.into_iter().map(|a| update(app, a)).collect()
}

pub(super) fn csv_of(effect: Effect) -> (String, String) {
    match effect {
        Effect::Export(r) => (r.what.to_string(), r.table.to_csv()),
        other => panic!("expected an export, found {other:?}"),
    }
}

/// The cells of the CSV row for `year`, by column name.
/// The first row of `csv` whose `column` holds `value`.
pub(super) fn row_by(
    csv: &str,
    column: &str,
    value: &str,
) -> std::collections::HashMap<String, String> {
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

pub(super) fn row(csv: &str, year: i32) -> std::collections::HashMap<String, String> {
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
