//! What the user can ask for, independent of the key or click that asked.

use std::path::PathBuf;

use super::{Edit, Pane, ScenariosReport};

/// One request to change the app: produced by the keymap or the mouse, consumed by
/// `update`. Plain data, so a config file can bind keys to it; the last few are the
/// runtime's reports of what an `Effect` did.
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
    /// The SVG and PNG files the images went to, or why they could not (from the
    /// runtime).
    Published(Result<(PathBuf, PathBuf), String>),
    /// What saving did (from the runtime).
    Saved(Result<ScenariosReport, String>),
    /// What deleting did (from the runtime).
    Deleted(Result<ScenariosReport, String>),
    /// The file an export wrote, or why it could not (from the runtime).
    Exported(Result<PathBuf, String>),

    /// The timeline list now shows this many rows (sent by the runtime after a layout
    /// change, so paging and scrolling match the screen).
    TimelineViewport(usize),
    /// The open overlay (the help, an event's detail) can scroll this far and shows a
    /// page of this many lines (sent by the runtime while one is open).
    OverlayViewport {
        max_scroll: u16,
        page: u16,
    },
}

impl Action {
    /// The name a config file binds keys to, unique within a scope (`down`, `raise-big`).
    /// `None` for actions no key asks for directly (clicks, typing, layout changes).
    pub fn config_name(&self) -> Option<&'static str> {
        use Action::*;
        let dir =
            |d: i32, forward: &'static str, back: &'static str| if d > 0 { forward } else { back };
        Some(match *self {
            Quit => "quit",
            Suspend => "suspend",
            ToggleHelp => "help",
            TurnHelpPage(d) => dir(d, "page-next", "page-prev"),
            CloseOverlay => "close",
            FocusNext => "focus-next",
            FocusPrev => "focus-prev",
            Focus(Pane::Timeline) => "focus-timeline",
            Focus(Pane::Costs) => "focus-costs",
            Focus(Pane::Troops) => "focus-troops",
            Focus(Pane::Assumptions) => "focus-assumptions",
            ToggleZoom => "zoom",
            MoveYear(d) => dir(d, "year-next", "year-prev"),
            StartGoToYear => "go-to-year",
            Move(d) => dir(d, "down", "up"),
            Page(d) => dir(d, "page-down", "page-up"),
            First => "first",
            Last => "last",
            JumpAgreement(d) => dir(d, "agreement-next", "agreement-prev"),
            ToggleDetail => "detail",
            StepDetail(d) => dir(d, "next", "prev"),
            CycleFilter(d) => dir(d, "filter", "filter-back"),
            ClearFilter => "filter-clear",
            OpenKinds => "kinds",
            ToggleKind => "toggle",
            ToggleOrder => "order",
            StartSearch => "search",
            SearchAgain(d) => dir(d, "search-next", "search-prev"),
            CycleMetric => "metric",
            ToggleCurrency => "currency",
            ToggleReal => "real",
            ToggleChartStyle => "chart",
            ToggleProjections => "projections",
            ToggleTable => "table",
            ClearCompare => "compare-none",
            ToggleBand => "band",
            ToggleTroopHistory => "history",
            StepAssumption {
                direction,
                big: false,
            } => dir(direction, "raise", "lower"),
            StepAssumption {
                direction,
                big: true,
            } => dir(direction, "raise-big", "lower-big"),
            StartInput => "type-value",
            ResetAssumption => "reset",
            ResetAllAssumptions => "reset-all",
            Activate => "select",
            ToggleCompare => "compare",
            StartSave => "save",
            DeleteSaved => "delete",
            Export => "export",
            PromptConfirm => "enter",
            PromptCancel => "cancel",
            Edit(e) => match e {
                super::Edit::Backspace => "backspace",
                super::Edit::Delete => "delete",
                super::Edit::Left => "left",
                super::Edit::Right => "right",
                super::Edit::Home => "home",
                super::Edit::End => "end",
                super::Edit::KillToStart => "kill-to-start",
                super::Edit::KillToEnd => "kill-to-end",
                super::Edit::KillWordBack => "kill-word",
                super::Edit::Insert(_) => return None,
            },
            Answer(true) => "yes",
            Answer(false) => "no",
            Publish => "image",
            SelectRow(_)
            | Paste(_)
            | Saved(_)
            | Deleted(_)
            | Exported(_)
            | Published(_)
            | TimelineViewport(_)
            | OverlayViewport { .. } => return None,
        })
    }
}
