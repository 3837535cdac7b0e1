//! The auditor's column mapping (`Sloupce` / `Columns`): which header of an
//! export is which of our columns, and which input file holds which of our
//! sheets. Written once per software, it turns the care software's and the
//! payroll's own exports into our sheets without re-keying.
//!
//! | List | Sloupec | Ve vstupu | Soubor |
//! |---|---|---|---|
//! | Výkazy | ID klienta | Uživatel | export.csv |
//! | Pracovníci | Pozice | Pracovní zařazení | mzdy.xlsx/Zaměstnanci |
//!
//! A mapped header names its column alone: our own names for that column
//! no longer match in that sheet (so an export's unrelated `Klient` column
//! cannot collide with the mapped `Uživatel`). Every row is accepted or
//! rejected with its place; a row whose header no input sheet has is
//! rejected once all headers are read.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};

use super::table::Row;
use super::value;
use crate::error::{Error, ErrorKind};
use crate::matching::fold;
use crate::place::Place;
use crate::problem::{Problem, Problems, Reason};
use crate::workbook::schema::{self, SheetKind};

/// `Sloupce`'s fields, in [`schema::COLUMNS`] order.
const SHEET: usize = 0;
const COLUMN: usize = 1;
const INPUT_HEADER: usize = 2;
const FILE: usize = 3;

/// A mapped header: our column, and the mapping row that said so.
#[derive(Clone, Debug)]
struct Mapped {
    field: usize,
    place: Place,
    raw: String,
}

/// A mapping row naming the input file (or file and sheet) that holds a
/// sheet kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FileAssignment {
    /// Our sheet kind.
    pub kind: SheetKind,
    /// The file's name, folded.
    pub file: String,
    /// The sheet's name in that file, folded, when given.
    pub sheet: Option<String>,
    /// The mapping row's cell, and what it says.
    pub place: Place,
    pub raw: String,
}

/// The auditor's column mapping, as read.
#[derive(Debug, Default)]
pub(crate) struct ColumnMap {
    headers: HashMap<(SheetKind, String), Mapped>,
    mapped: HashSet<(SheetKind, usize)>,
    /// Which file holds which sheet kind.
    pub files: Vec<FileAssignment>,
    /// Mapped headers met in an input's header row (filled while the
    /// sheets are read, behind a shared reference).
    found: RefCell<HashSet<(SheetKind, String)>>,
    /// The first header mapped twice, an error once the sheet is read.
    twice: Option<Error>,
    /// Where the mapping was read from.
    pub at: Option<super::inputs::Assigned>,
}

impl ColumnMap {
    /// True when the mapping has no row.
    pub(crate) fn is_empty(&self) -> bool {
        self.headers.is_empty() && self.files.is_empty()
    }

    /// The field of `kind` an input header (folded) is mapped to.
    pub(crate) fn field(&self, kind: SheetKind, header: &str) -> Option<usize> {
        self.headers
            .get(&(kind, header.to_string()))
            .map(|m| m.field)
    }

    /// True when the mapping gives `kind`'s field a header of its own.
    pub(crate) fn is_mapped(&self, kind: SheetKind, field: usize) -> bool {
        self.mapped.contains(&(kind, field))
    }

    /// Notes that a mapped header was met in `kind`'s header row.
    pub(crate) fn found(&self, kind: SheetKind, header: &str) {
        if self.headers.contains_key(&(kind, header.to_string())) {
            self.found.borrow_mut().insert((kind, header.to_string()));
        }
    }

    /// Reads one mapping row.
    ///
    /// # Errors
    ///
    /// The row's problem: a missing sheet kind, an unknown sheet kind or
    /// column, a column without the input's header.
    pub(crate) fn read_row(&mut self, r: &Row<'_, '_>) -> Result<(), Problem> {
        let sheet: String = r.req(SHEET, value::text)?;
        let kind =
            SheetKind::parse(&sheet).ok_or_else(|| r.reject(SHEET, Reason::UnknownSheetKind))?;
        let column = r.get(COLUMN, value::text)?;
        let header = r.get(INPUT_HEADER, value::text)?;
        let file = r.get(FILE, value::text)?;
        let field = match &column {
            Some(c) => {
                Some(field_of(kind, c).ok_or_else(|| r.reject(COLUMN, Reason::UnknownColumnName))?)
            }
            None => None,
        };
        match (field, &header) {
            (Some(_), None) => return Err(r.reject(INPUT_HEADER, Reason::Missing)),
            (None, Some(_)) => return Err(r.reject(COLUMN, Reason::Missing)),
            (None, None) if file.is_none() => return Err(r.reject(FILE, Reason::Missing)),
            _ => {}
        }
        if let (Some(field), Some(header)) = (field, &header) {
            let key = (kind, fold(header));
            if let Some(first) = self.headers.get(&key) {
                if first.field != field && self.twice.is_none() {
                    self.twice = Some(Error::new(ErrorKind::MappedTwice {
                        header: header.clone(),
                        first: first.place.clone(),
                        second: r.place(INPUT_HEADER),
                    }));
                }
            } else {
                self.headers.insert(
                    key,
                    Mapped {
                        field,
                        place: r.place(INPUT_HEADER),
                        raw: header.clone(),
                    },
                );
                self.mapped.insert((kind, field));
            }
        }
        if let Some(file) = file {
            let (name, sheet) = split_file(&file);
            self.files.push(FileAssignment {
                kind,
                file: fold(name),
                sheet: sheet.map(fold),
                place: r.place(FILE),
                raw: file.clone(),
            });
        }
        Ok(())
    }

    /// The error of a header mapped to two columns, once the sheet is read.
    pub(crate) fn take_error(&mut self) -> Option<Error> {
        self.twice.take()
    }

    /// Once every sheet's header is read, the rows rejected late: those
    /// whose `Soubor` names no input (`unknown_files`, from
    /// [`assign`](super::inputs::assign)), then those whose header no input
    /// sheet of its kind had. Each such row, counted as accepted when the
    /// mapping was read, is moved to rejected once (a row may fail both) in
    /// `Sloupce`'s counts, overall and for the mapping's `file`.
    pub(crate) fn finish(
        &self,
        problems: &mut Problems,
        file: &str,
        unknown_files: Vec<(Place, String)>,
    ) {
        let found = self.found.borrow();
        let mut missing: Vec<&Mapped> = self
            .headers
            .iter()
            .filter(|(key, _)| !found.contains(key))
            .map(|(_, m)| m)
            .collect();
        // In the mapping sheet's order.
        missing.sort_by(|a, b| a.place.cmp(&b.place));
        let late = unknown_files
            .into_iter()
            .map(|(place, raw)| (place, raw, Reason::UnknownInputFile))
            .chain(
                missing
                    .into_iter()
                    .map(|m| (m.place.clone(), m.raw.clone(), Reason::MappedHeaderNotFound)),
            );
        let mut rows = BTreeSet::new();
        for (place, raw, reason) in late {
            rows.insert(place.row);
            problems.push(Problem::new(place, raw, reason));
        }
        let sheet = SheetKind::Columns.cs();
        let n = rows.len() as u64;
        for count in [
            problems.rows.get_mut(sheet),
            problems
                .rows_by_file
                .get_mut(file)
                .and_then(|m| m.get_mut(sheet)),
        ]
        .into_iter()
        .flatten()
        {
            let moved = n.min(count.accepted);
            count.accepted -= moved;
            count.rejected += moved;
        }
    }
}

/// Our column of `kind` a mapping names, in Czech, English, an alias or
/// its id (`client_id`).
fn field_of(kind: SheetKind, name: &str) -> Option<usize> {
    let f = fold(name);
    schema::columns(kind)
        .iter()
        .position(|c| c.matches(&f) || c.key == name.trim())
}

/// `file/sheet` into the file and the sheet; a name with no `/` after its
/// extension is a file alone (`export.csv`, `mzdy.xlsx/Zaměstnanci`).
fn split_file(text: &str) -> (&str, Option<&str>) {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    for ext in [".xlsx/", ".xlsm/", ".xlsb/", ".xls/", ".ods/"] {
        if let Some(i) = lower.find(ext) {
            let cut = i + ext.len() - 1;
            return (&t[..cut], Some(&t[cut + 1..]));
        }
    }
    (t, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_and_sheet() {
        assert_eq!(split_file("export.csv"), ("export.csv", None));
        assert_eq!(
            split_file(" mzdy.XLSX/Zaměstnanci "),
            ("mzdy.XLSX", Some("Zaměstnanci"))
        );
        assert_eq!(split_file("a/b.csv"), ("a/b.csv", None));
    }

    #[test]
    fn columns_by_any_of_their_names() {
        assert_eq!(
            field_of(SheetKind::Visits, "client_id"),
            field_of(SheetKind::Visits, "ID klienta")
        );
        assert!(field_of(SheetKind::Visits, "ID klienta").is_some());
        assert!(field_of(SheetKind::Visits, "Barva").is_none());
    }
}
