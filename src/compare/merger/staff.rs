//! The staff effect: one pool of care workers.
//!
//! A service needs enough care workers (PSS) to deliver its direct hours at
//! the target utilisation (direct ÷ available hours, as `staff.utilization`)
//! in the week it is planned for. Planned for the busiest week, separate
//! services each cover their own peak; one pool covers the peak of the sum,
//! which is never more than the sum of the peaks. Only full weeks (Monday to
//! Sunday) inside every service's period are compared.
//!
//! Three figures, and two differences costed: today's FTE, the services
//! planned apart at the target, and the pool. Merged − apart is the
//! merger's own effect; merged − today also holds the planning at the
//! target, which a service could do alone.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::effect::MergerEffect;
use super::merge::Merged;
use super::{Merger, StaffingBasis};
use crate::audit::time_base::worker_hours;
use crate::i18n::Text;
use crate::law::LawTables;
use crate::model::{Dataset, Role, TimeKind};
use crate::period::Period;

/// One service's care workers (or the merged pool's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaffLine {
    /// The service.
    pub part: String,
    /// Care-worker (PSS) FTE today, averaged over the period.
    pub fte_today: Decimal,
    /// Direct hours of care workers in the weeks compared.
    pub direct_hours: Decimal,
    /// Direct hours of the week planned for (the busiest, or the average).
    pub planned_week_hours: Decimal,
    /// The Monday of the busiest week (peak basis).
    pub peak_week: Option<NaiveDate>,
    /// Available hours one FTE gives in a week (contract − absence).
    pub available_per_fte_week: Decimal,
    /// FTE needed: planned week hours ÷ (available per FTE × target).
    pub fte_needed: Decimal,
}

/// The staff effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaffEffect {
    /// The week planned for.
    pub basis: StaffingBasis,
    /// The target utilisation.
    pub target_utilisation: Decimal,
    /// Full weeks compared.
    pub weeks: u64,
    /// Each former service on its own.
    pub by_part: Vec<StaffLine>,
    /// The merged pool.
    pub merged: StaffLine,
    /// Σ of the services' FTE needed on their own.
    pub needed_separately: Decimal,
    /// merged − needed separately (≤ 0 on the peak basis).
    pub change_vs_separate: Decimal,
    /// merged − today's FTE.
    pub change_vs_today: Decimal,
    /// Personnel cost of a care-worker FTE over the period (Σ cost ÷ Σ FTE
    /// of the care workers with a cost), when known.
    pub cost_per_fte: Option<Decimal>,
    /// change vs separate × cost per FTE: the merger's own effect (the
    /// same services, the same target, planned as one pool instead of
    /// apart).
    pub cost_change_vs_separate: Option<Decimal>,
    /// change vs today × cost per FTE: the merger's effect and planning at
    /// the target together (most of it needs no merger when today's
    /// utilisation is off the target).
    pub cost_change_vs_today: Option<Decimal>,
}

fn na(cs: String, en: String) -> MergerEffect<StaffEffect> {
    MergerEffect::NotAvailable(Text::new(cs, en))
}

/// The full weeks (their Mondays) inside every period.
fn common_weeks(periods: &[Period]) -> Vec<NaiveDate> {
    let from = periods.iter().map(|p| p.from).max();
    let to = periods.iter().map(|p| p.to).min();
    let (Some(from), Some(to)) = (from, to) else {
        return Vec::new();
    };
    let ahead = (7 - from.weekday().num_days_from_monday()) % 7;
    let mut monday = from + Duration::days(i64::from(ahead));
    let mut out = Vec::new();
    while monday + Duration::days(6) <= to {
        out.push(monday);
        monday += Duration::days(7);
    }
    out
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// A part's care workers: FTE today, available hours per FTE per week,
/// personnel cost and the FTE it covers.
struct Pool {
    fte: Decimal,
    per_fte_week: Decimal,
    cost: Decimal,
    cost_fte: Decimal,
}

fn pool(ds: &Dataset, period: Period, law: &LawTables) -> Pool {
    let leave = law
        .leave_weeks(ds.provider.public_employer, period.to)
        .unwrap_or_default();
    let (mut fte, mut available, mut cost, mut cost_fte) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for w in ds.workers.iter().filter(|w| w.role == Role::Pss) {
        let h = worker_hours(w, &ds.provider, period, leave);
        fte += h.average_fte;
        available += h.available;
        if let Some(c) = w.personnel_cost {
            cost += c;
            cost_fte += h.average_fte;
        }
    }
    let weeks = Decimal::from(period.days()) / Decimal::from(7);
    let fte_weeks = fte * weeks;
    let per_fte_week = if fte_weeks > Decimal::ZERO {
        available / fte_weeks
    } else {
        Decimal::ZERO
    };
    Pool {
        fte,
        per_fte_week,
        cost,
        cost_fte,
    }
}

/// The week planned for: (its hours, the Monday of the busiest).
fn planned(
    basis: StaffingBasis,
    hours: &BTreeMap<NaiveDate, Decimal>,
) -> (Decimal, Option<NaiveDate>) {
    match basis {
        StaffingBasis::PeakWeek => hours
            .iter()
            // The busiest week; the first of equals.
            .fold((Decimal::ZERO, None), |best, (w, h)| {
                if best.1.is_none() || *h > best.0 {
                    (*h, Some(*w))
                } else {
                    best
                }
            }),
        StaffingBasis::AverageWeek => {
            let total: Decimal = hours.values().copied().sum();
            (total / Decimal::from(hours.len().max(1)), None)
        }
    }
}

/// Works out the staff effect.
pub(crate) fn effect(
    merger: &Merger,
    parts: &[&Dataset],
    m: &Merged,
    law: &LawTables,
) -> MergerEffect<StaffEffect> {
    let u = merger.target_utilisation;
    if u <= Decimal::ZERO {
        return na(
            "cílové vytížení musí být větší než 0".into(),
            "the target utilisation must be above 0".into(),
        );
    }
    if let Some(why) = super::without_staff_list(parts) {
        return MergerEffect::NotAvailable(why);
    }
    let mut periods = Vec::new();
    for p in parts {
        match p.period() {
            Some(x) => periods.push(x),
            None => {
                return na(
                    format!("služba {} nemá období", p.provider.name),
                    format!("the service {} has no period", p.provider.name),
                );
            }
        }
    }
    let weeks = common_weeks(&periods);
    if weeks.is_empty() {
        return na(
            "období služeb nemají společný celý týden".into(),
            "the services' periods share no full week".into(),
        );
    }
    let (first, last) = (weeks[0], weeks[weeks.len() - 1] + Duration::days(6));
    let ds = &m.dataset;
    let empty: BTreeMap<NaiveDate, Decimal> = weeks.iter().map(|w| (*w, Decimal::ZERO)).collect();
    let mut lines = Vec::new();
    let mut merged_hours = empty.clone();
    let (mut fte_today, mut weighted, mut cost, mut cost_fte) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for ((part, span), period) in parts.iter().zip(&m.spans).zip(&periods) {
        let pl = pool(part, *period, law);
        if pl.per_fte_week <= Decimal::ZERO {
            return na(
                format!(
                    "služba {} nemá v období pečovatele (PSS) s dostupnými hodinami",
                    part.provider.name
                ),
                format!(
                    "the service {} has no care workers (PSS) with available hours in its period",
                    part.provider.name
                ),
            );
        }
        let mut hours = empty.clone();
        for v in &ds.visits[span.visits.clone()] {
            if v.date < first
                || v.date > last
                || ds.worker(v.worker).role != Role::Pss
                || ds.task(v.task).kind.time_kind() != TimeKind::Direct
            {
                continue;
            }
            let h = Decimal::from(v.duration) / Decimal::from(3600);
            *hours.entry(monday_of(v.date)).or_default() += h;
            *merged_hours.entry(monday_of(v.date)).or_default() += h;
        }
        let (week, peak) = planned(merger.staffing_basis, &hours);
        lines.push(StaffLine {
            part: part.provider.name.clone(),
            fte_today: pl.fte,
            direct_hours: hours.values().copied().sum(),
            planned_week_hours: week,
            peak_week: peak,
            available_per_fte_week: pl.per_fte_week,
            fte_needed: week / (pl.per_fte_week * u),
        });
        fte_today += pl.fte;
        weighted += pl.per_fte_week * pl.fte;
        cost += pl.cost;
        cost_fte += pl.cost_fte;
    }
    let per_fte_week = weighted / fte_today;
    let (week, peak) = planned(merger.staffing_basis, &merged_hours);
    let merged = StaffLine {
        part: ds.provider.name.clone(),
        fte_today,
        direct_hours: merged_hours.values().copied().sum(),
        planned_week_hours: week,
        peak_week: peak,
        available_per_fte_week: per_fte_week,
        fte_needed: week / (per_fte_week * u),
    };
    let needed_separately: Decimal = lines.iter().map(|l| l.fte_needed).sum();
    let cost_per_fte = (cost_fte > Decimal::ZERO).then(|| cost / cost_fte);
    let change_vs_today = merged.fte_needed - fte_today;
    let change_vs_separate = merged.fte_needed - needed_separately;
    MergerEffect::Worked(StaffEffect {
        basis: merger.staffing_basis,
        target_utilisation: u,
        weeks: weeks.len() as u64,
        change_vs_separate,
        change_vs_today,
        cost_change_vs_separate: cost_per_fte.map(|c| c * change_vs_separate),
        cost_change_vs_today: cost_per_fte.map(|c| c * change_vs_today),
        cost_per_fte,
        by_part: lines,
        merged,
        needed_separately,
    })
}
