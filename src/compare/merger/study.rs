//! The study: the four effects, and the merged service's indicators before
//! and after them beside each former service's.
//!
//! "After" is the merged records with the effects that change records
//! applied: each client visit's fee moves by the modelled change (recorded
//! fee + after − before, never below 0) and the merged list becomes the
//! price list; the fee revenue moves by the same change; the management
//! roles move to the stated FTE (today's workers scaled down, or new posts
//! added) with the cost change as a personnel cost line; each visit's
//! travel moves by the table's change (never below 0). The staff effect is
//! a planning figure (FTE needed) and changes no record.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::effect::MergerEffect;
use super::management::{self, ManagementEffect};
use super::merge::{MergeSummary, Merged};
use super::prices::{self, PriceEffect};
use super::shared::{self, SharedCostEffect};
use super::staff::{self, StaffEffect};
use super::travel::{self, TravelEffect};
use super::{Assumption, AssumptionCells, Merger};
use crate::audit::AuditReport;
use crate::error::{Error, ErrorKind};
use crate::i18n::Text;
use crate::law::LawTables;
use crate::model::{
    CostCategory, CostGroup, CostLine, Dataset, Price, RevenueLine, RevenueSource, Worker,
};

/// One column of the study's indicator table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorColumn {
    /// A former service's name, or the merged service's.
    pub name: String,
    /// `part`, `merged_before` or `merged_after`.
    pub kind: &'static str,
    /// Every indicator by id (`None`: not available).
    pub values: BTreeMap<String, Option<Decimal>>,
}

/// A merger study.
#[derive(Clone, Debug, Serialize)]
pub struct MergerStudy {
    /// The former services, in order (ids in the merged service carry
    /// `1:`, `2:`, …).
    pub parts: Vec<String>,
    /// What the council stated, each with its source.
    pub assumptions: Vec<Assumption>,
    /// The merger workbook's rows: counted per sheet, each rejected one
    /// with its place, value, reason and the assumption it was meant to
    /// state.
    pub cells: AssumptionCells,
    /// How the records were merged (shared-management saving, notes).
    pub merge: MergeSummary,
    /// One price list.
    pub prices: MergerEffect<PriceEffect>,
    /// One pool of care workers.
    pub staff: MergerEffect<StaffEffect>,
    /// One management.
    pub management: MergerEffect<ManagementEffect>,
    /// Travel across towns.
    pub travel: MergerEffect<TravelEffect>,
    /// The stated saving on shared management costs.
    pub shared_costs: MergerEffect<SharedCostEffect>,
    /// What "after" applies.
    pub after_notes: Vec<Text>,
    /// The indicators: each former service, the merged service before the
    /// effects, and after.
    pub indicators: Vec<IndicatorColumn>,
    /// The merged service's audit before the effects.
    #[serde(skip)]
    pub before: AuditReport,
    /// After.
    #[serde(skip)]
    pub after: AuditReport,
}

fn column(report: &AuditReport, kind: &'static str) -> IndicatorColumn {
    IndicatorColumn {
        name: report.provider.name.clone(),
        kind,
        values: report
            .indicators
            .iter()
            .map(|(id, i)| (id.clone(), i.value))
            .collect(),
    }
}

impl Merger {
    /// Studies the merger of `parts` (each with its audit): merges them,
    /// works out the effects, and audits the merged service before and
    /// after them with `audit` (which states the law and benchmarks).
    /// `law` gives the fee caps and leave for the effects. An effect whose
    /// assumption cell was rejected ([`Merger::cells`]) is not available,
    /// with the cell's place and reason.
    ///
    /// ```
    /// use homecare_audit::{Audit, compare::Merger, law::LawTables, synth::Synth};
    /// let a = Synth::new(1, 600).dataset();
    /// let b = Synth::new(2, 900).dataset();
    /// let (ra, rb) = (Audit::new(&a).run(), Audit::new(&b).run());
    /// let law = LawTables::built_in();
    /// let study = Merger::default().study(&[(&a, &ra), (&b, &rb)], &law, |ds| {
    ///     Audit::new(ds).law(&law).run()
    /// })?;
    /// assert!(study.prices.worked().is_some());
    /// // No structure stated: the management effect says why it is missing.
    /// assert!(study.management.reason().is_some());
    /// assert_eq!(study.indicators.len(), 4); // two parts, before, after
    /// // A merger of one service is no merger.
    /// let one = Merger::default().study(&[(&a, &ra)], &law, |ds| Audit::new(ds).run());
    /// assert!(one.is_err());
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Usage`] for fewer than two services; as
    /// [`Merger::merge`].
    pub fn study(
        &self,
        parts: &[(&Dataset, &AuditReport)],
        law: &LawTables,
        audit: impl Fn(&Dataset) -> AuditReport,
    ) -> Result<MergerStudy, Error> {
        if parts.len() < 2 {
            return Err(Error::new(ErrorKind::Usage {
                reason: Text::new(
                    "sloučení potřebuje aspoň dvě různé služby",
                    "a merger needs at least two different services",
                ),
            }));
        }
        let datasets: Vec<&Dataset> = parts.iter().map(|p| p.0).collect();
        let merged = self.merge_parts(&datasets)?;
        let n = merged.dataset.visits.len();
        // A rejected assumption cell leaves its effect not available (its
        // default never stands in without a word).
        let rejected = |ids: &[&str]| self.cells.rejected_for(ids).map(|c| c.why_not_available());
        let priced = match rejected(&["price_rule"]) {
            Some(why) => prices::Priced::none(why, n),
            None => prices::effect(self, &datasets, &merged, law),
        };
        let staff = match rejected(&["target_utilisation", "staffing_basis"]) {
            Some(why) => MergerEffect::NotAvailable(why),
            None => staff::effect(self, &datasets, &merged, law),
        };
        let management = match rejected(&["management"]) {
            Some(why) => MergerEffect::NotAvailable(why),
            None => management::effect(self, &datasets, &merged),
        };
        let travelled = match rejected(&["roster", "distances"]) {
            Some(why) => travel::Travelled::none(why, n),
            None => travel::effect(self, &datasets, &merged),
        };
        let shared_costs = match rejected(&["shared_reduction"]) {
            Some(why) => MergerEffect::NotAvailable(why),
            None => shared::effect(self, &datasets),
        };
        let before = audit(&merged.dataset);
        let effects = Effects {
            priced: &priced,
            management: &management,
            travelled: &travelled,
            shared: &shared_costs,
        };
        let (after_ds, after_notes) = after(&merged, &effects);
        let mut after_report = audit(&after_ds);
        after_report.provider.name =
            format!("{} (po sloučení / after)", merged.dataset.provider.name);
        let mut indicators: Vec<IndicatorColumn> =
            parts.iter().map(|(_, r)| column(r, "part")).collect();
        indicators.push(column(&before, "merged_before"));
        indicators.push(column(&after_report, "merged_after"));
        Ok(MergerStudy {
            parts: datasets.iter().map(|d| d.provider.name.clone()).collect(),
            assumptions: self.assumptions(),
            cells: self.cells.clone(),
            merge: merged.summary.clone(),
            prices: priced.effect,
            staff,
            management,
            travel: travelled.effect,
            shared_costs,
            after_notes,
            indicators,
            before,
            after: after_report,
        })
    }
}

/// The effects that change records.
struct Effects<'a> {
    priced: &'a prices::Priced,
    management: &'a MergerEffect<ManagementEffect>,
    travelled: &'a travel::Travelled,
    shared: &'a MergerEffect<SharedCostEffect>,
}

/// The merged records with the effects that change records applied.
fn after(m: &Merged, e: &Effects<'_>) -> (Dataset, Vec<Text>) {
    let (priced, management, travelled) = (e.priced, e.management, e.travelled);
    let mut ds = m.dataset.clone();
    let mut notes = Vec::new();
    if let MergerEffect::Worked(p) = &priced.effect {
        for (i, v) in ds.visits.iter_mut().enumerate() {
            if let (Some(b), Some(a)) = (priced.before[i], priced.after[i]) {
                let fee = v.fee.unwrap_or(Decimal::ZERO) + a - b;
                v.fee = Some(fee.max(Decimal::ZERO));
            }
        }
        ds.prices = prices::list_prices(p, &ds)
            .into_iter()
            .map(|(task, price)| Price {
                task,
                price,
                valid_from: None,
                row: 0,
            })
            .collect();
        if let Some(r) = &mut ds.revenues {
            r.push(RevenueLine {
                source: RevenueSource::UserFees,
                amount: p.change,
                row: 0,
            });
        }
        notes.push(Text::new(
            "úhrady: každá návštěva o modelovanou změnu, ceník sloučené služby, výnos z úhrad o součet změn",
            "fees: each visit by its modelled change, the merged price list, fee revenue by the sum of changes",
        ));
    }
    if let MergerEffect::Worked(me) = management {
        for line in me.lines.iter().filter(|l| l.stated) {
            scale_role(&mut ds, line);
        }
        if let (Some(costs), Some(saving)) = (&mut ds.costs, me.saving) {
            costs.push(CostLine {
                category: CostCategory::Wages,
                group: CostGroup::Personnel,
                amount: -saving,
                note: Some("sloučení: struktura řízení / merger: management structure".into()),
                account: None,
                eligible: None,
                row: 0,
            });
        }
        notes.push(Text::new(
            "řízení: úvazky zadaných rolí podle struktury, osobní náklady o rozdíl",
            "management: the stated roles' FTE as structured, personnel costs by the difference",
        ));
    }
    if let (MergerEffect::Worked(sc), Some(costs)) = (e.shared, &mut ds.costs)
        && !sc.saving.is_zero()
    {
        // Each shared line less the stated share, in its own category:
        // Σ (amount × share) is the effect's saving exactly.
        let reduced: Vec<CostLine> = costs
            .iter()
            .filter(|c| sc.categories.iter().any(|k| k == c.category.code()))
            .map(|c| CostLine {
                amount: -(c.amount * sc.reduction),
                note: Some(
                    "sloučení: úspora sdílených nákladů / merger: shared-cost saving".into(),
                ),
                row: 0,
                ..c.clone()
            })
            .collect();
        costs.extend(reduced);
        notes.push(Text::new(
            "sdílené náklady: každá položka sdílených kategorií o stanovený podíl",
            "shared costs: each line of the shared categories less the stated share",
        ));
    }
    if travelled.effect.worked().is_some() {
        for (v, d) in ds.visits.iter_mut().zip(&travelled.delta) {
            v.travel = travel::moved(v.travel, *d);
        }
        notes.push(Text::new(
            "cesty: čas cesty každé návštěvy o rozdíl podle tabulky vzdáleností, nejvýše na 0",
            "travel: each visit's travel by the distance table's change, never below 0",
        ));
    }
    notes.push(Text::new(
        "pečovatelé: potřeba úvazků je plánovací údaj, záznamy nemění",
        "care workers: the FTE needed is a planning figure and changes no record",
    ));
    (ds, notes)
}

/// A stated management role at its FTE: today's workers scaled down, or
/// new posts (of at most one FTE each) added for the rest.
fn scale_role(ds: &mut Dataset, line: &super::ManagementLine) {
    if line.fte_after < line.fte_today && line.fte_today > Decimal::ZERO {
        // Multiplied before divided: the scaled posts add up to the stated
        // FTE exactly where the quotient does not terminate (1 and 0.5 to 1).
        let scale = |x: Decimal| x * line.fte_after / line.fte_today;
        for w in ds.workers.iter_mut().filter(|w| w.role == line.role) {
            w.fte = scale(w.fte);
            w.personnel_cost = w.personnel_cost.map(scale);
        }
        return;
    }
    let mut rest = line.fte_after - line.fte_today;
    let mut n = 0;
    while rest > Decimal::ZERO {
        n += 1;
        let fte = rest.min(Decimal::ONE);
        let mut w = Worker::new(format!("S:{}{n}", line.role.code()), line.role, fte);
        w.personnel_cost = line.cost_per_fte.map(|c| c * fte);
        ds.workers.push(w);
        rest -= fte;
    }
}
