//! The JS-facing data model, as plain Rust: what `diff()` takes and returns.
//!
//! Everything here compiles and is unit-tested on the native target; `lib.rs` only converts
//! between these types and JS values. The TypeScript declarations of the package are generated
//! from these types by tsify (`#[derive(Tsify)]`), so they cannot drift from the data.

use schemashift::plan::filter::{Reason, ALEMBIC_VERSION_TABLE};
use schemashift::{DialectKind, Options};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// Every dialect the core knows, in the order `dialects()` lists them.
pub const DIALECTS: &[DialectKind] = &DialectKind::ALL;

/// The output formats the core can render.
pub const FORMATS: &[Format] = &[Format::Sql, Format::Json, Format::Alembic];

/// Output format. `"sql"` (the default) fills `up`/`down`, which are always present when the
/// inputs have no errors; `"json"` adds `json` (the CLI's `--format json` text, both ways);
/// `"alembic"` adds `alembic` (the Alembic revision file, upgrade and downgrade).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Sql,
    Json,
    Alembic,
}

/// Options of `diff()`. Every field is optional; unknown fields are an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DiffOptions {
    /// SQL dialect of both inputs: `"postgres"` (the default; also `"postgresql"`, `"pg"`) or
    /// `"sqlite"` (also `"sqlite3"`), `"mysql"` or `"mariadb"`.
    /// `dialects()` lists what this build supports.
    #[tsify(optional)]
    pub dialect: Option<String>,
    /// Output format (default `"sql"`).
    #[tsify(optional)]
    pub format: Option<Format>,
    /// Alembic: the revision message (docstring and file name slug).
    #[tsify(optional)]
    pub message: Option<String>,
    /// Alembic: the revision id (12 hex digits in Alembic's own files; default: random).
    #[tsify(optional)]
    pub rev_id: Option<String>,
    /// Renames on top of those the desired DDL declares: `"old=new"` (table) or
    /// `"table.old=new"` (column), as the CLI's `--rename`.
    #[tsify(optional)]
    pub renames: Option<Vec<String>>,
    /// `CREATE/DROP INDEX CONCURRENTLY` on existing tables (PostgreSQL), as `--concurrently`.
    #[tsify(optional)]
    pub concurrently: Option<bool>,
    /// Foreign keys on existing tables added `NOT VALID`, then validated, as `--not-valid-fks`.
    #[tsify(optional)]
    pub not_valid_fks: Option<bool>,
    /// New NOT NULL columns without a default get a data step, as `--backfill`.
    #[tsify(optional)]
    pub backfill: Option<bool>,
    /// Alembic: the revision this one follows (default: none, the first revision).
    #[tsify(optional)]
    pub down_revision: Option<String>,
    /// Alembic: the `Create Date` line (default: now, local time, as Python prints it).
    #[tsify(optional)]
    pub create_date: Option<String>,
    /// Compare only objects matching one of these globs (`name` or `schema.name`; tables with
    /// their indexes, views, sequences, enum types), as the CLI's `--include`.
    #[tsify(optional)]
    pub include: Option<Vec<String>>,
    /// Leave objects matching one of these globs out, as `--exclude`.
    #[tsify(optional)]
    pub exclude: Option<Vec<String>>,
    /// Alembic's version table, never part of a migration (default `"alembic_version"`).
    #[tsify(optional)]
    pub version_table: Option<String>,
    /// Models input: the SQLModel version the models run with (`"0.0.44"`: `datetime` is
    /// `TIMESTAMP WITHOUT TIME ZONE`); default: the newest. As the CLI's `--sqlmodel`.
    #[tsify(optional)]
    pub sqlmodel: Option<String>,
    /// Models input: the SQLAlchemy version (`"2.0"`: `Mapped[float]` is `FLOAT`); default: the
    /// newest. As the CLI's `--sqlalchemy`.
    #[tsify(optional)]
    pub sqlalchemy: Option<String>,
    /// MySQL/MariaDB: the server's `lower_case_table_names` (`0`, the default: table names are
    /// case-sensitive; `1` or `2`: table and view names compared in lower case). As the CLI's
    /// `--lower-case-table-names`.
    #[tsify(optional)]
    pub lower_case_table_names: Option<u8>,
}

/// SQLModel / SQLAlchemy models as one side of `diff()`, read statically (never run):
/// `{ files: { "app/models.py": "...", "app/enums.py": "..." } }`. Every file's tables are
/// read; imports between the files resolve relative (`from .enums import Status`) and absolute
/// (`from app.enums import Status`, from the top of the paths or from `pythonPath`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ModelsInput {
    /// Path (`/`-separated, as in the package) -> Python source.
    #[tsify(type = "Record<string, string>")]
    pub files: std::collections::BTreeMap<String, String>,
    /// Folders (among the paths) absolute imports are also searched in, as `--python-path`.
    #[tsify(optional)]
    pub python_path: Option<Vec<String>>,
}

/// One side of `diff()`: DDL text, or models.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaInput {
    Sql(String),
    Models(ModelsInput),
}

impl SchemaInput {
    fn sources(&self) -> Option<schemashift::input::python::Sources> {
        let SchemaInput::Models(m) = self else {
            return None;
        };
        let mut roots: Vec<String> = m.python_path.clone().unwrap_or_default();
        roots.push(String::new());
        Some(schemashift::input::python::Sources {
            files: (m.files.iter())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            roots,
        })
    }

    /// The text a diagnostic of this side is positioned in.
    fn text_of<'a>(&'a self, file: Option<&str>) -> &'a str {
        match (self, file) {
            (SchemaInput::Sql(t), _) => t,
            (SchemaInput::Models(m), Some(f)) => m.files.get(f).map_or("", String::as_str),
            (SchemaInput::Models(_), None) => "",
        }
    }
}

/// An object left out of the comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct LeftOut {
    /// Qualified name, e.g. `"public.alembic_version"`.
    pub name: String,
    /// `"version_table"` (Alembic's) or `"pattern"` (`include` / `exclude`).
    pub reason: String,
}

/// How bad a diagnostic is: errors stop the migration, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl From<schemashift::Severity> for Severity {
    fn from(s: schemashift::Severity) -> Self {
        match s {
            schemashift::Severity::Error => Self::Error,
            schemashift::Severity::Warning => Self::Warning,
        }
    }
}

/// Which input a diagnostic is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Current,
    Desired,
}

impl From<schemashift::Side> for Side {
    fn from(s: schemashift::Side) -> Self {
        match s {
            schemashift::Side::Current => Self::Current,
            schemashift::Side::Desired => Self::Desired,
        }
    }
}

/// A message anchored at a position of one input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code (`"E002"`, `"W001"`...): match on it rather than on the message.
    pub code: String,
    /// `"current"` for the first argument of `diff()`, `"desired"` for the second.
    pub side: Side,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in UTF-16 code units, as JS strings, editors (Monaco, CodeMirror) and
    /// LSP count them. The CLI counts characters instead: they differ only after characters
    /// outside the Basic Multilingual Plane (emoji, ...).
    pub column: u32,
    /// Byte offset into the UTF-8 encoded input.
    pub offset: u32,
    /// Offset in UTF-16 code units: `input.slice(utf16Offset)` starts at the position.
    pub utf16_offset: u32,
    pub message: String,
    /// Models input: the file (a key of `files`) the position is in.
    #[tsify(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// Broad class of risk of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum HazardKind {
    /// Data is lost.
    Destructive,
    /// May fail depending on the rows present.
    DataDependent,
    /// Takes strong locks, scans or rewrites the table.
    Locking,
    /// A DOWN step that cannot restore what UP destroyed.
    Irreversible,
}

impl From<schemashift::HazardKind> for HazardKind {
    fn from(k: schemashift::HazardKind) -> Self {
        use schemashift::HazardKind as K;
        match k {
            K::Destructive => Self::Destructive,
            K::DataDependent => Self::DataDependent,
            K::Locking => Self::Locking,
            K::Irreversible => Self::Irreversible,
        }
    }
}

/// A risk a change carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    /// Stable identifier, e.g. `"drop_column"` (the README documents each).
    pub code: String,
    pub kind: HazardKind,
    /// One line about the object.
    pub message: String,
    /// Why it is a risk.
    pub explanation: String,
    /// The safer way, if there is one.
    pub alternative: Option<String>,
}

/// One step of a migration: exactly an element of `changes` in the CLI's `--format json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct ChangeItem {
    /// What the change does, e.g. `"add_column"`, `"create_table"`.
    pub kind: String,
    /// Short human description, e.g. `"add column public.task.priority"`.
    pub summary: String,
    /// The statements of this change, without the trailing `;`.
    pub sql: Vec<String>,
    pub hazards: Vec<Hazard>,
    /// The change itself as the core models it (fields depend on `kind`).
    #[tsify(type = "ChangeDetail")]
    pub detail: serde_json::Value,
}

/// The CLI's `--format json` output, byte for byte, for each direction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct JsonOutput {
    /// `schemashift diff CURRENT DESIRED --format json`
    pub up: String,
    /// `schemashift diff CURRENT DESIRED --format json --down`
    pub down: String,
}

/// What `diff()` returns. Bad SQL never throws: it shows up in `errors` (with positions), and
/// then `ok` is false and the outputs are absent.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DiffResult {
    /// `true` when neither input has errors; then `up` and `down` are set.
    pub ok: bool,
    /// The dialect used (canonical name, e.g. `"postgres"`).
    pub dialect: String,
    /// UP script (current -> desired); `""` when there are no changes.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub up: Option<String>,
    /// DOWN script (desired -> current).
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub down: Option<String>,
    /// Only with `format: "json"`: the CLI's JSON report of each direction.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<JsonOutput>,
    /// Only with `format: "alembic"`: the Alembic revision file, byte for byte what the CLI's
    /// `--format alembic` prints for the same message, ids and date.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alembic: Option<String>,
    /// The ordered changes of the UP migration (empty when there are errors).
    #[tsify(type = "ChangeItem[]")]
    pub changes: serde_json::Value,
    /// The ordered changes of the DOWN migration.
    #[tsify(type = "ChangeItem[]")]
    pub down_changes: serde_json::Value,
    /// Every diagnostic, in the order the CLI prints them (current input first).
    pub diagnostics: Vec<Diagnostic>,
    /// The diagnostics with severity `"warning"` (same order).
    pub warnings: Vec<Diagnostic>,
    /// Diagnostics with severity `"error"`.
    pub errors: Vec<Diagnostic>,
    /// Objects of either input left out of the comparison (Alembic's version table, the
    /// `include` / `exclude` patterns).
    pub left_out: Vec<LeftOut>,
}

/// Resolve a user-supplied dialect name to its canonical name.
pub fn resolve_dialect(name: &str) -> Option<&'static str> {
    DialectKind::from_name(name).map(DialectKind::name)
}

fn unknown_dialect(name: &str) -> String {
    let known: Vec<&str> = DIALECTS.iter().map(|d| d.name()).collect();
    format!("unknown dialect `{name}` (expected {})", known.join(" or "))
}

/// Compare two schemas (DDL text): the whole of `diff()` minus the JS conversions.
pub fn diff(current: &str, desired: &str, options: &DiffOptions) -> Result<DiffResult, String> {
    diff_inputs(
        &SchemaInput::Sql(current.to_string()),
        &SchemaInput::Sql(desired.to_string()),
        options,
    )
}

/// [`diff`] for inputs of either kind (DDL text or models).
pub fn diff_inputs(
    current: &SchemaInput,
    desired: &SchemaInput,
    options: &DiffOptions,
) -> Result<DiffResult, String> {
    let dialect = match options.dialect.as_deref() {
        None => DialectKind::default(),
        Some(name) => DialectKind::from_name(name).ok_or_else(|| unknown_dialect(name))?,
    };
    let format = options.format.unwrap_or_default();
    if options.lower_case_table_names.is_some_and(|n| n > 2) {
        return Err("lowerCaseTableNames: expected 0, 1 or 2".to_string());
    }
    let renames = parse_renames(options, dialect)?;
    let safety = schemashift::plan::safety::Safety {
        concurrently: options.concurrently.unwrap_or(false),
        not_valid_fks: options.not_valid_fks.unwrap_or(false),
        backfill: options.backfill.unwrap_or(false),
    };
    let alembic = (format == Format::Alembic).then(|| schemashift::RevisionInfo {
        message: options.message.clone().unwrap_or_default(),
        rev_id: options.rev_id.clone().unwrap_or_default(),
        down_revision: options.down_revision.clone(),
        create_date: options.create_date.clone().unwrap_or_default(),
    });
    let mut models = schemashift::input::python::Profile::default();
    if let Some(v) = &options.sqlmodel {
        models = models.with_sqlmodel(v)?;
    }
    if let Some(v) = &options.sqlalchemy {
        models = models.with_sqlalchemy(v)?;
    }
    let (cur_src, des_src) = (current.sources(), desired.sources());
    let outcome = schemashift::migrate_inputs(
        match (current, &cur_src) {
            (_, Some(src)) => schemashift::Input::Models(src),
            (SchemaInput::Sql(t), None) => schemashift::Input::Sql(t),
            (SchemaInput::Models(_), None) => schemashift::Input::Sql(""),
        },
        match (desired, &des_src) {
            (_, Some(src)) => schemashift::Input::Models(src),
            (SchemaInput::Sql(t), None) => schemashift::Input::Sql(t),
            (SchemaInput::Models(_), None) => schemashift::Input::Sql(""),
        },
        &Options {
            dialect,
            renames,
            safety,
            alembic,
            filter: schemashift::plan::filter::Filter {
                include: options.include.clone().unwrap_or_default(),
                exclude: options.exclude.clone().unwrap_or_default(),
                version_table: Some(
                    (options.version_table.clone())
                        .unwrap_or_else(|| ALEMBIC_VERSION_TABLE.to_string()),
                ),
            },
            models,
            lower_case_table_names: options.lower_case_table_names.unwrap_or(0),
        },
    );

    let diagnostics = convert_diagnostics_of(current, desired, &outcome.diagnostics);
    let of = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .cloned()
            .collect::<Vec<_>>()
    };
    let (warnings, errors) = (of(Severity::Warning), of(Severity::Error));

    let empty = || serde_json::Value::Array(Vec::new());
    let mut result = DiffResult {
        ok: outcome.migration.is_some(),
        dialect: dialect.name().to_string(),
        up: None,
        down: None,
        json: None,
        alembic: None,
        changes: empty(),
        down_changes: empty(),
        diagnostics,
        warnings,
        errors,
        left_out: Vec::new(),
    };
    let Some(migration) = outcome.migration else {
        return Ok(result);
    };
    let up_report = schemashift::json_report(&migration, false, &outcome.diagnostics, dialect);
    let down_report = schemashift::json_report(&migration, true, &outcome.diagnostics, dialect);
    if format == Format::Json {
        result.json = Some(JsonOutput {
            up: pretty(&up_report),
            down: pretty(&down_report),
        });
    }
    result.left_out = (migration.left_out.iter())
        .map(|l| LeftOut {
            name: l.name.to_string(),
            reason: match l.reason {
                Reason::VersionTable => "version_table",
                Reason::Pattern => "pattern",
            }
            .to_string(),
        })
        .collect();
    result.alembic = migration.alembic;
    result.changes = take_changes(up_report);
    result.down_changes = take_changes(down_report);
    result.up = Some(migration.up);
    result.down = Some(migration.down);
    Ok(result)
}

/// Exactly what the CLI prints for `--format json`.
fn pretty(report: &serde_json::Value) -> String {
    // Serializing a `serde_json::Value` cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}

fn take_changes(mut report: serde_json::Value) -> serde_json::Value {
    match report.get_mut("changes") {
        Some(v) => v.take(),
        None => serde_json::Value::Array(Vec::new()),
    }
}

/// Convert the core's diagnostics (character columns) to the JS view (UTF-16 columns and
/// offsets), keeping their order.
pub fn convert_diagnostics(
    current: &str,
    desired: &str,
    diags: &[schemashift::Diagnostic],
) -> Vec<Diagnostic> {
    convert_diagnostics_of(
        &SchemaInput::Sql(current.to_string()),
        &SchemaInput::Sql(desired.to_string()),
        diags,
    )
}

/// [`convert_diagnostics`] for inputs of either kind (a models diagnostic is positioned in
/// its file).
pub fn convert_diagnostics_of(
    current: &SchemaInput,
    desired: &SchemaInput,
    diags: &[schemashift::Diagnostic],
) -> Vec<Diagnostic> {
    let mut out: Vec<Option<Diagnostic>> = vec![None; diags.len()];
    let mut texts: Vec<(schemashift::Side, Option<String>, &str)> = Vec::new();
    for d in diags {
        let input = match d.side {
            schemashift::Side::Current => current,
            schemashift::Side::Desired => desired,
        };
        if !texts.iter().any(|(s, f, _)| *s == d.side && *f == d.file) {
            texts.push((d.side, d.file.clone(), input.text_of(d.file.as_deref())));
        }
    }
    for (side, file, text) in texts {
        // Walk each input once, in offset order.
        let mut idx: Vec<usize> = (0..diags.len())
            .filter(|&i| diags[i].side == side && diags[i].file == file)
            .collect();
        idx.sort_by_key(|&i| diags[i].offset);
        let mut cursor = Utf16Cursor::new(text);
        for i in idx {
            let d = &diags[i];
            let (utf16_offset, column) = cursor.position(d.offset);
            out[i] = Some(Diagnostic {
                severity: d.severity.into(),
                code: d.code.name().to_string(),
                side: d.side.into(),
                line: d.line,
                column: if d.line == 0 { d.column } else { column },
                offset: u32::try_from(d.offset).unwrap_or(u32::MAX),
                utf16_offset,
                message: d.message.clone(),
                file: d.file.clone(),
            });
        }
    }
    out.into_iter().flatten().collect()
}

/// Converts increasing byte offsets of one text to UTF-16 offsets and columns in one pass.
struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    units: usize,
}

impl<'a> Utf16Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            units: 0,
        }
    }

    /// (UTF-16 offset, 1-based UTF-16 column) of a byte offset (clamped to the text, and
    /// down to a character boundary).
    fn position(&mut self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.byte {
            self.byte = 0;
            self.units = 0;
        }
        self.units += utf16_len(&self.text[self.byte..offset]);
        self.byte = offset;
        // Lines end at LF, CRLF or a lone CR (as the core counts them).
        let line_start = self.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let column = utf16_len(&self.text[line_start..offset]) + 1;
        (to_u32(self.units), to_u32(column))
    }
}

fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop_history() -> ModelsInput {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../core/tests/histories/shop/versions"
        );
        let mut files = std::collections::BTreeMap::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "py") {
                let name = format!("versions/{}", p.file_name().unwrap().to_string_lossy());
                files.insert(name, std::fs::read_to_string(&p).unwrap());
            }
        }
        ModelsInput {
            files,
            python_path: None,
        }
    }

    #[test]
    fn review_gives_each_revision_its_verdict() {
        let r = review(&shop_history(), &ReviewOptions::default()).unwrap();
        assert!(r.ok);
        let verdicts: Vec<(&str, bool)> = r
            .reviews
            .iter()
            .map(|r| (r.revision.as_str(), r.restores))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("1a2b3c4d5e6f", false),
                ("2b3c4d5e6f7a", true),
                ("3c4d5e6f7a8b", true),
                ("4d5e6f7a8b9c", true)
            ]
        );
        assert_eq!(
            r.reviews[0].left_different,
            ["drop enum public.orderstatus"]
        );
        let one = review(
            &shop_history(),
            &ReviewOptions {
                dialect: Some("sqlite".into()),
                revisions: Some(vec!["3c4d5e6f7a8b".into()]),
                base: None,
            },
        )
        .unwrap();
        assert_eq!(one.reviews.len(), 1);
        assert!(one.reviews[0].restores);
        assert_eq!(
            one.reviews[0].upgrade_data_steps,
            [
                "UPDATE orders SET note = '' WHERE note IS NULL",
                "bulk insert into `users`"
            ]
        );
    }

    #[test]
    fn replay_builds_the_schema_at_a_revision() {
        let head = replay(&shop_history(), &ReplayOptions::default()).unwrap();
        assert!(head.ok);
        assert!(head
            .sql
            .as_deref()
            .unwrap()
            .contains("CREATE TABLE addresses"));
        let first = replay(
            &shop_history(),
            &ReplayOptions {
                dialect: Some("sqlite".into()),
                revision: Some("1a2b".into()),
                base: None,
            },
        )
        .unwrap();
        let sql = first.sql.unwrap();
        assert!(
            sql.contains("CREATE TABLE users") && !sql.contains("addresses"),
            "{sql}"
        );
        let bad = replay(
            &shop_history(),
            &ReplayOptions {
                revision: Some("nope".into()),
                ..ReplayOptions::default()
            },
        )
        .unwrap();
        assert!(!bad.ok);
        assert_eq!(bad.diagnostics[0].code, "E006");
    }

    #[test]
    fn a_history_diffs_like_its_head() {
        // A history as one side of diff(): the schema at its head.
        let r = diff_inputs(
            &SchemaInput::Models(shop_history()),
            &SchemaInput::Sql(String::new()),
            &DiffOptions::default(),
        )
        .unwrap();
        assert!(r.ok);
        assert!(r.up.unwrap().contains("DROP TABLE orders;"));
    }

    fn diag(side: schemashift::Side, text: &str, offset: usize) -> schemashift::Diagnostic {
        let before = &text[..offset];
        let line = before.matches('\n').count() as u32 + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        schemashift::Diagnostic {
            severity: schemashift::Severity::Error,
            code: schemashift::diagnostics::Code::E002,
            side,
            line,
            column: text[start..offset].chars().count() as u32 + 1,
            offset,
            end: offset,
            message: format!("at {offset}"),
            file: None,
        }
    }

    #[test]
    fn utf16_columns_and_offsets() {
        // 'é' is 2 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 UTF-16 units.
        let cur = "-- é😀\nCREATE TABLE 😀x (a int);\nbad";
        let des = "ok";
        let bad = cur.find("bad").unwrap();
        let x = cur.find("x (").unwrap();
        let diags = vec![
            diag(schemashift::Side::Current, cur, bad),
            diag(schemashift::Side::Desired, des, 1),
            diag(schemashift::Side::Current, cur, x),
        ];
        let out = convert_diagnostics(cur, des, &diags);
        assert_eq!(out.len(), 3);
        // Order kept.
        assert_eq!(out[0].message, format!("at {bad}"));
        assert_eq!(out[1].side, Side::Desired);
        assert_eq!(
            (out[1].line, out[1].column, out[1].utf16_offset),
            (2 - 1, 2, 1)
        );
        // `bad` on line 3: column 1; UTF-16 offset = chars before + 1 for the emoji's 2nd unit.
        assert_eq!((out[0].line, out[0].column), (3, 1));
        assert_eq!(out[0].offset as usize, bad);
        assert_eq!(
            out[0].utf16_offset as usize,
            cur[..bad].encode_utf16().count()
        );
        // `x` after an emoji on line 2: 14 characters before it, 15 UTF-16 units.
        assert_eq!(diags[2].column, 15);
        assert_eq!(out[2].column, 16);
        assert_eq!(
            out[2].utf16_offset as usize,
            cur[..x].encode_utf16().count()
        );
    }

    #[test]
    fn columns_after_lone_cr_and_crlf() {
        // Found by npm/test/hostile.test.mjs: after a lone CR the column counted from the
        // start of the text (line 2, column 38).
        for text in [
            "CREATE TABLE t (a int);\rCREATE TABLE (\r",
            "CREATE TABLE t (a int);\r\nCREATE TABLE (\r\n",
        ] {
            let at = text.find("(\r").unwrap();
            let mut d = diag(schemashift::Side::Current, text, at);
            d.line = 2;
            let out = convert_diagnostics(text, "", &[d]);
            assert_eq!((out[0].line, out[0].column), (2, 14), "{text:?}");
        }
    }

    #[test]
    fn offsets_are_clamped() {
        let text = "é";
        let diags = vec![
            schemashift::Diagnostic {
                severity: schemashift::Severity::Warning,
                code: schemashift::diagnostics::Code::W001,
                side: schemashift::Side::Current,
                line: 1,
                column: 2,
                offset: 1, // inside 'é'
                end: 1,
                message: String::new(),
                file: None,
            },
            schemashift::Diagnostic {
                severity: schemashift::Severity::Warning,
                code: schemashift::diagnostics::Code::W001,
                side: schemashift::Side::Current,
                line: 1,
                column: 9,
                offset: 99,
                end: 99,
                message: String::new(),
                file: None,
            },
        ];
        let out = convert_diagnostics(text, "", &diags);
        assert_eq!((out[0].column, out[0].utf16_offset), (1, 0));
        assert_eq!((out[1].column, out[1].utf16_offset), (2, 1));
    }

    #[test]
    fn options_and_errors() {
        let r = diff(
            "CREATE TABLE t (a int);",
            "CREATE TABLE t (a int, b text);",
            &DiffOptions::default(),
        )
        .unwrap();
        assert!(r.ok);
        assert_eq!(r.dialect, "postgres");
        assert!(r.up.as_deref().unwrap().contains("ADD COLUMN"));
        assert!(r.json.is_none() && r.alembic.is_none());
        assert_eq!(r.changes.as_array().unwrap().len(), 1);

        let json = DiffOptions {
            dialect: Some("PostgreSQL".into()),
            format: Some(Format::Json),
            ..Default::default()
        };
        let r = diff("", "CREATE TABLE t (a int);", &json).unwrap();
        let out = r.json.unwrap();
        assert!(out.up.ends_with("}\n"));
        let alembic = DiffOptions {
            format: Some(Format::Alembic),
            message: Some("add tasks".into()),
            rev_id: Some("1975ea83b712".into()),
            ..Default::default()
        };
        let file = diff("", "CREATE TABLE t (a int);", &alembic)
            .unwrap()
            .alembic
            .unwrap();
        assert!(file.starts_with("\"\"\"add tasks\n\nRevision ID: 1975ea83b712\n"));
        assert!(file.contains("op.create_table('t',"));

        let bad = DiffOptions {
            dialect: Some("oracle".into()),
            ..Default::default()
        };
        assert_eq!(
            diff("", "", &bad).unwrap_err(),
            "unknown dialect `oracle` (expected postgres or sqlite or mysql or mariadb)"
        );

        let r = diff("CREATE TABLE (;", "", &DiffOptions::default()).unwrap();
        assert!(!r.ok);
        assert!(r.up.is_none() && r.down.is_none());
        assert!(!r.errors.is_empty());
        assert!(r.errors.iter().all(|e| e.severity == Severity::Error));
    }

    /// The declared `ChangeItem`/`Hazard` types (and so the generated TypeScript) describe the
    /// core's JSON report exactly: unknown or missing fields fail to deserialize.
    #[test]
    fn change_items_match_the_core_report() {
        let cases =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/cases/postgres");
        let mut seen = 0;
        for entry in std::fs::read_dir(cases).unwrap() {
            let dir = entry.unwrap().path();
            let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
            let r = diff(
                &read("current.sql"),
                &read("desired.sql"),
                &DiffOptions::default(),
            )
            .unwrap();
            for list in [&r.changes, &r.down_changes] {
                let items: Vec<ChangeItem> = serde_json::from_value(list.clone())
                    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
                for item in &items {
                    assert_eq!(item.detail["kind"], item.kind.as_str());
                }
                seen += items.len();
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn lists() {
        assert_eq!(resolve_dialect("pg"), Some("postgres"));
        assert_eq!(resolve_dialect("nope"), None);
        assert!(DIALECTS.contains(&DialectKind::default()));
        assert_eq!(FORMATS[0], Format::default());
    }

    #[test]
    fn models_on_either_side() {
        let models = |files: &[(&str, &str)]| {
            SchemaInput::Models(ModelsInput {
                files: files
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                python_path: None,
            })
        };
        let enums = "import enum\n\nclass Color(enum.Enum):\n    red = 1\n    blue = 2\n";
        let v1 = "from sqlmodel import Field, SQLModel\nfrom app.enums import Color\n\nclass Paint(SQLModel, table=True):\n    id: int | None = Field(default=None, primary_key=True)\n    color: Color\n";
        let v2 = format!(
            "{v1}    note: str | None = None\n    blob: dict = Field(default_factory=dict)\n"
        );
        let current = models(&[("app/models.py", v1), ("app/enums.py", enums)]);
        let desired = models(&[("app/models.py", &v2), ("app/enums.py", enums)]);
        let r = diff_inputs(&current, &desired, &DiffOptions::default()).unwrap();
        assert!(r.ok);
        assert_eq!(
            r.up.as_deref(),
            Some("ALTER TABLE paint ADD COLUMN note character varying;\n")
        );
        // The W005 about `blob` is positioned in its file (UTF-16 column of that file).
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        let w = &r.warnings[0];
        assert_eq!((w.code.as_str(), w.line, w.column), ("W005", 8, 11));
        assert_eq!(w.file.as_deref(), Some("app/models.py"));
        // SQL on the other side; the SQLModel profile option.
        let r = diff_inputs(
            &SchemaInput::Sql(String::new()),
            &current,
            &DiffOptions {
                dialect: Some("sqlite".into()),
                sqlmodel: Some("0.0.44".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(r.up.unwrap().contains("color VARCHAR(4) NOT NULL"));
        let bad = DiffOptions {
            sqlalchemy: Some("two".into()),
            ..Default::default()
        };
        assert!(diff_inputs(&current, &current, &bad).is_err());
    }
}

/// Options of `review()`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewOptions {
    /// `"postgres"` (default), `"sqlite"`, `"mysql"` or `"mariadb"`.
    #[tsify(optional)]
    pub dialect: Option<String>,
    /// The revision ids to review (default: every revision, parents first).
    #[tsify(optional)]
    pub revisions: Option<Vec<String>>,
    /// The schema (DDL) the first revision starts from, for histories whose first revision
    /// expects tables `create_all` made (default: an empty database).
    #[tsify(optional)]
    pub base: Option<String>,
}

/// One revision's review: what `upgrade()` and `downgrade()` do and whether the downgrade
/// undoes the upgrade.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RevisionReview {
    pub revision: String,
    /// Its `down_revision`s (none for a first revision, several for a merge).
    pub down_revisions: Vec<String>,
    pub file: String,
    pub message: String,
    pub upgrade: Vec<String>,
    pub upgrade_hazards: Vec<String>,
    pub upgrade_sql: String,
    pub upgrade_data_steps: Vec<String>,
    pub downgrade: Vec<String>,
    pub downgrade_hazards: Vec<String>,
    pub downgrade_sql: String,
    pub downgrade_data_steps: Vec<String>,
    /// Whether `downgrade()` brings the schema back to what it was before `upgrade()`.
    pub restores: bool,
    /// What the schema still needs after the downgrade to be back, in words.
    pub left_different: Vec<String>,
    /// What limits the verdict (operations on objects the history does not create...).
    pub caveats: Vec<String>,
}

/// What `review()` returns: the reviews, and the diagnostics met reading the history
/// (positioned in their files); `ok` is false when one of them is an error.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ReviewResult {
    pub ok: bool,
    pub reviews: Vec<RevisionReview>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Options of `replay()`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReplayOptions {
    /// `"postgres"` (default), `"sqlite"`, `"mysql"` or `"mariadb"`.
    #[tsify(optional)]
    pub dialect: Option<String>,
    /// The revision (an id, a unique prefix, a branch label, `label@head`, `head`, `heads`,
    /// `base`; default `heads`: every head, as `alembic upgrade heads` applies them).
    #[tsify(optional)]
    pub revision: Option<String>,
    /// The schema (DDL) the first revision starts from (default: an empty database).
    #[tsify(optional)]
    pub base: Option<String>,
}

/// What `replay()` returns: the DDL of the schema the history builds at the revision (as
/// `diff('', ...)` would create it), and the diagnostics met; `ok` is false on errors.
#[derive(Clone, Debug, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ReplayResult {
    pub ok: bool,
    #[tsify(optional)]
    pub sql: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The schema an Alembic history (`{ files }`) builds at a revision, read statically.
pub fn replay(history: &ModelsInput, options: &ReplayOptions) -> Result<ReplayResult, String> {
    let dialect = match options.dialect.as_deref() {
        None => DialectKind::default(),
        Some(name) => DialectKind::from_name(name).ok_or_else(|| unknown_dialect(name))?,
    };
    let input = SchemaInput::Models(history.clone());
    let src = input.sources().expect("models input");
    let outcome = schemashift::migrate_inputs(
        schemashift::Input::Sql(""),
        schemashift::Input::History {
            src: &src,
            rev: options.revision.as_deref().unwrap_or("heads"),
            base: options.base.as_deref().unwrap_or_default(),
        },
        &Options {
            dialect,
            ..Options::default()
        },
    );
    let diagnostics = convert_diagnostics_of(&input, &input, &outcome.diagnostics);
    Ok(ReplayResult {
        ok: outcome.migration.is_some(),
        sql: outcome.migration.map(|m| m.up),
        diagnostics,
    })
}

/// Review the revisions of an Alembic history given as `{ files: { "versions/x.py": "..." } }`.
pub fn review(history: &ModelsInput, options: &ReviewOptions) -> Result<ReviewResult, String> {
    let dialect = match options.dialect.as_deref() {
        None => DialectKind::default(),
        Some(name) => DialectKind::from_name(name).ok_or_else(|| unknown_dialect(name))?,
    };
    let input = SchemaInput::Models(history.clone());
    let src = input.sources().expect("models input");
    let (reviews, diags) = schemashift::review::review(
        &src,
        options.revisions.as_deref().unwrap_or_default(),
        options.base.as_deref().unwrap_or_default(),
        &Options {
            dialect,
            ..Options::default()
        },
    );
    let diagnostics = convert_diagnostics_of(&input, &input, &diags);
    Ok(ReviewResult {
        ok: !diagnostics.iter().any(|d| d.severity == Severity::Error),
        reviews: reviews
            .into_iter()
            .map(|r| RevisionReview {
                revision: r.revision.id,
                down_revisions: r.revision.down,
                file: r.revision.file,
                message: r.revision.message,
                upgrade: r.upgrade,
                upgrade_hazards: r.upgrade_hazards,
                upgrade_sql: r.upgrade_sql,
                upgrade_data_steps: r.upgrade_data,
                downgrade: r.downgrade,
                downgrade_hazards: r.downgrade_hazards,
                downgrade_sql: r.downgrade_sql,
                downgrade_data_steps: r.downgrade_data,
                restores: r.restores,
                left_different: r.left_different,
                caveats: r.caveats,
            })
            .collect(),
        diagnostics,
    })
}

/// What `verifyPlan()` returns: the plan that `verify()` runs on PGlite or SQLite (see
/// `schemashift::verify`), or the input errors that leave no migration to verify.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct VerifyPlanResult {
    /// `true` when neither input has errors; then `plan` is set.
    pub ok: bool,
    pub dialect: String,
    /// The steps' SQL: `current_ddl`, `desired_ddl`, `seeds`, `not_seeded`, `up`, `down`,
    /// `catalog` (queries), `rows` (row checks).
    #[tsify(optional, type = "Record<string, unknown>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<serde_json::Value>,
    /// Diagnostics with severity `"error"`.
    pub errors: Vec<Diagnostic>,
}

/// The verification plan of the migration between two DDL texts (`dialect` and `renames` of
/// the options are used).
pub fn verify_plan(
    current: &str,
    desired: &str,
    options: &DiffOptions,
) -> Result<VerifyPlanResult, String> {
    let result = diff(current, desired, options)?;
    let dialect =
        DialectKind::from_name(&result.dialect).ok_or_else(|| unknown_dialect(&result.dialect))?;
    if !result.ok {
        return Ok(VerifyPlanResult {
            ok: false,
            dialect: result.dialect,
            plan: None,
            errors: result.errors,
        });
    }
    let renames = parse_renames(options, dialect)?;
    let plan = schemashift::verify::plan_sql(
        current,
        desired,
        &Options {
            dialect,
            renames,
            ..Options::default()
        },
    )
    .map_err(|_| "the inputs have errors".to_string())?;
    Ok(VerifyPlanResult {
        ok: true,
        dialect: result.dialect,
        plan: Some(serde_json::to_value(&plan).map_err(|e| e.to_string())?),
        errors: Vec::new(),
    })
}

/// The `renames` option of `diff()` and `verifyPlan()`, each spec as the CLI's `--rename`.
fn parse_renames(
    options: &DiffOptions,
    dialect: DialectKind,
) -> Result<Vec<schemashift::model::Rename>, String> {
    options
        .renames
        .iter()
        .flatten()
        .map(|spec| schemashift::parse_rename(spec, dialect))
        .collect()
}
