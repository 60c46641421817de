-- PostgreSQL's ChooseRelationName / ChooseConstraintName: table_columns_label, a number when
-- the name is taken among the schema's relations (and constraints), 63 bytes at most.
CREATE TABLE t (
    a int PRIMARY KEY UNIQUE,          -- one index: the UNIQUE is merged into the key
    b int UNIQUE,
    c int CHECK (c > 0),
    d int REFERENCES t (a),
    s serial
);
CREATE TABLE u (x int);
CREATE INDEX u_x_key ON u (x);         -- takes the name the unique below would get
ALTER TABLE u ADD UNIQUE (x);
CREATE TABLE a_table_with_a_rather_long_name_that_goes_on_and_on_and_on (
    a_column_with_an_equally_long_name_that_goes_on_and_on int UNIQUE
);
CREATE INDEX ON u (lower(x::text));
