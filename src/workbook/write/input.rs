//! Writing a [`Dataset`] as an input workbook in the contract's layout: for
//! synthetic samples, benchmarks and round-trip tests. Reading the result
//! gives the same dataset back.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::model::Dataset;
use crate::workbook::schema::CLIENTS;
use crate::workbook::schema::{
    BENCHMARKS, COSTS, PRICES, REVENUES, SheetKind, TASKS, VISITS, WORKERS,
};

/// A cell written verbatim, for rows that are deliberately not what the
/// dataset holds (defects in a sample, tests of the reader).
#[derive(Clone, Debug, PartialEq)]
pub enum InputCell {
    /// Nothing.
    Empty,
    /// Text, written as text.
    Text(String),
    /// A plain number.
    Number(f64),
    /// A date cell.
    Date(NaiveDate),
    /// A time-of-day cell, seconds after midnight.
    Time(u32),
}

/// An input workbook to write: a dataset plus optional verbatim rows.
#[derive(Debug)]
pub struct InputWorkbook<'a> {
    dataset: &'a Dataset,
    extra_visits: Vec<Vec<InputCell>>,
    extra_sheets: Vec<(String, Vec<Vec<InputCell>>)>,
    visits: bool,
}

/// Excel's serial day number of a date (1900 system).
pub(crate) fn excel_serial(d: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (d - base).num_days() as f64
}

fn num(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

impl<'a> InputWorkbook<'a> {
    /// A workbook of `dataset`.
    pub fn new(dataset: &'a Dataset) -> InputWorkbook<'a> {
        InputWorkbook {
            dataset,
            extra_visits: Vec::new(),
            visits: true,
            extra_sheets: Vec::new(),
        }
    }

    /// Appends a row to `Výkazy` after the dataset's visits, cells in the
    /// column order of [`VISITS`].
    pub fn extra_visit_row(&mut self, cells: Vec<InputCell>) -> &mut Self {
        self.extra_visits.push(cells);
        self
    }

    /// Leaves the timesheet out (it is written elsewhere, e.g. as CSV by
    /// [`VisitsCsv`](crate::workbook::VisitsCsv)): the other sheets of a
    /// provider whose timesheet comes from the care software.
    pub fn without_visits(&mut self) -> &mut Self {
        self.visits = false;
        self
    }

    /// Appends a sheet of raw cells after the dataset's sheets, row by row
    /// from A1 (a header row first): a `Limity` sheet, say, or a sheet the
    /// reader should ignore.
    pub fn extra_sheet(&mut self, name: impl Into<String>, rows: Vec<Vec<InputCell>>) -> &mut Self {
        self.extra_sheets.push((name.into(), rows));
        self
    }

    /// Writes the workbook to `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), crate::Error> {
        super::save(self.build(), path.as_ref())
    }

    /// Writes the workbook to memory.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) from the writer.
    pub fn to_buffer(&self) -> Result<Vec<u8>, crate::Error> {
        super::to_buffer(self.build())
    }

    fn build(&self) -> Result<Workbook, XlsxError> {
        let ds = self.dataset;
        let mut wb = Workbook::new();
        let f = Formats {
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("d. m. yyyy"),
            time: Format::new().set_num_format("h:mm"),
        };

        provider_sheet(&mut wb, ds, &f)?;
        tasks_sheet(&mut wb, ds, &f)?;
        workers_sheet(&mut wb, ds, &f)?;
        clients_sheet(&mut wb, ds, &f)?;
        if self.visits {
            visits_sheet(&mut wb, ds, &self.extra_visits, &f)?;
        }
        prices_sheet(&mut wb, ds, &f)?;
        costs_sheet(&mut wb, ds, &f)?;
        revenues_sheet(&mut wb, ds, &f)?;
        benchmarks_sheet(&mut wb, ds, &f)?;
        model_sheet(&mut wb, ds, &f)?;
        area_sheet(&mut wb, ds, &f)?;
        applicants_sheet(&mut wb, ds, &f)?;
        for (name, rows) in &self.extra_sheets {
            let ws = wb.add_worksheet();
            ws.set_name(name)?;
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    write_cell(ws, r as u32, c as u16, cell, &f)?;
                }
            }
        }
        Ok(wb)
    }
}

struct Formats {
    bold: Format,
    date: Format,
    time: Format,
}

pub(super) fn header<'w>(
    wb: &'w mut Workbook,
    kind: SheetKind,
    cols: &[crate::workbook::schema::Column],
    bold: &Format,
) -> Result<&'w mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(kind.cs())?;
    for (i, col) in cols.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, col.cs, bold)?;
    }
    Ok(ws)
}

fn opt(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<InputCell>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match v {
        Some(v) => write_cell(ws, r, c, &v, f),
        None => Ok(()),
    }
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: &InputCell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match v {
        InputCell::Empty => {}
        InputCell::Text(s) => {
            ws.write_string(r, c, s)?;
        }
        InputCell::Number(n) => {
            ws.write_number(r, c, *n)?;
        }
        InputCell::Date(d) => {
            ws.write_number_with_format(r, c, excel_serial(*d), &f.date)?;
        }
        InputCell::Time(s) => {
            ws.write_number_with_format(r, c, f64::from(*s) / 86_400.0, &f.time)?;
        }
    }
    Ok(())
}

fn unit_code(u: crate::TaskUnit) -> &'static str {
    match u {
        crate::TaskUnit::Hour => "hod",
        crate::TaskUnit::Act => "úkon",
        crate::TaskUnit::Kg => "kg",
        crate::TaskUnit::Portion => "porce",
        crate::TaskUnit::Km => "km",
    }
}

/// `Poskytovatel`: one key and value a row.
fn provider_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    // Poskytovatel
    let ws = wb.add_worksheet();
    ws.set_name(SheetKind::Provider.cs())?;
    let p = &ds.provider;
    ws.write_string_with_format(0, 0, "Údaj", &f.bold)?;
    ws.write_string_with_format(0, 1, "Hodnota", &f.bold)?;
    let mut r = 1;
    let mut kv = |ws: &mut Worksheet, k: &str, v: InputCell| -> Result<(), XlsxError> {
        ws.write_string(r, 0, k)?;
        write_cell(ws, r, 1, &v, f)?;
        r += 1;
        Ok(())
    };
    kv(ws, "Název", InputCell::Text(p.name.clone()))?;
    if let Some(ico) = &p.ico {
        kv(ws, "IČO", InputCell::Text(ico.clone()))?;
    }
    if let Some(reg) = &p.registration_id {
        kv(ws, "Registrační číslo", InputCell::Text(reg.clone()))?;
    }
    if let Some(region) = &p.region {
        kv(ws, "Kraj", InputCell::Text(region.clone()))?;
    }
    if let Some(period) = p.period {
        kv(ws, "Období od", InputCell::Date(period.from))?;
        kv(ws, "Období do", InputCell::Date(period.to))?;
    }
    kv(
        ws,
        "Týdenní pracovní doba",
        InputCell::Number(num(p.weekly_hours)),
    )?;
    kv(
        ws,
        "Veřejný zaměstnavatel",
        InputCell::Text(if p.public_employer { "ano" } else { "ne" }.into()),
    )?;
    if let Some(m) = &p.municipality {
        kv(ws, "Obec", InputCell::Text(m.clone()))?;
    }
    if let Some(fte) = p.network_fte {
        kv(ws, "Kapacita v síti (úvazky)", InputCell::Number(num(fte)))?;
    }
    if let Some(n) = p.capacity_clients {
        kv(
            ws,
            "Kapacita (klienti)",
            InputCell::Number(num(Decimal::from(n))),
        )?;
    }
    if let Some(z) = p.reasonable_profit {
        kv(ws, "Přiměřený zisk", InputCell::Number(num(z)))?;
    }
    Ok(())
}

/// `Úkony`: the provider's own codes only (none: no sheet).
fn tasks_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    // Úkony: the provider's own codes only.
    let own: Vec<_> = ds.tasks.tasks().iter().filter(|t| !t.builtin).collect();
    if !own.is_empty() {
        let ws = header(wb, SheetKind::Tasks, TASKS, &f.bold)?;
        for (i, t) in own.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &t.code)?;
            ws.write_string(r, 1, &t.name)?;
            ws.write_string(r, 2, t.kind.code())?;
            ws.write_string(r, 3, unit_code(t.unit))?;
        }
    }
    Ok(())
}

/// `Pracovníci`.
fn workers_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    // Pracovníci
    let ws = header(wb, SheetKind::Workers, WORKERS, &f.bold)?;
    for (i, w) in ds.workers.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &w.id)?;
        ws.write_string(r, 1, w.role.code())?;
        ws.write_number(r, 2, num(w.fte))?;
        opt(
            ws,
            r,
            3,
            w.weekly_hours.map(|h| InputCell::Number(num(h))),
            f,
        )?;
        opt(ws, r, 4, w.employed_from.map(InputCell::Date), f)?;
        opt(ws, r, 5, w.employed_to.map(InputCell::Date), f)?;
        opt(
            ws,
            r,
            6,
            w.absence.map(|s| InputCell::Number(s as f64 / 3600.0)),
            f,
        )?;
        opt(
            ws,
            r,
            7,
            w.training.map(|s| InputCell::Number(s as f64 / 3600.0)),
            f,
        )?;
        opt(
            ws,
            r,
            8,
            w.personnel_cost.map(|c| InputCell::Number(num(c))),
            f,
        )?;
        opt(ws, r, 9, w.municipality.clone().map(InputCell::Text), f)?;
    }
    Ok(())
}

/// `Klienti`.
fn clients_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    // Klienti
    let ws = header(wb, SheetKind::Clients, CLIENTS, &f.bold)?;
    let yes_no = |b: Option<bool>| b.map(|b| InputCell::Text(if b { "ano" } else { "ne" }.into()));
    for (i, c) in ds.clients.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &c.id)?;
        opt(
            ws,
            r,
            1,
            c.birth_year.map(|y| InputCell::Number(f64::from(y))),
            f,
        )?;
        opt(
            ws,
            r,
            2,
            c.care_allowance.map(|d| {
                InputCell::Text(
                    if d == crate::CareDegree::None {
                        "bez"
                    } else {
                        d.id()
                    }
                    .into(),
                )
            }),
            f,
        )?;
        opt(ws, r, 3, yes_no(c.lives_alone), f)?;
        opt(ws, r, 4, yes_no(c.at_risk), f)?;
        opt(ws, r, 5, yes_no(c.fee_exempt), f)?;
        opt(ws, r, 6, c.municipality.clone().map(InputCell::Text), f)?;
        opt(ws, r, 7, c.contract_from.map(InputCell::Date), f)?;
        opt(ws, r, 8, c.contract_to.map(InputCell::Date), f)?;
    }
    Ok(())
}

/// `Ceník`, when there is a price list.
fn prices_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    // Ceník
    if !ds.prices.is_empty() {
        let ws = header(wb, SheetKind::Prices, PRICES, &f.bold)?;
        for (i, p) in ds.prices.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &ds.task(p.task).code)?;
            ws.write_number(r, 1, num(p.price))?;
            opt(ws, r, 2, p.valid_from.map(InputCell::Date), f)?;
        }
    }
    Ok(())
}

/// `Náklady`, when costs were given.
fn costs_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    if let Some(costs) = &ds.costs {
        let ws = header(wb, SheetKind::Costs, COSTS, &f.bold)?;
        for (i, c) in costs.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, c.category.code())?;
            ws.write_string(
                r,
                1,
                match c.group {
                    crate::CostGroup::Personnel => "osobní",
                    crate::CostGroup::Operating => "provozní",
                },
            )?;
            ws.write_number(r, 2, num(c.amount))?;
            opt(ws, r, 3, c.note.clone().map(InputCell::Text), f)?;
            let eligible = c
                .eligible
                .map(|e| InputCell::Text(if e { "ano" } else { "ne" }.into()));
            opt(ws, r, 4, eligible, f)?;
        }
    }
    Ok(())
}

/// `Výnosy`, when revenues were given.
fn revenues_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    if let Some(revenues) = &ds.revenues {
        let ws = header(wb, SheetKind::Revenues, REVENUES, &f.bold)?;
        for (i, line) in revenues.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, line.source.code())?;
            ws.write_number(r, 1, num(line.amount))?;
        }
    }
    Ok(())
}

/// `Benchmarky`, when the dataset carries benchmark rows.
fn benchmarks_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    if !ds.benchmarks.is_empty() {
        let ws = header(wb, SheetKind::Benchmarks, BENCHMARKS, &f.bold)?;
        for (i, b) in ds.benchmarks.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &b.indicator)?;
            ws.write_string(r, 1, &b.region)?;
            opt(ws, r, 2, b.valid_from.map(InputCell::Date), f)?;
            opt(ws, r, 3, b.valid_to.map(InputCell::Date), f)?;
            for (c, v) in [(4u16, b.min), (5, b.max), (6, b.target)] {
                opt(ws, r, c, v.map(|v| InputCell::Number(num(v))), f)?;
            }
            ws.write_string(r, 7, &b.source)?;
        }
    }
    Ok(())
}

/// `Model`, when normative parameters were given.
fn model_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    if let Some(p) = &ds.normative {
        let ws = header(
            wb,
            SheetKind::Model,
            crate::workbook::schema::MODEL,
            &f.bold,
        )?;
        let mut r = 1;
        for s in crate::model::NORMATIVE_PARAMS {
            let Some(v) = p.get(s.id) else { continue };
            ws.write_string(r, 0, s.id)?;
            ws.write_number(r, 1, num(v))?;
            if let Some(src) = p.sources.get(s.id) {
                ws.write_string(r, 2, src)?;
            }
            r += 1;
        }
    }
    Ok(())
}

/// `Území`, when the area was given.
fn area_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    if let Some(area) = &ds.area {
        let ws = header(wb, SheetKind::Area, crate::workbook::schema::AREA, &f.bold)?;
        let n = |v: u64| InputCell::Number(v as f64);
        for (i, a) in area.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &a.municipality)?;
            ws.write_number(r, 1, a.residents_65 as f64)?;
            ws.write_number(r, 2, a.residents_80 as f64)?;
            opt(ws, r, 3, a.residents_total.map(n), f)?;
            opt(ws, r, 4, a.allowance_65.map(n), f)?;
            opt(ws, r, 5, a.source.clone().map(InputCell::Text), f)?;
        }
    }
    Ok(())
}

/// `Žadatelé`, when the applicants were given.
fn applicants_sheet(wb: &mut Workbook, ds: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    if let Some(list) = &ds.applicants {
        let ws = header(
            wb,
            SheetKind::Applicants,
            crate::workbook::schema::APPLICANTS,
            &f.bold,
        )?;
        for (i, a) in list.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, &a.id)?;
            opt(ws, r, 1, Some(InputCell::Date(a.applied)), f)?;
            ws.write_string(r, 2, a.outcome.label().0)?;
            opt(
                ws,
                r,
                3,
                a.reason.map(|x| InputCell::Text(x.letter().into())),
                f,
            )?;
            opt(ws, r, 4, a.decided.map(InputCell::Date), f)?;
            opt(ws, r, 5, a.municipality.clone().map(InputCell::Text), f)?;
            let degree = a.care_allowance.map(|d| {
                InputCell::Text(
                    if d == crate::CareDegree::None {
                        "bez"
                    } else {
                        d.id()
                    }
                    .into(),
                )
            });
            opt(ws, r, 6, degree, f)?;
        }
    }
    Ok(())
}

/// `Výkazy`, then the extra rows (invalid ones for tests) after the
/// dataset's.
fn visits_sheet(
    wb: &mut Workbook,
    ds: &Dataset,
    extra: &[Vec<InputCell>],
    f: &Formats,
) -> Result<(), XlsxError> {
    // Výkazy: rows streamed in order, strings in the shared table as
    // Excel writes them (low-memory mode; constant-memory mode would
    // write inline strings, which no spreadsheet program produces).
    let ws = wb.add_worksheet_with_low_memory()?;
    ws.set_name(SheetKind::Visits.cs())?;
    for (i, col) in VISITS.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, col.cs, &f.bold)?;
    }
    let mut r = 1u32;
    for v in &ds.visits {
        ws.write_number_with_format(r, 0, excel_serial(v.date), &f.date)?;
        ws.write_string(r, 1, &ds.worker(v.worker).id)?;
        if let Some(c) = v.client {
            ws.write_string(r, 2, &ds.client(c).id)?;
        }
        ws.write_string(r, 3, &ds.task(v.task).code)?;
        if let Some(s) = v.start {
            write_cell(ws, r, 4, &InputCell::Time(s), f)?;
            let end = (s + v.duration) % 86_400;
            if end == 0 && v.duration > 0 {
                ws.write_string(r, 5, "24:00")?;
            } else {
                write_cell(ws, r, 5, &InputCell::Time(end), f)?;
            }
        }
        ws.write_number(r, 6, f64::from(v.duration) / 60.0)?;
        if v.quantity != Decimal::ONE {
            ws.write_number(r, 7, num(v.quantity))?;
        }
        if v.travel > 0 {
            ws.write_number(r, 8, f64::from(v.travel) / 60.0)?;
        }
        if let Some(fee) = v.fee {
            ws.write_number(r, 9, num(fee))?;
        }
        r += 1;
    }
    for row in extra {
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, r, c as u16, cell, f)?;
        }
        r += 1;
    }
    Ok(())
}
