//! Compares providers: audits several workbooks (or every workbook in a
//! folder) in parallel on all cores and writes the comparison workbook:
//! one row per provider, every indicator with the group's quartiles and
//! status colours, charts of the headline indicators. When the workbooks
//! are one provider (same IČO, else same name) in different periods, it
//! shows each indicator period over period instead. With `--merge` it also
//! audits the providers as one merged service.
//!
//! ```text
//! cargo run --release --example compare -- INPUT... [-o COMPARISON.xlsx]
//!     [--merge [--merger FILE] [--shared-reduction SHARE]] [--json PATH|-]
//!     [--benchmarks FILE] [--law FILE] [--lang cs|en]
//! ```
//!
//! INPUT is a provider's workbook, or a folder: each subfolder one
//! provider's records (workbooks and CSV files), and the folder's own
//! workbooks each a provider (or, when one of them is CSV, together one
//! provider's records). `--merger FILE` takes the merger study's assumptions
//! from the `Sloučení` sheet of FILE (and its `Vzdálenosti` and `Jednotný
//! ceník`; docs/compare.md); without it the defaults are used and said so.
//! `--shared-reduction 0.3` states that a merger saves 30 % of shared
//! management costs (category `rezie`), over the sheet's value. `--json`
//! writes the comparison as JSON (`-`: standard output). Exit status: 0
//! done, 1 no workbook could be read or an output cannot be written, 2
//! wrong usage, 4 some inputs could not be read (the rest compared, the
//! missing ones listed on the sheet `Nenačteno` and in the JSON).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use homecare_audit::Lang;
use homecare_audit::run::{
    CompareRequest, Comparison, Source, parse_lang, parse_share, providers_in,
};
use rust_decimal::Decimal;

/// Srovnání poskytovatelů, vývoj jednoho poskytovatele, nebo studie sloučení.
/// Compares providers, one provider over periods, or studies a merger.
#[derive(Parser)]
#[command(name = "compare", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Sešity, nebo složky: podsložka = záznamy jednoho poskytovatele / workbooks, or folders: a subfolder = one provider's records
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
    /// Kam zapsat srovnání / where to write the comparison workbook
    #[arg(
        short = 'o',
        long = "output",
        value_name = "COMPARISON.xlsx",
        default_value = "comparison.xlsx"
    )]
    output: PathBuf,
    /// Auditovat služby také jako jednu sloučenou / also audit the services as one merged service
    #[arg(long)]
    merge: bool,
    /// Sešit s předpoklady studie sloučení (list Sloučení) / a merger study's assumptions workbook
    #[arg(long, value_name = "FILE", requires = "merge")]
    merger: Option<PathBuf>,
    /// Podíl společné režie, který sloučení ušetří (0 až 1) / share of shared management costs a merger saves (0 to 1)
    #[arg(long = "shared-reduction", value_name = "SHARE", value_parser = parse_share)]
    reduction: Option<Decimal>,
    /// Zapsat srovnání také jako JSON (- = na standardní výstup) / also write the comparison as JSON (- = stdout)
    #[arg(long, value_name = "PATH|-")]
    json: Option<String>,
    /// Sešit srovnávacích hodnot kraje / a region's benchmarks workbook
    #[arg(long, value_name = "FILE")]
    benchmarks: Option<PathBuf>,
    /// Sešit se zákonnými limity (list Limity) pro všechny služby / a law workbook for every service
    #[arg(long, value_name = "FILE")]
    law: Option<PathBuf>,
    /// Jazyk / language
    #[arg(long, value_name = "cs|en", default_value = "cs", value_parser = parse_lang)]
    lang: Lang,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status:
  0  hotovo / done
  1  žádný sešit nelze přečíst nebo výstup zapsat / no workbook could be read, or the output written
  2  chybné použití / wrong usage
  4  některé vstupy nelze přečíst; srovnání ostatních zapsáno (list Nenačteno, JSON refused) /
     some inputs could not be read; the comparison of the rest is written (sheet Refused, JSON refused)

Příklad / example:
  cargo run --release --example compare -- mesto-a.xlsx mesto-b.xlsx mesto-c.xlsx --merge --merger slouceni.xlsx --json -";

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    let providers = match providers_in(&args.inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {}", e.describe(lang));
            return ExitCode::from(1);
        }
    };
    let request = CompareRequest::of_providers(providers)
        .law(args.law.clone().map(Source::Path))
        .benchmarks(args.benchmarks.clone().map(Source::Path))
        .merge(args.merge)
        .merger(args.merger.clone().map(Source::Path))
        .shared_reduction(args.reduction)
        .lang(lang)
        .progress(move |done, n, file, error| match error {
            None => eprintln!("[{done}/{n}] {file}"),
            // The error names its file already.
            Some(e) => eprintln!("[{done}/{n}] {}", e.describe(lang)),
        });
    let comparison = match request.run() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", e.describe(lang));
            return ExitCode::from(e.exit_code());
        }
    };
    for line in comparison.other_rejected_lines() {
        eprintln!("{line}");
    }
    match write(&args, &comparison) {
        // Written, but a council must not miss that someone is missing.
        Ok(()) if !comparison.refused().is_empty() => ExitCode::from(4),
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// The workbook and the JSON; what could not be written, in words.
fn write(args: &Args, comparison: &Comparison) -> Result<(), String> {
    let lang = args.lang;
    comparison
        .workbook()
        .save(&args.output)
        .map_err(|e| e.describe(lang))?;
    if let Some(target) = &args.json {
        let text = comparison.json().map_err(|e| e.describe(lang))?;
        let written = if target == "-" {
            use std::io::Write;
            std::io::stdout().lock().write_all(text.as_bytes())
        } else {
            std::fs::write(target, text)
        };
        written.map_err(|e| format!("{target}: {e}"))?;
    }
    eprintln!(
        "{} ({}): {}",
        lang.pick("Zapsáno", "Written"),
        comparison.describe_mode(),
        args.output.display()
    );
    Ok(())
}
