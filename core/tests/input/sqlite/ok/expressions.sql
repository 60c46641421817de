-- SQLite stores expressions as written: casts of literals are kept (issue 11: PostgreSQL's
-- printing rules do not run here).
CREATE TABLE s (
    id INTEGER PRIMARY KEY,
    a DEFAULT (CAST(1 AS TEXT)),
    b TEXT DEFAULT '0.00',
    c INTEGER CHECK (c BETWEEN 1 AND 5)
);
