//! What the user can ask for, independent of the key or click that asked.

use std::path::PathBuf;

use super::keymap::Scope;
use super::{Edit, Pane, ScenariosReport};

/// One request to change the app: produced by the keymap or the mouse, consumed by
/// `update`. Plain data, so a config file can bind keys to it. What the runtime reports
/// back is a [`Reply`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    /// Give the terminal back and stop, as a shell's Ctrl-Z does; `fg` resumes.
    Suspend,
    ToggleHelp,
    /// Turn the help to its next (+1) or previous (-1) page: the keys, the glossary.
    TurnHelpPage(i32),
    /// Close whichever overlay is open.
    CloseOverlay,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    ToggleZoom,
    /// Move the linked year cursor by this many years.
    MoveYear(i32),
    /// Open the prompt for a year to move the cursor to.
    StartGoToYear,

    // Moving in whatever the keys are on: the timeline's rows, a chart's or a table's
    // years, the assumptions, the lines of an overlay (the help, the detail).
    /// Down (+) or up (-) by this many.
    Move(i32),
    /// Down (+) or up (-) by this many pages.
    Page(i32),
    First,
    Last,

    // Timeline.
    /// Jump to the previous (-1) or next (+1) agreement.
    JumpAgreement(i32),
    /// Select a row by its index among the rows shown (a mouse click).
    SelectRow(usize),
    /// Enter: the selected event's detail in the timeline, the cursor year's figure in
    /// Costs or Troops.
    ToggleDetail,
    /// In the detail popup: the next (+1) or previous (-1) event, or year.
    StepDetail(i32),
    /// The event-kind filter forward (+1) or back (-1) through the kinds present.
    CycleFilter(i32),
    ClearFilter,
    /// Open the kind picker, to choose several kinds at once.
    OpenKinds,
    /// In the kind picker: show the selected kind, or stop showing it.
    ToggleKind,
    /// Grouped by agreement, or every event by date.
    ToggleOrder,
    StartSearch,
    /// Next (+1) or previous (-1) match of the last search.
    SearchAgain(i32),

    /// Copy the selection (a figure, an event, a source, a scenario's totals) with its
    /// sources to the terminal's clipboard.
    Copy,
    /// Open the sources list.
    OpenSources,
    /// In the sources list: by date, or by id.
    SortSources,
    /// Open the list of share estimates: what each host pays of US stationing cost, by
    /// definition.
    OpenShares,

    // Costs.
    CycleMetric,
    ToggleCurrency,
    ToggleReal,
    ToggleChartStyle,
    ToggleProjections,
    /// The focused chart as a table of its numbers, and back.
    ToggleTable,
    /// Stop comparing scenarios: chart the pinned one alone.
    ClearCompare,
    /// The band of outcomes around the projection, on or off.
    ToggleBand,

    // Troops.
    /// Every year of the troop counts (since 1950), or only those since the 1st SMA.
    ToggleTroopHistory,

    // Assumptions.
    /// Step the selected assumption up (+1) or down (-1), by the big step if `big`.
    StepAssumption {
        direction: i32,
        big: bool,
    },
    /// Open the prompt for a value of the selected assumption.
    StartInput,
    ResetAssumption,
    ResetAllAssumptions,
    /// Enter on the selected row: type an assumption's value, pin a scenario, apply a
    /// saved scenario.
    Activate,
    /// Add the selected scenario to the chart's comparison, or take it out.
    ToggleCompare,

    // Prompts on the status line (search, save name, value, year).
    /// Edit the prompt's text.
    Edit(Edit),
    /// Text pasted (bracketed paste): into a prompt as one edit, never run as keys.
    Paste(String),
    PromptConfirm,
    PromptCancel,
    /// The answer to the yes-or-no question on the status line.
    Answer(bool),

    // Files.
    /// Open the prompt for the name to save the assumptions as.
    StartSave,
    /// Export the focused pane's data as CSV.
    Export,
    /// Delete the selected saved scenario, once the user says yes.
    DeleteSaved,
    /// Write the focused chart as SVG and PNG images.
    Publish,
    /// Show the next host: Korea, Japan, both side by side.
    CycleHost,

    /// A key that is bound only in another pane, pressed where it does nothing: the
    /// status line says where it works.
    Elsewhere {
        key: String,
        pane: Pane,
        help: String,
    },
}

/// What the runtime reports back to `update`: how an `Effect` went, and what the layout
/// measured. Apart from [`Action`], which is what the user asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The SVG and PNG files the images went to, or why they could not.
    Published(Result<(PathBuf, PathBuf), String>),
    /// What saving did.
    Saved(Result<ScenariosReport, String>),
    /// What deleting did.
    Deleted(Result<ScenariosReport, String>),
    /// The file an export wrote, or why it could not.
    Exported(Result<PathBuf, String>),
    /// The timeline list now shows this many rows (after a layout change, so paging and
    /// scrolling match the screen).
    TimelineViewport(usize),
    /// The open overlay (the help, an event's detail) can scroll this far and shows a
    /// page of this many lines (while one is open).
    OverlayViewport { max_scroll: u16, page: u16 },
}

impl Action {
    /// Whether the action changes only what the Costs pane shows (its metric, currency,
    /// basis, chart, projections, band, comparison), bound dashboard-wide.
    pub fn changes_costs_only(&self) -> bool {
        use Action::*;
        matches!(
            self,
            CycleMetric
                | ToggleCurrency
                | ToggleReal
                | ToggleChartStyle
                | ToggleProjections
                | ToggleBand
                | ClearCompare
        )
    }

    /// The action a config file names `name` in `scope`'s table (`down`, `raise-big`),
    /// with the name as written here. Only the prompt's table names the prompt's keys,
    /// so `delete` there edits the text and elsewhere deletes a saved scenario.
    pub fn named(scope: Scope, name: &str) -> Option<(&'static str, Action)> {
        let in_prompt = scope == Scope::Prompt;
        NAMED
            .iter()
            .find(|(n, a)| *n == name && a.works_in_prompt() == in_prompt)
            .map(|(n, a)| (*n, a.clone()))
    }

    fn works_in_prompt(&self) -> bool {
        matches!(
            self,
            Action::Edit(_) | Action::PromptConfirm | Action::PromptCancel
        )
    }
}

/// Every action a key can ask for, each once, with the name a config file binds it by.
/// The others (a click, a typed character, the runtime's reports) have no name.
const NAMED: &[(&str, Action)] = {
    use super::Edit as E;
    use Action::*;
    &[
        ("quit", Quit),
        ("suspend", Suspend),
        ("help", ToggleHelp),
        ("page-next", TurnHelpPage(1)),
        ("page-prev", TurnHelpPage(-1)),
        ("close", CloseOverlay),
        ("focus-next", FocusNext),
        ("focus-prev", FocusPrev),
        ("focus-timeline", Focus(Pane::Timeline)),
        ("focus-costs", Focus(Pane::Costs)),
        ("focus-troops", Focus(Pane::Troops)),
        ("focus-assumptions", Focus(Pane::Assumptions)),
        ("zoom", ToggleZoom),
        ("year-next", MoveYear(1)),
        ("year-prev", MoveYear(-1)),
        ("go-to-year", StartGoToYear),
        ("down", Move(1)),
        ("up", Move(-1)),
        ("page-down", Page(1)),
        ("page-up", Page(-1)),
        ("first", First),
        ("last", Last),
        ("agreement-next", JumpAgreement(1)),
        ("agreement-prev", JumpAgreement(-1)),
        ("detail", ToggleDetail),
        ("next", StepDetail(1)),
        ("prev", StepDetail(-1)),
        ("filter", CycleFilter(1)),
        ("filter-back", CycleFilter(-1)),
        ("filter-clear", ClearFilter),
        ("kinds", OpenKinds),
        ("toggle", ToggleKind),
        ("order", ToggleOrder),
        ("search", StartSearch),
        ("search-next", SearchAgain(1)),
        ("search-prev", SearchAgain(-1)),
        ("metric", CycleMetric),
        ("currency", ToggleCurrency),
        ("real", ToggleReal),
        ("chart", ToggleChartStyle),
        ("projections", ToggleProjections),
        ("table", ToggleTable),
        ("compare-none", ClearCompare),
        ("band", ToggleBand),
        ("history", ToggleTroopHistory),
        (
            "raise",
            StepAssumption {
                direction: 1,
                big: false,
            },
        ),
        (
            "lower",
            StepAssumption {
                direction: -1,
                big: false,
            },
        ),
        (
            "raise-big",
            StepAssumption {
                direction: 1,
                big: true,
            },
        ),
        (
            "lower-big",
            StepAssumption {
                direction: -1,
                big: true,
            },
        ),
        ("type-value", StartInput),
        ("reset", ResetAssumption),
        ("reset-all", ResetAllAssumptions),
        ("select", Activate),
        ("compare", ToggleCompare),
        ("save", StartSave),
        ("delete", DeleteSaved),
        ("export", Export),
        ("image", Publish),
        ("host", CycleHost),
        ("copy", Copy),
        ("sources", OpenSources),
        ("sort", SortSources),
        ("shares", OpenShares),
        ("yes", Answer(true)),
        ("no", Answer(false)),
        ("enter", PromptConfirm),
        ("cancel", PromptCancel),
        ("backspace", Edit(E::Backspace)),
        ("delete", Edit(E::Delete)),
        ("left", Edit(E::Left)),
        ("right", Edit(E::Right)),
        ("home", Edit(E::Home)),
        ("end", Edit(E::End)),
        ("kill-to-start", Edit(E::KillToStart)),
        ("kill-to-end", Edit(E::KillToEnd)),
        ("kill-word", Edit(E::KillWordBack)),
    ]
};
