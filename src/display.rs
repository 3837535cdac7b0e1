//! Rounding and formatting for people: only here are numbers rounded, half
//! away from zero (as Excel's `ROUND`; `Decimal::round_dp` would round half
//! to even).

use std::fmt;

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
    Number(d, dp, lang).to_string()
}

/// [`number`] as a value that writes itself: `format!("{}", Number(..))`
/// writes the digits straight into the string being formatted (findings
/// format tens of thousands of numbers; each `number` is an allocation).
///
/// ```
/// use homecare_audit::{display::Number, Lang};
/// use rust_decimal::Decimal;
/// let text = format!("{} h", Number(Decimal::new(12345, 1), 2, Lang::Cs));
/// assert_eq!(text, "1\u{a0}234,50 h");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Number(pub Decimal, pub u32, pub Lang);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Number(d, dp, lang) = *self;
        write_number(f, d, dp, lang)
    }
}

/// Writes [`number`]'s text from the rounded value's integer digits (no
/// `to_string` of the `Decimal`, no allocation).
fn write_number(out: &mut impl fmt::Write, d: Decimal, dp: u32, lang: Lang) -> fmt::Result {
    let r = round(d, dp);
    let (sep, mark) = match lang {
        Lang::Cs => ("\u{a0}", ','),
        Lang::En => (",", '.'),
    };
    // The digits of the mantissa, least significant first: at most 29 (a
    // `Decimal` mantissa is under 2^96), and at least scale + 1 so that
    // 0.05 has its leading zero.
    let scale = r.scale() as usize;
    let mut digits = [b'0'; 32];
    let mut n = 0;
    let mut m = r.mantissa().unsigned_abs();
    while m > 0 && n < digits.len() {
        digits[n] = b'0' + (m % 10) as u8;
        m /= 10;
        n += 1;
    }
    let n = n.max(scale + 1).min(digits.len());
    if r.is_sign_negative() && !r.is_zero() {
        out.write_char('-')?;
    }
    let int = n - scale;
    for i in 0..int {
        if i > 0 && (int - i).is_multiple_of(3) {
            out.write_str(sep)?;
        }
        out.write_char(char::from(digits[n - 1 - i]))?;
    }
    if dp > 0 {
        out.write_char(mark)?;
        for i in (0..scale).rev() {
            out.write_char(char::from(digits[i]))?;
        }
        for _ in scale..dp as usize {
            out.write_char('0')?;
        }
    }
    Ok(())
}

/// Money: `1 234,50 Kč` / `CZK 1,234.50`.
pub fn money(d: Decimal, lang: Lang) -> String {
    Money(d, lang).to_string()
}

/// [`money`] as a value that writes itself (see [`Number`]).
///
/// ```
/// use homecare_audit::{display::Money, Lang};
/// use rust_decimal::Decimal;
/// assert_eq!(Money(Decimal::new(-82125, 3), Lang::En).to_string(), "CZK -82.13");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Money(pub Decimal, pub Lang);

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Lang::Cs => {
                write_number(f, self.0, 2, Lang::Cs)?;
                f.write_str("\u{a0}Kč")
            }
            Lang::En => {
                f.write_str("CZK ")?;
                write_number(f, self.0, 2, Lang::En)
            }
        }
    }
}

/// Hours from seconds, two decimals.
pub fn hours(secs: u64, lang: Lang) -> String {
    Hours(secs, lang).to_string()
}

/// [`hours`] as a value that writes itself (see [`Number`]).
#[derive(Clone, Copy, Debug)]
pub struct Hours(pub u64, pub Lang);

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = Decimal::from(self.0) / Decimal::from(3600);
        write_number(f, h, 2, self.1)?;
        f.write_str("\u{a0}h")
    }
}

/// A share as a percentage with one decimal: `28,4 %`.
pub fn percent(share: Decimal, lang: Lang) -> String {
    format!("{}\u{a0}%", Number(share * Decimal::from(100), 1, lang))
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
    Date(d, lang).to_string()
}

/// [`date`] as a value that writes itself (see [`Number`]).
#[derive(Clone, Copy, Debug)]
pub struct Date(pub chrono::NaiveDate, pub Lang);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        let d = self.0;
        // Written directly (findings format thousands of dates); chrono's
        // `%Y` signs and widens years outside 0–9999, so those go through it.
        let (y, m, day) = (d.year(), d.month(), d.day());
        match (self.1, (0..=9999).contains(&y)) {
            (Lang::Cs, true) => write!(f, "{day}. {m}. {y:04}"),
            (Lang::En, true) => write!(f, "{y:04}-{m:02}-{day:02}"),
            (Lang::Cs, false) => write!(f, "{}", d.format("%-d. %-m. %Y")),
            (Lang::En, false) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

/// A time of day from seconds after midnight: `7:30`.
pub fn clock(secs: u32) -> String {
    Clock(secs).to_string()
}

/// [`clock`] as a value that writes itself (see [`Number`]).
#[derive(Clone, Copy, Debug)]
pub struct Clock(pub u32);

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:02}", self.0 / 3600, self.0 / 60 % 60)
    }
}

/// Shortens `s` to at most `max` characters for messages, marking the cut
/// with `…`.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
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

    /// The text as the `Decimal`'s own `to_string` gives it, grouped (how
    /// `number` was written before it wrote digits itself).
    fn number_via_to_string(d: Decimal, dp: u32, lang: Lang) -> String {
        let r = round(d, dp);
        let mut out = String::new();
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
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(ch);
        }
        if dp > 0 {
            out.push(mark);
            out.push_str(frac);
            out.extend(std::iter::repeat_n('0', dp as usize - frac.len()));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn digits_written_directly_match_to_string(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
            dp in 0u32..=6, cs: bool,
        ) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            let lang = if cs { Lang::Cs } else { Lang::En };
            proptest::prop_assert_eq!(number(d, dp, lang), number_via_to_string(d, dp, lang));
        }
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

    #[test]
    fn clip_marks_the_cut() {
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
