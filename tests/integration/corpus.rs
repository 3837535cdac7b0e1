//! calamine's own 132 test workbooks (odd encodings, broken and hostile
//! files): each ends in a dataset or a short, clear error, never a panic.

use std::path::PathBuf;

use homecare_audit::ErrorKind;
use homecare_audit::workbook::{ReadOptions, read_path};

use crate::common::calamine_corpus;

fn corpus() -> Vec<PathBuf> {
    let dir = calamine_corpus();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_file_ends_in_a_result_or_a_short_clear_error() {
    let files = corpus();
    assert_eq!(files.len(), 132);
    for f in &files {
        match read_path(f, &ReadOptions::default()) {
            Ok((_, problems)) => {
                for (sheet, c) in &problems.rows {
                    assert!(c.balances(), "{}: {sheet}", f.display());
                }
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    !msg.is_empty() && msg.len() < 400 && !msg.contains('\n'),
                    "{}: {msg}",
                    f.display()
                );
                assert!(
                    !matches!(e.kind(), ErrorKind::ReaderPanicked { .. }),
                    "{}: the reader panicked: {msg}",
                    f.display()
                );
            }
        }
    }
}

#[test]
fn known_corpus_files_get_the_right_error() {
    let kind = |name: &str| {
        read_path(calamine_corpus().join(name), &ReadOptions::default())
            .map(|_| ())
            .unwrap_err()
    };
    for name in [
        "pass_protected.xlsx",
        "pass_protected.xlsb",
        "pass_protected.ods",
    ] {
        assert!(matches!(kind(name).kind(), ErrorKind::Encrypted), "{name}");
    }
    // Workbooks of every format open (and lack the home-care sheets).
    for name in [
        "date_1904.xlsx",
        "issue_530.xlsx",
        "minimal_package.xlsx",
        "any_sheets.ods",
        "any_sheets.xls",
        "any_sheets.xlsb",
    ] {
        assert!(
            matches!(
                kind(name).kind(),
                ErrorKind::MissingSheet { sheet: "Výkazy" }
            ),
            "{name}: {}",
            kind(name)
        );
    }
    // A 17-billion-cell repeat: one row element of "X" repeated across
    // 999 999 999 columns, repeated 999 999 999 times. Our .ods reader
    // finds its one sheet, Sheet1, without expanding anything, and the
    // workbook is refused for what it lacks before any row is read: the
    // one required sheet, Výkazy, is not there.
    // (Were Sheet1 read, the run of 16 384 × 1 048 576 = 17 179 869 184
    // cells would be refused before it is expanded: the reader's own
    // agreement test checks that.)
    match kind("issue_594_dos.ods").kind() {
        ErrorKind::MissingSheet { sheet } => assert_eq!(*sheet, "Výkazy"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        kind("too_small.xls").kind(),
        ErrorKind::UnknownFormat { .. }
    ));
}
