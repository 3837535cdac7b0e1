//! The law workbook: legal tables written as a `Limity` sheet, in exactly
//! the form the reader takes (`Druh`, `Úkony`, `Platí od`, `Částka`,
//! `Předpis`, `Zdroj`, `Ověřeno`), so an auditor edits a file instead of
//! starting from nothing, and a `Návod` sheet saying how.

use std::path::Path;

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, Workbook, XlsxError};

use super::report::cell::num;
use crate::law::{LawKind, LawTables};
use crate::place::SheetKind;
use crate::workbook::schema::LAW;

/// Rows the `Druh` dropdown covers (a sheet grows as decrees come).
const LAST_ROW: u32 = 1_000;

/// A law workbook of some legal tables, for example the built-in ones.
///
/// ```
/// use homecare_audit::law::LawTables;
/// use homecare_audit::workbook::LawWorkbook;
/// let path = std::env::temp_dir().join("zakon-doc.xlsx");
/// LawWorkbook::new(&LawTables::built_in()).save(&path)?;
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct LawWorkbook<'a> {
    tables: &'a LawTables,
}

impl<'a> LawWorkbook<'a> {
    /// The law workbook of `tables`: every row, in table order.
    pub fn new(tables: &'a LawTables) -> LawWorkbook<'a> {
        LawWorkbook { tables }
    }

    /// Writes the workbook to `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) when the file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), crate::Error> {
        super::save(self.build(), path.as_ref())
    }

    /// The workbook's bytes.
    ///
    /// # Errors
    ///
    /// As [`LawWorkbook::save`].
    pub fn to_buffer(&self) -> Result<Vec<u8>, crate::Error> {
        super::to_buffer(self.build())
    }

    fn build(&self) -> Result<Workbook, XlsxError> {
        let mut wb = Workbook::new();
        let header = super::input_header();
        let date = Format::new().set_num_format("d. m. yyyy");
        let number = Format::new().set_num_format("General");
        let ws = wb.add_worksheet();
        ws.set_name(SheetKind::Law.cs())?;
        for (i, col) in LAW.iter().enumerate() {
            let c = i as u16;
            ws.write_string_with_format(0, c, col.cs, &header)?;
        }
        for (c, width) in [(0, 30), (1, 10), (2, 12), (3, 10), (4, 28), (5, 80), (6, 9)] {
            ws.set_column_width(c, width)?;
        }
        let kinds: Vec<String> = LawKind::ALL.iter().map(|k| k.cs().to_string()).collect();
        let dv = DataValidation::new()
            .allow_list_strings(&kinds)?
            .set_error_style(DataValidationErrorStyle::Warning);
        ws.add_data_validation(1, 0, LAST_ROW, 0, &dv)?;
        for (i, r) in self.tables.rows().iter().enumerate() {
            let row = i as u32 + 1;
            ws.write_string(row, 0, r.kind.cs())?;
            if !r.tasks.is_empty() {
                ws.write_string(row, 1, r.tasks.join(", "))?;
            }
            ws.write_date_with_format(row, 2, r.from, &date)?;
            if let Some(a) = r.amount {
                num(ws, row, 3, a, &number)?;
            }
            ws.write_string(row, 4, &r.decree)?;
            ws.write_string(row, 5, &r.source)?;
            ws.write_string(row, 6, if r.verified { "ano" } else { "ne" })?;
        }
        ws.set_freeze_panes(1, 0)?;

        let guide = wb.add_worksheet();
        guide.set_name("Návod")?;
        guide.set_column_width(0, 110)?;
        let bold = Format::new().set_bold();
        let lines = [
            "Zákonné limity úhrad a sazby, které audit používá.",
            "",
            "Každý řádek platí od data ve sloupci „Platí od“ až do dalšího řádku téhož druhu (a týchž úkonů).",
            "Když nový předpis změní limit, přidejte řádek: druh, úkony (jen u druhů úkon a kg), den účinnosti, částku, číslo předpisu a zdroj.",
            "Řádek bez zdroje se odmítne. Ověřeno = ano, když jste údaj přečetli v textu předpisu; ne, když je odvozený (předběžný).",
            "Prázdná částka znamená, že limit není znám: kontrola se pro něj vynechá a zpráva to uvede (jen u druhů úkon, kg, oběd, celodenní strava).",
            "",
            "Váš řádek má přednost před vestavěným řádkem téhož druhu od svého data dál. Vestavěné řádky platí dál před ním.",
            "Tento sešit předejte auditu přepínačem --law, nebo list Limity vložte do sešitu poskytovatele.",
            "Nejlépe ponechte jen řádky, které jste přidali nebo opravili: vestavěné řádky opraví i nové vydání nástroje.",
            "",
            "Druhy: hodina, hodina nad 80 h (Kč/h); úkon, kg (Kč za úkon, za kg); oběd, celodenní strava (Kč);",
            "sociální, zdravotní, úrazové pojištění a FKSP (podíl z hrubé mzdy, 0,248 = 24,8 %); dovolená veřejný zaměstnavatel, dovolená ostatní (týdny).",
        ];
        guide.write_string_with_format(0, 0, "Návod: list Limity", &bold)?;
        for (i, l) in lines.iter().enumerate() {
            guide.write_string(i as u32 + 2, 0, *l)?;
        }
        Ok(wb)
    }
}
