//! What every face shows first: the headline indicators by family, the
//! findings by kind (full counts, the first few listed), the rows read and
//! rejected. [`Summary`] is that as data (the page draws it); [`text`] is
//! the terminal's summary, as `audit` prints it.

use std::fmt::Write;

use serde::Serialize;

use crate::audit::AuditReport;
use crate::display::{money, number};
use crate::i18n::Lang;
use crate::indicator::HEADLINES;
use crate::indicator::catalog::label;
use crate::problem::Problem;

/// What a face shows of one audit, in the audit's language, values
/// formatted as the summary formats them and exact beside them for
/// machines. Serialises to the JSON the page reads.
///
/// ```
/// use homecare_audit::run::{AuditRequest, Source};
/// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).run()?;
/// let summary = audited.summary();
/// assert_eq!(summary.families[0].name, "Nákladovost");
/// // The findings are counted in full, whatever the listing cap.
/// let counted: u64 = summary.findings.iter().map(|g| g.count).sum();
/// assert_eq!(counted, summary.findings_total);
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The provider's name.
    pub provider: String,
    /// The period, `1. 1. 2025 – 31. 12. 2025`.
    pub period: Option<String>,
    /// The law warning ([`AuditReport::law_warning`]).
    pub law_warning: Option<String>,
    /// The headline indicators, by family.
    pub families: Vec<SummaryFamily>,
    /// The findings by kind.
    pub findings: Vec<FindingGroup>,
    /// Every finding found, listed or not.
    pub findings_total: u64,
    /// Rows read, accepted and rejected, per sheet.
    pub rows: Vec<SheetRows>,
    /// The first rejected rows of the provider's workbook.
    pub rejected: Vec<RejectedRow>,
    /// Every rejected row of the provider's workbook.
    pub rejected_total: usize,
    /// Rows rejected in the law and benchmarks workbooks given beside it
    /// (each with its file).
    pub other_rejected: Vec<RejectedRow>,
    /// The lists the records came without (no `Klienti`, no `Pracovníci`)
    /// and what each would make available.
    pub absent_lists: Vec<AbsentList>,
}

/// A list the records came without, and what adding it would make
/// available.
#[derive(Clone, Debug, Serialize)]
pub struct AbsentList {
    /// The sheet's canonical name (`Klienti`, `Pracovníci`).
    pub sheet: &'static str,
    /// The sentence the summary prints: `Seznam klientů (list Klienti) by
    /// zpřístupnil: …`.
    pub text: String,
    /// The indicators it would make available, named once per family
    /// ([`summary_label`](crate::indicator::catalog::summary_label)).
    ///
    /// The text and the names are [`AuditReport::made_available_text`]'s.
    pub indicators: Vec<String>,
}

impl AbsentList {
    /// Every list `r` lacks, with what it would make available.
    fn of(r: &AuditReport, lang: Lang) -> Vec<AbsentList> {
        r.absent_lists
            .iter()
            .map(|&list| {
                let (text, indicators) = r.made_available_text(list, lang);
                AbsentList {
                    sheet: list.sheet(),
                    text,
                    indicators,
                }
            })
            .collect()
    }
}

/// One family of headline indicators.
#[derive(Clone, Debug, Serialize)]
pub struct SummaryFamily {
    /// Its name (`Nákladovost`).
    pub name: &'static str,
    /// Its indicators the report has, in order.
    pub indicators: Vec<Headline>,
}

/// One headline indicator.
#[derive(Clone, Debug, Serialize)]
pub struct Headline {
    /// The id (`cost.per_direct_hour`).
    pub id: &'static str,
    /// The label in the audit's language.
    pub label: String,
    /// The value as a person reads it ([`Indicator::formatted`](crate::audit::Indicator::formatted)).
    pub value: String,
    /// The exact value (a decimal string), `None` when not available.
    pub exact: Option<String>,
    /// The status id (`ok`, `warn`, `bad`, `none`).
    pub status: &'static str,
}

/// The findings of one kind.
#[derive(Clone, Debug, Serialize)]
pub struct FindingGroup {
    /// The kind's id (`overlap`).
    pub kind: &'static str,
    /// The kind in words.
    pub label: &'static str,
    /// How many the audit found (all, not only the listed).
    pub count: u64,
    /// The first ones listed.
    pub first: Vec<FindingRow>,
}

/// One listed finding.
#[derive(Clone, Debug, Serialize)]
pub struct FindingRow {
    /// Where (`Výkazy!D17`), empty when the finding has no single place.
    pub place: String,
    /// What, in the audit's language.
    pub detail: String,
}

/// Rows of one sheet.
#[derive(Clone, Debug, Serialize)]
pub struct SheetRows {
    /// The sheet.
    pub sheet: String,
    /// Rows read.
    pub read: u64,
    /// Rows accepted.
    pub accepted: u64,
    /// Rows rejected.
    pub rejected: u64,
}

/// One rejected row.
#[derive(Clone, Debug, Serialize)]
pub struct RejectedRow {
    /// The file, for a row of a workbook beside the provider's (law,
    /// benchmarks); `None` for the provider's own.
    pub file: Option<String>,
    /// Where (`Výkazy!D17`).
    pub place: String,
    /// The raw value.
    pub raw: String,
    /// Why, in the audit's language.
    pub reason: String,
}

impl RejectedRow {
    pub(crate) fn new(file: Option<&str>, p: &Problem, lang: Lang) -> RejectedRow {
        RejectedRow {
            file: file.map(str::to_string),
            place: p.place.to_string(),
            raw: p.raw.clone(),
            reason: p.reason.message(lang),
        }
    }
}

impl Summary {
    /// The summary of `r`, with at most `listed` findings of a kind and
    /// rejected rows listed; `other_rejected` are the rows rejected in the
    /// workbooks beside the provider's.
    pub(crate) fn new(
        r: &AuditReport,
        lang: Lang,
        listed: usize,
        other_rejected: Vec<RejectedRow>,
    ) -> Summary {
        let families = HEADLINES
            .iter()
            .map(|family| SummaryFamily {
                name: family.name(lang),
                indicators: family
                    .ids
                    .iter()
                    .filter_map(|id| {
                        let i = r.indicator(id)?;
                        Some(Headline {
                            id,
                            label: label(id, lang),
                            value: i.formatted(lang),
                            exact: i.value.map(|v| v.to_string()),
                            status: i.status.id(),
                        })
                    })
                    .collect(),
            })
            .collect();
        let findings = r
            .findings_by_kind()
            .into_iter()
            .map(|k| FindingGroup {
                kind: k.kind.id(),
                label: k.kind.label(lang),
                count: k.count,
                first: k
                    .listed
                    .iter()
                    .take(listed)
                    .map(|f| FindingRow {
                        place: f.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                        detail: f.detail(lang).to_string(),
                    })
                    .collect(),
            })
            .collect();
        let rejections: Vec<&Problem> = r.problems.iter().filter(|p| p.is_rejected()).collect();
        Summary {
            provider: r.provider.name.clone(),
            period: r.provider.period.map(|p| {
                format!(
                    "{} – {}",
                    crate::display::date(p.from, lang),
                    crate::display::date(p.to, lang)
                )
            }),
            law_warning: r.law_warning(lang),
            families,
            findings_total: r.findings_total(),
            findings,
            rows: r
                .rows
                .iter()
                .map(|(sheet, c)| SheetRows {
                    sheet: sheet.clone(),
                    read: c.read,
                    accepted: c.accepted,
                    rejected: c.rejected,
                })
                .collect(),
            rejected_total: rejections.len(),
            rejected: rejections
                .iter()
                .take(listed)
                .map(|p| RejectedRow::new(None, p, lang))
                .collect(),
            other_rejected,
            absent_lists: AbsentList::of(r, lang),
        }
    }
}

/// The summary as text for a terminal: the provider, the headline
/// indicators by family with their status marks, the hour's cost, the
/// findings by kind (full counts), the rows of each sheet and the first
/// rejected rows.
///
/// ```
/// use homecare_audit::Lang;
/// use homecare_audit::run::{AuditRequest, Source};
/// let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx")).lang(Lang::En).run()?;
/// let text = homecare_audit::run::summary_text(audited.report(), Lang::En);
/// assert!(text.contains("\nCost\n"));
/// # Ok::<(), homecare_audit::Error>(())
/// ```
pub fn summary_text(r: &AuditReport, lang: Lang) -> String {
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
    for family in HEADLINES {
        let _ = writeln!(out, "\n{}", family.name(lang));
        for id in family.ids {
            if let Some(i) = r.indicator(id) {
                let _ = writeln!(
                    out,
                    "  {:<44} {} {}",
                    label(id, lang),
                    i.formatted(lang),
                    i.status.mark()
                );
            }
        }
    }
    hour_lines(&mut out, r, lang);
    for list in AbsentList::of(r, lang) {
        let _ = writeln!(out, "\n{}", list.text);
    }
    // Full counts: the listing cap cuts what is listed, not what is found.
    let by_kind = r.findings_by_kind();
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
        r.findings_total()
    );
    if counted == 0 && by_kind.is_empty() {
        let _ = writeln!(out, "  {}", lang.pick("žádné", "none"));
    }
    for k in &by_kind {
        let _ = writeln!(out, "  {:<44} {}", k.kind.label(lang), k.count);
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
    {
        let _ = writeln!(
            out,
            "  {:<44} {}",
            lang.pick(
                "přesun péče ke stupňům III a IV",
                "care turned to degrees III and IV"
            ),
            retarget_figures(s, lang)
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

/// The retargeting scenario's line: the change in fees and the PSS FTE now
/// → needed; what it cannot say is "not available" with the scenario's
/// reason, never left out.
fn retarget_figures(s: &crate::audit::hour_cost::Scenario, lang: Lang) -> String {
    let why = s.unavailable.as_ref().map_or("", |u| u.get(lang));
    let na = format!("{}: {why}", lang.pick("nedostupné", "not available"));
    let fees = s
        .effect("fee_change")
        .map(|f| format!("{} {}", lang.pick("úhrady", "fees"), money(f, lang)));
    let fte = match (s.effect("fte_now"), s.effect("fte_needed")) {
        (Some(now), Some(needed)) => format!(
            "{} {} → {}",
            lang.pick("úvazky PSS", "PSS FTE"),
            number(now, 2, lang),
            number(needed, 2, lang)
        ),
        _ => format!("{} {na}", lang.pick("úvazky PSS", "PSS FTE")),
    };
    match fees {
        Some(fees) => format!("{fees}, {fte}"),
        None => na,
    }
}
