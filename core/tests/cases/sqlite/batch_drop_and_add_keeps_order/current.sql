-- A column dropped and another added (an undeclared rename) in a table that is rebuilt: the
-- new column takes the place the model gives it in Alembic's batch mode too (insert_before).
CREATE TABLE t (
    id INTEGER PRIMARY KEY,
    title TEXT,
    n INTEGER
);
CREATE INDEX ix_t_n ON t (n);
CREATE INDEX ix_t_title ON t (title);
