//! Declared renames: a table or column that the desired schema says was renamed keeps its data.
//!
//! Renames are applied to the current schema first (giving the schema as it is right after
//! the `RENAME` statements), and the rest of the plan is the ordinary diff from there. Keys,
//! foreign keys and plain-column index keys follow the new names (as the databases do);
//! expressions that mention a renamed column (checks, expression indexes, views) are compared
//! as written, so they are recreated when their text differs.

use crate::change::Change;
use crate::dialects::canonical_ident;
use crate::dialects::Dialect;
use crate::model::*;
use std::borrow::Cow;

/// A rename that cannot be applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub rename: Rename,
    pub message: String,
}

/// The renames of the other direction: DOWN undoes UP's renames, in reverse order, and names
/// column renames by the table's name on the desired side.
/// Columns of a table on both sides whose names differ only in case, for databases whose
/// column names are case-insensitive: the same column, renamed.
pub fn case_only_column_renames(from: &Schema, to: &Schema) -> Vec<Rename> {
    let mut out = Vec::new();
    for (name, t) in &to.tables {
        let Some(f) = from.tables.get(name) else {
            continue;
        };
        for col in t.columns.keys().filter(|c| !f.columns.contains_key(*c)) {
            let old = f
                .columns
                .keys()
                .find(|o| o.eq_ignore_ascii_case(col) && !t.columns.contains_key(*o));
            if let Some(old) = old {
                out.push(Rename {
                    kind: RenameKind::Column,
                    table: name.clone(),
                    from: old.clone(),
                    to: col.clone(),
                    at: None,
                });
            }
        }
    }
    out
}

pub fn invert(renames: &[Rename]) -> Vec<Rename> {
    let table_back = |t: &QualName| -> QualName {
        renames
            .iter()
            .find(|r| r.kind == RenameKind::Table && r.table == *t)
            .map(|r| QualName::new(t.schema.clone(), r.from.clone()))
            .unwrap_or_else(|| t.clone())
    };
    let mut out: Vec<Rename> = renames
        .iter()
        .map(|r| match r.kind {
            RenameKind::Table => Rename {
                table: QualName::new(r.table.schema.clone(), r.from.clone()),
                from: r.to.clone(),
                to: r.from.clone(),
                ..r.clone()
            },
            RenameKind::Column | RenameKind::Index => Rename {
                table: table_back(&r.table),
                from: r.to.clone(),
                to: r.from.clone(),
                ..r.clone()
            },
        })
        .collect();
    // Tables first on the way back too: column renames name the table after its rename.
    out.sort_by_key(|r| r.kind != RenameKind::Table);
    out
}

/// Apply `renames` to `a` (the side being migrated from), checking them against `b`. Returns
/// the renamed schema, the rename changes (to run first) and the renames that do not apply.
pub fn apply<'a>(
    a: &'a Schema,
    b: &Schema,
    renames: &[Rename],
    dialect: &dyn Dialect,
) -> (Cow<'a, Schema>, Vec<Change>, Vec<Problem>) {
    if renames.is_empty() {
        return (Cow::Borrowed(a), Vec::new(), Vec::new());
    }
    let mut s = a.clone();
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    let problem = |r: &Rename, m: String| Problem {
        rename: r.clone(),
        message: m,
    };
    // Tables first, then by table and name (the order of the statements that declared them
    // does not matter).
    let mut ordered: Vec<&Rename> = renames.iter().collect();
    ordered.sort_by_key(|r| {
        (
            r.kind != RenameKind::Table,
            r.table.clone(),
            r.from.clone(),
            r.to.clone(),
        )
    });
    for r in ordered {
        match r.kind {
            RenameKind::Table => {
                let old = QualName::new(r.table.schema.clone(), r.from.clone());
                let new = r.table.clone();
                if old == new {
                    continue;
                }
                let why = if !s.tables.contains_key(&old) {
                    Some(format!("the current schema has no table {}", old.name))
                } else if s.tables.contains_key(&new) {
                    Some(format!(
                        "the current schema already has a table {}",
                        new.name
                    ))
                } else if !b.tables.contains_key(&new) || b.tables.contains_key(&old) {
                    Some(format!(
                        "the desired schema must have table {} and not {}",
                        new.name, old.name
                    ))
                } else {
                    None
                };
                if let Some(m) = why {
                    problems.push(problem(
                        r,
                        format!("rename of table {} ignored: {m}", old.name),
                    ));
                    continue;
                }
                rename_table(&mut s, &old, &new, dialect);
                changes.push(Change::RenameTable { from: old, to: new });
            }
            RenameKind::Column => {
                let t = &r.table;
                let why = match (s.tables.get(t), b.tables.get(t)) {
                    (None, _) | (_, None) => Some(format!("no table {} on both sides", t.name)),
                    (Some(at), Some(bt)) => {
                        if !at.columns.contains_key(&r.from) {
                            Some(format!("the current table has no column {}", r.from))
                        } else if at.columns.contains_key(&r.to) {
                            Some(format!("the current table already has a column {}", r.to))
                        } else if !bt.columns.contains_key(&r.to)
                            || bt.columns.contains_key(&r.from)
                        {
                            Some(format!(
                                "the desired table must have column {} and not {}",
                                r.to, r.from
                            ))
                        } else {
                            None
                        }
                    }
                };
                if let Some(m) = why {
                    problems.push(problem(
                        r,
                        format!("rename of column {}.{} ignored: {m}", t.name, r.from),
                    ));
                    continue;
                }
                rename_column(&mut s, t, &r.from, &r.to, dialect);
                changes.push(Change::RenameColumn {
                    table: t.clone(),
                    from: r.from.clone(),
                    to: r.to.clone(),
                });
            }
            // Indexes with the same definition under a new name are renamed by the planner.
            RenameKind::Index => {}
        }
    }
    (Cow::Owned(s), changes, problems)
}

/// Rebuild an ordered map with one key replaced, keeping the order.
fn rekey<K: std::hash::Hash + Eq + Clone, V>(
    map: &mut Map<K, V>,
    old: &K,
    new: K,
    fix: impl FnOnce(&mut V),
) {
    if let Some(i) = map.get_index_of(old) {
        let (_, mut v) = map.shift_remove_index(i).expect("index exists");
        fix(&mut v);
        map.shift_insert(i, new, v);
    }
}

fn rename_table(s: &mut Schema, old: &QualName, new: &QualName, dialect: &dyn Dialect) {
    rekey(&mut s.tables, old, new.clone(), |t| t.name = new.clone());
    let swap = |q: &mut QualName| {
        if q == old {
            *q = new.clone();
        }
    };
    for t in s.tables.values_mut() {
        for c in t.constraints.values_mut() {
            if let ConstraintKind::ForeignKey { ref_table, .. } = &mut c.kind {
                swap(ref_table);
            }
        }
        t.inherits.iter_mut().for_each(swap);
        if let Some(p) = &mut t.partition_of {
            swap(&mut p.parent);
        }
    }
    for i in s.indexes.values_mut() {
        swap(&mut i.table);
    }
    for v in s.views.values_mut() {
        v.depends_on.iter_mut().for_each(swap);
    }
    for q in s.sequences.values_mut() {
        if let Some((t, _)) = &mut q.owned_by {
            swap(t);
        }
    }
    // Triggers, policies and rules hang off the table: their identity names it.
    let prefix = format!("{old}.");
    let moved: Vec<ObjectId> = s
        .objects
        .iter()
        .filter(|(_, o)| o.table.as_ref() == Some(old))
        .map(|(id, _)| id.clone())
        .collect();
    for id in moved {
        let Some(name) = id.signature.strip_prefix(&prefix).map(str::to_string) else {
            continue;
        };
        let new_id = ObjectId {
            kind: id.kind,
            signature: format!("{new}.{name}"),
        };
        let kind = id.kind;
        rekey(&mut s.objects, &id, new_id.clone(), |o| {
            o.id = new_id;
            o.table = Some(new.clone());
            o.drop = dialect.drop_object_sql(kind, &name, Some(new));
        });
    }
    let grants: Vec<(Grant, bool)> = s.grants.drain(..).collect();
    s.grants = grants
        .into_iter()
        .map(|(mut g, opt)| {
            if g.object_kind == "TABLE" {
                swap(&mut g.object);
            }
            (g, opt)
        })
        .collect();
}

fn rename_column(s: &mut Schema, table: &QualName, old: &str, new: &str, dialect: &dyn Dialect) {
    let swap = |c: &mut Str| {
        if c == old {
            *c = new.into();
        }
    };
    if let Some(t) = s.tables.get_mut(table) {
        rekey(&mut t.columns, &old.into(), new.into(), |c| {
            c.name = new.into()
        });
        for c in t.constraints.values_mut() {
            match &mut c.kind {
                ConstraintKind::PrimaryKey { columns, include }
                | ConstraintKind::Unique {
                    columns, include, ..
                } => {
                    columns.iter_mut().for_each(swap);
                    include.iter_mut().for_each(swap);
                }
                ConstraintKind::ForeignKey { columns, .. } => columns.iter_mut().for_each(swap),
                _ => {}
            }
        }
    }
    for t in s.tables.values_mut() {
        for c in t.constraints.values_mut() {
            if let ConstraintKind::ForeignKey {
                ref_table,
                ref_columns,
                ..
            } = &mut c.kind
            {
                if ref_table == table {
                    ref_columns.iter_mut().for_each(swap);
                }
            }
        }
    }
    let old_key = canonical_ident(old, dialect);
    for i in s.indexes.values_mut().filter(|i| i.table == *table) {
        for k in &mut i.keys {
            if k.expr.key == old_key {
                k.expr = Sql::new(dialect.quote_ident(new), canonical_ident(new, dialect));
            }
        }
        i.include.iter_mut().for_each(swap);
    }
    for q in s.sequences.values_mut() {
        if let Some((t, c)) = &mut q.owned_by {
            if t == table {
                swap(c);
            }
        }
    }
}
