//! Japan's dataset: the loader and the checks for a second host (each new check with a
//! broken fixture asserting file, line, column and message), and the figures of the
//! facts sheet's §N as stored, with the gaps kept as gaps.

use std::path::Path;

use sma_dash::data::{
    BudgetBasis, Confidence, DataFile, Dataset, Host, Hosts, ReportedKind, load, read_dir,
};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Korea's minimal fixture, and Japan's with the files of
/// `tests/fixtures/broken-japan/<case>` laid over it, loaded as two hosts.
fn load_case(case: &str) -> Vec<String> {
    let korea = read_dir(&fixtures().join("minimal")).unwrap();
    let mut japan = read_dir(&fixtures().join("minimal-japan")).unwrap();
    let overlay = fixtures().join("broken-japan").join(case);
    for file in &mut japan {
        let path = overlay.join(file.name);
        if path.exists() {
            *file = DataFile {
                name: file.name,
                shown_as: format!("japan/{}", file.name),
                text: std::fs::read_to_string(path).unwrap(),
            };
        }
    }
    let err = Hosts::load(&korea, Some(&japan)).expect_err("a broken fixture must not load");
    err.diagnostics.iter().map(|d| d.to_string()).collect()
}

fn assert_case(case: &str, expected: &[&str]) {
    assert_eq!(load_case(case), expected, "fixture broken-japan/{case}");
}

#[test]
fn korea_s_names_are_refused_in_japan_s_files() {
    assert_case(
        "korean-names",
        &[
            "japan/agreements.toml:7:12: expected `usd+jpy` in Japan's dataset, found `usd+krw`, a name of Korea's",
            "japan/agreements.toml:9:17: expected `jp` in Japan's dataset, found `rok`, a name of Korea's",
            "japan/contributions.toml:4:1: expected `jpy_100m` in Japan's dataset, found `krw_100m`, a name of Korea's",
            "japan/economy.toml:1:3: expected `japanese_cpi` in Japan's dataset, found `korean_cpi`, a name of Korea's",
            "japan/economy.toml:12:1: expected `jpy_per_usd` in Japan's dataset, found `krw_per_usd`, a name of Korea's",
        ],
    );
}

#[test]
fn a_japan_figure_says_its_budget_basis_and_a_gap_has_none() {
    assert_case(
        "basis",
        &[
            "japan/contributions.toml:1:1: expected basis (initial-budget, government-draft, contract, settled or not-stated) on a Japan figure, found none",
            "japan/contributions.toml:11:9: expected a basis only beside an amount, found \"settled outlays\" on a year without one",
            "japan/contributions.toml:19:9: expected one of `initial-budget`, `government-draft`, `contract`, `settled`, `not-stated`, found unknown value `budget`",
        ],
    );
}

#[test]
fn a_contribution_names_the_agreement_covering_its_year() {
    // FY2021 has no agreement in the fixture, so it needs none; FY2022 has one.
    assert_case(
        "agreement-missing",
        &[
            "japan/contributions.toml:8:1: expected agreement = \"jp-sma-2022\" (it covers 2022), found none",
        ],
    );
}

#[test]
fn a_grand_total_includes_the_count_and_a_break_says_why() {
    assert_case(
        "troop-totals",
        &[
            "japan/troops.toml:4:15: expected a grand total at or above troops 32803, found 30000",
            "japan/troops.toml:11:15: expected a grand total only beside a count (troops), found it alone",
            "japan/troops.toml:12:16: expected why the count breaks with the year before, found \"\"",
        ],
    );
}

#[test]
fn the_narrow_defense_budget_fits_in_the_total_with_its_definition() {
    assert_case(
        "narrow-budget",
        &[
            "japan/economy.toml:18:17: expected the narrow figure at most the total 5.4005 (jpy_tn), found 5.5",
            "japan/economy.toml:26:17: expected narrow_definition (what narrow_jpy_tn leaves out) beside it, found none",
            "japan/economy.toml:33:21: expected a definition only beside narrow_jpy_tn, found it alone",
            "japan/economy.toml:34:14: expected a percentage from -100 to 1000, found 2000",
        ],
    );
}

#[test]
fn gdp_gets_the_checks_of_every_series_and_names_its_vintage() {
    assert_case(
        "gdp",
        &[
            "japan/economy.toml:24:11: expected the vintage the figure is from, found \"\"",
            "japan/economy.toml:29:8: expected years in ascending order, found 2022 after 2023",
            "japan/economy.toml:30:10: expected a positive number, found -1",
            "japan/economy.toml:33:12: expected a source id from sources.toml, found unknown \"J99\"",
        ],
    );
}

#[test]
fn a_plan_total_and_a_fiscal_year_rate_are_amounts_in_bounds() {
    assert_case(
        "rates-and-plan",
        &[
            "japan/agreements.toml:13:17: expected a non-negative amount, found -5",
            "japan/economy.toml:13:27: expected a positive number, found 0",
        ],
    );
}

#[test]
fn japan_s_sources_may_not_take_an_id_of_the_shared_us_cpi_s() {
    assert_case(
        "shared-source-id",
        &[
            "japan/sources.toml:15:6: expected an id not taken by the sources of Korea's US CPI-U, which this dataset shares, found \"R01\"",
        ],
    );
}

#[test]
fn a_figure_in_dollars_on_a_yen_agreement_belongs_in_reported() {
    assert_case(
        "dollar-figure",
        &[
            "japan/contributions.toml:4:9: expected an amount in yen (\"jp-sma-2022\" was agreed in yen), found usd_m; a figure in the other currency goes in [[contribution.reported]]",
        ],
    );
}

#[test]
fn a_japan_file_s_problems_name_the_yen_not_the_won() {
    assert_case(
        "currency-words",
        &[
            "japan/agreements.toml:12:43: expected a fixed rule with jpy_100m or usd_m, found neither",
            "japan/contributions.toml:9:1: expected exactly one of usd_m or jpy_100m in a reported figure, found both",
            "japan/contributions.toml:17:8: expected a positive number of yen per dollar, found -110",
        ],
    );
    for line in load_case("currency-words") {
        for korean in ["won", "krw", "₩", "억원", "Korea"] {
            assert!(!line.contains(korean), "{line}");
        }
    }
}

#[test]
fn every_broken_japan_fixture_has_a_test() {
    let source = include_str!("japan_data.rs");
    for entry in std::fs::read_dir(fixtures().join("broken-japan")).unwrap() {
        let case = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            source.contains(&format!("\"{case}\"")),
            "tests/fixtures/broken-japan/{case} has no assertion"
        );
    }
}

#[test]
fn japan_s_minimal_fixture_loads_alone_and_beside_korea_s() {
    let japan_files = read_dir(&fixtures().join("minimal-japan")).unwrap();
    // Alone it has no US CPI-U: that series is Korea's.
    let alone = load(&japan_files).unwrap();
    assert_eq!(alone.info.host, Host::Japan);
    assert!(alone.us_cpi.is_empty());
    let korea = read_dir(&fixtures().join("minimal")).unwrap();
    let hosts = Hosts::load(&korea, Some(&japan_files)).unwrap();
    let japan = hosts.get(Host::Japan).unwrap();
    assert_eq!(japan.us_cpi, hosts.korea.us_cpi);
    assert!(japan.source("R01").is_some(), "the shared series' source");
}

// ---- The figures of japan.md §N, as stored ----

fn japan() -> Dataset {
    Hosts::embedded()
        .unwrap()
        .japan()
        .cloned()
        .expect("Japan's files are embedded")
}

/// The HNS total of fiscal year `year`, in 100 million yen.
fn hns(d: &Dataset, year: i32) -> Option<f64> {
    d.contribution(year).and_then(|c| c.local_100m)
}

#[test]
fn the_hns_totals_of_section_n_are_stored_exactly() {
    let d = japan();
    let expected = [
        (1978, 62.0),
        (1999, 2756.0),
        (2001, 2573.0),
        (2002, 2500.0),
        (2003, 2460.0),
        (2004, 2441.0),
        (2005, 2378.0),
        (2006, 2326.0),
        (2007, 2173.0),
        (2008, 2083.0),
        (2009, 1928.0),
        (2010, 1881.0),
        (2011, 1858.0),
        (2012, 1867.0),
        (2014, 1848.0),
        (2015, 1899.0),
        (2016, 1920.0),
        (2017, 1946.0),
        (2018, 1968.0),
        (2019, 1974.0),
        (2020, 1993.0),
        (2021, 2017.0),
        (2022, 2056.0),
        (2023, 2112.0),
        (2024, 2124.0),
    ];
    for (year, value) in expected {
        assert_eq!(hns(&d, year), Some(value), "FY{year}");
        let c = d.contribution(year).unwrap();
        assert!(c.basis.is_some(), "FY{year} says its basis");
        assert!(!c.sources.is_empty());
    }
    // Every stored amount is one of these: nothing else is in the series.
    let stored = d
        .contributions
        .iter()
        .filter(|c| c.local_100m.is_some())
        .count();
    assert_eq!(stored, expected.len());
    // The FY2016–20 budgets add up to Kyodo's ¥980.1bn, which settles FY2019 at 197.4.
    let sum: f64 = (2016..=2020).map(|y| hns(&d, y).unwrap()).sum();
    assert_eq!(sum, 9801.0);
    assert_eq!(
        d.contribution(2005).unwrap().basis,
        Some(BudgetBasis::GovernmentDraft)
    );
    assert_eq!(
        d.contribution(2001).unwrap().basis,
        Some(BudgetBasis::NotStated)
    );
}

#[test]
fn conflicting_and_other_basis_figures_are_reported_beside_never_in_the_series() {
    let d = japan();
    let reported = |year: i32, what: ReportedKind| -> Vec<f64> {
        d.contribution(year)
            .unwrap()
            .reported
            .iter()
            .filter(|r| r.what == what)
            .filter_map(|r| r.local_100m)
            .collect()
    };
    assert_eq!(reported(2010, ReportedKind::Reported), [1869.0]);
    assert_eq!(reported(2019, ReportedKind::Reported), [1979.0]);
    assert_eq!(reported(2023, ReportedKind::ContractBasis), [2232.0]);
    assert_eq!(reported(2000, ReportedKind::ContractBasis), [2603.0]);
    assert_eq!(reported(2000, ReportedKind::Settled), [2715.0]);
    assert_eq!(reported(1999, ReportedKind::Settled), [2718.0]);
    assert_eq!(reported(2012, ReportedKind::SmaPortion), [1444.0]);
    assert_eq!(reported(2016, ReportedKind::SmaPortion), [1450.0]);
}

#[test]
fn the_gaps_stay_gaps() {
    let d = japan();
    for year in [1996, 1997, 1998, 2000, 2013, 2025, 2026] {
        let c = d
            .contribution(year)
            .unwrap_or_else(|| panic!("FY{year} has a record"));
        assert_eq!(
            (c.local_100m, c.usd_m, c.basis),
            (None, None, None),
            "FY{year}"
        );
        let note = c.note.as_deref().unwrap_or_default();
        assert!(
            note.contains("not found") || note.contains("Not found"),
            "FY{year}: {note}"
        );
        assert!(
            note.contains("mod.go.jp") || note.contains("Ministry of Finance"),
            "FY{year} says where the official table is: {note}"
        );
    }
    // FY2013's derived 186.0 is in words only.
    assert!(
        d.contribution(2013)
            .unwrap()
            .note
            .as_deref()
            .unwrap()
            .contains("186.0")
    );
    for year in 1979..=1995 {
        assert!(
            d.contribution(year).is_none(),
            "FY{year} is not interpolated"
        );
    }
}

#[test]
fn the_agreements_plans_are_stored_and_the_current_one_expires_on_31_march_2027() {
    let d = japan();
    let plan = |id: &str| d.agreement(id).unwrap().plan_local_100m;
    assert_eq!(plan("jp-sma-2011"), Some(9332.0));
    assert_eq!(plan("jp-sma-2016"), Some(9465.0));
    assert_eq!(plan("jp-sma-2022"), Some(10551.0));
    assert_eq!(d.agreements.len(), 10);
    let expiry = d
        .events
        .iter()
        .find(|e| e.id == "jp-sma-2022-expiry")
        .unwrap();
    assert_eq!(expiry.date.to_string(), "2027-03-31");
    let consent = d
        .events
        .iter()
        .find(|e| e.id == "jp-sma-2022-ratified")
        .unwrap();
    assert!(
        consent.headline.contains("the Diet approves"),
        "{}",
        consent.headline
    );
}

#[test]
fn the_troop_counts_show_the_2008_break() {
    let d = japan();
    let count = |y: i32| d.troop_count(y).unwrap();
    assert_eq!(count(2007).troops, Some(32803));
    assert_eq!(count(2007).grand_total, None);
    assert_eq!(count(2008).troops, Some(42521));
    assert_eq!(count(2008).grand_total, Some(49263));
    assert!(count(2008).series_break.is_some());
    assert!(
        d.troop_counts
            .iter()
            .filter(|t| t.series_break.is_some())
            .count()
            == 1,
        "one break, in 2008"
    );
    assert_eq!(count(2025).troops, Some(53490));
    for year in [2009, 2011, 2013] {
        assert_eq!(count(year).troops, None, "{year} is a gap");
    }
    let levels: Vec<u32> = d.troop_levels.iter().map(|l| l.low).collect();
    assert!(
        levels.contains(&54000) && levels.contains(&55000),
        "{levels:?}"
    );
}

#[test]
fn the_economic_series_are_stored_as_the_sheet_gives_them() {
    let d = japan();
    let rate = d.exchange_rate(2022).unwrap();
    assert_eq!(
        (rate.per_usd, rate.fiscal_year_per_usd),
        (131.4589, Some(135.50))
    );
    assert_eq!(d.exchange_rate(2000).unwrap().per_usd, 107.8040);
    assert_eq!(d.exchange_rates.len(), 26);
    let cpi = d.host_cpi(2025).unwrap();
    assert_eq!((cpi.rate_pct, cpi.published_pct), (None, Some(3.2)));
    assert_eq!(d.host_cpi(2023).unwrap().rate_pct, Some(3.27));
    assert_eq!(d.host_cpi(2020).unwrap().index, 100.0);
    assert!(
        d.host_cpi
            .iter()
            .all(|c| c.index_confidence == Confidence::Derived)
    );
    let budget = d.defense_budget(2026).unwrap();
    assert_eq!(
        (budget.local_tn, budget.narrow_local_tn),
        (9.0353, Some(8.8093))
    );
    assert!(
        d.defense_budget(2000).is_none(),
        "FY2000's total is not found"
    );
    assert_eq!(d.gdp(2024).unwrap().local_bn, 608398.9);
    assert_eq!(d.gdp(2025).unwrap().confidence, Confidence::Uncertain);
    let korea = Hosts::embedded().unwrap().korea;
    assert_eq!(korea.gdp(2025).unwrap().local_bn, 2663300.0);
    assert_eq!(korea.gdp(2000).unwrap().local_bn, 675732.6);
}

#[test]
fn every_japan_record_cites_sources_that_resolve() {
    let d = japan();
    let ids = d.sources_by_id();
    for (citing, sources) in d.citations() {
        for id in sources {
            assert!(ids.contains_key(id.as_str()), "{citing}: {id}");
        }
    }
}
