//! Economics: real terms, currencies, escalation rules and projections.
//!
//! Pure functions over the `data` model: no terminal, no files, cheap enough to run
//! again on every keystroke.

pub(crate) mod assumptions;
pub(crate) mod band;
pub mod compare;
pub(crate) mod cross_check;
pub(crate) mod deflator;
pub(crate) mod escalation;
pub(crate) mod inputs;
pub mod metrics;
pub mod scenario;

pub(crate) use assumptions::{
    AssumptionError, AssumptionValue, JAPAN_FALLBACK, RatePath, base_year_within,
};
pub use assumptions::{AssumptionId, Assumptions, spec};
pub(crate) use band::{Band, BandPoint, DashboardBands};
pub use band::{BandSpreads, band, dashboard_bands, spread_spec};
pub(crate) use cross_check::cross_checks;
pub(crate) use deflator::Deflator;
pub(crate) use escalation::Driver;
pub use escalation::escalate;
pub use inputs::{Economy, Origin, PriceIndex};
pub(crate) use inputs::{local_100m_to_usd_m, usd_m_to_local_100m};
pub(crate) use metrics::{
    BASIS_CHANGED, Indices, change_pct, host_span_label, scenario_amounts, span_label, total_spans,
    totals,
};
pub use metrics::{
    CostPoint, CostView, Currency, CurrencyOrigin, Metric, Status, Total, TroopBasis, cost_series,
};
pub use scenario::{Projection, ScenarioId, project, project_all};
pub(crate) use scenario::{
    dedup_keeping_order, projected_sources, rule_agreement, rule_sources, year_sources,
};
