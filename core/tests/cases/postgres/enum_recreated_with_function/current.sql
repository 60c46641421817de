-- A function taking an enum that is recreated is dropped before and created after, and the view
-- calling it around both (issue 13.2).
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (id int PRIMARY KEY, m mood);
CREATE FUNCTION is_happy(x mood) RETURNS boolean LANGUAGE sql AS $$ SELECT x = 'happy' $$;
CREATE VIEW hv AS SELECT id, is_happy(m) AS h FROM person;
