//! SQLite: case-insensitive names kept as written, declared types compared as written (with
//! their affinity for hazards), and table rebuilds for everything `ALTER TABLE` cannot do.
//!
//! What counts as a change of column type: the declared type, compared case-insensitively
//! with whitespace normalised (`VARCHAR(255)` = `varchar( 255 )`). `INT` and `INTEGER` are
//! different declared types: SQLite keeps the declared text, and only `INTEGER PRIMARY KEY`
//! makes a column the rowid. A change between types of the same affinity is reported as such
//! (no stored value changes).

mod grammar;
mod sql;
mod sqlalchemy;
pub(super) mod verify;

use super::{Dialect, DialectKind};
use crate::change::Change;
use crate::model::*;
use std::collections::{BTreeMap, HashSet};

/// SQLite 3.35+ (`ALTER TABLE .. DROP COLUMN`).
pub struct Sqlite {
    /// Identifiers as the schemas wrote them, by folded (lower-case) name.
    spellings: BTreeMap<Str, String>,
}

pub(super) static SQLITE: Sqlite = Sqlite {
    spellings: BTreeMap::new(),
};

static PARSER: sqlparser::dialect::SQLiteDialect = sqlparser::dialect::SQLiteDialect {};

/// SQLite's keywords (https://sqlite.org/lang_keywords.html), lower-case and sorted: names
/// equal to one are quoted.
const KEYWORDS: &[&str] = &[
    "abort",
    "action",
    "add",
    "after",
    "all",
    "alter",
    "always",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "do",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclude",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "filter",
    "first",
    "following",
    "for",
    "foreign",
    "from",
    "full",
    "generated",
    "glob",
    "group",
    "groups",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "last",
    "left",
    "like",
    "limit",
    "match",
    "materialized",
    "natural",
    "no",
    "not",
    "nothing",
    "notnull",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "others",
    "outer",
    "over",
    "partition",
    "plan",
    "pragma",
    "preceding",
    "primary",
    "query",
    "raise",
    "range",
    "recursive",
    "references",
    "regexp",
    "reindex",
    "release",
    "rename",
    "replace",
    "restrict",
    "returning",
    "right",
    "rollback",
    "row",
    "rows",
    "savepoint",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "ties",
    "to",
    "transaction",
    "trigger",
    "unbounded",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
    "window",
    "with",
    "without",
];

/// Suffixes of the shadow tables full-text and r-tree virtual tables create; `.schema` prints
/// them as ordinary tables.
const SHADOW_SUFFIXES: &[&str] = &[
    "_content",
    "_segments",
    "_segdir",
    "_docsize",
    "_stat",
    "_data",
    "_idx",
    "_config",
    "_node",
    "_rowid",
    "_parent",
];

/// SQLite's type affinity of a declared type (https://sqlite.org/datatype3.html, 3.1).
pub fn affinity(declared: &str) -> &'static str {
    let t = declared.to_ascii_uppercase();
    if t.contains("INT") {
        "INTEGER"
    } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
        "TEXT"
    } else if t.is_empty() || t.contains("BLOB") {
        "BLOB"
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        "REAL"
    } else {
        "NUMERIC"
    }
}

impl Sqlite {
    /// How an identifier was written, if the schemas wrote it in another case.
    pub fn spelling<'s>(&'s self, ident: &'s str) -> &'s str {
        self.spellings.get(ident).map_or(ident, String::as_str)
    }

    /// Whether an `ALTER TABLE .. ADD COLUMN` can add this column (sqlite.org/lang_altertable).
    fn can_add_column(&self, column: &Column) -> bool {
        if column.generated.as_ref().is_some_and(|g| g.stored) {
            return false;
        }
        let default = column
            .default
            .as_ref()
            .map(|d| d.text.trim().to_ascii_lowercase());
        let constant = default.as_deref().is_none_or(|d| {
            !d.starts_with('(')
                && !matches!(d, "current_time" | "current_date" | "current_timestamp")
        });
        let null_default = default.as_deref().is_none_or(|d| d == "null");
        constant && !(column.not_null && null_default && column.generated.is_none())
    }
}

impl Dialect for Sqlite {
    fn kind(&self) -> DialectKind {
        DialectKind::Sqlite
    }

    fn parser_dialect(&self) -> &dyn sqlparser::dialect::Dialect {
        &PARSER
    }

    fn grammar(&self) -> &dyn super::Grammar {
        self
    }

    fn default_schema(&self) -> &'static str {
        "main"
    }

    fn fold_ident(&self, ident: &str) -> Str {
        crate::model::ascii_lowercase(ident)
    }

    /// Quoted names are case-insensitive too: `"Users"` and `users` are one table.
    fn fold_quoted(&self, ident: &str) -> Str {
        crate::model::ascii_lowercase(ident)
    }

    fn normalize_type(
        &self,
        name: &str,
        _schema: Option<&str>,
        modifiers: Option<String>,
        _array_dims: u8,
        _search_schema: &str,
    ) -> Type {
        Type {
            name: name.split_whitespace().collect::<Vec<_>>().join(" ").into(),
            modifiers: modifiers.map(Str::from),
            array_dims: 0,
            user: None,
        }
    }

    fn render_type(&self, ty: &Type) -> String {
        let name = ty.name.as_str().to_ascii_uppercase();
        match &ty.modifiers {
            Some(m) => format!("{name}({m})"),
            None => name,
        }
    }

    fn quote_ident(&self, ident: &str) -> String {
        let ident = self.spelling(ident);
        let plain = ident
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && KEYWORDS
                .binary_search(&ident.to_ascii_lowercase().as_str())
                .is_err();
        if plain {
            ident.to_string()
        } else {
            format!("\"{}\"", ident.replace('"', "\"\""))
        }
    }

    fn complete(&self, schema: &mut Schema) {
        super::fill_foreign_key_targets(schema);
        // Shadow tables of virtual tables are the module's business.
        let virtual_tables: HashSet<String> = schema
            .objects
            .values()
            .filter(|o| o.id.kind == ObjectKind::VirtualTable)
            .map(|o| o.id.signature.clone())
            .collect();
        if !virtual_tables.is_empty() {
            schema.tables.retain(|name, _| {
                !SHADOW_SUFFIXES.iter().any(|suffix| {
                    name.name.strip_suffix(suffix).is_some_and(|base| {
                        virtual_tables
                            .contains(&QualName::new(name.schema.clone(), base).to_string())
                    })
                })
            });
        }
    }

    fn needs_using(&self, _from: &Column, _to: &Column) -> bool {
        false
    }

    fn render_change(&self, change: &Change, out: &mut Vec<String>) {
        sql::render_change(self, change, out);
    }

    fn script_prologue(&self, changes: &[Change]) -> Vec<String> {
        if changes.iter().any(is_rebuild) {
            // The documented rebuild procedure (sqlite.org/lang_altertable.html#otheralter):
            // foreign keys off outside the transaction, everything else inside it.
            vec!["PRAGMA foreign_keys = OFF".into(), "BEGIN".into()]
        } else {
            Vec::new()
        }
    }

    fn script_epilogue(&self, changes: &[Change]) -> Vec<String> {
        if changes.iter().any(is_rebuild) {
            vec![
                "PRAGMA foreign_key_check".into(),
                "COMMIT".into(),
                "PRAGMA foreign_keys = ON".into(),
            ]
        } else {
            Vec::new()
        }
    }

    fn hazards(&self, change: &Change, existing: bool) -> Vec<crate::hazard::Hazard> {
        use crate::hazard::{Hazard, HazardCode};
        match change {
            Change::RebuildTable { to, .. } if existing => vec![Hazard::new(HazardCode::TableRebuild,
                format!("{} is rebuilt: every row is copied into a new table", to.name),
            )],
            Change::AlterColumn {
                table, from, to, ..
            } if affinity(&from.ty.name) != affinity(&to.ty.name) => vec![Hazard::new(HazardCode::ChangeType,
                format!(
                    "{table}.{}: {} affinity becomes {}; stored values are converted where they can be",
                    to.name,
                    affinity(&from.ty.name),
                    affinity(&to.ty.name)
                ),
            )],
            _ => Vec::new(),
        }
    }

    fn zero_value(&self, ty: &Type) -> Option<String> {
        Some(
            match affinity(&ty.name) {
                "INTEGER" | "NUMERIC" => "0",
                "REAL" => "0.0",
                "TEXT" => "''",
                _ => "x''",
            }
            .to_string(),
        )
    }

    fn drop_object_sql(&self, kind: ObjectKind, name: &str, _table: Option<&QualName>) -> String {
        format!("DROP {} {}", kind.sql(), self.quote_ident(name))
    }

    fn foreign_keys_inline(&self) -> bool {
        true
    }

    fn stores_constraint_names(&self) -> bool {
        false
    }

    fn alter_in_place(&self, change: &Change, from: &Table, _to: &Table) -> bool {
        match change {
            Change::AddColumn { column, .. } => self.can_add_column(column),
            Change::DropColumn { column, .. } => {
                let in_key = from.constraints.values().any(|c| match &c.kind {
                    ConstraintKind::PrimaryKey { columns, .. }
                    | ConstraintKind::Unique { columns, .. }
                    | ConstraintKind::ForeignKey { columns, .. } => columns.contains(&column.name),
                    _ => false,
                });
                !in_key && !column.generated.as_ref().is_some_and(|g| g.stored)
            }
            Change::SetComment { .. } => true,
            _ => false,
        }
    }

    /// The change is a rebuild, which copies the generated column's values.
    fn drops_generation(&self) -> bool {
        true
    }

    fn sqlalchemy_name(&self) -> Option<&'static str> {
        Some("sqlite")
    }

    fn sa_type(
        &self,
        ty: &Type,
        collation: Option<&str>,
        _enum_type: Option<&EnumType>,
    ) -> Option<super::SaType> {
        sqlalchemy::sa_type(ty, collation)
    }

    fn keeps_spelling(&self) -> bool {
        true
    }

    fn with_spellings(&self, spellings: &BTreeMap<Str, String>) -> Option<Box<dyn Dialect>> {
        Some(Box::new(Sqlite {
            spellings: spellings.clone(),
        }))
    }
}

fn is_rebuild(c: &Change) -> bool {
    matches!(c, Change::RebuildTable { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_sorted_for_binary_search() {
        let mut sorted = KEYWORDS.to_vec();
        sorted.sort();
        assert_eq!(sorted, KEYWORDS);
    }

    #[test]
    fn affinity_follows_sqlite_rules() {
        assert_eq!(affinity("int"), "INTEGER");
        assert_eq!(affinity("unsigned big int"), "INTEGER");
        assert_eq!(affinity("nvarchar"), "TEXT");
        assert_eq!(affinity(""), "BLOB");
        assert_eq!(affinity("double precision"), "REAL");
        assert_eq!(affinity("decimal"), "NUMERIC");
        // "POINT" contains "INT".
        assert_eq!(affinity("floating point"), "INTEGER");
    }

    #[test]
    fn names_keep_their_spelling_and_are_quoted_when_needed() {
        let mut m = BTreeMap::new();
        m.insert(Str::from("album"), "Album".to_string());
        let d = SQLITE.with_spellings(&m).unwrap();
        assert_eq!(d.quote_ident("album"), "Album");
        assert_eq!(d.quote_ident("order"), "\"order\"");
        assert_eq!(d.quote_ident("first name"), "\"first name\"");
    }
}
