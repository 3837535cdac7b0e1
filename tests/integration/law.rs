//! The law as data the auditor brings up to date: the law workbook the
//! `law` program writes reads back to the built-in tables; a `Limity` sheet
//! in the provider's workbook overrides a built-in row from its date and
//! not before, every bad row rejected at its place; `Metodika` and the JSON
//! show each row's origin; `audit --law` takes a law workbook.

use std::process::Command;

use calamine::Data;
use chrono::NaiveDate;
use homecare_audit::audit::Audit;
use homecare_audit::law::{LawKind, LawOrigin, LawTables};
use homecare_audit::workbook::{
    InputCell, InputWorkbook, LawWorkbook, ReadOptions, ReportWorkbook, read_bytes, read_law_path,
};
use homecare_audit::{Client, Dataset, Period, Place, Provider, Role, Visit, Worker};
use rust_decimal::Decimal;

use crate::common::example;
use crate::report::{cells, scratch};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn the_law_workbook_of_the_law_program_reads_back_to_the_built_in_tables() {
    let dir = scratch("law-roundtrip");
    let path = dir.join("zakon.xlsx");
    let out = Command::new(example("law")).arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (rows, problems) = read_law_path(&path, &ReadOptions::default()).unwrap();
    let counts = &problems.rows["Limity"];
    let built_in = LawTables::built_in();
    assert_eq!(
        (counts.read, counts.accepted, counts.rejected),
        (
            built_in.rows().len() as u64,
            built_in.rows().len() as u64,
            0
        )
    );
    for (i, (got, want)) in rows.iter().zip(built_in.rows()).enumerate() {
        // Every field as built in; the origin is now the file and its row
        // (the header is row 1, the first row 2).
        let mut got = got.clone();
        assert_eq!(
            got.origin,
            LawOrigin::File {
                file: "zakon.xlsx".into(),
                place: Place::new("Limity", i as u32 + 2, 0)
            }
        );
        got.origin = LawOrigin::BuiltIn;
        assert_eq!(&got, want, "row {}", i + 2);
    }
    assert_eq!(rows.len(), built_in.rows().len());
}

/// Client K1 served 81 one-hour b1 visits in May 2025 (81 h > 80 h), each
/// charged 160 Kč, with `limity` as the workbook's `Limity` sheet.
fn eighty_hours_at_160(limity: Vec<Vec<InputCell>>) -> Vec<u8> {
    let mut b = Dataset::builder();
    let mut p = Provider::new("Limity");
    p.period = Period::new(d(2025, 5, 1), d(2025, 5, 31));
    b.provider(p);
    let w = b
        .worker(Worker::new("P1", Role::Pss, Decimal::ONE))
        .unwrap();
    let k = b.client(Client::new("K1")).unwrap();
    let b1 = b.find_task("b1").unwrap();
    for i in 0..81u32 {
        b.visit(
            Visit::new(d(2025, 5, 1 + i / 3), w, Some(k), b1, 3600)
                .with_start((7 + 2 * (i % 3)) * 3600)
                .with_fee(Decimal::from(160)),
        )
        .unwrap();
    }
    let ds = b.build();
    let mut wb = InputWorkbook::new(&ds);
    wb.extra_sheet("Limity", limity);
    wb.to_buffer().unwrap()
}

fn header() -> Vec<InputCell> {
    ["Druh", "Úkony", "Platí od", "Částka", "Předpis", "Zdroj"]
        .iter()
        .map(|h| InputCell::Text(h.to_string()))
        .collect()
}

fn law_row(kind: &str, tasks: &str, from: NaiveDate, amount: f64, source: &str) -> Vec<InputCell> {
    let t = |s: &str| {
        if s.is_empty() {
            InputCell::Empty
        } else {
            InputCell::Text(s.into())
        }
    };
    vec![
        t(kind),
        t(tasks),
        InputCell::Date(from),
        InputCell::Number(amount),
        t("1/2025 Sb."),
        t(source),
    ]
}

#[test]
fn a_limity_row_overrides_the_built_in_cap_from_its_date_and_not_before() {
    // Built in (Decree 195/2024): 145 Kč an hour over 80 h, so each of the
    // 81 rows at 160 Kč is over by 15 Kč: 1 215 Kč.
    let (ds, _) = read_bytes(
        &eighty_hours_at_160(vec![header()]),
        Some("test.xlsx"),
        &ReadOptions::default(),
    )
    .unwrap();
    let r = Audit::new(&ds).run();
    assert_eq!(r.value("fees.rows_over_cap"), Some(Decimal::from(81)));
    assert_eq!(r.value("fees.excess_total"), Some(Decimal::from(1215)));

    // A user's row of 160 Kč over 80 h from 1.5.2025: none over.
    let source = "Sbírka zákonů, částka 1/2025";
    let bytes = eighty_hours_at_160(vec![
        header(),
        law_row("hodina nad 80 h", "", d(2025, 5, 1), 160.0, source),
    ]);
    let (ds, problems) = read_bytes(&bytes, Some("test.xlsx"), &ReadOptions::default()).unwrap();
    assert!(problems.no_rejections());
    let r = Audit::new(&ds).run();
    assert_eq!(r.value("fees.rows_over_cap"), Some(Decimal::ZERO));
    // The report's law rows: the user's with its place, the built-in hourly
    // row of 165 Kč with its mark.
    let users = r
        .law
        .iter()
        .find(|l| l.kind == LawKind::HourlyOver80)
        .unwrap();
    assert_eq!(users.amount, Some(Decimal::from(160)));
    assert_eq!(
        users.origin,
        LawOrigin::File {
            file: "test.xlsx".into(),
            place: Place::new("Limity", 2, 0)
        }
    );
    assert!(
        !r.law
            .iter()
            .any(|l| l.kind == LawKind::HourlyOver80 && !l.is_users())
    );

    // The same row from 1.6.2025: not before its date, so May is still
    // capped at 145.
    let bytes = eighty_hours_at_160(vec![
        header(),
        law_row("hodina nad 80 h", "", d(2025, 6, 1), 160.0, source),
    ]);
    let (ds, _) = read_bytes(&bytes, Some("test.xlsx"), &ReadOptions::default()).unwrap();
    let r = Audit::new(&ds).run();
    assert_eq!(r.value("fees.excess_total"), Some(Decimal::from(1215)));
}

#[test]
fn bad_limity_rows_are_rejected_at_their_places() {
    let bytes = eighty_hours_at_160(vec![
        header(),
        // Row 2: fine.
        law_row("úkon", "c2", d(2025, 1, 1), 45.0, "ceník"),
        // Row 3: no source (column F).
        law_row("hodina", "", d(2025, 1, 1), 170.0, ""),
        // Row 4: an unknown kind (column A).
        law_row("den", "", d(2025, 1, 1), 170.0, "zdroj"),
        // Row 5: tasks named for an hourly kind (column B).
        law_row("hodina", "b1", d(2025, 1, 1), 170.0, "zdroj"),
        // Row 6: a per-kg cap for meal delivery, billed per act (column B).
        law_row("kg", "c2", d(2025, 1, 1), 90.0, "zdroj"),
        // Row 7: an on-cost rate over 1 (column D).
        law_row("sociální pojištění", "", d(2025, 1, 1), 24.8, "zdroj"),
    ]);
    let (ds, problems) = read_bytes(&bytes, Some("test.xlsx"), &ReadOptions::default()).unwrap();
    let counts = &problems.rows["Limity"];
    assert_eq!((counts.read, counts.accepted, counts.rejected), (6, 1, 5));
    let at: Vec<(String, &str)> = problems
        .rejections()
        .map(|p| (p.place.to_string(), p.reason.id()))
        .collect();
    assert_eq!(
        at,
        [
            ("Limity!F3".to_string(), "missing"),
            ("Limity!A4".to_string(), "unknown_law_kind"),
            ("Limity!B5".to_string(), "tasks_not_applicable"),
            ("Limity!B6".to_string(), "tasks_not_applicable"),
            ("Limity!D7".to_string(), "out_of_range"),
        ]
    );
    assert_eq!(ds.law.len(), 1);
    assert_eq!(ds.law[0].tasks, ["c2"]);
}

#[test]
fn metodika_shows_the_origin_of_each_row_used() {
    let bytes = eighty_hours_at_160(vec![
        header(),
        law_row("hodina nad 80 h", "", d(2025, 5, 1), 160.0, "Sbírka zákonů"),
    ]);
    let (ds, problems) = read_bytes(&bytes, Some("test.xlsx"), &ReadOptions::default()).unwrap();
    let report = Audit::new(&ds).problems(&problems).run();
    let dir = scratch("law-metodika");
    let path = dir.join("zprava.xlsx");
    ReportWorkbook::new(&report, &ds).save(&path).unwrap();
    let c = cells(&path);
    let text = |r: u32, col: u32| match c.get(&("Metodika".to_string(), r, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    // Columns: kind, tasks, valid from, amount, unit, decree, origin, source.
    let rows: Vec<u32> = (c.keys())
        .filter(|(s, _, col)| s == "Metodika" && *col == 6)
        .map(|(_, r, _)| *r)
        .collect();
    let find = |kind: &str| {
        rows.iter()
            .find(|&&r| text(r, 0) == kind)
            .map(|&r| (text(r, 3), text(r, 6)))
    };
    assert_eq!(
        find("hodina nad 80 h"),
        Some(("160".to_string(), "test.xlsx, Limity!A2".to_string()))
    );
    assert_eq!(
        find("hodina"),
        Some(("165".to_string(), "vestavěný, ověřený".to_string()))
    );
    // Meal delivery's cap of 2023 is not known and provisional.
    assert!(rows.iter().any(|&r| text(r, 0) == "úkon"
        && text(r, 1) == "c2"
        && text(r, 3) == "neznámá"
        && text(r, 6) == "vestavěný, předběžný"));
}

#[test]
fn audit_takes_a_law_workbook() {
    // The sample (2025) with a law workbook that lowers the hourly cap to
    // 100 Kč from 1.1.2025: every hourly fee over 100 Kč an hour is now
    // over the cap, so more rows than with the built-in 165 / 145.
    let dir = scratch("law-cli");
    let law = dir.join("zakon.xlsx");
    let mut tables = LawTables::built_in();
    tables.extend(
        read_law_path(
            {
                let p = dir.join("one-row.xlsx");
                let ds = Dataset::builder().build();
                let mut wb = InputWorkbook::new(&ds);
                wb.extra_sheet(
                    "Limity",
                    vec![
                        header(),
                        law_row("hodina", "", d(2025, 1, 1), 100.0, "test"),
                    ],
                );
                wb.save(&p).unwrap();
                p
            },
            &ReadOptions::default(),
        )
        .unwrap()
        .0,
    );
    LawWorkbook::new(&tables).save(&law).unwrap();
    let out = dir.join("r.xlsx");
    let run = |extra: &[&std::ffi::OsStr]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["--json".as_ref(), "-".as_ref(), "-o".as_ref()];
        args.push(out.as_os_str());
        args.extend_from_slice(extra);
        serde_json::from_slice::<serde_json::Value>(&crate::common::audit_ok(args)).unwrap()
    };
    let plain = run(&[]);
    let with = run(&["--law".as_ref(), law.as_os_str()]);
    let over = |j: &serde_json::Value| {
        j["indicators"]["fees.rows_over_cap"]["value"]
            .as_u64()
            .unwrap()
    };
    assert!(
        over(&with) > over(&plain),
        "{} vs {}",
        over(&with),
        over(&plain)
    );
    // The JSON lists the rows used with their origin.
    let law_rows = with["law"].as_array().unwrap();
    assert!(law_rows.iter().any(|r| r["kind"] == "hourly"
        && r["amount"] == "100"
        && r["origin"]["type"] == "file"
        && r["origin"]["file"] == "zakon.xlsx"));
    assert!(
        plain["law"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["origin"]["type"] == "built_in")
    );
}
