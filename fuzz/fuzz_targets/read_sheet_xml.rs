//! Fuzz target: bytes as the timesheet sheet's XML (and, after a 0xFF 0xFF
//! separator, the shared strings' XML) of our LibreOffice-made `small.xlsx`,
//! repackaged uncompressed. Mutations so land in the XML our own scanner
//! reads, not in deflate streams that would merely fail their checksum.
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const SMALL: &[u8] = include_bytes!("../../fixtures/formats/small.xlsx");
const SHEET: &str = "xl/worksheets/sheet5.xml";
const STRINGS: &str = "xl/sharedStrings.xml";

/// The entries of `small.xlsx`, inflated once.
fn entries() -> &'static Vec<(String, Vec<u8>)> {
    static ENTRIES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut zip = zip::ZipArchive::new(Cursor::new(SMALL)).expect("small.xlsx");
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).expect("entry");
                let mut bytes = Vec::new();
                f.read_to_end(&mut bytes).expect("inflate");
                let name = f.name().expect("name").into_owned();
                (name, bytes)
            })
            .collect()
    })
}

fn package(sheet: &[u8], strings: Option<&[u8]>) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries() {
        let body: &[u8] = match name.as_str() {
            SHEET => sheet,
            STRINGS => strings.unwrap_or(bytes),
            _ => bytes,
        };
        out.start_file(name.as_str(), stored).expect("start");
        out.write_all(body).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let (sheet, strings) = match data.windows(2).position(|w| w == [0xFF, 0xFF]) {
        Some(i) => (&data[..i], Some(&data[i + 2..])),
        None => (data, None),
    };
    common::run(&package(sheet, strings), "fuzz.xlsx");
});
