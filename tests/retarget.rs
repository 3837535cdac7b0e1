//! The retargeting scenario (care turned to clients of higher dependency)
//! on providers small enough to work by hand, each figure worked out in the
//! comments from docs/hour.md: the new clients' fees capped row by row, the
//! care workers' hours without a social worker's, and the inputs used
//! printed where they were used.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use homecare_audit::audit::hour_cost::Scenario;
use homecare_audit::audit::{Audit, AuditOptions, AuditReport};
use homecare_audit::workbook::ReportWorkbook;
use homecare_audit::{
    CareDegree, Client, ClientId, Dataset, DatasetBuilder, Lang, Period, Provider, Role, Visit,
    Worker, WorkerId,
};
use rust_decimal::Decimal;

fn march(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, day).unwrap()
}
fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A provider of March 2025 (one month), no rows yet.
fn provider(name: &str) -> DatasetBuilder {
    let mut b = Dataset::builder();
    let mut p = Provider::new(name);
    p.period = Period::new(march(1), march(31));
    b.provider(p);
    b
}

fn client(b: &mut DatasetBuilder, id: &str, degree: CareDegree) -> ClientId {
    let mut c = Client::new(id);
    c.care_allowance = Some(degree);
    b.client(c).unwrap()
}

/// One row: `minutes` of `task` on `day` March, with a fee when given.
fn row(
    b: &mut DatasetBuilder,
    day: u32,
    w: WorkerId,
    c: ClientId,
    task: &str,
    minutes: u32,
    fee: Option<&str>,
) {
    let task = b.find_task(task).unwrap();
    let mut v = Visit::new(march(day), w, Some(c), task, minutes * 60);
    if let Some(f) = fee {
        v = v.with_fee(dec(f));
    }
    b.visit(v).unwrap();
}

fn run(ds: &Dataset, share: &str, clients: u32) -> AuditReport {
    let options = AuditOptions {
        retarget_low_share: Some(dec(share)),
        retarget_new_clients: Some(Decimal::from(clients)),
        ..Default::default()
    };
    Audit::new(ds).options(options).run()
}

fn retarget(r: &AuditReport) -> &Scenario {
    r.hour.scenario("retarget_high_dependency").unwrap()
}

#[test]
fn the_new_clients_fees_are_capped_row_by_row() {
    // March 2025: the hourly cap is 165 Kč/h, 145 Kč/h for a client with
    // more than 80 h of hourly tasks in the month (law::built_in).
    // H1 (degree III), one client-month:
    //   b1 60 min, fee 200 → at most 1 h × 165 = 165 (35 over the cap)
    //   b1 60 min, fee 100 → 100 (under its cap of 165)
    //   b1 20 min, fee  60 → at most 20/60 h × 165 = 55
    //   c2  5 min, fee  30 → 30 (a per-act task: the fee as recorded)
    //   H1's month: 165 + 100 + 55 + 30 = 350. (Capped as one month, the
    //   hourly fees 360 are under 2 h 20 min × 165 = 385 and the 35 over the
    //   cap on the first row would count: 390.)
    // H2 (degree IV), one client-month: 11 × b1 8 h, fee 1 200 each = 88 h
    //   of hourly tasks, over 80 h: every row at most 8 × 145 = 1 160.
    //   H2's month: 11 × 1 160 = 12 760.
    // Fees per client-month: (350 + 12 760) / 2 = 6 555.
    // One new client for the one month: fees gained 1 × 1 × 6 555 = 6 555;
    // nothing stops (share 0): fees lost 0, change 6 555.
    let mut b = provider("Limity po řádcích");
    let w = b.worker(Worker::new("P1", Role::Pss, dec("1"))).unwrap();
    let h1 = client(&mut b, "H1", CareDegree::III);
    let h2 = client(&mut b, "H2", CareDegree::IV);
    row(&mut b, 3, w, h1, "b1", 60, Some("200"));
    row(&mut b, 4, w, h1, "b1", 60, Some("100"));
    row(&mut b, 5, w, h1, "b1", 20, Some("60"));
    row(&mut b, 6, w, h1, "c2", 5, Some("30"));
    for day in 10..21 {
        row(&mut b, day, w, h2, "b1", 8 * 60, Some("1200"));
    }
    let r = run(&b.build(), "0", 1);
    let s = retarget(&r);
    assert_eq!(s.effect("fees_lost"), Some(dec("0")));
    assert_eq!(s.effect("fees_gained"), Some(dec("6555")));
    assert_eq!(s.effect("fee_change"), Some(dec("6555")));
    // The same caps as the audit's own check, which finds the rows over
    // them: H1's first and third, H2's eleven, 13.
    let over = r.indicator("fees.rows_over_cap").unwrap().value;
    assert_eq!(over, Some(dec("13")));
}

#[test]
fn a_social_workers_hours_freed_are_not_the_care_workers() {
    // March 2025. P1 (PSS, 1.0 FTE all month) and S1 (SP, social worker).
    //   L1 (no allowance): P1 4 × b1 60 min; S1 4 × e2 60 min → 8 h.
    //   H1 (degree III):   P1 4 × b1 60 min → 4 h in one client-month.
    // Inputs: half the hours of L1 stop; one new client of degree III/IV.
    // Direct hours freed: 8 × 0.5 = 4 (2 of P1's, 2 of S1's).
    // New client: 4 h a client-month × 1 month = 4 h.
    // PSS direct now: 4 (L1) + 4 (H1) = 8 h.
    // PSS direct after: 8 − 4 × 0.5 (P1's hours at L1 × share) + 4 = 10 h.
    // PSS FTE needed at today's utilisation: 1 × 10 / 8 = 1.25. (Taking
    // all 4 h freed off P1 gives 8 − 4 + 4 = 8 h and 1.0 FTE: no more
    // care workers for half as much care again.)
    let mut b = provider("Sociální pracovnice");
    let p1 = b.worker(Worker::new("P1", Role::Pss, dec("1"))).unwrap();
    let s1 = b.worker(Worker::new("S1", Role::Sp, dec("0.5"))).unwrap();
    let l1 = client(&mut b, "L1", CareDegree::None);
    let h1 = client(&mut b, "H1", CareDegree::III);
    for day in 3..7 {
        row(&mut b, day, p1, l1, "b1", 60, None);
        row(&mut b, day + 7, s1, l1, "e2", 60, None);
        row(&mut b, day + 14, p1, h1, "b1", 60, None);
    }
    let r = run(&b.build(), "0.5", 1);
    let s = retarget(&r);
    let e = |id: &str| s.effect(id).unwrap_or_else(|| panic!("{id}: {s:?}"));
    assert_eq!(e("direct_hours_freed"), dec("4"));
    assert_eq!(e("direct_hours_new"), dec("4"));
    assert_eq!(e("fte_now"), dec("1"));
    assert_eq!(e("fte_needed"), dec("1.25"));
    assert_eq!(e("pss_direct_hours_now"), dec("8"));
    assert_eq!(e("pss_direct_hours_after"), dec("10"));
}

/// The `Cena hodiny` row of a parameter: (value, source).
fn parameter_row(xlsx: Vec<u8>, label: &str) -> (f64, String) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(xlsx)).unwrap();
    let sheet = wb.worksheet_range("Cena hodiny").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let row = rows
        .iter()
        .find(|r| r.first().is_some_and(|c| *c == label))
        .unwrap_or_else(|| panic!("no row {label}"));
    let value = match row[1] {
        Data::Float(f) => f,
        Data::Int(i) => i as f64,
        ref other => panic!("{label}: {other:?}"),
    };
    (value, row[3].to_string())
}

#[test]
fn the_inputs_given_for_the_run_are_the_ones_printed() {
    // The Model sheet says 0.3 of the hours stop and 4 new clients; the
    // run says 0.5 and 2. Printed (Cena hodiny, the JSON's
    // normative.parameters) and used (the scenario): 0.5 and 2, the source
    // naming the run's option; the other parameters keep the Model's.
    let mut b = provider("Volby běhu");
    let w = b.worker(Worker::new("P1", Role::Pss, dec("1"))).unwrap();
    let h1 = client(&mut b, "H1", CareDegree::III);
    let l1 = client(&mut b, "L1", CareDegree::I);
    row(&mut b, 3, w, h1, "b1", 60, Some("100"));
    row(&mut b, 4, w, l1, "b1", 60, Some("100"));
    let rada = Some("usnesení rady".to_string());
    assert!(b.normative_param("retarget_low_share", dec("0.3"), rada.clone()));
    assert!(b.normative_param("retarget_new_clients", dec("4"), rada.clone()));
    assert!(b.normative_param("overhead_share", dec("0.2"), rada));
    let ds = b.build();
    let r = run(&ds, "0.5", 2);
    // Used: 1 h of L1 × 0.5 = 0.5 h freed; 2 new clients × 1 h = 2 h.
    let s = retarget(&r);
    assert_eq!(s.effect("direct_hours_freed"), Some(dec("0.5")));
    assert_eq!(s.effect("direct_hours_new"), Some(dec("2")));
    // The JSON.
    let json = serde_json::to_value(&r).unwrap();
    let p = &json["normative"]["parameters"];
    assert_eq!(p["retarget_low_share"], "0.5");
    assert_eq!(p["retarget_new_clients"], "2");
    assert_eq!(p["overhead_share"], "0.2");
    let source = p["sources"]["retarget_low_share"].as_str().unwrap();
    assert!(source.contains("--retarget-share"), "{source}");
    let source = p["sources"]["retarget_new_clients"].as_str().unwrap();
    assert!(source.contains("--retarget-clients"), "{source}");
    assert_eq!(p["sources"]["overhead_share"], "usnesení rady");
    // The sheet.
    let xlsx = ReportWorkbook::new(&r, &ds).to_buffer().unwrap();
    let (share, source) = parameter_row(
        xlsx.clone(),
        "Podíl hodin klientů bez příspěvku a se stupněm I, které skončí (scénář)",
    );
    assert_eq!((share, source.contains("--retarget-share")), (0.5, true));
    let (clients, source) = parameter_row(xlsx, "Noví klienti se stupněm III a IV (scénář)");
    assert_eq!(
        (clients, source.contains("--retarget-clients")),
        (2.0, true)
    );
    // Without the run's inputs the Model's are used and printed.
    let r = Audit::new(&ds).run();
    let p = &serde_json::to_value(&r).unwrap()["normative"]["parameters"];
    assert_eq!(p["retarget_low_share"], "0.3");
    assert_eq!(p["sources"]["retarget_low_share"], "usnesení rady");
    assert_eq!(retarget(&r).effect("direct_hours_new"), Some(dec("4")));
}

#[test]
fn the_summary_says_why_the_scenario_is_not_available() {
    // No client of degree III or IV: nothing says what a new one needs.
    // The summary's line stays, with the scenario's reason.
    let mut b = provider("Bez III a IV");
    let w = b.worker(Worker::new("P1", Role::Pss, dec("1"))).unwrap();
    let l1 = client(&mut b, "L1", CareDegree::I);
    row(&mut b, 3, w, l1, "b1", 60, Some("100"));
    let r = run(&b.build(), "0.5", 2);
    let en = homecare_audit::run::summary_text(&r, Lang::En);
    let line = en
        .lines()
        .find(|l| l.contains("care turned to degrees III and IV"))
        .unwrap_or_else(|| panic!("no line:\n{en}"));
    assert!(
        line.ends_with(
            "not available: the new clients' needs cannot be derived: no client of degree III or IV in the period"
        ),
        "{line}"
    );
    let cs = homecare_audit::run::summary_text(&r, Lang::Cs);
    let line = cs
        .lines()
        .find(|l| l.contains("přesun péče ke stupňům III a IV"))
        .unwrap_or_else(|| panic!("no line:\n{cs}"));
    assert!(
        line.contains("nedostupné: potřebu nových klientů nelze odvodit"),
        "{line}"
    );
    // Without the staff list the fees are known, the FTE not, and said so.
    let mut b = provider("Bez personálu");
    b.without_list(homecare_audit::model::RecordList::Workers);
    let w = b.timesheet_worker("P1").unwrap();
    let h1 = client(&mut b, "H1", CareDegree::III);
    row(&mut b, 3, w, h1, "b1", 60, Some("100"));
    let r = run(&b.build(), "0.5", 1);
    let en = homecare_audit::run::summary_text(&r, Lang::En);
    let line = en
        .lines()
        .find(|l| l.contains("care turned to degrees III and IV"))
        .unwrap_or_else(|| panic!("no line:\n{en}"));
    // One new client × 100 Kč a client-month × 1 month; nothing lost.
    assert!(
        line.contains("fees CZK 100.00, PSS FTE not available: "),
        "{line}"
    );
}
