//! The report's sheets, their names in both languages, and the header row
//! every table sheet starts with.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::style::Styles;
use crate::benchmark::Status;
use crate::i18n::Lang;

/// A sheet of the report, in workbook order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sheet {
    Summary,
    Indicators,
    Workers,
    Clients,
    Months,
    Costs,
    Hour,
    Scenarios,
    Findings,
    Problems,
    Method,
}

impl Sheet {
    /// Every sheet in workbook order.
    pub const ALL: [Sheet; 11] = [
        Sheet::Summary,
        Sheet::Indicators,
        Sheet::Workers,
        Sheet::Clients,
        Sheet::Months,
        Sheet::Costs,
        Sheet::Hour,
        Sheet::Scenarios,
        Sheet::Findings,
        Sheet::Problems,
        Sheet::Method,
    ];

    /// The sheet's name (docs/report.md).
    pub fn name(self, lang: Lang) -> &'static str {
        let (cs, en) = match self {
            Sheet::Summary => ("Souhrn", "Summary"),
            Sheet::Indicators => ("Ukazatele", "Indicators"),
            Sheet::Workers => ("Pracovníci", "Workers"),
            Sheet::Clients => ("Klienti", "Clients"),
            Sheet::Months => ("Měsíce", "Months"),
            Sheet::Costs => ("Náklady", "Costs"),
            Sheet::Hour => ("Cena hodiny", "Hour cost"),
            Sheet::Scenarios => ("Scénáře", "Scenarios"),
            Sheet::Findings => ("Nálezy", "Findings"),
            Sheet::Problems => ("Chyby", "Rejected"),
            Sheet::Method => ("Metodika", "Methodology"),
        };
        lang.pick(cs, en)
    }

    /// Its index in the workbook.
    pub fn index(self) -> usize {
        Sheet::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// A column of a table sheet.
pub(crate) struct Col {
    pub cs: &'static str,
    pub en: &'static str,
    /// Width in characters.
    pub width: f64,
}

/// Shorthand for the column tables.
pub(crate) const fn col(cs: &'static str, en: &'static str, width: f64) -> Col {
    Col { cs, en, width }
}

/// Writes the header row, column widths, frozen header and a filter over
/// `rows` data rows.
pub(crate) fn header(
    ws: &mut Worksheet,
    cols: &[Col],
    rows: u32,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (i, c) in cols.iter().enumerate() {
        let i = i as u16;
        ws.set_column_width(i, c.width)?;
        ws.write_string_with_format(0, i, lang.pick(c.cs, c.en), &st.header)?;
    }
    ws.set_row_height(0, 30)?;
    ws.set_freeze_panes(1, 0)?;
    if !cols.is_empty() {
        ws.autofilter(0, 0, rows.max(1), cols.len() as u16 - 1)?;
    }
    Ok(())
}

/// Yes / no in the report's language.
pub(crate) fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Cs) => "ano",
        (false, Lang::Cs) => "ne",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// A status as the report writes it (the conditional formats match these
/// texts).
pub(crate) fn status_text(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Ok => lang.pick("v pořádku", "ok"),
        Status::Warn => lang.pick("upozornění", "warning"),
        Status::Bad => lang.pick("mimo meze", "out of bounds"),
        Status::None => "",
    }
}

/// "Not available" in the report's language.
pub(crate) fn not_available(lang: Lang) -> &'static str {
    lang.pick("nedostupné", "not available")
}
