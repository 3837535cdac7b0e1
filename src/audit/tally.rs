//! One pass over the timesheet: every sum the indicators need, in integer
//! seconds, into arrays indexed by the interned ids (no string keys).
//! Distinct counts (contacts, workers per client-month, clients per worker)
//! come from sorted key lists afterwards.
//!
//! Only rows inside the period are tallied; rows outside it are findings.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::{is_holiday, is_weekend};
use crate::model::{CareDegree, Dataset, Role, TaskGroup, TimeKind};
use crate::period::Period;

/// What the audit needs to know of each catalogue code, by task id.
pub(crate) struct TaskInfo {
    pub time_kind: Vec<TimeKind>,
    pub group: Vec<Option<TaskGroup>>,
    /// Statutory and billed per hour.
    pub hourly: Vec<bool>,
}

impl TaskInfo {
    pub fn new(ds: &Dataset) -> TaskInfo {
        let tasks = ds.tasks.tasks();
        TaskInfo {
            time_kind: tasks.iter().map(|t| t.kind.time_kind()).collect(),
            group: tasks
                .iter()
                .map(|t| t.kind.statutory().map(|s| s.group()))
                .collect(),
            hourly: tasks
                .iter()
                .map(|t| {
                    t.kind
                        .statutory()
                        .is_some_and(|s| s.billing_unit() == crate::BillingUnit::Hour)
                })
                .collect(),
        }
    }
}

/// The calendar months of the period, indexed from 0.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Months {
    first: i32,
    pub count: usize,
}

impl Months {
    pub fn new(p: Period) -> Months {
        let m = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        Months {
            first: m(p.from),
            count: (m(p.to) - m(p.from) + 1) as usize,
        }
    }

    pub fn index(&self, d: NaiveDate) -> usize {
        (d.year() * 12 + d.month0() as i32 - self.first) as usize
    }

    pub fn start(&self, i: usize) -> NaiveDate {
        let m = self.first + i as i32;
        NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
            .unwrap_or_default()
    }
}

/// The index of a degree in `[none, I, II, III, IV, unknown]`.
pub(crate) fn degree_index(d: Option<CareDegree>) -> usize {
    match d {
        Some(CareDegree::None) => 0,
        Some(CareDegree::I) => 1,
        Some(CareDegree::II) => 2,
        Some(CareDegree::III) => 3,
        Some(CareDegree::IV) => 4,
        None => 5,
    }
}

/// Degree ids in index order.
pub(crate) const DEGREE_IDS: [&str; 6] = ["none", "I", "II", "III", "IV", "unknown"];

#[derive(Clone, Debug, Default)]
pub(crate) struct WorkerAcc {
    pub direct: u64,
    pub optional: u64,
    pub travel: u64,
    pub indirect: u64,
    pub rows: u64,
    pub clients: u64,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct ClientAcc {
    pub direct: u64,
    pub groups: [u64; 5],
    pub optional: u64,
    pub fees: Decimal,
    pub direct_rows: u64,
    pub meal_rows: u64,
    pub contacts: u64,
    pub months: u64,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct MonthAcc {
    pub direct: u64,
    pub travel: u64,
    pub worked: u64,
    pub fees: Decimal,
    pub clients: u64,
    pub contacts: u64,
}

/// Everything summed in one pass.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    pub direct: u64,
    pub optional: u64,
    pub travel: u64,
    pub indirect: u64,
    pub workers: Vec<WorkerAcc>,
    pub clients: Vec<ClientAcc>,
    pub months: Vec<MonthAcc>,
    /// Per client-month (client × months + month): direct seconds.
    pub cm_direct: Vec<u64>,
    /// Per client-month: seconds of hourly statutory tasks.
    pub cm_hourly: Vec<u64>,
    /// Per client-month: distinct workers on direct rows.
    pub cm_workers: Vec<u32>,
    pub degree_secs: [u64; 6],
    pub group_secs: [u64; 5],
    pub out_of_hours: u64,
    pub pss_direct: u64,
    pub pss_travel: u64,
    pub fees_rows: Decimal,
    pub any_fee: bool,
    pub hourly_secs: u64,
    pub hourly_fees: Decimal,
    pub any_hourly_fee: bool,
    pub contacts: u64,
}

impl Tally {
    pub fn worked(&self) -> u64 {
        self.direct + self.optional + self.travel + self.indirect
    }
}

pub(crate) fn tally(ds: &Dataset, p: Period, tasks: &TaskInfo, months: Months) -> Tally {
    let nm = months.count;
    let nc = ds.clients.len();
    let mut t = Tally {
        workers: vec![WorkerAcc::default(); ds.workers.len()],
        clients: vec![ClientAcc::default(); nc],
        months: vec![MonthAcc::default(); nm],
        cm_direct: vec![0; nc * nm],
        cm_hourly: vec![0; nc * nm],
        cm_workers: vec![0; nc * nm],
        ..Tally::default()
    };
    let degree: Vec<usize> = ds
        .clients
        .iter()
        .map(|c| degree_index(c.care_allowance))
        .collect();
    let pss: Vec<bool> = ds.workers.iter().map(|w| w.role == Role::Pss).collect();
    let mut contacts: Vec<(u32, u32, u32)> = Vec::new();
    let mut cm_workers: Vec<(u32, u32)> = Vec::new();
    let mut worker_clients: Vec<(u32, u32)> = Vec::new();

    for v in &ds.visits {
        if !p.contains(v.date) {
            continue;
        }
        let w = v.worker.index();
        let m = months.index(v.date);
        let dur = u64::from(v.duration);
        let travel = u64::from(v.travel);
        let kind = tasks.time_kind[v.task.index()];
        let wa = &mut t.workers[w];
        wa.rows += 1;
        wa.travel += travel;
        t.travel += travel;
        let ma = &mut t.months[m];
        ma.travel += travel;
        ma.worked += dur + travel;
        if let Some(fee) = v.fee {
            t.fees_rows += fee;
            t.any_fee = true;
            ma.fees += fee;
        }
        if pss[w] {
            t.pss_travel += travel;
        }
        match kind {
            TimeKind::Direct => {
                wa.direct += dur;
                t.direct += dur;
                ma.direct += dur;
                if pss[w] {
                    t.pss_direct += dur;
                }
                let out_of_hours = is_weekend(v.date)
                    || is_holiday(v.date)
                    || v.start.is_some_and(|s| !(6 * 3600..18 * 3600).contains(&s));
                if out_of_hours {
                    t.out_of_hours += dur;
                }
                if let Some(c) = v.client {
                    let ci = c.index();
                    let ca = &mut t.clients[ci];
                    ca.direct += dur;
                    ca.direct_rows += 1;
                    if let Some(g) = tasks.group[v.task.index()] {
                        ca.groups[g as usize] += dur;
                        t.group_secs[g as usize] += dur;
                        if g == TaskGroup::C {
                            ca.meal_rows += 1;
                        }
                    }
                    t.degree_secs[degree[ci]] += dur;
                    let cm = ci * nm + m;
                    t.cm_direct[cm] += dur;
                    if tasks.hourly[v.task.index()] {
                        t.cm_hourly[cm] += dur;
                    }
                    let day = (v.date - p.from).num_days() as u32;
                    contacts.push((day, v.worker.0, c.0));
                    cm_workers.push((cm as u32, v.worker.0));
                    worker_clients.push((v.worker.0, c.0));
                }
                if tasks.hourly[v.task.index()] {
                    t.hourly_secs += dur;
                    if let Some(fee) = v.fee {
                        t.hourly_fees += fee;
                        t.any_hourly_fee = true;
                    }
                }
            }
            TimeKind::Optional => {
                wa.optional += dur;
                t.optional += dur;
                if let Some(c) = v.client {
                    t.clients[c.index()].optional += dur;
                }
            }
            TimeKind::Travel => {
                wa.travel += dur;
                t.travel += dur;
                ma.travel += dur;
                if pss[w] {
                    t.pss_travel += dur;
                }
            }
            TimeKind::Indirect => {
                wa.indirect += dur;
                t.indirect += dur;
            }
        }
        if let Some(c) = v.client
            && let Some(fee) = v.fee
        {
            t.clients[c.index()].fees += fee;
        }
    }

    // Distinct counts.
    contacts.sort_unstable();
    contacts.dedup();
    t.contacts = contacts.len() as u64;
    for &(day, _, c) in &contacts {
        t.clients[c as usize].contacts += 1;
        let date = p.from + chrono::Duration::days(i64::from(day));
        t.months[months.index(date)].contacts += 1;
    }
    cm_workers.sort_unstable();
    cm_workers.dedup();
    for &(cm, _) in &cm_workers {
        t.cm_workers[cm as usize] += 1;
    }
    worker_clients.sort_unstable();
    worker_clients.dedup();
    for &(w, _) in &worker_clients {
        t.workers[w as usize].clients += 1;
    }
    for c in 0..nc {
        for m in 0..nm {
            if t.cm_workers[c * nm + m] > 0 {
                t.clients[c].months += 1;
                t.months[m].clients += 1;
            }
        }
    }
    t
}
