//! Hostile files end in a clear error (or, for a sparse far cell, a clear
//! rejection), never a panic or an abort.

use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{ErrorKind, Lang, Limit};

#[path = "../support/hostile.rs"]
pub mod files;

fn err(bytes: &[u8]) -> homecare_audit::Error {
    read_bytes(bytes, Some("hostile.xlsx"), &ReadOptions::default()).unwrap_err()
}

#[test]
fn a_valid_base_reads() {
    let base = files::zip(
        &files::valid_entries()
            .iter()
            .map(|(n, d)| (n.as_str(), files::Entry::Stored(d.clone())))
            .collect::<Vec<_>>(),
    );
    let (ds, problems) = crate::common::read(&base);
    assert_eq!(ds.visits.len(), 1, "{:?}", problems.list);
}

#[test]
fn dimension_bomb_reads_as_one_rejected_far_cell() {
    let (ds, problems) = crate::common::read(&files::dimension_bomb());
    assert!(ds.visits.is_empty());
    let p = problems
        .rejections()
        .next()
        .expect("the far cell is rejected");
    // Its row has only the far cell: the date (column A) is missing.
    assert_eq!(p.place.to_string(), "Výkazy!A1048576");
    assert_eq!(problems.count("Výkazy").read, 1);
}

#[test]
fn huge_shared_string_count_is_refused_before_allocation() {
    let e = err(&files::huge_shared_string_count());
    match e.kind() {
        ErrorKind::LimitExceeded { limit, value, .. } => {
            assert_eq!(*limit, Limit::SharedStrings);
            assert_eq!(*value, 4_000_000_000);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("max_shared_strings"), "{e}");
}

#[test]
fn a_shared_string_table_of_more_strings_than_the_file_has_bytes_is_refused() {
    // 1 200 000 empty strings (plus the base's 18: its three sheets' texts)
    // in a file of well under 1 MiB: the bound is max(1 Mi, file bytes) =
    // 1 048 576; counting stops at the end of the chunk where it passes it.
    let bytes = files::many_shared_strings();
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    match err(&bytes).kind() {
        ErrorKind::LimitExceeded {
            limit, value, max, ..
        } => {
            assert_eq!(*limit, Limit::SharedStrings);
            assert_eq!(*max, 1_048_576);
            assert!(*value > *max && *value <= 1_200_018, "{value}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn zip_bomb_is_refused_by_its_declared_size() {
    let bomb = files::zip_bomb();
    assert!(
        bomb.len() < 8 << 20,
        "the bomb itself is small: {}",
        bomb.len()
    );
    let e = err(&bomb);
    match e.kind() {
        ErrorKind::LimitExceeded {
            limit,
            value,
            max,
            context,
        } => {
            assert_eq!(*limit, Limit::EntryBytes);
            assert!(*value > 3 << 30, "{value}");
            assert_eq!(*max, 2 << 30);
            assert_eq!(context, "xl/worksheets/sheet3.xml");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lying_zip_bomb_stops_at_the_declared_size() {
    let e = err(&files::lying_zip_bomb());
    assert!(matches!(e.kind(), ErrorKind::Malformed { .. }), "{e:?}");
    assert!(e.to_string().contains("declared"), "{e}");
}

#[test]
fn truncated_pdf_and_empty_files_get_short_clear_errors() {
    let sample = std::fs::read(crate::common::root("fixtures/sample.xlsx")).unwrap();
    let e = err(&files::truncated(&sample));
    assert!(matches!(e.kind(), ErrorKind::Malformed { .. }), "{e:?}");
    let e = err(&files::pdf());
    assert_eq!(
        e.describe(Lang::Cs),
        "soubor není sešit xlsx, xls, xlsb ani ods (vypadá jako dokument PDF)"
    );
    let e = err(&[]);
    assert!(e.to_string().contains("an empty file"), "{e}");
    for (name, bytes) in files::all(&sample) {
        if let Err(e) = read_bytes(&bytes, Some(name), &ReadOptions::default()) {
            let msg = e.to_string();
            assert!(msg.len() < 400 && !msg.contains('\n'), "{name}: {msg}");
        }
    }
}
