//! `CREATE TYPE`, `ALTER TYPE`, `CREATE DOMAIN`, and objects kept by definition.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::{numbered_name, NameKind, Syntax};
use crate::dialects::sql::type_parts_sql;
use crate::dialects::Dialect;
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
        if c.eat_kw("as") {
            c.expect(&Token::LParen)?;
            let mut attrs = Vec::new();
            if !c.eat(&Token::RParen) {
                loop {
                    attrs.push(self.attribute(c)?);
                    if c.eat(&Token::RParen) {
                        break;
                    }
                    c.expect(&Token::Comma)?;
                }
            }
            let text = c.rest_text(start).to_string();
            self.add_type_object(name, TypeParts::Composite(attrs), Some(text));
            return Ok(());
        }
        self.created_types.insert(name);
        self.unsupported("`CREATE TYPE` (base or shell type)", at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// `name type [COLLATE c]` in a composite type's list.
    fn attribute(&mut self, c: &mut Cursor) -> PResult<Attribute> {
        let name = c.ident()?;
        let (ty, _) = self.parse_type(c)?;
        let collation = if c.eat_kw("collate") {
            Some(self.collation_name(c)?)
        } else {
            None
        };
        Ok(Attribute {
            name,
            ty,
            collation,
        })
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
        let attrs = match self.type_parts(ObjectKind::CompositeType, &name) {
            Some(TypeParts::Composite(a)) => Some(a),
            _ => None,
        };
        if let Some(mut attrs) = attrs {
            if let Some(()) = self.alter_attributes(c, at, &name, &mut attrs)? {
                self.add_type_object(name, TypeParts::Composite(attrs), None);
                return Ok(());
            }
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER TYPE .. {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// `ALTER TYPE t ADD | DROP | ALTER | RENAME ATTRIBUTE ..[, ..]` on composite type `t`:
    /// `None` (nothing read) for another form.
    fn alter_attributes(
        &mut self,
        c: &mut Cursor,
        at: Location,
        name: &QualName,
        attrs: &mut Vec<Attribute>,
    ) -> PResult<Option<()>> {
        let start = c.pos;
        loop {
            if c.eat_kws(&["add", "attribute"]) {
                let a = self.attribute(c)?;
                if attrs.iter().any(|x| x.name == a.name) {
                    let msg = format!("type {} already has an attribute {}", name.name, a.name);
                    self.warn(c, at, msg);
                } else {
                    attrs.push(a);
                }
            } else if c.eat_kws(&["drop", "attribute"]) {
                let if_exists = c.eat_kws(&["if", "exists"]);
                let n = c.ident()?;
                let before = attrs.len();
                attrs.retain(|x| x.name != n);
                if attrs.len() == before && !if_exists {
                    let msg = format!("type {} has no attribute {n}", name.name);
                    self.warn(c, at, msg);
                }
            } else if c.eat_kws(&["alter", "attribute"]) {
                let n = c.ident()?;
                c.eat_kws(&["set", "data"]);
                c.expect_kw("type")?;
                let (ty, _) = self.parse_type(c)?;
                let collation = if c.eat_kw("collate") {
                    Some(self.collation_name(c)?)
                } else {
                    None
                };
                match attrs.iter_mut().find(|x| x.name == n) {
                    Some(x) => {
                        x.ty = ty;
                        x.collation = collation;
                    }
                    None => {
                        let msg = format!("type {} has no attribute {n}", name.name);
                        self.warn(c, at, msg);
                    }
                }
            } else if c.eat_kws(&["rename", "attribute"]) {
                let n = c.ident()?;
                c.expect_kw("to")?;
                let to = c.ident()?;
                match attrs.iter_mut().find(|x| x.name == n) {
                    Some(x) => x.name = to,
                    None => {
                        let msg = format!("type {} has no attribute {n}", name.name);
                        self.warn(c, at, msg);
                    }
                }
            } else if c.pos == start {
                return Ok(None);
            } else {
                return c.expected("`ADD`, `DROP`, `ALTER` or `RENAME ATTRIBUTE`");
            }
            let _ = c.eat_kw("cascade") || c.eat_kw("restrict");
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        if !c.at_end() {
            return c.expected("end of statement");
        }
        Ok(Some(()))
    }

    /// `ALTER DOMAIN d ..`: its default, `NOT NULL` and checks change the domain; ownership
    /// is not compared; other forms are reported.
    pub(super) fn alter_domain(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        let name = c.qual_name(&self.search_schema.clone())?;
        if self.owner_to(c, at) {
            return Ok(());
        }
        let parts = match self.type_parts(ObjectKind::Domain, &name) {
            Some(TypeParts::Domain(p)) => Some(p),
            _ => None,
        };
        let Some(mut p) = parts else {
            let msg = format!("ALTER DOMAIN on unknown domain {}", name.name);
            self.warn(c, at, msg);
            c.pos = c.toks.len();
            return Ok(());
        };
        let missing = |n: &str| format!("domain {} has no constraint {n}", name.name);
        let mut problem: Option<String> = None;
        if c.eat_kws(&["set", "default"]) {
            p.default = Some(domain_default(c)?);
        } else if c.eat_kws(&["drop", "default"]) {
            p.default = None;
        } else if c.eat_kws(&["set", "not", "null"]) {
            p.not_null = true;
        } else if c.eat_kws(&["drop", "not", "null"]) {
            p.not_null = false;
        } else if c.eat_kw("add") {
            let given = if c.eat_kw("constraint") {
                Some(c.ident()?)
            } else {
                None
            };
            if c.eat_kws(&["not", "null"]) {
                p.not_null = true;
            } else {
                c.expect_kw("check")?;
                let r = c.paren_group()?;
                let expr = c.sql_expr(r);
                c.eat_kws(&["not", "valid"]);
                let n = given.unwrap_or_else(|| {
                    let make = |l: &str| format!("{}_{l}", name.name);
                    numbered_name("check", make, |n| p.checks.iter().any(|x| x.0 == n)).into()
                });
                p.checks.push((n, expr));
            }
        } else if c.eat_kws(&["drop", "constraint"]) {
            let if_exists = c.eat_kws(&["if", "exists"]);
            let n = c.ident()?;
            let before = p.checks.len();
            p.checks.retain(|x| x.0 != n);
            if p.checks.len() == before && !if_exists {
                problem = Some(missing(&n));
            }
            let _ = c.eat_kw("cascade") || c.eat_kw("restrict");
        } else if c.eat_kws(&["rename", "constraint"]) {
            let n = c.ident()?;
            c.expect_kw("to")?;
            let to = c.ident()?;
            match p.checks.iter_mut().find(|x| x.0 == n) {
                Some(x) => x.0 = to,
                None => problem = Some(missing(&n)),
            }
        } else if c.eat_kws(&["validate", "constraint"]) {
            c.ident()?;
        } else {
            let kind = first_words(c, 2);
            self.unsupported(format!("`ALTER DOMAIN .. {kind}`"), at);
            c.pos = c.toks.len();
            return Ok(());
        }
        if !c.at_end() {
            return c.expected("end of statement");
        }
        if let Some(msg) = problem {
            self.warn(c, at, msg);
        }
        self.add_type_object(name, TypeParts::Domain(p), None);
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
        c.eat_kw("as");
        let (base, _) = self.parse_type(c)?;
        let mut parts = DomainParts {
            base,
            collation: None,
            default: None,
            not_null: false,
            checks: Vec::new(),
        };
        let mut unnamed = Vec::new();
        let mut next_name: Option<Str> = None;
        while !c.at_end() {
            if c.eat_kw("collate") {
                parts.collation = Some(self.collation_name(c)?);
            } else if c.eat_kw("constraint") {
                next_name = Some(c.ident()?);
            } else if c.eat_kw("default") {
                parts.default = Some(domain_default(c)?);
            } else if c.eat_kws(&["not", "null"]) {
                parts.not_null = true;
                next_name = None;
            } else if c.eat_kw("null") {
                parts.not_null = false;
                next_name = None;
            } else if c.eat_kw("check") {
                let r = c.paren_group()?;
                let expr = c.sql_expr(r);
                c.eat_kws(&["not", "valid"]);
                match next_name.take() {
                    Some(n) => parts.checks.push((n, expr)),
                    None => {
                        unnamed.push(parts.checks.len());
                        parts.checks.push((Str::default(), expr));
                    }
                }
            } else {
                return c.expected("`DEFAULT`, `NOT NULL`, `CHECK` or `COLLATE`");
            }
        }
        for i in unnamed {
            parts.checks[i].0 = self.domain_check_name(&name);
        }
        let text = c.rest_text(0).to_string();
        self.add_type_object(name, TypeParts::Domain(parts), Some(text));
        Ok(())
    }

    /// PostgreSQL's name for an unnamed check of domain `name`: `<name>_check`, numbered
    /// when the schema has that constraint name already.
    fn domain_check_name(&mut self, name: &QualName) -> Str {
        let n = self.choose_name(name, "", "check", NameKind::Constraint);
        self.names.take(name, &n, NameKind::Constraint);
        n
    }

    /// The parts of domain or composite type `name`, if the schema has it.
    fn type_parts(&self, kind: ObjectKind, name: &QualName) -> Option<TypeParts> {
        let id = ObjectId {
            kind,
            signature: name.to_string(),
        };
        let o = self.schema.objects.get(&id)?;
        o.parts.as_deref().cloned()
    }

    /// Register a domain or composite type from its parts; `text` is its definition as
    /// written (`None`: written from the parts, after an `ALTER`).
    pub(super) fn add_type_object(
        &mut self,
        name: QualName,
        parts: TypeParts,
        text: Option<String>,
    ) {
        let d = self.dialect;
        let (kind, word) = match &parts {
            TypeParts::Domain(_) => (ObjectKind::Domain, "DOMAIN"),
            TypeParts::Composite(_) => (ObjectKind::CompositeType, "TYPE"),
        };
        let quoted = d.quote_name(&name);
        let text = text.unwrap_or_else(|| type_parts_sql(d, &quoted, &parts));
        let key = type_parts_key(d, &name, &parts);
        let id = ObjectId {
            kind,
            signature: name.to_string(),
        };
        let (comment, extra) = match self.schema.objects.get(&id) {
            Some(o) => (o.comment.clone(), o.extra.clone()),
            None => (None, Vec::new()),
        };
        self.schema.objects.insert(
            id.clone(),
            Object {
                id,
                create: Sql::new(text, key),
                drop: format!("DROP {word} {quoted}"),
                comment_target: format!("{word} {quoted}"),
                comment,
                extra,
                table: None,
                parts: Some(Box::new(parts)),
            },
        );
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
                parts: None,
            },
        );
    }
}

/// A domain's `DEFAULT` expression, after the `DEFAULT`.
fn domain_default(c: &mut Cursor) -> PResult<Sql> {
    const STOP: &[&str] = &["constraint", "not", "null", "check", "collate"];
    let start = c.pos;
    if c.peek_tok(&Token::LParen) {
        c.paren_group()?;
    } else if c.at_end() {
        return c.expected("a default expression");
    } else {
        c.next();
    }
    let r = (start, c.until(stop_at(STOP)).1);
    Ok(c.sql_expr(r))
}

/// The key a domain or composite type is compared by: its parts, checks by name (the
/// order pg_dump prints them in).
fn type_parts_key(d: &dyn Dialect, name: &QualName, parts: &TypeParts) -> String {
    match parts {
        TypeParts::Domain(p) => {
            let mut s = format!("domain {name} as {}", d.render_type(&p.base));
            if let Some(coll) = &p.collation {
                s.push_str(&format!(" collate {coll}"));
            }
            if let Some(def) = &p.default {
                s.push_str(&format!(" default {}", def.key));
            }
            if p.not_null {
                s.push_str(" not null");
            }
            let mut checks: Vec<&(Str, Sql)> = p.checks.iter().collect();
            checks.sort_by(|x, y| x.0.cmp(&y.0));
            for (n, e) in checks {
                s.push_str(&format!(" constraint {n} check ({})", e.key));
            }
            s
        }
        TypeParts::Composite(attrs) => {
            let list: Vec<String> = attrs
                .iter()
                .map(|a| {
                    let coll = a.collation.as_deref().unwrap_or("");
                    format!("{} {} {coll}", a.name, d.render_type(&a.ty))
                })
                .collect();
            format!("type {name} as ({})", list.join(", "))
        }
    }
}
