//! Several audits at once: [`CompareRequest`] (the workbooks, the law and
//! benchmarks for all, the merger study's assumptions) →
//! [`CompareRequest::run`] → [`Comparison`] (peers or trend, the merger
//! study, the comparison workbook and its JSON).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::source::{Source, keep_rejected};
use crate::audit::{Audit, AuditReport};
use crate::benchmark::{Benchmark, BenchmarkSet};
use crate::compare::{Merger, MergerStudy, Mode, PeerGroup};
use crate::error::{Error, ErrorKind};
use crate::i18n::{Lang, Text};
use crate::law::{LawRow, LawTables};
use crate::model::Dataset;
use crate::problem::Problem;
use crate::workbook::{ComparisonWorkbook, ReadOptions};

/// Called as each workbook is audited: how many are done, of how many,
/// the workbook's name, and its error when it was refused.
pub type CompareProgress = dyn Fn(usize, usize, &str, Option<&Error>) + Send + Sync;

/// The workbooks named, folders expanded to their `.xlsx`, `.xlsm`,
/// `.xlsb`, `.xls` and `.ods` files (sorted by name, for a stable order).
///
/// ```
/// let files = homecare_audit::run::workbooks_in(&["fixtures/formats".into()])?;
/// assert!(files.iter().any(|f| f.ends_with("small.ods")));
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Io`] when a folder cannot be listed.
pub fn workbooks_in(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for i in inputs {
        if i.is_dir() {
            let io = |err| {
                Error::new(ErrorKind::Io {
                    path: Some(i.clone()),
                    err,
                })
            };
            let mut found: Vec<PathBuf> = std::fs::read_dir(i)
                .map_err(io)?
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

/// One provider in a comparison: a workbook, or the files of its records
/// (a folder of exports, CSV files, the auditor's workbook).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderFiles {
    /// How the comparison names it: the workbook's or the folder's name.
    pub name: String,
    /// Its files, the first one first.
    pub files: Vec<Source>,
}

impl ProviderFiles {
    /// A provider of one workbook.
    pub fn one(source: Source) -> ProviderFiles {
        ProviderFiles {
            name: source.file_name(),
            files: vec![source],
        }
    }
}

/// The providers the paths name, each a workbook or a folder of one
/// provider's records:
///
/// - a workbook or CSV file given: one provider;
/// - a folder given: each of its subfolders is one provider (every file in
///   it, workbooks and CSV, its records); of its own files, when one is a
///   CSV file they are together one provider's records, else each
///   workbook is a provider (a folder of the services' workbooks, as
///   `merger_sample` writes).
///
/// Files are sorted by name, for a stable order.
///
/// ```
/// let providers = homecare_audit::run::providers_in(&["fixtures/formats".into()])?;
/// assert!(providers.iter().any(|p| p.name == "small.ods"));
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Io`] when a folder cannot be listed.
pub fn providers_in(inputs: &[PathBuf]) -> Result<Vec<ProviderFiles>, Error> {
    let mut out = Vec::new();
    for i in inputs {
        if !i.is_dir() {
            out.push(ProviderFiles::one(Source::Path(i.clone())));
            continue;
        }
        let (files, folders) = listing(i)?;
        for folder in folders {
            let (records, _) = listing(&folder)?;
            if !records.is_empty() {
                out.push(ProviderFiles {
                    name: super::source::Source::Path(folder.clone()).file_name(),
                    files: records.into_iter().map(Source::Path).collect(),
                });
            }
        }
        if files.iter().any(|f| is_delimited(f)) {
            out.push(ProviderFiles {
                name: Source::Path(i.clone()).file_name(),
                files: files.into_iter().map(Source::Path).collect(),
            });
        } else {
            out.extend(
                files
                    .into_iter()
                    .map(|f| ProviderFiles::one(Source::Path(f))),
            );
        }
    }
    Ok(out)
}

/// A folder's record files (workbooks and CSV, sorted) and subfolders.
fn listing(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Error> {
    let io = |err| {
        Error::new(ErrorKind::Io {
            path: Some(dir.to_path_buf()),
            err,
        })
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let (folders, files): (Vec<PathBuf>, Vec<PathBuf>) =
        entries.into_iter().partition(|p| p.is_dir());
    let files = files
        .into_iter()
        .filter(|p| p.is_file() && (is_workbook(p) || is_delimited(p)))
        .collect();
    Ok((files, folders))
}

fn extension(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn is_workbook(p: &Path) -> bool {
    matches!(
        extension(p).as_str(),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"
    )
}

fn is_delimited(p: &Path) -> bool {
    matches!(extension(p).as_str(), "csv" | "tsv")
}

/// A comparison of several providers' workbooks.
///
/// ```
/// use homecare_audit::compare::Mode;
/// use homecare_audit::run::{CompareRequest, Source};
/// let comparison = CompareRequest::new(vec![
///     Source::path("fixtures/sample.xlsx"),
///     Source::path("fixtures/formats/small.ods"),
/// ])
/// .run()?;
/// // Two providers: peers, not a trend.
/// assert_eq!(comparison.mode(), Mode::Peers);
/// assert_eq!(comparison.audits().len(), 2);
/// assert!(comparison.refused().is_empty());
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone)]
pub struct CompareRequest {
    inputs: Vec<ProviderFiles>,
    law: Option<Source>,
    benchmarks: Option<Source>,
    merge: bool,
    merger: Option<Source>,
    shared_reduction: Option<Decimal>,
    lang: Lang,
    progress: Option<Arc<CompareProgress>>,
}

impl std::fmt::Debug for CompareRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompareRequest")
            .field(
                "inputs",
                &self
                    .inputs
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("merge", &self.merge)
            .finish_non_exhaustive()
    }
}

impl CompareRequest {
    /// A comparison of `inputs` (one workbook a provider), with the
    /// built-in law and benchmarks.
    pub fn new(inputs: Vec<Source>) -> CompareRequest {
        CompareRequest::of_providers(inputs.into_iter().map(ProviderFiles::one).collect())
    }

    /// A comparison of providers each made of one or several files
    /// ([`providers_in`]).
    pub fn of_providers(inputs: Vec<ProviderFiles>) -> CompareRequest {
        CompareRequest {
            inputs,
            law: None,
            benchmarks: None,
            merge: false,
            merger: None,
            shared_reduction: None,
            lang: Lang::Cs,
            progress: None,
        }
    }

    /// A law workbook for every service.
    pub fn law(mut self, law: Option<Source>) -> Self {
        self.law = law;
        self
    }

    /// A region's benchmarks workbook for every service.
    pub fn benchmarks(mut self, benchmarks: Option<Source>) -> Self {
        self.benchmarks = benchmarks;
        self
    }

    /// Also study the services merged into one.
    ///
    /// ```
    /// use homecare_audit::ErrorKind;
    /// use homecare_audit::run::{CompareRequest, Source};
    /// let two = vec![
    ///     Source::path("fixtures/sample.xlsx"),
    ///     Source::path("fixtures/formats/small.ods"),
    /// ];
    /// let comparison = CompareRequest::new(two).merge(true).run()?;
    /// assert!(comparison.study().is_some());
    /// // A merger of one service is no merger.
    /// let one = vec![Source::path("fixtures/sample.xlsx")];
    /// let e = CompareRequest::new(one).merge(true).run().unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::Usage { .. }));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn merge(mut self, yes: bool) -> Self {
        self.merge = yes;
        self
    }

    /// The merger study's assumptions workbook (`Sloučení`, `Vzdálenosti`,
    /// `Jednotný ceník`); without it the defaults, which the study says.
    pub fn merger(mut self, merger: Option<Source>) -> Self {
        self.merger = merger;
        self
    }

    /// The share of shared management costs a merger saves, over the
    /// merger workbook's.
    pub fn shared_reduction(mut self, share: Option<Decimal>) -> Self {
        self.shared_reduction = share;
        self
    }

    /// The language of the workbook and the messages.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Called as each workbook is audited.
    pub fn progress(
        mut self,
        f: impl Fn(usize, usize, &str, Option<&Error>) + Send + Sync + 'static,
    ) -> Self {
        self.progress = Some(Arc::new(f));
        self
    }

    /// Audits every workbook (in parallel on all cores, one by one in
    /// WebAssembly), then compares them: peers, or one provider's trend in
    /// period order; with [`CompareRequest::merge`], the merger study.
    /// A workbook that cannot be read is refused and listed
    /// ([`Comparison::refused`]); the others are compared.
    ///
    /// # Errors
    ///
    /// - the law, benchmarks or merger workbook cannot be read;
    /// - [`ErrorKind::Usage`] when no workbook is named, or a merger is
    ///   asked of fewer than two (or of records that are all the same);
    /// - [`ErrorKind::NotAvailable`] when no workbook could be read;
    /// - the merger study's errors ([`Merger::study`]).
    ///
    /// ```
    /// use homecare_audit::ErrorKind;
    /// use homecare_audit::run::{CompareRequest, Source};
    /// let broken = || Source::bytes("rozbity.xlsx", b"not a workbook".to_vec());
    /// // One provider read, one refused and named: the comparison goes on.
    /// let comparison =
    ///     CompareRequest::new(vec![Source::path("fixtures/sample.xlsx"), broken()]).run()?;
    /// assert_eq!(comparison.audits().len(), 1);
    /// assert_eq!(comparison.refused()[0].file(), Some("rozbity.xlsx"));
    /// // Nothing readable: an error, not an empty comparison.
    /// let e = CompareRequest::new(vec![broken()]).run().unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::NotAvailable { .. }));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn run(&self) -> Result<Comparison, Error> {
        if self.inputs.is_empty() {
            return Err(Error::new(ErrorKind::Usage {
                reason: Text::new("žádný sešit ke srovnání", "no workbook to compare"),
            }));
        }
        if self.merge && self.inputs.len() < 2 {
            return Err(Error::new(ErrorKind::Usage {
                reason: Text::new(
                    "sloučení (--merge) potřebuje aspoň dvě služby",
                    "a merger (--merge) needs at least two services",
                ),
            }));
        }
        let mut notes: Vec<(String, Problem)> = Vec::new();
        let law = match &self.law {
            Some(source) => {
                let (rows, problems) = source.law(&ReadOptions::default())?;
                keep_rejected(&mut notes, source, &problems);
                rows
            }
            None => Vec::new(),
        };
        let benchmarks = match &self.benchmarks {
            Some(source) => {
                let (rows, problems) = source.benchmarks(&ReadOptions::default())?;
                keep_rejected(&mut notes, source, &problems);
                rows
            }
            None => Vec::new(),
        };
        let shared = Shared { law, benchmarks };
        let merger = if self.merge {
            Some(self.merger_assumptions(&mut notes)?)
        } else {
            None
        };
        let outcomes = self.audit_all(&shared, self.merge);
        let mut audits = Vec::new();
        let mut datasets = Vec::new();
        let mut refused = Vec::new();
        for (provider, outcome) in self.inputs.iter().zip(outcomes) {
            match outcome {
                Ok((ds, report)) => {
                    audits.push(ComparedAudit {
                        file: provider.name.clone(),
                        report,
                    });
                    datasets.extend(ds);
                }
                // The error names its file; else the provider.
                Err(e) if e.file().is_none() => refused.push(e.in_file(provider.name.clone())),
                Err(e) => refused.push(e),
            }
        }
        if audits.is_empty() {
            return Err(Error::new(ErrorKind::NotAvailable {
                reason: Text::new(
                    "žádný sešit se nepodařilo načíst",
                    "no workbook could be read",
                ),
            }));
        }
        let providers: Vec<_> = audits.iter().map(|a| &a.report.provider).collect();
        let mode = Mode::of(&providers);
        // A merger short of two services because one could not be read:
        // that refusal is the answer, not "fewer than two services".
        if merger.is_some() && audits.len() < 2 && !refused.is_empty() {
            return Err(refused.remove(0));
        }
        let mut study = match &merger {
            Some(m) => Some(self.study(m, &shared, &datasets, &audits)?),
            None => None,
        };
        if let Some(s) = &mut study {
            for e in &refused {
                let file = e.file().unwrap_or_default();
                s.merge.notes.push(Text::new(
                    format!("{file} nenačten, studie je bez něj: {}", e.text().cs),
                    format!(
                        "{file} could not be read; the study is without it: {}",
                        e.text().en
                    ),
                ));
            }
        }
        if mode == Mode::Trend {
            // Period order, as the workbook shows it (a stable sort: the
            // same start keeps the order given).
            audits.sort_by_key(|a| a.report.provider.period.map(|p| p.from));
        }
        Ok(Comparison {
            mode,
            audits,
            refused,
            study,
            other_rejected: notes,
            lang: self.lang,
        })
    }

    /// The merger study's assumptions: the merger workbook's, or the
    /// defaults; the stated shared reduction over either.
    fn merger_assumptions(&self, notes: &mut Vec<(String, Problem)>) -> Result<Merger, Error> {
        let mut merger = match &self.merger {
            Some(source) => {
                let (m, problems) = source.merger(&ReadOptions::default())?;
                keep_rejected(notes, source, &problems);
                m
            }
            None => Merger::default(),
        };
        if self.merger.is_none() || !merger.sources.contains_key("name") {
            merger.name = self
                .lang
                .pick("Sloučená služba", "Merged service")
                .to_string();
        }
        if let Some(r) = self.shared_reduction {
            merger.shared_reduction = r;
            // The option stands in for a rejected cell of the sheet, named
            // as the source: the cell stays listed, but no longer holds
            // the effect back.
            for c in &mut merger.cells.rejected {
                if c.assumption == Some("shared_reduction") {
                    c.assumption = None;
                }
            }
            merger
                .sources
                .insert("shared_reduction".into(), "--shared-reduction".into());
        }
        Ok(merger)
    }

    /// Every input audited, in input order; the datasets kept only when a
    /// merger study needs them (a region's hundred providers need not stay
    /// in memory).
    fn audit_all(
        &self,
        shared: &Shared,
        keep: bool,
    ) -> Vec<Result<(Option<Dataset>, AuditReport), Error>> {
        let n = self.inputs.len();
        let one = |i: usize| {
            let files: Vec<&Source> = self.inputs[i].files.iter().collect();
            super::source::dataset_of(&files, None, &ReadOptions::default()).map(
                |(ds, problems)| {
                    let mut report = Audit::new(&ds)
                        .problems(&problems)
                        .benchmarks(&shared.benchmarks_for(&ds))
                        .law(&shared.law_for(&ds))
                        .run();
                    keep_for_comparison(&mut report);
                    (keep.then_some(ds), report)
                },
            )
        };
        let report = |done: usize, i: usize, outcome: &Result<_, Error>| {
            if let Some(p) = &self.progress {
                p(done, n, &self.inputs[i].name, outcome.as_ref().err());
            }
        };
        run_each(n, one, report)
    }

    fn study(
        &self,
        merger: &Merger,
        shared: &Shared,
        datasets: &[Dataset],
        audits: &[ComparedAudit],
    ) -> Result<MergerStudy, Error> {
        let mut law = LawTables::built_in();
        law.extend(shared.law.iter().cloned());
        let (parts, same) = distinct_records(datasets, audits);
        let mut study = merger.study(&parts, &law, |ds| {
            Audit::new(ds)
                .benchmarks(&shared.benchmarks_for(ds))
                .law(&shared.law_for(ds))
                .eighty_hour_rule(merger.eighty_hour_rule)
                .run()
        })?;
        study.merge.notes.extend(same);
        Ok(study)
    }
}

/// The services of a merger, each once: records given twice (the same
/// files, or files of the same SHA-256) are one service, said so in the
/// notes. A merger of a service with itself would double its clients and
/// show a saving from nothing.
fn distinct_records<'a>(
    datasets: &'a [Dataset],
    audits: &'a [ComparedAudit],
) -> (Vec<(&'a Dataset, &'a AuditReport)>, Vec<Text>) {
    let key = |r: &AuditReport| -> Option<Vec<String>> {
        let mut k: Vec<String> = r
            .inputs
            .iter()
            .map(|i| i.sha256.clone())
            .collect::<Option<_>>()?;
        k.sort();
        (!k.is_empty()).then_some(k)
    };
    let mut parts: Vec<(&Dataset, &AuditReport)> = Vec::new();
    let mut seen: Vec<(Vec<String>, &str)> = Vec::new();
    let mut notes = Vec::new();
    for (ds, a) in datasets.iter().zip(audits) {
        let k = key(&a.report);
        if let Some(k) = k.as_ref()
            && let Some((_, first)) = seen.iter().find(|(s, _)| s == k)
        {
            notes.push(Text::new(
                format!(
                    "{} jsou tytéž záznamy jako {first} (stejný SHA-256): jedna služba",
                    a.file
                ),
                format!(
                    "{} are the same records as {first} (the same SHA-256): one service",
                    a.file
                ),
            ));
            continue;
        }
        if let Some(k) = k {
            seen.push((k, &a.file));
        }
        parts.push((ds, &a.report));
    }
    (parts, notes)
}

/// Runs `one` for 0..n, on every core natively; `done` hears each outcome
/// as it comes (with how many are done). The outcomes in input order.
#[cfg(not(target_family = "wasm"))]
fn run_each<T: Send>(
    n: usize,
    one: impl Fn(usize) -> Result<T, Error> + Sync,
    done: impl Fn(usize, usize, &Result<T, Error>) + Sync,
) -> Vec<Result<T, Error>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let finished = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<T, Error>>>> = Mutex::new((0..n).map(|_| None).collect());
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
                    let outcome = one(i);
                    done(finished.fetch_add(1, Ordering::Relaxed) + 1, i, &outcome);
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(outcome);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

/// One by one: a browser's worker has one thread.
#[cfg(target_family = "wasm")]
fn run_each<T>(
    n: usize,
    one: impl Fn(usize) -> Result<T, Error>,
    done: impl Fn(usize, usize, &Result<T, Error>),
) -> Vec<Result<T, Error>> {
    (0..n)
        .map(|i| {
            let outcome = one(i);
            done(i + 1, i, &outcome);
            outcome
        })
        .collect()
}

/// The law and benchmark rows given for every service.
struct Shared {
    law: Vec<LawRow>,
    benchmarks: Vec<Benchmark>,
}

impl Shared {
    fn law_for(&self, ds: &Dataset) -> LawTables {
        let mut law = ds.law_tables();
        law.extend(self.law.iter().cloned());
        law
    }

    fn benchmarks_for(&self, ds: &Dataset) -> BenchmarkSet {
        let mut set = BenchmarkSet::for_dataset(ds);
        set.extend(self.benchmarks.iter().cloned());
        set
    }
}

/// What a comparison keeps of each provider's audit: the provider, the
/// indicators (with their finding counts and notes), the row counts and
/// the inputs' hashes; the rows of detail (findings listed, clients,
/// workers, months, rejected rows, column origins, the law rows used, the
/// accounts' rules, reach and financing detail, scenarios) are each
/// provider's own report's. So a region's
/// hundred providers do not all stay in memory at once: measured by
/// `benches/region.sh`.
fn keep_for_comparison(r: &mut AuditReport) {
    r.findings = Vec::new();
    r.clients = Vec::new();
    r.workers = Vec::new();
    r.months = Vec::new();
    r.problems = Vec::new();
    r.columns = Vec::new();
    r.law = Vec::new();
    r.accounts = None;
    r.reach = Default::default();
    r.finance = Default::default();
    r.hour.scenarios = Vec::new();
}

/// One provider's audit in a comparison.
#[derive(Clone, Debug)]
pub struct ComparedAudit {
    /// The workbook's file name.
    pub file: String,
    /// Its audit, as a comparison keeps it: the provider, every indicator
    /// and the row counts, without the rows of detail (the findings
    /// listed, clients, workers, months, rejected rows), which are the
    /// provider's own report's ([`super::AuditRequest`]).
    pub report: AuditReport,
}

/// A comparison done. Serialises to the JSON of docs/compare.md: `mode`,
/// `providers` (`file`, `provider`), then `peers` (the group's quartiles,
/// ranks, statuses) or `trend` (each indicator's values in period order),
/// `merger` when studied, and `refused` (file and reason) when a workbook
/// could not be read.
#[derive(Debug)]
pub struct Comparison {
    mode: Mode,
    audits: Vec<ComparedAudit>,
    refused: Vec<Error>,
    study: Option<MergerStudy>,
    other_rejected: Vec<(String, Problem)>,
    lang: Lang,
}

impl Comparison {
    /// The language of the workbook, the tables and the messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Peers or trend.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The audits compared: in input order for peers, in period order for
    /// a trend.
    pub fn audits(&self) -> &[ComparedAudit] {
        &self.audits
    }

    /// The workbooks that could not be read, each error naming its file.
    pub fn refused(&self) -> &[Error] {
        &self.refused
    }

    /// The merger study, when asked for.
    pub fn study(&self) -> Option<&MergerStudy> {
        self.study.as_ref()
    }

    /// Rows rejected in the law, benchmarks and merger workbooks, one line
    /// each with its file.
    pub fn other_rejected_lines(&self) -> Vec<String> {
        self.other_rejected
            .iter()
            .map(|(file, p)| format!("{file}: {}", p.describe(self.lang)))
            .collect()
    }

    /// What was compared, in words: `srovnání poskytovatelů` or `vývoj
    /// jednoho poskytovatele`.
    ///
    /// ```
    /// use homecare_audit::run::{CompareRequest, Source};
    /// let comparison = CompareRequest::new(vec![
    ///     Source::path("fixtures/sample.xlsx"),
    ///     Source::path("fixtures/formats/small.ods"),
    /// ])
    /// .run()?;
    /// assert_eq!(comparison.describe_mode(), "srovnání poskytovatelů");
    /// let json: serde_json::Value = serde_json::from_str(&comparison.json()?).unwrap();
    /// assert_eq!(json["mode"], "peers");
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn describe_mode(&self) -> &'static str {
        match self.mode {
            Mode::Peers => self.lang.pick("srovnání poskytovatelů", "peer comparison"),
            Mode::Trend => self
                .lang
                .pick("vývoj jednoho poskytovatele", "one provider's trend"),
        }
    }

    /// The comparison workbook.
    pub fn workbook(&self) -> ComparisonWorkbook<'_> {
        self.workbook_in(self.lang)
    }

    /// The comparison workbook in `lang`, whatever the language of the
    /// request (the refused workbooks' reasons too).
    ///
    /// ```
    /// use homecare_audit::Lang;
    /// use homecare_audit::run::{CompareRequest, Source};
    /// let comparison = CompareRequest::new(vec![
    ///     Source::path("fixtures/sample.xlsx"),
    ///     Source::bytes("broken.xlsx", b"not a workbook".to_vec()),
    /// ])
    /// .run()?;
    /// let bytes = comparison.workbook_in(Lang::En).to_buffer()?;
    /// assert_eq!(&bytes[..2], b"PK");
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn workbook_in(&self, lang: Lang) -> ComparisonWorkbook<'_> {
        let entries = self
            .audits
            .iter()
            .map(|a| (a.file.clone(), &a.report))
            .collect();
        let refused = self
            .refused
            .iter()
            .map(|e| {
                (
                    e.file().unwrap_or_default().to_string(),
                    e.text().get(lang).to_string(),
                )
            })
            .collect();
        let book = ComparisonWorkbook::new(entries)
            .mode(self.mode)
            .refused(refused)
            .lang(lang);
        match &self.study {
            Some(s) => book.study(s),
            None => book,
        }
    }

    /// The JSON (pretty, ending in a newline).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`] if it cannot be serialised (the serialiser's
    /// error; it does not happen).
    pub fn json(&self) -> Result<String, Error> {
        // Through a `Value`, whose objects keep their keys sorted: the
        // documented JSON has every object's keys in alphabetical order.
        serde_json::to_value(self)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .map(|t| t + "\n")
            .map_err(|e| Error::write(None, e))
    }
}

impl Serialize for Comparison {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Provider<'a> {
            file: &'a str,
            provider: &'a crate::audit::ProviderSummary,
        }
        #[derive(serde::Serialize)]
        struct Refused {
            file: Option<String>,
            reason: String,
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("mode", self.mode.id())?;
        let providers: Vec<Provider<'_>> = self
            .audits
            .iter()
            .map(|a| Provider {
                file: &a.file,
                provider: &a.report.provider,
            })
            .collect();
        m.serialize_entry("providers", &providers)?;
        let reports: Vec<&AuditReport> = self.audits.iter().map(|a| &a.report).collect();
        match self.mode {
            Mode::Peers => m.serialize_entry("peers", &PeerGroup::new(&reports))?,
            Mode::Trend => {
                let trend: std::collections::BTreeMap<String, Vec<Option<Decimal>>> =
                    crate::indicator::catalog::all_ids()
                        .into_iter()
                        .map(|(id, _)| {
                            let values = reports.iter().map(|r| r.value(&id)).collect();
                            (id, values)
                        })
                        .collect();
                m.serialize_entry("trend", &trend)?;
            }
        }
        if let Some(study) = &self.study {
            m.serialize_entry("merger", study)?;
        }
        if !self.refused.is_empty() {
            let refused: Vec<Refused> = self
                .refused
                .iter()
                .map(|e| Refused {
                    file: e.file().map(str::to_string),
                    reason: e.text().get(self.lang).to_string(),
                })
                .collect();
            m.serialize_entry("refused", &refused)?;
        }
        m.end()
    }
}
