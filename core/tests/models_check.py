"""Ground truth for the models.py frontend: real SQLAlchemy/SQLModel DDL per fixture.

For every fixture folder core/tests/models/<case>/ (a `models.py`, or a package `app/`), this
imports the models in a fresh interpreter, runs `metadata.create_all` on a mock engine for
PostgreSQL, SQLite, MySQL and MariaDB and compares the DDL with the committed `expected.<dialect>.sql`
(`--write` rewrites them). Then, unless `--no-cli`, it runs the built CLI
`schemashift diff expected.<dialect>.sql <models> --dialect <d> --exit-code` and requires exit 0
(schemashift's reading of the .py files diffs EMPTY against SQLAlchemy's DDL).

  .venv/bin/python core/tests/models_check.py [--write] [--cli PATH] [CASE...]

The profile flags the CLI gets (--sqlmodel, --sqlalchemy) are the installed versions.
"""

import argparse
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "models")
DIALECTS = {"postgres": "postgresql://", "sqlite": "sqlite://", "mysql": "mysql://", "mariadb": "mariadb://"}


def entry_of(case_dir):
    """The models path a user would give the CLI: models.py, else the package app/."""
    if os.path.exists(os.path.join(case_dir, "models.py")):
        return "models.py"
    return "app"


def ddl_in_child(case_dir):
    """Import the fixture and print {dialect: ddl} as JSON (run in a child interpreter)."""
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
    for dialect, url in DIALECTS.items():
        parts = []

        def executor(sql, *a, **kw):
            parts.append(str(sql.compile(dialect=engine.dialect)).strip() + ";")

        engine = sa.create_mock_engine(url, executor)
        try:
            for m in metas:
                m.create_all(engine, checkfirst=False)
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
    print(json.dumps(out))


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
    ap.add_argument("--child", default=None)
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
        d for d in os.listdir(FIXTURES) if os.path.isdir(os.path.join(FIXTURES, d))
    )
    failed = 0
    tables = 0
    cli_seconds = 0.0
    for case in cases:
        case_dir = os.path.join(FIXTURES, case)
        if os.path.exists(os.path.join(case_dir, "warnings")):
            continue  # warning fixtures: not importable on purpose
        # A fixed hash seed: SQLAlchemy orders a table's indexes by iterating a set.
        r = subprocess.run(
            [sys.executable, __file__, "--child", case_dir],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        if r.returncode != 0:
            print(f"FAIL {case}: import/create_all failed\n{r.stderr}")
            failed += 1
            continue
        ddl = json.loads(r.stdout)
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
            cli = args.cli or os.path.join(
                os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "..", "..", "target")),
                "debug",
                "schemashift",
            )
            t0 = time.monotonic()
            r = subprocess.run(
                [cli, "diff", path, os.path.join(case_dir, entry_of(case_dir)),
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
    print(f"models: {len(cases)} fixtures, {tables} tables x dialect compared, {failed} failed; CLI time {cli_seconds:.2f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
