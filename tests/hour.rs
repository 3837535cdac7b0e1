//! What an hour costs: travel by visit length on a hand-made day, the
//! build-up and the scenarios on a small provider, the normative model on
//! parameters chosen so that every line can be checked by hand.

use chrono::NaiveDate;
use homecare_audit::audit::Audit;
use homecare_audit::audit::hour_cost::NormativePrice;
use homecare_audit::model::NormativeParams;
use homecare_audit::{
    CareDegree, Client, CostCategory, CostLine, Dataset, Period, Provider, Role, Visit, Worker,
};
use rust_decimal::Decimal;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).unwrap()
}
fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}
fn hm(h: u32, m: u32) -> u32 {
    h * 3600 + m * 60
}
/// Rounds half away from zero to `dp` places (the display rule).
fn round(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// One care worker's two days in January 2025.
///
/// Monday 6.1., every row with a start (a recorded sequence):
///   07:00 CESTA 10 min
///   07:10 K1 b1 20 min ┐ visit A: 30 min, travel 10 before it
///   07:30 K1 a2 10 min ┘
///   07:40 CESTA 15 min
///   07:55 K2 c2  5 min   visit B: 5 min, travel 15
///   08:00 K3 d1 50 min, travel 12 written on the row: visit C, travel 12
///   08:50 ADM   30 min   (ends visit C)
///   09:20 K3 d1 70 min, travel 8 on the row: visit D (a new visit)
///   10:30 CESTA 20 min   (the way home: goes to the day's last visit, D)
/// Tuesday 7.1., no start time: K1 b1 45 min, travel 10: visit E, not
/// banded (no recorded sequence).
fn two_days() -> Dataset {
    let mut b = Dataset::builder();
    let mut p = Provider::new("Ves");
    p.period = Period::new(d(1, 1), d(1, 31));
    b.provider(p);
    let w = b
        .worker(Worker::new("P1", Role::Pss, Decimal::ONE))
        .unwrap();
    let k1 = b.client(Client::new("K1")).unwrap();
    let k2 = b.client(Client::new("K2")).unwrap();
    let k3 = b.client(Client::new("K3")).unwrap();
    let t = |b: &homecare_audit::DatasetBuilder, c: &str| b.find_task(c).unwrap();
    let (b1, a2, c2, d1, cesta, adm) = (
        t(&b, "b1"),
        t(&b, "a2"),
        t(&b, "c2"),
        t(&b, "d1"),
        t(&b, "CESTA"),
        t(&b, "ADM"),
    );
    let day = d(1, 6);
    let rows = [
        Visit::new(day, w, None, cesta, 600).with_start(hm(7, 0)),
        Visit::new(day, w, Some(k1), b1, 1200).with_start(hm(7, 10)),
        Visit::new(day, w, Some(k1), a2, 600).with_start(hm(7, 30)),
        Visit::new(day, w, None, cesta, 900).with_start(hm(7, 40)),
        Visit::new(day, w, Some(k2), c2, 300).with_start(hm(7, 55)),
        Visit::new(day, w, Some(k3), d1, 3000)
            .with_start(hm(8, 0))
            .with_travel(720),
        Visit::new(day, w, None, adm, 1800).with_start(hm(8, 50)),
        Visit::new(day, w, Some(k3), d1, 4200)
            .with_start(hm(9, 20))
            .with_travel(480),
        Visit::new(day, w, None, cesta, 1200).with_start(hm(10, 30)),
        Visit::new(d(1, 7), w, Some(k1), b1, 2700).with_travel(600),
    ];
    for v in rows {
        b.visit(v).unwrap();
    }
    b.build()
}

#[test]
fn travel_per_contact_hour_on_a_small_day_schedule() {
    let ds = two_days();
    let r = Audit::new(&ds).run();
    let t = &r.hour.travel;
    // Visits A–E: contact 30 + 5 + 50 + 70 + 45 = 200 min; travel
    // 10 + 15 + 12 + (8 + 20) + 10 = 75 min.
    assert_eq!(t.visits, 5);
    assert_eq!(t.contact_seconds, 200 * 60);
    assert_eq!(t.travel_seconds, 75 * 60);
    // Mean visit 40 min, mean travel 15 min: (60 / 40) × 15 = 22.5.
    assert_eq!(t.mean_visit_minutes, Some(dec("40")));
    assert_eq!(t.mean_travel_minutes, Some(dec("15")));
    assert_eq!(t.travel_minutes_per_contact_hour, Some(dec("22.5")));
    assert_eq!(
        (t.sequenced_days, t.unsequenced_days, t.unsequenced_visits),
        (1, 1, 1)
    );
    // By band, Monday only: ≤15 B (5 min, 15 travel) → 15 × 60 / 5 = 180;
    // 16–30 A (30, 10) → 20; 31–45 none; 46–60 C (50, 12) → 14.4;
    // over 60 D (70, 28) → 24.
    let per = |id: &str| {
        let b = t.bands.iter().find(|b| b.id == id).unwrap();
        (b.visits, b.travel_minutes_per_contact_hour)
    };
    assert_eq!(per("le15"), (1, Some(dec("180"))));
    assert_eq!(per("le30"), (1, Some(dec("20"))));
    assert_eq!(per("le45"), (0, None));
    assert_eq!(per("le60"), (1, Some(dec("14.4"))));
    assert_eq!(per("gt60"), (1, Some(dec("24"))));
    // No costs: no build-up, said why; the bands then carry no cost.
    assert!(r.hour.buildup.is_none());
    assert!(
        r.hour
            .buildup_unavailable
            .as_ref()
            .unwrap()
            .en
            .contains("Costs")
    );
    assert!(t.bands.iter().all(|b| b.cost_per_contact_hour.is_none()));
}

/// A year of one care worker (P1, personnel cost 500 000 recorded) and a
/// social worker: ten one-hour visits with 15 min of travel each, so
/// 10 direct hours and 2.5 travel hours. P1's contract hours: 1.0 × 40 / 5
/// × 251 working days of 2025 = 2 008 h.
/// Costs: wages 600 000 + insurance 202 800 (personnel 802 800), fuel
/// 20 000, vehicles 30 000, overhead 47 200, rent 100 000: total 1 000 000.
fn year_with_costs() -> Dataset {
    let mut b = Dataset::builder();
    let mut p = Provider::new("Ves");
    p.period = Period::new(d(1, 1), d(12, 31));
    b.provider(p);
    let w = b
        .worker(Worker::new("P1", Role::Pss, Decimal::ONE).with_personnel_cost(dec("500000")))
        .unwrap();
    b.worker(Worker::new("S1", Role::Sp, Decimal::ONE)).unwrap();
    let k1 = b.client(Client::new("K1")).unwrap();
    let b1 = b.find_task("b1").unwrap();
    for i in 0..10 {
        let v = Visit::new(d(2, 3 + i), w, Some(k1), b1, 3600)
            .with_start(hm(8, 0))
            .with_travel(900)
            .with_fee(dec("150"));
        b.visit(v).unwrap();
    }
    b.costs_given();
    for (cat, amount) in [
        (CostCategory::Wages, "600000"),
        (CostCategory::Insurance, "202800"),
        (CostCategory::Fuel, "20000"),
        (CostCategory::Vehicles, "30000"),
        (CostCategory::Overhead, "47200"),
        (CostCategory::Rent, "100000"),
    ] {
        b.cost(CostLine::new(cat, dec(amount))).unwrap();
    }
    b.build()
}

#[test]
fn the_hour_builds_up_to_the_cost_per_direct_hour() {
    let ds = year_with_costs();
    let r = Audit::new(&ds).run();
    let bu = r.hour.buildup.as_ref().expect("a build-up");
    // 1 000 000 / 10 h = 100 000 per direct hour.
    assert_eq!(r.value("cost.per_direct_hour"), Some(dec("100000")));
    assert_eq!(bu.care_paid_hours, dec("2008"));
    // P1's 500 000 over 2 008 paid hours: direct 10 h → 500 000 × 10 / 2 008
    // = 2 490.04, i.e. 249.003984 per direct hour; travel 2.5 h → 622.51,
    // 62.250996 per hour; the rest of P1's cost is non-contact time:
    // 50 000 − 249.003984 − 62.250996 = 49 688.745020 per hour.
    let per = |id: &str| round(bu.per_hour(id), 6);
    assert_eq!(per("direct_care"), dec("249.003984"));
    assert_eq!(per("travel"), dec("62.250996"));
    assert_eq!(per("non_contact"), dec("49688.745020"));
    // Management and admin: 802 800 − 500 000 = 302 800 → 30 280 per hour;
    // vehicles and fuel 50 000 → 5 000; rent → 10 000; overhead → 4 720.
    assert_eq!(bu.per_hour("management"), dec("30280"));
    assert_eq!(bu.per_hour("vehicles"), dec("5000"));
    assert_eq!(bu.per_hour("other_operating"), dec("10000"));
    assert_eq!(bu.per_hour("overhead"), dec("4720"));
    let sum: Decimal = bu.lines.iter().map(|l| l.per_hour).sum();
    assert_eq!(sum, dec("100000"));
}

/// The provider of [`year_with_costs`] with visits of two lengths: five of
/// 30 min and five of 90 min, each with 15 min of travel, one a day with
/// a start time. Direct time is still 5 × 30 + 5 × 90 = 600 min = 10 h and
/// travel 10 × 15 = 150 min = 2.5 h, so the build-up is the same.
fn year_with_two_visit_lengths() -> Dataset {
    let mut ds = year_with_costs();
    for (i, v) in ds.visits.iter_mut().enumerate() {
        v.duration = if i < 5 { 1800 } else { 5400 };
    }
    ds
}

#[test]
fn the_cost_of_an_hour_by_visit_length_by_hand() {
    let ds = year_with_two_visit_lengths();
    let r = Audit::new(&ds).run();
    assert_eq!(r.value("cost.per_direct_hour"), Some(dec("100000")));
    let t = &r.hour.travel;
    // Overall 60 × 150 / 600 = 15 travel minutes per contact hour; the
    // 30-min visits 75 × 60 / 150 = 30, the 90-min visits 75 × 60 / 450 = 10.
    assert_eq!(t.travel_minutes_per_contact_hour, Some(dec("15")));
    let band = |id: &str| t.bands.iter().find(|b| b.id == id).unwrap();
    assert_eq!(
        band("le30").travel_minutes_per_contact_hour,
        Some(dec("30"))
    );
    assert_eq!(
        band("gt60").travel_minutes_per_contact_hour,
        Some(dec("10"))
    );
    assert_eq!(band("le15").cost_per_contact_hour, None);
    // Travel-driven cost: travel pay 500 000 × 2.5 / 2 008 plus vehicles and
    // fuel 50 000, per travel hour: k = 500 000 / 2 008 + 20 000
    // = 20 249.003984063745… The rest, F = 100 000 − k × 15 / 60, is fixed.
    // ≤ 30 min: F + k × 30 / 60 = 100 000 + k / 4 = 105 062.250996…
    // > 60 min: F + k × 10 / 60 = 100 000 − k / 12 = 98 312.583001…
    let cost = |id: &str| round(band(id).cost_per_contact_hour.unwrap(), 6);
    assert_eq!(cost("le30"), dec("105062.250996"));
    assert_eq!(cost("gt60"), dec("98312.583001"));
    // Weighted by contact time (150 and 450 min) they give the hour back:
    // (105 062.250996 + 3 × 98 312.583001) / 4 = 100 000 (to the rounding).
    let mean = (band("le30").cost_per_contact_hour.unwrap()
        + Decimal::from(3) * band("gt60").cost_per_contact_hour.unwrap())
        / Decimal::from(4);
    assert_eq!(round(mean, 10), dec("100000"));
}

#[test]
fn scenarios_on_a_small_provider_by_hand() {
    let ds = year_with_costs();
    let r = Audit::new(&ds).run();
    // Fees at the cap: ten hours of b1 in February 2025 at 150 Kč against
    // the 165 Kč cap (Decree 195/2024): +15 × 10 = +150 Kč.
    let s = r.hour.scenario("fees_at_cap").unwrap();
    assert_eq!(s.effect("rows"), Some(dec("10")));
    assert_eq!(s.effect("fees_now"), Some(dec("1500")));
    assert_eq!(s.effect("fees_at_cap"), Some(dec("1650")));
    assert_eq!(s.effect("revenue_change"), Some(dec("150")));
    // Fee share after: (1 500 + 150) / 1 000 000 = 0.00165.
    assert_eq!(s.effect("fee_share_after"), Some(dec("0.00165")));
    assert!(
        !s.assumptions.is_empty()
            && s.assumptions
                .iter()
                .all(|a| !a.cs.is_empty() && !a.en.is_empty())
    );

    // No meal-only client: nothing freed.
    let m = r.hour.scenario("meals_to_meal_service").unwrap();
    assert_eq!(m.effect("clients"), Some(Decimal::ZERO));
    assert_eq!(m.effect("fte_freed"), Some(Decimal::ZERO));

    // Target utilisation 70 % (the example parameter). P1 available hours:
    // 2 008 − 5 weeks × 40 h = 1 808. FTE needed = 10 / (1 808 × 0.7)
    // = 0.0079014… ; change = that − 1.
    let u = r.hour.scenario("target_utilisation").unwrap();
    let needed = u.effect("fte_needed").unwrap();
    assert_eq!(round(needed, 7), dec("0.0079014"));
    assert_eq!(u.effect("fte_now"), Some(Decimal::ONE));
    // Personnel cost change: (needed − 1) × 500 000 / 1 FTE, where
    // needed × 500 000 = 5 000 000 / 1 265.6 = 3 950.695…: −496 049.30.
    assert_eq!(
        round(u.effect("cost_change").unwrap(), 2),
        dec("-496049.30")
    );
}

/// Parameters chosen so that every line is whole or short:
/// 200 Kč an hour, 40 h weeks (2 080 h a year); leave 5 weeks = 200 h;
/// sickness 12.5 % of 2 080 = 260 h; training 20 h → 1 600 working hours.
/// Travel 12 min per contact hour, no administration.
fn hand_params() -> NormativeParams {
    let mut p = NormativeParams::example_cz();
    for (id, v) in [
        ("care_pay_hourly", "200"),
        ("weekly_hours", "40"),
        ("leave_weeks", "5"),
        ("sickness_share", "0.125"),
        ("training_hours", "20"),
        ("on_cost_rate", "0.338"),
        ("travel_minutes_per_contact_hour", "12"),
        ("admin_minutes_per_contact_hour", "0"),
        ("supervisor_pay_monthly", "40000"),
        ("supervisor_fte_per_care_fte", "0.1"),
        ("km_per_contact_hour", "4"),
        ("cost_per_km", "6"),
        ("overhead_share", "0.15"),
        ("margin_share", "0.05"),
    ] {
        assert!(p.set(id, dec(v)), "{id}");
    }
    p
}

#[test]
fn normative_price_worked_by_hand() {
    let p = hand_params();
    let n = NormativePrice::from_params(&p, d(12, 31)).unwrap();
    let line = |id: &str| {
        n.lines
            .iter()
            .find(|l| l.line.id == id)
            .unwrap()
            .line
            .per_hour
    };
    assert_eq!(n.working_hours, dec("1600"));
    // Time pay: contact 200, travel 200 × 12 / 60 = 40 → 240.
    assert_eq!(line("contact_pay"), dec("200"));
    assert_eq!(line("travel_pay"), dec("40"));
    // Paid time off, per working hour: leave 240 × 200 / 1 600 = 30;
    // sickness 240 × 260 / 1 600 = 39; training 240 × 20 / 1 600 = 3.
    assert_eq!(line("leave_pay"), dec("30"));
    assert_eq!(line("sickness_pay"), dec("39"));
    assert_eq!(line("training_pay"), dec("3"));
    // On-costs 33.8 % of 312 = 105.456.
    assert_eq!(line("on_costs"), dec("105.456"));
    // Management: 40 000 × 12 × 1.338 × 0.1 = 64 224 a year, over 1 600 /
    // 1.2 = 1 333.3 contact hours = 48.168.
    assert_eq!(line("management"), dec("48.168"));
    // Mileage 4 × 6 = 24.
    assert_eq!(line("mileage"), dec("24"));
    // Direct 240 + 30 + 39 + 3 + 105.456 + 48.168 + 24 = 489.624;
    // price = 489.624 / (1 − 0.15 − 0.05) = 612.03; overhead 15 % =
    // 91.8045; margin 5 % = 30.6015.
    assert_eq!(n.direct_cost, dec("489.624"));
    assert_eq!(n.price, dec("612.03"));
    assert_eq!(line("overhead"), dec("91.8045"));
    assert_eq!(line("margin"), dec("30.6015"));
    let sum: Decimal = n.lines.iter().map(|l| l.line.per_hour).sum();
    assert_eq!(sum, n.price);
}

#[test]
fn normative_beside_actual_line_by_line() {
    let mut ds = year_with_costs();
    ds.normative = Some(hand_params());
    let r = Audit::new(&ds).run();
    let c = r.hour.normative_comparison.as_ref().unwrap();
    let row = |id: &str| c.rows.iter().find(|x| x.id == id).unwrap();
    // On-costs 105.456 spread over pay 312 in proportion: contact pay 200 →
    // 200 × 1.338 = 267.6; travel 40 × 1.338 = 53.52; non-contact (30 + 39 +
    // 3) × 1.338 = 96.336.
    assert_eq!(row("direct_care").normative, dec("267.6"));
    assert_eq!(row("travel").normative, dec("53.52"));
    assert_eq!(row("non_contact").normative, dec("96.336"));
    assert_eq!(row("management").normative, dec("48.168"));
    assert_eq!(row("vehicles").normative, dec("24"));
    // Operating and overhead: actual rent 10 000 + overhead 4 720 = 14 720
    // against 91.8045: difference 14 628.1955 per hour, × 10 h.
    assert_eq!(row("overhead").actual, dec("14720"));
    assert_eq!(row("overhead").difference, dec("14628.1955"));
    assert_eq!(row("overhead").difference_total, dec("146281.955"));
    // In total: 100 000 − 612.03 = 99 387.97 per hour.
    assert_eq!(c.difference, dec("99387.97"));
    let n: Decimal = c.rows.iter().map(|x| x.normative).sum();
    let a: Decimal = c.rows.iter().map(|x| x.actual).sum();
    assert_eq!(n, dec("612.03"));
    assert_eq!(a, dec("100000"));
}

#[test]
fn parameters_that_leave_no_price_say_why() {
    // Outside a parameter's range (overhead at most 60 % of the price,
    // leave at most 26 weeks): refused, naming the parameter and range.
    let mut p = hand_params();
    p.set("overhead_share", dec("0.96"));
    let e = NormativePrice::from_params(&p, d(12, 31)).unwrap_err();
    assert!(matches!(
        e.kind(),
        homecare_audit::ErrorKind::NotAvailable { .. }
    ));
    assert_eq!(
        e.to_string(),
        "model parameter overhead_share = 0.96 is outside 0–0.6"
    );
    let mut p = hand_params();
    p.set("leave_weeks", dec("60"));
    let e = NormativePrice::from_params(&p, d(12, 31)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "model parameter leave_weeks = 60 is outside 0–26"
    );
    // Inside every range but nothing left: a 1-hour week gives 52 h a
    // year; 26 weeks' leave take 26 h and sickness at 50 % the other 26.
    let mut p = hand_params();
    p.set("weekly_hours", dec("1"));
    p.set("leave_weeks", dec("26"));
    p.set("sickness_share", dec("0.5"));
    p.set("training_hours", dec("0"));
    let e = NormativePrice::from_params(&p, d(12, 31)).unwrap_err();
    assert!(e.to_string().contains("less than one working hour"), "{e}");
}

#[test]
fn legal_on_costs_are_taken_by_date_and_employer() {
    let mut p = hand_params();
    p.on_cost_rate = None;
    p.public_employer = false;
    // 24.8 % + 9 % + 0.28 % (provisional) = 34.08 %.
    let n = NormativePrice::from_params(&p, d(12, 31)).unwrap();
    assert_eq!(n.on_cost_rate, dec("0.3408"));
    p.public_employer = true;
    // + FKSP 2 % at a public employer.
    let n = NormativePrice::from_params(&p, d(12, 31)).unwrap();
    assert_eq!(n.on_cost_rate, dec("0.3608"));
    assert!(!n.on_costs_extrapolated);
    // Before the table's first rows (1.1.2024): the oldest rows, said so.
    let old = NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
    let n = NormativePrice::from_params(&p, old).unwrap();
    assert_eq!(n.on_cost_rate, dec("0.3608"));
    assert!(n.on_costs_extrapolated);
}

#[test]
fn care_turned_to_higher_dependency() {
    // March 2025 (one month). P1, a PSS at 1.0 FTE all month, makes every
    // visit (one a day, 8:00, travel before it on the row):
    //   L1 (no allowance): 4 × b1 60 min, travel 10 min, fee 150
    //   L2 (degree I):     2 × d1 30 min, travel 20 min, fee 50
    //   H1 (degree III):   6 × b1 60 min, travel 15 min, fee 160
    //   H2 (degree IV):    2 × b1 60 min, travel 15 min, fee 170 (over 165)
    //   M  (degree II):    3 × a2 60 min, no travel,     fee 100
    // Costs: wages 40 000 (personnel), rent 10 000. Inputs: half the hours
    // of L1 and L2 stop; 2 new clients of degree III or IV.
    //
    // Low clients: direct 4 + 1 = 5 h, travel 40 + 40 = 80 min, fees 700.
    //   freed: 2.5 h direct, 40 min = 2/3 h travel; fees lost 350.
    // High clients (III, IV): direct 8 h in 2 client-months: 4 h a month;
    //   travel 120 min = 2 h, 1/4 of their direct hours.
    //   New: 2 clients × 4 h × 1 month = 8 h direct, 2 h travel.
    //   Fees a client-month: H1 960 (under 6 × 165 = 990); H2 340 capped
    //   to 2 × 165 = 330; mean 645; gained 2 × 1 × 645 = 1 290.
    //   Change in fees: 1 290 − 350 = 940.
    // Direct now 5 + 8 + 3 = 16 h; after 16 − 2.5 + 8 = 21.5 h.
    // Degree II–IV hours: 8 + 3 = 11 now; after (11 + 8) / 21.5 = 19 / 21.5.
    // PSS FTE at today's utilisation: 1 × 21.5 / 16 = 1.34375.
    // Cost after: 50 000 + (1.34375 − 1) × 40 000 (the care workers' cost:
    //   all personnel cost, P1 is the only worker) = 63 750; per direct
    //   hour 63 750 / 21.5.
    let mut b = Dataset::builder();
    let mut p = Provider::new("Přesun");
    p.period = Period::new(d(3, 1), d(3, 31));
    b.provider(p);
    let w = b.worker(Worker::new("P1", Role::Pss, dec("1"))).unwrap();
    let mut client = |id: &str, degree: CareDegree| {
        let mut c = Client::new(id);
        c.care_allowance = Some(degree);
        b.client(c).unwrap()
    };
    let l1 = client("L1", CareDegree::None);
    let l2 = client("L2", CareDegree::I);
    let h1 = client("H1", CareDegree::III);
    let h2 = client("H2", CareDegree::IV);
    let m = client("M", CareDegree::II);
    let mut day = 2;
    for (c, task, minutes, travel, fee, n) in [
        (l1, "b1", 60, 10, "150", 4),
        (l2, "d1", 30, 20, "50", 2),
        (h1, "b1", 60, 15, "160", 6),
        (h2, "b1", 60, 15, "170", 2),
        (m, "a2", 60, 0, "100", 3),
    ] {
        let task = b.find_task(task).unwrap();
        for _ in 0..n {
            b.visit(
                Visit::new(d(3, day), w, Some(c), task, minutes * 60)
                    .with_start(hm(8, 0))
                    .with_travel(travel * 60)
                    .with_fee(dec(fee)),
            )
            .unwrap();
            day += 1;
        }
    }
    b.cost(CostLine::new(CostCategory::Wages, dec("40000")))
        .unwrap();
    b.cost(CostLine::new(CostCategory::Rent, dec("10000")))
        .unwrap();
    let ds = b.build();
    let options = homecare_audit::audit::AuditOptions {
        retarget_low_share: Some(dec("0.5")),
        retarget_new_clients: Some(dec("2")),
        ..Default::default()
    };
    let r = Audit::new(&ds).options(options).run();
    let s = r
        .hour
        .scenarios
        .iter()
        .find(|s| s.id == "retarget_high_dependency")
        .unwrap();
    assert_eq!(s.unavailable, None);
    let e = |id: &str| s.effect(id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(e("direct_hours_freed"), dec("2.5"));
    // 2/3 h, to Decimal's 28 digits.
    assert!((e("travel_hours_freed") - dec("2") / dec("3")).abs() < dec("1e-26"));
    assert_eq!(e("fees_lost"), dec("350"));
    assert_eq!(e("direct_hours_per_client_month_iii_iv"), dec("4"));
    assert_eq!(e("direct_hours_new"), dec("8"));
    assert_eq!(e("travel_hours_new"), dec("2"));
    assert_eq!(e("fees_gained"), dec("1290"));
    assert_eq!(e("fee_change"), dec("940"));
    assert_eq!(e("high_dependency_share_after"), dec("19") / dec("21.5"));
    assert_eq!(e("fte_now"), dec("1"));
    assert_eq!(e("fte_needed"), dec("1.34375"));
    assert_eq!(e("cost_per_direct_hour_after"), dec("63750") / dec("21.5"));

    // Without clients of degree III or IV nothing says what new ones need:
    // the effects that rest on it are not available, with the reason.
    let mut b = Dataset::builder();
    let mut p = Provider::new("Bez III a IV");
    p.period = Period::new(d(3, 1), d(3, 31));
    b.provider(p);
    let w = b.worker(Worker::new("P1", Role::Pss, dec("1"))).unwrap();
    let mut c = Client::new("L1");
    c.care_allowance = Some(CareDegree::I);
    let c = b.client(c).unwrap();
    let b1 = b.find_task("b1").unwrap();
    b.visit(Visit::new(d(3, 3), w, Some(c), b1, 3600).with_fee(dec("100")))
        .unwrap();
    let r = Audit::new(&b.build()).run();
    let s = (r.hour.scenarios.iter())
        .find(|s| s.id == "retarget_high_dependency")
        .unwrap();
    assert!(
        s.unavailable
            .as_ref()
            .unwrap()
            .en
            .contains("no client of degree III or IV")
    );
    assert_eq!(s.effect("direct_hours_new"), None);
    // Half the 1 h of the example inputs (0.5) is freed all the same.
    assert_eq!(s.effect("direct_hours_freed"), Some(dec("0.5")));
}
