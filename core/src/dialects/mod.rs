//! The one place where SQL dialects differ: identifier folding, type names, default object
//! names and how each [`Change`](crate::change::Change) is spelled in SQL.

pub mod grammar;
mod mysql;
mod postgres;
pub mod sql;
pub mod sqlalchemy;
mod sqlite;
pub mod verify;

use crate::change::Change;
use crate::model::{
    Column, EnumType, Object, ObjectKind, QualName, Schema, Sequence, Sql, Table, Type,
};
pub use grammar::Grammar;
use serde::Serialize;
pub use sqlalchemy::SaType;
use std::collections::BTreeMap;

pub use postgres::Postgres;
pub use sqlite::{affinity, Sqlite};

/// The dialects schemashift knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DialectKind {
    #[default]
    Postgres,
    Sqlite,
    /// MySQL 8.0+.
    Mysql,
    /// MariaDB 10.6+: a flavour of the MySQL dialect.
    Mariadb,
}

/// One line per dialect: what names it, how user interfaces show it, its implementation.
pub struct Registration {
    pub kind: DialectKind,
    /// The canonical name (`--dialect postgres`), then the accepted aliases.
    pub names: &'static [&'static str],
    pub label: &'static str,
    pub dialect: &'static dyn Dialect,
}

/// The registry, in the order user interfaces list the dialects.
pub const REGISTRY: [Registration; 4] = [
    Registration {
        kind: DialectKind::Postgres,
        names: &["postgres", "postgresql", "pg"],
        label: "PostgreSQL",
        dialect: &Postgres,
    },
    Registration {
        kind: DialectKind::Sqlite,
        names: &["sqlite", "sqlite3"],
        label: "SQLite",
        dialect: &sqlite::SQLITE,
    },
    Registration {
        kind: DialectKind::Mysql,
        names: &["mysql"],
        label: "MySQL",
        dialect: &mysql::MYSQL,
    },
    Registration {
        kind: DialectKind::Mariadb,
        names: &["mariadb"],
        label: "MariaDB",
        dialect: &mysql::MARIADB,
    },
];

impl DialectKind {
    /// Every dialect, in the order user interfaces list them.
    pub const ALL: [DialectKind; REGISTRY.len()] = {
        let mut all = [DialectKind::Postgres; REGISTRY.len()];
        let mut i = 0;
        while i < REGISTRY.len() {
            all[i] = REGISTRY[i].kind;
            i += 1;
        }
        all
    };

    fn registration(self) -> &'static Registration {
        REGISTRY
            .iter()
            .find(|r| r.kind == self)
            .expect("every DialectKind has a line in REGISTRY")
    }

    /// REGISTRY's names and labels, copied at compile time without the implementations: what
    /// names and labels a dialect reads only these, so a program that only lists dialects (the
    /// web app's page) does not link every dialect's code through REGISTRY's vtables.
    const NAMES: [(DialectKind, &'static [&'static str], &'static str); REGISTRY.len()] = {
        let mut out = [(DialectKind::Postgres, &[] as &[&str], ""); REGISTRY.len()];
        let mut i = 0;
        while i < REGISTRY.len() {
            out[i] = (REGISTRY[i].kind, REGISTRY[i].names, REGISTRY[i].label);
            i += 1;
        }
        out
    };

    fn names(self) -> (&'static [&'static str], &'static str) {
        (Self::NAMES.iter())
            .find(|(k, _, _)| *k == self)
            .map(|(_, names, label)| (*names, *label))
            .expect("every DialectKind has a line in REGISTRY")
    }

    /// Parse a user-supplied dialect name (any case, aliases too).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.to_ascii_lowercase();
        (Self::NAMES.iter())
            .find(|(_, names, _)| names.contains(&name.as_str()))
            .map(|(kind, _, _)| *kind)
    }

    pub fn name(self) -> &'static str {
        self.names().0[0]
    }

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        self.names().1
    }

    /// The dialect's implementation.
    pub fn dialect(self) -> &'static dyn Dialect {
        self.registration().dialect
    }
}

/// What verification on a real engine runs for a dialect (`dialects/<d>/verify.rs`).
pub fn verify_sql(kind: DialectKind) -> &'static dyn verify::VerifySql {
    match kind {
        DialectKind::Postgres => &postgres::verify::Verify,
        DialectKind::Sqlite => &sqlite::verify::Verify,
        DialectKind::Mysql => &mysql::verify::Verify("MySQL"),
        DialectKind::Mariadb => &mysql::verify::Verify("MariaDB"),
    }
}

/// Everything that differs between databases.
pub trait Dialect: Sync {
    fn kind(&self) -> DialectKind;
    /// The sqlparser dialect used to tokenize and parse expressions.
    fn parser_dialect(&self) -> &dyn sqlparser::dialect::Dialect;
    /// The statements and clauses the database has, how it names unnamed objects and prints
    /// stored expressions: what the input frontends ask (see [`grammar`]).
    fn grammar(&self) -> &dyn Grammar;
    /// Schema that unqualified names live in.
    fn default_schema(&self) -> &'static str;
    /// Fold an unquoted identifier the way the database does.
    fn fold_ident(&self, ident: &str) -> crate::model::Str;
    /// A quoted identifier as the database stores it.
    fn fold_quoted(&self, ident: &str) -> crate::model::Str;
    /// The default of a column fed by a sequence (never asked of a database without
    /// sequences, whose inputs have none).
    fn nextval_default(&self, seq: &QualName) -> Sql {
        Sql::new(String::new(), format!("nextval('{seq}')"))
    }
    /// If `col` of `table` is exactly what the `serial` pseudo-type of some integer type makes
    /// with sequence `seq`, that pseudo-type (`None` where there is no `serial`).
    fn serial_of(&self, _col: &Column, _seq: &Sequence, _table: &QualName) -> Option<&'static str> {
        None
    }
    /// Canonical form of a type as written (e.g. `int4` -> `integer`); `name` is lower-cased
    /// unless it was quoted or schema-qualified.
    fn normalize_type(
        &self,
        name: &str,
        schema: Option<&str>,
        modifiers: Option<String>,
        array_dims: u8,
        search_schema: &str,
    ) -> Type;
    /// Spell a type in SQL.
    fn render_type(&self, ty: &Type) -> String;
    /// Quote an identifier if needed.
    fn quote_ident(&self, ident: &str) -> String;
    /// Quote a possibly schema-qualified name (the default schema is left out).
    fn quote_name(&self, name: &QualName) -> String {
        if name.schema == self.default_schema() || name.schema.is_empty() {
            self.quote_ident(&name.name)
        } else {
            format!(
                "{}.{}",
                self.quote_ident(&name.schema),
                self.quote_ident(&name.name)
            )
        }
    }
    /// Fill in what the database would: default constraint and index names, implied NOT NULL,
    /// serial sequences, referenced key columns.
    fn complete(&self, schema: &mut Schema);
    /// Fill in now what the database fills in when it makes or alters table `table` (the
    /// names of its unnamed keys, the indexes its foreign keys need), for a statement that
    /// names them before the input ends (MySQL's `ALTER TABLE t DROP FOREIGN KEY t_ibfk_1`,
    /// `DROP INDEX c0` of an unnamed key). Most databases keep names as written: nothing to do.
    fn complete_table(&self, _schema: &mut Schema, _table: &QualName) {}
    /// An `ALTER TABLE` changed table `t`'s options from `old`'s (MySQL's `[DEFAULT] CHARACTER
    /// SET`, `COLLATE`; `convert`: `CONVERT TO CHARACTER SET`, which converts every character
    /// column): its columns as the server leaves them. Nothing to do for most databases.
    fn table_options_altered(&self, _old: &Table, _t: &mut Table, _convert: bool) {}
    /// Whether a change of column type from `from` to `to` needs an explicit conversion.
    fn needs_using(&self, from: &Column, to: &Column) -> bool;
    /// SQL statements (without trailing `;`) for one change.
    fn render_change(&self, change: &Change, out: &mut Vec<String>);

    /// Statements a script starts with, given all its changes (e.g. settings, `BEGIN`).
    fn script_prologue(&self, _changes: &[Change]) -> Vec<String> {
        Vec::new()
    }
    /// A statement as an SQL script for the database's command-line client writes it (before
    /// its `;`): MySQL wraps bodies holding `;` in `DELIMITER` lines. Other outputs (Alembic's
    /// `op.execute`) take the statement as it is.
    fn script_statement(&self, statement: String) -> String {
        statement
    }
    /// Statements a script ends with.
    fn script_epilogue(&self, _changes: &[Change]) -> Vec<String> {
        Vec::new()
    }
    /// Two consecutive statements of a script as one, where the database does both in one
    /// statement and users expect it (MySQL's `ALTER TABLE t ADD COLUMN .., MODIFY COLUMN ..,
    /// ADD INDEX ..`); `None` keeps them apart. The order of the script is kept: only
    /// neighbours merge, in the order the planner gave.
    fn merge_statements(&self, _first: &str, _second: &str) -> Option<String> {
        None
    }

    /// What a change of kept table `from`'s options to those of `to` does to its columns:
    /// `None` when nothing (the change goes after the table's other changes). Otherwise
    /// whether the change converts them (MySQL's `CONVERT TO CHARACTER SET`) and `from`'s
    /// columns as the change leaves them, written as in a table with `to`'s options (a column
    /// that keeps its character set while the table's default changes now writes it); the
    /// change then goes before the table's column changes, which start from those columns.
    fn options_reach_columns(
        &self,
        _from: &Table,
        _to: &Table,
    ) -> Option<(bool, crate::model::Map<crate::model::Str, Column>)> {
        None
    }

    /// Hazards particular to this database (locking, conversions), for a change of a table
    /// that `existing` says already has rows (it is not created by the same plan).
    fn hazards(&self, _change: &Change, _existing: bool) -> Vec<crate::hazard::Hazard> {
        Vec::new()
    }

    /// `CREATE INDEX CONCURRENTLY`, `ADD CONSTRAINT .. NOT VALID` + `VALIDATE CONSTRAINT`.
    fn online_ddl(&self) -> bool {
        false
    }
    /// A value of the type for rows that need one (`--backfill`): the type's zero, empty
    /// string, `false`, empty JSON object, the current time.
    fn zero_value(&self, _ty: &Type) -> Option<String> {
        None
    }

    /// The statement that drops an object kept by definition.
    fn drop_object_sql(&self, kind: ObjectKind, name: &str, table: Option<&QualName>) -> String {
        match table {
            Some(t) => format!(
                "DROP {} {} ON {}",
                kind.sql(),
                self.quote_ident(name),
                self.quote_name(t)
            ),
            None => format!("DROP {} {}", kind.sql(), self.quote_ident(name)),
        }
    }

    // ----- what the planner may do ------------------------------------------------------------

    /// A generated column can become a plain one keeping its values (PostgreSQL's `ALTER
    /// COLUMN .. DROP EXPRESSION`, or a rebuild that copies them); otherwise it is dropped and
    /// added again.
    fn drops_generation(&self) -> bool {
        false
    }

    /// Whether object `to` replaces `from` in one statement (PostgreSQL's `CREATE OR REPLACE
    /// FUNCTION` keeping the signature); otherwise the old one is dropped and the new one
    /// created, with what uses it (views) dropped before and recreated after.
    fn replaces_in_place(&self, _from: &Object, _to: &Object) -> bool {
        false
    }

    /// Unnamed constraints get a name the database stores (PostgreSQL's `t_pkey`); when not,
    /// the names schemashift gives them are internal and never differ.
    fn stores_constraint_names(&self) -> bool {
        true
    }
    /// A foreign key needs an index on its columns at all times: the database makes one with
    /// the key and refuses to drop the last one ("needed in a foreign key constraint",
    /// MySQL). A key or index that takes over from the one a kept foreign key uses is then
    /// added before that one is dropped (next to it, so that a dialect that merges statements
    /// can make both one statement when they share a name).
    fn foreign_keys_need_an_index(&self) -> bool {
        false
    }
    /// Whether an index option is written in DDL; `false` for options that only mark what
    /// the model knows (MySQL's index implied by a foreign key).
    fn index_option_is_written(&self, _option: &str) -> bool {
        true
    }
    /// Whether the database makes index `i` of `table` itself when it creates one of the
    /// table's foreign keys as written (MySQL's implied index, named after the key's written
    /// name): a plan creates it only where the foreign key already exists.
    fn index_made_by_foreign_key(
        &self,
        _i: &crate::model::Index,
        _table: &crate::model::Table,
    ) -> bool {
        false
    }
    /// A constraint can be renamed in place (`RENAME CONSTRAINT`); when not, a renamed
    /// constraint is dropped and added under its new name.
    fn renames_constraints(&self) -> bool {
        true
    }
    /// An index's or key's comment is written in its definition and no statement sets it
    /// alone (MySQL's `KEY i (a) COMMENT '..'`): a changed comment drops and re-adds it, and a
    /// new one needs no separate comment statement.
    fn key_comments_in_definition(&self) -> bool {
        false
    }
    /// The catalog records a written `DEFAULT NULL` (PostgreSQL as `NULL::type`, SQLite as the
    /// text), so a column created from a definition that has it is written with it. MySQL
    /// shows `DEFAULT NULL` for every nullable column without a default, written or not.
    fn records_null_default(&self) -> bool {
        true
    }
    /// Foreign keys live inside `CREATE TABLE` only (no `ALTER TABLE .. ADD CONSTRAINT`), and
    /// are not checked when a table is created, so they are never deferred or re-added.
    fn foreign_keys_inline(&self) -> bool {
        false
    }
    /// Whether `change`, one of the changes of kept table `from` -> `to`, can be done with an
    /// `ALTER` statement; if any cannot, the table is rebuilt ([`Change::RebuildTable`]).
    fn alter_in_place(&self, _change: &Change, _from: &Table, _to: &Table) -> bool {
        true
    }
    /// The dialect with MySQL's `lower_case_table_names` = `mode` (1 or 2: table and view
    /// names compared in lower case); `None` when that changes nothing (0, or a database
    /// without the setting).
    fn with_lower_case_table_names(&self, _mode: u8) -> Option<Box<dyn Dialect>> {
        None
    }
    /// Names are folded for comparison but written as the schemas spelled them (see
    /// [`Dialect::with_spellings`]).
    fn keeps_spelling(&self) -> bool {
        false
    }
    /// A dialect instance that writes identifiers with the spellings the schemas used
    /// (case-insensitive databases keep names as written); `None` when folding already keeps
    /// them. `spellings` maps each folded name to how it was written.
    fn with_spellings(
        &self,
        _spellings: &BTreeMap<crate::model::Str, String>,
    ) -> Option<Box<dyn Dialect>> {
        None
    }
    /// SQLAlchemy's name for this database (`postgresql`), the prefix of its dialect-specific
    /// keyword arguments (`postgresql_where=`); `None` when SQLAlchemy has no dialect for it.
    fn sqlalchemy_name(&self) -> Option<&'static str>;
    /// Column names are case-insensitive (MySQL): a column spelled in another case is the same
    /// column, renamed.
    fn columns_case_insensitive(&self) -> bool {
        false
    }
    /// The name a migration writes for a constraint it adds; `None` leaves naming to the
    /// database (MySQL numbers unnamed keys itself, and names their indexes differently when
    /// a name is given).
    fn written_constraint_name(&self, c: &crate::model::Constraint) -> Option<String> {
        Some(c.name.to_string())
    }
    /// The keyword argument (after the `sqlalchemy_name` prefix) and the value SQLAlchemy
    /// takes for an index method other than the default: `using='gin'` in PostgreSQL.
    fn sa_index_method(&self, method: &str) -> (&'static str, String) {
        ("using", method.to_string())
    }
    /// Whether Alembic revisions are written for this database (its types map to SQLAlchemy's,
    /// [`Dialect::sa_type`]).
    fn alembic_revisions(&self) -> bool {
        self.sqlalchemy_name().is_some()
    }
    /// The SQLAlchemy type for a column type in an Alembic file, `None` when SQLAlchemy has
    /// none that emits the same DDL (the change is then written as `op.execute` with SQL).
    /// `enum_type` is the definition of the user type `ty` names, when it is an enum.
    fn sa_type(
        &self,
        ty: &Type,
        collation: Option<&str>,
        enum_type: Option<&EnumType>,
    ) -> Option<SaType>;
    /// The SQLAlchemy type of a column: its type with the column's collation and whatever
    /// else of the column its type carries (MySQL's character set).
    fn sa_column_type(&self, column: &Column, enum_type: Option<&EnumType>) -> Option<SaType> {
        self.sa_type(&column.ty, column.collation.as_deref(), enum_type)
    }
    /// A change of a column restates the whole column in one statement (MySQL's `MODIFY
    /// COLUMN`, which Alembic writes from `existing_type`, `existing_nullable`,
    /// `existing_server_default`, `existing_autoincrement` and `existing_comment`): Alembic's
    /// `alter_column` gets all of them, and a new type and default go in the same call.
    fn restates_column(&self) -> bool {
        false
    }
}

/// Foreign keys written without columns reference the primary key of their table.
pub(crate) fn fill_foreign_key_targets(schema: &mut Schema) {
    // A dump names the referenced columns; only hand-written DDL leaves them out.
    let unnamed = |t: &crate::model::Table| {
        t.constraints.values().any(|c| {
            matches!(&c.kind, crate::model::ConstraintKind::ForeignKey { ref_columns, .. }
                if ref_columns.is_empty())
        })
    };
    if !schema.tables.values().any(unnamed) {
        return;
    }
    let pks: std::collections::HashMap<QualName, Vec<crate::model::Str>> = schema
        .tables
        .values()
        .filter_map(|t| match t.primary_key().map(|c| &c.kind) {
            Some(crate::model::ConstraintKind::PrimaryKey { columns, .. }) => {
                Some((t.name.clone(), columns.clone()))
            }
            _ => None,
        })
        .collect();
    for t in schema.tables.values_mut() {
        for c in t.constraints.values_mut() {
            if let crate::model::ConstraintKind::ForeignKey {
                ref_table,
                ref_columns,
                ..
            } = &mut c.kind
            {
                if ref_columns.is_empty() {
                    if let Some(pk) = pks.get(ref_table) {
                        *ref_columns = pk.clone();
                    }
                }
            }
        }
    }
}

/// An identifier as it appears in keys: bare when that reads back as the same name.
pub fn canonical_ident(folded: &str, dialect: &dyn Dialect) -> String {
    let mut out = String::new();
    push_canonical_ident(&mut out, folded, dialect);
    out
}

/// [`canonical_ident`], written at the end of `out`.
pub fn push_canonical_ident(out: &mut String, folded: &str, dialect: &dyn Dialect) {
    if dialect.fold_ident(folded) == folded && is_plain_ident(folded) {
        out.push_str(folded);
    } else {
        out.push('"');
        out.push_str(&folded.replace('"', "\"\""));
        out.push('"');
    }
}

fn is_plain_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn every_registry_line_names_its_own_dialect() {
        for r in &REGISTRY {
            assert_eq!(r.dialect.kind(), r.kind, "{}", r.label);
            for name in r.names {
                assert_eq!(DialectKind::from_name(name), Some(r.kind));
                assert_eq!(DialectKind::from_name(&name.to_uppercase()), Some(r.kind));
            }
            assert_eq!(r.kind.name(), r.names[0]);
        }
        assert_eq!(DialectKind::ALL.len(), REGISTRY.len());
        assert_eq!(DialectKind::from_name("oracle"), None);
    }
}
