//! The validated dataset, and the builder that validates it.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::model::client::Client;
use crate::model::finance::{CostLine, Price, RevenueLine};
use crate::model::ids::{ClientId, IdMap, TaskId, WorkerId};
use crate::model::provider::Provider;
use crate::model::task::{Task, TaskCatalog};
use crate::model::visit::Visit;
use crate::model::worker::Worker;
use crate::period::Period;
use crate::place::Place;
use crate::problem::Reason;

/// Where a dataset came from: the input file (or files), their SHA-256,
/// which sheet of which file gave each of our sheets, and which input
/// header gave each column used.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The input file's name, when read from a file (the first of several).
    pub file_name: Option<String>,
    /// SHA-256 of the input bytes (lower-case hex), when read from bytes
    /// (the first of several inputs; each is in [`Provenance::inputs`]).
    pub sha256: Option<String>,
    /// Canonical Czech sheet name → the name as written in the workbook
    /// (empty for a CSV file, which has no sheets).
    pub sheets: BTreeMap<String, String>,
    /// True when the workbook counts dates from 1904.
    pub date_1904: bool,
    /// Every input file read, in the order given.
    #[serde(default)]
    pub inputs: Vec<InputFile>,
    /// Canonical Czech sheet name → the input file that gave it, where
    /// places must name their file (several inputs, or a CSV file).
    #[serde(default)]
    pub sheet_files: BTreeMap<String, String>,
    /// Which input header (and file) gave each of our columns, sheet by
    /// sheet.
    #[serde(default)]
    pub columns: Vec<ColumnOrigin>,
}

/// One input file of a provider's records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFile {
    /// The file's name.
    pub file_name: String,
    /// SHA-256 of its bytes (lower-case hex).
    pub sha256: Option<String>,
    /// Its format: `xlsx`, `xls`, `xlsb`, `ods` or `csv`.
    pub format: String,
    /// A CSV file's encoding and delimiter as found (`windows-1250`, `;`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialect: Option<String>,
    /// The column mapping alone was read from it (`--mapping`).
    #[serde(default)]
    pub mapping_only: bool,
}

/// Where one of our columns came from: the sheet kind, the column, the
/// header as the input writes it, and its file and sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnOrigin {
    /// Our sheet's canonical Czech name (`Výkazy`).
    pub sheet: String,
    /// Our column's Czech name (`ID klienta`).
    pub column: String,
    /// The header as the input writes it (`Uživatel`).
    pub header: String,
    /// The input's file and sheet (`vykazy.csv`, `mzdy.xlsx/Zaměstnanci`,
    /// or the sheet alone for the one workbook).
    pub input: String,
    /// True when the auditor's column mapping (`Sloupce`) said so.
    pub mapped: bool,
}

impl Provenance {
    /// The sheet's name as written in the workbook, else the canonical name.
    pub fn sheet_name<'a>(&'a self, canonical: &'a str) -> &'a str {
        self.sheets
            .get(canonical)
            .map(String::as_str)
            .unwrap_or(canonical)
    }

    /// The place of a cell of one of our sheets (by its canonical name) in
    /// the input: `Výkazy!A17`, `a.xlsx/Výkazy!A17` or `vykazy.csv:17`.
    ///
    /// ```
    /// use homecare_audit::model::Provenance;
    /// let mut p = Provenance::default();
    /// assert_eq!(p.place("Výkazy", 17, 0).to_string(), "Výkazy!A17");
    /// p.sheets.insert("Výkazy".into(), String::new());
    /// p.sheet_files.insert("Výkazy".into(), "vykazy.csv".into());
    /// assert_eq!(p.place("Výkazy", 17, 0).to_string(), "vykazy.csv:17");
    /// ```
    pub fn place(&self, canonical: &str, row: u32, col: u32) -> Place {
        let sheet = self.sheet_name(canonical);
        match self.sheet_files.get(canonical) {
            Some(file) if sheet.is_empty() => Place::csv(file.as_str(), row, col, None),
            Some(file) => Place::new(sheet, row, col).in_file(file.as_str()),
            None => Place::new(sheet, row, col),
        }
    }
}

/// A list of the provider's records that the timesheet refers to and that
/// the records may come without: a timesheet alone is enough to audit.
///
/// Without the list, the clients (or workers) are those the timesheet
/// names, by their ids as written and with nothing else known; an
/// indicator that needs what only the list holds is "not available" with
/// [`RecordList::missing`] as the reason
/// ([`indicator::catalog::needs_list`](crate::indicator::catalog::needs_list)
/// says which).
///
/// ```
/// use homecare_audit::model::RecordList;
/// assert_eq!(RecordList::Clients.sheet(), "Klienti");
/// assert_eq!(RecordList::Workers.missing().en, "no Workers sheet (Pracovníci): no staff list");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordList {
    /// The client list, sheet `Klienti`: care-allowance degree, birth year,
    /// lives alone, at risk, fee exemption, contract dates.
    Clients,
    /// The staff list, sheet `Pracovníci`: role, FTE, weekly hours,
    /// employment dates, absence, training, personnel cost.
    Workers,
}

impl RecordList {
    /// Both lists, clients first.
    pub const ALL: [RecordList; 2] = [RecordList::Clients, RecordList::Workers];

    /// The sheet's canonical Czech name (`Klienti`, `Pracovníci`).
    pub fn sheet(self) -> &'static str {
        match self {
            RecordList::Clients => "Klienti",
            RecordList::Workers => "Pracovníci",
        }
    }

    /// The sheet's English name (`Clients`, `Workers`).
    pub fn sheet_en(self) -> &'static str {
        match self {
            RecordList::Clients => "Clients",
            RecordList::Workers => "Workers",
        }
    }

    /// The list in words, in both languages (`seznam klientů`, `client
    /// list`).
    pub fn name(self) -> crate::i18n::Text {
        match self {
            RecordList::Clients => crate::i18n::Text::new("seznam klientů", "client list"),
            RecordList::Workers => crate::i18n::Text::new("seznam pracovníků", "staff list"),
        }
    }

    /// Why a figure that needs the list is not available when the records
    /// came without it.
    pub fn missing(self) -> crate::i18n::Text {
        let name = self.name();
        crate::i18n::Text::new(
            format!("chybí list {} ({})", self.sheet(), name.cs),
            format!(
                "no {} sheet ({}): no {}",
                self.sheet_en(),
                self.sheet(),
                name.en
            ),
        )
    }
}

/// A provider's validated records: everything the audit needs.
///
/// Every id in it resolves; every duration is known. Build one from a
/// workbook with [`workbook::read_path`](crate::workbook::read_path) or in code with
/// [`Dataset::builder`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// The provider.
    pub provider: Provider,
    /// Clients; a [`ClientId`] indexes this vector.
    pub clients: Vec<Client>,
    /// Workers; a [`WorkerId`] indexes this vector.
    pub workers: Vec<Worker>,
    /// The task catalogue.
    pub tasks: TaskCatalog,
    /// Timesheet rows, in input order.
    pub visits: Vec<Visit>,
    /// The provider's price list (may be empty).
    pub prices: Vec<Price>,
    /// Costs; `None` when no `Náklady` sheet was given (cost indicators are
    /// then "not available", never zero).
    pub costs: Option<Vec<CostLine>>,
    /// Revenues; `None` when no `Výnosy` sheet was given.
    pub revenues: Option<Vec<RevenueLine>>,
    /// When costs or revenues came from the accounts (`Výsledovka`): the
    /// sheet, the account map and every rule applied. Not serialised (a
    /// rule's origin names the cell it was read from); the audit report
    /// carries it.
    #[serde(skip)]
    pub accounts: Option<crate::model::AccountsUsed>,
    /// Benchmark rows from the input's own `Benchmarky` sheet (empty when
    /// it has none). The audit uses them with the built-in set; see
    /// [`BenchmarkSet`](crate::BenchmarkSet).
    #[serde(default)]
    pub benchmarks: Vec<super::Benchmark>,
    /// Legal rows from the input's own `Limity` sheet (empty when it has
    /// none): they take precedence over the built-in tables from their
    /// dates on (see [`Dataset::law_tables`]). Not serialised: a row's
    /// origin names the file and cell it was read from.
    #[serde(skip)]
    pub law: Vec<crate::law::LawRow>,
    /// Parameters of the normative price model from the input's `Model`
    /// sheet; `None` when it has none (the audit then uses
    /// [`NormativeParams::example_cz`](crate::model::NormativeParams::example_cz)
    /// and says so).
    #[serde(default)]
    pub normative: Option<crate::model::NormativeParams>,
    /// A region's financing method from the input's `Financování` sheet
    /// (or `--financing FILE`): empty when none was given, and the
    /// indicators that need it are then not available.
    #[serde(default, skip)]
    pub financing: Vec<crate::model::FinancingParam>,
    /// The service's area from the input's `Území` sheet: residents 65+
    /// and 80+ by municipality; `None` when no such sheet was given (the
    /// reach indicators are then not available, never 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Vec<crate::model::AreaRow>>,
    /// Applications for a contract from the input's `Žadatelé` sheet;
    /// `None` when no such sheet was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicants: Option<Vec<crate::model::Applicant>>,
    /// The lists the records came without (no `Klienti` or no `Pracovníci`
    /// sheet): the clients or workers are then only those the timesheet
    /// names. An absent list is not a list given empty: the indicators
    /// that need it are "not available", never 0.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub absent_lists: BTreeSet<RecordList>,
    /// Where it came from.
    pub source: Provenance,
}

impl Dataset {
    /// A builder for a dataset made in code.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use homecare_audit::{CareDegree, Client, Dataset, Role, Visit, Worker};
    /// use rust_decimal::Decimal;
    ///
    /// let mut b = Dataset::builder();
    /// let w = b.worker(Worker::new("P1", Role::Pss, Decimal::ONE))?;
    /// let c = b.client(Client::new("K1").with_care_allowance(CareDegree::II))?;
    /// let a1 = b.find_task("a1").unwrap();
    /// let day = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    /// b.visit(Visit::new(day, w, Some(c), a1, 30 * 60))?;
    /// let ds = b.build();
    /// assert_eq!(ds.visits.len(), 1);
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn builder() -> DatasetBuilder {
        DatasetBuilder::new()
    }

    /// Whether the records came with `list` (see [`RecordList`]).
    pub fn has_list(&self, list: RecordList) -> bool {
        !self.absent_lists.contains(&list)
    }

    /// The legal tables an audit of this dataset applies by default: the
    /// built-in rows and the rows of its own `Limity` sheet.
    pub fn law_tables(&self) -> crate::law::LawTables {
        let mut t = crate::law::LawTables::built_in();
        t.extend(self.law.iter().cloned());
        t
    }

    /// The audit period: the provider's, else first..last visit date;
    /// `None` when neither is known.
    pub fn period(&self) -> Option<Period> {
        if let Some(p) = self.provider.period {
            return Some(p);
        }
        let from = self.visits.iter().map(|v| v.date).min()?;
        let to = self.visits.iter().map(|v| v.date).max()?;
        Period::new(from, to)
    }

    /// The client of an id.
    pub fn client(&self, id: ClientId) -> &Client {
        &self.clients[id.index()]
    }

    /// The worker of an id.
    pub fn worker(&self, id: WorkerId) -> &Worker {
        &self.workers[id.index()]
    }

    /// The task of an id.
    pub fn task(&self, id: TaskId) -> &Task {
        self.tasks.get(id)
    }

    /// Finds a client by the provider's id.
    pub fn find_client(&self, id: &str) -> Option<ClientId> {
        let key = id_key(id);
        self.clients
            .iter()
            .position(|c| c.id == key)
            .map(|i| ClientId(i as u32))
    }

    /// Finds a worker by the provider's id.
    pub fn find_worker(&self, id: &str) -> Option<WorkerId> {
        let key = id_key(id);
        self.workers
            .iter()
            .position(|w| w.id == key)
            .map(|i| WorkerId(i as u32))
    }
}

/// `id` in `map`, the last one found first. Ids are never removed, so a
/// cached id stays right.
fn cached<T: Copy>(
    last: &std::cell::RefCell<Option<(String, T)>>,
    map: &IdMap<T>,
    id: &str,
) -> Option<T> {
    let key = id_key_cow(id);
    if let Some((k, v)) = last.borrow().as_ref()
        && k == key.as_ref()
    {
        return Some(*v);
    }
    let found = map.get(key.as_ref()).copied()?;
    // The cached key's buffer reused: a miss does not allocate.
    let mut last = last.borrow_mut();
    match last.as_mut() {
        Some((k, v)) => {
            k.clear();
            k.push_str(&key);
            *v = found;
        }
        None => *last = Some((key.into_owned(), found)),
    }
    Some(found)
}

/// Ids are compared as written, after trimming and folding no-break spaces.
pub(crate) fn id_key(id: &str) -> String {
    id_key_cow(id).into_owned()
}

/// [`id_key`] without allocating when the id is already clean (visible
/// ASCII only, the common case).
fn id_key_cow(id: &str) -> std::borrow::Cow<'_, str> {
    if id.bytes().all(|b| b.is_ascii_graphic()) {
        return id.into();
    }
    id.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .replace(['\u{a0}', '\u{202f}'], " ")
        .into()
}

/// Longest id or text the library keeps (characters).
pub(crate) const MAX_TEXT: usize = 500;

/// Builds a [`Dataset`], validating each record as it is added.
///
/// The workbook reader uses this same builder, so a dataset built in code
/// obeys exactly the rules of one read from a file.
#[derive(Debug)]
pub struct DatasetBuilder {
    ds: Dataset,
    /// The account map for `Výsledovka` rows: built in, with the auditor's
    /// rules added (made when first needed).
    account_map: Option<crate::model::AccountMap>,
    /// The auditor's `Účtová mapa` sheet, once it gave a rule.
    account_map_sheet: Option<String>,
    clients: IdMap<ClientId>,
    workers: IdMap<WorkerId>,
    /// The last worker and client found: a timesheet comes sorted by
    /// worker and day, so most rows name the one of the row before, found
    /// by one comparison instead of a hash (behind `&self`).
    last_worker: std::cell::RefCell<Option<(String, WorkerId)>>,
    last_client: std::cell::RefCell<Option<(String, ClientId)>>,
}

/// An amount within ±[`MAX_NUMBER`](crate::model::MAX_NUMBER), as the
/// reader accepts it.
fn within_bound(amount: Decimal) -> Result<(), Error> {
    if amount.abs() > super::MAX_NUMBER {
        return Err(invalid(amount, Reason::OutOfRange("±10¹²".into())));
    }
    Ok(())
}

fn invalid(raw: impl std::fmt::Display, reason: Reason) -> Error {
    Error::new(ErrorKind::Invalid {
        raw: raw.to_string(),
        reason,
    })
}

impl Default for DatasetBuilder {
    fn default() -> Self {
        DatasetBuilder::new()
    }
}

impl DatasetBuilder {
    /// An empty dataset with the built-in task catalogue and a default
    /// provider.
    pub fn new() -> DatasetBuilder {
        DatasetBuilder {
            ds: Dataset {
                provider: Provider::default(),
                clients: Vec::new(),
                workers: Vec::new(),
                tasks: TaskCatalog::builtin(),
                visits: Vec::new(),
                prices: Vec::new(),
                costs: None,
                revenues: None,
                accounts: None,
                benchmarks: Vec::new(),
                law: Vec::new(),
                normative: None,
                financing: Vec::new(),
                area: None,
                applicants: None,
                absent_lists: BTreeSet::new(),
                source: Provenance::default(),
            },
            account_map: None,
            account_map_sheet: None,
            clients: IdMap::default(),
            workers: IdMap::default(),
            last_worker: Default::default(),
            last_client: Default::default(),
        }
    }

    /// Sets the provider.
    pub fn provider(&mut self, provider: Provider) -> &mut Self {
        self.ds.provider = provider;
        self
    }

    /// Sets where the data came from.
    pub fn source(&mut self, source: Provenance) -> &mut Self {
        self.ds.source = source;
        self
    }

    /// Adds a client.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::Missing`] for an empty id,
    /// [`Reason::TooLong`] for an id over 500 characters,
    /// [`Reason::DuplicateId`] for an id already added.
    pub fn client(&mut self, mut client: Client) -> Result<ClientId, Error> {
        client.id = checked_id(&client.id)?;
        if self.clients.contains_key(&client.id) {
            return Err(invalid(&client.id, Reason::DuplicateId));
        }
        let id = ClientId(self.ds.clients.len() as u32);
        self.clients.insert(client.id.clone(), id);
        self.ds.clients.push(client);
        Ok(id)
    }

    /// Adds a worker.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] for an empty, too long or repeated id, an FTE
    /// outside (0, 1.5] or weekly hours other than 40, 38.75, 37.5.
    pub fn worker(&mut self, mut worker: Worker) -> Result<WorkerId, Error> {
        worker.id = checked_id(&worker.id)?;
        if self.workers.contains_key(&worker.id) {
            return Err(invalid(&worker.id, Reason::DuplicateId));
        }
        check_fte(worker.fte)?;
        if let Some(h) = worker.weekly_hours {
            check_weekly_hours(h)?;
        }
        let id = WorkerId(self.ds.workers.len() as u32);
        self.workers.insert(worker.id.clone(), id);
        self.ds.workers.push(worker);
        Ok(id)
    }

    /// Declares that the records come without `list` (no `Klienti` or no
    /// `Pracovníci` sheet): [`DatasetBuilder::timesheet_client`] and
    /// [`DatasetBuilder::timesheet_worker`] then add the clients or workers
    /// the timesheet names, and the audit says which indicators the list
    /// would make available.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use homecare_audit::model::RecordList;
    /// use homecare_audit::{Dataset, Visit};
    ///
    /// let mut b = Dataset::builder();
    /// b.without_list(RecordList::Clients).without_list(RecordList::Workers);
    /// let w = b.timesheet_worker("Nováková")?;
    /// let k = b.timesheet_client("K-7")?;
    /// assert_eq!(b.timesheet_client("K-7")?, k); // named again: the same client
    /// let b1 = b.find_task("b1").unwrap();
    /// let day = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    /// b.visit(Visit::new(day, w, Some(k), b1, 45 * 60))?;
    /// let ds = b.build();
    /// assert!(!ds.has_list(RecordList::Workers));
    /// assert_eq!(ds.workers[0].id, "Nováková");
    /// assert_eq!(ds.clients[0].care_allowance, None); // nothing else known
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    pub fn without_list(&mut self, list: RecordList) -> &mut Self {
        self.ds.absent_lists.insert(list);
        self
    }

    /// Whether the records come with `list` (not declared absent with
    /// [`DatasetBuilder::without_list`]).
    pub fn has_list(&self, list: RecordList) -> bool {
        !self.ds.absent_lists.contains(&list)
    }

    /// The worker a timesheet row names: the one added with this id, or,
    /// when the records come without a staff list
    /// ([`DatasetBuilder::without_list`]), a new worker with only the id
    /// ([`Worker::unlisted`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::UnknownWorker`] for an id not
    /// added while there is a staff list; as [`DatasetBuilder::worker`] for
    /// an empty or too long id.
    pub fn timesheet_worker(&mut self, id: &str) -> Result<WorkerId, Error> {
        if let Some(w) = self.find_worker(id) {
            return Ok(w);
        }
        if self.ds.absent_lists.contains(&RecordList::Workers) {
            return self.worker(Worker::unlisted(id));
        }
        Err(invalid(id, Reason::UnknownWorker))
    }

    /// The client a timesheet row names: the one added with this id, or,
    /// when the records come without a client list
    /// ([`DatasetBuilder::without_list`]), a new client with only the id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::UnknownClient`] for an id not
    /// added while there is a client list; as [`DatasetBuilder::client`]
    /// for an empty or too long id.
    pub fn timesheet_client(&mut self, id: &str) -> Result<ClientId, Error> {
        if let Some(c) = self.find_client(id) {
            return Ok(c);
        }
        if self.ds.absent_lists.contains(&RecordList::Clients) {
            return self.client(Client::new(id));
        }
        Err(invalid(id, Reason::UnknownClient))
    }

    /// Adds a provider's task code to the catalogue.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::DuplicateId`] when the code is
    /// taken (see [`TaskCatalog::add`]), [`Reason::Missing`] for an empty
    /// code.
    pub fn task(&mut self, mut task: Task) -> Result<TaskId, Error> {
        task.code = checked_id(&task.code)?;
        self.ds.tasks.add(task)
    }

    /// Adds a timesheet row.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::UnknownWorker`],
    /// [`Reason::UnknownClient`] or [`Reason::UnknownTask`] for ids not from
    /// this builder, [`Reason::ClientTaskWithoutClient`] for a statutory or
    /// optional task without a client, [`Reason::Negative`] for a negative
    /// quantity or fee, [`Reason::OutOfRange`] for one over
    /// [`MAX_NUMBER`](crate::model::MAX_NUMBER), a start that is not a
    /// time of day (86 400 seconds or more) or a date outside the years
    /// 0–9999 (what a workbook can hold; the audit keeps tables per day of
    /// the period, and chrono's dates span half a million years).
    pub fn visit(&mut self, visit: Visit) -> Result<(), Error> {
        if let Some(s) = visit.start
            && s >= 86_400
        {
            return Err(invalid(s, Reason::OutOfRange("< 86 400 s".into())));
        }
        if !(0..=9999).contains(&chrono::Datelike::year(&visit.date)) {
            return Err(invalid(visit.date, Reason::OutOfRange("0–9999".into())));
        }
        if visit.worker.index() >= self.ds.workers.len() {
            return Err(invalid(visit.worker.0, Reason::UnknownWorker));
        }
        if let Some(c) = visit.client
            && c.index() >= self.ds.clients.len()
        {
            return Err(invalid(c.0, Reason::UnknownClient));
        }
        if visit.task.index() >= self.ds.tasks.len() {
            return Err(invalid(visit.task.0, Reason::UnknownTask));
        }
        let task = self.ds.tasks.get(visit.task);
        if task.kind.needs_client() && visit.client.is_none() {
            return Err(invalid(&task.code, Reason::ClientTaskWithoutClient));
        }
        if visit.quantity.is_sign_negative() && !visit.quantity.is_zero() {
            return Err(invalid(visit.quantity, Reason::Negative));
        }
        if let Some(fee) = visit.fee
            && fee.is_sign_negative()
            && !fee.is_zero()
        {
            return Err(invalid(fee, Reason::Negative));
        }
        for x in [Some(visit.quantity), visit.fee].into_iter().flatten() {
            if x > super::MAX_NUMBER {
                return Err(invalid(x, Reason::OutOfRange("≤ 10¹²".into())));
            }
        }
        self.ds.visits.push(visit);
        Ok(())
    }

    /// Adds a price.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::UnknownTask`] or
    /// [`Reason::Negative`].
    pub fn price(&mut self, price: Price) -> Result<(), Error> {
        if price.task.index() >= self.ds.tasks.len() {
            return Err(invalid(price.task.0, Reason::UnknownTask));
        }
        if price.price.is_sign_negative() && !price.price.is_zero() {
            return Err(invalid(price.price, Reason::Negative));
        }
        if price.price > super::MAX_NUMBER {
            return Err(invalid(price.price, Reason::OutOfRange("≤ 10¹²".into())));
        }
        self.ds.prices.push(price);
        Ok(())
    }

    /// Marks costs as given (an empty `Náklady` sheet means "no costs",
    /// which differs from "costs not given").
    pub fn costs_given(&mut self) -> &mut Self {
        self.ds.costs.get_or_insert_with(Vec::new);
        self
    }

    /// Marks revenues as given.
    pub fn revenues_given(&mut self) -> &mut Self {
        self.ds.revenues.get_or_insert_with(Vec::new);
        self
    }

    /// Adds a cost line (and marks costs as given).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::OutOfRange`] for an amount
    /// beyond ±[`MAX_NUMBER`](crate::model::MAX_NUMBER), the reader's bound
    /// (it keeps every sum the audit makes inside `Decimal`'s range).
    pub fn cost(&mut self, line: CostLine) -> Result<(), Error> {
        within_bound(line.amount)?;
        self.ds.costs.get_or_insert_with(Vec::new).push(line);
        Ok(())
    }

    /// Sets one parameter of the normative model (starting from
    /// [`NormativeParams::example_cz`](crate::model::NormativeParams::example_cz)
    /// for the ones not given); false for an unknown id.
    pub fn normative_param(&mut self, id: &str, value: Decimal, source: Option<String>) -> bool {
        let p = self
            .ds
            .normative
            .get_or_insert_with(crate::model::NormativeParams::example_cz);
        if !p.set(id, value) {
            return false;
        }
        p.sources.insert(
            id.to_string(),
            source.unwrap_or_else(|| "zadáno bez zdroje / given without a source".into()),
        );
        true
    }

    /// Adds a legal row from the input's own `Limity` sheet.
    pub fn law_row(&mut self, row: crate::law::LawRow) -> &mut Self {
        self.ds.law.push(row);
        self
    }

    /// Adds a row of a region's financing method (`Financování`).
    pub fn financing(&mut self, row: crate::model::FinancingParam) -> &mut Self {
        self.ds.financing.push(row);
        self
    }

    /// Marks the area as given (an `Území` sheet, even an empty one).
    pub fn area_given(&mut self) -> &mut Self {
        self.ds.area.get_or_insert_with(Vec::new);
        self
    }

    /// Adds a municipality of the service's area (`Území`).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::OutOfRange`] when its residents
    /// 80+ exceed those 65+, its care-allowance recipients 65+ exceed its
    /// residents 65+, or its residents in all are fewer than those 65+;
    /// with [`Reason::GivenBefore`] when the municipality is already in the
    /// area (the first is kept).
    pub fn area(&mut self, row: crate::model::AreaRow) -> Result<(), Error> {
        if row.residents_80 > row.residents_65 {
            return Err(invalid(
                row.residents_80,
                Reason::OutOfRange("≤ Obyvatel 65+".into()),
            ));
        }
        if let Some(a) = row.allowance_65.filter(|a| *a > row.residents_65) {
            return Err(invalid(a, Reason::OutOfRange("≤ Obyvatel 65+".into())));
        }
        if let Some(t) = row.residents_total.filter(|t| *t < row.residents_65) {
            return Err(invalid(t, Reason::OutOfRange("≥ Obyvatel 65+".into())));
        }
        let area = self.ds.area.get_or_insert_with(Vec::new);
        if let Some(first) = area.iter().find(|a| a.is(&row.municipality)) {
            let at = if first.row > 0 {
                format!(
                    "{}, řádek {}",
                    crate::place::SheetKind::Area.cs(),
                    first.row
                )
            } else {
                first.municipality.clone()
            };
            return Err(invalid(&row.municipality, Reason::GivenBefore(at)));
        }
        area.push(row);
        Ok(())
    }

    /// Marks the applicants as given (a `Žadatelé` sheet, even an empty
    /// one).
    pub fn applicants_given(&mut self) -> &mut Self {
        self.ds.applicants.get_or_insert_with(Vec::new);
        self
    }

    /// Adds an application (`Žadatelé`).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::DecidedBeforeApplied`] when
    /// the decision is dated before the application,
    /// [`Reason::WaitingButDecided`] for an applicant still waiting with a
    /// decision date, [`Reason::ReasonWithoutRefusal`] for a refusal's
    /// reason on an application not refused.
    pub fn applicant(&mut self, a: crate::model::Applicant) -> Result<(), Error> {
        use crate::model::Outcome;
        if let Some(d) = a.decided {
            if d < a.applied {
                return Err(invalid(d, Reason::DecidedBeforeApplied));
            }
            if a.outcome == Outcome::Waiting {
                return Err(invalid(d, Reason::WaitingButDecided));
            }
        }
        if a.reason.is_some() && a.outcome != Outcome::Refused {
            return Err(invalid(
                a.reason.map(|r| r.letter()).unwrap_or_default(),
                Reason::ReasonWithoutRefusal,
            ));
        }
        self.ds.applicants.get_or_insert_with(Vec::new).push(a);
        Ok(())
    }

    /// Adds a benchmark row from the input's own `Benchmarky` sheet.
    pub fn benchmark(&mut self, row: super::Benchmark) -> &mut Self {
        self.ds.benchmarks.push(row);
        self
    }

    /// Adds a revenue line (and marks revenues as given).
    ///
    /// # Errors
    ///
    /// As [`DatasetBuilder::cost`].
    pub fn revenue(&mut self, line: RevenueLine) -> Result<(), Error> {
        within_bound(line.amount)?;
        self.ds.revenues.get_or_insert_with(Vec::new).push(line);
        Ok(())
    }

    /// Adds the auditor's rule to the account map (from a `Účtová mapa`
    /// sheet, named `map_sheet`): it beats the built-in rules for its
    /// account from then on.
    ///
    /// ```
    /// use homecare_audit::model::{Account, AccountRule, AccountUse, Chart, RuleOrigin};
    /// use homecare_audit::{Dataset, Place, RevenueSource};
    /// use rust_decimal::Decimal;
    /// let mut b = Dataset::builder();
    /// b.account_rule("Účtová mapa", AccountRule {
    ///     chart: Chart::Accounts,
    ///     code: "691".into(),
    ///     analytic: Some("100".into()),
    ///     name: "dotace MPSV".into(),
    ///     target: AccountUse::Revenue { source: RevenueSource::Mpsv },
    ///     source: "smlouva o dotaci".into(),
    ///     verified: true,
    ///     origin: RuleOrigin::Sheet { place: Place::new("Účtová mapa", 2, 0) },
    ///     eligible: None,
    /// })?;
    /// b.account("Výsledovka", &Account::parse("691.100", false).unwrap(), Decimal::from(500), None, 3)?;
    /// let ds = b.build();
    /// assert_eq!(ds.revenues.unwrap()[0].source, RevenueSource::Mpsv);
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::DuplicateId`] when the sheet
    /// already gave a rule for the same account.
    pub fn account_rule(
        &mut self,
        map_sheet: &str,
        rule: crate::model::AccountRule,
    ) -> Result<(), Error> {
        let map = self
            .account_map
            .get_or_insert_with(crate::model::AccountMap::built_in);
        let key = crate::model::Account {
            chart: rule.chart,
            code: rule.code.clone(),
            analytic: rule.analytic.clone(),
        };
        if map.users_rule(&key).is_some() {
            return Err(invalid(rule.key(), Reason::DuplicateId));
        }
        map.push(rule);
        self.account_map_sheet = Some(map_sheet.to_string());
        Ok(())
    }

    /// Adds one row of the accounts (`Výsledovka`, named `sheet`): the
    /// account map's rule for the account makes it a cost line or a
    /// revenue line (`name` becomes the cost line's note beside the
    /// account), and the rule's use is counted for the report.
    ///
    /// ```
    /// use homecare_audit::model::Account;
    /// use homecare_audit::{CostCategory, CostGroup, Dataset};
    /// use rust_decimal::Decimal;
    /// let mut b = Dataset::builder();
    /// let wages = Account::parse("521.100", false).unwrap();
    /// b.account("Výsledovka", &wages, Decimal::from(1_000), Some("Mzdy PSS"), 5)?;
    /// let ds = b.build();
    /// let line = &ds.costs.unwrap()[0];
    /// assert_eq!((line.category.clone(), line.group), (CostCategory::Wages, CostGroup::Personnel));
    /// assert_eq!(line.note.as_deref(), Some("521.100 Mzdy PSS"));
    /// # Ok::<(), homecare_audit::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] with [`Reason::AccountClassNotUsed`] for an
    /// account of a class that is neither costs nor revenues,
    /// [`Reason::AccountExcluded`] when the map's rule excludes it, and as
    /// [`DatasetBuilder::cost`] for the amount.
    pub fn account(
        &mut self,
        sheet: &str,
        account: &crate::model::Account,
        amount: Decimal,
        name: Option<&str>,
        row: u32,
    ) -> Result<(), Error> {
        use crate::model::AccountUse;
        if account.side().is_none() {
            return Err(invalid(account, Reason::AccountClassNotUsed));
        }
        within_bound(amount)?;
        let rule = self
            .account_map
            .get_or_insert_with(crate::model::AccountMap::built_in)
            .find(account)
            .cloned()
            // Not reached: every class of a side has a class-wide rule.
            .ok_or_else(|| invalid(account, Reason::AccountClassNotUsed))?;
        match &rule.target {
            AccountUse::Cost { category, group } => self.cost(CostLine {
                category: category.clone(),
                group: *group,
                amount,
                note: Some(match name {
                    Some(n) => format!("{account} {n}"),
                    None => account.to_string(),
                }),
                account: Some(account.to_string()),
                eligible: rule.eligible,
                row,
            })?,
            AccountUse::Revenue { source } => self.revenue(RevenueLine {
                source: *source,
                amount,
                row,
            })?,
            AccountUse::Excluded => return Err(invalid(account, Reason::AccountExcluded)),
        }
        let map_sheet = &self.account_map_sheet;
        self.ds
            .accounts
            .get_or_insert_with(|| crate::model::AccountsUsed {
                sheet: sheet.to_string(),
                map_sheet: map_sheet.clone(),
                rules: Vec::new(),
            })
            .count(&rule, amount);
        Ok(())
    }

    /// Finds a client added so far.
    pub fn find_client(&self, id: &str) -> Option<ClientId> {
        cached(&self.last_client, &self.clients, id)
    }

    /// Finds a worker added so far.
    pub fn find_worker(&self, id: &str) -> Option<WorkerId> {
        cached(&self.last_worker, &self.workers, id)
    }

    /// Finds a task code (built-in or added), folded.
    pub fn find_task(&self, code: &str) -> Option<TaskId> {
        self.ds.tasks.find(code)
    }

    /// The catalogue so far.
    pub fn tasks(&self) -> &TaskCatalog {
        &self.ds.tasks
    }

    /// Reserves room for `n` more visits (a hint; capped by the caller).
    pub fn reserve_visits(&mut self, n: usize) {
        self.ds.visits.reserve(n);
    }

    /// The dataset.
    pub fn build(self) -> Dataset {
        self.ds
    }
}

fn checked_id(raw: &str) -> Result<String, Error> {
    let id = id_key(raw);
    if id.is_empty() {
        return Err(invalid(raw, Reason::Missing));
    }
    if id.chars().count() > MAX_TEXT {
        return Err(invalid(crate::display::clip(raw, 50), Reason::TooLong));
    }
    Ok(id)
}

/// FTE must be in (0, 1.5].
pub(crate) fn check_fte(fte: Decimal) -> Result<(), Error> {
    if fte <= Decimal::ZERO || fte > Decimal::new(15, 1) {
        return Err(invalid(fte, Reason::OutOfRange("(0; 1,5]".into())));
    }
    Ok(())
}

/// Weekly hours of a full-time post: 40, 38.75 or 37.5 (Labour Code §79).
pub(crate) fn check_weekly_hours(h: Decimal) -> Result<(), Error> {
    let allowed = [
        Decimal::from(40),
        Decimal::new(3875, 2),
        Decimal::new(375, 1),
    ];
    if !allowed.contains(&h) {
        return Err(invalid(h, Reason::OutOfRange("40; 38,75; 37,5".into())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Client, Role, Worker};
    use chrono::NaiveDate;

    /// A builder with worker P1 and client K1, and a 10-minute b1 visit of
    /// theirs on a date.
    fn p1_k1() -> (DatasetBuilder, impl Fn(NaiveDate) -> Visit) {
        let mut b = Dataset::builder();
        let w = b
            .worker(Worker::new("P1", Role::Pss, Decimal::ONE))
            .unwrap();
        let k = b.client(Client::new("K1")).unwrap();
        let b1 = b.find_task("b1").unwrap();
        (b, move |day| Visit::new(day, w, Some(k), b1, 600))
    }

    fn out_of_range(e: &Error) -> bool {
        matches!(
            e.kind(),
            ErrorKind::Invalid {
                reason: Reason::OutOfRange(_),
                ..
            }
        )
    }

    #[test]
    fn a_start_must_be_a_time_of_day() {
        // 23:59:59 is 86 399 s, the last start; 86 400 is the next midnight.
        let (mut b, visit) = p1_k1();
        let day = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        assert!(b.visit(visit(day).with_start(86_399)).is_ok());
        for start in [86_400, u32::MAX] {
            let e = b.visit(visit(day).with_start(start)).unwrap_err();
            assert!(out_of_range(&e), "{e:?}");
        }
        assert_eq!(b.build().visits.len(), 1);
    }

    #[test]
    fn a_date_must_be_in_the_years_a_workbook_holds() {
        let (mut b, visit) = p1_k1();
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(b.visit(visit(ymd(0, 1, 1))).is_ok());
        assert!(b.visit(visit(ymd(9999, 12, 31))).is_ok());
        for day in [ymd(-1, 12, 31), ymd(10_000, 1, 1), NaiveDate::MAX] {
            let e = b.visit(visit(day)).unwrap_err();
            assert!(out_of_range(&e), "{e:?}");
        }
        assert_eq!(b.build().visits.len(), 2);
    }
}
