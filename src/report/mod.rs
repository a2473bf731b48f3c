//! Renderings for the command line and for files: tables, CSV and JSON.
//!
//! Sits beside `ui`: it formats what `data` and `econ` hold and computes nothing itself.

pub mod export;
pub mod projection;

use serde::Serialize;

use crate::econ::{AssumptionId, Assumptions, spec};

pub use projection::ProjectionReport;

/// One assumption as recorded in a report or an export.
#[derive(Debug, Clone, Serialize)]
pub struct AssumptionValue {
    pub name: &'static str,
    pub value: f64,
    pub unit: &'static str,
}

pub fn assumption_values(a: &Assumptions) -> Vec<AssumptionValue> {
    let units = [
        (AssumptionId::KoreanCpi, "%"),
        (AssumptionId::UsCpi, "%"),
        (AssumptionId::KrwPerUsd, ""),
        (AssumptionId::DefenseGrowth, "%"),
        (AssumptionId::CustomGrowth, "%"),
        (AssumptionId::BaseYear, ""),
        (AssumptionId::Horizon, ""),
    ];
    units
        .into_iter()
        // Exact as used, less float noise: 2.63 stays 2.63, not 2.6.
        .map(|(id, unit)| AssumptionValue {
            name: spec(id).key,
            value: (a.get(id) * 1e4).round() / 1e4,
            unit,
        })
        .collect()
}
