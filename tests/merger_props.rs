//! Invariants of the merger study on generated towns, whatever the
//! council states.

use homecare_audit::compare::{Distance, ManagementRole, Merger, PriceRule, Roster, StaffingBasis};
use homecare_audit::law::LawTables;
use homecare_audit::synth::{Synth, Town};
use homecare_audit::{Audit, AuditReport, Dataset, Role};
use proptest::prelude::*;
use rust_decimal::Decimal;

const TOWNS: [&str; 3] = ["Alfa", "Beta", "Gama"];

fn parts(seed: u64, rows: usize, prices: [u64; 3]) -> Vec<Dataset> {
    TOWNS
        .iter()
        .zip(prices)
        .enumerate()
        .map(|(i, (town, price))| {
            let t = Town {
                name: town.to_string(),
                villages: vec![format!("{town} Ves"), "Společná".into()],
                hourly_price: price,
            };
            Synth::new(seed + i as u64, rows + 100 * i)
                .in_town(t)
                .dataset()
        })
        .collect()
}

fn rule(k: u8) -> PriceRule {
    match k % 4 {
        0 => PriceRule::Lowest,
        1 => PriceRule::Highest,
        2 => PriceRule::Given(vec![
            ("b1".into(), Decimal::from(111)),
            ("xx".into(), Decimal::ONE),
        ]),
        _ => PriceRule::LegalCaps,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn a_study_adds_up_and_never_fails(
        seed in 0u64..100_000,
        rows in 200usize..900,
        prices in proptest::array::uniform3(100u64..170),
        rule_k in 0u8..4,
        target in 5i64..=100,
        peak in any::<bool>(),
        ved in 0i64..3,
        per in 1i64..200,
        minutes in proptest::collection::vec(0i64..60, 6),
        nearest in any::<bool>(),
    ) {
        let ds = parts(seed, rows, prices);
        let law = LawTables::built_in();
        let reports: Vec<AuditReport> = ds.iter().map(|d| Audit::new(d).run()).collect();
        let pairs: Vec<(&Dataset, &AuditReport)> = ds.iter().zip(&reports).collect();
        let places = ["Alfa", "Beta", "Gama", "Alfa Ves", "Beta Ves", "Společná"];
        let merger = Merger {
            price_rule: rule(rule_k),
            target_utilisation: Decimal::new(target, 2),
            staffing_basis: if peak { StaffingBasis::PeakWeek } else { StaffingBasis::AverageWeek },
            management: vec![
                ManagementRole { role: Role::Ved, fixed_fte: Decimal::from(ved), clients_per_fte: None },
                ManagementRole { role: Role::Sp, fixed_fte: Decimal::ZERO, clients_per_fte: Some(Decimal::from(per)) },
            ],
            roster: if nearest { Roster::NearestBase } else { Roster::OneBase("Beta".into()) },
            distances: places.iter().zip(&minutes).map(|(p, m)| Distance {
                from: "Beta".into(), to: p.to_string(), minutes: Decimal::from(*m),
            }).collect(),
            ..Merger::default()
        };
        let s = merger.study(&pairs, &law, |d| Audit::new(d).law(&law).run()).unwrap();

        // Prices: the parts add up to the whole; the lowest list never
        // raises a fee, the highest never lowers one (every town prices the
        // same tasks).
        let p = s.prices.worked().expect("the towns' clients have fees");
        let before: Decimal = p.by_part.iter().map(|x| x.before).sum();
        let after: Decimal = p.by_part.iter().map(|x| x.after).sum();
        prop_assert_eq!(before, p.revenue_before);
        prop_assert_eq!(after, p.revenue_after);
        match merger.price_rule {
            PriceRule::Lowest => prop_assert!(p.by_part.iter().all(|x| x.change <= Decimal::ZERO)),
            PriceRule::Highest => prop_assert!(p.by_part.iter().all(|x| x.change >= Decimal::ZERO)),
            PriceRule::Given(_) => prop_assert_eq!(&p.unknown_codes, &vec!["xx".to_string()]),
            PriceRule::LegalCaps => {}
        }

        // Staff: one pool's busiest week is never busier than the sum of
        // the towns' busiest weeks; the average week adds up exactly.
        let st = s.staff.worked().expect("the towns share full weeks");
        let parts_week: Decimal = st.by_part.iter().map(|l| l.planned_week_hours).sum();
        if peak {
            prop_assert!(st.merged.planned_week_hours <= parts_week);
        } else {
            prop_assert!((st.merged.planned_week_hours - parts_week).abs() < Decimal::new(1, 20));
        }

        // Management: the stated FTE, the saving = today − after.
        let m = s.management.worked().unwrap();
        prop_assert_eq!(m.lines[0].fte_after, Decimal::from(ved));
        if let (Some(t), Some(a), Some(saving)) = (m.cost_today, m.cost_after, m.saving) {
            prop_assert_eq!(saving, t - a);
        }

        // Travel: every client visit is counted once.
        let t = s.travel.worked().unwrap();
        let by_town: u64 = t.by_municipality.iter().map(|l| l.visits).sum();
        prop_assert_eq!(by_town + t.visits_unknown, p.visits);
        prop_assert_eq!(s.indicators.len(), 5);
    }
}

/// Sloučení parameters with values the reader accepts and values it
/// rejects.
const PARAMETERS: [(&str, &[&str], &[&str]); 8] = [
    ("ceník", &["nejnižší", "nejvyšší", "limity"], &["průměr"]),
    ("cílové vytížení", &["0,6", "0,8"], &["1,5", "x"]),
    ("plánování", &["špička", "průměr"], &["občas"]),
    ("úvazky VED", &["1", "2"], &["sto"]),
    ("klientů na úvazek SP", &["40"], &["0", "čtyřicet"]),
    ("společný rozpis", &["nejbližší", "Beta"], &[]),
    ("úspora režie", &["0,2"], &["2"]),
    ("pravidlo 80 hodin", &["vše", "nad 80"], &["občas"]),
];

fn merger_book(rows: &[(&str, &str)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Sloučení").unwrap();
    ws.write_row(0, 0, ["Parametr", "Hodnota"]).unwrap();
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_row(1 + i as u32, 0, [*k, *v]).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// No rejected assumption cell changes an effect unless the sheet
    /// names the value used in its place: the study of a workbook with
    /// rejected cells, against the study of the same workbook without
    /// them, has every effect either the same, or not available with a
    /// rejected cell's place in its reason; where a default stands in,
    /// the assumption's source names the cell.
    #[test]
    fn no_rejected_cell_changes_an_effect_unnamed(
        seed in 0u64..100_000,
        choice in proptest::collection::vec(0usize..5, PARAMETERS.len()),
    ) {
        use homecare_audit::workbook::{read_merger_bytes, ReadOptions};
        let mut all = Vec::new();
        let mut accepted = Vec::new();
        for ((name, good, bad), k) in PARAMETERS.iter().zip(&choice) {
            // 0: absent; then the good values; then the bad ones.
            let values: Vec<(&str, bool)> = good.iter().map(|v| (*v, true))
                .chain(bad.iter().map(|v| (*v, false))).collect();
            if *k == 0 || values.is_empty() { continue; }
            let (v, ok) = values[(k - 1) % values.len()];
            all.push((*name, v));
            if ok { accepted.push((*name, v)); }
        }
        let read = |rows: &[(&str, &str)]| {
            read_merger_bytes(&merger_book(rows), &ReadOptions::default()).unwrap().0
        };
        let (with, without) = (read(&all), read(&accepted));
        prop_assert_eq!(with.cells.rejected.len(), all.len() - accepted.len());
        let ds = parts(seed, 250, [120, 140, 160]);
        let law = LawTables::built_in();
        let reports: Vec<AuditReport> = ds.iter().map(|d| Audit::new(d).run()).collect();
        let pairs: Vec<(&Dataset, &AuditReport)> = ds.iter().zip(&reports).collect();
        let study = |m: &Merger| m.study(&pairs, &law, |d| Audit::new(d).law(&law).run()).unwrap();
        let (a, b) = (study(&with), study(&without));
        let places: Vec<String> =
            with.cells.rejected.iter().map(|c| c.problem.place.to_string()).collect();
        let named = |why: &homecare_audit::Text| places.iter().any(|p| why.cs.contains(p.as_str()));
        macro_rules! same_or_named {
            ($field:ident) => {
                match (&a.$field, &b.$field) {
                    (x, y) if x == y => {}
                    (homecare_audit::compare::MergerEffect::NotAvailable(why), _) => {
                        prop_assert!(named(why), "{}: {:?}", stringify!($field), why)
                    }
                    _ => prop_assert!(false, "{} changed by a rejected cell", stringify!($field)),
                }
            };
        }
        same_or_named!(prices);
        same_or_named!(staff);
        same_or_named!(management);
        same_or_named!(travel);
        same_or_named!(shared_costs);
        // Where a default stands in, the sheet names the cell.
        for c in &with.cells.rejected {
            let Some(id) = c.assumption else { continue };
            let line = a.assumptions.iter().find(|x| x.id == id).unwrap();
            prop_assert!(
                line.source.cs.contains(&c.problem.place.to_string()),
                "{}: {:?}", id, line.source
            );
        }
    }
}
