//! A benchmark row as read from a `Benchmarky` sheet or built in code. How
//! rows are chosen for an indicator and what they say of a value is
//! [`crate::benchmark`]'s.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One benchmark row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Indicator id.
    pub indicator: String,
    /// Region code, or `CZ` for the whole country.
    pub region: String,
    /// Valid from (inclusive); `None` = always.
    pub valid_from: Option<NaiveDate>,
    /// Valid to (inclusive); `None` = open.
    pub valid_to: Option<NaiveDate>,
    /// Lower bound.
    pub min: Option<Decimal>,
    /// Upper bound.
    pub max: Option<Decimal>,
    /// Target.
    pub target: Option<Decimal>,
    /// The document and year the figure comes from.
    pub source: String,
}
