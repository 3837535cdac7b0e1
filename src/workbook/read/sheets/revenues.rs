//! `Výnosy`: revenues.

use crate::model::{DatasetBuilder, RevenueLine, RevenueSource};
use crate::problem::{Problem, Problems, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const SOURCE: usize = 0;
const AMOUNT: usize = 1;

pub(crate) fn row(
    row: &Row<'_, '_>,
    b: &mut DatasetBuilder,
    notices: &mut Problems,
) -> Result<(), Problem> {
    let source = RevenueSource::parse(&row.req(SOURCE, value::text)?)
        .ok_or_else(|| row.reject(SOURCE, Reason::UnknownRevenueSource))?;
    let amount = row.req(AMOUNT, value::decimal)?;
    if amount.is_sign_negative() && !amount.is_zero() {
        // A grant below zero is no grant: a returned grant belongs to the
        // year it was paid in (its settlement), not as a negative source
        // of this year's compensation. An own revenue may be corrected.
        if source.is_public() {
            return Err(row.reject(AMOUNT, Reason::Negative));
        }
        notices.push(row.reject(AMOUNT, Reason::NegativeCorrection));
    }
    // The number reader already bounds the amount as the builder does.
    b.revenue(RevenueLine {
        source,
        amount,
        row: row.number,
    })
    .map_err(|_| row.reject(AMOUNT, Reason::OutOfRange("±10¹²".into())))
}
