//! The band of outcomes: each projection between a low and a high path.
//!
//! # Definition
//!
//! Four inputs of a projection can be shifted by a spread: Korean CPI inflation and US
//! CPI-U inflation (± percentage points), won per dollar (± percent of the rate) and ROK
//! defense-budget growth (± percentage points) ([`BandSpreads`]). A shift moves the flat
//! rate *and* every year set apart ([`RatePath::by_year`]), and each shifted value is
//! clamped to the assumption's range ([`spec`]). Recorded years are never shifted: the
//! record is the record.
//!
//! A *corner* of the spreads sets every input that can move a scenario in a view to its
//! low or its high value (the other inputs stay central). The band of a year is the
//! least and the greatest value of that year over the central path and every corner:
//! the per-year envelope. Low and high are values, not inputs, so the band is right
//! where an input moves the value down (more won per dollar means fewer dollars).
//!
//! Only the inputs that can move the scenario in the view are enumerated
//! ([`band_inputs`]), read from what drove each projected year:
//!
//! | scenario | inputs of the rule |
//! | --- | --- |
//! | 12th SMA | Korean CPI (the years whose lagged CPI is assumed) |
//! | 11th SMA rule | defense-budget growth (the years whose growth is assumed) |
//! | the demands | none: dollars |
//! | custom | none: a fixed rate |
//!
//! and then: a figure shown in the other currency than the rule's (won of a demand,
//! dollars of the others) adds won per dollar; real terms add the deflator, Korean CPI
//! for won and US CPI-U for dollars. An input whose spread is zero cannot move anything
//! and is left out. With *n* inputs there are 2ⁿ corners (at most 8 in practice).
//!
//! For a value that moves one way with each input (every amount, nominal or real, of
//! an uncapped rule) the corners hold the extremes of the whole box of inputs. Where it
//! does not (real terms under a capped rule, the year-on-year change), the band is the
//! envelope of the corners, as defined, not a search of the box.
//!
//! The recorded year a projection starts from is pinned: low = high = central. The
//! band is the projection's; history, and the start, are as the central path has them.
//!
//! Pure: no terminal, no files. [`dashboard_bands`] computes, in one call, what the
//! dashboard shows after any change.

use std::fmt;

use crate::data::{Contribution, Dataset, Host};

use super::assumptions::{AssumptionError, AssumptionId, Assumptions, RatePath, spec};
use super::escalation::Driver;
use super::inputs::{Economy, Origin};
use super::metrics::{
    CostPoint, CostView, Currency, CurrencyOrigin, Indices, Metric, apply_metric, money,
    projected_amount, projected_point,
};
use super::scenario::{Projection, ScenarioId, project};

/// How far the low and the high path lie from the assumptions: percentage points for
/// the three rates, percent of the rate for won per dollar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandSpreads {
    /// Korean CPI inflation, ± percentage points.
    pub korean_cpi: f64,
    /// US CPI-U inflation, ± percentage points.
    pub us_cpi: f64,
    /// Won per dollar, ± percent of the rate.
    pub krw_per_usd_pct: f64,
    /// ROK defense-budget growth, ± percentage points.
    pub defense_growth: f64,
}

impl Default for BandSpreads {
    /// ±1 pp Korean and US CPI, ±10 % won per dollar, ±2 pp defense-budget growth.
    fn default() -> Self {
        Self {
            korean_cpi: 1.0,
            us_cpi: 1.0,
            krw_per_usd_pct: 10.0,
            defense_growth: 2.0,
        }
    }
}

/// The side of a spread: the input lowered or raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Low,
    High,
}

/// How one spread may be set: its name, unit and range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpreadSpec {
    /// The rate it shifts.
    pub id: AssumptionId,
    /// The name in `[band]` and in files: `korean_cpi`, as the rate's.
    pub key: &'static str,
    /// `pp` (percentage points) or `%` (percent of the rate).
    pub unit: &'static str,
    /// The unit in words, for messages.
    pub unit_words: &'static str,
    pub min: f64,
    pub max: f64,
}

/// The spread of one of the four rates; `None` for the other assumptions.
pub fn spread_spec(id: AssumptionId) -> Option<SpreadSpec> {
    use AssumptionId::*;
    let (unit, unit_words, max) = match id {
        KoreanCpi | UsCpi | DefenseGrowth | JapaneseCpi => ("pp", "percentage points", 10.0),
        KrwPerUsd | JpyPerUsd => ("%", "%", 50.0),
        CustomGrowth | JapanCustomGrowth | BaseYear | Horizon => return None,
    };
    Some(SpreadSpec {
        id,
        key: spec(id).key,
        unit,
        unit_words,
        min: 0.0,
        max,
    })
}

impl SpreadSpec {
    /// Whether `value` lies in the spread's range.
    pub fn check(&self, value: f64) -> Result<(), AssumptionError> {
        if value.is_finite() && (self.min..=self.max).contains(&value) {
            Ok(())
        } else {
            Err(AssumptionError(format!(
                "expected a spread of {} from {} to {} {}, found {value}",
                self.id.in_words(),
                self.min,
                self.max,
                self.unit_words
            )))
        }
    }

    /// Reads a spread as the command line and the config write it: `1`, `1.5`, and the
    /// unit allowed after the number (`1 pp` or `1 %` for the three rates, `10 %` for won
    /// per dollar); in its range.
    pub fn parse(&self, text: &str) -> Result<f64, AssumptionError> {
        let trimmed = text.trim();
        let digits = trimmed
            .strip_suffix('%')
            .or_else(|| {
                (self.unit == "pp")
                    .then(|| trimmed.strip_suffix("pp"))
                    .flatten()
            })
            .unwrap_or(trimmed)
            .trim_end();
        let value = digits
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| {
                let found = if trimmed.is_empty() {
                    "nothing".to_string()
                } else {
                    format!("\"{trimmed}\"")
                };
                AssumptionError(format!(
                    "expected a spread in {} as a number, found {found}",
                    self.unit_words
                ))
            })?;
        self.check(value)?;
        Ok(value)
    }

    /// "±1 pp", "±10 %".
    pub fn format(&self, value: f64) -> String {
        format!("±{value} {}", self.unit)
    }
}

impl BandSpreads {
    /// The four rates a band shifts, in the order files list them.
    pub const INPUTS: [AssumptionId; 4] = [
        AssumptionId::KoreanCpi,
        AssumptionId::UsCpi,
        AssumptionId::KrwPerUsd,
        AssumptionId::DefenseGrowth,
    ];

    /// No band: every spread zero.
    pub const ZERO: BandSpreads = BandSpreads {
        korean_cpi: 0.0,
        us_cpi: 0.0,
        krw_per_usd_pct: 0.0,
        defense_growth: 0.0,
    };

    /// The spread of one of the four rates (the host's CPI and rate spread alike for
    /// either host); 0 for the other assumptions.
    pub fn get(&self, id: AssumptionId) -> f64 {
        use AssumptionId::*;
        match id {
            KoreanCpi | JapaneseCpi => self.korean_cpi,
            UsCpi => self.us_cpi,
            KrwPerUsd | JpyPerUsd => self.krw_per_usd_pct,
            DefenseGrowth => self.defense_growth,
            CustomGrowth | JapanCustomGrowth | BaseYear | Horizon => 0.0,
        }
    }

    /// Sets the spread of one of the four rates, if `value` lies in its range; on an
    /// error `self` is unchanged.
    pub fn set(&mut self, id: AssumptionId, value: f64) -> Result<(), AssumptionError> {
        use AssumptionId::*;
        let Some(s) = spread_spec(id) else {
            return Err(AssumptionError(format!(
                "expected one of the four rates, found {}",
                id.in_words()
            )));
        };
        s.check(value)?;
        match id {
            KoreanCpi | JapaneseCpi => self.korean_cpi = value,
            UsCpi => self.us_cpi = value,
            KrwPerUsd | JpyPerUsd => self.krw_per_usd_pct = value,
            DefenseGrowth => self.defense_growth = value,
            CustomGrowth | JapanCustomGrowth | BaseYear | Horizon => {}
        }
        Ok(())
    }

    /// Every spread in its range; the message starts with the spread's key.
    pub fn check(&self) -> Result<(), AssumptionError> {
        for id in Self::INPUTS {
            if let Some(s) = spread_spec(id) {
                s.check(self.get(id))
                    .map_err(|e| AssumptionError(format!("{}: {e}", s.key)))?;
            }
        }
        Ok(())
    }

    /// `path`, a path of rate `id`, moved to `side` of the spread: the flat rate and
    /// every year set apart, each clamped to the rate's range. A spread of zero, or an
    /// assumption other than the four rates, leaves the path as it is.
    pub fn shifted(&self, id: AssumptionId, path: &RatePath, side: Side) -> RatePath {
        let spread = self.get(id);
        if spread == 0.0 {
            return path.clone();
        }
        let s = spec(id);
        let sign = match side {
            Side::Low => -1.0,
            Side::High => 1.0,
        };
        let shift = |v: f64| {
            let moved = match id {
                AssumptionId::KrwPerUsd | AssumptionId::JpyPerUsd => {
                    v * (1.0 + sign * spread / 100.0)
                }
                _ => v + sign * spread,
            };
            moved.clamp(s.min, s.max)
        };
        RatePath {
            flat: shift(path.flat),
            by_year: path.by_year.iter().map(|(y, v)| (*y, shift(*v))).collect(),
        }
    }

    /// "korean_cpi ±1 pp; us_cpi ±1 pp; krw_per_usd ±10 %; defense_growth ±2 pp": the
    /// spreads in one line, as files stamp them.
    pub fn stamp(&self) -> String {
        self.stamp_for(Host::Korea)
    }

    /// As [`BandSpreads::stamp`], of the rates that move `host`'s projections, named as
    /// its own: "japanese_cpi ±1 pp; us_cpi ±1 pp; jpy_per_usd ±10 %".
    pub fn stamp_for(&self, host: Host) -> String {
        self.joined(host, |s| s.key, "; ")
    }

    /// "Korean CPI inflation ±1 pp, US CPI-U inflation ±1 pp, won per dollar ±10 %, ROK
    /// defense-budget growth ±2 pp": as a table's header says them.
    pub fn describe(&self) -> String {
        self.describe_for(Host::Korea)
    }

    /// As [`BandSpreads::describe`], of `host`'s rates.
    pub fn describe_for(&self, host: Host) -> String {
        self.joined(host, |s| s.id.in_words(), ", ")
    }

    /// As [`BandSpreads::describe`], of the inputs that moved one band only: "won per
    /// dollar ±10 %"; `host`'s own ("yen per dollar ±10 %").
    pub fn describe_moved(&self, inputs: BandInputs, host: Host) -> String {
        Self::INPUTS
            .iter()
            .filter(|id| inputs.contains(**id))
            .filter_map(|&id| spread_spec(id.for_host(host)))
            .map(|s| format!("{} {}", s.id.in_words(), s.format(self.get(s.id))))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The spreads of the rates `host`'s projections read, each named as its own.
    fn joined(
        &self,
        host: Host,
        name: impl Fn(&SpreadSpec) -> &'static str,
        separator: &str,
    ) -> String {
        let read = AssumptionId::of_host(host);
        Self::INPUTS
            .iter()
            .map(|id| id.for_host(host))
            .filter(|id| read.contains(id))
            .filter_map(spread_spec)
            .map(|s| format!("{} {}", name(&s), s.format(self.get(s.id))))
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl fmt::Display for BandSpreads {
    /// As [`BandSpreads::stamp`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.stamp())
    }
}

/// The inputs that can move one scenario in one view: a set of the four rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct BandInputs(u8);

/// The bit of each of the four rates in [`BandInputs`].
fn bit(id: AssumptionId) -> u8 {
    use AssumptionId::*;
    match id {
        KoreanCpi | JapaneseCpi => 1,
        UsCpi => 2,
        KrwPerUsd | JpyPerUsd => 4,
        DefenseGrowth => 8,
        CustomGrowth | JapanCustomGrowth | BaseYear | Horizon => 0,
    }
}

impl BandInputs {
    pub fn contains(self, id: AssumptionId) -> bool {
        bit(id) != 0 && self.0 & bit(id) != 0
    }

    pub fn insert(&mut self, id: AssumptionId) {
        self.0 |= bit(id);
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The inputs in the order of [`BandSpreads::INPUTS`].
    pub fn iter(self) -> impl Iterator<Item = AssumptionId> {
        BandSpreads::INPUTS
            .into_iter()
            .filter(move |id| self.contains(*id))
    }

    fn intersect(self, other: BandInputs) -> BandInputs {
        BandInputs(self.0 & other.0)
    }
}

/// Whether `year` takes `id` from the assumptions rather than the record.
fn assumed(d: &Dataset, id: AssumptionId, year: i32) -> bool {
    id.last_recorded(d).is_none_or(|last| year > last)
}

/// The inputs a scenario's rule reads in an assumed year: what a shift changes in the
/// projection itself (as opposed to its conversion or deflation).
fn rule_inputs(d: &Dataset, p: &Projection) -> BandInputs {
    let host = d.info.host;
    // Named as `host`'s own (Japan's CPI, yen per dollar); the set holds each rate's slot.
    let (cpi, rate) = (
        AssumptionId::KoreanCpi.for_host(host),
        AssumptionId::KrwPerUsd.for_host(host),
    );
    let mut inputs = BandInputs::default();
    let mut set_in_dollars = false;
    for y in p.years.iter().filter(|y| y.projected) {
        match y.driver {
            Some(Driver::Cpi {
                origin: Origin::Assumed,
                ..
            }) => inputs.insert(cpi),
            Some(Driver::DefenseGrowth {
                origin: Origin::Assumed,
                ..
            }) => inputs.insert(AssumptionId::DefenseGrowth),
            _ => {}
        }
        // A year grown from a prior amount the rule set in dollars grows money converted
        // at that year's rate: the rate then moves the rule's own figures.
        let relative = matches!(
            y.driver,
            Some(Driver::Cpi { .. } | Driver::DefenseGrowth { .. } | Driver::Growth { .. })
        );
        if relative && set_in_dollars {
            inputs.insert(rate);
        }
        if y.usd_m.is_some() && assumed(d, rate, y.year) {
            set_in_dollars = true;
        }
    }
    inputs
}

/// The inputs that can move `p` in `view` (see the module's definition), those with a
/// spread of zero left out: what the tests read of `inputs_and_rule`.
#[cfg(test)]
fn band_inputs(e: &Economy, p: &Projection, view: &CostView, spreads: &BandSpreads) -> BandInputs {
    inputs_and_rule(e, p, view, spreads).0
}

/// The inputs that can move `p` in `view`, and those of them its rule reads.
fn inputs_and_rule(
    e: &Economy,
    p: &Projection,
    view: &CostView,
    spreads: &BandSpreads,
) -> (BandInputs, BandInputs) {
    let d = e.data;
    let rule = rule_inputs(d, p);
    let mut inputs = rule;
    let projected = || p.years.iter().filter(|y| y.projected);
    // A figure shown in the other currency than the rule gives it is converted.
    let converted = projected().any(|y| {
        let in_dollars = y.usd_m.is_some();
        let shown_in_dollars = view.currency == Currency::Usd;
        in_dollars != shown_in_dollars && assumed(d, AssumptionId::KrwPerUsd, y.year)
    });
    if converted {
        inputs.insert(AssumptionId::KrwPerUsd);
    }
    if view.real {
        let deflator = deflator(view.currency);
        let base = e.assumptions.base_year;
        if projected().any(|y| assumed(d, deflator, y.year.max(base))) {
            inputs.insert(deflator);
        }
    }
    let mut moving = BandInputs::default();
    for id in inputs.iter().filter(|id| spreads.get(*id) > 0.0) {
        moving.insert(id);
    }
    (moving, rule.intersect(moving))
}

/// The CPI that deflates `currency`.
fn deflator(currency: Currency) -> AssumptionId {
    match currency {
        Currency::Local => AssumptionId::KoreanCpi,
        Currency::Usd => AssumptionId::UsCpi,
    }
}

/// One year of a band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandPoint {
    pub year: i32,
    /// The value on the central path: the cost series' value for the year.
    pub central: Option<f64>,
    /// The least value over the central path and every corner; `None` where the
    /// central path has none.
    pub low: Option<f64>,
    /// The greatest value over the central path and every corner.
    pub high: Option<f64>,
}

/// One scenario between its low and its high path, in one view.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub scenario: ScenarioId,
    /// The metric, currency and basis of the values.
    pub view: CostView,
    /// The inputs enumerated: those that can move the scenario in the view.
    pub inputs: BandInputs,
    /// The recorded start year (low = high = central), then each projected year: the
    /// years the cost series has for the scenario's projection.
    pub points: Vec<BandPoint>,
}

/// A band's sums over a span, labelled with the years they add up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandTotal {
    pub from: i32,
    pub to: i32,
    /// The central path's total: what [`super::Total::of`] gives for the same amounts.
    pub central: f64,
    /// The sum of the per-year lows.
    pub low: f64,
    /// The sum of the per-year highs.
    pub high: f64,
}

impl Band {
    pub fn at(&self, year: i32) -> Option<&BandPoint> {
        let first = self.points.first()?.year;
        self.points.get(usize::try_from(year - first).ok()?)
    }

    /// Sums over `from..=to` of the years with a value: the central values, the per-year
    /// lows and the per-year highs. The low and high totals are sums of the per-year
    /// lows and highs, not the totals of one path each: where one input moves different
    /// years in opposite directions they bound every corner's total without being one.
    /// Meant for amounts (the contribution metric), in the band's currency and basis;
    /// `None` when no year in the span has a value.
    pub fn total(&self, from: i32, to: i32) -> Option<BandTotal> {
        let mut summed = self
            .points
            .iter()
            .filter(|p| (from..=to).contains(&p.year))
            .filter_map(|p| Some((p.year, p.central?, p.low?, p.high?)));
        let (first, central, low, high) = summed.next()?;
        let mut total = BandTotal {
            from: first,
            to: first,
            central,
            low,
            high,
        };
        for (year, central, low, high) in summed {
            total.to = year;
            total.central += central;
            total.low += low;
            total.high += high;
        }
        Some(total)
    }
}

/// What the dashboard shows with the band on, after any change: every scenario's band
/// of its contribution in the view's currency and basis (for the Assumptions pane's
/// totals) and the charted scenario's band in the view's metric (for the chart).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DashboardBands {
    /// Contribution, in the order of the projections given.
    contributions: Vec<Band>,
    /// The charted scenario in the view's metric, where that is not the contribution.
    charted_metric: Option<Band>,
    charted: Option<ScenarioId>,
}

impl DashboardBands {
    /// Every scenario's band of its contribution, in the view's currency and basis.
    pub fn contributions(&self) -> &[Band] {
        &self.contributions
    }

    /// One scenario's band of its contribution.
    pub fn of(&self, scenario: ScenarioId) -> Option<&Band> {
        self.contributions.iter().find(|b| b.scenario == scenario)
    }

    /// The charted scenario's band in the view's metric.
    pub fn charted(&self) -> Option<&Band> {
        self.charted_metric
            .as_ref()
            .or_else(|| self.of(self.charted?))
    }

    /// One scenario's low, central and high totals over `from..=to` (see
    /// [`Band::total`]).
    pub fn total(&self, scenario: ScenarioId, from: i32, to: i32) -> Option<BandTotal> {
        self.of(scenario)?.total(from, to)
    }
}

/// `projection` (on the central assumptions of `e`) between its low and high path in
/// `view`: metric, currency, nominal or real.
pub fn band(e: &Economy, projection: &Projection, view: &CostView, spreads: &BandSpreads) -> Band {
    let mut cx = Context::new(e, view, spreads);
    if view.metric == Metric::Contribution {
        cx.scenario(projection, None).0
    } else {
        let prefix = cx.prefix(projection, view);
        cx.scenario(projection, Some((view, prefix)))
            .1
            .expect("a metric band was asked for")
    }
}

/// What the dashboard needs after any change, in one call: the band of each of
/// `projections` (the central ones, as `App::derived` holds them) for the contribution
/// in `view`'s currency and basis, and the band of the `charted` scenario in `view`'s
/// metric. Each scenario's corners are computed once and serve both.
pub fn dashboard_bands(
    e: &Economy,
    projections: &[Projection],
    view: &CostView,
    charted: ScenarioId,
    spreads: &BandSpreads,
) -> DashboardBands {
    let mut cx = Context::new(e, view, spreads);
    let mut contributions = Vec::with_capacity(projections.len());
    let mut charted_metric = None;
    for p in projections {
        let metric = (p.scenario == charted && view.metric != Metric::Contribution)
            .then(|| (view, cx.prefix(p, view)));
        let (amounts, in_metric) = cx.scenario(p, metric);
        contributions.push(amounts);
        if in_metric.is_some() {
            charted_metric = in_metric;
        }
    }
    DashboardBands {
        contributions,
        charted_metric,
        charted: Some(charted),
    }
}

/// What the corners of one call share: the shifted paths and deflators, built once.
struct Context<'c, 'a> {
    e: &'c Economy<'a>,
    spreads: BandSpreads,
    /// The contribution in the view's currency and basis.
    amounts: CostView,
    /// Each rate's path moved low and high, by the order of [`BandSpreads::INPUTS`];
    /// built when first needed.
    shifted: [Option<[RatePath; 2]>; 4],
    /// The central deflator of the view's currency; empty when nominal (never read).
    central_index: Indices,
    /// The deflator with its CPI low and high, when real and the CPI moves.
    shifted_index: Option<[Indices; 2]>,
    /// The corner's points, reused from corner to corner.
    buffer: Vec<CostPoint>,
}

/// Where the inputs stand in one corner.
#[derive(Clone, Copy)]
struct Corner {
    inputs: BandInputs,
    /// Bit k set: the k-th input of `inputs` high; clear: low.
    sides: u32,
}

impl Corner {
    fn side(self, id: AssumptionId) -> Option<Side> {
        let k = self.inputs.iter().position(|i| i == id)?;
        Some(if self.sides & (1 << k) != 0 {
            Side::High
        } else {
            Side::Low
        })
    }
}

fn slot(id: AssumptionId) -> usize {
    BandSpreads::INPUTS
        .iter()
        .position(|i| *i == id)
        .expect("one of the four rates")
}

/// The per-year envelope, seeded with the central values.
struct Envelope {
    points: Vec<BandPoint>,
}

impl Envelope {
    fn new(central: impl Iterator<Item = (i32, Option<f64>)>) -> Self {
        Self {
            points: central
                .map(|(year, v)| BandPoint {
                    year,
                    central: v,
                    low: v,
                    high: v,
                })
                .collect(),
        }
    }

    /// Widens each year after the pinned start by a corner's value of it.
    fn widen(&mut self, values: impl Iterator<Item = Option<f64>>) {
        for (p, v) in self.points.iter_mut().skip(1).zip(values) {
            if let (Some(v), Some(low), Some(high)) = (v.filter(|v| v.is_finite()), p.low, p.high) {
                p.low = Some(low.min(v));
                p.high = Some(high.max(v));
            }
        }
    }
}

impl<'c, 'a> Context<'c, 'a> {
    fn new(e: &'c Economy<'a>, view: &CostView, spreads: &BandSpreads) -> Self {
        let amounts = CostView {
            metric: Metric::Contribution,
            ..*view
        };
        let central_index = if view.real {
            Indices::for_currency(e, e.assumptions.horizon, view.currency)
        } else {
            Indices::empty()
        };
        Self {
            e,
            spreads: *spreads,
            amounts,
            shifted: [None, None, None, None],
            central_index,
            shifted_index: None,
            buffer: Vec::new(),
        }
    }

    /// Builds the shifted paths of `inputs`, and the shifted deflator where it moves.
    fn prepare(&mut self, inputs: BandInputs) {
        let a = self.e.assumptions;
        let host = self.e.data.info.host;
        for id in inputs.iter() {
            let slot = &mut self.shifted[slot(id)];
            if slot.is_none() {
                let path = rate(a, id, host);
                // Shifted and clamped as the host's own rate.
                let id = id.for_host(host);
                *slot = Some([
                    self.spreads.shifted(id, path, Side::Low),
                    self.spreads.shifted(id, path, Side::High),
                ]);
            }
        }
        let deflator = deflator(self.amounts.currency);
        if self.amounts.real && inputs.contains(deflator) && self.shifted_index.is_none() {
            let index = |side: Side| {
                let mut moved = a.clone();
                *rate_mut(&mut moved, deflator, host) = self.shifted_path(deflator, side).clone();
                let e = Economy::new(self.e.data, &moved);
                Indices::for_currency(&e, a.horizon, self.amounts.currency)
            };
            self.shifted_index = Some([index(Side::Low), index(Side::High)]);
        }
    }

    fn shifted_path(&self, id: AssumptionId, side: Side) -> &RatePath {
        let pair = self.shifted[slot(id)]
            .as_ref()
            .expect("prepared before use");
        match side {
            Side::Low => &pair[0],
            Side::High => &pair[1],
        }
    }

    /// The assumptions of one corner.
    fn assumptions(&self, corner: Corner) -> Assumptions {
        let host = self.e.data.info.host;
        let mut moved = self.e.assumptions.clone();
        for id in corner.inputs.iter() {
            if let Some(side) = corner.side(id) {
                *rate_mut(&mut moved, id, host) = self.shifted_path(id, side).clone();
            }
        }
        moved
    }

    /// The deflator of one corner (empty when nominal: it is not read).
    fn indices(&self, corner: Corner) -> &Indices {
        let side = corner.side(deflator(self.amounts.currency));
        match (side, &self.shifted_index) {
            (Some(Side::Low), Some([low, _])) => low,
            (Some(Side::High), Some([_, high])) => high,
            _ => &self.central_index,
        }
    }

    /// The point before the start, for a metric over the series: the contribution
    /// before the start year, or for the cumulative the sum of every one before it, as
    /// [`super::cost_series`] adds them.
    fn prefix(&self, p: &Projection, view: &CostView) -> Option<CostPoint> {
        let e = self.e;
        let start = p.years.first()?.year;
        let indices = &self.central_index;
        let amount = |c: &Contribution| {
            money(
                e,
                &self.amounts,
                indices,
                c.year,
                (c.local_100m, c.usd_m),
                CurrencyOrigin::Published,
            )
        };
        let value = |c: &Contribution| amount(c).value;
        let before = e.data.contributions.iter().take_while(|c| c.year < start);
        let last = before.clone().last()?;
        let origin = amount(last).origin;
        let value = match view.metric {
            Metric::Cumulative => {
                let mut sum = None;
                for v in before.filter_map(value) {
                    sum = Some(sum.unwrap_or(0.0) + v);
                }
                sum
            }
            _ => value(last),
        };
        Some(CostPoint {
            year: last.year,
            value,
            projected: false,
            capped: false,
            extended: false,
            origin,
            basis_changed: false,
            confidence: None,
            driver: None,
            host: e.data.info.host,
        })
    }

    /// One scenario's band of its contribution and, when asked, its band in a metric
    /// (the view and the point before the start that the metric reads).
    fn scenario(
        &mut self,
        p: &Projection,
        metric: Option<(&CostView, Option<CostPoint>)>,
    ) -> (Band, Option<Band>) {
        let e = self.e;
        let d = e.data;
        let (inputs, rule) = inputs_and_rule(e, p, &self.amounts, &self.spreads);
        self.prepare(inputs);
        let amounts_view = self.amounts;
        // The central path.
        let central_amounts: Vec<CostPoint> = {
            let indices = self.indices(Corner {
                inputs: BandInputs::default(),
                sides: 0,
            });
            p.years
                .iter()
                .map(|y| projected_point(e, &amounts_view, indices, y))
                .collect()
        };
        let mut amounts = Envelope::new(
            p.years
                .iter()
                .zip(&central_amounts)
                .map(|(y, c)| (y.year, c.value)),
        );
        let mut in_metric = metric.map(|(view, prefix)| {
            let series = with_metric(d, view, prefix.as_ref(), &central_amounts, &mut self.buffer);
            let envelope = Envelope::new(
                p.years
                    .iter()
                    .zip(series.iter().skip(usize::from(prefix.is_some())))
                    .map(|(y, c)| (y.year, c.value)),
            );
            (view, prefix, envelope)
        });
        // The projections of the rule's corners, each computed once.
        let mut projections: Vec<(u32, Projection)> = Vec::new();
        let corners = if inputs.is_empty() {
            0
        } else {
            1u32 << inputs.len()
        };
        for sides in 0..corners {
            let corner = Corner { inputs, sides };
            let a = self.assumptions(corner);
            let ce = Economy::new(d, &a);
            let Some(projection) = corner_projection(&mut projections, p, &ce, corner, rule) else {
                continue;
            };
            let mut points = std::mem::take(&mut self.buffer);
            points.clear();
            let indices = self.indices(corner);
            let Some((view, prefix, envelope)) = &mut in_metric else {
                // The amounts alone: no points to build.
                amounts.widen(
                    projection
                        .years
                        .iter()
                        .skip(1)
                        .map(|y| projected_amount(&ce, &amounts_view, indices, y).value),
                );
                self.buffer = points;
                continue;
            };
            points.extend(
                projection
                    .years
                    .iter()
                    .map(|y| projected_point(&ce, &amounts_view, indices, y)),
            );
            amounts.widen(points.iter().skip(1).map(|c| c.value));
            // History and the start as the central path has them: the band is pinned
            // there.
            if let (Some(start), Some(central)) = (points.first_mut(), central_amounts.first()) {
                *start = *central;
            }
            if let Some(prefix) = prefix {
                points.insert(0, *prefix);
            }
            points = apply_metric(d, view, points);
            let skip = usize::from(prefix.is_some()) + 1;
            envelope.widen(points.iter().skip(skip).map(|c| c.value));
            self.buffer = points;
        }
        let band = |view: CostView, envelope: Envelope| Band {
            scenario: p.scenario,
            view,
            inputs,
            points: envelope.points,
        };
        let in_metric = in_metric.map(|(view, _, envelope)| band(*view, envelope));
        (band(amounts_view, amounts), in_metric)
    }
}

/// The projection at a corner: the central one where the rule reads no input the
/// band moves, else the rule's at the corner's values of its inputs, computed once for
/// each and kept in `projections`. `None` where the rule projects nothing there.
fn corner_projection<'a>(
    projections: &'a mut Vec<(u32, Projection)>,
    p: &'a Projection,
    ce: &Economy,
    corner: Corner,
    rule: BandInputs,
) -> Option<&'a Projection> {
    if rule.is_empty() {
        return Some(p);
    }
    let key = rule_key(corner, rule);
    let at = match projections.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            projections.push((key, project(ce, p.scenario)?));
            projections.len() - 1
        }
    };
    Some(&projections[at].1)
}

/// The central amounts in `view`'s metric, after the point before the start.
fn with_metric<'b>(
    d: &Dataset,
    view: &CostView,
    prefix: Option<&CostPoint>,
    amounts: &[CostPoint],
    buffer: &'b mut Vec<CostPoint>,
) -> &'b [CostPoint] {
    let mut points = std::mem::take(buffer);
    points.clear();
    points.extend(prefix.copied());
    points.extend_from_slice(amounts);
    *buffer = apply_metric(d, view, points);
    buffer
}

/// The sides of a corner's rule inputs alone, as a key for its projection.
fn rule_key(corner: Corner, rule: BandInputs) -> u32 {
    corner
        .inputs
        .iter()
        .enumerate()
        .filter(|(_, id)| rule.contains(*id))
        .fold(0, |key, (k, _)| key | (corner.sides & (1 << k)))
}

/// The path of one of the four rates, the CPI and the rate being `host`'s.
fn rate(a: &Assumptions, id: AssumptionId, host: Host) -> &RatePath {
    use AssumptionId::*;
    match id {
        KoreanCpi | JapaneseCpi => a.host_cpi(host),
        UsCpi => &a.us_cpi,
        KrwPerUsd | JpyPerUsd => a.per_usd(host),
        _ => &a.defense_growth,
    }
}

fn rate_mut(a: &mut Assumptions, id: AssumptionId, host: Host) -> &mut RatePath {
    use AssumptionId::*;
    match id {
        KoreanCpi | JapaneseCpi => a.host_cpi_mut(host),
        UsCpi => &mut a.us_cpi,
        KrwPerUsd | JpyPerUsd => a.per_usd_mut(host),
        _ => &mut a.defense_growth,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::econ::{Total, TroopBasis, cost_series, project_all, scenario_amounts};

    fn embedded() -> Dataset {
        Dataset::embedded().expect("the embedded dataset is valid")
    }

    /// History's assumptions with Korean CPI at `cpi`, won per dollar at 1,400 and the
    /// horizon at 2030.
    fn assumptions(d: &Dataset, cpi: &str) -> Assumptions {
        let mut a = Assumptions::from_history(d);
        a.apply_text(AssumptionId::Horizon, "2030", d).unwrap();
        a.apply_text(AssumptionId::KoreanCpi, cpi, d).unwrap();
        a.apply_text(AssumptionId::KrwPerUsd, "1400", d).unwrap();
        a
    }

    fn view(metric: Metric, currency: Currency, real: bool) -> CostView {
        CostView {
            metric,
            currency,
            real,
            troops: TroopBasis::Headline,
        }
    }

    fn won() -> CostView {
        view(Metric::Contribution, Currency::Local, false)
    }

    fn dollars() -> CostView {
        view(Metric::Contribution, Currency::Usd, false)
    }

    fn band_of(d: &Dataset, a: &Assumptions, s: ScenarioId, v: &CostView) -> Band {
        let e = Economy::new(d, a);
        let p = project(&e, s).unwrap();
        band(&e, &p, v, &BandSpreads::default())
    }

    /// The scenario's contribution in `v` in 2030, on assumptions `a`.
    fn value_2030(d: &Dataset, a: &Assumptions, s: ScenarioId, v: &CostView) -> f64 {
        let e = Economy::new(d, a);
        let p = project(&e, s).unwrap();
        let indices = Indices::new(&e, a.horizon);
        let amounts = scenario_amounts(&e, &p, v.currency, v.real, &indices);
        amounts
            .iter()
            .find(|c| c.year == 2030)
            .unwrap()
            .value
            .unwrap()
    }

    fn round1(v: Option<f64>) -> String {
        format!("{:.1}", v.unwrap())
    }

    #[test]
    fn the_12th_sma_in_won_lies_between_cpi_one_point_down_and_up() {
        let d = embedded();
        let a = assumptions(&d, "2");
        let b = band_of(&d, &a, ScenarioId::CurrentAgreement, &won());
        assert_eq!(
            b.inputs.iter().collect::<Vec<_>>(),
            [AssumptionId::KoreanCpi]
        );
        let y = b.at(2030).unwrap();
        // 1,519.2 × 1.021 × 1.02³ = 1,646.0; at 3 %: × 1.03³ = 1,694.9; at 1 %: 1,598.1.
        assert_eq!(
            (round1(y.central), round1(y.low), round1(y.high)),
            ("1646.0".into(), "1598.1".into(), "1694.9".into())
        );
        // Exactly the projections at 1 % and 3 %.
        let at = |cpi| {
            value_2030(
                &d,
                &assumptions(&d, cpi),
                ScenarioId::CurrentAgreement,
                &won(),
            )
        };
        assert_eq!((y.low, y.high), (Some(at("1")), Some(at("3"))));
        // The recorded start is pinned, and 2027 follows 2025's recorded CPI: no band.
        let start = b.points[0];
        assert_eq!(
            (start.year, start.low, start.high),
            (2026, start.central, start.central)
        );
        let y2027 = b.at(2027).unwrap();
        assert_eq!((y2027.low, y2027.high), (y2027.central, y2027.central));
        assert_eq!(b.points.len(), 5);
    }

    #[test]
    fn a_demand_in_won_moves_with_the_rate_and_in_dollars_not_at_all() {
        let d = embedded();
        let a = assumptions(&d, "2");
        let b = band_of(&d, &a, ScenarioId::Demand5bn, &won());
        assert_eq!(
            b.inputs.iter().collect::<Vec<_>>(),
            [AssumptionId::KrwPerUsd]
        );
        // $5,000 m at 1,400 ₩/$ = 7,000 bn won; at 1,260 and 1,540: 6,300 and 7,700.
        for year in 2027..=2030 {
            let y = b.at(year).unwrap();
            assert_eq!(
                (round1(y.central), round1(y.low), round1(y.high)),
                ("7000.0".into(), "6300.0".into(), "7700.0".into()),
                "{year}"
            );
        }
        let b = band_of(&d, &a, ScenarioId::Demand5bn, &dollars());
        assert!(b.inputs.is_empty());
        for y in &b.points[1..] {
            assert_eq!(
                (y.central, y.low, y.high),
                (Some(5000.0), Some(5000.0), Some(5000.0))
            );
        }
    }

    #[test]
    fn in_dollars_the_12th_sma_is_lowest_with_less_inflation_and_more_won_per_dollar() {
        let d = embedded();
        let a = assumptions(&d, "2");
        let b = band_of(&d, &a, ScenarioId::CurrentAgreement, &dollars());
        assert_eq!(
            b.inputs.iter().collect::<Vec<_>>(),
            [AssumptionId::KoreanCpi, AssumptionId::KrwPerUsd]
        );
        let y = b.at(2030).unwrap();
        let mut low = assumptions(&d, "1");
        low.krw_per_usd = RatePath::flat(1400.0 * 1.1);
        let mut high = assumptions(&d, "3");
        high.krw_per_usd = RatePath::flat(1400.0 * 0.9);
        let at = |a: &Assumptions| value_2030(&d, a, ScenarioId::CurrentAgreement, &dollars());
        assert_eq!((y.low, y.high), (Some(at(&low)), Some(at(&high))));
        // 1,598.1 bn won at 1,540 ₩/$ = $1,037.7 m; 1,694.9 at 1,260 = $1,345.2 m.
        assert_eq!(
            (round1(y.low), round1(y.high)),
            ("1037.7".into(), "1345.2".into())
        );
    }

    #[test]
    fn the_inputs_enumerated_are_those_that_move_the_scenario_in_the_view() {
        use AssumptionId::*;
        let d = embedded();
        let a = assumptions(&d, "2");
        let e = Economy::new(&d, &a);
        let spreads = BandSpreads::default();
        let inputs = |s: ScenarioId, currency, real| {
            let p = project(&e, s).unwrap();
            let v = view(Metric::Contribution, currency, real);
            band_inputs(&e, &p, &v, &spreads).iter().collect::<Vec<_>>()
        };
        use Currency::{Local, Usd};
        use ScenarioId::*;
        let cases: [(ScenarioId, Currency, bool, &[AssumptionId]); 15] = [
            (CurrentAgreement, Local, false, &[KoreanCpi]),
            (CurrentAgreement, Usd, false, &[KoreanCpi, KrwPerUsd]),
            (CurrentAgreement, Local, true, &[KoreanCpi]),
            (CurrentAgreement, Usd, true, &[KoreanCpi, UsCpi, KrwPerUsd]),
            (DefenseGrowthRule, Local, false, &[DefenseGrowth]),
            (DefenseGrowthRule, Usd, false, &[KrwPerUsd, DefenseGrowth]),
            (DefenseGrowthRule, Local, true, &[KoreanCpi, DefenseGrowth]),
            (Demand5bn, Local, false, &[KrwPerUsd]),
            (Demand5bn, Usd, false, &[]),
            (Demand10bn, Local, true, &[KoreanCpi, KrwPerUsd]),
            (Demand10bn, Usd, true, &[UsCpi]),
            (Custom, Local, false, &[]),
            (Custom, Usd, false, &[KrwPerUsd]),
            (Custom, Local, true, &[KoreanCpi]),
            (Custom, Usd, true, &[UsCpi, KrwPerUsd]),
        ];
        for (s, currency, real, expected) in cases {
            assert_eq!(
                inputs(s, currency, real),
                expected,
                "{s:?} {currency:?} real {real}"
            );
        }
        // A spread of zero moves nothing, so is not enumerated.
        let p = project(&e, CurrentAgreement).unwrap();
        let zero_cpi = BandSpreads {
            korean_cpi: 0.0,
            ..spreads
        };
        assert!(band_inputs(&e, &p, &won(), &zero_cpi).is_empty());
    }

    #[test]
    fn zero_spreads_give_no_width() {
        let d = embedded();
        let a = assumptions(&d, "2.5,2028=4");
        let e = Economy::new(&d, &a);
        for p in project_all(&e) {
            for metric in Metric::ALL {
                for currency in [Currency::Local, Currency::Usd] {
                    for real in [false, true] {
                        let v = view(metric, currency, real);
                        let b = band(&e, &p, &v, &BandSpreads::ZERO);
                        assert!(b.inputs.is_empty());
                        for y in &b.points {
                            assert_eq!((y.low, y.high), (y.central, y.central), "{v:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_shift_moves_every_year_set_apart_and_stays_in_range() {
        let d = embedded();
        let spreads = BandSpreads::default();
        let path = RatePath::parse("2,2028=4,2029=19.5").unwrap();
        let high = spreads.shifted(AssumptionId::KoreanCpi, &path, Side::High);
        assert_eq!(high, RatePath::parse("3,2028=5,2029=20").unwrap());
        let low = spreads.shifted(AssumptionId::KoreanCpi, &path, Side::Low);
        assert_eq!(low, RatePath::parse("1,2028=3,2029=18.5").unwrap());
        let fx = RatePath::parse("1400,2030=2900").unwrap();
        let high = spreads.shifted(AssumptionId::KrwPerUsd, &fx, Side::High);
        assert_eq!((high.flat, high.at(2030)), (1400.0 * 1.1, 3000.0));
        // The band follows the years set apart: its high path is the projection at 3 %
        // with 5 % in 2028.
        let a = assumptions(&d, "2,2028=4");
        let b = band_of(&d, &a, ScenarioId::CurrentAgreement, &won());
        let at = |cpi| {
            value_2030(
                &d,
                &assumptions(&d, cpi),
                ScenarioId::CurrentAgreement,
                &won(),
            )
        };
        let y = b.at(2030).unwrap();
        assert_eq!(
            (y.low, y.high),
            (Some(at("1,2028=3")), Some(at("3,2028=5")))
        );
        assert_ne!(y.high, Some(at("3")));
    }

    #[test]
    fn the_central_path_is_the_cost_series_in_every_view() {
        let d = embedded();
        let mut a = assumptions(&d, "2.5,2028=7");
        a.apply_text(AssumptionId::BaseYear, "2028", &d).unwrap();
        let e = Economy::new(&d, &a);
        for p in project_all(&e) {
            for metric in Metric::ALL {
                for currency in [Currency::Local, Currency::Usd] {
                    for real in [false, true] {
                        let v = view(metric, currency, real);
                        let series = cost_series(&e, Some(&p), &v);
                        let b = band(&e, &p, &v, &BandSpreads::default());
                        assert_eq!(b.points.len(), p.years.len());
                        for y in &b.points {
                            let shown = series.iter().rev().find(|c| c.year == y.year).unwrap();
                            assert_eq!(y.central, shown.value, "{:?} {v:?} {}", p.scenario, y.year);
                            if let (Some(c), Some(l), Some(h)) = (y.central, y.low, y.high) {
                                assert!(l <= c && c <= h, "{:?} {v:?} {}", p.scenario, y.year);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn totals_add_the_lows_and_the_highs() {
        let d = embedded();
        let a = assumptions(&d, "2");
        let e = Economy::new(&d, &a);
        let p = project(&e, ScenarioId::CurrentAgreement).unwrap();
        let b = band(&e, &p, &won(), &BandSpreads::default());
        let t = b.total(2026, 2030).unwrap();
        let sum = |f: fn(&BandPoint) -> Option<f64>| b.points.iter().filter_map(f).sum::<f64>();
        assert_eq!((t.from, t.to), (2026, 2030));
        assert!((t.low - sum(|p| p.low)).abs() < 1e-9);
        assert!((t.high - sum(|p| p.high)).abs() < 1e-9);
        let indices = Indices::new(&e, a.horizon);
        let amounts = scenario_amounts(&e, &p, Currency::Local, false, &indices);
        assert_eq!(t.central, Total::of(&amounts, 2026, 2030).unwrap().value);
        assert!(t.low < t.central && t.central < t.high);
        // Only the years the band holds.
        let t = b.total(2000, 2027).unwrap();
        assert_eq!((t.from, t.to), (2026, 2027));
        assert_eq!(b.total(2040, 2050), None);
    }

    #[test]
    fn the_dashboard_gets_every_scenario_and_the_charted_one_in_its_metric() {
        let d = embedded();
        let a = assumptions(&d, "2");
        let e = Economy::new(&d, &a);
        let projections = project_all(&e);
        let spreads = BandSpreads::default();
        for v in [
            view(Metric::Cumulative, Currency::Usd, true),
            view(Metric::Contribution, Currency::Local, false),
            view(Metric::YearOnYear, Currency::Local, false),
        ] {
            let bands = dashboard_bands(&e, &projections, &v, ScenarioId::Demand10bn, &spreads);
            assert_eq!(bands.contributions().len(), 5);
            let amounts = CostView {
                metric: Metric::Contribution,
                ..v
            };
            for p in &projections {
                assert_eq!(bands.of(p.scenario), Some(&band(&e, p, &amounts, &spreads)));
            }
            let charted = projections
                .iter()
                .find(|p| p.scenario == ScenarioId::Demand10bn)
                .unwrap();
            assert_eq!(bands.charted(), Some(&band(&e, charted, &v, &spreads)));
            assert_eq!(bands.charted().unwrap().view, v);
        }
        assert_eq!(DashboardBands::default().charted(), None);
    }

    #[test]
    fn spreads_are_read_and_checked_in_their_units() {
        use AssumptionId::*;
        let cpi = spread_spec(KoreanCpi).unwrap();
        let fx = spread_spec(KrwPerUsd).unwrap();
        for text in ["1.5", " 1.5 ", "1.5 pp", "1.5pp", "1.5 %"] {
            assert_eq!(cpi.parse(text), Ok(1.5), "{text}");
        }
        assert_eq!(fx.parse("15 %"), Ok(15.0));
        let err = |r: Result<f64, AssumptionError>| r.unwrap_err().0;
        assert_eq!(
            err(cpi.parse("12")),
            "expected a spread of Korean CPI inflation from 0 to 10 percentage points, found 12"
        );
        assert_eq!(
            err(cpi.parse("-1")),
            "expected a spread of Korean CPI inflation from 0 to 10 percentage points, found -1"
        );
        assert_eq!(
            err(fx.parse("60")),
            "expected a spread of won per dollar from 0 to 50 %, found 60"
        );
        assert_eq!(
            err(fx.parse("10 pp")),
            "expected a spread in % as a number, found \"10 pp\""
        );
        assert_eq!(
            err(cpi.parse("")),
            "expected a spread in percentage points as a number, found nothing"
        );
        assert!(spread_spec(Horizon).is_none());
        let mut s = BandSpreads::default();
        assert_eq!(s.check(), Ok(()));
        assert!(s.set(DefenseGrowth, 11.0).is_err());
        assert_eq!(s, BandSpreads::default());
        s.set(DefenseGrowth, 3.0).unwrap();
        assert_eq!(s.defense_growth, 3.0);
        s.us_cpi = f64::NAN;
        assert_eq!(
            s.check().unwrap_err().0,
            "us_cpi: expected a spread of US CPI-U inflation from 0 to 10 percentage points, found NaN"
        );
        assert_eq!(
            BandSpreads::default().stamp(),
            "korean_cpi ±1 pp; us_cpi ±1 pp; krw_per_usd ±10 %; defense_growth ±2 pp"
        );
        assert_eq!(
            BandSpreads::default().describe(),
            "Korean CPI inflation ±1 pp, US CPI-U inflation ±1 pp, won per dollar ±10 %, ROK defense-budget growth ±2 pp"
        );
    }
}
