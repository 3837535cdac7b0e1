//! Fuzz target: bytes as the timesheet sheet's XML (and, after a 0xFF 0xFF
//! separator, the shared strings' XML) of our LibreOffice-made `small.xlsx`,
//! repackaged uncompressed. Mutations so land in the XML our own scanner
//! reads, not in deflate streams that would merely fail their checksum.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
#[path = "repack.rs"]
mod repack;

const SMALL: &[u8] = include_bytes!("../../fixtures/formats/small.xlsx");
const SHEET: &str = "xl/worksheets/sheet5.xml";
const STRINGS: &str = "xl/sharedStrings.xml";

fn entries() -> &'static [(String, Vec<u8>)] {
    static ENTRIES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    ENTRIES.get_or_init(|| repack::entries(SMALL))
}

fn package(sheet: &[u8], strings: Option<&[u8]>) -> Vec<u8> {
    repack::package(entries(), |name| match name {
        SHEET => Some(sheet),
        STRINGS => strings,
        _ => None,
    })
}

fuzz_target!(|data: &[u8]| {
    let (sheet, strings) = match data.windows(2).position(|w| w == [0xFF, 0xFF]) {
        Some(i) => (&data[..i], Some(&data[i + 2..])),
        None => (data, None),
    };
    common::run(&package(sheet, strings), "fuzz.xlsx");
});
