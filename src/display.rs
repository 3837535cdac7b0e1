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
    let r = round(d, dp);
    let neg = r.is_sign_negative() && !r.is_zero();
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, mark) = match lang {
        Lang::Cs => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    let mut frac = frac.to_string();
    while frac.len() < dp as usize {
        frac.push('0');
    }
    let sign = if neg { "-" } else { "" };
    if dp == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{mark}{frac}")
    }
}

/// Money: `1 234,50 Kč` / `CZK 1,234.50`.
pub fn money(d: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Cs => format!("{}\u{a0}Kč", number(d, 2, lang)),
        Lang::En => format!("CZK {}", number(d, 2, lang)),
    }
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
pub fn date(d: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Cs => d.format("%-d. %-m. %Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// A time of day from seconds after midnight: `7:30`.
pub fn clock(secs: u32) -> String {
    format!("{}:{:02}", secs / 3600, secs / 60 % 60)
}
