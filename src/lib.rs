//! sma-dash: a terminal dashboard for the US–South Korea Special Measures Agreements.
//!
//! The layers, top to bottom, each using only those below it (DESIGN §1): `cli`;
//! `runtime`, `render` (and the terminal's helpers `term`, `capped`, `clock`,
//! `lost_paste`); `config`, `store`; `ui`; `app`; `publish`; `report`; `econ`; `data`,
//! `numbers`. Each module's doc says what it holds and what it may not touch. Only what
//! `main.rs`, the tests and the benchmarks use is public.

pub mod app;
pub(crate) mod capped;
pub mod cli;
pub(crate) mod clock;
pub mod config;
pub mod data;
pub mod econ;
pub(crate) mod lost_paste;
pub mod numbers;
pub mod publish;
pub mod render;
pub mod report;
pub mod runtime;
pub(crate) mod store;
pub(crate) mod term;
pub mod ui;
