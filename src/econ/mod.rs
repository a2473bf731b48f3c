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

pub use assumptions::{
    AssumptionError, AssumptionId, AssumptionSpec, AssumptionValue, Assumptions, JAPAN_FALLBACK,
    RatePath, base_year_within, spec,
};
pub use band::{
    Band, BandInputs, BandPoint, BandSpreads, BandTotal, DashboardBands, Side, SpreadSpec, band,
    band_inputs, dashboard_bands, spread_spec,
};
pub use cross_check::cross_checks;
pub use deflator::Deflator;
pub use escalation::{Driver, Step, escalate};
pub use inputs::{Economy, Origin, PriceIndex, local_100m_to_usd_m, usd_m_to_local_100m};
pub use metrics::{
    BASIS_CHANGED, CostPoint, CostView, Currency, CurrencyOrigin, Indices, Metric, Status, Total,
    TroopBasis, change_pct, cost_series, host_span_label, scenario_amounts, span_label,
    total_spans, totals,
};
pub use scenario::{
    Projection, RuleOrigin, ScenarioId, ScenarioYear, dedup_keeping_order, project, project_all,
    projected_sources, rule_agreement, rule_sources, year_sources,
};
