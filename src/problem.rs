//! What reading could not use, and why: every rejected row and every notice,
//! with its place, the raw value and a reason in Czech and English.
//!
//! Reading never drops anything silently. Each data row below a sheet's
//! header is either accepted or rejected, and [`Problems::rows`] keeps the
//! count per sheet so that `read = accepted + rejected` can be checked.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::i18n::{Lang, Text};
use crate::place::Place;

/// Why a cell or row was rejected, or what a notice is about.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    // Notices: the row (if any) is still accepted, or is not a data row.
    /// A column header the library does not know (reported once).
    IgnoredColumn,
    /// A second header naming a column another header of the row names
    /// better (`Pečovatel` beside `Pracovník`): ignored; the string is the
    /// header of the column used.
    SameColumnAgain(String),
    /// A sheet the library does not know (reported once).
    IgnoredSheet,
    /// A sheet the workbook hides: read anyway (a notice).
    HiddenSheet,
    /// A totals row (`Celkem`, `Total`, `Součet`): not data, never summed.
    TotalsRow,
    /// An error cell (`#N/A`, …) in a column the library does not use.
    ErrorInUnusedColumn,
    /// A `Poskytovatel` key the library does not know.
    UnknownProviderKey,
    /// A negative amount in `Náklady`, accepted as a correction.
    NegativeCorrection,
    /// A CSV file read with the encoding and delimiter found in its first
    /// bytes (reported once a file, at its first line).
    ReadAsCsv {
        /// The encoding (`windows-1250`, `UTF-8`, …).
        encoding: &'static str,
        /// The delimiter (`;`, `,`, tab, `|`).
        delimiter: u8,
    },
    /// Bytes the file's encoding (named) has no character for; replaced,
    /// the row kept.
    Undecodable(&'static str),
    /// A municipality of `Území` with fewer residents of an age than the
    /// clients of that age the service served there (figures from another
    /// year, or another municipality's?): the row is kept.
    ResidentsBelowClients {
        /// The age group (`65+`, `80+`).
        age: &'static str,
        /// Clients of that age served there.
        clients: u64,
        /// Residents of that age the row gives.
        residents: u64,
    },

    // Rejections: the row is not used.
    /// A required value is empty.
    Missing,
    /// An error cell (`#N/A`, `#DIV/0!`, …) in a column the row needs.
    ErrorCell,
    /// Not a number.
    NotANumber,
    /// Not a whole number.
    NotAnInteger,
    /// Not a date.
    NotADate,
    /// A plain number in a date column (not formatted as a date).
    NumberNotADate,
    /// Not a time of day.
    NotATime,
    /// Not a duration.
    NotADuration,
    /// Not a yes/no value.
    NotYesNo,
    /// Not a care-allowance degree.
    UnknownDegree,
    /// Not a known role.
    UnknownRole,
    /// Not a known unit.
    UnknownUnit,
    /// Not a statutory task or non-client kind.
    UnknownKind,
    /// Not a known cost category, and no group given.
    UnknownCategory,
    /// Not a known cost group.
    UnknownGroup,
    /// Not a known revenue source.
    UnknownRevenueSource,
    /// Not an outcome of an application (`přijat`, `odmítnut`, `čeká`,
    /// `zpět vzal`).
    UnknownOutcome,
    /// Not a reason of § 91(3) Act 108/2006 (`a`, `b`, `c` or its words).
    UnknownRefusalReason,
    /// A value outside its allowed range; the range in words.
    OutOfRange(String),
    /// A negative value where none is allowed.
    Negative,
    /// An id or code already used on an earlier row.
    DuplicateId,
    /// A worker id not in `Pracovníci`.
    UnknownWorker,
    /// A client id not in `Klienti`.
    UnknownClient,
    /// A task code neither built in nor in `Úkony`.
    UnknownTask,
    /// A client task (statutory or optional) without a client.
    ClientTaskWithoutClient,
    /// Neither start and end nor minutes.
    NoDuration,
    /// Only one of start and end, and no minutes.
    OneTimeOnly,
    /// A negative duration.
    NegativeDuration,
    /// An application decided before it was made.
    DecidedBeforeApplied,
    /// An applicant still waiting, with a decision date.
    WaitingButDecided,
    /// A refusal's reason on an application that was not refused.
    ReasonWithoutRefusal,
    /// An IČO with a wrong check digit or length.
    InvalidIco,
    /// A text longer than the library keeps.
    TooLong,
    /// A benchmark for an indicator id the library does not compute.
    UnknownIndicator,
    /// A `Model` row naming no parameter of the normative model.
    UnknownParameter,
    /// A benchmark whose minimum is above its maximum.
    BoundsReversed,
    /// A benchmark valid to a date before it is valid from.
    PeriodReversed,
    /// A benchmark with none of minimum, maximum and target.
    NoBound,
    /// A `Limity` row whose kind (`Druh`) is none of the known ones.
    UnknownLawKind,
    /// A `Limity` row naming tasks for a kind that applies to none (an
    /// hourly cap, a meal cap, an on-cost, leave), or a task the decree
    /// does not bill that way (a per-kg cap for `c2`).
    TasksNotApplicable,
    /// A `Sloučení` row naming no assumption of a merger study.
    UnknownAssumption,
    /// An assumption (or a pair of municipalities, or a task of the stated
    /// price list) already given on an earlier row, whose place the string
    /// names: the first is kept, this one rejected (a study never takes
    /// one of two differing values without a word).
    GivenBefore(String),
    /// A `Uznatelné` cell that is not yes or no: the line is kept, its
    /// eligibility by the built-in rules (a notice).
    EligibleUnread,
    /// A `Sloučení` parameter not known but close to one (the string): a
    /// typo, whose effect the study holds back.
    SimilarAssumption(String),
    /// A `Sloupce` row naming no sheet kind of ours.
    UnknownSheetKind,
    /// A `Sloupce` row naming no column of its sheet kind.
    UnknownColumnName,
    /// A `Sloupce` row whose input header no input sheet of its kind has.
    MappedHeaderNotFound,
    /// A `Sloupce` row naming a file (or file and sheet) that is not among
    /// the inputs.
    UnknownInputFile,
    /// A CSV record with another number of fields than its header: its
    /// values would land in the wrong columns.
    RaggedRow {
        /// Fields in the record.
        fields: u32,
        /// Fields in the header.
        header: u32,
    },
    /// A `Výsledovka` or `Účtová mapa` cell that is neither an account
    /// (`521`, `521.100`, `521100`) nor a budget item (`5011`): a title, a
    /// group's or class's subtotal.
    NotAnAccount,
    /// An account of a class that is neither costs nor revenues
    /// (balance-sheet and closing accounts; a budget's taxes, capital
    /// income and spending, financing).
    AccountClassNotUsed,
    /// An account the account map excludes: not a cost or revenue of the
    /// service (a transfer to the organisation keeping the service's
    /// accounts, investment money, a returned transfer).
    AccountExcluded,
    /// A `Účtová mapa` row whose target does not fit its account: a cost
    /// account needs a category, a revenue account a source (and not both).
    AccountMapMismatch,
}

impl Reason {
    /// True for reasons that reject a row; false for notices.
    pub fn is_rejection(&self) -> bool {
        !matches!(
            self,
            Reason::IgnoredColumn
                | Reason::SameColumnAgain(_)
                | Reason::IgnoredSheet
                | Reason::HiddenSheet
                | Reason::TotalsRow
                | Reason::ErrorInUnusedColumn
                | Reason::UnknownProviderKey
                | Reason::NegativeCorrection
                | Reason::ReadAsCsv { .. }
                | Reason::Undecodable(_)
                | Reason::EligibleUnread
                | Reason::ResidentsBelowClients { .. }
        )
    }

    /// A stable snake_case id for JSON and tests.
    pub fn id(&self) -> &'static str {
        match self {
            Reason::IgnoredColumn => "ignored_column",
            Reason::SameColumnAgain(_) => "same_column_again",
            Reason::IgnoredSheet => "ignored_sheet",
            Reason::TotalsRow => "totals_row",
            Reason::ErrorInUnusedColumn => "error_in_unused_column",
            Reason::UnknownProviderKey => "unknown_provider_key",
            Reason::NegativeCorrection => "negative_correction",
            Reason::Missing => "missing",
            Reason::ErrorCell => "error_cell",
            Reason::NotANumber => "not_a_number",
            Reason::NotAnInteger => "not_an_integer",
            Reason::NotADate => "not_a_date",
            Reason::NumberNotADate => "number_not_a_date",
            Reason::NotATime => "not_a_time",
            Reason::NotADuration => "not_a_duration",
            Reason::NotYesNo => "not_yes_no",
            Reason::UnknownDegree => "unknown_degree",
            Reason::UnknownRole => "unknown_role",
            Reason::UnknownUnit => "unknown_unit",
            Reason::UnknownKind => "unknown_kind",
            Reason::UnknownCategory => "unknown_category",
            Reason::UnknownGroup => "unknown_group",
            Reason::UnknownRevenueSource => "unknown_revenue_source",
            Reason::OutOfRange(_) => "out_of_range",
            Reason::Negative => "negative",
            Reason::DuplicateId => "duplicate_id",
            Reason::UnknownWorker => "unknown_worker",
            Reason::UnknownClient => "unknown_client",
            Reason::UnknownTask => "unknown_task",
            Reason::ClientTaskWithoutClient => "client_task_without_client",
            Reason::NoDuration => "no_duration",
            Reason::OneTimeOnly => "one_time_only",
            Reason::NegativeDuration => "negative_duration",
            Reason::InvalidIco => "invalid_ico",
            Reason::TooLong => "too_long",
            Reason::UnknownIndicator => "unknown_indicator",
            Reason::UnknownParameter => "unknown_parameter",
            Reason::HiddenSheet => "hidden_sheet",
            Reason::BoundsReversed => "bounds_reversed",
            Reason::PeriodReversed => "period_reversed",
            Reason::NoBound => "no_bound",
            Reason::UnknownLawKind => "unknown_law_kind",
            Reason::TasksNotApplicable => "tasks_not_applicable",
            Reason::UnknownAssumption => "unknown_assumption",
            Reason::GivenBefore(_) => "given_before",
            Reason::EligibleUnread => "eligible_unread",
            Reason::SimilarAssumption(_) => "similar_assumption",
            Reason::ReadAsCsv { .. } => "read_as_csv",
            Reason::Undecodable(_) => "undecodable",
            Reason::RaggedRow { .. } => "ragged_row",
            Reason::UnknownSheetKind => "unknown_sheet_kind",
            Reason::UnknownColumnName => "unknown_column_name",
            Reason::MappedHeaderNotFound => "mapped_header_not_found",
            Reason::UnknownInputFile => "unknown_input_file",
            Reason::NotAnAccount => "not_an_account",
            Reason::AccountClassNotUsed => "account_class_not_used",
            Reason::AccountExcluded => "account_excluded",
            Reason::AccountMapMismatch => "account_map_mismatch",
            Reason::ResidentsBelowClients { .. } => "residents_below_clients",
            Reason::UnknownOutcome => "unknown_outcome",
            Reason::UnknownRefusalReason => "unknown_refusal_reason",
            Reason::DecidedBeforeApplied => "decided_before_applied",
            Reason::WaitingButDecided => "waiting_but_decided",
            Reason::ReasonWithoutRefusal => "reason_without_refusal",
        }
    }

    /// The reason in plain words, in Czech or English.
    pub fn message(&self, lang: Lang) -> String {
        self.text().get(lang).to_string()
    }

    /// The reason in plain words, in both languages.
    pub fn text(&self) -> Text {
        let (cs, en) = match self {
            Reason::OutOfRange(range) => {
                return Text {
                    cs: format!("mimo povolený rozsah {range}"),
                    en: format!("outside the allowed range {range}"),
                };
            }
            Reason::ReadAsCsv {
                encoding,
                delimiter,
            } => {
                let (cs, en) = match delimiter {
                    b';' => ("středník (;)", "semicolon (;)"),
                    b',' => ("čárka (,)", "comma (,)"),
                    b'\t' => ("tabulátor", "tab"),
                    _ => ("svislá čára (|)", "vertical bar (|)"),
                };
                return Text {
                    cs: format!("načteno jako CSV: kódování {encoding}, oddělovač {cs}"),
                    en: format!("read as CSV: encoding {encoding}, delimiter {en}"),
                };
            }
            Reason::Undecodable(encoding) => {
                return Text {
                    cs: format!(
                        "bajty, pro které kódování {encoding} nemá znak, nahrazeny; řádek ponechán"
                    ),
                    en: format!(
                        "bytes the encoding {encoding} has no character for, replaced; the row kept"
                    ),
                };
            }
            Reason::RaggedRow { fields, header } => {
                return Text {
                    cs: format!(
                        "řádek má {fields} polí, záhlaví {header}: hodnoty by byly v jiných sloupcích"
                    ),
                    en: format!(
                        "the record has {fields} fields, the header {header}: values would land in other columns"
                    ),
                };
            }
            Reason::SimilarAssumption(name) => {
                return Text::new(
                    format!("neznámý předpoklad, nejspíš „{name}“: jeho účinek se nepočítá"),
                    format!(
                        "unknown assumption, most likely \"{name}\": its effect is not worked out"
                    ),
                );
            }
            Reason::EligibleUnread => {
                return Text::new(
                    "není ano/ne: náklad zůstává, jeho uznatelnost podle pravidel NV 98/2015",
                    "not yes/no: the cost stays, its eligibility by the rules of Regulation 98/2015",
                );
            }
            Reason::GivenBefore(first) => {
                return Text {
                    cs: format!("už zadáno v {first}; platí první zadání"),
                    en: format!("already given at {first}; the first is kept"),
                };
            }
            Reason::ResidentsBelowClients {
                age,
                clients,
                residents,
            } => {
                return Text {
                    cs: format!(
                        "obyvatel {age} ({residents}) je méně než klientů {age} obsloužených v obci ({clients}): údaje z jiného roku nebo jiné obce?"
                    ),
                    en: format!(
                        "fewer residents {age} ({residents}) than clients {age} served there ({clients}): figures of another year or municipality?"
                    ),
                };
            }
            Reason::SameColumnAgain(used) => {
                return Text {
                    cs: format!("znamená totéž co sloupec {used}, který se použije"),
                    en: format!("means the same as the column {used}, which is used"),
                };
            }
            Reason::IgnoredColumn
            | Reason::IgnoredSheet
            | Reason::HiddenSheet
            | Reason::TotalsRow
            | Reason::ErrorInUnusedColumn
            | Reason::UnknownProviderKey
            | Reason::NegativeCorrection => self.notice_words(),
            Reason::Missing
            | Reason::ErrorCell
            | Reason::NotANumber
            | Reason::NotAnInteger
            | Reason::NotADate
            | Reason::NumberNotADate
            | Reason::NotATime
            | Reason::NotADuration
            | Reason::NotYesNo
            | Reason::Negative
            | Reason::TooLong
            | Reason::InvalidIco => self.value_words(),
            Reason::UnknownDegree
            | Reason::UnknownRole
            | Reason::UnknownUnit
            | Reason::UnknownKind
            | Reason::UnknownCategory
            | Reason::UnknownGroup
            | Reason::UnknownRevenueSource
            | Reason::UnknownOutcome
            | Reason::UnknownRefusalReason => self.vocabulary_words(),
            Reason::DuplicateId
            | Reason::UnknownWorker
            | Reason::UnknownClient
            | Reason::UnknownTask
            | Reason::ClientTaskWithoutClient
            | Reason::NoDuration
            | Reason::OneTimeOnly
            | Reason::NegativeDuration
            | Reason::DecidedBeforeApplied
            | Reason::WaitingButDecided
            | Reason::ReasonWithoutRefusal => self.record_words(),
            Reason::UnknownParameter
            | Reason::UnknownIndicator
            | Reason::BoundsReversed
            | Reason::PeriodReversed
            | Reason::NoBound
            | Reason::UnknownLawKind
            | Reason::TasksNotApplicable
            | Reason::UnknownAssumption
            | Reason::UnknownSheetKind
            | Reason::UnknownColumnName
            | Reason::MappedHeaderNotFound
            | Reason::UnknownInputFile => self.reference_words(),
            Reason::NotAnAccount
            | Reason::AccountClassNotUsed
            | Reason::AccountExcluded
            | Reason::AccountMapMismatch => self.account_words(),
        };
        Text::new(cs, en)
    }

    /// Notices: a row or sheet set aside, nothing rejected.
    fn notice_words(&self) -> (&'static str, &'static str) {
        match self {
            Reason::IgnoredColumn => ("neznámý sloupec, nepoužije se", "unknown column, ignored"),
            Reason::IgnoredSheet => ("neznámý list, nepoužije se", "unknown sheet, ignored"),
            Reason::HiddenSheet => (
                "list je v sešitu skrytý; přesto byl načten",
                "the sheet is hidden in the workbook; it was read all the same",
            ),
            Reason::TotalsRow => ("řádek součtu, nesčítá se", "totals row, not summed"),
            Reason::ErrorInUnusedColumn => (
                "chybová hodnota v nepoužitém sloupci",
                "error value in a column that is not used",
            ),
            Reason::UnknownProviderKey => (
                "neznámý údaj o poskytovateli, nepoužije se",
                "unknown provider key, ignored",
            ),
            Reason::NegativeCorrection => (
                "záporná částka, započtena jako oprava",
                "negative amount, counted as a correction",
            ),
            // Not reached: `text` sends only the reasons above here.
            _ => ("", ""),
        }
    }

    /// A cell whose value cannot be read as the column needs.
    fn value_words(&self) -> (&'static str, &'static str) {
        match self {
            Reason::Missing => ("chybí povinná hodnota", "a required value is missing"),
            Reason::ErrorCell => (
                "chybová hodnota v buňce, kterou řádek potřebuje",
                "error value in a cell the row needs",
            ),
            Reason::NotANumber => ("není číslo", "not a number"),
            Reason::NotAnInteger => ("není celé číslo", "not a whole number"),
            Reason::NotADate => (
                "není datum (např. 1. 3. 2025 nebo 2025-03-01)",
                "not a date (e.g. 1. 3. 2025 or 2025-03-01)",
            ),
            Reason::NumberNotADate => (
                "číslo, které není formátované jako datum",
                "a number not formatted as a date",
            ),
            Reason::NotATime => ("není čas (např. 7:30)", "not a time of day (e.g. 7:30)"),
            Reason::NotADuration => (
                "není doba (minuty nebo h:mm)",
                "not a duration (minutes or h:mm)",
            ),
            Reason::NotYesNo => ("není ano/ne", "not yes/no"),
            Reason::Negative => ("záporná hodnota", "negative value"),
            Reason::TooLong => ("příliš dlouhý text", "text too long"),
            Reason::InvalidIco => (
                "neplatné IČO (8 číslic s kontrolní číslicí)",
                "invalid company ID (8 digits with a check digit)",
            ),
            // Not reached: `text` sends only the reasons above here.
            _ => ("", ""),
        }
    }

    /// A word outside the workbook's vocabulary (degrees, roles, units, …).
    fn vocabulary_words(&self) -> (&'static str, &'static str) {
        match self {
            Reason::UnknownDegree => (
                "neznámý stupeň příspěvku na péči (bez, I–IV)",
                "unknown care-allowance degree (none, I–IV)",
            ),
            Reason::UnknownRole => (
                "neznámá pozice (PSS, SP, VED, ADM, RID, ZDR, JIN)",
                "unknown role (PSS, SP, VED, ADM, RID, ZDR, JIN)",
            ),
            Reason::UnknownUnit => (
                "neznámá jednotka (hod, úkon, kg, porce, km)",
                "unknown unit (hod, úkon, kg, porce, km)",
            ),
            Reason::UnknownKind => (
                "neznámý úkon dle vyhlášky (a1–e2, CESTA, ADM, VZD, POR, FAK, JIN)",
                "unknown statutory task (a1–e2, CESTA, ADM, VZD, POR, FAK, JIN)",
            ),
            Reason::UnknownCategory => (
                "neznámá kategorie nákladů bez uvedené skupiny",
                "unknown cost category and no group given",
            ),
            Reason::UnknownGroup => (
                "neznámá skupina nákladů (osobní, provozní)",
                "unknown cost group (personnel, operating)",
            ),
            Reason::UnknownRevenueSource => (
                "neznámý zdroj výnosů (uhrady, mpsv, kraj, obec, verejne, jine)",
                "unknown revenue source (uhrady, mpsv, kraj, obec, verejne, jine)",
            ),
            Reason::UnknownOutcome => (
                "neznámý výsledek žádosti (přijat, odmítnut, čeká, zpět vzal)",
                "unknown outcome of the application (accepted, refused, waiting, withdrawn)",
            ),
            Reason::UnknownRefusalReason => (
                "neznámý důvod odmítnutí (a, b, c podle § 91 odst. 3 zákona 108/2006 Sb. nebo jeho slova)",
                "unknown reason of refusal (a, b, c of § 91(3) Act 108/2006 or its words)",
            ),
            // Not reached: `text` sends only the reasons above here.
            _ => ("", ""),
        }
    }

    /// A timesheet or catalogue row that breaks the records' rules.
    fn record_words(&self) -> (&'static str, &'static str) {
        match self {
            Reason::DuplicateId => (
                "kód už je použit na dřívějším řádku",
                "id already used on an earlier row",
            ),
            Reason::UnknownWorker => (
                "pracovník není na listu Pracovníci",
                "worker not in the Workers sheet",
            ),
            Reason::UnknownClient => (
                "klient není na listu Klienti",
                "client not in the Clients sheet",
            ),
            Reason::UnknownTask => ("neznámý kód úkonu", "unknown task code"),
            Reason::ClientTaskWithoutClient => (
                "úkon u klienta bez uvedeného klienta",
                "client task without a client",
            ),
            Reason::NoDuration => (
                "chybí doba: ani Od a Do, ani minuty",
                "no duration: neither start and end nor minutes",
            ),
            Reason::OneTimeOnly => (
                "jen jeden z časů Od/Do a žádné minuty",
                "only one of start/end and no minutes",
            ),
            Reason::NegativeDuration => ("záporná doba", "negative duration"),
            Reason::DecidedBeforeApplied => (
                "datum rozhodnutí je před datem žádosti",
                "decided before the application was made",
            ),
            Reason::WaitingButDecided => (
                "žadatel čeká, a přesto má datum rozhodnutí",
                "the applicant is waiting yet has a decision date",
            ),
            Reason::ReasonWithoutRefusal => (
                "důvod odmítnutí u žádosti, která odmítnuta nebyla",
                "a reason of refusal on an application that was not refused",
            ),
            // Not reached: `text` sends only the reasons above here.
            _ => ("", ""),
        }
    }

    /// A row of the reference sheets: `Model`, `Benchmarky`, `Limity`, `Sloučení`.
    fn reference_words(&self) -> (&'static str, &'static str) {
        match self {
            Reason::UnknownParameter => (
                "neznámý parametr modelu (viz list Model v šabloně)",
                "unknown model parameter (see the Model sheet of the template)",
            ),
            Reason::UnknownIndicator => (
                "neznámý ukazatel (viz seznam ukazatelů)",
                "unknown indicator id (see the list of indicators)",
            ),
            Reason::BoundsReversed => ("minimum je větší než maximum", "min is above max"),
            Reason::PeriodReversed => (
                "„Platí do“ je před „Platí od“",
                "valid to is before valid from",
            ),
            Reason::NoBound => (
                "chybí minimum, maximum i cíl",
                "none of min, max and target is given",
            ),
            Reason::UnknownLawKind => (
                "neznámý druh limitu (hodina, hodina nad 80 h, úkon, kg, oběd, celodenní strava, \
                 sociální pojištění, zdravotní pojištění, úrazové pojištění, FKSP, \
                 dovolená veřejný zaměstnavatel, dovolená ostatní)",
                "unknown kind of cap (hour, hour over 80 h, act, kg, lunch, full-day meals, \
                 social insurance, health insurance, accident insurance, FKSP, \
                 leave public employer, leave other employers)",
            ),
            Reason::TasksNotApplicable => (
                "úkony se uvádějí jen u druhů úkon a kg, a to úkony účtované za úkon, resp. za kg",
                "tasks are named only for the kinds act and kg, and only tasks billed per act or per kg",
            ),
            Reason::UnknownAssumption => (
                "neznámý předpoklad studie sloučení (viz docs/compare.md)",
                "unknown merger study assumption (see docs/compare.md)",
            ),
            Reason::UnknownSheetKind => (
                "neznámý list (Výkazy, Klienti, Pracovníci, Úkony, Ceník, Náklady, Výnosy, …)",
                "unknown sheet kind (Visits, Clients, Workers, Tasks, Prices, Costs, Revenues, …)",
            ),
            Reason::UnknownColumnName => (
                "tento list takový sloupec nemá (viz docs/workbook.md)",
                "that sheet has no such column (see docs/workbook.md)",
            ),
            Reason::MappedHeaderNotFound => (
                "záhlaví není v žádném vstupním listu tohoto druhu",
                "no input sheet of that kind has this header",
            ),
            Reason::UnknownInputFile => (
                "takový vstupní soubor (nebo list) není mezi vstupy",
                "no such input file (or sheet) among the inputs",
            ),
            // Not reached: `text` sends only the reasons above here.
            _ => ("", ""),
        }
    }
}

impl Reason {
    /// A row of the accounts (`Výsledovka`) or of the account map.
    fn account_words(&self) -> (&'static str, &'static str) {
        match self {
            Reason::NotAnAccount => (
                "není účet (521, 521.100, 521100) ani rozpočtová položka (5011); \
                 nadpisy a součty skupin se nesčítají",
                "not an account (521, 521.100, 521100) nor a budget item (5011); \
                 titles and group subtotals are not summed",
            ),
            Reason::AccountClassNotUsed => (
                "účet třídy, která není nákladem ani výnosem (účty tříd 1–4 a 7–9; \
                 rozpočtové položky tříd 1, 3, 6 a 8); nepoužije se",
                "an account of a class that is neither costs nor revenues (account classes \
                 1–4 and 7–9; budget classes 1, 3, 6 and 8); not used",
            ),
            Reason::AccountExcluded => (
                "podle účtové mapy není nákladem ani výnosem služby; nepoužije se",
                "by the account map not a cost or revenue of the service; not used",
            ),
            Reason::AccountMapMismatch => (
                "nákladový účet (třída 5) potřebuje kategorii, výnosový zdroj (ne obojí)",
                "a cost account (class 5) needs a category, a revenue account a source (not both)",
            ),
            // Not reached: `text` sends only the reasons above here.
            _ => ("", ""),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.message(Lang::En))
    }
}

/// One rejected row or notice: where, what was there, and why. (The JSON
/// also carries the reason's id as `kind` and whether the row was
/// rejected as `rejected`: both follow from the reason.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The cell (for a whole row, its first column).
    pub place: Place,
    /// The raw value as read (clipped to 200 characters).
    pub raw: String,
    /// Why (the English text in JSON; [`Reason::message`] for Czech).
    pub reason: Reason,
}

impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Problem", 5)?;
        st.serialize_field("place", &self.place)?;
        st.serialize_field("raw", &self.raw)?;
        st.serialize_field("reason", &self.reason)?;
        st.serialize_field("kind", self.kind())?;
        st.serialize_field("rejected", &self.is_rejected())?;
        st.end()
    }
}

impl Problem {
    /// A problem at `place` with the raw value and the reason.
    pub fn new(place: Place, raw: impl AsRef<str>, reason: Reason) -> Problem {
        Problem {
            place,
            raw: crate::display::clip(raw.as_ref(), 200),
            reason,
        }
    }

    /// The reason's stable id, e.g. `not_a_date`.
    pub fn kind(&self) -> &'static str {
        self.reason.id()
    }

    /// `true` when the row was rejected, `false` for a notice.
    pub fn is_rejected(&self) -> bool {
        self.reason.is_rejection()
    }

    /// The problem as one line for an auditor: `Výkazy!D17 „abc“: není číslo`.
    pub fn describe(&self, lang: Lang) -> String {
        if self.raw.is_empty() {
            format!("{}: {}", self.place, self.reason.message(lang))
        } else {
            match lang {
                Lang::Cs => format!(
                    "{} „{}“: {}",
                    self.place,
                    self.raw,
                    self.reason.message(lang)
                ),
                Lang::En => format!(
                    "{} \"{}\": {}",
                    self.place,
                    self.raw,
                    self.reason.message(lang)
                ),
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// The count of data rows of one sheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RowCount {
    /// Data rows read (below the header; not empty, not totals).
    pub read: u64,
    /// Rows accepted into the dataset.
    pub accepted: u64,
    /// Rows rejected, each with a problem.
    pub rejected: u64,
}

impl RowCount {
    /// True when every row read was either accepted or rejected.
    pub fn balances(&self) -> bool {
        self.read == self.accepted + self.rejected
    }
}

/// Everything reading could not use, and the row accounting per sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Problems {
    /// Row counts per sheet, keyed by the canonical Czech sheet name
    /// (`Výkazy`, `Klienti`, …).
    pub rows: BTreeMap<String, RowCount>,
    /// Rejections and notices, in the order they were found.
    pub list: Vec<Problem>,
    /// Row counts per input file and sheet (file name → canonical sheet
    /// name → count): where a provider's records came in several files,
    /// each file's own part of [`Problems::rows`].
    pub rows_by_file: BTreeMap<String, BTreeMap<String, RowCount>>,
}

impl Problems {
    /// An empty set.
    pub fn new() -> Problems {
        Problems::default()
    }

    /// Adds a sheet's row count, read from the input file `file`.
    pub fn count_rows(&mut self, sheet: &str, file: &str, count: RowCount) {
        let total = self.rows.entry(sheet.to_string()).or_default();
        total.read += count.read;
        total.accepted += count.accepted;
        total.rejected += count.rejected;
        self.rows_by_file
            .entry(file.to_string())
            .or_default()
            .insert(sheet.to_string(), count);
    }

    /// Only the rejections.
    pub fn rejections(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| p.is_rejected())
    }

    /// Only the notices.
    pub fn notices(&self) -> impl Iterator<Item = &Problem> {
        self.list.iter().filter(|p| !p.is_rejected())
    }

    /// True when no row was rejected.
    pub fn no_rejections(&self) -> bool {
        self.rejections().next().is_none()
    }

    /// The row count of a sheet by its canonical Czech name.
    pub fn count(&self, sheet: &str) -> RowCount {
        self.rows.get(sheet).copied().unwrap_or_default()
    }

    pub(crate) fn push(&mut self, p: Problem) {
        self.list.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_names_place_raw_and_reason_in_both_languages() {
        let p = Problem::new(Place::new("Výkazy", 17, 3), "abc", Reason::NotANumber);
        assert_eq!(p.describe(Lang::Cs), "Výkazy!D17 „abc“: není číslo");
        assert_eq!(p.describe(Lang::En), "Výkazy!D17 \"abc\": not a number");
        assert!(p.is_rejected());
        assert_eq!(p.kind(), "not_a_number");
        let n = Problem::new(
            Place::new("Klienti", 1, 9),
            "Poznámka",
            Reason::IgnoredColumn,
        );
        assert!(!n.is_rejected());
    }

    /// Every reason once. The match fails to compile when a reason is
    /// added and not listed here.
    fn every_reason() -> Vec<Reason> {
        use Reason::*;
        let all = vec![
            IgnoredColumn,
            IgnoredSheet,
            HiddenSheet,
            TotalsRow,
            ErrorInUnusedColumn,
            UnknownProviderKey,
            NegativeCorrection,
            Missing,
            ErrorCell,
            NotANumber,
            NotAnInteger,
            NotADate,
            NumberNotADate,
            NotATime,
            NotADuration,
            NotYesNo,
            UnknownDegree,
            UnknownRole,
            UnknownUnit,
            UnknownKind,
            UnknownCategory,
            UnknownGroup,
            UnknownRevenueSource,
            OutOfRange("1–2".into()),
            SameColumnAgain("Pracovník".into()),
            Negative,
            DuplicateId,
            UnknownWorker,
            UnknownClient,
            UnknownTask,
            ClientTaskWithoutClient,
            NoDuration,
            OneTimeOnly,
            NegativeDuration,
            InvalidIco,
            TooLong,
            UnknownIndicator,
            UnknownParameter,
            BoundsReversed,
            PeriodReversed,
            NoBound,
            UnknownLawKind,
            TasksNotApplicable,
            UnknownAssumption,
            GivenBefore("Sloučení!B2".into()),
            EligibleUnread,
            SimilarAssumption("ceník".into()),
            ReadAsCsv {
                encoding: "UTF-8",
                delimiter: b';',
            },
            Undecodable("UTF-8"),
            UnknownSheetKind,
            UnknownColumnName,
            MappedHeaderNotFound,
            UnknownInputFile,
            RaggedRow {
                fields: 3,
                header: 4,
            },
            NotAnAccount,
            AccountClassNotUsed,
            AccountExcluded,
            AccountMapMismatch,
            ResidentsBelowClients {
                age: "65+",
                clients: 3,
                residents: 2,
            },
            UnknownOutcome,
            UnknownRefusalReason,
            DecidedBeforeApplied,
            WaitingButDecided,
            ReasonWithoutRefusal,
        ];
        for r in &all {
            match r {
                IgnoredColumn
                | IgnoredSheet
                | HiddenSheet
                | TotalsRow
                | ErrorInUnusedColumn
                | UnknownProviderKey
                | NegativeCorrection
                | Missing
                | ErrorCell
                | NotANumber
                | NotAnInteger
                | NotADate
                | NumberNotADate
                | NotATime
                | NotADuration
                | NotYesNo
                | UnknownDegree
                | UnknownRole
                | UnknownUnit
                | UnknownKind
                | UnknownCategory
                | UnknownGroup
                | UnknownRevenueSource
                | OutOfRange(_)
                | SameColumnAgain(_)
                | Negative
                | DuplicateId
                | UnknownWorker
                | UnknownClient
                | UnknownTask
                | ClientTaskWithoutClient
                | NoDuration
                | OneTimeOnly
                | NegativeDuration
                | InvalidIco
                | TooLong
                | UnknownIndicator
                | UnknownParameter
                | BoundsReversed
                | PeriodReversed
                | NoBound
                | UnknownLawKind
                | TasksNotApplicable
                | UnknownAssumption
                | GivenBefore(_)
                | EligibleUnread
                | SimilarAssumption(_)
                | ReadAsCsv { .. }
                | Undecodable(_)
                | UnknownSheetKind
                | UnknownColumnName
                | MappedHeaderNotFound
                | UnknownInputFile
                | RaggedRow { .. }
                | NotAnAccount
                | AccountClassNotUsed
                | AccountExcluded
                | AccountMapMismatch
                | ResidentsBelowClients { .. }
                | UnknownOutcome
                | UnknownRefusalReason
                | DecidedBeforeApplied
                | WaitingButDecided
                | ReasonWithoutRefusal => {}
            }
        }
        all
    }

    #[test]
    fn every_reason_has_words_in_both_languages_and_its_own_id() {
        let all = every_reason();
        let mut ids: Vec<&str> = all.iter().map(Reason::id).collect();
        for r in &all {
            let t = r.text();
            assert!(!t.cs.is_empty() && !t.en.is_empty(), "{}", r.id());
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }
}
