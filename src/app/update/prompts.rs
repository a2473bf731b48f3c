//! The prompts and questions on the status line: opening, editing, pasting, Enter
//! and Esc, and yes or no.

use super::*;
use crate::econ::ScenarioId;

/// The actions of this theme; `super::apply` sends only those here.
pub(super) fn apply(app: &mut App, action: Action) -> Effect {
    use Action::*;
    match action {
        StartGoToYear => open_prompt(app, Prompt::new(PromptKind::GoToYear)),
        StartSave => {
            // Empty, the next free name suggested: typing replaces it, Enter takes it.
            let mut prompt = Prompt::new(PromptKind::SaveName);
            prompt.placeholder = Some(default_name(&app.saved));
            open_prompt(app, prompt)
        }
        Edit(edit) => edit_prompt(app, |input| input.apply(edit)),
        Paste(text) => paste(app, &text),
        PromptConfirm => match app.prompt.take() {
            Some(p) => confirm_prompt(app, p),
            None => Effect::None,
        },
        PromptCancel => {
            let Some(p) = app.prompt.take() else {
                return Effect::None;
            };
            app.status = match p.kind {
                PromptKind::Search => {
                    if let Some(origin) = app.timeline.search.typing_from.take() {
                        app.timeline.search.query.clear();
                        select_row(app, origin as i64);
                    }
                    None
                }
                PromptKind::SaveName => Some("not saved".into()),
                PromptKind::Assumption(_) => Some("unchanged".into()),
                PromptKind::GoToYear => Some("the cursor stays".into()),
                PromptKind::SourceSearch => {
                    sources::search(app, "");
                    None
                }
            };
            Effect::Redraw
        }
        Answer(yes) => answer(app, yes),
        _ => Effect::None,
    }
}

/// "scenario 1", or the first number not yet saved.
pub(super) fn default_name(saved: &[SavedScenario]) -> String {
    (1..)
        .map(|n| format!("scenario {n}"))
        .find(|name| !saved.iter().any(|s| &s.name == name))
        .expect("some number is free")
}

pub(super) fn open_prompt(app: &mut App, prompt: Prompt) -> Effect {
    app.prompt = Some(prompt);
    Effect::Redraw
}

/// An edit of the open prompt's text; the search runs again only when the text changed.
pub(super) fn edit_prompt(app: &mut App, edit: impl FnOnce(&mut TextInput) -> bool) -> Effect {
    let Some(p) = &mut app.prompt else {
        return Effect::None;
    };
    if !edit(&mut p.input) {
        return Effect::Redraw;
    }
    p.error = None;
    match p.kind {
        PromptKind::Search => {
            app.timeline.search.query = p.input.text().to_string();
            search_as_typed(app);
        }
        PromptKind::SourceSearch => {
            let query = p.input.text().to_string();
            sources::search(app, &query);
        }
        _ => {}
    }
    Effect::Redraw
}

/// Pasted text: into a prompt as one edit, cleaned and cut at its limit. Anywhere else
/// it runs nothing: pasted words are not keys (a `q` in them must not quit).
pub(super) fn paste(app: &mut App, text: &str) -> Effect {
    match app.mode() {
        Mode::Prompt(_) => edit_prompt(app, |input| input.insert(text)),
        Mode::Confirm => Effect::None,
        Mode::Dashboard
        | Mode::Help
        | Mode::Detail
        | Mode::Kinds
        | Mode::Sources
        | Mode::Shares => {
            app.status = Some(
                "paste ignored: paste after / (search), : (year), = (value) or s (name)".into(),
            );
            Effect::Redraw
        }
    }
}

/// y or n to the question on the status line.
pub(super) fn answer(app: &mut App, yes: bool) -> Effect {
    let Some(question) = app.question.take() else {
        return Effect::None;
    };
    match (question, yes) {
        (Question::Replace(name), true) => {
            app.prompt = None;
            Effect::SaveScenario {
                name,
                assumptions: app.inputs().assumptions.clone(),
                replace: true,
            }
        }
        // Back to the name, to choose another.
        (Question::Replace(_), false) => Effect::Redraw,
        (Question::Delete(name), true) => Effect::DeleteScenario { name },
        (Question::Delete(name), false) => {
            app.status = Some(format!("“{name}” kept"));
            Effect::Redraw
        }
    }
}

/// Enter in a prompt: save under the name, take the value, go to the year. A value or
/// a year that does not read keeps the prompt open with the reason beside it.
pub(super) fn confirm_prompt(app: &mut App, mut p: Prompt) -> Effect {
    let refuse = |app: &mut App, mut p: Prompt, error: String| {
        p.error = Some(error);
        app.prompt = Some(p);
        Effect::Redraw
    };
    match p.kind {
        PromptKind::Search => {
            app.timeline.search.typing_from = None;
            report_matches(app);
            Effect::Redraw
        }
        PromptKind::SourceSearch => {
            let n = app.sources.shown.len();
            app.status = Some(format!(
                "{n} source{} for “{}”",
                if n == 1 { "" } else { "s" },
                app.sources.query
            ));
            Effect::Redraw
        }
        PromptKind::SaveName => {
            let name = p.answer().trim().to_string();
            if name.is_empty() {
                app.status = Some("not saved: a scenario needs a name".into());
                return Effect::Redraw;
            }
            if let Err(error) = ScenarioId::check_saved_name(&name) {
                return refuse(app, p, error);
            }
            if app.saved.iter().any(|s| s.name == name) {
                // Asked on the status line; the prompt stays behind for another name.
                app.question = Some(Question::Replace(name));
                app.prompt = Some(p);
                return Effect::Redraw;
            }
            Effect::SaveScenario {
                name,
                assumptions: app.inputs().assumptions.clone(),
                replace: false,
            }
        }
        PromptKind::Assumption(id) => {
            let mut next = app.inputs().assumptions.clone();
            match next.apply_text(id, p.input.text(), app.dataset_of(id)) {
                Ok(()) => change_assumptions(app, id, next),
                Err(e) => {
                    let error = e.to_string();
                    refuse(app, p, error)
                }
            }
        }
        PromptKind::GoToYear => {
            let (first, last) = app.year_range();
            let text = p.input.text().trim().to_string();
            match text.parse::<i32>() {
                Ok(year) if (first..=last).contains(&year) => {
                    app.year = year;
                    app.follow_year();
                    app.status = Some(format!("year {year}"));
                    Effect::Redraw
                }
                _ => {
                    p.error = Some(format!(
                        "expected a year from {first} to {last}, found {}",
                        if text.is_empty() {
                            "nothing".to_string()
                        } else {
                            format!("\"{text}\"")
                        }
                    ));
                    app.prompt = Some(p);
                    Effect::Redraw
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn colon_goes_to_a_typed_year_from_any_pane() {
        let mut app = app();
        for pane in Pane::ALL {
            update(&mut app, Action::Focus(pane));
            update(&mut app, Action::StartGoToYear);
            assert_eq!(app.mode(), Mode::Prompt(PromptKind::GoToYear));
            type_keys(&mut app, &"2014".chars().map(insert).collect::<Vec<_>>());
            update(&mut app, Action::PromptConfirm);
            assert_eq!((app.year, app.mode()), (2014, Mode::Dashboard), "{pane:?}");
            assert_eq!(app.cost_at_cursor().unwrap().value, Some(920.0));
            app.year = 2026;
        }
        update(&mut app, Action::StartGoToYear);
        type_keys(&mut app, &"1900".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        let (first, last) = app.year_range();
        assert_eq!(
            app.prompt.as_ref().unwrap().error.clone(),
            Some(format!(
                "expected a year from {first} to {last}, found \"1900\""
            ))
        );
    }

    #[test]
    fn a_built_in_scenario_s_name_is_refused_and_the_prompt_stays_open() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        let typed: Vec<Action> = " custom ".chars().map(insert).collect();
        type_keys(&mut app, &typed);
        assert_eq!(update(&mut app, Action::PromptConfirm), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SaveName));
        let p = app.prompt.as_ref().unwrap();
        assert_eq!(
            p.error.as_deref(),
            Some(
                "“custom” is a built-in scenario's name, so a scenario saved under it could never be chosen: give it another"
            )
        );
        assert_eq!(p.input.text(), " custom ", "what was typed is kept to edit");
    }

    #[test]
    fn s_opens_an_empty_prompt_and_typing_replaces_the_suggested_name() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(
            &mut app,
            Action::StepAssumption {
                direction: 1,
                big: true,
            },
        );
        assert_eq!(update(&mut app, Action::StartSave), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SaveName));
        let p = app.prompt.as_ref().unwrap();
        assert_eq!(p.input.text(), "", "the prompt starts empty");
        assert_eq!(p.placeholder.as_deref(), Some("scenario 1"));
        let typed: Vec<Action> = "hot 2030 ".chars().map(insert).collect();
        type_keys(&mut app, &typed);
        assert_eq!(app.prompt.as_ref().unwrap().answer(), "hot 2030 ");
        let effect = update(&mut app, Action::PromptConfirm);
        assert_eq!(
            effect,
            Effect::SaveScenario {
                name: "hot 2030".into(),
                assumptions: app.inputs().assumptions.clone(),
                replace: false,
            }
        );
        let Effect::SaveScenario { assumptions, .. } = effect else {
            unreachable!()
        };
        let default = Assumptions::from_history(&app.data).korean_cpi.flat;
        assert!(
            (assumptions.korean_cpi.flat - (default + 1.0)).abs() < 1e-9,
            "the raised CPI"
        );
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn enter_on_the_empty_save_prompt_takes_the_suggested_name_and_esc_cancels() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        assert_eq!(update(&mut app, Action::PromptCancel), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(app.status.as_deref(), Some("not saved"));
        update(&mut app, Action::StartSave);
        assert_eq!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario {
                name: "scenario 1".into(),
                assumptions: app.inputs().assumptions.clone(),
                replace: false,
            }
        );
        // Blanks alone are nothing typed: the suggestion again.
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &[insert(' '), insert(' ')]);
        assert!(matches!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario { name, .. } if name == "scenario 1"
        ));
    }

    #[test]
    fn saving_over_a_saved_name_asks_first_and_no_goes_back_to_the_name() {
        let mut app = app();
        let hot = saved("hot", app.inputs().assumptions.clone());
        reply(&mut app, Reply::Saved(Ok(report(vec![hot], false))));
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &"hot".chars().map(insert).collect::<Vec<_>>());
        assert_eq!(update(&mut app, Action::PromptConfirm), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Confirm);
        assert_eq!(app.question, Some(Question::Replace("hot".into())));
        // A paste or a stray key while asked does nothing.
        assert_eq!(update(&mut app, Action::Paste("y".into())), Effect::None);
        assert_eq!(app.mode(), Mode::Confirm);
        // No: back to the name, as typed, to choose another.
        update(&mut app, Action::Answer(false));
        assert_eq!(app.mode(), Mode::Prompt(PromptKind::SaveName));
        assert_eq!(typed(&app), Some("hot"));
        update(&mut app, Action::Edit(Edit::KillToStart));
        type_keys(&mut app, &"cold".chars().map(insert).collect::<Vec<_>>());
        assert!(matches!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario { name, .. } if name == "cold"
        ));
        // Yes: saved over it.
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &"hot".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::PromptConfirm);
        assert_eq!(
            update(&mut app, Action::Answer(true)),
            Effect::SaveScenario {
                name: "hot".into(),
                assumptions: app.inputs().assumptions.clone(),
                replace: true,
            }
        );
        assert_eq!(app.mode(), Mode::Dashboard);
    }

    #[test]
    fn a_name_another_dashboard_saved_meanwhile_is_asked_about_again() {
        let mut app = app();
        update(&mut app, Action::StartSave);
        type_keys(&mut app, &"hot".chars().map(insert).collect::<Vec<_>>());
        // Not saved here when the prompt opened: saved without a question...
        assert!(matches!(
            update(&mut app, Action::PromptConfirm),
            Effect::SaveScenario { replace: false, .. }
        ));
        // ...but the file, read under its lock, has it from the other dashboard.
        let theirs = saved("hot", app.inputs().assumptions.clone());
        let mut taken = report(vec![theirs.clone()], false);
        taken.taken = true;
        reply(&mut app, Reply::Saved(Ok(taken)));
        assert_eq!(app.saved, vec![theirs]);
        assert_eq!(app.question, Some(Question::Replace("hot".into())));
        assert!(matches!(
            update(&mut app, Action::Answer(true)),
            Effect::SaveScenario { name, replace: true, .. } if name == "hot"
        ));
        // No goes back to the name, as for any other question.
        let mut taken = report(vec![saved("hot", app.inputs().assumptions.clone())], false);
        taken.taken = true;
        reply(&mut app, Reply::Saved(Ok(taken)));
        update(&mut app, Action::Answer(false));
        assert_eq!(typed(&app), Some("hot"));
    }

    #[test]
    fn the_readline_keys_edit_at_the_cursor() {
        let mut app = app();
        update(&mut app, Action::Focus(Pane::Assumptions));
        update(&mut app, Action::StartInput);
        type_keys(
            &mut app,
            &"3 2028=3.5".chars().map(insert).collect::<Vec<_>>(),
        );
        let cursor = |app: &App| app.prompt.as_ref().unwrap().input.cursor();
        assert_eq!(cursor(&app), 10);
        // Home, then after the 3: a comma in place of the blank.
        update(&mut app, Action::Edit(Edit::Home));
        update(&mut app, Action::Edit(Edit::Right));
        update(&mut app, Action::Edit(Edit::Delete));
        update(&mut app, Action::Edit(Edit::Insert(',')));
        assert_eq!(typed(&app), Some("3,2028=3.5"));
        assert_eq!(cursor(&app), 2);
        update(&mut app, Action::Edit(Edit::End));
        update(&mut app, Action::Edit(Edit::Backspace));
        update(&mut app, Action::Edit(Edit::Insert('9')));
        assert_eq!(typed(&app), Some("3,2028=3.9"));
        update(&mut app, Action::PromptConfirm);
        assert_eq!(app.inputs().assumptions.korean_cpi.at(2028), 3.9);
        // In the search every change of the text runs it again.
        update(&mut app, Action::Focus(Pane::Timeline));
        update(&mut app, Action::First);
        search(&mut app, "Honolulu");
        let found = app.timeline.selected;
        assert_ne!(found, 0);
        update(&mut app, Action::Edit(Edit::Home));
        update(&mut app, Action::Edit(Edit::Insert('x')));
        assert_eq!(app.timeline.search.query, "xHonolulu");
        assert_eq!(app.timeline.selected, 0, "no match: back where it began");
        update(&mut app, Action::Edit(Edit::Backspace));
        assert_eq!(app.timeline.selected, found);
        update(&mut app, Action::Edit(Edit::End));
        type_keys(&mut app, &" Betts".chars().map(insert).collect::<Vec<_>>());
        update(&mut app, Action::Edit(Edit::KillWordBack));
        assert_eq!(app.timeline.search.query, "Honolulu ");
        for _ in 0..4 {
            update(&mut app, Action::Edit(Edit::Left));
        }
        update(&mut app, Action::Edit(Edit::KillToStart));
        assert_eq!(typed(&app), Some("ulu "));
        assert_eq!(app.prompt.as_ref().unwrap().input.cursor(), 0);
        update(&mut app, Action::Edit(Edit::KillToEnd));
        assert_eq!(app.timeline.search.query, "");
        assert_eq!(app.timeline.selected, 0);
    }

    #[test]
    fn a_paste_into_a_prompt_goes_in_once_cleaned_and_cut_at_the_limit() {
        let mut app = app();
        update(&mut app, Action::First);
        update(&mut app, Action::StartSearch);
        // A name copied across a line break is one line.
        update(&mut app, Action::Paste("Chang\r\nWon-sam".into()));
        assert_eq!(app.timeline.search.query, "Chang Won-sam");
        // Where typing it would have gone.
        let mut typed_in = self::app();
        update(&mut typed_in, Action::First);
        search(&mut typed_in, "Chang Won-sam");
        assert_ne!(typed_in.timeline.selected, 0);
        assert_eq!(app.timeline.selected, typed_in.timeline.selected);
        update(&mut app, Action::PromptCancel);
        // Into the save prompt, where the cursor is, without escapes or line breaks.
        update(&mut app, Action::StartSave);
        type_keys(
            &mut app,
            &[insert('a'), insert('b'), Action::Edit(Edit::Left)],
        );
        update(&mut app, Action::Paste("x\u{1b}[2J\ny\u{7}".into()));
        assert_eq!(typed(&app), Some("ax[2J yb"));
        // A megabyte is cut to the name's 60 characters, and the prompt says so.
        update(&mut app, Action::Edit(Edit::KillToStart));
        update(
            &mut app,
            Action::Paste("see the 2014 figure, then quit\n".repeat(35_000)),
        );
        let p = app.prompt.as_ref().unwrap();
        assert_eq!(p.input.text().chars().count(), PromptKind::SaveName.limit());
        let text = p.input.text();
        assert!(
            text.starts_with("see the 2014 figure, then quit see"),
            "{text}"
        );
        assert!(text.ends_with("then qub"), "inserted at the cursor: {text}");
        assert!(p.input.at_limit());
        assert_eq!(
            app.mode(),
            Mode::Prompt(PromptKind::SaveName),
            "nothing ran"
        );
        // Typed keys stop at the limit too.
        update(&mut app, Action::StartSearch);
        let keys: Vec<Action> = std::iter::repeat_n(insert('x'), 150).collect();
        type_keys(&mut app, &keys);
        assert_eq!(app.timeline.search.query.len(), PromptKind::Search.limit());
        assert!(app.prompt.as_ref().unwrap().input.at_limit());
    }

    #[test]
    fn a_paste_into_the_dashboard_or_an_overlay_runs_nothing() {
        let mut app = app();
        let before = app.clone();
        let effect = update(
            &mut app,
            Action::Paste("see the 2014 figure, then quit".into()),
        );
        assert_eq!(effect, Effect::Redraw);
        assert!(app.status.as_deref().unwrap().starts_with("paste ignored"));
        assert_eq!(app.mode(), Mode::Dashboard);
        assert_eq!(
            (
                app.timeline.selected,
                app.year,
                app.focus,
                app.inputs().assumptions.clone()
            ),
            (
                before.timeline.selected,
                before.year,
                before.focus,
                before.inputs().assumptions.clone()
            )
        );
        update(&mut app, Action::ToggleHelp);
        assert_eq!(update(&mut app, Action::Paste("q".into())), Effect::Redraw);
        assert_eq!(app.mode(), Mode::Help);
    }
}
