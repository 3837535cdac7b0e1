//! The shared-costs effect: one management and administration instead of
//! several, as a stated share of the services' shared-management costs.
//!
//! "Before" is always the sum of the services' costs; this effect is the
//! stated saving on top of it, with its amount, so that a reader sees the
//! sum, the saving and the result apart. The share is the council's
//! assumption (`úspora režie`, or `--shared-reduction`), never derived.

use rust_decimal::Decimal;
use serde::Serialize;

use super::Merger;
use super::effect::MergerEffect;
use crate::i18n::Text;
use crate::model::Dataset;

/// The shared-costs effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SharedCostEffect {
    /// The cost categories that are shared management (codes, `rezie`).
    pub categories: Vec<String>,
    /// The services' costs of those categories, summed.
    pub shared_before: Decimal,
    /// The stated share saved (0 = none, 0.3 = 30 %).
    pub reduction: Decimal,
    /// shared before × reduction.
    pub saving: Decimal,
    /// Every cost of the services, summed (the merged service before).
    pub cost_before: Decimal,
    /// cost before − saving.
    pub cost_after: Decimal,
}

/// Works out the shared-costs effect: not available when a service has
/// no costs (its shared costs are unknown, not 0).
pub(crate) fn effect(merger: &Merger, parts: &[&Dataset]) -> MergerEffect<SharedCostEffect> {
    let (mut shared, mut total) = (Decimal::ZERO, Decimal::ZERO);
    for p in parts {
        let Some(costs) = &p.costs else {
            return MergerEffect::NotAvailable(Text::new(
                format!("služba {} nemá list Náklady", p.provider.name),
                format!("the service {} has no Costs sheet", p.provider.name),
            ));
        };
        for c in costs {
            total += c.amount;
            if merger.shared_categories.contains(&c.category) {
                shared += c.amount;
            }
        }
    }
    let saving = shared * merger.shared_reduction;
    MergerEffect::Worked(SharedCostEffect {
        categories: merger
            .shared_categories
            .iter()
            .map(|c| c.code().to_string())
            .collect(),
        shared_before: shared,
        reduction: merger.shared_reduction,
        saving,
        cost_before: total,
        cost_after: total - saving,
    })
}
