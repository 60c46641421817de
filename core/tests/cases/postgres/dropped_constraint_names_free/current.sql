-- Names of constraints and indexes that were dropped (with their column, or by DROP CONSTRAINT)
-- are free again: PostgreSQL gives the same names to the ones made after (`_fkey`, not
-- `_fkey1`), as a migration history replayed statement by statement makes them.
CREATE TABLE revision (id integer PRIMARY KEY);
CREATE TABLE package (
    id integer PRIMARY KEY,
    revision_id integer REFERENCES revision (id),
    code text UNIQUE,
    kind text
);
CREATE INDEX ON package (kind);
ALTER TABLE package DROP COLUMN revision_id;
ALTER TABLE package ADD COLUMN revision_id integer REFERENCES revision (id);
ALTER TABLE package DROP CONSTRAINT package_code_key;
ALTER TABLE package ADD UNIQUE (code);
ALTER TABLE package DROP COLUMN kind;
ALTER TABLE package ADD COLUMN kind text;
CREATE INDEX ON package (kind);
ALTER TABLE package DROP CONSTRAINT package_pkey;
ALTER TABLE package ADD PRIMARY KEY (id);
