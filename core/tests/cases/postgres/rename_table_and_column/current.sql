CREATE TABLE todo (
    id integer PRIMARY KEY,
    title text NOT NULL,
    done boolean DEFAULT false
);
CREATE INDEX todo_title_idx ON todo (title);
CREATE TABLE tag (
    id integer PRIMARY KEY,
    todo_id integer REFERENCES todo (id),
    label text
);
