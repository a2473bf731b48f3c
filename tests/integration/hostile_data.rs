//! Hostile datasets: every broken file gives an error naming its place, never a panic;
//! text that could drive the terminal is shown, not obeyed.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sma_dash::data::{DataFile, Dataset, LoadError, load, read_dir};
use sma_dash::runtime::{ScriptedEvents, run};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of the minimal dataset in a temporary directory with `file` replaced.
fn dataset_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixtures().join("minimal")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.path().join(file), bytes).unwrap();
    dir
}

/// Each hostile file, as `(name of the file it stands for, path)`.
fn hostile_files() -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(fixtures().join("hostile"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let target = name.split_once('.').unwrap().1.to_string();
            (target, path)
        })
        .collect();
    files.sort();
    files
}

fn load_hostile(name: &str) -> Result<Dataset, LoadError> {
    let (target, path) = hostile_files()
        .into_iter()
        .find(|(_, p)| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("no hostile fixture {name}"));
    let dir = dataset_with(&target, &std::fs::read(path).unwrap());
    Dataset::load_dir(dir.path())
}

fn first_error(name: &str) -> String {
    let e = load_hostile(name).expect_err("a hostile file must not load");
    let d = &e.diagnostics[0];
    format!(
        "{}:{}:{}: {}",
        Path::new(&d.file).file_name().unwrap().to_string_lossy(),
        d.line,
        d.column,
        d.message
    )
}

#[test]
fn every_hostile_file_is_an_error_with_a_place_or_loads_clean() {
    let files = hostile_files();
    assert!(files.len() >= 12, "the corpus shrank: {}", files.len());
    for (target, path) in files {
        let dir = dataset_with(&target, &std::fs::read(&path).unwrap());
        match Dataset::load_dir(dir.path()) {
            Err(e) => {
                assert!(!e.diagnostics.is_empty(), "{}", path.display());
                let text = e.to_string();
                assert!(text.contains(&target), "{}: {text}", path.display());
                assert!(
                    !text.contains('\u{1b}'),
                    "{}: an escape reached the message",
                    path.display()
                );
            }
            // Only text that is merely odd may load, and then it shows safely.
            Ok(d) => assert!(
                ["escape-in-headline", "bidi-marks"]
                    .iter()
                    .any(|name| path.to_string_lossy().contains(name)),
                "{} loaded: {:?}",
                path.display(),
                d.events.len()
            ),
        }
    }
}

#[test]
fn escape_sequences_in_text_are_shown_not_sent() {
    let d = load_hostile("escape-in-headline").expect("odd text still loads");
    let e = d.events.iter().find(|e| e.id == "sma-10-round-1").unwrap();
    assert_eq!(e.headline, "10th SMA␛[2J␛]0;pwned␇, round 1");
    assert_eq!(e.place.as_deref(), Some("Hono\u{fffd}lulu\u{fffd}"));
    // And on screen, through the real view code.
    let mut app = sma_dash::config::default_app(d);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    run(
        &mut terminal,
        &mut app,
        &mut ScriptedEvents::parse("/pwned<enter><enter>").unwrap(),
    )
    .unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("␛[2J␛]0;pwned␇"), "{screen}");
    assert!(!screen.contains('\u{1b}'));
}

#[test]
fn limits_are_named_in_the_error() {
    assert_eq!(
        first_error("long-headline"),
        "events.toml:6:12: expected at most 200 characters, found 10000"
    );
    assert_eq!(
        first_error("control-in-id"),
        "events.toml:2:6: expected an id of printable characters without spaces, found \"sma-10␇-round-1\""
    );
    assert_eq!(
        first_error("empty"),
        "events.toml:1:1: expected at least one [[event]] table, found none"
    );
    assert_eq!(
        first_error("wrong-shape"),
        "events.toml:1:9: expected an array of tables [[event]], found integer"
    );
    assert_eq!(
        first_error("invalid-utf8"),
        "events.toml:2:7: expected UTF-8 text, found invalid bytes"
    );
    assert_eq!(
        first_error("nan-amount"),
        "contributions.toml:4:12: expected a non-negative amount, found NaN"
    );
    assert_eq!(
        first_error("far-date"),
        "events.toml:4:8: expected a year from 1945 to 2100, found 9999"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let big = vec![b'#'; 50 * 1024 * 1024];
    let dir = dataset_with("events.toml", &big);
    let e = Dataset::load_dir(dir.path()).unwrap_err();
    let text = e.diagnostics[0].to_string();
    assert!(
        text.ends_with(
            "events.toml: cannot read the file: expected at most 32 MiB, found 52428800 bytes"
        ),
        "{text}"
    );
}

#[test]
fn korean_and_combining_names_keep_the_columns_aligned() {
    let dir = dataset_with(
        "events.toml",
        std::fs::read_to_string(fixtures().join("minimal/events.toml"))
            .unwrap()
            .replace(
                "headline = \"10th SMA, round 1\"",
                "headline = \"장원삼 대사와 베츠 (Chang Won-sam), e\u{301}tude\"",
            )
            .as_bytes(),
    );
    let mut app = sma_dash::config::default_app(Dataset::load_dir(dir.path()).unwrap());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    run(
        &mut terminal,
        &mut app,
        &mut ScriptedEvents::parse("").unwrap(),
    )
    .unwrap();
    let screen = sma_dash::render::buffer_text(terminal.backend().buffer(), false);
    let line = screen
        .lines()
        .find(|l| l.contains("장원삼"))
        .expect("the Korean headline is on screen");
    // Wide characters take two columns each, the combining accent none: the row still
    // fills exactly the screen, so the borders after it stay in their columns.
    assert_eq!(unicode_width::UnicodeWidthStr::width(line), 120, "{line}");
    assert!(line.ends_with('│'), "{line}");
}

fn minimal_files() -> Vec<DataFile> {
    read_dir(&fixtures().join("minimal")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any damage to any file: an error or a dataset, never a panic.
    #[test]
    fn damaged_files_never_panic(
        which in 0usize..7,
        at in any::<prop::sample::Index>(),
        cut in any::<bool>(),
        junk in prop::collection::vec(any::<u8>(), 0..12),
    ) {
        let mut files = minimal_files();
        let file = &mut files[which];
        let mut bytes = file.text.clone().into_bytes();
        let i = at.index(bytes.len() + 1);
        if cut {
            bytes.truncate(i);
        }
        bytes.splice(i.min(bytes.len())..i.min(bytes.len()), junk);
        file.text = String::from_utf8_lossy(&bytes).into_owned();
        match load(&files) {
            Ok(d) => prop_assert!(!d.contributions.is_empty()),
            Err(e) => prop_assert!(!e.diagnostics.is_empty()),
        }
    }
}

#[test]
fn noncharacters_duplicate_citations_and_huge_amounts_are_refused_at_their_place() {
    assert_eq!(
        first_error("nonchar-headline"),
        "events.toml:6:12: expected text, found the noncharacter U+FFFE"
    );
    assert_eq!(
        first_error("nonchar-literal"),
        "events.toml:7:9: expected text, found the noncharacter U+FFFF"
    );
    assert_eq!(
        first_error("dup-citation"),
        "events.toml:11:19: expected each source once, found \"R03\" again"
    );
    assert_eq!(
        first_error("huge-amount"),
        "contributions.toml:4:12: expected an amount of at most 10000000 (ten million), found 1e308"
    );
}

#[test]
fn more_sources_than_a_record_may_cite_are_refused_at_once() {
    // 200,000 citations took minutes to show; past the bound, the file is refused.
    let events = std::fs::read_to_string(fixtures().join("minimal/events.toml")).unwrap();
    let many = vec!["\"R03\""; 200_000].join(", ");
    let text = events.replacen("sources = [\"R03\"]", &format!("sources = [{many}]"), 1);
    assert_ne!(text, events, "the fixture cites R03");
    let dir = dataset_with("events.toml", text.as_bytes());
    let start = std::time::Instant::now();
    let e = Dataset::load_dir(dir.path()).unwrap_err();
    assert!(start.elapsed() < std::time::Duration::from_secs(30));
    let first = e.diagnostics[0].to_string();
    assert!(
        first.contains(&format!(
            "expected at most {} sources for one record, found 200000",
            sma_dash::data::MAX_SOURCES_PER_RECORD
        )),
        "{first}"
    );
}

#[test]
fn bidi_marks_and_line_separators_are_shown_not_sent() {
    let d = load_hostile("bidi-marks").expect("odd text still loads");
    let e = d.events.iter().find(|e| e.id == "sma-10-round-1").unwrap();
    assert_eq!(
        e.headline,
        "10th SMA\u{fffd}\u{fffd}\u{fffd} marks\u{fffd}and\u{fffd}separators, round 1"
    );
    let mut app = sma_dash::config::default_app(d);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    run(
        &mut terminal,
        &mut app,
        &mut ScriptedEvents::parse("/marks<enter><enter>").unwrap(),
    )
    .unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("marks"), "{screen}");
    for c in ['\u{200e}', '\u{200f}', '\u{061c}', '\u{2028}', '\u{2029}'] {
        assert!(!screen.contains(c), "{c:?} reached the screen");
    }
}
