//! The cells LibreOffice writes most, read in one pass over fixed bytes.
//!
//! A timesheet saved by LibreOffice is millions of cells of a few shapes:
//! `<table:table-cell/>`, a string cell with one plain paragraph, and a
//! float, date or time cell whose value is in its start tag, each with an
//! optional style. Parsing each tag's attributes one by one was the top of
//! the profile (the attribute loop, the tag-end search and the value's
//! match); here a cell of such a shape is recognised by comparing bytes and
//! typed as [`super::value::head`] and [`super::value::text`] would type
//! it. Anything else (another attribute, an entity, a span, a formula, an
//! error cell, a cell cut by the window's end) is left to them.

use std::borrow::Cow;

use memchr::memchr;

use super::super::cell::{Cell, text_or_empty};

/// A cell read whole from the window.
#[derive(Debug, PartialEq)]
pub(super) struct Quick {
    /// Its length in bytes, through its end tag.
    pub len: usize,
    pub value: Cell<'static>,
    /// It holds something for calamine (see `value::Head::holds`).
    pub holds: bool,
    /// `table:number-columns-repeated` (1 when absent).
    pub repeats: u64,
}

#[derive(Clone, Copy)]
enum Kind {
    String,
    Float,
    Date,
    Time,
}

const OPEN: &[u8] = b"<table:table-cell";

/// The cell at the start of `rest` when it has one of the common shapes and
/// is whole in `rest`; `None` otherwise (the general reader takes it).
pub(super) fn cell(rest: &[u8]) -> Option<Quick> {
    let mut s = rest.strip_prefix(OPEN)?;
    if s.starts_with(b"/>") {
        return Some(Quick {
            len: OPEN.len() + 2,
            value: Cell::Empty,
            holds: false,
            repeats: 1,
        });
    }
    // The run of empty cells that ends each of LibreOffice's rows.
    if let Some(after) = s.strip_prefix(b" table:number-columns-repeated=\"") {
        let q = memchr(b'"', after)?;
        let digits = &after[..q];
        if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let rest_of_tag = after[q + 1..].strip_prefix(b"/>")?;
        return Some(Quick {
            len: rest.len() - rest_of_tag.len(),
            value: Cell::Empty,
            holds: false,
            repeats: std::str::from_utf8(digits).ok()?.parse().ok()?,
        });
    }
    if let Some(after) = s.strip_prefix(b" table:style-name=\"") {
        let q = memchr(b'"', after)?;
        if after[..q].iter().any(|b| matches!(b, b'<' | b'>' | b'&')) {
            return None;
        }
        s = &after[q + 1..];
    }
    let s = s.strip_prefix(b" office:value-type=\"")?;
    let (kind, word, s): (Kind, &[u8], &[u8]) = if let Some(r) = s.strip_prefix(b"string\"") {
        (Kind::String, b"string", r)
    } else if let Some(r) = s.strip_prefix(b"float\"") {
        (Kind::Float, b"float", r)
    } else if let Some(r) = s.strip_prefix(b"date\"") {
        (Kind::Date, b"date", r)
    } else if let Some(r) = s.strip_prefix(b"time\"") {
        (Kind::Time, b"time", r)
    } else {
        return None;
    };
    let (raw, s) = match kind {
        Kind::String => (&b""[..], s),
        Kind::Float => attribute(s, b" office:value=\"")?,
        Kind::Date => attribute(s, b" office:date-value=\"")?,
        Kind::Time => attribute(s, b" office:time-value=\"")?,
    };
    let s = s.strip_prefix(b" calcext:value-type=\"")?;
    let s = s.strip_prefix(word)?.strip_prefix(b"\">")?;
    // One plain paragraph: the string cell's value, the others' display
    // text (their value is in the start tag).
    let s = s.strip_prefix(b"<text:p>")?;
    let lt = memchr(b'<', s)?;
    let after = s[lt..].strip_prefix(b"</text:p></table:table-cell>")?;
    let value = match kind {
        Kind::String => {
            let text = &s[..lt];
            if text.iter().any(|b| matches!(b, b'&' | b'\r')) {
                return None;
            }
            text_or_empty(Cow::Owned(std::str::from_utf8(text).ok()?.to_owned()))
        }
        Kind::Float => Cell::Float(std::str::from_utf8(raw).ok()?.parse::<f64>().ok()?),
        Kind::Date => Cell::IsoDate(Cow::Owned(std::str::from_utf8(raw).ok()?.to_owned())),
        Kind::Time => Cell::IsoDuration(Cow::Owned(std::str::from_utf8(raw).ok()?.to_owned())),
    };
    Some(Quick {
        len: rest.len() - after.len(),
        value,
        holds: true,
        repeats: 1,
    })
}

/// A value attribute `name` (with its leading space and `="`) and what
/// follows its closing quote; `None` when it is not next or holds markup,
/// an entity or a control character.
fn attribute<'a>(s: &'a [u8], name: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    let s = s.strip_prefix(name)?;
    let q = memchr(b'"', s)?;
    let raw = &s[..q];
    // Markup, an entity or a control character (the general reader turns
    // `\r` into `\n`, as XML's line-end rule says) go the general way.
    if raw
        .iter()
        .any(|&b| matches!(b, b'<' | b'>' | b'&') || b < 0x20)
    {
        return None;
    }
    Some((raw, &s[q + 1..]))
}

#[cfg(test)]
mod tests {
    use super::super::value::{head, text};
    use super::*;

    /// What the general reader makes of a whole cell: (value, holds).
    fn general(xml: &[u8]) -> (Cell<'static>, bool) {
        let gt = xml.iter().position(|&b| b == b'>').unwrap();
        let h = head(&xml[..=gt], OPEN.len()).unwrap();
        if h.text {
            let inner = &xml[gt + 1..xml.len() - b"</table:table-cell>".len()];
            (text(inner).unwrap(), h.holds)
        } else {
            (h.value, h.holds)
        }
    }

    #[test]
    fn the_common_shapes_read_as_the_general_reader_reads_them() {
        let cells: [&[u8]; 8] = [
            b"<table:table-cell table:number-columns-repeated=\"16374\"/>",
            b"<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>K00071</text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>Doln\xc3\xad Lhota</text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p> </text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"float\" office:value=\"292.5\" calcext:value-type=\"float\"><text:p>292,5</text:p></table:table-cell>",
            b"<table:table-cell table:style-name=\"ce2\" office:value-type=\"date\" office:date-value=\"2025-01-01\" calcext:value-type=\"date\"><text:p>1. 1. 2025</text:p></table:table-cell>",
            b"<table:table-cell table:style-name=\"ce3\" office:value-type=\"time\" office:time-value=\"PT08H00M00S\" calcext:value-type=\"time\"><text:p>8:00</text:p></table:table-cell>",
            b"<table:table-cell/>",
        ];
        for xml in cells {
            let mut rest = xml.to_vec();
            rest.extend_from_slice(b"<table:table-cell/>");
            let q = cell(&rest).unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(xml)));
            assert_eq!(q.len, xml.len());
            let (value, holds) = if xml == b"<table:table-cell/>" {
                (Cell::Empty, false)
            } else {
                general(xml)
            };
            assert_eq!(
                (q.value, q.holds),
                (value, holds),
                "{}",
                String::from_utf8_lossy(xml)
            );
        }
    }

    #[test]
    fn other_shapes_are_left_to_the_general_reader() {
        let cells: [&[u8]; 7] = [
            // An entity, a span, another attribute, an error cell, a
            // percentage, a cell cut short, a number that does not parse.
            b"<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>A &amp; B</text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>a<text:span>b</text:span></text:p></table:table-cell>",
            b"<table:table-cell table:formula=\"of:=1+1\" office:value-type=\"float\" office:value=\"2\" calcext:value-type=\"float\"><text:p>2</text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"percentage\" office:value=\"0.5\" calcext:value-type=\"percentage\"><text:p>50 %</text:p></table:table-cell>",
            b"<table:table-cell office:value-type=\"float\" office:value=\"1\" calcext:value-type=\"float\"><text:p>1</text:p>",
            b"<table:table-cell office:value-type=\"float\" office:value=\"x\" calcext:value-type=\"float\"><text:p>x</text:p></table:table-cell>",
        ];
        for xml in cells {
            assert_eq!(cell(xml), None, "{}", String::from_utf8_lossy(xml));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// Whatever a cell is made of, when the quick reader takes it, it
        /// reads it as the general reader does.
        #[test]
        fn what_the_quick_reader_takes_it_reads_as_the_general_one(
            style in proptest::option::of("[a-z0-9<&\"]{0,4}"),
            kind in 0usize..6,
            value in "[0-9a-zA-Z.:&<> \r-]{0,8}",
            calc in 0usize..6,
            text in "[ a-zA-Zá0-9&;<>/\r\n]{0,12}",
        ) {
            let kinds = ["string", "float", "date", "time", "percentage", "error"];
            let attrs = ["", " office:value=\"", " office:date-value=\"", " office:time-value=\"", " office:value=\"", " office:value=\""];
            let mut xml = String::from("<table:table-cell");
            if let Some(st) = &style {
                xml += &format!(" table:style-name=\"{st}\"");
            }
            xml += &format!(" office:value-type=\"{}\"", kinds[kind]);
            if kind > 0 {
                xml += &format!("{}{value}\"", attrs[kind]);
            }
            xml += &format!(" calcext:value-type=\"{}\"><text:p>{text}</text:p></table:table-cell>", kinds[calc]);
            if let Some(q) = cell(xml.as_bytes()) {
                proptest::prop_assert_eq!(q.len, xml.len());
                let (value, holds) = general(xml.as_bytes());
                proptest::prop_assert_eq!((q.value, q.holds), (value, holds), "{}", xml);
            }
        }

        /// An empty repeated cell: the run the general reader reads.
        #[test]
        fn an_empty_run_reads_as_the_general_one(n in "[0-9a-z\"]{0,12}") {
            let xml = format!("<table:table-cell table:number-columns-repeated=\"{n}\"/>");
            if let Some(q) = cell(xml.as_bytes()) {
                let h = head(xml.as_bytes(), OPEN.len()).unwrap();
                proptest::prop_assert_eq!(q.len, xml.len());
                proptest::prop_assert_eq!((q.value, q.holds, q.repeats), (h.value, h.holds, h.repeats));
            }
        }
    }
}
