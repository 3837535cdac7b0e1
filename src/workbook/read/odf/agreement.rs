//! Our .ods scanner against calamine on every .ods we have: calamine's own
//! test corpus (covered cells, annotations, rich text, repeated rows,
//! hidden and empty sheets, a password-protected file, a repeat bomb) and
//! our fixtures (LibreOffice-made, hostile), plus tables written here for
//! the rules a corpus file does not show. Each sheet must give the same
//! cells at the same places with the same values, the same sheet list and
//! the same hidden sheets; or calamine must refuse the file.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Ods, Reader};

use super::{OdsBook, for_each_cell};
use crate::workbook::read::cell::{Cell, show};

/// More cells than any test file has; the bomb stops at it.
const MAX_CELLS: u64 = 2_000_000;

type Cells = Vec<(u32, u32, String)>;

/// calamine's sheets: names, hidden names, and each sheet's non-empty
/// cells at their places (as our reader turns its values into cells).
type Book = (Vec<String>, Vec<String>, Vec<Cells>);

fn calamine_book(bytes: &[u8]) -> Result<Book, String> {
    let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let names = book.sheet_names();
    let hidden = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut sheets = Vec::new();
    for name in &names {
        let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
        let mut cells = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (i, row) in range.rows().enumerate() {
                for (j, v) in row.iter().enumerate() {
                    let c = Cell::from_data(v);
                    if !c.is_empty() {
                        cells.push((r0 + i as u32, c0 + j as u32, show(&c)));
                    }
                }
            }
        }
        sheets.push(cells);
    }
    Ok((names, hidden, sheets))
}

fn our_book(bytes: &[u8]) -> Result<Book, String> {
    let book = OdsBook::open(bytes).map_err(|e| e.to_string())?;
    let names = book.tables.iter().map(|t| t.name.clone()).collect();
    let hidden = book
        .tables
        .iter()
        .filter(|t| t.hidden)
        .map(|t| t.name.clone())
        .collect();
    let mut sheets = Vec::new();
    for t in &book.tables {
        let mut cells = Vec::new();
        for_each_cell(bytes, t, 0, MAX_CELLS, |r, c, v| {
            cells.push((r, c, show(&v)));
            Ok(true)
        })
        .map_err(|e| e.to_string())?;
        sheets.push(cells);
    }
    Ok((names, hidden, sheets))
}

fn ods_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/data/calamine", "fixtures/formats", "fixtures/bad"] {
        for e in std::fs::read_dir(root.join(dir)).expect("a test folder") {
            let p = e.expect("an entry").path();
            if p.extension().is_some_and(|x| x == "ods") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Where calamine reads a file, we read the same; where it refuses one, we
/// may read it or refuse it (never panic). A file the pre-scan refuses
/// (calamine would expand it to tens of millions of cells) is not given to
/// calamine: ours must refuse it with a limit.
#[test]
fn every_ods_reads_as_calamine_reads_it() {
    let files = ods_files();
    assert!(files.len() >= 17, "{} .ods files", files.len());
    let mut compared = 0;
    for f in &files {
        let bytes = std::fs::read(f).expect("readable");
        if crate::workbook::read::ods_guard::check(&bytes).is_err() {
            let e = OdsBook::open(&bytes).and_then(|b| {
                b.tables
                    .iter()
                    .try_for_each(|t| for_each_cell(&bytes, t, 0, MAX_CELLS, |_, _, _| Ok(true)))
            });
            assert!(e.is_err_and(|e| e.is_limit()), "{}", f.display());
            continue;
        }
        let theirs = calamine_book(&bytes);
        let ours = our_book(&bytes);
        match (theirs, ours) {
            (Ok(t), Ok(o)) => {
                assert_eq!(o.0, t.0, "{}: sheet names", f.display());
                assert_eq!(o.1, t.1, "{}: hidden sheets", f.display());
                for (i, name) in t.0.iter().enumerate() {
                    assert_eq!(o.2[i], t.2[i], "{}: sheet {name}", f.display());
                }
                compared += 1;
            }
            (Ok(_), Err(e)) => panic!("{}: calamine reads it, we refused: {e}", f.display()),
            (Err(_), _) => {}
        }
    }
    // Every honest file of the corpus and our two LibreOffice fixtures.
    assert!(compared >= 12, "compared {compared}");
}

/// A content.xml of one table, in a minimal archive.
fn ods(table: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    {
        let mut z = zip::ZipWriter::new(Cursor::new(&mut out));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("mimetype", stored).expect("zip");
        z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .expect("zip");
        // calamine looks for the manifest (to refuse encrypted files).
        z.start_file("META-INF/manifest.xml", stored).expect("zip");
        z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
            .expect("zip");
        z.start_file("content.xml", stored).expect("zip");
        write!(
            z,
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"><office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"#
        )
        .expect("zip");
        z.finish().expect("zip");
    }
    out
}

/// The rules, one table each, against calamine and against the values
/// worked out by hand.
#[test]
fn rules_agree_with_calamine_and_by_hand() {
    type Case<'a> = (&'a str, &'a [(u32, u32, &'a str)]);
    let cases: &[Case] = &[
        // An empty run before a value takes its columns; a repeated value
        // takes as many; an empty run at the end takes none.
        (
            r#"<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="2.5" table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="9000"/></table:table-row>"#,
            &[(0, 2, "f:2.5"), (0, 3, "f:2.5")],
        ),
        // Repeated rows: empty ones move the next row down; a repeated row
        // with a value is that many rows.
        (
            r#"<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row>"#,
            &[(3, 0, "b:true"), (4, 0, "b:true")],
        ),
        // Text: paragraphs joined by a line break, spaces, tabs, a span and
        // a link kept, an annotation left out, entities decoded.
        (
            r#"<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>note</text:p></office:annotation><text:p>a<text:s text:c="2"/>b<text:tab/>&amp;</text:p><text:p><text:span>c</text:span><text:a>d</text:a><text:line-break/>e</text:p></table:table-cell></table:table-row>"#,
            &[(0, 0, "t:a  b\t&\ncd\ne")],
        ),
        // The first value attribute wins; dates and times stay ISO text;
        // LibreOffice's error cell gives its text; a covered cell reads
        // like any other.
        (
            r#"<table:table-row><table:table-cell office:date-value="2025-01-02" office:value="7"/><table:table-cell office:time-value="PT07H30M00S"/><table:table-cell office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell><table:covered-table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
            &[
                (0, 0, "iso:2025-01-02"),
                (0, 1, "isod:PT07H30M00S"),
                (0, 2, "t:#DIV/0!"),
                (0, 3, "f:1.0"),
            ],
        ),
        // A formula without a value, and a blank string, take their
        // columns but give no cell.
        (
            r#"<table:table-row><table:table-cell table:formula="of:=1"/><table:table-cell office:value-type="string" office:string-value=" "/><table:table-cell office:value-type="float" office:value="3"/></table:table-row>"#,
            &[(0, 2, "f:3.0")],
        ),
    ];
    for (rows, want) in cases {
        let bytes = ods(&format!(
            r#"<table:table table:name="S" table:style-name="ta1"><table:table-column/>{rows}</table:table>"#
        ));
        let want: Cells = want
            .iter()
            .map(|(r, c, v)| (*r, *c, v.to_string()))
            .collect();
        let theirs = calamine_book(&bytes).expect("calamine reads it");
        let ours = our_book(&bytes).expect("we read it");
        assert_eq!(theirs.2[0], want, "calamine on {rows}");
        assert_eq!(ours.2[0], want, "ours on {rows}");
        assert_eq!(ours.1, vec!["S".to_string()], "hidden by its style");
        assert_eq!(theirs.1, ours.1);
    }
}

/// A repeated run that would pass the cell bound is refused before it is
/// expanded: 1 000 000 rows × 16 384 columns of one value asks for 16.4
/// billion cells.
#[test]
fn repeat_bomb_is_refused_before_expanding() {
    let bytes = ods(
        r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row></table:table>"#,
    );
    let book = OdsBook::open(&bytes).expect("opens");
    let mut seen = 0u64;
    let e = for_each_cell(&bytes, &book.tables[0], 0, 64 << 20, |_, _, _| {
        seen += 1;
        Ok(true)
    })
    .unwrap_err();
    assert!(e.is_limit(), "{e}");
    // 1 000 000 × 16 384 = 16 384 000 000 cells asked for; none handed on.
    assert!(e.to_string().contains("16384000000 > 67108864"), "{e}");
    assert_eq!(seen, 0);
}

/// A large table is read again from the archive, and reads the same as
/// when it is kept: 30 000 rows of a 20-character string make a table of
/// well over 4 MiB.
#[test]
fn large_tables_are_read_from_the_archive() {
    let row = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>abcdefghijklmnopqrst</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
    let rows = row.repeat(30_000);
    let bytes = ods(&format!(
        r#"<table:table table:name="Big">{rows}</table:table><table:table table:name="Small">{row}</table:table>"#
    ));
    let book = OdsBook::open(&bytes).expect("opens");
    assert!(book.tables[0].xml.is_none(), "the large table is not kept");
    assert!(book.tables[1].xml.is_some(), "the small one is");
    let ours = our_book(&bytes).expect("reads");
    let theirs = calamine_book(&bytes).expect("calamine reads it");
    assert_eq!(ours.2, theirs.2);
    // 30 000 rows × 2 cells, the last at row 29 999.
    assert_eq!(ours.2[0].len(), 60_000);
    assert_eq!(ours.2[0][59_999], (29_999, 1, "f:1.0".to_string()));
}

/// An .ods's accounts read as an xlsx's are: a text amount with a trailing
/// minus (as accounting software exports it) and a float cell, each on its
/// row of `Výsledovka`.
#[test]
fn an_ods_statement_reads_a_trailing_minus() {
    let row = |cells: &[(&str, &str)]| {
        let mut s = String::from("<table:table-row>");
        for (kind, v) in cells {
            match *kind {
                "s" => s.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
                )),
                _ => s.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{v}"/>"#
                )),
            }
        }
        s + "</table:table-row>"
    };
    let table = |name: &str, rows: &[String]| {
        format!(
            r#"<table:table table:name="{name}">{}</table:table>"#,
            rows.concat()
        )
    };
    let tables = [
        table(
            "Pracovníci",
            &[
                row(&[("s", "ID pracovníka"), ("s", "Pozice"), ("s", "Úvazek")]),
                row(&[("s", "P1"), ("s", "PSS"), ("f", "1")]),
            ],
        ),
        table("Klienti", &[row(&[("s", "ID klienta"), ("s", "Obec")])]),
        table(
            "Výkazy",
            &[row(&[
                ("s", "Datum"),
                ("s", "Pracovník"),
                ("s", "Úkon"),
                ("s", "Minuty"),
            ])],
        ),
        table(
            "Výsledovka",
            &[
                row(&[("s", "Účet"), ("s", "Částka")]),
                row(&[("s", "521"), ("s", "1 551 157,54-")]),
                row(&[("f", "518"), ("f", "-250.5")]),
            ],
        ),
    ]
    .concat();
    let (ds, problems) = crate::workbook::read_bytes(&ods(&tables), None, &Default::default())
        .expect("the .ods reads");
    assert!(problems.no_rejections(), "{:?}", problems.list);
    let amounts: Vec<String> = ds
        .costs
        .expect("costs from the statement")
        .iter()
        .map(|c| c.amount.to_string())
        .collect();
    assert_eq!(amounts, ["-1551157.54", "-250.5"]);
}
