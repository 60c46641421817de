//! `CREATE TYPE`, `ALTER TYPE`, `CREATE DOMAIN`, and objects kept by definition.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::Syntax;
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};

impl Builder<'_> {
    pub(super) fn create_type(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let start = 0;
        let name = c.qual_name(&self.search_schema.clone())?;
        let (syntax, what) = if c.peek_kws_any(&[&["as", "enum"]]) {
            (Syntax::EnumTypes, "`CREATE TYPE .. AS ENUM`")
        } else {
            (Syntax::CreateType, "`CREATE TYPE`")
        };
        if !self.statement_allowed(c, syntax, what, at) {
            return Ok(());
        }
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
        self.created_types.insert(name);
        self.unsupported("`CREATE TYPE` (base or shell type)", at);
        c.pos = c.toks.len();
        Ok(())
    }

    pub(super) fn alter_type(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let name = c.qual_name(&self.search_schema.clone())?;
        if self.owner_to(c, at) {
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
        if self.schema.enums.contains_key(&name) {
            // What the database does: columns (and arrays) of the type follow a rename or a
            // move, as they refer to it by oid; `RENAME VALUE` keeps the label's place.
            if c.eat_kws(&["rename", "to"]) {
                let to = QualName::new(name.schema.clone(), c.ident()?);
                return self.move_enum(c, at, &name, to);
            }
            if c.eat_kws(&["set", "schema"]) {
                let to = QualName::new(c.ident()?, name.name.clone());
                return self.move_enum(c, at, &name, to);
            }
            if c.eat_kws(&["rename", "value"]) {
                let old = c.string()?;
                c.expect_kw("to")?;
                let new = c.string()?;
                let e = self.schema.enums.get_mut(&name).expect("checked above");
                if e.values.contains(&new) {
                    let msg = format!("enum {} already has the label '{new}'", name.name);
                    self.warn(c, at, msg);
                } else if let Some(v) = e.values.iter_mut().find(|v| **v == old) {
                    *v = new;
                } else {
                    let msg = format!("enum {} has no label '{old}' to rename", name.name);
                    self.warn(c, at, msg);
                }
                return Ok(());
            }
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER TYPE .. {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// `ALTER TYPE e RENAME TO` / `SET SCHEMA` on an enum: the enum and the columns of its
    /// type (and arrays of it) take the new name.
    fn move_enum(
        &mut self,
        c: &mut Cursor,
        at: Location,
        from: &QualName,
        to: QualName,
    ) -> PResult<()> {
        if self.schema.enums.contains_key(&to) {
            let msg = format!("type {} already exists", to.name);
            self.warn(c, at, msg);
            return Ok(());
        }
        // Uses of the old name before this statement named a type the file created.
        self.created_types.insert(from.clone());
        let mut e = self
            .schema
            .enums
            .shift_remove(from)
            .expect("caller checked");
        e.name = to.clone();
        self.schema.enums.insert(to.clone(), e);
        for t in self.schema.tables.values_mut() {
            for col in t.columns.values_mut() {
                if col.ty.user.as_deref() == Some(from) {
                    col.ty.name = format_compact!("{to}");
                    col.ty.user = Some(Box::new(to.clone()));
                }
            }
        }
        Ok(())
    }

    pub(super) fn create_domain(&mut self, c: &mut Cursor) -> PResult<()> {
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
    pub(super) fn add_object(
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
}
