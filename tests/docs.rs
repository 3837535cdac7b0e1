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

#[test]
fn nothing_outside_the_repository_is_cited() {
    // The project's working notes live beside the repository, not in it: a
    // user who clones it alone must find every cited document inside.
    let mut found = Vec::new();
    for dir in ["src", "examples", "tests", "benches", "docs", "fuzz", ".ci"] {
        let mut stack = vec![root().join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    if !p.ends_with("tests/data") && !p.ends_with("fuzz/target") {
                        stack.push(p);
                    }
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                if p.ends_with("tests/docs.rs") {
                    continue;
                }
                for needle in [
                    "../shared/",
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
        if text.contains("../shared/") {
            found.push(format!("{f}: ../shared/"));
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
    let mut t = String::from("| id | unit | Czech | English | formula |\n|---|---|---|---|---|\n");
    for e in catalog::FIXED {
        let unit = serde_json::to_value(e.unit).unwrap();
        let unit = unit.as_str().unwrap_or_default().to_string();
        t.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            e.id,
            unit,
            e.cs,
            e.en,
            e.formula.replace('|', "\\|")
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

/// The law tables as the tables of `docs/law.md`.
fn law_tables() -> String {
    use homecare_audit::law;
    let mark = |v: bool| if v { "verified" } else { "provisional" };
    let kc =
        |c: Option<rust_decimal::Decimal>| c.map_or("not known".to_string(), |c| format!("{c} Kč"));
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
        "Built-in tables checked through **{}**.\n\n### Hourly cap (§6(2)(a) Decree 505/2006)\n\n\
         | valid from | cap | over 80 h in the month | decree | mark | source |\n|---|---|---|---|---|---|\n",
        date(law::CHECKED_THROUGH)
    );
    for c in law::HOURLY_CAPS {
        t.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            date(c.from),
            kc(Some(c.cap)),
            c.cap_over_80h
                .map_or("–".to_string(), |x| format!("{x} Kč")),
            c.decree,
            mark(c.verified),
            cell(c.source)
        ));
    }
    t.push_str(
        "\n### Per act and per kg (§6(2))\n\n| tasks | valid from | cap | decree | mark | source |\n|---|---|---|---|---|---|\n",
    );
    for c in law::UNIT_CAPS {
        let unit = if c
            .tasks
            .iter()
            .any(|t| t.starts_with("d7") || t.starts_with("d8"))
        {
            " per kg"
        } else {
            " per act"
        };
        t.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            c.tasks.join(", "),
            date(c.from),
            c.cap
                .map_or("not known".to_string(), |x| format!("{x} Kč{unit}")),
            c.decree,
            mark(c.verified),
            cell(c.source)
        ));
    }
    t.push_str(
        "\n### Meals, `c1` (§6(2)(b))\n\n| meal | valid from | cap | decree | mark | source |\n|---|---|---|---|---|---|\n",
    );
    for c in law::MEAL_CAPS {
        let meal = match c.meal {
            law::Meal::FullDay => "full day",
            law::Meal::Lunch => "lunch",
        };
        t.push_str(&format!(
            "| {meal} | {} | {} | {} | {} | {} |\n",
            date(c.from),
            kc(c.cap),
            c.decree,
            mark(c.verified),
            cell(c.source)
        ));
    }
    t.push_str(
        "\n### Employer on-costs on gross pay (the normative price)\n\n| on-cost | rate | valid from | employers | provision | mark | source |\n|---|---|---|---|---|---|---|\n",
    );
    for c in law::ON_COSTS {
        t.push_str(&format!(
            "| {} | {} % | {} | {} | {} | {} | {} |\n",
            c.en,
            c.rate * rust_decimal::Decimal::from(100),
            date(c.from),
            if c.public_only { "public only" } else { "all" },
            cell(c.provision),
            mark(c.verified),
            cell(c.source)
        ));
    }
    t.push_str(
        "\n### Working time\n\n| figure | value | valid from | provision | mark | source |\n|---|---|---|---|---|---|\n",
    );
    for (name, f) in [
        ("leave, public employer (weeks)", &law::LEAVE_WEEKS_PUBLIC),
        ("leave, other employers (weeks)", &law::LEAVE_WEEKS_OTHER),
        (
            "further training (hours a year)",
            &law::TRAINING_HOURS_PER_YEAR,
        ),
        (
            "employer social + health insurance (share)",
            &law::EMPLOYER_INSURANCE,
        ),
    ] {
        t.push_str(&format!(
            "| {name} | {} | {} | {} | {} | {} |\n",
            f.value,
            date(f.from),
            cell(f.provision),
            mark(f.verified),
            cell(f.source)
        ));
    }
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

#[test]
fn the_law_page_is_the_law_tables() {
    let want = law_tables();
    // The correction of Decree 195/2024 is what the page shows.
    assert!(want.contains("| 1. 7. 2024 | 165 Kč | 145 Kč | 195/2024 Sb. | verified |"));
    generated_section("docs/law.md", "law", &want);
}
