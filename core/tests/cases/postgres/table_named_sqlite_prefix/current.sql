-- Bug (issue 11): SQLite's `sqlite_*` internal-table skip ran for PostgreSQL too, so a
-- PostgreSQL table named sqlite_log was silently dropped from the schema.
CREATE TABLE users (id int PRIMARY KEY);
