//! What-if scenarios, each with its assumptions printed beside its effects:
//! every hourly fee at the legal cap; the fees at the caps of another date;
//! meal-only clients handed to a meal service; care staff at a target
//! utilisation. (Care turned to higher dependency: `retarget`.)

use rust_decimal::Decimal;
use serde::Serialize;

use super::buildup::HourBuildup;
use crate::audit::base::Base;
use crate::audit::fees::AtCap;
use crate::audit::report::Unavailable;
use crate::i18n::{Lang, Text};
use crate::model::{NormativeParams, RecordList};

/// One effect of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioEffect {
    /// Stable id.
    pub id: &'static str,
    /// Czech label.
    pub label_cs: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// The figure.
    pub value: Decimal,
    /// `CZK`, `h`, `fte`, `share`, `count`.
    pub unit: &'static str,
}

/// A what-if scenario.
///
/// In JSON: `id`, `name_cs`, `name_en`, `assumptions_cs`,
/// `assumptions_en`, `effects`, `unavailable` (`{"en", "cs"}` or null),
/// `date` when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// `fees_at_cap`, `meals_to_meal_service`, `target_utilisation`.
    pub id: &'static str,
    /// Czech name.
    pub name_cs: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Assumptions, printed before the effects.
    pub assumptions: Vec<Text>,
    /// Effects (empty when not available).
    pub effects: Vec<ScenarioEffect>,
    /// Why it could not be worked out.
    pub unavailable: Option<Unavailable>,
    /// The date a scenario is about (`caps_on_date`: the date whose caps it
    /// charges).
    pub date: Option<chrono::NaiveDate>,
}

impl Serialize for Scenario {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Unavailable<'a>(&'a Option<Text>);
        impl Serialize for Unavailable<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                crate::i18n::both_languages(self.0, s)
            }
        }
        let words = |lang| self.assumptions.iter().map(move |t| t.get(lang));
        let mut m = s.serialize_struct("Scenario", 8)?;
        m.serialize_field("id", self.id)?;
        m.serialize_field("name_cs", self.name_cs)?;
        m.serialize_field("name_en", self.name_en)?;
        m.serialize_field("assumptions_cs", &words(Lang::Cs).collect::<Vec<_>>())?;
        m.serialize_field("assumptions_en", &words(Lang::En).collect::<Vec<_>>())?;
        m.serialize_field("effects", &self.effects)?;
        m.serialize_field("unavailable", &Unavailable(&self.unavailable))?;
        if let Some(d) = &self.date {
            m.serialize_field("date", d)?;
        }
        m.end()
    }
}

impl Scenario {
    /// An effect's value by id.
    pub fn effect(&self, id: &str) -> Option<Decimal> {
        self.effects.iter().find(|e| e.id == id).map(|e| e.value)
    }
}

pub(crate) fn effect(
    id: &'static str,
    cs: &'static str,
    en: &'static str,
    value: Decimal,
    unit: &'static str,
) -> ScenarioEffect {
    ScenarioEffect {
        id,
        label_cs: cs,
        label_en: en,
        value,
        unit,
    }
}

pub(crate) fn scenario(
    id: &'static str,
    cs: &'static str,
    en: &'static str,
    assumptions: Vec<Text>,
) -> Scenario {
    Scenario {
        id,
        name_cs: cs,
        name_en: en,
        assumptions,
        effects: Vec::new(),
        unavailable: None,
        date: None,
    }
}

/// The two effects every scenario over the hourly rows under a cap starts
/// with (how many rows, how many hours), or why there are none.
fn hourly_rows(at_cap: &AtCap) -> Result<[ScenarioEffect; 2], Unavailable> {
    if at_cap.rows == 0 {
        return Err(Unavailable::new(
            "žádné řádky hodinových úkonů pod limitem",
            "no rows of hourly tasks under a cap",
        ));
    }
    Ok([
        effect(
            "rows",
            "Řádků hodinových úkonů",
            "Hourly-task rows",
            Decimal::from(at_cap.rows),
            "count",
        ),
        effect(
            "hours",
            "Hodin hodinových úkonů",
            "Hours of hourly tasks",
            Base::hours(at_cap.seconds),
            "h",
        ),
    ])
}

pub(crate) fn fees_at_cap(b: &Base<'_>, at_cap: &AtCap, user_fees: Option<Decimal>) -> Scenario {
    let mut s = scenario(
        "fees_at_cap",
        "Všechny hodinové úhrady na zákonném limitu",
        "Every hourly fee at the legal cap",
        vec![
            Text::new(
                "Každý řádek hodinového úkonu klienta, který není osvobozen podle § 75 odst. 2, je účtován limitem platným k jeho datu (pravidlo 80 hodin jako v auditu).",
                "Every hourly-task row of a client not exempt under §75(2) is charged the cap valid on its date (the 80-hour rule as in the audit).",
            ),
            Text::new(
                "Počet hodin se nemění; žádný klient kvůli ceně službu neopustí.",
                "Hours do not change; no client leaves because of the price.",
            ),
        ],
    );
    let [rows, hours] = match hourly_rows(at_cap) {
        Ok(e) => e,
        Err(why) => {
            s.unavailable = Some(why);
            return s;
        }
    };
    let change = at_cap.caps() - at_cap.fees();
    s.effects = vec![
        rows,
        hours,
        effect("fees_now", "Úhrady nyní", "Fees now", at_cap.fees(), "CZK"),
        effect(
            "fees_at_cap",
            "Úhrady na limitu",
            "Fees at the cap",
            at_cap.caps(),
            "CZK",
        ),
        effect(
            "revenue_change",
            "Změna výnosů",
            "Change in revenue",
            change,
            "CZK",
        ),
    ];
    if let (Some(total), Some(fees)) = (b.cost_sum(|_| true), user_fees)
        && !total.is_zero()
    {
        s.effects.push(effect(
            "fee_share_after",
            "Podíl úhrad na nákladech po změně",
            "Fee share of cost after",
            (fees + change) / total,
            "share",
        ));
    }
    s
}

/// The same hourly rows charged at the caps valid on another date: what a
/// provider charging the caps gains or loses the day a decree takes effect.
pub(crate) fn caps_on_date(
    b: &Base<'_>,
    at_cap: &AtCap,
    date: Option<chrono::NaiveDate>,
) -> Scenario {
    let law = b.law;
    let date = date.or_else(|| law.newest_fee_cap_date());
    let on = date.map_or_else(String::new, |d| {
        crate::display::date(d, crate::i18n::Lang::Cs)
    });
    let on_en = date.map_or_else(String::new, |d| {
        crate::display::date(d, crate::i18n::Lang::En)
    });
    let mut s = scenario(
        "caps_on_date",
        "Úhrady podle limitů jiného data",
        "Fees at the caps of another date",
        vec![
            Text::new(
                format!(
                    "Každý řádek hodinového úkonu klienta, který není osvobozen podle § 75 odst. 2, je účtován limitem platným {on} místo limitu platného k jeho datu (pravidlo 80 hodin jako v auditu)."
                ),
                format!(
                    "Every hourly-task row of a client not exempt under §75(2) is charged the cap valid on {on_en} instead of the cap valid on its date (the 80-hour rule as in the audit)."
                ),
            ),
            Text::new(
                "Výchozí datum je nejnovější známý řádek zákonných limitů (vestavěný nebo z listu Limity); jiné datum: AuditOptions::caps_date, v nástroji --caps-date.",
                "By default the date of the newest legal cap row known (built-in or from a Limity sheet); another date: AuditOptions::caps_date, --caps-date in the tool.",
            ),
            Text::new(
                "Obě strany počítají úhradu na limitu, ne skutečnou úhradu; hodiny se nemění. Limity za úkon a za kg nejsou zahrnuty (od roku 2023 nejsou známy).",
                "Both sides are fees at the cap, not the fees charged; hours do not change. Per-act and per-kg caps are not included (not known since 2023).",
            ),
        ],
    );
    let Some(date) = date else {
        s.unavailable = Some(Unavailable::new(
            "nejsou známy žádné limity úhrad",
            "no fee caps are known",
        ));
        return s;
    };
    s.date = Some(date);
    let Some(cap) = law.hourly_cap_on(date) else {
        s.unavailable = Some(Unavailable::new(
            format!("k datu {on} neplatí žádný hodinový limit"),
            format!("no hourly cap is in force on {on_en}"),
        ));
        return s;
    };
    let [rows, hours] = match hourly_rows(at_cap) {
        Ok(e) => e,
        Err(why) => {
            s.unavailable = Some(why);
            return s;
        }
    };
    // Σ hours × cap on the date, the rule's hours at its lower cap where
    // the date has one.
    let low = cap.cap_over_80h.unwrap_or(cap.cap);
    let at_date = (Base::hours(at_cap.seconds - at_cap.low_seconds) * cap.cap)
        + (Base::hours(at_cap.low_seconds) * low);
    let at_date = crate::audit::hour_cost::internal(at_date);
    s.effects = vec![
        rows,
        hours,
        effect(
            "hours_over_80h",
            "Z toho hodin klientů nad 80 h v měsíci",
            "Of which hours of clients over 80 h in the month",
            Base::hours(at_cap.low_seconds),
            "h",
        ),
        effect(
            "cap",
            "Hodinový limit k datu",
            "Hourly cap on the date",
            cap.cap,
            "CZK/h",
        ),
        effect(
            "cap_over_80h",
            "Limit nad 80 h k datu",
            "Cap over 80 h on the date",
            low,
            "CZK/h",
        ),
        effect(
            "fees_at_own_caps",
            "Úhrady na limitech platných k datům řádků",
            "Fees at the caps of the rows' dates",
            at_cap.caps(),
            "CZK",
        ),
        effect(
            "fees_at_date_caps",
            "Úhrady na limitech k datu",
            "Fees at the caps of the date",
            at_date,
            "CZK",
        ),
        effect(
            "revenue_change",
            "Změna výnosů",
            "Change in revenue",
            at_date - at_cap.caps(),
            "CZK",
        ),
    ];
    s
}

pub(crate) fn meals_to_meal_service(b: &Base<'_>, client_travel: &[u64]) -> Scenario {
    let mut s = scenario(
        "meals_to_meal_service",
        "Klienti jen s obědy předáni službě rozvozu jídla",
        "Meal-only clients handed to a meal service",
        vec![
            Text::new(
                "Klient jen s obědy = obsloužený klient, jehož všechny řádky přímé péče jsou úkony skupiny c (strava).",
                "A meal-only client is a client served whose every direct row is a group-c (meals) task.",
            ),
            Text::new(
                "Uvolní se jejich přímé hodiny a cesty k nim (cesta před návštěvou a cesta domů po poslední návštěvě dne; bez časů začátku v pořadí řádků).",
                "Their direct hours and the travel to them are freed (travel before each visit and home after the day's last; input row order where starts are missing).",
            ),
            Text::new(
                "Úvazky: uvolněné hodiny ÷ produktivní hodiny jednoho úvazku PSS v období.",
                "FTE: hours freed ÷ productive hours one PSS FTE gives in the period.",
            ),
        ],
    );
    let t = &b.tally;
    let meal_only: Vec<usize> = b.meal_only_clients().collect();
    let direct: u64 = meal_only.iter().map(|&c| t.clients[c].direct).sum();
    let trav: u64 = meal_only.iter().map(|&c| client_travel[c]).sum();
    let fees: Decimal = meal_only.iter().map(|&c| t.clients[c].fees.total()).sum();
    let hours = Base::hours(direct + trav);
    s.effects = vec![
        effect(
            "clients",
            "Klientů jen s obědy",
            "Meal-only clients",
            Decimal::from(meal_only.len() as u64),
            "count",
        ),
        effect(
            "direct_hours_freed",
            "Uvolněné hodiny přímé péče",
            "Direct hours freed",
            Base::hours(direct),
            "h",
        ),
        effect(
            "travel_hours_freed",
            "Uvolněné hodiny cest",
            "Travel hours freed",
            Base::hours(trav),
            "h",
        ),
        effect(
            "fees_moved",
            "Úhrady, které přejdou na rozvoz",
            "Fees moving to the meal service",
            fees,
            "CZK",
        ),
    ];
    let (fte, productive) = pss_totals(b, |h| h.productive);
    if !b.ds.has_list(RecordList::Workers) {
        s.unavailable = Some(RecordList::Workers.missing());
        return s;
    }
    match productive
        .checked_div(fte)
        .filter(|p| !p.is_zero() && !fte.is_zero())
    {
        Some(per_fte) => s.effects.push(effect(
            "fte_freed",
            "Uvolněné úvazky PSS",
            "PSS FTE freed",
            hours / per_fte,
            "fte",
        )),
        None => {
            s.unavailable = Some(Unavailable::new(
                "úvazky nelze spočítat: PSS nemají produktivní hodiny",
                "FTE not computed: PSS workers have no productive hours",
            ))
        }
    }
    s
}

/// (average FTE, Σ f(hours)) of the PSS workers employed in the period.
pub(crate) fn pss_totals(
    b: &Base<'_>,
    f: fn(&crate::audit::time_base::WorkerHours) -> Decimal,
) -> (Decimal, Decimal) {
    b.pss_employed()
        .map(|w| &b.hours[w])
        .fold((Decimal::ZERO, Decimal::ZERO), |(a, s), h| {
            (a + h.average_fte, s + f(h))
        })
}

pub(crate) fn target_utilisation(
    b: &Base<'_>,
    target: Decimal,
    buildup: Option<&HourBuildup>,
) -> Scenario {
    // The model's range (ParamSpec); outside it nothing is computed.
    let range = NormativeParams::spec("target_utilisation").map(|r| (r.min, r.max));
    let in_range = range.is_some_and(|(lo, hi)| target >= lo && target <= hi);
    let pct = if in_range {
        (target * Decimal::from(100)).normalize()
    } else {
        target
    };
    let mut s = scenario(
        "target_utilisation",
        "Personál při cílovém vytížení",
        "Staffing at a target utilisation",
        vec![
            Text::new(
                format!(
                    "Cílové vytížení PSS {pct} %: hodiny přímé péče ÷ dostupné hodiny (úvazek − dovolená a nepřítomnost)."
                ),
                format!(
                    "Target utilisation of PSS {pct} %: direct hours ÷ available hours (contract − leave and absence)."
                ),
            ),
            Text::new(
                "Potřebné úvazky = přímé hodiny PSS ÷ (dostupné hodiny na úvazek × cíl); objem péče se nemění.",
                "FTE needed = PSS direct hours ÷ (available hours per FTE × target); the care delivered does not change.",
            ),
            Text::new(
                "Osobní náklady na úvazek PSS = náklady pečovatelů z rozkladu hodiny ÷ jejich průměrné úvazky.",
                "Personnel cost per PSS FTE = the care workers' cost of the hour build-up ÷ their average FTE.",
            ),
        ],
    );
    let (fte, available) = pss_totals(b, |h| h.available);
    if !in_range {
        s.unavailable = Some(Unavailable::new(
            format!(
                "cílové vytížení {target} je mimo rozsah {}–{}",
                range.map_or(Decimal::ZERO, |r| r.0),
                range.map_or(Decimal::ONE, |r| r.1)
            ),
            format!(
                "the target utilisation {target} is outside {}–{}",
                range.map_or(Decimal::ZERO, |r| r.0),
                range.map_or(Decimal::ONE, |r| r.1)
            ),
        ));
        return s;
    }
    if !b.ds.has_list(RecordList::Workers) {
        s.unavailable = Some(RecordList::Workers.missing());
        return s;
    }
    if fte.is_zero() || available.is_zero() {
        s.unavailable = Some(Unavailable::new(
            "žádní PSS s dostupnými hodinami",
            "no PSS workers with available hours",
        ));
        return s;
    }
    let per_fte = available / fte;
    let direct = Base::hours(b.tally.pss_direct);
    let needed = direct / (per_fte * target);
    s.effects = vec![
        effect(
            "utilisation_now",
            "Vytížení nyní",
            "Utilisation now",
            direct / available,
            "share",
        ),
        effect("fte_now", "Úvazky PSS nyní", "PSS FTE now", fte, "fte"),
        effect(
            "fte_needed",
            "Potřebné úvazky PSS",
            "PSS FTE needed",
            needed,
            "fte",
        ),
        effect(
            "fte_change",
            "Změna úvazků",
            "Change in FTE",
            needed - fte,
            "fte",
        ),
    ];
    if let Some(bu) = buildup {
        s.effects.push(effect(
            "cost_change",
            "Změna osobních nákladů",
            "Change in personnel cost",
            (needed - fte) * bu.care_cost / fte,
            "CZK",
        ));
    }
    s
}
