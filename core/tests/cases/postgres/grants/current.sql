CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100));
CREATE SEQUENCE ticket_seq;
GRANT SELECT ON users TO writer WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE ticket_seq TO writer;
