//! The live inputs of every projection: what the user steps with `+` and `-`.

use std::collections::BTreeMap;
use std::fmt;

use crate::data::{Dataset, Host};
use crate::numbers::thousands;

/// A rate that is flat, or set year by year where the user has set one.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePath {
    pub flat: f64,
    /// Years the user set apart from the flat rate.
    pub by_year: BTreeMap<i32, f64>,
}

impl RatePath {
    pub fn flat(rate: f64) -> Self {
        Self {
            flat: rate,
            by_year: BTreeMap::new(),
        }
    }

    pub fn at(&self, year: i32) -> f64 {
        self.by_year.get(&year).copied().unwrap_or(self.flat)
    }

    /// Reads a rate as the command line and the config write it: `"2.5"`, `"2.5 %"`,
    /// `"-3"`, or a rate and years set apart, `"2.5,2028=3.5"` (spaces and `%` allowed
    /// anywhere a number is: `"2.5, 2028 = 3.5 %"`). A year given twice is refused.
    /// Ranges and years are checked where the assumption is known:
    /// [`Assumptions::apply_text`].
    pub fn parse(text: &str) -> Result<Self, AssumptionError> {
        let mut parts = text.split(',');
        let first = parts.next().unwrap_or_default().trim();
        if first.contains('=') {
            return Err(AssumptionError(format!(
                "expected the rate for every year first, then YEAR=VALUE (2.5,2028=3.5), found \"{first}\""
            )));
        }
        let mut path = Self::flat(number(first)?);
        for part in parts {
            let part = part.trim();
            let Some((year, rate)) = part.split_once('=') else {
                return Err(AssumptionError(format!(
                    "expected YEAR=VALUE after a comma (2028=3.5), found {}",
                    quoted_or_nothing(part)
                )));
            };
            let year = whole_year(year)?;
            if path.by_year.insert(year, number(rate)?).is_some() {
                return Err(AssumptionError(format!("{year} is given twice")));
            }
        }
        Ok(path)
    }

    /// Every value the path can take.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(self.flat).chain(self.by_year.values().copied())
    }
}

impl fmt::Display for RatePath {
    /// As [`RatePath::parse`] reads it: `2.5` or `2.5,2028=3.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.flat)?;
        for (year, rate) in &self.by_year {
            write!(f, ",{year}={rate}")?;
        }
        Ok(())
    }
}

/// `"x"` in quotes, or `nothing` for an empty text.
fn quoted_or_nothing(text: &str) -> String {
    if text.is_empty() {
        "nothing".to_string()
    } else {
        format!("\"{text}\"")
    }
}

/// A finite number, a trailing `%` allowed: `"3"`, `"3.0"`, `"-3"`, `"3 %"`, `"3%"`.
fn number(text: &str) -> Result<f64, AssumptionError> {
    let text = text.trim();
    let digits = text.strip_suffix('%').unwrap_or(text).trim_end();
    digits
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            AssumptionError(format!(
                "expected a number, found {}",
                quoted_or_nothing(text)
            ))
        })
}

/// A year written as a whole number: `"2028"`.
fn whole_year(text: &str) -> Result<i32, AssumptionError> {
    let text = text.trim();
    text.parse::<i32>().map_err(|_| {
        AssumptionError(format!(
            "expected a year as a number, found {}",
            quoted_or_nothing(text)
        ))
    })
}

/// Each assumption the user can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssumptionId {
    KoreanCpi,
    UsCpi,
    KrwPerUsd,
    DefenseGrowth,
    CustomGrowth,
    BaseYear,
    Horizon,
    /// Japan's CPI inflation: Korea's `KoreanCpi` where the host is Japan.
    JapaneseCpi,
    /// Yen per dollar: Korea's `KrwPerUsd` where the host is Japan.
    JpyPerUsd,
    /// The growth of Japan's custom scenario: Korea's `CustomGrowth` where the host is
    /// Japan, so that each host's custom scenario keeps its own rate.
    JapanCustomGrowth,
}

impl AssumptionId {
    /// Korea's assumptions, in the order the Assumptions pane lists them.
    pub const ALL: [AssumptionId; 7] = [
        AssumptionId::KoreanCpi,
        AssumptionId::UsCpi,
        AssumptionId::KrwPerUsd,
        AssumptionId::DefenseGrowth,
        AssumptionId::CustomGrowth,
        AssumptionId::BaseYear,
        AssumptionId::Horizon,
    ];

    /// Japan's assumptions, in the order of Korea's: its CPI, its rate and its custom
    /// growth in the places of Korea's; no defense-budget growth (the rule of Korea's
    /// 11th SMA), which no scenario of Japan's reads. US CPI, the base year and the
    /// horizon are shared: both hosts are compared in one base year, to one horizon.
    pub const JAPAN: [AssumptionId; 6] = [
        AssumptionId::JapaneseCpi,
        AssumptionId::UsCpi,
        AssumptionId::JpyPerUsd,
        AssumptionId::JapanCustomGrowth,
        AssumptionId::BaseYear,
        AssumptionId::Horizon,
    ];

    /// The assumptions that drive `host`'s projections.
    pub fn of_host(host: Host) -> &'static [AssumptionId] {
        match host {
            Host::Korea => &Self::ALL,
            Host::Japan => &Self::JAPAN,
        }
    }

    /// The assumption that plays this one's part for `host`: the host's CPI for either
    /// host's CPI, the host's rate for either rate, the host's custom growth for
    /// either; any other is shared (US CPI, the base year, the horizon) or Korea's
    /// alone (defense-budget growth).
    pub fn for_host(self, host: Host) -> AssumptionId {
        use AssumptionId::*;
        match (self, host) {
            (KoreanCpi | JapaneseCpi, Host::Korea) => KoreanCpi,
            (KoreanCpi | JapaneseCpi, Host::Japan) => JapaneseCpi,
            (KrwPerUsd | JpyPerUsd, Host::Korea) => KrwPerUsd,
            (KrwPerUsd | JpyPerUsd, Host::Japan) => JpyPerUsd,
            (CustomGrowth | JapanCustomGrowth, Host::Korea) => CustomGrowth,
            (CustomGrowth | JapanCustomGrowth, Host::Japan) => JapanCustomGrowth,
            (id, _) => id,
        }
    }

    /// The rates, which may be set year by year.
    pub fn is_rate(self) -> bool {
        use AssumptionId::*;
        matches!(
            self,
            KoreanCpi | UsCpi | KrwPerUsd | DefenseGrowth | JapaneseCpi | JpyPerUsd
        )
    }

    /// The last year the dataset records this rate: years after it take the assumption
    /// (see [`crate::econ::Economy`]). `None` for an assumption that is not a recorded
    /// series, and for a series the dataset does not hold.
    pub fn last_recorded(self, d: &Dataset) -> Option<i32> {
        use AssumptionId::*;
        match self {
            // The dataset's own host: each dataset records one host's CPI and rate.
            KoreanCpi | JapaneseCpi => d.host_cpi.last().map(|c| c.year),
            UsCpi => d.us_cpi.last().map(|c| c.year),
            KrwPerUsd | JpyPerUsd => d.exchange_rates.last().map(|r| r.year),
            DefenseGrowth => d.defense_budgets.last().map(|b| b.year),
            CustomGrowth | JapanCustomGrowth | BaseYear | Horizon => None,
        }
    }

    /// The host whose figures alone this assumption shapes; `None` for one both hosts
    /// share (US CPI, the base year, the horizon).
    pub fn host(self) -> Option<Host> {
        use AssumptionId::*;
        match self {
            KoreanCpi | KrwPerUsd | DefenseGrowth | CustomGrowth => Some(Host::Korea),
            JapaneseCpi | JpyPerUsd | JapanCustomGrowth => Some(Host::Japan),
            UsCpi | BaseYear | Horizon => None,
        }
    }

    /// How a message names it, mid-sentence: "Korean CPI inflation", "won per dollar".
    pub fn in_words(self) -> &'static str {
        use AssumptionId::*;
        match self {
            KoreanCpi => "Korean CPI inflation",
            UsCpi => "US CPI-U inflation",
            KrwPerUsd => "won per dollar",
            DefenseGrowth => "ROK defense-budget growth",
            CustomGrowth => "custom growth",
            BaseYear => "a base year",
            Horizon => "a horizon",
            JapaneseCpi => "Japanese CPI inflation",
            JpyPerUsd => "yen per dollar",
            JapanCustomGrowth => "Japan's custom growth",
        }
    }
}

/// How an assumption may move: its bounds, its steps, how it reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AssumptionSpec {
    pub id: AssumptionId,
    /// The name in files and exports: `korean_cpi`.
    pub key: &'static str,
    /// The option that sets it on the command line: `--cpi`; the base year's is
    /// `--real`, which also puts amounts in money of that year.
    pub flag: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub big_step: f64,
    /// Digits after the point when shown.
    pub decimals: usize,
}

impl AssumptionSpec {
    /// "2.1 %", "1,421 ₩/$", "2035": as the pane, the status line and reports show it.
    pub fn format(&self, value: f64) -> String {
        if self.unit.is_empty() {
            // Years: no thousands separator.
            format!("{:.*}", self.decimals, value)
        } else {
            format!("{}{}", thousands(value, self.decimals), self.unit)
        }
    }

    /// A rate with the years set apart: "2.5 % (2028: 9.0 %, 2029: 3.0 %)".
    pub fn format_path(&self, path: &RatePath) -> String {
        let flat = self.format(path.flat);
        if path.by_year.is_empty() {
            return flat;
        }
        let years: Vec<String> = path
            .by_year
            .iter()
            .map(|(year, v)| format!("{year}: {}", self.format(*v)))
            .collect();
        format!("{flat} ({})", years.join(", "))
    }

    /// Whether `value` lies in the assumption's range.
    pub fn check(&self, value: f64) -> Result<(), AssumptionError> {
        if value.is_finite() && (self.min..=self.max).contains(&value) {
            Ok(())
        } else {
            Err(AssumptionError(format!(
                "expected {} from {} to {}, found {}",
                self.id.in_words(),
                self.format(self.min),
                self.format(self.max),
                value
            )))
        }
    }
}

/// The first year projections may reach past the record, and the last.
pub const LAST_HORIZON: i32 = 2100;

pub fn spec(id: AssumptionId) -> AssumptionSpec {
    use AssumptionId::*;
    let (key, flag, label) = match id {
        KoreanCpi => ("korean_cpi", "--cpi", "Korean CPI inflation"),
        UsCpi => ("us_cpi", "--us-cpi", "US CPI-U inflation"),
        KrwPerUsd => ("krw_per_usd", "--fx", "Won per dollar"),
        DefenseGrowth => (
            "defense_growth",
            "--defense-growth",
            "ROK defense-budget growth",
        ),
        CustomGrowth => ("custom_growth", "--growth", "Custom growth"),
        BaseYear => ("base_year", "--real", "Base year (real terms)"),
        Horizon => ("horizon", "--horizon", "Projection horizon"),
        JapaneseCpi => ("japanese_cpi", "--jp-cpi", "Japanese CPI inflation"),
        JpyPerUsd => ("jpy_per_usd", "--jp-fx", "Yen per dollar"),
        JapanCustomGrowth => ("japan_custom_growth", "--jp-growth", "Custom growth"),
    };
    let (unit, min, max, step, big_step, decimals) = match id {
        KoreanCpi | UsCpi | JapaneseCpi => (" %", -5.0, 20.0, 0.1, 1.0, 1),
        DefenseGrowth | CustomGrowth | JapanCustomGrowth => (" %", -10.0, 30.0, 0.1, 1.0, 1),
        KrwPerUsd => (" ₩/$", 500.0, 3000.0, 10.0, 100.0, 0),
        JpyPerUsd => (" ¥/$", 50.0, 500.0, 1.0, 10.0, 0),
        BaseYear => ("", 1991.0, f64::from(LAST_HORIZON), 1.0, 5.0, 0),
        Horizon => ("", 2027.0, f64::from(LAST_HORIZON), 1.0, 5.0, 0),
    };
    AssumptionSpec {
        id,
        key,
        flag,
        label,
        unit,
        min,
        max,
        step,
        big_step,
        decimals,
    }
}

/// An assumption given out of its range, or one that does not fit with another.
#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionError(pub String);

impl fmt::Display for AssumptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AssumptionError {}

/// A value typed for one assumption, read and in its range, not yet checked against the
/// dataset and the other assumptions (that is [`Assumptions::apply`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionValue {
    id: AssumptionId,
    value: Value,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Rate(RatePath),
    Number(f64),
    Year(i32),
}

impl AssumptionValue {
    /// Reads `text` for `id`: a rate path for the four rates (see [`RatePath::parse`]),
    /// a number (`%` allowed) for custom growth, a whole year for the base year and the
    /// horizon; every value in its range, each message naming the range.
    pub fn parse(id: AssumptionId, text: &str) -> Result<Self, AssumptionError> {
        use AssumptionId::*;
        let s = spec(id);
        let value = match id {
            KoreanCpi | UsCpi | KrwPerUsd | DefenseGrowth | JapaneseCpi | JpyPerUsd => {
                if matches!(id, KrwPerUsd | JpyPerUsd) && text.contains('%') {
                    return Err(AssumptionError(format!(
                        "expected {} as a number, without %, found \"{}\"",
                        id.in_words(),
                        text.trim()
                    )));
                }
                let path = RatePath::parse(text)?;
                check_values(id, &path)?;
                Value::Rate(path)
            }
            CustomGrowth | JapanCustomGrowth => {
                let v = number(text)?;
                s.check(v)?;
                Value::Number(v)
            }
            BaseYear | Horizon => {
                let y = whole_year(text)?;
                s.check(f64::from(y))?;
                Value::Year(y)
            }
        };
        Ok(Self { id, value })
    }

    pub fn id(&self) -> AssumptionId {
        self.id
    }
}

impl fmt::Display for AssumptionValue {
    /// As the command line writes it, so that it reads back the same.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Value::Rate(path) => path.fmt(f),
            Value::Number(v) => write!(f, "{v}"),
            Value::Year(y) => write!(f, "{y}"),
        }
    }
}

/// Every value of a rate path in the rate's range; a year's value says which year.
fn check_values(id: AssumptionId, path: &RatePath) -> Result<(), AssumptionError> {
    let s = spec(id);
    s.check(path.flat)?;
    for (year, v) in &path.by_year {
        s.check(*v)
            .map_err(|e| AssumptionError(format!("{e} for {year}")))?;
    }
    Ok(())
}

/// Every year set apart lies in the projection: after the dataset's record of the rate,
/// up to the horizon.
fn check_years(
    id: AssumptionId,
    path: &RatePath,
    d: &Dataset,
    horizon: i32,
) -> Result<(), AssumptionError> {
    let last = id.last_recorded(d);
    let first = last.map_or(*crate::data::YEARS.start(), |y| y + 1);
    for &year in path.by_year.keys() {
        if (first..=horizon).contains(&year) {
            continue;
        }
        let recorded = |last: i32| format!("{} is recorded through {last}", id.in_words());
        let message = match last {
            Some(last) if first > horizon => format!(
                "expected no year set apart ({}, past the horizon {horizon}), found {year}",
                recorded(last)
            ),
            _ if year > horizon => format!(
                "expected a year from {first} to {horizon}, found {year}, past the horizon {horizon}"
            ),
            Some(last) => format!(
                "expected a year from {first} to {horizon}, found {year}, a recorded year ({})",
                recorded(last)
            ),
            None => format!("expected a year from {first} to {horizon}, found {year}"),
        };
        return Err(AssumptionError(message));
    }
    Ok(())
}

/// The one rule between the two years: real terms are in money of a year the series
/// reaches. The command line, the config, the dashboard and the scenarios file all
/// check it here.
pub fn base_year_within(base_year: i32, horizon: i32) -> Result<(), AssumptionError> {
    if base_year > horizon {
        return Err(AssumptionError(format!(
            "expected a base year no later than the horizon {horizon}, found {base_year}"
        )));
    }
    Ok(())
}

/// Every live input, in the units the user sees: rates in percent, won per dollar.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumptions {
    pub korean_cpi: RatePath,
    pub us_cpi: RatePath,
    pub krw_per_usd: RatePath,
    pub defense_growth: RatePath,
    /// The growth of Korea's custom scenario.
    pub custom_growth: f64,
    /// Real terms' base year and the last year projected: one for both hosts, so that
    /// they can be compared.
    pub base_year: i32,
    pub horizon: i32,
    /// Japan's CPI inflation and yen per dollar, past Japan's record.
    pub japanese_cpi: RatePath,
    pub jpy_per_usd: RatePath,
    /// The growth of Japan's custom scenario.
    pub japan_custom_growth: f64,
}

/// Compound annual growth over the last `years` of a series, in percent.
fn average_growth_pct(series: &[(i32, f64)], years: i32) -> Option<f64> {
    let &(last_year, last) = series.last()?;
    let &(first_year, first) = series.iter().find(|(y, _)| *y >= last_year - years)?;
    (last_year > first_year && first > 0.0)
        .then(|| ((last / first).powf(1.0 / (last_year - first_year) as f64) - 1.0) * 100.0)
}

/// Japan's CPI inflation and yen per dollar where no Japan record gives defaults (no
/// Japan dataset loaded).
pub const JAPAN_FALLBACK: (f64, f64) = (1.0, 150.0);

/// A custom growth where a host's record gives no average to default to.
const CUSTOM_FALLBACK: f64 = 3.0;

/// Keeps a default from history inside the assumption's range.
fn in_range(id: AssumptionId, value: f64) -> f64 {
    let s = spec(id);
    value.clamp(s.min, s.max)
}

impl Assumptions {
    /// Defaults from recent history: the latest recorded year of each series; the
    /// host's custom growth is its contribution's average growth over its last ten
    /// recorded years (the other host's, [`Assumptions::take_history_of`] its record).
    pub fn from_history(d: &Dataset) -> Self {
        use AssumptionId::*;
        let latest = |v: Option<f64>, fallback: f64| v.unwrap_or(fallback);
        let us = d.us_cpi.last().map(|c| c.rate_pct);
        let growth = d.defense_budgets.iter().rev().find_map(|b| b.growth_pct);
        let last_recorded = d.last_recorded_year().unwrap_or(2026);
        let base_year = d
            .host_cpi
            .last()
            .map_or(last_recorded, |c| c.year)
            .min(last_recorded);
        let mut a = Self {
            korean_cpi: RatePath::flat(2.0),
            us_cpi: RatePath::flat(in_range(UsCpi, latest(us, 2.0))),
            krw_per_usd: RatePath::flat(1400.0),
            defense_growth: RatePath::flat(in_range(DefenseGrowth, latest(growth, 4.0))),
            custom_growth: CUSTOM_FALLBACK,
            base_year,
            horizon: 2035.max(last_recorded + 1),
            japanese_cpi: RatePath::flat(JAPAN_FALLBACK.0),
            jpy_per_usd: RatePath::flat(JAPAN_FALLBACK.1),
            japan_custom_growth: CUSTOM_FALLBACK,
        };
        a.take_history_of(d);
        a
    }

    /// The CPI and the rate of `d`'s host from its latest recorded year, and its custom
    /// growth from its record's last ten years: how the defaults of a second host join
    /// those [`Assumptions::from_history`] took from the first.
    pub fn take_history_of(&mut self, d: &Dataset) {
        let host = d.info.host;
        let recorded: Vec<(i32, f64)> = d
            .contributions
            .iter()
            .filter_map(|c| c.local_100m.map(|v| (c.year, v)))
            .collect();
        let custom = average_growth_pct(&recorded, 10).unwrap_or(CUSTOM_FALLBACK);
        let custom_id = AssumptionId::CustomGrowth.for_host(host);
        *self.custom_growth_mut(host) = in_range(custom_id, custom);
        let cpi = d.host_cpi.iter().rev().find_map(|c| c.precise_pct());
        let fx = d.exchange_rates.last().map(|r| r.per_usd);
        let (cpi_id, fx_id) = (
            AssumptionId::KoreanCpi.for_host(host),
            AssumptionId::KrwPerUsd.for_host(host),
        );
        if let Some(cpi) = cpi {
            *self.host_cpi_mut(host) = RatePath::flat(in_range(cpi_id, cpi));
        }
        if let Some(fx) = fx {
            *self.per_usd_mut(host) = RatePath::flat(in_range(fx_id, fx));
        }
    }

    /// The host's CPI inflation past its record.
    pub fn host_cpi(&self, host: Host) -> &RatePath {
        match host {
            Host::Korea => &self.korean_cpi,
            Host::Japan => &self.japanese_cpi,
        }
    }

    /// The host's currency per dollar past its record.
    pub fn per_usd(&self, host: Host) -> &RatePath {
        match host {
            Host::Korea => &self.krw_per_usd,
            Host::Japan => &self.jpy_per_usd,
        }
    }

    /// The growth of the host's custom scenario.
    pub fn custom_growth_of(&self, host: Host) -> f64 {
        match host {
            Host::Korea => self.custom_growth,
            Host::Japan => self.japan_custom_growth,
        }
    }

    fn custom_growth_mut(&mut self, host: Host) -> &mut f64 {
        match host {
            Host::Korea => &mut self.custom_growth,
            Host::Japan => &mut self.japan_custom_growth,
        }
    }

    /// Takes every assumption that is `host`'s own from `from` (its CPI, its rate, its
    /// custom growth, and Korea's defense-budget growth), leaving the other host's and
    /// the shared ones as they are.
    pub fn take_host(&mut self, host: Host, from: &Assumptions) {
        for &id in AssumptionId::ALL
            .iter()
            .chain(&AssumptionId::JAPAN)
            .filter(|id| id.host() == Some(host))
        {
            self.take(id, from);
        }
    }

    pub(crate) fn host_cpi_mut(&mut self, host: Host) -> &mut RatePath {
        match host {
            Host::Korea => &mut self.korean_cpi,
            Host::Japan => &mut self.japanese_cpi,
        }
    }

    pub(crate) fn per_usd_mut(&mut self, host: Host) -> &mut RatePath {
        match host {
            Host::Korea => &mut self.krw_per_usd,
            Host::Japan => &mut self.jpy_per_usd,
        }
    }

    /// The rates that may be set year by year, each with its assumption: Korea's four,
    /// then Japan's CPI and rate.
    pub fn rate_paths(&self) -> [(AssumptionId, &RatePath); 6] {
        use AssumptionId::*;
        [
            (KoreanCpi, &self.korean_cpi),
            (UsCpi, &self.us_cpi),
            (KrwPerUsd, &self.krw_per_usd),
            (DefenseGrowth, &self.defense_growth),
            (JapaneseCpi, &self.japanese_cpi),
            (JpyPerUsd, &self.jpy_per_usd),
        ]
    }

    /// The flat value of an assumption.
    pub fn get(&self, id: AssumptionId) -> f64 {
        use AssumptionId::*;
        match id {
            KoreanCpi => self.korean_cpi.flat,
            UsCpi => self.us_cpi.flat,
            KrwPerUsd => self.krw_per_usd.flat,
            DefenseGrowth => self.defense_growth.flat,
            CustomGrowth => self.custom_growth,
            BaseYear => self.base_year as f64,
            Horizon => self.horizon as f64,
            JapaneseCpi => self.japanese_cpi.flat,
            JpyPerUsd => self.jpy_per_usd.flat,
            JapanCustomGrowth => self.japan_custom_growth,
        }
    }

    /// Sets the flat value, clamped to the assumption's range.
    pub fn set(&mut self, id: AssumptionId, value: f64) {
        use AssumptionId::*;
        let s = spec(id);
        let value = if value.is_finite() {
            value.clamp(s.min, s.max)
        } else {
            self.get(id)
        };
        match id {
            KoreanCpi => self.korean_cpi.flat = value,
            UsCpi => self.us_cpi.flat = value,
            KrwPerUsd => self.krw_per_usd.flat = value,
            DefenseGrowth => self.defense_growth.flat = value,
            CustomGrowth => self.custom_growth = value,
            BaseYear => self.base_year = value.round() as i32,
            Horizon => self.horizon = value.round() as i32,
            JapaneseCpi => self.japanese_cpi.flat = value,
            JpyPerUsd => self.jpy_per_usd.flat = value,
            JapanCustomGrowth => self.japan_custom_growth = value,
        }
        // The base year may not lie past the horizon.
        self.base_year = self.base_year.min(self.horizon);
    }

    /// Moves an assumption by its step (`big` for Shift), in `direction` (+1 or -1).
    pub fn step(&mut self, id: AssumptionId, direction: i32, big: bool) {
        let s = spec(id);
        let step = if big { s.big_step } else { s.step };
        // Round to the grid so repeated steps do not accumulate float error; divide by
        // the steps per unit where a step is a fraction, so 2.2 is 2.2 and not
        // 2.2000000000000002 (what a saved scenario file shows).
        let steps = ((self.get(id) + step * direction.signum() as f64) / s.step).round();
        let next = if s.step < 1.0 {
            steps / (1.0 / s.step).round()
        } else {
            steps * s.step
        };
        self.set(id, next);
    }

    /// One assumption as `from` has it, the years set apart with it (a reset), and the
    /// base year pulled back to the horizon if need be.
    pub fn take(&mut self, id: AssumptionId, from: &Assumptions) {
        use AssumptionId::*;
        match id {
            KoreanCpi => self.korean_cpi = from.korean_cpi.clone(),
            UsCpi => self.us_cpi = from.us_cpi.clone(),
            KrwPerUsd => self.krw_per_usd = from.krw_per_usd.clone(),
            DefenseGrowth => self.defense_growth = from.defense_growth.clone(),
            CustomGrowth => self.custom_growth = from.custom_growth,
            BaseYear => self.base_year = from.base_year,
            Horizon => self.horizon = from.horizon,
            JapaneseCpi => self.japanese_cpi = from.japanese_cpi.clone(),
            JpyPerUsd => self.jpy_per_usd = from.jpy_per_usd.clone(),
            JapanCustomGrowth => self.japan_custom_growth = from.japan_custom_growth,
        }
        self.base_year = self.base_year.min(self.horizon);
    }

    /// An assumption as the pane, the status line and reports show it, with any years
    /// set apart: "2.5 % (2028: 9.0 %)", "1,421 ₩/$", "2035".
    pub fn shown(&self, id: AssumptionId) -> String {
        let s = spec(id);
        match self.rate_paths().into_iter().find(|(r, _)| *r == id) {
            Some((_, path)) => s.format_path(path),
            None => s.format(self.get(id)),
        }
    }

    /// The rate path of one of the four rates.
    fn rate_mut(&mut self, id: AssumptionId) -> Option<&mut RatePath> {
        use AssumptionId::*;
        match id {
            KoreanCpi => Some(&mut self.korean_cpi),
            UsCpi => Some(&mut self.us_cpi),
            KrwPerUsd => Some(&mut self.krw_per_usd),
            DefenseGrowth => Some(&mut self.defense_growth),
            JapaneseCpi => Some(&mut self.japanese_cpi),
            JpyPerUsd => Some(&mut self.jpy_per_usd),
            CustomGrowth | JapanCustomGrowth | BaseYear | Horizon => None,
        }
    }

    /// Reads `text` for assumption `id` and applies it if it is valid, as the command
    /// line, the config file and the dashboard's typed values do: see
    /// [`AssumptionValue::parse`] and [`Assumptions::apply`]. On an error `self` is
    /// unchanged and the message says what was expected, in words.
    pub fn apply_text(
        &mut self,
        id: AssumptionId,
        text: &str,
        d: &Dataset,
    ) -> Result<(), AssumptionError> {
        let value = AssumptionValue::parse(id, text)?;
        self.apply(&value, d)
    }

    /// Applies a value read by [`AssumptionValue::parse`] if it fits the dataset and the
    /// other assumptions: a year set apart must lie after the record of its rate and no
    /// later than the horizon; the base year no later than the horizon; a horizon no
    /// earlier than the base year and every year set apart. On an error `self` is
    /// unchanged.
    pub fn apply(&mut self, value: &AssumptionValue, d: &Dataset) -> Result<(), AssumptionError> {
        use AssumptionId::*;
        let id = value.id;
        match &value.value {
            Value::Rate(path) => {
                check_years(id, path, d, self.horizon)?;
                if let Some(slot) = self.rate_mut(id) {
                    *slot = path.clone();
                }
            }
            Value::Number(v) => {
                if let Some(host) = id.host() {
                    *self.custom_growth_mut(host) = *v;
                }
            }
            Value::Year(year) if id == BaseYear => {
                base_year_within(*year, self.horizon)?;
                self.base_year = *year;
            }
            Value::Year(horizon) => {
                if self.base_year > *horizon {
                    return Err(AssumptionError(format!(
                        "expected a horizon no earlier than the base year {}, found {horizon}",
                        self.base_year
                    )));
                }
                for (rate, path) in self.rate_paths() {
                    if let Some(&last) = path.by_year.keys().next_back()
                        && last > *horizon
                    {
                        return Err(AssumptionError(format!(
                            "expected a horizon no earlier than {last}, the last year set apart for {}, found {horizon}",
                            rate.in_words()
                        )));
                    }
                }
                self.horizon = *horizon;
            }
        }
        Ok(())
    }

    /// The checks of [`Assumptions::apply`] over every value, for assumptions built any
    /// other way (a saved scenario, say); the message starts with the assumption's key.
    pub fn check(&self, d: &Dataset) -> Result<(), AssumptionError> {
        self.checked(Some(&|_| d))
    }

    /// [`Assumptions::check`], each rate's years set apart against the record of its
    /// own host's dataset, as `dataset_of` gives it.
    pub fn check_each<'d>(
        &self,
        dataset_of: &dyn Fn(AssumptionId) -> &'d Dataset,
    ) -> Result<(), AssumptionError> {
        self.checked(Some(dataset_of))
    }

    /// The checks that need no dataset: every value in its range, the base year no later
    /// than the horizon. [`Assumptions::check`] also checks the years set apart.
    pub fn validate(&self) -> Result<(), AssumptionError> {
        self.checked(None)
    }

    fn checked<'d>(
        &self,
        d: Option<&dyn Fn(AssumptionId) -> &'d Dataset>,
    ) -> Result<(), AssumptionError> {
        use AssumptionId::*;
        let keyed = |id: AssumptionId| {
            move |e: AssumptionError| AssumptionError(format!("{}: {e}", spec(id).key))
        };
        spec(Horizon)
            .check(f64::from(self.horizon))
            .map_err(keyed(Horizon))?;
        spec(BaseYear)
            .check(f64::from(self.base_year))
            .map_err(keyed(BaseYear))?;
        base_year_within(self.base_year, self.horizon).map_err(keyed(BaseYear))?;
        spec(CustomGrowth)
            .check(self.custom_growth)
            .map_err(keyed(CustomGrowth))?;
        spec(JapanCustomGrowth)
            .check(self.japan_custom_growth)
            .map_err(keyed(JapanCustomGrowth))?;
        for (id, path) in self.rate_paths() {
            check_values(id, path)
                .and_then(|()| match d {
                    Some(d) => check_years(id, path, d(id), self.horizon),
                    None => Ok(()),
                })
                .map_err(keyed(id))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: std::fmt::Debug>(r: Result<T, AssumptionError>) -> String {
        r.unwrap_err().0
    }

    #[test]
    fn rate_paths_parse_flat_and_per_year() {
        for text in ["3", "3.0", "3 %", "3%", " 3 ", "+3"] {
            assert_eq!(RatePath::parse(text), Ok(RatePath::flat(3.0)), "{text}");
        }
        assert_eq!(RatePath::parse("-3"), Ok(RatePath::flat(-3.0)));
        assert_eq!(RatePath::parse("-3 %"), Ok(RatePath::flat(-3.0)));
        let p = RatePath::parse("2.0, 2028=3.5,2030=-1").unwrap();
        assert_eq!(
            (p.at(2027), p.at(2028), p.at(2029), p.at(2030)),
            (2.0, 3.5, 2.0, -1.0)
        );
        let spaced = RatePath::parse("2.5, 2028 = 3.5 %").unwrap();
        assert_eq!(spaced, RatePath::parse("2.5,2028=3.5").unwrap());
        assert_eq!(spaced.by_year, BTreeMap::from([(2028, 3.5)]));
        // Written back as read.
        assert_eq!(spaced.to_string(), "2.5,2028=3.5");
        assert_eq!(RatePath::parse("3").unwrap().to_string(), "3");
    }

    #[test]
    fn rate_paths_refuse_in_words() {
        assert_eq!(err(RatePath::parse("x")), "expected a number, found \"x\"");
        assert_eq!(err(RatePath::parse("")), "expected a number, found nothing");
        assert_eq!(
            err(RatePath::parse("3 %%")),
            "expected a number, found \"3 %%\""
        );
        assert_eq!(
            err(RatePath::parse("NaN")),
            "expected a number, found \"NaN\""
        );
        assert_eq!(
            err(RatePath::parse("inf")),
            "expected a number, found \"inf\""
        );
        assert_eq!(
            err(RatePath::parse("2,2028")),
            "expected YEAR=VALUE after a comma (2028=3.5), found \"2028\""
        );
        assert_eq!(
            err(RatePath::parse("2,")),
            "expected YEAR=VALUE after a comma (2028=3.5), found nothing"
        );
        assert_eq!(
            err(RatePath::parse("2,y=1")),
            "expected a year as a number, found \"y\""
        );
        assert_eq!(
            err(RatePath::parse("2,2028.5=1")),
            "expected a year as a number, found \"2028.5\""
        );
        assert_eq!(
            err(RatePath::parse("2028=3")),
            "expected the rate for every year first, then YEAR=VALUE (2.5,2028=3.5), found \"2028=3\""
        );
        assert_eq!(
            err(RatePath::parse("2.5,2028=9,2028=3")),
            "2028 is given twice"
        );
        assert_eq!(
            err(RatePath::parse("2.5, 2028=9, 2028 = 9")),
            "2028 is given twice"
        );
    }

    fn embedded() -> Dataset {
        Dataset::embedded().expect("the embedded dataset is valid")
    }

    #[test]
    fn apply_text_reads_each_kind_of_assumption() {
        let d = embedded();
        let mut a = Assumptions::from_history(&d);
        a.apply_text(AssumptionId::KoreanCpi, "3%", &d).unwrap();
        assert_eq!(a.korean_cpi, RatePath::flat(3.0));
        a.apply_text(AssumptionId::KoreanCpi, "2.5, 2028 = 3.5 %", &d)
            .unwrap();
        assert_eq!((a.korean_cpi.at(2027), a.korean_cpi.at(2028)), (2.5, 3.5));
        a.apply_text(AssumptionId::KrwPerUsd, "1500,2030=1600", &d)
            .unwrap();
        assert_eq!(a.krw_per_usd.at(2030), 1600.0);
        a.apply_text(AssumptionId::UsCpi, "-1", &d).unwrap();
        assert_eq!(a.us_cpi.flat, -1.0);
        a.apply_text(AssumptionId::DefenseGrowth, "5,2027=6", &d)
            .unwrap();
        assert_eq!(a.defense_growth.at(2027), 6.0);
        a.apply_text(AssumptionId::CustomGrowth, "4.5 %", &d)
            .unwrap();
        assert_eq!(a.custom_growth, 4.5);
        a.apply_text(AssumptionId::Horizon, "2040", &d).unwrap();
        a.apply_text(AssumptionId::BaseYear, " 2020 ", &d).unwrap();
        assert_eq!((a.horizon, a.base_year), (2040, 2020));
        assert_eq!(a.check(&d), Ok(()));
    }

    #[test]
    fn apply_text_refuses_and_leaves_the_assumptions_unchanged() {
        let d = embedded();
        let before = Assumptions::from_history(&d);
        assert_eq!(before.horizon, 2035);
        let refused = |id: AssumptionId, text: &str| {
            let mut a = before.clone();
            let e = err(a.apply_text(id, text, &d));
            assert_eq!(a, before, "{id:?} {text}: changed on an error");
            e
        };
        use AssumptionId::*;
        assert_eq!(
            refused(KoreanCpi, "55"),
            "expected Korean CPI inflation from -5.0 % to 20.0 %, found 55"
        );
        assert_eq!(
            refused(KoreanCpi, "2.5,2028=70"),
            "expected Korean CPI inflation from -5.0 % to 20.0 %, found 70 for 2028"
        );
        assert_eq!(
            refused(KrwPerUsd, "-3"),
            "expected won per dollar from 500 ₩/$ to 3,000 ₩/$, found -3"
        );
        assert_eq!(
            refused(KrwPerUsd, "1400 %"),
            "expected won per dollar as a number, without %, found \"1400 %\""
        );
        assert_eq!(
            refused(DefenseGrowth, "-30"),
            "expected ROK defense-budget growth from -10.0 % to 30.0 %, found -30"
        );
        assert_eq!(
            refused(CustomGrowth, "2,2028=3"),
            "expected a number, found \"2,2028=3\""
        );
        assert_eq!(
            refused(CustomGrowth, "31"),
            "expected custom growth from -10.0 % to 30.0 %, found 31"
        );
        assert_eq!(
            refused(Horizon, "2035.5"),
            "expected a year as a number, found \"2035.5\""
        );
        assert_eq!(
            refused(Horizon, "2200"),
            "expected a horizon from 2027 to 2100, found 2200"
        );
        assert_eq!(
            refused(BaseYear, "2040"),
            "expected a base year no later than the horizon 2035, found 2040"
        );
        // Years set apart: recorded, past the horizon, twice.
        assert_eq!(
            refused(KoreanCpi, "2.5,2024=9"),
            "expected a year from 2026 to 2035, found 2024, a recorded year (Korean CPI inflation is recorded through 2025)"
        );
        assert_eq!(
            refused(KoreanCpi, "2.5,2040=9"),
            "expected a year from 2026 to 2035, found 2040, past the horizon 2035"
        );
        assert_eq!(
            refused(KoreanCpi, "2.5,2028=9,2028=3"),
            "2028 is given twice"
        );
        // Each rate has its own record: defense budgets run a year longer.
        assert_eq!(
            refused(DefenseGrowth, "5,2026=6"),
            "expected a year from 2027 to 2035, found 2026, a recorded year (ROK defense-budget growth is recorded through 2026)"
        );
        let mut a = before.clone();
        a.apply_text(KoreanCpi, "5,2026=6", &d).unwrap();
        a.apply_text(UsCpi, "2,2026=3", &d).unwrap();
        a.apply_text(KrwPerUsd, "1400,2026=1500", &d).unwrap();
    }

    #[test]
    fn the_horizon_and_the_years_set_apart_meet() {
        let d = embedded();
        let mut a = Assumptions::from_history(&d);
        use AssumptionId::*;
        // A year past the horizon is refused until the horizon reaches it.
        assert!(a.apply_text(KoreanCpi, "2.5,2036=9", &d).is_err());
        a.apply_text(Horizon, "2040", &d).unwrap();
        a.apply_text(KoreanCpi, "2.5,2036=9", &d).unwrap();
        // Then the horizon may not come back before it, nor before the base year.
        assert_eq!(
            err(a.apply_text(Horizon, "2035", &d)),
            "expected a horizon no earlier than 2036, the last year set apart for Korean CPI inflation, found 2035"
        );
        assert_eq!(a.horizon, 2040);
        a.apply_text(Horizon, "2036", &d).unwrap();
        a.apply_text(BaseYear, "2036", &d).unwrap();
        a.apply_text(KoreanCpi, "2.5", &d).unwrap();
        assert_eq!(
            err(a.apply_text(Horizon, "2030", &d)),
            "expected a horizon no earlier than the base year 2036, found 2030"
        );
    }

    #[test]
    fn check_finds_what_apply_text_refuses() {
        let d = embedded();
        let good = Assumptions::from_history(&d);
        assert_eq!(good.check(&d), Ok(()));
        let with = |f: &dyn Fn(&mut Assumptions)| {
            let mut a = good.clone();
            f(&mut a);
            err(a.check(&d))
        };
        assert_eq!(
            with(&|a| a.korean_cpi.by_year = BTreeMap::from([(2024, 9.0)])),
            "korean_cpi: expected a year from 2026 to 2035, found 2024, a recorded year (Korean CPI inflation is recorded through 2025)"
        );
        assert_eq!(
            with(&|a| a.us_cpi.by_year = BTreeMap::from([(2040, 2.0)])),
            "us_cpi: expected a year from 2026 to 2035, found 2040, past the horizon 2035"
        );
        assert_eq!(
            with(&|a| a.krw_per_usd.by_year = BTreeMap::from([(2030, 5.0)])),
            "krw_per_usd: expected won per dollar from 500 ₩/$ to 3,000 ₩/$, found 5 for 2030"
        );
        assert_eq!(
            with(&|a| a.custom_growth = f64::NAN),
            "custom_growth: expected custom growth from -10.0 % to 30.0 %, found NaN"
        );
        assert_eq!(
            with(&|a| a.base_year = 2036),
            "base_year: expected a base year no later than the horizon 2035, found 2036"
        );
        assert_eq!(
            with(&|a| a.horizon = 2020),
            "horizon: expected a horizon from 2027 to 2100, found 2020"
        );
        // Without the dataset, the years set apart cannot be checked; the rest can.
        let mut a = good.clone();
        a.korean_cpi.by_year = BTreeMap::from([(2024, 9.0)]);
        assert_eq!(a.validate(), Ok(()));
        a.korean_cpi.by_year = BTreeMap::from([(2028, 90.0)]);
        assert_eq!(
            err(a.validate()),
            "korean_cpi: expected Korean CPI inflation from -5.0 % to 20.0 %, found 90 for 2028"
        );
    }

    #[test]
    fn a_value_reads_back_as_written() {
        use AssumptionId::*;
        for (id, text, shown) in [
            (KoreanCpi, "2.5, 2028 = 3.5 %", "2.5,2028=3.5"),
            (KrwPerUsd, "1400", "1400"),
            (CustomGrowth, "4.5%", "4.5"),
            (Horizon, "2040", "2040"),
        ] {
            let v = AssumptionValue::parse(id, text).unwrap();
            assert_eq!((v.id(), v.to_string().as_str()), (id, shown));
            assert_eq!(AssumptionValue::parse(id, shown), Ok(v));
        }
    }

    #[test]
    fn steps_snap_to_the_grid_and_stay_in_range() {
        let mut a = Assumptions {
            korean_cpi: RatePath::flat(2.13),
            us_cpi: RatePath::flat(2.0),
            krw_per_usd: RatePath::flat(1421.4),
            defense_growth: RatePath::flat(4.0),
            custom_growth: 3.0,
            base_year: 2025,
            horizon: 2035,
            japanese_cpi: RatePath::flat(1.0),
            jpy_per_usd: RatePath::flat(150.0),
            japan_custom_growth: 3.0,
        };
        a.step(AssumptionId::KoreanCpi, 1, false);
        assert_eq!(a.korean_cpi.flat, 2.2, "exactly the double nearest 2.2");
        a.step(AssumptionId::KoreanCpi, -1, false);
        assert_eq!(a.korean_cpi.flat.to_string(), "2.1");
        a.step(AssumptionId::KrwPerUsd, -1, true);
        assert!((a.krw_per_usd.flat - 1320.0).abs() < 1e-9);
        for _ in 0..100 {
            a.step(AssumptionId::KoreanCpi, 1, true);
        }
        assert_eq!(a.korean_cpi.flat, spec(AssumptionId::KoreanCpi).max);
        // The base year follows the horizon down.
        a.set(AssumptionId::Horizon, 2027.0);
        a.set(AssumptionId::Horizon, 2020.0);
        assert_eq!((a.horizon, a.base_year), (2027, 2025));
        a.set(AssumptionId::BaseYear, 2030.0);
        assert_eq!(a.base_year, 2027);
    }
}
