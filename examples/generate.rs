//! Writes a synthetic provider's workbook: N timesheet rows from a seed.
//!
//! ```text
//! cargo run --release --example generate -- [ROWS] [OUTPUT.xlsx] [--seed N] [--defects]
//! ```
//!
//! `--defects` appends a few timesheet rows with known mistakes (an unknown
//! client, text in minutes, 31 February, …) so the reader's reporting can be
//! seen; the bundled `fixtures/sample.xlsx` is made with
//! `generate -- 2000 fixtures/sample.xlsx --seed 2025 --defects`.

use std::process::ExitCode;

use homecare_audit::synth::Synth;
use homecare_audit::xlsx::{InputCell, InputWorkbook};

fn main() -> ExitCode {
    let mut rows = 2000usize;
    let mut out = String::from("synthetic.xlsx");
    let mut seed = 2025u64;
    let mut defects = false;
    let mut positional = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a number"),
            },
            "--defects" => defects = true,
            "-h" | "--help" => return usage(""),
            _ if positional == 0 => {
                match a.replace('_', "").parse() {
                    Ok(n) => rows = n,
                    Err(_) => return usage("ROWS must be a number"),
                }
                positional += 1;
            }
            _ if positional == 1 => {
                out = a;
                positional += 1;
            }
            _ => return usage("too many arguments"),
        }
    }
    let synth = Synth::new(seed, rows);
    let ds = synth.dataset();
    let mut wb = InputWorkbook::new(&ds);
    if defects {
        for (cells, _) in synth.defect_rows() {
            wb.extra_visit_row(cells);
        }
        wb.extra_visit_row(vec![InputCell::Text("Celkem".into())]);
    }
    match wb.save(&out) {
        Ok(()) => {
            println!(
                "{out}: {} visits, {} clients, {} workers (seed {seed}{})",
                ds.visits.len(),
                ds.clients.len(),
                ds.workers.len(),
                if defects { ", with defects" } else { "" }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {out}: {e}");
            ExitCode::from(1)
        }
    }
}

fn usage(msg: &str) -> ExitCode {
    if !msg.is_empty() {
        eprintln!("error: {msg}");
    }
    eprintln!("usage: generate [ROWS] [OUTPUT.xlsx] [--seed N] [--defects]");
    ExitCode::from(2)
}
