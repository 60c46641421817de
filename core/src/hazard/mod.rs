//! Hazards: what a change can do to data, to running applications, or to the way back.
//!
//! Every hazard has a stable [`HazardCode`] (documented in the README): its kind, explanation
//! and safe alternative come from one exhaustive `match` per property, so a new code cannot be
//! added without deciding all of them. [`Change::hazards`](crate::change::Change::hazards)
//! gives the hazards a change has by itself; the planner adds the ones that depend on the plan.

use crate::model::*;
use serde::Serialize;

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
    /// Every kind, in the README's order.
    pub const ALL: [HazardKind; 4] = [
        Self::Destructive,
        Self::DataDependent,
        Self::Locking,
        Self::Irreversible,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Destructive => "destructive",
            Self::DataDependent => "data_dependent",
            Self::Locking => "locking",
            Self::Irreversible => "irreversible",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == name.replace('-', "_"))
    }
}

/// Every hazard schemashift reports, by its stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HazardCode {
    DropTable,
    DropColumn,
    DropEnumValue,
    NarrowType,
    ChangeType,
    AddNotNullColumn,
    SetNotNull,
    AddUnique,
    AddCheck,
    AddForeignKey,
    CreateIndexLocks,
    AddForeignKeyLocks,
    TableRewrite,
    SetNotNullScan,
    TableRebuild,
    TableCopy,
    InplaceRebuild,
    CharsetConversion,
    PossibleRename,
    BackfillValue,
    IrreversibleDowngrade,
}

impl HazardCode {
    /// Every code, in the README's order.
    pub const ALL: [HazardCode; 21] = [
        Self::DropTable,
        Self::DropColumn,
        Self::DropEnumValue,
        Self::NarrowType,
        Self::ChangeType,
        Self::AddNotNullColumn,
        Self::SetNotNull,
        Self::AddUnique,
        Self::AddCheck,
        Self::AddForeignKey,
        Self::CreateIndexLocks,
        Self::AddForeignKeyLocks,
        Self::TableRewrite,
        Self::SetNotNullScan,
        Self::TableRebuild,
        Self::TableCopy,
        Self::InplaceRebuild,
        Self::CharsetConversion,
        Self::PossibleRename,
        Self::BackfillValue,
        Self::IrreversibleDowngrade,
    ];

    /// The stable code as users see it (`drop_table`).
    pub fn name(self) -> &'static str {
        match self {
            Self::DropTable => "drop_table",
            Self::DropColumn => "drop_column",
            Self::DropEnumValue => "drop_enum_value",
            Self::NarrowType => "narrow_type",
            Self::ChangeType => "change_type",
            Self::AddNotNullColumn => "add_not_null_column",
            Self::SetNotNull => "set_not_null",
            Self::AddUnique => "add_unique",
            Self::AddCheck => "add_check",
            Self::AddForeignKey => "add_foreign_key",
            Self::CreateIndexLocks => "create_index_locks",
            Self::AddForeignKeyLocks => "add_foreign_key_locks",
            Self::TableRewrite => "table_rewrite",
            Self::SetNotNullScan => "set_not_null_scan",
            Self::TableRebuild => "table_rebuild",
            Self::TableCopy => "table_copy",
            Self::InplaceRebuild => "inplace_rebuild",
            Self::CharsetConversion => "charset_conversion",
            Self::PossibleRename => "possible_rename",
            Self::BackfillValue => "backfill_value",
            Self::IrreversibleDowngrade => "irreversible_downgrade",
        }
    }

    pub fn kind(self) -> HazardKind {
        match self {
            Self::DropTable => HazardKind::Destructive,
            Self::DropColumn => HazardKind::Destructive,
            Self::DropEnumValue => HazardKind::Destructive,
            Self::NarrowType => HazardKind::Destructive,
            Self::ChangeType => HazardKind::DataDependent,
            Self::AddNotNullColumn => HazardKind::DataDependent,
            Self::SetNotNull => HazardKind::DataDependent,
            Self::AddUnique => HazardKind::DataDependent,
            Self::AddCheck => HazardKind::DataDependent,
            Self::AddForeignKey => HazardKind::DataDependent,
            Self::CreateIndexLocks => HazardKind::Locking,
            Self::AddForeignKeyLocks => HazardKind::Locking,
            Self::TableRewrite => HazardKind::Locking,
            Self::SetNotNullScan => HazardKind::Locking,
            Self::TableRebuild => HazardKind::Locking,
            Self::TableCopy => HazardKind::Locking,
            Self::InplaceRebuild => HazardKind::Locking,
            Self::CharsetConversion => HazardKind::DataDependent,
            Self::PossibleRename => HazardKind::Destructive,
            Self::BackfillValue => HazardKind::DataDependent,
            Self::IrreversibleDowngrade => HazardKind::Irreversible,
        }
    }

    /// Why it is a risk.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::DropTable => "The table and every row in it are deleted.",
            Self::DropColumn => "The column and its values are deleted.",
            Self::DropEnumValue => "The enum type is recreated without the value; rows holding it make the conversion fail.",
            Self::NarrowType => "The new type holds less (shorter strings, smaller numbers, fewer digits): values that do not fit make the change fail or lose precision.",
            Self::ChangeType => "Existing values are converted to the new type; a value that does not convert makes the migration fail.",
            Self::AddNotNullColumn => "A NOT NULL column without a default cannot be added to a table that has rows.",
            Self::SetNotNull => "SET NOT NULL fails if any row holds NULL in the column.",
            Self::AddUnique => "A new unique constraint or index fails if existing rows hold duplicates.",
            Self::AddCheck => "A new CHECK constraint is checked against every existing row and fails if one violates it.",
            Self::AddForeignKey => "A new foreign key fails if existing rows reference missing rows.",
            Self::CreateIndexLocks => "CREATE INDEX blocks writes to the table until the index is built.",
            Self::AddForeignKeyLocks => "Adding a foreign key checks every row while blocking writes to both tables.",
            Self::TableRewrite => "This type change rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock.",
            Self::SetNotNullScan => "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock.",
            Self::TableRebuild => "SQLite cannot alter this in place: the table is copied into a new one, which takes time proportional to its rows and holds the database's write lock.",
            Self::TableCopy => "MySQL and MariaDB run this ALTER TABLE with ALGORITHM=COPY: the rows are copied into a new table while writes are blocked (LOCK=SHARED), for a time and disk space proportional to the table.",
            Self::InplaceRebuild => "MySQL and MariaDB rebuild the table in place (ALGORITHM=INPLACE): reads and writes go on, but the rebuild takes time and disk space proportional to the table, with a short exclusive lock at its start and end.",
            Self::CharsetConversion => "The values are converted to another character set: characters it cannot hold become '?' (or, in strict mode, make the ALTER TABLE fail), and the table is copied.",
            Self::PossibleRename => "Something is dropped while something similar is added: if it is a rename, the data is lost.",
            Self::BackfillValue => "--backfill gives existing rows a placeholder value (the type's zero) for a new NOT NULL column.",
            Self::IrreversibleDowngrade => "The downgrade recreates what the upgrade dropped, but not its data.",
        }
    }

    /// What to do instead, if there is a safer way.
    pub fn alternative(self) -> Option<&'static str> {
        match self {
            Self::DropTable => Some("If the table was renamed, declare it (`-- schemashift: renamed from old` on the CREATE TABLE line, or --rename old=new). Otherwise stop using it first, back it up, and drop it in a later release."),
            Self::DropColumn => Some("If the column was renamed, declare it (`-- schemashift: renamed from old` on its line, or --rename table.old=new). Otherwise deploy code that no longer reads it first, then drop it."),
            Self::DropEnumValue => Some("Update the rows that hold the value first (to a label the new type keeps). A renamed label is better renamed in place: replace the recreate with `ALTER TYPE .. RENAME VALUE 'old' TO 'new'` (PostgreSQL 10+), which keeps its rows."),
            Self::NarrowType => Some("Check the longest/largest value first (e.g. SELECT max(length(col))), or keep the wider type and add a CHECK constraint."),
            Self::ChangeType => Some("Add a new column, backfill it with the converted values, switch the code over, then drop the old column."),
            Self::AddNotNullColumn => Some("Add it with a DEFAULT, or nullable, backfill it, then set NOT NULL (--backfill writes these steps)."),
            Self::SetNotNull => Some("Backfill the NULLs first (UPDATE .. WHERE col IS NULL)."),
            Self::AddUnique => Some("Look for duplicates first (GROUP BY .. HAVING count(*) > 1)."),
            Self::AddCheck => Some("Fix the violating rows first; on PostgreSQL add it NOT VALID and VALIDATE it later."),
            Self::AddForeignKey => Some("Find orphans first (LEFT JOIN .. WHERE parent.id IS NULL)."),
            Self::CreateIndexLocks => Some("Build it CONCURRENTLY (--concurrently), outside a transaction."),
            Self::AddForeignKeyLocks => Some("Add it NOT VALID, then VALIDATE CONSTRAINT separately (--not-valid-fks)."),
            Self::TableRewrite => Some("On large tables: add a new column, backfill in batches, swap."),
            Self::SetNotNullScan => Some("On PostgreSQL 12+: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (no scan)."),
            Self::TableRebuild => None,
            Self::TableCopy => Some("On a large table, use an online schema change tool (gh-ost, pt-online-schema-change), or reach the same schema with steps the server does INSTANT or INPLACE (add a new column, backfill it in batches, swap)."),
            Self::InplaceRebuild => Some("Add `, ALGORITHM=INPLACE, LOCK=NONE` to the statement: the server then refuses, instead of falling back to a copy that blocks writes; run it off-peak on large tables."),
            Self::CharsetConversion => Some("Look for characters the new set lacks first (WHERE col <> CONVERT(col USING latin1)), or convert to utf8mb4, which holds every character."),
            Self::PossibleRename => Some("Declare the rename as the message says; schemashift never guesses."),
            Self::BackfillValue => Some("Replace the value with the right one (an expression over other columns, a lookup) before running the migration."),
            Self::IrreversibleDowngrade => Some("Back up the data before upgrading, or keep the old table/column until the release is final."),
        }
    }
}

impl std::fmt::Display for HazardCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A risk a change carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hazard {
    pub code: HazardCode,
    pub kind: HazardKind,
    /// One line about this object.
    pub message: String,
    /// Why it is a risk.
    pub explanation: &'static str,
    /// What to do instead, if there is a safer way.
    pub alternative: Option<&'static str>,
}

impl Hazard {
    pub fn new(code: HazardCode, message: String) -> Self {
        Self {
            code,
            kind: code.kind(),
            message,
            explanation: code.explanation(),
            alternative: code.alternative(),
        }
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
        Hazard::new(HazardCode::NarrowType,
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
            modifiers: m.map(Str::from),
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
    fn codes_are_unique() {
        let names: std::collections::HashSet<&str> =
            HazardCode::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), HazardCode::ALL.len());
    }
}
