//! What an hour costs and why: the actual hour built up line by line
//! ([`HourBuildup`]), travel per contact hour by visit length
//! ([`TravelAnalysis`]), a normative price from explicit parameters
//! ([`NormativePrice`]) set beside the actual one, and what-if
//! [`Scenario`]s.

mod buildup;
mod normative;
mod retarget;
mod scenarios;
mod travel;

pub use buildup::{BUILDUP_LINES, CareCostMethod, HourBuildup, HourLine};
pub use normative::{
    COMPARISON_ROWS, ComparisonRow, NormativeComparison, NormativeLine, NormativePrice,
};
pub use scenarios::{Scenario, ScenarioEffect};
pub use travel::{BANDS, TravelAnalysis, TravelBand, travel_per_contact_hour};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Lines are kept to 20 decimal places so that any sum of them is exact
/// in `Decimal`'s 28 digits; one line per table then takes the remainder
/// to meet the total exactly. (Display rounds to haléř far later.)
pub(crate) fn internal(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(20, RoundingStrategy::MidpointAwayFromZero)
}

use super::base::Base;
use super::fees::AtCap;
use super::report::Unavailable;
use crate::model::NormativeParams;

/// The hour analysis of one audit (JSON keys `hour_buildup`, `travel`,
/// `normative`, `normative_comparison`, `scenarios`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HourAnalysis {
    /// The actual hour, line by line; `None` without costs or direct hours.
    #[serde(rename = "hour_buildup")]
    pub buildup: Option<HourBuildup>,
    /// Why there is no build-up.
    #[serde(
        rename = "hour_buildup_unavailable",
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::i18n::both_languages"
    )]
    pub buildup_unavailable: Option<Unavailable>,
    /// Travel per contact hour, overall and by visit length.
    pub travel: TravelAnalysis,
    /// The normative price; `None` when its parameters do not give one.
    pub normative: Option<NormativePrice>,
    /// Why there is no normative price.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::i18n::both_languages"
    )]
    pub normative_unavailable: Option<Unavailable>,
    /// Actual against normative (needs both).
    pub normative_comparison: Option<NormativeComparison>,
    /// What-if scenarios.
    pub scenarios: Vec<Scenario>,
}

impl HourAnalysis {
    /// A scenario by id.
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Nothing: for an audit without a period.
    pub(crate) fn empty(why: &Unavailable) -> HourAnalysis {
        HourAnalysis {
            buildup: None,
            buildup_unavailable: Some(why.clone()),
            travel: TravelAnalysis::default(),
            normative: None,
            normative_unavailable: Some(why.clone()),
            normative_comparison: None,
            scenarios: Vec::new(),
        }
    }
}

pub(crate) fn analyse(
    b: &Base<'_>,
    at_cap: &AtCap,
    user_fees: Option<Decimal>,
    options: &crate::audit::AuditOptions,
) -> HourAnalysis {
    let (mut travel, client_travel) = travel::analyse(b);
    let (buildup, buildup_unavailable) = match buildup::build(b) {
        Ok(x) => (Some(x), None),
        Err(e) => (None, Some(e)),
    };
    if let Some(bu) = &buildup {
        band_costs(bu, &mut travel);
    }
    let example = NormativeParams::example_cz();
    let params = b.ds.normative.as_ref().unwrap_or(&example);
    let used = used_params(params, options);
    // The price reads none of the scenarios' inputs: it is the `Model`
    // sheet's, and it prints the parameters the whole audit used.
    let (normative, normative_unavailable) = match NormativePrice::price(params, b.period.to, b.law)
    {
        Ok(mut p) => {
            p.parameters = used.clone();
            (Some(p), None)
        }
        Err(e) => (None, Some(e)),
    };
    let normative_comparison = match (&normative, &buildup) {
        (Some(n), Some(a)) => Some(n.compare(a)),
        _ => None,
    };
    let scenarios = vec![
        scenarios::fees_at_cap(b, at_cap, user_fees),
        scenarios::caps_on_date(b, at_cap, options.caps_date),
        scenarios::meals_to_meal_service(b, &client_travel),
        scenarios::target_utilisation(b, used.target_utilisation, buildup.as_ref()),
        retarget::retarget_high_dependency(
            b,
            &client_travel,
            buildup.as_ref(),
            used.retarget_low_share,
            used.retarget_new_clients,
        ),
    ];
    HourAnalysis {
        buildup,
        buildup_unavailable,
        travel,
        normative,
        normative_unavailable,
        normative_comparison,
        scenarios,
    }
}

/// The parameters the audit uses: the `Model` sheet's (or the examples),
/// with the retargeting inputs given for this run in their place, each
/// with that as its source, so that what is printed is what was used.
fn used_params(params: &NormativeParams, options: &crate::audit::AuditOptions) -> NormativeParams {
    let mut used = params.clone();
    let mut given = |id: &str, flag: &str| {
        used.sources.insert(
            id.to_string(),
            format!(
                "zadáno pro tento audit ({flag}, AuditOptions::{id}) / given for this audit ({flag}, AuditOptions::{id})"
            ),
        );
    };
    if options.retarget_low_share.is_some() {
        given("retarget_low_share", "--retarget-share");
    }
    if options.retarget_new_clients.is_some() {
        given("retarget_new_clients", "--retarget-clients");
    }
    used.retarget_low_share = options
        .retarget_low_share
        .unwrap_or(used.retarget_low_share);
    used.retarget_new_clients = options
        .retarget_new_clients
        .unwrap_or(used.retarget_new_clients);
    used
}

/// How visit length drives the cost of an hour: travel pay and vehicles
/// cost `k` per travel hour; everything else is taken as fixed per contact
/// hour. Then a band with `x` travel minutes per contact hour costs
/// `F + k × x / 60`, where `F` makes the overall travel give exactly
/// `cost.per_direct_hour`.
fn band_costs(bu: &HourBuildup, travel: &mut TravelAnalysis) {
    let Some(overall) = travel.travel_minutes_per_contact_hour else {
        return;
    };
    let h60 = Decimal::from(60);
    let travel_h = Decimal::from(travel.travel_seconds) / Decimal::from(3600);
    let travel_cost = bu.line("travel").and_then(|l| l.amount).unwrap_or_default()
        + bu.line("vehicles")
            .and_then(|l| l.amount)
            .unwrap_or_default();
    let k = travel_cost
        .checked_div(travel_h)
        .filter(|_| !travel_h.is_zero())
        .unwrap_or_default();
    let fixed = bu.per_direct_hour - k * overall / h60;
    for band in &mut travel.bands {
        band.cost_per_contact_hour = band
            .travel_minutes_per_contact_hour
            .map(|x| fixed + k * x / h60);
    }
}
