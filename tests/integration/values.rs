//! Every value form of docs/workbook.md and every rejection reason, through a
//! real workbook, each asserting the place the reader names.

use chrono::NaiveDate;
use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{CareDegree, ErrorKind, Problem, Reason, Role};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};

use crate::common::read;

/// A cell to write.
#[derive(Clone)]
enum W {
    T(&'static str),
    N(f64),
    /// A date cell (serial, 1900 system).
    D(f64),
    /// A time-of-day cell (fraction of a day, `h:mm`).
    Tm(f64),
    /// A duration cell (`[h]:mm`).
    Dur(f64),
    B(bool),
    /// A formula whose cached value is an error.
    E(&'static str),
    X,
}
use W::*;

fn put(ws: &mut Worksheet, r: u32, c: u16, w: &W) {
    let date = Format::new().set_num_format("d. m. yyyy");
    let time = Format::new().set_num_format("h:mm");
    let dur = Format::new().set_num_format("[h]:mm");
    match w {
        T(s) => drop(ws.write_string(r, c, *s).unwrap()),
        N(n) => drop(ws.write_number(r, c, *n).unwrap()),
        D(n) => drop(ws.write_number_with_format(r, c, *n, &date).unwrap()),
        Tm(n) => drop(ws.write_number_with_format(r, c, *n, &time).unwrap()),
        Dur(n) => drop(ws.write_number_with_format(r, c, *n, &dur).unwrap()),
        B(b) => drop(ws.write_boolean(r, c, *b).unwrap()),
        E(e) => drop(
            ws.write_formula(r, c, Formula::new("=1/0").set_result(*e))
                .unwrap(),
        ),
        X => {}
    }
}

fn sheet(wb: &mut Workbook, name: &str, header: &[&str], rows: &[Vec<W>]) {
    let ws = wb.add_worksheet().set_name(name).unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, w) in row.iter().enumerate() {
            put(ws, r as u32 + 1, c as u16, w);
        }
    }
}

/// 2025-03-01 is serial 45717; 7:30 is 0.3125 of a day.
const MAR1: f64 = 45717.0;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The rejection at a place, if any.
fn rejection<'a>(problems: &'a [Problem], place: &str) -> Option<&'a Problem> {
    problems
        .iter()
        .find(|p| p.is_rejected() && p.place.to_string() == place)
}

/// `Pracovníci` with P1 (PSS, 1.0) and `Klienti` with K1: what most
/// timesheet cases need beside their `Výkazy`.
fn p1_k1(wb: &mut Workbook) {
    sheet(
        wb,
        "Pracovníci",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[vec![T("P1"), T("PSS"), N(1.0)]],
    );
    sheet(
        wb,
        "Klienti",
        &["ID klienta", "Obec"],
        &[vec![T("K1"), T("X")]],
    );
}

/// The three required sheets with headers and no rows.
fn empty_required_sheets(wb: &mut Workbook) {
    sheet(
        wb,
        "Pracovníci",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[],
    );
    sheet(wb, "Klienti", &["ID klienta", "Obec"], &[]);
    sheet(
        wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[],
    );
}

#[test]
fn visit_values_and_rejections_with_places() {
    // (cells A..J, expected): Ok(check) or Err((reason, column letter)).
    type Check = fn(&homecare_audit::Visit);
    let v = |a: W, b: W, c: W, dd: W, e: W, f: W, g: W, h: W, i: W, j: W| {
        vec![a, b, c, dd, e, f, g, h, i, j]
    };
    #[allow(clippy::type_complexity)]
    let cases: Vec<(Vec<W>, Result<Check, (Reason, &str)>)> = vec![
        // Dates: date cell, Czech text with and without spaces, ISO text.
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, N(30.0), X, X, X),
            Ok(|v| {
                assert_eq!(v.date, d(2025, 3, 1));
                assert_eq!(v.duration, 1800);
            }),
        ),
        (
            v(
                T("1. 3. 2025"),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                X,
            ),
            Ok(|v| assert_eq!(v.date, d(2025, 3, 1))),
        ),
        (
            v(
                T("1.3.2025"),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                X,
            ),
            Ok(|v| assert_eq!(v.date, d(2025, 3, 1))),
        ),
        (
            v(
                T("2025-03-01"),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                X,
            ),
            Ok(|v| assert_eq!(v.date, d(2025, 3, 1))),
        ),
        (
            v(N(MAR1), T("P1"), T("K1"), T("b1"), X, X, N(30.0), X, X, X),
            Err((Reason::NumberNotADate, "A")),
        ),
        (
            v(
                T("31. 2. 2025"),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                X,
            ),
            Err((Reason::NotADate, "A")),
        ),
        (
            v(E("#N/A"), T("P1"), T("K1"), T("b1"), X, X, N(30.0), X, X, X),
            Err((Reason::ErrorCell, "A")),
        ),
        (
            v(X, T("P1"), T("K1"), T("b1"), X, X, N(30.0), X, X, X),
            Err((Reason::Missing, "A")),
        ),
        // Ids and codes.
        (
            v(D(MAR1), T("P9"), T("K1"), T("b1"), X, X, N(30.0), X, X, X),
            Err((Reason::UnknownWorker, "B")),
        ),
        (
            v(D(MAR1), T("P1"), T("K9"), T("b1"), X, X, N(30.0), X, X, X),
            Err((Reason::UnknownClient, "C")),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("zz"), X, X, N(30.0), X, X, X),
            Err((Reason::UnknownTask, "D")),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T(" B1 "), X, X, N(30.0), X, X, X),
            Ok(|v| assert_eq!(v.duration, 1800)),
        ),
        (
            v(D(MAR1), T("P1"), X, T("b1"), X, X, N(30.0), X, X, X),
            Err((Reason::ClientTaskWithoutClient, "C")),
        ),
        (
            v(D(MAR1), T("P1"), X, T("adm"), X, X, N(60.0), X, X, X),
            Ok(|v| {
                assert_eq!(v.client, None);
                assert_eq!(v.duration, 3600);
            }),
        ),
        (
            v(D(MAR1), T("P1"), N(1001.0), T("b1"), X, X, N(30.0), X, X, X),
            Ok(|v| assert_eq!(v.client.map(|c| c.0), Some(1))),
        ),
        // Times: cells and text; 7:30–8:15 = 45 min.
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                Tm(0.3125),
                Tm(0.34375),
                X,
                X,
                X,
                X,
            ),
            Ok(|v| {
                assert_eq!(v.start, Some(27_000));
                assert_eq!(v.duration, 2700);
                assert!(v.flags.is_clear());
            }),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("7:30"),
                T("08:15:00"),
                X,
                X,
                X,
                X,
            ),
            Ok(|v| assert_eq!(v.duration, 2700)),
        ),
        // 23:30 → 0:30 passes midnight: 60 min.
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("23:30"),
                T("0:30"),
                X,
                X,
                X,
                X,
            ),
            Ok(|v| {
                assert_eq!(v.duration, 3600);
                assert!(v.flags.passes_midnight);
            }),
        ),
        // 23:00 → 24:00 is 60 min and does not pass midnight.
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("23:00"),
                T("24:00"),
                X,
                X,
                X,
                X,
            ),
            Ok(|v| {
                assert_eq!(v.duration, 3600);
                assert!(v.flags.is_clear());
            }),
        ),
        // 7:30–8:00 with 45 minutes written: start/end win, flagged.
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("7:30"),
                T("8:00"),
                N(45.0),
                X,
                X,
                X,
            ),
            Ok(|v| {
                assert_eq!(v.duration, 1800);
                assert!(v.flags.minutes_mismatch);
            }),
        ),
        // ... with 30.5 minutes: within a minute, not flagged.
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("7:30"),
                T("8:00"),
                N(30.5),
                X,
                X,
                X,
            ),
            Ok(|v| assert!(v.flags.is_clear())),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("7:30"),
                X,
                N(20.0),
                X,
                X,
                X,
            ),
            Ok(|v| {
                assert_eq!(v.duration, 1200);
                assert!(v.flags.incomplete_times);
            }),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), T("7:30"), X, X, X, X, X),
            Err((Reason::OneTimeOnly, "E")),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, T("8:00"), X, X, X, X),
            Err((Reason::OneTimeOnly, "F")),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, X, N(1.0), X, X),
            Err((Reason::NoDuration, "G")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("24:00"),
                T("24:00"),
                X,
                X,
                X,
                X,
            ),
            Err((Reason::NotATime, "E")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                T("7.30"),
                T("8:00"),
                X,
                X,
                X,
                X,
            ),
            Err((Reason::NotATime, "E")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                N(0.3125),
                T("8:00"),
                X,
                X,
                X,
                X,
            ),
            Err((Reason::NotATime, "E")),
        ),
        // Durations: h:mm text, decimal comma, [h]:mm and h:mm cells.
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, T("1:30"), X, X, X),
            Ok(|v| assert_eq!(v.duration, 5400)),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, T("90,5"), X, X, X),
            Ok(|v| assert_eq!(v.duration, 5430)),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                Dur(0.0625),
                X,
                X,
                X,
            ),
            Ok(|v| assert_eq!(v.duration, 5400)),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                Tm(15.0 / 1440.0),
                X,
                X,
                X,
            ),
            Ok(|v| assert_eq!(v.duration, 900)),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, N(0.0), X, X, X),
            Ok(|v| assert_eq!(v.duration, 0)),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, N(-15.0), X, X, X),
            Err((Reason::NegativeDuration, "G")),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, T("abc"), X, X, X),
            Err((Reason::NotADuration, "G")),
        ),
        (
            v(D(MAR1), T("P1"), T("K1"), T("b1"), X, X, B(true), X, X, X),
            Err((Reason::NotADuration, "G")),
        ),
        // Quantity, travel, fee.
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("d7"),
                X,
                X,
                N(20.0),
                T("2,5"),
                T("15"),
                T("1 234,50 Kč"),
            ),
            Ok(|v| {
                assert_eq!(v.quantity, dec("2.5"));
                assert_eq!(v.travel, 900);
                assert_eq!(v.fee, Some(dec("1234.50")));
            }),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                N(82.5),
            ),
            Ok(|v| assert_eq!(v.fee, Some(dec("82.5")))),
        ),
        // A fee of 5·10²⁸ (two such rows once overflowed the audit's sum of
        // fees) and one of exactly 10¹² + 1: beyond MAX_NUMBER = 10¹².
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                T("50000000000000000000000000000"),
            ),
            Err((Reason::OutOfRange("±10¹²".into()), "J")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                N(1_000_000_000_001.0),
            ),
            Err((Reason::OutOfRange("±10¹²".into()), "J")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                N(1_000_000_000_000.0),
            ),
            Ok(|v| assert_eq!(v.fee, Some(dec("1000000000000")))),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("d7"),
                X,
                X,
                N(20.0),
                N(-1.0),
                X,
                X,
            ),
            Err((Reason::Negative, "H")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                N(-5.0),
                X,
            ),
            Err((Reason::NegativeDuration, "I")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                T("abc"),
            ),
            Err((Reason::NotANumber, "J")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                N(-5.0),
            ),
            Err((Reason::Negative, "J")),
        ),
        (
            v(
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                X,
                X,
                N(30.0),
                X,
                X,
                E("#DIV/0!"),
            ),
            Err((Reason::ErrorCell, "J")),
        ),
    ];

    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "WORKERS",
        &["Worker ID", "Role", "FTE"],
        &[vec![T("P1"), T("PSS"), N(1.0)]],
    );
    sheet(
        &mut wb,
        "klienti",
        &["  Client ID ", "Obec"],
        &[vec![T("K1"), T("Vzorov")], vec![N(1001.0), T("Vzorov")]],
    );
    let mut header: Vec<&str> = vec![
        "Datum",
        "Pracovník",
        "Klient",
        "Úkon",
        "Od",
        "Do",
        "Minuty",
        "Množství",
        "Cesta min",
        "Úhrada",
    ];
    header.push("Poznámka"); // a column the library does not know: K
    let mut rows: Vec<Vec<W>> = cases.iter().map(|(c, _)| c.clone()).collect();
    // An error cell in the unknown column is a notice; the row is accepted.
    let noted = rows.len();
    rows.push(vec![
        D(MAR1),
        T("P1"),
        T("K1"),
        T("b1"),
        X,
        X,
        N(10.0),
        X,
        X,
        X,
        E("#REF!"),
    ]);
    // A blank row, then a totals row: neither is a data row.
    rows.push(vec![]);
    rows.push(vec![T("Celkem"), X, X, X, X, X, N(999.0)]);
    sheet(&mut wb, "Výkazy", &header, &rows);
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());

    let mut accepted = ds.visits.iter();
    for (i, (_, expect)) in cases.iter().enumerate() {
        let row = i as u32 + 2;
        match expect {
            Ok(check) => {
                let v = accepted
                    .next()
                    .unwrap_or_else(|| panic!("row {row} missing"));
                assert_eq!(v.row, row, "accepted rows in order");
                check(v);
            }
            Err((reason, col)) => {
                let place = format!("Výkazy!{col}{row}");
                let p = rejection(&problems.list, &place)
                    .unwrap_or_else(|| panic!("no rejection at {place}: {:?}", problems.list));
                assert_eq!(&p.reason, reason, "{place}");
            }
        }
    }
    let last = accepted.next().expect("the row with a noted error cell");
    assert_eq!(last.row, noted as u32 + 2);
    let notice_at = |place: &str, reason: Reason| {
        assert!(
            problems
                .list
                .iter()
                .any(|p| !p.is_rejected() && p.place.to_string() == place && p.reason == reason),
            "no notice {reason:?} at {place}"
        )
    };
    notice_at(
        &format!("Výkazy!K{}", noted + 2),
        Reason::ErrorInUnusedColumn,
    );
    notice_at("Výkazy!K1", Reason::IgnoredColumn);
    notice_at(&format!("Výkazy!A{}", noted + 4), Reason::TotalsRow);

    let n_ok = cases.iter().filter(|c| c.1.is_ok()).count() as u64 + 1;
    let n_bad = cases.iter().filter(|c| c.1.is_err()).count() as u64;
    let count = problems.count("Výkazy");
    assert_eq!(count.accepted, n_ok);
    assert_eq!(count.rejected, n_bad);
    // The blank row and the totals row are not read.
    assert_eq!(count.read, n_ok + n_bad);
}

#[test]
fn a_row_ending_past_u32_seconds_is_read_and_audited() {
    // Minutes are read up to 71 582 788 (u32::MAX seconds). With a start of
    // 23:00 (82 800 s) the row's end, start + duration, does not fit in
    // u32: reading it and auditing it panicked in debug builds. The row is
    // accepted (only a start: minutes used, incomplete times, as for the
    // second row); the audit flags its duration (over 720 min) and its day
    // (over 12 h).
    let mut wb = Workbook::new();
    p1_k1(&mut wb);
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Od", "Minuty"],
        &[
            vec![
                D(MAR1),
                T("P1"),
                T("K1"),
                T("b1"),
                Tm(23.0 / 24.0),
                N(71_582_788.0),
            ],
            vec![D(MAR1), T("P1"), T("K1"), T("b1"), Tm(22.0 / 24.0), N(30.0)],
        ],
    );
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    assert_eq!(ds.visits.len(), 2, "{:?}", problems.list);
    assert_eq!(ds.visits[0].duration, 71_582_788 * 60);
    assert_eq!(ds.visits[0].end(), Some(u32::MAX));
    let r = homecare_audit::audit::Audit::new(&ds)
        .problems(&problems)
        .run();
    let count = |k: &str| r.value(&format!("integrity.findings.{k}"));
    assert_eq!(count("duration"), Some(Decimal::ONE));
    assert_eq!(count("long_day"), Some(Decimal::ONE));
    assert_eq!(count("incomplete_times"), Some(Decimal::TWO));
}

#[test]
fn client_and_worker_values_with_places() {
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Klienti",
        &[
            "ID klienta",
            "ROK NAROZENI",
            "stupeň pnp.",
            "Žije sám",
            "Ohrožen soc. vyloučením",
            "Osvobozen od úhrady",
            "Obec",
            "Smlouva od",
            "Smlouva do",
        ],
        &[
            vec![
                T("K1"),
                N(1941.0),
                T("II"),
                T("ano"),
                T("ne"),
                T("x"),
                T("Vzorov"),
                T("1. 1. 2024"),
                X,
            ],
            vec![T("K2"), N(1850.0)],
            vec![T("K3"), N(1941.5)],
            vec![T("K4"), X, T("V")],
            vec![T("K5"), X, X, T("možná")],
            vec![T("K1"), N(1950.0)],
            vec![T("K6"), X, X, X, X, X, X, T("1. 6. 2025"), T("1. 1. 2025")],
            vec![T("K7"), X, X, X, X, X, T("Lhota")],
            vec![T("K8"), X, T("bez"), B(true)],
            vec![T("K9"), X, N(3.0), N(0.0)],
        ],
    );
    sheet(
        &mut wb,
        "Pracovníci",
        &[
            "ID pracovníka",
            "Pozice",
            "Úvazek",
            "Týdenní pracovní doba",
            "Nástup",
            "Ukončení",
            "Absence hod",
            "Vzdělávání hod",
            "Osobní náklady",
        ],
        &[
            vec![T("P1"), T("PSS"), N(1.0)],
            vec![T("P2"), T("pečovatelka"), T("0,5")],
            vec![T("P3"), T("kuchař"), N(1.0)],
            vec![T("P4"), T("PSS"), N(2.0)],
            vec![T("P5"), T("PSS"), N(0.0)],
            vec![T("P6"), T("PSS"), N(1.0), N(42.0)],
            vec![T("P7"), T("PSS"), N(1.0), X, X, X, T("-3")],
            vec![
                T("P8"),
                T("sociální pracovnice"),
                N(1.0),
                T("37,5"),
                X,
                X,
                T("160,5"),
                N(24.0),
                T("412 000"),
            ],
            vec![T("P9"), T("VED"), N(1.0), X, X, X, X, X, T("abc")],
        ],
    );
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[],
    );
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());

    let expect = |place: &str, reason: Reason| {
        let p =
            rejection(&problems.list, place).unwrap_or_else(|| panic!("no rejection at {place}"));
        assert_eq!(p.reason.id(), reason.id(), "{place}");
    };
    expect("Klienti!B3", Reason::OutOfRange(String::new()));
    expect("Klienti!B4", Reason::NotAnInteger);
    expect("Klienti!C5", Reason::UnknownDegree);
    expect("Klienti!D6", Reason::NotYesNo);
    expect("Klienti!A7", Reason::DuplicateId);
    expect("Klienti!I8", Reason::OutOfRange(String::new()));
    let ids: Vec<&str> = ds.clients.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["K1", "K7", "K8", "K9"]);
    let k1 = &ds.clients[0];
    assert_eq!(k1.birth_year, Some(1941));
    assert_eq!(k1.care_allowance, Some(CareDegree::II));
    assert_eq!(
        (k1.lives_alone, k1.at_risk, k1.fee_exempt),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(k1.contract_from, Some(d(2024, 1, 1)));
    // An empty degree is unknown, not "none".
    assert_eq!(ds.clients[1].care_allowance, None);
    assert_eq!(ds.clients[2].care_allowance, Some(CareDegree::None));
    assert_eq!(ds.clients[2].lives_alone, Some(true));
    assert_eq!(ds.clients[3].care_allowance, Some(CareDegree::III));
    assert_eq!(ds.clients[3].lives_alone, Some(false));

    expect("Pracovníci!B4", Reason::UnknownRole);
    expect("Pracovníci!C5", Reason::OutOfRange(String::new()));
    expect("Pracovníci!C6", Reason::OutOfRange(String::new()));
    expect("Pracovníci!D7", Reason::OutOfRange(String::new()));
    expect("Pracovníci!G8", Reason::Negative);
    expect("Pracovníci!I10", Reason::NotANumber);
    let ids: Vec<&str> = ds.workers.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P2", "P8"]);
    assert_eq!(ds.workers[1].role, Role::Pss);
    assert_eq!(ds.workers[1].fte, dec("0.5"));
    let p8 = &ds.workers[2];
    assert_eq!(p8.role, Role::Sp);
    assert_eq!(p8.weekly_hours, Some(dec("37.5")));
    // 160.5 h = 577 800 s; 24 h = 86 400 s.
    assert_eq!(p8.absence, Some(577_800));
    assert_eq!(p8.training, Some(86_400));
    assert_eq!(p8.personnel_cost, Some(dec("412000")));

    for sheet in ["Klienti", "Pracovníci", "Výkazy"] {
        let c = problems.count(sheet);
        assert!(c.balances(), "{sheet}: {c:?}");
    }
    assert_eq!(problems.count("Klienti").read, 10);
    assert_eq!(problems.count("Pracovníci").rejected, 6);
}

#[test]
fn provider_sheet_keys_and_values() {
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Poskytovatel",
        &["Údaj", "Hodnota"],
        &[
            vec![T("Název"), T("PS Lhota")],
            vec![T("ICO"), N(64581.0)], // a number: leading zeros restored
            vec![T("Kraj"), T("khk")],
            vec![T("Období od"), T("1. 1. 2025")],
            vec![T("Období do"), D(46022.0)], // 2025-12-31
            vec![T("Týdenní pracovní doba"), T("37,5")],
            vec![T("Veřejný zaměstnavatel"), T("ne")],
            vec![T("Barva loga"), T("modrá")],
        ],
    );
    empty_required_sheets(&mut wb);
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    let p = &ds.provider;
    assert_eq!(p.name, "PS Lhota");
    assert_eq!(p.ico.as_deref(), Some("00064581"));
    assert_eq!(p.region.as_deref(), Some("KHK"));
    assert_eq!(
        p.period.map(|x| (x.from, x.to)),
        Some((d(2025, 1, 1), d(2025, 12, 31)))
    );
    assert_eq!(p.weekly_hours, dec("37.5"));
    assert!(!p.public_employer);
    assert!(problems.list.iter().any(
        |x| x.place.to_string() == "Poskytovatel!A9" && x.reason == Reason::UnknownProviderKey
    ));
    assert!(problems.no_rejections());

    // A wrong check digit is rejected at its place.
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Poskytovatel",
        &["Údaj", "Hodnota"],
        &[vec![T("IČO"), T("25596642")]],
    );
    empty_required_sheets(&mut wb);
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    assert_eq!(ds.provider.ico, None);
    assert_eq!(
        rejection(&problems.list, "Poskytovatel!B2").map(|p| &p.reason),
        Some(&Reason::InvalidIco)
    );
}

/// Builds a workbook of the three required sheets with the given visits
/// header, one worker P1 and one client K1.
fn with_visits_header(header: &[&str]) -> Vec<u8> {
    let mut wb = Workbook::new();
    p1_k1(&mut wb);
    sheet(&mut wb, "Výkazy", header, &[]);
    wb.save_to_buffer().unwrap()
}

#[test]
fn structural_errors_name_what_is_wrong() {
    let err = |bytes: &[u8]| read_bytes(bytes, None, &ReadOptions::default()).unwrap_err();

    // Minutes, or both start and end, are needed.
    let e = err(&with_visits_header(&[
        "Datum",
        "Pracovník",
        "Klient",
        "Úkon",
        "Od",
    ]));
    assert!(
        matches!(
            e.kind(),
            ErrorKind::MissingColumn {
                column: "Minuty",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.place().map(|p| p.to_string()).as_deref(),
        Some("Výkazy!A1")
    );
    // Start and end instead of minutes are fine.
    read(&with_visits_header(&[
        "Datum",
        "Pracovník",
        "Klient",
        "Úkon",
        "Od",
        "Do",
    ]));

    let e = err(&with_visits_header(&["Datum", "Klient", "Úkon", "Minuty"]));
    assert!(
        matches!(
            e.kind(),
            ErrorKind::MissingColumn {
                column: "Pracovník",
                ..
            }
        ),
        "{e}"
    );

    let e = err(&with_visits_header(&[
        "Datum",
        "Pracovník",
        "Klient",
        "Úkon",
        "Minuty",
        "DATUM",
    ]));
    assert!(
        matches!(
            e.kind(),
            ErrorKind::DuplicateColumn {
                column: "Datum",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.place().map(|p| p.to_string()).as_deref(),
        Some("Výkazy!F1")
    );

    // The one required sheet, the timesheet, missing (Klienti and
    // Pracovníci are optional: tests/integration/timesheet_alone.rs).
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Pracovníci",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[],
    );
    sheet(&mut wb, "Klienti", &["ID klienta", "Stupeň PnP"], &[]);
    let e = err(&wb.save_to_buffer().unwrap());
    assert!(
        matches!(e.kind(), ErrorKind::MissingSheet { sheet: "Výkazy" }),
        "{e}"
    );
    assert_eq!(
        e.describe(homecare_audit::Lang::Cs),
        "chybí povinný list Výkazy"
    );

    // Two sheets that are the same after folding names.
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Pracovníci",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[],
    );
    sheet(
        &mut wb,
        "Workers",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[],
    );
    sheet(&mut wb, "Klienti", &["ID klienta", "Obec"], &[]);
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[],
    );
    let e = err(&wb.save_to_buffer().unwrap());
    assert!(matches!(e.kind(), ErrorKind::DuplicateSheet { .. }), "{e}");

    // A required sheet with no header row.
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Pracovníci",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[],
    );
    sheet(&mut wb, "Klienti", &["jen jedna buňka"], &[]);
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[],
    );
    let e = err(&wb.save_to_buffer().unwrap());
    assert!(matches!(e.kind(), ErrorKind::NoHeader { .. }), "{e}");
}

#[test]
fn strict_mode_turns_the_first_rejection_into_an_error() {
    let mut wb = Workbook::new();
    p1_k1(&mut wb);
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[
            vec![D(MAR1), T("P1"), T("K1"), T("b1"), N(30.0)],
            vec![D(MAR1), T("P1"), T("K1"), T("b1"), T("abc")],
        ],
    );
    let bytes = wb.save_to_buffer().unwrap();
    let (_, problems) = read(&bytes);
    assert_eq!(problems.count("Výkazy").rejected, 1);
    let e = read_bytes(&bytes, None, &ReadOptions::default().strict(true)).unwrap_err();
    match e.kind() {
        ErrorKind::Strict { problem } => {
            assert_eq!(problem.place.to_string(), "Výkazy!E3");
            assert_eq!(problem.reason, Reason::NotADuration);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_tasks_sheet_maps_provider_codes_and_rejects_bad_ones() {
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Úkony",
        &["Kód", "Název", "Úkon dle vyhlášky", "Jednotka"],
        &[
            vec![T("OBED"), T("Dovoz oběda"), T("c2"), T("úkon")],
            vec![T("HYG"), T("Hygiena"), T("B1"), X],
            vec![T("XX"), T("?"), T("z9")],
            vec![T("obed"), T("znovu"), T("c2")],
            vec![T("KM"), T("Doprava"), T("FAK"), T("kilometr")],
        ],
    );
    p1_k1(&mut wb);
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[
            vec![D(MAR1), T("P1"), T("K1"), T("Obed"), N(5.0)],
            vec![D(MAR1), T("P1"), T("K1"), T("a1"), N(5.0)],
        ],
    );
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    let expect = |place: &str, reason: Reason| {
        let p =
            rejection(&problems.list, place).unwrap_or_else(|| panic!("no rejection at {place}"));
        assert_eq!(p.reason, reason, "{place}");
    };
    expect("Úkony!C4", Reason::UnknownKind);
    expect("Úkony!A5", Reason::DuplicateId);
    expect("Úkony!D6", Reason::UnknownUnit);
    assert_eq!(ds.visits.len(), 2);
    let obed = ds.task(ds.visits[0].task);
    assert_eq!(obed.code, "OBED");
    assert_eq!(obed.kind.code(), "c2");
    // Built-in codes stay valid beside the provider's.
    assert_eq!(ds.task(ds.visits[1].task).kind.code(), "a1");
}

#[test]
fn money_sheets_and_sheet_level_notices_with_places() {
    let mut wb = Workbook::new();
    sheet(
        &mut wb,
        "Pracovníci",
        &["ID pracovníka", "Pozice", "Úvazek"],
        &[vec![T("P1"), T("PSS"), N(1.0)]],
    );
    let long_id = Box::leak("K".repeat(501).into_boxed_str());
    sheet(
        &mut wb,
        "Klienti",
        &["ID klienta", "Obec"],
        &[vec![T("K1"), T("X")], vec![T(long_id), T("X")]],
    );
    sheet(
        &mut wb,
        "Výkazy",
        &["Datum", "Pracovník", "Klient", "Úkon", "Minuty"],
        &[],
    );
    sheet(
        &mut wb,
        "Ceník",
        &["Úkon", "Cena", "Platí od"],
        &[
            vec![T("b1"), T("150,00 Kč")],
            vec![T("zz"), N(100.0)],
            vec![T("d1"), N(-5.0)],
        ],
    );
    sheet(
        &mut wb,
        "Náklady",
        &["Kategorie", "Skupina", "Částka", "Poznámka"],
        &[
            vec![T("mzdy"), X, T("1 000 000")],
            vec![T("Supervize"), X, N(5000.0)], // unknown category, no group
            vec![T("Supervize"), T("provozní"), N(5000.0)],
            vec![T("phm"), T("jiná"), N(100.0)],
            vec![T("opravy"), X, N(-200.0)], // a correction: accepted, noticed
        ],
    );
    sheet(
        &mut wb,
        "Výnosy",
        &["Zdroj", "Částka"],
        &[vec![T("úhrady"), N(5000.0)], vec![T("sponzor"), N(100.0)]],
    );
    sheet(&mut wb, "List1", &["a", "b"], &[]);
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    let at = |place: &str| {
        problems
            .list
            .iter()
            .find(|p| p.place.to_string() == place)
            .unwrap_or_else(|| panic!("nothing at {place}: {:?}", problems.list))
    };
    assert_eq!(at("Klienti!A3").reason, Reason::TooLong);
    assert_eq!(at("Ceník!A3").reason, Reason::UnknownTask);
    assert_eq!(at("Ceník!B4").reason, Reason::Negative);
    assert_eq!(at("Náklady!A3").reason, Reason::UnknownCategory);
    assert_eq!(at("Náklady!B5").reason, Reason::UnknownGroup);
    let correction = at("Náklady!C6");
    assert_eq!(correction.reason, Reason::NegativeCorrection);
    assert!(!correction.is_rejected());
    assert_eq!(at("Výnosy!A3").reason, Reason::UnknownRevenueSource);
    assert_eq!(at("List1!A1").reason, Reason::IgnoredSheet);
    // Accepted: wages, the custom category with its group, the correction.
    let costs = ds.costs.as_ref().unwrap();
    assert_eq!(costs.len(), 3);
    assert_eq!(costs[0].amount, dec("1000000"));
    assert_eq!(
        costs[1].category,
        homecare_audit::CostCategory::Custom("Supervize".into())
    );
    assert_eq!(costs[1].group, homecare_audit::CostGroup::Operating);
    assert_eq!(costs[2].amount, dec("-200"));
    assert_eq!(ds.prices.len(), 1);
    assert_eq!(ds.prices[0].price, dec("150.00"));
    assert_eq!(ds.revenues.as_ref().unwrap().len(), 1);
    assert_eq!(
        problems.count("Náklady"),
        homecare_audit::RowCount {
            read: 5,
            accepted: 3,
            rejected: 2
        }
    );
}

/// The `Model` sheet: parameters by id or by label in either language,
/// each bad row rejected at its place; the rest keep the example values.
#[test]
fn model_sheet_sets_the_normative_parameters() {
    let mut wb = Workbook::new();
    empty_required_sheets(&mut wb);
    sheet(
        &mut wb,
        "Model",
        &["Parametr", "Hodnota", "Zdroj"],
        &[
            vec![T("care_pay_monthly"), N(38000.0), T("KHK 2026, příloha 3")],
            vec![T("Cost per km"), N(6.1)],
            vec![T("Režie: podíl z ceny"), N(0.2), T("rozhodnutí rady")],
            vec![T("nějaký parametr"), N(1.0)],
            vec![T("margin_share"), N(-0.1)],
            vec![T("leave_weeks"), T("pět")],
            // Outside the ranges: a utilisation of 1 %, a 200-hour week.
            vec![T("target_utilisation"), N(0.01)],
            vec![T("weekly_hours"), N(200.0)],
        ],
    );
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    let p = ds.normative.expect("parameters");
    assert!(!p.example);
    assert_eq!(p.care_pay_monthly, Decimal::from(38000));
    assert_eq!(p.cost_per_km, "6.1".parse::<Decimal>().unwrap());
    assert_eq!(p.overhead_share, "0.2".parse::<Decimal>().unwrap());
    assert_eq!(p.sources["care_pay_monthly"], "KHK 2026, příloha 3");
    // Not given: the example value, its source still says so.
    assert_eq!(p.leave_weeks, Decimal::from(5));
    assert!(p.sources["leave_weeks"].contains("§212"));
    assert!(p.sources["training_hours"].starts_with("§111"));
    let at = |place: &str| {
        problems
            .list
            .iter()
            .find(|x| x.place.to_string() == place)
            .map(|x| x.reason.clone())
    };
    assert_eq!(at("Model!A5"), Some(Reason::UnknownParameter));
    assert_eq!(at("Model!B6"), Some(Reason::Negative));
    assert!(at("Model!B7").is_some());
    // The ranges of NORMATIVE_PARAMS: utilisation 0.05–1, weekly hours 1–168.
    assert_eq!(at("Model!B8"), Some(Reason::OutOfRange("0,05–1".into())));
    assert_eq!(at("Model!B9"), Some(Reason::OutOfRange("1–168".into())));
    let count = problems.count("Model");
    assert_eq!((count.read, count.accepted, count.rejected), (8, 3, 5));
}
