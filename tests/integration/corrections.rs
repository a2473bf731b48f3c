//! The December 2026 fact-check (`shared/facts/corrections-2026-12.md`), applied: each
//! corrected record holds what the sources say, and cites them.

use sma_dash::data::{Agreement, Confidence, Dataset, Event, EventKind, Milestone};

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset is valid")
}

fn event<'d>(d: &'d Dataset, id: &str) -> &'d Event {
    d.events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn agreement<'d>(d: &'d Dataset, id: &str) -> &'d Agreement {
    d.agreement(id)
        .unwrap_or_else(|| panic!("no agreement {id}"))
}

fn note(a: &Agreement) -> &str {
    a.note.as_deref().unwrap_or("")
}

/// Asserts that `cited` holds every id of `ids`, and that each resolves to a source.
fn assert_cites(d: &Dataset, what: &str, cited: &[String], ids: &[&str]) {
    for id in ids {
        assert!(cited.iter().any(|c| c == id), "{what} does not cite {id}");
        assert!(d.source(id).is_some(), "{id} is not in sources.toml");
    }
}

#[test]
fn round_9_of_the_10th_sma_ran_13_to_16_november_2018() {
    let d = dataset();
    let e = event(&d, "sma-10-round-9");
    assert_eq!(e.date.to_string(), "2018-11-13");
    assert_eq!(e.end.map(|d| d.to_string()).as_deref(), Some("2018-11-16"));
    assert_eq!(e.confidence, Confidence::Confirmed);
    assert_cites(
        &d,
        e.id.as_str(),
        &e.sources,
        &[
            "R32",
            "NEWSPIM-2018-11-09",
            "AJU-2018-11-09",
            "AJU-2018-12-11",
            "MBC-2018-11-09",
        ],
    );
    // The one source that gives the 15th is still named, as the outlier it is.
    assert!(e.text.as_deref().unwrap().contains("2018-11-13..15"));
}

#[test]
fn the_33_billion_of_the_joint_fact_sheet_is_a_10_year_total() {
    let d = dataset();
    let e = event(&d, "joint-fact-sheet-2025-11-13");
    let text = e.text.as_deref().unwrap();
    assert!(text.contains("10-year total"), "{text}");
    for item in [
        "SMA payments",
        "land",
        "utilities",
        "direct and indirect support",
    ] {
        assert!(text.contains(item), "{item}: {text}");
    }
    assert!(!text.contains("items not disclosed"), "{text}");
    assert_cites(&d, &e.id, &e.sources, &["R63", "DONGA-LIVEIN-203186"]);
    assert_eq!(e.kind, EventKind::Statement);
}

#[test]
fn the_3rd_smas_rule_is_uncertain_and_its_note_gives_both_readings() {
    let d = dataset();
    let a = agreement(&d, "sma-3");
    assert_eq!(a.rule_confidence, Some(Confidence::Uncertain));
    assert_eq!(a.rule_confidence(), Confidence::Uncertain);
    // The agreement as a whole stays confirmed; only its rule is in doubt.
    assert_eq!(a.confidence, Confidence::Confirmed);
    let note = note(a);
    // Reading 1: +10 % compounding, ~$363M and ~$399M; Dong-A's $399M.
    for words in [
        "+10% a year",
        "~$363M",
        "~$399M",
        "Dong-A (1998-12-22, R17)",
    ] {
        assert!(note.contains(words), "{words}: {note}");
    }
    // Reading 2: +$30M a year per R16 itself, matching the White Paper.
    for words in [
        "+$30M a year",
        "Hankyung 1995-11-03 (R16)",
        "$330M / $360M / $390M",
        "Defense White Paper",
    ] {
        assert!(note.contains(words), "{words}: {note}");
    }
    assert_cites(&d, &a.id, &a.sources, &["R16", "R17", "R01"]);
    // The contributions of the years the rule sets say so too.
    for year in [1997, 1998] {
        let c = d.contribution(year).unwrap();
        let n = c.note.as_deref().unwrap();
        assert!(n.contains("read two ways"), "{year}: {n}");
        assert!(
            n.contains("$30M more each year") && n.contains("10 % a year compounding"),
            "{year}: {n}"
        );
        assert_cites(
            &d,
            &format!("contribution {year}"),
            &c.sources,
            &["R01", "R16"],
        );
    }
    assert_eq!(d.contribution(1997).unwrap().usd_m, Some(360.0));
    assert_eq!(d.contribution(1998).unwrap().usd_m, Some(390.0));
}

#[test]
fn the_12th_smas_consent_date_is_the_committee_vote() {
    let d = dataset();
    let a = agreement(&d, "sma-12");
    assert_eq!(
        a.milestones.consent.map(|d| d.to_string()).as_deref(),
        Some("2024-11-28")
    );
    let note = note(a);
    assert!(
        note.contains("Foreign Affairs and Unification Committee"),
        "{note}"
    );
    assert!(note.contains("no report of the plenary vote"), "{note}");
    assert_eq!(
        a.milestone_confidence(Milestone::Consent),
        Confidence::Uncertain
    );
    assert_cites(&d, &a.id, &a.sources, &["NEWS1-2024-11-28"]);
    // The timeline's consent event carries the same mark.
    let ratified = event(&d, "sma-12-ratified");
    assert_eq!(ratified.kind, EventKind::Ratified);
    assert_eq!(ratified.confidence, Confidence::Uncertain);
    assert!(
        ratified
            .text
            .as_deref()
            .unwrap()
            .contains("Foreign Affairs and Unification Committee")
    );
}

#[test]
fn eric_john_was_the_us_negotiator_of_the_9th_sma() {
    let d = dataset();
    let a = agreement(&d, "sma-9");
    assert_eq!(a.negotiators.us, ["Eric John"]);
    assert_eq!(a.negotiators.rok, ["Hwang Joon-kook"]);
    assert!(!note(a).contains("US negotiator n/f"), "{}", note(a));
    // Three sources agree: confirmed.
    assert_eq!(a.confidence, Confidence::Confirmed);
    assert_cites(
        &d,
        &a.id,
        &a.sources,
        &[
            "SISAKOREA-2013-06-26",
            "AJUNEWS-2013-09-17",
            "WOORITV-2014-01",
        ],
    );
}

#[test]
fn the_4th_sma_was_signed_1999_02_25_in_seoul_on_a_single_source() {
    let d = dataset();
    let a = agreement(&d, "sma-4");
    assert_eq!(
        a.milestones.signed.map(|d| d.to_string()).as_deref(),
        Some("1999-02-25")
    );
    assert_eq!(a.signatories.rok, ["Hong Soon-young"]);
    assert_eq!(a.signatories.us, ["Stephen Bosworth"]);
    assert_eq!(
        a.milestone_confidence(Milestone::Signed),
        Confidence::Single
    );
    // The other milestone keeps the agreement's confidence.
    assert_eq!(
        a.milestone_confidence(Milestone::Agreed),
        Confidence::Confirmed
    );
    let note = note(a);
    assert!(
        note.contains("announced the signing the day before"),
        "{note}"
    );
    assert!(note.contains("in Seoul"), "{note}");
    assert_cites(&d, &a.id, &a.sources, &["HANKYUNG-1999-02-24"]);
    // The timeline derives the signing from agreements.toml, with its signatories
    // (named by the source, not inferred) and its single-source mark.
    let signed = event(&d, "sma-4-signed");
    assert_eq!(signed.kind, EventKind::Signed);
    assert_eq!(signed.date.to_string(), "1999-02-25");
    assert_eq!(signed.people, ["Hong Soon-young", "Stephen Bosworth"]);
    assert!(signed.people_inferred.is_empty());
    assert_eq!(signed.confidence, Confidence::Single);
    assert_eq!(signed.headline, "4th SMA signed");
}

#[test]
fn the_7th_smas_negotiators_were_cho_tae_yong_and_robert_loftis() {
    let d = dataset();
    let a = agreement(&d, "sma-7");
    assert_eq!(a.negotiators.rok, ["Cho Tae-yong"]);
    assert_eq!(a.negotiators.us, ["Robert Loftis"]);
    let note = note(a);
    assert!(note.contains("single source (KTV 2006)"), "{note}");
    assert!(note.contains("round 2 in Washington"), "{note}");
    assert_cites(&d, &a.id, &a.sources, &["KTV-2006"]);
    // The derived "agreed" event lists them, as attached from the agreement, not as
    // named for that day.
    let agreed = event(&d, "sma-7-agreed");
    assert_eq!(agreed.people, ["Cho Tae-yong", "Robert Loftis"]);
    assert_eq!(agreed.people_inferred, agreed.people);
}

#[test]
fn the_1st_smas_january_1991_signing_is_confirmed_by_a_second_source() {
    let d = dataset();
    let a = agreement(&d, "sma-1");
    assert_eq!(
        a.milestones.signed.map(|d| d.to_string()).as_deref(),
        Some("1991-01")
    );
    assert_eq!(
        a.milestone_confidence(Milestone::Signed),
        Confidence::Confirmed
    );
    let note = note(a);
    assert!(!note.contains("rests on one source"), "{note}");
    assert!(note.contains("Hankyung 1993-11-04 (R69)"), "{note}");
    assert!(note.contains("two sources now agree"), "{note}");
    // Hankyung 1993-11-04 is R69, already in the table: cited, not listed twice.
    assert_cites(&d, &a.id, &a.sources, &["R69"]);
    assert_eq!(
        d.source("R69")
            .unwrap()
            .date
            .map(|d| d.to_string())
            .as_deref(),
        Some("1993-11-04")
    );
    assert_eq!(event(&d, "sma-1-signed").confidence, Confidence::Confirmed);
}

#[test]
fn the_11th_smas_consent_and_entry_into_force_are_confirmed() {
    let d = dataset();
    let a = agreement(&d, "sma-11");
    let m = &a.milestones;
    assert_eq!(
        m.consent.map(|d| d.to_string()).as_deref(),
        Some("2021-08-31")
    );
    assert_eq!(
        m.in_force.map(|d| d.to_string()).as_deref(),
        Some("2021-09-01")
    );
    let note = note(a);
    assert!(!note.contains("single source"), "{note}");
    assert_cites(
        &d,
        &a.id,
        &a.sources,
        &["R53", "ASIAE-2021-09-01", "HANKYUNG-YONHAP-202109014063Y"],
    );
    for (milestone, id) in [
        (Milestone::Consent, "sma-11-ratified"),
        (Milestone::InForce, "sma-11-in-force"),
    ] {
        assert_eq!(a.milestone_confidence(milestone), Confidence::Confirmed);
        let e = event(&d, id);
        assert_eq!(e.confidence, Confidence::Confirmed, "{id}");
        assert_cites(&d, id, &e.sources, &["ASIAE-2021-09-01"]);
    }
}

/// Rounds whose own sources do not name their delegates, and who is inferred there.
const INFERRED: [(&str, &[&str]); 15] = [
    ("sma-10-round-3", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-10-round-4", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-10-round-5", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-10-round-6", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-10-round-7", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-10-round-8", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-11-round-3", &["Jeong Eun-bo"]),
    ("sma-11-round-4", &["James DeHart"]),
    ("sma-12-round-1", &["Lee Tae-woo", "Linda Specht"]),
    ("sma-12-round-2", &["Lee Tae-woo", "Linda Specht"]),
    ("sma-12-round-4", &["Lee Tae-woo", "Linda Specht"]),
    ("sma-12-round-5", &["Lee Tae-woo", "Linda Specht"]),
    ("sma-12-round-6", &["Lee Tae-woo", "Linda Specht"]),
    ("sma-12-round-7", &["Lee Tae-woo", "Linda Specht"]),
    ("sma-12-round-8", &["Lee Tae-woo", "Linda Specht"]),
];

#[test]
fn the_people_of_exactly_these_rounds_are_marked_inferred() {
    let d = dataset();
    let rounds: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Round && !e.people.is_empty())
        .collect();
    assert_eq!(rounds.len(), 27, "numbered rounds with people");
    for e in rounds {
        let expected: &[&str] = INFERRED
            .iter()
            .find(|(id, _)| *id == e.id)
            .map_or(&[], |(_, names)| names);
        assert_eq!(e.people_inferred, expected, "{}", e.id);
    }
    // The four rounds the fact-check named are among them.
    for id in [
        "sma-10-round-7",
        "sma-11-round-4",
        "sma-12-round-7",
        "sma-12-round-8",
    ] {
        assert!(INFERRED.iter().any(|(i, _)| *i == id), "{id}");
    }
}

#[test]
fn round_4_of_the_11th_sma_infers_dehart_only() {
    let d = dataset();
    let e = event(&d, "sma-11-round-4");
    assert_eq!(e.people, ["Jeong Eun-bo", "James DeHart"]);
    assert_eq!(e.named_people().collect::<Vec<_>>(), ["Jeong Eun-bo"]);
    assert_eq!(e.inferred_people().collect::<Vec<_>>(), ["James DeHart"]);
}

#[test]
fn the_12th_smas_round_8_says_where_its_extension_comes_from() {
    let d = dataset();
    let e = event(&d, "sma-12-round-8");
    assert_eq!(e.end.map(|d| d.to_string()).as_deref(), Some("2024-10-02"));
    let text = e.text.as_deref().unwrap();
    assert!(text.contains("2024-10-01..02"), "{text}");
    assert!(text.contains("the only source for the extension"), "{text}");
    assert_cites(&d, &e.id, &e.sources, &["R56"]);
}

#[test]
fn the_exports_carry_the_inferred_people_and_the_rule_and_milestone_confidence() {
    use sma_dash::econ::Assumptions;
    use sma_dash::report::export::{ExportOptions, Series, export};
    let d = dataset();
    let a = Assumptions::from_history(&d);
    let csv = |series| export(&d, &a, series, ExportOptions::default()).to_csv();

    let json = |series| -> Vec<serde_json::Value> {
        let text = export(&d, &a, series, ExportOptions::default()).to_json();
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let by_id = |rows: &[serde_json::Value], id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
            .clone()
    };

    let header = csv(Series::Events).lines().next().unwrap().to_string();
    assert!(
        header.contains(",people,people_inferred,confidence,"),
        "{header}"
    );
    let events = json(Series::Events);
    let r = by_id(&events, "sma-11-round-4");
    assert_eq!(r["people"], "Jeong Eun-bo; James DeHart");
    assert_eq!(r["people_inferred"], "James DeHart");
    let r = by_id(&events, "sma-10-round-7");
    assert_eq!(r["people_inferred"], "Chang Won-sam; Timothy Betts");
    let r = by_id(&events, "sma-10-round-1");
    assert_eq!(r["people"], "Chang Won-sam; Timothy Betts");
    assert_eq!(r["people_inferred"], "");
    let r = by_id(&events, "sma-4-signed");
    assert_eq!(r["confidence"], "single source");

    let header = csv(Series::Agreements).lines().next().unwrap().to_string();
    assert!(
        header.contains(",in_force,milestone_confidence,signatories_rok,"),
        "{header}"
    );
    assert!(
        header.contains(",rule,rule_confidence,confidence,"),
        "{header}"
    );
    let rows = json(Series::Agreements);
    let by_id = |id: &str| by_id(&rows, id);
    assert_eq!(by_id("sma-3")["rule_confidence"], "uncertain");
    assert_eq!(by_id("sma-3")["confidence"], "confirmed");
    assert_eq!(by_id("sma-4")["signed"], "1999-02-25");
    assert_eq!(
        by_id("sma-4")["milestone_confidence"],
        "signed=single source"
    );
    assert_eq!(by_id("sma-4")["signatories_us"], "Stephen Bosworth");
    assert_eq!(by_id("sma-12")["milestone_confidence"], "consent=uncertain");
    assert_eq!(by_id("sma-9")["negotiators_us"], "Eric John");
    assert_eq!(by_id("sma-7")["negotiators_rok"], "Cho Tae-yong");
    assert_eq!(by_id("sma-1")["milestone_confidence"], "");
    assert_eq!(by_id("sma-1")["rule_confidence"], "confirmed");
}

#[test]
fn searching_inferred_finds_the_events_whose_people_are_inferred() {
    use sma_dash::app::timeline::{KindFilter, Order, matches, rows};
    let d = dataset();
    let rows = rows(&d, KindFilter::ALL, Order::Grouped);
    let hits: Vec<&str> = rows
        .iter()
        .filter(|&&r| matches(&d, r, "Inferred"))
        .filter_map(|r| match r {
            sma_dash::app::Row::Event(i) => Some(d.events[*i].id.as_str()),
            _ => None,
        })
        .collect();
    for (id, _) in INFERRED {
        assert!(hits.contains(&id), "{id} not found by 'inferred'");
    }
    assert!(!hits.contains(&"sma-10-round-1"));
    // Among the rounds, the hits are exactly those with inferred people.
    let round_hits = hits
        .iter()
        .filter(|id| event(&d, id).kind == EventKind::Round)
        .count();
    assert_eq!(round_hits, INFERRED.len());
}

#[test]
fn every_source_the_fact_check_added_resolves_as_given() {
    let d = dataset();
    // id, publisher, date, URL: as corrections-2026-12.md gives them.
    let added = [
        (
            "NEWSPIM-2018-11-09",
            "Newspim",
            Some("2018-11-09"),
            Some("https://newspim.com/news/view/20181109000392"),
        ),
        ("AJU-2018-11-09", "Aju", Some("2018-11-09"), None),
        ("AJU-2018-12-11", "Aju", Some("2018-12-11"), None),
        ("MBC-2018-11-09", "MBC", Some("2018-11-09"), None),
        (
            "DONGA-LIVEIN-203186",
            "Dong-A Ilbo (reprinted on livein.co.kr)",
            None,
            Some("http://livein.co.kr/bbs/board.php?bo_table=n01&wr_id=203186"),
        ),
        (
            "NEWS1-2024-11-28",
            "News1",
            Some("2024-11-28"),
            Some("https://news1.kr/amp/politics/assembly/5614069"),
        ),
        (
            "SISAKOREA-2013-06-26",
            "Sisakorea",
            Some("2013-06-26"),
            Some("http://www.sisakorea.kr/15435"),
        ),
        (
            "AJUNEWS-2013-09-17",
            "Ajunews",
            Some("2013-09-17"),
            Some("https://www4.ajunews.com/view/20130917000457"),
        ),
        (
            "WOORITV-2014-01",
            "WooriTV",
            Some("2014-01"),
            Some("http://www.wooritvnews.com/news/articleView.html?idxno=42021"),
        ),
        (
            "HANKYUNG-1999-02-24",
            "Hankyung (Korea Economic Daily)",
            Some("1999-02-24"),
            Some("https://www.hankyung.com/article/1999022400921"),
        ),
        (
            "KTV-2006",
            "KTV",
            Some("2006"),
            Some("https://www.ktv.go.kr/program/home/PG1110775D/content/97539"),
        ),
        (
            "ASIAE-2021-09-01",
            "Asia Economy",
            Some("2021-09-01"),
            Some("https://www.asiae.co.kr/article/2021090111380528221"),
        ),
        (
            "HANKYUNG-YONHAP-202109014063Y",
            "Yonhap (via Hankyung)",
            None,
            Some("https://hankyung.com/amp/202109014063Y"),
        ),
    ];
    for (id, publisher, date, url) in added {
        let s = d
            .source(id)
            .unwrap_or_else(|| panic!("{id} is not in sources.toml"));
        assert_eq!(s.publisher, publisher, "{id}");
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), date, "{id}");
        assert_eq!(s.url.as_deref(), url, "{id}");
        assert!(!s.title.trim().is_empty(), "{id}");
        // Every added source is cited somewhere.
        let cited = d
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .chain(d.agreements.iter().flat_map(|a| &a.sources))
            .any(|c| c == id);
        assert!(cited, "{id} is cited by no record");
    }
    // The articles the table already held keep their ids rather than being listed twice.
    for (id, url) in [
        ("R69", "https://hankyung.com/news/article/1993110401241"),
        ("R16", "https://hankyung.com/amp/1995110301061"),
        (
            "R17",
            "https://donga.com/news/Inter/article/all/19981222/7406345/1",
        ),
    ] {
        assert_eq!(d.source(id).unwrap().url.as_deref(), Some(url), "{id}");
        let copies = d
            .sources
            .iter()
            .filter(|s| {
                s.url
                    .as_deref()
                    .is_some_and(|u| u.replace("www.", "") == url)
            })
            .count();
        assert_eq!(copies, 1, "{url} listed more than once");
    }
}

#[test]
fn the_initialed_events_name_who_initialed_where_a_source_does() {
    let d = dataset();
    let initialed = |id: &str| {
        d.events
            .iter()
            .find(|e| e.agreement.as_deref() == Some(id) && e.kind == EventKind::Initialed)
            .unwrap_or_else(|| panic!("{id} has an initialed event"))
            .clone()
    };
    // The 10th SMA: initialed by its chief negotiators (R03 R04), now named, not inferred.
    let tenth = initialed("sma-10");
    assert_eq!(tenth.people, ["Chang Won-sam", "Timothy Betts"]);
    assert!(tenth.people_inferred.is_empty());
    // The 11th: by Jeong Eun-bo and the US chargé Robert Rapson (R51), not by all four
    // negotiators of the talks.
    let eleventh = initialed("sma-11");
    assert_eq!(eleventh.people, ["Jeong Eun-bo", "Robert Rapson"]);
    assert!(eleventh.people_inferred.is_empty());
    // The 12th: no source names who initialed, so the negotiators stand, inferred.
    let twelfth = initialed("sma-12");
    assert_eq!(twelfth.people, twelfth.people_inferred);
    assert_eq!(twelfth.people, ["Lee Tae-woo", "Linda Specht"]);
}
