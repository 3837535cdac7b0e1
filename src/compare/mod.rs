//! Several providers at once: peer benchmarks (quartiles, rank and status
//! of each provider in its group), the yearly re-evaluation of one provider
//! (each indicator period over period), and a merger study.
//!
//! `examples/compare.rs` audits a folder of workbooks in parallel and writes
//! the comparison workbook ([`crate::workbook::ComparisonWorkbook`]).

mod merger;
mod peer;

pub use merger::{
    Assumption, AssumptionCells, ClientChange, Distance, IndicatorColumn, ManagementEffect,
    ManagementLine, ManagementRole, MergeSummary, MergedPrice, Merger, MergerEffect, MergerStudy,
    MunicipalityTravel, PartPrices, PriceEffect, PriceRule, RejectedCell, Roster, SharedCostEffect,
    StaffEffect, StaffLine, StaffingBasis, TravelEffect,
};
pub use peer::{PeerGroup, PeerIndicator, Quartiles, Standing};

use crate::audit::ProviderSummary;
use crate::model::Dataset;

/// How a set of audits is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Different providers: quartiles, ranks, statuses against the group.
    Peers,
    /// One provider in different periods: each indicator's trend.
    Trend,
}

/// Whether the datasets are one provider over several periods (same IČO,
/// else the same name, and more than one distinct period): then they are
/// compared as a trend, else as peers.
///
/// ```
/// use homecare_audit::compare::{Mode, mode};
/// use homecare_audit::synth::Synth;
/// let a = Synth::new(1, 200).dataset();
/// let mut b = Synth::new(2, 200).dataset();
/// b.provider.name = "Jiná služba".into();
/// b.provider.ico = None;
/// assert_eq!(mode(&[&a, &b]), Mode::Peers);
/// ```
pub fn mode(datasets: &[&Dataset]) -> Mode {
    let keys: Vec<_> = datasets
        .iter()
        .map(|d| {
            (
                identity(d.provider.ico.as_deref(), &d.provider.name),
                d.period(),
            )
        })
        .collect();
    mode_of_keys(&keys)
}

impl Mode {
    /// [`mode`] from the audits' reports alone (a report's provider has the
    /// IČO, the name and the period of its dataset), so that a comparison
    /// need not keep the datasets.
    ///
    /// ```
    /// use homecare_audit::Audit;
    /// use homecare_audit::compare::Mode;
    /// use homecare_audit::synth::Synth;
    /// let a = Audit::new(&Synth::new(1, 200).dataset()).run();
    /// // The same provider, a year later: a trend.
    /// let mut later = Synth::new(1, 200).dataset();
    /// later.provider.period = later.period().map(|p| {
    ///     let year = |d: chrono::NaiveDate| d.checked_add_months(chrono::Months::new(12)).unwrap();
    ///     homecare_audit::Period::new(year(p.from), year(p.to)).unwrap()
    /// });
    /// let b = Audit::new(&later).run();
    /// assert_eq!(Mode::of(&[&a.provider, &b.provider]), Mode::Trend);
    /// ```
    pub fn of(providers: &[&ProviderSummary]) -> Mode {
        let keys: Vec<_> = providers
            .iter()
            .map(|p| (identity(p.ico.as_deref(), &p.name), p.period))
            .collect();
        mode_of_keys(&keys)
    }

    /// The mode's id, as the comparison's JSON gives it: `peers`, `trend`.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Peers => "peers",
            Mode::Trend => "trend",
        }
    }
}

/// Who a provider is: its IČO, else its folded name.
fn identity(ico: Option<&str>, name: &str) -> String {
    match ico {
        Some(ico) => format!("ico:{ico}"),
        None => format!("name:{}", crate::matching::fold(name)),
    }
}

/// One provider (one identity) in as many distinct periods as audits, and
/// more than one audit: a trend.
fn mode_of_keys(keys: &[(String, Option<crate::Period>)]) -> Mode {
    let Some((first, _)) = keys.first() else {
        return Mode::Peers;
    };
    let same = keys.iter().all(|(k, _)| k == first);
    let mut periods: Vec<_> = keys
        .iter()
        .map(|(_, p)| p.map(|p| (p.from, p.to)))
        .collect();
    periods.sort();
    periods.dedup();
    if keys.len() > 1 && same && periods.len() == keys.len() {
        Mode::Trend
    } else {
        Mode::Peers
    }
}
