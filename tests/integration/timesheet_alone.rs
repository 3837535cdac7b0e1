//! A timesheet alone is enough to start: a workbook with `Poskytovatel`,
//! `Výkazy` and `Náklady` but no `Klienti` and no `Pracovníci`. The clients
//! and workers are those the timesheet names; what needs the lists is "not
//! available" with the reason, and everything else is right.

use homecare_audit::audit::Audit;
use homecare_audit::model::RecordList;
use homecare_audit::run::{AuditRequest, Source, summary_text};
use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{ErrorKind, Lang, Reason};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// 2025-03-03 (a Monday) is serial 45719.
const MON3: f64 = 45719.0;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(ws: &mut Worksheet, r: u32, c: u16, serial: f64) {
    let f = Format::new().set_num_format("d. m. yyyy");
    ws.write_number_with_format(r, c, serial, &f).unwrap();
}

fn time(ws: &mut Worksheet, r: u32, c: u16, hours: f64) {
    let f = Format::new().set_num_format("h:mm");
    ws.write_number_with_format(r, c, hours / 24.0, &f).unwrap();
}

/// The provider, March 2025 (31 days).
fn provider(wb: &mut Workbook) {
    let ws = wb.add_worksheet().set_name("Poskytovatel").unwrap();
    ws.write_string(0, 0, "Název").unwrap();
    ws.write_string(0, 1, "Pečovatelská služba Lhota").unwrap();
    ws.write_string(1, 0, "Období od").unwrap();
    date(ws, 1, 1, MON3 - 2.0);
    ws.write_string(2, 0, "Období do").unwrap();
    date(ws, 2, 1, MON3 + 28.0);
}

/// The timesheet, by hand (Excel rows 2–8):
///
/// | row | date | worker | client | task | time | min | travel | fee |
/// |---|---|---|---|---|---|---|---|---|
/// | 2 | Mon 3. 3. | Nováková | K1 | a1 | 8:00–9:00 | 60 | 10 | 100 |
/// | 3 | Mon 3. 3. | Nováková | K2 | b1 | 18:00–18:30 | 30 | 10 | 50 |
/// | 4 | Tue 4. 3. | Svoboda | K1 | d1 | 7:30–9:00 | 90 | 25 | 150 |
/// | 5 | Wed 5. 3. | Svoboda | K3 | c2 | 11:00–11:15 | 15 | 0 | |
/// | 6 | Thu 6. 3. | Nováková | | ADM | | 60 | | |
/// | 7 | Fri 7. 3. | Dvořák | K9 | zz | | 30 | | | ← unknown task, D7
/// | 8 | Fri 7. 3. | Svoboda | | a1 | | 30 | | | ← a1 without a client, C8
///
/// Rows 7 and 8 are rejected, and add nobody: the workers are Nováková and
/// Svoboda, the clients K1, K2, K3.
fn visits(wb: &mut Workbook) {
    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    for (c, h) in [
        "Datum",
        "Pracovník",
        "Klient",
        "Úkon",
        "Od",
        "Do",
        "Minuty",
        "Cesta min",
        "Úhrada",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    type Row = (
        f64,
        &'static str,
        &'static str,
        &'static str,
        Option<(f64, f64)>,
        f64,
        Option<f64>,
        Option<f64>,
    );
    let rows: [Row; 7] = [
        (
            0.0,
            "Nováková",
            "K1",
            "a1",
            Some((8.0, 9.0)),
            60.0,
            Some(10.0),
            Some(100.0),
        ),
        (
            0.0,
            "Nováková",
            "K2",
            "b1",
            Some((18.0, 18.5)),
            30.0,
            Some(10.0),
            Some(50.0),
        ),
        (
            1.0,
            "Svoboda",
            "K1",
            "d1",
            Some((7.5, 9.0)),
            90.0,
            Some(25.0),
            Some(150.0),
        ),
        (
            2.0,
            "Svoboda",
            "K3",
            "c2",
            Some((11.0, 11.25)),
            15.0,
            Some(0.0),
            None,
        ),
        (3.0, "Nováková", "", "ADM", None, 60.0, None, None),
        (4.0, "Dvořák", "K9", "zz", None, 30.0, None, None),
        (4.0, "Svoboda", "", "a1", None, 30.0, None, None),
    ];
    for (i, (day, worker, client, task, times, minutes, travel, fee)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        date(ws, r, 0, MON3 + day);
        ws.write_string(r, 1, *worker).unwrap();
        if !client.is_empty() {
            ws.write_string(r, 2, *client).unwrap();
        }
        ws.write_string(r, 3, *task).unwrap();
        if let Some((from, to)) = times {
            time(ws, r, 4, *from);
            time(ws, r, 5, *to);
        }
        ws.write_number(r, 6, *minutes).unwrap();
        if let Some(t) = travel {
            ws.write_number(r, 7, *t).unwrap();
        }
        if let Some(f) = fee {
            ws.write_number(r, 8, *f).unwrap();
        }
    }
}

/// Costs: 30 000 wages + 9 000 fuel = 39 000 Kč.
fn costs(wb: &mut Workbook) {
    let ws = wb.add_worksheet().set_name("Náklady").unwrap();
    ws.write_string(0, 0, "Kategorie").unwrap();
    ws.write_string(0, 1, "Částka").unwrap();
    ws.write_string(1, 0, "mzdy").unwrap();
    ws.write_number(1, 1, 30_000.0).unwrap();
    ws.write_string(2, 0, "phm").unwrap();
    ws.write_number(2, 1, 9_000.0).unwrap();
}

fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    provider(&mut wb);
    visits(&mut wb);
    costs(&mut wb);
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_timesheet_alone_is_read_and_names_the_clients_and_workers() {
    let (ds, problems) = read_bytes(&workbook(), Some("lhota.xlsx"), &ReadOptions::default())
        .expect("Klienti and Pracovníci are not required");
    assert!(!ds.has_list(RecordList::Clients));
    assert!(!ds.has_list(RecordList::Workers));
    assert!(!ds.source.sheets.contains_key("Klienti"));
    // The ids as written, in the order the timesheet names them; the
    // rejected rows 7 (Dvořák, K9) and 8 add nobody.
    let workers: Vec<&str> = ds.workers.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(workers, ["Nováková", "Svoboda"]);
    let clients: Vec<&str> = ds.clients.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(clients, ["K1", "K2", "K3"]);
    assert!(
        ds.clients.iter().all(|c| c.care_allowance.is_none()
            && c.birth_year.is_none()
            && c.lives_alone.is_none())
    );
    // Rows read = accepted + rejected: 7 = 5 + 2.
    let v = problems.count("Výkazy");
    assert_eq!((v.read, v.accepted, v.rejected), (7, 5, 2));
    let rejected: Vec<(String, &Reason)> = problems
        .list
        .iter()
        .filter(|p| p.is_rejected())
        .map(|p| (p.place.to_string(), &p.reason))
        .collect();
    assert_eq!(
        rejected,
        [
            ("Výkazy!D7".to_string(), &Reason::UnknownTask),
            ("Výkazy!C8".to_string(), &Reason::ClientTaskWithoutClient),
        ]
    );
    // No Klienti or Pracovníci row counts: the sheets were not there.
    assert_eq!(problems.count("Klienti").read, 0);
}

#[test]
fn the_timesheets_figures_are_right_and_the_lists_figures_not_available() {
    let (ds, problems) =
        read_bytes(&workbook(), Some("lhota.xlsx"), &ReadOptions::default()).unwrap();
    let r = Audit::new(&ds).problems(&problems).run();
    let value = |id: &str| {
        r.indicator(id)
            .unwrap_or_else(|| panic!("{id}"))
            .value
            .unwrap_or_else(|| panic!("{id} not available"))
    };

    // Direct (statutory) time: 60 + 30 + 90 + 15 = 195 min = 3.25 h;
    // travel 10 + 10 + 25 + 0 = 45 min; indirect (ADM) 60 min; worked
    // 195 + 45 + 60 = 300 min = 5 h.
    assert_eq!(value("cost.total"), dec("39000"));
    // 39 000 / 3.25 h = 12 000 Kč; 39 000 / 5 h = 7 800 Kč.
    assert_eq!(value("cost.per_direct_hour"), dec("12000"));
    assert_eq!(value("cost.per_worked_hour"), dec("7800"));
    // Three clients served, each in one month: 39 000 / 3 = 13 000 Kč a
    // client-month; a client a year 39 000 × 365 / 31 / 3 = 153 064.52 Kč.
    assert_eq!(value("cost.per_client_month"), dec("13000"));
    assert_eq!(value("cost.per_client").round_dp(2), dec("153064.52"));
    // Travel / (direct + travel) = 45 / 240 = 0.1875.
    assert_eq!(value("staff.travel_share"), dec("0.1875"));
    // Contacts (date × worker × client): 4; 195 / 4 = 48.75 min.
    assert_eq!(value("staff.mean_visit_minutes"), dec("48.75"));
    // Workers per client-month: K1 had two (Nováková, Svoboda), K2 and K3
    // one each: 4 / 3.
    assert_eq!(value("staff.continuity").round_dp(4), dec("1.3333"));
    // Out of hours: the b1 visit from 18:00, 30 of 195 min = 2/13.
    assert_eq!(value("staff.out_of_hours_share").round_dp(4), dec("0.1538"));
    // Personal care a1 + b1 = 90 of 195 min = 6/13; meals c2 15 = 1/13.
    assert_eq!(
        value("target.personal_care_share").round_dp(4),
        dec("0.4615")
    );
    assert_eq!(value("target.meal_share").round_dp(4), dec("0.0769"));
    // K3 has only the c2 row: 1 of 3 clients.
    assert_eq!(value("target.meal_only_share").round_dp(4), dec("0.3333"));
    // 3.25 h / 3 client-months.
    assert_eq!(
        value("target.hours_per_client_month").round_dp(4),
        dec("1.0833")
    );
    assert_eq!(value("target.clients_over_80h"), Decimal::ZERO);
    // Fees of the hourly rows: 100 + 50 + 150 = 300 Kč over 3 h (c2 is per
    // act) = 100 Kč an hour, under the 165 Kč cap of 1. 7. 2024.
    assert_eq!(value("fees.per_direct_hour"), dec("100"));
    assert_eq!(value("fees.rows_over_cap"), Decimal::ZERO);
    // Fees on the rows / cost: 300 / 39 000 = 1/130.
    assert_eq!(
        value("revenue.fee_share"),
        Decimal::from(300) / Decimal::from(39_000)
    );
    assert_eq!(value("integrity.findings.overlap"), Decimal::ZERO);

    // What only the lists hold: not available, with the list's reason in
    // both languages, never 0.
    let not_available = |id: &str, list: RecordList| {
        let i = r.indicator(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(i.value, None, "{id}");
        let why = i.unavailable.as_ref().unwrap();
        assert_eq!(why, &list.missing(), "{id}");
    };
    for id in [
        "target.high_dependency_share",
        "target.clients_by_degree.II",
        "target.clients_by_degree.unknown",
        "target.hours_by_degree.none",
        "target.at_risk_share",
        "target.lives_alone_share",
        "target.age80_share",
        "fees.exempt_charged",
        "integrity.findings.outside_contract",
    ] {
        not_available(id, RecordList::Clients);
    }
    for id in [
        "staff.fte_total",
        "staff.fte.PSS",
        "staff.direct_fte_share",
        "staff.utilization",
        "staff.direct_hours_per_fte",
        "staff.clients_per_direct_fte",
        "staff.clients_per_social_worker",
        "staff.required_fte",
        "staff.adequacy",
        "staff.training_compliance",
        "cost.per_fte",
        "integrity.findings.over_contract",
        "integrity.findings.outside_employment",
    ] {
        not_available(id, RecordList::Workers);
    }
    let clients = RecordList::Clients.missing();
    assert_eq!(clients.cs, "chybí list Klienti (seznam klientů)");
    assert_eq!(clients.en, "no Clients sheet (Klienti): no client list");
    // Nobody's contract is known, so no month is over one.
    assert!(r.findings.iter().all(|f| f.kind.id() != "over_contract"));
    // The hour's build-up splits the personnel cost by the care workers'
    // FTE: the staff list's.
    assert_eq!(
        r.hour.buildup_unavailable.as_ref(),
        Some(&RecordList::Workers.missing())
    );
    let retarget = r.hour.scenario("retarget_high_dependency").unwrap();
    assert_eq!(
        retarget.unavailable.as_ref(),
        Some(&RecordList::Clients.missing())
    );
    // The worker lines: the timesheet's hours, nothing of a staff list.
    let nov = r.workers.iter().find(|w| w.id == "Nováková").unwrap();
    assert!(!nov.listed);
    assert_eq!(nov.role, "");
    assert_eq!(nov.direct_seconds, 90 * 60);
}

#[test]
fn the_summary_says_what_each_list_would_make_available() {
    let audited = AuditRequest::new(Source::bytes("lhota.xlsx", workbook()))
        .run()
        .unwrap();
    let summary = audited.summary();
    let sheets: Vec<&str> = summary.absent_lists.iter().map(|l| l.sheet).collect();
    assert_eq!(sheets, ["Klienti", "Pracovníci"]);
    let clients = &summary.absent_lists[0];
    assert!(
        clients
            .text
            .starts_with("Seznam klientů (list Klienti) by zpřístupnil: "),
        "{}",
        clients.text
    );
    for name in [
        "Podíl hodin klientům se stupněm II–IV",
        "Klienti podle stupně PnP",
        "Klienti 80+",
        "Úhrady u osvobozených klientů",
    ] {
        assert!(clients.indicators.iter().any(|n| n == name), "{name}");
    }
    // A family is named once, not once per degree.
    let families = (clients.indicators.iter())
        .filter(|n| *n == "Hodiny podle stupně PnP")
        .count();
    assert_eq!(families, 1);
    let staff = &summary.absent_lists[1];
    assert!(
        staff
            .text
            .starts_with("Seznam pracovníků (list Pracovníci) by zpřístupnil: ")
    );
    assert!(
        staff
            .indicators
            .iter()
            .any(|n| n == "Personální přiměřenost PSS")
    );
    assert!(!staff.indicators.iter().any(|n| n == "Podíl cest"));

    let text = audited.summary_text();
    assert!(text.contains(&clients.text), "{text}");
    assert!(text.contains(&staff.text), "{text}");
    let en = summary_text(audited.report(), Lang::En);
    assert!(
        en.contains("A staff list (Workers sheet) would make available: "),
        "{en}"
    );
    assert!(en.contains("PSS staffing adequacy"), "{en}");

    // The JSON says the lists were absent; the report workbook is written.
    let json = audited.json().unwrap();
    assert!(json.contains("\"absent_lists\": [\n    \"clients\",\n    \"workers\"\n  ]"));
    assert!(audited.report_workbook().to_buffer().is_ok());
}

#[test]
fn a_list_given_empty_is_not_a_list_absent() {
    // An empty Klienti sheet is a client list with nobody on it: the
    // timesheet's K1 is then unknown, as ever.
    let mut wb = Workbook::new();
    provider(&mut wb);
    visits(&mut wb);
    let ws = wb.add_worksheet().set_name("Klienti").unwrap();
    ws.write_string(0, 0, "ID klienta").unwrap();
    ws.write_string(0, 1, "Stupeň PnP").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let (ds, problems) = read_bytes(&bytes, None, &ReadOptions::default()).unwrap();
    assert!(ds.has_list(RecordList::Clients));
    assert!(!ds.has_list(RecordList::Workers));
    assert!(ds.clients.is_empty());
    let v = problems.count("Výkazy");
    // Only the ADM row (no client) is accepted: rows 2–5 name a client not
    // on the list (column C), row 7 an unknown task (D, read before the
    // client), row 8 no client for a1 (C).
    assert_eq!((v.read, v.accepted, v.rejected), (7, 1, 6));
    // Without a staff list, only the accepted row's worker is added.
    let workers: Vec<&str> = ds.workers.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(workers, ["Nováková"]);
    assert!(
        problems
            .list
            .iter()
            .any(|p| p.place.to_string() == "Výkazy!C2" && p.reason == Reason::UnknownClient)
    );
    // Without Výkazy nothing can be audited: the one required sheet.
    let mut wb = Workbook::new();
    provider(&mut wb);
    let e = read_bytes(&wb.save_to_buffer().unwrap(), None, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::MissingSheet { sheet: "Výkazy" }),
        "{e}"
    );
}

#[test]
fn a_merger_of_a_service_without_a_staff_list_says_so() {
    use homecare_audit::compare::Merger;
    let (ds, problems) =
        read_bytes(&workbook(), Some("lhota.xlsx"), &ReadOptions::default()).unwrap();
    let law = ds.law_tables();
    let report = Audit::new(&ds).problems(&problems).law(&law).run();
    let study = Merger::default()
        .study(&[(&ds, &report), (&ds, &report)], &law, |d| {
            Audit::new(d).law(&law).run()
        })
        .unwrap();
    // The merged service lacks both lists as its parts do.
    let after = study.indicators.last().unwrap();
    assert!(
        after
            .values
            .get("staff.adequacy")
            .is_some_and(Option::is_none)
    );
    let why = study.staff.reason().unwrap();
    assert_eq!(
        why.en,
        "the service Pečovatelská služba Lhota: no Workers sheet (Pracovníci): no staff list"
    );
}

#[test]
fn the_report_says_so_on_its_first_page_and_in_its_notes() {
    use calamine::{DataType, Reader, Xlsx};
    let audited = AuditRequest::new(Source::bytes("lhota.xlsx", workbook()))
        .run()
        .unwrap();
    let notes: Vec<&str> = (audited.report().parameters.notes.iter())
        .map(|n| n.cs.as_str())
        .collect();
    assert!(notes.contains(
        &"Chybí list Klienti: klienti jsou ti, které uvádějí výkazy (3), a nic dalšího o nich není známo; co potřebuje seznam klientů, nelze spočítat."
    ), "{notes:?}");
    assert!(notes.iter().any(|n| {
        n.starts_with("Chybí list Pracovníci: pracovníci jsou ti, které uvádějí výkazy (2)")
    }));
    // The Souhrn sheet carries the sentences below the headline table.
    let bytes = audited.report_workbook().to_buffer().unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let souhrn = book.worksheet_range("Souhrn").unwrap();
    let cells: Vec<String> = souhrn.cells().map(|(_, _, v)| v.to_string()).collect();
    let (clients, _) = audited
        .report()
        .made_available_text(RecordList::Clients, Lang::Cs);
    assert!(clients.starts_with("Seznam klientů (list Klienti) by zpřístupnil: "));
    assert!(cells.contains(&clients), "{cells:?}");
    // The Pracovníci sheet: the timesheet's hours, no role, no FTE.
    let workers = book.worksheet_range("Pracovníci").unwrap();
    assert_eq!(workers.get_value((1, 0)).unwrap().to_string(), "Nováková");
    assert!(workers.get_value((1, 1)).is_none_or(|v| v.is_empty()));
    assert!(workers.get_value((1, 2)).is_none_or(|v| v.is_empty()));
}

#[test]
fn the_first_page_still_holds_souhrn_with_the_lists_sentences() {
    use crate::common::{PDFTOTEXT, SOFFICE, have};
    use crate::report::{convert, recalculating_profile, scratch};
    let test = "the_first_page_still_holds_souhrn_with_the_lists_sentences";
    if !have(test, &[SOFFICE, PDFTOTEXT]) {
        return;
    }
    let dir = scratch("timesheet-alone");
    let audited = AuditRequest::new(Source::bytes("lhota.xlsx", workbook()))
        .run()
        .unwrap();
    let report = dir.join("report.xlsx");
    std::fs::write(&report, audited.report_workbook().to_buffer().unwrap()).unwrap();
    let profile = recalculating_profile(&dir);
    let pdf = convert(SOFFICE.command, &profile, &report, "pdf", &dir.join("out"));
    let text = |page: u32| crate::report::pdf_page_text(&pdf, page);
    let page1 = text(1);
    for needle in [
        "Audit pečovatelské služby",
        "Seznam klientů (list Klienti) by zpřístupnil",
        "Seznam pracovníků (list Pracovníci) by",
        "Podle stupně příspěvku na péči",
        "Měsíční vývoj",
    ] {
        assert!(page1.contains(needle), "page 1 lacks {needle:?}:\n{page1}");
    }
    assert!(text(2).contains("Oblast"), "page 2 is not Ukazatele");
}
