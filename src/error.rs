//! The one error type: a kind, and where it happened when that is known.
//!
//! Every fallible public function returns an [`Error`]. It ends reading (or
//! building, or writing) as a whole: the file is not a spreadsheet, a limit
//! was exceeded, a required sheet or column is missing, strict mode met a
//! rejected row, a report cannot be written, the normative price cannot be
//! worked out. Rejected rows in normal mode are not errors but
//! [`Problem`](crate::Problem)s. An error is built only inside the crate.
//!
//! Its cause (an I/O error, the writer's) is chained through `source()` and
//! not repeated in its `Display` message, as the standard library's error
//! reporters expect; [`Error::describe`] gives an auditor the whole story on
//! one line, the cause included.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::i18n::{Lang, Text};
use crate::place::Place;
use crate::problem::{Problem, Reason};

/// An error that ends reading or building a dataset.
///
/// Cheap to move (one box). Match on [`Error::kind`] for the details;
/// [`Error::file`] names the input file when the front end
/// ([`crate::run`]) knows which of several it was.
pub struct Error(Box<Inner>);

/// The kind, and the input file it concerns when known.
struct Inner {
    kind: ErrorKind,
    file: Option<String>,
}

/// A read limit of [`ReadLimits`](crate::workbook::ReadLimits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// The file's size in bytes.
    FileBytes,
    /// The declared inflated size of one archive entry in bytes.
    EntryBytes,
    /// The inflated-to-compressed ratio of one archive entry.
    InflateRatio,
    /// The number of entries in the archive.
    ArchiveEntries,
    /// Shared strings: the count the table declares, and the strings it
    /// holds (at most max(1 Mi, the file's bytes) as well).
    SharedStrings,
    /// Rows of one sheet.
    Rows,
    /// Columns of one sheet.
    Columns,
    /// Cells of the whole workbook.
    Cells,
}

impl Limit {
    /// The name of the [`ReadLimits`](crate::workbook::ReadLimits) builder
    /// method that sets the limit (`max_file_bytes`, …).
    pub fn name(self) -> &'static str {
        match self {
            Limit::FileBytes => "max_file_bytes",
            Limit::EntryBytes => "max_entry_bytes",
            Limit::InflateRatio => "max_inflate_ratio",
            Limit::ArchiveEntries => "max_archive_entries",
            Limit::SharedStrings => "max_shared_strings",
            Limit::Rows => "max_rows",
            Limit::Columns => "max_columns",
            Limit::Cells => "max_cells",
        }
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io {
        /// The path, when reading from a file.
        path: Option<PathBuf>,
        /// The underlying error.
        err: io::Error,
    },
    /// The bytes are not a spreadsheet the library reads (xlsx, xlsm, xlsb,
    /// xls, ods).
    UnknownFormat {
        /// What the first bytes look like, e.g. `a PDF document` /
        /// `dokument PDF`.
        looks_like: Text,
    },
    /// The workbook is password-protected (encrypted).
    Encrypted,
    /// The workbook is damaged or not readable by the spreadsheet reader.
    Malformed {
        /// The format that was tried (`xlsx`, `xls`, …).
        format: &'static str,
        /// What the reader said.
        message: String,
    },
    /// A read limit was exceeded; nothing was inflated or allocated past it.
    LimitExceeded {
        /// Which limit.
        limit: Limit,
        /// The value found (declared or counted).
        value: u64,
        /// The limit in force.
        max: u64,
        /// Where: an archive entry name or a sheet.
        context: String,
    },
    /// A required sheet is not in the workbook.
    MissingSheet {
        /// The canonical Czech name (`Klienti`, `Pracovníci`, `Výkazy`).
        sheet: &'static str,
    },
    /// Two sheets of the workbook map to the same sheet after folding names.
    DuplicateSheet {
        /// The two names as written.
        first: String,
        /// The second name.
        second: String,
    },
    /// The column mapping (`Sloupce`) maps one input header of a sheet kind
    /// to two of our columns.
    MappedTwice {
        /// The input's header as the mapping writes it.
        header: String,
        /// The first mapping row's cell.
        first: Place,
        /// The second.
        second: Place,
    },
    /// A sheet has no header row (no row with two or more non-empty cells).
    NoHeader {
        /// The sheet's name as written.
        sheet: String,
    },
    /// A required column is not in a sheet's header row.
    MissingColumn {
        /// The header row's first cell.
        place: Place,
        /// The column's Czech header.
        column: &'static str,
        /// Which of our sheets the header was read as.
        sheet_kind: crate::place::SheetKind,
        /// The header row's texts as written, by column (empty where a
        /// column has none): what a column mapping can name
        /// ([`crate::run::MappingProposal`]).
        headers: Vec<String>,
    },
    /// A column appears twice in a header row.
    DuplicateColumn {
        /// The second occurrence.
        place: Place,
        /// The column's Czech header.
        column: &'static str,
    },
    /// Costs (or revenues) given twice: typed on `Náklady` (`Výnosy`) and
    /// read from the accounts (`Výsledovka`); summed, they would count the
    /// same money twice.
    GivenTwice {
        /// The typed sheet's canonical name (`Náklady` or `Výnosy`).
        lines: &'static str,
        /// The accounts sheet's name as written.
        accounts: String,
    },
    /// Strict mode: a row was rejected.
    Strict {
        /// The first rejection.
        problem: Problem,
    },
    /// A value given to [`DatasetBuilder`](crate::DatasetBuilder) is invalid.
    Invalid {
        /// What was given.
        raw: String,
        /// Why it is invalid.
        reason: Reason,
    },
    /// The spreadsheet reader crashed on this file (a bug in it, caught).
    ReaderPanicked {
        /// The panic message.
        message: String,
    },
    /// A workbook (the report, a comparison, the template, a law or an
    /// input workbook) could not be written.
    Write {
        /// The path, when writing to a file.
        path: Option<PathBuf>,
        /// What the writer said (also [`Error::source`](std::error::Error::source)).
        cause: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A figure cannot be worked out from what was given (the normative
    /// price of parameters outside their ranges, say).
    NotAvailable {
        /// Why.
        reason: Text,
    },
    /// A run was asked for wrongly (an option out of its range, no input):
    /// the front end's equivalent of a command line's usage error.
    Usage {
        /// What is wrong.
        reason: Text,
    },
}

impl Error {
    /// Wraps a kind (inside the crate only: users get errors, they do not
    /// make them).
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner { kind, file: None }))
    }

    /// The same error, said of the input file `name` (the front end knows
    /// which of a provider's files, law or benchmarks workbooks it read).
    pub(crate) fn in_file(mut self, name: impl Into<String>) -> Error {
        self.0.file = Some(name.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Takes the kind out.
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }

    /// The input file the error concerns, as the front end named it
    /// (`sesit.xlsx`), when it was one of the run's inputs.
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let err = AuditRequest::new(Source::bytes("prazdny.xlsx", Vec::new()))
    ///     .read()
    ///     .unwrap_err();
    /// assert_eq!(err.file(), Some("prazdny.xlsx"));
    /// assert!(err.describe(homecare_audit::Lang::En).starts_with("prazdny.xlsx: "));
    /// ```
    pub fn file(&self) -> Option<&str> {
        self.0.file.as_deref()
    }

    /// The exit status a program gives for this error: 3 for strict mode
    /// meeting a rejected row, 2 for a run asked for wrongly, else 1 (an
    /// input cannot be read, an output cannot be written).
    ///
    /// ```
    /// use homecare_audit::run::{AuditRequest, Source};
    /// let err = AuditRequest::new(Source::bytes("x.xlsx", b"not a workbook".to_vec()))
    ///     .read()
    ///     .unwrap_err();
    /// assert_eq!(err.exit_code(), 1);
    /// ```
    pub fn exit_code(&self) -> u8 {
        match self.kind() {
            ErrorKind::Strict { .. } => 3,
            ErrorKind::Usage { .. } => 2,
            _ => 1,
        }
    }

    /// The place in the workbook, when the error has one.
    pub fn place(&self) -> Option<&Place> {
        match &self.0.kind {
            ErrorKind::MissingColumn { place, .. } | ErrorKind::DuplicateColumn { place, .. } => {
                Some(place)
            }
            ErrorKind::Strict { problem } => Some(&problem.place),
            _ => None,
        }
    }

    /// True for an exceeded read limit.
    pub fn is_limit(&self) -> bool {
        matches!(&self.0.kind, ErrorKind::LimitExceeded { .. })
    }

    /// True for an I/O error.
    pub fn is_io(&self) -> bool {
        matches!(&self.0.kind, ErrorKind::Io { .. })
    }

    /// The error in plain words for an auditor, in Czech or English, with
    /// its cause: `zprava.xlsx: sešit nelze zapsat: Permission denied`.
    /// With [`Error::file`] set, the file's name comes first.
    pub fn describe(&self, lang: Lang) -> String {
        let text = self.text();
        let file = self.file().map(|f| format!("{f}: ")).unwrap_or_default();
        match self.cause() {
            Some(cause) => format!("{file}{}: {cause}", text.get(lang)),
            None => format!("{file}{}", text.get(lang)),
        }
    }

    /// The cause an I/O or writing error wraps.
    fn cause(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::Io { err, .. } => Some(err),
            ErrorKind::Write { cause, .. } => Some(cause.as_ref()),
            _ => None,
        }
    }

    /// The error in plain words, in both languages, without its cause
    /// (that is [`source`](std::error::Error::source)).
    pub fn text(&self) -> Text {
        match &self.0.kind {
            ErrorKind::Io { path, .. } => {
                let p = path
                    .as_ref()
                    .map(|p| format!("{}: ", p.display()))
                    .unwrap_or_default();
                Text {
                    cs: format!("{p}soubor nelze přečíst"),
                    en: format!("{p}cannot read the file"),
                }
            }
            ErrorKind::UnknownFormat { looks_like } => Text {
                cs: format!(
                    "soubor není sešit xlsx, xls, xlsb ani ods (vypadá jako {})",
                    looks_like.cs
                ),
                en: format!(
                    "not an xlsx, xls, xlsb or ods workbook (looks like {})",
                    looks_like.en
                ),
            },
            ErrorKind::Encrypted => Text::new(
                "sešit je chráněn heslem (zašifrován); uložte jej bez hesla",
                "the workbook is password-protected (encrypted); save it without a password",
            ),
            ErrorKind::Malformed { format, message } => Text {
                cs: format!("poškozený sešit {format}: {message}"),
                en: format!("damaged {format} workbook: {message}"),
            },
            ErrorKind::LimitExceeded {
                limit,
                value,
                max,
                context,
            } => {
                let name = limit.name();
                Text {
                    cs: format!(
                        "sešit překračuje limit {name} ({value} > {max}) v {context}; \
                         soubor byl odmítnut před načtením dat"
                    ),
                    en: format!(
                        "the workbook exceeds the limit {name} ({value} > {max}) in {context}; \
                         refused before the data was loaded"
                    ),
                }
            }
            ErrorKind::MissingSheet { sheet } => Text {
                cs: format!("chybí povinný list {sheet}"),
                en: format!("the required sheet {sheet} is missing"),
            },
            ErrorKind::DuplicateSheet { first, second } => Text {
                cs: format!("listy „{first}“ a „{second}“ jsou tentýž list; nechte jen jeden"),
                en: format!("sheets \"{first}\" and \"{second}\" are the same sheet; keep one"),
            },
            ErrorKind::MappedTwice {
                header,
                first,
                second,
            } => Text {
                cs: format!(
                    "mapování sloupců přiřazuje záhlaví „{header}“ dvěma sloupcům ({first} a {second}); nechte jen jedno"
                ),
                en: format!(
                    "the column mapping maps the header \"{header}\" to two columns ({first} and {second}); keep one"
                ),
            },
            ErrorKind::GivenTwice { lines, accounts } => {
                let (cs, en) = if *lines == "Výnosy" {
                    ("výnosy", "revenues")
                } else {
                    ("náklady", "costs")
                };
                Text {
                    cs: format!(
                        "{cs} jsou na listu {lines} i ve výsledovce „{accounts}“ a sečetly by se \
                         dvakrát; nechte je jen na jednom z listů (úpravu, např. přidělenou režii, \
                         zapište do výsledovky pod vlastní analytikou a zařaďte ji Účtovou mapou)"
                    ),
                    en: format!(
                        "{en} are given on sheet {lines} and in the accounts \"{accounts}\" and \
                         would be counted twice; keep them on one of the sheets (write an \
                         adjustment, allocated overhead say, into the accounts under an analytic \
                         of its own and map it in the Account map)"
                    ),
                }
            }
            ErrorKind::NoHeader { sheet } => Text {
                cs: format!(
                    "list {sheet} nemá řádek záhlaví (řádek s aspoň dvěma vyplněnými buňkami)"
                ),
                en: format!(
                    "sheet {sheet} has no header row (a row with at least two non-empty cells)"
                ),
            },
            ErrorKind::MissingColumn { place, column, .. } => Text {
                cs: format!("{place}: záhlaví nemá povinný sloupec „{column}“"),
                en: format!("{place}: the header lacks the required column \"{column}\""),
            },
            ErrorKind::DuplicateColumn { place, column } => Text {
                cs: format!("{place}: sloupec „{column}“ je v záhlaví dvakrát"),
                en: format!("{place}: the column \"{column}\" appears twice in the header"),
            },
            ErrorKind::Strict { problem } => Text {
                cs: format!(
                    "přísný režim: odmítnutý řádek: {}",
                    problem.describe(Lang::Cs)
                ),
                en: format!(
                    "strict mode: a row was rejected: {}",
                    problem.describe(Lang::En)
                ),
            },
            ErrorKind::Invalid { raw, reason } => {
                let why = reason.text();
                Text {
                    cs: format!("\"{raw}\": {}", why.cs),
                    en: format!("\"{raw}\": {}", why.en),
                }
            }
            ErrorKind::ReaderPanicked { message } => Text {
                cs: format!("čtečka tabulek selhala na poškozeném souboru: {message}"),
                en: format!("the spreadsheet reader failed on a damaged file: {message}"),
            },
            ErrorKind::Write { path, .. } => {
                let p = path
                    .as_ref()
                    .map(|p| format!("{}: ", p.display()))
                    .unwrap_or_default();
                Text {
                    cs: format!("{p}sešit nelze zapsat"),
                    en: format!("{p}cannot write the workbook"),
                }
            }
            ErrorKind::NotAvailable { reason } | ErrorKind::Usage { reason } => reason.clone(),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.file {
            Some(file) => write!(f, "{file}: {:?}", self.0.kind),
            None => self.0.kind.fmt(f),
        }
    }
}

/// English, without the cause (see [`Error::describe`] for one line with
/// it).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = self.file() {
            write!(f, "{file}: ")?;
        }
        f.write_str(&self.text().en)
    }
}

/// The cause of an I/O or writing error is its source.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause()
    }
}

impl Error {
    /// A writing error: the writer's, with the path when there is one.
    pub(crate) fn write(
        path: Option<&std::path::Path>,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        Error::new(ErrorKind::Write {
            path: path.map(std::path::Path::to_path_buf),
            cause: Box::new(cause),
        })
    }
}
