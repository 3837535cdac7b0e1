//! The mapping step: when a sheet's header lacks one of our columns (an
//! export with its own headers), what a face offers the auditor to pick
//! from, and the `Sloupce` workbook the picks make, to give with the
//! records now and to reuse next year. (The faces reach it through
//! [`crate::run`].)

use rust_xlsxwriter::{Workbook, XlsxError};
use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::matching::fold;
use crate::workbook::schema::{self, SheetKind};

/// One of our columns, and the input header guessed for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProposedColumn {
    /// Our column's Czech header (`Datum`), as `Sloupce` names it.
    pub column: &'static str,
    /// Its English header.
    pub en: &'static str,
    /// Whether the sheet needs it.
    pub required: bool,
    /// The input header that already names it (our name or a word we
    /// know), by its index in [`MappingProposal::headers`].
    pub guess: Option<usize>,
}

/// What to map, for a sheet whose header lacks a required column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappingProposal {
    /// Our sheet (`Výkazy`), as `Sloupce` names it.
    pub sheet: &'static str,
    /// The input file, when the records came in several.
    pub file: Option<String>,
    /// The column the header lacks.
    pub missing: &'static str,
    /// The header row's texts, by column.
    pub headers: Vec<String>,
    /// Every column of our sheet, with the guess.
    pub columns: Vec<ProposedColumn>,
}

impl MappingProposal {
    /// The proposal for an error of a header without a required column
    /// ([`ErrorKind::MissingColumn`]); `None` for any other error.
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, MappingProposal, Source};
    /// let csv = "Den;Kdo;Komu;Úkon;Minut\n3.3.2025;P1;K1;b1;60\n";
    /// let e = AuditRequest::new(Source::bytes("vykazy.csv", csv.into())).run().unwrap_err();
    /// let p = MappingProposal::of(&e).unwrap();
    /// assert_eq!((p.sheet, p.missing), ("Výkazy", "Datum"));
    /// let task = p.columns.iter().find(|c| c.column == "Úkon").unwrap();
    /// assert_eq!(task.guess, Some(3)); // the export's own "Úkon"
    /// ```
    pub fn of(err: &Error) -> Option<MappingProposal> {
        let ErrorKind::MissingColumn {
            column,
            sheet_kind,
            headers,
            place,
        } = err.kind()
        else {
            return None;
        };
        let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
        let mut used = vec![false; headers.len()];
        let columns = schema::columns(*sheet_kind)
            .iter()
            .map(|col| {
                // The best-named header not already taken.
                let guess = folded
                    .iter()
                    .enumerate()
                    .filter(|(i, h)| !used[*i] && !h.is_empty())
                    .filter_map(|(i, h)| col.rank(h).map(|r| (r, i)))
                    .min()
                    .map(|(_, i)| i);
                if let Some(i) = guess {
                    used[i] = true;
                }
                ProposedColumn {
                    column: col.cs,
                    en: col.en,
                    required: col.required,
                    guess,
                }
            })
            .collect();
        Some(MappingProposal {
            sheet: sheet_kind.cs(),
            file: place
                .file()
                .map(str::to_string)
                .or(err.file().map(str::to_string)),
            missing: column,
            headers: headers.clone(),
            columns,
        })
    }
}

/// One row of a column mapping: our sheet and column, and the input
/// header that is it (in the file, when given).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct MappingRow {
    /// Our sheet (`Výkazy`).
    pub sheet: String,
    /// Our column (`Datum`).
    pub column: String,
    /// The input's header (`Den`).
    pub header: String,
    /// The input file (`export.csv`), when the mapping names one.
    #[serde(default)]
    pub file: Option<String>,
}

/// The `Sloupce` workbook of `rows`, in the form every face reads
/// (`audit --mapping`, the page's mapping input).
///
/// ```
/// use homecare_audit::run::{MappingRow, mapping_workbook};
/// let row = |c: &str, h: &str| MappingRow {
///     sheet: "Výkazy".into(), column: c.into(), header: h.into(), file: None,
/// };
/// let bytes = mapping_workbook(&[row("Datum", "Den"), row("Pracovník", "Kdo")])?;
/// assert_eq!(&bytes[..2], b"PK");
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`] from the writer (none in practice).
pub fn mapping_workbook(rows: &[MappingRow]) -> Result<Vec<u8>, Error> {
    let build = || -> Result<Workbook, XlsxError> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(SheetKind::Columns.cs())?;
        let header = super::input_header();
        for (c, col) in schema::COLUMNS.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, col.cs, &header)?;
            ws.set_column_width(c as u16, 22)?;
        }
        for (i, r) in rows.iter().enumerate() {
            let n = i as u32 + 1;
            ws.write_string(n, 0, &r.sheet)?;
            ws.write_string(n, 1, &r.column)?;
            ws.write_string(n, 2, &r.header)?;
            if let Some(f) = &r.file {
                ws.write_string(n, 3, f)?;
            }
        }
        Ok(wb)
    };
    let mut wb = build().map_err(|e| Error::write(None, e))?;
    wb.save_to_buffer().map_err(|e| Error::write(None, e))
}
