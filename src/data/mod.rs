//! The domain model, the embedded dataset, loading and validation.
//!
//! No terminal code here: this layer could serve another front end.

pub mod citations;
pub mod date;
pub mod diagnostic;
pub mod file;
pub mod load;
pub mod model;
pub mod printable;
pub mod search;
pub mod timeline;
mod validate;

pub use citations::Citing;
pub use date::{DatePrecision, FuzzyDate};
pub use diagnostic::{Diagnostic, LoadError};
pub use load::{DataFile, embedded_files, load, read_dir};
pub use model::*;
pub use validate::{MAX_AMOUNT, MAX_LAG_YEARS, MAX_SOURCES_PER_RECORD, YEARS};
pub mod summary;
pub mod synthetic;
