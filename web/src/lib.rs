//! The audit in a web page: the homecare-audit library compiled to
//! WebAssembly, with one function for the page's Web Worker. Workbook bytes
//! in; the report workbook, the JSON report, the text summary and what the
//! page shows out. Nothing leaves the user's computer: there is no network
//! code here or in the library.
//!
//! The library itself stays free of browser code; this crate is the only
//! place that knows about JavaScript.

use std::cell::RefCell;

use homecare_audit::audit::Status;
use homecare_audit::audit::summary::{HEADLINES, format_value, summary};
use homecare_audit::indicator::catalog::label;
use homecare_audit::workbook::{ReadOptions, ReportWorkbook, read_benchmarks_bytes, read_bytes};
use homecare_audit::{Audit, AuditReport, BenchmarkSet, Dataset, Lang, Problems};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Rows of a table the page lists in full at most; the rest are counted
/// (the report workbook has them all).
const LISTED: usize = 200;

thread_local! {
    /// The page's progress callback for the audit under way. The library's
    /// progress hook must be `Send + Sync`; a JavaScript function is
    /// neither, so the hook reaches it through this (the worker has one
    /// thread).
    static PROGRESS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

fn progress(phase: &str, rows: u64) {
    PROGRESS.with(|p| {
        if let Some(f) = p.borrow().as_ref() {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from_str(phase),
                &JsValue::from_f64(rows as f64),
            );
        }
    });
}

/// What one audit gives the page.
#[wasm_bindgen]
pub struct AuditOutput {
    report: Vec<u8>,
    json: String,
    summary: String,
    view: String,
}

#[wasm_bindgen]
impl AuditOutput {
    /// The report workbook (.xlsx).
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> Vec<u8> {
        self.report.clone()
    }

    /// The JSON report, as `audit --json` writes it.
    #[wasm_bindgen(getter)]
    pub fn json(&self) -> String {
        self.json.clone()
    }

    /// The text summary, as `audit` prints it.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> String {
        self.summary.clone()
    }

    /// What the page shows, as JSON ([`View`]).
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> String {
        self.view.clone()
    }
}

/// Audits a provider's workbook.
///
/// `file_name` names the input in the report (`Metodika`, links);
/// `benchmarks` is an optional region's benchmarks workbook; `lang` is `cs`
/// or `en`; `on_progress(phase, rows)` is called while reading (phase: the
/// sheet's name) and at each later phase (`audit`, `report`).
///
/// # Errors
///
/// The library's error, in one line in `lang`, when a workbook cannot be
/// read (not a workbook, over a read limit, a required sheet missing, …) or
/// the report cannot be written.
#[wasm_bindgen]
pub fn audit(
    input: &[u8],
    file_name: &str,
    benchmarks: Option<Vec<u8>>,
    lang: &str,
    on_progress: Option<js_sys::Function>,
) -> Result<AuditOutput, JsError> {
    let lang = Lang::parse(lang).unwrap_or(Lang::Cs);
    PROGRESS.with(|p| *p.borrow_mut() = on_progress);
    let out = run(input, file_name, benchmarks.as_deref(), lang);
    PROGRESS.with(|p| *p.borrow_mut() = None);
    out.map_err(|e| JsError::new(&e))
}

/// The audit, as the command-line tool runs it: the same reading options,
/// benchmarks and legal tables, the same JSON.
pub fn run(
    input: &[u8],
    file_name: &str,
    benchmarks: Option<&[u8]>,
    lang: Lang,
) -> Result<AuditOutput, String> {
    let options = ReadOptions::default().progress(progress);
    let (dataset, problems) = read_bytes(input, Some(file_name), &options)
        .map_err(|e| format!("{file_name}: {}", e.describe(lang)))?;
    let mut set = BenchmarkSet::for_dataset(&dataset);
    if let Some(bytes) = benchmarks {
        let (extra, _) = read_benchmarks_bytes(bytes, &ReadOptions::default()).map_err(|e| {
            format!(
                "{}: {}",
                lang.pick("srovnávací hodnoty", "benchmarks"),
                e.describe(lang)
            )
        })?;
        set.extend(extra.rows);
    }
    let law = dataset.law_tables();
    progress("audit", 0);
    let report = Audit::new(&dataset)
        .problems(&problems)
        .benchmarks(&set)
        .law(&law)
        .run();
    progress("report", 0);
    let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n";
    let bytes = ReportWorkbook::new(&report, &dataset)
        .lang(lang)
        .input_link(Some(file_name.to_string()))
        .to_buffer()
        .map_err(|e| e.describe(lang))?;
    let view = serde_json::to_string(&View::new(&report, &dataset, &problems, lang))
        .map_err(|e| e.to_string())?;
    Ok(AuditOutput {
        report: bytes,
        json,
        summary: summary(&report, lang),
        view,
    })
}

/// What the page shows, in the audit's language, formatted as the summary
/// formats it; exact values beside for machines.
#[derive(Serialize)]
pub struct View {
    provider: String,
    period: Option<String>,
    law_warning: Option<String>,
    families: Vec<Family>,
    findings: Vec<FindingGroup>,
    findings_total: usize,
    rows: Vec<SheetRows>,
    rejected: Vec<Rejected>,
    rejected_total: usize,
}

#[derive(Serialize)]
struct Family {
    name: &'static str,
    indicators: Vec<Headline>,
}

#[derive(Serialize)]
struct Headline {
    id: &'static str,
    label: String,
    value: String,
    /// The exact value (a decimal string), `None` when not available.
    exact: Option<String>,
    status: &'static str,
}

#[derive(Serialize)]
struct FindingGroup {
    kind: String,
    label: &'static str,
    count: usize,
    first: Vec<FindingRow>,
}

#[derive(Serialize)]
struct FindingRow {
    place: String,
    detail: String,
}

#[derive(Serialize)]
struct SheetRows {
    sheet: String,
    read: u64,
    accepted: u64,
    rejected: u64,
}

#[derive(Serialize)]
struct Rejected {
    place: String,
    raw: String,
    reason: String,
}

impl View {
    fn new(r: &AuditReport, ds: &Dataset, problems: &Problems, lang: Lang) -> View {
        let families = HEADLINES
            .iter()
            .map(|(cs, en, ids)| Family {
                name: lang.pick(cs, en),
                indicators: ids
                    .iter()
                    .filter_map(|id| {
                        let i = r.indicator(id)?;
                        Some(Headline {
                            id,
                            label: label(id, lang),
                            value: format_value(i, lang),
                            exact: i.value.map(|v| v.to_string()),
                            status: match i.status {
                                Status::Ok => "ok",
                                Status::Warn => "warn",
                                Status::Bad => "bad",
                                Status::None => "none",
                            },
                        })
                    })
                    .collect(),
            })
            .collect();
        let mut findings: Vec<FindingGroup> = Vec::new();
        for f in &r.findings {
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            if findings.last().is_none_or(|g| g.kind != kind) {
                findings.push(FindingGroup {
                    kind,
                    label: f.kind.label(lang),
                    count: 0,
                    first: Vec::new(),
                });
            }
            if let Some(g) = findings.last_mut() {
                g.count += 1;
                if g.first.len() < LISTED {
                    g.first.push(FindingRow {
                        place: f.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                        detail: f.detail(lang).to_string(),
                    });
                }
            }
        }
        let rejections: Vec<_> = problems.rejections().collect();
        View {
            provider: ds.provider.name.clone(),
            period: r.provider.period.map(|p| {
                format!(
                    "{} – {}",
                    homecare_audit::display::date(p.from, lang),
                    homecare_audit::display::date(p.to, lang)
                )
            }),
            law_warning: r.law_warning(lang),
            families,
            findings_total: r.findings.len(),
            findings,
            rows: problems
                .rows
                .iter()
                .map(|(sheet, c)| SheetRows {
                    sheet: sheet.clone(),
                    read: c.read,
                    accepted: c.accepted,
                    rejected: c.rejected,
                })
                .collect(),
            rejected_total: rejections.len(),
            rejected: rejections
                .iter()
                .take(LISTED)
                .map(|p| Rejected {
                    place: p.place.to_string(),
                    raw: p.raw.clone(),
                    reason: p.reason.message(lang),
                })
                .collect(),
        }
    }
}
