//! A CSV or TSV file as care software, payroll and accounting programs
//! write it: one sheet of records, streamed record by record.
//!
//! The grammar (quotes, doubled quotes, CRLF, line breaks inside quotes)
//! is BurntSushi's `csv`; the encoding and delimiter are found from the
//! file's first bytes ([`dialect`]) and reported. Records are read as
//! bytes and each field decoded on its own: every encoding we read keeps
//! ASCII as ASCII, so the delimiter and the quotes are found in the bytes
//! whatever the encoding. A file given by its path is never loaded whole:
//! memory is one record and the reader's buffer.

mod dialect;

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use encoding_rs::UTF_8;

pub(crate) use dialect::Dialect;

use super::book::Budget;
use super::cell::{Cell, text_or_empty};
use crate::error::{Error, ErrorKind, Limit};
use crate::place::Place;
use crate::problem::{Problem, Reason};

/// Notices of undecodable bytes kept per file; the rest are counted in one.
const MAX_DECODING_NOTICES: usize = 100;

/// Where a delimited file's bytes are.
pub(crate) enum Text<'b> {
    /// In memory (the page, a test).
    Bytes(&'b [u8]),
    /// On disk, streamed.
    File(PathBuf),
}

/// A delimited file ready to be read: its bytes and its dialect.
pub(crate) struct DelimitedFile<'b> {
    text: Text<'b>,
    /// The file's name, as its places show it.
    pub name: String,
    pub dialect: Dialect,
    /// SHA-256 of a file read from disk (lower-case hex), once it has been
    /// streamed through.
    pub sha256: Option<String>,
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: sha2::Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// One record handed to the sheet reader: its 0-based number, its
/// non-empty fields as `(column, cell)`, and how many fields it has in all
/// (empty ones included), so that a ragged record can be told apart.
pub(crate) type OnRecord<'f> = dyn FnMut(u32, &[(u32, Cell<'_>)], u32) -> Result<(), Error> + 'f;

impl<'b> DelimitedFile<'b> {
    /// Finds the dialect from the first bytes.
    ///
    /// # Errors
    ///
    /// I/O errors, and UTF-16 text ([`dialect::detect`]).
    pub(crate) fn open(text: Text<'b>, name: &str) -> Result<DelimitedFile<'b>, Error> {
        let dialect = match &text {
            Text::Bytes(b) => dialect::detect(&b[..b.len().min(dialect::SAMPLE)], name)?,
            Text::File(path) => {
                let mut sample = Vec::with_capacity(dialect::SAMPLE);
                File::open(path)
                    .and_then(|f| f.take(dialect::SAMPLE as u64).read_to_end(&mut sample))
                    .map_err(|err| io_error(path, err))?;
                dialect::detect(&sample, name)?
            }
        };
        Ok(DelimitedFile {
            text,
            name: name.to_string(),
            dialect,
            sha256: None,
        })
    }

    /// Calls `f` for every record that has a non-empty field, in file
    /// order, with the limits of `budget` enforced as fields arrive.
    /// Returns the notices of bytes the encoding has no character for, each
    /// at its place (the first [`MAX_DECODING_NOTICES`], then one counting
    /// the rest).
    ///
    /// # Errors
    ///
    /// A read limit, an I/O error, or what `f` returns.
    pub(crate) fn for_each_record(
        &mut self,
        budget: &mut Budget,
        f: &mut OnRecord<'_>,
    ) -> Result<Vec<Problem>, Error> {
        let skip = if self.dialect.bom { 3 } else { 0 };
        match &self.text {
            Text::Bytes(b) => {
                let body = b.get(skip..).unwrap_or_default();
                read_records(body, &self.name, self.dialect, budget, f)
            }
            Text::File(path) => {
                use sha2::Digest;
                let file = File::open(path).map_err(|err| io_error(path, err))?;
                // The whole file through the hash, the BOM included.
                let mut input = Hashing {
                    inner: std::io::BufReader::with_capacity(64 << 10, file),
                    hasher: sha2::Sha256::new(),
                };
                let mut bom = [0u8; 3];
                input
                    .read_exact(&mut bom[..skip])
                    .map_err(|err| io_error(path, err))?;
                let notices = read_records(&mut input, &self.name, self.dialect, budget, f)?;
                // Anything the grammar left unread is hashed too.
                std::io::copy(&mut input, &mut std::io::sink())
                    .map_err(|err| io_error(path, err))?;
                self.sha256 = Some(hex(&input.hasher.finalize()));
                Ok(notices)
            }
        }
    }
}

/// Lower-case hex of a digest.
fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(digest.len() * 2);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn io_error(path: &std::path::Path, err: std::io::Error) -> Error {
    Error::new(ErrorKind::Io {
        path: Some(path.to_path_buf()),
        err,
    })
}

fn read_records<R: Read + Send>(
    input: R,
    name: &str,
    dialect: Dialect,
    budget: &mut Budget,
    f: &mut OnRecord<'_>,
) -> Result<Vec<Problem>, Error> {
    let reader = csv::ReaderBuilder::new()
        .delimiter(dialect.delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(64 << 10)
        .from_reader(input);
    // One allocation for every record's cells: emptied and handed between
    // lifetimes (an empty vector's buffer holds no borrow).
    let mut spare: Vec<(u32, Cell<'static>)> = Vec::new();
    let mut notices = Vec::new();
    let mut undecodable = 0usize;
    // The first record with two fields is the header (the sheet reader's
    // rule): it names the columns of later notices.
    let mut header: Option<Vec<String>> = None;
    let mut number: u32 = 0;
    each_record(reader, name, |record| {
        // The record's number, 0-based: the row a spreadsheet shows when it
        // opens the file (blank lines are not records; csv's own line
        // count is not used: it miscounts CRLF files).
        let row = number;
        number = number.checked_add(1).ok_or_else(|| too_many_rows(name))?;
        let mut cells: Vec<(u32, Cell<'_>)> = relabel(std::mem::take(&mut spare));
        let fields = u32::try_from(record.len()).unwrap_or(u32::MAX);
        for (col, raw) in record.iter().enumerate() {
            let col = u32::try_from(col).unwrap_or(u32::MAX);
            let (text, bad) = decode(raw, dialect);
            if bad {
                undecodable += 1;
                if notices.len() < MAX_DECODING_NOTICES {
                    let h = header.as_ref().and_then(|h| h.get(col as usize));
                    notices.push(Problem::new(
                        Place::csv(name, row + 1, col, h.map(String::as_str)),
                        text.as_ref(),
                        Reason::Undecodable(dialect.encoding_name()),
                    ));
                }
            }
            let cell = text_or_empty(text);
            if cell.is_empty() {
                continue;
            }
            budget.cell(name, row, col)?;
            cells.push((col, cell));
        }
        if cells.is_empty() {
            spare = relabel(cells);
            return Ok(());
        }
        if header.is_none() && cells.len() >= 2 {
            header = Some(
                (0..fields as usize)
                    .map(|i| {
                        record
                            .get(i)
                            .map(|b| decode(b, dialect).0.trim().to_string())
                            .unwrap_or_default()
                    })
                    .collect(),
            );
        }
        f(row, &cells, fields)?;
        spare = relabel(cells);
        Ok(())
    })?;
    if undecodable > notices.len() {
        notices.push(Problem::new(
            Place::csv(name, 1, 0, None),
            format!("+{}", undecodable - notices.len()),
            Reason::Undecodable(dialect.encoding_name()),
        ));
    }
    Ok(notices)
}

/// Records per batch handed from the parsing thread.
#[cfg(not(target_arch = "wasm32"))]
const RECORDS_PER_BATCH: usize = 2048;

/// Batches in flight between the threads (memory stays bounded).
#[cfg(not(target_arch = "wasm32"))]
const BATCHES_IN_FLIGHT: usize = 4;

/// Calls `each` for every record of `reader`, in order. Natively the CSV
/// grammar runs on a second thread while this one decodes, types and
/// stores the records (batches through a bounded channel, emptied batches
/// sent back for reuse); the page, which has no threads, reads inline.
#[cfg(not(target_arch = "wasm32"))]
fn each_record<R: Read + Send>(
    reader: csv::Reader<R>,
    name: &str,
    mut each: impl FnMut(&csv::ByteRecord) -> Result<(), Error>,
) -> Result<(), Error> {
    use std::sync::mpsc;
    type Batch = Result<Vec<csv::ByteRecord>, csv::Error>;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<Batch>(BATCHES_IN_FLIGHT);
        let (back_tx, back_rx) = mpsc::channel::<Vec<csv::ByteRecord>>();
        scope.spawn(move || {
            let mut reader = reader;
            loop {
                let mut batch = back_rx.try_recv().unwrap_or_default();
                let mut n = 0;
                let mut done = false;
                while n < RECORDS_PER_BATCH {
                    if n == batch.len() {
                        batch.push(csv::ByteRecord::new());
                    }
                    match reader.read_byte_record(&mut batch[n]) {
                        Ok(true) => n += 1,
                        Ok(false) => {
                            done = true;
                            break;
                        }
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            return;
                        }
                    }
                }
                batch.truncate(n);
                // The other side has stopped (an error, a limit): stop too.
                if tx.send(Ok(batch)).is_err() || done {
                    return;
                }
            }
        });
        for batch in rx {
            let batch = batch.map_err(|e| csv_error(name, e))?;
            for record in &batch {
                each(record)?;
            }
            let _ = back_tx.send(batch);
        }
        Ok(())
    })
}

/// Calls `each` for every record of `reader`, in order (inline: no threads).
#[cfg(target_arch = "wasm32")]
fn each_record<R: Read + Send>(
    mut reader: csv::Reader<R>,
    name: &str,
    mut each: impl FnMut(&csv::ByteRecord) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| csv_error(name, e))?
    {
        each(&record)?;
    }
    Ok(())
}

/// An emptied vector of cells with another lifetime, its buffer kept (the
/// in-place `collect` of an iterator that yields nothing reuses it).
fn relabel<'x, 'y>(mut v: Vec<(u32, Cell<'x>)>) -> Vec<(u32, Cell<'y>)> {
    v.clear();
    v.into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

/// A field's text, and whether it held bytes the encoding has no character
/// for (replaced by U+FFFD, or in windows-1250 the five unassigned bytes,
/// which decode to C1 control characters).
fn decode(raw: &[u8], dialect: Dialect) -> (Cow<'_, str>, bool) {
    if dialect.encoding == UTF_8 {
        return match std::str::from_utf8(raw) {
            Ok(s) => (Cow::Borrowed(s), false),
            Err(_) => (String::from_utf8_lossy(raw), true),
        };
    }
    let (text, had_errors) = dialect.encoding.decode_without_bom_handling(raw);
    let control = !raw.is_ascii() && text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c));
    (text, had_errors || control)
}

fn csv_error(name: &str, e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(err) => Error::new(ErrorKind::Io {
            path: Some(PathBuf::from(name)),
            err,
        }),
        other => Error::new(ErrorKind::Malformed {
            format: "csv",
            message: crate::display::clip(&format!("{other:?}"), 300),
        }),
    }
}

fn too_many_rows(name: &str) -> Error {
    Error::new(ErrorKind::LimitExceeded {
        limit: Limit::Rows,
        value: u64::from(u32::MAX) + 1,
        max: u64::from(u32::MAX),
        context: name.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::read::ReadLimits;

    /// A record as (row, [(col, text)], fields).
    type Record = (u32, Vec<(u32, String)>, u32);

    /// Every record, and the notices.
    fn records(bytes: &[u8], name: &str) -> (Vec<Record>, Vec<Problem>) {
        let mut file = DelimitedFile::open(Text::Bytes(bytes), name).unwrap();
        let mut budget = Budget {
            limits: ReadLimits::default(),
            cells: 0,
            progress: None,
        };
        let mut out = Vec::new();
        let notices = file
            .for_each_record(&mut budget, &mut |row, cells, fields| {
                let cells = cells
                    .iter()
                    .map(|(c, v)| (*c, v.raw(false)))
                    .collect::<Vec<_>>();
                out.push((row, cells, fields));
                Ok(())
            })
            .unwrap();
        (out, notices)
    }

    #[test]
    fn quotes_crlf_and_empty_fields() {
        let (rows, notices) = records(
            b"Datum;Pozn\xC3\xA1mka;Minuty\r\n1.3.2025;\"a;b \"\"c\"\"\";30\r\n\r\n;;\r\n2.3.2025;;45",
            "v.csv",
        );
        assert!(notices.is_empty());
        // The blank line is no record; the line of empty fields is record 3
        // (0-based 2), passed over as empty.
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].1[1], (1, "Poznámka".to_string()));
        assert_eq!(rows[1].1[1], (1, "a;b \"c\"".to_string()));
        // The last record: its empty middle field is left out, 3 fields in all.
        assert_eq!(
            rows[2],
            (3, vec![(0, "2.3.2025".into()), (2, "45".into())], 3)
        );
    }

    #[test]
    fn windows_1250_is_decoded_and_its_unassigned_bytes_noted() {
        // "Šťastná" (8A 9D … E1) and an unassigned byte 0x81 in a field.
        let (rows, notices) = records(b"Klient;Obec\n\x8A\x9Dastn\xE1;Br\x81no\n", "k.csv");
        assert_eq!(rows[1].1[0].1, "Šťastná");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].place.to_string(), "k.csv:2 (Obec)");
        assert_eq!(notices[0].reason, Reason::Undecodable("windows-1250"));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_noted() {
        // Valid UTF-8 in the 64 KiB sample (5,000 lines of 14 bytes), then
        // a stray 0xFF on line 5,002.
        let mut file = b"\xEF\xBB\xBFKlient,Obec\n".to_vec();
        for _ in 0..5000 {
            file.extend_from_slice("Novák,Brno 1\n".as_bytes());
        }
        file.extend_from_slice(b"Nov\xC3\xA1k,Br\xFFno\n");
        let (rows, notices) = records(&file, "k.csv");
        assert_eq!(rows[0].1[0].1, "Klient", "the BOM is skipped");
        assert_eq!(rows[5001].1[1].1, "Br\u{FFFD}no");
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].place.to_string(), "k.csv:5002 (Obec)");
    }

    #[test]
    fn the_row_limit_applies_as_records_arrive() {
        let mut file = DelimitedFile::open(Text::Bytes(b"a;b\n1;2\n3;4\n"), "x.csv").unwrap();
        let mut budget = Budget {
            limits: ReadLimits::default().max_rows(2),
            cells: 0,
            progress: None,
        };
        let e = file
            .for_each_record(&mut budget, &mut |_, _, _| Ok(()))
            .unwrap_err();
        assert!(
            matches!(
                e.kind(),
                ErrorKind::LimitExceeded {
                    limit: Limit::Rows,
                    ..
                }
            ),
            "{e}"
        );
    }
}
