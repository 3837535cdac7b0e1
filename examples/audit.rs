//! The auditor's tool: reads a provider's workbook, reports what could not
//! be used, and writes the report workbook (and the JSON report on request).
//!
//! ```text
//! cargo run --release --example audit -- [INPUT...] [-o REPORT.xlsx] [--json PATH|-]
//!                                          [--mapping FILE] [--benchmarks FILE] [--financing FILE] [--law FILE]
//!                                          [--lang cs|en] [--strict]
//! cargo run --release --example audit -- --help
//! ```
//!
//! INPUT is the provider's workbook, or several files that together are its
//! records (exports of the care software as CSV, the payroll's staff list,
//! the accounts, the auditor's workbook with `Poskytovatel` and `Sloupce`).
//! Without INPUT it reads `fixtures/sample.xlsx`; without `-o` it writes
//! `audit-report.xlsx` in the current folder. `--help` lists every option
//! with its default and the exit statuses (0 done, 1 the input cannot be
//! read or the report written, 2 wrong usage, 3 strict mode and a rejected
//! row).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;

use homecare_audit::Lang;
use homecare_audit::run::{AuditRequest, Audited, Source, parse_date, parse_lang, parse_share};

/// Audit pečovatelské služby ze sešitu poskytovatele.
/// Audit of a home-care service from the provider's workbook.
#[derive(Parser)]
#[command(
    name = "audit",
    version,
    after_help = AFTER_HELP,
    verbatim_doc_comment
)]
struct Args {
    /// Sešit poskytovatele (.xlsx, .xlsm, .xlsb, .xls, .ods), nebo více souborů jeho záznamů včetně CSV / the provider's workbook, or several files of its records, CSV included
    #[arg(value_name = "INPUT", default_value = "fixtures/sample.xlsx", num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// Mapování sloupců (list Sloupce) v samostatném souboru / the column mapping (sheet Sloupce) in a file of its own
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,
    /// Kam zapsat zprávu / where to write the report workbook
    #[arg(
        short = 'o',
        long = "output",
        value_name = "REPORT.xlsx",
        default_value = "audit-report.xlsx"
    )]
    output: PathBuf,
    /// Zapsat také zprávu JSON (- = na standardní výstup) / also write the JSON report (- = stdout)
    #[arg(long, value_name = "PATH|-")]
    json: Option<String>,
    /// Sešit srovnávacích hodnot kraje / a region's benchmarks workbook
    #[arg(long, value_name = "FILE")]
    benchmarks: Option<PathBuf>,
    /// Metodika financování kraje (list Financování) / a region's financing method (a Financování sheet)
    #[arg(long, value_name = "FILE")]
    financing: Option<PathBuf>,
    /// Sešit se zákonnými limity (list Limity), které mají přednost před vestavěnými od svého data / a law workbook whose rows take precedence over the built-in caps from their dates
    #[arg(long, value_name = "FILE")]
    law: Option<PathBuf>,
    /// Scénář „úhrady podle limitů jiného data“: datum, jehož limity použít (jinak nejnovější známé) / the date whose caps the "caps of another date" scenario charges (default: the newest known)
    #[arg(long = "caps-date", value_name = "DATE", value_parser = parse_date)]
    caps_date: Option<chrono::NaiveDate>,
    /// Scénář přesunu péče: podíl hodin klientů bez příspěvku a se stupněm I, které skončí (0 až 1; jinak list Model) / the retargeting scenario's share of the hours of clients without allowance or with degree I that stop (0 to 1; default: the Model sheet)
    #[arg(long = "retarget-share", value_name = "SHARE", value_parser = parse_share)]
    retarget_share: Option<rust_decimal::Decimal>,
    /// Scénář přesunu péče: počet nových klientů se stupněm III a IV (jinak list Model) / the retargeting scenario's new clients of degrees III and IV (default: the Model sheet)
    #[arg(long = "retarget-clients", value_name = "N")]
    retarget_clients: Option<u32>,
    /// Jazyk zprávy a výpisu / language of the report and the summary
    #[arg(long, value_name = "cs|en", default_value = "cs", value_parser = parse_lang)]
    lang: Lang,
    /// Také PDF pro zastupitelstvo (Souhrn, Ukazatele, Cena hodiny, Scénáře, nálezy podle druhu); vytváří je LibreOffice / also the council's PDF (summary, indicators, hour cost, scenarios, findings by kind), rendered by LibreOffice
    #[arg(long, value_name = "FILE.pdf")]
    pdf: Option<PathBuf>,
    /// Zpráva a JSON ke zveřejnění: bez identifikátorů klientů a pracovníků, ročníků narození a volného textu ze vstupu / a report and JSON fit for publication: no client or worker id, birth year or free text from the input
    #[arg(long)]
    public: bool,
    /// Odmítnutý řádek ukončí běh (kód 3) / a rejected row stops the run (exit 3)
    #[arg(long)]
    strict: bool,
    /// Vypsat čas čtení, auditu a zápisu / print the time of each phase to stderr
    #[arg(long)]
    timings: bool,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status:
  0  hotovo (odmítnuté řádky jsou ve zprávě) / done (rejected rows are reported, not fatal)
  1  vstup nelze přečíst nebo zprávu zapsat / the input cannot be read or the report written
  2  chybné použití / wrong usage
  3  --strict a odmítnutý řádek / --strict and a rejected row

Příklad / example:
  cargo run --release --example audit -- sesit.xlsx -o zprava.xlsx --json zprava.json
  cargo run --release --example audit -- vykazy.csv klienti.csv mzdy.xlsx vysledovka.xlsx auditor.xlsx";

/// The request the arguments make: resolved once, here.
fn request(args: &Args) -> AuditRequest {
    let lang = args.lang;
    let mut request = AuditRequest::new(Source::path(&args.inputs[0]))
        .more_files(args.inputs[1..].iter().cloned().map(Source::Path).collect())
        .mapping(args.mapping.clone().map(Source::Path))
        .law(args.law.clone().map(Source::Path))
        .benchmarks(args.benchmarks.clone().map(Source::Path))
        .financing(args.financing.clone().map(Source::Path))
        .lang(lang)
        .public(args.public)
        .strict(args.strict)
        .caps_date(args.caps_date)
        .retarget_share(args.retarget_share)
        .retarget_clients(args.retarget_clients);
    if std::io::stderr().is_terminal() {
        request = request.progress(move |sheet, rows| {
            eprint!("\r{sheet}: {rows} {}…", lang.pick("řádků", "rows"));
        });
    }
    request
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    let request = request(&args);
    let started = Instant::now();
    let read = request.read();
    let read_time = started.elapsed();
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[K");
    }
    let inputs = match read {
        Ok(inputs) => inputs,
        Err(e) => {
            eprintln!("{}", e.describe(lang));
            return ExitCode::from(e.exit_code());
        }
    };
    let started = Instant::now();
    let audited = inputs.audit();
    let audit_time = started.elapsed();
    for line in audited.other_rejected_lines() {
        eprintln!("{line}");
    }
    match write_all(&args, &audited, [read_time, audit_time]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// The summary, the JSON, the report and the PDF, as asked; what could
/// not be written, in words.
fn write_all(
    args: &Args,
    audited: &Audited,
    [read_time, audit_time]: [Duration; 2],
) -> Result<(), String> {
    let lang = args.lang;
    let said = |e: homecare_audit::Error| e.describe(lang);
    // The summary goes to stderr when the JSON goes to stdout.
    if args.json.as_deref() == Some("-") {
        eprint!("{}", audited.summary_text());
    } else {
        print!("{}", audited.summary_text());
    }
    if let Some(path) = &args.json {
        let text = audited.json().map_err(said)?;
        let written = if path == "-" {
            std::io::stdout().write_all(text.as_bytes())
        } else {
            std::fs::write(path, text)
        };
        written.map_err(|e| format!("error: {path}: {e}"))?;
    }
    let started = Instant::now();
    let written = audited.save_report(&args.output);
    if args.timings {
        eprintln!(
            "timings: read {:.3} s, audit {:.3} s, write {:.3} s",
            read_time.as_secs_f64(),
            audit_time.as_secs_f64(),
            started.elapsed().as_secs_f64()
        );
    }
    written.map_err(said)?;
    eprintln!(
        "{}: {}",
        lang.pick("Zpráva", "Report"),
        args.output.display()
    );
    if let Some(pdf) = &args.pdf {
        audited.council_pdf(pdf).map_err(said)?;
        eprintln!("PDF: {}", pdf.display());
    }
    Ok(())
}
