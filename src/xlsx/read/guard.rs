//! The archive pre-scan: before calamine inflates anything, check the zip's
//! central directory (declared sizes, ratios, entry count) and the declared
//! shared-string count.
//!
//! Declared sizes are a real bound: the zip reader stops an entry that
//! inflates past its declared size with an error, so a lying entry cannot
//! grow beyond what was checked here.

use std::io::{Cursor, Read};

use super::limits::ReadLimits;
use crate::error::{Error, ErrorKind, Limit};

fn exceeded(limit: Limit, value: u64, max: u64, context: &str) -> Error {
    Error::new(ErrorKind::LimitExceeded {
        limit,
        value,
        max,
        context: context.to_string(),
    })
}

/// Checks a zip-based workbook (xlsx, xlsb, ods) against the limits.
///
/// # Errors
///
/// [`ErrorKind::LimitExceeded`] for the first limit exceeded,
/// [`ErrorKind::Encrypted`] for encrypted entries, [`ErrorKind::Malformed`]
/// for a damaged archive.
pub(crate) fn check_archive(bytes: &[u8], limits: &ReadLimits) -> Result<(), Error> {
    let malformed = |e: zip::result::ZipError| {
        Error::new(ErrorKind::Malformed {
            format: "zip",
            message: e.to_string(),
        })
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(malformed)?;
    let n = zip.len() as u64;
    if n > limits.archive_entries {
        return Err(exceeded(
            Limit::ArchiveEntries,
            n,
            limits.archive_entries,
            "the archive",
        ));
    }
    let mut shared_strings = None;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(malformed)?;
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        if f.encrypted() {
            return Err(Error::new(ErrorKind::Encrypted));
        }
        let size = f.size();
        if size > limits.entry_bytes {
            return Err(exceeded(Limit::EntryBytes, size, limits.entry_bytes, &name));
        }
        let compressed = f.compressed_size().max(1);
        if size > (1 << 20) {
            let ratio = size / compressed;
            if ratio > limits.inflate_ratio {
                return Err(exceeded(
                    Limit::InflateRatio,
                    ratio,
                    limits.inflate_ratio,
                    &name,
                ));
            }
        }
        if name.eq_ignore_ascii_case("xl/sharedStrings.xml") {
            shared_strings = Some(i);
        }
    }
    if let Some(i) = shared_strings {
        let f = zip.by_index(i).map_err(malformed)?;
        let mut head = Vec::with_capacity(4096);
        // Only the start: the count sits in the root element's attributes.
        let _ = f.take(4096).read_to_end(&mut head);
        let head = String::from_utf8_lossy(&head);
        for attr in ["uniqueCount", "count"] {
            if let Some(n) = declared_count(&head, attr)
                && n > limits.shared_strings
            {
                return Err(exceeded(
                    Limit::SharedStrings,
                    n,
                    limits.shared_strings,
                    "xl/sharedStrings.xml",
                ));
            }
        }
    }
    Ok(())
}

/// The value of `attr="N"` in the `<sst …>` element, if present.
fn declared_count(head: &str, attr: &str) -> Option<u64> {
    let sst = head.find("<sst")?;
    let end = head[sst..].find('>').map(|e| sst + e)?;
    let el = &head[sst..end];
    let key = format!(" {attr}=");
    let at = el.find(&key)? + key.len();
    let rest = &el[at..];
    let quote = rest.chars().next()?;
    let rest = &rest[1..];
    let close = rest.find(quote)?;
    rest[..close].trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_declared_counts() {
        let h = r#"<?xml version="1.0"?><sst xmlns="x" count="12" uniqueCount='99999999999'><si>"#;
        assert_eq!(declared_count(h, "count"), Some(12));
        assert_eq!(declared_count(h, "uniqueCount"), Some(99_999_999_999));
        assert_eq!(declared_count("<sst>", "count"), None);
    }
}
