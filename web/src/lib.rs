//! The audit in a web page: the homecare-audit library compiled to
//! WebAssembly, with one function for the page's Web Worker. Workbook bytes
//! in; the report workbook, the JSON report, the text summary and what the
//! page shows out. Nothing leaves the user's computer: there is no network
//! code here or in the library.
//!
//! The library itself stays free of browser code; this crate is the only
//! place that knows about JavaScript.

use std::cell::RefCell;

use homecare_audit::Lang;
use homecare_audit::run::{AuditRequest, Source};
use wasm_bindgen::prelude::*;

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

    /// What the page shows, as JSON ([`homecare_audit::run::Summary`]).
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

/// The audit, as the command-line tool runs it: the layer's request, its
/// summary, JSON and report.
pub fn run(
    input: &[u8],
    file_name: &str,
    benchmarks: Option<&[u8]>,
    lang: Lang,
) -> Result<AuditOutput, String> {
    let said = |e: homecare_audit::Error| e.describe(lang);
    let inputs = AuditRequest::new(Source::bytes(file_name, input.to_vec()))
        .benchmarks(
            benchmarks
                .map(|b| Source::bytes(lang.pick("srovnávací hodnoty", "benchmarks"), b.to_vec())),
        )
        .lang(lang)
        .progress(progress)
        .read()
        .map_err(said)?;
    progress("audit", 0);
    let audited = inputs.audit();
    progress("report", 0);
    Ok(AuditOutput {
        report: audited.report_bytes().map_err(said)?,
        json: audited.json().map_err(said)?,
        summary: audited.summary_text(),
        view: serde_json::to_string(&audited.summary()).map_err(|e| e.to_string())?,
    })
}
