-- Indexes renamed after they were made (`ALTER INDEX .. RENAME TO`): an index keeps its
-- definition under the new name, and renaming the index of a primary key or unique constraint
-- renames the constraint.
CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, b int, c int);
CREATE INDEX ix ON t (b);
CREATE INDEX ix_c ON t (c);
ALTER INDEX ix RENAME TO ix_b;
ALTER INDEX t_pkey RENAME TO t_pk;
ALTER INDEX IF EXISTS public.t_a_key RENAME TO t_a_uq;
ALTER INDEX IF EXISTS missing RENAME TO missing2;
