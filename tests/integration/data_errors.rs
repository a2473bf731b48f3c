//! One broken fixture per kind of data error: each must give the exact file, line,
//! column and message, and never a panic.

use std::path::Path;

use sma_dash::data::{DataFile, load, read_dir};

/// The minimal valid fixture with the files of `tests/fixtures/broken/<case>` laid over it.
fn load_case(case: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = read_dir(&root.join("minimal")).expect("the minimal fixture reads");
    let overlay = root.join("broken").join(case);
    for file in &mut files {
        let path = overlay.join(file.name);
        if path.exists() {
            *file = DataFile {
                name: file.name,
                shown_as: file.name.to_string(),
                text: std::fs::read_to_string(path).unwrap(),
            };
        }
    }
    let err = load(&files).expect_err("a broken fixture must not load");
    err.diagnostics.iter().map(|d| d.to_string()).collect()
}

fn assert_case(case: &str, expected: &[&str]) {
    let got = load_case(case);
    assert_eq!(got, expected, "fixture {case}");
}

#[test]
fn minimal_fixture_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let d = sma_dash::data::Dataset::load_dir(&root).expect("valid");
    assert_eq!(d.contributions.len(), 2);
}

#[test]
fn syntax() {
    assert_case(
        "syntax",
        &["events.toml:6:30: TOML syntax: invalid basic string, expected `\"`"],
    );
}

#[test]
fn unknown_field() {
    assert_case(
        "unknown-field",
        &[
            "contributions.toml:4:1: expected one of `year`, `agreement`, `basis`, `jpy_100m`, `krw_100m`, `usd_m`, `note`, `sources`, `confidence`, `reported`, found unknown field `krw`",
        ],
    );
}

#[test]
fn missing_field() {
    assert_case(
        "missing-field",
        &["events.toml:1:1: expected the required field `headline`, found none"],
    );
}

#[test]
fn wrong_type() {
    assert_case(
        "wrong-type",
        &[
            "contributions.toml:2:8: expected a year as a number, found \"x2018\"",
            "contributions.toml:11:12: expected a number, found \"lots\"",
            "troops.toml:3:10: expected a whole number, 0 or more, found -5",
        ],
    );
}

#[test]
fn bad_date() {
    assert_case(
        "bad-date",
        &[
            "events.toml:5:7: expected a real calendar date, found \"2018-02-30\" (no such month or day)",
        ],
    );
}

#[test]
fn unquoted_date() {
    assert_case(
        "unquoted-date",
        &[
            "events.toml:4:8: expected a quoted date string such as \"2019-02-10\", found an unquoted TOML date (put it in quotes)",
        ],
    );
}

#[test]
fn duplicate_id() {
    assert_case(
        "duplicate-id",
        &[
            "events.toml:15:6: expected a unique id, found \"sma-10-round-1\" again (first at events.toml:1)",
        ],
    );
}

#[test]
fn unknown_source() {
    assert_case(
        "unknown-source",
        &["contributions.toml:5:19: expected a source id from sources.toml, found unknown \"R99\""],
    );
}

#[test]
fn unknown_agreement() {
    assert_case(
        "unknown-agreement",
        &[
            "events.toml:9:13: expected an agreement id from agreements.toml, found unknown \"sma-99\"",
        ],
    );
}

#[test]
fn duplicate_year() {
    assert_case(
        "duplicate-year",
        &[
            "contributions.toml:9:8: expected each year once, found 2018 again (first at contributions.toml:1)",
        ],
    );
}

#[test]
fn year_out_of_range() {
    assert_case(
        "year-out-of-range",
        &["troops.toml:2:8: expected a year from 1945 to 2100, found 2200"],
    );
}

#[test]
fn year_out_of_order() {
    assert_case(
        "year-out-of-order",
        &["contributions.toml:9:8: expected years in ascending order, found 2018 after 2019"],
    );
}

#[test]
fn negative_amount() {
    assert_case(
        "negative-amount",
        &["contributions.toml:4:12: expected a non-negative amount, found -9602"],
    );
}

#[test]
fn negative_cap() {
    assert_case(
        "negative-cap",
        &["agreements.toml:11:84: expected a cap from 0 to 100 percent, found -4"],
    );
}

#[test]
fn impossible_lag() {
    assert_case(
        "impossible-lag",
        &["agreements.toml:11:71: expected a lag of at most 10 years, found 40"],
    );
}

#[test]
fn people_inferred_type() {
    assert_case(
        "people-inferred-type",
        &["events.toml:9:19: expected a list, found true"],
    );
}

#[test]
fn people_inferred_unknown() {
    assert_case(
        "people-inferred-unknown",
        &["events.toml:9:37: expected a name listed in people, found \"Tim Betts\""],
    );
}

#[test]
fn milestone_confidence_without_date() {
    assert_case(
        "milestone-confidence-without-date",
        &[
            "agreements.toml:7:55: expected a date in milestones.consent for this confidence (single source), found none",
        ],
    );
}

#[test]
fn rule_confidence_value() {
    assert_case(
        "rule-confidence-value",
        &[
            "agreements.toml:9:19: expected one of `confirmed`, `single`, `uncertain`, `derived`, found unknown value `unsure`",
        ],
    );
}

#[test]
fn unknown_table() {
    assert_case(
        "unknown-table",
        &[
            "economy.toml:30:3: expected `korean_cpi` or `us_cpi` or `krw_per_usd` or `defense_budget` or `gdp`, found unknown table `inflation`",
        ],
    );
}

#[test]
fn several_problems() {
    assert_case(
        "several-problems",
        &[
            "events.toml:5:7: expected an end on or after 2018-03-07, found 2018-03-01",
            "events.toml:9:13: expected an agreement id from agreements.toml, found unknown \"sma-99\"",
            "events.toml:11:12: expected a source id from sources.toml, found unknown \"R98\"",
        ],
    );
}

#[test]
fn every_broken_fixture_has_a_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let mut cases: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    cases.sort();
    let source = include_str!("data_errors.rs");
    for case in cases {
        assert!(
            source.contains(&format!("\"{case}\"")),
            "tests/fixtures/broken/{case} has no assertion"
        );
    }
}

#[test]
fn a_missing_file_is_named() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let files: Vec<DataFile> = read_dir(&root)
        .unwrap()
        .into_iter()
        .filter(|f| f.name != "troops.toml")
        .collect();
    let err = load(&files).unwrap_err();
    assert_eq!(
        err.to_string(),
        "troops.toml: expected this file, found none\n1 problem in the dataset"
    );
}

#[test]
fn an_unreadable_directory_names_each_file() {
    let err = read_dir(Path::new("/nonexistent/sma")).unwrap_err();
    assert_eq!(err.diagnostics.len(), 7);
    assert!(
        err.diagnostics[0]
            .to_string()
            .starts_with("/nonexistent/sma/dataset.toml: cannot read the file:")
    );
}

#[test]
fn demand_table_only_on_demands_and_required_there() {
    assert_case(
        "demand-misplaced",
        &[
            "events.toml:8:10: expected a demand table only on kind \"demand\", found it on \"round\"",
            "events.toml:12:1: expected a demand table (by, amount, period, answer) on kind \"demand\", found none",
            "events.toml:25:36: expected a non-empty demand.amount, found \"\"",
            "events.toml:31:8: expected one of `round`, `agreed`, `initialed`, `signed`, `ratified`, `in-force`, `expiry`, `lapse`, `demand`, `statement`, `appointment`, `incident`, `troops`, found unknown value `troopz`",
        ],
    );
}

#[test]
fn a_source_has_a_url_or_says_why_not_never_both() {
    assert_case(
        "source-url-and-no-url",
        &[
            "sources.toml:14:10: expected no_url (why a source has no URL) only where url is missing, found both",
        ],
    );
}

#[test]
fn reported_figures_and_the_agreements_currency() {
    assert_case(
        "reported-figure",
        &[
            "contributions.toml:5:9: expected an amount in won (\"sma-9\" was agreed in won), found usd_m; a figure in the other currency goes in [[contribution.reported]]",
            "contributions.toml:9:1: expected exactly one of usd_m or krw_100m in a reported figure, found both",
            "contributions.toml:16:9: expected a non-negative amount, found -1",
            "contributions.toml:18:8: expected a positive number of won per dollar, found 0",
            "contributions.toml:19:12: expected a source id from sources.toml, found unknown \"NOPE\"",
        ],
    );
}

#[test]
fn japan_s_names_are_refused_in_korea_s_files() {
    assert_case(
        "japanese-names",
        &[
            "agreements.toml:22:17: expected `rok` in Korea's dataset, found `jp`, a name of Japan's",
            "contributions.toml:4:1: expected `krw_100m` in Korea's dataset, found `jpy_100m`, a name of Japan's",
            "economy.toml:19:1: expected `krw_per_usd` in Korea's dataset, found `jpy_per_usd`, a name of Japan's",
        ],
    );
}
