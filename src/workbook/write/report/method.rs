//! `Metodika`: what the audit used. Period and parameters, the input file
//! and its SHA-256, row accounting per input sheet, the notes on skipped
//! checks, the legal table rows and the benchmark rows with their sources.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{Cached, cell_ref, formula, num, text};
use super::indicators::ordered;
use super::style::Styles;
use crate::audit::{AuditReport, EightyHourRule};
use crate::i18n::Lang;
use crate::indicator::catalog;
use crate::law::{CHECKED_THROUGH, EMPLOYER_INSURANCE, LawFigure, TRAINING_HOURS_PER_YEAR};
use crate::model::Provenance;

/// Row (0-based) of the period's first day, last day, days and annual factor.
const FROM_ROW: u32 = 5;
const TO_ROW: u32 = 6;
const DAYS_ROW: u32 = 7;
const ANNUAL_ROW: u32 = 8;

/// The cell holding 365 / days in the period (formulas of annualised
/// indicators refer to it).
pub(super) fn annual_cell(sheet: &str) -> String {
    cell_ref(sheet, ANNUAL_ROW, 1)
}

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    report: &AuditReport,
    source: &Provenance,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 22)?;
    for c in 2..7 {
        ws.set_column_width(c, 16)?;
    }
    ws.set_column_width(5, 60)?;
    text(
        ws,
        0,
        0,
        l("Metodika a vstupy", "Methodology and inputs"),
        &st.title,
    )?;

    parameters(ws, report, source, lang, st)?;
    let r = row_accounting(ws, 19, report, source, lang, st)?;
    let r = inputs_and_columns(ws, r, source, lang, st)?;
    let r = notes(ws, r + 2, report, lang, st)?;
    // Legal rows used, with their origin.
    let r = law_rows(ws, r + 2, report, st, lang)?;
    let r = account_rules(ws, r + 2, report, st, lang)?;
    let r = working_time(ws, r + 2, lang, st)?;
    benchmarks(ws, r + 2, report, lang, st)
}

/// The provider, the period and the parameters, the input file and the
/// library (rows 3 to 18).
fn parameters(
    ws: &mut Worksheet,
    report: &AuditReport,
    source: &Provenance,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let p = &report.parameters;
    let prov = &report.provider;
    let kv = |ws: &mut Worksheet, r: u32, k: &str, v: &str| -> Result<(), XlsxError> {
        text(ws, r, 0, k, &st.text)?;
        text(ws, r, 1, v, &st.text)
    };
    kv(ws, 2, l("Poskytovatel", "Provider"), &prov.name)?;
    kv(
        ws,
        3,
        l("IČO", "Company id (IČO)"),
        prov.ico.as_deref().unwrap_or(""),
    )?;
    kv(
        ws,
        4,
        l("Kraj", "Region"),
        prov.region.as_deref().unwrap_or(""),
    )?;
    text(ws, FROM_ROW, 0, l("Období od", "Period from"), &st.text)?;
    text(ws, TO_ROW, 0, l("Období do", "Period to"), &st.text)?;
    text(
        ws,
        DAYS_ROW,
        0,
        l("Dní v období", "Days in the period"),
        &st.text,
    )?;
    text(
        ws,
        ANNUAL_ROW,
        0,
        l("Přepočet na rok (365 / dní)", "Annualisation (365 / days)"),
        &st.text,
    )?;
    if let Some(period) = p.period {
        ws.write_date_with_format(FROM_ROW, 1, period.from, &st.date)?;
        ws.write_date_with_format(TO_ROW, 1, period.to, &st.date)?;
        let days = Decimal::from(p.days);
        formula(ws, DAYS_ROW, 1, "B7-B6+1", &Cached::Num(days), &st.count)?;
        if !days.is_zero() {
            let annual = Decimal::from(365) / days;
            formula(
                ws,
                ANNUAL_ROW,
                1,
                "365/B8",
                &Cached::Num(annual),
                &st.decimal,
            )?;
        }
    } else {
        text(ws, FROM_ROW, 1, l("neurčeno", "unknown"), &st.muted)?;
    }
    let rule = match p.eighty_hour_rule {
        EightyHourRule::AllHoursOfMonth => l(
            "všechny hodiny měsíce nad 80 h za nižší limit",
            "every hour of a month over 80 h at the lower cap",
        ),
        EightyHourRule::HoursAbove80 => l(
            "jen hodiny nad 80. hodinou za nižší limit",
            "only hours beyond the 80th at the lower cap",
        ),
    };
    text(ws, 9, 0, l("Pracovních dnů", "Working days"), &st.text)?;
    num(ws, 9, 1, Decimal::from(p.working_days), &st.count)?;
    text(
        ws,
        10,
        0,
        l("Týdenní pracovní doba (h)", "Weekly hours"),
        &st.text,
    )?;
    num(ws, 10, 1, p.weekly_hours, &st.decimal)?;
    text(ws, 11, 0, l("Týdnů dovolené", "Leave weeks"), &st.text)?;
    num(ws, 11, 1, p.leave_weeks, &st.decimal)?;
    kv(ws, 12, l("Pravidlo 80 hodin", "80-hour rule"), rule)?;
    text(
        ws,
        13,
        0,
        l(
            "Tolerance stavu (podíl meze)",
            "Status tolerance (share of bound)",
        ),
        &st.text,
    )?;
    num(ws, 13, 1, p.status_tolerance, &st.percent)?;
    input_file(ws, source, lang, st)
}

/// The input file, its SHA-256, the library's version and the date system
/// (rows 15 to 18).
fn input_file(
    ws: &mut Worksheet,
    source: &Provenance,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let kv = |ws: &mut Worksheet, r: u32, k: &str, v: &str| -> Result<(), XlsxError> {
        text(ws, r, 0, k, &st.text)?;
        text(ws, r, 1, v, &st.text)
    };
    kv(
        ws,
        14,
        l("Vstupní soubor", "Input file"),
        source.file_name.as_deref().unwrap_or(""),
    )?;
    kv(ws, 15, "SHA-256", source.sha256.as_deref().unwrap_or(""))?;
    kv(
        ws,
        16,
        l("Verze knihovny", "Library version"),
        concat!("homecare-audit ", env!("CARGO_PKG_VERSION")),
    )?;
    kv(
        ws,
        17,
        l("Data od roku 1904", "1904 date system"),
        if source.date_1904 {
            l("ano", "yes")
        } else {
            l("ne", "no")
        },
    )?;

    Ok(())
}

/// A table's header row at row `r`, from column A.
fn header_cells(ws: &mut Worksheet, r: u32, heads: &[&str], st: &Styles) -> Result<(), XlsxError> {
    for (c, h) in heads.iter().enumerate() {
        text(ws, r, c as u16, h, &st.header)?;
    }
    Ok(())
}

/// Rows read, accepted and rejected per input sheet, from row `r`;
/// returns the last row written.
fn row_accounting(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    source: &Provenance,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        r,
        0,
        l("Řádky vstupu podle listů", "Input rows per sheet"),
        &st.group,
    )?;
    r += 1;
    header_cells(
        ws,
        r,
        &[
            l("List", "Sheet"),
            l("Přečteno", "Read"),
            l("Přijato", "Accepted"),
            l("Zamítnuto", "Rejected"),
        ],
        st,
    )?;
    for (sheet, count) in &report.rows {
        r += 1;
        // Where the records came in several files (or as CSV), the file.
        let name = match source.sheet_files.get(sheet) {
            Some(file) if source.sheet_name(sheet).is_empty() => file.clone(),
            Some(file) => format!("{file}/{}", source.sheet_name(sheet)),
            None => source.sheet_name(sheet).to_string(),
        };
        text(ws, r, 0, &name, &st.text)?;
        num(ws, r, 1, Decimal::from(count.read), &st.count)?;
        num(ws, r, 2, Decimal::from(count.accepted), &st.count)?;
        num(ws, r, 3, Decimal::from(count.rejected), &st.count)?;
    }

    Ok(r)
}

/// Where the records did not come as our template (several files, a CSV
/// file, the auditor's column mapping): every input file with its format,
/// encoding and SHA-256, and for every column used the input header and
/// file it came from, from two rows below `r`; returns the last row
/// written (`r` when the records came as our template).
fn inputs_and_columns(
    ws: &mut Worksheet,
    mut r: u32,
    source: &Provenance,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let template = source.inputs.len() <= 1
        && source.sheet_files.is_empty()
        && !source.columns.iter().any(|c| c.mapped);
    if template {
        return Ok(r);
    }
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    r += 2;
    text(ws, r, 0, l("Vstupní soubory", "Input files"), &st.group)?;
    r += 1;
    header_cells(
        ws,
        r,
        &[
            l("Soubor", "File"),
            l("Formát", "Format"),
            l("Kódování a oddělovač", "Encoding and delimiter"),
            "SHA-256",
        ],
        st,
    )?;
    for f in &source.inputs {
        r += 1;
        text(ws, r, 0, &f.file_name, &st.text)?;
        let format = if f.mapping_only {
            format!(
                "{} ({})",
                f.format,
                l("jen mapování sloupců", "column mapping only")
            )
        } else {
            f.format.clone()
        };
        text(ws, r, 1, &format, &st.text)?;
        text(ws, r, 2, f.dialect.as_deref().unwrap_or(""), &st.text)?;
        text(ws, r, 3, f.sha256.as_deref().unwrap_or(""), &st.text)?;
    }
    r += 2;
    text(
        ws,
        r,
        0,
        l("Sloupce podle vstupu", "Columns by input"),
        &st.group,
    )?;
    r += 1;
    header_cells(
        ws,
        r,
        &[
            l("List", "Sheet"),
            l("Sloupec", "Column"),
            l("Záhlaví ve vstupu", "Header in the input"),
            l("Vstup", "Input"),
            l("Podle mapování", "By the mapping"),
        ],
        st,
    )?;
    for c in &source.columns {
        r += 1;
        text(ws, r, 0, &c.sheet, &st.text)?;
        text(ws, r, 1, &c.column, &st.text)?;
        text(ws, r, 2, &c.header, &st.text)?;
        text(ws, r, 3, &c.input, &st.text)?;
        text(ws, r, 4, super::sheet::yes_no(c.mapped, lang), &st.text)?;
    }
    Ok(r)
}

/// The notes on assumptions and skipped checks, from row `r`; returns the
/// last row written.
fn notes(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let p = &report.parameters;
    text(ws, r, 0, l("Poznámky k výpočtu", "Notes"), &st.group)?;
    for n in &p.notes {
        r += 1;
        text(ws, r, 0, n.get(lang), &st.text)?;
    }
    if p.notes.is_empty() {
        r += 1;
        text(ws, r, 0, l("žádné", "none"), &st.muted)?;
    }

    Ok(r)
}

/// The account map's rules applied to the `Výsledovka`, from row `r`
/// (nothing when costs and revenues were typed); returns the last row
/// written.
fn account_rules(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    st: &Styles,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let Some(a) = &report.accounts else {
        return Ok(r.saturating_sub(2));
    };
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        r,
        0,
        &match &a.map_sheet {
            Some(m) => format!(
                "{} {} ({} {m})",
                l("Účtová mapa použitá pro list", "Account map used for sheet"),
                a.sheet,
                l(
                    "vestavěná a list auditora",
                    "built-in and the auditor's sheet"
                ),
            ),
            None => format!(
                "{} {} ({})",
                l("Účtová mapa použitá pro list", "Account map used for sheet"),
                a.sheet,
                l("vestavěná", "built-in"),
            ),
        },
        &st.group,
    )?;
    r += 1;
    header_cells(
        ws,
        r,
        &[
            l("Účet / položka", "Account / item"),
            l("Název", "Name"),
            l("Zařazení", "Classified as"),
            l("Řádků", "Rows"),
            l("Částka", "Amount"),
            l("Původ", "Origin"),
            l("Zdroj", "Source"),
        ],
        st,
    )?;
    for u in &a.rules {
        r += 1;
        let rule = &u.rule;
        text(
            ws,
            r,
            0,
            &format!("{} {}", rule.chart.name(lang), rule.key()),
            &st.text,
        )?;
        text(ws, r, 1, &rule.name, &st.text)?;
        text(ws, r, 2, &rule.target.describe(lang), &st.text)?;
        num(ws, r, 3, Decimal::from(u.rows), &st.count)?;
        num(ws, r, 4, u.amount, &st.money)?;
        text(ws, r, 5, &rule.origin_text(lang), &st.text)?;
        text(ws, r, 6, &rule.source, &st.text)?;
    }
    Ok(r)
}

/// Working time and insurance figures, from row `r`; returns the last row
/// written.
fn working_time(ws: &mut Worksheet, mut r: u32, lang: Lang, st: &Styles) -> Result<u32, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        r,
        0,
        l("Pracovní doba a pojistné", "Working time and insurance"),
        &st.group,
    )?;
    let figures: [(&str, &str, &LawFigure); 2] = [
        (
            "Vzdělávání PSS a SP (h za rok)",
            "Training of PSS and SP (h a year)",
            &TRAINING_HOURS_PER_YEAR,
        ),
        (
            "Pojistné zaměstnavatele (podíl)",
            "Employer insurance (share)",
            &EMPLOYER_INSURANCE,
        ),
    ];
    for (cs, en, f) in figures {
        r += 1;
        text(ws, r, 0, lang.pick(cs, en), &st.text)?;
        num(ws, r, 1, f.value, &st.decimal)?;
        ws.write_date_with_format(r, 2, f.from, &st.date)?;
        text(ws, r, 3, f.provision, &st.text)?;
        text(ws, r, 4, verified(f.verified, lang), &st.text)?;
        text(ws, r, 5, f.source, &st.text)?;
    }

    Ok(r)
}

/// The benchmark rows the statuses were worked out against, from row `r`.
fn benchmarks(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        r,
        0,
        l("Použité meze (benchmarky)", "Benchmarks used"),
        &st.group,
    )?;
    r += 1;
    header_cells(
        ws,
        r,
        &[
            l("Ukazatel", "Indicator"),
            l("Kraj", "Region"),
            l("Minimum", "Min"),
            l("Maximum", "Max"),
            l("Cíl", "Target"),
            l("Zdroj", "Source"),
        ],
        st,
    )?;
    let mut any = false;
    for ind in ordered(report) {
        let Some(b) = &ind.benchmark else { continue };
        any = true;
        r += 1;
        text(ws, r, 0, &catalog::label(&ind.id, lang), &st.text)?;
        text(ws, r, 1, &b.region, &st.text)?;
        for (c, v) in [(2, b.min), (3, b.max), (4, b.target)] {
            if let Some(v) = v {
                num(ws, r, c, v, &st.decimal)?;
            }
        }
        text(ws, r, 5, &b.source, &st.text)?;
    }
    if !any {
        r += 1;
        text(ws, r, 0, l("žádné", "none"), &st.muted)?;
    }
    Ok(())
}

fn verified(v: bool, lang: Lang) -> &'static str {
    if v {
        lang.pick("ano", "yes")
    } else {
        lang.pick("předběžné (neověřeno)", "provisional (not verified)")
    }
}

/// Every legal row the audit applied (in effect on some day of the
/// period), with its origin: built-in verified, built-in provisional, or the
/// user's file and cell; then the date through which the fee caps are
/// checked. Meal caps are listed, not checked: a timesheet row does not say
/// whether a meal was a lunch or a day's meals. Returns the last row
/// written.
fn law_rows(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    st: &Styles,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        r,
        0,
        l(
            "Zákonné limity a sazby použité v auditu",
            "Legal caps and rates the audit applied",
        ),
        &st.group,
    )?;
    r += 1;
    header_cells(
        ws,
        r,
        &[
            l("Druh", "Kind"),
            l("Úkony", "Tasks"),
            l("Platí od", "Valid from"),
            l("Částka", "Amount"),
            l("Jednotka", "Unit"),
            l("Předpis", "Decree"),
            l("Původ", "Origin"),
            l("Zdroj", "Source"),
        ],
        st,
    )?;
    for row in &report.law {
        r += 1;
        text(ws, r, 0, row.kind.name(lang), &st.text)?;
        text(ws, r, 1, &row.tasks.join(", "), &st.text)?;
        ws.write_date_with_format(r, 2, row.from, &st.date)?;
        match row.amount {
            Some(a) => num(ws, r, 3, a, &st.decimal)?,
            None => text(ws, r, 3, l("neznámá", "not known"), &st.muted)?,
        }
        text(ws, r, 4, row.kind.unit(lang), &st.text)?;
        text(ws, r, 5, &row.decree, &st.text)?;
        text(ws, r, 6, &row.origin_text(lang), &st.text)?;
        text(ws, r, 7, &row.source, &st.text)?;
    }
    r += 1;
    let through = crate::display::date(CHECKED_THROUGH, lang);
    text(
        ws,
        r,
        0,
        &format!(
            "{} {through}",
            l(
                "Vestavěné zákonné tabulky ověřeny do",
                "Built-in legal tables checked through"
            )
        ),
        &st.muted,
    )?;
    Ok(r)
}
