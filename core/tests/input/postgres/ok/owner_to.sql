-- Issue 12 #8: ownership is not compared, and says so once (W001) at the first OWNER TO.
CREATE TABLE t (id int);
ALTER TABLE t OWNER TO bob;
CREATE TYPE mood AS ENUM ('a');
ALTER TYPE mood OWNER TO bob;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION f() OWNER TO alice;
ALTER SCHEMA public OWNER TO pg_database_owner;
ALTER TABLE ONLY missing OWNER TO bob;
