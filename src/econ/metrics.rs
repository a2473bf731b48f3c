//! The series the dashboard and exports show: contributions by year, history plus one
//! projection, in won or dollars, nominal or real, and the metrics derived from them.

use crate::data::{Confidence, Dataset, Host};
use crate::numbers::thousands;

use super::escalation::Driver;
use super::inputs::{Economy, Origin, PriceIndex, local_100m_to_usd_m, usd_m_to_local_100m};
use super::scenario::{Projection, ScenarioYear};

/// The money a view shows: the host's own currency (won, yen) or dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    Local,
    Usd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    Contribution,
    YearOnYear,
    PerServiceMember,
    Cumulative,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Contribution,
        Metric::YearOnYear,
        Metric::PerServiceMember,
        Metric::Cumulative,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Metric::Contribution => "contribution",
            Metric::YearOnYear => "year-on-year change",
            Metric::PerServiceMember => "per US service member",
            Metric::Cumulative => "cumulative",
        }
    }
}

/// Which troop figure divides the contribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TroopBasis {
    /// DMDC active-duty count on 30 September.
    Counted,
    /// The headline level in force (28,500 since 2008).
    Headline,
}

/// How to show the cost series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CostView {
    pub metric: Metric,
    pub currency: Currency,
    /// In money of the assumptions' base year.
    pub real: bool,
    pub troops: TroopBasis,
}

impl Default for CostView {
    fn default() -> Self {
        Self {
            metric: Metric::Contribution,
            currency: Currency::Local,
            real: false,
            troops: TroopBasis::Counted,
        }
    }
}

impl CostView {
    /// The metric as the chart's title says it, naming the troop figure per member.
    pub fn metric_label(&self) -> &'static str {
        match (self.metric, self.troops) {
            (Metric::PerServiceMember, TroopBasis::Counted) => "per US service member (DMDC count)",
            (Metric::PerServiceMember, TroopBasis::Headline) => {
                "per US service member (headline level)"
            }
            (m, _) => m.label(),
        }
    }

    /// The next metric in the cycle `c` walks: per service member comes twice, on the
    /// DMDC count and then on the headline level, which also covers projected years.
    pub fn next_metric(self) -> Self {
        let (metric, troops) = match (self.metric, self.troops) {
            (Metric::PerServiceMember, TroopBasis::Counted) => {
                (Metric::PerServiceMember, TroopBasis::Headline)
            }
            (m, _) => {
                let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
                (
                    Metric::ALL[(i + 1) % Metric::ALL.len()],
                    TroopBasis::Counted,
                )
            }
        };
        Self {
            metric,
            troops,
            ..self
        }
    }

    /// The unit in a few columns, for tables and totals: "bn won", "$ m", "m yen each",
    /// "$ k each", "% change".
    pub fn short_unit(&self, host: Host) -> String {
        let local = host.currency();
        match (self.metric, self.currency) {
            (Metric::YearOnYear, _) => "% change".into(),
            (Metric::PerServiceMember, Currency::Local) => format!("m {local} each"),
            (Metric::PerServiceMember, Currency::Usd) => "$ k each".into(),
            (_, Currency::Local) => format!("bn {local}"),
            (_, Currency::Usd) => "$ m".into(),
        }
    }

    /// The unit of the values in `host`'s money or dollars, for axis labels and table
    /// headers: "billion won", "billion yen of 2025", "million $".
    pub fn unit(&self, host: Host, base_year: i32) -> String {
        let local = host.currency();
        let money = |small: &str| match (self.currency, self.real) {
            (Currency::Local, false) => format!("{small} {local}"),
            (Currency::Local, true) => format!("{small} {local} of {base_year}"),
            (Currency::Usd, false) => format!("{small} $"),
            (Currency::Usd, true) => format!("{small} $ of {base_year}"),
        };
        match (self.metric, self.currency) {
            (Metric::YearOnYear, _) => "% change".into(),
            (Metric::PerServiceMember, Currency::Local) => money("million"),
            (Metric::PerServiceMember, Currency::Usd) => money("thousand"),
            (_, Currency::Local) => money("billion"),
            (_, Currency::Usd) => money("million"),
        }
    }
}

/// How a figure in the view's currency came about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CurrencyOrigin {
    /// As a source printed it.
    Published,
    /// Computed by a scenario's rule in this currency.
    Computed,
    /// From the other currency at the year's average of the host's currency per
    /// dollar, recorded or assumed.
    Converted { per_usd: f64, rate: Origin },
    /// An agreement in both currencies (the 5th SMA): the part in the view's currency
    /// as published, plus the other part converted at the year's average rate.
    Combined { per_usd: f64, rate: Origin },
}

impl CurrencyOrigin {
    pub fn is_converted(&self) -> bool {
        self.conversion().is_some()
    }

    /// The host's currency per dollar a conversion used, and whether that rate is
    /// recorded.
    pub fn conversion(&self) -> Option<(f64, Origin)> {
        match *self {
            CurrencyOrigin::Converted { per_usd, rate }
            | CurrencyOrigin::Combined { per_usd, rate } => Some((per_usd, rate)),
            _ => None,
        }
    }

    /// One word for files: `published`, `computed`, `converted`, `combined`.
    pub fn key(&self) -> &'static str {
        match self {
            CurrencyOrigin::Published => "published",
            CurrencyOrigin::Computed => "computed",
            CurrencyOrigin::Converted { .. } => "converted",
            CurrencyOrigin::Combined { .. } => "combined",
        }
    }

    /// "as published", "converted at 1,053.1 ₩/$ (2014 average)", "converted at
    /// 144.5 ¥/$ (FY2023 average)", "both parts, the other converted at 1,145.2 ₩/$
    /// (2004 average)".
    pub fn describe(&self, host: Host, year: i32) -> String {
        let at = |per_usd: f64, rate: Origin| {
            let basis = match rate {
                Origin::Recorded => format!("{} average", host.year_label(year)),
                Origin::Assumed => "assumed".into(),
            };
            format!("at {} {}/$ ({basis})", thousands(per_usd, 1), host.symbol())
        };
        match *self {
            CurrencyOrigin::Published => "as published".into(),
            CurrencyOrigin::Computed => "computed by the rule".into(),
            CurrencyOrigin::Converted { per_usd, rate } => {
                format!("converted {}", at(per_usd, rate))
            }
            CurrencyOrigin::Combined { per_usd, rate } => format!(
                "the agreement's dollar and {} parts, the other currency's part converted {}",
                host.currency(),
                at(per_usd, rate)
            ),
        }
    }

    /// Which convention made the figure: in the currency itself (as published or by
    /// a rule in it), converted whole, or combined from parts. A change from one year
    /// to the next is computed only between figures of one basis.
    fn basis(&self) -> u8 {
        match self {
            CurrencyOrigin::Published | CurrencyOrigin::Computed => 0,
            CurrencyOrigin::Converted { .. } => 1,
            CurrencyOrigin::Combined { .. } => 2,
        }
    }
}

/// What a point is, in one word: the first of these that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A projection of a scenario.
    Projected,
    /// Computed from recorded figures: real terms, or a metric other than the amount.
    Derived,
    /// A recorded figure in the other currency, converted.
    Converted,
    /// A figure as the record holds it.
    Recorded,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Projected => "projected",
            Status::Derived => "derived",
            Status::Converted => "converted",
            Status::Recorded => "recorded",
        }
    }
}

/// One year of the cost series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostPoint {
    pub year: i32,
    /// Missing where the record has no figure or the metric cannot be formed.
    pub value: Option<f64>,
    pub projected: bool,
    pub capped: bool,
    /// Projected with an agreement's rule past the agreement's end.
    pub extended: bool,
    /// How the figure in the view's currency came about.
    pub origin: CurrencyOrigin,
    /// The year before is of another basis (the agreement's currency changed, as from
    /// 2004 to 2005): no change from it is computed.
    pub basis_changed: bool,
    /// The recorded figure's confidence; `None` for projections.
    pub confidence: Option<Confidence>,
    /// What set a projected year's amount.
    pub driver: Option<Driver>,
    /// Whose figure it is: its currency and how its year reads.
    pub host: Host,
}

impl CostPoint {
    /// How the figure came about, in one word for files: as `CurrencyOrigin::key`, but
    /// `derived` for a figure the dataset computed from sourced ones, which no source
    /// published.
    pub fn origin_key(&self) -> &'static str {
        match self.origin {
            CurrencyOrigin::Published if self.confidence == Some(Confidence::Derived) => "derived",
            origin => origin.key(),
        }
    }

    /// The point's status in `view`: projected, derived (real terms, a metric, or a
    /// figure the dataset itself computed from sourced ones), converted or recorded.
    pub fn status(&self, view: &CostView) -> Status {
        if self.projected {
            Status::Projected
        } else if view.real
            || view.metric != Metric::Contribution
            || self.confidence == Some(Confidence::Derived)
        {
            Status::Derived
        } else if self.origin.is_converted() {
            Status::Converted
        } else {
            Status::Recorded
        }
    }

    /// The figure as one line of plain text a writer can paste: value and unit, basis,
    /// status and how it came about, the year it covers. "2014: 874.3 million $,
    /// nominal · converted at 1,052.3 ₩/$ (2014 average) · confidence: confirmed";
    /// Japan's year reads "FY2023".
    pub fn describe(&self, view: &CostView, base_year: i32) -> String {
        let year = self.host.year_label(self.year);
        let Some(value) = self.value else {
            return format!("{year}: no figure");
        };
        let decimals = if view.metric == Metric::PerServiceMember {
            2
        } else {
            1
        };
        let basis = if view.real {
            format!("real, in money of {base_year}")
        } else {
            "nominal".into()
        };
        let mut words = vec![format!(
            "{year}: {} {}, {basis}",
            thousands(value, decimals),
            view.unit(self.host, base_year)
        )];
        let how = match self.origin {
            CurrencyOrigin::Converted { .. } | CurrencyOrigin::Combined { .. } => {
                self.origin.describe(self.host, self.year)
            }
            _ => String::new(),
        };
        // "converted at …" says the status itself; otherwise the status, then how.
        if self.status(view) != Status::Converted || how.is_empty() {
            words.push(self.tags(view).join(", "));
        }
        if !how.is_empty() {
            words.push(how);
        }
        if let Some(c) = self.confidence {
            words.push(format!("confidence: {}", c.label()));
        }
        words.join(" · ")
    }

    /// Every word that applies, in order: "projected", "capped", "rule extended".
    pub fn tags(&self, view: &CostView) -> Vec<&'static str> {
        let mut tags = vec![self.status(view).label()];
        if self.capped {
            tags.push("capped");
        }
        if self.extended {
            tags.push("rule extended");
        }
        tags
    }
}

/// A year's contribution in the view's money: bn won or $m, nominal or real.
pub(crate) struct Amount {
    pub(crate) value: Option<f64>,
    pub(crate) origin: CurrencyOrigin,
}

/// A year's figures in the view's money. `krw` and `usd` are the figures given in each
/// currency (100 million won, $ million), `native` what those are (published for the
/// record, computed for a projection); a missing one is converted from the other, and
/// where both are given (the parts of an agreement in both currencies) the other part
/// is converted and added.
pub(crate) fn money(
    e: &Economy,
    view: &CostView,
    indices: &Indices,
    year: i32,
    (krw, usd): (Option<f64>, Option<f64>),
    native: CurrencyOrigin,
) -> Amount {
    let fx = e.per_usd(year);
    let converted = |(per_usd, rate): (f64, Origin)| CurrencyOrigin::Converted { per_usd, rate };
    // bn won and $m: the figure given in the view's currency, else the other converted.
    let (given, other) = match view.currency {
        Currency::Local => (krw.map(|k| k / 10.0), usd),
        Currency::Usd => (usd, krw),
    };
    let to_view = |v: f64, rate: f64| match view.currency {
        Currency::Local => usd_m_to_local_100m(v, rate) / 10.0,
        Currency::Usd => local_100m_to_usd_m(v, rate),
    };
    let other_in_view = other.zip(fx).map(|(v, (rate, _))| to_view(v, rate));
    let (nominal, origin) = match (given, other, other_in_view, fx) {
        (Some(v), Some(_), Some(o), Some((per_usd, rate))) => {
            (Some(v + o), CurrencyOrigin::Combined { per_usd, rate })
        }
        // Both parts given, but no rate to add them at: no figure in this currency.
        (Some(_), Some(_), None, _) => (None, native),
        (Some(v), None, _, _) => (Some(v), native),
        (None, _, Some(v), Some(fx)) => (Some(v), converted(fx)),
        _ => (None, native),
    };
    let real = |v: Option<f64>| {
        if !view.real {
            return v;
        }
        let index = match view.currency {
            Currency::Local => &indices.host,
            Currency::Usd => &indices.us,
        };
        v.and_then(|v| index.to_real(v, year, e.assumptions.base_year))
    };
    Amount {
        value: real(nominal),
        origin,
    }
}

/// The price indices real terms need, through `last_year`: the host's CPI and US CPI-U.
pub struct Indices {
    host: PriceIndex,
    us: PriceIndex,
}

impl Indices {
    pub fn new(e: &Economy, last_year: i32) -> Self {
        let last_year = last_year.max(e.assumptions.base_year);
        Self {
            host: PriceIndex::host(e, last_year),
            us: PriceIndex::us(e, last_year),
        }
    }

    /// No index at all: for nominal amounts, which are never deflated.
    pub(crate) fn empty() -> Self {
        Self {
            host: PriceIndex::empty(),
            us: PriceIndex::empty(),
        }
    }

    /// Only the index that deflates `currency` (the host's CPI for its currency, US
    /// CPI-U for dollars), the other left empty: for amounts in that currency alone.
    pub(crate) fn for_currency(e: &Economy, last_year: i32, currency: Currency) -> Self {
        let last_year = last_year.max(e.assumptions.base_year);
        match currency {
            Currency::Local => Self {
                host: PriceIndex::host(e, last_year),
                us: PriceIndex::empty(),
            },
            Currency::Usd => Self {
                host: PriceIndex::empty(),
                us: PriceIndex::us(e, last_year),
            },
        }
    }
}

/// Why `year` has no figure in `view`: the troops a per-member figure divides by, the
/// year before a change needs, else the record's (whose note, where it has one, says
/// more). One wording for the dashboard's value line and `cite`.
pub fn missing_reason(d: &Dataset, view: &CostView, year: i32) -> &'static str {
    let troops_missing = troops(d, view.troops, year).is_none();
    match (view.metric, view.troops) {
        (Metric::PerServiceMember, TroopBasis::Counted) if troops_missing => {
            "no DMDC troop count for this year"
        }
        (Metric::PerServiceMember, TroopBasis::Headline) if troops_missing => {
            "no headline troop level for this year"
        }
        (Metric::YearOnYear, _) => "no prior year to compare",
        _ => NO_FIGURE_RECORDED,
    }
}

/// [`missing_reason`] where the record itself has no figure.
pub const NO_FIGURE_RECORDED: &str = "no figure recorded";

/// The troops that divide the contribution in `year`.
pub fn troops(d: &Dataset, basis: TroopBasis, year: i32) -> Option<u32> {
    match basis {
        TroopBasis::Counted => d.troop_count(year).and_then(|t| t.troops),
        TroopBasis::Headline => d.headline_level(year).map(|l| l.low),
    }
}

/// One year of a projection's amount in the view's money, as [`projected_point`] has it.
pub(crate) fn projected_amount(
    e: &Economy,
    view: &CostView,
    indices: &Indices,
    y: &ScenarioYear,
) -> Amount {
    // A rule in dollars gives dollars; its won are the ones converted.
    let given = match y.usd_m {
        Some(usd) if y.projected => (None, Some(usd)),
        _ => (Some(y.local_100m), y.usd_m),
    };
    let native = if y.projected {
        CurrencyOrigin::Computed
    } else {
        CurrencyOrigin::Published
    };
    money(e, view, indices, y.year, given, native)
}

/// One year of a projection in the view's money (the amount, whatever the metric).
pub(crate) fn projected_point(
    e: &Economy,
    view: &CostView,
    indices: &Indices,
    y: &ScenarioYear,
) -> CostPoint {
    let a = projected_amount(e, view, indices, y);
    let confidence = (!y.projected)
        .then(|| e.data.contribution(y.year).map(|c| c.confidence))
        .flatten();
    CostPoint {
        year: y.year,
        value: a.value,
        projected: y.projected,
        capped: y.capped,
        extended: y.extended,
        origin: a.origin,
        basis_changed: false,
        confidence,
        driver: y.driver,
        host: e.data.info.host,
    }
}

/// The contribution series from the first recorded year, followed by `projection`'s
/// projected years when given.
pub fn cost_series(
    e: &Economy,
    projection: Option<&Projection>,
    view: &CostView,
) -> Vec<CostPoint> {
    let d = e.data;
    let last_year = projection
        .and_then(|p| p.years.last())
        .map(|y| y.year)
        .into_iter()
        .chain(d.contributions.last().map(|c| c.year))
        .max()
        .unwrap_or(0);
    let indices = Indices::new(e, last_year);
    let mut points: Vec<CostPoint> = d
        .contributions
        .iter()
        .map(|c| {
            let a = money(
                e,
                view,
                &indices,
                c.year,
                (c.local_100m, c.usd_m),
                CurrencyOrigin::Published,
            );
            CostPoint {
                year: c.year,
                value: a.value,
                projected: false,
                capped: false,
                extended: false,
                origin: a.origin,
                basis_changed: false,
                confidence: Some(c.confidence),
                driver: None,
                host: d.info.host,
            }
        })
        .collect();
    if let Some(p) = projection {
        // A year the record holds without an amount (Japan's FY2025) and the projection
        // computes is one year, its projected point: not a gap row and a value row.
        points.retain(|r| {
            r.value.is_some() || !p.years.iter().any(|y| y.projected && y.year == r.year)
        });
        points.extend(
            p.years
                .iter()
                .filter(|y| y.projected)
                .map(|y| projected_point(e, view, &indices, y)),
        );
    }
    apply_metric(d, view, points)
}

/// Every year of `projection` (the recorded start, then the projected years) as
/// amounts in `currency`, nominal or real: what totals and differences add up.
pub fn scenario_amounts(
    e: &Economy,
    projection: &Projection,
    currency: Currency,
    real: bool,
    indices: &Indices,
) -> Vec<CostPoint> {
    let view = CostView {
        metric: Metric::Contribution,
        currency,
        real,
        troops: TroopBasis::Counted,
    };
    projection
        .years
        .iter()
        .map(|y| projected_point(e, &view, indices, y))
        .collect()
}

/// A sum over a span of years, labelled with the years it actually adds up and which
/// of them are recorded and which projected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Total {
    pub from: i32,
    pub to: i32,
    pub value: f64,
    /// The first and last recorded years summed, if any.
    pub recorded: Option<(i32, i32)>,
    /// The first and last projected years summed, if any.
    pub projected: Option<(i32, i32)>,
    /// Whose years they are: Japan's read "FY2025–26".
    pub host: Host,
}

impl Total {
    /// Sums the values of `points` in `from..=to`; `None` when no year there has one.
    pub fn of(points: &[CostPoint], from: i32, to: i32) -> Option<Total> {
        let mut total: Option<Total> = None;
        let widen = |span: Option<(i32, i32)>, year: i32| {
            Some(span.map_or((year, year), |(a, b)| (a.min(year), b.max(year))))
        };
        for p in points.iter().filter(|p| (from..=to).contains(&p.year)) {
            let Some(v) = p.value else { continue };
            let t = total.get_or_insert(Total {
                from: p.year,
                to: p.year,
                value: 0.0,
                recorded: None,
                projected: None,
                host: p.host,
            });
            t.to = p.year;
            t.value += v;
            if p.projected {
                t.projected = widen(t.projected, p.year);
            } else {
                t.recorded = widen(t.recorded, p.year);
            }
        }
        total
    }

    /// "2026–30", "2026–2127" across a century, "2026" for one year; Japan's
    /// "FY2025–26".
    pub fn span_label(&self) -> String {
        host_span_label(self.host, self.from, self.to)
    }

    /// What it sums, in words: "2026 recorded + 2027–30 projected"; Japan's
    /// "FY2024 recorded + FY2025–30 projected".
    pub fn label(&self) -> String {
        let part = |span: Option<(i32, i32)>, word: &str| {
            span.map(|(a, b)| format!("{} {word}", host_span_label(self.host, a, b)))
        };
        let parts: Vec<String> = [
            part(self.recorded, "recorded"),
            part(self.projected, "projected"),
        ]
        .into_iter()
        .flatten()
        .collect();
        parts.join(" + ")
    }
}

/// The spans every view and file totals over, from the projection's first year `start`
/// (the last recorded one): the term of the agreement in force then, and through the
/// horizon. One list, so every total covers the same years.
pub fn total_spans(d: &Dataset, start: i32, horizon: i32) -> Vec<(i32, i32)> {
    let mut spans = Vec::new();
    if let Some(current) = d.agreement_for_year(start) {
        spans.push((current.first_year, current.last_year.min(horizon)));
    }
    spans.push((start, horizon));
    spans.dedup();
    spans
}

/// The totals of `points` over [`total_spans`]: what every view and file shows.
pub fn totals(d: &Dataset, points: &[CostPoint], start: i32, horizon: i32) -> Vec<Total> {
    total_spans(d, start, horizon)
        .into_iter()
        .filter_map(|(from, to)| Total::of(points, from, to))
        .collect()
}

/// "2026–30" for years in one century, "2026–2127" across one, "2026" for one year.
pub fn span_label(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else if from.div_euclid(100) == to.div_euclid(100) {
        format!("{from}–{:02}", to.rem_euclid(100))
    } else {
        format!("{from}–{to}")
    }
}

/// [`span_label`] with the host's years: Japan's fiscal years read "FY2025–26".
pub fn host_span_label(host: Host, from: i32, to: i32) -> String {
    let span = span_label(from, to);
    if host.fiscal_years() {
        format!("FY{span}")
    } else {
        span
    }
}

/// What a change from a year of another basis says instead of a number.
pub const BASIS_CHANGED: &str = "not computed: the agreement's currency changed";

/// Marks each point whose year before is of another basis.
fn mark_basis_changes(points: &mut [CostPoint]) {
    for i in 1..points.len() {
        let before = points[i - 1].origin.basis();
        points[i].basis_changed = points[i].origin.basis() != before;
    }
}

/// The change in percent from `before` to `now`, where both are of one basis.
pub fn change_pct(before: &CostPoint, now: &CostPoint) -> Option<f64> {
    match (before.value, now.value) {
        (Some(b), Some(n)) if b != 0.0 && !now.basis_changed && before.year + 1 == now.year => {
            Some((n / b - 1.0) * 100.0)
        }
        _ => None,
    }
}

/// Turns contributions into the view's metric.
pub(crate) fn apply_metric(
    d: &Dataset,
    view: &CostView,
    mut points: Vec<CostPoint>,
) -> Vec<CostPoint> {
    mark_basis_changes(&mut points);
    match view.metric {
        Metric::Contribution => {}
        Metric::YearOnYear => {
            let amounts = points.clone();
            for (i, p) in points.iter_mut().enumerate() {
                p.value = i
                    .checked_sub(1)
                    .and_then(|j| change_pct(&amounts[j], &amounts[i]));
            }
        }
        Metric::PerServiceMember => {
            for p in &mut points {
                // bn won → million won, $m → thousand $: both × 1000 per person.
                p.value = match (p.value, troops(d, view.troops, p.year)) {
                    (Some(v), Some(t)) if t > 0 => Some(v * 1000.0 / t as f64),
                    _ => None,
                };
            }
        }
        Metric::Cumulative => {
            let mut sum = 0.0;
            for p in &mut points {
                if let Some(v) = p.value {
                    sum += v;
                    p.value = Some(sum);
                }
            }
        }
    }
    points
}

/// Year by year, `a` minus `b`, over the years both hold.
pub fn difference(a: &Projection, b: &Projection) -> Vec<(i32, f64)> {
    a.years
        .iter()
        .filter_map(|ya| {
            b.at(ya.year)
                .map(|yb| (ya.year, ya.local_100m - yb.local_100m))
        })
        .collect()
}
