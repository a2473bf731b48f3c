//! What writes files: export, images, saving; and the runtime's replies when the
//! writing is done (`Reply::Saved`, `Deleted`, `Exported`, `Published`), with their
//! messages.

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        Export => Effect::Export(export_request(app)),
        Publish => match app.figure(app.focus) {
            Some(figure) => Effect::Publish(Box::new(figure)),
            None => {
                app.status = Some(
                    "no chart in the Timeline: focus Costs, Troops or Assumptions for `i`".into(),
                );
                Effect::Redraw
            }
        },
        _ => Effect::None,
    }
}

/// With both hosts on Costs, what the image `i` wrote is: `chart hosts`'s in the measure
/// picked, and the command that draws it (its real dollars take the base year, US
/// CPI-U past the record, the horizon), as " (…, as `sma-dash chart hosts …` draws
/// both hosts)"; else nothing.
fn as_chart_hosts(app: &App) -> String {
    let Some(both) = app.both().filter(|_| app.focus == Pane::Costs) else {
        return String::new();
    };
    let ids = if both.measure == crate::econ::compare::MeasureKind::RealUsd {
        &crate::app::command::REAL_DOLLARS[..]
    } else {
        &[]
    };
    let asked = [
        "chart hosts".to_string(),
        format!("--measure {}", both.measure.name()),
    ];
    format!(
        " ({}, as `{}` draws both hosts)",
        both.measure.label(),
        app.command(&asked, ids, false)
    )
}

/// The runtime's reply when writing is done, as the status line says it.
pub(super) fn done(app: &mut App, reply: Reply) -> Effect {
    use Reply::*;
    match reply {
        Published(Ok((svg, png))) => {
            let what = as_chart_hosts(app);
            app.status = Some(format!(
                "wrote {} and {}{what}",
                svg.display(),
                png.display()
            ));
            Effect::Redraw
        }
        Published(Err(e)) => {
            app.status = Some(format!("image failed: {e}"));
            Effect::Redraw
        }
        Saved(Ok(report)) if report.taken => {
            // Another dashboard saved this name since the prompt opened: asked again,
            // as if it had been there all along.
            app.set_saved(report.scenarios);
            let mut prompt = Prompt::new(PromptKind::SaveName);
            prompt.input.insert(&report.name);
            app.prompt = Some(prompt);
            app.question = Some(Question::Replace(report.name));
            Effect::Redraw
        }
        Saved(Ok(report)) => {
            app.set_saved(report.scenarios);
            let verb = if report.was_there {
                "replaced"
            } else {
                "saved"
            };
            let mut message = format!("{verb} “{}” in {}", report.name, report.path.display());
            if let Some(warning) = report.warning {
                message = format!("{message}; {warning}");
            }
            app.status = Some(message);
            Effect::Redraw
        }
        Saved(Err(e)) => {
            app.status = Some(format!("not saved: {e}"));
            Effect::Redraw
        }
        Deleted(Ok(report)) => {
            app.set_saved(report.scenarios);
            let mut message = if report.was_there {
                format!("deleted “{}” from {}", report.name, report.path.display())
            } else {
                format!(
                    "“{}” was no longer in {}: nothing deleted",
                    report.name,
                    report.path.display()
                )
            };
            if let Some(warning) = report.warning {
                message = format!("{message}; {warning}");
            }
            app.status = Some(message);
            Effect::Redraw
        }
        Deleted(Err(e)) => {
            app.status = Some(format!("not deleted: {e}"));
            Effect::Redraw
        }
        Exported(Ok(path)) => {
            app.status = Some(match app.focus {
                Pane::Timeline => {
                    let t = &app.timeline;
                    let filter = t
                        .filter
                        .label()
                        .map(|kinds| format!(" (filter: {kinds})"))
                        .unwrap_or_default();
                    format!(
                        "exported {}{filter} to {}",
                        timeline::events_count(t.index.events),
                        path.display()
                    )
                }
                _ => format!("exported {}", path.display()),
            });
            Effect::Redraw
        }
        Exported(Err(e)) => {
            app.status = Some(format!("export failed: {e}"));
            Effect::Redraw
        }
        TimelineViewport(_) | OverlayViewport { .. } => Effect::None,
    }
}

/// What the focused pane shows, as a file: the timeline's events shown, in the order
/// shown; the Costs and
/// Troops panes' tables (the same in chart and table view); the Assumptions pane's
/// table of every scenario by year, or in its list view every scenario's projection
/// with each figure's origin and driver. In the view's currency and basis.
pub(super) fn export_request(app: &App) -> ExportRequest {
    let (what, table) = match app.focus {
        Pane::Timeline => (
            "events",
            shown_events(&app.data, app.timeline.events(&app.data)),
        ),
        Pane::Assumptions if !app.is_table(Pane::Assumptions) => (
            "projections",
            ProjectionReport::with_band(
                &app.data,
                &app.inputs().assumptions,
                app.inputs().view.real,
                app.inputs().view.currency == Currency::Usd,
                app.inputs().show_band.then_some(&app.inputs().band_spreads),
            )
            .to_cells(),
        ),
        pane => {
            let table = app.pane_table(pane).expect("a chart pane has a table");
            let what = match pane {
                Pane::Costs => "costs",
                Pane::Troops => "troops",
                _ => "scenarios",
            };
            let stamp = (pane != Pane::Troops).then(|| {
                stamp(
                    &app.inputs().assumptions,
                    app.data.info.host,
                    &app.inputs().view,
                )
            });
            (what, table.to_export(&app.data.info.version, stamp))
        }
    };
    ExportRequest { what, table }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn e_on_the_timeline_exports_the_rows_shown_in_their_order() {
        let mut app = app();
        update(&mut app, Action::ToggleOrder);
        update(&mut app, Action::CycleFilter(1));
        let shown = shown_ids(&app);
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "events");
        let ids: Vec<String> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect();
        assert_eq!(ids, shown);
        assert!(csv.lines().nth(1).unwrap().contains(",round,"));
        reply(
            &mut app,
            Reply::Exported(Ok("/tmp/out/sma-dash-events.csv".into())),
        );
        assert_eq!(
            app.status,
            Some(format!(
                "exported {} events (filter: rounds) to /tmp/out/sma-dash-events.csv",
                shown.len()
            ))
        );
        // Unfiltered and grouped: every event, as grouped.
        update(&mut app, Action::ClearFilter);
        update(&mut app, Action::ToggleOrder);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(csv.lines().count() - 1, app.data.events.len());
        assert_eq!(
            csv.lines().nth(1).unwrap().split(',').next().unwrap(),
            shown_ids(&app)[0]
        );
    }

    #[test]
    fn the_runtime_report_lists_the_saved_and_suggests_the_next_free_name() {
        let mut app = app();
        let first = saved("scenario 1", app.inputs().assumptions.clone());
        reply(
            &mut app,
            Reply::Saved(Ok(report(vec![first.clone()], false))),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("saved “scenario 1” in /data/sma-dash/scenarios.toml")
        );
        assert_eq!(app.saved, vec![first.clone()]);
        update(&mut app, Action::StartSave);
        assert_eq!(
            app.prompt.as_ref().and_then(|p| p.placeholder.as_deref()),
            Some("scenario 2")
        );
        update(&mut app, Action::PromptCancel);
        reply(&mut app, Reply::Saved(Ok(report(vec![first], true))));
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("replaced “scenario 1”")
        );
        reply(
            &mut app,
            Reply::Saved(Err(
                "cannot write /x: disk full (the file is unchanged)".into()
            )),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("not saved: cannot write /x: disk full (the file is unchanged)")
        );
    }

    #[test]
    fn e_exports_the_costs_as_the_pane_shows_them_and_says_what_each_is() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "costs");
        let header = csv.lines().next().unwrap();
        assert!(!header.contains("base_year"), "nominal: {header}");
        let r = row(&csv, 2019);
        assert_eq!(
            (r["value"].as_str(), r["unit"].as_str(), r["basis"].as_str()),
            ("1038.9", "billion won", "nominal")
        );
        assert_eq!(
            (r["status"].as_str(), r["currency_origin"].as_str()),
            ("recorded", "published")
        );
        let p2030 = row(&csv, 2030);
        assert_eq!(
            (p2030["status"].as_str(), p2030["scenario"].as_str()),
            ("projected", "12th-sma")
        );
        // Text starting with `+` comes with a `'`, as CSV for spreadsheets must.
        assert_eq!(p2030["driver"], "'+2.1 % (2028 CPI, assumed), cap 5 %");
        assert_eq!(
            row(&csv, 2027)["driver"],
            "'+2.1 % (2025 CPI, recorded), cap 5 %"
        );
        assert_eq!(row(&csv, 2031)["rule_extended"], "true");
        assert_eq!(p2030["rule_extended"], "false");

        update(&mut app, Action::ToggleCurrency);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        let r = row(&csv, 2019);
        assert_eq!(r["unit"], "million $");
        assert_eq!(r["value"], format!("{:.1}", cost(&app, 2019)));
        // No dollar figure was published for 2019: converted, at the year's rate.
        assert_eq!(
            (
                r["status"].as_str(),
                r["currency_origin"].as_str(),
                r["rate"].as_str()
            ),
            ("converted", "converted", "recorded")
        );
        let rate = app.data.exchange_rate(2019).unwrap().per_usd;
        assert_eq!(r["krw_per_usd"], format!("{rate:.2}"));
        // 2014 was agreed in won: its dollars are converted like every won year's, and
        // the press's $866.86 m is reported beside, never the point.
        let r = row(&csv, 2014);
        let converted = 9200.0 * 100.0 / app.data.exchange_rate(2014).unwrap().per_usd;
        assert_eq!(
            (
                r["value"].as_str(),
                r["status"].as_str(),
                r["currency_origin"].as_str()
            ),
            (format!("{converted:.1}").as_str(), "converted", "converted")
        );
        assert!(
            r["reported"].contains("$866.86 m reported (R09 R08)"),
            "{}",
            r["reported"]
        );

        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleReal);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        let r = row(&csv, 2019);
        let base = app.inputs().assumptions.base_year;
        assert_eq!(r["unit"], format!("billion won of {base}"));
        assert_eq!(
            (
                r["basis"].as_str(),
                r["base_year"].as_str(),
                r["status"].as_str()
            ),
            ("real", base.to_string().as_str(), "derived")
        );
        assert_eq!(r["value"], format!("{:.1}", cost(&app, 2019)));
        assert!(r["value"].parse::<f64>().unwrap() > 1038.9);

        update(&mut app, Action::ToggleProjections);
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        assert!(
            !csv.contains(",projected,"),
            "no projected rows with projections off"
        );
    }

    #[test]
    fn e_exports_each_pane_s_own_data() {
        let mut app = app();
        for (pane, what, first_column) in [
            (Pane::Timeline, "events", "id"),
            (Pane::Troops, "troops", "year"),
            (Pane::Assumptions, "projections", "year"),
        ] {
            update(&mut app, Action::Focus(pane));
            let (w, csv) = csv_of(update(&mut app, Action::Export));
            assert_eq!(w, what);
            assert!(csv.starts_with(first_column), "{csv}");
        }
        // Every file `e` writes, chart or table, says where each row comes from: the
        // recorded years their record's sources, projected ones their rule's.
        for (pane, table, (column, value), cited) in [
            (Pane::Timeline, false, ("id", "sma-12-agreed"), "R74"),
            (Pane::Costs, false, ("year", "2027"), "R74"),
            (Pane::Costs, true, ("year", "2027"), "R74"),
            (Pane::Troops, false, ("year", "2025"), "TDR"),
            (Pane::Troops, true, ("year", "2025"), "TDR"),
            (Pane::Assumptions, false, ("year", "2027"), "R74"),
            (Pane::Assumptions, true, ("year", "2027"), "R74"),
        ] {
            update(&mut app, Action::Focus(pane));
            if table != app.is_table(pane) {
                update(&mut app, Action::ToggleTable);
            }
            let (what, csv) = csv_of(update(&mut app, Action::Export));
            let r = row_by(&csv, column, value);
            let sources = r.get("sources").unwrap_or_else(|| panic!("{what}: {csv}"));
            assert!(
                sources.split("; ").any(|id| id == cited),
                "{what}: {sources}"
            );
        }
        reply(
            &mut app,
            Reply::Exported(Ok("./sma-dash-troops.csv".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("exported ./sma-dash-troops.csv")
        );
        reply(
            &mut app,
            Reply::Exported(Err("cannot write in /ro: denied".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("export failed: cannot write in /ro: denied")
        );
    }

    #[test]
    fn e_in_a_table_writes_the_table_shown_with_the_comparison() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::Move(n + 2));
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleTable);
        let shown = app.pane_table(Pane::Costs).unwrap();
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "costs");
        // Every column the screen can show, under its file name, then the stamp.
        let header = csv.lines().next().unwrap();
        let keys: Vec<&str> = shown.columns.iter().map(|c| c.key).collect();
        assert!(header.starts_with(&keys.join(",")), "{header}");
        assert!(header.ends_with(",dataset_version,assumptions"), "{header}");
        // The same rows: a year each, then the total over the projected years.
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(
            reader.records().count(),
            shown.rows.len() + shown.totals.len()
        );
        let r = row(&csv, 2030);
        let pinned: f64 = r["value"].parse().unwrap();
        let demand: f64 = r["value_demand-5bn"].parse().unwrap();
        assert_eq!(r["diff_demand-5bn"], format!("{:.1}", demand - pinned));
        assert_eq!(format!("{pinned:.1}"), format!("{:.1}", cost(&app, 2030)));
        // The recorded years are shared: no compared figure there.
        assert_eq!(row(&csv, 2020)["value_demand-5bn"], "");
        // The totals every view and file gives, each saying what it sums.
        let total = csv
            .lines()
            .find(|l| l.starts_with("total 2026–2030,"))
            .expect("a total row naming its years");
        assert!(
            total.contains(",2026 recorded + 2027–30 projected,"),
            "{total}"
        );
        assert!(
            csv.lines().any(|l| l.starts_with("total 2026–2035,")),
            "{csv}"
        );
        // Troops as a table, the same columns as shown.
        update(&mut app, Action::Focus(Pane::Troops));
        let (_, csv) = csv_of(update(&mut app, Action::Export));
        assert!(
            csv.starts_with("year,troops,headline_level,gap_to_28500,as_of,"),
            "{csv}"
        );
        assert_eq!(
            row(&csv, 2018)["gap_to_28500"],
            (25_813 - 28_500).to_string()
        );
        // The Assumptions table: every scenario by year, in dollars as the view is.
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::ToggleTable);
        let (what, csv) = csv_of(update(&mut app, Action::Export));
        assert_eq!(what, "scenarios");
        assert_eq!(row(&csv, 2030)["demand-5bn"], "5000.0");
    }

    #[test]
    fn i_asks_for_the_focused_chart_as_the_pane_shows_it() {
        use crate::publish::ChartKind;
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Costs));
        update(&mut app, Action::ToggleCurrency);
        update(&mut app, Action::ToggleBand);
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("i on Costs asks for an image");
        };
        assert_eq!(figure.kind, ChartKind::Costs);
        assert!(
            figure.subtitle.starts_with("million $, nominal"),
            "{}",
            figure.subtitle
        );
        let shown: Vec<(i32, f64)> = app
            .derived()
            .costs
            .iter()
            .filter_map(|p| Some((p.year, p.value?)))
            .collect();
        let drawn: Vec<(i32, f64)> = figure.lines[0]
            .points
            .iter()
            .map(|p| (p.year, p.value))
            .collect();
        assert_eq!(drawn, shown, "the pane's series, point for point");
        assert_eq!(figure.bands.len(), 1, "with the band the pane shows");

        update(&mut app, Action::Focus(Pane::Assumptions));
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("i on Assumptions asks for the scenarios chart");
        };
        assert_eq!(figure.kind, ChartKind::Scenarios);
        assert_eq!(figure.lines.len(), app.derived().projections.len());

        update(&mut app, Action::Focus(Pane::Troops));
        let Effect::Publish(figure) = update(&mut app, Action::Publish) else {
            panic!("i on Troops asks for the troops chart");
        };
        assert_eq!(figure.kind, ChartKind::Troops);
        assert!(figure.level.is_some(), "the 28,500 level");

        update(&mut app, Action::Focus(Pane::Timeline));
        assert_eq!(update(&mut app, Action::Publish), Effect::Redraw);
        assert!(
            app.status
                .as_deref()
                .unwrap_or("")
                .contains("no chart in the Timeline")
        );
    }

    #[test]
    fn the_status_line_names_both_images_or_why_not() {
        let mut app = app();
        reply(
            &mut app,
            Reply::Published(Ok(("./c.svg".into(), "./c.png".into()))),
        );
        assert_eq!(app.status.as_deref(), Some("wrote ./c.svg and ./c.png"));
        reply(
            &mut app,
            Reply::Published(Err("cannot write in /ro: denied".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("image failed: cannot write in /ro: denied")
        );
    }
}
