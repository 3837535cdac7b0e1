//! The baseline of the end-to-end measurement (`benches/end_to_end.sh`):
//! calamine merely loading the timesheet sheet with `worksheet_range`, the
//! way a program that reads the whole sheet into memory would start.
//!
//! ```text
//! cargo run --release --example calamine_baseline -- FILE.xlsx|FILE.ods [SHEET]
//! ```

use std::process::ExitCode;

use calamine::{Reader, open_workbook_auto};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: calamine_baseline FILE.xlsx [SHEET]");
        return ExitCode::from(2);
    };
    let sheet = args.next().unwrap_or_else(|| "Výkazy".into());
    let start = std::time::Instant::now();
    // Any format by its extension (an .ods is loaded whole at open).
    let mut wb = match open_workbook_auto(&path) {
        Ok(wb) => wb,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    match wb.worksheet_range(&sheet) {
        Ok(range) => {
            println!(
                "{} rows × {} columns in {:.3} s",
                range.height(),
                range.width(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {sheet}: {e}");
            ExitCode::from(1)
        }
    }
}
