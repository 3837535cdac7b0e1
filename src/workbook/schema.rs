//! The input workbook's contract (docs/workbook.md) as data: every sheet and
//! column with its Czech and English names and accepted aliases. The reader
//! matches against it and the template writer writes from it, so the two
//! cannot drift apart.

use crate::matching::fold;
pub use crate::place::SheetKind;

/// A column of a sheet.
#[derive(Debug)]
pub struct Column {
    /// The field's English id (`client_id`).
    pub key: &'static str,
    /// The Czech header the template writes.
    pub cs: &'static str,
    /// The English header.
    pub en: &'static str,
    /// Further accepted headers (matched folded).
    pub aliases: &'static [&'static str],
    /// True when the sheet cannot be read without it.
    pub required: bool,
    /// A note for the template's instructions (Czech).
    pub hint: &'static str,
}

const fn col(
    key: &'static str,
    cs: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    hint: &'static str,
) -> Column {
    Column {
        key,
        cs,
        en,
        aliases,
        required,
        hint,
    }
}

impl Column {
    /// True when a header cell's text names this column.
    pub fn matches(&self, folded: &str) -> bool {
        self.rank(folded).is_some()
    }

    /// How well a folded header names this column: 0 for its own Czech or
    /// English name, 1 + i for its i-th alias (the aliases are listed
    /// best first); `None` when it does not name it. When two headers of a
    /// sheet name one column, the reader uses the better one.
    ///
    /// ```
    /// use homecare_audit::matching::fold;
    /// use homecare_audit::workbook::schema::VISITS;
    /// let worker = VISITS.iter().find(|c| c.key == "worker_id").unwrap();
    /// assert_eq!(worker.rank(&fold("PRACOVNÍK")), Some(0));
    /// assert!(worker.rank(&fold("Pečovatelka")) > Some(0));
    /// assert_eq!(worker.rank(&fold("Klient")), None);
    /// ```
    pub fn rank(&self, folded: &str) -> Option<usize> {
        if fold(self.cs) == folded || fold(self.en) == folded {
            return Some(0);
        }
        self.aliases
            .iter()
            .position(|a| fold(a) == folded)
            .map(|i| i + 1)
    }
}

/// Columns of `Sloupce`, the auditor's column mapping: which header of
/// an input (`Ve vstupu`) is which of our columns (`Sloupec`) of a sheet
/// kind (`List`), and optionally which file (or `file/sheet`) holds that
/// sheet kind (`Soubor`).
pub const COLUMNS: &[Column] = &[
    col(
        "sheet",
        "List",
        "Sheet",
        &["Druh listu", "Sheet kind"],
        true,
        "náš list: Výkazy, Klienti, Pracovníci, … (česky nebo anglicky)",
    ),
    col(
        "column",
        "Sloupec",
        "Column",
        &["Náš sloupec", "Our column"],
        false,
        "náš sloupec, např. ID klienta; prázdné u řádku jen se souborem",
    ),
    col(
        "input_header",
        "Ve vstupu",
        "In the input",
        &["Záhlaví ve vstupu", "Input header", "Záhlaví", "Header"],
        false,
        "záhlaví sloupce tak, jak je píše vstupní soubor",
    ),
    col(
        "file",
        "Soubor",
        "File",
        &["Vstupní soubor", "Input file"],
        false,
        "soubor (nebo soubor/list), který tento list obsahuje, např. export.csv",
    ),
];

/// Columns of `Klienti`.
pub const CLIENTS: &[Column] = &[
    col(
        "client_id",
        "ID klienta",
        "Client ID",
        &[
            "Klient",
            "Client",
            "ID",
            "Uživatel",
            "ID uživatele",
            "Kód klienta",
            "Kód uživatele",
            "Číslo klienta",
            "Číslo uživatele",
            "Evidenční číslo",
            "Klient ID",
            "Příjmení a jméno",
            "Jméno a příjmení",
            "Jméno klienta",
            "Jméno uživatele",
            "Client name",
            "Name",
        ],
        true,
        "jedinečný kód klienta",
    ),
    col(
        "birth_year",
        "Rok narození",
        "Birth year",
        &["Rok nar.", "Ročník", "Year of birth"],
        false,
        "celé číslo, např. 1941",
    ),
    col(
        "care_allowance",
        "Stupeň PnP",
        "Care allowance degree",
        &[
            "Příspěvek na péči",
            "PnP",
            "Care allowance",
            "Stupeň příspěvku na péči",
            "Stupeň příspěvku",
            "Stupeň závislosti",
            "Příspěvek na péči (stupeň)",
            "Stupeň",
            "Degree",
        ],
        false,
        "bez, I, II, III, IV; prázdné = neznámý",
    ),
    col(
        "lives_alone",
        "Žije sám",
        "Lives alone",
        &[
            "Žije sama",
            "Žije sám/sama",
            "Žije sám(a)",
            "Žije osaměle",
            "Osamělý",
            "Osaměle žijící",
            "Sám v domácnosti",
        ],
        false,
        "ano/ne; prázdné = neznámo",
    ),
    col(
        "at_risk",
        "Ohrožen soc. vyloučením",
        "At risk of social exclusion",
        &[
            "Ohrožen sociálním vyloučením",
            "Ohrožen",
            "At risk",
            "Ohrožen(a) soc. vyloučením",
            "Ohrožení soc. vyloučením",
        ],
        false,
        "ano/ne; prázdné = neznámo",
    ),
    col(
        "fee_exempt",
        "Osvobozen od úhrady",
        "Fee exempt",
        &[
            "Osvobozen",
            "Osvobozen od úhrad",
            "Osvobození od úhrady",
            "Osvobozen(a) od úhrady",
        ],
        false,
        "ano/ne (§ 75 odst. 2 zákona 108/2006 Sb.)",
    ),
    col(
        "municipality",
        "Obec",
        "Municipality",
        &[
            "Bydliště",
            "Místo bydliště",
            "Obec bydliště",
            "Město",
            "Town",
        ],
        false,
        "text",
    ),
    col(
        "contract_from",
        "Smlouva od",
        "Contract from",
        &[
            "Začátek smlouvy",
            "Smlouva uzavřena",
            "Datum uzavření smlouvy",
            "Platnost smlouvy od",
        ],
        false,
        "datum",
    ),
    col(
        "contract_to",
        "Smlouva do",
        "Contract to",
        &[
            "Konec smlouvy",
            "Smlouva ukončena",
            "Ukončení smlouvy",
            "Platnost smlouvy do",
        ],
        false,
        "datum",
    ),
];

/// Columns of `Pracovníci`.
pub const WORKERS: &[Column] = &[
    col(
        "worker_id",
        "ID pracovníka",
        "Worker ID",
        &[
            "Pracovník",
            "Worker",
            "ID",
            "Pečovatel",
            "Pečovatelka",
            "Pečovatel(ka)",
            "Pracovnice",
            "Zaměstnanec",
            "Osobní číslo",
            "Os. číslo",
            "Kód pracovníka",
            "Příjmení a jméno",
            "Jméno a příjmení",
            "Jméno pracovníka",
            "Employee",
            "Employee ID",
            "Name",
        ],
        true,
        "jedinečný kód pracovníka",
    ),
    col(
        "role",
        "Pozice",
        "Role",
        &[
            "Pracovní zařazení",
            "Zařazení",
            "Funkce",
            "Profese",
            "Pracovní pozice",
            "Job title",
            "Position",
        ],
        true,
        "PSS, SP, VED, ADM, RID, ZDR, JIN",
    ),
    col(
        "fte",
        "Úvazek",
        "FTE",
        &[
            "Výše úvazku",
            "Přepočtený úvazek",
            "Pracovní úvazek",
            "Úvazek (FTE)",
        ],
        true,
        "desetinné číslo, 0 < úvazek ≤ 1,5",
    ),
    col(
        "weekly_hours",
        "Týdenní pracovní doba",
        "Weekly hours",
        &[
            "Hodin týdně",
            "Stanovená týdenní pracovní doba",
            "Týdenní pracovní doba (h)",
        ],
        false,
        "40; 38,75; 37,5 (prázdné = dle poskytovatele)",
    ),
    col(
        "employed_from",
        "Nástup",
        "Employed from",
        &[
            "Datum nástupu",
            "Pracovní poměr od",
            "Začátek pracovního poměru",
            "Start date",
        ],
        false,
        "datum",
    ),
    col(
        "employed_to",
        "Ukončení",
        "Employed to",
        &[
            "Datum ukončení",
            "Pracovní poměr do",
            "Ukončení pracovního poměru",
            "Konec pracovního poměru",
            "End date",
        ],
        false,
        "datum",
    ),
    col(
        "absence_hours",
        "Absence hod",
        "Absence hours",
        &[
            "Absence",
            "Absence (h)",
            "Nepřítomnost (h)",
            "Dovolená a nemoc (h)",
        ],
        false,
        "dovolená + nemoc v období, hodiny",
    ),
    col(
        "training_hours",
        "Vzdělávání hod",
        "Training hours",
        &[
            "Vzdělávání",
            "Vzdělávání (h)",
            "Školení (h)",
            "Školení hod",
            "Hodiny vzdělávání",
        ],
        false,
        "hodiny v období",
    ),
    col(
        "personnel_cost",
        "Osobní náklady",
        "Personnel cost",
        &[
            "Mzdové náklady",
            "Mzda vč. odvodů",
            "Osobní náklady (Kč)",
            "Náklady na mzdu",
        ],
        false,
        "Kč: mzda + pojistné v období",
    ),
    col(
        "municipality",
        "Obec",
        "Municipality",
        &["Středisko"],
        false,
        "odkud pracovník vyjíždí (prázdné = sídlo služby); jen pro studii sloučení",
    ),
];

/// Columns of `Výkazy`.
pub const VISITS: &[Column] = &[
    col(
        "date",
        "Datum",
        "Date",
        &[
            "Datum výkonu",
            "Datum úkonu",
            "Datum poskytnutí",
            "Datum návštěvy",
            "Visit date",
        ],
        true,
        "datum",
    ),
    col(
        "worker_id",
        "Pracovník",
        "Worker",
        &[
            "ID pracovníka",
            "Worker ID",
            "Pečovatel",
            "Pečovatelka",
            "Pečovatel(ka)",
            "Pracovnice",
            "Zaměstnanec",
            "Osobní číslo",
            "Kód pracovníka",
            "Provedl",
            "Carer",
            "Care worker",
        ],
        true,
        "kód z listu Pracovníci (bez toho listu jakýkoli kód)",
    ),
    col(
        "client_id",
        "Klient",
        "Client",
        &[
            "ID klienta",
            "Client ID",
            "Uživatel",
            "ID uživatele",
            "Kód klienta",
            "Kód uživatele",
            "Klient ID",
        ],
        false,
        "kód z listu Klienti (bez toho listu jakýkoli kód); prázdné u času bez klienta",
    ),
    col(
        "task",
        "Úkon",
        "Task",
        &[
            "Kód úkonu",
            "Task code",
            "Kód výkonu",
            "Výkon",
            "Činnost",
            "Service",
        ],
        true,
        "kód úkonu (a1–e2, CESTA, ADM, … nebo z listu Úkony)",
    ),
    col(
        "start",
        "Od",
        "Start",
        &[
            "Čas od",
            "Začátek",
            "Příchod",
            "Od (čas)",
            "Time from",
            "From",
        ],
        false,
        "čas, např. 7:30",
    ),
    col(
        "end",
        "Do",
        "End",
        &["Čas do", "Konec", "Odchod", "Do (čas)", "Time to", "To"],
        false,
        "čas, např. 8:15; 24:00 = půlnoc",
    ),
    col(
        "minutes",
        "Minuty",
        "Minutes",
        &[
            "Doba",
            "Duration",
            "Min",
            "Doba (min)",
            "Doba trvání",
            "Délka",
            "Délka (min)",
            "Trvání",
            "Trvání (min)",
            "Minut",
            "Počet minut",
            "Čas (min)",
        ],
        false,
        "minuty nebo h:mm; povinné, pokud chybí Od a Do",
    ),
    col(
        "quantity",
        "Množství",
        "Quantity",
        &["Počet", "Počet jednotek", "Units"],
        false,
        "úkony, kg, porce (prázdné = 1)",
    ),
    col(
        "travel_minutes",
        "Cesta min",
        "Travel minutes",
        &[
            "Cesta",
            "Cesta (min)",
            "Doba cesty",
            "Čas cesty",
            "Dojezd",
            "Dojezd (min)",
            "Travel",
        ],
        false,
        "minuty cesty",
    ),
    col(
        "fee",
        "Úhrada",
        "Fee charged",
        &[
            "Fee",
            "Úhrada (Kč)",
            "Úhrada klienta",
            "Částka",
            "Účtováno",
            "Vyúčtováno",
        ],
        false,
        "Kč účtované klientovi za řádek",
    ),
];

/// Columns of `Úkony`.
pub const TASKS: &[Column] = &[
    col(
        "code",
        "Kód",
        "Code",
        &["Kód úkonu"],
        true,
        "jedinečný kód poskytovatele",
    ),
    col("name", "Název", "Name", &[], false, "text"),
    col(
        "statutory",
        "Úkon dle vyhlášky",
        "Statutory task",
        &["Dle vyhlášky"],
        true,
        "a1–e2, CESTA, ADM, VZD, POR, FAK, JIN",
    ),
    col(
        "unit",
        "Jednotka",
        "Unit",
        &[],
        false,
        "hod, úkon, kg, porce, km",
    ),
];

/// Columns of `Ceník`.
pub const PRICES: &[Column] = &[
    col("task", "Úkon", "Task", &["Kód úkonu"], true, "kód úkonu"),
    col("price", "Cena", "Price", &[], true, "Kč za jednotku"),
    col(
        "valid_from",
        "Platí od",
        "Valid from",
        &[],
        false,
        "datum (prázdné = od začátku období)",
    ),
];

/// Columns of `Náklady`.
pub const COSTS: &[Column] = &[
    col(
        "category",
        "Kategorie",
        "Category",
        &[],
        true,
        "mzdy, pojistne, dpp_dpc, phm, vozidla, material, energie, najem, sluzby, vzdelavani, opravy, odpisy, rezie, ostatni",
    ),
    col(
        "group",
        "Skupina",
        "Group",
        &[],
        false,
        "osobní / provozní (u známých kategorií se odvodí)",
    ),
    col("amount", "Částka", "Amount", &[], true, "Kč"),
    col("note", "Poznámka", "Note", &[], false, "text"),
    col(
        "eligible",
        "Uznatelné",
        "Eligible",
        &["Uznatelný náklad", "Eligible cost"],
        false,
        "ano/ne: smí je hradit státní dotace (NV 98/2015 § 1 odst. 2); prázdné = podle pravidel",
    ),
];

/// Columns of `Výnosy`.
pub const REVENUES: &[Column] = &[
    col(
        "source",
        "Zdroj",
        "Source",
        &[],
        true,
        "uhrady, mpsv, kraj, obec, verejne (veřejná dotace bez určení zdroje), jine",
    ),
    col("amount", "Částka", "Amount", &[], true, "Kč"),
];

/// Columns of `Výsledovka`: the accounts as the accountant gives them.
pub const ACCOUNTS: &[Column] = &[
    col(
        "account",
        "Účet",
        "Account",
        &[
            "Číslo účtu",
            "Syntetický účet",
            "Položka",
            "Rozpočtová položka",
            "Item",
            "Budget item",
        ],
        true,
        "účet 521, 521.100, 521100 (vyhl. 410/2009, 504/2002) nebo rozpočtová položka 5011 (vyhl. 412/2021)",
    ),
    col(
        "name",
        "Název",
        "Name",
        &["Název účtu", "Název položky", "Popis", "Text"],
        false,
        "text",
    ),
    col(
        "amount",
        "Částka",
        "Amount",
        &[
            "Skutečnost",
            "Stav",
            "Obrat",
            "Zůstatek",
            "Běžné období",
            "Výsledek od počátku roku",
            "Actual",
            "Balance",
        ],
        true,
        "Kč; záporné i s mínusem na konci (1551157,54-)",
    ),
    col(
        "paragraph",
        "Paragraf",
        "Budget section",
        &["§", "ODPA"],
        false,
        "rozpočtový paragraf (4351); řádek s paragrafem musí mít čtyřmístnou rozpočtovou položku",
    ),
];

/// Columns of `Účtová mapa`: the auditor's rules for accounts of the
/// `Výsledovka`, beating the built-in ones.
pub const ACCOUNT_MAP: &[Column] = &[
    col(
        "account",
        "Účet",
        "Account",
        &[
            "Číslo účtu",
            "Položka",
            "Rozpočtová položka",
            "Item",
            "Budget item",
        ],
        true,
        "účet (521, 518.300) nebo rozpočtová položka (5011)",
    ),
    col("name", "Název", "Name", &["Popis"], false, "text"),
    col(
        "category",
        "Kategorie",
        "Category",
        &[],
        false,
        "u nákladového účtu: kategorie jako na listu Náklady, nebo nepoužít",
    ),
    col(
        "group",
        "Skupina",
        "Group",
        &[],
        false,
        "osobní / provozní (u známých kategorií se odvodí)",
    ),
    col(
        "source",
        "Zdroj",
        "Source",
        &[],
        false,
        "u výnosového účtu: uhrady, mpsv, kraj, obec, verejne, jine, nebo nepoužít",
    ),
    col(
        "note",
        "Poznámka",
        "Note",
        &["Odůvodnění", "Reason"],
        false,
        "proč (smlouva o dotaci, analytika účtu)",
    ),
    col(
        "eligible",
        "Uznatelné",
        "Eligible",
        &["Uznatelný náklad", "Eligible cost"],
        false,
        "ano/ne: smí náklady účtu hradit státní dotace; prázdné = podle pravidel NV 98/2015",
    ),
];

/// Columns of `Benchmarky`.
pub const BENCHMARKS: &[Column] = &[
    col(
        "indicator",
        "Ukazatel",
        "Indicator",
        &[],
        true,
        "id ukazatele",
    ),
    col("region", "Kraj", "Region", &[], false, "kód kraje nebo CZ"),
    col("valid_from", "Platí od", "Valid from", &[], false, "datum"),
    col("valid_to", "Platí do", "Valid to", &[], false, "datum"),
    col("min", "Minimum", "Min", &[], false, "číslo"),
    col("max", "Maximum", "Max", &[], false, "číslo"),
    col("target", "Cíl", "Target", &[], false, "číslo"),
    col("source", "Zdroj", "Source", &[], false, "dokument a rok"),
];

/// The `Model` sheet: one parameter of the normative price model a row.
pub const MODEL: &[Column] = &[
    col(
        "parameter",
        "Parametr",
        "Parameter",
        &[],
        true,
        "id nebo název parametru",
    ),
    col("value", "Hodnota", "Value", &[], true, "číslo"),
    col(
        "source",
        "Zdroj",
        "Source",
        &[],
        false,
        "odkud hodnota pochází",
    ),
];

/// The `Financování` sheet: a region's method of financing its network,
/// one parameter a row, for a region and dates, each with its source (a
/// row without one is rejected: no region publishes these figures, so
/// each must say whose they are).
pub const FINANCING: &[Column] = &[
    col(
        "parameter",
        "Parametr",
        "Parameter",
        &[],
        true,
        "normativní náklad na úvazek, vlastní výnosy na hodinu, podíl vlastních výnosů, podíl obcí, přiměřený zisk (podíl)",
    ),
    col("value", "Hodnota", "Value", &[], true, "Kč nebo podíl 0–1"),
    col(
        "source",
        "Zdroj",
        "Source",
        &[],
        true,
        "zásady kraje, pověření, usnesení (povinné)",
    ),
    col(
        "region",
        "Kraj",
        "Region",
        &[],
        false,
        "kód kraje; prázdné = každý",
    ),
    col(
        "valid_from",
        "Platí od",
        "Valid from",
        &["Od", "From"],
        false,
        "datum",
    ),
    col(
        "valid_to",
        "Platí do",
        "Valid to",
        &["Do", "To"],
        false,
        "datum",
    ),
];

/// The `Území` sheet: the service's area, one municipality a row with
/// its residents 65+ and 80+ (and optionally in all, and the
/// care-allowance recipients 65+) from the census or ČSÚ tables, and where
/// the figures come from.
pub const AREA: &[Column] = &[
    col(
        "municipality",
        "Obec",
        "Municipality",
        &["Název obce", "Město", "Town"],
        true,
        "obec, jak ji píše list Klienti",
    ),
    col(
        "residents_65",
        "Obyvatel 65+",
        "Residents 65+",
        &[
            "Obyvatelé 65+",
            "65+",
            "Počet obyvatel 65+",
            "Residents 65 and over",
        ],
        true,
        "celé číslo: obyvatelé ve věku 65 a více let (SLDB 2021, ČSÚ)",
    ),
    col(
        "residents_80",
        "Obyvatel 80+",
        "Residents 80+",
        &[
            "Obyvatelé 80+",
            "80+",
            "Počet obyvatel 80+",
            "Residents 80 and over",
        ],
        true,
        "celé číslo: obyvatelé ve věku 80 a více let (nejvýše Obyvatel 65+)",
    ),
    col(
        "residents_total",
        "Obyvatel celkem",
        "Residents in all",
        &[
            "Obyvatelé celkem",
            "Počet obyvatel",
            "Residents",
            "Population",
        ],
        false,
        "celé číslo (nepovinné)",
    ),
    col(
        "allowance_65",
        "Příjemci PnP 65+",
        "Care-allowance recipients 65+",
        &[
            "Příjemci příspěvku na péči 65+",
            "PnP 65+",
            "Allowance recipients 65+",
        ],
        false,
        "celé číslo: příjemci příspěvku na péči ve věku 65+ (úřad práce; nepovinné)",
    ),
    col(
        "source",
        "Zdroj",
        "Source",
        &["Pramen"],
        false,
        "odkud údaje jsou (SLDB 2021, ČSÚ tabulka a rok)",
    ),
];

/// The `Žadatelé` sheet: one application for a contract a row, with what
/// became of it.
pub const APPLICANTS: &[Column] = &[
    col(
        "applicant_id",
        "Žadatel",
        "Applicant",
        &[
            "ID žadatele",
            "Applicant ID",
            "Zájemce",
            "Číslo žádosti",
            "Žádost",
        ],
        true,
        "kód žadatele nebo žádosti",
    ),
    col(
        "applied",
        "Datum žádosti",
        "Applied on",
        &["Podáno", "Datum podání", "Application date"],
        true,
        "datum",
    ),
    col(
        "outcome",
        "Výsledek",
        "Outcome",
        &["Výsledek žádosti", "Stav", "Status"],
        true,
        "přijat, odmítnut, čeká, zpět vzal",
    ),
    col(
        "reason",
        "Důvod",
        "Reason",
        &["Důvod odmítnutí", "Reason of refusal", "Refusal reason"],
        false,
        "jen u odmítnutí: a) služba se neposkytuje, b) kapacita, c) výpověď pro porušení do 6 měsíců (§ 91 odst. 3 zákona 108/2006 Sb.)",
    ),
    col(
        "decided",
        "Datum rozhodnutí",
        "Decided on",
        &["Rozhodnuto", "Datum vyřízení", "Decision date"],
        false,
        "datum (prázdné, dokud žadatel čeká)",
    ),
    col(
        "municipality",
        "Obec",
        "Municipality",
        &["Bydliště", "Town"],
        false,
        "obec žadatele (nepovinné)",
    ),
    col(
        "care_allowance",
        "Stupeň PnP",
        "Care allowance degree",
        &["Příspěvek na péči", "PnP", "Care allowance"],
        false,
        "bez, I, II, III, IV (nepovinné)",
    ),
];

/// The `Limity` sheet: one legal figure a row, taking precedence over the
/// built-in row of the same kind (and tasks) from its date on.
pub const LAW: &[Column] = &[
    col(
        "kind",
        "Druh",
        "Kind",
        &[],
        true,
        "hodina, hodina nad 80 h, úkon, kg, oběd, celodenní strava, sociální pojištění, zdravotní pojištění, úrazové pojištění, FKSP, dovolená veřejný zaměstnavatel, dovolená ostatní",
    ),
    col(
        "tasks",
        "Úkony",
        "Tasks",
        &[],
        false,
        "kódy úkonů vyhlášky (c2; d7, d8) jen u druhů úkon a kg",
    ),
    col(
        "valid_from",
        "Platí od",
        "Valid from",
        &[],
        true,
        "první den platnosti",
    ),
    col(
        "amount",
        "Částka",
        "Amount",
        &[],
        false,
        "Kč; u pojištění podíl (0,248); u dovolené týdny; prázdné = neznámá",
    ),
    col(
        "decree",
        "Předpis",
        "Decree",
        &[],
        false,
        "číslo předpisu (195/2024 Sb.)",
    ),
    col(
        "source",
        "Zdroj",
        "Source",
        &[],
        true,
        "kde je údaj uveden (povinné)",
    ),
    col(
        "verified",
        "Ověřeno",
        "Verified",
        &[],
        false,
        "ano = přečteno v textu předpisu; ne = odvozeno (předběžné)",
    ),
];

/// The `Sloučení` sheet of a merger workbook: one assumption a row
/// (docs/compare.md, "Merger study").
pub const MERGER: &[Column] = &[
    col(
        "parameter",
        "Parametr",
        "Parameter",
        &["Předpoklad", "Assumption"],
        true,
        "ceník; cílové vytížení; plánování; úvazky VED; klientů na úvazek SP; společný rozpis; úspora režie; pravidlo 80 hodin; název",
    ),
    col("value", "Hodnota", "Value", &[], true, "text nebo číslo"),
    col(
        "source",
        "Zdroj",
        "Source",
        &[],
        false,
        "kdo předpoklad stanovil (usnesení, zadání studie)",
    ),
];

/// The `Vzdálenosti` sheet of a merger workbook: minutes between two
/// municipalities, either way.
pub const DISTANCES: &[Column] = &[
    col("from", "Z obce", "From", &["Z", "Odkud"], true, "obec"),
    col("to", "Do obce", "To", &["Do", "Kam"], true, "obec"),
    col(
        "minutes",
        "Minut",
        "Minutes",
        &["Minuty", "Čas"],
        true,
        "minuty jízdy jedním směrem",
    ),
    col("source", "Zdroj", "Source", &[], false, "odkud čas pochází"),
];

/// The `Jednotný ceník` sheet of a merger workbook: the merged service's
/// price per task code (per the task's unit).
pub const MERGED_PRICES: &[Column] = &[
    col("task", "Úkon", "Task", &["Kód", "Code"], true, "kód úkonu"),
    col(
        "price",
        "Cena",
        "Price",
        &[],
        true,
        "Kč za jednotku úkonu (hodinu, úkon)",
    ),
];

/// A key of the `Poskytovatel` sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderKey {
    /// `Název`.
    Name,
    /// `IČO`.
    Ico,
    /// `Registrační číslo`.
    RegistrationId,
    /// `Kraj`.
    Region,
    /// `Období od`.
    PeriodFrom,
    /// `Období do`.
    PeriodTo,
    /// `Týdenní pracovní doba`.
    WeeklyHours,
    /// `Veřejný zaměstnavatel`.
    PublicEmployer,
    /// `Obec`: the municipality of the service's seat.
    Municipality,
    /// `Kapacita v síti (úvazky)`: the FTE capacity the region's network
    /// entrusts to the service (its Pověření).
    NetworkFte,
    /// `Kapacita (klienti)`: the capacity in the registry of social
    /// services, in clients.
    CapacityClients,
    /// `Přiměřený zisk`: the reasonable profit the entrustment allows over
    /// the period, Kč.
    ReasonableProfit,
}

/// The keys of `Poskytovatel`: key, Czech, English, hint.
pub const PROVIDER_KEYS: &[(ProviderKey, &str, &str, &str)] = &[
    (
        ProviderKey::Name,
        "Název",
        "Name",
        "název poskytovatele nebo služby",
    ),
    (ProviderKey::Ico, "IČO", "Company ID", "8 číslic"),
    (
        ProviderKey::RegistrationId,
        "Registrační číslo",
        "Registration ID",
        "číslo v registru sociálních služeb",
    ),
    (
        ProviderKey::Region,
        "Kraj",
        "Region",
        "kód kraje, např. KHK",
    ),
    (ProviderKey::PeriodFrom, "Období od", "Period from", "datum"),
    (ProviderKey::PeriodTo, "Období do", "Period to", "datum"),
    (
        ProviderKey::WeeklyHours,
        "Týdenní pracovní doba",
        "Weekly hours",
        "40; 38,75; 37,5",
    ),
    (
        ProviderKey::PublicEmployer,
        "Veřejný zaměstnavatel",
        "Public employer",
        "ano/ne (ano = 5 týdnů dovolené)",
    ),
    (
        ProviderKey::Municipality,
        "Obec",
        "Municipality",
        "obec sídla služby (pro studii sloučení)",
    ),
    (
        ProviderKey::NetworkFte,
        "Kapacita v síti (úvazky)",
        "Network capacity (FTE)",
        "úvazky přímé péče podle pověření kraje",
    ),
    (
        ProviderKey::CapacityClients,
        "Kapacita (klienti)",
        "Capacity (clients)",
        "kapacita v registru poskytovatelů",
    ),
    (
        ProviderKey::ReasonableProfit,
        "Přiměřený zisk",
        "Reasonable profit",
        "Kč za období podle pověření (výchozí 0)",
    ),
];

impl ProviderKey {
    /// Finds a key from a folded label.
    pub fn parse(folded: &str) -> Option<ProviderKey> {
        let extra: &[(&str, ProviderKey)] = &[
            ("ico", ProviderKey::Ico),
            ("company id", ProviderKey::Ico),
            ("nazev sluzby", ProviderKey::Name),
            ("nazev poskytovatele", ProviderKey::Name),
            ("region code", ProviderKey::Region),
            ("sidlo", ProviderKey::Municipality),
            ("seat", ProviderKey::Municipality),
            ("kapacita v siti", ProviderKey::NetworkFte),
            ("uvazky v siti", ProviderKey::NetworkFte),
            ("network fte", ProviderKey::NetworkFte),
            ("kapacita", ProviderKey::CapacityClients),
            ("kapacita klientu", ProviderKey::CapacityClients),
            ("capacity", ProviderKey::CapacityClients),
            ("zisk", ProviderKey::ReasonableProfit),
        ];
        PROVIDER_KEYS
            .iter()
            .find(|(_, cs, en, _)| fold(cs) == folded || fold(en) == folded)
            .map(|(k, ..)| *k)
            .or_else(|| extra.iter().find(|(a, _)| *a == folded).map(|(_, k)| *k))
    }
}

/// The columns of a table sheet (empty for `Poskytovatel`).
pub fn columns(kind: SheetKind) -> &'static [Column] {
    match kind {
        SheetKind::Provider => &[],
        SheetKind::Tasks => TASKS,
        SheetKind::Workers => WORKERS,
        SheetKind::Clients => CLIENTS,
        SheetKind::Visits => VISITS,
        SheetKind::Prices => PRICES,
        SheetKind::Costs => COSTS,
        SheetKind::Revenues => REVENUES,
        SheetKind::AccountMap => ACCOUNT_MAP,
        SheetKind::Accounts => ACCOUNTS,
        SheetKind::Benchmarks => BENCHMARKS,
        SheetKind::Model => MODEL,
        SheetKind::Law => LAW,
        SheetKind::Financing => FINANCING,
        SheetKind::Area => AREA,
        SheetKind::Applicants => APPLICANTS,
        SheetKind::Merger => MERGER,
        SheetKind::Distances => DISTANCES,
        SheetKind::MergedPrices => MERGED_PRICES,
        SheetKind::Columns => COLUMNS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_maps_to_one_column_only() {
        for kind in SheetKind::ALL {
            let cols = columns(kind);
            for c in cols {
                for name in [c.cs, c.en].iter().chain(c.aliases) {
                    let hits: Vec<_> = cols.iter().filter(|x| x.matches(&fold(name))).collect();
                    assert_eq!(hits.len(), 1, "{:?}: {name} is ambiguous", kind);
                }
            }
        }
    }

    #[test]
    fn sheet_names_in_both_languages() {
        for kind in SheetKind::ALL {
            assert_eq!(SheetKind::parse(kind.cs()), Some(kind));
            assert_eq!(SheetKind::parse(kind.en()), Some(kind));
        }
    }
}
