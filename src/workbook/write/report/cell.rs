//! Writing single cells safely: input text always as text (never a formula),
//! clipped to Excel's cell limit; exact decimals as numbers; formulas with
//! the library's value cached; A1 references to detail columns.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Formula, Url, Worksheet, XlsxError};

use crate::audit::Unavailable;
use crate::i18n::Lang;
use crate::place::Place;

/// Excel's limit of characters in a cell, counted in UTF-16 units.
const MAX_CELL_UTF16: usize = 32_767;

/// Excel repairs a sheet with more hyperlinks than this; further places are
/// written as plain text.
pub(crate) const MAX_LINKS_PER_SHEET: u32 = 65_530;

/// Text clipped to Excel's cell limit (an ellipsis marks a clipped value).
pub(crate) fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    let mut units = 0;
    for (i, ch) in s.char_indices() {
        units += ch.len_utf16();
        if units > MAX_CELL_UTF16 - 1 {
            return format!("{}…", &s[..i]).into();
        }
    }
    s.into()
}

/// Writes text as a string cell. `write_string` never turns `=…` into a
/// formula; this is the one way input text reaches the report.
pub(crate) fn text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    s: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, clip(s), fmt)?;
    Ok(())
}

/// The line a part of the report writes in place of a figure it cannot
/// give: `nelze spočítat: <reason>` (`not available: <reason>` in English),
/// where `cs_label` names what could not be done in Czech.
pub(crate) fn not_available(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    lang: Lang,
    cs_label: &str,
    why: Option<&Unavailable>,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let why = why.map_or("", |u| u.get(lang));
    let label = lang.pick(cs_label, "not available");
    text(ws, row, col, &format!("{label}: {why}"), fmt)
}

/// A decimal as a number (a spreadsheet cell holds a double; the exact
/// value stays in the JSON report).
pub(crate) fn num(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Decimal,
    fmt: &Format,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, to_f64(d), fmt)?;
    Ok(())
}

/// Seconds as hours.
pub(crate) fn hours(secs: u64) -> Decimal {
    Decimal::from(secs) / Decimal::from(3600)
}

/// A decimal as a double for the sheet (never fails for a finite decimal).
pub(crate) fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// The value cached in a formula cell.
#[derive(Clone, Debug)]
pub(crate) enum Cached {
    /// A number.
    Num(Decimal),
    /// Text.
    Text(String),
    /// Empty text (a formula that yields "").
    Empty,
}

impl Cached {
    fn result(&self) -> String {
        match self {
            Cached::Num(d) => d.normalize().to_string(),
            Cached::Text(s) => s.clone(),
            Cached::Empty => String::new(),
        }
    }
}

/// Writes `=formula` with the library's value cached, so the file shows
/// the value before any recalculation.
pub(crate) fn formula(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    f: &str,
    cached: &Cached,
    fmt: &Format,
) -> Result<(), XlsxError> {
    let result = cached.result();
    if result.is_empty() {
        // rust_xlsxwriter caches a formula given no result as the sheet's
        // default, 0: an empty text must be that default to be cached as
        // it is (every other formula here gives its result).
        ws.set_formula_result_default("");
    }
    let fml = Formula::new(f).set_result(result);
    ws.write_formula_with_format(row, col, fml, fmt)?;
    Ok(())
}

/// A column letter, 0 → `A`.
pub(crate) fn col_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A sheet name quoted for a formula (`'Pracovníci'`).
pub(crate) fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// An absolute reference to one cell, 0-based row and column.
pub(crate) fn cell_ref(sheet: &str, row: u32, col: u16) -> String {
    format!("{}!${}${}", quoted(sheet), col_name(col), row + 1)
}

/// A detail sheet's data rows, for references to its columns.
#[derive(Clone, Debug)]
pub(crate) struct Rows {
    /// Sheet name.
    pub sheet: String,
    /// First data row (0-based).
    pub first: u32,
    /// Number of data rows.
    pub count: u32,
}

impl Rows {
    /// `'Sheet'!$C$2:$C$101`; an empty table refers to its first (empty)
    /// row so that sums are 0 and counts are 0.
    pub fn col(&self, col: u16) -> String {
        let last = self.first + self.count.max(1) - 1;
        let c = col_name(col);
        format!(
            "{}!${c}${}:${c}${}",
            quoted(&self.sheet),
            self.first + 1,
            last + 1
        )
    }

    /// `(sheet, first row, col, last row, col)` for chart ranges.
    pub fn chart_range(&self, col: u16) -> (&str, u32, u16, u32, u16) {
        let last = self.first + self.count.max(1) - 1;
        (self.sheet.as_str(), self.first, col, last, col)
    }
}

/// A formula string literal (`"ano"`).
pub(crate) fn lit(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A link to an input place in the input file, e.g.
/// `vstup.xlsx#'Výkazy'!D17`; `None` when no file name is known or the
/// link would be too long for Excel. A place in one of several files links
/// into that file, taken to be in the first input's folder; a CSV file's
/// place links to the file (a CSV file has no cell anchors).
pub(crate) fn input_link(file: Option<&str>, place: &Place) -> Option<Url> {
    let first = file?;
    let file = match place.file() {
        // The first input's folder (with its separator), then this file.
        Some(own) => match first.rfind('/') {
            Some(i) => format!("{}{own}", &first[..=i]),
            None => own.to_string(),
        },
        None => first.to_string(),
    };
    if file.is_empty() || file.contains('#') {
        return None;
    }
    // `file:///` before a relative or drive path; an absolute Unix path
    // brings its own leading slash.
    let prefix = if file.starts_with('/') {
        "file://"
    } else {
        "file:///"
    };
    let target = if place.is_csv() {
        format!("{prefix}{file}")
    } else {
        format!(
            "{prefix}{file}#{}!{}{}",
            quoted(&place.sheet),
            col_name(u16::try_from(place.col).unwrap_or(u16::MAX)),
            place.row
        )
    };
    (target.encode_utf16().count() < 2000).then(|| Url::new(target).set_text(place.to_string()))
}

/// Writes a place: a link into the input while the sheet's link budget
/// lasts, else the place as text.
pub(crate) fn place(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    file: Option<&str>,
    p: &Place,
    links: &mut u32,
    st: &super::style::Styles,
) -> Result<(), XlsxError> {
    if *links < MAX_LINKS_PER_SHEET
        && let Some(url) = input_link(file, p)
    {
        *links += 1;
        ws.write_url_with_format(row, col, url, &st.link)?;
        return Ok(());
    }
    text(ws, row, col, &p.to_string(), &st.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(701), "ZZ");
        assert_eq!(col_name(702), "AAA");
    }

    #[test]
    fn clipping_counts_utf16_units() {
        let short = "ř".repeat(100);
        assert_eq!(clip(&short), short.as_str());
        // 40 000 emoji are 80 000 UTF-16 units: clipped to 16 383 emoji
        // (32 766 units) plus the ellipsis.
        let long = "😀".repeat(40_000);
        let c = clip(&long);
        assert_eq!(c.encode_utf16().count(), 32_767);
        assert!(c.ends_with('…'));
    }

    #[test]
    fn references_quote_sheet_names() {
        let r = Rows {
            sheet: "Pracovníci".into(),
            first: 1,
            count: 3,
        };
        assert_eq!(r.col(2), "'Pracovníci'!$C$2:$C$4");
        let empty = Rows { count: 0, ..r };
        assert_eq!(empty.col(0), "'Pracovníci'!$A$2:$A$2");
        assert_eq!(cell_ref("O'Neil", 0, 1), "'O''Neil'!$B$1");
        assert_eq!(lit("a\"b"), "\"a\"\"b\"");
    }
}
