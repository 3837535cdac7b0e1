//! One audit, from the request a face makes to what it shows and writes:
//! [`AuditRequest`] (the inputs and options, resolved once) →
//! [`AuditRequest::read`] → [`AuditInputs`] (every workbook read, every
//! rejected row kept) → [`AuditInputs::audit`] → [`Audited`] (the summary,
//! the JSON, the report workbook, the council's PDF).
//!
//! Reading and auditing are two steps so that a program can time or
//! report each; [`AuditRequest::run`] does both.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::source::{Source, keep_rejected};
use super::summary::{RejectedRow, Summary, summary_text};
use crate::audit::{Audit, AuditOptions, AuditReport};
use crate::benchmark::BenchmarkSet;
use crate::error::Error;
use crate::i18n::Lang;
use crate::law::LawTables;
use crate::model::Dataset;
use crate::problem::{Problem, Problems};
use crate::workbook::{ReadLimits, ReadOptions, ReportWorkbook};

/// Rows of a table a summary lists at most (the report workbook has
/// them all).
pub const SUMMARY_LISTED: usize = 200;

/// The inputs and options of one audit.
///
/// ```
/// use homecare_audit::Lang;
/// use homecare_audit::run::{AuditRequest, Source};
/// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx"))
///     .lang(Lang::En)
///     .max_findings_per_kind(2)
///     .run()?;
/// // Two listed of each kind, every one counted.
/// let summary = audited.summary();
/// assert!(summary.findings.iter().all(|g| g.first.len() <= 2));
/// assert!(summary.findings_total > 8);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct AuditRequest {
    input: Source,
    more: Vec<Source>,
    mapping: Option<Source>,
    law: Option<Source>,
    benchmarks: Option<Source>,
    financing: Option<Source>,
    lang: Lang,
    public: bool,
    read: ReadOptions,
    options: AuditOptions,
}

impl AuditRequest {
    /// An audit of the provider's workbook `input`, with the built-in law
    /// and benchmarks, in Czech.
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// // A care program's export alone: two visits, and one whose task
    /// // code `xx` is nobody's (rejected at its place, not lost).
    /// let visits = "Datum;Pracovník;Klient;Úkon;Minuty\n\
    ///               3. 3. 2025;P1;K1;a1;30\n3. 3. 2025;P1;K2;a1;45\n4. 3. 2025;P2;K1;xx;30\n";
    /// let inputs = AuditRequest::new(Source::bytes("vykazy.csv", visits.into())).read()?;
    /// let rows = inputs.problems.count("Výkazy");
    /// assert_eq!((rows.read, rows.accepted, rows.rejected), (3, 2, 1));
    /// let place = inputs.problems.rejections().next().unwrap().place.to_string();
    /// assert_eq!(place, "vykazy.csv:4 (Úkon)");
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn new(input: Source) -> AuditRequest {
        AuditRequest {
            input,
            more: Vec::new(),
            mapping: None,
            law: None,
            benchmarks: None,
            financing: None,
            lang: Lang::Cs,
            public: false,
            read: ReadOptions::default(),
            options: AuditOptions::default(),
        }
    }

    /// The provider's further files: the care software's exports, the
    /// payroll's staff list, the accounts, as workbooks or CSV files; with
    /// the first, one provider's records
    /// ([`read_inputs`](crate::workbook::read_inputs)).
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let visits = "Datum;Pracovník;Klient;Úkon;Minuty\n3. 3. 2025;P1;K1;a1;30\n";
    /// let clients = "ID klienta;Stupeň PnP\nK1;II\n";
    /// let inputs = AuditRequest::new(Source::bytes("vykazy.csv", visits.into()))
    ///     .more_files(vec![Source::bytes("klienti.csv", clients.into())])
    ///     .read()?;
    /// // The client list gave the client's degree of the care allowance.
    /// assert_eq!(inputs.dataset.clients.len(), 1);
    /// assert!(inputs.dataset.clients[0].care_allowance.is_some());
    /// assert_eq!(inputs.problems.rows_by_file["klienti.csv"]["Klienti"].accepted, 1);
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn more_files(mut self, files: Vec<Source>) -> Self {
        self.more = files;
        self
    }

    /// The auditor's column mapping in a file of its own (its `Sloupce`
    /// sheet; a `Sloupce` sheet in any input does the same).
    pub fn mapping(mut self, mapping: Option<Source>) -> Self {
        self.mapping = mapping;
        self
    }

    /// A law workbook (sheet `Limity`) whose rows take precedence over the
    /// built-in tables from their dates.
    pub fn law(mut self, law: Option<Source>) -> Self {
        self.law = law;
        self
    }

    /// A region's benchmarks workbook, over the built-in set and the
    /// input's own `Benchmarky` sheet.
    pub fn benchmarks(mut self, benchmarks: Option<Source>) -> Self {
        self.benchmarks = benchmarks;
        self
    }

    /// A region's financing method (a workbook with a `Financování`
    /// sheet), over the input's own `Financování` rows.
    pub fn financing(mut self, financing: Option<Source>) -> Self {
        self.financing = financing;
        self
    }

    /// The language of the summary, the report and the messages.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// A JSON and report fit for publication (no client or worker id,
    /// birth year or free text from the input).
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx"))
    ///     .public(true)
    ///     .run()?;
    /// assert!(audited.is_public());
    /// // The report in full keeps the sample's first client, K00001; the
    /// // published JSON names it nowhere.
    /// let first = &audited.report().clients[0].id;
    /// assert_eq!(first, "K00001");
    /// assert!(!audited.json()?.contains(first.as_str()));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn public(mut self, yes: bool) -> Self {
        self.public = yes;
        self
    }

    /// Strict mode: a rejected row of the provider's workbook ends the
    /// read ([`ErrorKind::Strict`](crate::ErrorKind::Strict), exit 3).
    ///
    /// ```
    /// use homecare_audit::ErrorKind;
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let visits = "Datum;Pracovník;Úkon;Minuty\n3. 3. 2025;P1;a1;hodně\n";
    /// let e = AuditRequest::new(Source::bytes("vykazy.csv", visits.into()))
    ///     .strict(true)
    ///     .read()
    ///     .unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::Strict { .. }));
    /// ```
    pub fn strict(mut self, yes: bool) -> Self {
        self.read = self.read.strict(yes);
        self
    }

    /// The read limits for the provider's workbook.
    ///
    /// ```
    /// use homecare_audit::ErrorKind;
    /// use homecare_audit::run::{AuditRequest, Source};
    /// use homecare_audit::workbook::ReadLimits;
    /// let visits = "Datum;Pracovník;Úkon;Minuty\n3. 3. 2025;P1;a1;30\n4. 3. 2025;P1;a1;30\n";
    /// // Two data rows and the header: over a limit of two rows.
    /// let e = AuditRequest::new(Source::bytes("vykazy.csv", visits.into()))
    ///     .limits(ReadLimits::default().max_rows(2))
    ///     .read()
    ///     .unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::LimitExceeded { .. }));
    /// ```
    pub fn limits(mut self, limits: ReadLimits) -> Self {
        self.read = self.read.limits(limits);
        self
    }

    /// Called while the provider's workbook is read, with the sheet and
    /// the rows read so far, every 50 000 rows of a sheet.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use homecare_audit::run::{AuditRequest, Source};
    /// // 50 001 rows: one call, at the 50 000th.
    /// let mut visits = String::from("Datum;Pracovník;Úkon;Minuty\n");
    /// for _ in 0..50_001 {
    ///     visits.push_str("3. 3. 2025;P1;a1;30\n");
    /// }
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = Arc::clone(&seen);
    /// AuditRequest::new(Source::bytes("vykazy.csv", visits.into()))
    ///     .progress(move |sheet, rows| log.lock().unwrap().push((sheet.to_string(), rows)))
    ///     .read()?;
    /// assert_eq!(*seen.lock().unwrap(), [("Výkazy".to_string(), 50_000)]);
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn progress(mut self, f: impl Fn(&str, u64) + Send + Sync + 'static) -> Self {
        self.read = self.read.progress(f);
        self
    }

    /// The date whose caps the "caps of another date" scenario charges
    /// (`None`: the newest known).
    pub fn caps_date(mut self, date: Option<NaiveDate>) -> Self {
        self.options.caps_date = date;
        self
    }

    /// The retargeting scenario's share of the low-dependency hours that
    /// stop (`None`: the `Model` sheet's).
    pub fn retarget_share(mut self, share: Option<Decimal>) -> Self {
        self.options.retarget_low_share = share;
        self
    }

    /// The retargeting scenario's new clients of degrees III and IV
    /// (`None`: the `Model` sheet's).
    pub fn retarget_clients(mut self, clients: Option<u32>) -> Self {
        self.options.retarget_new_clients = clients.map(Decimal::from);
        self
    }

    /// At most `n` findings of one kind are listed; all are counted.
    pub fn max_findings_per_kind(mut self, n: u64) -> Self {
        self.options.max_findings_per_kind = n;
        self
    }

    /// Every other audit option at once.
    pub fn options(mut self, options: AuditOptions) -> Self {
        self.options = options;
        self
    }

    /// The provider's workbook (the first of its files).
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let request = AuditRequest::new(Source::path("vykazy.csv"))
    ///     .more_files(vec![Source::path("klienti.csv")]);
    /// assert_eq!(request.input().file_name(), "vykazy.csv");
    /// let names: Vec<String> = request.files().map(|f| f.file_name()).collect();
    /// assert_eq!(names, ["vykazy.csv", "klienti.csv"]);
    /// ```
    pub fn input(&self) -> &Source {
        &self.input
    }

    /// All the provider's files, the first one first.
    pub fn files(&self) -> impl Iterator<Item = &Source> {
        std::iter::once(&self.input).chain(&self.more)
    }

    /// Reads every input: the provider's workbook, then the law and
    /// benchmarks workbooks when given (their rejected rows kept beside
    /// the provider's).
    ///
    /// # Errors
    ///
    /// Any reading error of the three workbooks ([`crate::workbook::read_bytes`]),
    /// with [`Error::file`] naming the workbook.
    pub fn read(&self) -> Result<AuditInputs, Error> {
        let files: Vec<&Source> = self.files().collect();
        let (mut dataset, problems) =
            super::source::dataset_of(&files, self.mapping.as_ref(), &self.read)?;
        // Benchmarks: the built-in set, the input's own Benchmarky sheet,
        // then a region's workbook. Law: the built-in tables, the input's
        // own Limity sheet, then a law workbook.
        let mut benchmarks = BenchmarkSet::for_dataset(&dataset);
        let mut law = dataset.law_tables();
        let mut other_rejected = Vec::new();
        if let Some(source) = &self.benchmarks {
            let (rows, p) = source.benchmarks(&ReadOptions::default())?;
            keep_rejected(&mut other_rejected, source, &p);
            benchmarks.extend(rows);
        }
        if let Some(source) = &self.law {
            let (rows, p) = source.law(&ReadOptions::default())?;
            keep_rejected(&mut other_rejected, source, &p);
            law.extend(rows);
        }
        if let Some(source) = &self.financing {
            let (rows, p) = source.financing(&ReadOptions::default())?;
            keep_rejected(&mut other_rejected, source, &p);
            dataset.financing.extend(rows);
        }
        Ok(AuditInputs {
            settings: Settings {
                lang: self.lang,
                public: self.public,
                options: self.options.clone(),
                input_name: self.input.file_name(),
                input_path: self.input.as_path().map(Path::to_path_buf),
            },
            dataset,
            problems,
            benchmarks,
            law,
            other_rejected,
        })
    }

    /// Reads and audits.
    ///
    /// # Errors
    ///
    /// As [`AuditRequest::read`].
    pub fn run(&self) -> Result<Audited, Error> {
        Ok(self.read()?.audit())
    }
}

/// What of the request the later steps need (not the input's bytes: a
/// page's workbook is not held twice).
#[derive(Clone, Debug)]
struct Settings {
    lang: Lang,
    public: bool,
    options: AuditOptions,
    input_name: String,
    input_path: Option<std::path::PathBuf>,
}

/// Every input of one audit, read.
#[derive(Debug)]
pub struct AuditInputs {
    settings: Settings,
    /// The provider's records.
    pub dataset: Dataset,
    /// What reading the provider's workbook rejected or noticed.
    pub problems: Problems,
    /// The benchmarks in force.
    pub benchmarks: BenchmarkSet,
    /// The legal tables in force.
    pub law: LawTables,
    /// Rows rejected in the law and benchmarks workbooks, each with its
    /// file's name.
    pub other_rejected: Vec<(String, Problem)>,
}

impl AuditInputs {
    /// The audit.
    pub fn audit(self) -> Audited {
        let report = Audit::new(&self.dataset)
            .problems(&self.problems)
            .benchmarks(&self.benchmarks)
            .law(&self.law)
            .options(self.settings.options.clone())
            .run();
        Audited {
            inputs: self,
            report,
        }
    }
}

/// One audit done: what every face shows and writes of it.
#[derive(Debug)]
pub struct Audited {
    inputs: AuditInputs,
    report: AuditReport,
}

impl Audited {
    /// The report (in full, as the audit made it; [`Audited::json`] gives
    /// the published form when the request asked for it).
    pub fn report(&self) -> &AuditReport {
        &self.report
    }

    /// The inputs it was made from.
    pub fn inputs(&self) -> &AuditInputs {
        &self.inputs
    }

    /// The language asked for.
    pub fn lang(&self) -> Lang {
        self.inputs.settings.lang
    }

    /// The summary as data, with at most [`SUMMARY_LISTED`] rows of a table.
    pub fn summary(&self) -> Summary {
        let lang = self.lang();
        let other = self
            .inputs
            .other_rejected
            .iter()
            .map(|(file, p)| RejectedRow::new(Some(file), p, lang))
            .collect();
        Summary::new(&self.report, lang, SUMMARY_LISTED, other)
    }

    /// The summary as text, as `audit` prints it.
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).run()?;
    /// // The sample's 97 findings (46 off the price list, 39 over the cap,
    /// // 10 months over the contract, 2 days over 12 hours).
    /// assert!(audited.summary_text().contains("\nNálezy (97)\n"));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn summary_text(&self) -> String {
        summary_text(&self.report, self.lang())
    }

    /// The rows rejected in the law and benchmarks workbooks, one line
    /// each: `Limity!C4: … (raw)`.
    pub fn other_rejected_lines(&self) -> Vec<String> {
        let lang = self.lang();
        self.inputs
            .other_rejected
            .iter()
            .map(|(_, p)| format!("{}: {} ({})", p.place, p.reason.message(lang), p.raw))
            .collect()
    }

    /// The JSON report (pretty, ending in a newline), published when the
    /// request asked for it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) if the report cannot
    /// be serialised (it always can; the error is the serialiser's).
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).run()?;
    /// let json: serde_json::Value = serde_json::from_str(&audited.json()?).unwrap();
    /// // The sample's timesheet: 5 798 data rows, 6 of them its deliberate
    /// // defects (the totals row is not a data row).
    /// assert_eq!(json["rows"]["Výkazy"]["read"], 5798);
    /// assert_eq!(json["rows"]["Výkazy"]["accepted"], 5792);
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn json(&self) -> Result<String, Error> {
        serde_json::to_string_pretty(&*self.shown_report())
            .map(|t| t + "\n")
            .map_err(|e| Error::write(None, e))
    }

    /// Whether the request asked for a report fit for publication.
    pub fn is_public(&self) -> bool {
        self.inputs.settings.public
    }

    /// The report as the JSON and the tables give it: the published form
    /// when the request asked for it, else the report itself.
    pub(super) fn shown_report(&self) -> Cow<'_, AuditReport> {
        if self.is_public() {
            Cow::Owned(self.report.public(&self.inputs.dataset))
        } else {
            Cow::Borrowed(&self.report)
        }
    }

    /// The report workbook, in the request's language and form; its links
    /// name the input by its file name.
    pub fn report_workbook(&self) -> ReportWorkbook<'_> {
        ReportWorkbook::new(&self.report, &self.inputs.dataset)
            .lang(self.lang())
            .input_link(Some(self.inputs.settings.input_name.clone()))
            .public(self.inputs.settings.public)
    }

    /// The council's report workbook (summary, indicators, hour cost,
    /// scenarios, findings by kind).
    pub fn council_workbook(&self) -> ReportWorkbook<'_> {
        ReportWorkbook::new(&self.report, &self.inputs.dataset)
            .lang(self.lang())
            .council(true)
            .public(self.inputs.settings.public)
    }

    /// Writes the report workbook to `path`. Its links to the input name
    /// the input's file when both are in one folder, else its absolute
    /// path.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when it cannot be
    /// written.
    pub fn save_report(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        self.save_report_in(path, self.lang())
    }

    /// Writes the report workbook to `path` in `lang`, whatever the
    /// language of the request (the audit itself has both languages).
    ///
    /// ```
    /// use homecare_audit::Lang;
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).run()?;
    /// let path = std::env::temp_dir().join(format!("report-en-{}.xlsx", std::process::id()));
    /// audited.save_report_in(&path, Lang::En)?;
    /// assert!(std::fs::metadata(&path)?.len() > 0);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Audited::save_report`].
    pub fn save_report_in(&self, path: impl AsRef<Path>, lang: Lang) -> Result<(), Error> {
        let path = path.as_ref();
        let link = match &self.inputs.settings.input_path {
            Some(input) => input_link(input, path),
            None => Some(self.inputs.settings.input_name.clone()),
        };
        self.report_workbook()
            .lang(lang)
            .input_link(link)
            .save(path)
    }

    /// The report workbook's bytes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when it cannot be
    /// made.
    ///
    /// ```
    /// use calamine::{Reader, Xlsx};
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).run()?;
    /// let bytes = audited.report_bytes()?;
    /// let book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    /// // It opens on the summary, in the request's language (Czech).
    /// assert_eq!(book.sheet_names()[0], "Souhrn");
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn report_bytes(&self) -> Result<Vec<u8>, Error> {
        self.report_workbook().to_buffer()
    }

    /// Renders the council's report workbook to a PDF with LibreOffice
    /// (not in WebAssembly: there is no LibreOffice in a browser).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotAvailable`](crate::ErrorKind::NotAvailable) when
    /// LibreOffice is not installed or makes no PDF;
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when a file cannot be
    /// written.
    #[cfg(not(target_family = "wasm"))]
    pub fn council_pdf(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        super::pdf::render(&self.council_workbook(), path.as_ref())
    }
}

/// How the report's links name the input: its file name when both files
/// are in one folder, else its absolute path.
fn input_link(input: &Path, output: &Path) -> Option<String> {
    let dir = |p: &Path| {
        p.parent()
            .map(|d| {
                if d.as_os_str().is_empty() {
                    Path::new(".")
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
