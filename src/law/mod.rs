//! The law as data: every legal figure is a [`LawRow`] with the date it is
//! valid from, the decree, its source and whether it is verified, and where
//! the row comes from (the built-in tables, or a user's `Limity` sheet with
//! its file and cell).
//!
//! [`LawTables`] is what an audit applies: the built-in rows and the
//! user's, a user's row taking precedence from its date on. Adding next
//! year's decree is one row: in `built_in.rs` for a release, or in the
//! auditor's `Limity` sheet the day the decree is published. Figures marked
//! provisional (`verified: false`) were inferred, not read in the decree's
//! text: findings based on them say so.

mod built_in;
pub mod eligibility;
mod row;
mod tables;
mod working_time;

pub use built_in::CHECKED_THROUGH;
pub use row::{LawKind, LawOrigin, LawRow};
pub use tables::{HourlyCap, LawTables, describe};
pub use working_time::{EMPLOYER_INSURANCE, LawFigure, TRAINING_HOURS_PER_YEAR};

use chrono::NaiveDate;
use serde::Serialize;

/// A date in a `const` table (valid by construction).
pub(crate) const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(x) => x,
        None => panic!("invalid date in a law table"),
    }
}

/// Which of a client's hours in a month over 80 hours get the lower hourly
/// cap (Decree 505/2006 §6(2)(a) since 1.1.2023). The decree does not say;
/// providers apply the lower rate to every hour of such a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EightyHourRule {
    /// Every hour of a month over 80 hours at the lower cap (default).
    #[default]
    AllHoursOfMonth,
    /// Only the hours beyond the 80th, in date and start order.
    HoursAbove80,
}
