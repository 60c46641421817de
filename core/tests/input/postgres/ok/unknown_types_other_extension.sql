-- An extension schemashift does not know may bring any type: no warning.
CREATE EXTENSION IF NOT EXISTS some_gis_extension;
CREATE TABLE place (id int PRIMARY KEY, shape gis_shape);
-- A known one brings its own types only.
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE TABLE attrs (id int PRIMARY KEY, a hstore);
