//! Verification on a real engine: a plan, built without any database, that a runner (the CLI
//! with SQLite or a scratch PostgreSQL, the npm package with PGlite or SQLite in WebAssembly)
//! executes step by step.
//!
//! The plan holds
//! - the DDL that builds a database from the current schema (A) and one from the desired
//!   schema (B);
//! - seed rows: INSERTs for every table of current that desired keeps (under the same or a
//!   declared new name), up to two rows, parents before children, values chosen for both
//!   sides' types (a text column that desired makes numeric gets a number, an enum value that
//!   both sides' enum types have...), each row with a fallback that leaves out the nullable
//!   columns; tables that get no INSERT are listed with the reason;
//! - the UP and DOWN statements, one by one (each runs on its own, as `psql -f` runs them);
//! - the dialect's catalog queries (`dialects/<d>/verify.rs`): SQL text run on both
//!   databases, whose result rows are compared as text, so the comparison is the engine's
//!   own and never goes through schemashift's model;
//! - row-count and row-content queries for the seeded tables.
//!
//! [`run`] executes a plan on two [`Engine`]s (synchronous runners); asynchronous runners (the
//! npm package's) follow the same steps and use [`catalog_lines`], [`catalog_differences`]
//! and [`row_differences`] for the comparisons.

mod seed;

use crate::dialects::{Dialect, DialectKind};
use crate::input::Frontend;
use crate::model::{QualName, Str};
use crate::{Change, Diagnostic, Migration, Side};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

pub use crate::dialects::verify::{CatalogQuery, Extract, Kind, VerifySql};

/// Everything a runner executes, in order.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub dialect: DialectKind,
    /// The engine the plan is written for (`PostgreSQL`, `SQLite`...).
    pub engine: &'static str,
    /// Builds database A (and the reference for DOWN).
    pub current_ddl: String,
    /// Builds database B.
    pub desired_ddl: String,
    /// Seed rows, parents before children.
    pub seeds: Vec<Seed>,
    /// Tables of current that get no seed rows, with the reason.
    pub not_seeded: Vec<NotSeeded>,
    pub up: Vec<String>,
    pub down: Vec<String>,
    pub catalog: Vec<CatalogQuery>,
    /// Row checks, one per seeded table.
    pub rows: Vec<RowCheck>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Seed {
    /// The table, as a report names it.
    pub table: String,
    /// One entry per row: the INSERTs to try in order (all columns, then NOT NULL ones only).
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NotSeeded {
    pub table: String,
    pub reason: String,
}

/// The queries that show a seeded table kept its rows: each gives the listed columns' values
/// as text, rows in order (with no column listed, a `1` per row: the row count).
#[derive(Clone, Debug, Serialize)]
pub struct RowCheck {
    /// The table under its current name.
    pub table: String,
    /// Every column, under the current names (before UP and after DOWN: DOWN must bring back
    /// every value).
    pub content_current: String,
    pub columns_current: Vec<String>,
    /// The columns UP keeps with the same type, under the current names (before UP) and the
    /// desired ones (after UP).
    pub kept_current: String,
    pub kept_desired: String,
    pub columns_kept: Vec<String>,
}

/// Inputs that do not give a plan.
#[derive(Debug)]
pub struct PlanError {
    pub diagnostics: Vec<Diagnostic>,
}

/// The verification plan for a migration between `current` and `desired` (SQL DDL).
/// `migration` is what [`crate::migrate`] made of them (its renames are followed).
pub fn plan(
    current: &str,
    desired: &str,
    migration: &Migration,
    dialect: DialectKind,
) -> Result<Plan, PlanError> {
    let d = dialect.dialect();
    let (from, mut diagnostics) = crate::input::Sql.parse(current, d, Side::Current);
    let (to, more) = crate::input::Sql.parse(desired, d, Side::Desired);
    diagnostics.extend(more);
    if diagnostics
        .iter()
        .any(|x| x.severity == crate::Severity::Error)
    {
        return Err(PlanError { diagnostics });
    }
    let written = migration.dialect(dialect);
    let sql = crate::dialects::verify_sql(dialect);
    let renames = Renames::of(&migration.changes);
    let (seeds, not_seeded, rows) = seed::seeds(&from, &to, &renames, &*written, sql);
    Ok(Plan {
        dialect,
        engine: sql.engine(),
        current_ddl: without_sqlite_sequence(current, dialect),
        desired_ddl: without_sqlite_sequence(desired, dialect),
        seeds,
        not_seeded,
        up: statements(&migration.changes, &*written),
        down: statements(&migration.down_changes, &*written),
        catalog: sql.catalog().to_vec(),
        rows,
    })
}

/// The plan for two SQL texts: the migration [`crate::migrate`] makes of them with `options`
/// (its dialect and renames), then [`plan`]. What every runner that starts from the two texts
/// calls (the npm package's `verifyPlan()`, the web app's Verify). `Err`: inputs with errors,
/// and their diagnostics.
pub fn plan_sql(current: &str, desired: &str, options: &crate::Options) -> Result<Plan, PlanError> {
    let outcome = crate::migrate(current, desired, options);
    match outcome.migration {
        Some(m) if !outcome.has_errors() => plan(current, desired, &m, options.dialect),
        _ => Err(PlanError {
            diagnostics: outcome.diagnostics,
        }),
    }
}

/// The DDL as a runner executes it in one go. `.schema` output lists `sqlite_sequence`,
/// which SQLite makes by itself and refuses to have created; `pg_dump` output empties the
/// session's search_path, which the migration's statements need (RESET ALL after it).
fn without_sqlite_sequence(ddl: &str, dialect: DialectKind) -> String {
    match dialect {
        DialectKind::Sqlite => ddl.replace("CREATE TABLE sqlite_sequence(name,seq);", ""),
        DialectKind::Postgres => format!("{ddl}\n;\nRESET ALL;\n"),
        DialectKind::Mysql | DialectKind::Mariadb => ddl.to_string(),
    }
}

/// The statements of a script, each on its own (what [`crate::output::sql::script`] joins).
fn statements(changes: &[Change], dialect: &dyn Dialect) -> Vec<String> {
    if changes.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = dialect.script_prologue(changes);
    for c in changes {
        out.extend(crate::output::sql::statements(c, dialect));
    }
    out.extend(dialect.script_epilogue(changes));
    // A statement that is only a comment (MySQL's prologue says DDL is not transactional) is
    // no statement for an engine ("Query was empty").
    out.into_iter()
        .map(|s| dialect.script_statement(s))
        .filter(|s| {
            s.lines()
                .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with("--"))
        })
        .collect()
}

/// The renames a migration makes, to follow rows across them.
#[derive(Default)]
pub(crate) struct Renames {
    /// Current table -> desired table.
    pub tables: BTreeMap<QualName, QualName>,
    /// (desired table, current column) -> desired column.
    pub columns: BTreeMap<(QualName, Str), Str>,
}

impl Renames {
    fn of(changes: &[Change]) -> Self {
        let mut out = Renames::default();
        for c in changes {
            match c {
                Change::RenameTable { from, to } => {
                    out.tables.insert(from.clone(), to.clone());
                }
                Change::RenameColumn { table, from, to } => {
                    out.columns
                        .insert((table.clone(), from.clone()), to.clone());
                }
                _ => {}
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Comparisons (shared by every runner)

/// A value as a runner read it: text, or NULL.
pub type Value = Option<String>;

/// The facts of one catalog query's result rows, sorted.
pub fn catalog_lines(query: &CatalogQuery, rows: &[Vec<Value>]) -> Vec<String> {
    let mut out = Vec::new();
    for row in rows {
        let text = row
            .iter()
            .map(|v| v.as_deref().unwrap_or("NULL"))
            .collect::<Vec<_>>()
            .join(" ");
        match query.extract {
            Extract::Row => out.push(normalize_space(&text)),
            Extract::SqlText => {
                let (last, head) = row
                    .split_last()
                    .map_or((None, &[][..]), |(l, h)| (Some(l), h));
                let head: Vec<&str> = head
                    .iter()
                    .map(|v| v.as_deref().unwrap_or("NULL"))
                    .collect();
                let sql = last.and_then(|v| v.as_deref()).map(normalize_sql);
                out.push(normalize_space(&format!(
                    "{} sql={}",
                    head.join(" "),
                    sql.unwrap_or_default()
                )));
            }
            Extract::Checks => {
                let (table, sql) = text.split_once(' ').unwrap_or((&text, ""));
                for c in checks(sql) {
                    out.push(format!("check {table} {c}"));
                }
            }
        }
    }
    out.sort();
    out
}

/// [`catalog_lines`] of catalog query `index` of `dialect`'s plan (runners that get the plan
/// as JSON name a query by its index); `None`: the dialect has no such query.
pub fn catalog_facts(
    dialect: DialectKind,
    index: usize,
    rows: &[Vec<Value>],
) -> Option<Vec<String>> {
    crate::dialects::verify_sql(dialect)
        .catalog()
        .get(index)
        .map(|q| catalog_lines(q, rows))
}

/// SQL text without comments, identifier quotes, case and whitespace differences (also what
/// the SQLite round trip test compares catalogs with).
pub fn normalize_sql(sql: &str) -> String {
    let mut text = String::new();
    let mut rest = sql;
    while let Some(pos) = rest.find("/*") {
        text.push_str(&rest[..pos]);
        rest = rest[pos..]
            .find("*/")
            .map_or("", |end| &rest[pos + end + 2..]);
    }
    text.push_str(rest);
    let text: String = text
        .lines()
        .map(|l| l.split("--").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '"' | '`' | '[' | ']'))
        .collect::<String>()
        .to_lowercase();
    normalize_space(&text).replace(" if not exists", "")
}

/// Whitespace runs as one space, none just inside parentheses nor before an opening one
/// (SQLite keeps an index's text as written: `ON t(a)` and `ON t (a)` are one index).
fn normalize_space(text: &str) -> String {
    let s = text.split_whitespace().collect::<Vec<_>>().join(" ");
    s.replace("( ", "(").replace(" )", ")").replace(" (", "(")
}

/// Every `CHECK (...)` of a table definition, lower case, without whitespace or quotes.
pub fn checks(sql: &str) -> Vec<String> {
    let lower = sql.to_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("check") {
        let start = from + pos;
        from = start + 5;
        let rest = lower[from..].trim_start();
        if !rest.starts_with('(') {
            continue;
        }
        let open = lower.len() - rest.len();
        let mut depth = 0;
        for (i, b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        let text: String = lower[open..=i]
                            .chars()
                            .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '`' | '[' | ']'))
                            .collect();
                        out.push(text);
                        from = i;
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out.sort();
    out
}

/// The differences between the catalog of the database under test (`got`) and the one it
/// should equal (`want`), in words; empty when they are equal. Facts are paired by their
/// first two words (`column public.t.a`).
pub fn catalog_differences(want: &[String], got: &[String], want_name: &str) -> Vec<String> {
    let w: BTreeSet<&String> = want.iter().collect();
    let g: BTreeSet<&String> = got.iter().collect();
    let key = |l: &str| l.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let mut missing: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for l in w.difference(&g) {
        missing.entry(key(l)).or_default().push(l);
    }
    let mut extra: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for l in g.difference(&w) {
        extra.entry(key(l)).or_default().push(l);
    }
    let mut out = Vec::new();
    let keys: BTreeSet<&String> = missing.keys().chain(extra.keys()).collect();
    for k in keys {
        match (missing.get(k), extra.get(k)) {
            (Some(m), Some(e)) if m.len() == 1 && e.len() == 1 => {
                let rest = |l: &str| l[k.len()..].trim().to_string();
                out.push(format!(
                    "{k} differs: {want_name} has `{}`, this database has `{}`",
                    rest(m[0]),
                    rest(e[0])
                ));
            }
            (m, e) => {
                for l in m.into_iter().flatten() {
                    out.push(format!("missing here ({want_name} has it): {l}"));
                }
                for l in e.into_iter().flatten() {
                    out.push(format!("only here (not in {want_name}): {l}"));
                }
            }
        }
    }
    out
}

/// How the rows of a table differ from what they were, in words (None: the same).
pub fn row_differences(
    table: &str,
    columns: &[String],
    before: &[Vec<Value>],
    after: &[Vec<Value>],
) -> Option<String> {
    if before.len() != after.len() {
        return Some(format!(
            "table {table} had {} rows, now has {}",
            before.len(),
            after.len()
        ));
    }
    let show = |v: &Value| match v {
        Some(s) => format!("'{s}'"),
        None => "NULL".to_string(),
    };
    for (i, (b, a)) in before.iter().zip(after).enumerate() {
        for (c, (x, y)) in b.iter().zip(a).enumerate() {
            if x != y {
                let name = columns.get(c).map(String::as_str).unwrap_or("?");
                return Some(format!(
                    "table {table}, column {name}: value {} of row {} became {}",
                    show(x),
                    i + 1,
                    show(y)
                ));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// The steps (synchronous runners)

/// A database a runner drives: statements and queries, errors as the engine words them.
pub trait Engine {
    fn execute(&mut self, sql: &str) -> Result<(), String>;
    /// Every row, every column as text or NULL.
    fn query(&mut self, sql: &str) -> Result<Vec<Vec<Value>>, String>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Passed,
    Failed,
    /// Not run: an earlier step failed.
    Skipped,
}

#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub name: String,
    pub status: Status,
    /// What was done or found, in words (the engine's error, the catalog differences).
    pub details: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub engine: String,
    pub steps: Vec<Step>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.steps.iter().all(|s| s.status == Status::Passed)
    }

    /// One line: what was verified, or the first step that failed.
    pub fn badge(&self) -> String {
        match self.steps.iter().find(|s| s.status == Status::Failed) {
            None => format!("verified on {}: up, down, rows kept", self.engine),
            Some(s) => format!("not verified on {}: {} failed", self.engine, s.name),
        }
    }

    /// The report as text, a line per step and its details indented.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.steps {
            let mark = match s.status {
                Status::Passed => "ok  ",
                Status::Failed => "FAIL",
                Status::Skipped => "skip",
            };
            out.push_str(&format!("{mark} {}\n", s.name));
            for d in &s.details {
                for (i, l) in d.lines().enumerate() {
                    out.push_str(if i == 0 { "       " } else { "         " });
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        out.push_str(&self.badge());
        out.push('\n');
        out
    }
}

/// The names of the steps, in order (a runner that stops early marks the rest skipped).
pub const STEPS: [&str; 9] = [
    "build the current schema",
    "build the desired schema",
    "seed rows",
    "apply UP",
    "catalog after UP equals desired",
    "rows kept after UP",
    "apply DOWN",
    "catalog after DOWN equals current",
    "rows kept after DOWN",
];

/// Run `plan`: `a` and `b` are empty databases of the plan's engine; `engine` names it in
/// the report (`SQLite 3.50.2`).
pub fn run(plan: &Plan, a: &mut dyn Engine, b: &mut dyn Engine, engine: &str) -> Report {
    let mut steps: Vec<Step> = Vec::new();
    let done = |steps: &mut Vec<Step>, status: Status, details: Vec<String>| {
        let name = STEPS[steps.len()].to_string();
        steps.push(Step {
            name,
            status,
            details,
        });
    };
    let finish = |mut steps: Vec<Step>| {
        while steps.len() < STEPS.len() {
            let name = STEPS[steps.len()].to_string();
            steps.push(Step {
                name,
                status: Status::Skipped,
                details: Vec::new(),
            });
        }
        Report {
            engine: engine.to_string(),
            steps,
        }
    };
    macro_rules! fail {
        ($details:expr) => {{
            done(&mut steps, Status::Failed, $details);
            return finish(steps);
        }};
    }
    if let Err(e) = a.execute(&plan.current_ddl) {
        fail!(vec![format!("the engine refuses the current schema: {e}")]);
    }
    done(&mut steps, Status::Passed, Vec::new());
    if let Err(e) = b.execute(&plan.desired_ddl) {
        fail!(vec![format!("the engine refuses the desired schema: {e}")]);
    }
    done(&mut steps, Status::Passed, Vec::new());
    let catalog = |db: &mut dyn Engine| -> Result<Vec<String>, String> {
        let mut lines = Vec::new();
        for q in &plan.catalog {
            let rows = db
                .query(q.sql)
                .map_err(|e| format!("catalog query `{}` fails: {e}", q.name))?;
            lines.extend(catalog_lines(q, &rows));
        }
        lines.sort();
        Ok(lines)
    };
    let current_catalog = match catalog(a) {
        Ok(c) => c,
        Err(e) => fail!(vec![e]),
    };
    // Seed.
    let mut details = Vec::new();
    let mut inserted = 0;
    for s in &plan.seeds {
        let mut errors = Vec::new();
        let mut n = 0;
        for row in &s.rows {
            let mut last = None;
            for insert in row {
                match a.execute(insert) {
                    Ok(()) => {
                        last = None;
                        n += 1;
                        break;
                    }
                    Err(e) => last = Some(e),
                }
            }
            errors.extend(last);
        }
        inserted += n;
        if n == 0 {
            let why = errors.first().cloned().unwrap_or_default();
            details.push(format!("table {}: no row inserted: {why}", s.table));
        }
    }
    for ns in &plan.not_seeded {
        details.push(format!("table {}: not seeded: {}", ns.table, ns.reason));
    }
    details.insert(
        0,
        format!(
            "{inserted} rows in {} tables",
            plan.seeds.len() - details.iter().filter(|d| d.contains("no row")).count()
        ),
    );
    done(&mut steps, Status::Passed, details);
    // What the rows were.
    let mut before = Vec::new();
    for r in &plan.rows {
        let read = (|| -> Result<_, String> {
            let all = a.query(&r.content_current)?;
            let kept = a.query(&r.kept_current)?;
            Ok((all, kept))
        })();
        match read {
            Ok(v) => before.push(v),
            Err(e) => fail!(vec![format!("reading table {}: {e}", r.table)]),
        }
    }
    // UP.
    if let Some(e) = apply(a, &plan.up) {
        fail!(e);
    }
    done(
        &mut steps,
        Status::Passed,
        vec![format!("{} statement(s)", plan.up.len())],
    );
    let (desired_catalog, got) = match (catalog(b), catalog(a)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => fail!(vec![e]),
    };
    let diff = catalog_differences(&desired_catalog, &got, "the desired schema");
    if !diff.is_empty() {
        fail!(diff);
    }
    done(
        &mut steps,
        Status::Passed,
        vec![format!("{} catalog facts equal", got.len())],
    );
    let mut problems = Vec::new();
    for (r, (_, kept)) in plan.rows.iter().zip(&before) {
        match a.query(&r.kept_desired) {
            Ok(rows) => problems.extend(row_differences(&r.table, &r.columns_kept, kept, &rows)),
            Err(e) => problems.push(format!("reading table {}: {e}", r.table)),
        }
    }
    if !problems.is_empty() {
        fail!(problems);
    }
    done(&mut steps, Status::Passed, Vec::new());
    // DOWN.
    if let Some(e) = apply(a, &plan.down) {
        fail!(e);
    }
    done(
        &mut steps,
        Status::Passed,
        vec![format!("{} statement(s)", plan.down.len())],
    );
    let got = match catalog(a) {
        Ok(c) => c,
        Err(e) => fail!(vec![e]),
    };
    let diff = catalog_differences(&current_catalog, &got, "the current schema");
    if !diff.is_empty() {
        fail!(diff);
    }
    done(
        &mut steps,
        Status::Passed,
        vec![format!("{} catalog facts equal", got.len())],
    );
    let mut problems = Vec::new();
    for (r, (all, _)) in plan.rows.iter().zip(&before) {
        match a.query(&r.content_current) {
            Ok(rows) => problems.extend(row_differences(&r.table, &r.columns_current, all, &rows)),
            Err(e) => problems.push(format!("reading table {}: {e}", r.table)),
        }
    }
    if !problems.is_empty() {
        fail!(problems);
    }
    done(&mut steps, Status::Passed, Vec::new());
    finish(steps)
}

/// Run statements one at a time; the failing one and the engine's error.
fn apply(db: &mut dyn Engine, statements: &[String]) -> Option<Vec<String>> {
    for (i, s) in statements.iter().enumerate() {
        if let Err(e) = db.execute(s) {
            return Some(vec![
                format!("statement {} of {} fails: {e}", i + 1, statements.len()),
                s.clone(),
            ]);
        }
    }
    None
}

#[cfg(test)]
mod tests;
