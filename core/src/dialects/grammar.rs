//! What a database's DDL has, for the input frontends: which statements and clauses exist
//! ([`Syntax`]), which words start a statement, how the database names what the DDL leaves
//! unnamed ([`Namer`]), how it prints the expressions it stores ([`ExprRules`]), which types
//! are built in. Each dialect answers in its own `grammar.rs` / `naming.rs`; the frontends
//! ask, and never test which dialect they read.

use crate::model::{QualName, Type};

/// Statements and clauses that only some databases have. Each dialect's
/// [`Grammar::has`] is an exhaustive `match`, so a new entry makes every dialect decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Syntax {
    /// `CREATE SCHEMA`.
    CreateSchema,
    /// `CREATE EXTENSION`.
    CreateExtension,
    /// `CREATE TYPE .. AS ENUM`, `ALTER TYPE .. ADD VALUE`.
    EnumTypes,
    /// Other `CREATE TYPE` forms (composite, range, base, shell types).
    CreateType,
    /// `CREATE DOMAIN`.
    CreateDomain,
    /// `CREATE SEQUENCE`, `ALTER SEQUENCE`.
    Sequences,
    /// `CREATE FUNCTION`, `CREATE PROCEDURE`.
    Routines,
    /// `CREATE POLICY`, `ALTER TABLE .. ROW LEVEL SECURITY`.
    RowSecurity,
    /// `CREATE MATERIALIZED VIEW`.
    MaterializedViews,
    /// `CREATE VIRTUAL TABLE .. USING module(..)`.
    VirtualTables,
    /// `ALTER INDEX` (rename, attach partition, ...).
    AlterIndex,
    /// `GRANT`, `REVOKE`.
    Privileges,
    /// `COMMENT ON`.
    Comments,
    /// `SET` (`search_path` and other session settings).
    SetStatement,
    /// `.. OWNER TO role`.
    Ownership,
    /// `CREATE UNLOGGED TABLE`.
    UnloggedTables,
    /// Storage parameters: `WITH (fillfactor = 70)` on tables, indexes and views.
    StorageParameters,
    /// `PARTITION BY`, `PARTITION OF`, `ATTACH PARTITION`.
    Partitions,
    /// `INHERITS (parent)`.
    Inheritance,
    /// `TABLESPACE x`, `USING access_method`, `WITHOUT OIDS`, `ON COMMIT`: physical clauses
    /// that are read and not compared.
    PhysicalClauses,
    /// `GENERATED .. AS IDENTITY`.
    IdentityColumns,
    /// `EXCLUDE USING ..` constraints.
    ExclusionConstraints,
    /// SQLite's `STRICT` tables.
    StrictTables,
    /// SQLite's `WITHOUT ROWID` tables.
    WithoutRowid,
    /// SQLite's `AUTOINCREMENT` on an `INTEGER PRIMARY KEY`.
    Autoincrement,
    /// MySQL column attributes: `UNSIGNED`/`ZEROFILL`, `AUTO_INCREMENT`, `ON UPDATE`,
    /// `CHARACTER SET`, `COMMENT '..'`, `INVISIBLE`.
    MysqlColumnAttrs,
    /// MySQL table options: `ENGINE=`, `DEFAULT CHARSET=`, `COLLATE=`, `COMMENT=`...
    MysqlTableOptions,
    /// `KEY`/`INDEX`/`FULLTEXT`/`SPATIAL` indexes inside `CREATE TABLE`.
    InlineIndexes,
    /// mysql client `DELIMITER ;;` blocks (triggers and routines in a mysqldump).
    DelimiterBlocks,
}

/// How a database prints the expressions it stores (defaults, checks, index expressions,
/// view queries), so that canonical keys see through its spellings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExprRules {
    /// Literals are printed with a cast (`'a'::text`, `'-1'::integer`, `'0.00'::numeric`):
    /// casts of literals are dropped, numbers in strings read as numbers, and cast types get
    /// their canonical names.
    pub literal_casts: bool,
    /// Operators printed in the database's own spelling: `x = ANY (ARRAY[..])` for `IN`,
    /// `~~` for `LIKE`, `timezone(z, x)` for `x AT TIME ZONE z`.
    pub operator_spellings: bool,
    /// The schema of built-in functions and types, dropped from names (`pg_catalog`).
    pub catalog_schema: Option<&'static str>,
    /// Sequence names in `nextval('seq')` are resolved against the default schema.
    pub sequence_functions: bool,
    /// `count(*)` is stored as `count(0)` (MySQL, MariaDB): a count of a constant is read
    /// as `count(*)`.
    pub count_constant: bool,
}

/// What a name is given to: relations (tables, indexes, sequences, views) and constraints
/// may live in different namespaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Relation,
    Constraint,
    /// A constraint backed by an index (primary key, unique, exclusion): both at once.
    IndexConstraint,
}

/// The names taken so far in one schema snapshot, and the names the database gives to
/// unnamed objects. One per parse ([`Grammar::namer`]).
pub trait Namer {
    /// A name written in the DDL (or chosen) is taken: `table` is the table a constraint
    /// belongs to (for a relation, the relation itself).
    fn take(&mut self, table: &QualName, name: &str, kind: NameKind);
    /// A name is free again: what it named was dropped (a table dropped by a migration
    /// and created again gets its names back, as in the database).
    fn release(&mut self, table: &QualName, name: &str, kind: NameKind);
    /// A free name for an unnamed object of `table`: from `name1` (the table), `name2` (its
    /// columns, may be empty) and a `label` (`pkey`, `key`, `fkey`, `check`, `idx`, `seq`...).
    /// The name is not taken until [`Namer::take`].
    fn choose(
        &mut self,
        table: &QualName,
        name1: &str,
        name2: &str,
        label: &str,
        kind: NameKind,
    ) -> String;
}

/// A database's DDL grammar, as the input frontends need it.
pub trait Grammar: Sync {
    /// Whether the database has this statement or clause. A statement or clause it does not
    /// have is reported (W001) and left out of the schema.
    fn has(&self, syntax: Syntax) -> bool;
    /// The words a statement of this database may start with, lower-case and sorted.
    fn statement_keywords(&self) -> &'static [&'static str];
    /// Statements that belong to a dump's bookkeeping (transactions, `PRAGMA`), skipped
    /// without a word.
    fn housekeeping(&self, first_word: &str) -> bool;
    /// Tables the database creates and manages itself (SQLite's `sqlite_sequence`): a schema
    /// dump lists them, no migration touches them.
    fn is_internal_table(&self, _name: &str) -> bool {
        false
    }
    /// Column types are free-form declared names (`UNSIGNED BIG INT`, `NVARCHAR(160)`), kept
    /// as written rather than resolved to a known type.
    fn declared_types(&self) -> bool {
        false
    }
    /// A string literal may stand for an identifier (`CREATE TABLE 'x'`).
    fn strings_as_identifiers(&self) -> bool {
        false
    }
    /// `AS (expr)` without `STORED`/`VIRTUAL` is stored.
    fn generated_stored_by_default(&self) -> bool {
        true
    }
    /// The integer type a `serial`-like pseudo-type stands for.
    fn serial_type(&self, _name: &str) -> Option<&'static str> {
        None
    }
    /// Identical key constraints written in one `CREATE TABLE` (`id int PRIMARY KEY UNIQUE`)
    /// are one constraint, backed by one index (PostgreSQL); otherwise each is kept.
    fn merges_duplicate_keys(&self) -> bool {
        false
    }
    /// The privileges `ALL` stands for on an object kind (`TABLE`, `SEQUENCE`...); `columns`
    /// when the grant names columns. Only asked when the database has [`Syntax::Privileges`].
    fn all_privileges(&self, _object_kind: &str, _columns: bool) -> &'static [&'static str] {
        &[]
    }
    /// Index names are unique per table rather than per schema (MySQL): indexes are keyed
    /// by table (`schema.table` as the key's schema part).
    fn indexes_per_table(&self) -> bool {
        false
    }
    /// How the database prints stored expressions.
    fn expr_rules(&self) -> ExprRules {
        ExprRules::default()
    }
    /// A fresh [`Namer`] for one schema snapshot.
    fn namer(&self) -> Box<dyn Namer>;
    /// Whether a column type is one the database has without a definition in the file (a
    /// built-in type; for declared types, a name made of the words types are made of).
    fn is_builtin_type(&self, ty: &Type) -> bool;
    /// Built-in type names, for "did you mean" suggestions.
    fn builtin_type_names(&self) -> &'static [&'static str];
    /// The types an extension brings, when the extension is a known one (`None`: any type may
    /// come from it).
    fn extension_types(&self, _extension: &str) -> Option<&'static [&'static str]> {
        None
    }
}

/// The name `make(label)` if it is free, else `make("label1")`, `make("label2")`...: how
/// databases number a default name that is taken.
pub fn numbered_name(
    label: &str,
    make: impl Fn(&str) -> String,
    taken: impl Fn(&str) -> bool,
) -> String {
    let mut pass = 0;
    loop {
        let l = if pass == 0 {
            label.to_string()
        } else {
            format!("{label}{pass}")
        };
        let candidate = make(&l);
        if !taken(&candidate) {
            return candidate;
        }
        pass += 1;
    }
}

/// The closest of `candidates` to `word` (case-insensitive) when it is a likely misspelling:
/// an edit distance of 1, or 2 for words of 5 letters or more.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    let limit = if word.chars().count() >= 5 { 2 } else { 1 };
    candidates
        .iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word, &c.to_ascii_lowercase()),
                *c,
            )
        })
        .filter(|(d, _)| *d > 0 && *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_close_words_only() {
        let kws = ["alter", "create", "drop", "grant"];
        assert_eq!(did_you_mean("CREAT", &kws), Some("create"));
        assert_eq!(did_you_mean("crate", &kws), Some("create"));
        assert_eq!(did_you_mean("dorp", &kws), Some("drop"));
        assert_eq!(did_you_mean("hello", &kws), None);
        assert_eq!(did_you_mean("create", &kws), None);
    }
}
