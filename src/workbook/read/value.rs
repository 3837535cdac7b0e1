//! Typing a cell as a column needs it: numbers, money, dates, times,
//! durations, yes/no, care-allowance degrees, text — each accepted the way a
//! spreadsheet user types it (docs/workbook.md, "Values as a spreadsheet user types them").
//!
//! Every function returns the reason when the cell cannot be read; the
//! caller attaches the place. Empty cells are handled by the caller.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cell::{Cell, serial_duration_seconds, serial_time_seconds, serial_to_date};
use crate::matching::fold;
use crate::model::CareDegree;
use crate::problem::Reason;

/// What the value functions need to know about the workbook.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ctx {
    pub date_1904: bool,
}

type R<T> = Result<T, Reason>;

/// A decimal number: numeric cells, or text like `1 234,50`, `1234.5`,
/// `1 234,50 Kč`.
pub(crate) fn decimal(c: &Cell<'_>, _: Ctx) -> R<Decimal> {
    let d = match c {
        Cell::Int(i) => Decimal::from(*i),
        Cell::Float(f) => f64_to_decimal(*f)?,
        Cell::Text(s) => number_text(s)?,
        Cell::Bool(_) | Cell::Serial { .. } | Cell::IsoDate(_) | Cell::IsoDuration(_) => {
            return Err(Reason::NotANumber);
        }
        Cell::Error(_) => return Err(Reason::ErrorCell),
        Cell::Empty => return Err(Reason::Missing),
    };
    bounded(d)
}

/// Refuses a number beyond [`crate::model::MAX_NUMBER`] (10¹²): no fee,
/// price, quantity or cost is that large, and the audit's sums and
/// products of such numbers stay inside `Decimal`'s range (before this
/// bound, a fee of 5·10²⁸ on two rows overflowed the sum of fees and the
/// audit panicked).
fn bounded(d: Decimal) -> R<Decimal> {
    if d.abs() > crate::model::MAX_NUMBER {
        return Err(Reason::OutOfRange("±10¹²".into()));
    }
    Ok(d)
}

/// A whole number (e.g. a birth year).
pub(crate) fn integer(c: &Cell<'_>, ctx: Ctx) -> R<i64> {
    let d = decimal(c, ctx)?;
    if d.fract() != Decimal::ZERO {
        return Err(Reason::NotAnInteger);
    }
    i64::try_from(d).map_err(|_| Reason::OutOfRange("±9·10¹⁸".into()))
}

/// An f64 from a numeric cell, through its shortest round-trip text (so
/// 12500.5 is 12500.5, never 12500.499999…).
pub(crate) fn f64_to_decimal(f: f64) -> R<Decimal> {
    if !f.is_finite() {
        return Err(Reason::NotANumber);
    }
    // Whole numbers below 2^53 are exact as integers (most minutes, fees
    // and counts); the rest through the shortest round-trip text.
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        return Ok(Decimal::from(f as i64));
    }
    let s = f.to_string();
    Decimal::from_str(&s)
        .or_else(|_| Decimal::try_from(f))
        .map_err(|_| Reason::OutOfRange("±7,9·10²⁸".into()))
}

/// Parses number text as typed in Czech or English spreadsheets.
///
/// Spaces (also no-break and narrow no-break) are thousands separators; a
/// trailing `Kč`, `CZK` or `,-` is dropped; with both `,` and `.` present the
/// last one is the decimal mark; one `,` or one `.` alone is the decimal mark;
/// several of the same mark are thousands separators. A minus may lead or,
/// as accounting software and public budget extracts write it, trail
/// (`1551157.54-`, `1 234,50 Kč-`, `1 234,50- Kč`); never both.
pub(crate) fn number_text(s: &str) -> R<Decimal> {
    match plain_number(s) {
        Some(d) => Ok(d),
        None => general_number(s),
    }
}

/// [`number_text`] for any text: spaces, currency, marks, signs.
fn general_number(s: &str) -> R<Decimal> {
    let t: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    // A trailing minus before or after the currency: `150,- Kč` keeps its
    // `,-` (a whole-koruna mark, not a sign), so the sign is taken only
    // from a `-` that follows a digit or the currency.
    let (mut t, trailing) = strip_currency_and_trailing_minus(&t);
    for suffix in [",-", ".-", ",--"] {
        if let Some(stripped) = t.strip_suffix(suffix) {
            t = stripped.to_string();
            break;
        }
    }
    let (leading, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    if leading && trailing {
        return Err(Reason::NotANumber);
    }
    let neg = leading || trailing;
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !body.chars().any(|c| c.is_ascii_digit())
    {
        return Err(Reason::NotANumber);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let normal: String = match (commas, dots) {
        (0, 0) => body.to_string(),
        (_, 0) if commas == 1 => body.replace(',', "."),
        (_, 0) => grouped(body, ',')?,
        (0, 1) => body.to_string(),
        (0, _) => grouped(body, '.')?,
        _ => {
            let last_comma = body.rfind(',').unwrap_or(0);
            let last_dot = body.rfind('.').unwrap_or(0);
            let (thousands, decimal_mark) = if last_comma > last_dot {
                (('.'), ',')
            } else {
                ((','), '.')
            };
            if body.matches(decimal_mark).count() != 1 {
                return Err(Reason::NotANumber);
            }
            let (int, frac) = body.split_at(body.rfind(decimal_mark).unwrap_or(0));
            let int = grouped(int, thousands)?;
            format!("{int}.{}", &frac[1..])
        }
    };
    if normal.starts_with('.') || normal.ends_with('.') {
        return Err(Reason::NotANumber);
    }
    let d = Decimal::from_str(&normal).map_err(|_| Reason::OutOfRange("±7,9·10²⁸".into()))?;
    Ok(if neg { -d } else { d })
}

/// Drops a currency suffix (`Kč`, `CZK`) and a trailing minus on either
/// side of it; returns the rest and whether the minus was there.
fn strip_currency_and_trailing_minus(t: &str) -> (String, bool) {
    const CURRENCIES: [&str; 5] = ["Kč", "kč", "KČ", "CZK", "czk"];
    let strip_currency = |t: &str| -> String {
        CURRENCIES
            .iter()
            .find_map(|c| t.strip_suffix(c))
            .unwrap_or(t)
            .to_string()
    };
    // `…Kč-`: the minus after the currency.
    if let Some(rest) = t.strip_suffix('-')
        && CURRENCIES.iter().any(|c| rest.ends_with(c))
    {
        return (strip_currency(rest), true);
    }
    let t = strip_currency(t);
    // `…54-` or `…54-` before a dropped currency; not `150,-` nor `150.-`.
    match t.strip_suffix('-') {
        Some(rest) if rest.ends_with(|c: char| c.is_ascii_digit()) => (rest.to_string(), true),
        _ => (t, false),
    }
}

/// Removes thousands separators, checking groups of three after the first.
fn grouped(s: &str, sep: char) -> R<String> {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 {
        return Err(Reason::NotANumber);
    }
    let mut out = first.to_string();
    for p in parts {
        if p.len() != 3 {
            return Err(Reason::NotANumber);
        }
        out.push_str(p);
    }
    Ok(out)
}

/// A date: a date cell (1900 or 1904 system), ODS ISO date, or text
/// `1. 3. 2025`, `1.3.2025`, `2025-03-01`. A plain number is refused.
pub(crate) fn date(c: &Cell<'_>, ctx: Ctx) -> R<NaiveDate> {
    match c {
        Cell::Serial {
            value,
            duration: false,
        } => serial_to_date(*value, ctx.date_1904).ok_or(Reason::NotADate),
        Cell::Serial { duration: true, .. } | Cell::IsoDuration(_) => Err(Reason::NotADate),
        Cell::Int(_) | Cell::Float(_) => Err(Reason::NumberNotADate),
        Cell::IsoDate(s) | Cell::Text(s) => date_text(s).ok_or(Reason::NotADate),
        Cell::Bool(_) => Err(Reason::NotADate),
        Cell::Error(_) => Err(Reason::ErrorCell),
        Cell::Empty => Err(Reason::Missing),
    }
}

/// `1. 3. 2025`, `1.3.2025`, `01.03.2025`, `2025-03-01` (a time after the
/// ISO date, `T07:30` or ` 07:30`, is ignored).
/// Digits with at most one `,` or `.` between them and an optional leading
/// `-` (`30`, `85,50`, `-12.5`: how exports write numbers): read without
/// allocating, as the general path reads them (the same value and scale).
/// `None` for anything else, which the general path then reads.
fn plain_number(s: &str) -> Option<Decimal> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        _ => (false, b),
    };
    // 27 digits fit `Decimal`'s 96-bit mantissa whatever they are.
    if digits.is_empty() || digits.len() > 27 {
        return None;
    }
    let mut mantissa: i128 = 0;
    let mut scale: Option<u32> = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + i128::from(c - b'0');
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            // One mark, with digits on both sides.
            b',' | b'.' if scale.is_none() && i > 0 && i + 1 < digits.len() => scale = Some(0),
            _ => return None,
        }
    }
    let mantissa = if neg { -mantissa } else { mantissa };
    Decimal::try_from_i128_with_scale(mantissa, scale.unwrap_or(0)).ok()
}

pub(crate) fn date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(iso) = s.get(..10)
        && iso.as_bytes().get(4) == Some(&b'-')
    {
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let mut it = iso.split('-');
        let y: i32 = digits(it.next()?, 4, 4)?.parse().ok()?;
        let m: u32 = digits(it.next()?, 2, 2)?.parse().ok()?;
        let d: u32 = digits(it.next()?, 2, 2)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    // `d. m. yyyy`, a dot after the year allowed; no allocation (a
    // timesheet CSV has a date on every row).
    let mut parts = s.split('.').map(str::trim);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    match (parts.next(), parts.next()) {
        (None, _) | (Some(""), None) => {}
        _ => return None,
    }
    let d: u32 = digits(d, 1, 2)?.parse().ok()?;
    let m: u32 = digits(m, 1, 2)?.parse().ok()?;
    let y: i32 = digits(y, 4, 4)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn digits(s: &str, min: usize, max: usize) -> Option<&str> {
    (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// A time of day in seconds after midnight: a time cell (or the time part of
/// a date-time cell), ODS `PT07H30M00S`, or text `7:30`, `07:30:00`; `24:00`
/// is 86 400 (midnight at the end of the day). A plain number is refused.
pub(crate) fn time_of_day(c: &Cell<'_>, _: Ctx) -> R<u32> {
    match c {
        Cell::Serial { value, duration } => {
            if *duration && *value >= 1.0 {
                return Err(Reason::NotATime);
            }
            serial_time_seconds(*value).ok_or(Reason::NotATime)
        }
        Cell::IsoDuration(s) => match iso_duration(s) {
            Some(secs) if secs <= 86_400 => Ok(secs as u32),
            _ => Err(Reason::NotATime),
        },
        Cell::IsoDate(s) => {
            let t = s.split_once('T').map(|(_, t)| t).ok_or(Reason::NotATime)?;
            clock_text(t).ok_or(Reason::NotATime)
        }
        Cell::Text(s) => clock_text(s).ok_or(Reason::NotATime),
        Cell::Int(_) | Cell::Float(_) | Cell::Bool(_) => Err(Reason::NotATime),
        Cell::Error(_) => Err(Reason::ErrorCell),
        Cell::Empty => Err(Reason::Missing),
    }
}

/// `H:MM` or `H:MM:SS` (hours 0–24; `24:00` only as 86 400).
fn clock_text(s: &str) -> Option<u32> {
    let (h, m, sec) = hms(s.trim())?;
    if h > 24 || (h == 24 && (m > 0 || sec > 0)) {
        return None;
    }
    Some(h * 3600 + m * 60 + sec)
}

/// Splits `H:MM[:SS]` (any number of hour digits, minutes and seconds
/// below 60). Seconds may carry a fraction, rounded.
fn hms(s: &str) -> Option<(u32, u32, u32)> {
    // Two or three parts, without allocating (two times a timesheet row).
    let mut parts = s.split(':');
    let (h, m, third) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    let h: u32 = digits(h, 1, 5)?.parse().ok()?;
    let m: u32 = digits(m, 2, 2)?.parse().ok()?;
    let sec: u32 = match third {
        None => 0,
        Some(p) => {
            let (whole, frac) = p.split_once(['.', ',']).unwrap_or((p, ""));
            let w: u32 = digits(whole, 2, 2)?.parse().ok()?;
            let round_up = frac.bytes().next().is_some_and(|b| b >= b'5');
            if !frac.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            w + u32::from(round_up)
        }
    };
    (m < 60 && sec <= 60).then_some((h, m, sec))
}

/// An ISO 8601 duration as ODS writes it: `PT07H30M00S`, `P1DT2H`,
/// `PT0.5S`; seconds rounded to the nearest second.
pub(crate) fn iso_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    if neg {
        return None;
    }
    let s = s.strip_prefix('P')?;
    let (date_part, time_part) = s.split_once('T').unwrap_or((s, ""));
    let mut total: u64 = 0;
    let mut num = String::new();
    for ch in date_part.chars() {
        if ch.is_ascii_digit() {
            num.push(ch);
        } else if ch == 'D' {
            total = total.checked_add(num.parse::<u64>().ok()?.checked_mul(86_400)?)?;
            num.clear();
        } else {
            return None;
        }
    }
    if !num.is_empty() {
        return None;
    }
    for ch in time_part.chars() {
        match ch {
            '0'..='9' | '.' | ',' => num.push(if ch == ',' { '.' } else { ch }),
            'H' | 'M' | 'S' => {
                let v = Decimal::from_str(&num).ok()?;
                let mult = match ch {
                    'H' => 3600,
                    'M' => 60,
                    _ => 1,
                };
                let secs = (v * Decimal::from(mult)).round_dp_with_strategy(
                    0,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                total = total.checked_add(u64::try_from(secs).ok()?)?;
                num.clear();
            }
            _ => return None,
        }
    }
    num.is_empty().then_some(total)
}

/// A duration in seconds, which may be negative in the input (the caller
/// rejects it): a duration or time cell, ODS `PT1H30M`, minutes as a number
/// (`90`, `90,5`), or text `1:30` (= 90 minutes) or `90 min`.
pub(crate) fn duration(c: &Cell<'_>, ctx: Ctx) -> R<i64> {
    match c {
        Cell::Serial { value, duration } => {
            if !*duration && *value >= 1.0 {
                // A date, not a duration.
                return Err(Reason::NotADuration);
            }
            if *value < 0.0 {
                return Err(Reason::NegativeDuration);
            }
            serial_duration_seconds(*value)
                .map(|s| s as i64)
                .ok_or(Reason::NotADuration)
        }
        Cell::IsoDuration(s) => iso_duration(s)
            .map(|s| s as i64)
            .ok_or(Reason::NotADuration),
        Cell::Text(s) => {
            let t = s.trim();
            if t.contains(':') {
                let neg = t.starts_with('-');
                let (h, m, sec) = hms(t.trim_start_matches('-')).ok_or(Reason::NotADuration)?;
                let secs = i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(sec);
                return Ok(if neg { -secs } else { secs });
            }
            let t = t
                .strip_suffix("min")
                .or_else(|| t.strip_suffix("minut"))
                .unwrap_or(t);
            minutes_to_seconds(number_text(t).map_err(|_| Reason::NotADuration)?)
        }
        Cell::Int(_) | Cell::Float(_) => minutes_to_seconds(decimal(c, ctx)?),
        Cell::IsoDate(_) | Cell::Bool(_) => Err(Reason::NotADuration),
        Cell::Error(_) => Err(Reason::ErrorCell),
        Cell::Empty => Err(Reason::Missing),
    }
}

/// Decimal minutes to whole seconds, rounded half away from zero.
pub(crate) fn minutes_to_seconds(minutes: Decimal) -> R<i64> {
    let secs = minutes
        .checked_mul(Decimal::from(60))
        .ok_or(Reason::OutOfRange("±10¹⁸ s".into()))?
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    i64::try_from(secs).map_err(|_| Reason::OutOfRange("±10¹⁸ s".into()))
}

/// Decimal hours to whole seconds, rounded half away from zero.
pub(crate) fn hours_to_seconds(hours: Decimal) -> R<i64> {
    minutes_to_seconds(
        hours
            .checked_mul(Decimal::from(60))
            .ok_or(Reason::OutOfRange("±10¹⁸ s".into()))?,
    )
}

/// Yes/no: `ano/ne`, `yes/no`, `1/0`, `x`, `✓`, `true/false`, boolean cells.
pub(crate) fn yes_no(c: &Cell<'_>, _: Ctx) -> R<bool> {
    match c {
        Cell::Bool(b) => Ok(*b),
        Cell::Int(1) => Ok(true),
        Cell::Int(0) => Ok(false),
        Cell::Float(f) if *f == 1.0 => Ok(true),
        Cell::Float(f) if *f == 0.0 => Ok(false),
        Cell::Text(s) => match fold(s).as_str() {
            "ano" | "a" | "yes" | "y" | "1" | "x" | "✓" | "✔" | "☑" | "true" | "pravda" => {
                Ok(true)
            }
            "ne" | "n" | "no" | "0" | "false" | "nepravda" | "-" | "✗" | "☐" => Ok(false),
            _ => Err(Reason::NotYesNo),
        },
        Cell::Error(_) => Err(Reason::ErrorCell),
        Cell::Empty => Err(Reason::Missing),
        _ => Err(Reason::NotYesNo),
    }
}

/// A care-allowance degree: `0`/`bez`/`none`, `I`–`IV`, `1`–`4`.
pub(crate) fn degree(c: &Cell<'_>, _: Ctx) -> R<CareDegree> {
    let n = match c {
        Cell::Int(i) => Some(*i),
        Cell::Float(f) if f.fract() == 0.0 && (0.0..=4.0).contains(f) => Some(*f as i64),
        Cell::Text(s) => return CareDegree::parse(s).ok_or(Reason::UnknownDegree),
        Cell::Error(_) => return Err(Reason::ErrorCell),
        Cell::Empty => return Err(Reason::Missing),
        _ => None,
    };
    match n {
        Some(0) => Ok(CareDegree::None),
        Some(1) => Ok(CareDegree::I),
        Some(2) => Ok(CareDegree::II),
        Some(3) => Ok(CareDegree::III),
        Some(4) => Ok(CareDegree::IV),
        _ => Err(Reason::UnknownDegree),
    }
}

/// Text: text cells trimmed; numbers as written without a needless `.0`
/// (an id typed as 1001 is `"1001"`); dates as `1. 3. 2025`.
/// [`text`] borrowed from the cell when it is a text short enough to keep
/// (an id or code on every timesheet row: no allocation).
pub(crate) fn text_ref<'c>(c: &'c Cell<'_>, ctx: Ctx) -> R<std::borrow::Cow<'c, str>> {
    if let Cell::Text(s) = c {
        let t = s.trim();
        // Bytes bound characters: a text of at most MAX_TEXT bytes is kept.
        if t.len() <= crate::model::MAX_TEXT {
            return Ok(std::borrow::Cow::Borrowed(t));
        }
    }
    text(c, ctx).map(std::borrow::Cow::Owned)
}

pub(crate) fn text(c: &Cell<'_>, ctx: Ctx) -> R<String> {
    let s = match c {
        Cell::Text(s) | Cell::IsoDate(s) | Cell::IsoDuration(s) => s.trim().to_string(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Cell::Bool(_) | Cell::Serial { .. } => c.raw(ctx.date_1904),
        Cell::Error(_) => return Err(Reason::ErrorCell),
        Cell::Empty => return Err(Reason::Missing),
    };
    if s.chars().count() > crate::model::MAX_TEXT {
        return Err(Reason::TooLong);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {

    #[test]
    fn floats_become_the_decimals_a_spreadsheet_shows() {
        let d = |f: f64| f64_to_decimal(f).unwrap().to_string();
        // Whole numbers take the integer path, signs kept.
        assert_eq!(d(90.0), "90");
        assert_eq!(d(-3.0), "-3");
        assert_eq!(d(0.0), "0");
        // The largest whole number of the fast path, and one beyond it.
        assert_eq!(d(9_007_199_254_740_991.0), "9007199254740991");
        assert_eq!(d(1e20), "100000000000000000000");
        // Fractions through the shortest text: 0.1 + 0.2 stays visible.
        assert_eq!(d(1234.565), "1234.565");
        assert_eq!(d(0.1 + 0.2), "0.30000000000000004");
        assert!(f64_to_decimal(f64::NAN).is_err());
    }

    use super::*;

    proptest::proptest! {
        /// The allocation-free path reads what the general path reads, to
        /// the value and the scale.
        #[test]
        fn plain_numbers_read_as_the_general_path_reads_them(s in "-?[0-9]{1,14}([.,][0-9]{1,6})?") {
            let fast = plain_number(&s).expect("plain");
            let general = general_number(&s).expect("general");
            proptest::prop_assert_eq!(fast, general);
            proptest::prop_assert_eq!(fast.scale(), general.scale());
        }
    }
    use std::borrow::Cow;

    fn t(s: &str) -> Cell<'_> {
        Cell::Text(Cow::Borrowed(s))
    }
    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    const CTX: Ctx = Ctx { date_1904: false };
    const CTX1904: Ctx = Ctx { date_1904: true };

    #[test]
    fn numbers_as_typed() {
        let ok = [
            ("1 234,50", "1234.50"),
            ("1\u{a0}234,50", "1234.50"),
            ("1\u{202f}234,50 Kč", "1234.50"),
            ("1234.5", "1234.5"),
            ("1234,5", "1234.5"),
            ("1.234,50", "1234.50"),
            ("1,234.50", "1234.50"),
            ("1,234,567", "1234567"),
            ("1.234.567", "1234567"),
            ("-12,5", "-12.5"),
            ("\u{2212}12,5", "-12.5"),
            ("150,-", "150"),
            ("42 CZK", "42"),
            ("0,1", "0.1"),
            ("+7", "7"),
            // A trailing minus, as accounts and budget extracts write it,
            // with every form above.
            ("1551157.54-", "-1551157.54"),
            ("1 551 157,54-", "-1551157.54"),
            ("1\u{a0}551\u{a0}157,54-", "-1551157.54"),
            ("1.551.157,54-", "-1551157.54"),
            ("1,551,157.54-", "-1551157.54"),
            ("1 234,50 Kč-", "-1234.50"),
            ("1 234,50- Kč", "-1234.50"),
            ("42 CZK-", "-42"),
            ("12,5\u{2212}", "-12.5"),
            ("150,- Kč", "150"),
        ];
        for (input, want) in ok {
            assert_eq!(decimal(&t(input), CTX), Ok(dec(want)), "{input:?}");
        }
        for bad in [
            "abc",
            "1,2,3.4.5",
            "12a",
            "1e3",
            ",",
            "-",
            "1 23,4,5",
            "1.2.3,4,5",
            // Both a leading and a trailing minus, or a minus alone.
            "-5-",
            "--5",
            "5--",
            "Kč-",
        ] {
            assert_eq!(decimal(&t(bad), CTX), Err(Reason::NotANumber), "{bad:?}");
        }
        // Numeric cells go through the shortest round-trip text.
        assert_eq!(decimal(&Cell::Float(12500.5), CTX), Ok(dec("12500.5")));
        assert_eq!(
            decimal(&Cell::Float(0.1 + 0.2), CTX),
            Ok(dec("0.30000000000000004"))
        );
        assert_eq!(decimal(&Cell::Int(-3), CTX), Ok(dec("-3")));
        assert_eq!(
            decimal(&Cell::Float(f64::NAN), CTX),
            Err(Reason::NotANumber)
        );
        assert!(matches!(
            decimal(&Cell::Float(1e300), CTX),
            Err(Reason::OutOfRange(_))
        ));
        assert_eq!(
            decimal(&Cell::Error("#N/A".into()), CTX),
            Err(Reason::ErrorCell)
        );
        assert_eq!(decimal(&Cell::Bool(true), CTX), Err(Reason::NotANumber));
    }

    #[test]
    fn integers() {
        assert_eq!(integer(&Cell::Float(1942.0), CTX), Ok(1942));
        assert_eq!(integer(&t("1942"), CTX), Ok(1942));
        assert_eq!(
            integer(&Cell::Float(1942.5), CTX),
            Err(Reason::NotAnInteger)
        );
    }

    #[test]
    fn dates_as_typed_and_as_cells() {
        let want = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        for s in [
            "1. 3. 2025",
            "1.3.2025",
            "01.03.2025",
            "2025-03-01",
            " 1. 3. 2025 ",
            "2025-03-01T00:00:00",
            "1. 3. 2025.",
        ] {
            assert_eq!(date(&t(s), CTX), Ok(want), "{s:?}");
        }
        for s in [
            "32. 1. 2025",
            "1. 13. 2025",
            "1.3.25",
            "2025/03/01",
            "3/1/2025",
            "29. 2. 2025",
            "2025-3-1",
            "march",
        ] {
            assert_eq!(date(&t(s), CTX), Err(Reason::NotADate), "{s:?}");
        }
        let serial = |v| Cell::Serial {
            value: v,
            duration: false,
        };
        assert_eq!(date(&serial(45717.0), CTX), Ok(want));
        assert_eq!(date(&serial(44255.0), CTX1904), Ok(want));
        assert_eq!(
            date(&Cell::Float(45717.0), CTX),
            Err(Reason::NumberNotADate)
        );
        assert_eq!(date(&Cell::IsoDate("2025-03-01".into()), CTX), Ok(want));
        assert_eq!(
            date(
                &Cell::Serial {
                    value: 0.5,
                    duration: true
                },
                CTX
            ),
            Err(Reason::NotADate)
        );
    }

    #[test]
    fn times_of_day() {
        let serial = |v| Cell::Serial {
            value: v,
            duration: false,
        };
        let cases: [(Cell<'_>, R<u32>); 11] = [
            (t("7:30"), Ok(27_000)),
            (t("07:30:00"), Ok(27_000)),
            (t("24:00"), Ok(86_400)),
            (t("24:01"), Err(Reason::NotATime)),
            (t("7:60"), Err(Reason::NotATime)),
            (t("7.30"), Err(Reason::NotATime)),
            (serial(0.3125), Ok(27_000)),
            (serial(45717.3125), Ok(27_000)),
            (Cell::IsoDuration("PT07H30M00S".into()), Ok(27_000)),
            (Cell::Float(0.3125), Err(Reason::NotATime)),
            (Cell::Error("#VALUE!".into()), Err(Reason::ErrorCell)),
        ];
        for (cell, want) in cases {
            assert_eq!(time_of_day(&cell, CTX), want, "{cell:?}");
        }
    }

    #[test]
    fn durations() {
        let cases: [(Cell<'_>, R<i64>); 13] = [
            (Cell::Int(90), Ok(5400)),
            (Cell::Float(0.5), Ok(30)),
            (t("90"), Ok(5400)),
            (t("90,5"), Ok(5430)),
            (t("90 min"), Ok(5400)),
            (t("1:30"), Ok(5400)),
            (t("0:15:30"), Ok(930)),
            (t("-0:15"), Ok(-900)),
            (Cell::Int(-15), Ok(-900)),
            (
                Cell::Serial {
                    value: 0.010_416_666_7,
                    duration: false,
                },
                Ok(900),
            ),
            (
                Cell::Serial {
                    value: 1.0625,
                    duration: true,
                },
                Ok(91_800),
            ),
            (
                Cell::Serial {
                    value: 45717.0,
                    duration: false,
                },
                Err(Reason::NotADuration),
            ),
            (Cell::IsoDuration("PT1H30M".into()), Ok(5400)),
        ];
        for (cell, want) in cases {
            assert_eq!(duration(&cell, CTX), want, "{cell:?}");
        }
        assert_eq!(duration(&t("hodina"), CTX), Err(Reason::NotADuration));
        assert_eq!(iso_duration("P1DT2H"), Some(93_600));
        assert_eq!(iso_duration("PT0.5S"), Some(1));
        assert_eq!(iso_duration("PTXS"), None);
    }

    #[test]
    fn yes_no_words() {
        for s in [
            "ano", "Ano", "ANO", "yes", "1", "x", "X", "✓", "true", "TRUE", "a",
        ] {
            assert_eq!(yes_no(&t(s), CTX), Ok(true), "{s:?}");
        }
        for s in ["ne", "NE", "no", "0", "false", "n"] {
            assert_eq!(yes_no(&t(s), CTX), Ok(false), "{s:?}");
        }
        assert_eq!(yes_no(&Cell::Bool(true), CTX), Ok(true));
        assert_eq!(yes_no(&Cell::Int(0), CTX), Ok(false));
        assert_eq!(yes_no(&Cell::Int(2), CTX), Err(Reason::NotYesNo));
        assert_eq!(yes_no(&t("možná"), CTX), Err(Reason::NotYesNo));
    }

    #[test]
    fn care_allowance_degrees() {
        let cases = [
            ("0", CareDegree::None),
            ("bez", CareDegree::None),
            ("none", CareDegree::None),
            ("I", CareDegree::I),
            ("ii", CareDegree::II),
            ("III.", CareDegree::III),
            ("IV", CareDegree::IV),
            ("4", CareDegree::IV),
        ];
        for (s, want) in cases {
            assert_eq!(degree(&t(s), CTX), Ok(want), "{s:?}");
        }
        assert_eq!(degree(&Cell::Float(2.0), CTX), Ok(CareDegree::II));
        assert_eq!(degree(&Cell::Int(5), CTX), Err(Reason::UnknownDegree));
        assert_eq!(degree(&t("V"), CTX), Err(Reason::UnknownDegree));
    }

    #[test]
    fn text_values() {
        assert_eq!(text(&Cell::Float(1001.0), CTX), Ok("1001".into()));
        assert_eq!(text(&Cell::Float(10.5), CTX), Ok("10.5".into()));
        assert_eq!(text(&t("  K-7 "), CTX), Ok("K-7".into()));
        let long = "x".repeat(501);
        assert_eq!(text(&t(&long), CTX), Err(Reason::TooLong));
    }
}
