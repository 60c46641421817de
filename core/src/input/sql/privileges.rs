//! `GRANT`, `REVOKE`.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};

/// One `GRANT`/`REVOKE` statement, read.
struct Privileges {
    revoke: bool,
    /// `REVOKE GRANT OPTION FOR`: only the grant option goes.
    option_only: bool,
    /// Privilege names with the columns they are limited to.
    privs: Vec<(String, Vec<Str>)>,
    /// `TABLE`, `SEQUENCE`, `SCHEMA`, `FUNCTION`, `TYPE`...
    kind: String,
    objects: Vec<QualName>,
    grantees: Vec<String>,
    with_option: bool,
}

impl Builder<'_> {
    pub(super) fn privileges(&mut self, c: &mut Cursor, revoke: bool, at: Location) -> PResult<()> {
        let option_only = revoke && c.eat_kws(&["grant", "option", "for"]);
        let privs = privilege_list(c)?;
        if !c.eat_kw("on") {
            self.unsupported("`GRANT`/`REVOKE` of role membership", at);
            c.pos = c.toks.len();
            return Ok(());
        }
        let Some(kind) = self.privilege_object_kind(c, at) else {
            return Ok(());
        };
        let objects = self.privilege_objects(c, &kind)?;
        c.expect_kw(if revoke { "from" } else { "to" })?;
        let mut grantees = Vec::new();
        loop {
            c.eat_kw("group");
            grantees.push(if c.eat_kw("public") {
                "PUBLIC".to_string()
            } else {
                c.ident()?.to_string()
            });
            if !c.eat(&Token::Comma) {
                break;
            }
        }
        let with_option = !revoke && c.eat_kws(&["with", "grant", "option"]);
        c.pos = c.toks.len();
        self.apply_privileges(Privileges {
            revoke,
            option_only,
            privs,
            kind,
            objects,
            grantees,
            with_option,
        });
        Ok(())
    }

    /// The object kind after `ON` (`TABLE` when none is written); `None` (with a warning) for
    /// kinds that are not modelled.
    fn privilege_object_kind(&mut self, c: &mut Cursor, at: Location) -> Option<String> {
        let kind = [
            "table",
            "sequence",
            "schema",
            "function",
            "procedure",
            "routine",
            "type",
            "domain",
        ]
        .iter()
        .find(|k| c.peek_kw(k) && !c.peek_kw_at(1, "in"))
        .map(|k| k.to_ascii_uppercase());
        if kind.is_some() {
            c.next();
        } else if [
            "all",
            "database",
            "foreign",
            "language",
            "large",
            "tablespace",
            "parameter",
        ]
        .iter()
        .any(|k| c.peek_kw(k))
        {
            let what = first_words(c, 3);
            self.unsupported(format!("`GRANT`/`REVOKE` on `{what}`"), at);
            c.pos = c.toks.len();
            return None;
        }
        let kind = kind.unwrap_or_else(|| "TABLE".into());
        Some(if kind == "DOMAIN" {
            "TYPE".to_string()
        } else {
            kind
        })
    }

    /// The objects of a `GRANT`/`REVOKE`; routines carry their argument types in the name.
    fn privilege_objects(&mut self, c: &mut Cursor, kind: &str) -> PResult<Vec<QualName>> {
        let ss = self.search_schema.clone();
        let mut objects = Vec::new();
        loop {
            let object = match kind {
                "SCHEMA" => QualName::new("", c.ident()?),
                "FUNCTION" | "PROCEDURE" | "ROUTINE" => {
                    let q = c.qual_name(&ss)?;
                    let r = c.paren_group()?;
                    let rk = if kind == "PROCEDURE" {
                        ObjectKind::Procedure
                    } else {
                        ObjectKind::Function
                    };
                    let types = self.routine_arg_types(c, r, rk);
                    QualName::new(
                        q.schema,
                        format!(
                            "{}({})",
                            self.dialect.quote_ident(&q.name),
                            types.join(", ")
                        ),
                    )
                }
                _ => c.qual_name(&ss)?,
            };
            objects.push(object);
            if !c.eat(&Token::Comma) {
                return Ok(objects);
            }
        }
    }

    /// A privilege's canonical name; `ALL` stands for every privilege the object kind has
    /// (the dialect's list).
    fn expand_privilege(&self, kind: &str, privilege: &str, columns: bool) -> Vec<&'static str> {
        if privilege == "ALL" {
            return self.grammar.all_privileges(kind, columns).to_vec();
        }
        vec![match privilege {
            "SELECT" => "SELECT",
            "INSERT" => "INSERT",
            "UPDATE" => "UPDATE",
            "DELETE" => "DELETE",
            "TRUNCATE" => "TRUNCATE",
            "REFERENCES" => "REFERENCES",
            "TRIGGER" => "TRIGGER",
            "USAGE" => "USAGE",
            "CREATE" => "CREATE",
            "EXECUTE" => "EXECUTE",
            "MAINTAIN" => "MAINTAIN",
            "CONNECT" => "CONNECT",
            _ => "TEMPORARY",
        }]
    }

    /// Add or remove one grant per object, privilege, column and grantee.
    fn apply_privileges(&mut self, p: Privileges) {
        for object in &p.objects {
            for (privilege, cols) in &p.privs {
                let expanded = self.expand_privilege(&p.kind, privilege, !cols.is_empty());
                let columns: Vec<Option<Str>> = if cols.is_empty() {
                    vec![None]
                } else {
                    cols.iter().cloned().map(Some).collect()
                };
                for privilege in &expanded {
                    for column in &columns {
                        for grantee in &p.grantees {
                            let g = Grant {
                                object_kind: p.kind.clone(),
                                object: object.clone(),
                                privilege: privilege.to_string(),
                                column: column.clone(),
                                grantee: grantee.clone(),
                            };
                            if !p.revoke {
                                let e = self.schema.grants.entry(g).or_insert(false);
                                *e |= p.with_option;
                            } else if p.option_only {
                                if let Some(e) = self.schema.grants.get_mut(&g) {
                                    *e = false;
                                }
                            } else {
                                self.schema.grants.shift_remove(&g);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `SELECT, UPDATE (a, b), ALL PRIVILEGES`: each privilege with its columns.
fn privilege_list(c: &mut Cursor) -> PResult<Vec<(String, Vec<Str>)>> {
    let mut privs = Vec::new();
    loop {
        let word = match c.peek() {
            Some(Token::Word(w)) if w.quote_style.is_none() => w.value.to_ascii_uppercase(),
            _ => return c.expected("a privilege"),
        };
        c.next();
        if word == "ALL" {
            c.eat_kw("privileges");
        }
        let cols = if c.peek_tok(&Token::LParen) {
            c.ident_list()?
        } else {
            Vec::new()
        };
        privs.push((
            if word == "TEMP" {
                "TEMPORARY".into()
            } else {
                word
            },
            cols,
        ));
        if !c.eat(&Token::Comma) {
            return Ok(privs);
        }
    }
}
