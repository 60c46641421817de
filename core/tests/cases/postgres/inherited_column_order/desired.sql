CREATE TABLE animal (id int, added int);
CREATE TABLE zoo_animal (extra int, added int) INHERITS (animal);
CREATE TABLE big_cat (claws int, added int) INHERITS (zoo_animal);
