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
    if let Err(e) = app.check_assumptions(&next) {
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
            let next = s.applied_to(&app.inputs().assumptions);
            if let Err(e) = app.check_assumptions(&next) {
                app.status = Some(format!("“{}” not applied: {e}", s.name));
                return Effect::Redraw;
            }
            let only = if s.japan {
                ""
            } else {
                "; Korea's assumptions only, Japan's kept"
            };
            let message = format!(
                "applied “{}” (saved {}{only}); still charting {}",
                s.name,
                s.date(),
                app.inputs().scenario.key()
            );
            app.change(|i| i.assumptions = next);
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

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn stepping_korean_cpi_changes_the_2030_projection_and_totals_live() {
        let mut app = app();
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KoreanCpi));
        let before = cost(&app, 2030);
        let total_before = app.derived().totals[0].span.unwrap().value;
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert!(cost(&app, 2030) > before);
        assert!(app.derived().totals[0].span.unwrap().value > total_before);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("Korean CPI inflation")
        );
        let raised = app.inputs().assumptions.korean_cpi.flat;
        update(
            &mut app,
            Action::StepAssumption {
                direction: -1,
                big: false,
            },
        );
        assert!((app.inputs().assumptions.korean_cpi.flat - (raised - 0.1)).abs() < 1e-9);
        update(&mut app, Action::ResetAssumption);
        assert_eq!(cost(&app, 2030), before);
    }

    #[test]
    fn the_horizon_extends_the_series_and_the_cursor_range() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        while app.selected_assumption() != Some(AssumptionId::Horizon) {
            update(&mut app, Action::Move(1));
        }
        let last = app.year_range().1;
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert_eq!(app.year_range().1, last + 5);
        assert_eq!(app.derived().costs.last().map(|p| p.year), Some(last + 5));
        update(&mut app, Action::MoveYear(1000));
        update(
            &mut app,
            Action::StepAssumption {
                direction: -1,
                big: true,
            },
        );
        assert_eq!(app.year, last, "the cursor is pulled back inside the range");
    }

    #[test]
    fn the_chart_stays_pinned_while_the_selection_moves_and_enter_pins_another() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::Move(n + 2));
        assert_eq!(app.selected_scenario(), Some(ScenarioId::Demand5bn));
        assert_eq!(
            app.inputs().scenario,
            ScenarioId::CurrentAgreement,
            "selecting does not chart"
        );
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        assert!(
            cost(&app, 2030) > 5_000.0,
            "$5 bn a year is over 5,000 bn won"
        );
        // Moving back up to the won-per-dollar rate and raising it keeps the demand
        // charted, and the chart follows the rate.
        let before = cost(&app, 2030);
        update(&mut app, Action::First);
        update(&mut app, Action::Move(2));
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KrwPerUsd));
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        assert!(cost(&app, 2030) > before, "more won per dollar, more won");
        // On a scenario's row, steps say what to select.
        update(&mut app, Action::Move(n));
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: false,
            },
        );
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("select an assumption")
        );
        assert_eq!(update(&mut app, Action::Move(100)), Effect::Redraw);
        assert_eq!(update(&mut app, Action::Move(1)), Effect::None);
    }

    #[test]
    fn x_compares_scenarios_and_capital_x_stops() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        let n = AssumptionId::ALL.len() as i32;
        // On an assumption, x says what to select.
        update(&mut app, Action::ToggleCompare);
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .starts_with("select a scenario")
        );
        update(&mut app, Action::Move(n + 2));
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::Move(2));
        update(&mut app, Action::ToggleCompare);
        assert_eq!(
            app.inputs().compare,
            vec![ScenarioId::Demand5bn, ScenarioId::Custom]
        );
        let compared: Vec<ScenarioId> = app.derived().compared.iter().map(|(s, _)| *s).collect();
        assert_eq!(compared, app.inputs().compare);
        // Each compared series is its own projection, in the view's currency too.
        let demand = &app.derived().compared[0].1;
        let y2030 = demand.iter().find(|p| p.year == 2030).unwrap();
        assert!(y2030.projected && y2030.value.unwrap() > 5_000.0);
        update(&mut app, Action::ToggleCurrency);
        let demand = &app.derived().compared[0].1;
        assert_eq!(
            demand.iter().find(|p| p.year == 2030).unwrap().value,
            Some(5_000.0),
            "$5 bn is $5,000 m"
        );
        // x again takes one out; pinning a compared scenario takes it out too.
        update(&mut app, Action::ToggleCompare);
        assert_eq!(app.inputs().compare, vec![ScenarioId::Demand5bn]);
        update(&mut app, Action::Move(-2));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        assert!(app.inputs().compare.is_empty() && app.derived().compared.is_empty());
        // The pinned one cannot be compared with itself.
        update(&mut app, Action::ToggleCompare);
        assert!(app.status.as_deref().unwrap().contains("is pinned"));
        update(&mut app, Action::Move(1));
        update(&mut app, Action::ToggleCompare);
        assert_eq!(app.derived().compared.len(), 1);
        update(&mut app, Action::ClearCompare);
        assert!(app.inputs().compare.is_empty() && app.derived().compared.is_empty());
        // Projections off: nothing compared is charted.
        update(&mut app, Action::ToggleCompare);
        update(&mut app, Action::ToggleProjections);
        assert!(app.derived().compared.is_empty());
    }

    #[test]
    fn typed_values_are_checked_as_on_the_command_line_and_esc_cancels() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        assert_eq!(app.selected_assumption(), Some(AssumptionId::KoreanCpi));
        update(&mut app, Action::StartInput);
        assert_eq!(
            app.mode(),
            Mode::Prompt(PromptKind::Assumption(AssumptionId::KoreanCpi))
        );
        type_keys(&mut app, &"55".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        // Refused with the range, the prompt still open to fix it.
        let p = app.prompt.as_ref().expect("still open");
        assert_eq!(
            p.error.as_deref(),
            Some("expected Korean CPI inflation from -5.0 % to 20.0 %, found 55")
        );
        type_keys(
            &mut app,
            &[Action::Edit(Edit::Backspace), Action::Edit(Edit::Backspace)],
        );
        assert_eq!(app.prompt.as_ref().unwrap().error, None, "typing clears it");
        type_keys(
            &mut app,
            &"3 %,2028=3.5".chars().map(insert).collect::<Vec<_>>(),
        );
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.inputs().assumptions.korean_cpi.flat, 3.0);
        assert_eq!(app.inputs().assumptions.korean_cpi.at(2028), 3.5);
        assert_eq!(
            app.status.as_deref(),
            Some("Korean CPI inflation: 2.1 % → 3.0 % (2028: 3.5 %)")
        );
        // A recorded year cannot be set apart.
        update(&mut app, Action::Activate);
        type_keys(
            &mut app,
            &"3,2024=9".chars().map(insert).collect::<Vec<_>>(),
        );
        update(&mut app, Action::PromptConfirm);
        let error = app.prompt.as_ref().unwrap().error.clone().unwrap();
        assert!(error.contains("2024, a recorded year"), "{error}");
        update(&mut app, Action::PromptCancel);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(
            app.inputs().assumptions.korean_cpi.at(2028),
            3.5,
            "unchanged"
        );
        // 0 resets one assumption, years set apart too; R resets them all.
        update(&mut app, Action::ResetAssumption);
        assert!(app.inputs().assumptions.korean_cpi.by_year.is_empty());
        update(&mut app, Action::Move(2));
        update(&mut app, Action::StartInput);
        type_keys(&mut app, &"1500".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.inputs().assumptions.krw_per_usd.flat, 1500.0);
        update(&mut app, Action::ResetAllAssumptions);
        assert_eq!(
            app.inputs().assumptions,
            Assumptions::from_history(&app.data)
        );
    }

    #[test]
    fn d_deletes_a_saved_scenario_after_a_yes() {
        let mut app = app();
        let (hot, cold) = (
            saved("hot", app.inputs().assumptions.clone()),
            saved("cold", app.inputs().assumptions.clone()),
        );
        reply(
            &mut app,
            Reply::Saved(Ok(report(vec![hot.clone(), cold], false))),
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        // On an assumption, d says what to select.
        update(&mut app, Action::DeleteSaved);
        assert_eq!(app.question, None);
        assert!(app.status.as_deref().unwrap().starts_with("select a saved"));
        update(&mut app, Action::Last);
        update(&mut app, Action::DeleteSaved);
        assert_eq!(app.mode(), Mode::Confirm);
        assert_eq!(app.question, Some(Question::Delete("cold".into())));
        update(&mut app, Action::Answer(false));
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.status.as_deref(), Some("“cold” kept"));
        assert_eq!(app.saved.len(), 2);
        update(&mut app, Action::DeleteSaved);
        assert_eq!(
            update(&mut app, Action::Answer(true)),
            Effect::DeleteScenario {
                name: "cold".into()
            }
        );
        let last_row = app.assumption_row;
        reply(
            &mut app,
            Reply::Deleted(Ok(crate::app::ScenariosReport {
                name: "cold".into(),
                path: "/data/sma-dash/scenarios.toml".into(),
                was_there: true,
                taken: false,
                scenarios: vec![hot.clone()],
                warning: None,
            })),
        );
        assert_eq!(app.saved, vec![hot]);
        assert_eq!(app.assumption_row, last_row - 1, "still on a row");
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("hot"));
        assert_eq!(
            app.status.as_deref(),
            Some("deleted “cold” from /data/sma-dash/scenarios.toml")
        );
        reply(
            &mut app,
            Reply::Deleted(Err("cannot write /x: denied (the file is unchanged)".into())),
        );
        assert_eq!(
            app.status.as_deref(),
            Some("not deleted: cannot write /x: denied (the file is unchanged)")
        );
    }

    #[test]
    fn enter_on_a_saved_scenario_applies_it_and_everything_recomputes() {
        let mut app = app();
        let before = sma12_2030(&app);
        let cost_before = cost(&app, 2030);
        let mut hot = app.inputs().assumptions.clone();
        hot.korean_cpi = crate::econ::RatePath::parse("4.5,2028=4.9").unwrap();
        reply(
            &mut app,
            Reply::Saved(Ok(report(vec![saved("hot", hot.clone())], false))),
        );
        update(&mut app, Action::Focus(Pane::Assumptions));
        // Pin the $5 bn demand first: applying a saved scenario keeps the pin.
        let n = AssumptionId::ALL.len() as i32;
        update(&mut app, Action::Move(n + 2));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::Demand5bn);
        update(&mut app, Action::Last);
        assert_eq!(app.selected_saved().map(|s| s.name.as_str()), Some("hot"));
        assert_eq!(update(&mut app, Action::Activate), Effect::Redraw);
        assert_eq!(app.inputs().assumptions, hot);
        assert_eq!(
            app.status.as_deref(),
            Some("applied “hot” (saved 2026-11-27); still charting demand-5bn")
        );
        assert_eq!(
            app.inputs().scenario,
            ScenarioId::Demand5bn,
            "the pin is kept"
        );
        let demand_2030 = cost(&app, 2030);
        assert!(
            demand_2030 > 5_000.0,
            "the chart is the demand's: {demand_2030}"
        );
        update(&mut app, Action::Move(-5));
        assert_eq!(app.selected_scenario(), Some(ScenarioId::CurrentAgreement));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().scenario, ScenarioId::CurrentAgreement);
        let after = sma12_2030(&app);
        assert!(after > before, "2030 at 4.5–4.9 % CPI: {after} > {before}");
        // 2026's amount escalated each year by the CPI of two years before, at most 5 %:
        // 2025's recorded 2.1 %, then the saved 4.5 %, 4.5 % and, for 2028, 4.9 %.
        let base = app
            .derived()
            .projections
            .iter()
            .find(|p| p.scenario == ScenarioId::CurrentAgreement)
            .and_then(|p| p.at(2026))
            .unwrap()
            .local_100m;
        let expected = base * 1.021 * 1.045f64.powi(2) * 1.049;
        assert!(
            ((after - expected) / expected).abs() < 0.001,
            "{after} vs {expected}"
        );
        assert!(cost(&app, 2030) > cost_before, "the Costs pane follows");
    }

    /// The dashboard on both hosts' embedded datasets, showing Korea.
    fn both_hosts() -> App {
        let config = crate::config::Config::defaults();
        let hosts = crate::data::Hosts::embedded().expect("the embedded datasets load");
        App::with_hosts(hosts, &config.start, config.keymap, |_| {})
    }

    /// The shown host's custom scenario in `year`, in 100 million of its currency.
    fn custom_at(app: &App, year: i32) -> f64 {
        app.derived()
            .projections
            .iter()
            .find(|p| p.scenario == ScenarioId::Custom)
            .and_then(|p| p.at(year))
            .map(|y| y.local_100m)
            .expect("a custom projection")
    }

    fn select(app: &mut App, id: AssumptionId) {
        app.assumption_row = app.assumptions_row_number(crate::app::AssumptionsRow::Assumption(id));
        assert_eq!(app.selected_assumption(), Some(id));
    }

    #[test]
    fn each_host_keeps_its_own_custom_growth() {
        let mut app = both_hosts();
        let korea_growth = app.inputs().assumptions.custom_growth;
        let korea_2030 = custom_at(&app, 2030);
        // Japan's default is its own record's ten-year growth, not Korea's.
        let japan_growth = app.inputs().assumptions.japan_custom_growth;
        assert!(
            (japan_growth - korea_growth).abs() > 0.5,
            "{japan_growth} vs {korea_growth}"
        );
        update(&mut app, Action::CycleHost);
        assert_eq!(app.data.info.host, crate::data::Host::Japan);
        // Japan's pane lists Japan's custom growth, not Korea's.
        assert!(
            app.assumption_ids()
                .contains(&AssumptionId::JapanCustomGrowth)
        );
        assert!(!app.assumption_ids().contains(&AssumptionId::CustomGrowth));
        let japan_2030 = custom_at(&app, 2030);
        app.focus = Pane::Assumptions;
        select(&mut app, AssumptionId::JapanCustomGrowth);
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        let a = &app.inputs().assumptions;
        assert!((a.japan_custom_growth - (japan_growth + 1.0)).abs() < 0.051);
        assert_eq!(a.custom_growth, korea_growth, "Korea's unchanged");
        assert!(custom_at(&app, 2030) > japan_2030, "Japan's custom follows");
        // Typed, too: Japan's alone.
        update(&mut app, Action::StartInput);
        type_keys(&mut app, &"7".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.inputs().assumptions.japan_custom_growth, 7.0);
        assert_eq!(app.inputs().assumptions.custom_growth, korea_growth);
        // Back on Korea: its projection is as it was.
        update(&mut app, Action::CycleHost);
        update(&mut app, Action::CycleHost);
        assert_eq!(app.data.info.host, crate::data::Host::Korea);
        assert_eq!(custom_at(&app, 2030), korea_2030);
        // And Korea's change leaves Japan's.
        select(&mut app, AssumptionId::CustomGrowth);
        update(
            &mut app,
            Action::StepAssumption {
                direction: -1,
                big: true,
            },
        );
        assert!(custom_at(&app, 2030) < korea_2030);
        assert_eq!(app.inputs().assumptions.japan_custom_growth, 7.0);
        // 0 resets Korea's to its default, Japan's stays.
        update(&mut app, Action::ResetAssumption);
        assert_eq!(app.inputs().assumptions.custom_growth, korea_growth);
        assert_eq!(app.inputs().assumptions.japan_custom_growth, 7.0);
    }

    #[test]
    fn a_saved_scenario_restores_both_hosts_or_korea_s_alone_from_an_old_file() {
        let mut app = both_hosts();
        let mut both = app.inputs().assumptions.clone();
        both.korean_cpi.flat = 4.5;
        both.japanese_cpi.flat = 2.5;
        both.jpy_per_usd.flat = 130.0;
        both.japan_custom_growth = 6.0;
        let mut old = saved("old", both.clone());
        old.japan = false;
        app.set_saved(vec![saved("both", both.clone()), old]);
        app.focus = Pane::Assumptions;
        app.assumption_row = app.assumptions_row_number(crate::app::AssumptionsRow::Saved(0));
        update(&mut app, Action::Activate);
        assert_eq!(app.inputs().assumptions, both, "every host's, as saved");
        // An earlier version's scenario: Korea's and the shared ones; Japan's kept.
        let mut japan_now = app.inputs().assumptions.clone();
        japan_now.japanese_cpi.flat = 0.5;
        japan_now.japan_custom_growth = -1.0;
        japan_now.korean_cpi.flat = 1.0;
        app.change(|i| i.assumptions = japan_now.clone());
        app.assumption_row = app.assumptions_row_number(crate::app::AssumptionsRow::Saved(1));
        update(&mut app, Action::Activate);
        let a = &app.inputs().assumptions;
        assert_eq!(a.korean_cpi.flat, 4.5, "Korea's from the file");
        assert_eq!((a.japanese_cpi.flat, a.japan_custom_growth), (0.5, -1.0));
        assert!(
            app.status
                .as_deref()
                .unwrap()
                .contains("Korea's assumptions only, Japan's kept"),
            "{:?}",
            app.status
        );
    }
}
