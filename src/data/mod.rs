//! The domain model, the embedded dataset, loading and validation.
//!
//! No terminal code here: this layer could serve another front end.

pub(crate) mod axis;
pub(crate) mod citations;
pub(crate) mod date;
pub(crate) mod diagnostic;
pub(crate) mod file;
pub(crate) mod host_names;
pub(crate) mod hosts;
pub(crate) mod load;
pub(crate) mod model;
pub(crate) mod printable;
pub(crate) mod search;
pub(crate) mod shares;
pub(crate) mod timeline;
mod validate;

pub use axis::{FISCAL_PREFIX, YearAxis};
pub(crate) use citations::Citing;
pub(crate) use date::FuzzyDate;
pub(crate) use diagnostic::Diagnostic;
pub use diagnostic::LoadError;
// Both hosts' datasets and the shares: being wired into the commands (issue 25),
// public meanwhile.
pub use hosts::Hosts;
pub use load::{DataFile, embedded_files, embedded_japan_files, load, read_dir};
pub use model::*;
pub use shares::{
    Country, Formula, GermanyTroops, Inclusion, Money, SHARES_FILE, SHORT_LEGEND, ShareEstimate,
    Shares, YearBasis, embedded_file as embedded_shares_file,
};
pub use validate::MAX_SOURCES_PER_RECORD;
pub(crate) use validate::YEARS;
pub mod summary;
pub mod synthetic;
