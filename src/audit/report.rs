//! What the audit returns: indicators, findings and detail tables.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

pub use crate::benchmark::{BenchmarkRef, Status};
use crate::i18n::{Lang, Text};
pub use crate::indicator::{FindingKind, Unit};
use crate::place::Place;
use crate::problem::{Problem, RowCount};

/// Why a figure is not available, in both languages (in JSON, the
/// English reason).
pub type Unavailable = crate::i18n::Text;

/// One indicator: value = numerator / denominator, or not available with a
/// reason (never 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// Stable id, e.g. `cost.per_direct_hour`.
    pub id: String,
    /// Unit of the value.
    pub unit: Unit,
    /// The value, exact (rounded only when displayed); `None` when not
    /// available.
    pub value: Option<Decimal>,
    /// Numerator, where the indicator is a ratio.
    pub numerator: Option<Decimal>,
    /// Denominator, where the indicator is a ratio.
    pub denominator: Option<Decimal>,
    /// Why the value is missing.
    pub unavailable: Option<Unavailable>,
    /// For shares over clients: how many clients had the flag unknown.
    pub unknown: Option<u64>,
    /// True when the value is annualised (× 365 / days in the period).
    pub annualised: bool,
    /// Status against the benchmark.
    pub status: Status,
    /// The benchmark used.
    pub benchmark: Option<BenchmarkRef>,
}

impl Indicator {
    /// The value as a person reads it, with its unit and in `lang`'s
    /// number format (`612,35 Kč`, `41,2 %`, `3,50 FTE`); for a value not
    /// available, the words and the reason. Every face (the summary, the
    /// page) shows values this way; the report workbook writes the exact
    /// number and formats it in the cell.
    ///
    /// ```
    /// use homecare_audit::Lang;
    /// use homecare_audit::audit::{Indicator, Unit};
    /// use rust_decimal::Decimal;
    /// let share = Indicator::value("revenue.fee_share", Unit::Share, Decimal::new(4125, 4));
    /// // A no-break space before the per cent sign keeps it on the line.
    /// assert_eq!(share.formatted(Lang::Cs), "41,3\u{a0}%");
    /// assert_eq!(share.formatted(Lang::En), "41.3\u{a0}%");
    /// ```
    pub fn formatted(&self, lang: Lang) -> String {
        use crate::display::{money, number, percent};
        let Some(v) = self.value else {
            let why = self.unavailable.as_ref().map(|u| u.get(lang));
            return format!(
                "{}: {}",
                lang.pick("nedostupné", "not available"),
                why.unwrap_or("")
            );
        };
        // Counts are whole; ratios and FTE to two places; the per-time
        // units to one, which is what an auditor compares.
        let mut s = match self.unit {
            Unit::Czk => money(v, lang),
            Unit::Share => percent(v, lang),
            Unit::Count => number(v, 0, lang),
            Unit::Ratio | Unit::Fte | Unit::Workers => number(v, 2, lang),
            Unit::Minutes
            | Unit::PerThousand
            | Unit::Days
            | Unit::HoursPerClientMonth
            | Unit::HoursPerFteYear
            | Unit::ClientsPerFte => {
                format!("{} {}", number(v, 1, lang), self.unit.label(lang))
            }
            _ => format!("{} {}", number(v, 2, lang), self.unit.label(lang)),
        };
        if let Some(n) = self.unknown.filter(|n| *n > 0) {
            s.push_str(&format!(" ({n} {})", lang.pick("neznámých", "unknown")));
        }
        s
    }

    /// An available value without numerator and denominator.
    pub fn value(id: impl Into<String>, unit: Unit, value: Decimal) -> Indicator {
        Indicator {
            id: id.into(),
            unit,
            value: Some(value),
            numerator: None,
            denominator: None,
            unavailable: None,
            unknown: None,
            annualised: false,
            status: Status::None,
            benchmark: None,
        }
    }

    /// A count.
    pub fn count(id: impl Into<String>, n: u64) -> Indicator {
        Indicator::value(id, Unit::Count, Decimal::from(n))
    }

    /// Not available, with the reason.
    pub fn unavailable(id: impl Into<String>, unit: Unit, why: Unavailable) -> Indicator {
        Indicator {
            value: None,
            unavailable: Some(why),
            ..Indicator::value(id, unit, Decimal::ZERO)
        }
    }

    /// numerator / denominator; not available when the denominator is 0.
    pub fn ratio(
        id: impl Into<String>,
        unit: Unit,
        num: Decimal,
        den: Decimal,
        zero: Unavailable,
    ) -> Indicator {
        let id = id.into();
        match num.checked_div(den) {
            Some(v) if !den.is_zero() => Indicator {
                numerator: Some(num),
                denominator: Some(den),
                ..Indicator::value(id, unit, v)
            },
            _ => Indicator {
                numerator: Some(num),
                denominator: Some(den),
                ..Indicator::unavailable(id, unit, zero)
            },
        }
    }

    /// Marks the value as annualised.
    pub fn annualised(mut self) -> Indicator {
        self.annualised = true;
        self
    }

    /// Sets the count of unknowns beside a share.
    pub fn with_unknown(mut self, n: u64) -> Indicator {
        self.unknown = Some(n);
        self
    }
}

impl Serialize for Indicator {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match (self.value, self.unit) {
            (Some(v), Unit::Count) => m.serialize_entry("value", &u64::try_from(v).unwrap_or(0))?,
            (Some(v), _) => m.serialize_entry("value", &v.normalize().to_string())?,
            (None, _) => m.serialize_entry("value", &None::<String>)?,
        }
        m.serialize_entry("unit", &self.unit)?;
        if let Some(n) = self.numerator {
            m.serialize_entry("numerator", &n.normalize().to_string())?;
        }
        if let Some(d) = self.denominator {
            m.serialize_entry("denominator", &d.normalize().to_string())?;
        }
        if let Some(u) = &self.unavailable {
            m.serialize_entry("reason", &u.en)?;
        }
        if let Some(n) = self.unknown {
            m.serialize_entry("unknown", &n)?;
        }
        if self.annualised {
            m.serialize_entry("annualised", &true)?;
        }
        m.serialize_entry("status", &self.status)?;
        if let Some(b) = &self.benchmark {
            m.serialize_entry("benchmark", b)?;
        }
        m.end()
    }
}

/// One anomaly, with the input place it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Kind.
    pub kind: FindingKind,
    /// The input cell (row-level findings: column A of the row); `None` for
    /// records built in code.
    pub place: Option<Place>,
    /// What exactly (in JSON, English).
    pub detail: Text,
    /// An amount in Kč where the finding has one (the excess over a cap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
}

impl Finding {
    /// The detail in a language.
    pub fn detail(&self, lang: Lang) -> &str {
        self.detail.get(lang)
    }
}

/// One worker's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorkerLine {
    /// Worker id.
    pub id: String,
    /// Role code.
    pub role: &'static str,
    /// FTE.
    pub fte: Decimal,
    /// FTE × share of the period employed.
    pub average_fte: Decimal,
    /// Contract hours in the period.
    pub contract_hours: Decimal,
    /// Absence hours (given, or leave derived from the law).
    pub absence_hours: Decimal,
    /// Training hours (given, or the prorated minimum).
    pub training_hours: Decimal,
    /// Whether training hours were given.
    pub training_given: bool,
    /// The prorated legal minimum of training hours.
    pub training_minimum: Decimal,
    /// Whether the minimum was met: `None` for workers outside the rule
    /// (roles other than PSS and SP, not employed in the period) and when
    /// training hours were not given.
    pub training_met: Option<bool>,
    /// Contract − absence.
    pub available_hours: Decimal,
    /// Available − training.
    pub productive_hours: Decimal,
    /// Direct seconds (statutory tasks).
    pub direct_seconds: u64,
    /// Optional (FAK) seconds.
    pub optional_seconds: u64,
    /// Travel seconds.
    pub travel_seconds: u64,
    /// Indirect seconds.
    pub indirect_seconds: u64,
    /// Timesheet rows in the period.
    pub rows: u64,
    /// Distinct clients served.
    pub clients: u64,
    /// Personnel cost, when given.
    pub personnel_cost: Option<Decimal>,
    /// False for a worker only the timesheet names (no staff list): the
    /// role is empty and the staff list's figures (FTE, contract, absence,
    /// training, available and productive hours) are unknown, written as
    /// 0 here and left empty in the report.
    pub listed: bool,
}

/// One client's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClientLine {
    /// Client id.
    pub id: String,
    /// Care-allowance degree id (`none`, `I`…`IV`, `unknown`).
    pub degree: &'static str,
    /// Age at the period's end (year difference), when known.
    pub age: Option<i32>,
    /// Lives alone.
    pub lives_alone: Option<bool>,
    /// At risk of social exclusion.
    pub at_risk: Option<bool>,
    /// Direct seconds.
    pub direct_seconds: u64,
    /// Direct seconds by task group a–e.
    pub group_seconds: [u64; 5],
    /// Optional (FAK) seconds.
    pub optional_seconds: u64,
    /// Contacts (distinct date × worker).
    pub contacts: u64,
    /// Months with a direct row.
    pub months: u64,
    /// Fees charged.
    pub fees: Decimal,
    /// Every direct row is a meal task (group c).
    pub meal_only: bool,
    /// Served: at least one direct row in the period.
    pub served: bool,
}

/// One month's line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthLine {
    /// First day of the month.
    pub month: NaiveDate,
    /// Days of the month inside the period.
    pub days: u32,
    /// Direct seconds.
    pub direct_seconds: u64,
    /// Travel seconds.
    pub travel_seconds: u64,
    /// Worked seconds (all kinds).
    pub worked_seconds: u64,
    /// Clients served that month.
    pub clients: u64,
    /// Contacts.
    pub contacts: u64,
    /// Fees on rows.
    pub fees: Decimal,
    /// Direct seconds out of hours (weekends, holidays, before 6:00 or
    /// from 18:00).
    pub out_of_hours_seconds: u64,
    /// Seconds of hourly statutory tasks.
    pub hourly_seconds: u64,
    /// Fees on rows of hourly statutory tasks.
    pub hourly_fees: Decimal,
    /// Σ over the month's clients of the distinct workers each saw.
    pub client_workers: u64,
    /// Clients with more than 80 direct hours in the month.
    pub clients_over_80h: u64,
    /// Cost allocated to the month by its days in the period; `None`
    /// without costs.
    pub cost: Option<Decimal>,
}

/// The period and parameters the audit used, for the methodology sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Parameters {
    /// The period.
    pub period: Option<crate::Period>,
    /// Calendar days in the period.
    pub days: i64,
    /// Working days in the period.
    pub working_days: u32,
    /// The provider's weekly hours.
    pub weekly_hours: Decimal,
    /// Leave weeks used.
    pub leave_weeks: Decimal,
    /// The 80-hour rule variant.
    pub eighty_hour_rule: super::EightyHourRule,
    /// Status tolerance (fraction of the bound).
    pub status_tolerance: Decimal,
    /// Notes on what was skipped or assumed (in JSON, English).
    pub notes: Vec<Text>,
    /// The last day through which the built-in legal tables were checked
    /// ([`law::CHECKED_THROUGH`](crate::law::CHECKED_THROUGH)), present
    /// only when the period runs past it: a decree published since may have
    /// changed the caps the fee findings rest on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law_checked_through: Option<NaiveDate>,
}

/// The provider summary of the JSON report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProviderSummary {
    /// Name.
    pub name: String,
    /// Region.
    pub region: Option<String>,
    /// IČO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ico: Option<String>,
    /// Period.
    pub period: Option<crate::Period>,
}

/// The result of an audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// The provider.
    pub provider: ProviderSummary,
    /// Row accounting per input sheet (canonical Czech names), when the
    /// reading problems were given to the audit.
    pub rows: BTreeMap<String, RowCount>,
    /// The same row accounting per input file (file name → sheet → count),
    /// where a provider's records came in several files, each file's part.
    pub rows_by_file: BTreeMap<String, BTreeMap<String, RowCount>>,
    /// The input files read (name, format, SHA-256, a CSV file's encoding
    /// and delimiter).
    pub inputs: Vec<crate::model::InputFile>,
    /// Which input header and file gave each of our columns used.
    pub columns: Vec<crate::model::ColumnOrigin>,
    /// Every indicator by id.
    pub indicators: BTreeMap<String, Indicator>,
    /// Findings, in input order within each kind.
    pub findings: Vec<Finding>,
    /// Findings not listed because a kind reached the listing cap (they
    /// are counted in the indicators).
    pub findings_not_listed: u64,
    /// How many findings of each kind the audit found, counted in full
    /// whatever the listing cap (kinds found at least once; in JSON
    /// `findings_by_kind`, e.g. `{"overlap": 46}`). [`AuditReport::findings_by_kind`]
    /// pairs each count with the findings listed.
    #[serde(rename = "findings_by_kind")]
    pub finding_counts: BTreeMap<FindingKind, u64>,
    /// Rejected rows and notices from reading.
    pub problems: Vec<Problem>,
    /// Per worker.
    pub workers: Vec<WorkerLine>,
    /// Per client.
    pub clients: Vec<ClientLine>,
    /// Per month.
    pub months: Vec<MonthLine>,
    /// Period, parameters, notes.
    pub parameters: Parameters,
    /// The legal rows the audit applied: every row in effect on some day of
    /// the period, with its origin (built-in, or a user's file and cell).
    pub law: Vec<crate::law::LawRow>,
    /// When costs or revenues came from the accounts (`Výsledovka`): the
    /// sheet, the account map (built in, or with the auditor's `Účtová
    /// mapa`) and every rule applied, with its rows, amount and source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accounts: Option<crate::model::AccountsUsed>,
    /// What an hour costs and why: build-up, travel, normative price,
    /// scenarios (flattened into the JSON as `hour_buildup`, `travel`,
    /// `normative`, `normative_comparison`, `scenarios`).
    #[serde(flatten)]
    pub hour: super::hour_cost::HourAnalysis,
    /// In a report fit for publication ([`AuditReport::public`]): the
    /// distributions that stand for the clients and workers, the rejected
    /// rows by reason, and what was withheld. `None` in the auditor's full
    /// report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<super::publication::PublicTables>,
    /// The lists the records came without (no `Klienti`, no `Pracovníci`
    /// sheet; in JSON only when there is one): the indicators that need
    /// them are not available, and [`AuditReport::made_available_by`]
    /// names them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub absent_lists: Vec<crate::model::RecordList>,
    /// Public money against the service in detail: money by source, the
    /// reasonable profit taken, the costs the state grant may not pay line
    /// by line, the state grant at risk step by step, the region's method
    /// (the report's `Financování` sheet; JSON `finance`).
    pub finance: super::finance::FinanceDetail,
    /// Who the service reaches and who it turns away: the area's
    /// municipalities with the clients served from each, the clients from
    /// outside it, the applications as counted (the report's `Dosah`
    /// sheet; JSON `reach`).
    pub reach: super::reach::ReachDetail,
}

/// The findings of one kind: how many the audit found, and the ones it
/// lists (at most the listing cap of
/// [`AuditOptions::max_findings_per_kind`](crate::audit::AuditOptions)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindFindings<'a> {
    /// The kind.
    pub kind: FindingKind,
    /// Every finding of the kind, listed or not.
    pub count: u64,
    /// The findings listed, in input order.
    pub listed: &'a [Finding],
}

impl KindFindings<'_> {
    /// Findings of the kind the report counts but does not list.
    pub fn not_listed(&self) -> u64 {
        self.count.saturating_sub(self.listed.len() as u64)
    }
}

impl AuditReport {
    /// The indicators an absent list would make available, in report
    /// order: those not available for want of it.
    ///
    /// ```
    /// use homecare_audit::audit::Audit;
    /// use homecare_audit::model::RecordList;
    /// use homecare_audit::{Dataset, Visit};
    ///
    /// let mut b = Dataset::builder();
    /// b.without_list(RecordList::Clients).without_list(RecordList::Workers);
    /// let (w, k) = (b.timesheet_worker("P1")?, b.timesheet_client("K1")?);
    /// let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    /// b.visit(Visit::new(day, w, Some(k), b.find_task("a1").unwrap(), 3600))?;
    /// let report = Audit::new(&b.build()).run();
    /// let ids = report.made_available_by(RecordList::Workers);
    /// assert!(ids.contains(&"staff.adequacy"));
    /// assert!(report.indicator("staff.adequacy").unwrap().value.is_none());
    /// assert!(report.indicator("staff.continuity").unwrap().value.is_some());
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    /// What adding `list` would make available, as the summary says it
    /// (`Seznam klientů (list Klienti) by zpřístupnil: …`), and the names
    /// it lists: each indicator's label, a family
    /// ([`summary_label`](crate::indicator::catalog::summary_label)) once.
    /// Empty when the records came with the list.
    pub fn made_available_text(
        &self,
        list: crate::model::RecordList,
        lang: Lang,
    ) -> (String, Vec<String>) {
        let mut names: Vec<String> = Vec::new();
        for id in self.made_available_by(list) {
            let name = crate::indicator::catalog::summary_label(id, lang);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.is_empty() {
            return (String::new(), names);
        }
        let what = list.name();
        let text = match lang {
            Lang::Cs => {
                let mut c = what.cs.chars();
                let first: String = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
                format!(
                    "{first} (list {}) by zpřístupnil: {}.",
                    list.sheet(),
                    names.join(", ")
                )
            }
            Lang::En => format!(
                "A {} ({} sheet) would make available: {}.",
                what.en,
                list.sheet_en(),
                names.join(", ")
            ),
        };
        (text, names)
    }

    /// The ids of [`AuditReport::made_available_text`].
    pub fn made_available_by(&self, list: crate::model::RecordList) -> Vec<&str> {
        if !self.absent_lists.contains(&list) {
            return Vec::new();
        }
        crate::indicator::catalog::all_ids()
            .iter()
            .filter(|(id, _)| crate::indicator::catalog::needs_list(id) == Some(list))
            .filter_map(|(id, _)| self.indicators.get_key_value(id.as_str()))
            .filter(|(_, i)| i.value.is_none())
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// The findings by kind, in kind order: each kind's full count (not
    /// the number listed, which the listing cap may cut) and its listed
    /// findings. Every place that shows findings by kind (the summary, the
    /// page, the council's sheet) reads this.
    ///
    /// ```
    /// use homecare_audit::audit::{Audit, AuditOptions};
    /// use homecare_audit::workbook::read_path;
    /// let (ds, problems) = read_path("fixtures/sample.xlsx", &Default::default())?;
    /// let options = AuditOptions { max_findings_per_kind: 2, ..AuditOptions::default() };
    /// let report = Audit::new(&ds).problems(&problems).options(options).run();
    /// for kind in report.findings_by_kind() {
    ///     assert!(kind.listed.len() <= 2);
    ///     assert!(kind.count >= kind.listed.len() as u64);
    /// }
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn findings_by_kind(&self) -> Vec<KindFindings<'_>> {
        // `findings` is sorted by kind, so each kind's listed findings are
        // one run of it.
        let mut rest: &[Finding] = &self.findings;
        let mut out = Vec::with_capacity(self.finding_counts.len());
        for (&kind, &count) in &self.finding_counts {
            let skip = rest.iter().take_while(|f| f.kind < kind).count();
            rest = &rest[skip..];
            let n = rest.iter().take_while(|f| f.kind == kind).count();
            out.push(KindFindings {
                kind,
                count,
                listed: &rest[..n],
            });
            rest = &rest[n..];
        }
        out
    }

    /// Every finding found, listed or not.
    pub fn findings_total(&self) -> u64 {
        self.finding_counts.values().sum()
    }

    /// One line for the auditor when the period runs past the date through
    /// which the legal tables are known to be checked (the built-in tables'
    /// date, or a later fee-cap row of the user's); `None` otherwise.
    ///
    /// ```
    /// use homecare_audit::{Audit, Dataset, Lang, Period, Provider};
    /// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut b = Dataset::builder();
    /// let mut p = Provider::new("P");
    /// p.period = Period::new(day(2027, 1, 1), day(2027, 12, 31));
    /// b.provider(p);
    /// let report = Audit::new(&b.build()).run();
    /// assert_eq!(
    ///     report.law_warning(Lang::Cs).unwrap(),
    ///     "Zákonné limity úhrad jsou ověřeny do 30. 11. 2026 a období auditu končí později: \
    ///      nálezy úhrad nad limit vycházejí z posledních známých limitů; nový předpis \
    ///      doplňte listem Limity (--law)."
    /// );
    /// ```
    pub fn law_warning(&self, lang: Lang) -> Option<String> {
        let through = self.parameters.law_checked_through?;
        let through = crate::display::date(through, lang);
        Some(match lang {
            Lang::Cs => format!(
                "Zákonné limity úhrad jsou ověřeny do {through} a období auditu končí později: \
                 nálezy úhrad nad limit vycházejí z posledních známých limitů; nový předpis \
                 doplňte listem Limity (--law)."
            ),
            Lang::En => format!(
                "The legal fee caps are checked through {through} and the period ends later: \
                 the fee findings rest on the last caps known; add a new decree's rows as a \
                 Limity sheet (--law)."
            ),
        })
    }

    /// An indicator by id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.get(id)
    }

    /// An indicator's value by id (`None` when absent or not available).
    pub fn value(&self, id: &str) -> Option<Decimal> {
        self.indicators.get(id).and_then(|i| i.value)
    }

    /// Findings of one kind.
    pub fn findings_of(&self, kind: FindingKind) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.kind == kind)
    }
}
