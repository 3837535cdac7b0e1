//! Working-time figures the report states beside the tables: the training
//! minimum and the employer insurance in sum (leave weeks are rows of the
//! tables, since an auditor may bring them up to date).

use rust_decimal::Decimal;
use serde::Serialize;

use super::date;

/// A legal figure with its validity and source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LawFigure {
    /// The figure.
    pub value: Decimal,
    /// Valid from.
    pub from: chrono::NaiveDate,
    /// The provision.
    pub provision: &'static str,
    /// Where it was checked.
    pub source: &'static str,
    /// True when verified in the source.
    pub verified: bool,
}

/// Further training of social workers and care workers: at least 24 hours
/// a calendar year, 1/12 for each month of employment (§111(1), §116(9)
/// Act 108/2006).
pub const TRAINING_HOURS_PER_YEAR: LawFigure = LawFigure {
    value: Decimal::from_parts(24, 0, 0, false, 0),
    from: date(2009, 8, 1),
    provision: "§111 odst. 1 a §116 odst. 9 zákona 108/2006 Sb.",
    source: "https://m.kr-vysocina.cz/vismo5/dokumenty2.asp?id_org=450008&id=4051708&n=dalsi-vzdelavani-pracovniku&p1=5421",
    verified: true,
};

/// Employer social (24.8 %) and health (9 %) insurance on gross pay: 33.8 %
/// (2024; no change found for 2025).
pub const EMPLOYER_INSURANCE: LawFigure = LawFigure {
    value: Decimal::from_parts(338, 0, 0, false, 3),
    from: date(2024, 1, 1),
    provision: "zákon 589/1992 Sb., zákon 592/1992 Sb.",
    source: "https://dumfinanci.cz/clanky/7633-povinne-pojistne-v-roce-2024/",
    verified: true,
};
