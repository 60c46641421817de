-- Labels reordered, none lost (issue 17): ALTER TYPE cannot move a label, so the enum is
-- recreated: renamed aside, created anew, every column of the type (and of an array of it, in
-- any schema) converted through text with its default dropped around the conversion, the old
-- type dropped. No hazard: every row's label exists in the new type.
CREATE SCHEMA app;
CREATE TYPE app.priority AS ENUM ('low', 'high', 'medium');
CREATE TABLE app.ticket (
    id integer PRIMARY KEY,
    priority app.priority NOT NULL DEFAULT 'low',
    history app.priority[] NOT NULL DEFAULT '{}'
);
CREATE TABLE note (id integer PRIMARY KEY, ticket_priority app.priority);
