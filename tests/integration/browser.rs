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

use crate::common::{CHROMIUM, FIREFOX, NODE, example, have, present, root};
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

/// Runs `example` with `args` from the repository's root; its stdout.
fn cli(example_name: &str, args: &[&std::ffi::OsStr]) -> String {
    let run = Command::new(example(example_name))
        .args(args)
        .current_dir(root(""))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{example_name}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// Runs `program` (`audit` or `compare`) on `inputs` with `extra`
/// arguments, writing `out/cli-STEM.json` and `out/cli-STEM.xlsx`; the
/// JSON's path.
fn cli_json(
    program: &str,
    inputs: &[std::path::PathBuf],
    extra: &[&std::ffi::OsStr],
    out: &std::path::Path,
    stem: &str,
) -> std::path::PathBuf {
    let json = out.join(format!("cli-{stem}.json"));
    let report = out.join(format!("cli-{stem}.xlsx"));
    let mut args: Vec<&std::ffi::OsStr> = inputs.iter().map(|p| p.as_os_str()).collect();
    args.extend_from_slice(extra);
    args.extend([
        "--json".as_ref(),
        json.as_os_str(),
        "-o".as_ref(),
        report.as_os_str(),
    ]);
    cli(program, &args);
    json
}

/// The one-file page's inputs in a fresh folder `name`: the five exports
/// (their paths in name order, as the page is given them) and the sample
/// merger study's three services and assumptions.
struct PageInputs {
    out: std::path::PathBuf,
    exports: std::path::PathBuf,
    export_files: Vec<std::path::PathBuf>,
    services: Vec<std::path::PathBuf>,
    merger: std::path::PathBuf,
}

fn page_inputs(name: &str) -> PageInputs {
    let out = scratch(name);
    let exports = out.join("exports");
    crate::exports::write_five_exports(&exports);
    let mut export_files: Vec<std::path::PathBuf> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    export_files.sort();
    let study = out.join("studie");
    homecare_audit::run::write_merger_sample(&study).unwrap();
    let services = (1..=3)
        .map(|i| study.join("sluzby").join(format!("{i}.xlsx")))
        .collect();
    PageInputs {
        merger: study.join("slouceni.xlsx"),
        out,
        exports,
        export_files,
        services,
    }
}

#[test]
fn the_one_file_page_opens_from_disk_and_does_what_the_tools_do() {
    let test = "the_one_file_page_opens_from_disk_and_does_what_the_tools_do";
    if !have(test, &[NODE, CHROMIUM])
        || !present(test, &root("web/dist/audit.html"), "run web/build.sh")
        || !present(
            test,
            &root("web/tests/node_modules/playwright-core"),
            "run npm ci --prefix web/tests",
        )
    {
        return;
    }
    let PageInputs {
        out,
        exports,
        export_files,
        services,
        merger,
    } = page_inputs("one-file-page");

    // The command line on the same files.
    let sample_json = cli_json(
        "audit",
        &[root("fixtures/sample.xlsx")],
        &[],
        &out,
        "sample",
    );
    let exports_json = cli_json("audit", &export_files, &[], &out, "exports");
    let merge: [&std::ffi::OsStr; 3] =
        ["--merge".as_ref(), "--merger".as_ref(), merger.as_os_str()];
    let compare_json = cli_json("compare", &services, &merge, &out, "compare");
    // A folder of providers, each a subfolder: the services again, and
    // the five exports as one provider of five files.
    let region = out.join("kraj");
    for (i, s) in services.iter().enumerate() {
        let sub = region.join(format!("sluzba-{}", i + 1));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::copy(s, sub.join("sesit.xlsx")).unwrap();
    }
    crate::exports::write_five_exports(&region.join("exporty"));
    let folder_json = cli_json(
        "compare",
        std::slice::from_ref(&region),
        &[],
        &out,
        "folder",
    );

    // An export with its own headers (only `Úkon` is one of ours).
    let own = out.join("own").join("vykazy.csv");
    std::fs::create_dir_all(own.parent().unwrap()).unwrap();
    std::fs::write(
        &own,
        "Den;Kdo;Komu;Úkon;Minut\n3.3.2025;P1;K1;b1;60\n4.3.2025;P1;K2;b1;90\n",
    )
    .unwrap();

    // The page, alone in an empty folder, from disk.
    let page_out = out.join("page");
    let mut node = Command::new("node");
    node.arg(root("web/tests/single.mjs"))
        .arg(root("web/dist/audit.html"))
        .arg(&page_out)
        .arg(root("fixtures/sample.xlsx"))
        .arg(&exports)
        .arg(&merger)
        .args(&services)
        .arg(format!("--folder={}", region.display()))
        .arg(format!("--own={}", own.display()));
    if std::env::var("HOMECARE_UPDATE_DOCS").is_ok() {
        node.env("SCREENSHOTS", root("docs"));
    }
    let run = node.output().unwrap();
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let read = |p: std::path::PathBuf| std::fs::read_to_string(p).unwrap();
    // The same JSON as the command line, to the byte: one workbook, the
    // five exports together, the comparison with the merger study.
    assert_eq!(read(page_out.join("sample.json")), read(sample_json));
    assert_eq!(read(page_out.join("exports.json")), read(exports_json));
    assert_eq!(read(page_out.join("comparison.json")), read(compare_json));
    assert_eq!(read(page_out.join("folder.json")), read(folder_json));
    // The mapping step: the export's own `Úkon` recognised (its column 4,
    // index 3), the rest picked; the downloaded mapping read by the
    // command line gives the page's figures: 2 visits, 2.5 direct hours.
    let own_json = out.join("cli-own.json");
    cli(
        "audit",
        &[
            own.as_os_str(),
            "--mapping".as_ref(),
            page_out.join("mapping.xlsx").as_os_str(),
            "--json".as_ref(),
            own_json.as_os_str(),
            "-o".as_ref(),
            out.join("cli-own.xlsx").as_os_str(),
        ],
    );
    let (page_own, cli_own): (Value, Value) = (
        serde_json::from_str(&read(page_out.join("own.json"))).unwrap(),
        serde_json::from_str(&read(own_json)).unwrap(),
    );
    assert_eq!(page_own["indicators"], cli_own["indicators"]);
    assert_eq!(page_own["rows"]["Výkazy"]["accepted"], 2);
    assert_eq!(cli_own["rows"]["Výkazy"], page_own["rows"]["Výkazy"]);
    let compared: Value = serde_json::from_str(&read(page_out.join("comparison.json"))).unwrap();
    assert!(compared["merger"]["staff"].is_object());
    // The downloaded workbooks: the template with its timesheet sheet,
    // the comparison with the command line's sheets.
    let template: Xlsx<_> = open_workbook(page_out.join("template.xlsx")).unwrap();
    assert!(template.sheet_names().contains(&"Výkazy".to_string()));
    let page_wb: Xlsx<_> = open_workbook(page_out.join("comparison.xlsx")).unwrap();
    let cli_wb: Xlsx<_> = open_workbook(out.join("cli-compare.xlsx")).unwrap();
    assert_eq!(page_wb.sheet_names(), cli_wb.sheet_names());
    let page = page_result(&page_out);
    assert_eq!(page["requestsElsewhere"], Value::Array(vec![]));
    assert_eq!(page["mappingGuess"], "3");
    assert_eq!(page["exports"].as_array().unwrap().len(), 5);
    // The sample on the page: three charts (months, degrees, the hour's
    // build-up), the hour's lines and the five scenarios, as in the JSON.
    let sample: Value = serde_json::from_str(&read(page_out.join("sample.json"))).unwrap();
    assert_eq!(page["charts"], 3);
    assert_eq!(
        page["hourLines"].as_u64(),
        Some(sample["hour_buildup"]["lines"].as_array().unwrap().len() as u64)
    );
    assert_eq!(
        page["scenarios"].as_u64(),
        Some(sample["scenarios"].as_array().unwrap().len() as u64)
    );
    // Public money: the six sources and the grant's eight steps.
    assert_eq!(page["sources"], 6);
    assert_eq!(page["grantSteps"], 8);
    // The page shows the providers side by side and the merger's own
    // staff effect.
    assert_eq!(page["compareRows"], 5);
    assert!(
        page["mergerLine"]
            .as_str()
            .unwrap()
            .contains("proti službám zvlášť")
    );
}

/// The one-file page in the other browser a town hall runs: Debian's
/// Firefox ESR, unpatched, driven over its own WebDriver BiDi by
/// `web/tests/firefox.mjs` (puppeteer-core). Opened from disk, it must
/// start its worker from a blob and its WebAssembly from the page itself
/// (what Firefox's file:// rules are strictest about), and give the same
/// JSON as the command line, to the byte, for a workbook, a provider's
/// five exports chosen together, and three providers compared.
#[test]
fn the_one_file_page_works_in_firefox() {
    let test = "the_one_file_page_works_in_firefox";
    if !have(test, &[NODE, FIREFOX])
        || !present(test, &root("web/dist/audit.html"), "run web/build.sh")
        || !present(
            test,
            &root("web/tests/node_modules/puppeteer-core"),
            "run npm ci --prefix web/tests",
        )
    {
        return;
    }
    let PageInputs {
        out,
        exports,
        export_files,
        services,
        ..
    } = page_inputs("one-file-page-firefox");

    // The command line on the same files.
    let sample_json = cli_json(
        "audit",
        &[root("fixtures/sample.xlsx")],
        &[],
        &out,
        "sample",
    );
    let exports_json = cli_json("audit", &export_files, &[], &out, "exports");
    let compare_json = cli_json("compare", &services, &[], &out, "compare");

    // The page in Firefox, alone in an empty folder, from disk.
    let page_out = out.join("page");
    let run = Command::new("node")
        .arg(root("web/tests/firefox.mjs"))
        .arg(root("web/dist/audit.html"))
        .arg(&page_out)
        .arg(root("fixtures/sample.xlsx"))
        .arg(&exports)
        .args(&services)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let read = |p: std::path::PathBuf| std::fs::read_to_string(p).unwrap();
    assert_eq!(read(page_out.join("sample.json")), read(sample_json));
    assert_eq!(read(page_out.join("exports.json")), read(exports_json));
    assert_eq!(read(page_out.join("comparison.json")), read(compare_json));
    let page = page_result(&page_out);
    assert_eq!(page["requestsElsewhere"], Value::Array(vec![]));
    // The sample's three charts (months, degrees, the hour's build-up),
    // drawn by Firefox as by Chromium.
    assert_eq!(page["charts"], 3);
    assert!(
        page["browser"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("firefox")
    );
}
