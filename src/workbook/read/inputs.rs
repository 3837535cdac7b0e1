//! Several files as one provider's records: each input opened (a workbook
//! or a CSV file), and each of its sheets assigned to one of our sheet
//! kinds, by the auditor's mapping, by its name, or by its file's name.
//!
//! A CSV file is one sheet; its kind comes from its file name
//! (`vykazy.csv`, `klienti.csv`, `export_uzivatele_2025.csv`: a word of the
//! name that is one of our sheets' names) or from the mapping's `Soubor`.
//! A workbook with one sheet whose name says nothing (`List1`, `Export`)
//! takes its kind from its file name too. Two inputs claiming one kind are
//! an error naming both.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::book::Book;
use super::delimited::{DelimitedFile, Text};
use super::limits::ReadLimits;
use super::mapping::ColumnMap;
use super::sniff;
use crate::error::{Error, ErrorKind, Limit};
use crate::matching::fold;
use crate::place::Place;
use crate::problem::{Problem, Problems, Reason};
use crate::workbook::schema::SheetKind;

/// One file of a provider's records: a workbook (`.xlsx`, `.xlsm`,
/// `.xlsb`, `.xls`, `.ods`) or a CSV/TSV file, from its path or its bytes.
///
/// ```
/// use homecare_audit::workbook::{Input, ReadOptions, read_inputs};
/// let visits = "Datum;Pracovník;Klient;Úkon;Minuty\n3. 3. 2025;P1;K1;a1;30\n";
/// let clients = "ID klienta;Stupeň PnP\nK1;II\n";
/// let staff = "ID pracovníka;Pozice;Úvazek\nP1;PSS;1\n";
/// let (dataset, problems) = read_inputs(
///     &[
///         Input::bytes("vykazy.csv", visits.as_bytes()),
///         Input::bytes("klienti.csv", clients.as_bytes()),
///         Input::bytes("pracovnici.csv", staff.as_bytes()),
///     ],
///     &ReadOptions::default(),
/// )?;
/// assert_eq!(dataset.visits.len(), 1);
/// assert_eq!(problems.count("Výkazy").accepted, 1);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Input<'a> {
    name: String,
    content: Content<'a>,
    mapping_only: bool,
    sha256: Option<String>,
}

#[derive(Clone, Debug)]
enum Content<'a> {
    Bytes(&'a [u8]),
    Path(PathBuf),
}

impl<'a> Input<'a> {
    /// An input in memory, named as its places and the report name it
    /// (`vykazy.csv`; the name's extension and words also say what it
    /// holds).
    pub fn bytes(name: impl Into<String>, bytes: &'a [u8]) -> Input<'a> {
        Input {
            name: name.into(),
            content: Content::Bytes(bytes),
            mapping_only: false,
            sha256: None,
        }
    }

    /// An input file on disk: a workbook is read whole (within the size
    /// limit), a CSV file streamed.
    pub fn path(path: impl Into<PathBuf>) -> Input<'static> {
        let path = path.into();
        Input {
            name: file_name_of(&path),
            content: Content::Path(path),
            mapping_only: false,
            sha256: None,
        }
    }

    /// The same input, read only for its column mapping (`Sloupce`): the
    /// auditor's mapping kept in a file of its own (`--mapping`).
    pub fn mapping_only(mut self) -> Input<'a> {
        self.mapping_only = true;
        self
    }

    /// The same input with its SHA-256 already known to the caller, so the
    /// reader does not hash the bytes again: the page has the browser's
    /// own SHA-256 (WebCrypto, in hardware), where the library's, compiled
    /// to WebAssembly, takes a tenth of a first audit. The caller vouches
    /// for it; a text that is not 64 hexadecimal digits is ignored and the
    /// bytes are hashed as usual. Taken for inputs given as bytes and for
    /// workbooks on disk; a CSV file on disk is hashed as it is streamed
    /// (no extra pass), and a digest given for it is not used.
    ///
    /// ```
    /// use homecare_audit::workbook::{Input, ReadOptions, read_inputs};
    /// let visits = "Datum;Pracovník;Úkon;Minuty\n3. 3. 2025;P1;a1;30\n";
    /// // SHA-256 of the text above, as `sha256sum` prints it.
    /// let known = "7e7766994059a0de16171b0ee4dd068815838b19bdd0b3cb5e6317ecb89fd00d";
    /// let input = Input::bytes("vykazy.csv", visits.as_bytes()).with_sha256(known);
    /// let (dataset, _) = read_inputs(&[input], &ReadOptions::default())?;
    /// assert_eq!(dataset.source.inputs[0].sha256.as_deref(), Some(known));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn with_sha256(mut self, sha256: impl Into<String>) -> Input<'a> {
        let hex = sha256.into().to_ascii_lowercase();
        let well_formed = hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        self.sha256 = well_formed.then_some(hex);
        self
    }

    /// The SHA-256 the caller gave ([`Input::with_sha256`]).
    pub(crate) fn known_sha256(&self) -> Option<&str> {
        self.sha256.as_deref()
    }

    /// The input's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True when only the column mapping is read from it.
    pub fn is_mapping_only(&self) -> bool {
        self.mapping_only
    }
}

/// The last part of `path`, empty for a path that ends in `..`.
pub(crate) fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// An input's bytes as far as they are loaded: a workbook whole, a CSV
/// file left on disk.
pub(crate) enum Loaded<'a> {
    Workbook(Cow<'a, [u8]>),
    Delimited(Text<'a>),
}

/// Loads an input within the size limit (checked before reading).
///
/// # Errors
///
/// I/O, the file-size limit, and an input that is neither a workbook nor
/// text ([`ErrorKind::UnknownFormat`]).
pub(crate) fn load<'a>(input: &Input<'a>, limits: &ReadLimits) -> Result<Loaded<'a>, Error> {
    match &input.content {
        Content::Bytes(b) => {
            within_size(b.len() as u64, limits, &input.name)?;
            match sniff::detect(b) {
                Ok(_) => Ok(Loaded::Workbook(Cow::Borrowed(b))),
                Err(_) if is_delimited(b, &input.name) => Ok(Loaded::Delimited(Text::Bytes(b))),
                Err(e) => Err(e),
            }
        }
        Content::Path(path) => {
            let io = |err| io_error(path, err);
            within_size(
                std::fs::metadata(path).map_err(io)?.len(),
                limits,
                &input.name,
            )?;
            let mut head = Vec::with_capacity(4096);
            {
                use std::io::Read;
                std::fs::File::open(path)
                    .and_then(|f| f.take(4096).read_to_end(&mut head))
                    .map_err(io)?;
            }
            let workbook = head.starts_with(b"PK") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
            if !workbook && is_delimited(&head, &input.name) {
                return Ok(Loaded::Delimited(Text::File(path.clone())));
            }
            // Its size already checked.
            let bytes = std::fs::read(path).map_err(io)?;
            // Not a workbook and not text: the sniffer says what it is.
            sniff::detect(&bytes)?;
            Ok(Loaded::Workbook(Cow::Owned(bytes)))
        }
    }
}

/// A file's bytes, refused before reading when it is over the size limit.
pub(crate) fn read_file(path: &Path, limits: &ReadLimits) -> Result<Vec<u8>, Error> {
    let io = |err| io_error(path, err);
    let len = std::fs::metadata(path).map_err(io)?.len();
    within_size(len, limits, &path.display().to_string())?;
    std::fs::read(path).map_err(io)
}

/// [`Limit::FileBytes`]: an input of `len` bytes (`context` names it),
/// checked before anything is read.
pub(crate) fn within_size(len: u64, limits: &ReadLimits, context: &str) -> Result<(), Error> {
    if len > limits.file_bytes {
        return Err(Error::new(ErrorKind::LimitExceeded {
            limit: Limit::FileBytes,
            value: len,
            max: limits.file_bytes,
            context: context.to_string(),
        }));
    }
    Ok(())
}

fn io_error(path: &Path, err: std::io::Error) -> Error {
    Error::new(ErrorKind::Io {
        path: Some(path.to_path_buf()),
        err,
    })
}

/// True for text read as CSV: a `.csv`, `.tsv` or `.txt` file that is not
/// empty, or text whose first line has a delimiter. Never for markup (an
/// HTML page saved as `.xls`) or binary data.
fn is_delimited(head: &[u8], name: &str) -> bool {
    let head = &head[..head.len().min(4096)];
    if head.is_empty() || head.contains(&0) {
        return false;
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && ![0xEF, 0xBB, 0xBF].contains(b));
    if start.is_some_and(|i| head[i] == b'<') {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if [".csv", ".tsv", ".txt"].iter().any(|e| lower.ends_with(e)) {
        return true;
    }
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    first_line.iter().any(|b| matches!(b, b';' | b',' | b'\t'))
}

/// An opened input: a workbook or a CSV file.
pub(crate) enum Opened<'b> {
    Book(Book<'b>),
    Delimited(DelimitedFile<'b>),
}

/// One sheet of an input, to be read as one of our sheet kinds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assigned {
    /// The input's index.
    pub input: usize,
    /// The sheet's name in its workbook; empty for a CSV file.
    pub sheet: String,
}

/// How an error names an input's sheet: `a.xlsx/Výkazy`, `vykazy.csv`, or
/// the sheet alone when there is one input.
pub(crate) fn label(names: &[String], a: &Assigned) -> String {
    let file = &names[a.input];
    match (names.len() > 1 || a.sheet.is_empty(), a.sheet.is_empty()) {
        (_, true) => file.clone(),
        (true, false) => format!("{file}/{}", a.sheet),
        (false, false) => a.sheet.clone(),
    }
}

/// The sheets of every input, by name (an input's name, its sheets' names
/// and which are hidden): what assigning needs.
pub(crate) struct Listing {
    pub names: Vec<String>,
    pub sheets: Vec<Vec<String>>,
    pub hidden: Vec<Vec<String>>,
    pub mapping_only: Vec<bool>,
}

/// The template's instructions sheet is known and holds no data.
pub(crate) fn is_instructions(name: &str) -> bool {
    matches!(fold(name).as_str(), "navod" | "instructions")
}

/// Where the column mapping is: the one `Sloupce` sheet (or a CSV file
/// named so) among the inputs.
///
/// # Errors
///
/// Two of them ([`ErrorKind::DuplicateSheet`], naming both).
pub(crate) fn find_mapping(listing: &Listing) -> Result<Option<Assigned>, Error> {
    let mut found: Option<Assigned> = None;
    for (i, sheets) in listing.sheets.iter().enumerate() {
        for sheet in sheets {
            let kind = if sheet.is_empty() {
                kind_of_file_name(&listing.names[i], &[SheetKind::Columns])
            } else {
                SheetKind::parse_among(sheet, &[SheetKind::Columns])
            };
            if kind.is_none() {
                continue;
            }
            let here = Assigned {
                input: i,
                sheet: sheet.clone(),
            };
            if let Some(first) = &found {
                return Err(Error::new(ErrorKind::DuplicateSheet {
                    first: label(&listing.names, first),
                    second: label(&listing.names, &here),
                }));
            }
            found = Some(here);
        }
    }
    Ok(found)
}

/// A mapping row's `Soubor` that names no input: its place and text.
pub(crate) type UnknownFile = (Place, String);

/// Which input sheet is which of our sheet kinds, and the mapping rows
/// whose `Soubor` names no input (their place and text, for
/// [`ColumnMap::finish`] to reject). Unknown sheets are noted as ignored,
/// hidden ones as hidden (read all the same).
///
/// # Errors
///
/// Two sheets of one kind (naming both), a required sheet missing.
pub(crate) fn assign(
    listing: &Listing,
    mapping: Option<&ColumnMap>,
    problems: &mut Problems,
) -> Result<(BTreeMap<SheetKind, Assigned>, Vec<UnknownFile>), Error> {
    let mut found: BTreeMap<SheetKind, Assigned> = BTreeMap::new();
    let several = listing.names.len() > 1;
    let mut used_assignments = vec![false; mapping.map_or(0, |m| m.files.len())];
    for (i, sheets) in listing.sheets.iter().enumerate() {
        let data_sheets: Vec<&String> = sheets.iter().filter(|s| !is_instructions(s)).collect();
        for (n, sheet) in data_sheets.iter().enumerate() {
            let here = Assigned {
                input: i,
                sheet: (*sheet).clone(),
            };
            if mapping.is_some_and(|m| m.at.as_ref() == Some(&here)) {
                continue;
            }
            if listing.mapping_only[i] {
                continue;
            }
            let by_mapping = mapping.and_then(|m| {
                m.files.iter().enumerate().find_map(|(k, a)| {
                    let file_matches = a.file == fold(&listing.names[i]);
                    let sheet_matches = match &a.sheet {
                        Some(s) => *s == fold(sheet),
                        // A file alone: a CSV file, or a workbook's first sheet.
                        None => n == 0,
                    };
                    (file_matches && sheet_matches).then_some((k, a.kind))
                })
            });
            let kind = match by_mapping {
                Some((k, kind)) => {
                    used_assignments[k] = true;
                    Some(kind)
                }
                None if sheet.is_empty() => kind_of_file_name(&listing.names[i], &SheetKind::ALL),
                None => SheetKind::parse(sheet).or_else(|| {
                    // A workbook of one sheet whose name says nothing.
                    (data_sheets.len() == 1)
                        .then(|| kind_of_file_name(&listing.names[i], &SheetKind::ALL))
                        .flatten()
                }),
            };
            let Some(kind) = kind else {
                let place = sheet_place(listing, &here, several);
                problems.push(Problem::new(
                    place,
                    label(&listing.names, &here),
                    Reason::IgnoredSheet,
                ));
                continue;
            };
            if let Some(first) = found.get(&kind) {
                return Err(Error::new(ErrorKind::DuplicateSheet {
                    first: label(&listing.names, first),
                    second: label(&listing.names, &here),
                }));
            }
            found.insert(kind, here);
        }
        for name in listing.hidden[i].iter().filter(|h| sheets.contains(h)) {
            let here = Assigned {
                input: i,
                sheet: name.clone(),
            };
            if found.values().any(|a| *a == here) {
                let place = sheet_place(listing, &here, several);
                problems.push(Problem::new(place, name.as_str(), Reason::HiddenSheet));
            }
        }
    }
    let unused: Vec<UnknownFile> = mapping
        .iter()
        .flat_map(|m| m.files.iter().zip(&used_assignments))
        .filter(|(_, used)| !**used)
        .map(|(a, _)| (a.place.clone(), a.raw.clone()))
        .collect();
    for kind in SheetKind::ALL {
        if kind.required() && !found.contains_key(&kind) {
            return Err(Error::new(ErrorKind::MissingSheet { sheet: kind.cs() }));
        }
    }
    Ok((found, unused))
}

/// A sheet's place for a notice about the whole sheet.
fn sheet_place(listing: &Listing, a: &Assigned, several: bool) -> Place {
    let file = &listing.names[a.input];
    if a.sheet.is_empty() {
        Place::csv(file.as_str(), 1, 0, None)
    } else if several {
        Place::new(a.sheet.as_str(), 1, 0).in_file(file.as_str())
    } else {
        Place::new(a.sheet.as_str(), 1, 0)
    }
}

/// The sheet kind among `kinds` a file's name says: its whole stem
/// (`vykazy.csv`), else the one kind its words name
/// (`export_uzivatele_2025-03.csv`); `None` when no word or two words of
/// different kinds do.
pub(crate) fn kind_of_file_name(name: &str, kinds: &[SheetKind]) -> Option<SheetKind> {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(k) = SheetKind::parse_among(&stem, kinds) {
        return Some(k);
    }
    let mut found = None;
    for word in stem
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(k) = SheetKind::parse_among(word, kinds) {
            if found.is_some_and(|f| f != k) {
                return None;
            }
            found = Some(k);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A digest the caller gives is taken as given, lower-cased (the
    /// bytes are not hashed again: "aa…" is no file's SHA-256); one that is
    /// not 64 hex digits is ignored and the bytes are hashed (7e77…d00d is
    /// what `sha256sum` prints for the text).
    #[test]
    fn a_known_sha256_is_taken_and_a_malformed_one_ignored() {
        let visits = "Datum;Pracovník;Úkon;Minuty\n3. 3. 2025;P1;a1;30\n";
        let sha = |input: Input<'_>| {
            let (ds, _) =
                crate::workbook::read_inputs(&[input], &crate::workbook::ReadOptions::default())
                    .unwrap();
            ds.source.inputs[0].sha256.clone().unwrap()
        };
        let given = Input::bytes("vykazy.csv", visits.as_bytes()).with_sha256("A".repeat(64));
        assert_eq!(sha(given), "a".repeat(64));
        let malformed = Input::bytes("vykazy.csv", visits.as_bytes()).with_sha256("xyz");
        assert_eq!(
            sha(malformed),
            "7e7766994059a0de16171b0ee4dd068815838b19bdd0b3cb5e6317ecb89fd00d"
        );
    }

    #[test]
    fn kinds_from_file_names() {
        let all = &SheetKind::ALL;
        assert_eq!(
            kind_of_file_name("vykazy.csv", all),
            Some(SheetKind::Visits)
        );
        assert_eq!(
            kind_of_file_name("Uživatelé.CSV", all),
            Some(SheetKind::Clients)
        );
        assert_eq!(
            kind_of_file_name("export_uzivatele_2025-03.csv", all),
            Some(SheetKind::Clients)
        );
        // Two kinds named: neither.
        assert_eq!(kind_of_file_name("klienti_vykazy.csv", all), None);
        assert_eq!(kind_of_file_name("data.csv", all), None);
    }

    #[test]
    fn text_is_csv_by_its_extension_or_its_first_line() {
        assert!(is_delimited(b"a;b\n1;2", "x"));
        assert!(is_delimited(b"jedna hodnota\n", "x.csv"));
        assert!(
            !is_delimited(b"", "x.csv"),
            "an empty file is not a CSV file"
        );
        assert!(!is_delimited(b"<html><body>", "x.csv"));
        assert!(!is_delimited(b"a;b\0", "x.csv"));
        assert!(!is_delimited(b"plain words", "x"));
    }
}
