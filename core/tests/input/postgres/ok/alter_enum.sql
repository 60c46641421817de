-- ALTER TYPE on enums as the database applies them (issue 17): the recreate dance of an
-- enum migration (rename aside, create anew, convert, drop the old type) reads back as the
-- new type; RENAME VALUE keeps the label's place; SET SCHEMA moves the type and its columns
-- follow (arrays too). Mistakes are warnings at their statement.
CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE person (id integer PRIMARY KEY, m mood DEFAULT 'ok', ms mood[], l level);
ALTER TYPE mood RENAME TO mood__old;
CREATE TYPE mood AS ENUM ('happy', 'sad');
ALTER TABLE person ALTER COLUMN m DROP DEFAULT;
ALTER TABLE person ALTER COLUMN m TYPE mood USING m::text::mood;
ALTER TABLE person ALTER COLUMN m SET DEFAULT 'sad';
ALTER TABLE person ALTER COLUMN ms TYPE mood[] USING ms::text::mood[];
DROP TYPE mood__old;
ALTER TYPE level RENAME VALUE 'high' TO 'top';
ALTER TYPE level SET SCHEMA app;
ALTER TYPE app.level RENAME VALUE 'nope' TO 'x';
ALTER TYPE app.level RENAME VALUE 'low' TO 'top';
ALTER TYPE app.level RENAME TO mood;
ALTER TYPE app.level ADD VALUE 'mid' AFTER 'low';
