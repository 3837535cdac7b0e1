//! Targeting (zacílení): docs/indicators.md.

use chrono::Datelike;
use rust_decimal::Decimal;

use super::base::{Base, NO_CLIENTS, NO_DIRECT, ratio};
use super::report::{Indicator, Unit};
use super::tally::{degree_id, degree_index};
use crate::model::TaskGroup;

pub(crate) fn indicators(b: &Base<'_>, out: &mut Vec<Indicator>) {
    let t = &b.tally;
    let served: Vec<usize> = (0..b.ds.clients.len())
        .filter(|&c| t.clients[c].direct_rows > 0)
        .collect();
    let n_served = Decimal::from(served.len() as u64);
    let direct_h = Base::hours(t.direct);

    let mut by_degree = [0u64; 6];
    for &c in &served {
        by_degree[degree_index(b.ds.clients[c].care_allowance)] += 1;
    }
    for (i, &clients) in by_degree.iter().enumerate() {
        let id = degree_id(i);
        ratio(
            out,
            &format!("target.clients_by_degree.{id}"),
            Unit::Share,
            Decimal::from(clients),
            n_served,
            NO_CLIENTS,
        );
        ratio(
            out,
            &format!("target.hours_by_degree.{id}"),
            Unit::Share,
            Base::hours(t.degree_secs[i]),
            direct_h,
            NO_DIRECT,
        );
    }
    let high = t.degree_secs[2] + t.degree_secs[3] + t.degree_secs[4];
    ratio(
        out,
        "target.high_dependency_share",
        Unit::Share,
        Base::hours(high),
        direct_h,
        NO_DIRECT,
    );
    let g = |x: TaskGroup| t.group_secs[x as usize];
    for (id, secs) in [
        (
            "target.personal_care_share",
            g(TaskGroup::A) + g(TaskGroup::B),
        ),
        ("target.meal_share", g(TaskGroup::C)),
        ("target.household_share", g(TaskGroup::D)),
        ("target.contact_share", g(TaskGroup::E)),
    ] {
        ratio(out, id, Unit::Share, Base::hours(secs), direct_h, NO_DIRECT);
    }
    let meal_only = b.meal_only_clients().count();
    ratio(
        out,
        "target.meal_only_share",
        Unit::Share,
        Decimal::from(meal_only as u64),
        n_served,
        NO_CLIENTS,
    );

    // Shares over clients count only clients whose flag is known.
    let end_year = b.period.to.year();
    let flag_share = |out: &mut Vec<Indicator>, id: &str, flag: &dyn Fn(usize) -> Option<bool>| {
        let (mut yes, mut known) = (0u64, 0u64);
        for &c in &served {
            if let Some(f) = flag(c) {
                known += 1;
                yes += u64::from(f);
            }
        }
        out.push(
            Indicator::ratio(
                id,
                Unit::Share,
                Decimal::from(yes),
                Decimal::from(known),
                super::base::na(
                    "u žádného obsloženého klienta není údaj znám",
                    "the flag is unknown for every client served",
                ),
            )
            .with_unknown(served.len() as u64 - known),
        );
    };
    let cs = &b.ds.clients;
    flag_share(out, "target.at_risk_share", &|c| cs[c].at_risk);
    flag_share(out, "target.lives_alone_share", &|c| cs[c].lives_alone);
    flag_share(out, "target.age80_share", &|c| {
        cs[c].birth_year.map(|y| end_year - i32::from(y) >= 80)
    });
    ratio(
        out,
        "target.hours_per_client_month",
        Unit::HoursPerClientMonth,
        direct_h,
        Decimal::from(b.client_months),
        NO_CLIENTS,
    );
    let over_80: u64 = t.months.iter().map(|m| m.clients_over_80h).sum();
    out.push(Indicator::count("target.clients_over_80h", over_80));
}
