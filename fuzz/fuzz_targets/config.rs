//! Any bytes as the user's config file: a configuration or errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sma_dash::config::Config;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let _ = Config::load(&[("fuzz.toml", &text)]);
});
