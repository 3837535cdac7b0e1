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
pub mod model;
pub mod period;
pub mod place;
mod problem;
pub mod synth;
pub mod text;
pub mod workbook;

/// The `workbook` module under its old name, kept for one release.
#[deprecated(
    since = "0.2.0",
    note = "renamed to `workbook` (it reads .xlsx, .xlsb, .xls and .ods)"
)]
pub mod xlsx {
    pub use crate::workbook::*;
}

pub use error::{Error, ErrorKind, Limit};
pub use i18n::Lang;
pub use model::{
    BillingUnit, CareDegree, Client, ClientId, CostCategory, CostGroup, CostLine, Dataset,
    DatasetBuilder, Price, Provider, RevenueLine, RevenueSource, Role, StatutoryTask, Task,
    TaskCatalog, TaskGroup, TaskId, TaskKind, TimeKind, Unit, Visit, VisitFlags, Worker, WorkerId,
};
pub use period::Period;
pub use place::{Place, SheetKind};
pub use problem::{Problem, Problems, Reason, RowCount};

/// Guides for auditors and developers.
pub mod guide {
    /// The input workbook: every sheet, column, value form and read limit.
    #[doc = include_str!("../docs/workbook.md")]
    pub mod workbook {}

    /// The README: the auditor's tool, the report workbook, the library in
    /// brief (its Rust examples run as doc tests).
    #[doc = include_str!("../README.md")]
    pub mod readme {}
}
