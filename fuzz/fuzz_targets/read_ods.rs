//! Fuzz target: bytes as a .ods provider workbook (the reader sniffs the
//! format from the bytes; the name only names it in messages).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::run(data, "fuzz.ods"));
