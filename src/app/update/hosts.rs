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
        let mut app = App::new(Dataset::embedded().expect("the embedded dataset loads"));
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
}
