//! PostgreSQL: identifier folding, type canonicalisation, default names, completion of a
//! parsed schema to what the server would store.

mod grammar;
mod naming;
mod sql;
mod sqlalchemy;
pub(super) mod verify;

use super::{Dialect, DialectKind};
use crate::change::Change;
use crate::model::*;

/// PostgreSQL 13-17.
pub struct Postgres;

use grammar::builtin;
use naming::MAX_IDENT;

static PARSER: sqlparser::dialect::PostgreSqlDialect = sqlparser::dialect::PostgreSqlDialect {};

/// Keywords that `quote_ident` quotes (everything but the unreserved ones).
const KEYWORDS: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "json",
    "json_array",
    "json_arrayagg",
    "json_exists",
    "json_object",
    "json_objectagg",
    "json_query",
    "json_scalar",
    "json_serialize",
    "json_table",
    "json_value",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "merge_action",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
];

const NUMERIC_FAMILY: &[&str] = &[
    "smallint",
    "integer",
    "bigint",
    "numeric",
    "real",
    "double precision",
];
const STRING_FAMILY: &[&str] = &["text", "character varying", "character"];

/// Whether `ALTER COLUMN .. TYPE` from one type to the other rewrites the table: everything
/// but the binary-compatible cases (a longer or unlimited `varchar`, `varchar` <-> `text`,
/// more numeric precision with the same scale).
/// The value of a boolean literal as PostgreSQL's boolean input reads it: `true`, `'t'`,
/// `'yes'`, `'on'`, `'1'` (any unique prefix of true/yes, any case, spaces around) and their
/// false counterparts; `None` for anything else (an expression, a cast of a column...).
fn boolean_literal(key: &str) -> Option<bool> {
    let inner = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\''));
    let word = inner.unwrap_or(key).trim().to_ascii_lowercase();
    let quoted = inner.is_some();
    let prefix_of = |full: &str| !word.is_empty() && full.starts_with(word.as_str());
    match word.as_str() {
        "true" => Some(true),
        "false" => Some(false),
        // Unquoted 1 and 0 are integers (no default of a boolean), but '1' reads as a number key.
        "1" => Some(true),
        "0" => Some(false),
        "on" => quoted.then_some(true),
        "of" | "off" => quoted.then_some(false),
        _ if quoted && (prefix_of("true") || prefix_of("yes")) => Some(true),
        _ if quoted && (prefix_of("false") || prefix_of("no")) => Some(false),
        _ => None,
    }
}

fn rewrites(from: &Type, to: &Type) -> bool {
    if from.array_dims != to.array_dims || from.user.is_some() || to.user.is_some() {
        return true;
    }
    let len = |t: &Type| t.modifiers.as_deref().and_then(|m| m.parse::<u64>().ok());
    match (from.name.as_str(), to.name.as_str()) {
        ("character varying", "text") | ("character varying", "character varying") => {
            match (len(from), len(to)) {
                (_, None) => false,
                (Some(a), Some(b)) => b < a,
                (None, Some(_)) => true,
            }
        }
        ("text", "character varying") => len(to).is_some(),
        ("numeric", "numeric") => {
            let ps = |t: &Type| -> Option<(u32, u32)> {
                let (p, s) = t.modifiers.as_deref()?.split_once(',')?;
                Some((p.trim().parse().ok()?, s.trim().parse().ok()?))
            };
            match (ps(from), ps(to)) {
                (Some((p1, s1)), Some((p2, s2))) => !(s1 == s2 && p2 >= p1),
                (Some(_), None) => false,
                _ => true,
            }
        }
        _ => true,
    }
}

fn truncate_ident(s: &str) -> Str {
    if s.len() <= MAX_IDENT {
        return s.into();
    }
    let mut end = MAX_IDENT;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].into()
}

impl Dialect for Postgres {
    fn kind(&self) -> DialectKind {
        DialectKind::Postgres
    }

    fn parser_dialect(&self) -> &dyn sqlparser::dialect::Dialect {
        &PARSER
    }

    fn grammar(&self) -> &dyn super::Grammar {
        self
    }

    fn default_schema(&self) -> &'static str {
        "public"
    }

    fn fold_ident(&self, ident: &str) -> Str {
        // Most names are lower-case ASCII already: no lower-cased copy.
        if ident
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            truncate_ident(ident)
        } else {
            truncate_ident(&ident.to_lowercase())
        }
    }

    fn fold_quoted(&self, ident: &str) -> Str {
        truncate_ident(ident)
    }

    fn nextval_default(&self, seq: &QualName) -> Sql {
        let text = format!(
            "nextval('{}'::regclass)",
            self.quote_name(seq).replace('\'', "''")
        );
        Sql::new(text, format!("nextval('{}.{}')", seq.schema, seq.name))
    }

    fn serial_of(&self, col: &Column, seq: &Sequence, table: &QualName) -> Option<&'static str> {
        let ty = match col.ty.name.as_str() {
            "integer" => "integer",
            "bigint" => "bigint",
            "smallint" => "smallint",
            _ => return None,
        };
        let default_name = naming::object_name(&table.name, &col.name, "seq");
        let expected = Sequence {
            owned_by: seq.owned_by.clone(),
            comment: seq.comment.clone(),
            ..Sequence::with_defaults(QualName::new(table.schema.clone(), default_name), ty)
        };
        let plain = col.ty.modifiers.is_none() && col.ty.array_dims == 0 && col.identity.is_none();
        let fed = col.default.as_ref() == Some(&self.nextval_default(&seq.name));
        (plain && fed && col.not_null && *seq == expected && seq.comment.is_none()).then_some(ty)
    }

    fn normalize_type(
        &self,
        name: &str,
        schema: Option<&str>,
        modifiers: Option<String>,
        array_dims: u8,
        search_schema: &str,
    ) -> Type {
        let builtin_name = match schema {
            None | Some("pg_catalog") => builtin(name),
            _ => None,
        };
        match builtin_name {
            Some(b) => {
                let modifiers = match (b, modifiers) {
                    ("numeric", Some(m)) if !m.contains(',') => Some(format!("{m},0")),
                    ("character", None) if name != "bpchar" => Some("1".to_string()),
                    ("bit", None) => Some("1".to_string()),
                    ("double precision", Some(m)) if name == "float" => {
                        return Type {
                            name: if m.parse::<u32>().is_ok_and(|p| p <= 24) {
                                "real"
                            } else {
                                "double precision"
                            }
                            .into(),
                            modifiers: None,
                            array_dims,
                            user: None,
                        };
                    }
                    (_, m) => m,
                };
                Type {
                    name: b.into(),
                    modifiers: modifiers.map(Str::from),
                    array_dims,
                    user: None,
                }
            }
            None if name.starts_with("interval") && schema.is_none() => Type {
                name: name.into(),
                modifiers: modifiers.map(Str::from),
                array_dims,
                user: None,
            },
            None => {
                let user = QualName::new(schema.unwrap_or(search_schema), name);
                Type {
                    name: format_compact!("{user}"),
                    modifiers: modifiers.map(Str::from),
                    array_dims,
                    user: Some(Box::new(user)),
                }
            }
        }
    }

    fn render_type(&self, ty: &Type) -> String {
        let base = match &ty.user {
            Some(u) => self.quote_name(u),
            None => ty.name.to_string(),
        };
        let mut out = match &ty.modifiers {
            None => base,
            Some(m) => match base.split_once(' ') {
                // timestamp(3) with time zone, interval day to second(3) keeps it at the end.
                Some((head @ ("timestamp" | "time"), tail)) => format!("{head}({m}) {tail}"),
                _ => format!("{base}({m})"),
            },
        };
        for _ in 0..ty.array_dims {
            out.push_str("[]");
        }
        out
    }

    fn quote_ident(&self, ident: &str) -> String {
        let plain = ident
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && ident
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$')
            && KEYWORDS.binary_search(&ident).is_err();
        if plain {
            ident.to_string()
        } else {
            format!("\"{}\"", ident.replace('"', "\"\""))
        }
    }

    fn complete(&self, schema: &mut Schema) {
        super::fill_foreign_key_targets(schema);
        for t in schema.tables.values_mut() {
            // Primary key columns are NOT NULL.
            let pk = t.constraints.values().find_map(|c| match &c.kind {
                ConstraintKind::PrimaryKey { columns, .. } => Some(columns),
                _ => None,
            });
            for col in pk.into_iter().flatten() {
                if let Some(c) = t.columns.get_mut(col) {
                    c.not_null = true;
                }
            }
            // A boolean default is stored as `true` / `false` whatever input spelling it had
            // ('0', 'yes', 'on', 't'...): pg_dump prints `DEFAULT false`.
            for c in t.columns.values_mut() {
                if c.ty.name == "boolean" && c.ty.array_dims == 0 && c.ty.user.is_none() {
                    if let Some(d) = &mut c.default {
                        if let Some(b) = boolean_literal(&d.key) {
                            d.key = b.to_compact_string();
                        }
                    }
                }
            }
            // A partition's columns and inherited constraints come from its parent.
            if t.partition_of.is_some() {
                t.columns.clear();
                t.constraints.retain(|_, c| {
                    !c.is_foreign_key() && !matches!(c.kind, ConstraintKind::Check { .. })
                });
            }
        }
        // Schemas used by objects exist.
        let mut used: Vec<Str> = Vec::new();
        used.extend(schema.tables.keys().map(|n| n.schema.clone()));
        used.extend(schema.views.keys().map(|n| n.schema.clone()));
        used.extend(schema.enums.keys().map(|n| n.schema.clone()));
        used.extend(schema.sequences.keys().map(|n| n.schema.clone()));
        for s in used {
            if s != self.default_schema() && s != "pg_catalog" && !s.is_empty() {
                schema.namespaces.entry(s.clone()).or_insert(Namespace {
                    name: s,
                    comment: None,
                });
            }
        }
    }

    fn needs_using(&self, from: &Column, to: &Column) -> bool {
        let (a, b) = (&from.ty, &to.ty);
        if a.name == b.name || a.array_dims != b.array_dims {
            return a.array_dims != b.array_dims;
        }
        let fam = |f: &[&str], t: &Type| t.user.is_none() && f.contains(&t.name.as_str());
        let same_family = (fam(NUMERIC_FAMILY, a) && fam(NUMERIC_FAMILY, b))
            || (fam(STRING_FAMILY, a) && fam(STRING_FAMILY, b))
            || fam(STRING_FAMILY, b)
            || (a.name.starts_with("timestamp") && b.name.starts_with("timestamp"));
        !same_family
    }

    fn render_change(&self, change: &Change, out: &mut Vec<String>) {
        sql::render_change(self, change, out);
    }

    fn drops_generation(&self) -> bool {
        true
    }

    fn replaces_in_place(&self, from: &Object, to: &Object) -> bool {
        sql::replaceable(from, to)
    }

    fn hazards(&self, change: &Change, existing: bool) -> Vec<crate::hazard::Hazard> {
        use crate::hazard::{Hazard, HazardCode};
        let mut out = Vec::new();
        match change {
            Change::CreateIndex { index } if existing => out.push(Hazard::new(
                HazardCode::CreateIndexLocks,
                format!(
                    "CREATE INDEX {} blocks writes to {} while it builds",
                    index.name.name, index.table
                ),
            )),
            Change::AddConstraint { table, constraint }
                if existing && constraint.is_foreign_key() =>
            {
                out.push(Hazard::new(
                    HazardCode::AddForeignKeyLocks,
                    format!(
                        "foreign key {} checks every row of {table} while blocking writes",
                        constraint.name
                    ),
                ))
            }
            Change::AlterColumn {
                table,
                from,
                to,
                changes,
            } => {
                if changes.ty && from.ty != to.ty {
                    out.extend(crate::hazard::narrowing_hazard(table, from, to));
                    if self.needs_using(from, to) {
                        out.push(Hazard::new(HazardCode::ChangeType,
                            format!(
                                "{table}.{}: converting {} to {} fails on values that do not convert",
                                to.name,
                                self.render_type(&from.ty),
                                self.render_type(&to.ty)
                            ),
                        ));
                    }
                    if existing && rewrites(&from.ty, &to.ty) {
                        out.push(Hazard::new(
                            HazardCode::TableRewrite,
                            format!("{table}.{}: the type change rewrites {table}", to.name),
                        ));
                    }
                }
                if existing && changes.nullability && to.not_null {
                    out.push(Hazard::new(
                        HazardCode::SetNotNullScan,
                        format!("{table}.{}: SET NOT NULL scans {table}", to.name),
                    ));
                }
            }
            _ => {}
        }
        out
    }

    fn online_ddl(&self) -> bool {
        true
    }

    fn zero_value(&self, ty: &Type) -> Option<String> {
        if ty.array_dims > 0 {
            return Some("'{}'".into());
        }
        Some(
            match ty.name.as_str() {
                "smallint" | "integer" | "bigint" | "numeric" | "real" | "double precision"
                | "money" => "0",
                "text" | "character varying" | "character" => "''",
                "boolean" => "false",
                "json" => "'{}'::json",
                "jsonb" => "'{}'::jsonb",
                "uuid" => "gen_random_uuid()",
                "date" => "CURRENT_DATE",
                "timestamp without time zone" => "LOCALTIMESTAMP",
                "timestamp with time zone" => "now()",
                "time without time zone" | "time with time zone" => "'00:00'",
                "interval" => "'0'::interval",
                "bytea" => "''::bytea",
                _ => return None,
            }
            .to_string(),
        )
    }

    fn script_prologue(&self, changes: &[Change]) -> Vec<String> {
        let creates_routine = changes.iter().any(Change::creates_routine);
        let mut out = Vec::new();
        // New enum values commit on their own (Alembic's autocommit block; see plan::order):
        // a script run in one transaction would fail where a later step uses one.
        if changes
            .iter()
            .any(|c| matches!(c, Change::AddEnumValue { .. }))
        {
            out.push(
                "-- ALTER TYPE .. ADD VALUE: run this script without a wrapping transaction (not \
                 psql -1 / --single-transaction): PostgreSQL cannot use a new enum value before \
                 the transaction that adds it commits (and before version 12 cannot add one \
                 inside a transaction block)"
                    .to_string(),
            );
        }
        // Bodies may mention tables created later in the script, as in pg_dump.
        if creates_routine {
            out.push("SET check_function_bodies = false".to_string());
        }
        out
    }

    fn sqlalchemy_name(&self) -> Option<&'static str> {
        Some("postgresql")
    }

    fn sa_type(
        &self,
        ty: &Type,
        collation: Option<&str>,
        enum_type: Option<&EnumType>,
    ) -> Option<super::SaType> {
        sqlalchemy::sa_type(ty, collation, enum_type)
    }
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
    fn boolean_literals_read_as_postgresql_reads_them() {
        for t in [
            "true", "'t'", "'TRUE'", "' yes '", "'y'", "'on'", "1", "'tr'",
        ] {
            assert_eq!(boolean_literal(t), Some(true), "{t}");
        }
        for f in ["false", "'f'", "'No'", "'off'", "'of'", "0", "'fals'"] {
            assert_eq!(boolean_literal(f), Some(false), "{f}");
        }
        for other in ["'o'", "''", "on", "now()", "'maybe'", "2"] {
            assert_eq!(boolean_literal(other), None, "{other}");
        }
    }
}
