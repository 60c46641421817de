//! The app's bridge to the core: run a migration and turn the outcome into plain view data,
//! plus the pure helpers behind the output tabs (file names, Alembic header, dialect list).
//! Nothing here touches the DOM, so it is unit-tested natively.

use schemashift::HazardKind;
use schemashift::{DialectKind, Severity, Side};
use serde::{Deserialize, Serialize};

/// Dialects the UI offers, in the core's order (`DialectKind::ALL`): `(name, label)`.
pub fn dialect_choices() -> Vec<(&'static str, &'static str)> {
    DialectKind::ALL
        .iter()
        .map(|d| (d.name(), d.label()))
        .collect()
}

/// Whether the core supports the dialect called `name`.
pub fn dialect_available(name: &str) -> bool {
    DialectKind::from_name(name).is_some()
}

/// A diagnostic, flattened for the view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagView {
    pub error: bool,
    #[serde(with = "side_serde")]
    pub side: Side,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    pub message: String,
    /// Models input: the file (its path among the side's files) the position is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl DiagView {
    /// `line:col message` (`path:line:col message` in a models file), as the diagnostics list
    /// shows it.
    pub fn label(&self) -> String {
        match &self.file {
            Some(f) => format!("{f}:{}:{} {}", self.line, self.column, self.message),
            None => format!("{}:{} {}", self.line, self.column, self.message),
        }
    }
}

/// The files of a models side: `(path, Python source)` pairs, `/`-separated paths as in the
/// package (`app/models.py`), in the order the editor's tabs show them.
pub type ModelFiles = Vec<(String, String)>;

/// One side's input, borrowed from the editors: SQL DDL, or models files.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    Sql(&'a str),
    Models(&'a [(String, String)]),
}

impl Source<'_> {
    /// The texts that make up this input (paths included), for the derived revision id.
    fn parts(&self) -> Vec<&str> {
        match self {
            Source::Sql(t) => vec![*t],
            Source::Models(files) => files
                .iter()
                .flat_map(|(p, t)| [p.as_str(), t.as_str()])
                .collect(),
        }
    }
}

/// Where absolute imports between models files are looked up, as the CLI does for a folder:
/// the top of the paths (`""`), each file's own folder, and the folder above the outermost
/// package (a folder with `__init__.py`) holding it. Sorted, without duplicates.
pub fn models_roots(files: &[(String, String)]) -> Vec<String> {
    let have = |p: &str| files.iter().any(|(f, _)| f == p);
    let parent = |d: &str| d.rsplit_once('/').map_or("", |(p, _)| p).to_string();
    let init = |d: &str| {
        if d.is_empty() {
            "__init__.py".to_string()
        } else {
            format!("{d}/__init__.py")
        }
    };
    let mut roots = vec![String::new()];
    for (path, _) in files {
        let dir = parent(path);
        let mut top = dir.clone();
        while !top.is_empty() && have(&init(&top)) {
            top = parent(&top);
        }
        roots.push(top);
        roots.push(dir);
    }
    roots.sort();
    roots.dedup();
    roots
}

/// How risky a hazard is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HazardClass {
    Destructive,
    DataDependent,
    Locking,
    /// A DOWN step that cannot restore what UP destroyed.
    Irreversible,
}

impl HazardClass {
    pub fn label(self) -> &'static str {
        match self {
            HazardClass::Destructive => "destructive",
            HazardClass::DataDependent => "data-dependent",
            HazardClass::Locking => "locking",
            HazardClass::Irreversible => "irreversible",
        }
    }
}

/// A hazard of a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HazardView {
    pub code: String,
    pub class: HazardClass,
    pub message: String,
    /// The safer way, if there is one (the core's hazard catalog).
    pub alternative: Option<String>,
}

/// One entry of the Changes tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    pub summary: String,
    pub sql: Vec<String>,
    pub hazards: Vec<HazardView>,
}

impl ChangeView {
    pub fn destructive(&self) -> bool {
        self.hazards
            .iter()
            .any(|h| h.class == HazardClass::Destructive)
    }
}

/// Everything the output panel shows for one pair of inputs. It crosses from the diff worker
/// to the page as JSON ([`DiffView::to_json`], [`DiffView::from_json`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiffView {
    #[serde(with = "dialect_serde")]
    pub dialect: DialectKind,
    pub diagnostics: Vec<DiagView>,
    /// `None` when an input has errors.
    pub up: Option<String>,
    pub down: Option<String>,
    pub changes: Vec<ChangeView>,
    /// The change list as JSON (`schemashift::json_report`), for the Changes download.
    pub report_json: String,
    /// The Alembic revision file, when the core can write one for this dialect.
    pub alembic: Option<String>,
    /// The revision id the Alembic file uses (typed by the user, or derived from the inputs).
    pub alembic_rev: String,
    /// Objects left out of the comparison (Alembic's version table, the exclude globs).
    #[serde(default)]
    pub left_out: Vec<String>,
}

impl DiffView {
    /// The wire form sent from the diff worker to the page.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    /// Read the wire form back; the error says what was wrong with it.
    pub fn from_json(s: &str) -> Result<DiffView, String> {
        serde_json::from_str(s).map_err(|e| e.to_string())
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.error).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.error).count()
    }
    pub fn diagnostics_for(&self, side: Side) -> Vec<DiagView> {
        self.diagnostics
            .iter()
            .filter(|d| d.side == side)
            .cloned()
            .collect()
    }
    /// The Changes tab as plain text (what Copy puts on the clipboard).
    pub fn changes_text(&self) -> String {
        let mut out = String::new();
        for d in self.diagnostics.iter().filter(|d| !d.error) {
            out.push_str(&format!(
                "warning: {} {}:{}: {}\n",
                side_name(d.side),
                d.line,
                d.column,
                d.message
            ));
        }
        for (i, c) in self.changes.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, c.summary));
            for h in &c.hazards {
                out.push_str(&format!(
                    "   ! {} ({}): {}\n",
                    h.class.label(),
                    h.code,
                    h.message
                ));
            }
            for s in &c.sql {
                out.push_str(&format!("   {s};\n"));
            }
        }
        out
    }
}

/// Which editor a diagnostic belongs to, as a word.
pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Current => "current",
        Side::Desired => "desired",
    }
}

/// Run the core on both inputs and flatten the outcome (default Alembic header).
pub fn compute(current: &str, desired: &str, dialect: DialectKind) -> DiffView {
    compute_with(current, desired, dialect, &AlembicHeader::default(), "")
}

/// Run the core on two SQL inputs with the Alembic header fields; `create_date` is what the
/// file's `Create Date:` line says (Python's `str(datetime)`, e.g. `2026-01-15 14:20:00.123000`).
pub fn compute_with(
    current: &str,
    desired: &str,
    dialect: DialectKind,
    header: &AlembicHeader,
    create_date: &str,
) -> DiffView {
    compute_sources(
        Source::Sql(current),
        Source::Sql(desired),
        dialect,
        header,
        create_date,
    )
}

/// Run the core on inputs of either kind (SQL or models files), see [`compute_with`].
pub fn compute_sources(
    current: Source<'_>,
    desired: Source<'_>,
    dialect: DialectKind,
    header: &AlembicHeader,
    create_date: &str,
) -> DiffView {
    let alembic_rev = match header.revision.trim() {
        "" => {
            let mut parts = current.parts();
            parts.extend(desired.parts());
            derived_revision(&parts, &header.message)
        }
        rev => rev.to_string(),
    };
    let down_revision = header.down_revision.trim();
    let options = schemashift::Options {
        dialect,
        alembic: alembic_available(dialect).then(|| schemashift::RevisionInfo {
            message: header.message.clone(),
            rev_id: alembic_rev.clone(),
            down_revision: (!down_revision.is_empty()).then(|| down_revision.to_string()),
            create_date: create_date.to_string(),
        }),
        filter: schemashift::plan::filter::Filter {
            exclude: header
                .exclude
                .split([',', ' ', '\n', '\t'])
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            ..Default::default()
        },
        ..Default::default()
    };
    // The models files as the core takes them (empty for a SQL side).
    let sources = |s: Source<'_>| {
        let files = match s {
            Source::Sql(_) => &[][..],
            Source::Models(files) => files,
        };
        schemashift::input::python::Sources {
            files: files.to_vec(),
            roots: models_roots(files),
        }
    };
    let (cur_src, des_src) = (sources(current), sources(desired));
    fn input<'a>(
        s: Source<'a>,
        src: &'a schemashift::input::python::Sources,
    ) -> schemashift::Input<'a> {
        match s {
            Source::Sql(t) => schemashift::Input::Sql(t),
            Source::Models(_) => schemashift::Input::Models(src),
        }
    }
    let outcome =
        schemashift::migrate_inputs(input(current, &cur_src), input(desired, &des_src), &options);
    let diagnostics: Vec<DiagView> = outcome
        .diagnostics
        .iter()
        .map(|d| DiagView {
            error: d.severity == Severity::Error,
            side: d.side,
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            file: d.file.clone(),
        })
        .collect();
    let (up, down, changes, report_json) = match &outcome.migration {
        Some(m) => {
            let d = m.dialect(dialect);
            let no_hazards = Vec::new();
            let changes = m
                .changes
                .iter()
                .enumerate()
                .map(|(i, c)| ChangeView {
                    summary: c.summary(),
                    sql: schemashift::output::sql::statements(c, &*d),
                    hazards: m
                        .hazards
                        .get(i)
                        .unwrap_or(&no_hazards)
                        .iter()
                        .map(|h| HazardView {
                            code: h.code.to_string(),
                            class: match h.kind {
                                HazardKind::Destructive => HazardClass::Destructive,
                                HazardKind::DataDependent => HazardClass::DataDependent,
                                HazardKind::Locking => HazardClass::Locking,
                                HazardKind::Irreversible => HazardClass::Irreversible,
                            },
                            message: h.message.clone(),
                            alternative: h.alternative.map(str::to_string),
                        })
                        .collect(),
                })
                .collect();
            let report = schemashift::json_report(m, false, &outcome.diagnostics, dialect);
            (
                Some(m.up.clone()),
                Some(m.down.clone()),
                changes,
                serde_json::to_string_pretty(&report).unwrap_or_default(),
            )
        }
        None => (None, None, Vec::new(), String::new()),
    };
    DiffView {
        dialect,
        diagnostics,
        up,
        down,
        changes,
        report_json,
        alembic: outcome.migration.as_ref().and_then(|m| m.alembic.clone()),
        alembic_rev,
        left_out: (outcome.migration.iter())
            .flat_map(|m| &m.left_out)
            .map(|l| l.name.to_string())
            .collect(),
    }
}

/// `Side` as `"current"` / `"desired"` (the core's type only serializes).
mod side_serde {
    use schemashift::Side;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(side: &Side, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::side_name(*side))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Side, D::Error> {
        match String::deserialize(d)?.as_str() {
            "current" => Ok(Side::Current),
            "desired" => Ok(Side::Desired),
            other => Err(serde::de::Error::custom(format!("unknown side {other:?}"))),
        }
    }
}

/// `DialectKind` by its name (the core's type only serializes).
mod dialect_serde {
    use schemashift::DialectKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &DialectKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(d.name())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DialectKind, D::Error> {
        let name = String::deserialize(d)?;
        DialectKind::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown dialect {name:?}")))
    }
}

/// What the user sets besides the schemas: the Alembic revision header and the object filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AlembicHeader {
    /// Revision message (also the file name's slug).
    pub message: String,
    /// Revision id; empty means derived from the content ([`derived_revision`]).
    pub revision: String,
    /// The revision this one follows; empty for a first migration.
    pub down_revision: String,
    /// Globs of objects to leave out of the comparison (`audit_*, public.tmp_?`), separated
    /// by commas or spaces, as the CLI's `--exclude`.
    pub exclude: String,
}

/// Whether the core renders Alembic revisions for this dialect.
pub fn alembic_available(dialect: DialectKind) -> bool {
    schemashift::output::alembic::supports(dialect)
}

/// A stable 12-hex-digit revision id derived from the inputs and the message, so a shared
/// link reproduces the same file name (Alembic's own ids are random 12-hex strings).
pub fn derived_revision(inputs: &[&str], message: &str) -> String {
    // FNV-1a, 64 bit; 48 bits are kept.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in inputs.iter().copied().chain([message]) {
        for b in part.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{:012x}", h & 0xffff_ffff_ffff)
}

/// The Alembic file name: `<rev>_<slug>.py` (Alembic's default `%(rev)s_%(slug)s`).
pub fn alembic_filename(revision: &str, message: &str) -> String {
    schemashift::output::alembic::file_name(revision, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str = include_str!("../../examples/tasks/current.sql");
    const DESIRED: &str = include_str!("../../examples/tasks/desired.sql");

    #[test]
    fn tasks_example_migrates() {
        let v = compute(CURRENT, DESIRED, DialectKind::Postgres);
        assert_eq!(v.errors(), 0, "{:?}", v.diagnostics);
        let up = v.up.as_deref().unwrap();
        assert!(up.contains("priority"), "{up}");
        assert!(v.down.as_deref().unwrap().contains("DROP COLUMN"));
        assert!(!v.changes.is_empty());
        assert!(v.changes_text().contains("1. "));
        assert!(v.report_json.contains("\"changes\""));
        // The down migration drops columns: destructive.
        let back = compute(DESIRED, CURRENT, DialectKind::Postgres);
        assert!(back.changes.iter().any(ChangeView::destructive));
    }

    #[test]
    fn view_survives_the_trip_from_the_worker() {
        let v = compute(CURRENT, DESIRED, DialectKind::Postgres);
        assert_eq!(DiffView::from_json(&v.to_json()).unwrap(), v);
        let bad = compute("CREATE TABLE t (", "", DialectKind::Postgres);
        assert_eq!(DiffView::from_json(&bad.to_json()).unwrap(), bad);
        assert!(DiffView::from_json("{}").is_err());
        assert!(DiffView::from_json("not json").is_err());
    }

    #[test]
    fn syntax_error_has_position() {
        let v = compute(
            "CREATE TABLE t (id int);",
            "CREATE TABLE t (\n  id int,,\n);",
            DialectKind::Postgres,
        );
        assert!(v.errors() > 0);
        assert!(v.up.is_none());
        let d = &v.diagnostics_for(Side::Desired)[0];
        assert_eq!(d.line, 2);
        assert!(d.label().starts_with("2:"));
    }

    #[test]
    fn dialect_list() {
        assert!(dialect_available("postgres"));
        assert!(dialect_available("sqlite"));
        assert!(dialect_available("mysql"));
        assert!(dialect_available("mariadb"));
        let names: Vec<&str> = dialect_choices().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["postgres", "sqlite", "mysql", "mariadb"]);
    }

    #[test]
    fn alembic_names() {
        assert_eq!(
            alembic_filename("1a2b3c4d5e6f", "Add tags"),
            "1a2b3c4d5e6f_add_tags.py"
        );
        assert_eq!(alembic_filename("1a2b3c4d5e6f", ""), "1a2b3c4d5e6f_.py");
        let r = derived_revision(&["a", "b"], "m");
        assert_eq!(r.len(), 12);
        assert_eq!(r, derived_revision(&["a", "b"], "m"));
        assert_ne!(r, derived_revision(&["a", "b"], "n"));
        assert_ne!(r, derived_revision(&["ab", ""], "m"));
        let v = compute(CURRENT, DESIRED, DialectKind::Postgres);
        assert_eq!(v.alembic_rev, derived_revision(&[CURRENT, DESIRED], ""));
    }

    #[test]
    fn left_out_objects() {
        let current = "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);\nCREATE TABLE audit_log (id int);\n";
        let v = compute(current, "", DialectKind::Postgres);
        assert_eq!(v.left_out, ["public.alembic_version"]);
        assert!(v.up.as_deref().unwrap().contains("DROP TABLE audit_log"));
        let header = AlembicHeader {
            exclude: "audit_*, other".into(),
            ..Default::default()
        };
        let v = compute_with(current, "", DialectKind::Postgres, &header, "");
        assert_eq!(v.up.as_deref(), Some(""));
        assert_eq!(v.left_out, ["public.alembic_version", "public.audit_log"]);
    }

    #[test]
    fn alembic_revision_file() {
        let header = AlembicHeader {
            message: "Add priority".into(),
            revision: " 1a2b3c4d5e6f ".into(),
            down_revision: "0123456789ab".into(),
            exclude: String::new(),
        };
        let date = "2026-01-15 14:20:00.123000";
        let v = compute_with(CURRENT, DESIRED, DialectKind::Postgres, &header, date);
        assert_eq!(v.alembic_rev, "1a2b3c4d5e6f");
        let py = v.alembic.as_deref().expect("an Alembic file");
        assert!(py.starts_with("\"\"\"Add priority\n\nRevision ID: 1a2b3c4d5e6f\nRevises: 0123456789ab\nCreate Date: 2026-01-15 14:20:00.123000\n"), "{py}");
        assert!(py.contains("def upgrade() -> None:"), "{py}");
        // Deterministic: the same inputs give the same file.
        let again = compute_with(CURRENT, DESIRED, DialectKind::Postgres, &header, date);
        assert_eq!(again.alembic, v.alembic);
        // No down revision: the first revision.
        let first = AlembicHeader {
            down_revision: "  ".into(),
            ..header
        };
        let v = compute_with(CURRENT, DESIRED, DialectKind::Postgres, &first, date);
        assert!(v
            .alembic
            .unwrap()
            .contains("down_revision: Union[str, Sequence[str], None] = None"));
        // Input errors: no file.
        let bad = compute_with("CREATE TABLE (", "", DialectKind::Postgres, &first, date);
        assert!(bad.alembic.is_none());
    }
}
