//! The embedded dataset holds the facts of the March 2018 report that started this
//! project, and is consistent with itself.

use sma_dash::data::{Confidence, Dataset, EventKind, LevelKind};

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset is valid")
}

fn krw(d: &Dataset, year: i32) -> f64 {
    d.contribution(year)
        .and_then(|c| c.local_100m)
        .expect("a won figure")
}

#[test]
fn korea_paid_9200_100m_won_about_867m_dollars_in_2014() {
    let d = dataset();
    let c = d.contribution(2014).unwrap();
    assert_eq!(c.local_100m, Some(9200.0));
    // Agreed in won: the dollars are what the press reported, beside the series.
    assert_eq!(c.usd_m, None);
    assert_eq!(c.reported[0].usd_m, Some(866.86));
    assert_eq!(c.reported[0].sources, ["R09", "R08"]);
    assert_eq!(c.agreement.as_deref(), Some("sma-9"));
}

#[test]
fn korea_paid_9602_in_2018_and_10389_in_2019_up_8_2_percent() {
    let d = dataset();
    assert_eq!(krw(&d, 2018), 9602.0);
    assert_eq!(krw(&d, 2019), 10389.0);
    let growth = (krw(&d, 2019) / krw(&d, 2018) - 1.0) * 100.0;
    assert_eq!((growth * 10.0).round() / 10.0, 8.2);
}

#[test]
fn the_10th_smas_first_round_met_in_honolulu_2018_03_07_to_09() {
    let d = dataset();
    let round = d
        .events
        .iter()
        .find(|e| e.agreement.as_deref() == Some("sma-10") && e.round == Some(1))
        .expect("round 1 of the 10th SMA");
    assert_eq!(round.kind, EventKind::Round);
    assert_eq!(round.date.to_string(), "2018-03-07");
    assert_eq!(
        round.end.map(|d| d.to_string()).as_deref(),
        Some("2018-03-09")
    );
    assert!(round.place.as_deref().unwrap_or("").contains("Honolulu"));
    for name in ["Chang Won-sam", "Timothy Betts"] {
        assert!(round.people.iter().any(|p| p == name), "{name} at round 1");
    }
    let sma10 = d.agreement("sma-10").unwrap();
    assert_eq!(sma10.negotiators.host, ["Chang Won-sam"]);
    assert_eq!(sma10.negotiators.us, ["Timothy Betts"]);
}

#[test]
fn the_9th_sma_expired_on_2018_12_31() {
    let d = dataset();
    assert_eq!(d.agreement("sma-9").unwrap().last_year, 2018);
    let expiry = d
        .events
        .iter()
        .find(|e| e.agreement.as_deref() == Some("sma-9") && e.kind == EventKind::Expiry)
        .expect("the 9th SMA's expiry on the timeline");
    assert_eq!(expiry.date.to_string(), "2018-12-31");
}

#[test]
fn the_headline_level_is_28500_since_2008() {
    let d = dataset();
    for year in [2008, 2018, 2026] {
        let level = d.headline_level(year).expect("a headline level");
        assert_eq!(level.low, 28_500, "{year}");
    }
    assert!(
        d.troop_levels
            .iter()
            .any(|l| l.kind == LevelKind::LegalFloor && l.low == 28_500)
    );
    // Where a single-source figure overlaps a confirmed one, the confirmed one wins.
    assert_eq!(d.headline_level(2004).unwrap().low, 37_000);
}

#[test]
fn each_year_1991_to_2026_appears_once() {
    let d = dataset();
    let years: Vec<i32> = d.contributions.iter().map(|c| c.year).collect();
    assert_eq!(years, (1991..=2026).collect::<Vec<_>>());
}

#[test]
fn years_without_a_won_figure_stay_missing_and_derived_ones_say_so() {
    let d = dataset();
    for year in [1992, 1993, 1994, 1996, 1997, 1998] {
        assert_eq!(d.contribution(year).unwrap().local_100m, None, "{year}");
    }
    for year in [2023, 2024] {
        assert_eq!(
            d.contribution(year).unwrap().confidence,
            Confidence::Derived
        );
    }
    // The derived years chain to the reported 2025 figure.
    let chained = krw(&d, 2024) * 1.042;
    assert!((chained - krw(&d, 2025)).abs() < 1.0);
}

#[test]
fn the_1951_and_1952_troop_counts_are_a_gap() {
    let d = dataset();
    for year in [1951, 1952] {
        assert_eq!(d.troop_count(year).unwrap().troops, None, "{year}");
    }
    assert_eq!(d.troop_count(1953).unwrap().troops, Some(326_863));
    assert_eq!(d.troop_count(2025).unwrap().troops, Some(23_642));
}

#[test]
fn every_source_id_resolves() {
    let d = dataset();
    let cited = d
        .agreements
        .iter()
        .flat_map(|a| &a.sources)
        .chain(d.contributions.iter().flat_map(|c| &c.sources))
        .chain(d.events.iter().flat_map(|e| &e.sources))
        .chain(d.troop_counts.iter().flat_map(|t| &t.sources))
        .chain(d.troop_levels.iter().flat_map(|t| &t.sources))
        .chain(d.host_cpi.iter().flat_map(|c| &c.sources))
        .chain(d.us_cpi.iter().flat_map(|c| &c.sources))
        .chain(d.exchange_rates.iter().flat_map(|r| &r.sources))
        .chain(d.defense_budgets.iter().flat_map(|b| &b.sources));
    let mut count = 0;
    for id in cited {
        assert!(d.source(id).is_some(), "unknown source {id}");
        count += 1;
    }
    assert!(count > 300, "only {count} citations");
}

#[test]
fn every_event_links_to_an_agreement_that_exists() {
    let d = dataset();
    for e in &d.events {
        if let Some(id) = &e.agreement {
            assert!(d.agreement(id).is_some(), "{} links to unknown {id}", e.id);
        }
    }
    // Every round belongs to an agreement.
    assert!(
        d.events
            .iter()
            .filter(|e| e.kind == EventKind::Round)
            .all(|e| e.agreement.is_some())
    );
}

#[test]
fn all_twelve_agreements_cover_1991_to_2030_without_gaps() {
    let d = dataset();
    let ordinals: Vec<u32> = d.agreements.iter().map(|a| a.ordinal).collect();
    assert_eq!(ordinals, (1..=12).collect::<Vec<_>>());
    for pair in d.agreements.windows(2) {
        assert_eq!(pair[1].first_year, pair[0].last_year + 1, "{}", pair[1].id);
    }
    let last = d.agreements.last().unwrap();
    assert_eq!((last.first_year, last.last_year), (2026, 2030));
}

#[test]
fn the_demand_scenarios_rest_on_sourced_demand_events() {
    use sma_dash::econ::scenario::{DEMAND_2019_USD_M, DEMAND_2024_USD_M};
    let d = dataset();
    for (id, usd_m, words) in [
        ("us-seeks-5b-2019", DEMAND_2019_USD_M, "$5B"),
        ("trump-10b-2024-10-15", DEMAND_2024_USD_M, "$10 billion"),
    ] {
        let e = d.events.iter().find(|e| e.id == id).expect(id);
        assert_eq!(e.kind, EventKind::Demand);
        assert!(!e.sources.is_empty());
        assert!(e.headline.contains(words), "{}", e.headline);
        assert_eq!(
            usd_m,
            words
                .trim_start_matches('$')
                .split(['B', ' '])
                .next()
                .unwrap()
                .parse::<f64>()
                .unwrap()
                * 1000.0
        );
    }
}

#[test]
fn signings_that_rest_on_one_source_are_marked_single_on_the_timeline() {
    use sma_dash::data::Milestone;
    let d = dataset();
    // sma.md §A: the 5th SMA "C (sign S)"; the 4th's signing was announced the day
    // before by one report.
    for id in ["sma-4", "sma-5"] {
        let a = d.agreement(id).unwrap();
        assert_eq!(a.confidence, Confidence::Confirmed, "{id}");
        assert_eq!(
            a.milestone_confidence(Milestone::Signed),
            Confidence::Single,
            "{id}"
        );
        let signed = d
            .events
            .iter()
            .find(|e| e.id == format!("{id}-signed"))
            .unwrap();
        assert_eq!(signed.confidence, Confidence::Single, "{id}");
        let agreed = d
            .events
            .iter()
            .find(|e| e.id == format!("{id}-agreed"))
            .unwrap();
        assert_eq!(agreed.confidence, Confidence::Confirmed, "{id}");
    }
}

#[test]
fn contribution_notes_hold_no_working_notes_and_never_begin_with_a_sign() {
    let d = dataset();
    for c in &d.contributions {
        let notes = c
            .note
            .iter()
            .chain(c.reported.iter().filter_map(|r| r.note.as_ref()));
        for note in notes {
            for word in ["n/f", "sheet", ".toml", "§", ".md", "fact-check"] {
                assert!(!note.contains(word), "{}: {word:?} in {note}", c.year);
            }
            assert!(
                !note.starts_with(['+', '-', '−', '=', '@']),
                "{}: {note}",
                c.year
            );
        }
    }
}

#[test]
fn the_2009_dollars_are_the_reports_of_the_time_not_775m() {
    let d = dataset();
    let c = d.contribution(2009).unwrap();
    assert_eq!(c.usd_m, None);
    let reported: Vec<(f64, &str)> = c
        .reported
        .iter()
        .map(|r| (r.usd_m.unwrap(), r.sources[0].as_str()))
        .collect();
    assert_eq!(
        reported,
        [
            (571.0, "YONHAP-OANA-2008-12-23"),
            (585.4, "STRIPES-2008-12-SMA8")
        ]
    );
    // 1994 and 1997 in won, reported beside the dollars agreed.
    let won = |year: i32| d.contribution(year).unwrap().reported[0].local_100m;
    assert_eq!((won(1994), won(1997)), (Some(2080.0), Some(3449.0)));
    assert_eq!(d.agreement("sma-5").unwrap().currency.key(), "usd+krw");
}
