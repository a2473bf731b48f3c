//! The Assumptions pane: stepping, typing and resetting an assumption, pinning or
//! comparing a scenario, applying or deleting a saved one.

use super::*;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        StepAssumption { .. }
        | StartInput
        | ResetAssumption
        | ResetAllAssumptions
        | DeleteSaved
            if app.is_table(Pane::Assumptions) =>
        {
            app.status = Some("t returns to the assumptions to change them".into());
            Effect::Redraw
        }
        StepAssumption { direction, big } => match app.selected_assumption() {
            Some(id) => {
                let mut next = app.inputs().assumptions.clone();
                next.step(id, direction, big);
                change_assumptions(app, id, next)
            }
            None => {
                app.status = Some("select an assumption (j/k) to change it".into());
                Effect::Redraw
            }
        },
        StartInput => match app.selected_assumption() {
            Some(id) => open_prompt(app, Prompt::new(PromptKind::Assumption(id))),
            None => {
                app.status = Some("select an assumption (j/k) to type its value".into());
                Effect::Redraw
            }
        },
        ResetAssumption => match app.selected_assumption() {
            Some(id) => {
                let mut next = app.inputs().assumptions.clone();
                next.take(id, &app.default_assumptions());
                change_assumptions(app, id, next)
            }
            None => {
                app.status = Some("select an assumption (j/k) to reset it".into());
                Effect::Redraw
            }
        },
        ResetAllAssumptions => {
            let defaults = app.default_assumptions();
            if app.inputs().assumptions == defaults {
                app.status = Some("every assumption is already at its default".into());
                return Effect::Redraw;
            }
            app.change(|i| i.assumptions = defaults);
            say(
                app,
                "every assumption reset to its default from recent history".into(),
            )
        }
        Activate => activate(app),
        ToggleCompare => toggle_compare(app),
        DeleteSaved => match app.selected_saved() {
            Some(s) => {
                app.question = Some(Question::Delete(s.name.clone()));
                Effect::Redraw
            }
            None => {
                app.status = Some("select a saved scenario (j/k, under Saved) to delete it".into());
                Effect::Redraw
            }
        },
        _ => Effect::None,
    }
}

/// Takes `next` as the assumptions if they fit the dataset (a year set apart must stay
/// inside the projection), and says what changed on the status line.
pub(super) fn change_assumptions(app: &mut App, id: AssumptionId, next: Assumptions) -> Effect {
    let s = spec(id);
    let before = app.inputs().assumptions.shown(id);
    if let Err(e) = next.check(&app.data) {
        app.status = Some(format!("{}: unchanged: {e}", s.label));
        return Effect::Redraw;
    }
    let after = next.shown(id);
    if after == before {
        app.status = Some(format!("{}: {after} (limit)", s.label));
        return Effect::Redraw;
    }
    app.change(|i| i.assumptions = next);
    app.status = Some(format!("{}: {before} → {after}", s.label));
    Effect::Redraw
}

/// Enter (or Space) on the Assumptions pane's selected row: type an assumption's value,
/// pin a scenario as the one charted, apply a saved scenario (keeping the pin).
pub(super) fn activate(app: &mut App) -> Effect {
    if app.is_table(Pane::Assumptions) {
        app.status = Some("t returns to the assumptions to choose a row".into());
        return Effect::Redraw;
    }
    if let Some(id) = app.selected_assumption() {
        return open_prompt(app, Prompt::new(PromptKind::Assumption(id)));
    }
    if let Some(s) = app.selected_scenario() {
        if s == app.inputs().scenario {
            app.status = Some(format!("{} is the one charted", s.label()));
            return Effect::Redraw;
        }
        app.change(|i| {
            i.scenario = s;
            i.compare.retain(|c| *c != s);
        });
        let what = if app.inputs().show_projections {
            "charted"
        } else {
            "pinned (p shows projections)"
        };
        return say(app, format!("{}: {what}", s.label()));
    }
    match app.selected_saved().cloned() {
        Some(s) => {
            if let Err(e) = s.assumptions.check(&app.data) {
                app.status = Some(format!("“{}” not applied: {e}", s.name));
                return Effect::Redraw;
            }
            let message = format!(
                "applied “{}” (saved {}); still charting {}",
                s.name,
                s.date(),
                app.inputs().scenario.key()
            );
            app.change(|i| i.assumptions = s.assumptions);
            say(app, message)
        }
        None => Effect::None,
    }
}

/// `x` on a scenario's row: chart it beside the pinned one, or no more.
pub(super) fn toggle_compare(app: &mut App) -> Effect {
    let Some(s) = app.selected_scenario() else {
        app.status = Some("select a scenario (j/k) to compare it".into());
        return Effect::Redraw;
    };
    if s == app.inputs().scenario {
        app.status = Some(format!("{} is pinned: it is charted already", s.key()));
        return Effect::Redraw;
    }
    let message = if app.inputs().compare.contains(&s) {
        app.change(|i| i.compare.retain(|c| *c != s));
        format!("{} no longer compared", s.key())
    } else {
        app.change(|i| i.compare.push(s));
        let keys: Vec<&str> = app.inputs().compare.iter().map(|c| c.key()).collect();
        format!(
            "comparing {} with {} (X: none)",
            app.inputs().scenario.key(),
            keys.join(", ")
        )
    };
    say(app, message)
}
