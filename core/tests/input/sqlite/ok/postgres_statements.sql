-- Bug (issue 11): PostgreSQL-only statements read as SQLite came out as
-- `-- schemashift: SQLite has no statement for: ...` lines in the script, with no diagnostic.
-- Now each is a W001 warning at its position and stays out of the schema.
CREATE SCHEMA app;
CREATE EXTENSION citext;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE ticket_seq;
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, mood TEXT);
COMMENT ON TABLE users IS 'people';
GRANT SELECT ON users TO reader;
ALTER SEQUENCE ticket_seq RESTART WITH 10;
