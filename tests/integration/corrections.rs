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
    // Reading 1: 10 % compounding, ~$363M and ~$399M; Dong-A's $399M.
    for words in [
        "10% a year, compounding",
        "~$363M",
        "~$399M",
        "Dong-A (1998-12-22, R17)",
    ] {
        assert!(note.contains(words), "{words}: {note}");
    }
    // Reading 2: $30M more a year per R16 itself, matching the White Paper.
    for words in [
        "$30M more each year",
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
fn the_12th_smas_consent_is_the_plenary_vote_of_2024_11_28_confirmed() {
    let d = dataset();
    let a = agreement(&d, "sma-12");
    assert_eq!(
        a.milestones.consent.map(|d| d.to_string()).as_deref(),
        Some("2024-11-28")
    );
    // The 2026-12 correction rested on a wrong premise (no plenary vote found): the
    // plenary did vote that day, so the consent is confirmed again, with the vote.
    assert_eq!(
        a.milestone_confidence(Milestone::Consent),
        Confidence::Confirmed
    );
    let note = note(a);
    for words in [
        "plenary consented on 2024-11-28",
        "Foreign Affairs and Unification Committee",
        "173 for, 36 against and 25 abstaining, of 234 present",
        "one source gives the count",
    ] {
        assert!(note.contains(words), "{words}: {note}");
    }
    assert!(!note.contains("uncertain"), "{note}");
    assert_cites(
        &d,
        &a.id,
        &a.sources,
        &[
            "NEWS1-2024-11-28",
            "R60",
            "NEWS1-2024-11-29",
            "ASIATODAY-2024-11-29",
            "CHOSUNONLINE-2024-11-29",
            "KOREANEWSDIGEST-2024-11",
            "SPARK946-2024-11",
        ],
    );
    let ratified = event(&d, "sma-12-ratified");
    assert_eq!(ratified.kind, EventKind::Ratified);
    assert_eq!(ratified.confidence, Confidence::Confirmed);
    assert!(ratified.text.as_deref().unwrap().contains("173 for"));
}

#[test]
fn eric_john_was_the_us_negotiator_of_the_9th_sma() {
    let d = dataset();
    let a = agreement(&d, "sma-9");
    assert_eq!(a.negotiators.us, ["Eric John"]);
    assert_eq!(a.negotiators.host, ["Hwang Joon-kook"]);
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
    assert_eq!(a.signatories.host, ["Hong Soon-young"]);
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
    assert_eq!(a.negotiators.host, ["Cho Tae-yong"]);
    assert_eq!(a.negotiators.us, ["Robert Loftis"]);
    let note = note(a);
    assert!(
        note.contains("KTV names them at round 2 in Washington"),
        "{note}"
    );
    assert_cites(
        &d,
        &a.id,
        &a.sources,
        &["KTV-2006", "TODAYKOREA-2006-05", "NDSOFT-2006-10-08"],
    );
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
    assert!(note.contains("Two sources give the month"), "{note}");
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

/// Rounds whose own sources do not name their delegates, and who is inferred there:
/// after the second fact-check (2026-12-07) only these four.
const INFERRED: [(&str, &[&str]); 4] = [
    ("sma-10-round-7", &["Chang Won-sam", "Timothy Betts"]),
    ("sma-11-round-4", &["James DeHart"]),
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
    // The 10th–12th SMAs' 27 rounds, and 15 rounds of the 6th–9th SMAs whose sources
    // name the delegates.
    assert_eq!(rounds.len(), 42, "numbered rounds with people");
    for e in rounds {
        let expected: &[&str] = INFERRED
            .iter()
            .find(|(id, _)| *id == e.id)
            .map_or(&[], |(_, names)| names);
        assert_eq!(e.people_inferred, expected, "{}", e.id);
    }
    // The eleven rounds the first fact-check marked wrongly name their delegates now.
    for id in [
        "sma-10-round-3",
        "sma-10-round-4",
        "sma-10-round-5",
        "sma-10-round-6",
        "sma-10-round-8",
        "sma-11-round-3",
        "sma-12-round-1",
        "sma-12-round-2",
        "sma-12-round-4",
        "sma-12-round-5",
        "sma-12-round-6",
    ] {
        let e = event(&d, id);
        assert!(e.people_inferred.is_empty(), "{id}");
        assert_eq!(e.people.len(), 2, "{id}");
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
    assert!(text.contains("Three sources give the extension"), "{text}");
    assert!(!text.contains("only source"), "{text}");
    assert_eq!(e.place.as_deref(), Some("Seoul (MOFA)"));
    assert_eq!(e.confidence, Confidence::Confirmed);
    assert_cites(&d, &e.id, &e.sources, &["R56", "R58", "R57"]);
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
        header.contains(
            ",people,people_inferred,demand_by,demand_amount,demand_period,demand_answer,confidence,"
        ),
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
        header.contains(",rule,rule_confidence,rounds_note,confidence,"),
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
    assert_eq!(by_id("sma-12")["milestone_confidence"], "");
    assert_eq!(
        by_id("sma-3")["milestone_confidence"],
        "signed=single source; consent=single source; in_force=single source"
    );
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
        (
            "AJU-2018-11-09",
            "Aju",
            Some("2018-11-09"),
            Some("https://m.ajunews.com/amp/20181109133215245"),
        ),
        (
            "AJU-2018-12-11",
            "Aju",
            Some("2018-12-11"),
            Some("https://m.ajunews.com/view/20181211081704995"),
        ),
        (
            "MBC-2018-11-09",
            "MBC",
            Some("2018-11-09"),
            Some("https://imnews.imbc.com/news/2018/politics/article/4924432_30796.html"),
        ),
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

// ---- The second fact-check (`shared/facts/corrections-2026-12-07.md`) and the record
// completed: the talks before 2018, the record since May 2025, sources, changes ----

#[test]
fn user_facing_text_holds_no_working_notes() {
    // Every text a reader sees: notes, titles, headlines, rules, labels, changes. Ids,
    // URLs, dates and source lists are not text.
    const NOT_TEXT: [&str; 11] = [
        "id",
        "url",
        "sources",
        "date",
        "end",
        "from",
        "to",
        "agreement",
        "kind",
        "confidence",
        "as_of",
    ];
    const WORKING: [&str; 14] = [
        ".toml",
        "§",
        "n/f",
        "the fact sheet",
        "fact-check",
        "the sheet",
        "sheet's",
        "the sheets",
        "series.md",
        "sma.md",
        "japan.md",
        "corrections-20",
        "(sma-",
        "December 2026",
    ];
    fn walk(v: &serde_json::Value, key: &str, at: &str, bad: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if !NOT_TEXT.contains(&k.as_str()) {
                        walk(v, k, at, bad);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|v| walk(v, key, at, bad));
            }
            serde_json::Value::String(s) => {
                let lower = s.to_lowercase();
                for w in WORKING {
                    if lower.contains(&w.to_lowercase()) {
                        bad.push(format!("{at} {key}: \"{w}\" in {s}"));
                    }
                }
                if s.trim_start().starts_with(['+', '-', '−', '±']) {
                    bad.push(format!("{at} {key}: begins with a sign: {s}"));
                }
            }
            _ => {}
        }
    }
    let hosts = sma_dash::data::Hosts::embedded().unwrap();
    let mut bad = Vec::new();
    for d in hosts.iter() {
        working_notes_of(d, &mut |at, v| walk(&v, "", &at, &mut bad));
    }
    assert!(
        bad.is_empty(),
        "{} texts hold working notes:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Calls `check` with every record of `d` a reader sees, as JSON, and where it is.
fn working_notes_of(
    d: &sma_dash::data::Dataset,
    check: &mut impl FnMut(String, serde_json::Value),
) {
    check("dataset".into(), serde_json::to_value(&d.info).unwrap());
    for s in &d.sources {
        check(format!("source {}", s.id), serde_json::to_value(s).unwrap());
    }
    for a in &d.agreements {
        check(
            format!("agreement {}", a.id),
            serde_json::to_value(a).unwrap(),
        );
    }
    for c in &d.contributions {
        check(
            format!("contribution {}", c.year),
            serde_json::to_value(c).unwrap(),
        );
    }
    for e in &d.events {
        check(format!("event {}", e.id), serde_json::to_value(e).unwrap());
    }
    for t in &d.troop_counts {
        check(
            format!("troops {}", t.year),
            serde_json::to_value(t).unwrap(),
        );
    }
    for l in &d.troop_levels {
        check(
            format!("level {}", l.label),
            serde_json::to_value(l).unwrap(),
        );
    }
    for c in &d.host_cpi {
        check(
            format!("korean_cpi {}", c.year),
            serde_json::to_value(c).unwrap(),
        );
    }
    for c in &d.us_cpi {
        check(
            format!("us_cpi {}", c.year),
            serde_json::to_value(c).unwrap(),
        );
    }
    for r in &d.exchange_rates {
        check(
            format!("krw_per_usd {}", r.year),
            serde_json::to_value(r).unwrap(),
        );
    }
    for b in &d.defense_budgets {
        check(
            format!("defense_budget {}", b.year),
            serde_json::to_value(b).unwrap(),
        );
    }
    for g in &d.gdp {
        check(format!("gdp {}", g.year), serde_json::to_value(g).unwrap());
    }
}

#[test]
fn nine_in_ten_sources_have_a_url_and_each_other_says_why() {
    let d = dataset();
    let with = d.sources.iter().filter(|s| s.url.is_some()).count();
    let share = with as f64 / d.sources.len() as f64;
    assert!(
        share >= 0.9,
        "{with} of {} sources have a URL",
        d.sources.len()
    );
    for s in &d.sources {
        assert!(
            s.url.is_some() != s.no_url.is_some(),
            "{}: a URL or why not, exactly one",
            s.id
        );
    }
    // R28, whose address was truncated, is whole now.
    assert_eq!(
        d.source("R28").unwrap().url.as_deref(),
        Some("http://english.chosun.com/site/data/html_dir/2018/03/09/2018030901167.html")
    );
    // The four sources shared with the contributions carry their own titles and dates.
    for (id, date) in [
        ("YONHAP-OANA-2008-12-23", "2008-12-23"),
        ("HANI-YONHAP-2005-04-26", "2005-04-26"),
        ("DONGA-2006-06-22", "2006-06-22"),
    ] {
        let s = d.source(id).unwrap();
        assert_eq!(s.date.map(|d| d.to_string()).as_deref(), Some(date), "{id}");
        assert!(s.url.is_some(), "{id}");
    }
    assert_eq!(
        d.source("STRIPES-2008-12-SMA8").unwrap().title,
        "S. Korean security payments shift"
    );
}

#[test]
fn the_release_is_2026_12_07_and_check_names_what_changed() {
    use sma_dash::data::{ChangeKind, summary::Summary};
    let d = dataset();
    assert_eq!(d.info.version, "2026.12.07");
    assert_eq!(d.info.as_of.to_string(), "2026-12-07");
    let change = |record: &str| {
        d.info
            .changes
            .iter()
            .find(|c| c.record.starts_with(record))
            .unwrap_or_else(|| panic!("no change for {record}"))
    };
    let c = change("contribution 2009");
    assert_eq!(c.kind, ChangeKind::Corrected);
    assert_eq!(c.was.as_deref(), Some("$775M"));
    assert!(c.now.contains("$571M") && c.now.contains("$585.4M"));
    assert_eq!(change("contribution 1994").kind, ChangeKind::Added);
    assert!(change("contribution 1994").record.contains("344.9B won"));
    let c = change("contributions 2000");
    assert_eq!(
        (c.kind, c.now.as_str()),
        (ChangeKind::Confidence, "confirmed")
    );
    let c = change("12th SMA, National Assembly consent");
    assert!(c.now.contains("173 for, 36 against, 25 abstaining, of 234"));
    let text = Summary::of(&d).to_string();
    assert!(
        text.contains("changes in 2026.12.07: 12 corrected,"),
        "{text}"
    );
    // The series convention: the values it moved, as the program now draws them.
    let c = change("contributions in dollars, 2005 on");
    assert!(
        c.now.starts_with("$596.3M, $874.3M, $824.1M, $986.9M"),
        "{}",
        c.now
    );
    let c = change("contributions in won, 1991–2001");
    assert!(c.now.starts_with("110.5B, 231.8B, 441.1B won"), "{}", c.now);
    let c = change("contributions 2002–04");
    assert!(
        c.now
            .starts_with("610.3B and 742.9B won; $488.1M, $560.9M, $648.7M"),
        "{}",
        c.now
    );
    assert!(
        text.contains("corrected contribution 2009, in dollars: $775M → "),
        "{text}"
    );
    assert!(text.contains("% with a URL"), "{text}");
}

#[test]
fn korean_cpi_2010_keeps_both_vintages_and_the_8th_sma_applied_the_first() {
    let d = dataset();
    let c = d.host_cpi(2010).unwrap();
    assert_eq!(c.first_published_pct, Some(2.9));
    assert_eq!(c.published_pct, Some(3.0));
    assert_eq!(c.escalation_pct(), Some(2.9));
    assert_eq!(c.confidence, Confidence::Confirmed);
    assert_cites(
        &d,
        "korean_cpi 2010",
        &c.sources,
        &[
            "HANKOOK-2010-12-31",
            "SEDAILY-2010-12-31",
            "ASIAE-2012-12-31",
        ],
    );
    // 2012 = 2011 × (1 + 2010 CPI as first published), to the tenth of a billion won.
    let k = |y| d.contribution(y).unwrap().local_100m.unwrap();
    assert_eq!((k(2011) * 1.029).round(), k(2012));
    assert_ne!((k(2011) * 1.030).round(), k(2012));
}

#[test]
fn the_corrections_of_the_second_fact_check_hold() {
    let d = dataset();
    // X5: the furlough notices began on 29 January 2020.
    let e = event(&d, "furlough-notice-2020-01-29");
    assert_eq!(e.date.to_string(), "2020-01-29");
    assert_eq!(e.end.map(|d| d.to_string()).as_deref(), Some("2020-01-31"));
    assert_cites(&d, &e.id, &e.sources, &["KOREAHERALD-2020-01-29"]);
    // X7: the 5th SMA's rule names inflation, not a GDP deflator.
    let a = agreement(&d, "sma-5");
    assert!(!a.rule_text.contains("GDP deflator"), "{}", a.rule_text);
    assert!(a.rule_text.contains("price index is not specified"));
    // X8: Pew's 24,189 beside the DMDC 24,190.
    let t = d.troop_count(2016).unwrap();
    assert_eq!(t.troops, Some(24190));
    assert!(t.note.as_deref().unwrap().contains("24,189"));
    // X9: about 22 months, not 21.
    let e = event(&d, "sma-12-negotiators-named-2024-03-05");
    assert!(e.text.as_deref().unwrap().contains("about 22 months"));
    // X10: the October 2004 revision, as a troop event and on the plan's level.
    let e = event(&d, "drawdown-revised-2004-10-06");
    assert_eq!(e.kind, EventKind::Troops);
    assert_cites(
        &d,
        &e.id,
        &e.sources,
        &["STRIPES-2004-10-DRAWDOWN", "WAPO-2004-10-06"],
    );
    // Gaps filled: the 8th SMA's US negotiator and announcement; the 6th's; the 3rd's dates.
    let a = agreement(&d, "sma-8");
    assert_eq!(a.negotiators.us, ["Jackson McDonald"]);
    assert_eq!(
        a.milestones.agreed.map(|d| d.to_string()).as_deref(),
        Some("2008-12-23")
    );
    assert_cites(
        &d,
        &a.id,
        &a.sources,
        &["YONHAP-OANA-2008-12-23", "STRIPES-2008-12-SMA8"],
    );
    assert_eq!(agreement(&d, "sma-6").negotiators.us, ["Robert Loftis"]);
    let a = agreement(&d, "sma-3");
    assert_eq!(a.signatories.host, ["Gong Ro-myung"]);
    assert_eq!(a.signatories.us, ["James Laney"]);
    assert_eq!(
        a.milestones.consent.map(|d| d.to_string()).as_deref(),
        Some("1995-12-01")
    );
    assert_eq!(
        a.milestone_confidence(Milestone::Signed),
        Confidence::Single
    );
    // Round 11-3: both delegates named, with the sources that name them.
    let e = event(&d, "sma-11-round-3");
    assert_eq!(e.people, ["Jeong Eun-bo", "James DeHart"]);
    assert!(e.people_inferred.is_empty());
    assert_cites(&d, &e.id, &e.sources, &["R40", "SEDAILY-2019-11-19"]);
}

#[test]
fn the_talks_before_2018_are_in_the_timeline() {
    let d = dataset();
    let rounds = |sma: &str| -> Vec<u32> {
        d.events
            .iter()
            .filter(|e| e.kind == EventKind::Round && e.agreement.as_deref() == Some(sma))
            .filter_map(|e| e.round)
            .collect()
    };
    assert_eq!(rounds("sma-9"), (1..=10).collect::<Vec<_>>());
    assert_eq!(rounds("sma-8"), [1, 4]);
    assert_eq!(rounds("sma-7"), [1, 2, 3, 4]);
    assert_eq!(rounds("sma-6"), [1, 4, 5]);
    let r1 = event(&d, "sma-9-round-1");
    assert_eq!(r1.date.to_string(), "2013-07-02");
    assert_eq!(r1.people, ["Hwang Joon-kook", "Eric John"]);
    assert_eq!(r1.place.as_deref(), Some("Washington (State Department)"));
    assert_eq!(r1.confidence, Confidence::Confirmed);
    let r = event(&d, "sma-7-round-1");
    assert_eq!(
        (r.date.to_string(), r.place.as_deref()),
        ("2006-05-22".into(), Some("Hawaii"))
    );
    let r = event(&d, "sma-6-round-1");
    assert_eq!(r.people, ["Kim Sook", "Robert Loftis"]);
    // Where the sources give only a count, the agreement says so.
    for (id, words) in [
        ("sma-6", "Five high-level rounds"),
        ("sma-7", "Six formal rounds"),
        ("sma-8", "Five rounds from July 2008"),
    ] {
        let n = agreement(&d, id).rounds_note.as_deref().unwrap_or("");
        assert!(n.starts_with(words), "{id}: {n}");
    }
    // Every round has a source and a place or says why not.
    for e in d.events.iter().filter(|e| e.kind == EventKind::Round) {
        assert!(!e.sources.is_empty(), "{}", e.id);
    }
}

#[test]
fn every_demand_says_who_what_for_when_and_koreas_answer() {
    let d = dataset();
    let demands: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Demand)
        .collect();
    assert_eq!(demands.len(), 9);
    for e in &demands {
        let m = e.demand.as_ref().unwrap_or_else(|| panic!("{}", e.id));
        for field in [&m.by, &m.amount, &m.period, &m.answer] {
            assert!(!field.trim().is_empty(), "{}", e.id);
        }
    }
    let m = event(&d, "us-seeks-5b-2019").demand.clone().unwrap();
    assert!(m.by.contains("Donald Trump's administration"), "{}", m.by);
    assert!(m.by.contains("James DeHart"), "{}", m.by);
    assert_eq!(m.period, "2020 (the first year of the 11th SMA)");
    let m = event(&d, "summit-land-demand-2025-08-25")
        .demand
        .clone()
        .unwrap();
    assert_eq!(m.by, "President Donald Trump");
    assert!(m.amount.contains("land under US bases"));
}

#[test]
fn the_record_since_may_2025_has_each_development_of_its_kind() {
    let d = dataset();
    for (id, kind, date) in [
        (
            "troop-cut-report-2025-05-22",
            EventKind::Troops,
            "2025-05-22",
        ),
        ("brunson-2025-08-08", EventKind::Statement, "2025-08-08"),
        ("yun-costs-2025-08", EventKind::Statement, "2025-08"),
        (
            "summit-land-demand-2025-08-25",
            EventKind::Demand,
            "2025-08-25",
        ),
        ("scm-57-2025-11-04", EventKind::Statement, "2025-11-04"),
        (
            "nso-no-revision-2025-11-17",
            EventKind::Statement,
            "2025-11-17",
        ),
        (
            "hegseth-reagan-forum-2025-12-06",
            EventKind::Statement,
            "2025-12-06",
        ),
        (
            "air-cavalry-deactivated-2025-12-15",
            EventKind::Troops,
            "2025-12-15",
        ),
        ("nds-2026-01-23", EventKind::Statement, "2026-01-23"),
        ("colby-visit-2026-01-25", EventKind::Statement, "2026-01-25"),
        (
            "stryker-rotation-2026-01-27",
            EventKind::Troops,
            "2026-01-27",
        ),
    ] {
        let e = event(&d, id);
        assert_eq!(e.kind, kind, "{id}");
        assert_eq!(e.date.to_string(), date, "{id}");
        for s in &e.sources {
            assert!(
                d.source(s).and_then(|s| s.url.as_ref()).is_some(),
                "{id}: {s}"
            );
        }
    }
    let text = event(&d, "scm-57-2025-11-04").text.clone().unwrap();
    assert!(text.contains("without the word \"current\""), "{text}");
    // What is not known yet is said, not guessed.
    let n = note(agreement(&d, "sma-12"));
    assert!(
        n.contains("not announced in the sources as of 2026-12-07"),
        "{n}"
    );
    assert!(!n.contains("No 2026 developments"), "{n}");
    let b = d.defense_budget(2026).unwrap().note.clone().unwrap();
    assert!(
        b.contains("2027 defense budget")
            && b.contains("not announced in the sources as of 2026-12-07")
    );
    assert!(d.defense_budget(2027).is_none());
}
