//! Maximum fees of Decree 505/2006 §6(2) for home care (docs/law.md).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::date;

/// The hourly cap valid from a date, with the lower cap for a client
/// receiving more than 80 hours in the calendar month (since 1.1.2023).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct HourlyCap {
    /// First day of validity.
    pub from: NaiveDate,
    /// Kč per hour.
    pub cap: Decimal,
    /// Kč per hour for a client over 80 hours in the month, when the rule
    /// applies.
    pub cap_over_80h: Option<Decimal>,
    /// The decree that set it.
    pub decree: &'static str,
    /// Where the figure was checked.
    pub source: &'static str,
    /// True when read in a source's text (verified in docs/law.md).
    pub verified: bool,
}

const fn kc(n: i64) -> Decimal {
    Decimal::from_parts(n as u32, 0, 0, false, 0)
}

/// Hourly caps in force, oldest first. Each row is valid until the next.
pub const HOURLY_CAPS: &[HourlyCap] = &[
    HourlyCap {
        from: date(2007, 1, 1),
        cap: kc(120),
        cap_over_80h: None,
        decree: "505/2006 Sb.",
        source: "https://novyepis.cz/clanek/56925",
        verified: true,
    },
    HourlyCap {
        from: date(2014, 1, 1),
        cap: kc(130),
        cap_over_80h: None,
        decree: "389/2013 Sb.",
        source: "https://novyepis.cz/clanek/56925",
        verified: true,
    },
    HourlyCap {
        from: date(2022, 3, 1),
        cap: kc(135),
        cap_over_80h: None,
        decree: "34/2022 Sb.",
        source: "https://www.praceamzda.cz/predpisy/34-2022-sb",
        verified: true,
    },
    HourlyCap {
        from: date(2023, 1, 1),
        cap: kc(155),
        cap_over_80h: Some(kc(135)),
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: true,
    },
    // 145 Kč over 80 hours, not 150: an earlier version of this table had
    // 150, and missed every fee of 145-150 Kč an hour charged to a client
    // served more than 80 hours in the month. Both tiers rose by 10 Kč from
    // 155 / 135. Decree 571/2025 (of 10.12.2025, in force by a provider's
    // notice from 1.2.2026) changed the full-day meal cap (MEAL_CAPS);
    // whether it changed the hourly caps is not known from the sources
    // checked, so this row stays in force until a source says otherwise.
    HourlyCap {
        from: date(2024, 7, 1),
        cap: kc(165),
        cap_over_80h: Some(kc(145)),
        decree: "195/2024 Sb.",
        source: "https://decenthulin.cz/?p=3038 (ceník citující vyhl. 195/2024: \"…snižuje na částku 145,- Kč/hod.\"); tytéž sazby 165/145 u osobní asistence, idnes.cz, červenec 2025",
        verified: true,
    },
];

/// The last day through which the built-in tables were checked against
/// their sources. An audit whose period runs past it says so: a decree
/// published since may have changed the caps.
pub const CHECKED_THROUGH: NaiveDate = date(2026, 11, 30);

/// The hourly cap valid on a date; `None` before 2007.
pub fn hourly_cap_on(day: NaiveDate) -> Option<&'static HourlyCap> {
    HOURLY_CAPS.iter().rev().find(|c| c.from <= day)
}

/// A per-act or per-kg cap for some statutory tasks, valid from a date.
/// `cap: None` means the amount is not known: the check is skipped and the
/// report says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct UnitCap {
    /// Statutory task codes it applies to.
    pub tasks: &'static [&'static str],
    /// First day of validity.
    pub from: NaiveDate,
    /// Kč per act or per kg; `None` when unknown.
    pub cap: Option<Decimal>,
    /// The decree.
    pub decree: &'static str,
    /// Where the figure comes from.
    pub source: &'static str,
    /// False: inferred from providers' price lists (provisional in docs/law.md).
    pub verified: bool,
}

/// Per-act (meal delivery c2, big shopping d6) and per-kg (laundry d7, d8)
/// caps. All amounts are provisional: inferred from price lists charging at
/// the cap. From 1.1.2023 the caps were raised by amounts not found.
pub const UNIT_CAPS: &[UnitCap] = &[
    UnitCap {
        tasks: &["c2"],
        from: date(2014, 1, 1),
        cap: Some(kc(30)),
        decree: "389/2013 Sb.",
        source: "https://www.valmez.charita.cz/sluzba/pecovatelska-sluzba-roznov-pod-radhostem/cenik",
        verified: false,
    },
    UnitCap {
        tasks: &["c2"],
        from: date(2022, 3, 1),
        cap: Some(kc(40)),
        decree: "34/2022 Sb.",
        source: "https://www.pecovatelskasluzba.cz/cenik",
        verified: false,
    },
    UnitCap {
        tasks: &["c2"],
        from: date(2023, 1, 1),
        cap: None,
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: false,
    },
    UnitCap {
        tasks: &["d6"],
        from: date(2014, 1, 1),
        cap: Some(kc(115)),
        decree: "389/2013 Sb.",
        source: "https://pisek.charita.cz/nase-sluzby/pecovatelska-sluzba/cenik/",
        verified: false,
    },
    UnitCap {
        tasks: &["d6"],
        from: date(2022, 3, 1),
        cap: Some(kc(140)),
        decree: "34/2022 Sb.",
        source: "http://www.domacipecehk.cz/index.php/pecovatelska-sluzba/joomlaorg",
        verified: false,
    },
    UnitCap {
        tasks: &["d6"],
        from: date(2023, 1, 1),
        cap: None,
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: false,
    },
    UnitCap {
        tasks: &["d7", "d8"],
        from: date(2014, 1, 1),
        cap: Some(kc(70)),
        decree: "389/2013 Sb.",
        source: "https://pisek.charita.cz/nase-sluzby/pecovatelska-sluzba/cenik/",
        verified: false,
    },
    UnitCap {
        tasks: &["d7", "d8"],
        from: date(2022, 3, 1),
        cap: Some(kc(80)),
        decree: "34/2022 Sb.",
        source: "http://www.domacipecehk.cz/index.php/pecovatelska-sluzba/joomlaorg",
        verified: false,
    },
    UnitCap {
        tasks: &["d7", "d8"],
        from: date(2023, 1, 1),
        cap: None,
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: false,
    },
];

/// The per-unit cap row valid for a task code on a date, if the task has
/// one (`c1` meals have none here: lunch and full-day caps differ and a row
/// does not say which).
pub fn unit_cap_on(task: &str, day: NaiveDate) -> Option<&'static UnitCap> {
    UNIT_CAPS
        .iter()
        .rev()
        .find(|c| c.from <= day && c.tasks.contains(&task))
}

/// Which meal a meal cap is for (§6(2)(b) Decree 505/2006, task `c1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Meal {
    /// Full-day meals (celodenní strava), §6(2)(b)(1).
    FullDay,
    /// Lunch (oběd), §6(2)(b)(2).
    Lunch,
}

/// A meal cap valid from a date. `cap: None` means not known. The fee
/// check does not use these yet: a `c1` row does not say whether it is a
/// lunch or a day's meals, so the report lists them for the auditor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MealCap {
    /// Which meal.
    pub meal: Meal,
    /// First day of validity.
    pub from: NaiveDate,
    /// Kč per day's meals or per lunch; `None` when unknown.
    pub cap: Option<Decimal>,
    /// The decree.
    pub decree: &'static str,
    /// Where the figure comes from.
    pub source: &'static str,
    /// True when read in a source's text; false when inferred.
    pub verified: bool,
}

/// Meal caps, oldest first for each meal. The 2023 and 2024 amounts are
/// press figures for residential homes; the decree sets one amount across
/// its sections, §6 included.
pub const MEAL_CAPS: &[MealCap] = &[
    MealCap {
        meal: Meal::FullDay,
        from: date(2014, 1, 1),
        cap: Some(kc(170)),
        decree: "389/2013 Sb.",
        source: "https://novyepis.cz/clanek/56925",
        verified: true,
    },
    MealCap {
        meal: Meal::FullDay,
        from: date(2022, 3, 1),
        cap: Some(kc(205)),
        decree: "34/2022 Sb.",
        source: "https://www.praceamzda.cz/predpisy/34-2022-sb",
        verified: true,
    },
    MealCap {
        meal: Meal::FullDay,
        from: date(2023, 1, 1),
        cap: Some(kc(235)),
        decree: "440/2022 Sb.",
        source: "https://cesky.radio.cz/nektere-domovy-senioru-letos-zdrazi-zacala-platit-nova-uhradova-vyhlaska-8806280",
        verified: false,
    },
    MealCap {
        meal: Meal::FullDay,
        from: date(2024, 1, 1),
        cap: Some(kc(255)),
        decree: "378/2023 Sb.",
        source: "https://cesky.radio.cz/nektere-domovy-senioru-letos-zdrazi-zacala-platit-nova-uhradova-vyhlaska-8806280",
        verified: false,
    },
    // 260 Kč before 1.2.2026 is what Decree 571/2025 replaces; from when it
    // was in force is not known, so it is dated with the decree that last
    // changed the caps.
    MealCap {
        meal: Meal::FullDay,
        from: date(2024, 7, 1),
        cap: Some(kc(260)),
        decree: "195/2024 Sb.",
        source: "https://sagit.cz/info/sb25571 (částka „260 Kč“, kterou vyhl. 571/2025 nahrazuje)",
        verified: false,
    },
    MealCap {
        meal: Meal::FullDay,
        from: date(2026, 2, 1),
        cap: Some(kc(290)),
        decree: "571/2025 Sb.",
        source: "https://sagit.cz/info/sb25571 (\"V § 6 odst. 2 písm. b) bodě 1 … se částka „260 Kč“ nahrazuje částkou „290 Kč“\"); účinnost 1. 2. 2026 podle oznámení poskytovatele https://domovuzamku.cz/o-nas/aktuality/zmena-vyse-poplatku-za-ubytovani-a-stravu-v-roce-2026-122cs.html",
        verified: true,
    },
    MealCap {
        meal: Meal::Lunch,
        from: date(2014, 1, 1),
        cap: Some(kc(75)),
        decree: "389/2013 Sb.",
        source: "https://www.valmez.charita.cz/sluzba/pecovatelska-sluzba-roznov-pod-radhostem/cenik",
        verified: false,
    },
    MealCap {
        meal: Meal::Lunch,
        from: date(2022, 3, 1),
        cap: Some(kc(95)),
        decree: "34/2022 Sb.",
        source: "https://resvitae.cz/prehled-uhrad-seznam-pecovatelskych-ukonu-platnych-od-142022",
        verified: false,
    },
    MealCap {
        meal: Meal::Lunch,
        from: date(2023, 1, 1),
        cap: Some(kc(105)),
        decree: "440/2022 Sb.",
        source: "https://newsbox.cz/zpravy/ministerstvo-navrhuje-zvyseni-maximalnich-uhrad-v-socialni-peci-gampsban",
        verified: false,
    },
    // 571/2025 changed the full-day amount; its lunch amount was not found.
    MealCap {
        meal: Meal::Lunch,
        from: date(2026, 2, 1),
        cap: None,
        decree: "571/2025 Sb.",
        source: "https://sagit.cz/info/sb25571",
        verified: false,
    },
];

/// The meal cap row valid on a date.
pub fn meal_cap_on(meal: Meal, day: NaiveDate) -> Option<&'static MealCap> {
    MEAL_CAPS
        .iter()
        .rev()
        .find(|c| c.meal == meal && c.from <= day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn hourly_cap_history() {
        let cap = |y, m, dd| hourly_cap_on(d(y, m, dd)).map(|c| (c.cap, c.cap_over_80h));
        assert_eq!(cap(2006, 12, 31), None);
        assert_eq!(cap(2013, 12, 31), Some((kc(120), None)));
        assert_eq!(cap(2014, 1, 1), Some((kc(130), None)));
        assert_eq!(cap(2022, 2, 28), Some((kc(130), None)));
        assert_eq!(cap(2022, 3, 1), Some((kc(135), None)));
        assert_eq!(cap(2023, 1, 1), Some((kc(155), Some(kc(135)))));
        assert_eq!(cap(2024, 6, 30), Some((kc(155), Some(kc(135)))));
        assert_eq!(cap(2024, 7, 1), Some((kc(165), Some(kc(145)))));
        assert_eq!(cap(2026, 11, 23), Some((kc(165), Some(kc(145)))));
    }

    #[test]
    fn tables_run_in_date_order() {
        // The lookups take the last row valid on a date, and the fee check
        // keeps an hourly cap for the dates up to the next row's: hourly rows
        // must run in date order, unit rows in date order for each task.
        assert!(HOURLY_CAPS.windows(2).all(|w| w[0].from < w[1].from));
        let tasks: std::collections::BTreeSet<&str> = UNIT_CAPS
            .iter()
            .flat_map(|c| c.tasks.iter().copied())
            .collect();
        for task in tasks {
            let dates: Vec<NaiveDate> = (UNIT_CAPS.iter())
                .filter(|c| c.tasks.contains(&task))
                .map(|c| c.from)
                .collect();
            assert!(dates.windows(2).all(|w| w[0] < w[1]), "{task}");
        }
    }

    #[test]
    fn meal_caps_of_571_2025() {
        // Full-day meals: 260 Kč until 31.1.2026, 290 Kč from 1.2.2026
        // (Decree 571/2025); the lunch amount of 2026 is not known.
        let cap = |m, y, mm, dd| meal_cap_on(m, d(y, mm, dd)).map(|c| c.cap);
        assert_eq!(cap(Meal::FullDay, 2026, 1, 31), Some(Some(kc(260))));
        assert_eq!(cap(Meal::FullDay, 2026, 2, 1), Some(Some(kc(290))));
        assert_eq!(cap(Meal::Lunch, 2025, 6, 1), Some(Some(kc(105))));
        assert_eq!(cap(Meal::Lunch, 2026, 2, 1), Some(None));
        assert_eq!(cap(Meal::Lunch, 2013, 12, 31), None);
        for m in [Meal::FullDay, Meal::Lunch] {
            let dates: Vec<NaiveDate> = (MEAL_CAPS.iter())
                .filter(|c| c.meal == m)
                .map(|c| c.from)
                .collect();
            assert!(dates.windows(2).all(|w| w[0] < w[1]), "{m:?}");
        }
        assert!(CHECKED_THROUGH >= MEAL_CAPS.iter().map(|c| c.from).max().unwrap());
    }

    #[test]
    fn unit_caps_known_until_2023() {
        let cap = |t, y, m, dd| unit_cap_on(t, d(y, m, dd)).and_then(|c| c.cap);
        assert_eq!(cap("c2", 2022, 6, 1), Some(kc(40)));
        assert_eq!(cap("d8", 2015, 6, 1), Some(kc(70)));
        assert_eq!(cap("d6", 2025, 6, 1), None);
        assert!(unit_cap_on("c1", d(2025, 6, 1)).is_none());
        assert!(unit_cap_on("c2", d(2013, 6, 1)).is_none());
    }
}
