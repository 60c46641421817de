//! schemashift: diff two SQL schema snapshots and emit migrations, without a database.
//!
//! Data flows one way: text -> [`input`] -> [`model::Schema`] -> [`plan`] (ordered
//! [`change::Change`]s with their [`hazard`]s) -> [`output`] (SQL per dialect, JSON, or an
//! Alembic revision file rendered from the same UP and DOWN changes). [`dialects`] holds
//! everything that differs between databases, one folder each; [`model`], [`change`] and
//! [`hazard`] are the leaves everything else builds on.

pub mod change;
pub mod diagnostics;
pub mod dialects;
pub mod hazard;
pub mod input;
pub mod model;
pub mod output;
pub mod plan;
pub mod review;
pub mod verify;

pub use change::Change;
pub use diagnostics::{Diagnostic, Severity, Side};
pub use dialects::DialectKind;
pub use hazard::{Hazard, HazardCode, HazardKind};
pub use output::alembic::RevisionInfo;

/// Options for [`migrate`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub dialect: DialectKind,
    /// Renames to apply on top of those the desired DDL declares (see [`parse_rename`]).
    pub renames: Vec<model::Rename>,
    /// Safe alternatives for changes on tables that have rows (both directions).
    pub safety: plan::safety::Safety,
    /// Also render an Alembic revision file with this header ([`Migration::alembic`]).
    pub alembic: Option<RevisionInfo>,
    /// Objects left out of the comparison (by default: Alembic's `alembic_version`).
    pub filter: plan::filter::Filter,
    /// Library versions that decide the DDL of models.py input ([`Input::Models`]).
    pub models: input::python::Profile,
    /// MySQL's `lower_case_table_names` (0, the default on Linux: table names are
    /// case-sensitive; 1: stored in lower case and compared so; 2: compared in lower case).
    /// Other dialects ignore it.
    pub lower_case_table_names: u8,
}

impl Options {
    /// The dialect as the options change how it reads schemas (`lower_case_table_names`),
    /// when they do.
    fn dialect_override(&self) -> Option<Box<dyn dialects::Dialect>> {
        (self.dialect.dialect()).with_lower_case_table_names(self.lower_case_table_names)
    }
}

/// One side's snapshot: SQL DDL text, or SQLModel / SQLAlchemy model files.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Sql(&'a str),
    Models(&'a input::python::Sources),
    /// An Alembic history (its revision files and the modules they import) at a revision
    /// (`heads`, `head`, an id or a unique prefix, a branch label): the schema its upgrades build,
    /// starting from `base` (DDL; empty: an empty database; for histories whose first
    /// revision expects tables `create_all` made).
    History {
        src: &'a input::python::Sources,
        rev: &'a str,
        base: &'a str,
    },
}

impl Input<'_> {
    /// The bytes of text to read.
    pub fn size(&self) -> usize {
        let files = |src: &input::python::Sources| src.files.iter().map(|(_, t)| t.len()).sum();
        match self {
            Input::Sql(text) => text.len(),
            Input::Models(src) | Input::History { src, .. } => files(src),
        }
    }

    fn parse(
        self,
        dialect: &dyn dialects::Dialect,
        side: Side,
        profile: input::python::Profile,
    ) -> (model::Schema, Vec<Diagnostic>) {
        match self {
            Input::Sql(text) => input::Frontend::parse(&input::Sql, text, dialect, side),
            Input::Models(src) => input::python::parse(src, dialect, side, profile),
            Input::History { src, rev, base } => {
                input::python::alembic::replay(src, Some(rev), base, dialect, side, profile)
            }
        }
    }
}

/// `a()` and `b()`: when `parallel` and natively, on two threads (`b` on a new one, with the
/// main thread's stack size; one after the other when no thread can be had); otherwise (and
/// always in wasm) one after the other. Parsing both sides, and planning UP and DOWN, are
/// independent halves of the work; callers pass `parallel` when the halves are big enough to
/// be worth a thread (starting one costs tens of microseconds).
fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if parallel {
        return on_two_threads(a, b);
    }
    let _ = parallel;
    (a(), b())
}

/// Drops `value`: when `big` and natively, on a thread of its own that nobody waits for (the
/// two schemas of a large dump take milliseconds to free, which a caller about to write its
/// output need not spend first; the CLI frees a big migration so before it exits);
/// otherwise (and always in wasm), here and now.
pub fn free<T: Send + 'static>(big: bool, value: T) {
    #[cfg(not(target_arch = "wasm32"))]
    if big {
        // When no thread starts, the closure, and `value` with it, is dropped here.
        let _ = std::thread::Builder::new().spawn(move || drop(value));
        return;
    }
    let _ = big;
    drop(value);
}

/// [`join`]'s two threads.
#[cfg(not(target_arch = "wasm32"))]
fn on_two_threads<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    // Taken by whoever runs it: the new thread, or this one when no thread starts.
    let slot = std::sync::Mutex::new(Some(b));
    let run_b = || {
        let b = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
        b.map(|b| b())
    };
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn_scoped(scope, run_b);
        match spawned {
            Ok(handle) => {
                let a = a();
                let b = handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (a, b.expect("run once"))
            }
            Err(_) => (a(), run_b().expect("not run")),
        }
    })
}

/// Inputs of at least this many bytes (the smaller side) are parsed on two threads (and the
/// CLI frees their migration on a thread of its own: [`free`]).
pub const PARALLEL_INPUT_BYTES: usize = 64 * 1024;
/// Schemas with at least this many tables and indexes (the smaller side) are planned and
/// freed on two threads.
const PARALLEL_SCHEMA_ITEMS: usize = 256;

/// Whether both schemas are big enough for [`join`] to start a thread.
fn big_schemas(a: &model::Schema, b: &model::Schema) -> bool {
    let items = |s: &model::Schema| s.tables.len() + s.indexes.len();
    items(a).min(items(b)) >= PARALLEL_SCHEMA_ITEMS
}

/// Both sides parsed (see [`join`]).
fn parse_both(
    current: Input<'_>,
    desired: Input<'_>,
    dialect: &dyn dialects::Dialect,
    profile: input::python::Profile,
) -> (
    (model::Schema, Vec<Diagnostic>),
    (model::Schema, Vec<Diagnostic>),
) {
    let parallel = current.size().min(desired.size()) >= PARALLEL_INPUT_BYTES;
    join(
        parallel,
        || current.parse(dialect, Side::Current, profile),
        || desired.parse(dialect, Side::Desired, profile),
    )
}

/// A rename given as text: `old=new` renames a table, `table.old=new` (or
/// `schema.table.old=new`) a column. Names are folded the dialect's way.
pub fn parse_rename(spec: &str, dialect: DialectKind) -> Result<model::Rename, String> {
    let d = dialect.dialect();
    let (left, new) = spec
        .split_once('=')
        .ok_or_else(|| format!("rename `{spec}`: expected old=new or table.old=new"))?;
    let parts: Vec<model::Str> = left.split('.').map(|p| d.fold_ident(p.trim())).collect();
    let new = d.fold_ident(new.trim());
    if new.is_empty() || parts.iter().any(|p| p.is_empty()) {
        return Err(format!("rename `{spec}`: empty name"));
    }
    let schema = d.default_schema();
    let (kind, table, from) = match parts.as_slice() {
        [old] => (
            model::RenameKind::Table,
            model::QualName::new(schema, new.clone()),
            old.clone(),
        ),
        [t, old] => (
            model::RenameKind::Column,
            model::QualName::new(schema, t.clone()),
            old.clone(),
        ),
        [s, t, old] => (
            model::RenameKind::Column,
            model::QualName::new(s.clone(), t.clone()),
            old.clone(),
        ),
        _ => return Err(format!("rename `{spec}`: too many dots")),
    };
    Ok(model::Rename {
        kind,
        table,
        from,
        to: new,
        at: None,
    })
}

/// The result of comparing two schemas.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Migration {
    /// Ordered changes that turn current into desired.
    pub changes: Vec<Change>,
    /// Ordered changes that turn desired back into current.
    pub down_changes: Vec<Change>,
    /// UP script (current -> desired).
    pub up: String,
    /// DOWN script (desired -> current); steps that cannot bring data back say so in a
    /// `-- irreversible:` comment.
    pub down: String,
    /// Hazards of each change of `changes` (same index).
    pub hazards: Vec<Vec<Hazard>>,
    /// Hazards of each change of `down_changes`.
    pub down_hazards: Vec<Vec<Hazard>>,
    /// Identifier spellings the scripts were written with (see [`Dialect::with_spellings`]).
    ///
    /// [`Dialect::with_spellings`]: dialects::Dialect::with_spellings
    #[serde(skip)]
    pub spellings: std::collections::BTreeMap<model::Str, String>,
    /// The Alembic revision file (upgrade from `changes`, downgrade from `down_changes`), when
    /// [`Options::alembic`] asked for it and the dialect has it
    /// ([`output::alembic::supports`]: PostgreSQL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alembic: Option<String>,
    /// The object filter the schemas were compared with.
    pub filter: plan::filter::Filter,
    /// Objects of either side the filter left out (e.g. `alembic_version`).
    pub left_out: Vec<plan::filter::LeftOut>,
}

impl Migration {
    /// The dialect instance the scripts were written with.
    pub fn dialect(&self, kind: DialectKind) -> DialectRef {
        match kind.dialect().with_spellings(&self.spellings) {
            Some(d) => DialectRef::Owned(d),
            None => DialectRef::Static(kind.dialect()),
        }
    }
}

/// A dialect implementation, shared or made for one migration.
pub enum DialectRef {
    Static(&'static dyn dialects::Dialect),
    Owned(Box<dyn dialects::Dialect>),
}

impl std::ops::Deref for DialectRef {
    type Target = dyn dialects::Dialect;
    fn deref(&self) -> &Self::Target {
        match self {
            DialectRef::Static(d) => *d,
            DialectRef::Owned(d) => d.as_ref(),
        }
    }
}

/// Everything a caller gets back: diagnostics always, a migration unless an input had errors.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub migration: Option<Migration>,
}

impl Outcome {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Parse both schemas (SQL DDL), diff them and render the migration both ways.
pub fn migrate(current: &str, desired: &str, options: &Options) -> Outcome {
    migrate_inputs(Input::Sql(current), Input::Sql(desired), options)
}

/// [`migrate`] for inputs of either kind (SQL DDL or models).
pub fn migrate_inputs(current: Input<'_>, desired: Input<'_>, options: &Options) -> Outcome {
    let (from, to, diagnostics) = read_inputs(current, desired, options);
    migrate_schemas(from, to, diagnostics, options)
}

/// The first half of [`migrate_inputs`]: both schemas read, with the diagnostics met reading
/// them (the current side's first). [`migrate_schemas`] is the second half; a caller that
/// holds the inputs' texts can free them in between when [`may_add_diagnostics`] is false.
pub fn read_inputs(
    current: Input<'_>,
    desired: Input<'_>,
    options: &Options,
) -> (model::Schema, model::Schema, Vec<Diagnostic>) {
    let owned = options.dialect_override();
    let dialect = owned.as_deref().unwrap_or(options.dialect.dialect());
    let ((from, mut diagnostics), (to, more)) =
        parse_both(current, desired, dialect, options.models);
    diagnostics.extend(more);
    (from, to, diagnostics)
}

/// Whether [`migrate_schemas`] can add diagnostics to those of reading: only a rename can
/// (W003, a rename that cannot apply, positioned in an input). False when there is none to
/// apply, so a caller that has shown the diagnostics of reading needs the inputs' texts no more.
pub fn may_add_diagnostics(from: &model::Schema, to: &model::Schema, options: &Options) -> bool {
    let owned = options.dialect_override();
    let dialect = owned.as_deref().unwrap_or(options.dialect.dialect());
    !renames(from, to, options, dialect).is_empty()
}

/// The renames a migration applies before it diffs: those the desired schema declares, the
/// options', and where column names compare without case, columns renamed in case only.
fn renames(
    from: &model::Schema,
    to: &model::Schema,
    options: &Options,
    dialect: &dyn dialects::Dialect,
) -> Vec<model::Rename> {
    let mut renames = to.renames.clone();
    renames.extend(options.renames.iter().cloned());
    if dialect.columns_case_insensitive() {
        renames.extend(plan::rename::case_only_column_renames(from, to));
    }
    renames
}

/// [`migrate_inputs`] for schemas already read, with the diagnostics met reading them: any
/// error among them, and there is no migration.
pub fn migrate_schemas(
    mut from: model::Schema,
    mut to: model::Schema,
    diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> Outcome {
    let owned = options.dialect_override();
    let dialect = owned.as_deref().unwrap_or(options.dialect.dialect());
    let mut diagnostics = diagnostics;
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Outcome {
            diagnostics,
            migration: None,
        };
    }
    // Columns one side could not read are taken as the other side has them.
    from.carry_uncompared(&to);
    to.carry_uncompared(&from);
    let mut left_out = options.filter.apply(&mut from, dialect);
    for name in options.filter.apply(&mut to, dialect) {
        if !left_out.contains(&name) {
            left_out.push(name);
        }
    }
    // Names are written as the desired schema spells them, else as the current one does.
    let mut spellings = to.spellings.clone();
    for (k, v) in &from.spellings {
        spellings.entry(k.clone()).or_insert_with(|| v.clone());
    }
    let respelled = dialect.with_spellings(&spellings);
    let dialect = respelled.as_deref().unwrap_or(dialect);
    // Declared renames run first; the rest of the plan starts from the renamed schema.
    let mut renames = renames(&from, &to, options, dialect);
    let (renamed, changes, problems) = plan::rename::apply(&from, &to, &renames, dialect);
    renames.retain(|r| !problems.iter().any(|p| p.rename == *r));
    for p in problems {
        let (line, column, offset) = p.rename.at.unwrap_or((1, 1, 0));
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: diagnostics::Code::W003,
            side: Side::Desired,
            line,
            column,
            offset,
            end: offset,
            message: p.message,
            file: None,
        });
    }
    // UP and DOWN are planned, assessed and written independently (see [`join`]).
    let up_side = || {
        let mut changes = changes;
        changes.extend(plan::diff(&renamed, &to, dialect));
        let changes = plan::safety::apply(changes, &renamed, dialect, options.safety);
        let hazards =
            plan::assess::assess(&changes, &renamed, dialect, plan::assess::Direction::Up);
        let up = output::sql::annotated_script(&changes, &hazards, dialect);
        let upgrade = (options.alembic.as_ref())
            .map(|_| output::alembic::body_of(&changes, &hazards, &from, &to, dialect));
        (changes, hazards, up, upgrade)
    };
    let down_side = || {
        let back = plan::rename::invert(&renames);
        let (renamed, mut down_changes, _) = plan::rename::apply(&to, &from, &back, dialect);
        down_changes.extend(plan::diff(&renamed, &from, dialect));
        let down_changes = plan::safety::apply(down_changes, &renamed, dialect, options.safety);
        let down_hazards = plan::assess::assess(
            &down_changes,
            &renamed,
            dialect,
            plan::assess::Direction::Down,
        );
        let down = output::sql::annotated_script(&down_changes, &down_hazards, dialect);
        let downgrade = (options.alembic.as_ref())
            .map(|_| output::alembic::body_of(&down_changes, &down_hazards, &to, &from, dialect));
        (down_changes, down_hazards, down, downgrade)
    };
    let parallel = big_schemas(&from, &to);
    let ((changes, hazards, up, upgrade), (down_changes, down_hazards, down, downgrade)) =
        join(parallel, up_side, down_side);
    let alembic = (options.alembic.as_ref().zip(upgrade.zip(downgrade)))
        .map(|(info, (upgrade, downgrade))| output::alembic::file(info, &upgrade, &downgrade));
    // Two big schemas take a while to free: not on the caller's time.
    free(parallel, (from, to));
    Outcome {
        diagnostics,
        migration: Some(Migration {
            changes,
            down_changes,
            up,
            down,
            hazards,
            down_hazards,
            spellings,
            alembic,
            filter: options.filter.clone(),
            left_out,
        }),
    }
}

pub use output::json::report as json_report;
