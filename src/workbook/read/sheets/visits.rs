//! `Výkazy`: the timesheet.
//!
//! Duration: start and end when both are given (minutes disagreeing by more
//! than a minute are flagged, start/end wins); else minutes (one of
//! start/end with minutes is flagged); neither is a rejection. End before
//! start passes midnight (flagged).

use rust_decimal::Decimal;

use super::{non_negative, refused};
use crate::model::{DatasetBuilder, RecordList, Visit, VisitFlags};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const DATE: usize = 0;
const WORKER: usize = 1;
const CLIENT: usize = 2;
const TASK: usize = 3;
const START: usize = 4;
const END: usize = 5;
const MINUTES: usize = 6;
const QUANTITY: usize = 7;
const TRAVEL: usize = 8;
const FEE: usize = 9;

const DAY: i64 = 86_400;

/// The sheet needs minutes, or both start and end.
pub(crate) fn header_check(cols: &[Option<u32>]) -> Option<&'static str> {
    let has = |f: usize| cols[f].is_some();
    if has(MINUTES) || (has(START) && has(END)) {
        None
    } else {
        Some("Minuty")
    }
}

pub(crate) fn row(row: &Row<'_, '_>, b: &mut DatasetBuilder) -> Result<(), Problem> {
    let date = row.req(DATE, value::date)?;
    let worker_id = row.req_text(WORKER)?;
    // With a staff list an id not on it rejects the row here; without one
    // the id adds its worker, but only once the whole row is good (below),
    // so that a rejected row adds nobody.
    let worker = b.find_worker(&worker_id);
    if worker.is_none() && b.has_list(RecordList::Workers) {
        return Err(row.reject(WORKER, Reason::UnknownWorker));
    }
    let task_code = row.req_text(TASK)?;
    let task = b
        .find_task(&task_code)
        .ok_or_else(|| row.reject(TASK, Reason::UnknownTask))?;
    let client_id = row.text(CLIENT)?;
    let client = client_id.as_deref().and_then(|id| b.find_client(id));
    if client_id.is_some() && client.is_none() && b.has_list(RecordList::Clients) {
        return Err(row.reject(CLIENT, Reason::UnknownClient));
    }
    if client_id.is_none() && b.tasks().get(task).kind.needs_client() {
        return Err(row.reject(CLIENT, Reason::ClientTaskWithoutClient));
    }
    let start = row.get(START, value::time_of_day)?;
    if start == Some(DAY as u32) {
        return Err(row.reject(START, Reason::NotATime));
    }
    let end = row.get(END, value::time_of_day)?;
    let minutes = row.get(MINUTES, value::duration)?;
    let mut flags = VisitFlags::default();
    let seconds: i64 = match (start, end, minutes) {
        (Some(s), Some(e), m) => {
            let (s, e) = (i64::from(s), i64::from(e));
            let d = if e >= s {
                e - s
            } else {
                flags.passes_midnight = true;
                e + DAY - s
            };
            if let Some(m) = m
                && (m - d).abs() > 60
            {
                flags.minutes_mismatch = true;
            }
            d
        }
        (Some(_), None, Some(m)) | (None, Some(_), Some(m)) => {
            flags.incomplete_times = true;
            m
        }
        (None, None, Some(m)) => m,
        (Some(_), None, None) => return Err(row.reject(START, Reason::OneTimeOnly)),
        (None, Some(_), None) => return Err(row.reject(END, Reason::OneTimeOnly)),
        (None, None, None) => return Err(row.reject(MINUTES, Reason::NoDuration)),
    };
    if seconds < 0 {
        return Err(row.reject(MINUTES, Reason::NegativeDuration));
    }
    let duration = u32::try_from(seconds)
        .map_err(|_| row.reject(MINUTES, Reason::OutOfRange("≤ 1 193 046 h".into())))?;
    let travel = match row.get(TRAVEL, value::duration)? {
        None => 0,
        Some(t) if t < 0 => return Err(row.reject(TRAVEL, Reason::NegativeDuration)),
        Some(t) => u32::try_from(t)
            .map_err(|_| row.reject(TRAVEL, Reason::OutOfRange("≤ 1 193 046 h".into())))?,
    };
    let quantity =
        non_negative(row, QUANTITY, row.get(QUANTITY, value::decimal)?)?.unwrap_or(Decimal::ONE);
    let fee = non_negative(row, FEE, row.get(FEE, value::decimal)?)?;
    // The row is good: the ids the timesheet names without a list.
    let worker = match worker {
        Some(w) => w,
        None => b
            .timesheet_worker(&worker_id)
            .map_err(|e| refused(row, WORKER, e))?,
    };
    let client = match (client, &client_id) {
        (None, Some(id)) => Some(
            b.timesheet_client(id)
                .map_err(|e| refused(row, CLIENT, e))?,
        ),
        (c, _) => c,
    };
    let mut v = Visit::new(date, worker, client, task, duration)
        .with_travel(travel)
        .with_quantity(quantity);
    v.start = start;
    v.fee = fee;
    v.row = row.number;
    v.flags = flags;
    b.visit(v).map_err(|e| refused(row, TASK, e))
}
