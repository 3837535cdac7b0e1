//! `Benchmarky`: benchmark rows (an indicator's bounds for a region and a
//! time, with the source they come from), in the input or in a separate
//! benchmarks workbook.

use crate::benchmark::Benchmark;
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const INDICATOR: usize = 0;
const REGION: usize = 1;
const VALID_FROM: usize = 2;
const VALID_TO: usize = 3;
const MIN: usize = 4;
const MAX: usize = 5;
const TARGET: usize = 6;
const SOURCE: usize = 7;

/// One row as a benchmark, or the problem at its place.
pub(crate) fn row(row: &Row<'_, '_>) -> Result<Benchmark, Problem> {
    let indicator = row.req(INDICATOR, value::text)?.trim().to_string();
    if !crate::indicator::catalog::is_known(&indicator) {
        return Err(row.reject(INDICATOR, Reason::UnknownIndicator));
    }
    let region = row
        .get(REGION, value::text)?
        .map(|r| r.trim().to_ascii_uppercase())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "CZ".to_string());
    let valid_from = row.get(VALID_FROM, value::date)?;
    let valid_to = row.get(VALID_TO, value::date)?;
    if let (Some(f), Some(t)) = (valid_from, valid_to)
        && t < f
    {
        return Err(row.reject(VALID_TO, Reason::PeriodReversed));
    }
    let min = row.get(MIN, value::decimal)?;
    let max = row.get(MAX, value::decimal)?;
    let target = row.get(TARGET, value::decimal)?;
    if let (Some(a), Some(b)) = (min, max)
        && a > b
    {
        return Err(row.reject(MAX, Reason::BoundsReversed));
    }
    if min.is_none() && max.is_none() && target.is_none() {
        return Err(row.reject(MIN, Reason::NoBound));
    }
    // Only figures with a cited source.
    let source = row.req(SOURCE, value::text)?.trim().to_string();
    if source.is_empty() {
        return Err(row.reject(SOURCE, Reason::Missing));
    }
    Ok(Benchmark {
        indicator,
        region,
        valid_from,
        valid_to,
        min,
        max,
        target,
        source,
    })
}
