//! SQLite's DDL grammar as the input frontends need it: its statements and clauses, its own
//! tables, declared types, and how it names what the DDL leaves unnamed.

use super::Sqlite;
use crate::dialects::grammar::{numbered_name, Grammar, NameKind, Namer, Syntax};
use crate::model::{QualName, Str, Type};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Words a SQLite statement starts with (https://sqlite.org/lang.html), sorted.
const STATEMENT_KEYWORDS: &[&str] = &[
    "alter",
    "analyze",
    "attach",
    "begin",
    "commit",
    "create",
    "delete",
    "detach",
    "drop",
    "end",
    "explain",
    "insert",
    "pragma",
    "reindex",
    "release",
    "replace",
    "rollback",
    "savepoint",
    "select",
    "update",
    "vacuum",
    "values",
    "with",
];

/// Words declared types are made of, in SQLite's documentation (datatype3.html) and in what
/// SQLAlchemy and other ORMs emit, sorted. A declared type made of other words is still
/// valid (it gets an affinity by SQLite's rules); it is only reported when it is one edit away
/// from a known name, as a likely typo.
const TYPE_WORDS: &[&str] = &[
    "any",
    "big",
    "bigint",
    "binary",
    "blob",
    "bool",
    "boolean",
    "char",
    "character",
    "clob",
    "date",
    "datetime",
    "decimal",
    "double",
    "float",
    "int",
    "int2",
    "int8",
    "integer",
    "interval",
    "json",
    "jsonb",
    "mediumint",
    "native",
    "nchar",
    "numeric",
    "nvarchar",
    "precision",
    "real",
    "smallint",
    "string",
    "text",
    "time",
    "timestamp",
    "tinyint",
    "unsigned",
    "uuid",
    "varbinary",
    "varchar",
    "varying",
    "with",
    "without",
    "zone",
];

/// Type names suggested for a likely typo.
const TYPE_NAMES: &[&str] = &[
    "bigint",
    "blob",
    "boolean",
    "char",
    "date",
    "datetime",
    "decimal",
    "double",
    "float",
    "integer",
    "json",
    "nchar",
    "numeric",
    "nvarchar",
    "real",
    "smallint",
    "text",
    "time",
    "timestamp",
    "tinyint",
    "varchar",
];

impl Grammar for Sqlite {
    fn has(&self, syntax: Syntax) -> bool {
        match syntax {
            Syntax::VirtualTables
            | Syntax::StrictTables
            | Syntax::WithoutRowid
            | Syntax::Autoincrement => true,
            Syntax::CreateSchema
            | Syntax::CreateExtension
            | Syntax::EnumTypes
            | Syntax::CreateType
            | Syntax::CreateDomain
            | Syntax::Sequences
            | Syntax::Routines
            | Syntax::RowSecurity
            | Syntax::MaterializedViews
            | Syntax::AlterIndex
            | Syntax::Privileges
            | Syntax::Comments
            | Syntax::SetStatement
            | Syntax::Ownership
            | Syntax::UnloggedTables
            | Syntax::StorageParameters
            | Syntax::Partitions
            | Syntax::Inheritance
            | Syntax::PhysicalClauses
            | Syntax::IdentityColumns
            | Syntax::ExclusionConstraints
            | Syntax::MysqlColumnAttrs
            | Syntax::MysqlTableOptions
            | Syntax::InlineIndexes
            | Syntax::DelimiterBlocks => false,
        }
    }

    fn statement_keywords(&self) -> &'static [&'static str] {
        STATEMENT_KEYWORDS
    }

    fn housekeeping(&self, first_word: &str) -> bool {
        matches!(
            first_word,
            "begin" | "commit" | "end" | "rollback" | "pragma"
        )
    }

    /// `sqlite_sequence`, `sqlite_stat1`...: names starting with `sqlite_` are reserved for
    /// SQLite's own tables.
    fn is_internal_table(&self, name: &str) -> bool {
        name.starts_with("sqlite_")
    }

    fn declared_types(&self) -> bool {
        true
    }

    fn strings_as_identifiers(&self) -> bool {
        true
    }

    fn generated_stored_by_default(&self) -> bool {
        false
    }

    fn namer(&self) -> Box<dyn Namer> {
        Box::new(SqliteNamer::default())
    }

    fn is_builtin_type(&self, ty: &Type) -> bool {
        ty.name.split_whitespace().all(|w| {
            TYPE_WORDS
                .binary_search(&w.to_ascii_lowercase().as_str())
                .is_ok()
        })
    }

    fn builtin_type_names(&self) -> &'static [&'static str] {
        TYPE_NAMES
    }
}

/// SQLite keeps constraint names per table (and never needs them); index names are unique in
/// the schema. Unnamed constraints get `table_columns_label`, numbered when taken in the
/// table, which is the naming convention the Alembic batch operations are given.
#[derive(Default)]
struct SqliteNamer {
    relations: HashMap<Str, HashSet<String>>,
    constraints: HashMap<QualName, HashSet<String>>,
}

impl Namer for SqliteNamer {
    fn take(&mut self, table: &QualName, name: &str, kind: NameKind) {
        let set = match kind {
            NameKind::Relation => self.relations.entry(table.schema.clone()).or_default(),
            NameKind::Constraint | NameKind::IndexConstraint => {
                self.constraints.entry(table.clone()).or_default()
            }
        };
        set.insert(name.to_string());
    }

    fn release(&mut self, table: &QualName, name: &str, kind: NameKind) {
        let set = match kind {
            NameKind::Relation => self.relations.get_mut(&table.schema),
            NameKind::Constraint | NameKind::IndexConstraint => self.constraints.get_mut(table),
        };
        if let Some(set) = set {
            set.remove(name);
        }
    }

    fn choose(
        &mut self,
        table: &QualName,
        name1: &str,
        name2: &str,
        label: &str,
        kind: NameKind,
    ) -> String {
        let taken = match kind {
            NameKind::Relation => self.relations.get(&table.schema),
            NameKind::Constraint | NameKind::IndexConstraint => self.constraints.get(table),
        };
        let make = |l: &str| {
            if name2.is_empty() {
                format!("{name1}_{l}")
            } else {
                format!("{name1}_{name2}_{l}")
            }
        };
        numbered_name(label, make, |n| taken.is_some_and(|s| s.contains(n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [STATEMENT_KEYWORDS, TYPE_WORDS] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{:?}", w);
            }
        }
    }

    #[test]
    fn constraint_names_are_per_table() {
        let mut n = SqliteNamer::default();
        let t = QualName::new("main", "t");
        n.take(
            &QualName::new("main", "t_a_key"),
            "t_a_key",
            NameKind::Relation,
        );
        assert_eq!(
            n.choose(&t, "t", "a", "key", NameKind::IndexConstraint),
            "t_a_key"
        );
        n.take(&t, "t_check", NameKind::Constraint);
        assert_eq!(
            n.choose(&t, "t", "", "check", NameKind::Constraint),
            "t_check1"
        );
    }
}
