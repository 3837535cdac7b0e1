//! `Výsledovka`: the accounts as the accountant gives them, and
//! `Účtová mapa`: the auditor's rules for them.
//!
//! A `Výsledovka` row is an account or budget item and its amount; the
//! account map makes it a cost line (class 5) or a revenue line (class 6;
//! budget classes 2 and 4). Other classes are rejected, each row with its
//! place. Costs given both here and on `Náklady` (or revenues here and on
//! `Výnosy`) are an error: summed, the same money would count twice.

use crate::error::{Error, ErrorKind};
use crate::matching::fold;
use crate::model::{
    Account, AccountRule, AccountUse, CostCategory, CostGroup, DatasetBuilder, RevenueSource,
    RuleOrigin, Side,
};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::{self, Reading, Row};
use crate::workbook::read::value;
use crate::workbook::schema::SheetKind;

// `Výsledovka`'s fields, in the order of `schema::ACCOUNTS`.
const ACCOUNT: usize = 0;
const NAME: usize = 1;
const AMOUNT: usize = 2;
const PARAGRAPH: usize = 3;

// `Účtová mapa`'s fields, in the order of `schema::ACCOUNT_MAP`.
const MAP_ACCOUNT: usize = 0;
const MAP_NAME: usize = 1;
const MAP_CATEGORY: usize = 2;
const MAP_GROUP: usize = 3;
const MAP_SOURCE: usize = 4;
const MAP_NOTE: usize = 5;
const MAP_ELIGIBLE: usize = 6;

/// Reads the `Výsledovka` sheet `name`.
///
/// # Errors
///
/// As [`table::read_table`], and [`ErrorKind::GivenTwice`] when the sheet
/// has cost rows and `Náklady` has rows too (or revenue rows and `Výnosy`
/// has rows).
pub(crate) fn read(
    reading: &mut Reading<'_, '_>,
    name: &str,
    b: &mut DatasetBuilder,
) -> Result<(), Error> {
    let mut seen = (0u64, 0u64);
    table::read_table(reading, name, SheetKind::Accounts, None, |r, notices| {
        let paragraph = r.get(PARAGRAPH, value::text)?;
        let text = r.req(ACCOUNT, value::text)?;
        // A row with a budget section is a budget row: its code must be an
        // item (a row without one is read by the code's shape).
        let account = Account::parse(&text, paragraph.is_some())
            .ok_or_else(|| r.reject(ACCOUNT, Reason::NotAnAccount))?;
        match account.side() {
            Some(Side::Cost) => seen.0 += 1,
            Some(Side::Revenue) => seen.1 += 1,
            None => return Err(r.reject(ACCOUNT, Reason::AccountClassNotUsed)),
        }
        let amount = r.req(AMOUNT, value::decimal)?;
        let note = [
            r.get(NAME, value::text)?,
            paragraph.map(|p| format!("§ {p}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        let note = (!note.is_empty()).then_some(note);
        b.account(name, &account, amount, note.as_deref(), r.number)
            .map_err(|e| match e.into_kind() {
                ErrorKind::Invalid {
                    reason: reason @ Reason::OutOfRange(_),
                    ..
                } => r.reject(AMOUNT, reason),
                ErrorKind::Invalid { reason, .. } => r.reject(ACCOUNT, reason),
                _ => r.reject(ACCOUNT, Reason::Missing),
            })?;
        if amount.is_sign_negative() && !amount.is_zero() {
            notices.push(r.reject(AMOUNT, Reason::NegativeCorrection));
        }
        Ok(())
    })?;
    // Checked after the rows (a sheet of revenues only may stand beside a
    // typed `Náklady`): `Náklady` and `Výnosy` are read before this sheet.
    for (kind, rows) in [(SheetKind::Costs, seen.0), (SheetKind::Revenues, seen.1)] {
        if rows > 0 && reading.problems.count(kind.cs()).read > 0 {
            return Err(Error::new(ErrorKind::GivenTwice {
                lines: kind.cs(),
                accounts: name.to_string(),
            }));
        }
    }
    Ok(())
}

/// True for the words that exclude an account (`nepoužít`).
fn excludes(text: &str) -> bool {
    matches!(
        fold(text).as_str(),
        "nepouzit"
            | "nepouzije se"
            | "vyloucit"
            | "vylouceno"
            | "exclude"
            | "excluded"
            | "not used"
    )
}

/// One row of `Účtová mapa` (the sheet `sheet`): a rule for an account or
/// analytic, beating the built-in one.
pub(crate) fn map_row(r: &Row<'_, '_>, b: &mut DatasetBuilder, sheet: &str) -> Result<(), Problem> {
    let text = r.req(MAP_ACCOUNT, value::text)?;
    let account =
        Account::parse(&text, false).ok_or_else(|| r.reject(MAP_ACCOUNT, Reason::NotAnAccount))?;
    let side = account
        .side()
        .ok_or_else(|| r.reject(MAP_ACCOUNT, Reason::AccountClassNotUsed))?;
    let category = r.get(MAP_CATEGORY, value::text)?;
    let source = r.get(MAP_SOURCE, value::text)?;
    let target = match (category, source) {
        (Some(c), None) if excludes(&c) => AccountUse::Excluded,
        (None, Some(s)) if excludes(&s) => AccountUse::Excluded,
        (Some(_), Some(_)) => return Err(r.reject(MAP_SOURCE, Reason::AccountMapMismatch)),
        (None, None) => return Err(r.reject(MAP_CATEGORY, Reason::Missing)),
        (Some(_), None) if side != Side::Cost => {
            return Err(r.reject(MAP_CATEGORY, Reason::AccountMapMismatch));
        }
        (None, Some(_)) if side != Side::Revenue => {
            return Err(r.reject(MAP_SOURCE, Reason::AccountMapMismatch));
        }
        (Some(c), None) => {
            let category = CostCategory::parse(&c);
            let group = match r.get(MAP_GROUP, value::text)? {
                Some(g) => {
                    CostGroup::parse(&g).ok_or_else(|| r.reject(MAP_GROUP, Reason::UnknownGroup))?
                }
                None => category
                    .group()
                    .ok_or_else(|| r.reject(MAP_CATEGORY, Reason::UnknownCategory))?,
            };
            AccountUse::Cost { category, group }
        }
        (None, Some(s)) => AccountUse::Revenue {
            source: RevenueSource::parse(&s)
                .ok_or_else(|| r.reject(MAP_SOURCE, Reason::UnknownRevenueSource))?,
        },
    };
    let place = r.place(MAP_ACCOUNT);
    let rule = AccountRule {
        chart: account.chart,
        code: account.code,
        analytic: account.analytic,
        name: r.get(MAP_NAME, value::text)?.unwrap_or_default(),
        target,
        source: match r.get(MAP_NOTE, value::text)? {
            Some(note) => format!("{place}: {note}"),
            None => place.to_string(),
        },
        verified: true,
        origin: RuleOrigin::Sheet { place },
        eligible: r.get(MAP_ELIGIBLE, value::yes_no)?,
    };
    b.account_rule(sheet, rule)
        .map_err(|e| super::refused(r, MAP_ACCOUNT, e))
}
