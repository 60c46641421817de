#!/usr/bin/env python3
"""Alembic histories replayed by schemashift against real Alembic on real databases.

For every history fixture (core/tests/histories/<name>/versions, with any application modules
beside it) and every database (SQLite always; PostgreSQL when SCHEMASHIFT_PGHOST is set;
MariaDB when SCHEMASHIFT_MYSQL_SOCKET is set and the fixture has no `no-mysql` marker file;
a `dialects` file limits a fixture to the databases it names):

1. upgrade: for each revision REV (base to head, every branch), a fresh database is brought to
   REV by `alembic upgrade REV` and dumped (`pg_dump -s`, sqlite_master, `SHOW CREATE TABLE`);
   `schemashift diff DUMP versions@REV --exit-code` must find no difference, that is,
   schemashift's static replay of the history builds the schema real Alembic built;
   With several heads, `alembic upgrade heads` must build what the replay of the folder named
   without @REV (and with @heads) builds;
2. downgrade (linear histories): from head, `alembic downgrade -1` step by step; after each step
   the dump must equal schemashift's replay at the revision Alembic is now at, so the
   downgrade() bodies were run as they are and undo what the replay says their upgrades did
   (fixtures whose downgrade is incomplete on purpose list `REV [DIALECT...]` lines in
   `downgrade-differs`, and there the diff must NOT be empty).
3. review: `schemashift review versions/ --json` must say `restores` for exactly the revisions
   whose real downgrade restored the schema (step 2);
4. offline autogenerate (fixtures with a models.py): `schemashift diff versions models.py
   --format alembic -o versions` writes the next revision with no database; real `alembic
   upgrade head` runs it on a database at the old head, and real `alembic check` against the
   models must report nothing to do.

Environment: SCHEMASHIFT_BIN (the CLI, default target/debug/schemashift), SCHEMASHIFT_PGHOST,
SCHEMASHIFT_MYSQL_SOCKET, HISTORY_FILTER (substring of <fixture>/<db>).
Run: .venv/bin/python cli/tests/alembic_history.py  (scripts/test.sh step `alembic_history`)
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = ROOT / "core" / "tests" / "histories"
BIN = os.environ.get("SCHEMASHIFT_BIN", str(ROOT / "target" / "debug" / "schemashift"))

ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine

config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
'''


# env.py for `alembic check`: target_metadata is the fixture's models.py.
ENV_PY_MODELS = '''
import importlib.util
from alembic import context
from sqlalchemy import create_engine

config = context.config
spec = importlib.util.spec_from_file_location("models", config.get_main_option("models_path"))
models = importlib.util.module_from_spec(spec)
spec.loader.exec_module(models)
engine = create_engine(config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=models.Base.metadata)
    with context.begin_transaction():
        context.run_migrations()
'''


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


class Db:
    """One kind of database: fresh databases by name, their URL and their schema dump."""

    def fresh(self, name):
        raise NotImplementedError


class Sqlite(Db):
    dialect = "sqlite"

    def __init__(self, tmp):
        self.tmp = tmp

    def fresh(self, name):
        path = self.tmp / f"{name}.db"
        if path.exists():
            path.unlink()
        return f"sqlite:///{path}"

    def dump(self, name):
        con = sqlite3.connect(self.tmp / f"{name}.db")
        rows = con.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).fetchall()
        con.close()
        return "".join(r[0] + ";\n" for r in rows)


class Postgres(Db):
    dialect = "postgres"

    def __init__(self, host):
        self.host = host
        self.env = dict(os.environ, PGHOST=host, PGUSER="postgres")

    def psql(self, sql):
        r = run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql], env=self.env)
        if r.returncode:
            raise RuntimeError(r.stderr)

    def fresh(self, name):
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.psql(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@/{name}?host={self.host}"

    def dump(self, name):
        r = run(["pg_dump", "-s", "--no-owner", "--no-privileges", "-d", name], env=self.env)
        if r.returncode:
            raise RuntimeError(r.stderr)
        return r.stdout


class Mariadb(Db):
    dialect = "mariadb"

    def __init__(self, socket):
        self.socket = socket

    def sql(self, sql, db=None):
        cmd = ["mariadb", "-uroot", f"--socket={self.socket}", "-N", "-B", "-e", sql]
        if db:
            cmd.insert(1, db)
        r = run(cmd)
        if r.returncode:
            raise RuntimeError(r.stderr)
        return r.stdout

    def fresh(self, name):
        self.sql(f"DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}`")
        return f"mysql+pymysql://root@localhost/{name}?unix_socket={self.socket}"

    def dump(self, name):
        r = run(["mariadb-dump", "-uroot", f"--socket={self.socket}", "--no-data", "--skip-comments", name])
        if r.returncode:
            raise RuntimeError(r.stderr)
        # The database's default character set and collation (the server's: the history
        # names none) are left out, as core/tests/models_check.py does.
        cs, coll = self.sql(
            f"SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{name}'"
        ).split()
        return r.stdout.replace(f" DEFAULT CHARSET={cs} COLLATE={coll}", "")


def alembic_env(tmp, fixture, url):
    """An Alembic environment in `tmp` whose versions are a copy of the fixture's."""
    env_dir = tmp / "env"
    if env_dir.exists():
        shutil.rmtree(env_dir)
    env_dir.mkdir(parents=True)
    (env_dir / "env.py").write_text(ENV_PY)
    shutil.copytree(fixture / "versions", env_dir / "versions",
                    ignore=shutil.ignore_patterns("__pycache__"))
    ini = tmp / "alembic.ini"
    ini.write_text(f"[alembic]\nscript_location = {env_dir}\nsqlalchemy.url = {url}\n")
    return ini


def alembic(ini, *args, fixture=None):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if fixture is not None:
        env["PYTHONPATH"] = str(fixture) + os.pathsep + env.get("PYTHONPATH", "")
    exe = str(Path(sys.executable).parent / "alembic")
    r = run([exe, "-c", str(ini), *args], env=env)
    if r.returncode:
        raise RuntimeError(f"alembic {' '.join(args)}: {r.stderr.strip()[-1500:]}")
    return r.stdout


def revisions(fixture):
    """(id, down revisions) base first, from Alembic's own script directory."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    cfg = Config()
    with tempfile.TemporaryDirectory() as d:
        shutil.copytree(fixture / "versions", Path(d) / "versions",
                        ignore=shutil.ignore_patterns("__pycache__"))
        cfg.set_main_option("script_location", d)
        sd = ScriptDirectory.from_config(cfg)
        # Revisions that import the application's modules (beside versions/) load as
        # `alembic` loads them with PYTHONPATH set.
        sys.path.insert(0, str(fixture))
        try:
            revs = list(sd.walk_revisions())
        finally:
            sys.path.remove(str(fixture))
    revs.reverse()
    return [(r.revision, r.down_revision) for r in revs]


def compare(db, fixture, dump, rev):
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(dump)
        path = f.name
    target = f"{fixture / 'versions'}@{rev}" if rev else str(fixture / "versions")
    args = [BIN, "diff", path, target, "--dialect", db.dialect, "--exit-code"]
    if (fixture / "app").exists():
        args += ["--python-path", str(fixture)]
    r = run(args)
    os.unlink(path)
    # A replay that leaves something uncompared (a warning) would agree with any database:
    # fixtures without a `warns` file (which says why they warn) must replay without one.
    if r.returncode == 0 and "warning[" in r.stderr and not (fixture / "warns").exists():
        r.returncode = 99
        r.stdout = "the replay warned (fixtures without a `warns` file must not):\n"
    return r


def main():
    dbs = []
    tmp_root = Path(tempfile.mkdtemp(prefix="ss-history-"))
    dbs.append(Sqlite(tmp_root))
    if os.environ.get("SCHEMASHIFT_PGHOST"):
        dbs.append(Postgres(os.environ["SCHEMASHIFT_PGHOST"]))
    if os.environ.get("SCHEMASHIFT_MYSQL_SOCKET"):
        dbs.append(Mariadb(os.environ["SCHEMASHIFT_MYSQL_SOCKET"]))
    flt = os.environ.get("HISTORY_FILTER", "")
    passed = failed = 0
    t0 = time.time()
    for fixture in sorted(p for p in FIXTURES.iterdir() if (p / "versions").is_dir()):
        revs = revisions(fixture)
        linear = all(d is None or isinstance(d, str) for _, d in revs) and \
            len({d for _, d in revs}) == len(revs)
        # `REV [DIALECT...]` lines: downgrades that leave a difference on purpose.
        differs = {}
        if (fixture / "downgrade-differs").exists():
            for line in (fixture / "downgrade-differs").read_text().splitlines():
                words = line.split("#")[0].split()
                if words:
                    differs[words[0]] = set(words[1:])
        for db in dbs:
            name = f"{fixture.name}/{db.dialect}"
            if flt not in name:
                continue
            if db.dialect == "mariadb" and (fixture / "no-mysql").exists():
                continue
            # `dialects`: names (one a line) of the only databases the history runs on (one
            # written with `mysql.*` types).
            only = fixture / "dialects"
            if only.exists() and db.dialect not in only.read_text().split():
                continue
            tmp = tmp_root / fixture.name / db.dialect
            tmp.mkdir(parents=True, exist_ok=True)
            dbname = f"hist_{fixture.name}"[:60]
            problems = []
            # `<db>-stops-at`: the project's own revision fails on that real database from
            # this revision on (the file says why); earlier revisions are still checked.
            stop = fixture / f"{db.dialect}-stops-at"
            stop = stop.read_text().split()[0] if stop.exists() else None
            # 1. upgrade to every revision from a fresh database.
            for rev, _ in revs:
                if rev == stop:
                    break
                url = db.fresh(dbname)
                ini = alembic_env(tmp, fixture, url)
                try:
                    alembic(ini, "upgrade", rev, fixture=fixture)
                except RuntimeError as e:
                    problems.append(f"upgrade {rev}: {e}")
                    break
                r = compare(db, fixture, db.dump(dbname), rev)
                if r.returncode != 0:
                    problems.append(f"upgrade {rev}: replay differs from the database (exit {r.returncode}):\n{r.stdout}{r.stderr}")
            # 1b. several heads: `alembic upgrade heads`, against the folder named without @REV
            # (and with @heads).
            downs = set()
            for _, d in revs:
                downs.update([d] if isinstance(d, str) else (d or ()))
            heads = len([r for r, _ in revs if r not in downs]) > 1
            if not problems and heads:
                url = db.fresh(dbname)
                ini = alembic_env(tmp, fixture, url)
                try:
                    alembic(ini, "upgrade", "heads", fixture=fixture)
                    dump = db.dump(dbname)
                    for rev in ("heads", None):
                        r = compare(db, fixture, dump, rev)
                        if r.returncode != 0:
                            problems.append(f"upgrade heads: replay{'@' + rev if rev else ''} differs from the database (exit {r.returncode}):\n{r.stdout}{r.stderr}")
                except RuntimeError as e:
                    problems.append(f"upgrade heads: {e}")
            # 2. downgrade step by step from head.
            # `no-downgrade`: the project's own downgrades fail on real Alembic (the file says why).
            if linear and not problems and not stop and not (fixture / "no-downgrade").exists():
                url = db.fresh(dbname)
                ini = alembic_env(tmp, fixture, url)
                alembic(ini, "upgrade", "head", fixture=fixture)
                # schemashift review's verdicts, to agree with what real downgrades do.
                rv = run([BIN, "review", str(fixture / "versions"), "--dialect", db.dialect, "--json"])
                verdicts = {r["revision"]["id"]: r["restores"] for r in json.loads(rv.stdout or "[]")}
                for i in range(len(revs) - 1, -1, -1):
                    rev = revs[i][0]
                    below = revs[i - 1][0] if i > 0 else "base"
                    try:
                        alembic(ini, "downgrade", "-1", fixture=fixture)
                    except RuntimeError as e:
                        problems.append(f"downgrade {rev}: {e}")
                        break
                    r = compare(db, fixture, db.dump(dbname), below)
                    same = r.returncode == 0
                    if verdicts.get(rev) != same:
                        problems.append(f"review of {rev}: verdict restores={verdicts.get(rev)}, but the real downgrade {'restores' if same else 'does not restore'} the schema")
                    if rev in differs and (not differs[rev] or db.dialect in differs[rev]):
                        if same:
                            problems.append(f"downgrade {rev}: expected to leave a difference (downgrade-differs), found none")
                    elif not same:
                        problems.append(f"downgrade {rev}: database after downgrade differs from the replay at {below} (exit {r.returncode}):\n{r.stdout}{r.stderr}")
            # 4. offline autogenerate (fixtures with a models.py): the next revision written by
            # `schemashift diff versions models.py --format alembic -o versions`, run by real
            # Alembic on a database at the old head; then `alembic check` against the models
            # must find nothing to do.
            if (fixture / "models.py").exists() and not problems and not stop:
                url = db.fresh(dbname)
                ini = alembic_env(tmp, fixture, url)
                versions = tmp / "env" / "versions"
                try:
                    alembic(ini, "upgrade", "head", fixture=fixture)
                    r = run([BIN, "diff", str(versions), str(fixture / "models.py"), "--dialect", db.dialect,
                             "--format", "alembic", "-m", "offline autogenerate", "--rev-id", "ffff00000001",
                             "--create-date", "2026-01-01 00:00:00", "-o", str(versions)])
                    if r.returncode != 0:
                        raise RuntimeError(f"schemashift diff: {r.stderr}")
                    alembic(ini, "upgrade", "head", fixture=fixture)
                    (tmp / "env" / "env.py").write_text(ENV_PY_MODELS)
                    with open(ini, "a") as f:
                        f.write(f"models_path = {fixture / 'models.py'}\n")
                    out = alembic(ini, "check", fixture=fixture)
                    if "No new upgrade operations detected" not in out:
                        problems.append(f"alembic check after the offline revision: {out}")
                    autogen = " + offline autogenerate, alembic check clean"
                except RuntimeError as e:
                    problems.append(f"offline autogenerate: {e}")
            else:
                autogen = ""
            if problems:
                failed += 1
                print(f"FAIL {name}")
                for p in problems:
                    print("   " + p.replace("\n", "\n   "))
            else:
                passed += 1
                down = linear and not stop and not (fixture / "no-downgrade").exists()
                n = [r for r, _ in revs].index(stop) if stop else len(revs)
                print(f"PASS {name} ({n} revisions up{', upgrade heads' if heads else ''}{' and down' if down else ''}{autogen})")
    shutil.rmtree(tmp_root, ignore_errors=True)
    print(f"alembic_history: {passed} passed, {failed} failed in {time.time() - t0:.1f}s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
