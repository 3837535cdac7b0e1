//! A merger workbook: a study's assumptions written as the `Sloučení`,
//! `Vzdálenosti` and `Jednotný ceník` sheets that
//! [`read_merger_path`](crate::workbook::read_merger_path) reads back.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::report::cell::{num, text};
use crate::law::EightyHourRule;
use crate::model::{Merger, PriceRule, Roster, StaffingBasis};
use crate::workbook::schema::{Column, DISTANCES, MERGED_PRICES, MERGER, SheetKind};

/// Writes a merger workbook from a [`Merger`]: one row per assumption,
/// with the source of each (its entry in [`Merger::sources`], else
/// "example"), ready to be edited by the council's auditor.
///
/// ```
/// use homecare_audit::compare::{Merger, PriceRule};
/// use homecare_audit::workbook::{MergerWorkbook, ReadOptions, read_merger_bytes};
/// let mut m = Merger::default();
/// m.price_rule = PriceRule::Highest;
/// let bytes = MergerWorkbook::new(&m).to_buffer()?;
/// let (back, problems) = read_merger_bytes(&bytes, &ReadOptions::default())?;
/// assert!(problems.no_rejections());
/// assert_eq!(back.price_rule, PriceRule::Highest);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct MergerWorkbook<'a> {
    merger: &'a Merger,
}

impl<'a> MergerWorkbook<'a> {
    /// The workbook of `merger`'s assumptions.
    pub fn new(merger: &'a Merger) -> MergerWorkbook<'a> {
        MergerWorkbook { merger }
    }

    /// Writes it to `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), crate::Error> {
        super::save(self.build(), path.as_ref())
    }

    /// The workbook as bytes.
    ///
    /// # Errors
    ///
    /// As [`MergerWorkbook::save`].
    pub fn to_buffer(&self) -> Result<Vec<u8>, crate::Error> {
        super::to_buffer(self.build())
    }

    fn build(&self) -> Result<Workbook, XlsxError> {
        let m = self.merger;
        let bold = Format::new().set_bold();
        let plain = Format::new();
        let mut wb = Workbook::new();
        let ws = sheet(&mut wb, SheetKind::Merger, MERGER, &bold)?;
        let source = |id: &str| {
            m.sources
                .get(id)
                .cloned()
                .unwrap_or_else(|| "příklad, nahraďte / example, replace".into())
        };
        let mut rows: Vec<(String, Value, &str)> = vec![
            ("název".into(), Value::Text(m.name.clone()), "name"),
            (
                "ceník".into(),
                Value::Text(
                    match m.price_rule {
                        PriceRule::Lowest => "nejnižší",
                        PriceRule::Highest => "nejvyšší",
                        PriceRule::Given(_) => "zadaný",
                        PriceRule::LegalCaps => "limity",
                    }
                    .into(),
                ),
                "price_rule",
            ),
            (
                "cílové vytížení".into(),
                Value::Number(m.target_utilisation),
                "target_utilisation",
            ),
            (
                "plánování".into(),
                Value::Text(
                    match m.staffing_basis {
                        StaffingBasis::PeakWeek => "špička",
                        StaffingBasis::AverageWeek => "průměr",
                    }
                    .into(),
                ),
                "staffing_basis",
            ),
        ];
        for r in &m.management {
            rows.push((
                format!("úvazky {}", r.role.code()),
                Value::Number(r.fixed_fte),
                "management",
            ));
            if let Some(n) = r.clients_per_fte {
                rows.push((
                    format!("klientů na úvazek {}", r.role.code()),
                    Value::Number(n),
                    "management",
                ));
            }
        }
        rows.push((
            "společný rozpis".into(),
            Value::Text(match &m.roster {
                Roster::NearestBase => "nejbližší".into(),
                Roster::OneBase(b) => b.clone(),
            }),
            "roster",
        ));
        rows.push((
            "úspora režie".into(),
            Value::Number(m.shared_reduction),
            "shared_reduction",
        ));
        rows.push((
            "pravidlo 80 hodin".into(),
            Value::Text(
                match m.eighty_hour_rule {
                    EightyHourRule::AllHoursOfMonth => "vše",
                    EightyHourRule::HoursAbove80 => "nad 80",
                }
                .into(),
            ),
            "eighty_hour_rule",
        ));
        for (i, (key, value, id)) in rows.iter().enumerate() {
            let r = 1 + i as u32;
            text(ws, r, 0, key, &plain)?;
            match value {
                Value::Text(t) => text(ws, r, 1, t, &plain)?,
                Value::Number(d) => num(ws, r, 1, *d, &plain)?,
            }
            text(ws, r, 2, &source(id), &plain)?;
        }
        if !m.distances.is_empty() {
            let ws = sheet(&mut wb, SheetKind::Distances, DISTANCES, &bold)?;
            for (i, d) in m.distances.iter().enumerate() {
                let r = 1 + i as u32;
                text(ws, r, 0, &d.from, &plain)?;
                text(ws, r, 1, &d.to, &plain)?;
                num(ws, r, 2, d.minutes, &plain)?;
            }
        }
        if let PriceRule::Given(list) = &m.price_rule {
            let ws = sheet(&mut wb, SheetKind::MergedPrices, MERGED_PRICES, &bold)?;
            for (i, (code, price)) in list.iter().enumerate() {
                let r = 1 + i as u32;
                text(ws, r, 0, code, &plain)?;
                num(ws, r, 1, *price, &plain)?;
            }
        }
        Ok(wb)
    }
}

enum Value {
    Text(String),
    Number(rust_decimal::Decimal),
}

/// A sheet of the merger workbook with its header row (as the input
/// workbook writes one) and readable columns.
fn sheet<'w>(
    wb: &'w mut Workbook,
    kind: SheetKind,
    columns: &[Column],
    bold: &Format,
) -> Result<&'w mut Worksheet, XlsxError> {
    let ws = super::input::header(wb, kind, columns, bold)?;
    for c in 0..columns.len() {
        ws.set_column_width(c as u16, 24)?;
    }
    Ok(ws)
}
