CREATE TABLE t (id integer, name text);
CREATE TABLE "Odd" ("Id" bigint PRIMARY KEY);
