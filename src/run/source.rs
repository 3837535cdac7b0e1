//! Where an input comes from: a file (the programs) or bytes with a name
//! (the page, Python, a caller holding the file in memory).

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::law::LawRow;
use crate::model::{Benchmark, Dataset, Merger};
use crate::problem::Problems;
use crate::workbook::{
    Input, ReadOptions, read_benchmarks_bytes, read_benchmarks_path, read_law_bytes, read_law_path,
    read_merger_bytes, read_merger_path,
};

/// One input workbook: a path, or bytes and the file's name.
///
/// ```
/// use homecare_audit::run::Source;
/// let file = Source::path("fixtures/sample.xlsx");
/// assert_eq!(file.name(), "fixtures/sample.xlsx");
/// assert_eq!(file.file_name(), "sample.xlsx");
/// let bytes = Source::bytes("sesit.xlsx", vec![0x50, 0x4b]);
/// assert_eq!(bytes.name(), "sesit.xlsx");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// A file's bytes, with the file's name (its extension is not needed:
    /// the format is told from the bytes). Made by [`Source::bytes`] or
    /// [`Source::bytes_with_sha256`] (fields may be added).
    #[non_exhaustive]
    Bytes {
        /// The file's name, as the report and messages give it.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// Its SHA-256 (64 hex digits) when the caller has it already
        /// ([`Source::bytes_with_sha256`]); otherwise the reader hashes it.
        sha256: Option<String>,
    },
}

impl Source {
    /// A file on disk.
    pub fn path(path: impl Into<PathBuf>) -> Source {
        Source::Path(path.into())
    }

    /// A file's bytes and its name.
    pub fn bytes(name: impl Into<String>, bytes: Vec<u8>) -> Source {
        Source::Bytes {
            name: name.into(),
            bytes,
            sha256: None,
        }
    }

    /// A file's bytes, its name and its SHA-256 as the caller computed it
    /// (the page: the browser's WebCrypto), so the reader does not hash the
    /// bytes again; see [`Input::with_sha256`] (a malformed digest is
    /// ignored and the bytes hashed).
    ///
    /// ```
    /// use homecare_audit::run::Source;
    /// let hex = "7e7766994059a0de16171b0ee4dd068815838b19bdd0b3cb5e6317ecb89fd00d";
    /// let text = "Datum;Pracovník;Úkon;Minuty\n3. 3. 2025;P1;a1;30\n";
    /// let file = Source::bytes_with_sha256("vykazy.csv", text.into(), hex);
    /// assert_eq!(file.name(), "vykazy.csv");
    /// ```
    pub fn bytes_with_sha256(
        name: impl Into<String>,
        bytes: Vec<u8>,
        sha256: impl Into<String>,
    ) -> Source {
        Source::Bytes {
            name: name.into(),
            bytes,
            sha256: Some(sha256.into()),
        }
    }

    /// The input as messages name it: the path as given, or the name.
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Bytes { name, .. } => name.clone(),
        }
    }

    /// The file's name without its folder (`sample.xlsx`).
    pub fn file_name(&self) -> String {
        match self {
            Source::Path(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Source::Bytes { name, .. } => Path::new(name)
                .file_name()
                .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
        }
    }

    /// The path, for a file on disk.
    pub fn as_path(&self) -> Option<&Path> {
        match self {
            Source::Path(p) => Some(p),
            Source::Bytes { .. } => None,
        }
    }

    /// A provider's workbook (read as `read_path` or `read_bytes` read
    /// it: one input).
    pub(crate) fn dataset(&self, options: &ReadOptions) -> Result<(Dataset, Problems), Error> {
        crate::workbook::read_inputs(&[self.input()], options).map_err(|e| e.in_file(self.name()))
    }

    /// The reader's input for this source.
    pub(crate) fn input(&self) -> Input<'_> {
        match self {
            Source::Path(p) => Input::path(p.clone()),
            Source::Bytes {
                name,
                bytes,
                sha256,
            } => match sha256 {
                Some(hex) => Input::bytes(name.clone(), bytes).with_sha256(hex.as_str()),
                None => Input::bytes(name.clone(), bytes),
            },
        }
    }

    /// A law workbook's rows.
    pub(crate) fn law(&self, options: &ReadOptions) -> Result<(Vec<LawRow>, Problems), Error> {
        match self {
            Source::Path(p) => read_law_path(p, options),
            Source::Bytes { name, bytes, .. } => read_law_bytes(bytes, name, options),
        }
        .map_err(|e| e.in_file(self.name()))
    }

    /// A benchmarks workbook's rows.
    pub(crate) fn benchmarks(
        &self,
        options: &ReadOptions,
    ) -> Result<(Vec<Benchmark>, Problems), Error> {
        match self {
            Source::Path(p) => read_benchmarks_path(p, options),
            Source::Bytes { bytes, .. } => read_benchmarks_bytes(bytes, options),
        }
        .map(|(set, problems)| (set.rows, problems))
        .map_err(|e| e.in_file(self.name()))
    }

    /// A financing workbook's rows (`Financování`).
    pub(crate) fn financing(
        &self,
        options: &ReadOptions,
    ) -> Result<(Vec<crate::model::FinancingParam>, Problems), Error> {
        match self {
            Source::Path(p) => crate::workbook::read_financing_path(p, options),
            Source::Bytes { bytes, .. } => crate::workbook::read_financing_bytes(bytes, options),
        }
        .map_err(|e| e.in_file(self.name()))
    }

    /// A merger study's assumptions.
    pub(crate) fn merger(&self, options: &ReadOptions) -> Result<(Merger, Problems), Error> {
        match self {
            Source::Path(p) => read_merger_path(p, options),
            Source::Bytes { bytes, .. } => read_merger_bytes(bytes, options),
        }
        .map_err(|e| e.in_file(self.name()))
    }
}

impl From<PathBuf> for Source {
    fn from(p: PathBuf) -> Source {
        Source::Path(p)
    }
}

impl From<&Path> for Source {
    fn from(p: &Path) -> Source {
        Source::Path(p.to_path_buf())
    }
}

/// A provider's records from several files (and the auditor's mapping
/// file, read for its `Sloupce` sheet alone): one dataset. One workbook is
/// read as [`Source::dataset`] reads it, its errors naming it.
pub(crate) fn dataset_of(
    files: &[&Source],
    mapping: Option<&Source>,
    options: &ReadOptions,
) -> Result<(Dataset, Problems), Error> {
    if let ([one], None) = (files, mapping) {
        return one.dataset(options);
    }
    let mut inputs: Vec<Input<'_>> = files.iter().map(|f| f.input()).collect();
    if let Some(m) = mapping {
        inputs.push(m.input().mapping_only());
    }
    crate::workbook::read_inputs(&inputs, options)
}

/// The rejected rows of a law, benchmarks or merger workbook, kept beside
/// the provider's with the workbook's name.
pub(super) fn keep_rejected(
    out: &mut Vec<(String, crate::Problem)>,
    source: &Source,
    problems: &Problems,
) {
    out.extend(
        problems
            .rejections()
            .map(|p| (source.file_name(), p.clone())),
    );
}
