//! The list of share estimates (`A`): every published estimate of what a host pays
//! against what US forces there cost, under its measure, so that estimates of different
//! definitions are never read as one series; Enter shows one whole, `y` copies it with
//! its sources.

use crate::data::ShareEstimate;
use crate::report::compare::share_groups;

use super::update::Effect;
use super::{App, Mode};

/// The list's state: the estimate selected, and whether it is shown whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SharesList {
    /// The selected estimate, by its place in the list's order ([`App::share_order`]).
    pub cursor: usize,
    /// Enter: the selected estimate whole (scrolled by `overlay_scroll`).
    pub whole: bool,
}

/// Rows a page moves in the list.
pub(super) const SHARES_A_PAGE: i32 = 8;

impl App {
    /// Every estimate in the list's order: measure by measure, each measure's by host
    /// and year.
    pub fn share_order(&self) -> Vec<&ShareEstimate> {
        share_groups(self.hosts.shares())
            .into_iter()
            .flat_map(|g| g.estimates)
            .collect()
    }

    /// The estimate selected in the list.
    pub fn selected_share(&self) -> Option<&ShareEstimate> {
        self.share_order().get(self.shares.cursor).copied()
    }
}

/// `A`: opens the list, at the estimate last selected.
pub fn open(app: &mut App) -> Effect {
    if app.hosts.shares().estimates.is_empty() {
        app.status = Some(
            "no share estimates: the dataset has no shares.toml (the embedded one has)".into(),
        );
        return Effect::Redraw;
    }
    app.shares.whole = false;
    app.overlay = Some(Mode::Shares);
    Effect::Redraw
}

/// Enter: the selected estimate whole, and back to the list.
pub fn enter(app: &mut App) -> Effect {
    app.shares.whole = !app.shares.whole;
    app.overlay_scroll = 0;
    Effect::Redraw
}

/// q or Esc: back from an estimate to the list, else close it.
pub fn back(app: &mut App) -> Effect {
    if app.shares.whole {
        app.shares.whole = false;
        return Effect::Redraw;
    }
    app.overlay = None;
    Effect::Redraw
}

/// Selects the estimate at `row` of the list, clamped; whether it moved. With one shown
/// whole, the next one is shown from its top.
pub fn select(app: &mut App, row: i64) -> Effect {
    let last = app.hosts.shares().estimates.len() as i64 - 1;
    if last < 0 {
        return Effect::None;
    }
    let row = row.clamp(0, last) as usize;
    if row == app.shares.cursor {
        return Effect::None;
    }
    app.shares.cursor = row;
    app.overlay_scroll = 0;
    Effect::Redraw
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::cite::Cited;
    use crate::app::hosts::tests::app_on;
    use crate::app::{Action, HostChoice, update};
    use crate::data::{Country, Hosts};

    fn app(choice: HostChoice) -> App {
        let mut app = app_on(Hosts::embedded().expect("both embedded hosts load"));
        app.change(|i| i.host = choice);
        app
    }

    #[test]
    fn a_lists_every_estimate_measure_by_measure_with_both_hosts_and_japan_alone() {
        for choice in [HostChoice::Both, HostChoice::Japan, HostChoice::Korea] {
            let mut app = app(choice);
            update(&mut app, Action::OpenShares);
            assert_eq!(app.mode(), Mode::Shares, "{choice:?}");
            let order = app.share_order();
            assert_eq!(order.len(), app.hosts.shares().estimates.len());
            // Germany's are there too.
            assert!(order.iter().any(|e| e.host == Country::Germany));
            // One measure's estimates together: a measure never comes back after
            // another's.
            let mut seen: Vec<&str> = Vec::new();
            for e in &order {
                if seen.last() != Some(&e.measure.as_str()) {
                    assert!(!seen.contains(&e.measure.as_str()), "{}", e.measure);
                    seen.push(&e.measure);
                }
            }
        }
    }

    #[test]
    fn moving_enter_and_escape_go_through_the_list_and_an_estimate_whole() {
        let mut app = app(HostChoice::Both);
        update(&mut app, Action::OpenShares);
        update(&mut app, Action::Last);
        let last = app.hosts.shares().estimates.len() - 1;
        assert_eq!(app.shares.cursor, last);
        update(&mut app, Action::Move(1));
        assert_eq!(app.shares.cursor, last);
        update(&mut app, Action::First);
        update(&mut app, Action::Page(1));
        assert_eq!(app.shares.cursor, SHARES_A_PAGE as usize);
        update(&mut app, Action::ToggleDetail);
        assert!(app.shares.whole);
        // Scrolling the estimate shown whole moves its lines, not the selection.
        crate::app::reply(
            &mut app,
            crate::app::Reply::OverlayViewport {
                max_scroll: 5,
                page: 4,
            },
        );
        update(&mut app, Action::Move(2));
        assert_eq!(
            (app.shares.cursor, app.overlay_scroll),
            (SHARES_A_PAGE as usize, 2)
        );
        update(&mut app, Action::CloseOverlay);
        assert_eq!((app.mode(), app.shares.whole), (Mode::Shares, false));
        update(&mut app, Action::CloseOverlay);
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn y_copies_the_selected_estimate_with_its_definition_and_sources() {
        let mut app = app(HostChoice::Japan);
        update(&mut app, Action::OpenShares);
        let at = app
            .share_order()
            .iter()
            .position(|e| e.id == "dod-2004-jp")
            .expect("the DoD 2004 estimate of Japan");
        update(&mut app, Action::Move(at as i32));
        assert_eq!(app.cited(), Some(Cited::Share("dod-2004-jp".into())));
        let copied = update(&mut app, Action::Copy);
        let crate::app::Effect::Copy(text) = copied else {
            panic!("{copied:?}")
        };
        insta::assert_snapshot!("share_dod_2004_jp", text);
        assert!(text.starts_with("Japan, 2002: 74.5 % — DoD U.S. cost offset percentage"));
        assert!(text.contains("Definition: The host's direct and indirect support"));
        // Japan's sources, from Japan's table, whole.
        for id in ["J65", "J64", "J66"] {
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("[{id}]")))
                .unwrap_or_else(|| panic!("{id} in {text}"));
            assert!(!line.contains("not in the sources table"), "{line}");
        }
        // Korea shown: Japan's sources are still found.
        app.change(|i| i.host = HostChoice::Korea);
        let again = app
            .citation(&Cited::Share("dod-2004-jp".into()))
            .expect("the estimate");
        assert_eq!(again.text, text);
        assert_eq!(
            app.cite_command(&Cited::Share("dod-2004-jp".into())),
            "sma-dash cite --share dod-2004-jp"
        );
    }

    #[test]
    fn without_estimates_a_says_so_and_opens_nothing() {
        let mut app = crate::config::default_app(
            crate::data::Dataset::embedded().expect("the embedded dataset loads"),
        );
        update(&mut app, Action::OpenShares);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert!(
            app.status
                .as_deref()
                .unwrap_or("")
                .contains("no share estimates")
        );
    }
}
