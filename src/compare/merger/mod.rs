//! A merger study: several providers audited as one merged service, and
//! what a council decides on when it merges them — one price list, one
//! pool of care workers, one management, travel across towns.
//!
//! [`Merger`] holds the study's assumptions (read from a `Sloučení` sheet
//! by [`read_merger_path`](crate::workbook::read_merger_path), or set in
//! code); [`Merger::merge`] joins the records; [`Merger::study`] works out
//! the effects from the audited records (prices, staff, management, travel,
//! shared costs) and audits the merged service before and after them. Every effect is either worked out or "not
//! available" with its reason; none is taken from a constant.

mod effect;
mod management;
mod merge;
mod prices;
mod shared;
mod staff;
mod study;
mod travel;

pub use crate::model::{
    Assumption, AssumptionCells, Distance, ManagementRole, Merger, PriceRule, RejectedCell, Roster,
    StaffingBasis,
};
pub use effect::MergerEffect;
pub use management::{ManagementEffect, ManagementLine};
pub use merge::MergeSummary;
pub use prices::{ClientChange, MergedPrice, PartPrices, PriceEffect};
pub use shared::SharedCostEffect;
pub use staff::{StaffEffect, StaffLine};
pub use study::{IndicatorColumn, MergerStudy};
pub use travel::{MunicipalityTravel, TravelEffect};

/// Why the effects that read the workers' roles and FTE (staff,
/// management) are not available: a service audited without a staff list
/// (`Pracovníci`), named.
fn without_staff_list(parts: &[&crate::model::Dataset]) -> Option<crate::i18n::Text> {
    use crate::model::RecordList;
    let p = parts.iter().find(|p| !p.has_list(RecordList::Workers))?;
    let why = RecordList::Workers.missing();
    Some(crate::i18n::Text::new(
        format!("služba {}: {}", p.provider.name, why.cs),
        format!("the service {}: {}", p.provider.name, why.en),
    ))
}
