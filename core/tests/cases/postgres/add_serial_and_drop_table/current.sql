CREATE TABLE legacy (id serial PRIMARY KEY, data text);
CREATE TABLE t (name text);
