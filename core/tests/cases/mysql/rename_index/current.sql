-- `ALTER TABLE .. RENAME {INDEX|KEY} a TO b` (MySQL 5.7, MariaDB 10.5): an index, a unique key
-- and a key MySQL named itself keep their definitions under the new names.
CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, UNIQUE KEY uq (a), KEY ix (b), KEY (c));
ALTER TABLE t RENAME INDEX ix TO ix_b;
ALTER TABLE t RENAME KEY uq TO uq_a;
ALTER TABLE t RENAME INDEX c TO ix_c;
