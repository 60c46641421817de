-- Saved by an editor that writes a byte-order mark (issue 12 #5): it is skipped.
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
