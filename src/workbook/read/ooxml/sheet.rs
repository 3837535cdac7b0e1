//! The cells of a worksheet part, streamed from its `sheetData`: each `<c>`
//! with its place (from `r`, or following the previous cell and row) and
//! its value typed by `t` (shared string, inline string, formula string,
//! boolean, error, ISO date, number) and, for numbers, by its style's
//! number format (date, duration or plain).

use std::borrow::Cow;
use std::io::Read;

use memchr::{memchr, memmem};

use super::package::SharedStrings;
use super::styles::NumberKind;
use super::text::{string_item, unescape_excel};
use super::window::{
    Markup, Window, attributes, end_tag_in, local, malformed, pick, tag_end, tag_name,
};
use crate::error::Error;
use crate::workbook::read::cell::{Cell, text_or_empty};

/// The `t` attribute of a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellType {
    Number,
    Shared,
    Bool,
    Error,
    FormulaText,
    Inline,
    IsoDate,
}

fn cell_type(t: &[u8]) -> Result<CellType, Error> {
    Ok(match t {
        b"n" => CellType::Number,
        b"s" => CellType::Shared,
        b"b" => CellType::Bool,
        b"e" => CellType::Error,
        b"str" => CellType::FormulaText,
        b"inlineStr" => CellType::Inline,
        b"d" => CellType::IsoDate,
        other => {
            return Err(malformed(format!(
                "unknown cell type t=\"{}\"",
                crate::display::clip(&String::from_utf8_lossy(other), 20)
            )));
        }
    })
}

/// `B12` → (11, 1), 0-based.
fn cell_ref(r: &[u8]) -> Result<(u32, u32), Error> {
    let bad = || {
        malformed(format!(
            "bad cell reference r=\"{}\"",
            crate::display::clip(&String::from_utf8_lossy(r), 20)
        ))
    };
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 {
        return Err(bad());
    }
    let mut col: u32 = 0;
    for &b in &r[..letters] {
        let digit = u32::from(b.to_ascii_uppercase() - b'A') + 1;
        col = col
            .checked_mul(26)
            .and_then(|c| c.checked_add(digit))
            .ok_or_else(bad)?;
    }
    let row = row_number(&r[letters..]).ok_or_else(bad)?;
    Ok((row, col - 1))
}

/// `12` → 11 (0-based); `None` unless digits from 1 up.
fn row_number(s: &[u8]) -> Option<u32> {
    u32::try_from(digits(s)?).ok()?.checked_sub(1)
}

/// Where a child element's inside ends and the element ends, in `rest`
/// (which starts just after the child's start tag).
fn child_end(rest: &[u8], qname: &[u8]) -> Result<(usize, usize), Error> {
    end_tag_in(rest, qname).ok_or_else(|| {
        malformed(format!(
            "an unfinished <{}> in a cell",
            String::from_utf8_lossy(qname)
        ))
    })
}

/// Whole digits as a number (`None` for anything else or an overflow).
fn digits(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 19 {
        return None;
    }
    let mut n: u64 = 0;
    for &b in s {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    Some(n)
}

/// A number as written in `<v>`: whole numbers of up to 15 digits exactly
/// (the common case, without text conversion), anything else by the
/// standard library's correctly rounded parser.
fn number(v: &[u8]) -> Option<f64> {
    if v.len() <= 15
        && let Some(n) = digits(v)
    {
        return Some(n as f64);
    }
    std::str::from_utf8(v).ok()?.parse::<f64>().ok()
}

/// The insides of a cell's `<v>` and `<is>`, where it has them.
type Children<'x> = (Option<&'x [u8]>, Option<&'x [u8]>);

/// The `<v>` and `<is>` insides of a cell's inside.
fn cell_children(inner: &[u8]) -> Result<Children<'_>, Error> {
    let (mut v, mut is) = (None, None);
    let mut rest = inner;
    while let Some(lt) = memchr(b'<', rest) {
        rest = &rest[lt..];
        if rest.starts_with(b"<!--") {
            let end =
                memmem::find(rest, b"-->").ok_or_else(|| malformed("an unfinished comment"))?;
            rest = &rest[end + 3..];
            continue;
        }
        let gt = tag_end(rest).ok_or_else(|| malformed("an unfinished tag in a cell"))?;
        let empty = gt >= 2 && rest[gt - 1] == b'/';
        let qname = tag_name(&rest[1..]);
        let after = &rest[gt + 1..];
        if rest[1] == b'/' {
            rest = after;
            continue;
        }
        let (inside, next): (&[u8], &[u8]) = if empty {
            (b"", after)
        } else {
            let (inside_end, end) = child_end(after, qname)?;
            (&after[..inside_end], &after[end..])
        };
        match local(qname) {
            b"v" => v = Some(inside),
            b"is" => is = Some(inside),
            _ => {} // <f>, <extLst>
        }
        rest = next;
    }
    Ok((v, is))
}

/// A cell's value from the insides of its `<v>` and `<is>`, its type and
/// its style.
fn cell_value<'s>(
    v: Option<&[u8]>,
    is: Option<&[u8]>,
    t: Option<CellType>,
    style: Option<usize>,
    strings: &'s SharedStrings,
    kinds: &[NumberKind],
) -> Result<Cell<'s>, Error> {
    if let Some(is) = is {
        let mut s = String::new();
        string_item(is, &mut s)?;
        return Ok(text_or_empty(Cow::Owned(s)));
    }
    let Some(v) = v else {
        return Ok(Cell::Empty);
    };
    let text = || -> Result<String, Error> {
        let mut s = String::new();
        super::text::content_into(v, &mut s)?;
        Ok(s)
    };
    Ok(match t {
        // An inline-string cell's <v> repeats nothing of use.
        Some(CellType::Inline) => Cell::Empty,
        Some(CellType::Shared) => {
            let raw = v.trim_ascii();
            if raw.is_empty() {
                return Ok(Cell::Empty);
            }
            let found = digits(raw).and_then(|i| strings.get(usize::try_from(i).ok()?));
            match found {
                Some(s) => text_or_empty(Cow::Borrowed(s)),
                None => {
                    return Err(malformed(format!(
                        "shared string {} not in the table of {}",
                        crate::display::clip(&String::from_utf8_lossy(raw), 20),
                        strings.len()
                    )));
                }
            }
        }
        Some(CellType::Bool) => match v.trim_ascii() {
            b"" => Cell::Empty,
            b"0" => Cell::Bool(false),
            b"1" => Cell::Bool(true),
            x if x.eq_ignore_ascii_case(b"false") => Cell::Bool(false),
            x if x.eq_ignore_ascii_case(b"true") => Cell::Bool(true),
            x => {
                return Err(malformed(format!(
                    "boolean cell value {}",
                    crate::display::clip(&String::from_utf8_lossy(x), 20)
                )));
            }
        },
        Some(CellType::IsoDate) => Cell::IsoDate(Cow::Owned(text()?)),
        Some(CellType::Error) => Cell::Error(text()?),
        Some(CellType::FormulaText) => {
            let s = text()?;
            let s = unescape_excel(&s).into_owned();
            text_or_empty(Cow::Owned(s))
        }
        Some(CellType::Number) | None => {
            if v.is_empty() {
                return Ok(Cell::Empty);
            }
            match number(v) {
                Some(value) => match style.and_then(|i| kinds.get(i)) {
                    Some(NumberKind::Date) => Cell::Serial {
                        value,
                        duration: false,
                    },
                    Some(NumberKind::Duration) => Cell::Serial {
                        value,
                        duration: true,
                    },
                    _ => Cell::Float(value),
                },
                // A cell without a type that is not a number is text.
                None if t.is_none() => text_or_empty(Cow::Owned(text()?)),
                None => {
                    return Err(malformed(format!(
                        "a number cell holding {}",
                        crate::display::clip(&String::from_utf8_lossy(v), 30)
                    )));
                }
            }
        }
    })
}

/// The common cell: `<v>…</v></c>` right after the start tag (no formula,
/// no prefix, no white space). Its value's inside and the bytes up to the
/// cell's end; `None` for any other shape, or if the window cuts it.
fn plain_value<'x>(after: &'x [u8], qname: &[u8]) -> Option<(&'x [u8], usize)> {
    if qname != b"c" {
        return None;
    }
    let v = after.strip_prefix(b"<v>")?;
    let lt = memchr(b'<', v)?;
    v[lt..]
        .starts_with(b"</v></c>")
        .then(|| (&v[..lt], 3 + lt + 8))
}

/// Reads up to `<sheetData>`: `false` when it is empty (no cells).
///
/// # Errors
/// `Malformed` for a part that is not a worksheet or has no `sheetData`.
fn to_sheet_data<R: Read>(w: &mut Window<R>) -> Result<bool, Error> {
    let mut root: Option<Vec<u8>> = None;
    loop {
        let Some(m) = w.next_markup()? else {
            return Err(match root {
                Some(r) if r != b"worksheet" => malformed(format!(
                    "not a worksheet but a {}",
                    String::from_utf8_lossy(&r)
                )),
                _ => malformed("a worksheet without sheetData"),
            });
        };
        match m {
            Markup::Start { len, empty } => {
                let name = local(tag_name(&w.rest()[1..]));
                if name == b"sheetData" {
                    w.consume(len);
                    return Ok(!empty);
                }
                if root.is_none() {
                    root = Some(name.to_vec());
                }
                w.consume(len);
            }
            Markup::End { len } | Markup::Other { len } => w.consume(len),
        }
    }
}

/// Calls `emit(row, column, value)` (0-based) for every `<c>` of the sheet,
/// empty ones too, in file order, until `emit` answers `false`.
///
/// # Errors
/// `Malformed` for a part that is not a worksheet, ends early, or holds a
/// cell that cannot be read (an unknown type, a shared string index past
/// the table, a bad reference, an element over 4 MiB).
pub(crate) fn for_each_cell<'s, R: Read>(
    src: R,
    strings: &'s SharedStrings,
    kinds: &[NumberKind],
    mut emit: impl FnMut(u32, u32, Cell<'s>) -> Result<bool, Error>,
) -> Result<(), Error> {
    let mut w = Window::new(src);
    if !to_sheet_data(&mut w)? {
        return Ok(());
    }
    let mut row: u32 = 0;
    let mut col: u32 = 0;
    let mut qname = Vec::with_capacity(8);
    loop {
        let m = w
            .next_markup()?
            .ok_or_else(|| malformed("the sheet ends inside sheetData"))?;
        match m {
            Markup::Start { len, empty } => {
                let tag = &w.rest()[..len];
                qname.clear();
                qname.extend_from_slice(tag_name(&tag[1..]));
                match local(&qname) {
                    b"row" => {
                        if let [Some(r)] = pick(tag, [b"r"]) {
                            row = row_number(r).ok_or_else(|| {
                                malformed(format!(
                                    "bad row number r=\"{}\"",
                                    crate::display::clip(&String::from_utf8_lossy(r), 20)
                                ))
                            })?;
                        }
                        col = 0;
                        if empty {
                            row = row.saturating_add(1);
                        }
                        w.consume(len);
                    }
                    b"c" => {
                        // Written out rather than `pick`: this runs once a
                        // cell, and the match measured ~5 % faster per read.
                        let (mut r, mut s, mut t) = (None, None, None);
                        attributes(tag, |n, v| match n {
                            b"r" => r = Some(v),
                            b"s" => s = Some(v),
                            b"t" => t = Some(v),
                            _ => {}
                        });
                        let (at_row, at_col) = match r {
                            Some(r) => {
                                let (rr, cc) = cell_ref(r)?;
                                col = cc;
                                (rr, cc)
                            }
                            None => (row, col),
                        };
                        // An unreadable style is the default one, as in calamine.
                        let style =
                            s.map(|s| digits(s).and_then(|n| usize::try_from(n).ok()).unwrap_or(0));
                        let t = t.map(cell_type).transpose()?;
                        let (value, n) = if empty {
                            (Cell::Empty, len)
                        } else if let Some((v, n)) = plain_value(&w.rest()[len..], &qname) {
                            (
                                cell_value(Some(v), None, t, style, strings, kinds)?,
                                len + n,
                            )
                        } else {
                            let n = w.element(len, &qname)?;
                            let whole = &w.rest()[..n];
                            let close = whole.iter().rposition(|&b| b == b'<').unwrap_or(n);
                            let (v, is) = cell_children(&whole[len..close])?;
                            (cell_value(v, is, t, style, strings, kinds)?, n)
                        };
                        col = col.saturating_add(1);
                        w.consume(n);
                        if !emit(at_row, at_col, value)? {
                            return Ok(());
                        }
                    }
                    _ => w.consume(len),
                }
            }
            Markup::End { len } => {
                match local(tag_name(&w.rest()[2..len])) {
                    b"row" => {
                        row = row.saturating_add(1);
                        col = 0;
                    }
                    b"sheetData" => return Ok(()),
                    _ => {}
                }
                w.consume(len);
            }
            Markup::Other { len } => w.consume(len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(
        xml: &str,
        strings: &SharedStrings,
        kinds: &[NumberKind],
    ) -> Vec<(u32, u32, Cell<'static>)> {
        let mut out = Vec::new();
        for_each_cell(xml.as_bytes(), strings, kinds, |r, c, v| {
            let owned = match v {
                Cell::Text(s) => Cell::Text(Cow::Owned(s.into_owned())),
                Cell::IsoDate(s) => Cell::IsoDate(Cow::Owned(s.into_owned())),
                Cell::IsoDuration(s) => Cell::IsoDuration(Cow::Owned(s.into_owned())),
                Cell::Empty => Cell::Empty,
                Cell::Int(i) => Cell::Int(i),
                Cell::Float(f) => Cell::Float(f),
                Cell::Bool(b) => Cell::Bool(b),
                Cell::Serial { value, duration } => Cell::Serial { value, duration },
                Cell::Error(e) => Cell::Error(e),
            };
            out.push((r, c, owned));
            Ok(true)
        })
        .unwrap();
        out
    }

    fn text(s: &str) -> Cell<'static> {
        Cell::Text(Cow::Owned(s.to_string()))
    }

    #[test]
    fn every_cell_type_is_read() {
        let strings =
            SharedStrings::read(&b"<sst><si><t>Datum</t></si><si><t>K001</t></si></sst>"[..])
                .unwrap();
        // Style 1 is a date, 2 a duration.
        let kinds = [NumberKind::Plain, NumberKind::Date, NumberKind::Duration];
        let xml = r#"<worksheet><dimension ref="A1:H2"/><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
            <row r="2"><c r="A2" s="1"><v>45717</v></c><c r="B2" s="2"><v>1.0625</v></c>
            <c r="C2"><v>102.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c>
            <c r="F2" t="str"><f>A1&amp;"x"</f><v>Datum_x000D_x</v></c>
            <c r="G2" t="inlineStr"><is><t>Nová &amp; Jana</t></is></c><c r="H2" t="d"><v>2025-03-01T00:00:00</v></c>
            <c r="I2" s="1"/><c r="J2" t="s"><v> </v></c></row></sheetData></worksheet>"#;
        let got = cells(xml, &strings, &kinds);
        assert_eq!(
            got,
            vec![
                (0, 0, text("Datum")),
                (0, 1, text("K001")),
                (
                    1,
                    0,
                    Cell::Serial {
                        value: 45717.0,
                        duration: false
                    }
                ),
                (
                    1,
                    1,
                    Cell::Serial {
                        value: 1.0625,
                        duration: true
                    }
                ),
                (1, 2, Cell::Float(102.5)),
                (1, 3, Cell::Bool(true)),
                (1, 4, Cell::Error("#DIV/0!".into())),
                (1, 5, text("Datum\rx")),
                (1, 6, text("Nová & Jana")),
                (
                    1,
                    7,
                    Cell::IsoDate(Cow::Owned("2025-03-01T00:00:00".into()))
                ),
                (1, 8, Cell::Empty),
                (1, 9, Cell::Empty),
            ]
        );
    }

    #[test]
    fn places_follow_rows_and_cells_without_references() {
        // Rows without r follow the previous row; cells without r follow the
        // previous cell; an empty <row/> still counts; prefixes are allowed.
        let xml = r#"<x:worksheet><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c r="C1"><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>
            <x:row r="5"/><x:row><x:c><x:v>4</x:v></x:c></x:row><x:row r="10"><x:c r="AB10"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>"#;
        let got: Vec<(u32, u32)> = cells(xml, &SharedStrings::default(), &[])
            .into_iter()
            .map(|(r, c, _)| (r, c))
            .collect();
        // AB = 1·26 + 2 = 28th column, index 27.
        assert_eq!(got, vec![(0, 0), (0, 2), (0, 3), (5, 0), (9, 27)]);
    }

    #[test]
    fn untyped_text_is_text_and_bad_cells_are_errors() {
        let got = cells(
            "<worksheet><sheetData><row><c><v>abc</v></c><c t=\"n\"><v></v></c></row></sheetData></worksheet>",
            &SharedStrings::default(),
            &[],
        );
        assert_eq!(got, vec![(0, 0, text("abc")), (0, 1, Cell::Empty)]);
        for bad in [
            "<worksheet><sheetData><row><c t=\"s\"><v>3</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row><c t=\"n\"><v>x</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row><c t=\"q\"><v>1</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row r=\"0\"></row></sheetData></worksheet>",
            "<worksheet><sheetData><row><c><v>1</v>",
            "<chartsheet><sheetViews/></chartsheet>",
        ] {
            let r = for_each_cell(bad.as_bytes(), &SharedStrings::default(), &[], |_, _, _| {
                Ok(true)
            });
            assert!(r.is_err(), "{bad}");
        }
    }

    #[test]
    fn references_convert_to_zero_based_places() {
        assert_eq!(cell_ref(b"A1").unwrap(), (0, 0));
        assert_eq!(cell_ref(b"XFD1048576").unwrap(), (1_048_575, 16_383));
        assert!(cell_ref(b"A").is_err());
        assert!(cell_ref(b"A99999999999").is_err());
        assert!(cell_ref(b"ZZZZZZZZ1").is_err());
    }
}
