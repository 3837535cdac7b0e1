//! Workers (`Pracovníci` sheet) and their roles.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A worker's role in the service.
/// In JSON its code (`PSS`, `SP`, …), as the workbook writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Role {
    /// `PSS`: worker in social services doing care (pečovatel/ka, §116).
    Pss,
    /// `SP`: social worker (sociální pracovník, §110).
    Sp,
    /// `VED`: head of service.
    Ved,
    /// `ADM`: administration.
    Adm,
    /// `RID`: driver.
    Rid,
    /// `ZDR`: health staff.
    Zdr,
    /// `JIN`: other.
    Jin,
}

impl Role {
    /// All roles in report order.
    pub const ALL: [Role; 7] = [
        Role::Pss,
        Role::Sp,
        Role::Ved,
        Role::Adm,
        Role::Rid,
        Role::Zdr,
        Role::Jin,
    ];

    /// The code used in the workbook and in indicator ids: `PSS`, `SP`, …
    pub fn code(self) -> &'static str {
        match self {
            Role::Pss => "PSS",
            Role::Sp => "SP",
            Role::Ved => "VED",
            Role::Adm => "ADM",
            Role::Rid => "RID",
            Role::Zdr => "ZDR",
            Role::Jin => "JIN",
        }
    }

    /// Reads a role from its code or a Czech/English job title, folded
    /// (case, diacritics and dots ignored): the codes, the titles of §115
    /// and §116 Act 108/2006 in either gender (`pracovnice v sociálních
    /// službách`, `sociální pracovník`), the words care software and
    /// payroll write (`pečovatelka`, `Pečovatel(ka)`, `vedoucí pečovatelské
    /// služby`, `řidič rozvozu obědů`, `účetní`), and a title followed by a
    /// description after a dash (`PSS – přímá obslužná péče`). `None` for
    /// anything else: the reader then rejects the row with its place and
    /// the raw word.
    ///
    /// ```
    /// use homecare_audit::Role;
    /// assert_eq!(Role::parse("Pečovatelka"), Some(Role::Pss));
    /// assert_eq!(Role::parse("pracovnice v sociálních službách"), Some(Role::Pss));
    /// assert_eq!(Role::parse("sociální pracovnice"), Some(Role::Sp));
    /// assert_eq!(Role::parse("Vedoucí pečovatelské služby"), Some(Role::Ved));
    /// assert_eq!(Role::parse("kuchař"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Role> {
        let f = crate::matching::fold(s);
        if let Some(role) = Role::from_title(&f) {
            return Some(role);
        }
        // `PSS – přímá obslužná péče`: the title before a dash.
        let head = f.split(['-', '–', '—']).next().unwrap_or("").trim();
        (head.len() < f.len())
            .then(|| Role::from_title(head))
            .flatten()
    }

    /// The job titles read as this role (folded and in the masculine: the
    /// feminine, `(ka)` and `/ice` forms of each are read too), its code
    /// first.
    ///
    /// ```
    /// use homecare_audit::Role;
    /// assert_eq!(Role::Pss.titles()[0], "pss");
    /// assert!(Role::Pss.titles().contains(&"pracovnik v socialnich sluzbach"));
    /// ```
    pub fn titles(self) -> &'static [&'static str] {
        ROLE_TITLES
            .iter()
            .find(|(r, _)| *r == self)
            .map_or(&[], |(_, t)| *t)
    }

    /// A folded title, its gender and its `(ka)` or `/ice` endings
    /// evened out, looked up among the known titles.
    fn from_title(folded: &str) -> Option<Role> {
        // `pečovatel(ka)`, `pečovatel/ka`, `pracovník(ice)`: the masculine
        // form; `pracovník/pracovnice`: one word, once.
        let mut t = folded.to_string();
        for ending in ["(ka)", "/ka", "(ice)", "/ice", "(a)"] {
            t = t.replace(ending, "");
        }
        let t = t.replace('/', " ");
        let mut words: Vec<&str> = Vec::new();
        for w in t.split_whitespace() {
            let w = masculine(w);
            if words.last() != Some(&w) {
                words.push(w);
            }
        }
        let title = words.join(" ");
        ROLE_TITLES
            .iter()
            .find(|(_, titles)| titles.contains(&title.as_str()))
            .map(|(role, _)| *role)
    }
}

/// The masculine form of a feminine job-title word (titles are looked up
/// in the masculine).
fn masculine(word: &str) -> &str {
    match word {
        "pracovnice" => "pracovnik",
        "pecovatelka" => "pecovatel",
        "ridicka" => "ridic",
        "zdravotnice" => "zdravotnik",
        "administrativni" | "administrativa" => "administrativni",
        "referentka" => "referent",
        "administratorka" => "administrator",
        "reditelka" => "reditel",
        "uklizecka" => "uklizec",
        "jina" => "jiny",
        other => other,
    }
}

/// Job titles (folded, masculine, as [`Role::from_title`] evens them out)
/// by role. Codes first; the words of the law (§115, §116 Act 108/2006);
/// the words care software, payroll and job adverts use.
const ROLE_TITLES: [(Role, &[&str]); 7] = [
    (
        Role::Pss,
        &[
            "pss",
            "pracovnik v socialnich sluzbach",
            "pracovnik v soc sluzbach",
            "pracovnik socialnich sluzeb",
            "pracovnik pecovatelske sluzby",
            "pracovnik prime pece",
            "pracovnik prime obsluzne pece",
            "pecovatel",
            "pecovatel v domacnosti",
            "terenni pecovatel",
            "care worker",
            "carer",
            "home care worker",
            "social care worker",
        ],
    ),
    (
        Role::Sp,
        &["sp", "socialni pracovnik", "soc pracovnik", "social worker"],
    ),
    (
        Role::Ved,
        &[
            "ved",
            "vedouci",
            "vedouci sluzby",
            "vedouci pecovatelske sluzby",
            "vedouci ps",
            "vedouci strediska",
            "vedouci useku",
            "vedouci terenni sluzby",
            "reditel",
            "head of service",
            "head",
            "manager",
        ],
    ),
    (
        Role::Adm,
        &[
            "adm",
            "administrativni",
            "administrativni pracovnik",
            "administrator",
            "referent",
            "ucetni",
            "mzdova ucetni",
            "administration",
            "administrative worker",
            "accountant",
        ],
    ),
    (
        Role::Rid,
        &[
            "rid",
            "ridic",
            "ridic rozvozu",
            "ridic rozvozu obedu",
            "ridic rozvozu stravy",
            "driver",
        ],
    ),
    (
        Role::Zdr,
        &[
            "zdr",
            "zdravotnik",
            "zdravotni sestra",
            "vseobecna sestra",
            "sestra",
            "health staff",
            "nurse",
        ],
    ),
    (
        Role::Jin,
        &["jin", "jiny", "ostatni", "uklizec", "udrzbar", "other"],
    ),
];

/// A worker of the service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worker {
    /// The provider's id for the worker, as written.
    pub id: String,
    /// Role.
    pub role: Role,
    /// Full-time equivalent, 0 < fte ≤ 1.5.
    pub fte: Decimal,
    /// Weekly hours of a full-time post; `None` = the provider's default.
    pub weekly_hours: Option<Decimal>,
    /// First day of employment; `None` = before the period.
    pub employed_from: Option<NaiveDate>,
    /// Last day of employment; `None` = after the period.
    pub employed_to: Option<NaiveDate>,
    /// Leave and sickness in the period, in seconds; `None` = derive leave
    /// from the law.
    pub absence: Option<u64>,
    /// Training in the period, in seconds; `None` = assume the prorated
    /// legal minimum.
    pub training: Option<u64>,
    /// Wages and employer insurance in the period.
    pub personnel_cost: Option<Decimal>,
    /// The municipality the worker sets out from (`Obec`); `None` = the
    /// provider's seat ([`Provider::municipality`](crate::Provider::municipality)).
    /// Only a merger study's travel effect reads it.
    #[serde(default)]
    pub municipality: Option<String>,
    /// The row in the input sheet (Excel numbering), 0 when built in code.
    pub row: u32,
}

impl Worker {
    /// A worker with id, role and FTE; every other field default.
    pub fn new(id: impl Into<String>, role: Role, fte: Decimal) -> Worker {
        Worker {
            id: id.into(),
            role,
            fte,
            weekly_hours: None,
            employed_from: None,
            employed_to: None,
            absence: None,
            training: None,
            personnel_cost: None,
            municipality: None,
            row: 0,
        }
    }

    /// A worker the timesheet names when the records come without a staff
    /// list ([`RecordList::Workers`](crate::model::RecordList)): only the
    /// id is known. The role ([`Role::Jin`]) and FTE (1) are placeholders
    /// that no figure reads: the audit makes every indicator that needs
    /// them "not available" ([`Dataset::has_list`](crate::Dataset::has_list)).
    pub fn unlisted(id: impl Into<String>) -> Worker {
        Worker::new(id, Role::Jin, Decimal::ONE)
    }

    /// Sets the employment dates.
    pub fn with_employment(mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Worker {
        self.employed_from = from;
        self.employed_to = to;
        self
    }

    /// Sets the weekly hours of a full-time post.
    pub fn with_weekly_hours(mut self, hours: Decimal) -> Worker {
        self.weekly_hours = Some(hours);
        self
    }

    /// Sets absence (leave and sickness) in seconds.
    pub fn with_absence_seconds(mut self, seconds: u64) -> Worker {
        self.absence = Some(seconds);
        self
    }

    /// Sets training time in seconds.
    pub fn with_training_seconds(mut self, seconds: u64) -> Worker {
        self.training = Some(seconds);
        self
    }

    /// Sets personnel cost.
    pub fn with_personnel_cost(mut self, cost: Decimal) -> Worker {
        self.personnel_cost = Some(cost);
        self
    }

    /// Sets the municipality the worker sets out from.
    pub fn with_municipality(mut self, municipality: impl Into<String>) -> Worker {
        self.municipality = Some(municipality.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_titles_care_software_and_payroll_write() {
        let cases = [
            // Codes, any case.
            ("PSS", Role::Pss),
            ("sp", Role::Sp),
            ("Ved", Role::Ved),
            // §116 in either gender, and the slash and bracket forms.
            ("pracovník v sociálních službách", Role::Pss),
            ("Pracovnice v sociálních službách", Role::Pss),
            ("pracovník/pracovnice v sociálních službách", Role::Pss),
            ("Pracovník(ice) v soc. službách", Role::Pss),
            ("PSS - přímá obslužná péče", Role::Pss),
            (
                "pracovník v sociálních službách – přímá obslužná péče",
                Role::Pss,
            ),
            ("pečovatel", Role::Pss),
            ("Pečovatelka", Role::Pss),
            ("Pečovatel(ka)", Role::Pss),
            ("pečovatel/ka", Role::Pss),
            ("terénní pečovatelka", Role::Pss),
            ("pracovnice pečovatelské služby", Role::Pss),
            ("care worker", Role::Pss),
            // §110.
            ("sociální pracovník", Role::Sp),
            ("Sociální pracovnice", Role::Sp),
            ("soc. pracovnice", Role::Sp),
            ("sociální pracovník/pracovnice", Role::Sp),
            // Heads.
            ("vedoucí", Role::Ved),
            ("Vedoucí služby", Role::Ved),
            ("vedoucí pečovatelské služby", Role::Ved),
            ("ředitelka", Role::Ved),
            // Administration.
            ("administrativní pracovnice", Role::Adm),
            ("administrativa", Role::Adm),
            ("účetní", Role::Adm),
            ("mzdová účetní", Role::Adm),
            ("referentka", Role::Adm),
            // Drivers, health staff, others.
            ("řidič", Role::Rid),
            ("Řidička", Role::Rid),
            ("řidič rozvozu obědů", Role::Rid),
            ("všeobecná sestra", Role::Zdr),
            ("zdravotnice", Role::Zdr),
            ("uklízečka", Role::Jin),
            ("jiná", Role::Jin),
            ("ostatní", Role::Jin),
        ];
        for (word, role) in cases {
            assert_eq!(Role::parse(word), Some(role), "{word}");
        }
        // Unknown words stay unknown (the reader rejects the row).
        for word in [
            "kuchař",
            "",
            "-",
            "pracovník",
            "sociální",
            "osobní asistentka",
            "PSS/ADM",
        ] {
            assert_eq!(Role::parse(word), None, "{word}");
        }
    }
}
