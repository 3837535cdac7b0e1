//! Writes the sample merger study: three synthetic providers of
//! neighbouring towns (each with its own price list and villages) and a
//! merger workbook with the council's assumptions (`Sloučení`,
//! `Vzdálenosti`), to try `compare --merge --merger`.
//!
//! ```text
//! cargo run --release --example merger_sample -- [OUTDIR]
//! cargo run --release --example compare -- OUTDIR/sluzby --merge --merger OUTDIR/slouceni.xlsx
//! ```
//!
//! The bundled `fixtures/merger-example.xlsx` is this merger workbook.
//! Exit status: 0 done, 1 cannot write, 2 wrong usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Zapíše vzorovou studii sloučení (tři služby a sešit předpokladů).
/// Writes the sample merger study (three services and the assumptions).
#[derive(Parser)]
#[command(name = "merger_sample", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Kam zapsat / where to write
    #[arg(value_name = "OUTDIR", default_value = "studie-slouceni")]
    out: PathBuf,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage";

fn main() -> ExitCode {
    let out = Args::parse().out;
    match homecare_audit::run::write_merger_sample(&out) {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.describe(homecare_audit::Lang::Cs));
            ExitCode::from(1)
        }
    }
}
