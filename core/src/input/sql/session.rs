//! `SET`, `SELECT` (pg_dump housekeeping), `DROP`.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::NameKind;
use crate::model::{ObjectId, ObjectKind, Table};
use sqlparser::tokenizer::{Location, Token};

impl Builder<'_> {
    // ----- SET, SELECT, DROP ------------------------------------------------------------------

    pub(super) fn set(&mut self, c: &mut Cursor) -> PResult<()> {
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
                Some(Token::Word(_)) => c.ident()?.to_string(),
                _ => String::new(),
            };
            self.set_search_schema(&first);
        }
        c.pos = c.toks.len();
        Ok(())
    }

    pub(super) fn set_search_schema(&mut self, first: &str) {
        let s = first.trim_matches('"');
        self.search_schema = if s.is_empty() || s == "\"$user\"" || s == "$user" {
            self.dialect.default_schema().to_string()
        } else {
            s.to_string()
        };
    }

    pub(super) fn select(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
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

    pub(super) fn drop(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
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
        } else if self
            .grammar
            .has(crate::input::sql::Syntax::MysqlTableOptions)
            && ["function", "procedure", "event"]
                .iter()
                .any(|k| c.peek_kw(k))
        {
            // MySQL routines and events (a mysqldump drops each before creating it).
            let kind = match first_words(c, 1).to_ascii_lowercase().as_str() {
                "function" => ObjectKind::Function,
                "procedure" => ObjectKind::Procedure,
                _ => ObjectKind::Event,
            };
            c.next();
            c.eat_kws(&["if", "exists"]);
            let q = c.qual_name(&ss)?;
            let id = ObjectId {
                kind,
                signature: q.to_string(),
            };
            self.schema.objects.shift_remove(&id);
            c.pos = c.toks.len();
            return Ok(());
        } else if [
            "schema",
            "domain",
            "extension",
            "function",
            "procedure",
            "trigger",
            "policy",
        ]
        .iter()
        .any(|k| c.peek_kw(k))
        {
            return self.drop_other(c);
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
                    // A dump drops every table before it creates it: only a table that
                    // exists has indexes to go with it (no scan of every index per drop).
                    if let Some(t) = self.schema.tables.shift_remove(&q) {
                        self.drop_table_parts(&t);
                    }
                }
                "view" => {
                    self.schema.views.shift_remove(&q);
                }
                "index" => {
                    // MySQL's `DROP INDEX name ON table`: names are per table.
                    if c.eat_kw("on") {
                        let table = c.qual_name(&ss)?;
                        self.drop_table_index(&table, &q.name);
                    } else if self.schema.indexes.shift_remove(&q).is_some() {
                        self.names.release(&q, &q.name, NameKind::Relation);
                    }
                }
                "sequence" => {
                    if self.schema.sequences.shift_remove(&q).is_some() {
                        self.names.release(&q, &q.name, NameKind::Relation);
                    }
                }
                _ => {
                    self.schema.enums.shift_remove(&q);
                    let id = ObjectId {
                        kind: ObjectKind::CompositeType,
                        signature: q.to_string(),
                    };
                    self.schema.objects.shift_remove(&id);
                }
            }
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        c.pos = c.toks.len();
        Ok(())
    }

    /// `DROP SCHEMA | DOMAIN | EXTENSION | FUNCTION | PROCEDURE | TRIGGER | POLICY` (a
    /// migration's, or an Alembic revision's `op.execute`): what it names leaves the schema;
    /// `DROP SCHEMA .. CASCADE` takes everything in the schema with it.
    fn drop_other(&mut self, c: &mut Cursor) -> PResult<()> {
        let ss = self.search_schema.clone();
        let word = first_words(c, 1).to_ascii_lowercase();
        c.next();
        c.eat_kws(&["if", "exists"]);
        let mut schemas = Vec::new();
        loop {
            match word.as_str() {
                "schema" => schemas.push(c.ident()?),
                "extension" => {
                    let n = c.ident()?;
                    self.schema.extensions.shift_remove(&n);
                }
                "domain" => {
                    let q = c.qual_name(&ss)?;
                    let id = ObjectId {
                        kind: ObjectKind::Domain,
                        signature: q.to_string(),
                    };
                    self.schema.objects.shift_remove(&id);
                }
                "function" | "procedure" => {
                    let kind = if word == "function" {
                        ObjectKind::Function
                    } else {
                        ObjectKind::Procedure
                    };
                    let q = c.qual_name(&ss)?;
                    if c.peek_tok(&Token::LParen) {
                        let r = c.paren_group()?;
                        let types = self.routine_arg_types(c, r, kind);
                        let id = ObjectId {
                            kind,
                            signature: format!("{q}({})", types.join(",")),
                        };
                        self.schema.objects.shift_remove(&id);
                    } else {
                        // Without arguments: the routine of that name (there is one).
                        let prefix = format!("{q}(");
                        self.schema
                            .objects
                            .retain(|id, _| id.kind != kind || !id.signature.starts_with(&prefix));
                    }
                }
                _ => {
                    // `DROP TRIGGER | POLICY name ON table` (MySQL: `DROP TRIGGER [s.]name`).
                    let kind = if word == "trigger" {
                        ObjectKind::Trigger
                    } else {
                        ObjectKind::Policy
                    };
                    let name = c.qual_name(&ss)?;
                    if c.eat_kw("on") {
                        let table = c.qual_name(&ss)?;
                        let id = ObjectId {
                            kind,
                            signature: format!("{table}.{}", name.name),
                        };
                        self.schema.objects.shift_remove(&id);
                    } else {
                        let suffix = format!(".{}", name.name);
                        self.schema.objects.retain(|id, o| {
                            id.kind != kind
                                || !id.signature.ends_with(&suffix)
                                || o.table.as_ref().is_some_and(|t| t.schema != name.schema)
                        });
                    }
                }
            }
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        let cascade = c.eat_kw("cascade");
        for s in schemas {
            self.schema.namespaces.shift_remove(&s);
            if cascade {
                self.drop_schema_contents(&s);
            }
        }
        c.pos = c.toks.len();
        Ok(())
    }

    /// What goes with dropped table `t`: its indexes and the sequences its columns own; the
    /// names of those, its constraints' and its own are free again.
    fn drop_table_parts(&mut self, t: &Table) {
        let q = &t.name;
        self.names.release(q, &q.name, NameKind::Relation);
        for k in t.constraints.values() {
            super::constraint::release_constraint(&mut *self.names, q, k);
        }
        let names = &mut self.names;
        self.schema.indexes.retain(|n, i| {
            let keep = i.table != *q;
            if !keep {
                names.release(n, &n.name, NameKind::Relation);
            }
            keep
        });
        self.schema.sequences.retain(|n, s| {
            let keep = s.owned_by.as_ref().is_none_or(|(o, _)| o != q);
            if !keep {
                names.release(n, &n.name, NameKind::Relation);
            }
            keep
        });
    }

    /// Everything that lives in schema `s` (`DROP SCHEMA s CASCADE`).
    fn drop_schema_contents(&mut self, s: &str) {
        let sc = &mut self.schema;
        sc.tables.retain(|q, _| q.schema != s);
        sc.views.retain(|q, _| q.schema != s);
        sc.indexes
            .retain(|q, i| q.schema != s && i.table.schema != s);
        sc.sequences.retain(|q, _| q.schema != s);
        sc.enums.retain(|q, _| q.schema != s);
        let prefix = format!("{s}.");
        sc.objects.retain(|id, o| {
            !id.signature.starts_with(&prefix) && o.table.as_ref().is_none_or(|t| t.schema != s)
        });
        sc.grants.retain(|g, _| {
            g.object.schema != s && !(g.object_kind == "SCHEMA" && g.object.name == s)
        });
        sc.extensions.retain(|_, e| e.schema.as_deref() != Some(s));
    }
}
