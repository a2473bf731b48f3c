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

/// The runtime's reply when writing is done, as the status line says it.
pub(super) fn done(app: &mut App, reply: Reply) -> Effect {
    use Reply::*;
    match reply {
        Published(Ok((svg, png))) => {
            app.status = Some(format!("wrote {} and {}", svg.display(), png.display()));
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
