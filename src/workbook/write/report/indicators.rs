//! `Ukazatele`: every indicator with its value, numerator and denominator as
//! formulas over the detail sheets, the benchmark and a live status.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    ConditionalFormatCell, ConditionalFormatCellRule, Table, TableColumn, TableStyle, Worksheet,
    XlsxError,
};

use super::cell::{Cached, col_name, formula, lit, num, text};
use super::sheet::{self, not_available};
use super::style::Styles;
use super::trace::{Refs, trace};
use super::wrap;
use crate::audit::{AuditReport, Indicator};
use crate::benchmark::Status;
use crate::i18n::Lang;
use crate::indicator::catalog;

pub(super) const VALUE: u16 = 2;
pub(super) const UNIT: u16 = 3;
pub(super) const STATUS: u16 = 4;
const MIN: u16 = 5;
const MAX: u16 = 6;
const NUM: u16 = 7;
const DEN: u16 = 8;
const FORMULA: u16 = 9;
const SOURCE: u16 = 10;
const NOTE: u16 = 11;
const ID: u16 = 12;

const COLS: [(&str, &str, f64); 13] = [
    ("Oblast", "Area", 16.0),
    ("Ukazatel", "Indicator", 40.0),
    ("Hodnota", "Value", 16.0),
    ("Jednotka", "Unit", 14.0),
    ("Stav", "Status", 13.0),
    ("Minimum", "Min", 11.0),
    ("Maximum", "Max", 11.0),
    ("Čitatel", "Numerator", 16.0),
    ("Jmenovatel", "Denominator", 14.0),
    ("Vzorec", "Formula", 32.0),
    ("Zdroj meze", "Benchmark source", 30.0),
    ("Poznámka", "Note", 32.0),
    ("Id", "Id", 30.0),
];

/// The area an indicator belongs to.
fn area(id: &str, lang: Lang) -> &'static str {
    let (cs, en) = match id.split('.').next().unwrap_or("") {
        "cost" | "revenue" | "result" => ("Nákladovost", "Cost"),
        "fees" => ("Úhrady", "Fees"),
        "staff" => ("Personální zajištění", "Staffing"),
        "target" => ("Zacílení", "Targeting"),
        "finance" | "capacity" => ("Veřejné zdroje", "Public money"),
        "reach" => ("Dosah", "Reach"),
        "integrity" => ("Integrita výkazů", "Timesheet integrity"),
        _ => ("", ""),
    };
    lang.pick(cs, en)
}

/// The status formula for row `row` (A1 number), matching
/// [`crate::Benchmark::status`]: inside [min, max] ok; outside by at most
/// `tolerance` × |bound| warning; further out bad.
fn status_formula(row: u32, tolerance: Decimal, lang: Lang) -> String {
    let c = col_name(VALUE);
    let (mn, mx) = (col_name(MIN), col_name(MAX));
    let v = format!("ROUND({c}{row},9)");
    let t = tolerance.normalize();
    let (ok, warn, bad) = (
        lit(Status::Ok.label(lang)),
        lit(Status::Warn.label(lang)),
        lit(Status::Bad.label(lang)),
    );
    format!(
        "IF(AND({mn}{row}=\"\",{mx}{row}=\"\"),\"\",\
         IF(AND({mn}{row}<>\"\",{v}<{mn}{row}),IF({mn}{row}-{v}<={t}*ABS({mn}{row}),{warn},{bad}),\
         IF(AND({mx}{row}<>\"\",{v}>{mx}{row}),IF({v}-{mx}{row}<={t}*ABS({mx}{row}),{warn},{bad}),{ok})))"
    )
}

/// Adds green / amber / red fills to a status column (conditional formats
/// on the status texts, so a recalculated status recolours itself).
pub(super) fn status_colours(
    ws: &mut Worksheet,
    first: u32,
    last: u32,
    col: u16,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (s, f) in [
        (Status::Ok, &st.green),
        (Status::Warn, &st.amber),
        (Status::Bad, &st.red),
    ] {
        let cf = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(s.label(lang)))
            .set_format(f);
        ws.add_conditional_format(first, col, last.max(first), col, &cf)?;
    }
    Ok(())
}

/// The indicators in report order.
pub(super) fn ordered(report: &AuditReport) -> Vec<&Indicator> {
    catalog::all_ids()
        .iter()
        .filter_map(|(id, _)| report.indicator(id))
        .collect()
}

/// Writes the sheet; returns each indicator's row (0-based).
pub(super) fn write(
    ws: &mut Worksheet,
    report: &AuditReport,
    refs: &Refs<'_>,
    lang: Lang,
    st: &Styles,
) -> Result<HashMap<String, u32>, XlsxError> {
    let inds = ordered(report);
    let rows: HashMap<String, u32> = inds
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.id.clone(), i as u32 + 1))
        .collect();
    let n = inds.len() as u32;
    let columns: Vec<TableColumn> = COLS
        .iter()
        .map(|(cs, en, _)| TableColumn::new().set_header(lang.pick(cs, en)))
        .collect();
    let table = Table::new()
        .set_columns(&columns)
        .set_style(TableStyle::Light1);
    ws.add_table(0, 0, n.max(1), COLS.len() as u16 - 1, &table)?;
    for (i, (_, _, w)) in COLS.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_row_height(0, 30)?;
    ws.set_freeze_panes(1, 2)?;
    // The id column is for machines: printed pages end at the note.
    ws.set_print_area(0, 0, n.max(1), NOTE)?;
    let tolerance = report.parameters.status_tolerance;
    // Each row's lines, for its height and the page breaks.
    let mut lines = Vec::with_capacity(inds.len());

    for (i, ind) in inds.iter().enumerate() {
        let r = i as u32 + 1;
        let row = r + 1;
        let t = trace(ind, refs);
        text(ws, r, 0, area(&ind.id, lang), &st.text)?;
        let label = catalog::label(&ind.id, lang);
        text(ws, r, 1, &label, &st.wrap)?;
        text(ws, r, UNIT, ind.unit.label(lang), &st.text)?;
        text(ws, r, ID, &ind.id, &st.muted)?;
        let mut formula_text = catalog::formula_in(&ind.id, lang).to_string();
        if ind.annualised {
            formula_text.push_str(lang.pick(
                " (přepočteno na rok × 365 / dní)",
                " (annualised × 365 / days)",
            ));
        }
        text(ws, r, FORMULA, &formula_text, &st.wrap)?;

        // Numerator and denominator: a formula when the library has the
        // number and the trace knows how; else the number.
        let mut part =
            |col: u16, lib: Option<Decimal>, f: &Option<String>| -> Result<bool, XlsxError> {
                match (lib, f) {
                    (Some(v), Some(f)) => formula(ws, r, col, f, &Cached::Num(v), &st.decimal)?,
                    (Some(v), None) => num(ws, r, col, v, &st.decimal)?,
                    (None, _) => return Ok(false),
                }
                Ok(true)
            };
        let has_num = part(NUM, ind.numerator, &t.numerator)?;
        let has_den = part(DEN, ind.denominator, &t.denominator)?;

        let fmt = st.for_unit(ind.unit);
        match ind.value {
            Some(v) => {
                let f = match (&t.value, has_num && has_den) {
                    (Some(f), _) => Some(resolve(f, row, &rows)),
                    (None, true) => Some(format!("{}{row}/{}{row}", col_name(NUM), col_name(DEN))),
                    (None, false) => None,
                };
                match f {
                    Some(f) => formula(ws, r, VALUE, &f, &Cached::Num(v), fmt)?,
                    None => num(ws, r, VALUE, v, fmt)?,
                }
            }
            None => text(ws, r, VALUE, not_available(lang), &st.muted)?,
        }

        bound(ws, r, ind, tolerance, lang, st)?;
        let notes = notes(ind, &t, lang).join("; ");
        if !notes.is_empty() {
            text(ws, r, NOTE, &notes, &st.wrap)?;
        }
        let source = source(ind).unwrap_or_default();
        let width = |col: u16| COLS[col as usize].2;
        lines.push(wrap::fit_row(
            ws,
            r,
            &[
                (&label, width(1)),
                (&formula_text, width(FORMULA)),
                (&source, width(SOURCE)),
                (&notes, width(NOTE)),
            ],
        )?);
    }
    // The printed columns (to the note) set how many lines a page holds.
    let printed: Vec<f64> = COLS[..=NOTE as usize].iter().map(|c| c.2).collect();
    sheet::page_breaks_by_lines(ws, &lines, sheet::lines_per_page(&printed))?;
    status_colours(ws, 1, n, STATUS, lang, st)?;
    Ok(rows)
}

/// The benchmark's source as the sheet prints it (`region: source`).
fn source(ind: &Indicator) -> Option<String> {
    let b = ind.benchmark.as_ref()?;
    Some(if b.region.is_empty() {
        b.source.clone()
    } else {
        format!("{}: {}", b.region, b.source)
    })
}

/// The benchmark's bounds and source, and the status as a formula over the
/// value and the bounds (sheet row `r`).
fn bound(
    ws: &mut Worksheet,
    r: u32,
    ind: &Indicator,
    tolerance: Decimal,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let Some(b) = &ind.benchmark else {
        return Ok(());
    };
    let fmt = st.for_unit(ind.unit);
    if let Some(m) = b.min {
        num(ws, r, MIN, m, fmt)?;
    }
    if let Some(m) = b.max {
        num(ws, r, MAX, m, fmt)?;
    }
    text(ws, r, SOURCE, &source(ind).unwrap_or_default(), &st.wrap)?;
    if ind.value.is_some() {
        formula(
            ws,
            r,
            STATUS,
            &status_formula(r + 1, tolerance, lang),
            &Cached::Text(ind.status.label(lang).to_string()),
            &st.status,
        )?;
    }
    Ok(())
}

/// Why the value is missing, what was unknown, and where a constant part
/// comes from.
fn notes(ind: &Indicator, t: &super::trace::Trace, lang: Lang) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    if let Some(u) = &ind.unavailable {
        notes.push(u.get(lang).to_string());
    }
    if let Some(k) = ind.unknown {
        notes.push(match lang {
            Lang::Cs => format!("neznámý údaj u {k} klientů/pracovníků (nezapočteno)"),
            Lang::En => format!("unknown for {k} clients/workers (not counted)"),
        });
    }
    if let Some(note) = &t.note {
        notes.push(note.get(lang).to_string());
    }
    notes
}

/// Replaces `{@num}` with this row's numerator cell and `{id}` with the
/// value cell of indicator `id`.
fn resolve(f: &str, row: u32, rows: &HashMap<String, u32>) -> String {
    let mut out = f.replace("{@num}", &format!("{}{row}", col_name(NUM)));
    while let Some(start) = out.find('{') {
        let Some(len) = out[start..].find('}') else {
            break;
        };
        let id = &out[start + 1..start + len];
        let cell = rows
            .get(id)
            .map(|r| format!("{}{}", col_name(VALUE), r + 1))
            .unwrap_or_else(|| "NA()".into());
        out.replace_range(start..start + len + 1, &cell);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_cells() {
        let rows: HashMap<String, u32> = [("a.b".to_string(), 4), ("c".to_string(), 9)].into();
        assert_eq!(resolve("{a.b}-{c}", 3, &rows), "C5-C10");
        assert_eq!(resolve("{@num}-SUM(X)", 3, &rows), "H3-SUM(X)");
    }
}
