CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100));
CREATE SEQUENCE ticket_seq;
GRANT SELECT, UPDATE (name) ON TABLE users TO readonly_user, "My User";
GRANT ALL ON users TO writer;
REVOKE DELETE ON users FROM writer;
