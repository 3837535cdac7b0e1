//! The comparison workbook: several providers side by side (peers, with the
//! group's quartiles as live formulas and each cell coloured by its place in
//! the group), or one provider period over period (trend), and optionally a
//! merged service beside the separate ones.

use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartType, ConditionalFormatFormula, Format, Workbook, Worksheet,
    XlsxError,
};

use super::report::cell::{Cached, col_name, formula, num, quoted, text};
use super::report::sheet::{not_available, print_pages};
use super::report::style::Styles;
use crate::audit::AuditReport;
use crate::benchmark::Status;
use crate::compare::{MergerStudy, Mode, PeerGroup};
use crate::display::date;
use crate::i18n::Lang;
use crate::indicator::catalog;

/// Headline indicators charted across the group.
const CHARTED: [&str; 6] = [
    "cost.per_direct_hour",
    "fees.per_direct_hour",
    "staff.utilization",
    "staff.adequacy",
    "target.high_dependency_share",
    "target.meal_only_share",
];

/// First data row (0-based) of the comparison sheet: labels in row 0, ids
/// in row 1.
const FIRST: u32 = 2;
/// First indicator column.
const FIRST_COL: u16 = 3;

/// Builds the comparison workbook.
///
/// ```
/// use homecare_audit::{Audit, synth::Synth, workbook::ComparisonWorkbook};
/// let (a, b) = (Synth::new(1, 300).dataset(), Synth::new(2, 300).dataset());
/// let (ra, rb) = (Audit::new(&a).run(), Audit::new(&b).run());
/// let bytes = ComparisonWorkbook::new(vec![("a.xlsx".into(), &ra), ("b.xlsx".into(), &rb)])
///     .to_buffer()?;
/// assert_eq!(&bytes[..2], b"PK");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct ComparisonWorkbook<'a> {
    entries: Vec<(String, &'a AuditReport)>,
    mode: Mode,
    study: Option<&'a MergerStudy>,
    refused: Vec<(String, String)>,
    lang: Lang,
}

impl<'a> ComparisonWorkbook<'a> {
    /// Providers (a label such as the file name, and the audit), compared
    /// as peers.
    pub fn new(entries: Vec<(String, &'a AuditReport)>) -> ComparisonWorkbook<'a> {
        ComparisonWorkbook {
            entries,
            mode: Mode::Peers,
            study: None,
            refused: Vec::new(),
            lang: Lang::Cs,
        }
    }

    /// The inputs that could not be audited (a label and the reason in
    /// the workbook's language), listed on a sheet of their own
    /// (`Nenačteno` / `Refused`) so that the comparison says who is missing.
    pub fn refused(mut self, refused: Vec<(String, String)>) -> Self {
        self.refused = refused;
        self
    }

    /// Peers or trend (see [`crate::compare::mode`]). In a trend the
    /// entries are shown in period order.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        if mode == Mode::Trend {
            self.entries
                .sort_by_key(|(_, r)| r.provider.period.map(|p| p.from));
        }
        self
    }

    /// Adds a merger study: the merged service (before the effects) in the
    /// comparison, and the study as the `Sloučení` sheet.
    pub fn study(mut self, study: &'a MergerStudy) -> Self {
        self.study = Some(study);
        self
    }

    /// The language of labels.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
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

    /// The workbook as bytes.
    ///
    /// # Errors
    ///
    /// As [`ComparisonWorkbook::save`].
    pub fn to_buffer(&self) -> Result<Vec<u8>, crate::Error> {
        super::to_buffer(self.build())
    }

    /// The workbook.
    ///
    /// # Errors
    ///
    /// As [`ComparisonWorkbook::save`].
    pub fn workbook(&self) -> Result<Workbook, crate::Error> {
        self.build().map_err(|e| crate::Error::write(None, e))
    }

    fn build(&self) -> Result<Workbook, XlsxError> {
        let lang = self.lang;
        let st = Styles::new(lang);
        let mut wb = Workbook::new();
        let reports: Vec<&AuditReport> = self.entries.iter().map(|(_, r)| *r).collect();
        let group = PeerGroup::new(&reports);
        let ids: Vec<(String, crate::indicator::Unit)> = catalog::all_ids();
        let main_name = match self.mode {
            Mode::Peers => lang.pick("Srovnání", "Comparison"),
            Mode::Trend => lang.pick("Vývoj", "Trend"),
        };
        let title = lang.pick("Srovnání poskytovatelů", "Comparison of providers");
        {
            let ws = wb.add_worksheet();
            ws.set_name(main_name)?;
            self.main_sheet(ws, &ids, &group, &st)?;
            print_across(ws, main_name, title, ids.len(), lang)?;
        }
        if self.mode == Mode::Peers {
            let name = lang.pick("Pořadí", "Ranks");
            let ws = wb.add_worksheet();
            ws.set_name(name)?;
            self.ranks_sheet(ws, main_name, &ids, &group, &st)?;
            print_across(ws, name, title, ids.len(), lang)?;
        }
        {
            let name = lang.pick("Grafy", "Charts");
            let ws = wb.add_worksheet();
            ws.set_name(name)?;
            self.charts_sheet(ws, main_name, &ids)?;
            print_pages(ws, name, true, false, title, lang)?;
        }
        if !self.refused.is_empty() {
            let name = lang.pick("Nenačteno", "Refused");
            let ws = wb.add_worksheet();
            ws.set_name(name)?;
            ws.set_column_width(0, 40)?;
            ws.set_column_width(1, 100)?;
            ws.write_string_with_format(
                0,
                0,
                lang.pick(
                    "Vstupy, které nebylo možné načíst (ve srovnání chybí)",
                    "Inputs that could not be read (missing from the comparison)",
                ),
                &st.title,
            )?;
            ws.write_string_with_format(2, 0, lang.pick("Vstup", "Input"), &st.header)?;
            ws.write_string_with_format(2, 1, lang.pick("Důvod", "Reason"), &st.header)?;
            for (i, (file, reason)) in self.refused.iter().enumerate() {
                let r = 3 + i as u32;
                ws.write_string_with_format(r, 0, file, &st.text)?;
                ws.write_string_with_format(r, 1, reason, &st.text)?;
            }
        }
        if let Some(study) = self.study {
            let name = lang.pick("Sloučení", "Merger");
            let ws = wb.add_worksheet();
            ws.set_name(name)?;
            super::merger_study::write(ws, study, &st, lang)?;
            print_pages(ws, name, true, false, title, lang)?;
        }
        Ok(wb)
    }

    fn n(&self) -> u32 {
        self.entries.len() as u32
    }

    /// Row (0-based) of a quartile line under the providers: 0 min, 1 Q1,
    /// 2 median, 3 Q3, 4 max.
    fn stat_row(&self, k: u32) -> u32 {
        FIRST + self.n() + 1 + k
    }

    fn main_sheet(
        &self,
        ws: &mut Worksheet,
        ids: &[(String, crate::indicator::Unit)],
        group: &PeerGroup,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let n = self.n();
        let peers = self.mode == Mode::Peers;
        let merged_row = self.main_labels(ws, st)?;
        for (j, (id, unit)) in ids.iter().enumerate() {
            let c = FIRST_COL + j as u16;
            self.indicator_column(ws, c, id, *unit, merged_row, st)?;
            if peers && n > 0 {
                self.group_statistics(ws, c, id, st.for_unit(*unit), group, st)?;
            }
        }
        if !peers && n > 1 {
            self.trend_changes(ws, ids, merged_row, st)?;
        }
        ws.autofilter(1, 0, FIRST + n.max(1) - 1, FIRST_COL + ids.len() as u16 - 1)?;
        Ok(())
    }

    /// The header, the providers' rows, the statistics' labels (peers) and
    /// the merged service's row; returns that row.
    fn main_labels(&self, ws: &mut Worksheet, st: &Styles) -> Result<u32, XlsxError> {
        let lang = self.lang;
        for (c, h) in [
            lang.pick("Poskytovatel", "Provider"),
            lang.pick("Soubor", "File"),
            lang.pick("Období", "Period"),
        ]
        .iter()
        .enumerate()
        {
            text(ws, 0, c as u16, h, &st.header)?;
            text(ws, 1, c as u16, "", &st.muted)?;
        }
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 18)?;
        ws.set_column_width(2, 22)?;
        ws.set_row_height(0, 60)?;
        ws.set_freeze_panes(FIRST, 1)?;
        for (i, (label, r)) in self.entries.iter().enumerate() {
            let row = FIRST + i as u32;
            text(ws, row, 0, &r.provider.name, &st.text)?;
            text(ws, row, 1, label, &st.text)?;
            text(ws, row, 2, &period_text(r, lang), &st.text)?;
        }
        let stats = [
            lang.pick("minimum", "minimum"),
            lang.pick("1. kvartil", "1st quartile"),
            lang.pick("medián", "median"),
            lang.pick("3. kvartil", "3rd quartile"),
            lang.pick("maximum", "maximum"),
        ];
        let peers = self.mode == Mode::Peers;
        if peers {
            for (k, s) in stats.iter().enumerate() {
                text(ws, self.stat_row(k as u32), 0, s, &st.group)?;
            }
        }
        let merged_row = self.stat_row(if peers { 6 } else { 0 });
        if let Some(m) = self.study.map(|s| &s.before) {
            text(ws, merged_row, 0, &m.provider.name, &st.group)?;
            text(
                ws,
                merged_row,
                1,
                lang.pick("(sloučení)", "(merger)"),
                &st.muted,
            )?;
            text(ws, merged_row, 2, &period_text(m, lang), &st.text)?;
        }
        Ok(merged_row)
    }

    /// One indicator's column: its label and id, each provider's value and
    /// the merged service's.
    fn indicator_column(
        &self,
        ws: &mut Worksheet,
        c: u16,
        id: &str,
        unit: crate::indicator::Unit,
        merged_row: u32,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        ws.set_column_width(c, 14)?;
        text(ws, 0, c, &catalog::label(id, lang), &st.header)?;
        text(ws, 1, c, id, &st.muted)?;
        let fmt = st.for_unit(unit);
        for (i, (_, r)) in self.entries.iter().enumerate() {
            let row = FIRST + i as u32;
            match r.value(id) {
                Some(v) => num(ws, row, c, v, fmt)?,
                None => text(ws, row, c, not_available(lang), &st.muted)?,
            }
        }
        if let Some(m) = self.study.map(|s| &s.before) {
            match m.value(id) {
                Some(v) => num(ws, merged_row, c, v, fmt)?,
                None => text(ws, merged_row, c, not_available(lang), &st.muted)?,
            }
        }
        Ok(())
    }

    /// The group's minimum, quartiles and maximum as live formulas under the
    /// providers, and each provider's cell coloured by its place in them.
    fn group_statistics(
        &self,
        ws: &mut Worksheet,
        c: u16,
        id: &str,
        fmt: &Format,
        group: &PeerGroup,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let (lang, n) = (self.lang, self.n());
        let col = col_name(c);
        let range = format!("{col}{}:{col}{}", FIRST + 1, FIRST + n);
        let q = group.indicators.get(id).and_then(|p| p.quartiles);
        let stat_formulas = [
            format!("MIN({range})"),
            format!("QUARTILE({range},1)"),
            format!("MEDIAN({range})"),
            format!("QUARTILE({range},3)"),
            format!("MAX({range})"),
        ];
        for (k, f) in stat_formulas.iter().enumerate() {
            let row = self.stat_row(k as u32);
            match q {
                Some(q) => {
                    let v = [q.min, q.q1, q.median, q.q3, q.max][k];
                    formula(ws, row, c, f, &Cached::Num(v), fmt)?;
                }
                None => text(ws, row, c, not_available(lang), &st.muted)?,
            }
        }
        // Colour each provider's cell by its place in the group.
        let (q1, q3) = (
            format!("{col}${}", self.stat_row(1) + 1),
            format!("{col}${}", self.stat_row(3) + 1),
        );
        let cell = format!("{col}{}", FIRST + 1);
        let fence = format!("1.5*({q3}-{q1})");
        for (rule, f) in [
            (
                format!("AND(ISNUMBER({cell}),ISNUMBER({q1}),{cell}>={q1},{cell}<={q3})"),
                &st.green,
            ),
            (
                format!(
                    "AND(ISNUMBER({cell}),ISNUMBER({q1}),{cell}>={q1}-{fence},{cell}<={q3}+{fence})"
                ),
                &st.amber,
            ),
            (format!("AND(ISNUMBER({cell}),ISNUMBER({q1}))"), &st.red),
        ] {
            let cf = ConditionalFormatFormula::new()
                .set_rule(format!("={rule}").as_str())
                .set_format(f)
                .set_stop_if_true(true);
            ws.add_conditional_format(FIRST, c, FIRST + n - 1, c, &cf)?;
        }
        Ok(())
    }

    /// One provider over periods: each indicator's change on the previous
    /// period, under the rows.
    fn trend_changes(
        &self,
        ws: &mut Worksheet,
        ids: &[(String, crate::indicator::Unit)],
        merged_row: u32,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let (lang, n) = (self.lang, self.n());
        // Period over period: the change of each indicator.
        let first = merged_row + if self.study.is_some() { 2 } else { 0 };
        text(
            ws,
            first,
            0,
            lang.pick(
                "Změna proti předchozímu období",
                "Change on the previous period",
            ),
            &st.group,
        )?;
        for i in 1..n {
            let row = first + i;
            let (prev, cur) = (&self.entries[i as usize - 1].1, &self.entries[i as usize].1);
            text(ws, row, 2, &period_text(cur, lang), &st.text)?;
            for (j, (id, unit)) in ids.iter().enumerate() {
                let c = FIRST_COL + j as u16;
                let col = col_name(c);
                if let (Some(a), Some(b)) = (prev.value(id), cur.value(id)) {
                    formula(
                        ws,
                        row,
                        c,
                        &format!("{col}{}-{col}{}", FIRST + i + 1, FIRST + i),
                        &Cached::Num(b - a),
                        st.for_unit(*unit),
                    )?;
                }
            }
        }
        Ok(())
    }

    fn ranks_sheet(
        &self,
        ws: &mut Worksheet,
        main: &str,
        ids: &[(String, crate::indicator::Unit)],
        group: &PeerGroup,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let n = self.n();
        text(ws, 0, 0, lang.pick("Poskytovatel", "Provider"), &st.header)?;
        ws.set_column_width(0, 30)?;
        text(
            ws,
            1,
            0,
            lang.pick(
                "1 = nejvyšší hodnota; barva: v mezikvartilovém rozpětí / do 1,5 IQR / odlehlá",
                "1 = highest value; colour: inside the quartiles / within 1.5 IQR / outlier",
            ),
            &st.muted,
        )?;
        ws.set_freeze_panes(FIRST, 1)?;
        for (i, (_, r)) in self.entries.iter().enumerate() {
            text(ws, FIRST + i as u32, 0, &r.provider.name, &st.text)?;
        }
        let m = quoted(main);
        for (j, (id, _)) in ids.iter().enumerate() {
            let c = 1 + j as u16;
            let mc = col_name(FIRST_COL + j as u16);
            ws.set_column_width(c, 12)?;
            text(ws, 0, c, &catalog::label(id, lang), &st.header)?;
            text(ws, 1, c, id, &st.muted)?;
            let Some(p) = group.indicators.get(id) else {
                continue;
            };
            for (i, s) in p.standings.iter().enumerate() {
                let Some(s) = s else { continue };
                let row = FIRST + i as u32;
                let f = format!(
                    "RANK({m}!{mc}{},{m}!${mc}${}:${mc}${})",
                    row + 1,
                    FIRST + 1,
                    FIRST + n
                );
                let fmt = match s.status {
                    Status::Ok => &st.green,
                    Status::Warn => &st.amber,
                    _ => &st.red,
                };
                formula(
                    ws,
                    row,
                    c,
                    &f,
                    &Cached::Num(Decimal::from(s.rank as u64)),
                    fmt,
                )?;
            }
        }
        ws.set_row_height(0, 60)?;
        Ok(())
    }

    fn charts_sheet(
        &self,
        ws: &mut Worksheet,
        main: &str,
        ids: &[(String, crate::indicator::Unit)],
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let n = self.n();
        if n == 0 {
            return Ok(());
        }
        let kind = match self.mode {
            Mode::Peers => ChartType::Bar,
            Mode::Trend => ChartType::Line,
        };
        for (k, id) in CHARTED.iter().enumerate() {
            let Some(j) = ids.iter().position(|(i, _)| i == id) else {
                continue;
            };
            let c = FIRST_COL + j as u16;
            let mut chart = Chart::new(kind);
            let cat_col = if self.mode == Mode::Peers { 0 } else { 2 };
            chart
                .add_series()
                .set_name(catalog::label(id, lang).as_str())
                .set_categories((main, FIRST, cat_col, FIRST + n - 1, cat_col))
                .set_values((main, FIRST, c, FIRST + n - 1, c));
            chart.title().set_name(catalog::label(id, lang).as_str());
            chart.legend().set_position(ChartLegendPosition::Bottom);
            chart.legend().set_hidden();
            chart.set_width(480).set_height(300);
            let row = (k as u32 / 2) * 16;
            let col = (k as u16 % 2) * 8;
            ws.insert_chart(row, col, &chart)?;
        }
        Ok(())
    }
}

/// Indicator columns on one printed page of a sheet of one row per
/// provider and one column per indicator.
const COLUMNS_PER_PAGE: usize = 8;

/// How such a sheet prints: one page wide would shrink seventy columns to
/// nothing, so it runs across pages, eight indicators a page, landscape
/// A4, the title rows and the provider columns repeated on every page.
fn print_across(
    ws: &mut Worksheet,
    name: &str,
    title: &str,
    indicators: usize,
    lang: Lang,
) -> Result<(), XlsxError> {
    print_pages(ws, name, true, false, title, lang)?;
    let wide = indicators.div_ceil(COLUMNS_PER_PAGE).max(1);
    ws.set_print_fit_to_pages(u16::try_from(wide).unwrap_or(u16::MAX), 0);
    ws.set_repeat_rows(0, FIRST - 1)?;
    ws.set_repeat_columns(0, FIRST_COL - 1)?;
    Ok(())
}

fn period_text(r: &AuditReport, lang: Lang) -> String {
    r.provider
        .period
        .map(|p| format!("{} – {}", date(p.from, lang), date(p.to, lang)))
        .unwrap_or_default()
}
