CREATE TABLE t (
    a bigint NOT NULL,
    b text,
    c integer,
    d integer,
    UNIQUE (c) INCLUDE (b)
);
CREATE INDEX ON t (a) INCLUDE (b);
CREATE INDEX ON t ((a + 1), (a + 2));
CREATE INDEX ON t (lower(b), lower(b || 'x'));
CREATE INDEX ON t (c, c);
