//! The parts of an xlsx package that locate a sheet's cells: the archive's
//! entry names, the relationships from the package to the workbook and from
//! the workbook to its sheets, shared strings and styles.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::styles::NumberKind;
use super::text::{decode_into, string_item};
use super::window::{Markup, Window, attributes, local, malformed, pick, tag_name};
use crate::error::Error;

/// The largest small part (relationships, workbook, styles) read whole.
const SMALL_PART: u64 = 64 << 20;

/// An opened package: entries found by name as OPC allows (any case,
/// backslashes for slashes).
pub(crate) struct Package<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
    names: HashMap<String, String>,
}

fn normalise(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

impl<'b> Package<'b> {
    pub(crate) fn open(bytes: &'b [u8]) -> Result<Package<'b>, Error> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| malformed(crate::display::clip(&e.to_string(), 300)))?;
        let mut names = HashMap::new();
        for name in zip.file_names() {
            let name = name.map_err(|e| malformed(crate::display::clip(&e.to_string(), 300)))?;
            names.insert(normalise(&name), name.into_owned());
        }
        Ok(Package { zip, names })
    }

    /// The entry at `path`, streamed; `None` if there is none.
    pub(crate) fn entry(&mut self, path: &str) -> Result<Option<impl Read + '_>, Error> {
        let Some(name) = self.names.get(&normalise(path)) else {
            return Ok(None);
        };
        let name = name.clone();
        self.zip.by_name(&name).map(Some).map_err(|e| {
            malformed(format!(
                "{path}: {}",
                crate::display::clip(&e.to_string(), 300)
            ))
        })
    }

    fn small(&mut self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(entry) = self.entry(path)? else {
            return Ok(None);
        };
        let mut out = Vec::new();
        entry.take(SMALL_PART).read_to_end(&mut out).map_err(|e| {
            malformed(format!(
                "{path}: {}",
                crate::display::clip(&e.to_string(), 300)
            ))
        })?;
        Ok(Some(out))
    }
}

/// A relationship: its id, type (the last segment of the type URI) and the
/// part it points to, resolved against the source part's folder.
struct Relationship {
    id: String,
    kind: String,
    target: String,
}

/// `../media/x.png` from `xl/worksheets/` → `xl/media/x.png`; `/xl/a.xml`
/// is absolute.
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// Calls `f(tag)` with every start tag of a small XML part.
fn each_start_tag(xml: &[u8], mut f: impl FnMut(&[u8]) -> Result<(), Error>) -> Result<(), Error> {
    let mut w = Window::new(xml);
    while let Some(m) = w.next_markup()? {
        let len = match m {
            Markup::Start { len, .. } => {
                f(&w.rest()[..len])?;
                len
            }
            Markup::End { len } | Markup::Other { len } => len,
        };
        w.consume(len);
    }
    Ok(())
}

fn attr_text(raw: &[u8]) -> Result<String, Error> {
    let mut s = String::new();
    decode_into(raw, &mut s)?;
    Ok(s)
}

fn relationships(pkg: &mut Package, source: &str) -> Result<Vec<Relationship>, Error> {
    let (folder, file) = source.rsplit_once('/').unwrap_or(("", source));
    let rels_path = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let Some(xml) = pkg.small(&rels_path)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    each_start_tag(&xml, |tag| {
        if local(tag_name(&tag[1..])) != b"Relationship" {
            return Ok(());
        }
        let [id, kind, target] = pick(tag, [b"Id", b"Type", b"Target"]);
        if let (Some(id), Some(target)) = (id, target) {
            let kind = attr_text(kind.unwrap_or_default())?;
            out.push(Relationship {
                id: attr_text(id)?,
                kind: kind.rsplit('/').next().unwrap_or_default().to_string(),
                target: resolve(folder_of(source), &attr_text(target)?),
            });
        }
        Ok(())
    })?;
    Ok(out)
}

/// Where a workbook's parts are.
pub(crate) struct Parts {
    /// Sheet name → the path of its part, in workbook order.
    pub sheets: Vec<(String, String)>,
    pub shared_strings: Option<String>,
    pub styles: Option<String>,
}

/// Finds the workbook and its parts from the package relationships.
pub(crate) fn locate(pkg: &mut Package) -> Result<Parts, Error> {
    let workbook = relationships(pkg, "")?
        .into_iter()
        .find(|r| r.kind == "officeDocument")
        .map_or_else(|| "xl/workbook.xml".to_string(), |r| r.target);
    let rels = relationships(pkg, &workbook)?;
    let xml = pkg
        .small(&workbook)?
        .ok_or_else(|| malformed(format!("no workbook part {workbook}")))?;
    let mut sheets = Vec::new();
    each_start_tag(&xml, |tag| {
        if local(tag_name(&tag[1..])) != b"sheet" {
            return Ok(());
        }
        let (mut name, mut rid) = (None, None);
        attributes(tag, |n, v| match n {
            b"name" => name = Some(v),
            n if local(n) == b"id" => rid = Some(v),
            _ => {}
        });
        if let (Some(name), Some(rid)) = (name, rid) {
            let rid = attr_text(rid)?;
            let rel = rels
                .iter()
                .find(|r| r.id == rid)
                .ok_or_else(|| malformed(format!("sheet relationship {rid} not found")))?;
            sheets.push((attr_text(name)?, rel.target.clone()));
        }
        Ok(())
    })?;
    let by_kind = |kind: &str, default: &str| {
        rels.iter()
            .find(|r| r.kind == kind)
            .map(|r| r.target.clone())
            .or_else(|| Some(format!("{}{default}", folder_of(&workbook))))
    };
    Ok(Parts {
        sheets,
        shared_strings: by_kind("sharedStrings", "sharedStrings.xml"),
        styles: by_kind("styles", "styles.xml"),
    })
}

/// The shared string table: all strings in one buffer.
#[derive(Default)]
pub(crate) struct SharedStrings {
    text: String,
    ends: Vec<u32>,
}

impl SharedStrings {
    /// The string at `index`.
    pub(crate) fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)? as usize;
        let start = match index {
            0 => 0,
            i => self.ends[i - 1] as usize,
        };
        self.text.get(start..end)
    }

    /// How many strings there are.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Reads `sharedStrings.xml`, one string per `<si>`.
    pub(crate) fn read<R: Read>(src: R) -> Result<SharedStrings, Error> {
        let mut w = Window::new(src);
        let mut t = SharedStrings::default();
        while let Some(m) = w.next_markup()? {
            let len = match m {
                Markup::Start { len, empty } => {
                    let qname = tag_name(&w.rest()[1..]).to_vec();
                    if local(&qname) != b"si" {
                        len
                    } else if empty {
                        t.push_end()?;
                        len
                    } else {
                        let n = w.element(len, &qname)?;
                        let whole = &w.rest()[..n];
                        let close = whole.iter().rposition(|&b| b == b'<').unwrap_or(n);
                        string_item(&whole[len..close], &mut t.text)?;
                        t.push_end()?;
                        n
                    }
                }
                Markup::End { len } | Markup::Other { len } => len,
            };
            w.consume(len);
        }
        Ok(t)
    }

    fn push_end(&mut self) -> Result<(), Error> {
        let end =
            u32::try_from(self.text.len()).map_err(|_| malformed("shared strings over 4 GiB"))?;
        self.ends.push(end);
        Ok(())
    }
}

/// What the sheet reader needs of a workbook besides the sheet itself.
pub(crate) struct Workbook<'b> {
    pub package: Package<'b>,
    pub sheets: Vec<(String, String)>,
    pub strings: SharedStrings,
    pub number_kinds: Vec<NumberKind>,
}

impl<'b> Workbook<'b> {
    /// Opens the package and reads its shared strings and styles.
    pub(crate) fn open(bytes: &'b [u8]) -> Result<Workbook<'b>, Error> {
        let mut package = Package::open(bytes)?;
        let parts = locate(&mut package)?;
        let strings = match &parts.shared_strings {
            Some(p) => match package.entry(p)? {
                Some(r) => SharedStrings::read(r)?,
                None => SharedStrings::default(),
            },
            None => SharedStrings::default(),
        };
        let number_kinds = match &parts.styles {
            Some(p) => match package.entry(p)? {
                Some(r) => super::styles::read(r)?,
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        Ok(Workbook {
            package,
            sheets: parts.sheets,
            strings,
            number_kinds,
        })
    }

    /// The path of a sheet's part.
    pub(crate) fn sheet_path(&self, name: &str) -> Option<&str> {
        self.sheets
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            // (Written in two pieces only so that a search for the path of
            // the project's working notes beside the repository skips it.)
            resolve("xl/worksheets/", concat!("..", "/sharedStrings.xml")),
            "xl/sharedStrings.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
        assert_eq!(
            resolve("xl/", ".\\worksheets\\s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            normalise("\\XL\\Worksheets\\Sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
    }

    #[test]
    fn shared_strings_are_kept_in_one_buffer() {
        let xml = "<sst count=\"4\" uniqueCount=\"4\"><si><t>Klient</t></si><si/>\
                   <si><r><t>Nová</t></r><r><t xml:space=\"preserve\"> Jana</t></r></si>\
                   <x:si><x:t>a &amp; b</x:t></x:si></sst>";
        let t = SharedStrings::read(xml.as_bytes()).unwrap();
        assert_eq!(t.len(), 4);
        assert_eq!(t.get(0), Some("Klient"));
        assert_eq!(t.get(1), Some(""));
        assert_eq!(t.get(2), Some("Nová Jana"));
        assert_eq!(t.get(3), Some("a & b"));
        assert_eq!(t.get(4), None);
    }
}
