//! Several providers at once: peer benchmarks (quartiles, rank and status
//! of each provider in its group), the yearly re-evaluation of one provider
//! (each indicator period over period), and a merger study.
//!
//! `examples/compare.rs` audits a folder of workbooks in parallel and writes
//! the comparison workbook ([`crate::workbook::ComparisonWorkbook`]).

mod merger;
mod peer;

pub use merger::{
    Assumption, ClientChange, Distance, IndicatorColumn, ManagementEffect, ManagementLine,
    ManagementRole, MergeSummary, MergedPrice, Merger, MergerEffect, MergerStudy,
    MunicipalityTravel, PartPrices, PriceEffect, PriceRule, Roster, StaffEffect, StaffLine,
    StaffingBasis, TravelEffect,
};
pub use peer::{PeerGroup, PeerIndicator, Quartiles, Standing};

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
    let Some(first) = datasets.first() else {
        return Mode::Peers;
    };
    let key = |d: &Dataset| match &d.provider.ico {
        Some(ico) => format!("ico:{ico}"),
        None => format!("name:{}", crate::matching::fold(&d.provider.name)),
    };
    let k = key(first);
    let same = datasets.iter().all(|d| key(d) == k);
    let mut periods: Vec<_> = datasets
        .iter()
        .map(|d| d.period().map(|p| (p.from, p.to)))
        .collect();
    periods.sort();
    periods.dedup();
    if datasets.len() > 1 && same && periods.len() == datasets.len() {
        Mode::Trend
    } else {
        Mode::Peers
    }
}
