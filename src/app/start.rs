//! Where the dashboard starts: what `[start]` of the config sets. The values are the
//! config's (`config/default.toml`, compiled in, overlaid by the user's file, read by
//! `config/`, which builds the `App` from them); this only names them, so that `app/`
//! takes them without reading the config above it.

use crate::econ::compare::MeasureKind;
use crate::econ::{CostView, ScenarioId};

use super::{ChartStyle, Order, Pane};

/// Where the dashboard starts: the focused pane, the view, the pinned scenario and the
/// timeline's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub focus: Pane,
    pub view: CostView,
    pub chart: ChartStyle,
    pub projections: bool,
    pub scenario: ScenarioId,
    pub timeline_order: Order,
    /// What Costs measures both hosts' payments in, while both are shown.
    pub measure: MeasureKind,
}
