//! Benchmarks: which row applies (region, date), the status bounds, loading
//! a benchmarks workbook with every bad row at its place, and the input's
//! own `Benchmarky` sheet reaching the audit.

use chrono::NaiveDate;
use homecare_audit::audit::{Audit, Status};
use homecare_audit::synth::Synth;
use homecare_audit::workbook::{InputWorkbook, ReadOptions, read_benchmarks_bytes, read_bytes};
use homecare_audit::{Benchmark, BenchmarkSet, ErrorKind};
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn row(
    region: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    min: i64,
    max: i64,
) -> Benchmark {
    Benchmark {
        indicator: "cost.per_direct_hour".into(),
        region: region.into(),
        valid_from: from,
        valid_to: to,
        min: Some(Decimal::from(min)),
        max: Some(Decimal::from(max)),
        target: None,
        source: format!("test {region} {min}-{max}"),
    }
}

#[test]
fn the_region_beats_cz_within_validity_dates() {
    let mut set = BenchmarkSet::new();
    set.push(row("CZ", Some(d(2020, 1, 1)), None, 400, 700))
        .push(row(
            "KHK",
            Some(d(2024, 1, 1)),
            Some(d(2024, 12, 31)),
            450,
            650,
        ))
        .push(row("KHK", Some(d(2025, 1, 1)), None, 500, 800));
    let pick = |region: Option<&str>, day| {
        set.select("cost.per_direct_hour", region, day)
            .map(|b| b.source.clone())
    };
    // KHK in 2025: the region's 2025 row.
    assert_eq!(
        pick(Some("KHK"), d(2025, 6, 30)).as_deref(),
        Some("test KHK 500-800")
    );
    // The region code in any case.
    assert_eq!(
        pick(Some("khk"), d(2025, 6, 30)).as_deref(),
        Some("test KHK 500-800")
    );
    // KHK in 2024: the 2024 row, valid to its last day inclusive.
    assert_eq!(
        pick(Some("KHK"), d(2024, 12, 31)).as_deref(),
        Some("test KHK 450-650")
    );
    // KHK in 2023: no KHK row valid yet, so the national one.
    assert_eq!(
        pick(Some("KHK"), d(2023, 12, 31)).as_deref(),
        Some("test CZ 400-700")
    );
    // Another region, or none: the national one.
    assert_eq!(
        pick(Some("PAK"), d(2025, 6, 30)).as_deref(),
        Some("test CZ 400-700")
    );
    assert_eq!(
        pick(None, d(2025, 6, 30)).as_deref(),
        Some("test CZ 400-700")
    );
    // Before any row is valid, and for an indicator without rows: none.
    assert_eq!(pick(Some("KHK"), d(2019, 12, 31)), None);
    assert_eq!(
        set.select("staff.adequacy", Some("KHK"), d(2025, 6, 30)),
        None
    );
}

#[test]
fn status_bounds_with_ten_percent_tolerance() {
    let b = row("CZ", None, None, 400, 700);
    let tol = Decimal::new(1, 1);
    let st = |v: &str| b.status(v.parse().unwrap(), tol);
    // Inside [400, 700], bounds included.
    assert_eq!(st("400"), Status::Ok);
    assert_eq!(st("700"), Status::Ok);
    // Below 400 by at most 10 % of 400 = 40: warn; further: bad.
    assert_eq!(st("399.99"), Status::Warn);
    assert_eq!(st("360"), Status::Warn);
    assert_eq!(st("359.99"), Status::Bad);
    // Above 700 by at most 70: warn; further: bad.
    assert_eq!(st("770"), Status::Warn);
    assert_eq!(st("770.01"), Status::Bad);
    // A legal maximum of 0 has no tolerance: any excess is bad.
    let zero = Benchmark {
        min: None,
        max: Some(Decimal::ZERO),
        ..row("CZ", None, None, 0, 0)
    };
    assert_eq!(zero.status(Decimal::ZERO, tol), Status::Ok);
    assert_eq!(zero.status("0.01".parse().unwrap(), tol), Status::Bad);
    // A target alone is a reference value, not a bound: no status.
    let target = Benchmark {
        min: None,
        max: None,
        target: Some(Decimal::from(600)),
        ..row("CZ", None, None, 0, 0)
    };
    assert_eq!(target.status(Decimal::from(900), tol), Status::None);
}

/// A benchmarks workbook: a `Benchmarky` sheet with a header and `rows`
/// (text cells; numbers and dates as typed by an auditor).
fn workbook(rows: &[[&str; 8]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Benchmarky").unwrap();
    let header = [
        "Ukazatel",
        "Kraj",
        "Platí od",
        "Platí do",
        "Minimum",
        "Maximum",
        "Cíl",
        "Zdroj",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let (r, c) = (r as u32 + 1, c as u16);
            match v.parse::<f64>() {
                Ok(n) => ws.write_number(r, c, n).unwrap(),
                Err(_) => ws.write_string(r, c, *v).unwrap(),
            };
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_benchmarks_workbook_reads_with_every_bad_row_at_its_place() {
    let bytes = workbook(&[
        // Row 2: valid (dates as text in the Czech form).
        [
            "cost.per_direct_hour",
            "khk",
            "1.1.2025",
            "",
            "450",
            "750",
            "600",
            "Kraj X, 2025",
        ],
        // Row 3: an id the library does not compute.
        ["cost.per_banana", "KHK", "", "", "1", "2", "", "src"],
        // Row 4: min above max.
        ["staff.adequacy", "KHK", "", "", "1.3", "0.9", "", "src"],
        // Row 5: valid to before valid from.
        [
            "staff.adequacy",
            "KHK",
            "1.1.2025",
            "31.12.2024",
            "0.9",
            "1.3",
            "",
            "src",
        ],
        // Row 6: no bound at all.
        ["staff.adequacy", "KHK", "", "", "", "", "", "src"],
        // Row 7: no source.
        ["staff.adequacy", "KHK", "", "", "0.9", "1.3", "", ""],
        // Row 8: a minimum that is not a number.
        ["staff.adequacy", "KHK", "", "", "hodně", "1.3", "", "src"],
        // Row 9: valid, no region (national), family id.
        [
            "target.clients_by_degree.IV",
            "",
            "",
            "",
            "0.05",
            "",
            "",
            "src",
        ],
    ]);
    let (set, problems) = read_benchmarks_bytes(&bytes, &ReadOptions::default()).unwrap();
    let count = problems.count("Benchmarky");
    assert_eq!((count.read, count.accepted, count.rejected), (8, 2, 6));
    let got: Vec<(String, &str)> = problems
        .rejections()
        .map(|p| (p.place.to_string(), p.kind()))
        .collect();
    assert_eq!(
        got,
        [
            ("Benchmarky!A3".to_string(), "unknown_indicator"),
            ("Benchmarky!F4".to_string(), "bounds_reversed"),
            ("Benchmarky!D5".to_string(), "period_reversed"),
            ("Benchmarky!E6".to_string(), "no_bound"),
            ("Benchmarky!H7".to_string(), "missing"),
            ("Benchmarky!E8".to_string(), "not_a_number"),
        ]
    );
    assert_eq!(set.rows.len(), 2);
    let first = &set.rows[0];
    assert_eq!(first.region, "KHK");
    assert_eq!(first.valid_from, Some(d(2025, 1, 1)));
    assert_eq!(first.min, Some(Decimal::from(450)));
    assert_eq!(first.target, Some(Decimal::from(600)));
    assert_eq!(set.rows[1].region, "CZ");

    // A workbook without a benchmarks sheet is a clear error.
    let mut wb = Workbook::new();
    wb.add_worksheet().write_string(0, 0, "x").unwrap();
    let err =
        read_benchmarks_bytes(&wb.save_to_buffer().unwrap(), &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::MissingSheet {
                sheet: "Benchmarky"
            }
        ),
        "{err}"
    );
}

#[test]
fn the_example_benchmarks_workbook_marks_every_figure_as_an_example() {
    let path = crate::common::root("fixtures/benchmarks-example.xlsx");
    let bytes = std::fs::read(path).unwrap();
    let (set, problems) = read_benchmarks_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert!(problems.no_rejections());
    assert!(set.rows.len() >= 5);
    assert!(set.rows.iter().all(|b| b.source.starts_with("PŘÍKLAD")));
}

#[test]
fn the_inputs_own_benchmarks_sheet_reaches_the_audit() {
    let mut ds = Synth::new(3, 1500).dataset();
    let region = ds.provider.region.clone().unwrap_or_else(|| "CZ".into());
    ds.benchmarks.push(Benchmark {
        indicator: "staff.travel_share".into(),
        region: region.clone(),
        valid_from: None,
        valid_to: None,
        min: None,
        // No travel share is above 0.001: the status must be bad.
        max: Some(Decimal::new(1, 3)),
        target: None,
        source: "test: the input's own sheet".into(),
    });
    let bytes = InputWorkbook::new(&ds).to_buffer().unwrap();
    let (read, problems) = read_bytes(&bytes, Some("in.xlsx"), &ReadOptions::default()).unwrap();
    assert_eq!(read.benchmarks, ds.benchmarks);
    assert_eq!(problems.count("Benchmarky").accepted, 1);
    let report = Audit::new(&read).run();
    let ind = report.indicator("staff.travel_share").unwrap();
    assert_eq!(
        ind.benchmark.as_ref().map(|b| b.source.as_str()),
        Some("test: the input's own sheet")
    );
    assert!(ind.value.unwrap() > Decimal::new(1, 2));
    assert_eq!(ind.status, Status::Bad);
    // The built-in legal rows are still there.
    assert!(
        report
            .indicator("fees.cap_use")
            .unwrap()
            .benchmark
            .is_some()
    );
}
