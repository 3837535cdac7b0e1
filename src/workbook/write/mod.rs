//! Writing workbooks: the report, the comparison, the blank input template,
//! law workbooks and input workbooks from a dataset (samples, tests).
//!
//! Each writer builds a rust_xlsxwriter `Workbook` and hands it to
//! `save` or `to_buffer` here, which turn the writer's error into ours.

pub mod benchmarks;
pub mod comparison;
pub mod input;
pub mod law;
pub mod mapping;
pub mod merger;
mod merger_study;
pub mod report;
pub mod template;
pub mod visits_csv;

use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

/// The header cells of a workbook the auditor fills in or a program reads
/// back (the template, a law or benchmarks workbook): bold on light blue,
/// a thin line below.
pub(crate) fn input_header() -> rust_xlsxwriter::Format {
    rust_xlsxwriter::Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin)
}

/// Saves a built workbook to `path`; the writer's error as
/// [`ErrorKind::Write`](crate::ErrorKind::Write) naming the path.
pub(crate) fn save(built: Result<Workbook, XlsxError>, path: &Path) -> Result<(), crate::Error> {
    built
        .and_then(|mut wb| wb.save(path))
        .map_err(|e| crate::Error::write(Some(path), e))
}

/// A built workbook's bytes.
pub(crate) fn to_buffer(built: Result<Workbook, XlsxError>) -> Result<Vec<u8>, crate::Error> {
    built
        .and_then(|mut wb| wb.save_to_buffer())
        .map_err(|e| crate::Error::write(None, e))
}
