//! Writes the built-in legal tables as a law workbook (`Limity` sheet):
//! every fee cap, meal cap, on-cost rate and leave figure with its date,
//! decree, source and verified mark, in the form `audit --law` reads. The
//! auditor adds the rows of a new decree to it instead of starting from
//! nothing.
//!
//! ```text
//! cargo run --example law -- [OUTPUT.xlsx]     (default: zakon.xlsx)
//! ```

use std::process::ExitCode;

use clap::Parser;

/// Zapíše vestavěné zákonné tabulky jako sešit s listem Limity.
/// Writes the built-in legal tables as a law workbook (sheet Limity).
#[derive(Parser)]
#[command(name = "law", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Kam sešit zapsat / where to write the workbook
    #[arg(value_name = "OUTPUT.xlsx", default_value = "zakon.xlsx")]
    path: String,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage

Příklad / example:
  cargo run --example law -- zakon.xlsx
  (doplňte řádek nového předpisu / add the new decree's row, then)
  cargo run --release --example audit -- sesit.xlsx --law zakon.xlsx";

fn main() -> ExitCode {
    let path = Args::parse().path;
    match homecare_audit::run::write_law_workbook(&path) {
        Ok(rows) => {
            println!("{path}: {rows} řádků / rows");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.describe(homecare_audit::Lang::Cs));
            ExitCode::from(1)
        }
    }
}
