//! `Financování`: public money against the service, the sheet a council's
//! finance committee reads. Money by source, the net cost and the
//! compensation's balance, the costs the state grant may not pay line by
//! line, the state grant at risk step by step, the figures per unit of
//! capacity and the region's method. Every total is a formula over the
//! lines above it (and the `Náklady` sheet's costs), the library's value
//! cached, so LibreOffice recalculates it to the same figure; `Ukazatele`
//! refers to these cells for the `finance.*` indicators.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::cell::{Cached, Rows, cell_ref, formula, num, text};
use super::costs::{self as co, source_label};
use super::sheet::yes_no;
use super::style::Styles;
use crate::audit::AuditReport;
use crate::audit::finance::Step;
use crate::i18n::{Lang, Text};
use crate::model::RevenueSource;

const LABEL: u16 = 0;
const AMOUNT: u16 = 1;
const NOTE: u16 = 2;

/// Writes the sheet down its rows.
struct Sheet<'a, 'w> {
    ws: &'w mut Worksheet,
    name: &'a str,
    st: &'a Styles,
    lang: Lang,
    r: u32,
    /// Indicator id → its cell here.
    cells: BTreeMap<&'static str, String>,
    /// The MPSV line of the sources table.
    mpsv: Option<String>,
    /// The municipalities' line of the sources table.
    municipality: Option<String>,
}

impl Sheet<'_, '_> {
    fn l<'s>(&self, cs: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(cs, en)
    }

    fn here(&self) -> String {
        cell_ref(self.name, self.r, AMOUNT)
    }

    fn heading(&mut self, cs: &str, en: &str) -> Result<(), XlsxError> {
        self.r += 1;
        let t = self.l(cs, en).to_string();
        text(self.ws, self.r, LABEL, &t, &self.st.subtitle)?;
        self.r += 1;
        Ok(())
    }

    /// A label and a value cell; returns the value's reference.
    fn value(&mut self, label: &Text, v: Decimal, fmt: &Format) -> Result<String, XlsxError> {
        text(self.ws, self.r, LABEL, label.get(self.lang), &self.st.text)?;
        num(self.ws, self.r, AMOUNT, v, fmt)?;
        let at = self.here();
        self.r += 1;
        Ok(at)
    }

    /// A label and a formula with its cached value; returns its reference
    /// (and records it for `id`).
    fn formula(
        &mut self,
        id: Option<&'static str>,
        label: &Text,
        f: &str,
        v: Decimal,
        fmt: &Format,
    ) -> Result<String, XlsxError> {
        text(self.ws, self.r, LABEL, label.get(self.lang), &self.st.text)?;
        formula(self.ws, self.r, AMOUNT, f, &Cached::Num(v), fmt)?;
        let at = self.here();
        if let Some(id) = id {
            self.cells.insert(id, at.clone());
        }
        self.r += 1;
        Ok(at)
    }

    fn note(&mut self, t: &str) -> Result<(), XlsxError> {
        text(self.ws, self.r, LABEL, t, &self.st.muted)?;
        self.r += 1;
        Ok(())
    }

    /// An indicator not available: its label and reason.
    fn unavailable(&mut self, report: &AuditReport, id: &str) -> Result<(), XlsxError> {
        let label = crate::indicator::catalog::label(id, self.lang);
        let why = report
            .indicators
            .get(id)
            .and_then(|i| i.unavailable.as_ref());
        let reason = why
            .map(|w| w.get(self.lang).to_string())
            .unwrap_or_default();
        text(self.ws, self.r, LABEL, &label, &self.st.text)?;
        text(self.ws, self.r, AMOUNT, "–", &self.st.muted)?;
        let t = format!("{}: {reason}", self.l("nelze spočítat", "not available"));
        text(self.ws, self.r, NOTE, &t, &self.st.muted)?;
        self.r += 1;
        Ok(())
    }
}

fn t(cs: &str, en: &str) -> Text {
    Text::new(cs, en)
}

/// Writes the sheet; returns each `finance.*` (and capacity) indicator's
/// cell for `Ukazatele`.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    report: &AuditReport,
    costs: Option<&Rows>,
    capacity_refs: &CapacityRefs,
    lang: Lang,
    st: &Styles,
) -> Result<BTreeMap<&'static str, String>, XlsxError> {
    ws.set_column_width(LABEL, 58)?;
    ws.set_column_width(AMOUNT, 18)?;
    ws.set_column_width(NOTE, 70)?;
    let mut s = Sheet {
        ws,
        name,
        st,
        lang,
        r: 0,
        cells: BTreeMap::new(),
        mpsv: None,
        municipality: None,
    };
    let title = s
        .l(
            "Veřejné zdroje a služba",
            "Public money against the service",
        )
        .to_string();
    text(s.ws, 0, 0, &title, &st.title)?;
    s.r = 1;
    let v = |id: &str| report.value(id);
    let cost_f = costs.map(|c| format!("SUM({})", c.col(co::AMOUNT)));
    let cost = match (v("cost.total"), &cost_f) {
        (Some(c), Some(f)) => Some((f.clone(), c)),
        _ => None,
    };
    let sums = sources(&mut s, report)?;
    let (public, own) = match sums {
        Some((p, o)) => (Some(p), Some(o)),
        None => {
            for id in ["finance.public_funding", "finance.own_revenue"] {
                s.unavailable(report, id)?;
            }
            (None, None)
        }
    };
    let cost_cell = match &cost {
        Some((f, c)) => Some(s.formula(
            None,
            &t(
                "Náklady celkem (list Náklady)",
                "Total cost (the Náklady sheet)",
            ),
            f,
            *c,
            &st.money,
        )?),
        None => None,
    };
    balance(
        &mut s,
        report,
        cost_cell.as_deref(),
        own.as_ref(),
        public.as_ref(),
    )?;
    let ineligible = ineligible(&mut s, report)?;
    grant(
        &mut s,
        report,
        cost_cell.as_deref(),
        ineligible.as_deref(),
        own.as_ref(),
        public.as_ref(),
    )?;
    capacity(
        &mut s,
        report,
        capacity_refs,
        cost_cell.as_deref(),
        public.as_ref().map(|p| p.0.as_str()),
    )?;
    method(&mut s, report, capacity_refs.direct_hours.as_deref())?;
    Ok(s.cells)
}

/// A cell and the value it holds.
type Cell = (String, Decimal);

/// Money by source; returns the public and own totals.
fn sources(s: &mut Sheet<'_, '_>, report: &AuditReport) -> Result<Option<(Cell, Cell)>, XlsxError> {
    let d = &report.finance;
    if d.by_source.is_empty() {
        return Ok(None);
    }
    s.heading("Zdroje peněz", "Money by source")?;
    for (c, (cs, en)) in [
        ("Zdroj", "Source"),
        ("Částka", "Amount"),
        ("Veřejný zdroj", "Public"),
    ]
    .into_iter()
    .enumerate()
    {
        let h = s.l(cs, en).to_string();
        text(s.ws, s.r, c as u16, &h, &s.st.header)?;
    }
    s.r += 1;
    let first = s.r;
    for x in &d.by_source {
        if x.source == RevenueSource::Mpsv {
            s.mpsv = Some(s.here());
        }
        if x.source == RevenueSource::Municipality {
            s.municipality = Some(s.here());
        }
        let label = source_label(x.source, s.lang);
        text(s.ws, s.r, LABEL, label, &s.st.text)?;
        num(s.ws, s.r, AMOUNT, x.amount, &s.st.money)?;
        text(s.ws, s.r, NOTE, yes_no(x.public, s.lang), &s.st.text)?;
        s.r += 1;
    }
    let rows = Rows {
        sheet: s.name.to_string(),
        first,
        count: d.by_source.len() as u32,
    };
    let sum_if = |yes: bool, lang: Lang| {
        format!(
            "SUMIF({},\"{}\",{})",
            rows.col(NOTE),
            yes_no(yes, lang),
            rows.col(AMOUNT)
        )
    };
    let total = |public: bool| -> Decimal {
        d.by_source
            .iter()
            .filter(|x| x.public == public)
            .map(|x| x.amount)
            .sum()
    };
    let (lang, money) = (s.lang, s.st.money.clone());
    let public = s.formula(
        Some("finance.public_funding"),
        &t(
            "Veřejné zdroje (vyrovnávací platba)",
            "Public funding (compensation)",
        ),
        &sum_if(true, lang),
        total(true),
        &money,
    )?;
    let own = s.formula(
        Some("finance.own_revenue"),
        &t("Vlastní výnosy", "Own revenue"),
        &sum_if(false, lang),
        total(false),
        &money,
    )?;
    if d.fees_from_rows {
        s.note(s.l(
            "úhrady uživatelů z výkazů (Výnosy je neuvádějí)",
            "user fees from the timesheet rows (Výnosy gives none)",
        ))?;
    }
    Ok(Some(((public, total(true)), (own, total(false)))))
}

/// Net cost, reasonable profit, balance.
fn balance(
    s: &mut Sheet<'_, '_>,
    report: &AuditReport,
    cost: Option<&str>,
    own: Option<&Cell>,
    public: Option<&Cell>,
) -> Result<(), XlsxError> {
    s.heading(
        "Vyrovnávací platba proti čistým nákladům",
        "The compensation against the net cost",
    )?;
    let money = s.st.money.clone();
    let (Some(cost), Some((own, _)), Some((public, _)), Some(net), Some(bal)) = (
        cost,
        own,
        public,
        report.value("finance.net_cost"),
        report.value("finance.compensation_balance"),
    ) else {
        for id in ["finance.net_cost", "finance.compensation_balance"] {
            s.unavailable(report, id)?;
        }
        return Ok(());
    };
    let net_cell = s.formula(
        Some("finance.net_cost"),
        &t(
            "Čisté náklady (náklady − vlastní výnosy)",
            "Net cost (cost − own revenue)",
        ),
        &format!("{cost}-{own}"),
        net,
        &money,
    )?;
    let profit = report.finance.reasonable_profit.clone().unwrap_or(Step {
        label: t("přiměřený zisk", "reasonable profit"),
        amount: Decimal::ZERO,
    });
    let profit_cell = s.value(&profit.label, profit.amount, &money)?;
    let at = s.r;
    let bal_cell = s.formula(
        Some("finance.compensation_balance"),
        &t(
            "Saldo: veřejné zdroje − čisté náklady − přiměřený zisk",
            "Balance: public funding − net cost − reasonable profit",
        ),
        &format!("{public}-{net_cell}-{profit_cell}"),
        bal,
        &money,
    )?;
    let (over, short, even) = (
        s.l("překompenzace", "overcompensation"),
        s.l(
            "nedostatek (platba nekryje čisté náklady)",
            "shortfall (the compensation does not cover the net cost)",
        ),
        s.l("vyrovnáno", "balanced"),
    );
    let word = if bal > Decimal::ZERO {
        over
    } else if bal < Decimal::ZERO {
        short
    } else {
        even
    };
    formula(
        s.ws,
        at,
        NOTE,
        &format!("IF({bal_cell}>0,\"{over}\",IF({bal_cell}<0,\"{short}\",\"{even}\"))"),
        &Cached::Text(word.to_string()),
        &s.st.text,
    )?;
    Ok(())
}

/// The costs the state grant may not pay; returns the total's cell.
fn ineligible(s: &mut Sheet<'_, '_>, report: &AuditReport) -> Result<Option<String>, XlsxError> {
    s.heading(
        "Náklady, které státní dotace nesmí hradit (NV 98/2015 § 1 odst. 2)",
        "Costs the state grant may not pay (Government Regulation 98/2015 § 1(2))",
    )?;
    let Some(total) = report.value("finance.ineligible_costs") else {
        s.unavailable(report, "finance.ineligible_costs")?;
        return Ok(None);
    };
    for (c, (cs, en)) in [
        ("Kategorie / účet", "Category / account"),
        ("Částka", "Amount"),
        ("Proč a podle čeho", "Why, and by what"),
    ]
    .into_iter()
    .enumerate()
    {
        let h = s.l(cs, en).to_string();
        text(s.ws, s.r, c as u16, &h, &s.st.header)?;
    }
    s.r += 1;
    let first = s.r;
    for line in &report.finance.ineligible {
        let what = match &line.account {
            Some(a) => format!("{} ({a})", line.category),
            None => line.category.clone(),
        };
        text(s.ws, s.r, LABEL, &what, &s.st.text)?;
        num(s.ws, s.r, AMOUNT, line.amount, &s.st.money)?;
        let why = format!("{}; {}", line.why.get(s.lang), line.source);
        text(s.ws, s.r, NOTE, &why, &s.st.text)?;
        s.r += 1;
    }
    let rows = Rows {
        sheet: s.name.to_string(),
        first,
        count: report.finance.ineligible.len() as u32,
    };
    let f = if report.finance.ineligible.is_empty() {
        "0".to_string()
    } else {
        format!("SUM({})", rows.col(AMOUNT))
    };
    let money = s.st.money.clone();
    let cell = s.formula(
        Some("finance.ineligible_costs"),
        &t("Neuznatelné náklady celkem", "Ineligible costs in all"),
        &f,
        total,
        &money,
    )?;
    Ok(Some(cell))
}

/// The state grant at risk, step by step.
fn grant(
    s: &mut Sheet<'_, '_>,
    report: &AuditReport,
    cost: Option<&str>,
    ineligible: Option<&str>,
    own: Option<&Cell>,
    public: Option<&Cell>,
) -> Result<(), XlsxError> {
    s.heading(
        "Státní dotace proti uznatelným nákladům",
        "The state grant against the eligible costs",
    )?;
    let steps = &report.finance.grant_steps;
    let (Some(cost), Some(inel), Some((own, _)), Some((public, _)), Some(at_risk), 8) = (
        cost,
        ineligible,
        own,
        public,
        report.value("finance.state_grant_at_risk"),
        steps.len(),
    ) else {
        s.unavailable(report, "finance.state_grant_at_risk")?;
        return Ok(());
    };
    let money = s.st.money.clone();
    let Some(mpsv) = s.mpsv.clone() else {
        return Ok(());
    };
    let eligible = s.formula(
        None,
        &steps[2].label,
        &format!("{cost}-{inel}"),
        steps[2].amount,
        &money,
    )?;
    let other = s.formula(
        None,
        &steps[4].label,
        &format!("{public}-{mpsv}"),
        steps[4].amount,
        &money,
    )?;
    let room = s.formula(
        None,
        &steps[5].label,
        &format!("MAX(0,{eligible}-{own}-{other})"),
        steps[5].amount,
        &money,
    )?;
    let m = s.formula(None, &steps[6].label, &mpsv, steps[6].amount, &money)?;
    s.formula(
        Some("finance.state_grant_at_risk"),
        &steps[7].label,
        &format!("MAX(0,{m}-{room})"),
        at_risk,
        &money,
    )?;
    s.note(s.l(
        "co by finanční vypořádání dotace (vyhl. 367/2015) mohlo žádat zpět",
        "what the grant's settlement (Decree 367/2015) could ask back",
    ))?;
    Ok(())
}

/// What the capacity figures refer to on other sheets.
pub(super) struct CapacityRefs {
    /// The cell holding 365 / days in the period (`Metodika`).
    pub annual: String,
    /// Σ of the care workers' average FTE (`Pracovníci`); `None` in a
    /// report fit for publication, whose `Pracovníci` holds no rows.
    pub pss_fte: Option<String>,
    /// Σ of the direct hours (`Měsíce`); `None` in a report fit for
    /// publication.
    pub direct_hours: Option<String>,
}

/// The figures per unit of capacity, each a formula over the capacity,
/// the PSS FTE and the totals above.
fn capacity(
    s: &mut Sheet<'_, '_>,
    report: &AuditReport,
    refs: &CapacityRefs,
    cost: Option<&str>,
    public: Option<&str>,
) -> Result<(), XlsxError> {
    s.heading("Na jednotku kapacity", "Per unit of capacity")?;
    let p = &report.finance;
    let (money, dec, count, pct) = (
        s.st.money.clone(),
        s.st.decimal.clone(),
        s.st.count.clone(),
        s.st.percent.clone(),
    );
    // As `staff.fte.PSS`: the care workers' average FTE (in a published
    // report the workers' rows are withheld, the figure is not).
    let pss_value = report.value("staff.fte.PSS").unwrap_or_default();
    let pss_label = t(
        "Průměrné úvazky PSS (list Pracovníci)",
        "Average PSS FTE (the Pracovníci sheet)",
    );
    let pss = match &refs.pss_fte {
        Some(f) => s.formula(None, &pss_label, f, pss_value, &dec)?,
        None => s.value(&pss_label, pss_value, &dec)?,
    };
    let network = match p.network_fte {
        Some(n) => Some(s.value(
            &t("Kapacita v síti (úvazky)", "Network capacity (FTE)"),
            n,
            &dec,
        )?),
        None => None,
    };
    let capacity = match p.capacity_clients {
        Some(c) => Some(s.value(
            &t("Kapacita (klienti)", "Capacity (clients)"),
            Decimal::from(c),
            &count,
        )?),
        None => None,
    };
    let peak = s.value(
        &t(
            "Klienti v nejvytíženějším dni",
            "Clients on the busiest day",
        ),
        Decimal::from(p.peak_day_clients),
        &count,
    )?;
    let annual = &refs.annual;
    let formulas: [(&'static str, Option<String>, &Format); 4] = [
        (
            "finance.cost_per_direct_fte",
            cost.map(|c| format!("{c}*{annual}/{pss}")),
            &money,
        ),
        (
            "finance.public_funding_per_network_fte",
            public
                .zip(network.as_deref())
                .map(|(p, n)| format!("{p}*{annual}/{n}")),
            &money,
        ),
        (
            "staff.direct_fte_vs_network",
            network.as_deref().map(|n| format!("{pss}/{n}")),
            &dec,
        ),
        (
            "capacity.peak_clients_share",
            capacity.as_deref().map(|c| format!("{peak}/{c}")),
            &pct,
        ),
    ];
    for (id, f, fmt) in formulas {
        match (report.value(id), f) {
            (Some(v), Some(f)) => {
                let label = crate::indicator::catalog::label(id, s.lang);
                s.formula(Some(id), &Text::new(label.clone(), label), &f, v, fmt)?;
            }
            _ => s.unavailable(report, id)?,
        }
    }
    Ok(())
}

/// The region's method, step by step.
fn method(
    s: &mut Sheet<'_, '_>,
    report: &AuditReport,
    direct_hours: Option<&str>,
) -> Result<(), XlsxError> {
    s.heading(
        "Metodika kraje (list Financování)",
        "The region's method (the Financování sheet)",
    )?;
    let Some(m) = &report.finance.method else {
        for id in [
            "finance.optimal_compensation",
            "finance.compensation_vs_optimal",
        ] {
            s.unavailable(report, id)?;
        }
        return Ok(());
    };
    let mut param_cell = BTreeMap::new();
    for p in &m.parameters {
        let (cs, en) = p.key.label();
        text(s.ws, s.r, LABEL, s.lang.pick(cs, en), &s.st.text)?;
        num(s.ws, s.r, AMOUNT, p.value, &s.st.decimal)?;
        param_cell.insert(p.key, s.here());
        let src = if p.place.is_empty() {
            p.source.clone()
        } else {
            format!("{}: {}", p.place, p.source)
        };
        text(s.ws, s.r, NOTE, &src, &s.st.text)?;
        s.r += 1;
    }
    if m.steps.is_empty() {
        for id in [
            "finance.optimal_compensation",
            "finance.compensation_vs_optimal",
        ] {
            s.unavailable(report, id)?;
        }
        return Ok(());
    }
    let money = s.st.money.clone();
    // The capacity, the cost per FTE and the days are values; normative =
    // their product ÷ 365; the expected own revenue the parameter × the
    // direct hours (`Měsíce`) or × the normative cost; optimal = normative
    // − own; the money received the sources' total above; the difference
    // = received − optimal; the municipalities' expected part the share ×
    // optimal, beside their line of the sources.
    use crate::model::FinancingKey as K;
    let param = |k: K| param_cell.get(&k).cloned();
    let public = s.cells.get("finance.public_funding").cloned();
    let mut at: Vec<String> = Vec::new();
    let (mut normative, mut optimal) = (None::<usize>, None::<usize>);
    for (i, step) in m.steps.iter().enumerate() {
        let en = step.label.en.as_str();
        let (f, id) = if en.starts_with("= normative") && i >= 3 {
            normative = Some(i);
            (Some(format!("{}*{}*{}/365", at[0], at[1], at[2])), None)
        } else if en.starts_with("− expected own revenue: per hour") {
            let f = param(K::OwnRevenuePerDirectHour)
                .zip(direct_hours)
                .map(|(p, d)| format!("{p}*{d}"));
            (f, None)
        } else if en.starts_with("− expected own revenue: share") {
            let f = param(K::OwnRevenueShare)
                .zip(normative)
                .map(|(p, n)| format!("{p}*{}", at[n]));
            (f, None)
        } else if en.starts_with("= optimal")
            && let Some(n) = normative
        {
            optimal = Some(i);
            (
                Some(format!("{}-{}", at[n], at[i - 1])),
                Some("finance.optimal_compensation"),
            )
        } else if en.starts_with("public funding received") {
            (public.clone(), None)
        } else if en.starts_with("= difference")
            && let Some(o) = optimal
        {
            (
                Some(format!("{}-{}", at[i - 1], at[o])),
                Some("finance.compensation_vs_optimal"),
            )
        } else if en.starts_with("municipalities' expected share") {
            let f = param(K::MunicipalShare)
                .zip(optimal)
                .map(|(p, o)| format!("{p}*{}", at[o]));
            (f, None)
        } else if en.starts_with("the municipalities paid") {
            (s.municipality.clone(), None)
        } else {
            (None, None)
        };
        let fmt = if i < 3 {
            s.st.decimal.clone()
        } else {
            money.clone()
        };
        let cell = match f {
            Some(f) => s.formula(id, &step.label, &f, step.amount, &fmt)?,
            None => s.value(&step.label, step.amount, &fmt)?,
        };
        at.push(cell);
    }
    Ok(())
}
