-- Statements PostgreSQL has but the model does not hold stay warnings (W001, issue 12 #2).
CREATE TABLE t (id int);
INSERT INTO t VALUES (1);
CREATE AGGREGATE my_sum (int) (sfunc = int4pl, stype = int);
ANALYZE t;
CREATE CAST (text AS int) WITH INOUT;
