//! Shared by the targets that fuzz one XML part of a fixture: the
//! fixture's entries inflated once, and the fixture repackaged
//! uncompressed with one part's bytes replaced, so that mutations land in
//! the XML rather than in deflate streams that would fail their checksum.

use std::io::{Cursor, Read, Write};

/// The entries of a zip archive, inflated: (name, bytes).
pub fn entries(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(archive)).expect("a fixture archive");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("inflate");
            let name = f.name().expect("name").into_owned();
            (name, bytes)
        })
        .collect()
}

/// The entries stored uncompressed, each replaced by `body(name)` when it
/// gives one.
pub fn package<'a>(
    entries: &'a [(String, Vec<u8>)],
    body: impl Fn(&str) -> Option<&'a [u8]>,
) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        out.start_file(name.as_str(), stored).expect("start");
        out.write_all(body(name).unwrap_or(bytes)).expect("write");
    }
    out.finish().expect("finish").into_inner()
}
