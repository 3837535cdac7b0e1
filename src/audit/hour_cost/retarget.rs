//! The scenario a regional plan asks for: turn the service's care towards
//! clients of higher dependency. A share of the hours now given to clients
//! without care allowance or with degree I stops (or moves elsewhere), and
//! new clients of degrees III and IV are taken on. Every effect is worked
//! out from this period's own data; what the data cannot support is "not
//! available" with the reason.

use rust_decimal::Decimal;

use super::buildup::HourBuildup;
use super::scenarios::{Scenario, ScenarioEffect, effect, pss_totals, scenario};
use crate::audit::base::Base;
use crate::audit::report::Unavailable;
use crate::i18n::Text;
use crate::model::{CareDegree, NormativeParams, RecordList, Role, TimeKind};

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
    let Some(Rows {
        low_pss_direct,
        high_fees,
    }) = rows(b)
    else {
        s.unavailable = Some(too_large());
        return s;
    };
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
        let per_month_fees = high_fees.checked_div(Decimal::from(high_months))?;
        let gained = new.checked_mul(months)?.checked_mul(per_month_fees)?;
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
    // The care workers' direct hours after: only their own share of the
    // hours freed goes (a social worker's hours at those clients are not
    // theirs), and all the new clients' care falls to them.
    let Some(pss_after) = (Base::hours(b.tally.pss_direct) - Base::hours(low_pss_direct) * share)
        .checked_add(new_direct)
    else {
        s.unavailable = Some(too_large());
        return s;
    };
    staff_and_cost(b, &mut s, buildup, direct_after, pss_after);
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

/// What the scenario reads row by row: the care workers' direct seconds
/// at clients without allowance or with degree I, and the fees of the
/// clients of degrees III and IV.
struct Rows {
    low_pss_direct: u64,
    /// Σ fees of the period's rows of clients of degrees III and IV, each
    /// hourly-task row's at most its cap ([`capped`]).
    high_fees: Decimal,
}

/// One pass over the period's rows for [`Rows`]; `None` when a sum leaves
/// Decimal's range.
fn rows(b: &Base<'_>) -> Option<Rows> {
    let ds = b.ds;
    let mut out = Rows {
        low_pss_direct: 0,
        high_fees: Decimal::ZERO,
    };
    for v in &ds.visits {
        let Some(c) = v.client else { continue };
        if !b.period.contains(v.date) {
            continue;
        }
        match ds.clients[c.index()].care_allowance {
            Some(CareDegree::None | CareDegree::I)
                if b.tasks.time_kind[v.task.index()] == TimeKind::Direct
                    && ds.workers[v.worker.index()].role == Role::Pss =>
            {
                out.low_pss_direct += u64::from(v.duration);
            }
            Some(CareDegree::III | CareDegree::IV) => {
                let fee = v.fee.unwrap_or(Decimal::ZERO);
                let fee = if b.tasks.hourly[v.task.index()] {
                    capped(b, v, fee)?
                } else {
                    fee
                };
                out.high_fees = out.high_fees.checked_add(fee)?;
            }
            _ => {}
        }
    }
    Some(out)
}

/// An hourly-task row's fee at most its cap: its hours × the hourly cap
/// valid on its date, the lower cap when the client's month has more than
/// 80 hours of hourly tasks (the 80-hour rule on every hour of that
/// month); the fee as recorded where no cap is known on the date. So an
/// overcharge is not counted as revenue, and a cheaper row does not make
/// up for it.
fn capped(b: &Base<'_>, v: &crate::Visit, fee: Decimal) -> Option<Decimal> {
    let Some(cap) = b.law.hourly_cap_on(v.date) else {
        return Some(fee);
    };
    let month = b.tally.cm.get(b.months.index(v.date), v.client?.index());
    let rate = match cap.cap_over_80h {
        Some(low) if month.hourly > crate::audit::EIGHTY_HOURS => low,
        _ => cap.cap,
    };
    let allowed = Decimal::from(v.duration)
        .checked_mul(rate)?
        .checked_div(Decimal::from(3600))?;
    Some(fee.min(allowed))
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
                "Úhrady nových klientů: úhrady klientů se stupněm III a IV za období ÷ jejich klientské měsíce; každý řádek hodinového úkonu nejvýše svým limitem (hodiny × zákonný limit k datu řádku, u klienta s více než 80 h hodinových úkonů v měsíci nižší limit), takže úhrada nad limit se do výnosů nepočítá a levnější řádek ji nevyrovná.",
                "The new clients' fees: the fees of clients of degrees III and IV in the period ÷ their client-months; every hourly-task row at most its cap (hours × the legal cap on the row's date, the lower cap for a client with more than 80 h of hourly tasks in the month), so an overcharge is not counted as revenue and a cheaper row does not offset it.",
            ),
            Text::new(
                "Úvazky PSS při dnešním vytížení: úvazky PSS × přímé hodiny PSS po změně ÷ přímé hodiny PSS nyní. Po změně odpadne jen podíl hodin, které u klientů bez příspěvku a se stupněm I odpracovali PSS (hodiny sociálních pracovníků nejsou jejich), a veškerá péče o nové klienty připadá na PSS. Náklady: mění se jen osobní náklady pečovatelů (náklad na úvazek z rozkladu hodiny), ostatní zůstávají.",
                "PSS FTE at today's utilisation: PSS FTE × PSS direct hours after ÷ PSS direct hours now. Only the share of the hours PSS gave to clients without allowance or with degree I goes (a social worker's hours are not theirs), and all the new clients' care falls to PSS. Costs: only the care workers' personnel cost changes (cost per FTE from the hour build-up); the rest stays.",
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

/// The staff the shift needs at today's utilisation (the care workers'
/// direct hours after, `pss_after`, at today's PSS direct hours per FTE),
/// and the cost per direct hour after it (only the care workers' cost
/// changes).
fn staff_and_cost(
    b: &Base<'_>,
    s: &mut Scenario,
    buildup: Option<&HourBuildup>,
    direct_after: Decimal,
    pss_after: Decimal,
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
        .checked_mul(pss_after)
        .and_then(|x| x.checked_div(pss_direct))
    else {
        s.unavailable = Some(too_large());
        return;
    };
    s.effects.extend([
        effect(
            "pss_direct_hours_now",
            "Přímé hodiny PSS nyní",
            "PSS direct hours now",
            pss_direct,
            "h",
        ),
        effect(
            "pss_direct_hours_after",
            "Přímé hodiny PSS po změně",
            "PSS direct hours after",
            pss_after,
            "h",
        ),
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
