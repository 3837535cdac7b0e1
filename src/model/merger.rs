//! A merger study's assumptions (the study itself is
//! [`crate::compare::MergerStudy`]): what the council states, each with where it
//! came from (a cell of the `Sloučení` sheet, a command-line option, or the
//! default, said so).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::Text;
use crate::law::EightyHourRule;
use crate::matching::fold;
use crate::model::{CostCategory, Role};
use crate::problem::{Problem, RowCount};

/// The price list of the merged service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceRule {
    /// `nejnižší`: per task, the lowest of the services' prices.
    Lowest,
    /// `nejvyšší`: per task, the highest of the services' prices.
    Highest,
    /// `zadaný`: a stated list, task code → price per the task's unit.
    Given(Vec<(String, Decimal)>),
    /// `limity`: every statutory task at its legal cap on the visit's day.
    LegalCaps,
}

impl PriceRule {
    /// Reads `nejnižší`, `nejvyšší`, `zadaný`, `limity` (or `lowest`,
    /// `highest`, `given`, `caps`), folded. `zadaný` starts with an empty
    /// list (the `Jednotný ceník` sheet fills it).
    ///
    /// ```
    /// use homecare_audit::compare::PriceRule;
    /// assert_eq!(PriceRule::parse("Nejnižší"), Some(PriceRule::Lowest));
    /// assert_eq!(PriceRule::parse("caps"), Some(PriceRule::LegalCaps));
    /// assert_eq!(PriceRule::parse("průměr"), None);
    /// ```
    pub fn parse(s: &str) -> Option<PriceRule> {
        Some(match fold(s).as_str() {
            "nejnizsi" | "lowest" => PriceRule::Lowest,
            "nejvyssi" | "highest" => PriceRule::Highest,
            "zadany" | "zadany cenik" | "jednotny cenik" | "given" | "given list" => {
                PriceRule::Given(Vec::new())
            }
            "limity" | "zakonne limity" | "caps" | "legal caps" => PriceRule::LegalCaps,
            _ => return None,
        })
    }

    fn text(&self) -> Text {
        match self {
            PriceRule::Lowest => Text::new(
                "nejnižší z cen služeb u každého úkonu",
                "per task, the lowest of the services' prices",
            ),
            PriceRule::Highest => Text::new(
                "nejvyšší z cen služeb u každého úkonu",
                "per task, the highest of the services' prices",
            ),
            PriceRule::Given(list) => Text::new(
                format!("zadaný ceník ({} úkonů)", list.len()),
                format!("a stated list ({} tasks)", list.len()),
            ),
            PriceRule::LegalCaps => Text::new(
                "zákonné limity úhrad (vyhl. 505/2006 §6) ke dni úkonu",
                "the legal fee caps (Decree 505/2006 §6) on the visit's day",
            ),
        }
    }
}

/// Which week the care workers are planned for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffingBasis {
    /// `špička`: the busiest full week of the period is covered at the
    /// target utilisation (one pool covers the peaks of all towns at once).
    #[default]
    PeakWeek,
    /// `průměr`: the average week.
    AverageWeek,
}

impl StaffingBasis {
    /// Reads `špička` / `průměr` (or `peak` / `average`), folded.
    pub fn parse(s: &str) -> Option<StaffingBasis> {
        match fold(s).as_str() {
            "spicka" | "nejvytizenejsi tyden" | "peak" | "peak week" => {
                Some(StaffingBasis::PeakWeek)
            }
            "prumer" | "prumerny tyden" | "average" | "average week" => {
                Some(StaffingBasis::AverageWeek)
            }
            _ => None,
        }
    }

    fn text(self) -> Text {
        match self {
            StaffingBasis::PeakWeek => Text::new(
                "nejvytíženější celý týden období",
                "the busiest full week of the period",
            ),
            StaffingBasis::AverageWeek => Text::new("průměrný týden", "the average week"),
        }
    }
}

/// One management role of the merged service: a fixed number of FTE plus
/// one FTE per a number of clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ManagementRole {
    /// The role (`VED`, `SP`, …).
    pub role: Role,
    /// FTE whatever the number of clients.
    pub fixed_fte: Decimal,
    /// One FTE per this many clients served, when stated.
    pub clients_per_fte: Option<Decimal>,
}

impl ManagementRole {
    /// The FTE for `clients` clients: fixed + clients ÷ clients per FTE.
    ///
    /// ```
    /// use homecare_audit::{Role, compare::ManagementRole};
    /// use rust_decimal::Decimal;
    /// let sp = ManagementRole { role: Role::Sp, fixed_fte: Decimal::ZERO,
    ///     clients_per_fte: Some(Decimal::from(40)) };
    /// assert_eq!(sp.fte(130), Decimal::new(325, 2)); // 130 / 40
    /// ```
    pub fn fte(&self, clients: u64) -> Decimal {
        let per = self
            .clients_per_fte
            .filter(|n| *n > Decimal::ZERO)
            .map_or(Decimal::ZERO, |n| Decimal::from(clients) / n);
        self.fixed_fte + per
    }

    fn text(&self) -> Text {
        let fixed = self.fixed_fte.normalize();
        match self.clients_per_fte {
            Some(n) => Text::new(
                format!(
                    "{}: {fixed} úvazku + 1 úvazek na {} klientů",
                    self.role.code(),
                    n.normalize()
                ),
                format!(
                    "{}: {fixed} FTE + 1 FTE per {} clients",
                    self.role.code(),
                    n.normalize()
                ),
            ),
            None => Text::new(
                format!("{}: {fixed} úvazku", self.role.code()),
                format!("{}: {fixed} FTE", self.role.code()),
            ),
        }
    }
}

/// Who serves a client under one pool of workers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Roster {
    /// `nejbližší`: each client's visits from the base (a municipality
    /// workers set out from today) with the fewest minutes to the client's
    /// municipality.
    #[default]
    NearestBase,
    /// Every visit from this one municipality.
    OneBase(String),
}

impl Roster {
    /// Reads `nejbližší` (or `nearest`); any other text is one base.
    pub fn parse(s: &str) -> Roster {
        match fold(s).as_str() {
            "nejblizsi" | "nejblizsi stredisko" | "nearest" | "nearest base" => Roster::NearestBase,
            _ => Roster::OneBase(s.trim().to_string()),
        }
    }

    fn text(&self) -> Text {
        match self {
            Roster::NearestBase => Text::new(
                "každého klienta obsluhuje nejbližší středisko (obec, odkud dnes pracovníci vyjíždějí)",
                "each client is served from the nearest base (a municipality workers set out from today)",
            ),
            Roster::OneBase(b) => Text::new(
                format!("všichni pracovníci vyjíždějí z obce {b}"),
                format!("every worker sets out from {b}"),
            ),
        }
    }
}

/// Minutes of travel between two municipalities (either way).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Distance {
    /// One municipality.
    pub from: String,
    /// The other.
    pub to: String,
    /// Minutes one way.
    pub minutes: Decimal,
}

/// How to merge, and what the council states about the merged service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merger {
    /// The merged service's name.
    pub name: String,
    /// Share of shared-management costs saved by the merger (0 = none,
    /// 0.3 = 30 %).
    pub shared_reduction: Decimal,
    /// Cost categories that are shared management.
    pub shared_categories: Vec<CostCategory>,
    /// The merged service's price list.
    pub price_rule: PriceRule,
    /// Utilisation (direct ÷ available hours) the merged pool is planned at.
    pub target_utilisation: Decimal,
    /// Which week the pool is planned for.
    pub staffing_basis: StaffingBasis,
    /// The management structure; empty = not stated (the management effect
    /// is then not available).
    pub management: Vec<ManagementRole>,
    /// Who serves a client under one pool.
    pub roster: Roster,
    /// Travel minutes between municipalities (`Vzdálenosti`).
    pub distances: Vec<Distance>,
    /// The 80-hour rule applied to fees, as in the audit.
    pub eighty_hour_rule: EightyHourRule,
    /// Where each assumption came from, by its id (`price_rule`,
    /// `target_utilisation`, …): a cell with its stated source, or an
    /// option. An id without an entry is the default.
    pub sources: BTreeMap<String, String>,
    /// The merger workbook's cells as read: every row counted, every
    /// rejected cell with the assumption it was meant to state. The study
    /// never lets a rejected cell pass as a default: the effect that needs
    /// it is not available, with the cell's place and reason.
    pub cells: AssumptionCells,
}

/// The merger workbook's rows as read (empty for a merger set in code).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AssumptionCells {
    /// Rows read, accepted and rejected per sheet (`Sloučení`,
    /// `Vzdálenosti`, `Jednotný ceník`).
    pub rows: BTreeMap<String, RowCount>,
    /// Every rejected row, in the order read.
    pub rejected: Vec<RejectedCell>,
}

/// A rejected row of the merger workbook and what it was meant to state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedCell {
    /// The assumption's id (as in [`Assumption::id`], with `distances`
    /// for a `Vzdálenosti` row and `price_rule` for a `Jednotný ceník`
    /// row); `None` for a parameter the study does not know, which states
    /// nothing.
    pub assumption: Option<&'static str>,
    /// Where, what was there, and why.
    #[serde(flatten)]
    pub problem: Problem,
}

impl AssumptionCells {
    /// The first rejected cell meant to state one of `ids` (a row that
    /// only repeats an assumption given before is not one: the first
    /// stands, named).
    ///
    /// ```
    /// use homecare_audit::compare::Merger;
    /// assert!(Merger::default().cells.rejected_for(&["price_rule"]).is_none());
    /// ```
    pub fn rejected_for(&self, ids: &[&str]) -> Option<&RejectedCell> {
        self.rejected.iter().find(|c| {
            !matches!(c.problem.reason, crate::problem::Reason::GivenBefore(_))
                && c.assumption.is_some_and(|a| ids.contains(&a))
        })
    }

    /// The rejected cells meant to state the assumption `id` (not those
    /// that only repeat it).
    pub fn rejected_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a RejectedCell> + 'a {
        self.rejected.iter().filter(move |c| {
            !matches!(c.problem.reason, crate::problem::Reason::GivenBefore(_))
                && c.assumption == Some(id)
        })
    }

    /// The rows that gave the assumption `id` again (rejected: the first
    /// is kept, and named as the source).
    pub fn repeated<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a RejectedCell> + 'a {
        self.rejected.iter().filter(move |c| {
            matches!(c.problem.reason, crate::problem::Reason::GivenBefore(_))
                && c.assumption == Some(id)
        })
    }
}

impl RejectedCell {
    /// Why an effect that needs this cell is not available: the cell, its
    /// value and its reason.
    pub fn why_not_available(&self) -> Text {
        use crate::i18n::Lang;
        Text::new(
            format!(
                "odmítnutá buňka {}: účinek, který ji potřebuje, se bez ní nepočítá",
                self.problem.describe(Lang::Cs)
            ),
            format!(
                "rejected cell {}: the effect that needs it is not worked out without it",
                self.problem.describe(Lang::En)
            ),
        )
    }
}

impl Default for Merger {
    fn default() -> Merger {
        Merger {
            name: "Sloučená služba".into(),
            shared_reduction: Decimal::ZERO,
            shared_categories: vec![CostCategory::Overhead],
            price_rule: PriceRule::Lowest,
            target_utilisation: crate::model::NormativeParams::example_cz().target_utilisation,
            staffing_basis: StaffingBasis::PeakWeek,
            management: Vec::new(),
            roster: Roster::NearestBase,
            distances: Vec::new(),
            eighty_hour_rule: EightyHourRule::default(),
            sources: BTreeMap::new(),
            cells: AssumptionCells::default(),
        }
    }
}

/// One assumption as the study prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assumption {
    /// Its id (`price_rule`, `target_utilisation`, `staffing_basis`,
    /// `management`, `roster`, `distances`, `shared_reduction`,
    /// `eighty_hour_rule`).
    pub id: &'static str,
    /// What it is.
    pub label: Text,
    /// Its value, in words.
    pub value: Text,
    /// Where it came from.
    pub source: Text,
}

impl Merger {
    /// A merger with a stated reduction of shared-management costs.
    pub fn with_reduction(reduction: Decimal) -> Merger {
        Merger {
            shared_reduction: reduction,
            ..Merger::default()
        }
    }

    /// Every assumption with its value and source, in the order the study
    /// prints them.
    ///
    /// ```
    /// use homecare_audit::compare::Merger;
    /// let a = Merger::default().assumptions();
    /// assert_eq!(a[0].id, "price_rule");
    /// assert_eq!(a[0].source.cs, "výchozí hodnota");
    /// ```
    pub fn assumptions(&self) -> Vec<Assumption> {
        let pct = |d: Decimal| format!("{} %", (d * Decimal::from(100)).normalize());
        let management = if self.management.is_empty() {
            Text::new("nezadána", "not stated")
        } else {
            let parts: Vec<Text> = self.management.iter().map(ManagementRole::text).collect();
            let join = |f: fn(&Text) -> &String| {
                parts.iter().map(f).cloned().collect::<Vec<_>>().join("; ")
            };
            Text::new(join(|t| &t.cs), join(|t| &t.en))
        };
        let distances = if self.distances.is_empty() {
            Text::new("nezadány", "not stated")
        } else {
            Text::new(
                format!("{} dvojic obcí", self.distances.len()),
                format!("{} pairs of municipalities", self.distances.len()),
            )
        };
        let eighty = match self.eighty_hour_rule {
            EightyHourRule::AllHoursOfMonth => Text::new(
                "všechny hodiny měsíce nad 80 h za nižší limit",
                "every hour of a month over 80 h at the lower cap",
            ),
            EightyHourRule::HoursAbove80 => Text::new(
                "jen hodiny nad 80. za nižší limit",
                "only the hours beyond the 80th at the lower cap",
            ),
        };
        let lines: [(&'static str, Text, Text); 8] = [
            (
                "price_rule",
                Text::new("Ceník sloučené služby", "Price list of the merged service"),
                self.price_rule.text(),
            ),
            (
                "target_utilisation",
                Text::new(
                    "Cílové vytížení pečovatelů",
                    "Target utilisation of care workers",
                ),
                Text::new(pct(self.target_utilisation), pct(self.target_utilisation)),
            ),
            (
                "staffing_basis",
                Text::new("Pečovatelé plánováni na", "Care workers planned for"),
                self.staffing_basis.text(),
            ),
            (
                "management",
                Text::new("Struktura řízení", "Management structure"),
                management,
            ),
            (
                "roster",
                Text::new("Společný rozpis služeb", "Pooled roster"),
                self.roster.text(),
            ),
            (
                "distances",
                Text::new(
                    "Časy cest mezi obcemi",
                    "Travel minutes between municipalities",
                ),
                distances,
            ),
            (
                "shared_reduction",
                Text::new(
                    "Úspora sdílených nákladů řízení (podíl)",
                    "Saving on shared management costs (share)",
                ),
                Text::new(pct(self.shared_reduction), pct(self.shared_reduction)),
            ),
            (
                "eighty_hour_rule",
                Text::new("Pravidlo 80 hodin", "The 80-hour rule"),
                eighty,
            ),
        ];
        lines
            .into_iter()
            .map(|(id, label, value)| Assumption {
                id,
                label,
                value: match self.cells.rejected_of(id).next() {
                    Some(_) if !STANDS_IN.contains(&id) => {
                        Text::new("odmítnuto (viz zdroj)", "rejected (see the source)")
                    }
                    _ => value,
                },
                source: self.source_of(id),
            })
            .collect()
    }

    fn source_of(&self, id: &str) -> Text {
        use crate::i18n::Lang;
        let cells: Vec<&RejectedCell> = self.cells.rejected_of(id).collect();
        let mut source = match (cells.is_empty(), self.sources.get(id)) {
            // Rejected cells stand beside accepted ones of the same
            // assumption (a management role): all are named.
            (false, stated) => {
                let cell = |lang| {
                    let all: Vec<String> = cells.iter().map(|c| c.problem.describe(lang)).collect();
                    all.join("; ")
                };
                let (cs, en) = if STANDS_IN.contains(&id) {
                    (
                        format!("výchozí hodnota místo odmítnuté buňky {}", cell(Lang::Cs)),
                        format!(
                            "the default in place of the rejected cell {}",
                            cell(Lang::En)
                        ),
                    )
                } else {
                    (
                        format!("odmítnuto: {}; účinek se nepočítá", cell(Lang::Cs)),
                        format!("rejected: {}; the effect is not worked out", cell(Lang::En)),
                    )
                };
                match stated {
                    Some(s) => Text::new(format!("{s}; {cs}"), format!("{s}; {en}")),
                    None => Text::new(cs, en),
                }
            }
            (true, Some(s)) => Text::new(s.clone(), s.clone()),
            (true, None) if id == "target_utilisation" => Text::new(
                "výchozí hodnota: příklad normativního modelu, nahraďte vlastní",
                "default: the normative model's example value; state your own",
            ),
            (true, None) => Text::new("výchozí hodnota", "default"),
        };
        // A second row of the same assumption: named, not taken.
        for c in self.cells.repeated(id) {
            source
                .cs
                .push_str(&format!("; znovu v {}, nepoužito", c.problem.place));
            source
                .en
                .push_str(&format!("; again at {}, not used", c.problem.place));
        }
        source
    }
}

/// The assumptions whose default stands in for a rejected cell, named on
/// the sheet: the 80-hour rule (the audit's own default reading of the
/// decree) and the merged service's name. Every other rejected assumption
/// leaves its effect not available.
pub const STANDS_IN: [&str; 2] = ["eighty_hour_rule", "name"];
