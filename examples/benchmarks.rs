//! Writes the commented example benchmarks workbook
//! (`fixtures/benchmarks-example.xlsx`): the format a region or an auditor
//! fills with their own figures. Its figures are **examples**, not any
//! region's values, and every row says so.
//!
//! ```text
//! cargo run --example benchmarks -- [OUTPUT.xlsx]   (default: fixtures/benchmarks-example.xlsx)
//! ```

use std::process::ExitCode;

use clap::Parser;

/// Zapíše komentovaný vzorový sešit srovnávacích hodnot.
/// Writes the commented example benchmarks workbook.
#[derive(Parser)]
#[command(name = "benchmarks", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Kam sešit zapsat / where to write the workbook
    #[arg(
        value_name = "OUTPUT.xlsx",
        default_value = "fixtures/benchmarks-example.xlsx"
    )]
    path: String,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage";

fn main() -> ExitCode {
    let path = Args::parse().path;
    match homecare_audit::run::write_example_benchmarks(&path) {
        Ok(_) => {
            println!("{path}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.describe(homecare_audit::Lang::Cs));
            ExitCode::from(1)
        }
    }
}
