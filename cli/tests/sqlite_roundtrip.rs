//! Round trip on real SQLite (embedded, compiled from source by rusqlite's `bundled`):
//! proves that the SQLite migrations schemashift emits turn one schema into the other, in
//! both directions, keeping the rows of kept tables.
//!
//! For every case three in-memory databases are built: F from the current schema (seeded with
//! two rows per table), T from the desired one and C from the current one again. UP is
//! applied to F, whose catalog must then equal T's; DOWN must bring it back to C's. The
//! catalog is read through SQLite itself: `PRAGMA table_list`, `table_xinfo` with each
//! column's collation and autoincrement (sqlite3_table_column_metadata), `index_list` /
//! `index_xinfo`, `foreign_key_list`, CHECK clauses and the normalised text of views,
//! triggers, partial indexes and virtual tables. Convergence: the `.schema` text of F after UP
//! diffed with the desired schema is empty. When UP or DOWN fails only because of the seeded
//! rows (it applies to empty tables) and schemashift reported a data-dependent hazard for it,
//! the case counts as passed-with-hazard.
//!
//! Cases: `core/tests/cases/sqlite/<name>/{current,desired}.sql` (own: must all pass), 40
//! generated pairs (`SQLITE_ROUNDTRIP_GENERATED=n`; the property tests' generator,
//! `core/tests/gen`, with a fixed seed and no foreign-key cycle; must all pass) and
//! `$SCHEMASHIFT_SHARED/corpus/sqlite/<Case>/{from,to}.sql` (`SCHEMASHIFT_SHARED` defaults to
//! `../shared`; failures must be listed in `cli/tests/sqlite_corpus_known_failures.txt`).
//! `SQLITE_ROUNDTRIP_FILTER=substring` selects cases; `SQLITE_ROUNDTRIP_WRITE_KNOWN_FAILURES=1`
//! rewrites the known-failures file. Scripts of failing cases go to
//! `target/tmp/sqlite_roundtrip/<source>/<case>/`.

// Catalog text compared as `schemashift verify` compares it: case, whitespace, comments and
// identifier quotes do not matter; a table's checks are compared as a list.
use rusqlite::Connection;
use schemashift::verify::{checks, normalize_sql as normalize};
use schemashift::HazardKind;
use schemashift::{migrate, DialectKind, Options, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[path = "../../core/tests/gen/mod.rs"]
mod gen;
#[path = "../../core/tests/gen/strategy.rs"]
mod strategy;

const KNOWN_FAILURES_FILE: &str = "tests/sqlite_corpus_known_failures.txt";
/// Generated pairs applied (`SQLITE_ROUNDTRIP_GENERATED` overrides).
const GENERATED: usize = 40;

struct Case {
    source: &'static str,
    name: String,
    current: String,
    desired: String,
    /// Renames given as options (`renames.txt`, one spec per line).
    renames: Vec<String>,
    /// Safe alternatives (`safety.txt`: the CLI flags without dashes).
    safety: String,
}

enum Verdict {
    Pass,
    /// Passed on empty tables; with rows a step fails, and a hazard says so.
    PassWithHazard(String),
    Skip(String),
    Fail(String),
}

fn main() -> ExitCode {
    if env::args().any(|a| a == "--list") {
        println!("sqlite_roundtrip: test");
        return ExitCode::SUCCESS;
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("..");
    let shared = env::var_os("SCHEMASHIFT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let filter = env::var("SQLITE_ROUNDTRIP_FILTER").unwrap_or_default();
    let mut cases = discover(
        "own",
        &root.join("core/tests/cases/sqlite"),
        "current.sql",
        "desired.sql",
    );
    if cases.is_empty() {
        eprintln!("sqlite_roundtrip: no own cases in core/tests/cases/sqlite");
        return ExitCode::FAILURE;
    }
    // Generated pairs (the property tests' generator, fixed seed): must pass as the own cases.
    let generated = env::var("SQLITE_ROUNDTRIP_GENERATED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(GENERATED);
    for (i, (current, desired)) in strategy::generated_pairs(DialectKind::Sqlite, generated, true)
        .into_iter()
        .enumerate()
    {
        cases.push(Case {
            source: "generated",
            name: format!("pair{i:03}"),
            current,
            desired,
            renames: Vec::new(),
            safety: String::new(),
        });
    }
    let corpus_dir = shared.join("corpus/sqlite");
    let corpus = discover("corpus", &corpus_dir, "from.sql", "to.sql");
    if corpus.is_empty() && env::var("CI").is_ok_and(|v| v == "true") {
        eprintln!("sqlite_roundtrip: no corpus at {}", corpus_dir.display());
        return ExitCode::FAILURE;
    }
    cases.extend(corpus);
    cases.retain(|c| format!("{}/{}", c.source, c.name).contains(&filter));
    let artifacts = root.join("target/tmp/sqlite_roundtrip");
    let _ = fs::remove_dir_all(&artifacts);

    let started = Instant::now();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut corpus_failures: Vec<String> = Vec::new();
    let mut own_failures = 0;
    for case in &cases {
        let verdict = run_case(case, &artifacts);
        let (label, detail) = match &verdict {
            Verdict::Pass => ("pass", None),
            Verdict::PassWithHazard(h) => ("pass-hazard", Some(h.clone())),
            Verdict::Skip(why) => ("skip", Some(why.clone())),
            Verdict::Fail(why) => ("FAIL", Some(why.clone())),
        };
        *counts.entry((case.source, label)).or_default() += 1;
        match detail {
            Some(d) => println!("{label:11} {}/{}: {d}", case.source, case.name),
            None => println!("{label:11} {}/{}", case.source, case.name),
        }
        if let Verdict::Fail(_) = verdict {
            if case.source != "corpus" {
                own_failures += 1;
            } else {
                corpus_failures.push(case.name.clone());
            }
        }
    }
    let known_path = manifest.join(KNOWN_FAILURES_FILE);
    let known: BTreeSet<String> = fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if env::var("SQLITE_ROUNDTRIP_WRITE_KNOWN_FAILURES").is_ok_and(|v| v == "1") {
        let mut text = String::from(
            "# Corpus cases (../shared/corpus/sqlite) known to fail the SQLite round trip\n\
             # (cli/tests/sqlite_roundtrip.rs). One case name per line; '#' starts a comment.\n",
        );
        for name in &corpus_failures {
            text.push_str(name);
            text.push('\n');
        }
        fs::write(&known_path, text).expect("write known failures");
    }
    let new_failures: Vec<&String> = corpus_failures
        .iter()
        .filter(|n| !known.contains(*n))
        .collect();
    let get = |s: &str, l: &str| counts.get(&(s, l)).copied().unwrap_or(0);
    for source in ["own", "generated", "corpus"] {
        let passed = get(source, "pass") + get(source, "pass-hazard");
        let failed = get(source, "FAIL");
        let applies = passed + failed;
        let rate = if applies == 0 {
            100.0
        } else {
            100.0 * passed as f64 / applies as f64
        };
        println!(
            "sqlite_roundtrip {source}: {passed}/{applies} passed ({rate:.1}%), {} of them with a data-dependent hazard, {failed} failed, {} skipped (do not apply on SQLite)",
            get(source, "pass-hazard"),
            get(source, "skip"),
        );
    }
    for n in &new_failures {
        println!("new corpus failure (not in {KNOWN_FAILURES_FILE}): {n}");
    }
    println!(
        "sqlite_roundtrip cases: {} passed, {} known failures, {} new failures, {} skipped ({:.1}s)",
        ["own", "generated", "corpus"]
            .iter()
            .map(|s| get(s, "pass") + get(s, "pass-hazard"))
            .sum::<usize>(),
        corpus_failures.len() - new_failures.len(),
        own_failures + new_failures.len(),
        get("own", "skip") + get("generated", "skip") + get("corpus", "skip"),
        started.elapsed().as_secs_f64()
    );
    if own_failures == 0 && new_failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn discover(source: &'static str, dir: &Path, current: &str, desired: &str) -> Vec<Case> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<Case> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|p| {
            let current = fs::read_to_string(p.join(current)).ok()?;
            let desired = fs::read_to_string(p.join(desired)).ok()?;
            let renames = fs::read_to_string(p.join("renames.txt"))
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_string())
                .collect();
            Some(Case {
                source,
                name: p.file_name()?.to_string_lossy().to_string(),
                current,
                desired,
                renames,
                safety: fs::read_to_string(p.join("safety.txt")).unwrap_or_default(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A database from DDL. `.schema` output lists `sqlite_sequence`, which SQLite creates by
/// itself and refuses to have created: that statement is left out.
fn build(sql: &str) -> Result<Connection, String> {
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    let sql = sql.replace("CREATE TABLE sqlite_sequence(name,seq);", "");
    conn.execute_batch(&sql).map_err(|e| e.to_string())?;
    Ok(conn)
}

fn run_case(case: &Case, artifacts: &Path) -> Verdict {
    let (current, desired) = (&case.current, &case.desired);
    if let Err(e) = build(current) {
        return Verdict::Skip(format!("current schema does not apply: {e}"));
    }
    if let Err(e) = build(desired) {
        return Verdict::Skip(format!("desired schema does not apply: {e}"));
    }
    let renames = case
        .renames
        .iter()
        .map(|spec| schemashift::parse_rename(spec, DialectKind::Sqlite))
        .collect::<Result<Vec<_>, _>>();
    let renames = match renames {
        Ok(r) => r,
        Err(e) => return Verdict::Fail(e),
    };
    let options = Options {
        dialect: DialectKind::Sqlite,
        renames,
        safety: schemashift::plan::safety::Safety {
            concurrently: case.safety.contains("concurrently"),
            not_valid_fks: case.safety.contains("not-valid-fks"),
            backfill: case.safety.contains("backfill"),
        },
        ..Options::default()
    };
    let outcome = migrate(current, desired, &options);
    let errors: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    let Some(m) = outcome.migration else {
        return Verdict::Fail(format!("input errors: {}", errors.join("; ")));
    };
    let keep = |what: &str| {
        let dir = artifacts.join(case.source).join(&case.name);
        let _ = fs::create_dir_all(&dir);
        let _ = fs::write(dir.join("up.sql"), &m.up);
        let _ = fs::write(dir.join("down.sql"), &m.down);
        what.to_string()
    };
    let data_dependent = |changes: &[schemashift::Change]| {
        changes
            .iter()
            .flat_map(|c| c.hazards())
            .find(|h| h.kind == HazardKind::DataDependent)
            .map(|h| h.code)
    };
    let renames = Renames::of(&m.changes);
    match round_trip(current, desired, &m.up, &m.down, &renames, true) {
        Ok(()) => Verdict::Pass,
        Err(with_rows) => match round_trip(current, desired, &m.up, &m.down, &renames, false) {
            Ok(()) => {
                let hazard = data_dependent(&m.changes).or_else(|| data_dependent(&m.down_changes));
                match hazard {
                    Some(code) => Verdict::PassWithHazard(format!(
                        "with rows: {with_rows}; hazard {code} reported"
                    )),
                    None => Verdict::Fail(keep(&format!(
                        "fails with rows and no hazard says so: {with_rows}"
                    ))),
                }
            }
            Err(e) => Verdict::Fail(keep(&e)),
        },
    }
}

/// Build, seed (or not), UP, compare with desired, DOWN, compare with current.
fn round_trip(
    current: &str,
    desired: &str,
    up: &str,
    down: &str,
    renames: &Renames,
    seed: bool,
) -> Result<(), String> {
    let f = build(current)?;
    let want_desired = snapshot(&build(desired)?)?;
    let want_current = snapshot(&f)?;
    let mut seeded = if seed { seed_rows(&f) } else { BTreeMap::new() };
    // Only tables on both sides (or renamed) keep their rows; a table DOWN brings back comes
    // back empty.
    seeded.retain(|t, _| want_desired.contains_key(&format!("table {}", renames.table(t))));
    let seeded_up: BTreeMap<String, i64> =
        seeded.iter().map(|(t, n)| (renames.table(t), *n)).collect();
    let values = renames.column_values(&f, false)?;
    f.execute_batch(up).map_err(|e| format!("UP fails: {e}"))?;
    compare("after UP", &snapshot(&f)?, &want_desired)?;
    rows_kept("after UP", &f, &seeded_up)?;
    if renames.column_values(&f, true)? != values {
        return Err("after UP: a renamed column lost values".into());
    }
    let dump = schema_text(&f)?;
    let again = migrate(
        &dump,
        desired,
        &Options {
            dialect: DialectKind::Sqlite,
            ..Default::default()
        },
    );
    match again.migration {
        Some(m) if m.changes.is_empty() => {}
        Some(m) => {
            return Err(format!(
                "the migrated schema still differs from desired:\n{}",
                m.up
            ))
        }
        None => return Err("the migrated schema does not parse".into()),
    }
    f.execute_batch(down)
        .map_err(|e| format!("DOWN fails: {e}"))?;
    compare("after DOWN", &snapshot(&f)?, &want_current)?;
    rows_kept("after DOWN", &f, &seeded)?;
    if renames.column_values(&f, false)? != values {
        return Err("after DOWN: a renamed column lost values".into());
    }
    Ok(())
}

/// The renames a migration makes, to follow rows and values across them.
struct Renames {
    /// Current table name -> desired table name (lower case).
    tables: BTreeMap<String, String>,
    /// (current table, current column, desired table, desired column).
    columns: Vec<(String, String, String, String)>,
}

impl Renames {
    fn of(changes: &[schemashift::Change]) -> Self {
        let mut tables = BTreeMap::new();
        let mut columns = Vec::new();
        for c in changes {
            match c {
                schemashift::Change::RenameTable { from, to } => {
                    tables.insert(
                        from.name.as_str().to_lowercase(),
                        to.name.as_str().to_lowercase(),
                    );
                }
                schemashift::Change::RenameColumn { table, from, to } => {
                    let new_table = table.name.as_str().to_lowercase();
                    let old_table = tables
                        .iter()
                        .find(|(_, n)| **n == new_table)
                        .map(|(o, _)| o.clone())
                        .unwrap_or_else(|| new_table.clone());
                    columns.push((
                        old_table,
                        from.as_str().to_lowercase(),
                        new_table,
                        to.as_str().to_lowercase(),
                    ));
                }
                _ => {}
            }
        }
        Self { tables, columns }
    }

    fn table(&self, current: &str) -> String {
        self.tables
            .get(current)
            .cloned()
            .unwrap_or_else(|| current.to_string())
    }

    /// Non-NULL values of each renamed column, read under its current (or desired) name.
    fn column_values(&self, conn: &Connection, desired: bool) -> Result<Vec<i64>, String> {
        self.columns
            .iter()
            .map(|(ot, oc, nt, nc)| {
                let (t, c) = if desired { (nt, nc) } else { (ot, oc) };
                conn.query_row(&format!("SELECT count({}) FROM {}", q(c), q(t)), [], |r| {
                    r.get(0)
                })
                .map_err(|e| format!("renamed column {t}.{c}: {e}"))
            })
            .collect()
    }
}

fn user_tables(conn: &Connection) -> Result<Vec<String>, String> {
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY lower(name)",
        )
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
}

fn q(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// Two rows per table where the constraints allow; returns the row count of each table.
fn seed_rows(conn: &Connection) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    let Ok(tables) = user_tables(conn) else {
        return out;
    };
    let mut tables_seen = Vec::new();
    for t in tables {
        let cols: Vec<(String, String)> = conn
            .prepare(&format!("PRAGMA table_xinfo({})", q(&t)))
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok((
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(6)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, _, hidden)| *hidden == 0)
            .map(|(n, ty, _)| (n, ty))
            .collect();
        tables_seen.push(t.clone());
        for i in 1..=2 {
            let values: Vec<String> = cols
                .iter()
                .map(|(_, ty)| match schemashift::dialects::affinity(ty) {
                    "INTEGER" | "NUMERIC" => format!("{i}"),
                    "REAL" => format!("{i}.5"),
                    "BLOB" if !ty.is_empty() => format!("x'0{i}'"),
                    _ => format!("'{i}'"),
                })
                .collect();
            let names: Vec<String> = cols.iter().map(|(n, _)| q(n)).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                q(&t),
                names.join(", "),
                values.join(", ")
            );
            if conn.execute(&sql, []).is_err() {
                let _ = conn.execute(&format!("INSERT INTO {} DEFAULT VALUES", q(&t)), []);
            }
        }
    }
    // Counted after all inserts: triggers may add rows to other tables.
    for t in tables_seen {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {}", q(&t)), [], |r| r.get(0))
            .unwrap_or(0);
        out.insert(t.to_lowercase(), n);
    }
    out
}

fn rows_kept(when: &str, conn: &Connection, seeded: &BTreeMap<String, i64>) -> Result<(), String> {
    for t in user_tables(conn)? {
        let Some(want) = seeded.get(&t.to_lowercase()) else {
            continue;
        };
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {}", q(&t)), [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        if n != *want {
            return Err(format!("{when}: table {t} has {n} rows, had {want}"));
        }
    }
    Ok(())
}

/// The stored `CREATE` statements, as `sqlite3 .schema` prints them.
fn schema_text(conn: &Connection) -> Result<String, String> {
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| e.to_string())?;
    let mut out = String::new();
    for r in rows {
        out.push_str(&r.map_err(|e| e.to_string())?);
        out.push_str(";\n");
    }
    Ok(out)
}

type Snapshot = BTreeMap<String, Vec<String>>;

fn query_strings(conn: &Connection, sql: &str, n: usize) -> Result<Vec<Vec<String>>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
    let rows = stmt
        .query_map([], |r| {
            (0..n)
                .map(|i| {
                    let v: rusqlite::types::Value = r.get(i)?;
                    Ok(match v {
                        rusqlite::types::Value::Null => "NULL".to_string(),
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        rusqlite::types::Value::Real(f) => f.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        rusqlite::types::Value::Blob(b) => format!("{b:?}"),
                    })
                })
                .collect::<Result<Vec<String>, rusqlite::Error>>()
        })
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
}

/// The catalog as comparable lines, by object.
fn snapshot(conn: &Connection) -> Result<Snapshot, String> {
    let mut out = Snapshot::new();
    for t in user_tables(conn)? {
        let mut lines = Vec::new();
        let key = format!("table {}", t.to_lowercase());
        for r in query_strings(
            conn,
            &format!(
                "SELECT type, ncol, wr, strict FROM pragma_table_list WHERE name = '{}'",
                t.replace('\'', "''")
            ),
            4,
        )? {
            lines.push(format!(
                "kind={} ncol={} without_rowid={} strict={}",
                r[0], r[1], r[2], r[3]
            ));
        }
        let mut cols = Vec::new();
        for r in query_strings(conn, &format!("PRAGMA table_xinfo({})", q(&t)), 7)? {
            let meta = conn
                .column_metadata(None::<&str>, &t, &r[1])
                .map_err(|e| format!("column metadata {t}.{}: {e}", r[1]))?;
            let collation = meta.1.map(|c| c.to_string_lossy().to_lowercase());
            cols.push(format!(
                "column {} type={} notnull={} default={} pk={} hidden={} collation={} autoinc={}",
                r[1].to_lowercase(),
                r[2].to_uppercase().split_whitespace().collect::<String>(),
                r[3],
                r[4],
                r[5],
                r[6],
                collation.unwrap_or_default(),
                meta.4,
            ));
        }
        cols.sort();
        lines.extend(cols);
        let mut indexes = Vec::new();
        for r in query_strings(conn, &format!("PRAGMA index_list({})", q(&t)), 5)? {
            let name = &r[1];
            let keys: Vec<String> =
                query_strings(conn, &format!("PRAGMA index_xinfo({})", q(name)), 6)?
                    .into_iter()
                    .filter(|k| k[5] == "1")
                    .map(|k| format!("{}:{}:{}", k[2].to_lowercase(), k[3], k[4].to_lowercase()))
                    .collect();
            let label = if name.starts_with("sqlite_autoindex_") {
                "auto".to_string()
            } else {
                name.to_lowercase()
            };
            let sql: Option<String> = conn
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .unwrap_or(None);
            indexes.push(format!(
                "index {label} unique={} origin={} partial={} keys={} sql={}",
                r[2],
                r[3],
                r[4],
                keys.join(","),
                sql.map(|s| normalize(&s)).unwrap_or_default()
            ));
        }
        indexes.sort();
        lines.extend(indexes);
        let mut fks: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in query_strings(conn, &format!("PRAGMA foreign_key_list({})", q(&t)), 8)? {
            fks.entry(r[0].clone()).or_default().push(format!(
                "{}->{}.{} on_update={} on_delete={} match={}",
                r[3].to_lowercase(),
                r[2].to_lowercase(),
                r[4].to_lowercase(),
                r[5],
                r[6],
                r[7]
            ));
        }
        let mut fk_lines: Vec<String> = fks
            .into_values()
            .map(|v| format!("fk {}", v.join(" ")))
            .collect();
        fk_lines.sort();
        lines.extend(fk_lines);
        let sql: String = conn
            .query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [&t], |r| {
                r.get(0)
            })
            .map_err(|e| e.to_string())?;
        lines.extend(checks(&sql).into_iter().map(|c| format!("check {c}")));
        out.insert(key, lines);
    }
    for r in query_strings(
        conn,
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') \
         OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL%')",
        3,
    )? {
        out.insert(
            format!("{} {}", r[0], r[1].to_lowercase()),
            vec![normalize(&r[2])],
        );
    }
    Ok(out)
}

fn compare(when: &str, got: &Snapshot, want: &Snapshot) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    let mut lines = Vec::new();
    let keys: BTreeSet<&String> = got.keys().chain(want.keys()).collect();
    for k in keys {
        let (g, w) = (got.get(k), want.get(k));
        if g == w {
            continue;
        }
        let g: BTreeSet<&String> = g.into_iter().flatten().collect();
        let w: BTreeSet<&String> = w.into_iter().flatten().collect();
        for l in w.difference(&g) {
            lines.push(format!("  want {k}: {l}"));
        }
        for l in g.difference(&w) {
            lines.push(format!("  got  {k}: {l}"));
        }
    }
    lines.truncate(12);
    Err(format!("{when}: catalog differs\n{}", lines.join("\n")))
}
