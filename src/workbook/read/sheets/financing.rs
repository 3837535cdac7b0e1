//! `Financování`: a region's financing method, one parameter a row with
//! its source (required), region and dates.

use crate::model::{FinancingKey, FinancingParam};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const PARAMETER: usize = 0;
const VALUE: usize = 1;
const SOURCE: usize = 2;
const REGION: usize = 3;
const FROM: usize = 4;
const TO: usize = 5;

pub(crate) fn row(row: &Row<'_, '_>) -> Result<FinancingParam, Problem> {
    let key = FinancingKey::parse(&row.req(PARAMETER, value::text)?)
        .ok_or_else(|| row.reject(PARAMETER, Reason::UnknownParameter))?;
    let v = row.req(VALUE, value::decimal)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(row.reject(VALUE, Reason::Negative));
    }
    let (min, max) = key.range();
    if v < min || v > max {
        return Err(row.reject(
            VALUE,
            Reason::OutOfRange(format!("{}–{}", min, max).replace('.', ",")),
        ));
    }
    let source = row.req(SOURCE, value::text)?.trim().to_string();
    if source.is_empty() {
        return Err(row.reject(SOURCE, Reason::Missing));
    }
    let valid_from = row.get(FROM, value::date)?;
    let valid_to = row.get(TO, value::date)?;
    if let (Some(f), Some(t)) = (valid_from, valid_to)
        && t < f
    {
        return Err(row.reject(TO, Reason::PeriodReversed));
    }
    Ok(FinancingParam {
        region: row
            .get(REGION, value::text)?
            .map(|r| r.trim().to_uppercase())
            .filter(|r| !r.is_empty()),
        valid_from,
        valid_to,
        key,
        value: v,
        source,
        place: row.place(VALUE).to_string(),
    })
}
