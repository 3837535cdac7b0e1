//! The same dataset saved by LibreOffice as .xlsx, .xls and .ods reads to
//! equal datasets; a 1904-date workbook reads the right dates.

use chrono::NaiveDate;
use homecare_audit::workbook::read_path;

use crate::common::{read, root};
use crate::hostile::files::{Entry, entries, zip};

#[test]
fn xlsx_xls_and_ods_read_to_equal_datasets() {
    let read_one = |ext: &str| {
        let (mut ds, problems) = read_path(
            root(&format!("fixtures/formats/small.{ext}")),
            &Default::default(),
        )
        .unwrap_or_else(|e| panic!("{ext}: {e}"));
        assert!(problems.no_rejections(), "{ext}: {:?}", problems.list);
        ds.source = Default::default(); // file name and format differ
        ds
    };
    let xlsx = read_one("xlsx");
    // The fixtures are fixed files: made once with `generate -- 120 --seed 7`
    // (an earlier generator version: 4 care workers, SP, VED, ADM), then
    // saved by LibreOffice as xlsx, xls and ods. They hold 120 visits, 5
    // clients and 7 workers.
    assert_eq!(xlsx.visits.len(), 120);
    assert_eq!(xlsx.clients.len(), 5);
    assert_eq!(xlsx.workers.len(), 7);
    for ext in ["xls", "ods"] {
        let other = read_one(ext);
        assert_eq!(other.provider, xlsx.provider, "{ext}: provider");
        assert_eq!(other.workers, xlsx.workers, "{ext}: workers");
        assert_eq!(other.clients, xlsx.clients, "{ext}: clients");
        assert_eq!(other.tasks, xlsx.tasks, "{ext}: tasks");
        for (a, b) in other.visits.iter().zip(&xlsx.visits) {
            assert_eq!(a, b, "{ext}: visit at row {}", b.row);
        }
        assert_eq!(other, xlsx, "{ext}");
    }
}

/// Rewrites `xl/workbook.xml` of an xlsx so that it counts dates from 1904.
fn set_1904(xlsx: &[u8]) -> Vec<u8> {
    let patched: Vec<(String, Entry)> = entries(xlsx)
        .into_iter()
        .map(|(name, data)| {
            if name != "xl/workbook.xml" {
                return (name, Entry::Stored(data));
            }
            let s = String::from_utf8(data).unwrap();
            let s = if s.contains("<workbookPr") {
                s.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
            } else {
                s.replacen("<sheets>", "<workbookPr date1904=\"1\"/><sheets>", 1)
            };
            (name, Entry::Stored(s.into_bytes()))
        })
        .collect();
    let refs: Vec<(&str, Entry)> = patched.into_iter().map(|(n, e)| (&*n.leak(), e)).collect();
    zip(&refs)
}

#[test]
fn dates_of_a_1904_workbook_are_right() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("d. m. yyyy");
    let ws = wb.add_worksheet().set_name("Pracovníci").unwrap();
    ws.write_row(0, 0, ["ID pracovníka", "Pozice", "Úvazek", "Nástup"])
        .unwrap();
    ws.write_row(1, 0, ["P1", "PSS"]).unwrap();
    ws.write_number(1, 2, 1.0).unwrap();
    // 2025-01-06 is serial 45663 in the 1900 system, 45663 − 1462 = 44201
    // in the 1904 system.
    ws.write_number_with_format(1, 3, 44201.0, &date).unwrap();
    let ws = wb.add_worksheet().set_name("Klienti").unwrap();
    ws.write_row(0, 0, ["ID klienta", "Obec"]).unwrap();
    ws.write_row(1, 0, ["K1", "Vzorov"]).unwrap();
    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    ws.write_row(0, 0, ["Datum", "Pracovník", "Klient", "Úkon", "Minuty"])
        .unwrap();
    // 2025-03-01 = 45717 (1900) = 44255 (1904).
    ws.write_number_with_format(1, 0, 44255.0, &date).unwrap();
    ws.write_row(1, 1, ["P1", "K1", "b1"]).unwrap();
    ws.write_number(1, 4, 30.0).unwrap();
    let bytes = set_1904(&wb.save_to_buffer().unwrap());

    let (ds, problems) = read(&bytes);
    assert!(problems.no_rejections(), "{:?}", problems.list);
    assert!(ds.source.date_1904);
    assert_eq!(
        ds.visits[0].date,
        NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
    );
    assert_eq!(
        ds.workers[0].employed_from,
        NaiveDate::from_ymd_opt(2025, 1, 6)
    );
}

#[test]
fn an_xlsx_our_scanner_refuses_is_read_by_calamine_instead() {
    // A DOCTYPE in the shared strings: our scanner refuses any (none is
    // needed and one could declare entities); calamine reads past it. The
    // workbook must still read, through calamine, to the same dataset.
    let original = std::fs::read(root("fixtures/formats/small.xlsx")).unwrap();
    let parts = entries(&original);
    let list: Vec<(&str, Entry)> = parts
        .iter()
        .map(|(name, data)| {
            let data = if name == "xl/sharedStrings.xml" {
                let text = String::from_utf8(data.clone()).unwrap();
                let (decl, rest) = text.split_once("?>").unwrap();
                format!("{decl}?><!DOCTYPE sst>{rest}").into_bytes()
            } else {
                data.clone()
            };
            (name.as_str(), Entry::Stored(data))
        })
        .collect();
    let changed = zip(&list);
    let (mut a, _) = read(&original);
    let (mut b, problems) = read(&changed);
    assert!(problems.no_rejections(), "{:?}", problems.list);
    assert_eq!(b.visits.len(), 120);
    a.source = Default::default();
    b.source = Default::default();
    assert_eq!(a, b);
}
