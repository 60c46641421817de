//! MySQL's and MariaDB's DDL grammar as the input frontends need it: statements, clauses,
//! built-in types, and placeholder names for what the DDL leaves unnamed (the real names are
//! given once the whole table is known, in [`super::naming`]).

use super::Mysql;
use crate::dialects::grammar::{ExprRules, Grammar, NameKind, Namer, Syntax};
use crate::model::{QualName, Type};

/// Words a MySQL statement starts with, sorted.
const STATEMENT_KEYWORDS: &[&str] = &[
    "alter",
    "analyze",
    "begin",
    "call",
    "commit",
    "create",
    "delete",
    "do",
    "drop",
    "flush",
    "grant",
    "insert",
    "load",
    "lock",
    "optimize",
    "rename",
    "replace",
    "revoke",
    "rollback",
    "savepoint",
    "select",
    "set",
    "show",
    "start",
    "truncate",
    "unlock",
    "update",
    "use",
    "with",
];

/// Built-in type names (the first word of a type), sorted.
const TYPE_NAMES: &[&str] = &[
    "bigint",
    "binary",
    "bit",
    "blob",
    "bool",
    "boolean",
    "char",
    "character",
    "date",
    "datetime",
    "dec",
    "decimal",
    "double",
    "enum",
    "fixed",
    "float",
    "geometry",
    "geometrycollection",
    "inet4",
    "inet6",
    "int",
    "integer",
    "json",
    "linestring",
    "long",
    "longblob",
    "longtext",
    "mediumblob",
    "mediumint",
    "mediumtext",
    "multilinestring",
    "multipoint",
    "multipolygon",
    "national",
    "nchar",
    "numeric",
    "nvarchar",
    "point",
    "polygon",
    "real",
    "serial",
    "set",
    "smallint",
    "text",
    "time",
    "timestamp",
    "tinyblob",
    "tinyint",
    "tinytext",
    "uuid",
    "varbinary",
    "varchar",
    "varcharacter",
    "year",
];

impl Grammar for Mysql {
    fn has(&self, syntax: Syntax) -> bool {
        match syntax {
            Syntax::MysqlColumnAttrs
            | Syntax::MysqlTableOptions
            | Syntax::InlineIndexes
            | Syntax::DelimiterBlocks
            | Syntax::SetStatement => true,
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
            | Syntax::Ownership
            | Syntax::UnloggedTables
            | Syntax::StorageParameters
            | Syntax::Partitions
            | Syntax::Inheritance
            | Syntax::PhysicalClauses
            | Syntax::IdentityColumns
            | Syntax::ExclusionConstraints
            | Syntax::VirtualTables
            | Syntax::StrictTables
            | Syntax::WithoutRowid
            | Syntax::Autoincrement => false,
        }
    }

    fn statement_keywords(&self) -> &'static [&'static str] {
        STATEMENT_KEYWORDS
    }

    /// Session settings, `USE db` and transactions of a mysqldump.
    fn housekeeping(&self, first_word: &str) -> bool {
        matches!(
            first_word,
            "begin" | "commit" | "rollback" | "start" | "set" | "use"
        )
    }

    fn generated_stored_by_default(&self) -> bool {
        false
    }

    fn indexes_per_table(&self) -> bool {
        true
    }

    fn expr_rules(&self) -> ExprRules {
        ExprRules {
            count_constant: true,
            ..ExprRules::default()
        }
    }

    fn namer(&self) -> Box<dyn Namer> {
        Box::new(PlaceholderNamer::default())
    }

    fn is_builtin_type(&self, ty: &Type) -> bool {
        let first = ty.name.split_whitespace().next().unwrap_or("");
        ty.user.is_none() && TYPE_NAMES.binary_search(&first).is_ok()
    }

    fn builtin_type_names(&self) -> &'static [&'static str] {
        TYPE_NAMES
    }
}

/// Placeholder names (`\u{1}key3`): MySQL names an unnamed key after its first column and a
/// foreign key `<table>_ibfk_<n>`, which needs the whole table; `complete` renames them.
#[derive(Default)]
struct PlaceholderNamer {
    count: usize,
}

/// The prefix of placeholder names.
pub(super) const PLACEHOLDER: char = '\u{1}';

impl Namer for PlaceholderNamer {
    fn take(&mut self, _table: &QualName, _name: &str, _kind: NameKind) {}

    fn release(&mut self, _table: &QualName, _name: &str, _kind: NameKind) {}

    fn choose(
        &mut self,
        _table: &QualName,
        _name1: &str,
        name2: &str,
        label: &str,
        _kind: NameKind,
    ) -> String {
        if label == "pkey" {
            return "PRIMARY".to_string();
        }
        self.count += 1;
        format!("{PLACEHOLDER}{label}{}{PLACEHOLDER}{name2}", self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [STATEMENT_KEYWORDS, TYPE_NAMES] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{:?}", w);
            }
        }
    }
}
