//! The audit page in a real browser: Debian's Chromium, headless, driven by
//! `web/tests/browser.mjs` (playwright-core) against `web/dist/` served on
//! 127.0.0.1. The page must show what `audit --json` computes for the same
//! workbook, download the same JSON and a report workbook, refuse a hostile
//! file in one line and stay usable, and ask nothing of any other address.
//!
//! Needs the built page (`web/build.sh`), Node.js with the test's
//! dependencies (`npm ci --prefix web/tests`) and Chromium (`apt-get install
//! chromium`): without them it skips, under `CI=true` it fails.

use std::collections::BTreeMap;
use std::process::Command;

use calamine::{Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::common::{CHROMIUM, NODE, example, have, present, root};
use crate::report::scratch;

/// What the page showed (web/tests/browser.mjs writes it).
fn page_result(out: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(out.join("result.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_page_audits_the_sample_as_the_command_line_does() {
    let test = "the_page_audits_the_sample_as_the_command_line_does";
    if !have(test, &[NODE, CHROMIUM])
        || !present(
            test,
            &root("web/dist/pkg/homecare_audit_web_bg.wasm"),
            "run web/build.sh",
        )
        || !present(
            test,
            &root("web/tests/node_modules/playwright-core"),
            "run npm ci --prefix web/tests",
        )
    {
        return;
    }
    let out = scratch("browser");
    // The command line on the same file.
    let cli_json = out.join("cli.json");
    let run = Command::new(example("audit"))
        .arg("fixtures/sample.xlsx")
        .arg("--json")
        .arg(&cli_json)
        .arg("-o")
        .arg(out.join("cli.xlsx"))
        .current_dir(root(""))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary = String::from_utf8_lossy(&run.stdout).into_owned();
    let cli: Value = serde_json::from_str(&std::fs::read_to_string(&cli_json).unwrap()).unwrap();

    // The page.
    let mut node = Command::new("node");
    node.arg(root("web/tests/browser.mjs"))
        .arg(root("web/dist"))
        .arg(&out)
        .arg(root("fixtures/sample.xlsx"))
        .arg(root("fixtures/bad/truncated-archive.xlsx"));
    if std::env::var("HOMECARE_UPDATE_DOCS").is_ok() {
        node.arg(root("docs/web.png"));
    }
    let run = node.output().unwrap();
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let page = page_result(&out);

    // The cost per direct hour: the exact value, and the text the summary
    // prints.
    let cost = &page["headline"]["cost.per_direct_hour"];
    assert_eq!(
        cost["exact"],
        cli["indicators"]["cost.per_direct_hour"]["value"]
    );
    let text = cost["text"].as_str().unwrap();
    assert!(
        summary
            .lines()
            .any(|l| l.contains("Náklady na hodinu přímé péče") && l.contains(text)),
        "{text} not in the summary:\n{summary}"
    );
    // Every headline indicator the page shows has the command line's value.
    for (id, shown) in page["headline"].as_object().unwrap() {
        // Decimals are strings in the JSON, counts integers; the page keeps
        // the exact value as text ("" when not available).
        let want = match &cli["indicators"][id]["value"] {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert_eq!(shown["exact"], want.as_str(), "{id}");
    }
    // Rows read, accepted and rejected per sheet.
    for (sheet, counts) in cli["rows"].as_object().unwrap() {
        let want = [&counts["read"], &counts["accepted"], &counts["rejected"]]
            .map(|v| v.as_u64().unwrap());
        let got: Vec<u64> = page["rows"][sheet]
            .as_array()
            .unwrap_or_else(|| panic!("{sheet} not on the page"))
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(got, want, "{sheet}");
    }
    // Findings by kind.
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    for f in cli["findings"].as_array().unwrap() {
        *by_kind
            .entry(f["kind"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let shown: BTreeMap<String, u64> = page["findings"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    assert_eq!(shown, by_kind);
    // The rejected rows, at their places.
    let rejected: Vec<&str> = cli["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["rejected"] == true)
        .map(|p| p["place"].as_str().unwrap())
        .collect();
    let on_page: Vec<&str> = page["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(on_page, rejected);

    // The downloaded JSON is the command line's, to the byte: the report
    // names the input nowhere in it (the workbook's Metodika does, by name
    // on the page and by path on the command line).
    let downloaded = std::fs::read_to_string(out.join("report.json")).unwrap();
    assert_eq!(downloaded, std::fs::read_to_string(&cli_json).unwrap());
    // The downloaded report is a workbook with the report's sheets.
    let wb: Xlsx<_> = open_workbook(out.join("report.xlsx")).unwrap();
    let cli_wb: Xlsx<_> = open_workbook(out.join("cli.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), cli_wb.sheet_names());
    assert!(wb.sheet_names().contains(&"Souhrn".to_string()));

    // English after the switch; the hostile file in one line; the page
    // usable after it; nothing asked of any other address.
    assert_eq!(page["english"], "Run the audit");
    let error = page["error"].as_str().unwrap();
    assert!(error.contains("truncated-archive.xlsx"), "{error}");
    assert_eq!(page["errorHidden"], true);
    assert_eq!(page["requestsElsewhere"], Value::Array(vec![]));
}
