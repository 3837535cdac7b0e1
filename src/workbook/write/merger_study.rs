//! The comparison workbook's `Sloučení` sheet as the study a council reads:
//! the assumptions with their sources, then each effect (or why it is not
//! available), then the indicators of each former service and of the
//! merged service before and after the effects.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::report::cell::{not_available, num, text};
use super::report::style::Styles;
use crate::compare::{MergerEffect, MergerStudy};
use crate::display::date;
use crate::i18n::{Lang, Text};
use crate::indicator::catalog;

/// Characters a line of the value and the source columns holds (about the
/// column widths, 22 and 36, less a margin).
const VALUE_CHARS: usize = 20;
const SOURCE_CHARS: usize = 34;

/// Writes the sheet down its rows; `r` is the next row.
struct Sheet<'a, 'w> {
    ws: &'w mut Worksheet,
    st: &'a Styles,
    lang: Lang,
    r: u32,
}

impl Sheet<'_, '_> {
    fn l<'s>(&self, cs: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(cs, en)
    }

    fn heading(&mut self, cs: &str, en: &str) -> Result<(), XlsxError> {
        self.r += 1;
        let t = self.l(cs, en).to_string();
        text(self.ws, self.r, 0, &t, &self.st.subtitle)?;
        self.r += 1;
        Ok(())
    }

    fn header(&mut self, cells: &[(&str, &str)]) -> Result<(), XlsxError> {
        for (c, (cs, en)) in cells.iter().enumerate() {
            let t = self.l(cs, en).to_string();
            text(self.ws, self.r, c as u16, &t, &self.st.header)?;
        }
        // Two wrapped lines of a column label.
        self.ws.set_row_height(self.r, 30)?;
        self.r += 1;
        Ok(())
    }

    fn value(&mut self, col: u16, v: Option<Decimal>, fmt: &Format) -> Result<(), XlsxError> {
        match v {
            Some(v) => num(self.ws, self.r, col, v, fmt),
            None => text(self.ws, self.r, col, "–", &self.st.muted),
        }
    }

    /// A label and one figure.
    fn line(
        &mut self,
        cs: &str,
        en: &str,
        v: Option<Decimal>,
        fmt: &Format,
    ) -> Result<(), XlsxError> {
        let t = self.l(cs, en).to_string();
        text(self.ws, self.r, 0, &t, &self.st.text)?;
        self.value(1, v, fmt)?;
        self.r += 1;
        Ok(())
    }

    fn note(&mut self, t: &Text) -> Result<(), XlsxError> {
        text(self.ws, self.r, 0, t.get(self.lang), &self.st.muted)?;
        self.r += 1;
        Ok(())
    }

    /// The effect's reason in place of its figures; true when worked out.
    fn available<T>(&mut self, e: &MergerEffect<T>) -> Result<bool, XlsxError> {
        if let MergerEffect::NotAvailable(why) = e {
            not_available(
                self.ws,
                self.r,
                0,
                self.lang,
                "nelze spočítat",
                Some(why),
                &self.st.muted,
            )?;
            self.r += 1;
            return Ok(false);
        }
        Ok(true)
    }
}

/// Writes the study.
pub(crate) fn write(
    ws: &mut Worksheet,
    study: &MergerStudy,
    st: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_column_width(0, 46)?;
    for c in 1..=8 {
        ws.set_column_width(c, 15)?;
    }
    // The assumptions' values and sources wrap in columns of their own.
    ws.set_column_width(1, 22)?;
    ws.set_column_width(3, 36)?;
    let mut s = Sheet { ws, st, lang, r: 0 };
    let title = s.l("Studie sloučení", "Merger study").to_string();
    text(s.ws, 0, 0, &title, &st.title)?;
    text(s.ws, 1, 0, &study.parts.join(" + "), &st.text)?;
    s.r = 2;
    assumptions(&mut s, study)?;
    cells(&mut s, study)?;
    prices(&mut s, study)?;
    staff(&mut s, study)?;
    management(&mut s, study)?;
    travel(&mut s, study)?;
    shared_costs(&mut s, study)?;
    indicators(&mut s, study)
}

fn assumptions(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading("Předpoklady", "Assumptions")?;
    s.header(&[
        ("Předpoklad", "Assumption"),
        ("Hodnota", "Value"),
        ("", ""),
        ("Zdroj", "Source"),
    ])?;
    for a in &study.assumptions {
        text(s.ws, s.r, 0, a.label.get(s.lang), &s.st.text)?;
        text(s.ws, s.r, 1, a.value.get(s.lang), &s.st.wrap)?;
        text(s.ws, s.r, 3, a.source.get(s.lang), &s.st.wrap)?;
        // As many lines as the longer of the two texts needs.
        let n = wrapped_lines(a.value.get(s.lang), VALUE_CHARS)
            .max(wrapped_lines(a.source.get(s.lang), SOURCE_CHARS));
        s.ws.set_row_height(s.r, 15.0 * n as f64)?;
        s.r += 1;
    }
    for n in &study.merge.notes {
        s.note(n)?;
    }
    Ok(())
}

/// The merger workbook's rows: counted per sheet, then each rejected one
/// with its place, value, reason and the assumption it was meant to state.
fn cells(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    let c = &study.cells;
    if c.rows.is_empty() {
        return Ok(());
    }
    s.r += 1;
    s.header(&[
        ("List sešitu sloučení", "Sheet of the merger workbook"),
        ("Řádků", "Rows"),
        ("Přijato", "Accepted"),
        ("Odmítnuto", "Rejected"),
    ])?;
    let count = &s.st.count;
    for (sheet, n) in &c.rows {
        text(s.ws, s.r, 0, sheet, &s.st.text)?;
        num(s.ws, s.r, 1, Decimal::from(n.read), count)?;
        num(s.ws, s.r, 2, Decimal::from(n.accepted), count)?;
        num(s.ws, s.r, 3, Decimal::from(n.rejected), count)?;
        s.r += 1;
    }
    if c.rejected.is_empty() {
        return Ok(());
    }
    s.r += 1;
    s.header(&[
        ("Odmítnutá buňka", "Rejected cell"),
        ("Hodnota", "Value"),
        ("", ""),
        ("Důvod", "Reason"),
    ])?;
    for cell in &c.rejected {
        let reason = cell.problem.reason.message(s.lang);
        let meant = match cell.assumption {
            Some(id) => study
                .assumptions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.label.get(s.lang).to_string()),
            None => None,
        };
        let reason = match meant {
            Some(label) => format!("{reason} ({label})"),
            None => reason,
        };
        text(s.ws, s.r, 0, &cell.problem.place.to_string(), &s.st.text)?;
        text(s.ws, s.r, 1, &cell.problem.raw, &s.st.wrap)?;
        text(s.ws, s.r, 3, &reason, &s.st.wrap)?;
        let n =
            wrapped_lines(&cell.problem.raw, VALUE_CHARS).max(wrapped_lines(&reason, SOURCE_CHARS));
        s.ws.set_row_height(s.r, 15.0 * n as f64)?;
        s.r += 1;
    }
    Ok(())
}

/// Lines a text wraps to in a column of `width` characters (a
/// spreadsheet does not size wrapped rows on opening).
fn wrapped_lines(t: &str, width: usize) -> usize {
    t.chars().count().div_ceil(width).max(1)
}

fn prices(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading(
        "1. Jeden ceník: úhrady klientů",
        "1. One price list: clients' fees",
    )?;
    if !s.available(&study.prices)? {
        return Ok(());
    }
    let Some(p) = study.prices.worked() else {
        return Ok(());
    };
    let money = &s.st.money;
    s.line(
        "Úhrady dnes (podle ceníků služeb)",
        "Fees today (each service's list)",
        Some(p.revenue_before),
        money,
    )?;
    s.line(
        "Úhrady po sloučení (jednotný ceník)",
        "Fees after (one list)",
        Some(p.revenue_after),
        money,
    )?;
    s.line("Změna", "Change", Some(p.change), money)?;
    if !p.unknown_codes.is_empty() {
        let codes = p.unknown_codes.join(", ");
        s.note(&Text::new(
            format!("zadaný ceník obsahuje úkony, které žádná služba nemá: {codes}"),
            format!("the stated list has tasks no service has: {codes}"),
        ))?;
    }
    if matches!(&p.rule, crate::compare::PriceRule::Given(l) if l.is_empty()) {
        s.note(&Text::new(
            "zadaný ceník je prázdný (chybí list Jednotný ceník): ceny zůstávají ceny služeb",
            "the stated list is empty (no Jednotný ceník sheet): each service keeps its prices",
        ))?;
    }
    s.line(
        "Zaznamenané úhrady týchž návštěv",
        "Recorded fees of the same visits",
        Some(p.recorded),
        money,
    )?;
    s.r += 1;
    s.header(&[
        ("Služba", "Service"),
        ("Klientů", "Clients"),
        ("Dnes", "Today"),
        ("Po", "After"),
        ("Změna", "Change"),
        ("Na klienta", "Per client"),
        ("Nejvíce dotčený klient", "Client most affected"),
        ("Jeho změna", "Their change"),
    ])?;
    for part in &p.by_part {
        text(s.ws, s.r, 0, &part.part, &s.st.text)?;
        num(s.ws, s.r, 1, Decimal::from(part.clients), &s.st.count)?;
        num(s.ws, s.r, 2, part.before, money)?;
        num(s.ws, s.r, 3, part.after, money)?;
        num(s.ws, s.r, 4, part.change, money)?;
        s.value(5, part.change_per_client, money)?;
        if let Some(c) = &part.most_changed {
            text(s.ws, s.r, 6, &c.client, &s.st.text)?;
            num(s.ws, s.r, 7, c.change, money)?;
        }
        s.r += 1;
    }
    s.r += 1;
    s.header(&[("Úkon", "Task"), ("Cena po", "Price after")])?;
    // Each service's price today beside the merged one.
    let today = s.l("dnes", "today").to_string();
    for (i, part) in p.by_part.iter().enumerate() {
        let label = format!("{} ({today})", part.part);
        text(s.ws, s.r - 1, 2 + i as u16, &label, &s.st.header)?;
    }
    s.ws.set_row_height(s.r - 1, 60)?;
    for item in &p.list {
        text(s.ws, s.r, 0, &item.code, &s.st.text)?;
        match item.price {
            Some(v) => num(s.ws, s.r, 1, v, money)?,
            None => {
                let t = s
                    .l(
                        "limit ke dni / ceník služby",
                        "cap on the day / the service's list",
                    )
                    .to_string();
                text(s.ws, s.r, 1, &t, &s.st.muted)?
            }
        }
        for (i, t) in item.today.iter().enumerate() {
            s.value(2 + i as u16, *t, money)?;
        }
        s.r += 1;
    }
    Ok(())
}

fn staff(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading("2. Jeden tým pečovatelů", "2. One pool of care workers")?;
    if !s.available(&study.staff)? {
        return Ok(());
    }
    let Some(e) = study.staff.worked() else {
        return Ok(());
    };
    s.header(&[
        ("Služba", "Service"),
        ("Úvazky PSS dnes", "PSS FTE today"),
        ("Přímé hodiny týdne", "Direct hours of the week"),
        ("Týden od", "Week from"),
        ("Dostupné h / úvazek / týden", "Available h / FTE / week"),
        ("Potřeba úvazků", "FTE needed"),
    ])?;
    let dec = &s.st.decimal;
    for line in e.by_part.iter().chain([&e.merged]) {
        text(s.ws, s.r, 0, &line.part, &s.st.text)?;
        num(s.ws, s.r, 1, line.fte_today, dec)?;
        num(s.ws, s.r, 2, line.planned_week_hours, dec)?;
        if let Some(w) = line.peak_week {
            text(s.ws, s.r, 3, &date(w, s.lang), &s.st.text)?;
        }
        num(s.ws, s.r, 4, line.available_per_fte_week, dec)?;
        num(s.ws, s.r, 5, line.fte_needed, dec)?;
        s.r += 1;
    }
    s.r += 1;
    // Today, the services planned apart at the target, and the pool: the
    // merger's own effect is merged − apart; merged − today also holds the
    // planning at the target, which needs no merger.
    s.header(&[
        ("Pečovatelé (PSS)", "Care workers (PSS)"),
        ("Dnes", "Today"),
        ("Služby zvlášť", "Services apart"),
        ("Sloučeno", "Merged"),
    ])?;
    text(s.ws, s.r, 0, s.l("Úvazky", "FTE"), &s.st.text)?;
    num(s.ws, s.r, 1, e.merged.fte_today, dec)?;
    num(s.ws, s.r, 2, e.needed_separately, dec)?;
    num(s.ws, s.r, 3, e.merged.fte_needed, dec)?;
    s.r += 1;
    let money = &s.st.money;
    let cost = |fte: Decimal| e.cost_per_fte.map(|c| c * fte);
    text(
        s.ws,
        s.r,
        0,
        s.l("Osobní náklady za období", "Personnel cost over the period"),
        &s.st.text,
    )?;
    s.value(1, cost(e.merged.fte_today), money)?;
    s.value(2, cost(e.needed_separately), money)?;
    s.value(3, cost(e.merged.fte_needed), money)?;
    s.r += 1;
    s.line(
        "Sloučení oproti službám zvlášť: úvazky (účinek sloučení)",
        "Merged against the services apart: FTE (the merger's own effect)",
        Some(e.change_vs_separate),
        dec,
    )?;
    s.line(
        "Sloučení oproti službám zvlášť: osobní náklady",
        "Merged against the services apart: personnel cost",
        e.cost_change_vs_separate,
        money,
    )?;
    s.line(
        "Sloučení oproti dnešku: úvazky (včetně plánování na cílové vytížení)",
        "Merged against today: FTE (with planning at the target)",
        Some(e.change_vs_today),
        dec,
    )?;
    s.line(
        "Sloučení oproti dnešku: osobní náklady",
        "Merged against today: personnel cost",
        e.cost_change_vs_today,
        money,
    )?;
    s.line(
        "Osobní náklady na úvazek PSS za období",
        "Personnel cost per PSS FTE over the period",
        e.cost_per_fte,
        money,
    )?;
    Ok(())
}

fn management(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading("3. Jedno vedení", "3. One management")?;
    if !s.available(&study.management)? {
        return Ok(());
    }
    let Some(e) = study.management.worked() else {
        return Ok(());
    };
    s.line(
        "Klientů sloučené služby",
        "Clients of the merged service",
        Some(Decimal::from(e.clients)),
        &s.st.count,
    )?;
    s.header(&[
        ("Role", "Role"),
        ("Úvazky dnes", "FTE today"),
        ("Náklady dnes", "Cost today"),
        ("Úvazky po", "FTE after"),
        ("Náklady po", "Cost after"),
        ("Změna nákladů", "Cost change"),
    ])?;
    let (dec, money) = (&s.st.decimal, &s.st.money);
    for l in &e.lines {
        let role = if l.stated {
            l.role.code().to_string()
        } else {
            format!("{} ({})", l.role.code(), s.l("beze změny", "unchanged"))
        };
        text(s.ws, s.r, 0, &role, &s.st.text)?;
        num(s.ws, s.r, 1, l.fte_today, dec)?;
        s.value(2, l.cost_today, money)?;
        num(s.ws, s.r, 3, l.fte_after, dec)?;
        s.value(4, l.cost_after, money)?;
        s.value(5, l.change_cost, money)?;
        s.r += 1;
    }
    s.line(
        "Úspora (dnes − po)",
        "Saving (today − after)",
        e.saving,
        money,
    )?;
    for n in &e.notes {
        s.note(n)?;
    }
    Ok(())
}

fn travel(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading("4. Cesty mezi obcemi", "4. Travel across towns")?;
    if !s.available(&study.travel)? {
        return Ok(());
    }
    let Some(e) = study.travel.worked() else {
        return Ok(());
    };
    let count = &s.st.count;
    s.line(
        "Návštěvy přes hranici obce dnes",
        "Visits across a municipal boundary today",
        Some(Decimal::from(e.cross_today)),
        count,
    )?;
    s.line(
        "Návštěvy přes hranici obce po",
        "Visits across a boundary after",
        Some(Decimal::from(e.cross_pooled)),
        count,
    )?;
    s.line(
        "Minut cesty na hodinu kontaktu dnes",
        "Travel minutes per contact hour today",
        e.minutes_per_hour_today,
        &s.st.decimal,
    )?;
    s.line(
        "Minut cesty na hodinu kontaktu po",
        "Travel minutes per contact hour after",
        e.minutes_per_hour_pooled,
        &s.st.decimal,
    )?;
    s.header(&[
        ("Obec klienta", "Client's municipality"),
        ("Návštěv", "Visits"),
        ("Hodin kontaktu", "Contact hours"),
        ("Přes hranici dnes", "Across today"),
        ("Středisko po", "Base after"),
        ("Přes hranici po", "Across after"),
        ("Min/h dnes", "Min/h today"),
        ("Min/h po", "Min/h after"),
        ("Min/h zaznamenané", "Min/h recorded"),
    ])?;
    let dec = &s.st.decimal;
    for m in &e.by_municipality {
        text(s.ws, s.r, 0, &m.municipality, &s.st.text)?;
        num(s.ws, s.r, 1, Decimal::from(m.visits), count)?;
        num(s.ws, s.r, 2, m.contact_hours, dec)?;
        num(s.ws, s.r, 3, Decimal::from(m.cross_today), count)?;
        text(
            s.ws,
            s.r,
            4,
            m.pooled_base.as_deref().unwrap_or("–"),
            &s.st.text,
        )?;
        num(s.ws, s.r, 5, Decimal::from(m.cross_pooled), count)?;
        s.value(6, m.minutes_per_hour_today, dec)?;
        s.value(7, m.minutes_per_hour_pooled, dec)?;
        num(s.ws, s.r, 8, m.recorded_minutes_per_hour, dec)?;
        s.r += 1;
    }
    for (a, b) in &e.missing_pairs {
        let t = Text::new(
            format!("v tabulce Vzdálenosti chybí {a} – {b}: obec se neporovnává"),
            format!("the Vzdálenosti table lacks {a} – {b}: the municipality is not compared"),
        );
        s.note(&t)?;
    }
    for (part, n) in study.parts.iter().zip(&e.unknown_by_part) {
        if *n > 0 {
            s.note(&Text::new(
                format!(
                    "{part}: {n} {} bez obce klienta nebo pracovníka, v účinku {}",
                    visits_cs(*n),
                    if *n == 1 { "není" } else { "nejsou" }
                ),
                format!("{part}: {n} visits without the client's or the worker's municipality, not in the effect"),
            ))?;
        }
    }
    s.line(
        "Změna času cest podle tabulky (h)",
        "Change of travel by the table (h)",
        Some(e.change_hours_table),
        dec,
    )?;
    s.line(
        "Změna přenesená do záznamů „po“ (h; cesta návštěvy nejvýše na 0)",
        "Change carried into the records after (h; a visit's travel not below 0)",
        Some(e.change_hours_applied),
        dec,
    )?;
    Ok(())
}

/// `návštěva`, `návštěvy`, `návštěv` after a count, as Czech counts them.
fn visits_cs(n: u64) -> &'static str {
    match n {
        1 => "návštěva",
        2..=4 => "návštěvy",
        _ => "návštěv",
    }
}

fn shared_costs(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading("5. Sdílené náklady řízení", "5. Shared management costs")?;
    if !s.available(&study.shared_costs)? {
        return Ok(());
    }
    let Some(e) = study.shared_costs.worked() else {
        return Ok(());
    };
    let money = &s.st.money;
    s.line(
        "Náklady služeb celkem (před)",
        "The services' costs in all (before)",
        Some(e.cost_before),
        money,
    )?;
    let cats = e.categories.join(", ");
    let (cs, en) = (
        format!("z toho sdílené řízení ({cats})"),
        format!("of which shared management ({cats})"),
    );
    s.line(&cs, &en, Some(e.shared_before), money)?;
    s.line(
        "Stanovená úspora (podíl)",
        "Stated saving (share)",
        Some(e.reduction),
        &s.st.percent,
    )?;
    s.line("Úspora", "Saving", Some(e.saving), money)?;
    s.line(
        "Náklady po úspoře",
        "Costs after the saving",
        Some(e.cost_after),
        money,
    )?;
    Ok(())
}

fn indicators(s: &mut Sheet<'_, '_>, study: &MergerStudy) -> Result<(), XlsxError> {
    s.heading(
        "Ukazatele služeb a sloučené služby před a po",
        "Indicators of the services and of the merged service before and after",
    )?;
    for n in &study.after_notes {
        s.note(n)?;
    }
    let label = s.l("Ukazatel", "Indicator").to_string();
    text(s.ws, s.r, 0, &label, &s.st.header)?;
    for (i, c) in study.indicators.iter().enumerate() {
        let name = match c.kind {
            "merged_before" => format!("{} ({})", c.name, s.l("před", "before")),
            _ => c.name.clone(),
        };
        text(s.ws, s.r, 1 + i as u16, &name, &s.st.header)?;
    }
    s.ws.set_row_height(s.r, 45)?;
    s.r += 1;
    for (id, unit) in catalog::all_ids() {
        text(s.ws, s.r, 0, &catalog::label(&id, s.lang), &s.st.text)?;
        let fmt = s.st.for_unit(unit).clone();
        for (i, c) in study.indicators.iter().enumerate() {
            let v = c.values.get(&id).copied().flatten();
            s.value(1 + i as u16, v, &fmt)?;
        }
        s.r += 1;
    }
    Ok(())
}
