//! What a real figure was deflated with, in words and with its sources: the price
//! index, and whether its base year's level is recorded or assumed (at what rate).

use crate::data::{Dataset, Host};

use super::{Assumptions, Currency};

/// The index that puts a currency's figures in money of the base year: the host's CPI
/// for its currency (the Korean CPI for won, the Japanese for yen), US CPI-U for
/// dollars.
#[derive(Debug, Clone, PartialEq)]
pub struct Deflator {
    pub currency: Currency,
    /// Whose CPI deflates the host's currency.
    pub host: Host,
    pub base_year: i32,
    /// Past the record: the last recorded year and the rates assumed after it, to the
    /// base year.
    pub assumed: Option<(i32, Vec<f64>)>,
    /// The sources of the record that sets the base level: the base year's, or the
    /// last recorded year's when the base year is assumed.
    pub sources: Vec<String>,
}

impl Deflator {
    /// `None` when the index has no record at all.
    pub fn of(d: &Dataset, a: &Assumptions, currency: Currency) -> Option<Self> {
        let (records, path): (Vec<(i32, &Vec<String>)>, _) = match currency {
            Currency::Local => (
                d.host_cpi.iter().map(|c| (c.year, &c.sources)).collect(),
                a.host_cpi(d.info.host),
            ),
            Currency::Usd => (
                d.us_cpi.iter().map(|c| (c.year, &c.sources)).collect(),
                &a.us_cpi,
            ),
        };
        let base_year = a.base_year;
        let &(last, last_sources) = records.last()?;
        let (assumed, sources) = match records.iter().find(|(y, _)| *y == base_year) {
            Some((_, sources)) => (None, *sources),
            None if base_year > last => (
                Some((last, (last + 1..=base_year).map(|y| path.at(y)).collect())),
                last_sources,
            ),
            None => return None,
        };
        Some(Self {
            currency,
            host: d.info.host,
            base_year,
            assumed,
            sources: sources.clone(),
        })
    }

    pub fn index_name(&self) -> &'static str {
        match (self.currency, self.host) {
            (Currency::Local, Host::Korea) => "Korean CPI",
            (Currency::Local, Host::Japan) => "Japanese CPI",
            (Currency::Usd, _) => "US CPI-U",
        }
    }

    /// "Korean CPI of 2025 recorded", or "Korean CPI of 2030 assumed: 2025 recorded,
    /// then 2.1 % a year".
    pub fn describe(&self) -> String {
        let (name, year) = (self.index_name(), self.base_year);
        match &self.assumed {
            None => format!("{name} of {year} recorded"),
            Some((last, _)) => format!(
                "{name} of {year} assumed: {last} recorded, then {} % a year",
                self.rates().unwrap_or_default()
            ),
        }
    }

    /// For a line that already names the base year: "Korean CPI recorded", "Korean CPI
    /// assumed at 2.1 %/yr".
    pub fn short(&self) -> String {
        match self.rates() {
            None => format!("{} recorded", self.index_name()),
            Some(rate) => format!("{} assumed at {rate} %/yr", self.index_name()),
        }
    }

    /// The assumed rates past the record: "2.1", or "2.5–3.5" when they vary.
    fn rates(&self) -> Option<String> {
        let (_, rates) = self.assumed.as_ref()?;
        let low = rates.iter().copied().fold(f64::INFINITY, f64::min);
        let high = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some(if (high - low).abs() < 1e-9 {
            pct(low)
        } else {
            format!("{}–{}", pct(low), pct(high))
        })
    }

    /// [`Self::describe`] with the sources of the base level, for files and citations.
    pub fn cited(&self) -> String {
        if self.sources.is_empty() {
            return self.describe();
        }
        format!("{} ({})", self.describe(), self.sources.join(", "))
    }
}

/// A rate as the assumptions print it: no trailing zeros ("2.1", "2.63", "3").
fn pct(rate: f64) -> String {
    let text = format!("{rate:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        Dataset::embedded().unwrap()
    }

    #[test]
    fn a_base_year_in_the_record_is_named_recorded_with_its_sources() {
        let d = dataset();
        let mut a = Assumptions::from_history(&d);
        a.base_year = 2024;
        let krw = Deflator::of(&d, &a, Currency::Local).unwrap();
        assert_eq!(krw.describe(), "Korean CPI of 2024 recorded");
        assert_eq!(krw.short(), "Korean CPI recorded");
        assert_eq!(
            krw.sources,
            d.host_cpi.iter().find(|c| c.year == 2024).unwrap().sources
        );
        let usd = Deflator::of(&d, &a, Currency::Usd).unwrap();
        assert_eq!(usd.describe(), "US CPI-U of 2024 recorded");
        assert!(usd.cited().contains("BLS-CPIU"), "{}", usd.cited());
    }

    #[test]
    fn a_base_year_past_the_record_is_named_assumed_with_its_rate() {
        let d = dataset();
        let last = d.host_cpi.last().unwrap().year;
        let mut a = Assumptions::from_history(&d);
        a.base_year = last + 3;
        a.korean_cpi = crate::econ::RatePath::parse("2.1").unwrap();
        let krw = Deflator::of(&d, &a, Currency::Local).unwrap();
        assert_eq!(
            krw.describe(),
            format!(
                "Korean CPI of {} assumed: {last} recorded, then 2.1 % a year",
                last + 3
            )
        );
        a.korean_cpi = crate::econ::RatePath::parse(&format!("2.5,{}=3.5", last + 2)).unwrap();
        let krw = Deflator::of(&d, &a, Currency::Local).unwrap();
        assert!(
            krw.describe().ends_with("then 2.5–3.5 % a year"),
            "{}",
            krw.describe()
        );
        assert_eq!(krw.sources, d.host_cpi.last().unwrap().sources);
    }
}
