//! Property tests over generated schemas (issue 17): tables with columns of a few types,
//! nullability, defaults, primary keys, unique columns, foreign keys, named checks, indexes
//! (unique or not), composite unique keys, views and, for PostgreSQL, an enum type, rendered to
//! DDL per dialect.
//!
//! - print/parse: the CREATE script schemashift writes for a schema (`diff("", s)`) reads
//!   back as the same schema (`diff(s, print(s))` and `diff(print(s), s)` are empty);
//! - `diff(A, A)` is empty;
//! - shuffled statements (tables among themselves, indexes among themselves) give the same
//!   UP and DOWN byte for byte (tables, indexes and views shuffled among themselves);
//! - convergence in the model: A's DDL followed by UP reads as B, followed by UP and DOWN as
//!   A (`gen::converges_in_model`);
//! - convergence on real SQLite (rusqlite, bundled): A applied, then UP: the catalog
//!   (`sqlite_master`) read back diffs empty against B; then DOWN: empty against A.
//!
//! A fixed seed and a case count that keeps `cargo test` fast; a longer run by hand:
//! `PROPTEST_CASES=2000 cargo test --release -p schemashift --test properties`.
//! A failure shrinks to a small schema pair and prints its DDL.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use schemashift::{migrate, DialectKind, Options};

mod gen;
#[path = "gen/strategy.rs"]
mod strategy;

use gen::{acyclic, converges_in_model, ddl, statements};
use strategy::{pair, schema};

/// Number of cases per property and dialect (`PROPTEST_CASES` overrides).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runner(default_cases: u32) -> TestRunner {
    let config = Config {
        cases: cases(default_cases),
        failure_persistence: None,
        max_shrink_iters: 2000,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

fn options(dialect: DialectKind) -> Options {
    Options {
        dialect,
        ..Options::default()
    }
}

/// Run a property over generated values, panicking with the shrunk case.
fn check<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let mut r = runner(cases);
    if let Err(e) = r.run(&strategy, test) {
        panic!("{name}: {e}");
    }
}

const DIALECTS: [DialectKind; 4] = [
    DialectKind::Postgres,
    DialectKind::Sqlite,
    DialectKind::Mysql,
    DialectKind::Mariadb,
];

/// Changes between two DDL texts (the UP script when there are any), or the diagnostics.
fn changes(a: &str, b: &str, dialect: DialectKind) -> Result<Option<String>, TestCaseError> {
    let o = migrate(a, b, &options(dialect));
    if o.has_errors() {
        return Err(TestCaseError::fail(format!(
            "errors {:?}\nA:\n{a}\nB:\n{b}",
            o.diagnostics
        )));
    }
    let m = o.migration.expect("no errors");
    Ok((!m.changes.is_empty()).then_some(m.up))
}

#[test]
fn printed_schemas_read_back_equal_and_compare_equal_to_themselves() {
    for dialect in DIALECTS {
        check(dialect.name(), 48, schema(), |s| {
            let text = ddl(&statements(&s, dialect));
            let o = migrate(&text, &text, &options(dialect));
            prop_assert!(o.diagnostics.is_empty(), "{:?}\n{text}", o.diagnostics);
            let m = o.migration.expect("no errors");
            prop_assert!(m.changes.is_empty(), "diff(A, A):\n{}\nA:\n{text}", m.up);
            let printed = migrate("", &text, &options(dialect))
                .migration
                .expect("read")
                .up;
            if let Some(up) = changes(&text, &printed, dialect)? {
                prop_assert!(
                    false,
                    "diff(s, print(s)):\n{up}\ns:\n{text}\nprint:\n{printed}"
                );
            }
            if let Some(up) = changes(&printed, &text, dialect)? {
                prop_assert!(
                    false,
                    "diff(print(s), s):\n{up}\ns:\n{text}\nprint:\n{printed}"
                );
            }
            Ok(())
        });
    }
}

#[test]
fn shuffled_statements_give_the_same_scripts() {
    for dialect in DIALECTS {
        let strategy = pair().prop_flat_map(move |(a, b)| {
            let (sa, sb) = (statements(&a, dialect), statements(&b, dialect));
            (
                Just(ddl(&sa)),
                Just(ddl(&sb)),
                Just(sa).prop_shuffle(),
                Just(sb).prop_shuffle(),
            )
        });
        check(dialect.name(), 24, strategy, |(a, b, sa, sb)| {
            let o = migrate(&a, &b, &options(dialect));
            let shuffled = migrate(&ddl(&sa), &ddl(&sb), &options(dialect));
            let (m, n) = (
                o.migration.expect("read"),
                shuffled.migration.expect("read"),
            );
            prop_assert_eq!(&m.up, &n.up, "A:\n{}\nB:\n{}", a, b);
            prop_assert_eq!(&m.down, &n.down, "A:\n{}\nB:\n{}", a, b);
            Ok(())
        });
    }
}

#[test]
fn up_and_down_converge_in_the_model() {
    for dialect in DIALECTS {
        let decided = std::cell::Cell::new(0u32);
        check(dialect.name(), 32, pair(), |(a, b)| {
            let (a, b) = (ddl(&statements(&a, dialect)), ddl(&statements(&b, dialect)));
            match converges_in_model(&a, &b, dialect) {
                Ok(true) => decided.set(decided.get() + 1),
                Ok(false) => {}
                Err(e) => prop_assert!(false, "{}", e),
            }
            Ok(())
        });
        // Every pair is decided: the scripts hold only statements the frontend models (the
        // PostgreSQL enum recreate's `ALTER TYPE .. RENAME TO` included: before it was read,
        // about half of the PostgreSQL pairs, 232 of 500, were not decided).
        eprintln!(
            "{}: {} of {} pairs decided",
            dialect.name(),
            decided.get(),
            cases(32)
        );
        assert_eq!(
            decided.get(),
            cases(32),
            "{}: pairs not decided",
            dialect.name()
        );
    }
}

/// The catalog of a SQLite database as DDL text.
fn sqlite_dump(db: &rusqlite::Connection) -> String {
    let mut stmt = db
        .prepare(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' \
             ORDER BY type = 'index', name",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query");
    rows.map(|r| format!("{};\n", r.expect("row"))).collect()
}

#[test]
fn sqlite_up_then_down_converges_on_a_real_database() {
    let dialect = DialectKind::Sqlite;
    check("sqlite", 32, pair(), |(mut a, mut b)| {
        // Excluded: foreign-key cycles between tables. With `foreign_keys = ON` (rusqlite's
        // default, and many applications') SQLite cannot drop either table of a cycle (the
        // implicit DELETE of DROP TABLE looks up the other, already dropped, table: "no such
        // table"), and the scripts only turn foreign keys off around table rebuilds. Known
        // limitation, reported on issue 17.
        acyclic(&mut a);
        acyclic(&mut b);
        let (a, b) = (ddl(&statements(&a, dialect)), ddl(&statements(&b, dialect)));
        let o = migrate(&a, &b, &options(dialect));
        prop_assert!(!o.has_errors(), "{:?}", o.diagnostics);
        let m = o.migration.expect("read");
        let db = rusqlite::Connection::open_in_memory().expect("sqlite");
        db.execute_batch(&a).expect("A applies");
        if let Err(e) = db.execute_batch(&m.up) {
            prop_assert!(false, "UP fails: {e}\nA:\n{a}\nB:\n{b}\nUP:\n{}", m.up);
        }
        let after_up = sqlite_dump(&db);
        if let Some(left) = changes(&after_up, &b, dialect)? {
            prop_assert!(
                false,
                "after UP the database differs from B:\n{left}\nA:\n{a}\nB:\n{b}\nUP:\n{}\ndatabase:\n{after_up}",
                m.up
            );
        }
        if let Err(e) = db.execute_batch(&m.down) {
            prop_assert!(
                false,
                "DOWN fails: {e}\nA:\n{a}\nB:\n{b}\nDOWN:\n{}",
                m.down
            );
        }
        let after_down = sqlite_dump(&db);
        if let Some(left) = changes(&after_down, &a, dialect)? {
            prop_assert!(
                false,
                "after DOWN the database differs from A:\n{left}\nA:\n{a}\nB:\n{b}\nDOWN:\n{}\ndatabase:\n{after_down}",
                m.down
            );
        }
        Ok(())
    });
}

/// Found by `shuffled_statements_give_the_same_scripts` (MySQL): a kept table whose unique
/// indexes were declared in another order on the other side counted as changed, so a new
/// table's foreign key to it was deferred to an `ALTER TABLE ... ADD CONSTRAINT` in one order
/// of the statements and inline in the other.
#[test]
fn a_new_tables_foreign_key_does_not_depend_on_the_order_of_unique_indexes() {
    let a = "CREATE TABLE t0 (id int NOT NULL PRIMARY KEY, c0 int NOT NULL, c2 int NOT NULL);\n\
             CREATE UNIQUE INDEX t0_c0_idx ON t0 (c0);\n\
             CREATE UNIQUE INDEX t0_c2_idx ON t0 (c2);\n";
    let b = |first: &str, second: &str| {
        format!(
            "CREATE TABLE t0 (id int NOT NULL PRIMARY KEY, c0 int NOT NULL, c2 int NOT NULL);\n\
             CREATE TABLE t3 (id int NOT NULL PRIMARY KEY, c3 int,\n  CONSTRAINT t3_c3_fkey FOREIGN KEY (c3) REFERENCES t0 (id));\n\
             CREATE UNIQUE INDEX {first} ON t0 ({});\n\
             CREATE UNIQUE INDEX {second} ON t0 ({});\n",
            &first[3..5],
            &second[3..5]
        )
    };
    let same = b("t0_c0_idx", "t0_c2_idx");
    let swapped = b("t0_c2_idx", "t0_c0_idx");
    for dialect in DIALECTS {
        let one = migrate(a, &same, &options(dialect))
            .migration
            .expect("read");
        let other = migrate(a, &swapped, &options(dialect))
            .migration
            .expect("read");
        assert_eq!(one.up, other.up, "{}", dialect.name());
        assert!(!one.up.contains("ADD CONSTRAINT"), "{}", one.up);
    }
}

/// Found by `up_and_down_converge_in_the_model` (MySQL): `DROP INDEX c0` after a unique key
/// written without a name (`ADD UNIQUE KEY (c0)`, `c0 int UNIQUE`) left the key in the
/// schema read (it had a placeholder name until the table was complete), so A + UP + DOWN
/// still had it.
#[test]
fn mysql_drop_index_drops_a_key_written_without_a_name() {
    let a = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, c0 int NOT NULL, c1 int);\n";
    for dialect in [DialectKind::Mysql, DialectKind::Mariadb] {
        for script in [
            "ALTER TABLE t ADD UNIQUE KEY (c0);\nALTER TABLE t DROP INDEX c0;\n",
            "ALTER TABLE t ADD UNIQUE (c0);\nALTER TABLE t DROP KEY `c0`;\n",
            // The second key on c0 is c0_2.
            "ALTER TABLE t ADD UNIQUE KEY (c0);\nALTER TABLE t ADD UNIQUE KEY (c0, c1);\n\
             ALTER TABLE t DROP INDEX c0_2;\nALTER TABLE t DROP INDEX c0;\n",
        ] {
            let o = migrate(&format!("{a}{script}"), a, &options(dialect));
            assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
            let m = o.migration.expect("read");
            assert!(m.changes.is_empty(), "{script}\n{}", m.up);
        }
        // Only that key: the one the server named c0_2 stays, under that name.
        let script = "ALTER TABLE t ADD UNIQUE KEY (c0);\nALTER TABLE t ADD UNIQUE KEY (c0, c1);\n\
                      ALTER TABLE t DROP INDEX c0;\n";
        let m = migrate(&format!("{a}{script}"), a, &options(dialect))
            .migration
            .expect("read");
        assert_eq!(m.changes.len(), 1, "{}", m.up);
        assert!(m.up.contains("DROP INDEX `c0_2`"), "{}", m.up);
    }
}

/// Found by the generated pairs on real PostgreSQL (`cli/tests/pg_roundtrip.rs`): a number
/// column becoming an enum was cast `USING c::mood`, and a numeric one becoming boolean
/// `USING c::boolean`, which PostgreSQL refuses even on an empty table (no such casts);
/// through text they apply. A string column, and integer to boolean, are still cast directly.
#[test]
fn postgres_casts_a_number_to_an_enum_through_text() {
    let enum_ = "CREATE TYPE mood AS ENUM ('sad', 'ok');\n";
    let with = |ty: &str| format!("{enum_}CREATE TABLE t (id integer PRIMARY KEY, c {ty});\n");
    let pg = options(DialectKind::Postgres);
    let up = |from: &str| {
        migrate(&with(from), &with("mood"), &pg)
            .migration
            .expect("read")
            .up
    };
    assert!(
        up("bigint").contains("TYPE mood USING c::text::mood"),
        "{}",
        up("bigint")
    );
    assert!(up("numeric(10,2)").contains("USING c::text::mood"));
    assert!(
        up("text").contains("TYPE mood USING c::mood"),
        "{}",
        up("text")
    );
    assert!(up("varchar(20)").contains("TYPE mood USING c::mood"));
    let down = migrate(&with("mood"), &with("bigint"), &pg)
        .migration
        .expect("read")
        .up;
    assert!(down.contains("TYPE bigint USING c::text::bigint"), "{down}");
}

/// Found by `up_and_down_converge_in_the_model` (MySQL, 500 cases): `DROP INDEX t3_c1_fkey`
/// (the index MySQL made for the foreign key, named after it) removed the foreign key itself
/// from the schema read.
#[test]
fn mysql_drop_index_keeps_the_foreign_key_of_that_name() {
    let a = "CREATE TABLE t1 (id int NOT NULL PRIMARY KEY);\n\
             CREATE TABLE t3 (id int NOT NULL PRIMARY KEY, c1 int NOT NULL,\n  \
             CONSTRAINT t3_c1_fkey FOREIGN KEY (c1) REFERENCES t1 (id));\n";
    for dialect in [DialectKind::Mysql, DialectKind::Mariadb] {
        let script = "ALTER TABLE t3 ADD UNIQUE KEY (c1);\nDROP INDEX t3_c1_fkey ON t3;\n\
                      ALTER TABLE t3 DROP INDEX c1;\n";
        let o = migrate(&format!("{a}{script}"), a, &options(dialect));
        assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
        let m = o.migration.expect("read");
        assert!(m.changes.is_empty(), "{}", m.up);
    }
}

/// Found by the `schema_pairs` fuzz target (SQLite): the Alembic revision dropped a rebuilt
/// table's indexes in the order the input declared them, so the same pair in another
/// statement order gave another revision (the SQL scripts were already the same).
#[test]
fn alembic_drops_indexes_before_a_batch_rebuild_in_a_fixed_order() {
    let table = "CREATE TABLE t1 (id INTEGER NOT NULL PRIMARY KEY);\n\
                 CREATE TABLE t0 (id INTEGER NOT NULL PRIMARY KEY, c0 INTEGER DEFAULT -1 UNIQUE,\n  \
                 c1 INTEGER DEFAULT -1, CONSTRAINT t0_c0_fkey FOREIGN KEY (c0) REFERENCES t1 (id));\n";
    let first = "CREATE UNIQUE INDEX t0_c0_idx ON t0 (c0);\n";
    let second = "CREATE INDEX t0_c1_idx ON t0 (c1);\n";
    let b = "CREATE TABLE t1 (id INTEGER NOT NULL PRIMARY KEY);\n\
             CREATE TABLE t0 (id INTEGER NOT NULL PRIMARY KEY, c1 INTEGER);\n";
    let options = Options {
        dialect: DialectKind::Sqlite,
        alembic: Some(schemashift::RevisionInfo {
            message: "x".into(),
            rev_id: "0123456789ab".into(),
            down_revision: None,
            create_date: "2026-01-01 00:00:00".into(),
        }),
        ..Options::default()
    };
    let one = migrate(&format!("{table}{first}{second}"), b, &options);
    let other = migrate(&format!("{table}{second}{first}"), b, &options);
    let (one, other) = (one.migration.expect("read"), other.migration.expect("read"));
    assert_eq!(one.up, other.up);
    assert_eq!(one.alembic, other.alembic);
    let alembic = one.alembic.expect("alembic");
    let c0 = alembic.find("op.drop_index(op.f('t0_c0_idx')").expect("c0");
    let c1 = alembic.find("op.drop_index(op.f('t0_c1_idx')").expect("c1");
    assert!(c0 < c1, "{alembic}");
}
