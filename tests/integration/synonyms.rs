//! The words care software and payroll write, through a real workbook: the
//! headers of an export (`Uživatel`, `Pečovatelka`, `Kód výkonu`, `Čas od`,
//! `Doba (min)`, `Pracovní zařazení`, …), job titles and degrees in words,
//! and an unknown word still rejected with its place and raw value.

use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{CareDegree, Problem, Reason, Role};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// 2025-03-03 is serial 45719.
const MON3: f64 = 45719.0;

fn header(ws: &mut Worksheet, names: &[&str]) {
    for (c, h) in names.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
}

fn problem<'a>(problems: &'a [Problem], place: &str) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.place.to_string() == place)
        .unwrap_or_else(|| panic!("nothing at {place}: {problems:?}"))
}

/// An export as a care system writes it.
fn export() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Uživatelé").unwrap();
    header(ws, &["Uživatel", "Rok nar.", "Stupeň příspěvku na péči"]);
    let clients = [
        ("U1", "bez příspěvku"),
        ("U2", "I. stupeň"),
        ("U3", "2 - středně těžká závislost"),
        ("U4", "IV - úplná závislost"),
        ("U5", "V. stupeň"), // no such degree: Uživatelé!C6
    ];
    for (i, (id, degree)) in clients.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_number(r, 1, 1940.0).unwrap();
        ws.write_string(r, 2, *degree).unwrap();
    }

    let ws = wb.add_worksheet().set_name("Zaměstnanci").unwrap();
    header(
        ws,
        &["Příjmení a jméno", "Pracovní zařazení", "Výše úvazku"],
    );
    let workers = [
        ("Nováková Jana", "pracovnice v sociálních službách"),
        ("Dvořák Petr", "Pečovatel(ka)"),
        ("Malá Eva", "sociální pracovnice"),
        ("Horák Jan", "vedoucí pečovatelské služby"),
        ("Veselá Iva", "zahradnice"), // no such role: Zaměstnanci!B6
    ];
    for (i, (id, role)) in workers.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *id).unwrap();
        ws.write_string(r, 1, *role).unwrap();
        ws.write_number(r, 2, 1.0).unwrap();
    }

    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    header(
        ws,
        &[
            "Datum výkonu",
            "Pečovatelka",
            "Uživatel",
            "Kód výkonu",
            "Čas od",
            "Čas do",
            "Doba (min)",
        ],
    );
    let date = Format::new().set_num_format("d. m. yyyy");
    let time = Format::new().set_num_format("h:mm");
    ws.write_number_with_format(1, 0, MON3, &date).unwrap();
    ws.write_string(1, 1, "Nováková Jana").unwrap();
    ws.write_string(1, 2, "U2").unwrap();
    ws.write_string(1, 3, "b1").unwrap();
    ws.write_number_with_format(1, 4, 8.0 / 24.0, &time)
        .unwrap();
    ws.write_number_with_format(1, 5, 8.75 / 24.0, &time)
        .unwrap();
    // A second row by minutes only.
    ws.write_number_with_format(2, 0, MON3, &date).unwrap();
    ws.write_string(2, 1, "Dvořák Petr").unwrap();
    ws.write_string(2, 2, "U3").unwrap();
    ws.write_string(2, 3, "a1").unwrap();
    ws.write_number(2, 6, 50.0).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_export_is_read_by_its_own_words() {
    let (ds, problems) = read_bytes(&export(), None, &ReadOptions::default()).unwrap();
    // Every header was understood: no column is noted as unknown.
    assert!(
        !problems
            .list
            .iter()
            .any(|p| p.reason == Reason::IgnoredColumn),
        "{:?}",
        problems.list
    );
    let degrees: Vec<(&str, Option<CareDegree>)> = ds
        .clients
        .iter()
        .map(|c| (c.id.as_str(), c.care_allowance))
        .collect();
    assert_eq!(
        degrees,
        [
            ("U1", Some(CareDegree::None)),
            ("U2", Some(CareDegree::I)),
            ("U3", Some(CareDegree::II)),
            ("U4", Some(CareDegree::IV)),
        ]
    );
    let roles: Vec<(&str, Role)> = ds.workers.iter().map(|w| (w.id.as_str(), w.role)).collect();
    assert_eq!(
        roles,
        [
            ("Nováková Jana", Role::Pss),
            ("Dvořák Petr", Role::Pss),
            ("Malá Eva", Role::Sp),
            ("Horák Jan", Role::Ved),
        ]
    );
    // The unknown words reject their rows, with place and raw value.
    let degree = problem(&problems.list, "Uživatelé!C6");
    assert_eq!(
        (degree.raw.as_str(), &degree.reason),
        ("V. stupeň", &Reason::UnknownDegree)
    );
    let role = problem(&problems.list, "Zaměstnanci!B6");
    assert_eq!(
        (role.raw.as_str(), &role.reason),
        ("zahradnice", &Reason::UnknownRole)
    );
    for sheet in ["Klienti", "Pracovníci"] {
        let c = problems.count(sheet);
        assert_eq!((c.read, c.accepted, c.rejected), (5, 4, 1), "{sheet}");
    }
    // The visits: 8:00–8:45 is 45 min; the second row 50 min by `Doba (min)`.
    let v = problems.count("Výkazy");
    assert_eq!((v.read, v.accepted, v.rejected), (2, 2, 0));
    let secs: Vec<u32> = ds.visits.iter().map(|v| v.duration).collect();
    assert_eq!(secs, [45 * 60, 50 * 60]);
    assert_eq!(ds.visits[0].start, Some(8 * 3600));
    assert_eq!(ds.client(ds.visits[1].client.unwrap()).id, "U3");
}

#[test]
fn of_two_headers_for_one_column_the_better_named_is_read() {
    // `Pracovník` (the contract's own name) beside `Pečovatelka` (an
    // alias) in one timesheet: the first is read, the second noted.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    header(ws, &["Datum", "Pečovatelka", "Úkon", "Minuty", "Pracovník"]);
    ws.write_string(1, 0, "3. 3. 2025").unwrap();
    ws.write_string(1, 1, "Jana Nováková").unwrap();
    ws.write_string(1, 2, "ADM").unwrap();
    ws.write_number(1, 3, 30.0).unwrap();
    ws.write_string(1, 4, "P1").unwrap();
    let (ds, problems) =
        read_bytes(&wb.save_to_buffer().unwrap(), None, &ReadOptions::default()).unwrap();
    assert_eq!(ds.workers[0].id, "P1");
    let note = problem(&problems.list, "Výkazy!B1");
    assert_eq!(note.raw, "Pečovatelka");
    assert_eq!(note.reason, Reason::SameColumnAgain("Pracovník".into()));
    assert!(!note.is_rejected());
    assert_eq!(
        note.reason.message(homecare_audit::Lang::Cs),
        "znamená totéž co sloupec Pracovník, který se použije"
    );
}
