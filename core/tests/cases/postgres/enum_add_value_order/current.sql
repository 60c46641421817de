-- A new enum value nothing else uses goes after the steps that can fail on the rows (here
-- SET NOT NULL on a column with NULLs): a failure then leaves the database as it was. A
-- value another step uses (mood 'meh', the new column's default) goes first.
CREATE TYPE status AS ENUM ('todo', 'done');
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE task (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'todo',
    note text
);
