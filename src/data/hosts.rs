//! Every host's dataset together: Korea always, Japan where its files are present.
//! Each is one `Dataset`, read by the same loader under the same schema.

use super::model::{Dataset, Host};

/// The datasets of the hosts the program knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Hosts {
    pub korea: Dataset,
    pub japan: Option<Dataset>,
}

impl Hosts {
    /// Korea alone.
    pub fn korea_only(korea: Dataset) -> Self {
        Self { korea, japan: None }
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
