//! What the user can ask for, independent of the key or click that asked.

use std::path::PathBuf;

use super::{Pane, SaveReport};

/// One request to change the app: produced by the keymap or the mouse, consumed by
/// `update`. Plain data, so a config file can bind keys to it; the last few are the
/// runtime's reports of what an `Effect` did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ToggleHelp,
    /// Scroll the help overlay by this many lines.
    ScrollHelp(i32),
    /// Close whichever overlay is open.
    CloseOverlay,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    ToggleZoom,
    /// Move the linked year cursor by this many years.
    MoveYear(i32),

    // Timeline.
    /// Move the selection by this many rows.
    MoveRow(i32),
    /// Move the selection by this many pages.
    MovePage(i32),
    FirstRow,
    LastRow,
    /// Jump to the previous (-1) or next (+1) agreement.
    JumpAgreement(i32),
    /// Select a row by its index among the rows shown (a mouse click).
    SelectRow(usize),
    ToggleDetail,
    CycleFilter,
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    SearchConfirm,
    SearchCancel,
    /// Next (+1) or previous (-1) match of the last search.
    SearchAgain(i32),

    // Costs.
    CycleMetric,
    ToggleCurrency,
    ToggleReal,
    ToggleChartStyle,
    ToggleProjections,

    // Troops.
    /// Every year of the troop counts (since 1950), or only those since the 1st SMA.
    ToggleTroopHistory,

    // Assumptions.
    /// Move the assumptions pane's selection by this many rows.
    MoveAssumption(i32),
    /// Step the selected assumption up (+1) or down (-1), by the big step if `big`.
    StepAssumption {
        direction: i32,
        big: bool,
    },
    ResetAssumption,
    /// Apply the selected saved scenario's assumptions.
    ApplySaved,

    // Files.
    /// Open the prompt for the name to save the assumptions as.
    StartSave,
    SaveNameInput(char),
    SaveNameBackspace,
    SaveConfirm,
    SaveCancel,
    /// Export the focused pane's data as CSV.
    Export,
    /// What saving did (from the runtime).
    Saved(Result<SaveReport, String>),
    /// The file an export wrote, or why it could not (from the runtime).
    Exported(Result<PathBuf, String>),

    /// The timeline list now shows this many rows (sent by the runtime after a layout
    /// change, so paging and scrolling match the screen).
    TimelineViewport(usize),
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
            ToggleHelp => "help",
            ScrollHelp(d) => dir(d, "down", "up"),
            CloseOverlay => "close",
            FocusNext => "focus-next",
            FocusPrev => "focus-prev",
            Focus(Pane::Timeline) => "focus-timeline",
            Focus(Pane::Costs) => "focus-costs",
            Focus(Pane::Troops) => "focus-troops",
            Focus(Pane::Assumptions) => "focus-assumptions",
            ToggleZoom => "zoom",
            MoveYear(d) => dir(d, "year-next", "year-prev"),
            MoveRow(d) => dir(d, "down", "up"),
            MovePage(d) => dir(d, "page-down", "page-up"),
            FirstRow => "first",
            LastRow => "last",
            JumpAgreement(d) => dir(d, "agreement-next", "agreement-prev"),
            ToggleDetail => "detail",
            CycleFilter => "filter",
            StartSearch => "search",
            SearchAgain(d) => dir(d, "search-next", "search-prev"),
            CycleMetric => "metric",
            ToggleCurrency => "currency",
            ToggleReal => "real",
            ToggleChartStyle => "chart",
            ToggleProjections => "projections",
            ToggleTroopHistory => "history",
            MoveAssumption(d) => dir(d, "down", "up"),
            StepAssumption {
                direction,
                big: false,
            } => dir(direction, "raise", "lower"),
            StepAssumption {
                direction,
                big: true,
            } => dir(direction, "raise-big", "lower-big"),
            ResetAssumption => "reset",
            ApplySaved => "apply-saved",
            StartSave => "save",
            Export => "export",
            SelectRow(_) | SearchInput(_) | SearchBackspace | SearchConfirm | SearchCancel
            | SaveNameInput(_) | SaveNameBackspace | SaveConfirm | SaveCancel | Saved(_)
            | Exported(_) | TimelineViewport(_) => return None,
        })
    }
}
