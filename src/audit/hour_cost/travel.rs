//! Travel per contact hour, overall and by visit length.
//!
//! A *visit* is a run of one worker's direct rows at one client within a
//! day, in the recorded order (date, start, input row). Travel before a
//! visit (`CESTA` rows and the travel minutes written on rows since the
//! last visit) belongs to it; travel after the day's last visit (the way
//! home) belongs to that last visit. Overall, travel per contact hour is
//! `(60 / mean visit minutes) × mean travel minutes per visit`, which needs
//! only totals. By visit length it needs the sequence, so only days whose
//! every row has a start time are banded; other days count in the totals
//! and are reported apart.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::audit::base::Base;
use crate::audit::order::for_each_worker_day;
use crate::model::TimeKind;

/// The visit-length bands: id, upper bound in seconds (inclusive), labels.
pub const BANDS: [(&str, u32, &str, &str); 5] = [
    ("le15", 900, "do 15 min", "up to 15 min"),
    ("le30", 1800, "16–30 min", "16–30 min"),
    ("le45", 2700, "31–45 min", "31–45 min"),
    ("le60", 3600, "46–60 min", "46–60 min"),
    ("gt60", u32::MAX, "nad 60 min", "over 60 min"),
];

/// The index in [`BANDS`] of a visit of `secs` direct seconds: the first
/// band whose bound holds it, i.e. the number of bounds below it (the last
/// band takes the rest). Counted, not searched: a search's branches follow
/// the visit lengths and were mispredicted most of the time (4 ms of the
/// analysis at a million rows).
fn band_of(secs: u64) -> usize {
    BANDS[..BANDS.len() - 1]
        .iter()
        .filter(|x| secs > u64::from(x.1))
        .count()
}

/// Visits of one length band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TravelBand {
    /// `le15`, `le30`, `le45`, `le60`, `gt60`.
    pub id: &'static str,
    /// Czech label.
    pub label_cs: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// Visits in the band.
    pub visits: u64,
    /// Direct seconds of those visits.
    pub contact_seconds: u64,
    /// Travel seconds attributed to them.
    pub travel_seconds: u64,
    /// Travel minutes per contact hour; `None` without visits.
    pub travel_minutes_per_contact_hour: Option<Decimal>,
    /// Estimated cost of a contact hour at this band's travel (see
    /// [`HourAnalysis`](super::HourAnalysis)); `None` without costs.
    pub cost_per_contact_hour: Option<Decimal>,
}

/// Travel against contact time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TravelAnalysis {
    /// Visits (runs of direct rows at one client).
    pub visits: u64,
    /// Direct seconds of all visits.
    pub contact_seconds: u64,
    /// All travel seconds in the period.
    pub travel_seconds: u64,
    /// Mean visit minutes.
    pub mean_visit_minutes: Option<Decimal>,
    /// Mean travel minutes per visit.
    pub mean_travel_minutes: Option<Decimal>,
    /// `(60 / mean visit minutes) × mean travel minutes`.
    pub travel_minutes_per_contact_hour: Option<Decimal>,
    /// By visit length, from days with a recorded sequence.
    pub bands: Vec<TravelBand>,
    /// Worker-days with every row's start recorded (banded).
    pub sequenced_days: u64,
    /// Worker-days without (in the totals only).
    pub unsequenced_days: u64,
    /// Visits on unsequenced days.
    pub unsequenced_visits: u64,
    /// Travel on days without any visit (not attributed to a visit).
    pub unattributed_travel_seconds: u64,
}

fn minutes_per_hour(travel: u64, contact: u64) -> Option<Decimal> {
    (contact > 0).then(|| Decimal::from(travel) * Decimal::from(60) / Decimal::from(contact))
}

/// Travel minutes per contact hour by the totals formula.
///
/// ```
/// use homecare_audit::audit::hour_cost::travel_per_contact_hour;
/// // 8 visits of 30 min with 10 min of travel each: (60 / 30) × 10 = 20.
/// assert_eq!(travel_per_contact_hour(8, 8 * 1800, 8 * 600), Some(20.into()));
/// ```
pub fn travel_per_contact_hour(
    visits: u64,
    contact_seconds: u64,
    travel_seconds: u64,
) -> Option<Decimal> {
    if visits == 0 {
        return None;
    }
    // (60 / (C / n)) × (T / n) = 60 × T / C: one division, so the figure is
    // exact whenever it terminates.
    minutes_per_hour(travel_seconds, contact_seconds)
}

/// The analysis, and per client the travel attributed to its visits (input
/// row order where starts are missing), for the scenarios.
pub(crate) fn analyse(b: &Base<'_>) -> (TravelAnalysis, Vec<u64>) {
    let ds = b.ds;
    let mut bands = [(0u64, 0u64, 0u64); 5];
    let (mut visits, mut contact, mut travel_all) = (0u64, 0u64, 0u64);
    let (mut seq_days, mut unseq_days, mut unseq_visits, mut unattributed) =
        (0u64, 0u64, 0u64, 0u64);
    let mut client_travel = vec![0u64; ds.clients.len()];
    // (client, direct seconds, travel seconds) of the day's visits.
    let mut day: Vec<(usize, u64, u64)> = Vec::new();
    for_each_worker_day(&b.order, |rows| {
        if !b.period.contains(rows[0].date) {
            return;
        }
        day.clear();
        let sequenced = rows.iter().all(|r| r.start().is_some());
        let mut pending = 0u64;
        let mut open = false;
        // The day's latest visit, added to `day` when the next one starts
        // (summed here, not in the vector: adding to an element just pushed
        // waited for the push to reach memory).
        let mut last: Option<(usize, u64, u64)> = None;
        for v in rows {
            let kind = b.tasks.time_kind[v.task().index()];
            let client = v.client().map(|c| c.index());
            match (kind, client) {
                (TimeKind::Direct, Some(c)) => {
                    let l = match &mut last {
                        Some(l) if open && l.0 == c => l,
                        _ => {
                            day.extend(last.take());
                            open = true;
                            last.insert((c, 0, std::mem::take(&mut pending)))
                        }
                    };
                    l.1 += u64::from(v.duration);
                    l.2 += u64::from(v.travel);
                    continue;
                }
                (TimeKind::Travel, _) => pending += u64::from(v.duration),
                (TimeKind::Optional, Some(c)) if open && last.is_some_and(|l| l.0 == c) => {}
                _ => open = false,
            }
            pending += u64::from(v.travel);
        }
        match &mut last {
            Some(l) => l.2 += pending,
            None => unattributed += pending,
        }
        day.extend(last);
        if sequenced {
            seq_days += 1;
        } else {
            unseq_days += 1;
        }
        for &(c, secs, tr) in &day {
            visits += 1;
            contact += secs;
            travel_all += tr;
            client_travel[c] += tr;
            if sequenced {
                let k = band_of(secs);
                bands[k].0 += 1;
                bands[k].1 += secs;
                bands[k].2 += tr;
            } else {
                unseq_visits += 1;
            }
        }
    });
    let travel_seconds = travel_all + unattributed;
    let n = Decimal::from(visits);
    let analysis = TravelAnalysis {
        visits,
        contact_seconds: contact,
        travel_seconds,
        mean_visit_minutes: (visits > 0).then(|| Decimal::from(contact) / Decimal::from(60) / n),
        mean_travel_minutes: (visits > 0)
            .then(|| Decimal::from(travel_seconds) / Decimal::from(60) / n),
        travel_minutes_per_contact_hour: travel_per_contact_hour(visits, contact, travel_seconds),
        bands: BANDS
            .iter()
            .zip(bands)
            .map(|(&(id, _, cs, en), (v, c, t))| TravelBand {
                id,
                label_cs: cs,
                label_en: en,
                visits: v,
                contact_seconds: c,
                travel_seconds: t,
                travel_minutes_per_contact_hour: minutes_per_hour(t, c),
                cost_per_contact_hour: None,
            })
            .collect(),
        sequenced_days: seq_days,
        unsequenced_days: unseq_days,
        unsequenced_visits: unseq_visits,
        unattributed_travel_seconds: unattributed,
    };
    (analysis, client_travel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_hold_their_upper_bound() {
        // Bounds 15, 30, 45, 60 min inclusive; anything longer is gt60,
        // even a sum past u32::MAX seconds.
        let id = |secs| BANDS[band_of(secs)].0;
        assert_eq!(id(0), "le15");
        assert_eq!(id(900), "le15");
        assert_eq!(id(901), "le30");
        assert_eq!(id(1800), "le30");
        assert_eq!(id(2700), "le45");
        assert_eq!(id(2701), "le60");
        assert_eq!(id(3600), "le60");
        assert_eq!(id(3601), "gt60");
        assert_eq!(id(u64::MAX), "gt60");
    }
}
