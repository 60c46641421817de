CREATE TABLE q (pid integer, code text, CONSTRAINT p_pkey PRIMARY KEY (pid));
CREATE TABLE t (
    aa integer,
    b integer,
    d text,
    CONSTRAINT t_check CHECK (b > aa),
    CONSTRAINT t_a_fkey FOREIGN KEY (aa) REFERENCES q (pid)
);
CREATE INDEX ix_expr ON t ((aa + b)) WHERE aa > 0;
CREATE INDEX ix_d ON t (d);
