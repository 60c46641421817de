//! Round trip on a real MariaDB server: proves that the migrations `schemashift diff
//! --dialect mariadb` emits turn one schema into the other, in both directions, without
//! losing rows.
//!
//! For every case two databases are built: F from the current schema and T from the desired
//! one. F is seeded with a row per table, UP is applied to F and F's catalog must then equal
//! T's; DOWN must bring F back to the catalog it started with. Tables on both sides keep their
//! rows. The server is driven through the `mariadb` client only; the catalog is read from
//! `information_schema` (columns, statistics, table_constraints, referential_constraints,
//! key_column_usage, check_constraints, tables, views, triggers, routines and their parameters,
//! events).
//!
//! Cases: `core/tests/cases/{mysql,mariadb}/<name>/{current,desired}.sql` (own, must pass) and
//! `../shared/corpus/mysql/<Case>/{from,to}.sql` (failures must be listed in
//! `cli/tests/mysql_corpus_known_failures.txt`). Corpus cases marked for MySQL only
//! (`"flavor": "mysql"` or `"!mariadb"` in `meta.json`), and cases whose files MariaDB does not
//! load, are skipped and counted.
//!
//! Run: `bash scripts/test.sh` (starts a private server), or against a server of your own:
//! `eval "$(scripts/mariadb.sh start /tmp/ss-my)"` then
//! `cargo test -p schemashift-cli --test mysql_roundtrip`.
//!
//! Environment: `SCHEMASHIFT_MYSQL_SOCKET` (the server's socket; without it the test is
//! skipped, but fails under `CI=true` unless `MYSQL_ROUNDTRIP_SKIP=1`),
//! `MYSQL_ROUNDTRIP_FILTER=substring`, `MYSQL_ROUNDTRIP_WRITE_KNOWN_FAILURES=1`,
//! `SCHEMASHIFT_SHARED` (default `../shared`), `SCHEMASHIFT_BIN`.
//! Per-case scripts are kept under `target/tmp/mysql_roundtrip/<source>/<case>/`.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const KNOWN_FAILURES_FILE: &str = "tests/mysql_corpus_known_failures.txt";
const DIALECT: &str = "mariadb";

fn main() -> ExitCode {
    if env::args().any(|a| a == "--list") {
        println!("mysql_roundtrip: test");
        return ExitCode::SUCCESS;
    }
    let Some(socket) = env::var("SCHEMASHIFT_MYSQL_SOCKET")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        let is_set = |n: &str, v: &str| env::var(n).is_ok_and(|x| x == v);
        if is_set("CI", "true") && !is_set("MYSQL_ROUNDTRIP_SKIP", "1") {
            eprintln!("mysql_roundtrip: SCHEMASHIFT_MYSQL_SOCKET is not set, but CI=true requires the round trip");
            return ExitCode::FAILURE;
        }
        println!("mysql_roundtrip: skipped (no SCHEMASHIFT_MYSQL_SOCKET; scripts/test.sh starts a private server)");
        return ExitCode::SUCCESS;
    };
    match run(Server { socket }) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mysql_roundtrip: {e}");
            ExitCode::from(2)
        }
    }
}

struct Server {
    socket: String,
}

impl Server {
    fn command(&self, db: Option<&str>) -> Command {
        let mut cmd = Command::new("mariadb");
        cmd.arg("--no-defaults")
            .arg(format!("--socket={}", self.socket))
            .args(["-uroot", "-N", "-B", "--raw"]);
        if let Some(db) = db {
            cmd.arg(db);
        }
        cmd
    }

    /// Runs SQL text; returns stdout, or the first error line.
    fn run(&self, db: Option<&str>, sql: &str) -> Result<String, String> {
        let mut child = self
            .command(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run mariadb: {e}"))?;
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(sql.as_bytes())
            .map_err(|e| e.to_string())?;
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            let err = String::from_utf8_lossy(&out.stderr);
            let mut lines = err.lines().filter(|l| !l.trim().is_empty());
            let first = lines.clone().next().unwrap_or("(no error output)");
            Err(lines
                .find(|l| l.starts_with("ERROR"))
                .unwrap_or(first)
                .to_string())
        }
    }

    fn recreate(&self, db: &str) -> Result<(), String> {
        self.run(
            None,
            &format!("DROP DATABASE IF EXISTS {db}; CREATE DATABASE {db} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;"),
        )
        .map(drop)
    }

    fn tables(&self, db: &str) -> Result<Vec<String>, String> {
        let out = self.run(
            None,
            &format!("SELECT table_name FROM information_schema.tables WHERE table_schema = '{db}' AND table_type = 'BASE TABLE' ORDER BY 1;"),
        )?;
        Ok(out.lines().map(str::to_string).collect())
    }

    /// One row per table, values chosen by column type; rows that do not fit are left out.
    fn seed(&self, db: &str) -> Result<(), String> {
        let q = format!(
            "SELECT table_name, column_name, data_type, column_type, character_maximum_length \
             FROM information_schema.columns WHERE table_schema = '{db}' \
             AND extra NOT LIKE '%GENERATED%' AND extra NOT LIKE '%auto_increment%' \
             ORDER BY table_name, ordinal_position;"
        );
        let out = self.run(None, &q)?;
        let mut by_table: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for line in out.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            let value = seed_value(f[2], f[3], f[4].parse().unwrap_or(0));
            by_table
                .entry(f[0].to_string())
                .or_default()
                .push((f[1].to_string(), value));
        }
        for table in self.tables(db)? {
            let cols = by_table.remove(&table).unwrap_or_default();
            let names: Vec<String> = cols.iter().map(|(c, _)| format!("`{c}`")).collect();
            let values: Vec<&str> = cols.iter().map(|(_, v)| v.as_str()).collect();
            let sql = format!(
                "SET foreign_key_checks = 0; INSERT INTO `{table}` ({}) VALUES ({});",
                names.join(", "),
                values.join(", ")
            );
            let _ = self.run(Some(db), &sql);
        }
        Ok(())
    }

    /// The catalog as lines (the database's name replaced by `DB`) and row counts.
    fn snapshot(&self, db: &str) -> Result<Snapshot, String> {
        let w = format!("table_schema = '{db}'");
        let queries = [
            format!("SELECT CONCAT_WS('|', 'table', table_name, table_type, engine, table_collation, table_comment) FROM information_schema.tables WHERE {w};"),
            format!("SELECT CONCAT_WS('|', 'column', table_name, column_name, column_type, is_nullable, IFNULL(column_default, '<none>'), REPLACE(extra, 'DEFAULT_GENERATED', ''), IFNULL(character_set_name, '-'), IFNULL(collation_name, '-'), column_comment, IFNULL(generation_expression, '-')) FROM information_schema.columns WHERE {w};"),
            format!("SELECT CONCAT_WS('|', 'index', table_name, index_name, non_unique, seq_in_index, column_name, IFNULL(sub_part, '-'), index_type, index_comment) FROM information_schema.statistics WHERE {w};"),
            format!("SELECT CONCAT_WS('|', 'constraint', table_name, constraint_name, constraint_type) FROM information_schema.table_constraints WHERE constraint_schema = '{db}';"),
            format!("SELECT CONCAT_WS('|', 'fk', table_name, constraint_name, referenced_table_name, update_rule, delete_rule) FROM information_schema.referential_constraints WHERE constraint_schema = '{db}';"),
            format!("SELECT CONCAT_WS('|', 'key_column', table_name, constraint_name, column_name, ordinal_position, IFNULL(referenced_table_name, '-'), IFNULL(referenced_column_name, '-')) FROM information_schema.key_column_usage WHERE constraint_schema = '{db}';"),
            format!("SELECT CONCAT_WS('|', 'check', table_name, constraint_name, check_clause) FROM information_schema.check_constraints WHERE constraint_schema = '{db}';"),
            format!("SELECT CONCAT_WS('|', 'view', table_name, view_definition, check_option, security_type, algorithm) FROM information_schema.views WHERE {w};"),
            format!("SELECT CONCAT_WS('|', 'trigger', trigger_name, event_manipulation, event_object_table, action_timing, action_statement) FROM information_schema.triggers WHERE trigger_schema = '{db}';"),
            format!("SELECT CONCAT_WS('|', 'routine', routine_name, routine_type, routine_definition, IFNULL(dtd_identifier, '-'), is_deterministic, sql_data_access, security_type, routine_comment) FROM information_schema.routines WHERE routine_schema = '{db}';"),
            format!("SELECT CONCAT_WS('|', 'parameter', specific_name, ordinal_position, IFNULL(parameter_mode, '-'), IFNULL(parameter_name, '-'), dtd_identifier) FROM information_schema.parameters WHERE specific_schema = '{db}';"),
            // A start time the server gives an `EVERY` schedule written without one is not
            // compared.
            format!("SELECT CONCAT_WS('|', 'event', event_name, event_definition, event_type, IFNULL(execute_at, '-'), IFNULL(interval_value, '-'), IFNULL(interval_field, '-'), status, on_completion, event_comment) FROM information_schema.events WHERE event_schema = '{db}';"),
        ];
        let out = self.run(None, &queries.join("\n"))?;
        let catalog = out
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.replace(&format!("`{db}`."), "").replace(db, "DB"))
            .collect();
        let mut rows = BTreeMap::new();
        let tables = self.tables(db)?;
        if !tables.is_empty() {
            let counts: Vec<String> = tables
                .iter()
                .map(|t| format!("SELECT '{t}', COUNT(*) FROM `{t}`;"))
                .collect();
            for line in self.run(Some(db), &counts.join("\n"))?.lines() {
                if let Some((t, n)) = line.split_once('\t') {
                    rows.insert(t.to_string(), n.parse().unwrap_or(0));
                }
            }
        }
        Ok(Snapshot { catalog, rows })
    }
}

/// The statements of a schema file, each ended with `$$` under `DELIMITER $$`, so that the
/// client keeps trigger and routine bodies (`BEGIN .. END` with `;` inside) whole.
fn with_delimiter(text: &str) -> String {
    // A dump with its own `DELIMITER ;;` blocks is read by the client as it is.
    let delimiter_line = |l: &str| {
        let t = l.trim_start();
        t.len() > 10 && t[..10].eq_ignore_ascii_case("delimiter ")
    };
    if text.lines().any(delimiter_line) {
        return text.to_string();
    }
    let mut out = String::from("DELIMITER $$\n");
    let mut stmt = String::new();
    let (mut depth, mut quote, mut prev_end) = (0i32, None::<char>, false);
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let flush_word = |word: &mut String, depth: &mut i32, prev_end: &mut bool| {
        let w = word.to_ascii_lowercase();
        if !w.is_empty() {
            if w == "begin" {
                *depth += 1;
            } else if w == "end" {
                *depth -= 1;
            } else if *prev_end && ["if", "while", "loop", "repeat"].contains(&w.as_str()) {
                // `END IF` closes no block.
                *depth += 1;
            } else if w == "case" && !*prev_end {
                // A `CASE` (expression or statement) ends with `END [CASE]`.
                *depth += 1;
            }
            *prev_end = w == "end";
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            stmt.push(c);
            if c == '\\' && q != '`' {
                if let Some(n) = chars.next() {
                    stmt.push(n);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if c == '-' && chars.peek() == Some(&'-') {
            for n in chars.by_ref() {
                if n == '\n' {
                    break;
                }
            }
            stmt.push('\n');
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            stmt.push(c);
            continue;
        }
        flush_word(&mut word, &mut depth, &mut prev_end);
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            ';' if depth <= 0 => {
                depth = 0;
                if !stmt.trim().is_empty() {
                    out.push_str(stmt.trim());
                    out.push_str("\n$$\n");
                }
                stmt.clear();
                continue;
            }
            _ => {}
        }
        stmt.push(c);
    }
    if !stmt.trim().is_empty() {
        out.push_str(stmt.trim());
        out.push_str("\n$$\n");
    }
    out
}

/// A literal of the column's type for the seed row.
fn seed_value(data_type: &str, column_type: &str, max_len: u64) -> String {
    match data_type {
        "tinyint" | "smallint" | "mediumint" | "int" | "bigint" | "decimal" | "float"
        | "double" | "year" => "1".into(),
        "bit" => "b'1'".into(),
        "date" => "'2020-01-01'".into(),
        "datetime" | "timestamp" => "'2020-01-01 00:00:00'".into(),
        "time" => "'00:00:00'".into(),
        "enum" | "set" => column_type
            .split_once('(')
            .and_then(|(_, rest)| rest.split(',').next())
            .map(|v| v.trim_end_matches(')').to_string())
            .unwrap_or_else(|| "''".into()),
        "json" => "'{}'".into(),
        "uuid" => "'00000000-0000-0000-0000-000000000001'".into(),
        "inet4" => "'127.0.0.1'".into(),
        "inet6" => "'::1'".into(),
        "point" | "geometry" => "ST_GeomFromText('POINT(1 1)')".into(),
        "longtext" if column_type.contains("json") => "'{}'".into(),
        _ if max_len == 1 => "'a'".into(),
        _ => "'ab'".into(),
    }
}

struct Snapshot {
    catalog: BTreeSet<String>,
    rows: BTreeMap<String, u64>,
}

impl Snapshot {
    fn diff(&self, got: &Snapshot) -> Option<String> {
        let mut lines: Vec<String> = self
            .catalog
            .difference(&got.catalog)
            .map(|l| format!("- {l}"))
            .chain(
                got.catalog
                    .difference(&self.catalog)
                    .map(|l| format!("+ {l}")),
            )
            .collect();
        lines.sort_by(|a, b| a[2..].cmp(&b[2..]));
        lines.truncate(12);
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    fn lost_rows(&self, after: &Snapshot, target: &Snapshot) -> Option<String> {
        let lost: Vec<String> = self
            .rows
            .iter()
            .filter(|(t, _)| target.rows.contains_key(*t))
            .filter(|(t, &n)| after.rows.get(*t) != Some(&n))
            .map(|(t, n)| format!("{t}: {n} rows before, {:?} after", after.rows.get(t)))
            .collect();
        (!lost.is_empty()).then(|| lost.join("\n"))
    }
}

struct Case {
    source: &'static str,
    name: String,
    current: PathBuf,
    desired: PathBuf,
    mysql_only: bool,
}

fn discover(root: &Path, shared: &Path, filter: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let sources: [(&'static str, PathBuf, &str, &str); 3] = [
        (
            "own",
            root.join("core/tests/cases/mysql"),
            "current.sql",
            "desired.sql",
        ),
        (
            "own",
            root.join("core/tests/cases/mariadb"),
            "current.sql",
            "desired.sql",
        ),
        ("corpus", shared.join("corpus/mysql"), "from.sql", "to.sql"),
    ];
    for (source, dir, current, desired) in sources {
        let Ok(entries) = fs::read_dir(&dir) else {
            if source == "own" || env::var("CI").is_ok_and(|v| v == "true") {
                return Err(format!("no cases at {}", dir.display()));
            }
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        dirs.sort();
        for path in dirs.into_iter().filter(|p| p.is_dir()) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let meta = fs::read_to_string(path.join("meta.json")).unwrap_or_default();
            let case = Case {
                source,
                name,
                current: path.join(current),
                desired: path.join(desired),
                mysql_only: meta.contains("\"flavor\": \"mysql\"")
                    || meta.contains("\"flavor\": \"!mariadb\"")
                    || path.join("mysql_only.txt").is_file(),
            };
            if case.current.is_file()
                && case.desired.is_file()
                && format!("{}/{}", case.source, case.name).contains(filter)
            {
                cases.push(case);
            }
        }
    }
    Ok(cases)
}

enum Outcome {
    Skipped(String),
    Passed,
    /// Category (`cli-error`, `up-apply`, `up-mismatch`, `up-rows`, ...) and detail.
    Failed(Vec<(String, String)>),
}

struct Runner {
    server: Server,
    bin: PathBuf,
    artifacts: PathBuf,
}

impl Runner {
    fn diff(&self, case: &Case, down: bool, out: &Path) -> Result<PathBuf, String> {
        let mut cmd = Command::new(&self.bin);
        cmd.arg("diff")
            .arg(&case.current)
            .arg(&case.desired)
            .args(["--dialect", DIALECT]);
        if let Some(folder) = case.current.parent() {
            let specs = fs::read_to_string(folder.join("renames.txt")).unwrap_or_default();
            for spec in specs.lines().filter(|l| !l.trim().is_empty()) {
                cmd.arg("--rename").arg(spec.trim());
            }
        }
        if down {
            cmd.arg("--down");
        }
        let output = cmd.output().map_err(|e| e.to_string())?;
        let script = out.join(if down { "down.sql" } else { "up.sql" });
        fs::write(&script, &output.stdout).map_err(|e| e.to_string())?;
        if output.status.success() {
            Ok(script)
        } else {
            let err = String::from_utf8_lossy(&output.stderr);
            Err(err.lines().take(3).collect::<Vec<_>>().join("\n"))
        }
    }

    /// The case with seeded rows; a step that fails only because of the seed rows, where the
    /// CLI warned about exactly that (a data-dependent hazard), passes on empty tables.
    fn run_case(&self, case: &Case) -> Outcome {
        if case.mysql_only {
            return Outcome::Skipped(
                "a MySQL-only case (meta.json flavor or mysql_only.txt)".into(),
            );
        }
        match self.run_once(case, true) {
            Outcome::Failed(f)
                if f.iter().all(|(k, _)| k.ends_with("-apply")) && self.warned(case, &f[0].0) =>
            {
                match self.run_once(case, false) {
                    Outcome::Passed => Outcome::Passed,
                    _ => Outcome::Failed(f),
                }
            }
            other => other,
        }
    }

    /// Whether the CLI printed a hazard warning for the failed direction.
    fn warned(&self, case: &Case, category: &str) -> bool {
        let down = category.starts_with("down");
        let mut cmd = Command::new(&self.bin);
        cmd.arg("diff")
            .arg(&case.current)
            .arg(&case.desired)
            .args(["--dialect", DIALECT]);
        if down {
            cmd.arg("--down");
        }
        cmd.output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stderr).contains("warning"))
    }

    fn run_once(&self, case: &Case, seed: bool) -> Outcome {
        let out = self.artifacts.join(case.source).join(&case.name);
        let _ = fs::create_dir_all(&out);
        let (f, t) = ("ssrt_from", "ssrt_to");
        let s = &self.server;
        let read = |p: &Path| fs::read_to_string(p).unwrap_or_default();
        for (db, file) in [(f, &case.current), (t, &case.desired)] {
            if let Err(e) = s.recreate(db) {
                return Outcome::Failed(vec![("runner".into(), e)]);
            }
            if let Err(e) = s.run(Some(db), &with_delimiter(&read(file))) {
                let which = file.file_name().unwrap().to_string_lossy();
                let msg = format!("{which} does not load on MariaDB: {e}");
                return if case.source == "own" {
                    Outcome::Failed(vec![("input".into(), msg)])
                } else {
                    Outcome::Skipped(msg)
                };
            }
        }
        let mut failures = Vec::new();
        let result = (|| -> Result<(), (String, String)> {
            let runner = |e: String| ("runner".to_string(), e);
            if seed {
                s.seed(f).map_err(runner)?;
            }
            let initial = s.snapshot(f).map_err(runner)?;
            let target = s.snapshot(t).map_err(runner)?;
            for (down, expect, name) in [(false, &target, "up"), (true, &initial, "down")] {
                let script = self
                    .diff(case, down, &out)
                    .map_err(|e| (format!("cli-error ({name})"), e))?;
                let before = s.snapshot(f).map_err(runner)?;
                s.run(Some(f), &read(&script))
                    .map_err(|e| (format!("{name}-apply"), e))?;
                let after = s.snapshot(f).map_err(runner)?;
                if let Some(d) = expect.diff(&after) {
                    failures.push((format!("{name}-mismatch"), d));
                }
                if let Some(d) = before.lost_rows(&after, expect) {
                    failures.push((format!("{name}-rows"), d));
                }
                if !failures.is_empty() {
                    break;
                }
            }
            Ok(())
        })();
        if let Err(f) = result {
            failures.push(f);
        }
        if failures.is_empty() {
            Outcome::Passed
        } else {
            Outcome::Failed(failures)
        }
    }
}

fn run(server: Server) -> Result<ExitCode, String> {
    server
        .run(None, "SELECT 1;")
        .map_err(|e| format!("cannot reach MariaDB: {e}"))?;
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.parent().ok_or("no workspace root")?;
    let shared = env::var_os("SCHEMASHIFT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let filter = env::var("MYSQL_ROUNDTRIP_FILTER").unwrap_or_default();
    let cases = discover(root, &shared, &filter)?;
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mysql_roundtrip");
    let _ = fs::remove_dir_all(&artifacts);
    let runner = Runner {
        server,
        bin: env::var_os("SCHEMASHIFT_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_schemashift"))),
        artifacts,
    };
    let started = Instant::now();
    let known_path = manifest.join(KNOWN_FAILURES_FILE);
    let known: BTreeMap<String, String> = fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(n, r)| (n.trim().to_string(), r.trim().to_string()))
        .collect();
    let mut counts: BTreeMap<&str, [usize; 5]> = BTreeMap::new(); // ran, up ok, down ok, skipped, failed
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut failed_corpus: Vec<(String, String)> = Vec::new();
    let mut broken = 0;
    let mut unexpected = 0;
    for case in &cases {
        let outcome = runner.run_case(case);
        let c = counts.entry(case.source).or_default();
        let id = format!("{}/{}", case.source, case.name);
        match outcome {
            Outcome::Skipped(why) => {
                c[3] += 1;
                let reason = why.split(':').next().unwrap_or("").to_string();
                *skipped.entry(reason).or_default() += 1;
                println!("SKIP {id}: {why}");
            }
            Outcome::Passed => {
                c[0] += 1;
                c[1] += 1;
                c[2] += 1;
            }
            Outcome::Failed(failures) => {
                c[0] += 1;
                c[4] += 1;
                let up_ok = !failures.iter().any(|(k, _)| {
                    k.starts_with("up") || k.contains("(up)") || k == "runner" || k == "input"
                });
                let down_ok = !failures.iter().any(|(k, _)| {
                    k.starts_with("down") || k.contains("(down)") || k == "runner" || k == "input"
                }) && up_ok;
                c[1] += usize::from(up_ok);
                c[2] += usize::from(down_ok);
                let cats: Vec<&str> = failures.iter().map(|(k, _)| k.as_str()).collect();
                let cats = cats.join(", ");
                let listed = case.source == "corpus" && known.contains_key(&case.name);
                println!("FAIL {id} [{cats}]{}", if listed { " (known)" } else { "" });
                for (k, d) in &failures {
                    println!("    {k}: {}", d.replace('\n', "\n    "));
                }
                if case.source == "own" {
                    broken += 1;
                } else {
                    failed_corpus.push((case.name.clone(), cats));
                    unexpected += usize::from(!listed);
                }
            }
        }
    }
    for (source, [ran, up, down, skip, failed]) in &counts {
        println!(
            "mysql_roundtrip: {source}: {ran} ran, up passed {up}/{ran}, down passed {down}/{ran}, {failed} failed, {skip} skipped"
        );
    }
    for (reason, n) in &skipped {
        println!("mysql_roundtrip: skipped {n}: {reason}");
    }
    if env::var("MYSQL_ROUNDTRIP_WRITE_KNOWN_FAILURES").is_ok_and(|v| v == "1") {
        let mut text = String::from(
            "# Corpus cases of ../shared/corpus/mysql that fail the MariaDB round trip, with the\n# failing steps (rewritten by MYSQL_ROUNDTRIP_WRITE_KNOWN_FAILURES=1).\n",
        );
        for (name, cats) in &failed_corpus {
            text.push_str(&format!("{name}: {cats}\n"));
        }
        fs::write(&known_path, text).map_err(|e| e.to_string())?;
        println!("mysql_roundtrip: rewrote {}", known_path.display());
        unexpected = 0;
    }
    println!(
        "mysql_roundtrip: {} cases in {:.1}s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(if broken == 0 && unexpected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
