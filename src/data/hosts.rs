//! Every host's dataset together: Korea always, Japan where its files are present.
//! Each is one `Dataset`, read by the same loader under the same schema.

use std::collections::HashSet;

use super::diagnostic::LoadError;
use super::load::DataFile;
use super::model::{Dataset, Host};
use super::shares::Shares;

/// The datasets of the hosts the program knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Hosts {
    pub korea: Dataset,
    pub japan: Option<Dataset>,
    /// The published estimates of each host's share of US stationing cost, and Germany.
    pub shares: Shares,
}

impl Hosts {
    /// Korea alone.
    pub fn korea_only(korea: Dataset) -> Self {
        Self {
            korea,
            japan: None,
            shares: Shares::default(),
        }
    }

    /// The same hosts with the estimates of `file`, whose sources must be in one of
    /// the hosts' sources tables.
    pub fn with_shares(self, file: &DataFile) -> Result<Self, LoadError> {
        let shares = Shares::load(file, &self.source_ids())?;
        Ok(Self { shares, ..self })
    }

    /// The ids of every host's sources.
    pub fn source_ids(&self) -> HashSet<&str> {
        self.iter()
            .flat_map(|d| d.sources.iter().map(|s| s.id.as_str()))
            .collect()
    }

    /// The dataset of `host`, where the program has one.
    pub fn get(&self, host: Host) -> Option<&Dataset> {
        match host {
            Host::Korea => Some(&self.korea),
            Host::Japan => self.japan.as_ref(),
        }
    }

    /// The datasets present, Korea first.
    pub fn iter(&self) -> impl Iterator<Item = &Dataset> {
        std::iter::once(&self.korea).chain(self.japan.as_ref())
    }
}
