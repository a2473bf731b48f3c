//! The host selector (`H`): Korea, Japan, both side by side.

use super::*;
use crate::app::HostChoice;
use crate::econ::compare::MeasureKind;
use crate::report::export::{ExportOptions, Series, export_each_host, export_hosts};

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

/// `c` with both hosts shown: the next measure of both payments (dollars, real
/// dollars, per service member, share of the defense budget, of GDP).
pub(super) fn next_measure(app: &mut App) -> Effect {
    app.change(|i| i.measure = i.measure.next());
    let m = app.inputs().measure;
    say(
        app,
        format!("measure: {} · c: next · Enter: what it is", m.label()),
    )
}

/// `r` with both hosts shown: dollars at each year's rate or real dollars of the base
/// year, both measures of the picker.
pub(super) fn toggle_real_measure(app: &mut App) -> Effect {
    let next = match app.inputs().measure {
        MeasureKind::Usd => MeasureKind::RealUsd,
        MeasureKind::RealUsd => MeasureKind::Usd,
        other => {
            return say(
                app,
                format!(
                    "{} is a ratio, neither nominal nor real: c picks dollars or real dollars",
                    other.label()
                ),
            );
        }
    };
    app.change(|i| i.measure = next);
    say(
        app,
        format!(
            "measure: {} ({})",
            next.label(),
            next.unit(app.inputs().assumptions.base_year)
        ),
    )
}

/// `m` and `p` with both hosts shown: nothing changes, and the status line says why
/// (Costs of both hosts draws recorded payments, Korea's as a line and Japan's as
/// marks). The status line does not offer them (`ui::hosts::hint_hidden`).
pub(super) fn not_with_both(app: &mut App, action: &Action) -> Effect {
    let why = match action {
        Action::ToggleChartStyle => {
            "both hosts: Costs draws Korea's line beside Japan's marks, never bars: m is for one host (H)"
        }
        _ => "both hosts: Costs shows the payments recorded, no projections: p is for one host (H)",
    };
    say(app, why.into())
}

/// `t`, `e` and `i` on a pane of both hosts. Costs: the table of both hosts in the
/// measure, the file `export measures --host all` writes, the image `chart hosts`
/// draws. Troops: `e` writes what `export troops --host all` writes; its table and
/// image are of one host, and the status line says so.
pub(super) fn both_files(app: &mut App, action: Action) -> Effect {
    match (app.focus, action) {
        (Pane::Troops, Action::Export) => Effect::Export(ExportRequest {
            what: "troops",
            table: export_each_host(
                app.hosts.iter(),
                &app.inputs().assumptions,
                Series::Troops,
                ExportOptions::default(),
            ),
        }),
        (Pane::Troops, _) => say(
            app,
            "Troops of both hosts: e writes both counts (as `export troops --host all`); a table or image is of one host: H".into(),
        ),
        (_, Action::Export) => Effect::Export(ExportRequest {
            what: "measures",
            table: export_hosts(
                &app.hosts,
                &app.inputs().assumptions,
                Series::Measures,
                ExportOptions::default(),
            ),
        }),
        (_, Action::Publish) => files::apply(app, Action::Publish),
        _ => view::toggle_table(app),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::hosts::tests::both_hosts_app;
    use crate::data::{Dataset, Host};
    use std::ops::Not;

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

    /// Both embedded hosts shown, Costs focused, the cursor on 2014.
    fn both_on_2014() -> App {
        let hosts = crate::data::Hosts::embedded().expect("both embedded hosts load");
        let mut app = crate::app::hosts::tests::app_on(hosts);
        app.change(|i| i.host = HostChoice::Both);
        update(&mut app, Action::Focus(Pane::Costs));
        app.year = 2014;
        app
    }

    #[test]
    fn c_picks_the_measure_with_both_hosts_and_the_metric_with_one() {
        let mut app = both_on_2014();
        let metric = app.inputs().view.metric;
        let mut seen = vec![app.inputs().measure];
        for _ in 0..MeasureKind::ALL.len() {
            update(&mut app, Action::CycleMetric);
            let both = app.both().expect("both hosts");
            assert_eq!(both.measure, app.inputs().measure, "derived follows");
            seen.push(both.measure);
        }
        assert_eq!(&seen[..5], &MeasureKind::ALL);
        assert_eq!(seen[5], MeasureKind::Usd, "round the end");
        assert_eq!(
            app.inputs().view.metric,
            metric,
            "the metric is Korea's alone"
        );
        update(&mut app, Action::CycleMetric);
        update(&mut app, Action::CycleMetric);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.starts_with("measure: per US service member"),
            "{status}"
        );
        // `r`: real dollars and back, only from a dollar measure.
        update(&mut app, Action::ToggleReal);
        assert_eq!(app.inputs().measure, MeasureKind::PerMember);
        assert!(
            app.status
                .as_deref()
                .unwrap_or_default()
                .contains("c picks")
        );
        app.change(|i| i.measure = MeasureKind::Usd);
        update(&mut app, Action::ToggleReal);
        assert_eq!(app.inputs().measure, MeasureKind::RealUsd);
        assert!(!app.inputs().view.real, "Korea's own view untouched");
        // One host: `c` is the metric again.
        update(&mut app, Action::CycleHost);
        update(&mut app, Action::CycleMetric);
        assert_ne!(app.inputs().view.metric, metric);
        assert_eq!(app.inputs().measure, MeasureKind::RealUsd);
    }

    #[test]
    fn on_assumptions_with_both_hosts_r_and_b_are_the_shown_hosts_totals() {
        let mut app = both_on_2014();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let measure = app.inputs().measure;
        update(&mut app, Action::ToggleReal);
        assert!(app.inputs().view.real, "Korea's totals in real terms");
        assert_eq!(app.inputs().measure, measure, "the Costs measure untouched");
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.starts_with("Korea's scenario totals real: money of"),
            "{status}"
        );
        // `b`: the band lies around Korea's totals alone, so only Korea's spreads.
        app.change(|i| i.show_projections = true);
        update(&mut app, Action::ToggleBand);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.starts_with("band around Korea's scenario totals: Korean CPI"),
            "{status}"
        );
        assert!(!status.contains("yen"), "{status}");
        // Back on Costs, `r` is the measure's again.
        update(&mut app, Action::Focus(Pane::Costs));
        app.change(|i| i.measure = MeasureKind::Usd);
        update(&mut app, Action::ToggleReal);
        assert_eq!(app.inputs().measure, MeasureKind::RealUsd);
    }

    #[test]
    fn m_and_p_with_both_hosts_change_nothing_and_say_why() {
        let mut app = both_on_2014();
        let before = app.inputs().clone();
        for (action, words) in [
            (
                Action::ToggleChartStyle,
                "never bars: m is for one host (H)",
            ),
            (
                Action::ToggleProjections,
                "no projections: p is for one host (H)",
            ),
        ] {
            assert_eq!(update(&mut app, action.clone()), Effect::Redraw);
            let status = app.status.clone().unwrap_or_default();
            assert!(status.contains(words), "{action:?}: {status}");
            assert_eq!(app.inputs().chart, before.chart, "{action:?}");
            assert_eq!(
                app.inputs().show_projections,
                before.show_projections,
                "{action:?}"
            );
        }
        // `b` still bands the scenarios' totals (Assumptions); with projections off it
        // does not send the user to `p`, which does nothing here.
        app.change(|i| i.show_projections = false);
        update(&mut app, Action::ToggleBand);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.contains("with one host (H), p shows them"),
            "{status}"
        );
        // One host: both keys work again.
        update(&mut app, Action::CycleHost);
        update(&mut app, Action::ToggleProjections);
        assert!(app.inputs().show_projections);
        update(&mut app, Action::ToggleChartStyle);
        assert_ne!(app.inputs().chart, before.chart);
    }

    #[test]
    fn y_on_both_hosts_copies_each_figure_in_the_measure_with_what_it_is_and_its_sources() {
        let mut app = both_on_2014();
        app.change(|i| i.measure = MeasureKind::PerMember);
        let cited = app.cited().expect("the figure at the cursor");
        let citation = app.citation(&cited).expect("a citation");
        let text = &citation.text;
        assert!(
            citation.what.contains("per US service member"),
            "{citation:?}"
        );
        let korea = text.lines().next().unwrap_or_default();
        assert!(
            korea.starts_with("Korea, 2014 (calendar year): $"),
            "{text}"
        );
        assert!(
            korea.contains("k ($ thousand per US service member) · derived"),
            "{korea}"
        );
        assert!(korea.contains("What it is: Korea's SMA contribution (total) in thousands"));
        let japan = text
            .lines()
            .find(|l| l.starts_with("Japan, FY2014 (Apr 2014–Mar 2015): $"))
            .unwrap_or_else(|| panic!("Japan's line: {text}"));
        assert!(japan.contains("not the SMA portion"), "{japan}");
        assert_eq!(text.matches("Sources:").count(), 2, "{text}");
        // Every input's source: the count's too, with its URL.
        let j = app.hosts.japan().unwrap();
        let count = &j.troop_count(2014).unwrap().sources[0];
        assert!(text.contains(&format!("[{count}] ")), "{text}");
        // Another measure, another figure.
        app.change(|i| i.measure = MeasureKind::ShareOfGdp);
        let text = app.citation(&cited).expect("a citation").text;
        assert!(text.contains(" % ($ thousand").not(), "{text}");
        assert!(
            text.contains("(% of the host's nominal GDP) · derived"),
            "{text}"
        );
    }

    #[test]
    fn t_e_i_on_both_hosts_costs_give_the_table_the_measures_file_and_the_hosts_image() {
        let mut app = both_on_2014();
        app.change(|i| i.measure = MeasureKind::PerMember);
        // `e`: what `export measures --host all` writes, through the same code.
        let Effect::Export(request) = update(&mut app, Action::Export) else {
            panic!("an export");
        };
        assert_eq!(request.what, "measures");
        let cli = export_hosts(
            &app.hosts,
            &app.inputs().assumptions,
            Series::Measures,
            ExportOptions::default(),
        );
        assert_eq!(request.table.to_csv(), cli.to_csv());
        assert!(request.table.to_csv().starts_with("host,year,year_basis,"));
        // `i`: `chart hosts`.
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("an image");
        };
        assert_eq!(figure.kind, crate::publish::ChartKind::Hosts);
        assert_eq!(
            *figure,
            crate::publish::hosts_figure(
                &app.hosts,
                &app.both().unwrap().comparison,
                MeasureKind::PerMember
            )
        );
        // `t`: years × the two hosts in the measure, with their marks.
        update(&mut app, Action::ToggleTable);
        assert!(app.is_table(Pane::Costs));
        let table = app.derived().shown_tables[1].clone().expect("the table");
        assert!(
            table.caption.contains("per US service member"),
            "{}",
            table.caption
        );
        let row = &table.rows[table.row_of(2014).expect("2014")];
        let shown: Vec<&str> = row.cells.iter().map(|(_, s)| s.as_str()).collect();
        let (_, m) = app.both().unwrap().at(Host::Japan, 2014).unwrap();
        let japan = crate::numbers::thousands(m.value().unwrap(), 2);
        assert_eq!(
            &shown[..6],
            &["2014", shown[1], "der", "FY2014", &japan, "der"]
        );
        // A gap is marked, and says why.
        let gap = table
            .rows
            .iter()
            .find(|r| r.cells[5].1 == "gap")
            .expect("a year Japan records no figure for");
        assert!(gap.cells[8].1.starts_with("JP: "), "{:?}", gap.cells[8]);
        // The measure changes: the table follows.
        update(&mut app, Action::CycleMetric);
        let table = app.derived().shown_tables[1].clone().expect("the table");
        assert!(
            table.caption.starts_with("% of the host's defense budget"),
            "{}",
            table.caption
        );
    }

    #[test]
    fn on_both_hosts_troops_e_writes_export_troops_host_all_and_t_i_say_why_not() {
        let mut app = both_on_2014();
        update(&mut app, Action::Focus(Pane::Troops));
        let Effect::Export(request) = update(&mut app, Action::Export) else {
            panic!("an export");
        };
        assert_eq!(request.what, "troops");
        let csv = request.table.to_csv();
        assert!(csv.starts_with("host,"), "{csv}");
        assert!(csv.lines().any(|l| l.starts_with("jp,")));
        assert!(csv.lines().any(|l| l.starts_with("kr,")));
        for action in [Action::ToggleTable, Action::Publish] {
            assert_eq!(
                update(&mut app, action.clone()),
                Effect::Redraw,
                "{action:?}"
            );
            let status = app.status.clone().unwrap_or_default();
            assert!(status.contains("of one host: H"), "{action:?}: {status}");
        }
        assert!(!app.is_table(Pane::Troops));
    }
}
