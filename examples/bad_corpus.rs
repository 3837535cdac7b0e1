//! Writes `fixtures/bad/`: one small malformed workbook per kind of
//! trouble (truncated, wrong type, missing or duplicated sheets, broken
//! headers, hidden sheets, cells beyond the limits, bombs, a password,
//! cached formula errors). `tests/integration/bad.rs` holds each file's
//! exact outcome.
//!
//! ```text
//! cargo run --example bad_corpus
//! ```

#[path = "../tests/support/hostile.rs"]
mod hostile;

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad");
    std::fs::create_dir_all(&dir)?;
    for (name, bytes) in hostile::bad_corpus() {
        std::fs::write(dir.join(name), &bytes)?;
        println!("{name}: {} bytes", bytes.len());
    }
    Ok(())
}
