//! Clients (`Klienti` sheet) and the care-allowance degree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The degree of care allowance (příspěvek na péči, §8 Act 108/2006):
/// `None` means the client receives none; an unknown degree is
/// `Option::<CareDegree>::None` on the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CareDegree {
    /// No care allowance (`bez`, `0`).
    None,
    /// I – light dependency.
    I,
    /// II – medium dependency.
    II,
    /// III – heavy dependency.
    III,
    /// IV – full dependency.
    IV,
}

impl CareDegree {
    /// All degrees in order.
    pub const ALL: [CareDegree; 5] = [
        CareDegree::None,
        CareDegree::I,
        CareDegree::II,
        CareDegree::III,
        CareDegree::IV,
    ];

    /// The id used in indicator ids: `none`, `I` … `IV`.
    pub fn id(self) -> &'static str {
        match self {
            CareDegree::None => "none",
            CareDegree::I => "I",
            CareDegree::II => "II",
            CareDegree::III => "III",
            CareDegree::IV => "IV",
        }
    }

    /// True for degrees II–IV (higher dependency).
    pub fn is_high(self) -> bool {
        matches!(self, CareDegree::II | CareDegree::III | CareDegree::IV)
    }
}

/// A client of the service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    /// The provider's id for the client, as written.
    pub id: String,
    /// Year of birth.
    pub birth_year: Option<u16>,
    /// Care-allowance degree; `None` when unknown.
    pub care_allowance: Option<CareDegree>,
    /// Lives alone; `None` when unknown.
    pub lives_alone: Option<bool>,
    /// At risk of social exclusion; `None` when unknown.
    pub at_risk: Option<bool>,
    /// Exempt from fees (§75(2) Act 108/2006); `None` when not stated.
    pub fee_exempt: Option<bool>,
    /// Municipality.
    pub municipality: Option<String>,
    /// Contract start.
    pub contract_from: Option<NaiveDate>,
    /// Contract end.
    pub contract_to: Option<NaiveDate>,
    /// The row in the input sheet (Excel numbering), 0 when built in code.
    pub row: u32,
}

impl Client {
    /// A client with only an id; every other field unknown.
    pub fn new(id: impl Into<String>) -> Client {
        Client {
            id: id.into(),
            birth_year: None,
            care_allowance: None,
            lives_alone: None,
            at_risk: None,
            fee_exempt: None,
            municipality: None,
            contract_from: None,
            contract_to: None,
            row: 0,
        }
    }

    /// Sets the care-allowance degree.
    pub fn with_care_allowance(mut self, degree: CareDegree) -> Client {
        self.care_allowance = Some(degree);
        self
    }

    /// Sets the year of birth.
    pub fn with_birth_year(mut self, year: u16) -> Client {
        self.birth_year = Some(year);
        self
    }

    /// Sets whether the client lives alone.
    pub fn with_lives_alone(mut self, yes: bool) -> Client {
        self.lives_alone = Some(yes);
        self
    }

    /// Sets whether the client is at risk of social exclusion.
    pub fn with_at_risk(mut self, yes: bool) -> Client {
        self.at_risk = Some(yes);
        self
    }

    /// Sets the §75(2) fee exemption.
    pub fn with_fee_exempt(mut self, yes: bool) -> Client {
        self.fee_exempt = Some(yes);
        self
    }

    /// Sets the contract dates.
    pub fn with_contract(mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Client {
        self.contract_from = from;
        self.contract_to = to;
        self
    }
}
