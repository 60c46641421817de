-- Children that declare a column of their own get it before their parents and lose it after them
-- (PostgreSQL merges; an inherited column cannot be dropped from a child) (issue 13.5).
CREATE TABLE animal (id int);
CREATE TABLE zoo_animal (extra int) INHERITS (animal);
CREATE TABLE big_cat (claws int) INHERITS (zoo_animal);
