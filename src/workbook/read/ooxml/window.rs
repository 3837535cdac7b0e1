//! A bounded window over a streamed XML part (an inflating archive entry):
//! find the next markup and whole elements without loading the part.
//!
//! The window holds the unread bytes. It grows only while one element is
//! looked for, and never past [`MAX_ELEMENT`] plus a chunk: text between
//! elements is dropped as it is skipped, so a part of any size is walked in
//! bounded memory.

use std::io::Read;

use memchr::{memchr, memchr3, memmem};

use crate::error::Error;

/// Bytes asked of the inflater at a time.
const CHUNK: usize = 256 << 10;

/// The longest single element (a cell, a shared string) accepted: 4 MiB.
/// Excel's longest cell text is 32 767 characters, well under 1 MiB even
/// with every character escaped.
pub(crate) const MAX_ELEMENT: usize = 4 << 20;

/// A malformed-part error for the xlsx reader.
pub(crate) fn malformed(message: impl Into<String>) -> Error {
    Error::new(crate::error::ErrorKind::Malformed {
        format: "xlsx",
        message: message.into(),
    })
}

/// The unread part of a stream, refilled on demand.
pub(crate) struct Window<R> {
    src: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    /// Bytes of the stream consumed so far.
    pos: u64,
}

/// What the window shows next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Markup {
    /// `<name …>` (or `<name …/>` when `empty`); `len` is the tag's length
    /// including `<` and `>`.
    Start { len: usize, empty: bool },
    /// `</name>`; `len` as above.
    End { len: usize },
    /// A comment, processing instruction or CDATA outside the places that
    /// read text: skipped, `len` bytes.
    Other { len: usize },
}

impl<R: Read> Window<R> {
    pub(crate) fn new(src: R) -> Window<R> {
        Window {
            src,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: false,
            pos: 0,
        }
    }

    /// How many bytes of the stream have been consumed: the offset of the
    /// first unread byte.
    pub(crate) fn position(&self) -> u64 {
        self.pos
    }

    /// Consumes everything up to and including the first `needle`, copying
    /// what it consumes into `copy` while `copy` is given and stays within
    /// `copy_max` bytes (past that, `copy` is set to `None`). Memory is one
    /// chunk whatever the distance; `false` when the stream ends first.
    pub(crate) fn skip_past(
        &mut self,
        needle: &[u8],
        copy: &mut Option<Vec<u8>>,
        copy_max: usize,
    ) -> Result<bool, Error> {
        let finder = memmem::Finder::new(needle);
        loop {
            let rest = self.rest();
            let (take, found) = match finder.find(rest) {
                Some(i) => (i + needle.len(), true),
                None => (rest.len().saturating_sub(needle.len()), false),
            };
            if let Some(c) = copy.as_mut() {
                if c.len() + take > copy_max {
                    *copy = None;
                } else {
                    c.extend_from_slice(&rest[..take]);
                }
            }
            self.consume(take);
            if found {
                return Ok(true);
            }
            if !self.more()? {
                return Ok(false);
            }
        }
    }

    /// The unread bytes held now.
    pub(crate) fn rest(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// Marks `n` bytes as read.
    pub(crate) fn consume(&mut self, n: usize) {
        let to = (self.start + n).min(self.end);
        self.pos += (to - self.start) as u64;
        self.start = to;
    }

    /// Reads more of the stream behind the unread bytes; `false` at its end.
    fn more(&mut self) -> Result<bool, Error> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            if self.buf.len() >= MAX_ELEMENT + CHUNK {
                return Err(malformed(format!(
                    "an element longer than {} MiB",
                    MAX_ELEMENT >> 20
                )));
            }
            let grown = (self.buf.len() * 2).min(MAX_ELEMENT + CHUNK);
            self.buf.resize(grown, 0);
        }
        loop {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(malformed(crate::display::clip(&e.to_string(), 300))),
            }
        }
    }

    /// Finds with `search` in the unread bytes from offset `from`, reading
    /// more until it answers; `None` at the end of the stream. After a
    /// refill the last `overlap` bytes already searched are searched again
    /// (for a needle cut in two), or all from `from` when `overlap` is
    /// `usize::MAX` (for a search with state, such as quotes).
    pub(crate) fn find(
        &mut self,
        from: usize,
        overlap: usize,
        search: impl Fn(&[u8]) -> Option<usize>,
    ) -> Result<Option<usize>, Error> {
        let mut at = from;
        loop {
            let rest = self.rest();
            if at <= rest.len()
                && let Some(i) = search(&rest[at..])
            {
                return Ok(Some(at + i));
            }
            let searched = rest.len();
            if !self.more()? {
                return Ok(None);
            }
            at = searched.saturating_sub(overlap).max(from);
        }
    }

    /// Skips to the next `<` (dropping the text before it) and tells what
    /// markup starts there, holding all of it in the window; `None` at the
    /// end of the stream.
    pub(crate) fn next_markup(&mut self) -> Result<Option<Markup>, Error> {
        loop {
            if let Some(i) = memchr(b'<', self.rest()) {
                self.consume(i);
                break;
            }
            let n = self.rest().len();
            self.consume(n);
            if !self.more()? {
                return Ok(None);
            }
        }
        // At least two bytes to tell the kind of markup.
        if self.rest().len() < 2 && !self.more()? {
            return Err(malformed("the part ends inside a tag"));
        }
        let special: Option<&[u8]> = match self.rest()[1] {
            b'?' => Some(b"?>"),
            b'!' => {
                // `<!--` or `<![CDATA[`; anything else (DOCTYPE) is refused:
                // no spreadsheet part has one, and it could declare entities.
                self.find(0, usize::MAX, |s| (s.len() >= 9).then_some(0))?;
                let r = self.rest();
                if r.starts_with(b"<!--") {
                    Some(b"-->")
                } else if r.starts_with(b"<![CDATA[") {
                    Some(b"]]>")
                } else {
                    return Err(malformed("a DOCTYPE or unknown <! markup"));
                }
            }
            _ => None,
        };
        if let Some(close) = special {
            let found = self.find(2, close.len(), |s| memmem::find(s, close))?;
            let end = found.ok_or_else(|| malformed("the part ends inside a comment"))?;
            return Ok(Some(Markup::Other {
                len: end + close.len(),
            }));
        }
        let gt = self
            .find(1, usize::MAX, tag_end)?
            .ok_or_else(|| malformed("the part ends inside a tag"))?;
        let tag = &self.rest()[..=gt];
        Ok(Some(if tag[1] == b'/' {
            Markup::End { len: gt + 1 }
        } else {
            Markup::Start {
                len: gt + 1,
                empty: gt >= 2 && tag[gt - 1] == b'/',
            }
        }))
    }

    /// The length of the element whose start tag (`start_len` bytes, named
    /// `name` with any prefix) begins the window, through its end tag; the
    /// whole element is then in the window.
    pub(crate) fn element(&mut self, start_len: usize, name: &[u8]) -> Result<usize, Error> {
        let found = self.find(start_len, name.len() + 64, |s| {
            end_tag_in(s, name).map(|(_, end)| end)
        })?;
        found.ok_or_else(|| {
            malformed(format!(
                "the part ends inside <{}>",
                String::from_utf8_lossy(name)
            ))
        })
    }
}

/// The offset of the `>` that ends the tag starting at `s[0]`, past quoted
/// attribute values (which may hold `>`).
pub(crate) fn tag_end(s: &[u8]) -> Option<usize> {
    // Most often no attribute value holds `>`: the first `>` ends the tag
    // when the quotes before it are closed (one search and one counting
    // pass, instead of a search per quote).
    let gt = memchr(b'>', s)?;
    let head = &s[..gt];
    if head.iter().filter(|&&b| b == b'"').count() % 2 == 0 && memchr(b'\'', head).is_none() {
        return Some(gt);
    }
    let mut i = 0;
    loop {
        let j = i + memchr3(b'>', b'"', b'\'', &s[i..])?;
        if s[j] == b'>' {
            return Some(j);
        }
        i = j + 1 + memchr(s[j], &s[j + 1..])? + 1;
    }
}

/// Where the end tag `</name>` (white space allowed before `>`) first
/// stands in `s`: its start and the offset just past it; `None` if `s`
/// holds none whole.
pub(crate) fn end_tag_in(s: &[u8], name: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = memchr(b'<', &s[from..]) {
        let at = from + i;
        let after = &s[at + 1..];
        if after.first() == Some(&b'/') && after[1..].starts_with(name) {
            let mut j = at + 2 + name.len();
            while j < s.len() && s[j].is_ascii_whitespace() {
                j += 1;
            }
            match s.get(j) {
                Some(b'>') => return Some((at, j + 1)),
                // Cut by the window's end: ask for more.
                None => return None,
                // `</cx>` is another element; keep looking.
                Some(_) => {}
            }
        }
        from = at + 1;
    }
    None
}

/// The local name of a tag (`x:row` → `row`), from the bytes after `<` or
/// `</`.
pub(crate) fn tag_name(after_lt: &[u8]) -> &[u8] {
    let end = after_lt
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        .unwrap_or(after_lt.len());
    &after_lt[..end]
}

/// `x:row` → `row`.
pub(crate) fn local(name: &[u8]) -> &[u8] {
    match memchr(b':', name) {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Calls `f(name, raw value)` for each attribute of a start tag (`tag` is
/// the whole tag, `<` to `>`). Values are raw: entities are not decoded.
/// Stops at the first thing that is not an attribute.
pub(crate) fn attributes<'t>(tag: &'t [u8], f: impl FnMut(&'t [u8], &'t [u8])) {
    attributes_after(tag, 1 + tag_name(&tag[1..]).len(), f);
}

/// [`attributes`] of a tag whose name is known to end at `from`.
pub(crate) fn attributes_after<'t>(
    tag: &'t [u8],
    from: usize,
    mut f: impl FnMut(&'t [u8], &'t [u8]),
) {
    // Names and values are a few bytes long: a plain loop finds their ends
    // sooner than a vector search that must first be set up.
    let find = |b: u8, s: &[u8]| s.iter().position(|&x| x == b);
    let mut i = from;
    let n = tag.len();
    loop {
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || tag[i] == b'>' || tag[i] == b'/' {
            return;
        }
        // The name runs to `=` (found with one byte search, the hot path of
        // both scanners), white space allowed before it.
        let Some(eq) = find(b'=', &tag[i..]).map(|k| i + k) else {
            return;
        };
        let mut name_end = eq;
        while name_end > i && tag[name_end - 1].is_ascii_whitespace() {
            name_end -= 1;
        }
        // A name with white space or a quote inside is not well-formed
        // XML; it matches no attribute asked for, and the scan goes on.
        let name = &tag[i..name_end];
        i = eq + 1;
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || (tag[i] != b'"' && tag[i] != b'\'') {
            return;
        }
        let quote = tag[i];
        let Some(len) = find(quote, &tag[i + 1..]) else {
            return;
        };
        f(name, &tag[i + 1..i + 1 + len]);
        i += len + 2;
    }
}

/// The raw values of the attributes `names` of a start tag (`None` where
/// absent), in the order asked.
pub(crate) fn pick<'t, const N: usize>(tag: &'t [u8], names: [&[u8]; N]) -> [Option<&'t [u8]>; N] {
    let mut out = [None; N];
    attributes(tag, |n, v| {
        if let Some(i) = names.iter().position(|&x| x == n) {
            out[i] = Some(v);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives one byte per read, to cut every token.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0.is_empty() || buf.is_empty() {
                return Ok(0);
            }
            buf[0] = self.0[0];
            self.0 = &self.0[1..];
            Ok(1)
        }
    }

    fn markups(xml: &[u8]) -> Vec<(Markup, Vec<u8>)> {
        let mut w = Window::new(Trickle(xml));
        let mut out = Vec::new();
        while let Some(m) = w.next_markup().unwrap() {
            let len = match m {
                Markup::Start { len, .. } | Markup::End { len } | Markup::Other { len } => len,
            };
            out.push((m, w.rest()[..len].to_vec()));
            w.consume(len);
        }
        out
    }

    #[test]
    fn markup_is_found_whole_even_when_every_read_gives_one_byte() {
        let xml = b"<?xml version=\"1.0\"?>\n<a x='1>2'>text<!-- <b> --><b/></a>";
        let got = markups(xml);
        let tags: Vec<&[u8]> = got.iter().map(|(_, t)| t.as_slice()).collect();
        assert_eq!(
            tags,
            vec![
                &b"<?xml version=\"1.0\"?>"[..],
                b"<a x='1>2'>",
                b"<!-- <b> -->",
                b"<b/>",
                b"</a>"
            ]
        );
        assert_eq!(
            got[1].0,
            Markup::Start {
                len: 11,
                empty: false
            }
        );
        assert_eq!(
            got[3].0,
            Markup::Start {
                len: 4,
                empty: true
            }
        );
        assert_eq!(got[4].0, Markup::End { len: 4 });
    }

    #[test]
    fn an_element_runs_to_its_own_end_tag() {
        // `</cx>` must not end `<c>`; white space may stand before `>`.
        let xml = b"<c r=\"A1\"><cx>1</cx><v>2</v></c >tail";
        let mut w = Window::new(Trickle(xml));
        let Some(Markup::Start { len, .. }) = w.next_markup().unwrap() else {
            panic!()
        };
        let n = w.element(len, b"c").unwrap();
        assert_eq!(&w.rest()[..n], &xml[..xml.len() - 4]);
    }

    #[test]
    fn a_doctype_and_an_unfinished_element_are_refused() {
        let mut w = Window::new(&b"<!DOCTYPE x [<!ENTITY a 'b'>]><x/>"[..]);
        assert!(w.next_markup().is_err());
        let mut w = Window::new(&b"<c><v>1</v>"[..]);
        let Some(Markup::Start { len, .. }) = w.next_markup().unwrap() else {
            panic!()
        };
        assert!(w.element(len, b"c").is_err());
    }

    #[test]
    fn an_element_longer_than_the_bound_is_refused_without_reading_on() {
        let mut xml = b"<c><v>".to_vec();
        xml.resize(MAX_ELEMENT + 2 * CHUNK, b'1');
        let mut w = Window::new(&xml[..]);
        let Some(Markup::Start { len, .. }) = w.next_markup().unwrap() else {
            panic!()
        };
        let e = w.element(len, b"c").unwrap_err();
        assert!(e.to_string().contains("4 MiB"), "{e}");
    }

    #[test]
    fn attributes_are_split_with_either_quote() {
        let mut got = Vec::new();
        attributes(b"<c r=\"B2\" s = '3' t=\"s\"/>", |n, v| got.push((n, v)));
        assert_eq!(
            got,
            vec![
                (&b"r"[..], &b"B2"[..]),
                (&b"s"[..], &b"3"[..]),
                (&b"t"[..], &b"s"[..])
            ]
        );
        assert_eq!(
            pick(b"<c t=\"s\" r=\"B2\">", [b"r", b"s", b"t"]),
            [Some(&b"B2"[..]), None, Some(&b"s"[..])]
        );
        assert_eq!(local(b"x:row"), b"row");
        assert_eq!(tag_name(b"x:c r=\"A1\">"), b"x:c");
    }
}
