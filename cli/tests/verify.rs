//! `schemashift verify` on real engines: the bundled SQLite, and the private PostgreSQL
//! cluster of `scripts/pg.sh` when `SCHEMASHIFT_PGHOST` names its socket directory (skipped
//! without it, like pg_roundtrip.rs; under CI=true it must be there unless
//! `VERIFY_PG_SKIP=1`).
//!
//! 1. Three cases through the binary on each engine: a migration that verifies (exit 0), one
//!    whose DOWN loses a column's values (exit 6, the rows step says which), one whose UP
//!    fails on the seeded rows (a NOT NULL column without default: exit 6, the engine's own
//!    error).
//! 2. Agreement with the project's own round trips (sqlite_roundtrip.rs, pg_roundtrip.rs) on
//!    every own case and a sample of `../shared/corpus` (`VERIFY_SAMPLE=n` corpus cases per
//!    dialect, default 20, `all` for every one): a case the round trip passes must not get a
//!    catalog difference from verify (verify may still fail it on its seeded rows: the round
//!    trip then passes it with a data-dependent hazard, or it loses values DOWN cannot bring
//!    back); a case the round trip knows as failing is counted.

use schemashift::verify::{Report, Status, STEPS};
use schemashift::{migrate, DialectKind, Options};
use std::collections::BTreeSet;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    if env::args().any(|a| a == "--list") {
        println!("verify: test");
        return ExitCode::SUCCESS;
    }
    let mut failures = Vec::new();
    let pg = env::var("SCHEMASHIFT_PGHOST")
        .ok()
        .filter(|h| !h.is_empty());
    let engines: Vec<(DialectKind, Option<String>)> = match &pg {
        Some(host) => vec![
            (DialectKind::Sqlite, None),
            (
                DialectKind::Postgres,
                Some(format!("host={host} user=postgres dbname=postgres")),
            ),
        ],
        None => {
            if env::var("CI").is_ok_and(|v| v == "true")
                && !env::var("VERIFY_PG_SKIP").is_ok_and(|v| v == "1")
            {
                eprintln!("verify: SCHEMASHIFT_PGHOST is not set, but CI=true requires PostgreSQL (VERIFY_PG_SKIP=1 skips it on purpose)");
                return ExitCode::FAILURE;
            }
            println!("verify: PostgreSQL skipped (no SCHEMASHIFT_PGHOST; scripts/test.sh starts a private cluster)");
            vec![(DialectKind::Sqlite, None)]
        }
    };
    for (dialect, url) in &engines {
        cli_cases(*dialect, url.as_deref(), &mut failures);
        agreement(*dialect, url.as_deref(), &mut failures);
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    if failures.is_empty() {
        println!("verify: ok");
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn bin() -> PathBuf {
    env::var_os("SCHEMASHIFT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_schemashift")))
}

const CURRENT: &str = "CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL);\n\
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), note text);\n";

/// (name, desired, exit code, text the report must hold)
const CASES: &[(&str, &str, i32, &[&str])] = &[
    (
        "passes",
        "CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL, email text);\n\
         CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), note text);\n\
         CREATE INDEX child_parent ON child (parent_id);\n",
        0,
        &["ok   rows kept after DOWN", "up, down, rows kept"],
    ),
    (
        "down loses a column's values",
        "CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL);\n\
         CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id));\n",
        6,
        &[
            "ok   catalog after DOWN equals current",
            "FAIL rows kept after DOWN",
            "table child, column note: value 'a' of row 1 became NULL",
        ],
    ),
    (
        "up fails on seeded rows",
        "CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL, code text NOT NULL);\n\
         CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), note text);\n",
        6,
        &["FAIL apply UP", "skip apply DOWN"],
    ),
];

/// The engine's own words for the NOT NULL case.
fn not_null_error(dialect: DialectKind) -> &'static str {
    match dialect {
        DialectKind::Postgres => {
            "ERROR: column \"code\" of relation \"parent\" contains null values"
        }
        _ => "NOT NULL constraint failed",
    }
}

fn cli_cases(dialect: DialectKind, url: Option<&str>, failures: &mut Vec<String>) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("verify-{}", dialect.name()));
    let _ = fs::create_dir_all(&dir);
    let current = dir.join("current.sql");
    fs::write(&current, CURRENT).expect("write current.sql");
    for (i, (name, desired, code, wants)) in CASES.iter().enumerate() {
        let path = dir.join(format!("desired{i}.sql"));
        fs::write(&path, desired).expect("write desired.sql");
        let mut cmd = Command::new(bin());
        cmd.arg("verify")
            .arg(&current)
            .arg(&path)
            .args(["--dialect", dialect.name()]);
        if let Some(url) = url {
            cmd.args(["--database-url", url]);
        }
        let started = Instant::now();
        let out = cmd.output().expect("run schemashift");
        let text = String::from_utf8_lossy(&out.stdout);
        let label = format!("{} {name}", dialect.name());
        println!(
            "verify {label}: exit {:?} in {:.2}s",
            out.status.code(),
            started.elapsed().as_secs_f64()
        );
        if out.status.code() != Some(*code) {
            failures.push(format!(
                "{label}: exit {:?}, want {code}\n{text}{}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let mut wants: Vec<&str> = wants.to_vec();
        if *name == "up fails on seeded rows" {
            wants.push(not_null_error(dialect));
        }
        for w in wants {
            if !text.contains(w) {
                failures.push(format!("{label}: the report lacks `{w}`:\n{text}"));
            }
        }
    }
    if dialect == DialectKind::Sqlite {
        // PostgreSQL without a server of the user's: a usage error, never a default.
        let out = Command::new(bin())
            .arg("verify")
            .arg(&current)
            .arg(dir.join("desired0.sql"))
            .args(["--dialect", "postgres"])
            .output()
            .expect("run schemashift");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(2) || !stderr.contains("--database-url") {
            failures.push(format!(
                "postgres without --database-url: {:?} {stderr}",
                out.status.code()
            ));
        }
        // --plan: what would run, as JSON, for any dialect.
        let out = Command::new(bin())
            .arg("verify")
            .arg(&current)
            .arg(dir.join("desired0.sql"))
            .args(["--dialect", "mysql", "--plan"])
            .output()
            .expect("run schemashift");
        let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let statements = plan["up"].as_array().cloned().unwrap_or_default();
        let commented = statements
            .iter()
            .any(|s| s.as_str().is_some_and(|s| s.starts_with("--")));
        if plan["engine"] != "MySQL" || statements.is_empty() || commented {
            failures.push(format!("--plan: {}", String::from_utf8_lossy(&out.stdout)));
        }
    }
    // --json carries the badge and the steps.
    let mut cmd = Command::new(bin());
    cmd.arg("verify")
        .arg(&current)
        .arg(dir.join("desired0.sql"))
        .args(["--dialect", dialect.name(), "--json"]);
    if let Some(url) = url {
        cmd.args(["--database-url", url]);
    }
    let out = cmd.output().expect("run schemashift");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    if json["verified"] != true || json["steps"].as_array().map(Vec::len) != Some(STEPS.len()) {
        failures.push(format!(
            "{} --json: {}",
            dialect.name(),
            String::from_utf8_lossy(&out.stdout)
        ));
    }
}

struct Case {
    source: &'static str,
    name: String,
    current: String,
    desired: String,
}

fn cases(dialect: DialectKind) -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shared = env::var_os("SCHEMASHIFT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let sample = match env::var("VERIFY_SAMPLE").as_deref() {
        Ok("all") => usize::MAX,
        Ok(n) => n.parse().unwrap_or(20),
        Err(_) => 20,
    };
    let mut out = Vec::new();
    let read = |source: &'static str, dir: &Path, from: &str, to: &str, limit: usize| {
        let mut names: Vec<PathBuf> = fs::read_dir(dir)
            .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        names
            .into_iter()
            // Cases that need a setup (extensions, roles) or renames are left to the round trips.
            .filter(|p| !p.join("setup.sql").exists() && !p.join("renames.txt").exists())
            .filter(|p| !p.join("safety.txt").exists())
            .filter_map(|p| {
                Some(Case {
                    source,
                    name: p.file_name()?.to_string_lossy().into_owned(),
                    current: fs::read_to_string(p.join(from)).ok()?,
                    desired: fs::read_to_string(p.join(to)).ok()?,
                })
            })
            .take(limit)
            .collect::<Vec<_>>()
    };
    let d = dialect.name();
    out.extend(read(
        "own",
        &root.join("core/tests/cases").join(d),
        "current.sql",
        "desired.sql",
        usize::MAX,
    ));
    out.extend(read(
        "corpus",
        &shared.join("corpus").join(d),
        "from.sql",
        "to.sql",
        sample,
    ));
    out
}

fn known_failures(dialect: DialectKind) -> BTreeSet<String> {
    let file = match dialect {
        DialectKind::Postgres => "tests/pg_corpus_known_failures.txt",
        _ => "tests/sqlite_corpus_known_failures.txt",
    };
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// verify's verdict in one word.
fn verdict(report: &Report) -> &'static str {
    let failed = report.steps.iter().position(|s| s.status == Status::Failed);
    match failed {
        None => "verified",
        Some(0 | 1) => "does not build",
        Some(4 | 7) => "catalog differs",
        Some(3 | 6) => "statement fails with rows",
        Some(_) => "rows differ",
    }
}

fn agreement(dialect: DialectKind, url: Option<&str>, failures: &mut Vec<String>) {
    let known = known_failures(dialect);
    let started = Instant::now();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for case in cases(dialect) {
        let options = Options {
            dialect,
            ..Options::default()
        };
        let Some(m) = migrate(&case.current, &case.desired, &options).migration else {
            continue;
        };
        let Ok(plan) = schemashift::verify::plan(&case.current, &case.desired, &m, dialect) else {
            continue;
        };
        let report = match schemashift_cli::engines::verify(&plan, url) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{} {}: no engine: {e}", dialect.name(), case.name));
                return;
            }
        };
        let v = verdict(&report);
        let round_trip = if case.source == "corpus" && known.contains(&case.name) {
            "round trip fails"
        } else {
            "round trip passes"
        };
        *counts
            .entry(format!("{} / {round_trip} / verify: {v}", case.source))
            .or_default() += 1;
        if round_trip == "round trip passes" && v == "catalog differs" {
            failures.push(format!(
                "{} {}/{}: the round trip passes, verify finds a catalog difference:\n{}",
                dialect.name(),
                case.source,
                case.name,
                report.text()
            ));
        }
        if v != "verified" && env::var("VERIFY_VERBOSE").is_ok() {
            println!(
                "{} {}/{}: {v}\n{}",
                dialect.name(),
                case.source,
                case.name,
                report.text()
            );
        }
    }
    for (k, n) in &counts {
        println!("verify {}: {k}: {n}", dialect.name());
    }
    println!(
        "verify {}: agreement sample in {:.1}s",
        dialect.name(),
        started.elapsed().as_secs_f64()
    );
}
