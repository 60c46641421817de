-- Bug (issue 11): SQLite's STRICT / WITHOUT ROWID / AUTOINCREMENT were kept in the same list as
-- PostgreSQL's storage parameters, so this came out as `CREATE TABLE t (..) WITH (STRICT)`.
-- PostgreSQL has no such clauses: they are reported (W001) and left out.
CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE t (id int PRIMARY KEY) STRICT;
CREATE TABLE kv (k text PRIMARY KEY, v bytea) WITHOUT ROWID;
CREATE TABLE tuned (id int PRIMARY KEY) WITH (fillfactor = 70);
