-- An enum recreated (a value removed) while a check, a partial index, an expression index, a
-- view and a default compare its column with its values: dropped before, recreated after (issue 13.2, 13.4).
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (id int PRIMARY KEY, name varchar(50), current_mood mood DEFAULT 'ok', CONSTRAINT not_sad CHECK (current_mood <> 'sad'));
CREATE VIEW happy_people AS SELECT id, name FROM person WHERE current_mood = 'happy';
CREATE INDEX person_happy ON person (id) WHERE current_mood = 'happy';
CREATE INDEX person_expr ON person ((current_mood = 'happy'));
