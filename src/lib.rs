//! # homecare-audit
//!
//! Audits a Czech home-care service (pečovatelská služba, §40 Act 108/2006)
//! from its own records: what an hour of care really costs, whether the
//! staff is adequate for the care delivered, and whether the care reaches
//! the people it is meant for — exactly, traceably, against legal caps and
//! benchmarks.
//!
//! The data flows one way, and the modules are layered the same way (a
//! test, `tests/layering.rs`, holds every `crate::` path to it):
//!
//! ```text
//! workbook ──workbook::read──▶ Dataset + Problems ──audit──▶ AuditReport ──workbook::write──▶ report workbook
//!                                  (model)                                      └──serde──▶ JSON
//! ```
//!
//! On top sits [`run`], the one front end every face calls (the example
//! programs, the web page): an [`run::AuditRequest`] or
//! [`run::CompareRequest`] reads the inputs, runs the audit or the
//! comparison and gives the summary, the JSON and the workbooks, so that a
//! program is only its arguments and its printing.
//!
//! ## Quick start
//!
//! ```
//! use homecare_audit::workbook::{read_path, ReadOptions};
//!
//! let (dataset, problems) = read_path("fixtures/sample.xlsx", &ReadOptions::default())?;
//! for (sheet, rows) in &problems.rows {
//!     // Nothing is lost: every row read is accepted or rejected.
//!     assert_eq!(rows.read, rows.accepted + rows.rejected, "{sheet}");
//! }
//! for p in problems.rejections() {
//!     println!("{}", p.describe(homecare_audit::Lang::Cs)); // Výkazy!D17 „abc“: není číslo
//! }
//! # Ok::<(), homecare_audit::Error>(())
//! ```
//!
//! The input workbook's format is described in [`workbook::schema`] and in
//! [`guide::workbook`]; [`workbook::write_template`] writes a blank one.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

pub mod audit;
pub use audit::{Audit, AuditReport};
pub mod benchmark;
pub use benchmark::{Benchmark, BenchmarkSet};
pub mod calendar;
pub mod compare;
pub mod display;
mod error;
mod i18n;
pub mod indicator;
pub mod law;
pub mod matching;
pub mod model;
pub mod period;
pub mod place;
mod problem;
pub mod run;
pub mod synth;
pub mod workbook;

pub use error::{Error, ErrorKind, Limit};
pub use i18n::{Lang, Text};
pub use model::{
    CareDegree, Client, ClientId, CostCategory, CostGroup, CostLine, Dataset, DatasetBuilder,
    FeeBasis, Price, Provider, RevenueLine, RevenueSource, Role, StatutoryTask, Task, TaskCatalog,
    TaskGroup, TaskId, TaskKind, TaskUnit, TimeKind, Visit, VisitFlags, Worker, WorkerId,
};
pub use period::Period;
pub use place::{Place, SheetKind};
pub use problem::{Problem, Problems, Reason, RowCount};

/// Guides for auditors and developers: the repository's `README.md` and
/// `docs/`, carried in the API docs (their Rust examples run as doc tests).
pub mod guide {
    /// The README: what it does, the two commands, the tools, the library
    /// in brief.
    #[doc = include_str!("../README.md")]
    pub mod readme {}

    /// Návod pro auditora (Czech): filling the template, running the tool,
    /// reading the report, rejected rows and findings.
    #[doc = include_str!("../docs/navod.md")]
    pub mod navod {}

    /// The input workbook: every sheet, column, value form and read limit.
    #[doc = include_str!("../docs/workbook.md")]
    pub mod workbook {}

    /// The report workbook, sheet by sheet.
    #[doc = include_str!("../docs/report.md")]
    pub mod report {}

    /// Every indicator's id, formula and unit; the JSON report.
    #[doc = include_str!("../docs/indicators.md")]
    pub mod indicators {}

    /// The legal tables: fee caps, on-costs, working time, with sources.
    #[doc = include_str!("../docs/law.md")]
    pub mod law {}

    /// What an hour should cost: the hour model, the normative price, the
    /// scenarios.
    #[doc = include_str!("../docs/hour.md")]
    pub mod hour {}

    /// Benchmarks, comparing providers, the merger study.
    #[doc = include_str!("../docs/compare.md")]
    pub mod compare {}

    /// Untrusted files: what the reader refuses, and the read limits.
    #[doc = include_str!("../docs/safety.md")]
    pub mod safety {}

    /// Measured speed and memory, and what made it fast.
    #[doc = include_str!("../docs/performance.md")]
    pub mod performance {}

    /// Why it is built this way; the layering of the modules.
    #[doc = include_str!("../docs/design.md")]
    pub mod design {}
}
