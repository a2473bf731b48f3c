//! The sources list (`S`): every source of the dataset, searchable and sorted by date
//! or id; Enter shows what a source supports (the figures and events that cite it) and
//! jumps to one of them.

use crate::data::search::{Query, Texts};
use crate::data::{Citing, Dataset};

use super::timeline::{KindFilter, Row};
use super::update::Effect;
use super::{App, Mode, Pane};

/// The order the sources list shows them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceOrder {
    /// Oldest first; undated sources last; ties by id.
    #[default]
    Date,
    Id,
}

impl SourceOrder {
    pub fn label(self) -> &'static str {
        match self {
            SourceOrder::Date => "by date",
            SourceOrder::Id => "by id",
        }
    }
}

/// The list's state: its order, the search, the row selected, and what the selected
/// source supports while that is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourcesList {
    pub order: SourceOrder,
    /// The search typed after `/`: every word must be in the source's id, title,
    /// publisher, date or URL.
    pub query: String,
    /// Derived from the dataset, the order and the query: the sources shown, as
    /// indices into the dataset's sources.
    pub shown: Vec<usize>,
    pub cursor: usize,
    /// Open after Enter: the row selected among what the source supports.
    pub supports: Option<usize>,
}

impl SourcesList {
    /// Shows the sources matching the query in the order, keeping the selected one
    /// selected where it is still shown.
    pub fn refresh(&mut self, d: &Dataset) {
        let selected = self.shown.get(self.cursor).copied();
        let mut texts = Texts::default();
        for s in &d.sources {
            let date = s.date.map(|d| d.to_string()).unwrap_or_default();
            texts.push([
                s.id.as_str(),
                s.title.as_str(),
                s.publisher.as_str(),
                date.as_str(),
                s.url.as_deref().unwrap_or(""),
            ]);
        }
        let query = Query::new(&self.query);
        let mut shown: Vec<usize> = (0..d.sources.len())
            .filter(|&i| self.query.trim().is_empty() || texts.matches(i, &query))
            .collect();
        match self.order {
            SourceOrder::Date => shown.sort_by(|&a, &b| {
                let (a, b) = (&d.sources[a], &d.sources[b]);
                (a.date.is_none(), a.date, &a.id).cmp(&(b.date.is_none(), b.date, &b.id))
            }),
            SourceOrder::Id => shown.sort_by(|&a, &b| d.sources[a].id.cmp(&d.sources[b].id)),
        }
        self.cursor = selected
            .and_then(|s| shown.iter().position(|&i| i == s))
            .unwrap_or(0);
        self.shown = shown;
    }

    /// The id of the source selected, if any is shown.
    pub fn selected<'d>(&self, d: &'d Dataset) -> Option<&'d str> {
        let i = *self.shown.get(self.cursor)?;
        d.sources.get(i).map(|s| s.id.as_str())
    }

    /// What the selected source supports, in the dataset's order.
    pub fn supported<'d>(&self, d: &'d Dataset) -> Vec<Citing<'d>> {
        self.selected(d)
            .map(|id| d.cited_by(id))
            .unwrap_or_default()
    }

    /// How many rows the list keys move through: the sources, or what one supports.
    fn rows(&self, d: &Dataset) -> usize {
        match self.supports {
            Some(_) => self.supported(d).len(),
            None => self.shown.len(),
        }
    }

    /// Moves the selected row to `row`, clamped; whether it moved.
    pub fn select(&mut self, d: &Dataset, row: i64) -> bool {
        let last = self.rows(d) as i64 - 1;
        if last < 0 {
            return false;
        }
        let row = row.clamp(0, last) as usize;
        let slot = match &mut self.supports {
            Some(r) => r,
            None => &mut self.cursor,
        };
        let moved = *slot != row;
        *slot = row;
        moved
    }

    /// The selected row: in the list, or among what the source supports.
    pub fn row(&self) -> usize {
        self.supports.unwrap_or(self.cursor)
    }
}

/// `S`: opens the sources list.
pub fn open(app: &mut App) -> Effect {
    app.sources.refresh(&app.data);
    app.sources.supports = None;
    app.overlay = Some(Mode::Sources);
    Effect::Redraw
}

/// Enter in the sources list: what the selected source supports; there, a jump to the
/// record selected.
pub fn enter(app: &mut App) -> Effect {
    match app.sources.supports {
        None => {
            if app.sources.selected(&app.data).is_none() {
                app.status = Some("no source shown: Esc clears the search".into());
                return Effect::Redraw;
            }
            app.sources.supports = Some(0);
            Effect::Redraw
        }
        Some(row) => {
            let supported = app.sources.supported(&app.data);
            let Some(record) = supported.get(row) else {
                return Effect::None;
            };
            let target = Target::of(record);
            jump(app, target)
        }
    }
}

/// q or Esc in the sources list: back from what a source supports to the list, else
/// close it.
pub fn back(app: &mut App) -> Effect {
    if app.sources.supports.take().is_some() {
        return Effect::Redraw;
    }
    app.overlay = None;
    Effect::Redraw
}

/// The search of the sources list, as typed.
pub fn search(app: &mut App, query: &str) {
    app.sources.query = query.to_string();
    app.sources.supports = None;
    app.sources.refresh(&app.data);
    if app.sources.shown.is_empty() && !query.trim().is_empty() {
        app.status = Some(format!("no source matches “{query}”"));
    }
}

/// `o` in the sources list: by date, by id.
pub fn toggle_order(app: &mut App) -> Effect {
    app.sources.order = match app.sources.order {
        SourceOrder::Date => SourceOrder::Id,
        SourceOrder::Id => SourceOrder::Date,
    };
    app.sources.refresh(&app.data);
    app.status = Some(format!("sources {}", app.sources.order.label()));
    Effect::Redraw
}

/// Where a cited record is shown.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Event(String),
    Agreement(String),
    Year(Pane, i32),
}

impl Target {
    fn of(record: &Citing) -> Target {
        match *record {
            Citing::Event(id) => Target::Event(id.to_string()),
            Citing::Agreement(id) => Target::Agreement(id.to_string()),
            Citing::Contribution(y) => Target::Year(Pane::Costs, y),
            Citing::TroopCount(y) => Target::Year(Pane::Troops, y),
            Citing::TroopLevel(from) => Target::Year(Pane::Troops, from.year()),
            Citing::HostCpi(_, y)
            | Citing::UsCpi(y)
            | Citing::ExchangeRate(_, y)
            | Citing::DefenseBudget(y)
            | Citing::Gdp(y) => Target::Year(Pane::Assumptions, y),
        }
    }
}

/// Closes every overlay and shows the record: its event or agreement selected in the
/// timeline (the filter cleared if it hid it), or its year at the cursor of its pane.
fn jump(app: &mut App, target: Target) -> Effect {
    app.overlay = None;
    app.beneath = None;
    match target {
        Target::Event(id) => {
            let Some(e) = app.data.events.iter().position(|e| e.id == id) else {
                return Effect::None;
            };
            show_row(app, Row::Event(e));
            app.status = Some(format!("event {id}: Enter for its detail, y to copy it"));
        }
        Target::Agreement(id) => {
            let Some(a) = app.data.agreements.iter().position(|a| a.id == id) else {
                return Effect::None;
            };
            show_row(app, Row::Agreement(a));
            app.status = Some(format!("agreement {id}: Enter for its detail"));
        }
        Target::Year(pane, year) => {
            if pane == Pane::Troops && year < app.year_range().0 {
                app.change(|i| i.troop_history = true);
            }
            let (first, last) = app.year_range();
            app.year = year.clamp(first, last);
            app.follow_year();
            app.focus = pane;
            app.status = Some(match pane {
                Pane::Assumptions => format!("{year}: an input of the projections"),
                _ => format!("{year} in {}: Enter for its sources", pane.title()),
            });
        }
    }
    Effect::Redraw
}

/// Selects `row` in the timeline, showing every kind if the filter hides it.
fn show_row(app: &mut App, row: Row) {
    app.focus = Pane::Timeline;
    if !app.timeline.rows.contains(&row) {
        app.timeline.filter = KindFilter::ALL;
        app.refresh_timeline();
    }
    if let Some(i) = app.timeline.rows.iter().position(|r| *r == row) {
        app.timeline.selected = i;
        if let Some(year) = super::timeline::row_year(&app.data, row) {
            let (first, last) = app.year_range();
            app.year = year.clamp(first, last);
        }
        app.scroll_to_selection();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Edit, PromptKind, update};

    fn app() -> App {
        crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            update(app, Action::Edit(Edit::Insert(c)));
        }
    }

    #[test]
    fn s_lists_every_source_searchable_sorted_and_what_one_supports_leads_there() {
        let mut app = app();
        update(&mut app, Action::OpenSources);
        assert_eq!(app.mode(), Mode::Sources);
        assert_eq!(app.sources.shown.len(), app.data.sources.len());
        // By date, oldest first and the undated last; by id, in order.
        let dates: Vec<_> = app
            .sources
            .shown
            .iter()
            .map(|&i| app.data.sources[i].date)
            .collect();
        let dated: Vec<_> = dates.iter().flatten().collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            dates
                .iter()
                .skip_while(|d| d.is_some())
                .all(|d| d.is_none())
        );
        update(&mut app, Action::SortSources);
        let ids: Vec<&str> = app
            .sources
            .shown
            .iter()
            .map(|&i| app.data.sources[i].id.as_str())
            .collect();
        assert!(ids.windows(2).all(|w| w[0] <= w[1]));
        // `/` searches as typed: the JoongAng report of the round in Hawaii.
        update(&mut app, Action::StartSearch);
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SourceSearch));
        typed(&mut app, "hawaii joongang");
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.sources.selected(&app.data), Some("R29"));
        assert_eq!(app.mode(), Mode::Sources);
        // y copies the source's citation.
        let copied = update(&mut app, Action::Copy);
        assert!(
            matches!(&copied, crate::app::Effect::Copy(t) if t.starts_with("[R29] ") && t.contains("https://")),
            "{copied:?}"
        );
        // Enter: what it supports; Enter again goes to the event, in the timeline.
        update(&mut app, Action::ToggleDetail);
        let supported: Vec<String> = app
            .sources
            .supported(&app.data)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            supported.contains(&"event:sma-10-round-1".to_string()),
            "{supported:?}"
        );
        let row = supported
            .iter()
            .position(|s| s == "event:sma-10-round-1")
            .unwrap();
        update(&mut app, Action::Move(row as i32));
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.focus, Pane::Timeline);
        match app.selected_row() {
            Some(Row::Event(i)) => assert_eq!(app.data.events[i].id, "sma-10-round-1"),
            other => panic!("{other:?}"),
        }
        assert_eq!(app.year, 2018);
    }

    #[test]
    fn q_goes_back_from_what_a_source_supports_to_the_list_then_closes_it() {
        let mut app = app();
        update(&mut app, Action::OpenSources);
        update(&mut app, Action::ToggleDetail);
        assert_eq!(app.sources.supports, Some(0));
        update(&mut app, Action::CloseOverlay);
        assert_eq!((app.mode(), app.sources.supports), (Mode::Sources, None));
        update(&mut app, Action::CloseOverlay);
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn the_help_opens_above_a_detail_a_picker_the_sources_or_a_question_and_returns_there() {
        let mut app = app();
        // A detail, scrolled: the help above it, then the detail where it was.
        update(&mut app, Action::ToggleDetail);
        crate::app::reply(
            &mut app,
            crate::app::Reply::OverlayViewport {
                max_scroll: 10,
                page: 5,
            },
        );
        update(&mut app, Action::Move(3));
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Help);
        update(&mut app, Action::Move(1));
        update(&mut app, Action::CloseOverlay);
        assert_eq!((app.mode(), app.overlay_scroll), (Mode::Detail, 3));
        // `?` again closes the help the same way.
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Detail);
        update(&mut app, Action::CloseOverlay);
        for open in [Action::OpenKinds, Action::OpenSources] {
            update(&mut app, open);
            let under = app.mode();
            update(&mut app, Action::ToggleHelp);
            assert_eq!(app.mode(), Mode::Help);
            update(&mut app, Action::CloseOverlay);
            assert_eq!(app.mode(), under);
            update(&mut app, Action::CloseOverlay);
            assert_eq!(app.mode(), Mode::Dashboard);
        }
        // A question: the help above it, and the question still asked after.
        app.question = Some(crate::app::Question::Delete("scenario 1".into()));
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode(), Mode::Help);
        update(&mut app, Action::CloseOverlay);
        assert_eq!(app.mode(), Mode::Confirm);
    }

    #[test]
    fn the_filter_moves_the_year_cursor_to_the_selected_event() {
        let mut app = app();
        let before = app.year;
        // The kind picker shows lapses alone: the cursor goes to the lapse's year.
        update(&mut app, Action::OpenKinds);
        let lapse = app
            .timeline
            .kinds
            .iter()
            .position(|(k, _)| *k == crate::data::EventKind::Lapse)
            .unwrap();
        app.timeline.kind_cursor = lapse;
        update(&mut app, Action::ToggleKind);
        let lapse_year = app
            .data
            .events
            .iter()
            .find(|e| e.kind == crate::data::EventKind::Lapse)
            .unwrap()
            .date
            .year();
        assert_ne!(before, lapse_year);
        assert_eq!(app.year, lapse_year);
        // f and F, and clearing, do the same.
        update(&mut app, Action::CloseOverlay);
        for action in [
            Action::CycleFilter(1),
            Action::CycleFilter(-1),
            Action::ClearFilter,
        ] {
            update(&mut app, action);
            let year = app
                .selected_row()
                .and_then(|r| super::super::timeline::row_year(&app.data, r))
                .unwrap();
            let (first, last) = app.year_range();
            assert_eq!(app.year, year.clamp(first, last));
        }
    }
}
