//! Workbooks in and out: reading a provider's workbook, the input contract
//! as data, and (soon) writing the report and the blank template.

pub mod read;
pub mod schema;
pub mod write;

pub use read::{
    Format, ReadLimits, ReadOptions, read_benchmarks_bytes, read_benchmarks_path, read_bytes,
    read_path,
};
pub use schema::SheetKind;
pub use write::comparison::ComparisonWorkbook;
pub use write::input::{InputCell, InputWorkbook};
pub use write::report::{ReportWorkbook, write_report};
pub use write::template::write_template;
