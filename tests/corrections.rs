//! The December 2026 fact-check (`shared/facts/corrections-2026-12.md`), applied: each
//! corrected record holds what the sources say, and cites them.

use sma_dash::data::{Agreement, Confidence, Dataset, Event, EventKind};

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
    d.agreement(id).unwrap_or_else(|| panic!("no agreement {id}"))
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
    for item in ["SMA payments", "land", "utilities", "direct and indirect support"] {
        assert!(text.contains(item), "{item}: {text}");
    }
    assert!(!text.contains("items not disclosed"), "{text}");
    assert_cites(&d, &e.id, &e.sources, &["R63", "DONGA-LIVEIN-203186"]);
    assert_eq!(e.kind, EventKind::Statement);
}
