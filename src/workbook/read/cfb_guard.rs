//! The pre-scan of an `.xls` (an OLE compound file) before calamine opens
//! it: every sector chain of the allocation table must end.
//!
//! calamine follows the directory's chain with no length bound, so a table
//! whose chain loops back on itself grows one buffer without end (found by
//! fuzzing: a 29 KB file asking for 2 GiB). A chain that points outside the
//! table would make calamine index out of bounds. Both are refused here as
//! a damaged file; a table that passes is walked in at most one step per
//! sector, so every chain calamine reads is bounded by the file's size.
//!
//! Layout (MS-CFB): a 512-byte header (sector shift at 30, directory start
//! at 48, mini-FAT start at 60, DIFAT start at 68, 109 DIFAT entries from
//! 76); sector `k` at byte `(k + 1) × sector size`; DIFAT sectors end with
//! the next DIFAT sector's id.

use crate::error::{Error, ErrorKind};

/// Ids at and above this are markers (end of chain, free, FAT, DIFAT).
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

fn u16_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 2)
        .map_or(0, |s| u32::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn damaged(message: &str) -> Error {
    Error::new(ErrorKind::Malformed {
        format: "xls",
        message: message.to_string(),
    })
}

/// Checks the compound file's sector chains.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] when a chain loops or points outside the
/// allocation table. Headers calamine itself rejects pass through to it.
pub(crate) fn check(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() < 512 {
        return Ok(()); // calamine reports the short header
    }
    let size: usize = match u16::from_le_bytes([bytes[30], bytes[31]]) {
        9 => 512,
        12 => 4096,
        _ => return Ok(()), // calamine reports the sector shift
    };
    let sector = move |id: u32| -> &[u8] {
        let start = (id as usize + 1).saturating_mul(size);
        let end = start.saturating_add(size).min(bytes.len());
        bytes.get(start..end).unwrap_or(&[])
    };
    let words = |s: &[u8]| -> Vec<u32> { (0..s.len() / 4).map(|i| u32_at(s, i * 4)).collect() };
    let maxid = bytes.len() / size;

    // The DIFAT: the header's 109 entries, then its own chain.
    let mut difat: Vec<u32> = (0..109).map(|i| u32_at(bytes, 76 + i * 4)).collect();
    let mut id = u32_at(bytes, 68);
    let mut steps = 0usize;
    while id < RESERVED {
        steps += 1;
        if steps > maxid + 1 {
            return Err(damaged("the DIFAT chain does not end"));
        }
        difat.extend(words(sector(id)));
        id = difat.pop().unwrap_or(RESERVED);
    }
    // The FAT: one entry per sector, at most the file's sectors.
    let mut fat: Vec<u32> = Vec::new();
    for &s in difat.iter().filter(|&&s| s < DIFSECT) {
        if s as usize > maxid {
            continue; // calamine reports the sector beyond the end
        }
        fat.extend(words(sector(s)));
        if fat.len() > maxid.saturating_mul(size / 4) + size {
            return Err(damaged(
                "the allocation table lists more sectors than the file has",
            ));
        }
    }
    let n = fat.len();
    for start in [u32_at(bytes, 48), u32_at(bytes, 60)] {
        if start < RESERVED && start as usize >= n {
            return Err(damaged("a chain starts outside the allocation table"));
        }
    }
    // Every chain ends: colour 0 unseen, 1 on the current walk, 2 known to end.
    let mut colour = vec![0u8; n];
    let mut walk: Vec<usize> = Vec::new();
    for first in 0..n {
        let mut i = first;
        loop {
            match colour[i] {
                2 => break,
                1 => return Err(damaged("a sector chain loops back on itself")),
                _ => {}
            }
            colour[i] = 1;
            walk.push(i);
            let next = fat[i];
            if next >= RESERVED {
                break;
            }
            if next as usize >= n {
                return Err(damaged(
                    "a sector chain points outside the allocation table",
                ));
            }
            i = next as usize;
        }
        for &k in &walk {
            colour[k] = 2;
        }
        walk.clear();
    }
    check_dimensions(bytes, size, &fat, &sector)
}

/// Most cells an `.xls` may declare in one sheet's used range: calamine
/// reserves memory for the whole declared range (about 40 bytes a cell)
/// before reading a cell, so a 31 KB file declaring 2³² × 2⁸ cells aborts
/// the process (found by fuzzing). An honest sheet's range grows with its
/// cells, and a cell takes at least 6 bytes of the file.
pub(crate) fn max_declared_cells(file_bytes: usize) -> u64 {
    (1u64 << 20).max(file_bytes as u64 / 2)
}

/// The bytes of a chain of `unit`-byte sectors, at most `len` of them and
/// at most `max_steps` sectors (chains were checked to end; the bound is a
/// second guard for the mini-FAT, which is not checked).
fn chain<'a>(
    start: u32,
    next: &[u32],
    unit: &dyn Fn(u32) -> &'a [u8],
    len: usize,
    max_steps: usize,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut id = start;
    let mut steps = 0;
    while id < RESERVED && out.len() < len && steps < max_steps {
        let s = unit(id);
        out.extend_from_slice(&s[..s.len().min(len - out.len())]);
        id = next.get(id as usize).copied().unwrap_or(RESERVED);
        steps += 1;
    }
    out
}

/// Finds the `Workbook` (or `Book`) stream and refuses a DIMENSIONS record
/// declaring more cells than [`max_declared_cells`].
fn check_dimensions<'a>(
    bytes: &'a [u8],
    size: usize,
    fat: &[u32],
    sector: &dyn Fn(u32) -> &'a [u8],
) -> Result<(), Error> {
    let sectors = bytes.len() / size + 1;
    let dir = chain(u32_at(bytes, 48), fat, sector, usize::MAX, sectors);
    let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
    let name = |e: &[u8]| -> String {
        let n = (u16::from_le_bytes([e[64], e[65]]) as usize).min(64);
        let units: Vec<u16> = e[..n]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
            .trim_end_matches('\0')
            .to_ascii_lowercase()
    };
    let Some(book) = ["workbook", "book"]
        .iter()
        .find_map(|want| entries.iter().find(|e| name(e) == *want))
    else {
        return Ok(()); // calamine reports the missing stream
    };
    let start = u32_at(book, 116);
    let len = (u32_at(book, 120) as usize).min(bytes.len());
    let stream = if len < 4096 {
        // In the mini stream: 64-byte sectors inside the root entry's chain.
        let Some(root) = entries.first() else {
            return Ok(());
        };
        let mini_data = chain(u32_at(root, 116), fat, sector, bytes.len(), sectors);
        let mini_fat_bytes = chain(u32_at(bytes, 60), fat, sector, bytes.len(), sectors);
        let mini_fat: Vec<u32> = (0..mini_fat_bytes.len() / 4)
            .map(|i| u32_at(&mini_fat_bytes, i * 4))
            .collect();
        let mini = |id: u32| -> &[u8] {
            let a = (id as usize).saturating_mul(64);
            mini_data
                .get(a..a.saturating_add(64).min(mini_data.len()))
                .unwrap_or(&[])
        };
        chain(start, &mini_fat, &mini, len, len / 64 + 2)
    } else {
        chain(start, fat, sector, len, sectors)
    };
    let max = max_declared_cells(bytes.len());
    let too_many = |cells: u64, what: &str| {
        Error::new(ErrorKind::LimitExceeded {
            limit: crate::error::Limit::Cells,
            value: cells,
            max,
            context: what.to_string(),
        })
    };
    // The globals: FILEPASS ends the scan (calamine reports the password);
    // each BOUNDSHEET gives a sheet's position in the stream.
    let mut sheets = Vec::new();
    for (typ, data) in records(&stream, 0) {
        match typ {
            0x002F => return Ok(()),
            0x0085 if data.len() >= 4 => sheets.push(u32_at(data, 0) as usize),
            0x000A => break,
            _ => {}
        }
    }
    // Each sheet from its position, as calamine reads it: records of
    // nested substreams (charts) skipped, up to the sheet's EOF. Walking the
    // stream from its start instead would miss a sheet whose position falls
    // inside another record (found by fuzzing).
    for pos in sheets {
        check_sheet(&stream, pos, max, &too_many)?;
    }
    Ok(())
}

/// The records of a BIFF stream from `at`: type and data (CONTINUE
/// records come as records of their own; calamine reads the first part's
/// data for the records checked here). Stops at a truncated record.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut i = at;
    std::iter::from_fn(move || {
        let head = stream.get(i..i.checked_add(4)?)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(i + 4..i + 4 + len)?;
        i += 4 + len;
        Some((typ, data))
    })
}

/// One sheet's declared range and its cells' bounding box against `max`.
fn check_sheet(
    stream: &[u8],
    pos: usize,
    max: u64,
    too_many: &dyn Fn(u64, &str) -> Error,
) -> Result<(), Error> {
    // The bounding box of the sheet's cells: calamine makes a dense range
    // of it (from_sparse), whatever DIMENSIONS said.
    let mut bbox: Option<(u32, u32, u32, u32)> = None;
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(stream, pos) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            _ => {}
        }
        // Cell records start with row and column (MULRK ends with its last column).
        let cell = match typ {
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if data.len() >= 4 => {
                let c = u16_at(data, 2);
                Some((u16_at(data, 0), c, c))
            }
            0x00BD if data.len() >= 6 => Some((
                u16_at(data, 0),
                u16_at(data, 2),
                u16_at(data, data.len() - 2),
            )),
            _ => None,
        };
        if let Some((row, c0, c1)) = cell {
            let (r0, r1, a, b) = bbox.unwrap_or((row, row, c0, c1));
            let next = (
                r0.min(row),
                r1.max(row),
                a.min(c0).min(c1),
                b.max(c0).max(c1),
            );
            let cells = u64::from(next.1 - next.0 + 1) * u64::from(next.3 - next.2 + 1);
            if cells > max {
                return Err(too_many(cells, "xls cells"));
            }
            bbox = Some(next);
        }
        if typ == 0x0200 {
            let dims = match data.len() {
                10 => Some((
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, 4),
                    u16_at(data, 6),
                )),
                14 | 16 => Some((
                    u32_at(data, 0),
                    u32_at(data, 4),
                    u16_at(data, 8),
                    u16_at(data, 10),
                )),
                _ => None,
            };
            if let Some((rf, rl, cf, cl)) = dims {
                // As calamine reads it (wrapping as its release build does).
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                let (rows, cols) = if rl >= 1 && cl >= 1 {
                    (
                        (rl - 1).wrapping_sub(rf).wrapping_add(1),
                        (cl - 1).wrapping_sub(cf).wrapping_add(1),
                    )
                } else {
                    (1, 1)
                };
                let cells = u64::from(rows) * u64::from(cols);
                if cells > max {
                    return Err(too_many(cells, "xls DIMENSIONS"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compound file of `sectors` sectors, one FAT sector (sector 0) with
    /// `fat` as its first entries, the directory at sector 1.
    fn cfb(fat: &[u32], sectors: usize) -> Vec<u8> {
        let mut b = vec![0u8; 512 * (sectors + 1)];
        b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        b[30] = 9;
        b[32] = 6;
        b[44..48].copy_from_slice(&1u32.to_le_bytes()); // one FAT sector
        b[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory at 1
        b[60..64].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        b[68..72].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        for i in 0..109 {
            b[76 + i * 4..80 + i * 4].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        b[76..80].copy_from_slice(&0u32.to_le_bytes()); // FAT in sector 0
        let fat_at = 512;
        for i in 0..128 {
            let v = fat.get(i).copied().unwrap_or(0xFFFF_FFFF);
            b[fat_at + i * 4..fat_at + i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        b
    }

    #[test]
    fn chains_that_end_pass() {
        // 0: FAT sector, 1 → 2 → end.
        assert!(check(&cfb(&[0xFFFF_FFFD, 2, 0xFFFF_FFFE], 3)).is_ok());
    }

    #[test]
    fn a_loop_is_refused() {
        // 1 → 2 → 1.
        let e = check(&cfb(&[0xFFFF_FFFD, 2, 1], 3)).unwrap_err();
        assert!(e.to_string().contains("loops"), "{e}");
        // A sector pointing at itself.
        assert!(check(&cfb(&[0xFFFF_FFFD, 1], 3)).is_err());
    }

    #[test]
    fn a_pointer_outside_the_table_is_refused() {
        let e = check(&cfb(&[0xFFFF_FFFD, 5000, 0xFFFF_FFFE], 3)).unwrap_err();
        assert!(e.to_string().contains("outside"), "{e}");
    }
}
