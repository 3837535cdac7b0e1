//! The travel effect: with one pool, who sets out from where.
//!
//! A worker sets out from their own municipality (`Pracovníci`, `Obec`) or
//! else their service's seat (`Poskytovatel`, `Obec`); a client lives in
//! their municipality (`Klienti`, `Obec`). A visit crosses a boundary when
//! the two differ. Travel is modelled as the table's minutes from the base
//! to the client's municipality, one way per visit (`Vzdálenosti`; a
//! municipality to itself is 0 unless the table says otherwise), today and
//! under the pooled roster the sheet states.
//!
//! The visits are the client visits every effect models: statutory and
//! optional tasks (`FAK`) alike, since a worker travels to either. A
//! municipality is compared only where both today's pair and the pooled
//! one are in the table (else both are "–": never today's figure against
//! one from a farther base). The visits without a municipality are counted
//! per service and named on the sheet. "After" moves each visit's recorded
//! travel by the table's change, never below 0: where the recorded travel
//! is shorter than the table's saving, the records carry less of it, and
//! the effect gives both sums.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;

use super::effect::MergerEffect;
use super::merge::Merged;
use super::{Merger, Roster};
use crate::i18n::Text;
use crate::matching::fold;
use crate::model::Dataset;

/// One municipality's clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MunicipalityTravel {
    /// The clients' municipality.
    pub municipality: String,
    /// Client visits.
    pub visits: u64,
    /// Their contact hours.
    pub contact_hours: Decimal,
    /// Visits by a worker from another municipality, today.
    pub cross_today: u64,
    /// The base that serves it under the pooled roster (`None`: no base
    /// has a distance to it).
    pub pooled_base: Option<String>,
    /// Visits from another municipality under the pooled roster.
    pub cross_pooled: u64,
    /// Travel minutes per contact hour today, from the table (`None`: a
    /// pair is missing from the table).
    pub minutes_per_hour_today: Option<Decimal>,
    /// Under the pooled roster.
    pub minutes_per_hour_pooled: Option<Decimal>,
    /// Travel recorded on the visits (`Výkazy`), minutes per contact hour.
    pub recorded_minutes_per_hour: Decimal,
}

/// The travel effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TravelEffect {
    /// The pooled roster.
    pub roster: Roster,
    /// Municipalities workers set out from today.
    pub bases: Vec<String>,
    /// Client visits with both municipalities known.
    pub visits: u64,
    /// Client visits without a client's or a worker's municipality.
    pub visits_unknown: u64,
    /// Crossing a boundary today / under the pooled roster.
    pub cross_today: u64,
    /// Under the pooled roster (only municipalities it serves).
    pub cross_pooled: u64,
    /// Travel minutes per contact hour, all municipalities, today and
    /// pooled (`None`: a pair is missing from the table).
    pub minutes_per_hour_today: Option<Decimal>,
    /// Pooled.
    pub minutes_per_hour_pooled: Option<Decimal>,
    /// Per client municipality, by name.
    pub by_municipality: Vec<MunicipalityTravel>,
    /// Pairs (base, municipality) the table lacks.
    pub missing_pairs: Vec<(String, String)>,
    /// Client visits without a client's or a worker's municipality, per
    /// former service in order: they are not in the effect.
    pub unknown_by_part: Vec<u64>,
    /// The change of travel the table gives the visits compared (pooled −
    /// today), hours.
    pub change_hours_table: Decimal,
    /// The change "after" carries into the records, hours: each visit's
    /// recorded travel moved by its change but never below 0, so at most
    /// as large a saving as the table's.
    pub change_hours_applied: Decimal,
}

/// The effect, and per merged visit the change of its travel in seconds
/// (pooled − today, where both are known).
pub(crate) struct Travelled {
    pub effect: MergerEffect<TravelEffect>,
    pub delta: Vec<i64>,
}

#[derive(Default)]
struct Pair {
    visits: u64,
    seconds: u64,
    recorded: u64,
    index: Vec<usize>,
}

/// Client visits by (client municipality, base), both folded; the
/// spellings first seen; the visits without one of the two.
#[derive(Default)]
struct Pairs {
    pairs: BTreeMap<(String, String), Pair>,
    name: BTreeMap<String, String>,
    unknown: u64,
    unknown_by_part: Vec<u64>,
}

impl Travelled {
    /// Not available, for the reason given; no visit's travel moved.
    pub(crate) fn none(why: Text, visits: usize) -> Travelled {
        Travelled {
            effect: MergerEffect::NotAvailable(why),
            delta: vec![0; visits],
        }
    }
}

/// Folded once per client and per worker, not once per visit.
fn folded(s: Option<&String>) -> Option<(String, String)> {
    s.map(|s| (fold(s), s.trim().to_string()))
}

fn collect(parts: &[&Dataset], m: &Merged) -> Pairs {
    let ds = &m.dataset;
    let homes: Vec<Option<(String, String)>> = ds
        .clients
        .iter()
        .map(|c| folded(c.municipality.as_ref()))
        .collect();
    let mut out = Pairs {
        unknown_by_part: vec![0; parts.len()],
        ..Pairs::default()
    };
    // Where each worker sets out from, folded once.
    let mut bases: BTreeMap<usize, Option<(String, String)>> = BTreeMap::new();
    for (pi, i) in m.client_visits(parts) {
        let v = &ds.visits[i];
        let Some(c) = v.client else { continue };
        let seat = parts[pi].provider.municipality.as_ref();
        let base = bases
            .entry(v.worker.index())
            .or_insert_with(|| folded(ds.worker(v.worker).municipality.as_ref().or(seat)));
        let (Some((fh, home)), Some((fb, base))) = (&homes[c.index()], base) else {
            out.unknown += 1;
            out.unknown_by_part[pi] += 1;
            continue;
        };
        out.name.entry(fh.clone()).or_insert_with(|| home.clone());
        out.name.entry(fb.clone()).or_insert_with(|| base.clone());
        let p = out.pairs.entry((fh.clone(), fb.clone())).or_default();
        p.visits += 1;
        p.seconds += u64::from(v.duration);
        p.recorded += u64::from(v.travel);
        p.index.push(i);
    }
    out
}

/// The distance table by folded municipality names, either way (the first
/// row of a pair wins), looked up once per pair of municipalities, not
/// searched.
struct Distances(HashMap<(String, String), Decimal>);

impl Distances {
    fn new(merger: &Merger) -> Distances {
        let mut map = HashMap::new();
        for d in &merger.distances {
            let (a, b) = (fold(&d.from), fold(&d.to));
            map.entry((b.clone(), a.clone())).or_insert(d.minutes);
            map.entry((a, b)).or_insert(d.minutes);
        }
        Distances(map)
    }

    /// Minutes between two folded names; a municipality to itself is 0
    /// unless the table gives it.
    fn minutes(&self, a: &str, b: &str) -> Option<Decimal> {
        match self.0.get(&(a.to_string(), b.to_string())) {
            Some(m) => Some(*m),
            None if a == b => Some(Decimal::ZERO),
            None => None,
        }
    }
}

/// Table minutes today and pooled (each `None` once a pair is missing)
/// and recorded travel seconds, per client municipality.
type Sums = BTreeMap<String, (Option<Decimal>, Option<Decimal>, u64)>;

/// The municipalities' lines, their sums, the missing pairs and each
/// visit's change of travel.
struct Lines {
    lines: BTreeMap<String, MunicipalityTravel>,
    sums: Sums,
    missing: Vec<(String, String)>,
    delta: Vec<i64>,
}

fn lines(
    table: &Distances,
    p: &Pairs,
    n: usize,
    pooled: &dyn Fn(&str) -> Option<String>,
    shown: &dyn Fn(&str) -> String,
) -> Lines {
    let minutes = |a: &str, b: &str| table.minutes(a, b);
    let mut out = Lines {
        lines: BTreeMap::new(),
        sums: BTreeMap::new(),
        missing: Vec::new(),
        delta: vec![0; n],
    };
    for ((home, base), pair) in &p.pairs {
        let target = pooled(home);
        let today = minutes(base, home);
        // Without today's pair the pooled figure has nothing to be set
        // against: both unknown, not today "–" and after from elsewhere.
        let after = today.and(target.as_deref().and_then(|t| minutes(t, home)));
        let pooled_pair = today.and(target.as_deref());
        for (from, known) in [(Some(base.as_str()), today), (pooled_pair, after)] {
            let missing = from.map(|f| (shown(f), shown(home)));
            if let (Some(m), None) = (missing, known)
                && !out.missing.contains(&m)
            {
                out.missing.push(m);
            }
        }
        if let (Some(t), Some(a)) = (today, after) {
            let d = i64::try_from(((a - t) * Decimal::from(60)).trunc()).unwrap_or(0);
            for &i in &pair.index {
                out.delta[i] = d;
            }
        }
        let line = out
            .lines
            .entry(home.clone())
            .or_insert_with(|| MunicipalityTravel {
                municipality: shown(home),
                visits: 0,
                contact_hours: Decimal::ZERO,
                cross_today: 0,
                pooled_base: target.as_deref().map(shown),
                cross_pooled: 0,
                minutes_per_hour_today: None,
                minutes_per_hour_pooled: None,
                recorded_minutes_per_hour: Decimal::ZERO,
            });
        line.visits += pair.visits;
        line.contact_hours += Decimal::from(pair.seconds) / Decimal::from(3600);
        if base != home {
            line.cross_today += pair.visits;
        }
        if target.as_deref().is_some_and(|t| t != home) {
            line.cross_pooled += pair.visits;
        }
        let s =
            out.sums
                .entry(home.clone())
                .or_insert((Some(Decimal::ZERO), Some(Decimal::ZERO), 0));
        let k = Decimal::from(pair.visits);
        s.0 = s.0.zip(today).map(|(x, m)| x + m * k);
        s.1 = s.1.zip(after).map(|(x, m)| x + m * k);
        s.2 += pair.recorded;
    }
    // A municipality not compared (a pair of it missing) moves no visit's
    // travel either: "after" keeps what the table cannot say.
    for ((home, _), pair) in &p.pairs {
        if out
            .sums
            .get(home)
            .is_some_and(|s| s.0.is_none() || s.1.is_none())
        {
            for &i in &pair.index {
                out.delta[i] = 0;
            }
        }
    }
    out
}

/// Works out the travel effect.
pub(crate) fn effect(merger: &Merger, parts: &[&Dataset], m: &Merged) -> Travelled {
    let n = m.dataset.visits.len();
    let p = collect(parts, m);
    if p.pairs.is_empty() {
        return Travelled::none(
            Text::new(
                "u žádné návštěvy není známa obec klienta (Klienti: Obec) i obec pracovníka (Pracovníci: Obec, nebo Poskytovatel: Obec)",
                "no visit has both the client's municipality (Klienti: Obec) and the worker's (Pracovníci: Obec, or Poskytovatel: Obec)",
            ),
            n,
        );
    }
    let table = Distances::new(merger);
    let mut bases: Vec<String> = p.pairs.keys().map(|(_, b)| b.clone()).collect();
    bases.sort();
    bases.dedup();
    // The base serving a municipality under the pooled roster.
    let pooled = |home: &str| -> Option<String> {
        match &merger.roster {
            Roster::OneBase(b) => Some(fold(b)),
            Roster::NearestBase => bases
                .iter()
                .filter_map(|b| table.minutes(b, home).map(|m| (m, b)))
                .min()
                .map(|(_, b)| b.clone()),
        }
    };
    let shown = |f: &str| match &merger.roster {
        Roster::OneBase(b) if fold(b) == f => b.trim().to_string(),
        _ => p.name.get(f).cloned().unwrap_or_else(|| f.to_string()),
    };
    let Lines {
        mut lines,
        sums,
        missing,
        delta,
    } = lines(&table, &p, n, &pooled, &shown);
    let (mut total_today, mut total_pooled) = (Some(Decimal::ZERO), Some(Decimal::ZERO));
    let mut hours = Decimal::ZERO;
    for (home, line) in &mut lines {
        let (t, a, recorded) = sums[home];
        let h = line.contact_hours;
        line.recorded_minutes_per_hour =
            per_hour(Decimal::from(recorded) / Decimal::from(60), h).unwrap_or_default();
        line.minutes_per_hour_today = t.and_then(|t| per_hour(t, h));
        line.minutes_per_hour_pooled = a.and_then(|a| per_hour(a, h));
        total_today = total_today.zip(t).map(|(s, x)| s + x);
        total_pooled = total_pooled.zip(a).map(|(s, x)| s + x);
        hours += h;
    }
    let by_municipality: Vec<MunicipalityTravel> = lines.into_values().collect();
    let (table_s, applied_s) = changes(&m.dataset, &delta);
    let in_hours = |s: i64| Decimal::from(s) / Decimal::from(3600);
    Travelled {
        effect: MergerEffect::Worked(TravelEffect {
            roster: merger.roster.clone(),
            bases: bases.iter().map(|b| shown(b)).collect(),
            visits: by_municipality.iter().map(|l| l.visits).sum(),
            visits_unknown: p.unknown,
            cross_today: by_municipality.iter().map(|l| l.cross_today).sum(),
            cross_pooled: by_municipality.iter().map(|l| l.cross_pooled).sum(),
            minutes_per_hour_today: total_today.and_then(|t| per_hour(t, hours)),
            minutes_per_hour_pooled: total_pooled.and_then(|t| per_hour(t, hours)),
            by_municipality,
            missing_pairs: missing,
            unknown_by_part: p.unknown_by_part,
            change_hours_table: in_hours(table_s),
            change_hours_applied: in_hours(applied_s),
        }),
        delta,
    }
}

/// The table's change of travel over the visits, and the change the
/// records carry (each visit's travel + its change, never below 0), in
/// seconds.
fn changes(ds: &Dataset, delta: &[i64]) -> (i64, i64) {
    let (mut table, mut applied) = (0i64, 0i64);
    for (v, d) in ds.visits.iter().zip(delta) {
        let t = i64::from(v.travel);
        table += d;
        applied += (t + d).max(0) - t;
    }
    (table, applied)
}

/// A visit's travel after: its recorded travel moved by its change, never
/// below 0 (the effect's `change_hours_applied` sums exactly this).
pub(crate) fn moved(travel: u32, delta: i64) -> u32 {
    u32::try_from((i64::from(travel) + delta).max(0)).unwrap_or(u32::MAX)
}

fn per_hour(minutes: Decimal, hours: Decimal) -> Option<Decimal> {
    minutes.checked_div(hours)
}
