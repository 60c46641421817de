//! Real public schemas from `../shared/bench-inputs`: every PostgreSQL file parses without
//! errors (statements the model does not hold are reported as warnings), each diffed with itself
//! is empty, and GitLab's Rails `structure.sql` equals the raw `pg_dump` of the same schema.
//! Also: no input makes the parser panic.

use schemashift::{migrate, DialectKind, Options, Severity};
use std::path::PathBuf;

/// `$SCHEMASHIFT_SHARED/bench-inputs/<name>` (the round-trip runners' variable), by default
/// `../shared` beside the repository.
fn input(name: &str) -> Option<String> {
    let shared = std::env::var_os("SCHEMASHIFT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    std::fs::read_to_string(shared.join("bench-inputs").join(name)).ok()
}

const POSTGRES_FILES: &[&str] = &[
    "small_chinook_pg.sql",
    "small_northwind_pg.sql",
    "small_pagila_schema.sql",
    "chinook_x10_a.sql",
    "chinook_x100_a.sql",
    "medium_osm_structure_2025-01-13.sql",
    "medium_osm_structure_2025-07-04.sql",
    "medium_osm_structure_2026-07-15.sql",
    "medium_gisia_structure_2025-10-15.sql",
    "medium_gisia_structure_2026-05-09.sql",
    "medium_synapse_full72.sql.postgres",
    "large_gitlab_init_structure_2025-05-29.sql",
    "large_gitlab_structure_2026-02-12.sql",
    "large_gitlab_pgdump15_2025-05-29.sql",
    "large_gitlab_pgdump15_2026-02-12.sql",
];

fn shared_available() -> bool {
    let ok = input("small_chinook_pg.sql").is_some();
    if !ok {
        assert!(
            std::env::var("CI").is_err(),
            "../shared/bench-inputs is missing under CI"
        );
        eprintln!("skipped: ../shared/bench-inputs not found");
    }
    ok
}

#[test]
fn every_postgres_input_parses_and_equals_itself() {
    if !shared_available() {
        return;
    }
    for name in POSTGRES_FILES {
        let text = input(name).unwrap_or_else(|| panic!("{name} missing"));
        let out = migrate(&text, &text, &Options::default());
        let errors: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        for w in &out.diagnostics {
            assert!(w.message.contains("not supported"), "{name}: {w:?}");
        }
        let m = out.migration.expect("no errors");
        assert!(m.changes.is_empty(), "{name}: diff with itself:\n{}", m.up);
    }
}

#[test]
fn every_sqlite_input_parses_and_equals_itself() {
    if !shared_available() {
        return;
    }
    let options = Options {
        dialect: DialectKind::Sqlite,
        ..Default::default()
    };
    for (name, tables) in [
        ("small_chinook_sqlite.sql", 11),
        ("medium_synapse_full72.sql.sqlite", 130),
    ] {
        let text = input(name).unwrap_or_else(|| panic!("{name} missing"));
        let (schema, diags) = schemashift::input::sql::parse(
            &text,
            options.dialect.dialect(),
            schemashift::Side::Current,
        );
        assert!(
            diags.iter().all(|d| d.severity != Severity::Error),
            "{name}: {diags:#?}"
        );
        // Only the data rows (`INSERT`) are left out, with a warning.
        for w in &diags {
            assert!(
                w.message.contains("`INSERT INTO` is not supported"),
                "{name}: {w:?}"
            );
        }
        assert!(
            schema.tables.len() >= tables,
            "{name}: {} tables",
            schema.tables.len()
        );
        let out = migrate(&text, &text, &options);
        let m = out.migration.expect("no errors");
        assert!(m.changes.is_empty(), "{name}: diff with itself:\n{}", m.up);
    }
}

#[test]
fn gitlab_structure_sql_equals_its_pg_dump() {
    if !shared_available() {
        return;
    }
    let a = input("large_gitlab_structure_2026-02-12.sql").unwrap();
    let b = input("large_gitlab_pgdump15_2026-02-12.sql").unwrap();
    let m = migrate(&a, &b, &Options::default())
        .migration
        .expect("parses");
    assert!(m.changes.is_empty(), "structure.sql vs pg_dump:\n{}", m.up);
    assert!(
        m.down_changes.is_empty(),
        "pg_dump vs structure.sql:\n{}",
        m.down
    );
}

#[test]
fn gitlab_evolution_produces_a_migration() {
    if !shared_available() {
        return;
    }
    let a = input("large_gitlab_pgdump15_2025-05-29.sql").unwrap();
    let b = input("large_gitlab_pgdump15_2026-02-12.sql").unwrap();
    let m = migrate(&a, &b, &Options::default())
        .migration
        .expect("parses");
    assert!(m.changes.len() > 100, "{}", m.changes.len());
    assert!(m.up.contains("CREATE TABLE"));
}

#[test]
fn truncated_and_mangled_input_never_panics() {
    let base = input("small_pagila_schema.sql").unwrap_or_else(|| {
        "CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT 'x', CHECK (a <> ''));\n\
         CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n\
         CREATE VIEW v AS SELECT id FROM t WHERE (a = 'x');\n"
            .repeat(20)
    });
    let step = (base.len() / 300).max(1);
    for cut in (0..base.len()).step_by(step) {
        let mut end = cut;
        while !base.is_char_boundary(end) {
            end -= 1;
        }
        let piece = &base[..end];
        let _ = migrate(piece, "", &Options::default());
        let _ = migrate("", piece, &Options::default());
    }
    let sqlite = Options {
        dialect: DialectKind::Sqlite,
        ..Default::default()
    };
    if let Some(chinook) = input("small_chinook_sqlite.sql") {
        for cut in (0..chinook.len()).step_by(17) {
            let _ = migrate(&chinook[..cut], &chinook, &sqlite);
        }
    }
    let deep = format!(
        "CREATE TABLE t (x int CHECK ({}x > 0{}));",
        "(".repeat(500),
        ")".repeat(500)
    );
    for junk in [
        "(((((((((((((",
        ")))",
        "CREATE TABLE",
        "CREATE TABLE t (",
        "CREATE TABLE t (id int DEFAULT",
        "ALTER TABLE t ADD",
        "CREATE INDEX ON t (",
        "COMMENT ON COLUMN . IS 'x'",
        "GRANT ON TO",
        "CREATE TYPE e AS ENUM ('a',",
        "$$",
        "'",
        "\"",
        "/* unterminated",
        "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;",
        "CREATE TABLE [unterminated (a)",
        "CREATE TABLE t (a AS (",
        "CREATE VIRTUAL TABLE v USING",
        "CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT ON CONFLICT",
        deep.as_str(),
    ] {
        for options in [&Options::default(), &sqlite] {
            let out = migrate(junk, "", options);
            let _ = out.has_errors();
        }
    }
}

/// The README documents every hazard code (problem and safe alternative).
#[test]
fn readme_documents_every_hazard_code() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    for code in schemashift::HazardCode::ALL {
        assert!(
            readme.contains(&format!("### `{}`", code.name())),
            "README.md has no section for hazard {}",
            code.name()
        );
    }
}
