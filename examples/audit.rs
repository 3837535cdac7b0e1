//! The auditor's tool: reads a provider's workbook, reports what could not
//! be used, and writes the report workbook (and the JSON report on request).
//!
//! ```text
//! cargo run --release --example audit -- [INPUT] [-o REPORT.xlsx] [--json PATH|-]
//!                                          [--benchmarks FILE] [--law FILE] [--lang cs|en] [--strict]
//! cargo run --release --example audit -- --help
//! ```
//!
//! Without INPUT it reads `fixtures/sample.xlsx`; without `-o` it writes
//! `audit-report.xlsx` in the current folder. `--help` lists every option
//! with its default and the exit statuses (0 done, 1 the input cannot be
//! read or the report written, 2 wrong usage, 3 strict mode and a rejected
//! row).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use homecare_audit::audit::{Audit, AuditOptions, summary::summary};
use homecare_audit::workbook::{
    ReadOptions, ReportWorkbook, read_benchmarks_path, read_law_path, read_path,
};
use homecare_audit::{BenchmarkSet, ErrorKind, Lang};

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
    /// Sešit poskytovatele (.xlsx, .xlsm, .xlsb, .xls, .ods) / the provider's workbook
    #[arg(value_name = "INPUT", default_value = "fixtures/sample.xlsx")]
    input: PathBuf,
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
  cargo run --release --example audit -- sesit.xlsx -o zprava.xlsx --json zprava.json";

fn parse_share(v: &str) -> Result<rust_decimal::Decimal, String> {
    let d: rust_decimal::Decimal = v
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("není číslo / not a number: {v}"))?;
    if d < rust_decimal::Decimal::ZERO || d > rust_decimal::Decimal::ONE {
        return Err(format!(
            "musí být mezi 0 a 1 / must be between 0 and 1: {v}"
        ));
    }
    Ok(d)
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    chrono::NaiveDate::parse_from_str(&compact, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(&compact, "%d.%m.%Y"))
        .map_err(|_| {
            format!("datum jako 2026-02-01 nebo 1. 2. 2026 / a date such as 2026-02-01: {s:?}")
        })
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("cs nebo en / cs or en, not {s:?}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    let mut options = ReadOptions::default().strict(args.strict);
    let show_progress = std::io::stderr().is_terminal();
    if show_progress {
        options = options.progress(move |sheet, rows| {
            let label = lang.pick("řádků", "rows");
            eprint!("\r{sheet}: {rows} {label}…");
        });
    }
    let started = std::time::Instant::now();
    let read = read_path(&args.input, &options);
    let read_time = started.elapsed();
    if show_progress {
        eprint!("\r\x1b[K");
    }
    let (dataset, problems) = match read {
        Ok(r) => r,
        Err(e) => {
            let code = if matches!(e.kind(), ErrorKind::Strict { .. }) {
                3
            } else {
                1
            };
            eprintln!("{}: {}", args.input.display(), e.describe(lang));
            return ExitCode::from(code);
        }
    };
    // Benchmarks: the built-in set, the input's own Benchmarky sheet, and
    // a region's benchmarks workbook when given.
    let mut benchmarks = BenchmarkSet::for_dataset(&dataset);
    if let Some(path) = &args.benchmarks {
        match read_benchmarks_path(path, &ReadOptions::default()) {
            Ok((set, bp)) => {
                for p in bp.rejections() {
                    eprintln!("{}: {} ({})", p.place, p.reason.message(lang), p.raw);
                }
                benchmarks.extend(set.rows);
            }
            Err(e) => {
                eprintln!("{}: {}", path.display(), e.describe(lang));
                return ExitCode::from(1);
            }
        }
    }
    // The law: the built-in tables, the input's own Limity sheet, and a
    // law workbook when given.
    let mut law = dataset.law_tables();
    if let Some(path) = &args.law {
        match read_law_path(path, &ReadOptions::default()) {
            Ok((rows, lp)) => {
                for p in lp.rejections() {
                    eprintln!("{}: {} ({})", p.place, p.reason.message(lang), p.raw);
                }
                law.extend(rows);
            }
            Err(e) => {
                eprintln!("{}: {}", path.display(), e.describe(lang));
                return ExitCode::from(1);
            }
        }
    }
    let options = AuditOptions {
        caps_date: args.caps_date,
        retarget_low_share: args.retarget_share,
        retarget_new_clients: args.retarget_clients.map(rust_decimal::Decimal::from),
        ..AuditOptions::default()
    };
    let audit_started = std::time::Instant::now();
    let report = Audit::new(&dataset)
        .problems(&problems)
        .benchmarks(&benchmarks)
        .law(&law)
        .options(options)
        .run();
    let audit_time = audit_started.elapsed();
    // The summary goes to stderr when the JSON goes to stdout.
    if args.json.as_deref() == Some("-") {
        eprint!("{}", summary(&report, lang));
    } else {
        print!("{}", summary(&report, lang));
    }
    if let Some(path) = &args.json {
        let published;
        let json = if args.public {
            published = report.public(&dataset);
            &published
        } else {
            &report
        };
        let text = match serde_json::to_string_pretty(json) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        };
        let written = if path == "-" {
            writeln!(std::io::stdout(), "{text}")
        } else {
            std::fs::write(path, text + "\n")
        };
        if let Err(e) = written {
            eprintln!("error: {path}: {e}");
            return ExitCode::from(1);
        }
    }
    let write_started = std::time::Instant::now();
    let link = input_link(&args.input, &args.output);
    let written = ReportWorkbook::new(&report, &dataset)
        .lang(lang)
        .input_link(link)
        .public(args.public)
        .save(&args.output);
    if args.timings {
        eprintln!(
            "timings: read {:.3} s, audit {:.3} s, write {:.3} s",
            read_time.as_secs_f64(),
            audit_time.as_secs_f64(),
            write_started.elapsed().as_secs_f64()
        );
    }
    match written {
        Ok(()) => eprintln!(
            "{}: {}",
            lang.pick("Zpráva", "Report"),
            args.output.display()
        ),
        Err(e) => {
            eprintln!("{}", e.describe(lang));
            return ExitCode::from(1);
        }
    }
    if let Some(pdf) = &args.pdf {
        let council = ReportWorkbook::new(&report, &dataset)
            .lang(lang)
            .council(true)
            .public(args.public);
        match council_pdf(&council, pdf, lang) {
            Ok(()) => eprintln!("PDF: {}", pdf.display()),
            Err(e) => {
                eprintln!("{}: {e}", pdf.display());
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

/// The council's PDF: the council's report workbook rendered by LibreOffice
/// (headless, with a profile of its own so that a LibreOffice the user has
/// open does not interfere). One line of error when it is not installed.
fn council_pdf(
    council: &ReportWorkbook<'_>,
    pdf: &std::path::Path,
    lang: Lang,
) -> Result<(), String> {
    let soffice = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("soffice"))
        .find(|f| f.is_file())
        .ok_or_else(|| {
            lang.pick(
                "PDF vytváří LibreOffice, který tu není nainstalován: nainstalujte jej (Debian: apt-get install libreoffice-calc-nogui)",
                "the PDF is rendered by LibreOffice, which is not installed here: install it (Debian: apt-get install libreoffice-calc-nogui)",
            )
            .to_string()
        })?;
    let dir = std::env::temp_dir().join(format!("homecare-pdf-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let stem = pdf
        .file_stem()
        .map_or_else(|| "zprava".into(), |s| s.to_string_lossy().into_owned());
    let xlsx = dir.join(format!("{stem}.xlsx"));
    council.save(&xlsx).map_err(|e| e.describe(lang))?;
    let out = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&xlsx)
        .output()
        .map_err(|e| e.to_string())?;
    let made = dir.join(format!("{stem}.pdf"));
    if !out.status.success() || !made.exists() {
        let said = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "LibreOffice: {}",
            said.lines().next().unwrap_or("no PDF written")
        ));
    }
    std::fs::copy(&made, pdf).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// How the report's links name the input: its file name when both files
/// are in one folder, else its absolute path.
fn input_link(input: &std::path::Path, output: &std::path::Path) -> Option<String> {
    let dir = |p: &std::path::Path| {
        p.parent()
            .map(|d| {
                if d.as_os_str().is_empty() {
                    std::path::Path::new(".")
                } else {
                    d
                }
            })
            .and_then(|d| d.canonicalize().ok())
    };
    if dir(input).is_some() && dir(input) == dir(output) {
        return input.file_name().map(|n| n.to_string_lossy().into_owned());
    }
    input
        .canonicalize()
        .ok()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
}
