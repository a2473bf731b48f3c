//! Which records cite which sources: every figure and event of the dataset with the
//! source ids it gives, named as `export sources` lists them (`event:sma-10-round-1`).

use std::fmt;

use super::date::FuzzyDate;
use super::host_names;
use super::model::{Dataset, Host};

/// A record that cites sources, by the key that finds it in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citing<'d> {
    Agreement(&'d str),
    Contribution(i32),
    Event(&'d str),
    TroopCount(i32),
    /// A troop level, by the date it starts from.
    TroopLevel(FuzzyDate),
    /// The host's CPI (Korea's, Japan's) of a year.
    HostCpi(Host, i32),
    UsCpi(i32),
    /// The host's currency per dollar of a year.
    ExchangeRate(Host, i32),
    DefenseBudget(i32),
    Gdp(i32),
}

impl fmt::Display for Citing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Citing::Agreement(id) => write!(f, "agreement:{id}"),
            Citing::Contribution(year) => write!(f, "contribution:{year}"),
            Citing::Event(id) => write!(f, "event:{id}"),
            Citing::TroopCount(year) => write!(f, "troops:{year}"),
            Citing::TroopLevel(from) => write!(f, "troop-level:{from}"),
            Citing::HostCpi(host, year) => {
                write!(
                    f,
                    "{}:{year}",
                    host_names::cpi_table(*host).replace('_', "-")
                )
            }
            Citing::UsCpi(year) => write!(f, "us-cpi:{year}"),
            Citing::ExchangeRate(host, year) => {
                write!(
                    f,
                    "{}:{year}",
                    host_names::rate_table(*host).replace('_', "-")
                )
            }
            Citing::DefenseBudget(year) => write!(f, "defense-budget:{year}"),
            Citing::Gdp(year) => write!(f, "gdp:{year}"),
        }
    }
}

impl Dataset {
    /// Every record that cites sources, with the ids it cites: agreements, contributions,
    /// events, troop counts and levels, then the economic series, each in file order.
    pub fn citations(&self) -> Vec<(Citing<'_>, &[String])> {
        let mut all: Vec<(Citing, &[String])> = Vec::new();
        all.extend(
            self.agreements
                .iter()
                .map(|a| (Citing::Agreement(&a.id), a.sources.as_slice())),
        );
        // A reported figure is cited by the year it is reported for.
        all.extend(self.contributions.iter().flat_map(|c| {
            std::iter::once((Citing::Contribution(c.year), c.sources.as_slice())).chain(
                c.reported
                    .iter()
                    .map(move |r| (Citing::Contribution(c.year), r.sources.as_slice())),
            )
        }));
        all.extend(
            self.events
                .iter()
                .map(|e| (Citing::Event(&e.id), e.sources.as_slice())),
        );
        all.extend(
            self.troop_counts
                .iter()
                .map(|t| (Citing::TroopCount(t.year), t.sources.as_slice())),
        );
        all.extend(
            self.troop_levels
                .iter()
                .map(|l| (Citing::TroopLevel(l.from), l.sources.as_slice())),
        );
        all.extend(self.host_cpi.iter().map(|c| {
            (
                Citing::HostCpi(self.info.host, c.year),
                c.sources.as_slice(),
            )
        }));
        all.extend(
            self.us_cpi
                .iter()
                .map(|c| (Citing::UsCpi(c.year), c.sources.as_slice())),
        );
        all.extend(self.exchange_rates.iter().map(|r| {
            (
                Citing::ExchangeRate(self.info.host, r.year),
                r.sources.as_slice(),
            )
        }));
        all.extend(
            self.defense_budgets
                .iter()
                .map(|b| (Citing::DefenseBudget(b.year), b.sources.as_slice())),
        );
        all.extend(
            self.gdp
                .iter()
                .map(|g| (Citing::Gdp(g.year), g.sources.as_slice())),
        );
        all
    }

    /// The records that cite source `id`, in the order of [`Dataset::citations`].
    pub fn cited_by(&self, id: &str) -> Vec<Citing<'_>> {
        self.citations()
            .into_iter()
            .filter(|(_, ids)| ids.iter().any(|s| s == id))
            .map(|(record, _)| record)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_12th_sma_s_rule_source_is_cited_by_its_agreement_and_events() {
        let d = Dataset::embedded().expect("valid");
        let by: Vec<String> = d.cited_by("R74").iter().map(ToString::to_string).collect();
        assert!(by.contains(&"agreement:sma-12".to_string()), "{by:?}");
        // Every record's sources are found under each of its ids.
        for (record, ids) in d.citations() {
            for id in ids {
                assert!(d.cited_by(id).contains(&record), "{record} {id}");
            }
        }
    }
}
