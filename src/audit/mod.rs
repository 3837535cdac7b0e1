//! The audit: a [`Dataset`] in, an [`AuditReport`] out. Pure: no I/O; the
//! same input gives the same report whatever the order of the visit rows.
//!
//! Rooms, in the order the audit runs them:
//! - `hours`: the workers' time base (contract, leave, training, FTE);
//! - `order`: one grouping of the timesheet by worker, date and start,
//!   shared by the passes below;
//! - `tally`: one pass over the timesheet, summing per client, worker and
//!   month (into `grid` tables, money in `money_sum`);
//! - `base`: what every family reads (period, tally, time base);
//! - one module per family of indicators: `cost`, `staffing`, `targeting`,
//!   `fees`; `integrity` for the timesheet checks; `findings` collects the
//!   findings of both, counted in full and listed up to a cap;
//! - `hour`: what an hour costs and why (build-up, travel by visit length,
//!   the normative price, scenarios);
//! - `report`: what comes out; `summary`: the auditor's text summary of it.

mod base;
mod cost;
pub use cost::fees_from_revenues;
mod fees;
pub mod finance;
mod findings;
mod grid;
pub mod hour_cost;
mod integrity;
mod money_sum;
mod order;
pub mod publication;
pub mod reach;
mod report;
mod staffing;
mod tally;
mod targeting;
pub(crate) mod time_base;

use rust_decimal::Decimal;

pub use report::{
    AuditReport, BenchmarkRef, ClientLine, Finding, FindingKind, Indicator, KindFindings,
    MonthLine, Parameters, ProviderSummary, Status, Unavailable, Unit, WorkerLine,
};

use crate::benchmark::BenchmarkSet;
use crate::i18n::Text;
use crate::law::LawTables;
use crate::model::Dataset;
use crate::problem::Problems;
use base::Base;

/// 80 hours in seconds: the threshold of two measures, kept apart on
/// purpose.
/// - **The fee rule** (`fees`, the scenarios): a client served more than 80
///   hours *of hourly statutory tasks* in the calendar month pays the lower
///   hourly cap (Decree 505/2006 §6(2)(a)). Those are the hours the decree
///   caps and providers bill; meal delivery or laundry does not count.
/// - **The targeting indicator** `target.clients_over_80h` (`tally`):
///   client-months with more than 80 *direct* hours of any task, a measure
///   of how intensive the care is, whatever is billed.
///
/// A client-month can be over one and not the other (81 hours of which 5
/// are per-act meal deliveries); the report names both.
pub(crate) const EIGHTY_HOURS: u64 = 80 * 3600;

pub use crate::law::EightyHourRule;
// For the merger study's price effect: the 80-hour rule as the audit applies it.
pub(crate) use fees::seconds_above_80;
pub(crate) use tally::{Months, TaskInfo};

/// Options of an audit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditOptions {
    /// The 80-hour rule variant.
    pub eighty_hour_rule: EightyHourRule,
    /// How far outside a bound is still `warn`, as a fraction of the bound.
    pub status_tolerance: Decimal,
    /// At most this many findings of one kind are listed (all are counted).
    pub max_findings_per_kind: u64,
    /// The date whose caps the scenario "the caps of another date" charges
    /// (`caps_on_date`); `None`: the newest fee-cap row known.
    pub caps_date: Option<chrono::NaiveDate>,
    /// The retargeting scenario's share of the hours of clients without
    /// allowance or with degree I that stop; `None`: the `Model` sheet's
    /// `retarget_low_share` (or its example value).
    pub retarget_low_share: Option<Decimal>,
    /// The retargeting scenario's new clients of degrees III and IV;
    /// `None`: the `Model` sheet's `retarget_new_clients`.
    pub retarget_new_clients: Option<Decimal>,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            eighty_hour_rule: EightyHourRule::default(),
            status_tolerance: Decimal::new(1, 1),
            max_findings_per_kind: 10_000,
            caps_date: None,
            retarget_low_share: None,
            retarget_new_clients: None,
        }
    }
}

/// An audit of one dataset.
///
/// ```
/// use homecare_audit::audit::Audit;
/// use homecare_audit::workbook::read_path;
/// let (dataset, problems) = read_path("fixtures/sample.xlsx", &Default::default())?;
/// let report = Audit::new(&dataset).problems(&problems).run();
/// let cost = report.indicator("cost.per_direct_hour").unwrap();
/// assert!(cost.value.is_some());
/// # Ok::<(), homecare_audit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Audit<'a> {
    dataset: &'a Dataset,
    problems: Option<&'a Problems>,
    benchmarks: Option<&'a BenchmarkSet>,
    law: Option<&'a LawTables>,
    options: AuditOptions,
}

impl<'a> Audit<'a> {
    /// An audit of `dataset` with default options and the built-in
    /// benchmarks.
    pub fn new(dataset: &'a Dataset) -> Audit<'a> {
        Audit {
            dataset,
            problems: None,
            benchmarks: None,
            law: None,
            options: AuditOptions::default(),
        }
    }

    /// Carries the reading's row accounting and problems into the report.
    pub fn problems(mut self, problems: &'a Problems) -> Self {
        self.problems = Some(problems);
        self
    }

    /// Benchmarks to hold the indicators against (default: the built-in
    /// set plus the rows of the input's own `Benchmarky` sheet). A set
    /// given here is used as it is; build it with
    /// [`BenchmarkSet::for_dataset`] to keep the input's rows.
    pub fn benchmarks(mut self, set: &'a BenchmarkSet) -> Self {
        self.benchmarks = Some(set);
        self
    }

    /// Options.
    pub fn options(mut self, options: AuditOptions) -> Self {
        self.options = options;
        self
    }

    /// Applies these legal tables instead of the default (the built-in
    /// rows and the dataset's own `Limity` sheet,
    /// [`Dataset::law_tables`]): for example with the rows of a law
    /// workbook added.
    ///
    /// ```
    /// use homecare_audit::law::{LawKind, LawOrigin, LawRow};
    /// use homecare_audit::workbook::{ReadOptions, read_path};
    /// use homecare_audit::{Audit, Place};
    ///
    /// let (ds, problems) = read_path("fixtures/sample.xlsx", &ReadOptions::default())?;
    /// let mut law = ds.law_tables();
    /// // A decree the release does not know yet: 170 Kč an hour from 1.7.2025.
    /// law.extend([LawRow {
    ///     kind: LawKind::Hourly,
    ///     tasks: vec![],
    ///     from: chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
    ///     amount: Some(170.into()),
    ///     decree: "1/2025 Sb.".into(),
    ///     source: "Sbírka zákonů".into(),
    ///     verified: true,
    ///     origin: LawOrigin::File { file: "zakon.xlsx".into(), place: Place::new("Limity", 2, 0) },
    /// }]);
    /// let report = Audit::new(&ds).problems(&problems).law(&law).run();
    /// assert!(report.law.iter().any(|r| r.decree == "1/2025 Sb."));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn law(mut self, tables: &'a LawTables) -> Self {
        self.law = Some(tables);
        self
    }

    /// Sets the 80-hour rule variant.
    pub fn eighty_hour_rule(mut self, rule: EightyHourRule) -> Self {
        self.options.eighty_hour_rule = rule;
        self
    }

    /// Runs the audit.
    pub fn run(&self) -> AuditReport {
        let ds = self.dataset;
        let period = ds.period();
        let provider = ProviderSummary {
            name: ds.provider.name.clone(),
            region: ds.provider.region.clone(),
            ico: ds.provider.ico.clone(),
            period,
        };
        let (rows, rows_by_file, problems) = match self.problems {
            Some(p) => (p.rows.clone(), p.rows_by_file.clone(), p.list.clone()),
            None => Default::default(),
        };
        let default_law;
        let law = match self.law {
            Some(l) => l,
            None => {
                default_law = ds.law_tables();
                &default_law
            }
        };
        let mut parameters = self.parameters(law, period);
        let checked = auditable(period);
        let period = match checked {
            Ok(p) => {
                parameters.days = p.days();
                parameters.working_days = crate::calendar::working_days(p.from, p.to);
                p
            }
            Err((note, why)) => {
                parameters.notes.push(note);
                return AuditReport {
                    provider,
                    rows,
                    rows_by_file,
                    inputs: ds.source.inputs.clone(),
                    columns: ds.source.columns.clone(),
                    indicators: no_period_indicators(&why),
                    findings: Vec::new(),
                    findings_not_listed: 0,
                    finding_counts: Default::default(),
                    problems,
                    workers: Vec::new(),
                    clients: Vec::new(),
                    months: Vec::new(),
                    parameters,
                    law: Vec::new(),
                    accounts: ds.accounts.clone(),
                    hour: hour_cost::HourAnalysis::empty(&why),
                    public: None,
                    absent_lists: ds.absent_lists.iter().copied().collect(),
                    finance: finance::FinanceDetail::default(),
                    reach: reach::ReachDetail::default(),
                };
            }
        };

        let b = base(ds, law, period, parameters.leave_weeks);
        let (list, f, fee_notes, finance, mut reach) = self.indicators(&b);
        let mut problems = problems;
        problems.append(&mut reach.notices);

        let hour = hour_cost::analyse(&b, &fee_notes.at_cap, cost::user_fees(&b), &self.options);
        notes(&mut parameters, &fee_notes, ds, &b);
        reach_notes(&mut parameters, &reach);
        let (workers, clients, months_out) = tables(&b);
        let mut findings = f.list;
        findings.sort_by(|a, b| {
            (a.kind, a.place.as_ref().map(|p| p.row))
                .cmp(&(b.kind, b.place.as_ref().map(|p| p.row)))
        });
        AuditReport {
            provider,
            rows,
            rows_by_file,
            inputs: ds.source.inputs.clone(),
            columns: ds.source.columns.clone(),
            indicators: list.into_iter().map(|i| (i.id.clone(), i)).collect(),
            findings,
            findings_not_listed: f.not_listed,
            finding_counts: f.counts.into_iter().filter(|(_, n)| *n > 0).collect(),
            problems,
            workers,
            clients,
            months: months_out,
            parameters,
            law: law.used_in(period).into_iter().cloned().collect(),
            accounts: ds.accounts.clone(),
            hour,
            public: None,
            absent_lists: ds.absent_lists.iter().copied().collect(),
            finance,
            reach,
        }
    }
}

/// The period to audit, or why there is none: without a period nothing
/// can be audited; nor with one outside the years a workbook holds
/// (0–9999), which only a dataset built in code can have (the audit keeps
/// tables per day and month of it). The error is the note and the reason
/// every indicator is not available.
fn auditable(period: Option<crate::Period>) -> Result<crate::Period, (Text, Unavailable)> {
    match period {
        None => Err((
            Text {
                en: "No period: no period was given and there are no visits.".into(),
                cs: "Období nelze určit: není zadáno a nejsou žádné výkazy.".into(),
            },
            Unavailable::new(
                "období nelze určit (není zadáno a nejsou výkazy)",
                "no period (none given and no visits)",
            ),
        )),
        Some(p) if !p.within_years(0..=9999) => Err((
            Text {
                en: "The period lies outside the years 0–9999: not audited.".into(),
                cs: "Období leží mimo roky 0–9999: audit neproběhl.".into(),
            },
            Unavailable::new("období mimo roky 0–9999", "period outside the years 0–9999"),
        )),
        Some(p) => Ok(p),
    }
}

impl Audit<'_> {
    /// The parameters the audit runs with, as the report prints them (the
    /// period's days are counted once it is known to be one to audit).
    fn parameters(&self, law: &LawTables, period: Option<crate::Period>) -> Parameters {
        let ds = self.dataset;
        let through = law.checked_through();
        Parameters {
            period,
            days: 0,
            working_days: 0,
            weekly_hours: ds.provider.weekly_hours,
            leave_weeks: law
                .leave_weeks(
                    ds.provider.public_employer,
                    period.map_or(through, |p| p.to),
                )
                .unwrap_or_default(),
            eighty_hour_rule: self.options.eighty_hour_rule,
            status_tolerance: self.options.status_tolerance,
            notes: Vec::new(),
            law_checked_through: period.filter(|p| p.to > through).map(|_| through),
        }
    }

    /// Every indicator family (costs, staffing, targeting, fees, the
    /// integrity counts), held to the benchmarks, with the findings and
    /// the fee check's notes.
    fn indicators(
        &self,
        b: &Base<'_>,
    ) -> (
        Vec<Indicator>,
        findings::Findings,
        fees::FeeNotes,
        finance::FinanceDetail,
        reach::ReachDetail,
    ) {
        let mut list = Vec::new();
        cost::indicators(b, &mut list);
        staffing::indicators(b, &mut list);
        targeting::indicators(b, &mut list);
        let mut f = findings::Findings::new(self.options.max_findings_per_kind);
        let mut fee_notes = fees::FeeNotes::default();
        fees::check(
            b,
            self.options.eighty_hour_rule,
            &mut f,
            &mut list,
            &mut fee_notes,
        );
        integrity::check(b, &mut f);
        let finance = finance::indicators(b, &mut list, &mut f);
        let reach = reach::indicators(b, &mut list);
        for kind in FindingKind::INTEGRITY {
            list.push(Indicator::count(
                format!("integrity.findings.{}", kind.id()),
                f.count(kind),
            ));
        }
        without_lists(b.ds, &mut list);
        self.hold_to_benchmarks(&mut list, b.period);
        (list, f, fee_notes, finance, reach)
    }

    /// Holds every indicator to the benchmark valid for the provider's
    /// region on the period's last day: the reference and the status.
    fn hold_to_benchmarks(&self, list: &mut [Indicator], period: crate::Period) {
        let ds = self.dataset;
        let default_set;
        let set = match self.benchmarks {
            Some(s) => s,
            None => {
                default_set = BenchmarkSet::for_dataset(ds);
                &default_set
            }
        };
        let region = ds.provider.region.as_deref();
        for ind in list {
            if let Some(bm) = set.select(&ind.id, region, period.to) {
                ind.benchmark = Some(bm.reference());
                if let Some(v) = ind.value {
                    ind.status = bm.status(v, self.options.status_tolerance);
                }
            }
        }
    }
}

/// Without a client or staff list, what needs it is not available with
/// the list's reason: its placeholders (unknown degrees, a worker's role
/// and FTE) would otherwise read as figures, and an absent list's count
/// of findings as 0.
fn without_lists(ds: &Dataset, list: &mut [Indicator]) {
    for ind in list {
        if let Some(l) = crate::indicator::catalog::needs_list(&ind.id)
            && !ds.has_list(l)
        {
            *ind = Indicator::unavailable(ind.id.clone(), ind.unit, l.missing());
        }
    }
}

/// What every part of the audit reads: the tally of the period's rows (one
/// pass) and each worker's hours.
fn base<'a>(
    ds: &'a Dataset,
    law: &'a LawTables,
    period: crate::Period,
    leave_weeks: Decimal,
) -> Base<'a> {
    let months = tally::Months::new(period);
    let tasks = tally::TaskInfo::new(ds);
    let (t, order) = tally::tally(ds, period, &tasks, months);
    let worker_hours = ds
        .workers
        .iter()
        .map(|w| time_base::worker_hours(w, &ds.provider, period, leave_weeks))
        .collect();
    let clients_served = t.clients.iter().filter(|c| c.direct_rows > 0).count() as u64;
    let mut client_months = 0u64;
    t.cm_workers
        .for_each(|_, _, &n| client_months += u64::from(n > 0));
    Base {
        ds,
        law,
        period,
        months,
        tasks,
        tally: t,
        hours: worker_hours,
        clients_served,
        client_months,
        order,
    }
}

fn no_period_indicators(why: &Unavailable) -> std::collections::BTreeMap<String, Indicator> {
    crate::indicator::catalog::all_ids()
        .into_iter()
        .map(|(id, unit)| (id.clone(), Indicator::unavailable(id, unit, why.clone())))
        .collect()
}

/// Which account map turned the accounts into costs and revenues.
fn accounts_note(a: &crate::model::AccountsUsed) -> Text {
    let (map_cs, map_en) = match &a.map_sheet {
        Some(m) => (
            format!("vestavěné účtové mapy upřesněné listem auditora {m}"),
            format!("the built-in account map refined by the auditor's sheet {m}"),
        ),
        None => (
            "vestavěné účtové mapy (vyhl. 410/2009, 504/2002 a 412/2021 Sb.)".to_string(),
            "the built-in account map (Decrees 410/2009, 504/2002 and 412/2021)".to_string(),
        ),
    };
    let (prov_cs, prov_en) = if a.any_provisional() {
        (
            " Zařazení některých účtů do kategorií je předběžné (obecná znalost, neověřeno ve zdroji).",
            " Some accounts' categories are provisional (general knowledge, not read in a source).",
        )
    } else {
        ("", "")
    };
    Text {
        cs: format!(
            "Náklady a výnosy z listu {} jsou zařazeny podle {map_cs}; použitá pravidla jsou v Metodice.{prov_cs}",
            a.sheet
        ),
        en: format!(
            "Costs and revenues of sheet {} are classified by {map_en}; the rules applied are listed in the method sheet.{prov_en}",
            a.sheet
        ),
    }
}

/// What the reach figures leave out: clients served from outside the
/// area (or without a municipality), clients without a birth year, and
/// applications outside the period.
fn reach_notes(p: &mut Parameters, r: &reach::ReachDetail) {
    if r.area_given {
        let outside: u64 = r.outside.iter().map(|o| o.clients_65).sum();
        if outside > 0 {
            let names: Vec<&str> = r
                .outside
                .iter()
                .map(|o| o.municipality.as_str())
                .filter(|m| !m.is_empty())
                .collect();
            let unnamed = r.outside.iter().any(|o| o.municipality.is_empty());
            let (list_cs, list_en) = (names.join(", "), names.join(", "));
            p.notes.push(Text {
                cs: format!(
                    "{outside} obsloužených klientů ve věku 65+ je z obcí mimo list Území{}{}: počítají se zvlášť, ne do ukazatelů na 1 000 obyvatel.",
                    if names.is_empty() { String::new() } else { format!(" ({list_cs})") },
                    if unnamed { " nebo bez uvedené obce" } else { "" }
                ),
                en: format!(
                    "{outside} clients served aged 65+ are from municipalities outside the Území sheet{}{}: counted apart, not in the figures per 1,000 residents.",
                    if names.is_empty() { String::new() } else { format!(" ({list_en})") },
                    if unnamed { " or without a municipality" } else { "" }
                ),
            });
        }
        if r.age_unknown > 0 {
            p.notes.push(Text {
                cs: format!(
                    "{} obsloužených klientů nemá rok narození: do ukazatelů dosahu se nepočítají.",
                    r.age_unknown
                ),
                en: format!(
                    "{} clients served have no birth year: not counted in the reach figures.",
                    r.age_unknown
                ),
            });
        }
    }
    if r.outside_period > 0 {
        p.notes.push(Text {
            cs: format!(
                "{} žádostí nebylo rozhodnuto v období ani na jeho konci nečekalo: nepočítají se.",
                r.outside_period
            ),
            en: format!(
                "{} applications were neither decided in the period nor waiting at its end: not counted.",
                r.outside_period
            ),
        });
    }
}

fn notes(p: &mut Parameters, fee: &fees::FeeNotes, ds: &Dataset, b: &Base<'_>) {
    let mut add = |note: Text| p.notes.push(note);
    if ds.provider.period.is_none() {
        add(Text {
            en: "The period is the first to the last visit date (no period was given).".into(),
            cs: "Období je od prvního do posledního data výkazů (období nebylo zadáno).".into(),
        });
    }
    if let Some(a) = &ds.accounts {
        add(accounts_note(a));
    }
    for list in &ds.absent_lists {
        let (n, cs_whom, en_whom) = match list {
            crate::model::RecordList::Clients => (ds.clients.len(), "klienti", "clients"),
            crate::model::RecordList::Workers => (ds.workers.len(), "pracovníci", "workers"),
        };
        add(Text {
            en: format!(
                "No {} sheet: the {en_whom} are the {n} the timesheet names, with nothing else known of them; what needs the {} is not available.",
                list.sheet_en(),
                list.name().en
            ),
            cs: format!(
                "Chybí list {}: {cs_whom} jsou ti, které uvádějí výkazy ({n}), a nic dalšího o nich není známo; co potřebuje {}, nelze spočítat.",
                list.sheet(),
                list.name().cs
            ),
        });
    }
    add(Text {
        en: "Rows outside the period are findings and are not counted in the indicators.".into(),
        cs: "Řádky mimo období jsou nálezy a do ukazatelů se nezapočítávají.".into(),
    });
    if b.period.days() != 365 {
        add(Text {
            en: format!(
                "Annualised figures are multiplied by 365 / {} days.",
                b.period.days()
            ),
            cs: format!(
                "Roční hodnoty jsou přepočteny koeficientem 365 / {} dní.",
                b.period.days()
            ),
        });
    }
    if !fee.no_unit_cap.is_empty() {
        let tasks: Vec<&str> = fee.no_unit_cap.iter().map(String::as_str).collect();
        add(Text {
            en: format!(
                "Fees of tasks {} were not checked against a cap: the cap valid on their dates is not known (from 1.1.2023 not found; c1 meals have separate lunch and full-day caps).",
                tasks.join(", ")
            ),
            cs: format!(
                "Úhrady úkonů {} nebyly porovnány s limitem: limit platný k jejich datu není znám (od 1. 1. 2023 nenalezen; u c1 se liší limit oběda a celodenní stravy).",
                tasks.join(", ")
            ),
        });
    }
    if !fee.provisional_used.is_empty() {
        let tasks: Vec<&str> = fee.provisional_used.iter().map(String::as_str).collect();
        add(Text {
            en: format!(
                "Caps of tasks {} are provisional (inferred from providers' price lists, not read in the decree).",
                tasks.join(", ")
            ),
            cs: format!(
                "Limity úkonů {} jsou předběžné (odvozené z ceníků poskytovatelů, neověřené ve vyhlášce).",
                tasks.join(", ")
            ),
        });
    }
    if fee.before_caps > 0 {
        add(Text {
            en: format!(
                "{} hourly rows before 2007 have no cap in the tables.",
                fee.before_caps
            ),
            cs: format!(
                "{} řádků hodinových úkonů před rokem 2007 nemá v tabulkách limit.",
                fee.before_caps
            ),
        });
    }
}

fn tables(b: &Base<'_>) -> (Vec<WorkerLine>, Vec<ClientLine>, Vec<MonthLine>) {
    use chrono::Datelike;
    let ds = b.ds;
    let t = &b.tally;
    let listed = ds.has_list(crate::model::RecordList::Workers);
    let unknown = time_base::WorkerHours::unknown();
    let workers = ds
        .workers
        .iter()
        .zip(&b.hours)
        .zip(&t.workers)
        // Without a staff list a worker's time base rests on placeholders.
        .map(|((w, h), a)| (w, if listed { h } else { &unknown }, a))
        .map(|(w, h, a)| WorkerLine {
            id: w.id.clone(),
            role: if listed { w.role.code() } else { "" },
            fte: if listed { w.fte } else { Decimal::ZERO },
            average_fte: h.average_fte,
            contract_hours: h.contract,
            absence_hours: h.absence,
            training_hours: h.training,
            training_given: h.training_given,
            training_minimum: h.training_minimum,
            training_met: staffing::training_met(w, h),
            available_hours: h.available,
            productive_hours: h.productive,
            direct_seconds: a.direct,
            optional_seconds: a.optional,
            travel_seconds: a.travel,
            indirect_seconds: a.indirect,
            rows: a.rows,
            clients: a.clients,
            personnel_cost: w.personnel_cost,
            listed,
        })
        .collect();
    let end_year = b.period.to.year();
    let clients = ds
        .clients
        .iter()
        .zip(&t.clients)
        .enumerate()
        .map(|(i, (c, a))| ClientLine {
            id: c.id.clone(),
            degree: tally::degree_id(tally::degree_index(c.care_allowance)),
            age: c.birth_year.map(|y| end_year - i32::from(y)),
            lives_alone: c.lives_alone,
            at_risk: c.at_risk,
            direct_seconds: a.direct,
            group_seconds: a.groups,
            optional_seconds: a.optional,
            contacts: a.contacts,
            months: a.months,
            fees: a.fees.total(),
            meal_only: b.meal_only(i),
            served: a.direct_rows > 0,
        })
        .collect();
    let total_cost: Option<Decimal> = b.cost_sum(|_| true);
    let months = (0..b.months.count)
        .map(|m| {
            let first = b.months.start(m).max(b.period.from);
            let last = (b.months.start(m + 1) - chrono::Duration::days(1)).min(b.period.to);
            let days = ((last - first).num_days() + 1) as u32;
            let a = &t.months[m];
            MonthLine {
                month: b.months.start(m),
                days,
                direct_seconds: a.direct,
                travel_seconds: a.travel,
                worked_seconds: a.worked,
                clients: a.clients,
                contacts: a.contacts,
                fees: a.fees.total(),
                out_of_hours_seconds: a.out_of_hours,
                hourly_seconds: a.hourly,
                hourly_fees: a.hourly_fees.total(),
                client_workers: a.client_workers,
                clients_over_80h: a.clients_over_80h,
                cost: total_cost.map(|c| c * Decimal::from(days) / Decimal::from(b.period.days())),
            }
        })
        .collect();
    (workers, clients, months)
}
