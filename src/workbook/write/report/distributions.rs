//! `Rozložení` (distributions), the sheet of the report fit for
//! publication: clients by care-allowance degree, by hours a month and by
//! age, workers by role and FTE, rejected rows by sheet and reason; a group
//! of fewer than three people as "< 3".

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::cell::{num, text};
use super::style::Styles;
use crate::audit::publication::{Group, PublicTables};
use crate::i18n::Lang;

/// The sheet's name.
pub(super) fn name(lang: Lang) -> &'static str {
    lang.pick("Rozložení", "Distributions")
}

/// Writes the tables one under another.
pub(super) fn write(
    ws: &mut Worksheet,
    t: &PublicTables,
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_column_width(0, 48)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 40)?;
    let l = |cs: &'static str, en: &'static str| lang.pick(cs, en);
    text(
        ws,
        0,
        0,
        l(
            "Rozložení klientů a pracovníků (zveřejnitelná verze)",
            "Clients and workers by group (the version fit for publication)",
        ),
        &st.title,
    )?;
    let mut r = 2;
    for (title, groups) in [
        (
            l(
                "Klienti podle stupně příspěvku na péči",
                "Clients by care-allowance degree",
            ),
            &t.clients_by_degree,
        ),
        (
            l(
                "Klienti podle přímé péče za měsíc",
                "Clients by direct care a month",
            ),
            &t.clients_by_hours,
        ),
        (l("Klienti podle věku", "Clients by age"), &t.clients_by_age),
        (
            l("Pracovníci podle role", "Workers by role"),
            &t.workers_by_role,
        ),
        (
            l("Pracovníci podle úvazku", "Workers by FTE"),
            &t.workers_by_fte,
        ),
    ] {
        r = table(ws, r, title, groups, lang, st)?;
    }
    text(
        ws,
        r,
        0,
        l(
            "Odmítnuté řádky vstupu podle důvodu",
            "Rejected input rows by reason",
        ),
        &st.group,
    )?;
    text(ws, r, 1, l("řádků", "rows"), &st.group)?;
    text(ws, r, 2, l("list", "sheet"), &st.group)?;
    if t.rejected.is_empty() {
        r += 1;
        text(ws, r, 0, l("žádné", "none"), &st.muted)?;
    }
    for x in &t.rejected {
        r += 1;
        text(ws, r, 0, x.message.get(lang), &st.text)?;
        num(ws, r, 1, x.count.into(), &st.count)?;
        text(ws, r, 2, &x.sheet, &st.text)?;
    }
    Ok(())
}

/// One distribution; returns the row after it.
fn table(
    ws: &mut Worksheet,
    mut r: u32,
    title: &str,
    groups: &[Group],
    lang: Lang,
    st: &Styles,
) -> Result<u32, XlsxError> {
    text(ws, r, 0, title, &st.group)?;
    text(ws, r, 1, lang.pick("počet", "count"), &st.group)?;
    let mut shown = 0u64;
    let mut small = false;
    for g in groups {
        r += 1;
        text(ws, r, 0, lang.pick(&g.cs, &g.en), &st.text)?;
        match g.count {
            Some(n) => {
                num(ws, r, 1, n.into(), &st.count)?;
                shown += n;
            }
            None => {
                text(ws, r, 1, "< 3", &st.text)?;
                small = true;
            }
        }
    }
    r += 1;
    // The total leaves the small groups out, and says so: with them it
    // would give their size away.
    let total = if small {
        lang.pick(
            "celkem bez skupin pod 3",
            "total without the groups under 3",
        )
    } else {
        lang.pick("celkem", "total")
    };
    text(ws, r, 0, total, &st.muted)?;
    num(ws, r, 1, shown.into(), &st.count)?;
    Ok(r + 2)
}
