-- A schema written as a history of ALTERs (as a migration tool replays it): renamed and
-- dropped columns take their indexes and constraints with them, renamed tables keep their
-- indexes and the foreign keys that reference them.
CREATE TABLE p (id integer PRIMARY KEY, code text);
CREATE TABLE t (
    a integer REFERENCES p (id),
    b integer CHECK (b > a),
    c integer,
    d text
);
CREATE INDEX ix_expr ON t ((a + b)) WHERE a > 0;
CREATE INDEX ix_cd ON t (c, d);
ALTER TABLE t ADD CONSTRAINT uq_c UNIQUE (c);
ALTER TABLE p RENAME COLUMN id TO pid;
ALTER TABLE p RENAME TO q;
ALTER TABLE t RENAME COLUMN a TO aa;
ALTER TABLE t DROP COLUMN c;
