//! The front end (`homecare_audit::run`), which every face calls: findings
//! counted in full whatever the listing cap, in the summary, the page's
//! data and the council's sheet; a trend in period order whatever the file
//! order; refused workbooks named.

use calamine::Data;
use homecare_audit::Lang;
use homecare_audit::compare::Mode;
use homecare_audit::indicator::FindingKind;
use homecare_audit::run::{AuditRequest, CompareRequest, Source};
use homecare_audit::synth::Synth;
use homecare_audit::workbook::InputWorkbook;

use crate::common::root;
use crate::report::{cells, scratch};

/// The sample's findings by kind, as the issue that found the defect
/// counted them by hand in the sample's report (sheet `Nálezy`, every
/// finding listed): fee off the price list 46, fee over the cap 39, month
/// over the contract 10, day over 12 hours 2; 97 in all.
const SAMPLE: [(FindingKind, u64); 4] = [
    (FindingKind::LongDay, 2),
    (FindingKind::OverContract, 10),
    (FindingKind::FeeOverCap, 39),
    (FindingKind::FeeOffPrice, 46),
];

fn sample(cap: Option<u64>) -> homecare_audit::run::Audited {
    let mut request = AuditRequest::new(Source::path(root("fixtures/sample.xlsx")));
    if let Some(n) = cap {
        request = request.max_findings_per_kind(n);
    }
    request.run().unwrap()
}

#[test]
fn the_default_cap_lists_every_finding_of_the_sample() {
    // With the default cap (10 000 a kind) the list is complete, so
    // counting the listed findings is an independent count.
    let full = sample(None);
    let r = full.report();
    assert_eq!(r.findings_not_listed, 0);
    for (kind, n) in SAMPLE {
        let listed = r.findings.iter().filter(|f| f.kind == kind).count() as u64;
        assert_eq!(listed, n, "{kind:?}");
    }
    assert_eq!(r.findings.len(), 97);
}

#[test]
fn with_the_cap_at_two_every_kind_is_counted_in_full() {
    let capped = sample(Some(2));
    let r = capped.report();
    // Two listed of each kind, 97 − 8 = 89 not listed.
    assert_eq!(r.findings.len(), 8);
    assert_eq!(r.findings_not_listed, 89);
    let by_kind: Vec<(FindingKind, u64, usize)> = r
        .findings_by_kind()
        .iter()
        .map(|k| (k.kind, k.count, k.listed.len()))
        .collect();
    assert_eq!(
        by_kind,
        SAMPLE.map(|(k, n)| (k, n, 2)).to_vec(),
        "full counts, two listed"
    );
    assert_eq!(r.findings_total(), 97);
    // The JSON says the same under `findings_by_kind`.
    let json: serde_json::Value = serde_json::from_str(&capped.json().unwrap()).unwrap();
    assert_eq!(
        json["findings_by_kind"],
        serde_json::json!({"long_day": 2, "over_contract": 10, "fee_over_cap": 39, "fee_off_price": 46})
    );
}

#[test]
fn the_summary_text_and_the_pages_data_count_in_full() {
    let capped = sample(Some(2));
    let text = capped.summary_text();
    assert!(text.contains("\nNálezy (97)\n"), "{text}");
    for (label, n) in [
        ("den pracovníka nad 12 h", 2),
        ("měsíc nad rámec úvazku", 10),
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no line {label:?} in\n{text}"));
        assert!(line.trim_end().ends_with(&format!(" {n}")), "{line}");
    }
    // What the page draws (the same data, as JSON).
    let summary = capped.summary();
    assert_eq!(summary.findings_total, 97);
    let counts: Vec<(&str, u64, usize)> = summary
        .findings
        .iter()
        .map(|g| (g.kind, g.count, g.first.len()))
        .collect();
    assert_eq!(
        counts,
        [
            ("long_day", 2, 2),
            ("over_contract", 10, 2),
            ("fee_over_cap", 39, 2),
            ("fee_off_price", 46, 2)
        ]
    );
}

#[test]
fn the_councils_sheet_counts_in_full() {
    let capped = sample(Some(2));
    let path = scratch("front-end-council").join("rada.xlsx");
    capped.council_workbook().save(&path).unwrap();
    let all = cells(&path);
    let at = |r: u32, c: u32| all.get(&("Nálezy podle druhu".to_string(), r, c)).cloned();
    // Each kind's row, then its two listed findings: rows 1, 4, 7, 10.
    for (row, (kind, n)) in [1u32, 4, 7, 10].into_iter().zip(SAMPLE) {
        assert_eq!(
            at(row, 0),
            Some(Data::String(kind.label(Lang::Cs).into())),
            "row {row}"
        );
        assert_eq!(at(row, 1), Some(Data::Float(n as f64)), "{kind:?}");
    }
    // The list is cut, and the sheet says so instead of "all listed".
    let Some(Data::String(note)) = at(10, 2) else {
        panic!("no note on the fee-off-price row");
    };
    assert_eq!(note, "prvních 2; úplná zpráva vypisuje 2 z 46");
}

/// One provider in 2024 and 2025, written as `a.xlsx` (2025) and `b.xlsx`
/// (2024): named out of period order.
fn two_years(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let mut y2024 = Synth::new(31, 600);
    y2024.year = 2024;
    let (a, b) = (dir.join("a.xlsx"), dir.join("b.xlsx"));
    InputWorkbook::new(&Synth::new(31, 800).dataset())
        .save(&a)
        .unwrap();
    InputWorkbook::new(&y2024.dataset()).save(&b).unwrap();
    (a, b)
}

#[test]
fn a_trend_is_in_period_order_whatever_the_file_order() {
    let dir = scratch("front-end-trend");
    let (a, b) = two_years(&dir);
    let comparison = CompareRequest::new(vec![Source::path(&a), Source::path(&b)])
        .run()
        .unwrap();
    assert_eq!(comparison.mode(), Mode::Trend);
    let files: Vec<&str> = comparison
        .audits()
        .iter()
        .map(|a| a.file.as_str())
        .collect();
    assert_eq!(files, ["b.xlsx", "a.xlsx"], "2024 first");
    let json: serde_json::Value = serde_json::from_str(&comparison.json().unwrap()).unwrap();
    assert_eq!(json["mode"], "trend");
    assert_eq!(json["providers"][0]["file"], "b.xlsx");
    assert_eq!(
        json["providers"][0]["provider"]["period"]["from"],
        "2024-01-01"
    );
    assert_eq!(
        json["providers"][1]["provider"]["period"]["from"],
        "2025-01-01"
    );
    // The trend's values follow the providers: the 2024 audit's first.
    let r2024 = &comparison.audits()[0].report;
    let first = &json["trend"]["cost.total"][0];
    assert_eq!(
        first.as_str(),
        Some(r2024.value("cost.total").unwrap().to_string().as_str())
    );
    // And the workbook shows the same order.
    let path = dir.join("vyvoj.xlsx");
    comparison.workbook().save(&path).unwrap();
    let all = cells(&path);
    let at = |r: u32| all.get(&("Vývoj".to_string(), r, 1)).cloned();
    assert_eq!(at(2), Some(Data::String("b.xlsx".into())));
    assert_eq!(at(3), Some(Data::String("a.xlsx".into())));
}

#[test]
fn a_refused_workbook_is_named_and_the_rest_compared() {
    let dir = scratch("front-end-refused");
    let (a, b) = two_years(&dir);
    let broken = dir.join("rozbity.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not really").unwrap();
    let comparison = CompareRequest::new(vec![
        Source::path(&a),
        Source::path(&broken),
        Source::path(&b),
    ])
    .run()
    .unwrap();
    assert_eq!(comparison.audits().len(), 2);
    assert_eq!(comparison.refused().len(), 1);
    let json: serde_json::Value = serde_json::from_str(&comparison.json().unwrap()).unwrap();
    let refused = &json["refused"][0];
    assert_eq!(
        refused["file"].as_str(),
        Some(broken.display().to_string().as_str())
    );
    assert!(refused["reason"].as_str().is_some_and(|r| !r.is_empty()));
    // Nothing to compare at all: an error, not an empty comparison.
    let none = CompareRequest::new(vec![Source::path(&broken)])
        .run()
        .unwrap_err();
    assert_eq!(none.exit_code(), 1);
    let usage = CompareRequest::new(Vec::new()).run().unwrap_err();
    assert_eq!(usage.exit_code(), 2);
}

#[test]
fn an_error_names_its_input_and_strict_mode_exits_three() {
    let err = AuditRequest::new(Source::bytes("prazdny.xlsx", Vec::new()))
        .read()
        .unwrap_err();
    assert_eq!(err.file(), Some("prazdny.xlsx"));
    assert_eq!(err.exit_code(), 1);
    // The sample has rejected rows (its defects): strict mode stops there.
    let strict = AuditRequest::new(Source::path(root("fixtures/sample.xlsx")))
        .strict(true)
        .read()
        .unwrap_err();
    assert_eq!(strict.exit_code(), 3);
    // A benchmarks workbook that is not one is named as such.
    let bad = AuditRequest::new(Source::path(root("fixtures/sample.xlsx")))
        .benchmarks(Some(Source::bytes("kraj.xlsx", b"hello".to_vec())))
        .read()
        .unwrap_err();
    assert_eq!(bad.file(), Some("kraj.xlsx"));
}

#[test]
fn a_benchmarks_workbooks_rejected_rows_are_kept() {
    // The example benchmarks workbook with one row's minimum made text:
    // the reader rejects that row, and the layer keeps it beside the
    // provider's.
    let mut book = homecare_audit::workbook::BenchmarksWorkbook::example()
        .rows()
        .to_vec();
    book[0].source = String::new(); // a row without a source is not used
    let bytes = homecare_audit::workbook::BenchmarksWorkbook::new(book)
        .to_buffer()
        .unwrap();
    let audited = AuditRequest::new(Source::path(root("fixtures/sample.xlsx")))
        .benchmarks(Some(Source::bytes("kraj.xlsx", bytes)))
        .run()
        .unwrap();
    let other = &audited.summary().other_rejected;
    assert_eq!(other.len(), 1, "{other:?}");
    assert_eq!(other[0].file.as_deref(), Some("kraj.xlsx"));
    assert_eq!(other[0].place, "Benchmarky!H2");
    assert_eq!(audited.other_rejected_lines().len(), 1);
}

/// The report to publish sums the findings by kind and month; under the
/// cap each kind's findings beyond it are a row of their own ("not
/// listed"), so each kind's rows add up to its full count: with the cap at
/// two, the sample's 2 + 10 + 39 + 46 = 97 (rest rows 8, 37 and 44; the
/// long days are both listed).
#[test]
fn the_public_report_counts_in_full_under_the_cap() {
    let public = AuditRequest::new(Source::path(root("fixtures/sample.xlsx")))
        .max_findings_per_kind(2)
        .public(true)
        .run()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&public.json().unwrap()).unwrap();
    let rows = json["findings"].as_array().unwrap();
    // "2025-03: 5 × …" or "not listed (…): 37 × …": the count before " × ".
    let count = |f: &serde_json::Value| -> u64 {
        let en = f["detail"].as_str().unwrap();
        let head = en.split(" × ").next().unwrap();
        head.rsplit(' ').next().unwrap().parse().unwrap()
    };
    for (kind, n) in SAMPLE {
        let of_kind: Vec<&serde_json::Value> =
            rows.iter().filter(|f| f["kind"] == kind.id()).collect();
        assert_eq!(of_kind.iter().map(|f| count(f)).sum::<u64>(), n, "{kind:?}");
        let rest: Vec<u64> = of_kind
            .iter()
            .filter(|f| f["detail"].as_str().unwrap().starts_with("not listed"))
            .map(|f| count(f))
            .collect();
        let expected: Vec<u64> = if n > 2 { vec![n - 2] } else { vec![] };
        assert_eq!(rest, expected, "{kind:?}");
    }
}
