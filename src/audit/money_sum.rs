//! A sum of money added once per timesheet row: whole haléř in an integer
//! while every amount has at most two decimals, a `Decimal` for the rest.
//!
//! `Decimal` addition is exact but costs a rescale and a 96-bit add per
//! call; the audit adds fees five times a row. The integer sum gives the
//! same value and, by keeping the largest scale seen, the same scale as
//! adding the `Decimal`s one by one (so "300" stays "300", not "300.00").

use rust_decimal::Decimal;

/// Money in haléř when it has at most two decimals (fees as typed always
/// do); `None` otherwise, and the caller falls back to `Decimal`.
#[inline]
pub(crate) fn haler(d: Decimal) -> Option<i128> {
    // A table, not `10.pow(2 − scale)`: fees come with 0, 1 or 2 decimals
    // in no order, and the power's branches were mispredicted (5 % of the
    // fee check at a million rows).
    const TO_HALER: [i128; 3] = [100, 10, 1];
    TO_HALER.get(d.scale() as usize).map(|k| mantissa(d) * k)
}

/// `d.mantissa()` read from the 16-byte serialised form (flags, lo, mid,
/// hi, little-endian). `mantissa` reads lo and mid as one 64-bit load,
/// which spans two smaller stores wherever the compiler copied the
/// `Decimal` to the stack, and stalls until both are in memory; a load
/// inside one 16-byte store does not.
#[inline]
fn mantissa(d: Decimal) -> i128 {
    let [_, _, _, f3, l0, l1, l2, l3, m0, m1, m2, m3, h0, h1, h2, h3] = d.serialize();
    let low = u64::from_le_bytes([l0, l1, l2, l3, m0, m1, m2, m3]);
    let high = u32::from_le_bytes([h0, h1, h2, h3]);
    let raw = i128::from(low) | i128::from(high) << 64;
    // The sign is the top bit of the flags.
    if f3 & 0x80 != 0 { -raw } else { raw }
}

/// An amount converted once for repeated adding: whole haléř with the
/// amount's scale (0–2) when it has at most two decimals, else the amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fee {
    Haler { haler: i64, scale: u8 },
    Other(Decimal),
}

impl Fee {
    #[inline]
    pub fn of(x: Decimal) -> Fee {
        match haler(x).and_then(|h| i64::try_from(h).ok()) {
            Some(haler) => Fee::Haler {
                haler,
                scale: x.scale() as u8,
            },
            None => Fee::Other(x),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MoneySum {
    /// Σ of the amounts with at most two decimals, in haléř.
    haler: i128,
    /// The largest scale among them.
    scale: u32,
    /// Σ of the others.
    rest: Decimal,
}

impl MoneySum {
    #[cfg(test)]
    pub fn add(&mut self, x: Decimal) {
        self.add_fee(Fee::of(x));
    }

    /// Adds an amount already converted (see [`Fee::of`]).
    #[inline]
    pub fn add_fee(&mut self, x: Fee) {
        // Amounts are at most MAX_NUMBER (10¹²), so 10¹⁴ haléř a row: no
        // i128 sum over any number of rows a workbook holds can overflow;
        // checked anyway.
        match x {
            Fee::Haler { haler, scale } => match self.haler.checked_add(i128::from(haler)) {
                Some(h) => {
                    self.haler = h;
                    self.scale = self.scale.max(u32::from(scale));
                }
                None => {
                    // The amount as it was: haler = mantissa × 10^(2 − scale).
                    let scale = u32::from(scale);
                    let mantissa = i128::from(haler) / 10i128.pow(2 - scale);
                    self.rest += Decimal::from_i128_with_scale(mantissa, scale);
                }
            },
            Fee::Other(d) => self.rest += d,
        }
    }

    /// Adds another sum: the same total and scale as adding its amounts
    /// here one by one.
    pub fn merge(&mut self, other: &MoneySum) {
        match self.haler.checked_add(other.haler) {
            Some(h) => self.haler = h,
            // Not reachable with amounts of at most 10¹⁴ haléř a row; kept
            // exact anyway.
            None => {
                self.rest +=
                    Decimal::try_from_i128_with_scale(other.haler, 2).unwrap_or(Decimal::MAX)
            }
        }
        self.scale = self.scale.max(other.scale);
        self.rest += other.rest;
    }

    /// The sum, with the scale adding the amounts one by one would give.
    pub fn total(&self) -> Decimal {
        let mut d = Decimal::try_from_i128_with_scale(self.haler, 2).unwrap_or(Decimal::MAX);
        d.rescale(self.scale);
        d + self.rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn same_value_and_scale_as_adding_decimals() {
        for amounts in [
            vec![],
            vec!["150", "150"],
            vec!["150", "82.5"],
            vec!["0.25", "100", "3.1"],
            vec!["1.005", "2"],
            vec!["0.001", "0.002", "1.50"],
            vec!["1000000000000", "1000000000000", "0.01"],
        ] {
            let mut m = MoneySum::default();
            let mut d = Decimal::ZERO;
            for a in &amounts {
                m.add(dec(a));
                d += dec(a);
            }
            assert_eq!(m.total(), d, "{amounts:?}");
            assert_eq!(m.total().to_string(), d.to_string(), "{amounts:?}");
        }
        // By hand: 150 + 82.5 = 232.5 (scale 1); 0.25 + 100 + 3.1 = 103.35.
        let mut m = MoneySum::default();
        m.add(dec("150"));
        m.add(dec("82.5"));
        assert_eq!(m.total().to_string(), "232.5");
    }

    #[test]
    fn merging_sums_is_adding_their_amounts() {
        // Every split of the list into two sums, merged, gives the sum of
        // all, value and scale: 150 + 82.5 + 0.25 + 1.005 + 3 = 236.755.
        let amounts = ["150", "82.5", "0.25", "1.005", "3"];
        for split in 0..=amounts.len() {
            let (mut a, mut b) = (MoneySum::default(), MoneySum::default());
            for x in &amounts[..split] {
                a.add(dec(x));
            }
            for x in &amounts[split..] {
                b.add(dec(x));
            }
            a.merge(&b);
            assert_eq!(a.total().to_string(), "236.755", "split at {split}");
        }
        // Scales: 300 + 0.10 → 300.10 whichever side holds which.
        let (mut a, mut b) = (MoneySum::default(), MoneySum::default());
        a.add(dec("300"));
        b.add(dec("0.10"));
        a.merge(&b);
        assert_eq!(a.total().to_string(), "300.10");
    }

    proptest::proptest! {
        #[test]
        fn mantissa_from_the_serialised_form_is_the_mantissa(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
        ) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(mantissa(d), d.mantissa());
            let want = (scale <= 2).then(|| d.mantissa() * 10i128.pow(2 - scale));
            proptest::prop_assert_eq!(haler(d), want);
        }
    }
}
