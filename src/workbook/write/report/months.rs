//! `Měsíce`: one row per calendar month of the period, the trend and the
//! sums over client-months.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{Cached, Rows, formula, hours, num};
use super::sheet::{Col, col, header};
use super::style::Styles;
use crate::audit::MonthLine;
use crate::i18n::Lang;

pub(super) const MONTH: u16 = 0;
pub(super) const DIRECT: u16 = 2;
pub(super) const TRAVEL: u16 = 3;
pub(super) const WORKED: u16 = 4;
pub(super) const OUT_OF_HOURS: u16 = 5;
pub(super) const HOURLY: u16 = 6;
pub(super) const FEES: u16 = 7;
pub(super) const HOURLY_FEES: u16 = 8;
pub(super) const CLIENTS: u16 = 9;
pub(super) const CONTACTS: u16 = 10;
pub(super) const CLIENT_WORKERS: u16 = 11;
pub(super) const OVER_80H: u16 = 12;
pub(super) const COST_PER_HOUR: u16 = 14;

const COLS: [Col; 16] = [
    col("Měsíc", "Month", 10.0),
    col("Dní v období", "Days in the period", 9.0),
    col("Přímá péče (h)", "Direct care (h)", 11.0),
    col("Cesty (h)", "Travel (h)", 10.0),
    col("Odpracováno (h)", "Worked (h)", 11.0),
    col("Mimo běžnou dobu (h)", "Out of hours (h)", 11.0),
    col("Hodinové úkony (h)", "Hourly tasks (h)", 11.0),
    col("Úhrady", "Fees", 13.0),
    col("Úhrady za hodinové úkony", "Fees for hourly tasks", 13.0),
    col("Klientů", "Clients", 9.0),
    col("Kontaktů", "Contacts", 9.0),
    col(
        "Pracovníků u klientů (součet)",
        "Workers per client (sum)",
        12.0,
    ),
    col("Klientů nad 80 h", "Clients over 80 h", 10.0),
    col("Náklady (podle dní)", "Cost (by days)", 14.0),
    col("Náklady na hodinu přímé péče", "Cost per direct hour", 13.0),
    col("Hodin na klienta", "Hours per client", 10.0),
];

/// Writes the sheet; returns its data rows for references and charts.
pub(super) fn write(
    ws: &mut Worksheet,
    name: &str,
    lines: &[MonthLine],
    lang: Lang,
    st: &Styles,
) -> Result<Rows, XlsxError> {
    let n = lines.len() as u32;
    header(ws, &COLS, n, lang, st)?;
    for (i, m) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        let row = r + 1;
        ws.write_date_with_format(r, MONTH, m.month, &st.month)?;
        num(ws, r, 1, Decimal::from(m.days), &st.count)?;
        num(ws, r, DIRECT, hours(m.direct_seconds), &st.hours)?;
        num(ws, r, TRAVEL, hours(m.travel_seconds), &st.hours)?;
        num(ws, r, WORKED, hours(m.worked_seconds), &st.hours)?;
        num(
            ws,
            r,
            OUT_OF_HOURS,
            hours(m.out_of_hours_seconds),
            &st.hours,
        )?;
        num(ws, r, HOURLY, hours(m.hourly_seconds), &st.hours)?;
        num(ws, r, FEES, m.fees, &st.money)?;
        num(ws, r, HOURLY_FEES, m.hourly_fees, &st.money)?;
        num(ws, r, CLIENTS, Decimal::from(m.clients), &st.count)?;
        num(ws, r, CONTACTS, Decimal::from(m.contacts), &st.count)?;
        num(
            ws,
            r,
            CLIENT_WORKERS,
            Decimal::from(m.client_workers),
            &st.count,
        )?;
        num(
            ws,
            r,
            OVER_80H,
            Decimal::from(m.clients_over_80h),
            &st.count,
        )?;
        let direct = hours(m.direct_seconds);
        if let Some(cost) = m.cost {
            num(ws, r, 13, cost, &st.money)?;
            let cached = match cost.checked_div(direct) {
                Some(v) if !direct.is_zero() => Cached::Num(v),
                _ => Cached::Empty,
            };
            formula(
                ws,
                r,
                COST_PER_HOUR,
                &format!("IF(C{row}>0,N{row}/C{row},\"\")"),
                &cached,
                &st.money,
            )?;
        }
        let cached = match direct.checked_div(Decimal::from(m.clients)) {
            Some(v) if m.clients > 0 => Cached::Num(v),
            _ => Cached::Empty,
        };
        formula(
            ws,
            r,
            15,
            &format!("IF(J{row}>0,C{row}/J{row},\"\")"),
            &cached,
            &st.hours,
        )?;
    }
    Ok(Rows {
        sheet: name.to_string(),
        first: 1,
        count: n,
    })
}
