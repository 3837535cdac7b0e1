//! The management effect: the structure the council states (FTE of each
//! management role, fixed or per client) against the heads of service and
//! social workers (`VED`, `SP`) of the services today, costed at today's
//! personnel cost per FTE of each role.

use rust_decimal::Decimal;
use serde::Serialize;

use super::Merger;
use super::effect::MergerEffect;
use super::merge::Merged;
use crate::audit::time_base::worker_hours;
use crate::i18n::Text;
use crate::model::{Dataset, Role};

/// One management role today and under the stated structure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManagementLine {
    /// The role.
    pub role: Role,
    /// Whether the structure states it (else it stays as today).
    pub stated: bool,
    /// FTE today per former service (averaged over its period).
    pub fte_by_part: Vec<Decimal>,
    /// FTE today, all services.
    pub fte_today: Decimal,
    /// Personnel cost today (`None` when a worker of the role has none).
    pub cost_today: Option<Decimal>,
    /// Personnel cost of one FTE of the role today (Σ cost ÷ Σ FTE of the
    /// workers with a cost).
    pub cost_per_fte: Option<Decimal>,
    /// FTE under the structure.
    pub fte_after: Decimal,
    /// fte_after × cost per FTE.
    pub cost_after: Option<Decimal>,
    /// fte_after − fte_today.
    pub change_fte: Decimal,
    /// cost_after − cost_today.
    pub change_cost: Option<Decimal>,
}

/// The management effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManagementEffect {
    /// Clients served by the merged service (a client visit in the period).
    pub clients: u64,
    /// Per role: the stated ones and `VED`, `SP`.
    pub lines: Vec<ManagementLine>,
    /// Personnel cost of these roles today.
    pub cost_today: Option<Decimal>,
    /// Under the structure.
    pub cost_after: Option<Decimal>,
    /// cost_today − cost_after (negative: the structure costs more).
    pub saving: Option<Decimal>,
    /// What to read with it.
    pub notes: Vec<Text>,
}

/// Clients with a direct or optional visit in their service's period.
fn clients_served(parts: &[&Dataset], m: &Merged) -> u64 {
    let ds = &m.dataset;
    let mut served = vec![false; ds.clients.len()];
    for (_, i) in m.client_visits(parts) {
        if let Some(c) = ds.visits[i].client {
            served[c.index()] = true;
        }
    }
    served.iter().filter(|s| **s).count() as u64
}

/// Works out the management effect.
pub(crate) fn effect(
    merger: &Merger,
    parts: &[&Dataset],
    m: &Merged,
) -> MergerEffect<ManagementEffect> {
    if merger.management.is_empty() {
        return MergerEffect::NotAvailable(Text::new(
            "list Sloučení nezadává strukturu řízení (řádky „úvazky VED“, „klientů na úvazek SP“ …)",
            "the Sloučení sheet states no management structure (rows \"fte VED\", \"clients per fte SP\", …)",
        ));
    }
    if let Some(why) = super::without_staff_list(parts) {
        return MergerEffect::NotAvailable(why);
    }
    let clients = clients_served(parts, m);
    let mut roles: Vec<Role> = merger.management.iter().map(|r| r.role).collect();
    for r in [Role::Ved, Role::Sp] {
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    let mut lines = Vec::new();
    for role in roles {
        let (mut fte_by_part, mut cost, mut all_costed) = (Vec::new(), Decimal::ZERO, true);
        let (mut costed, mut costed_fte) = (Decimal::ZERO, Decimal::ZERO);
        for part in parts {
            let mut fte = Decimal::ZERO;
            if let Some(period) = part.period() {
                for w in part.workers.iter().filter(|w| w.role == role) {
                    let h = worker_hours(w, &part.provider, period, Decimal::ZERO);
                    fte += h.average_fte;
                    match w.personnel_cost {
                        Some(c) => {
                            cost += c;
                            costed += c;
                            costed_fte += h.average_fte;
                        }
                        None => all_costed = false,
                    }
                }
            }
            fte_by_part.push(fte);
        }
        let fte_today: Decimal = fte_by_part.iter().copied().sum();
        let rule = merger.management.iter().find(|r| r.role == role);
        let fte_after = rule.map_or(fte_today, |r| r.fte(clients));
        let cost_today = all_costed.then_some(cost);
        let cost_per_fte = (costed_fte > Decimal::ZERO).then(|| costed / costed_fte);
        let cost_after = match rule {
            None => cost_today,
            Some(_) if fte_after.is_zero() => Some(Decimal::ZERO),
            Some(_) => cost_per_fte.map(|c| c * fte_after),
        };
        lines.push(ManagementLine {
            role,
            stated: rule.is_some(),
            fte_by_part,
            fte_today,
            cost_today,
            cost_per_fte,
            fte_after,
            cost_after,
            change_fte: fte_after - fte_today,
            change_cost: cost_after.zip(cost_today).map(|(a, t)| a - t),
        });
    }
    let sum = |f: fn(&ManagementLine) -> Option<Decimal>| -> Option<Decimal> {
        lines.iter().map(f).sum()
    };
    let cost_today = sum(|l| l.cost_today);
    let cost_after = sum(|l| l.cost_after);
    let mut notes = Vec::new();
    if lines
        .iter()
        .any(|l| l.stated && l.fte_after > Decimal::ZERO && l.cost_per_fte.is_none())
    {
        notes.push(Text::new(
            "u některé zadané role dnes nikdo nemá osobní náklady: její náklady nejsou k dispozici",
            "no worker of a stated role has a personnel cost today: its cost is not available",
        ));
    }
    if merger.shared_reduction > Decimal::ZERO {
        notes.push(Text::new(
            "zadána je i úspora sdílených nákladů řízení: úspora na řízení může být započtena dvakrát",
            "a saving on shared management costs is stated too: the management saving may be counted twice",
        ));
    }
    MergerEffect::Worked(ManagementEffect {
        clients,
        saving: cost_today.zip(cost_after).map(|(t, a)| t - a),
        lines,
        cost_today,
        cost_after,
        notes,
    })
}
