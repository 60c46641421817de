//! `ALTER TABLE`.

use super::builder::*;
use super::constraint::{is_table_constraint_start, release_constraint};
use super::create_table::set_storage_params;
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::{NameKind, Syntax};
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};

impl Builder<'_> {
    pub(super) fn alter_table(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.eat_kws(&["if", "exists"]);
        c.eat_kw("only");
        let name = c.qual_name(&self.search_schema.clone())?;
        c.eat(&Token::Mul);
        if !self.schema.tables.contains_key(&name) {
            if self.owner_to(c, at) {
                return Ok(());
            }
            let msg = format!("ALTER TABLE on unknown table {}", name.name);
            self.warn(c, at, msg);
            c.pos = c.toks.len();
            return Ok(());
        }
        self.current_table = name.clone();
        self.pending_indexes.clear();
        loop {
            self.alter_table_action(c, &name, at)?;
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        for index in std::mem::take(&mut self.pending_indexes) {
            self.schema.indexes.insert(index.name.clone(), index);
        }
        if !c.at_end() {
            return c.expected("`,` or end of statement");
        }
        Ok(())
    }

    /// One action of an `ALTER TABLE`.
    pub(super) fn alter_table_action(
        &mut self,
        c: &mut Cursor,
        name: &QualName,
        at: Location,
    ) -> PResult<()> {
        if c.eat_kw("add") {
            return self.alter_table_add(c, name);
        }
        if c.eat_kw("drop") {
            return self.alter_table_drop(c, name);
        }
        if c.eat_kw("alter") {
            c.eat_kw("column");
            let col = c.ident()?;
            return self.alter_column(c, name, &col, at);
        }
        if c.eat_kw("rename") {
            return self.alter_table_rename(c, name, at);
        }
        if c.peek_kw("modify") || c.peek_kw("change") {
            return self.alter_table_modify(c, name);
        }
        if self.owner_to(c, at) {
            return Ok(());
        }
        let rls = [
            (
                &["enable", "row", "level", "security"][..],
                Some(true),
                None,
            ),
            (
                &["disable", "row", "level", "security"][..],
                Some(false),
                None,
            ),
            (&["force", "row", "level", "security"][..], None, Some(true)),
            (
                &["no", "force", "row", "level", "security"][..],
                None,
                Some(false),
            ),
        ];
        for (words, enabled, forced) in rls {
            if c.eat_kws(words) {
                if self.allowed(Syntax::RowSecurity, "row level security", at) {
                    let t = self.table_mut(name);
                    t.row_security = enabled.unwrap_or(t.row_security);
                    t.force_row_security = forced.unwrap_or(t.force_row_security);
                }
                return Ok(());
            }
        }
        if c.eat_kws(&["attach", "partition"]) {
            let child = c.qual_name(&self.search_schema.clone())?;
            let bound = self.partition_bound(c)?;
            if !self.allowed(Syntax::Partitions, "`ATTACH PARTITION`", at) {
                return Ok(());
            }
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
        if c.peek_kw("set") && c.peek_tok_at(1, &Token::LParen) {
            c.next();
            if let Some(opts) = self.storage_params(c, at)? {
                set_storage_params(self.table_mut(name), opts);
            }
            return Ok(());
        }
        let logged = c.eat_kws(&["set", "logged"]);
        if logged || c.eat_kws(&["set", "unlogged"]) {
            if self.allowed(Syntax::UnloggedTables, "`UNLOGGED` tables", at) {
                let t = self.table_mut(name);
                t.attrs.retain(|a| *a != TableAttr::Unlogged);
                if !logged {
                    t.attrs.insert(0, TableAttr::Unlogged);
                }
            }
            return Ok(());
        }
        if self.mysql_alter_options(c, name)? {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER TABLE .. {kind}`"), at);
        c.until(|_| false);
        Ok(())
    }

    /// `ADD [COLUMN] ...` or `ADD [CONSTRAINT] ...`.
    fn alter_table_add(&mut self, c: &mut Cursor, name: &QualName) -> PResult<()> {
        if self.at_inline_index(c) {
            return self.inline_index(c, name);
        }
        if is_table_constraint_start(c) {
            let pending = self.table_constraint(c)?;
            let mut table = self.take_table(name);
            self.add_constraints(&mut table, pending.into_iter().collect());
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
        Ok(())
    }

    /// MySQL's `MODIFY [COLUMN] col definition` and `CHANGE [COLUMN] old new definition`:
    /// the column is defined anew in its place (`FIRST` / `AFTER x` are not kept).
    fn alter_table_modify(&mut self, c: &mut Cursor, name: &QualName) -> PResult<()> {
        let change = c.eat_kw("change");
        if !change {
            c.eat_kw("modify");
        }
        c.eat_kw("column");
        let old = if change { Some(c.ident()?) } else { None };
        let pc = self.column_def(c)?;
        if !c.eat_kw("first") && c.eat_kw("after") {
            c.ident()?;
        }
        let old = old.unwrap_or_else(|| pc.column.name.clone());
        let new = pc.column.name.clone();
        let mut table = self.take_table(name);
        let Some(i) = table.columns.get_index_of(&old) else {
            self.put_table(table);
            return Ok(());
        };
        table.columns.shift_remove_index(i);
        let (last, _) = table.columns.insert_full(new.clone(), pc.column);
        table.columns.move_index(last, i);
        self.add_constraints(&mut table, pc.constraints);
        self.put_table(table);
        if old != new {
            self.rename_column_references(name, &old, &new);
        }
        Ok(())
    }

    /// `DROP CONSTRAINT x` or `DROP [COLUMN] x`; MySQL's `DROP FOREIGN KEY x`, `DROP CHECK x`,
    /// `DROP INDEX x` / `DROP KEY x` and `DROP PRIMARY KEY`.
    fn alter_table_drop(&mut self, c: &mut Cursor, name: &QualName) -> PResult<()> {
        if c.eat_kws(&["primary", "key"]) {
            if let Some(t) = self.schema.tables.get_mut(name) {
                let names = &mut *self.names;
                t.constraints.retain(|_, k| {
                    let pk = matches!(k.kind, ConstraintKind::PrimaryKey { .. });
                    if pk {
                        release_constraint(names, name, k);
                    }
                    !pk
                });
            }
            return Ok(());
        }
        if c.peek_kw("index") || c.peek_kw("key") {
            c.next();
            let item = c.ident()?;
            self.drop_table_index(name, &item);
            return Ok(());
        }
        let constraint =
            c.eat_kw("constraint") || c.eat_kws(&["foreign", "key"]) || c.eat_kw("check");
        if !constraint {
            c.eat_kw("column");
        }
        c.eat_kws(&["if", "exists"]);
        let item = c.ident()?;
        c.eat_kw("cascade");
        c.eat_kw("restrict");
        // MySQL's `DROP FOREIGN KEY t_ibfk_1`: a name the server gave. And the index the
        // server made for a foreign key stays when the key is dropped: made before it goes.
        if constraint
            && (self.schema.tables.get(name)).is_some_and(|t| {
                t.constraints
                    .get(&item)
                    .is_none_or(|k| matches!(k.kind, ConstraintKind::ForeignKey { .. }))
            })
        {
            self.dialect.complete_table(&mut self.schema, name);
        }
        if let Some(t) = self.schema.tables.get_mut(name) {
            if constraint {
                if let Some(k) = t.constraints.shift_remove(&item) {
                    release_constraint(&mut *self.names, name, &k);
                }
            } else if t.columns.shift_remove(&item).is_some() {
                self.drop_column_dependants(name, &item);
            }
        }
        Ok(())
    }

    /// MySQL's `DROP INDEX x` of a table (`ALTER TABLE t DROP INDEX x`, `DROP INDEX x ON t`):
    /// the index, or the primary or unique key, of that name. A foreign key or check of that
    /// name stays (MySQL names a foreign key's index after the constraint; found by the
    /// property tests, issue 17).
    pub(super) fn drop_table_index(&mut self, table: &QualName, item: &str) {
        // MySQL named the table's unnamed keys when it made them (`ADD UNIQUE KEY (c0)` then
        // `DROP INDEX c0`); found by the property tests (issue 17).
        self.dialect.complete_table(&mut self.schema, table);
        if let Some(t) = self.schema.tables.get_mut(table) {
            let key = t.constraints.get(item).is_some_and(|k| {
                matches!(
                    k.kind,
                    ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. }
                )
            });
            if key {
                if let Some(k) = t.constraints.shift_remove(item) {
                    release_constraint(&mut *self.names, table, &k);
                }
            }
        }
        let ns = index_namespace(table);
        self.schema.indexes.retain(|k, i| {
            !(i.table == *table && k.name == item && (k.schema == ns || k.schema == table.schema))
        });
    }

    /// What a database drops with a column: the table's indexes and constraints that involve it.
    fn drop_column_dependants(&mut self, table: &QualName, col: &str) {
        let d = self.dialect;
        let mentions = |sql: &Sql| super::expr::mentions(&sql.text, col, d);
        let has = |cols: &[crate::model::Str]| cols.iter().any(|c| c == col);
        let names = &mut *self.names;
        if let Some(t) = self.schema.tables.get_mut(table) {
            t.constraints.retain(|_, k| {
                let keep = match &k.kind {
                    ConstraintKind::PrimaryKey { columns, include }
                    | ConstraintKind::Unique {
                        columns, include, ..
                    } => !has(columns) && !has(include),
                    ConstraintKind::ForeignKey { columns, .. } => !has(columns),
                    ConstraintKind::Check { expr, .. } => !mentions(expr),
                    ConstraintKind::Exclude { body } => !mentions(body),
                };
                if !keep {
                    release_constraint(names, table, k);
                }
                keep
            });
        }
        self.schema.indexes.retain(|n, i| {
            let keep = i.table != *table
                || !(i.keys.iter().any(|k| mentions(&k.expr))
                    || has(&i.include)
                    || i.predicate.as_deref().is_some_and(mentions));
            if !keep {
                names.release(n, &n.name, NameKind::Relation);
            }
            keep
        });
        // And the sequences it owns (`serial`, `OWNED BY`).
        self.schema.sequences.retain(|_, s| {
            s.owned_by
                .as_ref()
                .is_none_or(|(t, c)| t != table || c != col)
        });
    }

    /// What a database does on `RENAME COLUMN`: the table's constraints and indexes, and the
    /// foreign keys that reference the column, follow the new name.
    fn rename_column_references(&mut self, table: &QualName, old: &str, new: &str) {
        let d = self.dialect;
        let rename = |cols: &mut Vec<Str>| {
            for c in cols.iter_mut().filter(|c| *c == old) {
                *c = new.into();
            }
        };
        for t in self.schema.tables.values_mut() {
            let own = t.name == *table;
            for k in t.constraints.values_mut() {
                match &mut k.kind {
                    ConstraintKind::PrimaryKey { columns, include }
                    | ConstraintKind::Unique {
                        columns, include, ..
                    } if own => {
                        rename(columns);
                        rename(include);
                    }
                    ConstraintKind::Check { expr, .. } if own => {
                        *expr = super::expr::rename_ident(expr, old, new, d);
                    }
                    ConstraintKind::Exclude { body } if own => {
                        *body = super::expr::rename_ident(body, old, new, d);
                    }
                    ConstraintKind::ForeignKey {
                        columns,
                        ref_table,
                        ref_columns,
                        ..
                    } => {
                        if own {
                            rename(columns);
                        }
                        if ref_table == table {
                            rename(ref_columns);
                        }
                    }
                    _ => {}
                }
            }
        }
        for i in self
            .schema
            .indexes
            .values_mut()
            .filter(|i| i.table == *table)
        {
            for k in &mut i.keys {
                k.expr = super::expr::rename_ident(&k.expr, old, new, d);
            }
            rename(&mut i.include);
            if let Some(p) = &mut i.predicate {
                **p = super::expr::rename_ident(p, old, new, d);
            }
        }
        for s in self.schema.sequences.values_mut() {
            if let Some((owner, column)) = &mut s.owned_by {
                if owner == table && *column == old {
                    *column = new.into();
                }
            }
        }
    }

    /// What a database does on `RENAME TO`: indexes and the foreign keys that reference the
    /// table follow it.
    fn rename_table_references(&mut self, old: &QualName, new: &QualName) {
        for t in self.schema.tables.values_mut() {
            for k in t.constraints.values_mut() {
                if let ConstraintKind::ForeignKey { ref_table, .. } = &mut k.kind {
                    if ref_table == old {
                        *ref_table = new.clone();
                    }
                }
            }
        }
        for i in self.schema.indexes.values_mut().filter(|i| i.table == *old) {
            i.table = new.clone();
        }
        // MySQL's keys written in a table are named within it (`index_namespace`): they move
        // with it, so a later `DROP INDEX k ON new` finds them.
        let (old_ns, new_ns) = (index_namespace(old), index_namespace(new));
        let moved: Vec<QualName> = (self.schema.indexes.iter())
            .filter(|(k, i)| i.table == *new && k.schema == old_ns)
            .map(|(k, _)| k.clone())
            .collect();
        for k in moved {
            if let Some(mut i) = self.schema.indexes.shift_remove(&k) {
                i.name.schema = new_ns.clone();
                self.schema.indexes.insert(i.name.clone(), i);
            }
        }
        // A sequence stays owned by its column (`serial`'s keeps its name, `a_id_seq`).
        for s in self.schema.sequences.values_mut() {
            if let Some((table, _)) = &mut s.owned_by {
                if table == old {
                    *table = new.clone();
                }
            }
        }
    }

    /// `RENAME TO t`, `RENAME CONSTRAINT a TO b`, `RENAME [COLUMN] a TO b`.
    fn alter_table_rename(&mut self, c: &mut Cursor, name: &QualName, at: Location) -> PResult<()> {
        if c.eat_kw("to") {
            let new = c.ident()?;
            if let Some(mut t) = self.schema.tables.shift_remove(name) {
                t.name.name = new;
                let renamed = t.name.clone();
                self.schema.tables.insert(t.name.clone(), t);
                self.rename_table_references(name, &renamed);
            }
            return Ok(());
        }
        // MySQL's `RENAME {INDEX|KEY} a TO b`.
        if c.peek_kw("index") || c.peek_kw("key") {
            c.next();
            let old = c.ident()?;
            c.expect_kw("to")?;
            let new = c.ident()?;
            // (Unnamed keys are named as MySQL names them first, as for `DROP INDEX`.)
            self.dialect.complete_table(&mut self.schema, name);
            let ns = index_namespace(name);
            let key = (self.schema.indexes.iter())
                .find(|(k, i)| {
                    i.table == *name && k.name == old && (k.schema == ns || k.schema == name.schema)
                })
                .map_or_else(
                    || QualName::new(ns.clone(), old.as_str()),
                    |(k, _)| k.clone(),
                );
            if let Err(why) = self.rename_index(&key, Some(name), new) {
                self.warn(c, at, format!("RENAME INDEX on table {}: {why}", name.name));
            }
            return Ok(());
        }
        let constraint = c.eat_kw("constraint");
        if !constraint {
            c.eat_kw("column");
        }
        let old = c.ident()?;
        c.expect_kw("to")?;
        let new = c.ident()?;
        let t = self.table_mut(name);
        if constraint {
            if let Some(mut con) = t.constraints.shift_remove(&old) {
                con.name = new.clone();
                t.constraints.insert(new, con);
            }
        } else if let Some(i) = t.columns.get_index_of(&old) {
            // The column keeps its place.
            let (_, mut col) = t.columns.shift_remove_index(i).expect("index just found");
            col.name = new.clone();
            let (last, _) = t.columns.insert_full(new.clone(), col);
            t.columns.move_index(last, i);
            self.rename_column_references(name, &old, &new);
        }
        Ok(())
    }

    /// Take a table out (leaving a placeholder) to change it while `self` is borrowed.
    pub(super) fn take_table(&mut self, name: &QualName) -> Table {
        std::mem::replace(self.table_mut(name), Table::new(name.clone()))
    }

    pub(super) fn put_table(&mut self, table: Table) {
        let name = table.name.clone();
        *self.table_mut(&name) = table;
    }

    pub(super) fn table_mut(&mut self, name: &QualName) -> &mut Table {
        self.schema
            .tables
            .get_mut(name)
            .expect("table checked by caller")
    }

    pub(super) fn alter_column(
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
            self.table_mut(table).columns[col].set_default(Some(d));
        } else if c.eat_kws(&["drop", "default"]) {
            self.table_mut(table).columns[col].set_default(None);
        } else if c.eat_kws(&["set", "not", "null"]) {
            self.table_mut(table).columns[col].not_null = true;
        } else if c.eat_kws(&["drop", "not", "null"]) {
            self.table_mut(table).columns[col].not_null = false;
        } else if c.eat_kws(&["set", "data", "type"]) || c.eat_kw("type") {
            let (ty, _) = self.column_type(c)?;
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
            column.identity = Some(Box::new(identity));
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
}
