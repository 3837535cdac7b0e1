//! CSV exports and column mappings made of random pieces (delimiters,
//! quotes, line ends, bytes of every encoding, mapping words right and
//! wrong): reading never panics, ends in a dataset or an error, and every
//! file's rows read = accepted + rejected. The fuzz targets `read_csv` and
//! `read_mapping` (fuzz/) do the same from arbitrary bytes, without end.

use homecare_audit::workbook::{Input, ReadOptions, read_inputs};
use proptest::prelude::*;

const CLIENTS: &str = "ID klienta;Stupeň PnP\nK1;II\nK2;bez\n";
const STAFF: &str = "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n";

/// A piece of a CSV file: what exports hold, and what breaks them.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b";".to_vec()),
        Just(b",".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just("Datum;Pracovník;Klient;Úkon;Minuty\n".as_bytes().to_vec()),
        Just(b"3.3.2025;P1;K1;a1;30\n".to_vec()),
        Just(b"1551157.54-".to_vec()),
        Just(b"85,50".to_vec()),
        Just(b"Celkem".to_vec()),
        // windows-1250 / ISO-8859-2 letters, an unassigned byte, a broken
        // UTF-8 sequence, a NUL.
        Just(b"\x8A\x9D\x9E".to_vec()),
        Just(b"\xA9\xBB\xBE".to_vec()),
        Just(b"\x81\x98".to_vec()),
        Just(b"\xC5".to_vec()),
        Just(b"\0".to_vec()),
        "[a-zA-Z0-9:. ]{0,8}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..6),
    ]
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

/// A mapping row's cell: our words, export words, and nonsense.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "Výkazy",
        "Klienti",
        "Pracovníci",
        "Vykazky",
        "Datum",
        "Klient",
        "Minuty",
        "Barva",
        "Datum výkonu",
        "Uživatel",
        "Doba (min)",
        "export.csv",
        "klienti.csv",
        "chybi.csv",
        "export.csv/List1",
        "\"",
        ";",
    ])
}

fn mapping() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(proptest::collection::vec(word(), 4), 0..12).prop_map(|rows| {
        let mut out = String::from("List;Sloupec;Ve vstupu;Soubor\n");
        for row in rows {
            out.push_str(&row.join(";"));
            out.push('\n');
        }
        out.into_bytes()
    })
}

fn balances(inputs: &[Input<'_>]) {
    if let Ok((_, problems)) = read_inputs(inputs, &ReadOptions::default()) {
        for (sheet, c) in &problems.rows {
            assert!(c.balances(), "{sheet}: {c:?}");
        }
        for (file, sheets) in &problems.rows_by_file {
            for (sheet, c) in sheets {
                assert!(c.balances(), "{file}/{sheet}: {c:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_timesheet_csv_reads_or_is_refused_and_balances(bytes in file()) {
        balances(&[
            Input::bytes("vykazy.csv", &bytes),
            Input::bytes("klienti.csv", CLIENTS.as_bytes()),
            Input::bytes("pracovnici.csv", STAFF.as_bytes()),
        ]);
    }

    #[test]
    fn any_mapping_reads_or_is_refused_and_balances(map in mapping()) {
        let visits = "Datum výkonu;Pečovatelka;Uživatel;Úkon;Doba (min)\n3.3.2025;P1;K1;a1;30\n";
        balances(&[
            Input::bytes("export.csv", visits.as_bytes()),
            Input::bytes("klienti.csv", CLIENTS.as_bytes()),
            Input::bytes("pracovnici.csv", STAFF.as_bytes()),
            Input::bytes("sloupce.csv", &map),
        ]);
    }
}
