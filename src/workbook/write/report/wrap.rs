//! Wrapped text on printed pages. A spreadsheet program does not size a
//! row to its wrapped text when it opens a file (rust_xlsxwriter cannot
//! autofit heights), so a row keeps one line's height and its text runs
//! over the rows below. The writer counts the lines each text needs in its
//! column, sets the row's height to the most of them, and breaks the pages
//! by those heights.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// The height of one line of the report's text (Calibri 11), in points.
pub(crate) const LINE_HEIGHT: f64 = 15.0;

/// The lines `text` needs in a column `width` characters wide, wrapped at
/// spaces as a spreadsheet program wraps it (a word longer than a line is
/// broken; a line break in the text starts a line); at least one.
///
/// A line is taken to hold one character fewer than the width: the width
/// counts digits of the default font, a letter is on average narrower, and
/// the cell keeps a margin, so the count errs on the side of one line
/// more, never fewer.
pub(crate) fn lines(text: &str, width: f64) -> u32 {
    let per_line = (width.floor() as usize).saturating_sub(1).max(1);
    let mut total = 0;
    for paragraph in text.split('\n') {
        let mut n = 1;
        let mut used = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            let need = if used == 0 { len } else { used + 1 + len };
            if need <= per_line {
                used = need;
                continue;
            }
            if used > 0 {
                n += 1;
            }
            // A word longer than a line is broken into full lines.
            n += (len.saturating_sub(1) / per_line) as u32;
            used = len - (len.saturating_sub(1) / per_line) * per_line;
        }
        total += n;
    }
    total.max(1)
}

/// Sets row `r`'s height to the most lines any of `cells` (text, column
/// width in characters) needs; returns that many lines. A row of one line
/// keeps its default height.
pub(crate) fn fit_row(ws: &mut Worksheet, r: u32, cells: &[(&str, f64)]) -> Result<u32, XlsxError> {
    let n = cells.iter().map(|&(t, w)| lines(t, w)).max().unwrap_or(1);
    if n > 1 {
        ws.set_row_height(r, LINE_HEIGHT * f64::from(n))?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn lines_are_counted_as_a_spreadsheet_wraps_them() {
        // A line holds width − 1 = 9 characters.
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("abc def", 10.0), 1);
        // "abcd efgh" is 9: one line; "abcd efgh i" needs a second.
        assert_eq!(lines("abcd efgh", 10.0), 1);
        assert_eq!(lines("abcd efgh i", 10.0), 2);
        // Spaces do not start a line; a line break does.
        assert_eq!(lines("  abc   def  ", 10.0), 1);
        assert_eq!(lines("abc\ndef", 10.0), 2);
        // A word of 20 letters: 9 + 9 + 2, three lines, and the next word
        // goes on the third.
        assert_eq!(lines("abcdefghijklmnopqrst", 10.0), 3);
        assert_eq!(lines("abcdefghijklmnopqrst uv", 10.0), 3);
        assert_eq!(lines("abcdefghijklmnopqrst uvwxyzabc", 10.0), 4);
        // Characters, not bytes.
        assert_eq!(lines("úvazky PSS", 10.0), 2);
        assert_eq!(lines("úvazky", 10.0), 1);
    }
}
