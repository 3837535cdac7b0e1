//! `Limity`: legal caps and rates, in the input or in a separate law
//! workbook. Each row takes precedence over the built-in row of the same
//! kind (and tasks) from its date on; every row names its source.

use rust_decimal::Decimal;

use crate::law::{LawKind, LawOrigin, LawRow};
use crate::model::{FeeBasis, StatutoryTask};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const KIND: usize = 0;
const TASKS: usize = 1;
const VALID_FROM: usize = 2;
const AMOUNT: usize = 3;
const DECREE: usize = 4;
const SOURCE: usize = 5;
const VERIFIED: usize = 6;

/// One row as a legal row of `file`, or the problem at its place.
pub(crate) fn row(row: &Row<'_, '_>, file: &str) -> Result<LawRow, Problem> {
    let kind_text = row.req(KIND, value::text)?;
    let kind =
        LawKind::parse(&kind_text).ok_or_else(|| row.reject(KIND, Reason::UnknownLawKind))?;
    let tasks = tasks(row, kind)?;
    let from = row.req(VALID_FROM, value::date)?;
    let amount = row.get(AMOUNT, value::decimal)?;
    match amount {
        // A cap of a per-unit or meal kind may be "not known" (the check it
        // serves is skipped, and said so); the rest must be given.
        None if !matches!(
            kind,
            LawKind::PerAct | LawKind::PerKg | LawKind::Lunch | LawKind::FullDayMeals
        ) =>
        {
            return Err(row.reject(AMOUNT, Reason::Missing));
        }
        Some(a) if a < Decimal::ZERO => return Err(row.reject(AMOUNT, Reason::Negative)),
        Some(a) if kind.is_on_cost() && a > Decimal::ONE => {
            return Err(row.reject(
                AMOUNT,
                Reason::OutOfRange("0–1 (podíl z hrubé mzdy)".into()),
            ));
        }
        Some(a)
            if matches!(kind, LawKind::LeaveWeeksPublic | LawKind::LeaveWeeksOther)
                && a > Decimal::from(52) =>
        {
            return Err(row.reject(AMOUNT, Reason::OutOfRange("0–52".into())));
        }
        _ => {}
    }
    // Only figures with a cited source.
    let source = row.req(SOURCE, value::text)?.trim().to_string();
    if source.is_empty() {
        return Err(row.reject(SOURCE, Reason::Missing));
    }
    let decree = row
        .get(DECREE, value::text)?
        .map(|d| d.trim().to_string())
        .unwrap_or_default();
    let verified = row.get(VERIFIED, value::yes_no)?.unwrap_or(true);
    Ok(LawRow {
        kind,
        tasks,
        from,
        amount,
        decree,
        source,
        verified,
        origin: LawOrigin::File {
            file: file.to_string(),
            place: row.place(KIND),
        },
    })
}

/// The statutory codes of the `Úkony` cell (`c2`, `d7, d8`), lower case and
/// sorted: required for the per-act and per-kg kinds, and each billed that
/// way by the decree; none for the other kinds.
fn tasks(row: &Row<'_, '_>, kind: LawKind) -> Result<Vec<String>, Problem> {
    let text = row.get(TASKS, value::text)?.unwrap_or_default();
    let mut tasks = Vec::new();
    for code in text
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let task =
            StatutoryTask::from_code(code).ok_or_else(|| row.reject(TASKS, Reason::UnknownKind))?;
        let billed = match kind {
            LawKind::PerAct => FeeBasis::Act,
            LawKind::PerKg => FeeBasis::Kg,
            _ => return Err(row.reject(TASKS, Reason::TasksNotApplicable)),
        };
        if task.fee_basis() != billed {
            return Err(row.reject(TASKS, Reason::TasksNotApplicable));
        }
        tasks.push(task.code().to_string());
    }
    if kind.names_tasks() && tasks.is_empty() {
        return Err(row.reject(TASKS, Reason::Missing));
    }
    tasks.sort();
    tasks.dedup();
    Ok(tasks)
}
