//! models.py input: SQLModel / SQLAlchemy model modules read statically (never run) into the
//! same [`Schema`] SQL input gives.
//!
//! The files are parsed with ruff's Python parser ([`modules`]); model classes, `Table(...)`
//! calls and their columns, keys, constraints and indexes become [`models::TableDef`]s the way
//! SQLModel and SQLAlchemy's declarative layer build their `Table`s ([`models`]); those are
//! written as the DDL SQLAlchemy's `create_all` emits for the dialect ([`ddl`]), which the SQL
//! frontend's schema builder reads, so default names, canonical types and expressions come
//! out exactly as for SQL input. Diagnostics point into the Python files.
//!
//! What cannot be decided without running Python is a positioned `W005` warning naming the
//! construct and how to resolve it; a syntax error is `E005`.

pub mod alembic;
pub mod ddl;
pub mod depth;
pub mod models;
pub mod modules;
pub mod types;

use crate::diagnostics::{Code, Diagnostic, Side};
use crate::dialects::Dialect;
use crate::model::{Schema, Str};
use modules::{Module, Modules};

/// Library versions whose DDL differs for the same models (newest by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Profile {
    /// SQLModel >= 0.0.45 maps `datetime` to `TIMESTAMP WITH TIME ZONE` (before: without).
    pub sqlmodel_datetime_tz: bool,
    /// SQLAlchemy 2.1 maps `Mapped[float]` to `DOUBLE PRECISION` / `DOUBLE` (2.0: `FLOAT`).
    pub sqlalchemy_21: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            sqlmodel_datetime_tz: true,
            sqlalchemy_21: true,
        }
    }
}

fn version_tuple(v: &str) -> Option<Vec<u64>> {
    v.trim()
        .split('.')
        .map(|p| {
            p.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .ok()
        })
        .collect()
}

impl Profile {
    /// The SQLModel version the models are run with (`0.0.44`, `0.0.50`).
    pub fn with_sqlmodel(mut self, version: &str) -> Result<Self, String> {
        let v = version_tuple(version)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| {
                format!("SQLModel version `{version}`: expected digits and dots (0.0.50)")
            })?;
        self.sqlmodel_datetime_tz = v >= vec![0, 0, 45];
        Ok(self)
    }

    /// The SQLAlchemy version (`2.0`, `2.1.9`).
    pub fn with_sqlalchemy(mut self, version: &str) -> Result<Self, String> {
        let v = version_tuple(version)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| {
                format!("SQLAlchemy version `{version}`: expected digits and dots (2.1)")
            })?;
        self.sqlalchemy_21 = v >= vec![2, 1];
        Ok(self)
    }
}

/// The Python files of one side: (path, text) pairs with `/`-separated paths as the caller
/// names them, and the folders absolute imports are searched in (`--python-path`, and the
/// folders above the models).
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub files: Vec<(String, String)>,
    pub roots: Vec<String>,
}

impl Sources {
    /// Files the given ones import that are not given yet: for each import of a module that is
    /// not a library schemashift knows, the candidate paths (`dir/mod.py`,
    /// `dir/mod/__init__.py`, for each root). The caller reads those that exist and asks again
    /// until nothing new is wanted.
    pub fn wanted(&self) -> Vec<String> {
        self.wanted_since(0)
    }

    /// [`Sources::wanted`] for the imports of the files from index `first` on (those added
    /// since the last call: the earlier ones' imports were asked for then), so that a caller's
    /// rounds parse each file once.
    pub fn wanted_since(&self, first: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let have: std::collections::HashSet<String> = self
            .files
            .iter()
            .map(|(p, _)| modules::normalize(p))
            .collect();
        for (path, text) in self.files.iter().skip(first) {
            // Too deep to parse safely: `parse` reports it.
            if depth::too_deep(text).is_some() {
                continue;
            }
            let Ok(parsed) = ruff_python_parser::parse_module(text) else {
                continue;
            };
            let m = Module::new(
                modules::normalize(path),
                String::new(),
                parsed.into_suite().to_vec(),
            );
            let mut dotted = Vec::new();
            modules::dotted_imports(&m.body, &mut dotted);
            let stars = (m.star_imports.iter().map(|s| (s.as_str(), None)))
                .chain(dotted.into_iter().map(|s| (s, None)));
            let bound = m.bindings.values().filter_map(|b| match b {
                modules::Binding::ImportFrom { module, name } => {
                    Some((module.as_str(), Some(name.as_str())))
                }
                modules::Binding::Import { module } => Some((module.as_str(), None)),
                _ => None,
            });
            for (spec, name) in bound.chain(stars) {
                if !spec.starts_with('.') && modules::is_known_lib(spec) {
                    continue;
                }
                let mut bases = modules::module_candidates(&m.path, spec, &self.roots);
                if let Some(n) = name {
                    let sub = if spec.ends_with('.') {
                        format!("{spec}{n}")
                    } else {
                        format!("{spec}.{n}")
                    };
                    bases.extend(modules::module_candidates(&m.path, &sub, &self.roots));
                }
                for base in bases {
                    for cand in [format!("{base}.py"), format!("{base}/__init__.py")] {
                        let cand = modules::normalize(&cand);
                        if !have.contains(&cand) && !out.contains(&cand) {
                            out.push(cand);
                        }
                    }
                }
            }
        }
        out.sort();
        out
    }
}

/// A table declared again under the same name (dagster declares `secondary_indexes` in each
/// of its three MetaData objects, and `create_all` of each skips a table that exists): the
/// first declaration is the table. A later one the same is dropped; one that differs too,
/// with a warning.
fn drop_redeclared(
    tables: &mut Vec<models::TableDef>,
    c: types::Compiler,
    sa_name: &str,
    findings: &mut Vec<models::Finding>,
) {
    let mut first: std::collections::HashMap<(Option<String>, String), String> =
        std::collections::HashMap::new();
    let mut scratch = Vec::new();
    let mut warned = Vec::new();
    tables.retain(|t| {
        let ddl = ddl::emit(std::slice::from_ref(t), c, sa_name, &mut scratch).sql;
        match first.entry((t.schema.clone(), t.name.clone())) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(ddl);
                true
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                if *o.get() != ddl {
                    warned.push(models::Finding {
                        code: Code::W005,
                        at: t.at,
                        message: format!("table `{}` is declared again (in another MetaData, or the same one) and differs from its first declaration, which is the one compared", t.name),
                    });
                }
                false
            }
        }
    });
    findings.extend(warned);
}

/// Read the models of one side for `dialect`: the schema and the diagnostics (each with its
/// file).
pub fn parse(
    src: &Sources,
    dialect: &dyn Dialect,
    side: Side,
    profile: Profile,
) -> (Schema, Vec<Diagnostic>) {
    // An Alembic versions folder: the schema its revisions build at the head.
    if src.files.iter().any(|(_, t)| alembic::is_revision_text(t)) {
        return alembic::replay(src, None, "", dialect, side, profile);
    }
    let mut diagnostics = Vec::new();
    let mut mods = Vec::new();
    for (path, text) in &src.files {
        match parse_file(path, text, side) {
            Ok(m) => mods.push((path.clone(), m)),
            Err(d) => diagnostics.push(d),
        }
    }
    if !diagnostics.is_empty() {
        return (Schema::default(), diagnostics);
    }
    let given: Vec<String> = mods.iter().map(|(p, _)| p.clone()).collect();
    let modules = Modules {
        modules: mods.into_iter().map(|(_, m)| m).collect(),
    };
    let mut reader = models::Reader::new(&modules, &src.roots, profile, dialect.kind());
    reader.read_all();
    let mut tables = std::mem::take(&mut reader.tables);
    let mut findings = std::mem::take(&mut reader.findings);
    resolve_fk_types(&mut tables, &mut findings);
    let compiler = types::Compiler::of(dialect);
    drop_redeclared(
        &mut tables,
        compiler,
        types::sa_dialect_name(dialect),
        &mut findings,
    );
    for t in &mut tables {
        let failed: Vec<String> = (t.columns.iter())
            .filter(|c| c.compile_error(compiler).is_some())
            .map(|c| c.name.clone())
            .collect();
        t.uncompared.extend(failed);
    }
    let emitted = ddl::emit(
        &tables,
        types::Compiler::of(dialect),
        types::sa_dialect_name(dialect),
        &mut findings,
    );
    let (mut schema, sql_diags) = crate::input::sql::parse(&emitted.sql, dialect, side);
    schema.take_uncompared_defaults();
    schema.uncompared = (tables.iter())
        .flat_map(|t| {
            (t.uncompared.iter()).map(|c| (Str::from(t.name.as_str()), Str::from(c.as_str())))
        })
        .collect();
    // Rename directives were copied into the DDL: point them back at the model line.
    for r in &mut schema.renames {
        if let Some(at) = r.at.and_then(|(_, _, off)| emitted.origin_of(off)) {
            let (line, column) = modules.modules[at.module].line_col(at.start);
            r.at = Some((line, column, at.start));
        }
    }
    let position = |at: models::Origin| -> (String, u32, u32, usize, usize) {
        let m = &modules.modules[at.module];
        let (line, column) = m.line_col(at.start);
        (given[at.module].clone(), line, column, at.start, at.end)
    };
    for f in findings {
        let (file, line, column, offset, end) = position(f.at);
        diagnostics.push(Diagnostic {
            severity: f.code.severity(),
            code: f.code,
            side,
            line,
            column,
            offset,
            end,
            message: f.message,
            file: Some(file),
        });
    }
    for d in sql_diags {
        // The DDL is schemashift's own: point at the model line it was written for.
        let Some(at) = emitted.origin_of(d.offset) else {
            continue;
        };
        let (file, line, column, offset, end) = position(at);
        diagnostics.push(Diagnostic {
            line,
            column,
            offset,
            end,
            file: Some(file),
            ..d
        });
    }
    diagnostics.sort_by(|a, b| (&a.file, a.offset).cmp(&(&b.file, b.offset)));
    (schema, diagnostics)
}

/// One Python file parsed into a [`Module`] (its path normalized, a byte order mark left out
/// of its text), or the positioned error that stops it: E004 when it nests too deeply for the
/// parser (see [`depth`]), E005 for a syntax error. Offsets count the mark, as the file has it.
pub(crate) fn parse_file(path: &str, text: &str, side: Side) -> Result<Module, Diagnostic> {
    let bom = crate::input::bom_len(text);
    let body = &text[bom..];
    let error = |code: Code, start: usize, end: usize, message: String| {
        let m = Module::new(path.to_string(), body.to_string(), Vec::new());
        let (line, column) = m.line_col(start);
        Diagnostic {
            severity: code.severity(),
            code,
            side,
            line,
            column,
            offset: start + bom,
            end: end.max(start) + bom,
            message,
            file: Some(path.to_string()),
        }
    };
    if let Some(deep) = depth::too_deep(body) {
        return Err(error(Code::E004, deep.offset, deep.offset, deep.message));
    }
    match ruff_python_parser::parse_module(body) {
        Ok(parsed) => Ok(Module::new(
            modules::normalize(path),
            body.to_string(),
            parsed.into_suite().to_vec(),
        )),
        Err(e) => Err(error(
            Code::E005,
            e.location.start().to_usize(),
            e.location.end().to_usize(),
            format!("Python syntax error: {}", e.error),
        )),
    }
}

/// `Column(ForeignKey("t.c"))` without a type takes the referenced column's type.
fn resolve_fk_types(tables: &mut [models::TableDef], findings: &mut Vec<models::Finding>) {
    let snapshot: Vec<(String, Vec<(String, types::SaType)>)> = tables
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                t.columns
                    .iter()
                    .map(|c| (c.name.clone(), c.ty.clone()))
                    .collect(),
            )
        })
        .collect();
    for t in tables.iter_mut() {
        let mut dropped = Vec::new();
        t.columns.retain_mut(|c| {
            if c.ty != types::SaType::Raw(String::new()) {
                return true;
            }
            let target = c.fks.first().and_then(|fk| {
                let (_, cols) = snapshot.iter().find(|(n, _)| *n == fk.table)?;
                let (_, ty) = cols.iter().find(|(n, _)| Some(n) == fk.ref_columns.first())?;
                Some(ty.clone())
            });
            match target {
                Some(ty) if ty != types::SaType::Raw(String::new()) => {
                    c.ty = ty;
                    true
                }
                _ => {
                    findings.push(models::Finding {
                        code: Code::W005,
                        at: c.at,
                        message: format!(
                            "column `{}` has no type and its foreign key's target is not among the models read; the column is not compared (give the type)",
                            c.name
                        ),
                    });
                    dropped.push(c.name.clone());
                    false
                }
            }
        });
        t.uncompared.extend(dropped);
    }
}
