//! `CREATE [MATERIALIZED] VIEW`, `CREATE SCHEMA`, `CREATE EXTENSION`.

use super::builder::*;
use super::cursor::{is_kw, Cursor, PResult};
use super::expr::query_key;
use crate::model::*;
use sqlparser::tokenizer::Token;

impl Builder<'_> {
    // ----- views ----------------------------------------------------------------------------

    pub(super) fn create_view(&mut self, c: &mut Cursor, materialized: bool) -> PResult<()> {
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        let columns = if c.peek_tok(&Token::LParen) {
            c.ident_list()?
        } else {
            Vec::new()
        };
        let mut options = std::mem::take(&mut self.view_prefix);
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
        self.take_relname(&name);
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

    pub(super) fn create_schema(&mut self, c: &mut Cursor) -> PResult<()> {
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

    pub(super) fn create_extension(&mut self, c: &mut Cursor) -> PResult<()> {
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
}
