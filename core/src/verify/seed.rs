//! Seed rows and the row checks of a verification plan, from both sides' models.

use super::{Kind, NotSeeded, Renames, RowCheck, Seed, VerifySql};
use crate::dialects::Dialect;
use crate::model::{Column, ConstraintKind, QualName, Schema, Table, Type};
use std::collections::{BTreeMap, BTreeSet};

impl Kind {
    fn numeric(&self) -> bool {
        matches!(self, Kind::Int | Kind::Decimal | Kind::Float | Kind::Bool)
    }

    /// A kind whose values both `self` (current) and `other` (desired) take, where there is
    /// an easy one.
    fn with(self, other: &Kind) -> Kind {
        match (&self, other) {
            (Kind::Enum(a), Kind::Enum(b)) => {
                let both: Vec<String> = a.iter().filter(|l| b.contains(l)).cloned().collect();
                if both.is_empty() {
                    self
                } else {
                    Kind::Enum(both)
                }
            }
            (Kind::Text, k) if k.numeric() => Kind::Int,
            (Kind::Decimal | Kind::Float, Kind::Int) => Kind::Int,
            (Kind::Text, Kind::Uuid) => Kind::Uuid,
            (Kind::Text, Kind::Date | Kind::Timestamp | Kind::TimestampTz) => Kind::Date,
            (Kind::Timestamp | Kind::TimestampTz, Kind::Date) => Kind::Date,
            _ => self,
        }
    }
}

/// Seeds (parents first), tables left unseeded with the reason, and the row checks.
pub(super) fn seeds(
    from: &Schema,
    to: &Schema,
    renames: &Renames,
    dialect: &dyn Dialect,
    sql: &dyn VerifySql,
) -> (Vec<Seed>, Vec<NotSeeded>, Vec<RowCheck>) {
    let mut seeds = Vec::new();
    let mut not_seeded = Vec::new();
    let mut checks = Vec::new();
    for t in parents_first(from) {
        let name = display(&t.name, dialect);
        let desired_name = renames
            .tables
            .get(&t.name)
            .cloned()
            .unwrap_or(t.name.clone());
        let Some(dt) = to.tables.get(&desired_name) else {
            not_seeded.push(NotSeeded {
                table: name,
                reason: "the desired schema does not have it".into(),
            });
            continue;
        };
        if t.partition_of.is_some() {
            not_seeded.push(NotSeeded {
                table: name,
                reason: "a partition: rows reach it through its parent".into(),
            });
            continue;
        }
        let desired_col = |c: &Column| desired_column(renames, dt, c);
        match rows(from, to, t, dt, renames, dialect, sql) {
            Ok(rows) => seeds.push(Seed {
                table: name.clone(),
                rows,
            }),
            Err(reason) => {
                not_seeded.push(NotSeeded {
                    table: name,
                    reason,
                });
                continue;
            }
        }
        let all: Vec<&Column> = t.columns.values().collect();
        let kept: Vec<(&Column, &Column)> = t
            .columns
            .values()
            .filter(|c| c.generated.is_none())
            .filter_map(|c| desired_col(c).map(|d| (c, d)))
            .filter(|(c, d)| c.ty == d.ty && d.generated.is_none())
            .collect();
        let select = |table: &QualName, cols: &[&str]| {
            if cols.is_empty() {
                return format!("SELECT 1 FROM {}", dialect.quote_name(table));
            }
            let exprs: Vec<String> = cols
                .iter()
                .map(|c| sql.as_text(&dialect.quote_ident(c)))
                .collect();
            let order: Vec<String> = (1..=cols.len()).map(|i| i.to_string()).collect();
            format!(
                "SELECT {} FROM {} ORDER BY {}",
                exprs.join(", "),
                dialect.quote_name(table),
                order.join(", ")
            )
        };
        let names = |cols: &[&Column]| cols.iter().map(|c| c.name.to_string()).collect::<Vec<_>>();
        let current_names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        let kept_current: Vec<&str> = kept.iter().map(|(c, _)| c.name.as_str()).collect();
        let kept_desired: Vec<&str> = kept.iter().map(|(_, d)| d.name.as_str()).collect();
        checks.push(RowCheck {
            table: name,
            content_current: select(&t.name, &current_names),
            columns_current: names(&all),
            kept_current: select(&t.name, &kept_current),
            kept_desired: select(&desired_name, &kept_desired),
            columns_kept: kept.iter().map(|(c, _)| c.name.to_string()).collect(),
        });
    }
    (seeds, not_seeded, checks)
}

/// The column of desired table `dt` that current column `c` becomes.
fn desired_column<'a>(renames: &Renames, dt: &'a Table, c: &Column) -> Option<&'a Column> {
    let n = renames
        .columns
        .get(&(dt.name.clone(), c.name.clone()))
        .unwrap_or(&c.name);
    dt.columns.get(n)
}

fn display(name: &QualName, dialect: &dyn Dialect) -> String {
    if name.schema.is_empty() || name.schema == dialect.default_schema() {
        name.name.to_string()
    } else {
        format!("{}.{}", name.schema, name.name)
    }
}

/// Tables in an order where a referenced table comes before the tables referencing it (as
/// far as there are no cycles; then by name).
fn parents_first(schema: &Schema) -> Vec<&Table> {
    let mut done: BTreeSet<&QualName> = BTreeSet::new();
    let mut out = Vec::new();
    let mut left: Vec<&Table> = schema.tables.values().collect();
    left.sort_by(|a, b| a.name.cmp(&b.name));
    while !left.is_empty() {
        let is_ready = |t: &Table, done: &BTreeSet<&QualName>| {
            t.constraints.values().all(|c| match &c.kind {
                ConstraintKind::ForeignKey { ref_table, .. } => {
                    *ref_table == t.name
                        || done.contains(ref_table)
                        || !schema.tables.contains_key(ref_table)
                }
                _ => true,
            })
        };
        let (mut ready, mut rest): (Vec<&Table>, Vec<&Table>) =
            left.iter().partition(|t| is_ready(t, &done));
        if ready.is_empty() {
            // A cycle: the first table by name goes first.
            ready.push(rest.remove(0));
        }
        for t in ready {
            done.insert(&t.name);
            out.push(t);
        }
        left = rest;
    }
    out
}

/// The INSERTs of rows 1 and 2 (all columns, then the NOT NULL ones only), or why not.
fn rows(
    from: &Schema,
    to: &Schema,
    t: &Table,
    dt: &Table,
    renames: &Renames,
    dialect: &dyn Dialect,
    sql: &dyn VerifySql,
) -> Result<Vec<Vec<String>>, String> {
    // A foreign key column takes the referenced column's value of the same row.
    let mut references: BTreeMap<&str, &Column> = BTreeMap::new();
    for c in t.constraints.values() {
        if let ConstraintKind::ForeignKey {
            columns,
            ref_table,
            ref_columns,
            ..
        } = &c.kind
        {
            let Some(parent) = from.tables.get(ref_table) else {
                continue;
            };
            for (col, rc) in columns.iter().zip(ref_columns) {
                if let Some(p) = parent.columns.get(rc) {
                    references.insert(col, p);
                }
            }
        }
    }
    let kind_of = |c: &Column, d: Option<&Column>| {
        let k = sql.kind(&c.ty, from);
        match d {
            Some(d) => k.with(&sql.kind(&d.ty, to)),
            None => k,
        }
    };
    let mut out = Vec::new();
    for k in 1..=2u8 {
        let mut cols: Vec<(String, String, bool)> = Vec::new();
        for c in t.columns.values() {
            if c.generated.is_some() {
                continue;
            }
            let fk = references.get(c.name.as_str());
            if fk.is_none() && (c.identity.is_some() || c.default.is_some() || c.auto_increment()) {
                continue;
            }
            let kind = match fk {
                Some(p) => kind_of(p, None),
                None => kind_of(c, desired_column(renames, dt, c)),
            };
            match sql.literal(&kind, k) {
                Some(v) => cols.push((dialect.quote_ident(&c.name), v, c.not_null)),
                None if c.not_null => {
                    return Err(format!(
                        "no value known for NOT NULL column {} of type {}",
                        c.name,
                        type_text(&c.ty, &kind)
                    ))
                }
                None => {}
            }
        }
        let insert = |cols: &[&(String, String, bool)]| {
            if cols.is_empty() {
                return format!("INSERT INTO {} DEFAULT VALUES", dialect.quote_name(&t.name));
            }
            format!(
                "INSERT INTO {} ({}) VALUES ({})",
                dialect.quote_name(&t.name),
                cols.iter()
                    .map(|c| c.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                cols.iter()
                    .map(|c| c.1.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let all: Vec<&(String, String, bool)> = cols.iter().collect();
        let required: Vec<&(String, String, bool)> = cols.iter().filter(|c| c.2).collect();
        let mut row = vec![insert(&all)];
        if required.len() < all.len() {
            row.push(insert(&required));
        }
        out.push(row);
    }
    Ok(out)
}

fn type_text(ty: &Type, kind: &Kind) -> String {
    match kind {
        Kind::Unknown(name) => name.clone(),
        _ => ty.name.to_string(),
    }
}
