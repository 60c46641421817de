//! Dependency ordering: tables by foreign keys and partitions, views by the relations they read.

use crate::change::Change;
use crate::dialects::Dialect;
use crate::model::Map;
use crate::model::{ConstraintKind, QualName, Str, Table, View};
use indexmap::IndexSet;

/// Depth-first topological order of `nodes` (dependencies first, ties in input order; the
/// callers pass names sorted, and each node's dependencies are visited by name). Edges that
/// close a cycle are returned instead of followed.
fn topo<F>(nodes: &[QualName], deps: F) -> (Vec<QualName>, Vec<(QualName, QualName)>)
where
    F: Fn(&QualName) -> Vec<QualName>,
{
    let set: IndexSet<&QualName> = nodes.iter().collect();
    let mut done: IndexSet<QualName> = IndexSet::new();
    let mut on_stack: IndexSet<QualName> = IndexSet::new();
    let mut back = Vec::new();
    // Iterative DFS: (node, next dependency index, its dependencies).
    for start in nodes {
        if done.contains(start) {
            continue;
        }
        let sorted = |n: &QualName| {
            let mut d = deps(n);
            d.sort();
            d.dedup();
            d
        };
        let mut stack: Vec<(QualName, usize, Vec<QualName>)> =
            vec![(start.clone(), 0, sorted(start))];
        on_stack.insert(start.clone());
        while let Some((node, i, ds)) = stack.last_mut() {
            if *i < ds.len() {
                let d = ds[*i].clone();
                *i += 1;
                if !set.contains(&d) || done.contains(&d) || d == *node {
                    continue;
                }
                if on_stack.contains(&d) {
                    back.push((node.clone(), d));
                    continue;
                }
                on_stack.insert(d.clone());
                let dd = sorted(&d);
                stack.push((d, 0, dd));
            } else {
                let (n, _, _) = stack.pop().expect("non-empty");
                on_stack.swap_remove(&n);
                done.insert(n);
            }
        }
    }
    (done.into_iter().collect(), back)
}

/// Tables in creation order; foreign keys (table, constraint) that close a cycle.
pub fn tables(
    tables: &[&Table],
    all: &Map<QualName, Table>,
) -> (Vec<QualName>, Vec<(QualName, Str)>) {
    let names: Vec<QualName> = tables.iter().map(|t| t.name.clone()).collect();
    let deps = |n: &QualName| -> Vec<QualName> {
        let t = &all[n];
        let mut out: Vec<QualName> = t.partition_of.iter().map(|p| p.parent.clone()).collect();
        out.extend(t.inherits.iter().cloned());
        out.extend(t.constraints.values().filter_map(|c| match &c.kind {
            ConstraintKind::ForeignKey { ref_table, .. } => Some(ref_table.clone()),
            _ => None,
        }));
        out
    };
    let (order, back) = topo(&names, deps);
    let mut cycle_fks = Vec::new();
    for (from, to) in back {
        let mut fks: Vec<_> = all[&from].constraints.values().collect();
        fks.sort_by(|x, y| x.name.cmp(&y.name));
        for c in fks {
            if matches!(&c.kind, ConstraintKind::ForeignKey { ref_table, .. } if *ref_table == to) {
                cycle_fks.push((from.clone(), c.name.clone()));
            }
        }
    }
    (order, cycle_fks)
}

/// Views in creation order.
pub fn views(names: &[QualName], all: &Map<QualName, View>) -> Vec<QualName> {
    topo(names, |n| {
        all.get(n).map(|v| v.depends_on.clone()).unwrap_or_default()
    })
    .0
}

/// Where new enum values go. PostgreSQL cannot use a value in the transaction that adds it, so
/// the values are added on their own, outside the migration's transaction (Alembic's
/// autocommit block), and with `IF NOT EXISTS` so that a rerun after a failure works. A step
/// that fails on the rows (`SET NOT NULL`, a new `CHECK`, a conversion) must not find the
/// values already committed: the values of an enum that no other step uses go last, after
/// everything that can fail, so a failure leaves the database as it was. The values of an
/// enum another step uses (a default or check naming a new value, a column converted to the
/// type) have to exist before that step: they stay first, and a failure further on leaves only
/// them behind, which a rerun accepts.
pub fn enum_values(changes: Vec<Change>, dialect: &dyn Dialect) -> Vec<Change> {
    let added: Vec<(&QualName, &String)> = changes
        .iter()
        .filter_map(|c| match c {
            Change::AddEnumValue { name, value, .. } => Some((name, value)),
            _ => None,
        })
        .collect();
    if added.is_empty() {
        return changes;
    }
    // The statements of every other step, to look for the new values in.
    let mut sql = Vec::new();
    for c in &changes {
        if !matches!(c, Change::AddEnumValue { .. }) {
            dialect.render_change(c, &mut sql);
        }
    }
    let used = |e: &QualName| {
        let literal = |v: &String| format!("'{}'", v.replace('\'', "''"));
        added
            .iter()
            .filter(|(n, _)| *n == e)
            .any(|(_, v)| sql.iter().any(|s| s.contains(&literal(v))))
            || changes.iter().any(|c| match c {
                Change::AlterColumn { to, changes, .. } => {
                    changes.ty && to.ty.user.as_deref() == Some(e)
                }
                _ => false,
            })
    };
    let late: Vec<QualName> = added
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !used(n))
        .cloned()
        .collect();
    let (last, mut out): (Vec<Change>, Vec<Change>) = changes
        .into_iter()
        .partition(|c| matches!(c, Change::AddEnumValue { name, .. } if late.contains(name)));
    out.extend(last);
    out
}
