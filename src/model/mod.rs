//! The domain: provider, clients, workers, the task catalogue, visits,
//! prices, costs, revenues, and the [`Dataset`] that holds them.

mod client;
mod dataset;
mod finance;
mod ids;
mod normative;
mod provider;
mod task;
mod visit;
mod worker;

pub use client::{CareDegree, Client};
pub use dataset::{Dataset, DatasetBuilder, Source};
pub(crate) use dataset::{MAX_TEXT, check_fte, check_weekly_hours};
pub use finance::{CostCategory, CostGroup, CostLine, Price, RevenueLine, RevenueSource};
pub use ids::{ClientId, TaskId, WorkerId};
pub use normative::{NormativeParams, PARAMS as NORMATIVE_PARAMS, ParamSpec};
pub use provider::{Provider, ico_is_valid};
pub use task::{
    BillingUnit, StatutoryTask, Task, TaskCatalog, TaskGroup, TaskKind, TimeKind, Unit,
};
pub use visit::{Visit, VisitFlags};
pub use worker::{Role, Worker};
