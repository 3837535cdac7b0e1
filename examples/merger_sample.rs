//! Writes the sample merger study: three synthetic providers of
//! neighbouring towns (each with its own price list and villages) and a
//! merger workbook with the council's assumptions (`Sloučení`,
//! `Vzdálenosti`), to try `compare --merge --merger`.
//!
//! ```text
//! cargo run --release --example merger_sample -- [OUTDIR]
//! cargo run --release --example compare -- OUTDIR/sluzby --merge --merger OUTDIR/slouceni.xlsx
//! ```
//!
//! The bundled `fixtures/merger-example.xlsx` is this merger workbook.
//! Exit status: 0 done, 1 cannot write, 2 wrong usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use homecare_audit::Role;
use homecare_audit::compare::{Distance, ManagementRole, Merger, PriceRule};
use homecare_audit::synth::{Synth, Town};
use homecare_audit::workbook::{InputWorkbook, MergerWorkbook};
use rust_decimal::Decimal;

/// Zapíše vzorovou studii sloučení (tři služby a sešit předpokladů).
/// Writes the sample merger study (three services and the assumptions).
#[derive(Parser)]
#[command(name = "merger_sample", version, after_help = AFTER_HELP, verbatim_doc_comment)]
struct Args {
    /// Kam zapsat / where to write
    #[arg(value_name = "OUTDIR", default_value = "studie-slouceni")]
    out: PathBuf,
}

const AFTER_HELP: &str = "\
Návratové kódy / exit status: 0 hotovo / done, 1 nelze zapsat / cannot write, 2 chybné použití / wrong usage";

/// The three towns: seat, villages, hourly price, timesheet rows.
const TOWNS: [(&str, &[&str], u64, usize); 3] = [
    (
        "Horní Lhota",
        &["Lhotka", "Zahrádky", "Podhradí"],
        135,
        3000,
    ),
    ("Dolní Lhota", &["Podhradí"], 150, 2000),
    ("Zálesí", &["Bor", "Kamenná"], 120, 1200),
];

/// Minutes one way between the municipalities (an example, as a council
/// would take them from a route planner).
const MINUTES: &[(&str, &str, i64)] = &[
    ("Horní Lhota", "Horní Lhota", 4),
    ("Dolní Lhota", "Dolní Lhota", 4),
    ("Zálesí", "Zálesí", 3),
    ("Horní Lhota", "Dolní Lhota", 12),
    ("Horní Lhota", "Zálesí", 25),
    ("Dolní Lhota", "Zálesí", 18),
    ("Lhotka", "Horní Lhota", 6),
    ("Lhotka", "Dolní Lhota", 14),
    ("Lhotka", "Zálesí", 27),
    ("Zahrádky", "Horní Lhota", 8),
    ("Zahrádky", "Dolní Lhota", 16),
    ("Zahrádky", "Zálesí", 24),
    ("Podhradí", "Dolní Lhota", 5),
    ("Podhradí", "Horní Lhota", 15),
    ("Podhradí", "Zálesí", 17),
    ("Bor", "Zálesí", 7),
    ("Bor", "Dolní Lhota", 20),
    ("Bor", "Horní Lhota", 28),
    ("Kamenná", "Zálesí", 9),
    ("Kamenná", "Dolní Lhota", 22),
    ("Kamenná", "Horní Lhota", 30),
];

/// The council's example assumptions.
fn merger() -> Merger {
    let mut m = Merger {
        name: "Pečovatelská služba Lhotsko (sloučená)".into(),
        price_rule: PriceRule::Lowest,
        target_utilisation: Decimal::new(75, 2),
        ..Merger::default()
    };
    m.management = vec![
        ManagementRole {
            role: Role::Ved,
            fixed_fte: Decimal::ONE,
            clients_per_fte: None,
        },
        ManagementRole {
            role: Role::Sp,
            fixed_fte: Decimal::ZERO,
            clients_per_fte: Some(Decimal::from(40)),
        },
    ];
    m.distances = MINUTES
        .iter()
        .map(|(a, b, min)| Distance {
            from: a.to_string(),
            to: b.to_string(),
            minutes: Decimal::from(*min),
        })
        .collect();
    let example = "příklad: zadání studie, nahraďte usnesením rady / example: replace with the council's resolution";
    for id in [
        "price_rule",
        "target_utilisation",
        "management",
        "roster",
        "name",
    ] {
        m.sources.insert(id.into(), example.into());
    }
    m
}

fn main() -> ExitCode {
    let out = Args::parse().out;
    let services = out.join("sluzby");
    if let Err(e) = std::fs::create_dir_all(&services) {
        eprintln!("{}: {e}", services.display());
        return ExitCode::from(1);
    }
    for (i, (name, villages, price, rows)) in TOWNS.iter().enumerate() {
        let town = Town {
            name: name.to_string(),
            villages: villages.iter().map(|v| v.to_string()).collect(),
            hourly_price: *price,
        };
        let ds = Synth::new(100 + i as u64, *rows).in_town(town).dataset();
        let path = services.join(format!("{}.xlsx", i + 1));
        if let Err(e) = InputWorkbook::new(&ds).save(&path) {
            eprintln!("{}", e.describe(homecare_audit::Lang::Cs));
            return ExitCode::from(1);
        }
        println!("{}", path.display());
    }
    let path = out.join("slouceni.xlsx");
    if let Err(e) = MergerWorkbook::new(&merger()).save(&path) {
        eprintln!("{}", e.describe(homecare_audit::Lang::Cs));
        return ExitCode::from(1);
    }
    println!("{}", path.display());
    ExitCode::SUCCESS
}
