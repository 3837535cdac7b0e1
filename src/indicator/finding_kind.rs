//! The kinds of finding: each integrity kind is also an indicator
//! (`integrity.findings.<kind>`), so the kinds live with the catalogue.

use serde::Serialize;

use crate::i18n::Lang;

/// What kind of anomaly a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Two rows of one worker overlap in time.
    Overlap,
    /// A worker's day over 12 hours recorded.
    LongDay,
    /// A worker's month over contract hours.
    OverContract,
    /// A row outside the audit period.
    OutsidePeriod,
    /// A row outside the worker's employment.
    OutsideEmployment,
    /// A row outside the client's contract.
    OutsideContract,
    /// A duration of 0 or over 720 minutes.
    Duration,
    /// Start/end disagree with minutes.
    MinutesMismatch,
    /// Only one of start and end.
    IncompleteTimes,
    /// Passing midnight.
    Midnight,
    /// An exact duplicate of an earlier row.
    Duplicate,
    /// A fee over the legal cap.
    FeeOverCap,
    /// A fee charged to a fee-exempt client.
    FeeExempt,
    /// A fee off the price list.
    FeeOffPrice,
    /// Public funding above the net cost and the reasonable profit
    /// (Decision 2012/21/EU: compensation must not exceed what is needed).
    Overcompensation,
}

impl FindingKind {
    /// The integrity kinds counted in `integrity.findings.<kind>`.
    pub const INTEGRITY: [FindingKind; 11] = [
        FindingKind::Overlap,
        FindingKind::LongDay,
        FindingKind::OverContract,
        FindingKind::OutsidePeriod,
        FindingKind::OutsideEmployment,
        FindingKind::OutsideContract,
        FindingKind::Duration,
        FindingKind::MinutesMismatch,
        FindingKind::IncompleteTimes,
        FindingKind::Midnight,
        FindingKind::Duplicate,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::Overlap => "overlap",
            FindingKind::LongDay => "long_day",
            FindingKind::OverContract => "over_contract",
            FindingKind::OutsidePeriod => "outside_period",
            FindingKind::OutsideEmployment => "outside_employment",
            FindingKind::OutsideContract => "outside_contract",
            FindingKind::Duration => "duration",
            FindingKind::MinutesMismatch => "minutes_mismatch",
            FindingKind::IncompleteTimes => "incomplete_times",
            FindingKind::Midnight => "midnight",
            FindingKind::Duplicate => "duplicate",
            FindingKind::FeeOverCap => "fee_over_cap",
            FindingKind::FeeExempt => "fee_exempt",
            FindingKind::FeeOffPrice => "fee_off_price",
            FindingKind::Overcompensation => "overcompensation",
        }
    }

    /// A short label for an auditor.
    pub fn label(self, lang: Lang) -> &'static str {
        let (cs, en) = match self {
            FindingKind::Overlap => ("překryv záznamů pracovníka", "overlapping rows of a worker"),
            FindingKind::LongDay => ("den pracovníka nad 12 h", "a worker's day over 12 h"),
            FindingKind::OverContract => ("měsíc nad rámec úvazku", "a month over contract hours"),
            FindingKind::OutsidePeriod => ("mimo období", "outside the period"),
            FindingKind::OutsideEmployment => ("mimo pracovní poměr", "outside employment"),
            FindingKind::OutsideContract => {
                ("mimo smlouvu klienta", "outside the client's contract")
            }
            FindingKind::Duration => ("doba 0 nebo nad 720 min", "duration 0 or over 720 min"),
            FindingKind::MinutesMismatch => (
                "minuty nesouhlasí s Od–Do",
                "minutes disagree with start–end",
            ),
            FindingKind::IncompleteTimes => ("jen jeden z časů Od/Do", "only one of start/end"),
            FindingKind::Midnight => ("přes půlnoc", "passing midnight"),
            FindingKind::Duplicate => ("duplicitní řádek", "duplicate row"),
            FindingKind::FeeOverCap => ("úhrada nad zákonný limit", "fee over the legal cap"),
            FindingKind::FeeExempt => (
                "úhrada u osvobozeného klienta",
                "fee charged to an exempt client",
            ),
            FindingKind::FeeOffPrice => ("úhrada mimo ceník", "fee off the price list"),
            FindingKind::Overcompensation => (
                "překompenzace: veřejné zdroje nad čisté náklady",
                "overcompensation: public funding above the net cost",
            ),
        };
        lang.pick(cs, en)
    }
}
