//! A region's method of financing its network (`Financování`): the
//! parameters its rules set for the compensation of a service, each with
//! its source. No region's figures are published in a source we hold
//! (docs/domain.md, §4a): they are the auditor's data, never invented.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::matching::fold;

/// A parameter of a region's method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FinancingKey {
    /// `normativní náklad na úvazek`: the optimal (normative) cost of one
    /// FTE of direct care a year, Kč.
    NormativeCostPerFte,
    /// `vlastní výnosy na hodinu`: the own revenue expected per direct
    /// hour, Kč.
    OwnRevenuePerDirectHour,
    /// `podíl vlastních výnosů`: the own revenue expected as a share of
    /// the normative cost (0–1).
    OwnRevenueShare,
    /// `podíl obcí`: the share of the optimal compensation the region
    /// expects the municipalities to pay (0–1).
    MunicipalShare,
    /// `přiměřený zisk`: the reasonable profit as a share of the net cost
    /// (0–1), where `Poskytovatel` states none.
    ReasonableProfitShare,
}

impl FinancingKey {
    /// Every key, in the order the report lists them.
    pub const ALL: [FinancingKey; 5] = [
        FinancingKey::NormativeCostPerFte,
        FinancingKey::OwnRevenuePerDirectHour,
        FinancingKey::OwnRevenueShare,
        FinancingKey::MunicipalShare,
        FinancingKey::ReasonableProfitShare,
    ];

    /// Reads a parameter's Czech or English name or id, folded.
    ///
    /// ```
    /// use homecare_audit::model::FinancingKey;
    /// assert_eq!(FinancingKey::parse("Normativní náklad na úvazek"),
    ///     Some(FinancingKey::NormativeCostPerFte));
    /// assert_eq!(FinancingKey::parse("municipal_share"), Some(FinancingKey::MunicipalShare));
    /// assert_eq!(FinancingKey::parse("dotace"), None);
    /// ```
    pub fn parse(s: &str) -> Option<FinancingKey> {
        let f = fold(s);
        FinancingKey::ALL.into_iter().find(|k| {
            let (cs, en) = k.label();
            fold(cs) == f || fold(en) == f || k.id() == f
        })
    }

    /// The id (`normative_cost_per_fte`, …).
    pub fn id(self) -> &'static str {
        match self {
            FinancingKey::NormativeCostPerFte => "normative_cost_per_fte",
            FinancingKey::OwnRevenuePerDirectHour => "own_revenue_per_direct_hour",
            FinancingKey::OwnRevenueShare => "own_revenue_share",
            FinancingKey::MunicipalShare => "municipal_share",
            FinancingKey::ReasonableProfitShare => "reasonable_profit_share",
        }
    }

    /// The name as the sheet writes it, Czech and English.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            FinancingKey::NormativeCostPerFte => {
                ("normativní náklad na úvazek", "normative cost per FTE")
            }
            FinancingKey::OwnRevenuePerDirectHour => {
                ("vlastní výnosy na hodinu", "own revenue per direct hour")
            }
            FinancingKey::OwnRevenueShare => ("podíl vlastních výnosů", "own revenue share"),
            FinancingKey::MunicipalShare => ("podíl obcí", "municipal share"),
            FinancingKey::ReasonableProfitShare => {
                ("přiměřený zisk (podíl)", "reasonable profit (share)")
            }
        }
    }

    /// The values allowed: a share 0–1, or Kč up to 100 million.
    pub fn range(self) -> (Decimal, Decimal) {
        match self {
            FinancingKey::NormativeCostPerFte | FinancingKey::OwnRevenuePerDirectHour => {
                (Decimal::ZERO, Decimal::from(100_000_000))
            }
            _ => (Decimal::ZERO, Decimal::ONE),
        }
    }
}

/// One row of `Financování`: a parameter of a region's method, for the
/// region and the dates it applies to, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FinancingParam {
    /// The region (`KHK`); `None`: any.
    pub region: Option<String>,
    /// From when (`None`: always).
    pub valid_from: Option<NaiveDate>,
    /// Until when, inclusive (`None`: open).
    pub valid_to: Option<NaiveDate>,
    /// The parameter.
    pub key: FinancingKey,
    /// Its value.
    pub value: Decimal,
    /// Where it was read (the region's rules, its Pověření): required.
    pub source: String,
    /// The cell of the value (`Financování!B4`).
    pub place: String,
}

impl FinancingParam {
    /// Whether the row applies to a provider of `region` whose period ends
    /// on `day`.
    pub fn applies(&self, region: Option<&str>, day: NaiveDate) -> bool {
        let region_ok = match (&self.region, region) {
            (None, _) => true,
            (Some(r), Some(p)) => fold(r) == fold(p),
            (Some(_), None) => false,
        };
        region_ok
            && self.valid_from.is_none_or(|f| f <= day)
            && self.valid_to.is_none_or(|t| day <= t)
    }
}

/// The parameters that apply to one provider: per key the row valid
/// latest (the newest rules), so a sheet may hold several years; of rows
/// valid from the same day, one for the provider's region beats one for
/// any region, and a later row beats an earlier one (a financing workbook
/// given with `--financing`, read after the input's own sheet, beats it).
///
/// ```
/// use homecare_audit::model::{FinancingKey, FinancingParam, financing_for};
/// use rust_decimal::Decimal;
/// let row = |region: &str, y: i32, v: i64| FinancingParam {
///     region: Some(region.into()),
///     valid_from: chrono::NaiveDate::from_ymd_opt(y, 1, 1),
///     valid_to: None,
///     key: FinancingKey::NormativeCostPerFte,
///     value: Decimal::from(v),
///     source: "Zásady".into(),
///     place: String::new(),
/// };
/// let rows = [row("KHK", 2024, 600_000), row("KHK", 2025, 650_000), row("JHC", 2025, 1)];
/// let end = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let used = financing_for(&rows, Some("khk"), end);
/// assert_eq!(used.len(), 1);
/// assert_eq!(used[0].value, Decimal::from(650_000));
/// ```
pub fn financing_for<'a>(
    rows: &'a [FinancingParam],
    region: Option<&str>,
    day: NaiveDate,
) -> Vec<&'a FinancingParam> {
    let mut out: Vec<&FinancingParam> = Vec::new();
    // Newer first, then the region's own, then the later row.
    let rank = |r: &FinancingParam| (r.valid_from, r.region.is_some());
    for r in rows.iter().filter(|r| r.applies(region, day)) {
        match out.iter_mut().find(|o| o.key == r.key) {
            Some(o) if rank(r) >= rank(o) => *o = r,
            Some(_) => {}
            None => out.push(r),
        }
    }
    out.sort_by_key(|r| r.key);
    out
}
