CREATE TABLE t (name text);
CREATE TABLE u (t_id int, name text);
