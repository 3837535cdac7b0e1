//! Hostile and broken workbooks, made in memory (nothing huge is stored in
//! the repository: the bombs are built from a few megabytes).

#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

use flate2::{Compress, Compression, FlushCompress};

/// One entry of a hand-built zip archive.
pub enum Entry {
    /// Stored (no compression).
    Stored(Vec<u8>),
    /// Raw deflate data with the declared inflated size and CRC.
    Deflated { data: Vec<u8>, size: u32, crc: u32 },
}

/// A zip archive written by hand, so that declared sizes can lie.
pub fn zip(entries: &[(&str, Entry)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, entry) in entries {
        let (method, data, size, crc): (u16, &[u8], u32, u32) = match entry {
            Entry::Stored(d) => (0, d, d.len() as u32, crc32fast::hash(d)),
            Entry::Deflated { data, size, crc } => (8, data, *size, *crc),
        };
        let offset = out.len() as u32;
        let mut local = Vec::new();
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        local.extend_from_slice(&20u16.to_le_bytes()); // version needed
        local.extend_from_slice(&0u16.to_le_bytes()); // flags
        local.extend_from_slice(&method.to_le_bytes());
        local.extend_from_slice(&0u32.to_le_bytes()); // time, date
        local.extend_from_slice(&crc.to_le_bytes());
        local.extend_from_slice(&(data.len() as u32).to_le_bytes());
        local.extend_from_slice(&size.to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&0u16.to_le_bytes());
        local.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&local);
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&local[4..30]);
        central.extend_from_slice(&0u16.to_le_bytes()); // comment length
        central.extend_from_slice(&0u16.to_le_bytes()); // disk
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
        central.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// Raw deflate data that inflates to `prefix` followed by `mib` MiB of
/// spaces, built from one sync-flushed block repeated (a few MB for GBs).
pub fn deflate_bomb(prefix: &[u8], mib: usize) -> Vec<u8> {
    let mut c = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(prefix.len() + 64);
    let mut buf = vec![0u8; 1 << 20];
    c.compress(prefix, &mut buf, FlushCompress::Sync).unwrap();
    out.extend_from_slice(&buf[..c.total_out() as usize]);
    let before = c.total_out();
    let spaces = vec![b' '; 1 << 20];
    c.compress(&spaces, &mut buf, FlushCompress::Sync).unwrap();
    let block = buf[..(c.total_out() - before) as usize].to_vec();
    for _ in 0..mib {
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(&[0x03, 0x00]); // a final, empty fixed block
    out
}

/// The entries of a small valid workbook (three required sheets, the
/// visits sheet last), to be reused with one entry replaced.
pub fn valid_entries() -> Vec<(String, Vec<u8>)> {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Pracovníci").unwrap();
    ws.write_row(0, 0, ["ID pracovníka", "Pozice", "Úvazek"])
        .unwrap();
    ws.write_row(1, 0, ["P1", "PSS", "1"]).unwrap();
    let ws = wb.add_worksheet().set_name("Klienti").unwrap();
    ws.write_row(0, 0, ["ID klienta", "Obec"]).unwrap();
    ws.write_row(1, 0, ["K1", "Vzorov"]).unwrap();
    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    ws.write_row(0, 0, ["Datum", "Pracovník", "Klient", "Úkon", "Minuty"])
        .unwrap();
    ws.write_row(1, 0, ["1. 3. 2025", "P1", "K1", "b1", "30"])
        .unwrap();
    entries(&wb.save_to_buffer().unwrap())
}

/// The entries of a zip archive: name and inflated bytes.
pub fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

/// A valid workbook with one entry replaced.
fn replace(name: &str, entry: Entry) -> Vec<u8> {
    let mut entry = Some(entry);
    let entries: Vec<(String, Entry)> = valid_entries()
        .into_iter()
        .map(|(n, d)| {
            if n == name {
                (n, entry.take().unwrap())
            } else {
                (n, Entry::Stored(d))
            }
        })
        .collect();
    let refs: Vec<(&str, Entry)> = entries
        .into_iter()
        .map(|(n, e)| (Box::leak(n.into_boxed_str()) as &str, e))
        .collect();
    zip(&refs)
}

const SHEET_PREFIX: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;

/// The visits sheet (sheet3) inflating to 3 GiB, declared honestly.
pub fn zip_bomb() -> Vec<u8> {
    let mib = 3 * 1024;
    let data = deflate_bomb(SHEET_PREFIX, mib);
    let size = (SHEET_PREFIX.len() + mib * (1 << 20)) as u32;
    replace(
        "xl/worksheets/sheet3.xml",
        Entry::Deflated { data, size, crc: 0 },
    )
}

/// The same bomb declaring only 64 KiB (the archive reader must stop there).
pub fn lying_zip_bomb() -> Vec<u8> {
    let data = deflate_bomb(SHEET_PREFIX, 3 * 1024);
    replace(
        "xl/worksheets/sheet3.xml",
        Entry::Deflated {
            data,
            size: 64 << 10,
            crc: 0,
        },
    )
}

/// A shared-string table declaring four billion strings.
pub fn huge_shared_string_count() -> Vec<u8> {
    let entries = valid_entries();
    let sst = entries
        .iter()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .map(|(_, d)| String::from_utf8(d.clone()).unwrap())
        .unwrap();
    let start = sst.find("<sst").unwrap();
    let end = start + sst[start..].find('>').unwrap();
    let patched = format!(
        "{}<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4000000000\" uniqueCount=\"4000000000\">{}",
        &sst[..start],
        &sst[end + 1..]
    );
    replace("xl/sharedStrings.xml", Entry::Stored(patched.into_bytes()))
}

/// calamine #693: a valid workbook whose visits sheet has a cell at
/// XFD1048576 (dimension A1:XFD1048576): a dense load would need ~550 GB.
pub fn dimension_bomb() -> Vec<u8> {
    let sheet = format!(
        "{}<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Datum</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Pracovník</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Klient</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>Úkon</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>Minuty</t></is></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>",
        String::from_utf8_lossy(SHEET_PREFIX).replace(
            "<sheetData>",
            "<dimension ref=\"A1:XFD1048576\"/><sheetData>"
        )
    );
    replace(
        "xl/worksheets/sheet3.xml",
        Entry::Stored(sheet.into_bytes()),
    )
}

/// The first half of a real workbook.
pub fn truncated(valid: &[u8]) -> Vec<u8> {
    valid[..valid.len() / 2].to_vec()
}

/// A PDF (as if renamed to .xlsx).
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// Every hostile file with its name, for the corpus tests.
pub fn all(valid: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("dimension-bomb.xlsx", dimension_bomb()),
        ("huge-shared-string-count.xlsx", huge_shared_string_count()),
        ("zip-bomb.xlsx", zip_bomb()),
        ("lying-zip-bomb.xlsx", lying_zip_bomb()),
        ("truncated.xlsx", truncated(valid)),
        ("renamed-pdf.xlsx", pdf()),
        ("empty.xlsx", Vec::new()),
    ]
}

#[allow(unused)]
pub fn write_all(dir: &std::path::Path, valid: &[u8]) -> Vec<std::path::PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    all(valid)
        .into_iter()
        .map(|(name, bytes)| {
            let p = dir.join(name);
            std::fs::File::create(&p)
                .unwrap()
                .write_all(&bytes)
                .unwrap();
            p
        })
        .collect()
}
