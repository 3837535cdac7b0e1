//! Fuzz target: bytes as the auditor's column mapping (`sloupce.csv`:
//! List, Sloupec, Ve vstupu, Soubor) over a fixed export of visits with its
//! own headers, so that the bytes reach the mapping's rows, the headers it
//! renames and the files it assigns.
#![no_main]

use homecare_audit::workbook::{Input, read_inputs};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const VISITS: &[u8] =
    "Datum výkonu;Pečovatelka;Uživatel;Kód výkonu;Doba (min)\n3.3.2025;P1;K1;a1;30\n".as_bytes();
const CLIENTS: &[u8] = "Příjmení a jméno;Příspěvek\nK1;II\n".as_bytes();
const STAFF: &[u8] = "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n".as_bytes();

fuzz_target!(|data: &[u8]| {
    common::init();
    let inputs = [
        Input::bytes("export.csv", VISITS),
        Input::bytes("klienti.csv", CLIENTS),
        Input::bytes("pracovnici.csv", STAFF),
        Input::bytes("sloupce.csv", data),
    ];
    if let Ok((dataset, problems)) = read_inputs(&inputs, &common::options()) {
        common::check(&dataset, &problems);
    }
});
