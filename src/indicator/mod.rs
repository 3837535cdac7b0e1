//! The indicators' vocabulary: every indicator's id, unit, labels and
//! formula in words ([`catalog`]), and the kinds of finding (the integrity
//! kinds are indicators too). Below the reader, the audit and the
//! benchmarks: the reader checks a benchmark row's indicator id here, the
//! audit fills the ids, the writers label them.

pub mod catalog;
mod finding_kind;
mod headline;
mod unit;

pub use finding_kind::FindingKind;
pub use headline::{HEADLINES, HeadlineFamily};
pub use unit::Unit;
