//! The closed set of changes a migration is made of, and their hazards.

use crate::hazard::{Hazard, HazardCode};
use crate::model::*;
use serde::Serialize;

/// One step of a migration.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    CreateSchema {
        name: Str,
    },
    DropSchema {
        name: Str,
    },
    CreateExtension {
        extension: Extension,
    },
    DropExtension {
        extension: Extension,
    },
    CreateEnum {
        enum_type: EnumType,
    },
    DropEnum {
        enum_type: EnumType,
    },
    /// `ALTER TYPE .. ADD VALUE`, placed before or after an existing value.
    AddEnumValue {
        name: QualName,
        value: String,
        before: Option<String>,
        after: Option<String>,
    },
    /// Values removed or reordered: the type is recreated and the columns using it converted.
    RecreateEnum {
        from: EnumType,
        to: EnumType,
        columns: Vec<(QualName, Column)>,
    },
    CreateSequence {
        sequence: Sequence,
    },
    DropSequence {
        sequence: Sequence,
    },
    /// (Boxed, as the tables, columns and objects of other variants: a change is as large as
    /// its largest variant, and unboxed they made each of a plan's thousands of changes 528
    /// bytes instead of 320.)
    AlterSequence {
        from: Box<Sequence>,
        to: Box<Sequence>,
    },
    /// A declared rename (see [`crate::plan::rename`]): the rows stay.
    RenameTable {
        from: QualName,
        to: QualName,
    },
    RenameColumn {
        table: QualName,
        from: Str,
        to: Str,
    },
    /// A new table; `serials` are columns whose sequence the `serial` type creates.
    CreateTable {
        table: Box<Table>,
        serials: Vec<Str>,
    },
    DropTable {
        table: Box<Table>,
    },
    AddColumn {
        table: QualName,
        column: Column,
        serial: bool,
    },
    DropColumn {
        table: QualName,
        column: Column,
    },
    AlterColumn {
        table: QualName,
        from: Box<Column>,
        to: Box<Column>,
        changes: ColumnChanges,
    },
    AddConstraint {
        table: QualName,
        constraint: Constraint,
    },
    DropConstraint {
        table: QualName,
        constraint: Constraint,
    },
    RenameConstraint {
        table: QualName,
        from: Str,
        to: Str,
    },
    CreateIndex {
        index: Index,
    },
    /// `--concurrently`: built without blocking writes (PostgreSQL; outside a transaction).
    CreateIndexConcurrently {
        index: Index,
    },
    DropIndexConcurrently {
        index: Index,
    },
    /// `--not-valid-fks`: a foreign key added without checking existing rows...
    AddForeignKeyNotValid {
        table: QualName,
        constraint: Constraint,
    },
    /// ...and checked afterwards without blocking writes.
    ValidateConstraint {
        table: QualName,
        name: Str,
    },
    /// `--backfill`: the data step that gives existing rows a value for a new NOT NULL column
    /// (`value` is a placeholder to review).
    Backfill {
        table: QualName,
        column: Column,
        value: String,
    },
    DropIndex {
        index: Index,
    },
    RenameIndex {
        from: QualName,
        to: Str,
        /// The index as it is after the rename (dialects without `ALTER INDEX .. RENAME`
        /// drop and recreate it).
        index: Index,
    },
    /// A kept table whose changes cannot be made with `ALTER TABLE` (SQLite): it is recreated
    /// under a temporary name, its rows copied, the old table dropped and the new one renamed.
    /// `changes` are the per-table changes the rebuild stands for, in plan order.
    RebuildTable {
        // Boxed: two tables would make every change as large as this one.
        from: Box<Table>,
        to: Box<Table>,
        changes: Vec<Change>,
    },
    AttachPartition {
        table: QualName,
        partition: PartitionOf,
    },
    DetachPartition {
        table: QualName,
        partition: PartitionOf,
    },
    SetRowSecurity {
        table: QualName,
        enabled: bool,
        forced: bool,
    },
    SetTableOptions {
        table: QualName,
        from: Vec<TableAttr>,
        to: Vec<TableAttr>,
        /// The table's columns are converted to its new defaults too (MySQL's `CONVERT TO
        /// CHARACTER SET`; see [`crate::dialects::Dialect::options_reach_columns`]).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        convert_columns: bool,
    },
    CreateView {
        view: View,
    },
    DropView {
        view: View,
    },
    CreateObject {
        object: Object,
    },
    DropObject {
        object: Object,
    },
    ReplaceObject {
        from: Box<Object>,
        to: Box<Object>,
    },
    SetComment {
        target: CommentTarget,
        comment: Option<String>,
    },
    /// Privileges on one object for one grantee.
    Grant {
        grants: Vec<Grant>,
        with_grant_option: bool,
    },
    /// Revoke privileges on one object from one grantee, or only their grant option.
    Revoke {
        grants: Vec<Grant>,
        grant_option_only: bool,
    },
}

/// What a `COMMENT ON` is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "on", rename_all = "snake_case")]
pub enum CommentTarget {
    Schema {
        name: Str,
    },
    Table {
        name: QualName,
    },
    Column {
        table: QualName,
        column: Str,
    },
    Constraint {
        table: QualName,
        name: Str,
    },
    Index {
        name: QualName,
    },
    Sequence {
        name: QualName,
    },
    View {
        name: QualName,
        materialized: bool,
    },
    Type {
        name: QualName,
    },
    /// Objects kept by definition: the text after `COMMENT ON`.
    Object {
        target: String,
    },
}

/// Which aspects of a column change (Atlas' change bit-set).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ColumnChanges {
    #[serde(rename = "type")]
    pub ty: bool,
    pub nullability: bool,
    pub default: bool,
    pub identity: bool,
    pub generated: bool,
}

impl ColumnChanges {
    pub fn between(a: &Column, b: &Column) -> Self {
        let ty = a.ty != b.ty || a.collation != b.collation || a.attrs != b.attrs;
        // With a new type, a default spelled differently ('0' vs 0) may no longer be the same.
        let default_text = |c: &Column| c.default.as_ref().map(|d| d.text.clone());
        Self {
            ty,
            nullability: a.not_null != b.not_null,
            default: a.default != b.default || (ty && default_text(a) != default_text(b)),
            identity: a.identity != b.identity,
            generated: a.generated != b.generated,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a type change must drop the column's default before it and set it again after:
    /// the default does not convert (`using`: the type needs an explicit conversion), or it is
    /// a value of a user type the column leaves (`'a'::state_type` would keep the enum alive).
    pub fn redoes_default(&self, from: &Column, to: &Column, using: bool) -> bool {
        self.ty && from.default.is_some() && (using || (from.ty.user.is_some() && from.ty != to.ty))
    }
}

impl Change {
    /// Whether the change creates or replaces a function or procedure, whose body may mention
    /// tables created later (PostgreSQL then needs `check_function_bodies` off, as in pg_dump).
    pub fn creates_routine(&self) -> bool {
        let routine =
            |o: &Object| matches!(o.id.kind, ObjectKind::Function | ObjectKind::Procedure);
        match self {
            Change::CreateObject { object } => routine(object),
            Change::ReplaceObject { to, .. } => routine(to),
            _ => false,
        }
    }

    /// The table a change is about, if any.
    pub fn table(&self) -> Option<&QualName> {
        match self {
            Change::CreateTable { table, .. } | Change::DropTable { table } => Some(&table.name),
            Change::AddColumn { table, .. }
            | Change::DropColumn { table, .. }
            | Change::AlterColumn { table, .. }
            | Change::AddConstraint { table, .. }
            | Change::DropConstraint { table, .. }
            | Change::RenameConstraint { table, .. }
            | Change::AttachPartition { table, .. }
            | Change::DetachPartition { table, .. }
            | Change::SetRowSecurity { table, .. }
            | Change::SetTableOptions { table, .. } => Some(table),
            Change::CreateIndex { index }
            | Change::DropIndex { index }
            | Change::CreateIndexConcurrently { index }
            | Change::DropIndexConcurrently { index }
            | Change::RenameIndex { index, .. } => Some(&index.table),
            Change::RebuildTable { to, .. } => Some(&to.name),
            Change::AddForeignKeyNotValid { table, .. }
            | Change::ValidateConstraint { table, .. }
            | Change::Backfill { table, .. } => Some(table),
            Change::RenameTable { to, .. } => Some(to),
            Change::RenameColumn { table, .. } => Some(table),
            _ => None,
        }
    }

    /// Short description: `add column public.task.priority`.
    pub fn summary(&self) -> String {
        fn col(t: &QualName, c: &str) -> String {
            format!("{t}.{c}")
        }
        match self {
            Change::CreateSchema { name } => format!("create schema {name}"),
            Change::DropSchema { name } => format!("drop schema {name}"),
            Change::CreateExtension { extension } => format!("create extension {}", extension.name),
            Change::DropExtension { extension } => format!("drop extension {}", extension.name),
            Change::CreateEnum { enum_type } => format!("create enum {}", enum_type.name),
            Change::DropEnum { enum_type } => format!("drop enum {}", enum_type.name),
            Change::AddEnumValue { name, value, .. } => {
                format!("add value '{value}' to enum {name}")
            }
            Change::RecreateEnum { to, .. } => format!("recreate enum {}", to.name),
            Change::CreateSequence { sequence } => format!("create sequence {}", sequence.name),
            Change::DropSequence { sequence } => format!("drop sequence {}", sequence.name),
            Change::AlterSequence { to, .. } => format!("alter sequence {}", to.name),
            Change::RenameTable { from, to } => format!("rename table {from} to {}", to.name),
            Change::RenameColumn { table, from, to } => {
                format!("rename column {} to {to}", col(table, from))
            }
            Change::CreateTable { table, .. } => format!("create table {}", table.name),
            Change::DropTable { table } => format!("drop table {}", table.name),
            Change::AddColumn { table, column, .. } => {
                format!("add column {}", col(table, &column.name))
            }
            Change::DropColumn { table, column } => {
                format!("drop column {}", col(table, &column.name))
            }
            Change::AlterColumn { table, to, .. } => {
                format!("alter column {}", col(table, &to.name))
            }
            Change::AddConstraint { table, constraint } => {
                format!("add constraint {} on {table}", constraint.name)
            }
            Change::DropConstraint { table, constraint } => {
                format!("drop constraint {} on {table}", constraint.name)
            }
            Change::RenameConstraint { table, from, to } => {
                format!("rename constraint {from} to {to} on {table}")
            }
            Change::CreateIndex { index } => format!("create index {}", index.name),
            Change::CreateIndexConcurrently { index } => {
                format!("create index {} concurrently", index.name)
            }
            Change::DropIndexConcurrently { index } => {
                format!("drop index {} concurrently", index.name)
            }
            Change::AddForeignKeyNotValid { table, constraint } => {
                format!("add foreign key {} on {table} not valid", constraint.name)
            }
            Change::ValidateConstraint { table, name } => {
                format!("validate constraint {name} on {table}")
            }
            Change::Backfill { table, column, .. } => {
                format!("backfill {}", col(table, &column.name))
            }
            Change::DropIndex { index } => format!("drop index {}", index.name),
            Change::RenameIndex { from, to, .. } => format!("rename index {from} to {to}"),
            Change::RebuildTable { to, changes, .. } => {
                let inner: Vec<String> = changes.iter().map(|c| c.summary()).collect();
                format!("rebuild table {} ({})", to.name, inner.join("; "))
            }
            Change::AttachPartition { table, partition } => {
                format!("attach partition {table} to {}", partition.parent)
            }
            Change::DetachPartition { table, partition } => {
                format!("detach partition {table} from {}", partition.parent)
            }
            Change::SetRowSecurity { table, .. } => format!("set row level security on {table}"),
            Change::SetTableOptions {
                table,
                convert_columns: true,
                ..
            } => format!("convert table {table} to its new character set"),
            Change::SetTableOptions { table, .. } => format!("set storage options on {table}"),
            Change::CreateView { view } => format!("create view {}", view.name),
            Change::DropView { view } => format!("drop view {}", view.name),
            Change::CreateObject { object } => format!("create {}", object_label(object)),
            Change::DropObject { object } => format!("drop {}", object_label(object)),
            Change::ReplaceObject { to, .. } => format!("replace {}", object_label(to)),
            Change::Grant { grants, .. } => format!(
                "grant {} on {} to {}",
                privileges(grants),
                grants[0].object,
                grants[0].grantee
            ),
            Change::Revoke { grants, .. } => format!(
                "revoke {} on {} from {}",
                privileges(grants),
                grants[0].object,
                grants[0].grantee
            ),
            Change::SetComment { target, comment } => {
                let what = match target {
                    CommentTarget::Schema { name } => format!("schema {name}"),
                    CommentTarget::Table { name } => format!("table {name}"),
                    CommentTarget::Column { table, column } => {
                        format!("column {}", col(table, column))
                    }
                    CommentTarget::Constraint { table, name } => {
                        format!("constraint {name} on {table}")
                    }
                    CommentTarget::Index { name } => format!("index {name}"),
                    CommentTarget::Sequence { name } => format!("sequence {name}"),
                    CommentTarget::View { name, .. } => format!("view {name}"),
                    CommentTarget::Type { name } => format!("type {name}"),
                    CommentTarget::Object { target } => target.to_lowercase(),
                };
                match comment {
                    Some(_) => format!("set comment on {what}"),
                    None => format!("remove comment on {what}"),
                }
            }
        }
    }

    /// The one place a rebuild is flattened: the changes a [`Change::RebuildTable`] stands
    /// for, or the change itself.
    pub fn parts(&self) -> &[Change] {
        match self {
            Change::RebuildTable { changes, .. } => changes,
            other => std::slice::from_ref(other),
        }
    }

    /// Every change of a plan with the rebuilds replaced by the changes they stand for.
    pub fn flatten(changes: &[Change]) -> impl Iterator<Item = &Change> {
        changes.iter().flat_map(Change::parts)
    }

    /// Hazards this change has by itself, whatever the plan around it (see
    /// [`crate::plan::assess::assess`] for all of them).
    pub fn hazards(&self) -> Vec<Hazard> {
        let mut out = Vec::new();
        for part in self.parts() {
            part.own_hazards(&mut out);
        }
        out
    }

    fn own_hazards(&self, out: &mut Vec<Hazard>) {
        match self {
            Change::RebuildTable { .. } => {}
            Change::ReplaceObject { from, to } => type_parts_hazards(from, to, out),
            Change::DropTable { table } => out.push(Hazard::new(HazardCode::DropTable,
                format!("dropping table {} deletes its rows", table.name),
            )),
            Change::DropColumn { table, column } => out.push(Hazard::new(HazardCode::DropColumn,
                format!("dropping column {}.{} deletes its data", table, column.name),
            )),
            Change::RecreateEnum { from, to, .. }
                if from.values.iter().any(|v| !to.values.contains(v)) =>
            {
                let lost: Vec<String> = (from.values.iter())
                    .filter(|v| !to.values.contains(v))
                    .map(|v| format!("'{}'", v.replace('\'', "''")))
                    .collect();
                out.push(Hazard::new(HazardCode::DropEnumValue,
                    format!(
                        "enum {} loses values {}; rows holding them make the conversion fail \
                         (a renamed label counts as lost: `ALTER TYPE .. RENAME VALUE` keeps its rows)",
                        to.name,
                        lost.join(", ")
                    ),
                ))
            }
            Change::AddColumn { table, column, .. }
                if column.not_null
                    && column.default.is_none()
                    && column.identity.is_none()
                    && column.generated.is_none() =>
            {
                out.push(Hazard::new(HazardCode::AddNotNullColumn,
                    format!(
                        "adding NOT NULL column {}.{} without a default fails if the table has rows",
                        table, column.name
                    ),
                ))
            }
            Change::AlterColumn {
                table, to, changes, ..
            } if changes.nullability && to.not_null => out.push(Hazard::new(HazardCode::SetNotNull,
                format!(
                    "{table}.{}: SET NOT NULL fails if the column holds NULLs",
                    to.name
                ),
            )),
            Change::Backfill {
                table,
                column,
                value,
            } => out.push(Hazard::new(HazardCode::BackfillValue,
                format!(
                    "existing rows of {table} get {value} in {}: check that value",
                    column.name
                ),
            )),
            _ => {}
        }
    }
}

fn privileges(grants: &[Grant]) -> String {
    grants
        .iter()
        .map(|g| g.privilege.to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a domain or composite type changed in place does to the values of the columns of
/// the type: a tighter domain fails on values it no longer allows, a dropped attribute's
/// values are gone, an attribute's new type is refused while a column uses the type.
fn type_parts_hazards(from: &Object, to: &Object, out: &mut Vec<Hazard>) {
    let name = &to.id.signature;
    match (from.parts.as_deref(), to.parts.as_deref()) {
        (Some(TypeParts::Domain(a)), Some(TypeParts::Domain(b))) if a.base == b.base => {
            if b.not_null && !a.not_null {
                out.push(Hazard::new(
                    HazardCode::SetNotNull,
                    format!(
                        "domain {name}: SET NOT NULL fails if a column of the domain holds NULLs"
                    ),
                ));
            }
            for (n, e) in b
                .checks
                .iter()
                .filter(|(_, e)| !a.checks.iter().any(|x| x.1 == *e))
            {
                out.push(Hazard::new(
                    HazardCode::AddCheck,
                    format!(
                        "domain {name}: constraint {n} CHECK ({}) fails if a value in a column of the domain violates it",
                        e.text
                    ),
                ));
            }
        }
        (Some(TypeParts::Composite(a)), Some(TypeParts::Composite(b))) => {
            for x in a {
                match b.iter().find(|y| y.name == x.name) {
                    None => out.push(Hazard::new(
                        HazardCode::DropColumn,
                        format!(
                            "dropping attribute {} of type {name} deletes its values in the columns of the type",
                            x.name
                        ),
                    )),
                    Some(y) if y.ty != x.ty => out.push(Hazard::new(
                        HazardCode::ChangeType,
                        format!(
                            "attribute {} of type {name} changes type: refused while a column uses the type",
                            x.name
                        ),
                    )),
                    Some(_) => {}
                }
            }
        }
        _ => {}
    }
}

fn object_label(o: &Object) -> String {
    format!("{} {}", o.id.kind.sql().to_lowercase(), o.id.signature)
}
