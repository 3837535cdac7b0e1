//! The report's sheets, their names in both languages, and the header row
//! every table sheet starts with.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::style::Styles;
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
    Financing,
    Reach,
    Hour,
    Scenarios,
    Findings,
    Problems,
    Method,
}

impl Sheet {
    /// Every sheet in workbook order.
    pub const ALL: [Sheet; 13] = [
        Sheet::Summary,
        Sheet::Indicators,
        Sheet::Workers,
        Sheet::Clients,
        Sheet::Months,
        Sheet::Costs,
        Sheet::Financing,
        Sheet::Reach,
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
            Sheet::Financing => ("Financování", "Financing"),
            Sheet::Reach => ("Dosah", "Reach"),
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

impl Sheet {
    /// Whether the sheet starts with one header row (a table): it is
    /// repeated on every printed page.
    fn has_header_row(self) -> bool {
        matches!(
            self,
            Sheet::Indicators
                | Sheet::Workers
                | Sheet::Clients
                | Sheet::Months
                | Sheet::Findings
                | Sheet::Problems
        )
    }

    /// Whether the sheet prints on landscape pages (it is wide).
    fn landscape(self) -> bool {
        !matches!(self, Sheet::Costs | Sheet::Scenarios | Sheet::Financing)
    }
}

/// How a sheet prints: A4, one page wide (any number of pages tall),
/// landscape where it is wide, the header row repeated on every page, and
/// in the header the sheet's name and the provider, in the footer "strana X
/// z Y". (`Souhrn` has its own one-page setup.)
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    sheet: Sheet,
    provider: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    print_pages(
        ws,
        sheet.name(lang),
        sheet.landscape(),
        sheet.has_header_row(),
        provider,
        lang,
    )
}

/// The print setup of [`print_setup`] for a sheet of any name.
pub(crate) fn print_pages(
    ws: &mut Worksheet,
    name: &str,
    landscape: bool,
    header_row: bool,
    provider: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9); // A4
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
    if header_row {
        ws.set_repeat_rows(0, 0)?;
    }
    // `&` starts a code in a header: a provider's `&` is written `&&`.
    let provider = provider.replace('&', "&&");
    ws.set_header(format!("&L{name}&R{provider}"));
    ws.set_footer(format!(
        "&L{}&R{}",
        "homecare-audit",
        lang.pick("strana &P z &N", "page &P of &N")
    ));
    Ok(())
}

/// Data rows on one printed page of a table sheet: a page break after
/// every this many, so a printed report has a known number of pages (the
/// header row and 25 rows fit on an A4 page at any scale the fit to one
/// page wide gives).
pub(crate) const ROWS_PER_PAGE: u32 = 25;

/// Page breaks after every [`ROWS_PER_PAGE`] of a table sheet's `rows`
/// data rows (below its header row). Past Excel's 1 023 breaks a sheet
/// is left to the spreadsheet program's own pagination.
pub(crate) fn page_breaks(ws: &mut Worksheet, rows: u32) -> Result<(), XlsxError> {
    let breaks: Vec<u32> = (1..)
        .map(|k| 1 + k * ROWS_PER_PAGE)
        .take_while(|&r| r <= rows)
        .collect();
    if !breaks.is_empty() && breaks.len() <= 1_023 {
        ws.set_page_breaks(&breaks)?;
    }
    Ok(())
}

/// Page breaks of a table sheet whose data rows (below its header row)
/// need `lines` lines each: a page takes rows while it holds at most
/// [`ROWS_PER_PAGE`] of them and at most `per_page` lines
/// ([`lines_per_page`]), so a sheet of one-line rows breaks as
/// [`page_breaks`] and a page of taller rows still fits its paper.
pub(crate) fn page_breaks_by_lines(
    ws: &mut Worksheet,
    lines: &[u32],
    per_page: u32,
) -> Result<(), XlsxError> {
    let mut breaks = Vec::new();
    let (mut rows, mut used) = (0, 0);
    for (i, &n) in lines.iter().enumerate() {
        if rows > 0 && (rows == ROWS_PER_PAGE || used + n > per_page) {
            // Row i is sheet row i + 1 (under the header): the break goes
            // above it.
            breaks.push(i as u32 + 1);
            (rows, used) = (0, 0);
        }
        rows += 1;
        used += n;
    }
    if !breaks.is_empty() && breaks.len() <= 1_023 {
        ws.set_page_breaks(&breaks)?;
    }
    Ok(())
}

/// Lines of [`LINE_HEIGHT`](super::wrap::LINE_HEIGHT) one landscape A4
/// page (the margins of [`print_pages`]) holds under a header row of 30
/// points, when the printed columns, `widths` characters wide, are fitted
/// to one page wide as a spreadsheet program fits them (a column of `w`
/// characters is `7w + 5` pixels, ¾ point each; the scale at most 1); a
/// tenth is kept free for a program that sizes a little differently.
pub(crate) fn lines_per_page(widths: &[f64]) -> u32 {
    let wide: f64 = widths.iter().map(|w| (7.0 * w + 5.0) * 0.75).sum();
    // A4 landscape, 0.5 in margins left and right, 0.75 in top and bottom.
    let (page_w, page_h) = (841.89 - 72.0, 595.28 - 108.0);
    let scale = (page_w / wide).min(1.0);
    let lines = ((page_h / scale) * 0.9 - 30.0) / super::wrap::LINE_HEIGHT;
    (lines.floor() as u32).max(ROWS_PER_PAGE)
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
    page_breaks(ws, rows)
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

/// "Not available" in the report's language.
pub(crate) fn not_available(lang: Lang) -> &'static str {
    lang.pick("nedostupné", "not available")
}
