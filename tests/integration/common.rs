//! Helpers shared by the integration tests.

use std::path::PathBuf;

use homecare_audit::xlsx::{ReadOptions, read_bytes};
use homecare_audit::{Dataset, Problems};

/// A path under the crate's root.
pub fn root(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The shared folder beside the project (calamine's corpus lives there).
pub fn shared(rel: &str) -> PathBuf {
    root("../shared").join(rel)
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
