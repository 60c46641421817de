#!/usr/bin/env python3
"""Seed corpora for the fuzz targets (written to fuzz/corpus/<target>/, not committed).

Sources: the core test cases (tests/cases, tests/input, tests/models, tests/models_warn,
tests/histories),
../shared/corpus/<dialect>/<Case>/{from,to}.sql and ../shared/bench-inputs split into small
groups of statements (a few per seed, so an ALTER still follows its CREATE TABLE). Each seed
is named by its hash, so re-running adds nothing twice. The committed fuzz/seeds/<target>/
are a small hand-picked set that works without ../shared.

    python3 fuzz/make_corpus.py [--max-per-target N]
"""
import hashlib
import pathlib
import re
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
REPO = FUZZ.parent
SHARED = pathlib.Path(__import__("os").environ.get("SCHEMASHIFT_SHARED", REPO.parent / "shared"))
MAX = 4000
if "--max-per-target" in sys.argv:
    MAX = int(sys.argv[sys.argv.index("--max-per-target") + 1])

DIALECT_BYTE = {"postgres": 0, "sqlite": 1, "mysql": 2, "mariadb": 3}
SQL_TARGET = {"postgres": "sql_postgres", "sqlite": "sql_sqlite", "mysql": "sql_mysql", "mariadb": "sql_mysql"}

seeds = {}


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    bucket = seeds.setdefault(target, {})
    if len(bucket) < MAX and data:
        bucket[hashlib.sha1(data).hexdigest()] = data


def read(p):
    try:
        return p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def statements(text):
    """Split DDL at `;` ending a line, keeping $$ bodies whole (good enough for seeds)."""
    out, cur, in_dollar = [], [], False
    for line in text.splitlines(keepends=True):
        cur.append(line)
        in_dollar ^= line.count("$$") % 2 == 1
        if not in_dollar and re.search(r";\s*(--.*)?$", line):
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return [s for s in out if s.strip()]


def groups(text, size=2048):
    """Consecutive statements, up to `size` bytes a group."""
    cur = ""
    for s in statements(text):
        if cur and len(cur) + len(s) > size:
            yield cur
            cur = ""
        cur += s
    if cur:
        yield cur


def sql_file(dialect, p, whole_limit=8192):
    text = read(p)
    if text is None:
        return
    if len(text) <= whole_limit:
        add(SQL_TARGET[dialect], text)
    for g in groups(text):
        add(SQL_TARGET[dialect], g)


def pair(dialect, current, desired, models=False):
    if current is None or desired is None:
        return
    if len(current) + len(desired) > 16384:
        return
    b = DIALECT_BYTE[dialect] | (0x80 if models else 0)
    add("pipeline", bytes([b]) + current.encode() + b"\0" + desired.encode())


# Core test cases.
for d in DIALECT_BYTE:
    for case in sorted((REPO / "core/tests/cases" / d).glob("*/")):
        cur, des = read(case / "current.sql"), read(case / "desired.sql")
        for p in (case / "current.sql", case / "desired.sql"):
            sql_file(d, p)
        pair(d, cur, des)
    for p in sorted((REPO / "core/tests/input" / d).rglob("*.sql")):
        sql_file(d, p)
for root in ("core/tests/models", "core/tests/models_warn"):
    for case in sorted((REPO / root).glob("*/")):
        for py in sorted(case.rglob("*.py")):
            text = read(py)
            if text is None:
                continue
            for d, b in DIALECT_BYTE.items():
                add("models_py", bytes([b]) + text.encode())
                expected = read(case / f"expected.{d}.sql")
                if expected is not None and py.name == "models.py":
                    pair(d, expected, text, models=True)
                    pair(d, "", text, models=True)
for probe in sorted((SHARED / "sqlmodel/probes").rglob("*.py")):
    text = read(probe)
    if text is not None:
        add("models_py", b"\0" + text.encode())

# Alembic histories: the revision files of each history joined by NUL bytes (each history's
# first k revisions, and each revision alone).
for versions in sorted((REPO / "core/tests/histories").glob("*/versions")):
    texts = [read(p) for p in sorted(versions.glob("*.py"))]
    texts = [t for t in texts if t is not None]
    for b in DIALECT_BYTE.values():
        for k in range(1, len(texts) + 1):
            add("alembic_history", bytes([b]) + "\0".join(texts[:k]).encode())
        for t in texts:
            add("alembic_history", bytes([b]) + t.encode())

# The shared corpus.
for d in ("postgres", "sqlite", "mysql"):
    for case in sorted((SHARED / "corpus" / d).glob("*/")):
        frm, to = read(case / "from.sql"), read(case / "to.sql")
        for p in (case / "from.sql", case / "to.sql"):
            sql_file(d, p)
        pair(d, frm, to)
        pair(d, to, frm)

# Real dumps, split into statements.
bench = SHARED / "bench-inputs"
for p in sorted(bench.glob("*")):
    if p.suffix == ".md":
        continue
    d = "sqlite" if "sqlite" in p.name else "postgres"
    text = read(p)
    if text is None:
        continue
    for i, g in enumerate(groups(text)):
        if i % 7 == 0:  # a sample: the dumps repeat themselves
            add(SQL_TARGET[d], g)
            if i % 21 == 0:
                pair(d, g, "")

for target, bucket in sorted(seeds.items()):
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    new = 0
    for name, data in bucket.items():
        f = out / name
        if not f.exists():
            f.write_bytes(data)
            new += 1
    print(f"{target}: {len(bucket)} seeds ({new} new) in {out.relative_to(REPO)}")
