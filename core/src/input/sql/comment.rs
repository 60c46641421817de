//! `COMMENT ON`.

use super::builder::*;
use super::cursor::{is_kw, Cursor, PResult};
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};

/// The object a `COMMENT ON` is about.
enum Target {
    Table(QualName),
    Column(QualName, Str),
    Index(QualName),
    Sequence(QualName),
    View(QualName),
    Type(QualName),
    Schema(Str),
    Constraint(QualName, Str),
    Object(ObjectKind, String),
    Ignored,
}

impl Builder<'_> {
    pub(super) fn comment_on(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.expect_kw("on")?;
        let Some(target) = self.comment_target(c, at)? else {
            return Ok(());
        };
        c.expect_kw("is")?;
        let text = if c.eat_kw("null") {
            None
        } else {
            Some(c.string()?)
        };
        let text = text.filter(|t| !t.is_empty());
        if !self.set_comment(target, text) {
            self.warn(
                c,
                at,
                "COMMENT ON an object that is not defined".to_string(),
            );
        }
        Ok(())
    }

    /// What follows `COMMENT ON`; `None` for a kind of object that is not modelled.
    fn comment_target(&mut self, c: &mut Cursor, at: Location) -> PResult<Option<Target>> {
        let ss = self.search_schema.clone();
        let target = if c.eat_kw("table") {
            Target::Table(c.qual_name(&ss)?)
        } else if c.eat_kw("column") {
            // [schema.]table.column
            let mut parts = vec![c.ident()?];
            while c.eat(&Token::Period) {
                parts.push(c.ident()?);
            }
            let col = parts.pop().unwrap_or_default();
            let table = parts.pop().unwrap_or_default();
            let schema = parts.pop().unwrap_or(Str::from(ss.as_str()));
            Target::Column(QualName::new(schema, table), col)
        } else if c.eat_kw("index") {
            Target::Index(c.qual_name(&ss)?)
        } else if c.eat_kw("sequence") {
            Target::Sequence(c.qual_name(&ss)?)
        } else if c.eat_kw("view") || c.eat_kws(&["materialized", "view"]) {
            Target::View(c.qual_name(&ss)?)
        } else if c.eat_kw("type") {
            let q = c.qual_name(&ss)?;
            if self.schema.enums.contains_key(&q) {
                Target::Type(q)
            } else {
                Target::Object(ObjectKind::CompositeType, q.to_string())
            }
        } else if c.eat_kw("domain") {
            Target::Object(ObjectKind::Domain, c.qual_name(&ss)?.to_string())
        } else if c.eat_kw("schema") {
            Target::Schema(c.ident()?)
        } else if c.eat_kw("constraint") {
            let cn = c.ident()?;
            c.expect_kw("on")?;
            if c.eat_kw("domain") {
                c.qual_name(&ss)?;
                Target::Ignored
            } else {
                Target::Constraint(c.qual_name(&ss)?, cn)
            }
        } else if c.eat_kw("function") || c.eat_kw("procedure") {
            let kind = if is_kw(&c.toks[c.pos - 1].token, "function") {
                ObjectKind::Function
            } else {
                ObjectKind::Procedure
            };
            let q = c.qual_name(&ss)?;
            let r = c.paren_group()?;
            let types = self.routine_arg_types(c, r, kind);
            Target::Object(kind, format!("{}({})", q, types.join(",")))
        } else if c.eat_kw("trigger") || c.eat_kw("policy") {
            let kind = if is_kw(&c.toks[c.pos - 1].token, "trigger") {
                ObjectKind::Trigger
            } else {
                ObjectKind::Policy
            };
            let n = c.ident()?;
            c.expect_kw("on")?;
            let t = c.qual_name(&ss)?;
            Target::Object(kind, format!("{t}.{n}"))
        } else if c.eat_kw("extension") {
            c.ident()?;
            Target::Ignored
        } else {
            let kind = first_words(c, 1);
            self.unsupported(format!("`COMMENT ON {kind}`"), at);
            c.pos = c.toks.len();
            return Ok(None);
        };
        Ok(Some(target))
    }

    /// Set the comment of a target; false when the object is not defined.
    fn set_comment(&mut self, target: Target, text: Option<String>) -> bool {
        let missing = match target {
            Target::Table(q) => self
                .schema
                .tables
                .get_mut(&q)
                .map(|t| t.comment = text)
                .is_none(),
            Target::Column(q, col) => self
                .schema
                .tables
                .get_mut(&q)
                .and_then(|t| t.columns.get_mut(&col))
                .map(|cl| cl.comment = text)
                .is_none(),
            Target::Index(q) => self
                .schema
                .indexes
                .get_mut(&q)
                .map(|i| i.comment = text)
                .is_none(),
            Target::Sequence(q) => self
                .schema
                .sequences
                .get_mut(&q)
                .map(|s| s.comment = text)
                .is_none(),
            Target::View(q) => self
                .schema
                .views
                .get_mut(&q)
                .map(|v| v.comment = text)
                .is_none(),
            Target::Type(q) => self
                .schema
                .enums
                .get_mut(&q)
                .map(|e| e.comment = text)
                .is_none(),
            Target::Schema(s) => {
                self.schema
                    .namespaces
                    .entry(s.clone())
                    .or_insert(Namespace {
                        name: s,
                        comment: None,
                    })
                    .comment = text;
                false
            }
            Target::Constraint(q, cn) => self
                .schema
                .tables
                .get_mut(&q)
                .and_then(|t| t.constraints.get_mut(&cn))
                .map(|con| con.comment = text)
                .is_none(),
            Target::Object(kind, signature) => self
                .schema
                .objects
                .get_mut(&ObjectId { kind, signature })
                .map(|o| o.comment = text)
                .is_none(),
            Target::Ignored => false,
        };
        !missing
    }
}
