//! The committed corpus `fixtures/bad/` (written by
//! `cargo run --example bad_corpus`): each malformed workbook's exact
//! outcome, and the generator still writes the committed bytes' outcome.

use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{Error, ErrorKind, Lang, Limit, Reason};

use crate::common::root;

fn file(name: &str) -> Vec<u8> {
    std::fs::read(root(&format!("fixtures/bad/{name}"))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn err(name: &str) -> Error {
    match read_bytes(&file(name), Some(name), &ReadOptions::default()) {
        Ok(_) => panic!("{name} read without an error"),
        Err(e) => e,
    }
}

#[test]
fn the_corpus_on_disk_is_what_the_generator_writes() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root("fixtures/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut generated: Vec<String> = crate::hostile::files::bad_corpus()
        .into_iter()
        .map(|(n, _)| n.to_string())
        .collect();
    generated.sort();
    assert_eq!(on_disk, generated);
    assert_eq!(on_disk.len(), 21);
}

#[test]
fn archive_and_format_errors() {
    // Three fifths of a valid archive: no end of central directory.
    let e = err("truncated-archive.xlsx");
    assert!(matches!(e.kind(), ErrorKind::Malformed { .. }), "{e:?}");
    assert!(e.to_string().contains("EOCD"), "{e}");
    // A Word document renamed to .xlsx.
    let e = err("wrong-content-type.xlsx");
    assert_eq!(
        e.describe(Lang::Cs),
        "soubor není sešit xlsx, xls, xlsb ani ods (vypadá jako dokument Wordu (docx))"
    );
    assert!(matches!(e.kind(), ErrorKind::UnknownFormat { .. }), "{e:?}");
    // The fuzzer's find: an xls whose directory chain loops. Refused before
    // calamine would follow it (it grew a buffer to 2 GiB).
    let e = err("looping-sector-chain.xls");
    assert!(
        matches!(e.kind(), ErrorKind::Malformed { format: "xls", .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("loops back on itself"), "{e}");
    // An OLE container with an EncryptedPackage stream.
    assert!(matches!(
        err("password-protected.xlsx").kind(),
        ErrorKind::Encrypted
    ));
}

#[test]
fn sheet_and_header_errors_name_their_place() {
    match err("missing-required-sheet.xlsx").kind() {
        ErrorKind::MissingSheet { sheet } => assert_eq!(*sheet, "Výkazy"),
        other => panic!("{other:?}"),
    }
    match err("duplicate-sheet-names.xlsx").kind() {
        ErrorKind::DuplicateSheet { first, second } => {
            assert_eq!((first.as_str(), second.as_str()), ("Klienti", "Clients"))
        }
        other => panic!("{other:?}"),
    }
    match err("header-missing-column.xlsx").kind() {
        ErrorKind::MissingColumn { place, column, .. } => {
            assert_eq!((place.to_string().as_str(), *column), ("Výkazy!A1", "Úkon"))
        }
        other => panic!("{other:?}"),
    }
    match err("duplicate-header.xlsx").kind() {
        ErrorKind::DuplicateColumn { place, column } => {
            assert_eq!(
                (place.to_string().as_str(), *column),
                ("Výkazy!F1", "Klient")
            )
        }
        other => panic!("{other:?}"),
    }
    // "Datum" merged over A1:B1: the merge leaves B1 empty, so the worker
    // column is missing (a merged header hides the column it covers).
    match err("merged-header-cells.xlsx").kind() {
        ErrorKind::MissingColumn { place, column, .. } => {
            assert_eq!(
                (place.to_string().as_str(), *column),
                ("Výkazy!A1", "Pracovník")
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn limits_refuse_before_reading_data() {
    let limit = |name: &str| match err(name).kind() {
        ErrorKind::LimitExceeded {
            limit,
            value,
            max,
            context,
        } => (*limit, *value, *max, context.clone()),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(
        limit("cell-beyond-limits.xlsx"),
        (Limit::Columns, 16_385, 16_384, "Výkazy".to_string())
    );
    assert_eq!(
        limit("huge-shared-string-count.xlsx"),
        (
            Limit::SharedStrings,
            4_000_000_000,
            16 << 20,
            "xl/sharedStrings.xml".to_string()
        )
    );
    // 1 200 000 empty strings (and the base's 18) in a file of under 1 MiB,
    // compressed only ~80 to 1: more than max(1 Mi, file bytes) = 1 048 576.
    // The count stops at the end of the chunk where it passes the bound.
    let (lim, value, max, context) = limit("many-shared-strings.xlsx");
    assert_eq!(
        (lim, max, context.as_str()),
        (Limit::SharedStrings, 1 << 20, "xl/sharedStrings.xml")
    );
    assert!(value > max && value <= 1_200_018, "{value}");
    // The fuzzer's second find: an xls declaring (2³² − 1) × 256 cells,
    // which calamine would reserve at open (the process aborted).
    assert_eq!(
        limit("xls-dimension-bomb.xls"),
        (
            Limit::Cells,
            4_294_967_295 * 256,
            1 << 20,
            "xls DIMENSIONS".to_string()
        )
    );
    // The third: a text cell at row and column 65 536 makes the cells'
    // bounding box 65 536 × 65 536 (calamine allocates it densely).
    let (l, value, max, context) = limit("xls-far-cell.xls");
    assert_eq!(
        (l, max, context.as_str()),
        (Limit::Cells, 1 << 20, "xls cells")
    );
    assert!(value > 1 << 31, "{value}");
    // The fuzzer's fourth: the first sheet's position points into a FONT
    // record holding a DIMENSIONS of (2³² − 1) × 256 cells; calamine reads
    // the sheet from there (the process aborted wanting 44 TB). Rows:
    // (2³² − 1 − 1) − 0 + 1 = 4 294 967 295; columns 255 − 0 + 1 = 256.
    assert_eq!(
        limit("xls-hidden-dimension.xls"),
        (
            Limit::Cells,
            4_294_967_295 * 256,
            1 << 20,
            "xls DIMENSIONS".to_string()
        )
    );
    // An .ods whose repeat attributes would ask calamine for a dense range
    // of 82 million cells (16 s and 5.2 GB before the pre-scan): a header
    // row, then one row element repeated 5 000 times holding a value
    // repeated across 16 384 columns. Our reader refuses the run before
    // expanding it: 5 000 × 16 384 = 81 920 000 cells asked for at once, on
    // top of the cells read before it (the header's and the earlier
    // sheets', a few hundred), against the 64 Mi cell limit.
    let (l, value, max, context) = limit("ods-repeated-cells.ods");
    assert_eq!(
        (l, max, context.as_str()),
        (Limit::Cells, 64 << 20, "Výkazy")
    );
    assert!((81_920_000..81_920_000 + 1_000).contains(&value), "{value}");
    assert_eq!(
        limit("inflated-size-over-limit.xlsx"),
        (
            Limit::EntryBytes,
            3 << 30,
            2 << 30,
            "xl/worksheets/sheet3.xml".to_string()
        )
    );
}

#[test]
fn far_dates_and_many_clients_audit_in_small_memory() {
    use homecare_audit::audit::Audit;
    let name = "far-dates-many-clients.xlsx";
    let (ds, p) = read_bytes(&file(name), Some(name), &ReadOptions::default()).unwrap();
    // K1 and K2 … K20001: 20 001 clients; both visits accepted.
    assert_eq!(ds.clients.len(), 20_001);
    assert_eq!(ds.visits.len(), 2);
    assert_eq!(p.rejections().count(), 0);
    // The period runs from the first to the last visit: January 1900 to
    // December 9999, (9999 − 1900 + 1) × 12 = 97 200 months. The clients ×
    // months table is kept sparse (two cells written), so the audit needs
    // kilobytes, not the 46 GB a dense table asked for (the process
    // aborted); tests/memory.rs measures this file's peak with the rest.
    let r = Audit::new(&ds).run();
    assert_eq!(r.months.len(), 97_200);
    // One client served, in two client-months (30 and 45 minutes).
    let served: Vec<&str> = r
        .clients
        .iter()
        .filter(|c| c.direct_seconds > 0)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(served, ["K20001"]);
    let with_time: Vec<u64> = r
        .months
        .iter()
        .map(|m| m.direct_seconds)
        .filter(|&s| s > 0)
        .collect();
    assert_eq!(with_time, [1800, 2700]);
}

#[test]
fn files_that_read_say_what_they_could_not_use() {
    let read = |name: &str| read_bytes(&file(name), Some(name), &ReadOptions::default()).unwrap();
    // A1:XFD1048576 declared, one far cell: read sparsely, the far cell's
    // row rejected (its date is missing).
    let (ds, p) = read("huge-declared-dimension.xlsx");
    assert!(ds.visits.is_empty());
    let r = p.rejections().next().unwrap();
    assert_eq!(r.place.to_string(), "Výkazy!A1048576");
    // Cached formula errors: each row rejected at the error cell, raw value
    // the error; rows read = accepted + rejected.
    let (ds, p) = read("formulas-with-cached-errors.xlsx");
    assert!(ds.visits.is_empty());
    let found: Vec<(String, String, Reason)> = p
        .rejections()
        .map(|x| (x.place.to_string(), x.raw.clone(), x.reason.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Výkazy!E2".to_string(),
                "#DIV/0!".to_string(),
                Reason::ErrorCell
            ),
            (
                "Výkazy!B3".to_string(),
                "#N/A".to_string(),
                Reason::ErrorCell
            ),
        ]
    );
    let c = p.count("Výkazy");
    assert_eq!((c.read, c.accepted, c.rejected), (2, 0, 2));
    // A hidden sheet is read, with a notice at its first cell.
    let (ds, p) = read("hidden-sheet.xlsx");
    assert_eq!(ds.clients.len(), 1);
    assert_eq!(ds.visits.len(), 2);
    let n: Vec<_> = p
        .list
        .iter()
        .filter(|x| x.reason == Reason::HiddenSheet)
        .collect();
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].place.to_string(), "Klienti!A1");
    assert!(!n[0].is_rejected());
}

#[test]
fn the_generator_still_writes_what_the_tests_expect() {
    // Same outcome from the committed bytes and from a fresh generation
    // (the bytes themselves may differ by rust_xlsxwriter's timestamps).
    for (name, bytes) in crate::hostile::files::bad_corpus() {
        let fresh = read_bytes(&bytes, Some(name), &ReadOptions::default());
        let committed = read_bytes(&file(name), Some(name), &ReadOptions::default());
        match (fresh, committed) {
            (Ok((a, pa)), Ok((b, pb))) => {
                assert_eq!(a.visits, b.visits, "{name}");
                assert_eq!(pa.list, pb.list, "{name}");
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
            (a, b) => panic!("{name}: {:?} vs {:?}", a.is_ok(), b.is_ok()),
        }
    }
}
