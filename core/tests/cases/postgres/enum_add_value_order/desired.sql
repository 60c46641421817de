CREATE TYPE status AS ENUM ('todo', 'blocked', 'done', 'archived');
CREATE TYPE mood AS ENUM ('happy', 'meh', 'sad');
CREATE TABLE task (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'todo',
    note text NOT NULL,
    mood mood NOT NULL DEFAULT 'meh'
);
