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
//! INPUT is a workbook or a folder (its `.xlsx`, `.xlsm`, `.xlsb`, `.xls`
//! and `.ods` files). `--merger FILE` takes the merger study's assumptions
//! from the `Sloučení` sheet of FILE (and its `Vzdálenosti` and `Jednotný
//! ceník`; docs/compare.md); without it the defaults are used and said so.
//! `--shared-reduction 0.3` states that a merger saves 30 % of shared
//! management costs (category `rezie`), over the sheet's value. `--json`
//! writes the comparison as JSON (`-`: standard output). Exit status: 0
//! done, 1 no workbook could be read or an output cannot be written, 2
//! wrong usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Parser;
use homecare_audit::compare::{Merger, MergerStudy, Mode, PeerGroup, mode};
use homecare_audit::law::LawTables;
use homecare_audit::workbook::{
    ComparisonWorkbook, ReadOptions, read_benchmarks_path, read_law_path, read_merger_path,
    read_path,
};
use homecare_audit::{Audit, AuditReport, BenchmarkSet, Dataset, Lang};
use rust_decimal::Decimal;

/// Srovnání poskytovatelů, vývoj jednoho poskytovatele, nebo studie sloučení.
/// Compares providers, one provider over periods, or studies a merger.
#[derive(Parser)]
#[command(name = "compare", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Sešity nebo složky se sešity / workbooks, or folders of workbooks
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

Příklad / example:
  cargo run --release --example compare -- mesto-a.xlsx mesto-b.xlsx mesto-c.xlsx --merge --merger slouceni.xlsx --json -";

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("cs nebo en / cs or en, not {s:?}"))
}

fn parse_share(v: &str) -> Result<Decimal, String> {
    let d: Decimal = v
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("není číslo / not a number: {v}"))?;
    if d < Decimal::ZERO || d > Decimal::ONE {
        return Err(format!(
            "musí být mezi 0 a 1 / must be between 0 and 1: {v}"
        ));
    }
    Ok(d)
}

/// The study's assumptions: the merger workbook's, or the defaults; the
/// command line's shared reduction over either. `None` after saying why.
fn merger_of(args: &Args, lang: Lang) -> Option<Merger> {
    let mut merger = match &args.merger {
        Some(path) => match read_merger_path(path, &ReadOptions::default()) {
            Ok((m, problems)) => {
                for p in problems.rejections() {
                    eprintln!("{}", p.describe(lang));
                }
                m
            }
            Err(e) => {
                eprintln!("{}: {}", path.display(), e.describe(lang));
                return None;
            }
        },
        None => Merger::default(),
    };
    if args.merger.is_none() || !merger.sources.contains_key("name") {
        merger.name = lang.pick("Sloučená služba", "Merged service").to_string();
    }
    if let Some(r) = args.reduction {
        merger.shared_reduction = r;
        merger
            .sources
            .insert("shared_reduction".into(), "--shared-reduction".into());
    }
    Some(merger)
}

/// The comparison as JSON: the providers, the peer group or the trend, and
/// the merger study; decimals as strings, as in the audit's JSON.
fn comparison_json(
    how: Mode,
    entries: &[(String, &AuditReport)],
    study: Option<&MergerStudy>,
) -> serde_json::Value {
    let reports: Vec<&AuditReport> = entries.iter().map(|(_, r)| *r).collect();
    let providers: Vec<serde_json::Value> = entries
        .iter()
        .map(|(file, r)| serde_json::json!({ "file": file, "provider": r.provider }))
        .collect();
    let mut out = serde_json::json!({
        "mode": match how { Mode::Peers => "peers", Mode::Trend => "trend" },
        "providers": providers,
    });
    match how {
        Mode::Peers => out["peers"] = serde_json::json!(PeerGroup::new(&reports)),
        Mode::Trend => {
            let mut trend = serde_json::Map::new();
            for (id, _) in homecare_audit::indicator::catalog::all_ids() {
                let values: Vec<Option<Decimal>> = reports.iter().map(|r| r.value(&id)).collect();
                trend.insert(id, serde_json::json!(values));
            }
            out["trend"] = serde_json::Value::Object(trend);
        }
    }
    if let Some(s) = study {
        out["merger"] = serde_json::json!(s);
    }
    out
}

fn write_json(target: &str, value: &serde_json::Value) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)? + "\n";
    if target == "-" {
        use std::io::Write;
        std::io::stdout().lock().write_all(text.as_bytes())
    } else {
        std::fs::write(target, text)
    }
}

/// The workbooks named, folders expanded (sorted for a stable order).
fn workbooks(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let is_workbook = |p: &Path| {
        p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"
            )
        })
    };
    let mut out = Vec::new();
    for i in inputs {
        if i.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(i)
                .map_err(|e| format!("{}: {e}", i.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && is_workbook(p))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(i.clone());
        }
    }
    Ok(out)
}

type Audited = (PathBuf, Dataset, AuditReport);

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang;
    let files = match workbooks(&args.inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut extra_law = Vec::new();
    if let Some(path) = &args.law {
        match read_law_path(path, &ReadOptions::default()) {
            Ok((rows, lp)) => {
                for p in lp.rejections() {
                    eprintln!("{}: {} ({})", p.place, p.reason.message(lang), p.raw);
                }
                extra_law = rows;
            }
            Err(e) => {
                eprintln!("{}: {}", path.display(), e.describe(lang));
                return ExitCode::from(1);
            }
        }
    }
    let law_for = |ds: &Dataset| {
        let mut law = ds.law_tables();
        law.extend(extra_law.iter().cloned());
        law
    };
    let mut extra = BenchmarkSet::new();
    if let Some(path) = &args.benchmarks {
        match read_benchmarks_path(path, &ReadOptions::default()) {
            Ok((set, _)) => {
                extra = set;
            }
            Err(e) => {
                eprintln!("{}: {}", path.display(), e.describe(lang));
                return ExitCode::from(1);
            }
        }
    }

    // Audit in parallel: each thread takes the next file.
    let n = files.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Audited>>> = Mutex::new((0..n).map(|_| None).collect());
    let threads = std::thread::available_parallelism()
        .map(|p| p.get())
        .unwrap_or(1)
        .min(n.max(1));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let path = &files[i];
                    let outcome = read_path(path, &ReadOptions::default()).map(|(ds, problems)| {
                        let mut set = BenchmarkSet::for_dataset(&ds);
                        set.extend(extra.rows.iter().cloned());
                        let law = law_for(&ds);
                        let report = Audit::new(&ds)
                            .problems(&problems)
                            .benchmarks(&set)
                            .law(&law)
                            .run();
                        (ds, report)
                    });
                    let k = done.fetch_add(1, Ordering::Relaxed) + 1;
                    match outcome {
                        Ok((ds, report)) => {
                            eprintln!("[{k}/{n}] {}", path.display());
                            if let Ok(mut r) = results.lock() {
                                r[i] = Some((path.clone(), ds, report));
                            }
                        }
                        Err(e) => eprintln!("[{k}/{n}] {}: {}", path.display(), e.describe(lang)),
                    }
                }
            });
        }
    });
    let audited: Vec<Audited> = results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    if audited.is_empty() {
        eprintln!(
            "{}",
            lang.pick(
                "žádný sešit se nepodařilo načíst",
                "no workbook could be read"
            )
        );
        return ExitCode::from(1);
    }

    let datasets: Vec<&Dataset> = audited.iter().map(|(_, d, _)| d).collect();
    let how = mode(&datasets);
    let label = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let entries: Vec<(String, &AuditReport)> =
        audited.iter().map(|(p, _, r)| (label(p), r)).collect();

    let study = if args.merge {
        let Some(merger) = merger_of(&args, lang) else {
            return ExitCode::from(1);
        };
        let mut law = LawTables::built_in();
        law.extend(extra_law.iter().cloned());
        let parts: Vec<(&Dataset, &AuditReport)> = audited.iter().map(|(_, d, r)| (d, r)).collect();
        let audit = |ds: &Dataset| {
            let mut set = BenchmarkSet::for_dataset(ds);
            set.extend(extra.rows.iter().cloned());
            let law = law_for(ds);
            Audit::new(ds)
                .benchmarks(&set)
                .law(&law)
                .eighty_hour_rule(merger.eighty_hour_rule)
                .run()
        };
        match merger.study(&parts, &law, audit) {
            Ok(study) => Some(study),
            Err(e) => {
                eprintln!("merge: {}", e.describe(lang));
                return ExitCode::from(1);
            }
        }
    } else {
        None
    };
    let mut book = ComparisonWorkbook::new(entries.clone())
        .mode(how)
        .lang(lang);
    if let Some(study) = &study {
        book = book.study(study);
    }
    if let Err(e) = book.save(&args.output) {
        eprintln!("{}", e.describe(lang));
        return ExitCode::from(1);
    }
    if let Some(target) = &args.json {
        let value = comparison_json(how, &entries, study.as_ref());
        if let Err(e) = write_json(target, &value) {
            eprintln!("{target}: {e}");
            return ExitCode::from(1);
        }
    }
    let what = match how {
        Mode::Peers => lang.pick("srovnání poskytovatelů", "peer comparison"),
        Mode::Trend => lang.pick("vývoj jednoho poskytovatele", "one provider's trend"),
    };
    eprintln!(
        "{} ({what}): {}",
        lang.pick("Zapsáno", "Written"),
        args.output.display()
    );
    ExitCode::SUCCESS
}
