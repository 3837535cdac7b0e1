//! Several providers' records joined into one merged service.
//!
//! Ids are kept apart per provider (`2:K001` is client `K001` of the second
//! provider); the task catalogues are joined by code (a provider's own code
//! that means something else elsewhere is kept apart the same way); the
//! period is the union of the periods. Costs and revenues are summed, every
//! line kept with its service's name: the merged records are the services
//! together and nothing else (the saving a merger is expected to bring on
//! shared management is the study's shared-costs effect, with its amount).
//! Price lists are not merged here (they differ per provider), so
//! off-price checks do not run on the merged service; the study's price
//! effect sets one list.

use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::i18n::Text;

use super::Merger;
use crate::model::{CostLine, Dataset, DatasetBuilder, Provider, Task, TaskId, TimeKind, Visit};
use crate::period::Period;

/// What a merger did, for the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergeSummary {
    /// The merged providers, in order (their ids carry `1:`, `2:`, …).
    pub parts: Vec<String>,
    /// Total cost of the parts, the merged service's (`None` when a part
    /// has no costs).
    pub cost_before: Option<Decimal>,
    /// Notes on what was not merged.
    pub notes: Vec<Text>,
}

/// Where each part's records are in the merged dataset.
#[derive(Clone, Debug)]
pub(crate) struct PartSpan {
    /// Its visits (appended part by part).
    pub visits: Range<usize>,
    /// Its task ids, by the part's own task index.
    pub tasks: Vec<TaskId>,
}

/// A merged dataset with where each part went.
pub(crate) struct Merged {
    pub dataset: Dataset,
    pub summary: MergeSummary,
    pub spans: Vec<PartSpan>,
}

impl Merged {
    /// The visits every effect models: a client's, with a statutory or
    /// optional task, in its own service's period; as (part, merged visit
    /// index), part by part.
    pub(crate) fn client_visits<'a>(
        &'a self,
        parts: &'a [&Dataset],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let ds = &self.dataset;
        parts
            .iter()
            .zip(&self.spans)
            .enumerate()
            .filter_map(|(pi, (part, span))| part.period().map(|p| (pi, p, span)))
            .flat_map(move |(pi, period, span)| {
                span.visits.clone().filter_map(move |i| {
                    let v = &ds.visits[i];
                    let kind = ds.task(v.task).kind.time_kind();
                    (v.client.is_some()
                        && period.contains(v.date)
                        && matches!(kind, TimeKind::Direct | TimeKind::Optional))
                    .then_some((pi, i))
                })
            })
    }
}

impl Merger {
    /// Merges `parts` into one dataset.
    ///
    /// ```
    /// use homecare_audit::{compare::Merger, synth::Synth};
    /// use rust_decimal::Decimal;
    /// let a = Synth::new(1, 300).dataset();
    /// let b = Synth::new(2, 500).dataset();
    /// let (merged, summary) = Merger::default().merge(&[&a, &b])?;
    /// assert_eq!(merged.visits.len(), a.visits.len() + b.visits.len());
    /// assert_eq!(merged.clients.len(), a.clients.len() + b.clients.len());
    /// // The costs are the services' together, nothing saved yet.
    /// let sum = |d: &homecare_audit::Dataset| -> Decimal {
    ///     d.costs.iter().flatten().map(|c| c.amount).sum()
    /// };
    /// assert_eq!(summary.cost_before, Some(sum(&a) + sum(&b)));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Invalid`] when a record of a part breaks the
    /// dataset's rules (a part built outside the library's validation).
    pub fn merge(&self, parts: &[&Dataset]) -> Result<(Dataset, MergeSummary), Error> {
        let m = self.merge_parts(parts)?;
        Ok((m.dataset, m.summary))
    }

    /// As [`Merger::merge`], with where each part went.
    pub(crate) fn merge_parts(&self, parts: &[&Dataset]) -> Result<Merged, Error> {
        let mut b = DatasetBuilder::new();
        b.provider(self.merged_provider(parts));
        let mut spans = Vec::with_capacity(parts.len());
        // Visits added so far (each part adds all of its own).
        let mut count = 0usize;
        for (pi, ds) in parts.iter().enumerate() {
            let tasks = add_records(&mut b, pi, ds)?;
            spans.push(PartSpan {
                visits: count..count + ds.visits.len(),
                tasks,
            });
            count += ds.visits.len();
        }
        let summary = self.add_finances(&mut b, parts)?;
        Ok(Merged {
            dataset: b.build(),
            summary,
            spans,
        })
    }

    /// The merged provider: the union of the periods, the region all parts
    /// share, the first part's working time.
    fn merged_provider(&self, parts: &[&Dataset]) -> Provider {
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
        provider
    }

    /// Costs and revenues, when every part has them; the summary of what
    /// was done.
    fn add_finances(
        &self,
        b: &mut DatasetBuilder,
        parts: &[&Dataset],
    ) -> Result<MergeSummary, Error> {
        let mut notes = Vec::new();
        let mut cost_before = Some(Decimal::ZERO);
        let all_costs = parts.iter().all(|d| d.costs.is_some());
        let all_revenues = parts.iter().all(|d| d.revenues.is_some());
        for ds in parts {
            match &ds.costs {
                Some(costs) => {
                    for c in costs {
                        cost_before = cost_before.map(|t| t + c.amount);
                        if !all_costs {
                            continue;
                        }
                        b.cost(CostLine {
                            note: Some(ds.provider.name.clone()),
                            row: 0,
                            ..c.clone()
                        })?;
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
            notes.push(Text::new(
                "některá část nemá list Náklady: náklady sloučené služby nejsou k dispozici",
                "a part has no Costs sheet: the merged service's costs are not available",
            ));
        }
        if !all_revenues {
            notes.push(Text::new(
                "některá část nemá list Výnosy: výnosy sloučené služby nejsou k dispozici",
                "a part has no Revenues sheet: the merged service's revenues are not available",
            ));
        }
        notes.push(Text::new(
            "ceníky se do záznamů sloučené služby neslučují: kontrola úhrad podle ceníku u ní neproběhne (jeden ceník nastaví až účinek na úhrady ve studii)",
            "price lists are not merged into the merged service's records: off-price checks do not run on it (the study's price effect sets one list)",
        ));
        Ok(MergeSummary {
            parts: parts.iter().map(|d| d.provider.name.clone()).collect(),
            cost_before,
            notes,
        })
    }
}

/// A part's workers, clients, tasks and visits, their ids tagged with the
/// part's number (`2:K001`); the merged id of each of the part's tasks.
fn add_records(b: &mut DatasetBuilder, pi: usize, ds: &Dataset) -> Result<Vec<TaskId>, Error> {
    let tag = |id: &str| format!("{}:{id}", pi + 1);
    // A part without a list leaves the merged service without it.
    for list in ds.absent_lists.iter() {
        b.without_list(*list);
    }
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
    Ok(tasks)
}
