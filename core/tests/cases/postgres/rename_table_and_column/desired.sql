CREATE TABLE task ( -- schemashift: renamed from todo
    id integer PRIMARY KEY,
    name text NOT NULL, -- schemashift: renamed from title
    done boolean DEFAULT false
);
CREATE INDEX todo_title_idx ON task (name);
CREATE TABLE tag (
    id integer PRIMARY KEY,
    task_id integer REFERENCES task (id), -- @renamed from=todo_id
    label text
);
