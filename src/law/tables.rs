//! The legal tables an audit applies: the built-in rows and the user's,
//! and the lookups the fee check and the hour model make of them.
//!
//! **Precedence.** A user's row takes precedence over the built-in rows of
//! the same kind (and task) from its date on: on a day, the newest user row
//! valid then is used if there is one, else the newest built-in row. So a
//! decree published after a release goes in as one row of a `Limity` sheet,
//! and the built-in rows still apply before its date.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::built_in::{BUILT_IN, CHECKED_THROUGH};
use super::row::{LawKind, LawOrigin, LawRow};
use crate::i18n::Lang;
use crate::period::Period;

/// The hourly caps on one stretch of days, as the fee check applies them:
/// the cap, and the lower cap over 80 hours where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HourlyCap {
    /// First day of the stretch.
    pub from: NaiveDate,
    /// Kč an hour.
    pub cap: Decimal,
    /// Kč an hour for a client over 80 hours in the month, when the rule
    /// applies.
    pub cap_over_80h: Option<Decimal>,
    /// The decree of the hourly row.
    pub decree: String,
    /// The decree of the over-80-hours row.
    pub decree_over_80h: Option<String>,
}

/// The legal rows an audit uses, built-in and the user's, with the hourly
/// caps worked out day by day.
///
/// ```
/// use homecare_audit::law::{LawKind, LawTables};
/// let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let law = LawTables::built_in();
/// let cap = law.hourly_cap_on(day(2025, 5, 1)).unwrap();
/// assert_eq!((cap.cap, cap.cap_over_80h), (165.into(), Some(145.into())));
/// let full_day = law.row_on(LawKind::FullDayMeals, None, day(2026, 2, 1)).unwrap();
/// assert_eq!(full_day.amount, Some(290.into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawTables {
    rows: Vec<LawRow>,
    hourly: Vec<HourlyCap>,
}

impl Default for LawTables {
    fn default() -> LawTables {
        LawTables::built_in()
    }
}

impl LawTables {
    /// The built-in tables alone.
    pub fn built_in() -> LawTables {
        let rows = BUILT_IN
            .iter()
            .map(|d| LawRow {
                kind: d.kind,
                tasks: d.tasks.iter().map(|t| t.to_string()).collect(),
                from: d.from,
                amount: d.amount,
                decree: d.decree.to_string(),
                source: d.source.to_string(),
                verified: d.verified,
                origin: LawOrigin::BuiltIn,
            })
            .collect();
        LawTables::from_rows(rows)
    }

    fn from_rows(rows: Vec<LawRow>) -> LawTables {
        let mut t = LawTables {
            rows,
            hourly: Vec::new(),
        };
        t.hourly = t.hourly_timeline();
        t
    }

    /// Adds rows (a user's, from a `Limity` sheet or a law workbook).
    pub fn extend(&mut self, rows: impl IntoIterator<Item = LawRow>) {
        self.rows.extend(rows);
        self.hourly = self.hourly_timeline();
    }

    /// Every row, built-in first, then the user's in the order given.
    pub fn rows(&self) -> &[LawRow] {
        &self.rows
    }

    /// The row of `kind` (for the task, where the kind names tasks) that
    /// applies on `day`: the newest user row valid then, else the newest
    /// built-in one. `None` before the first.
    pub fn row_on(&self, kind: LawKind, task: Option<&str>, day: NaiveDate) -> Option<&LawRow> {
        let mut best: Option<&LawRow> = None;
        for r in &self.rows {
            if r.kind != kind || r.from > day || task.is_some_and(|t| !r.applies_to(t)) {
                continue;
            }
            let better = match best {
                None => true,
                // A user's row beats a built-in one whatever their dates.
                Some(b) if r.is_users() != b.is_users() => r.is_users(),
                // Among rows of one origin the newer; on one day the later.
                Some(b) => r.from >= b.from,
            };
            if better {
                best = Some(r);
            }
        }
        best
    }

    /// The hourly caps, oldest first, each valid until the next's `from`.
    pub fn hourly_caps(&self) -> &[HourlyCap] {
        &self.hourly
    }

    /// The hourly caps valid on a day; `None` before the first.
    pub fn hourly_cap_on(&self, day: NaiveDate) -> Option<&HourlyCap> {
        let next = self.hourly.partition_point(|c| c.from <= day);
        next.checked_sub(1).map(|i| &self.hourly[i])
    }

    /// The per-act or per-kg cap row for a statutory task on a day.
    pub fn unit_cap_on(&self, task: &str, day: NaiveDate) -> Option<&LawRow> {
        [LawKind::PerAct, LawKind::PerKg]
            .into_iter()
            .filter_map(|k| self.row_on(k, Some(task), day))
            .max_by_key(|r| (r.is_users(), r.from))
    }

    /// The employer on-cost rows valid on a day for an employer (FKSP only
    /// at public employers), in the order of [`LawKind::ALL`].
    pub fn on_costs_on(&self, day: NaiveDate, public_employer: bool) -> Vec<&LawRow> {
        LawKind::ALL
            .into_iter()
            .filter(|k| k.is_on_cost() && (public_employer || *k != LawKind::Fksp))
            .filter_map(|k| self.row_on(k, None, day))
            .filter(|r| r.amount.is_some())
            .collect()
    }

    /// The first day any on-cost row is valid.
    pub fn first_on_cost_date(&self) -> Option<NaiveDate> {
        (self.rows.iter())
            .filter(|r| r.kind.is_on_cost())
            .map(|r| r.from)
            .min()
    }

    /// Weeks of leave on a day.
    pub fn leave_weeks(&self, public_employer: bool, day: NaiveDate) -> Option<Decimal> {
        let kind = if public_employer {
            LawKind::LeaveWeeksPublic
        } else {
            LawKind::LeaveWeeksOther
        };
        // Before the first row (a period before 2007), the first row.
        self.row_on(kind, None, day)
            .or_else(|| {
                self.rows
                    .iter()
                    .filter(|r| r.kind == kind)
                    .min_by_key(|r| r.from)
            })
            .and_then(|r| r.amount)
    }

    /// The last day through which the fee caps are known to be checked:
    /// the built-in tables' date, or a later date of a user's fee-cap row
    /// (the auditor who enters a row dated then has read the law in force
    /// then).
    pub fn checked_through(&self) -> NaiveDate {
        (self.rows.iter())
            .filter(|r| r.is_users() && r.kind.is_fee_cap())
            .map(|r| r.from)
            .fold(CHECKED_THROUGH, NaiveDate::max)
    }

    /// The newest date of any fee-cap row: the day from which the newest
    /// caps known apply.
    pub fn newest_fee_cap_date(&self) -> Option<NaiveDate> {
        (self.rows.iter())
            .filter(|r| r.kind.is_fee_cap())
            .map(|r| r.from)
            .max()
    }

    /// The rows that apply on some day of the period, in table order: the
    /// legal rows an audit of that period used.
    pub fn used_in(&self, period: Period) -> Vec<&LawRow> {
        let mut days = vec![period.from];
        days.extend(
            (self.rows.iter())
                .map(|r| r.from)
                .filter(|d| period.from < *d && *d <= period.to),
        );
        let mut keys: BTreeSet<(LawKind, Option<&str>)> = BTreeSet::new();
        for r in &self.rows {
            if r.kind.names_tasks() {
                keys.extend(r.tasks.iter().map(|t| (r.kind, Some(t.as_str()))));
            } else {
                keys.insert((r.kind, None));
            }
        }
        let mut used = vec![false; self.rows.len()];
        for (kind, task) in keys {
            for &day in &days {
                if let Some(r) = self.row_on(kind, task, day) {
                    let i = self
                        .rows
                        .iter()
                        .position(|x| std::ptr::eq(x, r))
                        .unwrap_or(0);
                    used[i] = true;
                }
            }
        }
        (self.rows.iter().zip(used))
            .filter(|(_, u)| *u)
            .map(|(r, _)| r)
            .collect()
    }

    /// The hourly caps stretch by stretch: a new stretch on every day an
    /// hourly or over-80-hours row starts, each with the rows that apply
    /// then. A row without an amount gives no cap.
    fn hourly_timeline(&self) -> Vec<HourlyCap> {
        let days: BTreeSet<NaiveDate> = (self.rows.iter())
            .filter(|r| matches!(r.kind, LawKind::Hourly | LawKind::HourlyOver80))
            .map(|r| r.from)
            .collect();
        let mut out: Vec<HourlyCap> = Vec::new();
        for day in days {
            let Some(base) = self.row_on(LawKind::Hourly, None, day) else {
                continue;
            };
            let Some(cap) = base.amount else { continue };
            let over = self
                .row_on(LawKind::HourlyOver80, None, day)
                .filter(|r| r.amount.is_some());
            let step = HourlyCap {
                from: day,
                cap,
                cap_over_80h: over.and_then(|r| r.amount),
                decree: base.decree.clone(),
                decree_over_80h: over.map(|r| r.decree.clone()),
            };
            match out.last() {
                Some(prev)
                    if (
                        prev.cap,
                        prev.cap_over_80h,
                        &prev.decree,
                        &prev.decree_over_80h,
                    ) == (
                        step.cap,
                        step.cap_over_80h,
                        &step.decree,
                        &step.decree_over_80h,
                    ) => {}
                _ => out.push(step),
            }
        }
        out
    }
}

/// The name of a law row's kind and tasks for an auditor: `úkon c2`,
/// `hodina`.
pub fn describe(row: &LawRow, lang: Lang) -> String {
    if row.tasks.is_empty() {
        row.kind.name(lang).to_string()
    } else {
        format!("{} {}", row.kind.name(lang), row.tasks.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::Place;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }
    fn kc(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn users(kind: LawKind, tasks: &[&str], from: NaiveDate, amount: i64, row: u32) -> LawRow {
        LawRow {
            kind,
            tasks: tasks.iter().map(|t| t.to_string()).collect(),
            from,
            amount: Some(kc(amount)),
            decree: "999/2027 Sb.".into(),
            source: "Sbírka zákonů".into(),
            verified: true,
            origin: LawOrigin::File {
                file: "zakon.xlsx".into(),
                place: Place::new("Limity", row, 0),
            },
        }
    }

    #[test]
    fn hourly_cap_history() {
        let law = LawTables::built_in();
        let cap = |y, m, dd| {
            law.hourly_cap_on(d(y, m, dd))
                .map(|c| (c.cap, c.cap_over_80h))
        };
        assert_eq!(cap(2006, 12, 31), None);
        assert_eq!(cap(2013, 12, 31), Some((kc(120), None)));
        assert_eq!(cap(2014, 1, 1), Some((kc(130), None)));
        assert_eq!(cap(2022, 2, 28), Some((kc(130), None)));
        assert_eq!(cap(2022, 3, 1), Some((kc(135), None)));
        assert_eq!(cap(2023, 1, 1), Some((kc(155), Some(kc(135)))));
        assert_eq!(cap(2024, 6, 30), Some((kc(155), Some(kc(135)))));
        // Decree 195/2024: 165, and 145 (not 150) over 80 hours.
        assert_eq!(cap(2024, 7, 1), Some((kc(165), Some(kc(145)))));
        assert_eq!(cap(2026, 11, 23), Some((kc(165), Some(kc(145)))));
    }

    #[test]
    fn built_in_rows_run_in_date_order_per_kind_and_task() {
        // A row holds until the next of its kind (and task): each such
        // sequence must be in date order, with no two rows on one day.
        let law = LawTables::built_in();
        let mut keys = BTreeSet::new();
        for r in law.rows() {
            if r.kind.names_tasks() {
                assert!(!r.tasks.is_empty(), "{r:?}");
                keys.extend(r.tasks.iter().map(|t| (r.kind, Some(t.clone()))));
            } else {
                assert!(r.tasks.is_empty(), "{r:?}");
                keys.insert((r.kind, None));
            }
            assert!(r.from <= CHECKED_THROUGH, "{r:?}");
            assert!(!r.source.is_empty() && !r.decree.is_empty(), "{r:?}");
        }
        for (kind, task) in keys {
            let dates: Vec<NaiveDate> = (law.rows().iter())
                .filter(|r| r.kind == kind && task.as_ref().is_none_or(|t| r.applies_to(t)))
                .map(|r| r.from)
                .collect();
            assert!(dates.windows(2).all(|w| w[0] < w[1]), "{kind:?} {task:?}");
        }
    }

    #[test]
    fn meal_caps_of_571_2025() {
        // Full-day meals: 260 Kč until 31.1.2026, 290 Kč from 1.2.2026
        // (Decree 571/2025); the lunch amount of 2026 is not known.
        let law = LawTables::built_in();
        let cap = |k, y, m, dd| law.row_on(k, None, d(y, m, dd)).map(|r| r.amount);
        assert_eq!(cap(LawKind::FullDayMeals, 2026, 1, 31), Some(Some(kc(260))));
        assert_eq!(cap(LawKind::FullDayMeals, 2026, 2, 1), Some(Some(kc(290))));
        assert_eq!(cap(LawKind::Lunch, 2025, 6, 1), Some(Some(kc(105))));
        assert_eq!(cap(LawKind::Lunch, 2026, 2, 1), Some(None));
        assert_eq!(cap(LawKind::Lunch, 2013, 12, 31), None);
    }

    #[test]
    fn unit_caps_known_until_2023() {
        let law = LawTables::built_in();
        let cap = |t, y, m, dd| law.unit_cap_on(t, d(y, m, dd)).and_then(|r| r.amount);
        assert_eq!(cap("c2", 2022, 6, 1), Some(kc(40)));
        assert_eq!(cap("d8", 2015, 6, 1), Some(kc(70)));
        assert_eq!(cap("d6", 2025, 6, 1), None);
        assert!(law.unit_cap_on("c1", d(2025, 6, 1)).is_none());
        assert!(law.unit_cap_on("c2", d(2013, 6, 1)).is_none());
    }

    #[test]
    fn a_users_row_overrides_from_its_date_and_not_before() {
        // A user's hourly cap of 175 Kč from 1.3.2027 and a per-act cap for
        // c2 of 50 Kč from 1.1.2025 (the built-in one is "not known" from
        // 2023).
        let mut law = LawTables::built_in();
        law.extend([
            users(LawKind::Hourly, &[], d(2027, 3, 1), 175, 2),
            users(LawKind::PerAct, &["c2"], d(2025, 1, 1), 50, 3),
        ]);
        let cap = |y, m, dd| {
            law.hourly_cap_on(d(y, m, dd))
                .map(|c| (c.cap, c.cap_over_80h))
        };
        // Before its date the built-in 165 / 145.
        assert_eq!(cap(2027, 2, 28), Some((kc(165), Some(kc(145)))));
        // From its date 175; the over-80 row it does not name stays 145.
        assert_eq!(cap(2027, 3, 1), Some((kc(175), Some(kc(145)))));
        assert_eq!(
            law.hourly_cap_on(d(2027, 3, 1)).unwrap().decree,
            "999/2027 Sb."
        );
        let c2 = |y, m, dd| law.unit_cap_on("c2", d(y, m, dd)).and_then(|r| r.amount);
        assert_eq!(c2(2024, 12, 31), None);
        assert_eq!(c2(2025, 1, 1), Some(kc(50)));
        assert_eq!(c2(2022, 6, 1), Some(kc(40)));
        // d6 is not named by the user's row: still the built-in one.
        assert_eq!(
            law.unit_cap_on("d6", d(2022, 6, 1)).and_then(|r| r.amount),
            Some(kc(140))
        );
        // The user's row dated 1.3.2027 extends what is known to be checked.
        assert_eq!(law.checked_through(), d(2027, 3, 1));
        assert_eq!(LawTables::built_in().checked_through(), CHECKED_THROUGH);
    }

    #[test]
    fn a_users_row_beats_a_newer_built_in_one() {
        // From its date on the user's row holds even where the built-in
        // table has a later row: 150 Kč from 1.1.2024 beats the built-in
        // 165 of 1.7.2024.
        let mut law = LawTables::built_in();
        law.extend([users(LawKind::Hourly, &[], d(2024, 1, 1), 150, 2)]);
        assert_eq!(law.hourly_cap_on(d(2025, 1, 1)).unwrap().cap, kc(150));
        assert_eq!(law.hourly_cap_on(d(2023, 12, 31)).unwrap().cap, kc(155));
    }

    #[test]
    fn rows_used_in_a_period() {
        // 2024: the hourly rows of 1.1.2023 and 1.7.2024 (both used), not
        // those of 2014 or 2022; the 2024 meal rows; on-costs and leave.
        let law = LawTables::built_in();
        let used = law.used_in(Period::new(d(2024, 1, 1), d(2024, 12, 31)).unwrap());
        let hourly: Vec<(NaiveDate, Option<Decimal>)> = (used.iter())
            .filter(|r| r.kind == LawKind::Hourly)
            .map(|r| (r.from, r.amount))
            .collect();
        assert_eq!(
            hourly,
            [
                (d(2023, 1, 1), Some(kc(155))),
                (d(2024, 7, 1), Some(kc(165)))
            ]
        );
        assert!(used.iter().any(|r| r.kind == LawKind::LeaveWeeksPublic));
        assert!(!used.iter().any(|r| r.from == d(2026, 2, 1)));
    }

    #[test]
    fn on_costs_and_leave() {
        let law = LawTables::built_in();
        let ids = |public| -> Vec<&str> {
            (law.on_costs_on(d(2025, 6, 30), public).iter())
                .filter_map(|r| r.kind.on_cost_id())
                .collect()
        };
        assert_eq!(ids(false), ["social", "health", "accident"]);
        assert_eq!(ids(true), ["social", "health", "accident", "fksp"]);
        assert_eq!(law.leave_weeks(true, d(2025, 1, 1)), Some(kc(5)));
        assert_eq!(law.leave_weeks(false, d(2025, 1, 1)), Some(kc(4)));
        assert_eq!(law.leave_weeks(true, d(2000, 1, 1)), Some(kc(5)));
    }
}
