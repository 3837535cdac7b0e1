//! Writes the blank input workbook an auditor fills in.
//!
//! ```text
//! cargo run --example template -- [OUTPUT.xlsx] [--sloupce]    (default: sablona-vstupu.xlsx)
//! ```
//!
//! `--sloupce` adds a blank column mapping (`Sloupce`), for reading the
//! provider's own exports (docs/workbook.md, "Three ways in").

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
    /// Také prázdný list Sloupce pro mapování sloupců exportů / also a blank Sloupce sheet, the column mapping for exports
    #[arg(long = "sloupce", alias = "mapping")]
    mapping: bool,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage";

fn main() -> ExitCode {
    let args = Args::parse();
    let path = args.path;
    let written = if args.mapping {
        homecare_audit::run::write_template_with_mapping(&path)
    } else {
        homecare_audit::run::write_template(&path)
    };
    match written {
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
