//! Writes a synthetic provider's workbook: N timesheet rows from a seed.
//!
//! ```text
//! cargo run --release --example generate -- [ROWS] [OUTPUT.xlsx] [--seed N] [--defects]
//! ```
//!
//! `--defects` appends a few timesheet rows with known mistakes (an unknown
//! client, text in minutes, 31 February, …) so the reader's reporting can be
//! seen; the bundled `fixtures/sample.xlsx` is made with
//! `generate -- 6000 fixtures/sample.xlsx --seed 2025 --defects`.

use std::process::ExitCode;

use clap::Parser;

use homecare_audit::run::{CsvEncoding, SyntheticWorkbook, parse_csv_encoding, parse_rows};

/// Zapíše sešit smyšleného poskytovatele (ROWS řádků výkazů ze semínka).
/// Writes a synthetic provider's workbook: ROWS timesheet rows from a seed.
#[derive(Parser)]
#[command(name = "generate", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Počet řádků výkazů (lze psát 100_000) / number of timesheet rows (100_000 allowed)
    #[arg(value_name = "ROWS", default_value = "2000", value_parser = parse_rows)]
    rows: usize,
    /// Kam sešit zapsat / where to write the workbook
    #[arg(value_name = "OUTPUT.xlsx", default_value = "synthetic.xlsx")]
    out: String,
    /// Semínko náhodného generátoru / the random seed
    #[arg(long, value_name = "N", default_value_t = 2025)]
    seed: u64,
    /// Přidat řádky se známými chybami / append rows with known mistakes
    #[arg(long)]
    defects: bool,
    /// Místo sešitu exporty do složky OUTPUT: vykazy.csv (UTF-8 nebo windows-1250) a ostatni.xlsx / instead of a workbook, exports into the folder OUTPUT: vykazy.csv (in the encoding given) and ostatni.xlsx
    #[arg(long, value_name = "utf8|cp1250", value_parser = parse_csv_encoding)]
    csv: Option<CsvEncoding>,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage

Příklad / example (the bundled sample):
  cargo run --release --example generate -- 6000 fixtures/sample.xlsx --seed 2025 --defects";

fn main() -> ExitCode {
    let Args {
        rows,
        out,
        seed,
        defects,
        csv,
    } = Args::parse();
    if let Some(encoding) = csv {
        return exports(
            SyntheticWorkbook {
                rows,
                seed,
                defects,
            },
            &out,
            encoding,
        );
    }
    match (SyntheticWorkbook {
        rows,
        seed,
        defects,
    })
    .write(&out)
    {
        Ok(made) => {
            println!(
                "{out}: {} visits, {} clients, {} workers (seed {seed}{})",
                made.visits,
                made.clients,
                made.workers,
                if defects { ", with defects" } else { "" }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.describe(homecare_audit::Lang::En));
            ExitCode::from(1)
        }
    }
}

/// The sample as a provider's exports: the timesheet as CSV and the other
/// sheets as a workbook, in the folder `dir`.
fn exports(sample: SyntheticWorkbook, dir: &str, encoding: CsvEncoding) -> ExitCode {
    match sample.write_exports(dir, encoding) {
        Ok([csv, rest]) => {
            println!("{} + {}", csv.display(), rest.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.describe(homecare_audit::Lang::En));
            ExitCode::from(1)
        }
    }
}
