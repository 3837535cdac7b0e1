//! The headline indicators: the few of each family that the summary, the
//! report's `Souhrn` sheet and the page show first.

/// One family of headline indicators, named in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadlineFamily {
    /// Czech name (`Nákladovost`).
    pub cs: &'static str,
    /// English name (`Cost`).
    pub en: &'static str,
    /// The indicator ids, in the order shown.
    pub ids: &'static [&'static str],
}

impl HeadlineFamily {
    /// The family's name in `lang`.
    ///
    /// ```
    /// use homecare_audit::Lang;
    /// use homecare_audit::indicator::HEADLINES;
    /// assert_eq!(HEADLINES[0].name(Lang::Cs), "Nákladovost");
    /// assert_eq!(HEADLINES[0].name(Lang::En), "Cost");
    /// ```
    pub fn name(&self, lang: crate::i18n::Lang) -> &'static str {
        lang.pick(self.cs, self.en)
    }
}

/// The headline indicators, by family, in the order every face shows them.
pub const HEADLINES: &[HeadlineFamily] = &[
    HeadlineFamily {
        cs: "Nákladovost",
        en: "Cost",
        ids: &[
            "cost.total",
            "cost.per_direct_hour",
            "fees.per_direct_hour",
            "cost.unfunded_per_hour",
            "cost.per_client",
            "revenue.fee_share",
            "result.balance",
        ],
    },
    HeadlineFamily {
        cs: "Personální přiměřenost",
        en: "Staffing",
        ids: &[
            "staff.fte_total",
            "staff.utilization",
            "staff.travel_share",
            "staff.required_fte",
            "staff.adequacy",
            "staff.training_compliance",
        ],
    },
    HeadlineFamily {
        cs: "Zacílení",
        en: "Targeting",
        ids: &[
            "target.high_dependency_share",
            "target.personal_care_share",
            "target.meal_only_share",
            "target.age80_share",
            "target.hours_per_client_month",
        ],
    },
    HeadlineFamily {
        cs: "Veřejné zdroje",
        en: "Public money",
        ids: &[
            "finance.public_funding",
            "finance.net_cost",
            "finance.compensation_balance",
            "finance.state_grant_at_risk",
            "finance.public_funding_per_network_fte",
        ],
    },
    HeadlineFamily {
        cs: "Úhrady",
        en: "Fees",
        ids: &[
            "fees.cap_use",
            "fees.rows_over_cap",
            "fees.excess_total",
            "fees.exempt_charged",
            "fees.rows_off_price",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_headline_is_in_the_catalogue() {
        for f in HEADLINES {
            for id in f.ids {
                assert!(crate::indicator::catalog::is_known(id), "{id}");
            }
        }
    }
}
