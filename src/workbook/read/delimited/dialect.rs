//! How a delimited text file is written: its encoding and its delimiter,
//! found from a sample of its first bytes.
//!
//! Czech software writes CSV as UTF-8 (with or without a byte-order mark),
//! windows-1250 (Excel and most Windows programs) or ISO-8859-2 (older
//! Unix exports). The two single-byte encodings agree on every Czech
//! letter but `Š Ť Ž š ť ž` (and a few others), so the bytes where they
//! differ decide: windows-1250 puts letters and quotes in 0x80–0x9F, where
//! ISO-8859-2 has only control characters that no text contains.

use encoding_rs::{Encoding, ISO_8859_2, UTF_8, WINDOWS_1250};

use crate::error::{Error, ErrorKind};
use crate::i18n::Text;

/// How many bytes of the file the dialect is found from.
pub(crate) const SAMPLE: usize = 64 << 10;

/// A delimited file's encoding and delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dialect {
    /// The encoding the file's bytes are decoded with.
    pub encoding: &'static Encoding,
    /// Whether the file starts with a UTF-8 byte-order mark (skipped).
    pub bom: bool,
    /// The field delimiter: `;`, `,`, tab or `|`.
    pub delimiter: u8,
}

impl Dialect {
    /// The encoding's name as the report prints it (`windows-1250`).
    pub fn encoding_name(&self) -> &'static str {
        if self.encoding == UTF_8 {
            if self.bom { "UTF-8 (BOM)" } else { "UTF-8" }
        } else {
            self.encoding.name()
        }
    }

    /// The delimiter in words, as the report prints it.
    pub fn delimiter_name(&self) -> &'static str {
        match self.delimiter {
            b';' => "středník (;)",
            b',' => "čárka (,)",
            b'\t' => "tabulátor",
            _ => "svislá čára (|)",
        }
    }
}

/// The dialect of a file from its first bytes (`sample`, at most
/// [`SAMPLE`]) and its name (`.tsv` is tab-separated whatever it holds).
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] for UTF-16 text, which no byte-wise CSV
/// grammar can read.
pub(crate) fn detect(sample: &[u8], file_name: &str) -> Result<Dialect, Error> {
    if sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::new(ErrorKind::UnknownFormat {
            looks_like: Text::new(
                "text v kódování UTF-16; uložte jej jako CSV v UTF-8",
                "UTF-16 text; save it as CSV in UTF-8",
            ),
        }));
    }
    let bom = sample.starts_with(&[0xEF, 0xBB, 0xBF]);
    let body = if bom { &sample[3..] } else { sample };
    let encoding = encoding_of(body);
    let tsv = file_name.to_ascii_lowercase().ends_with(".tsv");
    let delimiter = if tsv { b'\t' } else { delimiter_of(body) };
    Ok(Dialect {
        encoding,
        bom,
        delimiter,
    })
}

/// UTF-8 when the sample is valid UTF-8 (a sequence cut by the sample's
/// end allowed), else windows-1250 or ISO-8859-2 by the bytes where they
/// differ.
fn encoding_of(body: &[u8]) -> &'static Encoding {
    match std::str::from_utf8(body) {
        Ok(_) => return UTF_8,
        // Only the last (at most three) bytes are an incomplete sequence.
        Err(e) if e.error_len().is_none() => return UTF_8,
        Err(_) => {}
    }
    // 0x80–0x9F: letters and quotes in windows-1250 (š is 0x9A, „ 0x84),
    // control characters in ISO-8859-2.
    if body.iter().any(|b| (0x80..=0x9F).contains(b)) {
        return WINDOWS_1250;
    }
    // Š Ť Ž š ť ž in ISO-8859-2; ©, «, ®, ą, », ľ in windows-1250, which
    // Czech text rarely holds.
    const ISO_LETTERS: [u8; 6] = [0xA9, 0xAB, 0xAE, 0xB9, 0xBB, 0xBE];
    if body.iter().any(|b| ISO_LETTERS.contains(b)) {
        return ISO_8859_2;
    }
    // Both agree on every byte present: the Windows default.
    WINDOWS_1250
}

/// The delimiter that splits the sample's lines most consistently: for
/// each candidate, the commonest number of fields a line has (outside
/// quotes), then how many lines have it. A title line above the header
/// has none of them and does not count. Ties go to `;` (Czech software
/// uses it because the comma is the decimal mark), then tab, `,`, `|`.
fn delimiter_of(body: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b';', b'\t', b',', b'|'];
    let lines = split_lines(body, 50);
    let mut best = (b';', 0usize);
    for d in CANDIDATES {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        // The commonest non-zero count, and how many lines have it.
        let mut mode = (0usize, 0usize);
        for &c in counts.iter().filter(|c| **c > 0) {
            let n = counts.iter().filter(|x| **x == c).count();
            if n > mode.1 || (n == mode.1 && c > mode.0) {
                mode = (c, n);
            }
        }
        // Strictly more lines: a tie keeps the earlier candidate.
        if mode.1 > best.1 {
            best = (d, mode.1);
        }
    }
    best.0
}

/// Up to `max` lines of the sample (quoted line breaks kept inside).
fn split_lines(body: &[u8], max: usize) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, b) in body.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                if i > start {
                    lines.push(&body[start..i]);
                }
                start = i + 1;
                if lines.len() == max {
                    return lines;
                }
            }
            _ => {}
        }
    }
    if start < body.len() && lines.len() < max {
        lines.push(&body[start..]);
    }
    lines
}

fn count_outside_quotes(line: &[u8], d: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line {
        if *b == b'"' {
            quoted = !quoted;
        } else if *b == d && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = detect("Datum;Klient\n1. 3. 2025;Nováková".as_bytes(), "v.csv").unwrap();
        assert_eq!((d.encoding_name(), d.delimiter), ("UTF-8", b';'));
        let d = detect(b"\xEF\xBB\xBFa,b\n1,2", "v.csv").unwrap();
        assert_eq!((d.encoding_name(), d.delimiter), ("UTF-8 (BOM)", b','));
        // A sequence cut by the sample's end is still UTF-8: "ž" is C5 BE.
        assert_eq!(detect(b"a;b\n\xC5", "v.csv").unwrap().encoding, UTF_8);
    }

    #[test]
    fn windows_1250_and_iso_8859_2_by_the_bytes_they_differ_in() {
        // "Šťastná" in windows-1250: Š = 8A, ť = 9D.
        let cp = b"Klient;Obec\n\x8A\x9Dastn\xE1;Brno\n";
        assert_eq!(detect(cp, "k.csv").unwrap().encoding, WINDOWS_1250);
        // The same in ISO-8859-2: Š = A9, ť = BB.
        let iso = b"Klient;Obec\n\xA9\xBBastn\xE1;Brno\n";
        assert_eq!(detect(iso, "k.csv").unwrap().encoding, ISO_8859_2);
        // Only letters both share (á = E1, č = E8): the Windows default.
        let both = b"Klient;Obec\nN\xE1\xE8ek;Brno\n";
        assert_eq!(detect(both, "k.csv").unwrap().encoding, WINDOWS_1250);
    }

    #[test]
    fn the_delimiter_that_splits_lines_alike() {
        // Decimal commas inside a semicolon file do not make it a comma file.
        let s = b"Vykaz za brezen\nDatum;Minuty;Uhrada\n1.3.2025;30;85,50\n2.3.2025;45;120,00\n";
        assert_eq!(detect(s, "v.csv").unwrap().delimiter, b';');
        // A quoted decimal comma in a comma file.
        let s = b"Datum,Minuty,Uhrada\n1.3.2025,30,\"85,50\"\n";
        assert_eq!(detect(s, "v.csv").unwrap().delimiter, b',');
        let s = b"Datum\tMinuty\n1.3.2025\t30\n";
        assert_eq!(detect(s, "v.csv").unwrap().delimiter, b'\t');
        // .tsv is tab-separated whatever the sample holds.
        assert_eq!(detect(b"a;b\n", "x.TSV").unwrap().delimiter, b'\t');
        // No delimiter at all (one column): `;`.
        assert_eq!(detect(b"a\nb\n", "x.csv").unwrap().delimiter, b';');
    }

    #[test]
    fn utf16_is_refused_with_advice() {
        let e = detect(b"\xFF\xFEa\x00", "v.csv").unwrap_err();
        assert!(e.to_string().contains("UTF-16"), "{e}");
    }
}
