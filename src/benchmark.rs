//! Benchmarks: the bounds an indicator is held against, as data with region,
//! validity and a cited source.
//!
//! The benchmark valid for the provider's region on the period's end date is
//! used; a region's own row beats a national (`CZ`) one. Status: `ok` inside
//! [min, max]; `warn` outside by at most the tolerance (10 % of the bound);
//! `bad` further out; `none` without a benchmark.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub use crate::model::Benchmark;

// The row is input data (a `Benchmarky` sheet is part of a provider's
// workbook, so the dataset holds it); how a row is chosen and what it says
// of a value is this module's.
impl Benchmark {
    fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }

    /// The reference written into an indicator.
    pub fn reference(&self) -> BenchmarkRef {
        BenchmarkRef {
            min: self.min,
            max: self.max,
            target: self.target,
            region: self.region.clone(),
            source: self.source.clone(),
        }
    }

    /// The status of `value` against this row with a tolerance (a fraction
    /// of the bound, 0.1 = 10 %).
    ///
    /// ```
    /// use homecare_audit::Benchmark;
    /// use homecare_audit::audit::Status;
    /// use rust_decimal::Decimal;
    /// let b = Benchmark {
    ///     indicator: "x".into(), region: "CZ".into(), valid_from: None, valid_to: None,
    ///     min: Some(Decimal::from(100)), max: Some(Decimal::from(200)), target: None,
    ///     source: "example".into(),
    /// };
    /// let tol = Decimal::new(1, 1);
    /// assert_eq!(b.status(Decimal::from(150), tol), Status::Ok);
    /// assert_eq!(b.status(Decimal::from(215), tol), Status::Warn); // 15 ≤ 10 % of 200
    /// assert_eq!(b.status(Decimal::from(221), tol), Status::Bad);
    /// assert_eq!(b.status(Decimal::from(90), tol), Status::Warn);  // 10 ≤ 10 % of 100
    /// ```
    pub fn status(&self, value: Decimal, tolerance: Decimal) -> Status {
        let out_by = |bound: Decimal, diff: Decimal| {
            if diff <= tolerance * bound.abs() {
                Status::Warn
            } else {
                Status::Bad
            }
        };
        if let Some(min) = self.min
            && value < min
        {
            return out_by(min, min - value);
        }
        if let Some(max) = self.max
            && value > max
        {
            return out_by(max, value - max);
        }
        if self.min.is_none() && self.max.is_none() {
            return Status::None;
        }
        Status::Ok
    }
}

/// A set of benchmarks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenchmarkSet {
    /// The rows.
    pub rows: Vec<Benchmark>,
}

const DECREE: &str =
    "Vyhláška 505/2006 Sb., § 6 odst. 2 (maximální výše úhrady za pečovatelskou službu)";
const ACT: &str = "Zákon 108/2006 Sb., § 75 odst. 2 (osvobození od úhrady)";
const CSU_2017_FEES: &str = "ČSÚ, Statistika&My 2019: pečovatelská služba 2017, úhrady uživatelů \
                             29,2 % příjmů (celostátní průměr za rok 2017; referenční hodnota, ne mez)";
const CSU_2017_COST: &str = "ČSÚ, Statistika&My 2019: pečovatelská služba 2017, výdaje přes \
                             26 000 Kč na klienta a rok (celostátní průměr za rok 2017; referenční hodnota, ne mez)";

/// A national figure of 2017: a target (reference value) without bounds,
/// valid for audits of 2017 only (its year).
fn national_2017(id: &str, target: Decimal, source: &str) -> Benchmark {
    Benchmark {
        indicator: id.into(),
        region: "CZ".into(),
        valid_from: chrono::NaiveDate::from_ymd_opt(2017, 1, 1),
        valid_to: chrono::NaiveDate::from_ymd_opt(2017, 12, 31),
        min: None,
        max: None,
        target: Some(target),
        source: source.into(),
    }
}

impl BenchmarkSet {
    /// An empty set.
    pub fn new() -> BenchmarkSet {
        BenchmarkSet::default()
    }

    /// The built-in set: only figures with a cited source. The legal caps:
    /// fees may not exceed the cap (`fees.cap_use` ≤ 1, no row over the
    /// cap) and exempt clients pay no fee for basic tasks. And national
    /// figures with their year, as targets (reference values, no status):
    /// the 2017 fee share and cost per client (ČSÚ), valid for 2017 only.
    /// No recent national cost per hour was found published; a region's
    /// figures come from its own benchmarks workbook.
    pub fn builtin() -> BenchmarkSet {
        let legal = |id: &str, max: Decimal, source: &str| Benchmark {
            indicator: id.into(),
            region: "CZ".into(),
            valid_from: crate::law::LawTables::built_in()
                .hourly_caps()
                .first()
                .map(|c| c.from),
            valid_to: None,
            min: None,
            max: Some(max),
            target: None,
            source: source.into(),
        };
        BenchmarkSet {
            rows: vec![
                legal("fees.cap_use", Decimal::ONE, DECREE),
                legal("fees.rows_over_cap", Decimal::ZERO, DECREE),
                legal("fees.excess_total", Decimal::ZERO, DECREE),
                legal("fees.exempt_charged", Decimal::ZERO, ACT),
                national_2017("revenue.fee_share", Decimal::new(292, 3), CSU_2017_FEES),
                national_2017("cost.per_client", Decimal::from(26_000), CSU_2017_COST),
            ],
        }
    }

    /// The built-in set plus the benchmark rows of the dataset's own
    /// `Benchmarky` sheet (the audit's default).
    ///
    /// ```
    /// # use homecare_audit::{BenchmarkSet, Dataset};
    /// let ds = Dataset::builder().build();
    /// assert_eq!(BenchmarkSet::for_dataset(&ds), BenchmarkSet::builtin());
    /// ```
    pub fn for_dataset(ds: &crate::Dataset) -> BenchmarkSet {
        let mut set = BenchmarkSet::builtin();
        set.extend(ds.benchmarks.iter().cloned());
        set
    }

    /// Adds rows (e.g. a region's benchmarks workbook).
    pub fn extend(&mut self, rows: impl IntoIterator<Item = Benchmark>) -> &mut Self {
        self.rows.extend(rows);
        self
    }

    /// Adds a row.
    pub fn push(&mut self, row: Benchmark) -> &mut Self {
        self.rows.push(row);
        self
    }

    /// The row for an indicator, region and date: valid on the date; a row
    /// of the region beats `CZ`; among equals, the latest `valid_from`.
    pub fn select(
        &self,
        indicator: &str,
        region: Option<&str>,
        day: NaiveDate,
    ) -> Option<&Benchmark> {
        let rank = |b: &Benchmark| {
            if region.is_some_and(|r| b.region.eq_ignore_ascii_case(r)) {
                Some(2)
            } else if b.region.eq_ignore_ascii_case("CZ") {
                Some(1)
            } else {
                None
            }
        };
        self.rows
            .iter()
            .filter(|b| b.indicator == indicator && b.valid_on(day))
            .filter_map(|b| rank(b).map(|r| (r, b.valid_from, b)))
            .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
            .map(|(_, _, b)| b)
    }
}

/// An indicator's standing against its benchmark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Inside [min, max].
    Ok,
    /// Outside by at most the tolerance (10 % of the bound by default).
    Warn,
    /// Further out.
    Bad,
    /// No benchmark, or no value.
    #[default]
    None,
}

/// The one vocabulary of a status, for every face: its id (the JSON's and
/// the page's), its words (the report's and the summary's), its mark in a
/// terminal.
impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 4] = [Status::Ok, Status::Warn, Status::Bad, Status::None];

    /// The id, as in the JSON: `ok`, `warn`, `bad`, `none`.
    ///
    /// ```
    /// use homecare_audit::benchmark::Status;
    /// assert_eq!(Status::Warn.id(), "warn");
    /// assert_eq!(serde_json::to_string(&Status::Warn).unwrap(), "\"warn\"");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Bad => "bad",
            Status::None => "none",
        }
    }

    /// The status in words, as the report writes it (its conditional
    /// formats match these texts); empty for [`Status::None`].
    ///
    /// ```
    /// use homecare_audit::{Lang, benchmark::Status};
    /// assert_eq!(Status::Bad.label(Lang::Cs), "mimo meze");
    /// assert_eq!(Status::Bad.label(Lang::En), "out of bounds");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Ok => lang.pick("v pořádku", "ok"),
            Status::Warn => lang.pick("upozornění", "warning"),
            Status::Bad => lang.pick("mimo meze", "out of bounds"),
            Status::None => "",
        }
    }

    /// The mark the text summary prints after a value: `[ok]`, `[!]`,
    /// `[!!]`, nothing for [`Status::None`].
    pub fn mark(self) -> &'static str {
        match self {
            Status::Ok => "[ok]",
            Status::Warn => "[!]",
            Status::Bad => "[!!]",
            Status::None => "",
        }
    }
}

/// The benchmark an indicator was held against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BenchmarkRef {
    /// Lower bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// Upper bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
    /// Target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Decimal>,
    /// Region code or `CZ`.
    pub region: String,
    /// The document and year it comes from.
    pub source: String,
}
