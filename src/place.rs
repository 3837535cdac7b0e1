//! Where something is in the input workbook, as Excel shows it: `Výkazy!D17`.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::matching::fold;

/// A cell of the input: sheet name as written in the file, 1-based row,
/// 0-based column, and the file when the records came in several files or
/// as CSV.
///
/// Displays as Excel writes a reference, `Výkazy!D17`, quoting the sheet
/// name where Excel would (`'Moje výkazy'!D17`); a sheet of one of several
/// files as `zamestnanci.xlsx/Zaměstnanci!D5`; a line of a CSV file as
/// `vykazy.csv:17 (Úhrada)`, with the column's header as the file writes it.
///
/// ```
/// use homecare_audit::Place;
/// assert_eq!(Place::new("Výkazy", 17, 3).to_string(), "Výkazy!D17");
/// assert_eq!(
///     Place::new("Zaměstnanci", 5, 3).in_file("zamestnanci.xlsx").to_string(),
///     "zamestnanci.xlsx/Zaměstnanci!D5"
/// );
/// assert_eq!(
///     Place::csv("vykazy.csv", 17, 4, Some("Úhrada")).to_string(),
///     "vykazy.csv:17 (Úhrada)"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    /// The sheet's name as it is in the workbook (empty for a CSV file,
    /// which has none).
    pub sheet: String,
    /// The row number as Excel shows it (1-based; a CSV file's line of
    /// records, the first being 1).
    pub row: u32,
    /// The column index (0 = `A`).
    pub col: u32,
    /// The input file, when the provider's records came in several files
    /// or the place is in a CSV file; `None` for the one workbook (boxed:
    /// every rejected row has a place, and most have no file).
    file: Option<Box<InFile>>,
}

/// The file of a [`Place`], and a CSV column's header.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct InFile {
    file: String,
    header: Option<String>,
}

impl Place {
    /// A place from a sheet name, an Excel row number (1-based) and a
    /// 0-based column.
    pub fn new(sheet: impl Into<String>, row: u32, col: u32) -> Place {
        Place {
            sheet: sheet.into(),
            row,
            col,
            file: None,
        }
    }

    /// A place in a CSV file: its record number (1-based, the header's
    /// line included), 0-based column, and the column's header.
    pub fn csv(file: impl Into<String>, row: u32, col: u32, header: Option<&str>) -> Place {
        Place {
            sheet: String::new(),
            row,
            col,
            file: Some(Box::new(InFile {
                file: file.into(),
                header: header.map(str::to_string),
            })),
        }
    }

    /// The same place, in the named file (one of several inputs).
    pub fn in_file(mut self, file: impl Into<String>) -> Place {
        let header = self.file.take().and_then(|f| f.header);
        self.file = Some(Box::new(InFile {
            file: file.into(),
            header,
        }));
        self
    }

    /// The input file the place is in, when places name their file.
    pub fn file(&self) -> Option<&str> {
        self.file.as_ref().map(|f| f.file.as_str())
    }

    /// A CSV column's header as the file writes it.
    pub fn header(&self) -> Option<&str> {
        self.file.as_ref().and_then(|f| f.header.as_deref())
    }

    /// True for a place in a CSV file (a file without sheets).
    pub fn is_csv(&self) -> bool {
        self.file.is_some() && self.sheet.is_empty()
    }

    /// The cell reference without the sheet, e.g. `D17`.
    pub fn cell(&self) -> String {
        format!("{}{}", column_name(self.col), self.row)
    }
}

/// The column letters of a 0-based column index: 0 → `A`, 27 → `AB`.
///
/// ```
/// use homecare_audit::place::column_name;
/// assert_eq!(column_name(0), "A");
/// assert_eq!(column_name(25), "Z");
/// assert_eq!(column_name(26), "AA");
/// assert_eq!(column_name(16383), "XFD");
/// ```
pub fn column_name(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Writes a sheet name as Excel does in a reference: bare when it is made of
/// letters, digits and underscores and does not start with a digit, quoted
/// (with inner quotes doubled) otherwise.
pub fn sheet_ref(sheet: &str) -> String {
    let bare = !sheet.is_empty()
        && !sheet.starts_with(|c: char| c.is_ascii_digit())
        && sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    if bare {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.file(), self.sheet.is_empty()) {
            (Some(file), true) => {
                write!(f, "{file}:{}", self.row)?;
                match self.header() {
                    Some(h) if !h.is_empty() => write!(f, " ({h})"),
                    _ => Ok(()),
                }
            }
            (Some(file), false) => write!(f, "{file}/{}!{}", sheet_ref(&self.sheet), self.cell()),
            (None, _) => write!(f, "{}!{}", sheet_ref(&self.sheet), self.cell()),
        }
    }
}

impl Serialize for Place {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Which sheet of the input workbook a place is on, by what the sheet
/// holds: the reader names it from the sheet's name in either language, the
/// audit names the sheet of a finding's place with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetKind {
    /// `Poskytovatel` / `Provider`: key–value settings.
    Provider,
    /// `Úkony` / `Tasks`: the provider's task codes.
    Tasks,
    /// `Pracovníci` / `Workers`.
    Workers,
    /// `Klienti` / `Clients`.
    Clients,
    /// `Výkazy` / `Visits`: the timesheet.
    Visits,
    /// `Ceník` / `Prices`.
    Prices,
    /// `Náklady` / `Costs`.
    Costs,
    /// `Výnosy` / `Revenues`.
    Revenues,
    /// `Účtová mapa` / `Account map`: the auditor's rules turning accounts
    /// into cost categories and revenue sources (read before `Výsledovka`).
    AccountMap,
    /// `Výsledovka` / `Accounts`: the accounts as the accountant gives
    /// them, an account or budget item a row.
    Accounts,
    /// `Benchmarky` / `Benchmarks`.
    Benchmarks,
    /// `Model`: parameters of the normative price model.
    Model,
    /// `Limity` / `Caps`: legal caps and rates that take precedence over the
    /// built-in tables from their dates on.
    Law,
    /// `Financování` / `Financing`: a region's method of financing its
    /// network, one parameter a row with its source.
    Financing,
    /// `Území` / `Area`: the service's municipalities with their residents
    /// 65+ and 80+ (the census or ČSÚ figures the auditor brings).
    Area,
    /// `Žadatelé` / `Applicants`: applications for a contract and what
    /// became of each (accepted, refused and why, waiting, withdrawn).
    Applicants,
    /// `Sloučení` / `Merger`: a merger study's assumptions (a merger
    /// workbook, not a provider's).
    Merger,
    /// `Vzdálenosti` / `Distances`: travel minutes between municipalities
    /// (a merger workbook).
    Distances,
    /// `Jednotný ceník` / `Merged prices`: the merged service's price list
    /// (a merger workbook).
    MergedPrices,
    /// `Sloupce` / `Columns`: the auditor's column mapping, which says which
    /// header of an export is which of our columns (read before the other
    /// sheets, in any input or a file of its own).
    Columns,
}

impl SheetKind {
    /// Every sheet in the order the reader reads them (catalogue and
    /// workers before the timesheet that refers to them; `Náklady`,
    /// `Výnosy` and `Účtová mapa` before `Výsledovka`, which is checked
    /// against the first two and mapped by the third).
    pub const ALL: [SheetKind; 16] = [
        SheetKind::Provider,
        SheetKind::Tasks,
        SheetKind::Workers,
        SheetKind::Clients,
        SheetKind::Visits,
        SheetKind::Prices,
        SheetKind::Costs,
        SheetKind::Revenues,
        SheetKind::AccountMap,
        SheetKind::Accounts,
        SheetKind::Benchmarks,
        SheetKind::Model,
        SheetKind::Law,
        SheetKind::Financing,
        SheetKind::Area,
        SheetKind::Applicants,
    ];

    /// The sheets of a merger workbook
    /// ([`read_merger_path`](crate::workbook::read_merger_path)).
    pub const MERGER: [SheetKind; 3] = [
        SheetKind::Merger,
        SheetKind::Distances,
        SheetKind::MergedPrices,
    ];

    /// The canonical Czech name (`Výkazy`).
    pub fn cs(self) -> &'static str {
        match self {
            SheetKind::Provider => "Poskytovatel",
            SheetKind::Tasks => "Úkony",
            SheetKind::Workers => "Pracovníci",
            SheetKind::Clients => "Klienti",
            SheetKind::Visits => "Výkazy",
            SheetKind::Prices => "Ceník",
            SheetKind::Costs => "Náklady",
            SheetKind::Revenues => "Výnosy",
            SheetKind::AccountMap => "Účtová mapa",
            SheetKind::Accounts => "Výsledovka",
            SheetKind::Benchmarks => "Benchmarky",
            SheetKind::Model => "Model",
            SheetKind::Law => "Limity",
            SheetKind::Financing => "Financování",
            SheetKind::Area => "Území",
            SheetKind::Applicants => "Žadatelé",
            SheetKind::Merger => "Sloučení",
            SheetKind::Distances => "Vzdálenosti",
            SheetKind::MergedPrices => "Jednotný ceník",
            SheetKind::Columns => "Sloupce",
        }
    }

    /// The English name (`Visits`).
    pub fn en(self) -> &'static str {
        match self {
            SheetKind::Provider => "Provider",
            SheetKind::Tasks => "Tasks",
            SheetKind::Workers => "Workers",
            SheetKind::Clients => "Clients",
            SheetKind::Visits => "Visits",
            SheetKind::Prices => "Prices",
            SheetKind::Costs => "Costs",
            SheetKind::Revenues => "Revenues",
            SheetKind::AccountMap => "Account map",
            SheetKind::Accounts => "Accounts",
            SheetKind::Benchmarks => "Benchmarks",
            SheetKind::Model => "Model",
            SheetKind::Law => "Caps",
            SheetKind::Financing => "Financing",
            SheetKind::Area => "Area",
            SheetKind::Applicants => "Applicants",
            SheetKind::Merger => "Merger",
            SheetKind::Distances => "Distances",
            SheetKind::MergedPrices => "Merged prices",
            SheetKind::Columns => "Columns",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            SheetKind::Provider => &["Poskytovatel", "Provider", "Služba", "Service"],
            SheetKind::Tasks => &["Úkony", "Tasks", "Katalog úkonů", "Task catalogue"],
            SheetKind::Workers => &["Pracovníci", "Workers", "Zaměstnanci", "Staff"],
            SheetKind::Clients => &["Klienti", "Clients", "Uživatelé"],
            SheetKind::Visits => &["Výkazy", "Visits", "Výkaz", "Timesheet", "Výkony", "Výkonů"],
            SheetKind::Prices => &["Ceník", "Prices", "Price list"],
            SheetKind::Costs => &["Náklady", "Costs"],
            SheetKind::Revenues => &["Výnosy", "Revenues", "Příjmy"],
            SheetKind::AccountMap => &[
                "Účtová mapa",
                "Account map",
                "Převodový můstek",
                "Account mapping",
            ],
            SheetKind::Accounts => &[
                "Výsledovka",
                "Accounts",
                "Výkaz zisku a ztráty",
                "Income statement",
                "Profit and loss",
                "Plnění rozpočtu",
                "Budget execution",
            ],
            SheetKind::Benchmarks => &["Benchmarky", "Benchmarks"],
            SheetKind::Model => &["Model", "Normativ", "Normativní model", "Parametry modelu"],
            SheetKind::Law => &["Limity", "Caps", "Limity úhrad", "Zákonné limity", "Law"],
            SheetKind::Financing => &[
                "Financování",
                "Financing",
                "Metodika financování",
                "Financing method",
                "Vyrovnávací platba",
            ],
            SheetKind::Area => &[
                "Území",
                "Area",
                "Obce",
                "Obyvatelé",
                "Spádové území",
                "Service area",
            ],
            SheetKind::Applicants => &[
                "Žadatelé",
                "Applicants",
                "Žádosti",
                "Zájemci",
                "Applications",
                "Pořadník",
            ],
            SheetKind::Merger => &["Sloučení", "Merger", "Studie sloučení", "Merger study"],
            SheetKind::Distances => &["Vzdálenosti", "Distances", "Časy cest", "Travel times"],
            SheetKind::MergedPrices => &[
                "Jednotný ceník",
                "Merged prices",
                "Ceník sloučené služby",
                "Merged price list",
            ],
            SheetKind::Columns => &[
                "Sloupce",
                "Columns",
                "Mapování sloupců",
                "Column mapping",
                "Mapování",
                "Mapping",
            ],
        }
    }

    /// Finds the sheet a workbook's sheet name means (folded match).
    ///
    /// ```
    /// use homecare_audit::place::SheetKind;
    /// assert_eq!(SheetKind::parse(" pracovnici "), Some(SheetKind::Workers));
    /// assert_eq!(SheetKind::parse("VISITS"), Some(SheetKind::Visits));
    /// assert_eq!(SheetKind::parse("List1"), None);
    /// ```
    pub fn parse(name: &str) -> Option<SheetKind> {
        SheetKind::parse_among(name, &SheetKind::ALL)
    }

    /// Finds the sheet a name means among `kinds` (folded match).
    ///
    /// ```
    /// use homecare_audit::place::SheetKind;
    /// assert_eq!(SheetKind::parse_among("Sloučení", &SheetKind::MERGER), Some(SheetKind::Merger));
    /// assert_eq!(SheetKind::parse("Sloučení"), None); // not a provider's sheet
    /// ```
    pub fn parse_among(name: &str, kinds: &[SheetKind]) -> Option<SheetKind> {
        let f = fold(name);
        kinds
            .iter()
            .copied()
            .find(|k| k.aliases().iter().any(|a| fold(a) == f))
    }

    /// True for `Výkazy` alone: a timesheet is enough to start. Without
    /// `Klienti` or `Pracovníci` the clients and workers are those the
    /// timesheet names, and what needs the list is "not available".
    ///
    /// ```
    /// use homecare_audit::place::SheetKind;
    /// assert!(SheetKind::Visits.required());
    /// assert!(!SheetKind::Clients.required());
    /// assert!(!SheetKind::Workers.required());
    /// ```
    pub fn required(self) -> bool {
        matches!(self, SheetKind::Visits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_excel_does() {
        assert_eq!(Place::new("Výkazy", 17, 3).to_string(), "Výkazy!D17");
        assert_eq!(
            Place::new("Moje výkazy", 2, 0).to_string(),
            "'Moje výkazy'!A2"
        );
        assert_eq!(Place::new("2025", 1, 27).to_string(), "'2025'!AB1");
        assert_eq!(Place::new("O'Neil", 1, 0).to_string(), "'O''Neil'!A1");
    }

    #[test]
    fn names_the_file_when_there_are_several() {
        let p = Place::new("Moje výkazy", 2, 0).in_file("a.xlsx");
        assert_eq!(p.to_string(), "a.xlsx/'Moje výkazy'!A2");
        assert!(!p.is_csv());
        // A CSV line: the header names the column; without one, the line.
        let p = Place::csv("vykazy.csv", 17, 4, Some("Úhrada"));
        assert_eq!(p.to_string(), "vykazy.csv:17 (Úhrada)");
        assert!(p.is_csv());
        assert_eq!(Place::csv("k.csv", 3, 0, None).to_string(), "k.csv:3");
    }
}
