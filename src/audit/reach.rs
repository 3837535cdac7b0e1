//! Who the service reaches and who it turns away (docs/indicators.md,
//! "Reach"): the clients served of 65+ and 80+ per 1 000 residents of that
//! age in the service's area (`Území`), the share of the area's
//! care-allowance recipients 65+ it serves, and from the applications
//! (`Žadatelé`) the refusals, those for capacity (§ 91(3)(b) Act
//! 108/2006), those waiting at the period's end and the median days to a
//! decision.
//!
//! Ages are the period's last year less the birth year (as
//! `target.age80_share`). A client is in the area when the `Obec` of
//! `Klienti` names one of its municipalities (case and diacritics
//! ignored); clients served from elsewhere, or without a municipality, are
//! counted apart and named on the report's `Dosah` sheet, never in the
//! figures per 1 000. Without a sheet, its figures are not available with
//! the reason: the population is the auditor's data, never invented.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::base::{Base, na};
use super::report::{Indicator, Unit};
use crate::matching::fold;
use crate::model::{CareDegree, Outcome, RefusalReason};
use crate::place::SheetKind;
use crate::problem::{Problem, Reason};

const NO_AREA: (&str, &str) = ("chybí list Území", "no Area sheet (Území) was given");
const NO_APPLICANTS: (&str, &str) = (
    "chybí list Žadatelé",
    "no Applicants sheet (Žadatelé) was given",
);
// An empty sheet (the template's) says nothing: not "0 refused".
const EMPTY_AREA: (&str, &str) = (
    "list Území nemá žádný řádek",
    "the Area sheet (Území) has no rows",
);
const EMPTY_APPLICANTS: (&str, &str) = (
    "list Žadatelé nemá žádný řádek (bez žádostí nelze říct, že nikdo nebyl odmítnut)",
    "the Applicants sheet (Žadatelé) has no rows (without applications, no one can be said not to have been refused)",
);

/// One municipality of the area, with the clients served from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MunicipalityLine {
    /// The municipality as `Území` writes it.
    pub municipality: String,
    /// Residents 65+.
    pub residents_65: u64,
    /// Residents 80+.
    pub residents_80: u64,
    /// Care-allowance recipients 65+, where given.
    pub allowance_65: Option<u64>,
    /// Clients served aged 65+ living there.
    pub clients_65: u64,
    /// Clients served aged 80+ living there.
    pub clients_80: u64,
    /// Clients served aged 65+ living there with a care allowance (I–IV).
    pub clients_allowance_65: u64,
    /// Applications from there refused in the period.
    pub refused: u64,
    /// Where the figures come from.
    pub source: Option<String>,
}

/// Clients served aged 65+ from outside the area (or without a known
/// municipality): counted apart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OutsideLine {
    /// The municipality as `Klienti` writes it; empty for clients without
    /// one.
    pub municipality: String,
    /// Clients served aged 65+.
    pub clients_65: u64,
    /// Clients served aged 80+.
    pub clients_80: u64,
}

/// One application as the audit counted it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApplicantLine {
    /// The applicant's id (empty in a report fit for publication).
    pub id: String,
    /// Applied on.
    pub applied: NaiveDate,
    /// The outcome.
    pub outcome: Outcome,
    /// The reason of a refusal.
    pub reason: Option<RefusalReason>,
    /// Decided on.
    pub decided: Option<NaiveDate>,
    /// The applicant's municipality.
    pub municipality: Option<String>,
    /// The municipality of the area it names, as `Území` writes it.
    pub area_municipality: Option<String>,
    /// Decided in the period (or, without a decision date, applied in it)
    /// and not waiting: counted among the accepted, refused or withdrawn.
    pub in_period: bool,
    /// Applied by the period's end and not decided by it.
    pub waiting_at_end: bool,
    /// Days from the application to the decision, for an acceptance or
    /// refusal in the period with both dates (the median's values).
    pub days: Option<i64>,
}

/// The reach in detail (the report's `Dosah` sheet and the JSON's
/// `reach`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReachDetail {
    /// An `Území` sheet with at least one row was given.
    pub area_given: bool,
    /// Its municipalities, in its order.
    pub municipalities: Vec<MunicipalityLine>,
    /// Clients served aged 65+ from outside the area, by municipality
    /// (the last line: those without a municipality).
    pub outside: Vec<OutsideLine>,
    /// Clients served whose birth year is not known (no age: in neither
    /// figure).
    pub age_unknown: u64,
    /// A `Žadatelé` sheet with at least one row was given.
    pub applicants_given: bool,
    /// The applications, in the sheet's order.
    pub applicants: Vec<ApplicantLine>,
    /// Applications neither decided in the period nor waiting at its end
    /// (made after it, or decided before it): not counted.
    pub outside_period: u64,
    /// Notices for the report's problems (residents below the clients
    /// served there).
    #[serde(skip)]
    pub notices: Vec<Problem>,
}

/// The median of whole numbers: the middle one, or the mean of the two
/// middle ones.
fn median(mut v: Vec<i64>) -> Option<Decimal> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        Decimal::from(v[n / 2])
    } else {
        (Decimal::from(v[n / 2 - 1]) + Decimal::from(v[n / 2])) / Decimal::from(2)
    })
}

/// `clients × 1 000 / residents`, with the count and residents beside.
fn per_thousand(id: &str, clients: u64, residents: u64) -> Indicator {
    if residents == 0 {
        let mut i = Indicator::unavailable(
            id,
            Unit::PerThousand,
            na(
                "Území neuvádí žádné obyvatele dané věkové skupiny",
                "Území gives no residents of the age group",
            ),
        );
        i.numerator = Some(Decimal::from(clients));
        i.denominator = Some(Decimal::ZERO);
        return i;
    }
    let mut i = Indicator::value(
        id,
        Unit::PerThousand,
        Decimal::from(clients) * Decimal::from(1000) / Decimal::from(residents),
    );
    i.numerator = Some(Decimal::from(clients));
    i.denominator = Some(Decimal::from(residents));
    i
}

/// The reach indicators and their detail.
pub(crate) fn indicators(b: &Base<'_>, out: &mut Vec<Indicator>) -> ReachDetail {
    let mut d = ReachDetail::default();
    area(b, out, &mut d);
    applicants(b, out, &mut d);
    d
}

/// Clients per 1 000 residents and the allowance recipients' share.
fn area(b: &Base<'_>, out: &mut Vec<Indicator>, d: &mut ReachDetail) {
    let ids = [
        "reach.clients_per_1000_65plus",
        "reach.clients_per_1000_80plus",
        "reach.allowance_recipients_served_share",
    ];
    let why = match &b.ds.area {
        None => Some(NO_AREA),
        Some(rows) if rows.is_empty() => Some(EMPTY_AREA),
        Some(_) => None,
    };
    let (Some(rows), None) = (&b.ds.area, why) else {
        let why = why.unwrap_or(NO_AREA);
        for (id, unit) in [
            (ids[0], Unit::PerThousand),
            (ids[1], Unit::PerThousand),
            (ids[2], Unit::Share),
        ] {
            out.push(Indicator::unavailable(id, unit, na(why.0, why.1)));
        }
        return;
    };
    d.area_given = true;
    d.municipalities = rows
        .iter()
        .map(|r| MunicipalityLine {
            municipality: r.municipality.clone(),
            residents_65: r.residents_65,
            residents_80: r.residents_80,
            allowance_65: r.allowance_65,
            clients_65: 0,
            clients_80: 0,
            clients_allowance_65: 0,
            refused: 0,
            source: r.source.clone(),
        })
        .collect();
    let folded: Vec<String> = rows.iter().map(|r| fold(&r.municipality)).collect();
    let year = b.period.to.year();
    let mut unknown_municipality = OutsideLine::default();
    for (c, acc) in b.ds.clients.iter().zip(&b.tally.clients) {
        if acc.direct_rows == 0 {
            continue;
        }
        let Some(born) = c.birth_year else {
            d.age_unknown += 1;
            continue;
        };
        let age = year - i32::from(born);
        if age < 65 {
            continue;
        }
        let old = age >= 80;
        let allowance = matches!(
            c.care_allowance,
            Some(CareDegree::I | CareDegree::II | CareDegree::III | CareDegree::IV)
        );
        let name = c.municipality.as_deref().map(str::trim).unwrap_or("");
        let at = (!name.is_empty())
            .then(|| fold(name))
            .and_then(|f| folded.iter().position(|m| *m == f));
        match at {
            Some(i) => {
                let m = &mut d.municipalities[i];
                m.clients_65 += 1;
                m.clients_80 += u64::from(old);
                m.clients_allowance_65 += u64::from(allowance);
            }
            None if name.is_empty() => {
                unknown_municipality.clients_65 += 1;
                unknown_municipality.clients_80 += u64::from(old);
            }
            None => {
                let f = fold(name);
                match d.outside.iter_mut().find(|o| fold(&o.municipality) == f) {
                    Some(o) => {
                        o.clients_65 += 1;
                        o.clients_80 += u64::from(old);
                    }
                    None => d.outside.push(OutsideLine {
                        municipality: name.to_string(),
                        clients_65: 1,
                        clients_80: u64::from(old),
                    }),
                }
            }
        }
    }
    if unknown_municipality.clients_65 > 0 {
        d.outside.push(unknown_municipality);
    }
    // Residents below the clients served there: a notice at the cell.
    for (r, m) in rows.iter().zip(&d.municipalities) {
        for (age, col, clients, residents) in [
            ("65+", 1, m.clients_65, m.residents_65),
            ("80+", 2, m.clients_80, m.residents_80),
        ] {
            if clients > residents {
                d.notices.push(Problem::new(
                    b.ds.source.place(SheetKind::Area.cs(), r.row, col),
                    residents.to_string(),
                    Reason::ResidentsBelowClients {
                        age,
                        clients,
                        residents,
                    },
                ));
            }
        }
    }
    let sum = |f: &dyn Fn(&MunicipalityLine) -> u64| d.municipalities.iter().map(f).sum::<u64>();
    out.push(per_thousand(
        ids[0],
        sum(&|m| m.clients_65),
        sum(&|m| m.residents_65),
    ));
    out.push(per_thousand(
        ids[1],
        sum(&|m| m.clients_80),
        sum(&|m| m.residents_80),
    ));
    let given: Vec<&MunicipalityLine> = d
        .municipalities
        .iter()
        .filter(|m| m.allowance_65.is_some())
        .collect();
    out.push(if given.is_empty() {
        Indicator::unavailable(
            ids[2],
            Unit::Share,
            na(
                "Území neuvádí Příjemci PnP 65+",
                "Území gives no Care-allowance recipients 65+",
            ),
        )
    } else {
        Indicator::ratio(
            ids[2],
            Unit::Share,
            Decimal::from(given.iter().map(|m| m.clients_allowance_65).sum::<u64>()),
            Decimal::from(given.iter().filter_map(|m| m.allowance_65).sum::<u64>()),
            na(
                "Území uvádí 0 příjemců PnP 65+",
                "Území gives 0 care-allowance recipients 65+",
            ),
        )
    });
}

/// Refusals, waiting, days to a decision.
fn applicants(b: &Base<'_>, out: &mut Vec<Indicator>, d: &mut ReachDetail) {
    let ids = [
        "reach.refused",
        "reach.refused_capacity",
        "reach.waiting",
        "reach.median_days_to_decision",
    ];
    let why = match &b.ds.applicants {
        None => Some(NO_APPLICANTS),
        Some(list) if list.is_empty() => Some(EMPTY_APPLICANTS),
        Some(_) => None,
    };
    let (Some(list), None) = (&b.ds.applicants, why) else {
        let why = why.unwrap_or(NO_APPLICANTS);
        for (id, unit) in [
            (ids[0], Unit::Count),
            (ids[1], Unit::Count),
            (ids[2], Unit::Count),
            (ids[3], Unit::Days),
        ] {
            out.push(Indicator::unavailable(id, unit, na(why.0, why.1)));
        }
        return;
    };
    d.applicants_given = true;
    let p = b.period;
    for a in list {
        let waiting_at_end = a.applied <= p.to
            && (a.outcome == Outcome::Waiting || a.decided.is_some_and(|x| x > p.to));
        let in_period = !waiting_at_end
            && a.outcome != Outcome::Waiting
            && p.contains(a.decided.unwrap_or(a.applied));
        let days = match (in_period, a.outcome, a.decided) {
            (true, Outcome::Accepted | Outcome::Refused, Some(x)) => {
                Some((x - a.applied).num_days())
            }
            _ => None,
        };
        if !in_period && !waiting_at_end {
            d.outside_period += 1;
        }
        let area_municipality = a.municipality.as_deref().and_then(|m| {
            let f = fold(m);
            d.municipalities
                .iter_mut()
                .find(|x| fold(&x.municipality) == f)
        });
        let area_municipality = area_municipality.map(|m| {
            if in_period && a.outcome == Outcome::Refused {
                m.refused += 1;
            }
            m.municipality.clone()
        });
        d.applicants.push(ApplicantLine {
            id: a.id.clone(),
            area_municipality,
            applied: a.applied,
            outcome: a.outcome,
            reason: a.reason,
            decided: a.decided,
            municipality: a.municipality.clone(),
            in_period,
            waiting_at_end,
            days,
        });
    }
    let count = |keep: &dyn Fn(&ApplicantLine) -> bool| {
        d.applicants.iter().filter(|a| keep(a)).count() as u64
    };
    let refused = |a: &ApplicantLine| a.in_period && a.outcome == Outcome::Refused;
    out.push(Indicator::count(ids[0], count(&refused)));
    out.push(Indicator::count(
        ids[1],
        count(&|a| refused(a) && a.reason == Some(RefusalReason::NoCapacity)),
    ));
    out.push(Indicator::count(ids[2], count(&|a| a.waiting_at_end)));
    let days: Vec<i64> = d.applicants.iter().filter_map(|a| a.days).collect();
    out.push(match median(days) {
        Some(m) => Indicator::value(ids[3], Unit::Days, m),
        None => Indicator::unavailable(
            ids[3],
            Unit::Days,
            na(
                "žádná žádost přijatá nebo odmítnutá v období s oběma daty",
                "no application accepted or refused in the period with both dates",
            ),
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_whole_days() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![9, 1, 5]), Some(Decimal::from(5)));
        // 2 and 7 in the middle: 4.5.
        assert_eq!(median(vec![10, 2, 7, 1]), Some(Decimal::new(45, 1)));
    }
}
