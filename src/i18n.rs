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

/// One text in both languages: a reason, a note, a finding's detail, a
/// message.
///
/// The fields are named, so a Czech text cannot take the English one's
/// place unnoticed; [`Text::new`] takes Czech first, as everywhere in the
/// crate. In JSON a text is its English string (JSON speaks English); the
/// report and the summary pick the auditor's language with [`Text::get`].
///
/// ```
/// use homecare_audit::{Lang, Text};
/// let t = Text::new("chybí výkazy", "no timesheet rows");
/// assert_eq!(t.get(Lang::Cs), "chybí výkazy");
/// assert_eq!(t.get(Lang::En), "no timesheet rows");
/// assert_eq!(serde_json::to_string(&t).unwrap(), r#""no timesheet rows""#);
/// assert_eq!(t.to_string(), "no timesheet rows");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text {
    /// Czech.
    pub cs: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its Czech and English wording (Czech first).
    pub fn new(cs: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            cs: cs.into(),
            en: en.into(),
        }
    }

    /// The wording in a language.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.cs, &self.en)
    }
}

/// English, as in JSON.
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// The English string (JSON speaks English).
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.en)
    }
}

/// A text as `{"en": …, "cs": …}`: the hour analysis's JSON gives its
/// reasons in both languages (for `#[serde(serialize_with)]`).
pub(crate) fn both_languages<S: serde::Serializer>(
    t: &Option<Text>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    match t {
        None => s.serialize_none(),
        Some(t) => {
            let mut m = s.serialize_struct("Text", 2)?;
            m.serialize_field("en", &t.en)?;
            m.serialize_field("cs", &t.cs)?;
            m.end()
        }
    }
}
