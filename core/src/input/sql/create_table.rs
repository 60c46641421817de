//! `CREATE TABLE`: columns, table clauses, serial sequences.

use super::builder::*;
use super::constraint::{dedup_key_constraints, is_table_constraint_start};
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::{NameKind, Syntax};
use crate::model::*;
use sqlparser::tokenizer::Token;

impl Builder<'_> {
    // ----- CREATE TABLE -------------------------------------------------------------------

    pub(super) fn create_table(&mut self, c: &mut Cursor, unlogged: bool) -> PResult<()> {
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
        if self.grammar.is_internal_table(&name.name) {
            // The database's own tables (SQLite's `sqlite_sequence`) come with it.
            c.pos = c.toks.len();
            return Ok(());
        }
        self.pending_indexes.clear();
        self.current_table = name.clone();
        let mut table = Table::new(name.clone());
        if unlogged {
            table.attrs.push(TableAttr::Unlogged);
        }
        let mut columns = std::mem::take(&mut self.columns);
        columns.clear();
        let mut constraints: Vec<PendingConstraint> = Vec::new();
        if c.peek_kws_any(&[&["partition", "of"]]) {
            let at = c.location();
            c.pos += 2;
            let parent = c.qual_name(&self.search_schema.clone())?;
            if c.peek_tok(&Token::LParen) {
                self.table_elements(c, &mut columns, &mut constraints)?;
            }
            let bound = self.partition_bound(c)?;
            if self.allowed(Syntax::Partitions, "`PARTITION OF`", at) {
                table.partition_of = Some(PartitionOf { parent, bound });
            }
        } else if c.peek_kw("as") || c.peek_kw("of") {
            let at = c.location();
            self.unsupported("`CREATE TABLE .. AS/OF`", at);
            c.pos = c.toks.len();
            return Ok(());
        } else {
            self.table_elements(c, &mut columns, &mut constraints)?;
        }
        let mut sqlite_options = self.table_clauses(c, &mut table)?;
        if columns.iter().any(|p| p.autoincrement) {
            sqlite_options.push(TableAttr::SqliteAutoincrement);
        }
        sqlite_options.sort_unstable();
        table.attrs.extend(sqlite_options);
        self.add_table(table, &mut columns, constraints)?;
        self.columns = columns;
        for index in std::mem::take(&mut self.pending_indexes) {
            if self.schema.indexes.contains_key(&index.name) {
                return c.error(format!("index {} is defined twice", index.name.name));
            }
            self.schema.indexes.insert(index.name.clone(), index);
        }
        Ok(())
    }

    /// The clauses after a table's elements (`INHERITS`, `PARTITION BY`, `WITH (..)`,
    /// `STRICT`...); returns SQLite's table attributes.
    fn table_clauses(&mut self, c: &mut Cursor, table: &mut Table) -> PResult<Vec<TableAttr>> {
        let mut sqlite_options = Vec::new();
        while !c.at_end() {
            let at = c.location();
            if c.eat_kw("inherits") {
                let parents = c.paren_list(|c| c.qual_name(&self.search_schema))?;
                if self.allowed(Syntax::Inheritance, "`INHERITS`", at) {
                    table.inherits = parents;
                }
            } else if c.eat_kws(&["partition", "by"]) {
                let r = c.until(stop_at(&["using", "with", "tablespace", "on"]));
                if self.allowed(Syntax::Partitions, "`PARTITION BY`", at) {
                    table.partition_by = Some(c.sql_expr_tokens(r));
                }
            } else if c.eat_kw("with") {
                if let Some(options) = self.storage_params(c, at)? {
                    set_storage_params(table, options);
                }
            } else if c.eat_kw("using") || c.eat_kw("tablespace") {
                c.ident()?;
                self.allowed(Syntax::PhysicalClauses, "`USING`/`TABLESPACE`", at);
            } else if c.eat_kws(&["without", "oids"]) {
                self.allowed(Syntax::PhysicalClauses, "`WITHOUT OIDS`", at);
            } else if c.eat_kws(&["on", "commit"]) {
                c.next();
                c.eat_kw("rows");
                self.allowed(Syntax::PhysicalClauses, "`ON COMMIT`", at);
            } else if c.eat_kw("strict") {
                if self.allowed(Syntax::StrictTables, "`STRICT` table option", at) {
                    sqlite_options.push(TableAttr::SqliteStrict);
                }
            } else if c.eat_kws(&["without", "rowid"]) {
                if self.allowed(Syntax::WithoutRowid, "`WITHOUT ROWID` table option", at) {
                    sqlite_options.push(TableAttr::SqliteWithoutRowid);
                }
            } else if self.mysql_table_option(c, table)? {
            } else if c.peek_kw("partition") && self.grammar.has(Syntax::MysqlTableOptions) {
                self.unsupported("`PARTITION BY` of a MySQL table", at);
                c.pos = c.toks.len();
            } else if !c.eat(&Token::Comma) {
                return c.expected("table options or end of statement");
            }
        }
        Ok(sqlite_options)
    }

    pub(super) fn partition_bound(&mut self, c: &mut Cursor) -> PResult<Sql> {
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
    pub(super) fn table_elements(
        &mut self,
        c: &mut Cursor,
        columns: &mut Vec<ParsedColumn>,
        constraints: &mut Vec<PendingConstraint>,
    ) -> PResult<()> {
        c.expect(&Token::LParen)?;
        if c.eat(&Token::RParen) {
            return Ok(());
        }
        // Names seen so far, for the duplicate check (a scan of `columns` made 10,000 columns
        // quadratic).
        let mut names: rustc_hash::FxHashSet<Str> =
            columns.iter().map(|p| p.column.name.clone()).collect();
        let table_name = self.current_table.clone();
        loop {
            if self.at_inline_index(c) {
                self.inline_index(c, &table_name)?;
            } else if is_table_constraint_start(c) {
                constraints.extend(self.table_constraint(c)?);
            } else if c.eat_kw("like") {
                let at = c.location();
                self.unsupported("`LIKE` in `CREATE TABLE`", at);
                c.until(|_| false);
            } else {
                let at = c.location();
                let col = self.column_def(c)?;
                if !names.insert(col.column.name.clone()) {
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
    pub(super) fn add_table(
        &mut self,
        mut table: Table,
        columns: &mut Vec<ParsedColumn>,
        mut constraints: Vec<PendingConstraint>,
    ) -> PResult<()> {
        let name = table.name.clone();
        self.take_relname(&name);
        let mut column_constraints = Vec::new();
        let mut serials = Vec::new();
        if table.columns.is_empty() {
            // At its size: a dump's thousands of tables would otherwise keep up to twice the
            // room their columns need (a column is a few hundred bytes).
            table.columns = Map::with_capacity_and_hasher(columns.len(), Default::default());
        }
        for mut pc in columns.drain(..) {
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
        if self.grammar.merges_duplicate_keys() {
            dedup_key_constraints(&mut column_constraints);
        }
        for (col, int_type) in serials {
            self.add_serial(&mut table, &col, int_type);
        }
        self.add_constraints(&mut table, column_constraints);
        self.schema.tables.insert(name, table);
        Ok(())
    }

    pub(super) fn add_serial(&mut self, table: &mut Table, col: &str, int_type: &'static str) {
        let schema = table.name.schema.clone();
        let seq_name = self.choose_name(&table.name, col, "seq", NameKind::Relation);
        let qn = QualName::new(schema, seq_name);
        self.take_relname(&qn);
        let mut seq = Sequence::with_defaults(qn.clone(), int_type);
        seq.owned_by = Some((table.name.clone(), col.into()));
        if let Some(column) = table.columns.get_mut(col) {
            column.default = Some(self.dialect.nextval_default(&qn));
            column.not_null = true;
        }
        self.schema.sequences.insert(qn, seq);
    }

    pub(super) fn column_def(&mut self, c: &mut Cursor) -> PResult<ParsedColumn> {
        let name_at = c.location();
        let name = c.ident()?;
        let renamed_from = self.renamed_from(name_at);
        let (ty, serial) = self.column_type(c)?;
        let mut column = Column {
            name: name.clone(),
            ty,
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            comment: None,
            attrs: Vec::new(),
            null_default: Default::default(),
        };
        let mut constraints: Vec<PendingConstraint> = Vec::new();
        let mut next_name: Option<Str> = None;
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
            } else if self.mysql_column_attr(c, &mut column)? {
            } else if c.eat_kw("default") {
                let start = c.pos;
                if c.peek_tok(&Token::LParen) {
                    c.paren_group()?;
                } else if c.at_end() || c.peek_tok(&Token::Comma) || c.peek_tok(&Token::RParen) {
                    return c.expected("a default expression");
                } else {
                    c.next();
                }
                let stop = if self.grammar.has(Syntax::MysqlColumnAttrs) {
                    super::mysql::MYSQL_COLUMN_STOP
                } else {
                    COLUMN_STOP
                };
                let r = (start, c.until(stop_at(stop)).1);
                column.set_default(Some(c.sql_expr(r)));
            } else if c.peek_kw("generated") {
                let at = c.location();
                c.next();
                let always = c.eat_kws(&["always", "as", "identity"]);
                if always || c.eat_kws(&["by", "default", "as", "identity"]) {
                    let identity = self.identity_options(c, always, &column.ty)?;
                    if self.allowed(Syntax::IdentityColumns, "`GENERATED .. AS IDENTITY`", at) {
                        column.identity = Some(Box::new(identity));
                        column.not_null = true;
                    }
                } else {
                    c.eat_kw("always");
                    c.expect_kw("as")?;
                    column.generated = Some(Box::new(self.generated_expr(c)?));
                }
            } else if c.peek_kw("as") && c.peek_tok_at(1, &Token::LParen) {
                // SQLite's short form `AS (expr) [STORED | VIRTUAL]`.
                c.next();
                column.generated = Some(Box::new(self.generated_expr(c)?));
            } else if c.peek_kw("autoincrement") {
                // SQLite: only valid on an INTEGER PRIMARY KEY; kept as a table option, the way
                // SQLAlchemy's `sqlite_autoincrement` is.
                let at = c.location();
                c.next();
                autoincrement = self.allowed(Syntax::Autoincrement, "`AUTOINCREMENT`", at);
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
                    comment: None,
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

    pub(super) fn identity_options(
        &mut self,
        c: &mut Cursor,
        always: bool,
        ty: &Type,
    ) -> PResult<Identity> {
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
    pub(super) fn generated_expr(&mut self, c: &mut Cursor) -> PResult<Generated> {
        let (s, e) = c.paren_group()?;
        let expr = c.sql_expr((s, e));
        let stored = if c.eat_kw("stored") {
            true
        } else if c.eat_kw("virtual") {
            false
        } else {
            self.grammar.generated_stored_by_default()
        };
        Ok(Generated { expr, stored })
    }
}

/// Replace a table's storage parameters, keeping its attributes in their canonical order
/// (`Unlogged`, storage parameters, the rest).
pub(super) fn set_storage_params(table: &mut Table, params: Vec<String>) {
    let (head, tail): (Vec<TableAttr>, Vec<TableAttr>) = std::mem::take(&mut table.attrs)
        .into_iter()
        .filter(|a| !matches!(a, TableAttr::Storage(_)))
        .partition(|a| *a == TableAttr::Unlogged);
    table.attrs = head;
    table
        .attrs
        .extend(params.into_iter().map(TableAttr::Storage));
    table.attrs.extend(tail);
}
