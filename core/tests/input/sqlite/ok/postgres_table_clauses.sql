-- PostgreSQL's table clauses read as SQLite: `WITH (fillfactor=70)` used to be kept as a table
-- option and written after the table (`CREATE TABLE t (..) fillfactor=70`, which SQLite rejects).
-- Now each is a W001 warning and left out.
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE UNLOGGED TABLE events (id INTEGER PRIMARY KEY, at TEXT) WITH (fillfactor = 70);
CREATE INDEX events_at ON events (at) WITH (fillfactor = 90);
