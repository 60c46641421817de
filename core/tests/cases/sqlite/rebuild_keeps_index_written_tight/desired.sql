-- Indexes written `ON c(pid)`, without a space: SQLite keeps their text as written, and the
-- table rebuild recreates them as `ON c (pid)`; the catalogs compare as the same index.
CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id), note TEXT NOT NULL DEFAULT '');
CREATE INDEX c_pid ON c(pid);
CREATE INDEX c_note ON c(note);
