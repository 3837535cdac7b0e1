//! Staffing adequacy (personální přiměřenost): docs/indicators.md.

use rust_decimal::Decimal;

use super::base::{Base, NO_CLIENTS, NO_DIRECT, na, ratio};
use super::report::{Indicator, Unit};
use crate::model::Role;

const NO_PSS: (&str, &str) = (
    "žádní pracovníci v sociálních službách (PSS) v období",
    "no PSS workers in the period",
);

pub(crate) fn indicators(b: &Base<'_>, out: &mut Vec<Indicator>) {
    let (pss_fte, sp_fte) = fte(b, out);
    pss_time(b, out, pss_fte);
    social_work_and_travel(b, out, sp_fte);
    training(b, out);
    contacts(b, out);
}

/// FTE by role and in all, and the direct roles' share; the PSS and SP FTE.
fn fte(b: &Base<'_>, out: &mut Vec<Indicator>) -> (Decimal, Decimal) {
    let ws = &b.ds.workers;
    let fte_of = |role: Role| -> Decimal {
        ws.iter()
            .zip(&b.hours)
            .filter(|(w, _)| w.role == role)
            .map(|(_, h)| h.average_fte)
            .sum()
    };
    let mut total = Decimal::ZERO;
    for role in Role::ALL {
        let f = fte_of(role);
        total += f;
        out.push(Indicator::value(
            format!("staff.fte.{}", role.code()),
            Unit::Fte,
            f,
        ));
    }
    out.push(Indicator::value("staff.fte_total", Unit::Fte, total));
    let pss_fte = fte_of(Role::Pss);
    let sp_fte = fte_of(Role::Sp);
    ratio(
        out,
        "staff.direct_fte_share",
        Unit::Share,
        pss_fte,
        total,
        ("žádné úvazky", "no FTE"),
    );
    (pss_fte, sp_fte)
}

/// The care workers' time: utilisation, direct hours and clients per FTE,
/// the FTE the hours need, adequacy.
fn pss_time(b: &Base<'_>, out: &mut Vec<Indicator>, pss_fte: Decimal) {
    let t = &b.tally;
    let pss_hours = || b.pss_employed().map(|w| &b.hours[w]);
    let pss_available: Decimal = pss_hours().map(|h| h.available).sum();
    let pss_productive: Decimal = pss_hours().map(|h| h.productive).sum();
    let pss_direct_h = Base::hours(t.pss_direct);
    let need_h = Base::hours(t.pss_direct + t.pss_travel);
    if pss_hours().next().is_none() {
        for (id, unit) in [
            ("staff.utilization", Unit::Share),
            ("staff.direct_hours_per_fte", Unit::HoursPerFteYear),
            ("staff.clients_per_direct_fte", Unit::ClientsPerFte),
            ("staff.required_fte", Unit::Fte),
            ("staff.adequacy", Unit::Ratio),
        ] {
            out.push(Indicator::unavailable(id, unit, na(NO_PSS.0, NO_PSS.1)));
        }
    } else {
        ratio(
            out,
            "staff.utilization",
            Unit::Share,
            pss_direct_h,
            pss_available,
            (
                "PSS nemají žádné dostupné hodiny",
                "PSS workers have no available hours",
            ),
        );
        out.push(
            Indicator::ratio(
                "staff.direct_hours_per_fte",
                Unit::HoursPerFteYear,
                pss_direct_h * b.annual_factor(),
                pss_fte,
                na(NO_PSS.0, NO_PSS.1),
            )
            .annualised(),
        );
        ratio(
            out,
            "staff.clients_per_direct_fte",
            Unit::ClientsPerFte,
            Decimal::from(b.clients_served),
            pss_fte,
            NO_PSS,
        );
        // Productive hours one PSS FTE gives over the period.
        let no_productive = (
            "PSS nemají žádné produktivní hodiny",
            "PSS workers have no productive hours",
        );
        match pss_productive.checked_div(pss_fte) {
            Some(per_fte) if per_fte > Decimal::ZERO => {
                ratio(
                    out,
                    "staff.required_fte",
                    Unit::Fte,
                    need_h,
                    per_fte,
                    no_productive,
                );
            }
            _ => out.push(Indicator::unavailable(
                "staff.required_fte",
                Unit::Fte,
                na(no_productive.0, no_productive.1),
            )),
        }
        // Adequacy = PSS FTE / required FTE = productive hours / needed hours.
        ratio(
            out,
            "staff.adequacy",
            Unit::Ratio,
            pss_productive,
            need_h,
            (
                "PSS nemají žádné přímé hodiny ani cesty",
                "PSS workers have no direct or travel hours",
            ),
        );
    }
}

/// Clients per social worker; the share of travel in direct + travel time.
fn social_work_and_travel(b: &Base<'_>, out: &mut Vec<Indicator>, sp_fte: Decimal) {
    let t = &b.tally;
    if sp_fte.is_zero() {
        out.push(Indicator::unavailable(
            "staff.clients_per_social_worker",
            Unit::ClientsPerFte,
            na("žádný sociální pracovník (SP)", "no social worker (SP)"),
        ));
    } else {
        ratio(
            out,
            "staff.clients_per_social_worker",
            Unit::ClientsPerFte,
            Decimal::from(b.clients_served),
            sp_fte,
            NO_CLIENTS,
        );
    }
    ratio(
        out,
        "staff.travel_share",
        Unit::Share,
        Base::hours(t.travel),
        Base::hours(t.direct + t.travel),
        ("žádné přímé hodiny ani cesty", "no direct or travel hours"),
    );
}

/// Training: PSS and SP workers employed in the period, with training hours
/// given; the others are unknown.
fn training(b: &Base<'_>, out: &mut Vec<Indicator>) {
    let ws = &b.ds.workers;
    let mut known = 0u64;
    let mut met = 0u64;
    let mut unknown = 0u64;
    for (w, h) in ws.iter().zip(&b.hours) {
        if !matches!(w.role, Role::Pss | Role::Sp) || h.employed.is_none() {
            continue;
        }
        match training_met(w, h) {
            Some(m) => {
                known += 1;
                met += u64::from(m);
            }
            None => unknown += 1,
        }
    }
    out.push(
        Indicator::ratio(
            "staff.training_compliance",
            Unit::Share,
            Decimal::from(met),
            Decimal::from(known),
            na(
                "u žádného PSS ani SP nejsou uvedeny hodiny vzdělávání",
                "no PSS or SP worker has training hours given",
            ),
        )
        .with_unknown(unknown),
    );
}

/// The contacts: out of hours, continuity (workers per client-month),
/// mean visit length.
fn contacts(b: &Base<'_>, out: &mut Vec<Indicator>) {
    let t = &b.tally;
    ratio(
        out,
        "staff.out_of_hours_share",
        Unit::Share,
        Base::hours(t.out_of_hours),
        Base::hours(t.direct),
        NO_DIRECT,
    );
    let cm_workers: u64 = t.months.iter().map(|m| m.client_workers).sum();
    ratio(
        out,
        "staff.continuity",
        Unit::Workers,
        Decimal::from(cm_workers),
        Decimal::from(b.client_months),
        NO_CLIENTS,
    );
    ratio(
        out,
        "staff.mean_visit_minutes",
        Unit::Minutes,
        Decimal::from(t.direct) / Decimal::from(60),
        Decimal::from(t.contacts),
        ("žádné kontakty s klienty", "no client contacts"),
    );
}

/// Whether a worker met the prorated training minimum: `None` outside the
/// rule (roles other than PSS and SP, not employed in the period) and when
/// training hours were not given.
pub(crate) fn training_met(
    w: &crate::model::Worker,
    h: &super::time_base::WorkerHours,
) -> Option<bool> {
    (matches!(w.role, Role::Pss | Role::Sp) && h.employed.is_some() && h.training_given)
        .then_some(h.training >= h.training_minimum)
}
