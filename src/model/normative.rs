//! The parameters of the normative price model (`Model` sheet): what an
//! hour of care *should* cost when run as the parameters say. Data only;
//! the price itself is worked out in [`crate::audit::hour_cost`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One parameter of the model: its id, labels and unit, for the `Model`
/// sheet and the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamSpec {
    /// Stable id (`care_pay_monthly`).
    pub id: &'static str,
    /// Czech label (the `Model` sheet accepts it too).
    pub cs: &'static str,
    /// English label.
    pub en: &'static str,
    /// Unit, as shown.
    pub unit: &'static str,
    /// Smallest value accepted.
    pub min: Decimal,
    /// Largest value accepted. The ranges are wide enough for any currency
    /// and any honest model, and keep the price's arithmetic far from
    /// `Decimal`'s limits (no divisor can be vanishingly small: at least one
    /// weekly hour, at least 5 % utilisation, overhead and margin together
    /// at most 90 % of the price).
    pub max: Decimal,
}

const fn spec(
    id: &'static str,
    cs: &'static str,
    en: &'static str,
    unit: &'static str,
    min: Decimal,
    max: Decimal,
) -> ParamSpec {
    ParamSpec {
        id,
        cs,
        en,
        unit,
        min,
        max,
    }
}

/// `n` × 10^-`scale`, for the ranges.
const fn dec(n: u32, scale: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, false, scale)
}

/// Every parameter, in the order the report lists them.
pub const PARAMS: &[ParamSpec] = &[
    spec(
        "care_pay_monthly",
        "Hrubá mzda pečovatele (měsíčně, plný úvazek)",
        "Care worker gross pay (monthly, full time)",
        "měna/měsíc",
        dec(0, 0),
        dec(100_000_000, 0),
    ),
    spec(
        "care_pay_hourly",
        "Hrubá hodinová mzda pečovatele (místo měsíční)",
        "Care worker gross hourly pay (instead of monthly)",
        "měna/h",
        dec(0, 0),
        dec(1_000_000, 0),
    ),
    spec(
        "supervisor_pay_monthly",
        "Hrubá mzda sociálního pracovníka / vedoucího (měsíčně)",
        "Social worker / head gross pay (monthly)",
        "měna/měsíc",
        dec(0, 0),
        dec(100_000_000, 0),
    ),
    spec(
        "supervisor_fte_per_care_fte",
        "Úvazky vedení a sociální práce na 1 úvazek pečovatele",
        "Management and social work FTE per care FTE",
        "poměr",
        dec(0, 0),
        dec(10, 0),
    ),
    spec(
        "weekly_hours",
        "Týdenní pracovní doba",
        "Weekly hours",
        "h",
        dec(1, 0),
        dec(168, 0),
    ),
    spec(
        "leave_weeks",
        "Dovolená (týdny za rok)",
        "Leave (weeks a year)",
        "týdny",
        dec(0, 0),
        dec(26, 0),
    ),
    spec(
        "sickness_share",
        "Podíl placené nemoci z ročního fondu",
        "Paid sickness, share of annual hours",
        "podíl",
        dec(0, 0),
        dec(5, 1),
    ),
    spec(
        "training_hours",
        "Vzdělávání (hodin za rok)",
        "Training (hours a year)",
        "h",
        dec(0, 0),
        dec(2_000, 0),
    ),
    spec(
        "on_cost_rate",
        "Odvody zaměstnavatele (přepíše zákonné řádky)",
        "Employer on-costs (overrides the legal rows)",
        "podíl",
        dec(0, 0),
        dec(2, 0),
    ),
    spec(
        "public_employer",
        "Veřejný zaměstnavatel (1 = ano)",
        "Public employer (1 = yes)",
        "0/1",
        dec(0, 0),
        dec(1, 0),
    ),
    spec(
        "travel_minutes_per_contact_hour",
        "Cesta: minut na hodinu přímé péče",
        "Travel minutes per contact hour",
        "min",
        dec(0, 0),
        dec(600, 0),
    ),
    spec(
        "admin_minutes_per_contact_hour",
        "Administrativa a předávky: minut na hodinu přímé péče",
        "Administration minutes per contact hour",
        "min",
        dec(0, 0),
        dec(600, 0),
    ),
    spec(
        "km_per_contact_hour",
        "Kilometry na hodinu přímé péče",
        "Kilometres per contact hour",
        "km",
        dec(0, 0),
        dec(1_000, 0),
    ),
    spec(
        "cost_per_km",
        "Náklad na 1 km",
        "Cost per km",
        "měna/km",
        dec(0, 0),
        dec(1_000_000, 0),
    ),
    spec(
        "overhead_share",
        "Režie: podíl z ceny",
        "Overhead, share of the price",
        "podíl",
        dec(0, 0),
        dec(6, 1),
    ),
    spec(
        "margin_share",
        "Přiměřený zisk: podíl z ceny",
        "Margin, share of the price",
        "podíl",
        dec(0, 0),
        dec(3, 1),
    ),
    spec(
        "target_utilisation",
        "Cílové vytížení pečovatelů (scénář)",
        "Target utilisation of care workers (scenario)",
        "podíl",
        dec(5, 2),
        dec(1, 0),
    ),
    spec(
        "retarget_low_share",
        "Podíl hodin klientů bez příspěvku a se stupněm I, které skončí (scénář)",
        "Share of the hours of clients without allowance or with degree I that stop (scenario)",
        "podíl",
        dec(0, 0),
        dec(1, 0),
    ),
    spec(
        "retarget_new_clients",
        "Noví klienti se stupněm III a IV (scénář)",
        "New clients of degrees III and IV (scenario)",
        "klientů",
        dec(0, 0),
        dec(100_000, 0),
    ),
];

/// The parameters of the normative price model. Every figure is a
/// `Decimal` in one currency (`currency`), so the model prices an hour in
/// crowns, pounds or euros alike.
///
/// ```
/// use homecare_audit::model::NormativeParams;
/// let mut p = NormativeParams::example_cz();
/// assert!(p.set("overhead_share", "0.2".parse().unwrap()));
/// assert!(!p.set("no_such_parameter", 1.into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormativeParams {
    /// Currency label (`Kč`, `£`).
    pub currency: String,
    /// Gross monthly pay of a full-time care worker.
    pub care_pay_monthly: Decimal,
    /// Gross hourly pay instead of monthly (hourly-paid staff); wins when set.
    pub care_pay_hourly: Option<Decimal>,
    /// Gross monthly pay of a social worker or head of service.
    pub supervisor_pay_monthly: Decimal,
    /// Management and social-work FTE per care-worker FTE.
    pub supervisor_fte_per_care_fte: Decimal,
    /// Weekly hours of a full-time post.
    pub weekly_hours: Decimal,
    /// Leave weeks a year.
    pub leave_weeks: Decimal,
    /// Paid sickness as a share of the annual hours.
    pub sickness_share: Decimal,
    /// Training hours a year.
    pub training_hours: Decimal,
    /// One on-cost rate instead of the legal rows (`law::ON_COSTS`).
    pub on_cost_rate: Option<Decimal>,
    /// Public employer: 5 weeks' leave in law, and FKSP.
    pub public_employer: bool,
    /// Travel minutes per contact hour.
    pub travel_minutes_per_contact_hour: Decimal,
    /// Administration and handover minutes per contact hour.
    pub admin_minutes_per_contact_hour: Decimal,
    /// Kilometres per contact hour.
    pub km_per_contact_hour: Decimal,
    /// Cost per kilometre.
    pub cost_per_km: Decimal,
    /// Overhead as a share of the price.
    pub overhead_share: Decimal,
    /// Margin as a share of the price.
    pub margin_share: Decimal,
    /// Target utilisation (direct ÷ available hours) for the staffing
    /// scenario.
    pub target_utilisation: Decimal,
    /// The share of the hours of clients without care allowance or with
    /// degree I that stop, for the retargeting scenario.
    pub retarget_low_share: Decimal,
    /// New clients of degrees III and IV taken on, for the retargeting
    /// scenario.
    pub retarget_new_clients: Decimal,
    /// Where each figure comes from, by parameter id.
    pub sources: BTreeMap<String, String>,
    /// True when these are the built-in example figures, not the auditor's.
    pub example: bool,
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

impl NormativeParams {
    /// Example Czech parameters: a full-time care worker at a municipal
    /// provider. The pay, travel, kilometre, overhead and utilisation
    /// figures are **illustrations, not benchmarks**, with no source; an auditor replaces them with the region's own in a `Model`
    /// sheet. The legal figures (40 h week, 5 weeks' leave at a public
    /// employer, 24 h training) are verified.
    pub fn example_cz() -> NormativeParams {
        let mut sources = BTreeMap::new();
        let example = "PŘÍKLAD: ilustrační hodnota bez pramene, nahraďte vlastní";
        for s in PARAMS {
            sources.insert(s.id.to_string(), example.to_string());
        }
        sources.insert(
            "weekly_hours".into(),
            "§79 zákoníku práce (40 h) [V]".into(),
        );
        sources.insert(
            "leave_weeks".into(),
            "§212 a §109(3) zákoníku práce: 5 týdnů u veřejného zaměstnavatele [V]".into(),
        );
        sources.insert(
            "training_hours".into(),
            "§111(1), §116(9) zákona 108/2006 Sb.: 24 h ročně [V]".into(),
        );
        sources.insert(
            "on_cost_rate".into(),
            "zákonné řádky law::ON_COSTS podle data".into(),
        );
        NormativeParams {
            currency: "Kč".into(),
            care_pay_monthly: d("35000"),
            care_pay_hourly: None,
            supervisor_pay_monthly: d("45000"),
            supervisor_fte_per_care_fte: d("0.1"),
            weekly_hours: d("40"),
            leave_weeks: d("5"),
            sickness_share: d("0.03"),
            training_hours: d("24"),
            on_cost_rate: None,
            public_employer: true,
            travel_minutes_per_contact_hour: d("15"),
            admin_minutes_per_contact_hour: d("5"),
            km_per_contact_hour: d("5"),
            cost_per_km: d("5.80"),
            overhead_share: d("0.15"),
            margin_share: Decimal::ZERO,
            target_utilisation: d("0.7"),
            retarget_low_share: d("0.5"),
            retarget_new_clients: d("10"),
            sources,
            example: true,
        }
    }

    /// Sets a parameter by id; false for an unknown id. Setting any
    /// parameter marks the set as the auditor's own (`example = false`).
    pub fn set(&mut self, id: &str, v: Decimal) -> bool {
        let slot = match id {
            "care_pay_monthly" => &mut self.care_pay_monthly,
            "care_pay_hourly" => {
                self.care_pay_hourly = Some(v);
                self.example = false;
                return true;
            }
            "supervisor_pay_monthly" => &mut self.supervisor_pay_monthly,
            "supervisor_fte_per_care_fte" => &mut self.supervisor_fte_per_care_fte,
            "weekly_hours" => &mut self.weekly_hours,
            "leave_weeks" => &mut self.leave_weeks,
            "sickness_share" => &mut self.sickness_share,
            "training_hours" => &mut self.training_hours,
            "on_cost_rate" => {
                self.on_cost_rate = Some(v);
                self.example = false;
                return true;
            }
            "public_employer" => {
                self.public_employer = !v.is_zero();
                self.example = false;
                return true;
            }
            "travel_minutes_per_contact_hour" => &mut self.travel_minutes_per_contact_hour,
            "admin_minutes_per_contact_hour" => &mut self.admin_minutes_per_contact_hour,
            "km_per_contact_hour" => &mut self.km_per_contact_hour,
            "cost_per_km" => &mut self.cost_per_km,
            "overhead_share" => &mut self.overhead_share,
            "margin_share" => &mut self.margin_share,
            "target_utilisation" => &mut self.target_utilisation,
            "retarget_low_share" => &mut self.retarget_low_share,
            "retarget_new_clients" => &mut self.retarget_new_clients,
            _ => return false,
        };
        *slot = v;
        self.example = false;
        true
    }

    /// The first parameter outside its range ([`ParamSpec::min`] to
    /// [`ParamSpec::max`]), with its value; `None` when all are inside.
    pub fn out_of_range(&self) -> Option<(&'static ParamSpec, Decimal)> {
        PARAMS.iter().find_map(|s| {
            self.get(s.id)
                .filter(|v| *v < s.min || *v > s.max)
                .map(|v| (s, v))
        })
    }

    /// A parameter's value by id (`None` for an unknown id or an unset
    /// option).
    pub fn get(&self, id: &str) -> Option<Decimal> {
        Some(match id {
            "care_pay_monthly" => self.care_pay_monthly,
            "care_pay_hourly" => return self.care_pay_hourly,
            "supervisor_pay_monthly" => self.supervisor_pay_monthly,
            "supervisor_fte_per_care_fte" => self.supervisor_fte_per_care_fte,
            "weekly_hours" => self.weekly_hours,
            "leave_weeks" => self.leave_weeks,
            "sickness_share" => self.sickness_share,
            "training_hours" => self.training_hours,
            "on_cost_rate" => return self.on_cost_rate,
            "public_employer" => Decimal::from(u8::from(self.public_employer)),
            "travel_minutes_per_contact_hour" => self.travel_minutes_per_contact_hour,
            "admin_minutes_per_contact_hour" => self.admin_minutes_per_contact_hour,
            "km_per_contact_hour" => self.km_per_contact_hour,
            "cost_per_km" => self.cost_per_km,
            "overhead_share" => self.overhead_share,
            "margin_share" => self.margin_share,
            "target_utilisation" => self.target_utilisation,
            "retarget_low_share" => self.retarget_low_share,
            "retarget_new_clients" => self.retarget_new_clients,
            _ => return None,
        })
    }

    /// Finds a parameter by its id or its Czech or English label (folded).
    pub fn spec(key: &str) -> Option<&'static ParamSpec> {
        let f = crate::matching::fold(key);
        PARAMS.iter().find(|s| {
            s.id == key.trim()
                || crate::matching::fold(s.cs) == f
                || crate::matching::fold(s.en) == f
                || crate::matching::fold(s.id) == f
        })
    }
}

impl Default for NormativeParams {
    fn default() -> Self {
        NormativeParams::example_cz()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_can_be_set_and_read_back() {
        for s in PARAMS {
            let mut p = NormativeParams::example_cz();
            assert!(p.set(s.id, Decimal::new(7, 1)), "{}", s.id);
            let back = p.get(s.id).unwrap();
            if s.id == "public_employer" {
                assert_eq!(back, Decimal::ONE);
            } else {
                assert_eq!(back, Decimal::new(7, 1), "{}", s.id);
            }
            assert!(!p.example);
        }
    }

    #[test]
    fn parameters_are_found_by_label_in_either_language() {
        assert_eq!(
            NormativeParams::spec("Cost per km").unwrap().id,
            "cost_per_km"
        );
        assert_eq!(
            NormativeParams::spec("náklad na 1 KM").unwrap().id,
            "cost_per_km"
        );
        assert_eq!(
            NormativeParams::spec("cost_per_km").unwrap().id,
            "cost_per_km"
        );
        assert!(NormativeParams::spec("nothing").is_none());
    }
}
