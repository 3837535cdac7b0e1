//! Our scanner against calamine's cell reader on every xlsx we have:
//! calamine's own test corpus (odd generators, rich text, 1904 dates,
//! broken files), our fixtures (Excel-style, LibreOffice-made, hostile) and
//! a generated provider. Each sheet must give the same cells at the same
//! places with the same values, or both readers must refuse it.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};

use super::{Workbook, for_each_cell};
use crate::workbook::read::cell::{Cell, show};
use crate::workbook::read::limits::ReadLimits;

/// Enough cells to cover every test file; a bound so a hostile one cannot
/// make the test hold millions.
const MAX_CELLS: usize = 200_000;

type Cells = Vec<(u32, u32, String)>;

fn calamine_cells(bytes: &[u8], sheet: &str) -> Result<Cells, String> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut reader = book
        .worksheet_cells_reader(sheet)
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(c) = reader.next_cell().map_err(|e| e.to_string())? {
        let (r, col) = c.get_position();
        out.push((r, col, show(&Cell::from_ref(c.get_value().clone()))));
        if out.len() == MAX_CELLS {
            break;
        }
    }
    Ok(out)
}

fn our_cells(wb: &mut Workbook, sheet: &str) -> Result<Cells, String> {
    let path = wb.sheet_path(sheet).ok_or("no path")?.to_string();
    let Workbook {
        package,
        strings,
        number_kinds,
        ..
    } = wb;
    let part = package
        .entry(&path)
        .map_err(|e| e.to_string())?
        .ok_or("no part")?;
    let mut out = Vec::new();
    for_each_cell(part, strings, number_kinds, |r, c, v| {
        out.push((r, c, show(&v)));
        Ok(out.len() < MAX_CELLS)
    })
    .map_err(|e| e.to_string())?;
    Ok(out)
}

/// What each reader made of one file: `None` when the file is refused
/// before either reader runs (by our archive checks or calamine's open).
fn compare(path: &Path) -> Option<Vec<String>> {
    compare_bytes(&std::fs::read(path).ok()?)
}

fn compare_bytes(bytes: &[u8]) -> Option<Vec<String>> {
    let bytes = bytes.to_vec();
    if crate::workbook::read::sniff::detect(&bytes).ok()? != crate::workbook::Format::Xlsx {
        return None;
    }
    crate::workbook::read::guard::check_archive(&bytes, &ReadLimits::default()).ok()?;
    let opened: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).ok()?;
    let names = opened.sheet_names();
    drop(opened);
    let mut wb = match Workbook::open(&bytes) {
        Ok(wb) => wb,
        Err(e) => return Some(vec![format!("our package reading failed: {e}")]),
    };
    let mut differences = Vec::new();
    for sheet in names {
        let theirs = calamine_cells(&bytes, &sheet);
        let ours = our_cells(&mut wb, &sheet);
        match (&theirs, &ours) {
            (Ok(a), Ok(b)) if a == b => {}
            (Err(_), Err(_)) => {}
            (Ok(a), Ok(b)) => {
                let first = a
                    .iter()
                    .zip(b)
                    .position(|(x, y)| x != y)
                    .unwrap_or(a.len().min(b.len()));
                differences.push(format!(
                    "{sheet}: {} vs {} cells; first difference at {first}: calamine {:?}, ours {:?}",
                    a.len(),
                    b.len(),
                    a.get(first),
                    b.get(first)
                ));
            }
            _ => differences.push(format!(
                "{sheet}: calamine {:?}, ours {:?}",
                theirs.as_ref().map(Vec::len),
                ours.as_ref().map(Vec::len)
            )),
        }
    }
    Some(differences)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx" || x == "xlsm"))
        .collect();
    v.sort();
    v
}

#[test]
fn our_scanner_reads_every_xlsx_cell_as_calamine_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = files(&root.join("tests/data/calamine"));
    let corpus = all.len();
    all.extend(files(&root.join("fixtures")));
    all.extend(files(&root.join("fixtures/formats")));
    all.extend(files(&root.join("fixtures/bad")));
    assert!(corpus >= 60, "calamine's corpus has {corpus} xlsx files");
    let mut compared = 0;
    let mut differences = Vec::new();
    for f in &all {
        if let Some(d) = compare(f) {
            compared += 1;
            differences.extend(d.into_iter().map(|d| format!("{}: {d}", f.display())));
        }
    }
    assert!(compared >= 60, "only {compared} files compared");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn a_generated_provider_reads_the_same_through_both() {
    let ds = crate::synth::Synth::new(7, 3_000).dataset();
    let bytes = crate::workbook::InputWorkbook::new(&ds)
        .to_buffer()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("homecare-agreement-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("generated.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let d = compare(&path).expect("generated file opens");
    std::fs::remove_dir_all(&dir).ok();
    assert!(d.is_empty(), "{}", d.join("\n"));
}

mod random {
    use proptest::prelude::*;
    use rust_xlsxwriter::{Format, Workbook};

    /// A cell as written: text, a number, or a number shown as a date,
    /// a time or a duration.
    #[derive(Clone, Debug)]
    enum Written {
        Text(String),
        Number(f64),
        Styled(f64, &'static str),
    }

    fn text() -> impl Strategy<Value = String> {
        // Characters that stress the text path: XML's specials, control
        // characters (written as _xHHHH_), Excel's own escape sequences
        // typed literally, white space at the ends, CR/LF, non-BMP.
        let piece = prop_oneof![
            "[a-zA-Z0-9 ]{0,6}",
            Just("&".to_string()),
            Just("<b>".to_string()),
            Just("\"'".to_string()),
            Just("_x000D_".to_string()),
            Just("_x005F_".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string()),
            Just("\u{1}\u{1f}".to_string()),
            Just("  ".to_string()),
            Just("\u{a0}".to_string()),
            Just("Žluťoučký kůň".to_string()),
            Just("😀".to_string()),
        ];
        prop::collection::vec(piece, 0..5).prop_map(|v| v.concat())
    }

    fn written() -> impl Strategy<Value = Written> {
        prop_oneof![
            text().prop_map(Written::Text),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(Written::Number),
            (
                0.0f64..80_000.0,
                prop_oneof![Just("d.m.yyyy"), Just("h:mm"), Just("[h]:mm"), Just("0.00")]
            )
                .prop_map(|(x, f)| Written::Styled(x, f)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn random_cells_read_the_same_through_both(cells in prop::collection::vec(written(), 1..40)) {
            let mut wb = Workbook::new();
            let ws = wb.add_worksheet();
            for (i, c) in cells.iter().enumerate() {
                let (row, col) = ((i / 7) as u32, (i % 7) as u16);
                match c {
                    Written::Text(s) => { ws.write_string(row, col, s).unwrap(); }
                    Written::Number(x) => { ws.write_number(row, col, *x).unwrap(); }
                    Written::Styled(x, f) => {
                        ws.write_number_with_format(row, col, *x, &Format::new().set_num_format(*f)).unwrap();
                    }
                }
            }
            let bytes = wb.save_to_buffer().unwrap();
            let d = super::compare_bytes(&bytes).expect("opens");
            prop_assert!(d.is_empty(), "{}", d.join("\n"));
        }
    }
}
