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

/// `1519.2` → `"1,519.2"`.
pub fn group_thousands(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(i, f)| (i, f));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(1519.2, 1), "1,519.2");
        assert_eq!(group_thousands(15192.0, 0), "15,192");
        assert_eq!(group_thousands(-1234567.891, 2), "-1,234,567.89");
        assert_eq!(group_thousands(999.96, 1), "1,000.0");
        assert_eq!(group_thousands(-0.01, 1), "0.0");
    }
}
