//! The names the config file gives to panes, metrics, currencies, chart styles, orders
//! and assumptions, both ways: read by `file.rs`, written by [`super::Config::to_toml`].

use crate::app::{ChartStyle, Order, Pane};
use crate::econ::{AssumptionId, CostView, Currency, Metric, TroopBasis};

pub(super) const PANES: [(&str, Pane); 4] = [
    ("timeline", Pane::Timeline),
    ("costs", Pane::Costs),
    ("troops", Pane::Troops),
    ("assumptions", Pane::Assumptions),
];
pub(super) const METRICS: [(&str, Metric, TroopBasis); 5] = [
    ("contribution", Metric::Contribution, TroopBasis::Counted),
    ("change", Metric::YearOnYear, TroopBasis::Counted),
    ("per-member", Metric::PerServiceMember, TroopBasis::Counted),
    (
        "per-member-headline",
        Metric::PerServiceMember,
        TroopBasis::Headline,
    ),
    ("cumulative", Metric::Cumulative, TroopBasis::Counted),
];
pub(super) const CURRENCIES: [(&str, Currency); 2] =
    [("krw", Currency::Local), ("usd", Currency::Usd)];
pub(super) const CHARTS: [(&str, ChartStyle); 2] =
    [("bars", ChartStyle::Bars), ("line", ChartStyle::Line)];
pub(super) const ORDERS: [(&str, Order); 2] =
    [("agreement", Order::Grouped), ("date", Order::ByDate)];
pub(super) const ASSUMPTIONS: [(&str, AssumptionId); 10] = [
    ("korean_cpi", AssumptionId::KoreanCpi),
    ("us_cpi", AssumptionId::UsCpi),
    ("krw_per_usd", AssumptionId::KrwPerUsd),
    ("defense_growth", AssumptionId::DefenseGrowth),
    ("custom_growth", AssumptionId::CustomGrowth),
    ("base_year", AssumptionId::BaseYear),
    ("horizon", AssumptionId::Horizon),
    ("japanese_cpi", AssumptionId::JapaneseCpi),
    ("jpy_per_usd", AssumptionId::JpyPerUsd),
    ("japan_custom_growth", AssumptionId::JapanCustomGrowth),
];

pub(super) fn pane_name(p: Pane) -> &'static str {
    PANES
        .iter()
        .find(|(_, x)| *x == p)
        .map_or("timeline", |(n, _)| n)
}

/// The metrics' names, as the config's [start] and `chart --metric` take them.
pub const METRIC_NAMES: [&str; 5] = [
    METRICS[0].0,
    METRICS[1].0,
    METRICS[2].0,
    METRICS[3].0,
    METRICS[4].0,
];

/// The metric and troop figure a name stands for.
pub fn metric_named(name: &str) -> Option<(Metric, TroopBasis)> {
    METRICS
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(_, m, t)| (*m, *t))
}

pub(super) fn metric_name(v: &CostView) -> &'static str {
    METRICS
        .iter()
        .find(|(_, m, t)| *m == v.metric && (*m != Metric::PerServiceMember || *t == v.troops))
        .map_or("contribution", |(n, _, _)| n)
}

pub(super) fn currency_name(c: Currency) -> &'static str {
    CURRENCIES
        .iter()
        .find(|(_, x)| *x == c)
        .map_or("krw", |(n, _)| n)
}

pub(super) fn order_name(o: Order) -> &'static str {
    ORDERS
        .iter()
        .find(|(_, x)| *x == o)
        .map_or("agreement", |(n, _)| n)
}

pub(super) fn chart_name(c: ChartStyle) -> &'static str {
    CHARTS
        .iter()
        .find(|(_, x)| *x == c)
        .map_or("bars", |(n, _)| n)
}

pub(super) fn assumption_name(id: AssumptionId) -> &'static str {
    ASSUMPTIONS
        .iter()
        .find(|(_, x)| *x == id)
        .map_or("?", |(n, _)| n)
}
