//! The normative price of a contact hour, from explicit parameters
//! ([`NormativeParams`]), every line shown, and its comparison with the
//! actual hour line by line.
//!
//! Per contact hour (all in the parameters' currency):
//!
//! 1. pay rate = hourly pay, or monthly pay × 12 / (weekly hours × 52);
//! 2. time pay: contact (1 h), travel and administration (their minutes
//!    per contact hour / 60) at that rate;
//! 3. paid time off the job, as shares of the working hours (annual hours
//!    − leave − sickness − training): leave, sickness and training pay =
//!    time pay × those hours / working hours;
//! 4. employer on-costs on all pay: the legal rows valid on the date
//!    (`law::ON_COSTS`), or one rate given;
//! 5. management and social work: their annual employer cost × FTE per
//!    care FTE / contact hours a care FTE gives a year;
//! 6. mileage: km × cost per km;
//! 7. price = direct cost / (1 − overhead share − margin share); overhead
//!    = price × its share; margin = the rest, so the lines add up exactly.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::buildup::{HourBuildup, HourLine};
use crate::audit::report::Unavailable;
use crate::law::LawTables;
use crate::model::NormativeParams;

/// A normative line with the actual line it is set beside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormativeLine {
    /// The line.
    #[serde(flatten)]
    pub line: HourLine,
    /// The id of the comparison row it counts in (`direct_care`, …).
    pub compares_with: &'static str,
}

/// The normative price of a contact hour.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormativePrice {
    /// The parameters used.
    pub parameters: NormativeParams,
    /// The date the legal on-cost rows were taken at.
    pub on_costs_date: NaiveDate,
    /// The on-cost rate used (sum of the rows, or the given rate).
    pub on_cost_rate: Decimal,
    /// True when no legal on-cost row was valid on the date and the oldest
    /// rows were used instead (older rates are not in the table).
    pub on_costs_extrapolated: bool,
    /// The lines; they add up exactly to `price`.
    pub lines: Vec<NormativeLine>,
    /// Cost before overhead and margin.
    pub direct_cost: Decimal,
    /// Price per contact hour.
    pub price: Decimal,
    /// Pay rate per paid hour.
    pub pay_rate: Decimal,
    /// Working hours a full-time care worker gives a year.
    pub working_hours: Decimal,
    /// Contact hours a full-time care worker gives a year.
    pub contact_hours_per_fte: Decimal,
}

/// One row of actual against normative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonRow {
    /// Row id.
    pub id: &'static str,
    /// Czech label.
    pub label_cs: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// Actual, per direct hour.
    pub actual: Decimal,
    /// Normative, per contact hour.
    pub normative: Decimal,
    /// Actual − normative, per hour.
    pub difference: Decimal,
    /// The difference over the period's direct hours.
    pub difference_total: Decimal,
}

/// The rows of the comparison: id, labels, build-up lines counted in it.
pub const COMPARISON_ROWS: [(&str, &str, &str, &[&str]); 7] = [
    (
        "direct_care",
        "Přímá péče",
        "Direct-care pay",
        &["direct_care"],
    ),
    ("travel", "Čas na cestě", "Travel time", &["travel"]),
    (
        "non_contact",
        "Čas mimo klienta",
        "Non-contact time",
        &["non_contact"],
    ),
    (
        "management",
        "Vedení a sociální práce",
        "Management and social work",
        &["management"],
    ),
    (
        "vehicles",
        "Vozidla a kilometry",
        "Vehicles and mileage",
        &["vehicles"],
    ),
    (
        "overhead",
        "Provoz a režie",
        "Operating costs and overhead",
        &["other_operating", "overhead"],
    ),
    ("margin", "Zisk", "Margin", &[]),
];

/// Actual against normative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormativeComparison {
    /// The rows; on-costs are spread over the pay rows in proportion to
    /// their pay.
    pub rows: Vec<ComparisonRow>,
    /// Actual − normative per hour (`cost.per_direct_hour` − price).
    pub difference: Decimal,
    /// The same over the period's direct hours.
    pub difference_total: Decimal,
}

fn line(
    id: &'static str,
    cs: &'static str,
    en: &'static str,
    per_hour: Decimal,
    with: &'static str,
) -> NormativeLine {
    NormativeLine {
        line: HourLine {
            id,
            label_cs: cs,
            label_en: en,
            per_hour: super::internal(per_hour),
            amount: None,
        },
        compares_with: with,
    }
}

impl NormativePrice {
    /// Prices a contact hour from `p`, taking the built-in legal on-cost
    /// rows valid on `on` (see [`NormativePrice::with_law`] for others).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotAvailable`](crate::ErrorKind::NotAvailable), with
    /// the reason in both languages, when a parameter is outside its range,
    /// the parameters leave no working hours, overhead and margin take the
    /// whole price, or a figure is negative.
    ///
    /// ```
    /// use homecare_audit::audit::hour_cost::NormativePrice;
    /// use homecare_audit::model::NormativeParams;
    /// let p = NormativeParams::example_cz();
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    /// let price = NormativePrice::from_params(&p, d).unwrap();
    /// let sum: rust_decimal::Decimal = price.lines.iter().map(|l| l.line.per_hour).sum();
    /// assert_eq!(sum, price.price);
    /// ```
    pub fn from_params(p: &NormativeParams, on: NaiveDate) -> Result<NormativePrice, crate::Error> {
        NormativePrice::with_law(p, on, &LawTables::built_in())
    }

    /// Prices a contact hour from `p`, taking the on-cost rows of `law`
    /// valid on `on` (a user's rows take precedence from their dates).
    ///
    /// # Errors
    ///
    /// As [`NormativePrice::from_params`].
    ///
    /// ```
    /// use homecare_audit::audit::hour_cost::NormativePrice;
    /// use homecare_audit::law::LawTables;
    /// use homecare_audit::model::NormativeParams;
    /// let p = NormativeParams::example_cz();
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    /// let price = NormativePrice::with_law(&p, d, &LawTables::built_in()).unwrap();
    /// // 24.8 % + 9 % + 0.28 % + 2 % (FKSP: the example is a public employer).
    /// assert_eq!(price.on_cost_rate, "0.3608".parse().unwrap());
    /// ```
    pub fn with_law(
        p: &NormativeParams,
        on: NaiveDate,
        law: &LawTables,
    ) -> Result<NormativePrice, crate::Error> {
        NormativePrice::price(p, on, law)
            .map_err(|u| crate::Error::new(crate::ErrorKind::NotAvailable { reason: u }))
    }

    /// The price, or why it is not available (the audit keeps the reason
    /// beside the report's other unavailable figures).
    pub(crate) fn price(
        p: &NormativeParams,
        on: NaiveDate,
        law: &LawTables,
    ) -> Result<NormativePrice, Unavailable> {
        let Basis {
            rate,
            leave_h,
            sick_h,
            working,
            keep,
        } = Basis::of(p)?;
        let h60 = Decimal::from(60);
        let (mut lines, pay) = pay_lines(p, rate, leave_h, sick_h, working);
        let (on_cost_rate, on_costs_extrapolated) = on_costs(p, on, law, pay, &mut lines);
        let paid_per_contact = Decimal::ONE
            + (p.travel_minutes_per_contact_hour + p.admin_minutes_per_contact_hour) / h60;
        let contact_hours_per_fte = working / paid_per_contact;
        let supervision = p.supervisor_pay_monthly
            * Decimal::from(12)
            * (Decimal::ONE + on_cost_rate)
            * p.supervisor_fte_per_care_fte
            / contact_hours_per_fte;
        lines.push(line(
            "management",
            "Vedení a sociální práce",
            "Management and social work",
            supervision,
            "management",
        ));
        lines.push(line(
            "mileage",
            "Kilometry",
            "Mileage",
            p.km_per_contact_hour * p.cost_per_km,
            "vehicles",
        ));
        let direct_cost: Decimal = lines.iter().map(|l| l.line.per_hour).sum();
        let price = super::internal(direct_cost / keep);
        let overhead = price * p.overhead_share;
        lines.push(line("overhead", "Režie", "Overhead", overhead, "overhead"));
        lines.push(line(
            "margin",
            "Přiměřený zisk",
            "Margin",
            price - direct_cost - overhead,
            "margin",
        ));
        Ok(NormativePrice {
            parameters: p.clone(),
            on_costs_date: on,
            on_cost_rate,
            on_costs_extrapolated,
            lines,
            direct_cost,
            price,
            pay_rate: rate,
            working_hours: working,
            contact_hours_per_fte,
        })
    }
}

/// What the price is built on: the hourly pay, the hours of leave, sickness
/// and work in a year, and the share of the price that is not overhead or
/// margin.
struct Basis {
    rate: Decimal,
    leave_h: Decimal,
    sick_h: Decimal,
    working: Decimal,
    keep: Decimal,
}

impl Basis {
    /// The basis, or why the parameters cannot give a price.
    fn of(p: &NormativeParams) -> Result<Basis, Unavailable> {
        if let Some((s, v)) = p.out_of_range() {
            return Err(Unavailable::new(
                format!(
                    "parametr modelu {} = {v} je mimo rozsah {}–{}",
                    s.id, s.min, s.max
                ),
                format!(
                    "model parameter {} = {v} is outside {}–{}",
                    s.id, s.min, s.max
                ),
            ));
        }
        let annual = p.weekly_hours * Decimal::from(52);
        if annual.is_zero() {
            return Err(Unavailable::new(
                "týdenní pracovní doba je nulová",
                "weekly hours are zero",
            ));
        }
        let rate = match p.care_pay_hourly {
            Some(h) => h,
            None => p.care_pay_monthly * Decimal::from(12) / annual,
        };
        let leave_h = p.leave_weeks * p.weekly_hours;
        let sick_h = p.sickness_share * annual;
        let working = annual - leave_h - sick_h - p.training_hours;
        if working < Decimal::ONE {
            return Err(Unavailable::new(
                "dovolená, nemoc a vzdělávání nenechávají ani hodinu práce za rok",
                "leave, sickness and training leave less than one working hour a year",
            ));
        }
        let keep = Decimal::ONE - p.overhead_share - p.margin_share;
        if keep <= Decimal::ZERO {
            return Err(Unavailable::new(
                "režie a zisk tvoří celou cenu",
                "overhead and margin take the whole price",
            ));
        }
        Ok(Basis {
            rate,
            leave_h,
            sick_h,
            working,
            keep,
        })
    }
}

/// The pay lines per contact hour (contact, travel, administration, leave,
/// sickness, training) and their sum.
fn pay_lines(
    p: &NormativeParams,
    rate: Decimal,
    leave_h: Decimal,
    sick_h: Decimal,
    working: Decimal,
) -> (Vec<NormativeLine>, Decimal) {
    let h60 = Decimal::from(60);
    let contact = rate;
    let travel = rate * p.travel_minutes_per_contact_hour / h60;
    let admin = rate * p.admin_minutes_per_contact_hour / h60;
    let time_pay = contact + travel + admin;
    let leave = time_pay * leave_h / working;
    let sick = time_pay * sick_h / working;
    let training = time_pay * p.training_hours / working;
    let pay = time_pay + leave + sick + training;

    let lines = vec![
        line(
            "contact_pay",
            "Mzda za čas u klienta",
            "Pay for contact time",
            contact,
            "direct_care",
        ),
        line(
            "travel_pay",
            "Mzda za čas na cestě",
            "Pay for travel time",
            travel,
            "travel",
        ),
        line(
            "admin_pay",
            "Mzda za administrativu a předávky",
            "Pay for administration",
            admin,
            "non_contact",
        ),
        line(
            "leave_pay",
            "Náhrada mzdy za dovolenou",
            "Leave pay",
            leave,
            "non_contact",
        ),
        line(
            "sickness_pay",
            "Náhrada mzdy za nemoc",
            "Sickness pay",
            sick,
            "non_contact",
        ),
        line(
            "training_pay",
            "Mzda za čas vzdělávání",
            "Pay for training time",
            training,
            "non_contact",
        ),
    ];
    (lines, pay)
}

/// The employer's on-costs on the pay: the model's stated rate, or the law's
/// rows on the day (the oldest known rows when the day is before them);
/// their rate and whether they were extrapolated.
fn on_costs(
    p: &NormativeParams,
    on: NaiveDate,
    law: &LawTables,
    pay: Decimal,
    lines: &mut Vec<NormativeLine>,
) -> (Decimal, bool) {
    let mut on_costs_extrapolated = false;
    let on_cost_rate = match p.on_cost_rate {
        Some(r) => {
            lines.push(line(
                "on_costs",
                "Odvody zaměstnavatele",
                "Employer on-costs",
                pay * r,
                "on_costs",
            ));
            r
        }
        None => {
            let mut rows = law.on_costs_on(on, p.public_employer);
            if rows.is_empty() {
                let oldest = law.first_on_cost_date();
                if let Some(d) = oldest.filter(|d| *d > on) {
                    rows = law.on_costs_on(d, p.public_employer);
                    on_costs_extrapolated = true;
                }
            }
            let mut sum = Decimal::ZERO;
            for c in &rows {
                let rate = c.amount.unwrap_or_default();
                let (id, (cs, en)) = match (c.kind.on_cost_id(), c.kind.on_cost_label(c.verified)) {
                    (Some(id), Some(labels)) => (id, labels),
                    _ => continue,
                };
                lines.push(line(id, cs, en, pay * rate, "on_costs"));
                sum += rate;
            }
            sum
        }
    };
    (on_cost_rate, on_costs_extrapolated)
}

impl NormativePrice {
    /// Σ of the lines counted in comparison row `with`.
    fn lines_of(&self, with: &str) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.compares_with == with)
            .map(|l| l.line.per_hour)
            .sum()
    }

    /// Actual (per direct hour) against this price, row by row.
    pub fn compare(&self, actual: &HourBuildup) -> NormativeComparison {
        // On-costs are spread over the pay rows in proportion to their pay.
        let on_costs = self.lines_of("on_costs");
        let pay: Decimal = ["direct_care", "travel", "non_contact"]
            .iter()
            .map(|r| self.lines_of(r))
            .sum();
        let mut rows: Vec<ComparisonRow> = COMPARISON_ROWS
            .iter()
            .map(|&(id, cs, en, ids)| {
                let a: Decimal = ids.iter().map(|l| actual.per_hour(l)).sum();
                let own = self.lines_of(id);
                let spread =
                    matches!(id, "direct_care" | "travel" | "non_contact") && !pay.is_zero();
                let n = super::internal(if spread {
                    own + on_costs * own / pay
                } else {
                    own
                });
                ComparisonRow {
                    id,
                    label_cs: cs,
                    label_en: en,
                    actual: a,
                    normative: n,
                    difference: a - n,
                    difference_total: (a - n) * actual.direct_hours,
                }
            })
            .collect();
        // Rows are kept to 20 places: the non-contact row takes the
        // remainder so that the rows add up exactly to the price.
        let others: Decimal = rows
            .iter()
            .filter(|r| r.id != "non_contact")
            .map(|r| r.normative)
            .sum();
        if let Some(r) = rows.iter_mut().find(|r| r.id == "non_contact") {
            r.normative = self.price - others;
            r.difference = r.actual - r.normative;
            r.difference_total = r.difference * actual.direct_hours;
        }
        let difference = actual.per_direct_hour - self.price;
        NormativeComparison {
            rows,
            difference,
            difference_total: difference * actual.direct_hours,
        }
    }
}
