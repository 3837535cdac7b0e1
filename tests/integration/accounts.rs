//! The accounts as the accountant gives them (`Výsledovka`), in both
//! numberings, through a real workbook: every row accepted or rejected at
//! its place, costs by group and revenues by source worked out by hand, the
//! auditor's `Účtová mapa` beating the built-in map, and an audit of the
//! accounts giving the same cost indicators as the same lines typed in
//! `Náklady` and `Výnosy`.

use homecare_audit::workbook::{ReadOptions, read_bytes};
use homecare_audit::{
    Audit, CostCategory, CostGroup, Dataset, ErrorKind, Problems, Reason, RevenueSource, RowCount,
};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet};

use crate::common::read;

/// A cell to write: text, a number, or nothing.
#[derive(Clone, Copy)]
enum W {
    T(&'static str),
    N(f64),
    X,
}
use W::*;

fn put(ws: &mut Worksheet, r: u32, c: u16, w: W) {
    match w {
        T(s) => drop(ws.write_string(r, c, s).unwrap()),
        N(n) => drop(ws.write_number(r, c, n).unwrap()),
        X => {}
    }
}

/// A sheet whose rows start at Excel row `first` (1-based): `rows[0]` there.
fn sheet_at(wb: &mut Workbook, name: &str, first: u32, rows: &[Vec<W>]) {
    let ws = wb.add_worksheet().set_name(name).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, w) in row.iter().enumerate() {
            put(ws, first - 1 + r as u32, c as u16, *w);
        }
    }
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A worker, a client and two one-hour b1 visits in March 2025: enough for
/// the cost indicators per hour, per FTE and per client.
fn records(wb: &mut Workbook) {
    sheet_at(
        wb,
        "Poskytovatel",
        1,
        &[
            vec![T("Údaj"), T("Hodnota")],
            vec![T("Období od"), T("1. 3. 2025")],
            vec![T("Období do"), T("31. 3. 2025")],
        ],
    );
    sheet_at(
        wb,
        "Pracovníci",
        1,
        &[
            vec![T("ID pracovníka"), T("Pozice"), T("Úvazek")],
            vec![T("P1"), T("PSS"), N(1.0)],
        ],
    );
    sheet_at(
        wb,
        "Klienti",
        1,
        &[vec![T("ID klienta"), T("Obec")], vec![T("K1"), T("X")]],
    );
    sheet_at(
        wb,
        "Výkazy",
        1,
        &[
            vec![
                T("Datum"),
                T("Pracovník"),
                T("Klient"),
                T("Úkon"),
                T("Minuty"),
            ],
            vec![T("3. 3. 2025"), T("P1"), T("K1"), T("b1"), N(60.0)],
            vec![T("4. 3. 2025"), T("P1"), T("K1"), T("b1"), N(60.0)],
        ],
    );
}

/// The statement: a title on row 1, row 2 empty, the header on row 3, so
/// the first account is on row 4. Rows 4–6 and 10–12 are accounts of the
/// chart, 8–9 and 13–14 budget items; 7 (a receivable, class 3), 15 (a
/// subtotal), 16 (financing, budget class 8) and 17 (a transfer to a
/// contributory organisation, excluded by the map) are rejected.
fn statement() -> Vec<Vec<W>> {
    vec![
        vec![T("Výkaz zisku a ztráty 2025")],
        vec![],
        vec![T("Účet"), T("Název"), T("Skutečnost")],
        vec![T("501"), T("Spotřeba materiálu"), T("12 345,50")], // 4
        vec![T("521.100"), T("Mzdy PSS"), T("1 551 157,54")],    // 5
        vec![N(524.0), T("Zákonné sociální pojištění"), N(524_393.0)], // 6
        vec![T("311"), T("Odběratelé"), T("10 000")],            // 7
        vec![T("5011"), T("Platy"), T("100 000")],               // 8
        vec![T("5156"), T("Pohonné hmoty"), T("2 500,-")],       // 9
        vec![T("518"), T("Ostatní služby"), T("1 000-")],        // 10
        vec![T("602"), T("Výnosy z prodeje služeb"), T("300 000")], // 11
        vec![T("691"), T("Provozní dotace"), T("800 000")],      // 12
        vec![T("4121"), T("Transfery od obcí"), T("50 000")],    // 13
        vec![T("4116"), T("Transfery ze státního rozpočtu"), T("200 000")], // 14
        vec![T("Náklady celkem"), X, T("2 189 396,04")],         // 15
        vec![T("8115"), T("Změna stavu na bankovních účtech"), T("5 000")], // 16
        vec![T("5331"), T("Příspěvek zřízené PO"), N(1_000.0)],  // 17
    ]
}

fn with_statement() -> Vec<u8> {
    let mut wb = Workbook::new();
    records(&mut wb);
    sheet_at(&mut wb, "Výsledovka", 1, &statement());
    wb.save_to_buffer().unwrap()
}

fn reason_at(problems: &Problems, place: &str) -> Reason {
    problems
        .list
        .iter()
        .find(|p| p.place.to_string() == place)
        .unwrap_or_else(|| panic!("nothing at {place}: {:?}", problems.list))
        .reason
        .clone()
}

fn cost_of(ds: &Dataset, group: CostGroup) -> Decimal {
    ds.costs
        .iter()
        .flatten()
        .filter(|c| c.group == group)
        .map(|c| c.amount)
        .sum()
}

fn revenue_of(ds: &Dataset, source: RevenueSource) -> Decimal {
    ds.revenues
        .iter()
        .flatten()
        .filter(|r| r.source == source)
        .map(|r| r.amount)
        .sum()
}

#[test]
fn accounts_of_both_numberings_become_costs_and_revenues() {
    let (ds, problems) = read(&with_statement());
    // Personnel: 521 wages 1 551 157.54 + 524 insurance 524 393 + budget
    // item 5011 salaries 100 000 = 2 175 550.54.
    assert_eq!(cost_of(&ds, CostGroup::Personnel), dec("2175550.54"));
    // Operating: 501 material 12 345.50 + 5156 fuel 2 500 − 518 services
    // 1 000 (a trailing minus) = 13 845.50.
    assert_eq!(cost_of(&ds, CostGroup::Operating), dec("13845.50"));
    let costs = ds.costs.as_ref().unwrap();
    let line = |row: u32| costs.iter().find(|c| c.row == row).unwrap();
    assert_eq!(line(5).category, CostCategory::Wages);
    assert_eq!(line(5).note.as_deref(), Some("521.100 Mzdy PSS"));
    assert_eq!(line(6).category, CostCategory::Insurance);
    assert_eq!(line(8).category, CostCategory::Wages);
    assert_eq!(line(9).category, CostCategory::Fuel);
    assert_eq!(line(10).amount, dec("-1000"));
    assert_eq!(line(10).category, CostCategory::Services);
    // Revenues: 602 user fees, 691 an unattributed public grant (the
    // account names no source), 4121 municipalities, 4116 the state.
    assert_eq!(revenue_of(&ds, RevenueSource::UserFees), dec("300000"));
    assert_eq!(
        revenue_of(&ds, RevenueSource::PublicUnattributed),
        dec("800000")
    );
    assert_eq!(revenue_of(&ds, RevenueSource::Municipality), dec("50000"));
    assert_eq!(revenue_of(&ds, RevenueSource::Mpsv), dec("200000"));
    assert_eq!(revenue_of(&ds, RevenueSource::Region), Decimal::ZERO);
    // The rejected rows, at their places.
    assert_eq!(
        reason_at(&problems, "Výsledovka!A7"),
        Reason::AccountClassNotUsed
    );
    assert_eq!(reason_at(&problems, "Výsledovka!A15"), Reason::NotAnAccount);
    assert_eq!(
        reason_at(&problems, "Výsledovka!A16"),
        Reason::AccountClassNotUsed
    );
    assert_eq!(
        reason_at(&problems, "Výsledovka!A17"),
        Reason::AccountExcluded
    );
    let minus = problems
        .list
        .iter()
        .find(|p| p.place.to_string() == "Výsledovka!C10")
        .unwrap();
    assert_eq!(minus.reason, Reason::NegativeCorrection);
    assert!(!minus.is_rejected());
    // Rows 4–17: ten accepted, four rejected.
    assert_eq!(
        problems.count("Výsledovka"),
        RowCount {
            read: 14,
            accepted: 10,
            rejected: 4
        }
    );
    // What the map did, for the method sheet: 521 mapped one row.
    let used = ds.accounts.as_ref().unwrap();
    assert_eq!(used.sheet, "Výsledovka");
    assert_eq!(used.map_sheet, None);
    let wages = used.rules.iter().find(|u| u.rule.code == "521").unwrap();
    assert_eq!((wages.rows, wages.amount), (1, dec("1551157.54")));
}

#[test]
fn an_audit_of_the_accounts_equals_one_of_the_same_lines_typed() {
    let (from_accounts, p1) = read(&with_statement());
    // The same ten lines typed on `Náklady` and `Výnosy`.
    let mut wb = Workbook::new();
    records(&mut wb);
    sheet_at(
        &mut wb,
        "Náklady",
        1,
        &[
            vec![T("Kategorie"), T("Skupina"), T("Částka")],
            vec![T("material"), X, T("12345,50")],
            vec![T("mzdy"), X, T("1551157,54")],
            vec![T("pojistne"), X, N(524_393.0)],
            vec![T("mzdy"), X, N(100_000.0)],
            vec![T("phm"), X, N(2_500.0)],
            vec![T("sluzby"), X, N(-1_000.0)],
        ],
    );
    sheet_at(
        &mut wb,
        "Výnosy",
        1,
        &[
            vec![T("Zdroj"), T("Částka")],
            vec![T("uhrady"), N(300_000.0)],
            vec![T("verejne"), N(800_000.0)],
            vec![T("obec"), N(50_000.0)],
            vec![T("mpsv"), N(200_000.0)],
        ],
    );
    let (typed, p2) = read(&wb.save_to_buffer().unwrap());
    let a = Audit::new(&from_accounts).problems(&p1).run();
    let b = Audit::new(&typed).problems(&p2).run();
    let money_ids: Vec<&String> = a
        .indicators
        .keys()
        .filter(|id| {
            id.starts_with("cost.") || id.starts_with("revenue.") || id.starts_with("result.")
        })
        .collect();
    assert!(money_ids.len() >= 5, "{money_ids:?}");
    for id in money_ids {
        assert_eq!(a.indicators[id].value, b.indicators[id].value, "{id}");
        assert_eq!(
            a.indicators[id].numerator, b.indicators[id].numerator,
            "{id}"
        );
    }
    // By hand: the public share is (800 000 + 50 000 + 200 000) /
    // 2 189 396.04 (the unattributed grant counts as public money); the
    // balance is 1 350 000 − 2 189 396.04 = −839 396.04.
    let total = dec("2189396.04");
    assert_eq!(
        a.indicators["revenue.public_share"].value,
        Some(dec("1050000") / total)
    );
    assert_eq!(
        a.indicators["result.balance"].value,
        Some(dec("-839396.04"))
    );
    // The report says which map was used; the typed one says nothing.
    let accounts = a.accounts.as_ref().unwrap();
    assert!(accounts.any_provisional());
    assert!(
        a.parameters
            .notes
            .iter()
            .any(|n| n.cs.contains("Výsledovka") && n.cs.contains("vestavěné účtové mapy"))
    );
    assert!(b.accounts.is_none());
    // The method sheet names the map and lists each rule applied with its
    // rows, amount, origin and source.
    let dir = std::env::temp_dir().join("homecare-accounts-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("zprava.xlsx");
    homecare_audit::workbook::ReportWorkbook::new(&a, &from_accounts)
        .save(&path)
        .unwrap();
    let cells = crate::report::cells(&path);
    let text = |r: u32, c: u32| match cells.get(&("Metodika".to_string(), r, c)) {
        Some(calamine::Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    let title = (0..400)
        .find(|&r| text(r, 0).starts_with("Účtová mapa použitá pro list Výsledovka"))
        .expect("no account map section in Metodika");
    assert_eq!(
        text(title, 0),
        "Účtová mapa použitá pro list Výsledovka (vestavěná)"
    );
    let wages = (title..title + 20)
        .find(|&r| text(r, 0) == "účet 521")
        .expect("no 521 row");
    assert_eq!(text(wages, 2), "osobní / mzdy");
    assert_eq!(
        cells.get(&("Metodika".to_string(), wages, 4)),
        Some(&calamine::Data::Float(1_551_157.54))
    );
    assert_eq!(text(wages, 5), "vestavěná, předběžná");
    assert!(text(wages, 6).contains("410/2009"));
    let grant = (title..title + 20)
        .find(|&r| text(r, 0) == "účet 691")
        .expect("no 691 row");
    assert_eq!(text(grant, 2), "výnos: veřejná dotace bez určení zdroje");
    assert_eq!(text(grant, 5), "vestavěná, ověřená");
}

#[test]
fn the_auditors_account_map_beats_the_built_in_one_row_by_row() {
    let mut wb = Workbook::new();
    records(&mut wb);
    sheet_at(
        &mut wb,
        "Účtová mapa",
        1,
        &[
            vec![
                T("Účet"),
                T("Název"),
                T("Kategorie"),
                T("Skupina"),
                T("Zdroj"),
                T("Poznámka"),
            ],
            vec![
                T("691.100"),
                T("Dotace MPSV"),
                X,
                X,
                T("mpsv"),
                T("smlouva 2025/17"),
            ], // 2
            vec![T("691.200"), T("Dotace kraje"), X, X, T("kraj")], // 3
            vec![T("501.200"), T("PHM"), T("phm")],                 // 4
            vec![T("518.300"), T("Režie zřizovatele"), T("rezie")], // 5
            vec![T("311"), X, T("ostatni")],                        // 6: class 3
            vec![T("521"), X, X, X, T("mpsv")],                     // 7: cost account, source
            vec![T("602"), X, T("sluzby"), X, T("uhrady")],         // 8: both
            vec![T("691.100"), X, X, X, T("obec")],                 // 9: twice
            vec![T("513"), X, T("nepoužít")],                       // 10: excluded
            vec![T("Mzdy")],                                        // 11: no account
            vec![T("528"), X, T("Supervize")],                      // 12: custom, no group
        ],
    );
    sheet_at(
        &mut wb,
        "Výsledovka",
        1,
        &[
            vec![T("Účet"), T("Částka")],
            vec![T("691.100"), N(600_000.0)], // 2: MPSV by the sheet
            vec![T("691.200"), N(150_000.0)], // 3: the region by the sheet
            vec![T("691.900"), N(50_000.0)],  // 4: unattributed (built in)
            vec![T("501.200"), N(40_000.0)],  // 5: fuel by the sheet
            vec![T("501.100"), N(10_000.0)],  // 6: material (built in)
            vec![T("518300"), N(70_000.0)],   // 7: overhead by the sheet
            vec![T("513"), N(3_000.0)],       // 8: excluded by the sheet
        ],
    );
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    let map = "'Účtová mapa'";
    assert_eq!(
        reason_at(&problems, &format!("{map}!A6")),
        Reason::AccountClassNotUsed
    );
    assert_eq!(
        reason_at(&problems, &format!("{map}!E7")),
        Reason::AccountMapMismatch
    );
    assert_eq!(
        reason_at(&problems, &format!("{map}!E8")),
        Reason::AccountMapMismatch
    );
    assert_eq!(
        reason_at(&problems, &format!("{map}!A9")),
        Reason::DuplicateId
    );
    assert_eq!(
        reason_at(&problems, &format!("{map}!A11")),
        Reason::NotAnAccount
    );
    assert_eq!(
        reason_at(&problems, &format!("{map}!C12")),
        Reason::UnknownCategory
    );
    // Rows 2–12: 2, 3, 4, 5 and 10 accepted; 6, 7, 8, 9, 11, 12 rejected.
    assert_eq!(
        problems.count("Účtová mapa"),
        RowCount {
            read: 11,
            accepted: 5,
            rejected: 6
        }
    );
    assert_eq!(revenue_of(&ds, RevenueSource::Mpsv), dec("600000"));
    assert_eq!(revenue_of(&ds, RevenueSource::Region), dec("150000"));
    assert_eq!(
        revenue_of(&ds, RevenueSource::PublicUnattributed),
        dec("50000")
    );
    let costs = ds.costs.as_ref().unwrap();
    let cat = |row: u32| {
        costs
            .iter()
            .find(|c| c.row == row)
            .unwrap()
            .category
            .clone()
    };
    assert_eq!(cat(5), CostCategory::Fuel);
    assert_eq!(cat(6), CostCategory::Material);
    assert_eq!(cat(7), CostCategory::Overhead);
    assert_eq!(
        reason_at(&problems, "Výsledovka!A8"),
        Reason::AccountExcluded
    );
    // 40 000 + 10 000 + 70 000, all operating.
    assert_eq!(cost_of(&ds, CostGroup::Operating), dec("120000"));
    let used = ds.accounts.as_ref().unwrap();
    assert_eq!(used.map_sheet.as_deref(), Some("Účtová mapa"));
    let mpsv = used
        .rules
        .iter()
        .find(|u| u.rule.key() == "691.100")
        .unwrap();
    assert_eq!(
        mpsv.rule.origin_text(homecare_audit::Lang::Cs),
        "'Účtová mapa'!A2"
    );
    assert_eq!(mpsv.rule.source, "'Účtová mapa'!A2: smlouva 2025/17");
}

#[test]
fn a_row_with_a_paragraf_is_a_budget_row() {
    let mut wb = Workbook::new();
    records(&mut wb);
    sheet_at(
        &mut wb,
        "Plnění rozpočtu",
        1,
        &[
            vec![T("Paragraf"), T("Položka"), T("Výsledek od počátku roku")],
            vec![T("4351"), T("5011"), T("1551157.54")], // 2
            vec![X, T("4122"), T("400000")],             // 3: no paragraf
            vec![T("4351"), T("521"), T("100")],         // 4: not an item
            vec![T("4351"), T("5156"), T("1 200,50-")],  // 5: a return
            vec![X, T("521"), T("100")],                 // 6: an account
        ],
    );
    let (ds, problems) = read(&wb.save_to_buffer().unwrap());
    assert_eq!(
        reason_at(&problems, "'Plnění rozpočtu'!B4"),
        Reason::NotAnAccount
    );
    let costs = ds.costs.as_ref().unwrap();
    assert_eq!(costs.len(), 3);
    assert_eq!(costs[0].note.as_deref(), Some("5011 § 4351"));
    // Without a paragraf, 521 is read by its shape: an account.
    assert_eq!(costs[2].category, CostCategory::Wages);
    // 1 551 157.54 − 1 200.50 + 100.
    assert_eq!(
        costs.iter().map(|c| c.amount).sum::<Decimal>(),
        dec("1550057.04")
    );
    // 4122 from the region: the region's money or the state's passed on.
    assert_eq!(
        revenue_of(&ds, RevenueSource::PublicUnattributed),
        dec("400000")
    );
    assert_eq!(
        problems.count("Výsledovka"),
        RowCount {
            read: 5,
            accepted: 4,
            rejected: 1
        }
    );
}

#[test]
fn costs_on_both_naklady_and_vysledovka_are_refused() {
    let mut wb = Workbook::new();
    records(&mut wb);
    sheet_at(
        &mut wb,
        "Náklady",
        1,
        &[
            vec![T("Kategorie"), T("Částka")],
            vec![T("mzdy"), N(1_000.0)],
        ],
    );
    sheet_at(&mut wb, "Výsledovka", 1, &statement());
    let e = read_bytes(
        &wb.save_to_buffer().unwrap(),
        Some("x.xlsx"),
        &ReadOptions::default(),
    )
    .unwrap_err();
    match e.kind() {
        ErrorKind::GivenTwice { lines, accounts } => {
            assert_eq!((*lines, accounts.as_str()), ("Náklady", "Výsledovka"));
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("counted twice"), "{e}");

    // Revenues typed beside a statement of costs only: both are used.
    let mut wb = Workbook::new();
    records(&mut wb);
    sheet_at(
        &mut wb,
        "Výnosy",
        1,
        &[vec![T("Zdroj"), T("Částka")], vec![T("kraj"), N(7_000.0)]],
    );
    sheet_at(
        &mut wb,
        "Výsledovka",
        1,
        &[vec![T("Účet"), T("Částka")], vec![T("521"), N(9_000.0)]],
    );
    let (ds, _) = read(&wb.save_to_buffer().unwrap());
    assert_eq!(cost_of(&ds, CostGroup::Personnel), dec("9000"));
    assert_eq!(revenue_of(&ds, RevenueSource::Region), dec("7000"));
}
