//! The auditor's command, run as an auditor runs it: exit statuses, the
//! printed row accounting and the JSON contract's `rows` and `problems`.

use std::process::Command;

use crate::common::{example, root};

fn audit(args: &[&str]) -> (i32, String, String) {
    run("audit", args)
}

#[test]
fn sample_json_has_the_row_accounting_and_the_places() {
    let report =
        std::env::temp_dir().join(format!("homecare-cli-report-{}.xlsx", std::process::id()));
    let _ = std::fs::remove_file(&report);
    let (code, stdout, stderr) = audit(&["--json", "-", "-o", report.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    // The report workbook is written where -o says, and the tool says so.
    assert!(
        stderr.contains(&format!("Zpráva: {}", report.display())),
        "{stderr}"
    );
    let bytes = std::fs::read(&report).expect("the report workbook");
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    // The sample is `generate 6000 --seed 2025 --defects`: the generator's
    // N visits (header in row 1, visits in rows 2..=N+1), then its 6 defect
    // rows, then a totals row that is not read.
    let synth = homecare_audit::synth::Synth::new(2025, 6000);
    let n = synth.dataset().visits.len() as u64;
    let defects = synth.defect_rows();
    let v = &json["rows"]["Výkazy"];
    assert_eq!(
        (
            v["read"].as_u64(),
            v["accepted"].as_u64(),
            v["rejected"].as_u64()
        ),
        (Some(n + 6), Some(n), Some(6))
    );
    let problems = json["problems"].as_array().unwrap();
    let at = |place: String| {
        problems
            .iter()
            .find(|p| p["place"] == place.as_str())
            .cloned()
            .unwrap_or_else(|| panic!("{place}"))
    };
    // The first defect: an unknown client in column C.
    let first = at(format!("Výkazy!C{}", n + 2));
    assert_eq!(first["raw"], "K99999");
    assert_eq!(first["reason"], "client not in the Clients sheet");
    // The third: 31 February in column A.
    assert_eq!(defects[2].1, homecare_audit::Reason::NotADate);
    assert_eq!(at(format!("Výkazy!A{}", n + 4))["kind"], "not_a_date");
    // The totals row is a notice.
    assert_eq!(at(format!("Výkazy!A{}", n + 8))["rejected"], false);
    assert_eq!(json["provider"]["period"]["from"], "2025-01-01");
    // The summary for the auditor goes to stderr, in Czech by default.
    assert!(stderr.contains("Odmítnuté řádky (6)"), "{stderr}");
    assert!(stderr.contains("Náklady na hodinu přímé péče"), "{stderr}");
}

#[test]
fn exit_statuses() {
    let (code, _, stderr) = audit(&["--lang", "xx"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = audit(&["fixtures/does-not-exist.xlsx"]);
    assert_eq!(code, 1);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // A report that cannot be written: exit 1 with the path named.
    let (code, _, stderr) = audit(&["-o", "/nonexistent-folder/zprava.xlsx"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("/nonexistent-folder/zprava.xlsx"),
        "{stderr}"
    );
    let (code, _, stderr) = audit(&["--strict", "--lang", "en"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("strict mode"), "{stderr}");
    let n = homecare_audit::synth::Synth::new(2025, 6000)
        .dataset()
        .visits
        .len();
    assert!(stderr.contains(&format!("Výkazy!C{}", n + 2)), "{stderr}");
}

#[test]
fn the_committed_sample_is_what_the_generator_makes() {
    // A 5 792-row round trip: the generator's dataset written by
    // `generate` and read back is the same dataset.
    let (mut read, _) =
        homecare_audit::workbook::read_path(root("fixtures/sample.xlsx"), &Default::default())
            .unwrap();
    let mut made = homecare_audit::synth::Synth::new(2025, 6000).dataset();
    read.source = Default::default();
    made.source = Default::default();
    for (a, b) in read.visits.iter().zip(&made.visits) {
        assert_eq!(
            (
                a.date, a.worker, a.client, a.task, a.start, a.duration, a.travel, a.quantity,
                a.fee
            ),
            (
                b.date, b.worker, b.client, b.task, b.start, b.duration, b.travel, b.quantity,
                b.fee
            )
        );
    }
    for v in &mut read.visits {
        v.row = 0;
    }
    for w in &mut read.workers {
        w.row = 0;
    }
    for c in &mut read.clients {
        c.row = 0;
    }
    for p in &mut read.prices {
        p.row = 0;
    }
    for l in read.costs.iter_mut().flatten() {
        l.row = 0;
    }
    for l in read.revenues.iter_mut().flatten() {
        l.row = 0;
    }
    assert_eq!(read, made);
}

/// Runs one example program with `args`: (exit code, stdout, stderr).
fn run(program: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(example(program))
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
fn every_program_answers_help_version_and_a_wrong_option() {
    // Each program with the options its --help must list (long names, or
    // the positional's value name) and the defaults it must show.
    let programs: [(&str, &[&str]); 7] = [
        (
            "audit",
            &[
                "--output",
                "--json",
                "--benchmarks",
                "--law",
                "--caps-date",
                "--retarget-share",
                "--retarget-clients",
                "--pdf",
                "--public",
                "--lang",
                "--strict",
                "--timings",
                "[default: fixtures/sample.xlsx]",
                "[default: audit-report.xlsx]",
                "[default: cs]",
            ],
        ),
        (
            "compare",
            &[
                "--output",
                "--merge",
                "--shared-reduction",
                "--benchmarks",
                "--law",
                "--lang",
                "[default: comparison.xlsx]",
                "--merger",
                "--json",
            ],
        ),
        (
            "generate",
            &["--seed", "--defects", "[default: 2000]", "[default: 2025]"],
        ),
        ("template", &["[default: sablona-vstupu.xlsx]"]),
        ("merger_sample", &["[default: studie-slouceni]"]),
        (
            "benchmarks",
            &["[default: fixtures/benchmarks-example.xlsx]"],
        ),
        ("law", &["[default: zakon.xlsx]"]),
    ];
    for (program, options) in programs {
        let (code, stdout, stderr) = run(program, &["--help"]);
        assert_eq!(code, 0, "{program} --help: {stderr}");
        // Help on stdout, with the exit statuses and both languages.
        let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in options.iter().chain(&[
            "--version",
            "Návratové kódy / exit status",
            "2 chybné použití",
        ]) {
            let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains(&needle),
                "{program} --help lacks {needle}:\n{stdout}"
            );
        }
        let (code, stdout, _) = run(program, &["--version"]);
        assert_eq!(
            (code, stdout.trim()),
            (
                0,
                format!("{program} {}", env!("CARGO_PKG_VERSION")).as_str()
            )
        );
        // A wrong option: usage and the reason on stderr, nothing on
        // stdout, exit 2.
        let (code, stdout, stderr) = run(program, &["--nonsense"]);
        assert_eq!(code, 2, "{program}: {stderr}");
        assert!(stdout.is_empty(), "{program}: {stdout}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error:") && first.contains("--nonsense"),
            "{program}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("Usage: {program}")),
            "{program}: {stderr}"
        );
    }
}
