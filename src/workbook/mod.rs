//! Workbooks in and out. [`read`] turns a provider's workbook (.xlsx, .xlsm,
//! .xlsb, .xls or .ods) into a [`Dataset`](crate::Dataset) and its
//! [`Problems`](crate::Problems); [`schema`] is the input contract as data,
//! shared by the reader and the template; [`write`](mod@write) writes the report
//! workbook, the comparison workbook, the blank template and input
//! workbooks from a dataset.
//!
//! `read` sits below the audit and `write` above it: the audit knows no
//! file format.

pub mod read;
pub mod schema;
pub mod write;

pub use read::{
    Format, Input, ReadLimits, ReadOptions, read_benchmarks_bytes, read_benchmarks_path,
    read_bytes, read_financing_bytes, read_financing_path, read_inputs, read_law_bytes,
    read_law_path, read_merger_bytes, read_merger_path, read_path,
};
pub use schema::SheetKind;
pub use write::benchmarks::BenchmarksWorkbook;
pub use write::comparison::ComparisonWorkbook;
pub use write::input::{InputCell, InputWorkbook};
pub use write::law::LawWorkbook;
pub use write::mapping::{MappingProposal, MappingRow, ProposedColumn, mapping_workbook};
pub use write::merger::MergerWorkbook;
pub use write::report::{ReportWorkbook, write_report};
pub use write::template::{template_bytes, write_template, write_template_with_mapping};
pub use write::visits_csv::{CsvEncoding, VisitsCsv};
