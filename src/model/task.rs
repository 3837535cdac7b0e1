//! The task catalogue: statutory tasks of Decree 505/2006 §6, non-client
//! kinds of time, and the provider's own codes mapped onto them.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::matching::fold;
use crate::model::ids::{IdMap, TaskId};

/// The five groups of basic activities of §40(2) Act 108/2006.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskGroup {
    /// a) help with everyday self-care.
    A,
    /// b) personal hygiene.
    B,
    /// c) meals.
    C,
    /// d) household.
    D,
    /// e) contact with the social environment.
    E,
}

impl TaskGroup {
    /// All groups in order.
    pub const ALL: [TaskGroup; 5] = [
        TaskGroup::A,
        TaskGroup::B,
        TaskGroup::C,
        TaskGroup::D,
        TaskGroup::E,
    ];

    /// The letter: `a` … `e`.
    pub fn letter(self) -> &'static str {
        match self {
            TaskGroup::A => "a",
            TaskGroup::B => "b",
            TaskGroup::C => "c",
            TaskGroup::D => "d",
            TaskGroup::E => "e",
        }
    }
}

/// How the decree caps the fee of a statutory task (§6(2)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FeeBasis {
    /// Per hour, reduced proportionally for less.
    Hour,
    /// Per act (meal delivery c2, big shopping d6).
    Act,
    /// Per kg (laundry d7, d8).
    Kg,
    /// Per meal (c1).
    Meal,
}

/// The unit in which a catalogue task is counted (`Jednotka`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskUnit {
    /// `hod`: hours.
    Hour,
    /// `úkon`: acts.
    Act,
    /// `kg`.
    Kg,
    /// `porce`: portions.
    Portion,
    /// `km`.
    Km,
}

impl TaskUnit {
    /// Reads `hod`, `úkon`, `kg`, `porce`, `km` (and English words), folded.
    pub fn parse(s: &str) -> Option<TaskUnit> {
        Some(match fold(s).as_str() {
            "hod" | "h" | "hodina" | "hodiny" | "hour" | "hours" => TaskUnit::Hour,
            "ukon" | "ukony" | "act" | "acts" => TaskUnit::Act,
            "kg" => TaskUnit::Kg,
            "porce" | "portion" | "portions" | "meal" | "jidlo" => TaskUnit::Portion,
            "km" => TaskUnit::Km,
            _ => return None,
        })
    }
}

/// One of the statutory tasks `a1`..`e2` of Decree 505/2006 §6(1) (the
/// numbering in force since 1.1.2014).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatutoryTask(u8);

struct StatutoryRow {
    code: &'static str,
    group: TaskGroup,
    unit: FeeBasis,
    cs: &'static str,
    en: &'static str,
}

const fn row(
    code: &'static str,
    group: TaskGroup,
    unit: FeeBasis,
    cs: &'static str,
    en: &'static str,
) -> StatutoryRow {
    StatutoryRow {
        code,
        group,
        unit,
        cs,
        en,
    }
}

use FeeBasis as U;
use TaskGroup as G;

/// Decree 505/2006 §6(1) as amended by Decree 389/2013 (from 1.1.2014);
/// billing units from §6(2) (docs/law.md, verified).
static STATUTORY: [StatutoryRow; 21] = [
    row(
        "a1",
        G::A,
        U::Hour,
        "pomoc a podpora při podávání jídla a pití",
        "help with eating and drinking",
    ),
    row(
        "a2",
        G::A,
        U::Hour,
        "pomoc při oblékání a svlékání",
        "help with dressing and undressing",
    ),
    row(
        "a3",
        G::A,
        U::Hour,
        "pomoc při prostorové orientaci a pohybu ve vnitřním prostoru",
        "help with orientation and moving indoors",
    ),
    row(
        "a4",
        G::A,
        U::Hour,
        "pomoc při přesunu na lůžko nebo vozík",
        "help with transfer to bed or wheelchair",
    ),
    row(
        "b1",
        G::B,
        U::Hour,
        "pomoc při úkonech osobní hygieny",
        "help with personal hygiene",
    ),
    row(
        "b2",
        G::B,
        U::Hour,
        "pomoc při základní péči o vlasy a nehty",
        "help with hair and nail care",
    ),
    row(
        "b3",
        G::B,
        U::Hour,
        "pomoc při použití WC",
        "help with using the WC",
    ),
    row(
        "c1",
        G::C,
        U::Meal,
        "zajištění stravy odpovídající věku a dietě",
        "providing meals",
    ),
    row(
        "c2",
        G::C,
        U::Act,
        "dovoz nebo donáška jídla",
        "meal delivery",
    ),
    row(
        "c3",
        G::C,
        U::Hour,
        "pomoc při přípravě jídla a pití",
        "help preparing food and drink",
    ),
    row(
        "c4",
        G::C,
        U::Hour,
        "příprava a podání jídla a pití",
        "preparing and serving food and drink",
    ),
    row(
        "d1",
        G::D,
        U::Hour,
        "běžný úklid a údržba domácnosti",
        "ordinary cleaning and upkeep",
    ),
    row(
        "d2",
        G::D,
        U::Hour,
        "pomoc při zajištění velkého úklidu",
        "help with a big clean",
    ),
    row("d3", G::D, U::Hour, "donáška vody", "fetching water"),
    row(
        "d4",
        G::D,
        U::Hour,
        "topení v kamnech",
        "heating in a stove",
    ),
    row(
        "d5",
        G::D,
        U::Hour,
        "běžné nákupy a pochůzky",
        "ordinary shopping and errands",
    ),
    row("d6", G::D, U::Act, "velký nákup", "big shopping"),
    row(
        "d7",
        G::D,
        U::Kg,
        "praní a žehlení ložního prádla",
        "washing and ironing bed linen",
    ),
    row(
        "d8",
        G::D,
        U::Kg,
        "praní a žehlení osobního prádla",
        "washing and ironing personal laundry",
    ),
    row(
        "e1",
        G::E,
        U::Hour,
        "doprovázení dětí do školy a k lékaři",
        "accompanying children",
    ),
    row(
        "e2",
        G::E,
        U::Hour,
        "doprovázení dospělých k lékaři a na úřady",
        "accompanying adults",
    ),
];

impl StatutoryTask {
    /// Every statutory task in decree order.
    pub fn all() -> impl Iterator<Item = StatutoryTask> {
        (0..STATUTORY.len() as u8).map(StatutoryTask)
    }

    /// Looks up `a1`..`e2` (folded: `A1`, ` a1 ` also match).
    pub fn from_code(code: &str) -> Option<StatutoryTask> {
        let f = fold(code);
        STATUTORY
            .iter()
            .position(|r| r.code == f)
            .map(|i| StatutoryTask(i as u8))
    }

    fn row(self) -> &'static StatutoryRow {
        &STATUTORY[self.0 as usize]
    }

    /// The code, `a1` … `e2`.
    pub fn code(self) -> &'static str {
        self.row().code
    }

    /// The group a–e.
    pub fn group(self) -> TaskGroup {
        self.row().group
    }

    /// How the decree caps its fee.
    pub fn fee_basis(self) -> FeeBasis {
        self.row().unit
    }

    /// The decree's wording (shortened), in Czech or English.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        lang.pick(self.row().cs, self.row().en)
    }
}

impl Serialize for StatutoryTask {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for StatutoryTask {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        StatutoryTask::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown statutory task {s}")))
    }
}

/// What a catalogue code means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// A statutory task `a1`..`e2` (direct care time).
    Statutory(StatutoryTask),
    /// `FAK`: optional (fakultativní) service, priced by the provider.
    Optional,
    /// `CESTA`: travel.
    Travel,
    /// `ADM`: administration.
    Admin,
    /// `VZD`: training.
    Training,
    /// `POR`: meetings and supervision.
    Meetings,
    /// `JIN`: other non-client time.
    Other,
}

/// Which kind of time a task's duration is (docs/indicators.md, "Kinds of time").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// Statutory tasks.
    Direct,
    /// `FAK`.
    Optional,
    /// `CESTA` (plus every row's travel minutes).
    Travel,
    /// `ADM`, `VZD`, `POR`, `JIN`.
    Indirect,
}

impl TaskKind {
    /// Reads a statutory code or a non-client kind (`CESTA`, `ADM`, `VZD`,
    /// `POR`, `FAK`, `JIN`), folded.
    ///
    /// ```
    /// use homecare_audit::TaskKind;
    /// assert!(matches!(TaskKind::parse("B1"), Some(TaskKind::Statutory(_))));
    /// assert_eq!(TaskKind::parse("cesta"), Some(TaskKind::Travel));
    /// assert_eq!(TaskKind::parse("x9"), None);
    /// ```
    pub fn parse(s: &str) -> Option<TaskKind> {
        if let Some(t) = StatutoryTask::from_code(s) {
            return Some(TaskKind::Statutory(t));
        }
        Some(match fold(s).as_str() {
            "cesta" => TaskKind::Travel,
            "adm" => TaskKind::Admin,
            "vzd" => TaskKind::Training,
            "por" => TaskKind::Meetings,
            "fak" => TaskKind::Optional,
            "jin" => TaskKind::Other,
            _ => return None,
        })
    }

    /// The code of the kind: `a1`, `CESTA`, `FAK`, …
    pub fn code(self) -> &'static str {
        match self {
            TaskKind::Statutory(t) => t.code(),
            TaskKind::Optional => "FAK",
            TaskKind::Travel => "CESTA",
            TaskKind::Admin => "ADM",
            TaskKind::Training => "VZD",
            TaskKind::Meetings => "POR",
            TaskKind::Other => "JIN",
        }
    }

    /// True for tasks done for a client (statutory and optional): such a
    /// row needs a client.
    pub fn needs_client(self) -> bool {
        matches!(self, TaskKind::Statutory(_) | TaskKind::Optional)
    }

    /// The kind of time.
    pub fn time_kind(self) -> TimeKind {
        match self {
            TaskKind::Statutory(_) => TimeKind::Direct,
            TaskKind::Optional => TimeKind::Optional,
            TaskKind::Travel => TimeKind::Travel,
            TaskKind::Admin | TaskKind::Training | TaskKind::Meetings | TaskKind::Other => {
                TimeKind::Indirect
            }
        }
    }

    /// The statutory task, if it is one.
    pub fn statutory(self) -> Option<StatutoryTask> {
        match self {
            TaskKind::Statutory(t) => Some(t),
            _ => None,
        }
    }

    fn default_unit(self) -> TaskUnit {
        match self {
            TaskKind::Statutory(t) => match t.fee_basis() {
                FeeBasis::Hour => TaskUnit::Hour,
                FeeBasis::Act => TaskUnit::Act,
                FeeBasis::Kg => TaskUnit::Kg,
                FeeBasis::Meal => TaskUnit::Portion,
            },
            _ => TaskUnit::Hour,
        }
    }

    fn name_cs(self) -> &'static str {
        match self {
            TaskKind::Statutory(t) => t.name(crate::Lang::Cs),
            TaskKind::Optional => "fakultativní služba",
            TaskKind::Travel => "cesta",
            TaskKind::Admin => "administrativa",
            TaskKind::Training => "vzdělávání",
            TaskKind::Meetings => "porady a supervize",
            TaskKind::Other => "jiná činnost",
        }
    }
}

/// One code of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// The code as written (`a1`, `PSD`, …).
    pub code: String,
    /// Name.
    pub name: String,
    /// What the code means.
    pub kind: TaskKind,
    /// Unit of quantity.
    pub unit: TaskUnit,
    /// True for the built-in codes.
    pub builtin: bool,
}

impl Task {
    /// A provider's code mapped onto a kind, with the kind's default unit.
    pub fn new(code: impl Into<String>, name: impl Into<String>, kind: TaskKind) -> Task {
        Task {
            code: code.into(),
            name: name.into(),
            kind,
            unit: kind.default_unit(),
            builtin: false,
        }
    }
}

/// The task catalogue: built-in codes (`a1`..`e2` and the non-client kinds)
/// plus the provider's own codes. Codes are matched folded (`A1` = `a1`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CatalogRepr")]
pub struct TaskCatalog {
    tasks: Vec<Task>,
    #[serde(skip)]
    index: IdMap<TaskId>,
}

/// The serialised form: the tasks alone; the index is rebuilt on load.
#[derive(Deserialize)]
struct CatalogRepr {
    tasks: Vec<Task>,
}

impl From<CatalogRepr> for TaskCatalog {
    fn from(r: CatalogRepr) -> TaskCatalog {
        let index = r
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (fold(&t.code), TaskId(i as u32)))
            .collect();
        TaskCatalog {
            tasks: r.tasks,
            index,
        }
    }
}

impl Default for TaskCatalog {
    fn default() -> Self {
        TaskCatalog::builtin()
    }
}

impl TaskCatalog {
    /// The built-in catalogue: every statutory code and every non-client kind.
    pub fn builtin() -> TaskCatalog {
        let mut cat = TaskCatalog {
            tasks: Vec::new(),
            index: IdMap::default(),
        };
        let kinds = StatutoryTask::all().map(TaskKind::Statutory).chain([
            TaskKind::Optional,
            TaskKind::Travel,
            TaskKind::Admin,
            TaskKind::Training,
            TaskKind::Meetings,
            TaskKind::Other,
        ]);
        for kind in kinds {
            let mut t = Task::new(kind.code(), kind.name_cs(), kind);
            t.builtin = true;
            cat.index
                .insert(fold(&t.code), TaskId(cat.tasks.len() as u32));
            cat.tasks.push(t);
        }
        cat
    }

    /// Adds a provider's code. A code that is already present is refused,
    /// unless it repeats a built-in code with the same meaning (then its name
    /// and unit replace the built-in ones).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) with
    /// [`Reason::DuplicateId`](crate::Reason::DuplicateId) when the code is
    /// already in the catalogue with another meaning, or twice from the
    /// provider.
    pub fn add(&mut self, task: Task) -> Result<TaskId, crate::Error> {
        let key = fold(&task.code);
        if let Some(&id) = self.index.get(&key) {
            let existing = &mut self.tasks[id.index()];
            if existing.builtin && existing.kind == task.kind {
                existing.name = task.name;
                existing.unit = task.unit;
                existing.builtin = false;
                return Ok(id);
            }
            return Err(crate::Error::new(crate::ErrorKind::Invalid {
                raw: task.code,
                reason: crate::Reason::DuplicateId,
            }));
        }
        let id = TaskId(self.tasks.len() as u32);
        self.index.insert(key, id);
        self.tasks.push(task);
        Ok(id)
    }

    /// Finds a code (folded).
    pub fn find(&self, code: &str) -> Option<TaskId> {
        // Codes as written (`b1`, `CESTA`) are short ASCII without white
        // space or dots: folding them is lower-casing, done here without
        // allocating (the timesheet looks a code up once a row).
        let b = code.as_bytes();
        if b.len() <= 32 && b.iter().all(|&c| c.is_ascii_graphic() && c != b'.') {
            let mut buf = [0u8; 32];
            let lower = &mut buf[..b.len()];
            lower.copy_from_slice(b);
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower)
                .ok()
                .and_then(|k| self.index.get(k))
                .copied();
        }
        self.index.get(&fold(code)).copied()
    }

    /// The task of an id.
    ///
    /// # Panics
    ///
    /// When the id is not from this catalogue.
    pub fn get(&self, id: TaskId) -> &Task {
        &self.tasks[id.index()]
    }

    /// Every task, built-in first, in id order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// True when empty (never, for a catalogue built from `builtin`).
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_found_whatever_their_case_dots_and_spaces() {
        let t = TaskCatalog::builtin();
        let b1 = t.find("b1").expect("b1 is built in");
        // Short ASCII codes are lower-cased without folding …
        assert_eq!(t.find("B1"), Some(b1));
        assert_eq!(t.find("CESTA"), t.find("cesta"));
        assert!(t.find("cesta").is_some());
        // … the rest folds: dots dropped, spaces trimmed, diacritics off.
        assert_eq!(t.find("b.1"), Some(b1));
        assert_eq!(t.find(" b1 "), Some(b1));
        assert_eq!(t.find("b\u{a0}1"), None); // "b 1" is not "b1"
        assert_eq!(t.find("zz9"), None);
    }

    #[test]
    fn builtin_holds_every_statutory_code_with_its_billing_unit() {
        let cat = TaskCatalog::builtin();
        assert_eq!(cat.len(), 21 + 6);
        let unit = |c: &str| {
            cat.get(cat.find(c).unwrap())
                .kind
                .statutory()
                .unwrap()
                .fee_basis()
        };
        // §6(2): per act c2, d6; per kg d7, d8; per meal c1; hourly the rest.
        assert_eq!(unit("c2"), FeeBasis::Act);
        assert_eq!(unit("D6"), FeeBasis::Act);
        assert_eq!(unit("d7"), FeeBasis::Kg);
        assert_eq!(unit("d8"), FeeBasis::Kg);
        assert_eq!(unit("c1"), FeeBasis::Meal);
        for h in ["a1", "a4", "b3", "c3", "c4", "d1", "d5", "e1", "e2"] {
            assert_eq!(unit(h), FeeBasis::Hour, "{h}");
        }
    }

    #[test]
    fn provider_codes_extend_and_may_not_redefine() {
        let mut cat = TaskCatalog::builtin();
        let psd = cat
            .add(Task::new(
                "PSD",
                "Dovoz obědů",
                TaskKind::parse("c2").unwrap(),
            ))
            .unwrap();
        assert_eq!(cat.find("psd"), Some(psd));
        let e = cat
            .add(Task::new("psd", "again", TaskKind::Travel))
            .unwrap_err();
        assert!(matches!(
            e.kind(),
            crate::ErrorKind::Invalid { raw, reason: crate::Reason::DuplicateId } if raw == "psd"
        ));
        // Repeating a built-in code with its own meaning renames it.
        let a1 = cat
            .add(Task::new(
                "A1",
                "Podání jídla",
                TaskKind::parse("a1").unwrap(),
            ))
            .unwrap();
        assert_eq!(cat.get(a1).name, "Podání jídla");
        // ...with another meaning it is refused.
        assert!(cat.add(Task::new("a1", "x", TaskKind::Travel)).is_err());
    }
}
