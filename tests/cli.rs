//! The command line as a user runs it: exit statuses, messages, output formats.

use std::path::Path;
use std::process::{Command, Output};

fn sma_dash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sma-dash"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of the minimal fixture with one broken case laid over it.
fn broken_dataset(case: &str) -> tempfile::TempDir {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    for layer in [fixtures.join("minimal"), fixtures.join("broken").join(case)] {
        for entry in std::fs::read_dir(layer).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    dir
}

#[test]
fn check_summarises_the_embedded_dataset() {
    let o = sma_dash(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(": valid"), "{out}");
    assert!(out.contains("\n  sources          168\n"), "{out}");
    assert!(out.contains("contributions     36  1991–2026"), "{out}");
    assert!(
        out.contains(
            "events            90  1991–2030   28 negotiation rounds (15 with people inferred), \
             42 agreement milestones"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "figures by confidence: 180 confirmed, 80 single source, 8 uncertain, 32 derived"
        ),
        "{out}"
    );
    assert!(out.contains("gaps: 1951, 1952"), "{out}");
    assert!(out.contains("derived: 2023, 2024"), "{out}");
}

#[test]
fn check_on_bad_data_exits_2_with_every_error_on_stderr() {
    let dir = broken_dataset("several-problems");
    let o = sma_dash(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    let events = dir.path().join("events.toml").display().to_string();
    assert!(
        err.contains(&format!(
            "{events}:5:7: expected an end on or after 2018-03-07"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{events}:9:13: expected an agreement id")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{events}:11:12: expected a source id")),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with("3 problems in the dataset"),
        "{err}"
    );
}

#[test]
fn check_on_a_missing_directory_exits_2() {
    let o = sma_dash(&["check", "--data", "/nonexistent/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/dir/dataset.toml: cannot read the file"));
}

#[test]
fn project_csv_has_the_documented_columns() {
    let o = sma_dash(&[
        "project",
        "--format",
        "csv",
        "--cpi",
        "2",
        "--horizon",
        "2030",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("year,scenario,krw_bn,capped,projected"));
    assert!(out.contains("2026,12th-sma,1519.2,false,false"), "{out}");
    // 1,519.2 × 1.021 × 1.02³ = 1,646.0
    assert!(out.contains("2030,12th-sma,1646.0,false,true"), "{out}");
    // Five scenarios, 2026 to 2030 each.
    assert_eq!(out.lines().count(), 1 + 5 * 5);
}

#[test]
fn project_usd_adds_a_dollar_column() {
    let o = sma_dash(&[
        "project",
        "--format",
        "csv",
        "--usd",
        "--fx",
        "1400",
        "--horizon",
        "2028",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("year,scenario,krw_bn,usd_m,capped,projected\n"));
    // $5 bn at 1,400 won per dollar: 7,000 bn won.
    assert!(
        out.contains("2028,demand-5bn,7000.0,5000.0,false,true"),
        "{out}"
    );
}

#[test]
fn project_table_marks_capped_years_and_totals() {
    let o = sma_dash(&["project", "--cpi", "7"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("total 2026–2030 12th-sma"), "{out}");
    assert!(out.contains("total 2026–2035 12th-sma"), "{out}");
    let y2028 = out.lines().find(|l| l.starts_with("2028")).unwrap();
    assert!(y2028.contains('*'), "{y2028}");
}

#[test]
fn project_json_records_assumptions_and_version() {
    let o = sma_dash(&["project", "--format", "json", "--real", "2020"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["real_base_year"], 2020);
    assert!(v["dataset_version"].is_string());
    assert!(
        v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "korean_cpi")
    );
    assert!(!v["rows"].as_array().unwrap().is_empty());
}

#[test]
fn out_of_range_and_malformed_options_exit_2() {
    let o = sma_dash(&["project", "--cpi", "55"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "sma-dash: --cpi: expected Korean CPI inflation from -5.0 % to 20.0 %, found 55"
    );
    let o = sma_dash(&["project", "--fx", "lots"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid value 'lots' for '--fx"),
        "{}",
        stderr(&o)
    );
    let o = sma_dash(&["project", "--real", "2040", "--horizon", "2035"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--real: expected a base year no later than the horizon 2035"));
    let o = sma_dash(&["project", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_rate_can_be_set_for_single_years() {
    let o = sma_dash(&[
        "project",
        "--format",
        "csv",
        "--cpi",
        "2,2027=7",
        "--horizon",
        "2030",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // 2027's 7 % reaches 2029 through the two-year lag, where the 5 % cap binds.
    assert!(out.contains("2029,12th-sma,1661.2,true,true"), "{out}");
    assert!(out.contains("2030,12th-sma,1694.5,false,true"), "{out}");
    let o = sma_dash(&["project", "--cpi", "2,2027=70"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("found 70"));
}

#[test]
fn export_contributions_as_csv_records_version_and_assumptions() {
    let o = sma_dash(&["export", "contributions", "--cpi", "3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("year,krw_bn,usd_m,confidence,sources,dataset_version,assumptions")
    );
    let y2014 = out.lines().find(|l| l.starts_with("2014,")).unwrap();
    assert!(
        y2014.starts_with("2014,920.0,866.9,confirmed,R01; R08; R09; R02,2026.11.27,"),
        "{y2014}"
    );
    assert!(y2014.contains("korean_cpi=3;"), "{y2014}");
    // A year with only a dollar figure has no won figure made up for it.
    assert!(out.contains("\n1993,,220.0,confirmed,"), "{out}");
    assert_eq!(out.lines().count(), 1 + 36);
}

#[test]
fn export_json_is_an_array_of_objects() {
    for series in [
        "contributions",
        "troops",
        "events",
        "agreements",
        "economy",
        "projections",
    ] {
        let o = sma_dash(&["export", series, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{series}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let rows = v
            .as_array()
            .unwrap_or_else(|| panic!("{series} is not an array"));
        assert!(!rows.is_empty(), "{series}");
        for row in rows {
            assert!(row["dataset_version"].is_string(), "{series}");
            assert!(
                row["assumptions"].as_str().unwrap().contains("horizon="),
                "{series}"
            );
        }
    }
}

#[test]
fn export_writes_a_file_whole_and_names_a_bad_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.csv");
    std::fs::write(&path, "old").unwrap();
    let o = sma_dash(&["export", "events", "-o", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("id,date,end,kind,agreement,round,headline,"));
    assert!(written.contains("sma-10-round-1,2018-03-07,2018-03-09,round,sma-10,1,"));
    // Nothing left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let o = sma_dash(&["export", "events", "-o", "/nonexistent/dir/events.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "sma-dash: cannot write /nonexistent/dir/events.csv: No such file or directory (os error 2)"
    );
}

#[test]
fn export_in_real_terms_uses_the_base_year() {
    let o = sma_dash(&["export", "contributions", "--real", "2020"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // 2020 money of 2020 is itself.
    assert!(out.contains("\n2020,1038.9,"), "{out}");
    let y2014 = out.lines().find(|l| l.starts_with("2014,")).unwrap();
    // 920.0 × 100 / 94.20 = 976.6
    assert!(y2014.starts_with("2014,976.6,"), "{y2014}");
}

#[test]
fn render_prints_one_frame_after_the_keys() {
    let o = sma_dash(&[
        "render",
        "--width",
        "80",
        "--height",
        "24",
        "--keys",
        "g/Honolulu<enter><enter>",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 24);
    assert!(out.lines().all(|l| l.chars().count() <= 80));
    assert!(out.contains("Honolulu"), "{out}");
    assert!(out.contains("Chang Won-sam"), "{out}");
    assert!(!out.contains('\x1b'), "plain text has no escapes");
    let o = sma_dash(&["render", "--width", "80", "--height", "24", "--ansi"]);
    assert!(stdout(&o).contains("\x1b[0;"), "--ansi keeps the colours");
}

#[test]
fn render_refuses_bad_sizes_and_keys() {
    for args in [
        &["render", "--width", "0"][..],
        &["render", "--height", "5000"],
        &["render", "--keys", "<nokey>"],
        &["render", "--keys", "<enter"],
    ] {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("invalid value"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_bad_config_is_refused_before_the_screen_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[start]\nfocus = \"costs\"\nzoom = true\n").unwrap();
    for args in [&[][..], &["render"], &["config", "--print"]] {
        let mut all = vec!["--config", path.to_str().unwrap()];
        all.extend_from_slice(args);
        let o = sma_dash(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with(&format!(
                "{}:3:1: expected one of focus, metric,",
                path.display()
            )),
            "{err}"
        );
        assert!(
            err.trim_end().ends_with("1 problem in the configuration"),
            "{err}"
        );
        assert!(!err.contains('\x1b'), "the terminal was not taken");
    }
}

#[test]
fn config_print_shows_the_user_file_over_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[keys.anywhere]\nquit = [\"ctrl-q\"]\n[assumptions]\nkorean_cpi = 3.5\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sma-dash"))
        .args(["config", "--print"])
        .env("SMA_DASH_CONFIG", &path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("quit = [\"ctrl-q\"]"), "{out}");
    assert!(out.contains("korean_cpi = 3.5"), "{out}");
    assert!(out.contains("horizon = 2035"), "{out}");
    // The config steers the frame `render` draws: 3.5 % from the start.
    let o = Command::new(env!("CARGO_BIN_EXE_sma-dash"))
        .args(["render", "--width", "120", "--height", "40"])
        .env("SMA_DASH_CONFIG", &path)
        .output()
        .unwrap();
    assert!(stdout(&o).contains("3.5 %"), "{}", stdout(&o));
    // A named file that is not there is an error, not a silent default.
    let o = Command::new(env!("CARGO_BIN_EXE_sma-dash"))
        .args(["config", "--print"])
        .env("SMA_DASH_CONFIG", dir.path().join("missing.toml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.toml: cannot read the config file"));
}

#[test]
fn help_and_version_answer() {
    let o = sma_dash(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("sma-dash "));
    for sub in [
        &["--help"][..],
        &["project", "--help"],
        &["export", "--help"],
        &["render", "--help"],
        &["config", "--help"],
    ] {
        let o = sma_dash(sub);
        assert_eq!(o.status.code(), Some(0), "{sub:?}");
        assert!(stdout(&o).contains("Examples:"), "{sub:?}");
    }
}
