//! SQLite spelling of each change. Kept tables that `ALTER TABLE` cannot change arrive as
//! [`Change::RebuildTable`] and get the documented rebuild: new table under a temporary name,
//! rows copied, old table dropped, new one renamed (the script's prologue and epilogue switch
//! foreign keys off, wrap everything in a transaction and run `PRAGMA foreign_key_check`).

use crate::change::Change;
use crate::dialects::{Dialect, Sqlite};
use crate::model::*;

/// Whether the table's primary key is written on its column with `AUTOINCREMENT`.
fn autoincrement_column(t: &Table) -> Option<&str> {
    if !t.has(&TableAttr::SqliteAutoincrement) {
        return None;
    }
    match t.primary_key().map(|c| &c.kind) {
        Some(ConstraintKind::PrimaryKey { columns, .. }) if columns.len() == 1 => {
            Some(columns[0].as_str())
        }
        _ => None,
    }
}

fn column_sql(d: &Sqlite, c: &Column, autoincrement: bool) -> String {
    let mut s = d.quote_ident(&c.name);
    let ty = d.render_type(&c.ty);
    if !ty.is_empty() {
        s.push(' ');
        s.push_str(&ty);
    }
    if autoincrement {
        s.push_str(" PRIMARY KEY AUTOINCREMENT");
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    if let Some(def) = &c.default {
        s.push_str(&format!(" DEFAULT {}", def.text));
    } else if c.null_default.0 && d.records_null_default() {
        s.push_str(" DEFAULT NULL");
    }
    if let Some(coll) = &c.collation {
        s.push_str(&format!(" COLLATE {}", d.quote_ident(coll)));
    }
    if let Some(g) = &c.generated {
        let kind = if g.stored { "STORED" } else { "VIRTUAL" };
        s.push_str(&format!(" GENERATED ALWAYS AS ({}) {kind}", g.expr.text));
    }
    s
}

fn constraint_sql(d: &Sqlite, c: &Constraint) -> String {
    let mut s = if c.implicit_name {
        String::new()
    } else {
        format!("CONSTRAINT {} ", d.quote_ident(&c.name))
    };
    match &c.kind {
        ConstraintKind::PrimaryKey { columns, .. } => {
            s.push_str(&format!(
                "PRIMARY KEY ({})",
                crate::dialects::sql::list(d, columns)
            ));
        }
        ConstraintKind::Unique { columns, .. } => {
            s.push_str(&format!(
                "UNIQUE ({})",
                crate::dialects::sql::list(d, columns)
            ));
        }
        ConstraintKind::Check { expr, .. } => s.push_str(&format!("CHECK ({})", expr.text)),
        ConstraintKind::ForeignKey {
            columns,
            ref_table,
            ref_columns,
            on_delete,
            on_update,
            ..
        } => s.push_str(&crate::dialects::sql::foreign_key_clause(
            d,
            (columns, ref_table, ref_columns),
            false,
            *on_update,
            *on_delete,
        )),
        ConstraintKind::Exclude { body } => s.push_str(&format!("EXCLUDE {}", body.text)),
    }
    s.push_str(crate::dialects::sql::deferrable_clause(c));
    s
}

fn create_table_sql(d: &Sqlite, t: &Table, name: &str) -> String {
    let auto = autoincrement_column(t);
    let mut elems: Vec<String> = t
        .columns
        .values()
        .map(|c| column_sql(d, c, auto == Some(c.name.as_str())))
        .collect();
    elems.extend(
        t.constraints
            .values()
            .filter(|c| !(auto.is_some() && matches!(c.kind, ConstraintKind::PrimaryKey { .. })))
            .map(|c| constraint_sql(d, c)),
    );
    let mut s = format!("CREATE TABLE {name} (\n    {}\n)", elems.join(",\n    "));
    let options: Vec<&str> = t
        .attrs
        .iter()
        .filter(|a| matches!(a, TableAttr::SqliteStrict | TableAttr::SqliteWithoutRowid))
        .map(TableAttr::sql)
        .collect();
    if !options.is_empty() {
        s.push(' ');
        s.push_str(&options.join(", "));
    }
    s
}

fn index_sql(d: &Sqlite, i: &Index) -> String {
    let keys: Vec<String> = i
        .keys
        .iter()
        .map(|k| {
            let mut ks = k.expr.text.to_string();
            if let Some(c) = &k.collation {
                ks.push_str(&format!(" COLLATE {}", d.quote_ident(c)));
            }
            if k.descending {
                ks.push_str(" DESC");
            }
            ks
        })
        .collect();
    let mut s = format!(
        "CREATE {}INDEX {} ON {} ({})",
        if i.unique { "UNIQUE " } else { "" },
        d.quote_name(&i.name),
        d.quote_name(&i.table),
        keys.join(", ")
    );
    if let Some(p) = &i.predicate {
        s.push_str(&format!(" WHERE {}", p.text));
    }
    s
}

fn view_sql(d: &Sqlite, v: &View) -> String {
    let mut s = format!("CREATE VIEW {}", d.quote_name(&v.name));
    if !v.columns.is_empty() {
        s.push_str(&format!(" ({})", crate::dialects::sql::list(d, &v.columns)));
    }
    s.push_str(" AS ");
    s.push_str(v.query.text.trim());
    s
}

/// The rebuild of a kept table: rows of the columns both versions have are copied
/// (generated columns of the new table are computed, not copied; a generated column that
/// becomes a plain one keeps the values it had).
fn rebuild(
    d: &Sqlite,
    from: &Table,
    to: &Table,
    backfill: &[(&Str, String)],
    out: &mut Vec<String>,
) {
    let name = d.quote_name(&to.name);
    let temp = d.quote_ident(&format!("_schemashift_new_{}", d.spelling(&to.name.name)));
    out.push(create_table_sql(d, to, &temp));
    // Columns both versions have are copied; a backfilled new column gets its value.
    let copied: Vec<(String, String)> = to
        .columns
        .values()
        .filter(|c| c.generated.is_none())
        .filter_map(|c| {
            let name = d.quote_ident(&c.name);
            if from.columns.contains_key(&c.name) {
                return Some((name.clone(), name));
            }
            backfill
                .iter()
                .find(|(col, _)| **col == c.name)
                .map(|(_, v)| (name, v.clone()))
        })
        .collect();
    if !copied.is_empty() {
        let cols: Vec<&str> = copied.iter().map(|(c, _)| c.as_str()).collect();
        let values: Vec<&str> = copied.iter().map(|(_, v)| v.as_str()).collect();
        out.push(format!(
            "INSERT INTO {temp} ({}) SELECT {} FROM {}",
            cols.join(", "),
            values.join(", "),
            d.quote_name(&from.name)
        ));
    }
    out.push(format!("DROP TABLE {}", d.quote_name(&from.name)));
    // Triggers elsewhere may name the table: the legacy rename neither rewrites nor checks
    // them (they name the final name, which is right once the rename is done).
    out.push("PRAGMA legacy_alter_table = ON".into());
    out.push(format!("ALTER TABLE {temp} RENAME TO {name}"));
    out.push("PRAGMA legacy_alter_table = OFF".into());
}

pub fn render_change(d: &Sqlite, change: &Change, out: &mut Vec<String>) {
    let alter = |t: &QualName| format!("ALTER TABLE {}", d.quote_name(t));
    match change {
        Change::RenameTable { .. } | Change::RenameColumn { .. } => {
            out.extend(crate::dialects::sql::rename_sql(d, change))
        }
        Change::CreateTable { table, .. } => {
            out.push(create_table_sql(d, table, &d.quote_name(&table.name)))
        }
        Change::DropTable { table } => {
            out.push(format!("DROP TABLE {}", d.quote_name(&table.name)))
        }
        Change::AddColumn { table, column, .. } => out.push(format!(
            "{} ADD COLUMN {}",
            alter(table),
            column_sql(d, column, false)
        )),
        Change::DropColumn { table, column } => out.push(format!(
            "{} DROP COLUMN {}",
            alter(table),
            d.quote_ident(&column.name)
        )),
        Change::RebuildTable { from, to, changes } => {
            let backfill: Vec<(&Str, String)> = changes
                .iter()
                .filter_map(|c| match c {
                    Change::Backfill { column, value, .. } => Some((&column.name, value.clone())),
                    _ => None,
                })
                .collect();
            rebuild(d, from, to, &backfill, out)
        }
        Change::CreateIndex { index } | Change::CreateIndexConcurrently { index } => {
            out.push(index_sql(d, index))
        }
        Change::Backfill {
            table,
            column,
            value,
        } => out.push(crate::dialects::sql::backfill_sql(d, table, column, value)),
        Change::DropIndex { index } | Change::DropIndexConcurrently { index } => {
            out.push(format!("DROP INDEX {}", d.quote_name(&index.name)))
        }
        // No `ALTER INDEX .. RENAME` in SQLite.
        Change::RenameIndex { from, index, .. } => {
            out.push(format!("DROP INDEX {}", d.quote_name(from)));
            out.push(index_sql(d, index));
        }
        Change::CreateView { view } => out.push(view_sql(d, view)),
        Change::DropView { view } => out.push(format!("DROP VIEW {}", d.quote_name(&view.name))),
        Change::CreateObject { object } => out.push(object.create.text.trim().to_string()),
        Change::DropObject { object } => out.push(object.drop.clone()),
        Change::ReplaceObject { from, to } => {
            out.push(from.drop.clone());
            out.push(to.create.text.trim().to_string());
        }
        // SQLite keeps no comments.
        Change::SetComment { .. } => {}
        // Changes the SQLite planner never makes: the SQLite grammar reads none of these
        // objects, and column or constraint changes of kept tables are rebuilds
        // (`alter_in_place`). Written as a comment rather than dropped if one ever arrives.
        Change::CreateSchema { .. }
        | Change::DropSchema { .. }
        | Change::CreateExtension { .. }
        | Change::DropExtension { .. }
        | Change::CreateEnum { .. }
        | Change::DropEnum { .. }
        | Change::AddEnumValue { .. }
        | Change::RecreateEnum { .. }
        | Change::CreateSequence { .. }
        | Change::DropSequence { .. }
        | Change::AlterSequence { .. }
        | Change::AlterColumn { .. }
        | Change::AddConstraint { .. }
        | Change::DropConstraint { .. }
        | Change::RenameConstraint { .. }
        | Change::AddForeignKeyNotValid { .. }
        | Change::ValidateConstraint { .. }
        | Change::AttachPartition { .. }
        | Change::DetachPartition { .. }
        | Change::SetRowSecurity { .. }
        | Change::SetTableOptions { .. }
        | Change::Grant { .. }
        | Change::Revoke { .. } => out.push(format!(
            "-- schemashift: SQLite has no statement for: {}",
            change.summary()
        )),
    }
}
