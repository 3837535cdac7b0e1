//! calamine's own 132 test workbooks (odd encodings, broken and hostile
//! files): each ends in a dataset or a short, clear error, never a panic.

use std::path::PathBuf;

use homecare_audit::workbook::{ReadOptions, read_path};
use homecare_audit::{ErrorKind, Limit};

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
                ErrorKind::MissingSheet {
                    sheet: "Pracovníci"
                }
            ),
            "{name}: {}",
            kind(name)
        );
    }
    // A 17-billion-cell repeat, refused by our pre-scan before calamine
    // expands anything: one row element of a value repeated across 16 384
    // columns (pushed: 16 384), repeated to calamine's 1 048 576-row cap,
    // so the dense range is 1 048 576 × 16 384 = 17 179 869 184 cells;
    // with the pushed cells 17 179 885 568. The file is small, so the
    // bound is the floor of 1 Mi cells.
    match kind("issue_594_dos.ods").kind() {
        ErrorKind::LimitExceeded {
            limit,
            value,
            max,
            context,
        } => assert_eq!(
            (*limit, *value, *max, context.as_str()),
            (Limit::Cells, 17_179_885_568, 1 << 20, "ods cells")
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        kind("too_small.xls").kind(),
        ErrorKind::UnknownFormat { .. }
    ));
}
