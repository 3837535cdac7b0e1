//! `Klienti`: clients.

use super::refused;
use crate::model::{Client, DatasetBuilder};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const ID: usize = 0;
const BIRTH: usize = 1;
const DEGREE: usize = 2;
const ALONE: usize = 3;
const RISK: usize = 4;
const EXEMPT: usize = 5;
const MUNICIPALITY: usize = 6;
const FROM: usize = 7;
const TO: usize = 8;

/// `max_birth_year`: the period's end year when known (else 2100).
pub(crate) fn row(
    row: &Row<'_, '_>,
    b: &mut DatasetBuilder,
    max_birth_year: i64,
) -> Result<(), Problem> {
    let id = row.req(ID, value::text)?;
    let mut c = Client::new(id);
    if let Some(y) = row.get(BIRTH, value::integer)? {
        if !(1900..=max_birth_year).contains(&y) {
            return Err(row.reject(BIRTH, Reason::OutOfRange(format!("1900–{max_birth_year}"))));
        }
        c.birth_year = Some(y as u16);
    }
    c.care_allowance = row.get(DEGREE, value::degree)?;
    c.lives_alone = row.get(ALONE, value::yes_no)?;
    c.at_risk = row.get(RISK, value::yes_no)?;
    c.fee_exempt = row.get(EXEMPT, value::yes_no)?;
    c.municipality = row.get(MUNICIPALITY, value::text)?;
    c.contract_from = row.get(FROM, value::date)?;
    c.contract_to = row.get(TO, value::date)?;
    if let (Some(f), Some(t)) = (c.contract_from, c.contract_to)
        && t < f
    {
        return Err(row.reject(
            TO,
            Reason::OutOfRange(format!("≥ {}", f.format("%-d. %-m. %Y"))),
        ));
    }
    c.row = row.number;
    b.client(c).map(|_| ()).map_err(|e| refused(row, ID, e))
}
