//! Reading one table sheet: find the header, map the columns, and hand each
//! data row to the sheet's parser, keeping the row accounting.
//!
//! Rows above the header, entirely empty rows and totals rows are not data
//! rows. Every data row is accepted or rejected (with a [`Problem`]), so
//! `read = accepted + rejected` holds by construction.

use super::book::{Book, Budget};
use super::cell::Cell;
use super::value::Ctx;
use crate::error::{Error, ErrorKind};
use crate::matching::fold;
use crate::place::Place;
use crate::problem::{Problem, Problems, Reason, RowCount};
use crate::workbook::schema::{self, Column, SheetKind};

/// What reading one workbook's sheets shares: the open book, its date
/// system, the cell budget, the problems so far and the strict flag. Each
/// sheet is read through it, not through six parameters.
pub(crate) struct Reading<'r, 'b> {
    pub book: &'r mut Book<'b>,
    pub ctx: Ctx,
    pub budget: Budget,
    pub problems: Problems,
    pub strict: bool,
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
            book,
            budget: Budget {
                limits: options.limits,
                cells: 0,
                progress: options.progress.clone(),
            },
            problems,
            strict: options.strict,
        }
    }
}

/// The place and typed values of one data row.
pub(crate) struct Row<'r, 'c> {
    sheet: &'r str,
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
        Place::new(
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
        book,
        ctx,
        budget,
        problems,
        strict,
    } = reading;
    let (ctx, strict) = (*ctx, *strict);
    let columns = schema::columns(kind);
    let mut header: Option<Header> = None;
    let mut count = RowCount::default();
    let mut slots: Vec<Option<u32>> = Vec::with_capacity(columns.len());
    let budget_progress = budget.progress.clone();
    let result = book.for_each_row(name, budget, |r, cells| {
        let number = r + 1;
        let Some(h) = &header else {
            if cells.len() >= 2 {
                header = Some(read_header(name, number, cells, columns, problems, check)?);
            }
            return Ok(());
        };
        // A totals row: its first non-empty cell says so.
        if let Some((c, Cell::Text(t))) = cells.first() {
            let f = fold(t);
            let f = f.trim_end_matches(':');
            if matches!(f, "celkem" | "total" | "totals" | "soucet" | "suma" | "sum") {
                problems.push(Problem::new(
                    Place::new(name, number, *c),
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
        slots.clear();
        slots.resize(columns.len(), None);
        for (i, (c, cell)) in cells.iter().enumerate() {
            match h.col_to_field.get(*c as usize).copied().flatten() {
                Some(fi) => slots[fi as usize] = Some(i as u32),
                None => {
                    if let Cell::Error(e) = cell {
                        problems.push(Problem::new(
                            Place::new(name, number, *c),
                            e,
                            Reason::ErrorInUnusedColumn,
                        ));
                    }
                }
            }
        }
        let row = Row {
            sheet: name,
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
    });
    problems.rows.insert(kind.cs().to_string(), count);
    result?;
    if header.is_none() {
        return Err(Error::new(ErrorKind::NoHeader {
            sheet: name.to_string(),
        }));
    }
    Ok(())
}

fn read_header(
    sheet: &str,
    number: u32,
    cells: &[(u32, Cell<'_>)],
    columns: &[Column],
    problems: &mut Problems,
    check: Option<HeaderCheck>,
) -> Result<Header, Error> {
    let mut cols: Vec<Option<u32>> = vec![None; columns.len()];
    // Per field: how well its header names it, and the header as written.
    let mut chosen: Vec<Option<(usize, String)>> = vec![None; columns.len()];
    let width = cells.last().map(|(c, _)| *c as usize + 1).unwrap_or(0);
    let mut col_to_field: Vec<Option<u16>> = vec![None; width];
    for (c, cell) in cells {
        let label = match cell {
            Cell::Text(t) => fold(t),
            other => fold(&other.raw(false)),
        };
        let hit = columns
            .iter()
            .enumerate()
            .find_map(|(fi, col)| col.rank(&label).map(|r| (fi, r)));
        match hit {
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
                            place: Place::new(sheet, number, *c),
                            column: columns[fi].cs,
                        }));
                    }
                    let (ignored_c, ignored_raw, used) = if rank < *old_rank {
                        (old_c, old_raw.clone(), raw.clone())
                    } else {
                        (*c, raw.clone(), old_raw.clone())
                    };
                    problems.push(Problem::new(
                        Place::new(sheet, number, ignored_c),
                        ignored_raw,
                        Reason::SameColumnAgain(used),
                    ));
                    if rank > *old_rank {
                        continue;
                    }
                    if let Some(slot) = col_to_field.get_mut(old_c as usize) {
                        *slot = None;
                    }
                }
                cols[fi] = Some(*c);
                chosen[fi] = Some((rank, raw));
                if let Some(slot) = col_to_field.get_mut(*c as usize) {
                    *slot = Some(fi as u16);
                }
            }
            None => problems.push(Problem::new(
                Place::new(sheet, number, *c),
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
        .map(|(col, _)| col.cs)
        .or_else(|| check.and_then(|f| f(&cols)));
    if let Some(column) = missing {
        return Err(Error::new(ErrorKind::MissingColumn {
            place: Place::new(sheet, number, first),
            column,
        }));
    }
    Ok(Header { cols, col_to_field })
}
