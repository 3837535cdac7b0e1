//! `Poskytovatel`: key in column A, value in column B. Not a table, so not
//! counted in the row accounting; an unreadable value is still reported
//! (and in strict mode ends the read).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind};
use crate::matching::fold;
use crate::model::{Provider, check_weekly_hours, ico_is_valid};
use crate::period::Period;
use crate::problem::{Problem, Reason};
use crate::workbook::read::cell::Cell;
use crate::workbook::read::table::{self, Reading};
use crate::workbook::read::value::{self, Ctx};
use crate::workbook::schema::ProviderKey;

/// What the sheet said; the period's ends may be given one at a time.
#[derive(Default)]
pub(crate) struct ProviderSheet {
    pub provider: Provider,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

pub(crate) fn read(
    reading: &mut Reading<'_, '_>,
    name: &str,
    default_name: &str,
) -> Result<ProviderSheet, Error> {
    let Reading {
        source,
        origin,
        ctx,
        budget,
        problems,
        strict,
        ..
    } = reading;
    let (ctx, strict) = (*ctx, *strict);
    let origin = origin.clone();
    let mut out = ProviderSheet {
        provider: Provider::new(default_name),
        ..Default::default()
    };
    table::for_each_row(source, name, budget, problems, |r, cells, _, problems| {
        let number = r + 1;
        let key_cell = cells.iter().find(|(c, _)| *c == 0).map(|(_, v)| v);
        let Some(key_cell) = key_cell else {
            return Ok(());
        };
        let label = fold(&key_cell.raw(ctx.date_1904));
        if matches!(
            label.as_str(),
            "udaj" | "polozka" | "parametr" | "key" | "item"
        ) {
            return Ok(()); // a header row
        }
        let value_cell = cells.iter().find(|(c, _)| *c == 1).map(|(_, v)| v);
        let Some(key) = ProviderKey::parse(&label) else {
            problems.push(Problem::new(
                origin.place(name, number, 0),
                key_cell.raw(ctx.date_1904),
                Reason::UnknownProviderKey,
            ));
            return Ok(());
        };
        let Some(v) = value_cell else {
            return Ok(()); // an empty value keeps the default
        };
        if let Err(reason) = apply(&mut out, key, v, ctx) {
            let p = Problem::new(origin.place(name, number, 1), v.raw(ctx.date_1904), reason);
            if key == ProviderKey::ReasonableProfit {
                out.provider.reasonable_profit_rejected = Some(p.place.to_string());
            }
            if strict {
                return Err(Error::new(ErrorKind::Strict { problem: p }));
            }
            problems.push(p);
        }
        Ok(())
    })?;
    if let (Some(f), Some(t)) = (out.from, out.to) {
        out.provider.period = Period::new(f, t);
        if out.provider.period.is_none() {
            let p = Problem::new(
                origin.place(name, 1, 1),
                format!("{f} – {t}"),
                Reason::OutOfRange("od ≤ do".into()),
            );
            if strict {
                return Err(Error::new(ErrorKind::Strict { problem: p }));
            }
            problems.push(p);
        }
    }
    Ok(out)
}

fn apply(out: &mut ProviderSheet, key: ProviderKey, v: &Cell<'_>, ctx: Ctx) -> Result<(), Reason> {
    let p = &mut out.provider;
    match key {
        ProviderKey::Name => p.name = value::text(v, ctx)?,
        ProviderKey::Ico => {
            let t = value::text(v, ctx)?;
            // A number cell loses leading zeros: 64581 is IČO 00064581.
            let t = if t.len() < 8 && t.bytes().all(|b| b.is_ascii_digit()) {
                format!("{t:0>8}")
            } else {
                t.replace([' ', '\u{a0}'], "")
            };
            if !ico_is_valid(&t) {
                return Err(Reason::InvalidIco);
            }
            p.ico = Some(t);
        }
        ProviderKey::RegistrationId => p.registration_id = Some(value::text(v, ctx)?),
        ProviderKey::Region => p.region = Some(value::text(v, ctx)?.to_uppercase()),
        ProviderKey::PeriodFrom => out.from = Some(value::date(v, ctx)?),
        ProviderKey::PeriodTo => out.to = Some(value::date(v, ctx)?),
        ProviderKey::WeeklyHours => {
            let h = value::decimal(v, ctx)?;
            check_weekly_hours(h).map_err(|_| Reason::OutOfRange("40; 38,75; 37,5".into()))?;
            p.weekly_hours = h;
        }
        ProviderKey::PublicEmployer => p.public_employer = value::yes_no(v, ctx)?,
        ProviderKey::Municipality => {
            p.municipality = Some(value::text(v, ctx)?.trim().to_string()).filter(|m| !m.is_empty())
        }
        // A capacity of 0 would divide by nothing: not a capacity.
        ProviderKey::NetworkFte => {
            let fte = value::decimal(v, ctx)?;
            if fte <= Decimal::ZERO || fte > Decimal::from(10_000) {
                return Err(Reason::OutOfRange("0–10000 (více než 0)".into()));
            }
            p.network_fte = Some(fte);
        }
        ProviderKey::CapacityClients => {
            let n = value::decimal(v, ctx)?;
            if n < Decimal::ONE || n > Decimal::from(1_000_000) || !n.fract().is_zero() {
                return Err(Reason::OutOfRange("1–1000000 (celé číslo)".into()));
            }
            p.capacity_clients = u64::try_from(n).ok();
        }
        ProviderKey::ReasonableProfit => {
            let z = value::decimal(v, ctx)?;
            if z.is_sign_negative() && !z.is_zero() {
                return Err(Reason::Negative);
            }
            p.reasonable_profit = Some(z);
        }
    }
    Ok(())
}
