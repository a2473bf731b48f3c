//! The integration tests, one module a file, linked into one binary: on a machine of
//! two cores, thirteen test binaries each linking the whole program took longer than
//! the tests. Each module says what it covers.

// Test helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

mod any_input;
mod bytes;
mod chart;
mod cli;
mod compare;
mod corrections;
mod data_errors;
mod dataset_facts;
mod e2e;
mod econ;
mod econ_props;
mod host_projections;
mod hostile_data;
mod japan_data;
mod render;
mod scale;
