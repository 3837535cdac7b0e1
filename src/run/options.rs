//! The options every face takes as text (a command line, a form field, a
//! Python argument), parsed once and in one way. Each returns the message
//! to show, in both languages, when the text is not valid; the programs
//! give these functions to clap as value parsers.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::i18n::Lang;

/// A share between 0 and 1, with a decimal point or comma (`0,3`).
///
/// ```
/// use homecare_audit::run::parse_share;
/// use rust_decimal::Decimal;
/// assert_eq!(parse_share("0,3"), Ok(Decimal::new(3, 1)));
/// assert!(parse_share("1.5").is_err());
/// assert!(parse_share("třetina").is_err());
/// ```
///
/// # Errors
///
/// The message, when the text is not a number or not between 0 and 1.
pub fn parse_share(text: &str) -> Result<Decimal, String> {
    let d: Decimal = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("není číslo / not a number: {text}"))?;
    if d < Decimal::ZERO || d > Decimal::ONE {
        return Err(format!(
            "musí být mezi 0 a 1 / must be between 0 and 1: {text}"
        ));
    }
    Ok(d)
}

/// A date as `2026-02-01` or the Czech `1. 2. 2026` (spaces optional).
///
/// ```
/// use homecare_audit::run::parse_date;
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
/// assert_eq!(parse_date("2026-02-01"), Ok(d));
/// assert_eq!(parse_date("1. 2. 2026"), Ok(d));
/// assert!(parse_date("31. 2. 2026").is_err());
/// ```
///
/// # Errors
///
/// The message, when the text is not a date in either form.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    NaiveDate::parse_from_str(&compact, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&compact, "%d.%m.%Y"))
        .map_err(|_| {
            format!("datum jako 2026-02-01 nebo 1. 2. 2026 / a date such as 2026-02-01: {text:?}")
        })
}

/// The language: `cs` or `en`.
///
/// ```
/// use homecare_audit::{Lang, run::parse_lang};
/// assert_eq!(parse_lang("en"), Ok(Lang::En));
/// assert!(parse_lang("de").is_err());
/// ```
///
/// # Errors
///
/// The message, for anything but `cs` and `en`.
pub fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("cs nebo en / cs or en, not {text:?}"))
}

/// A count of rows, with `_` allowed between digits (`100_000`).
///
/// ```
/// use homecare_audit::run::parse_rows;
/// assert_eq!(parse_rows("100_000"), Ok(100_000));
/// assert!(parse_rows("many").is_err());
/// ```
///
/// # Errors
///
/// The message, when the text is not a whole number.
pub fn parse_rows(text: &str) -> Result<usize, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("ROWS musí být číslo / must be a number: {text}"))
}

/// A CSV encoding as a command line or a form gives it: `utf8` (`utf-8`)
/// or `cp1250` (`windows-1250`).
///
/// ```
/// use homecare_audit::run::{CsvEncoding, parse_csv_encoding};
/// assert_eq!(parse_csv_encoding("UTF-8"), Ok(CsvEncoding::Utf8));
/// assert_eq!(parse_csv_encoding("windows-1250"), Ok(CsvEncoding::Windows1250));
/// assert!(parse_csv_encoding("latin1").is_err());
/// ```
///
/// # Errors
///
/// The reason in both languages, for any other word.
pub fn parse_csv_encoding(s: &str) -> Result<crate::workbook::CsvEncoding, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "utf8" | "utf-8" => Ok(crate::workbook::CsvEncoding::Utf8),
        "cp1250" | "windows-1250" | "win1250" => Ok(crate::workbook::CsvEncoding::Windows1250),
        other => Err(format!(
            "utf8 nebo cp1250, ne „{other}“ / utf8 or cp1250, not \"{other}\""
        )),
    }
}
