-- The desired SQLite schema: a wider title, `done` becomes NOT NULL with a CHECK, and a new
-- column with a default. The NOT NULL and CHECK changes force a table rebuild.
CREATE TABLE user (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE
);
CREATE TABLE task (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
    title VARCHAR(300) NOT NULL,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    priority TEXT NOT NULL DEFAULT 'medium'
);
CREATE INDEX idx_task_user_id ON task (user_id);
