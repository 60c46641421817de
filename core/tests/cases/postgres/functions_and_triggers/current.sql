CREATE TABLE t (id int PRIMARY KEY, updated_at timestamptz);
