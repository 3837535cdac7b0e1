//! `Souhrn`: the page a council member reads. Headline indicators linked to
//! `Ukazatele`, their status, and four charts; prints on one landscape page.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartType, Worksheet, XlsxError};

use super::cell::{Cached, Rows, cell_ref, formula, hours, text};
use super::costs::{self as co};
use super::indicators::{STATUS, VALUE, status_colours};
use super::months as mo;
use super::sheet::not_available;
use super::style::{Styles, money_format};
use crate::audit::{AuditReport, Indicator};
use crate::display::{date, number, percent};
use crate::i18n::Lang;
use crate::indicator::HEADLINES;
use crate::indicator::{Unit, catalog};

/// What the summary refers to on other sheets.
pub(super) struct SummaryRefs<'a> {
    pub indicators_sheet: &'a str,
    pub indicator_rows: &'a HashMap<String, u32>,
    pub clients: &'a Rows,
    pub months: &'a Rows,
    pub costs: Option<&'a Rows>,
}

/// Last column the page prints (the charts end before it).
const LAST_COL: u16 = 16;
/// Charts: size in pixels and first column.
const CHART_W: u32 = 470;
const CHART_H: u32 = 290;
const CHART_COL: u16 = 7;
/// Charts: first row, and rows from one chart's top to the next's.
const CHART_ROW: u32 = 3;
const CHART_ROWS: u32 = 15;

/// Writes the sheet.
pub(super) fn write(
    ws: &mut Worksheet,
    report: &AuditReport,
    refs: &SummaryRefs<'_>,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (c, w) in [
        (0u16, 44.0),
        (1, 16.0),
        (2, 14.0),
        (3, 13.0),
        (4, 14.0),
        (5, 34.0),
        (6, 2.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    heading(ws, report, lang, st)?;
    let r = headlines(ws, 3, report, refs, lang, st)?;
    let r = absent_lists(ws, r, report, lang, st)?;
    let data = chart_data(ws, r + 2, report, refs, lang, st)?;
    // The page ends below the table or below the two rows of charts.
    let last_row = data.last.max(CHART_ROW + 2 * CHART_ROWS);
    charts(ws, &data, refs, lang)?;
    print_setup(ws, last_row, lang)
}

/// The title, the period, region and IČO, and the law warning.
fn heading(
    ws: &mut Worksheet,
    report: &AuditReport,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let prov = &report.provider;
    text(
        ws,
        0,
        0,
        &format!(
            "{}: {}",
            l("Audit pečovatelské služby", "Home-care service audit"),
            prov.name
        ),
        &st.title,
    )?;
    let mut sub = Vec::new();
    if let Some(p) = prov.period {
        sub.push(format!(
            "{} {} – {}",
            l("období", "period"),
            date(p.from, lang),
            date(p.to, lang)
        ));
    }
    if let Some(r) = &prov.region {
        sub.push(format!("{} {r}", l("kraj", "region")));
    }
    if let Some(i) = &prov.ico {
        sub.push(format!("IČO {i}"));
    }
    text(ws, 1, 0, &sub.join(" · "), &st.subtitle)?;
    if let Some(w) = report.law_warning(lang) {
        text(ws, 2, 0, &w, &st.red)?;
    }

    Ok(())
}

/// The headline table from row `r`, by group, with the status colours;
/// returns its last row.
fn headlines(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    refs: &SummaryRefs<'_>,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    for (c, h) in [
        l("Ukazatel", "Indicator"),
        l("Hodnota", "Value"),
        l("Jednotka", "Unit"),
        l("Stav", "Status"),
        l("Mez", "Bound"),
        l("Poznámka", "Note"),
    ]
    .iter()
    .enumerate()
    {
        text(ws, r, c as u16, h, &st.header)?;
    }
    let first_status = r + 1;
    for family in HEADLINES {
        r += 1;
        for c in 0..6 {
            ws.write_blank(r, c, &st.group)?;
        }
        text(ws, r, 0, family.name(lang), &st.group)?;
        for id in family.ids {
            let (Some(ind), Some(&row)) = (report.indicator(id), refs.indicator_rows.get(*id))
            else {
                continue;
            };
            r += 1;
            headline(ws, r, ind, row, refs.indicators_sheet, lang, st)?;
        }
    }
    status_colours(ws, first_status, r, 3, lang, st)?;

    Ok(r)
}

/// Below the table, what each list the records came without would make
/// available (`Seznam klientů (list Klienti) by zpřístupnil: …`), one
/// wrapped line a list across the table; returns the last row.
fn absent_lists(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    for &list in &report.absent_lists {
        let (sentence, _) = report.made_available_text(list, lang);
        if sentence.is_empty() {
            continue;
        }
        r += 2;
        ws.merge_range(r, 0, r, 5, &sentence, &st.wrap)?;
        // The table is about 130 characters wide.
        let lines = sentence.chars().count() / 120 + 1;
        ws.set_row_height(r, 15.0 * lines as f64)?;
    }
    Ok(r)
}

/// Where the charts' data stands on the sheet.
struct ChartData {
    groups: (u32, u32),
    degrees: (u32, u32),
    last: u32,
}

/// The charts' data from row `r`, visible so a reader can check them:
/// direct hours by task group, and clients and hours by degree.
fn chart_data(
    ws: &mut Worksheet,
    mut r: u32,
    report: &AuditReport,
    refs: &SummaryRefs<'_>,
    lang: Lang,
    st: &Styles,
) -> Result<ChartData, XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let groups_first = r + 1;
    text(
        ws,
        r,
        0,
        l("Přímá péče podle skupin úkonů", "Direct care by task group"),
        &st.group,
    )?;
    text(ws, r, 1, l("hodin", "hours"), &st.group)?;
    let group_names = [
        l("a) péče o sebe", "a) self-care"),
        l("b) hygiena", "b) hygiene"),
        l("c) strava", "c) meals"),
        l("d) domácnost", "d) household"),
        l("e) kontakt se společností", "e) social contact"),
    ];
    for (g, name) in group_names.iter().enumerate() {
        r += 1;
        let secs: u64 = report.clients.iter().map(|c| c.group_seconds[g]).sum();
        text(ws, r, 0, name, &st.text)?;
        formula(
            ws,
            r,
            1,
            &format!(
                "SUM({})",
                refs.clients.col(super::clients::GROUPS + g as u16)
            ),
            &Cached::Num(hours(secs)),
            &st.hours,
        )?;
    }
    let groups_last = r;

    r += 2;
    let degrees_first = r + 1;
    text(
        ws,
        r,
        0,
        l("Podle stupně příspěvku na péči", "By care-allowance degree"),
        &st.group,
    )?;
    text(ws, r, 1, l("klienti", "clients"), &st.group)?;
    text(ws, r, 2, l("hodiny", "hours"), &st.group)?;
    for (d, cs, en) in catalog::DEGREES {
        r += 1;
        text(ws, r, 0, lang.pick(cs, en), &st.text)?;
        for (c, prefix) in [
            (1u16, "target.clients_by_degree."),
            (2, "target.hours_by_degree."),
        ] {
            let id = format!("{prefix}{d}");
            if let (Some(ind), Some(&row)) = (report.indicator(&id), refs.indicator_rows.get(&id)) {
                link_value(
                    ws,
                    r,
                    c,
                    ind,
                    row,
                    refs.indicators_sheet,
                    lang,
                    &st.percent,
                    st,
                )?;
            }
        }
    }
    let degrees_last = r;
    Ok(ChartData {
        groups: (groups_first, groups_last),
        degrees: (degrees_first, degrees_last),
        last: r,
    })
}

/// The charts, two by two to the right of the table.
fn charts(
    ws: &mut Worksheet,
    data: &ChartData,
    refs: &SummaryRefs<'_>,
    lang: Lang,
) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    let ((groups_first, groups_last), (degrees_first, degrees_last)) = (data.groups, data.degrees);
    let sheet = ws.name();
    let mut charts: Vec<Chart> = Vec::new();
    if let Some(costs) = refs.costs.filter(|c| c.count > 0) {
        let top = Rows {
            count: costs.count.min(10),
            ..costs.clone()
        };
        let mut c = Chart::new(ChartType::Pie);
        c.add_series()
            .set_categories(top.chart_range(co::CATEGORY))
            .set_values(top.chart_range(co::AMOUNT));
        c.title().set_name(l("Struktura nákladů", "Cost structure"));
        c.legend().set_position(ChartLegendPosition::Right);
        charts.push(c);
    }
    let mut c = Chart::new(ChartType::Bar);
    c.add_series()
        .set_name(l("hodin přímé péče", "direct hours"))
        .set_categories((sheet.as_str(), groups_first, 0, groups_last, 0))
        .set_values((sheet.as_str(), groups_first, 1, groups_last, 1));
    c.title()
        .set_name(l("Hodiny podle skupin úkonů", "Hours by task group"));
    c.legend().set_hidden();
    c.x_axis().set_num_format("#,##0");
    charts.push(c);

    let mut c = Chart::new(ChartType::Column);
    for (col, name) in [
        (1u16, l("podíl klientů", "share of clients")),
        (2, l("podíl hodin", "share of hours")),
    ] {
        c.add_series()
            .set_name(name)
            .set_categories((sheet.as_str(), degrees_first, 0, degrees_last, 0))
            .set_values((sheet.as_str(), degrees_first, col, degrees_last, col));
    }
    c.title().set_name(l(
        "Klienti a hodiny podle stupně PnP",
        "Clients and hours by degree",
    ));
    c.y_axis().set_num_format("0%");
    c.legend().set_position(ChartLegendPosition::Bottom);
    charts.push(c);

    if refs.months.count > 0 {
        let mut c = Chart::new(ChartType::Line);
        c.add_series()
            .set_name(l("hodin přímé péče", "direct hours"))
            .set_categories(refs.months.chart_range(mo::MONTH))
            .set_values(refs.months.chart_range(mo::DIRECT));
        if refs.costs.is_some() {
            c.add_series()
                .set_name(l("náklady na hodinu (Kč)", "cost per hour (CZK)"))
                .set_categories(refs.months.chart_range(mo::MONTH))
                .set_values(refs.months.chart_range(mo::COST_PER_HOUR))
                .set_secondary_axis(true);
            c.y2_axis().set_num_format(money_format(lang));
        }
        c.title().set_name(l("Měsíční vývoj", "Monthly trend"));
        c.x_axis().set_num_format("mm/yyyy");
        c.y_axis().set_num_format("#,##0");
        c.legend().set_position(ChartLegendPosition::Bottom);
        charts.push(c);
    }
    for (i, c) in charts.iter_mut().enumerate() {
        c.set_width(CHART_W).set_height(CHART_H);
        let row = CHART_ROW + (i as u32 / 2) * CHART_ROWS;
        let col = CHART_COL + (i as u16 % 2) * 8;
        ws.insert_chart(row, col, c)?;
    }

    Ok(())
}

/// One landscape A4 page through `last_row`.
fn print_setup(ws: &mut Worksheet, last_row: u32, lang: Lang) -> Result<(), XlsxError> {
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 1);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    ws.set_print_area(0, 0, last_row, LAST_COL + 7)?;
    ws.set_footer(format!(
        "&L{}&R&P / &N",
        l("homecare-audit: souhrn", "homecare-audit: summary")
    ));
    Ok(())
}

/// One headline row: label, value and status linked to `Ukazatele`, the
/// bound as text, and a note.
fn headline(
    ws: &mut Worksheet,
    r: u32,
    ind: &Indicator,
    row: u32,
    sheet: &str,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    text(ws, r, 0, &catalog::label(&ind.id, lang), &st.text)?;
    link_value(ws, r, 1, ind, row, sheet, lang, st.for_unit(ind.unit), st)?;
    if ind.unit != Unit::Share {
        text(ws, r, 2, ind.unit.label(lang), &st.text)?;
    }
    if let Some(b) = &ind.benchmark {
        if ind.value.is_some() {
            formula(
                ws,
                r,
                3,
                &cell_ref(sheet, row, STATUS),
                &Cached::Text(ind.status.label(lang).to_string()),
                &st.status,
            )?;
        }
        let show = |d: Decimal| match ind.unit {
            Unit::Share => percent(d, lang),
            _ => number(d, 2, lang),
        };
        let bound = match (b.min, b.max) {
            (Some(a), Some(z)) => format!("{} – {}", show(a), show(z)),
            (Some(a), None) => format!("≥ {}", show(a)),
            (None, Some(z)) => format!("≤ {}", show(z)),
            (None, None) => String::new(),
        };
        text(ws, r, 4, &bound, &st.text)?;
    }
    let note = match &ind.unavailable {
        Some(u) => u.get(lang).to_string(),
        None if ind.annualised => lang.pick("přepočteno na rok", "annualised").to_string(),
        None => String::new(),
    };
    if !note.is_empty() {
        text(ws, r, 5, &crate::display::clip(&note, 60), &st.muted)?;
    }
    Ok(())
}

/// A cell equal to an indicator's value on `Ukazatele`.
#[allow(clippy::too_many_arguments)]
fn link_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    ind: &Indicator,
    row: u32,
    sheet: &str,
    lang: Lang,
    fmt: &rust_xlsxwriter::Format,
    st: &Styles,
) -> Result<(), XlsxError> {
    match ind.value {
        Some(v) => formula(ws, r, c, &cell_ref(sheet, row, VALUE), &Cached::Num(v), fmt),
        None => text(ws, r, c, not_available(lang), &st.muted),
    }
}
