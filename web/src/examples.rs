//! The examples menu: schema pairs that fill both editors. The texts live in the repository's
//! `examples/` folder, so the CLI can be tried on the same files (`schemashift diff
//! examples/sqlmodel_tasks/current.sql examples/sqlmodel_tasks/app/`).

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
    /// Non-empty: the desired side is these models files (`(path, source)`), shown in the
    /// editor's "models.py" mode; `desired` is then unused.
    pub desired_models: &'static [(&'static str, &'static str)],
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
        desired_models: &[],
    },
    Example {
        id: "sqlmodel-models",
        title: "models.py: SQLModel models vs the database",
        dialect: "postgres",
        current: include_str!("../../examples/sqlmodel_tasks/current.sql"),
        desired: "",
        desired_models: &[
            (
                "app/models.py",
                include_str!("../../examples/sqlmodel_tasks/app/models.py"),
            ),
            (
                "app/enums.py",
                include_str!("../../examples/sqlmodel_tasks/app/enums.py"),
            ),
        ],
    },
    Example {
        id: "pgdump-vs-models",
        title: "pg_dump output vs the models' DDL",
        dialect: "postgres",
        current: include_str!("../../examples/pgdump_vs_models/current.sql"),
        desired: include_str!("../../examples/pgdump_vs_models/desired.sql"),
        desired_models: &[],
    },
    Example {
        id: "sqlite-rebuild",
        title: "SQLite: a change that rebuilds the table",
        dialect: "sqlite",
        current: include_str!("../../examples/sqlite_rebuild/current.sql"),
        desired: include_str!("../../examples/sqlite_rebuild/desired.sql"),
        desired_models: &[],
    },
    Example {
        id: "mariadb-dump",
        title: "MariaDB: a mariadb-dump vs the application's DDL",
        dialect: "mariadb",
        current: include_str!("../../examples/mysqldump_vs_ddl/current.sql"),
        desired: include_str!("../../examples/mysqldump_vs_ddl/desired.sql"),
        desired_models: &[],
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

impl Example {
    /// The desired side's models files, owned (empty: the desired side is SQL).
    pub fn desired_models(&self) -> crate::engine::ModelFiles {
        (self.desired_models.iter())
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    /// Run the example through the core.
    pub fn compute(&self, dialect: schemashift::DialectKind) -> crate::engine::DiffView {
        let models = self.desired_models();
        let desired = if models.is_empty() {
            crate::engine::Source::Sql(self.desired)
        } else {
            crate::engine::Source::Models(&models)
        };
        crate::engine::compute_sources(
            crate::engine::Source::Sql(self.current),
            desired,
            dialect,
            &crate::engine::AlembicHeader::default(),
            "",
        )
    }
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
            let v = e.compute(d);
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
    fn models_example_reads_the_package() {
        let e = find("sqlmodel-models").unwrap();
        let v = e.compute(DialectKind::Postgres);
        assert!(v.diagnostics.is_empty(), "{:?}", v.diagnostics);
        let up = v.up.as_deref().unwrap_or_default();
        // The enum comes from app/enums.py (an absolute import between the two files).
        assert!(
            up.contains("CREATE TYPE priority AS ENUM ('low', 'normal', 'high')"),
            "{up}"
        );
        assert!(up.contains("ADD COLUMN due_at"), "{up}");
        assert!(up.contains("ON DELETE CASCADE"), "{up}");
        // The models are written as SQLAlchemy's DDL: the existing columns are no change.
        assert!(!up.contains("TABLE project"), "{up}");
        assert!(v.alembic.is_some());
    }

    #[test]
    fn ids_are_unique() {
        for (i, a) in EXAMPLES.iter().enumerate() {
            assert!(EXAMPLES[i + 1..].iter().all(|b| b.id != a.id));
        }
        assert!(find("tasks").is_some());
    }
}
