//! The scenario a regional plan asks for: turn the service's care towards
//! clients of higher dependency. A share of the hours now given to clients
//! without care allowance or with degree I stops (or moves elsewhere), and
//! new clients of degrees III and IV are taken on. Every effect is worked
//! out from this period's own data; what the data cannot support is "not
//! available" with the reason.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::buildup::HourBuildup;
use super::scenarios::{Scenario, ScenarioEffect, effect, pss_totals, scenario};
use crate::audit::base::Base;
use crate::audit::report::Unavailable;
use crate::i18n::Text;
use crate::model::{CareDegree, NormativeParams, RecordList};

/// Fees of one observed client-month of degree III or IV.
#[derive(Default)]
struct MonthFees {
    hourly: Decimal,
    other: Decimal,
    hourly_secs: u64,
}

pub(crate) fn retarget_high_dependency(
    b: &Base<'_>,
    client_travel: &[u64],
    buildup: Option<&HourBuildup>,
    share: Decimal,
    new: Decimal,
) -> Scenario {
    // A share outside 0–1 is refused below; its text is then the share.
    let pct = share
        .checked_mul(Decimal::from(100))
        .unwrap_or(share)
        .normalize();
    let months = Decimal::from(b.months.count as u64);
    let mut s = with_assumptions(pct, new, months);
    if let Some(why) = out_of_range(share, new) {
        s.unavailable = Some(why);
        return s;
    }
    // Who is of which degree is the client list's.
    if !b.ds.has_list(RecordList::Clients) {
        s.unavailable = Some(RecordList::Clients.missing());
        return s;
    }
    let t = &b.tally;
    let Observed {
        low_direct,
        low_travel,
        low_fees,
        high_direct,
        high_travel,
        high_months,
    } = observe(b, client_travel);
    let freed_direct = Base::hours(low_direct) * share;
    let freed_travel = Base::hours(low_travel) * share;
    let lost = low_fees * share;
    s.effects = vec![
        effect(
            "direct_hours_freed",
            "Uvolněné hodiny přímé péče",
            "Direct hours freed",
            freed_direct,
            "h",
        ),
        effect(
            "travel_hours_freed",
            "Uvolněné hodiny cest",
            "Travel hours freed",
            freed_travel,
            "h",
        ),
        effect(
            "fees_lost",
            "Úhrady, které odpadnou",
            "Fees lost",
            lost,
            "CZK",
        ),
    ];
    if high_months == 0 {
        s.unavailable = Some(Unavailable::new(
            "potřebu nových klientů nelze odvodit: v období nejsou klienti se stupněm III ani IV",
            "the new clients' needs cannot be derived: no client of degree III or IV in the period",
        ));
        return s;
    }
    let per_month = Base::hours(high_direct) / Decimal::from(high_months);
    // Exact or nothing: with amounts at the reader's bounds a product can
    // leave Decimal's range, and then the effect is not available.
    let Some((new_direct, new_travel, gained)) = (|| {
        let new_direct = new.checked_mul(per_month)?.checked_mul(months)?;
        let new_travel = if high_direct == 0 {
            Decimal::ZERO
        } else {
            new_direct
                .checked_mul(Decimal::from(high_travel))?
                .checked_div(Decimal::from(high_direct))?
        };
        let gained = new.checked_mul(months)?.checked_mul(mean_month_fees(b)?)?;
        Some((new_direct, new_travel, gained))
    })() else {
        s.unavailable = Some(too_large());
        return s;
    };
    s.effects.extend(new_client_effects(
        per_month,
        new_direct,
        new_travel,
        gained,
        gained.checked_sub(lost).unwrap_or(gained),
    ));
    let direct_now = Base::hours(t.direct);
    let Some(direct_after) = (direct_now - freed_direct).checked_add(new_direct) else {
        s.unavailable = Some(too_large());
        return s;
    };
    let high_now = Base::hours(t.degree_secs[2] + t.degree_secs[3] + t.degree_secs[4]);
    if !direct_after.is_zero() {
        s.effects.push(effect(
            "high_dependency_share_after",
            "Podíl hodin klientům se stupněm II–IV po změně",
            "Hours to clients of degree II–IV after",
            high_now
                .checked_add(new_direct)
                .and_then(|x| x.checked_div(direct_after))
                .unwrap_or_default(),
            "share",
        ));
    }
    staff_and_cost(b, &mut s, buildup, direct_now, direct_after);
    s
}

/// The model's ranges (`ParamSpec`): outside them nothing is computed, and
/// the scenario says which input is out of range.
fn out_of_range(share: Decimal, new: Decimal) -> Option<Unavailable> {
    for (id, v) in [("retarget_low_share", share), ("retarget_new_clients", new)] {
        if let Some(spec) = NormativeParams::spec(id).filter(|r| v < r.min || v > r.max) {
            return Some(Unavailable::new(
                format!("{} = {v} je mimo rozsah {}–{}", spec.cs, spec.min, spec.max),
                format!("{} = {v} is outside {}–{}", spec.en, spec.min, spec.max),
            ));
        }
    }
    None
}

/// The new clients' effects: their care per client-month, hours of care
/// and travel, fees, and the change in fees.
fn new_client_effects(
    per_month: Decimal,
    new_direct: Decimal,
    new_travel: Decimal,
    gained: Decimal,
    change: Decimal,
) -> [ScenarioEffect; 5] {
    [
        effect(
            "direct_hours_per_client_month_iii_iv",
            "Přímá péče na klientský měsíc (III, IV)",
            "Direct care per client-month (III, IV)",
            per_month,
            "h",
        ),
        effect(
            "direct_hours_new",
            "Hodiny přímé péče nových klientů",
            "Direct hours of the new clients",
            new_direct,
            "h",
        ),
        effect(
            "travel_hours_new",
            "Hodiny cest k novým klientům",
            "Travel hours to the new clients",
            new_travel,
            "h",
        ),
        effect(
            "fees_gained",
            "Úhrady nových klientů",
            "Fees of the new clients",
            gained,
            "CZK",
        ),
        effect("fee_change", "Změna úhrad", "Change in fees", change, "CZK"),
    ]
}

/// Why an effect is missing when its figures leave Decimal's range.
fn too_large() -> Unavailable {
    Unavailable::new(
        "částky jsou příliš velké na přesný výpočet",
        "the amounts are too large to compute exactly",
    )
}

/// The mean fees of one client-month of degree III or IV observed in the
/// period, the hourly tasks' fees at most the month's legal cap (the
/// 80-hour rule on every hour of a month over 80 h); `None` when a sum
/// leaves Decimal's range.
fn mean_month_fees(b: &Base<'_>) -> Option<Decimal> {
    let ds = b.ds;
    let mut months: HashMap<(usize, usize), MonthFees> = HashMap::new();
    for v in &ds.visits {
        let Some(c) = v.client else { continue };
        if !b.period.contains(v.date)
            || !matches!(
                ds.clients[c.index()].care_allowance,
                Some(CareDegree::III | CareDegree::IV)
            )
        {
            continue;
        }
        let m = months
            .entry((c.index(), b.months.index(v.date)))
            .or_default();
        let fee = v.fee.unwrap_or(Decimal::ZERO);
        if b.tasks.hourly[v.task.index()] {
            m.hourly = m.hourly.checked_add(fee)?;
            m.hourly_secs += u64::from(v.duration);
        } else {
            m.other = m.other.checked_add(fee)?;
        }
    }
    if months.is_empty() {
        return Some(Decimal::ZERO);
    }
    let eighty = crate::audit::EIGHTY_HOURS;
    let mut total = Decimal::ZERO;
    for (&(_, month), m) in &months {
        let first = b.months.start(month).max(b.period.from);
        let hourly = match b.law.hourly_cap_on(first) {
            Some(cap) => {
                let rate = match cap.cap_over_80h {
                    Some(low) if m.hourly_secs > eighty => low,
                    _ => cap.cap,
                };
                m.hourly.min(Base::hours(m.hourly_secs).checked_mul(rate)?)
            }
            None => m.hourly,
        };
        total = total.checked_add(m.other)?.checked_add(hourly)?;
    }
    total.checked_div(Decimal::from(months.len() as u64))
}

/// The scenario with its assumptions printed, before any effect.
fn with_assumptions(pct: Decimal, new: Decimal, months: Decimal) -> Scenario {
    scenario(
        "retarget_high_dependency",
        "Přesun péče ke klientům s vyšší závislostí",
        "Care turned to clients of higher dependency",
        vec![
            Text::new(
                format!(
                    "Skončí (nebo přejde jinam) {pct} % hodin klientů bez příspěvku na péči a se stupněm I, i s cestami k nim; jejich úhrady v tomto podílu odpadnou."
                ),
                format!(
                    "{pct} % of the hours of clients without care allowance or with degree I stop (or move elsewhere), with the travel to them; their fees in that share are lost."
                ),
            ),
            Text::new(
                format!(
                    "Nově se přijme {} klientů se stupněm III nebo IV na celé období ({} měsíců); každý potřebuje tolik přímé péče měsíčně, kolik v průměru dostali klienti se stupněm III a IV v tomto období, a cest v témže poměru k přímé péči.",
                    new.normalize(),
                    months
                ),
                format!(
                    "{} new clients of degree III or IV are taken on for the whole period ({} months); each needs the direct care per month that clients of degrees III and IV received on average in this period, and travel in the same proportion to it.",
                    new.normalize(),
                    months
                ),
            ),
            Text::new(
                "Úhrady nových klientů: průměr úhrad klientů se stupněm III a IV za klientský měsíc, u hodinových úkonů nejvýše zákonný limit toho měsíce (pravidlo 80 hodin: všechny hodiny měsíce nad 80 h nižším limitem).",
                "The new clients' fees: the mean fees of a client-month of degree III or IV, hourly tasks at most the month's legal cap (the 80-hour rule: every hour of a month over 80 h at the lower cap).",
            ),
            Text::new(
                "Úvazky PSS při dnešním vytížení (přímé hodiny PSS na úvazek); veškerá přímá péče připadá na PSS. Náklady: mění se jen osobní náklady pečovatelů (náklad na úvazek z rozkladu hodiny), ostatní zůstávají.",
                "PSS FTE at today's utilisation (PSS direct hours per FTE); all direct care falls to PSS. Costs: only the care workers' personnel cost changes (cost per FTE from the hour build-up); the rest stays.",
            ),
        ],
    )
}

/// What this period shows of the two groups of clients served.
struct Observed {
    /// Clients without allowance or with degree I: direct and travel
    /// seconds, fees.
    low_direct: u64,
    low_travel: u64,
    low_fees: Decimal,
    /// Clients of degrees III and IV: direct and travel seconds,
    /// client-months served.
    high_direct: u64,
    high_travel: u64,
    high_months: u64,
}

fn observe(b: &Base<'_>, client_travel: &[u64]) -> Observed {
    let t = &b.tally;
    let mut o = Observed {
        low_direct: 0,
        low_travel: 0,
        low_fees: Decimal::ZERO,
        high_direct: 0,
        high_travel: 0,
        high_months: 0,
    };
    for c in (0..b.ds.clients.len()).filter(|&c| t.clients[c].direct_rows > 0) {
        match b.ds.clients[c].care_allowance {
            Some(CareDegree::None | CareDegree::I) => {
                o.low_direct += t.clients[c].direct;
                o.low_travel += client_travel[c];
                o.low_fees += t.clients[c].fees.total();
            }
            Some(CareDegree::III | CareDegree::IV) => {
                o.high_direct += t.clients[c].direct;
                o.high_travel += client_travel[c];
                o.high_months += t.clients[c].months;
            }
            _ => {}
        }
    }
    o
}

/// The staff the shift needs at today's utilisation, and the cost per
/// direct hour after it (only the care workers' cost changes).
fn staff_and_cost(
    b: &Base<'_>,
    s: &mut Scenario,
    buildup: Option<&HourBuildup>,
    direct_now: Decimal,
    direct_after: Decimal,
) {
    // The care workers' FTE are the staff list's.
    if !b.ds.has_list(RecordList::Workers) {
        s.unavailable = Some(RecordList::Workers.missing());
        return;
    }
    let t = &b.tally;
    let (fte, _) = pss_totals(b, |h| h.available);
    let pss_direct = Base::hours(t.pss_direct);
    if fte.is_zero() || pss_direct.is_zero() {
        s.unavailable = Some(Unavailable::new(
            "úvazky nelze spočítat: žádná přímá péče PSS",
            "FTE not computed: no PSS direct care",
        ));
        return;
    }
    let Some(fte_after) = fte
        .checked_mul(direct_after - (direct_now - pss_direct))
        .and_then(|x| x.checked_div(pss_direct))
    else {
        s.unavailable = Some(too_large());
        return;
    };
    s.effects.extend([
        effect("fte_now", "Úvazky PSS nyní", "PSS FTE now", fte, "fte"),
        effect(
            "fte_needed",
            "Potřebné úvazky PSS",
            "PSS FTE needed",
            fte_after,
            "fte",
        ),
    ]);
    match (buildup, b.cost_sum(|_| true)) {
        (Some(bu), Some(cost)) if !direct_after.is_zero() => {
            let per_hour = (fte_after - fte)
                .checked_mul(bu.care_cost)
                .and_then(|x| x.checked_div(fte))
                .and_then(|x| x.checked_add(cost))
                .and_then(|x| x.checked_div(direct_after));
            match per_hour {
                Some(v) => s.effects.push(effect(
                    "cost_per_direct_hour_after",
                    "Náklady na hodinu přímé péče po změně",
                    "Cost per direct hour after",
                    v,
                    "CZK/h",
                )),
                None => s.unavailable = Some(too_large()),
            }
        }
        _ => {
            s.unavailable = Some(Unavailable::new(
                "náklady na hodinu po změně nelze spočítat: chybí náklady nebo rozklad hodiny",
                "the cost per hour after cannot be computed: no costs or no hour build-up",
            ));
        }
    }
}
