//! `CREATE INDEX`, `ALTER INDEX`.

use super::builder::*;
use super::constraint::{index_backed, nulls_distinct};
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::{NameKind, Syntax};
use crate::model::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use sqlparser::tokenizer::{Location, Token};
use std::collections::VecDeque;

impl Builder<'_> {
    // ----- CREATE INDEX -------------------------------------------------------------------

    pub(super) fn create_index(&mut self, c: &mut Cursor) -> PResult<()> {
        if self.grammar.has(Syntax::InlineIndexes) {
            return self.mysql_create_index(c);
        }
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
            index_method(c.ident()?.to_ascii_lowercase())
        } else {
            index_method("btree")
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
            name: QualName::new(table.schema.clone(), Str::default()),
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
            } else if c.peek_kw("with") {
                let at = c.location();
                c.next();
                if let Some(options) = self.storage_params(c, at)? {
                    index.options = options;
                }
            } else if c.peek_kw("tablespace") {
                let at = c.location();
                c.next();
                c.ident()?;
                self.allowed(Syntax::PhysicalClauses, "`TABLESPACE`", at);
            } else if c.eat_kw("where") {
                let r = (c.pos, c.toks.len());
                c.pos = c.toks.len();
                index.predicate = Some(Box::new(c.sql_expr(r)));
            } else {
                return c.expected("`WHERE`, `INCLUDE`, `WITH` or end of statement");
            }
        }
        index.name.name = match explicit {
            Some(n) => n,
            None => {
                let include = index.include.iter().map(|c| c.as_str());
                let parts = index_column_names(key_names.iter().map(String::as_str).chain(include));
                self.choose_name(&table, &parts, "idx", NameKind::Relation)
            }
        };
        if self.schema.indexes.contains_key(&index.name) {
            if if_not_exists {
                return Ok(());
            }
            return c.error(format!("index {} is defined twice", index.name.name));
        }
        self.take_relname(&index.name.clone());
        if let Some(hint) = index_hint {
            let to = index.name.name.clone();
            self.push_rename(c, RenameKind::Index, &table, hint, &to);
        }
        self.schema.indexes.insert(index.name.clone(), index);
        Ok(())
    }

    /// One index key; also the name part PostgreSQL would use for it.
    pub(super) fn index_key(&mut self, c: &mut Cursor) -> PResult<(IndexKey, String)> {
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
                name_part = first.to_string();
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
                key.opclass = Some(Box::new(Sql::new(
                    c.text((s, c.pos)),
                    c.token_key((s, c.pos)),
                )));
            } else {
                break;
            }
        }
        if key.nulls_first == Some(key.descending) {
            key.nulls_first = None;
        }
        Ok((key, name_part))
    }

    pub(super) fn alter_index(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let if_exists = c.eat_kws(&["if", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        if c.eat_kws(&["attach", "partition"]) {
            let child = c.qual_name(&self.search_schema.clone())?;
            self.attached_indexes.push((child, name));
            return Ok(());
        }
        if c.eat_kws(&["rename", "to"]) {
            let new = c.ident()?;
            match self.rename_index(&name, None, new) {
                Ok(()) => {}
                // (`IF EXISTS`: an index that does not exist is no error)
                Err(Refused::Unknown(_)) if if_exists => {}
                Err(why) => self.warn(c, at, format!("ALTER INDEX: {why}")),
            }
            return Ok(());
        }
        if self.owner_to(c, at) {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER INDEX .. {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// PostgreSQL's `ALTER INDEX a RENAME TO b` (`table` `None`: `key` is the index's name in
    /// its schema) and MySQL's `ALTER TABLE t RENAME INDEX a TO b` (`key` in `t`'s index
    /// namespace): the index takes the new name, in its place; or the primary key, unique or
    /// exclusion constraint that the index backs (PostgreSQL renames the constraint with its
    /// index). Refused (the database refuses the statement) when there is neither, or when the
    /// new name is taken.
    pub(super) fn rename_index(
        &mut self,
        key: &QualName,
        table: Option<&QualName>,
        new: impl Into<Str>,
    ) -> Result<(), Refused> {
        let new = new.into();
        let in_scope = |t: &Table| match table {
            Some(table) => t.name == *table,
            None => t.name.schema == key.schema,
        };
        // Where the index is, or else the key it backs (its table's and its own position).
        let at_index = self.schema.indexes.get_index_of(key);
        let at_key = match at_index {
            Some(_) => None,
            None => (self.schema.tables.values().enumerate())
                .filter(|(_, t)| in_scope(t))
                .find_map(|(ti, t)| {
                    let i = t.constraints.get_index_of(key.name.as_str())?;
                    index_backed(&t.constraints[i].kind).then_some((ti, i))
                }),
        };
        if at_index.is_none() && at_key.is_none() {
            return Err(Refused::Unknown(format!("unknown index {}", key.name)));
        }
        if new == key.name {
            return Ok(());
        }
        // (the name of an index, or of a key backed by one, in the same namespace)
        let taken = QualName::new(key.schema.clone(), new.clone());
        let key_named = (self.schema.tables.values()).any(|t| {
            in_scope(t) && (t.constraints.get(new.as_str())).is_some_and(|k| index_backed(&k.kind))
        });
        if self.schema.indexes.contains_key(&taken) || key_named {
            return Err(Refused::Taken(format!(
                "index {new} already exists; the rename of {} is ignored",
                key.name
            )));
        }
        if let Some(i) = at_index {
            let (_, mut index) =
                (self.schema.indexes.shift_remove_index(i)).expect("index just found");
            if table.is_none() {
                self.names.release(key, &key.name, NameKind::Relation);
            }
            index.name.name = new;
            index.implicit_name = false;
            let renamed = index.name.clone();
            if table.is_none() {
                self.take_relname(&renamed);
            }
            let (last, _) = self.schema.indexes.insert_full(renamed, index);
            self.schema.indexes.move_index(last, i);
            return Ok(());
        }
        let (ti, i) = at_key.expect("an index or a key was found");
        let (_, t) = self
            .schema
            .tables
            .get_index_mut(ti)
            .expect("table just found");
        // (another constraint of the table, a check or a foreign key, may have the name)
        if t.constraints.contains_key(&new) {
            return Err(Refused::Taken(format!(
                "constraint {new} already exists; the rename of {} is ignored",
                key.name
            )));
        }
        let (_, mut k) = t
            .constraints
            .shift_remove_index(i)
            .expect("constraint just found");
        k.name = new.clone();
        k.implicit_name = false;
        let (last, _) = t.constraints.insert_full(new.clone(), k);
        t.constraints.move_index(last, i);
        if table.is_none() {
            self.names.release(key, &key.name, NameKind::Relation);
            self.take_relname(&QualName::new(key.schema.clone(), new));
        }
        Ok(())
    }

    /// A partition's index attached to its parent's index is implied by the parent: drop it
    /// (or the constraint it backs). The dropped indexes leave the map in one pass at the
    /// end (thousands of `shift_remove`s each moved the rest of the map).
    pub(super) fn attach_indexes(&mut self) {
        let attached = std::mem::take(&mut self.attached_indexes);
        let mut dropped = HashSet::default();
        // Constraint name -> the tables that have one so named, in order (built when needed,
        // for the attached names only: a dump's other constraints are thousands).
        let mut owners: Option<HashMap<Str, VecDeque<usize>>> = None;
        for (child, _parent) in &attached {
            if self.schema.indexes.contains_key(child) && !dropped.contains(child) {
                dropped.insert(child.clone());
                continue;
            }
            let tables = &mut self.schema.tables;
            let owners = owners.get_or_insert_with(|| {
                let mut owners: HashMap<Str, VecDeque<usize>> = attached
                    .iter()
                    .map(|(c, _)| (c.name.clone(), VecDeque::new()))
                    .collect();
                for (i, t) in tables.values().enumerate() {
                    for name in t.constraints.keys() {
                        if let Some(queue) = owners.get_mut(name) {
                            queue.push_back(i);
                        }
                    }
                }
                owners
            });
            // The first table of the child's schema with a constraint so named.
            let Some(queue) = owners.get_mut(&child.name) else {
                continue;
            };
            let first = queue
                .iter()
                .position(|&i| tables[i].name.schema == child.schema);
            if let Some(at) = first {
                let i = queue.remove(at).expect("position is in the queue");
                tables[i].constraints.shift_remove(&child.name);
            }
        }
        if !dropped.is_empty() {
            self.schema
                .indexes
                .retain(|name, _| !dropped.contains(name));
        }
    }
}

/// Why an index rename is refused: the message of its warning.
pub(super) enum Refused {
    /// No index (or key backed by one) has the old name.
    Unknown(String),
    /// The new name is another index's, key's or constraint's.
    Taken(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Unknown(m) | Refused::Taken(m) => f.write_str(m),
        }
    }
}

/// The column part of the name PostgreSQL gives an unnamed index (and a unique constraint's):
/// each key's name part, then its `INCLUDE` columns, a part met before numbered from 1 (`expr`,
/// `expr1`; `a`, `a1`) and kept within 63 bytes with its number, joined by `_` (its
/// `ChooseIndexColumnNames`).
pub(super) fn index_column_names<S: AsRef<str>>(parts: impl Iterator<Item = S>) -> String {
    let mut out: Vec<String> = Vec::new();
    for part in parts {
        let orig = part.as_ref();
        let mut name = orig.to_string();
        let mut i = 1;
        while out.contains(&name) {
            let n = i.to_string();
            let mut cut = orig.len().min(63 - n.len());
            while !orig.is_char_boundary(cut) {
                cut -= 1;
            }
            name = format!("{}{n}", &orig[..cut]);
            i += 1;
        }
        out.push(name);
    }
    out.join("_")
}

/// Name part PostgreSQL derives from an index expression: the function name or `expr`.
pub(super) fn expr_name_part(c: &Cursor, inner_start: usize) -> String {
    match (
        c.toks.get(inner_start).map(|t| &t.token),
        c.toks.get(inner_start + 1).map(|t| &t.token),
    ) {
        (Some(Token::Word(w)), Some(Token::LParen)) => w.value.to_ascii_lowercase(),
        (Some(Token::Word(w)), Some(Token::RParen)) => w.value.to_ascii_lowercase(),
        _ => "expr".to_string(),
    }
}
