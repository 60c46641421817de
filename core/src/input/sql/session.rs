//! `SET`, `SELECT` (pg_dump housekeeping), `DROP`.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::model::{ObjectId, ObjectKind};
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
                    if self.schema.tables.shift_remove(&q).is_some() {
                        self.schema.indexes.retain(|_, i| i.table != q);
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
                    } else {
                        self.schema.indexes.shift_remove(&q);
                    }
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
