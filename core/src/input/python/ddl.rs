//! [`TableDef`]s -> the DDL SQLAlchemy's `create_all` emits for them (per dialect), with each
//! line's origin in the Python sources, so the SQL frontend's schema builder reads it exactly as
//! it reads SQL input and its diagnostics can point back into the models.

use super::models::{ColumnDef, ConstraintDef, Finding, FkDef, IndexDef, Origin, TableDef};
use super::types::{Compiler, SaType};
use crate::diagnostics::Code;
use std::collections::BTreeMap;

/// DDL text and where each of its lines comes from.
#[derive(Default)]
pub struct Emitted {
    pub sql: String,
    /// (byte offset in `sql`, origin) of each line written, in order.
    pub origins: Vec<(usize, Origin)>,
}

impl Emitted {
    pub(crate) fn line(&mut self, text: &str, at: Origin) {
        self.origins.push((self.sql.len(), at));
        self.sql.push_str(text);
        self.sql.push('\n');
    }

    /// Append another text and its origins.
    pub(crate) fn append(&mut self, other: Emitted) {
        let base = self.sql.len();
        self.origins
            .extend(other.origins.into_iter().map(|(o, at)| (o + base, at)));
        self.sql.push_str(&other.sql);
    }

    /// The origin of a byte offset of `sql`.
    pub fn origin_of(&self, offset: usize) -> Option<Origin> {
        let i = self.origins.partition_point(|(o, _)| *o <= offset);
        self.origins.get(i.checked_sub(1)?).map(|(_, at)| *at)
    }
}

const RESERVED: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "constraint",
    "create",
    "current_catalog",
    "current_date",
    "current_role",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "fetch",
    "for",
    "foreign",
    "from",
    "grant",
    "group",
    "having",
    "in",
    "initially",
    "intersect",
    "into",
    "lateral",
    "leading",
    "limit",
    "localtime",
    "localtimestamp",
    "not",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "placing",
    "primary",
    "references",
    "returning",
    "select",
    "session_user",
    "some",
    "symmetric",
    "table",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "when",
    "where",
    "window",
    "with",
    "authorization",
    "binary",
    "collation",
    "concurrently",
    "cross",
    "freeze",
    "full",
    "ilike",
    "inner",
    "is",
    "isnull",
    "join",
    "left",
    "like",
    "natural",
    "notnull",
    "outer",
    "overlaps",
    "right",
    "similar",
    "verbose",
    "index",
    "key",
    "type",
    "value",
    "values",
];

/// A name as SQLAlchemy's preparer writes it: bare when lower case and not reserved. MySQL
/// names are always backquoted (the same name to the server; no reserved-word list to keep).
pub fn quote(name: &str, c: Compiler) -> String {
    if c == Compiler::Mysql {
        return format!("`{}`", name.replace('`', "``"));
    }
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !RESERVED.contains(&name);
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

pub(crate) fn qual(schema: &Option<String>, name: &str, c: Compiler) -> String {
    match schema {
        Some(s) => format!("{}.{}", quote(s, c), quote(name, c)),
        None => quote(name, c),
    }
}

pub(crate) fn sql_str(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A string literal as SQLAlchemy renders it for `c` (MySQL also escapes backslashes).
pub(crate) fn literal(s: &str, c: Compiler) -> String {
    if c == Compiler::Mysql {
        sql_str(&s.replace('\\', "\\\\"))
    } else {
        sql_str(s)
    }
}

/// Fill a naming-convention template.
pub(crate) fn convention(
    template: &str,
    table: &str,
    columns: &[String],
    referred: Option<&FkDef>,
    constraint_name: Option<&str>,
) -> Option<String> {
    let mut out = template.to_string();
    let c0 = columns.first().cloned().unwrap_or_default();
    let subs: Vec<(String, String)> = vec![
        ("%(table_name)s".into(), table.to_string()),
        ("%(column_0_name)s".into(), c0.clone()),
        ("%(column_0_label)s".into(), format!("{table}_{c0}")),
        ("%(column_0_key)s".into(), c0.clone()),
        ("%(column_0N_name)s".into(), columns.concat()),
        ("%(column_0_N_name)s".into(), columns.join("_")),
        (
            "%(column_0N_label)s".into(),
            columns
                .iter()
                .map(|c| format!("{table}_{c}"))
                .collect::<Vec<_>>()
                .concat(),
        ),
        (
            "%(column_0_N_label)s".into(),
            columns
                .iter()
                .map(|c| format!("{table}_{c}"))
                .collect::<Vec<_>>()
                .join("_"),
        ),
        ("%(column_0N_key)s".into(), columns.concat()),
        ("%(column_0_N_key)s".into(), columns.join("_")),
        (
            "%(referred_table_name)s".into(),
            referred.map_or(String::new(), |f| f.table.clone()),
        ),
        (
            "%(referred_column_0_name)s".into(),
            referred
                .and_then(|f| f.ref_columns.first().cloned())
                .unwrap_or_default(),
        ),
        (
            "%(referred_column_0N_name)s".into(),
            referred.map_or(String::new(), |f| f.ref_columns.concat()),
        ),
        (
            "%(referred_column_0_N_name)s".into(),
            referred.map_or(String::new(), |f| f.ref_columns.join("_")),
        ),
    ];
    if out.contains("%(constraint_name)s") {
        out = out.replace("%(constraint_name)s", constraint_name?);
    }
    for (k, v) in subs {
        out = out.replace(&k, &v);
    }
    Some(out)
}

/// The name SQLAlchemy gives a constraint of kind `key` (`uq`, `ck`, `fk`, `pk`, `ix`) in
/// DDL compiled by `c`.
pub(crate) fn constraint_name(
    t: &TableDef,
    key: &str,
    given: Option<&str>,
    columns: &[String],
    fk: Option<&FkDef>,
    c: Compiler,
) -> Option<String> {
    let conv = match t.naming.get(key) {
        Some(tpl) if given.is_none() || tpl.contains("%(constraint_name)s") => {
            convention(tpl, &t.name, columns, fk, given)
        }
        _ if key == "ix" && given.is_none() && !t.naming.contains_key("ix") => {
            convention("ix_%(column_0_label)s", &t.name, columns, fk, None)
        }
        _ => None,
    };
    match conv {
        Some(name) => Some(shorten(name, max_name_length(c))),
        None => given.map(str::to_string),
    }
}

/// The longest constraint or index name SQLAlchemy's dialect writes (`max_identifier_length`,
/// or MySQL's `max_index_name_length` / `max_constraint_name_length`), in characters.
fn max_name_length(c: Compiler) -> usize {
    match c {
        Compiler::Postgresql => 63,
        Compiler::Mysql => 64,
        Compiler::Sqlite => 9999,
    }
}

/// SQLAlchemy's `_truncate_and_render_maxlen_name` for names made by a naming convention
/// (`conv`, a `_truncated_label`): longer than `max` characters, the name is its first
/// `max - 8` characters, `_` and the last 4 hex digits of the MD5 of the whole name.
/// (Names given explicitly are never shortened by SQLAlchemy.)
pub(crate) fn shorten(name: String, max: usize) -> String {
    if name.chars().count() <= max {
        return name;
    }
    use md5::{Digest, Md5};
    let digest = Md5::digest(name.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let head: String = name.chars().take(max - 8).collect();
    format!("{head}_{}", &hex[hex.len() - 4..])
}

/// The DDL of `tables` for SQLAlchemy's compiler `c`, as `create_all` orders it: enum types,
/// then tables (each followed by its indexes), then comments. `prefix` is SQLAlchemy's name of
/// the dialect, the prefix of the keyword arguments that apply (`mysql_engine=`). Columns
/// SQLAlchemy could not compile for the dialect are left out with a finding.
pub fn emit(
    tables: &[TableDef],
    c: Compiler,
    prefix: &str,
    findings: &mut Vec<Finding>,
) -> Emitted {
    let pg = c == Compiler::Postgresql;
    let mut e = Emitted::default();
    // Columns whose type SQLAlchemy cannot compile for the dialect.
    let mut kept: Vec<TableDef> = Vec::with_capacity(tables.len());
    for t in tables {
        let mut t = t.clone();
        t.columns.retain(|col| match col.compile_error(c) {
            Some(why) => {
                findings.push(Finding {
                    code: Code::W001,
                    at: col.at,
                    message: format!(
                        "column `{}` of table `{}`: {why}; the column is not compared",
                        col.name, t.name
                    ),
                });
                false
            }
            None => true,
        });
        if c == Compiler::Sqlite {
            let pk = t.columns.iter().filter(|col| col.primary_key).count()
                + t.constraints
                    .iter()
                    .map(|(k, _)| match k {
                        ConstraintDef::PrimaryKey { columns, .. } => columns.len(),
                        _ => 0,
                    })
                    .sum::<usize>();
            for col in &t.columns {
                if pk > 1 && col.autoincrement == Some(true) && col.ty.serial().is_some() {
                    findings.push(Finding {
                        code: Code::W001,
                        at: col.at,
                        message: format!(
                            "column `{}` of table `{}`: SQLite does not support autoincrement for composite primary keys (SQLAlchemy raises CompileError); compared without it",
                            col.name, t.name
                        ),
                    });
                }
            }
        }
        kept.push(t);
    }
    let tables = &kept[..];
    // PostgreSQL enum types, once per name, in the default schema whatever the table's
    // (SQLAlchemy's `Enum` takes no schema from its table unless `inherit_schema=True`, and
    // the column names the type unqualified).
    if pg {
        let mut seen: BTreeMap<String, ()> = BTreeMap::new();
        for t in tables {
            for col in &t.columns {
                let mut ty = &col.ty;
                while let SaType::Array(inner) = ty {
                    ty = inner;
                }
                if let SaType::Enum {
                    name,
                    labels,
                    native: true,
                    ..
                } = ty
                {
                    if seen.insert(name.clone(), ()).is_none() {
                        let labels: Vec<String> = labels.iter().map(|l| sql_str(l)).collect();
                        e.line(
                            &format!(
                                "CREATE TYPE {} AS ENUM ({});",
                                quote(name, c),
                                labels.join(", ")
                            ),
                            col.at,
                        );
                    }
                }
            }
        }
    }
    // A column's `Sequence(...)` is created before its table (PostgreSQL: the only dialect
    // of these whose SQLAlchemy compiler creates sequences), once per name.
    let mut sequences: Vec<String> = Vec::new();
    for t in tables {
        if pg {
            for col in &t.columns {
                let Some(seq) = &col.sequence else { continue };
                let name = qual(&seq.schema, &seq.name, c);
                if !sequences.contains(&name) {
                    e.line(&format!("CREATE SEQUENCE {name}{};", seq.options), col.at);
                    sequences.push(name);
                }
            }
        }
        table(&mut e, t, c, prefix, findings);
    }
    if pg {
        for t in tables {
            if let Some(text) = &t.comment {
                e.line(
                    &format!(
                        "COMMENT ON TABLE {} IS {};",
                        qual(&t.schema, &t.name, c),
                        sql_str(text)
                    ),
                    t.at,
                );
            }
            for col in &t.columns {
                if let Some(text) = &col.comment {
                    e.line(
                        &format!(
                            "COMMENT ON COLUMN {}.{} IS {};",
                            qual(&t.schema, &t.name, c),
                            quote(&col.name, c),
                            sql_str(text)
                        ),
                        col.at,
                    );
                }
            }
        }
    }
    e
}

/// MySQL table options (`ENGINE=InnoDB COMMENT='..'`) as SQLAlchemy's MySQL compiler writes
/// them after the closing parenthesis, from the keyword arguments with `prefix`.
fn table_options(t: &TableDef, prefix: &str) -> String {
    let mut out = String::new();
    for (k, v) in &t.options {
        let Some(opt) = k.strip_prefix(prefix).and_then(|o| o.strip_prefix('_')) else {
            continue;
        };
        let mut opt = opt.to_ascii_uppercase();
        if matches!(
            opt.as_str(),
            "DEFAULT_CHARACTER_SET" | "CHARACTER_SET" | "DEFAULT_CHARSET" | "DEFAULT_COLLATE"
        ) {
            opt = opt.replace('_', " ");
        }
        let joiner = if matches!(
            opt.as_str(),
            "DEFAULT CHARACTER SET" | "CHARACTER SET" | "COLLATE"
        ) {
            " "
        } else {
            "="
        };
        out.push_str(&format!(" {opt}{joiner}{v}"));
    }
    if let Some(text) = &t.comment {
        out.push_str(&format!(" COMMENT={}", literal(text, Compiler::Mysql)));
    }
    out
}

pub(crate) fn table(
    e: &mut Emitted,
    t: &TableDef,
    c: Compiler,
    prefix: &str,
    findings: &mut Vec<Finding>,
) {
    let pg = c == Compiler::Postgresql;
    let my = c == Compiler::Mysql;
    let mut pk_cols: Vec<String> = t
        .columns
        .iter()
        .filter(|c| c.primary_key)
        .map(|c| c.name.clone())
        .collect();
    let mut pk_name = None;
    let mut pk_at = t.at;
    for (c, at) in &t.constraints {
        if let ConstraintDef::PrimaryKey { name, columns } = c {
            pk_cols = columns.clone();
            pk_name = name.clone();
            pk_at = *at;
        }
    }
    // The autoincrement column: SQLAlchemy's rules for a single integer primary key; of a
    // composite key, the integer column that says `autoincrement=True`.
    let auto = if pk_cols.len() == 1 {
        t.columns.iter().find(|c| {
            c.name == pk_cols[0]
                && c.ty.serial().is_some()
                && c.autoincrement != Some(false)
                && (c.autoincrement == Some(true)
                    || (c.fks.is_empty()
                        && c.server_default.is_none()
                        && c.computed.is_none()
                        && !c.py_default))
        })
    } else {
        t.columns.iter().find(|c| {
            pk_cols.contains(&c.name) && c.ty.serial().is_some() && c.autoincrement == Some(true)
        })
    };
    // A key made from `primary_key=True` columns lists the autoincrement column first.
    let implicit_pk = !t
        .constraints
        .iter()
        .any(|(k, _)| matches!(k, ConstraintDef::PrimaryKey { .. }));
    if let Some(a) = auto.filter(|_| implicit_pk) {
        if let Some(i) = pk_cols.iter().position(|n| *n == a.name) {
            let first = pk_cols.remove(i);
            pk_cols.insert(0, first);
        }
    }
    let mut header = format!("CREATE TABLE {} (", qual(&t.schema, &t.name, c));
    if let Some(old) = &t.renamed_from {
        header.push_str(&format!(" -- schemashift: renamed from {old}"));
    }
    e.line(&header, t.at);
    let mut items: Vec<(String, Origin)> = Vec::new();
    let sqlite_inline_pk = c == Compiler::Sqlite && t.sqlite_autoincrement && auto.is_some();
    for col in &t.columns {
        // A column of a table-level primary key is NOT NULL unless `nullable=` says.
        let keyed;
        let col = if col.nullable && !col.nullable_given && pk_cols.contains(&col.name) {
            keyed = ColumnDef {
                nullable: false,
                ..col.clone()
            };
            &keyed
        } else {
            col
        };
        let is_auto = auto.is_some_and(|a| a.name == col.name);
        let ty =
            if pg && is_auto && !col.py_default && col.identity.is_none() && col.sequence.is_none()
            {
                col.ty
                    .serial()
                    .map_or_else(|| col.ty.ddl(c), str::to_string)
            } else {
                col.ty.ddl(c)
            };
        let checks: Vec<Option<String>> = (col.checks.iter())
            .map(|(name, _)| constraint_name(t, "ck", name.as_deref(), &[], None, c))
            .collect();
        let inline_pk = sqlite_inline_pk && is_auto;
        let mut line = format!(
            "\t{}",
            column_spec(col, &ty, is_auto, c, inline_pk, &checks)
        );
        if let Some(old) = &col.renamed_from {
            // Written after the comma (see below): `\0` separates it.
            line.push_str(&format!("\u{0}-- schemashift: renamed from {old}"));
        }
        items.push((line, col.at));
    }
    if !pk_cols.is_empty() && !sqlite_inline_pk {
        let name = constraint_name(t, "pk", pk_name.as_deref(), &pk_cols, None, c);
        let cols: Vec<String> = pk_cols.iter().map(|n| quote(n, c)).collect();
        let prefix = name.map_or(String::new(), |n| format!("CONSTRAINT {} ", quote(&n, c)));
        items.push((
            format!("\t{prefix}PRIMARY KEY ({})", cols.join(", ")),
            pk_at,
        ));
    }
    // SQLAlchemy writes a table's constraints in creation order: those of `__table_args__` /
    // `Table(...)` (built before the table), then, column by column, what the table builds
    // from each column: its `unique=True` (without index=True), then its foreign keys. The
    // order decides the names the database gives unnamed ones (PostgreSQL's `_key1` on a
    // clash, MySQL's `_ibfk_<n>`).
    let fk_line = |fk: &FkDef| {
        let name = constraint_name(t, "fk", fk.name.as_deref(), &fk.columns, Some(fk), c);
        let prefix = name.map_or(String::new(), |n| format!("CONSTRAINT {} ", quote(&n, c)));
        let cols: Vec<String> = fk.columns.iter().map(|n| quote(n, c)).collect();
        let refs: Vec<String> = fk.ref_columns.iter().map(|n| quote(n, c)).collect();
        let mut line = format!(
            "\t{prefix}FOREIGN KEY({}) REFERENCES {} ({})",
            cols.join(", "),
            qual(&t.schema, &fk.table, c),
            refs.join(", ")
        );
        line.push_str(&fk.clauses());
        line
    };
    for (k, at) in &t.constraints {
        match k {
            ConstraintDef::Unique {
                name,
                columns,
                nulls_not_distinct,
            } => {
                let name = constraint_name(t, "uq", name.as_deref(), columns, None, c);
                let prefix =
                    name.map_or(String::new(), |n| format!("CONSTRAINT {} ", quote(&n, c)));
                let cols: Vec<String> = columns.iter().map(|n| quote(n, c)).collect();
                let nulls = if *nulls_not_distinct {
                    " NULLS NOT DISTINCT"
                } else {
                    ""
                };
                items.push((
                    format!("\t{prefix}UNIQUE{nulls} ({})", cols.join(", ")),
                    *at,
                ));
            }
            ConstraintDef::Check { name, sql } => {
                items.push((
                    format!("\t{}", check_clause(t, name.as_deref(), sql, c)),
                    *at,
                ));
            }
            ConstraintDef::ForeignKey(fk) => items.push((fk_line(fk), *at)),
            ConstraintDef::PrimaryKey { .. } => {}
        }
    }
    for col in &t.columns {
        if col.unique && !col.index {
            let cols = vec![col.name.clone()];
            let name = constraint_name(t, "uq", None, &cols, None, c);
            let prefix = name.map_or(String::new(), |n| format!("CONSTRAINT {} ", quote(&n, c)));
            items.push((
                format!("\t{prefix}UNIQUE ({})", quote(&col.name, c)),
                col.at,
            ));
        }
        for (name, sql) in &col.type_checks {
            items.push((
                format!("\t{}", check_clause(t, name.as_deref(), sql, c)),
                col.at,
            ));
        }
        for fk in &col.fks {
            items.push((fk_line(fk), col.at));
        }
    }
    let n = items.len();
    for (i, (text, at)) in items.into_iter().enumerate() {
        let comma = if i + 1 < n { "," } else { "" };
        match text.split_once('\u{0}') {
            Some((def, comment)) => e.line(&format!("{def}{comma} {comment}"), at),
            None => e.line(&format!("{text}{comma}"), at),
        }
    }
    let options = if my {
        table_options(t, prefix)
    } else {
        String::new()
    };
    e.line(&format!("){options};"), t.at);
    // Indexes: index=True columns, then __table_args__ Index(...).
    let mut indexes: Vec<(Emitted, Origin)> = Vec::new();
    for col in &t.columns {
        if col.index {
            let cols = vec![col.name.clone()];
            let name = constraint_name(t, "ix", None, &cols, None, c).unwrap_or_default();
            let unique = if col.unique { "UNIQUE " } else { "" };
            let mut one = Emitted::default();
            one.line(
                &format!(
                    "CREATE {unique}INDEX {} ON {} ({});",
                    quote(&name, c),
                    qual(&t.schema, &t.name, c),
                    quote(&col.name, c)
                ),
                col.at,
            );
            indexes.push((one, col.at));
        }
    }
    for (idx, at) in &t.indexes {
        let mut one = Emitted::default();
        index(&mut one, t, idx, *at, c);
        indexes.push((one, *at));
    }
    // The same index declared twice (`index=True` and an `Index` the naming convention names
    // alike): create_all emits it twice and the database refuses the second; it is read once.
    let mut seen: Vec<String> = Vec::new();
    for (one, at) in indexes {
        if seen.contains(&one.sql) {
            findings.push(Finding {
                code: Code::W002,
                at,
                message: format!(
                    "table `{}`: this index is declared twice alike (create_all would create it twice, which the database refuses); it is read once",
                    t.name
                ),
            });
        } else {
            seen.push(one.sql.clone());
            e.append(one);
        }
    }
}

/// A column's definition as SQLAlchemy's DDL compiler writes it (`name TYPE [DEFAULT ..]
/// [NOT NULL]`, its generated expression, identity and check constraints), with `ty` already
/// compiled; `is_auto`: the table's autoincrement column.
pub(crate) fn column_def(col: &ColumnDef, ty: &str, is_auto: bool, c: Compiler) -> String {
    let checks: Vec<Option<String>> = col.checks.iter().map(|(n, _)| n.clone()).collect();
    column_spec(col, ty, is_auto, c, false, &checks)
}

/// [`column_def`] with SQLite's inline `PRIMARY KEY AUTOINCREMENT` (`inline_pk`) and the
/// names of the column's check constraints (`checks`, after the table's naming convention).
fn column_spec(
    col: &ColumnDef,
    ty: &str,
    is_auto: bool,
    c: Compiler,
    inline_pk: bool,
    checks: &[Option<String>],
) -> String {
    let my = c == Compiler::Mysql;
    let pg = c == Compiler::Postgresql;
    let mut line = format!("{} {}", quote(&col.name, c), ty);
    // A key column is NOT NULL unless `nullable=True` is given: SQLAlchemy then writes none
    // (SQLite keeps such a column nullable).
    let not_null = !col.nullable || (col.primary_key && !col.nullable_given);
    let computed = col.computed.as_ref().map(|(sql, persisted)| {
        let kind = match persisted {
            Some(true) => " STORED",
            Some(false) => " VIRTUAL",
            // PostgreSQL's compiler always writes STORED (its only kind).
            None if pg => " STORED",
            None => "",
        };
        format!(" GENERATED ALWAYS AS ({sql}){kind}")
    });
    if my {
        // SQLAlchemy's MySQL order: the generated expression, NOT NULL, COMMENT, then
        // AUTO_INCREMENT or DEFAULT.
        if let Some(g) = &computed {
            line.push_str(g);
        }
        if not_null {
            line.push_str(" NOT NULL");
        } else if matches!(
            col.ty,
            SaType::Timestamp { .. }
                | SaType::Mysql {
                    kind: crate::input::python::types::MysqlKind::Timestamp,
                    ..
                }
        ) {
            // A MySQL TIMESTAMP is NOT NULL unless said otherwise: SQLAlchemy says NULL.
            line.push_str(" NULL");
        }
        if let Some(text) = &col.comment {
            line.push_str(&format!(" COMMENT {}", literal(text, c)));
        }
        match &col.server_default {
            None if is_auto => line.push_str(" AUTO_INCREMENT"),
            Some(d) => line.push_str(&format!(" DEFAULT {d}")),
            None => {}
        }
    } else if pg {
        // PostgreSQL: DEFAULT, the generated expression, the identity, then NOT NULL (an
        // identity is NOT NULL by itself: NULL is written when the column says so).
        if let Some(d) = &col.server_default {
            line.push_str(&format!(" DEFAULT {d}"));
        }
        if let Some(g) = &computed {
            line.push_str(g);
        }
        if let Some(always) = col.identity {
            let kind = if always { "ALWAYS" } else { "BY DEFAULT" };
            line.push_str(&format!(" GENERATED {kind} AS IDENTITY"));
            if !col.identity_options.is_empty() {
                line.push_str(&format!(" ({})", col.identity_options));
            }
            if !not_null {
                line.push_str(" NULL");
            }
        } else if not_null {
            line.push_str(" NOT NULL");
        }
    } else {
        // SQLite: DEFAULT, NOT NULL, the inline key, then the generated expression.
        if let Some(d) = &col.server_default {
            line.push_str(&format!(" DEFAULT {d}"));
        }
        if not_null {
            line.push_str(" NOT NULL");
        }
        if inline_pk {
            line.push_str(" PRIMARY KEY AUTOINCREMENT");
        }
        if let Some(g) = &computed {
            line.push_str(g);
        }
    }
    for ((_, sql), name) in col.checks.iter().zip(checks) {
        if let Some(n) = name {
            line.push_str(&format!(" CONSTRAINT {}", quote(n, c)));
        }
        line.push_str(&format!(" CHECK ({sql})"));
    }
    line
}

/// `[CONSTRAINT name] CHECK (sql)` of table `t`: `__table_args__`' own, or a schema type's
/// (`Boolean(create_constraint=True)`), named through the table's naming convention.
pub(crate) fn check_clause(t: &TableDef, name: Option<&str>, sql: &str, c: Compiler) -> String {
    let name = constraint_name(t, "ck", name, &[], None, c);
    let prefix = name.map_or(String::new(), |n| format!("CONSTRAINT {} ", quote(&n, c)));
    format!("{prefix}CHECK ({sql})")
}

pub(crate) fn index(e: &mut Emitted, t: &TableDef, idx: &IndexDef, at: Origin, c: Compiler) {
    let my = c == Compiler::Mysql;
    let cols: Vec<String> = idx
        .elements
        .iter()
        .zip(&idx.is_column)
        .enumerate()
        .map(|(i, (el, col))| {
            let length = match idx.lengths.get(i).copied().flatten() {
                Some(n) if my => format!("({n})"),
                _ => String::new(),
            };
            if *col {
                let op = match idx.ops.get(i) {
                    Some(Some(op)) if c == Compiler::Postgresql => format!(" {op}"),
                    _ => String::new(),
                };
                format!("{}{length}{op}", quote(el, c))
            } else {
                // As SQLAlchemy writes an expression: `lower(name)`, `text("version DESC")`.
                el.clone()
            }
        })
        .collect();
    let colnames: Vec<String> = idx
        .elements
        .iter()
        .zip(&idx.is_column)
        .filter(|(_, c)| **c)
        .map(|(el, _)| el.clone())
        .collect();
    let name =
        constraint_name(t, "ix", idx.name.as_deref(), &colnames, None, c).unwrap_or_default();
    let mut kind = if idx.unique { "UNIQUE " } else { "" }.to_string();
    if let Some(p) = idx.prefix.as_ref().filter(|_| my) {
        kind = format!("{} ", p.to_ascii_uppercase());
    }
    let using = idx
        .using
        .as_ref()
        .map_or(String::new(), |u| format!(" USING {u}"));
    // PostgreSQL writes USING before the columns, MySQL after them.
    let (using_before, using_after) = if my {
        (String::new(), using)
    } else {
        (using, String::new())
    };
    let mut line = format!(
        "CREATE {kind}INDEX {} ON {}{using_before} ({}){using_after}",
        quote(&name, c),
        qual(&t.schema, &t.name, c),
        cols.join(", ")
    );
    if !idx.include.is_empty() {
        let include: Vec<String> = idx.include.iter().map(|n| quote(n, c)).collect();
        line.push_str(&format!(" INCLUDE ({})", include.join(", ")));
    }
    match idx.nulls_not_distinct {
        Some(true) => line.push_str(" NULLS NOT DISTINCT"),
        Some(false) => line.push_str(" NULLS DISTINCT"),
        None => {}
    }
    if let Some(w) = &idx.where_ {
        line.push_str(&format!(" WHERE {w}"));
    }
    line.push(';');
    e.line(&line, at);
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_convention_names_are_shortened_as_sqlalchemy_does() {
        // SQLAlchemy 2.0.58, PostgreSQL (63): the `ix_%(column_0_label)s` name of a long
        // table and column.
        let name = "ix_a_rather_long_child_table_name_used_for_identifier_length_tests_some_quite_long_column_name_number_one";
        assert_eq!(
            shorten(name.to_string(), 63),
            "ix_a_rather_long_child_table_name_used_for_identifier_l_e020"
        );
        assert_eq!(shorten("ix_short".to_string(), 63), "ix_short");
    }
}
