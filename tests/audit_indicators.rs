//! Every indicator on a small dataset built in code, each expected value
//! worked out by hand in the comment beside it.
//!
//! The dataset "Lhota 2025": period 1.1.–31.12.2025 (365 days, 251 working
//! days, annualising factor 1), 40 h weeks, a public employer (5 weeks of
//! leave).
//!
//! Workers: P1 PSS 1.0 (training 30 h given); P2 PSS 0.5 from 1.7.2025
//! (184 days; training not given); S1 SP 1.0 (training 20 h given); V1 VED
//! 0.5.
//! Clients: K1 degree II, born 1940, lives alone, not at risk;
//! K2 no allowance, born 1950, not alone, at risk; K3 degree IV, exempt
//! (§75(2)), birth and flags unknown; K4 degree unknown, born 1944, never
//! served.
//!
//! Visits (minutes; fee in Kč):
//!  #1  3.3. P1 K1 b1 7:30 60, travel 10, fee 150
//!  #2  3.3. P1 K1 a2 8:30 30, fee 75              (touches #1: no overlap)
//!  #3  3.3. P1 K2 c2 9:10 10, travel 15, fee 40   (meal delivery, per act)
//!  #4  8.3. P1 K3 d1 10:00 90, fee 100            (Saturday; K3 is exempt)
//!  #5  3.3. P1 —  ADM 12:00 120
//!  #6  3.3. P1 —  CESTA 30
//!  #7 15.7. P2 K1 d5 18:30 45, fee 150            (cap 165 × 0.75 = 123.75)
//!  #8 15.7. P2 K1 d5 18:45 30, no fee             (overlaps #7)
//!  #9 16.7. P2 K2 FAK 60, fee 200                 (optional service)
//! #10  3.3. P1 K1 b1 7:30 60, travel 10, fee 150  (duplicate of #1)
//!
//! Direct (statutory): 60+30+10+90+45+30+60 = 325 min = 19 500 s.
//! Optional 60; travel 10+15+10 + CESTA 30 = 65; indirect 120.
//! Worked 325+60+65+120 = 570 min = 9.5 h.
//! Groups: a 30, b 120, c 10, d 90+45+30 = 165, e 0.
//! Costs 900 000 (personnel 600 000 + 202 800); revenues: fees 5 000,
//! MPSV 400 000, region 50 000, municipality 200 000, other 10 000.
//! Prices: b1 and d5 at 150 Kč/h.

use chrono::NaiveDate;
use homecare_audit::audit::{Audit, EightyHourRule, FindingKind, Status};
use homecare_audit::{
    CareDegree, Client, CostCategory, CostLine, Dataset, Period, Price, Provider, RevenueLine,
    RevenueSource, Role, Visit, Worker,
};
use rust_decimal::Decimal;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).unwrap()
}
fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}
fn hm(h: u32, m: u32) -> u32 {
    h * 3600 + m * 60
}

/// Adds 81 one-hour `b1` visits of `k` by `w` in `month` of 2025, three a
/// day from the 1st (7:00, 9:00, 11:00), each charged `fee`: 81 hours, one
/// over the 80-hour rule's threshold.
fn eighty_one_hours(
    b: &mut homecare_audit::DatasetBuilder,
    w: homecare_audit::WorkerId,
    k: homecare_audit::ClientId,
    month: u32,
    fee: i64,
) {
    for i in 0..81u32 {
        b1_hour(b, w, k, (month, 1 + i / 3), 7 + 2 * (i % 3), fee);
    }
}

/// One one-hour b1 (hygiene) visit of `k` on `(month, day)` of 2025 from
/// `hour`:00, charged `fee` Kč.
fn b1_hour(
    b: &mut homecare_audit::DatasetBuilder,
    w: homecare_audit::WorkerId,
    k: homecare_audit::ClientId,
    (month, day): (u32, u32),
    hour: u32,
    fee: i64,
) {
    let b1 = b.find_task("b1").unwrap();
    b.visit(
        Visit::new(d(month, day), w, Some(k), b1, 3600)
            .with_start(hm(hour, 0))
            .with_fee(dec(fee)),
    )
    .unwrap();
}

/// |a − b| < 10⁻¹⁸: the expected fractions are computed from the hand
/// formula, so the last of 28 digits may differ by division order.
#[track_caller]
fn close(got: Option<Decimal>, want: Decimal) {
    let got = got.expect("a value");
    assert!(
        (got - want).abs() < Decimal::new(1, 18),
        "got {got}, want {want}"
    );
}

fn lhota(with_costs: bool) -> Dataset {
    let mut b = Dataset::builder();
    let mut p = Provider::new("Lhota");
    p.period = Period::new(d(1, 1), d(12, 31));
    p.region = Some("KHK".into());
    b.provider(p);
    let p1 = b
        .worker(Worker::new("P1", Role::Pss, dec(1)).with_training_seconds(30 * 3600))
        .unwrap();
    let p2 = b
        .worker(
            Worker::new("P2", Role::Pss, Decimal::new(5, 1)).with_employment(Some(d(7, 1)), None),
        )
        .unwrap();
    b.worker(Worker::new("S1", Role::Sp, dec(1)).with_training_seconds(20 * 3600))
        .unwrap();
    b.worker(Worker::new("V1", Role::Ved, Decimal::new(5, 1)))
        .unwrap();
    let k1 = b
        .client(
            Client::new("K1")
                .with_care_allowance(CareDegree::II)
                .with_birth_year(1940)
                .with_lives_alone(true)
                .with_at_risk(false),
        )
        .unwrap();
    let k2 = b
        .client(
            Client::new("K2")
                .with_care_allowance(CareDegree::None)
                .with_birth_year(1950)
                .with_lives_alone(false)
                .with_at_risk(true),
        )
        .unwrap();
    let k3 = b
        .client(
            Client::new("K3")
                .with_care_allowance(CareDegree::IV)
                .with_fee_exempt(true),
        )
        .unwrap();
    b.client(Client::new("K4").with_birth_year(1944)).unwrap();
    let t = |b: &homecare_audit::DatasetBuilder, c: &str| b.find_task(c).unwrap();
    let (b1, a2, c2, d1, d5) = (
        t(&b, "b1"),
        t(&b, "a2"),
        t(&b, "c2"),
        t(&b, "d1"),
        t(&b, "d5"),
    );
    let (adm, cesta, fak) = (t(&b, "ADM"), t(&b, "CESTA"), t(&b, "FAK"));
    let visits = [
        Visit::new(d(3, 3), p1, Some(k1), b1, 3600)
            .with_start(hm(7, 30))
            .with_travel(600)
            .with_fee(dec(150)),
        Visit::new(d(3, 3), p1, Some(k1), a2, 1800)
            .with_start(hm(8, 30))
            .with_fee(dec(75)),
        Visit::new(d(3, 3), p1, Some(k2), c2, 600)
            .with_start(hm(9, 10))
            .with_travel(900)
            .with_fee(dec(40)),
        Visit::new(d(3, 8), p1, Some(k3), d1, 5400)
            .with_start(hm(10, 0))
            .with_fee(dec(100)),
        Visit::new(d(3, 3), p1, None, adm, 7200).with_start(hm(12, 0)),
        Visit::new(d(3, 3), p1, None, cesta, 1800),
        Visit::new(d(7, 15), p2, Some(k1), d5, 2700)
            .with_start(hm(18, 30))
            .with_fee(dec(150)),
        Visit::new(d(7, 15), p2, Some(k1), d5, 1800).with_start(hm(18, 45)),
        Visit::new(d(7, 16), p2, Some(k2), fak, 3600).with_fee(dec(200)),
        Visit::new(d(3, 3), p1, Some(k1), b1, 3600)
            .with_start(hm(7, 30))
            .with_travel(600)
            .with_fee(dec(150)),
    ];
    for (i, mut v) in visits.into_iter().enumerate() {
        v.row = i as u32 + 2; // as if read from Výkazy rows 2..=11
        b.visit(v).unwrap();
    }
    for task in [b1, d5] {
        b.price(Price {
            task,
            price: dec(150),
            valid_from: None,
            row: 0,
        })
        .unwrap();
    }
    if with_costs {
        for (cat, amount) in [
            (CostCategory::Wages, 600_000),
            (CostCategory::Insurance, 202_800),
            (CostCategory::Fuel, 50_000),
            (CostCategory::Rent, 47_200),
        ] {
            b.cost(CostLine::new(cat, dec(amount))).unwrap();
        }
        for (source, amount) in [
            (RevenueSource::UserFees, 5_000),
            (RevenueSource::Mpsv, 400_000),
            (RevenueSource::Region, 50_000),
            (RevenueSource::Municipality, 200_000),
            (RevenueSource::Other, 10_000),
        ] {
            b.revenue(RevenueLine {
                source,
                amount: dec(amount),
                row: 0,
            })
            .unwrap();
        }
    }
    b.build()
}

#[test]
fn cost_and_revenue() {
    let r = Audit::new(&lhota(true)).run();
    let v = |id: &str| r.value(id);
    // Σ costs = 600 000 + 202 800 + 50 000 + 47 200.
    assert_eq!(v("cost.total"), Some(dec(900_000)));
    // Personnel 802 800 / 900 000 = 0.892.
    assert_eq!(v("cost.personnel_share"), Some(Decimal::new(892, 3)));
    // 900 000 / (325/60 h) = 54 000 000 / 325.
    close(v("cost.per_direct_hour"), dec(54_000_000) / dec(325));
    // 900 000 / 9.5 h.
    close(
        v("cost.per_worked_hour"),
        dec(900_000) / Decimal::new(95, 1),
    );
    // Annualised ×1; average FTE = 1 + 0.5×184/365 + 1 + 0.5 = 1004.5/365.
    close(
        v("cost.per_fte"),
        dec(900_000) * dec(365) / Decimal::new(10045, 1),
    );
    assert!(r.indicator("cost.per_fte").unwrap().annualised);
    // 3 clients served (K1, K2, K3).
    assert_eq!(v("cost.per_client"), Some(dec(300_000)));
    // Client-months: K1 March and July, K2 March, K3 March = 4.
    assert_eq!(v("cost.per_client_month"), Some(dec(225_000)));
    // Fees from Výnosy (uhrady 5 000) / 900 000.
    close(v("revenue.fee_share"), dec(5_000) / dec(900_000));
    // (400 000 + 50 000 + 200 000) / 900 000.
    close(v("revenue.public_share"), dec(650_000) / dec(900_000));
    // 665 000 − 900 000.
    assert_eq!(v("result.balance"), Some(dec(-235_000)));
    // Hourly rows #1 #2 #4 #7 #8 #10: 60+30+90+45+30+60 = 315 min = 5.25 h;
    // their fees 150+75+100+150+0+150 = 625 → 625 / 5.25.
    close(v("fees.per_direct_hour"), dec(625) / Decimal::new(525, 2));
    let per_hour = r.indicator("fees.per_direct_hour").unwrap();
    assert_eq!(per_hour.numerator, Some(dec(625)));
    assert_eq!(per_hour.denominator, Some(Decimal::new(525, 2)));
    close(
        v("cost.unfunded_per_hour"),
        dec(54_000_000) / dec(325) - dec(625) / Decimal::new(525, 2),
    );
}

#[test]
fn fee_compliance() {
    let r = Audit::new(&lhota(true)).run();
    let v = |id: &str| r.value(id);
    // 2025 cap 165 Kč/h (no client over 80 h). Only #7 is over:
    // 150 > 165 × 0.75 = 123.75, by 26.25.
    assert_eq!(v("fees.rows_over_cap"), Some(dec(1)));
    assert_eq!(v("fees.excess_total"), Some(Decimal::new(2625, 2)));
    let over: Vec<_> = r.findings_of(FindingKind::FeeOverCap).collect();
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].place.as_ref().unwrap().to_string(), "Výkazy!A8");
    assert_eq!(over[0].amount, Some(Decimal::new(2625, 2)));
    // The legal cap is a built-in benchmark: a row over it is "bad".
    assert_eq!(
        r.indicator("fees.rows_over_cap").unwrap().status,
        Status::Bad
    );
    // 625 / (165 × 5.25) = 625 / 866.25.
    close(v("fees.cap_use"), dec(625) / Decimal::new(86625, 2));
    assert_eq!(r.indicator("fees.cap_use").unwrap().status, Status::Ok);
    // K3 is exempt: #4's 100 Kč.
    assert_eq!(v("fees.exempt_charged"), Some(dec(100)));
    assert_eq!(r.findings_of(FindingKind::FeeExempt).count(), 1);
    // Price 150/h: #7 should be 112.50, is 150 → off by 37.50 (one row).
    assert_eq!(v("fees.rows_off_price"), Some(dec(1)));
    // c2 has no known cap in 2025: the report says it was not checked.
    assert!(
        r.parameters.notes.iter().any(|n| n.en.contains("c2")),
        "{:?}",
        r.parameters.notes
    );
}

#[test]
fn eighty_hour_rule_variants() {
    // K1 receives 81 one-hour b1 visits in March 2025, each charged 155 Kč
    // (under 165, over the 145 of a month over 80 h, Decree 195/2024).
    let mut b = Dataset::builder();
    let mut p = Provider::new("80h");
    p.period = Period::new(d(3, 1), d(3, 31));
    b.provider(p);
    let w = b.worker(Worker::new("P1", Role::Pss, dec(1))).unwrap();
    let k = b.client(Client::new("K1")).unwrap();
    eighty_one_hours(&mut b, w, k, 3, 155);
    let ds = b.build();
    // Every hour of the month at 145: 81 rows over by 10 → 810.
    let all = Audit::new(&ds).run();
    assert_eq!(all.value("fees.rows_over_cap"), Some(dec(81)));
    assert_eq!(all.value("fees.excess_total"), Some(dec(810)));
    assert_eq!(all.value("target.clients_over_80h"), Some(dec(1)));
    // Only the 81st hour at 145: one row over by 10.
    let above = Audit::new(&ds)
        .eighty_hour_rule(EightyHourRule::HoursAbove80)
        .run();
    assert_eq!(above.value("fees.rows_over_cap"), Some(dec(1)));
    assert_eq!(above.value("fees.excess_total"), Some(dec(10)));
}

#[test]
fn a_month_over_80_hours_in_2025_is_capped_at_145() {
    // Decree 195/2024, from 1.7.2024: 165 Kč an hour, 145 Kč for a client
    // served more than 80 hours in the calendar month. K1 receives 81
    // one-hour b1 visits in May 2025 (81 h > 80 h), so every hour of that
    // month meets the 145 cap.
    // At 148 Kč: each of the 81 rows is over by 148 − 145 = 3 Kč, 243 Kč in
    // all (the table had 150 and found nothing here).
    // At 145 Kč: exactly the cap, not over (strictly greater is over).
    let month = |fee: i64| {
        let mut b = Dataset::builder();
        let mut p = Provider::new("80h");
        p.period = Period::new(d(5, 1), d(5, 31));
        b.provider(p);
        let w = b.worker(Worker::new("P1", Role::Pss, dec(1))).unwrap();
        let k = b.client(Client::new("K1")).unwrap();
        eighty_one_hours(&mut b, w, k, 5, fee);
        Audit::new(&b.build()).run()
    };
    let r = month(148);
    assert_eq!(r.value("fees.rows_over_cap"), Some(dec(81)));
    assert_eq!(r.value("fees.excess_total"), Some(dec(243)));
    let over: Vec<_> = (r.findings.iter())
        .filter(|f| f.kind == FindingKind::FeeOverCap)
        .collect();
    assert_eq!(over.len(), 81);
    assert!(
        over.iter().all(|f| f.amount == Some(dec(3))),
        "{:?}",
        over[0]
    );
    let r = month(145);
    assert_eq!(r.value("fees.rows_over_cap"), Some(dec(0)));
    assert_eq!(r.value("fees.excess_total"), Some(dec(0)));
}

#[test]
fn eighty_hour_rule_is_per_client_and_month() {
    // Two clients over March-April 2025. K2 (the second client) has 81
    // one-hour b1 visits in March (the first month) at 155 Kč; K1 has two
    // in April at 155 Kč. Only K2's March is over 80 hours, so only its 81
    // rows meet the lower 145 Kč cap: 81 rows over by 10 Kč = 810 Kč. K1's
    // April rows are under the full 165 Kč cap. (Mixing up client and month
    // would flag K1 in April instead: 2 rows, 20 Kč.)
    let mut b = Dataset::builder();
    let mut p = Provider::new("80h");
    p.period = Period::new(d(3, 1), d(4, 30));
    b.provider(p);
    let w = b.worker(Worker::new("P1", Role::Pss, dec(1))).unwrap();
    let k1 = b.client(Client::new("K1")).unwrap();
    let k2 = b.client(Client::new("K2")).unwrap();
    eighty_one_hours(&mut b, w, k2, 3, 155);
    for day in [1, 2] {
        b1_hour(&mut b, w, k1, (4, day), 8, 155);
    }
    let r = Audit::new(&b.build()).run();
    assert_eq!(r.value("fees.rows_over_cap"), Some(dec(81)));
    assert_eq!(r.value("fees.excess_total"), Some(dec(810)));
    assert_eq!(r.value("target.clients_over_80h"), Some(dec(1)));
}

#[test]
fn distinct_workers_per_client_month_and_clients_per_worker() {
    // Rows in this input order (worker, client, date):
    //   A K1 3.3, B K1 3.4, A K1 3.5, A K1 4.2, B K2 4.3, B K1 3.4 (again).
    // Client-months: K1 March {A, B} = 2, K1 April {A} = 1, K2 April {B} = 1;
    // continuity (4 workers over 3 client-months) = 4/3; per month:
    // March 2, April 1 + 1 = 2. A served {K1} = 1 client, B {K1, K2} = 2.
    // Contacts (worker-day-client): A 3.3, A 3.5, A 4.2, B 3.4 (twice, one
    // contact), B 4.3 = 5.
    let mut b = Dataset::builder();
    let mut p = Provider::new("continuity");
    p.period = Period::new(d(3, 1), d(4, 30));
    b.provider(p);
    let a = b.worker(Worker::new("A", Role::Pss, dec(1))).unwrap();
    let bw = b.worker(Worker::new("B", Role::Pss, dec(1))).unwrap();
    let k1 = b.client(Client::new("K1")).unwrap();
    let k2 = b.client(Client::new("K2")).unwrap();
    let b1 = b.find_task("b1").unwrap();
    for (w, k, month, day, h) in [
        (a, k1, 3, 3, 8),
        (bw, k1, 3, 4, 8),
        (a, k1, 3, 5, 8),
        (a, k1, 4, 2, 8),
        (bw, k2, 4, 3, 8),
        (bw, k1, 3, 4, 10),
    ] {
        b.visit(Visit::new(d(month, day), w, Some(k), b1, 1800).with_start(hm(h, 0)))
            .unwrap();
    }
    let r = Audit::new(&b.build()).run();
    assert_eq!(r.value("staff.continuity"), Some(dec(4) / dec(3)));
    let per_month: Vec<u64> = r.months.iter().map(|m| m.client_workers).collect();
    assert_eq!(per_month, [2, 2]);
    let clients: Vec<u64> = r.workers.iter().map(|w| w.clients).collect();
    assert_eq!(clients, [1, 2]);
    let contacts: u64 = r.clients.iter().map(|c| c.contacts).sum();
    assert_eq!(contacts, 5);
}

#[test]
fn per_unit_caps_and_their_notes() {
    // December 2022 to January 2023. Caps (provisional, Decree 34/2022 from
    // 1.3.2022): laundry d7 80 Kč/kg, meal delivery c2 40 Kč; from 1.1.2023
    // neither cap is known; c1 (meals) has no unit cap at all.
    //   d7 2.5 kg   210 Kč: cap 200, over by 10
    //   d7 1.25 kg  100 Kč: cap 100, not over
    //   d7 0.333 kg 26.65 Kč: cap 26.64, over by 0.01
    //   c2 5.12.2022 45 Kč: cap 40, over by 5
    //   c2 5.1.2023  45 Kč: no cap known on the date (noted)
    //   c1 75 Kč: no unit cap (noted)
    // Over: 3 rows, 15.01 Kč.
    let mut b = Dataset::builder();
    let mut p = Provider::new("units");
    p.period = Period::new(
        NaiveDate::from_ymd_opt(2022, 12, 1).unwrap(),
        NaiveDate::from_ymd_opt(2023, 1, 31).unwrap(),
    );
    b.provider(p);
    let w = b.worker(Worker::new("P1", Role::Pss, dec(1))).unwrap();
    let k = b.client(Client::new("K1")).unwrap();
    let day = |m, dd| {
        let y = if m == 12 { 2022 } else { 2023 };
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    };
    for (code, m, dd, kg, fee) in [
        ("d7", 12, 1, Decimal::new(25, 1), Decimal::new(210, 0)),
        ("d7", 12, 2, Decimal::new(125, 2), Decimal::new(100, 0)),
        ("d7", 12, 3, Decimal::new(333, 3), Decimal::new(2665, 2)),
        ("c2", 12, 5, dec(1), dec(45)),
        ("c2", 1, 5, dec(1), dec(45)),
        ("c1", 12, 6, dec(1), dec(75)),
    ] {
        let task = b.find_task(code).unwrap();
        b.visit(
            Visit::new(day(m, dd), w, Some(k), task, 600)
                .with_quantity(kg)
                .with_fee(fee),
        )
        .unwrap();
    }
    let r = Audit::new(&b.build()).run();
    assert_eq!(r.value("fees.rows_over_cap"), Some(dec(3)));
    assert_eq!(r.value("fees.excess_total"), Some(Decimal::new(1501, 2)));
    let notes: Vec<&str> = r.parameters.notes.iter().map(|n| n.en.as_str()).collect();
    let notes = notes.join("\n");
    assert!(
        notes.contains("Fees of tasks c1, c2 were not checked"),
        "{notes}"
    );
    assert!(
        notes.contains("Caps of tasks c2, d7 are provisional"),
        "{notes}"
    );
}

#[test]
fn a_row_too_long_to_end_in_u32_seconds_does_not_overflow() {
    // Minutes are read up to 71 582 788 (u32::MAX seconds), so a row can
    // start at 23:00 (82 800 s) and last u32::MAX − 10 s: its end does not
    // fit in u32 (this panicked in debug builds). It saturates, and the
    // next row (23:01:40) overlaps it: one overlap, one long day.
    let mut b = Dataset::builder();
    let w = b.worker(Worker::new("P1", Role::Pss, dec(1))).unwrap();
    let k = b.client(Client::new("K1")).unwrap();
    let b1 = b.find_task("b1").unwrap();
    let day = d(3, 3);
    b.visit(Visit::new(day, w, Some(k), b1, u32::MAX - 10).with_start(82_800))
        .unwrap();
    b.visit(Visit::new(day, w, Some(k), b1, 600).with_start(82_900))
        .unwrap();
    let r = Audit::new(&b.build()).run();
    let count = |kind| r.findings.iter().filter(|f| f.kind == kind).count();
    assert_eq!(count(FindingKind::Overlap), 1);
    assert_eq!(count(FindingKind::LongDay), 1);
}

#[test]
fn staffing() {
    let r = Audit::new(&lhota(true)).run();
    let v = |id: &str| r.value(id);
    // Average FTE: PSS 1 + 0.5 × 184/365 = 457/365; SP 1; VED 0.5.
    close(v("staff.fte.PSS"), dec(457) / dec(365));
    assert_eq!(v("staff.fte.SP"), Some(dec(1)));
    assert_eq!(v("staff.fte.VED"), Some(Decimal::new(5, 1)));
    for role in ["ADM", "RID", "ZDR", "JIN"] {
        assert_eq!(v(&format!("staff.fte.{role}")), Some(dec(0)), "{role}");
    }
    close(v("staff.fte_total"), Decimal::new(10045, 1) / dec(365));
    // 457/365 ÷ 1004.5/365 = 457 / 1004.5.
    close(
        v("staff.direct_fte_share"),
        dec(457) / Decimal::new(10045, 1),
    );
    // PSS available: P1 2008 − 200 = 1808; P2 contract 0.5 × 8 × 127
    // working days = 508, leave 5 × 40 × 0.5 × 184/365 = 18 400/365.
    // Sum = (2316 × 365 − 18 400)/365 = 826 940/365. All direct hours are
    // PSS hours: 325/60.
    close(
        v("staff.utilization"),
        dec(325) / dec(60) / (dec(826_940) / dec(365)),
    );
    // Travel 65 / (325 + 65).
    close(v("staff.travel_share"), dec(65) / dec(390));
    // (325/60) / (457/365), annualised × 1.
    close(
        v("staff.direct_hours_per_fte"),
        dec(325) / dec(60) / (dec(457) / dec(365)),
    );
    // 3 clients / (457/365) FTE.
    close(
        v("staff.clients_per_direct_fte"),
        dec(3) / (dec(457) / dec(365)),
    );
    // 3 clients / 1 SP FTE.
    assert_eq!(v("staff.clients_per_social_worker"), Some(dec(3)));
    // Productive: P1 1808 − 30 = 1778; P2 508 − 18 400/365 − 12 (24 × 6/12).
    // Σ = (2274 × 365 − 18 400)/365 = 811 610/365; per PSS FTE:
    // 811 610/457. Needed: direct + travel of PSS = (325 + 65)/60 = 6.5 h.
    close(
        v("staff.required_fte"),
        Decimal::new(65, 1) / (dec(811_610) / dec(457)),
    );
    close(
        v("staff.adequacy"),
        dec(811_610) / dec(365) / Decimal::new(65, 1),
    );
    // PSS and SP: P1 30 ≥ 24 yes; S1 20 < 24 no; P2 unknown → 1/2, 1 unknown.
    assert_eq!(v("staff.training_compliance"), Some(Decimal::new(5, 1)));
    assert_eq!(
        r.indicator("staff.training_compliance").unwrap().unknown,
        Some(1)
    );
    // #4 Saturday 90 + #7 18:30 45 + #8 18:45 30 = 165 of 325.
    close(v("staff.out_of_hours_share"), dec(165) / dec(325));
    // Each of the 4 client-months saw one worker.
    assert_eq!(v("staff.continuity"), Some(dec(1)));
    // Contacts: (3.3 P1 K1), (3.3 P1 K2), (8.3 P1 K3), (15.7 P2 K1) = 4;
    // 325 / 4 = 81.25 min.
    assert_eq!(v("staff.mean_visit_minutes"), Some(Decimal::new(8125, 2)));
}

#[test]
fn targeting() {
    let r = Audit::new(&lhota(true)).run();
    let v = |id: &str| r.value(id);
    // Served: K1 (II), K2 (none), K3 (IV).
    let third = dec(1) / dec(3);
    close(v("target.clients_by_degree.II"), third);
    close(v("target.clients_by_degree.none"), third);
    close(v("target.clients_by_degree.IV"), third);
    for none_served in ["I", "III", "unknown"] {
        assert_eq!(
            v(&format!("target.clients_by_degree.{none_served}")),
            Some(dec(0))
        );
        assert_eq!(
            v(&format!("target.hours_by_degree.{none_served}")),
            Some(dec(0))
        );
    }
    // Hours: K1 60+30+45+30+60 = 225, K2 10, K3 90 (of 325).
    close(v("target.hours_by_degree.II"), dec(225) / dec(325));
    close(v("target.hours_by_degree.none"), dec(10) / dec(325));
    close(v("target.hours_by_degree.IV"), dec(90) / dec(325));
    close(v("target.high_dependency_share"), dec(315) / dec(325));
    // a 30 + b 120; c 10; d 165; e 0 — of 325.
    close(v("target.personal_care_share"), dec(150) / dec(325));
    close(v("target.meal_share"), dec(10) / dec(325));
    close(v("target.household_share"), dec(165) / dec(325));
    assert_eq!(v("target.contact_share"), Some(dec(0)));
    // K2's only direct row is c2 (its FAK row is optional, not direct).
    close(v("target.meal_only_share"), third);
    // Known flags among served: at risk K1 no, K2 yes (K3 unknown).
    assert_eq!(v("target.at_risk_share"), Some(Decimal::new(5, 1)));
    assert_eq!(
        r.indicator("target.at_risk_share").unwrap().unknown,
        Some(1)
    );
    assert_eq!(v("target.lives_alone_share"), Some(Decimal::new(5, 1)));
    // Age at 2025: K1 85 yes, K2 75 no, K3 unknown.
    assert_eq!(v("target.age80_share"), Some(Decimal::new(5, 1)));
    // (325/60) / 4 client-months = 65/48.
    close(v("target.hours_per_client_month"), dec(65) / dec(48));
    assert_eq!(v("target.clients_over_80h"), Some(dec(0)));
}

#[test]
fn integrity_findings_with_places() {
    let r = Audit::new(&lhota(true)).run();
    let count = |k: &str| r.value(&format!("integrity.findings.{k}"));
    // Overlaps: #10 with #1 (both 7:30–8:30) and #8 with #7 (18:45–19:15
    // inside 18:30–19:15); #2 only touches #1/#10.
    assert_eq!(count("overlap"), Some(dec(2)));
    let places: Vec<String> = r
        .findings_of(FindingKind::Overlap)
        .map(|f| f.place.as_ref().unwrap().to_string())
        .collect();
    // Placed at the later row: #8 is row 9, #10 is row 11.
    assert_eq!(places, ["Výkazy!A9", "Výkazy!A11"]);
    // #10 duplicates #1.
    assert_eq!(count("duplicate"), Some(dec(1)));
    let dup = r.findings_of(FindingKind::Duplicate).next().unwrap();
    assert_eq!(dup.place.as_ref().unwrap().to_string(), "Výkazy!A11");
    assert!(dup.detail.en.contains("Výkazy!A2"), "{}", dup.detail);
    // P1 on 3.3.: 310 min of rows + 35 of travel < 12 h; March 435 min
    // against 168 h of contract: neither is a finding.
    for k in [
        "long_day",
        "over_contract",
        "outside_period",
        "outside_employment",
        "outside_contract",
        "duration",
        "midnight",
    ] {
        assert_eq!(count(k), Some(dec(0)), "{k}");
    }
}

#[test]
fn integrity_of_a_bad_timesheet() {
    // P1 (0.1 FTE) employed from 5.3.2025; K1's contract from 10.3.;
    // period March 2025.
    let mut b = Dataset::builder();
    let mut p = Provider::new("x");
    p.period = Period::new(d(3, 1), d(3, 31));
    b.provider(p);
    let w = b
        .worker(
            Worker::new("P1", Role::Pss, Decimal::new(1, 1)).with_employment(Some(d(3, 5)), None),
        )
        .unwrap();
    let k = b
        .client(Client::new("K1").with_contract(Some(d(3, 10)), None))
        .unwrap();
    let b1 = b.find_task("b1").unwrap();
    let mut push = |v: Visit| b.visit(v).unwrap();
    // 2.3.: before employment and contract; 0 minutes.
    push(Visit::new(d(3, 2), w, Some(k), b1, 0));
    // 12.3.: 13 h in one row (over 720 min and a 12-hour day).
    push(Visit::new(d(3, 12), w, Some(k), b1, 13 * 3600).with_start(hm(6, 0)));
    // 1.4.: outside the period.
    push(Visit::new(d(4, 1), w, Some(k), b1, 1800));
    // Three rows overlapping each other on 20.3.: three pairs.
    for s in [hm(8, 0), hm(8, 10), hm(8, 20)] {
        push(Visit::new(d(3, 20), w, Some(k), b1, 3600).with_start(s));
    }
    let mut flagged = Visit::new(d(3, 21), w, Some(k), b1, 600);
    flagged.flags.passes_midnight = true;
    flagged.flags.minutes_mismatch = true;
    flagged.flags.incomplete_times = true;
    push(flagged);
    let r = Audit::new(&b.build()).run();
    let count = |k: &str| r.value(&format!("integrity.findings.{k}")).unwrap();
    // Employment from 5.3. with no end: only the 2.3. row is outside it.
    assert_eq!(count("outside_employment"), dec(1));
    // Contract from 10.3. with no end: again only 2.3.
    assert_eq!(count("outside_contract"), dec(1));
    assert_eq!(count("duration"), dec(2)); // 0 min and 780 min
    assert_eq!(count("long_day"), dec(1));
    assert_eq!(count("outside_period"), dec(1));
    assert_eq!(count("overlap"), dec(3));
    assert_eq!(count("midnight"), dec(1));
    assert_eq!(count("minutes_mismatch"), dec(1));
    assert_eq!(count("incomplete_times"), dec(1));
    assert_eq!(count("duplicate"), dec(0));
    // P1 at 0.1 FTE: March from 5.3. has 19 working days → contract
    // 0.1 × 8 × 19 = 15.2 h; worked 13 + 3 + 1/6 h = 16.17 h → over.
    assert_eq!(count("over_contract"), dec(1));
}

#[test]
fn not_available_is_never_zero() {
    // Without costs every cost indicator is not available, with a reason.
    let r = Audit::new(&lhota(false)).run();
    for id in [
        "cost.total",
        "cost.per_direct_hour",
        "revenue.fee_share",
        "result.balance",
        "cost.unfunded_per_hour",
    ] {
        let i = r.indicator(id).unwrap();
        assert_eq!(i.value, None, "{id}");
        assert!(i.unavailable.as_ref().unwrap().en.contains("Costs"), "{id}");
    }
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["indicators"]["cost.total"]["value"],
        serde_json::Value::Null
    );
    assert_eq!(
        json["indicators"]["cost.total"]["reason"],
        "no Costs sheet (Náklady) was given"
    );
    // Fees per hour still come from the rows.
    assert!(r.value("fees.per_direct_hour").is_some());

    // No social worker, no PSS, no visits.
    let mut b = Dataset::builder();
    let mut p = Provider::new("empty");
    p.period = Period::new(d(1, 1), d(12, 31));
    b.provider(p);
    b.worker(Worker::new("V1", Role::Ved, dec(1))).unwrap();
    let r = Audit::new(&b.build()).run();
    for id in [
        "staff.utilization",
        "staff.adequacy",
        "staff.clients_per_social_worker",
        "cost.total",
        "target.high_dependency_share",
        "staff.mean_visit_minutes",
        "fees.cap_use",
    ] {
        assert_eq!(r.indicator(id).unwrap().value, None, "{id}");
    }
    // No period at all: every indicator is listed, none has a value.
    let r = Audit::new(&Dataset::builder().build()).run();
    assert!(r.indicators.len() > 60);
    assert!(
        r.indicators
            .values()
            .all(|i| i.value.is_none() && i.unavailable.is_some())
    );
    // A period a workbook cannot hold (only code can give one): not
    // audited, said why, nothing allocated for its 95 million days. One
    // ending at chrono's last date also panicked (counting its working
    // days stepped past it; found by the audit_dataset fuzz target).
    for (from, to) in [(NaiveDate::MIN, d(3, 1)), (d(3, 1), NaiveDate::MAX)] {
        let mut b = Dataset::builder();
        let mut p = Provider::new("far");
        p.period = Period::new(from, to);
        b.provider(p);
        let r = Audit::new(&b.build()).run();
        let why = r
            .indicator("cost.total")
            .unwrap()
            .unavailable
            .clone()
            .unwrap();
        assert!(
            format!("{why:?}").contains("period outside the years 0–9999"),
            "{why:?}"
        );
        assert!(r.indicators.values().all(|i| i.value.is_none()));
        assert!(
            r.parameters
                .notes
                .iter()
                .any(|n| n.en.contains("outside the years 0–9999"))
        );
    }
}

#[test]
fn json_follows_the_contract() {
    let r = Audit::new(&lhota(true)).run();
    let json = serde_json::to_value(&r).unwrap();
    let i = &json["indicators"]["cost.per_client"];
    // Decimals are strings, exact; counts are integers.
    assert_eq!(i["value"], "300000");
    assert_eq!(i["unit"], "CZK/client/year");
    assert_eq!(i["numerator"], "900000");
    assert_eq!(i["denominator"], "3");
    assert_eq!(json["indicators"]["integrity.findings.overlap"]["value"], 2);
    assert_eq!(json["indicators"]["fees.rows_over_cap"]["status"], "bad");
    assert_eq!(
        json["indicators"]["fees.rows_over_cap"]["benchmark"]["max"],
        "0"
    );
    assert_eq!(json["provider"]["period"]["from"], "2025-01-01");
    let f = json["findings"].as_array().unwrap();
    assert!(
        f.iter()
            .any(|f| f["kind"] == "overlap" && f["place"] == "Výkazy!A9")
    );
    let share = json["indicators"]["target.high_dependency_share"]["value"]
        .as_str()
        .unwrap();
    assert!(share.starts_with("0.96923076923076923"), "{share}"); // 315/325
}

#[test]
fn the_caps_of_another_date_scenario() {
    // May 2025: K1 has 81 one-hour b1 visits (over 80 h in the month), K2
    // has two. Fees are charged at 100 Kč (the scenario charges caps, not
    // fees, so the fee does not matter).
    // At the caps of the rows' own dates (195/2024: 165, 145 over 80 h):
    //   81 × 145 + 2 × 165 = 11 745 + 330 = 12 075 Kč.
    // At the caps of 30.6.2024 (440/2022: 155, 135 over 80 h):
    //   81 × 135 + 2 × 155 = 10 935 + 310 = 11 245 Kč; change −830 Kč.
    // By default the date is the newest fee-cap row, 1.7.2024: change 0.
    let mut b = Dataset::builder();
    let mut p = Provider::new("Jiné datum");
    p.period = Period::new(d(5, 1), d(5, 31));
    b.provider(p);
    let w = b.worker(Worker::new("P1", Role::Pss, dec(1))).unwrap();
    let k1 = b.client(Client::new("K1")).unwrap();
    let k2 = b.client(Client::new("K2")).unwrap();
    eighty_one_hours(&mut b, w, k1, 5, 100);
    for day in [28, 29] {
        b1_hour(&mut b, w, k2, (5, day), 14, 100);
    }
    let ds = b.build();
    let scenario = |date: Option<NaiveDate>| {
        let options = homecare_audit::audit::AuditOptions {
            caps_date: date,
            ..Default::default()
        };
        let r = Audit::new(&ds).options(options).run();
        r.hour
            .scenarios
            .iter()
            .find(|s| s.id == "caps_on_date")
            .cloned()
            .unwrap()
    };
    let s = scenario(Some(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()));
    assert_eq!(s.effect("hours"), Some(dec(83)));
    assert_eq!(s.effect("hours_over_80h"), Some(dec(81)));
    assert_eq!(s.effect("cap"), Some(dec(155)));
    assert_eq!(s.effect("cap_over_80h"), Some(dec(135)));
    assert_eq!(s.effect("fees_at_own_caps"), Some(dec(12_075)));
    assert_eq!(s.effect("fees_at_date_caps"), Some(dec(11_245)));
    assert_eq!(s.effect("revenue_change"), Some(dec(-830)));
    let s = scenario(None);
    assert_eq!(s.date, NaiveDate::from_ymd_opt(2024, 7, 1));
    assert_eq!(s.effect("revenue_change"), Some(dec(0)));
    // Before 2007 there is no cap: not available, with the reason.
    let s = scenario(Some(NaiveDate::from_ymd_opt(2006, 1, 1).unwrap()));
    assert!(s.effects.is_empty());
    assert!(s.unavailable.is_some());
}

/// A writing error chains the writer's error through `source()` and does
/// not repeat it in its message; `describe` gives an auditor both on one
/// line.
#[test]
fn write_error_chains_its_cause() {
    use std::error::Error as _;
    let ds = homecare_audit::synth::Synth::new(3, 50).dataset();
    let r = homecare_audit::Audit::new(&ds).run();
    // A folder that does not exist: the writer cannot create the file.
    let path = std::path::Path::new("/nonexistent-homecare-dir/zprava.xlsx");
    let e = homecare_audit::workbook::ReportWorkbook::new(&r, &ds)
        .save(path)
        .unwrap_err();
    assert!(matches!(e.kind(), homecare_audit::ErrorKind::Write { .. }));
    let cause = e
        .source()
        .expect("the writer's error is the source")
        .to_string();
    assert!(!cause.is_empty());
    assert_eq!(
        e.to_string(),
        "/nonexistent-homecare-dir/zprava.xlsx: cannot write the workbook"
    );
    assert!(!e.to_string().contains(&cause));
    assert_eq!(
        e.describe(homecare_audit::Lang::Cs),
        format!("/nonexistent-homecare-dir/zprava.xlsx: sešit nelze zapsat: {cause}")
    );
}
