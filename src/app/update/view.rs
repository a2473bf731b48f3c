//! The view toggles: metric, currency, real terms, bars or line, projections, the
//! troop history, tables, the band, the comparison. Each changes the inputs through
//! `App::change`, which derives what the panes show.

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
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
                Currency::Local => "won",
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
            say(app, what)
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
            let i = app.inputs();
            let message = if !i.show_band {
                "band off".to_string()
            } else if i.show_projections {
                format!("band: {}", i.band_spreads.describe())
            } else {
                "band on: p shows the projections it lies around".to_string()
            };
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
