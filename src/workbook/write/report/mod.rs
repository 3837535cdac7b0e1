//! The report workbook an auditor hands to the council.
//!
//! Sheets, in order: `Souhrn` (headline indicators, status, charts; one
//! landscape page), `Ukazatele` (every indicator with numerator,
//! denominator, benchmark and status), `Pracovníci`, `Klienti`, `Měsíce`
//! (the detail the indicator formulas sum), `Náklady` (costs by category and
//! revenues by source), `Financování` (public money against the service),
//! `Dosah` (the area's residents and the clients served per 1 000 of them,
//! the applicants refused and waiting), `Cena hodiny` (the actual hour built up line by
//! line, travel by visit length, the normative price), `Scénáře` (what-if
//! scenarios with their assumptions), `Nálezy` (findings linked to the
//! input), `Chyby` (rejected rows and notices), `Metodika` (period,
//! parameters, law and benchmark rows with sources, input file and
//! SHA-256). `docs/report.md` describes them for an auditor.
//!
//! Every indicator cell is a formula over the report's own sheets with the
//! library's value cached, so the file shows the right numbers at once and
//! a recalculation in Excel or LibreOffice gives the same. Input text is
//! always written as text, never as a formula.
//!
//! Memory: the detail sheets are aggregates (one row per worker, client,
//! month, finding, problem) and are streamed to temporary files
//! (rust_xlsxwriter's constant-memory mode), so writing does not grow with
//! the number of visits.

mod by_kind;
pub(crate) mod cell;
mod clients;
mod costs;
mod distributions;
mod financing;
mod findings;
mod hour;
mod indicators;
mod method;
mod months;
mod reach;
mod scenarios;
pub(crate) mod sheet;
pub(crate) mod style;
mod summary;
mod trace;
mod workers;
mod wrap;

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use crate::audit::AuditReport;
use crate::i18n::Lang;
use crate::model::Dataset;
use sheet::Sheet;
use style::Styles;

/// Builds the report workbook of an audit.
///
/// ```
/// use homecare_audit::{Audit, Lang, synth::Synth};
/// use homecare_audit::workbook::ReportWorkbook;
///
/// let ds = Synth::new(7, 300).dataset();
/// let report = Audit::new(&ds).run();
/// let bytes = ReportWorkbook::new(&report, &ds).lang(Lang::En).to_buffer()?;
/// assert_eq!(&bytes[..2], b"PK"); // an xlsx is a zip archive
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct ReportWorkbook<'a> {
    report: &'a AuditReport,
    dataset: &'a Dataset,
    lang: Lang,
    input_link: Option<String>,
    tempdir: Option<PathBuf>,
    council: bool,
    public: bool,
}

impl<'a> ReportWorkbook<'a> {
    /// A report of `report`, computed from `dataset`, in Czech.
    pub fn new(report: &'a AuditReport, dataset: &'a Dataset) -> ReportWorkbook<'a> {
        ReportWorkbook {
            report,
            dataset,
            lang: Lang::Cs,
            input_link: dataset.source.file_name.clone(),
            tempdir: None,
            council: false,
            public: false,
        }
    }

    /// The language of labels (Czech by default).
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The input file as the report's links should name it, relative to
    /// where the report will be opened (default: the input's file name,
    /// i.e. both files in one folder). `None` writes places as plain text.
    pub fn input_link(mut self, file: Option<String>) -> Self {
        self.input_link = file;
        self
    }

    /// The council's version, for its PDF: the sheets a council reads
    /// (`Souhrn`, `Ukazatele`, `Cena hodiny`, `Scénáře`) and the findings
    /// summarised by kind with their first rows (`Nálezy podle druhu`);
    /// the detail sheets are there, so every formula holds, but hidden, so
    /// they do not print. Off by default.
    pub fn council(mut self, yes: bool) -> Self {
        self.council = yes;
        self
    }

    /// The version fit for publication ([`AuditReport::public`]): no client
    /// or worker identifier, no name, no birth year and no free text from
    /// the input; distributions instead of people (sheet `Rozložení`),
    /// findings by kind and month, rejected rows by reason, and `Metodika`
    /// saying what was withheld and why. Off by default.
    pub fn public(mut self, yes: bool) -> Self {
        self.public = yes;
        self
    }

    /// Where the detail sheets are streamed while writing (default: the
    /// system's temporary folder).
    pub fn tempdir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.tempdir = Some(dir.into());
        self
    }

    /// Writes the report to `path`.
    ///
    /// ```
    /// # use homecare_audit::{Audit, synth::Synth, workbook::ReportWorkbook};
    /// let ds = Synth::new(1, 200).dataset();
    /// let report = Audit::new(&ds).run();
    /// let dir = std::env::temp_dir().join("homecare-doc-report");
    /// std::fs::create_dir_all(&dir)?;
    /// ReportWorkbook::new(&report, &ds).save(dir.join("report.xlsx"))?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file or a
    /// temporary file cannot be written (with the writer's message); on
    /// anything else only on a bug in the writer.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), crate::Error> {
        super::save(self.build(), path.as_ref())
    }

    /// The report as bytes.
    ///
    /// # Errors
    ///
    /// As [`ReportWorkbook::save`].
    pub fn to_buffer(&self) -> Result<Vec<u8>, crate::Error> {
        super::to_buffer(self.build())
    }

    /// The report as a workbook, for callers that add sheets before saving.
    ///
    /// # Errors
    ///
    /// As [`ReportWorkbook::save`].
    pub fn workbook(&self) -> Result<Workbook, crate::Error> {
        self.build().map_err(|e| crate::Error::write(None, e))
    }

    fn build(&self) -> Result<Workbook, XlsxError> {
        let ds = self.dataset;
        // The report fit for publication is the same report redacted: one
        // code path for every sheet.
        let redacted;
        let report = if self.public {
            redacted = self.report.public(ds);
            &redacted
        } else {
            self.report
        };
        let public_costs: Option<Vec<crate::model::CostLine>> = self.public.then(|| {
            (ds.costs.iter().flatten())
                .map(|c| crate::model::CostLine {
                    note: None,
                    ..c.clone()
                })
                .collect()
        });
        let costs = if self.public {
            public_costs.as_deref().filter(|_| ds.costs.is_some())
        } else {
            ds.costs.as_deref()
        };
        let source = crate::model::Provenance {
            file_name: None,
            ..ds.source.clone()
        };
        let source = if self.public { &source } else { &ds.source };
        let st = Styles::new(self.lang);
        let mut wb = self.empty_workbook(report)?;
        let refs = self.data_sheets(&mut wb, report, costs, source, &st)?;
        self.front_sheets(&mut wb, report, &refs, &st)?;
        self.extra_sheets(&mut wb, report, &st)?;
        Ok(wb)
    }

    /// The workbook with its properties and every standard sheet, named
    /// and set up for printing, in order.
    fn empty_workbook(&self, report: &AuditReport) -> Result<Workbook, XlsxError> {
        let lang = self.lang;
        let mut wb = Workbook::new();
        // Level 3: a quarter less time than the default level 6 for a file
        // about half as large again (a million visits: 0.4 s, 3 MiB).
        wb.set_zip_compression_level(3);
        if let Some(dir) = &self.tempdir {
            wb.set_tempdir(dir)?;
        }
        wb.set_properties(
            &DocProperties::new()
                .set_title(format!(
                    "{}: {}",
                    lang.pick("Audit pečovatelské služby", "Home-care service audit"),
                    report.provider.name
                ))
                .set_author("homecare-audit")
                .set_comment(concat!("homecare-audit ", env!("CARGO_PKG_VERSION"))),
        );
        // Small sheets in memory; the ones that grow with the input streamed
        // to temporary files. WebAssembly in a browser has no files: there
        // every sheet is kept in memory (they are aggregates: one row per
        // worker, client, month, finding and problem).
        for s in Sheet::ALL {
            let streamed = cfg!(not(target_arch = "wasm32"))
                && !matches!(
                    s,
                    Sheet::Summary
                        | Sheet::Indicators
                        | Sheet::Method
                        | Sheet::Hour
                        | Sheet::Scenarios
                        | Sheet::Financing
                        | Sheet::Reach
                );
            let ws = if streamed {
                wb.add_worksheet_with_constant_memory()?
            } else {
                wb.add_worksheet()
            };
            ws.set_name(s.name(lang))?;
            if s != Sheet::Summary {
                sheet::print_setup(ws, s, &report.provider.name, lang)?;
            }
        }
        Ok(wb)
    }

    /// The sheets of detail (workers, clients, months, costs, the hour,
    /// scenarios, findings, problems, methodology); returns where their
    /// rows stand, for the indicators' formulas.
    fn data_sheets<'r>(
        &self,
        wb: &mut Workbook,
        report: &'r AuditReport,
        costs: Option<&[crate::model::CostLine]>,
        source: &crate::model::Provenance,
        st: &Styles,
    ) -> Result<trace::Refs<'r>, XlsxError> {
        let (ds, lang) = (self.dataset, self.lang);
        let name = |s: Sheet| s.name(lang);
        let input = self.input_link.as_deref().filter(|_| !self.public);

        let workers = workers::write(
            wb.worksheet_from_index(Sheet::Workers.index())?,
            name(Sheet::Workers),
            &report.workers,
            lang,
            st,
        )?;
        let clients = clients::write(
            wb.worksheet_from_index(Sheet::Clients.index())?,
            name(Sheet::Clients),
            &report.clients,
            lang,
            st,
        )?;
        let months = months::write(
            wb.worksheet_from_index(Sheet::Months.index())?,
            name(Sheet::Months),
            &report.months,
            lang,
            st,
        )?;
        let cost_rows = costs::write(
            wb.worksheet_from_index(Sheet::Costs.index())?,
            name(Sheet::Costs),
            costs,
            ds.revenues.as_deref(),
            lang,
            st,
        )?;
        let finance = financing::write(
            wb.worksheet_from_index(Sheet::Financing.index())?,
            name(Sheet::Financing),
            report,
            cost_rows.costs.as_ref(),
            &financing::CapacityRefs {
                annual: method::annual_cell(name(Sheet::Method)),
                pss_fte: (!self.public).then(|| {
                    format!(
                        "SUMIF({},\"PSS\",{})",
                        workers.col(workers::ROLE),
                        workers.col(workers::AVERAGE_FTE)
                    )
                }),
                direct_hours: (!self.public)
                    .then(|| format!("SUM({})", months.col(months::DIRECT))),
            },
            lang,
            st,
        )?;
        let reach = reach::write(
            wb.worksheet_from_index(Sheet::Reach.index())?,
            name(Sheet::Reach),
            report,
            lang,
            st,
        )?;
        hour::write(
            wb.worksheet_from_index(Sheet::Hour.index())?,
            name(Sheet::Hour),
            &report.hour,
            lang,
            st,
        )?;
        scenarios::write(
            wb.worksheet_from_index(Sheet::Scenarios.index())?,
            &report.hour.scenarios,
            lang,
            st,
        )?;
        let finding_rows = findings::write_findings(
            wb.worksheet_from_index(Sheet::Findings.index())?,
            name(Sheet::Findings),
            &report.findings,
            report.findings_not_listed,
            input,
            lang,
            st,
        )?;
        findings::write_problems(
            wb.worksheet_from_index(Sheet::Problems.index())?,
            &report.problems,
            input,
            lang,
            st,
        )?;
        method::write(
            wb.worksheet_from_index(Sheet::Method.index())?,
            report,
            source,
            lang,
            st,
        )?;

        Ok(trace::Refs {
            lang,
            workers,
            clients,
            months,
            findings: finding_rows,
            costs: cost_rows.costs,
            revenues: cost_rows.revenues,
            annual: method::annual_cell(name(Sheet::Method)),
            fees_from_revenues: crate::audit::fees_from_revenues(ds),
            listed: &report.findings,
            public: self.public,
            finance,
            reach,
        })
    }

    /// `Ukazatele` (each value a formula over the detail sheets) and
    /// `Souhrn` (linked to it), the sheet the workbook opens on.
    fn front_sheets(
        &self,
        wb: &mut Workbook,
        report: &AuditReport,
        refs: &trace::Refs<'_>,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let name = |s: Sheet| s.name(lang);
        let indicator_rows = indicators::write(
            wb.worksheet_from_index(Sheet::Indicators.index())?,
            report,
            refs,
            lang,
            st,
        )?;
        summary::write(
            wb.worksheet_from_index(Sheet::Summary.index())?,
            report,
            &summary::SummaryRefs {
                indicators_sheet: name(Sheet::Indicators),
                indicator_rows: &indicator_rows,
                clients: &refs.clients,
                months: &refs.months,
                costs: refs.costs.as_ref(),
            },
            lang,
            st,
        )?;
        wb.worksheet_from_index(Sheet::Summary.index())?
            .set_active(true);
        Ok(())
    }

    /// The published report's distributions, and the council's findings by
    /// kind (the council's report hides the detail sheets).
    fn extra_sheets(
        &self,
        wb: &mut Workbook,
        report: &AuditReport,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        if let Some(tables) = &report.public {
            let ws = wb.add_worksheet();
            ws.set_name(distributions::name(lang))?;
            distributions::write(ws, tables, lang, st)?;
            sheet::print_pages(
                ws,
                distributions::name(lang),
                false,
                false,
                &report.provider.name,
                lang,
            )?;
        }
        if self.council {
            for s in Sheet::ALL {
                if !matches!(
                    s,
                    Sheet::Summary | Sheet::Indicators | Sheet::Hour | Sheet::Scenarios
                ) {
                    wb.worksheet_from_index(s.index())?.set_hidden(true);
                }
            }
            let ws = wb.add_worksheet();
            ws.set_name(by_kind::name(lang))?;
            by_kind::write(ws, &report.findings_by_kind(), lang, st)?;
            sheet::print_pages(
                ws,
                by_kind::name(lang),
                true,
                true,
                &report.provider.name,
                lang,
            )?;
        }
        Ok(())
    }
}

/// Writes the report of an audit to `path` (shorthand for
/// [`ReportWorkbook`]).
///
/// ```
/// # use homecare_audit::{Audit, Lang, synth::Synth};
/// let ds = Synth::new(3, 200).dataset();
/// let report = Audit::new(&ds).run();
/// let dir = std::env::temp_dir().join("homecare-doc-write-report");
/// std::fs::create_dir_all(&dir)?;
/// homecare_audit::workbook::write_report(&report, &ds, dir.join("zprava.xlsx"), Lang::Cs)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`ReportWorkbook::save`].
pub fn write_report(
    report: &AuditReport,
    dataset: &Dataset,
    path: impl AsRef<Path>,
    lang: Lang,
) -> Result<(), crate::Error> {
    ReportWorkbook::new(report, dataset).lang(lang).save(path)
}
