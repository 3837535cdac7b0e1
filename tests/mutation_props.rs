//! Valid workbooks with random cells of the timesheet replaced by wrong
//! types, empty strings, huge numbers, far dates, very long text and
//! control characters. Reading never fails or panics; every changed row is
//! either rejected at that row or still accepted with its value; rows read
//! = accepted + rejected; and no unchanged row changes.

use std::collections::{BTreeMap, BTreeSet};

use homecare_audit::synth::Synth;
use homecare_audit::workbook::{InputWorkbook, ReadOptions, read_bytes};
use homecare_audit::{Dataset, Visit};
use proptest::prelude::*;

#[path = "support/hostile.rs"]
mod hostile;

/// What a cell becomes.
#[derive(Clone, Debug)]
enum Mutation {
    Text(String),
    Number(String),
    Empty,
    FarDate,
    LongText,
    Control,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        "[a-zA-Zěščřžýáíé ]{1,12}".prop_map(Mutation::Text),
        prop_oneof![
            Just("1e300"),
            Just("-1e300"),
            Just("4294967296"),
            Just("-1"),
            Just("0.5"),
            Just("1e-300")
        ]
        .prop_map(|s| Mutation::Number(s.to_string())),
        Just(Mutation::Empty),
        Just(Mutation::FarDate),
        Just(Mutation::LongText),
        Just(Mutation::Control),
    ]
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn cell_xml(r: &str, m: &Mutation) -> String {
    let text = |t: &str| {
        format!(
            "<c r=\"{r}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(t)
        )
    };
    match m {
        Mutation::Text(t) => text(t),
        Mutation::Number(n) => format!("<c r=\"{r}\"><v>{n}</v></c>"),
        Mutation::Empty => text(""),
        // 31.12.9999, Excel's last date.
        Mutation::FarDate => format!("<c r=\"{r}\"><v>2958465</v></c>"),
        Mutation::LongText => text(&"Ž".repeat(40_000)),
        // Control characters as Excel escapes them in XML.
        Mutation::Control => text("P_x0001__x0007_\t1"),
    }
}

/// Replaces the cell `r` in the sheet XML, or inserts it in column order
/// into its row when the row has no such cell.
fn replace_cell(xml: &str, r: &str, new: &str) -> Option<String> {
    let Some(start) = xml.find(&format!("<c r=\"{r}\"")) else {
        let row: String = r.chars().skip_while(|c| c.is_ascii_alphabetic()).collect();
        let col = r.chars().next()?;
        let row_start = xml.find(&format!("<row r=\"{row}\""))?;
        let row_end = row_start + xml[row_start..].find("</row>")?;
        // The first cell of a later column (single-letter columns A–J).
        let mut at = row_end;
        let mut i = row_start;
        while let Some(k) = xml[i..row_end].find("<c r=\"") {
            let pos = i + k;
            let c = xml[pos + 6..].chars().next()?;
            if c > col {
                at = pos;
                break;
            }
            i = pos + 6;
        }
        return Some(format!("{}{}{}", &xml[..at], new, &xml[at..]));
    };
    let rest = &xml[start..];
    let open_end = rest.find('>')?;
    let end = if rest[..open_end].ends_with('/') {
        open_end + 1
    } else {
        rest.find("</c>")? + 4
    };
    Some(format!("{}{}{}", &xml[..start], new, &xml[start + end..]))
}

fn col_letter(c: u16) -> char {
    (b'A' + c as u8) as char
}

/// The fields a column carries: other fields of an accepted row must not
/// change.
fn same_except(a: &Visit, b: &Visit, col: u16) -> bool {
    let mut a = a.clone();
    let b = b.clone();
    match col {
        0 => a.date = b.date,
        1 => a.worker = b.worker,
        2 => a.client = b.client,
        3 => a.task = b.task,
        4..=6 => {
            a.start = b.start;
            a.duration = b.duration;
            a.flags = b.flags;
        }
        7 => a.quantity = b.quantity,
        8 => a.travel = b.travel,
        9 => a.fee = b.fee,
        _ => {}
    }
    a == b
}

fn by_row(ds: &Dataset) -> BTreeMap<u32, &Visit> {
    ds.visits.iter().map(|v| (v.row, v)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn mutated_cells_are_accepted_or_rejected_at_their_row(
        seed in 0u64..10_000,
        picks in proptest::collection::vec((0usize..1000, 0u16..10, mutation()), 1..8),
    ) {
        let base_ds = Synth::new(seed, 60).dataset();
        let bytes = InputWorkbook::new(&base_ds).to_buffer().unwrap();
        let (base, base_p) = read_bytes(&bytes, Some("base.xlsx"), &ReadOptions::default()).unwrap();
        let base_rows = by_row(&base);
        let rows: Vec<u32> = base_rows.keys().copied().collect();

        // The timesheet is the largest worksheet.
        let mut entries = hostile::entries(&bytes);
        let (idx, _) = entries.iter().enumerate()
            .filter(|(_, (n, _))| n.starts_with("xl/worksheets/sheet"))
            .max_by_key(|(_, (_, d))| d.len()).unwrap();
        let mut xml = String::from_utf8(entries[idx].1.clone()).unwrap();
        let mut changed: BTreeMap<u32, u16> = BTreeMap::new();
        for (k, col, m) in &picks {
            let row = rows[k % rows.len()];
            if changed.contains_key(&row) {
                continue; // one changed cell per row keeps the oracle simple
            }
            let r = format!("{}{}", col_letter(*col), row);
            if let Some(new) = replace_cell(&xml, &r, &cell_xml(&r, m)) {
                xml = new;
                changed.insert(row, *col);
            }
        }
        prop_assert!(!changed.is_empty(), "no cell was changed");
        entries[idx].1 = xml.into_bytes();
        let list: Vec<(&str, hostile::Entry)> = entries.iter()
            .map(|(n, d)| (n.as_str(), hostile::Entry::Stored(d.clone()))).collect();
        let mutated = hostile::zip(&list);

        let (ds, p) = read_bytes(&mutated, Some("mutated.xlsx"), &ReadOptions::default())
            .expect("a mutated timesheet still reads");
        let c = p.count("Výkazy");
        prop_assert_eq!(c.read, c.accepted + c.rejected);
        prop_assert_eq!(c.read, base_p.count("Výkazy").read);
        let now = by_row(&ds);
        let rejected_rows: BTreeSet<u32> = p.rejections()
            .filter(|x| x.place.sheet == "Výkazy").map(|x| x.place.row).collect();
        for (row, old) in &base_rows {
            match changed.get(row) {
                None => {
                    // Unchanged rows read exactly as before.
                    prop_assert_eq!(now.get(row), Some(old), "row {}", row);
                }
                Some(col) => match now.get(row) {
                    None => prop_assert!(rejected_rows.contains(row), "row {} vanished", row),
                    Some(v) => {
                        prop_assert!(same_except(old, v, *col), "row {} col {}: {:?} vs {:?}", row, col, old, v);
                        // Accepted with the value written: a far date is that date.
                        if *col == 0 && v.date != old.date {
                            prop_assert_eq!(v.date, chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
                        }
                    }
                },
            }
        }
        // Nothing else: no rejection outside the changed rows.
        for r in &rejected_rows {
            prop_assert!(changed.contains_key(r), "row {} rejected, not changed", r);
        }
    }
}
