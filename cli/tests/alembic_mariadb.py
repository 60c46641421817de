"""Real Alembic on a real MariaDB server: for every MySQL/MariaDB core case
(core/tests/cases/{mysql,mariadb}/*, minus mysql_only.txt ones) and the cases of
../shared/corpus/mysql that pass the SQL round trip (MariaDB flavour), a database is built from
the current DDL, the revision `schemashift diff --dialect mariadb --format alembic` writes is
applied with `alembic upgrade head`, the catalog (information_schema, as in
mysql_roundtrip.rs) must equal a database built from the desired DDL, and `alembic downgrade
-1` must bring back the current one. Column changes must be Alembic operations with MySQL
types (`op.alter_column` with `existing_*`, `op.add_column`, `op.create_table`), never
`op.execute` with a `MODIFY`/`ADD COLUMN`/`CREATE TABLE`, unless SQLAlchemy cannot spell the
column (generated, invisible, spatial, a MODIFY of a column with its own CHECK...).

Run: SCHEMASHIFT_MYSQL_SOCKET=/tmp/ss-my/mysqld.sock SCHEMASHIFT_BIN=target/debug/schemashift \
     .venv/bin/python cli/tests/alembic_mariadb.py   (the venv needs alembic, sqlalchemy, PyMySQL)
Environment: ALEMBIC_MARIADB_FILTER=substring, ALEMBIC_MARIADB_CORPUS=0 (own cases only).
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOCKET = os.environ.get("SCHEMASHIFT_MYSQL_SOCKET", "")
BIN = os.environ.get("SCHEMASHIFT_BIN", str(ROOT / "target" / "debug" / "schemashift"))
SHARED = Path(os.environ.get("SCHEMASHIFT_SHARED", ROOT.parent / "shared"))
FILTER = os.environ.get("ALEMBIC_MARIADB_FILTER", "")

ENV_PY = '''\
from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
connectable = create_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
'''

CATALOG = """
SELECT CONCAT_WS('|', 'table', table_name, engine, table_collation, table_comment)
  FROM information_schema.tables WHERE table_schema = '{db}' AND table_name <> 'alembic_version';
SELECT CONCAT_WS('|', 'column', table_name, column_name, column_type, is_nullable,
  IFNULL(column_default, '<none>'), REPLACE(extra, 'DEFAULT_GENERATED', ''),
  IFNULL(collation_name, '-'), column_comment, IFNULL(generation_expression, '-'))
  FROM information_schema.columns WHERE table_schema = '{db}' AND table_name <> 'alembic_version';
SELECT CONCAT_WS('|', 'index', table_name, index_name, non_unique, seq_in_index, column_name,
  IFNULL(sub_part, '-'), index_type)
  FROM information_schema.statistics WHERE table_schema = '{db}' AND table_name <> 'alembic_version';
SELECT CONCAT_WS('|', 'fk', table_name, constraint_name, referenced_table_name, update_rule,
  delete_rule) FROM information_schema.referential_constraints WHERE constraint_schema = '{db}';
SELECT CONCAT_WS('|', 'check', table_name, constraint_name, check_clause)
  FROM information_schema.check_constraints WHERE constraint_schema = '{db}';
SELECT CONCAT_WS('|', 'view', table_name, view_definition)
  FROM information_schema.views WHERE table_schema = '{db}';
SELECT CONCAT_WS('|', 'trigger', trigger_name, event_manipulation, event_object_table,
  action_timing, action_statement)
  FROM information_schema.triggers WHERE trigger_schema = '{db}';
SELECT CONCAT_WS('|', 'routine', routine_name, routine_type, routine_definition,
  IFNULL(dtd_identifier, '-'), is_deterministic, sql_data_access, security_type, routine_comment)
  FROM information_schema.routines WHERE routine_schema = '{db}';
SELECT CONCAT_WS('|', 'event', event_name, event_definition, event_type,
  IFNULL(execute_at, '-'), IFNULL(interval_value, '-'), IFNULL(interval_field, '-'), status,
  on_completion, event_comment)
  FROM information_schema.events WHERE event_schema = '{db}';
"""


# What SQLAlchemy has no spelling for: a column change with one of these stays op.execute.
UNSPELLABLE = (r"GENERATED ALWAYS|INVISIBLE|\b(point|geometry|linestring|polygon|multipoint|"
               r"multilinestring|multipolygon|geometrycollection|vector|uuid|inet4|inet6)\b|"
               r"NOT NULL ON UPDATE|"
               # A column's own CHECK (MariaDB): Alembic's MODIFY would leave it out (drop it).
               r"MODIFY COLUMN .* CHECK \(")


def mariadb(sql, db=None):
    # utf8mb4, as Alembic's PyMySQL connection: a view's string literals take the session's
    # character set, so the databases built here and the ones Alembic upgrades must share it.
    args = ["mariadb", "--no-defaults", f"--socket={SOCKET}", "-uroot", "-N", "-B", "--raw",
            "--default-character-set=utf8mb4"]
    if db:
        args.append(db)
    p = subprocess.run(args, input=sql, capture_output=True, text=True)
    if p.returncode != 0:
        err = [l for l in p.stderr.splitlines() if l.startswith("ERROR")] or p.stderr.splitlines()
        raise RuntimeError(err[0] if err else "mariadb failed")
    return p.stdout


def recreate(db):
    mariadb(f"DROP DATABASE IF EXISTS {db}; CREATE DATABASE {db} CHARACTER SET utf8mb4 "
            "COLLATE utf8mb4_general_ci;")


def load(db, path):
    # The statements under DELIMITER $$, so trigger bodies stay whole (as in mysql_roundtrip.rs).
    raw = Path(path).read_text()
    if re.search(r"^\s*DELIMITER ", raw, re.M | re.I):
        mariadb(raw, db)  # a dump with its own DELIMITER blocks: the client reads it as is
        return
    text = re.sub(r"--[^\n]*", "", raw)
    stmts, cur, depth, prev = [], [], 0, ""
    for tok in re.split(r"(;|\b\w+\b)", text):
        w = tok.lower()
        if w == "begin":
            depth += 1
        elif w == "end":
            depth -= 1
        elif prev == "end" and w in ("if", "while", "loop", "repeat"):
            depth += 1  # END IF closes no block
        elif w == "case" and prev != "end":
            depth += 1  # a CASE ends with END [CASE]
        if w.strip():
            prev = w
        if tok == ";" and depth <= 0:
            stmts.append("".join(cur))
            cur, depth = [], 0
        else:
            cur.append(tok)
    stmts.append("".join(cur))
    mariadb("DELIMITER $$\n" + "".join(s.strip() + "\n$$\n" for s in stmts if s.strip()), db)


def catalog(db):
    out = mariadb(CATALOG.format(db=db))
    return {l.replace(f"`{db}`.", "").replace(db, "DB") for l in out.splitlines() if l}


def diff(want, got):
    lines = sorted([f"- {l}" for l in want - got] + [f"+ {l}" for l in got - want],
                   key=lambda l: l[2:])
    return "\n".join(lines[:10])


def cases():
    out = []
    for d in ("mysql", "mariadb"):
        for c in sorted((ROOT / "core" / "tests" / "cases" / d).iterdir()):
            if (c / "current.sql").is_file() and not (c / "mysql_only.txt").exists():
                out.append(("own", c.name, c / "current.sql", c / "desired.sql"))
    corpus = SHARED / "corpus" / "mysql"
    if os.environ.get("ALEMBIC_MARIADB_CORPUS", "1") != "0" and corpus.is_dir():
        known = (HERE / "mysql_corpus_known_failures.txt").read_text()
        for c in sorted(corpus.iterdir()):
            meta = (c / "meta.json").read_text() if (c / "meta.json").exists() else ""
            mysql_only = '"flavor": "mysql"' in meta or '"flavor": "!mariadb"' in meta
            if not mysql_only and f"\n{c.name}:" not in known:
                out.append(("corpus", c.name, c / "from.sql", c / "to.sql"))
    return [c for c in out if FILTER in f"{c[0]}/{c[1]}"]


def run(case, index, tmp):
    from alembic import command
    from alembic.config import Config
    source, name, current, desired = case
    f, t = "ssal_from", "ssal_to"
    for db, path in ((f, current), (t, desired)):
        recreate(db)
        try:
            load(db, path)
        except RuntimeError as e:
            return "skip", f"{Path(path).name} does not load: {e}"
    art = Path(tmp) / f"{source}-{name}"
    (art / "versions").mkdir(parents=True)
    (art / "env.py").write_text(ENV_PY)
    (art / "script.py.mako").write_text("")
    ini = art / "alembic.ini"
    ini.write_text(f"[alembic]\nscript_location = {art}\nsqlalchemy.url = "
                   f"mysql+pymysql://root@localhost/{f}?unix_socket={SOCKET}\n")
    p = subprocess.run([BIN, "diff", str(current), str(desired), "--dialect", "mariadb",
                        "--format", "alembic", "-m", name, "--rev-id", f"{index:012x}",
                        "-o", str(art / "versions")], capture_output=True, text=True)
    if p.returncode != 0:
        return "fail", f"cli: {p.stderr.strip()[:300]}"
    # Column changes are Alembic operations with MySQL types (op.alter_column with the
    # existing_* arguments, op.add_column, op.create_table), not op.execute with SQL, except
    # for what SQLAlchemy cannot spell (generated and invisible columns, types without a
    # SQLAlchemy class).
    revision = next((art / "versions").glob("*.py")).read_text()
    for stmt in re.findall(r"^\s*op\.execute\((.*)\)$", revision, re.M):
        if re.search(r"MODIFY COLUMN|CHANGE COLUMN|ADD COLUMN|CREATE TABLE", stmt) and \
                not re.search(UNSPELLABLE, stmt, re.I):
            return "fail", f"op.execute for a column change: {stmt[:200]}"
    if name == "modify_columns" and revision.count("op.alter_column(") < 12:
        return "fail", "modify_columns: expected 12 op.alter_column (6 up, 6 down)"
    before, target = catalog(f), catalog(t)
    cfg = Config(str(ini))
    try:
        command.upgrade(cfg, "head")
    except Exception as e:  # noqa: BLE001 - any failure of the migration is the finding
        return "fail", f"upgrade: {str(e).splitlines()[0][:300]}"
    if (d := diff(target, catalog(f))):
        return "fail", f"upgrade mismatch:\n{d}"
    try:
        command.downgrade(cfg, "-1")
    except Exception as e:  # noqa: BLE001
        return "fail", f"downgrade: {str(e).splitlines()[0][:300]}"
    if (d := diff(before, catalog(f))):
        return "fail", f"downgrade mismatch:\n{d}"
    return "pass", ""


def main():
    if not SOCKET:
        print("alembic_mariadb: skipped (no SCHEMASHIFT_MYSQL_SOCKET)")
        return 0
    counts = {}
    failed_own = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(cases(), 1):
            verdict, detail = run(case, i, tmp)
            c = counts.setdefault(case[0], {"pass": 0, "fail": 0, "skip": 0})
            c[verdict] += 1
            if verdict != "pass":
                print(f"{verdict.upper()} {case[0]}/{case[1]}: {detail}")
            failed_own += verdict == "fail" and case[0] == "own"
    for source, c in counts.items():
        ran = c["pass"] + c["fail"]
        print(f"alembic_mariadb: {source}: {c['pass']}/{ran} upgrade + downgrade passed, "
              f"{c['skip']} skipped")
    return 1 if failed_own else 0


if __name__ == "__main__":
    sys.exit(main())
