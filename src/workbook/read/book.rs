//! An opened workbook of any format, giving each sheet as rows of non-empty
//! cells, with the row, column and cell limits enforced as cells arrive.
//!
//! xlsx and xlsb sheets are streamed cell by cell (calamine's dense `Range`
//! would allocate rows × columns up front and aborts on a dimension bomb):
//! xlsx by our own scanner ([`super::ooxml`]) once calamine has opened the
//! workbook, xlsb by calamine's cell reader, ods by our own scanner
//! ([`super::odf`]) from the start;
//! xls sheets, whose reader has no streaming interface, are loaded as ranges
//! (their size is bounded by the file-size limit), and so are the sheets of
//! an .ods our scanner cannot follow, which calamine reads after the
//! pre-scan that bounds what it will expand ([`super::ods_guard`]).

use std::io::Cursor;

use calamine::{Ods, Reader, Xls, Xlsb, Xlsx};

use super::cell::Cell;
use super::limits::ReadLimits;
use super::odf::OdsBook;
use super::ooxml::{Workbook, for_each_cell};
use super::sniff::Format;
use crate::error::{Error, ErrorKind, Limit};

type Bytes<'b> = Cursor<&'b [u8]>;

/// Streams a sheet's cells from a calamine workbook with a cell reader
/// (xlsx, xlsb) into batches handed to `tx` ([`Batches`]); stops quietly
/// when the other side has stopped.
macro_rules! send_cells {
    ($book:expr, $sheet:expr, $format:expr, $tx:expr) => {{
        let mut reader = $book
            .worksheet_cells_reader($sheet)
            .map_err(|x| reader_error($format, x))?;
        let mut out = Batcher::new();
        while let Some(cell) = reader.next_cell().map_err(|x| reader_error($format, x))? {
            let (row, col) = cell.get_position();
            if !out.push($tx, row, col, Cell::from_ref(cell.get_value().clone())) {
                return Ok(());
            }
        }
        out.finish($tx);
        Ok(())
    }};
}

pub(crate) enum Book<'b> {
    /// An xlsx read by our own scanner, with what calamine found at open.
    Ooxml(Box<OoxmlBook<'b>>),
    /// An xlsx our scanner could not locate parts in: calamine reads it.
    Xlsx(Box<Xlsx<Bytes<'b>>>),
    Xlsb(Box<Xlsb<Bytes<'b>>>),
    Xls(Box<Xls<Bytes<'b>>>),
    /// An .ods read by our own scanner.
    Odf(Box<OdsBook<'b>>),
    /// An .ods our scanner could not follow at open: calamine reads it.
    Ods(Box<Ods<Bytes<'b>>>),
}

/// Maps a calamine error to ours: password → `Encrypted`, else `Malformed`.
fn reader_error(format: Format, e: impl std::fmt::Display) -> Error {
    let message = e.to_string();
    if message.to_ascii_lowercase().contains("password")
        || message.to_ascii_lowercase().contains("encrypt")
    {
        return Error::new(ErrorKind::Encrypted);
    }
    Error::new(ErrorKind::Malformed {
        format: format.name(),
        message: crate::display::clip(&message, 300),
    })
}

/// Counts cells against the limits while a sheet is read.
pub(crate) struct Budget {
    pub limits: ReadLimits,
    pub cells: u64,
    pub progress: Option<super::limits::Progress>,
}

impl Budget {
    pub(crate) fn cell(&mut self, sheet: &str, row: u32, col: u32) -> Result<(), Error> {
        self.cells += 1;
        let l = &self.limits;
        let exceeded = |limit, value, max| {
            Err(Error::new(ErrorKind::LimitExceeded {
                limit,
                value,
                max,
                context: sheet.to_string(),
            }))
        };
        if self.cells > l.cells {
            return exceeded(Limit::Cells, self.cells, l.cells);
        }
        if u64::from(row) + 1 > l.rows {
            return exceeded(Limit::Rows, u64::from(row) + 1, l.rows);
        }
        if u64::from(col) + 1 > l.columns {
            return exceeded(Limit::Columns, u64::from(col) + 1, l.columns);
        }
        Ok(())
    }
}

/// An xlsx workbook for our scanner: its parts, and the sheet list,
/// visibility and date system as calamine read them at open.
pub(crate) struct OoxmlBook<'b> {
    workbook: Workbook<'b>,
    names: Vec<String>,
    hidden: Vec<String>,
    date_1904: bool,
}

impl<'b> OoxmlBook<'b> {
    /// Our reading of the package, with what calamine found when it opened
    /// the same bytes (its workbook already dropped, so that shared
    /// strings are never held twice). An error if any sheet calamine lists
    /// has no part we can find.
    fn new(
        bytes: &'b [u8],
        names: Vec<String>,
        hidden: Vec<String>,
        date_1904: bool,
    ) -> Result<OoxmlBook<'b>, Error> {
        let workbook = Workbook::open(bytes)?;
        if let Some(lost) = names.iter().find(|n| workbook.sheet_path(n).is_none()) {
            return Err(super::ooxml::malformed(format!("no part for sheet {lost}")));
        }
        Ok(OoxmlBook {
            workbook,
            names,
            hidden,
            date_1904,
        })
    }
}

fn hidden(meta: &[calamine::Sheet]) -> Vec<String> {
    meta.iter()
        .filter(|s| s.visible != calamine::SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

impl<'b> Book<'b> {
    pub(crate) fn open(bytes: &'b [u8], format: Format) -> Result<Book<'b>, Error> {
        let c = Cursor::new(bytes);
        Ok(match format {
            Format::Xlsx => {
                // calamine opens first: it refuses what it refuses and gives
                // the sheet list, visibility and date system.
                let opened = Xlsx::new(c.clone()).map_err(|x| reader_error(format, x))?;
                let (names, hidden, date_1904) = (
                    opened.sheet_names(),
                    hidden(opened.sheets_metadata()),
                    opened.has_1904_epoch(),
                );
                drop(opened);
                match OoxmlBook::new(bytes, names, hidden, date_1904) {
                    Ok(ours) => Book::Ooxml(Box::new(ours)),
                    // Rare (parts we cannot locate or read): calamine, which
                    // has just opened the same bytes, reads the book.
                    Err(_) => {
                        Book::Xlsx(Box::new(Xlsx::new(c).map_err(|x| reader_error(format, x))?))
                    }
                }
            }
            Format::Xlsb => {
                Book::Xlsb(Box::new(Xlsb::new(c).map_err(|x| reader_error(format, x))?))
            }
            Format::Xls => Book::Xls(Box::new(Xls::new(c).map_err(|x| reader_error(format, x))?)),
            Format::Ods => match OdsBook::open(bytes) {
                Ok(ours) => Book::Odf(Box::new(ours)),
                Err(_) => {
                    super::ods_guard::check(bytes)?;
                    Book::Ods(Box::new(Ods::new(c).map_err(|x| reader_error(format, x))?))
                }
            },
        })
    }

    pub(crate) fn format(&self) -> Format {
        match self {
            Book::Ooxml(_) | Book::Xlsx(_) => Format::Xlsx,
            Book::Xlsb(_) => Format::Xlsb,
            Book::Xls(_) => Format::Xls,
            Book::Odf(_) | Book::Ods(_) => Format::Ods,
        }
    }

    pub(crate) fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Ooxml(b) => b.names.clone(),
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xlsb(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Odf(b) => b.tables.iter().map(|t| t.name.clone()).collect(),
            Book::Ods(b) => b.sheet_names(),
        }
    }

    /// Names of the sheets the workbook hides (hidden or very hidden).
    pub(crate) fn hidden_sheets(&self) -> Vec<String> {
        match self {
            Book::Ooxml(b) => b.hidden.clone(),
            Book::Xlsx(b) => hidden(b.sheets_metadata()),
            Book::Xlsb(b) => hidden(b.sheets_metadata()),
            Book::Xls(b) => hidden(b.sheets_metadata()),
            Book::Odf(b) => b
                .tables
                .iter()
                .filter(|t| t.hidden)
                .map(|t| t.name.clone())
                .collect(),
            Book::Ods(b) => hidden(b.sheets_metadata()),
        }
    }

    pub(crate) fn date_1904(&self) -> bool {
        match self {
            Book::Ooxml(b) => b.date_1904,
            Book::Xlsx(b) => b.has_1904_epoch(),
            Book::Xlsb(b) => b.has_1904_epoch(),
            Book::Xls(b) => b.has_1904_epoch(),
            Book::Odf(_) | Book::Ods(_) => false,
        }
    }

    /// Calls `f(row, cells)` for every row that has a non-empty cell, in
    /// sheet order; `row` is 0-based, `cells` are `(column, value)` sorted
    /// as the file gives them.
    pub(crate) fn for_each_row<F>(
        &mut self,
        sheet: &str,
        budget: &mut Budget,
        mut f: F,
    ) -> Result<(), Error>
    where
        F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
    {
        let format = self.format();
        match self {
            // Two threads: one parses the sheet's XML (our scanner for xlsx,
            // calamine's for the fallback and xlsb) while this thread checks
            // limits and runs `f` on the rows so far (batches through a
            // bounded channel, so memory stays bounded).
            Book::Ooxml(b) => {
                let b: &mut OoxmlBook<'b> = b;
                let path = b
                    .workbook
                    .sheet_path(sheet)
                    .ok_or_else(|| reader_error(format, format!("no sheet {sheet}")))?
                    .to_string();
                let Workbook {
                    package,
                    strings,
                    number_kinds,
                    ..
                } = &mut b.workbook;
                let (strings, kinds) = (&*strings, &number_kinds[..]);
                pipelined(sheet, budget, &mut f, move |tx| {
                    let part = package
                        .entry(&path)?
                        .ok_or_else(|| reader_error(format, format!("no part {path}")))?;
                    let mut out = Batcher::new();
                    for_each_cell(part, strings, kinds, |row, col, value| {
                        Ok(out.push(tx, row, col, value))
                    })?;
                    out.finish(tx);
                    Ok(())
                })
            }
            Book::Xlsx(b) => {
                let b: &mut Xlsx<Bytes<'b>> = b;
                pipelined(sheet, budget, &mut f, move |tx| {
                    send_cells!(b, sheet, format, tx)
                })
            }
            Book::Xlsb(b) => {
                let b: &mut Xlsb<Bytes<'b>> = b;
                pipelined(sheet, budget, &mut f, move |tx| {
                    send_cells!(b, sheet, format, tx)
                })
            }
            Book::Odf(b) => {
                let bytes = b.bytes;
                let table = b
                    .table(sheet)
                    .ok_or_else(|| reader_error(format, format!("no sheet {sheet}")))?;
                let (before, max_cells) = (budget.cells, budget.limits.cells);
                pipelined(sheet, budget, &mut f, move |tx| {
                    let mut out = Batcher::new();
                    super::odf::for_each_cell(
                        bytes,
                        table,
                        before,
                        max_cells,
                        |row, col, value| Ok(out.push(tx, row, col, value)),
                    )?;
                    out.finish(tx);
                    Ok(())
                })
            }
            Book::Xls(b) => {
                let range = b
                    .worksheet_range(sheet)
                    .map_err(|x| reader_error(format, x))?;
                range_rows(sheet, budget, &range, &mut f)
            }
            Book::Ods(b) => {
                let range = b
                    .worksheet_range(sheet)
                    .map_err(|x| reader_error(format, x))?;
                range_rows(sheet, budget, &range, &mut f)
            }
        }
    }
}

/// Cells per batch sent from the parsing thread.
const BATCH: usize = 4096;

/// A parser's cells gathered into batches of [`BATCH`] for [`Batches`].
struct Batcher<'a> {
    batch: Vec<(u32, u32, Cell<'a>)>,
    open: bool,
}

impl<'a> Batcher<'a> {
    fn new() -> Batcher<'a> {
        Batcher {
            batch: Vec::with_capacity(BATCH),
            open: true,
        }
    }

    /// Adds a cell, handing a full batch on; `false` once the other side
    /// has stopped (the parser then stops too).
    fn push(&mut self, tx: &mut Batches<'_, 'a>, row: u32, col: u32, value: Cell<'a>) -> bool {
        self.batch.push((row, col, value));
        if self.batch.len() == BATCH {
            let full = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
            self.open = tx.send(Ok(full));
        }
        self.open
    }

    /// Hands on the last, partial batch.
    fn finish(self, tx: &mut Batches<'_, 'a>) {
        if self.open {
            let _ = tx.send(Ok(self.batch));
        }
    }
}
/// Batches in flight: at most this many wait while `f` runs.
#[cfg(not(target_arch = "wasm32"))]
const IN_FLIGHT: usize = 4;

/// A batch of `(row, column, value)`, or the error that ended parsing.
type Batch<'a> = Result<Vec<(u32, u32, Cell<'a>)>, Error>;

/// Where a sheet's parser hands its batches of cells: through a bounded
/// channel to the thread that groups them into rows, or, where there are no
/// threads (WebAssembly in a browser), straight into that grouping.
pub(crate) enum Batches<'s, 'a> {
    /// The parser runs on its own thread.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Channel(&'s std::sync::mpsc::SyncSender<Batch<'a>>),
    /// The parser runs on this thread; `false` from it stops the parser.
    #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
    Inline(&'s mut dyn FnMut(Batch<'a>) -> bool),
}

impl<'a> Batches<'_, 'a> {
    /// Hands a batch on; `false` when the other side has stopped (an error
    /// there), so the parser stops too.
    fn send(&mut self, batch: Batch<'a>) -> bool {
        match self {
            Batches::Channel(tx) => tx.send(batch).is_ok(),
            Batches::Inline(take) => take(batch),
        }
    }
}

/// The rows being grouped from batches of cells, for `f`.
struct Grouping<'a> {
    row_buf: Vec<(u32, Cell<'a>)>,
    current: Option<u32>,
}

impl<'a> Grouping<'a> {
    fn new() -> Grouping<'a> {
        Grouping {
            row_buf: Vec::with_capacity(32),
            current: None,
        }
    }

    /// Takes one batch (or the parser's error) into the rows.
    fn take<F>(
        &mut self,
        sheet: &str,
        budget: &mut Budget,
        f: &mut F,
        batch: Batch<'a>,
    ) -> Result<(), Error>
    where
        F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
    {
        for (row, col, value) in batch? {
            stream_cell(
                sheet,
                budget,
                &mut self.row_buf,
                &mut self.current,
                row,
                col,
                value,
                f,
            )?;
        }
        Ok(())
    }

    /// Hands the last row to `f`.
    fn finish<F>(self, f: &mut F) -> Result<(), Error>
    where
        F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
    {
        if let Some(r) = self.current {
            f(r, &self.row_buf)?;
        }
        Ok(())
    }
}

/// Runs `parse` (which hands on batches of cells) and groups the cells into
/// rows for `f`: on two threads natively, on one in a browser.
fn pipelined<'a, F, P>(sheet: &str, budget: &mut Budget, f: &mut F, parse: P) -> Result<(), Error>
where
    F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
    P: FnOnce(&mut Batches<'_, 'a>) -> Result<(), Error> + Send,
    Cell<'a>: Send,
{
    #[cfg(target_arch = "wasm32")]
    return inline(sheet, budget, f, parse);
    #[cfg(not(target_arch = "wasm32"))]
    threaded(sheet, budget, f, parse)
}

/// Runs `parse` on its own thread and groups the cells into rows for `f`
/// here. An error on either side stops both: a dropped receiver ends the
/// parser at its next send.
#[cfg(not(target_arch = "wasm32"))]
fn threaded<'a, F, P>(sheet: &str, budget: &mut Budget, f: &mut F, parse: P) -> Result<(), Error>
where
    F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
    P: FnOnce(&mut Batches<'_, 'a>) -> Result<(), Error> + Send,
    Cell<'a>: Send,
{
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<'a>>(IN_FLIGHT);
        let parser = s.spawn(move || {
            if let Err(e) = parse(&mut Batches::Channel(&tx)) {
                let _ = tx.send(Err(e));
            }
        });
        let mut rows = Grouping::new();
        let mut result = Ok(());
        for batch in rx.iter() {
            result = rows.take(sheet, budget, f, batch);
            if result.is_err() {
                break;
            }
        }
        drop(rx);
        if let Err(panic) = parser.join() {
            std::panic::resume_unwind(panic);
        }
        result?;
        rows.finish(f)
    })
}

/// Runs `parse` on this thread, grouping each batch as it comes: the same
/// bounded memory on one core, for WebAssembly in a browser (no threads).
/// Tested natively against [`threaded`].
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn inline<'a, F, P>(sheet: &str, budget: &mut Budget, f: &mut F, parse: P) -> Result<(), Error>
where
    F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
    P: FnOnce(&mut Batches<'_, 'a>) -> Result<(), Error>,
{
    let mut rows = Grouping::new();
    let mut result = Ok(());
    let mut take = |batch: Batch<'a>| {
        result = rows.take(sheet, budget, f, batch);
        result.is_ok()
    };
    let parsed = parse(&mut Batches::Inline(&mut take));
    result?;
    parsed?;
    rows.finish(f)
}

#[allow(clippy::too_many_arguments)]
fn stream_cell<'a, F>(
    sheet: &str,
    budget: &mut Budget,
    row_buf: &mut Vec<(u32, Cell<'a>)>,
    current: &mut Option<u32>,
    row: u32,
    col: u32,
    value: Cell<'a>,
    f: &mut F,
) -> Result<(), Error>
where
    F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
{
    budget.cell(sheet, row, col)?;
    if value.is_empty() {
        return Ok(());
    }
    if *current != Some(row) {
        if let Some(r) = *current {
            f(r, row_buf)?;
        }
        row_buf.clear();
        *current = Some(row);
    }
    if row_buf.len() as u64 >= budget.limits.columns {
        // The same row repeated cell after cell: more cells than columns.
        return Err(Error::new(ErrorKind::LimitExceeded {
            limit: Limit::Columns,
            value: row_buf.len() as u64 + 1,
            max: budget.limits.columns,
            context: sheet.to_string(),
        }));
    }
    row_buf.push((col, value));
    Ok(())
}

fn range_rows<F>(
    sheet: &str,
    budget: &mut Budget,
    range: &calamine::Range<calamine::Data>,
    f: &mut F,
) -> Result<(), Error>
where
    F: FnMut(u32, &[(u32, Cell<'_>)]) -> Result<(), Error>,
{
    let Some((r0, c0)) = range.start() else {
        return Ok(());
    };
    let mut row_buf: Vec<(u32, Cell<'_>)> = Vec::with_capacity(32);
    for (i, row) in range.rows().enumerate() {
        let r = r0 + i as u32;
        row_buf.clear();
        for (j, v) in row.iter().enumerate() {
            let cell = Cell::from_data(v);
            if cell.is_empty() {
                continue;
            }
            let c = c0 + j as u32;
            budget.cell(sheet, r, c)?;
            row_buf.push((c, cell));
        }
        if !row_buf.is_empty() {
            f(r, &row_buf)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod pipeline_tests {
    use super::*;

    /// Rows as `f` sees them: (row, [(column, text)]).
    type Rows = Vec<(u32, Vec<(u32, String)>)>;

    /// 10 000 cells over 2 500 rows in batches of 4 096 (rows straddle the
    /// batches), through one pipeline; `stop_at` makes `f` fail on a row.
    fn run(threads: bool, stop_at: Option<u32>) -> (Rows, Result<(), Error>) {
        let mut budget = Budget {
            limits: ReadLimits::default(),
            cells: 0,
            progress: None,
        };
        let mut rows: Rows = Vec::new();
        let mut f = |row: u32, cells: &[(u32, Cell<'_>)]| {
            if Some(row) == stop_at {
                return Err(Error::new(ErrorKind::Malformed {
                    format: "test",
                    message: "stop".into(),
                }));
            }
            rows.push((row, cells.iter().map(|(c, v)| (*c, v.raw(false))).collect()));
            Ok(())
        };
        let parse = |out: &mut Batches<'_, 'static>| {
            let mut batch = Vec::with_capacity(BATCH);
            for i in 0..10_000u32 {
                batch.push((i / 4, i % 4, Cell::Int(i64::from(i))));
                if batch.len() == BATCH && !out.send(Ok(std::mem::take(&mut batch))) {
                    return Ok(());
                }
            }
            out.send(Ok(batch));
            Ok(())
        };
        let result = if threads {
            threaded("Výkazy", &mut budget, &mut f, parse)
        } else {
            inline("Výkazy", &mut budget, &mut f, parse)
        };
        (rows, result)
    }

    #[test]
    fn one_thread_groups_rows_as_two_do() {
        let (two, r2) = run(true, None);
        let (one, r1) = run(false, None);
        assert!(r1.is_ok() && r2.is_ok());
        assert_eq!(two.len(), 2_500);
        assert_eq!(
            two[1],
            (
                1,
                vec![
                    (0, "4".into()),
                    (1, "5".into()),
                    (2, "6".into()),
                    (3, "7".into())
                ]
            )
        );
        assert_eq!(one, two);
        // An error in `f` stops both at the same row, with the error.
        let (two, r2) = run(true, Some(1_500));
        let (one, r1) = run(false, Some(1_500));
        assert_eq!((one.len(), two.len()), (1_500, 1_500));
        assert!(r1.is_err() && r2.is_err());
    }
}
