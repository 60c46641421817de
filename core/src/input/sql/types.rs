//! Column types, collations and `( key = value )` option lists.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use super::source::Source;
use crate::diagnostics::Code;
use crate::dialects::grammar::{did_you_mean, Syntax};
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};

impl Builder<'_> {
    /// A column's type, remembered with its position for the unknown-type check
    /// ([`Builder::check_types`]).
    pub(super) fn column_type(&mut self, c: &mut Cursor) -> PResult<(Type, Option<&'static str>)> {
        let at = c.location();
        let start = c.pos;
        let (ty, serial) = self.parse_type(c)?;
        if c.pos > start && !self.grammar.is_builtin_type(&ty) {
            let end = c.src.offset(c.toks[c.pos - 1].span.end);
            self.type_uses.push((ty.clone(), at, end));
        }
        Ok((ty, serial))
    }

    /// Column types that are not built in, not created in the file and not from an extension
    /// it creates: W004, once per type at its first use, with the closest built-in name.
    /// Declared types (SQLite) are free-form: only a likely typo of a known name is reported.
    pub(super) fn check_types(&mut self, src: &Source<'_>) {
        let mut seen: Vec<(Str, usize)> = Vec::new();
        let mut first: Vec<(Str, Location, usize)> = Vec::new();
        for (ty, at, end) in std::mem::take(&mut self.type_uses) {
            let name = ty.user.as_ref().map_or(ty.name.clone(), |u| u.name.clone());
            if self.type_defined(&ty) || self.type_from_extension(&name) {
                continue;
            }
            match seen.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => *count += 1,
                None => {
                    seen.push((name.clone(), 1));
                    first.push((name, at, end));
                }
            }
        }
        for ((name, at, end), (_, count)) in first.into_iter().zip(seen) {
            let suggestion = did_you_mean(&name, self.grammar.builtin_type_names());
            if suggestion.is_none() && self.grammar.declared_types() {
                continue;
            }
            let label = self.dialect.kind().label();
            let mut message = format!("unknown type `{name}`");
            if count > 1 {
                message.push_str(&format!(" ({count} columns)"));
            }
            match suggestion {
                Some(s) => message.push_str(&format!("; did you mean `{s}`?")),
                None => message.push_str(&format!(
                    ": not a {label} type and not created in this file (CREATE TYPE, CREATE DOMAIN)"
                )),
            }
            self.diag(Code::W004, src, at, Some(end), message);
        }
    }

    /// Whether the file defines the type (enum, domain, composite or base type, or a table or
    /// view, whose row type it is).
    fn type_defined(&self, ty: &Type) -> bool {
        let Some(q) = ty.user.as_deref() else {
            return false;
        };
        let object = |kind| {
            self.schema.objects.contains_key(&ObjectId {
                kind,
                signature: q.to_string(),
            })
        };
        self.schema.enums.contains_key(q)
            || object(ObjectKind::Domain)
            || object(ObjectKind::CompositeType)
            || self.created_types.contains(q)
            || self.schema.tables.contains_key(q)
            || self.schema.views.contains_key(q)
    }

    /// Whether an extension the file creates may bring a type of that name.
    fn type_from_extension(&self, name: &str) -> bool {
        self.schema
            .extensions
            .keys()
            .any(|e| match self.grammar.extension_types(e) {
                Some(types) => types.contains(&name),
                None => true,
            })
    }

    // ----- types ----------------------------------------------------------------------------

    /// A column type; returns the integer type for the `serial` pseudo-types.
    pub(super) fn parse_type(&mut self, c: &mut Cursor) -> PResult<(Type, Option<&'static str>)> {
        if self.grammar.declared_types() {
            return Ok((self.declared_type(c)?, None));
        }
        let mut schema: Option<Str> = None;
        let mut name = match c.peek() {
            Some(Token::Word(w)) => {
                let name = if w.quote_style.is_some() {
                    self.dialect.fold_quoted(&w.value)
                } else {
                    ascii_lowercase(&w.value)
                };
                c.next();
                name
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
            while let Some(k) = cont
                .iter()
                .find(|k| c.peek_kw(k) && !c.peek_kw_at(1, "set"))
            {
                c.next();
                name.push(' ');
                name.push_str(k);
            }
        }
        let mut modifiers = None;
        if c.peek_tok(&Token::LParen) {
            let r = c.paren_group()?;
            // `ENUM('a b', 'c')`: spaces inside strings are kept.
            let strings = c.toks[r.0..r.1]
                .iter()
                .any(|t| matches!(t.token, Token::SingleQuotedString(_)));
            modifiers = Some(if strings {
                c.toks[r.0..r.1]
                    .iter()
                    .map(|t| t.token.to_string())
                    .collect::<String>()
            } else {
                c.text(r).split_whitespace().collect::<String>()
            });
        }
        if self.grammar.has(Syntax::MysqlColumnAttrs) {
            // `INT(10) UNSIGNED ZEROFILL`: modifiers of the type's name.
            let mut unsigned = false;
            let mut zerofill = false;
            loop {
                if c.eat_kw("unsigned") {
                    unsigned = true;
                } else if c.eat_kw("zerofill") {
                    zerofill = true;
                } else if !c.eat_kw("signed") {
                    break;
                }
            }
            if unsigned || zerofill {
                name.push_str(" unsigned");
            }
            if zerofill {
                name.push_str(" zerofill");
            }
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
            self.grammar.serial_type(&name)
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
    pub(super) fn declared_type(&mut self, c: &mut Cursor) -> PResult<Type> {
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

    pub(super) fn collation_name(&mut self, c: &mut Cursor) -> PResult<String> {
        let q = c.qual_name("")?;
        Ok(if q.schema.is_empty() || q.schema == "pg_catalog" {
            q.name.to_string()
        } else {
            q.to_string()
        })
    }

    /// Storage parameters `( key = value, ... )` after `WITH`/`SET` at `at`; `None` (reported)
    /// when the dialect has none.
    pub(super) fn storage_params(
        &mut self,
        c: &mut Cursor,
        at: Location,
    ) -> PResult<Option<Vec<String>>> {
        let options = self.option_list(c)?;
        let what = "`WITH (..)` storage parameters";
        Ok(self
            .allowed(Syntax::StorageParameters, what, at)
            .then_some(options))
    }

    /// `( key = value, ... )` as canonical strings.
    pub(super) fn option_list(&mut self, c: &mut Cursor) -> PResult<Vec<String>> {
        let (s, e) = c.paren_group()?;
        let text = c.token_key((s, e));
        Ok(text
            .split(" , ")
            .map(|o| o.replace(" = ", "=").replace('\'', ""))
            .collect())
    }
}
