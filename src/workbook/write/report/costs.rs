//! `Náklady`: the input's costs summed by category and its revenues by
//! source, so that every cost indicator traces to these cells. The sheet is
//! not in the original list of report sheets; it is what makes `cost.*` and `revenue.*`
//! formulas possible without copying the input.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{Rows, num, text};
use super::style::Styles;
use crate::i18n::Lang;
use crate::model::{CostGroup, CostLine, RevenueLine, RevenueSource};

pub(super) const GROUP: u16 = 0;
pub(super) const CATEGORY: u16 = 1;
pub(super) const AMOUNT: u16 = 2;
pub(super) const SOURCE: u16 = 4;
pub(super) const REVENUE: u16 = 5;

/// A cost group as the sheet writes it.
pub(super) fn group_label(g: CostGroup, lang: Lang) -> &'static str {
    match g {
        CostGroup::Personnel => lang.pick("osobní", "personnel"),
        CostGroup::Operating => lang.pick("provozní", "operating"),
    }
}

/// A revenue source as the sheet writes it.
pub(super) fn source_label(s: RevenueSource, lang: Lang) -> &'static str {
    s.label(lang)
}

/// References to the two tables; `None` where the input had no such sheet.
pub(super) struct CostRows {
    pub costs: Option<Rows>,
    pub revenues: Option<Rows>,
}

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    costs: Option<&[CostLine]>,
    revenues: Option<&[RevenueLine]>,
    lang: Lang,
    st: &Styles,
) -> Result<CostRows, XlsxError> {
    // By (group, category), largest first (the cost-structure chart reads
    // the top of this table).
    let mut by_cat: BTreeMap<(CostGroup, String), Decimal> = BTreeMap::new();
    for c in costs.unwrap_or(&[]) {
        *by_cat
            .entry((c.group, c.category.code().to_string()))
            .or_default() += c.amount;
    }
    let mut cost_rows: Vec<_> = by_cat.into_iter().collect();
    cost_rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_source: BTreeMap<RevenueSource, Decimal> = BTreeMap::new();
    for r in revenues.unwrap_or(&[]) {
        *by_source.entry(r.source).or_default() += r.amount;
    }
    let rev_rows: Vec<_> = by_source.into_iter().collect();

    for (c, (cs, en, w)) in [
        ("Skupina", "Group", 12.0),
        ("Kategorie", "Category", 18.0),
        ("Částka", "Amount", 16.0),
        ("", "", 3.0),
        ("Zdroj výnosů", "Revenue source", 18.0),
        ("Částka", "Amount", 16.0),
    ]
    .into_iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, w)?;
        if !cs.is_empty() {
            ws.write_string_with_format(0, c as u16, lang.pick(cs, en), &st.header)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let n = cost_rows.len().max(rev_rows.len()).max(1);
    for i in 0..n {
        let r = i as u32 + 1;
        match (costs, cost_rows.get(i)) {
            (None, _) if i == 0 => text(
                ws,
                r,
                GROUP,
                lang.pick("vstup nemá list Náklady", "the input has no Costs sheet"),
                &st.muted,
            )?,
            (_, Some(((g, cat), amount))) => {
                text(ws, r, GROUP, group_label(*g, lang), &st.text)?;
                text(ws, r, CATEGORY, cat, &st.text)?;
                num(ws, r, AMOUNT, *amount, &st.money)?;
            }
            _ => {}
        }
        match (revenues, rev_rows.get(i)) {
            (None, _) if i == 0 => text(
                ws,
                r,
                SOURCE,
                lang.pick("vstup nemá list Výnosy", "the input has no Revenues sheet"),
                &st.muted,
            )?,
            (_, Some((s, amount))) => {
                text(ws, r, SOURCE, source_label(*s, lang), &st.text)?;
                num(ws, r, REVENUE, *amount, &st.money)?;
            }
            _ => {}
        }
    }
    let rows = |count: usize| Rows {
        sheet: name.to_string(),
        first: 1,
        count: count as u32,
    };
    Ok(CostRows {
        costs: costs.map(|_| rows(cost_rows.len())),
        revenues: revenues.map(|_| rows(rev_rows.len())),
    })
}
