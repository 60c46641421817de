//! The DDL grammar: statements -> schema objects.

use super::cursor::{is_kw, Cursor, PResult};
use super::expr::query_key;
use super::source::Source;
use crate::diagnostics::{Code, Diagnostic, Severity, Side};
use crate::dialects::Dialect;
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Accumulates a [`Schema`] statement by statement.
pub struct Builder<'d> {
    pub(super) dialect: &'d dyn Dialect,
    pub(super) side: Side,
    pub(super) schema: Schema,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Schema that unqualified names are created in (`SET search_path`).
    search_schema: String,
    /// Relation names (tables, indexes, sequences, views) taken, per schema.
    relnames: HashMap<String, HashSet<String>>,
    /// Constraint names taken, per schema.
    connames: HashMap<String, HashSet<String>>,
    /// `ALTER INDEX parent ATTACH PARTITION child`: child index -> parent index.
    attached_indexes: Vec<(QualName, QualName)>,
    /// Statements read but not modelled, by kind: count and first position.
    unsupported: BTreeMap<String, (usize, Location)>,
    /// Rename directives in the current statement's comments: line, position, old name.
    rename_hints: Vec<(u64, Location, String)>,
}

/// A constraint as parsed, before its default name is chosen.
struct PendingConstraint {
    name: Option<String>,
    kind: ConstraintKind,
    deferrable: bool,
    initially_deferred: bool,
    /// Column the constraint was written on, if any.
    column: Option<String>,
}

/// A column as parsed, with the column constraints written on it.
struct ParsedColumn {
    column: Column,
    constraints: Vec<PendingConstraint>,
    /// `serial` pseudo-type: the integer type it stands for.
    serial: Option<&'static str>,
    /// SQLite `AUTOINCREMENT` on the column's primary key.
    autoincrement: bool,
    /// A rename directive on the column's line: old name and where it was written.
    renamed_from: Option<(String, Location)>,
}

const COLUMN_STOP: &[&str] = &[
    "not",
    "null",
    "constraint",
    "primary",
    "unique",
    "check",
    "references",
    "default",
    "generated",
    "collate",
    "deferrable",
    "initially",
    "storage",
    "compression",
];

fn stop_at(words: &'static [&'static str]) -> impl Fn(&Cursor) -> bool {
    move |c: &Cursor| words.iter().any(|w| c.peek_kw(w))
}

impl<'d> Builder<'d> {
    pub fn new(dialect: &'d dyn Dialect, side: Side) -> Self {
        Self {
            dialect,
            side,
            schema: Schema::default(),
            diagnostics: Vec::new(),
            search_schema: dialect.default_schema().to_string(),
            relnames: HashMap::new(),
            connames: HashMap::new(),
            attached_indexes: Vec::new(),
            unsupported: BTreeMap::new(),
            rename_hints: Vec::new(),
        }
    }

    /// Complete the schema and return it with the diagnostics.
    pub(super) fn finish(mut self, src: &Source<'_>) -> (Schema, Vec<Diagnostic>) {
        for (child, parent) in std::mem::take(&mut self.attached_indexes) {
            self.attach_index(&child, &parent);
        }
        for (kind, (count, at)) in std::mem::take(&mut self.unsupported) {
            let msg = if count == 1 {
                format!("{kind} is not supported; it is not compared")
            } else {
                format!("{kind} is not supported; {count} such statements are not compared")
            };
            self.diag_at(Code::W001, src, at, msg);
        }
        self.dialect.complete(&mut self.schema);
        (self.schema, self.diagnostics)
    }

    /// A rename directive written on the line of `at`.
    fn renamed_from(&self, at: Location) -> Option<(String, Location)> {
        self.rename_hints
            .iter()
            .find(|(line, _, _)| *line == at.line)
            .map(|(_, loc, old)| (old.clone(), *loc))
    }

    fn push_rename(
        &mut self,
        c: &Cursor,
        kind: RenameKind,
        table: &QualName,
        (from, at): (String, Location),
        to: &str,
    ) {
        let offset = c.src.offset(at);
        self.schema.renames.push(Rename {
            kind,
            table: table.clone(),
            from,
            to: to.to_string(),
            at: Some((at.line as u32, at.column as u32, offset)),
        });
    }

    fn push_column_rename(&mut self, table: &QualName, (from, at): (String, Location), to: String) {
        self.schema.renames.push(Rename {
            kind: RenameKind::Column,
            table: table.clone(),
            from,
            to,
            at: Some((at.line as u32, at.column as u32, 0)),
        });
    }

    fn unsupported(&mut self, kind: impl Into<String>, at: Location) {
        let e = self.unsupported.entry(kind.into()).or_insert((0, at));
        e.0 += 1;
    }

    fn warn(&mut self, c: &Cursor, at: Location, message: String) {
        let offset = c.src.offset(at);
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: Code::W002,
            side: self.side,
            line: at.line as u32,
            column: at.column as u32,
            offset,
            end: offset,
            message,
        });
    }

    fn take_relname(&mut self, schema: &str, name: &str) {
        self.relnames
            .entry(schema.to_string())
            .or_default()
            .insert(name.to_string());
    }

    fn take_conname(&mut self, schema: &str, name: &str) {
        self.connames
            .entry(schema.to_string())
            .or_default()
            .insert(name.to_string());
    }

    /// PostgreSQL's ChooseRelationName / ChooseConstraintName: `name1_name2_label`, truncated
    /// to fit, with a number appended to the label until it is free.
    fn choose_name(
        &mut self,
        schema: &str,
        name1: &str,
        name2: &str,
        label: &str,
        constraint: bool,
    ) -> String {
        let mut pass = 0;
        loop {
            let l = if pass == 0 {
                label.to_string()
            } else {
                format!("{label}{pass}")
            };
            let candidate = self.dialect.object_name(name1, name2, &l);
            let rel_taken = self
                .relnames
                .get(schema)
                .is_some_and(|s| s.contains(&candidate));
            let con_taken = self
                .connames
                .get(schema)
                .is_some_and(|s| s.contains(&candidate));
            let taken = if constraint {
                con_taken || rel_taken
            } else {
                rel_taken
            };
            if !taken {
                return candidate;
            }
            pass += 1;
        }
    }

    /// Read one statement.
    pub fn statement(&mut self, c: &mut Cursor, comments: &[(Location, String)]) -> PResult<()> {
        self.rename_hints.clear();
        for (loc, text) in comments {
            if let Some(old) = rename_directive(text, self.dialect) {
                self.rename_hints.push((loc.line, *loc, old));
            }
        }
        let at = c.location();
        if c.eat_kw("create") {
            let or_replace = c.eat_kws(&["or", "replace"]);
            let mut unlogged = false;
            loop {
                if c.eat_kw("unlogged") {
                    unlogged = true;
                } else if !(c.eat_kw("temporary")
                    || c.eat_kw("temp")
                    || c.eat_kw("global")
                    || c.eat_kw("local"))
                {
                    break;
                }
            }
            if c.eat_kw("table") {
                return self.create_table(c, unlogged);
            }
            if c.eat_kws(&["virtual", "table"]) {
                return self.create_virtual_table(c);
            }
            if c.peek_kw("unique") || c.peek_kw("index") {
                return self.create_index(c);
            }
            if c.eat_kw("type") {
                return self.create_type(c, at);
            }
            if c.eat_kw("sequence") {
                return self.create_sequence(c);
            }
            if c.eat_kw("view") {
                return self.create_view(c, false);
            }
            if c.eat_kws(&["recursive", "view"]) {
                return self.create_view(c, false);
            }
            if c.eat_kws(&["materialized", "view"]) {
                return self.create_view(c, true);
            }
            if c.eat_kw("schema") {
                return self.create_schema(c);
            }
            if c.eat_kw("extension") {
                return self.create_extension(c);
            }
            if c.eat_kw("function") {
                return self.create_routine(c, ObjectKind::Function);
            }
            if c.eat_kw("procedure") {
                return self.create_routine(c, ObjectKind::Procedure);
            }
            if c.eat_kw("domain") {
                return self.create_domain(c);
            }
            if c.peek_kw("trigger") || c.peek_kws_any(&[&["constraint", "trigger"]]) {
                return self.create_trigger(c);
            }
            if c.eat_kw("policy") {
                return self.create_policy(c);
            }
            let _ = or_replace;
            let kind = first_words(c, 2);
            self.unsupported(format!("`CREATE {kind}`"), at);
            return Ok(());
        }
        if c.eat_kw("alter") {
            if c.eat_kw("table") {
                return self.alter_table(c, at);
            }
            if c.eat_kw("sequence") {
                return self.alter_sequence(c, at);
            }
            if c.eat_kw("index") {
                return self.alter_index(c, at);
            }
            if c.eat_kw("type") {
                return self.alter_type(c, at);
            }
            if owner_to(c) {
                return Ok(());
            }
            let kind = first_words(c, 2);
            self.unsupported(format!("`ALTER {kind}`"), at);
            return Ok(());
        }
        if c.eat_kw("comment") {
            return self.comment_on(c, at);
        }
        if c.eat_kw("set") {
            return self.set(c);
        }
        if c.peek_kw("select") {
            return self.select(c, at);
        }
        if c.eat_kw("grant") {
            return self.privileges(c, false, at);
        }
        if c.eat_kw("revoke") {
            return self.privileges(c, true, at);
        }
        if c.eat_kw("drop") {
            return self.drop(c, at);
        }
        if ["begin", "commit", "start", "end", "rollback", "pragma"]
            .iter()
            .any(|k| c.peek_kw(k))
        {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`{kind}`"), at);
        Ok(())
    }

    // ----- CREATE TABLE -------------------------------------------------------------------

    fn create_table(&mut self, c: &mut Cursor, unlogged: bool) -> PResult<()> {
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name_at = c.location();
        let name = c.qual_name(&self.search_schema.clone())?;
        if let Some(hint) = self.renamed_from(name_at) {
            self.push_rename(c, RenameKind::Table, &name, hint, &name.name.clone());
        }
        if self.schema.tables.contains_key(&name) {
            if if_not_exists {
                return Ok(());
            }
            return c.error(format!("table {} is defined twice", name.name));
        }
        if name.name.starts_with("sqlite_") {
            // SQLite's own tables (`sqlite_sequence`, `sqlite_stat1`) come with the database.
            c.pos = c.toks.len();
            return Ok(());
        }
        let mut table = Table::new(name.clone());
        table.unlogged = unlogged;
        let mut sqlite_options: Vec<&str> = Vec::new();
        let mut columns: Vec<ParsedColumn> = Vec::new();
        let mut constraints: Vec<PendingConstraint> = Vec::new();
        if c.eat_kws(&["partition", "of"]) {
            let parent = c.qual_name(&self.search_schema.clone())?;
            if c.peek_tok(&Token::LParen) {
                self.table_elements(c, &mut columns, &mut constraints)?;
            }
            let bound = self.partition_bound(c)?;
            table.partition_of = Some(PartitionOf { parent, bound });
        } else if c.peek_kw("as") || c.peek_kw("of") {
            let at = c.location();
            self.unsupported("`CREATE TABLE .. AS/OF`", at);
            c.pos = c.toks.len();
            return Ok(());
        } else {
            self.table_elements(c, &mut columns, &mut constraints)?;
        }
        while !c.at_end() {
            if c.eat_kw("inherits") {
                c.expect(&Token::LParen)?;
                loop {
                    table
                        .inherits
                        .push(c.qual_name(&self.search_schema.clone())?);
                    if !c.eat(&Token::Comma) {
                        break;
                    }
                }
                c.expect(&Token::RParen)?;
            } else if c.eat_kws(&["partition", "by"]) {
                let start = c.pos;
                let (s, e) = c.until(stop_at(&["using", "with", "tablespace", "on"]));
                let _ = start;
                table.partition_by = Some(c.sql_expr_tokens((s, e)));
            } else if c.eat_kw("using") {
                c.ident()?;
            } else if c.eat_kw("with") {
                table.options = self.option_list(c)?;
            } else if c.eat_kws(&["without", "oids"]) {
            } else if c.eat_kw("tablespace") {
                c.ident()?;
            } else if c.eat_kws(&["on", "commit"]) {
                c.next();
                c.eat_kw("rows");
            } else if c.eat_kw("strict") {
                sqlite_options.push("STRICT");
            } else if c.eat_kws(&["without", "rowid"]) {
                sqlite_options.push("WITHOUT ROWID");
            } else if c.eat(&Token::Comma) {
            } else {
                return c.expected("table options or end of statement");
            }
        }
        if columns.iter().any(|p| p.autoincrement) {
            sqlite_options.push("AUTOINCREMENT");
        }
        sqlite_options.sort_unstable();
        table
            .options
            .extend(sqlite_options.into_iter().map(String::from));
        self.add_table(table, columns, constraints)
    }

    fn partition_bound(&mut self, c: &mut Cursor) -> PResult<Sql> {
        if c.eat_kw("default") {
            return Ok(Sql::new("DEFAULT", "default"));
        }
        let start = c.pos;
        c.expect_kws(&["for", "values"])?;
        if c.eat_kw("in") || c.eat_kw("with") {
            c.paren_group()?;
        } else {
            c.expect_kw("from")?;
            c.paren_group()?;
            c.expect_kw("to")?;
            c.paren_group()?;
        }
        let r = (start, c.pos);
        Ok(Sql::new(c.text(r), c.token_key(r)))
    }

    /// `( column | constraint, ... )`
    fn table_elements(
        &mut self,
        c: &mut Cursor,
        columns: &mut Vec<ParsedColumn>,
        constraints: &mut Vec<PendingConstraint>,
    ) -> PResult<()> {
        c.expect(&Token::LParen)?;
        if c.eat(&Token::RParen) {
            return Ok(());
        }
        loop {
            if is_table_constraint_start(c) {
                constraints.push(self.table_constraint(c)?);
            } else if c.eat_kw("like") {
                let at = c.location();
                self.unsupported("`LIKE` in `CREATE TABLE`", at);
                c.until(|_| false);
            } else {
                let at = c.location();
                let col = self.column_def(c)?;
                if columns.iter().any(|p| p.column.name == col.column.name) {
                    return Err(super::cursor::ParseError {
                        message: format!("column `{}` is defined twice", col.column.name),
                        at,
                    });
                }
                columns.push(col);
            }
            if c.eat(&Token::RParen) {
                return Ok(());
            }
            c.expect(&Token::Comma)?;
        }
    }

    /// Register a new table: choose default names the way PostgreSQL does, in its order
    /// (serial sequences, checks, index-backed constraints, foreign keys).
    fn add_table(
        &mut self,
        mut table: Table,
        columns: Vec<ParsedColumn>,
        mut constraints: Vec<PendingConstraint>,
    ) -> PResult<()> {
        let name = table.name.clone();
        self.take_relname(&name.schema, &name.name);
        let mut column_constraints = Vec::new();
        let mut serials = Vec::new();
        for mut pc in columns {
            if let Some(hint) = pc.renamed_from.take() {
                let to = pc.column.name.clone();
                self.push_column_rename(&name, hint, to);
            }
            if let Some(int_type) = pc.serial {
                serials.push((pc.column.name.clone(), int_type));
            }
            column_constraints.extend(pc.constraints);
            table.columns.insert(pc.column.name.clone(), pc.column);
        }
        // Column constraints come first in PostgreSQL's lists.
        column_constraints.append(&mut constraints);
        dedup_key_constraints(&mut column_constraints);
        for (col, int_type) in serials {
            self.add_serial(&mut table, &col, int_type);
        }
        self.add_constraints(&mut table, column_constraints);
        self.schema.tables.insert(name, table);
        Ok(())
    }

    fn add_serial(&mut self, table: &mut Table, col: &str, int_type: &'static str) {
        let schema = table.name.schema.clone();
        let seq_name = self.choose_name(&schema, &table.name.name, col, "seq", false);
        self.take_relname(&schema, &seq_name);
        let qn = QualName::new(schema, seq_name);
        let mut seq = Sequence::with_defaults(qn.clone(), int_type);
        seq.owned_by = Some((table.name.clone(), col.to_string()));
        if let Some(column) = table.columns.get_mut(col) {
            column.default = Some(self.dialect.nextval_default(&qn));
            column.not_null = true;
        }
        self.schema.sequences.insert(qn, seq);
    }

    fn add_constraints(&mut self, table: &mut Table, pending: Vec<PendingConstraint>) {
        let schema = table.name.schema.clone();
        // Explicit names are taken first.
        for p in &pending {
            if let Some(n) = &p.name {
                self.take_conname(&schema, n);
                if matches!(
                    p.kind,
                    ConstraintKind::PrimaryKey { .. }
                        | ConstraintKind::Unique { .. }
                        | ConstraintKind::Exclude { .. }
                ) {
                    self.take_relname(&schema, n);
                }
            }
        }
        let order = |k: &ConstraintKind| match k {
            ConstraintKind::Check { .. } => 0,
            ConstraintKind::PrimaryKey { .. }
            | ConstraintKind::Unique { .. }
            | ConstraintKind::Exclude { .. } => 1,
            ConstraintKind::ForeignKey { .. } => 2,
        };
        let mut named: Vec<(usize, Constraint)> = Vec::new();
        for phase in 0..3 {
            for (i, p) in pending.iter().enumerate() {
                if order(&p.kind) != phase {
                    continue;
                }
                let implicit = p.name.is_none();
                let name = match &p.name {
                    Some(n) => n.clone(),
                    None => self.default_constraint_name(table, p),
                };
                named.push((
                    i,
                    Constraint {
                        name,
                        kind: p.kind.clone(),
                        deferrable: p.deferrable,
                        initially_deferred: p.initially_deferred,
                        implicit_name: implicit,
                        comment: None,
                    },
                ));
            }
        }
        named.sort_by_key(|(i, _)| *i);
        for (_, con) in named {
            table.constraints.insert(con.name.clone(), con);
        }
    }

    fn default_constraint_name(&mut self, table: &Table, p: &PendingConstraint) -> String {
        let schema = table.name.schema.clone();
        let tname = table.name.name.clone();
        let name = match &p.kind {
            ConstraintKind::PrimaryKey { .. } => {
                self.choose_name(&schema, &tname, "", "pkey", true)
            }
            ConstraintKind::Unique { columns, .. } => {
                self.choose_name(&schema, &tname, &columns.join("_"), "key", true)
            }
            ConstraintKind::Exclude { .. } => {
                let col = p.column.clone().unwrap_or_default();
                self.choose_name(&schema, &tname, &col, "excl", true)
            }
            ConstraintKind::ForeignKey { columns, .. } => {
                self.choose_name(&schema, &tname, &columns.join("_"), "fkey", true)
            }
            ConstraintKind::Check { expr, .. } => {
                let cols = referenced_columns(&expr.key, table);
                let col = if cols.len() == 1 {
                    cols[0].clone()
                } else {
                    String::new()
                };
                self.choose_name(&schema, &tname, &col, "check", true)
            }
        };
        self.take_conname(&schema, &name);
        if matches!(
            p.kind,
            ConstraintKind::PrimaryKey { .. }
                | ConstraintKind::Unique { .. }
                | ConstraintKind::Exclude { .. }
        ) {
            self.take_relname(&schema, &name);
        }
        name
    }

    fn column_def(&mut self, c: &mut Cursor) -> PResult<ParsedColumn> {
        let name_at = c.location();
        let name = c.ident()?;
        let renamed_from = self.renamed_from(name_at);
        let (ty, serial) = self.parse_type(c)?;
        let mut column = Column {
            name: name.clone(),
            ty,
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            comment: None,
        };
        let mut constraints: Vec<PendingConstraint> = Vec::new();
        let mut next_name: Option<String> = None;
        let mut autoincrement = false;
        loop {
            if c.eat_kw("collate") {
                column.collation = Some(self.collation_name(c)?);
            } else if c.eat_kw("constraint") {
                next_name = Some(c.ident()?);
            } else if c.eat_kws(&["not", "null"]) {
                column.not_null = true;
                next_name = None;
            } else if c.eat_kw("null") {
                column.not_null = false;
                next_name = None;
            } else if c.eat_kw("default") {
                let start = c.pos;
                if c.peek_tok(&Token::LParen) {
                    c.paren_group()?;
                } else if c.at_end() || c.peek_tok(&Token::Comma) || c.peek_tok(&Token::RParen) {
                    return c.expected("a default expression");
                } else {
                    c.next();
                }
                let r = (start, c.until(stop_at(COLUMN_STOP)).1);
                let default = c.sql_expr(r);
                // `DEFAULT NULL` is no default.
                column.default = (default.key != "NULL").then_some(default);
            } else if c.eat_kw("generated") {
                if c.eat_kws(&["always", "as", "identity"]) {
                    column.identity = Some(self.identity_options(c, true, &column.ty)?);
                    column.not_null = true;
                } else if c.eat_kws(&["by", "default", "as", "identity"]) {
                    column.identity = Some(self.identity_options(c, false, &column.ty)?);
                    column.not_null = true;
                } else {
                    c.eat_kw("always");
                    c.expect_kw("as")?;
                    column.generated = Some(self.generated_expr(c)?);
                }
            } else if c.peek_kw("as") && c.peek_tok_at(1, &Token::LParen) {
                // SQLite's short form `AS (expr) [STORED | VIRTUAL]`.
                c.next();
                column.generated = Some(self.generated_expr(c)?);
            } else if c.eat_kw("autoincrement") {
                // SQLite: only valid on an INTEGER PRIMARY KEY; kept as a table option, the way
                // SQLAlchemy's `sqlite_autoincrement` is.
                autoincrement = true;
            } else if c.eat_kws(&["on", "conflict"]) {
                let at = c.location();
                c.next();
                self.unsupported("`ON CONFLICT` clause of a constraint", at);
            } else if c.eat_kw("deferrable") {
                if let Some(last) = constraints.last_mut() {
                    last.deferrable = true;
                }
            } else if c.eat_kws(&["not", "deferrable"]) {
            } else if c.eat_kw("initially") {
                let deferred = c.eat_kw("deferred");
                if !deferred {
                    c.expect_kw("immediate")?;
                }
                if let Some(last) = constraints.last_mut() {
                    last.initially_deferred = deferred;
                    last.deferrable |= deferred;
                }
            } else if c.eat_kw("storage") || c.eat_kw("compression") {
                c.next();
            } else if c.peek_kw("primary")
                || c.peek_kw("unique")
                || c.peek_kw("check")
                || c.peek_kw("references")
            {
                let kind = self.column_constraint(c, &name)?;
                constraints.push(PendingConstraint {
                    name: next_name.take(),
                    kind,
                    deferrable: false,
                    initially_deferred: false,
                    column: Some(name.clone()),
                });
            } else {
                break;
            }
        }
        Ok(ParsedColumn {
            column,
            constraints,
            serial,
            autoincrement,
            renamed_from,
        })
    }

    fn column_constraint(&mut self, c: &mut Cursor, col: &str) -> PResult<ConstraintKind> {
        if c.eat_kws(&["primary", "key"]) {
            let include = self.index_tail(c)?;
            c.eat_kw("asc");
            c.eat_kw("desc");
            return Ok(ConstraintKind::PrimaryKey {
                columns: vec![col.to_string()],
                include,
            });
        }
        if c.eat_kw("unique") {
            let nnd = nulls_distinct(c)?;
            let include = self.index_tail(c)?;
            return Ok(ConstraintKind::Unique {
                columns: vec![col.to_string()],
                include,
                nulls_not_distinct: nnd,
            });
        }
        if c.eat_kw("check") {
            let r = c.paren_group()?;
            let no_inherit = c.eat_kws(&["no", "inherit"]);
            return Ok(ConstraintKind::Check {
                expr: c.sql_expr(r),
                no_inherit,
            });
        }
        c.expect_kw("references")?;
        self.references(c, vec![col.to_string()])
    }

    /// `INCLUDE (..) WITH (..) USING INDEX TABLESPACE x` after PRIMARY KEY / UNIQUE.
    fn index_tail(&mut self, c: &mut Cursor) -> PResult<Vec<String>> {
        let mut include = Vec::new();
        loop {
            if c.eat_kw("include") {
                include = c.ident_list()?;
            } else if c.eat_kw("with") {
                self.option_list(c)?;
            } else if c.eat_kws(&["using", "index", "tablespace"]) {
                c.ident()?;
            } else {
                return Ok(include);
            }
        }
    }

    fn references(&mut self, c: &mut Cursor, columns: Vec<String>) -> PResult<ConstraintKind> {
        let ref_table = c.qual_name(&self.search_schema.clone())?;
        let ref_columns = if c.peek_tok(&Token::LParen) {
            c.ident_list()?
        } else {
            Vec::new()
        };
        let mut on_delete = RefAction::NoAction;
        let mut on_update = RefAction::NoAction;
        let mut match_full = false;
        loop {
            if c.eat_kw("match") {
                match_full = c.eat_kw("full");
                if !match_full && !c.eat_kw("simple") && !c.eat_kw("partial") {
                    return c.expected("`FULL`, `SIMPLE` or `PARTIAL`");
                }
            } else if c.eat_kws(&["on", "delete"]) {
                on_delete = ref_action(c)?;
            } else if c.eat_kws(&["on", "update"]) {
                on_update = ref_action(c)?;
            } else {
                break;
            }
        }
        Ok(ConstraintKind::ForeignKey {
            columns,
            ref_table,
            ref_columns,
            on_delete,
            on_update,
            match_full,
        })
    }

    fn table_constraint(&mut self, c: &mut Cursor) -> PResult<PendingConstraint> {
        let name = if c.eat_kw("constraint") {
            Some(c.ident()?)
        } else {
            None
        };
        let mut column = None;
        let kind = if c.eat_kws(&["primary", "key"]) {
            let columns = match self.using_index(c)? {
                Some(cols) => cols,
                None => self.key_columns(c)?,
            };
            let include = self.index_tail(c)?;
            ConstraintKind::PrimaryKey { columns, include }
        } else if c.eat_kw("unique") {
            let nnd = nulls_distinct(c)?;
            let columns = match self.using_index(c)? {
                Some(cols) => cols,
                None => self.key_columns(c)?,
            };
            let include = self.index_tail(c)?;
            ConstraintKind::Unique {
                columns,
                include,
                nulls_not_distinct: nnd,
            }
        } else if c.eat_kw("check") {
            let r = c.paren_group()?;
            let no_inherit = c.eat_kws(&["no", "inherit"]);
            ConstraintKind::Check {
                expr: c.sql_expr(r),
                no_inherit,
            }
        } else if c.eat_kws(&["foreign", "key"]) {
            let columns = c.ident_list()?;
            c.expect_kw("references")?;
            self.references(c, columns)?
        } else if c.eat_kw("exclude") {
            let start = c.pos;
            if c.eat_kw("using") {
                c.ident()?;
            }
            let (s, e) = c.paren_group()?;
            column = Some(exclude_name_part(c, (s, e)));
            let r = c.until(stop_at(&["deferrable", "initially", "not"]));
            let body = (start, r.1);
            ConstraintKind::Exclude {
                body: Sql::new(c.text(body), c.token_key(body)),
            }
        } else {
            return c.expected("a table constraint");
        };
        let mut p = PendingConstraint {
            name,
            kind,
            deferrable: false,
            initially_deferred: false,
            column,
        };
        self.constraint_characteristics(c, &mut p)?;
        Ok(p)
    }

    /// `USING INDEX name` after PRIMARY KEY / UNIQUE: the index becomes the constraint's; its
    /// columns are the key.
    fn using_index(&mut self, c: &mut Cursor) -> PResult<Option<Vec<String>>> {
        if !(c.peek_kw("using") && c.peek_kw_at(1, "index") && !c.peek_kw_at(2, "tablespace")) {
            return Ok(None);
        }
        c.pos += 2;
        let at = c.location();
        let name = c.ident()?;
        let key = self.schema.indexes.keys().find(|k| k.name == name).cloned();
        let Some(index) = key.and_then(|k| self.schema.indexes.shift_remove(&k)) else {
            return Err(super::cursor::ParseError {
                message: format!("index `{name}` is not defined"),
                at,
            });
        };
        Ok(Some(
            index
                .keys
                .iter()
                .map(|k| k.expr.key.trim_matches('"').to_string())
                .collect(),
        ))
    }

    /// `(a, b)` column list of PRIMARY KEY / UNIQUE, tolerating `WITHOUT OVERLAPS` and ordering.
    fn key_columns(&mut self, c: &mut Cursor) -> PResult<Vec<String>> {
        c.expect(&Token::LParen)?;
        let mut out = Vec::new();
        loop {
            out.push(c.ident()?);
            while !(c.peek_tok(&Token::Comma) || c.peek_tok(&Token::RParen) || c.at_end()) {
                c.next();
            }
            if c.eat(&Token::RParen) {
                return Ok(out);
            }
            c.expect(&Token::Comma)?;
        }
    }

    fn constraint_characteristics(
        &mut self,
        c: &mut Cursor,
        p: &mut PendingConstraint,
    ) -> PResult<()> {
        loop {
            if c.eat_kw("deferrable") {
                p.deferrable = true;
            } else if c.eat_kws(&["not", "deferrable"]) {
                p.deferrable = false;
            } else if c.eat_kw("initially") {
                p.initially_deferred = c.eat_kw("deferred");
                if p.initially_deferred {
                    p.deferrable = true;
                } else {
                    c.expect_kw("immediate")?;
                }
            } else if c.eat_kws(&["not", "valid"]) || c.eat_kws(&["no", "inherit"]) {
            } else if c.eat_kws(&["on", "conflict"]) {
                let at = c.location();
                c.next();
                self.unsupported("`ON CONFLICT` clause of a constraint", at);
            } else {
                return Ok(());
            }
        }
    }

    fn identity_options(&mut self, c: &mut Cursor, always: bool, ty: &Type) -> PResult<Identity> {
        let data_type = self.dialect.render_type(ty);
        let mut seq = Sequence::with_defaults(QualName::new("", ""), &data_type);
        if c.peek_tok(&Token::LParen) {
            c.expect(&Token::LParen)?;
            self.sequence_options(c, &mut seq)?;
            c.expect(&Token::RParen)?;
        }
        Ok(Identity {
            always,
            options: seq.non_default_options(),
        })
    }

    /// `(expr) [STORED | VIRTUAL]` after `GENERATED ALWAYS AS` / `AS`.
    fn generated_expr(&mut self, c: &mut Cursor) -> PResult<Generated> {
        let (s, e) = c.paren_group()?;
        let expr = c.sql_expr((s, e));
        let stored = if c.eat_kw("stored") {
            true
        } else if c.eat_kw("virtual") {
            false
        } else {
            self.dialect.generated_stored_by_default()
        };
        Ok(Generated { expr, stored })
    }

    // ----- types ----------------------------------------------------------------------------

    /// A column type; returns the integer type for the `serial` pseudo-types.
    fn parse_type(&mut self, c: &mut Cursor) -> PResult<(Type, Option<&'static str>)> {
        if self.dialect.declared_types() {
            return Ok((self.declared_type(c)?, None));
        }
        let tok = c.peek().cloned();
        let mut schema: Option<String> = None;
        let mut name = match tok {
            Some(Token::Word(w)) => {
                c.next();
                if w.quote_style.is_some() {
                    self.dialect.fold_quoted(&w.value)
                } else {
                    w.value.to_ascii_lowercase()
                }
            }
            _ => return c.expected("a type"),
        };
        if c.eat(&Token::Period) {
            schema = Some(name);
            name = c.ident()?;
        }
        if schema.is_none() {
            let cont: &[&str] = match name.as_str() {
                "double" => &["precision"],
                "character" | "char" | "nchar" | "national" | "bit" => {
                    &["character", "char", "varying"]
                }
                _ => &[],
            };
            while let Some(k) = cont.iter().find(|k| c.peek_kw(k)) {
                c.next();
                name.push(' ');
                name.push_str(k);
            }
        }
        let mut modifiers = None;
        if c.peek_tok(&Token::LParen) {
            let r = c.paren_group()?;
            modifiers = Some(c.text(r).split_whitespace().collect::<String>());
        }
        if schema.is_none() && (name == "timestamp" || name == "time") {
            if c.eat_kws(&["with", "time", "zone"]) {
                name.push_str(" with time zone");
            } else if c.eat_kws(&["without", "time", "zone"]) {
                name.push_str(" without time zone");
            }
        }
        if schema.is_none() && name == "interval" {
            let fields = ["year", "month", "day", "hour", "minute", "second", "to"];
            while let Some(k) = fields.iter().find(|k| c.peek_kw(k)) {
                c.next();
                name.push(' ');
                name.push_str(k);
            }
            if modifiers.is_none() && c.peek_tok(&Token::LParen) {
                let r = c.paren_group()?;
                modifiers = Some(c.text(r).split_whitespace().collect::<String>());
            }
        }
        let mut dims = 0u8;
        loop {
            if c.eat(&Token::LBracket) {
                if let Some(Token::Number(..)) = c.peek() {
                    c.next();
                }
                c.expect(&Token::RBracket)?;
                dims += 1;
            } else if c.eat_kw("array") {
                if c.eat(&Token::LBracket) {
                    c.next();
                    c.expect(&Token::RBracket)?;
                }
                dims += 1;
            } else {
                break;
            }
        }
        let serial = if schema.is_none() && dims == 0 {
            self.dialect.serial_type(&name)
        } else {
            None
        };
        if let Some(int_type) = serial {
            return Ok((Type::builtin(int_type), Some(int_type)));
        }
        let ty = self.dialect.normalize_type(
            &name,
            schema.as_deref(),
            modifiers,
            dims,
            &self.search_schema,
        );
        Ok((ty, None))
    }

    /// A declared type (SQLite): any words, then `(n)` or `(n, m)`; possibly none at all.
    fn declared_type(&mut self, c: &mut Cursor) -> PResult<Type> {
        let mut words: Vec<String> = Vec::new();
        while let Some(Token::Word(w)) = c.peek() {
            let stop = w.quote_style.is_none()
                && (COLUMN_STOP.iter().any(|k| w.value.eq_ignore_ascii_case(k))
                    || w.value.eq_ignore_ascii_case("as"));
            if stop {
                break;
            }
            words.push(w.value.to_ascii_lowercase());
            c.next();
        }
        let mut modifiers = None;
        if !words.is_empty() && c.peek_tok(&Token::LParen) {
            let r = c.paren_group()?;
            modifiers = Some(c.text(r).split_whitespace().collect::<String>());
        }
        Ok(self
            .dialect
            .normalize_type(&words.join(" "), None, modifiers, 0, &self.search_schema))
    }

    fn collation_name(&mut self, c: &mut Cursor) -> PResult<String> {
        let q = c.qual_name("")?;
        Ok(if q.schema.is_empty() || q.schema == "pg_catalog" {
            q.name
        } else {
            q.to_string()
        })
    }

    /// `( key = value, ... )` as canonical strings.
    fn option_list(&mut self, c: &mut Cursor) -> PResult<Vec<String>> {
        let (s, e) = c.paren_group()?;
        let text = c.token_key((s, e));
        Ok(text
            .split(" , ")
            .map(|o| o.replace(" = ", "=").replace('\'', ""))
            .collect())
    }

    // ----- CREATE INDEX -------------------------------------------------------------------

    fn create_index(&mut self, c: &mut Cursor) -> PResult<()> {
        let unique = c.eat_kw("unique");
        c.expect_kw("index")?;
        c.eat_kw("concurrently");
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name_at = c.location();
        let explicit = if c.peek_kw("on") {
            None
        } else {
            Some(c.ident()?)
        };
        let index_hint = self.renamed_from(name_at);
        c.expect_kw("on")?;
        c.eat_kw("only");
        let table = c.qual_name(&self.search_schema.clone())?;
        let method = if c.eat_kw("using") {
            c.ident()?.to_ascii_lowercase()
        } else {
            "btree".to_string()
        };
        c.expect(&Token::LParen)?;
        let mut keys = Vec::new();
        let mut key_names = Vec::new();
        loop {
            let (key, key_name) = self.index_key(c)?;
            keys.push(key);
            key_names.push(key_name);
            if c.eat(&Token::RParen) {
                break;
            }
            c.expect(&Token::Comma)?;
        }
        let mut index = Index {
            name: QualName::new(table.schema.clone(), String::new()),
            table: table.clone(),
            unique,
            method,
            keys,
            include: Vec::new(),
            predicate: None,
            options: Vec::new(),
            nulls_not_distinct: false,
            comment: None,
            implicit_name: explicit.is_none(),
        };
        while !c.at_end() {
            if c.eat_kw("include") {
                index.include = c.ident_list()?;
            } else if c.peek_kw("nulls") {
                index.nulls_not_distinct = nulls_distinct(c)?;
            } else if c.eat_kw("with") {
                index.options = self.option_list(c)?;
            } else if c.eat_kw("tablespace") {
                c.ident()?;
            } else if c.eat_kw("where") {
                let r = (c.pos, c.toks.len());
                c.pos = c.toks.len();
                index.predicate = Some(c.sql_expr(r));
            } else {
                return c.expected("`WHERE`, `INCLUDE`, `WITH` or end of statement");
            }
        }
        let schema = table.schema.clone();
        index.name.name = match explicit {
            Some(n) => n,
            None => {
                let label = "idx";
                self.choose_name(&schema, &table.name, &key_names.join("_"), label, false)
            }
        };
        if self.schema.indexes.contains_key(&index.name) {
            if if_not_exists {
                return Ok(());
            }
            return c.error(format!("index {} is defined twice", index.name.name));
        }
        self.take_relname(&schema, &index.name.name);
        if let Some(hint) = index_hint {
            let to = index.name.name.clone();
            self.push_rename(c, RenameKind::Index, &table, hint, &to);
        }
        self.schema.indexes.insert(index.name.clone(), index);
        Ok(())
    }

    /// One index key; also the name part PostgreSQL would use for it.
    fn index_key(&mut self, c: &mut Cursor) -> PResult<(IndexKey, String)> {
        let start = c.pos;
        let name_part;
        if c.peek_tok(&Token::LParen) {
            let r = c.paren_group()?;
            name_part = expr_name_part(c, r.0);
        } else {
            let first = c.ident()?;
            while c.eat(&Token::Period) {
                c.ident()?;
            }
            if c.peek_tok(&Token::LParen) {
                c.paren_group()?;
                name_part = first.rsplit('.').next().unwrap_or(&first).to_string();
            } else {
                name_part = first;
            }
        }
        let expr = c.sql_expr((start, c.pos));
        let mut key = IndexKey {
            expr,
            collation: None,
            opclass: None,
            descending: false,
            nulls_first: None,
        };
        loop {
            if c.eat_kw("collate") {
                key.collation = Some(self.collation_name(c)?);
            } else if c.eat_kw("asc") {
            } else if c.eat_kw("desc") {
                key.descending = true;
            } else if c.eat_kw("nulls") {
                let first = c.eat_kw("first");
                if !first {
                    c.expect_kw("last")?;
                }
                key.nulls_first = Some(first);
            } else if matches!(c.peek(), Some(Token::Word(_))) {
                let s = c.pos;
                c.qual_name("")?;
                if c.peek_tok(&Token::LParen) {
                    c.paren_group()?;
                }
                key.opclass = Some(Sql::new(c.text((s, c.pos)), c.token_key((s, c.pos))));
            } else {
                break;
            }
        }
        if key.nulls_first == Some(key.descending) {
            key.nulls_first = None;
        }
        Ok((key, name_part))
    }

    // ----- ALTER TABLE --------------------------------------------------------------------

    fn alter_table(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.eat_kws(&["if", "exists"]);
        c.eat_kw("only");
        let name = c.qual_name(&self.search_schema.clone())?;
        c.eat(&Token::Mul);
        if !self.schema.tables.contains_key(&name) {
            if owner_to(c) {
                return Ok(());
            }
            let msg = format!("ALTER TABLE on unknown table {}", name.name);
            self.warn(c, at, msg);
            c.pos = c.toks.len();
            return Ok(());
        }
        loop {
            self.alter_table_action(c, &name, at)?;
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        if !c.at_end() {
            return c.expected("`,` or end of statement");
        }
        Ok(())
    }

    fn alter_table_action(&mut self, c: &mut Cursor, name: &QualName, at: Location) -> PResult<()> {
        if c.eat_kw("add") {
            if is_table_constraint_start(c) {
                let p = self.table_constraint(c)?;
                let mut table = self.take_table(name);
                self.add_constraints(&mut table, vec![p]);
                self.put_table(table);
                return Ok(());
            }
            c.eat_kw("column");
            let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
            let at_col = c.location();
            let pc = self.column_def(c)?;
            if self.schema.tables[name]
                .columns
                .contains_key(&pc.column.name)
            {
                if if_not_exists {
                    return Ok(());
                }
                return Err(super::cursor::ParseError {
                    message: format!("column `{}` is defined twice", pc.column.name),
                    at: at_col,
                });
            }
            let mut table = self.take_table(name);
            let col = pc.column.name.clone();
            table.columns.insert(col.clone(), pc.column);
            if let Some(t) = pc.serial {
                self.add_serial(&mut table, &col, t);
            }
            self.add_constraints(&mut table, pc.constraints);
            self.put_table(table);
            return Ok(());
        }
        if c.eat_kw("drop") {
            if c.eat_kw("constraint") {
                c.eat_kws(&["if", "exists"]);
                let cn = c.ident()?;
                c.eat_kw("cascade");
                c.eat_kw("restrict");
                if let Some(t) = self.schema.tables.get_mut(name) {
                    t.constraints.shift_remove(&cn);
                }
                return Ok(());
            }
            c.eat_kw("column");
            c.eat_kws(&["if", "exists"]);
            let col = c.ident()?;
            c.eat_kw("cascade");
            c.eat_kw("restrict");
            if let Some(t) = self.schema.tables.get_mut(name) {
                t.columns.shift_remove(&col);
            }
            return Ok(());
        }
        if c.eat_kw("alter") {
            c.eat_kw("column");
            let col = c.ident()?;
            return self.alter_column(c, name, &col, at);
        }
        if owner_to(c) {
            return Ok(());
        }
        if c.eat_kws(&["enable", "row", "level", "security"]) {
            self.table_mut(name).row_security = true;
            return Ok(());
        }
        if c.eat_kws(&["disable", "row", "level", "security"]) {
            self.table_mut(name).row_security = false;
            return Ok(());
        }
        if c.eat_kws(&["force", "row", "level", "security"]) {
            self.table_mut(name).force_row_security = true;
            return Ok(());
        }
        if c.eat_kws(&["no", "force", "row", "level", "security"]) {
            self.table_mut(name).force_row_security = false;
            return Ok(());
        }
        if c.eat_kws(&["attach", "partition"]) {
            let child = c.qual_name(&self.search_schema.clone())?;
            let bound = self.partition_bound(c)?;
            match self.schema.tables.get_mut(&child) {
                Some(t) => {
                    t.partition_of = Some(PartitionOf {
                        parent: name.clone(),
                        bound,
                    })
                }
                None => {
                    let msg = format!("ATTACH PARTITION of unknown table {}", child.name);
                    self.warn(c, at, msg);
                }
            }
            return Ok(());
        }
        if c.eat_kw("rename") {
            if c.eat_kw("to") {
                let new = c.ident()?;
                if let Some(mut t) = self.schema.tables.shift_remove(name) {
                    t.name.name = new;
                    self.schema.tables.insert(t.name.clone(), t);
                }
                return Ok(());
            }
            if c.eat_kw("constraint") {
                let old = c.ident()?;
                c.expect_kw("to")?;
                let new = c.ident()?;
                let t = self.table_mut(name);
                if let Some(mut con) = t.constraints.shift_remove(&old) {
                    con.name = new.clone();
                    t.constraints.insert(new, con);
                }
                return Ok(());
            }
            c.eat_kw("column");
            let old = c.ident()?;
            c.expect_kw("to")?;
            let new = c.ident()?;
            let t = self.table_mut(name);
            if let Some(mut col) = t.columns.shift_remove(&old) {
                col.name = new.clone();
                t.columns.insert(new, col);
            }
            return Ok(());
        }
        if c.eat_kw("set") && c.peek_tok(&Token::LParen) {
            let opts = self.option_list(c)?;
            self.table_mut(name).options = opts;
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER TABLE .. {kind}`"), at);
        c.until(|_| false);
        Ok(())
    }

    /// Take a table out (leaving a placeholder) to change it while `self` is borrowed.
    fn take_table(&mut self, name: &QualName) -> Table {
        std::mem::replace(self.table_mut(name), Table::new(name.clone()))
    }

    fn put_table(&mut self, table: Table) {
        let name = table.name.clone();
        *self.table_mut(&name) = table;
    }

    fn table_mut(&mut self, name: &QualName) -> &mut Table {
        self.schema
            .tables
            .get_mut(name)
            .expect("table checked by caller")
    }

    fn alter_column(
        &mut self,
        c: &mut Cursor,
        table: &QualName,
        col: &str,
        at: Location,
    ) -> PResult<()> {
        if !self.schema.tables[table].columns.contains_key(col) {
            let msg = format!("ALTER COLUMN on unknown column {}.{col}", table.name);
            self.warn(c, at, msg);
            c.until(|_| false);
            return Ok(());
        }
        if c.eat_kws(&["set", "default"]) {
            let r = c.until(|_| false);
            let d = c.sql_expr(r);
            self.table_mut(table).columns[col].default = Some(d);
        } else if c.eat_kws(&["drop", "default"]) {
            self.table_mut(table).columns[col].default = None;
        } else if c.eat_kws(&["set", "not", "null"]) {
            self.table_mut(table).columns[col].not_null = true;
        } else if c.eat_kws(&["drop", "not", "null"]) {
            self.table_mut(table).columns[col].not_null = false;
        } else if c.eat_kws(&["set", "data", "type"]) || c.eat_kw("type") {
            let (ty, _) = self.parse_type(c)?;
            let mut collation = None;
            if c.eat_kw("collate") {
                collation = Some(self.collation_name(c)?);
            }
            if c.eat_kw("using") {
                c.until(|_| false);
            }
            let column = &mut self.table_mut(table).columns[col];
            column.ty = ty;
            column.collation = collation;
        } else if c.eat_kw("add") && c.eat_kw("generated") {
            let always = c.eat_kw("always");
            if !always {
                c.expect_kws(&["by", "default"])?;
            }
            c.expect_kws(&["as", "identity"])?;
            let ty = self.schema.tables[table].columns[col].ty.clone();
            let identity = self.identity_options(c, always, &ty)?;
            let column = &mut self.table_mut(table).columns[col];
            column.identity = Some(identity);
            column.not_null = true;
        } else if c.eat_kws(&["drop", "identity"]) {
            c.eat_kws(&["if", "exists"]);
            self.table_mut(table).columns[col].identity = None;
        } else if c.eat_kws(&["set", "statistics"])
            || c.eat_kws(&["set", "storage"])
            || c.eat_kws(&["set", "compression"])
        {
            c.next();
        } else {
            let kind = first_words(c, 2);
            self.unsupported(format!("`ALTER COLUMN .. {kind}`"), at);
            c.until(|_| false);
        }
        Ok(())
    }

    // ----- sequences ------------------------------------------------------------------------

    fn create_sequence(&mut self, c: &mut Cursor) -> PResult<()> {
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        if self.schema.sequences.contains_key(&name) {
            if if_not_exists {
                return Ok(());
            }
            return c.error(format!("sequence {} is defined twice", name.name));
        }
        let mut seq = Sequence::with_defaults(name.clone(), "bigint");
        self.sequence_options(c, &mut seq)?;
        if !c.at_end() {
            return c.expected("a sequence option");
        }
        self.take_relname(&name.schema, &name.name);
        self.schema.sequences.insert(name, seq);
        Ok(())
    }

    /// Sequence options; unspecified ones take PostgreSQL's defaults for the type and direction.
    fn sequence_options(&mut self, c: &mut Cursor, seq: &mut Sequence) -> PResult<()> {
        let (mut start, mut min, mut max) = (None, None, None);
        let mut data_type = seq.data_type.clone();
        let mut increment = seq.increment;
        loop {
            if c.eat_kw("as") {
                let (t, _) = self.parse_type(c)?;
                data_type = t.name;
            } else if c.eat_kw("increment") {
                c.eat_kw("by");
                increment = c.integer()?;
            } else if c.eat_kw("minvalue") {
                min = Some(c.integer()?);
            } else if c.eat_kws(&["no", "minvalue"]) {
                min = None;
            } else if c.eat_kw("maxvalue") {
                max = Some(c.integer()?);
            } else if c.eat_kws(&["no", "maxvalue"]) {
                max = None;
            } else if c.eat_kw("start") {
                c.eat_kw("with");
                start = Some(c.integer()?);
            } else if c.eat_kw("restart") {
                if c.eat_kw("with") || matches!(c.peek(), Some(Token::Number(..))) {
                    c.integer()?;
                }
            } else if c.eat_kw("cache") {
                seq.cache = c.integer()?;
            } else if c.eat_kws(&["no", "cycle"]) {
                seq.cycle = false;
            } else if c.eat_kw("cycle") {
                seq.cycle = true;
            } else if c.eat_kws(&["owned", "by"]) {
                if !c.eat_kw("none") {
                    let q = c.qual_name(&self.search_schema.clone())?;
                    seq.owned_by = Some(self.owned_by(c, q)?);
                }
            } else if c.eat_kws(&["sequence", "name"]) {
                c.qual_name("")?;
            } else {
                break;
            }
        }
        let d = Sequence::defaults_for(&data_type, increment);
        seq.data_type = data_type;
        seq.increment = increment;
        seq.min = min.unwrap_or(d.min);
        seq.max = max.unwrap_or(d.max);
        seq.start = start.unwrap_or(if increment > 0 { seq.min } else { seq.max });
        Ok(())
    }

    /// `OWNED BY [schema.]table.column`, read as a qualified name whose last part is the column.
    fn owned_by(&mut self, c: &mut Cursor, first: QualName) -> PResult<(QualName, String)> {
        if c.eat(&Token::Period) {
            let col = c.ident()?;
            return Ok((first, col));
        }
        // `table.column` was read as schema=table, name=column.
        Ok((
            QualName::new(self.search_schema.clone(), first.schema),
            first.name,
        ))
    }

    fn alter_sequence(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.eat_kws(&["if", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        if owner_to(c) {
            return Ok(());
        }
        let Some(mut seq) = self.schema.sequences.get(&name).cloned() else {
            let msg = format!("ALTER SEQUENCE on unknown sequence {}", name.name);
            self.warn(c, at, msg);
            c.pos = c.toks.len();
            return Ok(());
        };
        // Re-resolve options against what was already set.
        let before = seq.clone();
        let mut fresh = Sequence::with_defaults(name.clone(), &seq.data_type);
        fresh.increment = seq.increment;
        let only_owned = c.peek_kws_any(&[&["owned", "by"]]);
        self.sequence_options(c, &mut fresh)?;
        if only_owned {
            seq.owned_by = fresh.owned_by;
        } else {
            seq = Sequence {
                owned_by: fresh.owned_by.or(before.owned_by),
                comment: before.comment,
                ..fresh
            };
        }
        if !c.at_end() {
            return c.expected("a sequence option");
        }
        self.schema.sequences.insert(name, seq);
        Ok(())
    }

    fn alter_index(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.eat_kws(&["if", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        if c.eat_kws(&["attach", "partition"]) {
            let child = c.qual_name(&self.search_schema.clone())?;
            self.attached_indexes.push((child, name));
            return Ok(());
        }
        if owner_to(c) {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER INDEX .. {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// A partition's index attached to its parent's index is implied by the parent: drop it
    /// (or the constraint it backs).
    fn attach_index(&mut self, child: &QualName, _parent: &QualName) {
        if self.schema.indexes.shift_remove(child).is_some() {
            return;
        }
        for t in self.schema.tables.values_mut() {
            if t.name.schema == child.schema && t.constraints.shift_remove(&child.name).is_some() {
                return;
            }
        }
    }

    // ----- types ----------------------------------------------------------------------------

    fn create_type(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let start = 0;
        let name = c.qual_name(&self.search_schema.clone())?;
        if c.eat_kws(&["as", "enum"]) {
            c.expect(&Token::LParen)?;
            let mut values = Vec::new();
            if !c.eat(&Token::RParen) {
                loop {
                    values.push(c.string()?);
                    if c.eat(&Token::RParen) {
                        break;
                    }
                    c.expect(&Token::Comma)?;
                }
            }
            if self.schema.enums.contains_key(&name) {
                return c.error(format!("type {} is defined twice", name.name));
            }
            self.schema.enums.insert(
                name.clone(),
                EnumType {
                    name,
                    values,
                    comment: None,
                },
            );
            return Ok(());
        }
        if c.peek_kw("as") {
            c.pos = c.toks.len();
            let sig = name.to_string();
            let drop = format!("DROP TYPE {}", self.dialect.quote_name(&name));
            let target = format!("TYPE {}", self.dialect.quote_name(&name));
            self.add_object(c, ObjectKind::CompositeType, sig, start, drop, target, None);
            return Ok(());
        }
        self.unsupported("`CREATE TYPE` (base or shell type)", at);
        c.pos = c.toks.len();
        Ok(())
    }

    fn alter_type(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let name = c.qual_name(&self.search_schema.clone())?;
        if owner_to(c) {
            return Ok(());
        }
        if c.eat_kws(&["add", "value"]) {
            c.eat_kws(&["if", "not", "exists"]);
            let v = c.string()?;
            let Some(e) = self.schema.enums.get_mut(&name) else {
                let msg = format!("ALTER TYPE on unknown enum {}", name.name);
                self.warn(c, at, msg);
                return Ok(());
            };
            if e.values.contains(&v) {
                return Ok(());
            }
            let pos = if c.eat_kw("before") {
                let w = c.string()?;
                e.values.iter().position(|x| *x == w)
            } else if c.eat_kw("after") {
                let w = c.string()?;
                e.values.iter().position(|x| *x == w).map(|i| i + 1)
            } else {
                None
            };
            let pos = pos.unwrap_or(e.values.len());
            e.values.insert(pos, v);
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER TYPE .. {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    fn create_domain(&mut self, c: &mut Cursor) -> PResult<()> {
        let name = c.qual_name(&self.search_schema.clone())?;
        c.pos = c.toks.len();
        let drop = format!("DROP DOMAIN {}", self.dialect.quote_name(&name));
        let target = format!("DOMAIN {}", self.dialect.quote_name(&name));
        self.add_object(
            c,
            ObjectKind::Domain,
            name.to_string(),
            0,
            drop,
            target,
            None,
        );
        Ok(())
    }

    /// Register an object kept by definition, from token `start` to the end of the statement.
    #[allow(clippy::too_many_arguments)]
    fn add_object(
        &mut self,
        c: &Cursor,
        kind: ObjectKind,
        signature: String,
        start: usize,
        drop: String,
        comment_target: String,
        table: Option<QualName>,
    ) {
        let text = c.rest_text(start).to_string();
        let key = c.token_key((start, c.toks.len()));
        let create = Sql::new(text, key);
        let id = ObjectId { kind, signature };
        self.schema.objects.insert(
            id.clone(),
            Object {
                id,
                create,
                drop,
                comment_target,
                comment: None,
                extra: Vec::new(),
                table,
            },
        );
    }

    // ----- views ----------------------------------------------------------------------------

    fn create_view(&mut self, c: &mut Cursor, materialized: bool) -> PResult<()> {
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        let columns = if c.peek_tok(&Token::LParen) {
            c.ident_list()?
        } else {
            Vec::new()
        };
        let mut options = Vec::new();
        if c.eat_kw("using") {
            c.ident()?;
        }
        if c.eat_kw("with") {
            options = self.option_list(c)?;
        }
        if c.eat_kw("tablespace") {
            c.ident()?;
        }
        c.expect_kw("as")?;
        let start = c.pos;
        let mut end = c.toks.len();
        let mut check_option = None;
        let mut with_data = true;
        // Trailing `WITH [NO] DATA` / `WITH [CASCADED|LOCAL] CHECK OPTION`.
        let n = c.toks.len();
        let kw = |i: usize, k: &str| i < n && is_kw(&c.toks[i].token, k);
        if n >= 2 && kw(n - 1, "data") {
            if n >= 3 && kw(n - 2, "no") && kw(n - 3, "with") {
                with_data = false;
                end = n - 3;
            } else if kw(n - 2, "with") {
                end = n - 2;
            }
        } else if n >= 3 && kw(n - 1, "option") && kw(n - 2, "check") {
            let mut s = n - 2;
            let mut level = "CASCADED".to_string();
            if kw(s - 1, "local") || kw(s - 1, "cascaded") {
                s -= 1;
                level = if kw(s, "local") {
                    "LOCAL".into()
                } else {
                    "CASCADED".into()
                };
            }
            if kw(s - 1, "with") {
                end = s - 1;
                check_option = Some(level);
            }
        }
        c.pos = c.toks.len();
        let toks = &c.toks[start..end];
        let (key, depends_on) = query_key(toks, self.dialect, &self.search_schema);
        let query = Sql::new(c.text((start, end)), key);
        if self.schema.views.contains_key(&name) && if_not_exists {
            return Ok(());
        }
        self.take_relname(&name.schema, &name.name);
        self.schema.views.insert(
            name.clone(),
            View {
                name,
                materialized,
                columns,
                query,
                options,
                check_option,
                with_data,
                comment: None,
                depends_on,
            },
        );
        Ok(())
    }

    // ----- schemas, extensions ----------------------------------------------------------------

    fn create_schema(&mut self, c: &mut Cursor) -> PResult<()> {
        c.eat_kws(&["if", "not", "exists"]);
        // `CREATE SCHEMA AUTHORIZATION role` names the schema after the role.
        c.eat_kw("authorization");
        let name = c.ident()?;
        c.pos = c.toks.len();
        self.schema
            .namespaces
            .entry(name.clone())
            .or_insert(Namespace {
                name,
                comment: None,
            });
        Ok(())
    }

    fn create_extension(&mut self, c: &mut Cursor) -> PResult<()> {
        c.eat_kws(&["if", "not", "exists"]);
        let name = c.ident()?;
        let mut schema = None;
        while !c.at_end() {
            if c.eat_kw("schema") {
                schema = Some(c.ident()?);
            } else {
                c.next();
            }
        }
        self.schema
            .extensions
            .insert(name.clone(), Extension { name, schema });
        Ok(())
    }

    // ----- functions, triggers, policies --------------------------------------------------------

    fn create_routine(&mut self, c: &mut Cursor, kind: ObjectKind) -> PResult<()> {
        let name = c.qual_name(&self.search_schema.clone())?;
        let (s, e) = c.paren_group()?;
        let arg_types = self.routine_arg_types(c, (s, e), kind);
        let signature = format!("{}({})", name, arg_types.join(","));
        let display = format!(
            "{}({})",
            self.dialect.quote_name(&name),
            arg_types.join(", ")
        );
        let key = self.routine_key(c, &signature)?;
        let text = c.rest_text(0).to_string();
        let id = ObjectId { kind, signature };
        let drop = format!("DROP {} {display}", kind.sql());
        let comment_target = format!("{} {display}", kind.sql());
        self.schema.objects.insert(
            id.clone(),
            Object {
                id,
                create: Sql::new(text, key),
                drop,
                comment_target,
                comment: None,
                extra: Vec::new(),
                table: None,
            },
        );
        Ok(())
    }

    /// Argument types of a routine's parameter list (OUT parameters of functions excluded).
    fn routine_arg_types(
        &mut self,
        c: &mut Cursor,
        range: (usize, usize),
        kind: ObjectKind,
    ) -> Vec<String> {
        let saved = c.pos;
        let mut out = Vec::new();
        c.pos = range.0;
        while c.pos < range.1 {
            let mut mode = "in";
            for m in ["inout", "in", "out", "variadic"] {
                if c.peek_kw(m) && !is_type_start_after_mode(c) {
                    c.next();
                    mode = m;
                    break;
                }
            }
            // A name precedes the type unless the next two tokens are a type on their own.
            let has_name = matches!(c.peek(), Some(Token::Word(_)))
                && matches!(c.peek_at(1), Some(Token::Word(w)) if !is_kw(&Token::Word(w.clone()), "default"))
                && !is_multiword_type_start(c);
            if has_name {
                c.next();
            }
            let ty = self
                .parse_type(c)
                .map(|(t, _)| self.dialect.render_type(&t))
                .unwrap_or_default();
            let arg_end = {
                let mut depth = 0i32;
                while c.pos < range.1 {
                    match c.peek() {
                        Some(Token::LParen) => depth += 1,
                        Some(Token::RParen) => depth -= 1,
                        Some(Token::Comma) if depth == 0 => break,
                        _ => {}
                    }
                    c.pos += 1;
                }
                c.pos
            };
            c.pos = arg_end + 1;
            if !(mode == "out" && kind == ObjectKind::Function) {
                out.push(ty);
            }
        }
        c.pos = saved;
        out
    }

    /// Canonical key of a routine definition: the clauses after the parameters, each
    /// canonicalised, defaults dropped, sorted.
    fn routine_key(&mut self, c: &mut Cursor, signature: &str) -> PResult<String> {
        let mut clauses: Vec<String> = Vec::new();
        while !c.at_end() {
            let s = c.pos;
            if c.eat_kw("returns") {
                if c.eat_kw("table") {
                    c.paren_group()?;
                } else {
                    c.eat_kw("setof");
                    let (t, _) = self.parse_type(c)?;
                    clauses.push(format!("returns {}", self.dialect.render_type(&t)));
                    continue;
                }
            } else if c.eat_kw("as") {
                let body = c.string()?;
                let mut k = format!("as {}", body.trim());
                if c.eat(&Token::Comma) {
                    k.push_str(&c.string()?);
                }
                clauses.push(k);
                continue;
            } else if c.eat_kws(&["begin", "atomic"]) {
                c.pos = c.toks.len();
            } else if c.eat_kw("strict") || c.eat_kws(&["returns", "null", "on", "null", "input"]) {
                clauses.push("strict".into());
                continue;
            } else if c.eat_kws(&["called", "on", "null", "input"])
                || c.eat_kw("volatile")
                || c.eat_kws(&["security", "invoker"])
                || c.eat_kws(&["external", "security", "invoker"])
                || c.eat_kws(&["not", "leakproof"])
                || c.eat_kws(&["parallel", "unsafe"])
            {
                continue;
            } else if c.eat_kw("cost") {
                let n = c.integer()?;
                if n != 100 {
                    clauses.push(format!("cost {n}"));
                }
                continue;
            } else if c.eat_kw("rows") {
                let n = c.integer()?;
                if n != 1000 {
                    clauses.push(format!("rows {n}"));
                }
                continue;
            } else if c.eat_kw("set") {
                let (a, b) = c.until(|c| {
                    c.peek_kws_any(&[
                        &["language"],
                        &["as"],
                        &["set"],
                        &["immutable"],
                        &["stable"],
                        &["volatile"],
                        &["strict"],
                        &["security"],
                        &["parallel"],
                        &["cost"],
                    ])
                });
                let k = c.token_key((a, b)).replace(" = ", " to ").replace("'", "");
                clauses.push(format!("set {k}"));
                continue;
            } else {
                c.next();
                // Single-word or two-word clauses: LANGUAGE x, IMMUTABLE, PARALLEL SAFE...
                if matches!(c.toks.get(s).map(|t| &t.token), Some(t) if is_kw(t, "language") || is_kw(t, "parallel") || is_kw(t, "security"))
                {
                    c.next();
                }
            }
            clauses.push(c.token_key((s, c.pos)).replace('\'', ""));
        }
        clauses.sort();
        Ok(format!("{signature} {}", clauses.join(" ")))
    }

    fn create_trigger(&mut self, c: &mut Cursor) -> PResult<()> {
        let start = 0;
        let constraint = c.eat_kw("constraint");
        c.expect_kw("trigger")?;
        c.eat_kws(&["if", "not", "exists"]);
        let name = c.ident()?;
        let _ = constraint;
        // Find `ON table`.
        while !c.at_end() && !c.peek_kw("on") {
            c.next();
        }
        c.expect_kw("on")?;
        let table = c.qual_name(&self.search_schema.clone())?;
        c.pos = c.toks.len();
        let signature = format!("{table}.{name}");
        let drop = self
            .dialect
            .drop_object_sql(ObjectKind::Trigger, &name, Some(&table));
        let target = format!(
            "TRIGGER {} ON {}",
            self.dialect.quote_ident(&name),
            self.dialect.quote_name(&table)
        );
        self.add_object(
            c,
            ObjectKind::Trigger,
            signature,
            start,
            drop,
            target,
            Some(table),
        );
        self.fix_trigger_key();
        Ok(())
    }

    /// SQLite `CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING module(args)`: kept by text.
    fn create_virtual_table(&mut self, c: &mut Cursor) -> PResult<()> {
        c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        c.expect_kw("using")?;
        c.pos = c.toks.len();
        self.take_relname(&name.schema, &name.name);
        let kind = ObjectKind::VirtualTable;
        let drop = self.dialect.drop_object_sql(kind, &name.name, None);
        let target = format!("TABLE {}", self.dialect.quote_name(&name));
        self.add_object(c, kind, name.to_string(), 0, drop, target, None);
        if let Some((_, o)) = self.schema.objects.last_mut() {
            o.create.key = o.create.key.replace(" if not exists ", " ");
        }
        Ok(())
    }

    /// `EXECUTE PROCEDURE` and `EXECUTE FUNCTION` are the same; `CREATE OR REPLACE` too.
    fn fix_trigger_key(&mut self) {
        if let Some((_, o)) = self.schema.objects.last_mut() {
            o.create.key = o
                .create
                .key
                .replace("execute procedure", "execute function")
                .replace("create or replace", "create")
                .replace("trigger if not exists ", "trigger ");
        }
    }

    fn create_policy(&mut self, c: &mut Cursor) -> PResult<()> {
        let name = c.ident()?;
        c.expect_kw("on")?;
        let table = c.qual_name(&self.search_schema.clone())?;
        c.pos = c.toks.len();
        let signature = format!("{table}.{name}");
        let drop = format!(
            "DROP POLICY {} ON {}",
            self.dialect.quote_ident(&name),
            self.dialect.quote_name(&table)
        );
        let target = format!(
            "POLICY {} ON {}",
            self.dialect.quote_ident(&name),
            self.dialect.quote_name(&table)
        );
        self.add_object(
            c,
            ObjectKind::Policy,
            signature,
            0,
            drop,
            target,
            Some(table),
        );
        Ok(())
    }

    // ----- GRANT / REVOKE -----------------------------------------------------------------

    fn privileges(&mut self, c: &mut Cursor, revoke: bool, at: Location) -> PResult<()> {
        let option_only = revoke && c.eat_kws(&["grant", "option", "for"]);
        let mut privs: Vec<(String, Vec<String>)> = Vec::new();
        loop {
            let word = match c.peek() {
                Some(Token::Word(w)) if w.quote_style.is_none() => w.value.to_ascii_uppercase(),
                _ => return c.expected("a privilege"),
            };
            c.next();
            if word == "ALL" {
                c.eat_kw("privileges");
            }
            let cols = if c.peek_tok(&Token::LParen) {
                c.ident_list()?
            } else {
                Vec::new()
            };
            privs.push((
                if word == "TEMP" {
                    "TEMPORARY".into()
                } else {
                    word
                },
                cols,
            ));
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        if !c.eat_kw("on") {
            self.unsupported("`GRANT`/`REVOKE` of role membership", at);
            c.pos = c.toks.len();
            return Ok(());
        }
        let kind = [
            "table",
            "sequence",
            "schema",
            "function",
            "procedure",
            "routine",
            "type",
            "domain",
        ]
        .iter()
        .find(|k| c.peek_kw(k) && !c.peek_kw_at(1, "in"))
        .map(|k| k.to_ascii_uppercase());
        if kind.is_some() {
            c.next();
        } else if [
            "all",
            "database",
            "foreign",
            "language",
            "large",
            "tablespace",
            "parameter",
        ]
        .iter()
        .any(|k| c.peek_kw(k))
        {
            let what = first_words(c, 3);
            self.unsupported(format!("`GRANT`/`REVOKE` on `{what}`"), at);
            c.pos = c.toks.len();
            return Ok(());
        }
        let kind = kind.unwrap_or_else(|| "TABLE".into());
        let kind = if kind == "DOMAIN" {
            "TYPE".to_string()
        } else {
            kind
        };
        let ss = self.search_schema.clone();
        let mut objects = Vec::new();
        loop {
            let object = match kind.as_str() {
                "SCHEMA" => QualName::new("", c.ident()?),
                "FUNCTION" | "PROCEDURE" | "ROUTINE" => {
                    let q = c.qual_name(&ss)?;
                    let r = c.paren_group()?;
                    let rk = if kind == "PROCEDURE" {
                        ObjectKind::Procedure
                    } else {
                        ObjectKind::Function
                    };
                    let types = self.routine_arg_types(c, r, rk);
                    QualName::new(
                        q.schema,
                        format!(
                            "{}({})",
                            self.dialect.quote_ident(&q.name),
                            types.join(", ")
                        ),
                    )
                }
                _ => c.qual_name(&ss)?,
            };
            objects.push(object);
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        c.expect_kw(if revoke { "from" } else { "to" })?;
        let mut grantees = Vec::new();
        loop {
            c.eat_kw("group");
            grantees.push(if c.eat_kw("public") {
                "PUBLIC".to_string()
            } else {
                c.ident()?
            });
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        let with_option = !revoke && c.eat_kws(&["with", "grant", "option"]);
        c.pos = c.toks.len();
        for object in &objects {
            for (privilege, cols) in &privs {
                let expanded = expand_privilege(&kind, privilege, !cols.is_empty());
                let columns: Vec<Option<String>> = if cols.is_empty() {
                    vec![None]
                } else {
                    cols.iter().cloned().map(Some).collect()
                };
                for p in &expanded {
                    for column in &columns {
                        for grantee in &grantees {
                            let g = Grant {
                                object_kind: kind.clone(),
                                object: object.clone(),
                                privilege: p.to_string(),
                                column: column.clone(),
                                grantee: grantee.clone(),
                            };
                            if !revoke {
                                let e = self.schema.grants.entry(g).or_insert(false);
                                *e |= with_option;
                            } else if option_only {
                                if let Some(e) = self.schema.grants.get_mut(&g) {
                                    *e = false;
                                }
                            } else {
                                self.schema.grants.shift_remove(&g);
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    // ----- COMMENT ON -----------------------------------------------------------------------

    fn comment_on(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.expect_kw("on")?;
        let ss = self.search_schema.clone();
        enum Target {
            Table(QualName),
            Column(QualName, String),
            Index(QualName),
            Sequence(QualName),
            View(QualName),
            Type(QualName),
            Schema(String),
            Constraint(QualName, String),
            Object(ObjectKind, String),
            Ignored,
        }
        let target = if c.eat_kw("table") {
            Target::Table(c.qual_name(&ss)?)
        } else if c.eat_kw("column") {
            // [schema.]table.column
            let mut parts = vec![c.ident()?];
            while c.eat(&Token::Period) {
                parts.push(c.ident()?);
            }
            let col = parts.pop().unwrap_or_default();
            let table = parts.pop().unwrap_or_default();
            let schema = parts.pop().unwrap_or(ss.clone());
            Target::Column(QualName::new(schema, table), col)
        } else if c.eat_kw("index") {
            Target::Index(c.qual_name(&ss)?)
        } else if c.eat_kw("sequence") {
            Target::Sequence(c.qual_name(&ss)?)
        } else if c.eat_kw("view") || c.eat_kws(&["materialized", "view"]) {
            Target::View(c.qual_name(&ss)?)
        } else if c.eat_kw("type") {
            let q = c.qual_name(&ss)?;
            if self.schema.enums.contains_key(&q) {
                Target::Type(q)
            } else {
                Target::Object(ObjectKind::CompositeType, q.to_string())
            }
        } else if c.eat_kw("domain") {
            Target::Object(ObjectKind::Domain, c.qual_name(&ss)?.to_string())
        } else if c.eat_kw("schema") {
            Target::Schema(c.ident()?)
        } else if c.eat_kw("constraint") {
            let cn = c.ident()?;
            c.expect_kw("on")?;
            if c.eat_kw("domain") {
                c.qual_name(&ss)?;
                Target::Ignored
            } else {
                Target::Constraint(c.qual_name(&ss)?, cn)
            }
        } else if c.eat_kw("function") || c.eat_kw("procedure") {
            let kind = if is_kw(&c.toks[c.pos - 1].token, "function") {
                ObjectKind::Function
            } else {
                ObjectKind::Procedure
            };
            let q = c.qual_name(&ss)?;
            let r = c.paren_group()?;
            let types = self.routine_arg_types(c, r, kind);
            Target::Object(kind, format!("{}({})", q, types.join(",")))
        } else if c.eat_kw("trigger") || c.eat_kw("policy") {
            let kind = if is_kw(&c.toks[c.pos - 1].token, "trigger") {
                ObjectKind::Trigger
            } else {
                ObjectKind::Policy
            };
            let n = c.ident()?;
            c.expect_kw("on")?;
            let t = c.qual_name(&ss)?;
            Target::Object(kind, format!("{t}.{n}"))
        } else if c.eat_kw("extension") {
            c.ident()?;
            Target::Ignored
        } else {
            let kind = first_words(c, 1);
            self.unsupported(format!("`COMMENT ON {kind}`"), at);
            c.pos = c.toks.len();
            return Ok(());
        };
        c.expect_kw("is")?;
        let text = if c.eat_kw("null") {
            None
        } else {
            Some(c.string()?)
        };
        let text = text.filter(|t| !t.is_empty());
        let missing = match target {
            Target::Table(q) => self
                .schema
                .tables
                .get_mut(&q)
                .map(|t| t.comment = text)
                .is_none(),
            Target::Column(q, col) => self
                .schema
                .tables
                .get_mut(&q)
                .and_then(|t| t.columns.get_mut(&col))
                .map(|cl| cl.comment = text)
                .is_none(),
            Target::Index(q) => self
                .schema
                .indexes
                .get_mut(&q)
                .map(|i| i.comment = text)
                .is_none(),
            Target::Sequence(q) => self
                .schema
                .sequences
                .get_mut(&q)
                .map(|s| s.comment = text)
                .is_none(),
            Target::View(q) => self
                .schema
                .views
                .get_mut(&q)
                .map(|v| v.comment = text)
                .is_none(),
            Target::Type(q) => self
                .schema
                .enums
                .get_mut(&q)
                .map(|e| e.comment = text)
                .is_none(),
            Target::Schema(s) => {
                self.schema
                    .namespaces
                    .entry(s.clone())
                    .or_insert(Namespace {
                        name: s,
                        comment: None,
                    })
                    .comment = text;
                false
            }
            Target::Constraint(q, cn) => self
                .schema
                .tables
                .get_mut(&q)
                .and_then(|t| t.constraints.get_mut(&cn))
                .map(|con| con.comment = text)
                .is_none(),
            Target::Object(kind, signature) => self
                .schema
                .objects
                .get_mut(&ObjectId { kind, signature })
                .map(|o| o.comment = text)
                .is_none(),
            Target::Ignored => false,
        };
        if missing {
            self.warn(
                c,
                at,
                "COMMENT ON an object that is not defined".to_string(),
            );
        }
        Ok(())
    }

    // ----- SET, SELECT, DROP ------------------------------------------------------------------

    fn set(&mut self, c: &mut Cursor) -> PResult<()> {
        c.eat_kw("session");
        c.eat_kw("local");
        if c.eat_kw("search_path") {
            if !(c.eat_kw("to") || c.eat(&Token::Eq)) {
                return Ok(());
            }
            let first = match c.peek() {
                Some(Token::SingleQuotedString(s)) => {
                    s.split(',').next().unwrap_or("").trim().to_string()
                }
                Some(Token::Word(_)) => c.ident()?,
                _ => String::new(),
            };
            self.set_search_schema(&first);
        }
        c.pos = c.toks.len();
        Ok(())
    }

    fn set_search_schema(&mut self, first: &str) {
        let s = first.trim_matches('"');
        self.search_schema = if s.is_empty() || s == "\"$user\"" || s == "$user" {
            self.dialect.default_schema().to_string()
        } else {
            s.to_string()
        };
    }

    fn select(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        // `SELECT pg_catalog.set_config('search_path', '', false);` and `setval` are pg_dump
        // housekeeping.
        let text = c.token_key((0, c.toks.len()));
        if text.contains("set_config ( 'search_path'") {
            let value = c
                .toks
                .iter()
                .filter_map(|t| match &t.token {
                    Token::SingleQuotedString(s) => Some(s.clone()),
                    _ => None,
                })
                .nth(1)
                .unwrap_or_default();
            self.set_search_schema(value.split(',').next().unwrap_or(""));
        } else if !text.contains("setval") && !text.contains("set_config") {
            self.unsupported("`SELECT`", at);
        }
        c.pos = c.toks.len();
        Ok(())
    }

    fn drop(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let ss = self.search_schema.clone();
        let kind = if c.eat_kw("table") {
            "table"
        } else if c.eat_kw("view") || c.eat_kws(&["materialized", "view"]) {
            "view"
        } else if c.eat_kw("index") {
            c.eat_kw("concurrently");
            "index"
        } else if c.eat_kw("sequence") {
            "sequence"
        } else if c.eat_kw("type") {
            "type"
        } else {
            let kind = first_words(c, 1);
            self.unsupported(format!("`DROP {kind}`"), at);
            c.pos = c.toks.len();
            return Ok(());
        };
        c.eat_kws(&["if", "exists"]);
        loop {
            let q = c.qual_name(&ss)?;
            match kind {
                "table" => {
                    self.schema.tables.shift_remove(&q);
                    self.schema.indexes.retain(|_, i| i.table != q);
                }
                "view" => {
                    self.schema.views.shift_remove(&q);
                }
                "index" => {
                    self.schema.indexes.shift_remove(&q);
                }
                "sequence" => {
                    self.schema.sequences.shift_remove(&q);
                }
                _ => {
                    self.schema.enums.shift_remove(&q);
                }
            }
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        c.pos = c.toks.len();
        Ok(())
    }
}

impl Cursor<'_> {
    /// Whether any of the keyword sequences is next.
    pub fn peek_kws_any(&self, seqs: &[&[&str]]) -> bool {
        seqs.iter()
            .any(|kws| kws.iter().enumerate().all(|(i, k)| self.peek_kw_at(i, k)))
    }

    /// Canonical SQL of a range compared by tokens (partition keys and the like).
    pub fn sql_expr_tokens(&self, r: (usize, usize)) -> Sql {
        Sql::new(self.text(r), self.token_key(r))
    }
}

/// The old name in a rename directive: `schemashift: renamed from old_name` or sqldef's
/// `@renamed from=old_name` (a quoted name keeps its case).
fn rename_directive(comment: &str, dialect: &dyn Dialect) -> Option<String> {
    let lower = comment.to_ascii_lowercase();
    let rest = if let Some(i) = lower.find("schemashift:") {
        let after = comment[i + "schemashift:".len()..].trim_start();
        let l = after.to_ascii_lowercase();
        let tail = l
            .strip_prefix("renamed")?
            .trim_start()
            .strip_prefix("from")?;
        &after[after.len() - tail.len()..]
    } else if let Some(i) = lower.find("@renamed") {
        let after = comment[i + "@renamed".len()..].trim_start();
        let l = after.to_ascii_lowercase();
        let tail = l.strip_prefix("from")?.trim_start().strip_prefix('=')?;
        &after[after.len() - tail.len()..]
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let quoted = rest
        .strip_prefix('"')
        .and_then(|r| r.split_once('"'))
        .map(|(name, _)| dialect.fold_quoted(name));
    let name = quoted.unwrap_or_else(|| {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '.')
            .collect();
        // `schema.name`: the schema does not change in a rename.
        let word = word.rsplit('.').next().unwrap_or("").to_string();
        dialect.fold_ident(&word)
    });
    (!name.is_empty()).then_some(name)
}

fn is_table_constraint_start(c: &Cursor) -> bool {
    [
        "constraint",
        "primary",
        "unique",
        "check",
        "foreign",
        "exclude",
    ]
    .iter()
    .any(|k| c.peek_kw(k))
}

/// `NULLS [NOT] DISTINCT`; true for NOT DISTINCT.
fn nulls_distinct(c: &mut Cursor) -> PResult<bool> {
    if c.eat_kws(&["nulls", "not", "distinct"]) {
        return Ok(true);
    }
    c.eat_kws(&["nulls", "distinct"]);
    Ok(false)
}

fn ref_action(c: &mut Cursor) -> PResult<RefAction> {
    if c.eat_kw("cascade") {
        Ok(RefAction::Cascade)
    } else if c.eat_kw("restrict") {
        Ok(RefAction::Restrict)
    } else if c.eat_kws(&["no", "action"]) {
        Ok(RefAction::NoAction)
    } else if c.eat_kws(&["set", "null"]) {
        if c.peek_tok(&Token::LParen) {
            c.paren_group()?;
        }
        Ok(RefAction::SetNull)
    } else if c.eat_kws(&["set", "default"]) {
        if c.peek_tok(&Token::LParen) {
            c.paren_group()?;
        }
        Ok(RefAction::SetDefault)
    } else {
        c.expected("a referential action")
    }
}

/// `OWNER TO x` (anywhere in an ALTER): ownership is not part of a schema's shape.
fn owner_to(c: &mut Cursor) -> bool {
    let owner = (c.pos..c.toks.len()).any(|i| {
        is_kw(&c.toks[i].token, "owner") && c.toks.get(i + 1).is_some_and(|t| is_kw(&t.token, "to"))
    });
    if owner {
        c.pos = c.toks.len();
    }
    owner
}

/// The first `n` words of the rest of a statement, upper-cased, for messages.
fn first_words(c: &Cursor, n: usize) -> String {
    c.toks[c.pos..]
        .iter()
        .take(n)
        .map(|t| t.token.to_string().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Name part PostgreSQL derives from an index expression: the function name or `expr`.
fn expr_name_part(c: &Cursor, inner_start: usize) -> String {
    match (
        c.toks.get(inner_start).map(|t| &t.token),
        c.toks.get(inner_start + 1).map(|t| &t.token),
    ) {
        (Some(Token::Word(w)), Some(Token::LParen)) => w.value.to_ascii_lowercase(),
        (Some(Token::Word(w)), Some(Token::RParen)) => w.value.to_ascii_lowercase(),
        _ => "expr".to_string(),
    }
}

/// Distinct column names of `table` mentioned in a canonical expression key, in order.
fn referenced_columns(key: &str, table: &Table) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_str = false;
    let mut quoted = false;
    let flush = |w: &mut String, out: &mut Vec<String>| {
        if !w.is_empty() && table.columns.contains_key(w.as_str()) && !out.contains(w) {
            out.push(w.clone());
        }
        w.clear();
    };
    for ch in key.chars() {
        if in_str {
            if ch == '\'' {
                in_str = false;
            }
            continue;
        }
        if quoted {
            if ch == '"' {
                quoted = false;
                flush(&mut word, &mut out);
            } else {
                word.push(ch);
            }
            continue;
        }
        match ch {
            '\'' => {
                flush(&mut word, &mut out);
                in_str = true;
            }
            '"' => {
                flush(&mut word, &mut out);
                quoted = true;
            }
            c if c.is_alphanumeric() || c == '_' || c == '$' => word.push(c),
            _ => flush(&mut word, &mut out),
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_type_start_after_mode(c: &Cursor) -> bool {
    // `in` could be a parameter named "in" only when followed by a type keyword directly, which
    // is vanishingly rare; treat the mode keyword as a mode.
    matches!(
        c.peek_at(1),
        None | Some(Token::Comma) | Some(Token::RParen)
    )
}

fn is_multiword_type_start(c: &Cursor) -> bool {
    (c.peek_kw("double") && c.peek_kw_at(1, "precision"))
        || ((c.peek_kw("character") || c.peek_kw("char") || c.peek_kw("bit"))
            && c.peek_kw_at(1, "varying"))
        || ((c.peek_kw("timestamp") || c.peek_kw("time"))
            && (c.peek_kw_at(1, "with") || c.peek_kw_at(1, "without")))
}

/// Name part PostgreSQL derives from `EXCLUDE (a WITH =, b WITH &&)`: the element columns
/// joined by `_` (`expr` or the function name for expressions).
fn exclude_name_part(c: &Cursor, (s, e): (usize, usize)) -> String {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut at_element_start = true;
    for i in s..e {
        let t = &c.toks[i].token;
        if depth == 0 && at_element_start {
            parts.push(match (t, c.toks.get(i + 1).map(|t| &t.token)) {
                (Token::LParen, _) => expr_name_part(c, i + 1),
                (Token::Word(w), Some(Token::LParen)) => w.value.to_ascii_lowercase(),
                (Token::Word(w), _) if w.quote_style.is_some() => c.dialect.fold_quoted(&w.value),
                (Token::Word(w), _) => c.dialect.fold_ident(&w.value),
                _ => "expr".to_string(),
            });
            at_element_start = false;
        }
        match t {
            Token::LParen => depth += 1,
            Token::RParen => depth -= 1,
            Token::Comma if depth == 0 => at_element_start = true,
            _ => {}
        }
    }
    parts.join("_")
}

/// `ALL` stands for every privilege the object kind has.
fn expand_privilege(kind: &str, privilege: &str, columns: bool) -> Vec<&'static str> {
    if privilege != "ALL" {
        return vec![match privilege {
            "SELECT" => "SELECT",
            "INSERT" => "INSERT",
            "UPDATE" => "UPDATE",
            "DELETE" => "DELETE",
            "TRUNCATE" => "TRUNCATE",
            "REFERENCES" => "REFERENCES",
            "TRIGGER" => "TRIGGER",
            "USAGE" => "USAGE",
            "CREATE" => "CREATE",
            "EXECUTE" => "EXECUTE",
            "MAINTAIN" => "MAINTAIN",
            "CONNECT" => "CONNECT",
            _ => "TEMPORARY",
        }];
    }
    match (kind, columns) {
        ("TABLE", true) => vec!["SELECT", "INSERT", "UPDATE", "REFERENCES"],
        ("TABLE", false) => vec![
            "SELECT",
            "INSERT",
            "UPDATE",
            "DELETE",
            "TRUNCATE",
            "REFERENCES",
            "TRIGGER",
        ],
        ("SEQUENCE", _) => vec!["USAGE", "SELECT", "UPDATE"],
        ("SCHEMA", _) => vec!["USAGE", "CREATE"],
        ("TYPE", _) => vec!["USAGE"],
        _ => vec!["EXECUTE"],
    }
}

/// PostgreSQL keeps one index for identical key constraints in one `CREATE TABLE`
/// (`id int PRIMARY KEY UNIQUE`): the primary key, else the first; an unnamed survivor takes
/// the name of the one dropped.
fn dedup_key_constraints(list: &mut Vec<PendingConstraint>) {
    let key = |p: &PendingConstraint| match &p.kind {
        ConstraintKind::PrimaryKey { columns, include } => {
            Some((columns.clone(), include.clone(), false))
        }
        ConstraintKind::Unique {
            columns,
            include,
            nulls_not_distinct,
        } => Some((columns.clone(), include.clone(), *nulls_not_distinct)),
        _ => None,
    };
    // Primary key first, as PostgreSQL orders them.
    if let Some(pk) = list
        .iter()
        .position(|p| matches!(p.kind, ConstraintKind::PrimaryKey { .. }))
    {
        let item = list.remove(pk);
        list.insert(0, item);
    }
    let mut i = 0;
    while i < list.len() {
        let dup = key(&list[i]).and_then(|k| {
            (0..i).find(|&j| {
                key(&list[j]).as_ref() == Some(&k)
                    && list[j].deferrable == list[i].deferrable
                    && list[j].initially_deferred == list[i].initially_deferred
            })
        });
        match dup {
            Some(j) => {
                let removed = list.remove(i);
                if list[j].name.is_none() {
                    list[j].name = removed.name;
                }
            }
            None => i += 1,
        }
    }
}
