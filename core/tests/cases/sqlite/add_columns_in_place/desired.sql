CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    description TEXT,
    priority INTEGER NOT NULL DEFAULT 1,
    done BOOLEAN NOT NULL DEFAULT 0,
    slug TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL
);
CREATE INDEX ix_task_priority ON task (priority);
