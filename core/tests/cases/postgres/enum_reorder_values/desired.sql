CREATE SCHEMA app;
CREATE TYPE app.priority AS ENUM ('low', 'medium', 'high');
CREATE TABLE app.ticket (
    id integer PRIMARY KEY,
    priority app.priority NOT NULL DEFAULT 'low',
    history app.priority[] NOT NULL DEFAULT '{}'
);
CREATE TABLE note (id integer PRIMARY KEY, ticket_priority app.priority);
