//! Property: random workbooks with valid and deliberately bad cells, written
//! with rust_xlsxwriter and read back. Accepted values equal what was
//! written; every bad row is rejected at its place; read = accepted +
//! rejected for every sheet.

use chrono::{Duration, NaiveDate};
use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{CareDegree, Reason};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// How a cell is written, and whether the reader must accept it.
#[derive(Clone, Debug)]
enum DateCell {
    Cell(NaiveDate),
    CzechText(NaiveDate),
    IsoText(NaiveDate),
    Bad(&'static str),
}

#[derive(Clone, Debug)]
enum MinutesCell {
    Number(u32),         // whole minutes
    HourMinText(u32),    // "h:mm"
    CommaText(u32, u32), // "m,5" style: minutes and a tenth
    Bad(&'static str),
    Negative(u32),
}

#[derive(Clone, Debug)]
enum FeeCell {
    None,
    Number(i64),    // haléře
    CzechText(i64), // "1 234,50 Kč"
    Bad(&'static str),
}

#[derive(Clone, Debug)]
struct VisitRow {
    date: DateCell,
    worker: usize, // 0, 1 valid; 2 unknown
    client: usize, // 0..3 valid; 3 unknown
    task: &'static str,
    minutes: MinutesCell,
    fee: FeeCell,
}

#[derive(Clone, Debug)]
enum DegreeCell {
    Roman(u8),
    Number(u8),
    None,
    Empty,
    Bad(&'static str),
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0i64..365).prop_map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(d))
}

fn date_cell() -> impl Strategy<Value = DateCell> {
    prop_oneof![
        4 => day().prop_map(DateCell::Cell),
        2 => day().prop_map(DateCell::CzechText),
        1 => day().prop_map(DateCell::IsoText),
        1 => prop_oneof![Just("31. 2. 2025"), Just("zítra"), Just("2025/03/01")].prop_map(DateCell::Bad),
    ]
}

fn minutes_cell() -> impl Strategy<Value = MinutesCell> {
    prop_oneof![
        4 => (0u32..600).prop_map(MinutesCell::Number),
        2 => (0u32..600).prop_map(MinutesCell::HourMinText),
        1 => ((0u32..600), (0u32..10)).prop_map(|(m, t)| MinutesCell::CommaText(m, t)),
        1 => prop_oneof![Just("hodně"), Just("1:75"), Just("")].prop_map(MinutesCell::Bad),
        1 => (1u32..60).prop_map(MinutesCell::Negative),
    ]
}

fn fee_cell() -> impl Strategy<Value = FeeCell> {
    prop_oneof![
        2 => Just(FeeCell::None),
        3 => (0i64..2_000_000).prop_map(FeeCell::Number),
        2 => (0i64..2_000_000).prop_map(FeeCell::CzechText),
        1 => prop_oneof![Just("zdarma"), Just("12a")].prop_map(FeeCell::Bad),
    ]
}

fn visit_row() -> impl Strategy<Value = VisitRow> {
    (
        date_cell(),
        prop_oneof![4 => 0usize..2, 1 => Just(2usize)],
        prop_oneof![6 => 0usize..3, 1 => Just(3usize)],
        prop_oneof![Just("b1"), Just("D1"), Just("c2"), Just("e2"), Just("FAK")],
        minutes_cell(),
        fee_cell(),
    )
        .prop_map(|(date, worker, client, task, minutes, fee)| VisitRow {
            date,
            worker,
            client,
            task,
            minutes,
            fee,
        })
}

fn degree_cell() -> impl Strategy<Value = DegreeCell> {
    prop_oneof![
        (1u8..5).prop_map(DegreeCell::Roman),
        (0u8..5).prop_map(DegreeCell::Number),
        Just(DegreeCell::None),
        Just(DegreeCell::Empty),
        prop_oneof![Just("V"), Just("těžká?")].prop_map(DegreeCell::Bad),
    ]
}

fn serial(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

fn czech_money(h: i64) -> String {
    let kc = h / 100;
    let mut digits = kc.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!("\u{a0}{tail}{grouped}");
    }
    format!("{digits}{grouped},{:02} Kč", h % 100)
}

/// Writes the row and returns the expected (date, seconds, fee) if valid,
/// or the expected rejection column (0-based) otherwise.
fn write_visit(
    ws: &mut Worksheet,
    r: u32,
    v: &VisitRow,
    clients_ok: &[bool],
) -> Result<(NaiveDate, u32, Option<Decimal>, usize), u16> {
    let date_fmt = Format::new().set_num_format("d. m. yyyy");
    let date = match &v.date {
        DateCell::Cell(d) => {
            ws.write_number_with_format(r, 0, serial(*d), &date_fmt)
                .unwrap();
            Some(*d)
        }
        DateCell::CzechText(d) => {
            ws.write_string(r, 0, d.format("%-d. %-m. %Y").to_string())
                .unwrap();
            Some(*d)
        }
        DateCell::IsoText(d) => {
            ws.write_string(r, 0, d.format("%Y-%m-%d").to_string())
                .unwrap();
            Some(*d)
        }
        DateCell::Bad(s) => {
            ws.write_string(r, 0, *s).unwrap();
            None
        }
    };
    ws.write_string(r, 1, ["P1", "P2", "PX"][v.worker]).unwrap();
    ws.write_string(r, 2, ["K1", "K2", "K3", "KX"][v.client])
        .unwrap();
    ws.write_string(r, 3, v.task).unwrap();
    let secs: Option<Result<u32, ()>> = match &v.minutes {
        MinutesCell::Number(m) => {
            ws.write_number(r, 4, f64::from(*m)).unwrap();
            Some(Ok(m * 60))
        }
        MinutesCell::HourMinText(m) => {
            ws.write_string(r, 4, format!("{}:{:02}", m / 60, m % 60))
                .unwrap();
            Some(Ok(m * 60))
        }
        MinutesCell::CommaText(m, t) => {
            ws.write_string(r, 4, format!("{m},{t}")).unwrap();
            Some(Ok(m * 60 + t * 6))
        }
        MinutesCell::Bad("") => None, // an empty cell: no duration at all
        MinutesCell::Bad(s) => {
            ws.write_string(r, 4, *s).unwrap();
            Some(Err(()))
        }
        MinutesCell::Negative(m) => {
            ws.write_number(r, 4, -f64::from(*m)).unwrap();
            Some(Err(()))
        }
    };
    let fee: Result<Option<Decimal>, ()> = match &v.fee {
        FeeCell::None => Ok(None),
        FeeCell::Number(h) => {
            ws.write_number(r, 5, *h as f64 / 100.0).unwrap();
            Ok(Some(Decimal::new(*h, 2)))
        }
        FeeCell::CzechText(h) => {
            ws.write_string(r, 5, czech_money(*h)).unwrap();
            Ok(Some(Decimal::new(*h, 2)))
        }
        FeeCell::Bad(s) => {
            ws.write_string(r, 5, *s).unwrap();
            Err(())
        }
    };
    // The reader checks columns in this order: date, worker, task, client,
    // minutes, fee.
    let date = date.ok_or(0u16)?;
    if v.worker == 2 {
        return Err(1);
    }
    if v.client == 3 || !clients_ok[v.client] {
        return Err(2);
    }
    let secs = match secs {
        Some(Ok(s)) => s,
        _ => return Err(4),
    };
    let fee = fee.map_err(|_| 5u16)?;
    Ok((date, secs, fee, v.client))
}

fn write_degree(ws: &mut Worksheet, r: u32, d: &DegreeCell) -> Result<Option<CareDegree>, ()> {
    let deg = |n: u8| {
        [
            CareDegree::None,
            CareDegree::I,
            CareDegree::II,
            CareDegree::III,
            CareDegree::IV,
        ][n as usize]
    };
    match d {
        DegreeCell::Roman(n) => {
            ws.write_string(r, 1, ["", "I", "II", "III", "IV"][*n as usize])
                .unwrap();
            Ok(Some(deg(*n)))
        }
        DegreeCell::Number(n) => {
            ws.write_number(r, 1, f64::from(*n)).unwrap();
            Ok(Some(deg(*n)))
        }
        DegreeCell::None => {
            ws.write_string(r, 1, "bez").unwrap();
            Ok(Some(CareDegree::None))
        }
        DegreeCell::Empty => Ok(None),
        DegreeCell::Bad(s) => {
            ws.write_string(r, 1, *s).unwrap();
            Err(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn written_values_read_back_and_rows_balance(
        visits in prop::collection::vec(visit_row(), 0..40),
        degrees in prop::collection::vec(degree_cell(), 3),
    ) {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("Pracovníci").unwrap();
        ws.write_row(0, 0, ["ID pracovníka", "Pozice", "Úvazek"]).unwrap();
        ws.write_row(1, 0, ["P1", "PSS", "1"]).unwrap();
        ws.write_row(2, 0, ["P2", "PSS", "0,5"]).unwrap();
        let ws = wb.add_worksheet().set_name("Klienti").unwrap();
        ws.write_row(0, 0, ["ID klienta", "Stupeň PnP"]).unwrap();
        let mut clients_ok = Vec::new();
        for (i, d) in degrees.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, format!("K{}", i + 1)).unwrap();
            clients_ok.push(write_degree(ws, r, d));
        }
        let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
        ws.write_row(0, 0, ["Datum", "Pracovník", "Klient", "Úkon", "Minuty", "Úhrada"]).unwrap();
        let ok: Vec<bool> = clients_ok.iter().map(Result::is_ok).collect();
        let mut expected = Vec::new();
        for (i, v) in visits.iter().enumerate() {
            expected.push(write_visit(ws, i as u32 + 1, v, &ok));
        }
        let bytes = wb.save_to_buffer().unwrap();
        let (ds, problems) = read_bytes(&bytes, None, &ReadOptions::default()).unwrap();

        for (sheet, c) in &problems.rows {
            prop_assert!(c.balances(), "{sheet}: {c:?}");
        }
        // Clients: a bad degree rejects the client; the rest keep their degree.
        let valid_clients: Vec<usize> = clients_ok.iter().enumerate().filter(|(_, r)| r.is_ok()).map(|(i, _)| i).collect();
        prop_assert_eq!(ds.clients.len(), valid_clients.len());
        for (c, &i) in ds.clients.iter().zip(&valid_clients) {
            prop_assert_eq!(&c.id, &format!("K{}", i + 1));
            prop_assert_eq!(c.care_allowance, clients_ok[i].unwrap());
        }
        for (i, r) in clients_ok.iter().enumerate() {
            if r.is_err() {
                let place = format!("Klienti!B{}", i + 2);
                prop_assert!(problems.rejections().any(|p| p.place.to_string() == place), "{place}");
            }
        }

        // Visits: a row whose client was rejected is rejected as unknown.
        let mut accepted = ds.visits.iter();
        let mut n_ok = 0u64;
        for (i, e) in expected.iter().enumerate() {
            let row = i as u32 + 2;
            match *e {
                Ok((date, secs, fee, client)) => {
                    n_ok += 1;
                    let v = accepted.next().expect("an accepted row");
                    prop_assert_eq!(v.row, row);
                    prop_assert_eq!(v.date, date);
                    prop_assert_eq!(v.duration, secs);
                    prop_assert_eq!(v.fee, fee);
                    prop_assert_eq!(&ds.client(v.client.unwrap()).id, &format!("K{}", client + 1));
                }
                Err(col) => {
                    let place = format!("Výkazy!{}{row}", (b'A' + col as u8) as char);
                    let p = problems.rejections().find(|p| p.place.to_string() == place);
                    prop_assert!(p.is_some(), "no rejection at {place}: {:?}", problems.list);
                    if col == 2 {
                        prop_assert_eq!(&p.unwrap().reason, &Reason::UnknownClient);
                    }
                }
            }
        }
        prop_assert!(accepted.next().is_none());
        let c = problems.count("Výkazy");
        prop_assert_eq!(c.read, visits.len() as u64);
        prop_assert_eq!(c.accepted, n_ok);
    }
}
