//! Writing workbooks: the blank input template, input workbooks from a
//! dataset (samples, tests), and the report.

pub mod comparison;
pub mod input;
pub mod law;
pub mod report;
pub mod template;
