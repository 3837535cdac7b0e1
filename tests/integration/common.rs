//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::PathBuf;

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
/// Node.js, which runs the browser test's driver (playwright-core).
pub const NODE: Program = Program {
    command: "node",
    package: "nodejs",
};
/// Debian's Chromium, headless.
pub const CHROMIUM: Program = Program {
    command: "chromium",
    package: "chromium",
};
/// Debian's Firefox ESR, headless (driven over its own WebDriver BiDi).
pub const FIREFOX: Program = Program {
    command: "firefox-esr",
    package: "firefox-esr",
};

/// True when `command` is an executable file in a folder of `PATH` (found
/// without running it: some programs, a browser say, do not just print a
/// version and exit).
fn on_path(command: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            let file = dir.join(command);
            file.metadata().is_ok_and(|m| {
                use std::os::unix::fs::PermissionsExt;
                m.is_file() && m.permissions().mode() & 0o111 != 0
            })
        })
    })
}

/// The one rule for tests that need something from outside the crate: when
/// it is missing the test skips with one printed line naming it; with
/// `CI=true` (CI installs and builds them all) the test fails instead.
/// Returns whether it is there.
fn needed(test: &str, there: bool, what: &str, how: &str) -> bool {
    if there {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {what} is missing ({how}), and CI=true requires it");
    }
    // Written to the stream itself: the test harness captures `println!`
    // and `eprintln!`, and a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {what} is missing ({how})"
    );
    false
}

/// `true` when every one of `programs` is installed (see [`needed`]).
pub fn have(test: &str, programs: &[Program]) -> bool {
    programs.iter().all(|p| {
        needed(
            test,
            on_path(p.command),
            &format!("`{}`", p.command),
            &format!("apt-get install {}", p.package),
        )
    })
}

/// `true` when `path` exists, a thing the repository builds (see
/// [`needed`]); `how` says how to make it.
pub fn present(test: &str, path: &std::path::Path, how: &str) -> bool {
    needed(test, path.exists(), &path.display().to_string(), how)
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

/// Runs the `audit` tool from the crate's root with `args`; panics with its
/// stderr unless it succeeds, and returns its stdout.
pub fn audit_ok<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = std::process::Command::new(example("audit"))
        .args(args)
        .current_dir(root(""))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
