//! Alembic histories: a `versions/` folder read statically (never run) into the schema its
//! revisions build at a revision.
//!
//! The revision files are parsed with the models reader's Python parser; their `revision` /
//! `down_revision` / `depends_on` assignments give the graph ([`History`]), and each
//! `upgrade()` (or `downgrade()`) body is read operation by operation ([`ops`]) into the DDL
//! Alembic emits for it (what `alembic upgrade --sql` prints), which the SQL frontend's schema
//! builder replays, so a history and a `pg_dump` of the database it built compare equal.
//! Types, constants and helpers imported from the application's own modules are read like
//! models.py modules (give them with the files, or their folder with `--python-path`).

mod ops;

use super::models::{Origin, Reader};
use super::modules::{Module, Modules};
use super::{ddl, types, Profile, Sources};
use crate::diagnostics::{Code, Diagnostic, Side};
use crate::dialects::Dialect;
use crate::model::Schema;
use ruff_python_ast::{self as ast, Expr, Stmt};
use std::collections::{BTreeMap, BTreeSet};

pub use ops::Step;

/// One revision file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Revision {
    pub id: String,
    /// `down_revision`: none for a first revision, several for a merge.
    pub down: Vec<String>,
    pub branch_labels: Vec<String>,
    pub depends_on: Vec<String>,
    /// The file, as the caller named it.
    pub file: String,
    /// The first line of the module docstring (Alembic's message).
    pub message: String,
}

impl Revision {
    /// What it builds on, as `<-` shows it: `base` for a first revision, `a, b` for a merge.
    pub fn parents(&self) -> String {
        if self.down.is_empty() {
            "base".to_string()
        } else {
            self.down.join(", ")
        }
    }
}

/// Which function of a revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Upgrade,
    Downgrade,
}

impl Direction {
    fn function(self) -> &'static str {
        match self {
            Direction::Upgrade => "upgrade",
            Direction::Downgrade => "downgrade",
        }
    }
}

/// Whether a Python file is an Alembic revision: it assigns `revision` and `down_revision` at
/// the top level (a quick textual test; the files are parsed later).
pub fn is_revision_text(text: &str) -> bool {
    let assigns = |name: &str| {
        text.lines().any(|l| {
            l.strip_prefix(name).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with('=') || rest.starts_with(':')
            })
        })
    };
    assigns("revision") && assigns("down_revision")
}

/// The files of a history, parsed: revision files split in two modules each (the module with
/// its `upgrade()` body appended at the top level, and with its `downgrade()` body), so the
/// functions' local names resolve like module names; other files (the application's modules,
/// `env.py`) as they are.
struct Loaded {
    modules: Modules,
    /// The file name of each module, as given.
    files: Vec<String>,
    revisions: Vec<Revision>,
    /// For each revision: (upgrade module, first statement of the body), same for downgrade.
    bodies: Vec<[(usize, usize); 2]>,
    /// Revisions whose `branch_labels` are no literal: (revision, its value, where).
    pending_labels: Vec<(usize, Expr, (usize, usize))>,
    diagnostics: Vec<Diagnostic>,
}

fn diag(
    code: Code,
    side: Side,
    file: &str,
    m: Option<&Module>,
    at: (usize, usize),
    message: String,
) -> Diagnostic {
    let (line, column) = m.map_or((1, 1), |m| m.line_col(at.0));
    Diagnostic {
        severity: code.severity(),
        code,
        side,
        line,
        column,
        offset: at.0,
        end: at.1.max(at.0),
        message,
        file: Some(file.to_string()),
    }
}

fn str_value(e: &Expr) -> Option<Vec<String>> {
    match e {
        Expr::StringLiteral(s) => Some(vec![s.value.to_str().to_string()]),
        Expr::NoneLiteral(_) => Some(Vec::new()),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => elts
            .iter()
            .map(|e| match e {
                Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

fn load(src: &Sources, side: Side) -> Loaded {
    let mut out = Loaded {
        modules: Modules {
            modules: Vec::new(),
        },
        files: Vec::new(),
        revisions: Vec::new(),
        bodies: Vec::new(),
        pending_labels: Vec::new(),
        diagnostics: Vec::new(),
    };
    for (path, text) in &src.files {
        let module = match super::parse_file(path, text, side) {
            Ok(m) => m,
            Err(d) => {
                out.diagnostics.push(d);
                continue;
            }
        };
        let parsed = &module.body;
        let mut fields: BTreeMap<&str, (Vec<String>, (usize, usize))> = BTreeMap::new();
        let mut functions: BTreeMap<String, Vec<Stmt>> = BTreeMap::new();
        let mut bad: Vec<(String, (usize, usize))> = Vec::new();
        // Branch labels only name revisions: ones named by constants of the application
        // (`(cli.EXPAND_BRANCH,)`, as OpenStack's histories have them) are read once every
        // module is loaded ([`Replayed::read`]).
        let mut computed_labels: Option<(Expr, (usize, usize))> = None;
        // `revision = "x"` / `revision: str = "x"` and the other graph fields.
        let field = |t: &Expr| match t {
            Expr::Name(n) => ["revision", "down_revision", "branch_labels", "depends_on"]
                .into_iter()
                .find(|k| *k == n.id.as_str()),
            _ => None,
        };
        for s in parsed {
            let assigned: Vec<(&'static str, &Expr)> = match s {
                Stmt::Assign(a) => a
                    .targets
                    .iter()
                    .filter_map(|t| Some((field(t)?, &*a.value)))
                    .collect(),
                Stmt::AnnAssign(a) => a
                    .value
                    .as_deref()
                    .and_then(|v| Some((field(&a.target)?, v)))
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            };
            for (key, value) in assigned {
                let r = ruff_text_size::Ranged::range(value);
                let at = (r.start().to_usize(), r.end().to_usize());
                match str_value(value) {
                    Some(v) => {
                        fields.insert(key, (v, at));
                    }
                    None if key == "branch_labels" => computed_labels = Some((value.clone(), at)),
                    None => bad.push((key.to_string(), at)),
                }
            }
            if let Stmt::FunctionDef(f) = s {
                if matches!(f.name.as_str(), "upgrade" | "downgrade") {
                    functions.insert(f.name.to_string(), f.body.to_vec());
                }
            }
        }
        let is_revision = fields.contains_key("revision")
            && (fields.contains_key("down_revision")
                || bad.iter().any(|(k, _)| k == "down_revision"));
        if !is_revision {
            out.modules.modules.push(module);
            out.files.push(path.clone());
            continue;
        }
        if !bad.is_empty() {
            for (k, at) in bad {
                out.diagnostics.push(diag(
                    Code::E006,
                    side,
                    path,
                    Some(&module),
                    at,
                    format!("`{k}` is not a literal string, tuple of strings or None; the revision graph cannot be read"),
                ));
            }
            continue;
        }
        let one = |k: &str| fields.get(k).map(|(v, _)| v.clone()).unwrap_or_default();
        let id = one("revision");
        let Some(id) = id.first().cloned() else {
            let at = fields["revision"].1;
            out.diagnostics.push(diag(
                Code::E006,
                side,
                path,
                Some(&module),
                at,
                "`revision` is None".into(),
            ));
            continue;
        };
        let message = parsed
            .first()
            .and_then(|s| match s {
                Stmt::Expr(e) => match &*e.value {
                    Expr::StringLiteral(s) => Some(
                        s.value
                            .to_str()
                            .trim()
                            .lines()
                            .next()
                            .unwrap_or("")
                            .to_string(),
                    ),
                    _ => None,
                },
                _ => None,
            })
            .unwrap_or_default();
        out.revisions.push(Revision {
            id,
            down: one("down_revision"),
            branch_labels: one("branch_labels"),
            depends_on: one("depends_on"),
            file: path.clone(),
            message,
        });
        if let Some((value, at)) = computed_labels {
            out.pending_labels
                .push((out.revisions.len() - 1, value, at));
        }
        let mut bodies = [(0, 0); 2];
        for (i, dir) in [Direction::Upgrade, Direction::Downgrade]
            .into_iter()
            .enumerate()
        {
            let mut body = parsed.clone();
            let start = body.len();
            body.extend(functions.get(dir.function()).cloned().unwrap_or_default());
            bodies[i] = (out.modules.modules.len(), start);
            out.modules
                .modules
                .push(Module::new(module.path.clone(), module.text.clone(), body));
            out.files.push(path.clone());
        }
        out.bodies.push(bodies);
    }
    out
}

/// The revision graph of a history.
pub struct History {
    pub revisions: Vec<Revision>,
}

impl History {
    fn index(&self) -> BTreeMap<&str, usize> {
        self.revisions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect()
    }

    /// The revisions no other revision builds on.
    pub fn heads(&self) -> Vec<&str> {
        let below: BTreeSet<&str> = self
            .revisions
            .iter()
            .flat_map(|r| r.down.iter().map(String::as_str))
            .collect();
        self.revisions
            .iter()
            .map(|r| r.id.as_str())
            .filter(|id| !below.contains(id))
            .collect()
    }

    /// A revision named as Alembic takes it: a full id, a unique prefix of one, a branch label
    /// (`label@head`: the newest revision above it while the branch does not fork), `head`
    /// (the only head) or `base` (`None`: before the first revision).
    pub fn resolve(&self, rev: &str) -> Result<Option<usize>, String> {
        let idx = self.index();
        if rev == "base" {
            return Ok(None);
        }
        if rev == "head" {
            let heads = self.heads();
            return match heads.as_slice() {
                [one] => Ok(Some(idx[one])),
                [] => Err("the history has no head".into()),
                many => Err(format!(
                    "the history has {} heads ({}); name one with DIR@REV, or all with DIR@heads",
                    many.len(),
                    many.join(", ")
                )),
            };
        }
        let (label, to_head) = match rev.strip_suffix("@head") {
            Some(l) => (l, true),
            None => (rev, false),
        };
        if let Some(i) = self
            .revisions
            .iter()
            .position(|r| r.branch_labels.iter().any(|l| l == label))
        {
            if !to_head {
                return Ok(Some(i));
            }
            // The head of that branch: the newest revision above the labelled one.
            let mut cur = i;
            loop {
                let up: Vec<usize> = self
                    .revisions
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.down.contains(&self.revisions[cur].id))
                    .map(|(j, _)| j)
                    .collect();
                match up.as_slice() {
                    [one] => cur = *one,
                    _ => return Ok(Some(cur)),
                }
            }
        }
        if let Some(i) = idx.get(rev) {
            return Ok(Some(*i));
        }
        let matches: Vec<&Revision> = self
            .revisions
            .iter()
            .filter(|r| r.id.starts_with(rev))
            .collect();
        match matches.as_slice() {
            [one] => Ok(Some(idx[one.id.as_str()])),
            [] => Err(format!("no revision `{rev}` in the history")),
            many => Err(format!(
                "`{rev}` is the start of {} revisions ({})",
                many.len(),
                many.iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// The revisions `target` builds on and itself, parents before children (a merge's
    /// parents in the order its `down_revision` names them), or the reason it cannot be
    /// followed.
    pub fn chain(&self, target: usize) -> Result<Vec<usize>, String> {
        self.chain_with(target, false)
    }

    /// The revisions a target builds on and itself, parents first, as [`History::chain`]:
    /// `heads` (also the default, `None`) is every head, as `alembic upgrade heads` applies
    /// them (each head's chain in turn, a revision met again left where it first came);
    /// anything else is one revision as [`History::resolve`] takes it.
    pub fn target_chain(
        &self,
        target: Option<&str>,
        missing_ok: bool,
    ) -> Result<Vec<usize>, String> {
        let targets: Vec<usize> = match target.unwrap_or("heads") {
            "heads" => {
                let idx = self.index();
                let heads: Vec<usize> = self.heads().iter().map(|h| idx[h]).collect();
                if heads.is_empty() && !self.revisions.is_empty() {
                    return Err("the history has no head".into());
                }
                heads
            }
            one => self.resolve(one)?.into_iter().collect(),
        };
        let mut order = Vec::new();
        let mut seen = vec![false; self.revisions.len()];
        for t in targets {
            for r in self.chain_with(t, missing_ok)? {
                if !std::mem::replace(&mut seen[r], true) {
                    order.push(r);
                }
            }
        }
        Ok(order)
    }

    /// [`History::chain`]; with `missing_ok`, a parent no file defines is taken as already
    /// applied (the schema a base snapshot gives) instead of an error.
    pub fn chain_with(&self, target: usize, missing_ok: bool) -> Result<Vec<usize>, String> {
        let idx = self.index();
        let mut order = Vec::new();
        let mut state = vec![0u8; self.revisions.len()];
        // Iterative post-order: (revision, next parent to visit).
        let mut stack = vec![(target, 0usize)];
        state[target] = 1;
        while let Some((r, k)) = stack.pop() {
            let rev = &self.revisions[r];
            let parents: Vec<&String> = rev.down.iter().chain(&rev.depends_on).collect();
            if let Some(p) = parents.get(k) {
                stack.push((r, k + 1));
                let Some(&pi) = idx.get(p.as_str()) else {
                    if missing_ok {
                        continue;
                    }
                    return Err(format!(
                        "revision {} ({}) builds on `{p}`, which no file defines",
                        rev.id, rev.file
                    ));
                };
                match state[pi] {
                    0 => {
                        state[pi] = 1;
                        stack.push((pi, 0));
                    }
                    1 => {
                        return Err(format!(
                            "the revisions form a cycle through {} ({})",
                            rev.id, rev.file
                        ))
                    }
                    _ => {}
                }
            } else {
                state[r] = 2;
                order.push(r);
            }
        }
        Ok(order)
    }
}

/// A history read and its revisions' operations.
pub struct Replayed {
    pub history: History,
    loaded: LoadedParts,
}

struct LoadedParts {
    modules: Modules,
    roots: Vec<String>,
    files: Vec<String>,
    bodies: Vec<[(usize, usize); 2]>,
}

/// What one function of a revision does: the DDL Alembic emits for it (each line with its
/// origin) and the data steps it takes.
pub struct Ops {
    pub ddl: ddl::Emitted,
    pub steps: Vec<Step>,
    /// The renames it makes (`old=new`, `table.old=new`, as `--rename` takes them).
    pub renames: Vec<String>,
}

impl Replayed {
    /// Read the files of a history (the revision files and any modules they import).
    pub fn read(src: &Sources, side: Side) -> (Self, Vec<Diagnostic>) {
        let mut loaded = load(src, side);
        let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
        // Branch labels named by the application's constants, read as models' constants are.
        let pending = std::mem::take(&mut loaded.pending_labels);
        if !pending.is_empty() {
            let reader = Reader::new(
                &loaded.modules,
                &src.roots,
                Profile::default(),
                crate::dialects::DialectKind::default(),
            );
            for (r, value, at) in &pending {
                let m = loaded.bodies[*r][0].0;
                let elts = match value {
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    Expr::List(l) => l.elts.iter().collect(),
                    one => vec![one],
                };
                let labels: Option<Vec<String>> =
                    elts.into_iter().map(|e| reader.lit_str(m, e)).collect();
                match labels {
                    Some(labels) => loaded.revisions[*r].branch_labels = labels,
                    None => diagnostics.push(diag(
                        Code::W005,
                        side,
                        &loaded.revisions[*r].file,
                        Some(&loaded.modules.modules[m]),
                        *at,
                        "`branch_labels` is not a string, tuple of strings or None that can be read without running Python: the revision cannot be named by its branch label".into(),
                    )),
                }
            }
        }
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for r in &loaded.revisions {
            if let Some(other) = seen.insert(&r.id, &r.file) {
                diagnostics.push(Diagnostic {
                    line: 1,
                    column: 1,
                    ..history_error(
                        side,
                        &r.file,
                        format!("revision {} is defined twice (also in {other})", r.id),
                    )
                });
            }
        }
        (
            Replayed {
                history: History {
                    revisions: loaded.revisions,
                },
                loaded: LoadedParts {
                    modules: loaded.modules,
                    roots: src.roots.clone(),
                    files: loaded.files,
                    bodies: loaded.bodies,
                },
            },
            diagnostics,
        )
    }

    /// The operations of the `direction` function of each revision in `revisions`, read for
    /// `dialect`, with the findings met (positioned in the files). The revisions run one after
    /// the other on a database whose schema `prefix` (DDL) builds: what existence tests of the
    /// inspector (`if "t" not in inspector.get_table_names():`) are decided on.
    pub fn ops(
        &self,
        revisions: &[usize],
        direction: Direction,
        prefix: &str,
        dialect: &dyn Dialect,
        side: Side,
        profile: Profile,
    ) -> (Vec<Ops>, Vec<Diagnostic>) {
        let mods = &self.loaded.modules;
        // Inspector results the revisions loop over, made as Python literals.
        let made = typed_arena::Arena::new();
        let mut reader = Reader::new(mods, &self.loaded.roots, profile, dialect.kind());
        reader.made = Some(&made);
        reader.history = true;
        // Alembic runs on MariaDB through a `mysql+` URL: the dialect's name is `mysql`.
        if dialect.kind() == crate::dialects::DialectKind::Mariadb {
            reader.variant_names = &["mariadb", "mysql"];
        }
        let c = types::Compiler::of(dialect);
        let mut out = Vec::new();
        let mut state = prefix.to_string();
        for &r in revisions {
            let (m, start) = self.loaded.bodies[r][match direction {
                Direction::Upgrade => 0,
                Direction::Downgrade => 1,
            }];
            let body = &mods.modules[m].body[start..];
            let mut ops = ops::Interp::new(
                c,
                types::sa_dialect_name(dialect),
                state.clone(),
                dialect.kind().dialect(),
            );
            ops.body(&mut reader, m, body);
            state.push_str(&ops.ddl.sql);
            out.push(Ops {
                ddl: ops.ddl,
                steps: ops.steps,
                renames: ops.renames,
            });
        }
        let findings = std::mem::take(&mut reader.findings);
        let diagnostics = findings
            .into_iter()
            .map(|f| self.positioned(f.code, side, f.at, f.message))
            .collect();
        (out, diagnostics)
    }

    fn positioned(&self, code: Code, side: Side, at: Origin, message: String) -> Diagnostic {
        let m = &self.loaded.modules.modules[at.module];
        diag(
            code,
            side,
            &self.loaded.files[at.module],
            Some(m),
            (at.start, at.end),
            message,
        )
    }

    /// Parse DDL emitted for operations into a schema; the SQL frontend's diagnostics point
    /// back at the Python lines the DDL was written for (those of lines without an origin,
    /// such as a base snapshot's, are left out), and whether the DDL had any error at all.
    pub fn build(
        &self,
        ddl: &ddl::Emitted,
        dialect: &dyn Dialect,
        side: Side,
    ) -> (Schema, Vec<Diagnostic>, bool) {
        let (mut schema, diags) = crate::input::sql::parse(&ddl.sql, dialect, side);
        take_uncompared(&mut schema);
        schema.take_uncompared_defaults();
        let failed = diags
            .iter()
            .any(|d| d.severity == crate::diagnostics::Severity::Error);
        let diagnostics = diags
            .into_iter()
            // The placeholder type is no type the dialect knows (W004): the column's own
            // warning said why it is not compared.
            .filter(|d| !d.message.contains(ops::UNCOMPARED_TYPE))
            .filter_map(|d| {
                let at = ddl.origin_of(d.offset)?;
                Some(Diagnostic {
                    ..self.positioned(d.code, side, at, d.message)
                })
            })
            .collect();
        (schema, diagnostics, failed)
    }
}

/// Columns of the placeholder type the replay gives a column it could not read
/// ([`ops::UNCOMPARED_TYPE`]) leave their tables for the schema's uncompared list: each is
/// compared as the other side has it.
fn take_uncompared(schema: &mut Schema) {
    let Schema {
        tables, uncompared, ..
    } = schema;
    for (name, table) in tables.iter_mut() {
        let placeholder = |c: &crate::model::Column| {
            c.ty.name.eq_ignore_ascii_case(ops::UNCOMPARED_TYPE)
                || (c.ty.user.as_deref())
                    .is_some_and(|u| u.name.eq_ignore_ascii_case(ops::UNCOMPARED_TYPE))
        };
        let taken: Vec<_> = (table.columns.iter())
            .filter(|(_, c)| placeholder(c))
            .map(|(n, _)| n.clone())
            .collect();
        for column in taken {
            table.columns.shift_remove(&column);
            uncompared.push((name.name.clone(), column));
        }
    }
}

/// A base snapshot's DDL as the start of a replay (ending with a line end).
pub fn base_ddl(base: &str) -> String {
    let mut out = base.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// An E006 about the revision graph, at the start of `file`.
pub(crate) fn history_error(side: Side, file: &str, message: String) -> Diagnostic {
    diag(Code::E006, side, file, None, (0, 0), message)
}

/// The schema a history builds at `target` (a revision as [`History::target_chain`] takes it;
/// every head when `None`) on a database `base` (DDL) builds, read for `dialect`.
pub fn replay(
    src: &Sources,
    target: Option<&str>,
    base: &str,
    dialect: &dyn Dialect,
    side: Side,
    profile: Profile,
) -> (Schema, Vec<Diagnostic>) {
    let (h, mut diagnostics) = Replayed::read(src, side);
    if diagnostics
        .iter()
        .any(|d| d.code.severity() == crate::diagnostics::Severity::Error)
    {
        return (Schema::default(), diagnostics);
    }
    let first_file = src.files.first().map_or(String::new(), |(p, _)| p.clone());
    if h.history.revisions.is_empty() {
        diagnostics.push(history_error(
            side,
            &first_file,
            "no Alembic revision among the files (a revision file assigns `revision` and `down_revision`)".into(),
        ));
        return (Schema::default(), diagnostics);
    }
    let chain = match h.history.target_chain(target, false) {
        Ok(c) => c,
        Err(message) => {
            diagnostics.push(history_error(side, &first_file, message));
            return (Schema::default(), diagnostics);
        }
    };
    let base = base_ddl(base);
    let (ops, found) = h.ops(&chain, Direction::Upgrade, &base, dialect, side, profile);
    diagnostics.extend(found);
    // The base's lines have no origin: its own diagnostics are the caller's to report.
    let mut ddl = ddl::Emitted {
        sql: base,
        origins: Vec::new(),
    };
    for o in ops {
        ddl.append(o.ddl);
    }
    let (schema, found, _) = h.build(&ddl, dialect, side);
    diagnostics.extend(found);
    diagnostics.sort_by(|a, b| (&a.file, a.offset).cmp(&(&b.file, b.offset)));
    (schema, diagnostics)
}
