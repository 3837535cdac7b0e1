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
//!     [--merge] [--shared-reduction SHARE] [--benchmarks FILE] [--lang cs|en]
//! ```
//!
//! INPUT is a workbook or a folder (its `.xlsx`, `.xlsm`, `.xlsb`, `.xls`
//! and `.ods` files). `--shared-reduction 0.3` states that a merger saves
//! 30 % of shared management costs (category `rezie`); default 0. Exit
//! status: 0 done, 1 no workbook could be read or the output cannot be
//! written, 2 wrong usage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use homecare_audit::compare::{Merger, Mode, mode};
use homecare_audit::xlsx::{ComparisonWorkbook, ReadOptions, read_benchmarks_path, read_path};
use homecare_audit::{Audit, AuditReport, BenchmarkSet, Dataset, Lang};
use rust_decimal::Decimal;

struct Args {
    inputs: Vec<PathBuf>,
    output: PathBuf,
    merge: bool,
    reduction: Decimal,
    benchmarks: Option<PathBuf>,
    lang: Lang,
}

const USAGE: &str = "usage: compare INPUT... [-o COMPARISON.xlsx] [--merge] \
                     [--shared-reduction SHARE] [--benchmarks FILE] [--lang cs|en]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        inputs: Vec::new(),
        output: PathBuf::from("comparison.xlsx"),
        merge: false,
        reduction: Decimal::ZERO,
        benchmarks: None,
        lang: Lang::Cs,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => args.output = it.next().ok_or("-o needs a path")?.into(),
            "--merge" => args.merge = true,
            "--shared-reduction" => {
                let v = it.next().ok_or("--shared-reduction needs a share")?;
                let d: Decimal = v
                    .replace(',', ".")
                    .parse()
                    .map_err(|_| format!("not a number: {v}"))?;
                if d < Decimal::ZERO || d > Decimal::ONE {
                    return Err(format!("--shared-reduction must be between 0 and 1: {v}"));
                }
                args.reduction = d;
            }
            "--benchmarks" => {
                args.benchmarks = Some(it.next().ok_or("--benchmarks needs a workbook")?.into())
            }
            "--lang" => {
                let l = it.next().ok_or("--lang needs cs or en")?;
                args.lang = Lang::parse(&l).ok_or(format!("unknown language {l}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => args.inputs.push(a.into()),
        }
    }
    if args.inputs.is_empty() {
        return Err("no input".into());
    }
    Ok(args)
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
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let lang = args.lang;
    let files = match workbooks(&args.inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
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
                        let report = Audit::new(&ds).problems(&problems).benchmarks(&set).run();
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

    let merged = if args.merge {
        let mut merger = Merger::with_reduction(args.reduction);
        merger.name = lang.pick("Sloučená služba", "Merged service").to_string();
        match merger.merge(&datasets) {
            Ok((ds, summary)) => {
                let mut set = BenchmarkSet::for_dataset(&ds);
                set.extend(extra.rows.iter().cloned());
                let report = Audit::new(&ds).benchmarks(&set).run();
                Some((report, summary))
            }
            Err(e) => {
                eprintln!("merge: {}", e.describe(lang));
                return ExitCode::from(1);
            }
        }
    } else {
        None
    };
    let mut book = ComparisonWorkbook::new(entries).mode(how).lang(lang);
    if let Some((r, s)) = &merged {
        book = book.merged(r, s);
    }
    if let Err(e) = book.save(&args.output) {
        eprintln!("error: {}: {e}", args.output.display());
        return ExitCode::from(1);
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
