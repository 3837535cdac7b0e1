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
mod delimited;
mod guard;
mod inputs;
mod limits;
mod mapping;
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

pub use inputs::Input;
pub use limits::{Progress, ReadLimits, ReadOptions};
pub use sniff::Format;

use book::Book;
use inputs::{Assigned, Listing, Loaded, Opened, read_file};
use mapping::ColumnMap;
use table::{Origin, Reading, SheetSource};

use crate::error::{Error, ErrorKind};
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
    read_inputs(&[Input::path(path.as_ref())], options)
}

use inputs::file_name_of;

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
/// - [`ErrorKind::GivenTwice`]: costs (or revenues) both typed on `Náklady`
///   (`Výnosy`) and read from the accounts (`Výsledovka`);
/// - [`ErrorKind::Strict`]: strict mode met a rejected row;
/// - [`ErrorKind::ReaderPanicked`]: the underlying reader crashed (caught).
pub fn read_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
    options: &ReadOptions,
) -> Result<(Dataset, Problems), Error> {
    read_inputs(
        &[Input::bytes(file_name.unwrap_or_default(), bytes)],
        options,
    )
}

/// Reads a provider's records from several files: workbooks and CSV files
/// (the care software's export of visits, the payroll's staff list, the
/// accountant's income statement, the auditor's workbook with
/// `Poskytovatel` and the column mapping `Sloupce`), as one dataset.
///
/// Each sheet of each file is one of our sheets, by the mapping's
/// `Soubor`, its name, or (a CSV file, a workbook of one sheet) its file's
/// name; see [`Input`]. Places name their file where there are several
/// (`zamestnanci.xlsx/Zaměstnanci!D5`) or the file is CSV
/// (`vykazy.csv:17 (Úhrada)`); [`Problems::rows`] is keyed by our sheets,
/// [`Problems::rows_by_file`] by file.
///
/// ```
/// use homecare_audit::workbook::{Input, ReadOptions, read_inputs};
/// let visits = "Datum;Pracovník;Klient;Úkon;Minuty\n3. 3. 2025;P1;K1;a1;30\n3. 3. 2025;P1;K2;a1;x\n";
/// let clients = "ID klienta,Stupeň PnP\nK1,II\nK2,bez\n";
/// let staff = "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n";
/// let (dataset, problems) = read_inputs(
///     &[
///         Input::bytes("vykazy.csv", visits.as_bytes()),
///         Input::bytes("klienti.csv", clients.as_bytes()),
///         Input::bytes("pracovnici.csv", staff.as_bytes()),
///     ],
///     &ReadOptions::default(),
/// )?;
/// assert_eq!(dataset.clients.len(), 2);
/// let rejected: Vec<String> = problems.rejections().map(|p| p.place.to_string()).collect();
/// assert_eq!(rejected, ["vykazy.csv:3 (Minuty)"]);
/// assert_eq!(problems.rows_by_file["klienti.csv"]["Klienti"].accepted, 2);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
///
/// # Errors
///
/// As [`read_bytes`], for any of the files (the error names it:
/// [`Error::file`](crate::Error::file)); [`ErrorKind::DuplicateSheet`] when
/// two files claim one of our sheets, naming both;
/// [`ErrorKind::MappedTwice`] when the mapping gives a header two columns;
/// [`ErrorKind::Usage`] for no input at all.
pub fn read_inputs(
    inputs: &[Input<'_>],
    options: &ReadOptions,
) -> Result<(Dataset, Problems), Error> {
    catching_panics(|| read_inner(inputs, options))
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
    inputs::within_size(bytes.len() as u64, limits, context)?;
    let format = sniff::detect(bytes)?;
    if format == Format::Xls {
        cfb_guard::check(bytes)?;
    } else {
        guard::check_archive(bytes, limits)?;
    }
    Book::open(bytes, format)
}

/// An input opened: the workbook (its archive checked first) or the CSV
/// file with its dialect, and what its provenance says.
fn open_input<'b>(
    input: &Input<'_>,
    loaded: &'b Loaded<'_>,
    limits: &ReadLimits,
) -> Result<(Opened<'b>, crate::model::InputFile), Error> {
    let mut file = crate::model::InputFile {
        file_name: input.name().to_string(),
        ..Default::default()
    };
    let opened = match loaded {
        Loaded::Workbook(bytes) => {
            let book = open_book(bytes, limits, input.name())?;
            file.format = book.format().name().to_string();
            file.sha256 = Some(known_or_hashed(input, bytes));
            Opened::Book(book)
        }
        Loaded::Delimited(text) => {
            let text = match text {
                delimited::Text::Bytes(b) => {
                    file.sha256 = Some(known_or_hashed(input, b));
                    delimited::Text::Bytes(b)
                }
                delimited::Text::File(p) => delimited::Text::File(p.clone()),
            };
            let csv = delimited::DelimitedFile::open(text, input.name())?;
            file.format = "csv".to_string();
            file.dialect = Some(format!(
                "{}; {}",
                csv.dialect.encoding_name(),
                csv.dialect.delimiter_name()
            ));
            Opened::Delimited(csv)
        }
    };
    file.mapping_only = input.is_mapping_only();
    Ok((opened, file))
}

/// What reading carries from one sheet to the next: the cell budget, the
/// problems and the column origins so far.
struct Carried {
    budget: book::Budget,
    problems: Problems,
    columns: Vec<crate::model::ColumnOrigin>,
}

/// How places of input `i` name their file: not at all for the one
/// workbook, by the file among several, as lines in a CSV file.
fn origin_of(names: &[String], opened: &[Opened<'_>], i: usize) -> Origin {
    let csv = matches!(opened[i], Opened::Delimited(_));
    Origin {
        name: names[i].clone(),
        file: (names.len() > 1 || csv).then(|| names[i].clone()),
        csv,
        headers: Vec::new(),
    }
}

/// Reads one sheet of an input through `read`, carrying the budget, the
/// problems and the column origins.
fn with_sheet<T>(
    opened: &mut [Opened<'_>],
    names: &[String],
    at: &Assigned,
    options: &ReadOptions,
    carried: &mut Carried,
    mapping: Option<&ColumnMap>,
    read: impl FnOnce(&mut Reading<'_, '_>, &str) -> Result<T, Error>,
) -> Result<T, Error> {
    let origin = origin_of(names, opened, at.input);
    let source = match &mut opened[at.input] {
        Opened::Book(b) => SheetSource::Book(b),
        Opened::Delimited(d) => SheetSource::Delimited(d),
    };
    let budget = book::Budget {
        limits: carried.budget.limits,
        cells: carried.budget.cells,
        progress: carried.budget.progress.clone(),
    };
    let mut reading = Reading::resume(
        source,
        origin,
        options,
        budget,
        std::mem::take(&mut carried.problems),
        mapping,
        std::mem::take(&mut carried.columns),
    );
    let out = read(&mut reading, &at.sheet);
    carried.budget.cells = reading.budget.cells;
    carried.problems = reading.problems;
    carried.columns = reading.columns;
    out
}

fn read_inner(inputs: &[Input<'_>], options: &ReadOptions) -> Result<(Dataset, Problems), Error> {
    if inputs.is_empty() {
        return Err(Error::new(ErrorKind::Usage {
            reason: crate::i18n::Text::new("chybí vstupní soubor", "no input file"),
        }));
    }
    let limits = options.limits;
    let in_file = |i: usize| {
        let name = inputs[i].name().to_string();
        move |e: Error| if inputs.len() > 1 { e.in_file(name) } else { e }
    };
    let loaded = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| inputs::load(input, &limits).map_err(in_file(i)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut opened = Vec::with_capacity(inputs.len());
    let mut files = Vec::with_capacity(inputs.len());
    for (i, (input, l)) in inputs.iter().zip(&loaded).enumerate() {
        let (o, f) = open_input(input, l, &limits).map_err(in_file(i))?;
        opened.push(o);
        files.push(f);
    }
    let names: Vec<String> = inputs.iter().map(|i| i.name().to_string()).collect();
    let listing = Listing {
        names: names.clone(),
        sheets: opened
            .iter()
            .map(|o| match o {
                Opened::Book(b) => b.sheet_names(),
                Opened::Delimited(_) => vec![String::new()],
            })
            .collect(),
        hidden: opened
            .iter()
            .map(|o| match o {
                Opened::Book(b) => b.hidden_sheets(),
                Opened::Delimited(_) => Vec::new(),
            })
            .collect(),
        mapping_only: files.iter().map(|f| f.mapping_only).collect(),
    };
    let mut carried = Carried {
        budget: book::Budget {
            limits,
            cells: 0,
            progress: options.progress.clone(),
        },
        problems: Problems::new(),
        columns: Vec::new(),
    };
    for (i, o) in opened.iter().enumerate() {
        if let Opened::Delimited(d) = o {
            carried.problems.push(Problem::new(
                Place::csv(names[i].as_str(), 1, 0, None),
                names[i].as_str(),
                Reason::ReadAsCsv {
                    encoding: d.dialect.encoding_name(),
                    delimiter: d.dialect.delimiter,
                },
            ));
        }
    }

    // The auditor's column mapping first: it says how to read the rest.
    let mapping_at = inputs::find_mapping(&listing)?;
    let mut map = ColumnMap::default();
    if let Some(at) = &mapping_at {
        with_sheet(
            &mut opened,
            &names,
            at,
            options,
            &mut carried,
            None,
            |r, name| {
                table::read_table(r, name, SheetKind::Columns, None, |row, _| {
                    map.read_row(row)
                })
            },
        )
        .map_err(in_file(at.input))?;
        if let Some(e) = map.take_error() {
            return Err(in_file(at.input)(e));
        }
    }
    map.at = mapping_at.clone();
    let (found, unknown_files) = inputs::assign(
        &listing,
        mapping_at.is_some().then_some(&map),
        &mut carried.problems,
    )?;
    let mapping = (!map.is_empty()).then_some(&map);

    // The provider's name when no sheet gives it: the first records file's.
    let first = found.values().map(|a| a.input).min().unwrap_or(0);
    let file_name = (!names[first].is_empty()).then(|| names[first].clone());
    let default_name = file_name
        .as_deref()
        .map(|n| {
            Path::new(n)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| n.to_string())
        })
        .unwrap_or_default();

    let mut b = DatasetBuilder::new();
    // Without a client or staff list in any of the files, the timesheet
    // names them.
    for (kind, list) in [
        (SheetKind::Clients, RecordList::Clients),
        (SheetKind::Workers, RecordList::Workers),
    ] {
        if !found.contains_key(&kind) {
            b.without_list(list);
        }
    }
    let mut period_ends = (None, None);
    if let Some(at) = found.get(&SheetKind::Provider) {
        let p = with_sheet(
            &mut opened,
            &names,
            at,
            options,
            &mut carried,
            mapping,
            |r, name| sheets::provider::read(r, name, &default_name),
        )
        .map_err(in_file(at.input))?;
        period_ends = (p.from, p.to);
        b.provider(p.provider);
    } else {
        b.provider(crate::model::Provider::new(default_name.clone()));
    }
    let max_birth_year = period_ends
        .1
        .map(|d| i64::from(chrono::Datelike::year(&d)))
        .unwrap_or(2100);

    for kind in SheetKind::ALL {
        let Some(at) = found.get(&kind) else {
            continue;
        };
        if kind == SheetKind::Provider {
            continue;
        }
        // How a `Limity` row's origin names its file.
        let file_label = if names[at.input].is_empty() {
            "vstup".to_string()
        } else {
            names[at.input].clone()
        };
        with_sheet(
            &mut opened,
            &names,
            at,
            options,
            &mut carried,
            mapping,
            |r, name| read_sheet(r, name, kind, &mut b, max_birth_year, &file_label),
        )
        .map_err(in_file(at.input))?;
    }
    if let Some(at) = &mapping_at {
        map.finish(&mut carried.problems, &names[at.input], unknown_files);
    }

    let date_1904 = found
        .get(&SheetKind::Visits)
        .and_then(|at| match &opened[at.input] {
            Opened::Book(b) => Some(b.date_1904()),
            Opened::Delimited(_) => None,
        })
        .unwrap_or(false);
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
    // A CSV file read from disk was hashed as it streamed.
    for (f, o) in files.iter_mut().zip(&opened) {
        if let Opened::Delimited(d) = o
            && f.sha256.is_none()
        {
            f.sha256 = d.sha256.clone();
        }
    }
    let sheet_files = found
        .iter()
        .filter(|(_, at)| names.len() > 1 || matches!(opened[at.input], Opened::Delimited(_)))
        .map(|(k, at)| (k.cs().to_string(), names[at.input].clone()))
        .collect();
    ds.source = Provenance {
        file_name,
        sha256: files.get(first).and_then(|f| f.sha256.clone()),
        sheets: found
            .iter()
            .map(|(k, at)| (k.cs().to_string(), at.sheet.clone()))
            .collect(),
        date_1904,
        inputs: files,
        sheet_files,
        columns: carried.columns,
    };
    Ok((ds, carried.problems))
}

/// Reads one of our sheets into the builder.
fn read_sheet(
    reading: &mut Reading<'_, '_>,
    name: &str,
    kind: SheetKind,
    b: &mut DatasetBuilder,
    max_birth_year: i64,
    file_label: &str,
) -> Result<(), Error> {
    match kind {
        SheetKind::Provider | SheetKind::Columns => Ok(()),
        SheetKind::Tasks => {
            table::read_table(reading, name, kind, None, |r, _| sheets::tasks::row(r, b))
        }
        SheetKind::Workers => {
            table::read_table(reading, name, kind, None, |r, _| sheets::workers::row(r, b))
        }
        SheetKind::Clients => table::read_table(reading, name, kind, None, |r, _| {
            sheets::clients::row(r, b, max_birth_year)
        }),
        SheetKind::Visits => table::read_table(
            reading,
            name,
            kind,
            Some(sheets::visits::header_check),
            |r, _| sheets::visits::row(r, b),
        ),
        SheetKind::Prices => {
            table::read_table(reading, name, kind, None, |r, _| sheets::prices::row(r, b))
        }
        SheetKind::Costs => {
            b.costs_given();
            table::read_table(reading, name, kind, None, |r, n| {
                sheets::costs::row(r, b, n)
            })
        }
        SheetKind::Revenues => {
            b.revenues_given();
            table::read_table(reading, name, kind, None, |r, n| {
                sheets::revenues::row(r, b, n)
            })
        }
        SheetKind::AccountMap => table::read_table(reading, name, kind, None, |r, _| {
            sheets::accounts::map_row(r, b, name)
        }),
        SheetKind::Accounts => sheets::accounts::read(reading, name, b),
        SheetKind::Benchmarks => table::read_table(reading, name, kind, None, |r, _| {
            b.benchmark(sheets::benchmarks::row(r)?);
            Ok(())
        }),
        SheetKind::Model => {
            table::read_table(reading, name, kind, None, |r, _| sheets::model::row(r, b))
        }
        SheetKind::Law => table::read_table(reading, name, kind, None, |r, _| {
            b.law_row(sheets::law::row(r, file_label)?);
            Ok(())
        }),
        SheetKind::Financing => table::read_table(reading, name, kind, None, |r, _| {
            b.financing(sheets::financing::row(r)?);
            Ok(())
        }),
        SheetKind::Area => {
            b.area_given();
            let mut seen = std::collections::HashMap::new();
            table::read_table(reading, name, kind, None, |r, _| {
                sheets::reach::area_row(r, b, &mut seen)
            })
        }
        SheetKind::Applicants => {
            b.applicants_given();
            table::read_table(reading, name, kind, None, |r, _| {
                sheets::reach::applicant_row(r, b)
            })
        }
        // A merger workbook's sheets are not in `SheetKind::ALL`.
        SheetKind::Merger | SheetKind::Distances | SheetKind::MergedPrices => Ok(()),
    }
}

/// The input's SHA-256: the one its caller gave ([`Input::with_sha256`]),
/// or the bytes hashed.
fn known_or_hashed(input: &Input<'_>, bytes: &[u8]) -> String {
    input
        .known_sha256()
        .map_or_else(|| sha256_hex(bytes), str::to_string)
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

/// Reads a financing workbook: its `Financování` (or `Financing`) sheet,
/// a region's method of financing its network (docs/workbook.md,
/// "Financování"). Other sheets are ignored. Every row is accepted or
/// rejected with its place; a row without a source is rejected.
///
/// ```
/// use homecare_audit::workbook::{read_financing_bytes, ReadOptions};
/// let mut wb = rust_xlsxwriter::Workbook::new();
/// let ws = wb.add_worksheet().set_name("Financování")?;
/// ws.write_row(0, 0, ["Parametr", "Hodnota", "Zdroj"])?;
/// ws.write_row(1, 0, ["normativní náklad na úvazek", "650000", "Zásady KHK 2025"])?;
/// ws.write_row(2, 0, ["podíl obcí", "0,12", ""])?; // no source: rejected
/// let (rows, problems) = read_financing_bytes(&wb.save_to_buffer()?, &ReadOptions::default())?;
/// assert_eq!(rows.len(), 1);
/// assert_eq!(problems.rejections().next().unwrap().place.to_string(), "Financování!C3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`read_path`]; [`ErrorKind::MissingSheet`] when there is no
/// `Financování` sheet.
pub fn read_financing_path(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<(Vec<crate::model::FinancingParam>, Problems), Error> {
    let bytes = read_file(path.as_ref(), &options.limits)?;
    read_financing_bytes(&bytes, options)
}

/// Reads a financing workbook from bytes; see [`read_financing_path`].
///
/// # Errors
///
/// As [`read_financing_path`].
pub fn read_financing_bytes(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Vec<crate::model::FinancingParam>, Problems), Error> {
    catching_panics(|| {
        let mut rows = Vec::new();
        let problems = read_one_sheet(bytes, options, SheetKind::Financing, |r| {
            rows.push(sheets::financing::row(r)?);
            Ok(())
        })?;
        Ok((rows, problems))
    })
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
        let mut sheets = sheets::merger::MergerSheets::default();
        let problems = read_sheets(
            bytes,
            options,
            "the merger workbook",
            &SheetKind::MERGER,
            |kind, r| match kind {
                SheetKind::Distances => sheets.distance(r),
                SheetKind::MergedPrices => sheets.price(r),
                _ => sheets.assumption(r),
            },
        )?;
        let merger = sheets.finish(&problems.rows);
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
        SheetKind::Financing => "the financing workbook",
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
