CREATE TABLE t (id int PRIMARY KEY, amount text DEFAULT '0', code int, ratio real);
