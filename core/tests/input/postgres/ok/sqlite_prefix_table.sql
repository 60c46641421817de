-- A PostgreSQL table may be called sqlite_*: only SQLite reserves the prefix (issue 11).
CREATE TABLE sqlite_log (id int PRIMARY KEY, message text NOT NULL);
