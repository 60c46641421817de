//! The hazards of a plan: each change's own, plus those that depend on the plan around it
//! (locking on tables that already exist, checks against existing rows, suggested renames,
//! DOWN steps that cannot bring data back).

use crate::change::Change;
use crate::dialects::Dialect;
use crate::hazard::{Hazard, HazardCode};
use crate::model::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Which way a plan goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// All hazards of each change of a plan from `a` to `b`.
pub fn assess(
    changes: &[Change],
    a: &Schema,
    dialect: &dyn Dialect,
    direction: Direction,
) -> Vec<Vec<Hazard>> {
    let created: HashSet<&QualName> = changes
        .iter()
        .filter_map(|c| match c {
            Change::CreateTable { table, .. } => Some(&table.name),
            _ => None,
        })
        .collect();
    let renamed_columns: HashSet<(&QualName, &str)> = changes
        .iter()
        .filter_map(|c| match c {
            Change::RenameColumn { table, to, .. } => Some((table, to.as_str())),
            _ => None,
        })
        .collect();
    // Columns added, by table, in the order of the plan.
    let mut added_columns: HashMap<&QualName, Vec<&Column>> = HashMap::default();
    for c in Change::flatten(changes) {
        if let Change::AddColumn { table, column, .. } = c {
            added_columns.entry(table).or_default().push(column);
        }
    }
    // A table's columns as (name, type), sorted: what a dropped and a created table that
    // may be one renamed have in common.
    let shape = |t: &Table| -> Vec<(Str, String)> {
        let mut v: Vec<(Str, String)> = t
            .columns
            .values()
            .map(|c| (c.name.clone(), dialect.render_type(&c.ty)))
            .collect();
        v.sort();
        v
    };
    // Created tables with columns by shape: the first of each shape in the plan (each shape
    // computed once, not once per dropped table).
    let mut created_tables: HashMap<Vec<(Str, String)>, &Table> = HashMap::default();
    for c in changes {
        if let Change::CreateTable { table, .. } = c {
            if !table.columns.is_empty() {
                created_tables.entry(shape(table)).or_insert(table);
            }
        }
    }
    changes
        .iter()
        .map(|c| {
            let mut out = c.hazards();
            // A rebuild has hazards of its own (the copy) and those of the changes it makes.
            let rebuild = matches!(c, Change::RebuildTable { .. }).then_some(c);
            for inner in rebuild.into_iter().chain(c.parts()) {
                let existing = inner
                    .table()
                    .is_some_and(|t| a.tables.contains_key(t) && !created.contains(t));
                out.extend(dialect.hazards(inner, existing));
                if existing {
                    out.extend(existing_rows_hazards(inner, a));
                }
                match inner {
                    Change::DropColumn { table, column } => {
                        // A column dropped and added under its own name is redefined (a
                        // generated column's expression), not renamed.
                        let added = added_columns.get(table).and_then(|cols| {
                            cols.iter()
                                .find(|col| col.ty == column.ty && col.name != column.name)
                        });
                        if let Some(added) = added {
                            out.push(Hazard::new(HazardCode::PossibleRename,
                                format!(
                                    "{table}.{} is dropped and {} is added with the same type: if it is a rename, write `-- schemashift: renamed from {}` on the line of {} (or --rename {}.{}={})",
                                    column.name, added.name, column.name, added.name, table.name, column.name, added.name
                                ),
                            ));
                        }
                    }
                    Change::DropTable { table } => {
                        if let Some(new) = created_tables.get(&shape(table)) {
                            out.push(Hazard::new(HazardCode::PossibleRename,
                                format!(
                                    "table {} is dropped and {} is created with the same columns: if it is a rename, write `-- schemashift: renamed from {}` on the CREATE TABLE {} line (or --rename {}={})",
                                    table.name, new.name, table.name.name, new.name.name, table.name.name, new.name.name
                                ),
                            ));
                        }
                    }
                    _ => {}
                }
                if direction == Direction::Down {
                    match inner {
                        Change::CreateTable { table, .. } => out.push(Hazard::new(HazardCode::IrreversibleDowngrade,
                            format!("table {} comes back empty: its rows were deleted by the upgrade", table.name),
                        )),
                        // A generated column's values are computed again, not lost.
                        Change::AddColumn { table, column, .. }
                            if !renamed_columns.contains(&(table, column.name.as_str()))
                                && column.generated.is_none() =>
                        {
                            out.push(Hazard::new(HazardCode::IrreversibleDowngrade,
                                format!(
                                    "column {table}.{} comes back without its values: they were deleted by the upgrade",
                                    column.name
                                ),
                            ))
                        }
                        _ => {}
                    }
                }
            }
            out
        })
        .collect()
}

/// Checks a change makes against the rows of a table that already has some.
fn existing_rows_hazards(c: &Change, a: &Schema) -> Vec<Hazard> {
    match c {
        Change::AddConstraint { table, constraint } => {
            let (code, what) = match constraint.kind {
                ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. } => (
                    HazardCode::AddUnique,
                    "fails if existing rows hold duplicates",
                ),
                ConstraintKind::Check { .. } => {
                    (HazardCode::AddCheck, "fails if an existing row violates it")
                }
                ConstraintKind::ForeignKey { .. } => (
                    HazardCode::AddForeignKey,
                    "fails if existing rows reference missing rows",
                ),
                ConstraintKind::Exclude { .. } => {
                    (HazardCode::AddUnique, "fails if existing rows conflict")
                }
            };
            vec![Hazard::new(
                code,
                format!("constraint {} on {table} {what}", constraint.name),
            )]
        }
        // An index recreated as it was (on a rebuilt table) holds the same rows.
        Change::CreateIndex { index }
            if index.unique
                && !a
                    .indexes
                    .get(&index.name)
                    .is_some_and(|ai| ai.same_definition(index)) =>
        {
            vec![Hazard::new(
                HazardCode::AddUnique,
                format!(
                    "unique index {} on {} fails if existing rows hold duplicates",
                    index.name.name, index.table
                ),
            )]
        }
        _ => Vec::new(),
    }
}
