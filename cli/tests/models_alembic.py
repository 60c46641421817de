#!/usr/bin/env python3
"""The seed's workflow end to end, with real Alembic: SQLModel models at step N and N+1
(cli/tests/models_alembic/step1, step2) -> `schemashift diff ... --format alembic` -> `alembic
upgrade head` -> `alembic check` clean against the models themselves (target_metadata is the
models' own SQLModel.metadata, imported by env.py: real SQLAlchemy compares them with the
database).

For SQLite (a database file) always, and PostgreSQL when SCHEMASHIFT_PGHOST names a server's
socket directory (scripts/pg.sh; user postgres):
  1. `schemashift diff <empty> step1/models.py --format alembic -o versions`, `alembic upgrade
     head` on a fresh database (built at step N), `alembic check` against step 1's models;
  2. `schemashift diff step1/models.py step2/models.py --format alembic -o versions` (revises the
     head of versions/), `alembic upgrade head`, `alembic check` against step 2's models;
  3. `alembic downgrade -1`, then (step 2's revision file removed, so that step 1 is the head)
     `alembic check` against step 1's models again.

  .venv/bin/python cli/tests/models_alembic.py --cli target/debug/schemashift
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = HERE / "models_alembic"

ENV_PY = '''\
"""Alembic environment: target_metadata is the SQLModel metadata of the models in models_dir."""
import importlib
import sys

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
sys.path.insert(0, config.get_main_option("models_dir"))
importlib.import_module("models")
from sqlmodel import SQLModel  # noqa: E402

target_metadata = SQLModel.metadata

connectable = create_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
'''


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL, **kw)
    return p.returncode, p.stdout, p.stderr


class Failed(Exception):
    pass


def alembic(work, models_dir, url, *args):
    ini = work / "alembic.ini"
    ini.write_text(
        "[alembic]\n"
        f"script_location = {work}\n"
        f"sqlalchemy.url = {url}\n"
        f"models_dir = {models_dir}\n")
    code, out, err = run([sys.executable, "-m", "alembic", "-c", str(ini), *args])
    if code != 0:
        raise Failed(f"alembic {' '.join(args)} (models {models_dir.name}):\n{out}{err}")
    return out + err


def revision(bin_path, work, current, desired, dialect, rev, message):
    code, out, err = run([bin_path, "diff", str(current), str(desired), "--dialect", dialect,
                          "--format", "alembic", "-m", message, "--rev-id", rev,
                          "--create-date", "2026-01-01 00:00:00", "-o", str(work / "versions"),
                          "--strict"])
    # Hazard warnings (table rebuilds...) are expected; input warnings fail under --strict.
    if code != 0:
        raise Failed(f"schemashift diff {current} {desired} (exit {code}):\n{err}")
    return Path(out.strip())


def scenario(bin_path, dialect, url, reset):
    work = Path(tempfile.mkdtemp(prefix=f"ss-models-alembic-{dialect}-"))
    try:
        (work / "versions").mkdir()
        (work / "env.py").write_text(ENV_PY)
        (work / "script.py.mako").write_text("")
        empty = work / "empty.sql"
        empty.write_text("")
        step1, step2 = STEPS / "step1", STEPS / "step2"
        reset()
        revision(bin_path, work, empty, step1 / "models.py", dialect, "000000000001", "step 1")
        alembic(work, step1, url, "upgrade", "head")
        alembic(work, step1, url, "check")
        # The control: at step 1, the step 2 models are not up to date.
        try:
            alembic(work, step2, url, "check")
        except Failed as e:
            if "New upgrade operations detected" not in str(e):
                raise
        else:
            raise Failed("alembic check found nothing between step 1's database and step 2's models")
        rev2 = revision(bin_path, work, step1 / "models.py", step2 / "models.py", dialect,
                        "000000000002", "step 2")
        if "down_revision: Union[str, Sequence[str], None] = '000000000001'" not in rev2.read_text():
            raise Failed(f"{rev2} does not revise step 1")
        alembic(work, step2, url, "upgrade", "head")
        alembic(work, step2, url, "check")
        alembic(work, step1, url, "downgrade", "-1")
        # `alembic check` needs the database at head: step 2's revision goes away.
        rev2.unlink()
        alembic(work, step1, url, "check")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    args = ap.parse_args()
    failed = 0
    runs = []
    db_dir = Path(tempfile.mkdtemp(prefix="ss-models-alembic-db-"))
    db = db_dir / "app.db"

    def reset_sqlite():
        if db.exists():
            db.unlink()

    runs.append(("sqlite", f"sqlite:///{db}", reset_sqlite))
    pghost = os.environ.get("SCHEMASHIFT_PGHOST")
    if pghost:
        name = f"ss_models_alembic_{os.getpid()}"
        env = dict(os.environ, PGHOST=pghost, PGUSER="postgres")

        def reset_pg():
            for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
                code, out, err = run(["psql", "-X", "-q", "-d", "postgres", "-c", sql], env=env)
                if code != 0:
                    raise Failed(f"psql: {err}")

        runs.append(("postgres", f"postgresql+psycopg://postgres@/{name}?host={pghost}",
                     reset_pg))
    for dialect, url, reset in runs:
        try:
            scenario(args.cli, dialect, url, reset)
            print(f"ok   {dialect}: step 1 -> upgrade -> check, step 2 -> upgrade -> check, downgrade -> check")
        except Failed as e:
            failed += 1
            print(f"FAIL {dialect}: {e}")
    shutil.rmtree(db_dir, ignore_errors=True)
    if not pghost:
        print("note: PostgreSQL not run (no SCHEMASHIFT_PGHOST)")
    print(f"models_alembic: {len(runs)} run(s), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
