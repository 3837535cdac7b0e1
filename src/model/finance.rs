//! Money: the price list (`Ceník`), costs (`Náklady`), revenues (`Výnosy`).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::matching::fold;
use crate::model::ids::TaskId;

/// A price of the provider's price list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// The task priced.
    pub task: TaskId,
    /// Price per unit (hour, act, kg, portion, km).
    pub price: Decimal,
    /// From when; `None` = the period's start.
    pub valid_from: Option<NaiveDate>,
    /// The row in the input sheet, 0 when built in code.
    pub row: u32,
}

/// Personnel or operating cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostGroup {
    /// Osobní náklady.
    Personnel,
    /// Provozní náklady.
    Operating,
}

impl CostGroup {
    /// Reads `osobní`/`provozní` (or `personnel`/`operating`), folded.
    pub fn parse(s: &str) -> Option<CostGroup> {
        match fold(s).as_str() {
            "osobni" | "osobni naklady" | "personnel" => Some(CostGroup::Personnel),
            "provozni" | "provozni naklady" | "operating" => Some(CostGroup::Operating),
            _ => None,
        }
    }
}

/// A cost category of `Náklady`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    /// `mzdy`: wages.
    Wages,
    /// `pojistne`: employer insurance.
    Insurance,
    /// `dpp_dpc`: other personnel (agreements outside employment).
    OtherPersonnel,
    /// `phm`: fuel.
    Fuel,
    /// `vozidla`: vehicles.
    Vehicles,
    /// `material`.
    Material,
    /// `energie`: energy.
    Energy,
    /// `najem`: rent.
    Rent,
    /// `sluzby`: services.
    Services,
    /// `vzdelavani`: training.
    Training,
    /// `opravy`: repairs.
    Repairs,
    /// `odpisy`: depreciation.
    Depreciation,
    /// `rezie`: allocated overhead.
    Overhead,
    /// `ostatni`: other.
    Other,
    /// Any other text (needs a group).
    Custom(String),
}

impl CostCategory {
    /// Reads a known category word (folded); any other text is `Custom`.
    pub fn parse(s: &str) -> CostCategory {
        match fold(s).as_str() {
            "mzdy" | "wages" => CostCategory::Wages,
            "pojistne" | "insurance" => CostCategory::Insurance,
            "dpp_dpc" | "dpp dpc" | "dpp/dpc" | "dpp" | "dpc" => CostCategory::OtherPersonnel,
            "phm" | "fuel" => CostCategory::Fuel,
            "vozidla" | "vehicles" => CostCategory::Vehicles,
            "material" => CostCategory::Material,
            "energie" | "energy" => CostCategory::Energy,
            "najem" | "rent" => CostCategory::Rent,
            "sluzby" | "services" => CostCategory::Services,
            "vzdelavani" | "training" => CostCategory::Training,
            "opravy" | "repairs" => CostCategory::Repairs,
            "odpisy" | "depreciation" => CostCategory::Depreciation,
            "rezie" | "overhead" => CostCategory::Overhead,
            "ostatni" | "other" => CostCategory::Other,
            _ => CostCategory::Custom(s.trim().to_string()),
        }
    }

    /// The group a known category belongs to; `None` for `Custom`.
    pub fn group(&self) -> Option<CostGroup> {
        match self {
            CostCategory::Wages | CostCategory::Insurance | CostCategory::OtherPersonnel => {
                Some(CostGroup::Personnel)
            }
            CostCategory::Custom(_) => None,
            _ => Some(CostGroup::Operating),
        }
    }

    /// The code as written in the workbook: `mzdy`, `phm`, … (the text for
    /// `Custom`).
    pub fn code(&self) -> &str {
        match self {
            CostCategory::Wages => "mzdy",
            CostCategory::Insurance => "pojistne",
            CostCategory::OtherPersonnel => "dpp_dpc",
            CostCategory::Fuel => "phm",
            CostCategory::Vehicles => "vozidla",
            CostCategory::Material => "material",
            CostCategory::Energy => "energie",
            CostCategory::Rent => "najem",
            CostCategory::Services => "sluzby",
            CostCategory::Training => "vzdelavani",
            CostCategory::Repairs => "opravy",
            CostCategory::Depreciation => "odpisy",
            CostCategory::Overhead => "rezie",
            CostCategory::Other => "ostatni",
            CostCategory::Custom(s) => s,
        }
    }

    /// The known categories (for the template's dropdown).
    pub const CODES: [&'static str; 14] = [
        "mzdy",
        "pojistne",
        "dpp_dpc",
        "phm",
        "vozidla",
        "material",
        "energie",
        "najem",
        "sluzby",
        "vzdelavani",
        "opravy",
        "odpisy",
        "rezie",
        "ostatni",
    ];
}

/// One line of costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostLine {
    /// Category.
    pub category: CostCategory,
    /// Personnel or operating.
    pub group: CostGroup,
    /// Amount (negative only as a correction).
    pub amount: Decimal,
    /// Note.
    pub note: Option<String>,
    /// The account it was booked to, when it came from the accounts
    /// (`Výsledovka`: `551`, `521.100`); the eligibility rules read it.
    #[serde(default)]
    pub account: Option<String>,
    /// Whether the state grant may pay it, as the auditor states it
    /// (`Náklady`, column `Uznatelné`); `None`: by the built-in rules
    /// ([`crate::law::eligibility`]).
    #[serde(default)]
    pub eligible: Option<bool>,
    /// The row in the input sheet, 0 when built in code.
    pub row: u32,
}

impl CostLine {
    /// A line of a known category (its group derived).
    ///
    /// # Panics
    ///
    /// For a `Custom` category, which has no derived group: use a struct
    /// literal with an explicit group.
    pub fn new(category: CostCategory, amount: Decimal) -> CostLine {
        let group = category
            .group()
            .expect("a custom cost category needs an explicit group");
        CostLine {
            category,
            group,
            amount,
            note: None,
            account: None,
            eligible: None,
            row: 0,
        }
    }
}

/// Where money came from (`Výnosy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevenueSource {
    /// `uhrady`: user fees.
    UserFees,
    /// `mpsv`: state subsidy via the region.
    Mpsv,
    /// `kraj`: the region's own money.
    Region,
    /// `obec`: municipality.
    Municipality,
    /// `jine`: other (own revenue that is not a user fee: gifts, rent,
    /// interest).
    Other,
    /// `verejne`: an unattributed public grant, "veřejná dotace bez určení
    /// zdroje": public money whose account does not say whether it came
    /// from the state (MPSV), the region or a municipality (account 691 of
    /// an NGO, 672 of a contributory organisation). Public money all the
    /// same: it is part of the compensation, never own revenue.
    #[serde(rename = "unattributed_public_grant")]
    PublicUnattributed,
}

impl RevenueSource {
    /// Every source, in the order the report lists them.
    pub const ALL: [RevenueSource; 6] = [
        RevenueSource::UserFees,
        RevenueSource::Mpsv,
        RevenueSource::Region,
        RevenueSource::Municipality,
        RevenueSource::PublicUnattributed,
        RevenueSource::Other,
    ];

    /// Reads `uhrady`, `mpsv`, `kraj`, `obec`, `verejne`, `jine` (folded;
    /// English too).
    ///
    /// ```
    /// use homecare_audit::RevenueSource;
    /// assert_eq!(RevenueSource::parse("Úhrady"), Some(RevenueSource::UserFees));
    /// assert_eq!(RevenueSource::parse("veřejná dotace"), Some(RevenueSource::PublicUnattributed));
    /// assert_eq!(RevenueSource::parse("sponzor"), None);
    /// ```
    pub fn parse(s: &str) -> Option<RevenueSource> {
        Some(match fold(s).as_str() {
            "uhrady" | "uhrada" | "user fees" | "fees" => RevenueSource::UserFees,
            "mpsv" | "dotace mpsv" | "state" => RevenueSource::Mpsv,
            "kraj" | "region" => RevenueSource::Region,
            "obec" | "mesto" | "municipality" => RevenueSource::Municipality,
            "jine" | "ostatni" | "other" => RevenueSource::Other,
            "verejne"
            | "verejna dotace"
            | "verejna dotace bez urceni zdroje"
            | "dotace"
            | "public"
            | "public grant"
            | "unattributed public grant" => RevenueSource::PublicUnattributed,
            _ => return None,
        })
    }

    /// The code as written: `uhrady`, `mpsv`, …
    pub fn code(self) -> &'static str {
        match self {
            RevenueSource::UserFees => "uhrady",
            RevenueSource::Mpsv => "mpsv",
            RevenueSource::Region => "kraj",
            RevenueSource::Municipality => "obec",
            RevenueSource::Other => "jine",
            RevenueSource::PublicUnattributed => "verejne",
        }
    }

    /// The source as the report writes it: `úhrady klientů`, `MPSV`, …,
    /// `veřejná dotace bez určení zdroje` / `unattributed public grant`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            RevenueSource::UserFees => lang.pick("úhrady klientů", "user fees"),
            RevenueSource::Mpsv => "MPSV",
            RevenueSource::Region => lang.pick("kraj", "region"),
            RevenueSource::Municipality => lang.pick("obec", "municipality"),
            RevenueSource::Other => lang.pick("jiné", "other"),
            RevenueSource::PublicUnattributed => lang.pick(
                "veřejná dotace bez určení zdroje",
                "unattributed public grant",
            ),
        }
    }

    /// True for public money (the parts of the compensation: MPSV, the
    /// region, a municipality, an unattributed public grant); false for
    /// own revenue (user fees, other).
    pub fn is_public(self) -> bool {
        matches!(
            self,
            RevenueSource::Mpsv
                | RevenueSource::Region
                | RevenueSource::Municipality
                | RevenueSource::PublicUnattributed
        )
    }
}

/// One line of revenues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevenueLine {
    /// Source.
    pub source: RevenueSource,
    /// Amount.
    pub amount: Decimal,
    /// The row in the input sheet, 0 when built in code.
    pub row: u32,
}
