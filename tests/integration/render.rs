//! Snapshots of the whole screen, drawn by the real run loop over `TestBackend` from
//! the embedded dataset, at three sizes and in each chart state.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};
use sma_dash::app::{App, Key, KeyCode, SavedScenario};
use sma_dash::data::Dataset;
use sma_dash::runtime::{Exit, ScriptedEvents, run};

/// The screen after typing `keys` into a fresh dashboard of `width`×`height`.
fn screen(width: u16, height: u16, keys: ScriptedEvents) -> String {
    screen_with(width, height, keys, |_| {})
}

/// `screen` with today's date set: the events after it are marked as to come.
fn screen_on(today: Option<NaiveDate>, width: u16, height: u16, keys: ScriptedEvents) -> String {
    screen_with(width, height, keys, |app| app.today = today)
}

/// The screen after typing `keys` into a dashboard that `setup` has changed first.
fn screen_with(
    width: u16,
    height: u16,
    keys: ScriptedEvents,
    setup: impl FnOnce(&mut App),
) -> String {
    let mut app =
        sma_dash::config::default_app(Dataset::embedded().expect("the embedded dataset loads"));
    setup(&mut app);
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
    let s = popup("\"11th SMA, round 4\"");
    assert!(s.contains("│People: Jeong Eun-bo "), "{s}");
    assert!(
        s.contains("│People inferred from the agreement's chief negotiators: James DeHart "),
        "{s}"
    );
}

#[test]
fn a_round_named_by_its_sources_lists_its_people_plainly() {
    let s = popup("\"11th SMA, round 5\"");
    assert!(s.contains("│People: Jeong Eun-bo, James DeHart "), "{s}");
    assert!(!s.contains("inferred"), "{s}");
}

#[test]
fn the_3rd_smas_rule_shows_as_uncertain() {
    let s = popup("\"3rd SMA\"");
    assert!(
        s.contains("│Rule (uncertain): Up 10% a year (read also as up $30M a year; see the note)"),
        "{s}"
    );
    // The 1996 promulgation text gives its signing, consent and entry into force.
    assert!(
        s.contains("│Signatories: ROK Gong Ro-myung / US James Laney "),
        "{s}"
    );
}

#[test]
fn the_4th_smas_signing_shows_its_date_signatories_and_single_source() {
    let s = popup("\"4th SMA\" Bosworth");
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

// The timeline's order, filter and search, with today set to a fixed day.
const TODAY: Option<NaiveDate> = NaiveDate::from_ymd_opt(2026, 12, 2);

macro_rules! timeline_snapshot {
    ($name:ident, $w:expr, $h:expr, $keys:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(screen_on(TODAY, $w, $h, $keys));
        }
    };
}

// By date, at the end: the events still to come marked.
timeline_snapshot!(timeline_by_date_80x24, 80, 24, typed("oG"));
timeline_snapshot!(timeline_by_date_120x40, 120, 40, typed("oG"));
// Grouped, at the end: the 12th SMA's milestones to come marked.
timeline_snapshot!(timeline_future_grouped_120x40, 120, 40, typed("G"));
timeline_snapshot!(timeline_filter_rounds_80x24, 80, 24, typed("f"));
timeline_snapshot!(timeline_filter_rounds_by_date_120x40, 120, 40, typed("fo"));
// Back from no filter: the last kind; five back: the one lapse.
timeline_snapshot!(timeline_filter_back_120x40, 120, 40, typed("F"));
timeline_snapshot!(timeline_filter_one_lapse_80x24, 80, 24, typed("FFFFF"));
timeline_snapshot!(
    timeline_filter_cleared_by_esc_80x24,
    80,
    24,
    typed("ff").key(Key::plain(KeyCode::Esc))
);
timeline_snapshot!(
    timeline_search_ten_billion_80x24,
    80,
    24,
    typed("/10 billion").key(Key::plain(KeyCode::Enter))
);
timeline_snapshot!(
    timeline_search_ten_billion_by_date_120x40,
    120,
    40,
    typed("o/$10B").key(Key::plain(KeyCode::Enter))
);

#[test]
fn by_date_the_dates_on_screen_never_go_back() {
    let s = screen_on(TODAY, 120, 40, typed("og"));
    assert!(s.contains("events · by date"), "{s}");
    // The focused list's rows: its border, the mark column (blank or ◇), the date.
    let dates: Vec<&str> = s
        .lines()
        .filter_map(|l| l.trim_start_matches('"').strip_prefix('┃'))
        .filter_map(|row| row.strip_prefix([' ', '◇']))
        .filter_map(|row| row.split_whitespace().next())
        .filter(|d| {
            d.get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    assert!(dates.len() > 10, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

// The kind picker: rounds and demands chosen, the timeline behind showing both.
timeline_snapshot!(timeline_kind_picker_80x24, 80, 24, typed("v jjjjjjjj "));
timeline_snapshot!(timeline_kind_picker_120x40, 120, 40, typed("v jjjjjjjj "));
timeline_snapshot!(
    timeline_two_kinds_by_date_120x40,
    120,
    40,
    typed("v jjjjjjjj ")
        .key(Key::plain(KeyCode::Enter))
        .text("o")
);
// The detail popup: an agreement's (the 12th SMA, row `[` from the last) and a year's
// figure (Enter in Costs or Troops, in the chart or the table), at the two common sizes.
snapshot!(detail_12th_sma_80x24, 80, 24, keys("G[<enter>"));
snapshot!(detail_12th_sma_120x40, 120, 40, keys("G[<enter>"));
snapshot!(detail_12th_sma_bottom_80x24, 80, 24, keys("G[<enter>G"));
snapshot!(
    figure_costs_2014_80x24,
    80,
    24,
    keys("2:2014<enter><enter>")
);
snapshot!(
    figure_costs_2014_120x40,
    120,
    40,
    keys("2:2014<enter><enter>")
);
snapshot!(
    figure_costs_2014_dollars_table_120x40,
    120,
    40,
    keys("2ut:2014<enter><enter>")
);
snapshot!(
    figure_costs_projected_2027_120x40,
    120,
    40,
    keys("2l<enter>")
);
snapshot!(
    figure_troops_2014_80x24,
    80,
    24,
    keys("3:2014<enter><enter>")
);
snapshot!(
    figure_troops_2014_table_120x40,
    120,
    40,
    keys("3t:2014<enter><enter>")
);

/// The screen's rows, without the quotes `TestBackend` puts around them.
fn rows(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .map(|l| l.trim_start_matches('"').trim_end_matches('"'))
        .collect()
}

/// Every URL the screen shows, read from "https://" to the first space or border: each
/// must be one the dataset holds, whole, on one row.
fn urls_on(screen: &str) -> Vec<String> {
    rows(screen)
        .iter()
        .flat_map(|row| row.match_indices("http").map(move |(i, _)| &row[i..]))
        .map(|rest| {
            rest.split([' ', '│'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn the_12th_smas_detail_scrolls_to_its_last_source_with_every_url_whole() {
    let d = Dataset::embedded().unwrap();
    let sma12 = d.agreement("sma-12").unwrap();
    let urls: Vec<&str> = sma12
        .sources
        .iter()
        .filter_map(|id| d.source(id)?.url.as_deref())
        .collect();
    let last = *urls.last().expect("the 12th SMA cites URLs");
    // At the top the last URL is below the fold, and the popup says so.
    let top = screen(80, 24, keys("G[<enter>"));
    assert!(!top.contains(last), "{top}");
    assert!(top.contains("more below"), "{top}");
    // G: the bottom, where the last source's URL stands whole on one row.
    let bottom = screen(80, 24, keys("G[<enter>G"));
    assert!(
        rows(&bottom).iter().any(|row| row.contains(last)),
        "{bottom}"
    );
    assert!(!bottom.contains("more below"), "{bottom}");
    // Every step of the way (j a row at a time), each URL shown is whole: one of the
    // 12th SMA's, never cut by the border or wrapped onto the next row.
    let mut seen = Vec::new();
    for step in 0..70 {
        let s = screen(80, 24, keys(&format!("G[<enter>{}", "j".repeat(step))));
        for url in urls_on(&s) {
            // A URL wider than the screen is cut at its edge with "…" (it cannot be
            // whole at 80 columns); every other is whole.
            let url = match url.strip_suffix('…') {
                Some(prefix) => {
                    let whole = urls
                        .iter()
                        .find(|u| u.starts_with(prefix) && u.chars().count() >= 80)
                        .unwrap_or_else(|| panic!("cut: {url}\n{s}"));
                    whole.to_string()
                }
                None => url,
            };
            assert!(urls.contains(&url.as_str()), "cut: {url}\n{s}");
            if !seen.contains(&url) {
                seen.push(url);
            }
        }
    }
    assert_eq!(
        seen, urls,
        "every URL of the 12th SMA appears, whole, in order"
    );
}

#[test]
fn a_figure_s_detail_lists_every_source_of_the_year_with_its_url() {
    let d = Dataset::embedded().unwrap();
    let c = d.contribution(2014).unwrap();
    // Tall enough for every line: the whole detail at once.
    let s = screen(200, 60, keys("2:2014<enter><enter>"));
    assert!(
        s.contains("As published: 920.0 bn won (9,200억원), agreed in won"),
        "{s}"
    );
    assert!(
        s.contains("Also reported: $866.86 m reported (R09 R08); $867.0 m reported (R02)"),
        "{s}"
    );
    assert!(
        s.contains("Status: recorded · confidence: confirmed"),
        "{s}"
    );
    for id in &c.sources {
        let source = d.source(id).unwrap();
        assert!(s.contains(&format!(" {id} {}", source.title)), "{id}\n{s}");
        if let Some(url) = &source.url {
            assert!(urls_on(&s).contains(url), "{url}\n{s}");
        }
    }
    // A projected year: its scenario, what drove it, the rule's sources.
    let s = screen(200, 60, keys("2l<enter>"));
    assert!(
        s.contains("Scenario: 12th SMA rule (CPI, cap 5 %) (12th-sma)"),
        "{s}"
    );
    assert!(
        s.contains("How: +2.1 % (2025 CPI, recorded), cap 5 %"),
        "{s}"
    );
    assert!(s.contains("Sources of the rule:"), "{s}");
    assert!(
        s.contains(" R74 Report on the 12th SMA escalation rule"),
        "{s}"
    );
    assert!(s.contains("Sources of the 2025 Korean CPI:"), "{s}");
    // Troops: the count and the level, each with its sources.
    let s = screen(200, 60, keys("3:2014<enter><enter>"));
    assert!(
        s.contains("DMDC count: 29,074 active-duty troops (574 above the 28,500 level)"),
        "{s}"
    );
    let below = screen(200, 60, keys("3:2018<enter><enter>"));
    assert!(below.contains("(2,687 below the 28,500 level)"), "{below}");
    assert!(s.contains("Sources of the count:"), "{s}");
    assert!(s.contains("Sources of the level:"), "{s}");
}

// The help's two pages (Tab, ← →): every line wrapped to the width, scrolled to the
// true bottom with G, at the common sizes and on a screen too small for the dashboard.
snapshot!(help_glossary_80x24, 80, 24, keys("?<tab>"));
snapshot!(help_glossary_120x40, 120, 40, keys("?<right>"));
snapshot!(help_keys_bottom_80x24, 80, 24, keys("?G"));
snapshot!(help_glossary_bottom_80x24, 80, 24, keys("?<tab>G"));
snapshot!(help_glossary_bottom_120x40, 120, 40, keys("?<tab>G"));
snapshot!(help_glossary_narrow_40x16, 40, 16, keys("?<left>jjjj"));

// The widest layout: the Costs pane takes the spare width, the troops above the
// assumptions on the right.
snapshot!(dashboard_160x50, 160, 50, typed(""));

/// The screen after `keys` without colour (`NO_COLOR`), with its styles as escape
/// sequences: focus and selection must show by modifier and glyph alone.
fn screen_no_color(width: u16, height: u16, keys: ScriptedEvents) -> String {
    let mut app =
        sma_dash::config::default_app(Dataset::embedded().expect("the embedded dataset loads"));
    app.color = false;
    sma_dash::render::frame(&mut app, width, height, keys, true).unwrap()
}

#[test]
fn no_color_focus_and_selection_80x24() {
    // The Assumptions focused: its selection reversed, the timeline's underlined.
    insta::assert_snapshot!(screen_no_color(80, 24, typed("4j")));
}

/// An export's message, with the long absolute path the runtime gives it: wrapped over
/// rows above the keys at 80 columns (taken from the panes), beside them at 120.
fn exported(app: &mut App) {
    app.focus = sma_dash::app::Pane::Costs;
    app.status = Some(
        "exported /home/analyst/research/alliance-burden-sharing/exports/sma-dash-costs-2026-11-27T100102.csv"
            .into(),
    );
}

#[test]
fn long_message_wraps_80x24() {
    insta::assert_snapshot!(screen_with(80, 24, typed(""), exported));
}

#[test]
fn long_message_fits_120x40() {
    insta::assert_snapshot!(screen_with(120, 40, typed(""), exported));
}

// The save prompt opens empty, the next free name suggested; Enter on a saved name asks
// first; d on a saved scenario asks before deleting it.

/// A fresh dashboard with two saved scenarios, "hot" and "cold", after `keys`.
fn with_saved(width: u16, height: u16, keys: ScriptedEvents) -> Terminal<TestBackend> {
    let mut app =
        sma_dash::config::default_app(Dataset::embedded().expect("the embedded dataset loads"));
    let assumptions = app.inputs().assumptions.clone();
    app.set_saved(
        ["hot", "cold"]
            .map(|name| SavedScenario::new(name, "2026-11-27T10:00:00Z", assumptions.clone()))
            .to_vec(),
    );
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

/// The screen after typing `keys` into a dashboard of both embedded hosts (Korea shown
/// first; `H` turns to Japan, then both).
fn hosts_screen(width: u16, height: u16, keys: &str) -> String {
    let hosts = sma_dash::data::Hosts::embedded().expect("both embedded hosts load");
    let config = sma_dash::config::Config::defaults();
    let mut app = App::with_hosts(hosts, &config.start, config.keymap, |_| {});
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut keys = ScriptedEvents::parse(keys).expect("the keys parse");
    assert_eq!(
        run(&mut terminal, &mut app, &mut keys).unwrap(),
        Exit::EndOfInput
    );
    terminal.backend().to_string()
}

macro_rules! hosts_snapshot {
    ($name:ident, $w:expr, $h:expr, $keys:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(hosts_screen($w, $h, $keys));
        }
    };
}

// Japan alone through the same panes; both hosts side by side, per US service member in
// dollars with Enter on 2014's figures (DESIGN §7's question); the merged timeline.
hosts_snapshot!(japan_80x24, 80, 24, "H");
hosts_snapshot!(japan_troops_2008_80x24, 80, 24, "H3:2008<enter>");
hosts_snapshot!(both_hosts_80x24, 80, 24, "HH");
hosts_snapshot!(
    both_hosts_per_member_2014_80x24,
    80,
    24,
    "HH2cc:2014<enter>"
);
hosts_snapshot!(
    both_hosts_per_member_detail_80x24,
    80,
    24,
    "HH2cc:2014<enter><enter>"
);
hosts_snapshot!(both_hosts_120x40, 120, 40, "HH");

// The share estimates (`A`) at 80×24, with both hosts and Japan alone: each measure's
// heading and what it counts above its estimates, the selected one's definition below;
// Enter shows one whole with its sources.
hosts_snapshot!(shares_both_hosts_80x24, 80, 24, "HHA");
hosts_snapshot!(shares_japan_gao_80x24, 80, 24, "HAjjjjjjjjjjjjjjj");
hosts_snapshot!(shares_japan_whole_80x24, 80, 24, "HAj<enter>");
hosts_snapshot!(shares_japan_whole_sources_80x24, 80, 24, "HAj<enter>G");

/// The Costs pane's plot rows of `screen`: from its title to its legend, the pane's
/// columns only.
fn costs_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("2 Costs"))
        .expect("the Costs pane");
    let title = lines[top];
    let corner = title[..title.find("2 Costs").expect("the title")]
        .rfind(['┌', '┏'])
        .expect("the pane's corner");
    let at = title.find("2 Costs").expect("the title");
    let end = at
        + title[at..]
            .find(['┐', '┓'])
            .expect("the pane's right corner");
    let (left, right) = (
        title[..corner].chars().count(),
        title[..end].chars().count(),
    );
    lines[top + 1..]
        .iter()
        .map(|l| {
            l.chars()
                .skip(left)
                .take(right + 1 - left)
                .collect::<String>()
        })
        .take_while(|l| !l.contains("recorded"))
        .collect()
}

#[test]
fn japan_s_gap_years_keep_their_mark_on_the_costs_chart_at_any_width() {
    // FY1996–98, FY2000 and FY2013 are held as gaps: marked as such whether or not
    // the chart has a column a year, as bars and as a line.
    for (width, height) in [(80, 24), (100, 30), (120, 40), (160, 50), (200, 60)] {
        for keys in ["H", "H2m"] {
            let screen = hosts_screen(width, height, keys);
            let rows = costs_rows(&screen);
            // On the plot and its axis, not in the legend ("× gap").
            let marks: usize = rows
                .iter()
                .filter(|r| !r.contains("× gap"))
                .map(|r| r.matches('×').count())
                .sum();
            assert_eq!(marks, 5, "{width}×{height} after {keys}:\n{screen}");
        }
    }
    // At 80×24 the cursor on FY2013: its gap mark under the cursor's, and the gap said.
    let screen = hosts_screen(80, 24, "H2:2013<enter>");
    let rows = costs_rows(&screen);
    let cursor = rows
        .iter()
        .find_map(|r| r.find('▼').map(|i| r[..i].chars().count()));
    let mark = rows
        .iter()
        .rev()
        .filter(|r| !r.contains("× gap"))
        .find_map(|r| {
            r.contains('×').then(|| {
                r.char_indices()
                    .filter(|(_, c)| *c == '×')
                    .map(|(i, _)| r[..i].chars().count())
                    .collect::<Vec<_>>()
            })
        });
    let (cursor, mark) = (cursor.expect("the cursor's mark"), mark.expect("gap marks"));
    assert!(mark.contains(&cursor), "{cursor} in {mark:?}:\n{screen}");
    assert!(
        screen.contains("FY2013 ▸ gap") || screen.contains("FY2013 ▸ no"),
        "{screen}"
    );
}

#[test]
fn japan_s_bars_keep_a_slot_for_each_year_the_record_does_not_hold() {
    // FY1979–95 have no record at all: each keeps its slot, marked ·, so FY1978's bar
    // does not stand beside FY1996's and the years are evenly spaced.
    let screen = hosts_screen(200, 60, "H2");
    let rows = costs_rows(&screen);
    let bottom = rows
        .iter()
        .rev()
        .find(|r| r.contains('×'))
        .expect("the plot's bottom row");
    assert_eq!(bottom.matches('·').count(), 17, "{screen}");
    let years = rows
        .iter()
        .find(|r| r.contains("1980") && r.contains("1990"))
        .expect("the year axis");
    let at = |year: &str| years[..years.find(year).unwrap()].chars().count();
    let (a, b, c) = (at("1980"), at("1990"), at("2000"));
    assert!(
        (b - a).abs_diff(c - b) <= 1,
        "1980–90 and 1990–2000 as far apart: {years}"
    );
    // Thinned at 80×24, the stretch still shows, and no gap goes.
    let rows = costs_rows(&hosts_screen(80, 24, "H2"));
    let marks = |c: char| {
        rows.iter()
            .filter(|r| !r.contains("× gap"))
            .map(|r| r.matches(c).count())
            .sum::<usize>()
    };
    assert!(marks('·') > 0, "{rows:?}");
    assert_eq!(marks('×'), 5, "{rows:?}");
}

#[test]
fn the_costs_legend_keeps_its_marks_in_view_at_any_size() {
    // Shortened as the pane narrows (the projection by its key, then fewer words), never
    // cut: the gap mark's entry stays where the chart draws gaps.
    for (width, height) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
        let screen = hosts_screen(width, height, "H2");
        let legend = screen
            .lines()
            .find(|r| r.contains("▒ fy2022-plan"))
            .unwrap_or_else(|| panic!("{width}×{height}: the legend in {screen}"));
        // The Costs pane's part of the row, after the timeline's.
        let legend = &legend[legend.find("█ ").unwrap()..];
        assert!(legend.contains("HNS total"), "{width}×{height}: {legend}");
        assert!(legend.contains("× gap"), "{width}×{height}: {legend}");
        assert!(!legend.contains('…'), "{width}×{height}: {legend}");
    }
}

#[test]
fn shares_never_show_a_value_without_its_measure_above_it() {
    // Every estimate's row sits under its measure's heading, however far down the list
    // the selection is.
    let hosts = sma_dash::data::Hosts::embedded().expect("both embedded hosts load");
    let count = hosts.shares().estimates.len();
    for down in [0, count / 2, count - 1] {
        let screen = hosts_screen(80, 24, &format!("HHA{}", "j".repeat(down)));
        // Each row as the backend writes it, in quotes.
        let rows: Vec<&str> = screen.lines().map(|l| l.trim_matches('"')).collect();
        // The first row of the list below the column header is a measure's heading
        // (not indented), then what it counts: never an estimate cut from them.
        let (first, second) = (rows[3], rows[4]);
        assert!(!first.starts_with("│  "), "{down}: {first}\n{screen}");
        assert!(
            second.starts_with("│  US military pay"),
            "{down}: {second}\n{screen}"
        );
    }
}

// The kind picker with both hosts: each host's events first, Japan's hidden.
hosts_snapshot!(kinds_both_hosts_japan_hidden_80x24, 80, 24, "HHvj ");

#[test]
fn y_in_a_detail_or_a_share_estimate_says_what_it_copied() {
    // The runtime measures an open overlay after every key: the message stays.
    let keys = ScriptedEvents::parse("<enter>y").expect("the keys parse");
    let detail = screen(80, 24, keys);
    assert!(
        detail.contains("copied the 12th SMA with sources"),
        "{detail}"
    );
    let share = hosts_screen(80, 24, "Aj<enter>y");
    assert!(
        share.contains("copied the Japan estimate of 2002"),
        "{share}"
    );
}

/// Japan's agreements name Japan's side as Japan, never as the ROK, on screen and in
/// `export agreements`.
#[test]
fn japan_s_agreement_names_japan_s_side_on_screen_and_in_files() {
    let s = hosts_screen(120, 40, "H]][<enter>");
    assert!(
        s.contains("Signatories: Japan Yoshimasa Hayashi / US"),
        "{s}"
    );
    assert!(!s.contains("ROK Yoshimasa"), "{s}");
    let hosts = sma_dash::data::Hosts::embedded().expect("both embedded hosts load");
    let japan = hosts.japan().expect("Japan's dataset");
    let a = sma_dash::econ::Assumptions::from_history(japan);
    let table = sma_dash::report::export::export(
        japan,
        &a,
        sma_dash::report::export::Series::Agreements,
        Default::default(),
    );
    assert!(
        table.columns.contains(&"signatories_jp"),
        "{:?}",
        table.columns
    );
    assert!(
        !table.columns.iter().any(|c| c.ends_with("_rok")),
        "{:?}",
        table.columns
    );
}
