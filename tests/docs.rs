//! The documentation stands on its own and stays true: every relative link
//! in the README and `docs/` points to a file of the repository, the README
//! stays a five-minute read, and the indicator table of `docs/indicators.md`
//! is the library's own catalogue.

use std::path::PathBuf;

use homecare_audit::indicator::catalog;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The markdown files a reader of the repository meets.
fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md"), root().join("CHANGELOG.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files.push(root().join("fuzz/README.md"));
    files.push(root().join("python/README.md"));
    files.push(root().join("tests/data/calamine/README.md"));
    files
}

/// The targets of the markdown links and images in `text`: `[x](target)`.
fn link_targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    out
}

#[test]
fn every_relative_link_points_to_a_file_that_exists() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let dir = file.parent().unwrap();
        for target in link_targets(&text) {
            let target = target.split_whitespace().next().unwrap_or_default();
            if target.is_empty()
                || target.starts_with('#')
                || target.contains("://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            let path = target.split('#').next().unwrap();
            checked += 1;
            if !dir.join(path).exists() {
                broken.push(format!("{}: {target}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    // The README links the guides; a checker that found nothing is broken.
    assert!(checked >= 10, "only {checked} relative links found");
}

#[test]
fn the_link_finder_finds_links_and_skips_code() {
    let text = "See [a](docs/a.md) and ![pic](docs/p.png#x).\n```\n[no](x.md)\n```\n[b](b.md)";
    assert_eq!(link_targets(text), ["docs/a.md", "docs/p.png#x", "b.md"]);
}

/// The folder beside the repository that only CI's checkout has (built
/// from pieces, so that this file does not cite it itself).
const OUTSIDE: &str = concat!("..", "/", "shared", "/");

#[test]
fn nothing_outside_the_repository_is_cited() {
    // The project's working notes live beside the repository, not in it: a
    // user who clones it alone must find every cited document inside.
    let mut found = Vec::new();
    for dir in [
        "src", "examples", "tests", "benches", "docs", "fuzz", "python", ".ci",
    ] {
        let mut stack = vec![root().join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    if !p.ends_with("tests/data")
                        && !p.ends_with("fuzz/target")
                        && !p.ends_with("python/target")
                    {
                        stack.push(p);
                    }
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                // This file names the notes it looks for.
                if p.ends_with("tests/docs.rs") {
                    continue;
                }
                for needle in [
                    OUTSIDE,
                    "INDICATORS.md",
                    "DOMAIN.md",
                    "WORKBOOK.md",
                    "RUST-NOTES.md",
                ] {
                    if text.contains(needle) {
                        found.push(format!("{}: {needle}", p.display()));
                    }
                }
            }
        }
    }
    for f in ["README.md", "CHANGELOG.md"] {
        let text = std::fs::read_to_string(root().join(f)).unwrap();
        if text.contains(OUTSIDE) {
            found.push(format!("{f}: {OUTSIDE}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_readme_is_a_five_minute_read() {
    let lines = std::fs::read_to_string(root().join("README.md"))
        .unwrap()
        .lines()
        .count();
    assert!(
        lines <= 200,
        "README.md has {lines} lines; move detail to docs/"
    );
}

/// The catalogue as the table of `docs/indicators.md`.
fn catalogue_table() -> String {
    let mut t = String::from(
        "| id | unit | Czech | English | formula | vzorec |\n|---|---|---|---|---|---|\n",
    );
    for e in catalog::FIXED {
        let unit = serde_json::to_value(e.unit).unwrap();
        let unit = unit.as_str().unwrap_or_default().to_string();
        t.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            e.id,
            unit,
            e.cs,
            e.en,
            e.formula.replace('|', "\\|"),
            e.formula_cs.replace('|', "\\|")
        ));
    }
    t
}

#[test]
fn the_indicator_table_is_the_catalogue() {
    generated_section("docs/indicators.md", "catalogue", &catalogue_table());
    let text = std::fs::read_to_string(root().join("docs/indicators.md")).unwrap();
    // Every id a benchmark may name is documented, the patterned ones by
    // their pattern.
    for (id, _) in catalog::all_ids() {
        let documented = text.contains(&format!("`{id}`"))
            || [
                "staff.fte.",
                "target.clients_by_degree.",
                "target.hours_by_degree.",
                "integrity.findings.",
            ]
            .iter()
            .any(|p| id.starts_with(p));
        assert!(documented, "{id} is not in docs/indicators.md");
    }
}

#[test]
fn the_guide_module_carries_every_document() {
    // The crate's API docs include each guide (src/lib.rs, module guide).
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    for file in markdown_files() {
        let rel = file.strip_prefix(root()).unwrap();
        if rel.starts_with("docs") {
            let include = format!("include_str!(\"../{}\")", rel.display());
            assert!(lib.contains(&include), "src/lib.rs lacks {include}");
        }
    }
}

/// The built-in law tables as the table of `docs/law.md`: the rows as the
/// `law` program writes them.
fn law_tables() -> String {
    use homecare_audit::Lang;
    use homecare_audit::law::{self, LawTables};
    let date = |d: chrono::NaiveDate| d.format("%-d. %-m. %Y").to_string();
    // Table cells: `|` escaped, addresses as autolinks (rustdoc warns of
    // bare ones, and the guide module carries this page).
    let cell = |s: &str| {
        let words: Vec<String> = (s.split(' '))
            .map(|w| {
                if !w.starts_with("http") {
                    return w.to_string();
                }
                let end = w.trim_end_matches([',', ';', ')']);
                format!("<{end}>{}", &w[end.len()..])
            })
            .collect();
        words.join(" ").replace('|', "\\|")
    };
    let mut t = format!(
        "Built-in tables checked through **{}**.\n\n\
         | kind (`Druh`) | tasks | valid from | amount | unit | decree | mark | source |\n\
         |---|---|---|---|---|---|---|---|\n",
        date(law::CHECKED_THROUGH)
    );
    for r in LawTables::built_in().rows() {
        t.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.kind.cs(),
            r.tasks.join(", "),
            date(r.from),
            r.amount.map_or("not known".to_string(), |a| a.to_string()),
            r.kind.unit(Lang::En),
            cell(&r.decree),
            if r.verified {
                "verified"
            } else {
                "provisional"
            },
            cell(&r.source)
        ));
    }
    t.push_str(&format!(
        "\nBeside the tables, figures the report states: further training at least {} hours a \
         year ({}; {}), employer social and health insurance {} of gross pay in sum.\n",
        law::TRAINING_HOURS_PER_YEAR.value,
        law::TRAINING_HOURS_PER_YEAR.provision,
        cell(law::TRAINING_HOURS_PER_YEAR.source),
        law::EMPLOYER_INSURANCE.value
    ));
    t
}

/// Replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->`
/// of a doc with `want` under `HOMECARE_UPDATE_DOCS`, else asserts it is.
fn generated_section(file: &str, name: &str, want: &str) {
    let path = root().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let begin = format!("<!-- {name}:begin -->\n");
    let end = format!("<!-- {name}:end -->");
    let a = text.find(&begin).expect("begin marker") + begin.len();
    let b = text.find(&end).expect("end marker");
    if std::env::var("HOMECARE_UPDATE_DOCS").is_ok() {
        std::fs::write(&path, format!("{}{want}{}", &text[..a], &text[b..])).unwrap();
        return;
    }
    assert_eq!(
        &text[a..b],
        want,
        "{file} differs from the code: run HOMECARE_UPDATE_DOCS=1 cargo test --test docs"
    );
}

/// The headers and the job titles `docs/workbook.md` lists: every alias
/// of the client, staff and timesheet columns, and the titles of each role.
fn accepted_words() -> String {
    use homecare_audit::Role;
    use homecare_audit::workbook::schema::{self, SheetKind};
    let mut t = String::from("| sheet | column | also accepted as a header |\n|---|---|---|\n");
    for kind in [SheetKind::Clients, SheetKind::Workers, SheetKind::Visits] {
        for c in schema::columns(kind) {
            if c.aliases.is_empty() {
                continue;
            }
            let also: Vec<String> = c.aliases.iter().map(|a| format!("`{a}`")).collect();
            t.push_str(&format!(
                "| `{}` | {} / {} | {} |\n",
                kind.cs(),
                c.cs,
                c.en,
                also.join(", ")
            ));
        }
    }
    t.push_str("\n| role | job titles read as it (folded, in the masculine) |\n|---|---|\n");
    for role in Role::ALL {
        let titles: Vec<String> = role.titles().iter().map(|w| format!("`{w}`")).collect();
        t.push_str(&format!("| `{}` | {} |\n", role.code(), titles.join(", ")));
    }
    t
}

#[test]
fn the_workbook_page_lists_the_accepted_words() {
    generated_section("docs/workbook.md", "words", &accepted_words());
}

/// The indicators each list holds up (`docs/indicators.md`).
fn list_needs() -> String {
    use homecare_audit::model::RecordList;
    let mut t = String::from("| without | not available |\n|---|---|\n");
    for list in RecordList::ALL {
        let mut names: Vec<String> = Vec::new();
        for (id, _) in catalog::all_ids() {
            if catalog::needs_list(&id) != Some(list) {
                continue;
            }
            let name = match [
                "staff.fte.",
                "target.clients_by_degree.",
                "target.hours_by_degree.",
            ]
            .iter()
            .find(|p| id.starts_with(*p))
            {
                Some(p) => format!("`{p}*`"),
                None => format!("`{id}`"),
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        t.push_str(&format!(
            "| `{}` ({}) | {} |\n",
            list.sheet(),
            list.name().en,
            names.join(", ")
        ));
    }
    t
}

#[test]
fn the_indicator_page_says_what_each_list_holds_up() {
    generated_section("docs/indicators.md", "lists", &list_needs());
}

#[test]
fn the_law_page_is_the_law_tables() {
    let want = law_tables();
    // The correction of Decree 195/2024 is what the page shows.
    assert!(
        want.contains(
            "| hodina nad 80 h |  | 1. 7. 2024 | 145 | CZK/h | 195/2024 Sb. | verified |"
        )
    );
    generated_section("docs/law.md", "law", &want);
}

/// The first sentence of a module's `//!` documentation, links and code
/// marks taken out: `[`Dataset`](crate::Dataset)` reads `Dataset`.
fn module_summary(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut para = String::new();
    for line in text.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            break;
        };
        let doc = doc.trim();
        if doc.is_empty() || doc.starts_with('#') {
            if para.is_empty() {
                continue;
            }
            break;
        }
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(doc);
    }
    // Links: keep the text, drop the target.
    let mut plain = String::new();
    let mut rest = para.as_str();
    while let Some(at) = rest.find("](") {
        plain.push_str(&rest[..at]);
        rest = &rest[at + 2..];
        rest = rest.find(')').map_or("", |e| &rest[e + 1..]);
    }
    plain.push_str(rest);
    let plain = plain.replace(['[', ']', '`'], "");
    let end = plain
        .char_indices()
        .find(|&(i, c)| {
            (c == '.' || c == ':' || c == ';')
                && plain[i + 1..].starts_with(' ')
                && !plain[..i].ends_with("e.g")
                && !plain[..i].ends_with("i.e")
        })
        .map_or(plain.len(), |(i, _)| i);
    plain[..end].trim_end_matches('.').to_string()
}

/// The code map of `docs/design.md`: every module of `src/` to the third
/// level, each with the first sentence of its documentation, in path order
/// (so read, model, audit, write are where a reader looks for them).
fn code_map() -> String {
    fn walk(dir: &std::path::Path, depth: usize, out: &mut Vec<(usize, String, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "rs"))
            .collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                let summary = module_summary(&p.join("mod.rs"));
                out.push((depth, format!("{name}/"), summary));
                if depth < 2 {
                    walk(&p, depth + 1, out);
                }
            } else if name != "mod.rs" {
                out.push((depth, name, module_summary(&p)));
            }
        }
    }
    let mut rows = Vec::new();
    walk(&root().join("src"), 0, &mut rows);
    let mut t = String::from("```text\nsrc/\n");
    for (depth, name, summary) in rows {
        let entry = format!("{}{name}", "  ".repeat(depth + 1));
        t.push_str(&format!("{entry:<32}{summary}\n").replace(" \n", "\n"));
    }
    t.push_str("```\n");
    t
}

#[test]
fn the_code_map_is_the_source_tree() {
    let map = code_map();
    // The front end and the reader are where the layering says.
    assert!(map.contains("\n  run/ "), "{map}");
    assert!(map.contains("\n    read/ "), "{map}");
    generated_section("docs/design.md", "code-map", &map);
}

#[test]
fn a_module_summary_is_its_first_sentence_without_links() {
    let dir = std::env::temp_dir().join(format!("homecare-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("m.rs");
    std::fs::write(
        &f,
        "//! The audit: a [`Dataset`](crate::Dataset) in, e.g. a\n//! report out. More.\n\nuse x;\n",
    )
    .unwrap();
    assert_eq!(module_summary(&f), "The audit");
    std::fs::write(
        &f,
        "//! Reads a [`Dataset`] in, e.g. a\n//! report out. More.\n",
    )
    .unwrap();
    assert_eq!(module_summary(&f), "Reads a Dataset in, e.g. a report out");
    std::fs::remove_dir_all(&dir).ok();
}
