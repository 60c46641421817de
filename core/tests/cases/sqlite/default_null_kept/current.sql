-- DEFAULT NULL in any spelling is no default (nothing to change when only that differs), but a
-- table or column created from a definition that writes it is created with it (SQLite keeps it).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT DEFAULT NULL,
    note TEXT
);
