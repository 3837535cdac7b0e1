//! A table's cells, placed as calamine places them: rows and cells follow
//! one another, repeated ones take as many rows or columns as they say
//! (within calamine's caps of 1 048 576 rows and 16 384 columns), and only
//! cells with a value are handed on.

use std::io::Read;

use super::super::cell::Cell;
use super::super::ooxml::window::{Markup, Window, pick, tag_name};
use super::content::{Table, with_content};
use super::quick;
use super::value::{count, head, text};
use super::{as_ods, malformed};
use crate::error::{Error, ErrorKind, Limit};

/// calamine's caps on an .ods table.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// Calls `f(row, column, value)` for every cell with a value of `table`,
/// row by row; `f` answers `false` to stop. With the `cells_before` of the
/// sheets read already, at most `max_cells` cells are handed on: a
/// repeated run that would pass it is refused before it is expanded.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] when the table's XML cannot be followed,
/// [`ErrorKind::LimitExceeded`] ([`Limit::Cells`]) past `max_cells`, and
/// what `f` returns.
pub(crate) fn for_each_cell(
    bytes: &[u8],
    table: &Table,
    cells_before: u64,
    max_cells: u64,
    mut f: impl FnMut(u32, u32, Cell<'static>) -> Result<bool, Error>,
) -> Result<(), Error> {
    let mut scan =
        |src: &mut dyn Read| Scan::new(src, &table.name, cells_before, max_cells).run(&mut f);
    let result = match &table.xml {
        Some(xml) => scan(&mut &xml[..]),
        None => with_content(bytes, |part| {
            // Inflate and drop what comes before the table.
            let skipped = std::io::copy(&mut part.take(table.start), &mut std::io::sink())
                .map_err(|e| malformed(e.to_string()))?;
            if skipped < table.start {
                return Err(malformed("content.xml is shorter than at open"));
            }
            scan(part)
        }),
    };
    result.map_err(as_ods)
}

/// The walk through one table.
struct Scan<'t, R> {
    w: Window<R>,
    sheet: &'t str,
    /// Rows taken so far (calamine's row count, repeats included).
    rows: u64,
    /// Cells handed on in the workbook, and the most allowed.
    cells: u64,
    max_cells: u64,
    /// The current row's cells with a value.
    row: Vec<(u32, Cell<'static>)>,
}

impl<'t, R: Read> Scan<'t, R> {
    fn new(src: R, sheet: &'t str, cells_before: u64, max_cells: u64) -> Scan<'t, R> {
        Scan {
            w: Window::new(src),
            sheet,
            rows: 0,
            cells: cells_before,
            max_cells,
            row: Vec::new(),
        }
    }

    fn run(
        mut self,
        f: &mut impl FnMut(u32, u32, Cell<'static>) -> Result<bool, Error>,
    ) -> Result<(), Error> {
        // The table's start tag.
        match self.w.next_markup()? {
            Some(Markup::Start { len, empty }) => {
                self.w.consume(len);
                if empty {
                    return Ok(());
                }
            }
            _ => return Err(malformed("the table does not start where it did at open")),
        }
        loop {
            let m = self.w.next_markup()?.ok_or_else(|| {
                malformed(format!("content.xml ends inside the table {}", self.sheet))
            })?;
            match m {
                Markup::End { len } => {
                    let end = tag_name(&self.w.rest()[2..]) == b"table:table";
                    self.w.consume(len);
                    if end {
                        return Ok(());
                    }
                }
                Markup::Other { len } => self.w.consume(len),
                Markup::Start { len, empty } => {
                    let tag = &self.w.rest()[..len];
                    if tag_name(&tag[1..]) != b"table:table-row" {
                        // Columns, header-row and row-group wrappers, shapes:
                        // rows inside a wrapper are read all the same.
                        self.w.consume(len);
                        continue;
                    }
                    let repeats = match pick(tag, [b"table:number-rows-repeated"])[0] {
                        Some(raw) => count(raw)?,
                        None => 1,
                    };
                    self.w.consume(len);
                    self.row.clear();
                    if !empty {
                        self.read_row()?;
                    }
                    let repeats = repeats.min(MAX_ROWS - self.rows);
                    if !self.hand_on(repeats, f)? {
                        return Ok(());
                    }
                    self.rows += repeats;
                }
            }
        }
    }

    /// Reads one row's cells (after its start tag, through its end tag)
    /// into `self.row`.
    fn read_row(&mut self) -> Result<(), Error> {
        // Columns taken so far, and empty cells not yet placed (calamine
        // places them only when a cell with something follows).
        let mut taken = 0u64;
        let mut pending = 0u64;
        loop {
            let rest = self.w.rest();
            if let Some(q) = quick::cell(rest) {
                self.w.consume(q.len);
                self.place(&mut taken, &mut pending, q.value, q.holds, q.repeats);
                continue;
            }
            if rest.starts_with(b"</table:table-row>") {
                self.w.consume(b"</table:table-row>".len());
                return Ok(());
            }
            let m = self
                .w
                .next_markup()?
                .ok_or_else(|| malformed("content.xml ends inside a row"))?;
            let (len, empty) = match m {
                Markup::End { len } => {
                    let end = tag_name(&self.w.rest()[2..]) == b"table:table-row";
                    self.w.consume(len);
                    if end {
                        return Ok(());
                    }
                    continue;
                }
                Markup::Other { len } => {
                    self.w.consume(len);
                    continue;
                }
                Markup::Start { len, empty } => (len, empty),
            };
            let name = tag_name(&self.w.rest()[1..len]);
            let cell_name: &[u8] = match name {
                b"table:table-cell" => b"table:table-cell",
                b"table:covered-table-cell" => b"table:covered-table-cell",
                _ => {
                    self.w.consume(len);
                    continue;
                }
            };
            let h = head(&self.w.rest()[..len], 1 + cell_name.len())?;
            let value = if empty {
                self.w.consume(len);
                if h.text { Cell::Empty } else { h.value }
            } else {
                let n = self.w.element(len, cell_name)?;
                let value = if h.text {
                    let inner = &self.w.rest()[len..n];
                    let close = inner
                        .iter()
                        .rposition(|&b| b == b'<')
                        .unwrap_or(inner.len());
                    text(&inner[..close])?
                } else {
                    h.value
                };
                self.w.consume(n);
                value
            };
            self.place(&mut taken, &mut pending, value, h.holds, h.repeats);
        }
    }

    /// Places a cell repeated `repeats` times after the `taken` columns: an
    /// empty one waits in `pending` (calamine places empty cells only before
    /// one that holds something); a value is kept for each column.
    #[inline]
    fn place(
        &mut self,
        taken: &mut u64,
        pending: &mut u64,
        value: Cell<'static>,
        holds: bool,
        repeats: u64,
    ) {
        *taken += (*pending).min(MAX_COLUMNS - *taken);
        *pending = 0;
        let run = repeats.min(MAX_COLUMNS - *taken);
        if !holds {
            *pending = run;
            return;
        }
        if !value.is_empty() && run > 0 {
            self.row.reserve(run.min(MAX_COLUMNS) as usize);
            for c in *taken..*taken + run {
                self.row.push((c as u32, value.clone()));
            }
        }
        *taken += run;
    }

    /// Hands the row read on `repeats` times, from row `self.rows`;
    /// `false` when `f` has stopped.
    fn hand_on(
        &mut self,
        repeats: u64,
        f: &mut impl FnMut(u32, u32, Cell<'static>) -> Result<bool, Error>,
    ) -> Result<bool, Error> {
        if self.row.is_empty() || repeats == 0 {
            return Ok(true);
        }
        let n = (self.row.len() as u64).saturating_mul(repeats);
        if self.cells.saturating_add(n) > self.max_cells {
            return Err(Error::new(ErrorKind::LimitExceeded {
                limit: Limit::Cells,
                value: self.cells.saturating_add(n),
                max: self.max_cells,
                context: self.sheet.to_string(),
            }));
        }
        self.cells += n;
        let last = self.rows + repeats - 1;
        for r in self.rows..last {
            for (c, v) in &self.row {
                if !f(r as u32, *c, v.clone())? {
                    return Ok(false);
                }
            }
        }
        // The last (most often the only) copy moves the values.
        for (c, v) in self.row.drain(..) {
            if !f(last as u32, c, v)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
