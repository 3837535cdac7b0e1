//! The audit period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An inclusive range of dates: `Období od`..`Období do`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
}

impl Period {
    /// A period from `from` to `to`, both inclusive; `None` if `to` is before
    /// `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// Number of calendar days, both ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// True when both ends lie in `years`.
    ///
    /// ```
    /// use homecare_audit::Period;
    /// use chrono::NaiveDate;
    /// let p = Period::new(NaiveDate::MIN, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()).unwrap();
    /// assert!(!p.within_years(0..=9999));
    /// ```
    pub fn within_years(&self, years: std::ops::RangeInclusive<i32>) -> bool {
        use chrono::Datelike;
        years.contains(&self.from.year()) && years.contains(&self.to.year())
    }

    /// True when `date` lies inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}
