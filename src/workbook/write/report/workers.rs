//! `Pracovníci`: one row per worker, the hours the staffing indicators sum.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{Cached, Rows, formula, hours, num, text};
use super::sheet::{Col, col, header, yes_no};
use super::style::Styles;
use crate::audit::WorkerLine;
use crate::i18n::Lang;

pub(super) const ID: u16 = 0;
pub(super) const ROLE: u16 = 1;
pub(super) const AVERAGE_FTE: u16 = 3;
pub(super) const TRAINING_MET: u16 = 9;
pub(super) const AVAILABLE: u16 = 10;
pub(super) const PRODUCTIVE: u16 = 11;
pub(super) const DIRECT: u16 = 12;
pub(super) const OPTIONAL: u16 = 13;
pub(super) const TRAVEL: u16 = 14;
pub(super) const INDIRECT: u16 = 15;
pub(super) const WORKED: u16 = 16;
pub(super) const UTILIZATION: u16 = 19;

const COLS: [Col; 21] = [
    col("Pracovník", "Worker", 14.0),
    col("Role", "Role", 8.0),
    col("Úvazek", "FTE", 9.0),
    col(
        "Průměrný úvazek v období",
        "Average FTE in the period",
        12.0,
    ),
    col("Fond pracovní doby (h)", "Contract hours", 12.0),
    col("Nepřítomnost (h)", "Absence (h)", 12.0),
    col("Vzdělávání (h)", "Training (h)", 11.0),
    col("Vzdělávání uvedeno", "Training given", 11.0),
    col("Minimum vzdělávání (h)", "Training minimum (h)", 12.0),
    col("Minimum splněno", "Minimum met", 10.0),
    col("Disponibilní hodiny", "Available hours", 12.0),
    col("Produktivní hodiny", "Productive hours", 12.0),
    col("Přímá péče (h)", "Direct care (h)", 11.0),
    col("Fakultativní (h)", "Optional (h)", 11.0),
    col("Cesty (h)", "Travel (h)", 10.0),
    col("Nepřímá práce (h)", "Indirect work (h)", 11.0),
    col("Odpracováno (h)", "Worked (h)", 11.0),
    col("Řádků výkazu", "Timesheet rows", 10.0),
    col("Klientů", "Clients", 9.0),
    col("Vytížení přímou péčí", "Utilisation by direct care", 12.0),
    col("Osobní náklady", "Personnel cost", 14.0),
];

/// Writes the sheet; returns its data rows for references.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    lines: &[WorkerLine],
    lang: Lang,
    st: &Styles,
) -> Result<Rows, XlsxError> {
    let n = lines.len() as u32;
    header(ws, &COLS, n, lang, st)?;
    for (i, w) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        let row = r + 1; // A1 row number
        text(ws, r, ID, &w.id, &st.text)?;
        // Without a staff list only the timesheet's columns are known.
        if w.listed {
            text(ws, r, ROLE, w.role, &st.text)?;
            num(ws, r, 2, w.fte, &st.decimal)?;
            num(ws, r, AVERAGE_FTE, w.average_fte, &st.decimal)?;
            num(ws, r, 4, w.contract_hours, &st.hours)?;
            num(ws, r, 5, w.absence_hours, &st.hours)?;
            num(ws, r, 6, w.training_hours, &st.hours)?;
            text(ws, r, 7, yes_no(w.training_given, lang), &st.text)?;
            num(ws, r, 8, w.training_minimum, &st.hours)?;
            if let Some(m) = w.training_met {
                text(ws, r, TRAINING_MET, yes_no(m, lang), &st.text)?;
            }
            num(ws, r, AVAILABLE, w.available_hours, &st.hours)?;
            num(ws, r, PRODUCTIVE, w.productive_hours, &st.hours)?;
        }
        num(ws, r, DIRECT, hours(w.direct_seconds), &st.hours)?;
        num(ws, r, OPTIONAL, hours(w.optional_seconds), &st.hours)?;
        num(ws, r, TRAVEL, hours(w.travel_seconds), &st.hours)?;
        num(ws, r, INDIRECT, hours(w.indirect_seconds), &st.hours)?;
        let worked =
            hours(w.direct_seconds + w.optional_seconds + w.travel_seconds + w.indirect_seconds);
        formula(
            ws,
            r,
            WORKED,
            &format!("M{row}+N{row}+O{row}+P{row}"),
            &Cached::Num(worked),
            &st.hours,
        )?;
        num(ws, r, 17, Decimal::from(w.rows), &st.count)?;
        num(ws, r, 18, Decimal::from(w.clients), &st.count)?;
        let util = hours(w.direct_seconds).checked_div(w.available_hours);
        let cached = match util {
            Some(u) if !w.available_hours.is_zero() => Cached::Num(u),
            _ => Cached::Empty,
        };
        formula(
            ws,
            r,
            UTILIZATION,
            &format!("IF(K{row}>0,M{row}/K{row},\"\")"),
            &cached,
            &st.percent,
        )?;
        if let Some(c) = w.personnel_cost {
            num(ws, r, 20, c, &st.money)?;
        }
    }
    Ok(Rows {
        sheet: name.to_string(),
        first: 1,
        count: n,
    })
}
