CREATE TABLE task ( -- @renamed from=todo
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, -- @renamed from=title
    done BOOLEAN DEFAULT 0
);
CREATE INDEX todo_title_idx ON task (name);
CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    task_id INTEGER REFERENCES task (id), -- schemashift: renamed from todo_id
    label TEXT
);
