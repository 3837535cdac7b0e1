//! A merger workbook: `Sloučení` (assumptions), `Vzdálenosti` (travel
//! minutes), `Jednotný ceník` (the merged price list).
//!
//! Every row is accepted or rejected with its place, and a rejected row is
//! kept on the merger ([`Merger::cells`]) with the assumption it was meant
//! to state: the study then leaves that effect "not available" rather than
//! take the default in its place. A parameter, a pair of municipalities or
//! a task given twice is rejected the second time (the first is kept), so
//! that no value wins over another without a word.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::non_negative;
use crate::law::EightyHourRule;
use crate::matching::fold;
use crate::model::{
    Distance, ManagementRole, Merger, PriceRule, RejectedCell, Role, Roster, StaffingBasis,
};
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

    /// The known parameter an unknown name most likely means (a typo:
    /// `klienti na úvazek SP`, `cílové využití`), by edit distance on the
    /// folded name with a role code at its end set aside: its Czech name
    /// and the assumption's id.
    fn near(text: &str) -> Option<(&'static str, &'static str)> {
        const KNOWN: [(&str, &str); 9] = [
            ("název", "name"),
            ("ceník", "price_rule"),
            ("cílové vytížení", "target_utilisation"),
            ("plánování", "staffing_basis"),
            ("společný rozpis", "roster"),
            ("úspora režie", "shared_reduction"),
            ("pravidlo 80 hodin", "eighty_hour_rule"),
            ("klientů na úvazek", "management"),
            ("úvazky", "management"),
        ];
        let f = fold(text);
        let stem = match f.rsplit_once(' ') {
            Some((head, last)) if Role::parse(last).is_some() => head.to_string(),
            _ => f.clone(),
        };
        KNOWN
            .iter()
            .map(|(name, id)| (edit_distance(&stem, &fold(name)), *name, *id))
            .filter(|(d, name, _)| *d <= (name.chars().count() / 4).max(2))
            .min_by_key(|(d, ..)| *d)
            .map(|(_, name, id)| (name, id))
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

    /// What a second row of the same parameter would overwrite: a role's
    /// fixed FTE and its clients per FTE are each their own.
    fn slot(&self) -> String {
        match self {
            Key::Fte(r) => format!("fte {}", r.code()),
            Key::ClientsPerFte(r) => format!("clients_per_fte {}", r.code()),
            other => other.id().to_string(),
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

/// The merger workbook's sheets read into a [`Merger`], row by row.
#[derive(Default)]
pub(crate) struct MergerSheets {
    merger: Merger,
    /// The `Jednotný ceník` rows accepted.
    given: Vec<(String, Decimal)>,
    /// Where each parameter (by [`Key::slot`]) was first given.
    first: HashMap<String, String>,
    /// Where each pair of municipalities (folded, in order) was first
    /// given, with its minutes.
    pairs: HashMap<(String, String), (Decimal, String)>,
    /// Where each task of the stated list was first given.
    codes: HashMap<String, String>,
    /// Each rejected `Sloučení` value's index in the rejected cells, and
    /// its parameter's slot.
    rejected_slots: Vec<(usize, String)>,
    /// The first and last accepted `Vzdálenosti` rows' places.
    distance_rows: Option<(String, String)>,
    /// The first and last accepted `Jednotný ceník` rows' places.
    price_rows: Option<(String, String)>,
}

/// Levenshtein distance in characters (names are short: a row of the
/// table at a time, bounded by the shorter name's length).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.chars().take(64).collect(), b.chars().take(64).collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Widens a span of rows by one place.
fn span(rows: &mut Option<(String, String)>, here: String) {
    match rows {
        Some((_, last)) => *last = here,
        None => *rows = Some((here.clone(), here)),
    }
}

/// A span as a reader writes it: `Vzdálenosti!A2–A22 (21)`.
fn span_text(rows: &(String, String), n: usize) -> String {
    let (first, last) = rows;
    let last = last.rsplit_once('!').map_or(last.as_str(), |x| x.1);
    format!("{first}–{last} ({n})")
}

impl MergerSheets {
    /// The merger, with the stated list in place and the row counts of
    /// `rows` (the reader's, per sheet).
    pub(crate) fn finish(
        mut self,
        rows: &std::collections::BTreeMap<String, crate::problem::RowCount>,
    ) -> Merger {
        if let PriceRule::Given(list) = &mut self.merger.price_rule {
            *list = self.given;
            if let Some((first, last)) = &self.price_rows {
                let e = self.merger.sources.entry("price_rule".into()).or_default();
                if !e.is_empty() {
                    e.push_str("; ");
                }
                e.push_str(&span_text(&(first.clone(), last.clone()), list.len()));
            }
        }
        self.merger.cells.rows = rows.clone();
        // The table is the distances' source: its rows, named.
        if let Some(rows) = &self.distance_rows {
            let n = self.merger.distances.len();
            self.merger
                .sources
                .entry("distances".into())
                .or_insert(span_text(rows, n));
        }
        self.merger
    }

    /// Keeps a rejected row with the assumption it was meant to state.
    fn rejected(&mut self, assumption: Option<&'static str>, p: Problem) -> Problem {
        self.merger.cells.rejected.push(RejectedCell {
            assumption,
            problem: p.clone(),
        });
        p
    }

    /// One `Sloučení` row.
    pub(crate) fn assumption(&mut self, row: &Row<'_, '_>) -> Result<(), Problem> {
        let text = row
            .req(PARAMETER, value::text)
            .map_err(|p| self.rejected(None, p))?;
        let Some(key) = Key::parse(&text) else {
            // A typo of a known parameter holds its effect back, as a
            // rejected value would: the study never runs on the default
            // the auditor meant to replace.
            return Err(match Key::near(&text) {
                Some((name, id)) => {
                    let p = row.reject(PARAMETER, Reason::SimilarAssumption(name.to_string()));
                    self.rejected(Some(id), p)
                }
                None => {
                    let p = row.reject(PARAMETER, Reason::UnknownAssumption);
                    self.rejected(None, p)
                }
            });
        };
        let id = key.id();
        if let Some(first) = self.first.get(&key.slot()) {
            let p = row.reject(VALUE, Reason::GivenBefore(first.clone()));
            return Err(self.rejected(Some(id), p));
        }
        let slot = key.slot();
        assumption(row, &key, &mut self.merger).map_err(|p| {
            self.rejected_slots
                .push((self.merger.cells.rejected.len(), slot.clone()));
            self.rejected(Some(id), p)
        })?;
        // A valid row after a rejected one of the same parameter states it:
        // the rejected cell stays listed but no longer holds its effect back.
        for (i, s) in &self.rejected_slots {
            if *s == slot
                && let Some(c) = self.merger.cells.rejected.get_mut(*i)
            {
                c.assumption = None;
            }
        }
        self.first.insert(slot, row.place(VALUE).to_string());
        Ok(())
    }

    /// One `Vzdálenosti` row.
    pub(crate) fn distance(&mut self, row: &Row<'_, '_>) -> Result<(), Problem> {
        let d = distance(row).map_err(|p| self.rejected(Some("distances"), p))?;
        let (a, b) = (fold(&d.from), fold(&d.to));
        // Either direction is the same pair.
        let pair = if a <= b { (a, b) } else { (b, a) };
        if let Some((minutes, first)) = self.pairs.get(&pair) {
            if *minutes == d.minutes {
                // The same minutes again change nothing.
                return Ok(());
            }
            let p = row.reject(2, Reason::GivenBefore(first.clone()));
            return Err(self.rejected(Some("distances"), p));
        }
        self.pairs
            .insert(pair, (d.minutes, row.place(2).to_string()));
        span(&mut self.distance_rows, row.place(0).to_string());
        self.merger.distances.push(d);
        Ok(())
    }

    /// One `Jednotný ceník` row.
    pub(crate) fn price(&mut self, row: &Row<'_, '_>) -> Result<(), Problem> {
        let (code, price) = price(row).map_err(|p| self.rejected(Some("price_rule"), p))?;
        let folded = fold(&code);
        if let Some(first) = self.codes.get(&folded) {
            let p = row.reject(0, Reason::GivenBefore(first.clone()));
            return Err(self.rejected(Some("price_rule"), p));
        }
        self.codes.insert(folded, row.place(0).to_string());
        span(&mut self.price_rows, row.place(0).to_string());
        self.given.push((code, price));
        Ok(())
    }
}

/// One `Sloučení` row's value into the merger, with its source.
fn assumption(row: &Row<'_, '_>, key: &Key, m: &mut Merger) -> Result<(), Problem> {
    let word = || row.req(VALUE, value::text);
    match key {
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

/// One `Vzdálenosti` row's values.
fn distance(row: &Row<'_, '_>) -> Result<Distance, Problem> {
    let from = row.req(0, value::text)?.trim().to_string();
    let to = row.req(1, value::text)?.trim().to_string();
    let minutes = non_negative(row, 2, Some(row.req(2, value::decimal)?))?.unwrap_or_default();
    if minutes > Decimal::from(24 * 60) {
        return Err(row.reject(2, Reason::OutOfRange("0–1440".into())));
    }
    // Zero minutes between two towns would make either the other's
    // nearest base: a blank cell typed as 0, not a distance.
    if minutes.is_zero() && fold(&from) != fold(&to) {
        return Err(row.reject(
            2,
            Reason::OutOfRange("1–1440 mezi dvěma obcemi / between two towns".into()),
        ));
    }
    Ok(Distance { from, to, minutes })
}

/// One `Jednotný ceník` row's task code and price.
fn price(row: &Row<'_, '_>) -> Result<(String, Decimal), Problem> {
    let code = row.req(0, value::text)?.trim().to_string();
    let price = non_negative(row, 1, Some(row.req(1, value::decimal)?))?.unwrap_or_default();
    if price > Decimal::from(1_000_000) {
        return Err(row.reject(1, Reason::OutOfRange("0–1000000".into())));
    }
    Ok((code, price))
}
