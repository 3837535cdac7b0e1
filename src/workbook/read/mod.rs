//! Reading a provider's workbook into a [`Dataset`] and its [`Problems`].
//!
//! The steps, each with its own module: detect the format from the bytes
//! ([`sniff`]), check the archive against the limits before anything is
//! inflated (`guard`), open the workbook (`book`), match sheets and headers
//! ([`schema`](crate::workbook::schema)), and parse each sheet row by row
//! (`table`, `sheets`), typing cells as their column needs (`value`).
//!
//! calamine opens every format; an xlsx sheet's cells are then streamed by
//! our own scanner (`ooxml`), about twice as fast as calamine's cell reader
//! and checked cell for cell against it on calamine's test corpus.

mod book;
mod cell;
mod cfb_guard;
mod guard;
mod limits;
mod odf;
mod ods_guard;
mod ooxml;
mod sheets;
pub mod sniff;
mod table;
mod value;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

pub use limits::{Progress, ReadLimits, ReadOptions};
pub use sniff::Format;

use book::Book;
use table::Reading;

use crate::error::{Error, ErrorKind, Limit};
use crate::model::{Dataset, DatasetBuilder, Provenance, RecordList};
use crate::period::Period;
use crate::place::Place;
use crate::problem::{Problem, Problems, Reason};
use crate::workbook::schema::SheetKind;

/// Reads a workbook file.
///
/// Returns the dataset and everything that could not be used. Rejected rows
/// are not errors (unless [`ReadOptions::strict`]); they are listed in
/// [`Problems`] with their places.
///
/// ```
/// use homecare_audit::workbook::{read_path, ReadOptions};
/// let (dataset, problems) = read_path("fixtures/sample.xlsx", &ReadOptions::default())?;
/// assert!(!dataset.visits.is_empty());
/// let visits = problems.count("Výkazy");
/// assert_eq!(visits.read, visits.accepted + visits.rejected);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Io`] when the file cannot be read, and every error of
/// [`read_bytes`].
pub fn read_path(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(Dataset, Problems), Error> {
    let path = path.as_ref();
    let bytes = read_file(path, &options.limits)?;
    let name = file_name_of(path);
    read_bytes(&bytes, Some(&name), options)
}

/// The last part of `path` (the name a report and a `Limity` row's origin
/// give the input), empty for a path that ends in `..`.
fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads a workbook from bytes. `file_name` names the provider when the
/// workbook does not.
///
/// # Errors
///
/// - [`ErrorKind::LimitExceeded`]: a [`ReadLimits`] limit, checked before
///   data is inflated or allocated;
/// - [`ErrorKind::UnknownFormat`], [`ErrorKind::Encrypted`],
///   [`ErrorKind::Malformed`]: not a readable workbook;
/// - [`ErrorKind::MissingSheet`], [`ErrorKind::DuplicateSheet`],
///   [`ErrorKind::NoHeader`], [`ErrorKind::MissingColumn`],
///   [`ErrorKind::DuplicateColumn`]: the workbook is not in the contract's
///   shape;
/// - [`ErrorKind::Strict`]: strict mode met a rejected row;
/// - [`ErrorKind::ReaderPanicked`]: the underlying reader crashed (caught).
pub fn read_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
    options: &ReadOptions,
) -> Result<(Dataset, Problems), Error> {
    catching_panics(|| read_inner(bytes, file_name, options))
}

/// A file's bytes, refused before reading when it is over the size limit.
fn read_file(path: &Path, limits: &ReadLimits) -> Result<Vec<u8>, Error> {
    let io = |err| {
        Error::new(ErrorKind::Io {
            path: Some(path.to_path_buf()),
            err,
        })
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > limits.file_bytes {
        return Err(Error::new(ErrorKind::LimitExceeded {
            limit: Limit::FileBytes,
            value: len,
            max: limits.file_bytes,
            context: path.display().to_string(),
        }));
    }
    std::fs::read(path).map_err(io)
}

/// Runs a read, turning a panic of the underlying reader into
/// [`ErrorKind::ReaderPanicked`] with its message.
fn catching_panics<T>(read: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    match catch_unwind(AssertUnwindSafe(read)) {
        Ok(r) => r,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Error::new(ErrorKind::ReaderPanicked {
                message: crate::display::clip(&message, 200),
            }))
        }
    }
}

/// Opens workbook bytes after the checks that come before any inflating:
/// the file-size limit, the format from the bytes, the archive pre-scan.
fn open_book<'b>(bytes: &'b [u8], limits: &ReadLimits, context: &str) -> Result<Book<'b>, Error> {
    if bytes.len() as u64 > limits.file_bytes {
        return Err(Error::new(ErrorKind::LimitExceeded {
            limit: Limit::FileBytes,
            value: bytes.len() as u64,
            max: limits.file_bytes,
            context: context.to_string(),
        }));
    }
    let format = sniff::detect(bytes)?;
    if format == Format::Xls {
        cfb_guard::check(bytes)?;
    } else {
        guard::check_archive(bytes, limits)?;
    }
    Book::open(bytes, format)
}

/// The template's instructions sheet is known and holds no data.
fn is_instructions(name: &str) -> bool {
    matches!(
        crate::matching::fold(name).as_str(),
        "navod" | "instructions"
    )
}

fn read_inner(
    bytes: &[u8],
    file_name: Option<&str>,
    options: &ReadOptions,
) -> Result<(Dataset, Problems), Error> {
    let limits = options.limits;
    let mut book = open_book(bytes, &limits, file_name.unwrap_or("the input"))?;
    let mut problems = Problems::new();

    let found = sheet_map(&book, &mut problems)?;

    let mut b = DatasetBuilder::new();
    // Without a client or staff list, the timesheet names them.
    for (kind, list) in [
        (SheetKind::Clients, RecordList::Clients),
        (SheetKind::Workers, RecordList::Workers),
    ] {
        if !found.contains_key(&kind) {
            b.without_list(list);
        }
    }
    let mut reading = Reading::new(&mut book, options, problems);
    let default_name = file_name
        .map(|n| {
            Path::new(n)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| n.to_string())
        })
        .unwrap_or_default();
    // How a `Limity` row's origin names this file.
    let file_label = file_name
        .map(|n| {
            Path::new(n)
                .file_name()
                .map_or_else(|| n.to_string(), |s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "vstup".to_string());
    let mut period_ends = (None, None);
    if let Some(name) = found.get(&SheetKind::Provider) {
        let p = sheets::provider::read(&mut reading, name, &default_name)?;
        period_ends = (p.from, p.to);
        b.provider(p.provider);
    } else {
        b.provider(crate::model::Provider::new(default_name));
    }
    let max_birth_year = period_ends
        .1
        .map(|d| i64::from(chrono::Datelike::year(&d)))
        .unwrap_or(2100);

    for kind in SheetKind::ALL {
        let Some(name) = found.get(&kind) else {
            continue;
        };
        let name = name.as_str();
        match kind {
            SheetKind::Provider => {}
            SheetKind::Tasks => table::read_table(&mut reading, name, kind, None, |r, _| {
                sheets::tasks::row(r, &mut b)
            })?,
            SheetKind::Workers => table::read_table(&mut reading, name, kind, None, |r, _| {
                sheets::workers::row(r, &mut b)
            })?,
            SheetKind::Clients => table::read_table(&mut reading, name, kind, None, |r, _| {
                sheets::clients::row(r, &mut b, max_birth_year)
            })?,
            SheetKind::Visits => table::read_table(
                &mut reading,
                name,
                kind,
                Some(sheets::visits::header_check),
                |r, _| sheets::visits::row(r, &mut b),
            )?,
            SheetKind::Prices => table::read_table(&mut reading, name, kind, None, |r, _| {
                sheets::prices::row(r, &mut b)
            })?,
            SheetKind::Costs => {
                b.costs_given();
                table::read_table(&mut reading, name, kind, None, |r, n| {
                    sheets::costs::row(r, &mut b, n)
                })?
            }
            SheetKind::Revenues => {
                b.revenues_given();
                table::read_table(&mut reading, name, kind, None, |r, n| {
                    sheets::revenues::row(r, &mut b, n)
                })?
            }
            SheetKind::Benchmarks => table::read_table(&mut reading, name, kind, None, |r, _| {
                b.benchmark(sheets::benchmarks::row(r)?);
                Ok(())
            })?,
            SheetKind::Model => table::read_table(&mut reading, name, kind, None, |r, _| {
                sheets::model::row(r, &mut b)
            })?,
            SheetKind::Law => table::read_table(&mut reading, name, kind, None, |r, _| {
                b.law_row(sheets::law::row(r, &file_label)?);
                Ok(())
            })?,
            // A merger workbook's sheets are not in `SheetKind::ALL`.
            SheetKind::Merger | SheetKind::Distances | SheetKind::MergedPrices => {}
        }
    }

    let mut ds = b.build();
    // A period given by one end only: the other end from the visits.
    if ds.provider.period.is_none() {
        let first = ds.visits.iter().map(|v| v.date).min();
        let last = ds.visits.iter().map(|v| v.date).max();
        if let (Some(f), Some(t)) = (period_ends.0.or(first), period_ends.1.or(last))
            && (period_ends.0.is_some() || period_ends.1.is_some())
        {
            ds.provider.period = Period::new(f, t);
        }
    }
    ds.source = Provenance {
        file_name: file_name.map(str::to_string),
        sha256: Some(sha256_hex(bytes)),
        sheets: found
            .iter()
            .map(|(k, v)| (k.cs().to_string(), v.clone()))
            .collect(),
        date_1904: reading.ctx.date_1904,
    };
    Ok((ds, reading.problems))
}

/// Which sheet of the workbook is which kind: unknown sheets are noted as
/// ignored, hidden ones as hidden (read all the same: nobody opening the
/// file would see their rows).
///
/// # Errors
///
/// Two sheets of one kind, or a required sheet missing.
fn sheet_map(
    book: &Book<'_>,
    problems: &mut Problems,
) -> Result<BTreeMap<SheetKind, String>, Error> {
    let mut found: BTreeMap<SheetKind, String> = BTreeMap::new();
    for name in book.sheet_names() {
        match SheetKind::parse(&name) {
            Some(kind) => {
                if let Some(first) = found.get(&kind) {
                    return Err(Error::new(ErrorKind::DuplicateSheet {
                        first: first.clone(),
                        second: name,
                    }));
                }
                found.insert(kind, name);
            }
            None if is_instructions(&name) => {}
            None => problems.push(Problem::new(
                Place::new(name.as_str(), 1, 0),
                name.as_str(),
                Reason::IgnoredSheet,
            )),
        }
    }
    let hidden = book.hidden_sheets();
    for name in found.values().filter(|n| hidden.contains(n)) {
        problems.push(Problem::new(
            Place::new(name.as_str(), 1, 0),
            name.as_str(),
            Reason::HiddenSheet,
        ));
    }
    for kind in SheetKind::ALL {
        if kind.required() && !found.contains_key(&kind) {
            return Err(Error::new(ErrorKind::MissingSheet { sheet: kind.cs() }));
        }
    }

    Ok(found)
}

/// SHA-256 of the input, lower-case hex (the report's methodology names the
/// exact file it audited).
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Reads a benchmarks workbook: its `Benchmarky` (or `Benchmarks`) sheet,
/// in the format of docs/compare.md ("Benchmarks"). Other sheets are
/// ignored. Every row is accepted or rejected with its place, as in a
/// provider's workbook.
///
/// ```
/// use homecare_audit::workbook::{read_benchmarks_path, ReadOptions};
/// let (set, problems) =
///     read_benchmarks_path("fixtures/benchmarks-example.xlsx", &ReadOptions::default())?;
/// assert!(!set.rows.is_empty());
/// assert!(problems.no_rejections());
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// As [`read_path`]; [`ErrorKind::MissingSheet`] when there is no
/// benchmarks sheet.
pub fn read_benchmarks_path(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(crate::BenchmarkSet, Problems), Error> {
    let bytes = read_file(path.as_ref(), &options.limits)?;
    read_benchmarks_bytes(&bytes, options)
}

/// Reads a benchmarks workbook from bytes; see [`read_benchmarks_path`].
///
/// # Errors
///
/// As [`read_benchmarks_path`].
pub fn read_benchmarks_bytes(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(crate::BenchmarkSet, Problems), Error> {
    catching_panics(|| benchmarks_inner(bytes, options))
}

fn benchmarks_inner(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(crate::BenchmarkSet, Problems), Error> {
    let mut set = crate::BenchmarkSet::new();
    let problems = read_one_sheet(bytes, options, SheetKind::Benchmarks, |r| {
        set.push(sheets::benchmarks::row(r)?);
        Ok(())
    })?;
    Ok((set, problems))
}

/// Reads a law workbook: its `Limity` (or `Caps`) sheet, in the format of
/// docs/workbook.md ("Limity"). Other sheets are ignored. Every row is
/// accepted or rejected with its place, as in a provider's workbook, and a
/// row without a source is rejected. `file_name` names the file in each
/// row's origin (the report's `Metodika` shows it).
///
/// Add the rows to the tables an audit applies with
/// [`LawTables::extend`](crate::law::LawTables::extend) and
/// [`Audit::law`](crate::Audit::law).
///
/// ```
/// use homecare_audit::law::LawTables;
/// use homecare_audit::workbook::{LawWorkbook, ReadOptions, read_law_bytes};
/// // The built-in tables written as a law workbook read back unchanged.
/// let bytes = LawWorkbook::new(&LawTables::built_in()).to_buffer()?;
/// let (rows, problems) = read_law_bytes(&bytes, "zakon.xlsx", &ReadOptions::default())?;
/// assert!(problems.no_rejections());
/// assert_eq!(rows.len(), LawTables::built_in().rows().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`read_path`]; [`ErrorKind::MissingSheet`] when there is no
/// `Limity` sheet.
pub fn read_law_path(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(Vec<crate::law::LawRow>, Problems), Error> {
    let path = path.as_ref();
    let bytes = read_file(path, &options.limits)?;
    let name = file_name_of(path);
    read_law_bytes(&bytes, &name, options)
}

/// Reads a law workbook from bytes; see [`read_law_path`].
///
/// # Errors
///
/// As [`read_law_path`].
pub fn read_law_bytes(
    bytes: &[u8],
    file_name: &str,
    options: &ReadOptions,
) -> Result<(Vec<crate::law::LawRow>, Problems), Error> {
    catching_panics(|| {
        let mut rows = Vec::new();
        let problems = read_one_sheet(bytes, options, SheetKind::Law, |r| {
            rows.push(sheets::law::row(r, file_name)?);
            Ok(())
        })?;
        Ok((rows, problems))
    })
}

/// Reads a merger workbook: its `Sloučení` sheet (the study's assumptions,
/// one a row: parameter, value, source), and the optional `Vzdálenosti`
/// (travel minutes between municipalities) and `Jednotný ceník` (the
/// merged price list, for the price rule `zadaný`), in the format of
/// docs/compare.md ("Merger study"). Other sheets are ignored. Every row
/// is accepted or rejected with its place; each assumption's source is its
/// cell (with the source column's text).
///
/// ```
/// use homecare_audit::compare::PriceRule;
/// use homecare_audit::workbook::{read_merger_path, ReadOptions};
/// let (merger, problems) =
///     read_merger_path("fixtures/merger-example.xlsx", &ReadOptions::default())?;
/// assert!(problems.no_rejections());
/// assert_eq!(merger.price_rule, PriceRule::Lowest);
/// assert!(merger.sources["price_rule"].starts_with("Sloučení!B"));
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// As [`read_path`]; [`ErrorKind::MissingSheet`] when there is no
/// `Sloučení` sheet.
pub fn read_merger_path(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(crate::model::Merger, Problems), Error> {
    let bytes = read_file(path.as_ref(), &options.limits)?;
    read_merger_bytes(&bytes, options)
}

/// Reads a merger workbook from bytes; see [`read_merger_path`].
///
/// # Errors
///
/// As [`read_merger_path`].
pub fn read_merger_bytes(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(crate::model::Merger, Problems), Error> {
    catching_panics(|| {
        let mut merger = crate::model::Merger::default();
        let mut given = Vec::new();
        let problems = read_sheets(
            bytes,
            options,
            "the merger workbook",
            &SheetKind::MERGER,
            |kind, r| match kind {
                SheetKind::Distances => {
                    merger.distances.push(sheets::merger::distance(r)?);
                    Ok(())
                }
                SheetKind::MergedPrices => {
                    given.push(sheets::merger::price(r)?);
                    Ok(())
                }
                _ => sheets::merger::assumption(r, &mut merger),
            },
        )?;
        if let crate::model::PriceRule::Given(list) = &mut merger.price_rule {
            *list = given;
        }
        Ok((merger, problems))
    })
}

/// Reads the one sheet of `kind` of a workbook that holds it (a benchmarks
/// or a law workbook), each row through `f`; other sheets are ignored.
fn read_one_sheet(
    bytes: &[u8],
    options: &ReadOptions,
    kind: SheetKind,
    mut f: impl FnMut(&table::Row<'_, '_>) -> Result<(), Problem>,
) -> Result<Problems, Error> {
    let what = match kind {
        SheetKind::Law => "the law workbook",
        _ => "the benchmarks workbook",
    };
    read_sheets(bytes, options, what, &[kind], |_, r| f(r))
}

/// Reads the sheets of `kinds` a workbook holds (`what` names it in an
/// error), in `SheetKind` order, each row through `f`; the first of
/// `kinds` is required, other sheets are ignored.
fn read_sheets(
    bytes: &[u8],
    options: &ReadOptions,
    what: &str,
    kinds: &[SheetKind],
    mut f: impl FnMut(SheetKind, &table::Row<'_, '_>) -> Result<(), Problem>,
) -> Result<Problems, Error> {
    let mut book = open_book(bytes, &options.limits, what)?;
    let mut found = BTreeMap::new();
    for name in book.sheet_names() {
        if let Some(kind) = SheetKind::parse_among(&name, kinds) {
            found.entry(kind).or_insert(name);
        }
    }
    if let Some(first) = kinds.first()
        && !found.contains_key(first)
    {
        return Err(Error::new(ErrorKind::MissingSheet { sheet: first.cs() }));
    }
    let mut reading = Reading::new(&mut book, options, Problems::new());
    for (kind, name) in &found {
        table::read_table(&mut reading, name, *kind, None, |r, _| f(*kind, r))?;
    }
    Ok(reading.problems)
}
