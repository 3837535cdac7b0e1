//! What every indicator family reads: the period, the tally, the workers'
//! time base, and helpers for building indicators.

use rust_decimal::Decimal;

use super::report::{Indicator, Unavailable, Unit};
use super::tally::{Months, Tally, TaskInfo};
use super::time_base::{WorkerHours, secs_to_hours};
use crate::model::Dataset;
use crate::period::Period;

pub(crate) struct Base<'a> {
    pub ds: &'a Dataset,
    /// The legal tables applied.
    pub law: &'a crate::law::LawTables,
    pub period: Period,
    pub months: Months,
    pub tasks: TaskInfo,
    pub tally: Tally,
    pub hours: Vec<WorkerHours>,
    pub clients_served: u64,
    pub client_months: u64,
    /// The visits grouped by worker and day (see `order`).
    pub order: Vec<super::order::DayRow>,
}

impl Base<'_> {
    /// 365 / days in the period.
    pub fn annual_factor(&self) -> Decimal {
        Decimal::from(365) / Decimal::from(self.period.days())
    }

    pub fn hours(secs: u64) -> Decimal {
        secs_to_hours(secs)
    }

    /// Indices of the care workers (PSS) employed in the period.
    pub fn pss_employed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.ds.workers.len()).filter(|&w| {
            self.ds.workers[w].role == crate::model::Role::Pss && self.hours[w].employed.is_some()
        })
    }

    /// Indices of the clients served whose every direct row is a meal task
    /// (`target.meal_only_share`, the meal-service scenario).
    pub fn meal_only_clients(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.ds.clients.len()).filter(|&c| self.meal_only(c))
    }

    /// Whether client `c` was served and every direct row of theirs is a
    /// meal task.
    pub fn meal_only(&self, c: usize) -> bool {
        let a = &self.tally.clients[c];
        a.direct_rows > 0 && a.meal_rows == a.direct_rows
    }

    /// Σ of the cost lines matching `keep`; `None` without a `Náklady` sheet.
    pub fn cost_sum(&self, keep: impl Fn(&crate::model::CostLine) -> bool) -> Option<Decimal> {
        self.ds
            .costs
            .as_ref()
            .map(|cs| cs.iter().filter(|c| keep(c)).map(|c| c.amount).sum())
    }
}

/// A reason in both languages.
pub(crate) fn na(cs: &str, en: &str) -> Unavailable {
    Unavailable::new(cs, en)
}

/// Pushes `num / den`, or not available with `zero` when `den` is 0.
pub(crate) fn ratio(
    out: &mut Vec<Indicator>,
    id: &str,
    unit: Unit,
    num: Decimal,
    den: Decimal,
    zero: (&str, &str),
) {
    out.push(Indicator::ratio(id, unit, num, den, na(zero.0, zero.1)));
}

pub(crate) const NO_DIRECT: (&str, &str) = (
    "žádné přímé hodiny v období",
    "no direct hours in the period",
);
pub(crate) const NO_CLIENTS: (&str, &str) = ("žádní obsloužení klienti", "no clients served");
