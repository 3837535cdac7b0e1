//! The auditor's command, run as an auditor runs it: exit statuses, the
//! printed row accounting and the JSON contract's `rows` and `problems`.

use std::process::Command;

use crate::common::{example, root};

fn audit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(example("audit"))
        .args(args)
        .current_dir(root(""))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn sample_json_has_the_row_accounting_and_the_places() {
    let report = std::env::temp_dir().join("homecare-cli-report.xlsx");
    let (code, stdout, stderr) = audit(&["--json", "-", "-o", report.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    // The sample: 2 000 generated visits plus 6 defect rows (generate.rs
    // --defects) and a totals row that is not read.
    let v = &json["rows"]["Výkazy"];
    assert_eq!(
        (
            v["read"].as_u64(),
            v["accepted"].as_u64(),
            v["rejected"].as_u64()
        ),
        (Some(2006), Some(2000), Some(6))
    );
    let problems = json["problems"].as_array().unwrap();
    let at = |place: &str| {
        problems
            .iter()
            .find(|p| p["place"] == place)
            .unwrap_or_else(|| panic!("{place}"))
    };
    assert_eq!(at("Výkazy!C2002")["raw"], "K99999");
    assert_eq!(
        at("Výkazy!C2002")["reason"],
        "client not in the Clients sheet"
    );
    assert_eq!(at("Výkazy!A2004")["kind"], "not_a_date");
    assert_eq!(at("Výkazy!A2008")["rejected"], false); // the totals row
    assert_eq!(json["provider"]["period"]["from"], "2025-01-01");
    // The summary for the auditor goes to stderr, in Czech by default.
    assert!(stderr.contains("Odmítnuté řádky (6)"), "{stderr}");
}

#[test]
fn exit_statuses() {
    let (code, _, stderr) = audit(&["--lang", "xx"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = audit(&["fixtures/does-not-exist.xlsx"]);
    assert_eq!(code, 1);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (code, _, stderr) = audit(&["--strict", "--lang", "en"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("strict mode"), "{stderr}");
    assert!(stderr.contains("Výkazy!C2002"), "{stderr}");
}
