//! The statement builder: state kept across statements, diagnostics, and the dispatch of
//! each statement to its grammar.

use super::cursor::{is_kw, quoted, Cursor, PResult};
use super::source::Source;
use crate::diagnostics::{Code, Diagnostic, Severity, Side};
use crate::dialects::grammar::{did_you_mean, Grammar, NameKind, Namer, Syntax};
use crate::dialects::Dialect;
use crate::model::*;
use rustc_hash::FxHashSet as HashSet;
use sqlparser::tokenizer::{Location, Token};
use std::collections::BTreeMap;

/// Accumulates a [`Schema`] statement by statement.
pub struct Builder<'d> {
    pub(super) dialect: &'d dyn Dialect,
    pub(super) side: Side,
    pub(super) schema: Schema,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Schema that unqualified names are created in (`SET search_path`).
    pub(super) search_schema: String,
    /// The dialect's grammar: what it has, how it names unnamed objects.
    pub(super) grammar: &'d dyn Grammar,
    /// Names taken so far; names for unnamed objects.
    pub(super) names: Box<dyn Namer>,
    /// `ALTER INDEX parent ATTACH PARTITION child`: child index -> parent index.
    pub(super) attached_indexes: Vec<(QualName, QualName)>,
    /// Statements and clauses read but not modelled, or that the dialect does not have, by
    /// kind: count and first position.
    pub(super) unsupported: BTreeMap<Unsupported, (usize, Location)>,
    /// Column types that are not built in, with where they are used (start, end offset).
    pub(super) type_uses: Vec<(Type, Location, usize)>,
    /// Types created by statements the model keeps no object for (base and shell types).
    pub(super) created_types: HashSet<QualName>,

    /// Rename directives in the current statement's comments: line, position, old name.
    pub(super) rename_hints: Vec<(u64, Location, Str)>,
    /// The table whose `CREATE TABLE` is being read.
    pub(super) current_table: QualName,
    /// Indexes written inside the `CREATE TABLE` being read (MySQL `KEY ..`).
    pub(super) pending_indexes: Vec<Index>,
    /// A MySQL view's `ALGORITHM=..` and `SQL SECURITY ..` before `VIEW`, when not the
    /// defaults (`UNDEFINED`, `DEFINER`): the options of the view the statement creates.
    pub(super) view_prefix: Vec<String>,
    /// The columns of the `CREATE TABLE` being read: one buffer for all of them, kept at the
    /// size of the widest table. Freeing it after a wide table (GitLab's
    /// `application_settings` has ~900 columns: a 330 KB block) raised glibc's mmap threshold
    /// for the rest of the run, and the heap blocks that then took the place of mapped ones
    /// fragmented it: ~0.5 MB more peak memory on the GitLab pair.
    pub(super) columns: Vec<ParsedColumn>,
    /// Counter for the placeholder names of unnamed indexes (the dialect names them).
    pub(super) implicit_counter: usize,
}

/// Why something read is not in the schema.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unsupported {
    /// The dialect has it, the model does not hold it: it is not compared.
    NotModelled(String),
    /// The dialect does not have it (another database's statement or clause): ignored.
    NotInDialect(String),
}

/// A constraint as parsed, before its default name is chosen.
pub(super) struct PendingConstraint {
    pub(super) name: Option<Str>,
    pub(super) kind: ConstraintKind,
    pub(super) deferrable: bool,
    pub(super) initially_deferred: bool,
    /// Column the constraint was written on, if any.
    pub(super) column: Option<Str>,
    /// MySQL's `PRIMARY KEY (..) COMMENT '..'`, `UNIQUE KEY u (..) COMMENT '..'`.
    pub(super) comment: Option<String>,
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
    pub(super) renamed_from: Option<(Str, Location)>,
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
            grammar: dialect.grammar(),
            names: dialect.grammar().namer(),
            attached_indexes: Vec::new(),
            unsupported: BTreeMap::new(),
            type_uses: Vec::new(),
            created_types: HashSet::default(),

            rename_hints: Vec::new(),
            current_table: QualName::new("", ""),
            pending_indexes: Vec::new(),
            view_prefix: Vec::new(),
            columns: Vec::new(),
            implicit_counter: 0,
        }
    }

    /// Complete the schema and return it with the diagnostics.
    pub(super) fn finish(mut self, src: &Source<'_>) -> (Schema, Vec<Diagnostic>) {
        self.attach_indexes();
        let label = self.dialect.kind().label();
        for (what, (count, at)) in std::mem::take(&mut self.unsupported) {
            let msg = match (what, count) {
                (Unsupported::NotModelled(kind), 1) => {
                    format!("{kind} is not supported; it is not compared")
                }
                (Unsupported::NotModelled(kind), _) => {
                    format!("{kind} is not supported; {count} such statements are not compared")
                }
                (Unsupported::NotInDialect(kind), 1) => format!("{label} has no {kind}; ignored"),
                (Unsupported::NotInDialect(kind), _) => {
                    format!("{label} has no {kind}; {count} ignored")
                }
            };
            self.diag_at(Code::W001, src, at, msg);
        }
        self.check_types(src);
        self.dialect.complete(&mut self.schema);
        // In the order of the text (warnings counted per kind are found at the end).
        self.diagnostics.sort_by_key(|d| d.offset);
        (self.schema, self.diagnostics)
    }

    /// A rename directive written on the line of `at`.
    pub(super) fn renamed_from(&self, at: Location) -> Option<(Str, Location)> {
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
        (from, at): (Str, Location),
        to: &str,
    ) {
        let offset = c.src.offset(at);
        self.schema.renames.push(Rename {
            kind,
            table: table.clone(),
            from,
            to: to.into(),
            at: Some((at.line as u32, at.column as u32, offset)),
        });
    }

    pub(super) fn push_column_rename(
        &mut self,
        table: &QualName,
        (from, at): (Str, Location),
        to: Str,
    ) {
        self.schema.renames.push(Rename {
            kind: RenameKind::Column,
            table: table.clone(),
            from,
            to,
            at: Some((at.line as u32, at.column as u32, 0)),
        });
    }

    /// Something the dialect has and the model does not hold: a W001 warning, once per kind.
    pub(super) fn unsupported(&mut self, kind: impl Into<String>, at: Location) {
        let e = self
            .unsupported
            .entry(Unsupported::NotModelled(kind.into()))
            .or_insert((0, at));
        e.0 += 1;
    }

    /// Whether the dialect has `syntax`; when not, the statement or clause `what` at `at` is
    /// reported (W001, once per kind) and the caller leaves it out.
    pub(super) fn allowed(&mut self, syntax: Syntax, what: &str, at: Location) -> bool {
        if self.grammar.has(syntax) {
            return true;
        }
        let e = self
            .unsupported
            .entry(Unsupported::NotInDialect(what.to_string()))
            .or_insert((0, at));
        e.0 += 1;
        false
    }

    /// [`Builder::allowed`] for a whole statement: when the dialect does not have it, the rest
    /// of the statement is skipped.
    pub(super) fn statement_allowed(
        &mut self,
        c: &mut Cursor,
        syntax: Syntax,
        what: &str,
        at: Location,
    ) -> bool {
        let ok = self.allowed(syntax, what, at);
        if !ok {
            c.pos = c.toks.len();
        }
        ok
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
            file: None,
        });
    }

    /// A relation (table, index, sequence, view) name is taken.
    pub(super) fn take_relname(&mut self, rel: &QualName) {
        self.names.take(rel, &rel.name, NameKind::Relation);
    }

    /// A constraint name of `table` is taken (and a relation name, for constraints backed by
    /// an index).
    pub(super) fn take_conname(&mut self, table: &QualName, name: &str, index_backed: bool) {
        let kind = if index_backed {
            NameKind::IndexConstraint
        } else {
            NameKind::Constraint
        };
        self.names.take(table, name, kind);
    }

    /// The name the database gives an unnamed object of `table` (see [`Namer::choose`]).
    pub(super) fn choose_name(
        &mut self,
        table: &QualName,
        name2: &str,
        label: &str,
        kind: NameKind,
    ) -> Str {
        self.names
            .choose(table, &table.name, name2, label, kind)
            .into()
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
        let first = match c.peek() {
            // Inline: no allocation for each of a dump's statements.
            Some(Token::Word(w)) if w.quote_style.is_none() => ascii_lowercase(&w.value),
            _ => return self.unknown_statement(c, None),
        };
        if self.grammar.housekeeping(&first) {
            return Ok(());
        }
        if self
            .grammar
            .statement_keywords()
            .binary_search(&first.as_str())
            .is_err()
        {
            if !is_statement_keyword(&first) {
                return self.unknown_statement(c, Some(&first));
            }
            let what = format!("`{}` statement", first.to_ascii_uppercase());
            self.allowed_in(c, false, &what, at);
            return Ok(());
        }
        c.next();
        match first.as_str() {
            "create" => self.create_statement(c, at),
            "alter" => self.alter_statement(c, at),
            "comment" if self.statement_allowed(c, Syntax::Comments, "`COMMENT ON`", at) => {
                self.comment_on(c, at)
            }
            "set" if self.statement_allowed(c, Syntax::SetStatement, "`SET` statement", at) => {
                self.set(c)
            }
            "select" => {
                c.pos -= 1;
                self.select(c, at)
            }
            "grant" | "revoke"
                if self.statement_allowed(c, Syntax::Privileges, "`GRANT`/`REVOKE`", at) =>
            {
                self.privileges(c, first == "revoke", at)
            }
            "drop" => self.drop(c, at),
            "comment" | "set" | "grant" | "revoke" => Ok(()),
            _ => {
                c.pos -= 1;
                let kind = first_words(c, 2);
                self.unsupported(quoted(&kind), at);
                Ok(())
            }
        }
    }

    /// A statement that starts with no statement keyword of any dialect (a typo such as
    /// `CREAT TABLE`): an error (E003), with the closest keyword when it is a likely typo.
    fn unknown_statement(&mut self, c: &mut Cursor, word: Option<&str>) -> PResult<()> {
        let at = c.location();
        let found = c.peek().map(|t| t.to_string()).unwrap_or_default();
        let end = c.toks[c.pos].span.end;
        let label = self.dialect.kind().label();
        let mut message = format!("{} does not start a {label} statement", quoted(&found));
        if let Some(k) = word.and_then(|w| did_you_mean(w, self.grammar.statement_keywords())) {
            message.push_str(&format!("; did you mean `{}`?", k.to_ascii_uppercase()));
        }
        c.pos = c.toks.len();
        self.diag(Code::E003, c.src, at, Some(c.src.offset(end)), message);
        Ok(())
    }

    /// `CREATE TABL`: a word after `CREATE`/`ALTER` that is no kind of object but is one edit
    /// away from one is an error (E003), as a misspelt statement keyword is; the statement is
    /// skipped. Other unknown words are left to the caller (W001).
    fn misspelt_kind(&mut self, c: &mut Cursor, verb: &str, kinds: &[&str]) -> bool {
        let Some(Token::Word(w)) = c.peek() else {
            return false;
        };
        let word = w.value.to_ascii_lowercase();
        if w.quote_style.is_some() || kinds.binary_search(&word.as_str()).is_ok() {
            return false;
        }
        let Some(kind) = did_you_mean(&word, kinds) else {
            return false;
        };
        let (at, end) = (c.location(), c.toks[c.pos].span.end);
        let message = format!(
            "`{verb} {}` is not a statement; did you mean `{verb} {}`?",
            w.value,
            kind.to_ascii_uppercase()
        );
        self.diag(Code::E003, c.src, at, Some(c.src.offset(end)), message);
        c.pos = c.toks.len();
        true
    }

    /// [`Builder::allowed`] with the answer given (for statements recognised by keyword).
    fn allowed_in(&mut self, c: &mut Cursor, has: bool, what: &str, at: Location) {
        if !has {
            let e = self
                .unsupported
                .entry(Unsupported::NotInDialect(what.to_string()))
                .or_insert((0, at));
            e.0 += 1;
            c.pos = c.toks.len();
        }
    }

    /// `CREATE ...`, after the `CREATE`.
    fn create_statement(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.eat_kws(&["or", "replace"]);
        if self.grammar.has(Syntax::MysqlTableOptions) {
            // `ALGORITHM=x DEFINER=`u`@`h` SQL SECURITY x` of views, triggers, routines. The
            // definer is the account that ran it (not schema); the algorithm and the security
            // are the view's, kept when not the defaults.
            self.view_prefix.clear();
            loop {
                if c.eat_kw("algorithm") {
                    c.eat(&Token::Eq);
                    let option = view_option(c, "UNDEFINED", |v| format!("ALGORITHM={v}"));
                    self.view_prefix.extend(option);
                    c.next();
                } else if c.eat_kw("definer") {
                    let kinds = ["view", "trigger", "function", "procedure", "event", "sql"];
                    while !c.at_end() && !kinds.iter().any(|k| c.peek_kw(k)) {
                        c.next();
                    }
                } else if c.eat_kws(&["sql", "security"]) {
                    let option = view_option(c, "DEFINER", |v| format!("SQL SECURITY {v}"));
                    self.view_prefix.extend(option);
                    c.next();
                } else {
                    break;
                }
            }
        }
        let mut unlogged = false;
        loop {
            if c.eat_kw("unlogged") {
                unlogged = self.allowed(Syntax::UnloggedTables, "`UNLOGGED` tables", at);
            } else if !(c.eat_kw("temporary")
                || c.eat_kw("temp")
                || c.eat_kw("global")
                || c.eat_kw("local"))
            {
                break;
            }
        }
        // MySQL routines and events, kept by their definition.
        if self.grammar.has(Syntax::MysqlTableOptions) {
            if c.peek_kw("function") || c.peek_kw("procedure") {
                return self.create_mysql_routine(c);
            }
            if c.peek_kw("event") {
                return self.create_mysql_event(c);
            }
        }
        let g = |s: Syntax, what: &'static str| (s, what);
        let (syntax, what) = if c.peek_kws_any(&[&["virtual", "table"]]) {
            g(Syntax::VirtualTables, "`CREATE VIRTUAL TABLE`")
        } else if c.peek_kw("sequence") {
            g(Syntax::Sequences, "`CREATE SEQUENCE`")
        } else if c.peek_kws_any(&[&["materialized", "view"]]) {
            g(Syntax::MaterializedViews, "`CREATE MATERIALIZED VIEW`")
        } else if c.peek_kw("schema") {
            g(Syntax::CreateSchema, "`CREATE SCHEMA`")
        } else if c.peek_kw("extension") {
            g(Syntax::CreateExtension, "`CREATE EXTENSION`")
        } else if c.peek_kw("function") || c.peek_kw("procedure") {
            g(Syntax::Routines, "`CREATE FUNCTION`/`CREATE PROCEDURE`")
        } else if c.peek_kw("domain") {
            g(Syntax::CreateDomain, "`CREATE DOMAIN`")
        } else if c.peek_kw("policy") {
            g(Syntax::RowSecurity, "`CREATE POLICY`")
        } else {
            return self.create_common(c, at, unlogged);
        };
        if !self.statement_allowed(c, syntax, what, at) {
            return Ok(());
        }
        if c.eat_kws(&["virtual", "table"]) {
            self.create_virtual_table(c)
        } else if c.eat_kw("sequence") {
            self.create_sequence(c)
        } else if c.eat_kws(&["materialized", "view"]) {
            self.create_view(c, true)
        } else if c.eat_kw("schema") {
            self.create_schema(c)
        } else if c.eat_kw("extension") {
            self.create_extension(c)
        } else if c.eat_kw("function") {
            self.create_routine(c, ObjectKind::Function)
        } else if c.eat_kw("procedure") {
            self.create_routine(c, ObjectKind::Procedure)
        } else if c.eat_kw("domain") {
            self.create_domain(c)
        } else {
            c.expect_kw("policy")?;
            self.create_policy(c)
        }
    }

    /// The `CREATE` statements every dialect has (tables, indexes, views, triggers) and
    /// `CREATE TYPE`, whose forms differ.
    fn create_common(&mut self, c: &mut Cursor, at: Location, unlogged: bool) -> PResult<()> {
        if c.eat_kw("table") {
            return self.create_table(c, unlogged);
        }
        if c.peek_kw("unique") || c.peek_kw("index") {
            return self.create_index(c);
        }
        if (c.peek_kw("fulltext") || c.peek_kw("spatial"))
            && self.grammar.has(Syntax::InlineIndexes)
        {
            return self.create_index(c);
        }
        if c.eat_kw("type") {
            return self.create_type(c, at);
        }
        if c.eat_kw("view") || c.eat_kws(&["recursive", "view"]) {
            return self.create_view(c, false);
        }
        if c.peek_kw("trigger") || c.peek_kws_any(&[&["constraint", "trigger"]]) {
            return self.create_trigger(c);
        }
        if self.misspelt_kind(c, "CREATE", CREATE_KINDS) {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`CREATE {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// `ALTER ...`, after the `ALTER`.
    fn alter_statement(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        if c.eat_kw("table") {
            return self.alter_table(c, at);
        }
        if c.peek_kw("sequence") {
            if self.statement_allowed(c, Syntax::Sequences, "`ALTER SEQUENCE`", at) {
                c.next();
                return self.alter_sequence(c, at);
            }
            return Ok(());
        }
        if c.peek_kw("index") {
            if self.statement_allowed(c, Syntax::AlterIndex, "`ALTER INDEX`", at) {
                c.next();
                return self.alter_index(c, at);
            }
            return Ok(());
        }
        if c.peek_kw("domain") {
            if self.statement_allowed(c, Syntax::CreateDomain, "`ALTER DOMAIN`", at) {
                c.next();
                return self.alter_domain(c, at);
            }
            return Ok(());
        }
        if c.peek_kw("type") {
            if self.statement_allowed(c, Syntax::EnumTypes, "`ALTER TYPE`", at) {
                c.next();
                return self.alter_type(c, at);
            }
            return Ok(());
        }
        if self.misspelt_kind(c, "ALTER", ALTER_KINDS) || self.owner_to(c, at) {
            return Ok(());
        }
        let kind = first_words(c, 2);
        self.unsupported(format!("`ALTER {kind}`"), at);
        c.pos = c.toks.len();
        Ok(())
    }

    /// `OWNER TO x` (anywhere in an ALTER): ownership is not part of a schema's shape; it is
    /// reported (W001, once for all of them) and the statement skipped.
    pub(super) fn owner_to(&mut self, c: &mut Cursor, at: Location) -> bool {
        let owner = (c.pos..c.toks.len()).any(|i| {
            is_kw(&c.toks[i].token, "owner")
                && c.toks.get(i + 1).is_some_and(|t| is_kw(&t.token, "to"))
        });
        if owner && self.allowed(Syntax::Ownership, "`OWNER TO`", at) {
            self.unsupported("`OWNER TO`", at);
        }
        if owner {
            c.pos = c.toks.len();
        }
        owner
    }
}

/// The words that may follow `CREATE` (after `OR REPLACE`, `TEMP`, `UNLOGGED`) in any
/// dialect, sorted.
const CREATE_KINDS: &[&str] = &[
    "access",
    "aggregate",
    "cast",
    "collation",
    "constraint",
    "conversion",
    "database",
    "default",
    "domain",
    "event",
    "extension",
    "foreign",
    "function",
    "group",
    "index",
    "language",
    "materialized",
    "operator",
    "policy",
    "procedure",
    "publication",
    "recursive",
    "role",
    "rule",
    "schema",
    "sequence",
    "server",
    "statistics",
    "subscription",
    "table",
    "tablespace",
    "text",
    "transform",
    "trigger",
    "trusted",
    "type",
    "unique",
    "user",
    "view",
    "virtual",
];

/// The words that may follow `ALTER` in any dialect, sorted.
const ALTER_KINDS: &[&str] = &[
    "aggregate",
    "collation",
    "conversion",
    "database",
    "default",
    "domain",
    "event",
    "extension",
    "foreign",
    "function",
    "group",
    "index",
    "language",
    "large",
    "materialized",
    "operator",
    "policy",
    "procedure",
    "publication",
    "role",
    "routine",
    "rule",
    "schema",
    "sequence",
    "server",
    "statistics",
    "subscription",
    "system",
    "table",
    "tablespace",
    "text",
    "trigger",
    "type",
    "user",
    "view",
];

/// Whether `word` starts a statement in any dialect schemashift knows.
fn is_statement_keyword(word: &str) -> bool {
    crate::dialects::DialectKind::ALL.iter().any(|k| {
        k.dialect()
            .grammar()
            .statement_keywords()
            .binary_search(&word)
            .is_ok()
    })
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
pub(super) fn rename_directive(comment: &str, dialect: &dyn Dialect) -> Option<Str> {
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

/// The first `n` words of the rest of a statement, upper-cased, for messages.
pub(super) fn first_words(c: &Cursor, n: usize) -> String {
    // Words after the first: not the body of `DO $$ ... $$` (upper-cased, as a kind).
    let word = |t: &Token| matches!(t, Token::Word(w) if w.quote_style.is_none());
    c.toks[c.pos..]
        .iter()
        .take(n)
        .enumerate()
        .take_while(|(i, t)| *i == 0 || word(&t.token))
        .map(|(_, t)| t.token.to_string().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A MySQL view option's value at the cursor, upper case, as `option` writes it; `None` for
/// the server's default.
fn view_option(c: &Cursor, default: &str, option: impl Fn(&str) -> String) -> Option<String> {
    match c.peek() {
        Some(Token::Word(w)) => {
            let value = w.value.to_ascii_uppercase();
            (value != default).then(|| option(&value))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_lists_are_sorted_for_binary_search() {
        for list in [CREATE_KINDS, ALTER_KINDS] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{:?}", w);
            }
        }
    }
}
