//! The host selector (`H`): Korea, Japan, both side by side.

use super::*;
use crate::app::HostChoice;

/// `H`: the next host choice (Korea, Japan, both), where the program has the datasets
/// it needs; else the status line says why nothing changed.
pub(super) fn cycle(app: &mut App) -> Effect {
    let next = app.inputs().host.next();
    let next = if app.can_show(next) {
        next
    } else {
        // Without Japan's dataset only Korea can be shown.
        HostChoice::ALL
            .into_iter()
            .cycle()
            .skip_while(|c| *c != next)
            .take(HostChoice::ALL.len())
            .find(|c| app.can_show(*c))
            .unwrap_or(HostChoice::Korea)
    };
    if next == app.inputs().host {
        app.status = Some(
            "no Japan dataset: only Korea can be shown (a --data DIR needs japan/ for Japan)"
                .into(),
        );
        return Effect::Redraw;
    }
    show(app, next)
}

/// Shows `choice`, saying so on the status line.
pub(super) fn show(app: &mut App, choice: HostChoice) -> Effect {
    app.change(|i| i.host = choice);
    app.follow_year();
    let what = match choice {
        HostChoice::Both => "Korea and Japan side by side, in dollars",
        HostChoice::Japan => "Japan: host-nation support by Japanese fiscal year, in yen",
        HostChoice::Korea => "Korea: the Special Measures Agreements",
    };
    app.status = Some(format!("host: {what} · H: next"));
    Effect::Redraw
}

/// Whether the focused pane shows both hosts side by side (Costs, Troops).
pub(super) fn both_in_focus(app: &App) -> bool {
    app.host_shown().is_both() && matches!(app.focus, Pane::Costs | Pane::Troops)
}

/// `t`, `e` and `i` on a pane of both hosts: their tables, files and images are of one
/// host; the status line says how to get them.
pub(super) fn one_host(app: &mut App) -> Effect {
    app.status = Some(
        "tables, exports and images are of one host: H for Korea or Japan (Enter, y: both)".into(),
    );
    Effect::Redraw
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::hosts::tests::both_hosts_app;
    use crate::data::{Dataset, Host};

    #[test]
    fn h_walks_korea_japan_both_and_back() {
        let mut app = both_hosts_app();
        let mut seen = Vec::new();
        for _ in 0..3 {
            update(&mut app, Action::CycleHost);
            seen.push((app.host_shown(), app.data.info.host));
            assert!(
                app.status
                    .as_deref()
                    .is_some_and(|s| s.starts_with("host:"))
            );
        }
        assert_eq!(
            seen,
            [
                (HostChoice::Japan, Host::Japan),
                (HostChoice::Both, Host::Korea),
                (HostChoice::Korea, Host::Korea)
            ]
        );
    }

    #[test]
    fn without_japan_h_says_so_and_changes_nothing() {
        let mut app =
            crate::config::default_app(Dataset::embedded().expect("the embedded dataset loads"));
        let before = app.derived().costs.clone();
        assert_eq!(update(&mut app, Action::CycleHost), Effect::Redraw);
        assert_eq!(app.host_shown(), HostChoice::Korea);
        assert_eq!(app.derived().costs, before);
        let status = app.status.clone().unwrap_or_default();
        assert!(status.contains("no Japan dataset"), "{status}");
    }

    #[test]
    fn the_filter_takes_the_host_with_both_shown_and_forgets_it_with_one() {
        let mut app = both_hosts_app();
        update(&mut app, Action::CycleHost);
        update(&mut app, Action::CycleHost);
        assert!(app.host_shown().is_both());
        let all = app.timeline.rows.len();
        // The first step of `f` with both hosts: Korea's events alone, then Japan's.
        update(&mut app, Action::CycleFilter(1));
        assert_eq!(app.timeline.filter.host(), Some(Host::Korea));
        assert!(
            app.timeline
                .events(&app.data)
                .all(|e| e.host == Host::Korea)
        );
        update(&mut app, Action::CycleFilter(1));
        assert_eq!(app.timeline.filter.host(), Some(Host::Japan));
        let japan: Vec<_> = app.timeline.events(&app.data).collect();
        assert!(!japan.is_empty() && japan.iter().all(|e| e.host == Host::Japan));
        assert!(app.timeline.rows.len() < all);
        // Back to Korea alone: no host to filter by.
        update(&mut app, Action::CycleHost);
        assert_eq!(app.timeline.filter.host(), None);
        assert!(app.timeline.filter.is_all());
    }

    #[test]
    fn y_on_both_hosts_copies_each_figure_after_what_it_is_and_t_e_i_say_why_not() {
        let mut app = both_hosts_app();
        app.change(|i| i.host = HostChoice::Both);
        update(&mut app, Action::Focus(Pane::Costs));
        app.year = 2014;
        let cited = app.cited().expect("the figure at the cursor");
        let text = app.citation(&cited).expect("a citation").text;
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("Korea (SMA total"), "{text}");
        assert!(
            text.lines()
                .any(|l| l.starts_with("Japan (HNS total (not the SMA portion)")),
            "{text}"
        );
        for action in [Action::ToggleTable, Action::Export, Action::Publish] {
            assert_eq!(
                update(&mut app, action.clone()),
                Effect::Redraw,
                "{action:?}"
            );
            let status = app.status.clone().unwrap_or_default();
            assert!(status.contains("of one host"), "{action:?}: {status}");
        }
        assert!(!app.is_table(Pane::Costs));
    }
}
