//! The app's state, the actions that change it and the keys that ask for them.
//!
//! [`App`] holds the [`Inputs`] a user sets (assumptions, view choices), what is
//! [`Derived`] from them (series, projections, band, totals, tables), and the state of
//! the screen (focus, selection, overlays, prompts). The inputs change only through
//! [`App::change`], the one place that derives the rest; the view only reads.
//!
//! No terminal and no files here: `update` is a pure function of the state and an
//! action, returning what the runtime should do as an [`Effect`].

mod action;
pub mod cite;
pub mod command;
pub(crate) mod hosts;
mod input;
pub(crate) mod keymap;
mod palette;
pub(crate) mod shares;
pub(crate) mod sources;
mod start;
pub mod timeline;
mod update;

pub use action::{Action, Reply};
pub(crate) use hosts::{BothHosts, HostChoice, HostInputs, definition};
pub use input::Edit;
pub(crate) use input::TextInput;
pub(crate) use keymap::Keymap;
pub use keymap::{Key, KeyCode};
pub(crate) use palette::Palette;
pub(crate) use shares::SharesList;
pub(crate) use sources::SourcesList;
pub(crate) use start::Start;
pub use timeline::{KindFilter, Order, Row};
pub(crate) use update::{Effect, ExportRequest};
pub use update::{reply, update};

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::data::{Dataset, Event, EventKind, Hosts};
use crate::econ::compare::MeasureKind;
use crate::econ::{
    AssumptionId, Assumptions, BandSpreads, CostPoint, CostView, DashboardBands, Economy, Indices,
    Projection, ScenarioId, Total, cost_series, dashboard_bands, project_all, scenario_amounts,
    total_spans,
};
use crate::publish::{Figure, costs_figure, hosts_figure, scenarios_figure, troops_figure};
use crate::report::tables::{
    CostsInput, PaneTable, costs_table, hosts_table, scenarios_table, troops_table,
};

/// The four panes, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Costs,
    Troops,
    Assumptions,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Timeline, Pane::Costs, Pane::Troops, Pane::Assumptions];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Costs => "Costs",
            Pane::Troops => "Troops",
            Pane::Assumptions => "Assumptions",
        }
    }

    /// 1 to 4, as the focus keys number them.
    pub fn number(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0) + 1
    }
}

/// The pages of the help overlay, in the order `Tab` turns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HelpPage {
    /// Every key, and what the marks on the panes mean.
    #[default]
    Keys,
    /// The terms the data uses.
    Glossary,
}

impl HelpPage {
    pub const ALL: [HelpPage; 2] = [HelpPage::Keys, HelpPage::Glossary];

    pub fn title(self) -> &'static str {
        match self {
            HelpPage::Keys => "Keys",
            HelpPage::Glossary => "Glossary",
        }
    }

    /// The page `by` pages on, round the end.
    pub fn turned(self, by: i32) -> HelpPage {
        let count = Self::ALL.len() as i32;
        let here = Self::ALL.iter().position(|p| *p == self).unwrap_or(0) as i32;
        Self::ALL[(here + by).rem_euclid(count) as usize]
    }
}

/// What takes the keys: the dashboard, an overlay, a prompt or a question on the
/// status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    Help,
    Detail,
    /// The kind picker: which kinds of event the timeline shows.
    Kinds,
    /// The sources list (`S`).
    Sources,
    /// The list of share estimates (`A`).
    Shares,
    /// Typing into a prompt on the status line.
    Prompt(PromptKind),
    /// A yes-or-no question on the status line (`Question`).
    Confirm,
}

/// What a prompt on the status line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Words to find in the timeline, searched as they are typed.
    Search,
    /// The name to save the assumptions as.
    SaveName,
    /// A value for an assumption, as the command line takes it (`3`, `2.5,2028=3.5`).
    Assumption(AssumptionId),
    /// A year to move the cursor to.
    GoToYear,
    /// Words to find in the sources list, as they are typed.
    SourceSearch,
}

/// What the detail popup shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailOf {
    /// The selected timeline row: an event, or an agreement.
    Row,
    /// The figure at the year cursor in this pane (Costs or Troops), with its sources.
    Figure(Pane),
}

impl PromptKind {
    /// The most characters the prompt takes: more than any real query, name or value
    /// needs (a value may set apart every year to a far horizon), so that a stray
    /// paste cannot grow it without end.
    pub fn limit(self) -> usize {
        match self {
            PromptKind::Search => 100,
            PromptKind::SaveName => 60,
            PromptKind::Assumption(_) => 400,
            PromptKind::GoToYear => 10,
            PromptKind::SourceSearch => 100,
        }
    }
}

/// A prompt open on the status line: what it asks for, what is typed, what Enter takes
/// when nothing is, and why the last Enter was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextInput,
    /// Shown dim while nothing is typed, and taken by Enter then: the save prompt's
    /// suggested name.
    pub placeholder: Option<String>,
    pub error: Option<String>,
}

impl Prompt {
    pub fn new(kind: PromptKind) -> Self {
        Self {
            kind,
            input: TextInput::new(kind.limit()),
            placeholder: None,
            error: None,
        }
    }

    /// What Enter takes: the text typed, else the placeholder.
    pub fn answer(&self) -> &str {
        match &self.placeholder {
            Some(p) if self.input.text().trim().is_empty() => p,
            _ => self.input.text(),
        }
    }
}

/// A yes-or-no question on the status line, before something that cannot be undone.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Save over the saved scenario of this name (the save prompt stays open behind).
    Replace(String),
    /// Delete the saved scenario of this name.
    Delete(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartStyle {
    Bars,
    Line,
}

/// Assumptions saved under a name in the user's scenarios file: each host's own (its
/// CPI, its rate, its custom growth; Korea's defense-budget growth) and those both
/// share (US CPI, the base year, the horizon).
#[derive(Debug, Clone, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    /// When it was saved: RFC 3339 (`2026-11-27T10:00:00Z`) or a date alone.
    pub saved: String,
    pub assumptions: Assumptions,
    /// Whether Japan's assumptions were saved: a file of an earlier version holds
    /// Korea's alone, and applying it leaves Japan's as they are.
    pub japan: bool,
}

impl SavedScenario {
    /// A scenario that keeps every host's assumptions.
    pub fn new(
        name: impl Into<String>,
        saved: impl Into<String>,
        assumptions: Assumptions,
    ) -> Self {
        Self {
            name: name.into(),
            saved: saved.into(),
            assumptions,
            japan: true,
        }
    }

    /// The day it was saved: `2026-11-27`.
    pub fn date(&self) -> &str {
        self.saved.get(..10).unwrap_or(&self.saved)
    }

    /// `current` with this scenario applied: every assumption it saved, and the
    /// current ones of a host it did not save (Japan's, from an earlier version's file).
    pub fn applied_to(&self, current: &Assumptions) -> Assumptions {
        let mut next = self.assumptions.clone();
        if !self.japan {
            next.take_host(crate::data::Host::Japan, current);
        }
        next
    }
}

/// What saving or deleting a saved scenario did, as the runtime reports it back to
/// `update::reply` (`Reply::Saved`, `Reply::Deleted`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScenariosReport {
    pub name: String,
    pub path: PathBuf,
    /// The file held a scenario of that name: saving replaced it, deleting removed it
    /// (else another dashboard had deleted it first).
    pub was_there: bool,
    /// Nothing was saved: a scenario of that name was there, and replacing it was not
    /// asked for (another dashboard saved it since this one looked).
    pub taken: bool,
    /// Every scenario in the file now.
    pub scenarios: Vec<SavedScenario>,
    /// A corrupt file found on the way, and where it was moved.
    pub warning: Option<String>,
}

/// Where the dashboard writes: exports, and the saved scenarios (none: saving is off).
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    pub export_dir: PathBuf,
    pub scenarios: Option<PathBuf>,
    /// Why nothing may be written at all (`render` draws a frame, nothing else): each
    /// key that would write says so instead.
    pub no_writes: Option<&'static str>,
}

impl Default for Paths {
    fn default() -> Self {
        Self {
            export_dir: PathBuf::from("."),
            scenarios: None,
            no_writes: None,
        }
    }
}

/// One scenario's totals in the Costs view's currency and basis (bn won or $ m,
/// nominal or real), each labelled with the years it actually sums.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioTotals {
    pub scenario: ScenarioId,
    /// Over the agreement in force (2026–2030), as far as the horizon reaches.
    pub span: Option<Total>,
    /// From the agreement's first year to the horizon.
    pub to_horizon: Option<Total>,
    /// Each total minus the current agreement's.
    pub span_vs_current: f64,
    pub to_horizon_vs_current: f64,
}

/// One year of the troops pane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TroopPoint {
    pub year: i32,
    /// DMDC active-duty count.
    pub counted: Option<u32>,
    /// The headline level in force.
    pub headline: Option<u32>,
}

/// The search's query, for the highlights and for `n` and `N`: the search prompt's text
/// while it is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub query: String,
    /// Open while typing; holds the row selected when the prompt opened.
    pub typing_from: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Set with `set_rows`, which keeps `index` in step.
    pub rows: Vec<Row>,
    /// Derived from `rows`.
    pub index: timeline::RowIndex,
    /// Derived from the dataset shown, the first time a search needs it
    /// ([`Timeline::search_text`]); emptied where the dataset shown changes. Most
    /// sessions never search, and cutting every text is a quarter of start-up.
    pub(crate) search_text: std::sync::OnceLock<timeline::SearchText>,
    /// The rows matching the search query, kept until it or the rows change.
    pub hits: timeline::Hits,
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// How many rows the list shows on screen.
    pub viewport: usize,
    pub filter: timeline::KindFilter,
    /// Derived from the dataset: the kinds present, with how many events of each.
    pub kinds: Vec<(EventKind, usize)>,
    /// The kind picker's selected row, in `kinds`.
    pub kind_cursor: usize,
    pub order: timeline::Order,
    pub search: Search,
}

/// The search texts of `d` in `cell`, cut the first time they are asked for.
fn cut_once<'a>(
    cell: &'a std::sync::OnceLock<timeline::SearchText>,
    d: &Dataset,
) -> &'a timeline::SearchText {
    cell.get_or_init(|| timeline::SearchText::new(d))
}

impl Timeline {
    /// Shows `rows`, with the index of them, and forgets the hits of other rows.
    pub fn set_rows(&mut self, d: &Dataset, rows: Vec<Row>) {
        self.index = timeline::RowIndex::new(d, &rows);
        self.hits = timeline::Hits::default();
        self.rows = rows;
    }

    /// What the search looks in: the texts of `d`, the dataset shown, cut the first
    /// time they are asked for.
    pub fn search_text(&self, d: &Dataset) -> &timeline::SearchText {
        cut_once(&self.search_text, d)
    }

    /// The rows matching the search query, found as the query changes; `d` is the
    /// dataset shown.
    pub fn hits(&mut self, d: &Dataset) -> &[usize] {
        if !self.hits.are_for(&self.search.query) {
            // The field alone, not `search_text`: `hits` is borrowed apart from it.
            let text = cut_once(&self.search_text, d);
            self.hits.update(text, &self.rows, &self.search.query);
        }
        self.hits.rows()
    }

    /// `Hits::find` for the search query.
    pub fn find(&mut self, d: &Dataset, start: usize, direction: i32) -> Option<usize> {
        self.hits(d);
        self.hits.find(self.rows.len(), start, direction)
    }

    /// The events shown, in the order shown.
    pub fn events<'a>(&'a self, d: &'a Dataset) -> impl Iterator<Item = &'a Event> {
        self.rows.iter().filter_map(|r| match r {
            Row::Event(e) => d.events.get(*e),
            _ => None,
        })
    }

    /// Whether row `i` matches `query`: from the hits where they are that query's; `d`
    /// is the dataset shown.
    pub fn is_hit(&self, d: &Dataset, i: usize, query: &str) -> bool {
        if self.hits.are_for(query) {
            self.hits.rows().binary_search(&i).is_ok()
        } else {
            let query = crate::data::search::Query::new(query);
            self.rows
                .get(i)
                .is_some_and(|r| self.search_text(d).matches(*r, &query))
        }
    }
}

/// What the user sets that the dashboard's numbers are derived from: the assumptions
/// and the view choices. Changed only through [`App::change`], which derives the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub assumptions: Assumptions,
    pub view: CostView,
    pub chart: ChartStyle,
    pub show_projections: bool,
    /// The scenario the Costs pane charts: pinned with Enter on its row, never moved
    /// by the selection.
    pub scenario: ScenarioId,
    /// The scenarios charted beside the pinned one, in the order they were added.
    pub compare: Vec<ScenarioId>,
    /// The band of outcomes shown (`b`), and how far its low and high paths lie from
    /// the assumptions.
    pub show_band: bool,
    pub band_spreads: BandSpreads,
    /// Which panes show their numbers as a table instead of a chart, by pane number.
    pub tables: [bool; 4],
    /// The Troops chart shows every year counted (since 1950), not only those since
    /// the 1st SMA; the year cursor then reaches them too.
    pub troop_history: bool,
    /// The host shown: Korea, Japan, or both side by side (`H`).
    pub host: HostChoice,
    /// The other host's scenarios, kept while its dataset is not shown.
    pub other_host: Option<HostInputs>,
    /// What Costs measures both hosts' payments in while both are shown (`c`).
    pub measure: MeasureKind,
}

impl Inputs {
    /// Where the dashboard starts: assumptions from the dataset's recent history, the
    /// view and scenario as the config's `start` has them.
    pub fn new(data: &Dataset, start: &Start) -> Self {
        Self {
            assumptions: Assumptions::from_history(data),
            view: start.view,
            chart: start.chart,
            show_projections: start.projections,
            scenario: start.scenario,
            compare: Vec::new(),
            show_band: false,
            band_spreads: BandSpreads::default(),
            tables: [false; 4],
            troop_history: false,
            host: HostChoice::Korea,
            other_host: None,
            measure: start.measure,
        }
    }
}

/// What is derived from the dataset and the [`Inputs`]: computed in one place,
/// [`App::change`], and only read elsewhere ([`App::derived`]).
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub projections: Vec<Projection>,
    pub costs: Vec<CostPoint>,
    /// Each compared scenario's series, as `costs` is the pinned one's.
    pub compared: Vec<(ScenarioId, Vec<CostPoint>)>,
    /// While the band is shown: every scenario's band for the totals, and the pinned
    /// one's in the view's metric for the chart.
    pub bands: DashboardBands,
    /// The tables of the panes shown as tables (`t`), by pane number: built when what
    /// they show changes, not on every frame.
    pub shown_tables: [Option<PaneTable>; 4],
    pub totals: Vec<ScenarioTotals>,
    /// The agreement span the totals cover.
    pub span: (i32, i32),
    /// From the dataset alone.
    pub troops: Vec<TroopPoint>,
    /// The host choice `App::data` holds.
    pub host: HostChoice,
    /// Both hosts' series in one unit, while both are shown.
    pub both: Option<BothHosts>,
}

/// A row of the Assumptions pane, as its selection (`App::assumption_row`) numbers
/// them: every assumption, then every scenario projected, then every saved scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssumptionsRow {
    Assumption(AssumptionId),
    /// The k-th scenario projected (and totalled).
    Scenario(usize),
    /// The k-th saved scenario.
    Saved(usize),
}

/// Everything the dashboard shows: the inputs, what is derived from them, and the
/// state of the screen (focus, selection, overlays, prompts).
#[derive(Debug, Clone)]
pub struct App {
    /// The dataset the panes read: the host shown's (`App::show_host`).
    pub data: Dataset,
    /// Every host's dataset.
    pub hosts: Hosts,
    /// Read with [`App::inputs`], changed with [`App::change`].
    inputs: Inputs,
    /// Japan's dataset is not read yet, nor its history taken into the assumptions
    /// ([`App::take_japan`]).
    japan_pending: bool,
    /// Read with [`App::derived`]; computed by [`App::change`] alone.
    derived: Derived,
    pub focus: Pane,
    pub zoom: bool,
    pub overlay: Option<Mode>,
    /// The overlay the help was opened over, and its scroll: shown again when the
    /// help closes.
    pub beneath: Option<(Mode, u16)>,
    /// The sources list's order, search and selection.
    pub sources: SourcesList,
    /// The list of share estimates: the one selected, and whether it is shown whole.
    pub shares: SharesList,
    /// Why `y` cannot reach the terminal's clipboard (OSC 52 off in the config, or the
    /// Linux console); `None` where it can.
    pub clipboard_off: Option<String>,
    /// What the detail popup shows while `overlay` is `Mode::Detail`.
    pub detail: DetailOf,
    /// The help's page shown: the keys or the glossary.
    pub help_page: HelpPage,
    /// First line shown of the open overlay (the help, or an event's detail).
    pub overlay_scroll: u16,
    /// How far the open overlay can scroll, and its page, as the runtime last measured
    /// them.
    pub overlay_max: u16,
    pub overlay_page: u16,
    pub year: i32,
    /// Today's date, for marking the events still to come; `None` marks none. The
    /// runtime sets it from the clock at startup; tests set their own.
    pub today: Option<NaiveDate>,
    pub timeline: Timeline,
    /// Selected row of the Assumptions pane ([`AssumptionsRow`] numbers them).
    pub assumption_row: usize,
    /// The user's saved scenarios, as the scenarios file holds them.
    pub saved: Vec<SavedScenario>,
    /// The prompt open on the status line, if any.
    pub prompt: Option<Prompt>,
    /// A yes-or-no question on the status line, over the prompt if one is open.
    pub question: Option<Question>,
    /// Where exports and saved scenarios go.
    pub paths: Paths,
    /// A confirmation or hint for the status line, until the next action.
    pub status: Option<String>,
    /// Colours on, unless NO_COLOR asked for none.
    pub color: bool,
    pub palette: Palette,
    pub mouse: bool,
    /// URLs are sent as OSC 8 hyperlinks (clickable in the terminals that know them).
    pub hyperlinks: bool,
    /// The key bindings: what the runtime maps keys with and the help shows.
    pub keymap: Keymap,
    /// Where a subcommand starts, for the commands the dashboard names
    /// ([`App::command`]).
    pub command_base: command::CommandBase,
}

impl App {
    /// The dashboard on `data`, starting at `start` with the keys of `keymap`: both the
    /// config's, which builds the dashboard (`Config::app`).
    pub fn new(data: Dataset, start: &Start, keymap: Keymap) -> Self {
        Self::with(data, start, keymap, |_| {})
    }

    /// [`App::new`], with the starting inputs edited by `edit`.
    pub fn with(
        data: Dataset,
        start: &Start,
        keymap: Keymap,
        edit: impl FnOnce(&mut Inputs),
    ) -> Self {
        Self::with_hosts(Hosts::korea_only(data), start, keymap, edit)
    }

    /// [`App::with`] on every host's dataset, showing Korea until the inputs say; the
    /// starting inputs hold every host's history (Japan's dataset is read here).
    pub fn with_hosts(
        hosts: Hosts,
        start: &Start,
        keymap: Keymap,
        edit: impl FnOnce(&mut Inputs),
    ) -> Self {
        hosts.japan();
        Self::on_hosts(hosts, start, keymap, edit)
    }

    /// [`App::with_hosts`], reading nothing more of `hosts`: the starting inputs hold
    /// Japan's history where its dataset is read, else it is taken when first needed
    /// ([`App::take_japan`]).
    pub fn on_hosts(
        hosts: Hosts,
        start: &Start,
        keymap: Keymap,
        edit: impl FnOnce(&mut Inputs),
    ) -> Self {
        let data = hosts.korea.clone();
        let mut inputs = Inputs::new(&data, start);
        let japan = hosts.japan_read().then(|| hosts.japan()).flatten();
        if let Some(japan) = japan {
            inputs.assumptions.take_history_of(japan);
        }
        let japan_pending = hosts.has_japan() && !hosts.japan_read();
        edit(&mut inputs);
        let rows = timeline::rows(&data, timeline::KindFilter::ALL, timeline::Order::Grouped);
        let kinds = timeline::kinds_present(&data);
        let year = data
            .last_recorded_year()
            .unwrap_or(inputs.assumptions.base_year);
        let derived = Derived {
            troops: troop_points(&data),
            span: (year, year),
            ..Derived::default()
        };
        let mut app = Self {
            data,
            hosts,
            inputs: inputs.clone(),
            japan_pending,
            derived,
            focus: start.focus,
            zoom: false,
            overlay: None,
            beneath: None,
            sources: SourcesList::default(),
            shares: SharesList::default(),
            clipboard_off: None,
            detail: DetailOf::Row,
            help_page: HelpPage::Keys,
            overlay_scroll: 0,
            overlay_max: 0,
            overlay_page: 1,
            year,
            today: None,
            timeline: Timeline {
                rows: Vec::new(),
                index: timeline::RowIndex::default(),
                search_text: std::sync::OnceLock::new(),
                hits: timeline::Hits::default(),
                selected: 0,
                offset: 0,
                viewport: 10,
                filter: timeline::KindFilter::ALL,
                kinds,
                kind_cursor: 0,
                order: timeline::Order::Grouped,
                search: Search::default(),
            },
            assumption_row: 0,
            saved: Vec::new(),
            prompt: None,
            question: None,
            paths: Paths::default(),
            status: None,
            color: true,
            palette: Palette::default(),
            mouse: false,
            hyperlinks: false,
            keymap,
            command_base: command::CommandBase::default(),
        };
        app.timeline.set_rows(&app.data, rows);
        app.change(|i| *i = inputs);
        app.follow_year();
        // In another order, the rows are re-sorted keeping the selected event.
        if start.timeline_order != app.timeline.order {
            app.timeline.order = start.timeline_order;
            app.refresh_timeline();
        }
        app
    }

    /// Puts series the dataset's rules cannot produce (thousands of years long) where
    /// the view reads them, for the scale tests and benchmarks; the next
    /// [`App::change`] derives the real ones again.
    #[doc(hidden)]
    pub fn set_long_series(&mut self, costs: Vec<CostPoint>, troops: Option<Vec<TroopPoint>>) {
        self.derived.costs = costs;
        if let Some(troops) = troops {
            self.derived.troops = troops;
        }
    }

    /// The inputs the numbers are derived from.
    pub fn inputs(&self) -> &Inputs {
        &self.inputs
    }

    /// What is derived from the inputs, as of the last [`App::change`].
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// Changes the inputs; everything derived from them is computed again, here and
    /// nowhere else. The cursor and the Assumptions selection stay in their ranges.
    pub fn change(&mut self, edit: impl FnOnce(&mut Inputs)) {
        edit(&mut self.inputs);
        self.derive();
    }

    /// Reads Japan's dataset and takes its history into the assumptions, where that is
    /// still to do: before the first action (any of which may show, save, apply or
    /// reset Japan's assumptions), before a saved scenario is applied or marked, and
    /// when Japan is shown. The first frame of Korea alone needs neither.
    pub fn take_japan(&mut self) {
        if self.take_japan_history() {
            self.derive();
        }
    }

    /// [`App::take_japan`] without deriving again: whether anything was taken.
    fn take_japan_history(&mut self) -> bool {
        if !std::mem::take(&mut self.japan_pending) {
            return false;
        }
        if let Some(japan) = self.hosts.japan() {
            self.inputs.assumptions.take_history_of(japan);
            // What a subcommand would start from holds Japan's history too.
            if let Some(base) = &mut self.command_base.assumptions {
                base.take_history_of(japan);
            }
        }
        true
    }

    /// Whether Japan's history is still to be taken ([`App::take_japan`]).
    pub fn japan_pending(&self) -> bool {
        self.japan_pending
    }

    pub fn mode(&self) -> Mode {
        // The help opens above everything, a question included.
        if self.overlay == Some(Mode::Help) {
            Mode::Help
        } else if self.question.is_some() {
            Mode::Confirm
        } else if let Some(p) = &self.prompt {
            Mode::Prompt(p.kind)
        } else {
            self.overlay.unwrap_or(Mode::Dashboard)
        }
    }

    /// The years the cursor may visit: every year a chart shows, from the first
    /// recorded contribution (or, with the troop history shown, the first troop count)
    /// to the horizon.
    pub fn year_range(&self) -> (i32, i32) {
        let first = self
            .data
            .contributions
            .first()
            .map_or(self.year, |c| c.year);
        let last = self.inputs.assumptions.horizon.max(first);
        let troops = self
            .derived
            .troops
            .first()
            .map(|p| p.year)
            .filter(|_| self.inputs.troop_history);
        (troops.map_or(first, |t| t.min(first)), last)
    }

    /// Takes the saved scenarios as the file now holds them; the selection stays on a
    /// row.
    pub fn set_saved(&mut self, saved: Vec<SavedScenario>) {
        self.saved = saved;
        self.keep_assumption_row();
    }

    /// Keeps the Assumptions selection on a row after rows went away.
    fn keep_assumption_row(&mut self) {
        self.assumption_row = self
            .assumption_row
            .min(self.assumption_rows().saturating_sub(1));
    }

    /// The rows of the Assumptions pane: every assumption, every scenario projected,
    /// every saved scenario.
    pub fn assumption_rows(&self) -> usize {
        self.assumption_ids().len() + self.derived.projections.len() + self.saved.len()
    }

    /// What row `row` of the Assumptions pane holds: the one place that numbers them.
    pub fn assumptions_row(&self, row: usize) -> Option<AssumptionsRow> {
        if let Some(id) = self.assumption_ids().get(row) {
            return Some(AssumptionsRow::Assumption(*id));
        }
        let k = row - self.assumption_ids().len();
        let scenarios = self.derived.projections.len();
        if k < scenarios {
            return Some(AssumptionsRow::Scenario(k));
        }
        (k - scenarios < self.saved.len()).then_some(AssumptionsRow::Saved(k - scenarios))
    }

    /// The number of `row` in the Assumptions pane: [`App::assumptions_row`] backwards.
    pub fn assumptions_row_number(&self, row: AssumptionsRow) -> usize {
        let assumptions = self.assumption_ids().len();
        match row {
            AssumptionsRow::Assumption(id) => self
                .assumption_ids()
                .iter()
                .position(|a| *a == id)
                .unwrap_or(0),
            AssumptionsRow::Scenario(k) => assumptions + k,
            AssumptionsRow::Saved(k) => assumptions + self.derived.projections.len() + k,
        }
    }

    /// The row the Assumptions pane has selected.
    pub fn selected_assumptions_row(&self) -> Option<AssumptionsRow> {
        self.assumptions_row(self.assumption_row)
    }

    /// The assumption the Assumptions pane has selected, if the selection is on one.
    pub fn selected_assumption(&self) -> Option<AssumptionId> {
        match self.selected_assumptions_row()? {
            AssumptionsRow::Assumption(id) => Some(id),
            _ => None,
        }
    }

    /// The scenario row the Assumptions pane has selected, if the selection is on one.
    pub fn selected_scenario(&self) -> Option<ScenarioId> {
        match self.selected_assumptions_row()? {
            AssumptionsRow::Scenario(k) => self.derived.projections.get(k).map(|p| p.scenario),
            _ => None,
        }
    }

    /// Whether `pane` shows its numbers as a table.
    pub fn is_table(&self, pane: Pane) -> bool {
        self.inputs.tables[pane.number() - 1]
    }

    /// Starts on `name`: a scenario's key (`demand-5bn`) pins it as the one charted; a
    /// saved scenario's name applies its assumptions, checked as the command line's are.
    pub fn start_on(&mut self, name: &str) -> Result<(), String> {
        if let Some(id) = ScenarioId::from_key(name) {
            self.change(|i| i.scenario = id);
            return Ok(());
        }
        // A saved scenario holds Japan's assumptions too.
        self.take_japan();
        if let Some(saved) = self.saved.iter().find(|s| s.name == name) {
            let assumptions = saved.applied_to(&self.inputs.assumptions);
            self.check_assumptions(&assumptions)
                .map_err(|e| format!("the saved scenario “{name}” does not apply: {e}"))?;
            self.change(|i| i.assumptions = assumptions);
            return Ok(());
        }
        let keys: Vec<&str> = ScenarioId::ALL.iter().map(|s| s.key()).collect();
        let saved = if self.saved.is_empty() {
            "no saved scenario".to_string()
        } else {
            let names: Vec<String> = self
                .saved
                .iter()
                .map(|s| format!("\"{}\"", s.name))
                .collect();
            format!("a saved scenario: {}", names.join(", "))
        };
        Err(format!(
            "expected one of {} or {saved}, found \"{name}\"",
            keys.join(", ")
        ))
    }

    /// A chart pane's numbers as a table, as `t` shows them and `e` writes them; `None`
    /// for the timeline, which is a list.
    pub fn pane_table(&self, pane: Pane) -> Option<PaneTable> {
        match (pane, self.both()) {
            (Pane::Costs, Some(both)) => {
                return Some(hosts_table(&both.comparison, both.measure));
            }
            (Pane::Troops, Some(_)) => return None,
            _ => {}
        }
        match pane {
            Pane::Timeline => None,
            Pane::Costs => Some(costs_table(&self.costs_input())),
            Pane::Troops => Some(troops_table(&self.data, self.year_range().0)),
            Pane::Assumptions => Some(scenarios_table(
                &self.data,
                &self.inputs.assumptions,
                &self.inputs.view,
                &self.derived.projections,
                self.scenario_bands(),
            )),
        }
    }

    /// A chart pane's chart as an image shows it (`i`, `sma-dash chart`): the same
    /// series, scenarios and band as the screen; `None` for the timeline.
    pub fn figure(&self, pane: Pane) -> Option<Figure> {
        match (pane, self.both()) {
            // `sma-dash chart hosts --measure`: the measure picked (`c`).
            (Pane::Costs, Some(both)) => {
                return Some(hosts_figure(&self.hosts, &both.comparison, both.measure));
            }
            (Pane::Troops, Some(_)) => return None,
            _ => {}
        }
        match pane {
            Pane::Timeline => None,
            Pane::Costs => {
                let figure = costs_figure(&self.costs_input());
                Some(if self.costs_as_bars() {
                    figure.as_bars()
                } else {
                    figure
                })
            }
            Pane::Troops => Some(troops_figure(
                &self.data,
                &troops_table(&self.data, self.year_range().0),
            )),
            Pane::Assumptions => Some(scenarios_figure(
                &self.data,
                &self.inputs.assumptions,
                &self.inputs.view,
                &self.derived.projections,
                self.scenario_bands(),
            )),
        }
    }

    /// Whether the Costs pane draws bars: as `m` sets, unless scenarios are compared,
    /// which only lines can show side by side.
    pub fn costs_as_bars(&self) -> bool {
        self.inputs.chart == ChartStyle::Bars && self.derived.compared.is_empty()
    }

    /// What the Costs pane charts, for its table and its image.
    pub(crate) fn costs_input(&self) -> CostsInput<'_> {
        CostsInput {
            data: &self.data,
            extended: self
                .projection()
                .and_then(|p| p.rule_origin)
                .map(|o| o.extended_label()),
            band: self
                .derived
                .bands
                .charted()
                .map(|b| (b, &self.inputs.band_spreads)),
            assumptions: &self.inputs.assumptions,
            view: &self.inputs.view,
            scenario: self.inputs.show_projections.then_some(self.inputs.scenario),
            points: &self.derived.costs,
            compared: &self.derived.compared,
        }
    }

    /// Every scenario's band and the spreads, while the band shows.
    fn scenario_bands(&self) -> Option<(&DashboardBands, &BandSpreads)> {
        (!self.derived.bands.contributions().is_empty())
            .then_some((&self.derived.bands, &self.inputs.band_spreads))
    }

    /// The saved scenario the Assumptions pane has selected, if the selection is on one.
    pub fn selected_saved(&self) -> Option<&SavedScenario> {
        match self.selected_assumptions_row()? {
            AssumptionsRow::Saved(k) => self.saved.get(k),
            _ => None,
        }
    }

    /// The projection the Costs pane shows, if projections are on and it exists.
    pub fn projection(&self) -> Option<&Projection> {
        self.derived
            .projections
            .iter()
            .find(|p| p.scenario == self.inputs.scenario)
    }

    /// The cost point at the year cursor.
    pub fn cost_at_cursor(&self) -> Option<&CostPoint> {
        self.derived.costs.iter().find(|p| p.year == self.year)
    }

    /// The troop point at the year cursor.
    pub fn troops_at_cursor(&self) -> Option<&TroopPoint> {
        self.derived.troops.iter().find(|p| p.year == self.year)
    }

    /// Whether `pane` has a figure at the year cursor to show the detail of: a
    /// contribution (recorded or projected) in Costs, a count or a headline level in
    /// Troops.
    pub fn has_figure(&self, pane: Pane) -> bool {
        match pane {
            Pane::Costs => self.cost_at_cursor().is_some(),
            Pane::Troops => {
                self.data.troop_count(self.year).is_some()
                    || self.data.headline_level(self.year).is_some()
            }
            _ => false,
        }
    }

    /// The selected timeline row.
    pub fn selected_row(&self) -> Option<Row> {
        self.timeline.rows.get(self.timeline.selected).copied()
    }

    /// Whether `e` lies after today: an event still to come.
    pub fn is_future(&self, e: &Event) -> bool {
        self.today.is_some_and(|today| e.date.first_day() > today)
    }

    /// Rebuilds the timeline's rows for its filter and order. The selected row stays
    /// selected where it is still shown; a header no longer shown gives way to its
    /// agreement's first event; else the selection follows the year cursor.
    pub fn refresh_timeline(&mut self) {
        let t = &self.timeline;
        let selected = self.selected_row();
        let first_event = t.rows.get(t.selected..).and_then(|rows| {
            rows.iter().find_map(|r| match r {
                Row::Event(e) => Some(Row::Event(*e)),
                _ => None,
            })
        });
        let rows = timeline::rows(&self.data, t.filter, t.order);
        self.timeline.set_rows(&self.data, rows);
        let rows = &self.timeline.rows;
        let found = [selected, first_event]
            .into_iter()
            .flatten()
            .find_map(|keep| rows.iter().position(|r| *r == keep));
        match found {
            Some(i) => {
                self.timeline.selected = i;
                self.scroll_to_selection();
            }
            None => {
                self.timeline.selected = 0;
                self.timeline.offset = 0;
                self.follow_year();
            }
        }
    }

    /// Computes every derived series from the data and the inputs: called by
    /// [`App::change`] alone.
    fn derive(&mut self) {
        // Japan shown: its history is in the assumptions before anything is derived.
        if self.inputs.host != HostChoice::Korea {
            self.take_japan_history();
        }
        self.show_host();
        let economy = Economy::new(&self.data, &self.inputs.assumptions);
        self.derived.projections = project_all(&economy);
        if !self
            .derived
            .projections
            .iter()
            .any(|p| p.scenario == self.inputs.scenario)
        {
            self.inputs.scenario = self
                .derived
                .projections
                .first()
                .map_or(ScenarioId::CurrentAgreement, |p| p.scenario);
        }
        let shown = self
            .inputs
            .show_projections
            .then(|| {
                self.derived
                    .projections
                    .iter()
                    .find(|p| p.scenario == self.inputs.scenario)
            })
            .flatten();
        self.derived.costs = cost_series(&economy, shown, &self.inputs.view);
        self.inputs
            .compare
            .retain(|s| projections_hold(&self.derived.projections, *s));
        self.derived.compared = if self.inputs.show_projections {
            self.inputs
                .compare
                .iter()
                .filter(|s| **s != self.inputs.scenario)
                .filter_map(|s| self.derived.projections.iter().find(|p| p.scenario == *s))
                .map(|p| {
                    (
                        p.scenario,
                        cost_series(&economy, Some(p), &self.inputs.view),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        self.derived.bands = if self.inputs.show_band && self.inputs.show_projections {
            dashboard_bands(
                &economy,
                &self.derived.projections,
                &self.inputs.view,
                self.inputs.scenario,
                &self.inputs.band_spreads,
            )
        } else {
            DashboardBands::default()
        };
        self.derived.span = self.agreement_span();
        self.derived.totals =
            scenario_totals(&economy, &self.derived.projections, &self.inputs.view);
        let (first, last) = self.year_range();
        self.year = self.year.clamp(first, last);
        self.keep_assumption_row();
        self.derive_hosts();
        self.refresh_tables();
    }

    /// Builds the table of each pane shown as one, and drops the others'.
    fn refresh_tables(&mut self) {
        for pane in Pane::ALL {
            let i = pane.number() - 1;
            self.derived.shown_tables[i] = if self.inputs.tables[i] {
                self.pane_table(pane)
            } else {
                None
            };
        }
    }

    /// The years of the agreement the projections start in (the 12th SMA, 2026–2030).
    fn agreement_span(&self) -> (i32, i32) {
        let start = self
            .derived
            .projections
            .first()
            .and_then(|p| p.years.first())
            .map(|y| y.year);
        start
            .and_then(|y| self.data.agreement_for_year(y))
            .map(|a| (a.first_year, a.last_year))
            .or(start.map(|y| (y, y)))
            .unwrap_or((self.year, self.year))
    }

    /// Brings the timeline selection to the year cursor's events: the first row of that
    /// year, or else the first event after it.
    pub fn follow_year(&mut self) {
        let year = self.year;
        let d = &self.data;
        if self
            .selected_row()
            .is_some_and(|r| timeline::row_year(d, r) == Some(year))
        {
            return;
        }
        let index = &self.timeline.index;
        let found = index
            .first_of_year(year)
            .or_else(|| index.first_event_after(year));
        if let Some(i) = found {
            self.timeline.selected = i;
            self.scroll_to_selection();
        }
    }

    /// Keeps the selected row inside the visible window.
    pub fn scroll_to_selection(&mut self) {
        let t = &mut self.timeline;
        let height = t.viewport.max(1);
        if t.selected < t.offset {
            t.offset = t.selected;
        } else if t.selected >= t.offset + height {
            t.offset = t.selected + 1 - height;
        }
        t.offset = t.offset.min(t.rows.len().saturating_sub(height));
    }
}

fn projections_hold(projections: &[Projection], s: ScenarioId) -> bool {
    projections.iter().any(|p| p.scenario == s)
}

fn troop_points(d: &Dataset) -> Vec<TroopPoint> {
    d.troop_counts
        .iter()
        .map(|t| TroopPoint {
            year: t.year,
            counted: t.troops,
            headline: d.headline_level(t.year).map(|l| l.low),
        })
        .collect()
}

fn scenario_totals(
    e: &Economy,
    projections: &[Projection],
    view: &CostView,
) -> Vec<ScenarioTotals> {
    let horizon = e.assumptions.horizon;
    let indices = Indices::new(e, horizon);
    // The spans every view and file totals over: the agreement's term, the horizon.
    let of = |p: &Projection| {
        let amounts = scenario_amounts(e, p, view.currency, view.real, &indices);
        let start = p.years.first().map_or(horizon, |y| y.year);
        let spans = total_spans(e.data, start, horizon);
        let sum = |(from, to): (i32, i32)| Total::of(&amounts, from, to);
        (sum(spans[0]), spans.last().copied().and_then(sum))
    };
    let sums: Vec<(ScenarioId, Option<Total>, Option<Total>)> = projections
        .iter()
        .map(|p| {
            let (s, h) = of(p);
            (p.scenario, s, h)
        })
        .collect();
    let current = sums
        .iter()
        .find(|(s, ..)| *s == ScenarioId::CurrentAgreement)
        .or(sums.first());
    let value = |t: Option<Total>| t.map_or(0.0, |t| t.value);
    let (base_span, base_horizon) = current.map_or((0.0, 0.0), |(_, s, h)| (value(*s), value(*h)));
    sums.into_iter()
        .map(|(scenario, s, h)| ScenarioTotals {
            scenario,
            span: s,
            to_horizon: h,
            span_vs_current: value(s) - base_span,
            to_horizon_vs_current: value(h) - base_horizon,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn saved(name: &str, assumptions: &Assumptions) -> SavedScenario {
        SavedScenario::new(name, "2026-11-27", assumptions.clone())
    }

    #[test]
    fn every_assumptions_row_is_numbered_one_way_both_ways() {
        let mut app = app();
        let assumptions = app.inputs().assumptions.clone();
        app.set_saved(vec![saved("a", &assumptions), saved("b", &assumptions)]);
        let n = app.assumption_rows();
        assert_eq!(
            n,
            AssumptionId::ALL.len() + app.derived().projections.len() + 2
        );
        let rows: Vec<AssumptionsRow> = (0..n).filter_map(|i| app.assumptions_row(i)).collect();
        assert_eq!(rows.len(), n, "every row holds something");
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(app.assumptions_row_number(*row), i);
        }
        assert_eq!(rows[0], AssumptionsRow::Assumption(AssumptionId::ALL[0]));
        assert_eq!(rows[AssumptionId::ALL.len()], AssumptionsRow::Scenario(0));
        assert_eq!(rows[n - 1], AssumptionsRow::Saved(1));
        assert_eq!(app.assumptions_row(n), None);
        app.assumption_row = n - 1;
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("b"));
        // Fewer saved scenarios: the selection stays on a row.
        app.set_saved(vec![saved("a", &assumptions)]);
        assert_eq!(app.assumption_row, n - 2);
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("a"));
    }

    #[test]
    fn a_change_of_the_inputs_derives_what_depends_on_them() {
        let mut app = app();
        assert!(app.derived().bands.contributions().is_empty());
        let nominal = app.derived().costs.clone();
        app.change(|i| {
            i.show_band = true;
            i.view.real = true;
        });
        assert!(!app.derived().bands.contributions().is_empty());
        assert_ne!(app.derived().costs, nominal, "real terms are other numbers");
        // A scenario no longer projected gives way, and the compared list follows.
        app.change(|i| i.compare = vec![ScenarioId::ALL[1]]);
        assert_eq!(app.derived().compared.len(), 1);
        app.change(|i| i.show_projections = false);
        assert!(app.derived().compared.is_empty());
        assert!(app.derived().bands.contributions().is_empty());
    }
}
