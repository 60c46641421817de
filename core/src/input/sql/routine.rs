//! Functions, procedures, triggers, policies, SQLite virtual tables.

use super::builder::*;
use super::cursor::{is_kw, Cursor, PResult};
use crate::model::*;
use sqlparser::tokenizer::Token;

impl Builder<'_> {
    // ----- functions, triggers, policies --------------------------------------------------------

    pub(super) fn create_routine(&mut self, c: &mut Cursor, kind: ObjectKind) -> PResult<()> {
        let name = c.qual_name(&self.search_schema.clone())?;
        let (s, e) = c.paren_group()?;
        let params = self.routine_params(c, (s, e));
        let arg_types = arg_types(&params, kind);
        let signature = format!("{}({})", name, arg_types.join(","));
        let display = format!(
            "{}({})",
            self.dialect.quote_name(&name),
            arg_types.join(", ")
        );
        let key = self.routine_key(c, &signature, &params_key(&params))?;
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
                parts: None,
            },
        );
        Ok(())
    }

    /// Argument types of a routine's parameter list (OUT parameters of functions excluded).
    pub(super) fn routine_arg_types(
        &mut self,
        c: &mut Cursor,
        range: (usize, usize),
        kind: ObjectKind,
    ) -> Vec<String> {
        arg_types(&self.routine_params(c, range), kind)
    }

    /// The parameters in `range` (the inside of a parameter list's parentheses).
    fn routine_params(&mut self, c: &mut Cursor, range: (usize, usize)) -> Vec<Param> {
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
            let name = if has_name { c.ident().ok() } else { None };
            let ty = self
                .parse_type(c)
                .map(|(t, _)| self.dialect.render_type(&t))
                .unwrap_or_default();
            let mut default = None;
            if c.eat_kw("default") || c.eat(&Token::Eq) {
                let start = c.pos;
                let r = (start, c.until(|_| false).1.min(range.1));
                if r.1 > r.0 {
                    default = Some(c.sql_expr(r).key);
                }
            }
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
            out.push(Param {
                mode,
                name,
                ty,
                default,
            });
        }
        c.pos = saved;
        out
    }

    /// Canonical key of a routine definition: the signature, the parameters' key and the
    /// result (what `CREATE OR REPLACE` cannot change), then ` | ` and the other clauses, each
    /// canonicalised, sorted.
    pub(super) fn routine_key(
        &mut self,
        c: &mut Cursor,
        signature: &str,
        params: &str,
    ) -> PResult<String> {
        let mut clauses: Vec<String> = Vec::new();
        let mut returns = String::new();
        while !c.at_end() {
            let s = c.pos;
            if c.peek_kw("returns") && !c.peek_kw_at(1, "null") {
                c.next();
                returns = if c.eat_kw("table") {
                    let columns = c.paren_group()?;
                    let columns = self.routine_params(c, columns);
                    format!("returns table {}", params_key(&columns))
                } else {
                    let setof = if c.eat_kw("setof") { "setof " } else { "" };
                    let (t, _) = self.parse_type(c)?;
                    format!("returns {setof}{}", self.dialect.render_type(&t))
                };
                continue;
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
        // The part `CREATE OR REPLACE` cannot change comes first, up to ` | `.
        Ok(format!(
            "{signature} {params} {returns} | {}",
            clauses.join(" ")
        ))
    }

    pub(super) fn create_trigger(&mut self, c: &mut Cursor) -> PResult<()> {
        let start = 0;
        let constraint = c.eat_kw("constraint");
        // MySQL: the text starts at `TRIGGER`, without `DEFINER=`u`@`h`` (the account that
        // created it, not schema), written back as `CREATE TRIGGER ..`.
        let mysql = self
            .grammar
            .has(crate::input::sql::Syntax::MysqlTableOptions);
        let kw = c.pos;
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
            if mysql { kw } else { start },
            drop,
            target,
            Some(table),
        );
        if mysql {
            if let Some((_, o)) = self.schema.objects.last_mut() {
                o.create.text = format_compact!("CREATE {}", o.create.text);
                o.create.key = format_compact!("create {}", o.create.key);
            }
        }
        self.fix_trigger_key();
        Ok(())
    }

    /// MySQL `CREATE [DEFINER=..] FUNCTION|PROCEDURE name (params) [RETURNS type]
    /// [characteristic ..] body` (the cursor at `FUNCTION`/`PROCEDURE`), kept by its text from
    /// there (`DEFINER` is the account that created it, not schema) and compared by a key of
    /// its parts as the server stores them: parameter and return types canonical (MariaDB's
    /// `int` is `int(11)`), the return type's character set left out (a dump adds the
    /// database's), characteristics without their defaults (`NOT DETERMINISTIC`, `CONTAINS
    /// SQL`, `SQL SECURITY DEFINER`, `LANGUAGE SQL`) and sorted, the body's tokens.
    pub(super) fn create_mysql_routine(&mut self, c: &mut Cursor) -> PResult<()> {
        let kw = c.pos;
        let kind = if c.eat_kw("function") {
            ObjectKind::Function
        } else {
            c.expect_kw("procedure")?;
            ObjectKind::Procedure
        };
        c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        let (s, e) = c.paren_group()?;
        let params = self.routine_params(c, (s, e));
        let mut key = format!(
            "create {} {} {}",
            kind.sql().to_ascii_lowercase(),
            canonical_name(&name),
            params_key(&params)
        );
        if kind == ObjectKind::Function {
            c.expect_kw("returns")?;
            let ty = self
                .parse_type(c)
                .map(|(t, _)| self.dialect.render_type(&t))
                .unwrap_or_default();
            key.push_str(&format!(" returns {ty}"));
            loop {
                if c.eat_kw("charset") || c.eat_kws(&["character", "set"]) || c.eat_kw("collate") {
                    c.next();
                } else {
                    break;
                }
            }
        }
        let mut traits = Vec::new();
        loop {
            let t = if c.eat_kw("comment") {
                format!("comment {}", c.string()?)
            } else if c.eat_kws(&["language", "sql"])
                || c.eat_kws(&["contains", "sql"])
                || c.eat_kws(&["not", "deterministic"])
            {
                continue;
            } else if c.eat_kw("deterministic") {
                "deterministic".into()
            } else if c.eat_kws(&["no", "sql"]) {
                "no sql".into()
            } else if c.eat_kws(&["reads", "sql", "data"]) {
                "reads sql data".into()
            } else if c.eat_kws(&["modifies", "sql", "data"]) {
                "modifies sql data".into()
            } else if c.eat_kws(&["sql", "security"]) {
                let who = c.ident()?.to_ascii_lowercase();
                if who == "definer" {
                    continue;
                }
                format!("sql security {who}")
            } else {
                break;
            };
            traits.push(t);
        }
        traits.sort();
        key.push_str(&format!(" [{}] ", traits.join(", ")));
        key.push_str(&body_key(c));
        let display = self.dialect.quote_name(&name);
        let drop = format!("DROP {} {display}", kind.sql());
        let target = format!("{} {display}", kind.sql());
        self.add_object(c, kind, name.to_string(), kw, drop, target, None);
        self.mysql_object_text(key);
        c.pos = c.toks.len();
        Ok(())
    }

    /// MySQL `CREATE [DEFINER=..] EVENT [IF NOT EXISTS] name ON SCHEDULE schedule [ON
    /// COMPLETION [NOT] PRESERVE] [ENABLE|DISABLE [ON SLAVE]] [COMMENT '..'] DO body`, kept by
    /// its text from `EVENT`, compared without what the server fills in (`ON COMPLETION NOT
    /// PRESERVE`, `ENABLE`, and the `STARTS` time it gives an `EVERY` schedule written
    /// without one: a start time is not compared).
    pub(super) fn create_mysql_event(&mut self, c: &mut Cursor) -> PResult<()> {
        let kw = c.pos;
        c.expect_kw("event")?;
        c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        c.expect_kws(&["on", "schedule"])?;
        let start = c.pos;
        let ends_schedule = |c: &Cursor| {
            c.at_end()
                || ["on", "enable", "disable", "comment", "do"]
                    .iter()
                    .any(|k| c.peek_kw(k))
        };
        let mut schedule = Vec::new();
        let mut skipping = false;
        while !ends_schedule(c) {
            if c.peek_kw("starts") {
                skipping = true;
            } else if c.peek_kw("ends") {
                skipping = false;
            }
            if !skipping {
                schedule.push(c.token_key((c.pos, c.pos + 1)).to_ascii_lowercase());
            }
            c.next();
        }
        let _ = start;
        let mut key = format!(
            "create event {} on schedule {}",
            canonical_name(&name),
            schedule.join(" ")
        );
        loop {
            if c.eat_kws(&["on", "completion", "not", "preserve"]) {
            } else if c.eat_kws(&["on", "completion", "preserve"]) {
                key.push_str(" on completion preserve");
            } else if c.eat_kw("enable") {
            } else if c.eat_kw("disable") {
                key.push_str(" disable");
                if c.eat_kws(&["on", "slave"]) {
                    key.push_str(" on slave");
                }
            } else if c.eat_kw("comment") {
                key.push_str(&format!(" comment {}", c.string()?));
            } else {
                break;
            }
        }
        c.expect_kw("do")?;
        key.push_str(" do ");
        key.push_str(&body_key(c));
        let display = self.dialect.quote_name(&name);
        let kind = ObjectKind::Event;
        let drop = format!("DROP EVENT {display}");
        let target = format!("EVENT {display}");
        self.add_object(c, kind, name.to_string(), kw, drop, target, None);
        self.mysql_object_text(key);
        c.pos = c.toks.len();
        Ok(())
    }

    /// The object just added as `CREATE ..` from its keyword, compared by `key`.
    fn mysql_object_text(&mut self, key: String) {
        if let Some((_, o)) = self.schema.objects.last_mut() {
            o.create.text = format_compact!("CREATE {}", o.create.text);
            o.create.key = key.into();
        }
    }

    /// SQLite `CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING module(args)`: kept by text.
    pub(super) fn create_virtual_table(&mut self, c: &mut Cursor) -> PResult<()> {
        c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        c.expect_kw("using")?;
        c.pos = c.toks.len();
        self.take_relname(&name);
        let kind = ObjectKind::VirtualTable;
        let drop = self.dialect.drop_object_sql(kind, &name.name, None);
        let target = format!("TABLE {}", self.dialect.quote_name(&name));
        self.add_object(c, kind, name.to_string(), 0, drop, target, None);
        if let Some((_, o)) = self.schema.objects.last_mut() {
            o.create.key = o.create.key.replace(" if not exists ", " ").into();
        }
        Ok(())
    }

    /// `EXECUTE PROCEDURE` and `EXECUTE FUNCTION` are the same; `CREATE OR REPLACE` too.
    pub(super) fn fix_trigger_key(&mut self) {
        if let Some((_, o)) = self.schema.objects.last_mut() {
            o.create.key = o
                .create
                .key
                .replace("execute procedure", "execute function")
                .replace("create or replace", "create")
                .replace("trigger if not exists ", "trigger ")
                .into();
        }
    }

    pub(super) fn create_policy(&mut self, c: &mut Cursor) -> PResult<()> {
        let name = c.ident()?;
        c.expect_kw("on")?;
        let table = c.qual_name(&self.search_schema.clone())?;
        let key = policy_key(c);
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
        if let (Some(key), Some((_, o))) = (key, self.schema.objects.last_mut()) {
            o.create.key = key.into();
        }
        Ok(())
    }
}

/// Canonical key of `CREATE POLICY name ON table [AS PERMISSIVE|RESTRICTIVE] [FOR command]
/// [TO role, ..] [USING (expr)] [WITH CHECK (expr)]`, the cursor after the table name: the
/// defaults PostgreSQL fills in written out (`AS PERMISSIVE`, `FOR ALL`, `TO public`) and the
/// expressions by their canonical keys (pg_dump prints them parenthesised, literals cast).
/// The name and table are the policy's identity, not part of its key (a renamed table keeps
/// its policies).
/// `None` when the clauses do not read as that grammar (the statement is then compared by its
/// tokens).
fn policy_key(c: &mut Cursor) -> Option<String> {
    let kind = if c.eat_kw("as") {
        if c.eat_kw("permissive") {
            "permissive"
        } else if c.eat_kw("restrictive") {
            "restrictive"
        } else {
            return None;
        }
    } else {
        "permissive"
    };
    let command = if c.eat_kw("for") {
        let command = ["all", "select", "insert", "update", "delete"]
            .into_iter()
            .find(|k| c.peek_kw(k))?;
        c.next();
        command
    } else {
        "all"
    };
    let roles = if c.eat_kw("to") {
        let start = c.pos;
        let ends = |c: &Cursor| {
            c.at_end() || c.peek_kw("using") || (c.peek_kw("with") && c.peek_kw_at(1, "check"))
        };
        while !ends(c) {
            c.next();
        }
        if start == c.pos {
            return None;
        }
        c.token_key((start, c.pos))
    } else {
        "public".to_string()
    };
    let mut key = format!("create policy as {kind} for {command} to {roles}");
    if c.eat_kw("using") {
        let range = c.paren_group().ok()?;
        key.push_str(&format!(" using ({})", c.sql_expr(range).key));
    }
    if c.eat_kws(&["with", "check"]) {
        let range = c.paren_group().ok()?;
        key.push_str(&format!(" with check ({})", c.sql_expr(range).key));
    }
    c.at_end().then_some(key)
}

pub(super) fn is_type_start_after_mode(c: &Cursor) -> bool {
    // `in` could be a parameter named "in" only when followed by a type keyword directly, which
    // is vanishingly rare; treat the mode keyword as a mode.
    matches!(
        c.peek_at(1),
        None | Some(Token::Comma) | Some(Token::RParen)
    )
}

pub(super) fn is_multiword_type_start(c: &Cursor) -> bool {
    (c.peek_kw("double") && c.peek_kw_at(1, "precision"))
        || ((c.peek_kw("character") || c.peek_kw("char") || c.peek_kw("bit"))
            && c.peek_kw_at(1, "varying"))
        || ((c.peek_kw("timestamp") || c.peek_kw("time"))
            && (c.peek_kw_at(1, "with") || c.peek_kw_at(1, "without")))
}

/// Argument types of parameters (OUT parameters of functions excluded): the signature.
fn arg_types(params: &[Param], kind: ObjectKind) -> Vec<String> {
    (params.iter())
        .filter(|p| !(p.mode == "out" && kind == ObjectKind::Function))
        .map(|p| p.ty.clone())
        .collect()
}

/// Canonical key of a parameter list (or `RETURNS TABLE` columns): modes, names, types and
/// defaults, which `CREATE OR REPLACE` cannot change.
fn params_key(params: &[Param]) -> String {
    let keys: Vec<String> = (params.iter())
        .map(|p| {
            let mut k = String::new();
            if p.mode != "in" {
                k.push_str(p.mode);
                k.push(' ');
            }
            if let Some(name) = &p.name {
                k.push_str(name);
                k.push(' ');
            }
            k.push_str(&p.ty);
            if let Some(d) = &p.default {
                k.push_str(" default ");
                k.push_str(d);
            }
            k
        })
        .collect();
    format!("({})", keys.join(", "))
}

/// The key of a MySQL routine's or event's body, from the cursor on: its tokens (whitespace
/// and comments aside; the server keeps the text as written, so case counts).
fn body_key(c: &Cursor) -> String {
    c.token_key((c.pos, c.toks.len()))
}

/// A name in a key: `schema.name`, lower-cased where the database folds it.
fn canonical_name(name: &QualName) -> String {
    name.to_string()
}

/// One parameter of a routine.
struct Param {
    mode: &'static str,
    name: Option<Str>,
    ty: String,
    default: Option<Str>,
}
