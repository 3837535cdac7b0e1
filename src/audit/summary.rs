//! A plain-text summary of a report for the terminal: headline indicators
//! by family, findings by kind, rejected rows.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::report::{AuditReport, Indicator, Status, Unit};
use crate::display::{money, number, percent};
use crate::i18n::Lang;
use crate::indicator::catalog::label;

/// The headline indicators, by family, as the summary shows them.
pub const HEADLINES: &[(&str, &str, &[&str])] = &[
    (
        "Nákladovost",
        "Cost",
        &[
            "cost.total",
            "cost.per_direct_hour",
            "fees.per_direct_hour",
            "cost.unfunded_per_hour",
            "cost.per_client",
            "revenue.fee_share",
            "result.balance",
        ],
    ),
    (
        "Personální přiměřenost",
        "Staffing",
        &[
            "staff.fte_total",
            "staff.utilization",
            "staff.travel_share",
            "staff.required_fte",
            "staff.adequacy",
            "staff.training_compliance",
        ],
    ),
    (
        "Zacílení",
        "Targeting",
        &[
            "target.high_dependency_share",
            "target.personal_care_share",
            "target.meal_only_share",
            "target.age80_share",
            "target.hours_per_client_month",
        ],
    ),
    (
        "Úhrady",
        "Fees",
        &[
            "fees.cap_use",
            "fees.rows_over_cap",
            "fees.excess_total",
            "fees.exempt_charged",
            "fees.rows_off_price",
        ],
    ),
];

/// An indicator's value as a person reads it, with its unit.
pub fn format_value(i: &Indicator, lang: Lang) -> String {
    let Some(v) = i.value else {
        let why = i.unavailable.as_ref().map(|u| u.get(lang));
        return format!(
            "{}: {}",
            lang.pick("nedostupné", "not available"),
            why.unwrap_or("")
        );
    };
    let mut s = match i.unit {
        Unit::Czk => money(v, lang),
        Unit::Share => percent(v, lang),
        Unit::Count => number(v, 0, lang),
        Unit::Ratio | Unit::Fte | Unit::Workers => number(v, 2, lang),
        Unit::Minutes | Unit::HoursPerClientMonth | Unit::HoursPerFteYear | Unit::ClientsPerFte => {
            format!("{} {}", number(v, 1, lang), i.unit.label(lang))
        }
        _ => format!("{} {}", number(v, 2, lang), i.unit.label(lang)),
    };
    if let Some(n) = i.unknown.filter(|n| *n > 0) {
        let _ = write!(s, " ({n} {})", lang.pick("neznámých", "unknown"));
    }
    s
}

fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Ok => "[ok]",
        Status::Warn => "[!]",
        Status::Bad => "[!!]",
        Status::None => "",
    }
}

/// The summary text.
pub fn summary(r: &AuditReport, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.provider.name);
    if let Some(p) = r.provider.period {
        let _ = writeln!(
            out,
            "{} {} – {}",
            lang.pick("Období", "Period"),
            crate::display::date(p.from, lang),
            crate::display::date(p.to, lang)
        );
    }
    if let Some(w) = r.law_warning(lang) {
        let _ = writeln!(out, "! {w}");
    }
    for (cs, en, ids) in HEADLINES {
        let _ = writeln!(out, "\n{}", lang.pick(cs, en));
        for id in *ids {
            if let Some(i) = r.indicator(id) {
                let _ = writeln!(
                    out,
                    "  {:<44} {} {}",
                    label(id, lang),
                    format_value(i, lang),
                    status_mark(i.status)
                );
            }
        }
    }
    hour_lines(&mut out, r, lang);
    let mut by_kind: BTreeMap<_, u64> = BTreeMap::new();
    for f in &r.findings {
        *by_kind.entry(f.kind).or_default() += 1;
    }
    let counted: u64 = r
        .indicators
        .iter()
        .filter(|(id, _)| id.starts_with("integrity.findings."))
        .filter_map(|(_, i)| i.value)
        .map(|v| u64::try_from(v).unwrap_or(0))
        .sum();
    let _ = writeln!(
        out,
        "\n{} ({})",
        lang.pick("Nálezy", "Findings"),
        r.findings.len() as u64 + r.findings_not_listed
    );
    if counted == 0 && by_kind.is_empty() {
        let _ = writeln!(out, "  {}", lang.pick("žádné", "none"));
    }
    for (kind, n) in &by_kind {
        let _ = writeln!(out, "  {:<44} {n}", kind.label(lang));
    }
    let rejected: Vec<_> = r.problems.iter().filter(|p| p.is_rejected()).collect();
    let _ = writeln!(out, "\n{}", lang.pick("Vstupní data", "Input rows"));
    for (sheet, c) in &r.rows {
        let _ = writeln!(
            out,
            "  {sheet:<14} {} {:>7}  {} {:>7}  {} {:>5}",
            lang.pick("načteno", "read"),
            c.read,
            lang.pick("přijato", "accepted"),
            c.accepted,
            lang.pick("odmítnuto", "rejected"),
            c.rejected
        );
    }
    if !rejected.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({}):",
            lang.pick("Odmítnuté řádky", "Rejected rows"),
            rejected.len()
        );
        for p in rejected.iter().take(15) {
            let _ = writeln!(out, "  {}", p.describe(lang));
        }
        if rejected.len() > 15 {
            let _ = writeln!(
                out,
                "  … {} {}",
                rejected.len() - 15,
                lang.pick("dalších", "more")
            );
        }
    }
    for note in &r.parameters.notes {
        let _ = writeln!(out, "\n* {}", note.get(lang));
    }
    out
}

/// The hour in three lines: actual, normative (marked when the parameters
/// are the examples), travel per contact hour.
fn hour_lines(out: &mut String, r: &AuditReport, lang: Lang) {
    let h = &r.hour;
    let _ = writeln!(out, "\n{}", lang.pick("Cena hodiny", "Hour cost"));
    if let Some(bu) = &h.buildup {
        let _ = writeln!(
            out,
            "  {:<44} {}",
            lang.pick("skutečná hodina přímé péče", "actual direct hour"),
            money(bu.per_direct_hour, lang)
        );
    }
    if let Some(n) = &h.normative {
        let note = if n.parameters.example {
            lang.pick(" (ilustrační parametry)", " (example parameters)")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:<44} {}{note}",
            lang.pick("normativní cena hodiny", "normative price of an hour"),
            money(n.price, lang)
        );
    }
    if let Some(t) = h.travel.travel_minutes_per_contact_hour {
        let _ = writeln!(
            out,
            "  {:<44} {} min",
            lang.pick("cesta na hodinu přímé péče", "travel per contact hour"),
            number(t, 1, lang)
        );
    }
    // Care turned to higher dependency: the change in fees and in FTE.
    if let Some(s) = h
        .scenarios
        .iter()
        .find(|s| s.id == "retarget_high_dependency")
        && let (Some(fees), Some(now), Some(needed)) = (
            s.effect("fee_change"),
            s.effect("fte_now"),
            s.effect("fte_needed"),
        )
    {
        let _ = writeln!(
            out,
            "  {:<44} {} {}, {} {} → {}",
            lang.pick(
                "přesun péče ke stupňům III a IV",
                "care turned to degrees III and IV"
            ),
            lang.pick("úhrady", "fees"),
            money(fees, lang),
            lang.pick("úvazky PSS", "PSS FTE"),
            number(now, 2, lang),
            number(needed, 2, lang)
        );
    }
    // The caps of another date: what the newest decree (or the date asked)
    // does to the fees of a provider charging the caps.
    if let Some(s) = h.scenarios.iter().find(|s| s.id == "caps_on_date")
        && let (Some(change), Some(date)) = (s.effect("revenue_change"), s.date)
    {
        let label = format!(
            "{} {}",
            lang.pick("úhrady na limitech k", "fees at the caps of"),
            crate::display::date(date, lang)
        );
        let _ = writeln!(
            out,
            "  {label:<44} {} {}",
            money(change, lang),
            lang.pick("(změna)", "(change)")
        );
    }
}
