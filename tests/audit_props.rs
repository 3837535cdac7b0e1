//! Invariants of the audit on generated providers.

use homecare_audit::audit::Audit;
use homecare_audit::synth::{Rng, Synth};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn sum(r: &homecare_audit::audit::AuditReport, ids: impl Iterator<Item = String>) -> Decimal {
    ids.map(|id| r.value(&id).unwrap_or_else(|| panic!("{id}")))
        .sum()
}

/// Equal to the last of 28 digits' rounding (a sum of six quotients).
fn near_one(x: Decimal) -> bool {
    (x - Decimal::ONE).abs() < Decimal::new(1, 20)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn shares_sum_to_one_and_tables_add_up(seed in 0u64..1_000_000, rows in 50usize..1500) {
        let ds = Synth::new(seed, rows).dataset();
        let r = Audit::new(&ds).run();
        let degrees = ["none", "I", "II", "III", "IV", "unknown"];
        let by_clients = sum(&r, degrees.iter().map(|d| format!("target.clients_by_degree.{d}")));
        let by_hours = sum(&r, degrees.iter().map(|d| format!("target.hours_by_degree.{d}")));
        let groups = ["personal_care", "meal", "household", "contact"];
        let by_group = sum(&r, groups.iter().map(|g| format!("target.{g}_share")));
        prop_assert!(near_one(by_clients), "{}", by_clients);
        prop_assert!(near_one(by_hours), "{}", by_hours);
        prop_assert!(near_one(by_group), "{}", by_group);

        // Per-worker and per-client seconds add up to the provider's totals
        // exactly; so do the months.
        let direct: u64 = ds.visits.iter()
            .filter(|v| ds.task(v.task).kind.statutory().is_some())
            .map(|v| u64::from(v.duration)).sum();
        prop_assert_eq!(r.workers.iter().map(|w| w.direct_seconds).sum::<u64>(), direct);
        prop_assert_eq!(r.clients.iter().map(|c| c.direct_seconds).sum::<u64>(), direct);
        prop_assert_eq!(r.months.iter().map(|m| m.direct_seconds).sum::<u64>(), direct);
        for c in &r.clients {
            prop_assert_eq!(c.group_seconds.iter().sum::<u64>(), c.direct_seconds);
        }
        let travel: u64 = ds.visits.iter().map(|v| {
            let own = if ds.task(v.task).kind.code() == "CESTA" { u64::from(v.duration) } else { 0 };
            own + u64::from(v.travel)
        }).sum();
        prop_assert_eq!(r.workers.iter().map(|w| w.travel_seconds).sum::<u64>(), travel);

        // Money is exact to the haléř: fees by client and by month add up
        // to the rows' fees, and the excess equals the findings' amounts.
        let fees: Decimal = ds.visits.iter().filter_map(|v| v.fee).sum();
        let client_fees: Decimal = r.clients.iter().map(|c| c.fees).sum();
        let month_fees: Decimal = r.months.iter().map(|m| m.fees).sum();
        prop_assert_eq!(client_fees, fees);
        prop_assert_eq!(month_fees, fees);
        prop_assert_eq!(client_fees.scale() <= 2, true);
        if let Some(excess) = r.value("fees.excess_total") {
            let listed: Decimal = r.findings.iter()
                .filter(|f| f.kind == homecare_audit::audit::FindingKind::FeeOverCap)
                .filter_map(|f| f.amount).sum();
            prop_assert_eq!(listed, excess);
        }
        if let (Some(total), Some(costs)) = (r.value("cost.total"), &ds.costs) {
            prop_assert_eq!(total, costs.iter().map(|c| c.amount).sum::<Decimal>());
        }

        // The hour's build-up adds up exactly to cost.per_direct_hour, the
        // normative lines to the price, the comparison rows to both.
        if let Some(bu) = &r.hour.buildup {
            let lines: Decimal = bu.lines.iter().map(|l| l.per_hour).sum();
            prop_assert_eq!(Some(lines), r.value("cost.per_direct_hour"));
            let amounts: Decimal = bu.lines.iter().filter_map(|l| l.amount).sum();
            prop_assert_eq!(amounts, bu.total);
            let c = r.hour.normative_comparison.as_ref().unwrap();
            prop_assert_eq!(c.rows.iter().map(|x| x.actual).sum::<Decimal>(), bu.per_direct_hour);
            let n = r.hour.normative.as_ref().unwrap();
            prop_assert_eq!(c.rows.iter().map(|x| x.normative).sum::<Decimal>(), n.price);
        }
        if let Some(n) = &r.hour.normative {
            prop_assert_eq!(n.lines.iter().map(|l| l.line.per_hour).sum::<Decimal>(), n.price);
        }
        // Every visit is banded or counted as unsequenced; all travel in the
        // period is attributed to a visit or reported as unattributed.
        let t = &r.hour.travel;
        let banded: u64 = t.bands.iter().map(|b| b.visits).sum();
        prop_assert_eq!(banded + t.unsequenced_visits, t.visits);
        prop_assert_eq!(t.travel_seconds, r.workers.iter().map(|w| w.travel_seconds).sum::<u64>());
        prop_assert_eq!(t.contact_seconds, r.workers.iter().map(|w| w.direct_seconds).sum::<u64>());
    }

    #[test]
    fn permuting_the_visit_rows_changes_nothing(seed in 0u64..1_000_000, rows in 50usize..800, shuffle in any::<u64>()) {
        let mut ds = Synth::new(seed, rows).dataset();
        // Rows as read from a sheet, then a duplicate to exercise "earlier".
        for (i, v) in ds.visits.iter_mut().enumerate() {
            v.row = i as u32 + 2;
        }
        if let Some(mut dup) = ds.visits.first().cloned() {
            dup.row = ds.visits.len() as u32 + 2;
            ds.visits.push(dup);
        }
        let before = Audit::new(&ds).run();
        let mut rng = Rng::new(shuffle);
        for i in (1..ds.visits.len()).rev() {
            let j = rng.range(0, i as u64) as usize;
            ds.visits.swap(i, j);
        }
        let after = Audit::new(&ds).run();
        prop_assert_eq!(&after.indicators, &before.indicators);
        prop_assert_eq!(&after.workers, &before.workers);
        prop_assert_eq!(&after.clients, &before.clients);
        prop_assert_eq!(&after.months, &before.months);
        prop_assert_eq!(&after.hour, &before.hour);
        let key = |f: &homecare_audit::audit::Finding| (f.kind, f.place.clone(), f.detail.clone());
        let mut a: Vec<_> = after.findings.iter().map(key).collect();
        let mut b: Vec<_> = before.findings.iter().map(key).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }
}

/// A value at one of the edges the reader lets through: the smallest, a
/// hair above it, one, just under one, or the largest allowed.
fn edge(pick: u8, min: Decimal, max: Decimal) -> Decimal {
    let v = match pick % 5 {
        0 => min,
        1 => min + Decimal::new(1, 28),
        2 => Decimal::ONE,
        3 => Decimal::new(999_999, 6),
        _ => max,
    };
    v.clamp(min, max)
}

/// A parameter set in code, where nothing checks it: an edge of its range,
/// or far outside it (vanishingly small or `Decimal::MAX`).
fn any_parameter(pick: u8, min: Decimal, max: Decimal) -> Decimal {
    match pick % 7 {
        5 => Decimal::new(1, 28),
        6 => Decimal::MAX,
        p => edge(p, min, max),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every fee, price and quantity at an edge of what the reader accepts
    /// (up to MAX_NUMBER), every normative parameter at an edge of its
    /// range or far outside it (as code may set them): the audit finishes (no overflow panics) and its row
    /// accounting is untouched. Before the bounds, two fees of 5·10²⁸
    /// overflowed the sum of fees.
    #[test]
    fn extreme_amounts_and_parameters_never_panic(seed in 0u64..1_000_000, picks in proptest::collection::vec(any::<u8>(), 64)) {
        use homecare_audit::model::{MAX_NUMBER, NORMATIVE_PARAMS, NormativeParams};
        let mut ds = Synth::new(seed, 200).dataset();
        let mut k = 0usize;
        let mut next = || { k += 1; picks[k % picks.len()] };
        for v in &mut ds.visits {
            v.fee = Some(edge(next(), Decimal::ZERO, MAX_NUMBER));
            v.quantity = edge(next(), Decimal::ZERO, MAX_NUMBER);
        }
        for p in &mut ds.prices {
            p.price = edge(next(), Decimal::ZERO, MAX_NUMBER);
        }
        let mut params = NormativeParams::example_cz();
        for spec in NORMATIVE_PARAMS {
            params.set(spec.id, any_parameter(next(), spec.min, spec.max));
        }
        ds.normative = Some(params);
        let r = Audit::new(&ds).run();
        prop_assert_eq!(r.workers.len(), ds.workers.len());
    }

    /// Any dataset the builder accepts audits without panic, with costs and
    /// revenues at the builder's bound (±MAX_NUMBER, the reader's): every
    /// cost and revenue line at an edge of it, fees and quantities too, and
    /// one past it refused. The scenarios (which multiply costs by FTE and
    /// fees by clients and months) must say "not available" rather than
    /// overflow.
    #[test]
    fn costs_and_revenues_at_the_builders_bound_audit_without_panic(seed in 0u64..1_000_000, picks in proptest::collection::vec(any::<u8>(), 64)) {
        use homecare_audit::model::MAX_NUMBER;
        use homecare_audit::{CostLine, Dataset, RevenueLine};
        let mut ds = Synth::new(seed, 200).dataset();
        let mut k = 0usize;
        let mut next = || { k += 1; picks[k % picks.len()] };
        let mut b = Dataset::builder();
        for c in ds.costs.iter().flatten() {
            let amount = edge(next(), -MAX_NUMBER, MAX_NUMBER);
            let line = CostLine { amount, ..c.clone() };
            prop_assert!(b.cost(line).is_ok());
            let past = CostLine { amount: MAX_NUMBER + Decimal::ONE, ..c.clone() };
            prop_assert!(b.cost(past).is_err());
        }
        for r in ds.revenues.iter().flatten() {
            let amount = edge(next(), -MAX_NUMBER, MAX_NUMBER);
            let line = RevenueLine { amount, ..r.clone() };
            prop_assert!(b.revenue(line).is_ok());
            let past = RevenueLine { amount: -MAX_NUMBER - Decimal::ONE, ..r.clone() };
            prop_assert!(b.revenue(past).is_err());
        }
        let built = b.build();
        prop_assert_eq!(built.costs.as_ref().map(Vec::len), ds.costs.as_ref().map(Vec::len));
        ds.costs = built.costs;
        ds.revenues = built.revenues;
        for v in &mut ds.visits {
            v.fee = Some(edge(next(), Decimal::ZERO, MAX_NUMBER));
        }
        let r = Audit::new(&ds).run();
        prop_assert_eq!(r.clients.len(), ds.clients.len());
    }
}
