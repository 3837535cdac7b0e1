//! `Nálezy podle druhu` (findings by kind), the council's version of
//! `Nálezy`: per kind the count, the amount, and the first few rows. Written
//! for the council's PDF, where the full list would run to many pages.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{num, text};
use super::sheet::{Col, col, header};
use super::style::Styles;
use crate::audit::Finding;
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

/// Writes the summary of `findings` (listed in kind order) and how many
/// more there are than the report lists.
pub(super) fn write(
    ws: &mut Worksheet,
    findings: &[Finding],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut groups: Vec<&[Finding]> = Vec::new();
    let mut rest = findings;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|f| f.kind == first.kind).count();
        groups.push(&rest[..n]);
        rest = &rest[n..];
    }
    let rows: usize = groups.iter().map(|g| 1 + g.len().min(FIRST)).sum();
    header(ws, &COLS, rows as u32, lang, st)?;
    let mut r = 1;
    for g in &groups {
        let kind = g[0].kind;
        text(ws, r, 0, kind.label(lang), &st.group)?;
        num(ws, r, 1, (g.len() as u64).into(), &st.count)?;
        let amounts: Vec<_> = g.iter().filter_map(|f| f.amount).collect();
        if !amounts.is_empty() {
            num(ws, r, 3, amounts.into_iter().sum(), &st.money)?;
        }
        if g.len() > FIRST {
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
        for f in g.iter().take(FIRST) {
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
