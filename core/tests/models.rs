//! models.py input against real SQLAlchemy: each `tests/models/<case>/` holds models (a
//! `models.py` or a package `app/`) and the DDL SQLAlchemy's `create_all` emitted for them,
//! `expected.<dialect>.sql` (written by `tests/models_check.py`, which also re-checks them
//! against the installed SQLAlchemy/SQLModel) and, where kept, `expected.legacy.<dialect>.sql`
//! (SQLModel 0.0.44 + SQLAlchemy 2.0). The library versions are read from the file's first
//! line. One test per file: schemashift's reading of the models must diff EMPTY against that
//! DDL, without any diagnostic.
//!
//! `tests/models_warn/<case>/` hold models with constructs that cannot be read statically
//! (or that SQLAlchemy cannot compile for the dialect): their positioned diagnostics are
//! pinned as insta snapshots (`diagnostics.snap`), for PostgreSQL and SQLite, or for MySQL and
//! MariaDB when the case is named `mysql_*`.
//!
//! Run one: `cargo test -p schemashift --test models -- postgres/sqlmodel_fields`.

use libtest_mimic::{Arguments, Failed, Trial};
use schemashift::input::python::{Profile, Sources};
use schemashift::{DialectKind, Input, Options};
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, trials()).exit();
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.map(|e| e.expect("dir entry").path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn trials() -> Vec<Trial> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models");
    let mut out = Vec::new();
    for case in sorted_dir(&root) {
        if !case.is_dir() {
            continue;
        }
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        for file in sorted_dir(&case) {
            let fname = file.file_name().unwrap().to_string_lossy().to_string();
            let Some(tag) = fname
                .strip_prefix("expected.")
                .and_then(|f| f.strip_suffix(".sql"))
            else {
                continue;
            };
            let dialect = match tag.rsplit('.').next() {
                Some("postgres") => DialectKind::Postgres,
                Some("sqlite") => DialectKind::Sqlite,
                Some("mysql") => DialectKind::Mysql,
                Some("mariadb") => DialectKind::Mariadb,
                _ => continue,
            };
            let case = case.clone();
            let test = format!("{tag}/{name}");
            out.push(Trial::test(test, move || run(&case, &file, dialect)));
        }
    }
    let warn_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models_warn");
    for case in sorted_dir(&warn_root) {
        if !case.is_dir() {
            continue;
        }
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        out.push(Trial::test(format!("warn/{name}"), move || warn(&case)));
    }
    assert!(!out.is_empty(), "no fixtures under {}", root.display());
    out.push(Trial::test("rename_directives", || {
        rename_directives();
        Ok(())
    }));
    out
}

/// Every `.py` file under `dir`, with paths relative to it.
pub fn sources(dir: &Path) -> Sources {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
        for p in sorted_dir(dir) {
            if p.is_dir() {
                walk(&p, base, out);
            } else if p.extension().is_some_and(|e| e == "py") {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).expect("read .py")));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    // A `python_path` file lists folders (one a line) where the models' absolute imports of
    // their own project live, as `--python-path` gives them to the CLI.
    let mut roots: Vec<String> = std::fs::read_to_string(dir.join("python_path"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    roots.push(String::new());
    Sources { files, roots }
}

/// The library versions named on the first line of an expected DDL file
/// (`... {"sqlalchemy": "2.0.58", "sqlmodel": "0.0.50"}`).
fn profile_of(ddl: &str) -> Profile {
    let first = ddl.lines().next().unwrap_or("");
    let json = first.find('{').map_or("{}", |i| &first[i..]);
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let mut p = Profile::default();
    if let Some(s) = v["sqlalchemy"].as_str() {
        p = p.with_sqlalchemy(s).expect("version");
    }
    if let Some(s) = v["sqlmodel"].as_str() {
        p = p.with_sqlmodel(s).expect("version");
    }
    p
}

fn run(case: &Path, expected: &Path, dialect: DialectKind) -> Result<(), Failed> {
    let ddl = std::fs::read_to_string(expected).map_err(|e| e.to_string())?;
    let src = sources(case);
    let options = Options {
        dialect,
        models: profile_of(&ddl),
        ..Options::default()
    };
    let outcome = schemashift::migrate_inputs(Input::Sql(&ddl), Input::Models(&src), &options);
    if !outcome.diagnostics.is_empty() {
        let list: Vec<String> = (outcome.diagnostics.iter())
            .map(|d| d.render(d.file.as_deref().unwrap_or("<ddl>")))
            .collect();
        return Err(format!("diagnostics:\n{}", list.join("\n")).into());
    }
    let m = outcome.migration.expect("no errors");
    if !m.changes.is_empty() {
        return Err(format!(
            "the models differ from SQLAlchemy's DDL; UP from the DDL to the models:\n{}",
            m.up
        )
        .into());
    }
    Ok(())
}

fn warn(case: &Path) -> Result<(), Failed> {
    let src = sources(case);
    let mut text = String::new();
    // `mysql_*` cases are read for MySQL and MariaDB, the others for PostgreSQL and SQLite.
    let name = case.file_name().unwrap_or_default().to_string_lossy();
    let dialects = if name.starts_with("mysql_") {
        [DialectKind::Mysql, DialectKind::Mariadb]
    } else {
        [DialectKind::Postgres, DialectKind::Sqlite]
    };
    for dialect in dialects {
        let options = Options {
            dialect,
            ..Options::default()
        };
        let outcome = schemashift::migrate_inputs(Input::Sql(""), Input::Models(&src), &options);
        text.push_str(&format!("-- {}\n", dialect.name()));
        for d in &outcome.diagnostics {
            text.push_str(&d.render(d.file.as_deref().unwrap_or("?")));
            text.push('\n');
        }
        if let Some(m) = outcome.migration {
            text.push_str(&m.up);
        }
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(case);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("diagnostics", text));
    Ok(())
}

/// `# schemashift: renamed from old` on a field line and a class line work like the DDL hint,
/// and a W003 about a rename points at the model line.
fn rename_directives() {
    let models = r#"
from sqlmodel import Field, SQLModel


class Person(SQLModel, table=True):  # schemashift: renamed from people
    id: int | None = Field(default=None, primary_key=True)
    full_name: str  # schemashift: renamed from name
"#;
    let src = Sources {
        files: vec![("models.py".into(), models.into())],
        roots: vec![String::new()],
    };
    let current = "CREATE TABLE people (id serial PRIMARY KEY, name varchar NOT NULL);";
    let o = schemashift::migrate_inputs(
        Input::Sql(current),
        Input::Models(&src),
        &Options::default(),
    );
    assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
    let up = o.migration.expect("migration").up;
    assert!(up.contains("ALTER TABLE people RENAME TO person"), "{up}");
    assert!(up.contains("RENAME COLUMN name TO full_name"), "{up}");
    assert!(
        !up.contains("DROP COLUMN") && !up.contains("DROP TABLE"),
        "{up}"
    );
}
