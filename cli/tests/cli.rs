//! The CLI contract: arguments, stdin, output streams, exit codes, diagnostics format.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const CURRENT: &str = "CREATE TABLE task (id serial PRIMARY KEY, title varchar(200) NOT NULL);\n";
const DESIRED: &str =
    "CREATE TABLE task (id serial PRIMARY KEY, title varchar(300) NOT NULL, done boolean);\n";

fn dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(name: &str, text: &str) -> String {
    let p = dir().join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schemashift"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn up_down_and_stdin() {
    let (c, d) = (write("c.sql", CURRENT), write("d.sql", DESIRED));
    let up = run(&["diff", &c, &d], None);
    assert_eq!(up.status.code(), Some(0));
    assert_eq!(
        text(&up.stdout),
        "ALTER TABLE task ALTER COLUMN title TYPE character varying(300);\nALTER TABLE task ADD COLUMN done boolean;\n"
    );
    let down = run(&["diff", &c, &d, "--down"], None);
    assert_eq!(
        text(&down.stdout),
        "ALTER TABLE task ALTER COLUMN title TYPE character varying(200);\nALTER TABLE task DROP COLUMN done;\n"
    );
    let piped = run(&["diff", "-", &d], Some(CURRENT));
    assert_eq!(piped.stdout, up.stdout);
    // Only hazard warnings, no diagnostics.
    assert!(text(&piped.stderr)
        .lines()
        .all(|l| l.starts_with("warning: ") && l.ends_with(']')));
}

#[test]
fn sqlite_rebuild_and_its_hazard() {
    let c = write(
        "sq_c.sql",
        "CREATE TABLE [Task] (id INTEGER PRIMARY KEY, title TEXT);\n",
    );
    let d = write(
        "sq_d.sql",
        "CREATE TABLE task (id INTEGER PRIMARY KEY, title TEXT, owner TEXT NOT NULL);\n",
    );
    let up = run(&["diff", &c, &d, "--dialect", "sqlite"], None);
    assert_eq!(up.status.code(), Some(0));
    let sql = text(&up.stdout);
    assert!(
        sql.starts_with("PRAGMA foreign_keys = OFF;\nBEGIN;\n"),
        "{sql}"
    );
    assert!(
        sql.contains("INSERT INTO _schemashift_new_task (id, title) SELECT id, title FROM task;"),
        "{sql}"
    );
    assert!(
        sql.ends_with("COMMIT;\nPRAGMA foreign_keys = ON;\n"),
        "{sql}"
    );
    let err = text(&up.stderr);
    assert!(err.contains("warning: adding NOT NULL column main.task.owner without a default fails if the table has rows [add_not_null_column]"), "{err}");
    let bad = run(&["diff", &c, &d, "--dialect", "oracle"], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn exit_code_reports_drift() {
    let (c, d) = (write("c2.sql", CURRENT), write("d2.sql", DESIRED));
    assert_eq!(
        run(&["diff", &c, &d, "--exit-code"], None).status.code(),
        Some(3)
    );
    let same = run(&["diff", &c, &c, "--exit-code"], None);
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());
    // Without --exit-code, changes are not an error.
    assert_eq!(run(&["diff", &c, &d], None).status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    let c = write("c3.sql", CURRENT);
    for args in [
        vec!["diff", c.as_str()],
        vec!["diff", c.as_str(), c.as_str(), "--dialect", "oracle"],
        vec!["diff", c.as_str(), c.as_str(), "--format", "xml"],
        vec!["diff", c.as_str(), c.as_str(), "--bogus"],
        vec!["frobnicate"],
        vec!["diff", "-", "-"],
        vec![
            "diff",
            c.as_str(),
            c.as_str(),
            "--lower-case-table-names",
            "3",
        ],
    ] {
        let out = run(&args, Some(""));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        // clap's short form: the error, then the `--help` hint (not the whole help).
        let err = text(&out.stderr);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains("try '--help'"), "{args:?}: {err}");
        assert!(err.lines().count() < 10, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn input_errors_are_positioned() {
    let bad = write(
        "bad.sql",
        "CREATE TABLE ok (id int);\n\nCREATE TABLE t (id int,, name text);\n",
    );
    let d = write("d4.sql", DESIRED);
    let out = run(&["diff", &bad, &d], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{bad}:3:24: error[E002]: ")),
        "{err}"
    );

    let missing = run(&["diff", "/nonexistent/x.sql", &d], None);
    assert_eq!(missing.status.code(), Some(1));

    let unterminated = run(
        &["diff", "-", &d],
        Some("CREATE TABLE t (note text DEFAULT 'oops);\n"),
    );
    assert_eq!(unterminated.status.code(), Some(1));
    assert!(
        text(&unterminated.stderr).starts_with("<stdin>:1:"),
        "{}",
        text(&unterminated.stderr)
    );
}

#[test]
fn warnings_do_not_stop_the_migration() {
    let c = write(
        "c5.sql",
        &format!("{CURRENT}CREATE AGGREGATE myagg (int) (sfunc = int4pl, stype = int);\n"),
    );
    let d = write("d5.sql", DESIRED);
    let out = run(&["diff", &c, &d], None);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(
        err.contains(":2:1: warning[W001]: `CREATE AGGREGATE"),
        "{err}"
    );
    assert!(!out.stdout.is_empty());
}

#[test]
fn json_lists_changes_with_sql_and_hazards() {
    let (c, d) = (write("c6.sql", CURRENT), write("d6.sql", DESIRED));
    let out = run(&["diff", &c, &d, "--format", "json", "--down"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["dialect"], "postgres");
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1]["kind"], "drop_column");
    assert_eq!(changes[1]["sql"][0], "ALTER TABLE task DROP COLUMN done");
    assert_eq!(changes[1]["hazards"][0]["code"], "drop_column");
    assert_eq!(changes[1]["hazards"][0]["kind"], "destructive");
}

#[test]
fn deny_fails_on_hazards_of_the_denied_kinds() {
    let c = write(
        "deny_c.sql",
        "CREATE TABLE t (id int PRIMARY KEY, old text);\n",
    );
    let d = write("deny_d.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
    let out = run(&["diff", &c, &d, "--deny", "destructive"], None);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(text(&out.stdout), "ALTER TABLE t DROP COLUMN old;\n");
    let err = text(&out.stderr);
    assert!(err.contains("[drop_column]"), "{err}");
    assert!(err.contains("--deny"), "{err}");
    // Locking only: dropping a column is not denied.
    let out = run(&["diff", &c, &d, "--deny=locking"], None);
    assert_eq!(out.status.code(), Some(0));
    // The DOWN direction brings the column back without data: irreversible.
    let out = run(&["diff", &c, &d, "--down", "--deny", "irreversible"], None);
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stdout)
        .starts_with("-- irreversible: column public.t.old comes back without its values"));
    let bad = run(&["diff", &c, &d, "--deny", "scary"], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn rename_option_keeps_the_data() {
    let c = write(
        "ren_c.sql",
        "CREATE TABLE todo (id int PRIMARY KEY, title text);\n",
    );
    let d = write(
        "ren_d.sql",
        "CREATE TABLE task (id int PRIMARY KEY, name text);\n",
    );
    let plain = run(&["diff", &c, &d], None);
    assert!(text(&plain.stdout).starts_with("DROP TABLE todo;\n"));
    let out = run(
        &[
            "diff",
            &c,
            &d,
            "--rename",
            "todo=task",
            "--rename",
            "task.title=name",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "ALTER TABLE todo RENAME TO task;\nALTER TABLE task RENAME COLUMN title TO name;\nALTER TABLE task RENAME CONSTRAINT todo_pkey TO task_pkey;\n"
    );
    let down = run(
        &[
            "diff",
            &c,
            &d,
            "--down",
            "--rename",
            "todo=task",
            "--rename",
            "task.title=name",
        ],
        None,
    );
    assert_eq!(
        text(&down.stdout),
        "ALTER TABLE task RENAME TO todo;\nALTER TABLE todo RENAME COLUMN name TO title;\nALTER TABLE todo RENAME CONSTRAINT task_pkey TO todo_pkey;\n"
    );
    // A rename that does not fit the schemas is a warning, and nothing is renamed.
    let wrong = run(&["diff", &c, &d, "--rename", "nope=task"], None);
    assert!(text(&wrong.stderr).contains("rename of table nope ignored"));
    let bad = run(&["diff", &c, &d, "--rename", "todo"], None);
    assert_eq!(bad.status.code(), Some(2));
}

/// The CLI frees the inputs' texts before planning unless planning can add a diagnostic: a
/// rename that cannot apply still points into the desired file, after the warnings of reading.
#[test]
fn a_declared_rename_that_cannot_apply_is_shown_in_its_file() {
    let c = write(
        "ren_hint_c.sql",
        "CREATE TABLE todo (id int PRIMARY KEY);\nALTER TABLE todo OWNER TO app;\n",
    );
    let d = write(
        "ren_hint_d.sql",
        "CREATE TABLE task ( -- schemashift: renamed from nope\n    id int PRIMARY KEY\n);\n",
    );
    let out = run(&["diff", &c, &d], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let read = err.find("warning[W001]").expect(&err);
    let rename = err.find("warning[W003]").expect(&err);
    assert!(read < rename, "{err}");
    assert!(err.contains(&format!("--> {d}:1:")), "{err}");
    assert!(
        err.contains("1 | CREATE TABLE task ( -- schemashift: renamed from nope"),
        "{err}"
    );
}

#[test]
fn alembic_revision_is_reproducible_and_chains_onto_the_folder_head() {
    let (c, d) = (write("c7.sql", CURRENT), write("d7.sql", DESIRED));
    let fixed = [
        "--rev-id",
        "1975ea83b712",
        "--create-date",
        "2026-01-15 14:20:00",
    ];
    let args = |extra: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = ["diff", &c, &d, "--format", "alembic", "-m", "widen title"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let call = |a: &[String]| run(&a.iter().map(String::as_str).collect::<Vec<_>>(), None);
    let first = call(&args(&fixed));
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let file = text(&first.stdout);
    assert!(file.starts_with(
        "\"\"\"widen title\n\nRevision ID: 1975ea83b712\nRevises: \nCreate Date: 2026-01-15 14:20:00\n\n\"\"\"\n"
    ));
    assert!(file.contains("    op.alter_column('task', 'title',\n               existing_type=sa.String(length=200),\n               type_=sa.String(length=300),\n               existing_nullable=False)\n"));
    assert!(file.contains("    op.drop_column('task', 'done')\n"));
    assert_eq!(
        call(&args(&fixed)).stdout,
        first.stdout,
        "byte-for-byte reproducible"
    );
    // Without --rev-id and --create-date: a random id and the current time.
    let (a, b) = (call(&args(&[])), call(&args(&[])));
    let id = |o: &Output| {
        text(&o.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Revision ID: ").map(str::to_string))
            .unwrap()
    };
    assert_eq!(id(&a).len(), 12);
    assert!(id(&a).chars().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(id(&a), id(&b));

    // -o: <rev>_<slug>.py, each new revision chained onto the folder's head.
    let versions = dir().join("versions");
    let _ = std::fs::remove_dir_all(&versions);
    std::fs::create_dir_all(&versions).unwrap();
    let out_dir = versions.to_string_lossy().into_owned();
    let mut previous = None;
    for (i, rev) in ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"]
        .iter()
        .enumerate()
    {
        let o = call(&args(&["-o", &out_dir, "--rev-id", rev]));
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let path = versions.join(format!("{rev}_widen_title.py"));
        assert_eq!(text(&o.stdout), format!("{}\n", path.display()));
        let written = std::fs::read_to_string(&path).unwrap();
        let down = match previous {
            None => "None".to_string(),
            Some(p) => format!("'{p}'"),
        };
        assert!(
            written.contains(&format!(
                "down_revision: Union[str, Sequence[str], None] = {down}\n"
            )),
            "revision {i}: {written}"
        );
        previous = Some(*rev);
    }
    // Two heads: the user must say which one to follow.
    std::fs::write(
        versions.join("dddddddddddd_branch.py"),
        "revision = 'dddddddddddd'\ndown_revision = 'aaaaaaaaaaaa'\n",
    )
    .unwrap();
    let o = call(&args(&["-o", &out_dir]));
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("several heads (cccccccccccc, dddddddddddd)"));
    let o = call(&args(&["-o", &out_dir, "--down-revision", "dddddddddddd"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn alembic_usage_errors_exit_2() {
    let c = write("c8.sql", CURRENT);
    for args in [
        vec!["diff", c.as_str(), c.as_str(), "--format", "alembic"],
        vec!["diff", c.as_str(), c.as_str(), "-m", "x"],
        vec!["diff", c.as_str(), c.as_str(), "--rev-id", "abc"],
        vec![
            "diff",
            c.as_str(),
            c.as_str(),
            "--format",
            "alembic",
            "-m",
            "x",
            "--rev-id",
            "a b",
        ],
    ] {
        let out = run(&args, Some(""));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        // clap's short form: the error, then the `--help` hint (not the whole help).
        let err = text(&out.stderr);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains("try '--help'"), "{args:?}: {err}");
        assert!(err.lines().count() < 10, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn bare_command_prints_help_and_exits_2() {
    let out = run(&[], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("Usage: schemashift <COMMAND>"), "{err}");
    assert!(err.contains("diff"), "{err}");
    let help = run(&["diff", "--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("--format <FORMAT>"));
    // A rule checked after parsing still prints the command's own usage line.
    let c = write("c9.sql", CURRENT);
    let out = run(&["diff", &c, &c, "-m", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("Usage: schemashift diff"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_file_that_is_not_utf8_is_positioned() {
    let d = write("d10.sql", DESIRED);
    let p = dir().join("latin1.sql");
    std::fs::write(
        &p,
        b"CREATE TABLE t (id int);\nCREATE TABLE caf\xe9 (id int);\n",
    )
    .unwrap();
    let p = p.to_string_lossy().into_owned();
    let out = run(&["diff", &p, &d], None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "{p}:2:17: error[E007]: not UTF-8: byte 0xE9 at line 2, column 17 (byte offset 41)"
        )),
        "{err}"
    );
}

#[test]
fn alembic_version_is_never_migrated() {
    // A dump of an Alembic-managed database has Alembic's table; the models' DDL does not.
    let c = write(
        "c11.sql",
        &format!(
            "{CURRENT}CREATE TABLE public.alembic_version (version_num varchar(32) NOT NULL,\n  CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));\n"
        ),
    );
    let d = write("d11.sql", DESIRED);
    for dialect in ["postgres", "sqlite"] {
        let out = run(&["diff", &c, &d, "--dialect", dialect], None);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let sql = text(&out.stdout);
        assert!(!sql.contains("alembic_version"), "{dialect}: {sql}");
        assert!(sql.contains("done"), "{dialect}: {sql}");
        assert!(
            text(&out.stderr).contains("note: left out (Alembic's version table): "),
            "{}",
            text(&out.stderr)
        );
        let down = run(&["diff", &c, &d, "--dialect", dialect, "--down"], None);
        assert!(!text(&down.stdout).contains("alembic_version"));
    }
    let file = run(
        &[
            "diff", &c, &d, "--format", "alembic", "-m", "x", "--rev-id", "abc",
        ],
        None,
    );
    assert!(!text(&file.stdout).contains("alembic_version"));
    // A configured version table is left out instead (`version_table` in env.py).
    let custom = write(
        "c12.sql",
        &format!("{CURRENT}CREATE TABLE ops.schema_rev (version_num varchar(32) PRIMARY KEY);\n"),
    );
    let out = run(
        &["diff", &custom, &d, "--version-table", "ops.schema_rev"],
        None,
    );
    assert!(!text(&out.stdout).contains("schema_rev"));
    let out = run(&["diff", &custom, &d], None);
    assert!(text(&out.stdout).contains("DROP TABLE ops.schema_rev"));
    // JSON shows the filter and what it left out.
    let out = run(
        &["diff", &c, &d, "--format", "json", "--exclude", "task"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["filter"]["exclude"][0], "task");
    assert_eq!(v["filter"]["version_table"], "alembic_version");
    assert_eq!(v["left_out"][0]["name"], "public.task");
    assert_eq!(v["left_out"][0]["reason"], "pattern");
    assert_eq!(v["left_out"][1]["name"], "public.alembic_version");
    assert_eq!(v["left_out"][1]["reason"], "version_table");
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0));
}

#[test]
fn include_and_exclude_patterns() {
    let c = write(
        "c13.sql",
        "CREATE TABLE app_user (id int);\nCREATE TABLE audit_log (id int);\nCREATE INDEX audit_ix ON audit_log (id);\n",
    );
    let d = write("d13.sql", "CREATE TABLE app_user (id int, name text);\n");
    let all = text(&run(&["diff", &c, &d], None).stdout);
    assert!(all.contains("DROP TABLE audit_log"), "{all}");
    let excluded = text(&run(&["diff", &c, &d, "--exclude", "Audit_*"], None).stdout);
    assert!(!excluded.contains("audit"), "{excluded}");
    assert!(excluded.contains("ADD COLUMN name"), "{excluded}");
    let included = text(&run(&["diff", &c, &d, "--include", "public.audit_*"], None).stdout);
    assert!(included.contains("DROP TABLE audit_log"), "{included}");
    assert!(!included.contains("app_user"), "{included}");
}

#[test]
fn strict_turns_input_warnings_into_errors() {
    let c = write(
        "c14.sql",
        &format!("{CURRENT}CREATE AGGREGATE myagg (int) (sfunc = int4pl, stype = int);\n"),
    );
    let d = write("d14.sql", DESIRED);
    let out = run(&["diff", &c, &d, "--strict"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("warning[W001]"), "{err}");
    assert!(
        err.contains("1 warning(s) in the input, errors under --strict"),
        "{err}"
    );
    // Without warnings --strict changes nothing.
    let clean = write("c15.sql", CURRENT);
    assert_eq!(
        run(&["diff", &clean, &d, "--strict"], None).status.code(),
        Some(0)
    );
}

/// Write `files` (path, text) under a fresh folder `name` of the test dir; its path.
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = dir().join(name);
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    root
}

const ENUMS: &str =
    "import enum\n\n\nclass Color(str, enum.Enum):\n    red = 'red'\n    blue = 'blue'\n";
const MIXINS: &str = "from datetime import datetime\n\nfrom sqlmodel import Field, SQLModel\n\n\nclass Stamped(SQLModel):\n    created_at: datetime = Field(default_factory=datetime.utcnow)\n";
const MODELS: &str = "from typing import Optional\n\nfrom sqlmodel import Field, SQLModel\n\nfrom app.enums import Color\nfrom shared.mixins import Stamped\nfrom .tags import Tag\n\n\nclass Paint(Stamped, table=True):\n    id: Optional[int] = Field(default=None, primary_key=True)\n    color: Color\n    tag_id: int | None = Field(default=None, foreign_key=\"tag.id\")\n";
const TAGS: &str = "from sqlmodel import Field, SQLModel\n\n\nclass Tag(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n    label: str = Field(max_length=20, unique=True)\n";

#[test]
fn models_file_package_and_python_path() {
    let root = tree(
        "models_input",
        &[
            ("proj/app/__init__.py", ""),
            ("proj/app/enums.py", ENUMS),
            ("proj/app/models.py", MODELS),
            ("proj/app/tags.py", TAGS),
            ("lib/shared/__init__.py", ""),
            ("lib/shared/mixins.py", MIXINS),
        ],
    );
    let empty = write("empty.sql", "");
    let models = root.join("proj/app/models.py");
    let lib = root.join("lib");
    let (models, lib) = (models.to_str().unwrap(), lib.to_str().unwrap());
    // Without --python-path the mixin's module is not found: a positioned warning, no table.
    let out = run(&["diff", &empty, models], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("{models}:10:13: warning[W005]: class `Paint`")),
        "{err}"
    );
    assert!(err.contains("--python-path"), "{err}");
    // With it: the enum from app/, the mixin from lib/, the relative import of tags.py.
    let out = run(&["diff", &empty, models, "--python-path", lib], None);
    assert_eq!(text(&out.stderr), "");
    let up = text(&out.stdout);
    assert!(
        up.contains("CREATE TYPE color AS ENUM ('red', 'blue');"),
        "{up}"
    );
    assert!(
        up.contains("created_at timestamp with time zone NOT NULL,"),
        "{up}"
    );
    assert!(up.contains("REFERENCES tag (id)"), "{up}");
    assert!(
        up.contains("CONSTRAINT tag_label_key UNIQUE (label)"),
        "{up}"
    );
    // A package directory reads every module in it; --sqlmodel picks the older datetime.
    let pkg = root.join("proj/app");
    let out = run(
        &[
            "diff",
            &empty,
            pkg.to_str().unwrap(),
            "--python-path",
            lib,
            "--sqlmodel",
            "0.0.44",
            "--dialect",
            "sqlite",
        ],
        None,
    );
    assert_eq!(text(&out.stderr), "");
    let up = text(&out.stdout);
    assert!(up.contains("CREATE TABLE paint ("), "{up}");
    assert!(up.contains("color VARCHAR(4) NOT NULL,"), "{up}");
    // Models on both sides.
    let newer = tree(
        "models_input_v2",
        &[(
            "models.py",
            "from sqlmodel import Field, SQLModel\n\n\nclass Tag(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n    label: str = Field(max_length=40, unique=True)\n    note: str | None = None\n",
        )],
    );
    let older = root.join("proj/app/tags.py");
    let out = run(
        &[
            "diff",
            older.to_str().unwrap(),
            newer.join("models.py").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        text(&out.stdout),
        "ALTER TABLE tag ALTER COLUMN label TYPE character varying(40);\nALTER TABLE tag ADD COLUMN note character varying;\n"
    );
    // A syntax error stops with exit 1 at the error.
    let bad = write(
        "bad.py",
        "class T(SQLModel, table=True):\n    id: int = (\n",
    );
    let out = run(&["diff", &empty, &bad], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with(&format!("{bad}:3:1: error[E005]: Python syntax error")),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn lower_case_table_names_folds_mysql_table_names() {
    let a = write(
        "lctn_a.sql",
        "CREATE TABLE Orders (id int NOT NULL PRIMARY KEY);\n",
    );
    let b = write(
        "lctn_b.sql",
        "CREATE TABLE ORDERS (id int NOT NULL PRIMARY KEY);\n",
    );
    let folded = run(
        &[
            "diff",
            &a,
            &b,
            "--dialect",
            "mysql",
            "--lower-case-table-names",
            "1",
            "--exit-code",
        ],
        None,
    );
    assert_eq!(folded.status.code(), Some(0), "{}", text(&folded.stderr));
    let sensitive = run(&["diff", &a, &b, "--dialect", "mysql", "--exit-code"], None);
    assert_eq!(sensitive.status.code(), Some(3));
    assert!(text(&sensitive.stdout).contains("DROP TABLE `Orders`"));
}

/// Two sides of 1 MB or more are read at the same time (the native host's read-ahead): the
/// migration is the one of the same texts through stdin, the same file on both sides is read
/// twice (no difference), and a diagnostic near the end of a big file keeps its line and its
/// source line.
#[test]
fn big_inputs_read_ahead_give_the_same_migration() {
    let tables = |n: usize, extra: &str| {
        let mut s = String::new();
        for i in 0..n {
            s += &format!("CREATE TABLE t{i} (id integer PRIMARY KEY, name text{extra});\n");
        }
        s
    };
    let current = tables(20_000, "");
    let mut desired = tables(20_000, ", done boolean");
    desired += "ALTER TABLE t1 OWNER TO someone;\n";
    assert!(current.len() >= 1 << 20 && desired.len() >= 1 << 20);
    let (c, d) = (write("big_c.sql", &current), write("big_d.sql", &desired));
    let ahead = run(&["diff", &c, &d], None);
    assert_eq!(ahead.status.code(), Some(0), "{}", text(&ahead.stderr));
    let piped = run(&["diff", "-", &d], Some(&current));
    assert_eq!(ahead.stdout, piped.stdout);
    assert_eq!(text(&ahead.stdout).lines().count(), 20_000);
    let line = 20_001;
    let stderr = text(&ahead.stderr);
    assert!(
        stderr.contains(&format!("big_d.sql:{line}:1: warning[W001]"))
            && stderr.contains(&format!("{line} | ALTER TABLE t1 OWNER TO someone;")),
        "{stderr}"
    );
    let same = run(&["diff", &d, &d], None);
    assert_eq!(
        (same.status.code(), text(&same.stdout)),
        (Some(0), String::new())
    );
}
