-- The names PostgreSQL gives unnamed indexes and unique constraints, written out: `INCLUDE`
-- columns are part of them, and a part met twice is numbered (`expr`, `expr1`), as its
-- ChooseIndexColumnNames does (sqldef's UnnamedIndexNameIncludesIncludeColumns and
-- UnnamedIndexOnRepeatedExpressionsCountsDuplicates).
CREATE TABLE t (
    a bigint NOT NULL,
    b text,
    c integer,
    CONSTRAINT t_c_b_key UNIQUE (c) INCLUDE (b)
);
CREATE INDEX t_a_b_idx ON t USING btree (a) INCLUDE (b);
CREATE INDEX t_expr_expr1_idx ON t USING btree ((a + 1), (a + 2));
CREATE INDEX t_lower_lower1_idx ON t USING btree (lower(b), lower((b || 'x'::text)));
CREATE INDEX t_c_c1_idx ON t USING btree (c, c);
