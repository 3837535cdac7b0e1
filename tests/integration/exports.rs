//! A provider's records as they reach an auditor: the care software's
//! timesheet as a windows-1250 CSV with names for ids, a UTF-8 client
//! list, a payroll workbook with its own headers, and the auditor's
//! workbook with `Poskytovatel`, the price list, costs and revenues and the
//! column mapping `Sloupce`. They must audit exactly as the same records
//! typed into our template.

use std::collections::BTreeMap;

use homecare_audit::run::SyntheticWorkbook;
use homecare_audit::workbook::{Input, InputWorkbook, ReadOptions, read_bytes, read_inputs};
use homecare_audit::{Audit, AuditReport, Dataset, ErrorKind, Problems};
use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

/// A synthetic provider's records, as read from its template workbook.
fn records(tag: &str) -> Dataset {
    let path = std::env::temp_dir().join(format!("exports-{tag}-{}.xlsx", std::process::id()));
    SyntheticWorkbook {
        rows: 400,
        seed: 7,
        defects: false,
    }
    .write(&path)
    .unwrap();
    let (ds, problems) =
        homecare_audit::workbook::read_path(&path, &ReadOptions::default()).unwrap();
    assert!(problems.no_rejections());
    let _ = std::fs::remove_file(&path);
    ds
}

/// Czech decimals: a comma.
fn cz(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}

fn clock(s: u32) -> String {
    format!("{}:{:02}", s / 3600, s / 60 % 60)
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

/// The names the exports use for ids (with letters windows-1250 and
/// ISO-8859-2 place differently: Š, ť, ž).
fn client_name(id: &str) -> String {
    format!("Šťastná Žofie {id}")
}
fn worker_name(id: &str) -> String {
    format!("Kožušníková Věra {id}")
}

/// The timesheet as the care software exports it: windows-1250, `;`,
/// decimal commas, its own headers, names for ids.
fn visits_csv(ds: &Dataset) -> Vec<u8> {
    let mut out = String::from(
        "Výkaz péče za období\r\nDatum výkonu;Pečovatelka;Uživatel;Kód výkonu;Čas od;Čas do;Doba (min);Počet;Cesta (min);Úhrada Kč\r\n",
    );
    for v in &ds.visits {
        let client = v
            .client
            .map(|c| client_name(&ds.client(c).id))
            .unwrap_or_default();
        let (from, to) = match v.start {
            Some(s) => (clock(s), {
                let end = (s + v.duration) % 86_400;
                if end == 0 && v.duration > 0 {
                    "24:00".to_string()
                } else {
                    clock(end)
                }
            }),
            None => (String::new(), String::new()),
        };
        let minutes = cz(Decimal::from(v.duration) / Decimal::from(60));
        let quantity = if v.quantity == Decimal::ONE {
            String::new()
        } else {
            cz(v.quantity)
        };
        let travel = if v.travel > 0 {
            cz(Decimal::from(v.travel) / Decimal::from(60))
        } else {
            String::new()
        };
        let fee = v.fee.map(cz).unwrap_or_default();
        out.push_str(&format!(
            "{};{};{};{};{};{};{};{};{};{}\r\n",
            day(v.date),
            worker_name(&ds.worker(v.worker).id),
            client,
            ds.task(v.task).code,
            from,
            to,
            minutes,
            quantity,
            travel,
            fee
        ));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1250.encode(&out);
    assert!(!unmappable);
    bytes.into_owned()
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "ano",
        Some(false) => "ne",
        None => "",
    }
}

/// The client list: UTF-8 with a BOM, `,`, quoted names.
fn clients_csv(ds: &Dataset) -> Vec<u8> {
    let mut out = String::from(
        "\u{feff}Příjmení a jméno,Narozen(a),Příspěvek,Sám,Riziko,Osvobozen,Bydliště,Smlouva od,Smlouva do\n",
    );
    for c in &ds.clients {
        let degree = c.care_allowance.map(degree_words).unwrap_or_default();
        out.push_str(&format!(
            "\"{}\",{},{},{},{},{},\"{}\",{},{}\n",
            client_name(&c.id),
            c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            degree,
            yes_no(c.lives_alone),
            yes_no(c.at_risk),
            yes_no(c.fee_exempt),
            c.municipality.clone().unwrap_or_default(),
            c.contract_from.map(day).unwrap_or_default(),
            c.contract_to.map(day).unwrap_or_default(),
        ));
    }
    out.into_bytes()
}

/// A payroll's job title for a role, as payroll programs write them.
fn job_title(role: homecare_audit::Role) -> &'static str {
    use homecare_audit::Role;
    match role {
        Role::Pss => "pracovnice v sociálních službách",
        Role::Sp => "sociální pracovnice",
        Role::Ved => "vedoucí pečovatelské služby",
        Role::Adm => "administrativní pracovnice",
        Role::Rid => "řidič",
        other => other.code(),
    }
}

/// A care-allowance degree as a client list writes it.
fn degree_words(d: homecare_audit::CareDegree) -> &'static str {
    use homecare_audit::CareDegree;
    match d {
        CareDegree::None => "bez příspěvku",
        CareDegree::I => "I. stupeň",
        CareDegree::II => "stupeň II",
        CareDegree::III => "3 - těžká závislost",
        CareDegree::IV => "IV - úplná závislost",
    }
}

/// The payroll's staff list: a workbook with a title row and its own
/// headers on a sheet named `Zaměstnanci`, beside a sheet of its own.
fn payroll(ds: &Dataset) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Zaměstnanci").unwrap();
    ws.write_string(0, 0, "Mzdová evidence 2025").unwrap();
    let headers = [
        "Příjmení a jméno",
        "Zařazení",
        "Úvazek",
        "Hodin týdně",
        "Nástup",
        "Odchod",
        "Nepřítomnost (h)",
        "Školení (h)",
        "Osobní náklady",
        "Obec",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (i, w) in ds.workers.iter().enumerate() {
        let r = i as u32 + 3;
        ws.write_string(r, 0, worker_name(&w.id)).unwrap();
        ws.write_string(r, 1, job_title(w.role)).unwrap();
        ws.write_string(r, 2, cz(w.fte)).unwrap();
        let hours = |s: Option<u64>| s.map(|s| cz(Decimal::from(s) / Decimal::from(3600)));
        for (c, v) in [
            (3u16, w.weekly_hours.map(cz)),
            (4, w.employed_from.map(day)),
            (5, w.employed_to.map(day)),
            (6, hours(w.absence)),
            (7, hours(w.training)),
            (8, w.personnel_cost.map(cz)),
            (9, w.municipality.clone()),
        ] {
            if let Some(v) = v {
                ws.write_string(r, c, v).unwrap();
            }
        }
    }
    wb.add_worksheet()
        .set_name("Poznámky")
        .unwrap()
        .write_string(0, 0, "interní")
        .unwrap();
    wb.save_to_buffer().unwrap()
}

/// The auditor's workbook: the provider, its price list, costs and
/// revenues in our layout, and the mapping of the exports' headers.
fn auditor(ds: &Dataset) -> Vec<u8> {
    let mut wb = Workbook::new();
    let p = &ds.provider;
    let ws = wb.add_worksheet().set_name("Poskytovatel").unwrap();
    let mut kv = vec![("Název", p.name.clone())];
    if let Some(ico) = &p.ico {
        kv.push(("IČO", ico.clone()));
    }
    if let Some(region) = &p.region {
        kv.push(("Kraj", region.clone()));
    }
    if let Some(period) = p.period {
        kv.push(("Období od", day(period.from)));
        kv.push(("Období do", day(period.to)));
    }
    kv.push(("Týdenní pracovní doba", cz(p.weekly_hours)));
    kv.push((
        "Veřejný zaměstnavatel",
        if p.public_employer { "ano" } else { "ne" }.into(),
    ));
    if let Some(m) = &p.municipality {
        kv.push(("Obec", m.clone()));
    }
    for (r, (k, v)) in kv.iter().enumerate() {
        ws.write_string(r as u32, 0, *k).unwrap();
        ws.write_string(r as u32, 1, v).unwrap();
    }
    let own: Vec<_> = ds.tasks.tasks().iter().filter(|t| !t.builtin).collect();
    if !own.is_empty() {
        let ws = wb.add_worksheet().set_name("Úkony").unwrap();
        for (c, h) in ["Kód", "Název", "Úkon dle vyhlášky", "Jednotka"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (i, t) in own.iter().enumerate() {
            let r = i as u32 + 1;
            let unit = match t.unit {
                homecare_audit::TaskUnit::Hour => "hod",
                homecare_audit::TaskUnit::Act => "úkon",
                homecare_audit::TaskUnit::Kg => "kg",
                homecare_audit::TaskUnit::Portion => "porce",
                homecare_audit::TaskUnit::Km => "km",
            };
            for (c, v) in [&t.code, &t.name, t.kind.code(), unit].iter().enumerate() {
                ws.write_string(r, c as u16, *v).unwrap();
            }
        }
    }
    if !ds.prices.is_empty() {
        let ws = wb.add_worksheet().set_name("Ceník").unwrap();
        for (c, h) in ["Úkon", "Cena", "Platí od"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (i, price) in ds.prices.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &ds.task(price.task).code).unwrap();
            ws.write_string(r, 1, cz(price.price)).unwrap();
            if let Some(d) = price.valid_from {
                ws.write_string(r, 2, day(d)).unwrap();
            }
        }
    }
    // The auditor's account map: each cost line's and revenue line's
    // analytic account of the income statement to its category or source.
    let ws = wb.add_worksheet().set_name("Účtová mapa").unwrap();
    for (c, h) in ["Účet", "Kategorie", "Skupina", "Zdroj"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut r = 1;
    for (i, line) in ds.costs.iter().flatten().enumerate() {
        let group = match line.group {
            homecare_audit::CostGroup::Personnel => "osobní",
            homecare_audit::CostGroup::Operating => "provozní",
        };
        for (c, v) in [
            cost_account(i),
            line.category.code().to_string(),
            group.to_string(),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(r, c as u16, v).unwrap();
        }
        r += 1;
    }
    for (i, line) in ds.revenues.iter().flatten().enumerate() {
        ws.write_string(r, 0, revenue_account(i)).unwrap();
        ws.write_string(r, 3, line.source.code()).unwrap();
        r += 1;
    }
    let ws = wb.add_worksheet().set_name("Sloupce").unwrap();
    let rows = [
        ["List", "Sloupec", "Ve vstupu", "Soubor"],
        ["Výkazy", "Datum", "Datum výkonu", "vykazy-2025.csv"],
        ["Výkazy", "Pracovník", "Pečovatelka", ""],
        ["Výkazy", "Klient", "Uživatel", ""],
        ["Výkazy", "Úkon", "Kód výkonu", ""],
        ["Výkazy", "Od", "Čas od", ""],
        ["Výkazy", "Do", "Čas do", ""],
        ["Výkazy", "Minuty", "Doba (min)", ""],
        ["Výkazy", "Množství", "Počet", ""],
        ["Výkazy", "Cesta min", "Cesta (min)", ""],
        ["Výkazy", "Úhrada", "Úhrada Kč", ""],
        ["Klienti", "ID klienta", "Příjmení a jméno", "seznam.csv"],
        ["Klienti", "Rok narození", "Narozen(a)", ""],
        ["Klienti", "Stupeň PnP", "Příspěvek", ""],
        ["Klienti", "Žije sám", "Sám", ""],
        ["Klienti", "Ohrožen soc. vyloučením", "Riziko", ""],
        ["Klienti", "Osvobozen od úhrady", "Osvobozen", ""],
        ["Klienti", "Obec", "Bydliště", ""],
        ["Klienti", "Smlouva od", "Smlouva od", ""],
        ["Klienti", "Smlouva do", "Smlouva do", ""],
        [
            "Pracovníci",
            "ID pracovníka",
            "Příjmení a jméno",
            "mzdy.xlsx/Zaměstnanci",
        ],
        ["Pracovníci", "Pozice", "Zařazení", ""],
        ["Pracovníci", "Úvazek", "Úvazek", ""],
        ["Pracovníci", "Týdenní pracovní doba", "Hodin týdně", ""],
        ["Pracovníci", "Nástup", "Nástup", ""],
        ["Pracovníci", "Ukončení", "Odchod", ""],
        ["Pracovníci", "Absence hod", "Nepřítomnost (h)", ""],
        ["Pracovníci", "Vzdělávání hod", "Školení (h)", ""],
        ["Pracovníci", "Osobní náklady", "Osobní náklady", ""],
        ["Pracovníci", "Obec", "Obec", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// The analytic accounts the statement books each line on.
fn cost_account(i: usize) -> String {
    format!("518.{}", 100 + i)
}
fn revenue_account(i: usize) -> String {
    format!("649.{}", 100 + i)
}

/// The accountant's income statement: a title, an empty row, then the
/// accounts, amounts with a trailing minus where negative.
fn statement(ds: &Dataset) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Výsledovka").unwrap();
    ws.write_string(0, 0, "Výkaz zisku a ztráty 2025").unwrap();
    for (c, h) in ["Účet", "Název", "Částka"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let amount = |d: Decimal| {
        if d < Decimal::ZERO {
            format!("{}-", cz(-d))
        } else {
            cz(d)
        }
    };
    let mut r = 3;
    for (i, line) in ds.costs.iter().flatten().enumerate() {
        ws.write_string(r, 0, cost_account(i)).unwrap();
        ws.write_string(r, 1, line.category.code()).unwrap();
        ws.write_string(r, 2, amount(line.amount)).unwrap();
        r += 1;
    }
    for (i, line) in ds.revenues.iter().flatten().enumerate() {
        ws.write_string(r, 0, revenue_account(i)).unwrap();
        ws.write_string(r, 2, amount(line.amount)).unwrap();
        r += 1;
    }
    wb.save_to_buffer().unwrap()
}

/// A provider's five exports (the care software's visits and clients as
/// CSV, the payroll's staff list, the income statement, the auditor's
/// workbook with Poskytovatel, Sloupce and Účtová mapa) written into
/// `dir`, as the one-file page's test chooses them together.
pub(crate) fn write_five_exports(dir: &std::path::Path) {
    let ds = records("same");
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in [
        ("vykazy-2025.csv", visits_csv(&ds)),
        ("seznam.csv", clients_csv(&ds)),
        ("mzdy.xlsx", payroll(&ds)),
        ("vysledovka.xlsx", statement(&ds)),
        ("auditor.xlsx", auditor(&ds)),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn audit(ds: &Dataset, problems: &Problems) -> AuditReport {
    Audit::new(ds).problems(problems).run()
}

/// Every indicator's value, or why it is not available.
fn values(r: &AuditReport) -> BTreeMap<String, String> {
    r.indicators
        .iter()
        .map(|(id, i)| {
            let v = match (&i.value, &i.unavailable) {
                (Some(v), _) => v.normalize().to_string(),
                (None, u) => format!("n/a {u:?}"),
            };
            (id.clone(), v)
        })
        .collect()
}

#[test]
fn exports_with_a_mapping_audit_as_the_template_does() {
    let ds = records("same");
    let template = InputWorkbook::new(&ds).to_buffer().unwrap();
    let (typed, typed_problems) =
        read_bytes(&template, Some("sablona.xlsx"), &ReadOptions::default()).unwrap();
    let (visits, clients, staff, own) = (
        visits_csv(&ds),
        clients_csv(&ds),
        payroll(&ds),
        auditor(&ds),
    );
    let accounts = statement(&ds);
    assert!(
        ds.costs.as_ref().is_some_and(|c| c.len() > 3),
        "the sample has costs"
    );
    let (exported, problems) = read_inputs(
        &[
            Input::bytes("vykazy-2025.csv", &visits),
            Input::bytes("seznam.csv", &clients),
            Input::bytes("mzdy.xlsx", &staff),
            Input::bytes("vysledovka.xlsx", &accounts),
            Input::bytes("auditor.xlsx", &own),
        ],
        &ReadOptions::default(),
    )
    .unwrap();
    let rejected: Vec<String> = problems
        .rejections()
        .map(|p| p.describe(homecare_audit::Lang::Cs))
        .collect();
    assert!(rejected.is_empty(), "{rejected:#?}");
    assert_eq!(exported.visits.len(), ds.visits.len());
    assert_eq!(exported.clients.len(), ds.clients.len());
    assert_eq!(exported.workers.len(), ds.workers.len());
    let (a, b) = (
        values(&audit(&typed, &typed_problems)),
        values(&audit(&exported, &problems)),
    );
    assert!(a.len() > 30, "every indicator compared: {}", a.len());
    for (id, v) in &a {
        assert_eq!(Some(v), b.get(id), "{id}");
    }
    // Rows are counted by our sheets, and by file.
    let visits_rows = problems.count("Výkazy");
    assert_eq!(visits_rows.read, ds.visits.len() as u64);
    assert_eq!(
        problems.rows_by_file["vykazy-2025.csv"]["Výkazy"],
        visits_rows
    );
    assert_eq!(
        problems.rows_by_file["mzdy.xlsx"]["Pracovníci"].accepted,
        ds.workers.len() as u64
    );
    // The mapping's 30 rows: 29 mappings, all met, plus the header.
    assert_eq!(problems.count("Sloupce").accepted, 29);
    for file in problems.rows_by_file.values() {
        for (sheet, n) in file {
            assert!(n.balances(), "{sheet}");
        }
    }
    // What was found about each file, and where each column came from.
    let notices: Vec<String> = problems
        .notices()
        .map(|p| p.describe(homecare_audit::Lang::En))
        .collect();
    assert!(
        notices.contains(&"vykazy-2025.csv:1 \"vykazy-2025.csv\": read as CSV: encoding windows-1250, delimiter semicolon (;)".to_string()),
        "{notices:#?}"
    );
    assert!(
        notices.iter().any(
            |n| n.starts_with("seznam.csv:1") && n.contains("UTF-8 (BOM), delimiter comma (,)")
        ),
        "{notices:#?}"
    );
    // The payroll's other sheet is ignored, named with its file.
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with("mzdy.xlsx/Poznámky!A1")),
        "{notices:#?}"
    );
    let client_id = exported
        .source
        .columns
        .iter()
        .find(|c| c.sheet == "Výkazy" && c.column == "Klient")
        .unwrap();
    assert_eq!(
        (
            client_id.header.as_str(),
            client_id.input.as_str(),
            client_id.mapped
        ),
        ("Uživatel", "vykazy-2025.csv", true)
    );
    assert_eq!(exported.source.inputs.len(), 5);
    assert_eq!(exported.source.inputs[0].format, "csv");
}

/// The exports with one defect each, and the answer for each.
#[test]
fn every_bad_export_has_a_placed_answer() {
    let ds = records("bad");
    let own = auditor(&ds);
    let staff = payroll(&ds);
    let clients = clients_csv(&ds);
    let mut visits = visits_csv(&ds);
    // A ragged record (an unquoted `;` in a name) and a byte windows-1250
    // has no character for (0x98), at records 3 + n and 4 + n.
    let n = ds.visits.len();
    visits.extend_from_slice(b"3.3.2025;Nov\xE1k;J;r;a1;7:00;7:30;30;;;\r\n");
    visits.extend_from_slice(b"3.3.2025;Pe\x98ovatelka;;a1;7:00;7:30;30;;;\r\n");
    let read = |visits: &[u8], clients: &[u8]| {
        read_inputs(
            &[
                Input::bytes("vykazy-2025.csv", visits),
                Input::bytes("seznam.csv", clients),
                Input::bytes("mzdy.xlsx", &staff),
                Input::bytes("auditor.xlsx", &own),
            ],
            &ReadOptions::default(),
        )
    };
    let (_, problems) = read(&visits, &clients).unwrap();
    let rejected: Vec<String> = problems
        .rejections()
        .map(|p| p.describe(homecare_audit::Lang::En))
        .collect();
    // Record 1 is the title, 2 the header, then n visits.
    let ragged = n + 3;
    assert_eq!(
        rejected[0],
        format!(
            "vykazy-2025.csv:{ragged} (Datum výkonu) \"3.3.2025;Novák;J;r;a1;7:00;7:30;30\": the record has 11 fields, the header 10: values would land in other columns"
        )
    );
    // The undecodable byte is a notice; its row is then rejected for the
    // unknown worker it names.
    let undecodable = problems
        .notices()
        .find(|p| p.kind() == "undecodable")
        .unwrap();
    assert_eq!(
        undecodable.place.to_string(),
        format!("vykazy-2025.csv:{} (Pečovatelka)", n + 4)
    );
    assert_eq!(rejected.len(), 2, "{rejected:#?}");
    let count = problems.count("Výkazy");
    assert_eq!(
        (count.read, count.accepted, count.rejected),
        (n as u64 + 2, n as u64, 2)
    );

    // Two files for one sheet: both named.
    let e = read_inputs(
        &[
            Input::bytes("vykazy.csv", &visits),
            Input::bytes("vykazy-2.csv", &visits),
        ],
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::DuplicateSheet { first, second } if first == "vykazy.csv" && second == "vykazy-2.csv"),
        "{e}"
    );

    // A CSV of 0 bytes: said so, naming the file.
    let e = read_inputs(
        &[
            Input::bytes("vykazy.csv", b""),
            Input::bytes("seznam.csv", &clients),
        ],
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.file(), Some("vykazy.csv"));
    assert!(e.to_string().contains("an empty file"), "{e}");
}

#[test]
fn a_mapping_row_that_names_nothing_is_rejected_and_a_header_mapped_twice_is_an_error() {
    let visits = "Datum výkonu;Pečovatelka;Uživatel;Kód výkonu;Doba (min)\n3.3.2025;P1;K1;a1;30\n";
    let clients = "ID klienta;Stupeň PnP\nK1;II\n";
    let staff = "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n";
    let mapping = |rows: &[[&str; 4]]| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("Sloupce").unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        wb.save_to_buffer().unwrap()
    };
    let read = |m: &[u8]| {
        read_inputs(
            &[
                Input::bytes("vykazy.csv", visits.as_bytes()),
                Input::bytes("klienti.csv", clients.as_bytes()),
                Input::bytes("pracovnici.csv", staff.as_bytes()),
                Input::bytes("mapa.xlsx", m).mapping_only(),
            ],
            &ReadOptions::default(),
        )
    };
    let good = [
        ["List", "Sloupec", "Ve vstupu", "Soubor"],
        ["Výkazy", "Datum", "Datum výkonu", ""],
        ["Výkazy", "Pracovník", "Pečovatelka", ""],
        ["Výkazy", "Klient", "Uživatel", ""],
        ["Výkazy", "Úkon", "Kód výkonu", ""],
        ["Výkazy", "Minuty", "Doba (min)", ""],
    ];
    let mut rows = good.to_vec();
    rows.push(["Vykazky", "Datum", "Datum", ""]); // row 7: no such sheet kind
    rows.push(["Výkazy", "Barva", "Barva", ""]); // row 8: no such column
    rows.push(["Výkazy", "Cesta min", "Cesta", ""]); // row 9: no such header in vykazy.csv
    rows.push(["Klienti", "", "", "klienty.csv"]); // row 10: no such file
    let (ds, problems) = read(&mapping(&rows)).unwrap();
    assert_eq!(ds.visits.len(), 1);
    let rejected: Vec<(String, &str)> = problems
        .rejections()
        .map(|p| (p.place.to_string(), p.kind()))
        .collect();
    assert_eq!(
        rejected,
        [
            ("mapa.xlsx/Sloupce!A7".to_string(), "unknown_sheet_kind"),
            ("mapa.xlsx/Sloupce!B8".to_string(), "unknown_column_name"),
            ("mapa.xlsx/Sloupce!D10".to_string(), "unknown_input_file"),
            (
                "mapa.xlsx/Sloupce!C9".to_string(),
                "mapped_header_not_found"
            ),
        ]
    );
    // 9 rows read: 5 used, 4 rejected.
    let count = problems.count("Sloupce");
    assert_eq!((count.read, count.accepted, count.rejected), (9, 5, 4));

    let mut twice = good.to_vec();
    twice.push(["Výkazy", "Cesta min", "Doba (min)", ""]);
    let e = read(&mapping(&twice)).unwrap_err();
    assert_eq!(e.file(), Some("mapa.xlsx"));
    assert!(
        matches!(e.kind(), ErrorKind::MappedTwice { header, .. } if header == "Doba (min)"),
        "{e}"
    );
}

/// `compare` over a folder: each subfolder one provider's records, the
/// folder's own workbooks each a provider; the one that cannot be read is
/// named in the comparison workbook and the JSON.
#[test]
fn a_folder_per_provider_and_the_refused_named() {
    use calamine::Reader;
    use homecare_audit::run::{CompareRequest, providers_in};
    let dir = std::env::temp_dir().join(format!("exports-compare-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let a = dir.join("mesto-a");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::write(
        a.join("vykazy.csv"),
        "Datum;Pracovník;Klient;Úkon;Minuty\n3.3.2025;P1;K1;a1;30\n4.3.2025;P1;K1;a1;90\n",
    )
    .unwrap();
    std::fs::write(a.join("klienti.csv"), "ID klienta;Stupeň PnP\nK1;III\n").unwrap();
    std::fs::write(
        a.join("pracovnici.csv"),
        "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n",
    )
    .unwrap();
    std::fs::copy("fixtures/sample.xlsx", dir.join("b.xlsx")).unwrap();
    std::fs::write(dir.join("rozbite.xlsx"), b"PK\x03\x04 not a zip").unwrap();
    let providers = providers_in(std::slice::from_ref(&dir)).unwrap();
    let names: Vec<&str> = providers.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["mesto-a", "b.xlsx", "rozbite.xlsx"]);
    assert_eq!(providers[0].files.len(), 3);

    let comparison = CompareRequest::of_providers(providers).run().unwrap();
    assert_eq!(comparison.audits().len(), 2);
    // mesto-a's staff list: one care worker at a full FTE.
    let fte = comparison.audits()[0].report.indicators["staff.fte_total"].value;
    assert_eq!(fte, Some(Decimal::ONE));
    assert_eq!(comparison.audits()[0].file, "mesto-a");
    assert_eq!(comparison.refused().len(), 1);
    // Named as it was given (here with its folder).
    let refused = dir.join("rozbite.xlsx").display().to_string();
    assert_eq!(comparison.refused()[0].file(), Some(refused.as_str()));
    let json: serde_json::Value = serde_json::from_str(&comparison.json().unwrap()).unwrap();
    assert_eq!(json["refused"][0]["file"], refused.as_str());
    let bytes = comparison.workbook().to_buffer().unwrap();
    let book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert!(
        book.sheet_names().contains(&"Nenačteno".to_string()),
        "{:?}",
        book.sheet_names()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 2 GB CSV file is refused by the size limit from its length alone:
/// nothing of it is read (the file is sparse: it takes no disk).
#[test]
fn a_2_gb_csv_is_refused_before_it_is_read() {
    let path = std::env::temp_dir().join(format!("exports-huge-{}.csv", std::process::id()));
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(2 << 30).unwrap();
    drop(f);
    let e = read_inputs(
        &[
            Input::path(&path),
            Input::bytes("klienti.csv", b"ID klienta;PnP\nK1;II\n"),
        ],
        &ReadOptions::default(),
    )
    .unwrap_err();
    let _ = std::fs::remove_file(&path);
    // 2 GiB against the default 512 MiB.
    assert!(
        matches!(e.kind(), ErrorKind::LimitExceeded { limit: homecare_audit::Limit::FileBytes, value, max, .. } if *value == 2 << 30 && *max == 512 << 20),
        "{e}"
    );
}

/// The care software's timesheet and the accountant's statement alone: the
/// hour's cost and the revenue shares are right, what needs the staff or
/// client list is not available with that reason.
#[test]
fn a_timesheet_and_the_accounts_alone() {
    // Four visits of task a1: 60 + 90 + 30 + 60 = 240 minutes = 4 hours.
    let visits = "Datum výkonu;Pečovatelka;Uživatel;Kód výkonu;Doba (min)\n\
                  3.3.2025;Nováková;Svoboda;a1;60\n\
                  3.3.2025;Nováková;Dvořák;a1;90\n\
                  4.3.2025;Malá;Svoboda;a1;30\n\
                  5.3.2025;Malá;Dvořák;a1;60\n";
    // Costs 100 000 (521 wages) + 33 800 (524 insurance) + 6 200 (501
    // material) = 140 000; revenues 20 000 (602 fees) + 100 000 (672, the
    // founder's contribution: public money) = 120 000.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("List1").unwrap();
    ws.write_string(0, 0, "Výsledovka k 31. 3. 2025").unwrap();
    for (r, (account, name, amount)) in [
        ("Účet", "Název", "Částka"),
        ("521", "Mzdové náklady", "100 000,00"),
        ("524", "Zákonné sociální pojištění", "33 800,00"),
        ("501", "Spotřeba materiálu", "6 200,00"),
        ("602", "Tržby z prodeje služeb", "20 000,00"),
        ("672", "Příspěvek zřizovatele", "100 000,00"),
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in [account, name, amount].iter().enumerate() {
            ws.write_string(r as u32 + 2, c as u16, **v).unwrap();
        }
    }
    let accounts = wb.save_to_buffer().unwrap();
    let (ds, problems) = read_inputs(
        &[
            Input::bytes("export-vykonu.csv", visits.as_bytes()),
            Input::bytes("vysledovka.xlsx", &accounts),
        ],
        &ReadOptions::default(),
    )
    .unwrap();
    assert!(
        problems.no_rejections(),
        "{:?}",
        problems.rejections().collect::<Vec<_>>()
    );
    // The names are the ids: two workers, two clients.
    assert_eq!((ds.workers.len(), ds.clients.len()), (2, 2));
    let report = audit(&ds, &problems);
    let value = |id: &str| report.indicators[id].value;
    // 140 000 Kč over 4 direct hours.
    assert_eq!(value("cost.per_direct_hour"), Some(Decimal::from(35_000)));
    assert_eq!(value("cost.total"), Some(Decimal::from(140_000)));
    // Shares of the cost (docs/indicators.md): fees 20 000 / 140 000 = 1/7,
    // public money (672) 100 000 / 140 000 = 5/7.
    let share = |n: i64| Some(Decimal::from(n) / Decimal::from(140_000));
    assert_eq!(value("revenue.fee_share"), share(20_000));
    assert_eq!(value("revenue.public_share"), share(100_000));
    for (id, sheet) in [
        ("staff.fte_total", "Pracovníci"),
        ("cost.per_fte", "Pracovníci"),
        ("target.high_dependency_share", "Klienti"),
    ] {
        let i = &report.indicators[id];
        assert_eq!(i.value, None, "{id}");
        let why = i
            .unavailable
            .as_ref()
            .map(|u| format!("{u:?}"))
            .unwrap_or_default();
        assert!(why.contains(&format!("chybí list {sheet}")), "{id}: {why}");
    }
    // The one-sheet workbook took its kind from its file's name.
    assert_eq!(ds.source.sheets["Výsledovka"], "List1");
    assert_eq!(
        problems.rows_by_file["vysledovka.xlsx"]["Výsledovka"].accepted,
        5
    );
}

/// A mapping row wrong twice over (its file is no input and its header is
/// in no sheet) is one rejected row: two problems, counted once.
#[test]
fn a_mapping_row_wrong_twice_is_one_rejected_row() {
    // Row 2 wrong twice, row 3 once (its header), row 4 right.
    let mapping = "List;Sloupec;Ve vstupu;Soubor\n\
                   Výkazy;Úhrada;Cena Kč;chybi.csv\n\
                   Výkazy;Cesta min;Cesta;\n\
                   Výkazy;Minuty;Doba;\n";
    let visits = "Datum;Pracovník;Klient;Úkon;Doba\n3.3.2025;P1;K1;a1;30\n";
    let (_, problems) = read_inputs(
        &[
            Input::bytes("vykazy.csv", visits.as_bytes()),
            Input::bytes("sloupce.csv", mapping.as_bytes()),
        ],
        &ReadOptions::default(),
    )
    .unwrap();
    let kinds: Vec<&str> = problems.rejections().map(|p| p.kind()).collect();
    assert_eq!(
        kinds,
        [
            "unknown_input_file",
            "mapped_header_not_found",
            "mapped_header_not_found"
        ]
    );
    // Three mapping rows read: rows 2 and 3 rejected, row 4 accepted.
    let count = problems.count("Sloupce");
    assert_eq!((count.read, count.accepted, count.rejected), (3, 1, 2));
}
