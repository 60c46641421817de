//! Column and table constraints, and the default names PostgreSQL gives them.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use super::index::expr_name_part;
use super::index::index_column_names;
use crate::dialects::grammar::{NameKind, Syntax};
use crate::model::*;
use sqlparser::tokenizer::Token;

/// A MySQL key read as a constraint: its kind, written name and comment.
type MysqlKey = (ConstraintKind, Option<Str>, Option<String>);

impl Builder<'_> {
    /// Add parsed constraints to a table, unnamed ones under the names the database gives
    /// them, chosen in PostgreSQL's order (checks, index-backed keys, foreign keys).
    pub(super) fn add_constraints(&mut self, table: &mut Table, pending: Vec<PendingConstraint>) {
        // Explicit names are taken first.
        for p in &pending {
            if let Some(n) = &p.name {
                self.take_conname(&table.name, n, index_backed(&p.kind));
            }
        }
        let order = |k: &ConstraintKind| match k {
            ConstraintKind::Check { .. } => 0,
            ConstraintKind::PrimaryKey { .. }
            | ConstraintKind::Unique { .. }
            | ConstraintKind::Exclude { .. } => 1,
            ConstraintKind::ForeignKey { .. } => 2,
        };
        // Default names are chosen phase by phase; the constraints keep the written order.
        let mut names: Vec<Option<Str>> = vec![None; pending.len()];
        for phase in 0..3 {
            for (i, p) in pending.iter().enumerate() {
                if order(&p.kind) == phase && p.name.is_none() {
                    names[i] = Some(self.default_constraint_name(table, p));
                }
            }
        }
        for (p, default_name) in pending.into_iter().zip(names) {
            let implicit = p.name.is_none();
            let name = p.name.or(default_name).unwrap_or_default();
            let con = Constraint {
                name: name.clone(),
                kind: p.kind,
                deferrable: p.deferrable,
                initially_deferred: p.initially_deferred,
                implicit_name: implicit,
                comment: p.comment,
            };
            table.constraints.insert(name, con);
        }
    }

    /// The name of an unnamed constraint: `table_columns_label` the dialect's way.
    pub(super) fn default_constraint_name(&mut self, table: &Table, p: &PendingConstraint) -> Str {
        let (columns, label) = match &p.kind {
            ConstraintKind::PrimaryKey { .. } => (Str::default(), "pkey"),
            // (its `INCLUDE` columns too, as PostgreSQL names the index: `t_a_b_key`)
            ConstraintKind::Unique {
                columns, include, ..
            } => (
                index_column_names(columns.iter().chain(include)).into(),
                "key",
            ),
            ConstraintKind::Exclude { .. } => (p.column.clone().unwrap_or_default(), "excl"),
            ConstraintKind::ForeignKey { columns, .. } => (columns.join("_").into(), "fkey"),
            // MariaDB names a column's own check after the column.
            ConstraintKind::Check { .. }
                if p.column.is_some() && self.grammar.has(Syntax::MysqlColumnAttrs) =>
            {
                (p.column.clone().unwrap_or_default(), "column_check")
            }
            ConstraintKind::Check { expr, .. } => {
                let cols = referenced_columns(&expr.key, table);
                let col = if cols.len() == 1 {
                    cols[0].clone()
                } else {
                    Str::default()
                };
                (col, "check")
            }
        };
        let name = self.choose_name(&table.name, &columns, label, name_kind(&p.kind));
        self.take_conname(&table.name, &name, index_backed(&p.kind));
        name
    }

    /// MySQL `PRIMARY KEY [USING ..] (parts)` and `UNIQUE [KEY|INDEX] [name] (parts)`: the
    /// constraint, or `None` when the next words are neither, or when a unique key has prefix
    /// lengths, expressions or descending parts (then it is kept as a unique index).
    fn mysql_key_constraint(
        &mut self,
        c: &mut Cursor,
        name: Option<Str>,
    ) -> PResult<Option<MysqlKey>> {
        let table = self.current_table.clone();
        if c.eat_kws(&["primary", "key"]) {
            let index = self.mysql_index(c, &table, None, true, "btree")?;
            self.implicit_counter -= 1;
            let columns = index.keys.iter().map(|k| k.expr.key.clone()).collect();
            let kind = ConstraintKind::PrimaryKey {
                columns,
                include: Vec::new(),
            };
            return Ok(Some((kind, name, index.comment)));
        }
        c.expect_kw("unique")?;
        let _ = c.eat_kw("key") || c.eat_kw("index");
        let index_name = self.mysql_index_name(c)?;
        let name = name.or(index_name);
        let index = self.mysql_index(c, &table, name.clone(), true, "btree")?;
        let plain = index
            .keys
            .iter()
            .all(|k| !k.descending && !k.expr.key.contains('('));
        if !plain {
            self.pending_indexes.push(index);
            return Ok(None);
        }
        if name.is_none() {
            self.implicit_counter -= 1;
        }
        let kind = ConstraintKind::Unique {
            columns: index.keys.iter().map(|k| k.expr.key.clone()).collect(),
            include: Vec::new(),
            nulls_not_distinct: false,
        };
        Ok(Some((kind, name, index.comment)))
    }

    pub(super) fn column_constraint(
        &mut self,
        c: &mut Cursor,
        col: &str,
    ) -> PResult<ConstraintKind> {
        if c.eat_kws(&["primary", "key"]) {
            let include = self.index_tail(c)?;
            c.eat_kw("asc");
            c.eat_kw("desc");
            return Ok(ConstraintKind::PrimaryKey {
                columns: vec![col.into()],
                include,
            });
        }
        if c.eat_kw("unique") {
            c.eat_kw("key");
            let nnd = nulls_distinct(c)?;
            let include = self.index_tail(c)?;
            return Ok(ConstraintKind::Unique {
                columns: vec![col.into()],
                include,
                nulls_not_distinct: nnd,
            });
        }
        if c.eat_kw("check") {
            let r = c.paren_group()?;
            let no_inherit = c.eat_kws(&["no", "inherit"]);
            return Ok(ConstraintKind::Check {
                expr: c.sql_expr(r),
                no_inherit,
            });
        }
        c.expect_kw("references")?;
        self.references(c, vec![col.into()])
    }

    /// `INCLUDE (..) WITH (..) USING INDEX TABLESPACE x` after PRIMARY KEY / UNIQUE.
    pub(super) fn index_tail(&mut self, c: &mut Cursor) -> PResult<Vec<Str>> {
        let mut include = Vec::new();
        loop {
            if c.eat_kw("include") {
                include = c.ident_list()?;
            } else if c.eat_kw("with") {
                self.option_list(c)?;
            } else if c.eat_kws(&["using", "index", "tablespace"]) {
                c.ident()?;
            } else {
                return Ok(include);
            }
        }
    }

    pub(super) fn references(
        &mut self,
        c: &mut Cursor,
        columns: Vec<Str>,
    ) -> PResult<ConstraintKind> {
        let ref_table = c.qual_name(&self.search_schema.clone())?;
        let ref_columns = if c.peek_tok(&Token::LParen) {
            c.ident_list()?
        } else {
            Vec::new()
        };
        let mut on_delete = RefAction::NoAction;
        let mut on_update = RefAction::NoAction;
        let mut match_full = false;
        loop {
            if c.eat_kw("match") {
                match_full = c.eat_kw("full");
                if !match_full && !c.eat_kw("simple") && !c.eat_kw("partial") {
                    return c.expected("`FULL`, `SIMPLE` or `PARTIAL`");
                }
            } else if c.eat_kws(&["on", "delete"]) {
                on_delete = ref_action(c)?;
            } else if c.eat_kws(&["on", "update"]) {
                on_update = ref_action(c)?;
            } else {
                break;
            }
        }
        Ok(ConstraintKind::ForeignKey {
            columns,
            ref_table,
            ref_columns,
            on_delete,
            on_update,
            match_full,
        })
    }

    /// A table constraint; `None` when the dialect does not have its kind (reported).
    pub(super) fn table_constraint(
        &mut self,
        c: &mut Cursor,
    ) -> PResult<Option<PendingConstraint>> {
        let at = c.location();
        let name = if c.eat_kw("constraint") {
            Some(c.ident()?)
        } else {
            None
        };
        let mut column = None;
        if self.grammar.has(Syntax::InlineIndexes) && (c.peek_kw("primary") || c.peek_kw("unique"))
        {
            if let Some((kind, name, comment)) = self.mysql_key_constraint(c, name)? {
                let mut p = PendingConstraint {
                    name,
                    kind,
                    deferrable: false,
                    initially_deferred: false,
                    column: None,
                    comment,
                };
                self.constraint_characteristics(c, &mut p)?;
                return Ok(Some(p));
            }
            // A unique index with prefixes or expressions: kept as an index.
            return Ok(None);
        }
        let kind = if c.eat_kws(&["primary", "key"]) {
            let columns = match self.using_index(c)? {
                Some(cols) => cols,
                None => self.key_columns(c)?,
            };
            let include = self.index_tail(c)?;
            ConstraintKind::PrimaryKey { columns, include }
        } else if c.eat_kw("unique") {
            let nnd = nulls_distinct(c)?;
            let columns = match self.using_index(c)? {
                Some(cols) => cols,
                None => self.key_columns(c)?,
            };
            let include = self.index_tail(c)?;
            ConstraintKind::Unique {
                columns,
                include,
                nulls_not_distinct: nnd,
            }
        } else if c.eat_kw("check") {
            let r = c.paren_group()?;
            let no_inherit = c.eat_kws(&["no", "inherit"]);
            ConstraintKind::Check {
                expr: c.sql_expr(r),
                no_inherit,
            }
        } else if c.eat_kws(&["foreign", "key"]) {
            if self.grammar.has(Syntax::InlineIndexes) && !c.peek_tok(&Token::LParen) {
                // MySQL's `FOREIGN KEY index_name (..)`.
                c.ident()?;
            }
            let columns = c.ident_list()?;
            c.expect_kw("references")?;
            self.references(c, columns)?
        } else if c.eat_kw("exclude") {
            let start = c.pos;
            if c.eat_kw("using") {
                c.ident()?;
            }
            let (s, e) = c.paren_group()?;
            column = Some(exclude_name_part(c, (s, e)).into());
            let r = c.until(stop_at(&["deferrable", "initially", "not"]));
            let body = (start, r.1);
            ConstraintKind::Exclude {
                body: Sql::new(c.text(body), c.token_key(body)),
            }
        } else {
            return c.expected("a table constraint");
        };
        let mut p = PendingConstraint {
            name,
            kind,
            deferrable: false,
            initially_deferred: false,
            column,
            comment: None,
        };
        self.constraint_characteristics(c, &mut p)?;
        let exclusion = matches!(p.kind, ConstraintKind::Exclude { .. });
        if exclusion && !self.allowed(Syntax::ExclusionConstraints, "`EXCLUDE` constraint", at) {
            return Ok(None);
        }
        Ok(Some(p))
    }

    /// `USING INDEX name` after PRIMARY KEY / UNIQUE: the index becomes the constraint's; its
    /// columns are the key.
    pub(super) fn using_index(&mut self, c: &mut Cursor) -> PResult<Option<Vec<Str>>> {
        if !(c.peek_kw("using") && c.peek_kw_at(1, "index") && !c.peek_kw_at(2, "tablespace")) {
            return Ok(None);
        }
        c.pos += 2;
        let at = c.location();
        let name = c.ident()?;
        let key = self.schema.indexes.keys().find(|k| k.name == name).cloned();
        let Some(index) = key.and_then(|k| self.schema.indexes.shift_remove(&k)) else {
            return Err(super::cursor::ParseError {
                message: format!("index `{name}` is not defined"),
                at,
            });
        };
        Ok(Some(
            index
                .keys
                .iter()
                .map(|k| k.expr.key.trim_matches('"').into())
                .collect(),
        ))
    }

    /// `(a, b)` column list of PRIMARY KEY / UNIQUE, tolerating `WITHOUT OVERLAPS` and ordering.
    pub(super) fn key_columns(&mut self, c: &mut Cursor) -> PResult<Vec<Str>> {
        c.expect(&Token::LParen)?;
        let mut out = Vec::new();
        loop {
            out.push(c.ident()?);
            while !(c.peek_tok(&Token::Comma) || c.peek_tok(&Token::RParen) || c.at_end()) {
                c.next();
            }
            if c.eat(&Token::RParen) {
                return Ok(out);
            }
            c.expect(&Token::Comma)?;
        }
    }

    pub(super) fn constraint_characteristics(
        &mut self,
        c: &mut Cursor,
        p: &mut PendingConstraint,
    ) -> PResult<()> {
        loop {
            if c.eat_kw("deferrable") {
                p.deferrable = true;
            } else if c.eat_kws(&["not", "deferrable"]) {
                p.deferrable = false;
            } else if c.eat_kw("initially") {
                p.initially_deferred = c.eat_kw("deferred");
                if p.initially_deferred {
                    p.deferrable = true;
                } else {
                    c.expect_kw("immediate")?;
                }
            } else if c.eat_kws(&["not", "valid"])
                || c.eat_kws(&["no", "inherit"])
                || c.eat_kw("enforced")
                || c.eat_kws(&["not", "enforced"])
            {
            } else if c.eat_kws(&["on", "conflict"]) {
                let at = c.location();
                c.next();
                self.unsupported("`ON CONFLICT` clause of a constraint", at);
            } else {
                return Ok(());
            }
        }
    }
}

pub(super) fn is_table_constraint_start(c: &Cursor) -> bool {
    [
        "constraint",
        "primary",
        "unique",
        "check",
        "foreign",
        "exclude",
    ]
    .iter()
    .any(|k| c.peek_kw(k))
}

/// `NULLS [NOT] DISTINCT`; true for NOT DISTINCT.
pub(super) fn nulls_distinct(c: &mut Cursor) -> PResult<bool> {
    if c.eat_kws(&["nulls", "not", "distinct"]) {
        return Ok(true);
    }
    if c.eat_kws(&["nulls", "distinct"]) || !c.peek_kw("nulls") {
        return Ok(false);
    }
    // `NULLS` then something else: an error (CREATE INDEX's clause loop would not advance).
    c.next();
    c.expected("`DISTINCT` or `NOT DISTINCT` after `NULLS`")
}

pub(super) fn ref_action(c: &mut Cursor) -> PResult<RefAction> {
    if c.eat_kw("cascade") {
        Ok(RefAction::Cascade)
    } else if c.eat_kw("restrict") {
        Ok(RefAction::Restrict)
    } else if c.eat_kws(&["no", "action"]) {
        Ok(RefAction::NoAction)
    } else if c.eat_kws(&["set", "null"]) {
        if c.peek_tok(&Token::LParen) {
            c.paren_group()?;
        }
        Ok(RefAction::SetNull)
    } else if c.eat_kws(&["set", "default"]) {
        if c.peek_tok(&Token::LParen) {
            c.paren_group()?;
        }
        Ok(RefAction::SetDefault)
    } else {
        c.expected("a referential action")
    }
}

/// Distinct column names of `table` mentioned in a canonical expression key, in order.
pub(super) fn referenced_columns(key: &str, table: &Table) -> Vec<Str> {
    let mut out: Vec<Str> = Vec::new();
    let mut word = String::new();
    let mut in_str = false;
    let mut quoted = false;
    let flush = |w: &mut String, out: &mut Vec<Str>| {
        if !w.is_empty()
            && table.columns.contains_key(w.as_str())
            && !out.iter().any(|o| o == w.as_str())
        {
            out.push(w.as_str().into());
        }
        w.clear();
    };
    for ch in key.chars() {
        if in_str {
            if ch == '\'' {
                in_str = false;
            }
            continue;
        }
        if quoted {
            if ch == '"' {
                quoted = false;
                flush(&mut word, &mut out);
            } else {
                word.push(ch);
            }
            continue;
        }
        match ch {
            '\'' => {
                flush(&mut word, &mut out);
                in_str = true;
            }
            '"' => {
                flush(&mut word, &mut out);
                quoted = true;
            }
            c if c.is_alphanumeric() || c == '_' || c == '$' => word.push(c),
            _ => flush(&mut word, &mut out),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Name part PostgreSQL derives from `EXCLUDE (a WITH =, b WITH &&)`: the element columns
/// joined by `_` (`expr` or the function name for expressions).
pub(super) fn exclude_name_part(c: &Cursor, (s, e): (usize, usize)) -> String {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut at_element_start = true;
    for i in s..e {
        let t = &c.toks[i].token;
        if depth == 0 && at_element_start {
            parts.push(match (t, c.toks.get(i + 1).map(|t| &t.token)) {
                (Token::LParen, _) => expr_name_part(c, i + 1),
                (Token::Word(w), Some(Token::LParen)) => w.value.to_ascii_lowercase(),
                (Token::Word(w), _) if w.quote_style.is_some() => {
                    c.dialect.fold_quoted(&w.value).to_string()
                }
                (Token::Word(w), _) => c.dialect.fold_ident(&w.value).to_string(),
                _ => "expr".to_string(),
            });
            at_element_start = false;
        }
        match t {
            Token::LParen => depth += 1,
            Token::RParen => depth -= 1,
            Token::Comma if depth == 0 => at_element_start = true,
            _ => {}
        }
    }
    parts.join("_")
}

/// PostgreSQL keeps one index for identical key constraints in one `CREATE TABLE`
/// (`id int PRIMARY KEY UNIQUE`): the primary key, else the first; an unnamed survivor takes
/// the name of the one dropped.
pub(super) fn dedup_key_constraints(list: &mut Vec<PendingConstraint>) {
    let key = |p: &PendingConstraint| match &p.kind {
        ConstraintKind::PrimaryKey { columns, include } => {
            Some((columns.clone(), include.clone(), false))
        }
        ConstraintKind::Unique {
            columns,
            include,
            nulls_not_distinct,
        } => Some((columns.clone(), include.clone(), *nulls_not_distinct)),
        _ => None,
    };
    // Primary key first, as PostgreSQL orders them.
    if let Some(pk) = list
        .iter()
        .position(|p| matches!(p.kind, ConstraintKind::PrimaryKey { .. }))
    {
        let item = list.remove(pk);
        list.insert(0, item);
    }
    let mut i = 0;
    while i < list.len() {
        let dup = key(&list[i]).and_then(|k| {
            (0..i).find(|&j| {
                key(&list[j]).as_ref() == Some(&k)
                    && list[j].deferrable == list[i].deferrable
                    && list[j].initially_deferred == list[i].initially_deferred
            })
        });
        match dup {
            Some(j) => {
                let removed = list.remove(i);
                if list[j].name.is_none() {
                    list[j].name = removed.name;
                }
            }
            None => i += 1,
        }
    }
}

/// Constraint `k` of `table` is gone: its name (and its index's, for an index-backed one) is
/// free again.
pub(super) fn release_constraint(
    names: &mut dyn crate::dialects::grammar::Namer,
    table: &QualName,
    k: &Constraint,
) {
    names.release(table, &k.name, name_kind(&k.kind));
}

/// The namespace a constraint's name is taken in: an index-backed one's is a relation name too.
fn name_kind(kind: &ConstraintKind) -> NameKind {
    if index_backed(kind) {
        NameKind::IndexConstraint
    } else {
        NameKind::Constraint
    }
}

/// Constraints backed by an index, whose names are relation names too (PostgreSQL).
pub(super) fn index_backed(kind: &ConstraintKind) -> bool {
    matches!(
        kind,
        ConstraintKind::PrimaryKey { .. }
            | ConstraintKind::Unique { .. }
            | ConstraintKind::Exclude { .. }
    )
}
