//! `Cena hodiny` / `Hour cost`: the actual hour built up line by line, set
//! beside the normative price, travel by visit length, and the normative
//! model's parameters and lines. Totals are formulas over the lines, with
//! the library's exact values cached.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use super::cell::{Cached, col_name, formula, hours, not_available, num, text};
use super::style::Styles;
use super::wrap;
use crate::audit::hour_cost::HourAnalysis;
use crate::i18n::Lang;
use crate::model::NORMATIVE_PARAMS;

const A: u16 = 0;
const B: u16 = 1;
const C: u16 = 2;
const D: u16 = 3;
const E: u16 = 4;
const F: u16 = 5;

fn sum_formula(col: u16, first: u32, last: u32) -> String {
    let c = col_name(col);
    format!("=SUM({c}{}:{c}{})", first + 1, last + 1)
}

/// A table's header row from column A, as tall as its longest wrapped
/// header.
fn heads(
    ws: &mut Worksheet,
    r: u32,
    cols: &[(&str, &str)],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let mut cells = Vec::with_capacity(cols.len());
    for (i, (cs, en)) in cols.iter().enumerate() {
        let head = lang.pick(cs, en);
        text(ws, r, i as u16, head, &st.header)?;
        // Past F the spreadsheet's default width (8.43 characters).
        cells.push((head, COLUMNS.get(i).map_or(8.43, |c| c.1)));
    }
    wrap::fit_row(ws, r, &cells)?;
    Ok(())
}

/// The sheet's columns A–F and their widths in characters.
const COLUMNS: [(u16, f64); 6] = [
    (A, 58.0),
    (B, 18.0),
    (C, 18.0),
    (D, 18.0),
    (E, 20.0),
    (F, 20.0),
];

/// The width of the tables, A–F, in characters.
const TABLE_WIDTH: f64 = {
    let mut w = 0.0;
    let mut i = 0;
    while i < COLUMNS.len() {
        w += COLUMNS[i].1;
        i += 1;
    }
    w
};

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    h: &HourAnalysis,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (c, w) in COLUMNS {
        ws.set_column_width(c, w)?;
    }
    let mut r = 0;
    text(
        ws,
        r,
        A,
        lang.pick(
            "Co stojí hodina přímé péče a proč",
            "What an hour of direct care costs, and why",
        ),
        &st.title,
    )?;
    r += 2;

    let r = actual_hour(ws, r, h, lang, st)?;
    let r = against_normative(ws, r, h, lang, st)?;
    let r = travel_bands(ws, r, name, h, lang, st)?;
    normative_model(ws, r, h, lang, st)?;
    Ok(())
}

/// Part 1. The actual hour, line by line, and how the care workers' cost was found. Returns the next row.
fn actual_hour(
    ws: &mut Worksheet,
    mut r: u32,
    h: &HourAnalysis,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    // 1. The actual hour.
    text(
        ws,
        r,
        A,
        lang.pick(
            "1. Skutečná hodina po řádcích",
            "1. The actual hour, line by line",
        ),
        &st.subtitle,
    )?;
    r += 1;
    match &h.buildup {
        None => {
            let why = h.buildup_unavailable.as_ref();
            not_available(ws, r, A, lang, "nelze sestavit", why, &st.muted)?;
            r += 2;
        }
        Some(bu) => {
            heads(
                ws,
                r,
                &[
                    ("Řádek", "Line"),
                    ("Kč za hodinu", "CZK per hour"),
                    ("Částka za období", "Amount in the period"),
                    ("Podíl", "Share"),
                ],
                lang,
                st,
            )?;
            r += 1;
            let first = r;
            let total_row = first + bu.lines.len() as u32;
            for l in &bu.lines {
                text(ws, r, A, lang.pick(l.label_cs, l.label_en), &st.text)?;
                num(ws, r, B, l.per_hour, &st.money)?;
                if let Some(a) = l.amount {
                    num(ws, r, C, a, &st.money)?;
                }
                let share = l
                    .per_hour
                    .checked_div(bu.per_direct_hour)
                    .unwrap_or_default();
                formula(
                    ws,
                    r,
                    D,
                    &format!("=B{}/B{}", r + 1, total_row + 1),
                    &Cached::Num(share),
                    &st.percent,
                )?;
                r += 1;
            }
            text(
                ws,
                r,
                A,
                lang.pick(
                    "Celkem = náklady na hodinu přímé péče (cost.per_direct_hour)",
                    "Total = cost per direct hour (cost.per_direct_hour)",
                ),
                &st.group,
            )?;
            formula(
                ws,
                r,
                B,
                &sum_formula(B, first, r - 1),
                &Cached::Num(bu.per_direct_hour),
                &st.money,
            )?;
            formula(
                ws,
                r,
                C,
                &sum_formula(C, first, r - 1),
                &Cached::Num(bu.total),
                &st.money,
            )?;
            r += 1;
            let method = match bu.care_cost_method {
                crate::audit::hour_cost::CareCostMethod::Recorded => lang.pick(
                    "Osobní náklady pečovatelů: zapsané u každého PSS (Pracovníci, Osobní náklady).",
                    "Care workers' personnel cost: recorded for every PSS (Workers, personnel cost).",
                ),
                crate::audit::hour_cost::CareCostMethod::FteShare => lang.pick(
                    "Osobní náklady pečovatelů: osobní náklady × podíl PSS na průměrných úvazcích (u některého PSS chybí zapsané náklady).",
                    "Care workers' personnel cost: personnel costs × PSS share of average FTE (some PSS have no recorded cost).",
                ),
            };
            text(ws, r, A, method, &st.muted)?;
            r += 1;
            text(
                ws,
                r,
                A,
                &format!("{} {}", lang.pick(
                "Rozloženo podle placených hodin PSS (úvazek, nebo zapsané hodiny, jsou-li vyšší):",
                "Spread over the PSS paid hours (contract, or the hours recorded when more):"),
                crate::display::number(bu.care_paid_hours, 1, lang)),
                &st.muted,
            )?;
            r += 2;
        }
    }

    Ok(r)
}

/// Part 2. Actual against normative, row by row. Returns the next row.
fn against_normative(
    ws: &mut Worksheet,
    mut r: u32,
    h: &HourAnalysis,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    // 2. Actual against normative.
    text(
        ws,
        r,
        A,
        lang.pick("2. Skutečnost a normativ", "2. Actual against normative"),
        &st.subtitle,
    )?;
    r += 1;
    match (&h.normative_comparison, &h.buildup) {
        (Some(c), Some(bu)) => {
            heads(
                ws,
                r,
                &[
                    ("Řádek", "Line"),
                    ("Skutečnost Kč/h", "Actual CZK/h"),
                    ("Normativ Kč/h", "Normative CZK/h"),
                    ("Rozdíl Kč/h", "Difference CZK/h"),
                    ("Rozdíl za období", "Difference in the period"),
                ],
                lang,
                st,
            )?;
            r += 1;
            let first = r;
            for row in &c.rows {
                text(ws, r, A, lang.pick(row.label_cs, row.label_en), &st.text)?;
                num(ws, r, B, row.actual, &st.money)?;
                num(ws, r, C, row.normative, &st.money)?;
                formula(
                    ws,
                    r,
                    D,
                    &format!("=B{0}-C{0}", r + 1),
                    &Cached::Num(row.difference),
                    &st.money,
                )?;
                formula(
                    ws,
                    r,
                    E,
                    &format!("=D{}*{}", r + 1, bu.direct_hours.normalize()),
                    &Cached::Num(row.difference_total),
                    &st.money,
                )?;
                r += 1;
            }
            text(ws, r, A, lang.pick("Celkem", "Total"), &st.group)?;
            let price = h.normative.as_ref().map_or(Decimal::ZERO, |n| n.price);
            for (col, v) in [
                (B, bu.per_direct_hour),
                (C, price),
                (D, c.difference),
                (E, c.difference_total),
            ] {
                formula(
                    ws,
                    r,
                    col,
                    &sum_formula(col, first, r - 1),
                    &Cached::Num(v),
                    &st.money,
                )?;
            }
            r += 1;
            text(ws, r, A, lang.pick(
                "Odvody normativu jsou rozděleny na mzdové řádky poměrně ke mzdě; rozdíl > 0 = skutečnost dražší než normativ.",
                "The normative on-costs are spread over the pay rows in proportion to pay; a difference > 0 = actual dearer than normative."), &st.muted)?;
            r += 2;
        }
        _ => {
            let why = (h.buildup_unavailable.as_ref()).or(h.normative_unavailable.as_ref());
            not_available(ws, r, A, lang, "nelze porovnat", why, &st.muted)?;
            r += 2;
        }
    }

    Ok(r)
}

/// Part 3. Travel by visit length, with the cost of an hour in each band and a chart. Returns the next row.
fn travel_bands(
    ws: &mut Worksheet,
    mut r: u32,
    name: &str,
    h: &HourAnalysis,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    // 3. Travel by visit length.
    let t = &h.travel;
    text(
        ws,
        r,
        A,
        lang.pick("3. Cesty podle délky návštěvy", "3. Travel by visit length"),
        &st.subtitle,
    )?;
    r += 1;
    heads(
        ws,
        r,
        &[
            ("Délka návštěvy", "Visit length"),
            ("Návštěvy", "Visits"),
            ("Hodiny péče", "Contact hours"),
            ("Hodiny cest", "Travel hours"),
            ("Min. cesty na hodinu péče", "Travel min per contact hour"),
            ("Odhad Kč za hodinu péče", "Estimated CZK per contact hour"),
        ],
        lang,
        st,
    )?;
    r += 1;
    let band_first = r;
    for b in &t.bands {
        text(ws, r, A, lang.pick(b.label_cs, b.label_en), &st.text)?;
        num(ws, r, B, Decimal::from(b.visits), &st.count)?;
        num(ws, r, C, hours(b.contact_seconds), &st.hours)?;
        num(ws, r, D, hours(b.travel_seconds), &st.hours)?;
        if let Some(x) = b.travel_minutes_per_contact_hour {
            formula(
                ws,
                r,
                E,
                &format!("=IF(C{0}=0,\"\",D{0}*60/C{0})", r + 1),
                &Cached::Num(x),
                &st.decimal,
            )?;
        }
        if let Some(x) = b.cost_per_contact_hour {
            num(ws, r, F, x, &st.money)?;
        }
        r += 1;
    }
    let band_last = r - 1;
    text(
        ws,
        r,
        A,
        lang.pick(
            "Dny bez zapsaného pořadí (bez časů začátku)",
            "Days without a recorded sequence (no start times)",
        ),
        &st.text,
    )?;
    num(ws, r, B, Decimal::from(t.unsequenced_visits), &st.count)?;
    r += 1;
    text(
        ws,
        r,
        A,
        lang.pick(
            "Celkem: (60 / průměrná návštěva) × průměrná cesta",
            "Overall: (60 / mean visit) × mean travel",
        ),
        &st.group,
    )?;
    num(ws, r, B, Decimal::from(t.visits), &st.count)?;
    num(ws, r, C, hours(t.contact_seconds), &st.hours)?;
    num(ws, r, D, hours(t.travel_seconds), &st.hours)?;
    if let Some(x) = t.travel_minutes_per_contact_hour {
        formula(
            ws,
            r,
            E,
            &format!("=D{0}*60/C{0}", r + 1),
            &Cached::Num(x),
            &st.decimal,
        )?;
    }
    r += 1;
    for line in [
        lang.pick(
            "Návštěva = po sobě jdoucí řádky přímé péče jednoho pracovníka u jednoho klienta v jednom dni. Cesta před návštěvou (řádky CESTA a minuty cesty zapsané od minulé návštěvy) patří k ní; cesta po poslední návštěvě dne k poslední návštěvě.",
            "A visit = consecutive direct rows of one worker at one client in a day. Travel before a visit (CESTA rows and travel minutes since the last visit) belongs to it; travel after the day's last visit to that visit.",
        ),
        lang.pick(
            "Odhad nákladu: mzda za cestu a vozidla jsou náklad na hodinu cesty, ostatní náklady se berou jako pevné na hodinu péče; při celkovém podílu cest dává odhad přesně cost.per_direct_hour.",
            "Estimate: travel pay and vehicles are a cost per travel hour, all else fixed per contact hour; at the overall travel the estimate is exactly cost.per_direct_hour.",
        ),
    ] {
        // Across the table and wrapped in it, so that it runs neither under
        // the chart beside the table nor over the rows below.
        ws.merge_range(r, A, r, F, line, &st.muted_wrap)?;
        wrap::fit_row(ws, r, &[(line, TABLE_WIDTH)])?;
        r += 1;
    }
    if t.bands.iter().any(|b| b.cost_per_contact_hour.is_some()) {
        band_chart(ws, name, band_first, band_last, lang)?;
    }
    r += 1;

    Ok(r)
}

/// The cost of a contact hour by visit length (rows `first` to `last`),
/// as a column chart beside the table.
fn band_chart(
    ws: &mut Worksheet,
    name: &str,
    first: u32,
    last: u32,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_categories((name, first, A, last, A))
        .set_values((name, first, F, last, F))
        .set_name(lang.pick("Odhad Kč za hodinu péče", "Estimated CZK per contact hour"));
    chart.title().set_name(lang.pick(
        "Krátké návštěvy zdražují hodinu",
        "Short visits make an hour dearer",
    ));
    chart.legend().set_hidden();
    ws.insert_chart(first - 1, 7, &chart)?;
    Ok(())
}

/// Part 4. The normative model: its parameters with sources, and its lines. Returns the next row.
fn normative_model(
    ws: &mut Worksheet,
    mut r: u32,
    h: &HourAnalysis,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    // 4. The normative model.
    text(
        ws,
        r,
        A,
        lang.pick(
            "4. Normativní cena hodiny",
            "4. The normative price of an hour",
        ),
        &st.subtitle,
    )?;
    r += 1;
    match &h.normative {
        None => {
            let why = h.normative_unavailable.as_ref();
            not_available(ws, r, A, lang, "nelze spočítat", why, &st.muted)?;
        }
        Some(n) => {
            if n.parameters.example {
                text(ws, r, A, lang.pick(
                    "POZOR: ilustrační parametry (vstup nemá list Model). Nastavte vlastní na listu Model vstupního sešitu.",
                    "NOTE: example parameters (the input has no Model sheet). Set your own on the input's Model sheet."), &st.red)?;
                r += 1;
            }
            heads(
                ws,
                r,
                &[
                    ("Parametr", "Parameter"),
                    ("Hodnota", "Value"),
                    ("Jednotka", "Unit"),
                    ("Zdroj", "Source"),
                ],
                lang,
                st,
            )?;
            r += 1;
            for s in NORMATIVE_PARAMS {
                let Some(v) = n.parameters.get(s.id) else {
                    continue;
                };
                text(ws, r, A, lang.pick(s.cs, s.en), &st.text)?;
                num(ws, r, B, v, &st.decimal)?;
                text(ws, r, C, s.unit, &st.muted)?;
                text(
                    ws,
                    r,
                    D,
                    n.parameters.sources.get(s.id).map_or("", String::as_str),
                    &st.muted,
                )?;
                r += 1;
            }
            text(
                ws,
                r,
                A,
                lang.pick("Odvody zaměstnavatele celkem", "Employer on-costs in total"),
                &st.text,
            )?;
            num(ws, r, B, n.on_cost_rate, &st.percent)?;
            let when = if n.on_costs_extrapolated {
                lang.pick(
                    "starší sazby nejsou v tabulce: použity nejstarší zákonné řádky",
                    "older rates are not in the table: the oldest legal rows were used",
                )
                .to_string()
            } else {
                format!(
                    "{} {}",
                    lang.pick("zákonné řádky k", "legal rows on"),
                    crate::display::date(n.on_costs_date, lang)
                )
            };
            text(ws, r, D, &when, &st.muted)?;
            r = normative_lines(ws, r + 2, n, lang, st)?;
        }
    }
    Ok(r)
}

/// The normative price's lines per contact hour and their sum, from row
/// `r`; returns the row of the sum.
fn normative_lines(
    ws: &mut Worksheet,
    mut r: u32,
    n: &crate::audit::hour_cost::NormativePrice,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    heads(
        ws,
        r,
        &[
            ("Řádek normativu", "Normative line"),
            ("Za hodinu péče", "Per contact hour"),
        ],
        lang,
        st,
    )?;
    r += 1;
    let first = r;
    for l in &n.lines {
        text(
            ws,
            r,
            A,
            lang.pick(l.line.label_cs, l.line.label_en),
            &st.text,
        )?;
        num(ws, r, B, l.line.per_hour, &st.money)?;
        r += 1;
    }
    text(
        ws,
        r,
        A,
        lang.pick(
            "Normativní cena hodiny přímé péče",
            "Normative price of a contact hour",
        ),
        &st.group,
    )?;
    formula(
        ws,
        r,
        B,
        &sum_formula(B, first, r - 1),
        &Cached::Num(n.price),
        &st.money,
    )?;
    Ok(r)
}
