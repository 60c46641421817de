CREATE TABLE t (
  id int PRIMARY KEY,
  a int,
  b int,
  c int,
  UNIQUE KEY uq_a (a),
  KEY ix_b (b),
  KEY ix_c (c),
  KEY ix_ab (a, b)
);
