//! The archive pre-scan: before calamine inflates anything, check the zip's
//! central directory (declared sizes, ratios, entry count), the declared
//! shared-string count and the number of strings the table really holds.
//!
//! Declared sizes are a real bound: the zip reader stops an entry that
//! inflates past its declared size with an error, so a lying entry cannot
//! grow beyond what was checked here.

use std::io::{Cursor, Read};

use memchr::memmem;

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
        // The declared count first: only the start, where the root
        // element's attributes hold it.
        let f = zip.by_index(i).map_err(malformed)?;
        let mut head = Vec::with_capacity(4096);
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
        // Then the strings it really holds, streaming the whole part.
        let bound = limits.shared_strings.min((1 << 20).max(bytes.len() as u64));
        let f = zip.by_index(i).map_err(malformed)?;
        if let Some(n) = strings_over(f, bound)? {
            return Err(exceeded(
                Limit::SharedStrings,
                n,
                bound,
                "xl/sharedStrings.xml",
            ));
        }
    }
    Ok(())
}

/// Counts the string items (`<si>`) of a shared-string table as it
/// inflates; `Some(count so far)` at the end of the first chunk where the
/// count passes `bound`.
///
/// calamine holds every string at open (24 bytes each even when empty),
/// whatever the table declares: a 3 MB workbook of 40 million `<si/>`
/// (compressed only 80 to 1, under the inflate-ratio limit) made it take
/// 1.1 GB. Honest tables hold far fewer strings than the file has bytes,
/// so the bound is the `shared_strings` limit or max(1 Mi, file bytes),
/// whichever is smaller.
fn strings_over(mut part: impl Read, bound: u64) -> Result<Option<u64>, Error> {
    // A count of `<si` and `:si` (a prefixed tag) followed by `>`, `/` or
    // white space, in chunks with the last three bytes carried over. It
    // judges nothing else of the XML (calamine does that) and can only
    // count too many (a literal "<si>" in a comment), the safe side.
    const CHUNK: usize = 256 << 10;
    let mut buf = vec![0u8; CHUNK + 3];
    let finders = [memmem::Finder::new(b"<si"), memmem::Finder::new(b":si")];
    let (mut kept, mut n) = (0usize, 0u64);
    loop {
        let k = match part.read(&mut buf[kept..]) {
            Ok(0) => return Ok(None),
            Ok(k) => k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(Error::new(ErrorKind::Malformed {
                    format: "zip",
                    message: crate::display::clip(&e.to_string(), 300),
                }));
            }
        };
        let end = kept + k;
        let data = &buf[..end];
        for (prefixed, f) in finders.iter().enumerate() {
            // A match whose next byte is not here yet is counted next time;
            // `:si` only in a start tag (`<x:si`, not `</x:si`).
            n += f
                .find_iter(data)
                .filter(|&i| {
                    i + 3 < end
                        && matches!(data[i + 3], b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
                        && (prefixed == 0 || start_tag_before(&data[i.saturating_sub(16)..i]))
                })
                .count() as u64;
        }
        if n > bound {
            return Ok(Some(n));
        }
        kept = end.min(3);
        buf.copy_within(end - kept..end, 0);
    }
}

/// Whether the last `<` of `s` opens a start tag (a prefix such as `x`
/// stands between it and the name).
fn start_tag_before(s: &[u8]) -> bool {
    memchr::memrchr(b'<', s).is_some_and(|lt| s.get(lt + 1) != Some(&b'/'))
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
    fn counts_string_items_across_chunk_edges() {
        // 300 000 items of 6 bytes cross the 256 KiB chunks many times; a
        // prefixed item, one with attributes and <sst>, <sip> do not confuse.
        let mut xml = b"<sst count=\"1\">".to_vec();
        for _ in 0..300_000 {
            xml.extend_from_slice(b"<si/> ");
        }
        xml.extend_from_slice(b"<x:si><t>a</t></x:si><si a=\"1\"></si><sip/></sst>");
        assert_eq!(strings_over(&xml[..], 300_001).unwrap(), Some(300_002));
        assert_eq!(strings_over(&xml[..], 300_002).unwrap(), None);
    }

    #[test]
    fn reads_declared_counts() {
        let h = r#"<?xml version="1.0"?><sst xmlns="x" count="12" uniqueCount='99999999999'><si>"#;
        assert_eq!(declared_count(h, "count"), Some(12));
        assert_eq!(declared_count(h, "uniqueCount"), Some(99_999_999_999));
        assert_eq!(declared_count("<sst>", "count"), None);
    }
}
