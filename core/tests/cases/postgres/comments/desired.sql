CREATE TABLE t (id int PRIMARY KEY, note text);
COMMENT ON TABLE t IS 'it''s new';
COMMENT ON COLUMN t.note IS 'free text';
