//! The accounts as the accountant gives them (`Výsledovka`): an account or
//! budget item a row, read by its code, and the account map that turns each
//! code into a cost category and group or a revenue source.
//!
//! Two numberings are read:
//!
//! - the chart of accounts of contributory organisations (Decree 410/2009)
//!   and NGOs (Decree 504/2002): a synthetic account of **3 digits**, with or
//!   without an analytic suffix (`521`, `521.100`, `521/100`, `521 100`,
//!   `521100`); class 5 is costs, class 6 revenues;
//! - the budget composition of a municipality running the service itself
//!   (Decree 412/2021): a budget item of **4 digits** (`5011`, `2111`,
//!   `4116`); class 5 is current spending, classes 2 and 4 income.
//!
//! The shape decides, with one rule for the ambiguous case: a code of
//! exactly four digits with no separator is a budget item, never a synthetic
//! account with a one-digit analytic (write that `521.1`); five to nine
//! digits are a synthetic account and its analytic. A row that names its
//! budget section (`Paragraf`) is a budget row: its code must be a budget
//! item (see [`Account::parse`]).
//!
//! The map ([`AccountMap`]) is data with its source, like the legal tables:
//! built-in rules ([`AccountMap::built_in`]) keyed by a prefix of the code
//! (a class, a group, a synthetic account, an item), the most specific one
//! applying, each with its source and whether the grouping was read in a
//! source (`verified`) or is general knowledge (provisional). The
//! auditor's `Účtová mapa` sheet adds rules for whole accounts or analytics
//! that take precedence over the built-in ones.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::finance::{CostCategory, CostGroup, RevenueSource};
use crate::place::Place;

/// Which numbering an account code is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chart {
    /// A synthetic account (3 digits, with an optional analytic) of the
    /// chart of contributory organisations (Decree 410/2009) and NGOs
    /// (Decree 504/2002).
    Accounts,
    /// A budget item (4 digits) of the budget composition (Decree
    /// 412/2021), as a municipality books a service it runs itself.
    Budget,
}

impl Chart {
    /// The chart in words.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Chart::Accounts => lang.pick("účet", "account"),
            Chart::Budget => lang.pick("rozpočtová položka", "budget item"),
        }
    }
}

/// Whether an account's class is costs or revenues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Costs (class 5 of either numbering).
    Cost,
    /// Revenues (class 6 of the chart; classes 2 and 4 of the budget).
    Revenue,
}

/// An account code as read from a cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Account {
    /// Which numbering.
    pub chart: Chart,
    /// The synthetic account (`521`) or the budget item (`5011`).
    pub code: String,
    /// The analytic suffix (`100` of `521.100`); chart accounts only.
    pub analytic: Option<String>,
}

/// What may separate a synthetic account from its analytic.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | '/' | '-' | ' ' | ',' | '\u{a0}' | '\u{202f}' | '\u{2009}'
    )
}

impl Account {
    /// Reads an account from a cell's text. The code is what comes before
    /// the first letter, so `521 - Mzdové náklady` is `521`. `budget_only`
    /// (the row names a budget section, `Paragraf`) accepts only budget
    /// items.
    ///
    /// ```
    /// use homecare_audit::model::{Account, Chart};
    /// let a = Account::parse("521.100", false).unwrap();
    /// assert_eq!((a.chart, a.code.as_str(), a.analytic.as_deref()), (Chart::Accounts, "521", Some("100")));
    /// assert_eq!(Account::parse("521100", false), Account::parse("521/100", false));
    /// assert_eq!(Account::parse("5011", false).unwrap().chart, Chart::Budget);
    /// assert_eq!(Account::parse("602 Výnosy z prodeje služeb", false).unwrap().code, "602");
    /// assert_eq!(Account::parse("52", false), None); // a group's subtotal
    /// assert_eq!(Account::parse("521", true), None); // a budget has items only
    /// ```
    pub fn parse(text: &str, budget_only: bool) -> Option<Account> {
        let t = text.trim();
        let end = t.find(char::is_alphabetic).unwrap_or(t.len());
        let code = t[..end].trim_end_matches(|c: char| {
            is_separator(c) || c.is_whitespace() || matches!(c, '–' | '—' | ':' | '(')
        });
        let parts: Vec<&str> = code.split(is_separator).filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let chart = |code: &str, analytic: Option<&str>| Account {
            chart: Chart::Accounts,
            code: code.to_string(),
            analytic: analytic.map(str::to_string),
        };
        let account = match parts.as_slice() {
            [item] if item.len() == 4 => Account {
                chart: Chart::Budget,
                code: item.to_string(),
                analytic: None,
            },
            [synthetic] if synthetic.len() == 3 => chart(synthetic, None),
            // 5 to 9 digits: the synthetic account and its analytic.
            [whole] if (5..=9).contains(&whole.len()) => chart(&whole[..3], Some(&whole[3..])),
            [synthetic, analytic] if synthetic.len() == 3 && (1..=6).contains(&analytic.len()) => {
                chart(synthetic, Some(analytic))
            }
            _ => return None,
        };
        (!budget_only || account.chart == Chart::Budget).then_some(account)
    }

    /// The class: the first digit.
    pub fn class(&self) -> u8 {
        self.code.bytes().next().map_or(0, |b| b - b'0')
    }

    /// Costs or revenues, by the class; `None` for the classes neither is
    /// (balance-sheet and closing accounts 1–4, 7–9; budget classes 1, 3,
    /// 6 and 8: taxes, capital income and spending, financing).
    pub fn side(&self) -> Option<Side> {
        match (self.chart, self.class()) {
            (_, 5) => Some(Side::Cost),
            (Chart::Accounts, 6) | (Chart::Budget, 2 | 4) => Some(Side::Revenue),
            _ => None,
        }
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.analytic {
            Some(a) => write!(f, "{}.{a}", self.code),
            None => f.write_str(&self.code),
        }
    }
}

/// What a rule of the account map makes of an account's amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AccountUse {
    /// A cost line of this category and group.
    Cost {
        /// The category.
        category: CostCategory,
        /// The group.
        group: CostGroup,
    },
    /// A revenue line of this source.
    Revenue {
        /// The source.
        source: RevenueSource,
    },
    /// Neither: the amount is not a cost or revenue of the service (a
    /// transfer to the organisation the service's accounts belong to,
    /// investment money); the row is rejected with the rule's reason.
    Excluded,
}

impl AccountUse {
    /// The use in words: `osobní / mzdy`, `výnos: kraj`, `nepoužije se`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            AccountUse::Cost { category, group } => {
                let g = match group {
                    CostGroup::Personnel => lang.pick("osobní", "personnel"),
                    CostGroup::Operating => lang.pick("provozní", "operating"),
                };
                format!("{g} / {}", category.code())
            }
            AccountUse::Revenue { source } => {
                format!("{}: {}", lang.pick("výnos", "revenue"), source.label(lang))
            }
            AccountUse::Excluded => lang.pick("nepoužije se", "not used").to_string(),
        }
    }
}

/// Where a rule of the account map comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RuleOrigin {
    /// The library's built-in map.
    BuiltIn,
    /// The auditor's `Účtová mapa` sheet: the row's place.
    Sheet {
        /// The row's first cell, e.g. `'Účtová mapa'!A3`.
        place: Place,
    },
}

/// One rule of the account map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountRule {
    /// The numbering it applies to.
    pub chart: Chart,
    /// A prefix of the code: a class (`5`), a group (`52`), a synthetic
    /// account (`521`) or a budget item (`5011`).
    pub code: String,
    /// The analytic it applies to, when only one (`100` of `518.100`).
    pub analytic: Option<String>,
    /// What the accounts are, in Czech.
    pub name: String,
    /// What the amount becomes.
    pub target: AccountUse,
    /// Where the names and the grouping were read.
    pub source: String,
    /// True when the grouping was read in the source; false when it is
    /// general knowledge (provisional).
    pub verified: bool,
    /// Built in, or the auditor's sheet.
    pub origin: RuleOrigin,
    /// Whether the state grant may pay costs booked to these accounts, as
    /// the auditor's map states it (`Uznatelné`); `None`: by the built-in
    /// rules ([`crate::law::eligibility`]). Beats them for every line of
    /// the accounts, as a `Náklady` line's own `Uznatelné` does.
    #[serde(default)]
    pub eligible: Option<bool>,
}

impl AccountRule {
    /// True when the rule applies to the account.
    pub fn applies_to(&self, a: &Account) -> bool {
        a.chart == self.chart
            && match &self.analytic {
                Some(x) => a.code == self.code && a.analytic.as_ref() == Some(x),
                None => a.code.starts_with(&self.code),
            }
    }

    /// How specific the rule is: a longer prefix beats a shorter one, an
    /// analytic beats its synthetic account, and the auditor's rule beats a
    /// built-in one of the same key.
    fn specificity(&self) -> (usize, bool, bool) {
        (
            self.code.len(),
            self.analytic.is_some(),
            matches!(self.origin, RuleOrigin::Sheet { .. }),
        )
    }

    /// The rule's key as written: `521`, `518.100`, `5`.
    pub fn key(&self) -> String {
        match &self.analytic {
            Some(a) => format!("{}.{a}", self.code),
            None => self.code.clone(),
        }
    }

    /// The rule's origin for an auditor: `vestavěná, předběžná` or the
    /// sheet's cell.
    pub fn origin_text(&self, lang: Lang) -> String {
        match (&self.origin, self.verified) {
            (RuleOrigin::BuiltIn, true) => {
                lang.pick("vestavěná, ověřená", "built-in, verified").into()
            }
            (RuleOrigin::BuiltIn, false) => lang
                .pick("vestavěná, předběžná", "built-in, provisional")
                .into(),
            (RuleOrigin::Sheet { place }, _) => place.to_string(),
        }
    }
}

/// The account map: the built-in rules and the auditor's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountMap {
    rules: Vec<AccountRule>,
}

impl Default for AccountMap {
    fn default() -> Self {
        AccountMap::built_in()
    }
}

impl AccountMap {
    /// The built-in map (see the module's documentation and
    /// docs/workbook.md, "Výsledovka").
    ///
    /// ```
    /// use homecare_audit::model::{Account, AccountMap, AccountUse};
    /// use homecare_audit::{CostCategory, CostGroup, RevenueSource};
    /// let map = AccountMap::built_in();
    /// let wages = map.find(&Account::parse("521.100", false).unwrap()).unwrap();
    /// assert_eq!(wages.target, AccountUse::Cost { category: CostCategory::Wages, group: CostGroup::Personnel });
    /// let grant = map.find(&Account::parse("691", false).unwrap()).unwrap();
    /// assert_eq!(grant.target, AccountUse::Revenue { source: RevenueSource::PublicUnattributed });
    /// ```
    pub fn built_in() -> AccountMap {
        AccountMap {
            rules: BUILT_IN.iter().map(Def::rule).collect(),
        }
    }

    /// Every rule, built-in first, then the auditor's in sheet order.
    pub fn rules(&self) -> &[AccountRule] {
        &self.rules
    }

    /// True when the auditor's sheet gave at least one rule.
    pub fn has_users_rules(&self) -> bool {
        self.rules
            .iter()
            .any(|r| matches!(r.origin, RuleOrigin::Sheet { .. }))
    }

    /// The auditor's rule for exactly this key, if any.
    pub fn users_rule(&self, a: &Account) -> Option<&AccountRule> {
        self.rules.iter().find(|r| {
            matches!(r.origin, RuleOrigin::Sheet { .. })
                && r.chart == a.chart
                && r.code == a.code
                && r.analytic == a.analytic
        })
    }

    /// Adds a rule (the auditor's: it beats a built-in rule of the same
    /// key).
    pub fn push(&mut self, rule: AccountRule) {
        self.rules.push(rule);
    }

    /// The rule that applies to an account: the most specific one.
    pub fn find(&self, a: &Account) -> Option<&AccountRule> {
        self.rules
            .iter()
            .filter(|r| r.applies_to(a))
            .max_by_key(|r| r.specificity())
    }
}

/// How one rule of the map was used on a `Výsledovka` sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleUse {
    /// The rule.
    pub rule: AccountRule,
    /// Rows it mapped.
    pub rows: u64,
    /// Their amounts' sum, Kč.
    pub amount: Decimal,
}

/// The accounts a dataset's costs and revenues came from: the sheet, the
/// map, and every rule applied (the report's `Metodika` lists them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountsUsed {
    /// The `Výsledovka` sheet's name as written.
    pub sheet: String,
    /// The auditor's `Účtová mapa` sheet's name as written, when one was
    /// given (its rules beat the built-in ones).
    pub map_sheet: Option<String>,
    /// The rules applied, in the order first used.
    pub rules: Vec<RuleUse>,
}

impl AccountsUsed {
    /// Counts one row mapped by `rule`.
    pub(crate) fn count(&mut self, rule: &AccountRule, amount: Decimal) {
        match self.rules.iter_mut().find(|u| &u.rule == rule) {
            Some(u) => {
                u.rows += 1;
                u.amount += amount;
            }
            None => self.rules.push(RuleUse {
                rule: rule.clone(),
                rows: 1,
                amount,
            }),
        }
    }

    /// True when some rule applied was provisional (built in and not read
    /// in a source).
    pub fn any_provisional(&self) -> bool {
        self.rules
            .iter()
            .any(|u| u.rule.origin == RuleOrigin::BuiltIn && !u.rule.verified)
    }
}

/// A built-in rule as written in [`BUILT_IN`].
struct Def {
    chart: Chart,
    code: &'static str,
    name: &'static str,
    to: To,
    source: &'static str,
    verified: bool,
}

/// A built-in rule's target: a category code and group, a source, or none.
enum To {
    Cost(&'static str, CostGroup),
    Revenue(RevenueSource),
    Excluded,
}

impl Def {
    fn rule(&self) -> AccountRule {
        AccountRule {
            chart: self.chart,
            code: self.code.to_string(),
            analytic: None,
            name: self.name.to_string(),
            target: match self.to {
                To::Cost(category, group) => AccountUse::Cost {
                    category: CostCategory::parse(category),
                    group,
                },
                To::Revenue(source) => AccountUse::Revenue { source },
                To::Excluded => AccountUse::Excluded,
            },
            source: self.source.to_string(),
            verified: self.verified,
            eligible: None,
            origin: RuleOrigin::BuiltIn,
        }
    }
}

/// The names of the chart's accounts; the grouping into our categories is
/// general knowledge (provisional), after the MPSV grant budget's lines.
const CHART: &str = "vyhláška 410/2009 Sb. (účtový rozvrh příspěvkových organizací) a 504/2002 Sb. \
     (nevládní neziskové organizace); názvy účtů dle zveřejněných rozpočtů PO \
     (mssemnice.estranky.cz); zařazení do kategorie podle rozpočtu žádosti o dotaci MPSV \
     (help.socpos.mpsv.cz/Rozpocet) je obecná znalost, předběžné";
/// The NGO's one grant account for every public source.
const NGO_GRANT: &str = "příručka POHODA (stormware.cz): 691 Provozní dotace je jeden účet pro \
     stát, kraj i obec; zdroj rozliší jen analytika (nebo 346 stát / 348 kraj a obec)";
/// The contributory organisation's transfers account.
const PO_TRANSFERS: &str = "příručka POHODA (stormware.cz): 672 Výnosy vybraných místních vládních \
     institucí z transferů nese příspěvek zřizovatele na provoz i transfery kraje a EU; zdroj \
     rozliší jen analytika";
/// The budget items' names; the grouping is general knowledge.
const BUDGET: &str = "vyhláška 412/2021 Sb. o rozpočtové skladbě, názvy položek (repozitář \
     gov-budget-cz); zařazení do kategorie podle rozpočtu žádosti o dotaci MPSV \
     (help.socpos.mpsv.cz/Rozpocet) je obecná znalost, předběžné";

use Chart::{Accounts as A, Budget as B};
use CostGroup::{Operating as OP, Personnel as PE};

const fn def(chart: Chart, code: &'static str, name: &'static str, to: To) -> Def {
    Def {
        chart,
        code,
        name,
        to,
        source: match chart {
            Chart::Accounts => CHART,
            Chart::Budget => BUDGET,
        },
        verified: false,
    }
}

/// The built-in map. A class or group row catches what the rows below it
/// do not name, so that every class-5 amount is a cost and the total is the
/// statement's; the auditor's `Účtová mapa` refines an account or analytic
/// (the fuel analytic of 501 as `phm`, the rent analytic of 518 as
/// `najem`).
const BUILT_IN: &[Def] = &[
    // The chart of accounts: costs.
    def(A, "5", "Náklady jinde neuvedené", To::Cost("ostatni", OP)),
    def(A, "501", "Spotřeba materiálu", To::Cost("material", OP)),
    def(A, "502", "Spotřeba energie", To::Cost("energie", OP)),
    def(
        A,
        "503",
        "Spotřeba jiných neskladovatelných dodávek (voda)",
        To::Cost("energie", OP),
    ),
    def(A, "511", "Opravy a udržování", To::Cost("opravy", OP)),
    def(A, "512", "Cestovné", To::Cost("sluzby", OP)),
    def(A, "513", "Náklady na reprezentaci", To::Cost("ostatni", OP)),
    def(A, "518", "Ostatní služby", To::Cost("sluzby", OP)),
    def(
        A,
        "52",
        "Osobní náklady jinde neuvedené",
        To::Cost("ostatni", PE),
    ),
    def(
        A,
        "521",
        "Mzdové náklady (i DPP a DPČ, rozliší je jen analytika)",
        To::Cost("mzdy", PE),
    ),
    def(
        A,
        "524",
        "Zákonné sociální pojištění",
        To::Cost("pojistne", PE),
    ),
    def(
        A,
        "525",
        "Jiné sociální pojištění (zákonné pojištění odpovědnosti)",
        To::Cost("pojistne", PE),
    ),
    def(
        A,
        "527",
        "Zákonné sociální náklady (FKSP, stravování)",
        To::Cost("ostatni", PE),
    ),
    def(A, "528", "Jiné sociální náklady", To::Cost("ostatni", PE)),
    def(A, "53", "Daně a poplatky", To::Cost("ostatni", OP)),
    def(
        A,
        "54",
        "Ostatní náklady (pokuty, dary, manka a škody, tvorba fondů)",
        To::Cost("ostatni", OP),
    ),
    def(
        A,
        "55",
        "Zůstatková cena prodaného majetku, rezervy, opravné položky, odpis pohledávek",
        To::Cost("ostatni", OP),
    ),
    def(
        A,
        "551",
        "Odpisy dlouhodobého majetku",
        To::Cost("odpisy", OP),
    ),
    def(
        A,
        "558",
        "Náklady z drobného dlouhodobého majetku",
        To::Cost("material", OP),
    ),
    def(A, "56", "Finanční náklady (úroky)", To::Cost("ostatni", OP)),
    // The chart of accounts: revenues.
    def(
        A,
        "6",
        "Výnosy jinde neuvedené",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        A,
        "602",
        "Výnosy z prodeje služeb (úhrady klientů; i platby zdravotních pojišťoven, má-li je služba)",
        To::Revenue(RevenueSource::UserFees),
    ),
    def(
        A,
        "603",
        "Výnosy z pronájmu",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        A,
        "64",
        "Ostatní výnosy (čerpání fondů, jiné ostatní výnosy)",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        A,
        "66",
        "Finanční výnosy (úroky)",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        A,
        "67",
        "Výnosy z transferů (veřejné peníze, zdroj neurčen)",
        To::Revenue(RevenueSource::PublicUnattributed),
    ),
    Def {
        chart: A,
        code: "672",
        name: "Výnosy vybraných místních vládních institucí z transferů (příspěvek zřizovatele, transfery kraje a EU)",
        to: To::Revenue(RevenueSource::PublicUnattributed),
        source: PO_TRANSFERS,
        verified: true,
    },
    def(
        A,
        "68",
        "Přijaté příspěvky a dary",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        A,
        "69",
        "Provozní dotace (veřejné peníze, zdroj neurčen)",
        To::Revenue(RevenueSource::PublicUnattributed),
    ),
    Def {
        chart: A,
        code: "691",
        name: "Provozní dotace (stát, kraj i obec na jednom účtu)",
        to: To::Revenue(RevenueSource::PublicUnattributed),
        source: NGO_GRANT,
        verified: true,
    },
    // The budget composition: current spending.
    def(
        B,
        "5",
        "Běžné výdaje jinde neuvedené",
        To::Cost("ostatni", OP),
    ),
    def(
        B,
        "50",
        "Platy, ostatní platby za provedenou práci a pojistné jinde neuvedené",
        To::Cost("ostatni", PE),
    ),
    def(
        B,
        "501",
        "Platy (5011 platy zaměstnanců v pracovním poměru)",
        To::Cost("mzdy", PE),
    ),
    def(
        B,
        "5021",
        "Ostatní osobní výdaje (DPP, DPČ)",
        To::Cost("dpp_dpc", PE),
    ),
    def(
        B,
        "503",
        "Povinné pojistné placené zaměstnavatelem (5031 sociální, 5032 zdravotní, 5038 pojištění odpovědnosti)",
        To::Cost("pojistne", PE),
    ),
    def(
        B,
        "5342",
        "Převody fondu kulturních a sociálních potřeb (FKSP)",
        To::Cost("ostatni", PE),
    ),
    def(
        B,
        "513",
        "Nákup materiálu (5132–5139, 5137 drobný hmotný dlouhodobý majetek)",
        To::Cost("material", OP),
    ),
    def(
        B,
        "515",
        "Nákup vody, paliv a energie (5151 voda, 5152 teplo, 5153 plyn, 5154 elektřina)",
        To::Cost("energie", OP),
    ),
    def(B, "5156", "Pohonné hmoty a maziva", To::Cost("phm", OP)),
    def(
        B,
        "516",
        "Nákup služeb (5161–5169: pošta, telekomunikace, služby)",
        To::Cost("sluzby", OP),
    ),
    def(B, "5164", "Nájemné", To::Cost("najem", OP)),
    def(
        B,
        "5167",
        "Služby školení a vzdělávání",
        To::Cost("vzdelavani", OP),
    ),
    def(B, "517", "Ostatní nákupy", To::Cost("ostatni", OP)),
    def(B, "5171", "Opravy a udržování", To::Cost("opravy", OP)),
    def(B, "5173", "Cestovné", To::Cost("sluzby", OP)),
    def(
        B,
        "519",
        "Výdaje na náhrady, sankce a dary (5191, 5194)",
        To::Cost("ostatni", OP),
    ),
    def(
        B,
        "533",
        "Neinvestiční transfery zřízeným příspěvkovým organizacím: náklady služby jsou v účetnictví té organizace",
        To::Excluded,
    ),
    // The budget composition: income.
    def(
        B,
        "2",
        "Nedaňové příjmy jinde neuvedené",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        B,
        "2111",
        "Příjmy z poskytování služeb a výrobků (úhrady klientů)",
        To::Revenue(RevenueSource::UserFees),
    ),
    def(
        B,
        "2221",
        "Přijaté vratky transferů od jiných veřejných rozpočtů: vrácené dříve vydané peníze, ne výnos služby",
        To::Excluded,
    ),
    def(
        B,
        "2321",
        "Přijaté neinvestiční dary",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        B,
        "2324",
        "Přijaté nekapitálové příspěvky a náhrady",
        To::Revenue(RevenueSource::Other),
    ),
    def(
        B,
        "4",
        "Přijaté transfery jinde neuvedené (veřejné peníze, zdroj neurčen)",
        To::Revenue(RevenueSource::PublicUnattributed),
    ),
    def(
        B,
        "4116",
        "Ostatní neinvestiční přijaté transfery ze státního rozpočtu (dotace MPSV; může jít i o jiný resort, např. úřad práce)",
        To::Revenue(RevenueSource::Mpsv),
    ),
    def(
        B,
        "4121",
        "Neinvestiční přijaté transfery od obcí",
        To::Revenue(RevenueSource::Municipality),
    ),
    def(
        B,
        "4122",
        "Neinvestiční přijaté transfery od krajů: vlastní peníze kraje, nebo dotace MPSV poslaná přes kraj (rozliší účelový znak)",
        To::Revenue(RevenueSource::PublicUnattributed),
    ),
    def(
        B,
        "4153",
        "Neinvestiční transfery přijaté od EU (projekty ESF přes MPSV nebo kraj)",
        To::Revenue(RevenueSource::PublicUnattributed),
    ),
    def(
        B,
        "42",
        "Investiční přijaté transfery: na majetek, ne na provoz",
        To::Excluded,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(s: &str) -> Account {
        Account::parse(s, false).unwrap_or_else(|| panic!("{s:?} is no account"))
    }

    #[test]
    fn account_codes_as_accountants_write_them() {
        let chart = |code: &str, analytic: Option<&str>| Account {
            chart: Chart::Accounts,
            code: code.into(),
            analytic: analytic.map(Into::into),
        };
        let item = |code: &str| Account {
            chart: Chart::Budget,
            code: code.into(),
            analytic: None,
        };
        for (text, want) in [
            ("521", chart("521", None)),
            (" 521 ", chart("521", None)),
            ("521.100", chart("521", Some("100"))),
            ("521/100", chart("521", Some("100"))),
            ("521-100", chart("521", Some("100"))),
            ("521 100", chart("521", Some("100"))),
            ("521100", chart("521", Some("100"))),
            // Five to nine digits: the synthetic account and the rest.
            ("52101", chart("521", Some("01"))),
            ("521000100", chart("521", Some("000100"))),
            // A number cell of 521.1 (the analytic's zeros lost).
            ("521.1", chart("521", Some("1"))),
            ("521 - Mzdové náklady", chart("521", None)),
            ("518.300 Nájemné", chart("518", Some("300"))),
            ("602: Výnosy z prodeje služeb", chart("602", None)),
            ("5011", item("5011")),
            ("2111 Příjmy z poskytování služeb", item("2111")),
        ] {
            assert_eq!(Account::parse(text, false), Some(want), "{text:?}");
        }
        for bad in [
            "",
            "5",
            "52",
            "Náklady celkem",
            "Mzdy",
            "5011.1",
            "4351/5011",
            "5211001000",
            "52a",
            "521.1234567",
            "1.2.3",
        ] {
            assert_eq!(Account::parse(bad, false), None, "{bad:?}");
        }
        // With a `Paragraf` column only budget items.
        assert_eq!(Account::parse("5011", true), Some(item("5011")));
        assert_eq!(Account::parse("521", true), None);
        assert_eq!(Account::parse("521100", true), None);
    }

    #[test]
    fn classes_say_cost_or_revenue_per_numbering() {
        let side = |s: &str| acc(s).side();
        assert_eq!(side("521"), Some(Side::Cost));
        assert_eq!(side("602"), Some(Side::Revenue));
        assert_eq!(side("311"), None); // receivables
        assert_eq!(side("401"), None); // equity
        assert_eq!(side("701"), None); // closing
        assert_eq!(side("5011"), Some(Side::Cost));
        assert_eq!(side("2111"), Some(Side::Revenue));
        assert_eq!(side("4116"), Some(Side::Revenue));
        assert_eq!(side("1111"), None); // a tax
        assert_eq!(side("3111"), None); // capital income
        assert_eq!(side("6121"), None); // capital spending
        assert_eq!(side("8115"), None); // financing
        assert_eq!(acc("521.100").to_string(), "521.100");
        assert_eq!(acc("521100").to_string(), "521.100");
    }

    #[test]
    fn the_most_specific_rule_applies() {
        let map = AccountMap::built_in();
        let target = |s: &str| map.find(&acc(s)).map(|r| r.target.clone());
        let cost = |c: CostCategory, g: CostGroup| {
            Some(AccountUse::Cost {
                category: c,
                group: g,
            })
        };
        let rev = |s: RevenueSource| Some(AccountUse::Revenue { source: s });
        use CostCategory as C;
        use RevenueSource as R;
        assert_eq!(target("521"), cost(C::Wages, PE));
        assert_eq!(target("521.100"), cost(C::Wages, PE));
        assert_eq!(target("524"), cost(C::Insurance, PE));
        assert_eq!(target("527"), cost(C::Other, PE));
        // 529 is named by no row: the group 52 (personnel) catches it.
        assert_eq!(target("529"), cost(C::Other, PE));
        assert_eq!(target("551"), cost(C::Depreciation, OP));
        assert_eq!(target("555"), cost(C::Other, OP));
        // 591 (income tax) only by the class row.
        assert_eq!(target("591"), cost(C::Other, OP));
        assert_eq!(target("602"), rev(R::UserFees));
        assert_eq!(target("648"), rev(R::Other));
        assert_eq!(target("672"), rev(R::PublicUnattributed));
        assert_eq!(target("672.300"), rev(R::PublicUnattributed));
        assert_eq!(target("691"), rev(R::PublicUnattributed));
        assert_eq!(target("682"), rev(R::Other));
        // Budget items.
        assert_eq!(target("5011"), cost(C::Wages, PE));
        assert_eq!(target("5021"), cost(C::OtherPersonnel, PE));
        assert_eq!(target("5024"), cost(C::Other, PE)); // severance: group 50
        assert_eq!(target("5031"), cost(C::Insurance, PE));
        assert_eq!(target("5038"), cost(C::Insurance, PE));
        assert_eq!(target("5342"), cost(C::Other, PE));
        assert_eq!(target("5137"), cost(C::Material, OP));
        assert_eq!(target("5154"), cost(C::Energy, OP));
        assert_eq!(target("5156"), cost(C::Fuel, OP));
        assert_eq!(target("5164"), cost(C::Rent, OP));
        assert_eq!(target("5167"), cost(C::Training, OP));
        assert_eq!(target("5169"), cost(C::Services, OP));
        assert_eq!(target("5171"), cost(C::Repairs, OP));
        assert_eq!(target("5173"), cost(C::Services, OP));
        assert_eq!(target("5175"), cost(C::Other, OP));
        assert_eq!(target("5194"), cost(C::Other, OP));
        assert_eq!(target("5331"), Some(AccountUse::Excluded));
        assert_eq!(target("2111"), rev(R::UserFees));
        assert_eq!(target("2321"), rev(R::Other));
        assert_eq!(target("2324"), rev(R::Other));
        assert_eq!(target("2132"), rev(R::Other));
        assert_eq!(target("2221"), Some(AccountUse::Excluded));
        assert_eq!(target("4116"), rev(R::Mpsv));
        assert_eq!(target("4121"), rev(R::Municipality));
        assert_eq!(target("4122"), rev(R::PublicUnattributed));
        assert_eq!(target("4153"), rev(R::PublicUnattributed));
        assert_eq!(target("4216"), Some(AccountUse::Excluded));
    }

    #[test]
    fn every_built_in_rule_has_a_source_and_fits_its_class() {
        let map = AccountMap::built_in();
        let mut keys = std::collections::BTreeSet::new();
        for r in map.rules() {
            assert!(!r.source.is_empty() && !r.name.is_empty(), "{}", r.key());
            assert!(keys.insert((r.chart, r.key())), "{} twice", r.key());
            // A rule's target matches its class: costs for class 5,
            // revenues for the revenue classes.
            let class = r.code.as_bytes()[0] - b'0';
            let side = match (r.chart, class) {
                (_, 5) => Side::Cost,
                _ => Side::Revenue,
            };
            match (&r.target, side) {
                (AccountUse::Cost { category, group }, Side::Cost) => {
                    // A known category in its group, or `ostatni` of either.
                    assert!(
                        category.group() == Some(*group) || *category == CostCategory::Other,
                        "{}",
                        r.key()
                    );
                }
                (AccountUse::Revenue { .. }, Side::Revenue) | (AccountUse::Excluded, _) => {}
                _ => panic!("{}: target does not fit the class", r.key()),
            }
            // Only the rules read in a source say so.
            assert_eq!(r.verified, matches!(r.code.as_str(), "672" | "691"));
        }
    }

    #[test]
    fn an_auditors_rule_beats_the_built_in_one() {
        let mut map = AccountMap::built_in();
        let rule = |code: &str, analytic: Option<&str>, source: RevenueSource| AccountRule {
            chart: Chart::Accounts,
            code: code.into(),
            analytic: analytic.map(Into::into),
            name: String::new(),
            target: AccountUse::Revenue { source },
            source: String::new(),
            verified: true,
            origin: RuleOrigin::Sheet {
                place: Place::new("Účtová mapa", 2, 0),
            },
            eligible: None,
        };
        map.push(rule("691", Some("100"), RevenueSource::Mpsv));
        map.push(rule("672", None, RevenueSource::Municipality));
        let source = |s: &str| match &map.find(&acc(s)).unwrap().target {
            AccountUse::Revenue { source } => *source,
            other => panic!("{other:?}"),
        };
        assert_eq!(source("691.100"), RevenueSource::Mpsv);
        assert_eq!(source("691.200"), RevenueSource::PublicUnattributed);
        assert_eq!(source("691"), RevenueSource::PublicUnattributed);
        assert_eq!(source("672"), RevenueSource::Municipality);
        assert_eq!(source("672.1"), RevenueSource::Municipality);
        assert!(map.has_users_rules());
        assert!(map.users_rule(&acc("691.100")).is_some());
        assert!(map.users_rule(&acc("691")).is_none());
    }
}
