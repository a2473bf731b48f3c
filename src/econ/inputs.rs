//! Each year's economic inputs: recorded where the dataset has them, assumed after.

use crate::data::{Dataset, ExchangeRate};

use super::assumptions::{AssumptionId, Assumptions, RatePath};

/// The dataset's record, continued into the future by the assumptions.
#[derive(Debug, Clone, Copy)]
pub struct Economy<'a> {
    pub data: &'a Dataset,
    pub assumptions: &'a Assumptions,
}

/// Whether a value comes from the record or from an assumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Recorded,
    Assumed,
}

impl Origin {
    /// "recorded" or "assumed", as labels and files say it.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Recorded => "recorded",
            Origin::Assumed => "assumed",
        }
    }
}

impl<'a> Economy<'a> {
    pub fn new(data: &'a Dataset, assumptions: &'a Assumptions) -> Self {
        Self { data, assumptions }
    }

    /// The recorded value for `year`, else the assumed one for years past the record
    /// (`last_recorded`); `None` before the record begins.
    fn recorded_or_assumed(
        year: i32,
        recorded: Option<f64>,
        last_recorded: Option<i32>,
        assumed: &RatePath,
    ) -> Option<(f64, Origin)> {
        match recorded {
            Some(v) => Some((v, Origin::Recorded)),
            None => last_recorded
                .is_some_and(|last| year > last)
                .then(|| (assumed.at(year), Origin::Assumed)),
        }
    }

    /// The host's CPI inflation in percent as the agreements apply it (the published
    /// one-decimal rate); `None` before the record begins.
    pub fn host_cpi_pct(&self, year: i32) -> Option<(f64, Origin)> {
        let host = self.data.info.host;
        Self::recorded_or_assumed(
            year,
            self.data.host_cpi(year).and_then(|c| c.escalation_pct()),
            AssumptionId::KoreanCpi
                .for_host(host)
                .last_recorded(self.data),
            self.assumptions.host_cpi(host),
        )
    }

    /// ROK defense-budget growth in percent.
    pub fn defense_growth_pct(&self, year: i32) -> Option<(f64, Origin)> {
        Self::recorded_or_assumed(
            year,
            self.data.defense_budget(year).and_then(|b| b.growth_pct),
            AssumptionId::DefenseGrowth.last_recorded(self.data),
            &self.assumptions.defense_growth,
        )
    }

    /// The host's currency per dollar, averaged over the host's year: Japan's fiscal
    /// year where the record gives that average, else the calendar year's.
    pub fn per_usd(&self, year: i32) -> Option<(f64, Origin)> {
        let host = self.data.info.host;
        Self::recorded_or_assumed(
            year,
            self.data
                .exchange_rate(year)
                .map(ExchangeRate::per_usd_of_host_year),
            AssumptionId::KrwPerUsd
                .for_host(host)
                .last_recorded(self.data),
            self.assumptions.per_usd(host),
        )
    }
}

/// A price index by year, recorded then extended at the assumed rate.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceIndex {
    first_year: i32,
    values: Vec<f64>,
}

impl PriceIndex {
    /// An index with no years, for a currency a computation does not deflate.
    pub(crate) fn empty() -> Self {
        Self {
            first_year: 0,
            values: Vec::new(),
        }
    }

    /// Builds an index from `(year, level)` records (ascending, contiguous) extended
    /// to `through` by `rate_pct(year)`.
    fn extend(records: Vec<(i32, f64)>, through: i32, rate_pct: impl Fn(i32) -> f64) -> Self {
        let first_year = records.first().map_or(through, |r| r.0);
        let mut values: Vec<f64> = records.iter().map(|r| r.1).collect();
        let mut year = first_year + values.len() as i32;
        while year <= through {
            let prior = values.last().copied().unwrap_or(100.0);
            values.push(prior * (1.0 + rate_pct(year) / 100.0));
            year += 1;
        }
        Self { first_year, values }
    }

    /// The host's CPI (2020 = 100), recorded then assumed, through `through`.
    pub fn host(e: &Economy, through: i32) -> Self {
        let records = e.data.host_cpi.iter().map(|c| (c.year, c.index)).collect();
        let path = e.assumptions.host_cpi(e.data.info.host);
        Self::extend(records, through, |y| path.at(y))
    }

    /// US CPI-U (1982–84 = 100), recorded then assumed, through `through`.
    pub fn us(e: &Economy, through: i32) -> Self {
        let records = e.data.us_cpi.iter().map(|c| (c.year, c.index)).collect();
        Self::extend(records, through, |y| e.assumptions.us_cpi.at(y))
    }

    pub fn at(&self, year: i32) -> Option<f64> {
        let i = usize::try_from(year - self.first_year).ok()?;
        self.values.get(i).copied()
    }

    /// `nominal` of `year` in money of `base_year`.
    pub fn to_real(&self, nominal: f64, year: i32, base_year: i32) -> Option<f64> {
        Some(nominal * self.at(base_year)? / self.at(year)?)
    }

    /// `real` in money of `base_year` back to money of `year`.
    pub fn to_nominal(&self, real: f64, year: i32, base_year: i32) -> Option<f64> {
        Some(real * self.at(year)? / self.at(base_year)?)
    }
}

/// 100 million of the host's currency (억원, 億円) per million dollars at `per_usd`.
pub fn usd_m_to_local_100m(usd_m: f64, per_usd: f64) -> f64 {
    usd_m * per_usd / 100.0
}

/// Millions of dollars per 100 million of the host's currency at `per_usd`.
pub fn local_100m_to_usd_m(local_100m: f64, per_usd: f64) -> f64 {
    local_100m * 100.0 / per_usd
}
