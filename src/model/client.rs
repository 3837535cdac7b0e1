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

    /// Reads a degree as care software, a benefits office or a person
    /// writes it, folded (case, diacritics and dots ignored): a roman or
    /// arabic numeral (`III`, `3`, `III.`), with or without `stupeň`
    /// (`I. stupeň`, `stupeň II`, `2. st.`), the dependency in words
    /// (`lehká závislost`, `středně těžká`, `těžká`, `úplná`, in English
    /// `light`, `medium`, `heavy`, `full`), both together (`2 - středně
    /// těžká závislost`, `IV (úplná závislost)`), and no allowance (`bez`,
    /// `bez příspěvku`, `bez PnP`, `0`, `nepobírá`, `none`). A numeral and
    /// words that disagree (`II – úplná závislost`) and anything else are
    /// `None`: the reader rejects the row with its place and raw value.
    ///
    /// ```
    /// use homecare_audit::CareDegree;
    /// assert_eq!(CareDegree::parse("I. stupeň"), Some(CareDegree::I));
    /// assert_eq!(CareDegree::parse("2 - středně těžká závislost"), Some(CareDegree::II));
    /// assert_eq!(CareDegree::parse("IV - úplná závislost"), Some(CareDegree::IV));
    /// assert_eq!(CareDegree::parse("bez příspěvku"), Some(CareDegree::None));
    /// assert_eq!(CareDegree::parse("II – úplná závislost"), None);
    /// ```
    pub fn parse(s: &str) -> Option<CareDegree> {
        let folded = crate::matching::fold(s);
        // Punctuation between the parts: `2 - …`, `IV (…)`, `II/…`.
        let spaced: String = folded
            .chars()
            .map(|c| match c {
                '-' | '–' | '—' | '(' | ')' | ',' | ':' | ';' | '/' => ' ',
                other => other,
            })
            .collect();
        let words: Vec<&str> = spaced
            .split_whitespace()
            .filter(|w| !DEGREE_FILLER.contains(w))
            .collect();
        let mut found: Option<u8> = None;
        let mut i = 0;
        while i < words.len() {
            // `středně těžká` is II; `těžká` alone is III.
            let (n, used) = match (words[i], words.get(i + 1)) {
                ("stredne" | "stredni", Some(&"tezka" | &"tezke")) => (2, 2),
                (w, _) => (degree_word(w)?, 1),
            };
            if found.is_some_and(|f| f != n) {
                return None;
            }
            found = Some(n);
            i += used;
        }
        match found? {
            0 => Some(CareDegree::None),
            1 => Some(CareDegree::I),
            2 => Some(CareDegree::II),
            3 => Some(CareDegree::III),
            _ => Some(CareDegree::IV),
        }
    }

    /// True for degrees II–IV (higher dependency).
    pub fn is_high(self) -> bool {
        matches!(self, CareDegree::II | CareDegree::III | CareDegree::IV)
    }
}

/// Words around a degree that say nothing of which one (folded).
const DEGREE_FILLER: [&str; 14] = [
    "stupen",
    "st",
    "pnp",
    "prispevek",
    "prispevku",
    "na",
    "peci",
    "zavislost",
    "zavislosti",
    "dependency",
    "degree",
    "grade",
    "care",
    "allowance",
];

/// The degree (0 = none … 4) one folded word names.
fn degree_word(w: &str) -> Option<u8> {
    Some(match w {
        "0" | "bez" | "zadny" | "zadna" | "nepobira" | "ne" | "no" | "none" => 0,
        "i" | "1" | "lehka" | "lehke" | "light" | "mild" => 1,
        "ii" | "2" | "stredne" | "stredni" | "medium" | "moderate" => 2,
        "iii" | "3" | "tezka" | "tezke" | "heavy" | "severe" => 3,
        "iv" | "4" | "uplna" | "uplne" | "full" | "total" => 4,
        _ => return None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_as_they_are_written() {
        use CareDegree as D;
        let cases = [
            ("bez", D::None),
            ("Bez příspěvku", D::None),
            ("bez PnP", D::None),
            ("0", D::None),
            ("nepobírá", D::None),
            ("none", D::None),
            ("I", D::I),
            ("i.", D::I),
            ("1", D::I),
            ("I. stupeň", D::I),
            ("1. st.", D::I),
            ("stupeň I", D::I),
            ("lehká závislost", D::I),
            ("I - lehká závislost", D::I),
            ("stupeň II", D::II),
            ("II.", D::II),
            ("2 - středně těžká závislost", D::II),
            ("středně těžká závislost", D::II),
            ("II (středně těžká závislost)", D::II),
            ("III", D::III),
            ("3. stupeň – těžká závislost", D::III),
            ("těžká závislost", D::III),
            ("IV - úplná závislost", D::IV),
            ("úplná závislost", D::IV),
            ("4", D::IV),
            ("IV. stupeň příspěvku na péči", D::IV),
            ("full dependency", D::IV),
        ];
        for (word, degree) in cases {
            assert_eq!(CareDegree::parse(word), Some(degree), "{word}");
        }
        for word in [
            "",
            "V",
            "5",
            "stupeň",
            "závislost",
            "II – úplná závislost",
            "2 3",
            "ano",
            "vysoký",
        ] {
            assert_eq!(CareDegree::parse(word), None, "{word}");
        }
    }
}
