//! Python modules as read statically: each file's top-level bindings (imports, classes,
//! assignments, functions), import resolution between the files given (relative and absolute,
//! against search roots) and name resolution to a [`Sym`].

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::cell::RefCell;
use std::collections::HashMap;

/// One parsed file.
pub struct Module {
    pub path: String,
    pub text: String,
    pub body: Vec<Stmt>,
    /// Top-level names, in the order they are bound (the last binding of a name wins).
    pub bindings: HashMap<String, Binding>,
    /// `# schemashift: ...` directives by 0-based line: the text after `schemashift:`.
    pub directives: HashMap<usize, String>,
    /// Byte offset of each line start.
    pub line_starts: Vec<usize>,
    /// The modules of top-level `from M import *` (as written), last first: where a name no
    /// statement binds is looked up.
    pub star_imports: Vec<String>,
}

/// What a top-level name is bound to. Statements are addressed by their index path in the
/// module body (see [`Module::stmt`]).
#[derive(Clone, Debug)]
pub enum Binding {
    /// `from M import name [as alias]`: the module as written (dots for relative) and the name.
    ImportFrom { module: String, name: String },
    /// `import a.b as x` (module `a.b`) or `import a.b` (binds `a`: module `a`).
    Import { module: String },
    /// `class Name: ...`
    Class(Vec<usize>),
    /// `Name = expr` / `Name: T = expr`
    Assign(Vec<usize>),
    /// `def name(...)`
    Function(Vec<usize>),
}

/// A class: its module and statement path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassId {
    pub module: usize,
    pub path: Vec<usize>,
}

/// What an expression names.
#[derive(Clone, Debug)]
pub enum Sym<'a> {
    /// A known library object by its canonical name: `sa.String`, `typing.Optional`,
    /// `datetime.datetime`, `postgresql.JSONB`, `sqlmodel.SQLModel`...
    Ext(String),
    /// A library module (`sqlalchemy`, `datetime`): attributes are looked up in it.
    ExtModule(String),
    /// A module among the files read.
    Module(usize),
    Class(ClassId),
    /// A module-level value: its module and expression.
    Value(usize, &'a Expr),
    Function(usize, &'a ast::StmtFunctionDef),
    /// Not resolved: what was looked up (for messages), and whether it comes from a module
    /// that was not found (rather than a name that is not defined).
    Unknown {
        what: String,
        missing_module: bool,
    },
}

/// The files of one side, parsed, with their import graph resolved.
pub struct Modules {
    pub modules: Vec<Module>,
}

/// Library module prefixes whose objects schemashift knows by name.
const KNOWN_LIBS: &[&str] = &[
    "sqlalchemy",
    "sqlmodel",
    "typing",
    "typing_extensions",
    "datetime",
    "decimal",
    "uuid",
    "enum",
    "pydantic",
    "ipaddress",
    "pathlib",
    "__future__",
    "collections",
    "builtins",
    "alembic",
    "flask_sqlalchemy",
    "re",
    "textwrap",
];

/// The canonical name of `name` imported from library module `module`.
pub fn canonical(module: &str, name: &str) -> String {
    let root = module.split('.').next().unwrap_or(module);
    for (prefix, short) in [
        ("sqlalchemy.dialects.postgresql", "postgresql"),
        ("sqlalchemy.dialects.sqlite", "sqlite"),
        ("sqlalchemy.dialects.mysql", "mysql"),
    ] {
        if module == prefix || module.starts_with(&format!("{prefix}.")) {
            return format!("{short}.{name}");
        }
    }
    match root {
        // `from sqlalchemy.sql.functions import now`: the function `func.now` makes.
        "sqlalchemy"
            if module == "sqlalchemy.sql.functions"
                && name != "func"
                && name.starts_with(|c: char| c.is_ascii_lowercase()) =>
        {
            format!("sa.func.{name}")
        }
        "sqlalchemy" => format!("sa.{name}"),
        // SQLModel's own objects, and what it re-exports from SQLAlchemy under the same name.
        "sqlmodel" => match name {
            "SQLModel" | "Field" | "Relationship" | "AutoString" => format!("sqlmodel.{name}"),
            _ => format!("sa.{name}"),
        },
        "typing_extensions" => format!("typing.{name}"),
        "pydantic" => format!("pydantic.{name}"),
        _ => format!("{module}.{name}"),
    }
}

/// Submodules of the known libraries reached as attributes (`sa.orm`, `sa.dialects.postgresql`).
fn is_submodule(module: &str, attr: &str) -> bool {
    matches!(
        attr,
        "orm"
            | "dialects"
            | "postgresql"
            | "sqlite"
            | "mysql"
            | "types"
            | "sql"
            | "schema"
            | "sqltypes"
            | "expression"
            | "elements"
            | "functions"
            | "ext"
            | "declarative"
            | "asyncio"
            | "networks"
    ) && (module.starts_with("sqlalchemy")
        || module.starts_with("sqlmodel")
        || module.starts_with("pydantic"))
}

pub fn is_known_lib(module: &str) -> bool {
    let root = module.split('.').next().unwrap_or(module);
    KNOWN_LIBS.contains(&root)
}

impl Module {
    pub fn new(path: String, text: String, body: Vec<Stmt>) -> Self {
        // Lines end at LF, CRLF or a lone CR (as Python reads them).
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line_starts.push(i + 1);
            }
        }
        let mut directives = HashMap::new();
        let line_ends = line_starts.iter().skip(1).copied().chain([text.len()]);
        for (n, (start, end)) in line_starts.iter().copied().zip(line_ends).enumerate() {
            let line = text[start..end].trim_end_matches(['\r', '\n']);
            if let Some(i) = line.find("# schemashift:") {
                directives.insert(n, line[i + "# schemashift:".len()..].trim().to_string());
            }
        }
        let mut m = Module {
            path,
            text,
            body,
            bindings: HashMap::new(),
            directives,
            line_starts,
            star_imports: Vec::new(),
        };
        let mut bindings = HashMap::new();
        collect_bindings(&m.body, &[], &mut bindings);
        m.bindings = bindings;
        m.star_imports = (m.body.iter().rev())
            .filter_map(|s| match s {
                Stmt::ImportFrom(imp) if imp.names.iter().any(|a| a.name.as_str() == "*") => {
                    Some(format!(
                        "{}{}",
                        ".".repeat(imp.level as usize),
                        imp.module.as_ref().map_or("", |m| m.as_str())
                    ))
                }
                _ => None,
            })
            .collect();
        m
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |s| s.chars().count());
        (line as u32 + 1, col as u32 + 1)
    }

    /// The `# schemashift:` directive on the line of `offset`, if any.
    pub fn directive(&self, offset: usize) -> Option<&str> {
        self.directives
            .get(&self.line_of(offset))
            .map(String::as_str)
    }

    /// The directory of the file (`a/b` for `a/b/c.py`; empty at the top).
    pub fn dir(&self) -> &str {
        self.path.rfind('/').map_or("", |i| &self.path[..i])
    }
}

/// Top-level bindings, including those inside `if` / `try` blocks (imports under
/// `if TYPE_CHECKING:` or `try: ... except ImportError:`): the first binding of each branch
/// wins over later branches, later statements win over earlier ones.
fn collect_bindings(body: &[Stmt], prefix: &[usize], out: &mut HashMap<String, Binding>) {
    for (i, s) in body.iter().enumerate() {
        let mut path = prefix.to_vec();
        path.push(i);
        match s {
            Stmt::ImportFrom(imp) => {
                let module = format!(
                    "{}{}",
                    ".".repeat(imp.level as usize),
                    imp.module.as_ref().map_or("", |m| m.as_str())
                );
                for a in &imp.names {
                    if a.name.as_str() == "*" {
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).to_string();
                    out.insert(
                        bound,
                        Binding::ImportFrom {
                            module: module.clone(),
                            name: a.name.to_string(),
                        },
                    );
                }
            }
            Stmt::Import(imp) => {
                for a in &imp.names {
                    match &a.asname {
                        Some(alias) => {
                            out.insert(
                                alias.to_string(),
                                Binding::Import {
                                    module: a.name.to_string(),
                                },
                            );
                        }
                        None => {
                            let root = a.name.as_str().split('.').next().unwrap_or("");
                            out.insert(
                                root.to_string(),
                                Binding::Import {
                                    module: root.to_string(),
                                },
                            );
                        }
                    }
                }
            }
            Stmt::ClassDef(c) => {
                out.insert(c.name.to_string(), Binding::Class(path));
            }
            Stmt::FunctionDef(f) => {
                out.insert(f.name.to_string(), Binding::Function(path));
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    if let Expr::Name(n) = t {
                        out.insert(n.id.to_string(), Binding::Assign(path.clone()));
                    }
                }
            }
            Stmt::AnnAssign(a) => {
                if let (Expr::Name(n), Some(_)) = (a.target.as_ref(), &a.value) {
                    out.insert(n.id.to_string(), Binding::Assign(path));
                }
            }
            Stmt::If(_) | Stmt::Try(_) | Stmt::With(_) | Stmt::For(_) | Stmt::While(_) => {
                // Nested blocks: bindings inside keep a path into the flattened block list.
                // Under `if TYPE_CHECKING: ... else: ...` what runs is the `else` branch: it
                // wins (`BaseModel = db.Model` over the type checker's `BaseModel = Model`).
                let type_checking = matches!(s, Stmt::If(i) if matches!(&*i.test,
                    Expr::Name(n) if n.id.as_str() == "TYPE_CHECKING")
                    || matches!(&*i.test, Expr::Attribute(a) if a.attr.as_str() == "TYPE_CHECKING"));
                let mut inner = HashMap::new();
                let mut branches: Vec<(usize, &[Stmt])> =
                    block_bodies(s).into_iter().enumerate().collect();
                if !type_checking {
                    branches.reverse();
                }
                for (j, sub) in branches {
                    let mut p = path.clone();
                    p.push(j);
                    let mut branch = HashMap::new();
                    collect_bindings(sub, &p, &mut branch);
                    inner.extend(branch);
                }
                out.extend(inner);
            }
            _ => {}
        }
    }
}

/// A helper that computes one value: past its docstring, guards that only raise (`if not
/// nullable and ondelete == "SET NULL": raise ValueError(...)`) and local assignments
/// (`name = prefix or default_name(...)`), one `return <expr>`. The assignments and the
/// returned expression; `None` for any other body.
pub fn helper_body(f: &ast::StmtFunctionDef) -> Option<(Vec<&ast::StmtAssign>, &Expr)> {
    let mut assigns = Vec::new();
    let (mut last, before) = f.body.split_last()?;
    // `try: return any(...) except NoSuchTableError: return False`: the `try` body's return
    // (the handlers only run when what it inspects is missing).
    let mut tried: Option<&[Stmt]> = None;
    if let Stmt::Try(t) = last {
        if !t.is_star && t.orelse.is_empty() && t.finalbody.is_empty() {
            let (l, b) = t.body.split_last()?;
            tried = Some(b);
            last = l;
        }
    }
    for s in before.iter().chain(tried.into_iter().flatten()) {
        match s {
            Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
            // `name = ...`, and `kwargs["key"] = ...` (a keyword added to a `**kwargs`).
            Stmt::Assign(a)
                if a.targets.iter().all(|t| match t {
                    Expr::Name(_) => true,
                    Expr::Subscript(s) => {
                        matches!(&*s.value, Expr::Name(_))
                            && matches!(&*s.slice, Expr::StringLiteral(_))
                    }
                    _ => false,
                }) =>
            {
                assigns.push(a)
            }
            Stmt::If(i)
                if i.elif_else_clauses.is_empty()
                    && i.body.iter().all(|b| matches!(b, Stmt::Raise(_))) => {}
            _ => return None,
        }
    }
    match last {
        Stmt::Return(r) => Some((assigns, r.value.as_deref()?)),
        _ => None,
    }
}

/// The packages and modules an `import a.b.c` loads besides the name it binds (`a.b`, then
/// `a.b.c`), in any block or function body: Python makes each an attribute of the one above
/// it, so `a.b.c.X` names what `a.b.c` defines.
pub fn dotted_imports<'s>(body: &'s [Stmt], out: &mut Vec<&'s str>) {
    for s in body {
        match s {
            Stmt::Import(imp) => {
                for a in &imp.names {
                    let name = a.name.as_str();
                    let ends = name.match_indices('.').map(|(i, _)| i);
                    for end in ends.skip(1).chain(name.contains('.').then_some(name.len())) {
                        out.push(&name[..end]);
                    }
                }
            }
            Stmt::FunctionDef(f) => dotted_imports(&f.body, out),
            _ => {
                for b in block_bodies(s) {
                    dotted_imports(b, out);
                }
            }
        }
    }
}

/// The bodies of an `if` (body, then each elif/else), a `try` (body, handlers, else,
/// finally) or a `with`.
pub fn block_bodies(s: &Stmt) -> Vec<&[Stmt]> {
    match s {
        Stmt::With(w) => vec![&w.body],
        Stmt::If(i) => {
            let mut v: Vec<&[Stmt]> = vec![&i.body];
            v.extend(i.elif_else_clauses.iter().map(|c| &c.body[..]));
            v
        }
        // A class body (its nested classes are addressed through it).
        Stmt::ClassDef(c) => vec![&c.body],
        // A loop's names (`cols = inspector.get_columns(table)` in an unrolled loop) are
        // what they are in the item being read.
        Stmt::For(f) => vec![&f.body, &f.orelse],
        Stmt::While(w) => vec![&w.body, &w.orelse],
        Stmt::Try(t) => {
            let mut v: Vec<&[Stmt]> = vec![&t.body];
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                v.push(&h.body);
            }
            v.push(&t.orelse);
            v.push(&t.finalbody);
            v
        }
        _ => Vec::new(),
    }
}

impl Modules {
    /// The statement a binding path points at: indexes alternate statement, block selector
    /// (for `if`/`try`), statement...
    pub fn stmt(&self, module: usize, path: &[usize]) -> Option<&Stmt> {
        let m = self.modules.get(module)?;
        let mut body: &[Stmt] = &m.body;
        let mut i = 0;
        loop {
            let s = body.get(*path.get(i)?)?;
            if i + 1 == path.len() {
                return Some(s);
            }
            let sel = *path.get(i + 1)?;
            body = block_bodies(s).get(sel).copied()?;
            i += 2;
        }
    }

    pub fn class(&self, id: &ClassId) -> Option<&ast::StmtClassDef> {
        match self.stmt(id.module, &id.path)? {
            Stmt::ClassDef(c) => Some(c),
            _ => None,
        }
    }

    /// The file a module path resolves to: `dir/name.py` or `dir/name/__init__.py`.
    fn find_file(&self, base: &str) -> Option<usize> {
        let a = format!("{base}.py");
        let b = if base.is_empty() {
            "__init__.py".to_string()
        } else {
            format!("{base}/__init__.py")
        };
        let a = normalize(&a);
        let b = normalize(&b);
        self.modules
            .iter()
            .position(|m| m.path == a)
            .or_else(|| self.modules.iter().position(|m| m.path == b))
    }

    /// The local module `spec` (as written after `from`/`import`, dots for relative) names,
    /// seen from module `from`, searching absolute names under `roots`.
    pub fn resolve_module(&self, from: usize, spec: &str, roots: &[String]) -> Option<usize> {
        for cand in module_candidates(&self.modules[from].path, spec, roots) {
            if let Some(i) = self.find_file(&cand) {
                return Some(i);
            }
        }
        None
    }
}

/// Candidate base paths (without `.py` / `/__init__.py`) for module `spec` imported from the
/// file `path`: relative to the file's package for `.x`, else under each root.
pub fn module_candidates(path: &str, spec: &str, roots: &[String]) -> Vec<String> {
    let level = spec.chars().take_while(|&c| c == '.').count();
    let rest = &spec[level..];
    let rel = rest.replace('.', "/");
    if level > 0 {
        let mut dir = path
            .rfind('/')
            .map_or(String::new(), |i| path[..i].to_string());
        for _ in 1..level {
            dir = dir
                .rfind('/')
                .map_or(String::new(), |i| dir[..i].to_string());
        }
        return vec![join(&dir, &rel)];
    }
    roots.iter().map(|r| join(r, &rel)).collect()
}

fn join(dir: &str, rel: &str) -> String {
    match (dir.is_empty(), rel.is_empty()) {
        (true, _) => rel.to_string(),
        (_, true) => dir.to_string(),
        _ => format!("{dir}/{rel}"),
    }
}

/// `a/./b/../c` -> `a/c` (paths as the caller gave them, with `/`).
pub fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            _ => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolves names to [`Sym`]s across modules.
pub struct Resolver<'a> {
    pub mods: &'a Modules,
    pub roots: &'a [String],
    /// The arguments of the latest call of each local helper function being read
    /// (`def fk(target, ondelete="CASCADE"): return Field(foreign_key=target, ...)`):
    /// a parameter's name inside that function's body is the argument it was given.
    pub params: RefCell<Vec<Param<'a>>>,
    /// The keywords of those calls that went to a `**kwargs` parameter, for its spreads
    /// (`Column(..., **sa_column_kwargs)`), and the positional arguments that went to a
    /// `*args` parameter (`op.create_table(name, *columns)`).
    pub spreads: RefCell<Vec<Spread<'a>>>,
    /// How deep [`Resolver::expr`] is: a name bound to an expression of itself (`x =
    /// x.strip()`) ends as unknown, not in a stack overflow.
    pub depth: std::cell::Cell<usize>,
}

/// The keyword arguments a call passed to a helper's `**name` parameter, or the positional
/// ones it passed to its `*name` parameter.
#[derive(Clone, Debug)]
pub struct Spread<'a> {
    pub module: usize,
    /// The function's range: `name` is seen inside it.
    pub scope: TextRange,
    pub name: String,
    pub keywords: Vec<(String, (usize, &'a Expr))>,
    pub args: Vec<(usize, &'a Expr)>,
}

/// A helper function's parameter bound to an argument (or its default).
pub struct Param<'a> {
    pub module: usize,
    /// The function's range: the parameter is seen inside it.
    pub scope: TextRange,
    pub name: String,
    pub value: (usize, &'a Expr),
}

const MAX_DEPTH: usize = 32;

/// Nesting of [`Resolver::expr`] (names through names, attributes through values).
const MAX_EXPR_DEPTH: usize = 64;

/// Whether a name a library's `import *` gives is taken as the library's: its classes
/// (`Column`, `Integer`) and the few lower-case names SQL is written with; other lower-case
/// names are more likely the application's own.
fn star_exported(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        || matches!(
            name,
            "func"
                | "text"
                | "null"
                | "true"
                | "false"
                | "literal"
                | "literal_column"
                | "column"
                | "table"
                | "and_"
                | "or_"
                | "not_"
                | "desc"
                | "asc"
                | "cast"
                | "select"
        )
}

impl<'a> Resolver<'a> {
    /// What `name` means at the top level of module `m` (builtins when unbound).
    pub fn name(&self, m: usize, name: &str) -> Sym<'a> {
        self.name_depth(m, name, 0)
    }

    fn name_depth(&self, m: usize, name: &str, depth: usize) -> Sym<'a> {
        if depth > MAX_DEPTH {
            return Sym::Unknown {
                what: name.to_string(),
                missing_module: false,
            };
        }
        let Some(b) = self.mods.modules[m].bindings.get(name) else {
            // `from keystone.common.sql.core import *`: a name the module's star imports give.
            for module in &self.mods.modules[m].star_imports {
                let target = self.mods.resolve_module(m, module, self.roots);
                if target.is_none() && is_known_lib(module) && star_exported(name) {
                    // `from sqlalchemy import *`: its classes and SQL functions.
                    return Sym::Ext(canonical(module, name));
                }
                if let Some(target) = target {
                    let t = &self.mods.modules[target];
                    let public = !name.starts_with('_');
                    if public && (t.bindings.contains_key(name) || !t.star_imports.is_empty()) {
                        match self.name_depth(target, name, depth + 1) {
                            Sym::Unknown { .. } => {}
                            found => return found,
                        }
                    }
                }
            }
            return match name {
                "str" | "int" | "float" | "bool" | "bytes" | "dict" | "list" | "set" | "tuple"
                | "object" | "type" | "frozenset" | "None" => Sym::Ext(format!("builtins.{name}")),
                _ => Sym::Unknown {
                    what: name.to_string(),
                    missing_module: false,
                },
            };
        };
        match b {
            Binding::Class(p) => Sym::Class(ClassId {
                module: m,
                path: p.clone(),
            }),
            Binding::Function(p) => match self.mods.stmt(m, p) {
                Some(Stmt::FunctionDef(f)) => Sym::Function(m, f),
                _ => Sym::Unknown {
                    what: name.to_string(),
                    missing_module: false,
                },
            },
            Binding::Assign(p) => match self.mods.stmt(m, p) {
                Some(Stmt::Assign(a)) => Sym::Value(m, &a.value),
                Some(Stmt::AnnAssign(a)) if a.value.is_some() => {
                    Sym::Value(m, a.value.as_deref().expect("checked"))
                }
                _ => Sym::Unknown {
                    what: name.to_string(),
                    missing_module: false,
                },
            },
            Binding::Import { module } => self.module_sym(m, module),
            Binding::ImportFrom { module, name: n } => {
                match self.mods.resolve_module(m, module, self.roots) {
                    Some(target) => {
                        let t = &self.mods.modules[target];
                        // A name the module binds, or one its `from .x import *` gives
                        // (`from .custom import *` in a package's `__init__.py`).
                        let found = if t.bindings.contains_key(n.as_str()) {
                            Some(self.name_depth(target, n, depth + 1))
                        } else if !t.star_imports.is_empty() {
                            match self.name_depth(target, n, depth + 1) {
                                Sym::Unknown { .. } => None,
                                found => Some(found),
                            }
                        } else {
                            None
                        };
                        if let Some(found) = found {
                            found
                        } else {
                            // `from pkg import submodule`
                            let sub = format!(
                                "{module}{}{n}",
                                if module.ends_with('.') { "" } else { "." }
                            );
                            match self.mods.resolve_module(m, &sub, self.roots) {
                                Some(t) => Sym::Module(t),
                                None => Sym::Unknown {
                                    what: format!("{n} (from {module})"),
                                    missing_module: false,
                                },
                            }
                        }
                    }
                    None if module.starts_with('.') || !is_known_lib(module) => {
                        // `from pkg import submodule` where pkg has no __init__.py.
                        let sub = format!(
                            "{module}{}{n}",
                            if module.ends_with('.') { "" } else { "." }
                        );
                        match self.mods.resolve_module(m, &sub, self.roots) {
                            Some(t) => Sym::Module(t),
                            None => Sym::Unknown {
                                what: format!("{n} (from {module})"),
                                missing_module: true,
                            },
                        }
                    }
                    None => {
                        if is_submodule(module, n) {
                            Sym::ExtModule(format!("{module}.{n}"))
                        } else {
                            Sym::Ext(canonical(module, n))
                        }
                    }
                }
            }
        }
    }

    fn module_sym(&self, m: usize, module: &str) -> Sym<'a> {
        match self.mods.resolve_module(m, module, self.roots) {
            Some(t) => Sym::Module(t),
            None if is_known_lib(module) => Sym::ExtModule(module.to_string()),
            None => Sym::Unknown {
                what: module.to_string(),
                missing_module: true,
            },
        }
    }

    /// Python's class scope: a name used directly in a class body (not in a method) is first
    /// looked up among what that body bound before it: a nested class (`class Kind(enum.Enum)`
    /// then `Column(Enum(Kind))`) or an alias (`Kind = kinds.Kind`). Fields (annotated or
    /// assigned calls) are left to the module scope, as the readers of `__table_args__` and
    /// annotations expect.
    fn class_scope(&self, m: usize, at: TextRange, name: &str) -> Option<Sym<'a>> {
        let mut body: &'a [Stmt] = &self.mods.modules[m].body;
        let mut path: Vec<usize> = Vec::new();
        let mut class: Option<(Vec<usize>, &'a [Stmt])> = None;
        'walk: loop {
            for (i, s) in body.iter().enumerate() {
                if !s.range().contains_range(at) {
                    continue;
                }
                match s {
                    Stmt::ClassDef(c) if c.body.iter().any(|b| b.range().contains_range(at)) => {
                        path.extend([i, 0]);
                        class = Some((path[..path.len() - 1].to_vec(), &c.body));
                        body = &c.body;
                        continue 'walk;
                    }
                    Stmt::If(_) | Stmt::Try(_) => {
                        for (sel, b) in block_bodies(s).into_iter().enumerate() {
                            if b.iter().any(|x| x.range().contains_range(at)) {
                                path.extend([i, sel]);
                                body = b;
                                continue 'walk;
                            }
                        }
                        break 'walk;
                    }
                    // A method's body does not see the class scope.
                    Stmt::FunctionDef(_) => return None,
                    _ => break 'walk,
                }
            }
            break;
        }
        let (cpath, cbody) = class?;
        let mut found = None;
        for (j, s) in cbody.iter().enumerate() {
            if s.range().end() > at.start() {
                break;
            }
            match s {
                Stmt::ClassDef(c) if c.name.as_str() == name => {
                    let mut p = cpath.clone();
                    p.extend([0, j]);
                    found = Some(Sym::Class(ClassId { module: m, path: p }));
                }
                Stmt::Assign(a)
                    if matches!(
                        &*a.value,
                        Expr::Name(_) | Expr::Attribute(_) | Expr::StringLiteral(_) | Expr::Call(_)
                    ) && a
                        .targets
                        .iter()
                        .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == name)) =>
                {
                    found = Some(Sym::Value(m, &a.value));
                }
                _ => {}
            }
        }
        found
    }

    /// What expression `e` (a name or a dotted attribute chain) names in module `m`.
    pub fn expr(&self, m: usize, e: &'a Expr) -> Sym<'a> {
        let depth = self.depth.get();
        if depth > MAX_EXPR_DEPTH {
            return Sym::Unknown {
                what: String::new(),
                missing_module: false,
            };
        }
        self.depth.set(depth + 1);
        let sym = self.expr_inner(m, e);
        self.depth.set(depth);
        sym
    }

    fn expr_inner(&self, m: usize, e: &'a Expr) -> Sym<'a> {
        match e {
            Expr::Name(n) => {
                let bound = (self.params.borrow().iter().rev())
                    .find(|p| {
                        p.module == m && p.name == n.id.as_str() && p.scope.contains_range(n.range)
                    })
                    .map(|p| p.value);
                if let Some((vm, v)) = bound {
                    return Sym::Value(vm, v);
                }
                self.class_scope(m, n.range, n.id.as_str())
                    .unwrap_or_else(|| self.name(m, n.id.as_str()))
            }
            Expr::Attribute(a) => {
                let attr = a.attr.as_str();
                match self.expr(m, &a.value) {
                    Sym::ExtModule(module) => {
                        if is_submodule(&module, attr) {
                            Sym::ExtModule(format!("{module}.{attr}"))
                        } else {
                            Sym::Ext(canonical(&module, attr))
                        }
                    }
                    Sym::Ext(x) => Sym::Ext(format!("{x}.{attr}")),
                    Sym::Module(t) => {
                        if self.mods.modules[t].bindings.contains_key(attr) {
                            self.name(t, attr)
                        } else {
                            let dir = self.mods.modules[t].path.trim_end_matches(".py");
                            let dir = dir.trim_end_matches("/__init__");
                            match self.mods.find_file(&format!("{dir}/{attr}")) {
                                Some(f) => Sym::Module(f),
                                // What the module's `import *` gives.
                                None if !self.mods.modules[t].star_imports.is_empty() => {
                                    self.name(t, attr)
                                }
                                None => Sym::Unknown {
                                    what: attr.to_string(),
                                    missing_module: false,
                                },
                            }
                        }
                    }
                    Sym::Unknown {
                        what,
                        missing_module,
                    } => Sym::Unknown {
                        what: format!("{what}.{attr}"),
                        missing_module,
                    },
                    // `Outer.Inner`: a class nested in a class body; `Model.__tablename__`,
                    // `Types.LongText`: what its body assigns.
                    Sym::Class(cid) => {
                        let class = self.mods.class(&cid);
                        let nested = class.and_then(|c| {
                            c.body.iter().position(
                                |s| matches!(s, Stmt::ClassDef(n) if n.name.as_str() == attr),
                            )
                        });
                        let assigned = class.and_then(|c| {
                            c.body.iter().rev().find_map(|s| match s {
                                Stmt::Assign(a)
                                    if a.targets.iter().any(
                                        |t| matches!(t, Expr::Name(n) if n.id.as_str() == attr),
                                    ) =>
                                {
                                    Some(&*a.value)
                                }
                                _ => None,
                            })
                        });
                        if let (None, Some(v)) = (nested, assigned) {
                            return Sym::Value(cid.module, v);
                        }
                        match nested {
                            Some(j) => {
                                let mut path = cid.path.clone();
                                path.extend([0, j]);
                                Sym::Class(ClassId {
                                    module: cid.module,
                                    path,
                                })
                            }
                            None => Sym::Unknown {
                                what: attr.to_string(),
                                missing_module: false,
                            },
                        }
                    }
                    // `db.Model`, `db.Column`, `db.String(80)` of `db = SQLAlchemy()`
                    // (Flask-SQLAlchemy re-exports SQLAlchemy's names on its object).
                    Sym::Value(vm, Expr::Call(c)) if self.makes_flask_db(vm, c) => match attr {
                        "Model" => Sym::Ext("flask_sqlalchemy.Model".into()),
                        "Table" => Sym::Ext("flask_sqlalchemy.Table".into()),
                        "session" | "engine" | "engines" | "metadatas" | "metadata" => {
                            Sym::Unknown {
                                what: format!("db.{attr}"),
                                missing_module: false,
                            }
                        }
                        _ => Sym::Ext(format!("sa.{attr}")),
                    },
                    _ => Sym::Unknown {
                        what: attr.to_string(),
                        missing_module: false,
                    },
                }
            }
            _ => Sym::Unknown {
                what: String::new(),
                missing_module: false,
            },
        }
    }

    /// Bind the parameters of helper `f` (in module `fm`) to the arguments of `call` (in
    /// module `m`), defaults for those not passed. `false` when an argument cannot be bound
    /// (`*args` / `**kwargs` on either side, an unknown keyword, too many arguments).
    pub fn bind_call(
        &self,
        m: usize,
        call: &'a ast::ExprCall,
        fm: usize,
        f: &'a ast::StmtFunctionDef,
    ) -> bool {
        let ps = &f.parameters;
        let named: Vec<&'a ast::ParameterWithDefault> = (ps.posonlyargs.iter())
            .chain(ps.args.iter())
            .chain(ps.kwonlyargs.iter())
            .collect();
        let positional = ps.posonlyargs.len() + ps.args.len();
        let mut values: Vec<Option<(usize, &'a Expr)>> = vec![None; named.len()];
        let mut complete = true;
        let mut rest = Vec::new();
        for (i, a) in call.arguments.args.iter().enumerate() {
            if matches!(a, Expr::Starred(_)) {
                complete = false;
            } else if i < positional {
                values[i] = Some((m, a));
            } else if ps.vararg.is_some() {
                rest.push((m, a));
            } else {
                complete = false;
            }
        }
        if let Some(va) = &ps.vararg {
            self.spreads.borrow_mut().push(Spread {
                module: fm,
                scope: f.range,
                name: va.name.to_string(),
                keywords: Vec::new(),
                args: rest,
            });
        }
        let mut extra = Vec::new();
        for k in call.arguments.keywords.iter() {
            let Some(arg) = &k.arg else {
                complete = false;
                continue;
            };
            match named
                .iter()
                .position(|p| p.parameter.name.as_str() == arg.as_str())
            {
                Some(i) if i >= ps.posonlyargs.len() => values[i] = Some((m, &k.value)),
                None if ps.kwarg.is_some() => extra.push((arg.to_string(), (m, &k.value))),
                _ => complete = false,
            }
        }
        if let Some(kw) = &ps.kwarg {
            self.spreads.borrow_mut().push(Spread {
                module: fm,
                scope: f.range,
                name: kw.name.to_string(),
                keywords: extra,
                args: Vec::new(),
            });
        }
        let mut params = self.params.borrow_mut();
        for (p, v) in named.iter().zip(values) {
            let value = match (v, &p.default) {
                (Some(v), _) => v,
                (None, Some(d)) => (fm, &**d),
                (None, None) => {
                    complete = false;
                    continue;
                }
            };
            params.push(Param {
                module: fm,
                scope: f.range,
                name: p.parameter.name.to_string(),
                value,
            });
        }
        complete
    }

    /// The [`Spread`] of the helper parameter `**name` / `*name` (in module `m`): what the
    /// latest call of its helper passed to it.
    fn latest_spread<T>(&self, m: usize, e: &Expr, f: impl FnOnce(&Spread<'a>) -> T) -> Option<T> {
        let Expr::Name(n) = e else { return None };
        (self.spreads.borrow().iter().rev())
            .find(|s| s.module == m && s.name == n.id.as_str() && s.scope.contains_range(n.range))
            .map(f)
    }

    /// The keyword arguments `**name` (in module `m`) spreads: those the latest call of the
    /// helper it is a parameter of passed to it.
    pub fn spread(&self, m: usize, e: &Expr) -> Option<Vec<(String, (usize, &'a Expr))>> {
        self.latest_spread(m, e, |s| s.keywords.clone())
    }

    /// The positional arguments `*name` (in module `m`) spreads: those the latest call of the
    /// helper it is a parameter of passed to its `*name`.
    pub fn star_args(&self, m: usize, e: &Expr) -> Option<Vec<(usize, &'a Expr)>> {
        self.latest_spread(m, e, |s| s.args.clone())
    }

    /// `value` of what the helper `call` calls returns ([`helper_body`]), with the call's
    /// arguments and the helper's local names bound for the length of it; `None` when the
    /// callee is no such helper or an argument cannot be bound.
    pub fn through_helper<T>(
        &self,
        m: usize,
        call: &'a ast::ExprCall,
        value: impl FnOnce(usize, &'a Expr) -> Option<T>,
    ) -> Option<T> {
        let bound = self.params.borrow().len();
        let out = self
            .enter_helper(m, call)
            .and_then(|(fm, ret)| value(fm, ret));
        self.params.borrow_mut().truncate(bound);
        out
    }

    /// What the helper `call` calls returns ([`helper_body`]) and its module, with the call's
    /// arguments and the helper's local names bound; `None` when the callee is no such helper
    /// or an argument cannot be bound. The caller unbinds them: it truncates
    /// [`Resolver::params`] to the length it had before, in either case.
    pub fn enter_helper(&self, m: usize, call: &'a ast::ExprCall) -> Option<(usize, &'a Expr)> {
        let Sym::Function(fm, f) = self.expr(m, &call.func) else {
            return None;
        };
        let (assigns, ret) = helper_body(f)?;
        if !self.bind_call(m, call, fm, f) {
            return None;
        }
        self.bind_locals(fm, f, &assigns);
        Some((fm, ret))
    }

    /// Bind the local names a helper assigns before its `return` ([`helper_body`]) for the
    /// length of a call, as [`Resolver::bind_call`] binds its parameters.
    pub fn bind_locals(
        &self,
        fm: usize,
        f: &'a ast::StmtFunctionDef,
        assigns: &[&'a ast::StmtAssign],
    ) {
        let mut params = self.params.borrow_mut();
        for a in assigns {
            for t in a.targets.iter() {
                match t {
                    Expr::Name(n) => params.push(Param {
                        module: fm,
                        scope: f.range,
                        name: n.id.to_string(),
                        value: (fm, &a.value),
                    }),
                    // `kwargs["mysql_charset"] = "utf8"`: the call's `**kwargs` gains it.
                    Expr::Subscript(s) => {
                        let (Expr::Name(n), Expr::StringLiteral(key)) = (&*s.value, &*s.slice)
                        else {
                            continue;
                        };
                        let mut spreads = self.spreads.borrow_mut();
                        let spread = (spreads.iter_mut().rev()).find(|sp| {
                            sp.module == fm && sp.scope == f.range && sp.name == n.id.as_str()
                        });
                        if let Some(sp) = spread {
                            let key = key.value.to_str().to_string();
                            sp.keywords.retain(|(k, _)| *k != key);
                            sp.keywords.push((key, (fm, &a.value)));
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// What `e` names, following aliases (`Phase = State`, `Kind = kinds.Kind`).
    pub fn class_through_aliases(&self, m: usize, e: &'a Expr) -> Sym<'a> {
        let mut sym = self.expr(m, e);
        for _ in 0..MAX_DEPTH {
            match sym {
                Sym::Value(mm, v) if matches!(v, Expr::Name(_) | Expr::Attribute(_)) => {
                    sym = self.expr(mm, v);
                }
                other => return other,
            }
        }
        sym
    }

    /// Whether `call` makes Flask-SQLAlchemy's `db` object: `SQLAlchemy(...)`, or an instance
    /// of the application's subclass of it (`class MyAlchemy(SQLAlchemy)`, which overrides a
    /// pool or session option and is then `db = MyAlchemy()`).
    pub fn makes_flask_db(&self, m: usize, call: &'a ast::ExprCall) -> bool {
        self.is_flask_db_class(m, &call.func, 0)
    }

    fn is_flask_db_class(&self, m: usize, e: &'a Expr, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.class_through_aliases(m, e) {
            Sym::Ext(x) => x == "flask_sqlalchemy.SQLAlchemy",
            Sym::Class(id) => self.mods.class(&id).is_some_and(|c| {
                (c.bases().iter()).any(|b| self.is_flask_db_class(id.module, b, depth + 1))
            }),
            _ => false,
        }
    }

    /// The canonical library name `e` resolves to, following module-level aliases
    /// (`Str = sa.String`).
    pub fn ext_name(&self, m: usize, e: &'a Expr) -> Option<String> {
        let mut sym = self.expr(m, e);
        for _ in 0..MAX_DEPTH {
            match sym {
                Sym::Ext(x) => return Some(x),
                Sym::Value(mm, v) if matches!(v, Expr::Name(_) | Expr::Attribute(_)) => {
                    sym = self.expr(mm, v);
                }
                _ => return None,
            }
        }
        None
    }
}
