//! Cost and revenue (nákladovost): docs/indicators.md.

use rust_decimal::Decimal;

use super::base::{Base, NO_CLIENTS, NO_DIRECT, na, ratio};
use super::report::{Indicator, Unit};
use crate::model::{CostGroup, RevenueSource};

const NO_COSTS: (&str, &str) = ("chybí list Náklady", "no Costs sheet (Náklady) was given");
const NO_REVENUES: (&str, &str) = ("chybí list Výnosy", "no Revenues sheet (Výnosy) was given");
const ZERO_COST: (&str, &str) = ("celkové náklady jsou nulové", "total cost is zero");

/// Ids that need costs, in report order.
const COST_IDS: [(&str, Unit); 7] = [
    ("cost.total", Unit::Czk),
    ("cost.personnel_share", Unit::Share),
    ("cost.per_direct_hour", Unit::CzkPerHour),
    ("cost.per_worked_hour", Unit::CzkPerHour),
    ("cost.per_fte", Unit::CzkPerFteYear),
    ("cost.per_client", Unit::CzkPerClientYear),
    ("cost.per_client_month", Unit::CzkPerClientMonth),
];

/// Whether user fees come from `Výnosy` (a line of source `uhrady`) rather
/// than from the rows' fees (docs/indicators.md, `revenue.fee_share`).
///
/// ```
/// use homecare_audit::{Dataset, RevenueLine, RevenueSource, audit::fees_from_revenues};
/// let mut ds = Dataset::builder().build();
/// assert!(!fees_from_revenues(&ds));
/// ds.revenues = Some(vec![RevenueLine { source: RevenueSource::UserFees, amount: 100.into(), row: 0 }]);
/// assert!(fees_from_revenues(&ds));
/// ```
pub fn fees_from_revenues(ds: &crate::Dataset) -> bool {
    ds.revenues
        .as_ref()
        .is_some_and(|rs| rs.iter().any(|r| r.source == RevenueSource::UserFees))
}

/// User fees: `Výnosy` source `uhrady` when given, else the rows' fees.
pub(crate) fn user_fees(b: &Base<'_>) -> Option<Decimal> {
    if fees_from_revenues(b.ds) {
        let rs = b.ds.revenues.iter().flatten();
        return Some(
            rs.filter(|r| r.source == RevenueSource::UserFees)
                .map(|r| r.amount)
                .sum(),
        );
    }
    b.tally.any_fee.then(|| b.tally.fees_rows.total())
}

pub(crate) fn indicators(b: &Base<'_>, out: &mut Vec<Indicator>) {
    let t = &b.tally;
    let fees_per_hour = t.any_hourly_fee.then(|| {
        Indicator::ratio(
            "fees.per_direct_hour",
            Unit::CzkPerHour,
            t.hourly_fees.total(),
            Base::hours(t.hourly_secs),
            na("žádné hodiny hodinových úkonů", "no hours of hourly tasks"),
        )
    });
    match &fees_per_hour {
        Some(i) => out.push(i.clone()),
        None => out.push(Indicator::unavailable(
            "fees.per_direct_hour",
            Unit::CzkPerHour,
            na(
                "u žádného řádku hodinového úkonu není úhrada",
                "no row of an hourly task has a fee",
            ),
        )),
    }

    let (Some(total), Some(personnel)) = (
        b.cost_sum(|_| true),
        b.cost_sum(|c| c.group == CostGroup::Personnel),
    ) else {
        for (id, unit) in COST_IDS {
            out.push(Indicator::unavailable(id, unit, na(NO_COSTS.0, NO_COSTS.1)));
        }
        for (id, unit) in [
            ("revenue.fee_share", Unit::Share),
            ("revenue.public_share", Unit::Share),
            ("result.balance", Unit::Czk),
            ("cost.unfunded_per_hour", Unit::CzkPerHour),
        ] {
            out.push(Indicator::unavailable(id, unit, na(NO_COSTS.0, NO_COSTS.1)));
        }
        return;
    };
    let per_direct = cost_indicators(b, total, personnel, out);
    revenue_indicators(b, total, out);
    match (per_direct.value, fees_per_hour.and_then(|i| i.value)) {
        (Some(c), Some(f)) => out.push(Indicator::value(
            "cost.unfunded_per_hour",
            Unit::CzkPerHour,
            c - f,
        )),
        _ => out.push(Indicator::unavailable(
            "cost.unfunded_per_hour",
            Unit::CzkPerHour,
            na(
                "chybí náklady na hodinu nebo úhrady na hodinu",
                "cost per direct hour or fees per direct hour not available",
            ),
        )),
    }
}

/// The cost indicators, from the total and personnel costs; returns the
/// cost per direct hour (the unfunded hour needs it).
fn cost_indicators(
    b: &Base<'_>,
    total: Decimal,
    personnel: Decimal,
    out: &mut Vec<Indicator>,
) -> Indicator {
    let t = &b.tally;
    let direct_h = Base::hours(t.direct);
    out.push(Indicator::value("cost.total", Unit::Czk, total));
    ratio(
        out,
        "cost.personnel_share",
        Unit::Share,
        personnel,
        total,
        ZERO_COST,
    );
    let per_direct = Indicator::ratio(
        "cost.per_direct_hour",
        Unit::CzkPerHour,
        total,
        direct_h,
        na(NO_DIRECT.0, NO_DIRECT.1),
    );
    out.push(per_direct.clone());
    ratio(
        out,
        "cost.per_worked_hour",
        Unit::CzkPerHour,
        total,
        Base::hours(t.worked()),
        ("žádné odpracované hodiny", "no worked hours"),
    );
    let annual = total * b.annual_factor();
    let fte: Decimal = b.hours.iter().map(|h| h.average_fte).sum();
    out.push(
        Indicator::ratio(
            "cost.per_fte",
            Unit::CzkPerFteYear,
            annual,
            fte,
            na("žádné úvazky", "no FTE"),
        )
        .annualised(),
    );
    out.push(
        Indicator::ratio(
            "cost.per_client",
            Unit::CzkPerClientYear,
            annual,
            Decimal::from(b.clients_served),
            na(NO_CLIENTS.0, NO_CLIENTS.1),
        )
        .annualised(),
    );
    ratio(
        out,
        "cost.per_client_month",
        Unit::CzkPerClientMonth,
        total,
        Decimal::from(b.client_months),
        NO_CLIENTS,
    );

    per_direct
}

/// The shares of fees and public money in the costs, and the balance.
fn revenue_indicators(b: &Base<'_>, total: Decimal, out: &mut Vec<Indicator>) {
    match user_fees(b) {
        Some(fees) => ratio(
            out,
            "revenue.fee_share",
            Unit::Share,
            fees,
            total,
            ZERO_COST,
        ),
        None => out.push(Indicator::unavailable(
            "revenue.fee_share",
            Unit::Share,
            na(
                "úhrady nejsou uvedeny ve Výnosech ani ve výkazech",
                "fees are given neither in Revenues nor on the rows",
            ),
        )),
    }
    match &b.ds.revenues {
        Some(rs) => {
            let public: Decimal = rs
                .iter()
                .filter(|r| r.source.is_public())
                .map(|r| r.amount)
                .sum();
            ratio(
                out,
                "revenue.public_share",
                Unit::Share,
                public,
                total,
                ZERO_COST,
            );
            let revenues: Decimal = rs.iter().map(|r| r.amount).sum();
            let mut bal = Indicator::value("result.balance", Unit::Czk, revenues - total);
            bal.numerator = Some(revenues);
            bal.denominator = None;
            out.push(bal);
        }
        None => {
            for (id, unit) in [
                ("revenue.public_share", Unit::Share),
                ("result.balance", Unit::Czk),
            ] {
                out.push(Indicator::unavailable(
                    id,
                    unit,
                    na(NO_REVENUES.0, NO_REVENUES.1),
                ));
            }
        }
    }
}
