//! One legal figure as a row: what kind of figure, for which statutory
//! tasks, from which day, how much, under which decree, from which source,
//! and where the row itself comes from. The built-in tables, a `Limity`
//! sheet and a law workbook all give rows of this one shape.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::Lang;
use crate::matching::fold;
use crate::place::Place;

/// What a legal row sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LawKind {
    /// The hourly fee cap, Kč an hour (§6(2)(a) Decree 505/2006).
    Hourly,
    /// The lower hourly cap for a client served more than 80 hours of
    /// hourly tasks in the calendar month (since 1. 1. 2023).
    #[serde(rename = "hourly_over_80h")]
    HourlyOver80,
    /// A cap per act for the tasks named (`c2` meal delivery, `d6` big
    /// shopping).
    PerAct,
    /// A cap per kg for the tasks named (`d7`, `d8` laundry).
    PerKg,
    /// The cap for a lunch (`c1`, §6(2)(b)(2)).
    Lunch,
    /// The cap for a day's meals (`c1`, §6(2)(b)(1)).
    FullDayMeals,
    /// Employer social insurance, a share of gross pay.
    SocialInsurance,
    /// Employer health insurance, a share of gross pay.
    HealthInsurance,
    /// Statutory accident insurance, a share of gross pay.
    AccidentInsurance,
    /// The cultural and social needs fund (FKSP), a share of gross pay, at
    /// public employers only.
    Fksp,
    /// Weeks of leave at a public employer (§109(3) Labour Code).
    LeaveWeeksPublic,
    /// Weeks of leave at other employers.
    LeaveWeeksOther,
}

impl LawKind {
    /// Every kind, in the order the law workbook lists them.
    pub const ALL: [LawKind; 12] = [
        LawKind::Hourly,
        LawKind::HourlyOver80,
        LawKind::PerAct,
        LawKind::PerKg,
        LawKind::Lunch,
        LawKind::FullDayMeals,
        LawKind::SocialInsurance,
        LawKind::HealthInsurance,
        LawKind::AccidentInsurance,
        LawKind::Fksp,
        LawKind::LeaveWeeksPublic,
        LawKind::LeaveWeeksOther,
    ];

    /// The Czech name, as the `Druh` column of a `Limity` sheet writes it.
    pub fn cs(self) -> &'static str {
        match self {
            LawKind::Hourly => "hodina",
            LawKind::HourlyOver80 => "hodina nad 80 h",
            LawKind::PerAct => "úkon",
            LawKind::PerKg => "kg",
            LawKind::Lunch => "oběd",
            LawKind::FullDayMeals => "celodenní strava",
            LawKind::SocialInsurance => "sociální pojištění",
            LawKind::HealthInsurance => "zdravotní pojištění",
            LawKind::AccidentInsurance => "úrazové pojištění",
            LawKind::Fksp => "FKSP",
            LawKind::LeaveWeeksPublic => "dovolená veřejný zaměstnavatel",
            LawKind::LeaveWeeksOther => "dovolená ostatní",
        }
    }

    /// The English name (accepted in the `Druh` / `Kind` column too).
    pub fn en(self) -> &'static str {
        match self {
            LawKind::Hourly => "hour",
            LawKind::HourlyOver80 => "hour over 80 h",
            LawKind::PerAct => "act",
            LawKind::PerKg => "kg",
            LawKind::Lunch => "lunch",
            LawKind::FullDayMeals => "full-day meals",
            LawKind::SocialInsurance => "social insurance",
            LawKind::HealthInsurance => "health insurance",
            LawKind::AccidentInsurance => "accident insurance",
            LawKind::Fksp => "FKSP",
            LawKind::LeaveWeeksPublic => "leave public employer",
            LawKind::LeaveWeeksOther => "leave other employers",
        }
    }

    /// The name in a language.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.pick(self.cs(), self.en())
    }

    /// The kind a `Druh` cell names, in Czech or English, ignoring case,
    /// diacritics and extra spaces.
    ///
    /// ```
    /// use homecare_audit::law::LawKind;
    /// assert_eq!(LawKind::parse("Hodina nad 80 h"), Some(LawKind::HourlyOver80));
    /// assert_eq!(LawKind::parse("celodenni strava"), Some(LawKind::FullDayMeals));
    /// assert_eq!(LawKind::parse("kg"), Some(LawKind::PerKg));
    /// assert_eq!(LawKind::parse("den"), None);
    /// ```
    pub fn parse(text: &str) -> Option<LawKind> {
        let f = fold(text);
        LawKind::ALL
            .into_iter()
            .find(|k| fold(k.cs()) == f || fold(k.en()) == f)
    }

    /// True for the kinds that apply to the statutory tasks a row names
    /// (`úkon`, `kg`); the others name none.
    pub fn names_tasks(self) -> bool {
        matches!(self, LawKind::PerAct | LawKind::PerKg)
    }

    /// True for the fee caps (the kinds the fee check holds rows to).
    pub fn is_fee_cap(self) -> bool {
        matches!(
            self,
            LawKind::Hourly | LawKind::HourlyOver80 | LawKind::PerAct | LawKind::PerKg
        )
    }

    /// True for the employer on-costs (shares of gross pay).
    pub fn is_on_cost(self) -> bool {
        matches!(
            self,
            LawKind::SocialInsurance
                | LawKind::HealthInsurance
                | LawKind::AccidentInsurance
                | LawKind::Fksp
        )
    }

    /// What the amount is in, in a language (`Kč/h`, `podíl`, `týdny`).
    pub fn unit(self, lang: Lang) -> &'static str {
        match self {
            LawKind::Hourly | LawKind::HourlyOver80 => lang.pick("Kč/h", "CZK/h"),
            LawKind::PerAct => lang.pick("Kč/úkon", "CZK/act"),
            LawKind::PerKg => lang.pick("Kč/kg", "CZK/kg"),
            LawKind::Lunch => lang.pick("Kč/oběd", "CZK/lunch"),
            LawKind::FullDayMeals => lang.pick("Kč/den", "CZK/day"),
            k if k.is_on_cost() => lang.pick("podíl z hrubé mzdy", "share of gross pay"),
            _ => lang.pick("týdny", "weeks"),
        }
    }

    /// The Czech and English labels of an on-cost line in the normative
    /// price, marked provisional where the row is not verified; `None` for
    /// other kinds.
    pub fn on_cost_label(self, verified: bool) -> Option<(&'static str, &'static str)> {
        Some(match (self, verified) {
            (LawKind::SocialInsurance, true) => (
                "Sociální pojištění zaměstnavatele",
                "Employer social insurance",
            ),
            (LawKind::SocialInsurance, false) => (
                "Sociální pojištění zaměstnavatele (předběžné)",
                "Employer social insurance (provisional)",
            ),
            (LawKind::HealthInsurance, true) => (
                "Zdravotní pojištění zaměstnavatele",
                "Employer health insurance",
            ),
            (LawKind::HealthInsurance, false) => (
                "Zdravotní pojištění zaměstnavatele (předběžné)",
                "Employer health insurance (provisional)",
            ),
            (LawKind::AccidentInsurance, true) => (
                "Zákonné pojištění odpovědnosti za pracovní úraz",
                "Statutory accident insurance",
            ),
            (LawKind::AccidentInsurance, false) => (
                "Zákonné pojištění odpovědnosti za pracovní úraz (předběžné)",
                "Statutory accident insurance (provisional)",
            ),
            (LawKind::Fksp, true) => ("FKSP", "Cultural and social needs fund, FKSP"),
            (LawKind::Fksp, false) => (
                "FKSP (předběžné)",
                "Cultural and social needs fund, FKSP (provisional)",
            ),
            _ => return None,
        })
    }

    /// The stable id of an on-cost line in the normative price
    /// (`social`, `health`, `accident`, `fksp`); `None` for other kinds.
    pub fn on_cost_id(self) -> Option<&'static str> {
        match self {
            LawKind::SocialInsurance => Some("social"),
            LawKind::HealthInsurance => Some("health"),
            LawKind::AccidentInsurance => Some("accident"),
            LawKind::Fksp => Some("fksp"),
            _ => None,
        }
    }
}

impl fmt::Display for LawKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cs())
    }
}

/// Where a legal row comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LawOrigin {
    /// The library's own tables.
    BuiltIn,
    /// A user's `Limity` sheet: the file's name and the row's place.
    File {
        /// The workbook's file name (the provider's workbook or a law
        /// workbook given with `--law`).
        file: String,
        /// The row's first cell, e.g. `Limity!A5`.
        place: Place,
    },
}

/// One legal figure valid from a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LawRow {
    /// What it sets.
    pub kind: LawKind,
    /// The statutory task codes it applies to (lower case, `c2`, `d7`),
    /// for the kinds that name tasks; empty for the others.
    pub tasks: Vec<String>,
    /// First day of validity; the row holds until the next row of the same
    /// kind (and task).
    pub from: NaiveDate,
    /// Kč, a share of gross pay, or weeks (see [`LawKind::unit`]); `None`
    /// when not known (the check it serves is skipped, and said so).
    pub amount: Option<Decimal>,
    /// The decree or provision that set it (`195/2024 Sb.`).
    pub decree: String,
    /// Where the figure was read.
    pub source: String,
    /// True when read in the source's text; false when inferred
    /// (provisional).
    pub verified: bool,
    /// The built-in tables, or a user's file and cell.
    pub origin: LawOrigin,
}

impl LawRow {
    /// True when the row comes from a user's file.
    pub fn is_users(&self) -> bool {
        matches!(self.origin, LawOrigin::File { .. })
    }

    /// True when the row applies to a statutory task code.
    pub fn applies_to(&self, task: &str) -> bool {
        self.tasks.iter().any(|t| t == task)
    }

    /// The row's origin for an auditor: `vestavěný, ověřený`, `vestavěný,
    /// předběžný` or `zakon.xlsx, Limity!A5`.
    pub fn origin_text(&self, lang: Lang) -> String {
        match (&self.origin, self.verified) {
            (LawOrigin::BuiltIn, true) => {
                lang.pick("vestavěný, ověřený", "built-in, verified").into()
            }
            (LawOrigin::BuiltIn, false) => lang
                .pick("vestavěný, předběžný", "built-in, provisional")
                .into(),
            (LawOrigin::File { file, place }, _) => format!("{file}, {place}"),
        }
    }
}
