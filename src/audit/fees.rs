//! Fee compliance, row by row, against Decree 505/2006 §6 as valid on each
//! visit's date: hourly caps with the 80-hour rule, per-act and per-kg caps
//! where known, fee-exempt clients, and the provider's price list.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::EightyHourRule;
use super::base::{Base, na};
use super::findings::{Detail, Findings, finding_text, visit_place};
use super::money_sum::haler;
use super::report::{FindingKind, Indicator, Unit};
use crate::display::{Date, Money, Number};
use crate::i18n::{Lang, Text};
use crate::law::{HourlyCap, LawRow, LawTables};
use crate::model::{FeeBasis, StatutoryTask, TaskUnit};

/// The fee rule's threshold: hours of hourly tasks (see
/// [`EIGHTY_HOURS`](super::EIGHTY_HOURS) for the other measure).
const EIGHTY_H: u64 = super::EIGHTY_HOURS;

/// A sum in haléř-seconds: caps (haléř per hour × seconds) and fees
/// (haléř × 3600) in one unit, so that a fee's excess over its cap is an
/// integer subtraction and the sums divide by 3600 once, at the end; a
/// `Decimal` fallback for fees of more than two decimals. Not a
/// [`MoneySum`](super::money_sum::MoneySum), which sums whole haléř: a cap
/// over a part of an hour is not a whole number of haléř.
#[derive(Default)]
struct HalerSeconds {
    /// Σ haléř × 3600 (a fee) or Σ haléř-per-hour × seconds (a cap).
    scaled: i128,
    fallback: Decimal,
}

impl HalerSeconds {
    fn add_scaled(&mut self, x: i128) {
        self.scaled += x;
    }

    /// The sum in Kč.
    fn value(&self) -> Decimal {
        let kc = Decimal::from_i128_with_scale(self.scaled, 2) / Decimal::from(3600);
        kc + self.fallback
    }
}

/// The hourly cap valid on a date, with its amounts in haléř, kept while
/// the visits' dates stay in its validity (timesheets run in date order,
/// so the law table is searched a few times, not once a row).
struct CapOnDate<'a> {
    caps: &'a [HourlyCap],
    from: NaiveDate,
    until: NaiveDate,
    cap: Option<(&'a HourlyCap, i128, i128)>,
}

impl<'a> CapOnDate<'a> {
    fn new(law: &'a LawTables) -> CapOnDate<'a> {
        CapOnDate {
            caps: law.hourly_caps(),
            from: NaiveDate::MAX,
            until: NaiveDate::MIN,
            cap: None,
        }
    }

    /// The cap on `day` and its full and over-80-hours amounts in haléř
    /// (the full amount twice where there is no lower cap).
    fn on(&mut self, day: NaiveDate) -> Option<(&'a HourlyCap, i128, i128)> {
        if !(self.from <= day && day < self.until) {
            // The stretches are in date order (`LawTables` builds them so):
            // the cap on `day` is the last stretch from on or before it.
            let caps = self.caps;
            let next = caps.partition_point(|c| c.from <= day);
            let cap = next.checked_sub(1).map(|i| &caps[i]);
            self.from = cap.map_or(NaiveDate::MIN, |c| c.from);
            self.until = caps.get(next).map_or(NaiveDate::MAX, |c| c.from);
            self.cap = cap.map(|c| {
                let high = haler(c.cap).unwrap_or(0);
                (c, high, c.cap_over_80h.and_then(haler).unwrap_or(high))
            });
        }
        self.cap
    }
}

/// Client-months with more than 80 hours of hourly tasks: a bit per
/// client-month (a few kB, read at random per row without leaving the
/// cache), or the keys where the client-month table is sparse.
enum OverEighty {
    Bits { months: usize, bits: Vec<u64> },
    Keys { months: usize, keys: HashSet<usize> },
}

impl OverEighty {
    /// Up to this many client-months a bitset (8 MiB).
    const MAX_BITS: usize = 64 << 20;

    fn new(b: &Base<'_>) -> OverEighty {
        let months = b.months.count;
        let mut o = match b.ds.clients.len().checked_mul(months) {
            Some(n) if n <= Self::MAX_BITS => OverEighty::Bits {
                months,
                bits: vec![0; n.div_ceil(64)],
            },
            _ => OverEighty::Keys {
                months,
                keys: HashSet::new(),
            },
        };
        b.tally.cm.for_each(|m, c, rec| {
            if rec.hourly > EIGHTY_H {
                match &mut o {
                    OverEighty::Bits { months, bits } => {
                        let k = c * *months + m;
                        bits[k / 64] |= 1 << (k % 64);
                    }
                    OverEighty::Keys { months, keys } => {
                        keys.insert(c * *months + m);
                    }
                }
            }
        });
        o
    }

    fn contains(&self, client: usize, month: usize) -> bool {
        match self {
            OverEighty::Bits { months, bits } => {
                let k = client * months + month;
                bits[k / 64] & (1 << (k % 64)) != 0
            }
            OverEighty::Keys { months, keys } => keys.contains(&(client * months + month)),
        }
    }
}

/// What the fee check needs of one catalogue code, worked out once (not a
/// catalogue lookup and string comparisons per row).
struct TaskFees<'a> {
    statutory: Option<StatutoryTask>,
    /// The decree caps it per hour.
    hourly_cap: bool,
    /// `c1` (meals): exempt clients pay for it.
    meals: bool,
    /// Its price list prices an hour (else a unit).
    priced_hourly: bool,
    /// The price list, oldest first.
    prices: Vec<Price>,
    /// The unit cap on the last date asked and the cap in haléř (rows come
    /// by date, so the law table is searched about once a day).
    unit_cap: Option<(NaiveDate, Option<&'a LawRow>, Option<i128>)>,
    /// A provisional unit cap was used / a fee had no unit cap to meet.
    provisional_used: bool,
    no_unit_cap: bool,
}

impl<'a> TaskFees<'a> {
    /// The per-unit cap row on `day` and its amount in haléř.
    fn unit_cap(
        &mut self,
        law: &'a LawTables,
        stat: StatutoryTask,
        day: NaiveDate,
    ) -> (Option<&'a LawRow>, Option<i128>) {
        match self.unit_cap {
            Some((d, row, h)) if d == day => (row, h),
            _ => {
                let row = law.unit_cap_on(stat.code(), day);
                let h = row.and_then(|r| r.amount).and_then(haler);
                self.unit_cap = Some((day, row, h));
                (row, h)
            }
        }
    }
}

/// Is a fee over a per-unit amount × quantity? Compared in integers where
/// both are whole haléř: fee × 10^s > amount × m for quantity m / 10^s.
/// `None` where that is not possible (the caller compares `Decimal`s).
fn fee_over_per_unit(fee_h: Option<i128>, amount_h: Option<i128>, q: Decimal) -> Option<bool> {
    // fee > amount × m / 10^s  ⇔  fee × 10^s > amount × m (10^s > 0), so
    // a quantity of 2.5 kg compares without a division.
    let (f, a) = (fee_h?, amount_h?);
    let (m, k) = quantity_as_integers(q)?;
    Some(f * k > a * m)
}

/// A quantity m / 10^s as (m, 10^s), for comparing money × quantity in
/// integers; `None` past 8 decimals (the caller compares `Decimal`s).
fn quantity_as_integers(q: Decimal) -> Option<(i128, i128)> {
    let scale = q.scale();
    (scale <= 8).then(|| (q.mantissa(), 10i128.pow(scale)))
}

/// Notes on checks that could not run, collected for the methodology.
#[derive(Default)]
pub(crate) struct FeeNotes {
    pub no_unit_cap: BTreeSet<String>,
    pub provisional_used: BTreeSet<String>,
    pub before_caps: u64,
    /// For the "every hourly fee at the cap" scenario: hourly rows under a
    /// cap of clients not exempt under §75(2).
    pub at_cap: AtCap,
}

/// Hourly rows under a cap (clients not exempt): their fees and the fees
/// the cap allows, exact.
#[derive(Default)]
pub(crate) struct AtCap {
    pub rows: u64,
    pub seconds: u64,
    /// Of `seconds`, those the 80-hour rule puts at the lower cap, whether
    /// or not a lower cap existed on the row's date (the caps of another
    /// date may have one).
    pub low_seconds: u64,
    fees: HalerSeconds,
    caps: HalerSeconds,
}

impl AtCap {
    /// Fees charged on those rows.
    pub fn fees(&self) -> Decimal {
        self.fees.value()
    }

    /// Fees at the cap on those rows.
    pub fn caps(&self) -> Decimal {
        self.caps.value()
    }
}

/// For the `HoursAbove80` variant: per visit, the seconds of the row that
/// lie beyond the client's 80th hour in the month of hourly tasks
/// (`hourly`, by task) in `period` (chronological order: date, start,
/// row). A client-month is over 80 hours exactly when one of its rows has
/// seconds above, which the merger study's price effect uses for the
/// other variant.
pub(crate) fn seconds_above_80(
    ds: &crate::Dataset,
    period: crate::Period,
    months: &super::tally::Months,
    hourly: &[bool],
) -> Vec<u32> {
    let nm = months.count;
    let mut idx: Vec<usize> = (0..ds.visits.len())
        .filter(|&i| {
            let v = &ds.visits[i];
            v.client.is_some() && period.contains(v.date) && hourly[v.task.index()]
        })
        .collect();
    let cm = |i: usize| {
        let v = &ds.visits[i];
        v.client
            .map_or(0, |c| c.index() * nm + months.index(v.date))
    };
    idx.sort_unstable_by_key(|&i| {
        let v = &ds.visits[i];
        (cm(i), v.date, v.start.unwrap_or(0), v.row, i)
    });
    let mut above = vec![0u32; ds.visits.len()];
    let mut current = usize::MAX;
    let mut before = 0u64;
    for i in idx {
        let k = cm(i);
        if k != current {
            current = k;
            before = 0;
        }
        let d = u64::from(ds.visits[i].duration);
        // The row spans [before, before + d) of the client's month; its
        // part past the 80th hour is what is past 80 h at its end minus
        // what already was at its start (0 until the month crosses 80 h,
        // then the part across the line, then all of d).
        let over = (before + d).saturating_sub(EIGHTY_H) - before.saturating_sub(EIGHTY_H);
        above[i] = over as u32;
        before += d;
    }
    above
}

pub(crate) fn check(
    b: &Base<'_>,
    rule: EightyHourRule,
    f: &mut Findings,
    out: &mut Vec<Indicator>,
    notes: &mut FeeNotes,
) {
    let ds = b.ds;
    let mut walk = Walk {
        b,
        rule,
        above: match rule {
            EightyHourRule::HoursAbove80 => {
                seconds_above_80(b.ds, b.period, &b.months, &b.tasks.hourly)
            }
            EightyHourRule::AllHoursOfMonth => Vec::new(),
        },
        // Per client, read once (not a random read of the client per row).
        exempt_client: ds
            .clients
            .iter()
            .map(|c| c.fee_exempt == Some(true))
            .collect(),
        caps: CapOnDate::new(b.law),
        over_eighty: match rule {
            EightyHourRule::AllHoursOfMonth => Some(OverEighty::new(b)),
            EightyHourRule::HoursAbove80 => None,
        },
        totals: Totals::default(),
    };
    let mut tasks = task_fees(b);
    for (i, v) in ds.visits.iter().enumerate() {
        if !b.period.contains(v.date) {
            continue;
        }
        walk.visit(i, v, &mut tasks[v.task.index()], f, notes);
    }
    for t in &tasks {
        if let Some(stat) = t.statutory {
            if t.provisional_used {
                notes.provisional_used.insert(stat.code().to_string());
            }
            if t.no_unit_cap {
                notes.no_unit_cap.insert(stat.code().to_string());
            }
        }
    }
    walk.totals.indicators(b, out);
}

/// What each task's rows are held to: its statutory task and caps, and its
/// price list, oldest first (no date = the period's start), each price
/// also in haléř.
fn task_fees<'b>(b: &Base<'b>) -> Vec<TaskFees<'b>> {
    let mut tasks: Vec<TaskFees> =
        b.ds.tasks
            .tasks()
            .iter()
            .map(|t| {
                let statutory = t.kind.statutory();
                TaskFees {
                    statutory,
                    hourly_cap: statutory.is_some_and(|s| s.fee_basis() == FeeBasis::Hour),
                    meals: statutory.is_some_and(|s| s.code() == "c1"),
                    priced_hourly: t.unit == TaskUnit::Hour,
                    prices: Vec::new(),
                    unit_cap: None,
                    provisional_used: false,
                    no_unit_cap: false,
                }
            })
            .collect();
    for p in &b.ds.prices {
        tasks[p.task.index()].prices.push((
            p.valid_from.unwrap_or(b.period.from),
            p.price,
            haler(p.price),
        ));
    }
    for t in &mut tasks {
        t.prices.sort();
    }
    tasks
}

/// The sums of the fee check, exact.
#[derive(Default)]
struct Totals {
    over_rows: u64,
    off_rows: u64,
    /// Excess over hourly caps, exact, and over per-unit caps.
    excess: HalerSeconds,
    unit_excess: Decimal,
    exempt: Decimal,
    /// Hourly rows: fees and fees at the cap.
    cap_fees: HalerSeconds,
    cap_amounts: HalerSeconds,
}

/// The walk through the period's rows: what each rule needs, read once.
struct Walk<'a, 'b> {
    b: &'a Base<'b>,
    rule: EightyHourRule,
    /// `HoursAbove80`: per visit, its seconds beyond the client's 80th hour.
    above: Vec<u32>,
    exempt_client: Vec<bool>,
    caps: CapOnDate<'b>,
    /// `AllHoursOfMonth`: the client-months over 80 hours.
    over_eighty: Option<OverEighty>,
    totals: Totals,
}

impl<'b> Walk<'_, 'b> {
    /// One row in the period, under each rule that applies to its task:
    /// the hourly cap or the per-unit cap, §75(2), and the price list.
    fn visit(
        &mut self,
        i: usize,
        v: &crate::Visit,
        task: &mut TaskFees<'b>,
        f: &mut Findings,
        notes: &mut FeeNotes,
    ) {
        let fee = v.fee.unwrap_or(Decimal::ZERO);
        // In haléř once for every comparison below (`None`: more decimals).
        let fee_haler = haler(fee);
        let Some(stat) = task.statutory else {
            // Optional services are priced by the provider: only the price list applies.
            check_price(self.b, task, v, fee_haler, f, &mut self.totals.off_rows);
            return;
        };
        if task.hourly_cap {
            if !self.hourly(i, v, fee, fee_haler, f, notes) {
                notes.before_caps += 1;
                check_price(self.b, task, v, fee_haler, f, &mut self.totals.off_rows);
                return;
            }
        } else {
            self.per_unit(v, stat, task, fee, fee_haler, f);
        }
        self.exempt(v, stat, task, fee, f);
        check_price(self.b, task, v, fee_haler, f, &mut self.totals.off_rows);
    }

    /// The hourly cap (with the 80-hour rule): `false` when no cap is
    /// known on the row's date.
    fn hourly(
        &mut self,
        i: usize,
        v: &crate::Visit,
        fee: Decimal,
        fee_haler: Option<i128>,
        f: &mut Findings,
        notes: &mut FeeNotes,
    ) -> bool {
        let (b, rule) = (self.b, self.rule);
        let Some((cap, high_h, low_h)) = self.caps.on(v.date) else {
            return false;
        };
        let hour = Decimal::from(3600);
        // Is the client over 80 hours this month (only asked when a
        // lower cap over 80 h exists)?
        let over_eighty = &self.over_eighty;
        let over_80h = || {
            v.client.is_some_and(|c| {
                over_eighty
                    .as_ref()
                    .is_some_and(|o| o.contains(c.index(), b.months.index(v.date)))
            })
        };
        // Seconds at the full cap and at the lower (over 80 h) cap.
        let dur = i128::from(v.duration);
        let (hs, ls, low) = match cap.cap_over_80h {
            None => (dur, 0, cap.cap),
            Some(low) => match rule {
                EightyHourRule::AllHoursOfMonth if over_80h() => (0, dur, low),
                EightyHourRule::AllHoursOfMonth => (dur, 0, low),
                EightyHourRule::HoursAbove80 => {
                    let a = i128::from(self.above[i]);
                    (dur - a, a, low)
                }
            },
        };
        // HalerSeconds: fee × 3600 against cap-per-hour × seconds, in haléř.
        // Both sides are then integers (a cap of 165 Kč/h over 20 min is
        // 16 500 × 1 200, a fee of 55 Kč is 5 500 × 3 600: equal, not over),
        // where dividing the cap by 3600 first would round it.
        let cap_scaled = hs * high_h + ls * low_h;
        let t = &mut self.totals;
        t.cap_amounts.add_scaled(cap_scaled);
        let exempt = v.client.is_some_and(|c| self.exempt_client[c.index()]);
        if !exempt {
            let a = &mut notes.at_cap;
            a.rows += 1;
            a.seconds += u64::from(v.duration);
            a.low_seconds += match rule {
                EightyHourRule::AllHoursOfMonth if over_80h() => u64::from(v.duration),
                EightyHourRule::AllHoursOfMonth => 0,
                EightyHourRule::HoursAbove80 => u64::from(self.above[i]),
            };
            a.caps.add_scaled(cap_scaled);
            match fee_haler {
                Some(h) => a.fees.add_scaled(h * 3600),
                None => a.fees.fallback += fee,
            }
        }
        let over = match fee_haler {
            Some(fee_h) => {
                t.cap_fees.add_scaled(fee_h * 3600);
                let over = v.fee.is_some() && fee_h * 3600 > cap_scaled;
                if over {
                    t.excess.add_scaled(fee_h * 3600 - cap_scaled);
                }
                over
            }
            None => {
                t.cap_fees.fallback += fee;
                let cap_amount = Decimal::from_i128_with_scale(cap_scaled, 2) / hour;
                let over = fee > cap_amount;
                if over {
                    t.excess.fallback += fee - cap_amount;
                }
                over
            }
        };
        if over {
            t.over_rows += 1;
            let cap_amount = Decimal::from_i128_with_scale(cap_scaled, 2) / hour;
            let row_excess = fee - cap_amount;
            let (rate, decree) = if ls == 0 {
                (cap.cap, cap.decree.as_str())
            } else {
                (low, cap.decree_over_80h.as_deref().unwrap_or(&cap.decree))
            };
            let ds = b.ds;
            f.push(FindingKind::FeeOverCap, || {
                let client = v.client.map(|c| ds.client(c).id.as_str()).unwrap_or("");
                let text = |lang: Lang| {
                    let (fee_t, cap_t, ex_t) = (Money(fee, lang), Money(cap_amount, lang), Money(row_excess, lang));
                    let hours = Number(Decimal::from(v.duration) / hour, 2, lang);
                    let rate_t = Number(rate, 0, lang);
                    match lang {
                        Lang::Cs => finding_text!(
                            "úhrada {fee_t} nad limit {cap_t} ({rate_t} Kč/h × {hours} h, vyhl. {}) o {ex_t}; klient {client}, {}",
                            decree,
                            Date(v.date, lang)
                        ),
                        Lang::En => finding_text!(
                            "fee {fee_t} over the cap {cap_t} (CZK {rate_t}/h × {hours} h, Decree {}) by {ex_t}; client {client}, {}",
                            decree,
                            Date(v.date, lang)
                        ),
                    }
                };
                Detail {
                    place: visit_place(ds, v),
                    text: Text::new(text(Lang::Cs), text(Lang::En)),
                    amount: Some(row_excess),
                }
            });
        }
        true
    }

    /// A per-act or per-kg cap, where one is known on the row's date.
    fn per_unit(
        &mut self,
        v: &crate::Visit,
        stat: StatutoryTask,
        task: &mut TaskFees<'b>,
        fee: Decimal,
        fee_haler: Option<i128>,
        f: &mut Findings,
    ) {
        let (row, cap_haler) = match task.unit_cap(self.b.law, stat, v.date) {
            (Some(row), cap_haler) if row.amount.is_some() => (row, cap_haler),
            _ => {
                task.no_unit_cap |= v.fee.is_some();
                return;
            }
        };
        let cap = row.amount.unwrap_or_default();
        task.provisional_used |= !row.verified;
        let over = v.fee.is_some()
            && fee_over_per_unit(fee_haler, cap_haler, v.quantity)
                .unwrap_or_else(|| fee > cap * v.quantity);
        if !over {
            return;
        }
        let cap_amount = cap * v.quantity;
        self.totals.over_rows += 1;
        let excess = fee - cap_amount;
        self.totals.unit_excess += excess;
        let ds = self.b.ds;
        f.push(FindingKind::FeeOverCap, || {
            let text = |lang: Lang| {
                let q = Number(v.quantity, 2, lang);
                let provisional = match (row.verified, lang) {
                    (true, _) => "",
                    (false, Lang::Cs) => ", limit předběžný (neověřený)",
                    (false, Lang::En) => ", provisional (unverified) cap",
                };
                match lang {
                    Lang::Cs => finding_text!(
                        "úhrada {} nad limit {} ({} Kč × {q}, úkon {}, vyhl. {}{provisional}) o {}; {}",
                        Money(fee, lang), Money(cap_amount, lang), Number(cap, 0, lang),
                        stat.code(), row.decree, Money(excess, lang), Date(v.date, lang)
                    ),
                    Lang::En => finding_text!(
                        "fee {} over the cap {} (CZK {} × {q}, task {}, Decree {}{provisional}) by {}; {}",
                        Money(fee, lang), Money(cap_amount, lang), Number(cap, 0, lang),
                        stat.code(), row.decree, Money(excess, lang), Date(v.date, lang)
                    ),
                }
            };
            Detail {
                place: visit_place(ds, v),
                text: Text::new(text(Lang::Cs), text(Lang::En)),
                amount: Some(excess),
            }
        });
    }

    /// §75(2): exempt clients pay only for meals (c1) and optional services.
    fn exempt(
        &mut self,
        v: &crate::Visit,
        stat: StatutoryTask,
        task: &TaskFees<'b>,
        fee: Decimal,
        f: &mut Findings,
    ) {
        // The exempt flag first: it is false for nearly every row.
        if !(v.client.is_some_and(|c| self.exempt_client[c.index()])
            && v.fee.is_some_and(|x| x.is_sign_positive() && !x.is_zero())
            && !task.meals)
        {
            return;
        }
        self.totals.exempt += fee;
        let ds = self.b.ds;
        f.push(FindingKind::FeeExempt, || {
            let client = v.client.map(|c| ds.client(c).id.as_str()).unwrap_or("");
            Detail {
                place: visit_place(ds, v),
                text: Text {
                    en: finding_text!(
                        "fee {} charged to client {client}, exempt under §75(2) Act 108/2006 (task {}, {})",
                        Money(fee, Lang::En), stat.code(), Date(v.date, Lang::En)
                    ),
                    cs: finding_text!(
                        "úhrada {} u klienta {client} osvobozeného dle § 75 odst. 2 zákona 108/2006 Sb. (úkon {}, {})",
                        Money(fee, Lang::Cs), stat.code(), Date(v.date, Lang::Cs)
                    ),
                },
                amount: Some(fee),
            }
        });
    }
}

impl Totals {
    /// The fee indicators, or why each is not available.
    fn indicators(&self, b: &Base<'_>, out: &mut Vec<Indicator>) {
        let no_fees = na("ve výkazech nejsou žádné úhrady", "no row has a fee");
        if b.tally.any_fee {
            out.push(Indicator::count("fees.rows_over_cap", self.over_rows));
            out.push(Indicator::value(
                "fees.excess_total",
                Unit::Czk,
                self.excess.value() + self.unit_excess,
            ));
            out.push(Indicator::value(
                "fees.exempt_charged",
                Unit::Czk,
                self.exempt,
            ));
        } else {
            for (id, unit) in [
                ("fees.rows_over_cap", Unit::Count),
                ("fees.excess_total", Unit::Czk),
                ("fees.exempt_charged", Unit::Czk),
            ] {
                out.push(Indicator::unavailable(id, unit, no_fees.clone()));
            }
        }
        if b.ds.prices.is_empty() {
            out.push(Indicator::unavailable(
                "fees.rows_off_price",
                Unit::Count,
                na("chybí list Ceník", "no Prices sheet (Ceník) was given"),
            ));
        } else if !b.tally.any_fee {
            out.push(Indicator::unavailable(
                "fees.rows_off_price",
                Unit::Count,
                no_fees,
            ));
        } else {
            out.push(Indicator::count("fees.rows_off_price", self.off_rows));
        }
        if b.tally.any_hourly_fee {
            out.push(Indicator::ratio(
                "fees.cap_use",
                Unit::Share,
                self.cap_fees.value(),
                self.cap_amounts.value(),
                na(
                    "žádné hodiny hodinových úkonů s limitem",
                    "no hours of hourly tasks under a cap",
                ),
            ));
        } else {
            out.push(Indicator::unavailable(
                "fees.cap_use",
                Unit::Share,
                na(
                    "u žádného řádku hodinového úkonu není úhrada",
                    "no row of an hourly task has a fee",
                ),
            ));
        }
    }
}

/// A price of the price list: valid from, Kč, and in haléř when it has at
/// most two decimals.
type Price = (NaiveDate, Decimal, Option<i128>);

/// A fee more than 0.50 Kč off the price valid on the date × hours (hourly
/// tasks) or × quantity.
/// `fee_haler` is the fee in haléř (`None`: more than two decimals).
fn check_price(
    b: &Base<'_>,
    task: &TaskFees,
    v: &crate::Visit,
    fee_haler: Option<i128>,
    f: &mut Findings,
    off_rows: &mut u64,
) {
    let Some(fee) = v.fee else { return };
    let Some(&(_, price, price_haler)) =
        task.prices.iter().rev().find(|(from, ..)| *from <= v.date)
    else {
        return;
    };
    let hourly = task.priced_hourly;
    let expected = || {
        if hourly {
            price * Decimal::from(v.duration) / Decimal::from(3600)
        } else {
            price * v.quantity
        }
    };
    let exact = match (fee_haler, price_haler) {
        // |fee × 3600 − price × seconds| > 0.50 Kč × 3600, in haléř.
        (Some(f_h), Some(p_h)) if hourly => {
            Some((f_h * 3600 - p_h * i128::from(v.duration)).abs() > 50 * 3600)
        }
        // quantity = m / 10^s: |fee × 10^s − price × m| > 0.50 Kč × 10^s.
        (Some(f_h), Some(p_h)) => {
            quantity_as_integers(v.quantity).map(|(m, k)| (f_h * k - p_h * m).abs() > 50 * k)
        }
        _ => None,
    };
    let off = exact.unwrap_or_else(|| (fee - expected()).abs() > Decimal::new(50, 2));
    if off {
        let expected = expected();
        *off_rows += 1;
        f.push(FindingKind::FeeOffPrice, || Detail {
            place: visit_place(b.ds, v),
            text: Text {
                en: finding_text!(
                    "fee {} differs from the price list: {} (CZK {} per unit, task {})",
                    Money(fee, Lang::En),
                    Money(expected, Lang::En),
                    Number(price, 2, Lang::En),
                    b.ds.task(v.task).code
                ),
                cs: finding_text!(
                    "úhrada {} se liší od ceníku: {} ({} Kč za jednotku, úkon {})",
                    Money(fee, Lang::Cs),
                    Money(expected, Lang::Cs),
                    Number(price, 2, Lang::Cs),
                    b.ds.task(v.task).code
                ),
            },
            amount: Some(fee - expected),
        });
    }
}
