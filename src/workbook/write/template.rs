//! The blank input workbook: every sheet of the contract with its Czech
//! headers, dropdowns for coded columns, and a `Návod` sheet explaining each
//! column. It reads back as a valid, empty dataset.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, Workbook, Worksheet, XlsxError,
};

use crate::model::{CostCategory, RevenueSource, Role, StatutoryTask};
use crate::workbook::schema::{Column, PROVIDER_KEYS, SheetKind, columns};

/// The name of the instructions sheet (skipped by the reader).
pub const INSTRUCTIONS_SHEET: &str = "Návod";

/// Last row a dropdown covers (Excel's last row, 0-based).
const LAST_ROW: u32 = 1_048_575;

/// Writes the blank input template to `path`.
///
/// ```
/// let dir = std::env::temp_dir().join("homecare-doc-template");
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("sablona.xlsx");
/// homecare_audit::workbook::write_template(&path)?;
/// let (ds, problems) = homecare_audit::workbook::read_path(&path, &Default::default())?;
/// assert!(ds.visits.is_empty() && problems.no_rejections());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file cannot be written.
pub fn write_template(path: impl AsRef<Path>) -> Result<(), crate::Error> {
    super::save(build(false), path.as_ref())
}

/// Writes the blank template with a blank column mapping as well (a
/// `Sloupce` sheet: `List`, `Sloupec`, `Ve vstupu`, `Soubor`), for an
/// auditor who reads the provider's own exports: fill in `Poskytovatel`
/// and `Sloupce` and give this workbook beside the exports.
///
/// ```
/// let path = std::env::temp_dir().join("homecare-doc-template-mapping.xlsx");
/// homecare_audit::workbook::write_template_with_mapping(&path)?;
/// let (ds, problems) = homecare_audit::workbook::read_path(&path, &Default::default())?;
/// assert!(ds.visits.is_empty() && problems.no_rejections());
/// assert_eq!(problems.count("Sloupce").read, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file cannot be written.
pub fn write_template_with_mapping(path: impl AsRef<Path>) -> Result<(), crate::Error> {
    super::save(build(true), path.as_ref())
}

/// The blank template's bytes (with the blank `Sloupce` mapping when
/// `mapping`): what the page offers as a download.
///
/// ```
/// let bytes = homecare_audit::workbook::template_bytes(false)?;
/// let (ds, problems) =
///     homecare_audit::workbook::read_bytes(&bytes, Some("sablona.xlsx"), &Default::default())?;
/// assert!(ds.visits.is_empty() && problems.no_rejections());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Write`](crate::ErrorKind::Write) from the writer (none in practice).
pub fn template_bytes(mapping: bool) -> Result<Vec<u8>, crate::Error> {
    super::to_buffer(build(mapping))
}

/// The template as an in-memory workbook (for callers that add to it).
///
/// # Errors
///
/// [`ErrorKind::Write`](crate::ErrorKind::Write) from the writer (none in practice).
pub fn template_workbook() -> Result<Workbook, crate::Error> {
    build(false).map_err(|e| crate::Error::write(None, e))
}

fn build(mapping: bool) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let header = super::input_header();
    let hint = Format::new().set_italic().set_font_color("#595959");

    let ws = wb.add_worksheet();
    ws.set_name(INSTRUCTIONS_SHEET)?;
    instructions(ws, &header)?;

    for kind in SheetKind::ALL {
        if kind == SheetKind::Benchmarks {
            continue; // a separate workbook, described in the instructions
        }
        let ws = wb.add_worksheet();
        ws.set_name(kind.cs())?;
        if kind == SheetKind::Provider {
            provider_sheet(ws, &header, &hint)?;
            continue;
        }
        for (i, col) in columns(kind).iter().enumerate() {
            let c = i as u16;
            ws.write_string_with_format(0, c, col.cs, &header)?;
            ws.set_column_width(c, (col.cs.chars().count() as f64 + 4.0).max(12.0))?;
            if let Some(list) = dropdown(kind, col) {
                let dv = DataValidation::new()
                    .allow_list_strings(&list)?
                    .set_error_style(DataValidationErrorStyle::Warning)
                    .set_input_message(col.hint)?;
                ws.add_data_validation(1, c, LAST_ROW, c, &dv)?;
            }
        }
        if kind == SheetKind::Model {
            // The example parameters, to be replaced by the auditor's own.
            let p = crate::model::NormativeParams::example_cz();
            let mut r = 1;
            for s in crate::model::NORMATIVE_PARAMS {
                let Some(v) = p.get(s.id) else { continue };
                ws.write_string(r, 0, s.cs)?;
                ws.write_number(r, 1, v.to_string().parse::<f64>().unwrap_or(0.0))?;
                ws.write_string(r, 2, p.sources.get(s.id).map_or("", String::as_str))?;
                r += 1;
            }
            ws.set_column_width(0, 60)?;
            ws.set_column_width(2, 60)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    if mapping {
        mapping_sheet(&mut wb, &header)?;
    }
    Ok(wb)
}

/// `Sloupce`: the headers, a dropdown of our sheets, and the column hints.
fn mapping_sheet(wb: &mut Workbook, header: &Format) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(SheetKind::Columns.cs())?;
    for (i, col) in columns(SheetKind::Columns).iter().enumerate() {
        let c = i as u16;
        ws.write_string_with_format(0, c, col.cs, header)?;
        ws.set_column_width(c, 28)?;
    }
    let sheets: Vec<String> = SheetKind::ALL
        .iter()
        .filter(|k| !matches!(k, SheetKind::Provider | SheetKind::Benchmarks))
        .map(|k| k.cs().to_string())
        .collect();
    let dv = DataValidation::new()
        .allow_list_strings(&sheets)?
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_input_message(columns(SheetKind::Columns)[0].hint)?;
    ws.add_data_validation(1, 0, LAST_ROW, 0, &dv)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The dropdown values of a coded column, if it has one.
fn dropdown(kind: SheetKind, col: &Column) -> Option<Vec<String>> {
    let s = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let task_codes = || {
        StatutoryTask::all()
            .map(|t| t.code().to_string())
            .chain(["FAK", "CESTA", "ADM", "VZD", "POR", "JIN"].map(String::from))
            .collect::<Vec<_>>()
    };
    Some(match (kind, col.key) {
        (SheetKind::Workers, "role") => Role::ALL.iter().map(|r| r.code().to_string()).collect(),
        (SheetKind::Clients, "care_allowance") => s(&["bez", "I", "II", "III", "IV"]),
        (SheetKind::Clients, "lives_alone" | "at_risk" | "fee_exempt") => s(&["ano", "ne"]),
        (SheetKind::Visits, "task") | (SheetKind::Tasks, "statutory") => task_codes(),
        (SheetKind::Tasks, "unit") => s(&["hod", "úkon", "kg", "porce", "km"]),
        (SheetKind::Costs, "category") => s(&CostCategory::CODES),
        (SheetKind::Costs, "group") => s(&["osobní", "provozní"]),
        (SheetKind::Revenues, "source") => RevenueSource::ALL
            .iter()
            .map(|r| r.code().to_string())
            .collect(),
        (SheetKind::AccountMap, "category") => CostCategory::CODES
            .iter()
            .copied()
            .chain(["nepoužít"])
            .map(String::from)
            .collect(),
        (SheetKind::AccountMap, "group") => s(&["osobní", "provozní"]),
        (SheetKind::AccountMap, "source") => RevenueSource::ALL
            .iter()
            .map(|r| r.code())
            .chain(["nepoužít"])
            .map(String::from)
            .collect(),
        (SheetKind::Law, "kind") => crate::law::LawKind::ALL
            .iter()
            .map(|k| k.cs().to_string())
            .collect(),
        (SheetKind::Law, "verified") => s(&["ano", "ne"]),
        (SheetKind::Applicants, "outcome") => crate::model::Outcome::ALL
            .iter()
            .map(|o| o.label().0.to_string())
            .collect(),
        (SheetKind::Applicants, "reason") => crate::model::RefusalReason::ALL
            .iter()
            .map(|r| r.letter().to_string())
            .collect(),
        (SheetKind::Applicants, "care_allowance") => s(&["bez", "I", "II", "III", "IV"]),
        _ => return None,
    })
}

fn provider_sheet(ws: &mut Worksheet, header: &Format, hint: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, "Údaj", header)?;
    ws.write_string_with_format(0, 1, "Hodnota", header)?;
    ws.write_string_with_format(0, 2, "Poznámka", header)?;
    for (i, (_, cs, _, note)) in PROVIDER_KEYS.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *cs)?;
        ws.write_string_with_format(r, 2, *note, hint)?;
    }
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 30)?;
    ws.set_column_width(2, 50)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn instructions(ws: &mut Worksheet, header: &Format) -> Result<(), XlsxError> {
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut r = 0u32;
    ws.write_string_with_format(r, 0, "Vstupní sešit pro audit pečovatelské služby", &title)?;
    r += 2;
    let intro = [
        "Vyplňte listy Poskytovatel, Pracovníci, Klienti a Výkazy (povinné). Náklady umožní ukazatele nákladovosti; bez nich budou označeny jako nedostupné, nikdy jako nula.",
        "Názvy listů a sloupců lze psát česky nebo anglicky, bez ohledu na velikost písmen a diakritiku; pořadí sloupců je volné. Neznámé sloupce se ohlásí a nepoužijí.",
        "Čísla: 1 234,50 nebo 1234.5 (i s „Kč“). Data: 1. 3. 2025 nebo buňka typu datum. Časy: 7:30. Doby: minuty nebo 1:30. Ano/ne: ano, ne, x, 1, 0.",
        "Místo Nákladů a Výnosů lze vložit výsledovku od účetní (list Výsledovka: Účet, Název, Částka): účty třídy 5 jsou náklady, třídy 6 výnosy, čtyřmístné rozpočtové položky obce se čtou podle rozpočtové skladby. Jak se účty zařadí, lze upřesnit listem Účtová mapa. Náklady nezadávejte na obou listech.",
        "Řádky Celkem/Součet se nesčítají. Každý řádek je buď přijat, nebo odmítnut s uvedením buňky (např. Výkazy!D17) a důvodu.",
        "Dosah služby (nepovinné): list Území uvádí obce, kde služba působí, s počty obyvatel 65+ a 80+ (ze SLDB 2021 nebo tabulek ČSÚ, se zdrojem); list Žadatelé uvádí žádosti o službu a jejich výsledek (přijat, odmítnut, čeká, zpět vzal), u odmítnutí důvod a, b nebo c podle § 91 odst. 3 zákona 108/2006 Sb. Bez nich jsou ukazatele dosahu nedostupné.",
        "Srovnávací hodnoty (benchmarky) se dodávají zvlášť, v sešitu s listem Benchmarky (Ukazatel, Kraj, Platí od, Platí do, Minimum, Maximum, Cíl, Zdroj).",
    ];
    for line in intro {
        ws.write_string_with_format(r, 0, line, &wrap)?;
        r += 1;
    }
    r += 1;
    for kind in SheetKind::ALL {
        if kind == SheetKind::Provider || kind == SheetKind::Benchmarks {
            continue;
        }
        let need = if kind.required() {
            "povinný"
        } else {
            "nepovinný"
        };
        ws.write_string_with_format(r, 0, format!("List {} ({need})", kind.cs()), &bold)?;
        r += 1;
        ws.write_string_with_format(r, 0, "Sloupec", header)?;
        ws.write_string_with_format(r, 1, "Povinný", header)?;
        ws.write_string_with_format(r, 2, "Co zapsat", header)?;
        r += 1;
        for col in columns(kind) {
            ws.write_string(r, 0, col.cs)?;
            ws.write_string(r, 1, if col.required { "ano" } else { "ne" })?;
            ws.write_string_with_format(r, 2, col.hint, &wrap)?;
            r += 1;
        }
        r += 1;
    }
    ws.set_column_width(0, 90)?;
    ws.set_column_width(1, 10)?;
    ws.set_column_width(2, 70)?;
    ws.set_active(true);
    Ok(())
}
