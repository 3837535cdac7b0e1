//! Peer benchmarks: when several providers are audited together, each
//! indicator gets the group's quartiles and each provider its rank and
//! status against the group.
//!
//! Quartiles are Excel's `QUARTILE.INC` (LibreOffice `QUARTILE`): the
//! p-th quartile of n sorted values is the value at position (n − 1)·p/4,
//! interpolated linearly between neighbours, computed exactly in decimals.
//! Status against the group: `ok` inside [Q1, Q3]; `warn` outside it but
//! inside Tukey's fences [Q1 − 1.5·IQR, Q3 + 1.5·IQR]; `bad` beyond them
//! (an outlier). Rank 1 is the highest value (as Excel's `RANK`), ties
//! share a rank.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::audit::AuditReport;
use crate::benchmark::Status;
use crate::indicator::catalog;

/// The group's distribution of one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quartiles {
    /// Providers with a value.
    pub n: usize,
    /// Smallest value.
    pub min: Decimal,
    /// First quartile.
    pub q1: Decimal,
    /// Median.
    pub median: Decimal,
    /// Third quartile.
    pub q3: Decimal,
    /// Largest value.
    pub max: Decimal,
}

impl Quartiles {
    /// The quartiles of `values` (order does not matter); `None` when empty.
    ///
    /// ```
    /// use homecare_audit::compare::Quartiles;
    /// use rust_decimal::Decimal;
    /// let v: Vec<Decimal> = [10, 20, 30, 40].into_iter().map(Decimal::from).collect();
    /// let q = Quartiles::of(&v).unwrap();
    /// // Positions 0.75, 1.5, 2.25: 17.5, 25, 32.5.
    /// assert_eq!(q.q1, Decimal::new(175, 1));
    /// assert_eq!(q.median, Decimal::from(25));
    /// assert_eq!(q.q3, Decimal::new(325, 1));
    /// ```
    pub fn of(values: &[Decimal]) -> Option<Quartiles> {
        let mut v = values.to_vec();
        v.sort();
        let n = v.len();
        let (&min, &max) = (v.first()?, v.last()?);
        let at = |quarter: usize| -> Decimal {
            // Position (n − 1)·quarter / 4 as whole part and a fraction.
            let scaled = (n - 1) * quarter;
            let (i, rem) = (scaled / 4, scaled % 4);
            if rem == 0 || i + 1 >= n {
                v[i]
            } else {
                v[i] + (v[i + 1] - v[i]) * Decimal::from(rem as u64) / Decimal::from(4)
            }
        };
        Some(Quartiles {
            n,
            min,
            q1: at(1),
            median: at(2),
            q3: at(3),
            max,
        })
    }

    /// A value's status against the group (module docs).
    pub fn status(&self, value: Decimal) -> Status {
        let iqr = self.q3 - self.q1;
        let fence = iqr * Decimal::new(15, 1);
        if value >= self.q1 && value <= self.q3 {
            Status::Ok
        } else if value >= self.q1 - fence && value <= self.q3 + fence {
            Status::Warn
        } else {
            Status::Bad
        }
    }
}

/// One provider's place in the group for one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The provider's value.
    pub value: Decimal,
    /// 1 = highest value; ties share a rank.
    pub rank: usize,
    /// Against the group's quartiles.
    pub status: Status,
}

/// One indicator across the group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerIndicator {
    /// The distribution of the values that are available.
    pub quartiles: Option<Quartiles>,
    /// Per provider, in the group's order; `None` where not available.
    pub standings: Vec<Option<Standing>>,
}

/// Every indicator of a group of audits, with quartiles and standings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerGroup {
    /// The providers' names, in the order given.
    pub providers: Vec<String>,
    /// By indicator id, in catalogue order of ids.
    pub indicators: BTreeMap<String, PeerIndicator>,
}

impl PeerGroup {
    /// The group of `reports` (e.g. every provider of a region).
    ///
    /// ```
    /// use homecare_audit::{Audit, compare::PeerGroup, synth::Synth};
    /// let a = Synth::new(1, 400).dataset();
    /// let b = Synth::new(2, 800).dataset();
    /// let (ra, rb) = (Audit::new(&a).run(), Audit::new(&b).run());
    /// let group = PeerGroup::new(&[&ra, &rb]);
    /// let hours = &group.indicators["staff.travel_share"];
    /// assert_eq!(hours.quartiles.unwrap().n, 2);
    /// ```
    pub fn new(reports: &[&AuditReport]) -> PeerGroup {
        let mut indicators = BTreeMap::new();
        for (id, _) in catalog::all_ids() {
            let values: Vec<Option<Decimal>> = reports.iter().map(|r| r.value(&id)).collect();
            let present: Vec<Decimal> = values.iter().flatten().copied().collect();
            let quartiles = Quartiles::of(&present);
            let standings = values
                .iter()
                .map(|v| {
                    let v = (*v)?;
                    let q = quartiles?;
                    let rank = 1 + present.iter().filter(|&&x| x > v).count();
                    Some(Standing {
                        value: v,
                        rank,
                        status: q.status(v),
                    })
                })
                .collect();
            indicators.insert(
                id,
                PeerIndicator {
                    quartiles,
                    standings,
                },
            );
        }
        PeerGroup {
            providers: reports.iter().map(|r| r.provider.name.clone()).collect(),
            indicators,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&x| Decimal::from(x)).collect()
    }

    #[test]
    fn quartiles_of_one_and_of_two() {
        let one = Quartiles::of(&dec(&[7])).unwrap();
        assert_eq!((one.q1, one.median, one.q3), (7.into(), 7.into(), 7.into()));
        // Two values: positions 0.25, 0.5, 0.75 between 10 and 30.
        let two = Quartiles::of(&dec(&[30, 10])).unwrap();
        assert_eq!(
            (two.q1, two.median, two.q3),
            (15.into(), 20.into(), 25.into())
        );
        assert_eq!(Quartiles::of(&[]), None);
    }
}
