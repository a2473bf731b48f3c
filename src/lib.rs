//! sma-dash: a terminal dashboard for the US–South Korea Special Measures Agreements.

pub mod app;
pub mod cli;
pub mod config;
pub mod data;
pub mod econ;
pub mod numbers;
pub mod publish;
pub mod render;
pub mod report;
pub mod runtime;
pub mod store;
pub mod ui;
