//! One grouping of the timesheet shared by the tally and the integrity
//! checks: visit indices grouped by worker, each worker's rows by date,
//! start and input row.
//!
//! A stable counting sort by worker is linear; each worker's block is then
//! sorted only if it is not already in order (a timesheet exported by date
//! or by worker usually is), so the common case costs two linear passes.

use crate::model::{Dataset, Visit};

/// The sort key inside a worker's block.
fn key(v: &Visit, i: u32) -> (chrono::NaiveDate, u32, u32, u32) {
    (v.date, v.start.unwrap_or(0), v.row, i)
}

/// Visit indices grouped by worker, then by (date, start, row, index).
pub(crate) fn by_worker_and_day(ds: &Dataset) -> Vec<u32> {
    let nw = ds.workers.len();
    let mut starts = vec![0u32; nw + 1];
    for v in &ds.visits {
        starts[v.worker.index() + 1] += 1;
    }
    for w in 0..nw {
        starts[w + 1] += starts[w];
    }
    let mut next = starts.clone();
    let mut order = vec![0u32; ds.visits.len()];
    for (i, v) in ds.visits.iter().enumerate() {
        let slot = &mut next[v.worker.index()];
        order[*slot as usize] = i as u32;
        *slot += 1;
    }
    for w in 0..nw {
        let block = &mut order[starts[w] as usize..starts[w + 1] as usize];
        let sorted = block
            .windows(2)
            .all(|p| key(&ds.visits[p[0] as usize], p[0]) <= key(&ds.visits[p[1] as usize], p[1]));
        if !sorted {
            block.sort_unstable_by_key(|&i| key(&ds.visits[i as usize], i));
        }
    }
    order
}

/// Calls `f` with each run of `order` that shares a worker and a date.
pub(crate) fn for_each_worker_day(ds: &Dataset, order: &[u32], mut f: impl FnMut(&[u32])) {
    let mut start = 0;
    while start < order.len() {
        let first = &ds.visits[order[start] as usize];
        let mut end = start + 1;
        while end < order.len() {
            let v = &ds.visits[order[end] as usize];
            if v.worker != first.worker || v.date != first.date {
                break;
            }
            end += 1;
        }
        f(&order[start..end]);
        start = end;
    }
}
