//! The law as data: every legal parameter is a row with the date it is
//! valid from, its source and whether the figure is verified.
//!
//! Adding next year's decree is one row in the right table. Figures marked
//! provisional (`verified: false`) were inferred from providers' price lists
//! charging at the cap, not read in the decree's text: findings based on
//! them say so.

mod fee_caps;
mod on_costs;
mod working_time;

pub use fee_caps::{
    CHECKED_THROUGH, HOURLY_CAPS, HourlyCap, MEAL_CAPS, Meal, MealCap, UNIT_CAPS, UnitCap,
    hourly_cap_on, meal_cap_on, unit_cap_on,
};
pub use on_costs::{ON_COSTS, OnCost, on_costs_on};
pub use working_time::{
    EMPLOYER_INSURANCE, LEAVE_WEEKS_OTHER, LEAVE_WEEKS_PUBLIC, LawFigure, TRAINING_HOURS_PER_YEAR,
};

use chrono::NaiveDate;

/// A date in a `const` table (valid by construction).
pub(crate) const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(x) => x,
        None => panic!("invalid date in a law table"),
    }
}
