//! Public money against the service (issue #32): the compensation, its
//! balance, what the state grant may not pay, the grant at risk, the
//! figures per unit of capacity and the region's method, each worked out
//! by hand in the comments.

use chrono::NaiveDate;
use homecare_audit::audit::FindingKind;
use homecare_audit::model::{FinancingKey, FinancingParam};
use homecare_audit::run::{AuditRequest, Source};
use homecare_audit::{
    Audit, AuditReport, Client, CostCategory, CostLine, Dataset, DatasetBuilder, Period, Provider,
    RevenueLine, RevenueSource, Role, Visit, Worker,
};
use rust_decimal::Decimal;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, day).unwrap()
}

fn kc(n: i64) -> Decimal {
    Decimal::from(n)
}

/// 1.1.–14.3.2025 (31 + 28 + 14 = 73 days): one care worker of 1 FTE, two
/// clients, both served on 6.1. (2 h each), one on 7.1. (1 h): 5 direct
/// hours. Costs 142 770 Kč, of which depreciation 1 250; fees 4 900, MPSV
/// 90 000, the municipality 30 000; `region` adds the region's grant.
fn service(region: Option<i64>) -> Dataset {
    let mut b = DatasetBuilder::new();
    let mut p = Provider::new("Služba");
    p.period = Period::new(d(1, 1), d(3, 14));
    p.region = Some("KHK".into());
    b.provider(p);
    let w = b
        .worker(Worker::new("P1", Role::Pss, Decimal::ONE))
        .unwrap();
    let c1 = b.client(Client::new("K1")).unwrap();
    let c2 = b.client(Client::new("K2")).unwrap();
    let task = b.find_task("b1").unwrap();
    for (day, c, h) in [(6, c1, 2), (6, c2, 2), (7, c1, 1)] {
        b.visit(Visit::new(d(1, day), w, Some(c), task, h * 3600))
            .unwrap();
    }
    b.cost(CostLine::new(CostCategory::Wages, kc(100_000)))
        .unwrap();
    b.cost(CostLine::new(CostCategory::Insurance, kc(33_800)))
        .unwrap();
    b.cost(CostLine::new(CostCategory::Fuel, kc(7_720)))
        .unwrap();
    b.cost(CostLine::new(CostCategory::Depreciation, kc(1_250)))
        .unwrap();
    let mut revenue = |source, amount| {
        b.revenue(RevenueLine {
            source,
            amount: kc(amount),
            row: 0,
        })
        .unwrap()
    };
    revenue(RevenueSource::UserFees, 4_900);
    revenue(RevenueSource::Mpsv, 90_000);
    revenue(RevenueSource::Municipality, 30_000);
    if let Some(r) = region {
        revenue(RevenueSource::Region, r);
    }
    b.build()
}

fn value(r: &AuditReport, id: &str) -> Option<Decimal> {
    r.value(id)
}

#[test]
fn a_shortfall_is_a_shortfall_and_overcompensation_a_finding() {
    // Costs 100 000 + 33 800 + 7 720 + 1 250 = 142 770. Public 90 000 +
    // 30 000 = 120 000; own 4 900; net 142 770 − 4 900 = 137 870;
    // balance 120 000 − 137 870 − 0 = −17 870: a shortfall, no finding.
    // Ineligible: the depreciation, 1 250 (NV 98/2015 § 1(2)(d)).
    let r = Audit::new(&service(None)).run();
    assert_eq!(value(&r, "finance.public_funding"), Some(kc(120_000)));
    assert_eq!(value(&r, "finance.own_revenue"), Some(kc(4_900)));
    assert_eq!(value(&r, "finance.net_cost"), Some(kc(137_870)));
    assert_eq!(value(&r, "finance.compensation_balance"), Some(kc(-17_870)));
    assert_eq!(value(&r, "finance.ineligible_costs"), Some(kc(1_250)));
    assert!(r.finance.ineligible[0].why.cs.contains("písm. d)"));
    assert!(
        !r.finding_counts
            .contains_key(&FindingKind::Overcompensation)
    );
    // The state grant: eligible 142 770 − 1 250 = 141 520; less own 4 900
    // and the municipality's 30 000 leaves 106 620 for MPSV's 90 000:
    // nothing at risk.
    assert_eq!(
        value(&r, "finance.state_grant_at_risk"),
        Some(Decimal::ZERO)
    );

    // With the region's 40 000: public 160 000, balance 160 000 − 137 870
    // = +22 130, an overcompensation finding with the amount. The grant:
    // 141 520 − 4 900 − 70 000 = 66 620 of room, 90 000 − 66 620 = 23 380
    // at risk.
    let r = Audit::new(&service(Some(40_000))).run();
    assert_eq!(value(&r, "finance.compensation_balance"), Some(kc(22_130)));
    assert_eq!(r.finding_counts[&FindingKind::Overcompensation], 1);
    let f = r
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Overcompensation)
        .unwrap();
    assert_eq!(f.amount, Some(kc(22_130)));
    assert_eq!(value(&r, "finance.state_grant_at_risk"), Some(kc(23_380)));
    let steps: Vec<Decimal> = r.finance.grant_steps.iter().map(|s| s.amount).collect();
    assert_eq!(
        steps,
        [
            142_770, 1_250, 141_520, 4_900, 70_000, 66_620, 90_000, 23_380
        ]
        .map(kc)
    );
}

#[test]
fn per_unit_of_capacity_and_the_region_s_method() {
    // Network capacity 2 FTE, registered capacity 4 clients. Cost per
    // direct FTE: 142 770 × 365 / 73 = 713 850 a year for 1 PSS FTE.
    // Public money per network FTE: 160 000 × 5 / 2 = 400 000. PSS FTE
    // against the network: 1 / 2 = 0.5. The busiest day (6.1.) had 2
    // clients of 4: 0.5.
    let mut ds = service(Some(40_000));
    ds.provider.network_fte = Some(kc(2));
    ds.provider.capacity_clients = Some(4);
    // The region's method: 600 000 Kč per FTE a year, own revenue 10 %
    // of it, municipalities 12 %. Normative cost over 73 days: 2 × 600 000
    // × 73 / 365 = 240 000; expected own 24 000; optimal compensation
    // 216 000; received 160 000, −56 000 against it. The municipalities'
    // expected part 0.12 × 216 000 = 25 920 beside the 30 000 they paid.
    let param = |key, value: Decimal| FinancingParam {
        region: Some("KHK".into()),
        valid_from: Some(d(1, 1)),
        valid_to: None,
        key,
        value,
        source: "Zásady KHK (příklad)".into(),
        place: String::new(),
    };
    ds.financing = vec![
        param(FinancingKey::NormativeCostPerFte, kc(600_000)),
        param(FinancingKey::OwnRevenueShare, Decimal::new(1, 1)),
        param(FinancingKey::MunicipalShare, Decimal::new(12, 2)),
        // Another region's figure never applies.
        FinancingParam {
            region: Some("JHC".into()),
            ..param(FinancingKey::NormativeCostPerFte, kc(1))
        },
    ];
    let r = Audit::new(&ds).run();
    assert_eq!(value(&r, "finance.cost_per_direct_fte"), Some(kc(713_850)));
    assert_eq!(
        value(&r, "finance.public_funding_per_network_fte"),
        Some(kc(400_000))
    );
    assert_eq!(
        value(&r, "staff.direct_fte_vs_network"),
        Some(Decimal::new(5, 1))
    );
    assert_eq!(
        value(&r, "capacity.peak_clients_share"),
        Some(Decimal::new(5, 1))
    );
    assert_eq!(value(&r, "finance.optimal_compensation"), Some(kc(216_000)));
    assert_eq!(
        value(&r, "finance.compensation_vs_optimal"),
        Some(kc(-56_000))
    );
    let m = r.finance.method.as_ref().unwrap();
    let steps: Vec<Decimal> = m.steps.iter().map(|s| s.amount).collect();
    assert_eq!(
        steps,
        [
            kc(2),
            kc(600_000),
            kc(73),
            kc(240_000),
            kc(24_000),
            kc(216_000),
            kc(160_000),
            kc(-56_000),
            kc(25_920),
            kc(30_000)
        ]
    );

    // Without the sheet: not available, never invented.
    let r = Audit::new(&service(Some(40_000))).run();
    let why = &r.indicators["finance.optimal_compensation"].unavailable;
    assert!(
        why.as_ref()
            .unwrap()
            .en
            .contains("region's parameters are not given")
    );
    assert!(value(&r, "staff.direct_fte_vs_network").is_none());
}

#[test]
fn without_revenues_or_costs_the_figures_say_why() {
    let mut ds = service(None);
    ds.revenues = None;
    let r = Audit::new(&ds).run();
    for id in [
        "finance.public_funding",
        "finance.own_revenue",
        "finance.net_cost",
        "finance.compensation_balance",
        "finance.state_grant_at_risk",
    ] {
        let i = &r.indicators[id];
        assert!(i.value.is_none(), "{id}");
        assert!(
            i.unavailable.as_ref().unwrap().cs.contains("Výnosy"),
            "{id}"
        );
    }
    // The costs alone still give what they can.
    assert_eq!(value(&r, "finance.ineligible_costs"), Some(kc(1_250)));
}

/// A provider's workbook written cell by cell, with the bad inputs.
fn bad_workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Poskytovatel").unwrap();
    let rows: [(&str, &str); 5] = [
        ("Název", "Služba"),
        ("Kraj", "KHK"),
        ("Kapacita v síti (úvazky)", "0"),
        ("Kapacita (klienti)", "12"),
        ("Přiměřený zisk", "-5"),
    ];
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_row(i as u32, 0, [*k, *v]).unwrap();
    }
    let ws = wb.add_worksheet().set_name("Pracovníci").unwrap();
    ws.write_row(0, 0, ["ID", "Role", "Úvazek"]).unwrap();
    ws.write_row(1, 0, ["P1", "PSS"]).unwrap();
    ws.write_number(1, 2, 1).unwrap();
    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    ws.write_row(0, 0, ["Datum", "Pracovník", "Klient", "Úkon", "Minut"])
        .unwrap();
    ws.write_row(1, 1, ["P1", "K1", "b1"]).unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("d.m.yyyy");
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 3).unwrap();
    ws.write_datetime_with_format(1, 0, &day, &date).unwrap();
    ws.write_number(1, 4, 60).unwrap();
    let ws = wb.add_worksheet().set_name("Náklady").unwrap();
    ws.write_row(0, 0, ["Kategorie", "Částka", "Uznatelné"])
        .unwrap();
    ws.write_string(1, 0, "mzdy").unwrap();
    ws.write_number(1, 1, 50_000).unwrap();
    ws.write_string(2, 0, "sluzby").unwrap();
    ws.write_number(2, 1, 2_000).unwrap();
    ws.write_string(2, 2, "ne").unwrap();
    ws.write_string(3, 0, "material").unwrap();
    ws.write_number(3, 1, 1_000).unwrap();
    ws.write_string(3, 2, "částečně").unwrap();
    let ws = wb.add_worksheet().set_name("Výnosy").unwrap();
    ws.write_row(0, 0, ["Zdroj", "Částka"]).unwrap();
    ws.write_string(1, 0, "mpsv").unwrap();
    ws.write_number(1, 1, -5_000).unwrap();
    ws.write_string(2, 0, "obec").unwrap();
    ws.write_number(2, 1, 10_000).unwrap();
    let ws = wb.add_worksheet().set_name("Financování").unwrap();
    ws.write_row(0, 0, ["Parametr", "Hodnota", "Zdroj"])
        .unwrap();
    ws.write_row(1, 0, ["podíl obcí", "1,5", "Zásady"]).unwrap();
    ws.write_row(2, 0, ["normativní náklad na úvazek", "600000"])
        .unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn bad_financing_inputs_are_rejected_with_their_place() {
    // A capacity of 0 (Poskytovatel!B3), a negative profit (B5), a
    // negative grant (Výnosy!B2), a share over 1 (Financování!B2) and a row
    // without a source (Financování!C3): each rejected with its place; an
    // unreadable Uznatelné (Náklady!C4) a notice, the cost kept. The other
    // figures stand: costs 50 000 + 2 000 + 1 000 = 53 000, of which 2 000
    // marked not eligible; public money the municipality's 10 000; the
    // balance not available (the rejected profit never passes as 0).
    let audited = AuditRequest::new(Source::bytes("spatne.xlsx", bad_workbook()))
        .run()
        .unwrap();
    let r = audited.report();
    let places: Vec<String> = r
        .problems
        .iter()
        .map(|p| format!("{} {}", p.place, p.kind()))
        .collect();
    for want in [
        "Poskytovatel!B3 out_of_range",
        "Poskytovatel!B5 negative",
        "Výnosy!B2 negative",
        "Financování!B2 out_of_range",
        "Financování!C3 missing",
        "Náklady!C4 eligible_unread",
    ] {
        assert!(places.iter().any(|p| p == want), "{want} in {places:?}");
    }
    assert_eq!(r.rows["Financování"].read, 2);
    assert_eq!(r.rows["Financování"].rejected, 2);
    assert_eq!(places.len(), 6, "{places:?}");
    assert_eq!(value(r, "finance.public_funding"), Some(kc(10_000)));
    assert_eq!(value(r, "finance.ineligible_costs"), Some(kc(2_000)));
    assert_eq!(value(r, "cost.total"), Some(kc(53_000)));
    let why = r.indicators["finance.compensation_balance"]
        .unavailable
        .as_ref()
        .unwrap();
    assert!(why.cs.contains("Poskytovatel!B5"), "{why:?}");
    assert!(value(r, "staff.direct_fte_vs_network").is_none());
    // The registered capacity stands: 1 client on the busiest day of 12.
    assert_eq!(
        value(r, "capacity.peak_clients_share"),
        Some(Decimal::ONE / kc(12))
    );
}

#[test]
fn a_financing_workbook_is_read_beside_the_records() {
    // The example Financování sheet (KHK, from 1.1.2025: 720 000 Kč per
    // FTE, own revenue 25 %, municipalities 12 %) applies to the sample
    // (KHK, 2025); the sample states no network capacity, so the optimal
    // compensation says that, not a figure.
    let audited = AuditRequest::new(Source::path("fixtures/sample.xlsx"))
        .financing(Some(Source::path("fixtures/benchmarks-example.xlsx")))
        .run()
        .unwrap();
    let r = audited.report();
    let m = r.finance.method.as_ref().expect("the sheet applies");
    let values: Vec<Decimal> = m.parameters.iter().map(|p| p.value).collect();
    assert_eq!(
        values,
        [kc(720_000), Decimal::new(25, 2), Decimal::new(12, 2)]
    );
    assert!(m.parameters[0].source.starts_with("PŘÍKLAD"));
    let why = r.indicators["finance.optimal_compensation"]
        .unavailable
        .as_ref()
        .unwrap();
    assert!(why.en.contains("Network capacity"), "{why:?}");
}

#[test]
fn accounts_name_what_the_grant_may_not_pay_and_the_map_may_say_otherwise() {
    // Výsledovka: 521 wages 100 000, 551 depreciation 3 000, 543 gifts
    // 500, 555 provisions 2 000. By the rules 551, 543 and 555 are
    // ineligible: 5 500. The auditor's map says the gifts (543) were a
    // contractual benefit the grant may pay (Uznatelné: ano): 5 000.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Výkazy").unwrap();
    ws.write_row(0, 0, ["Datum", "Pracovník", "Klient", "Úkon", "Minut"])
        .unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("d.m.yyyy");
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 3).unwrap();
    ws.write_datetime_with_format(1, 0, &day, &date).unwrap();
    ws.write_row(1, 1, ["P1", "K1", "b1"]).unwrap();
    ws.write_number(1, 4, 60).unwrap();
    let ws = wb.add_worksheet().set_name("Výsledovka").unwrap();
    ws.write_row(0, 0, ["Účet", "Název", "Částka"]).unwrap();
    for (i, (a, n, v)) in [
        ("521", "Mzdové náklady", 100_000),
        ("551", "Odpisy", 3_000),
        ("543", "Dary", 500),
        ("555", "Tvorba rezerv", 2_000),
    ]
    .iter()
    .enumerate()
    {
        let r = 1 + i as u32;
        ws.write_row(r, 0, [*a, *n]).unwrap();
        ws.write_number(r, 2, f64::from(*v)).unwrap();
    }
    let by_rules = wb.save_to_buffer().unwrap();
    let ws = wb.add_worksheet().set_name("Účtová mapa").unwrap();
    ws.write_row(
        0,
        0,
        [
            "Účet",
            "Název",
            "Kategorie",
            "Skupina",
            "Zdroj",
            "Poznámka",
            "Uznatelné",
        ],
    )
    .unwrap();
    ws.write_row(
        1,
        0,
        [
            "543",
            "Dary dle KS",
            "ostatni",
            "",
            "",
            "kolektivní smlouva",
            "ano",
        ],
    )
    .unwrap();
    let with_map = wb.save_to_buffer().unwrap();
    let ineligible = |bytes: Vec<u8>| {
        let a = AuditRequest::new(Source::bytes("u.xlsx", bytes))
            .run()
            .unwrap();
        let r = a.report();
        let accounts: Vec<Option<String>> = r
            .finance
            .ineligible
            .iter()
            .map(|l| l.account.clone())
            .collect();
        (r.value("finance.ineligible_costs"), accounts)
    };
    let (total, accounts) = ineligible(by_rules);
    assert_eq!(total, Some(kc(5_500)));
    assert_eq!(
        accounts,
        [
            Some("551".to_string()),
            Some("543".to_string()),
            Some("555".to_string())
        ]
    );
    let (total, _) = ineligible(with_map);
    assert_eq!(total, Some(kc(5_000)));
}

#[test]
fn a_state_grant_not_told_apart_is_not_a_grant_of_zero() {
    // The 90 000 as an unattributed public grant (an NGO's 691): the
    // public money is the same 120 000, but what of it is the state's is
    // not known, so nothing can be said to be at risk.
    let mut ds = service(None);
    for r in ds.revenues.iter_mut().flatten() {
        if r.source == RevenueSource::Mpsv {
            r.source = RevenueSource::PublicUnattributed;
        }
    }
    let r = Audit::new(&ds).run();
    assert_eq!(value(&r, "finance.public_funding"), Some(kc(120_000)));
    let why = r.indicators["finance.state_grant_at_risk"]
        .unavailable
        .as_ref()
        .unwrap();
    assert!(why.en.contains("not told apart"), "{why:?}");
}

#[test]
fn the_later_financing_row_and_the_region_s_own_win() {
    // Two rows of one parameter valid from the same day: the region's
    // own beats one for any region, and of two alike the later (the
    // --financing workbook, read after the input's sheet) wins.
    use homecare_audit::model::financing_for;
    let row = |region: Option<&str>, v: i64| FinancingParam {
        region: region.map(Into::into),
        valid_from: None,
        valid_to: None,
        key: FinancingKey::NormativeCostPerFte,
        value: kc(v),
        source: "x".into(),
        place: String::new(),
    };
    let end = d(12, 31);
    let alike = [row(None, 1), row(None, 2)];
    assert_eq!(financing_for(&alike, Some("KHK"), end)[0].value, kc(2));
    let own_first = [row(Some("KHK"), 3), row(None, 4)];
    assert_eq!(financing_for(&own_first, Some("KHK"), end)[0].value, kc(3));
}
