//! `Klienti`: one row per client, the sums the targeting indicators count.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{Rows, hours, num, text};
use super::sheet::{Col, col, header, yes_no};
use super::style::Styles;
use crate::audit::ClientLine;
use crate::i18n::Lang;
use crate::indicator::catalog::DEGREES;

pub(super) const DEGREE: u16 = 1;
pub(super) const AGE: u16 = 2;
pub(super) const LIVES_ALONE: u16 = 3;
pub(super) const AT_RISK: u16 = 4;
pub(super) const SERVED: u16 = 5;
pub(super) const DIRECT: u16 = 6;
/// Task groups a–e: columns `GROUPS .. GROUPS + 5`.
pub(super) const GROUPS: u16 = 7;
pub(super) const CONTACTS: u16 = 13;
pub(super) const MEAL_ONLY: u16 = 16;

const COLS: [Col; 17] = [
    col("Klient", "Client", 14.0),
    col("Stupeň PnP", "Care-allowance degree", 11.0),
    col("Věk na konci období", "Age at period end", 10.0),
    col("Žije sám", "Lives alone", 9.0),
    col("Ohrožen soc. vyloučením", "At risk of exclusion", 11.0),
    col("Obsloužen v období", "Served in the period", 10.0),
    col("Přímá péče (h)", "Direct care (h)", 11.0),
    col("a) péče o sebe (h)", "a) self-care (h)", 11.0),
    col("b) hygiena (h)", "b) hygiene (h)", 11.0),
    col("c) strava (h)", "c) meals (h)", 11.0),
    col("d) domácnost (h)", "d) household (h)", 11.0),
    col("e) kontakt se spol. (h)", "e) social contact (h)", 11.0),
    col("Fakultativní (h)", "Optional (h)", 11.0),
    col("Kontaktů", "Contacts", 9.0),
    col("Měsíců s péčí", "Months with care", 9.0),
    col("Úhrady", "Fees", 13.0),
    col("Jen strava", "Meals only", 9.0),
];

/// A degree id's label as the sheet writes it (formulas match on it).
pub(super) fn degree_label(id: &str, lang: Lang) -> &'static str {
    DEGREES
        .iter()
        .find(|d| d.0 == id)
        .map(|d| lang.pick(d.1, d.2))
        .unwrap_or("")
}

/// Writes the sheet; returns its data rows for references.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    lines: &[ClientLine],
    lang: Lang,
    st: &Styles,
) -> Result<Rows, XlsxError> {
    let n = lines.len() as u32;
    header(ws, &COLS, n, lang, st)?;
    for (i, c) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, &c.id, &st.text)?;
        text(ws, r, DEGREE, degree_label(c.degree, lang), &st.text)?;
        if let Some(a) = c.age {
            num(ws, r, AGE, Decimal::from(a), &st.count)?;
        }
        if let Some(b) = c.lives_alone {
            text(ws, r, LIVES_ALONE, yes_no(b, lang), &st.text)?;
        }
        if let Some(b) = c.at_risk {
            text(ws, r, AT_RISK, yes_no(b, lang), &st.text)?;
        }
        text(ws, r, SERVED, yes_no(c.served, lang), &st.text)?;
        num(ws, r, DIRECT, hours(c.direct_seconds), &st.hours)?;
        for (g, secs) in c.group_seconds.iter().enumerate() {
            num(ws, r, GROUPS + g as u16, hours(*secs), &st.hours)?;
        }
        num(ws, r, 12, hours(c.optional_seconds), &st.hours)?;
        num(ws, r, CONTACTS, Decimal::from(c.contacts), &st.count)?;
        num(ws, r, 14, Decimal::from(c.months), &st.count)?;
        num(ws, r, 15, c.fees, &st.money)?;
        text(ws, r, MEAL_ONLY, yes_no(c.meal_only, lang), &st.text)?;
    }
    Ok(Rows {
        sheet: name.to_string(),
        first: 1,
        count: n,
    })
}
