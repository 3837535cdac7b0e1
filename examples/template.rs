//! Writes the blank input workbook an auditor fills in.
//!
//! ```text
//! cargo run --example template -- [OUTPUT.xlsx]     (default: sablona-vstupu.xlsx)
//! ```

use std::process::ExitCode;

use clap::Parser;

/// Zapíše prázdný vstupní sešit, který auditor vyplní.
/// Writes the blank input workbook an auditor fills in.
#[derive(Parser)]
#[command(name = "template", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Kam sešit zapsat / where to write the workbook
    #[arg(value_name = "OUTPUT.xlsx", default_value = "sablona-vstupu.xlsx")]
    path: String,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage";

fn main() -> ExitCode {
    let path = Args::parse().path;
    match homecare_audit::run::write_template(&path) {
        Ok(()) => {
            println!("Šablona zapsána: {path}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.describe(homecare_audit::Lang::Cs));
            ExitCode::from(1)
        }
    }
}
