//! Who the service reaches and who it turns away: the residents of its
//! area by municipality (`Území`) and the applicants for a contract
//! (`Žadatelé`) with the outcome of each application and, for a refusal,
//! its reason under § 91(3) Act 108/2006 (docs/domain.md §4b).
//!
//! The population figures are the auditor's (the census or ČSÚ tables for
//! the service's municipalities): no copy is built in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CareDegree;
use crate::matching::fold;

/// One municipality of the service's area (`Území`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaRow {
    /// The municipality as written (matched folded against the clients'
    /// and applicants' `Obec`).
    pub municipality: String,
    /// Residents aged 65 and over.
    pub residents_65: u64,
    /// Residents aged 80 and over (at most `residents_65`).
    pub residents_80: u64,
    /// All residents, where given.
    pub residents_total: Option<u64>,
    /// Care-allowance recipients aged 65 and over, where given.
    pub allowance_65: Option<u64>,
    /// Where the figures come from (census, ČSÚ table and year).
    pub source: Option<String>,
    /// The `Území` row (0: built in code).
    pub row: u32,
}

impl AreaRow {
    /// A municipality with its residents 65+ and 80+.
    pub fn new(municipality: impl Into<String>, residents_65: u64, residents_80: u64) -> AreaRow {
        AreaRow {
            municipality: municipality.into(),
            residents_65,
            residents_80,
            residents_total: None,
            allowance_65: None,
            source: None,
            row: 0,
        }
    }

    /// Whether `name` names this municipality (case, diacritics and
    /// spacing ignored).
    pub fn is(&self, name: &str) -> bool {
        fold(&self.municipality) == fold(name)
    }
}

/// What became of an application (`Výsledek`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// `přijat`: a contract was made.
    Accepted,
    /// `odmítnut`: the provider refused a contract (§ 91(3)).
    Refused,
    /// `čeká`: on the waiting list, not decided.
    Waiting,
    /// `zpět vzal`: the applicant withdrew.
    Withdrawn,
}

impl Outcome {
    /// Every outcome, in the order the report lists them.
    pub const ALL: [Outcome; 4] = [
        Outcome::Accepted,
        Outcome::Refused,
        Outcome::Waiting,
        Outcome::Withdrawn,
    ];

    /// The word the sheet writes, Czech and English.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Outcome::Accepted => ("přijat", "accepted"),
            Outcome::Refused => ("odmítnut", "refused"),
            Outcome::Waiting => ("čeká", "waiting"),
            Outcome::Withdrawn => ("zpět vzal", "withdrawn"),
        }
    }

    /// Reads an outcome as an auditor writes it, folded: `přijat`,
    /// `přijata`, `smlouva`, `odmítnut`, `odmítnuta`, `čeká`,
    /// `pořadník`, `zpět vzal`, `stáhl`, or the English words.
    ///
    /// ```
    /// use homecare_audit::model::Outcome;
    /// assert_eq!(Outcome::parse("Odmítnuta"), Some(Outcome::Refused));
    /// assert_eq!(Outcome::parse("ceka"), Some(Outcome::Waiting));
    /// assert_eq!(Outcome::parse("zpět vzala"), Some(Outcome::Withdrawn));
    /// assert_eq!(Outcome::parse("možná"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Outcome> {
        let f = fold(s);
        let f = f.trim_end_matches('.');
        let words: &[(&str, Outcome)] = &[
            ("prijat", Outcome::Accepted),
            ("prijata", Outcome::Accepted),
            ("prijato", Outcome::Accepted),
            ("smlouva", Outcome::Accepted),
            ("smlouva uzavrena", Outcome::Accepted),
            ("accepted", Outcome::Accepted),
            ("odmitnut", Outcome::Refused),
            ("odmitnuta", Outcome::Refused),
            ("odmitnuto", Outcome::Refused),
            ("refused", Outcome::Refused),
            ("ceka", Outcome::Waiting),
            ("cekatel", Outcome::Waiting),
            ("poradnik", Outcome::Waiting),
            ("v poradniku", Outcome::Waiting),
            ("waiting", Outcome::Waiting),
            ("zpet vzal", Outcome::Withdrawn),
            ("zpet vzala", Outcome::Withdrawn),
            ("vzal zpet", Outcome::Withdrawn),
            ("vzala zpet", Outcome::Withdrawn),
            ("stahl", Outcome::Withdrawn),
            ("stahla", Outcome::Withdrawn),
            ("withdrawn", Outcome::Withdrawn),
        ];
        words.iter().find(|(w, _)| *w == f).map(|(_, o)| *o)
    }
}

/// Why a contract was refused: the three reasons § 91(3) Act 108/2006
/// allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// a) the provider does not provide the service asked for (also given
    /// its target group in the registry).
    NotProvided,
    /// b) it lacks capacity.
    NoCapacity,
    /// c) it terminated the person's contract for the same service for
    /// breach less than 6 months before.
    TerminatedForBreach,
}

impl RefusalReason {
    /// Every reason, in the order of the Act.
    pub const ALL: [RefusalReason; 3] = [
        RefusalReason::NotProvided,
        RefusalReason::NoCapacity,
        RefusalReason::TerminatedForBreach,
    ];

    /// The letter of § 91(3): `a`, `b`, `c`.
    pub fn letter(self) -> &'static str {
        match self {
            RefusalReason::NotProvided => "a",
            RefusalReason::NoCapacity => "b",
            RefusalReason::TerminatedForBreach => "c",
        }
    }

    /// The reason in words, Czech and English.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            RefusalReason::NotProvided => (
                "služba, o kterou žádá, se neposkytuje",
                "the service asked for is not provided",
            ),
            RefusalReason::NoCapacity => ("nedostatečná kapacita", "no capacity"),
            RefusalReason::TerminatedForBreach => (
                "smlouva vypovězena pro porušení méně než 6 měsíců předem",
                "contract terminated for breach less than 6 months before",
            ),
        }
    }

    /// Reads a reason: its letter (`a`, `b)`, `písm. b`) or its words
    /// (`kapacita`, `nedostatečná kapacita`, `neposkytuje`, `porušení`,
    /// or the English words).
    ///
    /// ```
    /// use homecare_audit::model::RefusalReason;
    /// assert_eq!(RefusalReason::parse("b)"), Some(RefusalReason::NoCapacity));
    /// assert_eq!(RefusalReason::parse("Nedostatečná kapacita"), Some(RefusalReason::NoCapacity));
    /// assert_eq!(RefusalReason::parse("písm. c"), Some(RefusalReason::TerminatedForBreach));
    /// assert_eq!(RefusalReason::parse("nechce"), None);
    /// ```
    pub fn parse(s: &str) -> Option<RefusalReason> {
        let f = fold(s);
        let f = f
            .trim_start_matches("pism.")
            .trim_start_matches("pism")
            .trim()
            .trim_end_matches([')', '.'])
            .trim();
        let by_letter = RefusalReason::ALL.into_iter().find(|r| r.letter() == f);
        if by_letter.is_some() {
            return by_letter;
        }
        let words: &[(&str, RefusalReason)] = &[
            ("neposkytuje", RefusalReason::NotProvided),
            ("sluzba se neposkytuje", RefusalReason::NotProvided),
            ("neposkytovana sluzba", RefusalReason::NotProvided),
            ("mimo cilovou skupinu", RefusalReason::NotProvided),
            ("not provided", RefusalReason::NotProvided),
            ("kapacita", RefusalReason::NoCapacity),
            ("nedostatecna kapacita", RefusalReason::NoCapacity),
            ("nedostatek kapacity", RefusalReason::NoCapacity),
            ("plna kapacita", RefusalReason::NoCapacity),
            ("kapacita naplnena", RefusalReason::NoCapacity),
            ("no capacity", RefusalReason::NoCapacity),
            ("capacity", RefusalReason::NoCapacity),
            ("poruseni", RefusalReason::TerminatedForBreach),
            ("poruseni smlouvy", RefusalReason::TerminatedForBreach),
            ("vypoved", RefusalReason::TerminatedForBreach),
            ("vypoved pro poruseni", RefusalReason::TerminatedForBreach),
            ("breach", RefusalReason::TerminatedForBreach),
        ];
        let (cs, en) = (
            |r: RefusalReason| fold(r.label().0),
            |r: RefusalReason| fold(r.label().1),
        );
        words
            .iter()
            .find(|(w, _)| *w == f)
            .map(|(_, r)| *r)
            .or_else(|| {
                RefusalReason::ALL
                    .into_iter()
                    .find(|r| cs(*r) == f || en(*r) == f)
            })
    }
}

/// One application for a contract (`Žadatelé`). Applications are not
/// persons: one person may apply twice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    /// The applicant's id (or the application's).
    pub id: String,
    /// When the application was made.
    pub applied: NaiveDate,
    /// What became of it.
    pub outcome: Outcome,
    /// Why it was refused (only for [`Outcome::Refused`]; `None` when not
    /// given).
    pub reason: Option<RefusalReason>,
    /// When it was decided (never before `applied`; none for one still
    /// waiting).
    pub decided: Option<NaiveDate>,
    /// The applicant's municipality, where given.
    pub municipality: Option<String>,
    /// The applicant's care-allowance degree, where given.
    pub care_allowance: Option<CareDegree>,
    /// The `Žadatelé` row (0: built in code).
    pub row: u32,
}

impl Applicant {
    /// An application made on `applied` with its outcome.
    pub fn new(id: impl Into<String>, applied: NaiveDate, outcome: Outcome) -> Applicant {
        Applicant {
            id: id.into(),
            applied,
            outcome,
            reason: None,
            decided: None,
            municipality: None,
            care_allowance: None,
            row: 0,
        }
    }

    /// The same, decided on `day`.
    pub fn decided_on(mut self, day: NaiveDate) -> Applicant {
        self.decided = Some(day);
        self
    }

    /// The same, refused for `reason`.
    pub fn because(mut self, reason: RefusalReason) -> Applicant {
        self.reason = Some(reason);
        self
    }

    /// The same, from `municipality`.
    pub fn from_municipality(mut self, municipality: impl Into<String>) -> Applicant {
        self.municipality = Some(municipality.into());
        self
    }
}
