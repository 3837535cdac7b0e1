//! The report a council can publish (`audit --public`): none of the
//! input's client or worker ids, birth years or free-text cells in any part
//! of the workbook or in the JSON; a group of fewer than three clients as
//! "< 3"; what was withheld said in `Metodika`.

use std::io::Read;

use homecare_audit::synth::Synth;
use homecare_audit::workbook::InputWorkbook;
use homecare_audit::{CareDegree, CostLine};

use crate::common::audit_ok;
use crate::report::scratch;

#[test]
fn the_public_report_names_nobody() {
    // A generated provider; exactly two clients of degree IV (a group that
    // must show as "< 3"); every cost line with a note of free text.
    let mut ds = Synth::new(11, 3_000).dataset();
    let mut iv = 0;
    for c in &mut ds.clients {
        if c.care_allowance == Some(CareDegree::IV) {
            c.care_allowance = Some(CareDegree::III);
        }
    }
    for c in ds.clients.iter_mut().take(2) {
        c.care_allowance = Some(CareDegree::IV);
        iv += 1;
    }
    assert_eq!(iv, 2);
    let notes: Vec<String> = (0..ds.costs.as_ref().map_or(0, Vec::len))
        .map(|i| format!("interní poznámka č. {i}: smlouva s paní Novákovou"))
        .collect();
    for (line, note) in ds.costs.iter_mut().flatten().zip(&notes) {
        *line = CostLine {
            note: Some(note.clone()),
            ..line.clone()
        };
    }
    let dir = scratch("public");
    let input = dir.join("poskytovatel.xlsx");
    InputWorkbook::new(&ds).save(&input).unwrap();
    let (report, json) = (dir.join("zverejnit.xlsx"), dir.join("zverejnit.json"));
    let args: [&std::ffi::OsStr; 6] = [
        input.as_os_str(),
        "--public".as_ref(),
        "-o".as_ref(),
        report.as_os_str(),
        "--json".as_ref(),
        json.as_os_str(),
    ];
    audit_ok(args);

    // Every part of the workbook, and the JSON.
    let mut parts: Vec<(String, String)> = Vec::new();
    let file = std::fs::File::open(&report).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut text = String::new();
        if entry.read_to_string(&mut text).is_ok() {
            let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
            parts.push((name, text));
        }
    }
    assert!(parts.len() > 10, "{} parts", parts.len());
    let json_text = std::fs::read_to_string(&json).unwrap();
    parts.push(("JSON".into(), json_text.clone()));

    let mut secrets: Vec<String> = Vec::new();
    secrets.extend(ds.clients.iter().map(|c| c.id.clone()));
    secrets.extend(ds.workers.iter().map(|w| w.id.clone()));
    secrets.extend(notes.iter().cloned());
    secrets.push("Nováková".into());
    for (name, text) in &parts {
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{name} holds {s}");
        }
        // Birth years: as a cell's value or a JSON number or string.
        for year in ds.clients.iter().filter_map(|c| c.birth_year) {
            for form in [
                format!("<v>{year}</v>"),
                format!(">{year}<"),
                format!("\"{year}\""),
                format!(": {year},"),
            ] {
                assert!(!text.contains(&form), "{name} holds the birth year {year}");
            }
        }
    }
    // The two clients of degree IV: "< 3", in the workbook and the JSON.
    let strings = &parts
        .iter()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap()
        .1;
    assert!(strings.contains("&lt; 3"), "no \"< 3\" in the workbook");
    let v: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    let iv_group = v["public"]["clients_by_degree"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["en"] == "IV")
        .unwrap()
        .clone();
    assert_eq!(iv_group["count"], serde_json::Value::Null);
    assert_eq!(
        v["indicators"]["target.clients_by_degree.IV"]["reason"],
        "withheld: fewer than 3 clients"
    );
    // Metodika says what was withheld and why.
    assert!(strings.contains("Klienti a pracovníci nejsou uvedeni jednotlivě"));
    // And the auditor's own report still names them (the default).
    let full = dir.join("interni.xlsx");
    audit_ok([input.as_os_str(), "-o".as_ref(), full.as_os_str()]);
    // (The detail sheets are streamed: their text is in the sheet's part.)
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&full).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let _ = zip.by_index(i).unwrap().read_to_string(&mut all);
    }
    assert!(all.contains(ds.clients[0].id.as_str()));
}
