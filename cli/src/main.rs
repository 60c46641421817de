//! `schemashift`: diff two schema snapshots and print the migration.
//!
//! Exit codes: 0 done, 1 input error, 2 usage error, 3 changes found (only with `--exit-code`),
//! 4 hazards of a denied kind (only with `--deny`).

use schemashift::HazardKind;
use schemashift::{DialectKind, Options, RevisionInfo};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: schemashift diff CURRENT DESIRED [options]

Compare two schema snapshots (DDL files; '-' reads stdin) and print the migration.

options:
  --down                 print the DOWN migration (desired -> current) instead of UP
  --format sql|json|alembic
                         output format (default: sql); alembic prints an Alembic revision file
                         (upgrade and downgrade)
  --dialect NAME         SQL dialect: postgres (default) or sqlite
  --exit-code            exit 3 when there are changes
  --rename SPEC          declare a rename: old=new (table) or table.old=new (column);
                         repeatable (the DDL can also say `-- schemashift: renamed from old`)
  --concurrently         create/drop indexes of existing tables CONCURRENTLY (PostgreSQL)
  --not-valid-fks        add foreign keys to existing tables NOT VALID, then VALIDATE them
  --backfill             new NOT NULL columns without a default: add nullable, fill existing
                         rows with a placeholder value to review, then SET NOT NULL
  --deny KINDS           exit 4 when the printed direction has hazards of these kinds
                         (comma-separated: destructive, data_dependent, locking,
                         irreversible, or all); hazards are always printed as warnings
  -h, --help             show this help
  -V, --version          show the version

alembic options (with --format alembic):
  -m, --message TEXT     revision message (required)
  --rev-id ID            revision id (default: 12 random hex digits)
  --down-revision ID     revision this one follows (default: the head of the -o folder, else
                         none)
  --create-date DATE     the file's Create Date (default: now, local time)
  -o, --output DIR       write DIR/<rev>_<slug>.py (Alembic's file name) instead of printing;
                         prints the path
";

#[derive(Debug, PartialEq)]
enum Format {
    Sql,
    Json,
    Alembic,
}

#[derive(Debug)]
struct Args {
    current: String,
    desired: String,
    down: bool,
    format: Format,
    dialect: DialectKind,
    exit_code: bool,
    renames: Vec<String>,
    deny: Vec<HazardKind>,
    safety: schemashift::plan::safety::Safety,
    message: Option<String>,
    rev_id: Option<String>,
    down_revision: Option<String>,
    create_date: Option<String>,
    output: Option<PathBuf>,
}

enum Parsed {
    Run(Box<Args>),
    Exit(ExitCode, String),
}

fn usage_error(msg: &str) -> Parsed {
    Parsed::Exit(ExitCode::from(2), format!("schemashift: {msg}\n\n{USAGE}"))
}

fn parse_args(argv: &[String]) -> Parsed {
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        Some("diff") => {}
        Some("-h" | "--help") | None => return Parsed::Exit(ExitCode::SUCCESS, USAGE.to_string()),
        Some("-V" | "--version") => {
            return Parsed::Exit(
                ExitCode::SUCCESS,
                format!("schemashift {}\n", env!("CARGO_PKG_VERSION")),
            )
        }
        Some(other) => return usage_error(&format!("unknown command `{other}`")),
    }
    let mut files = Vec::new();
    let mut args = Args {
        current: String::new(),
        desired: String::new(),
        down: false,
        format: Format::Sql,
        dialect: DialectKind::Postgres,
        exit_code: false,
        renames: Vec::new(),
        deny: Vec::new(),
        safety: Default::default(),
        message: None,
        rev_id: None,
        down_revision: None,
        create_date: None,
        output: None,
    };
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, Parsed> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| usage_error(&format!("{name} needs a value")))
        };
        match flag {
            "--down" => args.down = true,
            "--concurrently" => args.safety.concurrently = true,
            "--not-valid-fks" => args.safety.not_valid_fks = true,
            "--backfill" => args.safety.backfill = true,
            "--exit-code" => args.exit_code = true,
            "-h" | "--help" => return Parsed::Exit(ExitCode::SUCCESS, USAGE.to_string()),
            "--format" => match value("--format") {
                Ok(v) => match v.as_str() {
                    "sql" => args.format = Format::Sql,
                    "json" => args.format = Format::Json,
                    "alembic" => args.format = Format::Alembic,
                    other => {
                        return usage_error(&format!(
                            "unknown format `{other}` (expected sql, json or alembic)"
                        ))
                    }
                },
                Err(e) => return e,
            },
            "-m" | "--message" => match value(flag) {
                Ok(v) => args.message = Some(v),
                Err(e) => return e,
            },
            "--rev-id" => match value(flag) {
                Ok(v) if is_rev_id(&v) => args.rev_id = Some(v),
                Ok(v) => return usage_error(&format!("bad --rev-id `{v}` (letters, digits, _)")),
                Err(e) => return e,
            },
            "--down-revision" => match value(flag) {
                Ok(v) if is_rev_id(&v) => args.down_revision = Some(v),
                Ok(v) => {
                    return usage_error(&format!("bad --down-revision `{v}` (letters, digits, _)"))
                }
                Err(e) => return e,
            },
            "--create-date" => match value(flag) {
                Ok(v) if !v.contains(['\n', '\r']) => args.create_date = Some(v),
                Ok(_) => return usage_error("--create-date must be one line"),
                Err(e) => return e,
            },
            "-o" | "--output" => match value(flag) {
                Ok(v) => args.output = Some(PathBuf::from(v)),
                Err(e) => return e,
            },
            "--dialect" => match value("--dialect") {
                Ok(v) => match DialectKind::from_name(&v) {
                    Some(d) => args.dialect = d,
                    None => {
                        return usage_error(&format!(
                            "unknown dialect `{v}` (expected postgres or sqlite)"
                        ))
                    }
                },
                Err(e) => return e,
            },
            "--rename" => match value("--rename") {
                Ok(v) => args.renames.push(v),
                Err(e) => return e,
            },
            "--deny" => match value("--deny") {
                Ok(v) => {
                    for k in v.split(',').map(str::trim) {
                        if k == "all" {
                            args.deny.extend([
                                HazardKind::Destructive,
                                HazardKind::DataDependent,
                                HazardKind::Locking,
                                HazardKind::Irreversible,
                            ]);
                        } else if let Some(kind) = HazardKind::from_name(k) {
                            args.deny.push(kind);
                        } else {
                            return usage_error(&format!(
                                "unknown hazard kind `{k}` (expected destructive, data_dependent, locking, irreversible or all)"
                            ));
                        }
                    }
                }
                Err(e) => return e,
            },
            f if f.starts_with('-') && f != "-" => {
                return usage_error(&format!("unknown option `{f}`"))
            }
            _ => files.push(a.clone()),
        }
    }
    let alembic_only = args.message.is_some()
        || args.rev_id.is_some()
        || args.down_revision.is_some()
        || args.create_date.is_some()
        || args.output.is_some();
    if args.format != Format::Alembic && alembic_only {
        return usage_error(
            "-m, --rev-id, --down-revision, --create-date and -o need --format alembic",
        );
    }
    if args.format == Format::Alembic && args.message.is_none() {
        return usage_error("--format alembic needs a message: -m TEXT");
    }
    match files.as_slice() {
        [c, d] => {
            if c == "-" && d == "-" {
                return usage_error("only one of CURRENT and DESIRED can be '-'");
            }
            args.current = c.clone();
            args.desired = d.clone();
            Parsed::Run(Box::new(args))
        }
        _ => usage_error("diff needs exactly two files: CURRENT DESIRED"),
    }
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("<stdin>: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Alembic revision ids as Alembic writes and reads them: letters, digits and `_`.
fn is_rev_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// 12 random hex digits, like Alembic's `uuid.uuid4().hex[-12:]`.
fn random_rev_id() -> Result<String, String> {
    let mut bytes = [0u8; 6];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read /dev/urandom for a revision id: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The local time as Python prints `datetime.now()` (microseconds only when non-zero).
fn now_create_date() -> String {
    let now = chrono::Local::now().naive_local();
    if now.and_utc().timestamp_subsec_micros() == 0 {
        now.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        now.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
    }
}

/// One string value of a `name = '...'` / `name: type = ...` line of a revision file; `None`
/// inside `Some` for `= None`.
fn assigned(line: &str, name: &str) -> Option<Vec<String>> {
    let rest = line.strip_prefix(name)?;
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix(':') {
        Some(r) => r.split_once('=')?.1,
        None => rest.strip_prefix('=')?,
    };
    let value = rest.split('#').next().unwrap_or("").trim();
    let mut out = Vec::new();
    for part in value.split(['(', ')', ',', '[', ']']) {
        let p = part.trim();
        let quoted = p
            .strip_prefix('\'')
            .and_then(|p| p.strip_suffix('\''))
            .or_else(|| p.strip_prefix('"').and_then(|p| p.strip_suffix('"')));
        if let Some(q) = quoted {
            out.push(q.to_string());
        }
    }
    Some(out)
}

/// The head of the revisions in `dir`: the one no other revision names as its down_revision.
/// `None` for a folder without revisions; an error for several heads. A file of `new_rev`
/// itself (about to be overwritten) does not count.
fn head_revision(dir: &Path, new_rev: &str) -> Result<Option<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut revisions = Vec::new();
    let mut parents = std::collections::BTreeSet::new();
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut rev = None;
        let mut downs = Vec::new();
        for line in text.lines() {
            if let Some(v) = assigned(line, "revision") {
                rev = v.into_iter().next();
            } else if let Some(v) = assigned(line, "down_revision") {
                downs = v;
            }
        }
        if rev.as_deref() != Some(new_rev) {
            parents.extend(downs);
        }
        match rev {
            Some(r) if r == new_rev => {}
            Some(r) => revisions.push(r),
            None => {}
        }
    }
    let heads: Vec<&String> = revisions.iter().filter(|r| !parents.contains(*r)).collect();
    match heads.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some((*one).clone())),
        many => Err(format!(
            "{}: several heads ({}); pass --down-revision",
            dir.display(),
            many.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The revision header from the arguments, filling in what Alembic would.
fn revision_info(args: &Args) -> Result<RevisionInfo, String> {
    let rev_id = match &args.rev_id {
        Some(r) => r.clone(),
        None => random_rev_id()?,
    };
    let down_revision = match (&args.down_revision, &args.output) {
        (Some(d), _) => Some(d.clone()),
        (None, Some(dir)) => head_revision(dir, &rev_id)?,
        (None, None) => None,
    };
    Ok(RevisionInfo {
        message: args.message.clone().unwrap_or_default(),
        rev_id,
        down_revision,
        create_date: args.create_date.clone().unwrap_or_else(now_create_date),
    })
}

fn run(args: Args) -> ExitCode {
    let (current, desired) = match (read_input(&args.current), read_input(&args.desired)) {
        (Ok(c), Ok(d)) => (c, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("schemashift: {e}");
            return ExitCode::from(1);
        }
    };
    let mut renames = Vec::new();
    for spec in &args.renames {
        match schemashift::parse_rename(spec, args.dialect) {
            Ok(r) => renames.push(r),
            Err(e) => {
                eprintln!("schemashift: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let alembic = if args.format == Format::Alembic {
        match revision_info(&args) {
            Ok(info) => Some(info),
            Err(e) => {
                eprintln!("schemashift: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        None
    };
    let file_name = alembic
        .as_ref()
        .map(|i| schemashift::output::alembic::file_name(&i.rev_id, &i.message));
    let outcome = schemashift::migrate(
        &current,
        &desired,
        &Options {
            dialect: args.dialect,
            renames,
            safety: args.safety,
            alembic,
        },
    );
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in &outcome.diagnostics {
        let file = match d.side {
            schemashift::Side::Current => display_name(&args.current),
            schemashift::Side::Desired => display_name(&args.desired),
        };
        let _ = writeln!(err, "{}", d.render(file));
    }
    let Some(migration) = outcome.migration else {
        return ExitCode::from(1);
    };
    let (changes, hazards) = if args.down {
        (&migration.down_changes, &migration.down_hazards)
    } else {
        (&migration.changes, &migration.hazards)
    };
    // What may lose data, fail on the rows present or lock, for the direction printed.
    let mut denied = 0;
    for h in hazards.iter().flatten() {
        let _ = writeln!(err, "warning: {} [{}]", h.message, h.code);
        if args.deny.contains(&h.kind) {
            denied += 1;
        }
    }
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
            serde_json::to_string_pretty(&value).expect("serializable") + "\n"
        }
        Format::Alembic => {
            let file = migration.alembic.clone().unwrap_or_default();
            match (&args.output, file_name) {
                (Some(dir), Some(name)) => {
                    let path = dir.join(name);
                    if let Err(e) = std::fs::write(&path, &file) {
                        eprintln!("schemashift: {}: {e}", path.display());
                        return ExitCode::from(1);
                    }
                    format!("{}\n", path.display())
                }
                _ => file,
            }
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    if denied > 0 {
        let _ = writeln!(
            err,
            "schemashift: {denied} hazard(s) of a denied kind (--deny); see the warnings above"
        );
        return ExitCode::from(4);
    }
    if args.exit_code && !changes.is_empty() {
        return ExitCode::from(3);
    }

    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&argv) {
        Parsed::Run(args) => run(*args),
        Parsed::Exit(code, text) => {
            if code == ExitCode::SUCCESS {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            code
        }
    }
}
