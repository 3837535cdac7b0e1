//! The sample merger study: three synthetic providers of neighbouring
//! towns, each with its own price list and villages, and the council's
//! example assumptions (`Sloučení`, `Vzdálenosti`), to try `compare
//! --merge --merger`. `fixtures/merger-example.xlsx` is its merger
//! workbook.

use rust_decimal::Decimal;

use super::{Synth, Town};
use crate::model::{Distance, ManagementRole, Merger, PriceRule, Role};

/// The three towns: seat, villages, hourly price in Kč, timesheet rows.
const TOWNS: [(&str, &[&str], u64, usize); 3] = [
    (
        "Horní Lhota",
        &["Lhotka", "Zahrádky", "Podhradí"],
        135,
        3000,
    ),
    ("Dolní Lhota", &["Podhradí"], 150, 2000),
    ("Zálesí", &["Bor", "Kamenná"], 120, 1200),
];

/// Minutes one way between the municipalities (an example, as a council
/// would take them from a route planner).
const MINUTES: &[(&str, &str, i64)] = &[
    ("Horní Lhota", "Horní Lhota", 4),
    ("Dolní Lhota", "Dolní Lhota", 4),
    ("Zálesí", "Zálesí", 3),
    ("Horní Lhota", "Dolní Lhota", 12),
    ("Horní Lhota", "Zálesí", 25),
    ("Dolní Lhota", "Zálesí", 18),
    ("Lhotka", "Horní Lhota", 6),
    ("Lhotka", "Dolní Lhota", 14),
    ("Lhotka", "Zálesí", 27),
    ("Zahrádky", "Horní Lhota", 8),
    ("Zahrádky", "Dolní Lhota", 16),
    ("Zahrádky", "Zálesí", 24),
    ("Podhradí", "Dolní Lhota", 5),
    ("Podhradí", "Horní Lhota", 15),
    ("Podhradí", "Zálesí", 17),
    ("Bor", "Zálesí", 7),
    ("Bor", "Dolní Lhota", 20),
    ("Bor", "Horní Lhota", 28),
    ("Kamenná", "Zálesí", 9),
    ("Kamenná", "Dolní Lhota", 22),
    ("Kamenná", "Horní Lhota", 30),
];

/// The three services of the sample, in order (seeds 100, 101, 102).
///
/// ```
/// let services = homecare_audit::synth::merger_sample_services();
/// assert_eq!(services.len(), 3);
/// assert_eq!(services[0].dataset().provider.name.contains("Horní Lhota"), true);
/// ```
pub fn merger_sample_services() -> Vec<Synth> {
    TOWNS
        .iter()
        .enumerate()
        .map(|(i, (name, villages, price, rows))| {
            let town = Town {
                name: name.to_string(),
                villages: villages.iter().map(|v| v.to_string()).collect(),
                hourly_price: *price,
            };
            Synth::new(100 + i as u64, *rows).in_town(town)
        })
        .collect()
}

/// The council's example assumptions: the lowest price of the three, a
/// target utilisation of 75 %, one head and a social worker per 40
/// clients, the minutes between the municipalities; every stated figure's
/// source says it is an example.
///
/// ```
/// let m = homecare_audit::synth::merger_sample_assumptions();
/// assert_eq!(m.target_utilisation, rust_decimal::Decimal::new(75, 2));
/// assert!(m.sources["price_rule"].starts_with("příklad"));
/// ```
pub fn merger_sample_assumptions() -> Merger {
    let mut m = Merger {
        name: "Pečovatelská služba Lhotsko (sloučená)".into(),
        price_rule: PriceRule::Lowest,
        target_utilisation: Decimal::new(75, 2),
        ..Merger::default()
    };
    m.management = vec![
        ManagementRole {
            role: Role::Ved,
            fixed_fte: Decimal::ONE,
            clients_per_fte: None,
        },
        ManagementRole {
            role: Role::Sp,
            fixed_fte: Decimal::ZERO,
            clients_per_fte: Some(Decimal::from(40)),
        },
    ];
    m.distances = MINUTES
        .iter()
        .map(|(a, b, min)| Distance {
            from: a.to_string(),
            to: b.to_string(),
            minutes: Decimal::from(*min),
        })
        .collect();
    let example = "příklad: zadání studie, nahraďte usnesením rady / example: replace with the council's resolution";
    for id in [
        "price_rule",
        "target_utilisation",
        "management",
        "roster",
        "name",
    ] {
        m.sources.insert(id.into(), example.into());
    }
    m
}
