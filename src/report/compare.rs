//! The files of the comparisons between hosts: every published estimate of a host's
//! share of US stationing cost with its definition (`export shares`), and the
//! comparable measures of each host's payment by year (`export measures`).
//!
//! Both are built from what `data` and `econ::compare` hold; the same writer as every
//! other export turns them into CSV and JSON.

use crate::data::{Dataset, ShareEstimate, Shares};
use crate::econ::compare::{Comparison, MeasureKind, payment_name, value_label};

use super::cite::{Citation, sources_block};
use super::export::{Cell, Table, with_provenance};

/// One row per estimate: its value beside its definition, never alone.
pub fn shares_table(shares: &Shares, version: &str) -> Table {
    let rows = shares
        .estimates
        .iter()
        .map(|e| {
            vec![
                Cell::text(e.id.clone()),
                Cell::text(e.host.key()),
                Cell::Int(e.year.into()),
                e.to.map_or(Cell::Empty, |t| Cell::Int(t.into())),
                Cell::text(e.year_basis.key()),
                Cell::text(e.year_label()),
                Cell::opt_num(e.value_pct, 2),
                Cell::Bool(e.approximate),
                Cell::opt_text(Some(e.value_label()).filter(|v| !v.is_empty())),
                Cell::text(e.measure.clone()),
                Cell::text(e.definition.clone()),
                Cell::opt_text(e.numerator.as_ref()),
                Cell::opt_text(e.denominator.as_ref()),
                Cell::text(e.us_military_pay.key()),
                Cell::text(e.host_indirect_support.key()),
                Cell::opt_text(e.currency.map(|c| c.key())),
                Cell::opt_num(e.host_m, 2),
                Cell::opt_num(e.us_m, 2),
                Cell::opt_num(e.denominator_m(), 2),
                Cell::opt_text(e.formula.map(|f| f.key())),
                Cell::list(&e.sources),
                Cell::text(e.confidence.label()),
                Cell::opt_text(e.note.as_ref()),
            ]
        })
        .collect();
    let mut table = Table {
        columns: vec![
            "id",
            "host",
            "year",
            "to",
            "year_basis",
            "data_year",
            "value_pct",
            "approximate",
            "value",
            "measure",
            "definition",
            "numerator",
            "denominator",
            "us_military_pay",
            "host_indirect_support",
            "currency",
            "numerator_m",
            "us_cost_m",
            "denominator_m",
            "formula",
            "sources",
            "confidence",
            "note",
        ],
        rows,
    };
    with_provenance(&mut table, version, None);
    table
}

/// The estimates of one measure: one definition, never read with another's as one
/// series.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroup<'s> {
    pub measure: &'s str,
    /// Korea's, Japan's, then Germany's, each by year.
    pub estimates: Vec<&'s ShareEstimate>,
}

/// Every estimate under its measure, the measures in the file's order: what the
/// dashboard's list of estimates shows.
pub fn share_groups(shares: &Shares) -> Vec<ShareGroup<'_>> {
    let mut groups: Vec<ShareGroup> = Vec::new();
    for e in &shares.estimates {
        match groups.iter_mut().find(|g| g.measure == e.measure) {
            Some(g) => g.estimates.push(e),
            None => groups.push(ShareGroup {
                measure: &e.measure,
                estimates: vec![e],
            }),
        }
    }
    for g in &mut groups {
        g.estimates.sort_by_key(|e| (e.host, e.year, e.to));
    }
    groups
}

/// One estimate as labelled lines, every one it has: what the detail shows and the
/// citation copies, with the words `export shares` writes.
pub fn share_fields(e: &ShareEstimate) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        ("Host", e.host.name().to_string()),
        ("Data year", e.year_label()),
        ("Value", e.value_or_amounts()),
        ("Measure", e.measure.clone()),
        ("Definition", e.definition.clone()),
    ];
    let optional = [("Numerator", &e.numerator), ("Denominator", &e.denominator)];
    fields.extend(
        optional
            .into_iter()
            .filter_map(|(label, v)| Some((label, v.clone()?))),
    );
    fields.push(("US military pay", e.us_military_pay.key().to_string()));
    fields.push((
        "Host's indirect support",
        e.host_indirect_support.key().to_string(),
    ));
    let amounts: Vec<String> = [
        e.host_amount().map(|a| format!("host {a}")),
        e.us_amount().map(|a| format!("US cost {a}")),
        e.currency
            .zip(e.denominator_m())
            .map(|(c, m)| format!("denominator {}", c.amount(m))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !amounts.is_empty() {
        fields.push(("Amounts", amounts.join(", ")));
    }
    if let Some(f) = e.formula {
        fields.push(("Formula", f.key().to_string()));
    }
    fields.push(("Confidence", e.confidence.label().to_string()));
    if let Some(n) = &e.note {
        fields.push(("Note", n.clone()));
    }
    fields
}

/// The columns of one measure: its value, status, why it is missing, its sources and
/// its definition.
fn measure_columns(kind: MeasureKind) -> [&'static str; 5] {
    match kind {
        MeasureKind::Usd => [
            "usd_m",
            "usd_m_status",
            "usd_m_missing",
            "usd_m_sources",
            "usd_m_definition",
        ],
        MeasureKind::RealUsd => [
            "real_usd_m",
            "real_usd_m_status",
            "real_usd_m_missing",
            "real_usd_m_sources",
            "real_usd_m_definition",
        ],
        MeasureKind::PerMember => [
            "usd_k_per_member",
            "usd_k_per_member_status",
            "usd_k_per_member_missing",
            "usd_k_per_member_sources",
            "usd_k_per_member_definition",
        ],
        MeasureKind::ShareOfDefense => [
            "pct_of_defense_budget",
            "pct_of_defense_budget_status",
            "pct_of_defense_budget_missing",
            "pct_of_defense_budget_sources",
            "pct_of_defense_budget_definition",
        ],
        MeasureKind::ShareOfGdp => [
            "pct_of_gdp",
            "pct_of_gdp_status",
            "pct_of_gdp_missing",
            "pct_of_gdp_sources",
            "pct_of_gdp_definition",
        ],
    }
}

/// One row per host and year, Korea's years first: the payment as recorded, then each
/// measure with its status, the reason it is missing, its sources and its definition.
pub fn measures_table(c: &Comparison, version: &str) -> Table {
    let mut columns = vec![
        "host",
        "year",
        "year_basis",
        "payment",
        "local_bn",
        "recorded_usd_m",
        "currency",
        "confidence",
        "budget_basis",
        "per_usd",
        "rate",
        "base_year",
        "deflator",
        "troops",
        "troops_note",
        "defense_budget_tn",
        "usd_m_origin",
    ];
    for kind in MeasureKind::ALL {
        columns.extend(measure_columns(kind));
    }
    let rows = c
        .rows
        .iter()
        .map(|r| {
            let usd = r.measure(MeasureKind::Usd);
            let mut row = vec![
                Cell::text(r.host.key()),
                Cell::Int(r.year.into()),
                Cell::text(r.year_basis()),
                Cell::text(payment_name(r.host)),
                Cell::opt_num(r.local_bn, 1),
                Cell::opt_num(r.recorded_usd_m, 1),
                Cell::text(r.host.currency()),
                Cell::text(r.confidence.label()),
                Cell::opt_text(r.budget_basis),
                Cell::opt_num(r.per_usd, 4),
                Cell::opt_text(r.per_usd.map(|_| {
                    if r.host.fiscal_years() {
                        "fiscal-year average (April–March)"
                    } else {
                        "calendar-year average"
                    }
                })),
                Cell::Int(c.base_year.into()),
                Cell::opt_text(c.deflator.as_ref()),
                r.troops.map_or(Cell::Empty, |t| Cell::Int(t.into())),
                Cell::opt_text(r.count_break.as_ref()),
                Cell::opt_num(r.defense_tn, 4),
                Cell::opt_text(usd.value().map(|_| usd.point.origin_key())),
            ];
            for m in &r.measures {
                row.extend([
                    Cell::opt_num(m.value(), m.kind.decimals()),
                    Cell::opt_text(m.value().map(|_| m.status().label())),
                    Cell::opt_text(m.missing.as_ref()),
                    Cell::list(&m.sources),
                    Cell::text(c.definition(m.kind, r.host)),
                ]);
            }
            row
        })
        .collect();
    let mut table = Table { columns, rows };
    with_provenance(&mut table, version, None);
    table
}

/// One host's figure in `kind` at `year`, as `y` copies it with both hosts shown: the
/// host and the year it covers, the value with its unit and status (or the gap and
/// why), what the measure is, and the sources of every input, as `export measures`
/// writes them. `d` is the host's dataset, whose sources the ids name.
pub fn measure_citation(
    d: &Dataset,
    c: &Comparison,
    kind: MeasureKind,
    year: i32,
) -> Option<Citation> {
    let host = d.info.host;
    let row = c.get(host, year)?;
    let m = row.measure(kind);
    let value = match m.value() {
        Some(_) => format!(
            "{} ({}) · {}",
            value_label(m),
            kind.unit(c.base_year),
            m.status_words()
        ),
        None => m.status_words(),
    };
    Some(Citation {
        what: format!("{} {}", host.year_label(year), kind.label()),
        text: format!(
            "{}, {}: {value}. What it is: {}.\n{}",
            host.name(),
            row.year_basis(),
            c.definition(kind, host),
            sources_block(d, m.sources.clone())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Shares;

    /// The embedded estimates, their sources checked against both hosts' tables.
    fn shares() -> Shares {
        crate::data::Hosts::embedded().unwrap().shares().clone()
    }

    fn rows(json: &str) -> Vec<serde_json::Value> {
        serde_json::from_str::<serde_json::Value>(json)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    #[test]
    fn each_share_travels_with_its_definition_to_both_files() {
        let s = shares();
        let table = shares_table(&s, "test");
        let json = rows(&table.to_json());
        assert_eq!(json.len(), s.estimates.len());
        let row = |id: &str| json.iter().find(|r| r["id"] == id).unwrap().clone();
        let dod = row("dod-2004-jp");
        let record = s.estimates.iter().find(|e| e.id == "dod-2004-jp").unwrap();
        assert_eq!(dod["value_pct"], 74.5);
        assert_eq!(dod["definition"], record.definition.as_str());
        assert_eq!(dod["us_military_pay"], "excluded");
        assert_eq!(dod["host_indirect_support"], "included");
        assert_eq!(dod["data_year"], "2002");
        let gao = row("gao-21-270-jp-share");
        assert_eq!(gao["value_pct"], 37.6);
        assert_eq!(gao["confidence"], "derived");
        assert_eq!(gao["numerator_m"], 12600.0);
        assert_eq!(gao["denominator_m"], 33500.0);
        assert_eq!(gao["us_military_pay"], "included");
        let seed = row("thehill-2018-kr");
        assert_eq!(seed["value_pct"], serde_json::Value::Null);
        assert_eq!(seed["value"], "a little less than half of the total cost");
        assert!(
            seed["definition"]
                .as_str()
                .unwrap()
                .starts_with("No definition given")
        );

        let csv = table.to_csv();
        let line = csv.lines().find(|l| l.starts_with("dod-2004-jp,")).unwrap();
        assert!(line.contains(",74.50,"), "{line}");
        assert!(
            line.contains(&format!("\"{}\"", record.definition)),
            "{line}"
        );
    }

    #[test]
    fn the_list_on_screen_and_a_citation_say_what_export_shares_writes() {
        let s = shares();
        let json = rows(&shares_table(&s, "test").to_json());
        for e in &s.estimates {
            let row = json.iter().find(|r| r["id"] == e.id.as_str()).unwrap();
            let fields = share_fields(e);
            let field = |label: &str| {
                fields
                    .iter()
                    .find(|(l, _)| *l == label)
                    .map(|(_, v)| v.clone())
            };
            assert_eq!(field("Data year").as_deref(), row["data_year"].as_str());
            assert_eq!(field("Definition").as_deref(), row["definition"].as_str());
            assert_eq!(field("Measure").as_deref(), row["measure"].as_str());
            assert_eq!(
                field("US military pay").as_deref(),
                row["us_military_pay"].as_str()
            );
            assert_eq!(field("Confidence").as_deref(), row["confidence"].as_str());
            // The value as written, where the file has one; else the amounts.
            if let Some(value) = row["value"].as_str() {
                assert_eq!(field("Value").as_deref(), Some(value), "{}", e.id);
            } else {
                assert!(field("Value").is_some_and(|v| v.contains(" m")), "{}", e.id);
            }
        }
        // Grouped by measure: every estimate once, a measure's together, one definition
        // of what it counts each.
        let groups = share_groups(&s);
        assert_eq!(
            groups.iter().map(|g| g.estimates.len()).sum::<usize>(),
            s.estimates.len()
        );
        for g in &groups {
            let counts: Vec<String> = g.estimates.iter().map(|e| e.inclusions()).collect();
            assert!(counts.windows(2).all(|w| w[0] == w[1]), "{}", g.measure);
            assert!(g.estimates.iter().all(|e| e.measure == g.measure));
        }
        let dod = groups
            .iter()
            .find(|g| {
                g.measure
                    .starts_with("DoD U.S. cost offset percentage (2004")
            })
            .unwrap();
        let gao = groups
            .iter()
            .find(|g| g.measure.starts_with("Host share of DoD obligations"))
            .unwrap();
        // The DoD's 74.5 % and GAO's 37.6 % for Japan: never one series.
        assert!(dod.estimates.iter().any(|e| e.value_pct == Some(74.5)));
        assert!(gao.estimates.iter().any(|e| e.value_pct == Some(37.6)));
        assert!(!dod.estimates.iter().any(|e| e.value_pct == Some(37.6)));
    }

    #[test]
    fn no_estimate_of_germany_at_32_6_percent_is_stored() {
        let s = shares();
        assert!(
            s.about(crate::data::Country::Germany)
                .all(|e| e.value_pct != Some(32.6))
        );
        assert_eq!(
            s.germany_troops.iter().filter(|t| t.series_break).count(),
            1
        );
    }
}
