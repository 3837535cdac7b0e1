//! Writes the blank input workbook an auditor fills in.
//!
//! ```text
//! cargo run --example template -- [OUTPUT.xlsx]     (default: sablona-vstupu.xlsx)
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sablona-vstupu.xlsx".into());
    match homecare_audit::xlsx::write_template(&path) {
        Ok(()) => {
            println!("Šablona zapsána: {path}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("chyba: {path}: {e}");
            ExitCode::from(1)
        }
    }
}
