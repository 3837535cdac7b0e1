//! Every indicator: id, unit, Czech and English label, and its formula in
//! words in both languages (docs/indicators.md). The report writers and the terminal summary read
//! labels from here; an audit without a period lists every id from here as
//! not available.

use super::{FindingKind, Unit};
use crate::i18n::Lang;
use crate::model::{RecordList, Role};

/// One catalogue entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Indicator id (for the families, the prefix ends with `.`).
    pub id: &'static str,
    /// Unit.
    pub unit: Unit,
    /// Czech label.
    pub cs: &'static str,
    /// English label.
    pub en: &'static str,
    /// The formula in words (English).
    pub formula: &'static str,
    /// The formula in words (Czech).
    pub formula_cs: &'static str,
}

const fn e(
    id: &'static str,
    unit: Unit,
    cs: &'static str,
    en: &'static str,
    formula: &'static str,
    formula_cs: &'static str,
) -> Entry {
    Entry {
        id,
        unit,
        cs,
        en,
        formula,
        formula_cs,
    }
}

use Unit as U;

/// The fixed indicators, in report order.
pub const FIXED: &[Entry] = &[
    e(
        "cost.total",
        U::Czk,
        "Náklady celkem",
        "Total cost",
        "Σ Náklady.amount",
        "Σ částek listu Náklady",
    ),
    e(
        "cost.personnel_share",
        U::Share,
        "Podíl osobních nákladů",
        "Personnel cost share",
        "personnel costs / total cost",
        "osobní náklady / náklady celkem",
    ),
    e(
        "cost.per_direct_hour",
        U::CzkPerHour,
        "Náklady na hodinu přímé péče",
        "Cost per direct hour",
        "total cost / direct hours",
        "náklady celkem / hodiny přímé péče",
    ),
    e(
        "cost.per_worked_hour",
        U::CzkPerHour,
        "Náklady na odpracovanou hodinu",
        "Cost per worked hour",
        "total cost / worked hours",
        "náklady celkem / odpracované hodiny",
    ),
    e(
        "cost.per_fte",
        U::CzkPerFteYear,
        "Náklady na úvazek (roční)",
        "Cost per FTE (annual)",
        "annualised total cost / average FTE",
        "náklady celkem přepočtené na rok / průměrné úvazky",
    ),
    e(
        "cost.per_client",
        U::CzkPerClientYear,
        "Náklady na klienta (roční)",
        "Cost per client (annual)",
        "annualised total cost / clients served",
        "náklady celkem přepočtené na rok / obsloužení klienti",
    ),
    e(
        "cost.per_client_month",
        U::CzkPerClientMonth,
        "Náklady na klienta a měsíc",
        "Cost per client-month",
        "total cost / client-months",
        "náklady celkem / klientské měsíce",
    ),
    e(
        "revenue.fee_share",
        U::Share,
        "Podíl úhrad na nákladech",
        "User fees / cost",
        "user fees / total cost",
        "úhrady uživatelů / náklady celkem",
    ),
    e(
        "revenue.public_share",
        U::Share,
        "Podíl veřejných zdrojů na nákladech",
        "Public funding / cost",
        "(MPSV + region + municipality + unattributed public grants) / total cost",
        "(MPSV + kraj + obec + nepřiřazené veřejné dotace) / náklady celkem",
    ),
    e(
        "result.balance",
        U::Czk,
        "Hospodářský výsledek",
        "Balance",
        "Σ revenues − total cost",
        "Σ výnosů − náklady celkem",
    ),
    e(
        "finance.public_funding",
        U::Czk,
        "Veřejné zdroje (vyrovnávací platba)",
        "Public funding (compensation)",
        "Σ Výnosy of MPSV + region + municipalities + unattributed public grants",
        "Σ výnosů MPSV + kraj + obce + veřejné dotace bez určení zdroje",
    ),
    e(
        "finance.own_revenue",
        U::Czk,
        "Vlastní výnosy",
        "Own revenue",
        "user fees + other own revenue (gifts, sales, other)",
        "úhrady uživatelů + ostatní vlastní výnosy (dary, prodej, jiné)",
    ),
    e(
        "finance.net_cost",
        U::Czk,
        "Čisté náklady",
        "Net cost",
        "total cost − own revenue",
        "náklady celkem − vlastní výnosy",
    ),
    e(
        "finance.compensation_balance",
        U::Czk,
        "Saldo vyrovnávací platby",
        "Compensation balance",
        "public funding − net cost − reasonable profit (above 0: overcompensation)",
        "veřejné zdroje − čisté náklady − přiměřený zisk (nad 0: překompenzace)",
    ),
    e(
        "finance.ineligible_costs",
        U::Czk,
        "Náklady neuznatelné z dotace MPSV",
        "Costs the state grant may not pay",
        "Σ cost lines excluded by Government Regulation 98/2015 § 1(2) or marked Uznatelné: ne",
        "Σ nákladů vyloučených NV 98/2015 § 1 odst. 2 nebo označených Uznatelné: ne",
    ),
    e(
        "finance.state_grant_at_risk",
        U::Czk,
        "Státní dotace bez krytí uznatelnými náklady",
        "State grant not matched by eligible costs",
        "max(0, MPSV − max(0, eligible costs − own revenue − other public funding))",
        "max(0, MPSV − max(0, uznatelné náklady − vlastní výnosy − ostatní veřejné zdroje))",
    ),
    e(
        "finance.cost_per_direct_fte",
        U::CzkPerFteYear,
        "Náklady na úvazek přímé péče (roční)",
        "Cost per FTE of direct care (annual)",
        "annualised total cost / average PSS FTE",
        "náklady celkem za rok / průměrné úvazky PSS",
    ),
    e(
        "finance.public_funding_per_network_fte",
        U::CzkPerFteYear,
        "Veřejné zdroje na úvazek kapacity v síti (roční)",
        "Public funding per FTE of network capacity (annual)",
        "annualised public funding / network capacity (FTE)",
        "veřejné zdroje za rok / kapacita v síti (úvazky)",
    ),
    e(
        "finance.optimal_compensation",
        U::Czk,
        "Optimální vyrovnávací platba podle metodiky kraje",
        "Optimal compensation by the region's method",
        "network FTE × normative cost per FTE × days / 365 − expected own revenue",
        "úvazky v síti × normativní náklad na úvazek × dny / 365 − očekávané vlastní výnosy",
    ),
    e(
        "finance.compensation_vs_optimal",
        U::Czk,
        "Přijaté veřejné zdroje proti optimální platbě",
        "Public funding received against the optimal compensation",
        "public funding − optimal compensation",
        "veřejné zdroje − optimální vyrovnávací platba",
    ),
    e(
        "staff.direct_fte_vs_network",
        U::Ratio,
        "Úvazky PSS proti kapacitě v síti",
        "PSS FTE against the network capacity",
        "average PSS FTE / network capacity (FTE)",
        "průměrné úvazky PSS / kapacita v síti (úvazky)",
    ),
    e(
        "capacity.peak_clients_share",
        U::Share,
        "Nejvytíženější den proti registrované kapacitě",
        "Busiest day against the registered capacity",
        "clients served on the busiest day / Kapacita (klienti)",
        "klienti v nejvytíženějším dni / kapacita (klienti)",
    ),
    e(
        "fees.per_direct_hour",
        U::CzkPerHour,
        "Úhrady na hodinu (hodinové úkony)",
        "Fees per hour (hourly tasks)",
        "fees on hourly-task rows / their hours",
        "úhrady na řádcích hodinových úkonů / jejich hodiny",
    ),
    e(
        "cost.unfunded_per_hour",
        U::CzkPerHour,
        "Nepokrytý náklad na hodinu",
        "Unfunded cost per hour",
        "cost per direct hour − fees per direct hour",
        "náklady na hodinu přímé péče − úhrady na hodinu",
    ),
    e(
        "fees.cap_use",
        U::Share,
        "Využití zákonného limitu úhrad",
        "Use of the legal fee cap",
        "fees on hourly tasks / (hours × cap valid on each date)",
        "úhrady hodinových úkonů / (hodiny × limit platný k datu řádku)",
    ),
    e(
        "fees.rows_over_cap",
        U::Count,
        "Řádky s úhradou nad limit",
        "Rows over the fee cap",
        "rows whose fee > cap × hours or × quantity",
        "řádky s úhradou > limit × hodiny nebo × množství",
    ),
    e(
        "fees.excess_total",
        U::Czk,
        "Úhrady nad limit celkem",
        "Fees over the cap, total",
        "Σ (fee − cap) over such rows",
        "Σ (úhrada − limit) za tyto řádky",
    ),
    e(
        "fees.exempt_charged",
        U::Czk,
        "Úhrady u osvobozených klientů",
        "Fees charged to exempt clients",
        "Σ fees of §75(2) exempt clients (basic tasks other than c1)",
        "Σ úhrad klientů osvobozených podle § 75 odst. 2 (základní úkony kromě c1)",
    ),
    e(
        "fees.rows_off_price",
        U::Count,
        "Řádky mimo ceník",
        "Rows off the price list",
        "rows whose fee differs from price × hours or quantity by > 0.50 CZK",
        "řádky, jejichž úhrada se od ceny × hodiny nebo množství liší o více než 0,50 Kč",
    ),
    e(
        "staff.fte_total",
        U::Fte,
        "Úvazky celkem (průměr)",
        "Total FTE (average)",
        "Σ fte × days employed / days in the period",
        "Σ úvazek × dny v zaměstnání / dny období",
    ),
    e(
        "staff.direct_fte_share",
        U::Share,
        "Podíl úvazků PSS",
        "PSS share of FTE",
        "PSS FTE / total FTE",
        "úvazky PSS / úvazky celkem",
    ),
    e(
        "staff.utilization",
        U::Share,
        "Využití PSS v přímé péči",
        "PSS utilisation",
        "PSS direct hours / PSS available hours",
        "přímé hodiny PSS / dostupné hodiny PSS",
    ),
    e(
        "staff.travel_share",
        U::Share,
        "Podíl cest",
        "Travel share",
        "travel / (direct + travel)",
        "cesty / (přímá péče + cesty)",
    ),
    e(
        "staff.direct_hours_per_fte",
        U::HoursPerFteYear,
        "Přímé hodiny na úvazek PSS (roční)",
        "Direct hours per PSS FTE (annual)",
        "annualised PSS direct hours / PSS FTE",
        "přímé hodiny PSS přepočtené na rok / úvazky PSS",
    ),
    e(
        "staff.clients_per_direct_fte",
        U::ClientsPerFte,
        "Klienti na úvazek PSS",
        "Clients per PSS FTE",
        "clients served / PSS FTE",
        "obsloužení klienti / úvazky PSS",
    ),
    e(
        "staff.clients_per_social_worker",
        U::ClientsPerFte,
        "Klienti na úvazek sociálního pracovníka",
        "Clients per social-worker FTE",
        "clients served / SP FTE",
        "obsloužení klienti / úvazky SP",
    ),
    e(
        "staff.required_fte",
        U::Fte,
        "Potřebné úvazky PSS",
        "Required PSS FTE",
        "(PSS direct + travel hours) / productive hours per PSS FTE",
        "(přímé hodiny + cesty PSS) / produktivní hodiny na úvazek PSS",
    ),
    e(
        "staff.adequacy",
        U::Ratio,
        "Personální přiměřenost PSS",
        "PSS staffing adequacy",
        "PSS FTE / required FTE (1 = exactly enough)",
        "úvazky PSS / potřebné úvazky (1 = právě dost)",
    ),
    e(
        "staff.training_compliance",
        U::Share,
        "Plnění povinného vzdělávání",
        "Training compliance",
        "PSS and SP with training ≥ prorated 24 h / those with training given",
        "PSS a SP se vzděláváním ≥ poměrná část 24 h / ti s uvedeným vzděláváním",
    ),
    e(
        "staff.out_of_hours_share",
        U::Share,
        "Podíl péče mimo běžnou dobu",
        "Out-of-hours share",
        "direct hours on weekends, holidays, before 6:00 or from 18:00 / direct hours",
        "přímé hodiny o víkendech, svátcích, před 6:00 a od 18:00 / přímé hodiny",
    ),
    e(
        "staff.continuity",
        U::Workers,
        "Kontinuita (pracovníků na klienta a měsíc)",
        "Continuity (workers per client-month)",
        "mean over client-months of distinct workers",
        "průměr počtu různých pracovníků za klientský měsíc",
    ),
    e(
        "staff.mean_visit_minutes",
        U::Minutes,
        "Průměrná délka kontaktu",
        "Mean contact length",
        "direct minutes / contacts (date × worker × client)",
        "minuty přímé péče / kontakty (datum × pracovník × klient)",
    ),
    e(
        "target.high_dependency_share",
        U::Share,
        "Podíl hodin klientům se stupněm II–IV",
        "Hours to clients of degree II–IV",
        "direct hours of degree II–IV / direct hours",
        "přímé hodiny klientů se stupněm II–IV / přímé hodiny",
    ),
    e(
        "target.personal_care_share",
        U::Share,
        "Podíl osobní péče (a, b)",
        "Personal care share (a, b)",
        "hours of groups a + b / direct hours",
        "hodiny skupin a + b / přímé hodiny",
    ),
    e(
        "target.meal_share",
        U::Share,
        "Podíl stravy (c)",
        "Meals share (c)",
        "hours of group c / direct hours",
        "hodiny skupiny c / přímé hodiny",
    ),
    e(
        "target.household_share",
        U::Share,
        "Podíl domácnosti (d)",
        "Household share (d)",
        "hours of group d / direct hours",
        "hodiny skupiny d / přímé hodiny",
    ),
    e(
        "target.contact_share",
        U::Share,
        "Podíl kontaktu se společností (e)",
        "Social contact share (e)",
        "hours of group e / direct hours",
        "hodiny skupiny e / přímé hodiny",
    ),
    e(
        "target.meal_only_share",
        U::Share,
        "Klienti jen se stravou",
        "Meal-only clients",
        "clients whose every direct row is group c / clients served",
        "klienti, jejichž všechny řádky přímé péče jsou skupiny c / obsloužení klienti",
    ),
    e(
        "target.at_risk_share",
        U::Share,
        "Klienti ohrožení soc. vyloučením",
        "Clients at risk of exclusion",
        "at risk / clients served with the flag known",
        "ohrožení / obsloužení klienti se známým údajem",
    ),
    e(
        "target.lives_alone_share",
        U::Share,
        "Klienti žijící sami",
        "Clients living alone",
        "living alone / clients served with the flag known",
        "žijící sami / obsloužení klienti se známým údajem",
    ),
    e(
        "target.age80_share",
        U::Share,
        "Klienti 80+",
        "Clients aged 80+",
        "aged 80+ at the period's end / clients served with birth year known",
        "ve věku 80+ na konci období / obsloužení klienti se známým rokem narození",
    ),
    e(
        "target.hours_per_client_month",
        U::HoursPerClientMonth,
        "Hodiny na klienta a měsíc",
        "Hours per client-month",
        "direct hours / client-months",
        "přímé hodiny / klientské měsíce",
    ),
    e(
        "target.clients_over_80h",
        U::Count,
        "Klient-měsíce nad 80 h",
        "Client-months over 80 h",
        "client-months with more than 80 direct hours",
        "klientské měsíce s více než 80 přímými hodinami",
    ),
    e(
        "reach.clients_per_1000_65plus",
        U::PerThousand,
        "Klienti 65+ na 1 000 obyvatel 65+",
        "Clients 65+ per 1,000 residents 65+",
        "clients served aged 65+ living in the Území municipalities × 1 000 / Σ residents 65+",
        "obsloužení klienti ve věku 65+ z obcí listu Území × 1 000 / Σ obyvatel 65+",
    ),
    e(
        "reach.clients_per_1000_80plus",
        U::PerThousand,
        "Klienti 80+ na 1 000 obyvatel 80+",
        "Clients 80+ per 1,000 residents 80+",
        "clients served aged 80+ living in the Území municipalities × 1 000 / Σ residents 80+",
        "obsloužení klienti ve věku 80+ z obcí listu Území × 1 000 / Σ obyvatel 80+",
    ),
    e(
        "reach.allowance_recipients_served_share",
        U::Share,
        "Podíl příjemců PnP 65+, kterým služba pomáhá",
        "Care-allowance recipients 65+ served",
        "clients served aged 65+ with an allowance (I–IV), in municipalities giving Příjemci PnP 65+ / Σ recipients 65+ there",
        "obsloužení klienti 65+ s příspěvkem (I–IV) z obcí s údajem Příjemci PnP 65+ / Σ příjemců PnP 65+ v nich",
    ),
    e(
        "reach.refused",
        U::Count,
        "Odmítnutí žadatelé",
        "Applicants refused",
        "applications refused in the period (decided in it)",
        "žádosti odmítnuté v období (rozhodnuté v něm)",
    ),
    e(
        "reach.refused_capacity",
        U::Count,
        "Odmítnutí pro nedostatek kapacity",
        "Refused for lack of capacity",
        "applications refused in the period for reason b) of § 91(3) Act 108/2006",
        "žádosti odmítnuté v období z důvodu písm. b) § 91 odst. 3 zákona 108/2006 Sb.",
    ),
    e(
        "reach.waiting",
        U::Count,
        "Čekající na konci období",
        "Waiting at the period's end",
        "applications made by the period's end and not decided by it",
        "žádosti podané do konce období a do něj nerozhodnuté",
    ),
    e(
        "reach.median_days_to_decision",
        U::Days,
        "Medián dní do rozhodnutí",
        "Median days to a decision",
        "median of (decided − applied) over applications accepted or refused in the period",
        "medián (datum rozhodnutí − datum žádosti) žádostí přijatých nebo odmítnutých v období",
    ),
];

/// Care-allowance degrees in indicator ids, with labels.
pub const DEGREES: [(&str, &str, &str); 6] = [
    ("none", "bez PnP", "no allowance"),
    ("I", "I", "I"),
    ("II", "II", "II"),
    ("III", "III", "III"),
    ("IV", "IV", "IV"),
    ("unknown", "neznámý", "unknown"),
];

/// Every indicator id with its unit, in report order.
pub fn all_ids() -> Vec<(String, Unit)> {
    let mut v: Vec<(String, Unit)> = Vec::new();
    for e in FIXED {
        v.push((e.id.to_string(), e.unit));
        if e.id == "staff.fte_total" {
            for r in Role::ALL {
                v.push((format!("staff.fte.{}", r.code()), Unit::Fte));
            }
        }
        if e.id == "target.high_dependency_share" {
            for (d, ..) in DEGREES {
                v.push((format!("target.clients_by_degree.{d}"), Unit::Share));
            }
            for (d, ..) in DEGREES {
                v.push((format!("target.hours_by_degree.{d}"), Unit::Share));
            }
        }
    }
    for k in FindingKind::INTEGRITY {
        v.push((format!("integrity.findings.{}", k.id()), Unit::Count));
    }
    v
}

/// Whether the library computes an indicator of this id.
pub fn is_known(id: &str) -> bool {
    all_ids().iter().any(|(i, _)| i == id)
}

/// The label of an indicator id in a language.
pub fn label(id: &str, lang: Lang) -> String {
    if let Some(e) = FIXED.iter().find(|e| e.id == id) {
        return lang.pick(e.cs, e.en).to_string();
    }
    if let Some(role) = id.strip_prefix("staff.fte.") {
        return match lang {
            Lang::Cs => format!("Úvazky {role} (průměr)"),
            Lang::En => format!("FTE {role} (average)"),
        };
    }
    let degree = |d: &str| {
        DEGREES
            .iter()
            .find(|x| x.0 == d)
            .map(|x| lang.pick(x.1, x.2))
            .unwrap_or(d)
            .to_string()
    };
    if let Some(d) = id.strip_prefix("target.clients_by_degree.") {
        return match lang {
            Lang::Cs => format!("Klienti se stupněm PnP {}", degree(d)),
            Lang::En => format!("Clients of care-allowance degree {}", degree(d)),
        };
    }
    if let Some(d) = id.strip_prefix("target.hours_by_degree.") {
        return match lang {
            Lang::Cs => format!("Hodiny klientům se stupněm PnP {}", degree(d)),
            Lang::En => format!("Hours to clients of degree {}", degree(d)),
        };
    }
    if let Some(k) = id.strip_prefix("integrity.findings.")
        && let Some(kind) = FindingKind::INTEGRITY.iter().find(|x| x.id() == k)
    {
        return match lang {
            Lang::Cs => format!("Nálezy: {}", kind.label(lang)),
            Lang::En => format!("Findings: {}", kind.label(lang)),
        };
    }
    id.to_string()
}

/// The list an indicator needs beyond the timesheet, if any: without the
/// client list (`Klienti`) or the staff list (`Pracovníci`) it is "not
/// available" with [`RecordList::missing`] as the reason.
///
/// - **the client list**: what only it holds (care-allowance degree, birth
///   year, lives alone, at risk, the §75(2) exemption, contract dates,
///   municipality): the degree shares, `target.high_dependency_share`, the
///   flag shares, `fees.exempt_charged`, the `outside_contract` findings,
///   the reach figures per 1 000 residents and the allowance recipients'
///   share;
/// - **the staff list**: role, FTE, weekly hours, employment, training:
///   every FTE figure (`staff.fte.*`, the PSS and SP ratios, adequacy,
///   training, `cost.per_fte`), the `over_contract` and
///   `outside_employment` findings.
///
/// Everything else is the timesheet's (hours, travel, contacts, clients
/// served, client-months, fees) or the costs' and revenues'.
///
/// ```
/// use homecare_audit::indicator::catalog::needs_list;
/// use homecare_audit::model::RecordList;
/// assert_eq!(needs_list("target.hours_by_degree.II"), Some(RecordList::Clients));
/// assert_eq!(needs_list("staff.adequacy"), Some(RecordList::Workers));
/// assert_eq!(needs_list("cost.per_direct_hour"), None);
/// ```
pub fn needs_list(id: &str) -> Option<RecordList> {
    const CLIENTS: [&str; 9] = [
        "fees.exempt_charged",
        "reach.clients_per_1000_65plus",
        "reach.clients_per_1000_80plus",
        "reach.allowance_recipients_served_share",
        "target.high_dependency_share",
        "target.at_risk_share",
        "target.lives_alone_share",
        "target.age80_share",
        "integrity.findings.outside_contract",
    ];
    const WORKERS: [&str; 14] = [
        "cost.per_fte",
        "finance.cost_per_direct_fte",
        "staff.direct_fte_vs_network",
        "staff.fte_total",
        "staff.direct_fte_share",
        "staff.utilization",
        "staff.direct_hours_per_fte",
        "staff.clients_per_direct_fte",
        "staff.clients_per_social_worker",
        "staff.required_fte",
        "staff.adequacy",
        "staff.training_compliance",
        "integrity.findings.over_contract",
        "integrity.findings.outside_employment",
    ];
    if CLIENTS.contains(&id)
        || id.starts_with("target.clients_by_degree.")
        || id.starts_with("target.hours_by_degree.")
    {
        Some(RecordList::Clients)
    } else if WORKERS.contains(&id) || id.starts_with("staff.fte.") {
        Some(RecordList::Workers)
    } else {
        None
    }
}

/// What the summary calls an indicator among those a list would make
/// available: its label, or for a family of ids (`staff.fte.<ROLE>`, the
/// shares by degree) the family's name, so that it is named once.
///
/// ```
/// use homecare_audit::Lang;
/// use homecare_audit::indicator::catalog::summary_label;
/// assert_eq!(summary_label("staff.fte.PSS", Lang::Cs), "Úvazky podle rolí");
/// assert_eq!(summary_label("staff.adequacy", Lang::En), "PSS staffing adequacy");
/// ```
pub fn summary_label(id: &str, lang: Lang) -> String {
    if id.starts_with("staff.fte.") {
        lang.pick("Úvazky podle rolí", "FTE by role").to_string()
    } else if id.starts_with("target.clients_by_degree.") {
        lang.pick(
            "Klienti podle stupně PnP",
            "Clients by care-allowance degree",
        )
        .to_string()
    } else if id.starts_with("target.hours_by_degree.") {
        lang.pick("Hodiny podle stupně PnP", "Hours by care-allowance degree")
            .to_string()
    } else {
        label(id, lang)
    }
}

/// The formula of an indicator in words (English; the JSON's and the
/// docs' language). [`formula_in`] gives it in the report's language.
pub fn formula(id: &str) -> &'static str {
    formula_in(id, Lang::En)
}

/// The formula of an indicator in words, in `lang` (the report's
/// `Vzorec` / `Formula` column); empty for an unknown id.
///
/// ```
/// use homecare_audit::Lang;
/// use homecare_audit::indicator::catalog::formula_in;
/// let id = "cost.per_direct_hour";
/// assert_eq!(formula_in(id, Lang::En), "total cost / direct hours");
/// assert_eq!(formula_in(id, Lang::Cs), "náklady celkem / hodiny přímé péče");
/// ```
pub fn formula_in(id: &str, lang: Lang) -> &'static str {
    if let Some(e) = FIXED.iter().find(|e| e.id == id) {
        return lang.pick(e.formula_cs, e.formula);
    }
    let (cs, en) = if id.starts_with("staff.fte.") {
        (
            "Σ úvazek × dny v zaměstnání / dny období, za danou roli",
            "Σ fte × days employed / days in the period, for the role",
        )
    } else if id.starts_with("target.clients_by_degree.") {
        (
            "obsloužení klienti daného stupně / obsloužení klienti",
            "clients served of the degree / clients served",
        )
    } else if id.starts_with("target.hours_by_degree.") {
        (
            "přímé hodiny klientů daného stupně / přímé hodiny",
            "direct hours of clients of the degree / direct hours",
        )
    } else if id.starts_with("integrity.findings.") {
        ("počet nálezů daného druhu", "count of findings of the kind")
    } else {
        ("", "")
    };
    lang.pick(cs, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_each_indicator_needs() {
        let of = |list| -> Vec<String> {
            all_ids()
                .into_iter()
                .map(|(id, _)| id)
                .filter(|id| needs_list(id) == Some(list))
                .collect()
        };
        // Clients: 6 degree ids twice (none, I–IV, unknown), the
        // high-dependency share, the three flag shares, exempt fees, the
        // contract findings; the three reach figures by age (birth year
        // and municipality are the list's).
        let clients = of(RecordList::Clients);
        assert_eq!(clients.len(), 12 + 6 + 3, "{clients:?}");
        for id in [
            "target.clients_by_degree.unknown",
            "target.hours_by_degree.IV",
            "target.age80_share",
            "fees.exempt_charged",
        ] {
            assert!(clients.iter().any(|c| c == id), "{id}");
        }
        // Workers: 7 roles' FTE and 12 more, and the two financing
        // figures per PSS FTE.
        let workers = of(RecordList::Workers);
        assert_eq!(workers.len(), 7 + 12 + 2, "{workers:?}");
        for id in [
            "staff.fte.RID",
            "staff.training_compliance",
            "cost.per_fte",
            "integrity.findings.over_contract",
        ] {
            assert!(workers.iter().any(|w| w == id), "{id}");
        }
        // The timesheet's own: hours, travel, contacts, clients served.
        for id in [
            "staff.travel_share",
            "staff.continuity",
            "staff.mean_visit_minutes",
            "staff.out_of_hours_share",
            "target.hours_per_client_month",
            "target.meal_only_share",
            "target.clients_over_80h",
            "cost.per_client",
            "fees.rows_over_cap",
            "integrity.findings.overlap",
        ] {
            assert_eq!(needs_list(id), None, "{id}");
        }
    }

    #[test]
    fn every_id_has_a_label_in_both_languages() {
        for (id, _) in all_ids() {
            assert_ne!(label(&id, Lang::Cs), id, "{id}");
            assert_ne!(label(&id, Lang::En), id, "{id}");
            assert!(!formula(&id).is_empty(), "{id}");
            assert!(!formula_in(&id, Lang::Cs).is_empty(), "{id}");
            assert_ne!(formula_in(&id, Lang::Cs), formula(&id), "{id}");
        }
    }
}
