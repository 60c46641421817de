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
//! - convergence on real SQLite (rusqlite, bundled): A applied, then UP: the catalog
//!   (`sqlite_master`) read back diffs empty against B; then DOWN: empty against A.
//!
//! A fixed seed and a case count that keeps `cargo test` fast; a longer run by hand:
//! `PROPTEST_CASES=2000 cargo test --release -p schemashift --test properties`.
//! A failure shrinks to a small schema pair and prints its DDL.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use schemashift::{migrate, DialectKind, Options};

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

const TABLES: usize = 4;
const COLUMNS: usize = 5;

#[derive(Clone, Debug)]
struct Col {
    ty: usize,
    nullable: bool,
    default: Option<usize>,
    unique: bool,
    /// References `t{fk}(id)` (when that table exists).
    fk: Option<usize>,
    check: bool,
    /// An index on the column: `Some(unique)`.
    index: Option<bool>,
    /// The foreign key's `ON DELETE` (0: none, 1: CASCADE, 2: SET NULL).
    on_delete: usize,
}

#[derive(Clone, Debug)]
struct Tab {
    cols: Vec<Option<Col>>,
    /// A view over the table's `id` and its first column.
    view: bool,
    /// A composite unique key on (first column, id).
    composite: bool,
}

#[derive(Clone, Debug)]
struct Schema {
    tables: Vec<Option<Tab>>,
    /// PostgreSQL: the enum `mood` has the first 2 or 3 of its labels.
    enum_labels: usize,
}

fn col() -> impl Strategy<Value = Col> {
    (
        0..8usize,
        any::<bool>(),
        proptest::option::of(0..2usize),
        prop::bool::weighted(0.15),
        proptest::option::weighted(0.2, 0..TABLES),
        prop::bool::weighted(0.2),
        proptest::option::weighted(0.25, any::<bool>()),
        0..3usize,
    )
        .prop_map(
            |(ty, nullable, default, unique, fk, check, index, on_delete)| Col {
                ty,
                nullable,
                default,
                unique,
                fk,
                check,
                index,
                on_delete,
            },
        )
}

fn tab() -> impl Strategy<Value = Tab> {
    (
        proptest::collection::vec(proptest::option::weighted(0.6, col()), COLUMNS),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.15),
    )
        .prop_map(|(cols, view, composite)| Tab {
            cols,
            view,
            composite,
        })
}

fn schema() -> impl Strategy<Value = Schema> {
    (
        proptest::collection::vec(proptest::option::weighted(0.7, tab()), TABLES),
        2..4usize,
    )
        .prop_map(|(tables, enum_labels)| Schema {
            tables,
            enum_labels,
        })
}

/// A pair: B is A with some tables, columns and attributes changed (a pair of independent
/// schemas rarely shares anything to alter).
fn pair() -> impl Strategy<Value = (Schema, Schema)> {
    (
        schema(),
        schema(),
        proptest::collection::vec(0..4u8, TABLES * COLUMNS),
    )
        .prop_map(|(a, other, picks)| {
            let mut b = a.clone();
            b.enum_labels = other.enum_labels;
            for t in 0..TABLES {
                for c in 0..COLUMNS {
                    // 0: keep, 1: take the other schema's column (or absence), 2: flip
                    // nullability and the default, 3: keep.
                    match picks[t * COLUMNS + c] {
                        1 => {
                            let theirs = other.tables[t].as_ref().map(|ot| ot.cols[c].clone());
                            match (&mut b.tables[t], theirs) {
                                (Some(bt), Some(oc)) => bt.cols[c] = oc,
                                (bt @ None, Some(_)) => *bt = other.tables[t].clone(),
                                (bt, None) if c == 0 => *bt = None,
                                _ => {}
                            }
                        }
                        2 => {
                            if let Some(Some(col)) =
                                b.tables[t].as_mut().map(|bt| bt.cols[c].as_mut())
                            {
                                col.nullable = !col.nullable;
                                col.default = match col.default {
                                    None => Some(0),
                                    Some(0) => Some(1),
                                    Some(_) => None,
                                };
                            }
                        }
                        _ => {}
                    }
                }
            }
            (a, b)
        })
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Int,
    Text,
    Bool,
    Decimal,
    Time,
    Enum,
}

/// The dialect's spelling of type `ty` and its class.
fn ty(dialect: DialectKind, ty: usize) -> (&'static str, Class) {
    use Class::*;
    let types: &[(&str, Class)] = match dialect {
        DialectKind::Postgres => &[
            ("integer", Int),
            ("bigint", Int),
            ("text", Text),
            ("varchar(20)", Text),
            ("varchar(40)", Text),
            ("boolean", Bool),
            ("numeric(10,2)", Decimal),
            ("mood", Enum),
        ],
        DialectKind::Sqlite => &[
            ("INTEGER", Int),
            ("INTEGER", Int),
            ("TEXT", Text),
            ("VARCHAR(20)", Text),
            ("TEXT", Text),
            ("REAL", Decimal),
            ("NUMERIC", Decimal),
            ("INTEGER", Int),
        ],
        DialectKind::Mysql | DialectKind::Mariadb => &[
            ("int", Int),
            ("bigint", Int),
            ("varchar(20)", Text),
            ("varchar(40)", Text),
            ("varchar(40)", Text),
            ("tinyint(1)", Bool),
            ("decimal(10,2)", Decimal),
            ("datetime", Time),
        ],
    };
    types[ty % types.len()]
}

fn default_of(class: Class, dialect: DialectKind, d: usize) -> String {
    match (class, d) {
        (Class::Int, 0) => "0".into(),
        (Class::Int, _) => "-1".into(),
        (Class::Text, 0) => "'a'".into(),
        (Class::Text, _) => "'b c'".into(),
        (Class::Bool, 0) if dialect == DialectKind::Postgres => "true".into(),
        (Class::Bool, _) if dialect == DialectKind::Postgres => "false".into(),
        (Class::Bool, d) => d.to_string(),
        (Class::Decimal, 0) => "1.50".into(),
        (Class::Decimal, _) => "0".into(),
        (Class::Time, _) => "CURRENT_TIMESTAMP".into(),
        (Class::Enum, 0) => "'sad'".into(),
        (Class::Enum, _) => "'ok'".into(),
    }
}

/// The statements of a schema's DDL: (class, text) with class 0 types, 1 tables, 2 indexes,
/// 3 views.
fn statements(s: &Schema, dialect: DialectKind) -> Vec<(u8, String)> {
    let pg = dialect == DialectKind::Postgres;
    let id_type = match dialect {
        DialectKind::Postgres => "integer",
        DialectKind::Sqlite => "INTEGER",
        _ => "int",
    };
    let mut out = Vec::new();
    if pg {
        let labels = ["'sad'", "'ok'", "'happy'"][..s.enum_labels].join(", ");
        out.push((0, format!("CREATE TYPE mood AS ENUM ({labels});")));
    }
    for (t, tab) in s.tables.iter().enumerate() {
        let Some(tab) = tab else { continue };
        let mut lines = vec![format!("  id {id_type} NOT NULL PRIMARY KEY")];
        let mut constraints = Vec::new();
        for (c, col) in tab.cols.iter().enumerate() {
            let Some(col) = col else { continue };
            let name = format!("c{c}");
            let target = col.fk.filter(|&k| s.tables[k].is_some());
            let (spelled, class) = match target {
                Some(_) => (id_type, Class::Int),
                None => ty(dialect, col.ty),
            };
            let mut line = format!("  {name} {spelled}");
            if !col.nullable {
                line.push_str(" NOT NULL");
            }
            if let Some(d) = col.default {
                line.push_str(&format!(" DEFAULT {}", default_of(class, dialect, d)));
            }
            if col.unique {
                line.push_str(" UNIQUE");
            }
            lines.push(line);
            if let Some(k) = target {
                let action = match col.on_delete {
                    1 => " ON DELETE CASCADE",
                    2 if col.nullable => " ON DELETE SET NULL",
                    _ => "",
                };
                constraints.push(format!(
                    "  CONSTRAINT t{t}_{name}_fkey FOREIGN KEY ({name}) REFERENCES t{k} (id){action}"
                ));
            }
            if col.check && class == Class::Int {
                constraints.push(format!(
                    "  CONSTRAINT t{t}_{name}_check CHECK ({name} >= 0)"
                ));
            }
            if let Some(unique) = col.index {
                let unique = if unique { "UNIQUE " } else { "" };
                out.push((
                    2,
                    format!("CREATE {unique}INDEX t{t}_{name}_idx ON t{t} ({name});"),
                ));
            }
        }
        let first = tab
            .cols
            .iter()
            .position(Option::is_some)
            .map(|c| format!("c{c}"));
        if let (true, Some(first)) = (tab.composite, &first) {
            constraints.push(format!("  CONSTRAINT t{t}_pair_key UNIQUE ({first}, id)"));
        }
        lines.extend(constraints);
        out.push((1, format!("CREATE TABLE t{t} (\n{}\n);", lines.join(",\n"))));
        if tab.view {
            let cols = first.map_or("id".to_string(), |f| format!("id, {f}"));
            out.push((
                3,
                format!("CREATE VIEW v{t} AS SELECT {cols} FROM t{t} WHERE id > 0;"),
            ));
        }
    }
    out
}

fn ddl(statements: &[(u8, String)]) -> String {
    let mut s: Vec<&(u8, String)> = statements.iter().collect();
    // Stable: statements of a class keep their order among themselves.
    s.sort_by_key(|(class, _)| *class);
    s.iter().map(|(_, t)| format!("{t}\n")).collect()
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

/// Foreign keys only to the table itself or to earlier tables: no cycles.
fn acyclic(s: &mut Schema) {
    for (t, tab) in s.tables.iter_mut().enumerate() {
        for col in tab.iter_mut().flat_map(|tab| tab.cols.iter_mut().flatten()) {
            col.fk = col.fk.filter(|&k| k <= t);
        }
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
