CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE t (id int,, x int);
