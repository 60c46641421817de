//! The examples menu: schema pairs that fill both editors. The texts live in the repository's
//! `examples/` folder, so the CLI can be tried on the same files.

/// One entry of the examples menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Stable id (the menu's option value; the tests pick examples by it).
    pub id: &'static str,
    pub title: &'static str,
    /// Dialect name the example is written for.
    pub dialect: &'static str,
    pub current: &'static str,
    pub desired: &'static str,
}

/// All examples, in menu order. An example whose dialect the core does not support is shown
/// disabled ("coming soon").
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "tasks",
        title: "Tasks table: add priority and tags",
        dialect: "postgres",
        current: include_str!("../../examples/tasks/current.sql"),
        desired: include_str!("../../examples/tasks/desired.sql"),
    },
    Example {
        id: "pgdump-vs-models",
        title: "pg_dump output vs the models' DDL",
        dialect: "postgres",
        current: include_str!("../../examples/pgdump_vs_models/current.sql"),
        desired: include_str!("../../examples/pgdump_vs_models/desired.sql"),
    },
    Example {
        id: "sqlite-rebuild",
        title: "SQLite: a change that rebuilds the table",
        dialect: "sqlite",
        current: include_str!("../../examples/sqlite_rebuild/current.sql"),
        desired: include_str!("../../examples/sqlite_rebuild/desired.sql"),
    },
    Example {
        id: "mariadb-dump",
        title: "MariaDB: a mariadb-dump vs the application's DDL",
        dialect: "mariadb",
        current: include_str!("../../examples/mysqldump_vs_ddl/current.sql"),
        desired: include_str!("../../examples/mysqldump_vs_ddl/desired.sql"),
    },
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// Whether the core supports the example's dialect yet.
pub fn available(e: &Example) -> bool {
    crate::engine::dialect_available(e.dialect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemashift::DialectKind;

    #[test]
    fn available_examples_migrate_without_errors() {
        for e in EXAMPLES {
            let Some(d) = DialectKind::from_name(e.dialect) else {
                continue;
            };
            let v = crate::engine::compute(e.current, e.desired, d);
            assert_eq!(v.errors(), 0, "{}: {:?}", e.id, v.diagnostics);
            assert!(!v.changes.is_empty(), "{}: no changes", e.id);
        }
    }

    #[test]
    fn pg_dump_spelling_is_not_a_change() {
        let e = find("pgdump-vs-models").unwrap();
        let v = crate::engine::compute(e.current, e.desired, DialectKind::Postgres);
        let summaries: Vec<&str> = v.changes.iter().map(|c| c.summary.as_str()).collect();
        // serial vs sequence + nextval, varchar vs character varying: equivalent.
        assert!(
            !summaries
                .iter()
                .any(|s| s.contains("sequence") || s.contains(".title")),
            "{summaries:?}"
        );
        assert!(
            summaries.iter().any(|s| s.contains("is_active")),
            "{summaries:?}"
        );
        assert!(
            v.changes.iter().any(|c| c.destructive()),
            "dropping `completed` is destructive"
        );
    }

    #[test]
    fn sqlite_example_rebuilds_the_table() {
        let e = find("sqlite-rebuild").unwrap();
        let v = crate::engine::compute(e.current, e.desired, DialectKind::Sqlite);
        let up = v.up.as_deref().unwrap_or_default();
        // SQLite cannot add NOT NULL / CHECK in place: create the new table, copy, swap.
        assert!(up.contains("CREATE TABLE"), "{up}");
        assert!(up.contains("INSERT INTO"), "{up}");
        assert!(
            up.contains("ALTER TABLE") && up.contains("RENAME TO"),
            "{up}"
        );
        let down = v.down.as_deref().unwrap_or_default();
        assert!(down.contains("INSERT INTO"), "{down}");
    }

    #[test]
    fn ids_are_unique() {
        for (i, a) in EXAMPLES.iter().enumerate() {
            assert!(EXAMPLES[i + 1..].iter().all(|b| b.id != a.id));
        }
        assert!(find("tasks").is_some());
    }
}
