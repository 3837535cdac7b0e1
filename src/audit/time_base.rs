//! A worker's time base over the period: contract, absence, training,
//! available and productive hours, average FTE (docs/indicators.md, "Time base").

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::working_days;
use crate::law::TRAINING_HOURS_PER_YEAR;
use crate::model::{Provider, Worker};
use crate::period::Period;

/// One worker's hours over the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WorkerHours {
    /// The employed part of the period.
    pub employed: Option<Period>,
    pub contract: Decimal,
    pub absence: Decimal,
    pub training: Decimal,
    pub training_given: bool,
    /// The prorated legal training minimum.
    pub training_minimum: Decimal,
    pub available: Decimal,
    pub productive: Decimal,
    pub average_fte: Decimal,
}

impl WorkerHours {
    /// A time base not known (a worker without a staff list): every figure
    /// 0, for the report's worker line to leave empty.
    pub(crate) fn unknown() -> WorkerHours {
        WorkerHours {
            employed: None,
            contract: Decimal::ZERO,
            absence: Decimal::ZERO,
            training: Decimal::ZERO,
            training_given: false,
            training_minimum: Decimal::ZERO,
            available: Decimal::ZERO,
            productive: Decimal::ZERO,
            average_fte: Decimal::ZERO,
        }
    }
}

pub(crate) fn secs_to_hours(secs: u64) -> Decimal {
    Decimal::from(secs) / Decimal::from(3600)
}

/// The part of the period a worker is employed.
pub(crate) fn employed_part(w: &Worker, p: Period) -> Option<Period> {
    let from = w.employed_from.map_or(p.from, |f| f.max(p.from));
    let to = w.employed_to.map_or(p.to, |t| t.min(p.to));
    Period::new(from, to)
}

/// Calendar months with at least one day in `p`.
pub(crate) fn months_touched(p: Period) -> u32 {
    let m = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    (m(p.to) - m(p.from) + 1) as u32
}

/// The weekly hours of a worker's full-time post.
pub(crate) fn weekly_hours(w: &Worker, provider: &Provider) -> Decimal {
    w.weekly_hours.unwrap_or(provider.weekly_hours)
}

/// Contract hours of a worker in a sub-period: fte × weekly / 5 × working
/// days of the sub-period ∩ employment.
pub(crate) fn contract_hours_in(w: &Worker, provider: &Provider, part: Period) -> Decimal {
    let Some(emp) = employed_part(w, part) else {
        return Decimal::ZERO;
    };
    w.fte * weekly_hours(w, provider) / Decimal::from(5)
        * Decimal::from(working_days(emp.from, emp.to))
}

pub(crate) fn worker_hours(
    w: &Worker,
    provider: &Provider,
    p: Period,
    leave_weeks: Decimal,
) -> WorkerHours {
    let days_p = Decimal::from(p.days());
    let Some(emp) = employed_part(w, p) else {
        return WorkerHours {
            employed: None,
            contract: Decimal::ZERO,
            absence: Decimal::ZERO,
            training: Decimal::ZERO,
            training_given: w.training.is_some(),
            training_minimum: Decimal::ZERO,
            available: Decimal::ZERO,
            productive: Decimal::ZERO,
            average_fte: Decimal::ZERO,
        };
    };
    let weekly = weekly_hours(w, provider);
    let days_emp = Decimal::from(emp.days());
    let contract = contract_hours_in(w, provider, p);
    let weeks = leave_weeks;
    let absence = match w.absence {
        Some(s) => secs_to_hours(s),
        None => weeks * weekly * w.fte * days_emp / Decimal::from(365),
    };
    let training_minimum =
        TRAINING_HOURS_PER_YEAR.value * Decimal::from(months_touched(emp)) / Decimal::from(12);
    let training = w.training.map_or(training_minimum, secs_to_hours);
    let available = contract - absence;
    WorkerHours {
        employed: Some(emp),
        contract,
        absence,
        training,
        training_given: w.training.is_some(),
        training_minimum,
        available,
        productive: available - training,
        average_fte: w.fte * days_emp / days_p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn a_full_year_at_a_public_employer() {
        // 2025: 251 working days. FTE 1, 40 h: contract 40/5 × 251 = 2008 h.
        // Leave 5 weeks × 40 h × 1 × 365/365 = 200 h; training 24 h.
        // Available 1808 h; productive 1784 h.
        let p = Period::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap();
        let w = Worker::new("P1", Role::Pss, Decimal::ONE);
        let h = worker_hours(&w, &Provider::new("x"), p, Decimal::from(5));
        assert_eq!(h.contract, Decimal::from(2008));
        assert_eq!(h.absence, Decimal::from(200));
        assert_eq!(h.training, Decimal::from(24));
        assert_eq!(h.available, Decimal::from(1808));
        assert_eq!(h.productive, Decimal::from(1784));
        assert_eq!(h.average_fte, Decimal::ONE);
    }

    #[test]
    fn a_half_time_worker_hired_on_1_july_at_a_private_employer() {
        // Employed 1.7.–31.12.2025: 184 days; working days: Jul 23 (starts
        // Tue; 5.7. and 6.7. fall on a weekend), Aug 21 (starts Fri), Sep 22
        // (starts Mon; 28.9. is a Sunday), Oct 23 − 1 (28.10. Tuesday), Nov
        // 20 − 1 (17.11. Monday), Dec 23 − 3 (24.–26. Wed–Fri) = 127.
        // Contract 0.5 × 40/5 × 127 = 508 h. Leave 4 weeks × 40 × 0.5 ×
        // 184/365 = 80 × 184/365 = 40.328767… h. Training 24 × 6/12 = 12 h.
        // Average FTE 0.5 × 184/365.
        let p = Period::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap();
        let w = Worker::new("P2", Role::Pss, Decimal::new(5, 1))
            .with_employment(Some(d(2025, 7, 1)), None);
        let mut prov = Provider::new("x");
        prov.public_employer = false;
        let h = worker_hours(&w, &prov, p, Decimal::from(4));
        assert_eq!(working_days(d(2025, 7, 1), d(2025, 12, 31)), 127);
        assert_eq!(h.contract, Decimal::from(508));
        assert_eq!(h.absence, Decimal::from(80 * 184) / Decimal::from(365));
        assert_eq!(h.training, Decimal::from(12));
        assert_eq!(
            h.average_fte,
            Decimal::new(5, 1) * Decimal::from(184) / Decimal::from(365)
        );
    }

    #[test]
    fn given_absence_and_training_replace_the_defaults() {
        let p = Period::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap();
        let w = Worker::new("P3", Role::Sp, Decimal::ONE)
            .with_absence_seconds(300 * 3600)
            .with_training_seconds(30 * 3600);
        let h = worker_hours(&w, &Provider::new("x"), p, Decimal::from(5));
        assert_eq!(h.absence, Decimal::from(300));
        assert_eq!(h.training, Decimal::from(30));
        assert!(h.training_given);
        assert_eq!(h.productive, Decimal::from(2008 - 300 - 30));
    }
}
