CREATE TABLE t (id int PRIMARY KEY, note text);
COMMENT ON TABLE t IS 'old';
