//! The `schemashift` command line, over a [`Host`] that reads and writes files: the native
//! binary (`main.rs`) and the npm package's `npx schemashift` (WebAssembly, Node's `fs`) run
//! this same code, so they cannot differ.
//!
//! Exit codes: 0 done, 1 input error, 2 usage error, 3 changes found (only with `--exit-code`),
//! 4 hazards of a denied kind (only with `--deny`), 5 a reviewed downgrade that does not undo
//! its upgrade (`review`).

mod args;
#[cfg(not(target_arch = "wasm32"))]
pub mod engines;
mod models;
mod report;
mod revision;

use args::{CheckArgs, Cli, Command, DiffArgs, Format, ReviewArgs, VerifyArgs};
use clap::{CommandFactory, Parser};
use schemashift::plan::filter::Reason;
use schemashift::Options;
use std::fmt::Write as _;
use std::io::Write;

/// What the command needs from the machine it runs on. Errors are the text after the path,
/// as Rust's `std::io::Error` prints it (`No such file or directory (os error 2)`).
pub trait Host {
    /// The bytes of a file; `-` is stdin.
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String>;
    /// A hint that [`Host::read`] will be asked for these files next (a diff's two sides): a
    /// host may read them at once, each on a thread of its own. By default, nothing.
    fn prefetch(&mut self, paths: &[&str]) {
        let _ = paths;
    }
    /// Create or replace a file.
    fn write(&mut self, path: &str, text: &str) -> Result<(), String>;
    /// The names of the entries of a directory.
    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, String>;
    /// 12 random hex digits, like Alembic's `uuid.uuid4().hex[-12:]`.
    fn random_rev_id(&mut self) -> Result<String, String>;
    /// The local time as Python prints `datetime.now()` (microseconds only when non-zero).
    fn now(&mut self) -> String;
    /// Run a verification plan on a real engine (`verify`): SQLite in memory, or two scratch
    /// databases made on the PostgreSQL server `database_url` names. Err: no engine could be
    /// had (the report holds what the engine said about the migration).
    fn verify(
        &mut self,
        plan: &schemashift::verify::Plan,
        database_url: Option<&str>,
    ) -> Result<schemashift::verify::Report, String> {
        let _ = (plan, database_url);
        Err("this build of schemashift has no database engine: use the native CLI".into())
    }
}

/// Run the command line `argv` (without the program name); the exit code.
pub fn run(
    argv: impl IntoIterator<Item = String>,
    host: &mut dyn Host,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let argv = std::iter::once("schemashift".to_string()).chain(argv);
    match Cli::try_parse_from(argv) {
        Ok(cli) => match cli.command {
            Command::Diff(args) => diff(*args, host, out, err),
            Command::Review(args) => review(args, host, out, err),
            Command::Check(args) => check(args, host, out, err),
            Command::Verify(args) => verify(args, host, out, err),
        },
        Err(e) => {
            // Help and version go to stdout (exit 0), usage errors to stderr (exit 2).
            let text = e.render().to_string();
            let code = u8::try_from(e.exit_code()).unwrap_or(2);
            let _ = if e.use_stderr() {
                write!(err, "{text}")
            } else {
                write!(out, "{text}")
            };
            code
        }
    }
}

fn read_input(host: &mut dyn Host, path: &str) -> Result<String, String> {
    let bytes = host
        .read(path)
        .map_err(|e| format!("schemashift: {}: {e}", display_name(path)))?;
    // The bytes become the text without a copy. A copy of a multi-MB input, and freeing the
    // bytes, would also raise glibc's mmap threshold to that size for the rest of the run, and
    // the parse's blocks would then fragment the heap (~1.5 MB more peak RSS on the GitLab pair).
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.into_bytes(),
    };
    match schemashift::input::decode(&bytes) {
        Ok(text) => Ok(text.to_string()),
        // `FILE:LINE:COL: error[E006]: ...`, as editors parse diagnostics.
        Err(bad) => Err(format!(
            "{}:{}:{}: error[{}]: {bad}",
            display_name(path),
            bad.line,
            bad.column,
            schemashift::diagnostics::Code::E007
        )),
    }
}

/// One side: models (a `.py` file or a directory) or a DDL file.
fn read_side(
    host: &mut dyn Host,
    path: &str,
    python_path: &[String],
    base: Option<&str>,
) -> Result<models::SideInput, String> {
    if let Some((dirs, rev)) = models::history_spec(host, path)? {
        let src = read_history(host, &dirs, python_path)?;
        return Ok(models::SideInput::History(src, rev, read_base(host, base)?));
    }
    if models::is_models(host, path) {
        let mut read = |h: &mut dyn Host, p: &str| read_input(h, p);
        let src = models::read_models(host, path, python_path, &mut read)?;
        // A versions folder named without @REV: the history at its heads.
        if src
            .files
            .iter()
            .any(|(_, t)| schemashift::input::python::alembic::is_revision_text(t))
        {
            return Ok(models::SideInput::History(
                src,
                "heads".into(),
                read_base(host, base)?,
            ));
        }
        Ok(models::SideInput::Models(src))
    } else {
        read_input(host, path).map(models::SideInput::Sql)
    }
}

/// The `.py` files of an Alembic history's folders (several with `version_locations`), each
/// file once, with the modules they import.
fn read_history(
    host: &mut dyn Host,
    dirs: &[String],
    python_path: &[String],
) -> Result<schemashift::input::python::Sources, String> {
    let mut read = |h: &mut dyn Host, p: &str| read_input(h, p);
    let mut all = schemashift::input::python::Sources::default();
    for d in dirs {
        let src = models::read_models(host, d, python_path, &mut read)?;
        for f in src.files {
            if !all.files.iter().any(|(p, _)| *p == f.0) {
                all.files.push(f);
            }
        }
        for r in src.roots {
            if !all.roots.contains(&r) {
                all.roots.push(r);
            }
        }
    }
    Ok(all)
}

/// The `--base` schema of a history (empty without one).
fn read_base(host: &mut dyn Host, base: Option<&str>) -> Result<String, String> {
    match base {
        Some(p) => read_input(host, p),
        None => Ok(String::new()),
    }
}

/// The diagnostics of both sides, each positioned in its file (a models or history
/// diagnostic in the file it names, else the side's path).
fn write_diagnostics(
    err: &mut dyn Write,
    current: (&str, &models::SideInput),
    desired: (&str, &models::SideInput),
    diagnostics: &[schemashift::Diagnostic],
) {
    // Into one buffer, written at once (stderr is unbuffered).
    let mut buf = Vec::new();
    for d in diagnostics {
        let (path, side) = match d.side {
            schemashift::Side::Current => current,
            schemashift::Side::Desired => desired,
        };
        let file = d.file.as_deref().unwrap_or(display_name(path));
        let _ = report::write_diagnostic(&mut buf, file, side.text_of(d.file.as_deref()), d);
    }
    let _ = err.write_all(&buf);
}

/// Both sides, or the first error.
fn read_sides(
    host: &mut dyn Host,
    current: &str,
    desired: &str,
    python_path: &[String],
    base: Option<&str>,
) -> Result<(models::SideInput, models::SideInput), String> {
    host.prefetch(&[current, desired]);
    let c = read_side(host, current, python_path, base)?;
    let d = read_side(host, desired, python_path, base)?;
    Ok((c, d))
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

fn diff(args: DiffArgs, host: &mut dyn Host, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if let Err(msg) = args.check() {
        let mut cmd = Cli::command();
        cmd.build();
        let sub = cmd.find_subcommand_mut("diff").expect("diff subcommand");
        let e = sub.error(clap::error::ErrorKind::ArgumentConflict, msg);
        let _ = write!(err, "{}", e.render());
        return 2;
    }
    let models_profile = match args.models_profile() {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "schemashift: {e}");
            return 2;
        }
    };
    let (current, desired) = match read_sides(
        host,
        &args.current,
        &args.desired,
        &args.python_path,
        args.base.as_deref(),
    ) {
        Ok(sides) => sides,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let renames = match parse_renames(&args.renames, args.dialect) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "schemashift: {e}");
            return 2;
        }
    };
    let alembic = if args.format == Format::Alembic {
        match revision::revision_info(host, &args) {
            Ok(info) => Some(info),
            Err(e) => {
                let _ = writeln!(err, "schemashift: {e}");
                return 1;
            }
        }
    } else {
        None
    };
    let file_name = alembic
        .as_ref()
        .map(|i| schemashift::output::alembic::file_name(&i.rev_id, &i.message));
    let options = Options {
        dialect: args.dialect,
        renames,
        safety: args.safety(),
        alembic,
        filter: args.filter(),
        models: models_profile,
        lower_case_table_names: args.lower_case_table_names,
    };
    let big = current.as_input().size().min(desired.as_input().size())
        >= schemashift::PARALLEL_INPUT_BYTES;
    let (from, to, diagnostics) =
        schemashift::read_inputs(current.as_input(), desired.as_input(), &options);
    write_diagnostics(
        err,
        (&args.current, &current),
        (&args.desired, &desired),
        &diagnostics,
    );
    let read = diagnostics.len();
    // The inputs' texts are only for showing diagnostics in them. Unless planning can add
    // one, they are freed before it: on the GitLab pair that is 8 MB, and the peak memory
    // of writing its Alembic file falls by ~1.5 MB (the peak moves to the end of reading).
    let texts = if schemashift::may_add_diagnostics(&from, &to, &options) {
        Some((current, desired))
    } else {
        schemashift::free(big, (current, desired));
        None
    };
    let outcome = schemashift::migrate_schemas(from, to, diagnostics, &options);
    let added = &outcome.diagnostics[read..];
    match &texts {
        Some((current, desired)) => write_diagnostics(
            err,
            (&args.current, current),
            (&args.desired, desired),
            added,
        ),
        // None to show (see `may_add_diagnostics`); without their source lines if there were.
        None => {
            for d in added {
                let path = match d.side {
                    schemashift::Side::Current => &args.current,
                    schemashift::Side::Desired => &args.desired,
                };
                let file = d.file.as_deref().unwrap_or(display_name(path));
                let _ = writeln!(err, "{}", d.render(file));
            }
        }
    }
    let Some(migration) = outcome.migration else {
        return 1;
    };
    let warnings = outcome.diagnostics.len();
    if args.strict && warnings > 0 {
        let _ = writeln!(
            err,
            "schemashift: {warnings} warning(s) in the input, errors under --strict"
        );
        return 1;
    }
    for (reason, why) in [
        (Reason::VersionTable, "Alembic's version table"),
        (Reason::Pattern, "--include/--exclude"),
    ] {
        let names: Vec<String> = (migration.left_out.iter())
            .filter(|l| l.reason == reason)
            .map(|l| l.name.to_string())
            .collect();
        if !names.is_empty() {
            let _ = writeln!(err, "note: left out ({why}): {}", names.join(", "));
        }
    }
    let (changes, hazards) = if args.down {
        (&migration.down_changes, &migration.down_hazards)
    } else {
        (&migration.changes, &migration.hazards)
    };
    // What may lose data, fail on the rows present or lock, for the direction printed.
    // One write for all of them: stderr is unbuffered, and a big diff has thousands.
    let mut denied = 0;
    let mut warnings = String::new();
    for h in hazards.iter().flatten() {
        let _ = writeln!(warnings, "warning: {} [{}]", h.message, h.code);
        if args.denied(h.kind) {
            denied += 1;
        }
    }
    let _ = err.write_all(warnings.as_bytes());
    // The JSON report, freed with the migration (thousands of nodes on a big diff).
    let mut report = None;
    let text = match args.format {
        Format::Sql => {
            if args.down {
                migration.down.clone()
            } else {
                migration.up.clone()
            }
        }
        Format::Json => {
            let value =
                schemashift::json_report(&migration, args.down, &outcome.diagnostics, args.dialect);
            let text = serde_json::to_string_pretty(&value).expect("serializable") + "\n";
            report = Some(value);
            text
        }
        Format::Alembic => {
            let file = migration.alembic.clone().unwrap_or_default();
            match (&args.output, file_name) {
                (Some(dir), Some(name)) => {
                    let path = dir.join(name);
                    if let Err(e) = host.write(&path.to_string_lossy(), &file) {
                        let _ = writeln!(err, "schemashift: {}: {e}", path.display());
                        return 1;
                    }
                    format!("{}\n", path.display())
                }
                _ => file,
            }
        }
    };
    let code = if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        1
    } else if denied > 0 {
        let _ = writeln!(
            err,
            "schemashift: {denied} hazard(s) of a denied kind (--deny); see the warnings above"
        );
        4
    } else if args.exit_code && !changes.is_empty() {
        3
    } else {
        0
    };
    // The migration of two big inputs takes milliseconds to free (~5 ms on the GitLab pair):
    // not on the user's time, the process is about to exit.
    schemashift::free(big, (migration, outcome.diagnostics, texts, text, report));
    code
}

/// The revision id a revision file assigns (`revision = "abc"`), read from its text.
fn revision_id(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l.strip_prefix("revision")?.trim_start();
        let rest = rest
            .strip_prefix(':')
            .map_or(rest, |r| r.split_once('=').map_or("", |x| x.1));
        let rest = rest.strip_prefix('=').unwrap_or(rest).trim();
        let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        rest[1..].split(q).next().map(str::to_string)
    })
}

fn review(args: ReviewArgs, host: &mut dyn Host, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let is_file = args.target.ends_with(".py");
    let dirs = if is_file {
        vec![args.history.clone().unwrap_or_else(|| {
            let t = args.target.trim_end_matches('/');
            t.rfind('/').map_or(".".to_string(), |i| t[..i].to_string())
        })]
    } else {
        match models::history_spec(host, &args.target) {
            Ok(Some((dirs, _))) => dirs,
            Ok(None) => vec![args.target.clone()],
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        }
    };
    let mut src = match read_history(host, &dirs, &args.python_path) {
        Ok(src) => src,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let mut only = Vec::new();
    if is_file {
        let text = match read_input(host, &args.target) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        };
        let Some(id) = revision_id(&text) else {
            let _ = writeln!(
                err,
                "schemashift: {}: not an Alembic revision (no `revision = \"...\"`)",
                args.target
            );
            return 1;
        };
        if !src
            .files
            .iter()
            .any(|(_, t)| revision_id(t).as_deref() == Some(id.as_str()))
        {
            src.files.push((args.target.clone(), text));
        }
        only.push(id);
    }
    let options = Options {
        dialect: args.dialect,
        ..Options::default()
    };
    let base = match read_base(host, args.base.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let (reviews, diagnostics) = schemashift::review::review(&src, &only, &base, &options);
    let side = models::SideInput::Models(src);
    for d in &diagnostics {
        let file = d.file.as_deref().unwrap_or(&args.target);
        let _ = report::write_diagnostic(err, file, side.text_of(d.file.as_deref()), d);
    }
    if diagnostics
        .iter()
        .any(|d| d.severity == schemashift::Severity::Error)
    {
        return 1;
    }
    if args.json {
        let text = serde_json::to_string_pretty(&reviews).expect("serializable");
        let _ = writeln!(out, "{text}");
    } else {
        for r in &reviews {
            let _ = write!(out, "{}", report::review_text(r));
        }
    }
    if reviews.iter().any(|r| !r.restores) {
        5
    } else {
        0
    }
}

fn check(args: CheckArgs, host: &mut dyn Host, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (current, desired) = match read_sides(
        host,
        &args.current,
        &args.desired,
        &args.python_path,
        args.base.as_deref(),
    ) {
        Ok(sides) => sides,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let options = Options {
        dialect: args.dialect,
        ..Options::default()
    };
    let outcome = schemashift::migrate_inputs(current.as_input(), desired.as_input(), &options);
    write_diagnostics(
        err,
        (&args.current, &current),
        (&args.desired, &desired),
        &outcome.diagnostics,
    );
    let Some(migration) = outcome.migration else {
        return 1;
    };
    if migration.changes.is_empty() {
        let _ = writeln!(
            out,
            "No changes: {} matches {}.",
            args.desired, args.current
        );
        return 0;
    }
    let _ = writeln!(
        out,
        "{} change(s) would bring {} to {}:",
        migration.changes.len(),
        args.current,
        args.desired
    );
    for c in &migration.changes {
        let _ = writeln!(out, "  - {}", c.summary());
    }
    3
}

/// `verify`: the migration between two DDL files, run on a real engine (exit 6 when a step
/// fails).
fn verify(args: VerifyArgs, host: &mut dyn Host, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    use schemashift::DialectKind;
    if args.current == "-" && args.desired == "-" {
        let _ = writeln!(
            err,
            "schemashift: only one of CURRENT and DESIRED can be '-'"
        );
        return 2;
    }
    match (args.dialect, &args.database_url) {
        (DialectKind::Sqlite, None) | (DialectKind::Postgres, Some(_)) => {}
        (DialectKind::Postgres, None) if args.plan => {}
        (DialectKind::Postgres, None) => {
            let _ = writeln!(
                err,
                "schemashift: verify --dialect postgres needs --database-url to a scratch \
                 PostgreSQL server of yours (two databases are created in it and dropped after)"
            );
            return 2;
        }
        (DialectKind::Sqlite, Some(_)) => {
            let _ = writeln!(
                err,
                "schemashift: --database-url is for PostgreSQL; SQLite runs in memory"
            );
            return 2;
        }
        (d, _) if args.plan => {
            let _ = d;
        }
        (d, _) => {
            let _ = writeln!(
                err,
                "schemashift: verify runs on sqlite or postgres, not {} (--plan prints its plan)",
                d.name()
            );
            return 2;
        }
    }
    let mut texts = Vec::new();
    for path in [&args.current, &args.desired] {
        match read_input(host, path) {
            Ok(t) => texts.push(t),
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        }
    }
    let (current, desired) = (texts.remove(0), texts.remove(0));
    let renames = match parse_renames(&args.renames, args.dialect) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "schemashift: {e}");
            return 2;
        }
    };
    let options = Options {
        dialect: args.dialect,
        renames,
        ..Options::default()
    };
    let outcome = schemashift::migrate(&current, &desired, &options);
    write_diagnostics(
        err,
        (&args.current, &models::SideInput::Sql(current.clone())),
        (&args.desired, &models::SideInput::Sql(desired.clone())),
        &outcome.diagnostics,
    );
    let Some(migration) = outcome.migration else {
        return 1;
    };
    // What schemashift predicts without an engine, to read beside the engine's verdict.
    let mut warnings = String::new();
    for (direction, hazards) in [
        ("UP", &migration.hazards),
        ("DOWN", &migration.down_hazards),
    ] {
        for h in hazards.iter().flatten() {
            let _ = writeln!(warnings, "warning: {direction}: {} [{}]", h.message, h.code);
        }
    }
    let _ = err.write_all(warnings.as_bytes());
    let plan = match schemashift::verify::plan(&current, &desired, &migration, args.dialect) {
        Ok(p) => p,
        Err(_) => return 1,
    };
    if args.plan {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&plan).unwrap_or_default()
        );
        return 0;
    }
    let report = match host.verify(&plan, args.database_url.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "schemashift: {e}");
            return 1;
        }
    };
    if args.json {
        let value = serde_json::json!({
            "engine": report.engine,
            "verified": report.passed(),
            "badge": report.badge(),
            "steps": report.steps,
        });
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        let _ = write!(out, "{}", report.text());
    }
    if report.passed() {
        0
    } else {
        6
    }
}

/// The `--rename` specs of `diff` and `verify`; the first bad one is a usage error.
fn parse_renames(
    specs: &[String],
    dialect: schemashift::DialectKind,
) -> Result<Vec<schemashift::model::Rename>, String> {
    specs
        .iter()
        .map(|spec| schemashift::parse_rename(spec, dialect))
        .collect()
}
