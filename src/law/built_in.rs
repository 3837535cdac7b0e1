//! The built-in legal tables: every row with its date, decree, source and
//! whether it was verified in the source's text. Rows of one kind (and, for
//! the per-act and per-kg caps, one set of tasks) run in date order; a row
//! holds until the next. A decree that changes a figure is a new row here,
//! or, before a release carries it, a row of the auditor's `Limity` sheet
//! (see `docs/law.md`).
//!
//! Provisional rows (`verified: false`) were inferred, for example from
//! providers' price lists charging at the cap, or are general knowledge not
//! read in a source: findings based on them say so.

use rust_decimal::Decimal;

use super::date;
use super::row::LawKind;

/// The last day through which the built-in tables were checked against
/// their sources. An audit whose period runs past it (and past every user
/// row) says so: a decree published since may have changed the caps.
pub const CHECKED_THROUGH: chrono::NaiveDate = date(2026, 11, 30);

/// A built-in row as written in this table.
pub(crate) struct Def {
    pub kind: LawKind,
    pub tasks: &'static [&'static str],
    pub from: chrono::NaiveDate,
    pub amount: Option<Decimal>,
    pub decree: &'static str,
    pub source: &'static str,
    pub verified: bool,
}

const fn kc(n: i64) -> Decimal {
    Decimal::from_parts(n as u32, 0, 0, false, 0)
}

/// A share of gross pay: `share(248, 3)` = 0.248.
const fn share(mantissa: u32, scale: u32) -> Decimal {
    Decimal::from_parts(mantissa, 0, 0, false, scale)
}

const LEAVE_SOURCE: &str =
    "https://podnikatel.cz/zakony/zakon-c-262-2006-sb-zakonik-prace/zneni-20221201/f3054745";
const INSURANCE_SOURCE: &str = "https://dumfinanci.cz/clanky/7633-povinne-pojistne-v-roce-2024/";
const GENERAL_KNOWLEDGE: &str = "general knowledge, not read in a source (provisional)";

// Hourly caps. The over-80-hours row of 1.7.2024 is 145 Kč, not 150: an
// earlier version of this table had 150 and missed every fee of 145-150 Kč
// an hour charged to a client served more than 80 hours in the month. Both
// tiers rose by 10 Kč from 155 / 135. Decree 571/2025 (of 10.12.2025, in
// force by a provider's notice from 1.2.2026) changed the full-day meal cap;
// whether it changed the hourly caps is not known from the sources checked,
// so the 1.7.2024 rows stay in force until a source says otherwise. The
// meal caps of 2023 and 2024 are press figures for residential homes (the
// decree sets one amount across its sections, §6 included); 260 Kč before
// 1.2.2026 is the amount Decree 571/2025 replaces, dated with the decree
// that last changed the caps.
pub(crate) const BUILT_IN: &[Def] = &[
    Def {
        kind: LawKind::Hourly,
        tasks: &[],
        from: date(2007, 1, 1),
        amount: Some(kc(120)),
        decree: "505/2006 Sb.",
        source: "https://novyepis.cz/clanek/56925",
        verified: true,
    },
    Def {
        kind: LawKind::Hourly,
        tasks: &[],
        from: date(2014, 1, 1),
        amount: Some(kc(130)),
        decree: "389/2013 Sb.",
        source: "https://novyepis.cz/clanek/56925",
        verified: true,
    },
    Def {
        kind: LawKind::Hourly,
        tasks: &[],
        from: date(2022, 3, 1),
        amount: Some(kc(135)),
        decree: "34/2022 Sb.",
        source: "https://www.praceamzda.cz/predpisy/34-2022-sb",
        verified: true,
    },
    Def {
        kind: LawKind::Hourly,
        tasks: &[],
        from: date(2023, 1, 1),
        amount: Some(kc(155)),
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: true,
    },
    Def {
        kind: LawKind::Hourly,
        tasks: &[],
        from: date(2024, 7, 1),
        amount: Some(kc(165)),
        decree: "195/2024 Sb.",
        source: "https://decenthulin.cz/?p=3038 (ceník citující vyhl. 195/2024: \"…snižuje na částku 145,- Kč/hod.\"); tytéž sazby 165/145 u osobní asistence, idnes.cz, červenec 2025",
        verified: true,
    },
    Def {
        kind: LawKind::HourlyOver80,
        tasks: &[],
        from: date(2023, 1, 1),
        amount: Some(kc(135)),
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: true,
    },
    Def {
        kind: LawKind::HourlyOver80,
        tasks: &[],
        from: date(2024, 7, 1),
        amount: Some(kc(145)),
        decree: "195/2024 Sb.",
        source: "https://decenthulin.cz/?p=3038 (ceník citující vyhl. 195/2024: \"…snižuje na částku 145,- Kč/hod.\"); tytéž sazby 165/145 u osobní asistence, idnes.cz, červenec 2025",
        verified: true,
    },
    Def {
        kind: LawKind::PerAct,
        tasks: &["c2"],
        from: date(2014, 1, 1),
        amount: Some(kc(30)),
        decree: "389/2013 Sb.",
        source: "https://www.valmez.charita.cz/sluzba/pecovatelska-sluzba-roznov-pod-radhostem/cenik",
        verified: false,
    },
    Def {
        kind: LawKind::PerAct,
        tasks: &["c2"],
        from: date(2022, 3, 1),
        amount: Some(kc(40)),
        decree: "34/2022 Sb.",
        source: "https://www.pecovatelskasluzba.cz/cenik",
        verified: false,
    },
    Def {
        kind: LawKind::PerAct,
        tasks: &["c2"],
        from: date(2023, 1, 1),
        amount: None,
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: false,
    },
    Def {
        kind: LawKind::PerAct,
        tasks: &["d6"],
        from: date(2014, 1, 1),
        amount: Some(kc(115)),
        decree: "389/2013 Sb.",
        source: "https://pisek.charita.cz/nase-sluzby/pecovatelska-sluzba/cenik/",
        verified: false,
    },
    Def {
        kind: LawKind::PerAct,
        tasks: &["d6"],
        from: date(2022, 3, 1),
        amount: Some(kc(140)),
        decree: "34/2022 Sb.",
        source: "http://www.domacipecehk.cz/index.php/pecovatelska-sluzba/joomlaorg",
        verified: false,
    },
    Def {
        kind: LawKind::PerAct,
        tasks: &["d6"],
        from: date(2023, 1, 1),
        amount: None,
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: false,
    },
    Def {
        kind: LawKind::PerKg,
        tasks: &["d7", "d8"],
        from: date(2014, 1, 1),
        amount: Some(kc(70)),
        decree: "389/2013 Sb.",
        source: "https://pisek.charita.cz/nase-sluzby/pecovatelska-sluzba/cenik/",
        verified: false,
    },
    Def {
        kind: LawKind::PerKg,
        tasks: &["d7", "d8"],
        from: date(2022, 3, 1),
        amount: Some(kc(80)),
        decree: "34/2022 Sb.",
        source: "http://www.domacipecehk.cz/index.php/pecovatelska-sluzba/joomlaorg",
        verified: false,
    },
    Def {
        kind: LawKind::PerKg,
        tasks: &["d7", "d8"],
        from: date(2023, 1, 1),
        amount: None,
        decree: "440/2022 Sb.",
        source: "https://ceskezakony.cz/en/zakon/440-2022",
        verified: false,
    },
    Def {
        kind: LawKind::FullDayMeals,
        tasks: &[],
        from: date(2014, 1, 1),
        amount: Some(kc(170)),
        decree: "389/2013 Sb.",
        source: "https://novyepis.cz/clanek/56925",
        verified: true,
    },
    Def {
        kind: LawKind::FullDayMeals,
        tasks: &[],
        from: date(2022, 3, 1),
        amount: Some(kc(205)),
        decree: "34/2022 Sb.",
        source: "https://www.praceamzda.cz/predpisy/34-2022-sb",
        verified: true,
    },
    Def {
        kind: LawKind::FullDayMeals,
        tasks: &[],
        from: date(2023, 1, 1),
        amount: Some(kc(235)),
        decree: "440/2022 Sb.",
        source: "https://cesky.radio.cz/nektere-domovy-senioru-letos-zdrazi-zacala-platit-nova-uhradova-vyhlaska-8806280",
        verified: false,
    },
    Def {
        kind: LawKind::FullDayMeals,
        tasks: &[],
        from: date(2024, 1, 1),
        amount: Some(kc(255)),
        decree: "378/2023 Sb.",
        source: "https://cesky.radio.cz/nektere-domovy-senioru-letos-zdrazi-zacala-platit-nova-uhradova-vyhlaska-8806280",
        verified: false,
    },
    Def {
        kind: LawKind::FullDayMeals,
        tasks: &[],
        from: date(2024, 7, 1),
        amount: Some(kc(260)),
        decree: "195/2024 Sb.",
        source: "https://sagit.cz/info/sb25571 (částka „260 Kč“, kterou vyhl. 571/2025 nahrazuje)",
        verified: false,
    },
    Def {
        kind: LawKind::FullDayMeals,
        tasks: &[],
        from: date(2026, 2, 1),
        amount: Some(kc(290)),
        decree: "571/2025 Sb.",
        source: "https://sagit.cz/info/sb25571 (\"V § 6 odst. 2 písm. b) bodě 1 … se částka „260 Kč“ nahrazuje částkou „290 Kč“\"); účinnost 1. 2. 2026 podle oznámení poskytovatele https://domovuzamku.cz/o-nas/aktuality/zmena-vyse-poplatku-za-ubytovani-a-stravu-v-roce-2026-122cs.html",
        verified: true,
    },
    Def {
        kind: LawKind::Lunch,
        tasks: &[],
        from: date(2014, 1, 1),
        amount: Some(kc(75)),
        decree: "389/2013 Sb.",
        source: "https://www.valmez.charita.cz/sluzba/pecovatelska-sluzba-roznov-pod-radhostem/cenik",
        verified: false,
    },
    Def {
        kind: LawKind::Lunch,
        tasks: &[],
        from: date(2022, 3, 1),
        amount: Some(kc(95)),
        decree: "34/2022 Sb.",
        source: "https://resvitae.cz/prehled-uhrad-seznam-pecovatelskych-ukonu-platnych-od-142022",
        verified: false,
    },
    Def {
        kind: LawKind::Lunch,
        tasks: &[],
        from: date(2023, 1, 1),
        amount: Some(kc(105)),
        decree: "440/2022 Sb.",
        source: "https://newsbox.cz/zpravy/ministerstvo-navrhuje-zvyseni-maximalnich-uhrad-v-socialni-peci-gampsban",
        verified: false,
    },
    Def {
        kind: LawKind::Lunch,
        tasks: &[],
        from: date(2026, 2, 1),
        amount: None,
        decree: "571/2025 Sb.",
        source: "https://sagit.cz/info/sb25571",
        verified: false,
    },
    Def {
        kind: LawKind::SocialInsurance,
        tasks: &[],
        from: date(2024, 1, 1),
        amount: Some(share(248, 3)),
        decree: "zákon 589/1992 Sb.",
        source: INSURANCE_SOURCE,
        verified: true,
    },
    Def {
        kind: LawKind::HealthInsurance,
        tasks: &[],
        from: date(2024, 1, 1),
        amount: Some(share(9, 2)),
        decree: "zákon 592/1992 Sb.",
        source: INSURANCE_SOURCE,
        verified: true,
    },
    Def {
        kind: LawKind::AccidentInsurance,
        tasks: &[],
        from: date(2024, 1, 1),
        amount: Some(share(28, 4)),
        decree: "vyhláška 125/1993 Sb. (sazba Kooperativy)",
        source: GENERAL_KNOWLEDGE,
        verified: false,
    },
    Def {
        kind: LawKind::Fksp,
        tasks: &[],
        from: date(2024, 1, 1),
        amount: Some(share(2, 2)),
        decree: "vyhláška 114/2002 Sb.",
        source: GENERAL_KNOWLEDGE,
        verified: false,
    },
    Def {
        kind: LawKind::LeaveWeeksPublic,
        tasks: &[],
        from: date(2007, 1, 1),
        amount: Some(kc(5)),
        decree: "§212 a §109(3) zákona 262/2006 Sb.",
        source: LEAVE_SOURCE,
        verified: true,
    },
    Def {
        kind: LawKind::LeaveWeeksOther,
        tasks: &[],
        from: date(2007, 1, 1),
        amount: Some(kc(4)),
        decree: "§212 zákona 262/2006 Sb.",
        source: LEAVE_SOURCE,
        verified: true,
    },
];
