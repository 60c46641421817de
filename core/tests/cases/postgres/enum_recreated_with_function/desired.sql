CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE person (id int PRIMARY KEY, m mood);
CREATE FUNCTION is_happy(x mood) RETURNS boolean LANGUAGE sql AS $$ SELECT x = 'happy' $$;
CREATE VIEW hv AS SELECT id, is_happy(m) AS h FROM person;
