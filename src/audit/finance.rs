//! Public money against the service (docs/indicators.md, "Financing"):
//! the compensation a region pays out of the state grant, its own money
//! and the municipalities', against the service's net cost; what the state
//! grant may not pay; the figures per unit of capacity; and, where the
//! auditor gives a region's method (`Financování`), the optimal
//! compensation by it.
//!
//! Every figure is "not available" with its reason when an input is
//! missing (no `Výnosy`, no capacity, no method): a region's parameters
//! are never invented (docs/domain.md §4a: none is published).

use rust_decimal::Decimal;
use serde::Serialize;

use super::base::{Base, na};
use super::findings::{Detail, Findings};
use super::report::{FindingKind, Indicator, Unit};
use crate::i18n::Text;
use crate::law::eligibility::rule_for;
use crate::model::{CostLine, FinancingKey, FinancingParam, RevenueSource, financing_for};

const NO_REVENUES: (&str, &str) = ("chybí list Výnosy", "no Revenues sheet (Výnosy) was given");
const NO_COSTS: (&str, &str) = ("chybí list Náklady", "no Costs sheet (Náklady) was given");
const NO_NETWORK: (&str, &str) = (
    "Poskytovatel neuvádí Kapacita v síti (úvazky)",
    "Poskytovatel gives no Network capacity (FTE)",
);
const NO_METHOD: (&str, &str) = (
    "parametry kraje nejsou zadány (list Financování)",
    "the region's parameters are not given (a Financování sheet)",
);

/// One source of money and its amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceAmount {
    /// The source.
    pub source: RevenueSource,
    /// Σ of its `Výnosy` lines (user fees: as `revenue.fee_share` takes
    /// them, the rows' fees when `Výnosy` has none).
    pub amount: Decimal,
    /// Public money (part of the compensation), else own revenue.
    pub public: bool,
}

/// A cost the state grant may not pay, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IneligibleCost {
    /// The cost category's code.
    pub category: String,
    /// The account, when the cost came from the accounts.
    pub account: Option<String>,
    /// The amount.
    pub amount: Decimal,
    /// Why: the rule's words and provision, or the auditor's `Uznatelné:
    /// ne`.
    pub why: Text,
    /// The rule's source (the auditor's cell for `Uznatelné: ne`).
    pub source: String,
    /// The `Náklady` row (0: from the accounts or built in code).
    pub row: u32,
}

/// A step of a calculation as the report explains it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What it is.
    pub label: Text,
    /// Its amount.
    pub amount: Decimal,
}

/// The region's method as applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MethodApplied {
    /// The parameters used, each with its source and cell.
    pub parameters: Vec<FinancingParam>,
    /// The steps: the normative cost of the network capacity over the
    /// period, the expected own revenue, the optimal compensation, the
    /// public money received and the difference; the municipalities'
    /// expected part beside what they paid, where the share is given.
    pub steps: Vec<Step>,
}

/// Public money against the service, in detail (the report's
/// `Financování` sheet and the JSON's `finance`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FinanceDetail {
    /// Money by source, when `Výnosy` was given.
    pub by_source: Vec<SourceAmount>,
    /// The user fees are the timesheet rows' (`Výnosy` gives none).
    pub fees_from_rows: bool,
    /// The reasonable profit taken (Kč over the period) and where from.
    pub reasonable_profit: Option<Step>,
    /// Costs the state grant may not pay, line by line.
    pub ineligible: Vec<IneligibleCost>,
    /// The state grant at risk, step by step.
    pub grant_steps: Vec<Step>,
    /// The region's method, when a `Financování` sheet applies.
    pub method: Option<MethodApplied>,
    /// The network capacity (FTE) and the registered capacity (clients)
    /// from `Poskytovatel`, and the busiest day's clients.
    pub network_fte: Option<Decimal>,
    /// The registered capacity, clients.
    pub capacity_clients: Option<u64>,
    /// Clients served on the busiest day.
    pub peak_day_clients: u64,
}

fn step(cs: &str, en: &str, amount: Decimal) -> Step {
    Step {
        label: Text::new(cs, en),
        amount,
    }
}

/// Why a cost line is ineligible, if it is.
fn ineligible(c: &CostLine) -> Option<(Text, String)> {
    match c.eligible {
        Some(true) => None,
        Some(false) => Some((
            Text::new("Uznatelné: ne (auditor)", "Eligible: no (the auditor)"),
            format!("Náklady, řádek {}", c.row),
        )),
        None => rule_for(c.category.code(), c.account.as_deref()).map(|r| {
            (
                Text::new(
                    format!("{} ({})", r.cs, r.provision),
                    format!("{} ({})", r.en, r.provision),
                ),
                r.source.to_string(),
            )
        }),
    }
}

/// The busiest day's distinct clients.
fn peak_day_clients(b: &Base<'_>) -> u64 {
    busiest_day(&b.ds.visits, b.period, b.ds.clients.len())
}

/// The most distinct clients of `visits` on one day of `period` (`clients`:
/// how many there are; an id at or past it, which no built dataset has, is
/// left out).
///
/// Why two ways: a (day, client) seen-set as bits costs days × clients
/// bits (a year of 17 000 clients: 0.8 MB), a sorted list of the visits'
/// (day, client) keys 8 bytes a visit (a million visits: 8 MB, at the
/// audit's memory peak). The bits are used when they take at most 8 bytes
/// a visit and the period has no more days than there are visits (their
/// per-day counts then take at most 8 bytes a visit too).
fn busiest_day(visits: &[crate::model::Visit], period: crate::Period, clients: usize) -> u64 {
    let from = period.from;
    // The day of the period (0-based) and client of each visit in it.
    let keys = visits
        .iter()
        .filter(|v| period.contains(v.date))
        .filter_map(move |v| {
            let day = u32::try_from((v.date - from).num_days()).ok()?;
            let client = v.client?.0;
            ((client as usize) < clients).then_some((day, client))
        });
    let days = usize::try_from(period.days()).unwrap_or(usize::MAX);
    let bits = days.saturating_mul(clients);
    if clients > 0 && days <= visits.len() && bits <= visits.len().saturating_mul(64) {
        peak_by_bits(keys, days, clients)
    } else {
        peak_by_sorting(keys, visits.len())
    }
}

/// [`peak_day_clients`] with a seen-bit per (day, client).
fn peak_by_bits(keys: impl Iterator<Item = (u32, u32)>, days: usize, clients: usize) -> u64 {
    let mut seen = vec![0u64; (days * clients).div_ceil(64)];
    let mut per_day = vec![0u64; days];
    for (day, client) in keys {
        let bit = day as usize * clients + client as usize;
        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
        if seen[word] & mask == 0 {
            seen[word] |= mask;
            per_day[day as usize] += 1;
        }
    }
    per_day.into_iter().max().unwrap_or(0)
}

/// [`peak_day_clients`] by sorting the keys, the day in the high half and
/// the client in the low: a day's keys are one run, duplicates adjacent.
fn peak_by_sorting(keys: impl Iterator<Item = (u32, u32)>, visits: usize) -> u64 {
    let mut pairs: Vec<u64> = Vec::with_capacity(visits);
    pairs.extend(keys.map(|(day, client)| (u64::from(day) << 32) | u64::from(client)));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .chunk_by(|x, y| x >> 32 == y >> 32)
        .map(|run| run.len() as u64)
        .max()
        .unwrap_or(0)
}

/// Money by source: every source with a line, user fees as the cost
/// family takes them.
fn by_source(b: &Base<'_>) -> Option<Vec<SourceAmount>> {
    let rs = b.ds.revenues.as_ref()?;
    let fees = super::cost::user_fees(b).unwrap_or_default();
    Some(
        RevenueSource::ALL
            .into_iter()
            .map(|source| SourceAmount {
                source,
                amount: if source == RevenueSource::UserFees {
                    fees
                } else {
                    rs.iter()
                        .filter(|r| r.source == source)
                        .map(|r| r.amount)
                        .sum()
                },
                public: source.is_public(),
            })
            .collect(),
    )
}

/// The financing indicators and their detail; an overcompensation is a
/// finding with its amount.
pub(crate) fn indicators(
    b: &Base<'_>,
    out: &mut Vec<Indicator>,
    f: &mut Findings,
) -> FinanceDetail {
    let mut d = FinanceDetail::default();
    let total = b.cost_sum(|_| true);
    let sources = by_source(b);
    d.by_source = sources.clone().unwrap_or_default();
    let sum = |keep: &dyn Fn(&SourceAmount) -> bool| {
        sources.as_ref().map(|s| {
            s.iter()
                .filter(|x| keep(x))
                .map(|x| x.amount)
                .sum::<Decimal>()
        })
    };
    let public = sum(&|s| s.public);
    let own = sum(&|s| !s.public);
    let mpsv = sum(&|s| s.source == RevenueSource::Mpsv);
    let unavailable = |id: &str, unit: Unit, why: (&str, &str)| {
        Indicator::unavailable(id, unit, na(why.0, why.1))
    };
    let money = |id: &str, v: Option<Decimal>, why: (&str, &str)| match v {
        Some(v) => Indicator::value(id, Unit::Czk, v),
        None => unavailable(id, Unit::Czk, why),
    };
    out.push(money("finance.public_funding", public, NO_REVENUES));
    out.push(money("finance.own_revenue", own, NO_REVENUES));
    let net = match (total, own) {
        (Some(t), Some(o)) => Some(t - o),
        _ => None,
    };
    let net_why = if total.is_none() {
        NO_COSTS
    } else {
        NO_REVENUES
    };
    out.push(money("finance.net_cost", net, net_why));

    // The reasonable profit: the entrustment's amount, else the region's
    // share of the net cost, else 0 (said so on the sheet).
    let method =
        b.ds.provider
            .period
            .map(|_| b.period.to)
            .or(Some(b.period.to))
            .map(|day| financing_for(&b.ds.financing, b.ds.provider.region.as_deref(), day))
            .unwrap_or_default();
    let param = |k: FinancingKey| method.iter().find(|p| p.key == k).map(|p| p.value);
    let profit = match (
        b.ds.provider.reasonable_profit,
        param(FinancingKey::ReasonableProfitShare),
        net,
    ) {
        (Some(z), _, _) => step(
            "přiměřený zisk (Poskytovatel)",
            "reasonable profit (Poskytovatel)",
            z,
        ),
        (None, Some(share), Some(n)) => step(
            "přiměřený zisk: podíl z Financování × čisté náklady",
            "reasonable profit: the Financování share × net cost",
            share * n,
        ),
        _ => step(
            "přiměřený zisk nezadán: 0",
            "no reasonable profit stated: 0",
            Decimal::ZERO,
        ),
    };
    let rejected_profit = b.ds.provider.reasonable_profit_rejected.as_deref();
    let balance = match (public, net, rejected_profit) {
        (Some(p), Some(n), None) => Some(p - n - profit.amount),
        _ => None,
    };
    let profit_why;
    let balance_why = match rejected_profit {
        Some(place) => {
            profit_why = (
                format!("přiměřený zisk v {place} byl odmítnut: saldo se bez něj nepočítá"),
                format!(
                    "the reasonable profit at {place} was rejected: the balance is not worked out without it"
                ),
            );
            (profit_why.0.as_str(), profit_why.1.as_str())
        }
        None => net_why,
    };
    let mut bal = money("finance.compensation_balance", balance, balance_why);
    bal.numerator = public;
    bal.denominator = None;
    out.push(bal);
    if let Some(over) = balance.filter(|x| *x > Decimal::ZERO) {
        f.push(FindingKind::Overcompensation, || Detail {
            place: None,
            text: Text::new(
                format!(
                    "veřejné zdroje převyšují čisté náklady a přiměřený zisk o {} Kč (překompenzace)",
                    crate::display::money(over, crate::i18n::Lang::Cs)
                ),
                format!(
                    "public funding exceeds the net cost and reasonable profit by CZK {} (overcompensation)",
                    crate::display::money(over, crate::i18n::Lang::En)
                ),
            ),
            amount: Some(over),
        });
    }
    d.reasonable_profit = Some(profit);

    // What the state grant may not pay, line by line.
    let mut ineligible_total = None;
    if let Some(costs) = &b.ds.costs {
        let mut sum = Decimal::ZERO;
        for c in costs {
            if let Some((why, source)) = ineligible(c) {
                sum += c.amount;
                d.ineligible.push(IneligibleCost {
                    category: c.category.code().to_string(),
                    account: c.account.clone(),
                    amount: c.amount,
                    why,
                    source,
                    row: c.row,
                });
            }
        }
        ineligible_total = Some(sum);
    }
    out.push(money(
        "finance.ineligible_costs",
        ineligible_total,
        NO_COSTS,
    ));
    grant_at_risk(&mut d, out, total, ineligible_total, own, public, mpsv);

    let peak = peak_day_clients(b);
    per_capacity(b, out, total, public, peak);
    d.method = optimal(b, out, &method, public);
    d.network_fte = b.ds.provider.network_fte;
    d.capacity_clients = b.ds.provider.capacity_clients;
    d.peak_day_clients = peak;
    d.fees_from_rows = sources.is_some() && !super::cost::fees_from_revenues(b.ds);

    d
}

/// The part of the state grant eligible costs do not match after own
/// revenue and the other public money: what a settlement would ask back.
fn grant_at_risk(
    d: &mut FinanceDetail,
    out: &mut Vec<Indicator>,
    total: Option<Decimal>,
    ineligible: Option<Decimal>,
    own: Option<Decimal>,
    public: Option<Decimal>,
    mpsv: Option<Decimal>,
) {
    let id = "finance.state_grant_at_risk";
    let (Some(t), Some(i), Some(o), Some(p), Some(m)) = (total, ineligible, own, public, mpsv)
    else {
        let why = if total.is_none() {
            NO_COSTS
        } else {
            NO_REVENUES
        };
        out.push(Indicator::unavailable(id, Unit::Czk, na(why.0, why.1)));
        return;
    };
    if m.is_zero()
        && p > Decimal::ZERO
        && d.by_source
            .iter()
            .any(|x| x.source == RevenueSource::PublicUnattributed && x.amount > Decimal::ZERO)
    {
        out.push(Indicator::unavailable(
            id,
            Unit::Czk,
            na(
                "státní dotace není od ostatních veřejných zdrojů oddělena (veřejná dotace bez určení zdroje); rozlište ji v Účtové mapě",
                "the state grant is not told apart from the other public money (an unattributed public grant); tell it apart in the account map",
            ),
        ));
        return;
    }
    let eligible = t - i;
    let other_public = p - m;
    // What the state grant may still cover: the eligible costs others have
    // not paid; never below 0 (others paying more leaves it nothing).
    let room = (eligible - o - other_public).max(Decimal::ZERO);
    let at_risk = (m - room).max(Decimal::ZERO);
    d.grant_steps = vec![
        step("náklady celkem", "total cost", t),
        step("− neuznatelné náklady", "− ineligible costs", i),
        step("= uznatelné náklady", "= eligible costs", eligible),
        step("− vlastní výnosy", "− own revenue", o),
        step(
            "− ostatní veřejné zdroje (kraj, obce, ostatní)",
            "− other public money (region, municipalities, other)",
            other_public,
        ),
        step(
            "= prostor pro státní dotaci (nejméně 0)",
            "= room for the state grant (at least 0)",
            room,
        ),
        step("státní dotace (MPSV)", "state grant (MPSV)", m),
        step(
            "= dotace bez krytí uznatelnými náklady",
            "= grant not matched by eligible costs",
            at_risk,
        ),
    ];
    // A difference, not a ratio: no numerator and denominator (the steps
    // are on Financování).
    out.push(Indicator::value(id, Unit::Czk, at_risk));
}

/// Cost and public money per FTE of direct care and of network capacity.
fn per_capacity(
    b: &Base<'_>,
    out: &mut Vec<Indicator>,
    total: Option<Decimal>,
    public: Option<Decimal>,
    peak_day_clients: u64,
) {
    let pss: Decimal = b.pss_employed().map(|w| b.hours[w].average_fte).sum();
    let network = b.ds.provider.network_fte;
    let annual = b.annual_factor();
    out.push(match total {
        Some(t) => Indicator::ratio(
            "finance.cost_per_direct_fte",
            Unit::CzkPerFteYear,
            t * annual,
            pss,
            na("žádné úvazky pečovatelů (PSS)", "no care-worker (PSS) FTE"),
        )
        .annualised(),
        None => Indicator::unavailable(
            "finance.cost_per_direct_fte",
            Unit::CzkPerFteYear,
            na(NO_COSTS.0, NO_COSTS.1),
        ),
    });
    out.push(match (public, network) {
        (Some(p), Some(n)) => Indicator::ratio(
            "finance.public_funding_per_network_fte",
            Unit::CzkPerFteYear,
            p * annual,
            n,
            na(NO_NETWORK.0, NO_NETWORK.1),
        )
        .annualised(),
        (None, _) => Indicator::unavailable(
            "finance.public_funding_per_network_fte",
            Unit::CzkPerFteYear,
            na(NO_REVENUES.0, NO_REVENUES.1),
        ),
        (_, None) => Indicator::unavailable(
            "finance.public_funding_per_network_fte",
            Unit::CzkPerFteYear,
            na(NO_NETWORK.0, NO_NETWORK.1),
        ),
    });
    out.push(match network {
        Some(n) => Indicator::ratio(
            "staff.direct_fte_vs_network",
            Unit::Ratio,
            pss,
            n,
            na(NO_NETWORK.0, NO_NETWORK.1),
        ),
        None => Indicator::unavailable(
            "staff.direct_fte_vs_network",
            Unit::Ratio,
            na(NO_NETWORK.0, NO_NETWORK.1),
        ),
    });
    out.push(match b.ds.provider.capacity_clients {
        Some(c) => Indicator::ratio(
            "capacity.peak_clients_share",
            Unit::Share,
            Decimal::from(peak_day_clients),
            Decimal::from(c),
            na("kapacita 0", "a capacity of 0"),
        ),
        None => Indicator::unavailable(
            "capacity.peak_clients_share",
            Unit::Share,
            na(
                "Poskytovatel neuvádí Kapacita (klienti)",
                "Poskytovatel gives no Capacity (clients)",
            ),
        ),
    });
}

/// The optimal compensation by the region's method: the normative cost
/// of the network capacity over the period, less the own revenue it
/// expects; and the public money received against it.
fn optimal(
    b: &Base<'_>,
    out: &mut Vec<Indicator>,
    method: &[&FinancingParam],
    public: Option<Decimal>,
) -> Option<MethodApplied> {
    let ids = [
        "finance.optimal_compensation",
        "finance.compensation_vs_optimal",
    ];
    let param = |k: FinancingKey| method.iter().find(|p| p.key == k).map(|p| p.value);
    let why = match (
        b.ds.provider.network_fte,
        param(FinancingKey::NormativeCostPerFte),
    ) {
        (_, None) => Some(NO_METHOD),
        (None, _) => Some(NO_NETWORK),
        _ => None,
    };
    let own_rule = (
        param(FinancingKey::OwnRevenuePerDirectHour),
        param(FinancingKey::OwnRevenueShare),
    );
    let why = why.or(match own_rule {
        (None, None) => Some((
            "Financování neuvádí očekávané vlastní výnosy (na hodinu ani podílem)",
            "Financování gives no expected own revenue (per hour or as a share)",
        )),
        _ => None,
    });
    if let Some(w) = why {
        for id in ids {
            out.push(Indicator::unavailable(id, Unit::Czk, na(w.0, w.1)));
        }
        return (!method.is_empty()).then(|| MethodApplied {
            parameters: method.iter().map(|p| (*p).clone()).collect(),
            steps: Vec::new(),
        });
    }
    let (Some(network), Some(per_fte)) = (
        b.ds.provider.network_fte,
        param(FinancingKey::NormativeCostPerFte),
    ) else {
        return None;
    };
    // The normative cost is a year's: over the period, × days ÷ 365.
    let days = Decimal::from(b.period.days());
    let normative = network * per_fte * days / Decimal::from(365);
    let direct_h = Base::hours(b.tally.direct);
    let (expected_own, own_label) = match own_rule {
        (Some(per_h), _) => (
            per_h * direct_h,
            step(
                "− očekávané vlastní výnosy: na hodinu × přímé hodiny",
                "− expected own revenue: per hour × direct hours",
                per_h * direct_h,
            ),
        ),
        (None, Some(share)) => (
            share * normative,
            step(
                "− očekávané vlastní výnosy: podíl × normativní náklad",
                "− expected own revenue: share × normative cost",
                share * normative,
            ),
        ),
        (None, None) => return None,
    };
    let optimal = normative - expected_own;
    let mut steps = vec![
        step(
            "kapacita v síti (úvazky)",
            "network capacity (FTE)",
            network,
        ),
        step(
            "× normativní náklad na úvazek a rok",
            "× normative cost per FTE a year",
            per_fte,
        ),
        step("× dní období ÷ 365", "× days of the period ÷ 365", days),
        step(
            "= normativní náklad za období",
            "= normative cost over the period",
            normative,
        ),
        own_label,
        step(
            "= optimální vyrovnávací platba",
            "= optimal compensation",
            optimal,
        ),
    ];
    out.push(Indicator::value(ids[0], Unit::Czk, optimal));
    match public {
        Some(p) => {
            steps.push(step("veřejné zdroje přijaté", "public funding received", p));
            steps.push(step(
                "= rozdíl (přijato − optimální)",
                "= difference (received − optimal)",
                p - optimal,
            ));
            out.push(Indicator::value(ids[1], Unit::Czk, p - optimal));
        }
        None => out.push(Indicator::unavailable(
            ids[1],
            Unit::Czk,
            na(NO_REVENUES.0, NO_REVENUES.1),
        )),
    }
    if let Some(share) = param(FinancingKey::MunicipalShare) {
        steps.push(step(
            "očekávaný podíl obcí × optimální platba",
            "municipalities' expected share × optimal compensation",
            share * optimal,
        ));
        if let Some(rs) = &b.ds.revenues {
            let paid: Decimal = rs
                .iter()
                .filter(|r| r.source == RevenueSource::Municipality)
                .map(|r| r.amount)
                .sum();
            steps.push(step("obce zaplatily", "the municipalities paid", paid));
        }
    }
    Some(MethodApplied {
        parameters: method.iter().map(|p| (*p).clone()).collect(),
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::{peak_by_bits, peak_by_sorting};

    /// Day 0: clients 1, 2, 1 again (2 distinct); day 1: client 3 (1);
    /// day 2: clients 0, 1, 2, 3 and 3 again (4 distinct): the peak is 4,
    /// both ways.
    #[test]
    fn the_busiest_day_counts_each_client_once() {
        let keys = [
            (0, 1),
            (0, 2),
            (0, 1),
            (1, 3),
            (2, 0),
            (2, 3),
            (2, 1),
            (2, 2),
            (2, 3),
        ];
        assert_eq!(peak_by_bits(keys.into_iter(), 3, 4), 4);
        assert_eq!(peak_by_sorting(keys.into_iter(), keys.len()), 4);
        assert_eq!(peak_by_bits(std::iter::empty(), 3, 4), 0);
        assert_eq!(peak_by_sorting(std::iter::empty(), 0), 0);
    }

    /// The old count, kept as the reference: every (date, client) pair of
    /// the period's visits, sorted and deduplicated, the longest day's run.
    fn reference(visits: &[crate::model::Visit], period: crate::Period) -> u64 {
        let mut pairs: Vec<(chrono::NaiveDate, u32)> = visits
            .iter()
            .filter(|v| period.contains(v.date))
            .filter_map(|v| v.client.map(|c| (v.date, c.0)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
            .chunk_by(|a, b| a.0 == b.0)
            .map(|r| r.len() as u64)
            .max()
            .unwrap_or(0)
    }

    proptest::proptest! {
        /// On any visits (dates before, in and after the period, visits
        /// without a client) and any period, short or long against the
        /// visits (so that both ways are taken), the count is the old one.
        #[test]
        fn the_busiest_day_is_the_old_count(
            rows in proptest::collection::vec((0i64..120, proptest::option::of(0u32..25)), 0..200),
            start in 0i64..60,
            length in 1i64..400,
        ) {
            use crate::model::{ClientId, TaskId, Visit, WorkerId};
            let base = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let day = |n: i64| base + chrono::Duration::days(n);
            let period = crate::Period::new(day(start), day(start + length - 1)).unwrap();
            let visits: Vec<Visit> = rows
                .iter()
                .map(|&(d, c)| Visit::new(day(d), WorkerId(0), c.map(ClientId), TaskId(0), 3600))
                .collect();
            proptest::prop_assert_eq!(
                super::busiest_day(&visits, period, 25),
                reference(&visits, period)
            );
        }

        /// The two ways agree on any visits.
        #[test]
        fn both_ways_agree(keys in proptest::collection::vec((0u32..40, 0u32..30), 0..400)) {
            proptest::prop_assert_eq!(
                peak_by_bits(keys.iter().copied(), 40, 30),
                peak_by_sorting(keys.iter().copied(), keys.len())
            );
        }
    }
}
