//! Hazards: what a change can do to data, to running applications, or to the way back.
//!
//! Every hazard has a stable code from [`CATALOG`] (documented in the README), a one-line
//! message about the object, an explanation and, where one exists, the safe alternative.
//! [`Change::hazards`] gives the hazards a change has by itself; [`assess`] adds the ones that
//! depend on the plan: locking on tables that already exist, suggested renames, and the
//! steps of a DOWN migration that cannot bring data back.

use super::Change;
use crate::dialect::Dialect;
use crate::model::*;
use serde::Serialize;
use std::collections::HashSet;

/// Broad classes of risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HazardKind {
    /// Data is lost.
    Destructive,
    /// May fail depending on the rows present.
    DataDependent,
    /// Takes strong locks, scans or rewrites the table.
    Locking,
    /// A DOWN step that cannot restore what UP destroyed.
    Irreversible,
}

impl HazardKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Destructive => "destructive",
            Self::DataDependent => "data_dependent",
            Self::Locking => "locking",
            Self::Irreversible => "irreversible",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Destructive,
            Self::DataDependent,
            Self::Locking,
            Self::Irreversible,
        ]
        .into_iter()
        .find(|k| k.name() == name.replace('-', "_"))
    }
}

/// A risk a change carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hazard {
    pub code: &'static str,
    pub kind: HazardKind,
    /// One line about this object.
    pub message: String,
    /// Why it is a risk.
    pub explanation: &'static str,
    /// What to do instead, if there is a safer way.
    pub alternative: Option<&'static str>,
}

/// One entry of the hazard catalog.
pub struct HazardInfo {
    pub code: &'static str,
    pub kind: HazardKind,
    pub explanation: &'static str,
    pub alternative: Option<&'static str>,
}

/// Every hazard code schemashift reports.
pub const CATALOG: &[HazardInfo] = &[
    HazardInfo {
        code: "drop_table",
        kind: HazardKind::Destructive,
        explanation: "The table and every row in it are deleted.",
        alternative: Some("If the table was renamed, declare it (`-- schemashift: renamed from old` on the CREATE TABLE line, or --rename old=new). Otherwise stop using it first, back it up, and drop it in a later release."),
    },
    HazardInfo {
        code: "drop_column",
        kind: HazardKind::Destructive,
        explanation: "The column and its values are deleted.",
        alternative: Some("If the column was renamed, declare it (`-- schemashift: renamed from old` on its line, or --rename table.old=new). Otherwise deploy code that no longer reads it first, then drop it."),
    },
    HazardInfo {
        code: "drop_enum_value",
        kind: HazardKind::Destructive,
        explanation: "The enum type is recreated without the value; rows holding it make the conversion fail.",
        alternative: Some("Update the rows that hold the value first."),
    },
    HazardInfo {
        code: "narrow_type",
        kind: HazardKind::Destructive,
        explanation: "The new type holds less (shorter strings, smaller numbers, fewer digits): values that do not fit make the change fail or lose precision.",
        alternative: Some("Check the longest/largest value first (e.g. SELECT max(length(col))), or keep the wider type and add a CHECK constraint."),
    },
    HazardInfo {
        code: "change_type",
        kind: HazardKind::DataDependent,
        explanation: "Existing values are converted to the new type; a value that does not convert makes the migration fail.",
        alternative: Some("Add a new column, backfill it with the converted values, switch the code over, then drop the old column."),
    },
    HazardInfo {
        code: "add_not_null_column",
        kind: HazardKind::DataDependent,
        explanation: "A NOT NULL column without a default cannot be added to a table that has rows.",
        alternative: Some("Add it with a DEFAULT, or nullable, backfill it, then set NOT NULL (--backfill writes these steps)."),
    },
    HazardInfo {
        code: "set_not_null",
        kind: HazardKind::DataDependent,
        explanation: "SET NOT NULL fails if any row holds NULL in the column.",
        alternative: Some("Backfill the NULLs first (UPDATE .. WHERE col IS NULL)."),
    },
    HazardInfo {
        code: "add_unique",
        kind: HazardKind::DataDependent,
        explanation: "A new unique constraint or index fails if existing rows hold duplicates.",
        alternative: Some("Look for duplicates first (GROUP BY .. HAVING count(*) > 1)."),
    },
    HazardInfo {
        code: "add_check",
        kind: HazardKind::DataDependent,
        explanation: "A new CHECK constraint is checked against every existing row and fails if one violates it.",
        alternative: Some("Fix the violating rows first; on PostgreSQL add it NOT VALID and VALIDATE it later."),
    },
    HazardInfo {
        code: "add_foreign_key",
        kind: HazardKind::DataDependent,
        explanation: "A new foreign key fails if existing rows reference missing rows.",
        alternative: Some("Find orphans first (LEFT JOIN .. WHERE parent.id IS NULL)."),
    },
    HazardInfo {
        code: "create_index_locks",
        kind: HazardKind::Locking,
        explanation: "CREATE INDEX blocks writes to the table until the index is built.",
        alternative: Some("Build it CONCURRENTLY (--concurrently), outside a transaction."),
    },
    HazardInfo {
        code: "add_foreign_key_locks",
        kind: HazardKind::Locking,
        explanation: "Adding a foreign key checks every row while blocking writes to both tables.",
        alternative: Some("Add it NOT VALID, then VALIDATE CONSTRAINT separately (--not-valid-fks)."),
    },
    HazardInfo {
        code: "table_rewrite",
        kind: HazardKind::Locking,
        explanation: "This type change rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock.",
        alternative: Some("On large tables: add a new column, backfill in batches, swap."),
    },
    HazardInfo {
        code: "set_not_null_scan",
        kind: HazardKind::Locking,
        explanation: "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock.",
        alternative: Some("On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (no scan)."),
    },
    HazardInfo {
        code: "table_rebuild",
        kind: HazardKind::Locking,
        explanation: "SQLite cannot alter this in place: the table is copied into a new one, which takes time proportional to its rows and holds the database's write lock.",
        alternative: None,
    },
    HazardInfo {
        code: "possible_rename",
        kind: HazardKind::Destructive,
        explanation: "Something is dropped while something similar is added: if it is a rename, the data is lost.",
        alternative: Some("Declare the rename as the message says; schemashift never guesses."),
    },
    HazardInfo {
        code: "backfill_value",
        kind: HazardKind::DataDependent,
        explanation: "--backfill gives existing rows a placeholder value (the type's zero) for a new NOT NULL column.",
        alternative: Some("Replace the value with the right one (an expression over other columns, a lookup) before running the migration."),
    },
    HazardInfo {
        code: "irreversible_downgrade",
        kind: HazardKind::Irreversible,
        explanation: "The downgrade recreates what the upgrade dropped, but not its data.",
        alternative: Some("Back up the data before upgrading, or keep the old table/column until the release is final."),
    },
];

impl Hazard {
    /// A hazard of a catalogued code.
    pub fn new(code: &'static str, message: String) -> Self {
        let info = CATALOG
            .iter()
            .find(|i| i.code == code)
            .unwrap_or_else(|| panic!("hazard code {code} is not in the catalog"));
        Self {
            code: info.code,
            kind: info.kind,
            message,
            explanation: info.explanation,
            alternative: info.alternative,
        }
    }
}

/// Which way a plan goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Changes with the changes a rebuild stands for, flattened (the rebuild itself left out).
fn flat(changes: &[Change]) -> impl Iterator<Item = &Change> {
    changes.iter().flat_map(|c| match c {
        Change::RebuildTable { changes, .. } => changes.iter().collect::<Vec<_>>(),
        other => vec![other],
    })
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
    let added_columns: Vec<(&QualName, &Column)> = flat(changes)
        .filter_map(|c| match c {
            Change::AddColumn { table, column, .. } => Some((table, column)),
            _ => None,
        })
        .collect();
    let created_tables: Vec<&Table> = changes
        .iter()
        .filter_map(|c| match c {
            Change::CreateTable { table, .. } => Some(table),
            _ => None,
        })
        .collect();
    changes
        .iter()
        .map(|c| {
            let mut out = c.hazards();
            let inner_changes: Vec<&Change> = match c {
                Change::RebuildTable { changes, .. } => changes.iter().collect(),
                _ => Vec::new(),
            };
            for inner in std::iter::once(c).chain(inner_changes) {
                let existing = inner
                    .table()
                    .is_some_and(|t| a.tables.contains_key(t) && !created.contains(t));
                out.extend(dialect.hazards(inner, existing));
                if existing {
                    out.extend(existing_rows_hazards(inner, a));
                }
                match inner {
                    Change::DropColumn { table, column } => {
                        if let Some((_, added)) = added_columns
                            .iter()
                            .find(|(t, col)| *t == table && col.ty == column.ty)
                        {
                            out.push(Hazard::new(
                                "possible_rename",
                                format!(
                                    "{table}.{} is dropped and {} is added with the same type: if it is a rename, write `-- schemashift: renamed from {}` on the line of {} (or --rename {}.{}={})",
                                    column.name, added.name, column.name, added.name, table.name, column.name, added.name
                                ),
                            ));
                        }
                    }
                    Change::DropTable { table } => {
                        let shape = |t: &Table| -> Vec<(String, String)> {
                            let mut v: Vec<(String, String)> = t
                                .columns
                                .values()
                                .map(|c| (c.name.clone(), dialect.render_type(&c.ty)))
                                .collect();
                            v.sort();
                            v
                        };
                        if let Some(new) = created_tables
                            .iter()
                            .find(|n| !n.columns.is_empty() && shape(n) == shape(table))
                        {
                            out.push(Hazard::new(
                                "possible_rename",
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
                        Change::CreateTable { table, .. } => out.push(Hazard::new(
                            "irreversible_downgrade",
                            format!("table {} comes back empty: its rows were deleted by the upgrade", table.name),
                        )),
                        Change::AddColumn { table, column, .. }
                            if !renamed_columns.contains(&(table, column.name.as_str())) =>
                        {
                            out.push(Hazard::new(
                                "irreversible_downgrade",
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
                ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. } => {
                    ("add_unique", "fails if existing rows hold duplicates")
                }
                ConstraintKind::Check { .. } => {
                    ("add_check", "fails if an existing row violates it")
                }
                ConstraintKind::ForeignKey { .. } => (
                    "add_foreign_key",
                    "fails if existing rows reference missing rows",
                ),
                ConstraintKind::Exclude { .. } => ("add_unique", "fails if existing rows conflict"),
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
                "add_unique",
                format!(
                    "unique index {} on {} fails if existing rows hold duplicates",
                    index.name.name, index.table
                ),
            )]
        }
        _ => Vec::new(),
    }
}

/// Whether a change of column type narrows it (values may not fit): shorter strings, smaller
/// integers, fewer numeric digits, a length limit on an unlimited string. Type names are
/// canonical lower-case names of either dialect.
pub fn narrows(from: &Type, to: &Type) -> bool {
    fn n(t: &Type) -> &str {
        t.name.as_str()
    }
    let len = |t: &Type| -> Option<u64> {
        t.modifiers
            .as_deref()?
            .split(',')
            .next()?
            .trim()
            .parse()
            .ok()
    };
    let is_string = |t: &Type| {
        matches!(
            n(t),
            "character varying"
                | "varchar"
                | "character"
                | "char"
                | "nvarchar"
                | "nchar"
                | "varying character"
                | "native character"
        )
    };
    let unlimited = |t: &Type| {
        matches!(n(t), "text" | "clob")
            || (is_string(t) && t.modifiers.is_none() && n(t).contains("var"))
    };
    let int_rank = |t: &Type| -> Option<u8> {
        Some(match n(t) {
            "tinyint" => 0,
            "smallint" | "int2" => 1,
            "integer" | "int" | "int4" | "mediumint" => 2,
            "bigint" | "int8" => 3,
            _ => return None,
        })
    };
    if from.array_dims != to.array_dims {
        return false;
    }
    if is_string(to) && to.modifiers.is_some() {
        if unlimited(from) {
            return true;
        }
        if is_string(from) {
            return matches!((len(from), len(to)), (Some(a), Some(b)) if b < a);
        }
    }
    if let (Some(a), Some(b)) = (int_rank(from), int_rank(to)) {
        return b < a;
    }
    if matches!(n(from), "numeric" | "decimal") && matches!(n(to), "numeric" | "decimal") {
        let ps = |t: &Type| -> Option<(i64, i64)> {
            let m = t.modifiers.as_deref()?;
            let mut it = m.split(',');
            let p = it.next()?.trim().parse().ok()?;
            let s = it.next().map_or(Some(0), |s| s.trim().parse().ok())?;
            Some((p, s))
        };
        return match (ps(from), ps(to)) {
            (None, Some(_)) => true,
            (Some((p1, s1)), Some((p2, s2))) => s2 < s1 || p2 - s2 < p1 - s1,
            _ => false,
        };
    }
    if int_rank(from).is_some() && matches!(n(to), "real" | "float4") {
        return true;
    }
    matches!(
        (n(from), n(to)),
        ("double precision" | "float8", "real" | "float4")
    )
}

/// `narrow_type` for a column whose type narrows (for databases that enforce the limits).
pub fn narrowing_hazard(table: &QualName, from: &Column, to: &Column) -> Option<Hazard> {
    (from.ty != to.ty && narrows(&from.ty, &to.ty)).then(|| {
        Hazard::new(
            "narrow_type",
            format!(
                "{table}.{}: the new type is narrower; values that do not fit make it fail or lose precision",
                to.name
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, m: Option<&str>) -> Type {
        Type {
            name: name.into(),
            modifiers: m.map(String::from),
            array_dims: 0,
            user: None,
        }
    }

    #[test]
    fn narrowing() {
        let vc = |n| t("character varying", Some(n));
        assert!(narrows(&vc("300"), &vc("200")));
        assert!(!narrows(&vc("200"), &vc("300")));
        assert!(narrows(&t("text", None), &vc("200")));
        assert!(!narrows(&vc("200"), &t("text", None)));
        assert!(narrows(&t("bigint", None), &t("integer", None)));
        assert!(!narrows(&t("integer", None), &t("bigint", None)));
        assert!(narrows(
            &t("numeric", Some("10,2")),
            &t("numeric", Some("8,2"))
        ));
        assert!(narrows(
            &t("numeric", Some("10,2")),
            &t("numeric", Some("10,1"))
        ));
        assert!(!narrows(
            &t("numeric", Some("10,2")),
            &t("numeric", Some("12,2"))
        ));
        assert!(narrows(
            &t("varchar", Some("300")),
            &t("varchar", Some("20"))
        ));
    }

    #[test]
    fn catalog_codes_are_unique() {
        let codes: HashSet<&str> = CATALOG.iter().map(|i| i.code).collect();
        assert_eq!(codes.len(), CATALOG.len());
    }
}
