//! The statement builder: state kept across statements, diagnostics, and the dispatch of
//! each statement to its grammar.

use super::cursor::{is_kw, Cursor, PResult};
use super::source::Source;
use crate::diagnostics::{Code, Diagnostic, Severity, Side};
use crate::dialects::Dialect;
use crate::model::*;
use sqlparser::tokenizer::Location;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Accumulates a [`Schema`] statement by statement.
pub struct Builder<'d> {
    pub(super) dialect: &'d dyn Dialect,
    pub(super) side: Side,
    pub(super) schema: Schema,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Schema that unqualified names are created in (`SET search_path`).
    pub(super) search_schema: String,
    /// Relation names (tables, indexes, sequences, views) taken, per schema.
    pub(super) relnames: HashMap<String, HashSet<String>>,
    /// Constraint names taken, per schema.
    pub(super) connames: HashMap<String, HashSet<String>>,
    /// `ALTER INDEX parent ATTACH PARTITION child`: child index -> parent index.
    pub(super) attached_indexes: Vec<(QualName, QualName)>,
    /// Statements read but not modelled, by kind: count and first position.
    pub(super) unsupported: BTreeMap<String, (usize, Location)>,
    /// Rename directives in the current statement's comments: line, position, old name.
    pub(super) rename_hints: Vec<(u64, Location, String)>,
}

/// A constraint as parsed, before its default name is chosen.
pub(super) struct PendingConstraint {
    pub(super) name: Option<String>,
    pub(super) kind: ConstraintKind,
    pub(super) deferrable: bool,
    pub(super) initially_deferred: bool,
    /// Column the constraint was written on, if any.
    pub(super) column: Option<String>,
}

/// A column as parsed, with the column constraints written on it.
pub(super) struct ParsedColumn {
    pub(super) column: Column,
    pub(super) constraints: Vec<PendingConstraint>,
    /// `serial` pseudo-type: the integer type it stands for.
    pub(super) serial: Option<&'static str>,
    /// SQLite `AUTOINCREMENT` on the column's primary key.
    pub(super) autoincrement: bool,
    /// A rename directive on the column's line: old name and where it was written.
    pub(super) renamed_from: Option<(String, Location)>,
}

pub(super) const COLUMN_STOP: &[&str] = &[
    "not",
    "null",
    "constraint",
    "primary",
    "unique",
    "check",
    "references",
    "default",
    "generated",
    "collate",
    "deferrable",
    "initially",
    "storage",
    "compression",
];

pub(super) fn stop_at(words: &'static [&'static str]) -> impl Fn(&Cursor) -> bool {
    move |c: &Cursor| words.iter().any(|w| c.peek_kw(w))
}

impl<'d> Builder<'d> {
    pub fn new(dialect: &'d dyn Dialect, side: Side) -> Self {
        Self {
            dialect,
            side,
            schema: Schema::default(),
            diagnostics: Vec::new(),
            search_schema: dialect.default_schema().to_string(),
            relnames: HashMap::new(),
            connames: HashMap::new(),
            attached_indexes: Vec::new(),
            unsupported: BTreeMap::new(),
            rename_hints: Vec::new(),
        }
    }

    /// Complete the schema and return it with the diagnostics.
    pub(super) fn finish(mut self, src: &Source<'_>) -> (Schema, Vec<Diagnostic>) {
        for (child, parent) in std::mem::take(&mut self.attached_indexes) {
            self.attach_index(&child, &parent);
        }
        for (kind, (count, at)) in std::mem::take(&mut self.unsupported) {
            let msg = if count == 1 {
                format!("{kind} is not supported; it is not compared")
            } else {
                format!("{kind} is not supported; {count} such statements are not compared")
            };
            self.diag_at(Code::W001, src, at, msg);
        }
        self.dialect.complete(&mut self.schema);
        (self.schema, self.diagnostics)
    }

    /// A rename directive written on the line of `at`.
    pub(super) fn renamed_from(&self, at: Location) -> Option<(String, Location)> {
        self.rename_hints
            .iter()
            .find(|(line, _, _)| *line == at.line)
            .map(|(_, loc, old)| (old.clone(), *loc))
    }

    pub(super) fn push_rename(
        &mut self,
        c: &Cursor,
        kind: RenameKind,
        table: &QualName,
        (from, at): (String, Location),
        to: &str,
    ) {
        let offset = c.src.offset(at);
        self.schema.renames.push(Rename {
            kind,
            table: table.clone(),
            from,
            to: to.to_string(),
            at: Some((at.line as u32, at.column as u32, offset)),
        });
    }

    pub(super) fn push_column_rename(
        &mut self,
        table: &QualName,
        (from, at): (String, Location),
        to: String,
    ) {
        self.schema.renames.push(Rename {
            kind: RenameKind::Column,
            table: table.clone(),
            from,
            to,
            at: Some((at.line as u32, at.column as u32, 0)),
        });
    }

    pub(super) fn unsupported(&mut self, kind: impl Into<String>, at: Location) {
        let e = self.unsupported.entry(kind.into()).or_insert((0, at));
        e.0 += 1;
    }

    pub(super) fn warn(&mut self, c: &Cursor, at: Location, message: String) {
        let offset = c.src.offset(at);
        self.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: Code::W002,
            side: self.side,
            line: at.line as u32,
            column: at.column as u32,
            offset,
            end: offset,
            message,
        });
    }

    pub(super) fn take_relname(&mut self, schema: &str, name: &str) {
        self.relnames
            .entry(schema.to_string())
            .or_default()
            .insert(name.to_string());
    }

    pub(super) fn take_conname(&mut self, schema: &str, name: &str) {
        self.connames
            .entry(schema.to_string())
            .or_default()
            .insert(name.to_string());
    }

    /// PostgreSQL's ChooseRelationName / ChooseConstraintName: `name1_name2_label`, truncated
    /// to fit, with a number appended to the label until it is free.
    pub(super) fn choose_name(
        &mut self,
        schema: &str,
        name1: &str,
        name2: &str,
        label: &str,
        constraint: bool,
    ) -> String {
        let mut pass = 0;
        loop {
            let l = if pass == 0 {
                label.to_string()
            } else {
                format!("{label}{pass}")
            };
            let candidate = self.dialect.object_name(name1, name2, &l);
            let rel_taken = self
                .relnames
                .get(schema)
                .is_some_and(|s| s.contains(&candidate));
            let con_taken = self
                .connames
                .get(schema)
                .is_some_and(|s| s.contains(&candidate));
            let taken = if constraint {
                con_taken || rel_taken
            } else {
                rel_taken
            };
            if !taken {
                return candidate;
            }
            pass += 1;
        }
    }

    /// Read one statement.
    pub fn statement(&mut self, c: &mut Cursor, comments: &[(Location, String)]) -> PResult<()> {
        self.rename_hints.clear();
        for (loc, text) in comments {
            if let Some(old) = rename_directive(text, self.dialect) {
                self.rename_hints.push((loc.line, *loc, old));
            }
        }
        let at = c.location();
        if c.eat_kw("create") {
            let or_replace = c.eat_kws(&["or", "replace"]);
            let mut unlogged = false;
            loop {
                if c.eat_kw("unlogged") {
                    unlogged = true;
                } else if !(c.eat_kw("temporary")
                    || c.eat_kw("temp")
                    || c.eat_kw("global")
                    || c.eat_kw("local"))
                {
                    break;
                }
            }
            if c.eat_kw("table") {
                return self.create_table(c, unlogged);
            }
            if c.eat_kws(&["virtual", "table"]) {
                return self.create_virtual_table(c);
            }
            if c.peek_kw("unique") || c.peek_kw("index") {
                return self.create_index(c);
            }
            if c.eat_kw("type") {
                return self.create_type(c, at);
            }
            if c.eat_kw("sequence") {
                return self.create_sequence(c);
            }
            if c.eat_kw("view") {
                return self.create_view(c, false);
            }
            if c.eat_kws(&["recursive", "view"]) {
                return self.create_view(c, false);
            }
            if c.eat_kws(&["materialized", "view"]) {
                return self.create_view(c, true);
            }
            if c.eat_kw("schema") {
                return self.create_schema(c);
            }
            if c.eat_kw("extension") {
                return self.create_extension(c);
            }
            if c.eat_kw("function") {
                return self.create_routine(c, ObjectKind::Function);
            }
            if c.eat_kw("procedure") {
                return self.create_routine(c, ObjectKind::Procedure);
            }
            if c.eat_kw("domain") {
                return self.create_domain(c);
            }
            if c.peek_kw("trigger") || c.peek_kws_any(&[&["constraint", "trigger"]]) {
                return self.create_trigger(c);
            }
            if c.eat_kw("policy") {
                return self.create_policy(c);
            }
            let _ = or_replace;
            let kind = first_words(c, 2);
            self.unsupported(format!("`CREATE {kind}`"), at);
            return Ok(());
        }
        if c.eat_kw("alter") {
            if c.eat_kw("table") {
                return self.alter_table(c, at);
            }
            if c.eat_kw("sequence") {
                return self.alter_sequence(c, at);
            }
            if c.eat_kw("index") {
                return self.alter_index(c, at);
            }
            if c.eat_kw("type") {
                return self.alter_type(c, at);
            }
            if owner_to(c) {
                return Ok(());
            }
            let kind = first_words(c, 2);
            self.unsupported(format!("`ALTER {kind}`"), at);
            return Ok(());
        }
        if c.eat_kw("comment") {
            return self.comment_on(c, at);
        }
        if c.eat_kw("set") {
            return self.set(c);
        }
        if c.peek_kw("select") {
            return self.select(c, at);
        }
        if c.eat_kw("grant") {
            return self.privileges(c, false, at);
        }
        if c.eat_kw("revoke") {
            return self.privileges(c, true, at);
        }
        if c.eat_kw("drop") {
            return self.drop(c, at);
        }
        if ["begin", "commit", "start", "end", "rollback", "pragma"]
            .iter()
            .any(|k| c.peek_kw(k))
        {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`{kind}`"), at);
        Ok(())
    }
}

impl Cursor<'_> {
    /// Whether any of the keyword sequences is next.
    pub fn peek_kws_any(&self, seqs: &[&[&str]]) -> bool {
        seqs.iter()
            .any(|kws| kws.iter().enumerate().all(|(i, k)| self.peek_kw_at(i, k)))
    }

    /// Canonical SQL of a range compared by tokens (partition keys and the like).
    pub fn sql_expr_tokens(&self, r: (usize, usize)) -> Sql {
        Sql::new(self.text(r), self.token_key(r))
    }
}

/// The old name in a rename directive: `schemashift: renamed from old_name` or sqldef's
/// `@renamed from=old_name` (a quoted name keeps its case).
pub(super) fn rename_directive(comment: &str, dialect: &dyn Dialect) -> Option<String> {
    let lower = comment.to_ascii_lowercase();
    let rest = if let Some(i) = lower.find("schemashift:") {
        let after = comment[i + "schemashift:".len()..].trim_start();
        let l = after.to_ascii_lowercase();
        let tail = l
            .strip_prefix("renamed")?
            .trim_start()
            .strip_prefix("from")?;
        &after[after.len() - tail.len()..]
    } else if let Some(i) = lower.find("@renamed") {
        let after = comment[i + "@renamed".len()..].trim_start();
        let l = after.to_ascii_lowercase();
        let tail = l.strip_prefix("from")?.trim_start().strip_prefix('=')?;
        &after[after.len() - tail.len()..]
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let quoted = rest
        .strip_prefix('"')
        .and_then(|r| r.split_once('"'))
        .map(|(name, _)| dialect.fold_quoted(name));
    let name = quoted.unwrap_or_else(|| {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '.')
            .collect();
        // `schema.name`: the schema does not change in a rename.
        let word = word.rsplit('.').next().unwrap_or("").to_string();
        dialect.fold_ident(&word)
    });
    (!name.is_empty()).then_some(name)
}

/// `OWNER TO x` (anywhere in an ALTER): ownership is not part of a schema's shape.
pub(super) fn owner_to(c: &mut Cursor) -> bool {
    let owner = (c.pos..c.toks.len()).any(|i| {
        is_kw(&c.toks[i].token, "owner") && c.toks.get(i + 1).is_some_and(|t| is_kw(&t.token, "to"))
    });
    if owner {
        c.pos = c.toks.len();
    }
    owner
}

/// The first `n` words of the rest of a statement, upper-cased, for messages.
pub(super) fn first_words(c: &Cursor, n: usize) -> String {
    c.toks[c.pos..]
        .iter()
        .take(n)
        .map(|t| t.token.to_string().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(" ")
}
