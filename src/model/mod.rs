//! The domain: provider, clients, workers, the task catalogue, visits,
//! prices, costs, revenues (typed, or read from the accountant's accounts
//! through an [`AccountMap`]), and the [`Dataset`] that holds them.

mod accounts;
mod benchmark;
mod client;
mod dataset;
mod finance;
mod financing;
mod ids;
mod merger;
mod normative;
mod provider;
mod reach;
mod task;
mod visit;
mod worker;

pub use accounts::{
    Account, AccountMap, AccountRule, AccountUse, AccountsUsed, Chart, RuleOrigin, RuleUse, Side,
};
pub use benchmark::Benchmark;
pub use client::{CareDegree, Client};
pub use dataset::{ColumnOrigin, Dataset, DatasetBuilder, InputFile, Provenance, RecordList};
pub(crate) use dataset::{MAX_TEXT, check_fte, check_weekly_hours};
pub use finance::{CostCategory, CostGroup, CostLine, Price, RevenueLine, RevenueSource};
pub use financing::{FinancingKey, FinancingParam, financing_for};
pub use ids::{ClientId, TaskId, WorkerId};
pub use merger::{
    Assumption, AssumptionCells, Distance, ManagementRole, Merger, PriceRule, RejectedCell, Roster,
    StaffingBasis,
};
pub use normative::{NormativeParams, PARAMS as NORMATIVE_PARAMS, ParamSpec};
pub use provider::{Provider, ico_is_valid};
pub use reach::{Applicant, AreaRow, Outcome, RefusalReason};
pub use task::{
    FeeBasis, StatutoryTask, Task, TaskCatalog, TaskGroup, TaskKind, TaskUnit, TimeKind,
};
pub use visit::{Visit, VisitFlags};
pub use worker::{Role, Worker};

use rust_decimal::Decimal;

/// The largest number a dataset holds in a fee, price, quantity, cost or
/// revenue: 10¹² (a trillion crowns, more than the state budget). Larger
/// values are refused where they enter (the reader, the builder), so that
/// the audit's sums over millions of rows and its products of two such
/// numbers (a price × a quantity, a fee × 3 600 s) stay far inside
/// `Decimal`'s range of 7.9·10²⁸ and can never overflow.
pub const MAX_NUMBER: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_what_they_say() {
        assert_eq!(MAX_NUMBER, Decimal::from(1_000_000_000_000i64));
        // What the audit makes of them stays in range: a price times a
        // quantity times 3 600 on one row, and fees times 3 600 summed
        // over 2^26 rows (ReadLimits::cells).
        let product = MAX_NUMBER * MAX_NUMBER * Decimal::from(3600);
        assert_eq!(
            product,
            Decimal::from(36u64) * Decimal::from(10u64.pow(13)) * Decimal::from(10u64.pow(13))
        );
        let sum = MAX_NUMBER * Decimal::from(3600) * Decimal::from(1u64 << 26);
        assert!(sum.checked_mul(Decimal::from(1000)).is_some());
    }
}
