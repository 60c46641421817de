//! What verification on a real engine asks of a dialect (see `crate::verify`, which builds
//! and runs the plan): catalog queries, seed literals, values as text. Each dialect answers
//! in its own `verify.rs`.

use crate::model::{Schema, Type};
use serde::Serialize;

/// One catalog query of a dialect: every row is one fact about the database (the row's
/// columns joined by a space), compared as text between two databases.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct CatalogQuery {
    /// What the rows are about (`columns`, `indexes`...).
    pub name: &'static str,
    pub sql: &'static str,
    /// Facts taken out of each row's text by schemashift (SQLite keeps CHECK constraints
    /// only inside the `CREATE TABLE` text).
    pub extract: Extract,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Extract {
    /// The row is the fact.
    Row,
    /// The row is `table-name sql`: one fact per `CHECK (..)` of the SQL text.
    Checks,
    /// The row's last column is SQL text as the user wrote it (SQLite keeps it so): compared
    /// without comments, identifier quotes, case and whitespace differences.
    SqlText,
}

/// What verification asks of a dialect (`dialects/<d>/verify.rs`).
pub trait VerifySql: Sync {
    /// The engine, for reports.
    fn engine(&self) -> &'static str;
    /// The catalog queries.
    fn catalog(&self) -> &'static [CatalogQuery];
    /// A literal of `kind` for row `k` (1 or 2), or None when the dialect has no such value.
    fn literal(&self, kind: &Kind, k: u8) -> Option<String>;
    /// What kind of value a column type takes (the type as the model holds it).
    fn kind(&self, ty: &Type, schema: &Schema) -> Kind;
    /// An expression giving `expr`'s value as text.
    fn as_text(&self, expr: &str) -> String;
}

/// The kind of value a column takes, for seed literals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Int,
    Decimal,
    Float,
    Bool,
    Text,
    Uuid,
    Json,
    Date,
    Timestamp,
    TimestampTz,
    Time,
    Interval,
    Bytes,
    Inet,
    /// An array (PostgreSQL): the empty one.
    Array,
    /// An enum type's labels (both sides' common labels when the column is on both).
    Enum(Vec<String>),
    /// No literal known for this type (its name).
    Unknown(String),
}
