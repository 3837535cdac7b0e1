//! What the state grant may not pay: the costs Government Regulation
//! 98/2015 Sb. § 1(2) excludes from the grant to a social service, and
//! the costs municipal grant rules add, as data with their source.
//!
//! A cost line is matched by its category (`Náklady`) or by the account it
//! was booked to (`Výsledovka`: the synthetic account of the chart of
//! accounts, or a municipality's budget item). The auditor's own word on a
//! line (`Náklady`, column `Uznatelné`) beats every rule. A cost the rules
//! do not name is eligible: the rules can only find what the records tell
//! apart (the costs of optional services, letter (a), are not told apart
//! by any category or account, so the auditor marks them `Uznatelné: ne`).

use chrono::NaiveDate;
use serde::Serialize;

use super::date;

/// What a rule matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "code", rename_all = "snake_case")]
pub enum CostMatch {
    /// A cost category of `Náklady` by its code (`odpisy`).
    Category(&'static str),
    /// A synthetic account (`551`) or a budget item (`5191`), the
    /// analytic ignored.
    Account(&'static str),
}

/// One rule: costs of a kind the state grant may not pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EligibilityRule {
    /// What it matches.
    pub matches: CostMatch,
    /// What the costs are, in Czech.
    pub cs: &'static str,
    /// In English.
    pub en: &'static str,
    /// The provision (`NV 98/2015 § 1 odst. 2 písm. d)`).
    pub provision: &'static str,
    /// Where it was read.
    pub source: &'static str,
    /// From when it applies.
    pub valid_from: NaiveDate,
    /// Read in the text of the provision (`false`: from a municipality's
    /// grant rules taken as the common practice, provisional).
    pub verified: bool,
}

const NV_98: &str = "NV 98/2015 Sb. § 1 odst. 2 (znění od 1. 11. 2021), edutm.cz";
const MUNICIPAL: &str = "podmínky obecních dotací (Velké Meziříčí 2016), běžná praxe [I]";

const fn rule(
    matches: CostMatch,
    cs: &'static str,
    en: &'static str,
    provision: &'static str,
    verified: bool,
) -> EligibilityRule {
    EligibilityRule {
        matches,
        cs,
        en,
        provision,
        source: if verified { NV_98 } else { MUNICIPAL },
        valid_from: date(2021, 11, 1),
        verified,
    }
}

use CostMatch::{Account, Category};

/// The built-in rules, in the order a line is matched against them.
pub const BUILT_IN: &[EligibilityRule] = &[
    rule(
        Category("odpisy"),
        "odpisy",
        "depreciation",
        "písm. d)",
        true,
    ),
    rule(Account("551"), "odpisy", "depreciation", "písm. d)", true),
    rule(
        Account("555"),
        "tvorba rezerv",
        "provisions",
        "písm. d)",
        true,
    ),
    rule(
        Account("556"),
        "opravné položky",
        "operating allowances",
        "písm. d)",
        true,
    ),
    rule(
        Account("541"),
        "smluvní pokuty a úroky z prodlení",
        "contractual penalties and late interest",
        "obecní pravidla",
        false,
    ),
    rule(
        Account("542"),
        "jiné pokuty a penále",
        "other fines and penalties",
        "obecní pravidla",
        false,
    ),
    rule(
        Account("543"),
        "dary",
        "gifts given",
        "písm. e) (plnění bez právního nároku)",
        true,
    ),
    rule(
        Account("547"),
        "manka a škody",
        "shortages and damages",
        "obecní pravidla",
        false,
    ),
    rule(
        Account("5191"),
        "sankce (rozpočtová položka)",
        "sanctions (budget item)",
        "obecní pravidla",
        false,
    ),
    rule(
        Account("5194"),
        "věcné dary (rozpočtová položka)",
        "gifts in kind (budget item)",
        "písm. e) (plnění bez právního nároku)",
        true,
    ),
];

/// The first built-in rule that makes a cost of `category` (its code),
/// booked to `account` (`551`, `551.100`, `5191`) when known, ineligible.
/// Applied to any period: the text read is the one in force from
/// 1.11.2021 (`valid_from`), and the exclusions it lists stood in the
/// regulation's earlier wording too.
///
/// ```
/// use homecare_audit::law::eligibility::rule_for;
/// assert_eq!(rule_for("odpisy", None).unwrap().provision, "písm. d)");
/// assert!(rule_for("ostatni", Some("555.100")).is_some()); // provisions
/// assert!(rule_for("mzdy", Some("521")).is_none());
/// ```
pub fn rule_for(category: &str, account: Option<&str>) -> Option<&'static EligibilityRule> {
    let synthetic = account.map(|a| a.split(['.', '/', ' ']).next().unwrap_or(a));
    BUILT_IN.iter().find(|r| match r.matches {
        Category(c) => c == category,
        Account(a) => synthetic == Some(a),
    })
}
