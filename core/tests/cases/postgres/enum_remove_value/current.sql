CREATE TYPE status AS ENUM ('todo', 'doing', 'done');
CREATE TABLE task (id int PRIMARY KEY, status status NOT NULL DEFAULT 'todo');
