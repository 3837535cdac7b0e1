//! The house reads one way: read → model → audit → write. The allowed
//! direction between the crate's top-level modules is written down once,
//! in [`LAYERS`] (mirrored by the picture in `docs/design.md`), and every
//! `crate::…` path in `src/` is held against it.
//!
//! A unit is a top-level module of `src/`, except `workbook`, whose three
//! parts sit at different heights (`workbook::read` below the audit,
//! `workbook::write` above it) and so are units of their own. Comments
//! (doc links create no dependency) and `#[cfg(test)]` code (a test may
//! use anything) are not held to it. `lib.rs`, which declares and
//! re-exports everything, is the root and not a unit.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each unit and the units it may use, lowest first. Reading this table
/// top to bottom is reading the data flow upwards.
const LAYERS: &[(&str, &[&str])] = &[
    // Words and places: no dependency inside the crate.
    ("i18n", &[]),
    ("matching", &[]),
    ("place", &["matching"]),
    ("period", &[]),
    ("calendar", &[]),
    ("display", &["i18n"]),
    // What reading and auditing report: problems and the one error type.
    ("problem", &["i18n", "place", "matching", "display"]),
    ("error", &["i18n", "place", "problem"]),
    // The law as data (a Dataset carries the rows of its Limity sheet).
    ("law", &["period", "place", "matching", "i18n"]),
    // The domain.
    (
        "model",
        &[
            "law", "error", "problem", "period", "place", "matching", "i18n", "calendar", "display",
        ],
    ),
    // The indicators' vocabulary.
    ("indicator", &["model", "i18n"]),
    (
        "benchmark",
        &["law", "indicator", "model", "period", "i18n"],
    ),
    // Read: the input contract, then the reader.
    ("workbook::schema", &["place", "matching", "model"]),
    (
        "workbook::read",
        &[
            "workbook::schema",
            "model",
            "law",
            "indicator",
            "benchmark",
            "error",
            "problem",
            "place",
            "period",
            "calendar",
            "display",
            "matching",
            "i18n",
        ],
    ),
    // Audit: knows no file format.
    (
        "audit",
        &[
            "model",
            "law",
            "indicator",
            "benchmark",
            "calendar",
            "display",
            "error",
            "problem",
            "place",
            "period",
            "matching",
            "i18n",
        ],
    ),
    (
        "compare",
        &[
            "audit",
            "model",
            "law",
            "indicator",
            "benchmark",
            "error",
            "problem",
            "period",
            "matching",
            "i18n",
        ],
    ),
    // Write: the report, the comparison, the template.
    (
        "workbook::write",
        &[
            "audit",
            "compare",
            "workbook::schema",
            "model",
            "law",
            "indicator",
            "benchmark",
            "display",
            "error",
            "problem",
            "place",
            "period",
            "calendar",
            "matching",
            "i18n",
        ],
    ),
    (
        "workbook",
        &["workbook::read", "workbook::schema", "workbook::write"],
    ),
    // Synthetic providers: written as input workbooks (defect rows as
    // cells), so above the writer.
    (
        "synth",
        &["workbook::write", "model", "problem", "period", "matching"],
    ),
    // The one front end every face calls: requests in, audits and
    // comparisons out.
    (
        "run",
        &[
            "workbook",
            "workbook::read",
            "workbook::write",
            "audit",
            "compare",
            "synth",
            "model",
            "law",
            "indicator",
            "benchmark",
            "display",
            "error",
            "problem",
            "period",
            "matching",
            "i18n",
        ],
    ),
];

/// The unit a source file belongs to.
fn unit_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let parts: Vec<String> = rel
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    match parts.as_slice() {
        [top, sub, ..] if top == "workbook" && sub != "mod" => format!("workbook::{sub}"),
        [top, ..] => top.clone(),
        [] => unreachable!(),
    }
}

/// The code of a file without comments and `#[cfg(test)]` items, and the
/// names of modules it declares as test-only (`#[cfg(test)] mod x;`).
fn code_without_tests(text: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    let mut out = String::new();
    let mut test_mods = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "#[cfg(test)]" {
            // Skip the item: up to its `;` if it ends before a brace, else
            // to the brace that closes it.
            let mut depth = 0i32;
            let mut opened = false;
            while i + 1 < lines.len() {
                i += 1;
                let l = lines[i];
                if !opened && l.trim_end().ends_with(';') && !l.contains('{') {
                    if let Some(name) = l.trim().strip_prefix("mod ") {
                        test_mods.push(name.trim_end_matches(';').trim().to_string());
                    }
                    break;
                }
                for c in l.chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
                if opened && depth <= 0 {
                    break;
                }
            }
            i += 1;
            continue;
        }
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    (out, test_mods)
}

/// The paths of a use tree at `b[i..]` (`a::b`, `a::{b, c::{d, e}}`, `a::*`),
/// each as its segments after `prefix`; returns where the tree ends.
fn tree(b: &[u8], i: usize, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut i = skip_ws(i);
    if b.get(i) == Some(&b'{') {
        i += 1;
        loop {
            i = skip_ws(i);
            match b.get(i) {
                Some(b'}') => return i + 1,
                Some(b',') => i += 1,
                None => return i,
                _ => {
                    let next = tree(b, i, prefix, out);
                    if next == i {
                        return i + 1;
                    }
                    i = next;
                }
            }
        }
    }
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'*') {
        i += 1;
    }
    if i == start {
        return i;
    }
    let mut path = prefix.to_vec();
    path.push(String::from_utf8_lossy(&b[start..i]).into_owned());
    if b[i..].starts_with(b"::") {
        return tree(b, i + 2, &path, out);
    }
    out.push(path);
    i
}

/// Every `crate::` path in `code`, with `use crate::{a, b::{c, d}}` groups
/// expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at;
        // `$crate::` and `homecare_crate::` are not this crate's root path.
        let before = start.checked_sub(1).map(|p| b[p]);
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$') {
            from = start + 7;
            continue;
        }
        from = tree(b, start + 7, &[], &mut out).max(start + 7);
    }
    out
}

/// The names `lib.rs` re-exports at the crate root (`pub use model::{Visit,
/// ...}`), each with the module it comes from: `crate::Visit` is a use of
/// `model`.
fn root_names(lib: &str) -> BTreeMap<String, String> {
    let b = lib.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lib[from..].find("\npub use ") {
        let start = from + at + "\npub use ".len();
        from = tree(b, start, &[], &mut out).max(start);
    }
    out.into_iter()
        .filter(|p| p.len() >= 2)
        .map(|p| (p[p.len() - 1].clone(), p[0].clone()))
        .collect()
}

/// The unit a path names: the top module (through the crate root's
/// re-exports), or `workbook::<part>`.
fn unit_of_path(path: &[String], root: &BTreeMap<String, String>) -> String {
    let top = path[0].as_str();
    match (top, path.get(1).map(String::as_str)) {
        ("workbook", Some(sub @ ("read" | "schema" | "write"))) => format!("workbook::{sub}"),
        _ => root.get(top).cloned().unwrap_or_else(|| top.to_string()),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every (unit, used unit, file) in `src/` that the table does not allow.
fn violations(src: &Path) -> Vec<String> {
    let allowed: BTreeMap<&str, BTreeSet<&str>> = LAYERS
        .iter()
        .map(|(u, deps)| (*u, deps.iter().copied().collect()))
        .collect();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    // Files that are test-only modules, declared `#[cfg(test)] mod x;`.
    let mut test_files = BTreeSet::new();
    for f in &files {
        let (_, mods) = code_without_tests(&std::fs::read_to_string(f).unwrap());
        let dir = if f
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs")
        {
            f.parent().unwrap().to_path_buf()
        } else {
            f.with_extension("")
        };
        for m in mods {
            test_files.insert(dir.join(format!("{m}.rs")));
            test_files.insert(dir.join(&m).join("mod.rs"));
        }
    }
    let root = root_names(&std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default());
    let mut found = Vec::new();
    for f in &files {
        if f.ends_with("lib.rs") && f.parent() == Some(src) || test_files.contains(f) {
            continue;
        }
        let unit = unit_of(src, f);
        let Some(ok) = allowed.get(unit.as_str()) else {
            found.push(format!(
                "{}: unit {unit} is not in the layering table",
                f.display()
            ));
            continue;
        };
        let (code, _) = code_without_tests(&std::fs::read_to_string(f).unwrap());
        let mut bad = BTreeSet::new();
        for path in crate_paths(&code) {
            let used = unit_of_path(&path, &root);
            if used != unit && !ok.contains(used.as_str()) {
                bad.insert((path.join("::"), used));
            }
        }
        for (path, used) in bad {
            found.push(format!(
                "{}: {unit} uses crate::{path} ({used}), which the layering does not allow",
                f.display()
            ));
        }
    }
    found
}

#[test]
fn every_crate_path_in_src_follows_the_layering() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let v = violations(&src);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

#[test]
fn the_layering_has_no_circle() {
    // Each unit may use only units listed above it in the table: then no
    // circle can exist, whatever the table says next year.
    let mut seen = BTreeSet::new();
    for (unit, deps) in LAYERS {
        for d in *deps {
            assert!(seen.contains(d), "{unit} uses {d}, which is not below it");
        }
        assert!(seen.insert(*unit), "{unit} twice");
    }
}

#[test]
fn a_forbidden_import_is_found() {
    // The checker itself: an audit file that names the reader, a group
    // import that hides one, a test module and a comment that do not count.
    let dir = std::env::temp_dir().join(format!("homecare-layering-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("audit")).unwrap();
    std::fs::create_dir_all(dir.join("workbook/read")).unwrap();
    std::fs::write(
        dir.join("audit/mod.rs"),
        "//! [`x`](crate::workbook::write)\n\
         use crate::{model::Dataset, workbook::{read::read_path, schema::SheetKind}};\n\
         #[cfg(test)]\nmod tests {\n    use crate::synth::Synth;\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("workbook/read/mod.rs"),
        "use crate::audit::Audit;\n#[cfg(test)]\nmod agreement;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("workbook/read/agreement.rs"),
        "use crate::workbook::write::InputWorkbook;\n",
    )
    .unwrap();
    let mut v = violations(&dir);
    v.sort();
    let short: Vec<String> = v
        .iter()
        .map(|l| l.split(": ").nth(1).unwrap_or_default().to_string())
        .collect();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        short,
        [
            "audit uses crate::workbook::read::read_path (workbook::read), which the layering does not allow",
            "audit uses crate::workbook::schema::SheetKind (workbook::schema), which the layering does not allow",
            "workbook::read uses crate::audit::Audit (audit), which the layering does not allow",
        ]
    );
}

/// Every `pub struct`, `pub enum`, `pub type` and `pub trait` name in
/// `src/`, with the files that declare it.
fn public_type_names(src: &Path) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for line in text.lines() {
                let t = line.trim_start();
                for kw in ["pub struct ", "pub enum ", "pub type ", "pub trait "] {
                    if let Some(rest) = t.strip_prefix(kw) {
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        let file = p.strip_prefix(src).unwrap().display().to_string();
                        out.entry(name).or_default().push(file);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_two_public_types_share_a_name() {
    // A newcomer never has to ask which `Unit` or `Source` is meant.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let names = public_type_names(&src);
    let shared: Vec<_> = names.iter().filter(|(_, files)| files.len() > 1).collect();
    assert!(shared.is_empty(), "{shared:#?}");
    // The scan sees the types it should.
    for known in [
        "Dataset",
        "AuditRequest",
        "Source",
        "Provenance",
        "TaskUnit",
    ] {
        assert!(names.contains_key(known), "{known}");
    }
}
