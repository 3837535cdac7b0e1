"""Audits Czech home-care services (pečovatelská služba) from their own records.

`audit()` one provider, `compare()` several. Indicators are exact
(`decimal.Decimal`), tables come as pandas DataFrames or lists of dicts,
`json()` is the command line's JSON and `save()` writes the report workbook.
"""

import datetime
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal, Optional, Tuple, Union

import pandas

__version__: str

_Path = Union[str, "os.PathLike[str]"]
# A file in memory: its name (what it is: `vykazy.csv`) and its bytes.
_InMemory = Tuple[str, Union[bytes, bytearray, memoryview]]
_Input = Union[_Path, _InMemory]
_Lang = Literal["cs", "en"]
_Cell = Union[None, bool, int, Decimal, str, datetime.date]

AuditTable = Literal[
    "workers", "clients", "months", "costs", "findings", "problems", "indicators"
]
ComparisonTable = Literal["providers", "indicators", "refused"]

class AuditError(Exception):
    """An audit could not be done.

    `str()` is the message in the audit's language; the attributes say what
    and where.
    """

    file: Optional[str]
    """The input file the error concerns (`sesit.xlsx`), when known."""
    place: Optional[str]
    """The cell (`Výkazy!C5794`), when the error has one."""
    message_cs: str
    """The message in Czech."""
    message_en: str
    """The message in English."""
    exit_code: int
    """The exit status the command line gives: 1, 2 (usage) or 3 (strict)."""

class ReadError(AuditError):
    """An input cannot be read: not a workbook, damaged, over a read limit,
    a required sheet or column missing. `file` names it."""

class StrictError(ReadError):
    """Strict mode met a rejected row; `place` is its cell."""

class UsageError(AuditError):
    """The audit was asked for wrongly: no input, an unknown language or
    table, an option out of its range."""

class WriteError(AuditError):
    """The report or comparison workbook cannot be written."""

class Indicator:
    """One indicator of an audit (docs/indicators.md lists them all)."""

    id: str
    """`cost.per_direct_hour`."""
    label: str
    """The indicator's name in the audit's language."""
    value: Optional[Decimal]
    """The value, exact; `None` when not available (see `reason`)."""
    unit: str
    """As the JSON names it: `CZK`, `CZK/h`, `share`, `ratio`, `FTE`, `count`, …"""
    status: Literal["ok", "warn", "bad", "none"]
    """Against the benchmarks in force; `none` without one."""
    numerator: Optional[Decimal]
    """What the value divides, for a ratio."""
    denominator: Optional[Decimal]
    """What it is divided by, for a ratio."""
    reason: Optional[str]
    """Why the value is not available, in the audit's language."""
    unknown: Optional[int]
    """Rows or people the value could not be told for."""
    annualised: bool
    """Scaled to a year from a shorter period."""

class Report:
    """One provider's audit, as `audit()` gives it."""

    @property
    def indicators(self) -> Mapping[str, Indicator]:
        """The indicators by id, a read-only mapping."""
    @property
    def tables(self) -> list[str]:
        """The names `to_pandas()` and `records()` take."""
    @property
    def provider(self) -> str:
        """The provider's name."""
    @property
    def findings_total(self) -> int:
        """Every finding found (the `findings` table lists a few hundred of a
        kind at most)."""
    @property
    def lang(self) -> _Lang:
        """The language asked for."""
    def records(self, name: AuditTable) -> list[dict[str, _Cell]]:
        """The table `name` as a list of dicts, column → value.

        Raises `UsageError` for an unknown name.
        """
    def to_pandas(self, name: AuditTable) -> pandas.DataFrame:
        """The table `name` as a DataFrame (decimals stay `Decimal`).

        Raises `ImportError` without pandas, `UsageError` for an unknown name.
        """
    def json(self) -> str:
        """The JSON report, exactly as `audit --json` writes it."""
    def summary(self) -> str:
        """The summary, as the `audit` program prints it."""
    def save(self, path: _Path, lang: Optional[_Lang] = None) -> None:
        """Writes the report workbook to `path`, in `lang` (default: the
        audit's). Raises `WriteError`."""

class Comparison:
    """Several providers compared, as `compare()` gives it."""

    @property
    def mode(self) -> Literal["peers", "trend"]:
        """Peers (several providers) or a trend (one provider's periods)."""
    @property
    def tables(self) -> list[str]:
        """The names `to_pandas()` and `records()` take."""
    def records(self, name: ComparisonTable) -> list[dict[str, _Cell]]:
        """The table `name` as a list of dicts."""
    def to_pandas(self, name: ComparisonTable) -> pandas.DataFrame:
        """The table `name` as a DataFrame."""
    def json(self) -> str:
        """The comparison's JSON, exactly as `compare --json` writes it."""
    def save(self, path: _Path, lang: Optional[_Lang] = None) -> None:
        """Writes the comparison workbook to `path`. Raises `WriteError`."""

def audit(
    *paths: _Input,
    law: Optional[_Input] = None,
    benchmarks: Optional[_Input] = None,
    financing: Optional[_Input] = None,
    mapping: Optional[_Input] = None,
    lang: _Lang = "cs",
    public: bool = False,
    strict: bool = False,
) -> Report:
    """Audits one provider from its records (one workbook, or several files).

    Each input is a path or a file in memory as a `(name, data)` pair.

    Raises `ReadError` (`.file` names the input), `StrictError`, `UsageError`.
    """

def compare(
    *providers: _Path,
    merger: Union[None, bool, _Path] = None,
    law: Optional[_Path] = None,
    benchmarks: Optional[_Path] = None,
    shared_reduction: Union[None, str, float, Decimal] = None,
    lang: _Lang = "cs",
) -> Comparison:
    """Compares providers (workbooks or folders), or one provider's periods.

    `merger=True` or a merger workbook also studies them merged. Raises
    `ReadError` when no workbook can be read, `UsageError`.
    """
