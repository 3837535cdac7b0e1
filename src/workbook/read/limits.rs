//! Read limits and options.

/// Limits checked before data is inflated or allocated. A workbook over any
/// of them is refused with an error naming the limit.
///
/// The defaults accept any honest workbook up to Excel's own sheet size
/// (1 048 576 rows × 16 384 columns; a million-row timesheet inflates to
/// about 340 MB as .xlsx and 1.3 GB as LibreOffice's .ods) and refuse more.
///
/// ```
/// use homecare_audit::workbook::ReadLimits;
/// let small = ReadLimits::default().max_rows(10_000).max_file_bytes(20 << 20);
/// assert_eq!(small.rows, 10_000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadLimits {
    /// Size of the file in bytes (default 512 MiB).
    pub file_bytes: u64,
    /// Declared inflated size of one archive entry (default 2 GiB). The
    /// archive reader also stops at the declared size, so a lying entry
    /// cannot inflate past it. Sheet parts are streamed, never held whole,
    /// so this bounds the time a read takes, not its memory.
    pub entry_bytes: u64,
    /// Inflated-to-compressed ratio of one entry larger than 1 MiB
    /// (default 1 000; honest sheets stay below 100).
    pub inflate_ratio: u64,
    /// Entries in the archive (default 10 000).
    pub archive_entries: u64,
    /// Declared count of shared strings (default 16 777 216).
    pub shared_strings: u64,
    /// Rows of one sheet (default 1 048 576).
    pub rows: u64,
    /// Columns of one sheet (default 16 384).
    pub columns: u64,
    /// Cells read from the whole workbook (default 64 Mi).
    pub cells: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            file_bytes: 512 << 20,
            entry_bytes: 2 << 30,
            inflate_ratio: 1_000,
            archive_entries: 10_000,
            shared_strings: 16 << 20,
            rows: 1_048_576,
            columns: 16_384,
            cells: 64 << 20,
        }
    }
}

impl ReadLimits {
    /// Sets the file size limit.
    pub fn max_file_bytes(mut self, n: u64) -> Self {
        self.file_bytes = n;
        self
    }
    /// Sets the per-entry inflated size limit.
    pub fn max_entry_bytes(mut self, n: u64) -> Self {
        self.entry_bytes = n;
        self
    }
    /// Sets the inflate ratio limit.
    pub fn max_inflate_ratio(mut self, n: u64) -> Self {
        self.inflate_ratio = n;
        self
    }
    /// Sets the archive's entry count limit.
    pub fn max_archive_entries(mut self, n: u64) -> Self {
        self.archive_entries = n;
        self
    }
    /// Sets the shared-string count limit.
    pub fn max_shared_strings(mut self, n: u64) -> Self {
        self.shared_strings = n;
        self
    }
    /// Sets the rows-per-sheet limit.
    pub fn max_rows(mut self, n: u64) -> Self {
        self.rows = n;
        self
    }
    /// Sets the columns-per-sheet limit.
    pub fn max_columns(mut self, n: u64) -> Self {
        self.columns = n;
        self
    }
    /// Sets the total cell limit.
    pub fn max_cells(mut self, n: u64) -> Self {
        self.cells = n;
        self
    }
}

/// The function behind [`Progress`].
pub type ProgressFn = dyn Fn(&str, u64) + Send + Sync;

/// A progress callback: called with the sheet's canonical name and the
/// data rows read so far, every 50 000 rows.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<ProgressFn>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress(..)")
    }
}

impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Progress {}

/// How to read a workbook.
///
/// ```
/// use homecare_audit::workbook::ReadOptions;
/// let opts = ReadOptions::default().strict(true);
/// assert!(opts.strict);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Turn the first rejected row into an error.
    pub strict: bool,
    /// Limits.
    pub limits: ReadLimits,
    /// Called as long sheets are read (for a progress bar).
    pub progress: Option<Progress>,
}

impl ReadOptions {
    /// Sets strict mode.
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self
    }

    /// Sets the limits.
    pub fn limits(mut self, limits: ReadLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets a progress callback, called with the sheet's canonical name and
    /// the rows read so far every 50 000 rows.
    ///
    /// ```
    /// use homecare_audit::workbook::ReadOptions;
    /// let opts = ReadOptions::default().progress(|sheet, rows| eprint!("\r{sheet}: {rows}"));
    /// assert!(opts.progress.is_some());
    /// ```
    pub fn progress(mut self, f: impl Fn(&str, u64) + Send + Sync + 'static) -> Self {
        self.progress = Some(Progress(std::sync::Arc::new(f)));
        self
    }
}
