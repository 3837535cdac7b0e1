//! `Úkony`: the provider's task codes mapped onto the statutory list.

use super::refused;
use crate::model::{DatasetBuilder, Task, TaskKind, TaskUnit};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const CODE: usize = 0;
const NAME: usize = 1;
const STATUTORY: usize = 2;
const UNIT: usize = 3;

pub(crate) fn row(row: &Row<'_, '_>, b: &mut DatasetBuilder) -> Result<(), Problem> {
    let code = row.req(CODE, value::text)?;
    let kind_text = row.req(STATUTORY, value::text)?;
    let kind =
        TaskKind::parse(&kind_text).ok_or_else(|| row.reject(STATUTORY, Reason::UnknownKind))?;
    let name = row.get(NAME, value::text)?.unwrap_or_default();
    let mut task = Task::new(code, name, kind);
    if let Some(u) = row.get(UNIT, value::text)? {
        task.unit = TaskUnit::parse(&u).ok_or_else(|| row.reject(UNIT, Reason::UnknownUnit))?;
    }
    b.task(task).map(|_| ()).map_err(|e| refused(row, CODE, e))
}
