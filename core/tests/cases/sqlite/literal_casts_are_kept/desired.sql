-- Bug (issue 11): PostgreSQL's printing rules (casts on literals dropped, '1' read as 1) ran
-- for SQLite, so this change of default was not seen: in a column without affinity
-- CAST(1 AS TEXT) stores the text '1' and 1 the integer 1.
CREATE TABLE setting (
    id INTEGER PRIMARY KEY,
    value DEFAULT 1
);
