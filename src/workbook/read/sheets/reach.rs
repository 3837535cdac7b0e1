//! `Území` (the service's municipalities and their residents) and
//! `Žadatelé` (applications for a contract and their outcome).

use std::collections::HashMap;

use super::refused;
use crate::matching::fold;
use crate::model::{Applicant, AreaRow, DatasetBuilder, Outcome, RefusalReason};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const MUNICIPALITY: usize = 0;
const RESIDENTS_65: usize = 1;
const RESIDENTS_80: usize = 2;
const RESIDENTS_TOTAL: usize = 3;
const ALLOWANCE_65: usize = 4;
const SOURCE: usize = 5;

/// A count of people: a whole number, not negative.
fn people(row: &Row<'_, '_>, field: usize, v: Option<i64>) -> Result<Option<u64>, Problem> {
    match v {
        Some(n) if n < 0 => Err(row.reject(field, Reason::Negative)),
        Some(n) => Ok(Some(n as u64)),
        None => Ok(None),
    }
}

/// An `Území` row; `seen` holds the place of each municipality's first
/// row (folded), so a second row names it.
pub(crate) fn area_row(
    row: &Row<'_, '_>,
    b: &mut DatasetBuilder,
    seen: &mut HashMap<String, String>,
) -> Result<(), Problem> {
    let name = row.req(MUNICIPALITY, value::text)?;
    if let Some(first) = seen.get(&fold(&name)) {
        return Err(row.reject(MUNICIPALITY, Reason::GivenBefore(first.clone())));
    }
    let r65 = people(
        row,
        RESIDENTS_65,
        Some(row.req(RESIDENTS_65, value::integer)?),
    )?;
    let r80 = people(
        row,
        RESIDENTS_80,
        Some(row.req(RESIDENTS_80, value::integer)?),
    )?;
    let mut a = AreaRow::new(name.clone(), r65.unwrap_or(0), r80.unwrap_or(0));
    a.residents_total = people(
        row,
        RESIDENTS_TOTAL,
        row.get(RESIDENTS_TOTAL, value::integer)?,
    )?;
    a.allowance_65 = people(row, ALLOWANCE_65, row.get(ALLOWANCE_65, value::integer)?)?;
    a.source = row
        .get(SOURCE, value::text)?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    a.row = row.number;
    // The builder's checks, each at its column.
    let field = if a.residents_80 > a.residents_65 {
        RESIDENTS_80
    } else if a.allowance_65.is_some_and(|x| x > a.residents_65) {
        ALLOWANCE_65
    } else if a.residents_total.is_some_and(|t| t < a.residents_65) {
        RESIDENTS_TOTAL
    } else {
        MUNICIPALITY
    };
    b.area(a).map_err(|e| refused(row, field, e))?;
    seen.insert(fold(&name), row.place(MUNICIPALITY).to_string());
    Ok(())
}

const ID: usize = 0;
const APPLIED: usize = 1;
const OUTCOME: usize = 2;
const REASON: usize = 3;
const DECIDED: usize = 4;
const APPLICANT_MUNICIPALITY: usize = 5;
const DEGREE: usize = 6;

/// A `Žadatelé` row.
pub(crate) fn applicant_row(row: &Row<'_, '_>, b: &mut DatasetBuilder) -> Result<(), Problem> {
    let id = row.req(ID, value::text)?;
    let applied = row.req(APPLIED, value::date)?;
    let outcome = Outcome::parse(&row.req(OUTCOME, value::text)?)
        .ok_or_else(|| row.reject(OUTCOME, Reason::UnknownOutcome))?;
    let reason = match row.get(REASON, value::text)? {
        Some(t) if !t.trim().is_empty() => Some(
            RefusalReason::parse(&t)
                .ok_or_else(|| row.reject(REASON, Reason::UnknownRefusalReason))?,
        ),
        _ => None,
    };
    let mut a = Applicant::new(id, applied, outcome);
    a.reason = reason;
    a.decided = row.get(DECIDED, value::date)?;
    a.municipality = row
        .get(APPLICANT_MUNICIPALITY, value::text)?
        .filter(|m| !m.is_empty());
    a.care_allowance = row.get(DEGREE, value::degree)?;
    a.row = row.number;
    let field = if a.reason.is_some() && outcome != Outcome::Refused {
        REASON
    } else {
        DECIDED
    };
    b.applicant(a).map_err(|e| refused(row, field, e))
}
