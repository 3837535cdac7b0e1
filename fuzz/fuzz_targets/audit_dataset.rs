//! Fuzz target: the audit on datasets built in code, not read from a file.
//!
//! The reader bounds what a workbook can say (dates, times, numbers), so the
//! workbook targets reach the audit only with values a sheet can carry.
//! Here the fuzzer's bytes choose every field the `DatasetBuilder` takes:
//! durations and travel over the whole `u32` range, far dates, fees and
//! quantities of any scale, starts a builder must refuse, employment and
//! contract bounds, prices with dates. What the builder accepts must audit
//! (both 80-hour rules) and write a report without a panic; with
//! `cargo fuzz run -a` (as `run.sh` does) integer overflow is a panic too.
#![no_main]

use chrono::{Duration, NaiveDate};
use homecare_audit::audit::{Audit, EightyHourRule};
use homecare_audit::model::{CareDegree, Client, Dataset, Price, Provider, Role, Visit, Worker};
use homecare_audit::period::Period;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

/// The fuzzer's bytes, read one value at a time; zeros once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }
    /// A date: mostly within a few years of 2025, sometimes the ends of
    /// the years a workbook holds (0–9999), sometimes chrono's ends (which
    /// the builder refuses in a visit).
    fn date(&mut self) -> NaiveDate {
        let base = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        // The far ends rarely: a period of thousands of years is audited in
        // seconds, but slowly under the sanitizer.
        match self.u8() {
            252 => NaiveDate::MIN,
            253 => NaiveDate::MAX,
            254 => NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default(),
            255 => NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            _ => base + Duration::days(i64::from(self.u16() as i16) / 8),
        }
    }
    fn option_date(&mut self) -> Option<NaiveDate> {
        self.bool().then(|| self.date())
    }
    /// A non-negative amount of any scale up to 28, or a plain one.
    fn amount(&mut self) -> Decimal {
        if self.bool() {
            Decimal::from(self.u16())
        } else {
            let (m, scale) = (self.u32(), u32::from(self.u8() % 29));
            Decimal::from_parts(m, 0, 0, false, scale)
        }
    }
    /// Seconds: small, or anywhere in `u32`.
    fn seconds(&mut self) -> u32 {
        if self.bool() {
            u32::from(self.u16())
        } else {
            self.u32()
        }
    }
}

const ROLES: [Role; 4] = [Role::Pss, Role::Sp, Role::Ved, Role::Adm];
const TASKS: [&str; 10] = [
    "a1", "b1", "c1", "c2", "d5", "d7", "e2", "FAK", "CESTA", "ADM",
];

fn dataset(data: &[u8]) -> Dataset {
    let mut r = Bytes(data);
    let mut b = Dataset::builder();
    let mut provider = Provider::new("fuzz");
    if r.bool() {
        let (from, to) = (r.date(), r.date());
        provider.period = Period::new(from.min(to), from.max(to));
    }
    b.provider(provider);
    let mut workers = Vec::new();
    for i in 0..1 + r.u8() % 6 {
        let fte = Decimal::new(i64::from(1 + r.u8() % 150), 2);
        let mut w = Worker::new(
            format!("P{i}"),
            ROLES[usize::from(r.u8()) % ROLES.len()],
            fte,
        );
        w.employed_from = r.option_date();
        w.employed_to = r.option_date();
        w.absence = r.bool().then(|| u64::from(r.u32()));
        w.training = r.bool().then(|| u64::from(r.u32()));
        w.personnel_cost = r.bool().then(|| r.amount());
        if let Ok(id) = b.worker(w) {
            workers.push(id);
        }
    }
    let mut clients = Vec::new();
    for i in 0..r.u8() % 12 {
        let mut c = Client::new(format!("K{i}"));
        // Past the five degrees: none recorded.
        c.care_allowance = CareDegree::ALL.get(usize::from(r.u8() % 6)).copied();
        c.birth_year = r.bool().then(|| 1900 + r.u16() % 200);
        c.fee_exempt = r.bool().then(|| r.bool());
        c.contract_from = r.option_date();
        c.contract_to = r.option_date();
        if let Ok(id) = b.client(c) {
            clients.push(id);
        }
    }
    for _ in 0..r.u8() % 4 {
        if let Some(task) = b.find_task(TASKS[usize::from(r.u8()) % TASKS.len()]) {
            let price = r.amount();
            let valid_from = r.option_date();
            let _ = b.price(Price {
                task,
                price,
                valid_from,
                row: 0,
            });
        }
    }
    if workers.is_empty() {
        return b.build();
    }
    for row in 0..u32::from(r.u16() % 512) {
        let Some(task) = b.find_task(TASKS[usize::from(r.u8()) % TASKS.len()]) else {
            continue;
        };
        let worker = workers[usize::from(r.u8()) % workers.len()];
        let client = match (r.bool(), clients.is_empty()) {
            (true, false) => Some(clients[usize::from(r.u8()) % clients.len()]),
            _ => None,
        };
        let mut v = Visit::new(r.date(), worker, client, task, r.seconds());
        v.start = r.bool().then(|| {
            // Mostly a time of day; sometimes what the builder must refuse.
            if r.u8() == 0 {
                r.u32()
            } else {
                r.u32() % 86_400
            }
        });
        v.travel = r.seconds();
        v.quantity = if r.bool() { r.amount() } else { Decimal::ONE };
        v.fee = r.bool().then(|| r.amount());
        v.row = row + 2;
        v.flags.incomplete_times = r.bool();
        let _ = b.visit(v);
    }
    b.build()
}

fuzz_target!(|data: &[u8]| {
    let ds = dataset(data);
    for rule in [
        EightyHourRule::AllHoursOfMonth,
        EightyHourRule::HoursAbove80,
    ] {
        let report = Audit::new(&ds).eighty_hour_rule(rule).run();
        // The report for one input in eight: writing it is most of an
        // execution's time, and the workbook targets write it for every
        // input that reads.
        if rule == EightyHourRule::AllHoursOfMonth && data.first().is_some_and(|b| b % 8 == 0) {
            let _ = homecare_audit::workbook::ReportWorkbook::new(&report, &ds).to_buffer();
        }
    }
});
