//! Collecting findings: every one is counted; at most a cap per kind is
//! listed (a hostile timesheet of a million overlapping rows would otherwise
//! list half a trillion pairs).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::report::{Finding, FindingKind};
use crate::i18n::Text;
use crate::model::{Dataset, Visit};
use crate::place::Place;
use crate::place::SheetKind;

/// `format!` for a finding's text: into a string sized once for a typical
/// text (`format!` starts empty and grows it three or four times; the fee
/// check formats two texts for each of tens of thousands of findings).
macro_rules! finding_text {
    ($($arg:tt)*) => {{
        use std::fmt::Write as _;
        let mut s = String::with_capacity(160);
        let _ = write!(s, $($arg)*);
        s
    }};
}
pub(crate) use finding_text;

pub(crate) struct Findings {
    pub list: Vec<Finding>,
    pub counts: BTreeMap<FindingKind, u64>,
    pub not_listed: u64,
    cap: u64,
}

/// The text of a finding in both languages, made only when it is listed.
pub(crate) struct Detail {
    pub place: Option<Place>,
    pub text: Text,
    pub amount: Option<Decimal>,
}

impl Findings {
    pub fn new(cap: u64) -> Findings {
        Findings {
            list: Vec::new(),
            counts: FindingKind::INTEGRITY.iter().map(|k| (*k, 0)).collect(),
            not_listed: 0,
            cap,
        }
    }

    /// Counts a finding; lists it (building its text) while under the cap.
    pub fn push(&mut self, kind: FindingKind, detail: impl FnOnce() -> Detail) {
        let n = self.counts.entry(kind).or_insert(0);
        *n += 1;
        if *n > self.cap {
            self.not_listed += 1;
            return;
        }
        let d = detail();
        self.list.push(Finding {
            kind,
            place: d.place,
            detail: d.text,
            amount: d.amount,
        });
    }

    pub fn count(&self, kind: FindingKind) -> u64 {
        self.counts.get(&kind).copied().unwrap_or(0)
    }
}

/// The input place of a visit's row (column A), if it came from a workbook.
pub(crate) fn visit_place(ds: &Dataset, v: &Visit) -> Option<Place> {
    (v.row > 0).then(|| ds.source.place(SheetKind::Visits.cs(), v.row, 0))
}
