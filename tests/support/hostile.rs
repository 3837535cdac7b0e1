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

/// The valid base's shared-string table.
fn base_shared_strings() -> String {
    valid_entries()
        .into_iter()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .map(|(_, d)| String::from_utf8(d).unwrap())
        .unwrap()
}

/// A shared-string table declaring four billion strings.
pub fn huge_shared_string_count() -> Vec<u8> {
    let sst = base_shared_strings();
    let start = sst.find("<sst").unwrap();
    let end = start + sst[start..].find('>').unwrap();
    let patched = format!(
        "{}<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4000000000\" uniqueCount=\"4000000000\">{}",
        &sst[..start],
        &sst[end + 1..]
    );
    replace("xl/sharedStrings.xml", Entry::Stored(patched.into_bytes()))
}

/// The base's shared-string table followed by 1.2 million empty strings
/// (`<si/>`, a short comment after every eighth so that the part
/// compresses only about 27 to 1, under the inflate-ratio limit), still
/// declaring the base's count: calamine would hold them all at open. More
/// than max(1 Mi, file bytes).
pub fn many_shared_strings() -> Vec<u8> {
    let sst = base_shared_strings();
    let close = sst.rfind("</sst>").unwrap();
    let mut body = sst[..close].to_string();
    let mut seed = 1u32;
    for i in 0..1_200_000u32 {
        body.push_str("<si/>");
        if i % 8 == 0 {
            // A small linear congruential generator: bytes the deflater
            // cannot predict.
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            body.push_str(&format!("<!--{:02x}-->", seed >> 24));
        }
    }
    body.push_str("</sst>");
    let mut deflater =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    deflater.write_all(body.as_bytes()).unwrap();
    let data = deflater.finish().unwrap();
    replace(
        "xl/sharedStrings.xml",
        Entry::Deflated {
            data,
            size: body.len() as u32,
            crc: crc32fast::hash(body.as_bytes()),
        },
    )
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
        ("many-shared-strings.xlsx", many_shared_strings()),
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

/// A small valid provider workbook made with rust_xlsxwriter, with a hook
/// to change it: `tweak(sheet name, worksheet)` runs after each sheet is
/// written; `names` renames the three sheets.
fn book(
    names: [&str; 3],
    visits_header: &[&str],
    tweak: impl Fn(&str, &mut rust_xlsxwriter::Worksheet),
) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(names[0]).unwrap();
    ws.write_row(0, 0, ["ID pracovníka", "Pozice", "Úvazek"])
        .unwrap();
    ws.write_row(1, 0, ["P1", "PSS", "1"]).unwrap();
    tweak(names[0], ws);
    let ws = wb.add_worksheet().set_name(names[1]).unwrap();
    ws.write_row(0, 0, ["ID klienta", "Obec"]).unwrap();
    ws.write_row(1, 0, ["K1", "Vzorov"]).unwrap();
    tweak(names[1], ws);
    if !names[2].is_empty() {
        let ws = wb.add_worksheet().set_name(names[2]).unwrap();
        ws.write_row(0, 0, visits_header.iter().copied()).unwrap();
        ws.write_row(1, 0, ["1. 3. 2025", "P1", "K1", "b1", "30"])
            .unwrap();
        ws.write_row(2, 0, ["2. 3. 2025", "P1", "K1", "d1", "45"])
            .unwrap();
        tweak(names[2], ws);
    }
    wb.save_to_buffer().unwrap()
}

const NAMES: [&str; 3] = ["Pracovníci", "Klienti", "Výkazy"];
const HEADER: [&str; 5] = ["Datum", "Pracovník", "Klient", "Úkon", "Minuty"];

/// The committed corpus `fixtures/bad/` (written by `examples/bad_corpus.rs`):
/// one malformed workbook per kind of trouble, each small.
pub fn bad_corpus() -> Vec<(&'static str, Vec<u8>)> {
    use rust_xlsxwriter::{Format, Formula};
    let valid = book(NAMES, &HEADER, |_, _| {});
    vec![
        (
            "truncated-archive.xlsx",
            valid[..valid.len() * 3 / 5].to_vec(),
        ),
        ("wrong-content-type.xlsx", {
            // A Word document renamed to .xlsx: a valid zip of the wrong type.
            let types = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
            let doc = br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Vykaz</w:t></w:r></w:p></w:body></w:document>"#;
            zip(&[
                ("[Content_Types].xml", Entry::Stored(types.to_vec())),
                ("word/document.xml", Entry::Stored(doc.to_vec())),
            ])
        }),
        (
            "missing-required-sheet.xlsx",
            book(["Pracovníci", "Klienti", ""], &HEADER, |_, _| {}),
        ),
        ("duplicate-sheet-names.xlsx", {
            // "Klienti" and "Clients" are one sheet once names are folded.
            use rust_xlsxwriter::Workbook;
            let mut wb = Workbook::new();
            for (name, rows) in [
                (
                    "Pracovníci",
                    vec![
                        vec!["ID pracovníka", "Pozice", "Úvazek"],
                        vec!["P1", "PSS", "1"],
                    ],
                ),
                (
                    "Klienti",
                    vec![vec!["ID klienta", "Obec"], vec!["K1", "Vzorov"]],
                ),
                (
                    "Clients",
                    vec![vec!["Client ID", "Municipality"], vec!["K2", "Vzorov"]],
                ),
                ("Výkazy", vec![HEADER.to_vec()]),
            ] {
                let ws = wb.add_worksheet().set_name(name).unwrap();
                for (r, row) in rows.iter().enumerate() {
                    ws.write_row(r as u32, 0, row.iter().copied()).unwrap();
                }
            }
            wb.save_to_buffer().unwrap()
        }),
        (
            "header-missing-column.xlsx",
            book(
                NAMES,
                &["Datum", "Pracovník", "Klient", "Minuty"],
                |_, _| {},
            ),
        ),
        (
            "duplicate-header.xlsx",
            book(
                NAMES,
                &["Datum", "Pracovník", "Klient", "Úkon", "Minuty", "Klient"],
                |_, _| {},
            ),
        ),
        (
            "merged-header-cells.xlsx",
            book(NAMES, &HEADER, |name, ws| {
                if name == "Výkazy" {
                    // "Datum" merged over A1:B1 hides the "Pracovník" header.
                    ws.merge_range(0, 0, 0, 1, "Datum", &Format::new()).unwrap();
                }
            }),
        ),
        (
            "hidden-sheet.xlsx",
            book(NAMES, &HEADER, |name, ws| {
                if name == "Klienti" {
                    ws.set_hidden(true);
                }
            }),
        ),
        ("cell-beyond-limits.xlsx", {
            // A cell in column XFE (16 385), one past Excel's last column.
            let entries = entries(&valid);
            let sheet = entries
                .iter()
                .find(|(n, _)| n == "xl/worksheets/sheet3.xml")
                .unwrap();
            let xml = String::from_utf8(sheet.1.clone()).unwrap();
            let xml = xml.replacen("</row>", "<c r=\"XFE1\"><v>1</v></c></row>", 1);
            replace_in(&entries, "xl/worksheets/sheet3.xml", xml.into_bytes())
        }),
        ("huge-declared-dimension.xlsx", dimension_bomb()),
        ("huge-shared-string-count.xlsx", huge_shared_string_count()),
        ("many-shared-strings.xlsx", many_shared_strings()),
        ("inflated-size-over-limit.xlsx", {
            // A sheet declaring 3 GiB inflated; the data is a few bytes.
            let data = deflate_bomb(SHEET_PREFIX, 1);
            replace(
                "xl/worksheets/sheet3.xml",
                Entry::Deflated {
                    data,
                    size: 3 << 30,
                    crc: 0,
                },
            )
        }),
        ("password-protected.xlsx", {
            // What Excel writes for a password: an OLE container with
            // EncryptionInfo and EncryptedPackage streams (directory only).
            let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            b.resize(512, 0);
            for name in ["EncryptionInfo", "EncryptedPackage"] {
                let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
                entry.resize(128, 0);
                b.extend_from_slice(&entry);
            }
            b
        }),
        ("looping-sector-chain.xls", looping_sector_chain()),
        ("xls-dimension-bomb.xls", xls_dimension_bomb()),
        ("xls-far-cell.xls", xls_far_cell()),
        ("ods-repeated-cells.ods", ods_repeated_cells()),
        ("xls-hidden-dimension.xls", xls_hidden_dimension()),
        (
            "far-dates-many-clients.xlsx",
            book(NAMES, &HEADER, |name, ws| match name {
                // 20 000 clients; two visits dated 1. 1. 1900 and
                // 31. 12. 9999: a period of 97 200 months. The audit's
                // clients × months table would be 1.9 G cells (46 GB).
                "Klienti" => {
                    for i in 0..20_000u32 {
                        ws.write_row(i + 2, 0, [format!("K{}", i + 2), "Vzorov".into()])
                            .unwrap();
                    }
                }
                "Výkazy" => {
                    ws.write_row(1, 0, ["1. 1. 1900", "P1", "K20001", "b1", "30"])
                        .unwrap();
                    ws.write_row(2, 0, ["31. 12. 9999", "P1", "K20001", "b1", "45"])
                        .unwrap();
                }
                _ => {}
            }),
        ),
        (
            "formulas-with-cached-errors.xlsx",
            book(NAMES, &HEADER, |name, ws| {
                if name == "Výkazy" {
                    ws.write_formula(1, 4, Formula::new("=1/0").set_result("#DIV/0!"))
                        .unwrap();
                    ws.write_formula(2, 1, Formula::new("=NA()").set_result("#N/A"))
                        .unwrap();
                }
            }),
        ),
    ]
}

/// Entries with one replaced, as a stored zip.
fn replace_in(entries: &[(String, Vec<u8>)], name: &str, data: Vec<u8>) -> Vec<u8> {
    let list: Vec<(&str, Entry)> = entries
        .iter()
        .map(|(n, d)| {
            let d = if n == name { data.clone() } else { d.clone() };
            (n.as_str(), Entry::Stored(d))
        })
        .collect();
    zip(&list)
}

/// Our own `fixtures/formats/small.xls` with its directory's sector chain
/// pointed back at itself: calamine would grow one buffer without end
/// (found by fuzzing `read_xls`: a 29 KB file asking for 2 GiB).
pub fn looping_sector_chain() -> Vec<u8> {
    let mut b = small_xls();
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    assert_eq!(u16::from_le_bytes([b[30], b[31]]), 9, "512-byte sectors");
    let dir = u32_at(&b, 48) as usize;
    let fat = u32_at(&b, 76) as usize; // the first FAT sector
    let at = (fat + 1) * 512 + dir * 4;
    b[at..at + 4].copy_from_slice(&(dir as u32).to_le_bytes());
    b
}

/// Our own `fixtures/formats/small.xls` with its first sheet's DIMENSIONS
/// record declaring 4 294 967 295 rows × 256 columns: calamine reserves
/// memory for the whole range at open and the process aborts (found by
/// fuzzing `read_xls`).
pub fn xls_dimension_bomb() -> Vec<u8> {
    let mut b = small_xls();
    let at = b
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .expect("a BIFF8 DIMENSIONS record");
    let data = at + 4;
    b[data..data + 4].copy_from_slice(&0u32.to_le_bytes()); // first row
    b[data + 4..data + 8].copy_from_slice(&u32::MAX.to_le_bytes()); // last row + 1
    b[data + 8..data + 10].copy_from_slice(&0u16.to_le_bytes()); // first column
    b[data + 10..data + 12].copy_from_slice(&256u16.to_le_bytes()); // last column + 1
    b
}

/// Our own `fixtures/formats/small.xls` with one text cell moved to row
/// 65 536, column 65 536: calamine makes a dense range of the cells'
/// bounding box, 2³² cells (the process aborts; found by fuzzing).
pub fn xls_far_cell() -> Vec<u8> {
    let mut b = small_xls();
    let at = b
        .windows(4)
        .position(|w| w == [0xFD, 0x00, 0x0A, 0x00])
        .expect("a LABELSST record");
    b[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]); // row, column
    b
}

/// Our own `fixtures/formats/small.ods` with one more timesheet row
/// after the header: a
/// number repeated across 16 384 columns, the row repeated 5 000 times.
/// calamine expands repeats into a dense range: 82 million cells, about
/// 4.6 GB (a value and a formula string each) from a file of 240 KB.
pub fn ods_repeated_cells() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/small.ods");
    let entries = entries(&std::fs::read(path).unwrap());
    let content = &entries.iter().find(|(n, _)| n == "content.xml").unwrap().1;
    let xml = String::from_utf8(content.clone()).unwrap();
    let sheet = xml
        .find("table:name=\"Výkazy\"")
        .expect("the timesheet table");
    // After the header row (LibreOffice ends a table with its empty rows).
    let end = sheet + xml[sheet..].find("</table:table-row>").unwrap() + "</table:table-row>".len();
    let row = "<table:table-row table:number-rows-repeated=\"5000\">\
               <table:table-cell office:value-type=\"float\" office:value=\"1\" \
               table:number-columns-repeated=\"16384\"/></table:table-row>";
    let xml = format!("{}{row}{}", &xml[..end], &xml[end..]);
    replace_in(&entries, "content.xml", xml.into_bytes())
}

/// Our own `fixtures/formats/small.xls` with a DIMENSIONS record
/// declaring (2³² − 1) × 256 cells written inside a FONT record of the
/// globals, and the first sheet's position pointed at it. Walking the
/// stream record by record never meets it (it is a FONT's data), but
/// calamine reads the sheet from its position and reserves the declared
/// range (found by fuzzing: our first pre-scan walked the stream from its
/// start).
pub fn xls_hidden_dimension() -> Vec<u8> {
    let mut b = small_xls();
    let find = |b: &[u8], pat: &[u8]| b.windows(pat.len()).position(|w| w == pat);
    // The Workbook stream starts with a BIFF8 BOF; small.xls keeps the
    // stream in consecutive sectors, so stream offsets are file offsets
    // minus the BOF's.
    let bof = find(&b, &[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]).expect("BOF");
    let font = bof + find(&b[bof..], &[0x31, 0x00]).expect("a FONT record");
    let len = usize::from(u16::from_le_bytes([b[font + 2], b[font + 3]]));
    assert!(len >= 18, "room for a DIMENSIONS record");
    let mut dims = vec![0x00, 0x02, 0x0E, 0x00];
    dims.extend_from_slice(&0u32.to_le_bytes()); // first row
    dims.extend_from_slice(&u32::MAX.to_le_bytes()); // last row + 1
    dims.extend_from_slice(&0u16.to_le_bytes()); // first column
    dims.extend_from_slice(&256u16.to_le_bytes()); // last column + 1
    b[font + 4..font + 4 + dims.len()].copy_from_slice(&dims);
    let sheet = bof + find(&b[bof..], &[0x85, 0x00]).expect("a BOUNDSHEET record");
    let pos = (font + 4 - bof) as u32;
    b[sheet + 4..sheet + 8].copy_from_slice(&pos.to_le_bytes());
    b
}

/// Our own `fixtures/formats/small.xls`, the base of the xls cases.
fn small_xls() -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/small.xls"),
    )
    .unwrap()
}
