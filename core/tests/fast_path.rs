//! The SQL frontend's fast lexer (`input/sql/lex.rs`) changes nothing: every input we have,
//! read with it on and off (every token from sqlparser's tokenizer), gives the same schema
//! (compared by its full `Debug` form, order included) and the same diagnostics.
//!
//! Inputs: every `.sql` file under `core/tests` (read as PostgreSQL, the only dialect the
//! fast lexer serves, whatever it was written for), `../shared/corpus/postgres/*/{from,to}.sql`
//! and the PostgreSQL dumps of `../shared/bench-inputs`. The multi-MB GitLab dumps are in an
//! ignored test (slow in a debug build) that `scripts/test.sh` runs in release.

use schemashift::{DialectKind, Side};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    std::env::var_os("SCHEMASHIFT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

/// Parse `text` with the fast lexer on and off; the first difference, if any.
fn differs(text: &str) -> Option<String> {
    let pg = DialectKind::Postgres.dialect();
    let (fast_schema, fast_diags) =
        schemashift::input::sql::parse_with(text, pg, Side::Current, true);
    let (slow_schema, slow_diags) =
        schemashift::input::sql::parse_with(text, pg, Side::Current, false);
    if fast_diags != slow_diags {
        return Some(format!(
            "diagnostics differ:\nfast: {fast_diags:#?}\nslow: {slow_diags:#?}"
        ));
    }
    let (fast, slow) = (format!("{fast_schema:#?}"), format!("{slow_schema:#?}"));
    if fast != slow {
        let line = fast
            .lines()
            .zip(slow.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let at = |s: &str| {
            s.lines()
                .skip(line.saturating_sub(5))
                .take(10)
                .collect::<Vec<_>>()
                .join("\n")
        };
        return Some(format!(
            "schemas differ at line {line}:\nfast:\n{}\nslow:\n{}",
            at(&fast),
            at(&slow)
        ));
    }
    None
}

fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sql_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "sql") {
            out.push(p);
        }
    }
}

/// Check every file; panics listing those that differ.
fn check(files: &[PathBuf]) {
    let mut failed = Vec::new();
    let mut read = 0;
    for f in files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        read += 1;
        if let Some(d) = differs(&text) {
            failed.push(format!("{}: {d}", f.display()));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
    eprintln!("{read} files: fast and slow paths agree");
}

#[test]
fn test_inputs_parse_the_same_with_and_without_the_fast_lexer() {
    let mut files = Vec::new();
    sql_files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut files,
    );
    assert!(files.len() > 100, "{} files", files.len());
    check(&files);
}

#[test]
fn corpus_and_bench_inputs_parse_the_same_with_and_without_the_fast_lexer() {
    let shared = shared();
    let mut files = Vec::new();
    let corpus = shared.join("corpus/postgres");
    if let Ok(cases) = std::fs::read_dir(&corpus) {
        let mut cases: Vec<_> = cases.flatten().map(|e| e.path()).collect();
        cases.sort();
        for c in cases {
            files.push(c.join("from.sql"));
            files.push(c.join("to.sql"));
        }
    }
    for name in [
        "small_chinook_pg.sql",
        "small_northwind_pg.sql",
        "small_pagila_schema.sql",
        "medium_gisia_structure_2025-10-15.sql",
        "medium_gisia_structure_2026-05-09.sql",
        "medium_osm_structure_2025-01-13.sql",
        "medium_osm_structure_2025-07-04.sql",
        "medium_osm_structure_2026-07-15.sql",
        "medium_synapse_full72.sql.postgres",
        "chinook_x10_a.sql",
        "chinook_x10_b.sql",
    ] {
        files.push(shared.join("bench-inputs").join(name));
    }
    if !shared.join("bench-inputs").exists() {
        assert!(
            std::env::var("CI").is_err(),
            "../shared is missing under CI"
        );
        eprintln!("skipped: ../shared not found");
        return;
    }
    check(&files);
}

/// The multi-MB dumps: `cargo test --release -p schemashift --test fast_path -- --ignored`.
#[test]
#[ignore = "multi-MB inputs: run in release by scripts/test.sh"]
fn large_dumps_parse_the_same_with_and_without_the_fast_lexer() {
    let inputs = shared().join("bench-inputs");
    if !inputs.exists() {
        assert!(
            std::env::var("CI").is_err(),
            "../shared is missing under CI"
        );
        return;
    }
    let files: Vec<_> = [
        "large_gitlab_init_structure_2025-05-29.sql",
        "large_gitlab_pgdump15_2025-05-29.sql",
        "large_gitlab_pgdump15_2026-02-12.sql",
        "large_gitlab_structure_2026-02-12.sql",
        "chinook_x100_a.sql",
        "chinook_x100_b.sql",
    ]
    .iter()
    .map(|n| inputs.join(n))
    .collect();
    check(&files);
}
