//! Reading one table sheet: find the header, map the columns, and hand each
//! data row to the sheet's parser, keeping the row accounting.
//!
//! Rows above the header, entirely empty rows and totals rows are not data
//! rows. Every data row is accepted or rejected (with a [`Problem`]), so
//! `read = accepted + rejected` holds by construction.

use super::book::{Book, Budget};
use super::cell::Cell;
use super::delimited::DelimitedFile;
use super::mapping::ColumnMap;
use super::value::Ctx;
use crate::error::{Error, ErrorKind};
use crate::matching::fold;
use crate::model::ColumnOrigin;
use crate::place::Place;
use crate::problem::{Problem, Problems, Reason, RowCount};
use crate::workbook::schema::{self, Column, SheetKind};

/// What a sheet's rows come from: a workbook's sheet or a CSV file.
pub(crate) enum SheetSource<'r, 'b> {
    /// A sheet of an opened workbook.
    Book(&'r mut Book<'b>),
    /// A delimited text file: one sheet.
    Delimited(&'r mut DelimitedFile<'b>),
}

/// How a sheet's places name their file: not at all (the one workbook),
/// by the file (one of several inputs), or as a CSV file's lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct Origin {
    /// The input file's name (for the row counts by file), always.
    pub name: String,
    /// The file's name, when places must give it.
    pub file: Option<String>,
    /// True for a CSV file: places are lines with the column's header.
    pub csv: bool,
    /// A CSV file's header texts by column, once the header is read.
    pub headers: Vec<String>,
}

impl Origin {
    /// The place of a cell of `sheet`.
    pub(crate) fn place(&self, sheet: &str, row: u32, col: u32) -> Place {
        match (&self.file, self.csv) {
            (Some(file), true) => {
                let header = self.headers.get(col as usize).map(String::as_str);
                Place::csv(file.as_str(), row, col, header.filter(|h| !h.is_empty()))
            }
            (Some(file), false) => Place::new(sheet, row, col).in_file(file.as_str()),
            (None, _) => Place::new(sheet, row, col),
        }
    }
}

/// What reading one input's sheets shares: where the rows come from, how
/// places name the file, its date system, the cell budget, the problems
/// so far, the strict flag and the auditor's column mapping. Each sheet is
/// read through it, not through seven parameters.
pub(crate) struct Reading<'r, 'b> {
    pub source: SheetSource<'r, 'b>,
    pub origin: Origin,
    pub ctx: Ctx,
    pub budget: Budget,
    pub problems: Problems,
    pub strict: bool,
    pub mapping: Option<&'r ColumnMap>,
    /// Which input header gave each column, sheet by sheet.
    pub columns: Vec<ColumnOrigin>,
}

impl<'r, 'b> Reading<'r, 'b> {
    /// Reading `book` with the options' limits, progress and strict flag,
    /// after the `problems` found so far.
    pub(crate) fn new(
        book: &'r mut Book<'b>,
        options: &super::ReadOptions,
        problems: Problems,
    ) -> Reading<'r, 'b> {
        Reading {
            ctx: Ctx {
                date_1904: book.date_1904(),
            },
            source: SheetSource::Book(book),
            origin: Origin::default(),
            budget: Budget {
                limits: options.limits,
                cells: 0,
                progress: options.progress.clone(),
            },
            problems,
            strict: options.strict,
            mapping: None,
            columns: Vec::new(),
        }
    }

    /// Reading a sheet of `source` with the budget and problems so far.
    pub(crate) fn resume(
        source: SheetSource<'r, 'b>,
        origin: Origin,
        options: &super::ReadOptions,
        budget: Budget,
        problems: Problems,
        mapping: Option<&'r ColumnMap>,
        columns: Vec<ColumnOrigin>,
    ) -> Reading<'r, 'b> {
        let date_1904 = match &source {
            SheetSource::Book(b) => b.date_1904(),
            SheetSource::Delimited(_) => false,
        };
        Reading {
            source,
            origin,
            ctx: Ctx { date_1904 },
            budget,
            problems,
            strict: options.strict,
            mapping,
            columns,
        }
    }
}

/// Calls `f(row, cells, fields)` for every row of `sheet` with a non-empty
/// cell (`row` 0-based; `fields` is a CSV record's number of fields, `None`
/// for a workbook's sheet). A CSV file's notices of undecodable bytes are
/// added to `problems` after its last row.
pub(crate) fn for_each_row<F>(
    source: &mut SheetSource<'_, '_>,
    sheet: &str,
    budget: &mut Budget,
    problems: &mut Problems,
    mut f: F,
) -> Result<(), Error>
where
    F: FnMut(u32, &[(u32, Cell<'_>)], Option<u32>, &mut Problems) -> Result<(), Error>,
{
    match source {
        SheetSource::Book(book) => {
            book.for_each_row(sheet, budget, |r, cells| f(r, cells, None, problems))
        }
        SheetSource::Delimited(file) => {
            let notices = file.for_each_record(budget, &mut |r, cells, fields| {
                f(r, cells, Some(fields), problems)
            })?;
            problems.list.extend(notices);
            Ok(())
        }
    }
}

/// The place and typed values of one data row.
pub(crate) struct Row<'r, 'c> {
    sheet: &'r str,
    origin: &'r Origin,
    /// Excel row number (1-based).
    pub number: u32,
    /// The field's column in the sheet, by field index.
    cols: &'r [Option<u32>],
    /// This row's non-empty cells.
    cells: &'r [(u32, Cell<'c>)],
    /// The field's cell as an index into `cells`, by field index.
    slots: &'r [Option<u32>],
    first_col: u32,
    ctx: Ctx,
}

impl Row<'_, '_> {
    /// The place of a field's cell (the row's first cell if the column is
    /// absent).
    pub(crate) fn place(&self, field: usize) -> Place {
        self.origin.place(
            self.sheet,
            self.number,
            self.cols[field].unwrap_or(self.first_col),
        )
    }

    /// The field's cell, if the column exists and the cell is not empty.
    pub(crate) fn cell(&self, field: usize) -> Option<&Cell<'_>> {
        self.slots[field].map(|i| &self.cells[i as usize].1)
    }

    /// The raw text of a field for messages.
    pub(crate) fn raw(&self, field: usize) -> String {
        self.cell(field)
            .map(|c| c.raw(self.ctx.date_1904))
            .unwrap_or_default()
    }

    /// A problem at a field.
    pub(crate) fn reject(&self, field: usize, reason: Reason) -> Problem {
        Problem::new(self.place(field), self.raw(field), reason)
    }

    /// An optional field: `None` when empty, the reason (with place) when
    /// unreadable.
    pub(crate) fn get<T>(
        &self,
        field: usize,
        parse: fn(&Cell<'_>, Ctx) -> Result<T, Reason>,
    ) -> Result<Option<T>, Problem> {
        match self.cell(field) {
            None => Ok(None),
            Some(c) => parse(c, self.ctx)
                .map(Some)
                .map_err(|r| self.reject(field, r)),
        }
    }

    /// An optional text field, borrowed from the cell where it can be.
    pub(crate) fn text(&self, field: usize) -> Result<Option<std::borrow::Cow<'_, str>>, Problem> {
        match self.cell(field) {
            None => Ok(None),
            Some(c) => super::value::text_ref(c, self.ctx)
                .map(Some)
                .map_err(|r| self.reject(field, r)),
        }
    }

    /// A required text field, borrowed from the cell where it can be.
    pub(crate) fn req_text(&self, field: usize) -> Result<std::borrow::Cow<'_, str>, Problem> {
        self.text(field)?
            .ok_or_else(|| self.reject(field, Reason::Missing))
    }

    /// A required field: [`Reason::Missing`] when empty.
    pub(crate) fn req<T>(
        &self,
        field: usize,
        parse: fn(&Cell<'_>, Ctx) -> Result<T, Reason>,
    ) -> Result<T, Problem> {
        self.get(field, parse)?
            .ok_or_else(|| self.reject(field, Reason::Missing))
    }
}

/// The outcome of reading a sheet's header.
struct Header {
    cols: Vec<Option<u32>>,
    /// Column index → field index (None = ignored column).
    col_to_field: Vec<Option<u16>>,
    /// A CSV header's number of fields (every record must have as many).
    fields: Option<u32>,
    /// Which header gave each column found.
    origins: Vec<ColumnOrigin>,
}

/// A sheet parser's extra header check: returns the Czech name of a
/// missing column the sheet needs beyond the `required` ones.
pub(crate) type HeaderCheck = fn(&[Option<u32>]) -> Option<&'static str>;

/// Reads the table sheet `name` (as written) of kind `kind`, calling
/// `on_row` for each data row. `on_row` returns `Err(problem)` to reject
/// the row; it may push notices on an accepted row.
///
/// # Errors
///
/// No header, a missing or duplicated column, a limit, a reader error, or
/// (strict mode) the first rejected row.
pub(crate) fn read_table<F>(
    reading: &mut Reading<'_, '_>,
    name: &str,
    kind: SheetKind,
    check: Option<HeaderCheck>,
    mut on_row: F,
) -> Result<(), Error>
where
    F: FnMut(&Row<'_, '_>, &mut Problems) -> Result<(), Problem>,
{
    let Reading {
        source,
        origin,
        ctx,
        budget,
        problems,
        strict,
        mapping,
        columns: origins,
    } = reading;
    let (ctx, strict, mapping) = (*ctx, *strict, *mapping);
    let mut origin = origin.clone();
    let columns = schema::columns(kind);
    let mut header: Option<Header> = None;
    let mut count = RowCount::default();
    let mut slots: Vec<Option<u32>> = Vec::with_capacity(columns.len());
    let budget_progress = budget.progress.clone();
    let at = HeaderAt { kind, mapping };
    let result = for_each_row(
        source,
        name,
        budget,
        problems,
        |r, cells, fields, problems| {
            let number = r + 1;
            let Some(h) = &header else {
                if cells.len() >= 2 {
                    if origin.csv {
                        // A CSV file's places name the column by its header.
                        origin.headers = header_texts(cells);
                    }
                    let mut found =
                        read_header(&origin, name, number, cells, columns, &at, problems)?;
                    origins.append(&mut found.origins);
                    if let Some(missing) = check.and_then(|f| f(&found.cols)) {
                        return Err(Error::new(ErrorKind::MissingColumn {
                            place: origin.place(name, number, cells[0].0),
                            column: missing,
                            sheet_kind: kind,
                            headers: header_texts(cells),
                        }));
                    }
                    found.fields = fields;
                    header = Some(found);
                }
                return Ok(());
            };
            // A totals row: its first non-empty cell says so.
            // Only a text starting with a letter can say so: a CSV row's
            // first cell, a date, is not folded on every row.
            if let Some((c, Cell::Text(t))) = cells.first()
                && t.chars().next().is_some_and(char::is_alphabetic)
            {
                let f = fold(t);
                let f = f.trim_end_matches(':');
                if matches!(f, "celkem" | "total" | "totals" | "soucet" | "suma" | "sum") {
                    problems.push(Problem::new(
                        origin.place(name, number, *c),
                        t.as_ref(),
                        Reason::TotalsRow,
                    ));
                    return Ok(());
                }
            }
            count.read += 1;
            if count.read % 50_000 == 0
                && let Some(p) = &budget_progress
            {
                (p.0)(kind.cs(), count.read);
            }
            // A CSV record with more or fewer fields than its header: a
            // delimiter inside an unquoted value shifts every later value.
            if let (Some(n), Some(expected)) = (fields, h.fields)
                && n != expected
            {
                let p = Problem::new(
                    origin.place(name, number, cells[0].0),
                    record_text(cells),
                    Reason::RaggedRow {
                        fields: n,
                        header: expected,
                    },
                );
                count.rejected += 1;
                if strict {
                    return Err(Error::new(ErrorKind::Strict { problem: p }));
                }
                problems.push(p);
                return Ok(());
            }
            slots.clear();
            slots.resize(columns.len(), None);
            for (i, (c, cell)) in cells.iter().enumerate() {
                match h.col_to_field.get(*c as usize).copied().flatten() {
                    Some(fi) => slots[fi as usize] = Some(i as u32),
                    None => {
                        if let Cell::Error(e) = cell {
                            problems.push(Problem::new(
                                origin.place(name, number, *c),
                                e,
                                Reason::ErrorInUnusedColumn,
                            ));
                        }
                    }
                }
            }
            let row = Row {
                sheet: name,
                origin: &origin,
                number,
                cols: &h.cols,
                cells,
                slots: &slots,
                first_col: cells.first().map(|(c, _)| *c).unwrap_or(0),
                ctx,
            };
            match on_row(&row, problems) {
                Ok(()) => count.accepted += 1,
                Err(p) => {
                    count.rejected += 1;
                    if strict {
                        return Err(Error::new(ErrorKind::Strict { problem: p }));
                    }
                    problems.push(p);
                }
            }
            Ok(())
        },
    );
    problems.count_rows(kind.cs(), &origin.name, count);
    result?;
    if header.is_none() {
        return Err(Error::new(ErrorKind::NoHeader {
            sheet: sheet_label(&origin, name),
        }));
    }
    Ok(())
}

/// How an error names a sheet: `Výkazy`, `a.xlsx/Výkazy`, `vykazy.csv`.
pub(crate) fn sheet_label(origin: &Origin, sheet: &str) -> String {
    match (&origin.file, origin.csv) {
        (Some(file), true) => file.clone(),
        (Some(file), false) => format!("{file}/{sheet}"),
        (None, _) => sheet.to_string(),
    }
}

/// A record's text for a message: its fields joined by `;`.
fn record_text(cells: &[(u32, Cell<'_>)]) -> String {
    let parts: Vec<String> = cells.iter().map(|(_, c)| c.raw(false)).collect();
    parts.join(";")
}

/// A header row's texts by column (empty where a column has none).
fn header_texts(cells: &[(u32, Cell<'_>)]) -> Vec<String> {
    let width = cells.last().map(|(c, _)| *c as usize + 1).unwrap_or(0);
    let mut out = vec![String::new(); width.min(16_384)];
    for (c, cell) in cells {
        if let Some(slot) = out.get_mut(*c as usize) {
            *slot = cell.raw(false).trim().to_string();
        }
    }
    out
}

/// Which sheet kind a header is read for, and the auditor's mapping.
struct HeaderAt<'m> {
    kind: SheetKind,
    mapping: Option<&'m ColumnMap>,
}

impl HeaderAt<'_> {
    /// The field a header's (folded) text names, and how well
    /// ([`Column::rank`]: 0 for the column's own name): the auditor's
    /// mapping first, as good as the own name; then our names, except for
    /// a field the mapping gives a header of its own (that header alone
    /// names it).
    fn field(&self, columns: &[Column], label: &str) -> Option<(usize, usize)> {
        if let Some(m) = self.mapping
            && let Some(field) = m.field(self.kind, label)
        {
            return Some((field, 0));
        }
        columns.iter().enumerate().find_map(|(i, col)| {
            let free = self.mapping.is_none_or(|m| !m.is_mapped(self.kind, i));
            free.then(|| col.rank(label).map(|r| (i, r))).flatten()
        })
    }
}

fn read_header(
    origin: &Origin,
    sheet: &str,
    number: u32,
    cells: &[(u32, Cell<'_>)],
    columns: &[Column],
    at: &HeaderAt<'_>,
    problems: &mut Problems,
) -> Result<Header, Error> {
    let mut cols: Vec<Option<u32>> = vec![None; columns.len()];
    // Per field: how well its header names it, and the header as written.
    let mut chosen: Vec<Option<(usize, String)>> = vec![None; columns.len()];
    let width = cells.last().map(|(c, _)| *c as usize + 1).unwrap_or(0);
    let mut col_to_field: Vec<Option<u16>> = vec![None; width];
    let mut origins = Vec::new();
    for (c, cell) in cells {
        let label = match cell {
            Cell::Text(t) => fold(t),
            other => fold(&other.raw(false)),
        };
        match at.field(columns, &label) {
            Some((fi, rank)) => {
                let raw = cell.raw(false);
                if let (Some(old_c), Some((old_rank, old_raw))) = (cols[fi], &chosen[fi]) {
                    // Two names equally good (the same header twice, or
                    // `Klient` beside `Client`): which one is meant is not
                    // ours to guess. Otherwise a care system's export that
                    // writes `Pečovatel` beside `Pracovník` reads the
                    // better-named column and notes the other.
                    if rank == *old_rank {
                        return Err(Error::new(ErrorKind::DuplicateColumn {
                            place: origin.place(sheet, number, *c),
                            column: columns[fi].cs,
                        }));
                    }
                    let (ignored_c, ignored_raw, used) = if rank < *old_rank {
                        (old_c, old_raw.clone(), raw.clone())
                    } else {
                        (*c, raw.clone(), old_raw.clone())
                    };
                    problems.push(Problem::new(
                        origin.place(sheet, number, ignored_c),
                        ignored_raw,
                        Reason::SameColumnAgain(used),
                    ));
                    if rank > *old_rank {
                        continue;
                    }
                    if let Some(slot) = col_to_field.get_mut(old_c as usize) {
                        *slot = None;
                    }
                    origins.retain(|o: &ColumnOrigin| o.column != columns[fi].cs);
                }
                let mapped = at
                    .mapping
                    .is_some_and(|m| m.field(at.kind, &label).is_some());
                if let Some(m) = at.mapping {
                    m.found(at.kind, &label);
                }
                origins.push(ColumnOrigin {
                    sheet: at.kind.cs().to_string(),
                    column: columns[fi].cs.to_string(),
                    header: cell.raw(false).trim().to_string(),
                    input: sheet_label(origin, sheet),
                    mapped,
                });
                cols[fi] = Some(*c);
                chosen[fi] = Some((rank, raw));
                if let Some(slot) = col_to_field.get_mut(*c as usize) {
                    *slot = Some(fi as u16);
                }
            }
            None => problems.push(Problem::new(
                origin.place(sheet, number, *c),
                cell.raw(false),
                Reason::IgnoredColumn,
            )),
        }
    }
    let first = cells.first().map(|(c, _)| *c).unwrap_or(0);
    let missing = columns
        .iter()
        .zip(&cols)
        .find(|(col, found)| col.required && found.is_none())
        .map(|(col, _)| col.cs);
    if let Some(column) = missing {
        return Err(Error::new(ErrorKind::MissingColumn {
            place: origin.place(sheet, number, first),
            column,
            sheet_kind: at.kind,
            headers: header_texts(cells),
        }));
    }
    Ok(Header {
        cols,
        col_to_field,
        fields: None,
        origins,
    })
}
