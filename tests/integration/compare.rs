//! The comparison of the hosts as a user reaches it: `export shares`, `export measures`,
//! `chart hosts`, and a broken `shares.toml` in `--data DIR`.

use std::path::Path;

use serde_json::Value;

use super::cli::sma_dash;

fn json_rows(args: &[&str]) -> Vec<Value> {
    let o = sma_dash(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn export_shares_writes_each_estimate_with_its_definition() {
    let rows = json_rows(&["export", "shares", "--format", "json"]);
    let row = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    };
    let jp = row("dod-2004-jp");
    assert_eq!(jp["value_pct"], 74.5);
    assert_eq!(jp["host"], "jp");
    assert!(
        jp["definition"]
            .as_str()
            .unwrap()
            .contains("US non-personnel stationing costs")
    );
    let kr = row("dod-2004-kr");
    assert_eq!(kr["value_pct"], 40.0);
    let gao = row("gao-21-270-kr-share");
    assert_eq!(gao["value_pct"], 30.2);
    assert_eq!(gao["confidence"], "derived");
    assert_eq!(gao["us_military_pay"], "included");
    let seed = row("thehill-2018-kr");
    assert_eq!(seed["value"], "a little less than half of the total cost");
    // Every row has a definition, and Germany's 32.6 % is not among them.
    assert!(
        rows.iter()
            .all(|r| r["definition"].as_str().is_some_and(|d| !d.is_empty()))
    );
    assert!(
        !rows
            .iter()
            .any(|r| r["host"] == "de" && r["value_pct"] == 32.6)
    );
    let csv = String::from_utf8(sma_dash(&["export", "shares"]).stdout).unwrap();
    assert!(
        csv.starts_with("id,host,year,to,year_basis,data_year,value_pct,"),
        "{csv}"
    );
}

/// The stored figure of `field` in `host`'s `file` for `year`, read from the TOML.
fn stored(file: &str, table: &str, year: i32, field: &str) -> f64 {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let record = doc[table]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["year"].as_integer() == Some(i64::from(year)))
        .unwrap_or_else(|| panic!("no {table} {year} in {file}"));
    let v = &record[field];
    v.as_float()
        .or_else(|| v.as_integer().map(|i| i as f64))
        .unwrap_or_else(|| panic!("no {field} in {table} {year} of {file}"))
}

#[test]
fn export_measures_gives_both_hosts_per_member_dollars_as_computed_by_hand() {
    let rows = json_rows(&["export", "measures", "--format", "json"]);
    let row = |host: &str, year: i64| {
        rows.iter()
            .find(|r| r["host"] == host && r["year"] == year)
            .unwrap_or_else(|| panic!("no row {host} {year}"))
    };
    let korea = row("kr", 2019);
    let by_hand = stored(
        "assets/contributions.toml",
        "contribution",
        2019,
        "krw_100m",
    ) * 100.0
        / stored("assets/economy.toml", "krw_per_usd", 2019, "krw_per_usd")
        * 1000.0
        / stored("assets/troops.toml", "count", 2019, "troops");
    let got = korea["usd_k_per_member"].as_f64().unwrap();
    assert!((got - by_hand).abs() < 0.005, "{got} vs {by_hand}");

    let japan = row("jp", 2019);
    let rate = stored(
        "assets/japan/economy.toml",
        "jpy_per_usd",
        2019,
        "fiscal_year_jpy_per_usd",
    );
    let by_hand = stored(
        "assets/japan/contributions.toml",
        "contribution",
        2019,
        "jpy_100m",
    ) * 100.0
        / rate
        * 1000.0
        / stored("assets/japan/troops.toml", "count", 2019, "troops");
    let got = japan["usd_k_per_member"].as_f64().unwrap();
    assert!((got - by_hand).abs() < 0.005, "{got} vs {by_hand}");
    assert_eq!(japan["per_usd"].as_f64().unwrap(), rate);
    assert_eq!(japan["year_basis"], "FY2019 (Apr 2019–Mar 2020)");
    assert!(
        japan["payment"]
            .as_str()
            .unwrap()
            .contains("not the SMA portion")
    );
}

#[test]
fn a_year_not_found_stays_missing_with_its_reason() {
    let rows = json_rows(&["export", "measures", "--format", "json"]);
    let gap = rows
        .iter()
        .find(|r| r["host"] == "jp" && r["year"] == 2013)
        .expect("FY2013 has a row");
    for key in [
        "usd_m",
        "real_usd_m",
        "usd_k_per_member",
        "pct_of_defense_budget",
    ] {
        assert_eq!(gap[key], Value::Null, "{key}");
        let why = gap[format!("{key}_missing")].as_str().unwrap();
        assert!(
            why.starts_with("no amount recorded for FY2013"),
            "{key}: {why}"
        );
    }
}

#[test]
fn a_broken_shares_file_is_refused_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "toml") {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    };
    copy(&assets, dir.path());
    copy(&assets.join("japan"), &dir.path().join("japan"));
    let shares = dir.path().join("shares.toml");
    let text = std::fs::read_to_string(&shares).unwrap();
    let broken = text.replacen("value_pct = 74.5", "value_pct = \"high\"", 1);
    let line = broken
        .lines()
        .position(|l| l == "value_pct = \"high\"")
        .unwrap()
        + 1;
    std::fs::write(&shares, broken).unwrap();
    let data = dir.path().display().to_string();
    let o = sma_dash(&["check", "--data", &data]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let expected = format!(
        "{}:{line}:13: expected a number, found \"high\"",
        shares.display()
    );
    assert!(err.contains(&expected), "{err}");
}

#[test]
fn export_measures_takes_the_base_year_of_real_dollars() {
    let rows = json_rows(&["export", "measures", "--real", "2020", "--format", "json"]);
    let row = rows
        .iter()
        .find(|r| r["host"] == "jp" && r["year"] == 2020)
        .unwrap();
    assert_eq!(row["base_year"], 2020);
    // In its own base year a figure's real dollars are its dollars.
    assert_eq!(row["real_usd_m"], row["usd_m"]);
    assert!(
        row["deflator"]
            .as_str()
            .unwrap()
            .starts_with("US CPI-U of 2020")
    );
}

#[test]
fn render_measure_starts_both_hosts_costs_on_the_measure_named() {
    let o = sma_dash(&[
        "render",
        "--host",
        "all",
        "--measure",
        "gdp",
        "--width",
        "80",
        "--height",
        "24",
        "--keys",
        "2:2014<enter>",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let screen = String::from_utf8_lossy(&o.stdout);
    assert!(screen.contains("% of GDP · Korea vs Japan"), "{screen}");
    assert!(screen.contains("KR 2014 ▸ 0.056 % · derived"), "{screen}");
    let o = sma_dash(&["render", "--host", "all", "--measure", "yen"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("per-member"), "{err}");
}
