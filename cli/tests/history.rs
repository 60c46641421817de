//! Alembic histories as input: `diff` from a versions folder (DIR@REV), `review` verdicts and
//! `check`, on the fixtures of core/tests/histories (which cli/tests/alembic_history.py proves
//! against real Alembic on SQLite, PostgreSQL and MariaDB).

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/histories")
        .join(name)
        .join("versions");
    p.to_string_lossy().into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("history-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemashift"))
        .args(args)
        .output()
        .expect("runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A history of one revision `a1.py` (its text given) in a fresh folder named `name`:
/// `schemashift diff --dialect postgres /dev/null <versions> [extra...]`.
fn diff_one_revision(name: &str, revision: &str, extra: &[&str]) -> Output {
    let root = tmp(name);
    std::fs::create_dir_all(root.join("versions")).unwrap();
    std::fs::write(root.join("versions/a1.py"), revision).unwrap();
    let versions = root.join("versions");
    let mut args = vec![
        "diff",
        "--dialect",
        "postgres",
        "/dev/null",
        versions.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn review_finds_the_enum_autogenerate_never_drops() {
    let o = run(&["review", &fixture("shop"), "--dialect", "postgres"]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(5), "{out}{}", text(&o.stderr));
    let first = out.split("\n\n").next().unwrap();
    assert!(first.starts_with("revision 1a2b3c4d5e6f"), "{first}");
    assert!(first.contains("does NOT undo"), "{first}");
    assert!(first.contains("- drop enum public.orderstatus"), "{first}");
    // The other three undo what they do.
    assert_eq!(
        out.matches("verdict: downgrade() undoes upgrade()").count(),
        3,
        "{out}"
    );
    // Data steps are listed, not replayed.
    assert!(
        out.contains("data step: UPDATE orders SET note = ''"),
        "{out}"
    );
    assert!(out.contains("data step: bulk insert into `users`"), "{out}");
}

#[test]
fn review_on_sqlite_passes_and_names_renames() {
    let o = run(&["review", &fixture("shop"), "--dialect", "sqlite"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let one = run(&[
        "review",
        &format!("{}/2b3c4d5e6f7a_add_columns.py", fixture("shop")),
        "--dialect",
        "sqlite",
    ]);
    let out = text(&one.stdout);
    assert_eq!(one.status.code(), Some(0), "{out}");
    assert_eq!(out.matches("revision ").count(), 1, "{out}");
    assert!(
        out.contains("- rename column main.users.name to full_name"),
        "{out}"
    );
    assert!(
        out.contains("- rename column main.users.full_name to name"),
        "{out}"
    );
}

#[test]
fn review_json_has_the_verdicts() {
    let o = run(&["review", &fixture("shop"), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let restores: Vec<bool> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["restores"].as_bool().unwrap())
        .collect();
    assert_eq!(restores, [false, true, true, true]);
}

#[test]
fn diff_reads_a_history_at_a_revision() {
    let at = |rev: &str| {
        let o = run(&[
            "diff",
            "/dev/null",
            &format!("{}@{rev}", fixture("shop")),
            "--dialect",
            "sqlite",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        text(&o.stdout)
    };
    let first = at("1a2b");
    assert!(
        first.contains("name VARCHAR(100)") && !first.contains("is_active"),
        "{first}"
    );
    let head = at("head");
    assert!(
        head.contains("full_name VARCHAR(200)") && head.contains("CREATE TABLE addresses"),
        "{head}"
    );
    assert_eq!(at("4d5e6f7a8b9c"), head);
    // Branches and a merge: the head has both sides; a label names its revision.
    let o = run(&[
        "diff",
        "/dev/null",
        &fixture("branches"),
        "--dialect",
        "sqlite",
    ]);
    let merged = text(&o.stdout);
    assert!(
        merged.contains("price")
            && merged.contains("CREATE TABLE tag")
            && merged.contains("ix_item_name"),
        "{merged}"
    );
    let o = run(&[
        "diff",
        "/dev/null",
        &format!("{}@left", fixture("branches")),
        "--dialect",
        "sqlite",
    ]);
    let left = text(&o.stdout);
    assert!(left.contains("price") && !left.contains("tag"), "{left}");
}

#[test]
fn history_errors_are_e006() {
    let o = run(&["diff", "/dev/null", &format!("{}@nope", fixture("shop"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("error[E006]: no revision `nope` in the history"),
        "{}",
        text(&o.stderr)
    );
    // Two heads (the merge revision left out): `head` is ambiguous, as in Alembic.
    let d = tmp("two-heads");
    for f in ["a1_base.py", "b1_left.py", "c1_right.py"] {
        std::fs::copy(format!("{}/{f}", fixture("branches")), d.join(f)).unwrap();
    }
    let o = run(&["diff", "/dev/null", &format!("{}@head", d.display())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr)
            .contains("has 2 heads (b1, c1); name one with DIR@REV, or all with DIR@heads"),
        "{}",
        text(&o.stderr)
    );
    // Without @REV (or with @heads) every head is applied, as `alembic upgrade heads` does.
    for spec in [d.display().to_string(), format!("{}@heads", d.display())] {
        let o = run(&["diff", "/dev/null", &spec, "--dialect", "sqlite"]);
        let up = text(&o.stdout);
        assert!(
            o.status.success() && up.contains("price") && up.contains("tag"),
            "{up}{}",
            text(&o.stderr)
        );
    }
    // A revision whose parent no file defines.
    std::fs::remove_file(d.join("a1_base.py")).unwrap();
    std::fs::remove_file(d.join("c1_right.py")).unwrap();
    let o = run(&["diff", "/dev/null", d.to_str().unwrap()]);
    assert!(
        text(&o.stderr).contains("builds on `a1`, which no file defines"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn check_is_alembic_check_without_a_database() {
    let head = run(&["diff", "/dev/null", &fixture("shop"), "--dialect", "sqlite"]);
    let d = tmp("check");
    let same = d.join("same.sql");
    std::fs::write(&same, &head.stdout).unwrap();
    let o = run(&[
        "check",
        &fixture("shop"),
        same.to_str().unwrap(),
        "--dialect",
        "sqlite",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let drift = d.join("drift.sql");
    let more = text(&head.stdout).replace(
        "    city VARCHAR(80),",
        "    city VARCHAR(80),\n    zip VARCHAR(10),",
    );
    std::fs::write(&drift, more).unwrap();
    let o = run(&[
        "check",
        &fixture("shop"),
        drift.to_str().unwrap(),
        "--dialect",
        "sqlite",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("- add column main.addresses.zip"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn offline_autogenerate_chains_onto_the_history_head() {
    // current = the history at its head, desired = DDL with one more column; -o into a copy of
    // the versions folder: the new revision's down_revision is the head.
    let d = tmp("autogen");
    let versions = d.join("versions");
    std::fs::create_dir_all(&versions).unwrap();
    for e in std::fs::read_dir(fixture("shop")).unwrap() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "py") {
            std::fs::copy(e.path(), versions.join(e.file_name())).unwrap();
        }
    }
    let head = run(&[
        "diff",
        "/dev/null",
        versions.to_str().unwrap(),
        "--dialect",
        "sqlite",
    ]);
    let desired = d.join("desired.sql");
    let more = text(&head.stdout).replace(
        "    city VARCHAR(80),",
        "    city VARCHAR(80),\n    zip VARCHAR(10),",
    );
    std::fs::write(&desired, more).unwrap();
    let o = run(&[
        "diff",
        versions.to_str().unwrap(),
        desired.to_str().unwrap(),
        "--dialect",
        "sqlite",
        "--format",
        "alembic",
        "-m",
        "add zip",
        "--rev-id",
        "5e6f7a8b9c0d",
        "--create-date",
        "2026-02-02 10:00:00",
        "-o",
        versions.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let file = std::fs::read_to_string(versions.join("5e6f7a8b9c0d_add_zip.py")).unwrap();
    assert!(
        file.contains("down_revision: Union[str, Sequence[str], None] = '4d5e6f7a8b9c'")
            || file.contains("down_revision = '4d5e6f7a8b9c'")
            || file.contains("'4d5e6f7a8b9c'"),
        "{file}"
    );
    assert!(file.contains("zip"), "{file}");
    // The folder with the new revision replays to the desired schema.
    let o = run(&[
        "check",
        versions.to_str().unwrap(),
        desired.to_str().unwrap(),
        "--dialect",
        "sqlite",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
}

#[test]
fn base_is_the_schema_the_first_revision_starts_from() {
    let d = tmp("base");
    let versions = d.join("versions");
    std::fs::create_dir_all(&versions).unwrap();
    std::fs::write(
        versions.join("0001_add_note.py"),
        "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '0001'\ndown_revision = None\n\n\ndef upgrade():\n    op.add_column('legacy', sa.Column('note', sa.Text()))\n\n\ndef downgrade():\n    op.drop_column('legacy', 'note')\n",
    )
    .unwrap();
    let base = d.join("base.sql");
    std::fs::write(&base, "CREATE TABLE legacy (id integer PRIMARY KEY);\n").unwrap();
    let v = versions.to_str().unwrap();
    // Without the base, the revision alters a table nothing created: a warning.
    let o = run(&["diff", "/dev/null", v]);
    assert!(
        text(&o.stderr).contains("warning[W002]: ALTER TABLE on unknown table legacy"),
        "{}",
        text(&o.stderr)
    );
    let o = run(&["diff", "/dev/null", v, "--base", base.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("CREATE TABLE legacy") && out.contains("note text"),
        "{out}"
    );
    let o = run(&["review", v, "--base", base.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    assert!(
        text(&o.stdout).contains("- add column public.legacy.note"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn an_unreadable_model_column_is_kept_not_dropped() {
    // A column whose type comes from a package schemashift does not read (a W005 says so) is
    // compared as the other side has it: no DROP COLUMN, no dropped enum type.
    let d = tmp("uncompared");
    let models = d.join("models.py");
    std::fs::write(
        &models,
        "import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nfrom thirdparty.types import Status\n\n\nclass Base(DeclarativeBase):\n    pass\n\n\nclass Job(Base):\n    __tablename__ = 'job'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    status = mapped_column(sa.Enum(Status), nullable=False)\n    title: Mapped[str] = mapped_column(sa.String(50))\n",
    )
    .unwrap();
    let current = d.join("current.sql");
    std::fs::write(
        &current,
        "CREATE TYPE status AS ENUM ('new', 'done');\nCREATE TABLE job (id serial PRIMARY KEY, status status NOT NULL, title varchar(50) NOT NULL);\n",
    )
    .unwrap();
    let o = run(&["check", current.to_str().unwrap(), models.to_str().unwrap()]);
    let err = text(&o.stderr);
    assert!(err.contains("warning[W005]: column `status`"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{}{err}", text(&o.stdout));
    let o = run(&["diff", current.to_str().unwrap(), models.to_str().unwrap()]);
    assert_eq!(text(&o.stdout), "", "{}", text(&o.stderr));
}

#[test]
fn revisions_import_the_application_beside_alembic_ini() {
    // app_helpers/versions imports `dbutil`, which sits beside the fixture's alembic.ini (as
    // Alembic's `prepend_sys_path = .` finds it): read without --python-path, every guard is
    // decided and every helper followed.
    for (dialect, index) in [
        ("sqlite", "ix_author_sqlite"),
        ("postgres", "ix_author_pg"),
        ("mariadb", "ix_author_mysql"),
    ] {
        let o = run(&[
            "diff",
            "--dialect",
            dialect,
            "/dev/null",
            &fixture("app_helpers"),
        ]);
        let (out, err) = (text(&o.stdout), text(&o.stderr));
        assert!(!err.contains("warning["), "{dialect}: {err}");
        assert!(out.contains(index), "{dialect}: {out}");
        assert!(out.contains("CREATE TABLE publisher") || out.contains("CREATE TABLE `publisher`"));
        assert!(!out.contains("ix_book_title_again"), "{dialect}: {out}");
        assert!(out.contains("isbn"), "{dialect}: {out}");
    }
}

#[test]
fn a_revision_alone_with_its_base_is_reviewed() {
    // A reviewer holds one revision file and the schema it starts from (a dump, or the
    // history at its parent): its parent need not be among the files.
    let d = tmp("alone");
    let before = run(&[
        "diff",
        "/dev/null",
        &format!("{}@1a2b3c4d5e6f", fixture("shop")),
    ]);
    let base = d.join("base.sql");
    std::fs::write(&base, &before.stdout).unwrap();
    let rev = d.join("2b3c4d5e6f7a_add_columns.py");
    std::fs::copy(
        format!("{}/2b3c4d5e6f7a_add_columns.py", fixture("shop")),
        &rev,
    )
    .unwrap();
    let r = rev.to_str().unwrap();
    // Without a base its parent is missing: an error.
    let o = run(&["review", r]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("which no file defines"),
        "{}",
        text(&o.stderr)
    );
    let o = run(&["review", r, "--base", base.to_str().unwrap()]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}{}", text(&o.stderr));
    assert!(
        out.contains("- rename column public.users.name to full_name"),
        "{out}"
    );
    assert!(!out.contains("caveat"), "{out}");
    // A base that lacks what the revision changes: the verdict says what limits it.
    let empty = d.join("empty.sql");
    std::fs::write(&empty, "CREATE TABLE other (id int);\n").unwrap();
    let o = run(&["review", r, "--base", empty.to_str().unwrap()]);
    assert!(
        text(&o.stdout)
            .contains("caveat: it changes objects the revisions before it do not create"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn depends_on_brings_the_other_branch_in() {
    // c1 (right branch) made to depend on b1 (left branch): the history at c1 has b1's column.
    let d = tmp("depends");
    for f in ["a1_base.py", "b1_left.py", "c1_right.py"] {
        std::fs::copy(format!("{}/{f}", fixture("branches")), d.join(f)).unwrap();
    }
    let c1 = std::fs::read_to_string(d.join("c1_right.py")).unwrap();
    std::fs::write(
        d.join("c1_right.py"),
        c1.replace("depends_on = None", "depends_on = \"b1\""),
    )
    .unwrap();
    let o = run(&[
        "diff",
        "/dev/null",
        &format!("{}@c1", d.to_str().unwrap()),
        "--dialect",
        "sqlite",
    ]);
    let out = text(&o.stdout);
    assert!(
        out.contains("price") && out.contains("CREATE TABLE tag"),
        "{out}{}",
        text(&o.stderr)
    );
}

/// A MySQL/MariaDB history written by schemashift itself (`mysql.INTEGER(display_width=11)`,
/// `mysql.TINYINT(display_width=1)`, `mysql.VARCHAR(charset=.., collation=.., length=..)`,
/// `mysql.BIGINT(.., unsigned=True)`, `mysql.MEDIUMTEXT()`, `mysql.ENUM(..)`,
/// `server_default=sa.text('NULL ON UPDATE current_timestamp')`) is read back: no type is
/// unknown, every downgrade restores, and the replay at head is the desired schema.
#[test]
fn mysql_history_written_by_schemashift_reads_back() {
    let case =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/cases/mysql/modify_columns");
    let current = case.join("current.sql").to_string_lossy().into_owned();
    let desired = case.join("desired.sql").to_string_lossy().into_owned();
    for dialect in ["mariadb", "mysql"] {
        let dir = tmp(&format!("mysql-types-{dialect}"));
        let v = dir.to_string_lossy().into_owned();
        for (from, to, id, msg) in [
            (
                "/dev/null",
                current.as_str(),
                "aaaa00000001",
                "create articles",
            ),
            (
                v.as_str(),
                desired.as_str(),
                "aaaa00000002",
                "modify columns",
            ),
        ] {
            let o = run(&[
                "diff",
                from,
                to,
                "--dialect",
                dialect,
                "--format",
                "alembic",
                "-m",
                msg,
                "--rev-id",
                id,
                "--create-date",
                "2026-01-01 00:00:00",
                "-o",
                &v,
            ]);
            assert!(o.status.success(), "{}", text(&o.stderr));
        }
        let written = std::fs::read_to_string(dir.join("aaaa00000002_modify_columns.py")).unwrap();
        for spelling in [
            "mysql.TINYINT(display_width=1)",
            if dialect == "mariadb" {
                "mysql.BIGINT(display_width=20, unsigned=True)"
            } else {
                "mysql.BIGINT(unsigned=True)"
            },
            "mysql.VARCHAR(charset='utf8mb4', collation='utf8mb4_bin', length=50)",
            "mysql.ENUM('news', 'blog')",
            "mysql.MEDIUMTEXT()",
            "ON UPDATE current_timestamp",
        ] {
            assert!(written.contains(spelling), "{spelling}:\n{written}");
        }
        let o = run(&["review", &v, "--dialect", dialect, "--json"]);
        let err = text(&o.stderr);
        assert!(!err.contains("W005") && !err.contains("W002"), "{err}");
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let restores: Vec<bool> = r
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["restores"].as_bool().unwrap())
            .collect();
        assert_eq!(restores, [true, true], "{}", text(&o.stdout));
        // The replay at head is the desired schema.
        let o = run(&["diff", &v, &desired, "--dialect", dialect, "--exit-code"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}{}",
            text(&o.stdout),
            text(&o.stderr)
        );
        let a = run(&["diff", "/dev/null", &v, "--dialect", dialect]);
        let b = run(&["diff", "/dev/null", &desired, "--dialect", dialect]);
        assert!(a.status.success() && b.status.success());
        assert_eq!(text(&a.stdout), text(&b.stdout));
    }
}

#[test]
fn revisions_inside_the_application_package_are_read_from_any_folder() {
    // Prefect's layout: the versions folder sits in the application's package tree below a
    // folder that is no package (`_migrations` has no __init__.py), and its revisions import
    // the application's types by their full name. Named relatively, from inside it or from a
    // folder of the package, the modules are found above the working directory.
    let root = tmp("in_package");
    let write = |p: &str, t: &str| {
        let f = root.join(p);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, t).unwrap();
    };
    write("myapp/__init__.py", "");
    write("myapp/utilities/__init__.py", "");
    write(
        "myapp/utilities/database.py",
        "import sqlalchemy as sa\n\nMoney = sa.Numeric(12, 3)\n",
    );
    write("myapp/database/__init__.py", "");
    write(
        "myapp/database/_migrations/versions/a1_initial.py",
        "\"\"\"initial\n\nRevision ID: a1\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nimport myapp.utilities.database\n\nrevision = \"a1\"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    op.create_table(\n        \"invoice\",\n        sa.Column(\"id\", sa.Integer(), primary_key=True),\n        sa.Column(\"total\", myapp.utilities.database.Money, nullable=False),\n    )\n\n\ndef downgrade():\n    op.drop_table(\"invoice\")\n",
    );
    // Dagster's: the versions folder is a package of its own, in a folder that is none.
    let revision =
        std::fs::read_to_string(root.join("myapp/database/_migrations/versions/a1_initial.py"))
            .unwrap();
    write("myapp/storage/alembic/versions/__init__.py", "");
    write("myapp/storage/alembic/versions/a1_initial.py", &revision);
    let versions = root.join("myapp/storage/alembic/versions");
    for (cwd, path) in [
        ("myapp", versions.to_str().unwrap()),
        ("myapp/storage/alembic/versions", "."),
        ("myapp/database/_migrations/versions", "."),
        ("myapp/database", "_migrations/versions"),
        ("myapp/database/_migrations", "versions"),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_schemashift"))
            .args(["diff", "--dialect", "postgres", "/dev/null", path])
            .current_dir(root.join(cwd))
            .output()
            .expect("runs");
        let (out, err) = (text(&o.stdout), text(&o.stderr));
        assert!(!err.contains("warning["), "{cwd} {path}: {err}");
        assert!(
            out.contains("total numeric(12,3) NOT NULL"),
            "{cwd} {path}: {out}"
        );
    }
}

#[test]
fn a_container_filled_at_run_time_is_not_its_literal_and_warnings_are_said_once() {
    // `found = []` then `found.append(...)` over fetched rows: `if found:` depends on the
    // data, so it is not decided as the empty literal (W005 says its operations are not
    // read). A warning inside a loop unrolled over a dict's items is said once, not per item.
    // A loop over fetched rows that only changes data changes no schema: no warning; one that
    // runs DDL per row is warned about.
    let o = diff_one_revision(
        "filled_at_run_time",
        "\"\"\"a1\n\nRevision ID: a1\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"a1\"\ndown_revision = None\n\nTABLES = {\"a\": \"x\", \"b\": \"y\"}\n\n\ndef upgrade():\n    found = []\n    for row in op.get_bind().execute(sa.text(\"SELECT 1\")):\n        found.append(row)\n    for table, column in TABLES.items():\n        op.create_table(table, sa.Column(column, sa.Integer()))\n        while False:\n            op.drop_table(table)\n    if found:\n        op.drop_table(\"a\")\n    for row in op.get_bind().execute(sa.text(\"SELECT x FROM a\")):\n        op.get_bind().execute(sa.update(sa.table(\"a\")).values(x=1))\n        op.execute(\"UPDATE a SET x = 2\")\n    for row in op.get_bind().execute(sa.text(\"SELECT x FROM a\")):\n        op.execute(f\"ALTER TABLE a ADD COLUMN c{row[0]} INTEGER\")\n    if op.get_bind().execute(sa.text(\"SELECT 1\")).scalar():\n        return\n    op.create_table(\"c\", sa.Column(\"id\", sa.Integer()))\n\n\ndef downgrade():\n    pass\n",
        &["--format", "json"],
    );
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    // Both tables of the dict's items, none dropped by the undecided `if found:`.
    assert!(out.contains("\"b\"") && out.contains("\"y\""), "{out}");
    assert_eq!(err.matches("while loop").count(), 1, "{err}");
    assert_eq!(
        err.matches("cannot be decided statically (").count(),
        1,
        "{err}"
    );
    assert_eq!(err.matches("this loop is not over").count(), 1, "{err}");
    assert!(err.contains("a1.py:28:5"), "{err}");
    // A guard on the data that would return: what follows is read, and it is said so.
    assert!(
        err.contains("a1.py:30:8: warning[W005]: this condition cannot be decided statically, and it would leave this block"),
        "{err}"
    );
    assert!(out.contains("\"c\""), "{out}");
}

#[test]
fn a_while_loop_that_pages_through_rows_by_named_statements_is_not_warned_about() {
    // Batched backfills (prefect's, mlflow's): `stmt = sa.select(...)`, `stmt =
    // stmt.where(...)`, `rows = conn.execute(stmt.limit(n))`, `if not rows: break`,
    // `conn.execute(upd)` with `upd = t.update()`. The statements are named, and every value
    // the names hold is data: no warning. A name that holds DDL, in any of its assignments,
    // is still warned about.
    let o = diff_one_revision(
        "while_named_statements",
        r#""""a1

Revision ID: a1
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "a1"
down_revision = None

t = sa.table("a", sa.column("id"), sa.column("x"))


def upgrade():
    op.create_table("a", sa.Column("id", sa.Integer()), sa.Column("x", sa.Integer()))
    conn = op.get_bind()
    last = None
    while True:
        stmt = sa.select(t.c.id).where(t.c.x.is_(None))
        if last is not None:
            stmt = stmt.where(t.c.id > last)
        rows = conn.execute(stmt.limit(100)).fetchall()
        if not rows:
            break
        upd = t.update().where(t.c.id.in_([r[0] for r in rows])).values(x=0)
        conn.execute(upd)
        sql = "UPDATE a SET x = 1 WHERE x IS NULL"
        conn.execute(sa.text(sql))
        last = rows[-1][0]
    while True:
        ddl = "ALTER TABLE a ADD COLUMN y INTEGER"
        conn.execute(sa.text(ddl))
        break
    while True:
        again = "UPDATE a SET x = 2"
        again = "DROP TABLE a"
        conn.execute(sa.text(again))
        break


def downgrade():
    op.drop_table("a")
"#,
        &[],
    );
    let err = text(&o.stderr);
    assert_eq!(err.matches("while loop").count(), 2, "{err}");
    assert!(!err.contains("a1.py:18:5"), "{err}");
    assert!(
        err.contains("a1.py:31:5") && err.contains("a1.py:35:5"),
        "{err}"
    );
}

#[test]
fn dropping_a_constraint_named_none_says_so() {
    // `op.drop_constraint(None, ...)` (superset's 2016 revisions; an unnamed SQLite key whose
    // name the inspector gives as None): the warning says the name is None, not that it is
    // not a literal.
    let o = diff_one_revision(
        "drop_constraint_none",
        "\"\"\"a1\n\nRevision ID: a1\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"a1\"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table(\"a\", sa.Column(\"id\", sa.Integer(), primary_key=True))\n    op.drop_constraint(None, \"a\", type_=\"foreignkey\")\n\n\ndef downgrade():\n    op.drop_table(\"a\")\n",
        &[],
    );
    let err = text(&o.stderr);
    assert!(
        err.contains(
            "a1.py:15:5: warning[W005]: `op.drop_constraint`: the constraint name is None"
        ),
        "{err}"
    );
}

#[test]
fn altering_a_column_to_a_schema_type_with_its_check_says_the_check_is_not_read() {
    // Alembic adds the CHECK of an `alter_column(type_=Enum(..., native_enum=False,
    // create_constraint=True))` after the ALTER; the replay does not, and says so. Without
    // `create_constraint`, there is nothing to say.
    let o = diff_one_revision(
        "alter_column_schema_type_check",
        "\"\"\"a1\n\nRevision ID: a1\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"a1\"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table(\"a\", sa.Column(\"id\", sa.Integer(), primary_key=True), sa.Column(\"s\", sa.String(10)), sa.Column(\"t\", sa.String(10)))\n    op.alter_column(\"a\", \"s\", type_=sa.Enum(\"x\", \"y\", name=\"s_kind\", native_enum=False, create_constraint=True))\n    op.alter_column(\"a\", \"t\", type_=sa.Enum(\"x\", \"y\", name=\"t_kind\", native_enum=False))\n\n\ndef downgrade():\n    op.drop_table(\"a\")\n",
        &[],
    );
    let err = text(&o.stderr);
    assert!(
        err.contains("a1.py:15:37: warning[W005]: `alter_column` of `s`: the CHECK that Alembic adds or drops with this `type_` (`create_constraint=True`) is not read"),
        "{err}"
    );
    assert!(!err.contains("`alter_column` of `t`"), "{err}");
}

#[test]
fn create_type_false_is_checked_against_the_types_the_history_made() {
    // `postgresql.ENUM(..., create_type=False)` in `op.create_table` is the migration idiom for
    // a type made earlier (`.create(op.get_bind(), checkfirst=True)`, `op.execute("CREATE TYPE
    // ...")`): no warning then (before, the models reader's create_all warning). When nothing
    // made it, the upgrade fails on PostgreSQL, and the type is unknown (W004).
    let revision = |make: &str| {
        format!("\"\"\"a1\n\nRevision ID: a1\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\nfrom sqlalchemy.dialects import postgresql\n\nrevision = \"a1\"\ndown_revision = None\n\n\ndef upgrade():\n    {make}\n    op.create_table(\"task\", sa.Column(\"id\", sa.Integer(), primary_key=True), sa.Column(\"status\", postgresql.ENUM(\"new\", \"done\", name=\"status\", create_type=False)))\n\n\ndef downgrade():\n    op.drop_table(\"task\")\n")
    };
    for (name, make) in [
        ("create_type_false_created", "postgresql.ENUM(\"new\", \"done\", name=\"status\").create(op.get_bind(), checkfirst=True)"),
        ("create_type_false_executed", "op.execute(\"CREATE TYPE status AS ENUM ('new', 'done')\")"),
    ] {
        let o = diff_one_revision(name, &revision(make), &[]);
        let (out, err) = (text(&o.stdout), text(&o.stderr));
        assert!(!err.contains("W005"), "{name}: {err}");
        assert!(out.starts_with("CREATE TYPE status AS ENUM ('new', 'done');"), "{name}: {out}");
        assert!(out.contains("    status status,\n"), "{name}: {out}");
    }
    let o = diff_one_revision("create_type_false_missing", &revision("pass"), &[]);
    let err = text(&o.stderr);
    assert!(
        err.contains("a1.py:16:78: warning[W004]: unknown type `status`"),
        "{err}"
    );
    assert!(!err.contains("create_all does not create type"), "{err}");
}

#[test]
fn a_do_block_with_other_ddl_is_warned_about() {
    // Only enum types made if missing are read from a `DO` block; other DDL in procedural
    // code is a W005 (before: taken for data, silently). Code without DDL stays data.
    let o = diff_one_revision(
        "do_block_ddl",
        "\"\"\"a1\n\nRevision ID: a1\nRevises:\n\"\"\"\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = \"a1\"\ndown_revision = None\n\n\ndef upgrade():\n    op.create_table(\"a\", sa.Column(\"id\", sa.Integer(), primary_key=True))\n    op.execute(\"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'a' AND column_name = 'b') THEN ALTER TABLE a ADD COLUMN b int; END IF; END $$;\")\n    op.execute(\"DO $$ BEGIN UPDATE a SET id = id; END $$;\")\n\n\ndef downgrade():\n    op.drop_table(\"a\")\n",
        &[],
    );
    let err = text(&o.stderr);
    assert!(
        err.contains("a1.py:15:16: warning[W005]: `op.execute` of a `DO` block: the DDL in its procedural code is not read"),
        "{err}"
    );
    assert_eq!(err.matches("W005").count(), 1, "{err}");
}
