//! Text in the XML parts: entities, line ends, CDATA, Excel's own `_xHHHH_`
//! escapes, and the string items (`<si>`, `<is>`) built of `<t>` runs.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memmem};

use super::window::{local, malformed, pick, tag_end, tag_name};
use crate::error::Error;

/// Appends `raw` (element text, no markup) to `out`: checks UTF-8, turns
/// `\r\n` and lone `\r` into `\n` as XML does, and decodes the five named
/// entities and character references.
pub(crate) fn decode_into(raw: &[u8], out: &mut String) -> Result<(), Error> {
    let text = std::str::from_utf8(raw).map_err(|_| malformed("text that is not UTF-8"))?;
    if memchr2(b'&', b'\r', raw).is_none() {
        out.push_str(text);
        return Ok(());
    }
    let mut rest = text;
    while let Some(i) = rest.find(['&', '\r']) {
        out.push_str(&rest[..i]);
        if rest.as_bytes()[i] == b'\r' {
            out.push('\n');
            rest = &rest[i + 1..];
            if rest.starts_with('\n') {
                rest = &rest[1..];
            }
            continue;
        }
        let after = &rest[i + 1..];
        let semi = after
            .find(';')
            .filter(|&n| n <= 10)
            .ok_or_else(|| malformed("an unfinished entity (&)"))?;
        out.push(entity(&after[..semi])?);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(())
}

/// The character an entity name (without `&` and `;`) stands for.
fn entity(name: &str) -> Result<char, Error> {
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok()
            } else {
                None
            };
            code.filter(|&c| c != 0).and_then(char::from_u32)
        }
    };
    c.ok_or_else(|| {
        malformed(format!(
            "an unknown entity &{};",
            crate::display::clip(name, 12)
        ))
    })
}

/// Decodes Excel's `_xHHHH_` escapes (a UTF-16 unit each, so characters
/// beyond the basic plane are two escapes; `_x005F_` is a literal `_`). An
/// unpaired surrogate becomes U+FFFD.
pub(crate) fn unescape_excel(s: &str) -> Cow<'_, str> {
    if memmem::find(s.as_bytes(), b"_x").is_none() {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let unit_at = |i: usize| -> Option<u16> {
        let e = b.get(i..i + 7)?;
        if e[0] != b'_' || e[1] != b'x' || e[6] != b'_' {
            return None;
        }
        let hex = std::str::from_utf8(&e[2..6]).ok()?;
        if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u16::from_str_radix(hex, 16).ok()
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let Some(unit) = unit_at(i) else {
            i += 1;
            continue;
        };
        out.push_str(&s[copied..i]);
        i += 7;
        let c = match unit {
            0xD800..=0xDBFF => match unit_at(i) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    i += 7;
                    let code =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    char::from_u32(code)
                }
                _ => None,
            },
            _ => char::from_u32(u32::from(unit)),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        copied = i;
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// Appends the text content of an element's inside (`inner`: between its
/// start and end tags) to `out`: text and CDATA, comments dropped, child
/// tags ignored.
pub(crate) fn content_into(inner: &[u8], out: &mut String) -> Result<(), Error> {
    let mut rest = inner;
    loop {
        let Some(lt) = memchr(b'<', rest) else {
            return decode_into(rest, out);
        };
        decode_into(&rest[..lt], out)?;
        rest = &rest[lt..];
        if let Some(cdata) = rest.strip_prefix(b"<![CDATA[") {
            let end =
                memmem::find(cdata, b"]]>").ok_or_else(|| malformed("an unfinished CDATA"))?;
            let text = std::str::from_utf8(&cdata[..end])
                .map_err(|_| malformed("text that is not UTF-8"))?;
            out.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
            rest = &cdata[end + 3..];
        } else if rest.starts_with(b"<!--") {
            let end =
                memmem::find(rest, b"-->").ok_or_else(|| malformed("an unfinished comment"))?;
            rest = &rest[end + 3..];
        } else {
            let end = tag_end(rest).ok_or_else(|| malformed("an unfinished tag"))?;
            rest = &rest[end + 1..];
        }
    }
}

/// The text of a string item, the inside of `<si>` or `<is>`: its `<t>`
/// runs joined (plain or rich text), phonetic runs (`<rPh>`) left out. A
/// run's ASCII white space at either end is trimmed unless it says
/// `xml:space="preserve"`; Excel's `_xHHHH_` escapes are decoded. An item
/// without runs is the empty string.
pub(crate) fn string_item(inner: &[u8], out: &mut String) -> Result<(), Error> {
    let mut rest = inner;
    let mut phonetic = 0u32;
    let mut run = String::new();
    while let Some(lt) = memchr(b'<', rest) {
        rest = &rest[lt..];
        if rest.starts_with(b"<!--") || rest.starts_with(b"<![CDATA[") || rest.starts_with(b"<?") {
            let close: &[u8] = match rest[1] {
                b'?' => b"?>",
                _ if rest[2] == b'-' => b"-->",
                _ => b"]]>",
            };
            let end =
                memmem::find(rest, close).ok_or_else(|| malformed("an unfinished comment"))?;
            rest = &rest[end + close.len()..];
            continue;
        }
        let gt = tag_end(rest).ok_or_else(|| malformed("an unfinished tag"))?;
        let tag = &rest[..=gt];
        let closing = tag[1] == b'/';
        let qname = tag_name(&tag[if closing { 2 } else { 1 }..]);
        let empty = !closing && gt >= 2 && tag[gt - 1] == b'/';
        rest = &rest[gt + 1..];
        match (local(qname), closing) {
            (b"rPh", false) if !empty => phonetic += 1,
            (b"rPh", true) => phonetic = phonetic.saturating_sub(1),
            (b"t", false) => {
                let preserve = pick(tag, [b"xml:space"]) == [Some(&b"preserve"[..])];
                let inside: &[u8] = if empty {
                    b""
                } else {
                    let mut closing_tag = b"</".to_vec();
                    closing_tag.extend_from_slice(qname);
                    let end = memmem::find(rest, &closing_tag)
                        .ok_or_else(|| malformed("an unfinished <t>"))?;
                    let inside = &rest[..end];
                    let after = &rest[end..];
                    let gt = memchr(b'>', after).ok_or_else(|| malformed("an unfinished </t>"))?;
                    rest = &after[gt + 1..];
                    inside
                };
                if phonetic > 0 {
                    continue;
                }
                run.clear();
                content_into(inside, &mut run)?;
                let run = if preserve {
                    run.as_str()
                } else {
                    run.trim_matches([' ', '\t', '\r', '\n'])
                };
                out.push_str(&unescape_excel(run));
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(xml: &str) -> String {
        let mut s = String::new();
        string_item(xml.as_bytes(), &mut s).unwrap();
        s
    }

    #[test]
    fn entities_and_line_ends_are_decoded() {
        let mut s = String::new();
        decode_into(
            b"a &amp; b &lt;&gt; &quot;&apos; &#233;&#x10D;\r\nx\ry",
            &mut s,
        )
        .unwrap();
        assert_eq!(s, "a & b <> \"' éč\nx\ny");
        assert!(decode_into(b"&nbsp;", &mut String::new()).is_err());
        assert!(decode_into(b"&#0;", &mut String::new()).is_err());
        assert!(decode_into(b"a & b", &mut String::new()).is_err());
        assert!(decode_into(&[0xC3, 0x28], &mut String::new()).is_err());
    }

    #[test]
    fn excel_escapes_are_decoded() {
        // _x000D_ is a carriage return; _x005F_ escapes the underscore of a
        // literal "_x000D_"; a surrogate pair makes one character.
        assert_eq!(unescape_excel("a_x000D_b"), "a\rb");
        assert_eq!(unescape_excel("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_excel("_xD83D__xDE00_"), "😀");
        assert_eq!(unescape_excel("_xD83D_x"), "\u{FFFD}x");
        assert_eq!(unescape_excel("_x12_ and _xZZZZ_"), "_x12_ and _xZZZZ_");
    }

    #[test]
    fn string_items_join_runs_and_drop_phonetics() {
        assert_eq!(item("<t>Nováková</t>"), "Nováková");
        assert_eq!(item("<t xml:space=\"preserve\"> a </t>"), " a ");
        assert_eq!(item("<t> a \n</t>"), "a");
        assert_eq!(
            item("<r><rPr><b/></rPr><t>Jana </t></r><r><t xml:space=\"preserve\"> Nová</t></r>"),
            "Jana Nová"
        );
        assert_eq!(
            item("<t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh>"),
            "漢字"
        );
        assert_eq!(item("<x:t>a<![CDATA[<b>&amp;]]>c</x:t>"), "a<b>&amp;c");
        assert_eq!(item(""), "");
        assert_eq!(item("<t/>"), "");
    }
}
