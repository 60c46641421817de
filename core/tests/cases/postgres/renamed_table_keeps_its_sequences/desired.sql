-- A table renamed after its serial columns were made (as an Alembic history's op.rename_table
-- does): the sequences keep their names and stay owned by the columns, renamed column
-- included. current.sql is pg_dump -s --no-owner of the database this file builds.
CREATE TABLE a (id serial PRIMARY KEY, n bigserial);
ALTER TABLE a RENAME TO b;
ALTER TABLE b RENAME COLUMN n TO m;
