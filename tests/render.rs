//! Snapshots of the whole screen, drawn by the real run loop over `TestBackend` from
//! the embedded dataset, at three sizes and in each chart state.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};
use sma_dash::app::{App, Key, KeyCode, SavedScenario};
use sma_dash::data::Dataset;
use sma_dash::runtime::{Exit, ScriptedEvents, run};

/// The screen after typing `keys` into a fresh dashboard of `width`×`height`.
fn screen(width: u16, height: u16, keys: ScriptedEvents) -> String {
    let mut app = App::new(Dataset::embedded().expect("the embedded dataset loads"));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut keys = keys;
    assert_eq!(
        run(&mut terminal, &mut app, &mut keys).unwrap(),
        Exit::EndOfInput
    );
    terminal.backend().to_string()
}

fn typed(keys: &str) -> ScriptedEvents {
    ScriptedEvents::typed(keys)
}

macro_rules! snapshot {
    ($name:ident, $w:expr, $h:expr, $keys:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(screen($w, $h, $keys));
        }
    };
}

snapshot!(dashboard_80x24, 80, 24, typed(""));
snapshot!(dashboard_120x40, 120, 40, typed(""));
snapshot!(dashboard_200x60, 200, 60, typed(""));

// Each chart toggle, with the Costs pane focused so its keys show in the status line.
snapshot!(costs_line_120x40, 120, 40, typed("2m"));
snapshot!(costs_year_on_year_120x40, 120, 40, typed("2c"));
snapshot!(costs_per_service_member_120x40, 120, 40, typed("2cc"));
snapshot!(
    costs_per_service_member_headline_120x40,
    120,
    40,
    typed("2ccc")
);
snapshot!(costs_cumulative_line_120x40, 120, 40, typed("2ccccm"));
snapshot!(costs_dollars_120x40, 120, 40, typed("2u"));
snapshot!(costs_real_won_120x40, 120, 40, typed("2r"));
snapshot!(costs_real_dollars_line_80x24, 80, 24, typed("2urm"));
snapshot!(costs_without_projections_120x40, 120, 40, typed("2p"));
snapshot!(
    costs_cursor_on_a_capped_year_200x60,
    200,
    60,
    typed("2llll")
);

// Each chart focused, at the two common sizes: round values on the rows they fall on,
// round years under their columns.
snapshot!(costs_bars_80x24, 80, 24, typed("2"));
snapshot!(costs_line_80x24, 80, 24, typed("2m"));
snapshot!(costs_year_on_year_line_80x24, 80, 24, typed("2cm"));
snapshot!(troops_80x24, 80, 24, typed("3"));
snapshot!(troops_120x40, 120, 40, typed("3"));
snapshot!(zoomed_troops_120x40, 120, 40, typed("3z"));
// The troops since 1950 (a), and the year cursor on a year before the 1st SMA: the
// Costs pane has no figure for it, the timeline shows the first events after it.
snapshot!(zoomed_troops_history_80x24, 80, 24, typed("3za"));
snapshot!(zoomed_troops_history_120x40, 120, 40, typed("3za"));
snapshot!(
    troops_history_cursor_in_1965_120x40,
    120,
    40,
    typed(&format!("3a{}", "h".repeat(2026 - 1965)))
);

snapshot!(help_80x24, 80, 24, typed("?"));
snapshot!(help_200x60, 200, 60, typed("?"));
snapshot!(zoomed_costs_120x40, 120, 40, typed("2z"));
snapshot!(zoomed_troops_80x24, 80, 24, typed("3z"));
snapshot!(zoomed_assumptions_80x24, 80, 24, typed("4zjjjjjjjj"));
snapshot!(
    detail_popup_120x40,
    120,
    40,
    typed("g/Honolulu")
        .key(Key::plain(KeyCode::Enter))
        .key(Key::plain(KeyCode::Enter))
);
snapshot!(too_small_50x15, 50, 15, typed(""));
snapshot!(too_small_help_still_opens_50x15, 50, 15, typed("?"));
snapshot!(save_prompt_80x24, 80, 24, typed("4s"));

snapshot!(
    detail_popup_inferred_people_120x40,
    120,
    40,
    typed("g/10th SMA, round 7")
        .key(Key::plain(KeyCode::Enter))
        .key(Key::plain(KeyCode::Enter))
);

/// The detail popup of the first row matching `query`, at 120×40.
fn popup(query: &str) -> String {
    screen(
        120,
        40,
        typed(&format!("g/{query}"))
            .key(Key::plain(KeyCode::Enter))
            .key(Key::plain(KeyCode::Enter)),
    )
}

#[test]
fn a_round_with_one_negotiator_inferred_lists_the_named_and_the_inferred_apart() {
    let s = popup("11th SMA, round 4");
    assert!(s.contains("│People: Jeong Eun-bo "), "{s}");
    assert!(
        s.contains("│People inferred from the agreement's chief negotiators: James DeHart "),
        "{s}"
    );
}

#[test]
fn a_round_named_by_its_sources_lists_its_people_plainly() {
    let s = popup("11th SMA, round 5");
    assert!(s.contains("│People: Jeong Eun-bo, James DeHart "), "{s}");
    assert!(!s.contains("inferred"), "{s}");
}

#[test]
fn the_3rd_smas_rule_shows_as_uncertain() {
    let s = popup("3rd SMA");
    assert!(s.contains("│Rule (uncertain): +10% a year "), "{s}");
}

#[test]
fn the_4th_smas_signing_shows_its_date_signatories_and_single_source() {
    let s = popup("4th SMA");
    assert!(
        s.contains("│Dates: agreed 1998-12-22, signed 1999-02-25 (single source) "),
        "{s}"
    );
    assert!(
        s.contains("│Signatories: ROK Hong Soon-young / US Stephen Bosworth "),
        "{s}"
    );
}

fn keys(keys: &str) -> ScriptedEvents {
    ScriptedEvents::parse(keys).expect("keys parse")
}

// Tables (t): the cursor's year highlighted and in view, the columns that fit.
snapshot!(costs_table_80x24, 80, 24, typed("2t"));
snapshot!(costs_table_120x40, 120, 40, typed("2t"));
snapshot!(
    costs_table_dollars_zoomed_120x40,
    120,
    40,
    keys("2tzu:2014<enter>")
);
snapshot!(troops_table_80x24, 80, 24, typed("3t"));
snapshot!(troops_table_120x40, 120, 40, typed("3t"));
snapshot!(assumptions_table_80x24, 80, 24, typed("4t"));
snapshot!(assumptions_table_120x40, 120, 40, typed("4t"));

// A comparison: the 12th SMA pinned, the two demands compared (rows 9 and 10), as
// lines with a legend, and as a table with the differences.
snapshot!(compare_80x24, 80, 24, typed("4jjjjjjjjjxjx2"));
snapshot!(compare_120x40, 120, 40, typed("4jjjjjjjjjxjx2llll"));
snapshot!(compare_table_120x40, 120, 40, typed("4jjjjjjjjjxjx2tllll"));
// The $5 bn demand pinned with Enter; the selection moves on, the chart does not.
snapshot!(pinned_demand_80x24, 80, 24, keys("4jjjjjjjjj<enter>kk"));

// The band (b): whiskers on bars, a shaded area on a line, ranges in the totals.
snapshot!(band_80x24, 80, 24, typed("2bllll"));
snapshot!(band_120x40, 120, 40, typed("2bllll"));
snapshot!(band_line_dollars_120x40, 120, 40, typed("2bmullll"));
snapshot!(band_table_120x40, 120, 40, typed("2btllll"));
snapshot!(band_assumptions_120x40, 120, 40, typed("4b"));

// Prompts: a typed value (refused with its range), a year to go to.
snapshot!(typed_value_refused_80x24, 80, 24, keys("4=55<enter>"));
snapshot!(
    typed_value_with_a_year_set_apart_80x24,
    80,
    24,
    keys("4=2.5,2028=9<enter>")
);
snapshot!(go_to_year_prompt_80x24, 80, 24, keys(":20"));

// The save prompt opens empty, the next free name suggested; Enter on a saved name asks
// first; d on a saved scenario asks before deleting it.

/// A fresh dashboard with two saved scenarios, "hot" and "cold", after `keys`.
fn with_saved(width: u16, height: u16, keys: ScriptedEvents) -> Terminal<TestBackend> {
    let mut app = App::new(Dataset::embedded().expect("the embedded dataset loads"));
    app.saved = ["hot", "cold"]
        .map(|name| SavedScenario {
            name: name.into(),
            saved: "2026-11-27T10:00:00Z".into(),
            assumptions: app.assumptions.clone(),
        })
        .to_vec();
    app.recompute();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut keys = keys;
    assert_eq!(
        run(&mut terminal, &mut app, &mut keys).unwrap(),
        Exit::EndOfInput
    );
    terminal
}

macro_rules! snapshot_saved {
    ($name:ident, $w:expr, $h:expr, $keys:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(with_saved($w, $h, keys($keys)).backend().to_string());
        }
    };
}

snapshot_saved!(save_prompt_suggests_a_free_name_80x24, 80, 24, "4s");
snapshot_saved!(save_prompt_suggests_a_free_name_120x40, 120, 40, "4s");
snapshot_saved!(replace_question_80x24, 80, 24, "4shot<enter>");
snapshot_saved!(replace_question_120x40, 120, 40, "4shot<enter>");
snapshot_saved!(delete_question_80x24, 80, 24, "4Gd");
snapshot_saved!(delete_question_120x40, 120, 40, "4Gd");

/// The status line's cells, and the row they are on.
fn status_cells(terminal: &Terminal<TestBackend>) -> Vec<(String, Style)> {
    let buffer = terminal.backend().buffer();
    let y = buffer.area.height - 1;
    (0..buffer.area.width)
        .map(|x| {
            let cell = &buffer[(x, y)];
            (cell.symbol().to_string(), cell.style())
        })
        .collect()
}

fn reversed(style: Style) -> bool {
    style.add_modifier.contains(Modifier::REVERSED)
}

#[test]
fn the_suggested_name_is_dim_with_the_cursor_on_its_first_letter() {
    let cells = status_cells(&with_saved(80, 24, keys("4s")));
    let at = "Save scenario as: ".chars().count();
    assert_eq!(cells[at].0, "s");
    assert!(reversed(cells[at].1), "the cursor is on the suggestion");
    // "scenario 1": its own dim style, not the bold of typed text.
    assert!(!cells[at + 1].1.add_modifier.contains(Modifier::BOLD));
    assert_ne!(cells[at + 1].1, cells[0].1);
    // Typing replaces it.
    let cells = status_cells(&with_saved(80, 24, keys("4sx")));
    let line: String = cells.iter().map(|c| c.0.as_str()).collect();
    assert!(
        line.starts_with("Save scenario as: x   Enter: save"),
        "{line}"
    );
    assert!(reversed(cells[at + 1].1), "the cursor after the x");
}

#[test]
fn the_cursor_is_a_reversed_cell_where_the_edit_goes() {
    let cells = status_cells(&with_saved(80, 24, keys("4=2.5,2028=3.5<home><right>")));
    let line: String = cells.iter().map(|c| c.0.as_str()).collect();
    let at = line[..line.find("2.5,2028").expect("the typed value")]
        .chars()
        .count();
    let cursor: Vec<usize> = (0..cells.len()).filter(|&x| reversed(cells[x].1)).collect();
    assert_eq!(cursor, vec![at + 1], "on the '.' after Home and →: {line}");
}

#[test]
fn a_prompt_says_when_its_limit_is_reached() {
    let terminal = with_saved(80, 24, keys(&format!("4s{}", "x".repeat(70))));
    let line: String = status_cells(&terminal)
        .iter()
        .map(|c| c.0.as_str())
        .collect();
    assert!(line.contains("at the limit of 60 characters"), "{line}");
    // A long search query scrolls, the cursor kept in view.
    let terminal = with_saved(80, 24, keys(&format!("/{}", "y".repeat(110))));
    let line: String = status_cells(&terminal)
        .iter()
        .map(|c| c.0.as_str())
        .collect();
    assert!(line.starts_with("/…yyy"), "{line}");
    assert!(line.contains("at the limit of 100 characters"), "{line}");
}
