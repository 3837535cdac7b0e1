//! A dataset's timesheet as a CSV file, as Czech care software exports it:
//! `;` between fields, decimal commas, `d.m.yyyy` dates, `h:mm` times, in
//! UTF-8 or windows-1250. For samples and benchmarks of the CSV reader;
//! reading it back (with the rest of the records) gives the same visits.

use std::io::Write;
use std::path::Path;

use rust_decimal::Decimal;

use crate::model::Dataset;
use crate::workbook::schema::VISITS;

/// The encoding a [`VisitsCsv`] is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvEncoding {
    /// UTF-8, no byte-order mark.
    Utf8,
    /// windows-1250, as Czech Windows programs write.
    Windows1250,
}

/// Writes a dataset's timesheet as CSV, our headers in the first line.
///
/// ```
/// use homecare_audit::synth::Synth;
/// use homecare_audit::workbook::{CsvEncoding, VisitsCsv};
/// let ds = Synth::new(1, 20).dataset();
/// let mut out = Vec::new();
/// VisitsCsv::new(&ds).encoding(CsvEncoding::Utf8).write_to(&mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("Datum;Pracovník;Klient;Úkon;Od;Do;Minuty"));
/// assert_eq!(text.lines().count(), ds.visits.len() + 1);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct VisitsCsv<'a> {
    dataset: &'a Dataset,
    encoding: CsvEncoding,
}

impl<'a> VisitsCsv<'a> {
    /// The timesheet of `dataset`, in windows-1250.
    pub fn new(dataset: &'a Dataset) -> VisitsCsv<'a> {
        VisitsCsv {
            dataset,
            encoding: CsvEncoding::Windows1250,
        }
    }

    /// The encoding to write in.
    pub fn encoding(mut self, encoding: CsvEncoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Writes the file to `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when it cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), crate::Error> {
        let path = path.as_ref();
        let file = std::fs::File::create(path).map_err(|e| crate::Error::write(Some(path), e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        self.write_to(&mut out)
            .and_then(|()| out.flush().map_err(|e| crate::Error::write(Some(path), e)))
    }

    /// Writes the file to `out`, a line at a time.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when `out` fails.
    pub fn write_to(&self, mut out: impl Write) -> Result<(), crate::Error> {
        let ds = self.dataset;
        let header: Vec<&str> = VISITS.iter().map(|c| c.cs).collect();
        let mut line = header.join(";");
        line.push_str("\r\n");
        self.put(&mut out, &line)?;
        for v in &ds.visits {
            line.clear();
            let (from, to) = match v.start {
                Some(s) => {
                    let end = (s + v.duration) % 86_400;
                    let to = if end == 0 && v.duration > 0 {
                        "24:00".to_string()
                    } else {
                        clock(end)
                    };
                    (clock(s), to)
                }
                None => (String::new(), String::new()),
            };
            let fields = [
                v.date.format("%-d.%-m.%Y").to_string(),
                ds.worker(v.worker).id.clone(),
                v.client
                    .map(|c| ds.client(c).id.clone())
                    .unwrap_or_default(),
                ds.task(v.task).code.clone(),
                from,
                to,
                // Seconds as minutes: exact (a duration is whole seconds, so
                // at most 59/60 of a minute after the comma).
                comma(Decimal::from(v.duration) / Decimal::from(60)),
                if v.quantity == Decimal::ONE {
                    String::new()
                } else {
                    comma(v.quantity)
                },
                if v.travel > 0 {
                    comma(Decimal::from(v.travel) / Decimal::from(60))
                } else {
                    String::new()
                },
                v.fee.map(comma).unwrap_or_default(),
            ];
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    line.push(';');
                }
                push_field(&mut line, f);
            }
            line.push_str("\r\n");
            self.put(&mut out, &line)?;
        }
        Ok(())
    }

    fn put(&self, out: &mut impl Write, line: &str) -> Result<(), crate::Error> {
        let written = match self.encoding {
            CsvEncoding::Utf8 => out.write_all(line.as_bytes()),
            CsvEncoding::Windows1250 => {
                let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(line);
                out.write_all(&bytes)
            }
        };
        written.map_err(|e| crate::Error::write(None, e))
    }
}

/// A field, quoted when it holds the delimiter, a quote or a line break.
fn push_field(line: &mut String, f: &str) {
    if f.contains([';', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&f.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(f);
    }
}

/// `h:mm`, or `h:mm:ss` when the time has seconds.
fn clock(s: u32) -> String {
    if s.is_multiple_of(60) {
        format!("{}:{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// A decimal with a comma, trailing zeros dropped (`12,5`, `85`).
fn comma(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}
