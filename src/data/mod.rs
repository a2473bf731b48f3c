//! The domain model, the embedded dataset, loading and validation.
//!
//! No terminal code here: this layer could serve another front end.

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

pub use citations::Citing;
pub use date::{DatePrecision, FuzzyDate};
pub use diagnostic::{Diagnostic, LoadError};
pub use hosts::Hosts;
pub use load::{DataFile, embedded_files, embedded_japan_files, load, read_dir};
pub use model::*;
pub use shares::{
    Country, Formula, GermanyTroops, Inclusion, Money, SHARES_FILE, ShareEstimate, Shares,
    YearBasis, embedded_file as embedded_shares_file,
};
pub use validate::{MAX_AMOUNT, MAX_LAG_YEARS, MAX_SOURCES_PER_RECORD, YEARS};
pub mod summary;
pub mod synthetic;
