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

/// The rows of a CSV file, each as column name → cell.
fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The row of `rows` whose cells include every `(column, value)` of `key`.
fn find<'a>(
    rows: &'a [std::collections::HashMap<String, String>],
    key: &[(&str, &str)],
) -> &'a std::collections::HashMap<String, String> {
    rows.iter()
        .find(|r| {
            key.iter()
                .all(|(c, v)| r.get(*c).map(String::as_str) == Some(*v))
        })
        .unwrap_or_else(|| panic!("no row with {key:?}"))
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
    assert_eq!(
        out.lines().next(),
        Some(
            "year,scenario,status,basis,krw_bn,krw_origin,krw_per_usd,rate,capped,rule_extended,driver,dataset_version,assumptions"
        )
    );
    let rows = csv_rows(&out);
    let r2026 = find(&rows, &[("year", "2026"), ("scenario", "12th-sma")]);
    assert_eq!(
        (
            r2026["krw_bn"].as_str(),
            r2026["status"].as_str(),
            r2026["krw_origin"].as_str()
        ),
        ("1519.2", "recorded", "published")
    );
    // 1,519.2 × 1.021 × 1.02³ = 1,646.0
    let r2030 = find(&rows, &[("year", "2030"), ("scenario", "12th-sma")]);
    assert_eq!(
        (
            r2030["krw_bn"].as_str(),
            r2030["status"].as_str(),
            r2030["krw_origin"].as_str()
        ),
        ("1646.0", "projected", "computed")
    );
    assert_eq!(r2030["driver"], "+2.0 % (2028 CPI, assumed), cap 5 %");
    assert_eq!(r2030["basis"], "nominal");
    assert!(!r2030["assumptions"].contains("base_year"), "nominal");
    // A demand is in dollars: its won are converted, at the assumed rate.
    let demand = find(&rows, &[("year", "2030"), ("scenario", "demand-5bn")]);
    assert_eq!(
        (demand["krw_origin"].as_str(), demand["rate"].as_str()),
        ("converted", "assumed")
    );
    // Five scenarios, 2026 to 2030 each.
    assert_eq!(rows.len(), 5 * 5);
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
    assert!(out.starts_with(
        "year,scenario,status,basis,krw_bn,krw_origin,usd_m,usd_origin,krw_per_usd,rate,"
    ));
    let rows = csv_rows(&out);
    // $5 bn at 1,400 won per dollar: 7,000 bn won; the dollars are the demand's own.
    let r = find(&rows, &[("year", "2028"), ("scenario", "demand-5bn")]);
    assert_eq!(
        (
            r["krw_bn"].as_str(),
            r["krw_origin"].as_str(),
            r["usd_m"].as_str(),
            r["usd_origin"].as_str(),
            r["krw_per_usd"].as_str()
        ),
        ("7000.0", "converted", "5000.0", "computed", "1400.00")
    );
    let r = find(&rows, &[("year", "2028"), ("scenario", "12th-sma")]);
    assert_eq!(
        (
            r["krw_origin"].as_str(),
            r["usd_origin"].as_str(),
            r["rate"].as_str()
        ),
        ("computed", "converted", "assumed")
    );
}

#[test]
fn project_table_marks_capped_years_and_totals() {
    let o = sma_dash(&["project", "--cpi", "7"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("total 2026–30   12th-sma"), "{out}");
    assert!(out.contains("total 2026–35   12th-sma"), "{out}");
    let y2028 = out.lines().find(|l| l.starts_with("2028")).unwrap();
    assert!(y2028.contains('*'), "{y2028}");
    assert!(
        out.contains("* the agreement's cap bound this year"),
        "{out}"
    );
    // Past 2030 the 12th SMA's rule is extended, and says so.
    let y2031 = out.lines().find(|l| l.starts_with("2031")).unwrap();
    assert!(y2031.contains('†'), "{y2031}");
    assert!(
        out.contains(
            "† projected with an agreement's rule past its end: 12th SMA rule extended past 2030"
        ),
        "{out}"
    );
}

#[test]
fn project_footnotes_only_what_a_row_carries_and_totals_name_their_years() {
    // At 2 % the cap never binds, and a horizon of 2027 sums two years; the 12th SMA's
    // rule is not yet extended (the 11th's is, past 2025).
    let o = sma_dash(&["project", "--cpi", "2", "--horizon", "2027"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('*'), "{out}");
    let y2027 = out.lines().find(|l| l.starts_with("2027")).unwrap();
    assert_eq!(y2027.matches('†').count(), 1, "{y2027}");
    assert!(
        out.contains("its end: 11th SMA rule extended past 2025\n"),
        "{out}"
    );
    assert!(out.contains("total 2026–27   12th-sma"), "{out}");
    assert!(!out.contains("2026–30"), "{out}");
    // Dollars: rows and totals in one unit.
    let o = sma_dash(&["project", "--usd", "--horizon", "2027"]);
    let out = stdout(&o);
    let row = out.lines().find(|l| l.starts_with("2027")).unwrap();
    let total = out
        .lines()
        .find(|l| l.starts_with("total 2026–27   12th-sma"))
        .unwrap();
    assert!(row.contains(" ($"), "{row}");
    assert!(total.contains(" ($"), "{total}");
    assert!(!total.contains(" m)"), "{total}");
    assert!(
        out.lines().next().unwrap().contains("$ m, nominal"),
        "{out}"
    );
}

#[test]
fn project_json_records_assumptions_and_version() {
    let o = sma_dash(&["project", "--format", "json", "--real", "2020"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["basis"], "real");
    assert_eq!(v["base_year"], 2020);
    assert!(v["dataset_version"].is_string());
    assert!(
        v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "korean_cpi")
    );
    assert!(!v["rows"].as_array().unwrap().is_empty());
    let nominal = sma_dash(&["project", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&nominal.stdout).unwrap();
    assert_eq!(v["basis"], "nominal");
    assert!(
        v.get("base_year").is_none(),
        "no base year stamped on nominal amounts"
    );
    assert!(
        !v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "base_year")
    );
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
    let rows = csv_rows(&stdout(&o));
    // 2027's 7 % reaches 2029 through the two-year lag, where the 5 % cap binds.
    let r2029 = find(&rows, &[("year", "2029"), ("scenario", "12th-sma")]);
    assert_eq!(
        (r2029["krw_bn"].as_str(), r2029["capped"].as_str()),
        ("1661.2", "true")
    );
    assert_eq!(r2029["driver"], "+5.0 %, the cap (2027 CPI 7.0 %, assumed)");
    let r2030 = find(&rows, &[("year", "2030"), ("scenario", "12th-sma")]);
    assert_eq!(r2030["krw_bn"], "1694.5");
    // The override is in every row's stamp.
    assert!(
        r2030["assumptions"].contains("korean_cpi=2 (2027: 7)"),
        "{r2030:?}"
    );
    let o = sma_dash(&["project", "--cpi", "2,2027=70"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("found 70"));
}

#[test]
fn export_contributions_as_csv_records_version_and_assumptions() {
    let o = sma_dash(&["export", "contributions", "--cpi", "3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out.lines().next(),
        Some(
            "year,basis,krw_bn,krw_origin,usd_m,usd_origin,krw_per_usd,confidence,note,sources,dataset_version,assumptions"
        )
    );
    let rows = csv_rows(&out);
    let y2014 = find(&rows, &[("year", "2014")]);
    assert_eq!(
        (
            y2014["krw_bn"].as_str(),
            y2014["krw_origin"].as_str(),
            y2014["usd_m"].as_str(),
            y2014["usd_origin"].as_str(),
            y2014["sources"].as_str(),
            y2014["basis"].as_str()
        ),
        (
            "920.0",
            "published",
            "866.9",
            "published",
            "R01; R08; R09; R02",
            "nominal"
        )
    );
    assert!(y2014["assumptions"].contains("korean_cpi=3;"), "{y2014:?}");
    // A year with only a dollar figure has no won figure made up for it.
    let y1993 = find(&rows, &[("year", "1993")]);
    assert_eq!(
        (y1993["krw_bn"].as_str(), y1993["usd_m"].as_str()),
        ("", "220.0")
    );
    // The notes the data carries are kept.
    let y1991 = find(&rows, &[("year", "1991")]);
    assert!(
        y1991["note"].contains("the won figure is approximate"),
        "{y1991:?}"
    );
    assert_eq!(rows.len(), 36);
    // With --usd every year has dollars, the converted ones said to be so.
    let o = sma_dash(&["export", "contributions", "--usd"]);
    let rows = csv_rows(&stdout(&o));
    let y2018 = find(&rows, &[("year", "2018")]);
    assert_eq!(y2018["usd_origin"], "converted");
    assert_eq!(y2018["krw_per_usd"], "1099.29");
    assert_eq!(find(&rows, &[("year", "2014")])["usd_origin"], "published");
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
            // The assumptions where they shape the numbers, and only there.
            match series {
                "contributions" | "projections" => assert!(
                    row["assumptions"].as_str().unwrap().contains("horizon="),
                    "{series}"
                ),
                _ => assert!(row.get("assumptions").is_none(), "{series}"),
            }
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
fn export_in_real_terms_uses_the_base_year_and_says_so() {
    let o = sma_dash(&["export", "contributions", "--real", "2020"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("year,basis,base_year,krw_bn,"), "{out}");
    let rows = csv_rows(&out);
    // 2020 money of 2020 is itself.
    let y2020 = find(&rows, &[("year", "2020")]);
    assert_eq!(
        (
            y2020["krw_bn"].as_str(),
            y2020["basis"].as_str(),
            y2020["base_year"].as_str()
        ),
        ("1038.9", "real", "2020")
    );
    // 920.0 × 100 / 94.20 = 976.6
    assert_eq!(find(&rows, &[("year", "2014")])["krw_bn"], "976.6");
    assert!(y2020["assumptions"].contains("base_year=2020"), "{y2020:?}");
    // The same series nominal cannot be mistaken for it.
    let nominal = stdout(&sma_dash(&["export", "contributions"]));
    assert_ne!(nominal.lines().next(), out.lines().next());
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
