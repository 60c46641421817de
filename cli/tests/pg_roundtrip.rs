//! Round trip on real PostgreSQL: proves that the migrations `schemashift diff` emits
//! actually turn one schema into the other, in both directions, without losing rows.
//!
//! For every case (current/desired pair) two empty databases are built: F from the
//! current schema and T from the desired one. F is seeded with a few rows, the UP
//! migration is applied to F and F's catalog must then equal T's; the DOWN migration
//! must bring F back to the catalog it started with. Tables present on both sides must
//! keep their rows. PostgreSQL is driven through the `psql` binary only; the SQL that
//! seeds, snapshots and resets databases lives in `cli/tests/pg_roundtrip/`.
//!
//! Cases: `core/tests/cases/postgres/<name>/{current,desired}.sql` (own, must pass), 24
//! generated pairs (`PG_ROUNDTRIP_GENERATED=n`; the property tests' generator,
//! `core/tests/gen`, with a fixed seed and foreign keys only to earlier tables, so that the
//! DDL applies in the order written; written to `<target tmp>/pg_roundtrip_generated/`; must
//! pass) and
//! the external corpus `../shared/corpus/postgres/<Case>/{from,to,setup}.sql` (failures
//! must be listed in `cli/tests/pg_corpus_known_failures.txt`).
//!
//! Run: `bash scripts/test.sh` (starts a private cluster), or against a cluster of your
//! own: `eval "$(scripts/pg.sh start /tmp/ss-pg)"` then
//! `cargo test -p schemashift-cli --test pg_roundtrip`.
//!
//! Environment:
//! - `SCHEMASHIFT_PGHOST`: socket directory of the cluster (user `postgres`); without
//!   it the test is skipped, but fails when `CI=true` unless `PG_ROUNDTRIP_SKIP=1` says
//!   the skip is intended (a plain `cargo test --workspace` next to a real run).
//! - `PG_ROUNDTRIP_FILTER=substring` (matched against `own/name`, `corpus/Name`),
//!   `PG_ROUNDTRIP_ONLY=own|generated|corpus`, `PG_ROUNDTRIP_JOBS=n` (parallel cases).
//! - `PG_ROUNDTRIP_WRITE_KNOWN_FAILURES=1`: rewrite the known-failures file.
//! - `PG_ROUNDTRIP_CORPUS=dir`: corpus location (default
//!   `$SCHEMASHIFT_SHARED/corpus/postgres`, `SCHEMASHIFT_SHARED` defaulting to `../shared`).
//! - `SCHEMASHIFT_BIN=path`: the binary to test (default: this package's `schemashift`).
//!
//! Per-case artifacts (the emitted scripts, CLI stderr) are kept under
//! `target/tmp/pg_roundtrip/<source>/<case>/`.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

#[path = "../../core/tests/gen/mod.rs"]
mod gen;
#[path = "../../core/tests/gen/strategy.rs"]
mod strategy;

const KNOWN_FAILURES_FILE: &str = "tests/pg_corpus_known_failures.txt";
/// Generated pairs applied (`PG_ROUNDTRIP_GENERATED` overrides).
const GENERATED: usize = 24;
const CLI_TIMEOUT: Duration = Duration::from_secs(60);
const MAX_DIFF_LINES: usize = 20;
const MAX_ERROR_LINES: usize = 12;
const ROWS_PREFIX: &str = "rows ";

fn main() -> ExitCode {
    if env::args().any(|a| a == "--list") {
        // Test listers (cargo nextest, IDEs) ask for the tests this binary holds.
        println!("pg_roundtrip: test");
        return ExitCode::SUCCESS;
    }
    let Some(host) = env::var_os("SCHEMASHIFT_PGHOST").filter(|h| !h.is_empty()) else {
        return skip_without_cluster();
    };
    match Config::from_env(host).and_then(run) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("pg_roundtrip: {message}");
            ExitCode::from(2)
        }
    }
}

fn skip_without_cluster() -> ExitCode {
    let is_set = |name: &str, value: &str| env::var(name).is_ok_and(|v| v == value);
    if is_set("CI", "true") && !is_set("PG_ROUNDTRIP_SKIP", "1") {
        eprintln!(
            "pg_roundtrip: SCHEMASHIFT_PGHOST is not set, but CI=true requires the round trip \
             (PG_ROUNDTRIP_SKIP=1 skips it on purpose)"
        );
        return ExitCode::FAILURE;
    }
    println!(
        "pg_roundtrip: skipped (no SCHEMASHIFT_PGHOST; scripts/test.sh starts a private cluster)"
    );
    ExitCode::SUCCESS
}

fn run(config: Config) -> Result<ExitCode, String> {
    config.psql.check()?;
    let cases = config.selection.discover()?;
    let started = Instant::now();
    let outcomes = run_all(&config, &cases);
    let known = KnownFailures::load(&config.known_failures, &config.selection.corpus)?;
    let verdict = Summary::new(&cases, &outcomes).print(&known);
    if config.write_known_failures {
        known.rewrite(&cases, &outcomes)?;
        println!("pg_roundtrip: rewrote {}", config.known_failures.display());
    }
    println!(
        "pg_roundtrip: {} cases in {:.1}s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    let corpus_ok = verdict.unexpected_corpus_failures == 0 || config.write_known_failures;
    Ok(if verdict.broken == 0 && corpus_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

// ---------------------------------------------------------------------------
// Configuration and case discovery

struct Config {
    psql: Psql,
    cli: Cli,
    selection: Selection,
    /// Per-case artifacts (emitted scripts, CLI stderr) go to `<artifacts>/<source>/<case>/`.
    artifacts: PathBuf,
    jobs: usize,
    known_failures: PathBuf,
    write_known_failures: bool,
}

impl Config {
    fn from_env(host: OsString) -> Result<Self, String> {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest
            .parent()
            .ok_or("cli crate has no parent directory")?;
        let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pg_roundtrip");
        if artifacts.exists() {
            fs::remove_dir_all(&artifacts)
                .map_err(|e| format!("cannot clean {}: {e}", artifacts.display()))?;
        }
        let bin = env::var_os("SCHEMASHIFT_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_schemashift")));
        let shared = env::var_os("SCHEMASHIFT_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared"));
        let corpus = env::var_os("PG_ROUNDTRIP_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| shared.join("corpus/postgres"));
        Ok(Config {
            psql: Psql {
                host,
                scripts: Scripts::new(manifest),
            },
            cli: Cli { bin },
            selection: Selection {
                own: root.join("core/tests/cases/postgres"),
                generated: (
                    Path::new(env!("CARGO_TARGET_TMPDIR")).join("pg_roundtrip_generated"),
                    env::var("PG_ROUNDTRIP_GENERATED")
                        .ok()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(GENERATED),
                ),
                corpus,
                filter: env::var("PG_ROUNDTRIP_FILTER").unwrap_or_default(),
                only: Source::parse_only(env::var("PG_ROUNDTRIP_ONLY").ok())?,
            },
            artifacts,
            jobs: jobs_from_env()?,
            known_failures: manifest.join(KNOWN_FAILURES_FILE),
            write_known_failures: env::var("PG_ROUNDTRIP_WRITE_KNOWN_FAILURES")
                .is_ok_and(|v| v == "1"),
        })
    }
}

fn jobs_from_env() -> Result<usize, String> {
    match env::var("PG_ROUNDTRIP_JOBS") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("bad PG_ROUNDTRIP_JOBS={v}")),
        Err(_) => Ok(thread::available_parallelism()
            .map_or(2, |n| n.get() * 2)
            .min(8)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Source {
    Own,
    Generated,
    Corpus,
}

impl Source {
    const ALL: [Source; 3] = [Source::Own, Source::Generated, Source::Corpus];

    fn label(self) -> &'static str {
        match self {
            Source::Own => "own",
            Source::Generated => "generated",
            Source::Corpus => "corpus",
        }
    }

    fn parse_only(value: Option<String>) -> Result<Option<Source>, String> {
        match value.as_deref() {
            None | Some("") => Ok(None),
            Some(v) => Source::ALL
                .into_iter()
                .find(|s| s.label() == v)
                .map(Some)
                .ok_or(format!(
                    "PG_ROUNDTRIP_ONLY must be own, generated or corpus, not {v:?}"
                )),
        }
    }
}

struct Case {
    source: Source,
    name: String,
    current: PathBuf,
    desired: PathBuf,
    setup: Option<PathBuf>,
}

impl Case {
    fn id(&self) -> String {
        format!("{}/{}", self.source.label(), self.name)
    }
}

struct Selection {
    own: PathBuf,
    /// Where the generated pairs are written, and how many.
    generated: (PathBuf, usize),
    corpus: PathBuf,
    filter: String,
    only: Option<Source>,
}

impl Selection {
    fn discover(&self) -> Result<Vec<Case>, String> {
        let mut cases = Vec::new();
        for source in Source::ALL {
            if self.only.is_some_and(|only| only != source) {
                continue;
            }
            let (dir, current, desired) = match source {
                Source::Own => (&self.own, "current.sql", "desired.sql"),
                Source::Generated => {
                    self.write_generated()?;
                    (&self.generated.0, "current.sql", "desired.sql")
                }
                Source::Corpus => (&self.corpus, "from.sql", "to.sql"),
            };
            // The own and generated cases always exist; the corpus must be there under CI.
            let required = source != Source::Corpus || env::var("CI").is_ok_and(|v| v == "true");
            if required && !dir.is_dir() {
                return Err(format!("no cases at {}", dir.display()));
            }
            for (name, path) in case_dirs(dir)? {
                let case = Case {
                    source,
                    name,
                    current: path.join(current),
                    desired: path.join(desired),
                    setup: Some(path.join("setup.sql")).filter(|p| p.is_file()),
                };
                if case.current.is_file()
                    && case.desired.is_file()
                    && case.id().contains(&self.filter)
                {
                    cases.push(case);
                }
            }
        }
        Ok(cases)
    }
}

impl Selection {
    /// The generated pairs as case folders `pairNNN/{current,desired}.sql`.
    fn write_generated(&self) -> Result<(), String> {
        let (dir, n) = &self.generated;
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("cannot clean {}: {e}", dir.display()))?;
        }
        let pairs = strategy::generated_pairs(schemashift::DialectKind::Postgres, *n, true);
        for (i, (current, desired)) in pairs.iter().enumerate() {
            let case = dir.join(format!("pair{i:03}"));
            fs::create_dir_all(&case)
                .and_then(|()| fs::write(case.join("current.sql"), current))
                .and_then(|()| fs::write(case.join("desired.sql"), desired))
                .map_err(|e| format!("cannot write {}: {e}", case.display()))?;
        }
        Ok(())
    }
}

/// Sorted subdirectories of `dir` (none when `dir` does not exist).
fn case_dirs(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    if !dir.is_dir() {
        println!("pg_roundtrip: no cases at {}", dir.display());
        return Ok(Vec::new());
    }
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut dirs: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter_map(|p| Some((p.file_name()?.to_str()?.to_owned(), p)))
        .collect();
    dirs.sort();
    Ok(dirs)
}

// ---------------------------------------------------------------------------
// psql

/// The helper SQL scripts, in `cli/tests/pg_roundtrip/`.
struct Scripts {
    seed: PathBuf,
    snapshot: PathBuf,
    reset: PathBuf,
}

impl Scripts {
    fn new(manifest: &Path) -> Self {
        let dir = manifest.join("tests/pg_roundtrip");
        Scripts {
            seed: dir.join("seed.sql"),
            snapshot: dir.join("snapshot.sql"),
            reset: dir.join("reset.sql"),
        }
    }
}

/// Runs `psql -X -q -At` against the cluster; errors are psql's stderr.
struct Psql {
    host: OsString,
    scripts: Scripts,
}

impl Psql {
    fn command(&self, db: &str, stop_on_error: bool) -> Command {
        let mut cmd = Command::new("psql");
        cmd.args(["-X", "-q", "-At", "-d", db, "-v"])
            .arg(if stop_on_error {
                "ON_ERROR_STOP=1"
            } else {
                "ON_ERROR_STOP=0"
            })
            .env("PGHOST", &self.host)
            .env("PGUSER", "postgres")
            .env(
                "PGOPTIONS",
                "-c client_min_messages=warning -c statement_timeout=60s",
            )
            .stdin(Stdio::null());
        cmd
    }

    fn run(mut cmd: Command) -> Result<String, String> {
        let output = cmd.output().map_err(|e| format!("cannot run psql: {e}"))?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }

    fn check(&self) -> Result<(), String> {
        self.exec("postgres", &["SELECT 1"])
            .map(drop)
            .map_err(|e| format!("cannot reach PostgreSQL at {:?}: {e}", self.host))
    }

    /// Runs each statement with its own `-c` (so each is its own transaction).
    fn exec(&self, db: &str, statements: &[&str]) -> Result<String, String> {
        let mut cmd = self.command(db, true);
        for statement in statements {
            cmd.arg("-c").arg(statement);
        }
        Self::run(cmd)
    }

    /// Runs a script file from its own directory, so errors read `psql:up.sql:3: ERROR: ..`.
    fn apply(&self, db: &str, script: &Path, stop_on_error: bool) -> Result<(), String> {
        let (Some(dir), Some(name)) = (script.parent(), script.file_name()) else {
            return Err(format!("bad script path {}", script.display()));
        };
        let mut cmd = self.command(db, stop_on_error);
        cmd.current_dir(dir).arg("-f").arg(name);
        Self::run(cmd).map(drop)
    }

    /// The output of a script file.
    fn query(&self, db: &str, script: &Path) -> Result<String, String> {
        let mut cmd = self.command(db, true);
        cmd.arg("-f").arg(script);
        Self::run(cmd)
    }

    /// Seeds (optionally) and snapshots `db` in one psql session.
    fn snapshot(&self, db: &str, seed: bool) -> Result<Snapshot, String> {
        let mut cmd = self.command(db, true);
        if seed {
            cmd.arg("-f").arg(&self.scripts.seed);
        }
        cmd.arg("-f").arg(&self.scripts.snapshot);
        Self::run(cmd)
            .map(|out| Snapshot::parse(&out))
            .map_err(|e| format!("snapshot of {db} failed: {e}"))
    }
}

/// The first line of a psql error that says what went wrong.
fn first_error_line(stderr: &str) -> &str {
    let mut lines = stderr.lines().filter(|l| !l.trim().is_empty());
    let first = lines.clone().next().unwrap_or("(no error output)");
    lines
        .find(|l| l.contains("ERROR:") || l.contains("FATAL:"))
        .unwrap_or(first)
}

/// `text` limited to `max` lines.
fn truncate_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = lines[..lines.len().min(max)].join("\n");
    if lines.len() > max {
        out.push_str(&format!("\n... {} more lines", lines.len() - max));
    }
    out
}

/// A scratch database, dropped again when this goes out of scope. Creating a
/// database is the slowest step of a case, so each worker reuses its databases and
/// [`Database::reset`]s them between cases.
struct Database<'a> {
    psql: &'a Psql,
    name: String,
}

impl<'a> Database<'a> {
    fn create(psql: &'a Psql, name: String) -> Result<Self, String> {
        let db = Database { psql, name };
        db.recreate()?;
        Ok(db)
    }

    fn drop_statement(&self) -> String {
        format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)
    }

    fn recreate(&self) -> Result<(), String> {
        let create = format!("CREATE DATABASE {} TEMPLATE template0", self.name);
        self.psql
            .exec("postgres", &[&self.drop_statement(), &create])
            .map(drop)
            .map_err(|e| format!("cannot create database {}: {e}", self.name))
    }

    /// Back to the state of a new database: `reset.sql` drops the usual user objects
    /// and lists what it could not; then the database is created anew.
    fn reset(&self) -> Result<(), String> {
        match self.psql.query(&self.name, &self.psql.scripts.reset) {
            Ok(leftovers) if leftovers.trim().is_empty() => Ok(()),
            _ => self.recreate(),
        }
    }

    /// Runs `setup` (errors tolerated: roles are cluster-wide, so "already exists" is
    /// expected), then `schema`; the error names the file that does not apply.
    fn build(&self, setup: Option<&Path>, schema: &Path) -> Result<(), String> {
        if let Some(setup) = setup {
            let _ = self.psql.apply(&self.name, setup, false);
        }
        self.psql.apply(&self.name, schema, true).map_err(|e| {
            let file = schema.file_name().unwrap_or_default().to_string_lossy();
            format!("{file} does not apply: {}", first_error_line(&e))
        })
    }

    fn apply(&self, script: &Path) -> Result<(), String> {
        self.psql.apply(&self.name, script, true)
    }

    fn snapshot(&self, seed: bool) -> Result<Snapshot, String> {
        self.psql.snapshot(&self.name, seed)
    }
}

impl Drop for Database<'_> {
    fn drop(&mut self) {
        if let Err(e) = self.psql.exec("postgres", &[&self.drop_statement()]) {
            eprintln!("pg_roundtrip: cannot drop database {}: {e}", self.name);
        }
    }
}

// ---------------------------------------------------------------------------
// Catalog snapshots

/// The catalog of one database as a set of lines, plus the row count of every table.
struct Snapshot {
    catalog: BTreeSet<String>,
    rows: BTreeMap<String, u64>,
}

impl Snapshot {
    fn parse(output: &str) -> Self {
        let mut snapshot = Snapshot {
            catalog: BTreeSet::new(),
            rows: BTreeMap::new(),
        };
        for line in output.lines().filter(|l| !l.is_empty()) {
            let counted = line
                .strip_prefix(ROWS_PREFIX)
                .and_then(|rest| rest.rsplit_once(' '));
            match counted.and_then(|(table, n)| Some((table, n.parse().ok()?))) {
                Some((table, n)) => {
                    snapshot.rows.insert(table.to_owned(), n);
                }
                None => {
                    snapshot.catalog.insert(line.to_owned());
                }
            }
        }
        snapshot
    }

    /// Lines missing from (`-`) or extra in (`+`) `got`, with `self` as the expectation.
    fn diff(&self, got: &Snapshot) -> Option<String> {
        let missing = self.catalog.difference(&got.catalog).map(|l| (l, '-'));
        let extra = got.catalog.difference(&self.catalog).map(|l| (l, '+'));
        let mut changes: Vec<(&String, char)> = missing.chain(extra).collect();
        changes.sort();
        let lines: Vec<String> = changes
            .into_iter()
            .map(|(line, sign)| format!("{sign} {line}"))
            .collect();
        (!lines.is_empty()).then(|| truncate_lines(&lines.join("\n"), MAX_DIFF_LINES))
    }

    /// Row-count changes between `self` and `after` for the tables that also exist in `target`.
    fn row_changes(&self, after: &Snapshot, target: &Snapshot) -> Option<String> {
        let changes: Vec<String> = self
            .rows
            .iter()
            .filter(|(table, _)| target.rows.contains_key(*table))
            .filter_map(|(table, &before)| {
                let now = after.rows.get(table).copied();
                (now != Some(before)).then(|| {
                    let now = now.map_or("(gone)".to_owned(), |n| n.to_string());
                    format!("{table}: {before} rows before, {now} after")
                })
            })
            .collect();
        (!changes.is_empty()).then(|| truncate_lines(&changes.join("\n"), MAX_DIFF_LINES))
    }

    fn has_rows(&self) -> bool {
        self.rows.values().any(|&n| n > 0)
    }

    fn seeded(&self) -> Seeded {
        Seeded {
            tables: self.rows.len(),
            seeded: self.rows.values().filter(|&&n| n > 0).count(),
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Seeded {
    tables: usize,
    seeded: usize,
}

// ---------------------------------------------------------------------------
// The CLI under test

struct Cli {
    bin: PathBuf,
}

impl Cli {
    /// Runs `schemashift diff` for one direction; the script lands in `out_dir`.
    fn diff(&self, case: &Case, dir: Dir, out_dir: &Path) -> Result<PathBuf, Failure> {
        let fail = |detail: String| Failure::new(Category::Cli(dir), detail);
        let script = out_dir.join(format!("{dir}.sql"));
        let stderr_path = out_dir.join(format!("{dir}.stderr"));
        let create =
            |path: &Path| File::create(path).map_err(|e| fail(format!("{}: {e}", path.display())));
        let mut cmd = Command::new(&self.bin);
        cmd.arg("diff").arg(&case.current).arg(&case.desired);
        // Renames a case gives as options (`renames.txt` beside its files).
        if let Some(folder) = case.current.parent() {
            let specs = fs::read_to_string(folder.join("renames.txt")).unwrap_or_default();
            for spec in specs.lines().filter(|l| !l.trim().is_empty()) {
                cmd.arg("--rename").arg(spec.trim());
            }
            // Safe alternatives (`safety.txt`: the CLI flags without dashes).
            let safety = fs::read_to_string(folder.join("safety.txt")).unwrap_or_default();
            for flag in safety.split_whitespace() {
                cmd.arg(format!("--{flag}"));
            }
        }
        if dir == Dir::Down {
            cmd.arg("--down");
        }
        cmd.stdin(Stdio::null())
            .stdout(create(&script)?)
            .stderr(create(&stderr_path)?);
        let child = cmd
            .spawn()
            .map_err(|e| fail(format!("cannot run {}: {e}", self.bin.display())))?;
        let status = wait_with_timeout(child, CLI_TIMEOUT).map_err(fail)?;
        if status.success() {
            return Ok(script);
        }
        let stderr = fs::read_to_string(&stderr_path).unwrap_or_default();
        Err(fail(format!(
            "{status}\n{}",
            truncate_lines(stderr.trim(), MAX_ERROR_LINES)
        )))
    }
}

fn wait_with_timeout(mut child: Child, timeout: Duration) -> Result<ExitStatus, String> {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", timeout.as_secs()));
            }
            Err(e) => return Err(format!("cannot wait for the CLI: {e}")),
        }
    }
}

// ---------------------------------------------------------------------------
// Running one case

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Dir {
    Up,
    Down,
}

impl fmt::Display for Dir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dir::Up => "up",
            Dir::Down => "down",
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Category {
    /// An own case whose schema files do not apply.
    Input,
    /// Infrastructure trouble (database creation, snapshot query).
    Runner,
    Cli(Dir),
    Apply(Dir),
    Mismatch(Dir),
    Rows(Dir),
}

impl Category {
    fn dir(self) -> Option<Dir> {
        match self {
            Category::Input | Category::Runner => None,
            Category::Cli(d) | Category::Apply(d) | Category::Mismatch(d) | Category::Rows(d) => {
                Some(d)
            }
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Category::Input => f.write_str("input"),
            Category::Runner => f.write_str("runner"),
            Category::Cli(_) => f.write_str("cli-error"),
            Category::Apply(d) => write!(f, "{d}-apply"),
            Category::Mismatch(d) => write!(f, "{d}-mismatch"),
            Category::Rows(d) => write!(f, "{d}-rows"),
        }
    }
}

struct Failure {
    category: Category,
    detail: String,
    /// An apply failure that goes away when the tables are empty.
    rows_only: bool,
}

impl Failure {
    fn new(category: Category, detail: String) -> Self {
        Failure {
            category,
            detail,
            rows_only: false,
        }
    }

    fn heading(&self) -> String {
        match self.category {
            Category::Cli(dir) => format!("{} ({dir})", self.category),
            category => category.to_string(),
        }
    }
}

enum Outcome {
    Skipped(String),
    Ran {
        seeded: Seeded,
        failures: Vec<Failure>,
        /// Steps that fail only on the seeded rows, where the CLI reported the data-dependent
        /// hazard that explains it (and the step is right on empty tables): passes.
        hazards: Vec<String>,
    },
}

impl Outcome {
    fn failure(category: Category, detail: String) -> Self {
        Outcome::Ran {
            seeded: Seeded::default(),
            failures: vec![Failure::new(category, detail)],
            hazards: Vec::new(),
        }
    }

    fn failures(&self) -> &[Failure] {
        match self {
            Outcome::Skipped(_) => &[],
            Outcome::Ran { failures, .. } => failures,
        }
    }

    fn skipped(&self) -> bool {
        matches!(self, Outcome::Skipped(_))
    }

    fn failed(&self) -> bool {
        !self.failures().is_empty()
    }

    fn passed(&self) -> bool {
        !self.skipped() && !self.failed()
    }

    fn runner_trouble(&self) -> bool {
        self.failures()
            .iter()
            .any(|f| f.category == Category::Runner)
    }

    fn passes(&self, dir: Dir) -> bool {
        !self.skipped()
            && !self
                .failures()
                .iter()
                .any(|f| f.category.dir().is_none_or(|d| d == dir))
    }

    fn categories(&self) -> String {
        let categories: BTreeSet<String> = self
            .failures()
            .iter()
            .map(|f| f.category.to_string())
            .collect();
        categories.into_iter().collect::<Vec<_>>().join(", ")
    }
}

/// One worker thread: runs cases one after the other on its own two databases.
struct Worker<'a> {
    config: &'a Config,
    db_prefix: String,
    from: Database<'a>,
    to: Database<'a>,
}

impl<'a> Worker<'a> {
    fn new(config: &'a Config, index: usize) -> Result<Self, String> {
        let db_prefix = format!("ssrt_{}_{index}", std::process::id());
        let database =
            |suffix: &str| Database::create(&config.psql, format!("{db_prefix}_{suffix}"));
        Ok(Worker {
            config,
            from: database("from")?,
            to: database("to")?,
            db_prefix,
        })
    }

    fn run_case(&self, case: &Case) -> Outcome {
        let artifacts = self
            .config
            .artifacts
            .join(case.source.label())
            .join(&case.name);
        let ready = fs::create_dir_all(&artifacts)
            .map_err(|e| format!("cannot create {}: {e}", artifacts.display()))
            .and_then(|()| self.from.reset())
            .and_then(|()| self.to.reset());
        if let Err(e) = ready {
            return Outcome::failure(Category::Runner, e);
        }
        let built = self
            .from
            .build(case.setup.as_deref(), &case.current)
            .and_then(|()| self.to.build(case.setup.as_deref(), &case.desired));
        if let Err(reason) = built {
            return match case.source {
                Source::Own | Source::Generated => Outcome::failure(Category::Input, reason),
                Source::Corpus => Outcome::Skipped(reason),
            };
        }
        let run = RoundTrip {
            config: self.config,
            case,
            probe: format!("{}_probe", self.db_prefix),
        };
        run.run(&self.from, &self.to, &artifacts)
            .unwrap_or_else(|e| Outcome::failure(Category::Runner, e))
    }
}

/// One case against its databases F (`from`, built from the current schema) and T
/// (`to`, built from the desired schema). `Err` means infrastructure trouble.
struct RoundTrip<'a> {
    config: &'a Config,
    case: &'a Case,
    /// Name for a scratch database, see [`RoundTrip::applies_without_rows`].
    probe: String,
}

impl RoundTrip<'_> {
    /// UP on the seeded F (must end up like T), then DOWN (must end up like F was).
    /// DOWN continues on F when UP passed, otherwise it starts from a seeded T.
    fn run(&self, from: &Database, to: &Database, artifacts: &Path) -> Result<Outcome, String> {
        let cli = &self.config.cli;
        let up_script = cli.diff(self.case, Dir::Up, artifacts);
        let down_script = cli.diff(self.case, Dir::Down, artifacts);
        let current = from.snapshot(true)?;
        let desired = to.snapshot(false)?;
        let mut failures = Vec::new();
        let mut hazards = Vec::new();

        // Renamed columns must keep their values (the scripts are schemashift's own).
        let renamed = up_script
            .as_ref()
            .map(|script| renamed_columns(&fs::read_to_string(script).unwrap_or_default()))
            .unwrap_or_default();
        let counts_before = count_values(from, &renamed, false);

        let after_up = match up_script {
            Ok(script) => self.migrate(
                from,
                &script,
                Dir::Up,
                (&current, &desired),
                &mut failures,
                &mut hazards,
            )?,
            Err(failure) => {
                failures.push(failure);
                None
            }
        };
        let up_passed = after_up.is_some();
        if up_passed && count_values(from, &renamed, true) != counts_before {
            failures.push(Failure::new(
                Category::Rows(Dir::Up),
                format!("a renamed column lost values: {renamed:?}"),
            ));
        }
        match down_script {
            Ok(script) => {
                let (db, start) = match after_up {
                    Some(snapshot) => (from, snapshot),
                    None => (to, to.snapshot(true)?),
                };
                let down_ok = self
                    .migrate(
                        db,
                        &script,
                        Dir::Down,
                        (&start, &current),
                        &mut failures,
                        &mut hazards,
                    )?
                    .is_some();
                if up_passed && down_ok && count_values(from, &renamed, false) != counts_before {
                    failures.push(Failure::new(
                        Category::Rows(Dir::Down),
                        format!("a renamed column lost values after DOWN: {renamed:?}"),
                    ));
                }
            }
            Err(failure) => failures.push(failure),
        }
        Ok(Outcome::Ran {
            seeded: current.seeded(),
            failures,
            hazards,
        })
    }

    /// Applies one migration to `db` and checks the result against `target`; returns
    /// the new snapshot when the step passed.
    fn migrate(
        &self,
        db: &Database,
        script: &Path,
        dir: Dir,
        (before, target): (&Snapshot, &Snapshot),
        failures: &mut Vec<Failure>,
        hazards: &mut Vec<String>,
    ) -> Result<Option<Snapshot>, String> {
        if let Err(e) = db.apply(script) {
            let mut failure =
                Failure::new(Category::Apply(dir), truncate_lines(&e, MAX_ERROR_LINES));
            let empty = if before.has_rows() {
                self.without_rows(dir, script)?
            } else {
                None
            };
            failure.rows_only = empty.is_some();
            let explained = data_hazard(script);
            let on_empty = empty.as_ref().and_then(|after| target.diff(after));
            if let (Some(_), Some(code), None) = (&empty, &explained, &on_empty) {
                hazards.push(format!(
                    "{dir:?} fails only on the seeded rows, as hazard {code} warns; right on empty tables"
                ));
                return Ok(None);
            }
            if failure.rows_only {
                failure.detail.push_str("\n(the script applies when the tables are empty: only the seeded rows break it)");
            }
            if let Some(mismatch) = on_empty {
                failure
                    .detail
                    .push_str("\n(on empty tables it applies, but the result differs:)\n");
                failure
                    .detail
                    .push_str(&truncate_lines(&mismatch, MAX_ERROR_LINES));
            }
            failures.push(failure);
            return Ok(None);
        }
        let after = db.snapshot(false)?;
        let checks = [
            (Category::Mismatch(dir), target.diff(&after)),
            (Category::Rows(dir), before.row_changes(&after, target)),
        ];
        let found = failures.len();
        failures.extend(
            checks
                .into_iter()
                .filter_map(|(category, detail)| Some(Failure::new(category, detail?))),
        );
        Ok((failures.len() == found).then_some(after))
    }

    /// The catalog after `script` on a fresh, empty database built from its start schema,
    /// if it applies there.
    fn without_rows(&self, dir: Dir, script: &Path) -> Result<Option<Snapshot>, String> {
        let probe = Database::create(&self.config.psql, self.probe.clone())?;
        let start = match dir {
            Dir::Up => &self.case.current,
            Dir::Down => &self.case.desired,
        };
        probe.build(self.case.setup.as_deref(), start)?;
        if probe.apply(script).is_err() {
            return Ok(None);
        }
        probe.snapshot(false).map(Some)
    }
}

/// (table, column) before and after each `RENAME` of an UP script, following table renames.
type Renamed = Vec<((String, String), (String, String))>;

fn renamed_columns(script: &str) -> Renamed {
    let mut tables: Vec<(String, String)> = Vec::new();
    let mut out = Vec::new();
    for line in script.lines() {
        let Some(rest) = line.strip_prefix("ALTER TABLE ") else {
            continue;
        };
        let words: Vec<&str> = rest.trim_end_matches(';').split(' ').collect();
        match words.as_slice() {
            [t, "RENAME", "TO", n] => tables.push((t.to_string(), n.to_string())),
            [t, "RENAME", "COLUMN", a, "TO", b] => {
                let old_table = tables
                    .iter()
                    .find(|(_, n)| n == t)
                    .map(|(o, _)| o.clone())
                    .unwrap_or_else(|| t.to_string());
                out.push(((old_table, a.to_string()), (t.to_string(), b.to_string())));
            }
            _ => {}
        }
    }
    out
}

/// Non-NULL values of each renamed column, under its old (or new) name.
fn count_values(db: &Database, renamed: &Renamed, new: bool) -> Vec<String> {
    renamed
        .iter()
        .map(|(old, renamed_to)| {
            let (t, c) = if new { renamed_to } else { old };
            db.psql
                .exec(&db.name, &[&format!("SELECT count({c}) FROM {t}")])
                .unwrap_or_else(|e| e)
                .trim()
                .to_string()
        })
        .collect()
}

/// A data-dependent hazard code among the CLI's warnings for `script` (its `.stderr` beside it).
fn data_hazard(script: &Path) -> Option<String> {
    const CODES: &[&str] = &[
        "add_not_null_column",
        "set_not_null",
        "change_type",
        "narrow_type",
        "add_unique",
        "add_check",
        "add_foreign_key",
        "drop_enum_value",
    ];
    let stderr = fs::read_to_string(script.with_extension("stderr")).ok()?;
    stderr.lines().find_map(|l| {
        let code = l
            .strip_prefix("warning: ")?
            .rsplit_once(" [")?
            .1
            .strip_suffix(']')?;
        CODES.contains(&code).then(|| code.to_string())
    })
}

/// Runs all cases on `config.jobs` threads, printing each outcome in case order.
fn run_all(config: &Config, cases: &[Case]) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    let mut outcomes: Vec<Option<Outcome>> = cases.iter().map(|_| None).collect();
    thread::scope(|scope| {
        for worker in 0..config.jobs.min(cases.len()) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                let worker = Worker::new(config, worker);
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(index) else { break };
                    let outcome = match &worker {
                        Ok(worker) => worker.run_case(case),
                        Err(e) => Outcome::failure(Category::Runner, e.clone()),
                    };
                    if sender.send((index, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut printed = 0;
        for (index, outcome) in receiver {
            outcomes[index] = Some(outcome);
            while let Some(Some(outcome)) = outcomes.get(printed) {
                print_outcome(&cases[printed], outcome);
                printed += 1;
            }
        }
    });
    outcomes
        .into_iter()
        .map(|o| o.expect("every case ran"))
        .collect()
}

fn print_outcome(case: &Case, outcome: &Outcome) {
    let id = case.id();
    match outcome {
        Outcome::Skipped(reason) => println!("SKIP {id} ({reason})"),
        Outcome::Ran {
            seeded,
            failures,
            hazards,
        } => {
            let seeded = format!("(seeded {}/{} tables)", seeded.seeded, seeded.tables);
            if failures.is_empty() {
                println!("PASS {id} {seeded}");
                for h in hazards {
                    println!("    {h}");
                }
                return;
            }
            println!("FAIL {id} [{}] {seeded}", outcome.categories());
            for failure in failures {
                println!("    {}:", failure.heading());
                for line in failure.detail.lines() {
                    println!("      {line}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Summary and known failures

#[derive(Default)]
struct SourceStats {
    cases: usize,
    skipped: usize,
    up: usize,
    down: usize,
    seeded: Seeded,
    categories: BTreeMap<String, usize>,
    /// Apply failures that only the seeded rows cause.
    rows_only: usize,
}

impl SourceStats {
    fn add(&mut self, outcome: &Outcome) {
        self.cases += 1;
        let Outcome::Ran { seeded, .. } = outcome else {
            self.skipped += 1;
            return;
        };
        self.up += usize::from(outcome.passes(Dir::Up));
        self.down += usize::from(outcome.passes(Dir::Down));
        self.seeded.tables += seeded.tables;
        self.seeded.seeded += seeded.seeded;
        let categories: BTreeSet<String> = outcome
            .failures()
            .iter()
            .map(|f| f.category.to_string())
            .collect();
        for category in categories {
            *self.categories.entry(category).or_default() += 1;
        }
        self.rows_only += outcome.failures().iter().filter(|f| f.rows_only).count();
    }

    fn print(&self, source: Source) {
        let ran = self.cases - self.skipped;
        let rate = |n: usize| format!("{n}/{ran} ({:.1}%)", percent(n, ran));
        println!(
            "{:<7} {} cases, {} skipped; UP {}, DOWN {}; seeded {}/{} tables",
            format!("{}:", source.label()),
            self.cases,
            self.skipped,
            rate(self.up),
            rate(self.down),
            self.seeded.seeded,
            self.seeded.tables
        );
        if !self.categories.is_empty() {
            let list: Vec<String> = self
                .categories
                .iter()
                .map(|(c, n)| format!("{c} {n}"))
                .collect();
            println!("        failures by category: {}", list.join(", "));
        }
        if self.rows_only > 0 {
            println!(
                "        {} of the apply failures go away when the tables are empty",
                self.rows_only
            );
        }
    }
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

struct Summary<'a> {
    cases: &'a [Case],
    outcomes: &'a [Outcome],
}

struct Verdict {
    /// Failing own cases and cases with runner trouble.
    broken: usize,
    unexpected_corpus_failures: usize,
}

impl<'a> Summary<'a> {
    fn new(cases: &'a [Case], outcomes: &'a [Outcome]) -> Self {
        Summary { cases, outcomes }
    }

    fn pairs(&self) -> impl Iterator<Item = (&'a Case, &'a Outcome)> {
        self.cases.iter().zip(self.outcomes)
    }

    fn print(&self, known: &KnownFailures) -> Verdict {
        println!("\n== pg_roundtrip summary ==");
        for source in Source::ALL {
            let mut stats = SourceStats::default();
            self.pairs()
                .filter(|(c, _)| c.source == source)
                .for_each(|(_, o)| stats.add(o));
            if stats.cases > 0 {
                stats.print(source);
            }
        }
        let corpus = |c: &Case| c.source == Source::Corpus;
        let now_passing = self.ids(|c, o| corpus(c) && o.passed() && known.contains(&c.name));
        let unexpected = self.ids(|c, o| corpus(c) && o.failed() && !known.contains(&c.name));
        let broken = self.ids(|c, o| (!corpus(c) && o.failed()) || o.runner_trouble());
        print_list("now passing: remove from known failures", &now_passing);
        print_list("corpus failures not in known failures", &unexpected);
        print_list("known failures naming no corpus case", &known.stale());
        print_list(
            "own cases failing or runner trouble (always an error)",
            &broken,
        );
        let passed = self.outcomes.iter().filter(|o| o.passed()).count();
        let skipped = self.outcomes.iter().filter(|o| o.skipped()).count();
        let failed = self.outcomes.len() - passed - skipped;
        let known_failed = self
            .ids(|c, o| corpus(c) && o.failed() && known.contains(&c.name))
            .len();
        // Not the plain "N passed, N failed" form: known corpus failures do not fail the step,
        // and scripts/test.sh prints the closing line for the whole run.
        println!(
            "pg_roundtrip cases: {passed} passed, {known_failed} known failures, {} new failures, {skipped} skipped",
            failed - known_failed
        );
        Verdict {
            broken: broken.len(),
            unexpected_corpus_failures: unexpected.len(),
        }
    }

    fn ids(&self, pick: impl Fn(&Case, &Outcome) -> bool) -> Vec<String> {
        self.pairs()
            .filter(|(c, o)| pick(c, o))
            .map(|(c, _)| c.id())
            .collect()
    }
}

fn print_list(title: &str, items: &[String]) {
    if !items.is_empty() {
        println!("{title} ({}):", items.len());
        for item in items {
            println!("    {item}");
        }
    }
}

/// `cli/tests/pg_corpus_known_failures.txt`: corpus case names, one per line, `#` comments.
struct KnownFailures {
    path: PathBuf,
    corpus: PathBuf,
    /// Case name -> its line as written.
    entries: BTreeMap<String, String>,
}

impl KnownFailures {
    const HEADER: &'static str = "\
# Corpus cases (../shared/corpus/postgres) known to fail the PostgreSQL round trip
# (cli/tests/pg_roundtrip.rs). One case name per line; '#' starts a comment.
# Regenerate: PG_ROUNDTRIP_WRITE_KNOWN_FAILURES=1 scripts/test.sh (or cargo test -p
# schemashift-cli --test pg_roundtrip with SCHEMASHIFT_PGHOST set).
";

    fn load(path: &Path, corpus: &Path) -> Result<Self, String> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let entries = text
            .lines()
            .filter_map(|line| {
                let name = line.split('#').next().unwrap_or_default().trim();
                (!name.is_empty()).then(|| (name.to_owned(), line.trim().to_owned()))
            })
            .collect();
        Ok(KnownFailures {
            path: path.to_owned(),
            corpus: corpus.to_owned(),
            entries,
        })
    }

    fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    fn exists(&self, name: &str) -> bool {
        self.corpus.join(name).is_dir()
    }

    /// Entries that name no corpus case (renamed or removed cases).
    fn stale(&self) -> Vec<String> {
        self.entries
            .keys()
            .filter(|name| !self.exists(name))
            .cloned()
            .collect()
    }

    /// Current corpus failures, plus the old entries of corpus cases that did not run.
    fn rewrite(&self, cases: &[Case], outcomes: &[Outcome]) -> Result<(), String> {
        let ran: BTreeSet<&str> = cases
            .iter()
            .filter(|c| c.source == Source::Corpus)
            .map(|c| c.name.as_str())
            .collect();
        let mut entries: BTreeMap<&str, String> = self
            .entries
            .iter()
            .filter(|(name, _)| !ran.contains(name.as_str()) && self.exists(name))
            .map(|(n, l)| (n.as_str(), l.clone()))
            .collect();
        for (case, outcome) in cases.iter().zip(outcomes) {
            if case.source == Source::Corpus && outcome.failed() && !outcome.runner_trouble() {
                entries.insert(
                    &case.name,
                    format!("{}  # {}", case.name, outcome.categories()),
                );
            }
        }
        let mut text = Self::HEADER.to_owned();
        for line in entries.values() {
            text.push_str(line);
            text.push('\n');
        }
        fs::write(&self.path, text)
            .map_err(|e| format!("cannot write {}: {e}", self.path.display()))
    }
}
