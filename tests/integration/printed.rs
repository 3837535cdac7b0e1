//! The council's PDF as printed (`audit --pdf`, rendered by LibreOffice,
//! read back by poppler's `pdftotext -bbox`): no two words of one page
//! overlap, so no two lines of text do. A spreadsheet program keeps a row at
//! the height the file gives it, and a wrapped text taller than its row runs
//! over the rows below it; the writer sizes each row to its wrapped lines.

use std::path::Path;
use std::process::Command;

use crate::common::{PDFTOTEXT, SOFFICE, audit_ok, have};
use crate::report::{cells, page_sheet, pdf_pages, scratch};

/// A word on a page and its box, in points from the page's top left.
#[derive(Debug)]
struct Word {
    text: String,
    x: (f64, f64),
    y: (f64, f64),
}

/// Every page's words (`pdftotext -bbox`: one `<word xMin=… yMin=… xMax=…
/// yMax=…>` element a word, in `<page>` elements).
fn words_by_page(pdf: &Path) -> Vec<Vec<Word>> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext -bbox failed");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    html.split("<page ")
        .skip(1)
        .map(|page| page.split("<word ").skip(1).map(word).collect())
        .collect()
}

fn word(element: &str) -> Word {
    let attr = |name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = element.find(&key).unwrap() + key.len();
        let len = element[start..].find('"').unwrap();
        element[start..start + len].parse().unwrap()
    };
    let text = &element[element.find('>').unwrap() + 1..element.find("</word>").unwrap()];
    Word {
        text: text.to_string(),
        x: (attr("xMin"), attr("xMax")),
        y: (attr("yMin"), attr("yMax")),
    }
}

/// Whether two words overlap: across by more than half a point, and down
/// by more than half the lower one's height (a line's descenders may touch
/// the next line's ascenders; a text run over another covers it).
fn overlap(a: &Word, b: &Word) -> bool {
    let across = a.x.1.min(b.x.1) - a.x.0.max(b.x.0);
    let down = a.y.1.min(b.y.1) - a.y.0.max(b.y.0);
    let height = (a.y.1 - a.y.0).min(b.y.1 - b.y.0);
    across > 0.5 && down > height / 2.0
}

/// The overlapping pairs of one page's words.
fn overlapping(words: &[Word]) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if overlap(a, b) {
                pairs.push((a.text.as_str(), b.text.as_str()));
            }
        }
    }
    pairs
}

#[test]
fn the_detector_finds_a_text_run_over_another() {
    let w = |text: &str, x0: f64, y0: f64| Word {
        text: text.into(),
        x: (x0, x0 + 30.0),
        y: (y0, y0 + 6.0),
    };
    // Two rows one under the other, and two cells side by side: apart.
    assert!(!overlap(&w("a", 10.0, 10.0), &w("b", 10.0, 16.5)));
    assert!(!overlap(&w("a", 10.0, 10.0), &w("b", 40.0, 10.0)));
    // A wrapped line run down onto the next row's text: over it.
    assert!(overlap(&w("a", 10.0, 16.0), &w("b", 20.0, 17.0)));
}

/// The pages of `pdf` with overlapping words, each with the first pairs.
fn pages_with_overlaps(pdf: &Path, lang: &str) -> Vec<String> {
    let pages = pdf_pages(pdf);
    let words = words_by_page(pdf);
    assert_eq!(pages.len(), words.len());
    let mut bad = Vec::new();
    for (i, (text, words)) in pages.iter().zip(&words).enumerate() {
        let pairs = overlapping(words);
        if !pairs.is_empty() {
            let first: Vec<_> = pairs.iter().take(5).collect();
            bad.push(format!(
                "{lang} page {} ({}): {} overlapping, e.g. {first:?}",
                i + 1,
                page_sheet(text),
                pairs.len()
            ));
        }
    }
    bad
}

#[test]
fn no_two_lines_of_a_page_of_the_councils_pdf_overlap() {
    let test = "no_two_lines_of_a_page_of_the_councils_pdf_overlap";
    if !have(test, &[SOFFICE, PDFTOTEXT]) {
        return;
    }
    let dir = scratch("printed");
    for lang in ["cs", "en"] {
        let pdf = dir.join(format!("zastupitelstvo-{lang}.pdf"));
        let report = dir.join(format!("zprava-{lang}.xlsx"));
        let args: [&std::ffi::OsStr; 6] = [
            "-o".as_ref(),
            report.as_os_str(),
            "--pdf".as_ref(),
            pdf.as_os_str(),
            "--lang".as_ref(),
            lang.as_ref(),
        ];
        audit_ok(args);
        let bad = pages_with_overlaps(&pdf, lang);
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        // The formulas are in the report's language: on the sheet, and
        // nothing of the other language printed.
        let (sheet, ours, other) = match lang {
            "cs" => (
                "Ukazatele",
                "náklady celkem / hodiny přímé péče",
                "total cost",
            ),
            _ => ("Indicators", "total cost / direct hours", "náklady celkem"),
        };
        let c = cells(&report);
        let at = |r: u32, col: u32| {
            c.get(&(sheet.to_string(), r, col))
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let row = (1..200)
            .find(|&r| at(r, 12) == "cost.per_direct_hour")
            .unwrap();
        assert_eq!(at(row, 9), ours);
        let printed: String = (pdf_pages(&pdf).iter())
            .filter(|p| page_sheet(p) == sheet)
            .cloned()
            .collect();
        let flat = printed.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            !flat.is_empty() && !flat.contains(other),
            "{lang}:\n{printed}"
        );
    }
}
