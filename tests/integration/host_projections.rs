//! `--host` on `project`, `export` and `chart`: Japan's projections (the FY2022–26
//! plan, the renewal, the $8 bn demand) through the same code as Korea's, Japan's
//! files in yen by fiscal year, both hosts in one file with a `host` column.

use std::collections::HashMap;

use super::cli::sma_dash;

fn stdout(args: &[&str]) -> String {
    let o = sma_dash(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Japan's HNS totals as `export contributions --host jp` writes them, in ¥ bn.
fn japan_recorded(year: &str) -> f64 {
    let text = stdout(&["export", "contributions", "--host", "jp"]);
    let rows = rows(&text);
    let row = rows
        .iter()
        .find(|r| r["fiscal_year"] == year)
        .unwrap_or_else(|| panic!("no FY{year}"));
    row["jpy_bn"].parse().unwrap()
}

#[test]
fn japan_plan_years_share_what_the_plan_total_leaves_after_the_recorded_years() {
    let recorded: f64 = ["2022", "2023", "2024"]
        .iter()
        .map(|y| japan_recorded(y))
        .sum();
    // ¥1,055.1 bn (10551 × ¥100 m) less FY2022–24, over FY2025 and FY2026.
    let share_bn = (1055.1 - recorded) / 2.0;
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["project", "--host", "jp", "--format", "json"])).unwrap();
    let rows = json["rows"].as_array().unwrap();
    for scenario in ["fy2022-plan", "renewal", "demand-8bn", "custom"] {
        for year in [2025, 2026] {
            let row = rows
                .iter()
                .find(|r| r["scenario"] == scenario && r["fiscal_year"] == year)
                .unwrap_or_else(|| panic!("{scenario} FY{year}"));
            let value = row["jpy_bn"].as_f64().unwrap();
            assert!(
                (value - share_bn).abs() < 1e-9,
                "{scenario} FY{year}: {value}"
            );
            assert_eq!(row["status"], "projected");
            assert!(
                row["driver"]
                    .as_str()
                    .unwrap()
                    .contains("FY2022–26 plan's ¥1,055.1 bn"),
                "{row}"
            );
            assert!(row.get("krw_bn").is_none());
        }
    }
    // The $8 bn demand from FY2027, at the assumed rate.
    let demand = rows
        .iter()
        .find(|r| r["scenario"] == "demand-8bn" && r["fiscal_year"] == 2027)
        .unwrap();
    let rate: f64 = json["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "jpy_per_usd")
        .unwrap()["value"]
        .as_f64()
        .unwrap();
    assert!((demand["jpy_bn"].as_f64().unwrap() - 8_000.0 * rate / 1_000.0).abs() < 0.01);
}

#[test]
fn japan_files_say_yen_and_fiscal_years() {
    let csv = stdout(&["project", "--host", "jp", "--format", "csv", "--usd"]);
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("fiscal_year,scenario,"), "{header}");
    assert!(header.contains(",jpy_bn,") && header.contains(",jpy_per_usd,"));
    assert!(!header.contains("krw"), "{header}");
    assert!(
        csv.contains("japanese_cpi="),
        "the assumptions name Japan's CPI"
    );
    let table = stdout(&["project", "--host", "jp", "--horizon", "2030"]);
    assert!(
        table.starts_with("Japan's host-nation support by scenario, bn yen, nominal"),
        "{table}"
    );
    assert!(table.lines().any(|l| l.starts_with("FY2025 ")), "{table}");
    assert!(
        table.contains("FY2024 recorded + FY2025–26 projected"),
        "{table}"
    );
    let banded = rows(&stdout(&[
        "project", "--host", "jp", "--format", "csv", "--band",
    ]));
    assert_eq!(
        banded[0]["band"],
        "japanese_cpi ±1 pp; us_cpi ±1 pp; jpy_per_usd ±10 %"
    );
    let renewal = banded
        .iter()
        .find(|r| r["scenario"] == "renewal" && r["fiscal_year"] == "2028")
        .unwrap();
    let low: f64 = renewal["jpy_bn_low"].parse().unwrap();
    assert!(low < renewal["jpy_bn"].parse::<f64>().unwrap());
    let economy = stdout(&["export", "economy", "--host", "jp"]);
    assert!(economy.starts_with("year,japanese_cpi_pct,"), "{economy}");
}

#[test]
fn both_hosts_share_one_file_with_a_host_column_korea_unchanged() {
    let korea = rows(&stdout(&["project", "--format", "csv"]));
    let both = rows(&stdout(&["project", "--host", "all", "--format", "csv"]));
    let (kr, jp): (Vec<_>, Vec<_>) = both.iter().partition(|r| r["host"] == "kr");
    assert_eq!(kr.len(), korea.len());
    assert!(jp.iter().all(|r| r["host"] == "jp"));
    assert!(jp.iter().any(|r| r["scenario"] == "demand-8bn"));
    for (k, alone) in kr.iter().zip(&korea) {
        for column in ["year", "scenario", "krw_bn", "driver", "span"] {
            assert_eq!(k[column], alone[column], "{column}");
        }
        assert_eq!(k["jpy_bn"], "");
    }
    for j in &jp {
        assert_eq!((j["year"].as_str(), j["krw_bn"].as_str()), ("", ""));
    }
    let exported = rows(&stdout(&["export", "contributions", "--host", "all"]));
    assert!(
        exported
            .iter()
            .any(|r| r["host"] == "kr" && r["year"] == "2014")
    );
    assert!(
        exported
            .iter()
            .any(|r| r["host"] == "jp" && r["fiscal_year"] == "2023")
    );
}

#[test]
fn an_assumption_of_the_host_left_out_is_refused_and_japans_own_moves_japan() {
    let o = sma_dash(&["project", "--host", "jp", "--cpi", "3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--cpi sets Korea's figures"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let renewal = |cpi: &str| {
        let csv = stdout(&[
            "project", "--host", "jp", "--format", "csv", "--jp-cpi", cpi,
        ]);
        rows(&csv)
            .into_iter()
            .find(|r| r["scenario"] == "renewal" && r["fiscal_year"] == "2028")
            .unwrap()["jpy_bn"]
            .parse::<f64>()
            .unwrap()
    };
    assert!(renewal("3") > renewal("1"));
}

#[test]
fn a_japan_chart_is_drawn_in_yen_by_fiscal_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jp.svg");
    let shown = path.display().to_string();
    stdout(&["chart", "costs", "--host", "jp", "--svg", &shown]);
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(
        svg.contains("Japan’s host-nation support") || svg.contains("Japan's host-nation support")
    );
    assert!(svg.contains("billion yen"), "the unit names yen");
    assert!(
        svg.contains("FY2025"),
        "the projected span names fiscal years"
    );
    let troops = dir.path().join("troops.svg");
    let troops_shown = troops.display().to_string();
    stdout(&["chart", "troops", "--host", "jp", "--svg", &troops_shown]);
    let svg = std::fs::read_to_string(&troops).unwrap();
    assert!(svg.contains("<title>US troops in Japan"), "{svg}");
    assert!(!svg.contains("28,500"), "Korea's floor is not Japan's");
    let o = sma_dash(&["chart", "costs", "--host", "all", "--svg", &shown]);
    assert_eq!(o.status.code(), Some(2));
    // The hosts chart shows both: --host all (or none) only.
    let o = sma_dash(&["chart", "hosts", "--host", "jp", "--svg", &shown]);
    assert_eq!(o.status.code(), Some(2));
    stdout(&["chart", "hosts", "--host", "all", "--svg", &shown]);
}

#[test]
fn chart_hosts_draws_the_measure_asked_and_refuses_what_does_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let svg = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    // Without --measure: per US service member, as before the option came.
    stdout(&["chart", "hosts", "--svg", &path("default.svg")]);
    stdout(&[
        "chart",
        "hosts",
        "--measure",
        "per-member",
        "--svg",
        &path("pm.svg"),
    ]);
    assert_eq!(svg("default.svg"), svg("pm.svg"));
    assert!(svg("pm.svg").contains("<title>What each host pays per US service member"));
    // Each measure in its unit.
    for (name, unit) in [
        ("dollars", "$ million, nominal, at each year's rate"),
        ("defense-budget", "% of the host's defense budget"),
        ("gdp", "% of the host's nominal GDP"),
    ] {
        let file = format!("{name}.svg");
        stdout(&["chart", "hosts", "--measure", name, "--svg", &path(&file)]);
        assert!(svg(&file).contains(unit), "{name}: {unit}");
        assert!(
            svg(&file).contains("Gaps, where an input is missing: "),
            "{name}"
        );
    }
    // Real dollars of the base year --real gives.
    stdout(&[
        "chart",
        "hosts",
        "--measure",
        "real-dollars",
        "--real",
        "2020",
        "--svg",
        &path("real.svg"),
    ]);
    assert!(svg("real.svg").contains("$ million of 2020 (US CPI-U)"));
    // --real changes only real dollars; --measure only the hosts chart.
    let o = sma_dash(&["chart", "hosts", "--real", "2020", "--svg", &path("x.svg")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--measure real-dollars"));
    // A base year past the record: US CPI-U assumed reaches it, and the horizon bounds
    // it, in the image and in `export measures` as on the dashboard.
    let real_2040 = |us_cpi: &str, name: &str| {
        stdout(&[
            "chart",
            "hosts",
            "--measure",
            "real-dollars",
            "--real",
            "2040",
            "--horizon",
            "2040",
            "--us-cpi",
            us_cpi,
            "--svg",
            &path(name),
        ]);
        svg(name)
    };
    assert_ne!(real_2040("2", "a.svg"), real_2040("5", "b.svg"));
    let measures = |us_cpi: &str| {
        stdout(&[
            "export",
            "measures",
            "--real",
            "2040",
            "--horizon",
            "2040",
            "--us-cpi",
            us_cpi,
        ])
    };
    assert_ne!(measures("2"), measures("5"));
    for flag in [["--us-cpi", "5"], ["--horizon", "2040"]] {
        let o = sma_dash(&["chart", "hosts", flag[0], flag[1], "--svg", &path("x.svg")]);
        assert_eq!(o.status.code(), Some(2), "{flag:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(&format!(
                "chart hosts: {} shapes the real dollars of a base year: give it with --measure real-dollars",
                flag[0]
            )),
            "{flag:?}"
        );
    }
    let o = sma_dash(&[
        "chart",
        "costs",
        "--measure",
        "gdp",
        "--svg",
        &path("x.svg"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("--measure does not apply to this chart (only to hosts)")
    );
    let o = sma_dash(&[
        "chart",
        "hosts",
        "--measure",
        "euros",
        "--svg",
        &path("x.svg"),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn japan_s_contributions_and_measures_name_each_figure_s_budget_basis_alike() {
    let contributions = rows(&stdout(&["export", "contributions", "--host", "jp"]));
    // Both hosts' rows: Japan's are those of host `jp`.
    let measures = rows(&stdout(&["export", "measures"]));
    let basis = |rows: &[HashMap<String, String>], year_column: &str, year: &str| {
        rows.iter()
            .find(|r| r[year_column] == year)
            .map(|r| r["budget_basis"].clone())
            .unwrap()
    };
    assert_eq!(
        basis(&contributions, "fiscal_year", "2014"),
        "initial budget, expenditure basis"
    );
    assert_eq!(
        basis(&contributions, "fiscal_year", "2005"),
        "government draft budget"
    );
    // A gap has no figure, so no basis.
    assert_eq!(basis(&contributions, "fiscal_year", "2013"), "");
    // Every year both files hold, the same words.
    for c in &contributions {
        let year = &c["fiscal_year"];
        if let Some(m) = measures
            .iter()
            .find(|m| m["host"] == "jp" && &m["year"] == year)
        {
            assert_eq!(c["budget_basis"], m["budget_basis"], "FY{year}");
        }
    }
    // Korea's SMA total is the amount agreed: no budget basis.
    let korea = rows(&stdout(&["export", "contributions"]));
    assert!(korea.iter().all(|r| r["budget_basis"].is_empty()));
}
