//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{Dataset, Problems};

/// A path under the crate's root.
pub fn root(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// calamine's own test workbooks, kept in the repository with calamine's
/// licence (`tests/data/calamine/README.md` says where they come from).
pub fn calamine_corpus() -> PathBuf {
    root("tests/data/calamine")
}

/// An outside program a test needs: its command and the Debian package
/// that installs it.
pub struct Program {
    /// The command, as found on `PATH`.
    pub command: &'static str,
    /// The Debian package that brings it.
    pub package: &'static str,
}

/// LibreOffice, headless.
pub const SOFFICE: Program = Program {
    command: "soffice",
    package: "libreoffice-calc-nogui",
};
/// poppler's PDF to text.
pub const PDFTOTEXT: Program = Program {
    command: "pdftotext",
    package: "poppler-utils",
};
/// poppler's PDF facts (page size).
pub const PDFINFO: Program = Program {
    command: "pdfinfo",
    package: "poppler-utils",
};
/// poppler's PDF to PNG.
pub const PDFTOPPM: Program = Program {
    command: "pdftoppm",
    package: "poppler-utils",
};

/// The one rule for tests that need outside programs: `true` when every
/// one of `programs` runs. When one is missing the test skips with one
/// printed line naming it; with `CI=true` (CI installs them all) the test
/// fails instead.
pub fn have(test: &str, programs: &[Program]) -> bool {
    for p in programs {
        // `-v` answers on every one of them (soffice prints its version,
        // poppler's tools print theirs); only a missing program fails to
        // start at all.
        if Command::new(p.command).arg("-v").output().is_err() {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "{test}: `{}` is not installed (package {}), and CI=true requires it",
                    p.command, p.package
                );
            }
            // Written to the stream itself: the test harness captures
            // `println!` and `eprintln!`, and a skip must be seen.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: `{}` is not installed (apt-get install {})",
                p.command,
                p.package
            );
            return false;
        }
    }
    true
}

/// Reads workbook bytes with default options, panicking with the error.
pub fn read(bytes: &[u8]) -> (Dataset, Problems) {
    read_bytes(bytes, Some("test.xlsx"), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("read failed: {e}"))
}

/// A built example's path (cargo test builds the examples).
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test exe");
    let dir = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target/<profile>");
    let path = dir.join("examples").join(name);
    assert!(
        path.exists(),
        "example {name} is not built at {}: run `cargo test` (which builds examples)",
        path.display()
    );
    path
}
