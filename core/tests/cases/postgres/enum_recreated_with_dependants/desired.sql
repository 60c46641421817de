CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE person (id int PRIMARY KEY, name varchar(50), current_mood mood, CONSTRAINT not_sad CHECK (current_mood <> 'sad'));
CREATE VIEW happy_people AS SELECT id, name FROM person WHERE current_mood = 'happy';
CREATE INDEX person_happy ON person (id) WHERE current_mood = 'happy';
CREATE INDEX person_expr ON person ((current_mood = 'happy'));
