use super::*;
use crate::{migrate, Options};

fn plan_for(current: &str, desired: &str, dialect: DialectKind) -> Plan {
    let options = Options {
        dialect,
        ..Options::default()
    };
    let outcome = migrate(current, desired, &options);
    let m = outcome.migration.expect("a migration");
    plan(current, desired, &m, dialect).expect("a plan")
}

#[test]
fn seeds_parents_first_with_matching_keys() {
    let current = "CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id), note text);\n\
                   CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL);\n";
    let desired =
        "CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent (id));\n\
                   CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL);\n";
    let p = plan_for(current, desired, DialectKind::Postgres);
    let tables: Vec<&str> = p.seeds.iter().map(|s| s.table.as_str()).collect();
    assert_eq!(tables, ["parent", "child"]);
    assert_eq!(
        p.seeds[1].rows[0],
        [
            "INSERT INTO child (id, parent_id, note) VALUES (1, 1, 'a')",
            "INSERT INTO child (id, parent_id) VALUES (1, 1)"
        ]
    );
    assert_eq!(p.up, ["ALTER TABLE child DROP COLUMN note"]);
    assert_eq!(p.down, ["ALTER TABLE child ADD COLUMN note text"]);
    // The dropped column is not among the kept ones.
    assert_eq!(p.rows[1].columns_kept, ["id", "parent_id"]);
    assert_eq!(
        p.rows[1].content_current,
        "SELECT id::text, parent_id::text, note::text FROM child ORDER BY 1, 2, 3"
    );
}

#[test]
fn values_for_both_sides_and_reasons_to_skip() {
    let current = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n\
                   CREATE TABLE t (id serial PRIMARY KEY, code text NOT NULL, m mood NOT NULL, p point NOT NULL);\n\
                   CREATE TABLE u (id int, code text NOT NULL, m mood);\n\
                   CREATE TABLE gone (id int);\n";
    let desired = "CREATE TYPE mood AS ENUM ('ok', 'happy');\n\
                   CREATE TABLE t (id serial PRIMARY KEY, code text NOT NULL, m mood NOT NULL, p point NOT NULL);\n\
                   CREATE TABLE u (id int, code integer NOT NULL, m mood);\n";
    let p = plan_for(current, desired, DialectKind::Postgres);
    let reasons: Vec<String> = p
        .not_seeded
        .iter()
        .map(|n| format!("{}: {}", n.table, n.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "gone: the desired schema does not have it",
            "t: no value known for NOT NULL column p of type point"
        ]
    );
    // A text column that becomes integer gets a number; the enum value is one both keep.
    assert_eq!(
        p.seeds[0].rows[1][0],
        "INSERT INTO u (id, code, m) VALUES (2, 2, 'happy')"
    );
}

#[test]
fn differences_in_words() {
    let want = vec![
        "column public.t.a type=integer notnull=true".to_string(),
        "table public.t kind=r".to_string(),
    ];
    let got = vec![
        "column public.t.a type=integer notnull=false".to_string(),
        "column public.t.b type=text notnull=false".to_string(),
        "table public.t kind=r".to_string(),
    ];
    assert_eq!(
        catalog_differences(&want, &got, "the desired schema"),
        [
            "column public.t.a differs: the desired schema has `type=integer notnull=true`, this database has `type=integer notnull=false`",
            "only here (not in the desired schema): column public.t.b type=text notnull=false"
        ]
    );
    let before = vec![vec![Some("1".to_string()), Some("a".to_string())]];
    let after = vec![vec![Some("1".to_string()), None]];
    assert_eq!(
        row_differences("t", &["id".into(), "note".into()], &before, &after).as_deref(),
        Some("table t, column note: value 'a' of row 1 became NULL")
    );
}

#[test]
fn sqlite_checks_are_facts() {
    let q = &crate::dialects::verify_sql(DialectKind::Sqlite)
        .catalog()
        .iter()
        .find(|q| q.extract == Extract::Checks)
        .expect("a checks query");
    let rows = vec![vec![
        Some("t".to_string()),
        Some(
            "CREATE TABLE t (a int CHECK (a > 0), b text, CONSTRAINT c CHECK ( length(b) < 5 ))"
                .to_string(),
        ),
    ]];
    assert_eq!(
        catalog_lines(q, &rows),
        ["check t (a>0)", "check t (length(b)<5)"]
    );
}

#[test]
fn plan_sql_is_migrate_then_plan() {
    let (current, desired) = (
        "CREATE TABLE t (id int PRIMARY KEY, note text);\n",
        "CREATE TABLE t (id int PRIMARY KEY);\n",
    );
    let options = Options {
        dialect: DialectKind::Sqlite,
        ..Options::default()
    };
    let p = plan_sql(current, desired, &options).expect("a plan");
    assert_eq!(
        p.up,
        plan_for(current, desired, DialectKind::Sqlite).up,
        "the same plan as migrate + plan"
    );
    let e = plan_sql("CREATE TABLE (", desired, &options).expect_err("input errors");
    assert!(e
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::Severity::Error));
}

#[test]
fn catalog_facts_by_index() {
    let queries = crate::dialects::verify_sql(DialectKind::Sqlite).catalog();
    let i = queries
        .iter()
        .position(|q| q.extract == Extract::Checks)
        .expect("a checks query");
    let rows = vec![vec![
        Some("t".to_string()),
        Some("CREATE TABLE t (a int CHECK (a > 0))".to_string()),
    ]];
    assert_eq!(
        catalog_facts(DialectKind::Sqlite, i, &rows).as_deref(),
        Some(&["check t (a>0)".to_string()][..])
    );
    assert_eq!(
        catalog_facts(DialectKind::Sqlite, queries.len(), &rows),
        None
    );
}
