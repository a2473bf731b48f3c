//! No sequence of keys, clicks, wheel turns, pastes and resizes — down to 1×1 and up to
//! 500×200 — panics the real `update` and `view`, or leaves the state inconsistent.
//!
//! `cargo test` runs a bounded number of cases; before a release run many more:
//! `PROPTEST_CASES=5000 cargo test --release --test integration any_input::`.

use std::collections::VecDeque;
use std::sync::OnceLock;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sma_dash::app::{App, Key, KeyCode};
use sma_dash::data::Dataset;
use sma_dash::econ::{AssumptionId, spec};
use sma_dash::runtime::{Exit, Input, Mouse, MouseKind, ScriptedEvents, run};

fn dataset() -> Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| Dataset::embedded().expect("valid"))
        .clone()
}

#[derive(Debug, Clone)]
enum Step {
    Input(Input),
    /// What a terminal without bracketed paste sends for pasted text: its keys.
    Paste(String),
    /// What a terminal with bracketed paste sends: the text as one input.
    BracketedPaste(String),
    Resize(u16, u16),
}

fn key() -> impl Strategy<Value = Key> {
    let codes = prop_oneof![
        // Mostly the keys that do something, so the walk goes somewhere.
        8 => prop::sample::select(
            "jkhlgG[]/nNfczurmpa+=-_0123456789?qQ\u{7f}txXR:% ,.sdyw".chars().collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        2 => any::<char>().prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ]),
    ];
    // Ctrl-C quits; it is left to the quit tests so the walk goes on.
    (codes, prop::bool::weighted(0.05))
        .prop_map(|(code, ctrl)| Key { code, ctrl })
        .prop_filter("not Ctrl-C or q", |k| {
            !(k.ctrl && k.code == KeyCode::Char('c')) && k.code != KeyCode::Char('q')
        })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(|k| Step::Input(Input::Key(k))),
        2 => (
            prop::sample::select(vec![MouseKind::Click, MouseKind::WheelUp, MouseKind::WheelDown]),
            0u16..220,
            0u16..70
        )
            .prop_map(|(kind, column, row)| Step::Input(Input::Mouse(Mouse { kind, column, row }))),
        1 => "[ -~\n\t\u{1b}가-힣]{0,20}".prop_map(Step::Paste),
        1 => "[ -~\n\r\t\u{0}-\u{1f}\u{202e}가-힣]{0,300}".prop_map(Step::BracketedPaste),
        2 => prop_oneof![
            8 => (1u16..=220, 1u16..=70),
            1 => Just((1, 1)),
            1 => Just((500, 200)),
        ]
        .prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn paste_keys(text: &str) -> VecDeque<Input> {
    text.chars()
        .map(|c| {
            let code = match c {
                '\n' | '\r' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\u{1b}' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            Input::Key(Key { code, ctrl: false })
        })
        .collect()
}

/// What must hold after every step.
fn check(app: &App) -> Result<(), TestCaseError> {
    let t = &app.timeline;
    prop_assert!(
        t.rows.is_empty() || t.selected < t.rows.len(),
        "selection {} of {}",
        t.selected,
        t.rows.len()
    );
    prop_assert!(t.offset <= t.selected.max(t.rows.len().saturating_sub(1)));
    let (first, last) = app.year_range();
    prop_assert!(
        (first..=last).contains(&app.year),
        "year {} outside {first}–{last}",
        app.year
    );
    for id in AssumptionId::ALL {
        let v = app.inputs().assumptions.get(id);
        let s = spec(id);
        prop_assert!(
            v.is_finite() && (s.min..=s.max).contains(&v),
            "{id:?} = {v}"
        );
    }
    prop_assert!(app.inputs().assumptions.base_year <= app.inputs().assumptions.horizon);
    // Whatever was typed, stepped or reset, the assumptions pass the command line's
    // checks against the dataset (no year set apart outside the projection).
    prop_assert!(
        app.inputs().assumptions.check(&app.data).is_ok(),
        "{:?}",
        app.inputs().assumptions.check(&app.data)
    );
    // The chart is the pinned scenario's; compared ones are others, each charted once.
    prop_assert!(!app.inputs().compare.contains(&app.inputs().scenario));
    prop_assert!(app.derived().compared.len() <= app.inputs().compare.len());
    prop_assert!(app.overlay_scroll <= app.overlay_max);
    prop_assert!(app.assumption_row < app.assumption_rows().max(1));
    // A prompt's text stays within its limit and holds nothing that drives a terminal.
    if let Some(p) = &app.prompt {
        let text = p.input.text();
        prop_assert!(text.chars().count() <= p.kind.limit(), "{text:?}");
        prop_assert!(!text.chars().any(char::is_control), "{text:?}");
        prop_assert!(text.is_char_boundary(p.input.cursor()));
    }
    for p in &app.derived().costs {
        prop_assert!(p.value.is_none_or(f64::is_finite), "{p:?}");
    }
    for t in &app.derived().totals {
        let finite = |t: Option<sma_dash::econ::Total>| t.is_none_or(|t| t.value.is_finite());
        prop_assert!(finite(t.span) && finite(t.to_horizon), "{t:?}");
    }
    for p in &app.derived().projections {
        prop_assert_eq!(
            p.years.last().map(|y| y.year),
            Some(app.inputs().assumptions.horizon)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_walk_keeps_the_app_whole(steps in prop::collection::vec(step(), 1..80)) {
        let mut app = sma_dash::config::default_app(dataset());
        app.mouse = true;
        // `e` and `s` write files: into a directory of the test's own.
        let dir = tempfile::tempdir().unwrap();
        app.paths.export_dir = dir.path().to_path_buf();
        app.paths.scenarios = Some(dir.path().join("scenarios.toml"));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for step in steps {
            let inputs = match step {
                Step::Input(i) => VecDeque::from([i]),
                Step::Paste(text) => paste_keys(&text),
                Step::BracketedPaste(text) => VecDeque::from([Input::Paste(text)]),
                Step::Resize(w, h) => {
                    terminal.backend_mut().resize(w, h);
                    VecDeque::from([Input::Resize])
                }
            };
            let exit = run(&mut terminal, &mut app, &mut ScriptedEvents(inputs)).unwrap();
            check(&app)?;
            // A pasted `q` may quit, as typed.
            if exit == Exit::Quit {
                break;
            }
        }
    }
}

#[test]
fn every_size_from_1x1_draws() {
    let mut sizes: Vec<(u16, u16)> = (1..=12)
        .flat_map(|w| (1..=6).map(move |h| (w * 7, h * 5)))
        .collect();
    sizes.extend([
        (1, 1),
        (2, 1),
        (1, 2),
        (59, 19),
        (60, 20),
        (500, 200),
        (500, 1),
        (1, 200),
    ]);
    for (w, h) in sizes {
        for keys in ["", "z", "?", "g<enter>", "2zm"] {
            let mut app = sma_dash::config::default_app(dataset());
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut events = ScriptedEvents::parse(keys).unwrap();
            run(&mut terminal, &mut app, &mut events).unwrap();
            let buffer = terminal.backend().buffer();
            assert_eq!((buffer.area.width, buffer.area.height), (w, h));
            assert!(check(&app).is_ok(), "{w}x{h} after {keys:?}");
        }
    }
}
