//! Rounding and formatting for people: only here are numbers rounded, half
//! away from zero (as Excel's `ROUND`; `Decimal::round_dp` would round half
//! to even).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::i18n::Lang;

/// Rounds half away from zero to `dp` decimal places.
///
/// ```
/// use homecare_audit::display::round;
/// use rust_decimal::Decimal;
/// assert_eq!(round(Decimal::new(2345, 3), 2), Decimal::new(235, 2)); // 2.345 → 2.35
/// assert_eq!(round(Decimal::new(-2345, 3), 2), Decimal::new(-235, 2));
/// ```
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// A number with `dp` decimals in the language's style: `1 234,50` (Czech,
/// no-break space) or `1,234.50` (English).
///
/// ```
/// use homecare_audit::{display::number, Lang};
/// use rust_decimal::Decimal;
/// assert_eq!(number(Decimal::new(123450, 2), 2, Lang::Cs), "1\u{a0}234,50");
/// assert_eq!(number(Decimal::new(123450, 2), 2, Lang::En), "1,234.50");
/// assert_eq!(number(Decimal::new(-5, 1), 0, Lang::En), "-1");
/// ```
pub fn number(d: Decimal, dp: u32, lang: Lang) -> String {
    let mut out = String::with_capacity(24);
    push_number(&mut out, d, dp, lang);
    out
}

/// Appends [`number`]'s text to `out` (one allocation for the digits, none
/// for the grouping).
fn push_number(out: &mut String, d: Decimal, dp: u32, lang: Lang) {
    let r = round(d, dp);
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, mark) = match lang {
        Lang::Cs => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    if dp > 0 {
        out.push(mark);
        out.push_str(frac);
        for _ in frac.len()..dp as usize {
            out.push('0');
        }
    }
}

/// Money: `1 234,50 Kč` / `CZK 1,234.50`.
pub fn money(d: Decimal, lang: Lang) -> String {
    let mut out = String::with_capacity(28);
    match lang {
        Lang::Cs => {
            push_number(&mut out, d, 2, lang);
            out.push_str("\u{a0}Kč");
        }
        Lang::En => {
            out.push_str("CZK ");
            push_number(&mut out, d, 2, lang);
        }
    }
    out
}

/// Hours from seconds, two decimals.
pub fn hours(secs: u64, lang: Lang) -> String {
    format!(
        "{}\u{a0}h",
        number(Decimal::from(secs) / Decimal::from(3600), 2, lang)
    )
}

/// A share as a percentage with one decimal: `28,4 %`.
pub fn percent(share: Decimal, lang: Lang) -> String {
    format!("{}\u{a0}%", number(share * Decimal::from(100), 1, lang))
}

/// A date: `3. 3. 2025` / `2025-03-03`.
///
/// ```
/// use homecare_audit::{display::date, Lang};
/// let d = chrono::NaiveDate::from_ymd_opt(987, 3, 3).unwrap();
/// assert_eq!(date(d, Lang::Cs), "3. 3. 0987");
/// assert_eq!(date(d, Lang::En), "0987-03-03");
/// ```
pub fn date(d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    // Written directly (findings format thousands of dates); chrono's
    // `%Y` signs and widens years outside 0–9999, so those go through it.
    let (y, m, day) = (d.year(), d.month(), d.day());
    match (lang, (0..=9999).contains(&y)) {
        (Lang::Cs, true) => format!("{day}. {m}. {y:04}"),
        (Lang::En, true) => format!("{y:04}-{m:02}-{day:02}"),
        (Lang::Cs, false) => d.format("%-d. %-m. %Y").to_string(),
        (Lang::En, false) => d.format("%Y-%m-%d").to_string(),
    }
}

/// A time of day from seconds after midnight: `7:30`.
pub fn clock(secs: u32) -> String {
    format!("{}:{:02}", secs / 3600, secs / 60 % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn numbers_group_thousands_round_half_away_and_never_show_minus_zero() {
        // 1 234 567,885 → 1 234 567,89 (half away from zero); −0,004 → 0,00.
        assert_eq!(
            number(dec("1234567.885"), 2, Lang::Cs),
            "1\u{a0}234\u{a0}567,89"
        );
        assert_eq!(number(dec("-1234567.885"), 2, Lang::En), "-1,234,567.89");
        assert_eq!(number(dec("-0.004"), 2, Lang::Cs), "0,00");
        assert_eq!(number(dec("999.5"), 0, Lang::En), "1,000");
        assert_eq!(number(dec("12"), 3, Lang::Cs), "12,000");
        assert_eq!(number(dec("0.1"), 1, Lang::En), "0.1");
    }

    #[test]
    fn money_and_dates_in_both_languages() {
        assert_eq!(money(dec("1234.5"), Lang::Cs), "1\u{a0}234,50\u{a0}Kč");
        assert_eq!(money(dec("-82.125"), Lang::En), "CZK -82.13");
        let d = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        assert_eq!(date(d, Lang::Cs), "3. 3. 2025");
        assert_eq!(date(d, Lang::En), "2025-03-03");
        let far = NaiveDate::from_ymd_opt(12_345, 1, 2).unwrap();
        assert_eq!(date(far, Lang::En), "+12345-01-02");
    }
}
