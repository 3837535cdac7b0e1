//! Employer on-costs on gross pay, for the normative price model: each a
//! dated row with its source. Rates marked `verified: false` are general
//! knowledge not read in a source (provisional in docs/law.md).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::date;

/// One statutory on-cost as a share of gross pay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct OnCost {
    /// Stable id (`social`, `health`, …).
    pub id: &'static str,
    /// Czech label.
    pub cs: &'static str,
    /// English label.
    pub en: &'static str,
    /// Share of gross pay.
    pub rate: Decimal,
    /// Valid from.
    pub from: NaiveDate,
    /// Only at public employers (municipalities and their organisations).
    pub public_only: bool,
    /// The provision.
    pub provision: &'static str,
    /// Where it was checked.
    pub source: &'static str,
    /// True when verified in the source.
    pub verified: bool,
}

/// Employer on-costs, oldest first within each id. A new rate is a new row.
pub const ON_COSTS: &[OnCost] = &[
    OnCost {
        id: "social",
        cs: "Sociální pojištění zaměstnavatele",
        en: "Employer social insurance",
        rate: Decimal::from_parts(248, 0, 0, false, 3),
        from: date(2024, 1, 1),
        public_only: false,
        provision: "zákon 589/1992 Sb.",
        source: "https://dumfinanci.cz/clanky/7633-povinne-pojistne-v-roce-2024/",
        verified: true,
    },
    OnCost {
        id: "health",
        cs: "Zdravotní pojištění zaměstnavatele",
        en: "Employer health insurance",
        rate: Decimal::from_parts(9, 0, 0, false, 2),
        from: date(2024, 1, 1),
        public_only: false,
        provision: "zákon 592/1992 Sb.",
        source: "https://dumfinanci.cz/clanky/7633-povinne-pojistne-v-roce-2024/",
        verified: true,
    },
    OnCost {
        id: "accident",
        cs: "Zákonné pojištění odpovědnosti za pracovní úraz (předběžné)",
        en: "Statutory accident insurance (provisional)",
        rate: Decimal::from_parts(28, 0, 0, false, 4),
        from: date(2024, 1, 1),
        public_only: false,
        provision: "vyhláška 125/1993 Sb. (sazba Kooperativy)",
        source: "general knowledge, not read in a source (provisional)",
        verified: false,
    },
    OnCost {
        id: "fksp",
        cs: "FKSP (předběžné)",
        en: "Cultural and social needs fund, FKSP (provisional)",
        rate: Decimal::from_parts(2, 0, 0, false, 2),
        from: date(2024, 1, 1),
        public_only: true,
        provision: "vyhláška 114/2002 Sb.",
        source: "general knowledge, not read in a source (provisional)",
        verified: false,
    },
];

/// The on-costs valid on `on` for an employer (public or not): for each id
/// the newest row valid on that date. Empty before the first rows' dates.
///
/// ```
/// use homecare_audit::law::on_costs_on;
/// let d = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
/// let private: Vec<_> = on_costs_on(d, false).iter().map(|c| c.id).collect();
/// assert_eq!(private, ["social", "health", "accident"]);
/// assert_eq!(on_costs_on(d, true).len(), 4);
/// ```
pub fn on_costs_on(on: NaiveDate, public_employer: bool) -> Vec<&'static OnCost> {
    let mut out: Vec<&'static OnCost> = Vec::new();
    for c in ON_COSTS {
        if c.from > on || (c.public_only && !public_employer) {
            continue;
        }
        match out.iter_mut().find(|x| x.id == c.id) {
            Some(slot) if slot.from <= c.from => *slot = c,
            Some(_) => {}
            None => out.push(c),
        }
    }
    out
}
