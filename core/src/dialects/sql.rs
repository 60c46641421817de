//! SQL-writing pieces every dialect's writer shares (column lists, foreign-key and
//! deferrable clauses, renames, the backfill data step).

use crate::change::Change;
use crate::dialects::Dialect;
use crate::model::{Attribute, Column, Constraint, QualName, RefAction, Str, TypeParts};

/// Quoted, comma-separated column names.
pub(crate) fn list(d: &dyn Dialect, cols: &[impl AsRef<str>]) -> String {
    cols.iter()
        .map(|c| d.quote_ident(c.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `FOREIGN KEY (..) REFERENCES t (..) [MATCH FULL] [ON UPDATE ..] [ON DELETE ..]`.
pub(crate) fn foreign_key_clause(
    d: &dyn Dialect,
    (columns, ref_table, ref_columns): (&[Str], &QualName, &[Str]),
    match_full: bool,
    on_update: RefAction,
    on_delete: RefAction,
) -> String {
    let mut s = format!(
        "FOREIGN KEY ({}) REFERENCES {}",
        list(d, columns),
        d.quote_name(ref_table)
    );
    if !ref_columns.is_empty() {
        s.push_str(&format!(" ({})", list(d, ref_columns)));
    }
    if match_full {
        s.push_str(" MATCH FULL");
    }
    if on_update != RefAction::NoAction {
        s.push_str(&format!(" ON UPDATE {}", on_update.sql()));
    }
    if on_delete != RefAction::NoAction {
        s.push_str(&format!(" ON DELETE {}", on_delete.sql()));
    }
    s
}

/// ` DEFERRABLE [INITIALLY DEFERRED]` of a constraint, or nothing.
pub(crate) fn deferrable_clause(c: &Constraint) -> &'static str {
    match (c.deferrable, c.initially_deferred) {
        (true, true) => " DEFERRABLE INITIALLY DEFERRED",
        (true, false) => " DEFERRABLE",
        _ => "",
    }
}

/// `ALTER TABLE .. RENAME ..`, the same in every dialect.
pub(crate) fn rename_sql(d: &dyn Dialect, change: &Change) -> Option<String> {
    match change {
        Change::RenameTable { from, to } => Some(format!(
            "ALTER TABLE {} RENAME TO {}",
            d.quote_name(from),
            d.quote_ident(&to.name)
        )),
        Change::RenameColumn { table, from, to } => Some(format!(
            "ALTER TABLE {} RENAME COLUMN {} TO {}",
            d.quote_name(table),
            d.quote_ident(from),
            d.quote_ident(to)
        )),
        _ => None,
    }
}

/// The data step of `--backfill`: existing rows get `value` where the column is NULL.
pub(crate) fn backfill_sql(
    d: &dyn Dialect,
    table: &QualName,
    column: &Column,
    value: &str,
) -> String {
    let col = d.quote_ident(&column.name);
    format!(
        "-- review: the value existing rows get\nUPDATE {} SET {col} = {value} WHERE {col} IS NULL",
        d.quote_name(table)
    )
}

/// `CREATE DOMAIN` / `CREATE TYPE .. AS (..)` written from a type's parts.
pub(crate) fn type_parts_sql(d: &dyn Dialect, quoted: &str, parts: &TypeParts) -> String {
    match parts {
        TypeParts::Domain(p) => {
            let mut s = format!("CREATE DOMAIN {quoted} AS {}", d.render_type(&p.base));
            if let Some(coll) = &p.collation {
                s.push_str(&format!(" COLLATE {}", d.quote_ident(coll)));
            }
            if let Some(def) = &p.default {
                s.push_str(&format!(" DEFAULT {}", def.text));
            }
            if p.not_null {
                s.push_str(" NOT NULL");
            }
            for (n, e) in &p.checks {
                s.push_str(&format!(
                    " CONSTRAINT {} CHECK ({})",
                    d.quote_ident(n),
                    e.text
                ));
            }
            s
        }
        TypeParts::Composite(attrs) => {
            let list: Vec<String> = attrs.iter().map(|a| attribute_sql(d, a)).collect();
            format!("CREATE TYPE {quoted} AS ({})", list.join(", "))
        }
    }
}

/// `name type [COLLATE c]`: one attribute of a composite type.
pub(crate) fn attribute_sql(d: &dyn Dialect, a: &Attribute) -> String {
    let mut s = format!("{} {}", d.quote_ident(&a.name), d.render_type(&a.ty));
    if let Some(coll) = &a.collation {
        s.push_str(&format!(" COLLATE {}", d.quote_ident(coll)));
    }
    s
}
