//! `Náklady`: costs.

use crate::model::{CostCategory, CostGroup, CostLine, DatasetBuilder};
use crate::problem::{Problem, Problems, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const CATEGORY: usize = 0;
const GROUP: usize = 1;
const AMOUNT: usize = 2;
const NOTE: usize = 3;
const ELIGIBLE: usize = 4;

pub(crate) fn row(
    row: &Row<'_, '_>,
    b: &mut DatasetBuilder,
    notices: &mut Problems,
) -> Result<(), Problem> {
    let category = CostCategory::parse(&row.req(CATEGORY, value::text)?);
    let group = match row.get(GROUP, value::text)? {
        Some(g) => CostGroup::parse(&g).ok_or_else(|| row.reject(GROUP, Reason::UnknownGroup))?,
        None => category
            .group()
            .ok_or_else(|| row.reject(CATEGORY, Reason::UnknownCategory))?,
    };
    let amount = row.req(AMOUNT, value::decimal)?;
    if amount.is_sign_negative() && !amount.is_zero() {
        notices.push(row.reject(AMOUNT, Reason::NegativeCorrection));
    }
    // An unreadable `Uznatelné` is the auditor's slip, not a reason to
    // lose the cost: a notice, and the rules decide.
    let eligible = match row.get(ELIGIBLE, value::yes_no) {
        Ok(v) => v,
        Err(p) => {
            notices.push(Problem::new(p.place, p.raw, Reason::EligibleUnread));
            None
        }
    };
    // The number reader already bounds the amount as the builder does.
    b.cost(CostLine {
        category,
        group,
        amount,
        note: row.get(NOTE, value::text)?,
        account: None,
        eligible,
        row: row.number,
    })
    .map_err(|_| row.reject(AMOUNT, Reason::OutOfRange("±10¹²".into())))
}
