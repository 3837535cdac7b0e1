//! `Model`: parameters of the normative price model, one a row (parameter
//! id or label, value, source). Parameters not given keep the example
//! values, marked as examples in the report.

use crate::model::{DatasetBuilder, NormativeParams};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const PARAMETER: usize = 0;
const VALUE: usize = 1;
const SOURCE: usize = 2;

pub(crate) fn row(row: &Row<'_, '_>, b: &mut DatasetBuilder) -> Result<(), Problem> {
    let key = row.req(PARAMETER, value::text)?;
    let spec = NormativeParams::spec(&key)
        .ok_or_else(|| row.reject(PARAMETER, Reason::UnknownParameter))?;
    let v = row.req(VALUE, value::decimal)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(row.reject(VALUE, Reason::Negative));
    }
    if v < spec.min || v > spec.max {
        return Err(row.reject(
            VALUE,
            Reason::OutOfRange(format!("{}–{}", spec.min, spec.max).replace('.', ",")),
        ));
    }
    let source = row
        .get(SOURCE, value::text)?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    b.normative_param(spec.id, v, source);
    Ok(())
}
