//! Workers (`Pracovníci` sheet) and their roles.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A worker's role in the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

    /// Reads a role from its code or a Czech/English word, folded
    /// (`pečovatelka`, `sociální pracovnice`, `Řidič`, `pss`).
    ///
    /// ```
    /// use homecare_audit::Role;
    /// assert_eq!(Role::parse("Pečovatelka"), Some(Role::Pss));
    /// assert_eq!(Role::parse("sociální pracovnice"), Some(Role::Sp));
    /// assert_eq!(Role::parse("kuchař"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Role> {
        let f = crate::matching::fold(s);
        Some(match f.as_str() {
            "pss"
            | "pracovnik v socialnich sluzbach"
            | "pecovatel"
            | "pecovatelka"
            | "care worker" => Role::Pss,
            "sp" | "socialni pracovnik" | "socialni pracovnice" | "social worker" => Role::Sp,
            "ved" | "vedouci" | "vedouci sluzby" | "head of service" | "head" => Role::Ved,
            "adm"
            | "administrativa"
            | "administrativni pracovnik"
            | "administrativni pracovnice"
            | "administration" => Role::Adm,
            "rid" | "ridic" | "ridicka" | "driver" => Role::Rid,
            "zdr" | "zdravotnik" | "zdravotni sestra" | "health staff" | "nurse" => Role::Zdr,
            "jin" | "jiny" | "jina" | "ostatni" | "other" => Role::Jin,
            _ => return None,
        })
    }
}

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
