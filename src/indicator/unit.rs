//! The unit of an indicator's value, as the JSON names it and the report
//! labels it.

use serde::Serialize;

use crate::i18n::Lang;

/// The unit of an indicator's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    /// Czech crowns.
    #[serde(rename = "CZK")]
    Czk,
    /// Czech crowns per hour.
    #[serde(rename = "CZK/h")]
    CzkPerHour,
    /// Crowns per FTE per year (annualised).
    #[serde(rename = "CZK/FTE/year")]
    CzkPerFteYear,
    /// Crowns per client per year (annualised).
    #[serde(rename = "CZK/client/year")]
    CzkPerClientYear,
    /// Crowns per client-month.
    #[serde(rename = "CZK/client-month")]
    CzkPerClientMonth,
    /// A fraction of a whole (0.25 = 25 %).
    #[serde(rename = "share")]
    Share,
    /// A ratio (1 = exactly enough).
    #[serde(rename = "ratio")]
    Ratio,
    /// Full-time equivalents.
    #[serde(rename = "FTE")]
    Fte,
    /// Hours per FTE per year (annualised).
    #[serde(rename = "h/FTE/year")]
    HoursPerFteYear,
    /// Hours per client-month.
    #[serde(rename = "h/client-month")]
    HoursPerClientMonth,
    /// Clients per FTE.
    #[serde(rename = "clients/FTE")]
    ClientsPerFte,
    /// Distinct workers.
    #[serde(rename = "workers")]
    Workers,
    /// Minutes.
    #[serde(rename = "min")]
    Minutes,
    /// A count.
    #[serde(rename = "count")]
    Count,
    /// People per 1 000 residents (clients served per 1 000 of an age).
    #[serde(rename = "per 1000")]
    PerThousand,
    /// Days.
    #[serde(rename = "days")]
    Days,
}

impl Unit {
    /// The unit as the report shows it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Unit::Czk, Lang::Cs) => "Kč",
            (Unit::Czk, Lang::En) => "CZK",
            (Unit::CzkPerHour, Lang::Cs) => "Kč/h",
            (Unit::CzkPerHour, Lang::En) => "CZK/h",
            (Unit::CzkPerFteYear, Lang::Cs) => "Kč/úvazek/rok",
            (Unit::CzkPerFteYear, Lang::En) => "CZK/FTE/year",
            (Unit::CzkPerClientYear, Lang::Cs) => "Kč/klient/rok",
            (Unit::CzkPerClientYear, Lang::En) => "CZK/client/year",
            (Unit::CzkPerClientMonth, Lang::Cs) => "Kč/klient-měsíc",
            (Unit::CzkPerClientMonth, Lang::En) => "CZK/client-month",
            (Unit::Share, _) => "%",
            (Unit::Ratio, _) => "×",
            (Unit::Fte, Lang::Cs) => "úvazky",
            (Unit::Fte, Lang::En) => "FTE",
            (Unit::HoursPerFteYear, Lang::Cs) => "h/úvazek/rok",
            (Unit::HoursPerFteYear, Lang::En) => "h/FTE/year",
            (Unit::HoursPerClientMonth, Lang::Cs) => "h/klient-měsíc",
            (Unit::HoursPerClientMonth, Lang::En) => "h/client-month",
            (Unit::ClientsPerFte, Lang::Cs) => "klientů/úvazek",
            (Unit::ClientsPerFte, Lang::En) => "clients/FTE",
            (Unit::Workers, Lang::Cs) => "pracovníků",
            (Unit::Workers, Lang::En) => "workers",
            (Unit::Minutes, _) => "min",
            (Unit::Count, Lang::Cs) => "počet",
            (Unit::Count, Lang::En) => "count",
            (Unit::PerThousand, Lang::Cs) => "na 1 000 obyvatel",
            (Unit::PerThousand, Lang::En) => "per 1,000 residents",
            (Unit::Days, Lang::Cs) => "dní",
            (Unit::Days, Lang::En) => "days",
        }
    }
}
