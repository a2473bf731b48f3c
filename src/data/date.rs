//! Dates as the sources give them: a day, a month or only a year.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// How much of a date the sources pin down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a day, a month or a year: `"2019-02-10"`, `"2019-02"`, `"2019"`.
///
/// Ordering compares the earliest day each could mean, then the coarser first, so a
/// month sorts before the days inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    first_day: NaiveDate,
    precision: DatePrecision,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FuzzyDate {
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(|first_day| Self {
            first_day,
            precision: DatePrecision::Day,
        })
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first_day| Self {
            first_day,
            precision: DatePrecision::Month,
        })
    }

    pub fn year_only(year: i32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, 1, 1).map(|first_day| Self {
            first_day,
            precision: DatePrecision::Year,
        })
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (years 1000 to 9999).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bad = || {
            DateError(format!(
                "expected a date as \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\", found \"{text}\""
            ))
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, width: usize| -> Option<u32> {
            (s.len() == width && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = parts.first().and_then(|y| number(y, 4)).ok_or_else(bad)? as i32;
        let date = match parts.len() {
            1 => Self::year_only(year),
            2 => Self::month(year, number(parts[1], 2).ok_or_else(bad)?),
            3 => Self::day(
                year,
                number(parts[1], 2).ok_or_else(bad)?,
                number(parts[2], 2).ok_or_else(bad)?,
            ),
            _ => None,
        };
        date.ok_or_else(|| match parts.len() {
            2 | 3 => DateError(format!(
                "expected a real calendar date, found \"{text}\" (no such month or day)"
            )),
            _ => bad(),
        })
    }

    pub fn year(&self) -> i32 {
        use chrono::Datelike;
        self.first_day.year()
    }

    pub fn precision(&self) -> DatePrecision {
        self.precision
    }

    /// The earliest day the date could mean.
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// The latest day the date could mean.
    pub fn last_day(&self) -> NaiveDate {
        use chrono::{Datelike, Months};
        match self.precision {
            DatePrecision::Day => self.first_day,
            DatePrecision::Month => self.first_day + Months::new(1) - chrono::Days::new(1),
            DatePrecision::Year => {
                NaiveDate::from_ymd_opt(self.first_day.year(), 12, 31).unwrap_or(self.first_day)
            }
        }
    }
}

impl Ord for FuzzyDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day
            .cmp(&other.first_day)
            .then(self.precision.cmp(&other.precision))
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Day => write!(f, "{}", self.first_day.format("%Y-%m-%d")),
            DatePrecision::Month => write!(f, "{}", self.first_day.format("%Y-%m")),
            DatePrecision::Year => write!(f, "{}", self.first_day.format("%Y")),
        }
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = FuzzyDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a quoted date string such as \"2019-02-10\", \"2019-02\" or \"2019\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FuzzyDate, E> {
                FuzzyDate::parse(v).map_err(E::custom)
            }
            // TOML hands an unquoted date over as a map: name the fix.
            fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<FuzzyDate, A::Error> {
                Err(de::Error::custom(
                    "expected a quoted date string such as \"2019-02-10\", found an unquoted TOML date (put it in quotes)",
                ))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        let d = FuzzyDate::parse("2019-02-10").unwrap();
        assert_eq!((d.year(), d.precision()), (2019, DatePrecision::Day));
        assert_eq!(d.to_string(), "2019-02-10");
        let m = FuzzyDate::parse("2020-03").unwrap();
        assert_eq!(m.precision(), DatePrecision::Month);
        assert_eq!(m.last_day().to_string(), "2020-03-31");
        let y = FuzzyDate::parse("1998").unwrap();
        assert_eq!(y.to_string(), "1998");
        assert_eq!(y.last_day().to_string(), "1998-12-31");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(
            FuzzyDate::parse("2019-02-30")
                .unwrap_err()
                .0
                .contains("no such")
        );
        for bad in ["", "19", "2019-2-10", "2019/02/10", "2019-02-10-01", "abcd"] {
            assert!(FuzzyDate::parse(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn a_month_sorts_before_its_days() {
        let m = FuzzyDate::parse("2020-03").unwrap();
        let d = FuzzyDate::parse("2020-03-01").unwrap();
        assert!(m < d);
        assert!(FuzzyDate::parse("2019-12-31").unwrap() < m);
    }
}
