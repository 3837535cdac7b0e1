//! `Scénáře` / `Scenarios`: each what-if scenario with its assumptions
//! printed above its effects.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{not_available, num, text};
use super::style::Styles;
use crate::audit::hour_cost::Scenario;
use crate::i18n::Lang;

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    scenarios: &[Scenario],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_column_width(0, 48)?;
    ws.set_column_width(1, 18)?;
    ws.set_column_width(2, 10)?;
    let mut r = 0;
    text(
        ws,
        r,
        0,
        lang.pick(
            "Co kdyby: scénáře s předpoklady",
            "What if: scenarios with their assumptions",
        ),
        &st.title,
    )?;
    r += 2;
    if scenarios.is_empty() {
        text(
            ws,
            r,
            0,
            lang.pick("bez období nelze počítat", "no period: nothing to work out"),
            &st.muted,
        )?;
    }
    for s in scenarios {
        text(ws, r, 0, lang.pick(s.name_cs, s.name_en), &st.subtitle)?;
        r += 1;
        text(ws, r, 0, lang.pick("Předpoklady", "Assumptions"), &st.group)?;
        r += 1;
        for a in &s.assumptions {
            text(ws, r, 0, &format!("• {}", a.get(lang)), &st.muted)?;
            r += 1;
        }
        if !s.effects.is_empty() {
            for (c, (cs, en)) in [
                ("Účinek", "Effect"),
                ("Hodnota", "Value"),
                ("Jednotka", "Unit"),
            ]
            .iter()
            .enumerate()
            {
                text(ws, r, c as u16, lang.pick(cs, en), &st.header)?;
            }
            r += 1;
            for e in &s.effects {
                text(ws, r, 0, lang.pick(e.label_cs, e.label_en), &st.text)?;
                let fmt = match e.unit {
                    "CZK" => &st.money,
                    "CZK/h" => &st.amount,
                    "share" => &st.percent,
                    "count" => &st.count,
                    "h" => &st.hours,
                    _ => &st.decimal,
                };
                num(ws, r, 1, e.value, fmt)?;
                let unit = match (e.unit, lang) {
                    ("CZK", _) => "", // the money format shows Kč
                    ("CZK/h", Lang::Cs) => "Kč/h",
                    ("share", _) => "%",
                    ("count", Lang::Cs) => "počet",
                    ("fte", Lang::Cs) => "úvazky",
                    (u, _) => u,
                };
                text(ws, r, 2, unit, &st.muted)?;
                r += 1;
            }
        }
        if let Some(u) = &s.unavailable {
            not_available(ws, r, 0, lang, "nelze spočítat", Some(u), &st.muted)?;
            r += 1;
        }
        r += 1;
    }
    Ok(())
}
