//! Changes -> an Alembic revision file, as `alembic revision --autogenerate` writes it with the
//! default `script.py.mako` of Alembic >= 1.16.2.
//!
//! The upgrade is rendered from the UP changes and the downgrade from the DOWN changes, the same
//! lists the SQL scripts come from. Each change becomes Alembic's own operation where Alembic
//! has one that emits the same DDL (`op.create_table`, `op.add_column`, `op.alter_column`,
//! `op.create_index`, `op.create_foreign_key`, ...), spelled the way Alembic's renderer spells
//! it; everything else (views, functions, triggers, grants, sequences, partitions, ...) becomes
//! `op.execute(...)` with the dialect's SQL. Changes with hazards get a `# review:` comment.
//! Enum types are created and dropped explicitly (unlike Alembic's autogenerate, whose
//! `downgrade()` leaves them behind: Alembic issues #886, #1612).
//!
//! Column types go through [`Dialect::sa_type`]; a type SQLAlchemy cannot spell makes its
//! change an `op.execute`.

use crate::change::{Change, CommentTarget};
use crate::dialects::sqlalchemy::{int, py_str};
use crate::dialects::{Dialect, DialectKind, SaType};
use crate::hazard::{Hazard, HazardKind};
use crate::model::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// What the revision file says about itself: the header and the identifiers Alembic chains
/// revisions with. The core takes them as inputs (no clock, no randomness), so the same inputs
/// give the same file byte for byte.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RevisionInfo {
    /// The message (`-m`): first line of the docstring and the file name's slug.
    pub message: String,
    /// This revision's id, e.g. `1975ea83b712`.
    pub rev_id: String,
    /// The revision this one follows; `None` for the first revision.
    pub down_revision: Option<String>,
    /// Printed as `Create Date:`, e.g. `2026-01-15 14:20:00.123456` (Python's `str(datetime)`).
    pub create_date: String,
}

/// One function of a revision file: `upgrade()`'s or `downgrade()`'s body, with the
/// dialect modules it uses (`from sqlalchemy.dialects import ..`). The two are written apart,
/// so that UP's and DOWN's can be written at once (see `migrate_schemas`).
#[derive(Clone, Debug, Default)]
pub struct Body {
    text: String,
    imports: BTreeSet<&'static str>,
}

/// The body of the function that runs `changes` (with their hazards), which lead from
/// `before` to `after` (for enum definitions and the existing state of altered columns):
/// `upgrade()`'s from the UP changes, current to desired; `downgrade()`'s from the DOWN
/// changes, desired to current.
pub fn body_of(
    changes: &[Change],
    hazards: &[Vec<Hazard>],
    before: &Schema,
    after: &Schema,
    dialect: &dyn Dialect,
) -> Body {
    let mut b = Body::default();
    body(
        changes,
        hazards,
        before,
        after,
        dialect,
        &mut b.imports,
        &mut b.text,
    );
    b
}

/// The whole revision file, around its two bodies.
pub fn file(info: &RevisionInfo, upgrade: &Body, downgrade: &Body) -> String {
    let mut out = String::with_capacity(upgrade.text.len() + downgrade.text.len() + 1024);
    let _ = write!(
        out,
        "\"\"\"{}\n\nRevision ID: {}\nRevises: {}\nCreate Date: {}\n\n\"\"\"\n",
        docstring_text(&info.message),
        info.rev_id,
        info.down_revision.as_deref().unwrap_or(""),
        info.create_date
    );
    out.push_str(
        "from typing import Sequence, Union\n\nfrom alembic import op\nimport sqlalchemy as sa\n",
    );
    for (i, m) in upgrade.imports.union(&downgrade.imports).enumerate() {
        let sep = if i > 0 { "\n" } else { "" };
        let _ = write!(out, "{sep}from sqlalchemy.dialects import {m}");
    }
    out.push_str("\n\n# revision identifiers, used by Alembic.\n");
    let _ = writeln!(out, "revision: str = {}", py_str(&info.rev_id));
    let _ = writeln!(
        out,
        "down_revision: Union[str, Sequence[str], None] = {}",
        info.down_revision
            .as_deref()
            .map(py_str)
            .unwrap_or_else(|| "None".into())
    );
    out.push_str("branch_labels: Union[str, Sequence[str], None] = None\n");
    out.push_str("depends_on: Union[str, Sequence[str], None] = None\n\n\n");
    out.push_str("def upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    ");
    out.push_str(&upgrade.text);
    out.push_str("\n\n\ndef downgrade() -> None:\n    \"\"\"Downgrade schema.\"\"\"\n    ");
    out.push_str(&downgrade.text);
    out.push('\n');
    out
}

/// Whether Alembic revisions are rendered for a dialect ([`Dialect::alembic_revisions`]).
pub fn supports(dialect: DialectKind) -> bool {
    dialect.dialect().alembic_revisions()
}

/// Alembic's default file name for a revision: `%(rev)s_%(slug)s.py`, the slug being the
/// message's words joined by `_`, lower-cased, cut at a word boundary to 40 characters.
pub fn file_name(rev_id: &str, message: &str) -> String {
    format!("{rev_id}_{}.py", slug(message))
}

/// `alembic.script.base.ScriptDirectory._rev_path`'s slug (truncate_slug_length 40).
pub fn slug(message: &str) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let words: Vec<&str> = message
        .split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .collect();
    let slug = words.join("_").to_lowercase();
    let chars: Vec<char> = slug.chars().collect();
    if chars.len() <= 40 {
        return slug;
    }
    let head: String = chars[..40].iter().collect();
    let cut = match head.rfind('_') {
        Some(i) => &head[..i],
        None => &head,
    };
    format!("{cut}_")
}

/// The message inside the `"""` docstring: backslashes and triple quotes escaped so the file
/// stays valid Python (Alembic writes it verbatim).
fn docstring_text(message: &str) -> String {
    message
        .replace('\\', "\\\\")
        .replace("\"\"\"", "\\\"\\\"\\\"")
}

/// SQL for `sa.text()` (and anything SQLAlchemy turns into one: `op.execute`, check
/// constraints, computed columns): `:name` would be taken for a bind parameter, so it is
/// escaped as `\:name`, which SQLAlchemy prints as `:name`.
fn text_sql(sql: &str) -> String {
    let chars: Vec<char> = sql.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(sql.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ':' {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let bind = !prev.is_some_and(|p| p == ':' || p == '\\' || word(p))
                && next.is_some_and(word)
                && {
                    // (?!:) after the whole word
                    let mut j = i + 1;
                    while chars.get(j).copied().is_some_and(word) {
                        j += 1;
                    }
                    chars.get(j) != Some(&':')
                };
            if bind {
                out.push('\\');
            }
        }
        out.push(c);
    }
    out
}

/// `sa.text('...')`
fn sa_text(sql: &str) -> String {
    format!("sa.text({})", py_str(&text_sql(sql)))
}

/// The upgrade or downgrade body, appended to `out`: the marker comments around the
/// operations, indented like Alembic's `_indent` (every line by four spaces, the first one by
/// the template).
fn body(
    changes: &[Change],
    hazards: &[Vec<Hazard>],
    before: &Schema,
    after: &Schema,
    dialect: &dyn Dialect,
    imports: &mut BTreeSet<&'static str>,
    out: &mut String,
) {
    let mut r = Renderer {
        d: dialect,
        before,
        after,
        imports,
        batch: false,
        dropped_indexes: Default::default(),
        enum_block: false,
        batch_kept_indexes: Default::default(),
        batch_columns: Vec::new(),
        renamed_tables: Default::default(),
    };
    let mut ops: Vec<String> = Vec::new();
    if dialect.kind() == crate::dialects::DialectKind::Postgres
        && changes.iter().any(Change::creates_routine)
    {
        ops.push("op.execute('SET check_function_bodies = false')".into());
    }
    let hazards_of = |i: usize| hazards.get(i).map_or(&[][..], Vec::as_slice);
    let mut i = 0;
    while i < changes.len() {
        if let Some(merged) = changes
            .get(i + 1)
            .and_then(|next| r.takes_over(&changes[i], next))
        {
            r.review(&changes[i], hazards_of(i), &mut ops);
            r.review(&changes[i + 1], hazards_of(i + 1), &mut ops);
            for c in &changes[i..i + 2] {
                if let Change::DropIndex { index } = c {
                    r.dropped_indexes.insert(index.name.clone());
                }
            }
            ops.push(format!("op.execute({})", py_str(&text_sql(&merged))));
            i += 2;
            continue;
        }
        r.change(&changes[i], hazards_of(i), &mut ops);
        i += 1;
    }
    let pass = ops.is_empty().then_some("pass");
    let lines = std::iter::once("# ### commands auto generated by Alembic - please adjust! ###")
        .chain(pass)
        .chain(ops.iter().flat_map(|op| op.split('\n')))
        .chain(["# ### end Alembic commands ###"]);
    // One line after another, each (but the first: the caller's) indented, without trailing
    // whitespace (a blank line is left empty). The upgrade of a large dump is ~400 KB:
    // joined, split, indented and joined again, its copies were MBs of peak RSS.
    out.reserve(ops.iter().map(|op| op.len() + 8).sum::<usize>() + 96);
    for (i, line) in lines.enumerate() {
        let line = line.trim_end();
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str("    ");
            }
        }
        out.push_str(line);
    }
}

struct Renderer<'a> {
    d: &'a dyn Dialect,
    /// The schema the operations start from, and the one they lead to.
    before: &'a Schema,
    after: &'a Schema,
    imports: &'a mut BTreeSet<&'static str>,
    /// Inside `with op.batch_alter_table(..) as batch_op:` (operations name no table).
    batch: bool,
    /// Indexes dropped so far in this function.
    dropped_indexes: std::collections::HashSet<QualName>,
    /// The last lines written are an autocommit block of enum values (the next value joins it).
    enum_block: bool,
    /// Indexes a batch rebuild carried over (its `CREATE INDEX` that follows is left out).
    batch_kept_indexes: std::collections::HashSet<QualName>,
    /// Inside a batch: the new table's columns in order, and whether each is there before.
    batch_columns: Vec<(Str, bool)>,
    /// Tables renamed so far in this function: new name -> old name.
    renamed_tables: std::collections::HashMap<QualName, QualName>,
}

fn ref_action(a: RefAction) -> Option<String> {
    (a != RefAction::NoAction).then(|| py_str(a.sql()))
}

impl Renderer<'_> {
    /// One change with the hazards assessed for it: the ones a human must look at become
    /// `# review:` comments (data-dependent steps, data loss, irreversible downgrade steps;
    /// locking is left to the SQL output's warnings), the same in upgrade() and downgrade().
    fn change(&mut self, c: &Change, hazards: &[Hazard], out: &mut Vec<String>) {
        self.review(c, hazards, out);
        if let Change::DropIndex { index } = c {
            self.dropped_indexes.insert(index.name.clone());
        }
        match self.native(c) {
            Some(lines) => out.extend(lines),
            None => out.extend(self.execute_lines(c)),
        }
        self.enum_block = matches!(c, Change::AddEnumValue { .. });
    }

    /// A key or index added and, next, the one of the same table it takes over from dropped,
    /// or, where the new one has the old one's name, the old one dropped and, next, the new
    /// one added (the name is free again only then: `DROP INDEX k, ADD UNIQUE KEY k (..)`) --
    /// the planner's orders where a foreign key needs an index at all times, see
    /// [`Dialect::foreign_keys_need_an_index`]: one statement where the dialect merges them,
    /// as the SQL script has it (MySQL may drop the index it made for a foreign key by itself
    /// once another covers the key, and two indexes of one name cannot exist one after the
    /// other).
    fn takes_over(&self, first: &Change, second: &Change) -> Option<String> {
        if !self.d.foreign_keys_need_an_index() || self.batch {
            return None;
        }
        self.merged(first, second, false)
            .or_else(|| self.merged(second, first, true))
    }

    /// [`Self::takes_over`] for `add` and `drop`, written in that order unless `drop_first`
    /// (then only for one name).
    fn merged(&self, add: &Change, drop: &Change, drop_first: bool) -> Option<String> {
        let key = |k: &ConstraintKind| {
            matches!(
                k,
                ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. }
            )
        };
        let added = match add {
            Change::AddConstraint { table, constraint } if key(&constraint.kind) => {
                (table, constraint.name.as_str())
            }
            Change::CreateIndex { index } => (&index.table, index.name.name.as_str()),
            _ => return None,
        };
        let dropped = match drop {
            Change::DropConstraint { table, constraint } if key(&constraint.kind) => {
                (table, constraint.name.as_str())
            }
            Change::DropIndex { index } => (&index.table, index.name.name.as_str()),
            _ => return None,
        };
        let same = if drop_first {
            added == dropped
        } else {
            added.0 == dropped.0
        };
        if !same {
            return None;
        }
        let (a, b) = (
            crate::output::sql::statements(add, self.d),
            crate::output::sql::statements(drop, self.d),
        );
        match (a.as_slice(), b.as_slice()) {
            ([a], [b]) if drop_first => self.d.merge_statements(b, a),
            ([a], [b]) => self.d.merge_statements(a, b),
            _ => None,
        }
    }

    /// The `# review:` comments of a change's hazards.
    fn review(&mut self, c: &Change, hazards: &[Hazard], out: &mut Vec<String>) {
        for h in hazards {
            let relevant = match h.kind {
                HazardKind::DataDependent => {
                    !(h.code == crate::hazard::HazardCode::ChangeType && widens(c))
                }
                HazardKind::Irreversible => true,
                HazardKind::Destructive => true,
                HazardKind::Locking => false,
            };
            if relevant {
                out.push(format!(
                    "# review: {}",
                    h.message.replace(['\n', '\r'], " ")
                ));
                self.enum_block = false;
            }
        }
    }

    /// `op.execute(...)` of each SQL statement of a change.
    fn execute_lines(&self, c: &Change) -> Vec<String> {
        crate::output::sql::statements(c, self.d)
            .iter()
            .map(|stmt| format!("op.execute({})", py_str(&text_sql(stmt))))
            .collect()
    }

    /// A name as the schemas spell it (dialects that fold names for comparison keep the
    /// user's spelling), unquoted.
    fn id(&self, name: &str) -> String {
        crate::model::unquote_ident(&self.d.quote_ident(name)).unwrap_or_else(|| name.to_string())
    }

    /// A name as a Python string literal.
    fn nm(&self, name: &str) -> String {
        py_str(&self.id(name))
    }

    /// Names as a Python list.
    fn list(&self, items: &[impl AsRef<str>]) -> String {
        let v: Vec<String> = items.iter().map(|s| self.nm(s.as_ref())).collect();
        format!("[{}]", v.join(", "))
    }

    fn default_schema(&self, schema: &str) -> bool {
        schema == self.d.default_schema() || schema.is_empty()
    }

    /// `op.name('t', ` or, in batch mode, `batch_op.name(`.
    fn call(&self, op: &str, table: &QualName) -> String {
        if self.batch {
            format!("batch_op.{op}(")
        } else {
            format!("op.{op}({}, ", self.nm(&table.name))
        }
    }

    /// A constraint's name (Alembic's operations need one, also for constraints the DDL left
    /// unnamed: the name the database would give).
    fn constraint_name(&self, k: &Constraint) -> String {
        match self.d.written_constraint_name(k) {
            Some(name) => self.nm(&name),
            None => "None".to_string(),
        }
    }

    /// `, schema='s'` for a name outside the default schema.
    fn schema_kw(&self, name: &QualName, kw: &str) -> String {
        if self.batch || self.default_schema(&name.schema) {
            String::new()
        } else {
            format!(", {kw}={}", py_str(&name.schema))
        }
    }

    fn enum_type(&self, ty: &Type) -> Option<&EnumType> {
        let name = ty.user.as_deref()?;
        self.after
            .enums
            .get(name)
            .or_else(|| self.before.enums.get(name))
    }

    fn col_type(&mut self, c: &Column) -> Option<String> {
        let SaType { expr, module, .. } = self.d.sa_column_type(c, self.enum_type(&c.ty))?;
        if let Some(m) = module {
            self.imports.insert(m);
        }
        Some(expr)
    }

    /// `sa.Column('id', sa.Integer(), nullable=False)`, as Alembic's `_render_column`.
    fn column(&mut self, c: &Column, serial: bool, autoincrement_false: bool) -> Option<String> {
        if c.attrs.contains(&ColumnAttr::Invisible) {
            return None;
        }
        let ty = self.col_type(c)?;
        let default = server_default(c)?;
        let mut args = vec![self.nm(&c.name), ty];
        if let Some(id) = &c.identity {
            args.push(identity(id)?);
        }
        if let Some(g) = &c.generated {
            args.push(format!(
                "sa.Computed({}, persisted={})",
                py_str(&text_sql(&g.expr.text)),
                py_bool(g.stored)
            ));
        }
        // MariaDB's column check, which SQLAlchemy writes in the column's definition.
        for a in &c.attrs {
            if let ColumnAttr::Check(expr) = a {
                args.push(format!(
                    "sa.CheckConstraint({})",
                    py_str(&text_sql(&expr.text))
                ));
            }
        }
        if let (Some(def), false) = (&default, serial) {
            args.push(format!("server_default={}", sa_text(def)));
        } else if c.null_default.0 && self.d.records_null_default() && !serial {
            args.push(format!("server_default={}", sa_text("NULL")));
        }
        if autoincrement_false {
            args.push("autoincrement=False".into());
        } else if c.auto_increment() {
            args.push("autoincrement=True".into());
        }
        args.push(format!(
            "nullable={}",
            if c.not_null { "False" } else { "True" }
        ));
        if let Some(comment) = column_comment(c) {
            args.push(format!("comment={}", py_str(comment)));
        }
        Some(format!("sa.Column({})", args.join(", ")))
    }

    /// Alembic's operation(s) for a change, or `None` for `op.execute` with SQL.
    fn native(&mut self, c: &Change) -> Option<Vec<String>> {
        let one = |s: String| Some(vec![s]);
        match c {
            Change::CreateEnum { enum_type } => {
                one(format!("{}.create(op.get_bind())", self.sa_enum(enum_type)))
            }
            Change::DropEnum { enum_type } => {
                one(format!("{}.drop(op.get_bind())", self.sa_enum(enum_type)))
            }
            Change::AddEnumValue { .. } => {
                // New enum values cannot be used in the transaction that adds them: they are
                // added outside it, consecutive ones in one block (see plan::order).
                let mut lines = Vec::new();
                if !self.enum_block {
                    lines.push("with op.get_context().autocommit_block():".to_string());
                }
                for stmt in crate::output::sql::statements(c, self.d) {
                    lines.push(format!("    op.execute({})", py_str(&text_sql(&stmt))));
                }
                Some(lines)
            }
            Change::CreateTable { table, serials } => one(self.create_table(table, serials)?),
            Change::RenameTable { from, to } => {
                self.renamed_tables.insert(to.clone(), from.clone());
                one(format!(
                    "op.rename_table({}, {}{})",
                    self.nm(&from.name),
                    self.nm(&to.name),
                    self.schema_kw(to, "schema")
                ))
            }
            Change::RenameColumn { table, from, to } if !self.batch && self.d.restates_column() => {
                // CHANGE COLUMN restates the column as it is before (a change of its
                // definition, if any, follows).
                let old_table = self.renamed_tables.get(table).unwrap_or(table);
                let col = match self
                    .before
                    .tables
                    .get(old_table)
                    .and_then(|t| t.columns.get(from))
                {
                    Some(c) => c.clone(),
                    None => self.after.tables.get(table)?.columns.get(to)?.clone(),
                };
                let mut old = col.clone();
                old.name = from.clone();
                let mut new = col;
                new.name = to.clone();
                self.restate_column(table, &old, &new, Some(to))
            }
            Change::RenameColumn { table, from, to } if !self.batch => {
                let col = self.after.tables.get(table)?.columns.get(to)?;
                let ty = self.col_type(col)?;
                let args = [
                    format!("existing_type={ty}"),
                    format!("new_column_name={}", self.nm(to)),
                    format!("existing_nullable={}", py_bool(!col.not_null)),
                ];
                one(self.alter_call(table, from, &args, &[]))
            }
            Change::DropTable { table } => one(format!(
                "op.drop_table({}{})",
                self.nm(&table.name.name),
                self.schema_kw(&table.name, "schema")
            )),
            // SQLAlchemy writes AUTO_INCREMENT only in CREATE TABLE, for a key column.
            Change::AddColumn {
                table,
                column,
                serial: false,
            } if !column.auto_increment() => {
                let col = self.column(column, false, false)?;
                one(format!(
                    "{}{col}{}{})",
                    self.call("add_column", table),
                    self.insert_before(&column.name),
                    self.schema_kw(table, "schema")
                ))
            }
            Change::DropColumn { table, column } => one(format!(
                "{}{}{})",
                self.call("drop_column", table),
                self.nm(&column.name),
                self.schema_kw(table, "schema")
            )),
            Change::AlterColumn {
                table,
                from,
                to,
                changes,
            } => {
                if changes.identity || changes.generated {
                    return None;
                }
                if self.d.restates_column() {
                    return self.restate_column(table, from, to, None);
                }
                self.alter_column(table, from, to, changes)
            }
            Change::AddConstraint { table, constraint } => {
                one(self.add_constraint(table, constraint)?)
            }
            Change::DropConstraint { table, constraint } => {
                let type_ = match constraint.kind {
                    ConstraintKind::PrimaryKey { .. } => Some("primary"),
                    ConstraintKind::Unique { .. } => Some("unique"),
                    ConstraintKind::Check { .. } => Some("check"),
                    ConstraintKind::ForeignKey { .. } => Some("foreignkey"),
                    ConstraintKind::Exclude { .. } => None,
                };
                let type_ = type_.map(|t| format!(", type_='{t}'")).unwrap_or_default();
                if self.batch {
                    return one(format!(
                        "batch_op.drop_constraint({}{type_})",
                        self.nm(&constraint.name)
                    ));
                }
                one(format!(
                    "op.drop_constraint({}, {}{}{type_})",
                    self.nm(&constraint.name),
                    self.nm(&table.name),
                    self.schema_kw(table, "schema")
                ))
            }
            Change::RebuildTable { from, to, changes } if !self.batch => {
                self.batch_rebuild(from, to, changes)
            }
            // Comments the dialect does not keep (SQLite) have no statements.
            Change::SetComment { .. } if crate::output::sql::statements(c, self.d).is_empty() => {
                Some(Vec::new())
            }
            // Batch mode recreated it from the table it reflected.
            Change::CreateIndex { index } if self.batch_kept_indexes.remove(&index.name) => {
                Some(Vec::new())
            }
            Change::CreateIndex { index } => one(self.create_index(index)?),
            // CONCURRENTLY cannot run inside a transaction.
            Change::CreateIndexConcurrently { index } if !self.batch => {
                let op = match self.create_index(index) {
                    Some(s) => format!(
                        "{}, postgresql_concurrently=True)",
                        s.strip_suffix(')').unwrap_or(&s)
                    ),
                    None => self.execute_lines(c).join("\n    "),
                };
                Some(vec![
                    "with op.get_context().autocommit_block():".into(),
                    format!("    {op}"),
                ])
            }
            Change::DropIndexConcurrently { index } if !self.batch => Some(vec![
                "with op.get_context().autocommit_block():".into(),
                format!(
                    "    op.drop_index(op.f({}), table_name={}{}, postgresql_concurrently=True)",
                    self.nm(&index.name.name),
                    self.nm(&index.table.name),
                    self.schema_kw(&index.table, "schema")
                ),
            ]),
            Change::DropIndex { index } => one(format!(
                "op.drop_index(op.f({}), table_name={}{})",
                self.nm(&index.name.name),
                self.nm(&index.table.name),
                self.schema_kw(&index.table, "schema")
            )),
            Change::SetComment {
                target: CommentTarget::Table { name },
                comment,
            } => {
                let existing = self
                    .before
                    .tables
                    .get(name)
                    .and_then(|t| t.comment.as_deref());
                let existing = existing.map(py_str).unwrap_or_else(|| "None".into());
                let schema = if self.default_schema(&name.schema) {
                    "None".to_string()
                } else {
                    py_str(&name.schema)
                };
                one(match comment {
                    Some(text) => format!(
                        "op.create_table_comment(\n    {},\n    {},\n    existing_comment={existing},\n    schema={schema}\n)",
                        self.nm(&name.name),
                        py_str(text)
                    ),
                    None => format!(
                        "op.drop_table_comment(\n    {},\n    existing_comment={existing},\n    schema={schema}\n)",
                        self.nm(&name.name)
                    ),
                })
            }
            Change::SetComment {
                target: CommentTarget::Column { table, column },
                comment,
            } => {
                let col = self.after.tables.get(table)?.columns.get(column)?;
                let existing = self
                    .before
                    .tables
                    .get(table)
                    .and_then(|t| t.columns.get(column))
                    .and_then(|c| c.comment.clone());
                let ty = self.col_type(col)?;
                let mut args = vec![
                    format!("existing_type={ty}"),
                    format!(
                        "comment={}",
                        comment
                            .as_deref()
                            .map(py_str)
                            .unwrap_or_else(|| "None".into())
                    ),
                ];
                if let Some(e) = existing {
                    args.push(format!("existing_comment={}", py_str(&e)));
                }
                args.push(format!("existing_nullable={}", py_bool(!col.not_null)));
                one(self.alter_call(table, column, &args, &[]))
            }
            _ => None,
        }
    }

    /// `sa.Enum('a', 'b', name='mood')`
    fn sa_enum(&self, e: &EnumType) -> String {
        let mut args: Vec<String> = e.values.iter().map(|v| py_str(v)).collect();
        args.push(format!("name={}", py_str(&e.name.name)));
        if !self.default_schema(&e.name.schema) {
            args.push(format!("schema={}", py_str(&e.name.schema)));
        }
        format!("sa.Enum({})", args.join(", "))
    }

    /// A table rebuild (SQLite) as Alembic's batch mode: `with op.batch_alter_table(..) as
    /// batch_op:` and the fine-grained changes it stands for; Alembic reflects the table, makes
    /// the new one, copies the rows and swaps them. Tables batch mode cannot reproduce
    /// (table options, collations, generated columns, dropping an unnamed check or key) keep
    /// the SQL rebuild as `op.execute`.
    fn batch_rebuild(
        &mut self,
        from: &Table,
        to: &Table,
        changes: &[Change],
    ) -> Option<Vec<String>> {
        let reproducible = |t: &Table| {
            t.attrs.is_empty()
                && t.columns
                    .values()
                    .all(|c| c.collation.is_none() && c.generated.is_none() && c.identity.is_none())
        };
        if !reproducible(from) || !reproducible(to) {
            return None;
        }
        // Unnamed keys and foreign keys are found by the names our model gives them, which
        // follow this convention; unnamed checks and primary keys cannot be dropped.
        let mut convention = false;
        for c in changes {
            if let Change::DropConstraint { constraint, .. } = c {
                if constraint.implicit_name {
                    match constraint.kind {
                        ConstraintKind::Unique { .. } | ConstraintKind::ForeignKey { .. } => {
                            convention = true
                        }
                        _ => return None,
                    }
                }
            }
        }
        self.batch = true;
        self.batch_columns = to
            .columns
            .keys()
            .map(|c| (c.clone(), from.columns.contains_key(c)))
            .collect();
        let mut inner = Vec::new();
        let mut ok = true;
        for c in changes {
            match self.native(c) {
                Some(lines) => inner.extend(lines),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        self.batch = false;
        self.batch_columns.clear();
        if !ok {
            return None;
        }
        let schema = if self.default_schema(&to.name.schema) {
            "None".to_string()
        } else {
            py_str(&to.name.schema)
        };
        let naming = if convention {
            ", naming_convention={'fk': '%(table_name)s_%(column_0_N_name)s_fkey', 'uq': '%(table_name)s_%(column_0_N_name)s_key'}"
        } else {
            ""
        };
        // Batch mode reflects the table's indexes and creates them again on the new table. Those
        // it reproduces (plain column keys: reflection reads no collation, order or expression)
        // and that stay as they are are left to it; the others go first and are created after
        // the rebuild (the changes that follow say so).
        let mut lines = Vec::new();
        let old_name = self.renamed_tables.get(&from.name).unwrap_or(&from.name);
        let (dropped, kept): (Vec<&Index>, Vec<&Index>) = self
            .before
            .indexes
            .values()
            .filter(|i| {
                (i.table == from.name || i.table == *old_name)
                    && !self.dropped_indexes.contains(&i.name)
            })
            .partition(|i| {
                !batch_reproduces(i)
                    || !self
                        .after
                        .indexes
                        .get(&i.name)
                        .is_some_and(|a| a.same_definition(i) && a.table == to.name)
            });
        self.batch_kept_indexes
            .extend(kept.into_iter().map(|i| i.name.clone()));
        // By name, not in the order the input declared them: the output must not depend on
        // statement order (found by the schema_pairs fuzz target, issue 17).
        let mut indexes: Vec<Index> = dropped.into_iter().cloned().collect();
        indexes.sort_by(|a, b| a.name.cmp(&b.name));
        for i in indexes {
            lines.push(format!(
                "op.drop_index(op.f({}), table_name={}{})",
                self.nm(&i.name.name),
                self.nm(&i.table.name),
                self.schema_kw(&i.table, "schema")
            ));
            self.dropped_indexes.insert(i.name.clone());
        }
        // Triggers of other tables may name this one: SQLite's checking rename would refuse
        // the swap while the old table is gone (the SQL rebuild does the same).
        let triggers_elsewhere = self
            .before
            .objects
            .values()
            .any(|o| o.id.kind == ObjectKind::Trigger && o.table.as_ref() != Some(&from.name));
        if triggers_elsewhere {
            lines.push("op.execute('PRAGMA legacy_alter_table = ON')".into());
        }
        // recreate='always': the change needs a rebuild even where Alembic would try an
        // ALTER (e.g. a NOT NULL column without a default).
        lines.push(format!(
            "with op.batch_alter_table({}, schema={schema}, recreate='always'{naming}) as batch_op:",
            self.nm(&to.name.name)
        ));
        if inner.is_empty() {
            inner.push("pass".into());
        }
        lines.extend(inner.into_iter().map(|l| format!("    {l}")));
        lines.push(String::new());
        if triggers_elsewhere {
            lines.push("op.execute('PRAGMA legacy_alter_table = OFF')".into());
        }
        Some(lines)
    }

    /// `, insert_before='c'` for a column added in batch mode where the new table has it
    /// before a column of the old one (batch mode appends it otherwise).
    fn insert_before(&self, column: &str) -> String {
        let Some(pos) = self.batch_columns.iter().position(|(c, _)| c == column) else {
            return String::new();
        };
        match self.batch_columns[pos + 1..].iter().find(|(_, old)| *old) {
            Some((next, _)) => format!(", insert_before={}", self.nm(next)),
            None => String::new(),
        }
    }

    fn create_table(&mut self, t: &Table, serials: &[Str]) -> Option<String> {
        let plain = t.partition_by.is_none()
            && t.partition_of.is_none()
            && t.inherits.is_empty()
            && !t.row_security
            && !t.force_row_security;
        if !plain {
            return None;
        }
        let table_kwargs = self.table_kwargs(&t.attrs)?;
        // SQLAlchemy makes a table's only integer primary key column autoincrement (SERIAL
        // on PostgreSQL; nothing in SQLite's DDL, so no `autoincrement=False` there).
        let sole_pk = match t.primary_key().map(|c| &c.kind) {
            Some(ConstraintKind::PrimaryKey { columns, .. }) if columns.len() == 1 => t
                .columns
                .get(&columns[0])
                .filter(|c| {
                    self.d
                        .sa_column_type(c, self.enum_type(&c.ty))
                        .is_some_and(|t| t.autoincrement)
                })
                .map(|c| c.name.clone()),
            _ => None,
        };
        // SQLAlchemy writes AUTO_INCREMENT for the table's autoincrement column only: a column
        // of the primary key, which the server wants first in a key (the first of the key).
        let pk_first = match t.primary_key().map(|c| &c.kind) {
            Some(ConstraintKind::PrimaryKey { columns, .. }) => columns.first().cloned(),
            _ => None,
        };
        if t.columns
            .values()
            .any(|c| c.auto_increment() && pk_first.as_deref() != Some(c.name.as_str()))
        {
            return None;
        }
        let mut args = Vec::new();
        for c in t.columns.values() {
            let serial = serials.contains(&c.name);
            let is_sole_pk = sole_pk.as_deref() == Some(c.name.as_str());
            if serial && !is_sole_pk {
                return None;
            }
            // With an identity SQLAlchemy emits no SERIAL (and refuses autoincrement=False).
            let autoincrement_false =
                is_sole_pk && !serial && c.identity.is_none() && !c.auto_increment();
            args.push(self.column(c, serial, autoincrement_false)?);
        }
        let mut constraints = Vec::new();
        for k in t.constraints.values() {
            constraints.push(self.table_constraint(k)?);
        }
        constraints.sort();
        args.extend(constraints);
        let mut s = format!(
            "op.create_table({},\n{}",
            self.nm(&t.name.name),
            args.join(",\n")
        );
        if !self.default_schema(&t.name.schema) {
            let _ = write!(s, ",\nschema={}", py_str(&t.name.schema));
        }
        for kw in table_kwargs {
            let _ = write!(s, ",\n{kw}");
        }
        s.push_str("\n)");
        Some(s)
    }

    /// MySQL's table options as SQLAlchemy's `mysql_` keyword arguments, sorted as Alembic
    /// writes them: `mysql_collate='utf8mb4_bin'`, `mysql_default_charset='utf8mb4'`,
    /// `mysql_engine='MyISAM'`, `mysql_row_format='DYNAMIC'`. `None` when an option has no
    /// such spelling (another dialect's, a quoted value).
    fn table_kwargs(&self, attrs: &[TableAttr]) -> Option<Vec<String>> {
        let prefix = self.d.sqlalchemy_name().unwrap_or_default();
        let mut out = Vec::new();
        for a in attrs {
            let (key, value) = match a {
                TableAttr::MysqlEngine(v) => ("engine".to_string(), v.strip_prefix("ENGINE=")?),
                TableAttr::MysqlCharset(v) => (
                    "default_charset".to_string(),
                    v.strip_prefix("DEFAULT CHARSET=")?,
                ),
                TableAttr::MysqlCollate(v) => ("collate".to_string(), v.strip_prefix("COLLATE=")?),
                TableAttr::MysqlOption(o) => {
                    let (k, v) = o.split_once('=')?;
                    let plain = |s: &str| {
                        !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    };
                    if !plain(k) || !plain(v) {
                        return None;
                    }
                    (k.to_ascii_lowercase(), v)
                }
                TableAttr::Unlogged
                | TableAttr::Storage(_)
                | TableAttr::SqliteAutoincrement
                | TableAttr::SqliteStrict
                | TableAttr::SqliteWithoutRowid => return None,
            };
            out.push(format!("{prefix}_{key}={}", py_str(value)));
        }
        out.sort();
        Some(out)
    }

    /// A constraint inside `op.create_table`. Names PostgreSQL would give anyway are left out
    /// for keys (as a model without names renders); check constraints always carry theirs.
    fn table_constraint(&mut self, k: &Constraint) -> Option<String> {
        let name = |explicit: bool| {
            (explicit || !k.implicit_name).then(|| format!("name={}", self.nm(&k.name)))
        };
        let mut deferral = Vec::new();
        if k.initially_deferred {
            deferral.push("initially='DEFERRED'".to_string());
        }
        if k.deferrable {
            deferral.push("deferrable=True".to_string());
        }
        match &k.kind {
            ConstraintKind::PrimaryKey { columns, include } => {
                if !include.is_empty() || k.deferrable {
                    return None;
                }
                let mut args: Vec<String> = columns.iter().map(|c| py_str(c)).collect();
                args.extend(name(false));
                Some(format!("sa.PrimaryKeyConstraint({})", args.join(", ")))
            }
            ConstraintKind::Unique {
                columns,
                include,
                nulls_not_distinct,
            } => {
                if !include.is_empty() || *nulls_not_distinct {
                    return None;
                }
                let mut args: Vec<String> = columns.iter().map(|c| py_str(c)).collect();
                if k.deferrable {
                    args.push("deferrable=True".into());
                }
                if k.initially_deferred {
                    args.push("initially='DEFERRED'".into());
                }
                args.extend(name(false));
                Some(format!("sa.UniqueConstraint({})", args.join(", ")))
            }
            ConstraintKind::Check { expr, no_inherit } => {
                if *no_inherit || k.deferrable {
                    return None;
                }
                let mut args = vec![py_str(&text_sql(&expr.text))];
                // PostgreSQL names unnamed checks after the columns it finds in them; keep
                // the name. SQLite keeps them unnamed.
                args.extend(name(self.d.stores_constraint_names()));
                Some(format!("sa.CheckConstraint({})", args.join(", ")))
            }
            ConstraintKind::ForeignKey {
                columns,
                ref_table,
                ref_columns,
                on_delete,
                on_update,
                match_full,
            } => {
                if ref_columns.len() != columns.len()
                    || ref_columns.iter().any(|c| c.contains('.'))
                    || ref_table.name.contains('.')
                {
                    return None;
                }
                let target = if self.default_schema(&ref_table.schema) {
                    self.id(&ref_table.name)
                } else {
                    format!("{}.{}", ref_table.schema, self.id(&ref_table.name))
                };
                let refs: Vec<String> = ref_columns
                    .iter()
                    .map(|c| py_str(&format!("{target}.{}", self.id(c))))
                    .collect();
                let mut args = vec![self.list(columns), format!("[{}]", refs.join(", "))];
                args.extend(name(false));
                if let Some(a) = ref_action(*on_update) {
                    args.push(format!("onupdate={a}"));
                }
                if let Some(a) = ref_action(*on_delete) {
                    args.push(format!("ondelete={a}"));
                }
                args.extend(deferral);
                if *match_full {
                    args.push("match='FULL'".into());
                }
                Some(format!("sa.ForeignKeyConstraint({})", args.join(", ")))
            }
            ConstraintKind::Exclude { .. } => None,
        }
    }

    fn add_constraint(&mut self, table: &QualName, k: &Constraint) -> Option<String> {
        let n = self.constraint_name(k);
        let schema = self.schema_kw(table, "schema");
        // `op.create_x('name', 'table', ` / `batch_op.create_x('name', `
        let head = |op: &str| {
            if self.batch {
                format!("batch_op.{op}({n}, ")
            } else {
                format!("op.{op}({n}, {}, ", self.nm(&table.name))
            }
        };
        match &k.kind {
            ConstraintKind::PrimaryKey { columns, include } => {
                if !include.is_empty() || k.deferrable {
                    return None;
                }
                Some(format!(
                    "{}{}{schema})",
                    head("create_primary_key"),
                    self.list(columns)
                ))
            }
            ConstraintKind::Unique {
                columns,
                include,
                nulls_not_distinct,
            } => {
                if !include.is_empty() || *nulls_not_distinct {
                    return None;
                }
                let mut opts = String::new();
                if k.deferrable {
                    opts.push_str(", deferrable=True");
                }
                if k.initially_deferred {
                    opts.push_str(", initially='DEFERRED'");
                }
                Some(format!(
                    "{}{}{opts}{schema})",
                    head("create_unique_constraint"),
                    self.list(columns)
                ))
            }
            ConstraintKind::Check { expr, no_inherit } => {
                if *no_inherit || k.deferrable {
                    return None;
                }
                Some(format!(
                    "{}{}{schema})",
                    head("create_check_constraint"),
                    py_str(&text_sql(&expr.text))
                ))
            }
            ConstraintKind::ForeignKey {
                columns,
                ref_table,
                ref_columns,
                on_delete,
                on_update,
                match_full,
            } => {
                if ref_columns.len() != columns.len() {
                    return None;
                }
                let mut args = vec![
                    self.nm(&ref_table.name),
                    self.list(columns),
                    self.list(ref_columns),
                ];
                if !self.batch && !self.default_schema(&table.schema) {
                    args.push(format!("source_schema={}", py_str(&table.schema)));
                }
                if !self.default_schema(&ref_table.schema) {
                    args.push(format!("referent_schema={}", py_str(&ref_table.schema)));
                }
                if let Some(a) = ref_action(*on_update) {
                    args.push(format!("onupdate={a}"));
                }
                if let Some(a) = ref_action(*on_delete) {
                    args.push(format!("ondelete={a}"));
                }
                if k.initially_deferred {
                    args.push("initially='DEFERRED'".into());
                }
                if k.deferrable {
                    args.push("deferrable=True".into());
                }
                if *match_full {
                    args.push("match='FULL'".into());
                }
                Some(format!(
                    "{}{})",
                    head("create_foreign_key"),
                    args.join(", ")
                ))
            }
            ConstraintKind::Exclude { .. } => None,
        }
    }

    fn create_index(&mut self, i: &Index) -> Option<String> {
        if i.options.iter().any(|o| self.d.index_option_is_written(o)) || i.nulls_not_distinct {
            return None;
        }
        // MySQL's prefix lengths: `mysql_length={'title': 50}`.
        let mut lengths = Vec::new();
        let keys: Vec<String> = i
            .keys
            .iter()
            .map(|k| {
                let plain = k.collation.is_none()
                    && k.opclass.is_none()
                    && !k.descending
                    && k.nulls_first.is_none();
                let column = k.column().or_else(|| {
                    let (col, len) = self.column_key(&k.expr.text)?;
                    if let Some(n) = len {
                        lengths.push(format!("{}: {n}", py_str(&col)));
                    }
                    Some(col)
                });
                match (plain, column) {
                    (true, Some(col)) => py_str(&col),
                    _ => {
                        let mut s = k.expr.text.clone();
                        if let Some(c) = &k.collation {
                            let _ = write!(s, " COLLATE {}", self.d.quote_ident(c));
                        }
                        if let Some(o) = &k.opclass {
                            let _ = write!(s, " {}", o.text);
                        }
                        if k.descending {
                            s.push_str(" DESC");
                        }
                        match k.nulls_first {
                            Some(true) => s.push_str(" NULLS FIRST"),
                            Some(false) => s.push_str(" NULLS LAST"),
                            None => {}
                        }
                        format!("sa.literal_column({})", py_str(&s))
                    }
                }
            })
            .collect();
        let mut s = format!(
            "op.create_index(op.f({}), {}, [{}], unique={}{}",
            self.nm(&i.name.name),
            self.nm(&i.table.name),
            keys.join(", "),
            py_bool(i.unique),
            self.schema_kw(&i.table, "schema")
        );
        let prefix = self.d.sqlalchemy_name().unwrap_or_default();
        if i.method != "btree" {
            let (kw, value) = self.d.sa_index_method(&i.method);
            let _ = write!(s, ", {prefix}_{kw}={}", py_str(&value));
        }
        if let Some(p) = &i.predicate {
            let _ = write!(s, ", {prefix}_where={}", sa_text(&p.text));
        }
        if !i.include.is_empty() {
            let _ = write!(s, ", {prefix}_include={}", self.list(&i.include));
        }
        if !lengths.is_empty() {
            let _ = write!(s, ", {prefix}_length={{{}}}", lengths.join(", "));
        }
        s.push(')');
        Some(s)
    }

    /// An index key that is a column as the dialect quotes it (`` `title` ``), with a prefix
    /// length (`` `title`(50) ``, MySQL): the column's name and the length.
    fn column_key(&self, text: &str) -> Option<(String, Option<u32>)> {
        let (name_part, len) = match text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
            Some((head, n)) => (head, Some(n.trim().parse::<u32>().ok()?)),
            None => (text, None),
        };
        let inner = name_part.strip_prefix('`')?.strip_suffix('`')?;
        let name = inner.replace("``", "`");
        (self.d.quote_ident(&name) == name_part).then_some((name, len))
    }

    /// `op.alter_column('t', 'c',\n           existing_type=..., ...)` as Alembic lays it out.
    fn alter_call(
        &self,
        table: &QualName,
        column: &str,
        args: &[String],
        tail: &[String],
    ) -> String {
        let indent = " ".repeat(11);
        let mut s = format!("{}{}", self.call("alter_column", table), self.nm(column));
        for a in args {
            let _ = write!(s, ",\n{indent}{a}");
        }
        if !self.batch && !self.default_schema(&table.schema) {
            let _ = write!(s, ",\n{indent}schema={}", py_str(&table.schema));
        }
        for a in tail {
            let _ = write!(s, ",\n{indent}{a}");
        }
        s.push(')');
        s
    }

    /// `op.alter_column` for a dialect whose column changes restate the whole column (MySQL's
    /// `MODIFY`/`CHANGE`, which Alembic builds from the arguments): every `existing_*` the
    /// column has, and what changes. Invisible and generated columns, MariaDB's column checks,
    /// and `ON UPDATE` on a `NOT NULL` column without a default, have no Alembic spelling
    /// (`None`).
    fn restate_column(
        &mut self,
        table: &QualName,
        from: &Column,
        to: &Column,
        new_name: Option<&Str>,
    ) -> Option<Vec<String>> {
        let invisible = |c: &Column| c.attrs.contains(&ColumnAttr::Invisible);
        if invisible(from) || invisible(to) || from.generated.is_some() || to.generated.is_some() {
            return None;
        }
        // Alembic's MODIFY leaves out a column check (MariaDB's): it cannot keep or add one,
        // and drops one when it restates the column (the type repeated makes it a MODIFY).
        let checked = |c: &Column| c.attrs.iter().any(|a| matches!(a, ColumnAttr::Check(_)));
        if checked(to) {
            return None;
        }
        let check_dropped = checked(from);
        if from.identity.is_some() || to.identity.is_some() {
            return None;
        }
        let old_ty = self.col_type(from)?;
        let new_ty = self.col_type(to)?;
        let (old_def, new_def) = (server_default(from)?, server_default(to)?);
        let (old_comment, new_comment) = (column_comment(from), column_comment(to));
        let mut args = vec![format!("existing_type={old_ty}")];
        let default_changes = old_def != new_def;
        if default_changes {
            args.push(format!(
                "server_default={}",
                new_def
                    .as_deref()
                    .map(sa_text)
                    .unwrap_or_else(|| "None".into())
            ));
        }
        if let Some(n) = new_name {
            args.push(format!("new_column_name={}", self.nm(n)));
        }
        // Alembic writes a default change alone as `ALTER COLUMN .. SET/DROP DEFAULT`, which
        // would leave an `ON UPDATE` behind (and cannot set one: the server rejects
        // `SET DEFAULT NULL ON UPDATE ..`), and whose `DROP DEFAULT` leaves MariaDB's
        // `CURRENT_TIMESTAMP` of a `NOT NULL` datetime: the type (unchanged) makes it a
        // `MODIFY` that restates the column.
        let on_update = |c: &Column| c.attrs.iter().any(|a| matches!(a, ColumnAttr::OnUpdate(_)));
        let type_changes = old_ty != new_ty
            || check_dropped
            || (default_changes && (new_def.is_none() || on_update(from) || on_update(to)));
        if type_changes {
            args.push(format!("type_={new_ty}"));
        }
        let null_changes = from.not_null != to.not_null;
        if null_changes {
            args.push(format!("nullable={}", py_bool(!to.not_null)));
        }
        let comment_changes = old_comment != new_comment;
        if comment_changes {
            args.push(format!(
                "comment={}",
                new_comment.map(py_str).unwrap_or_else(|| "None".into())
            ));
        }
        if let Some(c) = old_comment {
            args.push(format!("existing_comment={}", py_str(c)));
        }
        if !null_changes {
            args.push(format!("existing_nullable={}", py_bool(!from.not_null)));
        }
        let auto_changes = from.auto_increment() != to.auto_increment();
        if auto_changes {
            args.push(format!("autoincrement={}", py_bool(to.auto_increment())));
        }
        if !default_changes {
            if let Some(d) = &old_def {
                args.push(format!("existing_server_default={}", sa_text(d)));
            }
        }
        if !auto_changes && from.auto_increment() {
            args.push("existing_autoincrement=True".into());
        }
        let changes = default_changes
            || type_changes
            || null_changes
            || comment_changes
            || auto_changes
            || new_name.is_some();
        if !changes {
            return Some(Vec::new());
        }
        Some(vec![self.alter_call(table, &from.name, &args, &[])])
    }

    fn alter_column(
        &mut self,
        table: &QualName,
        from: &Column,
        to: &Column,
        changes: &crate::change::ColumnChanges,
    ) -> Option<Vec<String>> {
        let existing = self.col_type(from)?;
        let new_type = if changes.ty {
            Some(self.col_type(to)?)
        } else {
            None
        };
        let using = changes.ty && self.d.needs_using(from, to);
        let mut out = Vec::new();
        // Alembic changes the type before the default: an old default that does not convert
        // to the new type is dropped first.
        // (In batch mode the table is rebuilt in one go.)
        let predrop = !self.batch
            && (changes.redoes_default(from, to, using)
                || (changes.ty && from.default.is_some() && changes.default));
        if predrop {
            out.push(self.alter_call(
                table,
                &to.name,
                &[
                    format!("existing_type={existing}"),
                    "server_default=None".into(),
                    format!("existing_nullable={}", py_bool(!from.not_null)),
                ],
                &[],
            ));
        }
        let mut args = vec![format!("existing_type={existing}")];
        let set_default = changes.default || predrop;
        if set_default && !(predrop && to.default.is_none()) {
            args.push(format!(
                "server_default={}",
                to.default
                    .as_ref()
                    .map(|d| sa_text(&d.text))
                    .unwrap_or_else(|| "None".into())
            ));
        }
        if let Some(t) = &new_type {
            args.push(format!("type_={t}"));
        }
        if changes.nullability {
            args.push(format!("nullable={}", py_bool(!to.not_null)));
        }
        if let Some(c) = &from.comment {
            args.push(format!("existing_comment={}", py_str(c)));
        }
        if !changes.nullability {
            args.push(format!("existing_nullable={}", py_bool(!to.not_null)));
        }
        if !set_default {
            if let Some(d) = same_default(from, to) {
                args.push(format!("existing_server_default={}", sa_text(d)));
            }
        }
        let mut tail = Vec::new();
        if using {
            let col = self.d.quote_ident(&to.name);
            let ty = self.d.render_type(&to.ty);
            let expr = if from.ty.user.is_some() {
                format!("{col}::text::{ty}")
            } else {
                format!("{col}::{ty}")
            };
            tail.push(format!("postgresql_using={}", py_str(&expr)));
        }
        let has_change = new_type.is_some() || changes.nullability || set_default;
        if has_change && !(predrop && args.len() == 2 && new_type.is_none()) {
            out.push(self.alter_call(table, &to.name, &args, &tail));
        }
        Some(out)
    }
}

/// The server default as SQLAlchemy takes it: MySQL's `ON UPDATE` goes with it, as
/// SQLAlchemy's MySQL dialect reflects it (`CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP`;
/// `NULL ON UPDATE ..` on a nullable column without a default, which the server stores the
/// same). `None` for `ON UPDATE` on a `NOT NULL` column without a default (no spelling).
fn server_default(c: &Column) -> Option<Option<String>> {
    let on_update = c.attrs.iter().find_map(|a| match a {
        ColumnAttr::OnUpdate(f) => Some(f),
        _ => None,
    });
    match (&c.default, on_update) {
        (d, None) => Some(d.as_ref().map(|d| d.text.to_string())),
        (Some(d), Some(f)) => Some(Some(format!("{} ON UPDATE {f}", d.text))),
        (None, Some(f)) if !c.not_null => Some(Some(format!("NULL ON UPDATE {f}"))),
        (None, Some(_)) => None,
    }
}

/// A column's comment: the model's, or MySQL's `COMMENT` attribute.
fn column_comment(c: &Column) -> Option<&str> {
    c.comment.as_deref().or_else(|| {
        c.attrs.iter().find_map(|a| match a {
            ColumnAttr::Comment(t) => Some(t.as_str()),
            _ => None,
        })
    })
}

/// The spelling of a default both sides have (the same canonical expression, possibly written
/// differently: `'medium'::character varying` from pg_dump, `'medium'` from the models): the
/// shorter one, so that upgrade() and downgrade() spell it alike.
fn same_default<'c>(from: &'c Column, to: &'c Column) -> Option<&'c str> {
    let a = from.default.as_ref()?.text.as_str();
    let b = to.default.as_ref().map_or(a, |d| d.text.as_str());
    Some(std::cmp::min_by_key(a, b, |t| (t.len(), *t)))
}

/// Whether Alembic's batch mode recreates an index as it was: SQLAlchemy's SQLite reflection
/// reads column names, uniqueness and a partial index's `WHERE`, but no expressions (it skips
/// the index), collations or sort order.
fn batch_reproduces(i: &Index) -> bool {
    i.keys.iter().all(|k| {
        k.collation.is_none()
            && k.opclass.is_none()
            && !k.descending
            && k.nulls_first.is_none()
            && k.column().is_some()
    }) && i.include.is_empty()
        && i.options.is_empty()
        && !i.nulls_not_distinct
}

/// A type change every value survives (`varchar(200)` -> `varchar(300)` or `text`, `integer`
/// -> `bigint`, more digits of `numeric`): nothing for a human to review.
fn widens(c: &Change) -> bool {
    let Change::AlterColumn { from, to, .. } = c else {
        return false;
    };
    let (a, b) = (&from.ty, &to.ty);
    if a.user.is_some()
        || b.user.is_some()
        || a.array_dims != b.array_dims
        || from.collation != to.collation
    {
        return false;
    }
    let num = |m: &Option<Str>| m.as_deref().and_then(|m| m.parse::<u64>().ok());
    let rank = |n: &str| match n {
        "smallint" => Some(1),
        "integer" => Some(2),
        "bigint" => Some(3),
        _ => None,
    };
    // SQLite keeps declared names as written.
    let canon = |n: &str| match n.to_ascii_lowercase().as_str() {
        "varchar" | "character varying" => "character varying".to_string(),
        other => other.to_string(),
    };
    match (canon(&a.name).as_str(), canon(&b.name).as_str()) {
        ("character varying", "text") => true,
        ("character varying", "character varying") => {
            match (num(&a.modifiers), num(&b.modifiers)) {
                (Some(x), Some(y)) => y >= x,
                (_, None) => true,
                (None, Some(_)) => false,
            }
        }
        ("numeric", "numeric") => match (a.modifiers.as_deref(), b.modifiers.as_deref()) {
            (_, None) => true,
            (Some(x), Some(y)) => {
                let ps = |m: &str| -> Option<(i64, i64)> {
                    let (p, s) = m.split_once(',')?;
                    Some((p.trim().parse().ok()?, s.trim().parse().ok()?))
                };
                matches!((ps(x), ps(y)), (Some((p1, s1)), Some((p2, s2))) if s2 >= s1 && p2 - s2 >= p1 - s1)
            }
            (None, Some(_)) => false,
        },
        (x, y) => matches!((rank(x), rank(y)), (Some(i), Some(j)) if j >= i),
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// `sa.Identity(always=True, start=10)` from an identity's canonical options.
fn identity(id: &Identity) -> Option<String> {
    let mut args = vec![format!("always={}", py_bool(id.always))];
    for o in &id.options {
        let words: Vec<&str> = o.split_whitespace().collect();
        let kw = match words.as_slice() {
            ["START", "WITH", n] => format!("start={}", int(n)?),
            ["INCREMENT", "BY", n] => format!("increment={}", int(n)?),
            ["MINVALUE", n] => format!("minvalue={}", int(n)?),
            ["MAXVALUE", n] => format!("maxvalue={}", int(n)?),
            ["CACHE", n] => format!("cache={}", int(n)?),
            ["CYCLE"] => "cycle=True".to_string(),
            _ => return None,
        };
        args.push(kw);
    }
    Some(format!("sa.Identity({})", args.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_string_literals_match_repr() {
        assert_eq!(py_str("abc"), "'abc'");
        assert_eq!(py_str("it's"), "\"it's\"");
        assert_eq!(py_str("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(py_str("x\\y\nz\t"), "'x\\\\y\\nz\\t'");
        assert_eq!(py_str("caf\u{e9} \u{1f600}"), "'caf\u{e9} \u{1f600}'");
        assert_eq!(
            py_str("\u{0}\u{7f}\u{a0}\u{2028}"),
            "'\\x00\\x7f\\xa0\\u2028'"
        );
    }

    #[test]
    fn bind_like_colons_are_escaped() {
        assert_eq!(text_sql("a::text"), "a::text");
        assert_eq!(text_sql("x := 1"), "x := 1");
        assert_eq!(text_sql("'12:30'"), "'12:30'");
        assert_eq!(text_sql("' :name'"), "' \\:name'");
        assert_eq!(text_sql("':a:'"), "':a:'");
    }

    #[test]
    fn slugs_follow_alembic() {
        assert_eq!(slug("add priority to tasks"), "add_priority_to_tasks");
        assert_eq!(slug("Add 'tags' column!"), "add_tags_column");
        assert_eq!(
            slug("a very long message that goes well past the forty character limit"),
            "a_very_long_message_that_goes_well_past_"
        );
        assert_eq!(slug(""), "");
        assert_eq!(file_name("1975ea83b712", "x y"), "1975ea83b712_x_y.py");
    }
}
