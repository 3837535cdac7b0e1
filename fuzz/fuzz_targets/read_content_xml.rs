//! Fuzz target: bytes as the `content.xml` of our LibreOffice-made
//! `small.ods`, repackaged uncompressed, so that mutations land in the XML
//! our own .ods scanner reads (`src/workbook/read/odf/`), not in deflate
//! streams that would merely fail their checksum.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
#[path = "repack.rs"]
mod repack;

const SMALL: &[u8] = include_bytes!("../../fixtures/formats/small.ods");

fn entries() -> &'static [(String, Vec<u8>)] {
    static ENTRIES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    ENTRIES.get_or_init(|| repack::entries(SMALL))
}

fuzz_target!(|data: &[u8]| {
    let bytes = repack::package(entries(), |name| (name == "content.xml").then_some(data));
    common::run(&bytes, "fuzz.ods");
});
