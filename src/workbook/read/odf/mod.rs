//! Our own reader of .ods sheets: a streaming scan of `content.xml` that
//! types each cell as calamine would, without expanding the document.
//!
//! Why our own: calamine reads every table of `content.xml` into dense
//! ranges when it opens the file, expanding the repeat attributes. A
//! million-row timesheet saved by LibreOffice has a 1.26 GB `content.xml`;
//! calamine's load of it takes 8 s and 1.2 GB, and our limits refused it.
//! The sheet data is a narrow dialect of XML (rows of cells whose value is
//! in their attributes), so the byte scanner of the xlsx reader
//! ([`super::ooxml`]'s window) walks it at a fraction of the cost: what
//! bounds memory is one element plus a chunk, and what the file's size
//! bounds is time.
//!
//! How it holds together:
//! - `content`: one pass over `content.xml` at open finds the tables (name,
//!   hidden or not, where each starts) and skips each table's body with a
//!   byte search. Small tables are kept as their XML (at most 4 MiB each,
//!   32 MiB in all), so reading them later costs no second inflate; a large
//!   table is read by inflating again up to its start (inflating runs at
//!   about 2.5 GB/s here: the repetitive XML packs well).
//! - `cells`: a table's rows and cells, placed as calamine places them
//!   (repeated rows and cells, covered cells, its caps of 1 048 576 rows
//!   and 16 384 columns). An empty repeated run costs nothing; the cells
//!   kept count against the `cells` read limit before a repeated run is
//!   expanded, so a repeat bomb is refused at once.
//! - `value`: a cell's value from its attributes in calamine's order (the
//!   first value attribute wins), or from its text (paragraphs joined with
//!   line breaks, `text:s`, `text:tab`, `text:line-break`, annotations
//!   skipped) for strings and LibreOffice's error cells.
//! - `quick`: the cell shapes LibreOffice writes most (an empty cell, a
//!   plain string, a float, date or time with an optional style), read by
//!   comparing bytes; any other cell goes through `value`.
//! - `agreement` (tests): every cell of every .ods in calamine's corpus and
//!   our fixtures must read the same through both readers.
//!
//! calamine cannot be the source of the sheet list here, as it is for xlsx:
//! opening an .ods with calamine is loading all of it. It remains the
//! fallback when this reader cannot follow a file at open (after the
//! pre-scan that bounds what calamine will expand, `ods_guard`).

mod cells;
mod content;
mod quick;
mod value;

pub(crate) use cells::for_each_cell;
pub(crate) use content::OdsBook;

#[cfg(test)]
mod agreement;

use crate::error::{Error, ErrorKind};

/// The window's and the text decoder's errors name xlsx; here they are
/// about an .ods.
fn as_ods(e: Error) -> Error {
    match e.into_kind() {
        ErrorKind::Malformed { message, .. } => malformed(message),
        kind => Error::new(kind),
    }
}

/// A malformed-part error for the ods reader.
fn malformed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Malformed {
        format: "ods",
        message: message.into(),
    })
}
