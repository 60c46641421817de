CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    notes TEXT,
    legacy_code TEXT
);
CREATE INDEX ix_task_legacy ON task (legacy_code);
