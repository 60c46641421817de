CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (
    id bigint PRIMARY KEY,
    name varchar(300),
    bio text,
    nickname text,
    visits bigint,
    price numeric(10,2),
    mood mood
);
CREATE TABLE audit_log (id integer PRIMARY KEY, line text);
