-- A foreign key needs an index at all times (MySQL/MariaDB refuse to drop the last one:
-- "needed in a foreign key constraint"): the key or index that takes over is added first,
-- and the old one dropped after it (in the same ALTER TABLE when they share a name).
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY);
-- The foreign key's own index (named after the key) gives way to a unique key.
CREATE TABLE t3 (
  id int NOT NULL PRIMARY KEY,
  c1 int,
  c2 int,
  CONSTRAINT t3_c1_fkey FOREIGN KEY (c1) REFERENCES t1 (id)
);
-- An unnamed foreign key's index is named after its column, as is the unique key.
CREATE TABLE t4 (
  id int NOT NULL PRIMARY KEY,
  c1 int,
  FOREIGN KEY (c1) REFERENCES t1 (id)
);
-- An index of its own that a wider one replaces.
CREATE TABLE t5 (
  id int NOT NULL PRIMARY KEY,
  c1 int,
  c2 int,
  KEY by_c1 (c1),
  CONSTRAINT t5_fk FOREIGN KEY (c1) REFERENCES t1 (id)
);
