CREATE TABLE t (
    id int CONSTRAINT t_pk PRIMARY KEY,
    a int CONSTRAINT t_a_uq UNIQUE,
    b int,
    c int
);
CREATE INDEX ix_b ON t (b);
CREATE INDEX ix_c_renamed ON t (c);
