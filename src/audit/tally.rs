//! One pass over the timesheet: every sum the indicators need, in integer
//! seconds, into arrays indexed by the interned ids (no string keys).
//! The same pass counts each worker's rows, which sizes the shared grouping
//! by worker and day ([`super::order`]); distinct counts (contacts, workers
//! per client-month, clients per worker) then come from one walk of that
//! grouping with markers.
//!
//! Only rows inside the period are tallied; rows outside it are findings.

use chrono::{Datelike, NaiveDate};

use super::grid::Grid;
use super::money_sum::{Fee, MoneySum};
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
                        .is_some_and(|s| s.fee_basis() == crate::FeeBasis::Hour)
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

/// The index of a degree in the catalogue's degree order
/// ([`catalog::DEGREES`](crate::indicator::catalog::DEGREES): the degrees of
/// [`CareDegree::ALL`], then unknown).
pub(crate) fn degree_index(d: Option<CareDegree>) -> usize {
    d.and_then(|d| CareDegree::ALL.iter().position(|x| *x == d))
        .unwrap_or(CareDegree::ALL.len())
}

/// The degree id of an index (`none`, `I` … `IV`, `unknown`).
pub(crate) fn degree_id(i: usize) -> &'static str {
    crate::indicator::catalog::DEGREES[i].0
}

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
    pub fees: MoneySum,
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
    pub fees: MoneySum,
    pub clients: u64,
    pub contacts: u64,
    pub out_of_hours: u64,
    pub hourly: u64,
    pub hourly_fees: MoneySum,
    /// Σ over the month's clients of distinct workers seen.
    pub client_workers: u64,
    /// Clients with more than 80 direct hours in the month.
    pub clients_over_80h: u64,
}

/// A client's month.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ClientMonth {
    /// Direct seconds.
    pub direct: u64,
    /// Seconds of hourly statutory tasks (for the 80-hour rule).
    pub hourly: u64,
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
    /// Per client-month, one record so that a row touches one cache line;
    /// months × clients, so that a month's records lie together (rows come
    /// by date).
    pub cm: Grid<ClientMonth>,
    /// Distinct workers on a client-month's direct rows (more than 0: the
    /// client was served that month), months × clients. Apart from `cm`
    /// so that a record there is 16 bytes, four to a cache line.
    pub cm_workers: Grid<u32>,
    /// Workers × months: seconds worked (rows' time and travel), for the
    /// over-contract check.
    pub worker_months: Grid<u64>,
    pub degree_secs: [u64; 6],
    pub group_secs: [u64; 5],
    pub out_of_hours: u64,
    pub pss_direct: u64,
    pub pss_travel: u64,
    pub fees_rows: MoneySum,
    pub any_fee: bool,
    pub hourly_secs: u64,
    pub hourly_fees: MoneySum,
    pub any_hourly_fee: bool,
    pub contacts: u64,
}

impl Tally {
    pub fn worked(&self) -> u64 {
        self.direct + self.optional + self.travel + self.indirect
    }
}

/// The period's days: each one's month and whether it is a weekend or
/// holiday (worked out once, not per row), and the index of the last date
/// asked (rows come in date order, so the date arithmetic runs about once
/// a day, not once a row).
struct Days {
    from: NaiveDate,
    off_day: Vec<bool>,
    month: Vec<u32>,
    last: (NaiveDate, usize),
}

impl Days {
    fn new(p: Period, months: Months) -> Days {
        let days: Vec<NaiveDate> = p.from.iter_days().take(p.days() as usize).collect();
        Days {
            from: p.from,
            off_day: days
                .iter()
                .map(|&d| is_weekend(d) || is_holiday(d))
                .collect(),
            month: days.iter().map(|&d| months.index(d) as u32).collect(),
            last: (NaiveDate::MIN, 0),
        }
    }

    /// The day's index in the period (the date must be in it).
    #[inline]
    fn of(&mut self, d: NaiveDate) -> usize {
        if d != self.last.0 {
            self.last = (d, (d - self.from).num_days() as usize);
        }
        self.last.1
    }
}

/// The sums, and the shared grouping of the timesheet by worker and day
/// ([`super::order::by_worker_and_day`]), which the distinct counts walk:
/// the pass over the rows also counts each worker's rows, which sizes the
/// grouping (one read of the visits fewer).
pub(crate) fn tally(
    ds: &Dataset,
    p: Period,
    tasks: &TaskInfo,
    months: Months,
) -> (Tally, Vec<super::order::DayRow>) {
    let nm = months.count;
    let nc = ds.clients.len();
    let mut t = Tally {
        workers: vec![WorkerAcc::default(); ds.workers.len()],
        clients: vec![ClientAcc::default(); nc],
        months: vec![MonthAcc::default(); nm],
        cm: Grid::new(nm, nc, ClientMonth::default(), ds.visits.len()),
        worker_months: Grid::new(ds.workers.len(), nm, 0, ds.visits.len()),
        ..Tally::default()
    };
    let mut days = Days::new(p, months);
    let worker_rows = sums(&mut t, ds, p, tasks, &mut days);
    for ma in &t.months {
        t.direct += ma.direct;
        t.travel += ma.travel;
        t.out_of_hours += ma.out_of_hours;
        t.hourly_secs += ma.hourly;
        t.fees_rows.merge(&ma.fees);
        t.hourly_fees.merge(&ma.hourly_fees);
    }
    let order = super::order::by_worker_and_day(ds, &worker_rows);
    let (cm_workers, client_contacts) =
        distinct_counts(&mut t, ds, p, tasks, &mut days, &order, nm);
    client_months(&mut t, &cm_workers, client_contacts);
    t.cm_workers = cm_workers;
    (t, order)
}

/// The pass over the rows: every sum a row joins (period totals are the
/// months' sums, added after). Returns each worker's rows, in the period
/// or not (the grouping holds them all).
fn sums(t: &mut Tally, ds: &Dataset, p: Period, tasks: &TaskInfo, days: &mut Days) -> Vec<u32> {
    let degree: Vec<usize> = ds
        .clients
        .iter()
        .map(|c| degree_index(c.care_allowance))
        .collect();
    let pss: Vec<bool> = ds.workers.iter().map(|w| w.role == Role::Pss).collect();
    let mut worker_rows = vec![0u32; ds.workers.len()];
    for v in &ds.visits {
        let w = v.worker.index();
        worker_rows[w] += 1;
        if !p.contains(v.date) {
            continue;
        }
        let day = days.of(v.date);
        let m = days.month[day] as usize;
        let dur = u64::from(v.duration);
        let travel = u64::from(v.travel);
        let kind = tasks.time_kind[v.task.index()];
        // Converted to haléř once for the five sums it joins.
        let fee = v.fee.map(Fee::of);
        // Period totals are the months' sums, added after the pass (a row
        // adds to its month only).
        let wa = &mut t.workers[w];
        wa.rows += 1;
        wa.travel += travel;
        let ma = &mut t.months[m];
        ma.travel += travel;
        ma.worked += dur + travel;
        *t.worker_months.get_mut(w, m) += dur + travel;
        if let Some(fee) = fee {
            t.any_fee = true;
            ma.fees.add_fee(fee);
        }
        if pss[w] {
            t.pss_travel += travel;
        }
        match kind {
            TimeKind::Direct => {
                wa.direct += dur;
                ma.direct += dur;
                if pss[w] {
                    t.pss_direct += dur;
                }
                let out_of_hours = days.off_day[day]
                    || v.start.is_some_and(|s| !(6 * 3600..18 * 3600).contains(&s));
                if out_of_hours {
                    ma.out_of_hours += dur;
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
                    let rec = t.cm.get_mut(m, ci);
                    rec.direct += dur;
                    if tasks.hourly[v.task.index()] {
                        rec.hourly += dur;
                    }
                }
                if tasks.hourly[v.task.index()] {
                    ma.hourly += dur;
                    if let Some(fee) = fee {
                        t.any_hourly_fee = true;
                        ma.hourly_fees.add_fee(fee);
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
            && let Some(fee) = fee
        {
            t.clients[c.index()].fees.add_fee(fee);
        }
    }

    worker_rows
}

/// Distinct counts in one pass over the shared grouping (rows grouped by
/// worker, then date): markers instead of sorts. Returns the workers of
/// each client-month and the contacts of each client.
fn distinct_counts(
    t: &mut Tally,
    ds: &Dataset,
    p: Period,
    tasks: &TaskInfo,
    days: &mut Days,
    order: &[super::order::DayRow],
    nm: usize,
) -> (Grid<u32>, Vec<u64>) {
    let nc = ds.clients.len();
    let mut group = 0u32;
    let mut last_key = None;
    let mut client_group = vec![u32::MAX; nc];
    let mut client_worker = vec![u32::MAX; nc];
    // The (worker, month) a client was last counted in. A worker's rows run
    // in date order, so once its rows leave a month they never return to
    // it, and once the walk leaves a worker it never returns to it: a marker
    // per client (130 kB for 17 000 clients, in cache) tells a new
    // (client, month, worker) from a repeat as well as one per client-month
    // (5 MB, a cache miss per row) did.
    let mut client_month_worker = vec![(u32::MAX, u32::MAX); nc];
    // Counted in a table of their own, 4 bytes a cell (mostly in cache).
    let mut cm_workers = Grid::new(nm, nc, 0u32, ds.visits.len());
    // Contacts per client, 8 bytes each (in cache; the clients' whole
    // records are 2.4 MB at 17 000 clients), put into them after.
    let mut client_contacts = vec![0u64; nc];
    for r in order {
        let Some(c) = r.client() else { continue };
        if !p.contains(r.date) || tasks.time_kind[r.task().index()] != TimeKind::Direct {
            continue;
        }
        let day = days.of(r.date) as u32;
        let w = r.worker;
        if last_key != Some((w, day)) {
            last_key = Some((w, day));
            group += 1;
        }
        let ci = c.index();
        let m = days.month[day as usize];
        if client_group[ci] != group {
            client_group[ci] = group;
            t.contacts += 1;
            client_contacts[ci] += 1;
            t.months[m as usize].contacts += 1;
        }
        if client_worker[ci] != w {
            client_worker[ci] = w;
            t.workers[w as usize].clients += 1;
        }
        if client_month_worker[ci] != (w, m) {
            client_month_worker[ci] = (w, m);
            *cm_workers.get_mut(m as usize, ci) += 1;
        }
    }
    (cm_workers, client_contacts)
}

/// Per client and month from the client-month counts: months served,
/// clients, workers per client-month, client-months over 80 hours.
fn client_months(t: &mut Tally, cm_workers: &Grid<u32>, client_contacts: Vec<u64>) {
    for (a, n) in t.clients.iter_mut().zip(client_contacts) {
        a.contacts = n;
    }
    let (clients, months, cm) = (&mut t.clients, &mut t.months, &t.cm);
    cm_workers.for_each(|m, c, &n| {
        if n > 0 {
            clients[c].months += 1;
            let ma = &mut months[m];
            ma.clients += 1;
            ma.client_workers += u64::from(n);
            // All direct hours, not only the billed hourly ones: the
            // targeting measure of `super::EIGHTY_HOURS`.
            if cm.get(m, c).direct > super::EIGHTY_HOURS {
                ma.clients_over_80h += 1;
            }
        }
    });
}
