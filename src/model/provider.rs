//! The provider: the service being audited and its working-time settings.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::period::Period;

/// The provider of the home-care service (`Poskytovatel` sheet).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    /// Provider or service name (the file name when not given).
    pub name: String,
    /// IČO, the 8-digit company id (checksum validated when read).
    pub ico: Option<String>,
    /// Id in the registry of social services.
    pub registration_id: Option<String>,
    /// Region code for benchmark selection, e.g. `KHK`.
    pub region: Option<String>,
    /// The audit period; when `None` the first..last visit date is used.
    pub period: Option<Period>,
    /// Full-time weekly hours: 40, 38.75 or 37.5.
    pub weekly_hours: Decimal,
    /// A public employer (§109(3) Labour Code) gives 5 weeks of leave, others 4.
    pub public_employer: bool,
    /// The municipality of the service's seat (`Obec`), where its workers
    /// set out from unless a worker names another; only a merger study's
    /// travel effect reads it.
    #[serde(default)]
    pub municipality: Option<String>,
    /// The FTE capacity the region's network entrusts to the service
    /// (`Kapacita v síti (úvazky)`, from its Pověření): the unit the public
    /// money of a field service is measured per.
    #[serde(default)]
    pub network_fte: Option<Decimal>,
    /// The capacity in the registry of social services, clients
    /// (`Kapacita (klienti)`).
    #[serde(default)]
    pub capacity_clients: Option<u64>,
    /// The reasonable profit the entrustment allows over the period, Kč
    /// (`Přiměřený zisk`); `None`: 0, said so.
    #[serde(default)]
    pub reasonable_profit: Option<Decimal>,
    /// The cell of a `Přiměřený zisk` the reader rejected: the balance
    /// then is not available (a rejected profit never passes as 0).
    #[serde(default)]
    pub reasonable_profit_rejected: Option<String>,
}

impl Provider {
    /// A provider with the defaults of docs/workbook.md: 40 weekly hours, public
    /// employer, no period, region or ids.
    pub fn new(name: impl Into<String>) -> Provider {
        Provider {
            name: name.into(),
            ico: None,
            registration_id: None,
            region: None,
            period: None,
            weekly_hours: Decimal::from(40),
            public_employer: true,
            municipality: None,
            network_fte: None,
            capacity_clients: None,
            reasonable_profit: None,
            reasonable_profit_rejected: None,
        }
    }
}

impl Default for Provider {
    fn default() -> Provider {
        Provider::new("")
    }
}

/// Checks an IČO: 8 digits whose last is the mod-11 check digit of the
/// first seven (weights 8..2).
///
/// ```
/// use homecare_audit::model::ico_is_valid;
/// assert!(ico_is_valid("00064581")); // Praha
/// assert!(ico_is_valid("25596641"));
/// assert!(!ico_is_valid("25596642"));
/// assert!(!ico_is_valid("1234567"));
/// ```
pub fn ico_is_valid(ico: &str) -> bool {
    let digits: Vec<u32> = ico.chars().filter_map(|c| c.to_digit(10)).collect();
    if ico.len() != 8 || digits.len() != 8 {
        return false;
    }
    let sum: u32 = digits[..7]
        .iter()
        .zip((2..=8).rev())
        .map(|(d, w)| d * w)
        .sum();
    let check = (11 - sum % 11) % 10;
    digits[7] == check
}
