CREATE TABLE t1 (id int NOT NULL PRIMARY KEY);
CREATE TABLE t3 (
  id int NOT NULL PRIMARY KEY,
  c1 int,
  c2 int,
  UNIQUE (c1),
  KEY by_c2 (c2),
  CONSTRAINT t3_c1_fkey FOREIGN KEY (c1) REFERENCES t1 (id)
);
CREATE TABLE t4 (
  id int NOT NULL PRIMARY KEY,
  c1 int,
  UNIQUE KEY (c1),
  FOREIGN KEY (c1) REFERENCES t1 (id)
);
CREATE TABLE t5 (
  id int NOT NULL PRIMARY KEY,
  c1 int,
  c2 int,
  KEY by_c1_c2 (c1, c2),
  CONSTRAINT t5_fk FOREIGN KEY (c1) REFERENCES t1 (id)
);
