//! `update`: the one place the state changes. Pure and synchronous: side effects are
//! returned as an `Effect` for the runtime to carry out.
//!
//! `apply` hands each action to the file of its theme, where its status messages are
//! written beside it: `navigation.rs` (focus, zoom, the year cursor, rows and pages),
//! `overlays.rs` (help, detail, kind picker), `timeline_keys.rs` (agreements, filter,
//! order, search), `view.rs` (the toggles `c u r m p a t b X`), `assumptions.rs` (the
//! Assumptions pane), `prompts.rs` (prompts and questions), `files.rs` (export, images,
//! saving, and the runtime's replies when they are done). No terminal, no files here.
//! Each theme file holds the tests of its behaviour; `test_support.rs` what they share;
//! the tests here pin the dispatch itself (quit, and what a reply keeps).
//!
//! Where does a key change the chart? `b` is bound in `config/default.toml` as `band`,
//! the name of `Action::ToggleBand` (`action.rs`); its arm is in the theme file above
//! (`view.rs`), which changes an input (`show_band`) through `App::change`; and
//! `App::derive` (`app/mod.rs`) computes from the inputs what the chart draws.

mod assumptions;
mod files;
mod hosts;
mod navigation;
mod overlays;
mod prompts;
mod timeline_keys;
mod view;

// The helpers one theme lends another.
use assumptions::change_assumptions;
use navigation::{move_year, select_row};
use overlays::scroll_overlay;
use prompts::open_prompt;
use timeline_keys::{report_matches, search_as_typed, set_filter};
use view::say;

use crate::econ::{Assumptions, Currency, spec};
use crate::publish::Figure;
use crate::report::ProjectionReport;
use crate::report::export::{Table, shown_events};
use crate::report::tables::stamp;

use crate::data::EventKind;

use super::timeline::{self, KindFilter, PickerRow};
use super::{
    Action, App, AssumptionId, ChartStyle, DetailOf, HelpPage, Mode, Pane, Prompt, PromptKind,
    Question, Reply, SavedScenario, TextInput,
};
use super::{shares, sources};

/// What the runtime should do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing changed: no redraw.
    None,
    Redraw,
    Quit,
    /// Give the terminal back and stop until the shell continues the program.
    Suspend,
    /// Save these assumptions under this name; the runtime answers with `Reply::Saved`.
    /// `replace` is the user's yes to replacing a scenario of that name: without it,
    /// a name another dashboard saved meanwhile is asked about again, not replaced.
    SaveScenario {
        name: String,
        assumptions: Assumptions,
        replace: bool,
    },
    /// Delete the saved scenario of this name; the runtime answers with
    /// `Reply::Deleted`.
    DeleteScenario {
        name: String,
    },
    /// Write this table as CSV; the runtime answers with `Reply::Exported`.
    Export(ExportRequest),
    /// Draw this chart as SVG and PNG images and write both; the runtime answers with
    /// `Reply::Published`.
    Publish(Box<Figure>),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
}

/// A table to write, and what it holds, for the file's name ("costs").
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub what: &'static str,
    pub table: Table,
}

impl From<bool> for Effect {
    fn from(changed: bool) -> Self {
        if changed {
            Effect::Redraw
        } else {
            Effect::None
        }
    }
}

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) -> Effect {
    // Any action may show, save, apply or reset Japan's assumptions.
    app.take_japan();
    // A message lasts until the user's next action.
    let had_status = app.status.take().is_some();
    let effect = apply(app, action);
    redraw_for_status(effect, had_status, app)
}

/// Applies the runtime's `reply` to `app`: how an effect went, what the layout measured.
pub fn reply(app: &mut App, reply: Reply) -> Effect {
    // A layout change is not the user's action: the message stays (`y`'s in a detail
    // or a share estimate, measured again after every key).
    let layout = matches!(
        reply,
        Reply::TimelineViewport(_) | Reply::OverlayViewport { .. }
    );
    let had_status = !layout && app.status.take().is_some();
    let effect = match reply {
        Reply::TimelineViewport(rows) => navigation::set_viewport(app, rows),
        Reply::OverlayViewport { max_scroll, page } => {
            overlays::set_viewport(app, max_scroll, page)
        }
        done => files::done(app, done),
    };
    redraw_for_status(effect, had_status, app)
}

/// A message that came or went needs a redraw, whatever else changed.
fn redraw_for_status(effect: Effect, had_status: bool, app: &App) -> Effect {
    match effect {
        Effect::None if had_status || app.status.is_some() => Effect::Redraw,
        e => e,
    }
}

/// Each action to the file of its theme.
fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        Quit => Effect::Quit,
        Suspend => Effect::Suspend,
        ToggleHelp | TurnHelpPage(_) | CloseOverlay | ToggleDetail | StepDetail(_) | OpenKinds
        | ToggleKind | OpenSources | SortSources | OpenShares => overlays::apply(app, action),
        ToggleTable | Export | Publish if hosts::both_in_focus(app) => {
            hosts::both_files(app, action)
        }
        Copy => super::cite::copy(app),
        Elsewhere { key, pane, help } => {
            app.status = Some(format!(
                "{key} works in {} ({}): {help}",
                pane.title(),
                pane.number()
            ));
            Effect::Redraw
        }
        FocusNext | FocusPrev | Focus(_) | ToggleZoom | MoveYear(_) | Move(_) | Page(_) | First
        | Last | SelectRow(_) => navigation::apply(app, action),
        JumpAgreement(_) | CycleFilter(_) | ClearFilter | ToggleOrder | StartSearch
        | SearchAgain(_) => timeline_keys::apply(app, action),
        CycleMetric | ToggleCurrency | ToggleReal | ToggleChartStyle | ToggleProjections
        | ToggleTroopHistory | ToggleTable | ToggleBand | ClearCompare => view::apply(app, action),
        StepAssumption { .. }
        | StartInput
        | ResetAssumption
        | ResetAllAssumptions
        | Activate
        | ToggleCompare
        | DeleteSaved => assumptions::apply(app, action),
        StartGoToYear | StartSave | Edit(_) | Paste(_) | PromptConfirm | PromptCancel
        | Answer(_) => prompts::apply(app, action),
        Export | Publish => files::apply(app, action),
        CycleHost => hosts::cycle(app),
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> Effect {
    if *slot == value {
        Effect::None
    } else {
        *slot = value;
        Effect::Redraw
    }
}

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn quit_asks_the_runtime_to_quit() {
        assert_eq!(update(&mut app(), Action::Quit), Effect::Quit);
    }

    #[test]
    fn a_viewport_change_keeps_the_selection_visible_and_the_message() {
        let mut app = app();
        update(&mut app, Action::Last);
        app.status = Some("kept".into());
        reply(&mut app, Reply::TimelineViewport(5));
        let t = &app.timeline;
        assert!(t.offset <= t.selected && t.selected < t.offset + 5);
        assert_eq!(app.status.as_deref(), Some("kept"));
        // An overlay measured again (after every key while one is open) keeps it too:
        // `y` in a detail says what it copied.
        reply(
            &mut app,
            Reply::OverlayViewport {
                max_scroll: 3,
                page: 2,
            },
        );
        assert_eq!(app.status.as_deref(), Some("kept"));
    }

    #[test]
    fn q_and_esc_close_overlays_and_prompts_and_q_quits_only_from_the_dashboard() {
        use crate::app::{Key, KeyCode};
        let (q, esc) = (Key::char('q'), Key::plain(KeyCode::Esc));
        let mut app = app();
        for open in [Key::char('?'), Key::plain(KeyCode::Enter)] {
            for close in [q, esc] {
                press(&mut app, open);
                assert_ne!(app.mode(), Mode::Dashboard);
                assert_eq!(press(&mut app, close), vec![Effect::Redraw]);
                assert_eq!(app.mode(), Mode::Dashboard, "{open} then {close}");
            }
        }
        // In a text prompt q is a letter; Esc closes the prompt.
        for open in ['/', ':', 's'] {
            press(&mut app, Key::char(open));
            press(&mut app, q);
            assert_eq!(typed(&app), Some("q"), "{open}");
            press(&mut app, esc);
            assert_eq!(app.mode(), Mode::Dashboard, "{open}");
        }
        update(&mut app, Action::Focus(Pane::Assumptions));
        press(&mut app, Key::char('='));
        press(&mut app, q);
        press(&mut app, esc);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(press(&mut app, q), vec![Effect::Quit]);
        assert_eq!(press(&mut app, Key::ctrl('z')), vec![Effect::Suspend]);
    }
}
