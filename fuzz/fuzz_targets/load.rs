//! Any bytes as any one of the dataset's files, the others valid: the loader returns
//! a dataset or errors, and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sma_dash::data::{embedded_files, load};

fuzz_target!(|input: (u8, &[u8])| {
    let (which, bytes) = input;
    let mut files = embedded_files();
    let i = usize::from(which) % files.len();
    files[i].text = String::from_utf8_lossy(bytes).into_owned();
    let _ = load(&files);
});
