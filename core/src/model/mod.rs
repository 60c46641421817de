//! The schema model: what a database holds, normalised so that equal schemas compare equal
//! however their DDL was written.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The model's names and short texts: a string stored inline up to 24 bytes (an identifier,
/// `public`, a short default), on the heap beyond. A dump has hundreds of thousands of them.
pub use compact_str::{format_compact, CompactString as Str, ToCompactString};

/// `s` in ASCII lower case, inline when short (a keyword, most names): one copy, no `String`.
pub fn ascii_lowercase(s: &str) -> Str {
    let mut out = Str::from(s);
    out.make_ascii_lowercase();
    out
}

/// The model's maps: in insertion order (the order statements gave), with a fast hash.
pub type Map<K, V> = indexmap::IndexMap<K, V, rustc_hash::FxBuildHasher>;
/// [`Map`]'s set.
pub type Set<K> = indexmap::IndexSet<K, rustc_hash::FxBuildHasher>;

/// A schema-qualified object name, already folded (unquoted identifiers lower-cased in
/// PostgreSQL).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct QualName {
    pub schema: Str,
    pub name: Str,
}

impl QualName {
    pub fn new(schema: impl Into<Str>, name: impl Into<Str>) -> Self {
        Self {
            schema: schema.into(),
            name: name.into(),
        }
    }
}

impl fmt::Display for QualName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.schema, self.name)
    }
}

/// A SQL fragment (default, check, index expression, view query...): the text to emit, and a
/// canonical key that two spellings of the same expression share.
#[derive(Clone, Debug, Serialize)]
pub struct Sql {
    pub text: Str,
    #[serde(skip)]
    pub key: Str,
}

impl Sql {
    pub fn new(text: impl Into<Str>, key: impl Into<Str>) -> Self {
        Self {
            text: text.into(),
            key: key.into(),
        }
    }
}

impl PartialEq for Sql {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Sql {}

impl std::hash::Hash for Sql {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

impl PartialOrd for Sql {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sql {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// A column type. `name` is canonical (`integer`, `character varying`, `timestamp with time
/// zone`, or a qualified user type), `modifiers` the typmod list (`200`, `10,2`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Type {
    pub name: Str,
    pub modifiers: Option<Str>,
    pub array_dims: u8,
    /// A user-defined type (enum, domain, composite) named by `user` (boxed: most columns
    /// have none, and a dump has hundreds of thousands of columns).
    pub user: Option<Box<QualName>>,
}

impl Type {
    pub fn builtin(name: &str) -> Self {
        Self {
            name: name.into(),
            modifiers: None,
            array_dims: 0,
            user: None,
        }
    }
}

/// The whole database.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    pub namespaces: Map<Str, Namespace>,
    pub extensions: Map<Str, Extension>,
    pub enums: Map<QualName, EnumType>,
    pub sequences: Map<QualName, Sequence>,
    pub tables: Map<QualName, Table>,
    /// Indexes of tables and materialized views, by (schema, index name).
    pub indexes: Map<QualName, Index>,
    pub views: Map<QualName, View>,
    /// Objects kept by their definition text: functions, triggers, domains, policies...
    pub objects: Map<ObjectId, Object>,
    /// Privileges granted (`GRANT`), each with whether it carries `WITH GRANT OPTION`.
    pub grants: Map<Grant, bool>,
    /// Identifiers as written, by folded name (first spelling seen), for dialects that fold
    /// names for comparison but write them as the user did.
    pub spellings: std::collections::BTreeMap<Str, String>,
    /// Renames the DDL declares (`-- schemashift: renamed from old`): not part of the schema
    /// itself, read by the planner.
    pub renames: Vec<Rename>,
    /// Columns (table name, column name) the input defines but could not be read (models.py
    /// input: a warning said so): compared as they are on the other side, never dropped.
    pub uncompared: Vec<(Str, Str)>,
    /// Columns (table name, column name) whose default the input could not read (models.py
    /// and Alembic input: a warning said so): compared as the other side has it.
    pub uncompared_defaults: Vec<(Str, Str)>,
}

/// The default the Python frontends write for a server default they cannot read: the column
/// is built with it, and [`Schema::take_uncompared_defaults`] leaves the default out of the
/// comparison.
pub const UNCOMPARED_DEFAULT: &str = "schemashift_uncompared_default";

impl Schema {
    /// Columns whose default is [`UNCOMPARED_DEFAULT`] lose it, for the uncompared list.
    pub fn take_uncompared_defaults(&mut self) {
        let Schema {
            tables,
            uncompared_defaults,
            ..
        } = self;
        for (qn, t) in tables.iter_mut() {
            for (cn, c) in t.columns.iter_mut() {
                let marked = (c.default.as_ref())
                    .is_some_and(|d| d.text.eq_ignore_ascii_case(UNCOMPARED_DEFAULT));
                if marked {
                    c.set_default(None);
                    uncompared_defaults.push((qn.name.clone(), cn.clone()));
                }
            }
        }
    }

    /// Give `self` the other side's definition of each column `self` could not read, so
    /// that a column left out of the comparison is neither dropped nor changed.
    pub fn carry_uncompared(&mut self, other: &Schema) {
        let their_table = |t: &str| other.tables.iter().find(|(q, _)| q.name == t);
        for (t, c) in std::mem::take(&mut self.uncompared_defaults) {
            let theirs = their_table(&t).and_then(|(q, theirs)| Some((q, theirs.columns.get(&c)?)));
            let Some((qn, col)) = theirs else { continue };
            if let Some(ours) = self.tables.get_mut(qn).and_then(|t| t.columns.get_mut(&c)) {
                ours.default = col.default.clone();
                ours.null_default = col.null_default;
            }
        }
        for (t, c) in std::mem::take(&mut self.uncompared) {
            let Some((qn, theirs)) = their_table(&t) else {
                continue;
            };
            let (Some(col), Some(ours)) = (theirs.columns.get(&c), self.tables.get_mut(qn)) else {
                continue;
            };
            if ours.columns.contains_key(&c) {
                continue;
            }
            let at = theirs.columns.get_index_of(&c).unwrap_or(usize::MAX);
            let (last, _) = ours.columns.insert_full(c.clone(), col.clone());
            ours.columns.move_index(last, at.min(last));
            // Its enum type comes with it.
            if let Some(u) = col.ty.user.as_deref() {
                if let (false, Some(e)) = (self.enums.contains_key(u), other.enums.get(u)) {
                    self.enums.insert(u.clone(), e.clone());
                }
            }
        }
    }
}

/// What a rename is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RenameKind {
    Table,
    Column,
    Index,
}

/// `from` became `to`. For a table, `table` is the table under its new name; for a column
/// or an index, the table it belongs to, as named on the side the rename is applied to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rename {
    pub kind: RenameKind,
    pub table: QualName,
    pub from: Str,
    pub to: Str,
    /// Where the DDL declared it (line, column), if it did.
    #[serde(skip)]
    pub at: Option<(u32, u32, usize)>,
}

/// One privilege on one object (or column) for one grantee.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Grant {
    /// `TABLE`, `SEQUENCE`, `SCHEMA`, `FUNCTION`, `TYPE`...
    pub object_kind: String,
    /// The object; for functions the name carries the argument types.
    pub object: QualName,
    pub privilege: String,
    pub column: Option<Str>,
    /// A role name, or `PUBLIC`.
    pub grantee: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Namespace {
    pub name: Str,
    pub comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub name: Str,
    pub schema: Option<Str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnumType {
    pub name: QualName,
    pub values: Vec<String>,
    pub comment: Option<String>,
}

/// A sequence with every option resolved to its effective value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sequence {
    pub name: QualName,
    /// `smallint`, `integer` or `bigint`.
    pub data_type: String,
    pub start: i128,
    pub increment: i128,
    pub min: i128,
    pub max: i128,
    pub cache: i128,
    pub cycle: bool,
    /// Table and column the sequence belongs to (`OWNED BY`).
    pub owned_by: Option<(QualName, Str)>,
    pub comment: Option<String>,
}

impl Sequence {
    /// Whether the two are the same sequence but for their comments (compared field by
    /// field: a dump has thousands of sequences, and clones to compare cost more).
    pub fn same_but_comment(&self, other: &Sequence) -> bool {
        let Sequence {
            name,
            data_type,
            start,
            increment,
            min,
            max,
            cache,
            cycle,
            owned_by,
            comment: _,
        } = self;
        (
            name, data_type, start, increment, min, max, cache, cycle, owned_by,
        ) == (
            &other.name,
            &other.data_type,
            &other.start,
            &other.increment,
            &other.min,
            &other.max,
            &other.cache,
            &other.cycle,
            &other.owned_by,
        )
    }

    /// A sequence with PostgreSQL's defaults for `data_type`.
    pub fn with_defaults(name: QualName, data_type: &str) -> Self {
        let max = match data_type {
            "smallint" => i16::MAX as i128,
            "integer" => i32::MAX as i128,
            _ => i64::MAX as i128,
        };
        Self {
            name,
            data_type: data_type.to_string(),
            start: 1,
            increment: 1,
            min: 1,
            max,
            cache: 1,
            cycle: false,
            owned_by: None,
            comment: None,
        }
    }

    /// The options as `(keyword, value)` that differ from the defaults of its type.
    pub fn non_default_options(&self) -> Vec<String> {
        let d = Self::defaults_for(&self.data_type, self.increment);
        let mut out = Vec::new();
        if self.increment != 1 {
            out.push(format!("INCREMENT BY {}", self.increment));
        }
        if self.min != d.min {
            out.push(format!("MINVALUE {}", self.min));
        }
        if self.max != d.max {
            out.push(format!("MAXVALUE {}", self.max));
        }
        let default_start = if self.increment > 0 {
            self.min
        } else {
            self.max
        };
        if self.start != default_start {
            out.push(format!("START WITH {}", self.start));
        }
        if self.cache != 1 {
            out.push(format!("CACHE {}", self.cache));
        }
        if self.cycle {
            out.push("CYCLE".to_string());
        }
        out
    }

    /// Default min and max for a type and direction.
    pub fn defaults_for(data_type: &str, increment: i128) -> Self {
        let mut s = Self::with_defaults(QualName::new("", ""), data_type);
        if increment < 0 {
            s.max = -1;
            s.min = match data_type {
                "smallint" => i16::MIN as i128,
                "integer" => i32::MIN as i128,
                _ => i64::MIN as i128,
            };
            s.start = s.max;
        }
        s.increment = increment;
        s
    }
}

/// Identity column (`GENERATED ALWAYS|BY DEFAULT AS IDENTITY`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub always: bool,
    /// Non-default sequence options, canonical (`START WITH 10`, ...).
    pub options: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Column {
    pub name: Str,
    pub ty: Type,
    pub not_null: bool,
    pub default: Option<Sql>,
    pub identity: Option<Box<Identity>>,
    /// `GENERATED ALWAYS AS (expr) STORED|VIRTUAL`.
    pub generated: Option<Box<Generated>>,
    pub collation: Option<String>,
    pub comment: Option<String>,
    /// Column attributes that belong to one dialect (MySQL's `AUTO_INCREMENT`, `ON UPDATE`,
    /// `CHARACTER SET`...), in a canonical order: see [`ColumnAttr`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<ColumnAttr>,
    /// `DEFAULT NULL` (or `NULL::type`) was written: the same as no default, so not compared,
    /// but written back where the column is created by dialects whose catalog records it
    /// (PostgreSQL keeps `NULL::character varying`, SQLite the text).
    #[serde(skip)]
    pub null_default: Uncompared<bool>,
}

/// A value kept as it was written but never compared: models that differ only in it are equal.
#[derive(Clone, Copy, Debug, Default)]
pub struct Uncompared<T>(pub T);

impl<T> PartialEq for Uncompared<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl<T> Eq for Uncompared<T> {}

impl Column {
    /// Sets the default as written: `DEFAULT NULL` in any spelling is no default (only
    /// remembered in [`Column::null_default`]).
    pub fn set_default(&mut self, default: Option<Sql>) {
        let null = default.as_ref().is_some_and(|d| d.key == "NULL");
        self.null_default = Uncompared(null);
        self.default = default.filter(|_| !null);
    }

    /// MySQL's `AUTO_INCREMENT`.
    pub fn auto_increment(&self) -> bool {
        self.attrs.contains(&ColumnAttr::AutoIncrement)
    }

    /// The same column without `AUTO_INCREMENT` (while its key does not exist).
    pub fn without_auto_increment(&self) -> Column {
        let mut plain = self.clone();
        plain.attrs.retain(|a| *a != ColumnAttr::AutoIncrement);
        plain
    }
}

/// An attribute of a column that only some dialects have; a column's list is sorted.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnAttr {
    /// MySQL `CHARACTER SET x` (canonical, lower-case).
    Charset(String),
    /// MySQL `AUTO_INCREMENT`.
    AutoIncrement,
    /// MySQL `ON UPDATE CURRENT_TIMESTAMP[(n)]`, its canonical text.
    OnUpdate(String),
    /// MySQL `INVISIBLE`.
    Invisible,
    /// MySQL column `COMMENT 'text'` (part of the column definition there: a change is a
    /// `MODIFY COLUMN`).
    Comment(String),
    /// MariaDB's column `CHECK (expr)` (the server names it after the column): part of the
    /// column's definition, which only a `MODIFY COLUMN` restating the column adds or drops
    /// (`DROP CONSTRAINT` fails with ERROR 1091), and which every `MODIFY COLUMN` restates.
    Check(Sql),
}

/// A generated column's expression and whether its values are stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Generated {
    pub expr: Sql,
    pub stored: bool,
}

/// What a foreign key does on delete or update.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefAction {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl RefAction {
    pub fn sql(self) -> &'static str {
        match self {
            Self::NoAction => "NO ACTION",
            Self::Restrict => "RESTRICT",
            Self::Cascade => "CASCADE",
            Self::SetNull => "SET NULL",
            Self::SetDefault => "SET DEFAULT",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ConstraintKind {
    PrimaryKey {
        columns: Vec<Str>,
        include: Vec<Str>,
    },
    Unique {
        columns: Vec<Str>,
        include: Vec<Str>,
        nulls_not_distinct: bool,
    },
    Check {
        expr: Sql,
        no_inherit: bool,
    },
    ForeignKey {
        columns: Vec<Str>,
        ref_table: QualName,
        ref_columns: Vec<Str>,
        on_delete: RefAction,
        on_update: RefAction,
        match_full: bool,
    },
    /// `EXCLUDE USING ...`, kept as its text after `EXCLUDE`.
    Exclude {
        body: Sql,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Constraint {
    pub name: Str,
    #[serde(flatten)]
    pub kind: ConstraintKind,
    pub deferrable: bool,
    pub initially_deferred: bool,
    /// Whether the name was generated by us rather than written in the DDL.
    #[serde(skip)]
    pub implicit_name: bool,
    pub comment: Option<String>,
}

impl Constraint {
    pub fn is_foreign_key(&self) -> bool {
        matches!(self.kind, ConstraintKind::ForeignKey { .. })
    }

    /// Equal definitions (name and comment aside).
    pub fn same_definition(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.deferrable == other.deferrable
            && self.initially_deferred == other.initially_deferred
    }
}

/// A table partition: `PARTITION OF parent FOR VALUES ...`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartitionOf {
    pub parent: QualName,
    /// `FOR VALUES ...` or `DEFAULT`.
    pub bound: Sql,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    pub name: QualName,
    pub columns: Map<Str, Column>,
    pub constraints: Map<Str, Constraint>,
    pub comment: Option<String>,
    /// `PARTITION BY ...` key of a partitioned table.
    pub partition_by: Option<Sql>,
    pub partition_of: Option<PartitionOf>,
    pub inherits: Vec<QualName>,
    /// Table attributes that belong to one dialect (`UNLOGGED`, storage parameters, SQLite's
    /// `STRICT`...), in a canonical order: see [`TableAttr`].
    pub attrs: Vec<TableAttr>,
    pub row_security: bool,
    pub force_row_security: bool,
}

impl Table {
    pub fn new(name: QualName) -> Self {
        Self {
            name,
            columns: Map::default(),
            constraints: Map::default(),
            comment: None,
            partition_by: None,
            partition_of: None,
            inherits: Vec::new(),
            attrs: Vec::new(),
            row_security: false,
            force_row_security: false,
        }
    }

    pub fn primary_key(&self) -> Option<&Constraint> {
        self.constraints
            .values()
            .find(|c| matches!(c.kind, ConstraintKind::PrimaryKey { .. }))
    }

    /// Whether the table has the attribute.
    pub fn has(&self, attr: &TableAttr) -> bool {
        self.attrs.contains(attr)
    }

    /// Its storage parameters (`fillfactor=70`), in the order written.
    pub fn storage_params(&self) -> Vec<&str> {
        storage_params(&self.attrs)
    }
}

/// An attribute of a table that only some dialects have. A table's list is canonical: the
/// frontend puts `Unlogged` first, then the storage parameters in the order written, then
/// SQLite's attributes sorted, so equal tables have equal lists. Serialized as its SQL
/// (`UNLOGGED`, `fillfactor=70`, `STRICT`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableAttr {
    /// PostgreSQL `CREATE UNLOGGED TABLE`.
    Unlogged,
    /// One PostgreSQL storage parameter of `WITH (..)`, canonical `name=value`.
    Storage(String),
    /// SQLite `AUTOINCREMENT` on the integer primary key (SQLAlchemy's `sqlite_autoincrement`
    /// is a table option too).
    SqliteAutoincrement,
    /// SQLite `STRICT`.
    SqliteStrict,
    /// SQLite `WITHOUT ROWID`.
    SqliteWithoutRowid,
    /// MySQL `ENGINE=x`, as written out (`ENGINE=MyISAM`).
    MysqlEngine(String),
    /// MySQL `DEFAULT CHARSET=x`, as written out (`DEFAULT CHARSET=utf8mb4`).
    MysqlCharset(String),
    /// MySQL `COLLATE=x`, as written out (`COLLATE=utf8mb4_bin`).
    MysqlCollate(String),
    /// Another MySQL table option, as written out (`ROW_FORMAT=DYNAMIC`).
    MysqlOption(String),
}

impl TableAttr {
    /// An attribute that, when a table does not write it, the table takes from its database's
    /// default (MySQL's character set and collation): a side that leaves it out does not ask
    /// for a change.
    pub fn inherited_when_unwritten(&self) -> bool {
        matches!(self, Self::MysqlCharset(_) | Self::MysqlCollate(_))
    }

    /// Whether two tables' attribute lists differ, an inherited attribute only counting when
    /// both write one of its kind.
    pub fn lists_differ(a: &[TableAttr], b: &[TableAttr]) -> bool {
        let kind = |x: &TableAttr| std::mem::discriminant(x);
        let keep = |x: &&TableAttr, other: &[TableAttr]| {
            !x.inherited_when_unwritten() || other.iter().any(|o| kind(o) == kind(x))
        };
        let fa: Vec<&TableAttr> = a.iter().filter(|x| keep(x, b)).collect();
        let fb: Vec<&TableAttr> = b.iter().filter(|x| keep(x, a)).collect();
        fa != fb
    }

    /// How the attribute is written in DDL.
    pub fn sql(&self) -> &str {
        match self {
            Self::Unlogged => "UNLOGGED",
            Self::Storage(param) => param,
            Self::SqliteAutoincrement => "AUTOINCREMENT",
            Self::SqliteStrict => "STRICT",
            Self::SqliteWithoutRowid => "WITHOUT ROWID",
            Self::MysqlEngine(v)
            | Self::MysqlCharset(v)
            | Self::MysqlCollate(v)
            | Self::MysqlOption(v) => v,
        }
    }
}

impl Serialize for TableAttr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.sql())
    }
}

/// The storage parameters among table attributes, in order.
pub fn storage_params(attrs: &[TableAttr]) -> Vec<&str> {
    attrs
        .iter()
        .filter_map(|a| match a {
            TableAttr::Storage(p) => Some(p.as_str()),
            _ => None,
        })
        .collect()
}

/// One key of an index: a column or an expression with its options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndexKey {
    /// A quoted column name or a parenthesised expression, ready to emit.
    pub expr: Sql,
    pub collation: Option<String>,
    /// Boxed: hardly any key has one, and a dump has tens of thousands of keys.
    pub opclass: Option<Box<Sql>>,
    pub descending: bool,
    /// `NULLS FIRST` (true) / `NULLS LAST` (false) when it differs from the default.
    pub nulls_first: Option<bool>,
}

impl IndexKey {
    /// The column the key names when it is a plain or quoted (`"x"`, `` `x` ``) identifier;
    /// `None` for an expression.
    pub fn column(&self) -> Option<String> {
        unquote_ident(&self.expr.text)
    }
}

/// An identifier as written plain or quoted (`"x"`, `` `x` ``, doubled quotes inside), unquoted;
/// `None` for anything else (an expression).
pub fn unquote_ident(text: &str) -> Option<String> {
    for q in ['"', '`'] {
        if let Some(inner) = text.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            let doubled: String = [q, q].iter().collect();
            if inner.replace(&doubled, "").contains(q) {
                return None;
            }
            return Some(inner.replace(&doubled, &q.to_string()));
        }
    }
    let plain = text.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    plain.then(|| text.to_string())
}

/// An index's access method, lower-case: the methods of PostgreSQL and MySQL borrowed (a dump
/// names one for each of its tens of thousands of indexes), any other owned.
pub fn index_method(name: impl AsRef<str> + Into<String>) -> Cow<'static, str> {
    const KNOWN: [&str; 8] = [
        "btree", "hash", "gin", "gist", "brin", "spgist", "fulltext", "spatial",
    ];
    match KNOWN.iter().find(|k| **k == name.as_ref()) {
        Some(k) => Cow::Borrowed(k),
        None => Cow::Owned(name.into()),
    }
}

/// The schema part of an index's key where index names are unique per table rather than per
/// schema (MySQL): `schema.table`.
pub fn index_namespace(table: &QualName) -> Str {
    format_compact!("{}.{}", table.schema, table.name)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Index {
    pub name: QualName,
    pub table: QualName,
    pub unique: bool,
    /// The access method (`btree` borrowed: no allocation for each of a dump's indexes).
    pub method: Cow<'static, str>,
    pub keys: Vec<IndexKey>,
    pub include: Vec<Str>,
    /// Boxed: most indexes are not partial, and a dump has tens of thousands of indexes.
    pub predicate: Option<Box<Sql>>,
    pub options: Vec<String>,
    pub nulls_not_distinct: bool,
    pub comment: Option<String>,
    /// Whether the name was generated by us.
    #[serde(skip)]
    pub implicit_name: bool,
}

impl Index {
    /// Equal definitions (name and comment aside).
    pub fn same_definition(&self, other: &Self) -> bool {
        self.table == other.table
            && self.unique == other.unique
            && self.method == other.method
            && self.keys == other.keys
            && self.include == other.include
            && self.predicate == other.predicate
            && self.options == other.options
            && self.nulls_not_distinct == other.nulls_not_distinct
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct View {
    pub name: QualName,
    pub materialized: bool,
    pub columns: Vec<Str>,
    pub query: Sql,
    pub options: Vec<String>,
    pub check_option: Option<String>,
    pub with_data: bool,
    pub comment: Option<String>,
    /// Relations the query reads (tables and views), for ordering.
    #[serde(skip)]
    pub depends_on: Vec<QualName>,
}

/// Kinds of objects kept by definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    Domain,
    CompositeType,
    Function,
    Procedure,
    Aggregate,
    Trigger,
    Policy,
    Rule,
    /// SQLite `CREATE VIRTUAL TABLE .. USING module(..)`.
    VirtualTable,
    /// MySQL `CREATE EVENT`.
    Event,
}

impl ObjectKind {
    pub fn sql(self) -> &'static str {
        match self {
            Self::Domain => "DOMAIN",
            Self::CompositeType => "TYPE",
            Self::Function => "FUNCTION",
            Self::Procedure => "PROCEDURE",
            Self::Aggregate => "AGGREGATE",
            Self::Trigger => "TRIGGER",
            Self::Policy => "POLICY",
            Self::Rule => "RULE",
            Self::VirtualTable => "TABLE",
            Self::Event => "EVENT",
        }
    }

    /// Whether objects of this kind must exist before tables (types, functions used in
    /// defaults and checks) rather than after them (triggers, policies).
    pub fn before_tables(self) -> bool {
        matches!(
            self,
            Self::Domain | Self::CompositeType | Self::Function | Self::Procedure | Self::Aggregate
        )
    }
}

/// Identity of a definition-kept object: kind plus a canonical signature such as
/// `public.f(integer,text)` or `public.t.trg`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ObjectId {
    pub kind: ObjectKind,
    pub signature: String,
}

/// An object compared by its normalised definition.
#[derive(Clone, Debug, Serialize)]
pub struct Object {
    pub id: ObjectId,
    /// The statement that creates it.
    pub create: Sql,
    /// The statement that drops it.
    pub drop: String,
    /// What follows `COMMENT ON` for it (e.g. `FUNCTION public.f(integer)`).
    pub comment_target: String,
    pub comment: Option<String>,
    /// Statements that belong to the object after its creation (e.g. `ALTER FUNCTION .. OWNER`
    /// is not kept, but `ALTER TABLE .. ENABLE TRIGGER` would be).
    pub extra: Vec<String>,
    /// Table the object hangs off (triggers, policies, rules).
    pub table: Option<QualName>,
    /// A domain's or composite type's parts, read from its definition: what lets a change be
    /// written in place (`ALTER DOMAIN`, `ALTER TYPE .. ATTRIBUTE`) rather than drop and
    /// create, which the columns of the type forbid. Its key is the object's key.
    #[serde(skip)]
    pub parts: Option<Box<TypeParts>>,
}

/// What a domain or composite type is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeParts {
    Domain(DomainParts),
    Composite(Vec<Attribute>),
}

/// `CREATE DOMAIN name AS base [COLLATE c] [DEFAULT expr] [NOT NULL] [CONSTRAINT n CHECK (..)]..`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainParts {
    pub base: Type,
    pub collation: Option<String>,
    pub default: Option<Sql>,
    pub not_null: bool,
    /// Named checks, in definition order (unnamed ones take PostgreSQL's `<domain>_check`,
    /// `<domain>_check1`...).
    pub checks: Vec<(Str, Sql)>,
}

/// One attribute of a composite type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: Str,
    pub ty: Type,
    pub collation: Option<String>,
}

impl PartialEq for Object {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.create == other.create && self.extra == other.extra
    }
}
