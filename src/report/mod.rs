//! Renderings for the command line and for files: tables, CSV and JSON.
//!
//! Sits beside `ui`: it formats what `data` and `econ` hold and computes nothing itself.

pub(crate) mod cite;
pub mod compare;
pub mod export;
pub(crate) mod projection;
pub(crate) mod tables;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::data::Host;
use crate::econ::{AssumptionId, Assumptions, spec};

pub use projection::ProjectionReport;

/// One assumption as recorded in a report or an export.
#[derive(Debug, Clone, Serialize)]
pub struct AssumptionRecord {
    pub name: &'static str,
    pub value: f64,
    pub unit: &'static str,
    /// Years set apart from the flat rate.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_year: BTreeMap<i32, f64>,
}

/// Exact as used, less float noise: 2.63 stays 2.63, not 2.6.
fn exact(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// The assumptions behind a report of `host`'s figures (its own CPI and rate); the
/// base year only where amounts are real, since nominal figures do not depend on it.
pub fn assumption_values(a: &Assumptions, host: Host, real: bool) -> Vec<AssumptionRecord> {
    let paths = a.rate_paths();
    AssumptionId::of_host(host)
        .iter()
        .copied()
        .filter(|id| real || *id != AssumptionId::BaseYear)
        .map(|id| {
            let unit = match id {
                AssumptionId::KrwPerUsd => "KRW/USD",
                AssumptionId::JpyPerUsd => "JPY/USD",
                AssumptionId::BaseYear | AssumptionId::Horizon => "",
                _ => "%",
            };
            (id, unit)
        })
        .map(|(id, unit)| AssumptionRecord {
            name: spec(id).key,
            value: exact(a.get(id)),
            unit,
            by_year: paths
                .iter()
                .find(|(p, _)| *p == id)
                .map(|(_, path)| path.by_year.iter().map(|(y, v)| (*y, exact(*v))).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// "korean_cpi=2.5 (2028: 9); us_cpi=2.63; …": the assumptions in one line, as
/// report headers and the files' `assumptions` column write them.
pub fn assumptions_text(a: &Assumptions, host: Host, real: bool, separator: &str) -> String {
    assumption_values(a, host, real)
        .iter()
        .map(|v| {
            let mut text = format!("{}={}", v.name, v.value);
            if !v.by_year.is_empty() {
                let years: Vec<String> =
                    v.by_year.iter().map(|(y, r)| format!("{y}: {r}")).collect();
                text.push_str(&format!(" ({})", years.join(", ")));
            }
            text
        })
        .collect::<Vec<_>>()
        .join(separator)
}
