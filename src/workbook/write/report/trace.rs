//! How each indicator is recomputed in the report: its numerator,
//! denominator or value as a formula over the report's own detail sheets.
//!
//! The formulas mirror the audit's code (docs/indicators.md); the library's
//! exact values are cached in the cells, and the LibreOffice recalculation
//! test checks that the two agree. A part without a formula here is written
//! as the library's number with a note saying where it comes from.

use rust_decimal::Decimal;

use super::cell::{Rows, lit};
use super::clients::{self as cl, degree_label};
use super::costs::{self, group_label, source_label};
use super::findings as fd;
use super::months as mo;
use super::sheet::yes_no;
use super::workers as wk;
use crate::audit::{Finding, Indicator};
use crate::i18n::{Lang, Text};
use crate::indicator::FindingKind;
use crate::model::{CostGroup, RevenueSource};

/// Everything a formula may refer to.
pub(super) struct Refs<'a> {
    pub lang: Lang,
    pub workers: Rows,
    pub clients: Rows,
    pub months: Rows,
    pub findings: Rows,
    pub costs: Option<Rows>,
    pub revenues: Option<Rows>,
    /// The cell holding 365 / days in the period.
    pub annual: String,
    /// User fees come from `Výnosy` (source `uhrady`), not from the rows.
    pub fees_from_revenues: bool,
    /// The findings as listed (for the part of a count not listed).
    pub listed: &'a [Finding],
    /// A report fit for publication: its detail sheets hold distributions,
    /// not the rows a formula would sum, so every value is a number.
    pub public: bool,
    /// The `finance.*` (and capacity) indicators' cells on `Financování`.
    pub finance: std::collections::BTreeMap<&'static str, String>,
    /// The `reach.*` indicators' cells on `Dosah`.
    pub reach: std::collections::BTreeMap<&'static str, String>,
}

/// The formulas of one indicator (without the leading `=`). In `value`,
/// `{@num}` is this row's numerator cell and `{id}` another indicator's
/// value cell.
#[derive(Default)]
pub(super) struct Trace {
    pub numerator: Option<String>,
    pub denominator: Option<String>,
    pub value: Option<String>,
    /// Where a constant part comes from.
    pub note: Option<Text>,
}

impl Refs<'_> {
    fn yes(&self) -> String {
        lit(yes_no(true, self.lang))
    }
    fn no(&self) -> String {
        lit(yes_no(false, self.lang))
    }
    fn direct(&self) -> String {
        format!("SUM({})", self.months.col(mo::DIRECT))
    }
    fn travel(&self) -> String {
        format!("SUM({})", self.months.col(mo::TRAVEL))
    }
    fn client_months(&self) -> String {
        format!("SUM({})", self.months.col(mo::CLIENTS))
    }
    fn served(&self) -> String {
        format!("COUNTIF({},{})", self.clients.col(cl::SERVED), self.yes())
    }
    fn fte(&self) -> String {
        format!("SUM({})", self.workers.col(wk::AVERAGE_FTE))
    }
    /// Σ of a worker column over one role.
    fn role_sum(&self, role: &str, col: u16) -> String {
        format!(
            "SUMIF({},{},{})",
            self.workers.col(wk::ROLE),
            lit(role),
            self.workers.col(col)
        )
    }
    fn cost_total(&self) -> Option<String> {
        self.costs
            .as_ref()
            .map(|c| format!("SUM({})", c.col(costs::AMOUNT)))
    }
    fn revenue_of(&self, sources: &[RevenueSource]) -> Option<String> {
        let r = self.revenues.as_ref()?;
        let parts: Vec<String> = sources
            .iter()
            .map(|s| {
                format!(
                    "SUMIF({},{},{})",
                    r.col(costs::SOURCE),
                    lit(source_label(*s, self.lang)),
                    r.col(costs::REVENUE)
                )
            })
            .collect();
        Some(parts.join("+"))
    }
    /// Served clients of some degrees, or hours to them.
    fn degree_clients(&self, label: &str) -> String {
        format!(
            "COUNTIFS({},{},{},{})",
            self.clients.col(cl::DEGREE),
            lit(label),
            self.clients.col(cl::SERVED),
            self.yes()
        )
    }
    fn degree_hours(&self, label: &str) -> String {
        format!(
            "SUMIF({},{},{})",
            self.clients.col(cl::DEGREE),
            lit(label),
            self.clients.col(cl::DIRECT)
        )
    }
    /// Served clients with a flag column equal to `value`.
    fn served_with(&self, col: u16, value: &str) -> String {
        format!(
            "COUNTIFS({},{},{},{})",
            self.clients.col(cl::SERVED),
            self.yes(),
            self.clients.col(col),
            value
        )
    }
    /// A count or sum over the listed findings of a kind, plus the part
    /// not listed (a constant, with a note).
    fn findings(&self, kind: FindingKind, total: Option<Decimal>, amounts: bool) -> Trace {
        let listed = &self.listed[..(self.findings.count as usize).min(self.listed.len())];
        let of_kind = listed.iter().filter(|f| f.kind == kind);
        let shown: Decimal = if amounts {
            of_kind.filter_map(|f| f.amount).sum()
        } else {
            Decimal::from(of_kind.count() as u64)
        };
        let base = if amounts {
            format!(
                "SUMIF({},{},{})",
                self.findings.col(fd::KIND),
                lit(kind.id()),
                self.findings.col(fd::AMOUNT)
            )
        } else {
            format!(
                "COUNTIF({},{})",
                self.findings.col(fd::KIND),
                lit(kind.id())
            )
        };
        let rest = total.map_or(Decimal::ZERO, |t| t - shown);
        if rest.is_zero() {
            return Trace {
                value: Some(base),
                ..Trace::default()
            };
        }
        let r = rest.normalize();
        Trace {
            value: Some(format!("{base}+{r}")),
            note: Some(Text {
                cs: format!("+ {r} za nálezy nad limit výpisu"),
                en: format!("+ {r} for findings beyond the listing limit"),
            }),
            ..Trace::default()
        }
    }
}

fn ratio(n: String, d: String) -> Trace {
    Trace {
        numerator: Some(n),
        denominator: Some(d),
        ..Trace::default()
    }
}

/// The formulas of an indicator.
pub(super) fn trace(ind: &Indicator, r: &Refs<'_>) -> Trace {
    if r.public {
        return Trace::default();
    }
    let id = ind.id.as_str();
    if let Some(cell) = r.finance.get(id).or_else(|| r.reach.get(id)) {
        return Trace {
            value: Some(cell.clone()),
            ..Trace::default()
        };
    }
    if let Some(role) = id.strip_prefix("staff.fte.") {
        return Trace {
            value: Some(r.role_sum(role, wk::AVERAGE_FTE)),
            ..Trace::default()
        };
    }
    if let Some(d) = id.strip_prefix("target.clients_by_degree.") {
        return ratio(r.degree_clients(degree_label(d, r.lang)), r.served());
    }
    if let Some(d) = id.strip_prefix("target.hours_by_degree.") {
        return ratio(r.degree_hours(degree_label(d, r.lang)), r.direct());
    }
    if let Some(k) = id.strip_prefix("integrity.findings.")
        && let Some(kind) = FindingKind::INTEGRITY.iter().find(|x| x.id() == k)
    {
        return r.findings(*kind, ind.value, false);
    }
    match id.split('.').next() {
        Some("cost" | "revenue" | "result") => money(id, r),
        Some("fees") => fees(ind, r),
        Some("staff") => staff(id, r),
        Some("target") => target(id, r),
        _ => Trace::default(),
    }
}

/// Costs, revenues and the balance: over the `Náklady` and `Výnosy` sheets.
fn money(id: &str, r: &Refs<'_>) -> Trace {
    let annual = &r.annual;
    let cost = r.cost_total();
    let with_cost = |f: &dyn Fn(String) -> Trace| cost.clone().map(f).unwrap_or_default();
    match id {
        "cost.total" => Trace {
            value: cost,
            ..Trace::default()
        },
        "cost.personnel_share" => with_cost(&|c| {
            let costs = r.costs.as_ref().map(|c| {
                format!(
                    "SUMIF({},{},{})",
                    c.col(costs::GROUP),
                    lit(group_label(CostGroup::Personnel, r.lang)),
                    c.col(costs::AMOUNT)
                )
            });
            Trace {
                numerator: costs,
                denominator: Some(c),
                ..Trace::default()
            }
        }),
        "cost.per_direct_hour" => with_cost(&|c| ratio(c, r.direct())),
        "cost.per_worked_hour" => {
            with_cost(&|c| ratio(c, format!("SUM({})", r.months.col(mo::WORKED))))
        }
        "cost.per_fte" => with_cost(&|c| ratio(format!("{c}*{annual}"), r.fte())),
        "cost.per_client" => with_cost(&|c| ratio(format!("{c}*{annual}"), r.served())),
        "cost.per_client_month" => with_cost(&|c| ratio(c, r.client_months())),
        "revenue.fee_share" => with_cost(&|c| {
            let fees = if r.fees_from_revenues {
                r.revenue_of(&[RevenueSource::UserFees])
            } else {
                Some(format!("SUM({})", r.months.col(mo::FEES)))
            };
            Trace {
                numerator: fees,
                denominator: Some(c),
                ..Trace::default()
            }
        }),
        "revenue.public_share" => with_cost(&|c| Trace {
            numerator: r.revenue_of(
                &RevenueSource::ALL
                    .into_iter()
                    .filter(|s| s.is_public())
                    .collect::<Vec<_>>(),
            ),
            denominator: Some(c),
            ..Trace::default()
        }),
        "result.balance" => match (&r.revenues, &cost) {
            (Some(rev), Some(c)) => Trace {
                numerator: Some(format!("SUM({})", rev.col(costs::REVENUE))),
                value: Some(format!("{{@num}}-{c}")),
                ..Trace::default()
            },
            _ => Trace::default(),
        },
        "cost.unfunded_per_hour" => Trace {
            value: Some("{cost.per_direct_hour}-{fees.per_direct_hour}".into()),
            ..Trace::default()
        },
        _ => Trace::default(),
    }
}

/// Fees: over the months, or the findings row by row.
fn fees(ind: &Indicator, r: &Refs<'_>) -> Trace {
    match ind.id.as_str() {
        "fees.per_direct_hour" => ratio(
            format!("SUM({})", r.months.col(mo::HOURLY_FEES)),
            format!("SUM({})", r.months.col(mo::HOURLY)),
        ),
        "fees.cap_use" => Trace {
            note: Some(Text::new(
                "čitatel a jmenovatel: úhrady a limity řádek po řádku z Výkazů",
                "numerator and denominator: fees and caps row by row from the timesheet",
            )),
            ..Trace::default()
        },
        "fees.rows_over_cap" => r.findings(FindingKind::FeeOverCap, ind.value, false),
        "fees.excess_total" => r.findings(FindingKind::FeeOverCap, ind.value, true),
        "fees.exempt_charged" => r.findings(FindingKind::FeeExempt, ind.value, true),
        "fees.rows_off_price" => r.findings(FindingKind::FeeOffPrice, ind.value, false),
        _ => Trace::default(),
    }
}

/// Staff: over the workers, months and the clients served.
fn staff(id: &str, r: &Refs<'_>) -> Trace {
    let pss = |col| r.role_sum("PSS", col);
    let annual = &r.annual;
    match id {
        "staff.fte_total" => Trace {
            value: Some(r.fte()),
            ..Trace::default()
        },
        "staff.direct_fte_share" => ratio(pss(wk::AVERAGE_FTE), r.fte()),
        "staff.utilization" => ratio(pss(wk::DIRECT), pss(wk::AVAILABLE)),
        "staff.travel_share" => ratio(r.travel(), format!("{}+{}", r.direct(), r.travel())),
        "staff.direct_hours_per_fte" => ratio(
            format!("{}*{annual}", pss(wk::DIRECT)),
            pss(wk::AVERAGE_FTE),
        ),
        "staff.clients_per_direct_fte" => ratio(r.served(), pss(wk::AVERAGE_FTE)),
        "staff.clients_per_social_worker" => ratio(r.served(), r.role_sum("SP", wk::AVERAGE_FTE)),
        "staff.required_fte" => ratio(
            format!("{}+{}", pss(wk::DIRECT), pss(wk::TRAVEL)),
            format!("{}/{}", pss(wk::PRODUCTIVE), pss(wk::AVERAGE_FTE)),
        ),
        "staff.adequacy" => ratio(
            pss(wk::PRODUCTIVE),
            format!("{}+{}", pss(wk::DIRECT), pss(wk::TRAVEL)),
        ),
        "staff.training_compliance" => {
            let met = r.workers.col(wk::TRAINING_MET);
            ratio(
                format!("COUNTIF({met},{})", r.yes()),
                format!("COUNTIF({met},{})+COUNTIF({met},{})", r.yes(), r.no()),
            )
        }
        "staff.out_of_hours_share" => ratio(
            format!("SUM({})", r.months.col(mo::OUT_OF_HOURS)),
            r.direct(),
        ),
        "staff.continuity" => ratio(
            format!("SUM({})", r.months.col(mo::CLIENT_WORKERS)),
            r.client_months(),
        ),
        "staff.mean_visit_minutes" => ratio(
            format!("{}*60", r.direct()),
            format!("SUM({})", r.months.col(mo::CONTACTS)),
        ),
        _ => Trace::default(),
    }
}

/// Targeting: over the clients and the months.
fn target(id: &str, r: &Refs<'_>) -> Trace {
    let group_hours = |gs: &[u16]| {
        gs.iter()
            .map(|g| format!("SUM({})", r.clients.col(cl::GROUPS + g)))
            .collect::<Vec<_>>()
            .join("+")
    };
    let known = |col: u16| {
        format!(
            "{}+{}",
            r.served_with(col, &r.yes()),
            r.served_with(col, &r.no())
        )
    };
    match id {
        "target.high_dependency_share" => ratio(
            ["II", "III", "IV"]
                .iter()
                .map(|d| r.degree_hours(degree_label(d, r.lang)))
                .collect::<Vec<_>>()
                .join("+"),
            r.direct(),
        ),
        "target.personal_care_share" => ratio(group_hours(&[0, 1]), r.direct()),
        "target.meal_share" => ratio(group_hours(&[2]), r.direct()),
        "target.household_share" => ratio(group_hours(&[3]), r.direct()),
        "target.contact_share" => ratio(group_hours(&[4]), r.direct()),
        "target.meal_only_share" => ratio(r.served_with(cl::MEAL_ONLY, &r.yes()), r.served()),
        "target.at_risk_share" => ratio(r.served_with(cl::AT_RISK, &r.yes()), known(cl::AT_RISK)),
        "target.lives_alone_share" => ratio(
            r.served_with(cl::LIVES_ALONE, &r.yes()),
            known(cl::LIVES_ALONE),
        ),
        "target.age80_share" => ratio(
            r.served_with(cl::AGE, "\">=80\""),
            format!(
                "SUMPRODUCT(({}={})*ISNUMBER({}))",
                r.clients.col(cl::SERVED),
                r.yes(),
                r.clients.col(cl::AGE)
            ),
        ),
        "target.hours_per_client_month" => ratio(r.direct(), r.client_months()),
        "target.clients_over_80h" => Trace {
            value: Some(format!("SUM({})", r.months.col(mo::OVER_80H))),
            ..Trace::default()
        },
        _ => Trace::default(),
    }
}
