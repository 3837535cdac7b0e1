//! One cell as the readers give it, independent of the file format, and the
//! conversion of Excel serial numbers to dates and times (ours, aware of the
//! 1904 epoch: calamine's serde helpers are not).

use std::borrow::Cow;

use calamine::DataRef;
use chrono::{Duration, NaiveDate};

/// A cell's value as read, before it is typed by a column.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A number formatted as a date, time or duration.
    Serial {
        value: f64,
        duration: bool,
    },
    /// ODS date or date-time, ISO 8601 text.
    IsoDate(Cow<'a, str>),
    /// ODS time or duration, ISO 8601 text (`PT07H30M00S`).
    IsoDuration(Cow<'a, str>),
    /// An error value: `#N/A`, `#DIV/0!`, …
    Error(String),
}

impl<'a> Cell<'a> {
    /// From a streamed calamine cell (xlsx, xlsb).
    pub(crate) fn from_ref(d: DataRef<'a>) -> Cell<'a> {
        match d {
            DataRef::Empty => Cell::Empty,
            DataRef::String(s) => text_or_empty(Cow::Owned(s)),
            DataRef::SharedString(s) => text_or_empty(Cow::Borrowed(s)),
            DataRef::Int(i) => Cell::Int(i),
            DataRef::Float(f) => Cell::Float(f),
            DataRef::Bool(b) => Cell::Bool(b),
            DataRef::DateTime(dt) => Cell::Serial {
                value: dt.as_f64(),
                duration: dt.is_duration(),
            },
            DataRef::DateTimeIso(s) => Cell::IsoDate(Cow::Owned(s)),
            DataRef::DurationIso(s) => Cell::IsoDuration(Cow::Owned(s)),
            DataRef::Error(e) => Cell::Error(e.to_string()),
        }
    }

    /// From a cell of a loaded range (xls, ods).
    pub(crate) fn from_data(d: &'a calamine::Data) -> Cell<'a> {
        use calamine::Data;
        match d {
            Data::Empty => Cell::Empty,
            Data::String(s) => text_or_empty(Cow::Borrowed(s.as_str())),
            Data::Int(i) => Cell::Int(*i),
            Data::Float(f) => Cell::Float(*f),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(dt) => Cell::Serial {
                value: dt.as_f64(),
                duration: dt.is_duration(),
            },
            Data::DateTimeIso(s) => Cell::IsoDate(Cow::Borrowed(s.as_str())),
            Data::DurationIso(s) => Cell::IsoDuration(Cow::Borrowed(s.as_str())),
            Data::Error(e) => Cell::Error(e.to_string()),
        }
    }

    /// True for an empty cell (a text of only white space is empty).
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The value as an auditor would recognise it, for messages.
    pub(crate) fn raw(&self, date_1904: bool) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::IsoDate(s) | Cell::IsoDuration(s) => s.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Serial { value, duration } => {
                if !*duration
                    && *value >= 1.0
                    && let Some(d) = serial_to_date(value.floor(), date_1904)
                {
                    return d.format("%-d. %-m. %Y").to_string();
                }
                match serial_duration_seconds(*value) {
                    Some(secs) => {
                        let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
                        if s == 0 {
                            format!("{h}:{m:02}")
                        } else {
                            format!("{h}:{m:02}:{s:02}")
                        }
                    }
                    None => format!("{value}"),
                }
            }
            Cell::Error(e) => e.clone(),
        }
    }
}

pub(crate) fn text_or_empty(s: Cow<'_, str>) -> Cell<'_> {
    // Fast path: text starting with a visible ASCII character is not blank.
    if s.as_bytes().first().is_some_and(|b| b.is_ascii_graphic()) {
        return Cell::Text(s);
    }
    if s.chars()
        .all(|c| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
    {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// The largest serial Excel shows as a date: 9999-12-31.
const MAX_SERIAL: f64 = 2_958_465.0;

/// Converts a whole Excel serial day number to a date.
///
/// 1900 system: serial 1 is 1900-01-01; serial 60 is Excel's fictional
/// 1900-02-29 and is refused; from 61 on, day 0 is 1899-12-30. 1904 system:
/// serial 0 is 1904-01-01. Serials below the first day or above 9999-12-31
/// are refused.
pub(crate) fn serial_to_date(serial: f64, date_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || serial > MAX_SERIAL {
        return None;
    }
    let days = serial.floor() as i64;
    if date_1904 {
        if days < 0 {
            return None;
        }
        return NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_signed(Duration::days(days));
    }
    match days {
        i64::MIN..=0 => None,
        1..=59 => NaiveDate::from_ymd_opt(1899, 12, 31)?.checked_add_signed(Duration::days(days)),
        60 => None,
        _ => NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(days)),
    }
}

/// The time part of a serial, rounded to the nearest second (0..=86 400).
pub(crate) fn serial_time_seconds(serial: f64) -> Option<u32> {
    if !serial.is_finite() || serial < 0.0 {
        return None;
    }
    let frac = serial - serial.floor();
    Some((frac * 86_400.0).round() as u32)
}

/// A whole serial (days and fraction) as seconds, rounded to the nearest
/// second, for duration cells; `None` if negative or absurd (over 10 000
/// days).
pub(crate) fn serial_duration_seconds(serial: f64) -> Option<u64> {
    if !serial.is_finite() || !(0.0..=10_000.0).contains(&serial) {
        return None;
    }
    Some((serial * 86_400.0).round() as u64)
}

/// A cell as text that tells types apart (`f:` float, `s:` date serial,
/// `iso:` ISO date …): what the readers' agreement tests compare.
#[cfg(test)]
pub(crate) fn show(c: &Cell) -> String {
    match c {
        Cell::Empty => "empty".into(),
        Cell::Text(s) => format!("t:{s}"),
        Cell::Int(i) => format!("i:{i}"),
        Cell::Float(f) => format!("f:{f:?}"),
        Cell::Bool(b) => format!("b:{b}"),
        Cell::Serial { value, duration } => format!("s:{value:?}:{duration}"),
        Cell::IsoDate(s) => format!("iso:{s}"),
        Cell::IsoDuration(s) => format!("isod:{s}"),
        Cell::Error(e) => format!("e:{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn serials_1900_follow_excel_including_its_leap_year_bug() {
        // Serial 1 = 1900-01-01; 59 = 1900-02-28; 60 = fictional 29 Feb.
        assert_eq!(serial_to_date(1.0, false), Some(d(1900, 1, 1)));
        assert_eq!(serial_to_date(59.0, false), Some(d(1900, 2, 28)));
        assert_eq!(serial_to_date(60.0, false), None);
        assert_eq!(serial_to_date(61.0, false), Some(d(1900, 3, 1)));
        // 2025-03-01: days from 1899-12-30 = 45717 (Excel shows 45717).
        assert_eq!(serial_to_date(45717.0, false), Some(d(2025, 3, 1)));
        assert_eq!(serial_to_date(45717.75, false), Some(d(2025, 3, 1)));
        assert_eq!(serial_to_date(0.0, false), None);
        assert_eq!(serial_to_date(-5.0, false), None);
        assert_eq!(serial_to_date(2_958_465.0, false), Some(d(9999, 12, 31)));
        assert_eq!(serial_to_date(2_958_466.0, false), None);
        assert_eq!(serial_to_date(f64::NAN, false), None);
    }

    #[test]
    fn serials_1904_count_from_1904_01_01() {
        // The same date is 1462 days smaller in the 1904 system:
        // 45717 − 1462 = 44255 → 2025-03-01.
        assert_eq!(serial_to_date(44255.0, true), Some(d(2025, 3, 1)));
        assert_eq!(serial_to_date(0.0, true), Some(d(1904, 1, 1)));
    }

    #[test]
    fn time_parts_round_to_the_second() {
        // 7:30 = 0.3125 day; 0.0104166… = 15 min.
        assert_eq!(serial_time_seconds(0.3125), Some(27_000));
        assert_eq!(serial_time_seconds(0.010_416_666_7), Some(900));
        assert_eq!(serial_time_seconds(45717.5), Some(43_200));
        assert_eq!(serial_duration_seconds(1.0625), Some(91_800)); // 25:30
        assert_eq!(serial_duration_seconds(-0.1), None);
    }
}
