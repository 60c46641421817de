//! The statements of a revision's `upgrade()` / `downgrade()` -> the DDL Alembic emits for
//! them (`op.*` operations, `batch_alter_table` blocks, enum types created or dropped,
//! `op.execute` of DDL), and the data steps they take (DML, `bulk_insert`).

use super::super::ddl::{self, column_def, qual, quote, sql_str, Emitted};
use super::super::models::{arg, kwarg, ColumnDef, IndexDef, Lit, Origin, Reader, TableDef};
use super::super::modules::{helper_body, Param, Sym};
use super::super::types::{Compiler, SaType};
use crate::dialects::sqlalchemy::py_str;
use crate::model::{ConstraintKind, Str};
use ruff_python_ast::{self as ast, Expr, Stmt};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A step that changes data, not the schema (`op.execute` of DML, `op.bulk_insert`,
/// `bind.execute(...)`): listed in a review, not replayed.
#[derive(Clone, Debug)]
pub struct Step {
    pub at: Origin,
    pub what: String,
}

/// The table a `batch_alter_table` block works on, and the name its operations are called on.
struct Batch {
    table: String,
    schema: Option<String>,
    alias: Option<String>,
    /// `naming_convention=`: the names the reflected table's unnamed constraints get.
    naming: BTreeMap<String, String>,
}

pub(super) struct Interp {
    c: Compiler,
    /// SQLAlchemy's dialect name (`postgresql`, `sqlite`, `mysql`, `mariadb`).
    sa_name: &'static str,
    pub ddl: Emitted,
    pub steps: Vec<Step>,
    /// Renames the operations make, as `--rename` takes them (`old=new`, `table.old=new`).
    pub renames: Vec<String>,
    depth: usize,
    /// The helper function being read (its range), when in one.
    helper: Option<ruff_text_size::TextRange>,
    /// A `return` ran: the rest of the function (or helper) being read does not.
    returned: bool,
    /// A `continue` ran: the rest of the unrolled loop's item does not.
    continued: bool,
    /// A `break` ran: the unrolled loop's later items (and its `else`) do not.
    broke: bool,
    /// An `if` that could not be decided would `return`, `continue` or `break`: where it is,
    /// for a warning when operations follow it in its block.
    undecided_exit: Option<Origin>,
    /// The DDL of the schema the function starts from (what ran before it).
    prefix: String,
    dialect: &'static dyn crate::dialects::Dialect,
    /// The schema as it stands (prefix + DDL so far), built when an inspector test asks, and
    /// the DDL length it was built at.
    state: std::cell::RefCell<Option<(usize, crate::model::Schema)>>,
    /// The `batch_alter_table` being read recreates its table ("move and copy"): on SQLite
    /// an operation other than adding a column or an index ran in it, or `recreate="always"`.
    recreates: bool,
}

/// The type the replay gives a column it could not read (its type cannot be resolved, or is
/// decided at run time): the column exists, later operations apply to it, and the schema
/// built leaves it out of the comparison ([`crate::model::Schema::uncompared`]) unless an
/// operation gave it a type the replay can read.
pub(super) const UNCOMPARED_TYPE: &str = "schemashift_uncompared";

/// Whether `e` is a test whose value is a bool: a comparison, `not`, or `and`/`or` of those
/// (`x or {}` is a value).
fn is_test(e: &Expr) -> bool {
    match e {
        Expr::Compare(_) => true,
        Expr::UnaryOp(u) => u.op == ast::UnaryOp::Not,
        Expr::BoolOp(b) => b.values.iter().all(is_test),
        _ => false,
    }
}

/// Words that start a statement which changes data, not the schema.
const DATA_WORDS: &[&str] = &[
    "insert", "update", "delete", "select", "copy", "with", "truncate", "merge", "call", "do",
    "analyze", "vacuum", "refresh", "notify", "lock",
];

/// An SQL text past the comments and spaces it starts with.
fn past_comments(sql: &str) -> &str {
    let mut s = sql.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = rest.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            return s;
        }
    }
}

/// The first word of an SQL text, past comments.
fn first_word(sql: &str) -> String {
    past_comments(sql)
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// What a PL/pgSQL `DO` block of a revision does to the schema.
#[derive(Debug, PartialEq)]
enum DoBlock {
    /// Only `CREATE TYPE name AS ENUM (...)`, each if the type is missing: bare, under
    /// `IF NOT EXISTS (...) THEN ... END IF`, or with `EXCEPTION WHEN duplicate_object THEN
    /// null` (the idioms for an enum a revision may find made): the statements and their
    /// types' names.
    CreateTypes(Vec<(String, String)>),
    /// Other procedural code, with DDL in it or not.
    Code { ddl: bool },
}

/// Reads `DO [LANGUAGE plpgsql] $tag$ ... $tag$` (see [`DoBlock`]); `None` when the body is
/// not dollar-quoted.
fn do_block(sql: &str) -> Option<DoBlock> {
    let rest = strip_word(past_comments(sql), "do")?;
    let rest = strip_word(rest, "language")
        .and_then(|r| strip_word(r, "plpgsql"))
        .unwrap_or(rest);
    let after = rest.strip_prefix('$')?;
    let tag_len = after.find('$')?;
    let tag = &rest[..tag_len + 2];
    if !tag[1..tag.len() - 1]
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return None;
    }
    let body = &rest[tag.len()..];
    let body = &body[..body.find(tag)?];
    let mut types = Vec::new();
    let mut ddl = false;
    let mut code = false;
    for piece in split_statements(body) {
        let mut stmt = piece.trim();
        if let Some(r) = strip_word(stmt, "begin") {
            stmt = r;
        }
        // `IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'x') THEN CREATE TYPE ...`
        if let Some(r) = strip_word(stmt, "if").and_then(|r| strip_word(r, "not")) {
            let guard = strip_word(r, "exists").and_then(|r| {
                let close = matching_paren(r)?;
                strip_word(r[close + 1..].trim_start(), "then")
            });
            match guard {
                Some(r) => stmt = r,
                None => code = true,
            }
        }
        let words: Vec<String> = (stmt.split_whitespace().take(4))
            .map(str::to_ascii_lowercase)
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match words.as_slice() {
            [] | ["end"] | ["end", "if"] => {}
            ["exception", "when", "duplicate_object", "then"] => {
                let handler: Vec<String> = (stmt.split_whitespace().skip(4))
                    .map(str::to_ascii_lowercase)
                    .collect();
                if handler != ["null"] {
                    code = true;
                }
            }
            ["create", "type", name, ..] => {
                let as_enum = stmt.to_ascii_lowercase().contains(" as enum");
                match (as_enum, unquoted_type_name(name)) {
                    (true, Some(name)) => types.push((format!("{stmt};"), name)),
                    _ => ddl = true,
                }
            }
            [first, ..] if matches!(*first, "create" | "alter" | "drop" | "comment") => ddl = true,
            _ => code = true,
        }
    }
    Some(if code || ddl || types.is_empty() {
        DoBlock::Code {
            ddl: ddl || !types.is_empty(),
        }
    } else {
        DoBlock::CreateTypes(types)
    })
}

/// `text` after the word `word` (any case) and the space after it.
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word)
        && !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    .then(|| rest.trim_start())
}

/// The position of the `)` that closes the `(` `text` starts with (quotes skipped).
fn matching_paren(text: &str) -> Option<usize> {
    if !text.starts_with('(') {
        return None;
    }
    let mut depth = 0;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The statements of a PL/pgSQL body: split at `;` outside quotes and parentheses.
fn split_statements(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ';') if depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

/// The name of `CREATE TYPE <name> AS ENUM` (its third word): the last part, when not quoted.
fn unquoted_type_name(word: &str) -> Option<String> {
    let name = word.rsplit('.').next()?;
    let name = name.split('(').next()?;
    (!name.is_empty() && !name.contains('"')).then(|| name.to_string())
}

fn stub_table(name: String, schema: Option<String>, at: Origin) -> TableDef {
    TableDef {
        name,
        schema,
        columns: Vec::new(),
        constraints: Vec::new(),
        indexes: Vec::new(),
        comment: None,
        sqlite_autoincrement: false,
        options: Vec::new(),
        naming: BTreeMap::new(),
        at,
        renamed_from: None,
        uncompared: Vec::new(),
    }
}

/// The enum type names a call tree marks `create_type=False` (`postgresql.ENUM(...,
/// name="x", create_type=False)`): the table creation does not create them.
fn no_create_types(e: &Expr, out: &mut Vec<String>) {
    if let Expr::Call(c) = e {
        let off = c.arguments.keywords.iter().any(|k| {
            k.arg.as_ref().is_some_and(|a| a.as_str() == "create_type")
                && matches!(k.value, Expr::BooleanLiteral(ref b) if !b.value)
        });
        if off {
            if let Some(Expr::StringLiteral(s)) = kwarg(c, "name") {
                out.push(s.value.to_str().to_string());
            }
        }
        for a in c.arguments.args.iter() {
            no_create_types(a, out);
        }
        for k in c.arguments.keywords.iter() {
            no_create_types(&k.value, out);
        }
    }
}

/// What an inspector call lists ([`Interp::inspected`]).
enum Listed {
    Tables,
    Columns(String),
    Indexes(String),
}

impl Interp {
    pub(super) fn new(
        c: Compiler,
        sa_name: &'static str,
        prefix: String,
        dialect: &'static dyn crate::dialects::Dialect,
    ) -> Self {
        Interp {
            c,
            sa_name,
            ddl: Emitted::default(),
            steps: Vec::new(),
            renames: Vec::new(),
            depth: 0,
            helper: None,
            returned: false,
            continued: false,
            broke: false,
            undecided_exit: None,
            prefix,
            dialect,
            state: std::cell::RefCell::new(None),
            recreates: false,
        }
    }

    /// The constraint of table `table` without a name of its own that naming convention
    /// `naming` names `name` (`fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s`),
    /// by the name the schema knows it by; `None` when the table has a constraint `name`, or
    /// none is so named.
    fn by_convention(
        &self,
        naming: &BTreeMap<String, String>,
        table: &str,
        name: &str,
    ) -> Option<String> {
        self.with_schema(|schema| {
            let t = (schema.tables.values()).find(|t| t.name.name == table)?;
            if t.constraints.contains_key(name) {
                return None;
            }
            let conventional = |c: &crate::model::Constraint| {
                let strs = |v: &[Str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
                let (key, columns, referred) = match &c.kind {
                    ConstraintKind::ForeignKey {
                        columns,
                        ref_table,
                        ref_columns,
                        ..
                    } => (
                        "fk",
                        strs(columns),
                        Some(super::super::models::FkDef {
                            table: ref_table.name.to_string(),
                            columns: strs(columns),
                            ref_columns: strs(ref_columns),
                            name: None,
                            ondelete: None,
                            onupdate: None,
                            matching: None,
                            deferrable: None,
                            initially: None,
                        }),
                    ),
                    ConstraintKind::Unique { columns, .. } => ("uq", strs(columns), None),
                    ConstraintKind::PrimaryKey { columns, .. } => ("pk", strs(columns), None),
                    _ => return None,
                };
                let template = naming.get(key)?;
                ddl::convention(template, table, &columns, referred.as_ref(), None)
            };
            (t.constraints.values())
                .filter(|c| c.implicit_name)
                .find(|c| conventional(c).as_deref() == Some(name))
                .map(|c| c.name.to_string())
        })
    }

    /// The names of table `table`'s CHECK constraints that have none in the database
    /// (SQLite's unnamed ones), in the schema as it stands.
    fn unnamed_checks(&self, table: &str) -> Vec<String> {
        self.with_schema(|schema| {
            (schema.tables.values())
                .filter(|t| t.name.name == table)
                .flat_map(|t| t.constraints.values())
                .filter(|c| c.implicit_name && matches!(c.kind, ConstraintKind::Check { .. }))
                .map(|c| c.name.to_string())
                .collect()
        })
    }

    /// `f` of the schema as it stands (the prefix and the DDL so far), built again only when
    /// the DDL has grown since.
    fn with_schema<T>(&self, f: impl FnOnce(&crate::model::Schema) -> T) -> T {
        let mut state = self.state.borrow_mut();
        let len = self.ddl.sql.len();
        if state.as_ref().is_none_or(|(at, _)| *at != len) {
            let text = format!("{}{}", self.prefix, self.ddl.sql);
            let (schema, _) =
                crate::input::sql::parse(&text, self.dialect, crate::diagnostics::Side::Current);
            *state = Some((len, schema));
        }
        let (_, schema) = state.as_ref().expect("just built");
        f(schema)
    }

    /// Whether table `table` (and column `column`) exists in the schema as it stands.
    fn exists(&self, table: &str, column: Option<&str>) -> bool {
        self.with_schema(|schema| {
            self.tables_named(schema, table)
                .any(|t| column.is_none_or(|c| self.column_of(t, c).is_some()))
        })
    }

    /// The tables of `schema` named `table`, as written or as the database folds it.
    fn tables_named<'s>(
        &self,
        schema: &'s crate::model::Schema,
        table: &str,
    ) -> impl Iterator<Item = &'s crate::model::Table> {
        let folded = self.dialect.fold_ident(table);
        let table = table.to_string();
        (schema.tables.values()).filter(move |t| t.name.name == folded || t.name.name == table)
    }

    /// Column `column` of table `t`, as written or as the database folds it.
    fn column_of<'t>(
        &self,
        t: &'t crate::model::Table,
        column: &str,
    ) -> Option<&'t crate::model::Column> {
        (t.columns.get(column)).or_else(|| t.columns.get(&self.dialect.fold_ident(column)))
    }

    /// Whether enum type `name` exists in the schema as it stands.
    fn enum_exists(&self, name: &str) -> bool {
        self.with_schema(|schema| schema.enums.keys().any(|k| k.name == name))
    }

    /// Whether index `name` of table `table` exists in the schema as it stands.
    fn index_exists(&self, table: &str, name: &str) -> bool {
        let (t, n) = (
            self.dialect.fold_ident(table),
            self.dialect.fold_ident(name),
        );
        self.with_schema(|schema| {
            schema.indexes.values().any(|i| {
                (i.name.name == n || i.name.name == name)
                    && (i.table.name == t || i.table.name == table)
            })
        })
    }

    /// Whether what an inspector call lists holds `name`, in the schema as it stands.
    fn listed_holds(&self, listed: &Listed, name: &str) -> bool {
        match listed {
            Listed::Tables => self.exists(name, None),
            Listed::Columns(t) => self.exists(t, Some(name)),
            Listed::Indexes(t) => self.index_exists(t, name),
        }
    }

    /// What an inspector result lists: `inspector.get_table_names()`, the names of
    /// `inspector.get_columns("t")` or of `inspector.get_indexes("t")` (in a comprehension,
    /// `set(...)`, a conditional expression), followed through local names and helpers.
    fn inspected<'a>(&self, r: &Reader<'a>, m: usize, e: &'a Expr, depth: usize) -> Option<Listed> {
        if depth > 8 {
            return None;
        }
        let table = |c: &'a ast::ExprCall| c.arguments.args.first().and_then(|t| r.lit_str(m, t));
        match e {
            Expr::Name(_) => match r.r.expr(m, e) {
                Sym::Value(vm, v) => self.inspected(r, vm, v, depth + 1),
                _ => None,
            },
            Expr::Call(c) => match &*c.func {
                Expr::Attribute(a) if a.attr.as_str() == "get_table_names" => Some(Listed::Tables),
                Expr::Attribute(a) if a.attr.as_str() == "get_columns" => {
                    Some(Listed::Columns(table(c)?))
                }
                Expr::Attribute(a) if a.attr.as_str() == "get_indexes" => {
                    Some(Listed::Indexes(table(c)?))
                }
                // `set(...)`, `list(...)` of one.
                Expr::Name(n)
                    if matches!(n.id.as_str(), "set" | "list" | "frozenset" | "tuple") =>
                {
                    self.inspected(r, m, c.arguments.args.first()?, depth + 1)
                }
                // `get_existing_tables()`: a helper that returns one.
                _ => {
                    r.r.through_helper(m, c, |fm, ret| self.inspected(r, fm, ret, depth + 1))
                }
            },
            Expr::ListComp(l) => self.inspected(r, m, &l.generators.first()?.iter, depth + 1),
            Expr::SetComp(l) => self.inspected(r, m, &l.generators.first()?.iter, depth + 1),
            Expr::Generator(l) => self.inspected(r, m, &l.generators.first()?.iter, depth + 1),
            // `{...} if "t" in tables else set()`: the branch the condition takes (an empty
            // literal lists nothing of the table it would name).
            Expr::If(i) => match self.condition(r, m, &i.test, depth + 1)? {
                true => self.inspected(r, m, &i.body, depth + 1),
                false => self.inspected(r, m, &i.orelse, depth + 1),
            },
            _ => None,
        }
    }

    fn line(&mut self, text: String, at: Origin) {
        self.ddl.line(&text, at);
    }

    fn qt(&self, schema: &Option<String>, name: &str) -> String {
        qual(schema, name, self.c)
    }

    fn q(&self, name: &str) -> String {
        quote(name, self.c)
    }

    fn pg(&self) -> bool {
        self.c == Compiler::Postgresql
    }

    fn my(&self) -> bool {
        self.c == Compiler::Mysql
    }

    /// Read the statements of a function body. Its local names are what they were last
    /// assigned when they are used (`table_name = 'a'`, an operation on it, then
    /// `table_name = 'b'`), as in a helper.
    pub(super) fn body<'a>(&mut self, r: &mut Reader<'a>, m: usize, body: &'a [Stmt]) {
        let bound = r.r.params.borrow().len();
        let scope = match (body.first(), body.last()) {
            (Some(a), Some(b)) => Some(ruff_text_size::TextRange::new(
                ruff_text_size::Ranged::range(a).start(),
                ruff_text_size::Ranged::range(b).end(),
            )),
            _ => None,
        };
        let outer = std::mem::replace(&mut self.helper, scope);
        self.stmts(r, m, body, None);
        self.helper = outer;
        self.returned = false;
        r.r.params.borrow_mut().truncate(bound);
    }

    fn stmts<'a>(&mut self, r: &mut Reader<'a>, m: usize, body: &'a [Stmt], batch: Option<&Batch>) {
        for (i, s) in body.iter().enumerate() {
            if self.returned || self.continued || self.broke {
                return;
            }
            self.stmt(r, m, s, batch);
            // `if not rows: continue` on fetched rows: what follows is read as if the test
            // is false, and said so when it holds operations.
            if let Some(at) = self.undecided_exit.take() {
                if reaches_op(r, m, &body[i + 1..], true) {
                    r.warn_at(at, "this condition cannot be decided statically, and it would leave this block (`return`, `continue` or `break`); the operations after it are read as if it is false".into());
                }
            }
        }
    }

    fn stmt<'a>(&mut self, r: &mut Reader<'a>, m: usize, s: &'a Stmt, batch: Option<&Batch>) {
        match s {
            // `op.create_index(...),`: a stray comma makes the call a one-element tuple.
            Stmt::Expr(e) => match &*e.value {
                Expr::Tuple(t) => {
                    for el in t.elts.iter() {
                        self.expr(r, m, el, batch);
                    }
                }
                v => self.expr(r, m, v, batch),
            },
            Stmt::Assign(a) => {
                // In a helper function, its local names (`col = sa.Column(...)`) are what
                // they were last assigned, for the rest of the call. A test decided here
                // (`is_nullable = bind.engine.name == "sqlite"`) is bound to its value.
                if let Some(scope) = self.helper {
                    // (`type_ = sa.Text() if dialect == "mysql" else sa.String()`: the branch)
                    let value: &'a Expr = self.decided(r, m, &a.value);
                    for t in a.targets.iter() {
                        let (name, value) = match t {
                            Expr::Name(n) => (n, value),
                            // `nameargs["collation"] = "utf8_bin"` on a local dict: from here
                            // on the dict has the key (`sa.Unicode(200, **nameargs)`).
                            Expr::Subscript(s) => match (&*s.value, r.made) {
                                (Expr::Name(n), Some(made)) if r.lit_str(m, &s.slice).is_some() => {
                                    let Some((dm, Expr::Dict(d))) = r.value_of(m, &s.value, 0)
                                    else {
                                        continue;
                                    };
                                    if dm != m {
                                        continue;
                                    }
                                    let mut d = d.clone();
                                    d.items.push(ruff_python_ast::DictItem {
                                        key: Some((*s.slice).clone()),
                                        value: value.clone(),
                                    });
                                    (n, &*made.alloc(Expr::Dict(d)))
                                }
                                _ => continue,
                            },
                            _ => continue,
                        };
                        r.r.params.borrow_mut().push(Param {
                            module: m,
                            scope,
                            name: name.id.to_string(),
                            value: (m, value),
                        });
                    }
                }
                self.expr(r, m, &a.value, batch)
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(r, m, v, batch);
                }
            }
            Stmt::With(w) => {
                let mut inner = None;
                let mut unnamed = Vec::new();
                for item in w.items.iter() {
                    let Some((name, call)) = r.callee(m, &item.context_expr) else {
                        continue;
                    };
                    if name != "alembic.op.batch_alter_table" {
                        continue;
                    }
                    let table = arg(call, 0, "table_name").and_then(|t| r.lit_str(m, t));
                    let Some(table) = table else {
                        r.warn(m, &item.context_expr, "the table of this batch_alter_table is not a literal; its operations are not read".into());
                        return;
                    };
                    let schema = kwarg(call, "schema").and_then(|s| r.lit_str(m, s));
                    let alias = match item.optional_vars.as_deref() {
                        Some(Expr::Name(n)) => Some(n.id.to_string()),
                        _ => None,
                    };
                    // Alembic's "move and copy" builds the new table from the old one's
                    // reflection, which leaves out CHECK constraints without a name: on SQLite,
                    // where such a constraint has none in the database either.
                    let recreate = kwarg(call, "recreate").and_then(|v| r.lit_str(m, v));
                    let own_args = kwarg(call, "table_args").is_some()
                        || kwarg(call, "reflect_args").is_some();
                    unnamed = match recreate.as_deref() {
                        Some("never") => Vec::new(),
                        _ if own_args || self.c != Compiler::Sqlite => Vec::new(),
                        _ => self.unnamed_checks(&table),
                    };
                    self.recreates = recreate.as_deref() == Some("always");
                    let naming = kwarg(call, "naming_convention")
                        .and_then(|c| r.naming_dict(m, c))
                        .unwrap_or_default();
                    inner = Some(Batch {
                        table,
                        schema,
                        alias,
                        naming,
                    });
                }
                self.stmts(r, m, &w.body, inner.as_ref().or(batch));
                if let (Some(b), true) = (&inner, std::mem::take(&mut self.recreates)) {
                    let left = self.unnamed_checks(&b.table);
                    for name in unnamed.iter().filter(|n| left.contains(n)) {
                        let text = format!(
                            "ALTER TABLE {} DROP CONSTRAINT {};",
                            self.qt(&b.schema, &b.table),
                            self.q(name)
                        );
                        self.line(text, r.origin(m, s));
                    }
                }
            }
            Stmt::If(i) => {
                let mut branches: Vec<(Option<&'a Expr>, &'a [Stmt])> =
                    vec![(Some(&i.test), &i.body)];
                branches.extend(
                    i.elif_else_clauses
                        .iter()
                        .map(|c| (c.test.as_ref(), &c.body[..])),
                );
                for (test, body) in branches {
                    let Some(test) = test else {
                        self.stmts(r, m, body, batch);
                        return;
                    };
                    match self.condition(r, m, test, 0) {
                        Some(true) => {
                            self.stmts(r, m, body, batch);
                            return;
                        }
                        Some(false) => continue,
                        None => {
                            if reaches_op(r, m, body, true) {
                                r.warn(m, test, "this condition cannot be decided statically (the dialect's name and the inspector's table and column names can); the operations under it are not read".into());
                            } else if exits(body) {
                                self.undecided_exit = Some(r.origin(m, test));
                            }
                            return;
                        }
                    }
                }
            }
            Stmt::Try(t) => self.stmts(r, m, &t.body, batch),
            Stmt::For(f) if reaches_op(r, m, std::slice::from_ref(s), true) => {
                match self.loop_items(r, m, f) {
                    Some(items) => {
                        // The loop unrolled: its names are each item in turn.
                        for binds in items {
                            let bound = bind_item(r, m, f.range, binds);
                            self.stmts(r, m, &f.body, batch);
                            self.continued = false;
                            r.r.params.borrow_mut().truncate(bound);
                            if self.broke {
                                break;
                            }
                        }
                        // Python's `for ... else`: only when the loop did not break.
                        if !std::mem::take(&mut self.broke) {
                            self.stmts(r, m, &f.orelse, batch);
                        }
                    }
                    None => r.warn(m, s, "this loop is not over a literal list or tuple (of strings, or of tuples unpacked into names) or an inspector's list of a table's indexes, constraints or columns; the operations in it are not read (write them out)".into()),
                }
            }
            // `if bind.dialect.name != "postgresql": return`: what follows does not run.
            Stmt::Return(_) => self.returned = true,
            // `if table not in tables: continue` in an unrolled loop: the item's rest does not
            // run (loops that are not unrolled are not read).
            Stmt::Continue(_) => self.continued = true,
            Stmt::Break(_) => self.broke = true,
            Stmt::While(_) if reaches_op(r, m, std::slice::from_ref(s), true) => {
                r.warn(m, s, "operations in a while loop cannot be read statically; they are not read (write them out)".into());
            }
            _ => {}
        }
    }

    /// `inspector.get_indexes("t")`, `get_unique_constraints`, `get_foreign_keys` and
    /// `get_columns` of the schema as it stands, each item the dict SQLAlchemy's inspector
    /// gives (its keys that name things: `name`, `column_names`, `unique`,
    /// `constrained_columns`, `referred_table`, `referred_columns`, `nullable`), made as a
    /// Python literal; `None` for another call, or a table that cannot be read.
    fn inspector_items<'a>(
        &self,
        r: &Reader<'a>,
        m: usize,
        c: &'a ast::ExprCall,
    ) -> Option<Vec<(usize, &'a Expr)>> {
        let Expr::Attribute(a) = &*c.func else {
            return None;
        };
        let kind = a.attr.as_str();
        if !matches!(
            kind,
            "get_indexes" | "get_unique_constraints" | "get_foreign_keys" | "get_columns"
        ) {
            return None;
        }
        let made = r.made?;
        let table = r.lit_str(m, arg(c, 0, "table_name")?)?;
        let folded = self.dialect.fold_ident(&table);
        let strs = |names: &[Str]| {
            let items: Vec<String> = names.iter().map(|n| py_str(n)).collect();
            format!("[{}]", items.join(", "))
        };
        let texts: Vec<String> = self.with_schema(|schema| {
            let t = (schema.tables.values())
                .find(|t| t.name.name == folded || t.name.name == table)?;
            let mut out = Vec::new();
            match kind {
                "get_indexes" => {
                    for i in schema.indexes.values().filter(|i| i.table == t.name) {
                        let columns: Vec<String> = (i.keys.iter())
                            .map(|k| k.column().map_or("None".into(), |c| py_str(&c)))
                            .collect();
                        out.push(format!(
                            "{{'name': {}, 'column_names': [{}], 'unique': {}}}",
                            py_str(&i.name.name),
                            columns.join(", "),
                            // (SQLite's inspector gives the flag as it reads it, an int)
                            match (i.unique, self.c) {
                                (true, Compiler::Sqlite) => "1",
                                (false, Compiler::Sqlite) => "0",
                                (true, _) => "True",
                                (false, _) => "False",
                            }
                        ));
                    }
                }
                "get_columns" => {
                    for c in t.columns.values() {
                        // (`type`: only where the reflected class is known)
                        let is_enum = (c.ty.user.as_deref())
                            .is_some_and(|u| schema.enums.contains_key(u));
                        let ty = reflected_classes(self.c, self.sa_name, &c.ty, is_enum)
                            .map(|classes| {
                                format!(", 'type': {REFLECTED_TYPE}({})", py_str(&classes.join("|")))
                            })
                            .unwrap_or_default();
                        out.push(format!(
                            "{{'name': {}, 'nullable': {}{ty}}}",
                            py_str(&c.name),
                            if c.not_null { "False" } else { "True" }
                        ));
                    }
                }
                _ => {
                    for k in t.constraints.values() {
                        // SQLite's inspector names only what the table's DDL names.
                        let name = match (self.c, k.implicit_name) {
                            (Compiler::Sqlite, true) => "None".to_string(),
                            _ => py_str(&k.name),
                        };
                        match (&k.kind, kind) {
                            (ConstraintKind::Unique { columns, .. }, "get_unique_constraints") => {
                                out.push(format!(
                                    "{{'name': {}, 'column_names': {}}}",
                                    name,
                                    strs(columns)
                                ))
                            }
                            (
                                ConstraintKind::ForeignKey {
                                    columns,
                                    ref_table,
                                    ref_columns,
                                    ..
                                },
                                "get_foreign_keys",
                            ) => out.push(format!(
                                "{{'name': {}, 'constrained_columns': {}, 'referred_table': {}, 'referred_columns': {}}}",
                                name,
                                strs(columns),
                                py_str(&ref_table.name),
                                strs(ref_columns)
                            )),
                            _ => {}
                        }
                    }
                }
            }
            Some(out)
        })?;
        texts
            .into_iter()
            .map(|t| {
                let e = ruff_python_parser::parse_expression(&t).ok()?.into_expr();
                Some((m, &*made.alloc(e)))
            })
            .collect()
    }

    /// `inspector.get_pk_constraint("t")` on the schema as it stands, as SQLAlchemy's inspector
    /// gives it: `{"constrained_columns": [...], "name": ...}`, `[]` and `None` for a table
    /// without a primary key. The name is the database's: PostgreSQL's own (`t_pkey` when
    /// none was written), none from MySQL's inspector, and from SQLite's only a name written in
    /// the table's DDL. `None` for another call, or a table that does not exist (where
    /// SQLAlchemy raises).
    fn pk_constraint<'a>(&self, r: &Reader<'a>, m: usize, c: &'a ast::ExprCall) -> Option<PyValue> {
        let Expr::Attribute(a) = &*c.func else {
            return None;
        };
        if a.attr.as_str() != "get_pk_constraint" {
            return None;
        }
        let table = r.lit_str(m, arg(c, 0, "table_name")?)?;
        let folded = self.dialect.fold_ident(&table);
        self.with_schema(|schema| {
            let t =
                (schema.tables.values()).find(|t| t.name.name == folded || t.name.name == table)?;
            let (name, columns) = match t.primary_key() {
                Some(k) => {
                    let ConstraintKind::PrimaryKey { columns, .. } = &k.kind else {
                        return None;
                    };
                    let named = match self.c {
                        Compiler::Postgresql => true,
                        Compiler::Sqlite => !k.implicit_name,
                        Compiler::Mysql => false,
                    };
                    let name = match named {
                        true => PyValue::str(&k.name),
                        false => PyValue::Lit(Lit::None),
                    };
                    (name, columns.iter().map(|c| PyValue::str(c)).collect())
                }
                None => (PyValue::Lit(Lit::None), Vec::new()),
            };
            Some(PyValue::Dict(vec![
                (
                    PyValue::str("constrained_columns"),
                    PyValue::List(columns, false),
                ),
                (PyValue::str("name"), name),
            ]))
        })
    }

    /// `elt` for each item of a comprehension (`[c["name"] for c in inspector.get_columns(t)]`,
    /// a generator given to `any()`): one `for` over what a loop can be unrolled over
    /// ([`Interp::items_of`]), its `if`s decided; each value by `value` with the names bound.
    #[allow(clippy::too_many_arguments)]
    fn comprehension<'a, T>(
        &self,
        r: &Reader<'a>,
        m: usize,
        elt: &'a Expr,
        generators: &'a [ast::Comprehension],
        scope: ruff_text_size::TextRange,
        depth: usize,
        value: impl Fn(usize, &'a Expr) -> Option<T>,
    ) -> Option<Vec<T>> {
        let [g] = generators else { return None };
        if g.is_async || depth > 8 {
            return None;
        }
        let mut out = Vec::new();
        for binds in self.items_of(r, m, &g.iter, &g.target)? {
            let bound = bind_item(r, m, scope, binds);
            let v = (|| {
                for test in &g.ifs {
                    if !self.condition(r, m, test, depth + 1)? {
                        return Some(None);
                    }
                }
                value(m, elt).map(Some)
            })();
            r.r.params.borrow_mut().truncate(bound);
            out.extend(v?);
        }
        Some(out)
    }

    /// The Python value `e` stands for when it is a literal one: scalars, lists, tuples and
    /// dicts, through names, items (`pk["name"]`, `cols[:2]`), `d.get(key, default)`,
    /// `len(...)`, `sorted(...)`, `a or b` / `a and b` (Python's operand values) and helpers
    /// that return one, an inspector's `get_pk_constraint` on the schema as it stands among
    /// them.
    fn py_value<'a>(&self, r: &Reader<'a>, m: usize, e: &'a Expr, depth: usize) -> Option<PyValue> {
        if depth > 16 {
            return None;
        }
        let d = depth + 1;
        let items = |elts: &'a [Expr]| -> Option<Vec<PyValue>> {
            if elts.len() > 1000 {
                return None;
            }
            elts.iter().map(|x| self.py_value(r, m, x, d)).collect()
        };
        match e {
            Expr::List(ast::ExprList { elts, .. }) => Some(PyValue::List(items(elts)?, false)),
            Expr::Tuple(ast::ExprTuple { elts, .. }) => Some(PyValue::List(items(elts)?, true)),
            Expr::Set(ast::ExprSet { elts, .. }) => PyValue::set(items(elts)?),
            Expr::ListComp(ast::ExprListComp {
                elt,
                generators,
                range,
                ..
            })
            | Expr::Generator(ast::ExprGenerator {
                elt,
                generators,
                range,
                ..
            }) => {
                let v = |m, e| self.py_value(r, m, e, d);
                let items = self.comprehension(r, m, elt, generators, *range, d, v)?;
                Some(PyValue::List(items, false))
            }
            Expr::SetComp(l) => {
                let v = |m, e| self.py_value(r, m, e, d);
                PyValue::set(self.comprehension(r, m, &l.elt, &l.generators, l.range, d, v)?)
            }
            // `{c["name"]: c for c in inspector.get_columns("t")}` (open-webui's, langflow's
            // revisions): the keys and values item by item, a key met again keeping its last
            // value.
            Expr::DictComp(dc) => {
                let v = |m, e| self.py_value(r, m, e, d);
                let key = dc.key.as_deref()?;
                let keys = self.comprehension(r, m, key, &dc.generators, dc.range, d, v)?;
                let values = self.comprehension(r, m, &dc.value, &dc.generators, dc.range, d, v)?;
                let mut pairs: Vec<(PyValue, PyValue)> = Vec::new();
                for (k, v) in keys.into_iter().zip(values) {
                    match pairs.iter_mut().find(|p| p.0 == k) {
                        Some(p) => p.1 = v,
                        None => pairs.push((k, v)),
                    }
                }
                Some(PyValue::Dict(pairs))
            }
            Expr::Dict(dict) => {
                let pairs: Option<Vec<(PyValue, PyValue)>> = (dict.items.iter())
                    .map(|i| {
                        let k = self.py_value(r, m, i.key.as_ref()?, d)?;
                        Some((k, self.py_value(r, m, &i.value, d)?))
                    })
                    .collect();
                Some(PyValue::Dict(pairs?))
            }
            // `col.nullable` of a reflected table's column (`table = sa.Table(name,
            // sa.MetaData(), autoload_with=bind)`, `col = table.c.resource`): the column's
            // nullability in the schema as it stands; its `server_default` when it has none.
            Expr::Attribute(a) if matches!(a.attr.as_str(), "nullable" | "server_default") => {
                let (table, column) = self.reflected_column(r, m, &a.value, d)?;
                let (not_null, default) = self.with_schema(|schema| {
                    let t = self.tables_named(schema, &table).next()?;
                    let c = self.column_of(t, &column)?;
                    Some((c.not_null, c.default.is_some()))
                })?;
                match a.attr.as_str() {
                    "nullable" => Some(PyValue::Lit(Lit::Bool(!not_null))),
                    _ => (!default).then_some(PyValue::Lit(Lit::None)),
                }
            }
            Expr::Name(_) | Expr::Attribute(_) => match r.r.expr(m, e) {
                // `counts = {}` then `counts[k] = v` in a loop over rows: not what it holds.
                Sym::Value(_, Expr::List(_) | Expr::Dict(_) | Expr::Set(_)) if matches!(e, Expr::Name(n) if changed_in_place(&r.r.mods.modules[m].body, n.id.as_str())) => {
                    None
                }
                Sym::Value(vm, v) => self.py_value(r, vm, v, d),
                _ => r.lit(m, e).map(PyValue::Lit),
            },
            Expr::Subscript(sub) => {
                // (a literal container's item, or a helper's `*args`, as the reader finds it)
                if let Some((vm, v)) = r.value_of(m, e, 0) {
                    return self.py_value(r, vm, v, d);
                }
                let container = self.py_value(r, m, &sub.value, d)?;
                let Expr::Slice(slice) = &*sub.slice else {
                    return container.item(&self.py_value(r, m, &sub.slice, d)?);
                };
                // `cols[:n]`: a list's slice, without a step.
                let (PyValue::List(items, tuple), None) = (container, &slice.step) else {
                    return None;
                };
                let bound = |b: &'a Option<Box<Expr>>, or: usize| -> Option<usize> {
                    let Some(b) = b else { return Some(or) };
                    let PyValue::Lit(Lit::Int(i)) = self.py_value(r, m, b, d)? else {
                        return None;
                    };
                    let len = i64::try_from(items.len()).ok()?;
                    let at = if i < 0 { (len + i).max(0) } else { i.min(len) };
                    usize::try_from(at).ok()
                };
                let (lower, upper) = (bound(&slice.lower, 0)?, bound(&slice.upper, items.len())?);
                let mut items = items;
                items.truncate(upper);
                items.drain(..lower.min(items.len()));
                Some(PyValue::List(items, tuple))
            }
            // Python's `and` / `or` give one of their operands.
            Expr::BoolOp(b) => {
                let mut last = None;
                for v in &b.values {
                    let v = self.py_value(r, m, v, d)?;
                    if v.truthy() == (b.op == ast::BoolOp::Or) {
                        return Some(v);
                    }
                    last = Some(v);
                }
                last
            }
            Expr::Call(c) => {
                if let Some(pk) = self.pk_constraint(r, m, c) {
                    return Some(pk);
                }
                // A reflected column type that [`Interp::inspector_items`] wrote.
                if let (Expr::Name(n), [Expr::StringLiteral(classes)]) =
                    (&*c.func, &c.arguments.args[..])
                {
                    if n.id.as_str() == REFLECTED_TYPE && c.arguments.keywords.is_empty() {
                        let classes = classes.value.to_str().split('|').map(String::from);
                        return Some(PyValue::SqlType(classes.collect()));
                    }
                }
                let args = &c.arguments.args;
                let builtin = |name: &str| {
                    matches!(&*c.func, Expr::Name(n) if n.id.as_str() == name)
                        // (not rebound: `set` and `list` are known builtins, `len` unbound)
                        && match r.r.expr(m, &c.func) {
                            Sym::Unknown { .. } => true,
                            Sym::Ext(x) => x.strip_prefix("builtins.") == Some(name),
                            _ => false,
                        }
                        && args.len() == 1
                        && c.arguments.keywords.is_empty()
                };
                match &*c.func {
                    // `pk.get("name")`, `pk.get("constrained_columns", [])`
                    Expr::Attribute(a)
                        if a.attr.as_str() == "get"
                            && (1..=2).contains(&args.len())
                            && c.arguments.keywords.is_empty() =>
                    {
                        let dict = self.py_value(r, m, &a.value, d)?;
                        if !matches!(dict, PyValue::Dict(_)) {
                            return None;
                        }
                        let key = self.py_value(r, m, &args[0], d)?;
                        match dict.item(&key) {
                            Some(v) => Some(v),
                            None => match args.get(1) {
                                Some(default) => self.py_value(r, m, default, d),
                                None => Some(PyValue::Lit(Lit::None)),
                            },
                        }
                    }
                    // `next((c for c in columns if c["name"] == "x"), None)`: the generator's
                    // first item, else the default (without one Python raises: not read).
                    Expr::Name(n)
                        if n.id.as_str() == "next"
                            && matches!(r.r.expr(m, &c.func), Sym::Unknown { .. })
                            && (1..=2).contains(&args.len())
                            && c.arguments.keywords.is_empty() =>
                    {
                        let Expr::Generator(g) = &args[0] else {
                            return None;
                        };
                        let v = |m, e| self.py_value(r, m, e, d);
                        let items =
                            self.comprehension(r, m, &g.elt, &g.generators, g.range, d, v)?;
                        match items.into_iter().next() {
                            Some(first) => Some(first),
                            None => self.py_value(r, m, args.get(1)?, d),
                        }
                    }
                    _ if builtin("len") => {
                        let len = match self.py_value(r, m, &args[0], d)? {
                            PyValue::List(items, _) | PyValue::Set(items) => items.len(),
                            PyValue::Dict(items) => items.len(),
                            PyValue::Lit(Lit::Str(s)) => s.chars().count(),
                            PyValue::Lit(_) | PyValue::SqlType(_) => return None,
                        };
                        Some(PyValue::Lit(Lit::Int(i64::try_from(len).ok()?)))
                    }
                    // `sorted(names)`: of strings or of numbers.
                    _ if builtin("sorted") => {
                        let mut items = match self.py_value(r, m, &args[0], d)? {
                            PyValue::List(items, _) | PyValue::Set(items) => items,
                            _ => return None,
                        };
                        let keys: Option<Vec<_>> = items.iter().map(PyValue::order).collect();
                        let kinds: std::collections::BTreeSet<_> =
                            keys?.iter().map(|k| k.0).collect();
                        if kinds.len() > 1 {
                            return None;
                        }
                        items.sort_by_key(PyValue::order);
                        Some(PyValue::List(items, false))
                    }
                    // `bool(find_column(t, c))`: the value's truth.
                    _ if builtin("bool") => self
                        .condition(r, m, &args[0], d)
                        .map(|b| PyValue::Lit(Lit::Bool(b))),
                    // `set(names)`
                    _ if builtin("set") => match self.py_value(r, m, &args[0], d)? {
                        PyValue::List(items, _) | PyValue::Set(items) => PyValue::set(items),
                        _ => None,
                    },
                    _ => {
                        r.r.through_helper(m, c, |fm, ret| self.py_value(r, fm, ret, d))
                            .or_else(|| self.helper_value(r, m, c, d))
                    }
                }
            }
            _ => {
                let (vm, v) = r.value_of(m, e, 0)?;
                r.lit(vm, v).map(PyValue::Lit)
            }
        }
    }

    /// `e` with each test the replay decides (`bind.engine.name == "sqlite"`, a comparison,
    /// `not`, `and`/`or` of those) replaced by its value, and each conditional expression on
    /// one (`sa.Text() if bind.engine.name == "mysql" else sa.String()`) by the branch it
    /// takes; `e` itself when there is none (or nowhere to make one).
    fn decided<'a>(&self, r: &Reader<'a>, m: usize, e: &'a Expr) -> &'a Expr {
        use ruff_python_ast::visitor::transformer::{self, Transformer};
        use ruff_python_ast::visitor::{walk_expr, Visitor};
        use ruff_text_size::{Ranged, TextRange};
        let Some(made) = r.made else { return e };
        // The tests, and the tests of conditional expressions, in `e`.
        struct Find<'a>(Vec<(TextRange, &'a Expr)>);
        impl<'a> Visitor<'a> for Find<'a> {
            fn visit_expr(&mut self, e: &'a Expr) {
                match e {
                    Expr::If(i) => self.0.push((i.range, &i.test)),
                    e if is_test(e) => self.0.push((e.range(), e)),
                    _ => {}
                }
                walk_expr(self, e);
            }
        }
        let mut find = Find(Vec::new());
        find.visit_expr(e);
        let decided: HashMap<TextRange, bool> = (find.0.into_iter())
            .filter_map(|(at, test)| Some((at, self.condition(r, m, test, 0)?)))
            .collect();
        if decided.is_empty() {
            return e;
        }
        struct Take(HashMap<TextRange, bool>);
        impl Transformer for Take {
            fn visit_expr(&self, e: &mut Expr) {
                if let Some(&value) = self.0.get(&e.range()) {
                    match e {
                        Expr::If(i) => {
                            *e = if value { &*i.body } else { &*i.orelse }.clone();
                            return self.visit_expr(e);
                        }
                        _ if is_test(e) => {
                            *e = Expr::BooleanLiteral(ast::ExprBooleanLiteral {
                                node_index: Default::default(),
                                range: e.range(),
                                value,
                            });
                            return;
                        }
                        _ => {}
                    }
                }
                transformer::walk_expr(self, e);
            }
        }
        let mut new = e.clone();
        Take(decided).visit_expr(&mut new);
        made.alloc(new)
    }

    /// The table and column names of a reflected table's column: `table.c.x`,
    /// `table.c["x"]`, `table.columns.x` (or a name bound to one) of a table reflected with
    /// `sa.Table(name, metadata, autoload_with=bind)` (or `autoload=True`).
    fn reflected_column<'a>(
        &self,
        r: &Reader<'a>,
        m: usize,
        e: &'a Expr,
        depth: usize,
    ) -> Option<(String, String)> {
        if depth > 16 {
            return None;
        }
        let (columns, column) = match e {
            Expr::Name(_) => {
                return match r.r.expr(m, e) {
                    Sym::Value(vm, v) => self.reflected_column(r, vm, v, depth + 1),
                    _ => None,
                }
            }
            Expr::Attribute(a) => (&*a.value, a.attr.to_string()),
            Expr::Subscript(s) => (&*s.value, r.lit_str(m, &s.slice)?),
            _ => return None,
        };
        let Expr::Attribute(c) = columns else {
            return None;
        };
        if !matches!(c.attr.as_str(), "c" | "columns") {
            return None;
        }
        let Some((tm, Expr::Call(call))) = r.value_of(m, &c.value, 0) else {
            return None;
        };
        let reflected = kwarg(call, "autoload_with").is_some()
            || kwarg(call, "autoload").is_some_and(|a| r.lit_bool(tm, a) == Some(true));
        if !reflected || r.r.ext_name(tm, &call.func).as_deref() != Some("sa.Table") {
            return None;
        }
        Some((r.lit_str(tm, arg(call, 0, "name")?)?, column))
    }

    /// An operation's call with each argument that stands for a literal value only through
    /// what the replay evaluates (`fk_name = find_fk(...)` then `op.drop_constraint(fk_name,
    /// ...)`, `pk["name"]` of `inspector.get_pk_constraint(t)`) replaced by that literal; the
    /// call itself when there is none (or nowhere to make one).
    fn literal_args<'a>(
        &self,
        r: &Reader<'a>,
        m: usize,
        call: &'a ast::ExprCall,
    ) -> &'a ast::ExprCall {
        let Some(made) = r.made else { return call };
        let literal = |e: &'a Expr| -> Option<Expr> {
            let evaluated = match e {
                Expr::Name(_) | Expr::Subscript(_) => true,
                Expr::Attribute(a) => matches!(a.attr.as_str(), "nullable" | "server_default"),
                Expr::Call(c) => match &*c.func {
                    Expr::Attribute(a) => a.attr.as_str() == "get",
                    f => matches!(r.r.expr(m, f), Sym::Function(..)),
                },
                _ => false,
            };
            if !evaluated || r.lit(m, e).is_some() {
                return None;
            }
            if let Some((_, Expr::List(_) | Expr::Tuple(_))) = r.value_of(m, e, 0) {
                return None;
            }
            let text = self.py_value(r, m, e, 0)?.source()?;
            Some(
                ruff_python_parser::parse_expression(&text)
                    .ok()?
                    .into_expr(),
            )
        };
        let args: Vec<Option<Expr>> = call.arguments.args.iter().map(literal).collect();
        let keywords: Vec<Option<Expr>> = call
            .arguments
            .keywords
            .iter()
            .map(|k| literal(&k.value))
            .collect();
        if args.iter().chain(&keywords).all(Option::is_none) {
            return call;
        }
        let mut new = call.clone();
        for (a, v) in new.arguments.args.iter_mut().zip(args) {
            if let Some(v) = v {
                *a = v;
            }
        }
        for (k, v) in new.arguments.keywords.iter_mut().zip(keywords) {
            if let Some(v) = v {
                k.value = v;
            }
        }
        match made.alloc(Expr::Call(new)) {
            Expr::Call(c) => c,
            _ => call,
        }
    }

    /// The names a `for` loop binds, item by item, when it runs over a literal list, tuple or
    /// set (or a name bound to one) and binds a name or a tuple of names (`for table, column
    /// in [("a", "x"), ("b", "y")]:`), over a literal dict's `keys()`, `values()` or `items()`
    /// (`for table, columns in TABLES.items():`), or over an inspector's list
    /// ([`Interp::inspector_items`]); `None` for any other loop.
    #[allow(clippy::type_complexity)]
    fn loop_items<'a>(
        &self,
        r: &Reader<'a>,
        m: usize,
        f: &'a ast::StmtFor,
    ) -> Option<Vec<Vec<(String, (usize, &'a Expr))>>> {
        if f.is_async {
            return None;
        }
        self.items_of(r, m, &f.iter, &f.target)
    }

    /// [`Interp::loop_items`] of `for <target> in <iter>` (a loop's, or a comprehension's).
    #[allow(clippy::type_complexity)]
    fn items_of<'a>(
        &self,
        r: &Reader<'a>,
        m: usize,
        iter: &'a Expr,
        target: &'a Expr,
    ) -> Option<Vec<Vec<(String, (usize, &'a Expr))>>> {
        let mut iter = (m, iter);
        let mut reverse = false;
        // `sorted(...)` met: the reversals met before it (outside it) apply after sorting,
        // those inside it do not matter.
        let mut sorted_then_reversed = None;
        // `for col in columns:` with `columns` a helper's `*columns`: the call's arguments.
        let mut star = None;
        // `TABLES.items()`: the literal dict's (key, value) pairs.
        let mut pairs: Option<Vec<[(usize, &'a Expr); 2]>> = None;
        for _ in 0..8 {
            // `inspector.get_indexes("t")`: what the schema as it stands lists.
            if let Expr::Call(c) = iter.1 {
                if let Some(items) = self.inspector_items(r, iter.0, c) {
                    star = Some(items);
                    break;
                }
            }
            // `TABLES.keys()`, `.values()`, `.items()` of a literal dict (in its order).
            if let Expr::Call(c) = iter.1 {
                if let Expr::Attribute(a) = &*c.func {
                    let view = a.attr.as_str();
                    if c.arguments.is_empty() && matches!(view, "keys" | "values" | "items") {
                        let (dm, Expr::Dict(d)) = r.value_of(iter.0, &a.value, 0)? else {
                            return None;
                        };
                        let kv: Option<Vec<[(usize, &'a Expr); 2]>> = (d.items.iter())
                            .map(|i| Some([(dm, i.key.as_ref()?), (dm, &i.value)]))
                            .collect();
                        let kv = kv?;
                        match view {
                            "keys" => star = Some(kv.iter().map(|p| p[0]).collect()),
                            "values" => star = Some(kv.iter().map(|p| p[1]).collect()),
                            _ => {
                                // (sorting pairs is not read)
                                if sorted_then_reversed.is_some() {
                                    return None;
                                }
                                star = Some(Vec::new());
                                pairs = Some(kv);
                            }
                        }
                        break;
                    }
                }
            }
            match iter.1 {
                Expr::Name(_) | Expr::Attribute(_) => {
                    if let Some(args) = r.r.star_args(iter.0, iter.1) {
                        star = Some(args);
                        break;
                    }
                    match r.r.expr(iter.0, iter.1) {
                        Sym::Value(vm, v) => iter = (vm, v),
                        _ => return None,
                    }
                }
                // `reversed(TABLES)`, `sorted(...)`, `list(...)`, `tuple(...)` (the builtins,
                // not rebound).
                Expr::Call(c)
                    if c.arguments.args.len() == 1
                        && c.arguments.keywords.is_empty()
                        && !matches!(r.r.expr(iter.0, &c.func), Sym::Function(..)) =>
                {
                    let Expr::Name(n) = &*c.func else { return None };
                    let builtin = match r.r.expr(iter.0, &c.func) {
                        Sym::Unknown { .. } => matches!(n.id.as_str(), "reversed" | "sorted"),
                        Sym::Ext(x) => matches!(x.as_str(), "builtins.list" | "builtins.tuple"),
                        _ => false,
                    };
                    if !builtin {
                        return None;
                    }
                    match n.id.as_str() {
                        "reversed" => reverse ^= true,
                        "sorted" if sorted_then_reversed.is_none() => {
                            sorted_then_reversed = Some(reverse)
                        }
                        _ => {}
                    }
                    iter = (iter.0, &c.arguments.args[0]);
                }
                // `A + B` of lists (`_LOG_TABLE_FK_INDEXES + _USER_ID_FK_INDEXES`): A's items,
                // then B's.
                Expr::BinOp(b)
                    if b.op == ast::Operator::Add && !reverse && sorted_then_reversed.is_none() =>
                {
                    let mut items = self.items_of(r, iter.0, &b.left, target)?;
                    items.extend(self.items_of(r, iter.0, &b.right, target)?);
                    return Some(items);
                }
                // `for old, new in zip(OLD, NEW)`: each list's items bound to its target, up to
                // the shortest list.
                Expr::Call(c)
                    if !reverse
                        && sorted_then_reversed.is_none()
                        && c.arguments.keywords.is_empty()
                        && matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "zip")
                        && matches!(r.r.expr(iter.0, &c.func), Sym::Unknown { .. }) =>
                {
                    let Expr::Tuple(t) = target else { return None };
                    if t.elts.len() != c.arguments.args.len() {
                        return None;
                    }
                    let mut lists = Vec::new();
                    for (arg, part) in c.arguments.args.iter().zip(t.elts.iter()) {
                        lists.push(self.items_of(r, iter.0, arg, part)?);
                    }
                    let shortest = lists.iter().map(Vec::len).min().unwrap_or(0);
                    return Some(
                        (0..shortest)
                            .map(|i| lists.iter().flat_map(|l| l[i].iter().cloned()).collect())
                            .collect(),
                    );
                }
                // `_get_changed_tables()`: a helper that only returns a literal.
                Expr::Call(c) => match r.r.expr(iter.0, &c.func) {
                    Sym::Function(fm, f) => {
                        let (assigns, ret) = helper_body(f)?;
                        if !r.r.bind_call(iter.0, c, fm, f) {
                            return None;
                        }
                        r.r.bind_locals(fm, f, &assigns);
                        iter = (fm, ret);
                    }
                    _ => return None,
                },
                _ => break,
            }
        }
        let elts: Vec<(usize, &'a Expr)> = match (star, iter.1) {
            (Some(args), _) => args,
            (None, Expr::List(ast::ExprList { elts, .. }))
            | (None, Expr::Tuple(ast::ExprTuple { elts, .. }))
            | (None, Expr::Set(ast::ExprSet { elts, .. })) => {
                elts.iter().map(|e| (iter.0, e)).collect()
            }
            _ => return None,
        };
        if elts.len() > 1000 {
            return None;
        }
        let names = |e: &'a Expr| -> Option<Vec<String>> {
            match e {
                Expr::Name(n) => Some(vec![n.id.to_string()]),
                Expr::Tuple(t) => t
                    .elts
                    .iter()
                    .map(|e| match e {
                        Expr::Name(n) => Some(n.id.to_string()),
                        _ => None,
                    })
                    .collect(),
                _ => None,
            }
        };
        let targets = names(target)?;
        let unpack = matches!(target, Expr::Tuple(_));
        if let Some(mut pairs) = pairs {
            if !unpack || targets.len() != 2 {
                return None;
            }
            if reverse {
                pairs.reverse();
            }
            return Some(
                (pairs.into_iter())
                    .map(|[k, v]| vec![(targets[0].clone(), k), (targets[1].clone(), v)])
                    .collect(),
            );
        }
        let mut items = elts;
        if let Some(then_reversed) = sorted_then_reversed {
            // Python sorts strings by code point, as Rust compares them.
            let mut keyed: Vec<(String, (usize, &'a Expr))> = (items.iter())
                .map(|&(im, e)| Some((r.lit_str(im, e)?, (im, e))))
                .collect::<Option<_>>()?;
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            items = keyed.into_iter().map(|(_, e)| e).collect();
            reverse = then_reversed;
        }
        if reverse {
            items.reverse();
        }
        items
            .into_iter()
            .map(|(im, item)| {
                if !unpack {
                    return Some(vec![(targets[0].clone(), (im, item))]);
                }
                let parts = match item {
                    Expr::Tuple(t) => &t.elts,
                    Expr::List(t) => &t.elts,
                    _ => return None,
                };
                (parts.len() == targets.len()).then(|| {
                    targets
                        .iter()
                        .cloned()
                        .zip(parts.iter().map(|p| (im, p)))
                        .collect()
                })
            })
            .collect()
    }

    /// A condition on the dialect: `op.get_bind().dialect.name == "postgresql"` (also `!=`,
    /// `in (...)`, `not`, `and`/`or`, and names bound to such a test).
    fn condition<'a>(&self, r: &Reader<'a>, m: usize, e: &'a Expr, depth: usize) -> Option<bool> {
        // (also existence tests of the inspector on the schema as it stands)
        if depth > 8 {
            return None;
        }
        // `bind.dialect.name`, `op.get_context().dialect.name`, `bind.engine.name`, or a name
        // bound to one (`dialect_name = op.get_bind().dialect.name`).
        let is_dialect_name = |e: &'a Expr| {
            let mut e = (m, e);
            for _ in 0..4 {
                if !matches!(e.1, Expr::Name(_)) {
                    break;
                }
                match r.r.expr(e.0, e.1) {
                    Sym::Value(vm, v) => e = (vm, v),
                    _ => return false,
                }
            }
            let dialect_or_engine = |x: &Expr| matches!(x, Expr::Attribute(d) if matches!(d.attr.as_str(), "dialect" | "engine"));
            matches!(e.1, Expr::Attribute(a) if a.attr.as_str() == "name"
                && (dialect_or_engine(&a.value)
                    // `engine = bind.engine` then `engine.name`
                    || matches!(&*a.value, Expr::Name(_))
                        && matches!(r.r.expr(e.0, &a.value), Sym::Value(_, v) if dialect_or_engine(v))))
        };
        let names: &[&str] = if self.sa_name == "mariadb" {
            &["mariadb", "mysql"]
        } else {
            std::slice::from_ref(&self.sa_name)
        };
        match e {
            Expr::Compare(c) if c.ops.len() == 1 && is_dialect_name(&c.left) => {
                let right = &c.comparators[0];
                let values: Vec<String> = match right {
                    Expr::Tuple(t) => t.elts.iter().filter_map(|e| r.lit_str(m, e)).collect(),
                    Expr::List(t) => t.elts.iter().filter_map(|e| r.lit_str(m, e)).collect(),
                    Expr::Set(t) => t.elts.iter().filter_map(|e| r.lit_str(m, e)).collect(),
                    // (also a constant: `== MYSQL_ENGINE`)
                    e => vec![r.lit_str(m, e)?],
                };
                let hit = values.iter().any(|v| names.contains(&v.as_str()));
                match c.ops[0] {
                    ast::CmpOp::Eq | ast::CmpOp::In => Some(hit),
                    ast::CmpOp::NotEq | ast::CmpOp::NotIn => Some(!hit),
                    _ => None,
                }
            }
            // `bind.engine.name.startswith("mysql")` (or a tuple of prefixes).
            Expr::Call(c)
                if matches!(&*c.func, Expr::Attribute(a)
                    if a.attr.as_str() == "startswith" && is_dialect_name(&a.value))
                    && c.arguments.args.len() == 1
                    && c.arguments.keywords.is_empty() =>
            {
                let prefixes: Vec<String> = match &c.arguments.args[0] {
                    Expr::Tuple(t) => (t.elts.iter())
                        .map(|e| r.lit_str(m, e))
                        .collect::<Option<_>>()?,
                    e => vec![r.lit_str(m, e)?],
                };
                Some((prefixes.iter()).any(|p| names.iter().any(|n| n.starts_with(p.as_str()))))
            }
            // `"postgresql" not in inspector.dialect.dialect_description`: the description is
            // the dialect's name, `+`, the driver's (`postgresql+psycopg2`); tested for a
            // dialect's name.
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], ast::CmpOp::In | ast::CmpOp::NotIn)
                    && matches!(&c.comparators[0], Expr::Attribute(a)
                        if a.attr.as_str() == "dialect_description") =>
            {
                let word = r.lit_str(m, &c.left)?;
                if !matches!(word.as_str(), "postgresql" | "sqlite" | "mysql" | "mariadb") {
                    return None;
                }
                let hit = names.iter().any(|n| n.contains(word.as_str()));
                Some(hit == (c.ops[0] == ast::CmpOp::In))
            }
            // `"t" not in inspector.get_table_names()`, `"c" in [c["name"] for c in
            // inspector.get_columns("t")]`: decided on the schema as it stands.
            Expr::Compare(c)
                if c.ops.len() == 1 && matches!(c.ops[0], ast::CmpOp::In | ast::CmpOp::NotIn) =>
            {
                let name = r.lit_str(m, &c.left)?;
                let found = match self.inspected(r, m, &c.comparators[0], 0) {
                    Some(listed) => self.listed_holds(&listed, &name),
                    // `"x" in index["column_names"]`: of a literal list.
                    None => match self.py_value(r, m, &c.comparators[0], depth + 1)? {
                        PyValue::List(items, _) | PyValue::Set(items) => {
                            items.contains(&PyValue::Lit(Lit::Str(name)))
                        }
                        PyValue::Dict(items) => items
                            .iter()
                            .any(|(k, _)| *k == PyValue::Lit(Lit::Str(name.clone()))),
                        _ => return None,
                    },
                };
                Some(if c.ops[0] == ast::CmpOp::In {
                    found
                } else {
                    !found
                })
            }
            // `isinstance(bind.dialect, SQLiteDialect)`, `(.., (PGDialect, MySQLDialect))`:
            // SQLAlchemy's dialect classes by their package (MariaDB's is MySQL's).
            Expr::Call(c)
                if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "isinstance")
                    && c.arguments.args.len() == 2
                    && matches!(&c.arguments.args[0], Expr::Attribute(a) if a.attr.as_str() == "dialect") =>
            {
                let classes: Vec<&'a Expr> = match &c.arguments.args[1] {
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    other => vec![other],
                };
                let mut hit = false;
                for class in classes {
                    // (named as `canonical` names them: `sqlite.SQLiteDialect`,
                    // `postgresql.dialect`; another package's dialect is `sa.MSDialect`)
                    let path = r.r.ext_name(m, class)?;
                    let (package, class_name) = path.rsplit_once('.')?;
                    if !class_name.to_ascii_lowercase().contains("dialect") {
                        return None;
                    }
                    // A driver's class (`postgresql.dialect` is psycopg2's, `PGDialect_psycopg`)
                    // and MariaDB's (`mariadb+` URLs only) depend on the URL: not decided.
                    if class_name == "dialect"
                        || class_name.contains('_')
                        || class_name.starts_with("MariaDB")
                    {
                        return None;
                    }
                    hit |= names.contains(&package);
                }
                Some(hit)
            }
            // `isinstance(column["type"], sa.Text)`, `(.., (sa.String, postgresql.JSONB))` of a
            // column the inspector reflects: SQLAlchemy's classes by their canonical names, a
            // dialect's (`postgresql.TIMESTAMP`) false on another dialect.
            Expr::Call(c)
                if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "isinstance")
                    && c.arguments.args.len() == 2
                    && c.arguments.keywords.is_empty() =>
            {
                let PyValue::SqlType(reflected) =
                    self.py_value(r, m, &c.arguments.args[0], depth + 1)?
                else {
                    return None;
                };
                let classes: Vec<&'a Expr> = match &c.arguments.args[1] {
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    other => vec![other],
                };
                // (SQLAlchemy's dialect module: MariaDB's is `mysql`)
                let own = if self.sa_name == "mariadb" {
                    "mysql"
                } else {
                    self.sa_name
                };
                let mut hit = false;
                for class in classes {
                    let path = r.r.ext_name(m, class)?;
                    let (package, name) = path.rsplit_once('.')?;
                    hit |= match package {
                        "sa" => reflected.iter().any(|k| *k == format!("sa.{name}")),
                        // (a dialect's module also gives the generic types: `postgresql.TEXT`
                        // is `sa.TEXT`)
                        p if p == own => {
                            reflected.iter().any(|k| k.rsplit('.').next() == Some(name))
                        }
                        "postgresql" | "sqlite" | "mysql" => false,
                        _ => return None,
                    };
                }
                Some(hit)
            }
            // `any(i["name"] == "ix" for i in inspector.get_indexes("t"))`: `"ix" in` those;
            // `all(c in columns for c in pk_columns)`: each item's test decided.
            Expr::Call(c)
                if matches!(&*c.func, Expr::Name(n) if matches!(n.id.as_str(), "any" | "all"))
                    && c.arguments.args.len() == 1
                    && c.arguments.keywords.is_empty() =>
            {
                let all = matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "all");
                let listed = (|| {
                    let Expr::Generator(g) = &c.arguments.args[0] else {
                        return None;
                    };
                    let Expr::Compare(cmp) = &*g.elt else {
                        return None;
                    };
                    if all || cmp.ops.len() != 1 || cmp.ops[0] != ast::CmpOp::Eq {
                        return None;
                    }
                    let name = r
                        .lit_str(m, &cmp.comparators[0])
                        .or_else(|| r.lit_str(m, &cmp.left))?;
                    let listed = self.inspected(r, m, &c.arguments.args[0], depth + 1)?;
                    Some(self.listed_holds(&listed, &name))
                })();
                listed.or_else(|| {
                    let tests: Vec<bool> = match &c.arguments.args[0] {
                        Expr::Generator(g) => {
                            let test = |m, e| self.condition(r, m, e, depth + 1);
                            self.comprehension(r, m, &g.elt, &g.generators, g.range, depth, test)?
                        }
                        e => match self.py_value(r, m, e, depth + 1)? {
                            PyValue::List(items, _) | PyValue::Set(items) => {
                                items.iter().map(PyValue::truthy).collect()
                            }
                            _ => return None,
                        },
                    };
                    Some(if all {
                        tests.iter().all(|t| *t)
                    } else {
                        tests.iter().any(|t| *t)
                    })
                })
            }
            // `inspector.has_table("t")`, `sa.inspect(bind).has_table("t")`
            // (`ctx.dialect.has_table(conn, "t")`: the dialect's takes the connection first)
            Expr::Call(c) if matches!(&*c.func, Expr::Attribute(a) if a.attr.as_str() == "has_table") =>
            {
                let on_dialect = matches!(&*c.func, Expr::Attribute(a)
                    if matches!(&*a.value, Expr::Attribute(d) if d.attr.as_str() == "dialect"));
                let t =
                    arg(c, usize::from(on_dialect), "table_name").and_then(|t| r.lit_str(m, t))?;
                Some(self.exists(&t, None))
            }
            // `context.is_offline_mode()`: the replay builds what an online upgrade builds
            // (what `--sql` prints is the same DDL, and data steps are not replayed).
            Expr::Call(c)
                if c.arguments.args.is_empty()
                    && r.r
                        .ext_name(m, &c.func)
                        .is_some_and(|n| n == "alembic.context.is_offline_mode") =>
            {
                Some(false)
            }
            // `op.get_context().as_sql`, also through a local name (`ctx = op.get_context()`):
            // likewise.
            Expr::Attribute(a) if a.attr.as_str() == "as_sql" => {
                let (cm, ctx) = match r.r.expr(m, &a.value) {
                    Sym::Value(vm, v) => (vm, v),
                    _ => (m, &*a.value),
                };
                let Expr::Call(c) = ctx else {
                    return None;
                };
                (r.r.ext_name(cm, &c.func))
                    .is_some_and(|n| n == "alembic.op.get_context")
                    .then_some(false)
            }
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.condition(r, m, &u.operand, depth + 1).map(|b| !b)
            }
            // Decided when all the tests are, or one decides it (`False and ...`).
            Expr::BoolOp(b) => {
                let vals: Vec<Option<bool>> = b
                    .values
                    .iter()
                    .map(|v| self.condition(r, m, v, depth + 1))
                    .collect();
                let decisive = match b.op {
                    ast::BoolOp::And => false,
                    ast::BoolOp::Or => true,
                };
                if vals.contains(&Some(decisive)) {
                    return Some(decisive);
                }
                let vals: Option<Vec<bool>> = vals.into_iter().collect();
                Some(match b.op {
                    ast::BoolOp::And => vals?.iter().all(|v| *v),
                    ast::BoolOp::Or => vals?.iter().any(|v| *v),
                })
            }
            // `index["column_names"] == [column]`, `fk["referred_table"] != "t"`: literal values
            // (an inspector result's items among them) compared as Python compares them; `is`
            // only with Python's singletons (`index["unique"] is False`, `x is None`).
            Expr::Compare(c)
                if c.ops.len() == 1
                    && (matches!(c.ops[0], ast::CmpOp::Eq | ast::CmpOp::NotEq)
                        || (matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                            && matches!(
                                &c.comparators[0],
                                Expr::NoneLiteral(_) | Expr::BooleanLiteral(_)
                            ))) =>
            {
                let same = self.py_value(r, m, &c.left, depth + 1)?
                    == self.py_value(r, m, &c.comparators[0], depth + 1)?;
                Some(same == matches!(c.ops[0], ast::CmpOp::Eq | ast::CmpOp::Is))
            }
            // `len(pk["constrained_columns"]) > 0`: numbers compared.
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(
                        c.ops[0],
                        ast::CmpOp::Lt | ast::CmpOp::LtE | ast::CmpOp::Gt | ast::CmpOp::GtE
                    ) =>
            {
                let (PyValue::Lit(Lit::Int(a)), PyValue::Lit(Lit::Int(b))) = (
                    self.py_value(r, m, &c.left, depth + 1)?,
                    self.py_value(r, m, &c.comparators[0], depth + 1)?,
                ) else {
                    return None;
                };
                Some(match c.ops[0] {
                    ast::CmpOp::Lt => a < b,
                    ast::CmpOp::LtE => a <= b,
                    ast::CmpOp::Gt => a > b,
                    _ => a >= b,
                })
            }
            Expr::Name(_) => match r.r.expr(m, e) {
                Sym::Value(vm, v) => match self.condition(r, vm, v, depth + 1) {
                    Some(b) => Some(b),
                    None => self.py_value(r, m, e, depth + 1).map(|v| v.truthy()),
                },
                _ => None,
            },
            // `if not pk["constrained_columns"]:`: a literal value's truth.
            Expr::Subscript(_) => self.py_value(r, m, e, depth + 1).map(|v| v.truthy()),
            // A predicate helper (`def table_exists(name, conn): inspector = sa.inspect(conn);
            // return name in inspector.get_table_names()`, of the revision or an application
            // module): its `return` decided with the call's arguments bound.
            Expr::Call(c) => {
                r.r.through_helper(m, c, |fm, ret| self.condition(r, fm, ret, depth + 1))
                    .or_else(|| self.helper_value(r, m, c, depth).map(|v| v.truthy()))
                    // `inspector.get_pk_constraint("t").get("name")`: a value's truth.
                    .or_else(|| self.py_value(r, m, e, depth + 1).map(|v| v.truthy()))
            }
            _ => None,
        }
    }

    /// What a helper returns, read statement by statement with the call's arguments bound:
    /// local names as assigned, guards (`if not has_table(t): return False`, dagster's
    /// `has_column`), searches (`for x in <list>: if <test>: return <value>`, run over what
    /// the list holds: an inspector's result on the schema as it stands; neutron's
    /// `has_index(table, column)`, a helper finding a foreign key's name by its columns), then
    /// `return <value>`, or `None` past the end as in Python. Each returned value is a literal
    /// one ([`Interp::py_value`]) or a decided test.
    fn helper_value<'a>(
        &self,
        r: &Reader<'a>,
        m: usize,
        c: &'a ast::ExprCall,
        depth: usize,
    ) -> Option<PyValue> {
        if depth > 8 {
            return None;
        }
        let Sym::Function(fm, f) = r.r.expr(m, &c.func) else {
            return None;
        };
        let bound = r.r.params.borrow().len();
        let out = if r.r.bind_call(m, c, fm, f) {
            // A body that runs to its end returns None.
            match self.helper_block(r, fm, f, &f.body, depth) {
                Some(Some(v)) => Some(v),
                Some(None) => Some(PyValue::Lit(Lit::None)),
                None => None,
            }
        } else {
            None
        };
        r.r.params.borrow_mut().truncate(bound);
        out
    }

    /// The statements of a value-returning helper ([`Self::helper_value`]): `Some(Some(v))`
    /// when they return `v`, `Some(None)` when they run to their end, `None` when they are
    /// not read.
    fn helper_block<'a>(
        &self,
        r: &Reader<'a>,
        fm: usize,
        f: &'a ast::StmtFunctionDef,
        body: &'a [Stmt],
        depth: usize,
    ) -> Option<Option<PyValue>> {
        let value = |v: &'a Expr| {
            self.py_value(r, fm, v, depth + 1).or_else(|| {
                self.condition(r, fm, v, depth + 1)
                    .map(|b| PyValue::Lit(Lit::Bool(b)))
            })
        };
        let returned = |ret: &'a ast::StmtReturn| match ret.value.as_deref() {
            Some(v) => value(v),
            None => Some(PyValue::Lit(Lit::None)),
        };
        // `if <test>: return <value>` with nothing else: the test and the return.
        let guard = |s: &'a Stmt| -> Option<(&'a Expr, &'a ast::StmtReturn)> {
            let Stmt::If(i) = s else { return None };
            let [Stmt::Return(ret)] = i.body.as_slice() else {
                return None;
            };
            i.elif_else_clauses.is_empty().then_some((&*i.test, ret))
        };
        for s in body {
            match s {
                Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
                Stmt::Assign(a) if a.targets.iter().all(|t| matches!(t, Expr::Name(_))) => {
                    r.r.bind_locals(fm, f, &[a]);
                }
                Stmt::If(_) => {
                    let (test, ret) = guard(s)?;
                    if self.condition(r, fm, test, depth + 1)? {
                        return returned(ret).map(Some);
                    }
                }
                Stmt::For(fs) if fs.orelse.is_empty() => {
                    let tests: Option<Vec<_>> = fs.body.iter().map(guard).collect();
                    let tests = tests?;
                    for binds in self.loop_items(r, fm, fs)? {
                        let item = bind_item(r, fm, fs.range, binds);
                        let mut found = None;
                        for (test, ret) in &tests {
                            if self.condition(r, fm, test, depth + 1)? {
                                found = Some(returned(ret)?);
                                break;
                            }
                        }
                        r.r.params.borrow_mut().truncate(item);
                        if found.is_some() {
                            return Some(found);
                        }
                    }
                }
                // `try: for c in insp.get_columns(t): ... except NoSuchTableError: pass`: the
                // body, then what follows (a handler that does nothing leaves the helper where
                // the body would have; a loop over a table the replay does not know is not
                // read, so the handler's case is never decided).
                Stmt::Try(t)
                    if !t.is_star
                        && t.orelse.is_empty()
                        && t.finalbody.is_empty()
                        && t.handlers.iter().all(|h| {
                            let ast::ExceptHandler::ExceptHandler(h) = h;
                            h.body.iter().all(|b| matches!(b, Stmt::Pass(_)))
                        }) =>
                {
                    if let Some(v) = self.helper_block(r, fm, f, &t.body, depth + 1)? {
                        return Some(Some(v));
                    }
                }
                Stmt::Return(ret) => return returned(ret).map(Some),
                _ => return None,
            }
        }
        Some(None)
    }

    fn expr<'a>(&mut self, r: &mut Reader<'a>, m: usize, e: &'a Expr, batch: Option<&Batch>) {
        let Expr::Call(call) = e else { return };
        let at = r.origin(m, e);
        // `batch_op.add_column(...)`
        if let (Some(b), Expr::Attribute(a)) = (batch, &*call.func) {
            if matches!(&*a.value, Expr::Name(n) if Some(n.id.as_str()) == b.alias.as_deref()) {
                let method = a.attr.to_string();
                self.op(r, m, e, call, &method, Some(b), at);
                return;
            }
        }
        if let Some(name) = r.r.ext_name(m, &call.func) {
            if let Some(method) = name.strip_prefix("alembic.op.") {
                let method = method.to_string();
                self.op(r, m, e, call, &method, None, at);
            }
            return;
        }
        if let Expr::Attribute(a) = &*call.func {
            // `sa.Table("t", meta, *columns).create(bind)` (also through a name): the table is
            // made as `op.create_table("t", *columns)` makes it; `drop(bind)` drops it.
            if let (true, Some((tm, Expr::Call(tc))), Some(made)) = (
                matches!(a.attr.as_str(), "create" | "drop"),
                r.value_of(m, &a.value, 0),
                r.made,
            ) {
                if r.r.ext_name(tm, &tc.func).as_deref() == Some("sa.Table") {
                    let name = arg(tc, 0, "name").and_then(|n| r.lit_str(tm, n));
                    let checkfirst =
                        arg(call, 1, "checkfirst").is_some_and(|v| r.lit_bool(m, v) == Some(true));
                    let create = a.attr.as_str() == "create";
                    if checkfirst
                        && name
                            .as_deref()
                            .is_some_and(|n| self.exists(n, None) == create)
                    {
                        return;
                    }
                    if !create {
                        match name {
                            Some(name) => {
                                let schema = kwarg(tc, "schema").and_then(|s| r.lit_str(tm, s));
                                let text = format!("DROP TABLE {};", self.qt(&schema, &name));
                                self.line(text, at);
                            }
                            None => r.warn(
                                m,
                                e,
                                "the name of the table this drops is not a literal; it is not read"
                                    .into(),
                            ),
                        }
                        return;
                    }
                    let mut op_call = tc.clone();
                    let args: Vec<Expr> = (tc.arguments.args.iter().enumerate())
                        .filter(|(i, _)| *i != 1)
                        .map(|(_, x)| x.clone())
                        .collect();
                    op_call.arguments.args = args.into();
                    let op_expr: &'a Expr = made.alloc(Expr::Call(op_call));
                    if let Expr::Call(op_call) = op_expr {
                        self.op(r, tm, op_expr, op_call, "create_table", None, at);
                    }
                    return;
                }
            }
            match a.attr.as_str() {
                // `sa.Enum(..., name="x").create(op.get_bind())`, also through a local name.
                "create" | "drop" => {
                    if let Some((vm, ty)) = self.enum_value(r, m, &a.value) {
                        let pg_enum = r
                            .callee(vm, ty)
                            .is_some_and(|(n, _)| n == "postgresql.ENUM");
                        let ty = r.sa_type(vm, ty, "(enum type)");
                        if let Some(SaType::Enum {
                            name,
                            labels,
                            native: true,
                            ..
                        }) = ty
                        {
                            // `checkfirst`: PostgreSQL's own ENUM checks by default (its
                            // `create(bind, checkfirst=True)`), `sa.Enum` does not.
                            let checkfirst = arg(call, 1, "checkfirst")
                                .map_or(Some(pg_enum), |v| r.lit_bool(m, v))
                                .unwrap_or(false);
                            let create = a.attr.as_str() == "create";
                            let skip = checkfirst && self.enum_exists(&name) == create;
                            if self.pg() && !skip {
                                if create {
                                    let labels: Vec<String> =
                                        labels.iter().map(|l| sql_str(l)).collect();
                                    self.line(
                                        format!(
                                            "CREATE TYPE {} AS ENUM ({});",
                                            self.q(&name),
                                            labels.join(", ")
                                        ),
                                        at,
                                    );
                                } else {
                                    self.line(format!("DROP TYPE {};", self.q(&name)), at);
                                }
                            }
                        }
                        return;
                    }
                }
                // `op.get_bind().execute(...)`, `conn.execute(...)`
                "execute" | "exec_driver_sql" => {
                    self.execute(r, m, call, at, false);
                    return;
                }
                _ => {}
            }
        }
        // A helper function of the revision module (`_create_tables()`).
        if let Sym::Function(fm, f) = r.r.expr(m, &call.func) {
            // (also one that only changes data: its steps are listed)
            if self.depth < 8 && reaches_op(r, fm, &f.body, false) {
                // Its parameters are the arguments of this call (defaults for the others),
                // for the length of the call.
                let bound = r.r.params.borrow().len();
                if !r.r.bind_call(m, call, fm, f) {
                    let name = f.name.to_string();
                    r.warn(m, e, format!("`{name}(...)`: some arguments of this call (`*args`, `**kwargs`, or not in the function's parameters) are not read; operations that depend on them are not read"));
                }
                self.depth += 1;
                let outer = self.helper.replace(f.range);
                self.stmts(r, fm, &f.body, batch);
                self.returned = false;
                self.helper = outer;
                self.depth -= 1;
                r.r.params.borrow_mut().truncate(bound);
            }
        }
    }

    /// The `sa.Enum(...)` / `postgresql.ENUM(...)` call an expression is (directly or through a
    /// name bound to one).
    fn enum_value<'a>(&self, r: &Reader<'a>, m: usize, e: &'a Expr) -> Option<(usize, &'a Expr)> {
        let (vm, v) = match e {
            Expr::Call(_) => (m, e),
            Expr::Name(_) | Expr::Attribute(_) => match r.r.expr(m, e) {
                Sym::Value(vm, v) => (vm, v),
                _ => return None,
            },
            _ => return None,
        };
        let (name, _) = r.callee(vm, v)?;
        matches!(name.as_str(), "sa.Enum" | "postgresql.ENUM" | "mysql.ENUM").then_some((vm, v))
    }

    /// `op.execute(sql)` / `bind.execute(sql)`: DDL text is replayed, DML is a data step.
    fn execute<'a>(
        &mut self,
        r: &mut Reader<'a>,
        m: usize,
        call: &'a ast::ExprCall,
        at: Origin,
        op: bool,
    ) {
        let Some(sqltext) = arg(call, 0, "sqltext") else {
            return;
        };
        // `op.execute(sa.schema.DropSequence(sa.Sequence("x_id_seq")))`: a DDL element.
        if let Some((n, c)) = r.callee(m, sqltext) {
            if n.rsplit('.').next() == Some("DropSequence") {
                let seq = arg(c, 0, "element").and_then(|s| r.callee(m, s));
                let seq = seq.filter(|(sn, _)| sn.rsplit('.').next() == Some("Sequence"));
                let name = seq.and_then(|(_, sc)| Some((arg(sc, 0, "name")?, sc)));
                match name.and_then(|(x, sc)| Some((r.lit_str(m, x)?, sc))) {
                    Some((name, sc)) => {
                        let schema = kwarg(sc, "schema").and_then(|x| r.lit_str(m, x));
                        let if_exists = kwarg(c, "if_exists")
                            .is_some_and(|x| matches!(r.lit(m, x), Some(Lit::Bool(true))));
                        let exists = if if_exists { "IF EXISTS " } else { "" };
                        self.line(format!("DROP SEQUENCE {exists}{};", self.qt(&schema, &name)), at);
                    }
                    None => r.warn(m, sqltext, "the sequence of this `DropSequence` is not a literal `Sequence(\"name\")`; it is not read".into()),
                }
                return;
            }
        }
        let Some(sql) = r.sql_text(m, sqltext) else {
            // `op.execute(table.update()...)`, `sa.insert(...)`: data.
            let what = match r.callee(m, sqltext) {
                Some((n, _)) => format!("`{n}(...)`"),
                None => "a statement built in Python".to_string(),
            };
            let kind = if op { "op.execute" } else { "execute" };
            self.steps.push(Step {
                at,
                what: format!("{kind} of {what}"),
            });
            return;
        };
        let word = first_word(&sql);
        // `DO $$ ... $$`: enum types made if missing are read; other code with DDL is warned
        // about; the rest is data.
        if word == "do" {
            match do_block(&sql) {
                Some(DoBlock::CreateTypes(types)) => {
                    for (stmt, name) in types {
                        if !self.enum_exists(&name) {
                            self.line(stmt, at);
                        }
                    }
                    return;
                }
                Some(DoBlock::Code { ddl: true }) => {
                    r.warn(m, sqltext, "`op.execute` of a `DO` block: the DDL in its procedural code is not read (only `CREATE TYPE ... AS ENUM` made if missing is); what it changes is not compared".into());
                    return;
                }
                Some(DoBlock::Code { ddl: false }) | None => {}
            }
        }
        if DATA_WORDS.contains(&word.as_str()) {
            let mut head: String = sql.trim().chars().take(60).collect();
            if head.len() < sql.trim().len() {
                head.push_str("...");
            }
            self.steps.push(Step {
                at,
                what: head.replace('\n', " "),
            });
            return;
        }
        let mut text = sql.trim().to_string();
        if !text.ends_with(';') {
            text.push(';');
        }
        self.line(text, at);
    }

    /// One `op.<method>(...)` (or `batch_op.<method>(...)`) call.
    #[allow(clippy::too_many_arguments)]
    fn op<'a>(
        &mut self,
        r: &mut Reader<'a>,
        m: usize,
        e: &'a Expr,
        call: &'a ast::ExprCall,
        method: &str,
        batch: Option<&Batch>,
        at: Origin,
    ) {
        let call = match self.decided(r, m, e) {
            Expr::Call(decided) => spread_out(r, m, decided),
            _ => call,
        };
        // What SQLite alters in place (Alembic's `requires_recreate_in_batch`): adding an index,
        // dropping one, adding a column without an expression as its server default.
        if batch.is_some() {
            self.recreates |= match method {
                "create_index" | "drop_index" => false,
                "add_column" => arg(call, 0, "column")
                    .and_then(|c| match c {
                        Expr::Call(c) => kwarg(c, "server_default"),
                        _ => None,
                    })
                    .is_some_and(|d| matches!(d, Expr::Call(_))),
                _ => true,
            };
        }
        let call = match method {
            "create_table" => call,
            _ => self.literal_args(r, m, call),
        };
        let a = Args {
            call,
            batch: batch.is_some(),
            alias: batch.and_then(|b| b.alias.clone()),
        };
        // The table of an operation: the batch's, or the argument at `pos` / keyword `kw`.
        let table = |r: &Reader<'a>, pos: usize, kw: &str| -> Option<(String, Option<String>)> {
            match batch {
                Some(b) => Some((b.table.clone(), b.schema.clone())),
                None => {
                    let t = a.get(pos, kw, usize::MAX).and_then(|t| r.lit_str(m, t))?;
                    let schema = kwarg(call, "schema").and_then(|s| r.lit_str(m, s));
                    Some((t, schema))
                }
            }
        };
        let not_literal = |r: &mut Reader<'a>, what: &str| {
            r.warn(
                m,
                e,
                format!("`op.{method}`: {what} is not a literal; the operation is not read"),
            );
        };
        match method {
            "create_table" => {
                let Some(mut t) = r.table_def(m, e, call, 1) else {
                    return;
                };
                // Columns that could not be read are created all the same, of a placeholder
                // type: what the history does to them later applies, and the schema leaves
                // them out of the comparison (see [`UNCOMPARED_TYPE`]).
                for name in std::mem::take(&mut t.uncompared) {
                    let ty = SaType::Raw(UNCOMPARED_TYPE.to_string());
                    t.columns.push(ColumnDef::new(name, ty, at));
                }
                let mut skip = Vec::new();
                no_create_types(e, &mut skip);
                let mut findings = std::mem::take(&mut r.findings);
                let emitted = ddl::emit(&[t], self.c, self.sa_name, &mut findings);
                r.findings = findings;
                let mut kept = Emitted::default();
                for (i, (off, origin)) in emitted.origins.iter().enumerate() {
                    let end = emitted
                        .origins
                        .get(i + 1)
                        .map_or(emitted.sql.len(), |(o, _)| *o);
                    let line = emitted.sql[*off..end].trim_end_matches('\n');
                    // `create_type=False`, or a type that exists already (SQLAlchemy checks
                    // before creating a table's enum types).
                    let skipped = skip
                        .iter()
                        .any(|n| line.starts_with(&format!("CREATE TYPE {} ", self.q(n))))
                        || line
                            .strip_prefix("CREATE TYPE ")
                            .and_then(|rest| rest.split_once(" AS ENUM"))
                            .is_some_and(|(name, _)| self.enum_exists(name.trim_matches('"')));
                    if !skipped {
                        kept.line(line, *origin);
                    }
                }
                self.ddl.append(kept);
            }
            "drop_table" => {
                let Some((t, schema)) = table(r, 0, "table_name") else {
                    return not_literal(r, "the table name");
                };
                self.line(format!("DROP TABLE {};", self.qt(&schema, &t)), at);
            }
            "rename_table" => {
                let old = a
                    .get(0, "old_table_name", usize::MAX)
                    .and_then(|t| r.lit_str(m, t));
                let new = a
                    .get(1, "new_table_name", usize::MAX)
                    .and_then(|t| r.lit_str(m, t));
                let (Some(old), Some(new)) = (old, new) else {
                    return not_literal(r, "a table name");
                };
                let schema = kwarg(call, "schema").and_then(|s| r.lit_str(m, s));
                self.line(
                    format!(
                        "ALTER TABLE {} RENAME TO {};",
                        self.qt(&schema, &old),
                        self.q(&new)
                    ),
                    at,
                );
            }
            "add_column" => {
                let Some((t, schema)) = table(r, 0, "table_name") else {
                    return not_literal(r, "the table name");
                };
                let Some(col_e) = a.get(1, "column", 0) else {
                    return;
                };
                // `op.add_column("t", col)` with `col = sa.Column(...)` assigned before.
                let (cm, col_e) = match col_e {
                    Expr::Name(_) | Expr::Attribute(_) => match r.r.expr(m, col_e) {
                        Sym::Value(vm, v) => (vm, v),
                        _ => (m, col_e),
                    },
                    _ => (m, col_e),
                };
                // `op.add_column("t", _workspace_column())`: the column a helper returns, its
                // arguments bound while it is read.
                let bound = r.r.params.borrow().len();
                let (cm, col_e) = match col_e {
                    Expr::Call(c) => r.r.enter_helper(cm, c).unwrap_or((cm, col_e)),
                    _ => (cm, col_e),
                };
                let mut stub = stub_table(t.clone(), schema.clone(), at);
                let cat = r.origin(cm, col_e);
                r.uncompared.clear();
                let read = r.column_call(cm, col_e, "", None, &mut stub, cat, false);
                r.r.params.borrow_mut().truncate(bound);
                let col = match read {
                    Some(col) => col,
                    // A column that could not be read (it said why) is added all the same,
                    // of a placeholder type, as `create_table` does.
                    None => match r.uncompared.pop() {
                        Some(name) => {
                            ColumnDef::new(name, SaType::Raw(UNCOMPARED_TYPE.to_string()), cat)
                        }
                        None => return not_literal(r, "the column (an `sa.Column(...)` call)"),
                    },
                };
                self.add_column(&stub, &col, batch.is_some(), cat);
            }
            "drop_column" => {
                let Some((t, schema)) = table(r, 0, "table_name") else {
                    return not_literal(r, "the table name");
                };
                let Some(col) = a.get(1, "column_name", 0).and_then(|c| r.lit_str(m, c)) else {
                    return not_literal(r, "the column name");
                };
                self.line(
                    format!(
                        "ALTER TABLE {} DROP COLUMN {};",
                        self.qt(&schema, &t),
                        self.q(&col)
                    ),
                    at,
                );
            }
            "alter_column" => {
                let Some((t, schema)) = table(r, 0, "table_name") else {
                    return not_literal(r, "the table name");
                };
                let Some(col) = a.get(1, "column_name", 0).and_then(|c| r.lit_str(m, c)) else {
                    return not_literal(r, "the column name");
                };
                self.alter_column(r, m, call, &self.qt(&schema, &t), &col, at);
                if let Some(new) = kwarg(call, "new_column_name").and_then(|n| r.lit_str(m, n)) {
                    let prefix = schema.map_or(String::new(), |s| format!("{s}."));
                    self.renames.push(format!("{prefix}{t}.{col}={new}"));
                }
            }
            "create_index" => {
                let Some((t, schema)) = table(r, 1, "table_name") else {
                    return not_literal(r, "the table name");
                };
                let name = match a.get(0, "index_name", 0).map(|n| r.lit(m, n)) {
                    Some(Some(Lit::Str(s))) => Some(s),
                    Some(Some(Lit::None)) | None => None,
                    Some(_) => return not_literal(r, "the index name"),
                };
                let cols = a.get(2, "columns", 1).map(|c| match c {
                    // `list(columns)`, `tuple(columns)`: of the list it copies.
                    Expr::Call(l)
                        if matches!(&*l.func, Expr::Name(n) if matches!(n.id.as_str(), "list" | "tuple"))
                            && l.arguments.args.len() == 1
                            && l.arguments.keywords.is_empty() =>
                    {
                        &l.arguments.args[0]
                    }
                    c => c,
                });
                // (also a name or an item bound to a list: `fk["constrained_columns"]`)
                let (cm, cols) = match cols.and_then(|c| r.value_of(m, c, 0)) {
                    Some((vm, v @ (Expr::List(_) | Expr::Tuple(_)))) => (vm, Some(v)),
                    _ => (m, cols),
                };
                let items: Vec<&'a Expr> = match cols {
                    Some(Expr::List(l)) => l.elts.iter().collect(),
                    Some(Expr::Tuple(l)) => l.elts.iter().collect(),
                    Some(other) => vec![other],
                    None => Vec::new(),
                };
                let mut elements = Vec::new();
                let mut is_column = Vec::new();
                for it in items {
                    if let Some(s) = r.lit_str(cm, it) {
                        // Alembic takes a string with characters other than a name's as SQL.
                        let plain = s.chars().all(|c| c.is_alphanumeric() || c == '_');
                        elements.push(s);
                        is_column.push(plain);
                    } else if let Some(sql) = r.sql_text(cm, it) {
                        elements.push(sql);
                        is_column.push(false);
                    } else if let Some(c) = r.column_ref(cm, it) {
                        elements.push(c);
                        is_column.push(true);
                    } else if let Some(sql) = r.ordered_column(cm, it) {
                        // `sa.column("updated_at").desc()`
                        elements.push(sql);
                        is_column.push(false);
                    } else if let Some(sql) = r.func_element(cm, it) {
                        // `sa.func.lower(sa.column("email"))`
                        elements.push(sql);
                        is_column.push(false);
                    } else {
                        return not_literal(r, "an index element");
                    }
                }
                let idx: IndexDef = r.index_def(m, call, name, elements, is_column);
                let stub = stub_table(t, schema, at);
                let mut e2 = Emitted::default();
                ddl::index(&mut e2, &stub, &idx, at, self.c);
                self.ddl.append(e2);
            }
            "drop_index" => {
                let Some(name) = a.get(0, "index_name", 0).and_then(|n| r.lit_str(m, n)) else {
                    return not_literal(r, "the index name");
                };
                let tbl = table(r, 1, "table_name");
                let schema = tbl.as_ref().and_then(|(_, s)| s.clone());
                match tbl.filter(|_| self.my()) {
                    Some((t, s)) => self.line(
                        format!("DROP INDEX {} ON {};", self.q(&name), self.qt(&s, &t)),
                        at,
                    ),
                    None => self.line(format!("DROP INDEX {};", self.qt(&schema, &name)), at),
                }
            }
            "create_unique_constraint"
            | "create_primary_key"
            | "create_check_constraint"
            | "create_foreign_key" => {
                let Some((t, schema)) = table(
                    r,
                    1,
                    if method == "create_foreign_key" {
                        "source_table"
                    } else {
                        "table_name"
                    },
                ) else {
                    return not_literal(r, "the table name");
                };
                let name = match a.get(0, "constraint_name", 0).map(|n| r.lit(m, n)) {
                    Some(Some(Lit::Str(s))) => Some(s),
                    Some(Some(Lit::None)) | None => None,
                    Some(_) => return not_literal(r, "the constraint name"),
                };
                let prefix = name.map_or(String::new(), |n| format!("CONSTRAINT {} ", self.q(&n)));
                let list =
                    |v: &[String]| v.iter().map(|c| self.q(c)).collect::<Vec<_>>().join(", ");
                let body = match method {
                    "create_unique_constraint" => {
                        let Some(c) = name_list(&a, r, m, 2, "columns") else {
                            return not_literal(r, "the column list");
                        };
                        format!("UNIQUE ({})", list(&c))
                    }
                    "create_primary_key" => {
                        let Some(c) = name_list(&a, r, m, 2, "columns") else {
                            return not_literal(r, "the column list");
                        };
                        format!("PRIMARY KEY ({})", list(&c))
                    }
                    "create_check_constraint" => {
                        let Some(cond) = a.get(2, "condition", 1).and_then(|c| r.sql_text(m, c))
                        else {
                            return not_literal(r, "the condition (a string or text(...))");
                        };
                        format!("CHECK ({cond})")
                    }
                    _ => {
                        let Some(referent) =
                            a.get(2, "referent_table", 1).and_then(|c| r.lit_str(m, c))
                        else {
                            return not_literal(r, "the referenced table");
                        };
                        let (Some(local), Some(remote)) = (
                            name_list(&a, r, m, 3, "local_cols"),
                            name_list(&a, r, m, 4, "remote_cols"),
                        ) else {
                            return not_literal(r, "a column list");
                        };
                        let rschema = kwarg(call, "referent_schema").and_then(|s| r.lit_str(m, s));
                        let mut s = format!(
                            "FOREIGN KEY({}) REFERENCES {} ({})",
                            list(&local),
                            self.qt(&rschema, &referent),
                            list(&remote)
                        );
                        for (kw, sql) in [("ondelete", "ON DELETE"), ("onupdate", "ON UPDATE")] {
                            if let Some(v) = kwarg(call, kw).and_then(|v| r.lit_str(m, v)) {
                                s.push_str(&format!(" {sql} {v}"));
                            }
                        }
                        if kwarg(call, "deferrable").and_then(|v| r.lit_bool(m, v)) == Some(true) {
                            s.push_str(" DEFERRABLE");
                        }
                        if let Some(v) = kwarg(call, "initially").and_then(|v| r.lit_str(m, v)) {
                            s.push_str(&format!(" INITIALLY {v}"));
                        }
                        s
                    }
                };
                let schema = if method == "create_foreign_key" {
                    kwarg(call, "source_schema")
                        .and_then(|s| r.lit_str(m, s))
                        .or(schema)
                } else {
                    schema
                };
                self.line(
                    format!("ALTER TABLE {} ADD {prefix}{body};", self.qt(&schema, &t)),
                    at,
                );
            }
            "drop_constraint" => {
                let Some((t, schema)) = table(r, 1, "table_name") else {
                    return not_literal(r, "the table name");
                };
                let name = a.get(0, "constraint_name", 0).map(|n| r.lit(m, n));
                let name = match name {
                    Some(Some(Lit::Str(s))) => s,
                    // `op.drop_constraint(None, ...)`, or a name SQLite's inspector gave as None:
                    // Alembic cannot drop a constraint it cannot name either.
                    Some(Some(Lit::None)) => {
                        r.warn(m, e, format!("`op.{method}`: the constraint name is None, and a constraint is dropped by its name (Alembic fails here too); the operation is not read"));
                        return;
                    }
                    _ => return not_literal(r, "the constraint name"),
                };
                let kind = kwarg(call, "type_").and_then(|v| r.lit_str(m, v));
                // In a batch with `naming_convention=`, an unnamed constraint of the reflected
                // table goes by the name the convention gives it (Alembic's way to drop an
                // unnamed SQLite foreign key).
                let name = match batch.filter(|b| !b.naming.is_empty()) {
                    Some(b) => self.by_convention(&b.naming, &t, &name).unwrap_or(name),
                    None => name,
                };
                let what = match (self.my(), kind.as_deref()) {
                    (true, Some("foreignkey")) => format!("DROP FOREIGN KEY {}", self.q(&name)),
                    (true, Some("unique")) => format!("DROP INDEX {}", self.q(&name)),
                    (true, Some("primary")) => "DROP PRIMARY KEY".to_string(),
                    (true, Some("check")) if self.sa_name == "mysql" => {
                        format!("DROP CHECK {}", self.q(&name))
                    }
                    _ => format!("DROP CONSTRAINT {}", self.q(&name)),
                };
                self.line(format!("ALTER TABLE {} {what};", self.qt(&schema, &t)), at);
            }
            "create_table_comment" | "drop_table_comment" => {
                let Some((t, schema)) = table(r, 0, "table_name") else {
                    return not_literal(r, "the table name");
                };
                let text = if method == "create_table_comment" {
                    match a.get(1, "comment", 0).and_then(|c| r.lit_str(m, c)) {
                        Some(c) => sql_str(&c),
                        None => return not_literal(r, "the comment"),
                    }
                } else {
                    "NULL".to_string()
                };
                if self.my() {
                    let text = if text == "NULL" {
                        "''".to_string()
                    } else {
                        text
                    };
                    self.line(
                        format!("ALTER TABLE {} COMMENT {text};", self.qt(&schema, &t)),
                        at,
                    );
                } else if self.pg() {
                    self.line(
                        format!("COMMENT ON TABLE {} IS {text};", self.qt(&schema, &t)),
                        at,
                    );
                }
            }
            "execute" => self.execute(r, m, call, at, true),
            "bulk_insert" => {
                let what = match call.arguments.args.first() {
                    Some(Expr::Name(n)) => format!("bulk insert into `{}`", n.id),
                    _ => "bulk insert".to_string(),
                };
                self.steps.push(Step { at, what });
            }
            // Helpers that change nothing themselves.
            "f" | "get_bind" | "get_context" | "inline_literal" | "batch_alter_table"
            | "implementation_for" | "invoke" | "run_async" => {}
            _ => r.warn(
                m,
                e,
                format!("`op.{method}` is not read; what it does is not compared"),
            ),
        }
    }

    /// `ADD COLUMN` and what Alembic adds with it: the column's foreign keys and unique
    /// constraint (SQLite only in a batch), its index, its comment.
    fn add_column(&mut self, t: &TableDef, col: &ColumnDef, in_batch: bool, at: Origin) {
        let qt = self.qt(&t.schema, &t.name);
        let ty = col.ty.ddl(self.c);
        self.line(
            format!(
                "ALTER TABLE {qt} ADD COLUMN {};",
                column_def(col, &ty, false, self.c)
            ),
            at,
        );
        let constraints = self.c != Compiler::Sqlite || in_batch;
        if constraints {
            for fk in &col.fks {
                let prefix = fk
                    .name
                    .as_ref()
                    .map_or(String::new(), |n| format!("CONSTRAINT {} ", self.q(n)));
                let mut s = format!(
                    "ALTER TABLE {qt} ADD {prefix}FOREIGN KEY({}) REFERENCES {} ({})",
                    self.q(&col.name),
                    self.qt(&t.schema, &fk.table),
                    fk.ref_columns
                        .iter()
                        .map(|c| self.q(c))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                s.push_str(&fk.clauses());
                s.push(';');
                self.line(s, at);
            }
            if col.unique && !col.index {
                self.line(
                    format!("ALTER TABLE {qt} ADD UNIQUE ({});", self.q(&col.name)),
                    at,
                );
            }
            // A schema type's CHECK (`Boolean(create_constraint=True)`), which Alembic adds
            // with the table's other constraints.
            for (name, sql) in &col.type_checks {
                let check = ddl::check_clause(t, name.as_deref(), sql, self.c);
                self.line(format!("ALTER TABLE {qt} ADD {check};"), at);
            }
        }
        if col.index {
            let unique = if col.unique { "UNIQUE " } else { "" };
            let name = format!("ix_{}_{}", t.name, col.name);
            self.line(
                format!(
                    "CREATE {unique}INDEX {} ON {qt} ({});",
                    self.q(&name),
                    self.q(&col.name)
                ),
                at,
            );
        }
        if self.pg() {
            if let Some(text) = &col.comment {
                self.line(
                    format!(
                        "COMMENT ON COLUMN {qt}.{} IS {};",
                        self.q(&col.name),
                        sql_str(text)
                    ),
                    at,
                );
            }
        }
    }

    fn alter_column<'a>(
        &mut self,
        r: &mut Reader<'a>,
        m: usize,
        call: &'a ast::ExprCall,
        qt: &str,
        col: &str,
        at: Origin,
    ) {
        let qc = self.q(col);
        // Alembic drops the CHECK of an `existing_type` and adds that of a `type_` made with
        // `create_constraint=True` (where the type is not native); the replay does neither.
        if kwarg(call, "type_").is_some() {
            for key in ["existing_type", "type_"] {
                let Some(ty_e) = kwarg(call, key) else {
                    continue;
                };
                let schema_type = r.callee(m, ty_e).is_some_and(|(n, c)| {
                    matches!(n.as_str(), "sa.Enum" | "sa.Boolean")
                        && kwarg(c, "create_constraint").and_then(|v| r.lit_bool(m, v))
                            == Some(true)
                });
                if !schema_type {
                    continue;
                }
                let checks = match r.sa_type(m, ty_e, col) {
                    Some(ty) => r.schema_type_checks(m, ty_e, &ty, col),
                    None => Vec::new(),
                };
                if !checks.is_empty() {
                    r.warn(m, ty_e, format!("`alter_column` of `{col}`: the CHECK that Alembic adds or drops with this `{key}` (`create_constraint=True`) is not read; the column is compared without it"));
                }
            }
        }
        if self.my() {
            return self.alter_column_mysql(r, m, call, qt, col, at);
        }
        let mut lines = Vec::new();
        if let Some(ty_e) = kwarg(call, "type_") {
            match r.sa_type(m, ty_e, col) {
                Some(ty) => {
                    let mut s =
                        format!("ALTER TABLE {qt} ALTER COLUMN {qc} TYPE {}", ty.ddl(self.c));
                    // A `postgresql_` keyword is PostgreSQL's alone: Alembic ignores it
                    // on other dialects.
                    if let Some(using) = kwarg(call, "postgresql_using")
                        .filter(|_| self.pg())
                        .and_then(|u| r.sql_text(m, u))
                    {
                        s.push_str(&format!(" USING {using}"));
                    }
                    lines.push(s + ";");
                }
                None => return,
            }
        }
        if let Some(n) = kwarg(call, "nullable").and_then(|n| r.lit_bool(m, n)) {
            let what = if n { "DROP NOT NULL" } else { "SET NOT NULL" };
            lines.push(format!("ALTER TABLE {qt} ALTER COLUMN {qc} {what};"));
        }
        if let Some(d) = kwarg(call, "server_default") {
            match r.lit(m, d) {
                Some(Lit::Bool(false)) => {}
                Some(Lit::None) => {
                    lines.push(format!("ALTER TABLE {qt} ALTER COLUMN {qc} DROP DEFAULT;"))
                }
                _ => {
                    if let Some(sql) = r.server_default(m, d, col) {
                        lines.push(format!(
                            "ALTER TABLE {qt} ALTER COLUMN {qc} SET DEFAULT {sql};"
                        ));
                    }
                }
            }
        }
        if self.pg() {
            if let Some(c) = kwarg(call, "comment") {
                match r.lit(m, c) {
                    Some(Lit::Str(s)) => {
                        lines.push(format!("COMMENT ON COLUMN {qt}.{qc} IS {};", sql_str(&s)))
                    }
                    Some(Lit::None) => lines.push(format!("COMMENT ON COLUMN {qt}.{qc} IS NULL;")),
                    _ => {}
                }
            }
        }
        if let Some(new) = kwarg(call, "new_column_name").and_then(|n| r.lit_str(m, n)) {
            lines.push(format!(
                "ALTER TABLE {qt} RENAME COLUMN {qc} TO {};",
                self.q(&new)
            ));
        }
        for l in lines {
            self.line(l, at);
        }
    }
}

impl Interp {
    /// MySQL's `alter_column` as Alembic's MySQL implementation writes it: a rename is
    /// `CHANGE old new <definition>`, a type, nullability or comment change `MODIFY col
    /// <definition>` (the whole definition, from `existing_*` where not changed: a MODIFY
    /// without `existing_nullable` makes the column NULL, without `existing_server_default`
    /// drops its default, as on the server), a default alone `ALTER COLUMN .. SET/DROP DEFAULT`.
    fn alter_column_mysql<'a>(
        &mut self,
        r: &mut Reader<'a>,
        m: usize,
        call: &'a ast::ExprCall,
        qt: &str,
        col: &str,
        at: Origin,
    ) {
        let qc = self.q(col);
        let given =
            |k: &str| kwarg(call, k).filter(|v| !matches!(v, Expr::BooleanLiteral(b) if !b.value));
        let new = kwarg(call, "new_column_name").and_then(|n| r.lit_str(m, n));
        let full = new.is_some()
            || given("type_").is_some()
            || kwarg(call, "nullable").is_some()
            || given("comment").is_some();
        if !full {
            if let Some(d) = kwarg(call, "server_default") {
                match r.lit(m, d) {
                    Some(Lit::Bool(false)) => {}
                    Some(Lit::None) => self.line(
                        format!("ALTER TABLE {qt} ALTER COLUMN {qc} DROP DEFAULT;"),
                        at,
                    ),
                    _ => {
                        if let Some(sql) = r.server_default(m, d, col) {
                            self.line(
                                format!("ALTER TABLE {qt} ALTER COLUMN {qc} SET DEFAULT {sql};"),
                                at,
                            );
                        }
                    }
                }
            }
            return;
        }
        let Some(ty_e) = given("type_").or_else(|| kwarg(call, "existing_type")) else {
            r.warn(m, call, format!("`alter_column` of `{col}` on MySQL rewrites the whole column: without `type_` or `existing_type` it cannot be read; the operation is not read"));
            return;
        };
        let Some(ty) = r.sa_type(m, ty_e, col) else {
            return;
        };
        let nullable = kwarg(call, "nullable")
            .or_else(|| kwarg(call, "existing_nullable"))
            .and_then(|n| r.lit_bool(m, n))
            .unwrap_or(true);
        let mut def = ty.ddl(self.c);
        def.push_str(if nullable { " NULL" } else { " NOT NULL" });
        let default = match given("server_default") {
            Some(d) => match r.lit(m, d) {
                Some(Lit::None) => None,
                _ => r.server_default(m, d, col),
            },
            None => kwarg(call, "existing_server_default").and_then(|d| match r.lit(m, d) {
                Some(Lit::None) | Some(Lit::Bool(false)) => None,
                _ => r.server_default(m, d, col),
            }),
        };
        if let Some(d) = default {
            def.push_str(&format!(" DEFAULT {d}"));
        }
        let comment = given("comment").or_else(|| kwarg(call, "existing_comment"));
        if let Some(Lit::Str(text)) = comment.and_then(|c| r.lit(m, c)) {
            def.push_str(&format!(" COMMENT {}", ddl::literal(&text, self.c)));
        }
        match new {
            Some(n) => self.line(
                format!("ALTER TABLE {qt} CHANGE {qc} {} {def};", self.q(&n)),
                at,
            ),
            None => self.line(format!("ALTER TABLE {qt} MODIFY {qc} {def};"), at),
        }
    }
}

/// A call's arguments as an `op.*` method takes them; in a batch block the table argument is
/// left out, so positions after it shift down by one.
struct Args<'a> {
    call: &'a ast::ExprCall,
    batch: bool,
    /// The name the batch's operations are called on: its `batch_op.f("name")` is the name
    /// as written, like `op.f("name")`.
    alias: Option<String>,
}

impl<'a> Args<'a> {
    /// The argument at `pos` (the `op.*` position) or keyword `kw`; `table_pos` is where the
    /// table argument sits (`usize::MAX` when the argument is itself the table).
    fn get(&self, pos: usize, kw: &str, table_pos: usize) -> Option<&'a Expr> {
        let pos = if self.batch && table_pos != usize::MAX && pos > table_pos {
            pos - 1
        } else {
            pos
        };
        let e = self
            .call
            .arguments
            .args
            .get(pos)
            .or_else(|| kwarg(self.call, kw))?;
        match (e, self.alias.as_deref()) {
            (Expr::Call(c), Some(alias))
                if c.arguments.args.len() == 1
                    && c.arguments.keywords.is_empty()
                    && matches!(&*c.func, Expr::Attribute(f)
                        if f.attr.as_str() == "f"
                            && matches!(&*f.value, Expr::Name(n) if n.id.as_str() == alias)) =>
            {
                Some(&c.arguments.args[0])
            }
            _ => Some(e),
        }
    }
}

/// A literal list or tuple of names (column lists of the constraint operations), the argument
/// at `pos` (the table argument at 1 is left out in a batch) or keyword `kw`.
fn name_list<'a>(
    a: &Args<'a>,
    r: &Reader<'a>,
    m: usize,
    pos: usize,
    kw: &str,
) -> Option<Vec<String>> {
    // (also through a name bound to one: a helper's parameter, a local list)
    let (m, e) = r.value_of(m, a.get(pos, kw, 1)?, 0)?;
    match e {
        Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => {
            elts.iter().map(|c| r.lit_str(m, c)).collect()
        }
        _ => None,
    }
}

/// Bind the names of an unrolled loop's item (what [`Interp::loop_items`] gives) inside the
/// loop; returns where the parameters stood before, to truncate them to after the item.
fn bind_item<'a>(
    r: &Reader<'a>,
    m: usize,
    scope: ruff_text_size::TextRange,
    binds: Vec<(String, (usize, &'a Expr))>,
) -> usize {
    let bound = r.r.params.borrow().len();
    r.r.params
        .borrow_mut()
        .extend(binds.into_iter().map(|(name, value)| Param {
            module: m,
            scope,
            name,
            value,
        }));
    bound
}

/// The function name [`Interp::inspector_items`] writes a reflected column type with (no
/// Python source calls it).
const REFLECTED_TYPE: &str = "__schemashift_reflected_type__";

/// The classes of the `type` SQLAlchemy's inspector reflects for a column of type `ty` on this
/// dialect (`sa_name`: `mariadb` reflects JSON as `LONGTEXT`), the reflected class first, then
/// its bases, by their canonical names, as SQLAlchemy 2.0 gives them (checked with
/// `type(c["type"]).__mro__` on PostgreSQL 15, MariaDB 10.11 and SQLite); `None` for a type not
/// mapped here (then `isinstance` tests of it are not decided).
fn reflected_classes(
    c: Compiler,
    sa_name: &str,
    ty: &crate::model::Type,
    is_enum: bool,
) -> Option<Vec<String>> {
    const TEXT: &[&str] = &["TEXT", "Text", "String"];
    const VARCHAR: &[&str] = &["VARCHAR", "String"];
    const CHAR: &[&str] = &["CHAR", "String"];
    const INTEGER: &[&str] = &["INTEGER", "Integer"];
    const BIGINT: &[&str] = &["BIGINT", "BigInteger", "Integer"];
    const SMALLINT: &[&str] = &["SMALLINT", "SmallInteger", "Integer"];
    const BOOLEAN: &[&str] = &["BOOLEAN", "Boolean"];
    const DATE: &[&str] = &["DATE", "Date"];
    const DATETIME: &[&str] = &["DATETIME", "DateTime"];
    const TIMESTAMP: &[&str] = &["TIMESTAMP", "DateTime"];
    const TIME: &[&str] = &["TIME", "Time"];
    const JSON: &[&str] = &["JSON"];
    const NUMERIC: &[&str] = &["NUMERIC", "Numeric"];
    const DECIMAL: &[&str] = &["DECIMAL", "Numeric"];
    const FLOAT: &[&str] = &["FLOAT", "Float", "Numeric"];
    const REAL: &[&str] = &["REAL", "Float", "Numeric"];
    const DOUBLE: &[&str] = &["DOUBLE", "Double", "Float", "Numeric"];
    const BLOB: &[&str] = &["BLOB", "LargeBinary"];
    const UUID: &[&str] = &["UUID", "Uuid"];
    const ENUM: &[&str] = &["Enum", "String"];
    // (the dialect's own class, if any; the generic ones)
    let (own, generic): (Option<&str>, &[&str]) = if ty.array_dims > 0 {
        match c {
            Compiler::Postgresql => (Some("postgresql.ARRAY"), &["ARRAY"]),
            _ => return None,
        }
    } else {
        let name = ty.name.to_ascii_lowercase();
        match c {
            Compiler::Postgresql if is_enum => (Some("postgresql.ENUM"), ENUM),
            Compiler::Postgresql => match name.as_str() {
                "text" => (None, TEXT),
                "character varying" => (None, VARCHAR),
                "character" => (None, CHAR),
                "integer" => (None, INTEGER),
                "bigint" => (None, BIGINT),
                "smallint" => (None, SMALLINT),
                "boolean" => (None, BOOLEAN),
                "date" => (None, DATE),
                n if n.starts_with("timestamp") => (Some("postgresql.TIMESTAMP"), TIMESTAMP),
                n if n == "time" || n.starts_with("time ") => (Some("postgresql.TIME"), TIME),
                "json" => (Some("postgresql.JSON"), JSON),
                "jsonb" => (Some("postgresql.JSONB|postgresql.JSON"), JSON),
                "numeric" => (None, NUMERIC),
                "double precision" => (None, &["DOUBLE_PRECISION", "Double", "Float", "Numeric"]),
                "real" => (None, REAL),
                "bytea" => (Some("postgresql.BYTEA"), &["LargeBinary"]),
                "uuid" => (None, UUID),
                _ => return None,
            },
            Compiler::Mysql => match name.as_str() {
                "text" => (Some("mysql.TEXT"), TEXT),
                "varchar" => (Some("mysql.VARCHAR"), VARCHAR),
                "char" => (Some("mysql.CHAR"), CHAR),
                "int" | "integer" => (Some("mysql.INTEGER"), INTEGER),
                "bigint" => (Some("mysql.BIGINT"), BIGINT),
                "smallint" => (Some("mysql.SMALLINT"), SMALLINT),
                "tinyint" => (Some("mysql.TINYINT"), &["Integer"]),
                "date" => (None, DATE),
                "datetime" => (Some("mysql.DATETIME"), DATETIME),
                "timestamp" => (Some("mysql.TIMESTAMP"), TIMESTAMP),
                "time" => (Some("mysql.TIME"), TIME),
                "json" if sa_name == "mariadb" => (Some("mysql.LONGTEXT"), &["String"]),
                "json" => (Some("mysql.JSON"), JSON),
                "decimal" => (Some("mysql.DECIMAL"), DECIMAL),
                "double" => (Some("mysql.DOUBLE"), DOUBLE),
                "float" => (Some("mysql.FLOAT"), FLOAT),
                "blob" => (None, BLOB),
                "tinytext" => (Some("mysql.TINYTEXT"), &["String"]),
                "mediumtext" => (Some("mysql.MEDIUMTEXT"), &["String"]),
                "longtext" => (Some("mysql.LONGTEXT"), &["String"]),
                "enum" => (Some("mysql.ENUM"), ENUM),
                "uuid" => (None, UUID),
                _ => return None,
            },
            // SQLite's declared names (its `ischema_names`), then its type affinity.
            Compiler::Sqlite => match name.to_ascii_uppercase().as_str() {
                "TEXT" => (None, TEXT),
                "VARCHAR" => (None, VARCHAR),
                "CHAR" => (None, CHAR),
                "INT" | "INTEGER" => (None, INTEGER),
                "BIGINT" => (None, BIGINT),
                "SMALLINT" => (None, SMALLINT),
                "BOOL" | "BOOLEAN" => (None, BOOLEAN),
                "DATE" => (None, DATE),
                "DATETIME" => (None, DATETIME),
                "TIMESTAMP" => (None, TIMESTAMP),
                "TIME" => (None, TIME),
                "JSON" => (Some("sqlite.JSON"), JSON),
                "NUMERIC" => (None, NUMERIC),
                "DECIMAL" => (None, DECIMAL),
                "FLOAT" => (None, FLOAT),
                "REAL" => (None, REAL),
                "DOUBLE" => (None, DOUBLE),
                "BLOB" => (None, BLOB),
                n if n.contains("INT") => (None, INTEGER),
                n if n.contains("CHAR") || n.contains("CLOB") || n.contains("TEXT") => (None, TEXT),
                n if n.is_empty() || n.contains("BLOB") => return None,
                n if n.contains("REAL") || n.contains("FLOA") || n.contains("DOUB") => (None, REAL),
                _ => (None, NUMERIC),
            },
        }
    };
    let mut out: Vec<String> = own
        .into_iter()
        .flat_map(|o| o.split('|'))
        .map(String::from)
        .collect();
    out.extend(generic.iter().map(|g| format!("sa.{g}")));
    Some(out)
}

/// A literal Python value: a scalar, a list (`false`) or tuple (`true`) of them, or a dict
/// (its items in order; a key written twice keeps its last value, as Python's does).
#[derive(Debug, PartialEq)]
enum PyValue {
    Lit(Lit),
    List(Vec<PyValue>, bool),
    Dict(Vec<(PyValue, PyValue)>),
    /// Of strings or numbers, sorted without repeats ([`PyValue::set`]): equal sets compare
    /// equal.
    Set(Vec<PyValue>),
    /// The `type` of a column SQLAlchemy's inspector reflects: its class and the class's
    /// bases by their canonical names, the most derived first ([`reflected_classes`]).
    SqlType(Vec<String>),
}

impl PyValue {
    /// Python's truth of the value.
    fn truthy(&self) -> bool {
        match self {
            PyValue::Lit(l) => l.truthy(),
            PyValue::List(items, _) => !items.is_empty(),
            PyValue::Dict(items) => !items.is_empty(),
            PyValue::Set(items) => !items.is_empty(),
            PyValue::SqlType(_) => true,
        }
    }

    /// The value as Python source (`None` for an empty set, which has no literal).
    fn source(&self) -> Option<String> {
        let join = |items: &[PyValue]| -> Option<String> {
            let parts: Option<Vec<String>> = items.iter().map(PyValue::source).collect();
            Some(parts?.join(", "))
        };
        Some(match self {
            PyValue::Lit(Lit::Str(s)) => py_str(s),
            PyValue::Lit(Lit::Int(i)) => i.to_string(),
            PyValue::Lit(Lit::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
            PyValue::Lit(Lit::None) => "None".to_string(),
            PyValue::List(items, false) => format!("[{}]", join(items)?),
            PyValue::List(items, true) if items.len() == 1 => format!("({},)", join(items)?),
            PyValue::List(items, true) => format!("({})", join(items)?),
            PyValue::Set(items) if items.is_empty() => return None,
            PyValue::Set(items) => format!("{{{}}}", join(items)?),
            // (a type object has no literal)
            PyValue::SqlType(_) => return None,
            PyValue::Dict(items) => {
                let parts: Option<Vec<String>> = (items.iter())
                    .map(|(k, v)| Some(format!("{}: {}", k.source()?, v.source()?)))
                    .collect();
                format!("{{{}}}", parts?.join(", "))
            }
        })
    }

    /// A set of `items`: strings and numbers only (what else Python hashes and compares is
    /// not read).
    fn set(items: Vec<PyValue>) -> Option<PyValue> {
        let mut keyed: Vec<_> = (items.into_iter())
            .map(|v| Some((v.order()?, v)))
            .collect::<Option<_>>()?;
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|a, b| a.0 == b.0);
        Some(PyValue::Set(keyed.into_iter().map(|(_, v)| v).collect()))
    }

    /// How Python orders a string or a number among its kind (strings by code point, as
    /// Rust compares them), the kind first; `None` for other values.
    fn order(&self) -> Option<(u8, i64, String)> {
        match self {
            PyValue::Lit(Lit::Str(s)) => Some((0, 0, s.clone())),
            PyValue::Lit(Lit::Int(i)) => Some((1, *i, String::new())),
            _ => None,
        }
    }

    fn str(s: &str) -> PyValue {
        PyValue::Lit(Lit::Str(s.to_string()))
    }

    /// `value[key]`: a dict's item, or a list's or tuple's by position (from the end when
    /// negative).
    fn item(self, key: &PyValue) -> Option<PyValue> {
        match (self, key) {
            (PyValue::Dict(items), key) => items
                .into_iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v),
            (PyValue::List(mut items, _), PyValue::Lit(Lit::Int(i))) => {
                let at = if *i < 0 {
                    items
                        .len()
                        .checked_sub(usize::try_from(i.unsigned_abs()).ok()?)?
                } else {
                    usize::try_from(*i).ok()?
                };
                (at < items.len()).then(|| items.swap_remove(at))
            }
            _ => None,
        }
    }
}

/// Whether a statement given to `execute(...)` is data by its look: a text (a literal, an
/// f-string, `sa.text(...)` of one) whose first word is a data statement's ([`DATA_WORDS`]),
/// or a statement built by SQLAlchemy's `update` / `insert` / `delete` / `select` (also
/// `table.update()...` and chained `.where(...)`, `.values(...)`).
fn is_data_statement<'e>(e: &'e Expr, locals: &HashMap<&'e str, Vec<&'e Expr>>) -> bool {
    data_statement(e, locals, &mut Vec::new())
}

/// [`is_data_statement`], with the names being followed in `seen`: `stmt = sa.select(...)`,
/// then `stmt = stmt.where(...)`, then `conn.execute(stmt.limit(n))` is data when every value
/// assigned to `stmt` is (its own name inside one stands for the others).
fn data_statement<'e>(
    e: &'e Expr,
    locals: &HashMap<&'e str, Vec<&'e Expr>>,
    seen: &mut Vec<&'e str>,
) -> bool {
    let text = |e: &Expr| -> Option<String> {
        match e {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            Expr::FString(f) => match f.value.iter().next()? {
                ast::FStringPart::Literal(l) => Some(l.value.to_string()),
                ast::FStringPart::FString(fs) => match fs.elements.iter().next()? {
                    ast::InterpolatedStringElement::Literal(l) => Some(l.value.to_string()),
                    _ => None,
                },
            },
            _ => None,
        }
    };
    let data_text =
        |e: &Expr| text(e).is_some_and(|sql| DATA_WORDS.contains(&first_word(&sql).as_str()));
    let mut e = e;
    for _ in 0..32 {
        if let Expr::Name(n) = e {
            let name = n.id.as_str();
            if seen.contains(&name) {
                return true;
            }
            let Some(values) = locals.get(name) else {
                return false;
            };
            if seen.len() > 8 {
                return false;
            }
            seen.push(name);
            let all = values.iter().all(|v| data_statement(v, locals, seen));
            seen.pop();
            return all;
        }
        if text(e).is_some() {
            return data_text(e);
        }
        let Expr::Call(c) = e else { return false };
        match &*c.func {
            // `sa.text("UPDATE ...")`, `text(...)`, `sa.text(sql)` with `sql = "UPDATE ..."`
            f if matches!(f, Expr::Attribute(a) if a.attr.as_str() == "text")
                || matches!(f, Expr::Name(n) if n.id.as_str() == "text") =>
            {
                return match c.arguments.args.first() {
                    Some(Expr::Name(n)) => locals
                        .get(n.id.as_str())
                        .is_some_and(|values| values.iter().all(|v| data_text(v))),
                    Some(a) => data_text(a),
                    None => false,
                };
            }
            Expr::Name(n) => {
                return matches!(n.id.as_str(), "update" | "insert" | "delete" | "select")
            }
            Expr::Attribute(a)
                if matches!(a.attr.as_str(), "update" | "insert" | "delete" | "select") =>
            {
                return true
            }
            // `.where(...)`, `.values(...)`, `.returning(...)`, `.limit(n)` of one
            Expr::Attribute(a) => e = &a.value,
            _ => return false,
        }
    }
    false
}

/// `call` with each `**kwargs` it spreads written out as keywords when [`Reader::spread_keywords`]
/// reads them in the call's module (`op.create_foreign_key(..., **fk_kwargs)` with
/// `fk_kwargs = {"ondelete": "CASCADE"}`); `call` itself when there is none.
fn spread_out<'a>(r: &Reader<'a>, m: usize, call: &'a ast::ExprCall) -> &'a ast::ExprCall {
    let Some(made) = r.made else { return call };
    if call.arguments.keywords.iter().all(|k| k.arg.is_some()) {
        return call;
    }
    let mut new = call.clone();
    let mut keywords = Vec::new();
    for k in call.arguments.keywords.iter() {
        let spread = (k.arg.is_none())
            .then(|| r.spread_keywords(m, &k.value))
            .flatten()
            .filter(|kws| kws.iter().all(|(_, (km, _))| *km == m));
        match spread {
            Some(kws) => keywords.extend(kws.into_iter().map(|(name, (_, v))| ast::Keyword {
                range: k.range,
                node_index: Default::default(),
                arg: Some(ast::Identifier::new(name.as_str(), k.range)),
                value: v.clone(),
            })),
            None => keywords.push(k.clone()),
        }
    }
    new.arguments.keywords = keywords.into();
    match made.alloc(Expr::Call(new)) {
        Expr::Call(c) => c,
        _ => call,
    }
}

/// Whether statements may leave their block: a `return`, `continue` or `break` in them or in
/// the `if`, `with` and `try` blocks among them (not in a nested loop or function).
fn exits(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Return(_) | Stmt::Continue(_) | Stmt::Break(_) => true,
        Stmt::If(_) | Stmt::With(_) | Stmt::Try(_) => super::super::modules::block_bodies(s)
            .into_iter()
            .any(exits),
        _ => false,
    })
}

/// Whether statements change a list, dict or set named `name` in place: `name.append(...)`
/// (or another method that changes it), `name[k] = v`, `name += ...`, `del name[k]`. Its
/// literal value is then not what it holds.
fn changed_in_place(body: &[Stmt], name: &str) -> bool {
    use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
    struct Find<'n> {
        name: &'n str,
        found: bool,
    }
    impl Find<'_> {
        fn named(&self, e: &Expr) -> bool {
            let e = match e {
                Expr::Subscript(s) => &*s.value,
                e => e,
            };
            matches!(e, Expr::Name(n) if n.id.as_str() == self.name)
        }
    }
    impl<'b> Visitor<'b> for Find<'_> {
        fn visit_stmt(&mut self, s: &'b Stmt) {
            let targets: &[Expr] = match s {
                Stmt::Assign(a) => &a.targets,
                Stmt::AugAssign(a) => std::slice::from_ref(&*a.target),
                Stmt::Delete(d) => &d.targets,
                _ => &[],
            };
            // (`name = ...` binds it anew; `name += ...` and item targets change it)
            let rebinds = matches!(s, Stmt::Assign(_));
            self.found |= (targets.iter())
                .any(|t| (!rebinds || matches!(t, Expr::Subscript(_))) && self.named(t));
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &'b Expr) {
            if let Expr::Call(c) = e {
                if let Expr::Attribute(a) = &*c.func {
                    self.found |= matches!(
                        a.attr.as_str(),
                        "append"
                            | "extend"
                            | "insert"
                            | "update"
                            | "setdefault"
                            | "pop"
                            | "popitem"
                            | "remove"
                            | "clear"
                            | "add"
                            | "discard"
                            | "sort"
                            | "reverse"
                    ) && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == self.name);
                }
            }
            walk_expr(self, e);
        }
    }
    let mut f = Find { name, found: false };
    for s in body {
        f.visit_stmt(s);
        if f.found {
            return true;
        }
    }
    false
}

/// Whether statements call anything that looks like an Alembic operation that could change
/// the schema. What only reads or changes data is not one: `op.get_bind()`,
/// `op.bulk_insert(...)`, and `execute(...)` of a statement that is data by its look (an
/// `UPDATE`/`INSERT`/`SELECT`... text, `sa.update(t).where(...)`, `t.insert()`).
/// [`calls_op`] of statements, or of the functions they call (of this module or another, and
/// what those call, each once): glance's first revision calls `add_images_tables.upgrade()`,
/// which calls `_add_images_table()`, which calls `op.create_table`.
fn reaches_op<'a>(r: &Reader<'a>, m: usize, body: &'a [Stmt], schema_only: bool) -> bool {
    use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
    struct Callees<'b>(Vec<&'b Expr>);
    impl<'b> Visitor<'b> for Callees<'b> {
        fn visit_expr(&mut self, e: &'b Expr) {
            if let Expr::Call(c) = e {
                if matches!(&*c.func, Expr::Name(_) | Expr::Attribute(_)) {
                    self.0.push(&c.func);
                }
            }
            walk_expr(self, e);
        }
    }
    fn reaches<'a>(
        r: &Reader<'a>,
        m: usize,
        body: &'a [Stmt],
        schema_only: bool,
        seen: &mut Vec<(usize, ruff_text_size::TextSize)>,
    ) -> bool {
        if calls_op(body, schema_only) {
            return true;
        }
        if seen.len() > 64 {
            return false;
        }
        let mut callees = Callees(Vec::new());
        for s in body {
            walk_stmt(&mut callees, s);
        }
        callees.0.into_iter().any(|func| {
            let Sym::Function(fm, f) = r.r.expr(m, func) else {
                return false;
            };
            let id = (fm, ruff_text_size::Ranged::start(f));
            if seen.contains(&id) {
                return false;
            }
            seen.push(id);
            reaches(r, fm, &f.body, schema_only, seen)
        })
    }
    reaches(r, m, body, schema_only, &mut Vec::new())
}

/// Whether statements call anything that looks like an Alembic operation or an `execute`
/// (`schema_only`: only those that could change the schema).
fn calls_op(body: &[Stmt], schema_only: bool) -> bool {
    use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
    // What the statements assign to each name (`stmt = sa.select(...)`, `stmt =
    // stmt.where(...)`), to read what an `execute(stmt)` runs. A name bound otherwise too (a
    // loop's target, `x += ...`) is not followed.
    struct Assigned<'b>(HashMap<&'b str, Vec<&'b Expr>>, HashSet<&'b str>);
    impl<'b> Visitor<'b> for Assigned<'b> {
        fn visit_stmt(&mut self, s: &'b Stmt) {
            match s {
                Stmt::Assign(a) => {
                    for t in &a.targets {
                        match t {
                            Expr::Name(n) if a.targets.len() == 1 => {
                                self.0.entry(n.id.as_str()).or_default().push(&a.value)
                            }
                            t => self.1.extend(names_bound(t)),
                        }
                    }
                }
                Stmt::AugAssign(a) => self.1.extend(names_bound(&a.target)),
                Stmt::AnnAssign(a) => self.1.extend(names_bound(&a.target)),
                Stmt::For(f) => self.1.extend(names_bound(&f.target)),
                _ => {}
            }
            walk_stmt(self, s);
        }
    }
    fn names_bound(t: &Expr) -> Vec<&str> {
        match t {
            Expr::Name(n) => vec![n.id.as_str()],
            Expr::Tuple(x) => x.elts.iter().flat_map(names_bound).collect(),
            Expr::List(x) => x.elts.iter().flat_map(names_bound).collect(),
            Expr::Starred(x) => names_bound(&x.value),
            _ => Vec::new(),
        }
    }
    let mut assigned = Assigned(HashMap::new(), HashSet::new());
    if schema_only {
        for s in body {
            assigned.visit_stmt(s);
        }
        for other in &assigned.1 {
            assigned.0.remove(other);
        }
    }
    struct Find<'b>(bool, bool, HashMap<&'b str, Vec<&'b Expr>>);
    impl<'b> Visitor<'b> for Find<'b> {
        fn visit_expr(&mut self, e: &'b Expr) {
            if let Expr::Call(c) = e {
                if let Expr::Attribute(a) = &*c.func {
                    let attr = a.attr.as_str();
                    let on_op = matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "op" || n.id.as_str().contains("batch"));
                    let data = self.1
                        && match attr {
                            "get_bind" | "get_context" | "bulk_insert" | "inline_literal" | "f" => {
                                on_op
                            }
                            "execute" | "exec_driver_sql" => arg(c, 0, "sqltext")
                                .or_else(|| arg(c, 0, "statement"))
                                .is_some_and(|e| is_data_statement(e, &self.2)),
                            _ => false,
                        };
                    if !data
                        && (on_op
                            || matches!(attr, "create" | "drop" | "execute" | "exec_driver_sql"))
                    {
                        self.0 = true;
                    }
                }
            }
            walk_expr(self, e);
        }
    }
    let mut f = Find(false, schema_only, assigned.0);
    for s in body {
        walk_stmt(&mut f, s);
    }
    f.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(names: &[(&str, &str)]) -> Option<DoBlock> {
        Some(DoBlock::CreateTypes(
            (names.iter())
                .map(|(s, n)| (s.to_string(), n.to_string()))
                .collect(),
        ))
    }

    #[test]
    fn do_blocks_that_make_enum_types_if_missing() {
        let guarded = "-- types\nDO LANGUAGE plpgsql $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'a(b') THEN CREATE TYPE a AS ENUM ('x;y'); END IF; END $$";
        assert_eq!(
            do_block(guarded),
            types(&[("CREATE TYPE a AS ENUM ('x;y');", "a")])
        );
        let handled = "do $t$\nbegin\n  create type s.b as enum ('p');\n  create type c as enum ('q');\nexception when duplicate_object then null;\nend\n$t$;";
        assert_eq!(
            do_block(handled),
            types(&[
                ("create type s.b as enum ('p');", "b"),
                ("create type c as enum ('q');", "c")
            ])
        );
        // Other code, with DDL or without; a quoted name; a body that is no dollar quote.
        let code = |ddl| Some(DoBlock::Code { ddl });
        let other_handler = "DO $$ BEGIN CREATE TYPE a AS ENUM ('x'); EXCEPTION WHEN duplicate_object THEN RAISE NOTICE 'x'; END $$";
        assert_eq!(do_block(other_handler), code(true));
        assert_eq!(
            do_block("DO $$ BEGIN CREATE TYPE \"A\" AS ENUM ('x'); END $$"),
            code(true)
        );
        assert_eq!(
            do_block("DO $$ BEGIN CREATE TYPE r AS (x int); END $$"),
            code(true)
        );
        assert_eq!(do_block("DO $$ BEGIN DROP TABLE t; END $$"), code(true));
        assert_eq!(
            do_block("DO $$ BEGIN PERFORM pg_sleep(1); END $$"),
            code(false)
        );
        assert_eq!(do_block("DO $$ BEGIN END $$"), code(false));
        assert_eq!(do_block("DO 'BEGIN NULL; END'"), None);
    }
}
