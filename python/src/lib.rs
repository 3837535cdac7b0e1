//! The audit from Python: the homecare-audit library as the extension
//! module `homecare_audit`, for a region's analysts (pandas, Jupyter) and
//! data pipelines.
//!
//! A face like the programs and the web page: Python's arguments become
//! the front end's request ([`homecare_audit::run`]) once, and what it
//! gives back (the JSON, the tables, the report workbook) is handed to
//! Python as it is, decimals as `decimal.Decimal`. Nothing is computed
//! here. The library's errors become the package's exceptions, with the
//! file, the place and the message in both languages; a panic (a bug) is
//! caught and raised as `AuditError`, never ending the interpreter.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use homecare_audit::run::{
    AUDIT_TABLES, AuditRequest, Audited, COMPARISON_TABLES, Cell, CompareRequest, Comparison,
    Source, Table, parse_lang, parse_share, providers_in,
};
use homecare_audit::{Error, Lang};
use pyo3::exceptions::{PyException, PyImportError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyList, PyTuple};
use pyo3::{IntoPyObjectExt, create_exception};

create_exception!(
    homecare_audit,
    AuditError,
    PyException,
    "An audit could not be done. `file`, `place`, `message_cs`, `message_en` and `exit_code` (the command line's) say what and where; `str()` is the message in the audit's language."
);
create_exception!(
    homecare_audit,
    ReadError,
    AuditError,
    "An input cannot be read: not a workbook, damaged, over a read limit, a required sheet or column missing. `file` names it."
);
create_exception!(
    homecare_audit,
    StrictError,
    ReadError,
    "Strict mode (`strict=True`) met a rejected row; `place` is its cell (`Výkazy!C5794`)."
);
create_exception!(
    homecare_audit,
    UsageError,
    AuditError,
    "The audit was asked for wrongly: no input, an unknown language or table, an option out of its range."
);
create_exception!(
    homecare_audit,
    WriteError,
    AuditError,
    "The report or comparison workbook cannot be written."
);

/// What a call was doing, for the exception a library error becomes.
#[derive(Clone, Copy)]
enum Doing {
    Reading,
    Writing,
}

/// The library's error as the package's exception, its attributes set.
fn raised(py: Python<'_>, e: &Error, lang: Lang, doing: Doing) -> PyErr {
    let message = e.describe(lang);
    let err = match (e.exit_code(), doing) {
        (2, _) => UsageError::new_err(message),
        (3, _) => StrictError::new_err(message),
        (_, Doing::Reading) => ReadError::new_err(message),
        (_, Doing::Writing) => WriteError::new_err(message),
    };
    let v = err.value(py);
    let set = [
        v.setattr("file", e.file()),
        v.setattr("place", e.place().map(|p| p.to_string())),
        v.setattr("message_cs", e.describe(Lang::Cs)),
        v.setattr("message_en", e.describe(Lang::En)),
        v.setattr("exit_code", e.exit_code()),
    ];
    match set.into_iter().find_map(Result::err) {
        Some(failed) => failed,
        None => err,
    }
}

/// A usage error found here (an argument Python gave), in both languages.
fn usage(py: Python<'_>, cs: &str, en: &str, lang: Lang) -> PyErr {
    let err = UsageError::new_err(lang.pick(cs, en).to_string());
    let v = err.value(py);
    let _ = v.setattr("file", py.None());
    let _ = v.setattr("place", py.None());
    let _ = v.setattr("message_cs", cs);
    let _ = v.setattr("message_en", en);
    let _ = v.setattr("exit_code", 2);
    err
}

/// Runs `f` with the interpreter released for other threads, a panic
/// caught: its message, to be raised as `AuditError`.
fn released<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> Result<T, String> {
    py.detach(|| {
        catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
            p.downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default()
        })
    })
}

/// The exception for a caught panic.
fn internal(message: String, lang: Lang) -> PyErr {
    AuditError::new_err(format!(
        "{}: {message}",
        lang.pick(
            "vnitřní chyba knihovny (nahlaste ji prosím)",
            "an internal error of the library (please report it)"
        )
    ))
}

/// The language `cs` or `en`.
fn language(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    parse_lang(lang).map_err(|m| usage(py, &m, &m, Lang::Cs))
}

/// A cell as Python holds it: `None`, `bool`, `int`, `decimal.Decimal`,
/// `str`, `datetime.date`.
fn cell<'py>(py: Python<'py>, c: &Cell) -> PyResult<Bound<'py, PyAny>> {
    match c {
        Cell::Empty => Ok(py.None().into_bound(py)),
        Cell::Bool(b) => Ok(PyBool::new(py, *b).to_owned().into_any()),
        Cell::Int(n) => n.into_bound_py_any(py),
        Cell::Decimal(d) => py
            .import("decimal")?
            .getattr("Decimal")?
            .call1((d.to_string(),)),
        Cell::Text(s) => s.into_bound_py_any(py),
        Cell::Date(d) => py
            .import("datetime")?
            .getattr("date")?
            .call_method1("fromisoformat", (d.to_string(),)),
    }
}

/// The table's rows as a list of dicts, column → value.
fn records<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyList>> {
    let rows = PyList::empty(py);
    for row in &table.rows {
        let d = PyDict::new(py);
        for (name, c) in table.columns.iter().zip(row) {
            d.set_item(name, cell(py, c)?)?;
        }
        rows.append(d)?;
    }
    Ok(rows)
}

/// The table as a pandas DataFrame: decimals stay `Decimal` (object
/// columns); whole numbers and yes/no with gaps get pandas' nullable
/// `Int64` and `boolean` rather than floats.
fn data_frame<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas").map_err(|_| {
        PyImportError::new_err(
            "to_pandas() needs pandas, which is not installed: pip install pandas \
             (records() gives the same rows as dicts without it)",
        )
    })?;
    let rows = PyList::empty(py);
    for row in &table.rows {
        let cells: PyResult<Vec<_>> = row.iter().map(|c| cell(py, c)).collect();
        rows.append(PyTuple::new(py, cells?)?)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", table.columns.clone())?;
    let frame = pandas
        .getattr("DataFrame")?
        .call_method("from_records", (rows,), Some(&kwargs))?;
    for (i, name) in table.columns.iter().enumerate() {
        let column: Vec<&Cell> = table.rows.iter().map(|r| &r[i]).collect();
        let gaps = column.iter().any(|c| **c == Cell::Empty);
        let all = |f: fn(&Cell) -> bool| column.iter().all(|c| **c == Cell::Empty || f(c));
        let dtype = if gaps && all(|c| matches!(c, Cell::Int(_))) {
            "Int64"
        } else if gaps && all(|c| matches!(c, Cell::Bool(_))) {
            "boolean"
        } else {
            continue;
        };
        let typed = frame.get_item(name)?.call_method1("astype", (dtype,))?;
        frame.set_item(name, typed)?;
    }
    Ok(frame)
}

/// One indicator of an audit.
///
/// `value`, `numerator` and `denominator` are `decimal.Decimal` (exact,
/// never float) or `None`; `unit` as the JSON names it (`CZK/h`, `share`,
/// …); `status` `ok`, `warn`, `bad` or `none` (against the benchmarks);
/// `reason` why the value is not available, else `None`.
#[pyclass(frozen, module = "homecare_audit")]
struct Indicator {
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    label: String,
    value: Cell,
    #[pyo3(get)]
    unit: String,
    #[pyo3(get)]
    status: String,
    numerator: Cell,
    denominator: Cell,
    #[pyo3(get)]
    reason: Option<String>,
    #[pyo3(get)]
    unknown: Option<i64>,
    #[pyo3(get)]
    annualised: bool,
}

impl Indicator {
    /// A row of the `indicators` table.
    fn of(table: &Table, row: &[Cell]) -> Indicator {
        let get = |name: &str| table.column(name).map_or(Cell::Empty, |i| row[i].clone());
        let text = |name: &str| match get(name) {
            Cell::Text(s) => Some(s),
            _ => None,
        };
        Indicator {
            id: text("id").unwrap_or_default(),
            label: text("label").unwrap_or_default(),
            value: get("value"),
            unit: text("unit").unwrap_or_default(),
            status: text("status").unwrap_or_default(),
            numerator: get("numerator"),
            denominator: get("denominator"),
            reason: text("reason"),
            unknown: match get("unknown") {
                Cell::Int(n) => Some(n),
                _ => None,
            },
            annualised: get("annualised") == Cell::Bool(true),
        }
    }
}

#[pymethods]
impl Indicator {
    /// The value (`decimal.Decimal`), `None` when not available.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        cell(py, &self.value)
    }

    /// What the value divides (`decimal.Decimal`), when it is a ratio.
    #[getter]
    fn numerator<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        cell(py, &self.numerator)
    }

    /// What the value is divided by (`decimal.Decimal`), when a ratio.
    #[getter]
    fn denominator<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        cell(py, &self.denominator)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Indicator({:?}, value={}, unit={:?}, status={:?})",
            self.id,
            cell(py, &self.value)?.repr()?,
            self.unit,
            self.status
        ))
    }
}

/// One provider's audit, as `audit()` gives it.
#[pyclass(frozen, module = "homecare_audit")]
struct Report {
    audited: Audited,
    indicators: Py<PyAny>,
}

#[pymethods]
impl Report {
    /// The indicators by id (`cost.per_direct_hour`), a read-only mapping
    /// of `Indicator`.
    #[getter]
    fn indicators(&self, py: Python<'_>) -> Py<PyAny> {
        self.indicators.clone_ref(py)
    }

    /// The names `to_pandas()` and `records()` take.
    #[getter]
    fn tables(&self) -> Vec<&'static str> {
        AUDIT_TABLES.to_vec()
    }

    /// The provider's name.
    #[getter]
    fn provider(&self) -> String {
        self.audited.report().provider.name.clone()
    }

    /// Every finding found (the `findings` table lists at most a few
    /// hundred of a kind; this counts them all).
    #[getter]
    fn findings_total(&self) -> u64 {
        self.audited.report().findings_total()
    }

    /// The language asked for (`cs` or `en`).
    #[getter]
    fn lang(&self) -> &'static str {
        self.audited.lang().pick("cs", "en")
    }

    /// The table `name` (`workers`, `clients`, `months`, `costs`,
    /// `findings`, `problems`, `indicators`) as a list of dicts.
    fn records<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let lang = self.audited.lang();
        let table = released(py, || self.audited.table(name))
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
        records(py, &table)
    }

    /// The table `name` as a pandas DataFrame (pandas is optional: an
    /// `ImportError` says how to install it).
    fn to_pandas<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let lang = self.audited.lang();
        let table = released(py, || self.audited.table(name))
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
        data_frame(py, &table)
    }

    /// The JSON report, exactly as `audit --json` writes it.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        let lang = self.audited.lang();
        released(py, || self.audited.json())
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Writing))
    }

    /// The summary, as the `audit` program prints it.
    fn summary(&self) -> String {
        self.audited.summary_text()
    }

    /// Writes the report workbook to `path`, in `lang` (default: the
    /// audit's).
    #[pyo3(signature = (path, lang=None))]
    fn save(&self, py: Python<'_>, path: PathBuf, lang: Option<&str>) -> PyResult<()> {
        let lang = match lang {
            Some(l) => language(py, l)?,
            None => self.audited.lang(),
        };
        released(py, || self.audited.save_report_in(&path, lang))
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Writing))
    }

    fn __repr__(&self) -> String {
        format!(
            "<homecare_audit.Report {:?}: {} indicators, {} findings>",
            self.audited.report().provider.name,
            self.audited.report().indicators.len(),
            self.audited.report().findings_total()
        )
    }
}

/// The paths of `*paths`, each a `str` or an `os.PathLike`.
fn paths_of(args: &Bound<'_, PyTuple>) -> PyResult<Vec<PathBuf>> {
    args.iter().map(|a| a.extract::<PathBuf>()).collect()
}

/// One input: a path (`str`, `os.PathLike`), or a file already in memory
/// as a `(name, data)` pair, `data` any bytes-like object (`bytes`,
/// `bytearray`, `memoryview`; an upload, an object store's body). The name
/// says what the file is (`vykazy.csv`), as a path's file name does.
fn source_of(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(t) = obj.cast::<PyTuple>()
        && t.len() == 2
    {
        let name: String = t.get_item(0)?.extract()?;
        return Ok(Source::bytes(name, bytes_of(&t.get_item(1)?)?));
    }
    Ok(Source::Path(obj.extract::<PathBuf>()?))
}

/// A bytes-like object's bytes, copied once: `bytes` and `bytearray`
/// directly, anything else with the buffer protocol (`memoryview`, an
/// `array`) through Python's own `bytes(data)`; `TypeError` otherwise.
fn bytes_of(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    // memoryview() takes only what has the buffer protocol (bytes(5)
    // would make five zero bytes of an int).
    let builtins = data.py().import("builtins")?;
    let view = builtins.getattr("memoryview")?.call1((data,))?;
    let b = builtins.getattr("bytes")?.call1((view,))?;
    Ok(b.cast::<PyBytes>()?.as_bytes().to_vec())
}

/// An optional input, as [`source_of`].
fn optional_source(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Source>> {
    obj.map(source_of).transpose()
}

/// Audits one provider from its records.
///
/// `paths`: the provider's workbook, or several files that together are
/// its records (the care software's CSV exports, the payroll's staff list,
/// the accounts, the auditor's workbook); each a path, or a file in memory
/// as a `(name, data)` pair (`("vykazy.csv", body)`, `data` bytes-like),
/// as every other input may be too. `law`, `benchmarks`, `financing`:
/// a law workbook (`Limity`), a region's benchmarks (`Benchmarky`) and
/// financing method (`Financování`); `mapping`: the column mapping
/// (`Sloupce`) in a file of its own. `lang`: `cs` or `en`, of the texts,
/// the messages and the report. `public`: tables, JSON and report fit for
/// publication. `strict`: a rejected row raises `StrictError`.
///
/// Raises `ReadError` (an input cannot be read; `.file` names it),
/// `StrictError`, `UsageError`.
#[pyfunction]
#[pyo3(signature = (*paths, law=None, benchmarks=None, financing=None, mapping=None, lang="cs", public=false, strict=false))]
#[allow(clippy::too_many_arguments)]
fn audit(
    py: Python<'_>,
    paths: &Bound<'_, PyTuple>,
    law: Option<&Bound<'_, PyAny>>,
    benchmarks: Option<&Bound<'_, PyAny>>,
    financing: Option<&Bound<'_, PyAny>>,
    mapping: Option<&Bound<'_, PyAny>>,
    lang: &str,
    public: bool,
    strict: bool,
) -> PyResult<Report> {
    let lang = language(py, lang)?;
    let sources = paths
        .iter()
        .map(|a| source_of(&a))
        .collect::<PyResult<Vec<Source>>>()?;
    let mut files = sources.into_iter();
    let Some(first) = files.next() else {
        return Err(usage(
            py,
            "audit() potřebuje sešit poskytovatele",
            "audit() needs the provider's workbook",
            lang,
        ));
    };
    let request = AuditRequest::new(first)
        .more_files(files.collect())
        .law(optional_source(law)?)
        .benchmarks(optional_source(benchmarks)?)
        .financing(optional_source(financing)?)
        .mapping(optional_source(mapping)?)
        .lang(lang)
        .public(public)
        .strict(strict);
    let audited = released(py, || request.run())
        .map_err(|m| internal(m, lang))?
        .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
    let table = released(py, || audited.table("indicators"))
        .map_err(|m| internal(m, lang))?
        .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
    let indicators = PyDict::new(py);
    for row in &table.rows {
        let i = Indicator::of(&table, row);
        indicators.set_item(i.id.clone(), Py::new(py, i)?)?;
    }
    let indicators = py
        .import("types")?
        .getattr("MappingProxyType")?
        .call1((indicators,))?
        .unbind();
    Ok(Report {
        audited,
        indicators,
    })
}

/// Several providers compared, as `compare()` gives it.
#[pyclass(frozen, module = "homecare_audit", name = "Comparison")]
struct PyComparison {
    comparison: Comparison,
}

#[pymethods]
impl PyComparison {
    /// `peers` (several providers) or `trend` (one provider's periods).
    #[getter]
    fn mode(&self) -> &'static str {
        self.comparison.mode().id()
    }

    /// The names `to_pandas()` and `records()` take.
    #[getter]
    fn tables(&self) -> Vec<&'static str> {
        COMPARISON_TABLES.to_vec()
    }

    /// The table `name` (`providers`, `indicators`, `refused`) as a list
    /// of dicts.
    fn records<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let lang = self.comparison.lang();
        let table = released(py, || self.comparison.table(name))
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
        records(py, &table)
    }

    /// The table `name` as a pandas DataFrame.
    fn to_pandas<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let lang = self.comparison.lang();
        let table = released(py, || self.comparison.table(name))
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
        data_frame(py, &table)
    }

    /// The comparison's JSON, exactly as `compare --json` writes it.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        let lang = self.comparison.lang();
        released(py, || self.comparison.json())
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Writing))
    }

    /// Writes the comparison workbook to `path`, in `lang` (default: the
    /// comparison's).
    #[pyo3(signature = (path, lang=None))]
    fn save(&self, py: Python<'_>, path: PathBuf, lang: Option<&str>) -> PyResult<()> {
        let lang = match lang {
            Some(l) => language(py, l)?,
            None => self.comparison.lang(),
        };
        released(py, || self.comparison.workbook_in(lang).save(&path))
            .map_err(|m| internal(m, lang))?
            .map_err(|e| raised(py, &e, lang, Doing::Writing))
    }

    fn __repr__(&self) -> String {
        format!(
            "<homecare_audit.Comparison {}: {} providers, {} refused>",
            self.comparison.mode().id(),
            self.comparison.audits().len(),
            self.comparison.refused().len()
        )
    }
}

/// Compares providers, or one provider's periods (a trend).
///
/// `providers`: workbooks, or folders (each subfolder one provider's
/// records; the folder's own workbooks each a provider). `merger`: `True`
/// to study the providers merged into one with the default assumptions,
/// or the path of a merger workbook (`Sloučení`); `shared_reduction`: the
/// share of shared management costs a merger saves (`0.3`, `"0,3"`).
/// `law`, `benchmarks`: workbooks for every provider. A workbook that
/// cannot be read is listed in the `refused` table; `ReadError` when none
/// can.
#[pyfunction]
#[pyo3(signature = (*providers, merger=None, law=None, benchmarks=None, shared_reduction=None, lang="cs"))]
fn compare(
    py: Python<'_>,
    providers: &Bound<'_, PyTuple>,
    merger: Option<&Bound<'_, PyAny>>,
    law: Option<PathBuf>,
    benchmarks: Option<PathBuf>,
    shared_reduction: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<PyComparison> {
    let lang = language(py, lang)?;
    let (merge, merger) = match merger {
        None => (false, None),
        Some(m) if m.is_instance_of::<PyBool>() => (m.extract::<bool>()?, None),
        Some(m) => (true, Some(Source::Path(m.extract::<PathBuf>()?))),
    };
    let reduction = match shared_reduction {
        None => None,
        Some(s) => {
            let text: String = s.str()?.extract()?;
            Some(parse_share(&text).map_err(|m| usage(py, &m, &m, lang))?)
        }
    };
    let paths = paths_of(providers)?;
    let request = providers_in(&paths).map(|p| {
        CompareRequest::of_providers(p)
            .law(law.map(Source::Path))
            .benchmarks(benchmarks.map(Source::Path))
            .merge(merge)
            .merger(merger)
            .shared_reduction(reduction)
            .lang(lang)
    });
    let comparison = released(py, || request.and_then(|r| r.run()))
        .map_err(|m| internal(m, lang))?
        .map_err(|e| raised(py, &e, lang, Doing::Reading))?;
    Ok(PyComparison { comparison })
}

/// Audits Czech home-care services (pečovatelská služba) from their own
/// records: `audit()` one provider, `compare()` several. Indicators are
/// exact (`decimal.Decimal`), tables come as pandas DataFrames or lists of
/// dicts, `json()` is the command line's JSON and `save()` writes the
/// report workbook.
#[pymodule(name = "homecare_audit")]
mod module {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::{
        AuditError, Indicator, PyComparison, ReadError, Report, StrictError, UsageError,
        WriteError, audit, compare,
    };

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
