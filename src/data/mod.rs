//! The domain model, the embedded dataset, loading and validation.
//!
//! No terminal code here: this layer could serve another front end.

pub mod date;
pub mod model;

pub use date::{DatePrecision, FuzzyDate};
pub use model::*;
