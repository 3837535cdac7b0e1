//! Fuzz target: bytes as a CSV timesheet (`vykazy.csv`) beside a small
//! client list and staff list as CSV, so that the bytes reach the dialect
//! detection, the CSV grammar, the decoding and the timesheet's parser.
#![no_main]

use homecare_audit::workbook::{Input, read_inputs};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const CLIENTS: &[u8] = "ID klienta;Stupeň PnP\nK1;II\nK2;bez\n".as_bytes();
const STAFF: &[u8] = "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n".as_bytes();

fuzz_target!(|data: &[u8]| {
    common::init();
    let inputs = [
        Input::bytes("vykazy.csv", data),
        Input::bytes("klienti.csv", CLIENTS),
        Input::bytes("pracovnici.csv", STAFF),
    ];
    if let Ok((dataset, problems)) = read_inputs(&inputs, &common::options()) {
        common::check(&dataset, &problems);
    }
});
