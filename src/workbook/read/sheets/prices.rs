//! `Ceník`: the provider's price list.

use super::{non_negative, refused};
use crate::model::{DatasetBuilder, Price};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const TASK: usize = 0;
const PRICE: usize = 1;
const FROM: usize = 2;

pub(crate) fn row(row: &Row<'_, '_>, b: &mut DatasetBuilder) -> Result<(), Problem> {
    let code = row.req(TASK, value::text)?;
    let task = b
        .find_task(&code)
        .ok_or_else(|| row.reject(TASK, Reason::UnknownTask))?;
    let price =
        non_negative(row, PRICE, Some(row.req(PRICE, value::decimal)?))?.unwrap_or_default();
    let valid_from = row.get(FROM, value::date)?;
    b.price(Price {
        task,
        price,
        valid_from,
        row: row.number,
    })
    .map_err(|e| refused(row, TASK, e))
}
