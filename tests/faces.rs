//! The programs in `examples/` are faces over the library's front end
//! (`homecare_audit::run`): argument parsing, one call into the layer,
//! printing. Held here: no function of an example is over 60 lines, and an
//! example names nothing of the crate but the layer, `Lang` and `Error`
//! (what a library user needs again lives in the library). The bindings
//! of the web page (`web/`) and of the Python package (`python/`) are held
//! to the same names, and the Python package's functions to the same
//! length.

use std::path::Path;

/// Lines a function of an example may have, its signature and closing
/// brace included.
const MAX_LINES: usize = 60;

/// What an example may name of the crate: the layer, the language, the
/// error.
const ALLOWED: &[&str] = &["run", "Lang", "Error"];

/// Each function's name and length in lines: from its `fn` line to the
/// brace that closes its body, counting braces outside strings and
/// comments.
fn function_lengths(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        let is_fn = ["fn ", "pub fn ", "pub(crate) fn "]
            .iter()
            .any(|p| t.starts_with(p));
        if !is_fn {
            i += 1;
            continue;
        }
        let name: String = t
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (mut depth, mut opened, start) = (0i32, false, i);
        while i < lines.len() {
            for c in braces(lines[i]) {
                depth += if c == '{' { 1 } else { -1 };
                opened = true;
            }
            if opened && depth == 0 {
                break;
            }
            // A declaration without a body (`fn f();`) ends at its `;`.
            if !opened && lines[i].trim_end().ends_with(';') {
                break;
            }
            i += 1;
        }
        out.push((name, i - start + 1));
        i += 1;
    }
    out
}

/// The braces of a line outside string and char literals and `//`
/// comments.
fn braces(line: &str) -> Vec<char> {
    let mut out = Vec::new();
    let (mut in_str, mut prev) = (false, ' ');
    let chars: Vec<char> = line.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if !in_str && c == '/' && chars.get(k + 1) == Some(&'/') {
            break;
        }
        if c == '"' && prev != '\\' {
            in_str = !in_str;
        } else if !in_str && c == '\'' && chars.get(k + 2) == Some(&'\'') {
            // '{' as a char literal
            return out;
        } else if !in_str && (c == '{' || c == '}') {
            out.push(c);
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    out
}

/// Every `homecare_audit::X` an example names, by X.
fn crate_names(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("homecare_audit::") {
        rest = &rest[at + "homecare_audit::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '{')
            .collect();
        if let Some(group) = name.strip_prefix('{') {
            // `homecare_audit::{run, Lang}`: each of the group.
            let end = rest.find('}').unwrap_or(rest.len());
            out.extend(
                rest[1..end]
                    .split(',')
                    .map(|s| s.trim().split("::").next().unwrap_or("").to_string())
                    .filter(|s| !s.is_empty()),
            );
            let _ = group;
        } else {
            out.push(name);
        }
    }
    out
}

fn examples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn no_function_of_an_example_is_over_sixty_lines() {
    let mut long = Vec::new();
    for (file, code) in examples() {
        for (name, n) in function_lengths(&code) {
            if n > MAX_LINES {
                long.push(format!("{file}: fn {name} has {n} lines"));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn examples_name_only_the_front_end() {
    let mut bad = Vec::new();
    for (file, code) in examples() {
        for name in crate_names(&code) {
            if !ALLOWED.contains(&name.as_str()) {
                bad.push(format!("{file}: homecare_audit::{name}"));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_face_calls_the_front_end() {
    // The seven programs of the README each call the layer.
    for face in [
        "audit.rs",
        "compare.rs",
        "template.rs",
        "law.rs",
        "benchmarks.rs",
        "merger_sample.rs",
        "generate.rs",
    ] {
        let (_, code) = examples()
            .into_iter()
            .find(|(f, _)| f == face)
            .unwrap_or_else(|| panic!("examples/{face} is missing"));
        assert!(
            crate_names(&code).iter().any(|n| n == "run"),
            "examples/{face} does not call homecare_audit::run"
        );
    }
    // And the bindings: the page's and the Python package's.
    for (binding, code) in bindings() {
        let names = crate_names(&code);
        assert!(names.iter().any(|n| n == "run"), "{binding}");
        assert!(
            names.iter().all(|n| ALLOWED.contains(&n.as_str())),
            "{binding} names {names:?}"
        );
    }
}

/// The faces that are not programs: the web page's binding and the Python
/// package's, each its own crate over the library.
fn bindings() -> Vec<(&'static str, String)> {
    ["web/src/lib.rs", "python/src/lib.rs"]
        .into_iter()
        .map(|f| {
            let code = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(f))
                .unwrap_or_else(|e| panic!("{f}: {e}"));
            (f, code)
        })
        .collect()
}

#[test]
fn no_function_of_the_python_package_is_over_sixty_lines() {
    // As thin as the programs: argument to request, result to Python.
    let (file, code) = bindings().remove(1);
    let long: Vec<String> = function_lengths(&code)
        .into_iter()
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(name, n)| format!("{file}: fn {name} has {n} lines"))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn the_checks_themselves_find_what_they_look_for() {
    // A 62-line function (signature, 60 body lines, closing brace) and a
    // short one; a string holding a brace does not count.
    let body: String = (0..60).map(|_| "    let _ = \"{\";\n").collect();
    let code = format!("fn long() {{\n{body}}}\n\nfn short() {{\n    let _ = 1;\n}}\n");
    assert_eq!(
        function_lengths(&code),
        [("long".to_string(), 62), ("short".to_string(), 3)]
    );
    assert_eq!(
        crate_names("use homecare_audit::{run::Source, Lang};\nuse homecare_audit::audit::Audit;"),
        ["run", "Lang", "audit"]
    );
}
