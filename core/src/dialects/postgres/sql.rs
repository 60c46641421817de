//! PostgreSQL spelling of each change.

use crate::change::{Change, CommentTarget};
use crate::dialects::sql::attribute_sql;
use crate::dialects::{Dialect, Postgres};
use crate::model::*;

fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `CONSTRAINT name <definition>`
pub fn constraint_sql(d: &Postgres, c: &Constraint) -> String {
    let mut s = format!("CONSTRAINT {} ", d.quote_ident(&c.name));
    match &c.kind {
        ConstraintKind::PrimaryKey { columns, include } => {
            s.push_str(&format!(
                "PRIMARY KEY ({})",
                crate::dialects::sql::list(d, columns)
            ));
            if !include.is_empty() {
                s.push_str(&format!(
                    " INCLUDE ({})",
                    crate::dialects::sql::list(d, include)
                ));
            }
        }
        ConstraintKind::Unique {
            columns,
            include,
            nulls_not_distinct,
        } => {
            s.push_str("UNIQUE ");
            if *nulls_not_distinct {
                s.push_str("NULLS NOT DISTINCT ");
            }
            s.push_str(&format!("({})", crate::dialects::sql::list(d, columns)));
            if !include.is_empty() {
                s.push_str(&format!(
                    " INCLUDE ({})",
                    crate::dialects::sql::list(d, include)
                ));
            }
        }
        ConstraintKind::Check { expr, no_inherit } => {
            s.push_str(&format!("CHECK ({})", expr.text));
            if *no_inherit {
                s.push_str(" NO INHERIT");
            }
        }
        ConstraintKind::ForeignKey {
            columns,
            ref_table,
            ref_columns,
            on_delete,
            on_update,
            match_full,
        } => s.push_str(&crate::dialects::sql::foreign_key_clause(
            d,
            (columns, ref_table, ref_columns),
            *match_full,
            *on_update,
            *on_delete,
        )),
        ConstraintKind::Exclude { body } => s.push_str(&format!("EXCLUDE {}", body.text)),
    }
    s.push_str(crate::dialects::sql::deferrable_clause(c));
    s
}

/// A column definition as in CREATE TABLE / ADD COLUMN.
fn column_sql(d: &Postgres, c: &Column, serial: bool) -> String {
    let mut s = format!("{} ", d.quote_ident(&c.name));
    if serial {
        s.push_str(match c.ty.name.as_str() {
            "bigint" => "bigserial",
            "smallint" => "smallserial",
            _ => "serial",
        });
        return s;
    }
    s.push_str(&d.render_type(&c.ty));
    if let Some(coll) = &c.collation {
        s.push_str(&format!(" COLLATE {}", d.quote_ident(coll)));
    }
    if let Some(g) = &c.generated {
        let kind = if g.stored { "STORED" } else { "VIRTUAL" };
        s.push_str(&format!(" GENERATED ALWAYS AS ({}) {kind}", g.expr.text));
    }
    if let Some(def) = &c.default {
        s.push_str(&format!(" DEFAULT {}", def.text));
    } else if c.null_default.0 && d.records_null_default() {
        s.push_str(" DEFAULT NULL");
    }
    if let Some(id) = &c.identity {
        s.push_str(&identity_sql(id));
    }
    if c.not_null && c.identity.is_none() {
        s.push_str(" NOT NULL");
    }
    s
}

fn identity_sql(id: &Identity) -> String {
    let mut s = format!(
        " GENERATED {} AS IDENTITY",
        if id.always { "ALWAYS" } else { "BY DEFAULT" }
    );
    if !id.options.is_empty() {
        s.push_str(&format!(" ({})", id.options.join(" ")));
    }
    s
}

/// After an identity is added to a column that already holds values, its sequence starts
/// past the largest one (else the next insert repeats a key): `setval` to
/// `max(column) + increment`, never below the identity's own start. Not for descending
/// sequences, whose start is their maximum.
fn identity_past_rows(
    d: &Postgres,
    table: &QualName,
    column: &str,
    id: &Identity,
) -> Option<String> {
    let option = |name: &str| {
        id.options.iter().find_map(|o| {
            o.strip_prefix(name)
                .and_then(|v| v.trim().parse::<i128>().ok())
        })
    };
    let increment = option("INCREMENT BY").unwrap_or(1);
    let start = option("START WITH").or(option("MINVALUE")).unwrap_or(1);
    past_rows(d, table, column, increment, start)
}

/// `setval` of the sequence column `column` of `table` owns (an identity's, or a sequence
/// just given to it with `OWNED BY`) to `max(column) + increment`, never below `start`: the
/// next insert into a table that holds rows gets a new key. `None` for a descending one.
fn past_rows(
    d: &Postgres,
    table: &QualName,
    column: &str,
    increment: i128,
    start: i128,
) -> Option<String> {
    if increment <= 0 {
        return None;
    }
    let qualified = format!(
        "{}.{}",
        d.quote_ident(&table.schema),
        d.quote_ident(&table.name)
    );
    let col = d.quote_ident(column);
    Some(format!(
        "SELECT setval(pg_get_serial_sequence({}, {}), GREATEST(COALESCE(MAX({col}) + {increment}, {start}), {start}), false) FROM {}",
        lit(&qualified),
        lit(column),
        d.quote_name(table)
    ))
}

fn index_sql(d: &Postgres, i: &Index) -> String {
    let mut s = format!(
        "CREATE {}INDEX {} ON {}",
        if i.unique { "UNIQUE " } else { "" },
        d.quote_ident(&i.name.name),
        d.quote_name(&i.table)
    );
    if i.method != "btree" {
        s.push_str(&format!(" USING {}", i.method));
    }
    let keys: Vec<String> = i
        .keys
        .iter()
        .map(|k| {
            let mut ks = k.expr.text.to_string();
            if let Some(c) = &k.collation {
                ks.push_str(&format!(" COLLATE {}", d.quote_ident(c)));
            }
            if let Some(o) = &k.opclass {
                ks.push(' ');
                ks.push_str(&o.text);
            }
            if k.descending {
                ks.push_str(" DESC");
            }
            match k.nulls_first {
                Some(true) => ks.push_str(" NULLS FIRST"),
                Some(false) => ks.push_str(" NULLS LAST"),
                None => {}
            }
            ks
        })
        .collect();
    s.push_str(&format!(" ({})", keys.join(", ")));
    if !i.include.is_empty() {
        s.push_str(&format!(
            " INCLUDE ({})",
            crate::dialects::sql::list(d, &i.include)
        ));
    }
    if i.nulls_not_distinct {
        s.push_str(" NULLS NOT DISTINCT");
    }
    if !i.options.is_empty() {
        s.push_str(&format!(" WITH ({})", i.options.join(", ")));
    }
    if let Some(p) = &i.predicate {
        s.push_str(&format!(" WHERE {}", p.text));
    }
    s
}

fn create_table_sql(d: &Postgres, t: &Table, serials: &[crate::model::Str]) -> String {
    let name = d.quote_name(&t.name);
    let unlogged = if t.has(&TableAttr::Unlogged) {
        "UNLOGGED "
    } else {
        ""
    };
    let mut s = format!("CREATE {unlogged}TABLE {name}");
    let mut elems: Vec<String> = t
        .columns
        .values()
        .map(|c| column_sql(d, c, serials.contains(&c.name)))
        .collect();
    elems.extend(t.constraints.values().map(|c| constraint_sql(d, c)));
    if let Some(p) = &t.partition_of {
        s.push_str(&format!(" PARTITION OF {}", d.quote_name(&p.parent)));
        if !elems.is_empty() {
            s.push_str(&format!(" (\n    {}\n)", elems.join(",\n    ")));
        }
        s.push(' ');
        s.push_str(&p.bound.text);
    } else if elems.is_empty() {
        s.push_str(" ()");
    } else {
        s.push_str(&format!(" (\n    {}\n)", elems.join(",\n    ")));
    }
    if !t.inherits.is_empty() {
        let parents: Vec<String> = t.inherits.iter().map(|p| d.quote_name(p)).collect();
        s.push_str(&format!(" INHERITS ({})", parents.join(", ")));
    }
    if let Some(p) = &t.partition_by {
        s.push_str(&format!(" PARTITION BY {}", p.text));
    }
    let params = t.storage_params();
    if !params.is_empty() {
        s.push_str(&format!(" WITH ({})", params.join(", ")));
    }
    s
}

fn view_sql(d: &Postgres, v: &View) -> String {
    let mut s = format!(
        "CREATE {}VIEW {}",
        if v.materialized { "MATERIALIZED " } else { "" },
        d.quote_name(&v.name)
    );
    if !v.columns.is_empty() {
        s.push_str(&format!(" ({})", crate::dialects::sql::list(d, &v.columns)));
    }
    if !v.options.is_empty() {
        s.push_str(&format!(" WITH ({})", v.options.join(", ")));
    }
    s.push_str(" AS\n");
    s.push_str(v.query.text.trim());
    if let Some(level) = &v.check_option {
        s.push_str(&format!("\nWITH {level} CHECK OPTION"));
    }
    if v.materialized && !v.with_data {
        s.push_str("\nWITH NO DATA");
    }
    s
}

fn sequence_options(s: &Sequence) -> String {
    let mut out = String::new();
    if s.data_type != "bigint" {
        out.push_str(&format!(" AS {}", s.data_type));
    }
    for o in s.non_default_options() {
        out.push(' ');
        out.push_str(&o);
    }
    out
}

fn comment_target(d: &Postgres, t: &CommentTarget) -> String {
    match t {
        CommentTarget::Schema { name } => format!("SCHEMA {}", d.quote_ident(name)),
        CommentTarget::Table { name } => format!("TABLE {}", d.quote_name(name)),
        CommentTarget::Column { table, column } => {
            format!("COLUMN {}.{}", d.quote_name(table), d.quote_ident(column))
        }
        CommentTarget::Constraint { table, name } => format!(
            "CONSTRAINT {} ON {}",
            d.quote_ident(name),
            d.quote_name(table)
        ),
        CommentTarget::Index { name } => format!("INDEX {}", d.quote_name(name)),
        CommentTarget::Sequence { name } => format!("SEQUENCE {}", d.quote_name(name)),
        CommentTarget::View { name, materialized } => {
            format!(
                "{}VIEW {}",
                if *materialized { "MATERIALIZED " } else { "" },
                d.quote_name(name)
            )
        }
        CommentTarget::Type { name } => format!("TYPE {}", d.quote_name(name)),
        CommentTarget::Object { target } => target.clone(),
    }
}

/// `CREATE ...` of an object, as `CREATE OR REPLACE` when `replace`.
fn object_create(o: &Object, replace: bool) -> String {
    let text = o.create.text.trim().to_string();
    if !replace {
        return text;
    }
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("create or replace") {
        return text;
    }
    match lower.strip_prefix("create") {
        Some(_) => format!("CREATE OR REPLACE{}", &text["create".len()..]),
        None => text,
    }
}

/// Whether an object can be changed in place with `CREATE OR REPLACE`: a function or
/// procedure whose parameters (modes, names, types, defaults) and result (`RETURNS` type,
/// `SETOF`, `TABLE` columns) stay the same; PostgreSQL refuses to change those in place. The
/// routine's key holds that part first, up to ` | ` (see the SQL frontend's routines).
pub(super) fn replaceable(from: &Object, to: &Object) -> bool {
    let signature = |o: &Object| o.create.key.split(" | ").next().unwrap_or("").to_string();
    matches!(to.id.kind, ObjectKind::Function | ObjectKind::Procedure)
        && signature(from) == signature(to)
}

/// A domain or composite type changed in place, as the columns of the type require (they
/// forbid dropping it): `ALTER DOMAIN` for its default, `NOT NULL` and checks (a check
/// renamed with its expression kept is renamed), `ALTER TYPE .. ATTRIBUTE` for attributes
/// dropped, added at the end, or given a new type. `None` when it cannot be: a domain's base
/// type or collation changes, or attributes that stay change order or new ones come before
/// them.
fn alter_type_parts(d: &Postgres, from: &Object, to: &Object) -> Option<Vec<String>> {
    let head = format!("ALTER {}", to.comment_target);
    let mut out = Vec::new();
    match (from.parts.as_deref()?, to.parts.as_deref()?) {
        (TypeParts::Domain(a), TypeParts::Domain(b)) => {
            if a.base != b.base || a.collation != b.collation {
                return None;
            }
            let gone: Vec<&(Str, Sql)> =
                a.checks.iter().filter(|c| !b.checks.contains(c)).collect();
            let new: Vec<&(Str, Sql)> = b.checks.iter().filter(|c| !a.checks.contains(c)).collect();
            let mut renamed: Vec<&Str> = Vec::new();
            for (n, e) in &gone {
                let free = |m: &Str| !renamed.contains(&m) && !a.checks.iter().any(|c| c.0 == *m);
                match new.iter().find(|(m, f)| f == e && free(m)) {
                    Some((m, _)) => {
                        out.push(format!(
                            "{head} RENAME CONSTRAINT {} TO {}",
                            d.quote_ident(n),
                            d.quote_ident(m)
                        ));
                        renamed.push(m);
                    }
                    None => out.push(format!("{head} DROP CONSTRAINT {}", d.quote_ident(n))),
                }
            }
            if a.default != b.default {
                out.push(match &b.default {
                    Some(e) => format!("{head} SET DEFAULT {}", e.text),
                    None => format!("{head} DROP DEFAULT"),
                });
            }
            if a.not_null != b.not_null {
                let op = if b.not_null { "SET" } else { "DROP" };
                out.push(format!("{head} {op} NOT NULL"));
            }
            for (n, e) in new.iter().filter(|(n, _)| !renamed.contains(&n)) {
                out.push(format!(
                    "{head} ADD CONSTRAINT {} CHECK ({})",
                    d.quote_ident(n),
                    e.text
                ));
            }
        }
        (TypeParts::Composite(a), TypeParts::Composite(b)) => {
            let kept: Vec<&Str> = a
                .iter()
                .filter(|x| b.iter().any(|y| y.name == x.name))
                .map(|x| &x.name)
                .collect();
            // What stays keeps its order, and what is new comes after it.
            if b.iter()
                .take(kept.len())
                .map(|y| &y.name)
                .ne(kept.iter().copied())
            {
                return None;
            }
            for x in a.iter().filter(|x| !kept.contains(&&x.name)) {
                out.push(format!("{head} DROP ATTRIBUTE {}", d.quote_ident(&x.name)));
            }
            for (x, y) in a
                .iter()
                .filter_map(|x| Some((x, b.iter().find(|y| y.name == x.name)?)))
            {
                if x.ty != y.ty || x.collation != y.collation {
                    let mut s = format!(
                        "{head} ALTER ATTRIBUTE {} TYPE {}",
                        d.quote_ident(&y.name),
                        d.render_type(&y.ty)
                    );
                    if let Some(c) = &y.collation {
                        s.push_str(&format!(" COLLATE {}", d.quote_ident(c)));
                    }
                    out.push(s);
                }
            }
            for y in &b[kept.len()..] {
                out.push(format!("{head} ADD ATTRIBUTE {}", attribute_sql(d, y)));
            }
        }
        _ => return None,
    }
    Some(out)
}

pub fn render_change(d: &Postgres, change: &Change, out: &mut Vec<String>) {
    let alter = |t: &QualName| format!("ALTER TABLE {}", d.quote_name(t));
    match change {
        Change::CreateSchema { name } => out.push(format!(
            "CREATE SCHEMA IF NOT EXISTS {}",
            d.quote_ident(name)
        )),
        Change::DropSchema { name } => out.push(format!("DROP SCHEMA {}", d.quote_ident(name))),
        Change::CreateExtension { extension } => {
            let mut s = format!(
                "CREATE EXTENSION IF NOT EXISTS {}",
                d.quote_ident(&extension.name)
            );
            if let Some(schema) = &extension.schema {
                s.push_str(&format!(" WITH SCHEMA {}", d.quote_ident(schema)));
            }
            out.push(s);
        }
        Change::DropExtension { extension } => {
            out.push(format!("DROP EXTENSION {}", d.quote_ident(&extension.name)))
        }
        Change::CreateEnum { enum_type } => out.push(create_enum(d, enum_type)),
        Change::DropEnum { enum_type } => {
            out.push(format!("DROP TYPE {}", d.quote_name(&enum_type.name)))
        }
        Change::AddEnumValue {
            name,
            value,
            before,
            after,
        } => {
            // IF NOT EXISTS: the statement runs outside the migration's transaction, so a
            // rerun after a failure finds the value already there (see plan::order).
            let mut s = format!(
                "ALTER TYPE {} ADD VALUE IF NOT EXISTS {}",
                d.quote_name(name),
                lit(value)
            );
            if let Some(b) = before {
                s.push_str(&format!(" BEFORE {}", lit(b)));
            } else if let Some(a) = after {
                s.push_str(&format!(" AFTER {}", lit(a)));
            }
            out.push(s);
        }
        Change::RecreateEnum { from, to, columns } => {
            let old = QualName::new(from.name.schema.clone(), format!("{}__old", from.name.name));
            out.push(format!(
                "ALTER TYPE {} RENAME TO {}",
                d.quote_name(&from.name),
                d.quote_ident(&old.name)
            ));
            out.push(create_enum(d, to));
            for (table, col) in columns {
                let c = d.quote_ident(&col.name);
                if col.default.is_some() {
                    out.push(format!("{} ALTER COLUMN {c} DROP DEFAULT", alter(table)));
                }
                let ty = d.render_type(&col.ty);
                out.push(format!(
                    "{} ALTER COLUMN {c} TYPE {ty} USING {c}::text::{ty}",
                    alter(table)
                ));
                if let Some(def) = &col.default {
                    out.push(format!(
                        "{} ALTER COLUMN {c} SET DEFAULT {}",
                        alter(table),
                        def.text
                    ));
                }
            }
            out.push(format!("DROP TYPE {}", d.quote_name(&old)));
        }
        Change::CreateSequence { sequence } => {
            out.push(format!(
                "CREATE SEQUENCE {}{}",
                d.quote_name(&sequence.name),
                sequence_options(sequence)
            ));
        }
        Change::DropSequence { sequence } => {
            out.push(format!("DROP SEQUENCE {}", d.quote_name(&sequence.name)))
        }
        Change::AlterSequence { from, to } => {
            let name = d.quote_name(&to.name);
            let mut opts = Vec::new();
            if from.data_type != to.data_type {
                opts.push(format!("AS {}", to.data_type));
            }
            let defaults = Sequence::defaults_for(&to.data_type, to.increment);
            if from.increment != to.increment {
                opts.push(format!("INCREMENT BY {}", to.increment));
            }
            if from.min != to.min || from.data_type != to.data_type {
                opts.push(if to.min == defaults.min {
                    "NO MINVALUE".into()
                } else {
                    format!("MINVALUE {}", to.min)
                });
            }
            if from.max != to.max || from.data_type != to.data_type {
                opts.push(if to.max == defaults.max {
                    "NO MAXVALUE".into()
                } else {
                    format!("MAXVALUE {}", to.max)
                });
            }
            if from.start != to.start {
                opts.push(format!("START WITH {}", to.start));
            }
            if from.cache != to.cache {
                opts.push(format!("CACHE {}", to.cache));
            }
            if from.cycle != to.cycle {
                opts.push(if to.cycle {
                    "CYCLE".into()
                } else {
                    "NO CYCLE".into()
                });
            }
            if !opts.is_empty() {
                out.push(format!("ALTER SEQUENCE {name} {}", opts.join(" ")));
            }
            if from.owned_by != to.owned_by {
                let owner = match &to.owned_by {
                    Some((t, c)) => format!("{}.{}", d.quote_name(t), d.quote_ident(c)),
                    None => "NONE".into(),
                };
                out.push(format!("ALTER SEQUENCE {name} OWNED BY {owner}"));
                // A sequence given to a column that may hold values (`integer` -> `serial`,
                // an identity back to `serial`) continues past them.
                if let (None, Some((t, c))) = (&from.owned_by, &to.owned_by) {
                    out.extend(past_rows(d, t, c, to.increment, to.start));
                }
            }
        }
        Change::RenameTable { .. } | Change::RenameColumn { .. } => {
            out.extend(crate::dialects::sql::rename_sql(d, change))
        }
        Change::CreateTable { table, serials } => {
            out.push(create_table_sql(d, table, serials));
            if table.row_security {
                out.push(format!("{} ENABLE ROW LEVEL SECURITY", alter(&table.name)));
            }
            if table.force_row_security {
                out.push(format!("{} FORCE ROW LEVEL SECURITY", alter(&table.name)));
            }
        }
        Change::DropTable { table } => {
            out.push(format!("DROP TABLE {}", d.quote_name(&table.name)))
        }
        Change::AddColumn {
            table,
            column,
            serial,
        } => {
            out.push(format!(
                "{} ADD COLUMN {}",
                alter(table),
                column_sql(d, column, *serial)
            ));
        }
        Change::DropColumn { table, column } => {
            out.push(format!(
                "{} DROP COLUMN {}",
                alter(table),
                d.quote_ident(&column.name)
            ));
        }
        Change::AlterColumn {
            table,
            from,
            to,
            changes,
        } => {
            let col = format!("{} ALTER COLUMN {}", alter(table), d.quote_ident(&to.name));
            let using = changes.ty && d.needs_using(from, to);
            if from.identity.is_some() && changes.identity && to.identity.is_none() {
                out.push(format!("{col} DROP IDENTITY"));
            }
            // A generated column becoming a plain one keeps its values (PostgreSQL 13+); other
            // generation changes are planned as a drop and an add.
            if changes.generated && from.generated.is_some() && to.generated.is_none() {
                out.push(format!("{col} DROP EXPRESSION"));
            }
            let redo_default = changes.redoes_default(from, to, using);
            if (changes.default || redo_default) && from.default.is_some() {
                out.push(format!("{col} DROP DEFAULT"));
            }
            if changes.ty {
                let ty = d.render_type(&to.ty);
                let mut s = format!("{col} TYPE {ty}");
                if let Some(coll) = &to.collation {
                    s.push_str(&format!(" COLLATE {}", d.quote_ident(coll)));
                }
                if using {
                    let c = d.quote_ident(&to.name);
                    // Through text where PostgreSQL has no cast: from a user type, to one from
                    // anything but a string type (no cast between an enum and a number), and
                    // between boolean and a number other than integer. `bigint::mood` and
                    // `numeric::boolean` fail even on an empty table: found by the generated
                    // pairs on real PostgreSQL (issue 17).
                    let plain = |t: &Type, names: &[&str]| {
                        t.user.is_none() && t.array_dims == 0 && names.contains(&t.name.as_str())
                    };
                    let string = |t: &Type| plain(t, &["text", "character varying", "character"]);
                    let other_number = |t: &Type| {
                        plain(
                            t,
                            &["smallint", "bigint", "numeric", "real", "double precision"],
                        )
                    };
                    let boolean = |t: &Type| plain(t, &["boolean"]);
                    let no_cast = from.ty.user.is_some()
                        || (to.ty.user.is_some() && !string(&from.ty))
                        || (boolean(&from.ty) && other_number(&to.ty))
                        || (other_number(&from.ty) && boolean(&to.ty));
                    if no_cast {
                        s.push_str(&format!(" USING {c}::text::{ty}"));
                    } else {
                        s.push_str(&format!(" USING {c}::{ty}"));
                    }
                }
                out.push(s);
            }
            if changes.default || redo_default {
                if let Some(def) = &to.default {
                    out.push(format!("{col} SET DEFAULT {}", def.text));
                }
            }
            // Also before `ADD .. AS IDENTITY`, which PostgreSQL refuses on a nullable column
            // ("must be declared NOT NULL before identity can be added").
            if changes.nullability {
                out.push(format!(
                    "{col} {} NOT NULL",
                    if to.not_null { "SET" } else { "DROP" }
                ));
            }
            if changes.identity {
                match (&from.identity, &to.identity) {
                    (None, Some(id)) => {
                        out.push(format!("{col} ADD{}", identity_sql(id)));
                        out.extend(identity_past_rows(d, table, &to.name, id));
                    }
                    (Some(a), Some(b)) => {
                        if a.always != b.always {
                            out.push(format!(
                                "{col} SET GENERATED {}",
                                if b.always { "ALWAYS" } else { "BY DEFAULT" }
                            ));
                        }
                        if a.options != b.options {
                            out.push(format!("{col} DROP IDENTITY"));
                            out.push(format!("{col} ADD{}", identity_sql(b)));
                        }
                    }
                    _ => {}
                }
            }
        }
        Change::AddConstraint { table, constraint } => {
            out.push(format!(
                "{} ADD {}",
                alter(table),
                constraint_sql(d, constraint)
            ));
        }
        Change::DropConstraint { table, constraint } => {
            out.push(format!(
                "{} DROP CONSTRAINT {}",
                alter(table),
                d.quote_ident(&constraint.name)
            ));
        }
        Change::RenameConstraint { table, from, to } => {
            out.push(format!(
                "{} RENAME CONSTRAINT {} TO {}",
                alter(table),
                d.quote_ident(from),
                d.quote_ident(to)
            ));
        }
        Change::CreateIndex { index } => out.push(index_sql(d, index)),
        Change::CreateIndexConcurrently { index } => {
            out.push(index_sql(d, index).replacen(" INDEX ", " INDEX CONCURRENTLY ", 1))
        }
        Change::DropIndexConcurrently { index } => out.push(format!(
            "DROP INDEX CONCURRENTLY {}",
            d.quote_name(&index.name)
        )),
        Change::AddForeignKeyNotValid { table, constraint } => out.push(format!(
            "{} ADD {} NOT VALID",
            alter(table),
            constraint_sql(d, constraint)
        )),
        Change::ValidateConstraint { table, name } => out.push(format!(
            "{} VALIDATE CONSTRAINT {}",
            alter(table),
            d.quote_ident(name)
        )),
        Change::Backfill {
            table,
            column,
            value,
        } => out.push(crate::dialects::sql::backfill_sql(d, table, column, value)),
        Change::DropIndex { index } => {
            out.push(format!("DROP INDEX {}", d.quote_name(&index.name)))
        }
        Change::RenameIndex { from, to, .. } => {
            out.push(format!(
                "ALTER INDEX {} RENAME TO {}",
                d.quote_name(from),
                d.quote_ident(to)
            ));
        }
        Change::RebuildTable { changes, .. } => {
            // PostgreSQL alters in place; a rebuild only groups the changes.
            for c in changes {
                render_change(d, c, out);
            }
        }
        Change::AttachPartition { table, partition } => out.push(format!(
            "{} ATTACH PARTITION {} {}",
            alter(&partition.parent),
            d.quote_name(table),
            partition.bound.text
        )),
        Change::DetachPartition { table, partition } => {
            out.push(format!(
                "{} DETACH PARTITION {}",
                alter(&partition.parent),
                d.quote_name(table)
            ));
        }
        Change::SetRowSecurity {
            table,
            enabled,
            forced,
        } => {
            out.push(format!(
                "{} {} ROW LEVEL SECURITY",
                alter(table),
                if *enabled { "ENABLE" } else { "DISABLE" }
            ));
            out.push(format!(
                "{} {} ROW LEVEL SECURITY",
                alter(table),
                if *forced { "FORCE" } else { "NO FORCE" }
            ));
        }
        Change::SetTableOptions {
            table, from, to, ..
        } => {
            let unlogged = |attrs: &[TableAttr]| attrs.contains(&TableAttr::Unlogged);
            if unlogged(from) != unlogged(to) {
                let persistence = if unlogged(to) { "UNLOGGED" } else { "LOGGED" };
                out.push(format!("{} SET {persistence}", alter(table)));
            }
            let (from, to) = (storage_params(from), storage_params(to));
            let removed: Vec<&str> = from
                .iter()
                .filter_map(|o| o.split('=').next())
                .filter(|k| !to.iter().any(|t| t.split('=').next() == Some(k)))
                .collect();
            if !removed.is_empty() {
                out.push(format!("{} RESET ({})", alter(table), removed.join(", ")));
            }
            if from != to && !to.is_empty() {
                out.push(format!("{} SET ({})", alter(table), to.join(", ")));
            }
        }
        Change::CreateView { view } => out.push(view_sql(d, view)),
        Change::DropView { view } => out.push(format!(
            "DROP {}VIEW {}",
            if view.materialized {
                "MATERIALIZED "
            } else {
                ""
            },
            d.quote_name(&view.name)
        )),
        Change::CreateObject { object } => {
            out.push(object_create(object, false));
            out.extend(object.extra.iter().cloned());
        }
        Change::DropObject { object } => out.push(object.drop.clone()),
        Change::ReplaceObject { from, to } => {
            if let Some(alter) = alter_type_parts(d, from, to) {
                out.extend(alter);
            } else if replaceable(from, to) {
                out.push(object_create(to, true));
            } else {
                out.push(from.drop.clone());
                out.push(object_create(to, false));
            }
            out.extend(to.extra.iter().cloned());
        }
        Change::Grant {
            grants,
            with_grant_option,
        } => {
            let option = if *with_grant_option {
                " WITH GRANT OPTION"
            } else {
                ""
            };
            let g = &grants[0];
            out.push(format!(
                "GRANT {} ON {} TO {}{option}",
                privileges_sql(d, grants),
                grant_object(d, g),
                grantee(d, g)
            ));
        }
        Change::Revoke {
            grants,
            grant_option_only,
        } => {
            let option = if *grant_option_only {
                "GRANT OPTION FOR "
            } else {
                ""
            };
            let g = &grants[0];
            out.push(format!(
                "REVOKE {option}{} ON {} FROM {}",
                privileges_sql(d, grants),
                grant_object(d, g),
                grantee(d, g)
            ));
        }
        Change::SetComment { target, comment } => {
            let value = comment.as_deref().map(lit).unwrap_or_else(|| "NULL".into());
            out.push(format!(
                "COMMENT ON {} IS {value}",
                comment_target(d, target)
            ));
        }
    }
}

fn privileges_sql(d: &Postgres, grants: &[Grant]) -> String {
    let one = |g: &Grant| match &g.column {
        Some(c) => format!("{} ({})", g.privilege, d.quote_ident(c)),
        None => g.privilege.clone(),
    };
    grants.iter().map(one).collect::<Vec<_>>().join(", ")
}

fn grant_object(d: &Postgres, g: &Grant) -> String {
    let name = match g.object_kind.as_str() {
        // Routines carry their argument list in the name.
        "FUNCTION" | "PROCEDURE" | "ROUTINE" => g.object.name.to_string(),
        "SCHEMA" => d.quote_ident(&g.object.name),
        _ => d.quote_name(&g.object),
    };
    let name = if matches!(g.object_kind.as_str(), "FUNCTION" | "PROCEDURE" | "ROUTINE")
        && g.object.schema != d.default_schema()
    {
        format!("{}.{name}", d.quote_ident(&g.object.schema))
    } else {
        name
    };
    format!("{} {name}", g.object_kind)
}

fn grantee(d: &Postgres, g: &Grant) -> String {
    if g.grantee == "PUBLIC" {
        "PUBLIC".to_string()
    } else {
        d.quote_ident(&g.grantee)
    }
}

fn create_enum(d: &Postgres, e: &EnumType) -> String {
    let values: Vec<String> = e.values.iter().map(|v| lit(v)).collect();
    format!(
        "CREATE TYPE {} AS ENUM ({})",
        d.quote_name(&e.name),
        values.join(", ")
    )
}
