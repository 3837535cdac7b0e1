//! `Dosah`: who the service reaches and who it turns away. Per
//! municipality of the area (`Území`): residents 65+ and 80+, the clients
//! served of that age, both per 1 000 residents, the care-allowance
//! recipients and the applications refused, with a chart; the clients
//! served from outside the area apart; then the applications (`Žadatelé`)
//! one a row with the counts over them. Every total and count is a formula
//! over the rows, the library's value cached, so LibreOffice recalculates
//! it to the same figure; `Ukazatele` refers to these cells for the
//! `reach.*` indicators.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartType, Format, Worksheet, XlsxError};

use super::cell::{Cached, Rows, cell_ref, col_name, formula, lit, num, text};
use super::sheet::yes_no;
use super::style::Styles;
use crate::audit::AuditReport;
use crate::audit::reach::ReachDetail;
use crate::i18n::Lang;
use crate::model::Outcome;

// The area's table.
const MUNICIPALITY: u16 = 0;
const RESIDENTS_65: u16 = 1;
const RESIDENTS_80: u16 = 2;
const CLIENTS_65: u16 = 3;
const CLIENTS_80: u16 = 4;
const PER_1000_65: u16 = 5;
const PER_1000_80: u16 = 6;
const ALLOWANCE_65: u16 = 7;
const CLIENTS_ALLOWANCE: u16 = 8;
const REFUSED: u16 = 9;
const SOURCE: u16 = 10;

const AREA_COLS: [(&str, &str, f64); 11] = [
    ("Obec", "Municipality", 36.0),
    ("Obyvatel 65+", "Residents 65+", 11.0),
    ("Obyvatel 80+", "Residents 80+", 11.0),
    ("Klienti 65+", "Clients 65+", 10.0),
    ("Klienti 80+", "Clients 80+", 16.0),
    ("Na 1 000 obyvatel 65+", "Per 1,000 residents 65+", 12.0),
    ("Na 1 000 obyvatel 80+", "Per 1,000 residents 80+", 12.0),
    ("Příjemci PnP 65+", "Allowance recipients 65+", 12.0),
    ("Klienti 65+ s PnP", "Clients 65+ with allowance", 12.0),
    ("Odmítnuto v období", "Refused in the period", 11.0),
    ("Zdroj", "Source", 30.0),
];

// The applicants' table.
const ID: u16 = 0;
const APPLIED: u16 = 1;
const OUTCOME: u16 = 2;
const LETTER: u16 = 3;
const REASON: u16 = 4;
const DECIDED: u16 = 5;
const OWN_MUNICIPALITY: u16 = 6;
const AREA_MUNICIPALITY: u16 = 7;
const IN_PERIOD: u16 = 8;
const WAITING: u16 = 9;
const DAYS: u16 = 10;

const APPLICANT_COLS: [(&str, &str); 11] = [
    ("Žadatel", "Applicant"),
    ("Datum žádosti", "Applied on"),
    ("Výsledek", "Outcome"),
    ("§ 91 odst. 3", "§ 91(3)"),
    ("Důvod odmítnutí", "Reason of refusal"),
    ("Datum rozhodnutí", "Decided on"),
    ("Obec", "Municipality"),
    ("Obec v Území", "Municipality in Území"),
    ("Započteno v období", "Counted in the period"),
    ("Čeká na konci období", "Waiting at the period's end"),
    ("Dní do rozhodnutí", "Days to a decision"),
];

/// The word an outcome is written with (formulas match on it).
fn outcome_word(o: Outcome, lang: Lang) -> &'static str {
    let (cs, en) = o.label();
    lang.pick(cs, en)
}

fn header_row(
    ws: &mut Worksheet,
    r: u32,
    names: &[(&str, &str)],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (c, (cs, en)) in names.iter().enumerate() {
        text(ws, r, c as u16, lang.pick(cs, en), &st.header)?;
    }
    ws.set_row_height(r, 30)?;
    Ok(())
}

/// `a × 1 000 / b`, or empty text for no residents.
/// The line that stands for a part without its sheet: "not available"
/// and the reason its indicator `id` gives.
fn not_available(
    ws: &mut Worksheet,
    r: u32,
    report: &AuditReport,
    id: &str,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let why = report
        .indicators
        .get(id)
        .and_then(|i| i.unavailable.as_ref())
        .map(|u| u.get(lang).to_string())
        .unwrap_or_default();
    let label = lang.pick("nelze spočítat", "not available");
    text(ws, r, 0, &format!("{label}: {why}"), &st.muted)
}

fn per_1000(clients: u64, residents: u64) -> Cached {
    if residents == 0 {
        Cached::Empty
    } else {
        Cached::Num(Decimal::from(clients) * Decimal::from(1000) / Decimal::from(residents))
    }
}

/// Writes the sheet; returns each `reach.*` indicator's cell for
/// `Ukazatele`.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    report: &AuditReport,
    lang: Lang,
    st: &Styles,
) -> Result<BTreeMap<&'static str, String>, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    for (i, (_, _, w)) in AREA_COLS.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let mut cells = BTreeMap::new();
    text(
        ws,
        0,
        0,
        l(
            "Dosah služby: komu pomáhá a koho odmítá",
            "Who the service reaches and who it turns away",
        ),
        &st.title,
    )?;
    text(
        ws,
        1,
        0,
        l(
            "Věk = poslední rok období − rok narození; klient patří do obce podle sloupce Obec listu Klienti.",
            "Age = the period's last year − birth year; a client belongs to the municipality of the Klienti sheet's Obec.",
        ),
        &st.muted,
    )?;
    let d = &report.reach;
    let mut r = 3;
    // The applicants' table's place, known before the area's refusals
    // refer to it: the area's rows, its total, share and outside lines,
    // then the applicants' heading and counts.
    let area_rows = if d.area_given {
        // Heading, header, rows, total, share, outside heading and lines,
        // the note on unknown ages, a blank row.
        2 + d.municipalities.len() as u32 + 2 + 1 + d.outside.len() as u32 + 2
    } else {
        2
    };
    let counts_first = r + area_rows + 1;
    const COUNT_ROWS: u32 = 7;
    let table_header = counts_first + COUNT_ROWS + 1;
    let applicants = Rows {
        sheet: name.to_string(),
        first: table_header + 1,
        count: d.applicants.len() as u32,
    };

    r = area(ws, name, r, report, d, &applicants, &mut cells, lang, st)?;
    debug_assert!(r <= counts_first);
    applicant_sheet(
        ws,
        name,
        counts_first - 1,
        report,
        &applicants,
        &mut cells,
        lang,
        st,
    )?;
    Ok(cells)
}

/// The area's table, its totals and the clients from outside; returns the
/// next free row.
#[allow(clippy::too_many_arguments)]
fn area(
    ws: &mut Worksheet,
    name: &str,
    mut r: u32,
    report: &AuditReport,
    d: &ReachDetail,
    applicants: &Rows,
    cells: &mut BTreeMap<&'static str, String>,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        r,
        0,
        l(
            "Území služby (list Území)",
            "The service's area (the Území sheet)",
        ),
        &st.subtitle,
    )?;
    r += 1;
    if !d.area_given {
        not_available(ws, r, report, "reach.clients_per_1000_65plus", lang, st)?;
        return Ok(r + 1);
    }
    let names: Vec<(&str, &str)> = AREA_COLS.iter().map(|(cs, en, _)| (*cs, *en)).collect();
    header_row(ws, r, &names, lang, st)?;
    r += 1;
    let first = r;
    let a1 = |c: u16, row: u32| format!("{}{}", col_name(c), row + 1);
    let count = st.count.clone();
    let per = st.hours.clone();
    for m in &d.municipalities {
        text(ws, r, MUNICIPALITY, &m.municipality, &st.text)?;
        for (c, v) in [
            (RESIDENTS_65, m.residents_65),
            (RESIDENTS_80, m.residents_80),
            (CLIENTS_65, m.clients_65),
            (CLIENTS_80, m.clients_80),
        ] {
            num(ws, r, c, Decimal::from(v), &count)?;
        }
        for (c, num_c, den_c, clients, residents) in [
            (
                PER_1000_65,
                CLIENTS_65,
                RESIDENTS_65,
                m.clients_65,
                m.residents_65,
            ),
            (
                PER_1000_80,
                CLIENTS_80,
                RESIDENTS_80,
                m.clients_80,
                m.residents_80,
            ),
        ] {
            let f = format!(
                "IF({den}=0,\"\",{n}*1000/{den})",
                den = a1(den_c, r),
                n = a1(num_c, r)
            );
            formula(ws, r, c, &f, &per_1000(clients, residents), &per)?;
        }
        if let Some(a) = m.allowance_65 {
            num(ws, r, ALLOWANCE_65, Decimal::from(a), &count)?;
            num(
                ws,
                r,
                CLIENTS_ALLOWANCE,
                Decimal::from(m.clients_allowance_65),
                &count,
            )?;
        }
        if d.applicants_given {
            let f = format!(
                "SUMPRODUCT(({}={})*({}={})*({}={}))",
                applicants.col(AREA_MUNICIPALITY),
                format_args!("$A${}", r + 1),
                applicants.col(OUTCOME),
                lit(outcome_word(Outcome::Refused, lang)),
                applicants.col(IN_PERIOD),
                lit(yes_no(true, lang)),
            );
            formula(
                ws,
                r,
                REFUSED,
                &f,
                &Cached::Num(Decimal::from(m.refused)),
                &count,
            )?;
        }
        if let Some(s) = &m.source {
            text(ws, r, SOURCE, s, &st.text)?;
        }
        r += 1;
    }
    let rows = Rows {
        sheet: name.to_string(),
        first,
        count: d.municipalities.len() as u32,
    };
    let total_row = r;
    text(
        ws,
        r,
        MUNICIPALITY,
        l("Území celkem", "The area in all"),
        &st.group,
    )?;
    let sum = |f: &dyn Fn(&crate::audit::reach::MunicipalityLine) -> u64| -> u64 {
        d.municipalities.iter().map(f).sum()
    };
    let sum_f = |c: u16| {
        if rows.count == 0 {
            "0".to_string()
        } else {
            format!("SUM({})", rows.col(c))
        }
    };
    let totals = [
        (RESIDENTS_65, sum(&|m| m.residents_65)),
        (RESIDENTS_80, sum(&|m| m.residents_80)),
        (CLIENTS_65, sum(&|m| m.clients_65)),
        (CLIENTS_80, sum(&|m| m.clients_80)),
        (ALLOWANCE_65, sum(&|m| m.allowance_65.unwrap_or(0))),
        (
            CLIENTS_ALLOWANCE,
            sum(&|m| {
                if m.allowance_65.is_some() {
                    m.clients_allowance_65
                } else {
                    0
                }
            }),
        ),
    ];
    for (c, v) in totals {
        formula(ws, r, c, &sum_f(c), &Cached::Num(Decimal::from(v)), &count)?;
    }
    if d.applicants_given {
        formula(
            ws,
            r,
            REFUSED,
            &sum_f(REFUSED),
            &Cached::Num(Decimal::from(sum(&|m| m.refused))),
            &count,
        )?;
    }
    for (c, num_c, den_c, id) in [
        (
            PER_1000_65,
            CLIENTS_65,
            RESIDENTS_65,
            "reach.clients_per_1000_65plus",
        ),
        (
            PER_1000_80,
            CLIENTS_80,
            RESIDENTS_80,
            "reach.clients_per_1000_80plus",
        ),
    ] {
        let f = format!(
            "IF({den}=0,\"\",{n}*1000/{den})",
            den = a1(den_c, r),
            n = a1(num_c, r)
        );
        let cached = match report.value(id) {
            Some(v) => {
                cells.insert(id, cell_ref(name, r, c));
                Cached::Num(v)
            }
            None => Cached::Empty,
        };
        formula(ws, r, c, &f, &cached, &per)?;
    }
    r += 1;
    // The allowance recipients' share, over the municipalities that give
    // their number.
    let id = "reach.allowance_recipients_served_share";
    text(
        ws,
        r,
        MUNICIPALITY,
        &crate::indicator::catalog::label(id, lang),
        &st.text,
    )?;
    match report.value(id) {
        Some(v) => {
            let f = format!(
                "{}/{}",
                a1(CLIENTS_ALLOWANCE, total_row),
                a1(ALLOWANCE_65, total_row)
            );
            formula(ws, r, CLIENTS_ALLOWANCE, &f, &Cached::Num(v), &st.percent)?;
            cells.insert(id, cell_ref(name, r, CLIENTS_ALLOWANCE));
        }
        None => {
            let why = report
                .indicators
                .get(id)
                .and_then(|i| i.unavailable.as_ref())
                .map(|u| u.get(lang).to_string())
                .unwrap_or_default();
            text(
                ws,
                r,
                CLIENTS_ALLOWANCE,
                &format!("{}: {why}", l("nelze spočítat", "not available")),
                &st.muted,
            )?;
        }
    }
    r += 1;
    text(
        ws,
        r,
        0,
        l(
            "Klienti 65+ z obcí mimo Území (počítají se zvlášť, ne do ukazatelů na 1 000 obyvatel)",
            "Clients 65+ from outside the Území municipalities (counted apart, not in the figures per 1,000)",
        ),
        &st.group,
    )?;
    r += 1;
    for o in &d.outside {
        let who = if o.municipality.is_empty() {
            l("(obec neuvedena)", "(no municipality given)")
        } else {
            o.municipality.as_str()
        };
        text(ws, r, MUNICIPALITY, who, &st.text)?;
        num(ws, r, CLIENTS_65, Decimal::from(o.clients_65), &count)?;
        num(ws, r, CLIENTS_80, Decimal::from(o.clients_80), &count)?;
        r += 1;
    }
    let note = if d.age_unknown > 0 {
        format!(
            "{} {}",
            d.age_unknown,
            l(
                "obsloužených klientů bez roku narození: nepočítají se",
                "clients served without a birth year: not counted",
            )
        )
    } else if d.outside.is_empty() {
        l("žádní", "none").to_string()
    } else {
        String::new()
    };
    if !note.is_empty() {
        text(ws, r, 0, &note, &st.muted)?;
    }
    r += 2;
    if rows.count > 0 {
        let mut c = Chart::new(ChartType::Column);
        for (col, series) in [
            (
                PER_1000_65,
                l("na 1 000 obyvatel 65+", "per 1,000 residents 65+"),
            ),
            (
                PER_1000_80,
                l("na 1 000 obyvatel 80+", "per 1,000 residents 80+"),
            ),
        ] {
            c.add_series()
                .set_name(series)
                .set_categories(rows.chart_range(MUNICIPALITY))
                .set_values(rows.chart_range(col));
        }
        c.title().set_name(l(
            "Klienti na 1 000 obyvatel podle obcí",
            "Clients per 1,000 residents by municipality",
        ));
        c.legend().set_position(ChartLegendPosition::Bottom);
        c.set_width(520).set_height(300);
        ws.insert_chart(3, SOURCE + 2, &c)?;
    }
    Ok(r)
}

/// The counts over the applications, then the applications one a row.
#[allow(clippy::too_many_arguments)]
fn applicant_sheet(
    ws: &mut Worksheet,
    name: &str,
    mut r: u32,
    report: &AuditReport,
    rows: &Rows,
    cells: &mut BTreeMap<&'static str, String>,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let d = &report.reach;
    text(
        ws,
        r,
        0,
        l(
            "Žadatelé (list Žadatelé)",
            "Applicants (the Žadatelé sheet)",
        ),
        &st.subtitle,
    )?;
    r += 1;
    if !d.applicants_given {
        not_available(ws, r, report, "reach.refused", lang, st)?;
        return Ok(());
    }
    let count = st.count.clone();
    let yes = lit(yes_no(true, lang));
    let of = |o: Outcome| lit(outcome_word(o, lang));
    let n = |keep: &dyn Fn(&crate::audit::reach::ApplicantLine) -> bool| {
        Decimal::from(d.applicants.iter().filter(|a| keep(a)).count() as u64)
    };
    let counted = |o: Outcome| {
        format!(
            "COUNTIFS({},{},{},{yes})",
            rows.col(OUTCOME),
            of(o),
            rows.col(IN_PERIOD)
        )
    };
    let lines: [(Option<&'static str>, &str, String, Decimal); 6] = [
        (
            None,
            l("Přijato v období", "Accepted in the period"),
            counted(Outcome::Accepted),
            n(&|a| a.in_period && a.outcome == Outcome::Accepted),
        ),
        (
            Some("reach.refused"),
            l("Odmítnuto v období", "Refused in the period"),
            counted(Outcome::Refused),
            n(&|a| a.in_period && a.outcome == Outcome::Refused),
        ),
        (
            Some("reach.refused_capacity"),
            l(
                "z toho pro nedostatek kapacity (§ 91 odst. 3 písm. b)",
                "of which for lack of capacity (§ 91(3)(b))",
            ),
            format!(
                "COUNTIFS({},{},{},{yes},{},\"b\")",
                rows.col(OUTCOME),
                of(Outcome::Refused),
                rows.col(IN_PERIOD),
                rows.col(LETTER)
            ),
            n(&|a| {
                a.in_period
                    && a.outcome == Outcome::Refused
                    && a.reason == Some(crate::model::RefusalReason::NoCapacity)
            }),
        ),
        (
            None,
            l("Zpět vzali v období", "Withdrawn in the period"),
            counted(Outcome::Withdrawn),
            n(&|a| a.in_period && a.outcome == Outcome::Withdrawn),
        ),
        (
            Some("reach.waiting"),
            l("Čeká na konci období", "Waiting at the period's end"),
            format!("COUNTIF({},{yes})", rows.col(WAITING)),
            n(&|a| a.waiting_at_end),
        ),
        (
            None,
            l(
                "Mimo období (nezapočteno)",
                "Outside the period (not counted)",
            ),
            format!(
                "COUNTIFS({},{},{},{})",
                rows.col(IN_PERIOD),
                lit(yes_no(false, lang)),
                rows.col(WAITING),
                lit(yes_no(false, lang))
            ),
            Decimal::from(d.outside_period),
        ),
    ];
    for (id, label, f, v) in lines {
        text(ws, r, 0, label, &st.text)?;
        if rows.count == 0 {
            num(ws, r, 1, v, &count)?;
        } else {
            formula(ws, r, 1, &f, &Cached::Num(v), &count)?;
        }
        if let Some(id) = id {
            cells.insert(id, cell_ref(name, r, 1));
        }
        r += 1;
    }
    let id = "reach.median_days_to_decision";
    text(
        ws,
        r,
        0,
        &crate::indicator::catalog::label(id, lang),
        &st.text,
    )?;
    match report.value(id) {
        Some(v) => {
            let f = format!("MEDIAN({})", rows.col(DAYS));
            formula(ws, r, 1, &f, &Cached::Num(v), &st.hours)?;
            cells.insert(id, cell_ref(name, r, 1));
        }
        None => {
            let why = report
                .indicators
                .get(id)
                .and_then(|i| i.unavailable.as_ref())
                .map(|u| u.get(lang).to_string())
                .unwrap_or_default();
            text(
                ws,
                r,
                1,
                &format!("{}: {why}", l("nelze spočítat", "not available")),
                &st.muted,
            )?;
        }
    }
    r += 2;
    debug_assert_eq!(r, rows.first - 1);
    header_row(ws, r, &APPLICANT_COLS, lang, st)?;
    r += 1;
    let date: &Format = &st.date;
    for a in &d.applicants {
        let id = if a.id.is_empty() {
            "–"
        } else {
            a.id.as_str()
        };
        text(ws, r, ID, id, &st.text)?;
        ws.write_date_with_format(r, APPLIED, a.applied, date)?;
        text(ws, r, OUTCOME, outcome_word(a.outcome, lang), &st.text)?;
        if let Some(reason) = a.reason {
            text(ws, r, LETTER, reason.letter(), &st.text)?;
            let (cs, en) = reason.label();
            text(ws, r, REASON, lang.pick(cs, en), &st.text)?;
        }
        if let Some(x) = a.decided {
            ws.write_date_with_format(r, DECIDED, x, date)?;
        }
        if let Some(m) = &a.municipality {
            text(ws, r, OWN_MUNICIPALITY, m, &st.text)?;
        }
        if let Some(m) = &a.area_municipality {
            text(ws, r, AREA_MUNICIPALITY, m, &st.text)?;
        }
        text(ws, r, IN_PERIOD, yes_no(a.in_period, lang), &st.text)?;
        text(ws, r, WAITING, yes_no(a.waiting_at_end, lang), &st.text)?;
        if let Some(days) = a.days {
            let f = format!(
                "{}{row}-{}{row}",
                col_name(DECIDED),
                col_name(APPLIED),
                row = r + 1
            );
            formula(ws, r, DAYS, &f, &Cached::Num(Decimal::from(days)), &count)?;
        }
        r += 1;
    }
    Ok(())
}
