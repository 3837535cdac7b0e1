//! Fuzz target: bytes as the `content.xml` of our LibreOffice-made
//! `small.ods`, repackaged uncompressed, so that mutations land in the XML
//! our own .ods scanner reads (`src/workbook/read/odf/`), not in deflate
//! streams that would merely fail their checksum.
#![no_main]

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const SMALL: &[u8] = include_bytes!("../../fixtures/formats/small.ods");

/// The entries of `small.ods`, inflated once.
fn entries() -> &'static Vec<(String, Vec<u8>)> {
    static ENTRIES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut zip = zip::ZipArchive::new(Cursor::new(SMALL)).expect("small.ods");
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

fn package(content: &[u8]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries() {
        let body: &[u8] = if name == "content.xml" { content } else { bytes };
        out.start_file(name.as_str(), stored).expect("start");
        out.write_all(body).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fuzz_target!(|data: &[u8]| common::run(&package(data), "fuzz.ods"));
