//! The merger study's four effects on three small providers built in code,
//! each figure worked out by hand in the comments.
//!
//! The three services, 3.–16. 3. 2025 (two full weeks, 10 working days):
//! - A, seat "A": care worker A1 (1 FTE, no absence), head of service
//!   (VED 1 FTE, 600 000 Kč); one client in "X"; task b1 at 100 Kč/h;
//!   week 1: 5 visits × 6 h, week 2: 5 × 2 h (40 h).
//! - B, seat "B": care worker B1 (1 FTE), VED 0.5 FTE (300 000 Kč); one
//!   client in "X"; b1 at 140 Kč/h; week 1: 5 × 2 h, week 2: 5 × 6 h.
//! - C, seat "C": care worker C1 (1 FTE), social worker SP 1 FTE
//!   (400 000 Kč); one client in "C"; b1 at 120 Kč/h; 5 × 4 h each week.

use chrono::{Duration, NaiveDate};
use homecare_audit::compare::{Distance, ManagementRole, Merger, PriceRule, Roster};
use homecare_audit::law::LawTables;
use homecare_audit::{
    Audit, AuditReport, Client, Dataset, DatasetBuilder, Period, Price, Provider, Role, Visit,
    Worker,
};
use rust_decimal::Decimal;

pub(crate) fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).unwrap()
}

pub(crate) fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A service: seat, hourly price, hours of each visit of week 1 and week
/// 2 (five visits each, Monday to Friday), the client's municipality, and
/// its management workers.
pub(crate) fn service(
    seat: &str,
    price: i64,
    hours: (u32, u32),
    client_home: &str,
    staff: &[(Role, &str, i64)],
) -> Dataset {
    let mut b = DatasetBuilder::new();
    let mut p = Provider::new(format!("Služba {seat}"));
    p.period = Period::new(d(3, 3), d(3, 16));
    p.municipality = Some(seat.into());
    b.provider(p);
    let w = b
        .worker(Worker::new(format!("{seat}1"), Role::Pss, Decimal::ONE).with_absence_seconds(0))
        .unwrap();
    for (i, (role, fte, cost)) in staff.iter().enumerate() {
        let m =
            Worker::new(format!("M{i}"), *role, dec(fte)).with_personnel_cost(Decimal::from(*cost));
        b.worker(m).unwrap();
    }
    let mut c = Client::new("K1");
    c.municipality = Some(client_home.into());
    let c = b.client(c).unwrap();
    let task = b.find_task("b1").unwrap();
    b.price(Price {
        task,
        price: Decimal::from(price),
        valid_from: None,
        row: 0,
    })
    .unwrap();
    for (week, h) in [(0, hours.0), (1, hours.1)] {
        for day in 0..5 {
            let date = d(3, 3) + Duration::days(week * 7 + day);
            // Each fee recorded as the list says.
            let fee = Decimal::from(price * i64::from(h));
            b.visit(Visit::new(date, w, Some(c), task, h * 3600).with_fee(fee))
                .unwrap();
        }
    }
    b.build()
}

pub(crate) fn three() -> Vec<Dataset> {
    vec![
        service("A", 100, (6, 2), "X", &[(Role::Ved, "1", 600_000)]),
        service("B", 140, (2, 6), "X", &[(Role::Ved, "0.5", 300_000)]),
        service("C", 120, (4, 4), "C", &[(Role::Sp, "1", 400_000)]),
    ]
}

pub(crate) fn study(parts: &[Dataset], merger: &Merger) -> homecare_audit::compare::MergerStudy {
    let law = LawTables::built_in();
    let reports: Vec<AuditReport> = parts.iter().map(|p| Audit::new(p).run()).collect();
    let pairs: Vec<(&Dataset, &AuditReport)> = parts.iter().zip(&reports).collect();
    merger
        .study(&pairs, &law, |ds| Audit::new(ds).law(&law).run())
        .unwrap()
}

#[test]
fn one_price_list_lowest_and_at_the_caps() {
    let parts = three();
    // Lowest: b1 at 100 Kč/h (A's). Each client has 40 h in March (under
    // 80, and 100–140 Kč/h is under the 2025 cap of 165 Kč/h):
    // A 40 × 100 = 4 000 → 4 000; B 40 × 140 = 5 600 → 4 000 (−1 600);
    // C 40 × 120 = 4 800 → 4 000 (−800). Before 14 400, after 12 000.
    let s = study(&parts, &Merger::default());
    let p = s.prices.worked().expect("prices worked out");
    assert_eq!(p.revenue_before, Decimal::from(14_400));
    assert_eq!(p.revenue_after, Decimal::from(12_000));
    assert_eq!(p.change, Decimal::from(-2_400));
    let changes: Vec<Decimal> = p.by_part.iter().map(|x| x.change).collect();
    assert_eq!(changes, [0, -1_600, -800].map(Decimal::from));
    assert_eq!(p.by_part[1].change_per_client, Some(Decimal::from(-1_600)));
    let most = p.most_changed.as_ref().unwrap();
    assert_eq!(
        (most.client.as_str(), most.change),
        ("2:K1", Decimal::from(-1_600))
    );
    let b1 = p.list.iter().find(|x| x.code == "b1").unwrap();
    assert_eq!(b1.price, Some(Decimal::from(100)));
    assert_eq!(b1.today, [100, 140, 120].map(|x| Some(Decimal::from(x))));

    // At the legal caps: 40 h × 165 Kč = 6 600 a client, 19 800 in all.
    let caps = Merger {
        price_rule: PriceRule::LegalCaps,
        ..Merger::default()
    };
    let s = study(&parts, &caps);
    let p = s.prices.worked().unwrap();
    assert_eq!(p.revenue_after, Decimal::from(19_800));

    // The 80-hour rule: a client of A with 10 visits × 9 h = 90 h in March
    // pays every hour at the lower cap, 145 Kč: 90 × 145 = 13 050 (B's
    // client, 40 h, stays at 165 Kč: 6 600).
    let heavy = service("A", 100, (9, 9), "X", &[]);
    let s = study(&[heavy, parts[1].clone()], &caps);
    let p = s.prices.worked().unwrap();
    assert_eq!(p.by_part[0].after, Decimal::from(13_050));
    assert_eq!(p.revenue_after, Decimal::from(13_050 + 6_600));
}

#[test]
fn one_pool_covers_the_peak_of_the_sum() {
    // Available per FTE a week: 10 working days × 8 h = 80 h over 2 weeks
    // = 40 h. Target 0.5: one FTE covers 20 direct hours a week.
    // Peak weeks: A 30 h → 1.5 FTE; B 30 h → 1.5; C 20 h → 1.0; Σ 4.0.
    // Merged weeks: 30+10+20 = 60 and 10+30+20 = 60 → 60 / 20 = 3.0 FTE:
    // 1.0 fewer than apart, as many as today (3 × 1 FTE).
    let merger = Merger {
        target_utilisation: dec("0.5"),
        ..Merger::default()
    };
    let s = study(&three(), &merger);
    let e = s.staff.worked().expect("staff worked out");
    assert_eq!(e.weeks, 2);
    let needed: Vec<Decimal> = e.by_part.iter().map(|l| l.fte_needed).collect();
    assert_eq!(needed, [dec("1.5"), dec("1.5"), dec("1")]);
    assert_eq!(e.by_part[0].available_per_fte_week, Decimal::from(40));
    assert_eq!(e.by_part[0].peak_week, Some(d(3, 3)));
    assert_eq!(e.by_part[1].peak_week, Some(d(3, 10)));
    assert_eq!(e.needed_separately, Decimal::from(4));
    assert_eq!(e.merged.planned_week_hours, Decimal::from(60));
    assert_eq!(e.merged.fte_needed, Decimal::from(3));
    assert_eq!(e.change_vs_separate, Decimal::from(-1));
    assert_eq!(e.change_vs_today, Decimal::ZERO);
}

#[test]
fn one_management_at_todays_cost_per_fte() {
    // Three clients. Structure: VED 1 FTE fixed; SP 1 FTE per 2 clients =
    // 1.5 FTE. Today VED 1.5 FTE, 900 000 Kč (600 000 per FTE): after 1.0
    // FTE, 600 000 (−300 000). SP 1.0 FTE, 400 000: after 1.5 × 400 000 =
    // 600 000 (+200 000). Today 1 300 000, after 1 200 000: saving 100 000.
    let merger = Merger {
        management: vec![
            ManagementRole {
                role: Role::Ved,
                fixed_fte: Decimal::ONE,
                clients_per_fte: None,
            },
            ManagementRole {
                role: Role::Sp,
                fixed_fte: Decimal::ZERO,
                clients_per_fte: Some(Decimal::from(2)),
            },
        ],
        ..Merger::default()
    };
    let s = study(&three(), &merger);
    let e = s.management.worked().expect("management worked out");
    assert_eq!(e.clients, 3);
    let ved = &e.lines[0];
    assert_eq!(ved.fte_by_part, [dec("1"), dec("0.5"), dec("0")]);
    assert_eq!(ved.cost_per_fte, Some(Decimal::from(600_000)));
    assert_eq!(ved.change_cost, Some(Decimal::from(-300_000)));
    let sp = &e.lines[1];
    assert_eq!(sp.fte_after, dec("1.5"));
    assert_eq!(sp.cost_after, Some(Decimal::from(600_000)));
    assert_eq!(e.saving, Some(Decimal::from(100_000)));
    // After: the VED posts scaled to 1 FTE in the merged service's audit.
    assert_eq!(s.after.value("staff.fte.VED"), Some(Decimal::ONE));
    assert_eq!(s.before.value("staff.fte.VED"), Some(dec("1.5")));

    // Without a structure the effect says why, not zero.
    let s = study(&three(), &Merger::default());
    assert!(
        s.management
            .reason()
            .unwrap()
            .en
            .contains("no management structure")
    );
}

#[test]
fn travel_from_the_nearest_base() {
    // Table: A–X 20 min, B–X 10; C to itself 0 (no row); A–C, B–C missing.
    // Today: A's 10 visits to X × 20 = 200 min, B's 10 × 10 = 100 min; X
    // has 20 visits, 80 contact hours: 300 / 80 = 3.75 min per hour. Both
    // cross a boundary (the workers are from A and B).
    // Nearest base for X: B (10 < 20): 20 × 10 = 200 min, 2.5 min/h; C is
    // served from C. All: today 300 / 120 h = 2.5, pooled 200 / 120 = 5/3.
    let merger = Merger {
        distances: vec![
            Distance {
                from: "A".into(),
                to: "X".into(),
                minutes: Decimal::from(20),
            },
            Distance {
                from: "X".into(),
                to: "B".into(),
                minutes: Decimal::from(10),
            },
        ],
        ..Merger::default()
    };
    let s = study(&three(), &merger);
    let e = s.travel.worked().expect("travel worked out");
    assert_eq!((e.visits, e.visits_unknown), (30, 0));
    assert_eq!((e.cross_today, e.cross_pooled), (20, 20));
    let x = e
        .by_municipality
        .iter()
        .find(|m| m.municipality == "X")
        .unwrap();
    assert_eq!(x.pooled_base.as_deref(), Some("B"));
    assert_eq!(x.minutes_per_hour_today, Some(dec("3.75")));
    assert_eq!(x.minutes_per_hour_pooled, Some(dec("2.5")));
    assert_eq!(e.minutes_per_hour_today, Some(dec("2.5")));
    assert_eq!(
        e.minutes_per_hour_pooled,
        Some(Decimal::from(200) / Decimal::from(120))
    );
    // One base in A: C's clients have no distance from A, said so.
    let one = Merger {
        roster: Roster::OneBase("A".into()),
        ..merger.clone()
    };
    let s = study(&three(), &one);
    let e = s.travel.worked().unwrap();
    assert_eq!(e.minutes_per_hour_pooled, None);
    assert!(
        e.missing_pairs
            .contains(&("A".to_string(), "C".to_string()))
    );
}

#[test]
fn indicators_before_and_after_beside_each_service() {
    // Fees are recorded as each list says. Lowest prices: A's fees per
    // direct hour are 4 000 / 40 h = 100 Kč; the merged service's fall
    // from 14 400 / 120 h = 120 Kč to 12 000 / 120 h = 100 Kč.
    let s = study(&three(), &Merger::default());
    assert_eq!(s.indicators.len(), 5);
    let kinds: Vec<&str> = s.indicators.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        ["part", "part", "part", "merged_before", "merged_after"]
    );
    let fee = |i: usize| s.indicators[i].values["fees.per_direct_hour"];
    assert_eq!(fee(0), Some(Decimal::from(100)));
    assert_eq!(fee(3), Some(Decimal::from(120)));
    assert_eq!(fee(4), Some(Decimal::from(100)));
}

#[test]
fn a_merger_workbook_is_read_row_by_row_with_places() {
    use homecare_audit::Reason;
    use homecare_audit::workbook::{ReadOptions, read_merger_bytes};
    use rust_xlsxwriter::Workbook;
    // Sloučení: row 2 the price rule with its source; row 3 a target of
    // 1,5 (over 1: rejected at B3); rows 4–5 the structure; row 6 an
    // unknown parameter (rejected at A6); row 7 one base.
    // Vzdálenosti: row 3 has negative minutes (rejected at C3).
    let mut wb = Workbook::new();
    let rows: [(&str, &str, &str); 6] = [
        ("ceník", "zadaný", "rada 12/2026"),
        ("cílové vytížení", "1,5", ""),
        ("úvazky VED", "1", ""),
        ("klientů na úvazek SP", "40", ""),
        ("neznámý", "x", ""),
        ("společný rozpis", "Beta", ""),
    ];
    let ws = wb.add_worksheet().set_name("Sloučení").unwrap();
    for (c, h) in ["Parametr", "Hodnota", "Zdroj"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (k, v, src)) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, *k).unwrap();
        ws.write_string(r, 1, *v).unwrap();
        ws.write_string(r, 2, *src).unwrap();
    }
    let ws = wb.add_worksheet().set_name("Vzdálenosti").unwrap();
    for (c, h) in ["Z obce", "Do obce", "Minut"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_row(1, 0, ["A", "B"]).unwrap();
    ws.write_number(1, 2, 12).unwrap();
    ws.write_row(2, 0, ["A", "C"]).unwrap();
    ws.write_number(2, 2, -3).unwrap();
    let ws = wb.add_worksheet().set_name("Jednotný ceník").unwrap();
    ws.write_row(0, 0, ["Úkon", "Cena"]).unwrap();
    ws.write_string(1, 0, "b1").unwrap();
    ws.write_number(1, 1, 120).unwrap();
    let bytes = wb.save_to_buffer().unwrap();

    let (m, problems) = read_merger_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(
        m.price_rule,
        PriceRule::Given(vec![("b1".into(), Decimal::from(120))])
    );
    assert_eq!(
        m.sources["price_rule"],
        "Sloučení!B2: rada 12/2026; 'Jednotný ceník'!A2–A2 (1)"
    );
    // The table's accepted rows are the distances' source.
    assert_eq!(m.sources["distances"], "Vzdálenosti!A2–A2 (1)");
    assert_eq!(
        m.target_utilisation,
        dec("0.7"),
        "the rejected row leaves the default"
    );
    assert_eq!(m.management.len(), 2);
    assert_eq!(m.management[1].clients_per_fte, Some(Decimal::from(40)));
    assert_eq!(m.roster, Roster::OneBase("Beta".into()));
    assert_eq!(m.distances.len(), 1);
    let rejected: Vec<(String, &Reason)> = problems
        .rejections()
        .map(|p| (p.place.to_string(), &p.reason))
        .collect();
    assert_eq!(rejected.len(), 3, "{rejected:?}");
    assert!(matches!(rejected[0], (ref p, Reason::OutOfRange(_)) if p == "Sloučení!B3"));
    assert!(matches!(rejected[1], (ref p, Reason::UnknownAssumption) if p == "Sloučení!A6"));
    assert!(matches!(rejected[2], (ref p, Reason::Negative) if p == "Vzdálenosti!C3"));
    for (sheet, n) in &problems.rows {
        assert_eq!(n.read, n.accepted + n.rejected, "{sheet}");
    }
    assert_eq!(problems.rows["Sloučení"].read, 6);
}

#[test]
fn services_without_visits_say_why_each_effect_is_missing() {
    // Two services with a worker each and nothing else: no visit, no
    // period. Nothing can be worked out but the stated management (VED
    // 1 FTE against today's none, no cost known); every other effect
    // gives its reason instead of a zero.
    let empty = |name: &str| {
        let mut b = DatasetBuilder::new();
        b.provider(Provider::new(name));
        b.worker(Worker::new("P1", Role::Pss, Decimal::ONE))
            .unwrap();
        b.build()
    };
    let parts = [empty("A"), empty("B")];
    let merger = Merger {
        management: vec![ManagementRole {
            role: Role::Ved,
            fixed_fte: Decimal::ONE,
            clients_per_fte: None,
        }],
        ..Merger::default()
    };
    let s = study(&parts, &merger);
    assert!(s.prices.reason().unwrap().en.contains("no client visit"));
    assert!(s.staff.reason().unwrap().en.contains("has no period"));
    assert!(s.travel.reason().unwrap().en.contains("municipality"));
    let m = s.management.worked().unwrap();
    assert_eq!(m.clients, 0);
    assert_eq!(m.lines[0].fte_after, Decimal::ONE);
    assert_eq!(m.lines[0].cost_after, None);
    assert_eq!(m.saving, None);
    assert_eq!(s.indicators.len(), 4);
    // The study sheet is written all the same, each reason in its place.
    let reports: Vec<AuditReport> = parts.iter().map(|p| Audit::new(p).run()).collect();
    let entries = vec![
        ("a".to_string(), &reports[0]),
        ("b".to_string(), &reports[1]),
    ];
    let bytes = homecare_audit::workbook::ComparisonWorkbook::new(entries)
        .study(&s)
        .to_buffer()
        .unwrap();
    assert_eq!(&bytes[..2], b"PK");
}
