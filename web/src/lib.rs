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
use homecare_audit::run::{
    AuditRequest, CompareRequest, MappingProposal, MappingRow, ProviderFiles, Source,
    StarterWorkbook, mapping_workbook, parse_date, parse_share,
};
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

/// The options of an audit as the page's form gives them (JSON), parsed
/// by the layer's own functions as the command line's are.
#[derive(serde::Deserialize, Default)]
struct FormOptions {
    lang: Option<String>,
    public: Option<bool>,
    caps_date: Option<String>,
    retarget_share: Option<String>,
    retarget_clients: Option<String>,
}

/// Each of `files` (Uint8Arrays) with its name and, where the page has
/// it, its SHA-256, as the layer's sources.
fn sources(names: &[String], files: &js_sys::Array, digests: &[String]) -> Vec<Source> {
    names
        .iter()
        .zip(files.iter())
        .enumerate()
        .map(|(i, (n, f))| {
            let bytes = js_sys::Uint8Array::new(&f).to_vec();
            // The browser's own SHA-256 of the file, when the worker has
            // one (WebCrypto): the library's, in WebAssembly, took a tenth
            // of the audit. Empty: the library hashes the bytes.
            match digests.get(i).filter(|d| !d.is_empty()) {
                Some(d) => Source::bytes_with_sha256(n.clone(), bytes, d.as_str()),
                None => Source::bytes(n.clone(), bytes),
            }
        })
        .collect()
}

/// An optional workbook given as bytes, named for the messages.
fn optional(bytes: Option<Vec<u8>>, name: &str) -> Option<Source> {
    bytes.map(|b| Source::bytes(name, b))
}

/// Audits one provider's records given as several files: workbooks and
/// CSV exports (`names[i]` is `files[i]`'s name, `digests[i]` its
/// SHA-256 in hex or empty; the first is the main input), with the
/// optional column mapping, law, benchmarks and financing workbooks, and
/// the form's options (JSON: `lang`, `public`, `caps_date`,
/// `retarget_share`, `retarget_clients`).
///
/// # Errors
///
/// An option that does not parse, or the library's error, in one line.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn audit_files(
    names: Vec<String>,
    files: js_sys::Array,
    digests: Vec<String>,
    mapping: Option<Vec<u8>>,
    law: Option<Vec<u8>>,
    benchmarks: Option<Vec<u8>>,
    financing: Option<Vec<u8>>,
    options: &str,
    on_progress: Option<js_sys::Function>,
) -> Result<AuditOutput, JsError> {
    let o: FormOptions = serde_json::from_str(options).unwrap_or_default();
    let lang = o.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Cs);
    PROGRESS.with(|p| *p.borrow_mut() = on_progress);
    let out = (|| {
        let mut all = sources(&names, &files, &digests).into_iter();
        let first = all.next().ok_or_else(|| {
            lang.pick(
                "vyberte sešit nebo soubory poskytovatele",
                "choose the provider's workbook or files",
            )
            .to_string()
        })?;
        let share = match o.retarget_share.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(s) => Some(parse_share(s)?),
            None => None,
        };
        let clients = match o
            .retarget_clients
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            Some(s) => Some(s.trim().parse::<u32>().map_err(|_| {
                lang.pick(
                    "počet nových klientů: celé číslo",
                    "new clients: a whole number",
                )
                .to_string()
            })?),
            None => None,
        };
        let caps = match o.caps_date.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(s) => Some(parse_date(s)?),
            None => None,
        };
        let said = |e: homecare_audit::Error| e.describe(lang);
        let inputs = AuditRequest::new(first)
            .more_files(all.collect())
            // Named as a workbook: an input's kind is read from its name.
            .mapping(optional(
                mapping,
                lang.pick("mapovani-sloupcu.xlsx", "column-mapping.xlsx"),
            ))
            .law(optional(law, lang.pick("zákonné limity", "law")))
            .benchmarks(optional(
                benchmarks,
                lang.pick("srovnávací hodnoty", "benchmarks"),
            ))
            .financing(optional(financing, lang.pick("financování", "financing")))
            .public(o.public.unwrap_or(false))
            .caps_date(caps)
            .retarget_share(share)
            .retarget_clients(clients)
            .lang(lang)
            .progress(progress)
            .read()
            .map_err(said)?;
        progress("audit", 0);
        let audited = inputs.audit();
        progress("report", 0);
        Ok::<_, String>(AuditOutput {
            report: audited.report_bytes().map_err(said)?,
            json: audited.json().map_err(said)?,
            summary: audited.summary_text(),
            view: serde_json::to_string(&audited.summary()).map_err(|e| e.to_string())?,
        })
    })();
    PROGRESS.with(|p| *p.borrow_mut() = None);
    out.map_err(|e| JsError::new(&e))
}

/// What one comparison gives the page.
#[wasm_bindgen]
pub struct CompareOutput {
    workbook: Vec<u8>,
    json: String,
    lines: String,
}

#[wasm_bindgen]
impl CompareOutput {
    /// The comparison workbook (.xlsx).
    #[wasm_bindgen(getter)]
    pub fn workbook(&self) -> Vec<u8> {
        self.workbook.clone()
    }

    /// The comparison as `compare --json` writes it.
    #[wasm_bindgen(getter)]
    pub fn json(&self) -> String {
        self.json.clone()
    }

    /// What was compared and what was refused, as lines for the page.
    #[wasm_bindgen(getter)]
    pub fn lines(&self) -> String {
        self.lines.clone()
    }
}

/// Compares providers: `files[i]` named `names[i]` (SHA-256 `digests[i]`,
/// or empty) belongs to provider
/// `groups[i]`, named `providers[groups[i]]` (a provider may be several
/// files: a subfolder of a chosen folder, as `compare DIR` reads one);
/// with `merge`, the merger study with its optional assumptions workbook.
///
/// # Errors
///
/// The library's error, in one line (no provider could be read, a merger
/// of fewer than two services, an unreadable merger workbook, …).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn compare_files(
    names: Vec<String>,
    files: js_sys::Array,
    digests: Vec<String>,
    groups: Vec<u32>,
    providers: Vec<String>,
    merge: bool,
    merger: Option<Vec<u8>>,
    benchmarks: Option<Vec<u8>>,
    lang: &str,
) -> Result<CompareOutput, JsError> {
    let lang = Lang::parse(lang).unwrap_or(Lang::Cs);
    let said = |e: homecare_audit::Error| JsError::new(&e.describe(lang));
    let mut grouped: Vec<ProviderFiles> = providers
        .iter()
        .map(|name| ProviderFiles {
            name: name.clone(),
            files: Vec::new(),
        })
        .collect();
    for (source, g) in sources(&names, &files, &digests).into_iter().zip(&groups) {
        if let Some(p) = grouped.get_mut(*g as usize) {
            p.files.push(source);
        }
    }
    grouped.retain(|p| !p.files.is_empty());
    let comparison = CompareRequest::of_providers(grouped)
        .merge(merge)
        .merger(optional(
            merger,
            lang.pick("sešit sloučení", "merger workbook"),
        ))
        .benchmarks(optional(
            benchmarks,
            lang.pick("srovnávací hodnoty", "benchmarks"),
        ))
        .lang(lang)
        .run()
        .map_err(said)?;
    let mut lines = vec![comparison.describe_mode().to_string()];
    lines.extend(comparison.refused().iter().map(|e| e.describe(lang)));
    lines.extend(comparison.other_rejected_lines());
    Ok(CompareOutput {
        workbook: comparison.workbook().to_buffer().map_err(said)?,
        json: comparison.json().map_err(said)?,
        lines: lines.join("\n"),
    })
}

/// A workbook to start from: `template`, `template-mapping`, `law` or
/// `benchmarks` (with the example financing sheet); its file name in
/// `lang` is [`starter_name`].
///
/// # Errors
///
/// An unknown kind, or the writer's error.
#[wasm_bindgen]
pub fn starter(kind: &str) -> Result<Vec<u8>, JsError> {
    let k = StarterWorkbook::parse(kind).ok_or_else(|| JsError::new("unknown workbook"))?;
    k.bytes().map_err(|e| JsError::new(&e.describe(Lang::Cs)))
}

/// The file name of [`starter`]'s workbook in `lang`.
#[wasm_bindgen]
pub fn starter_name(kind: &str, lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or(Lang::Cs);
    StarterWorkbook::parse(kind)
        .map(|k| k.file_name(lang).to_string())
        .unwrap_or_default()
}

/// When the records cannot be read because a sheet's header lacks one of
/// our columns (an export with its own headers): the mapping to propose,
/// as JSON ([`MappingProposal`]); empty when they read, or fail otherwise.
#[wasm_bindgen]
pub fn propose_mapping(
    names: Vec<String>,
    files: js_sys::Array,
    digests: Vec<String>,
    mapping: Option<Vec<u8>>,
) -> String {
    let mut all = sources(&names, &files, &digests).into_iter();
    let Some(first) = all.next() else {
        return String::new();
    };
    let read = AuditRequest::new(first)
        .more_files(all.collect())
        .mapping(optional(mapping, "mapovani-sloupcu.xlsx"))
        .read();
    match read {
        Err(e) => MappingProposal::of(&e)
            .and_then(|p| serde_json::to_string(&p).ok())
            .unwrap_or_default(),
        Ok(_) => String::new(),
    }
}

/// The `Sloupce` workbook of the auditor's picks (`rows`: JSON, a list of
/// `{sheet, column, header, file}`).
///
/// # Errors
///
/// Rows that are not that JSON, or the writer's error.
#[wasm_bindgen]
pub fn mapping_bytes(rows: &str) -> Result<Vec<u8>, JsError> {
    let rows: Vec<MappingRow> =
        serde_json::from_str(rows).map_err(|e| JsError::new(&e.to_string()))?;
    mapping_workbook(&rows).map_err(|e| JsError::new(&e.describe(Lang::Cs)))
}
