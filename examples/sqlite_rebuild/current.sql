-- SQLite `.schema` output. SQLite cannot change a column's type or constraints in place:
-- the migration rebuilds the table (create new, copy rows, drop old, rename).
CREATE TABLE task (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES user (id),
    title VARCHAR(200) NOT NULL,
    done INTEGER DEFAULT 0
);
CREATE INDEX idx_task_user_id ON task (user_id);
CREATE TABLE user (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE
);
