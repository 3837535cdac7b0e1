//! Who the service reaches and who it turns away (issue #33): clients per
//! 1 000 residents of the area, the care-allowance recipients served, the
//! refusals, those for capacity, those waiting and the days to a decision,
//! each worked out by hand in the comments; bad input placed and
//! explained; the `Dosah` sheet recalculated by LibreOffice.

use chrono::NaiveDate;
use homecare_audit::model::{Applicant, AreaRow, Outcome, RefusalReason};
use homecare_audit::workbook::{InputCell, InputWorkbook, ReadOptions, ReportWorkbook, read_bytes};
use homecare_audit::{
    Audit, AuditReport, CareDegree, Client, Dataset, DatasetBuilder, Lang, Period, Provider, Role,
    Visit, Worker,
};
use rust_decimal::Decimal;

use crate::report::{cells, convert, formula_cells, recalculating_profile, same, scratch, soffice};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).unwrap()
}

/// 2025, one care worker; seven clients served, all 65+ at the end of
/// 2025, five of them 80+:
///
/// | client | born | age | municipality | allowance |
/// |--------|------|-----|--------------|-----------|
/// | K1     | 1935 | 90  | Horní Ves    | II        |
/// | K2     | 1940 | 85  | Horní Ves    | III       |
/// | K3     | 1944 | 81  | horni ves    | I         |
/// | K4     | 1955 | 70  | Horní Ves    | none      |
/// | K5     | 1938 | 87  | Dolní Ves    |           |
/// | K6     | 1958 | 67  | Dolní Ves    |           |
/// | K7     | 1930 | 95  | Lhota        |           |
///
/// (80+: K1, K2, K3, K5, K7 = 5; 65+: all 7.) `extra` clients are added
/// as given, each served once.
fn service(extra: &[Client]) -> DatasetBuilder {
    let mut b = DatasetBuilder::new();
    let mut p = Provider::new("Služba");
    p.period = Period::new(d(1, 1), d(12, 31));
    b.provider(p);
    let w = b
        .worker(Worker::new("P1", Role::Pss, Decimal::ONE))
        .unwrap();
    let task = b.find_task("b1").unwrap();
    let clients = [
        ("K1", 1935, "Horní Ves", Some(CareDegree::II)),
        ("K2", 1940, "Horní Ves", Some(CareDegree::III)),
        ("K3", 1944, "horni ves", Some(CareDegree::I)),
        ("K4", 1955, "Horní Ves", Some(CareDegree::None)),
        ("K5", 1938, "Dolní Ves", None),
        ("K6", 1958, "Dolní Ves", None),
        ("K7", 1930, "Lhota", None),
    ];
    let mut all: Vec<Client> = clients
        .iter()
        .map(|(id, born, town, degree)| {
            let mut c = Client::new(*id).with_birth_year(*born);
            c.municipality = Some(town.to_string());
            c.care_allowance = *degree;
            c
        })
        .collect();
    all.extend(extra.iter().cloned());
    for (i, c) in all.into_iter().enumerate() {
        let id = b.client(c).unwrap();
        b.visit(Visit::new(d(3, 1 + i as u32), w, Some(id), task, 3600))
            .unwrap();
    }
    b
}

/// The area: Horní Ves 120/30 residents 65+/80+ (20 care-allowance
/// recipients 65+), Dolní Ves 50/15, Lhota 40/10.
fn area(b: &mut DatasetBuilder) {
    let mut h = AreaRow::new("Horní Ves", 120, 30);
    h.allowance_65 = Some(20);
    h.source = Some("SLDB 2021".into());
    b.area(h).unwrap();
    b.area(AreaRow::new("Dolní Ves", 50, 15)).unwrap();
    b.area(AreaRow::new("Lhota", 40, 10)).unwrap();
}

/// Six applications: two accepted (7 and 14 days to the decision), three
/// refused (two for capacity, 3 and 20 days; one because the service is
/// not provided, 1 day), one waiting since 1.11.
fn applicants(b: &mut DatasetBuilder) {
    let a = |id: &str, applied, outcome| Applicant::new(id, applied, outcome);
    for x in [
        a("Z1", d(2, 3), Outcome::Accepted).decided_on(d(2, 10)),
        a("Z2", d(3, 1), Outcome::Accepted).decided_on(d(3, 15)),
        a("Z3", d(4, 5), Outcome::Refused)
            .decided_on(d(4, 8))
            .because(RefusalReason::NoCapacity)
            .from_municipality("Horní Ves"),
        a("Z4", d(5, 5), Outcome::Refused)
            .decided_on(d(5, 25))
            .because(RefusalReason::NoCapacity)
            .from_municipality("HORNI VES"),
        a("Z5", d(6, 1), Outcome::Refused)
            .decided_on(d(6, 2))
            .because(RefusalReason::NotProvided)
            .from_municipality("Lhota"),
        a("Z6", d(11, 1), Outcome::Waiting),
    ] {
        b.applicant(x).unwrap();
    }
}

fn hand_worked() -> Dataset {
    let mut b = service(&[]);
    area(&mut b);
    applicants(&mut b);
    b.build()
}

fn value(r: &AuditReport, id: &str) -> Option<Decimal> {
    r.value(id)
}

#[test]
fn the_hand_worked_area_and_applicants() {
    let r = Audit::new(&hand_worked()).run();
    // 65+: 7 clients served in the area of 120 + 50 + 40 = 210 residents
    // 65+: 7 × 1 000 / 210 = 33.333…
    let v = value(&r, "reach.clients_per_1000_65plus").unwrap();
    assert_eq!(v.round_dp(3), Decimal::new(33_333, 3));
    let i = &r.indicators["reach.clients_per_1000_65plus"];
    assert_eq!(i.numerator, Some(Decimal::from(7)));
    assert_eq!(i.denominator, Some(Decimal::from(210)));
    // 80+: 5 of 30 + 15 + 10 = 55: 5 × 1 000 / 55 = 90.909…
    let v = value(&r, "reach.clients_per_1000_80plus").unwrap();
    assert_eq!(v.round_dp(3), Decimal::new(90_909, 3));
    // Allowance recipients 65+ only Horní Ves gives: 20, of whom the
    // service serves K1, K2, K3 (II, III, I; K4 has none): 3 / 20 = 0.15.
    assert_eq!(
        value(&r, "reach.allowance_recipients_served_share"),
        Some(Decimal::new(15, 2))
    );
    // Refused: Z3, Z4, Z5 = 3; for capacity (b): Z3, Z4 = 2; waiting at
    // the end of 2025: Z6 = 1.
    assert_eq!(value(&r, "reach.refused"), Some(Decimal::from(3)));
    assert_eq!(value(&r, "reach.refused_capacity"), Some(Decimal::from(2)));
    assert_eq!(value(&r, "reach.waiting"), Some(Decimal::from(1)));
    // Days to a decision of the accepted and refused: 7, 14, 3, 20, 1;
    // sorted 1, 3, 7, 14, 20: the median 7.
    assert_eq!(
        value(&r, "reach.median_days_to_decision"),
        Some(Decimal::from(7))
    );
    // Per municipality: Horní Ves 4 clients 65+ (K1–K4), 3 of them 80+,
    // 2 refused (Z3, Z4: "HORNI VES" is Horní Ves); Dolní Ves 2 and 1,
    // none refused; Lhota 1 and 1, 1 refused (Z5).
    let m: Vec<(u64, u64, u64)> = r
        .reach
        .municipalities
        .iter()
        .map(|m| (m.clients_65, m.clients_80, m.refused))
        .collect();
    assert_eq!(m, [(4, 3, 2), (2, 1, 0), (1, 1, 1)]);
    assert!(r.reach.outside.is_empty());
    // No resident figure is below the clients served: no notice.
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn without_the_sheets_the_figures_say_why() {
    let r = Audit::new(&service(&[]).build()).run();
    for id in [
        "reach.clients_per_1000_65plus",
        "reach.clients_per_1000_80plus",
        "reach.allowance_recipients_served_share",
    ] {
        let why = r.indicators[id].unavailable.as_ref().unwrap();
        assert!(why.cs.contains("Území"), "{id}: {why:?}");
    }
    for id in [
        "reach.refused",
        "reach.refused_capacity",
        "reach.waiting",
        "reach.median_days_to_decision",
    ] {
        let why = r.indicators[id].unavailable.as_ref().unwrap();
        assert!(why.cs.contains("Žadatelé"), "{id}: {why:?}");
    }
    // An empty sheet (the template's) is not "no one refused".
    let mut b = service(&[]);
    b.area_given().applicants_given();
    let r = Audit::new(&b.build()).run();
    let why = r.indicators["reach.refused"].unavailable.as_ref().unwrap();
    assert!(why.en.contains("no rows"), "{why:?}");
    assert!(value(&r, "reach.clients_per_1000_65plus").is_none());
}

#[test]
fn clients_from_outside_the_area_are_counted_apart_and_said_so() {
    // K8 (born 1940, 85) from Praha and K9 (born 1950, 75) without a
    // municipality: outside the area, so still 7 / 210 and 5 / 55; K10
    // (born 1990) is under 65 and in neither; K11 has no birth year.
    let mut k8 = Client::new("K8").with_birth_year(1940);
    k8.municipality = Some("Praha".into());
    let k9 = Client::new("K9").with_birth_year(1950);
    let mut k10 = Client::new("K10").with_birth_year(1990);
    k10.municipality = Some("Lhota".into());
    let k11 = Client::new("K11");
    let mut b = service(&[k8, k9, k10, k11]);
    area(&mut b);
    let r = Audit::new(&b.build()).run();
    let v = value(&r, "reach.clients_per_1000_65plus").unwrap();
    assert_eq!(v.round_dp(3), Decimal::new(33_333, 3));
    let outside: Vec<(&str, u64, u64)> = r
        .reach
        .outside
        .iter()
        .map(|o| (o.municipality.as_str(), o.clients_65, o.clients_80))
        .collect();
    assert_eq!(outside, [("Praha", 1, 1), ("", 1, 0)]);
    assert_eq!(r.reach.age_unknown, 1);
    let notes: Vec<&str> = r.parameters.notes.iter().map(|n| n.cs.as_str()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("2 obsloužených klientů ve věku 65+") && n.contains("Praha")),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n.contains("nemá rok narození")));
}

/// A provider's workbook with the bad rows of `Území` and `Žadatelé`.
fn bad_workbook() -> Vec<u8> {
    let ds = service(&[]).build();
    let t = |s: &str| InputCell::Text(s.into());
    let n = |v: f64| InputCell::Number(v);
    let e = InputCell::Empty;
    let mut input = InputWorkbook::new(&ds);
    input.extra_sheet(
        "Území",
        vec![
            vec![t("Obec"), t("Obyvatel 65+"), t("Obyvatel 80+"), t("Zdroj")],
            vec![t("Horní Ves"), n(120.0), n(30.0), t("SLDB 2021")],
            // Row 3: the same municipality again (folded): rejected.
            vec![t("HORNÍ VES"), n(100.0), n(20.0), e.clone()],
            // Row 4: more residents 80+ than 65+: rejected at C4.
            vec![t("Dolní Ves"), n(10.0), n(15.0), e.clone()],
            // Row 5: accepted, but 0 residents 65+ and 80+ for the one
            // client (K7, 95) served there: a notice at B5 and at C5.
            vec![t("Lhota"), n(0.0), n(0.0), e.clone()],
        ],
    );
    input.extra_sheet(
        "Žadatelé",
        vec![
            vec![
                t("Žadatel"),
                t("Datum žádosti"),
                t("Výsledek"),
                t("Důvod"),
                t("Datum rozhodnutí"),
            ],
            vec![
                t("Z1"),
                InputCell::Date(d(4, 5)),
                t("odmítnut"),
                t("kapacita"),
                InputCell::Date(d(4, 8)),
            ],
            // Row 3: no such outcome.
            vec![
                t("Z2"),
                InputCell::Date(d(4, 5)),
                t("možná"),
                e.clone(),
                e.clone(),
            ],
            // Row 4: no such reason.
            vec![
                t("Z3"),
                InputCell::Date(d(4, 5)),
                t("odmítnut"),
                t("nechceme"),
                InputCell::Date(d(4, 8)),
            ],
            // Row 5: decided before the application.
            vec![
                t("Z4"),
                InputCell::Date(d(4, 5)),
                t("přijat"),
                e.clone(),
                InputCell::Date(d(4, 1)),
            ],
            // Row 6: waiting, yet decided.
            vec![
                t("Z5"),
                InputCell::Date(d(4, 5)),
                t("čeká"),
                e.clone(),
                InputCell::Date(d(4, 9)),
            ],
            // Row 7: a reason on an acceptance.
            vec![
                t("Z6"),
                InputCell::Date(d(4, 5)),
                t("přijat"),
                t("b"),
                InputCell::Date(d(4, 9)),
            ],
        ],
    );
    input.to_buffer().unwrap()
}

#[test]
fn bad_area_and_applicant_rows_are_placed_and_explained() {
    let bytes = bad_workbook();
    let (ds, problems) = read_bytes(&bytes, Some("vstup.xlsx"), &ReadOptions::default()).unwrap();
    let found: Vec<String> = problems
        .list
        .iter()
        .map(|p| format!("{} {}", p.place, p.kind()))
        .collect();
    for want in [
        "Území!A3 given_before",
        "Území!C4 out_of_range",
        "Žadatelé!C3 unknown_outcome",
        "Žadatelé!D4 unknown_refusal_reason",
        "Žadatelé!E5 decided_before_applied",
        "Žadatelé!E6 waiting_but_decided",
        "Žadatelé!D7 reason_without_refusal",
    ] {
        assert!(found.iter().any(|p| p == want), "{want} in {found:?}");
    }
    let dup = problems
        .list
        .iter()
        .find(|p| p.kind() == "given_before")
        .unwrap();
    assert!(dup.reason.text().cs.contains("Území!A2"), "{dup:?}");
    // Rows read = accepted + rejected: Území 4 = 2 + 2; Žadatelé 6 = 1 + 5.
    for (sheet, read, rejected) in [("Území", 4, 2), ("Žadatelé", 6, 5)] {
        let c = problems.count(sheet);
        assert_eq!((c.read, c.rejected), (read, rejected), "{sheet}");
        assert!(c.balances());
    }
    // The audit's notice: Lhota gives 0 residents 65+ (and 80+) for the
    // one client K7 served there, at B5 and C5; the figures stand: 65+:
    // 4 + 1 clients (Horní Ves, Lhota; Dolní Ves was rejected, so K5, K6
    // are from outside) over 120 + 0 residents: 5 × 1 000 / 120.
    let r = Audit::new(&ds).problems(&problems).run();
    let notices: Vec<String> = r
        .problems
        .iter()
        .filter(|p| p.kind() == "residents_below_clients")
        .map(|p| p.place.to_string())
        .collect();
    assert_eq!(notices, ["Území!B5", "Území!C5"]);
    let n = r
        .problems
        .iter()
        .find(|p| p.kind() == "residents_below_clients")
        .unwrap();
    assert!(!n.is_rejected());
    assert!(n.reason.text().cs.contains("jiného roku"));
    let v = value(&r, "reach.clients_per_1000_65plus").unwrap();
    assert_eq!(
        v,
        Decimal::from(5) * Decimal::from(1000) / Decimal::from(120)
    );
    assert_eq!(value(&r, "reach.refused"), Some(Decimal::ONE));
    assert_eq!(value(&r, "reach.refused_capacity"), Some(Decimal::ONE));
}

#[test]
fn the_workbook_round_trips_the_sheets() {
    let ds = hand_worked();
    let bytes = InputWorkbook::new(&ds).to_buffer().unwrap();
    let (back, problems) = read_bytes(&bytes, Some("vstup.xlsx"), &ReadOptions::default()).unwrap();
    assert!(problems.no_rejections(), "{:?}", problems.list);
    let strip = |ds: &Dataset| {
        let mut a = ds.area.clone().unwrap();
        a.iter_mut().for_each(|x| x.row = 0);
        let mut z = ds.applicants.clone().unwrap();
        z.iter_mut().for_each(|x| x.row = 0);
        (a, z)
    };
    assert_eq!(strip(&back), strip(&ds));
    let r = Audit::new(&back).problems(&problems).run();
    assert_eq!(value(&r, "reach.refused"), Some(Decimal::from(3)));
}

#[test]
fn the_reach_sheet_recalculates_in_libreoffice() {
    let ds = hand_worked();
    let report = Audit::new(&ds).run();
    let dir = scratch("reach");
    for lang in [Lang::Cs, Lang::En] {
        let path = dir.join(format!("dosah-{lang:?}.xlsx"));
        ReportWorkbook::new(&report, &ds)
            .lang(lang)
            .save(&path)
            .unwrap();
        let sheet = lang.pick("Dosah", "Reach");
        let formulas = formula_cells(&path);
        let on_sheet: Vec<_> = formulas.iter().filter(|f| f.0 == sheet).collect();
        // Per municipality 2 ratios and 1 refused count (9); the total's
        // 7 sums and 2 ratios; the share; 6 counts and the median; the 5
        // days of the decisions in the period.
        assert_eq!(on_sheet.len(), 9 + 9 + 1 + 7 + 5, "{on_sheet:?}");
        // Ukazatele takes the reach figures from the sheet.
        let ind = lang.pick("Ukazatele", "Indicators");
        let refs: Vec<_> = formulas
            .iter()
            .filter(|f| f.0 == ind && f.3.contains(&format!("'{sheet}'!")))
            .collect();
        assert_eq!(refs.len(), 7, "{refs:?}");
        let Some(exe) = soffice("the_reach_sheet_recalculates_in_libreoffice") else {
            continue;
        };
        let profile = recalculating_profile(&dir);
        let cached = cells(&path);
        let recalculated = cells(&convert(
            exe,
            &profile,
            &path,
            "xlsx",
            &dir.join(format!("out-{lang:?}")),
        ));
        for (s, r, c, f) in &formulas {
            let key = (s.clone(), *r, *c);
            let before = cached.get(&key).cloned().unwrap_or(calamine::Data::Empty);
            let after = recalculated
                .get(&key)
                .cloned()
                .unwrap_or(calamine::Data::Empty);
            assert!(
                same(&before, &after),
                "{s}!R{}C{} ={f}: cached {before:?}, LibreOffice {after:?}",
                r + 1,
                c + 1
            );
        }
    }
}
