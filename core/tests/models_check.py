"""Ground truth for the models.py frontend: real SQLAlchemy/SQLModel DDL per fixture.

For every fixture folder core/tests/models/<case>/ (a `models.py`, or a package `app/`), this
imports the models in a fresh interpreter, runs `metadata.create_all` on a mock engine for
PostgreSQL, SQLite, MySQL and MariaDB and compares the DDL with the committed `expected.<dialect>.sql`
(`--write` rewrites them). Then, unless `--no-cli`, it runs the built CLI
`schemashift diff expected.<dialect>.sql <models> --dialect <d> --exit-code` and requires exit 0
(schemashift's reading of the .py files diffs EMPTY against SQLAlchemy's DDL).

  .venv/bin/python core/tests/models_check.py [--write] [--cli PATH] [--mariadb] [CASE...]

With --mariadb (a server from scripts/mariadb.sh, socket in SCHEMASHIFT_MYSQL_SOCKET), each
fixture's MariaDB DDL is also run in a fresh database of that real server, dumped with
`mariadb-dump --no-data`, and `schemashift diff <dump> <models> --dialect mariadb` must find no
change: schemashift's reading of the models is what the server stores. The database's default
character set and collation (the server's, the models name none) are left out of the dump.

The profile flags the CLI gets (--sqlmodel, --sqlalchemy) are the installed versions.
"""

import argparse
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "models")
DIALECTS = {"postgres": "postgresql://", "sqlite": "sqlite://", "mysql": "mysql://", "mariadb": "mariadb://"}


def entry_of(case_dir):
    """The models path a user would give the CLI: models.py, else the package app/."""
    if os.path.exists(os.path.join(case_dir, "models.py")):
        return "models.py"
    return "app"


def python_path(case_dir):
    """The fixture's `python_path` file: folders (relative to it, one a line) where the models'
    absolute imports of their own project live, as `--python-path` gives them to the CLI."""
    try:
        with open(os.path.join(case_dir, "python_path")) as f:
            return [os.path.join(case_dir, line.strip()) for line in f if line.strip()]
    except FileNotFoundError:
        return []


def dialects_of(case_dir):
    """The fixture's `dialects` file (names, one a line) limits it to those dialects: for
    models that only one database accepts, e.g. collation names, which differ per database."""
    try:
        with open(os.path.join(case_dir, "dialects")) as f:
            return [line.strip() for line in f if line.strip()]
    except FileNotFoundError:
        return list(DIALECTS)


def cli_args(case_dir):
    """`<models> [--python-path DIR]...` for the CLI."""
    args = [os.path.join(case_dir, entry_of(case_dir))]
    for d in python_path(case_dir):
        args += ["--python-path", d]
    return args


def ddl_in_child(case_dir):
    """Import the fixture and print {dialect: ddl} as JSON (run in a child interpreter).

    What the models print while imported (a tutorial's `create_engine(.., echo=True)` and
    `create_all` at module level) goes to stderr: stdout carries only the JSON."""
    json_out = sys.stdout
    sys.stdout = sys.stderr
    for d in reversed(python_path(case_dir)):
        sys.path.insert(0, d)
    sys.path.insert(0, case_dir)
    import sqlalchemy as sa

    entry = entry_of(case_dir)
    modules = []
    if entry == "models.py":
        modules.append(importlib.import_module("models"))
    else:
        pkg = importlib.import_module("app")
        modules.append(pkg)
        for info in pkgutil.walk_packages(pkg.__path__, "app."):
            modules.append(importlib.import_module(info.name))
    metas = []

    def add(m):
        if isinstance(m, sa.MetaData) and all(m is not x for x in metas):
            metas.append(m)

    try:
        import sqlmodel

        if sqlmodel.SQLModel.metadata.tables:
            add(sqlmodel.SQLModel.metadata)
    except ImportError:
        pass
    for mod in modules:
        for value in vars(mod).values():
            add(value)
            add(getattr(value, "metadata", None))
    out = {}
    wanted = dialects_of(case_dir)
    for dialect, url in DIALECTS.items():
        if dialect not in wanted:
            continue
        parts = []

        def executor(sql, *a, **kw):
            parts.append(str(sql.compile(dialect=engine.dialect)).strip() + ";")

        engine = sa.create_mock_engine(url, executor)
        try:
            # A table another MetaData declared first is skipped, as create_all's checkfirst
            # skips it on a real database (dagster declares one table in three MetaData).
            created = set()
            for m in metas:
                tables = [t for t in m.sorted_tables if t.fullname not in created]
                if len(tables) == len(m.sorted_tables):
                    m.create_all(engine, checkfirst=False)
                else:
                    m.create_all(engine, checkfirst=False, tables=tables)
                created.update(t.fullname for t in tables)
        except sa.exc.CompileError as e:
            # e.g. postgresql.JSONB on SQLite with SQLAlchemy 2.0, String without a length on
            # MySQL: nothing to compare.
            out[dialect] = {"error": str(e)}
            continue
        # SQLAlchemy emits a table's indexes in set order (by object id): sort each run.
        i = 0
        while i < len(parts):
            j = i
            while j < len(parts) and parts[j].startswith(("CREATE INDEX", "CREATE UNIQUE INDEX", "CREATE FULLTEXT INDEX")):
                j += 1
            parts[i:j] = sorted(parts[i:j])
            i = j + 1 if j == i else j
        out[dialect] = "\n\n".join(parts) + "\n"
    # Real databases: create_all on a SQLite file (its catalog's SQL, as `.schema` prints it)
    # and, with SCHEMASHIFT_PGHOST, on a fresh PostgreSQL database (`pg_dump -s`).
    import tempfile

    if "sqlite" in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            engine = sa.create_engine(f"sqlite:///{tmp}/db.sqlite")
            try:
                for m in metas:
                    m.create_all(engine)
                with engine.connect() as c:
                    rows = c.exec_driver_sql(
                        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").all()
                out["sqlite_db"] = "".join(r[0] + ";\n" for r in rows)
            except sa.exc.SQLAlchemyError as e:
                out["sqlite_db"] = None
                print(f"sqlite db: {e}", file=sys.stderr)
            finally:
                engine.dispose()
    host = os.environ.get("SCHEMASHIFT_PGHOST")
    if host and "postgres" in wanted:
        name = f"ss_models_{os.getpid()}"
        env = dict(os.environ, PGHOST=host, PGUSER="postgres")
        psql = lambda sql: subprocess.run(  # noqa: E731
            ["psql", "-X", "-q", "-d", "postgres", "-c", sql], env=env, check=True,
            capture_output=True)
        psql(f"CREATE DATABASE {name}")
        try:
            engine = sa.create_engine(f"postgresql+psycopg://postgres@/{name}?host={host}")
            try:
                for m in metas:
                    m.create_all(engine)
            finally:
                engine.dispose()
            dump = subprocess.run(["pg_dump", "-s", "--no-owner", "--no-privileges", "-d", name], env=env, check=True,
                                  capture_output=True, text=True)
            out["postgres_db"] = dump.stdout
        finally:
            psql(f"DROP DATABASE {name}")
    print(json.dumps(out), file=json_out)


def cli_path(args):
    return args.cli or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "..", "..", "target")),
        "debug",
        "schemashift",
    )


def mariadb_check(case, case_dir, ddl_path, cli, profile, socket):
    """Load SQLAlchemy's MariaDB DDL into a real server, dump it, diff it with the models."""
    db = "models_" + case
    conn = ["--socket=" + socket, "-uroot"]

    def sql(q):
        r = subprocess.run(["mariadb", *conn, "-N", "-B", "-e", q], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(r.stderr)
        return r.stdout

    sql(f"DROP DATABASE IF EXISTS `{db}`; CREATE DATABASE `{db}`")
    try:
        with open(ddl_path) as f:
            r = subprocess.run(["mariadb", *conn, db], stdin=f, capture_output=True, text=True)
        if r.returncode != 0:
            return f"the server rejects SQLAlchemy's DDL: {r.stderr}"
        cs, coll = sql(
            f"SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{db}'"
        ).split()
        r = subprocess.run(
            ["mariadb-dump", *conn, "--no-data", "--skip-comments", db], capture_output=True, text=True
        )
        if r.returncode != 0:
            return f"mariadb-dump failed: {r.stderr}"
        dump = r.stdout.replace(f" DEFAULT CHARSET={cs} COLLATE={coll}", "")
    finally:
        sql(f"DROP DATABASE IF EXISTS `{db}`")
    dump_path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"schemashift-models-{os.getpid()}-{case}.sql")
    with open(dump_path, "w") as f:
        f.write(dump)
    try:
        r = subprocess.run(
            [cli, "diff", dump_path, *cli_args(case_dir),
             "--dialect", "mariadb", "--exit-code", "--strict"] + profile,
            capture_output=True,
            text=True,
        )
    finally:
        os.remove(dump_path)
    if r.returncode != 0:
        return f"schemashift diff <server dump> <models> exit {r.returncode}\n{r.stdout}{r.stderr}"
    return None


def versions():
    import sqlalchemy

    try:
        import sqlmodel

        sm = sqlmodel.__version__
    except ImportError:
        sm = None
    return sm, sqlalchemy.__version__


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cli", default=None)
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--mariadb", action="store_true")
    ap.add_argument("--child", default=None)
    ap.add_argument("--fixtures", default=FIXTURES,
                    help="folder of fixture folders (default core/tests/models); with another "
                         "folder, e.g. other projects' models, add --write to a scratch copy")
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    if args.child:
        ddl_in_child(args.child)
        return 0
    sm, sa_version = versions()
    profile = ["--sqlalchemy", ".".join(sa_version.split(".")[:2])]
    if sm:
        profile += ["--sqlmodel", sm]
    cases = args.cases or sorted(
        d for d in os.listdir(args.fixtures) if os.path.isdir(os.path.join(args.fixtures, d))
    )
    socket = os.environ.get("SCHEMASHIFT_MYSQL_SOCKET")
    if args.mariadb and not socket:
        print("--mariadb needs SCHEMASHIFT_MYSQL_SOCKET (scripts/mariadb.sh start DIR)")
        return 1
    failed = 0
    server_ok = 0
    tables = 0
    db_tables = 0
    cli_seconds = 0.0
    scratch = tempfile.mkdtemp(prefix="models_check_")
    for case in cases:
        case_dir = os.path.join(args.fixtures, case)
        if os.path.exists(os.path.join(case_dir, "warnings")):
            continue  # warning fixtures: not importable on purpose
        # A fixed hash seed: SQLAlchemy orders a table's indexes by iterating a set.
        r = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--child", os.path.abspath(case_dir)],
            capture_output=True,
            text=True,
            # Models that create a database file at import (tutorials) do it in a scratch folder.
            cwd=scratch,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        if r.returncode != 0:
            print(f"FAIL {case}: import/create_all failed\n{r.stderr}")
            failed += 1
            continue
        ddl = json.loads(r.stdout)
        for key in ("sqlite_db", "postgres_db"):
            text = ddl.pop(key, None)
            if text is None or args.no_cli:
                continue
            dialect = key.split("_")[0]
            with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
                f.write(text)
            r = subprocess.run(
                [cli_path(args), "diff", f.name, *cli_args(case_dir),
                 "--dialect", dialect, "--exit-code", "--strict"] + profile,
                capture_output=True, text=True)
            os.unlink(f.name)
            db_tables += text.count("CREATE TABLE")
            if r.returncode != 0:
                print(f"FAIL {case} {key}: schemashift diff exit {r.returncode} against the database\n{r.stdout}{r.stderr}")
                failed += 1
            else:
                print(f"ok   {case} {key} (real database)")
        for dialect, text in ddl.items():
            path = os.path.join(case_dir, f"expected.{dialect}.sql")
            if isinstance(text, dict):
                print(f"skip {case} {dialect}: SQLAlchemy cannot compile it for {dialect}: {text['error']}")
                if args.write and os.path.exists(path):
                    os.remove(path)
                continue
            header = "-- generated by core/tests/models_check.py; " + json.dumps({"sqlalchemy": sa_version, "sqlmodel": sm}) + "\n\n"
            text = header + text
            if args.write:
                with open(path, "w") as f:
                    f.write(text)
            else:
                try:
                    with open(path) as f:
                        old = f.read()
                except FileNotFoundError:
                    old = None
                if old != text:
                    print(f"FAIL {case} {dialect}: {path} differs from SQLAlchemy's DDL (run with --write)")
                    failed += 1
                    continue
            tables += text.count("CREATE TABLE")
            if args.no_cli:
                continue
            cli = cli_path(args)
            t0 = time.monotonic()
            r = subprocess.run(
                [cli, "diff", path, *cli_args(case_dir),
                 "--dialect", dialect, "--exit-code", "--strict"] + profile,
                capture_output=True,
                text=True,
            )
            cli_seconds += time.monotonic() - t0
            if r.returncode != 0:
                print(f"FAIL {case} {dialect}: schemashift diff exit {r.returncode}\n{r.stdout}{r.stderr}")
                failed += 1
            else:
                print(f"ok   {case} {dialect}")
            if args.mariadb and dialect == "mariadb":
                err = mariadb_check(case, case_dir, path, cli, profile, socket)
                if err:
                    print(f"FAIL {case} mariadb server: {err}")
                    failed += 1
                else:
                    print(f"ok   {case} mariadb server")
                    server_ok += 1
    server = f", {server_ok} read back from a real MariaDB" if args.mariadb else ""
    print(f"models: {len(cases)} fixtures, {tables} tables x dialect compared with create_all's DDL, "
          f"{db_tables} with real databases (SQLite file; PostgreSQL pg_dump -s when "
          f"SCHEMASHIFT_PGHOST is set){server}, {failed} failed; CLI time {cli_seconds:.2f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
