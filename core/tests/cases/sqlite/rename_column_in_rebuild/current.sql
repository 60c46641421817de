-- A declared column rename (done in place first) and a type change on it in a rebuilt table.
CREATE TABLE t (
    id INTEGER PRIMARY KEY,
    title TEXT,
    n INTEGER
);
CREATE INDEX ix_t_n ON t (n);
CREATE INDEX ix_t_title ON t (title);
