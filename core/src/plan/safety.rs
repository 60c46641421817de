//! Safe alternatives (`--concurrently`, `--not-valid-fks`, `--backfill`): a plan rewritten so
//! that changes on tables that already have rows do not block writes or fail on those rows.

use crate::change::{Change, ColumnChanges};
use crate::dialects::Dialect;
use crate::model::*;
use rustc_hash::FxHashSet as HashSet;

/// Which safe alternatives to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Safety {
    /// `CREATE/DROP INDEX CONCURRENTLY` on existing tables (PostgreSQL).
    pub concurrently: bool,
    /// Foreign keys on existing tables added `NOT VALID`, then validated (PostgreSQL).
    pub not_valid_fks: bool,
    /// A new NOT NULL column without a default is added nullable, existing rows get a
    /// placeholder value (a data step to review), then it is made NOT NULL.
    pub backfill: bool,
}

impl Safety {
    pub fn any(self) -> bool {
        self.concurrently || self.not_valid_fks || self.backfill
    }
}

fn needs_backfill(column: &Column) -> bool {
    column.not_null
        && column.default.is_none()
        && column.identity.is_none()
        && column.generated.is_none()
}

/// Rewrite `changes` (a plan from `a`) with the safe alternatives `safety` asks for.
pub fn apply(
    changes: Vec<Change>,
    a: &Schema,
    dialect: &dyn Dialect,
    safety: Safety,
) -> Vec<Change> {
    if !safety.any() {
        return changes;
    }
    let created: HashSet<QualName> = changes
        .iter()
        .filter_map(|c| match c {
            Change::CreateTable { table, .. } => Some(table.name.clone()),
            _ => None,
        })
        .collect();
    let dropped: HashSet<QualName> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropTable { table } => Some(table.name.clone()),
            _ => None,
        })
        .collect();
    let existing = |t: &QualName| a.tables.contains_key(t) && !created.contains(t);
    let online = dialect.online_ddl();
    let zero = |column: &Column| {
        dialect
            .zero_value(&column.ty)
            .unwrap_or_else(|| "NULL".to_string())
    };
    let mut out = Vec::with_capacity(changes.len());
    for change in changes {
        match change {
            Change::CreateIndex { index }
                if safety.concurrently && online && existing(&index.table) =>
            {
                out.push(Change::CreateIndexConcurrently { index })
            }
            Change::DropIndex { index }
                if safety.concurrently
                    && online
                    && existing(&index.table)
                    && !dropped.contains(&index.table) =>
            {
                out.push(Change::DropIndexConcurrently { index })
            }
            Change::AddConstraint { table, constraint }
                if safety.not_valid_fks
                    && online
                    && constraint.is_foreign_key()
                    && existing(&table) =>
            {
                let name = constraint.name.clone();
                out.push(Change::AddForeignKeyNotValid {
                    table: table.clone(),
                    constraint,
                });
                out.push(Change::ValidateConstraint { table, name });
            }
            Change::AddColumn {
                table,
                column,
                serial,
            } if safety.backfill && needs_backfill(&column) && existing(&table) => {
                let nullable = Column {
                    not_null: false,
                    ..column.clone()
                };
                let value = zero(&column);
                out.push(Change::AddColumn {
                    table: table.clone(),
                    column: nullable.clone(),
                    serial,
                });
                out.push(Change::Backfill {
                    table: table.clone(),
                    column: column.clone(),
                    value,
                });
                let changes = ColumnChanges::between(&nullable, &column);
                out.push(Change::AlterColumn {
                    table,
                    from: Box::new(nullable),
                    to: Box::new(column),
                    changes,
                });
            }
            // A rebuild copies the rows: a backfilled column gets its value in the copy.
            Change::RebuildTable { from, to, changes } if safety.backfill => {
                let mut inner = Vec::with_capacity(changes.len());
                for c in changes {
                    let fill = match &c {
                        Change::AddColumn { table, column, .. } if needs_backfill(column) => {
                            Some(Change::Backfill {
                                table: table.clone(),
                                column: column.clone(),
                                value: zero(column),
                            })
                        }
                        _ => None,
                    };
                    inner.push(c);
                    inner.extend(fill);
                }
                out.push(Change::RebuildTable {
                    from,
                    to,
                    changes: inner,
                });
            }
            other => out.push(other),
        }
    }
    out
}
