//! A merger study: several providers audited as one merged service.
//!
//! Ids are kept apart per provider (`2:K001` is client `K001` of the second
//! provider); the task catalogues are joined by code (a provider's own code
//! that means something else elsewhere is kept apart the same way); the
//! period is the union of the periods. Costs are summed, except that the
//! categories marked as shared management (by default `rezie`, overhead:
//! management and administration) may be reduced by a stated share, the
//! saving a merger is expected to bring. That share is an explicit
//! parameter, printed in the comparison workbook. Price lists are not
//! merged (they differ per provider), so off-price checks do not run on
//! the merged service.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::i18n::Text;
use crate::model::{CostCategory, CostLine, Dataset, DatasetBuilder, Provider, Task, Visit};
use crate::period::Period;

/// How to merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merger {
    /// Share of shared-management costs saved by the merger (0 = none,
    /// 0.3 = 30 %).
    pub shared_reduction: Decimal,
    /// Cost categories that are shared management.
    pub shared_categories: Vec<CostCategory>,
    /// The merged service's name.
    pub name: String,
}

impl Default for Merger {
    fn default() -> Merger {
        Merger {
            shared_reduction: Decimal::ZERO,
            shared_categories: vec![CostCategory::Overhead],
            name: "Sloučená služba".into(),
        }
    }
}

/// What a merger did, for the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergeSummary {
    /// The merged providers, in order (their ids carry `1:`, `2:`, …).
    pub parts: Vec<String>,
    /// The stated share of shared-management costs saved.
    pub shared_reduction: Decimal,
    /// The shared-management categories (codes).
    pub shared_categories: Vec<String>,
    /// Shared-management costs before the reduction.
    pub shared_before: Decimal,
    /// The saving: shared costs × the reduction.
    pub saving: Decimal,
    /// Total cost of the parts before the reduction (`None` when a part
    /// has no costs).
    pub cost_before: Option<Decimal>,
    /// Notes on what was not merged.
    pub notes: Vec<Text>,
}

impl Merger {
    /// A merger with a stated reduction of shared-management costs.
    pub fn with_reduction(reduction: Decimal) -> Merger {
        Merger {
            shared_reduction: reduction,
            ..Merger::default()
        }
    }

    /// Merges `parts` into one dataset.
    ///
    /// ```
    /// use homecare_audit::{compare::Merger, synth::Synth};
    /// use rust_decimal::Decimal;
    /// let a = Synth::new(1, 300).dataset();
    /// let b = Synth::new(2, 500).dataset();
    /// let (merged, summary) = Merger::with_reduction(Decimal::new(2, 1)).merge(&[&a, &b])?;
    /// assert_eq!(merged.visits.len(), a.visits.len() + b.visits.len());
    /// assert_eq!(merged.clients.len(), a.clients.len() + b.clients.len());
    /// assert_eq!(summary.saving, summary.shared_before * Decimal::new(2, 1));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Invalid`] when a record of a part breaks the
    /// dataset's rules (a part built outside the library's validation).
    pub fn merge(&self, parts: &[&Dataset]) -> Result<(Dataset, MergeSummary), Error> {
        let mut b = DatasetBuilder::new();
        let mut provider = Provider::new(self.name.clone());
        let periods: Vec<Period> = parts.iter().filter_map(|d| d.period()).collect();
        provider.period = match (
            periods.iter().map(|p| p.from).min(),
            periods.iter().map(|p| p.to).max(),
        ) {
            (Some(f), Some(t)) => Period::new(f, t),
            _ => None,
        };
        let regions: Vec<_> = parts.iter().map(|d| d.provider.region.clone()).collect();
        provider.region = regions
            .first()
            .cloned()
            .flatten()
            .filter(|r| regions.iter().all(|x| x.as_ref() == Some(r)));
        if let Some(first) = parts.first() {
            provider.weekly_hours = first.provider.weekly_hours;
            provider.public_employer = first.provider.public_employer;
        }
        b.provider(provider);

        let mut notes = Vec::new();
        let mut shared_before = Decimal::ZERO;
        let mut cost_before = Some(Decimal::ZERO);
        let all_costs = parts.iter().all(|d| d.costs.is_some());
        let all_revenues = parts.iter().all(|d| d.revenues.is_some());
        for (pi, ds) in parts.iter().enumerate() {
            let tag = |id: &str| format!("{}:{id}", pi + 1);
            let mut workers = Vec::with_capacity(ds.workers.len());
            for w in &ds.workers {
                let mut w = w.clone();
                w.id = tag(&w.id);
                w.row = 0;
                workers.push(b.worker(w)?);
            }
            let mut clients = Vec::with_capacity(ds.clients.len());
            for c in &ds.clients {
                let mut c = c.clone();
                c.id = tag(&c.id);
                c.row = 0;
                clients.push(b.client(c)?);
            }
            let mut tasks = Vec::with_capacity(ds.tasks.len());
            for t in ds.tasks.tasks() {
                let id = match b.find_task(&t.code) {
                    Some(id) if b.tasks().get(id).kind == t.kind => id,
                    Some(_) => b.task(Task {
                        code: tag(&t.code),
                        ..t.clone()
                    })?,
                    None => b.task(t.clone())?,
                };
                tasks.push(id);
            }
            b.reserve_visits(ds.visits.len());
            for v in &ds.visits {
                b.visit(Visit {
                    worker: workers[v.worker.index()],
                    client: v.client.map(|c| clients[c.index()]),
                    task: tasks[v.task.index()],
                    row: 0,
                    ..v.clone()
                })?;
            }
            match &ds.costs {
                Some(costs) => {
                    for c in costs {
                        cost_before = cost_before.map(|t| t + c.amount);
                        if !all_costs {
                            continue;
                        }
                        let mut line = CostLine {
                            note: Some(ds.provider.name.clone()),
                            row: 0,
                            ..c.clone()
                        };
                        if self.shared_categories.contains(&c.category) {
                            shared_before += c.amount;
                            line.amount = c.amount * (Decimal::ONE - self.shared_reduction);
                        }
                        b.cost(line)?;
                    }
                }
                None => cost_before = None,
            }
            if all_revenues && let Some(rs) = &ds.revenues {
                for r in rs {
                    b.revenue(crate::model::RevenueLine {
                        row: 0,
                        ..r.clone()
                    })?;
                }
            }
        }
        if !all_costs {
            notes.push(Text {
                en: "a part has no Costs sheet: the merged service's costs are not available"
                    .into(),
                cs: "některá část nemá list Náklady: náklady sloučené služby nejsou k dispozici"
                    .into(),
            });
        }
        if !all_revenues {
            notes.push(Text {
                en: "a part has no Revenues sheet: the merged service's revenues are not available"
                    .into(),
                cs: "některá část nemá list Výnosy: výnosy sloučené služby nejsou k dispozici"
                    .into(),
            });
        }
        notes.push(Text {
            en: "price lists are not merged: off-price checks do not run on the merged service"
                .into(),
            cs: "ceníky se neslučují: kontrola úhrad podle ceníku u sloučené služby neproběhne"
                .into(),
        });
        let saving = shared_before * self.shared_reduction;
        let summary = MergeSummary {
            parts: parts.iter().map(|d| d.provider.name.clone()).collect(),
            shared_reduction: self.shared_reduction,
            shared_categories: self
                .shared_categories
                .iter()
                .map(|c| c.code().to_string())
                .collect(),
            shared_before,
            saving,
            cost_before,
            notes,
        };
        Ok((b.build(), summary))
    }
}
