//! Fuzz target: see `checks::library_loader`.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::library_loader(data));
