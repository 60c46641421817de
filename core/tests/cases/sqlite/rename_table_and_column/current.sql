CREATE TABLE todo (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    done BOOLEAN DEFAULT 0
);
CREATE INDEX todo_title_idx ON todo (title);
CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    todo_id INTEGER REFERENCES todo (id),
    label TEXT
);
