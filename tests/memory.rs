//! Peak memory of the auditor's tool on every hostile and broken file: the
//! 132 workbooks of calamine's own test suite and our hostile set (zip
//! bombs, a dimension bomb, a huge shared-string count, truncated, renamed
//! and empty files). Each run must end with exit status 0 or 1 (never a
//! signal) and a short message, and no run may exceed the stated bound.
//!
//! A separate test binary, so that the peak resident size of this process's
//! children (`getrusage(RUSAGE_CHILDREN)`) counts only these runs.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/hostile.rs"]
mod hostile;

/// The bound stated in the README: 256 MiB for any file in the corpus.
const BOUND_KIB: i64 = 256 * 1024;

fn audit_example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let p = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples/audit");
    assert!(p.exists(), "examples/audit not built: run `cargo test`");
    p
}

fn children_peak_kib() -> i64 {
    // SAFETY: getrusage writes into the zeroed struct we pass.
    unsafe {
        let mut r: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut r);
        r.ru_maxrss
    }
}

fn run(exe: &Path, file: &Path) -> (i32, String) {
    let out = Command::new(exe)
        .arg(file)
        .arg("-o")
        .arg(std::env::temp_dir().join("homecare-memory-report.xlsx"))
        .output()
        .unwrap();
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("{} ended by a signal: {:?}", file.display(), out.status));
    (code, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn every_corpus_file_ends_in_a_result_or_a_short_error_within_the_memory_bound() {
    let exe = audit_example();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("tests/data/calamine");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 132, "calamine's corpus");
    let sample = std::fs::read(root.join("fixtures/sample.xlsx")).unwrap();
    let dir = std::env::temp_dir().join("homecare-hostile");
    files.extend(hostile::write_all(&dir, &sample));
    files.extend(
        std::fs::read_dir(root.join("fixtures/bad"))
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().path()),
    );

    let mut peak_before = children_peak_kib();
    let mut worst = (0i64, PathBuf::new());
    for f in &files {
        let (code, stderr) = run(&exe, f);
        assert!(
            code == 0 || code == 1,
            "{}: exit {code}\n{stderr}",
            f.display()
        );
        if code == 1 {
            let lines: Vec<&str> = stderr.lines().collect();
            assert_eq!(
                lines.len(),
                1,
                "{}: one line expected:\n{stderr}",
                f.display()
            );
            assert!(lines[0].len() < 500, "{}: {}", f.display(), lines[0]);
        }
        let peak = children_peak_kib();
        if peak > peak_before {
            worst = (peak, f.clone());
            peak_before = peak;
        }
    }
    eprintln!(
        "{} files; peak resident memory {} MiB ({})",
        files.len(),
        worst.0 / 1024,
        worst.1.display()
    );
    assert!(
        worst.0 < BOUND_KIB,
        "peak {} KiB over the bound at {}",
        worst.0,
        worst.1.display()
    );
}
