//! Timesheet integrity: findings with their input places
//! (docs/indicators.md, "Timesheet integrity").

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hash::BuildHasher;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::base::Base;
use super::findings::{Detail, Findings, finding_text, visit_place};
use super::order::DayRow;
use super::report::FindingKind;
use super::time_base::contract_hours_in;
use crate::Lang;
use crate::display::{Clock, Date, Hours, Number};
use crate::i18n::Text;
use crate::model::{Dataset, Visit};
use crate::period::Period;
use crate::place::Place;
use crate::place::SheetKind;

const DAY_LIMIT: u64 = 12 * 3600;

fn detail(text: Text, place: Option<Place>) -> Detail {
    Detail {
        place,
        text,
        amount: None,
    }
}

/// The first and last day of something (employment, a contract); open
/// ends are the earliest and latest dates. Kept apart from the records so
/// that the per-row check reads 8 bytes, not a whole client.
fn bounds(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    (from.unwrap_or(NaiveDate::MIN), to.unwrap_or(NaiveDate::MAX))
}

/// What the per-row checks read besides the row.
struct RowContext {
    period: Period,
    period_given: bool,
    employed: Vec<(NaiveDate, NaiveDate)>,
    contract: Vec<(NaiveDate, NaiveDate)>,
}

pub(crate) fn check(b: &Base<'_>, f: &mut Findings) {
    let ds = b.ds;
    let ctx = RowContext {
        period: b.period,
        period_given: ds.provider.period.is_some(),
        employed: (ds.workers.iter())
            .map(|w| bounds(w.employed_from, w.employed_to))
            .collect(),
        contract: (ds.clients.iter())
            .map(|c| bounds(c.contract_from, c.contract_to))
            .collect(),
    };
    for v in &ds.visits {
        row_checks(ds, &ctx, v, f);
    }
    // Rows grouped by worker and day, in start order (the shared grouping).
    let mut dup_of: Vec<(u32, u32, u32)> = Vec::new();
    let mut active = BinaryHeap::new();
    let mut run = Vec::new();
    super::order::for_each_worker_day(&b.order, |rows| {
        worker_day(ds, rows, &mut active, f);
        duplicates_in(ds, rows, &mut run, &mut dup_of);
    });
    over_contract(b, f);
    report_duplicates(ds, dup_of, f);
}

fn row_checks(ds: &Dataset, ctx: &RowContext, v: &Visit, f: &mut Findings) {
    let place = || visit_place(ds, v);
    let p = ctx.period;
    if ctx.period_given && !p.contains(v.date) {
        f.push(FindingKind::OutsidePeriod, || {
            detail(
                Text {
                    en: finding_text!(
                        "{} is outside the period {} – {}",
                        Date(v.date, Lang::En),
                        Date(p.from, Lang::En),
                        Date(p.to, Lang::En)
                    ),
                    cs: finding_text!(
                        "{} je mimo období {} – {}",
                        Date(v.date, Lang::Cs),
                        Date(p.from, Lang::Cs),
                        Date(p.to, Lang::Cs)
                    ),
                },
                place(),
            )
        });
    }
    let (from, to) = ctx.employed[v.worker.index()];
    if v.date < from || v.date > to {
        let w = ds.worker(v.worker);
        f.push(FindingKind::OutsideEmployment, || {
            detail(
                Text {
                    en: finding_text!(
                        "{} is outside the employment of worker {}",
                        Date(v.date, Lang::En),
                        w.id
                    ),
                    cs: finding_text!(
                        "{} je mimo pracovní poměr pracovníka {}",
                        Date(v.date, Lang::Cs),
                        w.id
                    ),
                },
                place(),
            )
        });
    }
    if let Some(c) = v.client {
        let (from, to) = ctx.contract[c.index()];
        if v.date < from || v.date > to {
            let c = ds.client(c);
            f.push(FindingKind::OutsideContract, || {
                detail(
                    Text {
                        en: finding_text!(
                            "{} is outside the contract of client {}",
                            Date(v.date, Lang::En),
                            c.id
                        ),
                        cs: finding_text!(
                            "{} je mimo smlouvu klienta {}",
                            Date(v.date, Lang::Cs),
                            c.id
                        ),
                    },
                    place(),
                )
            });
        }
    }
    if v.duration == 0 || v.duration > 720 * 60 {
        f.push(FindingKind::Duration, || {
            let m = Number(Decimal::from(v.duration) / Decimal::from(60), 1, Lang::En);
            let mc = Number(Decimal::from(v.duration) / Decimal::from(60), 1, Lang::Cs);
            detail(
                Text {
                    en: finding_text!("duration {m} min"),
                    cs: finding_text!("doba {mc} min"),
                },
                place(),
            )
        });
    }
    if v.flags.minutes_mismatch {
        f.push(FindingKind::MinutesMismatch, || {
            detail(
                Text {
                    en: "minutes disagree with start–end by more than a minute; start–end used"
                        .into(),
                    cs: "minuty nesouhlasí s Od–Do o více než minutu; použito Od–Do".into(),
                },
                place(),
            )
        });
    }
    if v.flags.incomplete_times {
        f.push(FindingKind::IncompleteTimes, || {
            detail(
                Text {
                    en: "only one of start and end; minutes used".into(),
                    cs: "jen jeden z časů Od/Do; použity minuty".into(),
                },
                place(),
            )
        });
    }
    if v.flags.passes_midnight {
        f.push(FindingKind::Midnight, || {
            detail(
                Text {
                    en: "end before start: read as passing midnight".into(),
                    cs: "konec před začátkem: čteno jako přes půlnoc".into(),
                },
                place(),
            )
        });
    }
}

/// The active rows' ends and indices in the overlap sweep (one heap reused
/// for every worker-day).
/// Each is `end << 32 | index`, one `u64`: a `(u32, u32)` pair was pushed
/// as two 4-byte stores and read back at once by the heap's sift, which
/// waited for both stores (store forwarding; a third of the checks' time).
type Active = BinaryHeap<Reverse<u64>>;

/// Overlaps and the 12-hour day, for one worker's rows of one day (sorted by
/// start).
fn worker_day(ds: &Dataset, rows: &[DayRow], active: &mut Active, f: &mut Findings) {
    let total: u64 = rows
        .iter()
        .map(|r| u64::from(r.duration) + u64::from(r.travel))
        .sum();
    if total > DAY_LIMIT {
        let first = rows
            .iter()
            .map(|r| &ds.visits[r.visit as usize])
            .min_by_key(|v| v.row);
        if let Some(v) = first {
            let w = &ds.worker(v.worker).id;
            f.push(FindingKind::LongDay, || {
                detail(
                    Text {
                        en: finding_text!(
                            "worker {w} recorded {} on {} (over 12 h)",
                            Hours(total, Lang::En),
                            Date(v.date, Lang::En)
                        ),
                        cs: finding_text!(
                            "pracovník {w} má {} dne {} (nad 12 h)",
                            Hours(total, Lang::Cs),
                            Date(v.date, Lang::Cs)
                        ),
                    },
                    visit_place(ds, v),
                )
            });
        }
    }
    // A sweep in start order with a min-heap of the active rows' ends:
    // every active row whose end is after this start overlaps it (rows
    // that only touch do not). Rows without both times cannot overlap.
    active.clear();
    for r in rows {
        let (Some(s), Some(e)) = (r.start(), r.end()) else {
            continue;
        };
        if r.incomplete_times() {
            continue;
        }
        let i = r.visit;
        while active
            .peek()
            .is_some_and(|Reverse(a)| (a >> 32) as u32 <= s)
        {
            active.pop();
        }
        for Reverse(a) in active.iter() {
            let other = &ds.visits[*a as u32 as usize];
            f.push(FindingKind::Overlap, || {
                let (os, oe) = (other.start.unwrap_or(0), other.end().unwrap_or(0));
                let by = (oe.min(e) - s) / 60;
                let other_ref = visit_place(ds, other)
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                detail(
                    Text {
                        en: finding_text!(
                            "{}–{} overlaps {} ({}–{}) by {by} min",
                            Clock(s),
                            Clock(e % 86_400),
                            other_ref,
                            Clock(os),
                            Clock(oe % 86_400)
                        ),
                        cs: finding_text!(
                            "{}–{} se překrývá s {} ({}–{}) o {by} min",
                            Clock(s),
                            Clock(e % 86_400),
                            other_ref,
                            Clock(os),
                            Clock(oe % 86_400)
                        ),
                    },
                    visit_place(ds, &ds.visits[i as usize]),
                )
            });
        }
        active.push(Reverse(u64::from(e) << 32 | u64::from(i)));
    }
}

/// A worker's month with more worked hours than contract hours.
fn over_contract(b: &Base<'_>, f: &mut Findings) {
    let ds = b.ds;
    // Without a staff list no contract is known (a worker's FTE is a
    // placeholder): the count is not available, and nothing is found.
    if !ds.has_list(crate::model::RecordList::Workers) {
        return;
    }
    // Only the worker-months with time (a sparse table holds no others),
    // in worker and month order.
    let mut held = Vec::new();
    b.tally.worker_months.for_each(|wi, m, &secs| {
        if secs > 0 {
            held.push((wi, m, secs));
        }
    });
    held.sort_unstable();
    for (wi, m, secs) in held {
        let w = &ds.workers[wi];
        let first = b.months.start(m).max(b.period.from);
        let next = b.months.start(m + 1);
        let last = (next - chrono::Duration::days(1)).min(b.period.to);
        let Some(part) = Period::new(first, last) else {
            continue;
        };
        let contract = contract_hours_in(w, &ds.provider, part);
        let worked_h = Decimal::from(secs) / Decimal::from(3600);
        if worked_h > contract {
            f.push(FindingKind::OverContract, || {
                let place = (w.row > 0).then(|| ds.source.place(SheetKind::Workers.cs(), w.row, 0));
                let month = first.format("%Y-%m");
                detail(
                    Text {
                        en: finding_text!(
                            "worker {} worked {} in {month}, contract {} h",
                            w.id,
                            Hours(secs, Lang::En),
                            Number(contract, 2, Lang::En)
                        ),
                        cs: finding_text!(
                            "pracovník {} odpracoval v {month} {}, úvazek {} h",
                            w.id,
                            Hours(secs, Lang::Cs),
                            Number(contract, 2, Lang::Cs)
                        ),
                    },
                    place,
                )
            });
        }
    }
}

/// The fields that make two rows the same.
fn content(v: &Visit) -> impl std::hash::Hash + Eq + '_ {
    (
        v.date, v.worker, v.client, v.task, v.start, v.duration, v.travel, v.quantity, v.fee,
    )
}

/// Exact duplicates within one worker-day: they share the start, so only
/// rows of equal start are compared. Each later row (by input row) is
/// paired with the first equal one. A run of more than 32 rows with one
/// start (a hostile file) is sorted by a hash of its content instead.
fn duplicates_in(
    ds: &Dataset,
    rows: &[DayRow],
    run: &mut Vec<u32>,
    out: &mut Vec<(u32, u32, u32)>,
) {
    let mut s = 0;
    while s < rows.len() {
        let mut e = s + 1;
        while e < rows.len() && rows[e].start() == rows[s].start() {
            e += 1;
        }
        if e - s > 1 {
            run.clear();
            run.extend(rows[s..e].iter().map(|r| r.visit));
            run.sort_unstable_by_key(|&i| (ds.visits[i as usize].row, i));
            if run.len() <= 32 {
                for k in 1..run.len() {
                    let vk = &ds.visits[run[k] as usize];
                    if let Some(&j) = run[..k]
                        .iter()
                        .find(|&&j| content(&ds.visits[j as usize]) == content(vk))
                    {
                        out.push((vk.row, run[k], j));
                    }
                }
            } else {
                let state = std::collections::hash_map::RandomState::new();
                let mut hashed: Vec<(u64, u32, u32)> = run
                    .iter()
                    .map(|&i| {
                        let v = &ds.visits[i as usize];
                        (state.hash_one(content(v)), v.row, i)
                    })
                    .collect();
                hashed.sort_unstable();
                let mut a = 0;
                while a < hashed.len() {
                    let mut z = a + 1;
                    while z < hashed.len() && hashed[z].0 == hashed[a].0 {
                        z += 1;
                    }
                    for k in a + 1..z {
                        let vk = &ds.visits[hashed[k].2 as usize];
                        if let Some(&(_, _, j)) = hashed[a..k]
                            .iter()
                            .find(|(_, _, j)| content(&ds.visits[*j as usize]) == content(vk))
                        {
                            out.push((vk.row, hashed[k].2, j));
                        }
                    }
                    a = z;
                }
            }
        }
        s = e;
    }
}

/// Duplicates as findings, in input order.
fn report_duplicates(ds: &Dataset, mut dup_of: Vec<(u32, u32, u32)>, f: &mut Findings) {
    dup_of.sort_unstable();
    for (_, i, j) in dup_of {
        let (v, first) = (&ds.visits[i as usize], &ds.visits[j as usize]);
        f.push(FindingKind::Duplicate, || {
            let r = visit_place(ds, first)
                .map(|p| p.to_string())
                .unwrap_or_default();
            detail(
                Text {
                    en: finding_text!("exact duplicate of {r}"),
                    cs: finding_text!("přesný duplikát řádku {r}"),
                },
                visit_place(ds, v),
            )
        });
    }
}
