CREATE TABLE t (
    id INTEGER PRIMARY KEY,
    name VARCHAR(20), -- schemashift: renamed from title
    n INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_t_n ON t (n);
CREATE INDEX ix_t_title ON t (name);
