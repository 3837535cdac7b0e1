//! The report a council can publish: no client or worker identifier, no
//! name, no birth year and no free text from the input. Per-client and
//! per-worker rows give way to distributions; a group of fewer than
//! [`SMALL_GROUP`] people is shown as "< 3" and left out of the totals that
//! would reveal it; findings keep kind, month, count and amount; rejected
//! rows keep sheet, reason and count. One redaction of the report, not a
//! second code path for each sheet: the report writer and the JSON take
//! the redacted report.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;

use super::report::{AuditReport, ClientLine, Finding, Unavailable, WorkerLine};
use crate::i18n::{Lang, Text};
use crate::indicator::catalog;
use crate::model::Dataset;

/// Groups smaller than this are not shown (a group of one or two is a
/// person).
pub const SMALL_GROUP: u64 = 3;

/// One group of a distribution: its label and how many people are in it,
/// `None` when fewer than [`SMALL_GROUP`] ("< 3").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Czech label.
    pub cs: String,
    /// English label.
    pub en: String,
    /// People in the group; `None` for 1 or 2 (shown "< 3").
    pub count: Option<u64>,
}

/// Rejected input rows of one sheet for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedRows {
    /// The sheet.
    pub sheet: String,
    /// The reason's id.
    pub reason: &'static str,
    /// The reason in words.
    #[serde(skip)]
    pub message: Text,
    /// How many rows.
    pub count: u64,
}

/// What the published report shows instead of the people in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicTables {
    /// Clients served by care-allowance degree.
    pub clients_by_degree: Vec<Group>,
    /// Clients served by their mean direct hours a month served.
    pub clients_by_hours: Vec<Group>,
    /// Clients served by age band at the period's end.
    pub clients_by_age: Vec<Group>,
    /// Workers by role.
    pub workers_by_role: Vec<Group>,
    /// Workers by contracted FTE.
    pub workers_by_fte: Vec<Group>,
    /// Rejected input rows by sheet and reason.
    pub rejected: Vec<RejectedRows>,
    /// What was withheld and why (in JSON, English).
    pub withheld: Vec<Text>,
}

fn group(cs: &str, en: &str, n: u64) -> Group {
    Group {
        cs: cs.to_string(),
        en: en.to_string(),
        count: (n == 0 || n >= SMALL_GROUP).then_some(n),
    }
}

impl AuditReport {
    /// The report fit for publication (see the module's docs): what a
    /// council may put on its website. `dataset` is the one audited (for
    /// the months of the findings).
    ///
    /// ```
    /// use homecare_audit::{Audit, synth::Synth};
    /// let ds = Synth::new(5, 2_000).dataset();
    /// let public = Audit::new(&ds).run().public(&ds);
    /// let json = serde_json::to_string(&public).unwrap();
    /// assert!(ds.clients.iter().all(|c| !json.contains(&format!("\"{}\"", c.id))));
    /// ```
    pub fn public(&self, dataset: &Dataset) -> AuditReport {
        let mut r = self.clone();
        let served: Vec<&ClientLine> = self.clients.iter().filter(|c| c.served).collect();
        let tables = PublicTables {
            clients_by_degree: catalog::DEGREES
                .iter()
                .map(|(id, cs, en)| {
                    let n = served.iter().filter(|c| c.degree == *id).count() as u64;
                    group(cs, en, n)
                })
                .collect(),
            clients_by_hours: hour_bands(&served),
            clients_by_age: age_bands(&served),
            workers_by_role: role_groups(&self.workers),
            workers_by_fte: fte_bands(&self.workers),
            rejected: rejected(self),
            withheld: WITHHELD
                .iter()
                .map(|(cs, en)| Text::new(*cs, *en))
                .collect(),
        };
        // Degree groups of one or two clients: their shares would name them.
        for (id, ..) in catalog::DEGREES {
            let n = served.iter().filter(|c| c.degree == id).count() as u64;
            if n > 0 && n < SMALL_GROUP {
                for prefix in ["target.clients_by_degree.", "target.hours_by_degree."] {
                    if let Some(i) = r.indicators.get_mut(&format!("{prefix}{id}")) {
                        i.value = None;
                        i.numerator = None;
                        i.unavailable = Some(Unavailable::new(
                            "nezveřejněno: méně než 3 klienti",
                            "withheld: fewer than 3 clients",
                        ));
                    }
                }
            }
        }
        r.clients = vec![all_clients(&self.clients)];
        r.workers = vec![all_workers(&self.workers)];
        r.findings = findings_by_month(&self.findings, &self.finding_counts, dataset);
        r.findings_not_listed = 0;
        r.problems = Vec::new();
        // The applications stay (the Dosah sheet counts over them), without
        // whom they name.
        for a in &mut r.reach.applicants {
            a.id = String::new();
        }
        r.parameters
            .notes
            .extend(WITHHELD.iter().map(|(cs, en)| Text::new(*cs, *en)));
        r.public = Some(tables);
        r
    }
}

/// What the published report leaves out, and why, in both languages.
const WITHHELD: [(&str, &str); 4] = [
    (
        "Klienti a pracovníci nejsou uvedeni jednotlivě (ochrana osobních údajů, GDPR čl. 9: stupeň příspěvku na péči je údaj o zdraví): místo nich rozložení; skupiny menší než 3 osoby jsou uvedeny jako „< 3“.",
        "Clients and workers are not listed one by one (personal data; the care-allowance degree is health data, GDPR art. 9): distributions instead; groups of fewer than 3 people are shown as \"< 3\".",
    ),
    (
        "Nálezy jsou sečteny podle druhu a měsíce, bez klienta, pracovníka a odkazu do vstupu.",
        "Findings are summed by kind and month, without client, worker or link into the input.",
    ),
    (
        "Odmítnuté řádky jsou sečteny podle listu a důvodu, bez hodnot ze vstupu.",
        "Rejected rows are summed by sheet and reason, without the input's values.",
    ),
    (
        "Poznámky k nákladům a název vstupního souboru nejsou uvedeny (volný text ze vstupu).",
        "Cost notes and the input file's name are left out (free text from the input).",
    ),
];

fn hour_bands(served: &[&ClientLine]) -> Vec<Group> {
    const BANDS: [(u64, &str, &str); 5] = [
        (2, "do 2 h měsíčně", "up to 2 h a month"),
        (5, "2–5 h měsíčně", "2–5 h a month"),
        (10, "5–10 h měsíčně", "5–10 h a month"),
        (20, "10–20 h měsíčně", "10–20 h a month"),
        (u64::MAX, "nad 20 h měsíčně", "over 20 h a month"),
    ];
    let mut counts = [0u64; 5];
    for c in served {
        // Mean direct seconds a month served, against the band's hours.
        let per_month = c.direct_seconds / c.months.max(1);
        let band = BANDS
            .iter()
            .position(|(h, ..)| per_month <= h.saturating_mul(3600))
            .unwrap_or(4);
        counts[band] += 1;
    }
    BANDS
        .iter()
        .zip(counts)
        .map(|((_, cs, en), n)| group(cs, en, n))
        .collect()
}

fn age_bands(served: &[&ClientLine]) -> Vec<Group> {
    let bands: [(Option<i32>, &str, &str); 5] = [
        (Some(64), "do 64 let", "up to 64"),
        (Some(79), "65–79 let", "65–79"),
        (Some(89), "80–89 let", "80–89"),
        (Some(i32::MAX), "90 a více let", "90 and over"),
        (None, "věk neznámý", "age unknown"),
    ];
    let mut counts = [0u64; 5];
    for c in served {
        let band = match c.age {
            Some(a) => bands
                .iter()
                .position(|(up, ..)| up.is_some_and(|u| a <= u))
                .unwrap_or(3),
            None => 4,
        };
        counts[band] += 1;
    }
    bands
        .iter()
        .zip(counts)
        .map(|((_, cs, en), n)| group(cs, en, n))
        .collect()
}

fn role_groups(workers: &[WorkerLine]) -> Vec<Group> {
    let mut by_role: BTreeMap<&str, u64> = BTreeMap::new();
    // A worker only the timesheet names has no role, nor an FTE below.
    for w in workers.iter().filter(|w| w.listed) {
        *by_role.entry(w.role).or_default() += 1;
    }
    by_role
        .into_iter()
        .map(|(role, n)| group(role, role, n))
        .collect()
}

fn fte_bands(workers: &[WorkerLine]) -> Vec<Group> {
    let half = Decimal::new(5, 1);
    let mut counts = [0u64; 3];
    for w in workers.iter().filter(|w| w.listed) {
        let band = if w.fte < half {
            0
        } else if w.fte < Decimal::ONE {
            1
        } else {
            2
        };
        counts[band] += 1;
    }
    [
        ("úvazek pod 0,5", "FTE under 0.5"),
        ("úvazek 0,5 až pod 1", "FTE 0.5 to under 1"),
        ("plný úvazek", "full time"),
    ]
    .iter()
    .zip(counts)
    .map(|((cs, en), n)| group(cs, en, n))
    .collect()
}

fn rejected(r: &AuditReport) -> Vec<RejectedRows> {
    let mut by: BTreeMap<(String, &'static str), (u64, Text)> = BTreeMap::new();
    for p in r.problems.iter().filter(|p| p.is_rejected()) {
        let e = by
            .entry((p.place.sheet.clone(), p.reason.id()))
            .or_insert_with(|| (0, p.reason.text()));
        e.0 += 1;
    }
    by.into_iter()
        .map(|((sheet, reason), (count, message))| RejectedRows {
            sheet,
            reason,
            message,
            count,
        })
        .collect()
}

/// Every client as one line: the sums the summary and the indicators add
/// up, nothing that is one person's.
fn all_clients(clients: &[ClientLine]) -> ClientLine {
    let served = clients.iter().filter(|c| c.served).count();
    let mut all = ClientLine {
        id: format!("všichni klienti / all clients ({served})"),
        degree: "",
        age: None,
        lives_alone: None,
        at_risk: None,
        direct_seconds: 0,
        group_seconds: [0; 5],
        optional_seconds: 0,
        contacts: 0,
        months: 0,
        fees: Decimal::ZERO,
        meal_only: false,
        served: served > 0,
    };
    for c in clients {
        all.direct_seconds += c.direct_seconds;
        for (a, g) in all.group_seconds.iter_mut().zip(c.group_seconds) {
            *a += g;
        }
        all.optional_seconds += c.optional_seconds;
        all.contacts += c.contacts;
        all.months += c.months;
        all.fees = all.fees.checked_add(c.fees).unwrap_or(all.fees);
    }
    all
}

/// Every worker as one line (no role, no person's pay or hours).
fn all_workers(workers: &[WorkerLine]) -> WorkerLine {
    let sum = |f: fn(&WorkerLine) -> Decimal| workers.iter().map(f).sum::<Decimal>();
    WorkerLine {
        id: format!("všichni pracovníci / all workers ({})", workers.len()),
        role: "",
        fte: sum(|w| w.fte),
        average_fte: sum(|w| w.average_fte),
        contract_hours: sum(|w| w.contract_hours),
        absence_hours: sum(|w| w.absence_hours),
        training_hours: sum(|w| w.training_hours),
        training_given: false,
        training_minimum: sum(|w| w.training_minimum),
        training_met: None,
        available_hours: sum(|w| w.available_hours),
        productive_hours: sum(|w| w.productive_hours),
        direct_seconds: workers.iter().map(|w| w.direct_seconds).sum(),
        optional_seconds: workers.iter().map(|w| w.optional_seconds).sum(),
        travel_seconds: workers.iter().map(|w| w.travel_seconds).sum(),
        indirect_seconds: workers.iter().map(|w| w.indirect_seconds).sum(),
        rows: workers.iter().map(|w| w.rows).sum(),
        clients: 0,
        personnel_cost: None,
        listed: workers.iter().all(|w| w.listed),
    }
}

/// Findings summed by kind and month (the month of the timesheet row a
/// finding points to; "—" for the others), without place or detail. A
/// kind's findings beyond the listing cap (counted in `counts`, not
/// listed) are a row of their own, "not listed", so that each kind's rows
/// add up to its full count.
fn findings_by_month(
    findings: &[Finding],
    counts: &BTreeMap<super::report::FindingKind, u64>,
    ds: &Dataset,
) -> Vec<Finding> {
    let visits_sheet = ds
        .source
        .sheets
        .get("Výkazy")
        .cloned()
        .unwrap_or_else(|| "Výkazy".to_string());
    let months: HashMap<u32, String> = ds
        .visits
        .iter()
        .map(|v| (v.row, v.date.format("%Y-%m").to_string()))
        .collect();
    let mut by: BTreeMap<(super::report::FindingKind, String), (u64, Option<Decimal>)> =
        BTreeMap::new();
    for f in findings {
        let month = f
            .place
            .as_ref()
            .filter(|p| p.sheet == visits_sheet)
            .and_then(|p| months.get(&p.row).cloned())
            .unwrap_or_else(|| "—".to_string());
        let e = by.entry((f.kind, month)).or_insert((0, None));
        e.0 += 1;
        if let Some(a) = f.amount {
            e.1 = Some(e.1.unwrap_or_default().checked_add(a).unwrap_or(a));
        }
    }
    let mut out: Vec<Finding> = Vec::with_capacity(by.len() + counts.len());
    let mut listed: BTreeMap<super::report::FindingKind, u64> = BTreeMap::new();
    for ((kind, month), (n, amount)) in by {
        *listed.entry(kind).or_default() += n;
        out.push(Finding {
            kind,
            place: None,
            detail: Text {
                en: format!("{month}: {n} × {}", kind.label(Lang::En)),
                cs: format!("{month}: {n} × {}", kind.label(Lang::Cs)),
            },
            amount,
        });
    }
    // The rest of each kind, after its months (the list is by kind).
    for (kind, &count) in counts {
        let rest = count.saturating_sub(listed.get(kind).copied().unwrap_or(0));
        if rest == 0 {
            continue;
        }
        let at = out
            .iter()
            .rposition(|f| f.kind <= *kind)
            .map_or(0, |i| i + 1);
        out.insert(
            at,
            Finding {
                kind: *kind,
                place: None,
                detail: Text {
                    en: format!(
                        "not listed (listing limit; month not known): {rest} × {}",
                        kind.label(Lang::En)
                    ),
                    cs: format!(
                        "nevypsané (limit výpisu; měsíc neznámý): {rest} × {}",
                        kind.label(Lang::Cs)
                    ),
                },
                amount: None,
            },
        );
    }
    out
}
