//! The audit and the comparison as tables: named columns and typed cells,
//! for a face that hands them on as data (the Python package's data
//! frames, a pipeline's records).
//!
//! A table is what the JSON holds, laid flat: the columns of `workers`,
//! `clients`, `months`, `findings`, `problems` and `indicators` are the
//! JSON's fields of those lines (docs/indicators.md), `costs` are the
//! input's cost lines (`Náklady`, or `Výsledovka` mapped). Money, hours and
//! ratios are exact decimals, never floating point; texts are in the
//! audit's language. A public audit ([`AuditRequest::public`](super::AuditRequest::public))
//! gives the published tables, as its JSON does.
//!
//! ```
//! use homecare_audit::run::{AuditRequest, Cell, Source};
//! let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).run()?;
//! let indicators = audited.table("indicators")?;
//! let (id, value) = (indicators.column("id").unwrap(), indicators.column("value").unwrap());
//! let row = indicators
//!     .rows
//!     .iter()
//!     .find(|r| r[id] == Cell::Text("cost.total".into()))
//!     .unwrap();
//! // The sample's Náklady sum to 2 982 888 Kč.
//! assert_eq!(row[value], Cell::Decimal(2_982_888.into()));
//! assert!(audited.table("visits").is_err());
//! # Ok::<(), homecare_audit::Error>(())
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::audit::Audited;
use super::compare::Comparison;
use crate::audit::{AuditReport, Indicator};
use crate::error::{Error, ErrorKind};
use crate::i18n::{Lang, Text};
use crate::indicator::catalog::label;

/// The tables of one audit, by name.
pub const AUDIT_TABLES: [&str; 7] = [
    "workers",
    "clients",
    "months",
    "costs",
    "findings",
    "problems",
    "indicators",
];

/// The tables of a comparison, by name.
pub const COMPARISON_TABLES: [&str; 3] = ["providers", "indicators", "refused"];

/// One cell of a [`Table`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing: not known, not given, not available.
    Empty,
    /// Yes or no.
    Bool(bool),
    /// A whole number (a count, seconds).
    Int(i64),
    /// An exact decimal (money, hours, a share, a ratio).
    Decimal(Decimal),
    /// A text.
    Text(String),
    /// A day.
    Date(NaiveDate),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    fn int(n: impl TryInto<i64>) -> Cell {
        n.try_into().map_or(Cell::Empty, Cell::Int)
    }

    fn dec(d: Option<Decimal>) -> Cell {
        d.map_or(Cell::Empty, |d| Cell::Decimal(d.normalize()))
    }

    fn bool(b: Option<bool>) -> Cell {
        b.map_or(Cell::Empty, Cell::Bool)
    }

    fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

/// A table: its name, its columns, and its rows (a cell per column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Its name ([`AUDIT_TABLES`], [`COMPARISON_TABLES`]).
    pub name: &'static str,
    /// The columns' names.
    pub columns: Vec<&'static str>,
    /// The rows, each with a cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The index of the column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }
}

/// The usage error for a table that does not exist.
fn no_such_table(name: &str, known: &[&str]) -> Error {
    let known = known.join(", ");
    Error::new(ErrorKind::Usage {
        reason: Text::new(
            format!("tabulka „{name}“ neexistuje; jsou: {known}"),
            format!("no table \"{name}\"; there are: {known}"),
        ),
    })
}

impl Audited {
    /// The table `name` of [`AUDIT_TABLES`] (the module's docs say what
    /// each holds).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Usage`] for any other name.
    pub fn table(&self, name: &str) -> Result<Table, Error> {
        let report = self.shown_report();
        let lang = self.lang();
        let (name, columns, rows) = match name {
            "workers" => ("workers", WORKER_COLUMNS.to_vec(), workers(&report)),
            "clients" => ("clients", CLIENT_COLUMNS.to_vec(), clients(&report)),
            "months" => ("months", MONTH_COLUMNS.to_vec(), months(&report)),
            "costs" => ("costs", COST_COLUMNS.to_vec(), self.costs()),
            "findings" => (
                "findings",
                FINDING_COLUMNS.to_vec(),
                findings(&report, lang),
            ),
            "problems" => (
                "problems",
                PROBLEM_COLUMNS.to_vec(),
                problems(&report, lang),
            ),
            "indicators" => (
                "indicators",
                INDICATOR_COLUMNS.to_vec(),
                report
                    .indicators
                    .values()
                    .map(|i| indicator_row(i, lang))
                    .collect(),
            ),
            other => return Err(no_such_table(other, &AUDIT_TABLES)),
        };
        Ok(Table {
            name,
            columns,
            rows,
        })
    }

    /// The input's cost lines (a public audit leaves out their notes,
    /// free text from the input).
    fn costs(&self) -> Vec<Vec<Cell>> {
        let public = self.is_public();
        let lines = self.inputs().dataset.costs.as_deref().unwrap_or(&[]);
        lines
            .iter()
            .map(|c| {
                vec![
                    Cell::int(c.row),
                    Cell::text(c.category.code()),
                    Cell::text(match c.group {
                        crate::model::CostGroup::Personnel => "personnel",
                        crate::model::CostGroup::Operating => "operating",
                    }),
                    Cell::dec(Some(c.amount)),
                    Cell::opt_text(c.account.clone()),
                    Cell::bool(c.eligible),
                    if public {
                        Cell::Empty
                    } else {
                        Cell::opt_text(c.note.clone())
                    },
                ]
            })
            .collect()
    }
}

const WORKER_COLUMNS: [&str; 20] = [
    "id",
    "role",
    "fte",
    "average_fte",
    "contract_hours",
    "absence_hours",
    "training_hours",
    "training_given",
    "training_minimum",
    "training_met",
    "available_hours",
    "productive_hours",
    "direct_seconds",
    "optional_seconds",
    "travel_seconds",
    "indirect_seconds",
    "rows",
    "clients",
    "personnel_cost",
    "listed",
];

fn workers(r: &AuditReport) -> Vec<Vec<Cell>> {
    r.workers
        .iter()
        .map(|w| {
            vec![
                Cell::text(&w.id),
                Cell::text(w.role),
                Cell::dec(Some(w.fte)),
                Cell::dec(Some(w.average_fte)),
                Cell::dec(Some(w.contract_hours)),
                Cell::dec(Some(w.absence_hours)),
                Cell::dec(Some(w.training_hours)),
                Cell::Bool(w.training_given),
                Cell::dec(Some(w.training_minimum)),
                Cell::bool(w.training_met),
                Cell::dec(Some(w.available_hours)),
                Cell::dec(Some(w.productive_hours)),
                Cell::int(w.direct_seconds),
                Cell::int(w.optional_seconds),
                Cell::int(w.travel_seconds),
                Cell::int(w.indirect_seconds),
                Cell::int(w.rows),
                Cell::int(w.clients),
                Cell::dec(w.personnel_cost),
                Cell::Bool(w.listed),
            ]
        })
        .collect()
}

/// `group_seconds` of the JSON, a column per task group a–e.
const CLIENT_COLUMNS: [&str; 17] = [
    "id",
    "degree",
    "age",
    "lives_alone",
    "at_risk",
    "direct_seconds",
    "a_seconds",
    "b_seconds",
    "c_seconds",
    "d_seconds",
    "e_seconds",
    "optional_seconds",
    "contacts",
    "months",
    "fees",
    "meal_only",
    "served",
];

fn clients(r: &AuditReport) -> Vec<Vec<Cell>> {
    r.clients
        .iter()
        .map(|c| {
            let mut row = vec![
                Cell::text(&c.id),
                Cell::text(c.degree),
                c.age.map_or(Cell::Empty, Cell::int),
                Cell::bool(c.lives_alone),
                Cell::bool(c.at_risk),
                Cell::int(c.direct_seconds),
            ];
            row.extend(c.group_seconds.iter().map(|&s| Cell::int(s)));
            row.extend([
                Cell::int(c.optional_seconds),
                Cell::int(c.contacts),
                Cell::int(c.months),
                Cell::dec(Some(c.fees)),
                Cell::Bool(c.meal_only),
                Cell::Bool(c.served),
            ]);
            row
        })
        .collect()
}

const MONTH_COLUMNS: [&str; 14] = [
    "month",
    "days",
    "direct_seconds",
    "travel_seconds",
    "worked_seconds",
    "clients",
    "contacts",
    "fees",
    "out_of_hours_seconds",
    "hourly_seconds",
    "hourly_fees",
    "client_workers",
    "clients_over_80h",
    "cost",
];

fn months(r: &AuditReport) -> Vec<Vec<Cell>> {
    r.months
        .iter()
        .map(|m| {
            vec![
                Cell::Date(m.month),
                Cell::int(m.days),
                Cell::int(m.direct_seconds),
                Cell::int(m.travel_seconds),
                Cell::int(m.worked_seconds),
                Cell::int(m.clients),
                Cell::int(m.contacts),
                Cell::dec(Some(m.fees)),
                Cell::int(m.out_of_hours_seconds),
                Cell::int(m.hourly_seconds),
                Cell::dec(Some(m.hourly_fees)),
                Cell::int(m.client_workers),
                Cell::int(m.clients_over_80h),
                Cell::dec(m.cost),
            ]
        })
        .collect()
}

/// `row` is the line's row on its input sheet; `group` `personnel` or
/// `operating`; `eligible` the auditor's `Uznatelné` (empty: by the
/// rules).
const COST_COLUMNS: [&str; 7] = [
    "row", "category", "group", "amount", "account", "eligible", "note",
];

/// `kind` the finding kind's id, `label` the kind in words.
const FINDING_COLUMNS: [&str; 5] = ["kind", "label", "place", "detail", "amount"];

fn findings(r: &AuditReport, lang: Lang) -> Vec<Vec<Cell>> {
    r.findings
        .iter()
        .map(|f| {
            vec![
                Cell::text(f.kind.id()),
                Cell::text(f.kind.label(lang)),
                Cell::opt_text(f.place.as_ref().map(ToString::to_string)),
                Cell::text(f.detail(lang)),
                Cell::dec(f.amount),
            ]
        })
        .collect()
}

/// `rejected`: the row was not used (else a notice, a totals row say).
const PROBLEM_COLUMNS: [&str; 5] = ["place", "raw", "reason", "kind", "rejected"];

fn problems(r: &AuditReport, lang: Lang) -> Vec<Vec<Cell>> {
    r.problems
        .iter()
        .map(|p| {
            vec![
                Cell::text(p.place.to_string()),
                Cell::text(&p.raw),
                Cell::text(p.reason.message(lang)),
                Cell::text(p.kind()),
                Cell::Bool(p.is_rejected()),
            ]
        })
        .collect()
}

/// `unit` as the JSON names it (`CZK/h`), `status` `ok`/`warn`/`bad`/
/// `none`, `reason` why the value is not available, `unknown` the rows
/// or people it could not be told for.
const INDICATOR_COLUMNS: [&str; 10] = [
    "id",
    "label",
    "value",
    "unit",
    "status",
    "numerator",
    "denominator",
    "reason",
    "unknown",
    "annualised",
];

fn unit_id(i: &Indicator) -> Cell {
    match serde_json::to_value(i.unit) {
        Ok(serde_json::Value::String(s)) => Cell::Text(s),
        _ => Cell::Empty,
    }
}

fn indicator_row(i: &Indicator, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::text(&i.id),
        Cell::text(label(&i.id, lang)),
        Cell::dec(i.value),
        unit_id(i),
        Cell::text(i.status.id()),
        Cell::dec(i.numerator),
        Cell::dec(i.denominator),
        Cell::opt_text(i.unavailable.as_ref().map(|t| t.get(lang).to_string())),
        i.unknown.map_or(Cell::Empty, Cell::int),
        Cell::Bool(i.annualised),
    ]
}

impl Comparison {
    /// The table `name` of [`COMPARISON_TABLES`]: `providers` (a row per
    /// provider compared: its file, name, region, IČO and period),
    /// `indicators` (a row per provider and indicator: the file, then the
    /// audit's `indicators` columns) and `refused` (the files that could
    /// not be read, and why).
    ///
    /// ```
    /// use homecare_audit::run::{CompareRequest, Source};
    /// let comparison = CompareRequest::new(vec![
    ///     Source::path("fixtures/sample.xlsx"),
    ///     Source::path("fixtures/formats/small.ods"),
    /// ])
    /// .run()?;
    /// assert_eq!(comparison.table("providers")?.rows.len(), 2);
    /// assert!(comparison.table("refused")?.rows.is_empty());
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Usage`] for any other name.
    pub fn table(&self, name: &str) -> Result<Table, Error> {
        let lang = self.lang();
        let (name, columns, rows) = match name {
            "providers" => (
                "providers",
                vec!["file", "name", "region", "ico", "period_from", "period_to"],
                self.audits()
                    .iter()
                    .map(|a| {
                        let p = &a.report.provider;
                        vec![
                            Cell::text(&a.file),
                            Cell::text(&p.name),
                            Cell::opt_text(p.region.clone()),
                            Cell::opt_text(p.ico.clone()),
                            Cell::date(p.period.map(|p| p.from)),
                            Cell::date(p.period.map(|p| p.to)),
                        ]
                    })
                    .collect(),
            ),
            "indicators" => (
                "indicators",
                std::iter::once("file").chain(INDICATOR_COLUMNS).collect(),
                self.audits()
                    .iter()
                    .flat_map(|a| {
                        a.report.indicators.values().map(|i| {
                            let mut row = vec![Cell::text(&a.file)];
                            row.extend(indicator_row(i, lang));
                            row
                        })
                    })
                    .collect(),
            ),
            "refused" => (
                "refused",
                vec!["file", "reason"],
                self.refused()
                    .iter()
                    .map(|e| {
                        vec![
                            Cell::opt_text(e.file().map(str::to_string)),
                            Cell::text(e.text().get(lang)),
                        ]
                    })
                    .collect(),
            ),
            other => return Err(no_such_table(other, &COMPARISON_TABLES)),
        };
        Ok(Table {
            name,
            columns,
            rows,
        })
    }
}
