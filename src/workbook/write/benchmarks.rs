//! The benchmarks workbook: a region's bounds for the indicators (sheet
//! `Benchmarky`) in the form `audit --benchmarks` reads, with a `Návod`
//! sheet saying where a region publishes its own figures. The example
//! workbook (`fixtures/benchmarks-example.xlsx`) is this writer's output
//! of [`BenchmarksWorkbook::example`]: its figures are examples, not any
//! region's values, and every row says so.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::report::cell::num;
use crate::model::Benchmark;
use crate::workbook::schema::{BENCHMARKS, SheetKind};

/// The source every example row gives, so that no one mistakes it for a
/// region's figure.
pub const EXAMPLE_SOURCE: &str = "PŘÍKLAD – ilustrační hodnota, nikoli údaj kraje; nahraďte hodnotou \
                                  z dokumentu kraje a uveďte jej zde (název, rok)";

/// One example row: indicator, region, min, max, target (as integers),
/// and the scale of the three figures (2: hundredths).
type ExampleRow = (
    &'static str,
    &'static str,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    u32,
);

/// The example rows, valid from 1. 1. 2025, open-ended; shares as
/// fractions (`0.40` = 40 %).
const EXAMPLE: &[ExampleRow] = &[
    (
        "cost.per_direct_hour",
        "KHK",
        Some(450),
        Some(750),
        Some(600),
        0,
    ),
    ("cost.per_client", "KHK", None, Some(60000), None, 0),
    ("revenue.fee_share", "KHK", Some(15), Some(40), None, 2),
    ("staff.utilization", "CZ", Some(55), Some(85), Some(70), 2),
    ("staff.travel_share", "CZ", None, Some(30), None, 2),
    ("staff.adequacy", "KHK", Some(90), Some(130), Some(100), 2),
    (
        "target.high_dependency_share",
        "KHK",
        Some(40),
        None,
        None,
        2,
    ),
    ("target.meal_only_share", "KHK", None, Some(30), None, 2),
    ("staff.training_compliance", "CZ", Some(1), None, None, 0),
];

/// The example `Financování` rows: parameter, value (integer) and its
/// scale, region. Illustrative figures, each row's source saying so.
const FINANCING_EXAMPLE: &[(&str, i64, u32)] = &[
    ("normativní náklad na úvazek", 720_000, 0),
    ("podíl vlastních výnosů", 25, 2),
    ("podíl obcí", 12, 2),
];

/// The `Návod` sheet's lines.
const GUIDE: &[&str] = &[
    "Sešit mezí (benchmarků) pro homecare-audit – VZOR. Hodnoty v listu Benchmarky jsou PŘÍKLADY.",
    "",
    "Každý řádek: id ukazatele (viz docs/indicators.md nebo list Ukazatele zprávy), kraj (kód kraje, nebo CZ pro",
    "celostátní hodnotu), platnost od–do, minimum / maximum / cíl (podíly jako desetinná čísla: 0,4 = 40 %)",
    "a zdroj: dokument a rok, ze kterého hodnota pochází. Řádek bez zdroje se nepoužije.",
    "Platí mez kraje poskytovatele k poslednímu dni období; řádek kraje má přednost před CZ.",
    "",
    "Kde kraj zveřejňuje vlastní hodnoty: v pravidlech financování sociálních služeb ze sítě kraje",
    "(např. Královéhradecký kraj: „Zásady pro realizaci financování sociálních služeb zařazených do Sítě",
    "sociálních služeb KHK … formou vyrovnávací platby“ a přílohy pověření, kr-kralovehradecky.cz),",
    "v krajském střednědobém plánu rozvoje sociálních služeb a v podkladech k dotačnímu řízení (optimální",
    "náklady na úvazek, podíl úhrad). Nejsou-li zveřejněny, vyžádejte je od odboru sociálních věcí kraje.",
    "",
    "Použití: cargo run --release --example audit -- VSTUP.xlsx --benchmarks tento-soubor.xlsx",
    "",
    "List Financování: metodika financování kraje (normativní náklad na úvazek přímé péče za rok, očekávané",
    "vlastní výnosy na hodinu nebo podílem, podíl obcí), každý řádek se zdrojem; hodnoty jsou PŘÍKLADY.",
    "Použití: ... --financing tento-soubor.xlsx (Poskytovatel musí uvádět Kapacita v síti (úvazky)).",
];

/// A benchmarks workbook of some rows.
///
/// ```
/// use homecare_audit::workbook::{BenchmarksWorkbook, read_benchmarks_bytes};
/// let book = BenchmarksWorkbook::example();
/// let bytes = book.to_buffer()?;
/// // What it writes, the reader takes back row for row.
/// let (set, problems) = read_benchmarks_bytes(&bytes, &Default::default())?;
/// assert_eq!(set.rows, book.rows());
/// assert_eq!(problems.rejections().count(), 0);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct BenchmarksWorkbook {
    rows: Vec<Benchmark>,
    /// Also the example `Financování` sheet.
    with_financing: bool,
}

impl BenchmarksWorkbook {
    /// The workbook of `rows`.
    pub fn new(rows: Vec<Benchmark>) -> BenchmarksWorkbook {
        BenchmarksWorkbook {
            rows,
            with_financing: false,
        }
    }

    /// The commented example: illustrative bounds for the headline
    /// indicators, and an example `Financování` sheet (a region's
    /// financing method for `audit --financing`), each row's source saying
    /// it is an example.
    pub fn example() -> BenchmarksWorkbook {
        let from = NaiveDate::from_ymd_opt(2025, 1, 1);
        let rows = EXAMPLE
            .iter()
            .map(|&(indicator, region, min, max, target, scale)| {
                let d = |v: Option<i64>| v.map(|v| Decimal::new(v, scale));
                Benchmark {
                    indicator: indicator.into(),
                    region: region.into(),
                    valid_from: from,
                    valid_to: None,
                    min: d(min),
                    max: d(max),
                    target: d(target),
                    source: EXAMPLE_SOURCE.into(),
                }
            })
            .collect();
        BenchmarksWorkbook {
            rows,
            with_financing: true,
        }
    }

    /// The rows it writes.
    pub fn rows(&self) -> &[Benchmark] {
        &self.rows
    }

    /// Writes the workbook to `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file cannot
    /// be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), crate::Error> {
        super::save(self.build(), path.as_ref())
    }

    /// The workbook's bytes.
    ///
    /// # Errors
    ///
    /// As [`BenchmarksWorkbook::save`].
    pub fn to_buffer(&self) -> Result<Vec<u8>, crate::Error> {
        super::to_buffer(self.build())
    }

    fn build(&self) -> Result<Workbook, XlsxError> {
        let mut wb = Workbook::new();
        let header = super::input_header();
        let date = Format::new().set_num_format("d.m.yyyy");
        let plain = Format::new();
        let ws = wb.add_worksheet();
        ws.set_name(SheetKind::Benchmarks.cs())?;
        // The contract's headers (schema::BENCHMARKS), with widths for the
        // values they hold.
        const WIDTHS: [f64; 8] = [30.0, 8.0, 11.0, 11.0, 10.0, 10.0, 10.0, 90.0];
        for (c, (col, w)) in BENCHMARKS.iter().zip(WIDTHS).enumerate() {
            ws.write_string_with_format(0, c as u16, col.cs, &header)?;
            ws.set_column_width(c as u16, w)?;
        }
        for (i, b) in self.rows.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &b.indicator)?;
            ws.write_string(r, 1, &b.region)?;
            for (c, d) in [(2u16, b.valid_from), (3, b.valid_to)] {
                if let Some(d) = d {
                    let day =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, day, &date)?;
                }
            }
            for (c, v) in [(4u16, b.min), (5, b.max), (6, b.target)] {
                if let Some(v) = v {
                    num(ws, r, c, v, &plain)?;
                }
            }
            ws.write_string(r, 7, &b.source)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if self.with_financing {
            financing_sheet(&mut wb, &header)?;
        }
        let notes = wb.add_worksheet();
        notes.set_name("Návod")?;
        notes.set_column_width(0, 110)?;
        for (i, l) in GUIDE.iter().enumerate() {
            notes.write_string(i as u32, 0, *l)?;
        }
        Ok(wb)
    }
}

/// The example `Financování` sheet (schema::FINANCING's headers).
fn financing_sheet(wb: &mut Workbook, header: &Format) -> Result<(), XlsxError> {
    use crate::workbook::schema::FINANCING;
    let ws = wb.add_worksheet();
    ws.set_name(SheetKind::Financing.cs())?;
    const WIDTHS: [f64; 6] = [32.0, 12.0, 90.0, 8.0, 11.0, 11.0];
    for (c, (col, w)) in FINANCING.iter().zip(WIDTHS).enumerate() {
        ws.write_string_with_format(0, c as u16, col.cs, header)?;
        ws.set_column_width(c as u16, w)?;
    }
    let date = Format::new().set_num_format("d.m.yyyy");
    let plain = Format::new();
    for (i, (param, value, scale)) in FINANCING_EXAMPLE.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *param)?;
        num(ws, r, 1, Decimal::new(*value, *scale), &plain)?;
        ws.write_string(r, 2, EXAMPLE_SOURCE)?;
        ws.write_string(r, 3, "KHK")?;
        ws.write_datetime_with_format(r, 4, ExcelDateTime::from_ymd(2025, 1, 1)?, &date)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}
