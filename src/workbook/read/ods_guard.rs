//! The pre-scan of an `.ods` before calamine opens it: how many cells will
//! calamine hold?
//!
//! calamine reads every table of `content.xml` when it opens the file and
//! expands the repeat attributes as it goes: a cell repeated
//! (`table:number-columns-repeated`) is pushed once per column, up to
//! 16 384 per row element, and a table becomes one dense range spanning
//! its first to last non-empty row (rows repeated with
//! `table:number-rows-repeated` counted that many times) and its first to
//! last non-empty column. Both buffers are alive at once, with a second
//! pair for formulas. A few kilobytes of repeat attributes can so ask for
//! gigabytes (the fuzzer saw 842 MB from files under 256 KB; calamine's own
//! cap is 100 million cells, about 5 GB).
//!
//! This scan walks `content.xml` once without expanding anything, counts
//! what calamine would push and the area of each table's range the way
//! calamine computes them, and refuses the file when the sum exceeds
//! [`max_cells`]. It is conservative where calamine is subtle: a cell
//! counts as non-empty when it carries any value or formula attribute or
//! is a string cell.

use std::io::{BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, ErrorKind, Limit};

/// calamine's caps on the rows and columns of an `.ods` table.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// Most cells an `.ods` may make calamine hold (pushed cells plus the
/// dense ranges, over all tables): one million, or 16 per byte of the
/// file. Deflate packs an honest table's cells into a few bytes each
/// (our generated timesheets take about 2 bytes a cell and are estimated
/// at 2 cells per cell), so only repeat attributes reach the bound. Each
/// counted cell costs calamine about 56 bytes (a value and a formula
/// string), so a file of `n` bytes makes calamine hold at most about
/// 900 `n` bytes, and small files at most about 60 MB.
pub(crate) fn max_cells(file_bytes: usize) -> u64 {
    (1u64 << 20).max(16 * file_bytes as u64)
}

/// Checks the cells an `.ods` makes calamine hold.
///
/// # Errors
///
/// [`ErrorKind::LimitExceeded`] ([`Limit::Cells`], context `ods cells`)
/// when the estimate exceeds [`max_cells`]. A file this scan cannot follow
/// (no `content.xml`, broken XML, a repeat count that is not a number)
/// passes to calamine, which reports it.
pub(crate) fn check(bytes: &[u8]) -> Result<(), Error> {
    let max = max_cells(bytes.len());
    let Some(cells) = estimate(bytes, max) else {
        return Ok(());
    };
    if cells > max {
        return Err(Error::new(ErrorKind::LimitExceeded {
            limit: Limit::Cells,
            value: cells,
            max,
            context: "ods cells".to_string(),
        }));
    }
    Ok(())
}

/// One table's running count.
#[derive(Default)]
struct Table {
    /// Rows so far, after calamine's cap at [`MAX_ROWS`].
    rows: u64,
    /// Cells pushed by row elements (repeats expanded within a row).
    pushed: u64,
    /// Rows from the first non-empty row to the last, repeats counted.
    span: u64,
    /// Rows since the last non-empty row (not yet in `span`).
    gap: u64,
    /// First and last non-empty column, once a non-empty cell was seen.
    columns: Option<(u64, u64)>,
}

impl Table {
    fn cells(&self) -> u64 {
        let width = self.columns.map_or(0, |(lo, hi)| hi + 1 - lo);
        self.pushed.saturating_add(self.span.saturating_mul(width))
    }
}

/// The cells calamine would hold for the file, or `None` when the file is
/// not one this scan can follow. Stops early once over `max`.
fn estimate(bytes: &[u8], max: u64) -> Option<u64> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut reader = Reader::from_reader(BufReader::new(content));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = true;
    config.trim_text(false);

    let mut done = 0u64;
    let mut table: Option<Table> = None;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Eof => return Some(done),
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                table = Some(Table::default());
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(t) = table.take() {
                    done = done.saturating_add(t.cells());
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let Some(t) = table.as_mut() else { continue };
                let repeats = repeat(&e, "table:number-rows-repeated")?;
                let repeats = repeats.min(MAX_ROWS.saturating_sub(t.rows));
                t.rows += repeats;
                let (pushed, used) = read_row(&mut reader)?;
                t.pushed = t.pushed.saturating_add(pushed);
                match used {
                    Some((lo, hi)) => {
                        t.span = if t.columns.is_some() {
                            t.span.saturating_add(t.gap).saturating_add(repeats)
                        } else {
                            repeats
                        };
                        t.gap = 0;
                        t.columns = Some(match t.columns {
                            Some((a, b)) => (a.min(lo), b.max(hi)),
                            None => (lo, hi),
                        });
                    }
                    None => t.gap = t.gap.saturating_add(repeats),
                }
                if done.saturating_add(t.cells()) > max {
                    return Some(done.saturating_add(t.cells()));
                }
            }
            _ => {}
        }
    }
}

/// Reads one row element's cells (the reader just passed its start tag):
/// the cells calamine pushes for it and the first and last non-empty
/// column, if any.
fn read_row<R: std::io::BufRead>(reader: &mut Reader<R>) -> Option<(u64, Option<(u64, u64)>)> {
    let mut buf = Vec::new();
    let mut skip = Vec::new();
    let mut pushed = 0u64;
    let mut pending_empty = 0u64;
    let mut used: Option<(u64, u64)> = None;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let repeats = repeat(&e, "table:number-columns-repeated")?;
                // Empty cells before this one are pushed now.
                pushed += pending_empty.min(MAX_COLUMNS - pushed);
                pending_empty = 0;
                let repeats = repeats.min(MAX_COLUMNS - pushed);
                if has_value(&e) {
                    if repeats > 0 {
                        let (lo, hi) = (pushed, pushed + repeats - 1);
                        used = Some(used.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
                    }
                    pushed += repeats;
                } else {
                    pending_empty = repeats;
                }
                skip.clear();
                reader.read_to_end_into(e.name(), &mut skip).ok()?;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                return Some((pushed, used));
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A repeat attribute's value (1 when absent); `None` when it is not a
/// number (calamine reports that).
fn repeat(e: &BytesStart<'_>, name: &str) -> Option<u64> {
    match e.try_get_attribute(name).ok()? {
        None => Some(1),
        Some(a) => a.value.trim().parse().ok(),
    }
}

/// Whether calamine would read the cell as non-empty in its values or its
/// formulas.
fn has_value(e: &BytesStart<'_>) -> bool {
    e.attributes()
        .with_checks(false)
        .flatten()
        .any(|a| match a.key.as_ref() {
            "office:value"
            | "office:string-value"
            | "office:date-value"
            | "office:time-value"
            | "office:boolean-value" => true,
            "office:value-type" => a.value == "string",
            "table:formula" => !a.value.is_empty(),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn ods(body: &str) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("content.xml", opts).unwrap();
        let xml = format!(
            "<office:document-content><office:body><office:spreadsheet>{body}\
             </office:spreadsheet></office:body></office:document-content>"
        );
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    const V: &str = r#"<table:table-cell office:value-type="float" office:value="1"/>"#;
    const E: &str = r#"<table:table-cell/>"#;

    #[test]
    fn counts_pushed_cells_and_the_dense_range() {
        // Row 1: empty, value, 2 empties, value -> pushed 5, used 1..=4.
        // Row 2 (x3): value only -> pushed 1, used 0..=0.
        // Row 3 (x10, empty) after the last non-empty row: not in the span.
        // pushed = 5 + 1 = 6; span = 1 + 3 = 4 rows; width = 4 - 0 + 1 = 5;
        // 6 + 4 * 5 = 26.
        let body = format!(
            "<table:table><table:table-row>{E}{V}\
             <table:table-cell table:number-columns-repeated=\"2\"/>{V}{E}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"3\">{V}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"10\">{E}</table:table-row>\
             </table:table>"
        );
        assert_eq!(estimate(&ods(&body), u64::MAX), Some(26));
    }

    #[test]
    fn empty_rows_between_non_empty_rows_count() {
        // V, 1000 empty rows, V: span 1 + 1000 + 1 = 1002, width 1,
        // pushed 2 -> 1004. Two tables add up: 2008.
        let t = format!(
            "<table:table><table:table-row>{V}</table:table-row>\
             <table:table-row table:number-rows-repeated=\"1000\">{E}</table:table-row>\
             <table:table-row>{V}</table:table-row></table:table>"
        );
        assert_eq!(estimate(&ods(&format!("{t}{t}")), u64::MAX), Some(2008));
    }

    #[test]
    fn refuses_repeats_that_ask_for_millions_of_cells() {
        // One value repeated across 16 384 columns (calamine's cap), the
        // row repeated a million times: pushed 16 384, span 1 000 000 rows
        // x 16 384 columns, far over the bound of a file of ~300 bytes.
        let body = "<table:table><table:table-row table:number-rows-repeated=\"1000000\">\
             <table:table-cell office:value-type=\"float\" office:value=\"1\" \
             table:number-columns-repeated=\"99999\"/></table:table-row></table:table>";
        let bytes = ods(body);
        let e = check(&bytes).unwrap_err();
        match e.kind() {
            ErrorKind::LimitExceeded { limit, value, .. } => {
                assert_eq!(*limit, Limit::Cells);
                assert!(*value > 1 << 20, "{value}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rows_are_capped_like_calamine() {
        // 2 000 000 repeated rows are capped at 1 048 576; then a value.
        // Rows: V x 2 000 000 (capped to 1 048 576), then V (capped to 0).
        // span = 1 048 576 + 0; width 1; pushed 2 -> 1 048 578.
        let body = format!(
            "<table:table><table:table-row table:number-rows-repeated=\"2000000\">{V}\
             </table:table-row><table:table-row>{V}</table:table-row></table:table>"
        );
        assert_eq!(estimate(&ods(&body), u64::MAX), Some(1_048_578));
    }

    #[test]
    fn passes_what_it_cannot_follow() {
        assert_eq!(estimate(b"not a zip", 10), None);
        let body = "<table:table><table:table-row table:number-rows-repeated=\"x\">";
        assert_eq!(estimate(&ods(body), 10), None);
        assert!(check(&ods(body)).is_ok());
    }
}
