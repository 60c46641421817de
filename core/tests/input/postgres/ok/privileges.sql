CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE SEQUENCE s;
-- ALL stands for every privilege of the object kind (PostgreSQL's list).
GRANT ALL ON users TO admin;
GRANT ALL (name) ON users TO editor;
GRANT ALL ON SEQUENCE s TO admin WITH GRANT OPTION;
REVOKE DELETE ON users FROM admin;
GRANT admin TO alice;
