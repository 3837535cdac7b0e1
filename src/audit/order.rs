//! One grouping of the timesheet shared by the tally, the integrity checks
//! and the travel analysis: the visits by worker, each worker's rows by
//! date, start and input row.
//!
//! The grouping is a compact copy ([`DayRow`], 32 bytes: what the grouped
//! passes read), not a list of indices: the visits are usually stored by
//! date, so walking them by worker through indices reads them in random
//! order, a cache miss per row on every pass. The copy is made in one
//! sequential read of the visits (a stable counting sort by worker, sized
//! by the tally's count of each worker's rows, each worker's rows written
//! in their own run), and every grouped pass after it
//! reads memory in order. Each worker's block is sorted only if it is not
//! already in order (a timesheet exported by date or by worker usually
//! is), so the common case costs two linear passes.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::model::{ClientId, Dataset, TaskId, Visit};

/// `client` when unknown; `start` when unknown (the flag bit aside).
const NONE: u32 = u32::MAX;

/// The top bit of `start`: only one of start and end was given. Starts are
/// seconds from midnight, far below it.
const INCOMPLETE: u32 = 1 << 31;

/// One visit as the grouped passes see it: 32 bytes, two to a cache line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DayRow {
    /// Index into the dataset's visits (for the rest of the row).
    pub visit: u32,
    pub worker: u32,
    pub date: NaiveDate,
    /// Seconds from midnight ([`NONE`] when unknown) with the
    /// [`INCOMPLETE`] bit.
    start: u32,
    pub duration: u32,
    pub travel: u32,
    client: u32,
    task: u32,
}

impl DayRow {
    fn new(i: usize, v: &Visit) -> DayRow {
        DayRow {
            visit: i as u32,
            worker: v.worker.0,
            date: v.date,
            // Seconds from midnight are far below the flag bit.
            start: v.start.map_or(NONE & !INCOMPLETE, |s| s & !INCOMPLETE)
                | if v.flags.incomplete_times {
                    INCOMPLETE
                } else {
                    0
                },
            duration: v.duration,
            travel: v.travel,
            client: v.client.map_or(NONE, |c| c.0),
            task: v.task.0,
        }
    }

    /// Start, seconds from midnight.
    pub fn start(&self) -> Option<u32> {
        let s = self.start & !INCOMPLETE;
        (s != NONE & !INCOMPLETE).then_some(s)
    }

    /// Only one of start and end was given (minutes used).
    pub fn incomplete_times(&self) -> bool {
        self.start & INCOMPLETE != 0
    }

    /// End, seconds from midnight (past 86 400 when it passes midnight),
    /// saturating as [`Visit::end`] does.
    pub fn end(&self) -> Option<u32> {
        self.start().map(|s| s.saturating_add(self.duration))
    }

    pub fn client(&self) -> Option<ClientId> {
        (self.client != NONE).then_some(ClientId(self.client))
    }

    pub fn task(&self) -> TaskId {
        TaskId(self.task)
    }
}

/// The order inside a worker's block: date, start (unknown as midnight),
/// input row, index. The row is read from the visit only to break a tie.
fn cmp(ds: &Dataset, a: &DayRow, b: &DayRow) -> Ordering {
    let key = |r: &DayRow| (r.date, r.start().unwrap_or(0));
    key(a).cmp(&key(b)).then_with(|| {
        let row = |r: &DayRow| ds.visits[r.visit as usize].row;
        (row(a), a.visit).cmp(&(row(b), b.visit))
    })
}

/// The visits grouped by worker, then by (date, start, row, index);
/// `rows_per_worker` counts each worker's visits (the tally's pass counts
/// them).
pub(crate) fn by_worker_and_day(ds: &Dataset, rows_per_worker: &[u32]) -> Vec<DayRow> {
    let nw = ds.workers.len();
    let mut starts = vec![0u32; nw + 1];
    for w in 0..nw {
        starts[w + 1] = starts[w] + rows_per_worker[w];
    }
    let mut next = starts.clone();
    let mut rows = match ds.visits.first() {
        Some(v) => vec![DayRow::new(0, v); ds.visits.len()],
        None => return Vec::new(),
    };
    for (i, v) in ds.visits.iter().enumerate() {
        let slot = &mut next[v.worker.index()];
        rows[*slot as usize] = DayRow::new(i, v);
        *slot += 1;
    }
    for w in 0..nw {
        let block = &mut rows[starts[w] as usize..starts[w + 1] as usize];
        let sorted = block
            .windows(2)
            .all(|p| cmp(ds, &p[0], &p[1]) != Ordering::Greater);
        if !sorted {
            block.sort_unstable_by(|a, b| cmp(ds, a, b));
        }
    }
    rows
}

/// Calls `f` with each run of `rows` that shares a worker and a date.
pub(crate) fn for_each_worker_day(rows: &[DayRow], mut f: impl FnMut(&[DayRow])) {
    for day in rows.chunk_by(|a, b| a.worker == b.worker && a.date == b.date) {
        f(day);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Client, Role, Worker, WorkerId};
    use rust_decimal::Decimal;

    #[test]
    fn groups_by_worker_then_date_start_and_row() {
        let d = |day| NaiveDate::from_ymd_opt(2025, 1, day).unwrap();
        let mut b = Dataset::builder();
        b.worker(Worker::new("P0", Role::Pss, Decimal::ONE))
            .unwrap();
        b.worker(Worker::new("P1", Role::Pss, Decimal::ONE))
            .unwrap();
        let c = b.client(Client::new("K1")).unwrap();
        let a1 = b.find_task("a1").unwrap();
        let mut ds = b.build();
        let mut visit = |row, worker, day, start: Option<u32>| {
            let mut v = Visit::new(d(day), WorkerId(worker), Some(c), a1, 600);
            v.start = start;
            v.row = row;
            ds.visits.push(v);
        };
        visit(2, 1, 2, Some(3600)); // 0
        visit(3, 0, 2, None); // 1
        visit(4, 1, 1, Some(7200)); // 2
        visit(5, 1, 1, Some(3600)); // 3
        visit(6, 0, 2, None); // 4: same key as 1 but a later row
        visit(7, 1, 2, Some(3600)); // 5: ties 0 on date and start; row 7 > 2
        let rows = by_worker_and_day(&ds, &[2, 4]);
        let order: Vec<u32> = rows.iter().map(|r| r.visit).collect();
        // Worker 0: day 2 rows 3, 6. Worker 1: day 1 at 1:00 (3), 2:00 (2),
        // then day 2 at 1:00 row 2 (0) before row 7 (5).
        assert_eq!(order, [1, 4, 3, 2, 0, 5]);
        let mut days = Vec::new();
        for_each_worker_day(&rows, |r| days.push(r.len()));
        assert_eq!(days, [2, 2, 2]);
        assert_eq!(rows[0].start(), None);
        assert_eq!(rows[2].end(), Some(3600 + 600));
        assert_eq!(rows[2].client(), Some(c));
        assert_eq!(rows[2].task(), a1);
    }
}
