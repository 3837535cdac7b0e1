//! The workbooks the programs write for an auditor to start from or to try
//! the tools on: the blank input template, the built-in law as a law
//! workbook, the example benchmarks, a synthetic provider, the sample
//! merger study.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::law::LawTables;
use crate::synth::{Synth, merger_sample_assumptions, merger_sample_services};
use crate::workbook::{BenchmarksWorkbook, InputCell, InputWorkbook, LawWorkbook, MergerWorkbook};

/// Writes the blank input workbook an auditor fills in.
///
/// ```
/// let path = std::env::temp_dir().join("sablona-doc.xlsx");
/// homecare_audit::run::write_template(&path)?;
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`] when the file cannot be written.
pub fn write_template(path: impl AsRef<Path>) -> Result<(), Error> {
    crate::workbook::write_template(path)
}

/// Writes the blank template with a blank column mapping (`Sloupce`), for
/// reading a provider's own exports; see
/// [`write_template_with_mapping`](crate::workbook::write_template_with_mapping).
///
/// # Errors
///
/// [`ErrorKind::Write`] when the file cannot be written.
pub fn write_template_with_mapping(path: impl AsRef<Path>) -> Result<(), Error> {
    crate::workbook::write_template_with_mapping(path)
}

/// Writes the built-in legal tables as a law workbook (sheet `Limity`), the
/// form `audit --law` reads; returns how many rows it holds.
///
/// ```
/// let path = std::env::temp_dir().join("zakon-run-doc.xlsx");
/// let rows = homecare_audit::run::write_law_workbook(&path)?;
/// assert!(rows > 10);
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`] when the file cannot be written.
pub fn write_law_workbook(path: impl AsRef<Path>) -> Result<usize, Error> {
    let tables = LawTables::built_in();
    LawWorkbook::new(&tables).save(path)?;
    Ok(tables.rows().len())
}

/// Writes the commented example benchmarks workbook; returns how many
/// rows it holds.
///
/// ```
/// let path = std::env::temp_dir().join("benchmarky-doc.xlsx");
/// assert_eq!(homecare_audit::run::write_example_benchmarks(&path)?, 9);
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`] when the file cannot be written.
pub fn write_example_benchmarks(path: impl AsRef<Path>) -> Result<usize, Error> {
    let book = BenchmarksWorkbook::example();
    book.save(path)?;
    Ok(book.rows().len())
}

/// A workbook an auditor starts from, as bytes: what the page offers as
/// downloads, the same workbooks the programs write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StarterWorkbook {
    /// The blank input template.
    Template,
    /// The blank template with a blank column mapping (`Sloupce`).
    TemplateWithMapping,
    /// The built-in law as a law workbook (`Limity`).
    Law,
    /// The commented example benchmarks and financing method
    /// (`Benchmarky`, `Financování`; figures illustrative).
    ExampleBenchmarks,
}

impl StarterWorkbook {
    /// Reads `template`, `template-mapping`, `law`, `benchmarks`.
    ///
    /// ```
    /// use homecare_audit::run::StarterWorkbook;
    /// assert_eq!(StarterWorkbook::parse("law"), Some(StarterWorkbook::Law));
    /// assert_eq!(StarterWorkbook::parse("x"), None);
    /// ```
    pub fn parse(s: &str) -> Option<StarterWorkbook> {
        Some(match s {
            "template" => StarterWorkbook::Template,
            "template-mapping" => StarterWorkbook::TemplateWithMapping,
            "law" => StarterWorkbook::Law,
            "benchmarks" => StarterWorkbook::ExampleBenchmarks,
            _ => return None,
        })
    }

    /// The file name the programs give it, in the language.
    pub fn file_name(self, lang: crate::Lang) -> &'static str {
        match self {
            StarterWorkbook::Template => lang.pick("sablona.xlsx", "template.xlsx"),
            StarterWorkbook::TemplateWithMapping => {
                lang.pick("sablona-sloupce.xlsx", "template-columns.xlsx")
            }
            StarterWorkbook::Law => lang.pick("zakon.xlsx", "law.xlsx"),
            StarterWorkbook::ExampleBenchmarks => {
                lang.pick("benchmarky-priklad.xlsx", "benchmarks-example.xlsx")
            }
        }
    }

    /// The workbook's bytes.
    ///
    /// ```
    /// use homecare_audit::run::StarterWorkbook;
    /// let law = StarterWorkbook::Law.bytes()?;
    /// assert_eq!(&law[..2], b"PK");
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`] from the writer (none in practice).
    pub fn bytes(self) -> Result<Vec<u8>, Error> {
        match self {
            StarterWorkbook::Template => crate::workbook::template_bytes(false),
            StarterWorkbook::TemplateWithMapping => crate::workbook::template_bytes(true),
            StarterWorkbook::Law => LawWorkbook::new(&LawTables::built_in()).to_buffer(),
            StarterWorkbook::ExampleBenchmarks => BenchmarksWorkbook::example().to_buffer(),
        }
    }
}

/// A synthetic provider's workbook: `rows` timesheet rows from `seed`, and
/// with `defects` a few rows with known mistakes (an unknown client, text
/// in minutes, 31 February, …) and a totals row, so that the reader's
/// reporting can be seen. The bundled `fixtures/sample.xlsx` is
/// `SyntheticWorkbook { rows: 6000, seed: 2025, defects: true }`.
///
/// ```
/// use homecare_audit::run::SyntheticWorkbook;
/// let path = std::env::temp_dir().join("synth-doc.xlsx");
/// let made = SyntheticWorkbook { rows: 300, seed: 7, defects: false }.write(&path)?;
/// assert_eq!(made.visits, 300);
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntheticWorkbook {
    /// Timesheet rows.
    pub rows: usize,
    /// The random seed.
    pub seed: u64,
    /// Append rows with known mistakes.
    pub defects: bool,
}

/// What a synthetic workbook holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntheticSummary {
    /// Visits (valid timesheet rows).
    pub visits: usize,
    /// Clients.
    pub clients: usize,
    /// Workers.
    pub workers: usize,
}

impl SyntheticWorkbook {
    /// Writes it to `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`] when the file cannot be written.
    pub fn write(&self, path: impl AsRef<Path>) -> Result<SyntheticSummary, Error> {
        let synth = Synth::new(self.seed, self.rows);
        let ds = synth.dataset();
        let mut wb = InputWorkbook::new(&ds);
        if self.defects {
            for (cells, _) in synth.defect_rows() {
                wb.extra_visit_row(cells);
            }
            // A totals row under the table, as spreadsheets often end.
            wb.extra_visit_row(vec![InputCell::Text("Celkem".into())]);
        }
        wb.save(path)?;
        Ok(SyntheticSummary {
            visits: ds.visits.len(),
            clients: ds.clients.len(),
            workers: ds.workers.len(),
        })
    }

    /// Writes it as a provider's exports into the folder `dir`: the
    /// timesheet as `dir/vykazy.csv` (as care software exports it: `;`,
    /// decimal commas, in `encoding`) and every other sheet as
    /// `dir/ostatni.xlsx`; returns the two paths. `audit vykazy.csv
    /// ostatni.xlsx` reads them as one provider's records (`defects` are not
    /// written: they are workbook cells).
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source, SyntheticWorkbook};
    /// use homecare_audit::workbook::CsvEncoding;
    /// let dir = std::env::temp_dir().join("synth-exports-doc");
    /// let sample = SyntheticWorkbook { rows: 50, seed: 3, defects: false };
    /// let [csv, rest] = sample.write_exports(&dir, CsvEncoding::Windows1250)?;
    /// let audited = AuditRequest::new(Source::path(&csv)).more_files(vec![Source::path(&rest)]).run()?;
    /// assert_eq!(audited.report().rows["Výkazy"].rejected, 0);
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`] when a file cannot be written.
    pub fn write_exports(
        &self,
        dir: impl AsRef<Path>,
        encoding: crate::workbook::CsvEncoding,
    ) -> Result<[std::path::PathBuf; 2], Error> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|e| Error::write(Some(dir), e))?;
        let ds = Synth::new(self.seed, self.rows).dataset();
        let (csv, rest) = (dir.join("vykazy.csv"), dir.join("ostatni.xlsx"));
        crate::workbook::VisitsCsv::new(&ds)
            .encoding(encoding)
            .save(&csv)?;
        InputWorkbook::new(&ds).without_visits().save(&rest)?;
        Ok([csv, rest])
    }
}

/// Writes the sample merger study into `dir`: the three services'
/// workbooks as `dir/sluzby/1.xlsx` … `3.xlsx` and the assumptions as
/// `dir/slouceni.xlsx`; returns the files written, in that order.
///
/// ```
/// let dir = std::env::temp_dir().join("merger-sample-doc");
/// let files = homecare_audit::run::write_merger_sample(&dir)?;
/// assert_eq!(files.len(), 4);
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Io`] when the folder cannot be made, [`ErrorKind::Write`]
/// when a file cannot be written.
pub fn write_merger_sample(dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, Error> {
    let services = dir.as_ref().join("sluzby");
    std::fs::create_dir_all(&services).map_err(|err| {
        Error::new(ErrorKind::Io {
            path: Some(services.clone()),
            err,
        })
    })?;
    let mut written = Vec::new();
    for (i, synth) in merger_sample_services().iter().enumerate() {
        let path = services.join(format!("{}.xlsx", i + 1));
        InputWorkbook::new(&synth.dataset()).save(&path)?;
        written.push(path);
    }
    let path = dir.as_ref().join("slouceni.xlsx");
    MergerWorkbook::new(&merger_sample_assumptions()).save(&path)?;
    written.push(path);
    Ok(written)
}
