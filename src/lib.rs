//! # homecare-audit
//!
//! Audits a Czech home-care service (pečovatelská služba, §40 Act 108/2006)
//! from its own records: what an hour of care really costs, whether the
//! staff is adequate for the care delivered, and whether the care reaches
//! the people it is meant for — exactly, traceably, against legal caps and
//! benchmarks.
//!
//! The data flows one way:
//!
//! ```text
//! workbook ──xlsx::read──▶ Dataset + Problems ──audit──▶ AuditReport ──▶ report workbook / JSON
//! ```
//!
//! ## Quick start
//!
//! ```
//! use homecare_audit::xlsx::{read_path, ReadOptions};
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
//! The input workbook's format is described in [`xlsx::schema`] and in the
//! README; [`xlsx::write_template`] writes a blank one.
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
pub mod law;
pub mod model;
pub mod period;
pub mod place;
mod problem;
pub mod synth;
pub mod text;
pub mod xlsx;

pub use error::{Error, ErrorKind, Limit};
pub use i18n::Lang;
pub use model::{
    BillingUnit, CareDegree, Client, ClientId, CostCategory, CostGroup, CostLine, Dataset,
    DatasetBuilder, Price, Provider, RevenueLine, RevenueSource, Role, StatutoryTask, Task,
    TaskCatalog, TaskGroup, TaskId, TaskKind, TimeKind, Unit, Visit, VisitFlags, Worker, WorkerId,
};
pub use period::Period;
pub use place::Place;
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
