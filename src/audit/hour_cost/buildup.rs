//! The actual hour, built up: cost per direct hour split into lines that
//! add up exactly to `cost.per_direct_hour`.
//!
//! - Care-worker (PSS) personnel cost is their recorded `Osobní náklady`
//!   when every PSS worker employed in the period has it, else the
//!   personnel costs shared by average FTE.
//! - It is split by the PSS workers' paid hours (contract hours, or the
//!   hours they recorded when more): direct time → *direct-care pay*,
//!   travel time → *travel time*, the rest (training, administration,
//!   leave, sickness, optional services, idle) → *non-contact time*.
//! - Other personnel cost → *management and administration staff*;
//!   `phm` + `vozidla` → *vehicles and fuel*; `rezie` → *allocated
//!   overhead*; all other operating costs → *other operating costs*.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::audit::base::Base;
use crate::audit::report::Unavailable;
use crate::model::{CostCategory, CostGroup};

/// One line of an hour's cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HourLine {
    /// Stable id.
    pub id: &'static str,
    /// Czech label.
    pub label_cs: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// Cost per direct (contact) hour.
    pub per_hour: Decimal,
    /// The line's amount over the period (`None` in a model, which has no
    /// period).
    pub amount: Option<Decimal>,
}

/// The line ids of the actual build-up, in order, with labels.
pub const BUILDUP_LINES: [(&str, &str, &str); 7] = [
    (
        "direct_care",
        "Přímá péče (mzdy pečovatelů za čas u klienta)",
        "Direct-care pay (care workers' time with clients)",
    ),
    ("travel", "Čas na cestě", "Travel time"),
    (
        "non_contact",
        "Čas mimo klienta (vzdělávání, administrativa, dovolená, nemoc)",
        "Non-contact time (training, administration, leave, sickness)",
    ),
    (
        "management",
        "Vedení, sociální práce a administrativa (ostatní osobní náklady)",
        "Management, social work and administration staff",
    ),
    ("vehicles", "Vozidla a pohonné hmoty", "Vehicles and fuel"),
    (
        "other_operating",
        "Ostatní provozní náklady",
        "Other operating costs",
    ),
    ("overhead", "Přidělená režie", "Allocated overhead"),
];

/// How the care workers' personnel cost was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CareCostMethod {
    /// Their recorded personnel cost (`Osobní náklady` of every PSS).
    Recorded,
    /// Personnel costs × PSS share of average FTE.
    FteShare,
}

/// Cost per direct hour, line by line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HourBuildup {
    /// The lines; their `per_hour` add up exactly to `per_direct_hour`.
    pub lines: Vec<HourLine>,
    /// `cost.per_direct_hour`.
    pub per_direct_hour: Decimal,
    /// Total cost.
    pub total: Decimal,
    /// Direct hours.
    pub direct_hours: Decimal,
    /// How the care workers' personnel cost was found.
    pub care_cost_method: CareCostMethod,
    /// Care workers' personnel cost.
    pub care_cost: Decimal,
    /// Care workers' paid hours the care cost is spread over.
    pub care_paid_hours: Decimal,
}

impl HourBuildup {
    /// A line by id.
    pub fn line(&self, id: &str) -> Option<&HourLine> {
        self.lines.iter().find(|l| l.id == id)
    }

    /// A line's cost per hour by id (zero for an absent id).
    pub fn per_hour(&self, id: &str) -> Decimal {
        self.line(id).map_or(Decimal::ZERO, |l| l.per_hour)
    }
}

pub(crate) fn build(b: &Base<'_>) -> Result<HourBuildup, Unavailable> {
    let Some(total) = b.cost_sum(|_| true) else {
        return Err(Unavailable::new(
            "chybí list Náklady",
            "no Costs sheet (Náklady) was given",
        ));
    };
    // The care workers' share of the personnel cost is the staff list's
    // (their roles, FTE, contracts).
    if !b.ds.has_list(crate::model::RecordList::Workers) {
        return Err(crate::model::RecordList::Workers.missing());
    }
    let t = &b.tally;
    if t.direct == 0 {
        return Err(Unavailable::new(
            "žádné hodiny přímé péče",
            "no direct hours",
        ));
    }
    let direct_hours = Base::hours(t.direct);
    let sum_of = |keep: fn(&crate::model::CostLine) -> bool| b.cost_sum(keep).unwrap_or_default();
    let personnel = sum_of(|c| c.group == CostGroup::Personnel);
    let vehicles = sum_of(|c| matches!(c.category, CostCategory::Fuel | CostCategory::Vehicles));
    let overhead = sum_of(|c| c.category == CostCategory::Overhead);
    let pss: Vec<usize> = b.pss_employed().collect();
    let recorded: Option<Decimal> = pss
        .iter()
        .map(|&w| b.ds.workers[w].personnel_cost)
        .sum::<Option<Decimal>>()
        .filter(|c| !pss.is_empty() && *c <= personnel);
    let (care_cost, care_cost_method) = match recorded {
        Some(c) => (c, CareCostMethod::Recorded),
        None => {
            let fte: Decimal = b.hours.iter().map(|h| h.average_fte).sum();
            let pss_fte: Decimal = pss.iter().map(|&w| b.hours[w].average_fte).sum();
            let share = pss_fte
                .checked_div(fte)
                .filter(|_| !fte.is_zero())
                .unwrap_or(Decimal::ZERO);
            (super::internal(personnel * share), CareCostMethod::FteShare)
        }
    };
    let acc = |f: fn(&crate::audit::tally::WorkerAcc) -> u64| -> u64 {
        pss.iter().map(|&w| f(&t.workers[w])).sum()
    };
    let (d, tr) = (acc(|a| a.direct), acc(|a| a.travel));
    let worked = d + tr + acc(|a| a.optional) + acc(|a| a.indirect);
    let contract: Decimal = pss.iter().map(|&w| b.hours[w].contract).sum();
    let paid = contract.max(Base::hours(worked));
    let (direct_pay, travel_pay) = if paid.is_zero() {
        (Decimal::ZERO, Decimal::ZERO)
    } else {
        (
            super::internal(care_cost * Base::hours(d) / paid),
            super::internal(care_cost * Base::hours(tr) / paid),
        )
    };
    let amounts = [
        direct_pay,
        travel_pay,
        care_cost - direct_pay - travel_pay,
        personnel - care_cost,
        vehicles,
        total - personnel - vehicles - overhead,
        overhead,
    ];
    // The indicator's own division, so the lines meet it exactly.
    let per_direct_hour = total / direct_hours;
    let mut lines: Vec<HourLine> = BUILDUP_LINES
        .iter()
        .zip(amounts)
        .map(|(&(id, cs, en), amount)| HourLine {
            id,
            label_cs: cs,
            label_en: en,
            per_hour: super::internal(amount / direct_hours),
            amount: Some(amount),
        })
        .collect();
    // Lines are kept to 20 places; the largest takes the remainder so that
    // the lines add up exactly to the indicator.
    if let Some(k) = (0..lines.len()).max_by_key(|&i| lines[i].per_hour.abs()) {
        let others: Decimal = (0..lines.len())
            .filter(|&i| i != k)
            .map(|i| lines[i].per_hour)
            .sum();
        lines[k].per_hour = per_direct_hour - others;
    }
    Ok(HourBuildup {
        lines,
        per_direct_hour,
        total,
        direct_hours,
        care_cost_method,
        care_cost,
        care_paid_hours: paid,
    })
}
