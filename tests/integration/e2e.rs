//! End to end, in process: scripted keys through the real run loop over `TestBackend`,
//! reading only what is on the screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sma_dash::app::{App, Key, KeyCode};
use sma_dash::data::Dataset;
use sma_dash::runtime::{Exit, Input, ScriptedEvents, run};

struct Session {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Session {
    fn new(width: u16, height: u16) -> Self {
        let app =
            sma_dash::config::default_app(Dataset::embedded().expect("the embedded dataset loads"));
        let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        Self { app, terminal }
    }

    /// Sends `events` through the run loop; returns why it stopped.
    fn send(&mut self, mut events: ScriptedEvents) -> Exit {
        run(&mut self.terminal, &mut self.app, &mut events).unwrap()
    }

    fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The line of the screen holding `needle`, or a failure that shows the screen.
    fn line_with(&self, needle: &str) -> String {
        let screen = self.screen();
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} on screen:\n{screen}"))
            .to_string()
    }
}

/// "2030 ▸ 1,711.3 bn won" from the Costs pane's value line.
fn value_at(line: &str, year: i32) -> String {
    let start = line
        .find(&format!("{year} ▸ "))
        .expect("the year's value line");
    let rest = &line[start..];
    let end = rest.find(" bn won").expect("a value in bn won");
    rest[..end].to_string()
}

/// The one file in `dir` (with extension `ext`, where given): what a key wrote there.
fn the_file_written(dir: &std::path::Path, ext: Option<&str>) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| ext.is_none_or(|ext| p.extension().is_some_and(|e| e == ext)))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

#[test]
fn find_a_round_raise_cpi_and_see_2030_change_then_quit() {
    let mut s = Session::new(120, 40);

    // Search the timeline from the top for the 10th SMA's first round.
    let found = s.send(ScriptedEvents::typed("g/Honolulu").key(Key::plain(KeyCode::Enter)));
    assert_eq!(found, Exit::EndOfInput);
    s.line_with("match 1 of");
    // Enter again opens the detail with its sources.
    s.send(ScriptedEvents::default().key(Key::plain(KeyCode::Enter)));
    for needle in [
        "10th SMA, round 1",
        "Place: Honolulu",
        "Chang Won-sam",
        "Timothy Betts",
        "2018-03-07",
        "https://koreajoongangdaily.joins.com",
    ] {
        s.line_with(needle);
    }

    // Close the popup, move the year cursor to 2030 and read the projection.
    s.send(
        ScriptedEvents::default()
            .key(Key::plain(KeyCode::Esc))
            .text(&"l".repeat(12)),
    );
    s.line_with("year 2030");
    let before = value_at(&s.line_with("2030 ▸ "), 2030);
    s.line_with("projected");

    // Raise Korean CPI by a full point in the Assumptions pane.
    s.send(ScriptedEvents::typed("4").text(&"+".repeat(10)));
    s.line_with("Korean CPI inflation: 3.0 % → 3.1 %");
    s.line_with("3.1 %*");
    let after = value_at(&s.line_with("2030 ▸ "), 2030);
    assert_ne!(before, after, "the 2030 projection changes on screen");
    let number = |v: &str| -> f64 {
        v.rsplit(" ")
            .next()
            .unwrap()
            .replace(',', "")
            .parse()
            .unwrap()
    };
    assert!(number(&after) > number(&before), "{after} > {before}");

    assert_eq!(s.send(ScriptedEvents::typed("q")), Exit::Quit);
}

#[test]
fn queued_keys_are_drained_and_drawn_once() {
    let mut s = Session::new(80, 24);
    // Ten moves queued at once end in one state: the last.
    s.send(ScriptedEvents::typed("gjjjjjjjjjj"));
    assert_eq!(s.app.timeline.selected, 10);
    // A key the keymap does not know changes nothing.
    let before = s.screen();
    s.send(ScriptedEvents::typed("Q"));
    assert_eq!(s.screen(), before);
    // A key of another pane says where it works.
    s.send(ScriptedEvents::typed("x"));
    assert!(
        s.screen()
            .contains("x works in Assumptions (4): compare the selected scenario"),
        "{}",
        s.screen()
    );
}

#[test]
fn resizing_below_the_minimum_says_so_and_quit_still_works() {
    let mut s = Session::new(120, 40);
    s.terminal.backend_mut().resize(40, 10);
    s.send(ScriptedEvents(vec![Input::Resize].into()));
    s.line_with("Terminal too small");
    s.line_with("needs at least 60×20");
    s.send(ScriptedEvents::typed("?"));
    s.line_with("Keys");
    // q closes the help, then quits.
    assert_eq!(s.send(ScriptedEvents::typed("q")), Exit::EndOfInput);
    assert!(!s.screen().contains("Keys"));
    assert_eq!(s.send(ScriptedEvents::typed("q")), Exit::Quit);
}

#[test]
fn ctrl_c_quits_even_while_typing_a_search() {
    let mut s = Session::new(80, 24);
    assert_eq!(
        s.send(ScriptedEvents::typed("/Hono").key(Key::ctrl('c'))),
        Exit::Quit
    );
}

#[test]
fn mouse_clicks_focus_and_select_and_the_wheel_scrolls_only_when_opted_in() {
    use sma_dash::app::Pane;
    use sma_dash::runtime::{Mouse, MouseKind};
    let click = |column, row| {
        Input::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        })
    };
    let mut s = Session::new(120, 40);
    // Without --mouse, clicks do nothing.
    s.send(ScriptedEvents(vec![click(100, 5)].into()));
    assert_eq!(s.app.focus, Pane::Timeline);

    s.app.mouse = true;
    // The Costs pane sits top right at 120×40.
    s.send(ScriptedEvents(vec![click(100, 5)].into()));
    assert_eq!(s.app.focus, Pane::Costs);
    let year = s.app.year;
    let wheel = Input::Mouse(Mouse {
        kind: MouseKind::WheelUp,
        column: 100,
        row: 5,
    });
    s.send(ScriptedEvents(vec![wheel].into()));
    assert_eq!(
        s.app.year,
        year - 1,
        "the wheel over a chart moves the year"
    );
    // The third row of the timeline list: its first shown row plus two.
    let offset = s.app.timeline.offset;
    s.send(ScriptedEvents(vec![click(10, 4)].into()));
    assert_eq!(s.app.focus, Pane::Timeline);
    assert_eq!(s.app.timeline.selected, offset + 2);
}

#[test]
fn e_writes_the_focused_pane_as_csv_and_the_status_line_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::new(120, 40);
    s.app.paths.export_dir = dir.path().to_path_buf();
    s.send(ScriptedEvents::typed("2ue"));
    let status = s.line_with("exported ");
    let files = [the_file_written(dir.path(), None)];
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("sma-dash-costs-") && name.ends_with(".csv"),
        "{name}"
    );
    assert!(status.contains(&files[0].display().to_string()), "{status}");
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    assert!(csv.starts_with("year,value,change_pct,status,"), "{csv}");
    // In dollars, as the pane shows after `u`: its 2026 value line and the file agree,
    // and both say the figure is converted, not published.
    let shown = s.line_with("2026 ▸ ");
    let row = csv.lines().find(|l| l.starts_with("2026,")).unwrap();
    let value: f64 = row.split(',').nth(1).unwrap().parse().unwrap();
    assert!(row.contains(",million $,usd,nominal,"), "{row}");
    assert!(row.contains(",converted,confirmed,"), "{row}");
    assert!(row.contains(",converted,1421.40,assumed,"), "{row}");
    let on_screen = format!("${} m", sma_dash::ui::format::thousands(value, 1));
    assert!(shown.contains(&on_screen), "{shown} vs {row}");
    assert!(shown.contains("converted"), "{shown}");
    assert!(!shown.contains("recorded"), "{shown}");

    // A second export the same second does not replace the first.
    s.send(ScriptedEvents::typed("e"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);

    // An export directory that is a file: the error is on the status line.
    s.app.paths.export_dir = files[0].clone();
    s.send(ScriptedEvents::typed("e"));
    s.line_with("export failed: cannot write in");
}

#[test]
fn e_on_the_timeline_writes_the_rows_shown_in_order_and_says_how_many_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::new(120, 40);
    s.app.paths.export_dir = dir.path().to_path_buf();
    // The rounds, by date.
    s.send(ScriptedEvents::typed("1foe"));
    let status = s.line_with("exported ");
    let files = [the_file_written(dir.path(), None)];
    assert!(files[0].is_absolute());
    let shown: Vec<String> = s
        .app
        .timeline
        .events(&s.app.data)
        .map(|e| e.id.clone())
        .collect();
    assert!(
        status.contains(&format!(
            "exported {} events (filter: rounds) to {}",
            shown.len(),
            files[0].display()
        )),
        "{status}"
    );
    let csv = std::fs::read_to_string(&files[0]).unwrap();
    let ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, shown);
    let dates: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn e_neutralises_text_a_spreadsheet_would_run_as_a_formula() {
    // The minimal dataset with an event whose headline is a formula.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let data = tempfile::tempdir().unwrap();
    for layer in ["minimal", "formulas"] {
        for entry in std::fs::read_dir(fixtures.join(layer)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), data.path().join(entry.file_name())).unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::new(120, 40);
    s.app =
        sma_dash::config::default_app(Dataset::load_dir(data.path()).expect("the dataset loads"));
    s.app.paths.export_dir = dir.path().to_path_buf();
    s.send(ScriptedEvents::typed("1e"));
    s.line_with("exported ");
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let csv = std::fs::read_to_string(file.path()).unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("sma-10-round-1,"))
        .unwrap();
    assert!(row.contains(",\"'=HYPERLINK("), "{row}");
    assert!(row.contains(",\"'@Honolulu\","), "{row}");
}

#[test]
fn s_saves_a_named_scenario_and_enter_applies_it_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sma-dash").join("scenarios.toml");
    let mut s = Session::new(120, 40);
    s.app.paths.scenarios = Some(path.clone());

    // Raise Korean CPI, save it as "hot".
    s.send(ScriptedEvents::typed("4").text(&"+".repeat(10)));
    s.send(ScriptedEvents::typed("s"));
    // Empty, the free name suggested; typing replaces it.
    s.line_with("Save scenario as: scenario 1  Enter: save");
    s.send(ScriptedEvents::typed("hot").key(Key::plain(KeyCode::Enter)));
    s.line_with(&format!("saved “hot” in {}", path.display()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("name = \"hot\"") && text.contains("korean_cpi = 3.1"),
        "{text}"
    );
    // The Saved section lies below the scenarios; the marker says it is in use.
    s.send(ScriptedEvents::typed(&"j".repeat(20)));
    s.line_with("Saved · Enter applies");
    s.line_with("▸ hot");

    // Back to the default, then apply the saved one: the 2030 projection follows.
    s.send(ScriptedEvents::typed(&"k".repeat(20)).text("0"));
    s.line_with("Korean CPI inflation: 3.1 % → 2.1 %");
    s.send(ScriptedEvents::typed(&"l".repeat(4)));
    let default_2030 = value_at(&s.line_with("2030 ▸ "), 2030);
    s.send(ScriptedEvents::typed(&"j".repeat(20)).key(Key::plain(KeyCode::Enter)));
    s.line_with("applied “hot”");
    // Up past the scenarios (each charts as it is passed) to the 12th SMA again.
    s.send(ScriptedEvents::typed(&"k".repeat(20)));
    s.line_with("3.1 %*");
    s.line_with("projected: 12th-sma");
    let hot_2030 = value_at(&s.line_with("2030 ▸ "), 2030);
    // 1,519.2 in 2026, then × CPI of two years before: 2025's 2.1 %, then the assumed.
    assert_eq!(default_2030, "2030 ▸ 1,650.9", "1,519.2 × 1.021⁴");
    assert_eq!(hot_2030, "2030 ▸ 1,699.9", "1,519.2 × 1.021 × 1.031³");

    // Saving under the same name asks, then replaces it, and says so.
    s.send(ScriptedEvents::typed("shot"));
    s.line_with("Enter: replace it");
    s.send(ScriptedEvents::default().key(Key::plain(KeyCode::Enter)));
    s.line_with("“hot” is saved already: replace it? y yes  n/Esc no");
    s.send(ScriptedEvents::typed("y"));
    s.line_with("replaced “hot”");
    let scenarios = || {
        std::fs::read_to_string(&path)
            .unwrap()
            .matches("[[scenario]]")
            .count()
    };
    assert_eq!(scenarios(), 1);

    // d on it asks; n keeps it, y deletes it from the file.
    s.send(ScriptedEvents::typed(&"j".repeat(20)).text("d"));
    s.line_with("Delete the saved scenario “hot”? y yes  n/Esc no");
    s.send(ScriptedEvents::typed("n"));
    s.line_with("“hot” kept");
    s.send(ScriptedEvents::typed("dy"));
    s.line_with(&format!("deleted “hot” from {}", path.display()));
    assert_eq!(scenarios(), 0);
    assert!(!s.screen().contains("▸ hot"), "gone from the pane");
}

#[test]
fn a_scenario_that_cannot_be_written_says_why_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("sma-dash");
    std::fs::write(&blocker, "a file where the directory should be").unwrap();
    let mut s = Session::new(120, 40);
    s.app.paths.scenarios = Some(blocker.join("scenarios.toml"));
    s.send(ScriptedEvents::typed("s").key(Key::plain(KeyCode::Enter)));
    s.line_with("not saved: cannot write");
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap(),
        "a file where the directory should be"
    );
    assert!(s.app.saved.is_empty());
}

#[test]
fn an_export_names_its_file_by_absolute_path_wrapped_over_the_status_rows_at_80_columns() {
    // A directory given relative to where the dashboard runs, deep enough that the
    // message is longer than a line.
    let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let deep = root
        .path()
        .join("exports-of-the-special-measures-agreements-dashboard");
    std::fs::create_dir(&deep).unwrap();
    let cwd = std::env::current_dir().unwrap();
    let relative = deep
        .strip_prefix(&cwd)
        .expect("the target dir is under the package");
    let mut s = Session::new(80, 24);
    s.app.paths.export_dir = relative.to_path_buf();
    s.send(ScriptedEvents::typed("2"));
    let rows_before = s.app.timeline.viewport;
    s.send(ScriptedEvents::typed("e"));
    let file = std::fs::read_dir(&deep)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(file.is_absolute());
    let message = format!("exported {}", file.display());
    assert!(message.chars().count() > 80, "{message}");
    // The message's rows, then the keys on the last row; the whole path is there.
    let screen = s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let keys = lines[23];
    assert!(
        keys.contains("? help") && keys.contains("e export"),
        "{keys}"
    );
    let rows = message.chars().count().div_ceil(80);
    let shown: String = lines[23 - rows - 1..23]
        .iter()
        .map(|l| l.trim_end())
        .collect();
    assert!(
        shown.contains(&file.display().to_string()),
        "{shown:?} does not hold {message}"
    );
    // The rows are the panes': the timeline shows fewer, and gets them back after.
    assert!(s.app.timeline.viewport < rows_before);
    s.send(ScriptedEvents::typed("j"));
    assert!(!s.screen().contains("exported"));
    assert_eq!(s.app.timeline.viewport, rows_before);
}

/// A session on both embedded hosts (Korea shown first), `w`×`h`, writing its files
/// into `export_dir`.
fn both_hosts_session(w: u16, h: u16, export_dir: &std::path::Path) -> Session {
    let config = sma_dash::config::Config::defaults();
    let hosts = sma_dash::data::Hosts::embedded().expect("both embedded hosts load");
    let app = App::with_hosts(hosts, &config.start, config.keymap, |_| {});
    let mut s = Session {
        app,
        terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
    };
    s.app.paths.export_dir = export_dir.to_path_buf();
    s
}

#[test]
fn e_on_both_hosts_costs_writes_what_export_measures_host_all_writes_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = both_hosts_session(80, 24, dir.path());
    // Both hosts, Costs, per US service member (the measure picked does not change
    // the file: it holds every measure with its definition).
    s.send(ScriptedEvents::typed("HH2cce"));
    s.line_with("exported ");
    let files = [the_file_written(dir.path(), None)];
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("sma-dash-measures-"), "{name}");
    let written = std::fs::read(&files[0]).unwrap();
    let cli = super::cli::sma_dash(&["export", "measures", "--host", "all"]);
    assert_eq!(cli.status.code(), Some(0));
    assert!(written.starts_with(b"host,year,year_basis,"));
    assert_eq!(
        written, cli.stdout,
        "the dashboard's file and `export measures --host all` differ"
    );
}

#[test]
fn i_on_both_hosts_costs_writes_what_chart_hosts_draws_in_the_measure_picked_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = both_hosts_session(120, 40, dir.path());
    // Both hosts, Costs, from dollars on to % of GDP (not the image's default measure).
    s.send(ScriptedEvents::typed("HH2cccci"));
    s.line_with("of GDP, as `sma-dash chart hosts --measure gdp` draws both hosts");
    let written = |ext: &str| -> Vec<u8> {
        let files = [the_file_written(dir.path(), Some(ext))];
        let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("sma-dash-hosts-"), "{name}");
        std::fs::read(&files[0]).unwrap()
    };
    let (svg, png) = (written("svg"), written("png"));
    let cli_dir = tempfile::tempdir().unwrap();
    let (cli_svg, cli_png) = (cli_dir.path().join("h.svg"), cli_dir.path().join("h.png"));
    let cli = super::cli::sma_dash(&[
        "chart",
        "hosts",
        "--measure",
        "gdp",
        "--svg",
        &cli_svg.display().to_string(),
        "--png",
        &cli_png.display().to_string(),
    ]);
    assert_eq!(
        cli.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&cli.stderr)
    );
    assert!(String::from_utf8_lossy(&svg).contains("% of the host's nominal GDP"));
    assert_eq!(
        svg,
        std::fs::read(&cli_svg).unwrap(),
        "the dashboard's image and `chart hosts --measure gdp` differ"
    );
    assert_eq!(png, std::fs::read(&cli_png).unwrap());
}
