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
            Citing::KoreanCpi(y)
            | Citing::UsCpi(y)
            | Citing::ExchangeRate(y)
            | Citing::DefenseBudget(y) => Target::Year(Pane::Assumptions, y),
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
                app.troop_history = true;
                app.refresh_tables();
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
