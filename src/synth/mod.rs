//! Synthetic providers: realistic, deterministic datasets from a seed, for
//! the bundled sample, tests and benchmarks. Not real people; the names say
//! so.
//!
//! Each care worker's day is a schedule from 7:00: visits of a task-typical
//! length with travel between them, so the timesheet has no overlaps unless
//! defects are asked for. The task mix, care-allowance mix, fees (mostly
//! under the legal cap, a few over it), costs and revenues are plausible for
//! a Czech municipal service.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{
    CareDegree, Client, CostCategory, CostLine, Dataset, DatasetBuilder, Price, Provider,
    RevenueLine, RevenueSource, Role, Task, TaskKind, Visit, Worker, WorkerId,
};
use crate::period::Period;
use crate::workbook::write::input::InputCell;

mod merger_sample;
pub use merger_sample::{merger_sample_assumptions, merger_sample_services};

/// SplitMix64: small, fast, good enough for synthetic data, and stable
/// across platforms and releases (no dependency whose stream could change).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// An index chosen by cumulative weights (`cumulative[i]` = Σ weights
    /// up to and including i): a binary search, for long lists.
    pub fn weighted_cumulative(&mut self, cumulative: &[u64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0).max(1);
        let x = self.next_u64() % total;
        cumulative
            .partition_point(|&c| c <= x)
            .min(cumulative.len().saturating_sub(1))
    }

    /// An index chosen by weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.next_u64() % total.max(1);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// A synthetic provider's shape.
#[derive(Clone, Debug)]
pub struct Synth {
    /// Seed: the same seed gives the same dataset.
    pub seed: u64,
    /// Number of timesheet rows.
    pub visits: usize,
    /// The calendar year audited.
    pub year: i32,
    /// The town it serves (a merger study's sample); `None`: Vzorov.
    pub town: Option<Town>,
}

/// A town a synthetic provider serves: its seat, the villages around it
/// (clients live in the seat or a village), and its hourly price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Town {
    /// The seat (`Poskytovatel`, `Obec`).
    pub name: String,
    /// Villages around it.
    pub villages: Vec<String>,
    /// Kč an hour of its price list (the other prices as in Vzorov).
    pub hourly_price: u64,
}

/// (task, weight %, minutes lo..hi, quantity lo..hi, fee per unit in Kč or
/// per hour for hourly tasks)
const MIX: &[(&str, u64, u64, u64, u64, u64, u64)] = &[
    ("c2", 18, 5, 10, 1, 1, 40),
    ("OBED", 4, 5, 10, 1, 1, 40),
    ("b1", 14, 30, 60, 1, 1, 150),
    ("a2", 7, 15, 30, 1, 1, 150),
    ("a1", 4, 10, 30, 1, 1, 150),
    ("c4", 7, 20, 45, 1, 1, 150),
    ("d1", 14, 45, 120, 1, 1, 150),
    ("d5", 9, 30, 60, 1, 1, 150),
    ("d6", 1, 60, 120, 1, 1, 140),
    ("d7", 2, 15, 30, 2, 6, 80),
    ("e2", 4, 60, 180, 1, 1, 150),
    ("FAK", 2, 20, 60, 1, 1, 200),
    ("ADM", 1, 30, 90, 1, 1, 0),
    ("POR", 1, 60, 120, 1, 1, 0),
];

impl Synth {
    /// A provider of `visits` rows from `seed`, audited over 2025.
    pub fn new(seed: u64, visits: usize) -> Synth {
        Synth {
            seed,
            visits,
            year: 2025,
            town: None,
        }
    }

    /// The provider of a town: its name, seat, clients' municipalities and
    /// hourly price (three such make a merger study's sample).
    ///
    /// ```
    /// use homecare_audit::synth::{Synth, Town};
    /// let town = Town { name: "Lhota".into(), villages: vec!["Lhotka".into()], hourly_price: 130 };
    /// let ds = Synth::new(7, 300).in_town(town).dataset();
    /// assert_eq!(ds.provider.municipality.as_deref(), Some("Lhota"));
    /// assert!(ds.clients.iter().all(|c| matches!(c.municipality.as_deref(), Some("Lhota" | "Lhotka"))));
    /// ```
    pub fn in_town(mut self, town: Town) -> Synth {
        self.town = Some(town);
        self
    }

    /// The dataset.
    pub fn dataset(&self) -> Dataset {
        let mut g = Generation {
            synth: self,
            rng: Rng::new(self.seed),
            b: DatasetBuilder::new(),
            from: NaiveDate::from_ymd_opt(self.year, 1, 1).unwrap_or_default(),
            to: NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or_default(),
            hourly_price: self.town.as_ref().map_or(150, |t| t.hourly_price),
        };
        g.provider();
        let (pss, staff_cost) = g.staff();
        let clients = g.clients();
        g.prices();
        let fees_total = g.visits(&pss, &clients);
        g.finances(pss.len(), staff_cost, fees_total);
        g.b.build()
    }

    /// Timesheet rows with one known defect each, and the reason the reader
    /// must give (for the sample and for tests). Cells in the order of the
    /// `Výkazy` columns.
    pub fn defect_rows(&self) -> Vec<(Vec<InputCell>, crate::Reason)> {
        let d = NaiveDate::from_ymd_opt(self.year, 3, 3).unwrap_or_default();
        let t = |s: &str| InputCell::Text(s.into());
        let e = InputCell::Empty;
        vec![
            (
                vec![
                    InputCell::Date(d),
                    t("PSS001"),
                    t("K99999"),
                    t("b1"),
                    e.clone(),
                    e.clone(),
                    InputCell::Number(30.0),
                ],
                crate::Reason::UnknownClient,
            ),
            (
                vec![
                    InputCell::Date(d),
                    t("PSS001"),
                    t("K00001"),
                    t("b1"),
                    e.clone(),
                    e.clone(),
                    t("hodně"),
                ],
                crate::Reason::NotADuration,
            ),
            (
                vec![
                    t("31. 2. 2025"),
                    t("PSS001"),
                    t("K00001"),
                    t("d1"),
                    e.clone(),
                    e.clone(),
                    InputCell::Number(60.0),
                ],
                crate::Reason::NotADate,
            ),
            (
                vec![
                    InputCell::Date(d),
                    t("PSS001"),
                    e.clone(),
                    t("b1"),
                    e.clone(),
                    e.clone(),
                    InputCell::Number(30.0),
                ],
                crate::Reason::ClientTaskWithoutClient,
            ),
            (
                vec![
                    InputCell::Date(d),
                    t("PSS001"),
                    t("K00002"),
                    t("x9"),
                    e.clone(),
                    e.clone(),
                    InputCell::Number(30.0),
                ],
                crate::Reason::UnknownTask,
            ),
            (
                vec![
                    InputCell::Date(d),
                    t("PSS001"),
                    t("K00002"),
                    t("d5"),
                    InputCell::Time(9 * 3600),
                    e.clone(),
                    e,
                ],
                crate::Reason::OneTimeOnly,
            ),
        ]
    }
}

/// One generation of a synthetic provider: the random stream and the
/// builder, part by part in a fixed order (the same seed, the same data).
struct Generation<'a> {
    synth: &'a Synth,
    rng: Rng,
    b: DatasetBuilder,
    from: NaiveDate,
    to: NaiveDate,
    hourly_price: u64,
}

/// The clients: id and exemption, meal-only, and the weight of each in the
/// timesheet.
struct ClientMix {
    clients: Vec<(crate::model::ClientId, bool)>,
    meal_only: Vec<bool>,
    weights: Vec<u64>,
}

impl Generation<'_> {
    /// The provider (Vzorov, or the town's service) and the lunch task.
    fn provider(&mut self) {
        let mut provider = Provider::new("Pečovatelská služba Vzorov (syntetická data)");
        provider.ico = Some("00064581".into());
        if let Some(t) = &self.synth.town {
            provider.name = format!("Pečovatelská služba {} (syntetická data)", t.name);
            provider.ico = None;
            provider.municipality = Some(t.name.clone());
        }
        provider.registration_id = Some("1234567".into());
        provider.region = Some("KHK".into());
        provider.period = Period::new(self.from, self.to);
        self.b.provider(provider);
        let _ = self.b.task(Task::new(
            "OBED",
            "Dovoz oběda",
            TaskKind::parse("c2").unwrap_or(TaskKind::Other),
        ));
    }

    /// The workers: the care workers with their first day, and the staff's
    /// personnel cost.
    fn staff(&mut self) -> (Vec<(WorkerId, NaiveDate)>, Decimal) {
        let (rng, b, from) = (&mut self.rng, &mut self.b, self.from);
        // Staff: one full-time care worker per ~1 800 rows a year (about
        // seven visits a working day), at least 2.
        let n_pss = (self.synth.visits / 1800).max(2);
        let mut pss: Vec<(WorkerId, NaiveDate)> = Vec::new();
        let mut staff_cost = Decimal::ZERO;
        let mut roles = vec![Role::Pss; n_pss];
        roles.extend(std::iter::repeat_n(Role::Sp, (n_pss / 10).max(1)));
        roles.extend([Role::Ved, Role::Adm]);
        if n_pss > 5 {
            roles.push(Role::Rid);
        }
        for (i, role) in roles.into_iter().enumerate() {
            // Small services share management: part-time SP, head and admin.
            let small = n_pss < 6;
            let fte = match (role, rng.range(0, 9)) {
                (Role::Pss, 0) => Decimal::new(5, 1),
                (Role::Pss, 1) => Decimal::new(75, 2),
                (Role::Adm, _) => Decimal::new(5, 1),
                (Role::Sp | Role::Ved, _) if small => Decimal::new(5, 1),
                _ => Decimal::ONE,
            };
            let mut w = Worker::new(format!("{}{:03}", role.code(), i + 1), role, fte);
            if rng.chance(10) {
                w.employed_from = Some(from + Duration::days(rng.range(30, 200) as i64));
            }
            let starts = w.employed_from.unwrap_or(from);
            if rng.chance(20) {
                w.training = Some(rng.range(16, 40) * 3600);
            }
            let monthly: i64 = match role {
                Role::Pss => 34_000,
                Role::Sp => 42_000,
                Role::Ved => 52_000,
                _ => 32_000,
            };
            let cost = Decimal::from(monthly * 12) * fte * Decimal::new(1338, 3);
            let cost = cost.round_dp(2);
            staff_cost += cost;
            w.personnel_cost = Some(cost);
            if let Ok(id) = b.worker(w)
                && role == Role::Pss
            {
                pss.push((id, starts));
            }
        }
        (pss, staff_cost)
    }

    fn clients(&mut self) -> ClientMix {
        let (rng, b) = (&mut self.rng, &mut self.b);
        // Clients: ~60 rows each over the year (a care worker serves 20–30).
        let n_clients = (self.synth.visits / 60).clamp(5, 60_000);
        let mut clients = Vec::with_capacity(n_clients);
        let mut weights = Vec::with_capacity(n_clients);
        let mut meal_only = Vec::with_capacity(n_clients);
        let towns = ["Vzorov", "Horní Lhota", "Dolní Lhota", "Zálesí"];
        for i in 0..n_clients {
            // The last weight: no degree recorded.
            let degree = CareDegree::ALL
                .get(rng.weighted(&[25, 25, 25, 15, 5, 5]))
                .copied();
            let mut c = Client::new(format!("K{:05}", i + 1));
            c.care_allowance = degree;
            c.birth_year = Some(rng.range(1925, 1962) as u16);
            c.lives_alone = (!rng.chance(5)).then(|| rng.chance(55));
            c.at_risk = (!rng.chance(10)).then(|| rng.chance(15));
            c.fee_exempt = Some(rng.chance(2));
            let exempt = c.fee_exempt == Some(true);
            c.municipality = Some(match &self.synth.town {
                None => towns[rng.range(0, 3) as usize].to_string(),
                Some(t) => {
                    let k = rng.range(0, t.villages.len() as u64 + 1) as usize;
                    k.checked_sub(1)
                        .and_then(|k| t.villages.get(k))
                        .unwrap_or(&t.name)
                        .clone()
                }
            });
            if let Ok(id) = b.client(c) {
                clients.push((id, exempt));
                // About a third of clients only have lunch delivered.
                meal_only.push(rng.chance(30));
                weights.push(match degree {
                    Some(CareDegree::IV) => 6,
                    Some(CareDegree::III) => 4,
                    Some(CareDegree::II) => 3,
                    _ => 2,
                });
            }
        }
        ClientMix {
            clients,
            meal_only,
            weights,
        }
    }

    fn prices(&mut self) {
        let (b, hourly_price) = (&mut self.b, self.hourly_price);
        // Price list at the provider's usual rates.
        for code in ["b1", "d1", "d5", "c2", "OBED"] {
            if let Some(task) = b.find_task(code) {
                let price = if code.eq_ignore_ascii_case("c2") || code == "OBED" {
                    40
                } else {
                    hourly_price
                };
                let _ = b.price(Price {
                    task,
                    price: Decimal::from(price),
                    valid_from: None,
                    row: 0,
                });
            }
        }
    }

    /// The timesheet; the fees charged in all.
    fn visits(&mut self, pss: &[(WorkerId, NaiveDate)], mix: &ClientMix) -> Decimal {
        let (rng, b, from, to) = (&mut self.rng, &mut self.b, self.from, self.to);
        let hourly_price = self.hourly_price;
        let ClientMix {
            clients,
            meal_only,
            weights,
        } = mix;
        // Worker-days, round robin over the year's weekdays (some weekends).
        let days: Vec<NaiveDate> = from
            .iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || d.day() % 7 == 0)
            .collect();
        let slots = (days.len() * pss.len()).max(1);
        let per_day = (self.synth.visits as f64 / slots as f64).ceil().max(1.0) as usize;
        let mut fees_total = Decimal::ZERO;
        let mut made = 0usize;
        b.reserve_visits(self.synth.visits.min(1 << 21));
        let mix_weights: Vec<u64> = MIX.iter().map(|m| m.1).collect();
        let cumulative: Vec<u64> = weights
            .iter()
            .scan(0u64, |acc, w| {
                *acc += w;
                Some(*acc)
            })
            .collect();
        let meal_mix: Vec<u64> = MIX
            .iter()
            .map(|m| if m.0 == "c2" || m.0 == "OBED" { m.1 } else { 0 })
            .collect();
        'outer: for day in &days {
            for &(w, starts) in pss {
                if *day < starts {
                    continue;
                }
                let mut t: u32 = 7 * 3600 + rng.range(0, 4) as u32 * 900;
                for _ in 0..per_day {
                    if made >= self.synth.visits {
                        break 'outer;
                    }
                    let ci = rng.weighted_cumulative(&cumulative);
                    let mix = if meal_only[ci] {
                        &meal_mix
                    } else {
                        &mix_weights
                    };
                    let m = MIX[rng.weighted(mix)];
                    let (code, _, lo, hi, qlo, qhi, rate) = m;
                    let rate = if rate == 150 { hourly_price } else { rate };
                    let Some(task) = b.find_task(code) else {
                        continue;
                    };
                    let kind = b.tasks().get(task).kind;
                    let minutes = rng.range(lo, hi) as u32;
                    let duration = minutes * 60;
                    let (client, exempt) = if kind.needs_client() {
                        (Some(clients[ci].0), clients[ci].1)
                    } else {
                        (None, false)
                    };
                    let travel = if client.is_some() {
                        rng.range(4, 20) as u32 * 60
                    } else {
                        0
                    };
                    let quantity = Decimal::from(rng.range(qlo, qhi));
                    let mut v = Visit::new(*day, w, client, task, duration)
                        .with_start(t % 86_400)
                        .with_travel(travel)
                        .with_quantity(quantity);
                    // Exempt clients pay only for meals, save a rare mistake.
                    let charge = !exempt || code == "c2" || code == "OBED" || rng.chance(5);
                    if rate > 0 && client.is_some() && charge {
                        let hourly = kind
                            .statutory()
                            .map(|s| s.fee_basis() == crate::FeeBasis::Hour)
                            .unwrap_or(true);
                        // A few rows charged over the cap, as real data has.
                        let rate = if rng.chance(1) { rate + 30 } else { rate };
                        let fee = if hourly {
                            Decimal::from(rate) * Decimal::from(duration) / Decimal::from(3600)
                        } else {
                            Decimal::from(rate) * quantity
                        };
                        let fee =
                            fee.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                        fees_total += fee;
                        v = v.with_fee(fee);
                    }
                    if b.visit(v).is_ok() {
                        made += 1;
                    }
                    t += duration + travel;
                }
            }
        }
        fees_total
    }

    fn finances(&mut self, n_pss: usize, staff_cost: Decimal, fees_total: Decimal) {
        let b = &mut self.b;
        // Costs scaled to the staff; revenues around them.
        let wages = (staff_cost / Decimal::new(1338, 3)).round_dp(2);
        let insurance = staff_cost - wages;
        let n = Decimal::from(n_pss as u64);
        let lines = [
            (CostCategory::Wages, wages),
            (CostCategory::Insurance, insurance),
            (CostCategory::OtherPersonnel, n * Decimal::from(9_000)),
            (CostCategory::Fuel, n * Decimal::from(38_000)),
            (CostCategory::Vehicles, n * Decimal::from(21_000)),
            (CostCategory::Material, n * Decimal::from(6_500)),
            (CostCategory::Energy, Decimal::from(84_000)),
            (CostCategory::Rent, Decimal::from(120_000)),
            (CostCategory::Services, n * Decimal::from(7_000)),
            (CostCategory::Training, n * Decimal::from(4_500)),
            (CostCategory::Repairs, n * Decimal::from(5_200)),
            (CostCategory::Depreciation, n * Decimal::from(18_000)),
            (CostCategory::Overhead, n * Decimal::from(25_000)),
        ];
        let mut cost_total = Decimal::ZERO;
        for (cat, amount) in lines {
            cost_total += amount;
            // A few million crowns at most: far inside the builder's bound.
            let _ = b.cost(CostLine::new(cat, amount));
        }
        let share = |pct: i64| (cost_total * Decimal::new(pct, 2)).round_dp(2);
        for (source, amount) in [
            (RevenueSource::UserFees, fees_total),
            (RevenueSource::Mpsv, share(45)),
            (RevenueSource::Region, share(5)),
            (RevenueSource::Municipality, share(22)),
            (RevenueSource::Other, share(2)),
        ] {
            let _ = b.revenue(RevenueLine {
                source,
                amount,
                row: 0,
            });
        }
    }
}
