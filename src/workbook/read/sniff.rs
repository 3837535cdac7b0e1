//! Which spreadsheet format the bytes are, from the bytes themselves (never
//! the file name).

use std::io::{Cursor, Read};

use crate::error::{Error, ErrorKind};
use crate::i18n::Text;

/// A spreadsheet format the library reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel binary workbook (`.xlsb`).
    Xlsb,
    /// Excel 97–2003 (`.xls`, BIFF in a compound file).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
}

impl Format {
    /// The usual extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Detects the format.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] naming what the bytes look like (an empty
/// file, a PDF, a zip that is not a workbook, text…), and
/// [`ErrorKind::Encrypted`] for a password-protected OOXML file.
pub fn detect(bytes: &[u8]) -> Result<Format, Error> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    if bytes.starts_with(&CFB_MAGIC) {
        if contains_utf16(bytes, "EncryptedPackage") {
            return Err(Error::new(ErrorKind::Encrypted));
        }
        return Ok(Format::Xls);
    }
    Err(Error::new(ErrorKind::UnknownFormat {
        looks_like: looks_like(bytes),
    }))
}

fn zip_kind(bytes: &[u8]) -> Result<Format, Error> {
    let unknown = |looks_like: Text| Error::new(ErrorKind::UnknownFormat { looks_like });
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::new(ErrorKind::Malformed {
            format: "zip",
            message: e.to_string(),
        })
    })?;
    // Some writers use backslashes in entry names; calamine accepts them.
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.replace('\\', "/")))
        .collect();
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    // The package's declared content types are the authority for OOXML.
    let ct_name = names
        .iter()
        .position(|n| n == "[Content_Types].xml")
        .and_then(|i| {
            zip.name_for_index(i)
                .and_then(|n| n.ok())
                .map(|n| n.into_owned())
        });
    if let Some(ct_name) = ct_name {
        let mut ct = String::new();
        if let Ok(f) = zip.by_name(&ct_name) {
            let _ = f.take(256 << 10).read_to_string(&mut ct);
        }
        if ct.contains("ms-excel.sheet.binary") {
            return Ok(Format::Xlsb);
        }
        if ct.contains("spreadsheetml.sheet.main")
            || ct.contains("ms-excel.sheet.macroEnabled.main")
            || ct.contains("spreadsheetml.template.main")
            || ct.contains("ms-excel.template.macroEnabled.main")
        {
            return Ok(Format::Xlsx);
        }
    }
    if has("xl/workbook.xml") {
        return Ok(Format::Xlsx);
    }
    if has("xl/workbook.bin") {
        return Ok(Format::Xlsb);
    }
    if has("mimetype") {
        let mut m = String::new();
        if let Ok(f) = zip.by_name("mimetype") {
            let _ = f.take(200).read_to_string(&mut m);
        }
        if m.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
            return Ok(Format::Ods);
        }
        if m.starts_with("application/vnd.oasis.opendocument") {
            return Err(unknown(Text::new(
                "dokument OpenDocument, který není tabulka",
                "an OpenDocument file that is not a spreadsheet",
            )));
        }
    }
    if has("content.xml") {
        return Ok(Format::Ods);
    }
    if has("[Content_Types].xml") {
        if names.iter().any(|n| n.starts_with("xl/")) {
            // An xlsx whose workbook part has another name: let the reader say.
            return Ok(Format::Xlsx);
        }
        if names.iter().any(|n| n.starts_with("word/")) {
            return Err(unknown(Text::new(
                "dokument Wordu (docx)",
                "a Word document (docx)",
            )));
        }
        return Err(unknown(Text::new(
            "dokument Office, který není sešit",
            "an Office document that is not a workbook",
        )));
    }
    Err(unknown(Text::new(
        "archiv zip, který není sešit",
        "a zip archive that is not a workbook",
    )))
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pat: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes.windows(pat.len()).any(|w| w == pat.as_slice())
}

/// A few words on what non-spreadsheet bytes look like (Czech, English).
fn looks_like(bytes: &[u8]) -> Text {
    if bytes.is_empty() {
        return Text::new("prázdný soubor", "an empty file");
    }
    if bytes.starts_with(b"%PDF") {
        return Text::new("dokument PDF", "a PDF document");
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) || bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Text::new("obrázek", "an image");
    }
    let head = &bytes[..bytes.len().min(512)];
    let trimmed: Vec<u8> = head
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF)
        .collect();
    if trimmed.starts_with(b"<") {
        return Text::new("soubor XML nebo HTML", "an XML or HTML file");
    }
    if std::str::from_utf8(head).is_ok() || head.iter().all(|b| *b >= 0x09) {
        if head.contains(&b';') || head.contains(&b',') || head.contains(&b'\t') {
            return Text::new(
                "textový soubor (CSV?); uložte jej jako .xlsx",
                "a text file (CSV?); save it as .xlsx",
            );
        }
        return Text::new("textový soubor", "a text file");
    }
    Text::new("neznámá binární data", "unknown binary data")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> String {
        match detect(bytes) {
            Ok(f) => f.name().to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn names_what_it_is_not() {
        assert!(kind(b"").contains("an empty file"));
        assert!(kind(b"%PDF-1.7 ...").contains("a PDF document"));
        assert!(kind(b"id;date\n1;2").contains("CSV"));
        assert!(kind(b"<html>").contains("XML or HTML"));
        assert_eq!(kind(&CFB_MAGIC), "xls");
    }
}
