CREATE TABLE t (name text DEFAULT 'oops);
