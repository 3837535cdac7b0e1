//! One parser per sheet. Each turns a [`Row`](super::table::Row) into a
//! record of the [`DatasetBuilder`](crate::DatasetBuilder), or a problem.

pub(crate) mod accounts;
pub(crate) mod benchmarks;
pub(crate) mod clients;
pub(crate) mod costs;
pub(crate) mod financing;
pub(crate) mod law;
pub(crate) mod merger;
pub(crate) mod model;
pub(crate) mod prices;
pub(crate) mod provider;
pub(crate) mod reach;
pub(crate) mod revenues;
pub(crate) mod tasks;
pub(crate) mod visits;
pub(crate) mod workers;

use super::table::Row;
use crate::error::{Error, ErrorKind};
use crate::problem::{Problem, Reason};

/// A builder's refusal as a problem at a field of the row.
pub(crate) fn refused(row: &Row<'_, '_>, field: usize, err: Error) -> Problem {
    let reason = match err.into_kind() {
        ErrorKind::Invalid { reason, .. } => reason,
        _ => Reason::Missing,
    };
    row.reject(field, reason)
}

/// Rejects a negative decimal.
pub(crate) fn non_negative(
    row: &Row<'_, '_>,
    field: usize,
    v: Option<rust_decimal::Decimal>,
) -> Result<Option<rust_decimal::Decimal>, Problem> {
    match v {
        Some(d) if d.is_sign_negative() && !d.is_zero() => Err(row.reject(field, Reason::Negative)),
        other => Ok(other),
    }
}
