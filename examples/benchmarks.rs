//! Writes the commented example benchmarks workbook
//! (`fixtures/benchmarks-example.xlsx`): the format a region or an auditor
//! fills with their own figures. Its figures are **examples**, not any
//! region's values, and every row says so.
//!
//! ```text
//! cargo run --example benchmarks -- [OUTPUT.xlsx]   (default: fixtures/benchmarks-example.xlsx)
//! ```

use std::process::ExitCode;

use clap::Parser;

use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

/// indicator, region, valid from, valid to, min, max, target.
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

const EXAMPLE: &str = "PŘÍKLAD – ilustrační hodnota, nikoli údaj kraje; nahraďte hodnotou \
                       z dokumentu kraje a uveďte jej zde (název, rok)";

const ROWS: &[Row] = &[
    (
        "cost.per_direct_hour",
        "KHK",
        Some("2025-01-01"),
        None,
        Some(450.0),
        Some(750.0),
        Some(600.0),
    ),
    (
        "cost.per_client",
        "KHK",
        Some("2025-01-01"),
        None,
        None,
        Some(60000.0),
        None,
    ),
    (
        "revenue.fee_share",
        "KHK",
        Some("2025-01-01"),
        None,
        Some(0.15),
        Some(0.40),
        None,
    ),
    (
        "staff.utilization",
        "CZ",
        Some("2025-01-01"),
        None,
        Some(0.55),
        Some(0.85),
        Some(0.70),
    ),
    (
        "staff.travel_share",
        "CZ",
        Some("2025-01-01"),
        None,
        None,
        Some(0.30),
        None,
    ),
    (
        "staff.adequacy",
        "KHK",
        Some("2025-01-01"),
        None,
        Some(0.90),
        Some(1.30),
        Some(1.0),
    ),
    (
        "target.high_dependency_share",
        "KHK",
        Some("2025-01-01"),
        None,
        Some(0.40),
        None,
        None,
    ),
    (
        "target.meal_only_share",
        "KHK",
        Some("2025-01-01"),
        None,
        None,
        Some(0.30),
        None,
    ),
    (
        "staff.training_compliance",
        "CZ",
        Some("2025-01-01"),
        None,
        Some(1.0),
        None,
        None,
    ),
];

fn write(path: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("d.m.yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Benchmarky")?;
    for (c, (h, w)) in [
        ("Ukazatel", 30.0),
        ("Kraj", 8.0),
        ("Platí od", 11.0),
        ("Platí do", 11.0),
        ("Minimum", 10.0),
        ("Maximum", 10.0),
        ("Cíl", 10.0),
        ("Zdroj", 90.0),
    ]
    .into_iter()
    .enumerate()
    {
        ws.write_string_with_format(0, c as u16, h, &header)?;
        ws.set_column_width(c as u16, w)?;
    }
    for (i, (ind, region, from, to, min, max, target)) in ROWS.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *ind)?;
        ws.write_string(r, 1, *region)?;
        for (c, d) in [(2u16, from), (3, to)] {
            if let Some(d) = d {
                ws.write_datetime_with_format(r, c, ExcelDateTime::parse_from_str(d)?, &date)?;
            }
        }
        for (c, v) in [(4u16, min), (5, max), (6, target)] {
            if let Some(v) = v {
                ws.write_number(r, c, *v)?;
            }
        }
        ws.write_string(r, 7, EXAMPLE)?;
    }
    ws.set_freeze_panes(1, 0)?;

    let notes = wb.add_worksheet();
    notes.set_name("Návod")?;
    notes.set_column_width(0, 110)?;
    let lines = [
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
    ];
    for (i, l) in lines.iter().enumerate() {
        notes.write_string(i as u32, 0, *l)?;
    }
    wb.save(path)
}

/// Zapíše komentovaný vzorový sešit srovnávacích hodnot.
/// Writes the commented example benchmarks workbook.
#[derive(Parser)]
#[command(name = "benchmarks", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Kam sešit zapsat / where to write the workbook
    #[arg(
        value_name = "OUTPUT.xlsx",
        default_value = "fixtures/benchmarks-example.xlsx"
    )]
    path: String,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage";

fn main() -> ExitCode {
    let path = Args::parse().path;
    match write(&path) {
        Ok(()) => {
            println!("{path}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {path}: {e}");
            ExitCode::from(1)
        }
    }
}
