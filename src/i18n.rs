//! Czech and English: the two languages the library speaks.
//!
//! Czech is the default for everything an auditor reads (labels, messages,
//! the report); English is available everywhere on request. Identifiers in
//! code and JSON are always English.

use serde::{Deserialize, Serialize};

/// The language of labels and messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Czech (the default).
    #[default]
    Cs,
    /// English.
    En,
}

impl Lang {
    /// Parses `cs`/`en` (any case).
    ///
    /// ```
    /// use homecare_audit::Lang;
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cs" | "cz" => Some(Lang::Cs),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Czech or the English text.
    pub fn pick<'a>(self, cs: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Cs => cs,
            Lang::En => en,
        }
    }
}
