"""The SQLite half of alembic_roundtrip.py: schemashift's Alembic revision files (batch mode for
table rebuilds) through real Alembic against real SQLite database files.

For every case: CUR.db is built from the current schema and seeded with up to two rows per
table, DES.db from the desired schema; `alembic upgrade head` on CUR.db must give DES.db's
catalog, `alembic check` (target_metadata reflected from DES.db) must find nothing, and
`alembic downgrade -1` must give CUR.db's catalog back; tables kept keep their rows.

The catalog is read through SQLite: per table its columns from `PRAGMA table_xinfo` (declared
type compared case-insensitively: SQLAlchemy writes `VARCHAR(10)` where the DDL said
`varchar(10)`), foreign keys (`PRAGMA foreign_key_list`), indexes (`PRAGMA index_list` /
`index_xinfo`, automatic ones by their columns), CHECK clauses, and the SQL of views and
triggers. Besides, `schemashift diff <schema after upgrade> desired.sql --dialect sqlite
--exit-code` must find no change (the model's own comparison), and every table's columns must
come in the order the SQL script (UP, or DOWN for the downgrade) gives them.
"""

import re
import sqlite3
import subprocess

FROM_FILE_RE = re.compile(r"\bCHECK\s*\(", re.I)


def q(name):
    return '"' + name.replace('"', '""') + '"'


def build(path, sql):
    # `.schema` output lists SQLite's own sqlite_sequence table, which cannot be created.
    sql = re.sub(r"CREATE TABLE sqlite_sequence\s*\([^)]*\)\s*;", "", sql, flags=re.I)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(sql)
        conn.commit()
    finally:
        conn.close()


def tables(conn):
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' AND name <> 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name")]


def value(decl, k):
    t = (decl or "").upper()
    if "INT" in t:
        return k
    if any(s in t for s in ("CHAR", "CLOB", "TEXT")):
        return chr(ord("a") + k - 1)
    if "BLOB" in t or not t:
        return bytes([k])
    if any(s in t for s in ("REAL", "FLOA", "DOUB")):
        return k + 0.5
    if "BOOL" in t:
        return k % 2
    if "DATE" in t or "TIME" in t:
        return f"2000-01-0{k} 12:00:00"
    return k


def seed(path):
    """Up to two rows in every table, parents first (retrying until nothing more goes in)."""
    conn = sqlite3.connect(path)
    try:
        todo = tables(conn)
        for k in (1, 2):
            pending = list(todo)
            progress = True
            while pending and progress:
                progress = False
                for t in list(pending):
                    cols = [r for r in conn.execute(f"PRAGMA table_xinfo({q(t)})")
                            if r[6] == 0]  # hidden 0: ordinary columns
                    fks = {r[3]: (r[2], r[4]) for r in conn.execute(
                        f"PRAGMA foreign_key_list({q(t)})")}
                    for minimal in (False, True):
                        names, exprs, params = [], [], []
                        for cid, name, decl, notnull, dflt, pk, _hidden in cols:
                            if name in fks:
                                parent, pcol = fks[name]
                                pcol = pcol or "rowid"
                                names.append(q(name))
                                exprs.append(f"(SELECT {q(pcol)} FROM {q(parent)} "
                                             f"ORDER BY rowid LIMIT 1 OFFSET {k - 1})")
                                continue
                            if dflt is not None or (minimal and not notnull and not pk):
                                continue
                            names.append(q(name))
                            exprs.append("?")
                            params.append(value(decl, k))
                        sql = (f"INSERT INTO {q(t)} ({', '.join(names)}) VALUES "
                               f"({', '.join(exprs)})" if names
                               else f"INSERT INTO {q(t)} DEFAULT VALUES")
                        try:
                            conn.execute(sql, params)
                            conn.commit()
                            pending.remove(t)
                            progress = True
                            break
                        except sqlite3.Error:
                            conn.rollback()
            todo = [t for t in todo if t not in pending]
    finally:
        conn.close()


class Catalog:
    def __init__(self, path):
        conn = sqlite3.connect(path)
        try:
            self.lines, self.rows, self.schema = set(), {}, []
            for t in tables(conn):
                self.rows[t] = conn.execute(f"SELECT count(*) FROM {q(t)}").fetchone()[0]
                for cid, name, decl, notnull, dflt, pk, hidden in conn.execute(
                        f"PRAGMA table_xinfo({q(t)})"):
                    self.lines.add(f"column {t}.{name} type={(decl or '').upper()} "
                                   f"notnull={notnull} default={dflt} pk={pk} hidden={hidden}")
                for r in conn.execute(f"PRAGMA foreign_key_list({q(t)})"):
                    self.lines.add(f"fk {t} {r[3]} -> {r[2]}.{r[4]} update={r[5]} "
                                   f"delete={r[6]} match={r[7]}")
                for seq, iname, unique, origin, partial in conn.execute(
                        f"PRAGMA index_list({q(t)})"):
                    cols = [r[2] for r in conn.execute(f"PRAGMA index_xinfo({q(iname)})")
                            if r[5]]
                    label = iname if origin == "c" else f"({origin})"
                    self.lines.add(f"index {t} {label} unique={unique} partial={partial} "
                                   f"cols={cols}")
                sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                   (t,)).fetchone()[0] or ""
                for m in FROM_FILE_RE.finditer(sql):
                    depth, i = 1, m.end()
                    while i < len(sql) and depth:
                        depth += {"(": 1, ")": -1}.get(sql[i], 0)
                        i += 1
                    self.lines.add(f"check {t} " + " ".join(sql[m.end():i - 1].split()))
            for kind, name, sql in conn.execute(
                    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger')"
                    " OR sql LIKE 'CREATE VIRTUAL%'"):
                self.lines.add(f"{kind} {name} " + " ".join((sql or "").split()))
            self.schema = [r[0] for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> "
                "'alembic_version' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")]
        finally:
            conn.close()

    def diff(self, got):
        # SQLite names are case-insensitive, and so are keywords in the SQL it keeps: compare
        # lower-cased, without blanks inside type parentheses (`NUMERIC( 10, 2 )`).
        def norm(lines):
            return {re.sub(r"\(\s*([^()]*?)\s*\)", lambda m: "(" + re.sub(r"\s*,\s*", ",",
                                                                          m.group(1)) + ")",
                           l.lower()) for l in lines}
        mine, theirs = norm(self.lines), norm(got.lines)
        lines = sorted([(l, "-") for l in mine - theirs] + [(l, "+") for l in theirs - mine])
        return "\n".join(f"{s} {l}" for l, s in lines[:20]) if lines else None

    def row_changes(self, after, target):
        low = lambda rows: {t.lower(): n for t, n in rows.items()}  # noqa: E731
        mine, now, there = low(self.rows), low(after.rows), low(target.rows)
        out = [f"{t}: {n} rows before, {now.get(t, '(gone)')} after"
               for t, n in sorted(mine.items())
               if t in there and now.get(t) != n]
        return "\n".join(out) if out else None

    def seeded(self):
        return sum(1 for n in self.rows.values() if n > 0), len(self.rows)


def converges(bin_path, catalog, desired, workdir):
    """`schemashift diff <schema of the database> desired.sql` finds nothing."""
    dump = workdir / "after_upgrade.sql"
    dump.write_text(";\n".join(catalog.schema) + ";\n" if catalog.schema else "")
    p = subprocess.run([bin_path, "diff", str(dump), str(desired), "--dialect", "sqlite",
                        "--exit-code"], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    if p.returncode == 0:
        return None
    return (p.stdout + p.stderr).strip()[:2000]


def column_orders(path):
    """Each table's columns in order."""
    conn = sqlite3.connect(path)
    try:
        return {t.lower(): [r[1].lower() for r in conn.execute(f"PRAGMA table_xinfo({q(t)})")]
                for t in tables(conn)}
    finally:
        conn.close()


def same_order_as_sql(bin_path, case, got, workdir, down=False):
    """The column order of every table of `got` (a database after Alembic's upgrade, or
    downgrade) against the same start migrated by schemashift's SQL script."""
    start, end = (case.desired, case.current) if down else (case.current, case.desired)
    p = subprocess.run([bin_path, "diff", str(start), str(end), "--dialect", "sqlite",
                        *case.rename_args], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    if p.returncode != 0:
        return f"the SQL script: {p.stderr.strip()[:500]}"
    db = workdir / ("sql_down.db" if down else "sql_up.db")
    db.unlink(missing_ok=True)
    build(db, start.read_text())
    conn = sqlite3.connect(db)
    try:
        conn.executescript(p.stdout)
    finally:
        conn.close()
    want, have = column_orders(db), column_orders(got)
    out = [f"{t}: SQL script {want[t]}, Alembic {have.get(t)}"
           for t in sorted(want) if t in have and have[t] != want[t]]
    return "\n".join(out) if out else None


def check_noise(exc, tables_both=frozenset()):
    """Whether everything `alembic check` reports is a known blind spot of Alembic's comparator
    on SQLite (not a difference of the databases, which the catalog comparison judges):

    - names that differ only in case (SQLite ignores it; Alembic compares names exactly);
    - a foreign key whose ON DELETE/ON UPDATE SQLAlchemy's SQLite reflection reads only from
      table-level `FOREIGN KEY` clauses, not from inline `REFERENCES` (the same key shows up as
      remove_fk + add_fk differing in those options alone).
    """
    diffs = getattr(exc, "diffs", None)
    if not diffs:
        return False
    keys = []
    for d in diffs:
        if isinstance(d, list):  # modify_* come as lists of tuples
            return False
        kind, obj = d[0], d[1]
        if kind in ("add_table", "remove_table"):
            if obj.name.lower() in tables_both:
                continue  # the table is on both sides, spelled in another case
            keys.append(("table", obj.name.lower(), kind.startswith("add")))
        elif kind in ("add_index", "remove_index"):
            keys.append(("index", (obj.name or "").lower(), kind.startswith("add")))
        elif kind in ("add_fk", "remove_fk"):
            fk = (obj.table.name.lower(), tuple(c.lower() for c in obj.column_keys),
                  obj.referred_table.name.lower())
            keys.append(("fk", fk, kind.startswith("add")))
        else:
            return False
    if not keys:
        return True
    adds = sorted((k, n) for k, n, add in keys if add)
    removes = sorted((k, n) for k, n, add in keys if not add)
    return adds == removes
