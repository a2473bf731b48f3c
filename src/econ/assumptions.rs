//! The live inputs of every projection: what the user steps with `+` and `-`.

use std::collections::BTreeMap;
use std::fmt;

use crate::data::Dataset;
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

    /// Reads `"2.5"` (flat) or `"2.5,2028=3.0,2029=2.0"` (flat, then years set apart).
    pub fn parse(text: &str) -> Result<Self, String> {
        let number = |s: &str| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("expected a number, found \"{}\"", s.trim()))
        };
        let mut parts = text.split(',');
        let mut path = Self::flat(number(parts.next().unwrap_or_default())?);
        for part in parts {
            let (year, rate) = part
                .split_once('=')
                .ok_or_else(|| format!("expected YEAR=VALUE, found \"{}\"", part.trim()))?;
            let year = year
                .trim()
                .parse::<i32>()
                .map_err(|_| format!("expected a year, found \"{}\"", year.trim()))?;
            path.by_year.insert(year, number(rate)?);
        }
        Ok(path)
    }

    /// Every value the path can take.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(self.flat).chain(self.by_year.values().copied())
    }
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
}

impl AssumptionId {
    pub const ALL: [AssumptionId; 7] = [
        AssumptionId::KoreanCpi,
        AssumptionId::UsCpi,
        AssumptionId::KrwPerUsd,
        AssumptionId::DefenseGrowth,
        AssumptionId::CustomGrowth,
        AssumptionId::BaseYear,
        AssumptionId::Horizon,
    ];
}

/// How an assumption may move: its bounds, its steps, how it reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AssumptionSpec {
    pub id: AssumptionId,
    /// The name in files and exports: `korean_cpi`.
    pub key: &'static str,
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
                self.label,
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
    let (key, label, unit, min, max, step, big_step, decimals) = match id {
        KoreanCpi => (
            "korean_cpi",
            "Korean CPI inflation",
            " %",
            -5.0,
            20.0,
            0.1,
            1.0,
            1,
        ),
        UsCpi => (
            "us_cpi",
            "US CPI-U inflation",
            " %",
            -5.0,
            20.0,
            0.1,
            1.0,
            1,
        ),
        KrwPerUsd => (
            "krw_per_usd",
            "Won per dollar",
            " ₩/$",
            500.0,
            3000.0,
            10.0,
            100.0,
            0,
        ),
        DefenseGrowth => (
            "defense_growth",
            "ROK defense-budget growth",
            " %",
            -10.0,
            30.0,
            0.1,
            1.0,
            1,
        ),
        CustomGrowth => (
            "custom_growth",
            "Custom growth",
            " %",
            -10.0,
            30.0,
            0.1,
            1.0,
            1,
        ),
        BaseYear => (
            "base_year",
            "Base year (real terms)",
            "",
            1991.0,
            LAST_HORIZON as f64,
            1.0,
            5.0,
            0,
        ),
        Horizon => (
            "horizon",
            "Projection horizon",
            "",
            2027.0,
            LAST_HORIZON as f64,
            1.0,
            5.0,
            0,
        ),
    };
    AssumptionSpec {
        id,
        key,
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

/// Every live input, in the units the user sees: rates in percent, won per dollar.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumptions {
    pub korean_cpi: RatePath,
    pub us_cpi: RatePath,
    pub krw_per_usd: RatePath,
    pub defense_growth: RatePath,
    pub custom_growth: f64,
    pub base_year: i32,
    pub horizon: i32,
}

/// Compound annual growth over the last `years` of a series, in percent.
fn average_growth_pct(series: &[(i32, f64)], years: i32) -> Option<f64> {
    let &(last_year, last) = series.last()?;
    let &(first_year, first) = series.iter().find(|(y, _)| *y >= last_year - years)?;
    (last_year > first_year && first > 0.0)
        .then(|| ((last / first).powf(1.0 / (last_year - first_year) as f64) - 1.0) * 100.0)
}

/// Keeps a default from history inside the assumption's range.
fn in_range(id: AssumptionId, value: f64) -> f64 {
    let s = spec(id);
    value.clamp(s.min, s.max)
}

impl Assumptions {
    /// Defaults from recent history: the latest recorded year of each series; custom
    /// growth is the contribution's average growth over its last ten recorded years.
    pub fn from_history(d: &Dataset) -> Self {
        use AssumptionId::*;
        let latest = |v: Option<f64>, fallback: f64| v.unwrap_or(fallback);
        let korean = d.korean_cpi.iter().rev().find_map(|c| c.precise_pct());
        let us = d.us_cpi.last().map(|c| c.rate_pct);
        let fx = d.exchange_rates.last().map(|r| r.krw_per_usd);
        let growth = d.defense_budgets.last().map(|b| b.growth_pct);
        let recorded: Vec<(i32, f64)> = d
            .contributions
            .iter()
            .filter_map(|c| c.krw_100m.map(|v| (c.year, v)))
            .collect();
        let custom = average_growth_pct(&recorded, 10).unwrap_or(3.0);
        let last_recorded = d.last_recorded_year().unwrap_or(2026);
        let base_year = d
            .korean_cpi
            .last()
            .map_or(last_recorded, |c| c.year)
            .min(last_recorded);
        Self {
            korean_cpi: RatePath::flat(in_range(KoreanCpi, latest(korean, 2.0))),
            us_cpi: RatePath::flat(in_range(UsCpi, latest(us, 2.0))),
            krw_per_usd: RatePath::flat(in_range(KrwPerUsd, latest(fx, 1400.0))),
            defense_growth: RatePath::flat(in_range(DefenseGrowth, latest(growth, 4.0))),
            custom_growth: in_range(CustomGrowth, custom),
            base_year,
            horizon: 2035.max(last_recorded + 1),
        }
    }

    /// The four rates that may be set year by year, each with its assumption.
    pub fn rate_paths(&self) -> [(AssumptionId, &RatePath); 4] {
        use AssumptionId::*;
        [
            (KoreanCpi, &self.korean_cpi),
            (UsCpi, &self.us_cpi),
            (KrwPerUsd, &self.krw_per_usd),
            (DefenseGrowth, &self.defense_growth),
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

    /// Checks every value against its range: for options given on the command line.
    pub fn validate(&self) -> Result<(), AssumptionError> {
        use AssumptionId::*;
        let scalars = [
            (CustomGrowth, self.custom_growth),
            (BaseYear, self.base_year as f64),
            (Horizon, self.horizon as f64),
        ];
        let values = self
            .rate_paths()
            .into_iter()
            .flat_map(|(id, p)| p.values().map(move |v| (id, v)))
            .chain(scalars);
        for (id, v) in values {
            spec(id).check(v)?;
        }
        if self.base_year > self.horizon {
            return Err(AssumptionError(format!(
                "base year: expected a year no later than the horizon {}, found {}",
                self.horizon, self.base_year
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_paths_parse_flat_and_per_year() {
        assert_eq!(RatePath::parse("2.5"), Ok(RatePath::flat(2.5)));
        let p = RatePath::parse("2.0, 2028=3.5,2030=-1").unwrap();
        assert_eq!(
            (p.at(2027), p.at(2028), p.at(2029), p.at(2030)),
            (2.0, 3.5, 2.0, -1.0)
        );
        assert_eq!(
            RatePath::parse("x").unwrap_err(),
            "expected a number, found \"x\""
        );
        assert_eq!(
            RatePath::parse("2,2028").unwrap_err(),
            "expected YEAR=VALUE, found \"2028\""
        );
        assert_eq!(
            RatePath::parse("2,y=1").unwrap_err(),
            "expected a year, found \"y\""
        );
        assert!(RatePath::parse("NaN").is_err());
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
