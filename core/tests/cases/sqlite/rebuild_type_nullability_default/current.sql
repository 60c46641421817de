CREATE TABLE "user" (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100),
    email VARCHAR(255) NOT NULL,
    score REAL DEFAULT 0
);
CREATE UNIQUE INDEX ix_user_email ON "user" (email);
CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES "user" (id),
    body TEXT
);
CREATE VIEW user_names AS SELECT id, name FROM "user";
