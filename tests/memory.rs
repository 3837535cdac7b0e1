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

/// `fixtures/formats/small.ods` (saved by LibreOffice) with the data rows
/// of its timesheet repeated until it has `rows` of them: the same cells
/// as LibreOffice writes them, each row its own element.
fn large_ods(rows: usize) -> Vec<u8> {
    use std::io::{Read, Write};
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join("fixtures/formats/small.ods")).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut content = String::new();
    zin.by_name("content.xml")
        .unwrap()
        .read_to_string(&mut content)
        .unwrap();
    // The timesheet's rows: its header row, then the data rows.
    let table = content.find(r#"<table:table table:name="Výkazy""#).unwrap();
    let end = table + content[table..].find("</table:table>").unwrap();
    let first = table + content[table..end].find("<table:table-row").unwrap();
    let data = first + content[first..end].find("</table:table-row>").unwrap() + 18;
    let data_rows = &content[data..end];
    let n = data_rows.matches("<table:table-row").count();
    let mut out = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        for i in 0..zin.len() {
            let f = zin.by_index_raw(i).unwrap();
            if f.name().map_or(true, |n| n != "content.xml") {
                z.raw_copy_file(f).unwrap();
            }
        }
        let fast = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(true);
        z.start_file("content.xml", fast).unwrap();
        z.write_all(&content.as_bytes()[..data]).unwrap();
        for _ in 0..rows.div_ceil(n) {
            z.write_all(data_rows.as_bytes()).unwrap();
        }
        z.write_all(&content.as_bytes()[end..]).unwrap();
        z.finish().unwrap();
    }
    out
}

/// A LibreOffice workbook whose timesheet has 100 000 rows (its
/// `content.xml` about 140 MB) is read as a stream: calamine's load of the
/// same data held about 120 MiB, ours must stay under 64 MiB.
#[test]
fn a_large_ods_is_read_in_bounded_memory() {
    let exe = audit_example();
    let path = std::env::temp_dir().join(format!("homecare-large-{}.ods", std::process::id()));
    std::fs::write(&path, large_ods(100_000)).unwrap();
    let (code, peak) = run_alone(&exe, &path);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0);
    eprintln!("large .ods: peak resident memory {} MiB", peak / 1024);
    assert!(peak < 64 * 1024, "peak {peak} KiB");
}

/// Runs the tool on `file` and reports its exit status and its own peak
/// resident size in KiB (`wait4`: the other test's children run at the
/// same time and count in `RUSAGE_CHILDREN`).
fn run_alone(exe: &Path, file: &Path) -> (i32, i64) {
    #[allow(clippy::zombie_processes)] // waited for by wait4 below
    let child = Command::new(exe)
        .arg(file)
        .arg("-o")
        .arg(std::env::temp_dir().join("homecare-memory-large.xlsx"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // SAFETY: wait4 writes the status and the zeroed rusage we pass, for
    // the child we spawned and have not waited for.
    unsafe {
        let mut status = 0;
        let mut r: libc::rusage = std::mem::zeroed();
        let pid = libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut r);
        assert_eq!(pid, child.id() as libc::pid_t);
        assert!(libc::WIFEXITED(status), "ended by a signal");
        (libc::WEXITSTATUS(status), r.ru_maxrss)
    }
}
