//! A cell's value, typed as calamine types it: from the first value
//! attribute of the start tag, or from the cell's text for strings without
//! `office:string-value` and for LibreOffice's error cells.

use std::borrow::Cow;

use memchr::{memchr, memmem};

use super::super::cell::{Cell, text_or_empty};
use super::super::ooxml::text::decode_into;
use super::super::ooxml::window::{attributes, attributes_after, tag_end, tag_name};
use super::content::decoded;
use super::malformed;
use crate::error::Error;

/// The longest text a cell may make (`text:s` repeats spaces): 4 MiB, as
/// the longest element the window holds.
const MAX_TEXT: usize = 4 << 20;

/// What a cell's start tag says.
pub(super) struct Head {
    /// The value (`Cell::Empty` when there is none, or only white space).
    pub value: Cell<'static>,
    /// The cell holds something for calamine, so that an empty cell before
    /// it takes its columns: a value attribute (even an empty or blank
    /// string), text read, or a non-empty `table:formula`.
    pub holds: bool,
    /// The value is the cell's text (see [`text`]).
    pub text: bool,
    /// `table:number-columns-repeated` (1 when absent).
    pub repeats: u64,
}

/// Reads a cell's start tag (`<` to `>`), whose name ends at `name_end`.
///
/// # Errors
///
/// A number or repeat count that does not parse, or an attribute with a
/// bad entity (calamine refuses the file too).
pub(super) fn head(tag: &[u8], name_end: usize) -> Result<Head, Error> {
    let mut value: Option<Cell<'static>> = None;
    let mut string_type = false;
    let mut error_type = false;
    let mut formula = false;
    let mut repeats = 1u64;
    let mut empty_string = false;
    let mut failed: Option<Error> = None;
    attributes_after(tag, name_end, |name, raw| {
        if failed.is_some() {
            return;
        }
        let r = (|| -> Result<(), Error> {
            match name {
                b"office:value" if value.is_none() => {
                    let f = std::str::from_utf8(raw)
                        .ok()
                        .and_then(|s| s.parse::<f64>().ok())
                        .ok_or_else(|| malformed("a number that does not parse"))?;
                    value = Some(Cell::Float(f));
                }
                b"office:string-value" if value.is_none() => {
                    let s = decoded(raw)?;
                    empty_string = s.is_empty();
                    value = Some(text_or_empty(Cow::Owned(s)));
                }
                b"office:date-value" if value.is_none() => {
                    value = Some(Cell::IsoDate(Cow::Owned(decoded(raw)?)));
                }
                b"office:time-value" if value.is_none() => {
                    value = Some(Cell::IsoDuration(Cow::Owned(decoded(raw)?)));
                }
                b"office:boolean-value" if value.is_none() => {
                    value = Some(Cell::Bool(raw == b"TRUE" || raw == b"true"));
                }
                b"office:value-type" if value.is_none() => string_type = raw == b"string",
                b"calcext:value-type" => error_type = raw == b"error",
                b"table:formula" => formula = !raw.is_empty(),
                b"table:number-columns-repeated" => repeats = count(raw)?,
                _ => {}
            }
            Ok(())
        })();
        if let Err(e) = r {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    let text = (value.is_none() && string_type) || (error_type && empty_string);
    Ok(Head {
        holds: value.is_some() || text || formula,
        value: value.unwrap_or(Cell::Empty),
        text,
        repeats,
    })
}

/// A repeat count (`number-columns-repeated`, `number-rows-repeated`).
pub(super) fn count(raw: &[u8]) -> Result<u64, Error> {
    std::str::from_utf8(raw)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .ok_or_else(|| malformed("a repeat count that is not a number"))
}

/// The value of a cell read from its text: `inner` is what stands between
/// its start and end tags.
pub(super) fn text(inner: &[u8]) -> Result<Cell<'static>, Error> {
    let mut s = String::new();
    let mut first_paragraph = true;
    let mut i = 0;
    while i < inner.len() {
        let Some(k) = memchr(b'<', &inner[i..]) else {
            decode_into(&inner[i..], &mut s)?;
            break;
        };
        decode_into(&inner[i..i + k], &mut s)?;
        let at = i + k;
        let after = &inner[at + 1..];
        // Comments, processing instructions and CDATA add nothing (calamine
        // takes only text and entity events).
        let special: Option<&[u8]> = if after.starts_with(b"!--") {
            Some(b"-->")
        } else if after.starts_with(b"![CDATA[") {
            Some(b"]]>")
        } else if after.starts_with(b"?") {
            Some(b"?>")
        } else {
            None
        };
        if let Some(close) = special {
            let end =
                memmem::find(&inner[at..], close).ok_or_else(|| malformed("unclosed markup"))?;
            i = at + end + close.len();
            continue;
        }
        let gt = tag_end(&inner[at..]).ok_or_else(|| malformed("a tag without an end"))?;
        let tag = &inner[at..=at + gt];
        i = at + gt + 1;
        if tag[1] == b'/' {
            continue;
        }
        let self_closing = gt >= 1 && tag[gt - 1] == b'/';
        match tag_name(&tag[1..]) {
            b"office:annotation" if !self_closing => {
                let end = memmem::find(&inner[i..], b"</office:annotation")
                    .ok_or_else(|| malformed("an unclosed annotation"))?;
                let gt =
                    tag_end(&inner[i + end..]).ok_or_else(|| malformed("a tag without an end"))?;
                i += end + gt + 1;
            }
            b"text:p" => {
                if first_paragraph {
                    first_paragraph = false;
                } else {
                    s.push('\n');
                }
            }
            b"text:s" => {
                let mut n = 1u64;
                let mut failed = None;
                attributes(tag, |name, raw| {
                    if name == b"text:c" {
                        match count(raw) {
                            Ok(c) => n = c,
                            Err(e) => failed = Some(e),
                        }
                    }
                });
                if let Some(e) = failed {
                    return Err(e);
                }
                if s.len() as u64 + n > MAX_TEXT as u64 {
                    return Err(malformed("a cell text longer than 4 MiB"));
                }
                s.extend(std::iter::repeat_n(' ', n as usize));
            }
            b"text:tab" => s.push('\t'),
            b"text:line-break" => s.push('\n'),
            _ => {}
        }
        if s.len() > MAX_TEXT {
            return Err(malformed("a cell text longer than 4 MiB"));
        }
    }
    Ok(text_or_empty(Cow::Owned(s)))
}
