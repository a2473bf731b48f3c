//! The view toggles: metric, currency, real terms, bars or line, projections, the
//! troop history, tables, the band, the comparison. Each changes the inputs through
//! `App::change`, which derives what the panes show.

use super::*;

/// "band: Japanese CPI inflation ±1 pp, …": the spreads of the rates of the host whose
/// projections it lies around, named as the host's own. With both hosts shown, only the
/// Assumptions pane's totals (Korea's) carry a band, and the words say so.
fn band_words(app: &App) -> String {
    let host = app.data.info.host;
    let spreads = app.inputs().band_spreads.describe_for(host);
    if app.host_shown().is_both() {
        format!("band around {}'s scenario totals: {spreads}", host.name())
    } else {
        format!("band: {spreads}")
    }
}

/// What `b` says: off, or the spreads of the band, or that it lies around projections,
/// which are off (`p` turns them on, with one host shown).
fn band_message(app: &App) -> String {
    let i = app.inputs();
    if !i.show_band {
        "band off".to_string()
    } else if i.show_projections {
        band_words(app)
    } else if app.host_shown().is_both() {
        // `p` is one host's: with both, it says why it does nothing.
        "band on: it lies around projections, which are off; with one host (H), p shows them"
            .to_string()
    } else {
        "band on: p shows the projections it lies around".to_string()
    }
}

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        CycleMetric if app.host_shown().is_both() => super::hosts::next_measure(app),
        // On Assumptions `r` is its totals' (the shown host's scenarios), as with one host.
        ToggleReal if app.host_shown().is_both() && app.focus != Pane::Assumptions => {
            super::hosts::toggle_real_measure(app)
        }
        ToggleChartStyle | ToggleProjections if app.host_shown().is_both() => {
            super::hosts::not_with_both(app, &action)
        }
        CycleMetric => {
            app.change(|i| i.view = i.view.next_metric());
            say(app, format!("metric: {}", app.inputs().view.metric_label()))
        }
        ToggleCurrency if app.host_shown().is_both() => say(
            app,
            "both hosts are compared in dollars: won and yen never share an axis".into(),
        ),
        ToggleCurrency => {
            app.change(|i| {
                i.view.currency = match i.view.currency {
                    Currency::Local => Currency::Usd,
                    Currency::Usd => Currency::Local,
                }
            });
            let name = match app.inputs().view.currency {
                Currency::Local => app.data.info.host.currency(),
                Currency::Usd => "dollars",
            };
            say(app, format!("currency: {name}"))
        }
        ToggleReal => {
            app.change(|i| i.view.real = !i.view.real);
            let what = if app.inputs().view.real {
                format!("real: money of {}", app.inputs().assumptions.base_year)
            } else {
                "nominal".to_string()
            };
            let whose = if app.host_shown().is_both() {
                format!("{}'s scenario totals ", app.data.info.host.name())
            } else {
                String::new()
            };
            say(app, format!("{whose}{what}"))
        }
        ToggleChartStyle => {
            app.change(|i| {
                i.chart = match i.chart {
                    ChartStyle::Bars => ChartStyle::Line,
                    ChartStyle::Line => ChartStyle::Bars,
                }
            });
            Effect::Redraw
        }
        ToggleProjections => {
            app.change(|i| i.show_projections = !i.show_projections);
            let state = if app.inputs().show_projections {
                "on"
            } else {
                "off"
            };
            say(app, format!("projections {state}"))
        }
        ToggleTroopHistory => {
            let year = app.year;
            // Back inside the range if the cursor was on a year no longer shown.
            app.change(|i| i.troop_history = !i.troop_history);
            if year != app.year {
                app.follow_year();
            }
            let (first, _) = app.year_range();
            app.status = Some(if app.inputs().troop_history {
                format!("troops: all years since {first}")
            } else {
                format!("troops: since the 1st SMA ({first})")
            });
            Effect::Redraw
        }
        ToggleTable => toggle_table(app),
        ToggleBand => {
            app.change(|i| i.show_band = !i.show_band);
            let message = band_message(app);
            say(app, message)
        }
        ClearCompare => {
            if app.inputs().compare.is_empty() {
                app.status = Some("no comparison: x on a scenario's row adds it".into());
                return Effect::Redraw;
            }
            app.change(|i| i.compare.clear());
            say(
                app,
                format!("comparison off: {} alone", app.inputs().scenario.label()),
            )
        }
        _ => Effect::None,
    }
}

/// Says `message` on the status line, after a change.
pub(super) fn say(app: &mut App, message: String) -> Effect {
    app.status = Some(message);
    Effect::Redraw
}

/// `t`: the focused chart as a table of its numbers, and back.
pub(super) fn toggle_table(app: &mut App) -> Effect {
    if app.focus == Pane::Timeline {
        app.status = Some("the timeline is a list already: t turns a chart into a table".into());
        return Effect::Redraw;
    }
    let i = app.focus.number() - 1;
    app.change(|inputs| inputs.tables[i] = !inputs.tables[i]);
    app.status = Some(if app.inputs().tables[i] {
        format!("{} as a table (t: the chart again)", app.focus.title())
    } else {
        format!("{} as a chart", app.focus.title())
    });
    Effect::Redraw
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn the_troop_history_toggle_lets_the_cursor_reach_1950_and_takes_it_back() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Troops));
        assert_eq!(app.year_range().0, 1991);
        assert_eq!(
            app.keymap
                .action(crate::app::Key::char('a'), Mode::Dashboard, Pane::Troops),
            Some(Action::ToggleTroopHistory)
        );
        assert_eq!(update(&mut app, Action::ToggleTroopHistory), Effect::Redraw);
        assert!(app.inputs().troop_history);
        assert_eq!(app.year_range(), (1950, app.inputs().assumptions.horizon));
        assert_eq!(app.status.as_deref(), Some("troops: all years since 1950"));
        assert_eq!(app.year, 2026, "the cursor stays where it was");
        update(&mut app, Action::MoveYear(-1000));
        assert_eq!(app.year, 1950);
        assert_eq!(app.cost_at_cursor(), None, "no contribution before 1991");
        assert_eq!(app.troops_at_cursor().map(|p| p.counted), Some(Some(510)));
        // The timeline goes to the first event after 1950: the earliest.
        let earliest = (0..app.timeline.rows.len())
            .filter_map(|i| timeline::row_year(&app.data, app.timeline.rows[i]))
            .min();
        assert_eq!(selected_year(&app), earliest);
        update(&mut app, Action::MoveYear(5));
        assert_eq!(app.year, 1955);
        // Off again: the cursor comes back to the first year shown, and the timeline
        // with it.
        update(&mut app, Action::ToggleTroopHistory);
        assert!(!app.inputs().troop_history);
        assert_eq!(app.year, 1991);
        assert_eq!(selected_year(&app), Some(1991));
        assert_eq!(
            app.status.as_deref(),
            Some("troops: since the 1st SMA (1991)")
        );
        update(&mut app, Action::MoveYear(-1));
        assert_eq!(app.year, 1991);
        // A year still in range is kept.
        update(&mut app, Action::ToggleTroopHistory);
        update(&mut app, Action::MoveYear(20));
        update(&mut app, Action::ToggleTroopHistory);
        assert_eq!(app.year, 2011);
    }

    #[test]
    fn chart_toggles_recompute_the_series() {
        let mut app = app();
        let won_2019 = cost(&app, 2019);
        assert!((won_2019 - 1038.9).abs() < 1e-9, "1,038.9 bn won in 2019");
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.inputs().view.metric, Metric::YearOnYear);
        assert!((cost(&app, 2019) - 8.2).abs() < 0.05, "+8.2 % in 2019");
        // Per service member on the DMDC count: no count past 2025.
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.inputs().view.troops, TroopBasis::Counted);
        assert!((cost(&app, 2018) - 960.2 * 1000.0 / 25_813.0).abs() < 1e-9);
        assert_eq!(value_in(&app, 2030), None);
        // Then on the headline level, which covers the projected years too.
        update(&mut app, Action::CycleMetric);
        assert_eq!(app.inputs().view.metric, Metric::PerServiceMember);
        assert_eq!(app.inputs().view.troops, TroopBasis::Headline);
        assert!((cost(&app, 2018) - 960.2 * 1000.0 / 28_500.0).abs() < 1e-9);
        assert!(value_in(&app, 2030).is_some());
        for _ in 0..2 {
            update(&mut app, Action::CycleMetric);
        }
        assert_eq!(app.inputs().view.metric, Metric::Contribution);
        update(&mut app, Action::ToggleCurrency);
        assert_eq!(app.inputs().view.currency, Currency::Usd);
        assert!(
            cost(&app, 2019) < won_2019,
            "$ millions are fewer than bn won"
        );
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleReal);
        assert!(app.inputs().view.real);
        assert!(
            cost(&app, 2019) > won_2019,
            "2019 won are worth more in later money"
        );
        update(&mut app, Action::ToggleReal);
        update(&mut app, Action::ToggleChartStyle);
        assert_eq!(app.inputs().chart, ChartStyle::Line);
        assert!(app.derived().costs.iter().any(|p| p.projected));
        update(&mut app, Action::ToggleProjections);
        assert!(!app.derived().costs.iter().any(|p| p.projected));
        assert_eq!(app.status.as_deref(), Some("projections off"));
    }

    #[test]
    fn b_shows_the_band_around_the_pinned_projection_and_its_totals() {
        let mut app = app();
        assert!(app.derived().bands.charted().is_none(), "off by default");
        update(&mut app, Action::ToggleBand);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("band: Korean CPI")
        );
        let band = app
            .derived()
            .bands
            .charted()
            .expect("the pinned scenario's band");
        assert_eq!(band.scenario, ScenarioId::CurrentAgreement);
        // 2027 follows 2025's recorded CPI: no width; 2030 lies inside its band.
        let y2027 = band.at(2027).unwrap();
        assert_eq!(y2027.low, y2027.high);
        let y2030 = band.at(2030).unwrap();
        let central = cost(&app, 2030);
        assert!(y2030.low.unwrap() < central && central < y2030.high.unwrap());
        // Every scenario's totals have a range; pinning another moves the chart's band.
        assert!(
            app.derived()
                .bands
                .total(ScenarioId::Demand5bn, 2026, 2030)
                .is_some()
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::Move(AssumptionId::ALL.len() as i32 + 2));
        update(&mut app, Action::Activate);
        assert_eq!(
            app.derived().bands.charted().unwrap().scenario,
            ScenarioId::Demand5bn
        );
        // In dollars a demand has no band: its dollars are fixed.
        update(&mut app, Action::ToggleCurrency);
        let b = app.derived().bands.charted().unwrap().at(2030).unwrap();
        assert_eq!((b.low, b.high), (Some(5_000.0), Some(5_000.0)));
        // Projections off: no band; b again: off.
        update(&mut app, Action::ToggleProjections);
        assert!(app.derived().bands.charted().is_none());
        update(&mut app, Action::ToggleProjections);
        update(&mut app, Action::ToggleBand);
        assert!(app.derived().bands.charted().is_none());
        assert_eq!(app.status.as_deref(), Some("band off"));
    }
}
