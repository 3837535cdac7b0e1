//! `Nálezy` (findings) and `Chyby` (rejected rows and notices): one row each,
//! the input place linked into the input file.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{Rows, num, place, text};
use super::sheet::{Col, col, header, yes_no};
use super::style::Styles;
use crate::audit::Finding;
use crate::i18n::Lang;
use crate::problem::Problem;

/// Column of the finding kind's id (the integrity counts match on it).
pub(super) const KIND: u16 = 1;
/// Column of the amount (Kč over the cap, fee charged to an exempt client).
pub(super) const AMOUNT: u16 = 4;

/// Excel's last row (0-based); a longer list ends with a note.
const LAST_ROW: u32 = 1_048_575;

const FINDING_COLS: [Col; 5] = [
    col("Druh nálezu", "Kind", 28.0),
    col("Kód druhu", "Kind id", 16.0),
    col("Místo ve vstupu", "Input place", 16.0),
    col("Popis", "Detail", 80.0),
    col("Částka", "Amount", 13.0),
];

const PROBLEM_COLS: [Col; 5] = [
    col("Místo ve vstupu", "Input place", 16.0),
    col("Hodnota ve vstupu", "Raw value", 24.0),
    col("Důvod", "Reason", 60.0),
    col("Kód důvodu", "Reason id", 20.0),
    col("Řádek zamítnut", "Row rejected", 10.0),
];

/// Writes the findings; returns their rows for the integrity counts.
pub(super) fn write_findings(
    ws: &mut Worksheet,
    name: &str,
    findings: &[Finding],
    not_listed: u64,
    input: Option<&str>,
    lang: Lang,
    st: &Styles,
) -> Result<Rows, XlsxError> {
    let n = findings.len().min(LAST_ROW as usize - 1) as u32;
    header(ws, &FINDING_COLS, n, lang, st)?;
    let mut links = 0;
    for (i, f) in findings.iter().take(n as usize).enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, f.kind.label(lang), &st.text)?;
        text(ws, r, KIND, f.kind.id(), &st.text)?;
        if let Some(p) = &f.place {
            place(ws, r, 2, input, p, &mut links, st)?;
        }
        text(ws, r, 3, f.detail(lang), &st.text)?;
        if let Some(a) = f.amount {
            num(ws, r, AMOUNT, a, &st.money)?;
        }
    }
    let unlisted = not_listed + (findings.len() as u64 - u64::from(n));
    if unlisted > 0 {
        let note = match lang {
            Lang::Cs => format!(
                "Dalších {unlisted} nálezů není vypsáno (limit výpisu); jsou započteny v ukazatelích."
            ),
            Lang::En => format!(
                "{unlisted} more findings are not listed (listing limit); the indicators count them."
            ),
        };
        text(ws, n + 1, 0, &note, &st.muted)?;
    }
    Ok(Rows {
        sheet: name.to_string(),
        first: 1,
        count: n,
    })
}

/// Writes the rejected rows and notices of reading.
pub(super) fn write_problems(
    ws: &mut Worksheet,
    problems: &[Problem],
    input: Option<&str>,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let n = problems.len().min(LAST_ROW as usize - 1) as u32;
    header(ws, &PROBLEM_COLS, n, lang, st)?;
    let mut links = 0;
    for (i, p) in problems.iter().take(n as usize).enumerate() {
        let r = i as u32 + 1;
        place(ws, r, 0, input, &p.place, &mut links, st)?;
        text(ws, r, 1, &p.raw, &st.text)?;
        text(ws, r, 2, &p.reason.message(lang), &st.text)?;
        text(ws, r, 3, p.kind(), &st.text)?;
        text(ws, r, 4, yes_no(p.is_rejected(), lang), &st.text)?;
    }
    let unlisted = problems.len() - n as usize;
    if unlisted > 0 {
        let note = match lang {
            Lang::Cs => {
                format!("Dalších {unlisted} záznamů se na list nevešlo; úplný seznam je v JSON.")
            }
            Lang::En => format!("{unlisted} more do not fit the sheet; the JSON report lists all."),
        };
        text(ws, n + 1, 0, &note, &st.muted)?;
    }
    Ok(())
}
