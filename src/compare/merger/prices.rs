//! The price effect: one price list for the merged service.
//!
//! Each client visit's fee is modelled twice by the same rules, once under
//! its service's own price list (today) and once under the merged list, so
//! the difference is the price list alone: price × hours for a task priced
//! per hour, price × quantity otherwise; capped by the decree on the
//! visit's day (hourly, with the 80-hour rule, or per unit where a cap is
//! known); nothing for a client exempt under §75(2) except meals. A visit
//! whose service has no price for its task keeps its recorded fee as
//! today's, as recorded (not capped: the audit's fee checks speak to it),
//! and after too unless the merged list prices its task.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::effect::MergerEffect;
use super::merge::Merged;
use super::{Merger, PriceRule};
use crate::audit::{Months, TaskInfo, seconds_above_80};
use crate::i18n::Text;
use crate::law::EightyHourRule;
use crate::law::LawTables;
use crate::model::{Dataset, FeeBasis, TaskId, TaskUnit, Visit};

const HOUR: u32 = 3600;

/// One task of the merged price list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergedPrice {
    /// The task code.
    pub code: String,
    /// What the price is per.
    pub unit: TaskUnit,
    /// The merged price; `None` under the legal-caps rule (the cap on the
    /// visit's day) or where the rule gives none (each service keeps its
    /// own).
    pub price: Option<Decimal>,
    /// Each service's price today (on the last day of the merged period),
    /// in the order of the parts.
    pub today: Vec<Option<Decimal>>,
}

/// A client's fees before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClientChange {
    /// The client's id in the merged service (`2:K001`).
    pub client: String,
    /// The former service (its name).
    pub part: String,
    /// Fees under the service's own list.
    pub before: Decimal,
    /// Fees under the merged list.
    pub after: Decimal,
    /// after − before.
    pub change: Decimal,
}

/// One former service's clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartPrices {
    /// The former service.
    pub part: String,
    /// Clients with at least one visit that carries a fee.
    pub clients: u64,
    /// Their fees under the service's own list.
    pub before: Decimal,
    /// Under the merged list.
    pub after: Decimal,
    /// after − before.
    pub change: Decimal,
    /// change ÷ clients (`None` without clients).
    pub change_per_client: Option<Decimal>,
    /// The client whose fees change most (by amount, either way).
    pub most_changed: Option<ClientChange>,
}

/// The price effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceEffect {
    /// The rule.
    pub rule: PriceRule,
    /// The merged list, in catalogue order.
    pub list: Vec<MergedPrice>,
    /// Codes of a stated list that no service's catalogue has.
    pub unknown_codes: Vec<String>,
    /// Client visits modelled (with a statutory or optional task, in the
    /// period of their service).
    pub visits: u64,
    /// Fees recorded on those visits.
    pub recorded: Decimal,
    /// Fees under each service's own list (the merged service's fee
    /// revenue today, modelled).
    pub revenue_before: Decimal,
    /// Fees under the merged list.
    pub revenue_after: Decimal,
    /// revenue_after − revenue_before.
    pub change: Decimal,
    /// Per former service.
    pub by_part: Vec<PartPrices>,
    /// The client whose fees change most across the merged service.
    pub most_changed: Option<ClientChange>,
}

/// The effect, and each modelled visit's fee after (by merged visit index).
pub(crate) struct Priced {
    pub effect: MergerEffect<PriceEffect>,
    pub after: Vec<Option<Decimal>>,
    pub before: Vec<Option<Decimal>>,
}

impl Priced {
    /// Not available, for the reason given; no visit's fee modelled.
    pub(crate) fn none(why: Text, visits: usize) -> Priced {
        Priced {
            effect: MergerEffect::NotAvailable(why),
            after: vec![None; visits],
            before: vec![None; visits],
        }
    }
}

/// A part's price list: per task of the part, (from, price) oldest first.
fn part_prices(ds: &Dataset) -> Vec<Vec<(NaiveDate, Decimal)>> {
    let mut out = vec![Vec::new(); ds.tasks.tasks().len()];
    for p in &ds.prices {
        out[p.task.index()].push((p.valid_from.unwrap_or(NaiveDate::MIN), p.price));
    }
    for l in &mut out {
        l.sort();
    }
    out
}

fn price_on(list: &[(NaiveDate, Decimal)], day: NaiveDate) -> Option<Decimal> {
    list.iter()
        .rev()
        .find(|(from, _)| *from <= day)
        .map(|p| p.1)
}

/// The fee a price gives a visit: per hour × hours, or per unit × quantity.
fn fee_at(price: Decimal, unit: TaskUnit, v: &Visit) -> Decimal {
    if unit == TaskUnit::Hour {
        price * Decimal::from(v.duration) / Decimal::from(HOUR)
    } else {
        price * v.quantity
    }
}

/// The merged list under a rule (lowest, highest, stated); empty under the
/// legal caps.
fn merged_list(
    merger: &Merger,
    parts: &[&Dataset],
    m: &Merged,
    lists: &[Vec<Vec<(NaiveDate, Decimal)>>],
) -> (Vec<MergedPrice>, Vec<String>) {
    let ds = &m.dataset;
    let last = ds.period().map_or(NaiveDate::MAX, |p| p.to);
    let tasks = ds.tasks.tasks();
    // Each part's price today per merged task, where the units agree.
    let mut today: Vec<Vec<Option<Decimal>>> = vec![vec![None; parts.len()]; tasks.len()];
    for (pi, (part, span)) in parts.iter().zip(&m.spans).enumerate() {
        for (ti, t) in part.tasks.tasks().iter().enumerate() {
            let merged = span.tasks[ti];
            if tasks[merged.index()].unit == t.unit {
                today[merged.index()][pi] = price_on(&lists[pi][ti], last);
            }
        }
    }
    let mut unknown = Vec::new();
    let mut stated: BTreeMap<usize, Decimal> = BTreeMap::new();
    if let PriceRule::Given(list) = &merger.price_rule {
        for (code, price) in list {
            match ds.tasks.find(code) {
                Some(id) => {
                    stated.insert(id.index(), *price);
                }
                None => unknown.push(code.clone()),
            }
        }
    }
    let mut out = Vec::new();
    for (i, t) in tasks.iter().enumerate() {
        let present: Vec<Decimal> = today[i].iter().flatten().copied().collect();
        let price = match &merger.price_rule {
            PriceRule::Lowest => present.iter().min().copied(),
            PriceRule::Highest => present.iter().max().copied(),
            PriceRule::Given(_) => stated.get(&i).copied(),
            PriceRule::LegalCaps => None,
        };
        if price.is_some() || !present.is_empty() {
            out.push(MergedPrice {
                code: t.code.clone(),
                unit: t.unit,
                price,
                today: today[i].clone(),
            });
        }
    }
    (out, unknown)
}

/// Seconds of each visit at the lower hourly cap, by merged visit index:
/// the audit's own split of a client's month at the 80th hour of hourly
/// tasks ([`seconds_above_80`]); under the default variant every second of
/// a client-month that passes it.
fn seconds_at_lower_cap(ds: &Dataset, rule: EightyHourRule, hourly: &[bool]) -> Vec<u32> {
    let Some(period) = ds.period() else {
        return vec![0; ds.visits.len()];
    };
    let months = Months::new(period);
    let above = seconds_above_80(ds, period, &months, hourly);
    if rule == EightyHourRule::HoursAbove80 {
        return above;
    }
    let month_of = |i: usize| {
        let v = &ds.visits[i];
        v.client.map(|c| (c.index(), months.index(v.date)))
    };
    let over: HashSet<(usize, usize)> = (0..above.len())
        .filter(|&i| above[i] > 0)
        .filter_map(month_of)
        .collect();
    (0..above.len())
        .map(|i| match month_of(i) {
            Some(k) if hourly[ds.visits[i].task.index()] && over.contains(&k) => {
                ds.visits[i].duration
            }
            _ => 0,
        })
        .collect()
}

/// The legal limits on one visit's fee.
struct Limits<'a> {
    law: &'a LawTables,
    low: Vec<u32>,
    exempt: Vec<bool>,
}

impl Limits<'_> {
    /// The cap on a statutory visit's fee (`None`: no cap known).
    fn cap(&self, i: usize, v: &Visit, billing: FeeBasis, code: &str) -> Option<Decimal> {
        if billing == FeeBasis::Hour {
            let cap = self.law.hourly_cap_on(v.date)?;
            let low_s = Decimal::from(self.low[i]);
            let high_s = Decimal::from(v.duration) - low_s;
            let low_rate = cap.cap_over_80h.unwrap_or(cap.cap);
            Some((cap.cap * high_s + low_rate * low_s) / Decimal::from(HOUR))
        } else {
            let amount = self.law.unit_cap_on(code, v.date)?.amount?;
            Some(amount * v.quantity)
        }
    }

    /// A modelled fee held to the law: an optional task is priced by the
    /// provider alone; a statutory one is free for a client exempt under
    /// §75(2) (but meals, `c1`) and at most its cap.
    fn apply(&self, i: usize, v: &Visit, fee: Decimal, stat: Option<(FeeBasis, &str)>) -> Decimal {
        let Some((billing, code)) = stat else {
            return fee;
        };
        if code != "c1" && v.client.is_some_and(|c| self.exempt[c.index()]) {
            return Decimal::ZERO;
        }
        self.cap(i, v, billing, code)
            .map_or(fee, |cap| fee.min(cap))
    }
}

/// Each client visit's modelled fee before and after (by merged visit
/// index), and the sums per client.
struct Modelled {
    before: Vec<Option<Decimal>>,
    after: Vec<Option<Decimal>>,
    /// Per merged client index: (part, before, after).
    per_client: BTreeMap<usize, (usize, Decimal, Decimal)>,
    visits: u64,
    recorded: Decimal,
}

/// Models every client visit's fee, part by part.
fn model(
    merger: &Merger,
    parts: &[&Dataset],
    m: &Merged,
    lists: &[Vec<Vec<(NaiveDate, Decimal)>>],
    list: &[MergedPrice],
    limits: &Limits<'_>,
) -> Modelled {
    let ds = &m.dataset;
    let merged_price: BTreeMap<&str, Option<Decimal>> =
        list.iter().map(|p| (p.code.as_str(), p.price)).collect();
    let tasks = ds.tasks.tasks();
    let n = ds.visits.len();
    let mut out = Modelled {
        before: vec![None; n],
        after: vec![None; n],
        per_client: BTreeMap::new(),
        visits: 0,
        recorded: Decimal::ZERO,
    };
    // Each part's own task index of each merged task it uses.
    let own: Vec<BTreeMap<TaskId, usize>> = m
        .spans
        .iter()
        .map(|span| {
            let mut own = BTreeMap::new();
            for (ti, id) in span.tasks.iter().enumerate() {
                own.entry(*id).or_insert(ti);
            }
            own
        })
        .collect();
    for (pi, i) in m.client_visits(parts) {
        let (part, v) = (parts[pi], &ds.visits[i]);
        let Some(client) = v.client else { continue };
        let task = &tasks[v.task.index()];
        let ti: usize = own[pi].get(&v.task).copied().unwrap_or(0);
        let stat = task.kind.statutory().map(|s| (s.fee_basis(), s.code()));
        let recorded = v.fee.unwrap_or(Decimal::ZERO);
        let held = |fee: Decimal| limits.apply(i, v, fee, stat);
        // Without a price of its own the recorded fee is today's, as it
        // stands (not capped: the audit's fee checks speak to it); with
        // no merged price either it stays so after.
        let before = price_on(&lists[pi][ti], v.date).map_or(recorded, |p| {
            held(fee_at(p, part.tasks.tasks()[ti].unit, v))
        });
        let after = match &merger.price_rule {
            PriceRule::LegalCaps => stat
                .and_then(|(b, code)| limits.cap(i, v, b, code))
                .map_or(before, held),
            _ => merged_price
                .get(task.code.as_str())
                .copied()
                .flatten()
                .map_or(before, |p| held(fee_at(p, task.unit, v))),
        };
        out.before[i] = Some(before);
        out.after[i] = Some(after);
        out.visits += 1;
        out.recorded += recorded;
        let e = out
            .per_client
            .entry(client.index())
            .or_insert((pi, Decimal::ZERO, Decimal::ZERO));
        e.1 += before;
        e.2 += after;
    }
    out
}

/// Per former service, and the client whose fees change most of all.
fn by_part(
    parts: &[&Dataset],
    ds: &Dataset,
    per_client: &BTreeMap<usize, (usize, Decimal, Decimal)>,
) -> (Vec<PartPrices>, Option<ClientChange>) {
    let change = |c: usize, (pi, b, a): (usize, Decimal, Decimal)| ClientChange {
        client: ds.clients[c].id.clone(),
        part: parts[pi].provider.name.clone(),
        before: b,
        after: a,
        change: a - b,
    };
    let most = |keep: &dyn Fn(usize) -> bool| {
        per_client
            .iter()
            .filter(|(_, e)| keep(e.0))
            // Nobody is "most changed" when nothing changed.
            .filter(|(_, e)| e.2 != e.1)
            .max_by(|x, y| {
                // The largest change either way; the first client on a tie.
                (x.1.2 - x.1.1)
                    .abs()
                    .cmp(&(y.1.2 - y.1.1).abs())
                    .then(y.0.cmp(x.0))
            })
            .map(|(&c, &e)| change(c, e))
    };
    let lines = parts
        .iter()
        .enumerate()
        .map(|(pi, part)| {
            let mine = per_client.values().filter(|e| e.0 == pi);
            let clients = mine.clone().count() as u64;
            let before: Decimal = mine.clone().map(|e| e.1).sum();
            let after: Decimal = mine.map(|e| e.2).sum();
            PartPrices {
                part: part.provider.name.clone(),
                clients,
                before,
                after,
                change: after - before,
                change_per_client: (clients > 0).then(|| (after - before) / Decimal::from(clients)),
                most_changed: most(&|p| p == pi),
            }
        })
        .collect();
    (lines, most(&|_| true))
}

/// Works out the price effect.
pub(crate) fn effect(merger: &Merger, parts: &[&Dataset], m: &Merged, law: &LawTables) -> Priced {
    let ds = &m.dataset;
    if matches!(&merger.price_rule, PriceRule::Given(list) if list.is_empty()) {
        return Priced::none(
            Text::new(
                "ceník je zadaný, ale list Jednotný ceník chybí nebo nemá žádný přijatý řádek",
                "the price list is stated, but the Jednotný ceník sheet is missing or has no accepted row",
            ),
            ds.visits.len(),
        );
    }
    let lists: Vec<_> = parts.iter().map(|d| part_prices(d)).collect();
    let (list, unknown_codes) = merged_list(merger, parts, m, &lists);
    let limits = Limits {
        law,
        low: seconds_at_lower_cap(ds, merger.eighty_hour_rule, &TaskInfo::new(ds).hourly),
        exempt: ds
            .clients
            .iter()
            .map(|c| c.fee_exempt == Some(true))
            .collect(),
    };
    let fees = model(merger, parts, m, &lists, &list, &limits);
    if fees.visits == 0 {
        return Priced {
            effect: MergerEffect::NotAvailable(Text::new(
                "žádná návštěva klienta se zákonným ani fakultativním úkonem v období",
                "no client visit with a statutory or optional task in the period",
            )),
            after: fees.after,
            before: fees.before,
        };
    }
    let (lines, most_changed) = by_part(parts, ds, &fees.per_client);
    let revenue_before: Decimal = lines.iter().map(|p| p.before).sum();
    let revenue_after: Decimal = lines.iter().map(|p| p.after).sum();
    Priced {
        effect: MergerEffect::Worked(PriceEffect {
            rule: merger.price_rule.clone(),
            list,
            unknown_codes,
            visits: fees.visits,
            recorded: fees.recorded,
            revenue_before,
            revenue_after,
            change: revenue_after - revenue_before,
            by_part: lines,
            most_changed,
        }),
        after: fees.after,
        before: fees.before,
    }
}

/// The merged list as a price list of the merged dataset (tasks with a price).
pub(crate) fn list_prices(effect: &PriceEffect, ds: &Dataset) -> Vec<(TaskId, Decimal)> {
    effect
        .list
        .iter()
        .filter_map(|p| Some((ds.tasks.find(&p.code)?, p.price?)))
        .collect()
}
