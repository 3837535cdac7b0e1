//! `Pracovníci`: workers.

use super::{non_negative, refused};
use crate::model::{DatasetBuilder, Role, Worker, check_fte, check_weekly_hours};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const ID: usize = 0;
const ROLE: usize = 1;
const FTE: usize = 2;
const WEEKLY: usize = 3;
const FROM: usize = 4;
const TO: usize = 5;
const ABSENCE: usize = 6;
const TRAINING: usize = 7;
const COST: usize = 8;
const MUNICIPALITY: usize = 9;

fn hours(row: &Row<'_, '_>, field: usize) -> Result<Option<u64>, Problem> {
    match non_negative(row, field, row.get(field, value::decimal)?)? {
        None => Ok(None),
        Some(h) => value::hours_to_seconds(h)
            .map(|s| Some(s as u64))
            .map_err(|r| row.reject(field, r)),
    }
}

pub(crate) fn row(row: &Row<'_, '_>, b: &mut DatasetBuilder) -> Result<(), Problem> {
    let id = row.req(ID, value::text)?;
    let role_text = row.req(ROLE, value::text)?;
    let role = Role::parse(&role_text).ok_or_else(|| row.reject(ROLE, Reason::UnknownRole))?;
    let fte = row.req(FTE, value::decimal)?;
    check_fte(fte).map_err(|e| refused(row, FTE, e))?;
    let mut w = Worker::new(id, role, fte);
    w.weekly_hours = row.get(WEEKLY, value::decimal)?;
    if let Some(h) = w.weekly_hours {
        check_weekly_hours(h).map_err(|e| refused(row, WEEKLY, e))?;
    }
    w.employed_from = row.get(FROM, value::date)?;
    w.employed_to = row.get(TO, value::date)?;
    if let (Some(f), Some(t)) = (w.employed_from, w.employed_to)
        && t < f
    {
        return Err(row.reject(
            TO,
            Reason::OutOfRange(format!("≥ {}", f.format("%-d. %-m. %Y"))),
        ));
    }
    w.absence = hours(row, ABSENCE)?;
    w.training = hours(row, TRAINING)?;
    w.personnel_cost = non_negative(row, COST, row.get(COST, value::decimal)?)?;
    w.municipality = row
        .get(MUNICIPALITY, value::text)?
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty());
    w.row = row.number;
    b.worker(w).map(|_| ()).map_err(|e| refused(row, ID, e))
}
