//! Which cell styles show a number as a date, a time of day or a duration:
//! the number format of each `xf` of `cellXfs` in `styles.xml`.

use std::collections::HashMap;
use std::io::Read;

use super::text::decode_into;
use super::window::{Markup, Window, local, pick, tag_name};
use crate::error::Error;

/// How a style shows a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberKind {
    /// A plain number (or text, percent, currency …).
    Plain,
    /// A date, a time of day or both.
    Date,
    /// Elapsed time (`[h]:mm`), which may exceed a day.
    Duration,
}

/// Excel's built-in formats by id: 14–22, 27–36, 45, 47 and 50–58 are
/// dates and times (27–36 and 50–58 are the East Asian ones), 46 is
/// `[h]:mm:ss` (ECMA-376 Part 1, §18.8.30).
fn builtin(id: u32) -> NumberKind {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => NumberKind::Date,
        46 => NumberKind::Duration,
        _ => NumberKind::Plain,
    }
}

/// Classifies a format code by its first section (the one for positive
/// numbers): a date or time letter (`d m y h s`, or `AM/PM`, `A/P`) makes a
/// date; an elapsed-time bracket (`[h]`, `[mm]`, `[ss]`) met first makes a
/// duration. Quoted text, escaped characters (`\x`), the character after
/// `_` and `*`, and other brackets (`[Red]`, `[$-405]`, `[>=100]`) do not
/// count.
pub(crate) fn classify(code: &str) -> NumberKind {
    let c: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            ';' => break,
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += 1;
                }
            }
            '\\' | '_' | '*' => i += 1,
            '[' => {
                let end = c[i..].iter().position(|&x| x == ']').map(|n| i + n);
                let inside: String = c[i + 1..end.unwrap_or(c.len())].iter().collect();
                let first = inside.chars().next().map(|x| x.to_ascii_lowercase());
                if let Some(u @ ('h' | 'm' | 's')) = first
                    && inside.chars().all(|x| x.to_ascii_lowercase() == u)
                {
                    return NumberKind::Duration;
                }
                i = end.unwrap_or(c.len());
            }
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return NumberKind::Date,
            'a' | 'A' => {
                let rest: String = c[i..]
                    .iter()
                    .take(5)
                    .collect::<String>()
                    .to_ascii_uppercase();
                if rest.starts_with("AM/PM") || rest.starts_with("A/P") {
                    return NumberKind::Date;
                }
            }
            _ => {}
        }
        i += 1;
    }
    NumberKind::Plain
}

/// A `numFmtId` value.
fn number_id(v: &[u8]) -> Option<u32> {
    std::str::from_utf8(v).ok()?.parse().ok()
}

/// The number kind of each cell style (`s` attribute) of a workbook.
pub(crate) fn read<R: Read>(src: R) -> Result<Vec<NumberKind>, Error> {
    let mut w = Window::new(src);
    let mut custom: HashMap<u32, NumberKind> = HashMap::new();
    let mut xf_ids: Vec<Option<u32>> = Vec::new();
    let mut in_cell_xfs = false;
    let mut code = String::new();
    while let Some(m) = w.next_markup()? {
        match m {
            Markup::Start { len, empty } => {
                let tag = &w.rest()[..len];
                match local(tag_name(&tag[1..])) {
                    b"numFmt" => {
                        let [id, raw_code] = pick(tag, [b"numFmtId", b"formatCode"]);
                        if let (Some(id), Some(raw)) = (id.and_then(number_id), raw_code) {
                            code.clear();
                            decode_into(raw, &mut code)?;
                            custom.insert(id, classify(&code));
                        }
                    }
                    b"cellXfs" => in_cell_xfs = !empty,
                    b"xf" if in_cell_xfs => {
                        let [id] = pick(tag, [b"numFmtId"]);
                        xf_ids.push(id.and_then(number_id));
                    }
                    _ => {}
                }
                w.consume(len);
            }
            Markup::End { len } => {
                if local(tag_name(&w.rest()[2..len])) == b"cellXfs" {
                    in_cell_xfs = false;
                }
                w.consume(len);
            }
            Markup::Other { len } => w.consume(len),
        }
    }
    Ok(xf_ids
        .into_iter()
        .map(|id| match id {
            Some(id) => custom.get(&id).copied().unwrap_or_else(|| builtin(id)),
            None => NumberKind::Plain,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberKind::*;

    #[test]
    fn format_codes_are_classified_like_excel_shows_them() {
        for (code, kind) in [
            ("General", Plain),
            ("0.00", Plain),
            ("#,##0.00\\ \"Kč\"", Plain),
            ("0.00E+00", Plain),
            ("@", Plain),
            ("d.m.yyyy", Date),
            ("DD/MM/YY", Date),
            ("h:mm", Date),
            ("H:MM:SS;@", Date),
            ("mm:ss", Date),
            ("h:mm AM/PM", Date),
            ("[$-405]d\\.\\ mmmm\\ yyyy", Date),
            ("[h]:mm:ss", Duration),
            ("[mm]:ss", Duration),
            ("[Red][h]:mm", Duration),
            ("[>=100][Magenta][s].00", Duration),
            ("\"Y: \"0.00\"m\"", Plain),
            ("0_ ;[Red]\\-0\\ ", Plain),
            ("\\Y000000", Plain),
            ("#,##0.0####\" YMD\"", Plain),
            ("0;\"days\" d", Plain),
            ("[Red]0.00", Plain),
        ] {
            assert_eq!(classify(code), kind, "{code}");
        }
    }

    #[test]
    fn cell_styles_take_custom_formats_before_built_in_ones() {
        // Style 0: General; 1: built-in 14 (a date); 2: custom 164, a
        // duration; 3: custom 165 redefining nothing built in, plain; 4:
        // built-in 46 ([h]:mm:ss); 5: no numFmtId. cellStyleXfs do not count.
        let xml = br##"<styleSheet><numFmts count="2">
            <numFmt numFmtId="164" formatCode="[h]:mm"/>
            <numFmt numFmtId="165" formatCode="#,##0&quot; CZK&quot;"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>
            <xf numFmtId="164"><alignment horizontal="left"/></xf><xf numFmtId="165"/>
            <xf numFmtId="46"/><xf/></cellXfs></styleSheet>"##;
        assert_eq!(
            read(&xml[..]).unwrap(),
            vec![Plain, Date, Duration, Plain, Duration, Plain]
        );
    }
}
