CREATE TABLE person (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, age INTEGER CHECK (age >= 0), email TEXT NOT NULL);
CREATE UNIQUE INDEX ux_person_name ON person (name);
