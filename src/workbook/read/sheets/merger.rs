//! A merger workbook: `Sloučení` (assumptions), `Vzdálenosti` (travel
//! minutes), `Jednotný ceník` (the merged price list).

use rust_decimal::Decimal;

use super::non_negative;
use crate::law::EightyHourRule;
use crate::matching::fold;
use crate::model::{Distance, ManagementRole, Merger, PriceRule, Role, Roster, StaffingBasis};
use crate::problem::{Problem, Reason};
use crate::workbook::read::table::Row;
use crate::workbook::read::value;

const PARAMETER: usize = 0;
const VALUE: usize = 1;
const SOURCE: usize = 2;

/// What a `Sloučení` row's parameter names.
enum Key {
    Name,
    PriceRule,
    Target,
    Basis,
    Fte(Role),
    ClientsPerFte(Role),
    Roster,
    SharedReduction,
    EightyHours,
}

impl Key {
    fn parse(text: &str) -> Option<Key> {
        let f = fold(text);
        let role_after = |prefixes: &[&str]| {
            prefixes
                .iter()
                .find_map(|p| f.strip_prefix(p))
                .and_then(|rest| Role::parse(rest.trim()))
        };
        Some(match f.as_str() {
            "nazev" | "name" => Key::Name,
            "cenik" | "price list" | "price_rule" => Key::PriceRule,
            "cilove vytizeni" | "target utilisation" | "target_utilisation" => Key::Target,
            "planovani" | "staffing basis" | "staffing_basis" => Key::Basis,
            "spolecny rozpis" | "pooled roster" | "roster" => Key::Roster,
            "uspora rezie" | "shared reduction" | "shared_reduction" => Key::SharedReduction,
            "pravidlo 80 hodin" | "eighty hour rule" | "eighty_hour_rule" => Key::EightyHours,
            _ => {
                if let Some(r) = role_after(&["klientu na uvazek ", "clients per fte "]) {
                    Key::ClientsPerFte(r)
                } else {
                    Key::Fte(role_after(&["uvazky ", "uvazek ", "fte "])?)
                }
            }
        })
    }

    /// The assumption's id in [`Merger::sources`].
    fn id(&self) -> &'static str {
        match self {
            Key::Name => "name",
            Key::PriceRule => "price_rule",
            Key::Target => "target_utilisation",
            Key::Basis => "staffing_basis",
            Key::Fte(_) | Key::ClientsPerFte(_) => "management",
            Key::Roster => "roster",
            Key::SharedReduction => "shared_reduction",
            Key::EightyHours => "eighty_hour_rule",
        }
    }
}

fn share(row: &Row<'_, '_>, min: Decimal) -> Result<Decimal, Problem> {
    let v = row.req(VALUE, value::decimal)?;
    if v < min || v > Decimal::ONE {
        return Err(row.reject(
            VALUE,
            Reason::OutOfRange(format!("{}–1", min.normalize()).replace('.', ",")),
        ));
    }
    Ok(v)
}

fn role_entry(m: &mut Merger, role: Role) -> &mut ManagementRole {
    if let Some(i) = m.management.iter().position(|r| r.role == role) {
        return &mut m.management[i];
    }
    m.management.push(ManagementRole {
        role,
        fixed_fte: Decimal::ZERO,
        clients_per_fte: None,
    });
    let last = m.management.len() - 1;
    &mut m.management[last]
}

/// One `Sloučení` row into the merger, with its source.
pub(crate) fn assumption(row: &Row<'_, '_>, m: &mut Merger) -> Result<(), Problem> {
    let text = row.req(PARAMETER, value::text)?;
    let key = Key::parse(&text).ok_or_else(|| row.reject(PARAMETER, Reason::UnknownAssumption))?;
    let word = || row.req(VALUE, value::text);
    match &key {
        Key::Name => m.name = word()?.trim().to_string(),
        Key::PriceRule => {
            m.price_rule = PriceRule::parse(&word()?).ok_or_else(|| {
                row.reject(
                    VALUE,
                    Reason::OutOfRange("nejnižší, nejvyšší, zadaný, limity".into()),
                )
            })?;
        }
        Key::Target => m.target_utilisation = share(row, Decimal::new(5, 2))?,
        Key::Basis => {
            m.staffing_basis = StaffingBasis::parse(&word()?)
                .ok_or_else(|| row.reject(VALUE, Reason::OutOfRange("špička, průměr".into())))?;
        }
        Key::Fte(role) => {
            let v = non_negative(row, VALUE, Some(row.req(VALUE, value::decimal)?))?
                .unwrap_or_default();
            if v > Decimal::from(100) {
                return Err(row.reject(VALUE, Reason::OutOfRange("0–100".into())));
            }
            role_entry(m, *role).fixed_fte = v;
        }
        Key::ClientsPerFte(role) => {
            let v = row.req(VALUE, value::decimal)?;
            if v < Decimal::ONE || v > Decimal::from(100_000) {
                return Err(row.reject(VALUE, Reason::OutOfRange("1–100000".into())));
            }
            role_entry(m, *role).clients_per_fte = Some(v);
        }
        Key::Roster => m.roster = Roster::parse(&word()?),
        Key::SharedReduction => m.shared_reduction = share(row, Decimal::ZERO)?,
        Key::EightyHours => {
            m.eighty_hour_rule = match fold(&word()?).as_str() {
                "vse" | "vsechny hodiny" | "all" | "all hours" => EightyHourRule::AllHoursOfMonth,
                "nad 80" | "jen nad 80" | "above 80" => EightyHourRule::HoursAbove80,
                _ => {
                    return Err(row.reject(VALUE, Reason::OutOfRange("vše, nad 80".into())));
                }
            };
        }
    }
    let source = row
        .get(SOURCE, value::text)?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let place = row.place(VALUE).to_string();
    let entry = match source {
        Some(s) => format!("{place}: {s}"),
        None => place,
    };
    m.sources
        .entry(key.id().to_string())
        .and_modify(|e| {
            e.push_str("; ");
            e.push_str(&entry);
        })
        .or_insert(entry);
    Ok(())
}

/// One `Vzdálenosti` row.
pub(crate) fn distance(row: &Row<'_, '_>) -> Result<Distance, Problem> {
    let from = row.req(0, value::text)?.trim().to_string();
    let to = row.req(1, value::text)?.trim().to_string();
    let minutes = non_negative(row, 2, Some(row.req(2, value::decimal)?))?.unwrap_or_default();
    if minutes > Decimal::from(24 * 60) {
        return Err(row.reject(2, Reason::OutOfRange("0–1440".into())));
    }
    Ok(Distance { from, to, minutes })
}

/// One `Jednotný ceník` row: task code and price.
pub(crate) fn price(row: &Row<'_, '_>) -> Result<(String, Decimal), Problem> {
    let code = row.req(0, value::text)?.trim().to_string();
    let price = non_negative(row, 1, Some(row.req(1, value::decimal)?))?.unwrap_or_default();
    if price > Decimal::from(1_000_000) {
        return Err(row.reject(1, Reason::OutOfRange("0–1000000".into())));
    }
    Ok((code, price))
}
