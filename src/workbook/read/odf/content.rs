//! The tables of an .ods: one pass over `content.xml` that finds each
//! table's name, whether it is hidden and where it starts, keeping small
//! tables' XML.

use std::collections::HashSet;
use std::io::{Cursor, Read};

use super::super::ooxml::text::decode_into;
use super::super::ooxml::window::{Markup, Window, pick, tag_name};
use super::{as_ods, malformed};
use crate::error::Error;

/// A table's XML is kept when it is at most this long…
const KEEP_TABLE: usize = 4 << 20;
/// …and the tables kept are at most this long together.
const KEEP_ALL: usize = 32 << 20;

/// One table of `content.xml`.
pub(crate) struct Table {
    /// Its name (`table:name`).
    pub name: String,
    /// Whether its style hides it (`table:display="false"`).
    pub hidden: bool,
    /// The offset of its start tag in `content.xml`.
    pub start: u64,
    /// Its XML, start tag to end tag, when it is small.
    pub xml: Option<Vec<u8>>,
}

/// An .ods opened by our reader: the file and its tables in order.
pub(crate) struct OdsBook<'b> {
    pub bytes: &'b [u8],
    pub tables: Vec<Table>,
}

impl<'b> OdsBook<'b> {
    /// Finds the tables of `content.xml`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Malformed`](crate::ErrorKind::Malformed) when the
    /// archive has no `content.xml` or the XML cannot be followed.
    pub(crate) fn open(bytes: &'b [u8]) -> Result<OdsBook<'b>, Error> {
        let tables = with_content(bytes, |part| tables(part)).map_err(as_ods)?;
        Ok(OdsBook { bytes, tables })
    }

    /// The table of a name.
    pub(crate) fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }
}

/// Runs `f` on the inflating `content.xml` of the archive.
pub(super) fn with_content<T>(
    bytes: &[u8],
    f: impl FnOnce(&mut dyn Read) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| malformed(crate::display::clip(&e.to_string(), 300)))?;
    let mut part = zip
        .by_name("content.xml")
        .map_err(|_| malformed("no content.xml in the archive"))?;
    f(&mut part)
}

/// A raw attribute value with its entities decoded.
pub(super) fn decoded(raw: &[u8]) -> Result<String, Error> {
    let mut s = String::new();
    decode_into(raw, &mut s)?;
    Ok(s)
}

/// Walks `content.xml`: automatic table styles (which hide a table) and
/// tables, each table's body skipped with a byte search.
fn tables(part: &mut dyn Read) -> Result<Vec<Table>, Error> {
    let mut w = Window::new(part);
    let mut hiding: HashSet<String> = HashSet::new();
    let mut style: Option<String> = None;
    let mut tables = Vec::new();
    let mut kept = 0usize;
    while let Some(m) = w.next_markup()? {
        let (len, empty) = match m {
            Markup::Start { len, empty } => (len, empty),
            Markup::End { len } | Markup::Other { len } => {
                w.consume(len);
                continue;
            }
        };
        let tag = &w.rest()[..len];
        match tag_name(&tag[1..]) {
            // As calamine: the last style named before a table-properties
            // element is the one it describes.
            b"style:style" => {
                style = pick(tag, [b"style:name"])[0].map(decoded).transpose()?;
            }
            b"style:table-properties" => {
                if let Some(s) = &style {
                    if pick(tag, [b"table:display"])[0] == Some(b"false") {
                        hiding.insert(s.clone());
                    } else {
                        hiding.remove(s);
                    }
                }
            }
            b"table:table" => {
                let [name, style_name] = pick(tag, [b"table:name", b"table:style-name"]);
                // A table without a name is not a sheet (calamine skips it).
                if let Some(name) = name {
                    let name = decoded(name)?;
                    let hidden = match style_name {
                        Some(s) => hiding.contains(&decoded(s)?),
                        None => false,
                    };
                    let start = w.position();
                    let mut xml = (kept < KEEP_ALL).then(|| tag.to_vec());
                    w.consume(len);
                    if !empty && !w.skip_past(b"</table:table>", &mut xml, KEEP_TABLE)? {
                        return Err(malformed(format!(
                            "content.xml ends inside the table {name}"
                        )));
                    }
                    match &xml {
                        Some(x) if kept + x.len() <= KEEP_ALL => kept += x.len(),
                        _ => xml = None,
                    }
                    tables.push(Table {
                        name,
                        hidden,
                        start,
                        xml,
                    });
                    continue;
                }
            }
            _ => {}
        }
        w.consume(len);
    }
    Ok(tables)
}
