//! Peer benchmarks, the comparison workbook written by `compare`, and the
//! merger study.

use std::path::Path;
use std::process::Command;

use calamine::Data;
use homecare_audit::audit::Status;
use homecare_audit::compare::{Merger, Mode, Quartiles, mode};
use homecare_audit::synth::Synth;
use homecare_audit::workbook::InputWorkbook;
use homecare_audit::{Audit, Dataset};
use rust_decimal::Decimal;

use crate::common::example;
use crate::report::{cells, convert, formula_cells, recalculating_profile, same, scratch, soffice};

fn dec(v: &[i64]) -> Vec<Decimal> {
    v.iter().map(|&x| Decimal::from(x)).collect()
}

#[test]
fn quartiles_ranks_and_statuses_of_five_providers_by_hand() {
    // Five providers' cost per direct hour: 610, 400, 900, 520, 500.
    // Sorted 400 500 520 610 900; QUARTILE.INC positions (n−1)·p = 1, 2, 3:
    // Q1 = 500, median = 520, Q3 = 610. IQR = 110; fences 500 − 165 = 335
    // and 610 + 165 = 775.
    let q = Quartiles::of(&dec(&[610, 400, 900, 520, 500])).unwrap();
    assert_eq!(
        (q.n, q.min, q.q1, q.median, q.q3, q.max),
        (
            5,
            400.into(),
            500.into(),
            520.into(),
            610.into(),
            900.into()
        )
    );
    // 520 inside [Q1, Q3]; 400 below Q1 but inside the fence; 900 beyond.
    assert_eq!(q.status(520.into()), Status::Ok);
    assert_eq!(q.status(500.into()), Status::Ok);
    assert_eq!(q.status(400.into()), Status::Warn);
    assert_eq!(q.status(335.into()), Status::Warn);
    assert_eq!(q.status(334.into()), Status::Bad);
    assert_eq!(q.status(900.into()), Status::Bad);
    // Six values 1 2 3 4 5 10: positions 1.25, 2.5, 3.75 interpolate to
    // 2.25, 3.5 and 4.75.
    let q = Quartiles::of(&dec(&[10, 5, 4, 3, 2, 1])).unwrap();
    assert_eq!(
        (q.q1, q.median, q.q3),
        (
            Decimal::new(225, 2),
            Decimal::new(35, 1),
            Decimal::new(475, 2)
        )
    );
}

#[test]
fn ranks_in_a_group_share_ties() {
    // Three audits of generated providers: their travel shares ranked, 1 =
    // highest. Two copies of one provider tie.
    let a = Synth::new(1, 600).dataset();
    let b = Synth::new(2, 900).dataset();
    let (ra, rb) = (Audit::new(&a).run(), Audit::new(&b).run());
    let group = homecare_audit::compare::PeerGroup::new(&[&ra, &rb, &ra]);
    let p = &group.indicators["staff.travel_share"];
    let (va, vb) = (
        ra.value("staff.travel_share").unwrap(),
        rb.value("staff.travel_share").unwrap(),
    );
    let ranks: Vec<usize> = p.standings.iter().map(|s| s.unwrap().rank).collect();
    assert_ne!(
        va, vb,
        "the two generated providers must differ for this test"
    );
    if va > vb {
        assert_eq!(ranks, [1, 3, 1]);
    } else {
        assert_eq!(ranks, [2, 1, 2]);
    }
}

/// Three providers with their own names, written as input workbooks.
fn three_providers(dir: &Path) -> Vec<Dataset> {
    let mut out = Vec::new();
    for (i, (seed, visits, name)) in [
        (11, 2500, "Služba Alfa"),
        (12, 4000, "Služba Beta"),
        (13, 3200, "Služba Gama"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut ds = Synth::new(seed, visits).dataset();
        ds.provider.name = name.into();
        ds.provider.ico = None;
        InputWorkbook::new(&ds)
            .save(dir.join(format!("p{}.xlsx", i + 1)))
            .unwrap();
        out.push(ds);
    }
    out
}

#[test]
fn compare_writes_the_group_quartiles_and_the_merged_service() {
    let dir = scratch("compare");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let parts = three_providers(&inputs);
    let refs: Vec<&Dataset> = parts.iter().collect();
    assert_eq!(mode(&refs), Mode::Peers);
    let out = dir.join("srovnani.xlsx");
    let run = Command::new(example("compare"))
        .arg(&inputs)
        .args(["--merge", "--shared-reduction", "0.25", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    // Progress on stderr: one line per workbook.
    assert_eq!(stderr.matches("/3] ").count(), 3, "{stderr}");

    let all = cells(&out);
    let at = |r: u32, c: u32| all.get(&("Srovnání".to_string(), r, c)).cloned();
    let num = |d: Option<Data>| match d {
        Some(Data::Float(f)) => f,
        other => panic!("not a number: {other:?}"),
    };
    // Providers in rows 3–5 (0-based 2–4), sorted by file name.
    assert_eq!(at(2, 0), Some(Data::String("Služba Alfa".into())));
    assert_eq!(at(4, 0), Some(Data::String("Služba Gama".into())));
    // Quartile rows after one blank row: min, Q1, median, Q3, max at
    // 0-based rows 6–10; the merged service at row 12.
    assert_eq!(at(7, 0), Some(Data::String("1. kvartil".into())));
    assert_eq!(at(12, 0), Some(Data::String("Sloučená služba".into())));
    let mut checked = 0;
    for c in 3..200u32 {
        let Some(Data::String(id)) = at(1, c) else {
            break;
        };
        let vals: Vec<Option<f64>> = (2..5)
            .map(|r| match at(r, c) {
                Some(Data::Float(f)) => Some(f),
                _ => None,
            })
            .collect();
        if vals.iter().any(Option::is_none) {
            continue;
        }
        let mut x: Vec<f64> = vals.into_iter().flatten().collect();
        x.sort_by(f64::total_cmp);
        // By hand, QUARTILE.INC of three values: positions 0.5, 1, 1.5.
        let want = [x[0], (x[0] + x[1]) / 2.0, x[1], (x[1] + x[2]) / 2.0, x[2]];
        for (k, w) in want.iter().enumerate() {
            let got = num(at(6 + k as u32, c));
            assert!(
                (got - w).abs() <= 1e-9 * w.abs().max(1.0),
                "{id} row {k}: {got} vs {w}"
            );
        }
        checked += 1;
    }
    assert!(checked > 40, "{checked} indicators checked");

    // The merger study states the reduction, and where it came from.
    let m = |r: u32, c: u32| all.get(&("Sloučení".to_string(), r, c)).cloned();
    let row = (0..40)
        .find(|&r| {
            m(r, 0)
                == Some(Data::String(
                    "Úspora sdílených nákladů řízení (podíl)".into(),
                ))
        })
        .expect("the reduction's row");
    assert_eq!(m(row, 1), Some(Data::String("25 %".into())));
    assert_eq!(m(row, 3), Some(Data::String("--shared-reduction".into())));

    // LibreOffice recalculates the quartiles and ranks to the cached values.
    if let Some(exe) = soffice("compare_writes_the_group_quartiles_and_the_merged_service") {
        let profile = recalculating_profile(&dir);
        let recalculated = cells(&convert(exe, &profile, &out, "xlsx", &dir.join("lo")));
        let formulas = formula_cells(&out);
        assert!(formulas.len() > 200);
        for (sheet, r, c, f) in formulas {
            let key = (sheet.clone(), r, c);
            let (a, b) = (
                all.get(&key).cloned().unwrap_or(Data::Empty),
                recalculated.get(&key).cloned().unwrap_or(Data::Empty),
            );
            assert!(
                same(&a, &b),
                "{sheet}!R{}C{} ={f}: {a:?} vs {b:?}",
                r + 1,
                c + 1
            );
        }
        // Printed: the comparison runs across pages, eight indicators a
        // page with the providers' columns repeated, so its pages are
        // ⌈indicators / 8⌉ (the sheet is short: one page tall).
        if crate::common::have(
            "compare_writes_the_group_quartiles_and_the_merged_service",
            &[crate::common::PDFTOTEXT],
        ) {
            let pdf = convert(exe, &profile, &out, "pdf", &dir.join("pdf"));
            let text = std::process::Command::new("pdftotext")
                .arg("-layout")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&text.stdout).into_owned();
            let pages: Vec<&str> = text.split('\u{c}').collect();
            let ids = homecare_audit::indicator::catalog::all_ids().len();
            let main = pages
                .iter()
                .filter(|p| p.trim_start().starts_with("Srovnání "))
                .count();
            assert_eq!(main, ids.div_ceil(8), "{ids} indicators");
            for p in pages
                .iter()
                .filter(|p| p.trim_start().starts_with("Srovnání "))
            {
                assert!(
                    p.contains("Poskytovatel"),
                    "a page without the providers' column"
                );
            }
        }
    }
}

#[test]
fn compare_writes_the_merger_study_as_json() {
    // Three generated providers and the bundled merger workbook: every
    // effect key is there, each with its figures or a reason. The
    // generated providers state no municipality for their workers or
    // seat, so travel says why it is not available.
    let dir = scratch("compare-json");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    three_providers(&inputs);
    let run = Command::new(example("compare"))
        .arg(&inputs)
        .args([
            "--merge",
            "--merger",
            "fixtures/merger-example.xlsx",
            "--json",
            "-",
            "-o",
        ])
        .arg(dir.join("s.xlsx"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["mode"], "peers");
    let m = &json["merger"];
    // Worked out where the generated records carry it (a field of the
    // effect's own), else a reason (and then nothing else).
    for (key, field) in [
        ("prices", "revenue_after"),
        ("staff", "merged"),
        ("management", "lines"),
    ] {
        assert!(
            m[key][field].is_object() || m[key][field].is_array() || m[key][field].is_string(),
            "{key}: {}",
            m[key]
        );
        assert!(m[key]["not_available"].is_null(), "{key}");
    }
    assert_eq!(
        m["travel"].as_object().unwrap().len(),
        2,
        "only the reason, in both languages"
    );
    // The sheet's price rule (B3 of Sloučení) and its source.
    assert_eq!(m["assumptions"][0]["id"], "price_rule");
    assert!(
        m["assumptions"][0]["source"]
            .as_str()
            .unwrap()
            .starts_with("Sloučení!B3")
    );
    // The sample structure: VED 1 FTE fixed.
    let ved = &m["management"]["lines"][0];
    assert_eq!(
        (ved["role"].as_str(), ved["fte_after"].as_str()),
        (Some("VED"), Some("1"))
    );
    assert!(
        m["travel"]["not_available"]
            .as_str()
            .unwrap()
            .contains("municipality")
    );
    // Decimals as strings, as in the audit's JSON.
    assert!(m["prices"]["revenue_after"].is_string());
    assert_eq!(m["indicators"].as_array().unwrap().len(), 5);
}

#[test]
fn the_merged_service_adds_up_to_its_parts() {
    let parts: Vec<Dataset> = [(21, 1800), (22, 2600), (23, 2100)]
        .iter()
        .map(|&(s, n)| Synth::new(s, n).dataset())
        .collect();
    let refs: Vec<&Dataset> = parts.iter().collect();
    let reduction = Decimal::new(3, 1);
    let (merged, summary) = Merger::with_reduction(reduction).merge(&refs).unwrap();
    let reports: Vec<_> = parts.iter().map(|d| Audit::new(d).run()).collect();
    let whole = Audit::new(&merged).run();

    // Visits, clients and workers: the sum of the parts, ids kept apart.
    let sum = |f: &dyn Fn(&Dataset) -> usize| parts.iter().map(f).sum::<usize>();
    assert_eq!(merged.visits.len(), sum(&|d| d.visits.len()));
    assert_eq!(merged.clients.len(), sum(&|d| d.clients.len()));
    assert_eq!(merged.workers.len(), sum(&|d| d.workers.len()));
    assert_eq!(
        merged.clients[0].id,
        format!("1:{}", parts[0].clients[0].id)
    );
    // Direct and worked hours, and clients served: the sum of the parts
    // (the parts share one period, so nothing falls outside it).
    let secs = |r: &homecare_audit::AuditReport,
                f: &dyn Fn(&homecare_audit::audit::MonthLine) -> u64| {
        r.months.iter().map(f).sum::<u64>()
    };
    type Field = fn(&homecare_audit::audit::MonthLine) -> u64;
    let fields: [Field; 3] = [
        |m| m.direct_seconds,
        |m| m.worked_seconds,
        |m| m.travel_seconds,
    ];
    for f in fields {
        let parts_total: u64 = reports.iter().map(|r| secs(r, &f)).sum();
        assert_eq!(secs(&whole, &f), parts_total);
    }
    let served = |r: &homecare_audit::AuditReport| r.clients.iter().filter(|c| c.served).count();
    assert_eq!(served(&whole), reports.iter().map(served).sum::<usize>());
    // Costs: the merged service's are the parts' together, nothing saved
    // (the saving is the study's shared-costs effect, below).
    let total = |r: &homecare_audit::AuditReport| r.value("cost.total").unwrap();
    let parts_cost: Decimal = reports.iter().map(total).sum();
    assert_eq!(summary.cost_before, Some(parts_cost));
    assert_eq!(total(&whole), parts_cost);
    let overhead: Decimal = parts
        .iter()
        .flat_map(|d| d.costs.iter().flatten())
        .filter(|c| c.category == homecare_audit::CostCategory::Overhead)
        .map(|c| c.amount)
        .sum();
    assert!(
        overhead > Decimal::ZERO,
        "the generator writes overhead costs"
    );
    // The study: "before" is the sum; the shared-costs effect saves 30 %
    // of the overhead lines, and "after" costs that much less.
    let law = homecare_audit::law::LawTables::built_in();
    let pairs: Vec<(&Dataset, &homecare_audit::AuditReport)> = parts.iter().zip(&reports).collect();
    let study = Merger::with_reduction(reduction)
        .study(&pairs, &law, |ds| Audit::new(ds).law(&law).run())
        .unwrap();
    let e = study.shared_costs.worked().expect("every part has costs");
    assert_eq!(e.shared_before, overhead);
    assert_eq!(e.saving, overhead * reduction);
    assert_eq!(e.cost_before, parts_cost);
    assert_eq!(study.before.value("cost.total"), Some(parts_cost));
    assert_eq!(
        study.after.value("cost.total"),
        Some(parts_cost - overhead * reduction)
    );
}

#[test]
fn one_provider_in_two_years_is_a_trend() {
    let mut y2024 = Synth::new(31, 2000);
    y2024.year = 2024;
    let a = y2024.dataset();
    let b = Synth::new(31, 2400).dataset();
    assert_eq!(a.provider.ico, b.provider.ico);
    assert_eq!(mode(&[&b, &a]), Mode::Trend);
    let (ra, rb) = (Audit::new(&a).run(), Audit::new(&b).run());
    let dir = scratch("trend");
    let path = dir.join("vyvoj.xlsx");
    // Given newest first; the workbook orders by period.
    homecare_audit::workbook::ComparisonWorkbook::new(vec![
        ("2025.xlsx".into(), &rb),
        ("2024.xlsx".into(), &ra),
    ])
    .mode(Mode::Trend)
    .save(&path)
    .unwrap();
    let all = cells(&path);
    let at = |r: u32, c: u32| all.get(&("Vývoj".to_string(), r, c)).cloned();
    assert_eq!(at(2, 1), Some(Data::String("2024.xlsx".into())));
    assert_eq!(at(3, 1), Some(Data::String("2025.xlsx".into())));
    // After a blank row and a heading, the change row: 2025 − 2024 for the
    // first indicator with both values.
    assert_eq!(
        at(5, 0),
        Some(Data::String("Změna proti předchozímu období".into()))
    );
    let col = (3..200u32)
        .find(|&c| {
            matches!(
                (at(2, c), at(3, c)),
                (Some(Data::Float(_)), Some(Data::Float(_)))
            )
        })
        .unwrap();
    let (Some(Data::Float(x)), Some(Data::Float(y)), Some(Data::Float(d))) =
        (at(2, col), at(3, col), at(6, col))
    else {
        panic!("no change row");
    };
    assert!(
        (d - (y - x)).abs() <= 1e-9 * y.abs().max(1.0),
        "{d} vs {y} − {x}"
    );
}
