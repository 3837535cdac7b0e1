//! The Czech working-day calendar: public holidays (Act 245/2000), computed,
//! not tabled, including Easter.
//!
//! Holidays: 1.1., Good Friday (since 2016), Easter Monday, 1.5., 8.5., 5.7.,
//! 6.7., 28.9., 28.10., 17.11., 24.12., 25.12., 26.12. Working days are
//! Monday–Friday that are not holidays.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
///
/// ```
/// use homecare_audit::calendar::easter_sunday;
/// use chrono::NaiveDate;
/// assert_eq!(easter_sunday(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
/// assert_eq!(easter_sunday(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// True when `date` is a Czech public holiday.
pub fn is_holiday(date: NaiveDate) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1)
            | (5, 1)
            | (5, 8)
            | (7, 5)
            | (7, 6)
            | (9, 28)
            | (10, 28)
            | (11, 17)
            | (12, 24)
            | (12, 25)
            | (12, 26)
    );
    if fixed {
        return true;
    }
    if !matches!(date.month(), 3 | 4) {
        return false;
    }
    let Some(easter) = easter_sunday(date.year()) else {
        return false;
    };
    date == easter + Duration::days(1)
        || (date.year() >= 2016 && date == easter - Duration::days(2))
}

/// True for Saturday and Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// True for a working day: Monday–Friday and not a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && !is_holiday(date)
}

/// Working days from `from` to `to`, both inclusive (0 when `to < from`).
///
/// ```
/// use homecare_audit::calendar::working_days;
/// use chrono::NaiveDate;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert_eq!(working_days(d(2025, 1, 1), d(2025, 12, 31)), 251);
/// ```
pub fn working_days(from: NaiveDate, to: NaiveDate) -> u32 {
    if to < from {
        return 0;
    }
    // Whole weeks have five weekdays; count the rest day by day, then
    // subtract the weekday holidays (at most 13 a year).
    let days = (to - from).num_days() + 1;
    let weeks = days / 7;
    let mut count = weeks * 5;
    // The rest: under a week after `from + 7 × weeks`, up to `to` (the
    // walk stops at chrono's last date instead of stepping past it).
    // (chrono's `iter_days` would stop a day short: it never yields its
    // last date.)
    let mut next = from.checked_add_signed(Duration::days(weeks * 7));
    while let Some(d) = next.filter(|d| *d <= to) {
        if !is_weekend(d) {
            count += 1;
        }
        next = d.succ_opt();
    }
    for year in from.year()..=to.year() {
        for h in holidays(year) {
            if h >= from && h <= to && !is_weekend(h) {
                count -= 1;
            }
        }
    }
    count as u32
}

/// The public holidays of a year, in date order.
pub fn holidays(year: i32) -> Vec<NaiveDate> {
    let mut v: Vec<NaiveDate> = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 5),
        (7, 6),
        (9, 28),
        (10, 28),
        (11, 17),
        (12, 24),
        (12, 25),
        (12, 26),
    ]
    .iter()
    .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d))
    .collect();
    if let Some(e) = easter_sunday(year) {
        v.push(e + Duration::days(1));
        if year >= 2016 {
            v.push(e - Duration::days(2));
        }
    }
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn working_days_up_to_chronos_last_date() {
        // The count walked one day past `to`; at chrono's last date,
        // +262142-12-31 (a Monday), that step panicked.
        // 18.–31. 12.: weekdays 18–21, 24–28, 31 = 10, less the holidays
        // 24, 25, 26 (Mon–Wed) = 7. 22.–31. 12.: 24–28, 31 = 6, less 3 = 3.
        // 31. 12. alone: 1.
        let max = NaiveDate::MAX;
        let back = |n| max - Duration::days(n);
        assert_eq!(working_days(back(13), max), 7);
        assert_eq!(working_days(back(9), max), 3);
        assert_eq!(working_days(max, max), 1);
    }

    #[test]
    fn working_days_match_the_published_funds() {
        // docs/law.md, working-time fund table: 2023 250, 2024 252,
        // 2025 251, 2026 250 working days.
        for (year, want) in [(2023, 250), (2024, 252), (2025, 251), (2026, 250)] {
            assert_eq!(working_days(d(year, 1, 1), d(year, 12, 31)), want, "{year}");
        }
    }

    #[test]
    fn easter_holidays() {
        // 2025: Easter Sunday 20 April → Good Friday 18, Easter Monday 21.
        assert!(is_holiday(d(2025, 4, 18)));
        assert!(is_holiday(d(2025, 4, 21)));
        assert!(!is_holiday(d(2025, 4, 20 - 3)));
        // Good Friday was not a holiday before 2016 (2015: 3 April).
        assert!(!is_holiday(d(2015, 4, 3)));
        assert!(is_holiday(d(2015, 4, 6)));
        // March 2025 has 21 weekdays and no holiday.
        assert_eq!(working_days(d(2025, 3, 1), d(2025, 3, 31)), 21);
        // April 2025: 22 weekdays minus Good Friday and Easter Monday.
        assert_eq!(working_days(d(2025, 4, 1), d(2025, 4, 30)), 20);
        assert_eq!(working_days(d(2025, 4, 2), d(2025, 4, 1)), 0);
    }
}
