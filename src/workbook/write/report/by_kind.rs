//! `Nálezy podle druhu` (findings by kind), the council's version of
//! `Nálezy`: per kind the count, the amount, and the first few rows. Written
//! for the council's PDF, where the full list would run to many pages.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{num, text};
use super::sheet::{Col, col, header};
use super::style::Styles;
use crate::audit::KindFindings;
use crate::i18n::Lang;

/// Rows listed under each kind.
pub(super) const FIRST: usize = 5;

const COLS: [Col; 4] = [
    col("Druh nálezu", "Kind", 30.0),
    col("Počet / místo", "Count / place", 16.0),
    col("Popis", "Detail", 90.0),
    col("Částka", "Amount", 14.0),
];

/// The sheet's name.
pub(super) fn name(lang: Lang) -> &'static str {
    lang.pick("Nálezy podle druhu", "Findings by kind")
}

/// Writes each kind's full count (not the number listed: the listing cap
/// cuts the list, not the count), the amount, and its first rows.
pub(super) fn write(
    ws: &mut Worksheet,
    groups: &[KindFindings<'_>],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let rows: usize = groups.iter().map(|g| 1 + g.listed.len().min(FIRST)).sum();
    header(ws, &COLS, rows as u32, lang, st)?;
    let mut r = 1;
    for g in groups {
        text(ws, r, 0, g.kind.label(lang), &st.group)?;
        num(ws, r, 1, g.count.into(), &st.count)?;
        // The amount is summed over the listed findings, so it is written
        // only when every finding of the kind is listed.
        let amounts: Vec<_> = g.listed.iter().filter_map(|f| f.amount).collect();
        if !amounts.is_empty() && g.not_listed() == 0 {
            num(ws, r, 3, amounts.into_iter().sum(), &st.money)?;
        }
        if g.not_listed() > 0 {
            let more = format!(
                "{} {}; {} {} {} {}",
                lang.pick("prvních", "the first"),
                g.listed.len().min(FIRST),
                lang.pick("úplná zpráva vypisuje", "the full report lists"),
                g.listed.len(),
                lang.pick("z", "of"),
                g.count
            );
            text(ws, r, 2, &more, &st.muted)?;
        } else if g.listed.len() > FIRST {
            let more = format!(
                "{} {FIRST}; {}",
                lang.pick("prvních", "the first"),
                lang.pick(
                    "všechny jsou v úplné zprávě (list Nálezy)",
                    "the full report lists them all (sheet Findings)"
                )
            );
            text(ws, r, 2, &more, &st.muted)?;
        }
        r += 1;
        for f in g.listed.iter().take(FIRST) {
            let place = f.place.as_ref().map(|p| p.to_string()).unwrap_or_default();
            text(ws, r, 1, &place, &st.text)?;
            text(ws, r, 2, f.detail(lang), &st.text)?;
            if let Some(a) = f.amount {
                num(ws, r, 3, a, &st.money)?;
            }
            r += 1;
        }
    }
    if groups.is_empty() {
        text(
            ws,
            1,
            0,
            lang.pick("žádné nálezy", "no findings"),
            &st.muted,
        )?;
    }
    Ok(())
}
