//! Positioned messages about the input: errors stop a migration, warnings do not.
//!
//! Every diagnostic has a stable [`Code`] (`E001`, `W001`: documented in the README, so tools
//! and editors can match on it rather than on the message) and a byte range of the input.

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Which input a diagnostic is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Current,
    Desired,
}

/// The stable code of a diagnostic. Errors start with `E`, warnings with `W`; a code keeps
/// its meaning across releases (new ones are added, none is reused).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// The text cannot be split into tokens (unterminated string, quoted name, comment...).
    E001,
    /// A statement of the dialect could not be read (unexpected token).
    E002,
    /// A statement does not start with a statement keyword of any dialect (a typo such as
    /// `CREAT TABLE`): it would be left out of the schema, and its objects dropped.
    E003,
    /// An expression nests deeper than the limit ([`crate::input::sql::MAX_DEPTH`] levels of
    /// brackets and chained operators; in models.py input
    /// [`crate::input::python::depth::MAX_DEPTH`], or blocks indented deeper than
    /// [`crate::input::python::depth::MAX_INDENT`] levels): the statement (the Python file) is
    /// not read (deeper trees would overflow the stack).
    E004,
    /// A statement or clause schemashift does not hold in its model: one the dialect has but
    /// schemashift does not compare (`OWNER TO`, `CREATE AGGREGATE`...), or one the dialect
    /// does not have (`GRANT` in SQLite, `STRICT` in PostgreSQL), which is ignored.
    W001,
    /// A statement changes an object the input never creates (`ALTER TABLE` of an unknown
    /// table, `COMMENT ON` an undefined object...): it is skipped.
    W002,
    /// A declared rename that does not fit the schemas (nothing to rename, target exists).
    W003,
    /// A column type that is not built in, not created in the file (`CREATE TYPE`,
    /// `CREATE DOMAIN`) and not from an extension the file creates; usually a typo.
    W004,
    /// models.py input: a Python file that is not valid Python (syntax error); the models
    /// cannot be read.
    E005,
    /// models.py input: a construct whose DDL cannot be decided without running Python (a type
    /// or default computed at run time, an unknown third-party type, a module that was not
    /// found...): what it affects is left out of the comparison, and the message says how to
    /// resolve it (e.g. a `# schemashift: type=JSONB` comment on the line).
    W005,
    /// Alembic history input: the revision graph cannot be followed (`head` named when there
    /// are several, a `down_revision` that no file defines, a revision defined twice, a cycle, a
    /// `DIR@REV` that names no revision).
    E006,
    /// A file that is not UTF-8 (Latin-1, UTF-16...): positioned at the first invalid byte
    /// ([`crate::input::decode`]); the file is not read.
    E007,
}

impl Code {
    /// Every code, in the README's order.
    pub const ALL: [Code; 12] = [
        Code::E001,
        Code::E002,
        Code::E003,
        Code::E004,
        Code::E005,
        Code::E006,
        Code::E007,
        Code::W001,
        Code::W002,
        Code::W003,
        Code::W004,
        Code::W005,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Code::E001 => "E001",
            Code::E002 => "E002",
            Code::E003 => "E003",
            Code::E004 => "E004",
            Code::W001 => "W001",
            Code::W002 => "W002",
            Code::W003 => "W003",
            Code::W004 => "W004",
            Code::E005 => "E005",
            Code::W005 => "W005",
            Code::E006 => "E006",
            Code::E007 => "E007",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::E001
            | Code::E002
            | Code::E003
            | Code::E004
            | Code::E005
            | Code::E006
            | Code::E007 => Severity::Error,
            Code::W001 | Code::W002 | Code::W003 | Code::W004 | Code::W005 => Severity::Warning,
        }
    }

    /// One line on what the code means (the README has the full text).
    pub fn summary(self) -> &'static str {
        match self {
            Code::E001 => "the text cannot be tokenized",
            Code::E002 => "a statement could not be read",
            Code::E003 => "not a statement (misspelt keyword?)",
            Code::E004 => "expression nested too deeply",
            Code::W001 => "not supported or not in the dialect: not compared",
            Code::W002 => "refers to an object the input does not define",
            Code::W003 => "a declared rename does not fit",
            Code::W004 => "unknown type",
            Code::E005 => "Python syntax error (models.py input)",
            Code::W005 => "cannot be decided statically (models.py or Alembic input): not compared",
            Code::E006 => "the Alembic revision graph cannot be followed",
            Code::E007 => "the file is not UTF-8",
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A message anchored at a range of one input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub side: Side,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based column of the start, in characters.
    pub column: u32,
    /// Byte offset of the start into the input.
    pub offset: usize,
    /// Byte offset just past the end of the range (`>= offset`; equal for a point).
    pub end: usize,
    pub message: String,
    /// The file of a multi-file input (models.py packages: the path as given); `None` for a
    /// one-text input, whose file the caller knows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Diagnostic {
    /// `LINE:COL: error|warning[CODE]: message`, to be prefixed with a file name.
    pub fn render(&self, file: &str) -> String {
        format!(
            "{file}:{}:{}: {}[{}]: {}",
            self.line,
            self.column,
            self.severity.name(),
            self.code,
            self.message
        )
    }
}
