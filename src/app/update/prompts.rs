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
        Mode::Dashboard | Mode::Help | Mode::Detail | Mode::Kinds | Mode::Sources => {
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
            match next.apply_text(id, p.input.text(), &app.data) {
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
