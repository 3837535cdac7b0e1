//! The one front end: what every face of the library (the auditor's
//! programs, the web page, the Python package) asks for and gets, so that
//! none of them assembles a run itself.
//!
//! A face turns its raw arguments (a command line, a form, Python's) into
//! a request once: [`AuditRequest`] for one provider, [`CompareRequest`]
//! for several. The request reads every input ([`Source`]: a file or
//! bytes), keeping every rejected row with its place, runs the audit and
//! gives back an [`Audited`] or a [`Comparison`]: the summary (as data and
//! as text, findings by kind from the full counts), the JSON, the tables
//! a data frame is made of ([`Table`]), the report or comparison workbook,
//! the council's PDF. Options given as text are
//! parsed by the same functions everywhere ([`parse_share`],
//! [`parse_date`], [`parse_lang`]); an error names its input file
//! ([`Error::file`](crate::Error::file)) and says its exit status
//! ([`Error::exit_code`](crate::Error::exit_code)).
//!
//! ```
//! use homecare_audit::Lang;
//! use homecare_audit::run::{AuditRequest, Source};
//! let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx"))
//!     .lang(Lang::En)
//!     .run()?;
//! print!("{}", audited.summary_text());
//! let json = audited.json()?;
//! assert!(json.contains("\"findings_by_kind\""));
//! let report = audited.report_bytes()?;
//! assert_eq!(&report[..2], b"PK");
//! # Ok::<(), homecare_audit::Error>(())
//! ```
//!
//! This module sits above the reader, the audit, the comparison and the
//! writers, and below nothing: it is the top of read → model → audit →
//! write.

mod audit;
mod compare;
mod options;
#[cfg(not(target_family = "wasm"))]
mod pdf;
mod samples;
mod source;
mod summary;
mod tables;

pub use crate::workbook::CsvEncoding;
pub use crate::workbook::{MappingProposal, MappingRow, ProposedColumn, mapping_workbook};
pub use audit::{AuditInputs, AuditRequest, Audited, SUMMARY_LISTED};
pub use compare::{
    CompareProgress, CompareRequest, ComparedAudit, Comparison, ProviderFiles, providers_in,
    workbooks_in,
};
pub use options::{parse_csv_encoding, parse_date, parse_lang, parse_rows, parse_share};
pub use samples::{
    StarterWorkbook, SyntheticSummary, SyntheticWorkbook, write_example_benchmarks,
    write_law_workbook, write_merger_sample, write_template, write_template_with_mapping,
};
pub use source::Source;
pub use summary::{
    AbsentList, FindingGroup, FindingRow, Headline, RejectedRow, SheetRows, Summary, SummaryFamily,
    summary_text,
};
pub use tables::{AUDIT_TABLES, COMPARISON_TABLES, Cell, Table};
